package triples

import (
	"slices"
	"strings"

	"github.com/conflictkg/kg/schema"
)

// The place stage says where actors are and what they hold, facts news
// writing states in passing rather than with a verb: "a group based in the
// Damascus suburbs", "Jaish al-Islam's posts in al-Maraji", "the al-Qadam
// rebels", "Douma, a stronghold of the group", "areas under the control of
// rebels". It also resolves definite descriptions of places ("the area",
// "the town", "the capital") to the place of that kind named last, so that
// the other rules read "attacks on the area" as attacks on it.

// placeMemory is what an article has said of places so far.
type placeMemory struct {
	seen  []placeSeen // places named, oldest first
	group *Mention    // the specific armed group last named as a sentence's subject
}

type placeSeen struct {
	m        Mention
	sentence int
}

// placeNounTypes are the heads of definite descriptions of a place ("the
// town") and the types of place each can refer to. "capital" is resolved
// apart: to a capital city.
var placeNounTypes = map[string][]string{
	"area":          {schema.Location, schema.Region, schema.District},
	"region":        {schema.Region, schema.Province},
	"town":          {schema.City},
	"city":          {schema.City},
	"district":      {schema.District},
	"neighborhood":  {schema.District},
	"neighbourhood": {schema.District},
	"province":      {schema.Province},
	"governorate":   {schema.Province},
	"capital":       nil,
}

// placeWindow is how many sentences back a definite description may reach:
// "the area" only to the sentence before; a town or city stays salient longer.
func placeWindow(noun string) int {
	if noun == "area" || noun == "region" {
		return 1
	}
	return 5
}

// placeAnaphors adds to ms, for each "the area", "the town", "the capital"
// ... that names no place itself ("the city of Douma", "the capital
// Damascus" do), a mention of the place of that kind the article named
// last, then remembers the sentence's places. A description with no place
// of its kind in reach stays unresolved: "the area" never becomes a city.
func (d *discourse) placeAnaphors(toks []Token, ms []Mention, g *Gazetteer) []Mention {
	p := &d.places
	now := d.sentences
	owned := make([]bool, len(toks)+1)
	for _, m := range ms {
		for k := m.Start; k < m.End; k++ {
			owned[k] = true
		}
	}
	var added []Mention
	unknown := unknownTowns(toks, ms)
	for i := 0; i+1 < len(toks); i++ {
		n := i + 1
		w := toks[n].Lower
		if toks[i].Lower != "the" || owned[i] || owned[n] || toks[n].Hyphen {
			continue
		}
		types, ok := placeNounTypes[w]
		if !ok {
			continue
		}
		if n+1 < len(toks) {
			next := toks[n+1]
			if owned[n+1] || next.IsCapitalized() || next.Hyphen || placeNamers[next.Lower] {
				continue // "the city of Douma", "the capital Damascus", "the area around Daraa"
			}
		}
		if i > 0 && owned[i-1] || referencePoint(toks, i) {
			continue // "the plain outside the city", "south of the city", "40 per cent of the town"
		}
		// Candidates: this sentence's places before it, then earlier ones, latest first.
		var cands []Mention
		for _, m := range slices.Concat(ms, added, unknown) {
			if m.End <= i && (m.Kind() == "location" && salient(toks, m) || m.ID == "") {
				cands = append(cands, m)
			}
		}
		slices.SortStableFunc(cands, func(a, b Mention) int { return b.Start - a.Start })
		for _, s := range slices.Backward(p.seen) {
			if now-s.sentence <= placeWindow(w) {
				cands = append(cands, s.m)
			}
		}
		for _, m := range cands {
			if m.ID == "" {
				if w == "town" || w == "city" {
					break // a town the gazetteer does not know was named since
				}
				continue
			}
			e, ok := fitsPlaceNoun(w, types, m.Entity, g)
			if !ok {
				continue
			}
			added = append(added, Mention{Entity: e, Start: i, End: n + 1, Text: spanText(toks, i, n+1), Match: MatchDefinite})
			break
		}
	}
	if len(added) > 0 {
		ms = slices.Concat(ms, added)
		slices.SortStableFunc(ms, func(a, b Mention) int { return a.Start - b.Start })
	}
	p.note(toks, ms, g, now)
	return ms
}

// placeNamers after a place noun say the phrase names or locates its place
// itself: "the city of Douma", "the area around Daraa".
var placeNamers = map[string]bool{"of": true, "around": true, "near": true, "surrounding": true, "'s": true, "where": true}

// fitsPlaceNoun reports whether place e can be what noun refers to, and
// which entity it is: for "the capital", e if it is a capital city, or the
// capital e lies in ("pockets in the southern neighborhoods of Damascus ...
// in the capital").
func fitsPlaceNoun(noun string, types []string, e Entity, g *Gazetteer) (Entity, bool) {
	if noun != "capital" {
		return e, slices.Contains(types, e.Type)
	}
	for range 4 {
		x, ok := g.entry(e.ID)
		if !ok {
			return Entity{}, false
		}
		if x.Type == schema.City && slices.ContainsFunc(x.Aliases, func(a string) bool {
			return strings.HasSuffix(strings.ToLower(a), " capital")
		}) {
			return x.Entity, true
		}
		i := slices.IndexFunc(x.Relations, func(r Relation) bool { return r.Predicate == schema.LocatedIn })
		if i < 0 {
			return Entity{}, false
		}
		if e, ok = g.Entity(x.Relations[i].Target); !ok {
			return Entity{}, false
		}
	}
	return Entity{}, false
}

