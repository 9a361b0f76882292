package triples

import (
	"slices"
	"strings"
	"sync"

	"github.com/conflictkg/kg/schema"
)

// The nominal stage reads facts that a noun states rather than a verb, and
// verbs whose plural subject acts on itself:
//
//	IS's blockade on al-Qadam               islamic-state blockades al-qadam
//	the regime siege of al-Qadam            syrian-government besieges al-qadam
//	shelling attacks by X on ... the capital X shells damascus
//	talks between Moscow and Jaish al-Islam russia negotiatesWith jaish-al-islam
//	a truce between Damascus and rebels     syrian-government agreesTo ceasefire, rebels agreesTo ceasefire
//	a prisoner exchange of X for one IS member  X exchangesPrisonersWith islamic-state
//	Russia ... and the United States met    russia meetsWith united-states
//	A and B intensified tit-for-tat attacks A fights B
//
// A noun often leaves out who or what: "the pre-dawn attack" (the attack the
// article reported last), "big violations by the regime" (of the truce the
// article is about), "the battles" a truce ends (between its parties). The
// article's memory of earlier facts fills them in.

// memory is what the nominal rules remember of an article's earlier
// sentences.
type memory struct {
	sentence    int     // sentences remembered: the index of the current one
	events      []event // facts of earlier sentences, oldest first
	agreement   *Mention
	agreementAt int      // sentence of agreement
	seat        *Mention // the last city named that seats a government ("Damascus")
}

// truces are the agreements a violation with no object breaks: "big
// violations by the regime" in an article on a ceasefire; not talks, nor a
// "diplomatic solution".
var truces = map[string]bool{schema.Ceasefire: true, schema.Truce: true, schema.DeEscalationZone: true}

// event is a fact the article stated, as memory keeps it.
type event struct {
	predicate string
	subj, obj Mention
	sentence  int
}

// How far back, in sentences, memory looks for what a noun leaves out:
// who did the act "the attack" refers to, the truce "violations" break and
// the group "the faction" is, what the act was done to and who agreed to the
// truce that ends "the battles".
const (
	recentAgent = 2
	recentTruce = 4
	recentPlace = 6
)

// remember notes a sentence's mentions and facts, after its facts are read.
func (d *discourse) remember(g *Gazetteer, ms []Mention, rs []relation) {
	m := &d.mem
	for i := range ms {
		x := ms[i]
		switch {
		case truces[x.Type]:
			m.agreement, m.agreementAt = &x, m.sentence
		case x.Type == schema.City && seatOf(g, x) != nil:
			m.seat = &x
		}
	}
	for _, r := range rs {
		if !r.negated {
			m.events = append(m.events, event{predicate: r.predicate, subj: r.subj, obj: r.obj, sentence: m.sentence})
		}
	}
	if n := len(m.events); n > 64 {
		m.events = slices.Delete(m.events, 0, n-64)
	}
	m.sentence++
}

// recalled places a mention of an earlier sentence on tokens [start, end)
// of this one, which stand for it without naming it ("the pre-dawn
// attack", "Our"): its text is its name, so that the words are not taken
// for another name of it.
func recalled(m Mention, start, end int) Mention {
	m.Start, m.End, m.Text, m.Match = start, end, m.Name, MatchDefinite
	return m
}

// seatOf returns the government a city is the seat of, if the gazetteer
// names it after the city ("Damascus government"): "a truce between
// Damascus and rebels" is agreed by the Syrian government.
func seatOf(g *Gazetteer, m Mention) *Entity {
	if g == nil || m.Type != schema.City {
		return nil
	}
	if e, ok := g.Lookup(m.Name + " government"); ok && e.IsActor() {
		return &e
	}
	return nil
}

// family groups predicates whose events a later noun may refer back to:
// "the attack" after "shelled", "the blockade" after "besieged".
func family(pred string) string {
	switch pred {
	case schema.Attacks, schema.Shells, schema.Bombs, schema.Targets:
		return "attack"
	case schema.Besieges, schema.Blockades:
		return "siege"
	}
	return pred
}

// nounPreps maps a noun of the built-in lexicon that has a verb form
// ("attack", "blockades") to the prepositions of its object, for verb
// triggers used as nouns: "the pre-dawn attack on", "regime blockades in".
var nounPreps = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, e := range DefaultLexicon().Entries() {
		w := strings.Fields(e.Pattern)
		if e.Kind != KindNoun || len(w) != 2 {
			continue
		}
		for _, head := range strings.Split(w[0], "|") {
			for _, f := range []string{head, plural(head)} {
				if _, ok := m[f+" "+e.Predicate]; !ok {
					m[f+" "+e.Predicate] = strings.Split(w[1], "|")
				}
			}
		}
	}
	return m
})

// verbOrNoun reads verb trigger t as a verb, or as the noun its word also
// is where it follows a determiner and adjectives ("the dual blockade") or
// the verb reading finds nothing ("the pre-dawn attack on").
func (c *clause) verbOrNoun(t Trigger) []relation {
	if c.adjectival(t.Start) {
		return c.asNoun(t)
	}
	if rs := c.active(t); len(rs) > 0 {
		return rs
	}
	return c.asNoun(t)
}

// adjectival reports whether the parse reads the word at i as a noun after
// a determiner and adjectives: "the dual blockade".
func (c *clause) adjectival(i int) bool {
	if c.tree == nil || c.tree.UPOS[i] != "NOUN" {
		return false
	}
	j := i - 1
	for j >= 0 && c.owner[j] < 0 && c.tree.UPOS[j] == "ADJ" {
		j--
	}
	return j < i-1 && j >= 0 && determiners[c.word(j)]
}

// asNoun reads verb trigger t as the noun its word also is, when the verb
// reading found nothing: "the pre-dawn attack on the town", "the dual
// blockade imposed on them by IS", "the ring of regime blockades in the
// area". It gives the nominal's facts, or nil.
func (c *clause) asNoun(t Trigger) []relation {
	if t.Kind != KindVerb || t.End != t.Start+1 || t.Participle {
		return nil
	}
	preps, ok := nounPreps()[c.word(t.Start)+" "+t.Predicate]
	if !ok {
		return nil
	}
	if !c.afterDeterminer(t.Start) && !c.definiteNoun(t.Start) && (c.tree == nil || c.tree.UPOS[t.Start] != "NOUN") {
		return nil
	}
	t.Kind, t.Preps = KindNoun, preps
	return c.nominal(t)
}

// nominal: "IS's blockade on al-Qadam", "talks between Moscow and Jaish
// al-Islam", "shelling attacks by Jaish al-Islam on residential areas",
// "negotiations with Russia" (the clause's subject holds them), "the regime
// siege of al-Qadam" (an actor modifies the noun), "the Ghouta offensive" (a
// place does), "Our confrontation with the Assad gangs" (the speaker's).
func (c *clause) nominal(t Trigger) []relation {
	r := relation{predicate: t.Predicate, relStart: t.Start, relEnd: t.End, confidence: 0.75, rule: "nominal"}
	p, _ := schema.LookupPredicate(t.Predicate)
	fits := func(m Mention) bool { return rangeFits(t.Predicate, m) }
	if c.avoided(t.Start) {
		return nil // "accused the army of avoiding confrontations with IS"
	}
	subjs, objs, extra := c.nounModifiers(t)
	var between []Mention // the parties of "between A and B"
	verb, comma := false, false
	last := t.End // where the noun phrase so far ends: an object's preposition follows it closely
	actor := func(m Mention) bool { return m.IsActor() }
	for k := t.End; k < len(c.toks) && k < t.End+12; k++ {
		w := c.word(k)
		if boundaries[w] || w == "." || w == "," && len(objs) > 0 || speechVerbs[w] && c.owner[k] < 0 && !beForms[c.word(k-1)] {
			break // "..., the Observatory said"; but "skirmishes have been reported between"
		}
		if m := c.owner[k]; m >= 0 {
			k = c.mentions[m].End - 1
			continue
		}
		comma = comma || w == ","
		verb = verb || c.finite(k) && (k > t.End || !isParticiple(w)) // "the blockade imposed on them by IS"
		switch {
		case w == "by" && len(subjs) == 0 && !verb && !comma:
			var end int
			if subjs, end = c.parties(k+1, actor, ""); len(subjs) > 0 {
				last = end
				for agentNouns[c.word(last)] || c.word(last) == "war" || c.word(last) == "air" {
					last++ // "by Jaish al-Islam terrorists on", "by regime war planes on"
				}
			}
		case w == "between" && contains(t.Preps, w) && len(objs) == 0 && len(subjs) == 0:
			between, _ = c.parties(k+1, func(m Mention) bool { return actor(m) || fits(m) }, "")
			if len(between) >= 2 {
				subjs, objs = between[:1], between[1:]
			}
		case contains(t.Preps, w) && len(objs) == 0 && !verb && c.gap(last, k):
			objs, _ = c.parties(k+1, fits, t.Predicate)
		}
	}
	if len(subjs) == 0 && len(objs) > 0 && c.word(t.End) == "with" {
		if s, _, pronoun := c.subjectLeft(t.Start); len(s) > 0 {
			subjs = s
			if pronoun {
				r.rule += "+coref"
			}
		}
	}
	if len(objs) == 0 && len(subjs) > 0 && (p.Range == schema.Location || t.Predicate == schema.Attacks) {
		objs = c.locativeObject(t) // "a government offensive ... in Eastern Ghouta"
	}
	if len(subjs) == 0 && len(objs) == 0 && p.Symmetric {
		if ps, rebel := c.endedParties(t); len(ps) >= 2 {
			// "the agreement seeks to end the battles": between its parties;
			// but not between rebels in general and a group the article
			// calls rebels, who are one side.
			r.rule += "+context"
			r.confidence = 0.6
			for _, x := range pairwise(ps, r) {
				if !(x.subj.ID == "rebels" && rebel[x.obj.ID] || x.obj.ID == "rebels" && rebel[x.subj.ID]) {
					extra = append(extra, x)
				}
			}
			return extra
		}
	}
	if len(subjs) == 0 && len(objs) > 0 && c.definiteNoun(t.Start) {
		if s, ok := c.recalledAgent(t, objs); ok {
			subjs = []Mention{s}
			r.rule += "+context"
			r.confidence = 0.6
		}
	} else if len(objs) == 0 && len(subjs) > 0 {
		if o, ok := c.recalledObject(t, subjs); ok {
			objs = []Mention{o}
			r.rule += "+context"
			r.confidence = 0.6
		}
	}
	if len(subjs) == 0 || len(objs) == 0 {
		return extra
	}
	out := append(extra, cross(subjs, objs, r)...)
	if len(between) >= 2 {
		out = append(out, c.participant(t, between, r)...)
	}
	return out
}