// note remembers the places of sentence now, with those named inside
// another name ("a civil committee in Douma"), and the specific group that
// is its subject: the first actor, when it is an armed group not governed
// by a preposition.
func (p *placeMemory) note(toks []Token, ms []Mention, g *Gazetteer, now int) {
	firstActor := true
	for _, u := range unknownTowns(toks, ms) {
		p.seen = append(p.seen, placeSeen{u, now})
	}
	for _, m := range ms {
		switch {
		case m.Kind() == "location":
			if salient(toks, m) {
				p.seen = append(p.seen, placeSeen{m, now})
			}
		case m.IsActor() && firstActor:
			firstActor = false
			if m.Type == schema.ArmedGroup && m.ID != "rebels" && (m.Start == 0 || !preps[toks[m.Start-1].Lower]) {
				p.group = &m
			}
		}
		if m.Kind() != "location" && m.End-m.Start > 2 && g != nil {
			for k := m.Start + 1; k < m.End; k++ {
				if e, n := g.matchAt(toks, k); n > 0 && k+n <= m.End && g.entries[e].Kind() == "location" {
					p.seen = append(p.seen, placeSeen{Mention{Entity: g.entries[e].Entity, Start: k, End: k + n, Text: spanText(toks, k, k+n), Match: MatchGazetteer}, now})
					break
				}
			}
		}
	}
	if len(p.seen) > 64 {
		p.seen = slices.Delete(p.seen, 0, len(p.seen)-64)
	}
}

// places returns the facts of where the sentence's actors are and what
// they hold.
func (c *clause) places() []relation {
	var out []relation
	add := func(rs ...relation) {
		for _, r := range rs {
			if r.subj.ID == "" || r.obj.ID == "" || !r.subj.IsActor() || r.obj.Kind() != "location" {
				continue
			}
			if slices.ContainsFunc(out, func(x relation) bool {
				return x.subj.ID == r.subj.ID && x.predicate == r.predicate && x.obj.ID == r.obj.ID
			}) {
				continue
			}
			out = append(out, r)
		}
	}
	for k := range c.toks {
		if c.ownerAt(k) >= 0 {
			if r, ok := c.placeModifier(k); ok {
				add(r)
			}
			continue
		}
		switch w := c.word(k); {
		case w == "based":
			add(c.basedIn(k)...)
		case holdings[w] != "":
			add(c.holdingIn(k)...)
		case stays[w]:
			add(c.staysIn(k)...)
		case w == "stronghold" || w == "bastion":
			add(c.stronghold(k)...)
		case w == "under":
			add(c.underControl(k)...)
		}
	}
	for _, t := range c.triggers {
		switch {
		case t.Kind != KindVerb:
		case t.Predicate == schema.Controls:
			add(c.controlsPart(t)...)
		case t.Predicate == schema.Evacuates:
			add(c.evacuated(t)...)
		case firing[t.Predicate]:
			add(c.fireFrom(t)...)
		}
	}
	return out
}

// place reads the place phrase starting at token k, after a preposition:
// "al-Maraji", "the Damascus suburbs", "large areas of the rural belt
// surrounding Damascus", "the southern area around Daraa province". part
// is true when it names a part of the place returned; outside is true when
// it names what lies around it ("the outskirts of X", "areas near X").
func (c *clause) place(k int) (m Mention, part, outside, ok bool) {
	for n := 0; k < len(c.toks) && n < 4 && c.ownerAt(k) < 0; n++ {
		w := c.word(k)
		switch {
		case skippable[w] || placeAdjectives[w] || strings.HasSuffix(w, "ern") || c.toks[k].Hyphen || k+1 < len(c.toks) && c.toks[k+1].Hyphen:
			// "the", "large", "eastern", "government-controlled"
		case suburbs[w] || w == "rural" || w == "belt":
			// "the suburbs of Damascus", "the rural belt surrounding Damascus"
			j := k + 1
			for j < len(c.toks) && (c.word(j) == "belt" || c.word(j) == "areas") {
				j++
			}
			switch c.word(j) {
			case "of", "surrounding", "around":
				if o := c.ownerAt(j + 1 + skipArticle(c, j+1)); o >= 0 && c.mentions[o].Kind() == "location" {
					m, p, out, ok := c.around(c.mentions[o])
					return m, part || p, outside || out, ok
				}
			}
			return Mention{}, false, false, false
		case parts[w]:
			part = true
			outside = outside || w == "outskirts" || w == "edge"
			if nx := c.word(k + 1); nx == "of" || nx == "in" {
				k++
				if c.word(k+1) == "and" && c.word(k+2) == "around" {
					k += 2 // "areas in and around Damascus"
				}
			} else if nx == "around" || nx == "near" || nx == "outside" {
				outside = true
				k++
			}
		default:
			return Mention{}, false, false, false
		}
		k++
	}
	o := -1
	if k < len(c.toks) {
		o = c.ownerAt(k)
	}
	if o < 0 || c.mentions[o].Kind() != "location" {
		return Mention{}, false, false, false
	}
	m = c.mentions[o]
	// "the Damascus suburbs": the countryside, not the city.
	if suburbs[c.word(m.End)] {
		m, p, out, ok := c.around(m)
		return m, part || p, outside || out, ok
	}
	return m, part, outside, true
}