// avoided reports whether the noun at i is what did not happen: "avoiding
// confrontations", "no attacks on", "without a fight".
func (c *clause) avoided(i int) bool {
	j := i - 1
	for j > 0 && (determiners[c.word(j)] && c.word(j) != "no" || !c.toks[j].IsWord() && c.owner[j] < 0) {
		j--
	}
	switch w := c.word(j); {
	case strings.HasPrefix(w, "avoid"), strings.HasPrefix(w, "prevent"), w == "no", w == "without", w == "never":
		return true
	}
	return false
}

// nounModifiers reads what stands before noun trigger t: its agent ("IS's
// blockade", "regime siege", "the Syrian government and the Shabiha war",
// "a government offensive", "Our confrontation"), or its object ("the
// Ghouta offensive"), and the facts a modifier adds ("a Russia-backed
// government offensive": Russia supports the government).
func (c *clause) nounModifiers(t Trigger) (subjs, objs []Mention, extra []relation) {
	i := t.Start
	switch w := c.word(i - 1); {
	case w == "'s" && i >= 2:
		if m := c.owner[i-2]; m >= 0 && c.mentions[m].IsActor() {
			return []Mention{c.mentions[m]}, nil, nil
		}
		return nil, nil, nil
	case w == "our":
		if s, ok := c.sentenceSpeaker(); ok {
			s = recalled(s, i-1, i)
			return []Mention{s}, nil, nil
		}
		return nil, nil, nil
	}
	j := i - 1
	for j > 0 && skippable[c.word(j)] && c.word(j) != "the" && c.word(j) != "a" && c.word(j) != "an" {
		j-- // "regime military offensive"
	}
	if j < 0 {
		return nil, nil, nil
	}
	if m := c.owner[j]; m >= 0 && c.mentions[m].End == j+1 && !c.toks[i].Hyphen {
		mm := c.mentions[m]
		switch {
		case mm.IsActor() && mm.Type != schema.Person: // "Assad airstrikes" are the government's
			return c.coordinatedLeft(m), nil, nil
		case mm.Kind() == "location" && rangeFits(t.Predicate, mm) && mm.Type != schema.Country && mm.Type != schema.State:
			return nil, []Mention{mm}, nil
		}
		return nil, nil, nil
	}
	if c.word(j) == "government" && c.owner[j] < 0 && c.gaz != nil {
		// "a Russia-backed government offensive": the government the
		// gazetteer takes "government forces" to be.
		if e, ok := c.gaz.Lookup("government forces"); ok && e.IsActor() {
			g := Mention{Entity: e, Start: j, End: j + 1, Text: c.toks[j].Text, Match: MatchDefinite}
			return []Mention{g}, nil, c.backers(j, g)
		}
	}
	return nil, nil, nil
}

// backers gives the facts of an "X-backed" compound before token j whose
// noun is not a mention: "a Russia-backed government offensive" (the
// compound rule needs a mention to modify).
func (c *clause) backers(j int, backed Mention) []relation {
	for _, b := range c.triggers {
		if b.End != j || b.Predicate != schema.Supports || !b.Participle || !c.toks[b.Start].Hyphen {
			continue
		}
		return cross(c.hyphenAgents(b.Start), []Mention{backed}, relation{predicate: schema.Supports, relStart: b.Start, relEnd: b.End, confidence: 0.7, rule: "compound+context"})
	}
	return nil
}

// when are words of time that may stand between a noun and its object's
// preposition: "airstrikes on Saturday on the city", "attacks early
// Friday on".
var when = map[string]bool{
	"on": true, "early": true, "late": true, "overnight": true, "yesterday": true, "today": true, "last": true,
	"this": true, "week": true, "night": true, "morning": true, "evening": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "also": true,
}

// gap reports whether only a few words of time or manner stand between
// tokens i and j, so that a preposition at j still belongs to the noun
// phrase ending at i: not in "Syria war air raids Dozens of ... on".
func (c *clause) gap(i, j int) bool {
	if j-i > 3 {
		return false
	}
	for k := i; k < j; k++ {
		if w := c.word(k); c.owner[k] >= 0 || !when[w] && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return true
}

// finite reports whether token k is a verb of the clause around a noun,
// beyond which a preposition is not the noun's: "the attack was condemned
// by Russia". A participle modifying the noun is not one: "the blockade
// imposed on them by IS".
func (c *clause) finite(k int) bool {
	w := c.word(k)
	switch {
	case beForms[w], w == "has", w == "have", w == "had", w == "will", w == "would", w == "did", w == "that", w == "which", w == "who":
		return true
	case c.tree == nil:
		return false
	}
	return c.tree.UPOS[k] == "VERB" && c.tree.XPOS[k] != "VBN" || c.tree.UPOS[k] == "AUX"
}

// parties returns what a list from token k on names, for pred: noun
// phrases (see phrase) joined by "and", "&" or commas. "by both IS and the
// regime", "between the small jihadist faction and rebels", "on the town
// of Sheikh Saad and the Masaken Jileen suburb".
func (c *clause) parties(k int, fits func(Mention) bool, pred string) ([]Mention, int) {
	var out []Mention
	end := k
	for len(out) < maxConjuncts {
		m, e, ok := c.phrase(k, fits, pred, out, 0)
		if !ok {
			break
		}
		out, end = append(out, m), e
		k = e
		if w := c.word(k); w != "and" && w != "&" && w != "," {
			break
		}
		k++
	}
	return out, end
}

// phrase returns the mention that the noun phrase from token k names and
// that fits, and the token after the phrase. Over articles, "both" and
// adjectives it finds: a mention ("Jaish al-Islam"); an actor after a place
// that modifies it ("the al-Qadam rebels"); a city that seats a government
// where an actor must be named ("talks between Moscow and Damascus"); a
// definite "the jihadist faction", the group the article spoke of last
// (not one of others); "the capital"; a place through a noun that names it
// or, for what pred does to the whole, a part of it ("the town of Sheikh
// Saad", "residential neighborhoods in the capital"). A mention that
// modifies a word by a hyphen is not named ("a rebel-held village").
func (c *clause) phrase(k int, fits func(Mention) bool, pred string, others []Mention, depth int) (Mention, int, bool) {
	name := false // within a name the gazetteer lacks
	for j := k; j < len(c.toks) && j < k+6; j++ {
		w := c.word(j)
		if name && !c.toks[j].IsCapitalized() && !c.toks[j].Hyphen && !nameParticles[w] && (c.owner[j] < 0 || determiners[w]) {
			if _, place := placeNouns[w]; !place {
				// "the district of Midane the Observatory said": what
				// follows an unknown name is not in the phrase.
				return Mention{}, 0, false
			}
		}
		if g, ok := c.groupPhrase(j, others); ok && fits(g) {
			return g, g.End, true
		}
		if m, ok := c.capital(j + 1); ok && w == "the" && fits(m) {
			return m, m.End, true
		}
		if o := c.owner[j]; o >= 0 {
			m := c.mentions[o]
			end := m.End
			if end < len(c.toks) && c.toks[end].Hyphen {
				for end < len(c.toks) && c.toks[end].Hyphen {
					end++ // "opposition-held Idlib province"
				}
				j = end - 1
				continue
			}
			if end < len(c.toks) && c.owner[end] >= 0 && m.Kind() == "location" && c.mentions[c.owner[end]].IsActor() {
				m = c.mentions[c.owner[end]] // "the al-Qadam rebels"
				end = m.End
			}
			if g := seatOf(c.gaz, m); g != nil && !fits(m) {
				m.Entity = *g
			}
			if !fits(m) {
				break
			}
			if c.word(end) == "]" {
				end++
			}
			return m, end, true
		}
		whole, place := placeNouns[w]
		if directions[w] && c.word(j-1) != "the" || w == "outskirts" {
			place = false // "west of Raqqa", "the outskirts of Damascus" are outside it
		}
		switch {
		case skippable[w] || w == "both" || w == "[":
		case place && pred != "" && depth < 2 && (c.word(j+1) == "of" || c.word(j+1) == "in" && !whole) && (whole || !wholePlace(pred)):
			m, end, ok := c.phrase(j+2, fits, pred, others, depth+1)
			if ok && !whole && (m.Type == schema.Country || m.Type == schema.State) {
				return Mention{}, 0, false // "the area of eastern Syria" says no more than Syria
			}
			return m, end, ok
		case !c.toks[j].IsWord() || preps[w] || w == "and" || w == "or" || c.finite(j) || negations[w]:
			return Mention{}, 0, false
		case c.toks[j].IsCapitalized() && !titleCase(c.toks):
			name = true // "Syrias Aleppo city", "Kurdish-led Syrian Democratic Forces"
		case directions[strings.TrimSuffix(w, "ern")] && wholePlace(pred):
			return Mention{}, 0, false // "the regime occupation of western Aleppo" is not of Aleppo
		}
	}
	return Mention{}, 0, false
}

// nameParticles are the lower-case words of Arabic names: "Bashar al Assad".
var nameParticles = map[string]bool{"al": true, "bin": true, "ibn": true, "abu": true, "el": true, "ad": true, "ash": true, "as": true}

// directions name a part of a place: "western Aleppo", "the north of".
var directions = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northwest": true, "northeast": true,
	"southwest": true, "southeast": true,
}