// around returns the place that "the suburbs of m" name: the countryside
// the gazetteer names after m, whole; else m's province, in part; else
// what lies around m, which is not m.
func (c *clause) around(m Mention) (Mention, bool, bool, bool) {
	cs, ok := c.countryside(m)
	switch {
	case ok:
		return cs, false, false, true
	case cs.ID != m.ID:
		return cs, true, false, true
	}
	return m, true, true, true
}

func skipArticle(c *clause, k int) int {
	if c.word(k) == "the" {
		return 1
	}
	return 0
}

// suburbs, with the place they surround, name the countryside around it.
var suburbs = map[string]bool{"suburbs": true, "countryside": true, "outskirts": false}

// parts of a place: who holds areas of a region holds ground in it.
var parts = map[string]bool{
	"area": true, "areas": true, "parts": true, "part": true, "territory": true, "territories": true,
	"swathes": true, "swaths": true, "pockets": true, "pocket": true, "neighborhoods": true,
	"neighbourhoods": true, "districts": true, "villages": true, "towns": true, "outskirts": true,
	"edge": true, "sector": true, "sectors": true,
}

var placeAdjectives = map[string]bool{
	"large": true, "vast": true, "big": true, "small": true, "some": true, "most": true, "much": true,
	"key": true, "strategic": true, "several": true, "many": true, "last": true, "remaining": true,
	"central": true, "rural": false, "besieged": true,
}

// countryside returns the region around city m that the gazetteer names
// after it ("Damascus countryside", "Rural Damascus" for Damascus); ok is
// false when it has none, and then m's province is returned, if known.
func (c *clause) countryside(m Mention) (Mention, bool) {
	if c.gaz == nil {
		return m, false
	}
	for _, name := range []string{m.Name + " countryside", "Rural " + m.Name} {
		if e, ok := c.gaz.Lookup(name); ok && e.Kind() == "location" && e.ID != m.ID {
			m.Entity = e
			return m, true
		}
	}
	if x, ok := c.gaz.entry(m.ID); ok {
		for _, r := range x.Relations {
			if e, ok := c.gaz.Entity(r.Target); ok && r.Predicate == schema.LocatedIn && e.Type == schema.Province {
				m.Entity = e
				return m, false
			}
		}
	}
	return m, false
}

// regional reports whether holding part of place m is holding ground in
// it in the sense of kg:controls: a province or region, not a city, which
// is held whole or not at all ("rebel pockets in Aleppo" are not Aleppo).
func regional(m Mention) bool {
	switch m.Type {
	case schema.Province, schema.Region, schema.District, schema.Location:
		return true
	}
	return false
}

// holdings are nouns for what an actor has in a place: its bases and men,
// by which it is there, or its pockets, by which it holds ground there.
var holdings = map[string]string{
	"base": schema.LocatedIn, "bases": schema.LocatedIn, "headquarters": schema.LocatedIn,
	"posts": schema.LocatedIn, "outposts": schema.LocatedIn, "positions": schema.LocatedIn,
	"forces": schema.LocatedIn, "fighters": schema.LocatedIn, "troops": schema.LocatedIn,
	"presence": schema.LocatedIn, "units": schema.LocatedIn,
	"pockets": schema.Controls, "pocket": schema.Controls, "enclave": schema.Controls,
	"territory": schema.Controls, "strongholds": schema.Controls,
}

// holdingIn reads "Jaish al-Islam's vital frontline posts in al-Maraji",
// "their south Damascus base in al-Hajar al-Aswad", "the 9th Division base
// in Al-Sanamayn town", "our forces in al-Ruhaybah town", "the last ISIS
// pockets in the southern neighborhoods of Damascus": an actor's holding,
// by possessive or modifier, in a place.
func (c *clause) holdingIn(k int) []relation {
	pred := holdings[c.word(k)]
	if c.word(k+1) != "in" && c.word(k+1) != "inside" {
		return nil
	}
	obj, _, outside, ok := c.place(k + 2)
	if !ok || outside || pred == schema.Controls && !regional(obj) {
		// "pockets in the capital": a part of a city, which is held whole or not at all.
		return nil
	}
	if t := c.tree; t != nil {
		// "regime forces shelled ... in Daraa": the place of an event, not of the forces.
		if h := t.Heads[obj.Start]; h >= 0 && h != k && t.UPOS[h] == "VERB" {
			return nil
		}
	}
	subj, ok := c.owner1(k)
	if !ok {
		return nil
	}
	var out []relation
	// "their south Damascus base in al-Hajar al-Aswad": in both.
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if o := c.ownerAt(j); o >= 0 && c.mentions[o].Kind() == "location" && c.mentions[o].ID != obj.ID {
			out = append(out, relation{subj: subj, obj: c.mentions[o], predicate: pred, relStart: k, relEnd: k + 1, confidence: 0.65, rule: "holding"})
			break
		}
	}
	return append(out, relation{subj: subj, obj: obj, predicate: pred, relStart: k, relEnd: k + 2, confidence: 0.7, rule: "holding"})
}