// capital resolves "the capital" at token j, not followed by its name, to
// the seat of government the article named last.
func (c *clause) capital(j int) (Mention, bool) {
	if c.word(j) != "capital" || c.word(j-1) != "the" || j+1 < len(c.toks) && c.owner[j+1] >= 0 || c.ctx.mem.seat == nil {
		return Mention{}, false
	}
	m := *c.ctx.mem.seat
	m.Start, m.End, m.Text, m.Match = j-1, j+1, spanText(c.toks, j-1, j+1), MatchDefinite
	return m, true
}

// groupNouns head a definite phrase that refers back to a group: "the
// small jihadist faction".
var groupNouns = map[string]bool{"group": true, "faction": true, "militia": true, "organization": true, "organisation": true, "outfit": true}

// groupPhrase resolves "the [modifiers] group|faction" at token k to the
// group the article made the subject of a fact last, not one of others.
func (c *clause) groupPhrase(k int, others []Mention) (Mention, bool) {
	if c.word(k) != "the" {
		return Mention{}, false
	}
	for j := k + 1; j < len(c.toks) && j <= k+4; j++ {
		w := c.word(j)
		if c.owner[j] >= 0 || !c.toks[j].IsWord() || preps[w] || w == "and" {
			return Mention{}, false
		}
		if !groupNouns[w] {
			continue
		}
		g, ok := c.salientGroup(others)
		if !ok {
			return Mention{}, false
		}
		g.Start, g.End, g.Text, g.Match = k, j+1, spanText(c.toks, k, j+1), MatchDefinite
		return g, true
	}
	return Mention{}, false
}

// salientGroup is the armed group the article made the subject of a fact
// last, other than rebels in general and the groups in others.
func (c *clause) salientGroup(others []Mention) (Mention, bool) {
	mem := &c.ctx.mem
	other := func(m Mention) bool {
		return m.ID == "rebels" || m.Type != schema.ArmedGroup || slices.ContainsFunc(others, func(o Mention) bool { return o.ID == m.ID })
	}
	for _, e := range slices.Backward(mem.events) {
		if mem.sentence-e.sentence > recentTruce {
			break
		}
		if !other(e.subj) {
			return e.subj, true
		}
	}
	if g := c.ctx.lastGroup; g != nil && !other(*g) {
		return *g, true
	}
	return Mention{}, false
}

// locativeObject finds where an attack, siege or blockade happens, as its
// object: "a government offensive in February and March that killed
// hundreds of people in Eastern Ghouta", "regime blockades in the [south
// Damascus] area". A country is too large to be the place attacked.
func (c *clause) locativeObject(t Trigger) []Mention {
	for k := t.End; k < len(c.toks) && k < t.End+12; k++ {
		w := c.word(k)
		if boundaries[w] || w == "." || w == "," || w == "but" || speechVerbs[w] && c.owner[k] < 0 {
			break
		}
		if w != "in" {
			if m := c.owner[k]; m >= 0 {
				k = c.mentions[m].End - 1
			}
			continue
		}
		j := k + 1
		for j < len(c.toks) && (c.word(j) == "the" || c.word(j) == "[") {
			j++
		}
		if m := c.owner[j]; m >= 0 {
			mm := c.mentions[m]
			if mm.Kind() == "location" && mm.Type != schema.Country && mm.Type != schema.State && rangeFits(t.Predicate, mm) {
				return []Mention{mm}
			}
		}
	}
	return nil
}

// definiteNoun reports whether the noun at i is definite: "the attack",
// "the pre-dawn attack", "the dual blockade", "these violations".
func (c *clause) definiteNoun(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := c.word(k)
		switch {
		case w == "the" || w == "this" || w == "these":
			return true
		case c.owner[k] >= 0 || !c.toks[k].IsWord() || determiners[w] || preps[w] || beForms[w] || w == "and":
			return false
		}
	}
	return false
}

// events are nouns of one act, that a definite article refers back to.
var events = map[string]bool{
	"attack": true, "strike": true, "airstrike": true, "raid": true, "bombing": true, "bombardment": true,
	"shelling": true, "assault": true, "offensive": true, "blockade": true, "siege": true, "violation": true,
	"ambush": true, "incursion": true,
}

// recalledAgent returns who did what definite noun t refers back to: "the
// pre-dawn attack" is the attack the article reported last. The subject of
// the clause is not it: "rebels thwarted the attack".
func (c *clause) recalledAgent(t Trigger, objs []Mention) (Mention, bool) {
	if !events[singular(c.word(t.End-1))] {
		return Mention{}, false // "the war on terror" refers to no one act
	}
	mem := &c.ctx.mem
	var subj []Mention
	if s, _, _ := c.subjectLeft(t.Start); len(s) > 0 {
		subj = s
	}
	for _, e := range slices.Backward(mem.events) {
		if mem.sentence-e.sentence > recentAgent {
			break
		}
		if family(e.predicate) != family(t.Predicate) || !e.subj.IsActor() {
			continue
		}
		if slices.ContainsFunc(subj, func(s Mention) bool { return s.ID == e.subj.ID }) || slices.ContainsFunc(objs, func(o Mention) bool { return o.ID == e.subj.ID }) {
			return Mention{}, false
		}
		return recalled(e.subj, t.Start, t.End), true
	}
	return Mention{}, false
}

// recalledObject returns what noun t is done to when the sentence does not
// say: a violation violates the truce of the sentence or of the article
// ("big violations by the regime"); "the dual blockade imposed by both IS
// and the regime" is on the place the article said both blockade.
func (c *clause) recalledObject(t Trigger, subjs []Mention) (Mention, bool) {
	mem := &c.ctx.mem
	if t.Predicate == schema.Violates {
		for _, m := range c.mentions {
			if truces[m.Type] {
				return m, true
			}
		}
		if mem.agreement != nil && mem.sentence-mem.agreementAt <= recentTruce {
			return recalled(*mem.agreement, t.Start, t.End), true
		}
		return Mention{}, false
	}
	if family(t.Predicate) != "siege" && family(t.Predicate) != "attack" || !c.definiteNoun(t.Start) {
		return Mention{}, false
	}
	// The place every agent did this to, latest first.
	for i := len(mem.events) - 1; i >= 0; i-- {
		e := mem.events[i]
		if mem.sentence-e.sentence > recentPlace {
			break
		}
		if family(e.predicate) != family(t.Predicate) || e.obj.Kind() != "location" || !rangeFits(t.Predicate, e.obj) {
			continue
		}
		all := true
		for _, s := range subjs {
			all = all && slices.ContainsFunc(mem.events[max(0, i-16):], func(x event) bool {
				return x.subj.ID == s.ID && x.obj.ID == e.obj.ID && family(x.predicate) == family(t.Predicate) && mem.sentence-x.sentence <= recentPlace
			})
		}
		if all {
			return recalled(e.obj, t.Start, t.End), true
		}
	}
	return Mention{}, false
}

// endings are verbs whose object, a fight, is what an agreement ends.
var endings = map[string]bool{
	"end": true, "ends": true, "ended": true, "ending": true, "stop": true, "stops": true, "stopped": true,
	"halt": true, "halts": true, "halted": true, "to": true, "reduce": true, "reduced": true, "curb": true,
}

// endedParties returns who fought the fight that symmetric noun t names,
// when an agreement of the sentence ends it: "the agreement seeks to end
// the battles" is between the parties the article said agreed to it.
// rebel holds the parties the article named as rebels ("Rebel factions in
// the ... operations room").
func (c *clause) endedParties(t Trigger) (ps []Mention, rebel map[string]bool) {
	j := t.Start - 1
	if c.word(j) == "the" {
		j--
	}
	if !endings[c.word(j)] || c.word(j) == "to" && c.word(j-1) != "end" {
		return nil, nil
	}
	if !slices.ContainsFunc(c.mentions, func(m Mention) bool { return m.Kind() == "agreement" && m.Start < t.Start }) {
		return nil, nil
	}
	mem := &c.ctx.mem
	rebel = map[string]bool{}
	for _, e := range slices.Backward(mem.events) {
		if mem.sentence-e.sentence > recentPlace {
			break
		}
		if e.predicate == schema.AgreesTo && e.subj.IsActor() && !slices.ContainsFunc(ps, func(p Mention) bool { return p.ID == e.subj.ID }) {
			if e.subj.ID != "rebels" && strings.HasPrefix(strings.ToLower(e.subj.Text), "rebel") {
				rebel[e.subj.ID] = true
			}
			ps = append(ps, recalled(e.subj, t.Start, t.End))
		}
	}
	return ps, rebel
}