// owner1 finds whose holding noun k is: an actor right before it or
// before "'s", over up to three modifiers ("Jaish al-Islam's vital
// frontline posts", "the 9th Division base", "ISIS pockets"), or a
// possessive pronoun ("their base", "our forces").
func (c *clause) owner1(k int) (Mention, bool) {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		w := c.word(j)
		if o := c.ownerAt(j); o >= 0 {
			m := c.mentions[o]
			if m.Kind() == "location" {
				j = m.Start
				continue // "their south Damascus base"
			}
			if !m.IsActor() || m.Type == schema.Person || m.Type == schema.MediaOutlet || m.Type == schema.NGO {
				return Mention{}, false
			}
			if c.agentPhrase(m.Start) {
				return Mention{}, false // "crimes committed by the Russian and Assad regime forces in Idlib": where the act was
			}
			if m.Start > 0 && preps[c.word(m.Start-1)] && c.word(m.End) != "'s" {
				// "attacks on rebel positions in X" is fine, but "talks with
				// Russia in Geneva" has no holding noun; keep "of X forces".
				if c.word(m.Start-1) != "of" {
					return Mention{}, false
				}
			}
			return m, true
		}
		switch {
		case w == "'s":
		case possessives[w]:
			return c.pronoun(j)
		case c.toks[j].IsWord() && !c.toks[j].IsCapitalized() && !preps[w] && !determiners[w] && holdings[w] == "" && !speechVerbs[w]:
			// a modifier: "vital frontline", "last"
		default:
			return Mention{}, false
		}
	}
	return Mention{}, false
}

var possessives = map[string]bool{"their": true, "its": true, "our": true}

// pronoun resolves a pronoun or definite description of a group at token
// j, for the place rules: "we" and "our" to the group that speaks; "its",
// "their", "they" to the group last named in the sentence before it, else
// the group the article last made a subject; "the group" to that group.
func (c *clause) pronoun(j int) (Mention, bool) {
	var m Mention
	switch c.word(j) {
	case "we", "our":
		x, ok := c.speaker(j)
		if !ok {
			return Mention{}, false
		}
		m = x
	case "their", "its", "they", "it", "group", "faction":
		found := false
		attacked := false // "regime forces shelled their pockets": theirs are not the attacker's
		for k := j - 1; k >= 0 && !found; k-- {
			if c.triggerAt(k, hostilePreds) {
				attacked = true
			}
			if o := c.ownerAt(k); o >= 0 && c.mentions[o].IsActor() && c.mentions[o].Type != schema.Person && !strings.HasSuffix(c.mentions[o].Match, "surname") {
				k = c.mentions[o].Start
				if x := c.mentions[o]; x.Type != schema.MediaOutlet && x.Type != schema.NGO && !attacked {
					m, found = x, true
				}
				attacked = false
			}
		}
		if !found {
			if c.ctx == nil || c.ctx.places.group == nil {
				return Mention{}, false
			}
			m = *c.ctx.places.group
		}
	default:
		return Mention{}, false
	}
	m.Start, m.End = j, j+1
	m.Text = c.toks[j].Text
	m.Match = MatchDefinite
	return m, true
}

// speaker returns the group that "we" at token j stands for, in quoted
// speech: the source of the sentence when it is a group, or the group of
// the person who speaks; else a group the quote names before the pronoun
// (a statement naming its group); else the group the article last made a
// subject. Outside quotes "we" is the writer, who is no actor.
func (c *clause) speaker(j int) (Mention, bool) {
	quoted := false
	for _, t := range c.toks {
		if strings.ContainsAny(t.Text, "\"“”") {
			quoted = true
		}
	}
	if !quoted {
		return Mention{}, false
	}
	if src, ok := c.attributed(j); ok {
		if src.Type != schema.Person {
			return *src, src.Type == schema.ArmedGroup || src.Type == schema.StateForce || src.Type == schema.Government
		}
		if g, ok := c.groupOf(*src); ok {
			return g, true
		}
	}
	for k := j - 1; k >= 0; k-- {
		if o := c.ownerAt(k); o >= 0 && c.mentions[o].Type == schema.ArmedGroup && c.mentions[o].ID != "rebels" {
			return c.mentions[o], true
		}
	}
	if c.ctx != nil && c.ctx.places.group != nil {
		return *c.ctx.places.group, true
	}
	return Mention{}, false
}

// groupOf returns the group the gazetteer says person p belongs to.
func (c *clause) groupOf(p Mention) (Mention, bool) {
	if c.gaz == nil {
		return Mention{}, false
	}
	x, ok := c.gaz.entry(p.ID)
	if !ok {
		return Mention{}, false
	}
	for _, r := range x.Relations {
		switch r.Predicate {
		case schema.MemberOf, schema.Leads, schema.SpokespersonOf:
			if e, ok := c.gaz.Entity(r.Target); ok {
				p.Entity = e
				return p, true
			}
		}
	}
	return Mention{}, false
}