// participant gives the facts of one who takes part in what noun t names
// between parties: "The group have also been part of negotiations between
// the opposition and regime" — the group negotiates with the party the
// gazetteer says it fights, or with the other of a party it belongs to.
func (c *clause) participant(t Trigger, parties []Mention, r relation) []relation {
	p, _ := schema.LookupPredicate(t.Predicate)
	if !p.Symmetric {
		return nil
	}
	i := t.Start
	switch {
	case c.word(i-1) == "of" && c.word(i-2) == "part" && beForms[c.word(i-3)]:
		i -= 3
	case c.word(i-1) == "in" && (c.word(i-2) == "part" && takes[c.word(i-3)] || strings.HasPrefix(c.word(i-2), "participat")):
		i -= 2
	default:
		return nil
	}
	subjs, _, pronoun := c.subjectLeft(i)
	if len(subjs) != 1 || slices.ContainsFunc(parties, func(m Mention) bool { return m.ID == subjs[0].ID }) {
		return nil
	}
	s := subjs[0]
	var other []Mention
	for _, x := range parties {
		switch {
		case c.related(s, x, schema.Fights, schema.Opposes):
			other = append(other, x)
		case c.related(s, x, schema.MemberOf, schema.AffiliatedWith, schema.AlliedWith):
			for _, y := range parties {
				if y.ID != x.ID {
					other = append(other, y)
				}
			}
		}
	}
	if len(other) == 0 {
		return nil
	}
	r.rule += "+participant"
	if pronoun {
		r.rule += "+coref"
	}
	r.confidence = 0.6
	return cross([]Mention{s}, other, r)
}

// takes are the forms of "take" in "take part in".
var takes = map[string]bool{"take": true, "takes": true, "took": true, "taken": true, "taking": true}

// related reports whether the gazetteer relates a to b, either way, by one
// of preds.
func (c *clause) related(a, b Mention, preds ...string) bool {
	if c.gaz == nil {
		return false
	}
	has := func(x, y Mention) bool {
		e, ok := c.gaz.entry(x.ID)
		return ok && slices.ContainsFunc(e.Relations, func(r Relation) bool { return r.Target == y.ID && slices.Contains(preds, r.Predicate) })
	}
	return has(a, b) || has(b, a)
}

// sentenceSpeaker returns who says what the sentence quotes: "..., the group said".
func (c *clause) sentenceSpeaker() (Mention, bool) {
	for k := 1; k < len(c.toks); k++ {
		if !speechVerbs[c.word(k)] || c.owner[k] >= 0 {
			continue
		}
		if m := c.owner[k-1]; m >= 0 && c.mentions[m].IsActor() {
			return c.mentions[m], true
		}
		if m, _, ok := c.anaphor(k - 1); ok {
			if g, ok := c.salientGroup(nil); ok && m.ID == "rebels" {
				return g, true // "the group said" after "rebel outfits"
			}
			return m, true
		}
		n := k + 1
		if c.word(n) == "the" {
			n++
		}
		if n < len(c.toks) && c.owner[n] >= 0 && c.mentions[c.owner[n]].IsActor() {
			return c.mentions[c.owner[n]], true
		}
	}
	return Mention{}, false
}

// agreementVerbs are predicates an agreement type gives the parties named
// with it: "a truce between A and B" (each agrees to it), "a prisoner
// exchange between A and B".
var agreementVerbs = map[string]string{
	schema.Agreement: schema.AgreesTo, schema.Ceasefire: schema.AgreesTo, schema.Truce: schema.AgreesTo,
	schema.DeEscalationZone: schema.AgreesTo, schema.EvacuationDeal: schema.AgreesTo,
	schema.PrisonerExchange: schema.ExchangesPrisonersWith,
}

// proposals before an agreement make it one not (yet) made: "calls for a
// truce between A and B".
var proposals = map[string]bool{
	"call": true, "calls": true, "called": true, "calling": true, "urge": true, "urges": true, "urged": true,
	"propose": true, "proposes": true, "proposed": true, "proposal": true, "proposing": true, "demand": true,
	"demands": true, "demanded": true, "seek": true, "seeks": true, "sought": true, "push": true, "pushed": true,
	"pushing": true, "effort": true, "efforts": true, "attempt": true, "attempts": true, "plan": true, "plans": true,
	"hope": true, "hopes": true, "hoped": true, "want": true, "wants": true, "aim": true, "aims": true, "bid": true,
	"possible": true, "potential": true, "negotiate": true, "negotiating": true, "reach": true, "would": true,
	"will": true, "could": true, "may": true, "might": true, "should": true, "no": true, "not": true, "any": true,
	"if": true, "whether": true, "new": true, "future": true, "prospect": true, "chance": true, "chances": true,
}