// basedIn reads "a group based (largely) in X", "X-based group".
func (c *clause) basedIn(k int) []relation {
	if c.toks[k].Hyphen {
		// "Damascus-based opposition grouping"
		o := c.ownerAt(k - 1)
		if o < 0 || c.mentions[o].Kind() != "location" {
			return nil
		}
		// The actor must head the phrase: "a Raqqa-based anti-ISIS network",
		// "the Aleppo-based rebel group Fastaqim", "a Quneitra-based
		// opposition activist" are someone else based there.
		s := c.ownerAt(k + 1)
		if s < 0 || !c.mentions[s].IsActor() || c.mentions[s].ID == "rebels" || c.mentions[s].ID == "syrian-opposition" {
			return nil
		}
		a := c.mentions[s]
		if nx := c.word(a.End); a.End < len(c.toks) && (c.toks[a.End].Hyphen || !c.toks[a.End].IsCapitalized() && c.ownerAt(a.End) < 0 && (agentNouns[nx] || roles[nx] != "" || activists[nx])) {
			return nil
		}
		return []relation{{subj: a, obj: c.mentions[o], predicate: schema.LocatedIn, relStart: k, relEnd: k + 1, confidence: 0.8, rule: "based"}}
	}
	j := k + 1
	for j < len(c.toks) && strings.HasSuffix(c.word(j), "ly") {
		j++ // "largely", "mainly"
	}
	if c.word(j) != "in" && c.word(j) != "at" {
		return nil
	}
	obj, _, outside, ok := c.place(j + 1)
	if !ok || outside {
		return nil
	}
	// The actor based there: right before "based", or the subject of "is based".
	i := k - 1
	for i >= 0 && (beForms[c.word(i)] || c.word(i) == "," || strings.HasSuffix(c.word(i), "ly")) && i >= k-3 {
		i--
	}
	if i < 0 || c.ownerAt(i) < 0 || !c.mentions[c.ownerAt(i)].IsActor() {
		if s, ok := c.pronoun(i); ok && i >= 0 {
			return []relation{{subj: s, obj: obj, predicate: schema.LocatedIn, relStart: k, relEnd: j + 1, confidence: 0.7, rule: "based+coref"}}
		}
		return nil
	}
	s := c.mentions[c.ownerAt(i)]
	return []relation{{subj: s, obj: obj, predicate: schema.LocatedIn, relStart: k, relEnd: j + 1, confidence: 0.85, rule: "based"}}
}

// stays are verbs of staying: who stays in a place is there.
var stays = map[string]bool{
	"stay": true, "stays": true, "stayed": true, "staying": true,
	"remain": true, "remains": true, "remained": true, "remaining": true,
}

// staysIn reads "the group wants to remain in Douma", "our position about
// staying in Ghouta": the subject is the nearest actor, group or pronoun
// to the left in the clause, not governed by a preposition.
func (c *clause) staysIn(k int) []relation {
	if c.word(k+1) != "in" {
		return nil
	}
	obj, _, outside, ok := c.place(k + 2)
	if !ok || outside {
		return nil
	}
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		w := c.word(j)
		if boundaries[w] || w == "," || w == "." || speechVerbs[w] && c.ownerAt(j) < 0 {
			return nil
		}
		if negations[w] || w == "refused" || w == "refuse" || w == "should" || w == "must" || w == "if" {
			return nil // "refused to stay", "should remain": no fact of where they are
		}
		if o := c.ownerAt(j); o >= 0 {
			m := c.mentions[o]
			j = m.Start
			if preps[c.word(j-1)] {
				continue
			}
			if !m.IsActor() || m.Type == schema.Person || m.ID == "rebels" && c.word(m.End-1) == "group" {
				return nil
			}
			return []relation{{subj: m, obj: obj, predicate: schema.LocatedIn, relStart: k, relEnd: k + 2, confidence: 0.75, rule: "stays"}}
		}
		if s, ok := c.pronoun(j); ok && (w != "group" && w != "faction" || c.word(j-1) == "the") {
			return []relation{{subj: s, obj: obj, predicate: schema.LocatedIn, relStart: k, relEnd: k + 2, confidence: 0.65, rule: "stays+coref"}}
		}
	}
	return nil
}

// placeModifier reads a place that names an armed group's home as a
// modifier: "the al-Qadam rebels", "Douma's rebels".
func (c *clause) placeModifier(k int) (relation, bool) {
	m := c.mentions[c.ownerAt(k)]
	if k != m.Start || m.Kind() != "location" {
		return relation{}, false
	}
	if k == 0 || !determiners[c.word(k-1)] || c.word(k-1) == "'s" {
		return relation{}, false // a sentence's first word may be a dateline: "Quneitra Jabhat al-Nusra-linked groups"
	}
	j := m.End
	if c.word(j) == "'s" {
		j++
	}
	o := c.ownerAt(j)
	if j >= len(c.toks) || o < 0 || c.mentions[o].Start != j {
		return relation{}, false
	}
	a := c.mentions[o]
	if a.Type != schema.ArmedGroup || a.Match == MatchNew || c.toks[j].Hyphen || a.End < len(c.toks) && c.toks[a.End].Hyphen || c.word(a.End-1) == "rebel" {
		return relation{}, false
	}
	return relation{subj: a, obj: m, predicate: schema.LocatedIn, relStart: m.Start, relEnd: a.End, confidence: 0.7, rule: "place-modifier"}, true
}

// stronghold reads "Douma, (in the Damascus suburbs,) a stronghold of the
// group", "X is a rebel stronghold": the place set off before the noun or
// its copular subject, held by the actor the noun names.
func (c *clause) stronghold(k int) []relation {
	var holder Mention
	found := false
	switch {
	case c.word(k+1) == "of":
		j := k + 2
		j += skipArticle(c, j)
		if o := c.ownerAt(j); o >= 0 && c.mentions[o].IsActor() && c.mentions[o].Start == j {
			holder, found = c.mentions[o], true
		} else if c.word(j-1) == "the" && (c.word(j) == "group" || c.word(j) == "faction") {
			holder, found = c.pronoun(j)
		}
	case k > 0 && c.ownerAt(k-1) >= 0 && c.mentions[c.ownerAt(k-1)].IsActor():
		holder, found = c.mentions[c.ownerAt(k-1)], true // "a rebel stronghold"
	}
	if !found || holder.Type == schema.Person {
		return nil
	}
	// The place: before "a stronghold", over a set-off phrase.
	i := k - 1
	for i >= 0 && (c.ownerAt(i) >= 0 && c.ownerAt(i) == c.ownerAt(k-1) || placeAdjectives[c.word(i)] || c.word(i) == "key" || c.word(i) == "main") {
		i-- // the holder as modifier, "key", "main"
	}
	if w := c.word(i); w != "a" && w != "the" && w != "an" {
		return nil
	}
	i--
	switch {
	case beForms[c.word(i)]:
		i--
	case c.word(i) == ",":
		i--
		// ", in the Damascus suburbs,": skip a set-off phrase of place.
		for j := i; j >= 0 && j >= i-8; j-- {
			if c.word(j) == "," {
				if locatives[c.word(j+1)] {
					i = j - 1
				}
				break
			}
		}
	default:
		return nil
	}
	o := -1
	if i >= 0 {
		o = c.ownerAt(i)
	}
	if o < 0 || c.mentions[o].Kind() != "location" || c.mentions[o].End != i+1 {
		return nil
	}
	return []relation{{subj: holder, obj: c.mentions[o], predicate: schema.Controls, relStart: k, relEnd: k + 1, confidence: 0.7, rule: "stronghold"}}
}

// underControl reads "areas (that are) still under the control of rebels",
// "under rebel control": the place is the nearest one named before it in
// the sentence.
func (c *clause) underControl(k int) []relation {
	j := k + 1
	j += skipArticle(c, j)
	var holder Mention
	switch {
	case c.word(j) == "control" && c.word(j+1) == "of":
		j += 2
		j += skipArticle(c, j)
		o := c.ownerAt(j)
		if o < 0 || !c.mentions[o].IsActor() {
			return nil
		}
		holder = c.mentions[o]
	case c.ownerAt(j) >= 0 && c.mentions[c.ownerAt(j)].IsActor():
		holder = c.mentions[c.ownerAt(j)]
		e := holder.End
		if c.word(e) == "'s" {
			e++
		}
		if c.word(e) != "control" {
			return nil
		}
	default:
		return nil
	}
	if holder.Type == schema.Person || holder.Type == schema.MediaOutlet {
		return nil
	}
	for i := k - 1; i >= 0; i-- {
		if w := c.word(i); boundaries[w] || w == "outside" || w == "from" {
			return nil
		}
		if o := c.ownerAt(i); o >= 0 && c.mentions[o].Kind() == "location" {
			m, ok := c.heldPlace(c.mentions[o])
			if !ok {
				return nil
			}
			return []relation{{subj: holder, obj: m, predicate: schema.Controls, relStart: k, relEnd: j, confidence: 0.65, rule: "under-control"}}
		}
	}
	return nil
}

// controlsPart reads "X control(s) large areas of Y" where Y is a region:
// who holds much of a region holds ground in it, which the verb rules,
// holding a place only whole, leave out.
func (c *clause) controlsPart(t Trigger) []relation {
	if t.Participle || c.afterDeterminer(t.Start) {
		return nil
	}
	obj, part, outside, ok := c.place(t.End)
	if !ok || outside || !part || !regional(obj) {
		return nil
	}
	var subjs []Mention
	if ds, _, known := c.depSubjects(t.Start); known && len(ds) > 0 {
		subjs = ds
	} else if s, dist, pronoun := c.subjectLeft(t.Start); len(s) > 0 && dist <= 2 && !pronoun {
		subjs = s
	}
	if neg, _ := c.modality(t.Start, max(0, t.Start-4)); neg {
		return nil
	}
	var out []relation
	for _, s := range subjs {
		out = append(out, relation{subj: s, obj: obj, predicate: schema.Controls, relStart: t.Start, relEnd: t.End, confidence: 0.7, rule: "controls-part"})
	}
	return out
}

// hostilePreds predicates are done to an enemy.
var hostilePreds = map[string]bool{
	schema.Attacks: true, schema.Shells: true, schema.Bombs: true, schema.Targets: true, schema.Kills: true,
	schema.Besieges: true, schema.Blockades: true, schema.Captures: true, schema.Fights: true,
}