// agreementParties reads the parties an agreement is named with: "a truce
// between Damascus and rebels was announced" (both agree to it), "a
// prisoner exchange between IS and the al-Qadam rebels", "a prisoner
// exchange of four members of Ajnad a-Sham for one IS member".
func (c *clause) agreementParties() []relation {
	var out []relation
	for _, m := range c.mentions {
		pred, ok := agreementVerbs[m.Type]
		if !ok || m.Kind() != "agreement" {
			continue
		}
		if slices.ContainsFunc(c.toks[max(0, m.Start-6):m.Start], func(t Token) bool { return proposals[t.Lower] }) {
			continue
		}
		var ps []Mention
		j := m.End
		switch c.word(j) {
		case "between":
			ps, _ = c.parties(j+1, func(m Mention) bool { return m.IsActor() }, "")
		case "of":
			if pred != schema.ExchangesPrisonersWith {
				continue
			}
			ps = c.exchanged(j + 1)
		}
		if len(ps) < 2 {
			continue
		}
		r := relation{predicate: pred, relStart: m.Start, relEnd: m.End, confidence: 0.7, rule: "nominal+parties"}
		if src, ok := c.attributed(m.Start); ok {
			r.source = src
		}
		if pred == schema.AgreesTo {
			out = append(out, cross(ps, []Mention{m}, r)...)
		} else {
			out = append(out, pairwise(ps, r)...)
		}
	}
	return out
}

// exchanged reads "[four members of] A for [one] B [member]" from token k:
// the two sides of an exchange.
func (c *clause) exchanged(k int) []Mention {
	side := func(k int) (Mention, int, bool) {
		for j := k; j < len(c.toks) && j < k+5; j++ {
			w := c.word(j)
			if m := c.owner[j]; m >= 0 {
				return c.mentions[m], c.mentions[m].End, c.mentions[m].IsActor()
			}
			if w == "for" || boundaries[w] || w == "," || w == "." {
				break
			}
		}
		return Mention{}, 0, false
	}
	a, end, ok := side(k)
	if !ok {
		return nil
	}
	for j := end; j < len(c.toks) && j < end+3; j++ {
		if c.word(j) == "for" {
			if b, _, ok := side(j + 1); ok && b.ID != a.ID {
				return []Mention{a, b}
			}
			break
		}
	}
	return nil
}

// reciprocal reads a verb whose subjects act on each other: "Russia, which
// backs the Assad regime, and the United States, which ..., met secretly"
// (a symmetric predicate without an object), "Syrian government forces and
// rebels intensified tit-for-tat attacks" (they fight each other, whatever
// else they attack). It returns the predicate and the subjects, or "".
func (c *clause) reciprocal(t Trigger, subjs, objs []Mention) (string, []Mention) {
	p, _ := schema.LookupPredicate(t.Predicate)
	switch {
	case family(t.Predicate) == "attack" && c.mutual(t.Start):
		if len(subjs) >= 2 {
			return schema.Fights, subjs
		}
	case p.Symmetric && len(objs) == 0 && len(subjs) > 0 && c.word(t.Start-1) != "to":
		// Not "agreed to meet": what is to happen has not.
		subjs = c.relativeConjuncts(subjs, t.Start)
		if len(subjs) >= 2 && (t.Predicate != schema.Fights || c.adversaries(t, subjs)) {
			return t.Predicate, subjs
		}
	}
	return "", nil
}

// adversaries reports whether subjects that fought fought each other: "the
// regime and rebel groups have fought for control", "clashed", "fought
// each other"; not "Hezbollah and Iran fought to defend Assad", nor allies
// the gazetteer knows.
func (c *clause) adversaries(t Trigger, subjs []Mention) bool {
	for i := range subjs {
		for _, b := range subjs[i+1:] {
			if c.related(subjs[i], b, schema.AlliedWith, schema.MemberOf, schema.AffiliatedWith, schema.Supports, schema.BackedBy, schema.CooperatesWith) {
				return false
			}
		}
	}
	if w := c.word(t.Start); strings.HasPrefix(w, "clash") || strings.HasPrefix(w, "skirmish") {
		return true
	}
	for k := t.End; k < len(c.toks) && k < t.End+4; k++ {
		switch c.word(k) {
		case "each", "one":
			return c.word(k+1) == "other" || c.word(k+1) == "another"
		case "control":
			return c.word(k-1) == "for"
		}
	}
	return len(subjs) == 2 && c.related(subjs[0], subjs[1], schema.Fights, schema.Opposes)
}

// mutual reports whether the noun at i is done by each to the other:
// "tit-for-tat attacks", "mutual shelling".
func (c *clause) mutual(i int) bool {
	switch c.word(i - 1) {
	case "mutual", "reciprocal":
		return true
	case "tat":
		return c.word(i-2) == "for" && c.word(i-3) == "tit"
	}
	return false
}

// pairwise makes one relation for each pair of distinct parties, as cross
// does for subjects and objects.
func pairwise(ps []Mention, r relation) []relation {
	var out []relation
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			if ps[i].ID != ps[j].ID {
				out = append(out, cross(ps[i:i+1], ps[j:j+1], r)...)
			}
		}
	}
	return out
}