// triggerAt reports whether a trigger of one of preds starts at token k.
func (c *clause) triggerAt(k int, preds map[string]bool) bool {
	for _, t := range c.triggers {
		if t.Start == k && preds[t.Predicate] {
			return true
		}
	}
	return false
}

// firing predicates are done from one place at another.
var firing = map[string]bool{schema.Attacks: true, schema.Shells: true, schema.Bombs: true, schema.Targets: true}

// verbSubjects returns the subjects of the verb trigger t, by the parse
// or, near the verb, by word order.
func (c *clause) verbSubjects(t Trigger) []Mention {
	if ds, _, known := c.depSubjects(t.Start); known && len(ds) > 0 {
		return ds
	}
	if s, dist, pronoun := c.subjectLeft(t.Start); len(s) > 0 && dist <= 3 && !pronoun {
		return s
	}
	return nil
}

// fireFrom reads where fire comes from and goes to: "rebels fired shells
// from Eastern Ghouta at government-controlled areas in and around
// Damascus": who fires from a place is in it, and what is hit in part of
// a place is hit in it.
func (c *clause) fireFrom(t Trigger) []relation {
	if t.Participle && (beForms[c.word(t.Start-1)] || c.word(t.End) == "by") || c.afterDeterminer(t.Start) {
		return nil
	}
	var out []relation
	var subjs []Mention
	for k := t.End; k < len(c.toks) && k < t.End+6; k++ {
		w := c.word(k)
		if boundaries[w] || w == "," || w == "." || isRelativePronoun(w) || w == "according" {
			break
		}
		if c.ownerAt(k) >= 0 {
			k = c.mentions[c.ownerAt(k)].End - 1
			continue
		}
		pred := ""
		switch w {
		case "from":
			pred = schema.LocatedIn
		case "at", "on":
			if t.Predicate != schema.Shells && t.Predicate != schema.Bombs {
				continue // "advance on": no fire, and no target named by "at"
			}
			pred = t.Predicate
		default:
			continue
		}
		m, _, outside, ok := c.place(k + 1)
		if !ok || outside {
			continue
		}
		if subjs == nil {
			if subjs = c.verbSubjects(t); len(subjs) == 0 {
				return nil
			}
		}
		if neg, _ := c.modality(t.Start, max(0, t.Start-4)); neg {
			return nil
		}
		for _, s := range subjs {
			out = append(out, relation{subj: s, obj: m, predicate: pred, relStart: t.Start, relEnd: k + 1, confidence: 0.7, rule: "fire-" + w})
		}
	}
	return out
}

// evacuated reads "More than 42,000 rebels and civilians are evacuated to
// Idlib": who is evacuated leaves the place named with "from", else the
// place the sentence before spoke of, if it is not where they go.
func (c *clause) evacuated(t Trigger) []relation {
	if !t.Participle || !beForms[c.word(t.Start-1)] {
		return nil
	}
	subjs, dist, pronoun := c.subjectLeft(t.Start - 1)
	if len(subjs) == 0 || dist > 3 || pronoun {
		return nil
	}
	var from Mention
	var dest []string
	for k := t.End; k < len(c.toks) && k < t.End+6; k++ {
		w := c.word(k)
		if boundaries[w] || w == "," || w == "." {
			break
		}
		m, _, outside, ok := c.place(k + 1)
		switch {
		case !ok:
		case w == "from" && !outside:
			from = m
		case w == "to" || w == "towards" || w == "toward" || w == "for":
			dest = append(dest, m.ID)
		}
	}
	if from.ID == "" && c.ctx != nil {
		now := c.ctx.sentences
		for _, s := range slices.Backward(c.ctx.places.seen) {
			if s.sentence != now-1 {
				continue
			}
			if s.m.Type != schema.Country && !slices.Contains(dest, s.m.ID) {
				from = s.m
				from.Start, from.End = t.Start, t.End // the place is implied: point at the verb
			}
			break
		}
	}
	if from.ID == "" {
		return nil
	}
	var out []relation
	for _, s := range subjs {
		out = append(out, relation{subj: s, obj: from, predicate: schema.Evacuates, relStart: t.Start, relEnd: t.End, confidence: 0.6, rule: "evacuated"})
	}
	return out
}

// commaAntecedent returns the antecedent of the relative pronoun at k
// ("Jaish al-Islam, which controls Douma"): the parse's, unless it names
// no actor while an actor ends right before ", which": the parser often
// hangs the clause on an earlier noun ("areas by rebels from Jaish
// al-Islam, which controls").
func (c *clause) commaAntecedent(k int) int {
	t := c.tree
	a := t.antecedent(k)
	if w := c.word(k); a == k || w != "which" && w != "who" || c.word(k-1) != "," || k < 2 {
		return a
	}
	o := c.ownerAt(k - 2)
	if o < 0 || !c.mentions[o].IsActor() || c.ownerAt(a) == o {
		return a
	}
	if ms, _ := c.phraseMentions(a, func(m Mention) bool { return m.IsActor() }); len(ms) > 0 {
		return a
	}
	return c.mentions[o].Start
}

// salient reports whether place mention m can be what a later "the town"
// refers to: not a reference point ("10km northeast of Damascus"), not a
// city standing for its region ("Idlib province"), not a modifier
// ("the Beirut-Damascus highway").
func salient(toks []Token, m Mention) bool {
	return !referencePoint(toks, m.Start) && !regionNamedAfter(toks, m) &&
		!(m.Start > 0 && toks[m.Start].Hyphen) && !(m.End < len(toks) && toks[m.End].Hyphen)
}

// referencePoint reports whether the phrase at token i locates something
// else: "near X", "outside X", "south of X", "10km northeast of X", "40 per
// cent of X". What a description there refers to is not what the clause
// is about, and a place named there is not what a later "the town" means.
func referencePoint(toks []Token, i int) bool {
	if i == 0 {
		return false
	}
	switch toks[i-1].Lower {
	case "near", "outside", "beyond", "around", "toward", "towards":
		return true
	case "of":
		if i < 2 {
			return false
		}
		switch w := toks[i-2].Lower; w {
		case "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
			"cent", "percent", "half", "most", "part", "parts", "outskirts", "edge", "edges", "outside", "kilometres", "kilometers":
			return true
		}
	}
	return false
}

// regionNamedAfter reports whether city mention m stands for the region
// named after it: "the central region of Hama", "Idlib province".
func regionNamedAfter(toks []Token, m Mention) bool {
	if m.Type != schema.City {
		return false
	}
	if m.End < len(toks) {
		switch toks[m.End].Lower {
		case "province", "governorate", "countryside", "region":
			return true
		}
	}
	if m.Start >= 2 && toks[m.Start-1].Lower == "of" {
		switch toks[m.Start-2].Lower {
		case "province", "governorate", "countryside", "region":
			return true
		}
	}
	return false
}

// activists are people named by what they do, not actors of the gazetteer.
var activists = map[string]bool{
	"activist": true, "activists": true, "network": true, "monitor": true, "journalist": true,
	"journalists": true, "correspondent": true, "source": true, "sources": true, "group": true, "groups": true,
	"resident": true, "residents": true, "doctor": true, "doctors": true, "council": true,
}

// heldPlace returns the place that mention m names as what is held: m
// when it heads its phrase ("Idlib is ... under rebel control"), its
// province when the phrase names that ("the province of Idlib"), m when a
// region and the phrase names an area of it ("the southern area around
// Daraa province"); nothing when m only locates something else ("Tal
// Hamis in Hasakeh province", "the Old City of Homs", "near Damascus").
func (c *clause) heldPlace(m Mention) (Mention, bool) {
	if m.Type == schema.Country {
		return Mention{}, false
	}
	if regionNamedAfter(c.toks, m) {
		if x, ok := c.gaz.entry(m.ID); ok {
			for _, r := range x.Relations {
				if e, ok := c.gaz.Entity(r.Target); ok && r.Predicate == schema.LocatedIn && e.Type == schema.Province {
					m.Entity = e
					return m, true
				}
			}
		}
		return Mention{}, false
	}
	i := m.Start - 1
	if m.Type == schema.Province && c.word(i) == "of" && provinceWords[c.word(i-1)] {
		i -= 2 // the gazetteer read "the province of Idlib" as the province
		for i >= 0 && skippable[c.word(i)] {
			i--
		}
	}
	w := c.word(i)
	if i < 0 || !preps[w] && w != "around" {
		return m, true
	}
	if w != "of" && w != "around" || !regional(m) {
		return Mention{}, false
	}
	// "the southern area around Daraa province", not governed itself.
	i--
	if !parts[c.word(i)] {
		return Mention{}, false
	}
	for i--; i >= 0 && (skippable[c.word(i)] || placeAdjectives[c.word(i)] || strings.HasSuffix(c.word(i), "ern")); i-- {
	}
	if i >= 0 && (preps[c.word(i)] || c.word(i) == "around") {
		return Mention{}, false
	}
	return m, true
}

// agentPhrase reports whether the noun phrase that token i is in is the
// agent of a passive, "by" and a list of modifiers before it.
func (c *clause) agentPhrase(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		w := c.word(k)
		switch {
		case w == "by":
			return true
		case c.ownerAt(k) >= 0 || skippable[w] || w == "and" || w == "," || c.toks[k].IsCapitalized():
		default:
			return false
		}
	}
	return false
}

// unknownTowns returns placeholders, with no id, for the towns the
// sentence names that the gazetteer lacks ("the town of Ariha"): a later
// "the town" is one of them, not a town named before.
func unknownTowns(toks []Token, ms []Mention) []Mention {
	var out []Mention
	next := 0
	for i := 0; i+2 < len(toks); i++ {
		w := toks[i].Lower
		for next < len(ms) && ms[next].End <= i+2 {
			next++
		}
		named := next < len(ms) && ms[next].Start <= i+2
		if (w == "town" || w == "city" || w == "village") && toks[i+1].Lower == "of" && toks[i+2].IsCapitalized() && !named {
			out = append(out, Mention{Entity: Entity{Type: schema.City}, Start: i, End: i + 3})
		}
	}
	return out
}

// ownerAt is c.owner[k], or -1 outside the sentence.
func (c *clause) ownerAt(k int) int {
	if k < 0 || k >= len(c.owner) {
		return -1
	}
	return c.owner[k]
}
