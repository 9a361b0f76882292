package triples

import (
	"slices"
	"strings"

	"github.com/conflictkg/kg/internal/triples/parse"
	"github.com/conflictkg/kg/schema"
)

// The clause stage reads a sentence's dependency parse to find who does
// what to whom: the subject of a verb through nsubj, coordination, control,
// relative clauses and participles, and its object through obj and the
// oblique its pattern's preposition marks. Word order alone picks the
// nearest actor, which is wrong for "rebels from Jaish al-Islam, which
// controls Douma" and "civilians were killed after attacks by X".

// parseTokens parses a sentence's tokens, each mention as one word. The
// parser learned English from a treebank that has few of this domain's
// names: "Rebels, IS agree" reads IS as a verb, "Jaish al - Islam" as three
// words of uncertain structure. So a mention is given to it as one word it
// knows in the same role: a lower-case head as written ("the Syrian regime"
// as "the regime", "Russia's defence ministry" as "ministry"), else "Bush"
// for a person, "Iraq" for another actor, "Baghdad" for a place. Hyphens,
// which are not tokens, are words for the parser, as in the treebank
// ("Russia - backed"). In the tree returned, which is over tokens, the
// other tokens of a mention hang from its first.
func parseTokens(toks []Token, ms []Mention) *tree {
	words := make([]string, 0, len(toks)+8)
	wordOf := make([]int, len(toks))
	next := 0 // mentions are in text order
	for i := 0; i < len(toks); i++ {
		if toks[i].Hyphen && i > 0 {
			words = append(words, "-")
		}
		wordOf[i] = len(words)
		for next < len(ms) && ms[next].Start < i {
			next++
		}
		var m *Mention
		if next < len(ms) && ms[next].Start == i {
			m = &ms[next]
		}
		if m == nil || m.End-m.Start == 1 && !toks[i].IsCapitalized() {
			words = append(words, toks[i].Text)
			continue
		}
		words = append(words, standIn(toks, *m))
		for i+1 < m.End {
			i++
			wordOf[i] = -1 // hangs from the mention's first token
		}
	}
	p := parse.Default().Parse(words)
	tokOf := make([]int, len(words))
	for i := range tokOf {
		tokOf[i] = -1
	}
	for i, w := range wordOf {
		if w >= 0 {
			tokOf[w] = i
		}
	}
	s := &parse.Sentence{
		Words: make([]string, len(toks)), Lemmas: make([]string, len(toks)), UPOS: make([]string, len(toks)),
		XPOS: make([]string, len(toks)), Heads: make([]int, len(toks)), Rels: make([]string, len(toks)),
	}
	first := 0
	for i, w := range wordOf {
		s.Words[i] = toks[i].Text
		if w < 0 {
			s.Lemmas[i], s.UPOS[i], s.XPOS[i], s.Heads[i], s.Rels[i] = toks[i].Lower, s.UPOS[first], s.XPOS[first], first, "flat"
			continue
		}
		first = i
		s.Lemmas[i], s.UPOS[i], s.XPOS[i], s.Rels[i] = p.Lemmas[w], p.UPOS[w], p.XPOS[w], p.Rels[w]
		h := p.Heads[w]
		for n := 0; h >= 0 && tokOf[h] < 0 && n < len(words); n++ {
			h = p.Heads[h] // a hyphen's head
		}
		s.Heads[i] = -1
		if h >= 0 && tokOf[h] >= 0 {
			s.Heads[i] = tokOf[h]
		}
	}
	return newTree(s)
}

// standIn is the word the parser is given for mention m.
func standIn(toks []Token, m Mention) string {
	last := toks[m.End-1]
	switch {
	case !last.IsCapitalized() && last.IsWord():
		return last.Text
	case m.Type == schema.Person:
		return "Bush"
	case m.IsActor():
		return "Iraq"
	case m.Kind() == "location":
		return "Baghdad"
	}
	return "agreement"
}

// needsParse reports whether a sentence has what a fact needs: a trigger
// and an actor or an anaphor. Parsing is the costliest stage; most
// sentences of a corpus have no trigger.
func needsParse(trs []Trigger, ms []Mention) bool {
	if len(trs) == 0 {
		return false
	}
	for _, m := range ms {
		if m.IsActor() {
			return true
		}
	}
	return false
}

// appositive reports whether a sentence may say what an actor is: it
// has a role noun and names two actors, or a person (whom a title may
// relate to a group).
func appositive(toks []Token, ms []Mention) bool {
	n, person := 0, false
	for _, m := range ms {
		if m.IsActor() {
			n++
			person = person || m.Type == schema.Person
		}
	}
	if n < 2 && !person {
		return false
	}
	for _, t := range toks {
		if _, ok := roles[t.Lower]; ok {
			return true
		}
	}
	return false
}

// agentNouns stand for the actor that modifies them: "IS fighters",
// "fighters of Jaish al-Islam", "Syria's army", "regime warplanes".
// Others do not: "supporters of Syria's government" are not the government.
var agentNouns = map[string]bool{
	"fighters": true, "fighter": true, "forces": true, "force": true, "troops": true, "militants": true,
	"militiamen": true, "militia": true, "militias": true, "units": true, "unit": true, "soldiers": true,
	"army": true, "warplanes": true, "warplane": true, "jets": true, "planes": true, "aircraft": true,
	"helicopters": true, "helicopter": true, "artillery": true, "gunmen": true, "members": true,
	"jihadists": true, "rebels": true, "insurgents": true, "terrorists": true, "brigade": true, "brigades": true,
	"group": true, "groups": true, "faction": true, "factions": true, "movement": true, "organization": true,
	"organisation": true, "coalition": true, "alliance": true, "government": true, "regime": true,
	"ministry": true, "spokesman": true, "spokesperson": true, "spokeswoman": true, "officials": true,
	"official": true, "delegation": true, "leadership": true, "command": true, "commanders": true,
	"media": true, "agency": true, "statement": true, "office": true, "wing": true, "branch": true,
	"battalion": true, "battalions": true, "division": true, "drones": true, "embassy": true, "envoy": true,
	"commander": true, "allies": true, "ally": true, "leaders": true, "leader": true, "militiaman": true, "airstrikes": true, "strikes": true,
	"raids": true, "shelling": true, "bombardment": true, "bombing": true, "rockets": true, "missiles": true,
	"agencies": true, "minister": true, "ministers": true, "president": true, "chief": true, "officers": true,
	"authorities": true, "administration": true, "police": true, "campaign": true, "offensive": true,
}

// placeNouns stand for the place they name: "the town of Sheikh Saad",
// "Douma city". wholes marks those that are the whole place; the others
// are a part of it ("areas of Damascus", "the countryside of Daraa").
var placeNouns = map[string]bool{
	"town": true, "city": true, "village": true, "district": true, "neighborhood": true, "neighbourhood": true,
	"province": true, "governorate": true, "region": true, "suburb": true, "camp": true, "capital": true,
	"areas": false, "area": false, "parts": false, "part": false, "outskirts": false, "countryside": false,
	"suburbs": false, "pocket": false, "pockets": false, "belt": false, "neighborhoods": false,
	"neighbourhoods": false, "villages": false, "towns": false, "positions": false, "posts": false,
	"south": false, "north": false, "east": false, "west": false, "southwest": false, "northwest": false,
	"southeast": false, "northeast": false, "center": false, "centre": false, "sector": false, "edge": false,
	"outpost": false, "outposts": false, "base": false, "bases": false, "front": false, "frontlines": false,
}

// phraseMentions returns the mentions the noun phrase headed by token h
// names and that fit: h's own mention, or the one a noun that stands for
// it takes as modifier, with those of h's conjuncts. part is true when the
// phrase names a part of the place it mentions ("areas of Damascus").
// Conjuncts count only when a conjunction joins them: "X, an IS branch"
// parsed as a list is an apposition.
func (c *clause) phraseMentions(h int, fits func(Mention) bool) (ms []Mention, part bool) {
	heads := []int{h}
	listed := false
	for n := 0; n < maxConjuncts; n++ {
		k := c.nextConjunct(heads[len(heads)-1])
		if k < 0 {
			break
		}
		heads = append(heads, k)
		listed = listed || c.tree.kid(k, "cc") >= 0
	}
	for _, h := range heads {
		got, p := c.named(h, fits, 0)
		ms = append(ms, got...)
		part = part || p
		if !listed && len(ms) > 0 {
			break // the first that names one
		}
	}
	return ms, part
}

// quantities head a phrase whose "of" names what is counted: "thousands
// of fighters from X", "dozens of IS militants".
var quantities = map[string]bool{
	"thousands": true, "hundreds": true, "dozens": true, "scores": true, "tens": true, "number": true,
	"some": true, "many": true, "most": true, "all": true, "several": true, "few": true, "group": true, "convoy": true,
}

// named returns the mention of word h, or of the word that h stands for,
// or, for a quantity, of what it counts; depth bounds the search.
func (c *clause) named(h int, fits func(Mention) bool, depth int) ([]Mention, bool) {
	if m := c.owner[h]; m >= 0 {
		if c.modifier(c.mentions[m]) {
			return nil, false // "an opposition-held district" is no party, even where the parse errs
		}
		if fits(c.mentions[m]) {
			return []Mention{c.mentions[m]}, false
		}
		return nil, false
	}
	t := c.tree
	w := c.word(h)
	if (quantities[w] || t.UPOS[h] == "NUM") && depth < 2 {
		for _, k := range t.kids[h] {
			if cs := c.word(t.kid(k, "case")); t.rel(k) == "nmod" && (cs == "of" || cs == "from") {
				ms, _ := c.phraseMentions(k, fits)
				if len(ms) > 0 {
					return ms, false
				}
			}
		}
	}
	if k := t.kid(h, "acl"); k >= 0 && knownAs[c.word(k)] {
		for _, j := range t.kids[k] {
			if t.rel(j) == "obl" && c.word(t.kid(j, "case")) == "as" && c.owner[j] >= 0 && fits(c.mentions[c.owner[j]]) {
				return []Mention{c.mentions[c.owner[j]]}, false // "an alliance of rebels known as the Army of Conquest"
			}
		}
	}
	whole, place := placeNouns[w]
	if !agentNouns[w] && !place {
		return nil, false
	}
	if w == "outskirts" || directions[w] && t.kid(h, "det") < 0 {
		return nil, false // "north of Idlib city", "the outskirts of Damascus": outside it
	}
	kids := slices.Clone(t.kids[h])
	if place {
		for _, k := range kids {
			if t.rel(k) == "nmod" && c.word(t.kid(k, "case")) == "of" && c.toks[k].IsCapitalized() && c.owner[k] < 0 {
				return nil, false // "the Damascus suburb of Qudsaya": a place the gazetteer lacks, not Damascus
			}
		}
	}
	slices.SortStableFunc(kids, func(a, b int) int { return abs(a-h) - abs(b-h) }) // nearest first: "AFP Tuesday US air strikes"
	for _, k := range kids {
		switch t.rel(k) {
		case "compound", "nmod", "amod", "flat", "appos", "conj":
		default:
			continue
		}
		if t.rel(k) == "conj" {
			// "civilians and fighters from X": what the last conjunct stands for.
			if depth < 2 {
				if ms, p := c.named(k, fits, depth+1); len(ms) > 0 {
					return ms, p
				}
			}
			continue
		}
		if t.rel(k) == "nmod" {
			switch c.word(t.kid(k, "case")) {
			case "of", "for", "'s":
			case "from":
				if m := c.owner[k]; m >= 0 && (c.mentions[m].Type == schema.Country || c.mentions[m].Type == schema.State) {
					continue // "militias from Lebanon and Iraq" are not the states
				}
			default:
				continue
			}
		}
		if t.Rels[k] == "nmod:poss" && place {
			continue // "its outskirts": whose, not which place
		}
		m := c.owner[k]
		if m < 0 || !fits(c.mentions[m]) {
			continue
		}
		if place && c.mentions[m].IsActor() {
			continue // "rebel positions" are not the rebels
		}
		return []Mention{c.mentions[m]}, place && !whole
	}
	return nil, false
}

// modifier reports whether m is the first part of a participle compound
// ("opposition-held", "Russia-backed", "US-led") or follows "anti-" or
// "pro-": it modifies a noun.
func (c *clause) modifier(m Mention) bool {
	if c.toks[m.Start].Hyphen && (c.word(m.Start-1) == "anti" || c.word(m.Start-1) == "pro") {
		return true // "anti-Syria groups", "pro-Assad militias"
	}
	if offshoots[c.word(m.End)] && m.End+1 < len(c.toks) && c.owner[m.End+1] >= 0 {
		return true // "Al Qaeda affiliate Al Nusra Front", "rebel backer Qatar"
	}
	if m.End >= len(c.toks) || !c.toks[m.End].Hyphen {
		return false
	}
	w := c.word(m.End)
	return strings.HasSuffix(w, "ed") || w == "held" || w == "led" || w == "run"
}

// knownAs are the participles that give a phrase its name: "known as".
var knownAs = map[string]bool{"known": true, "called": true, "dubbed": true, "named": true, "styled": true}

// offshoots are nouns between an actor and another it is related to, which
// is the one meant: "Al Qaeda affiliate Al Nusra", "rebel backer Qatar".
var offshoots = map[string]bool{
	"affiliate": true, "offshoot": true, "branch": true, "wing": true, "arm": true, "franchise": true,
	"proxy": true, "ally": true, "allies": true, "spinoff": true, "backer": true, "backers": true,
	"sponsor": true, "sponsors": true, "patron": true, "supporter": true, "supporters": true,
	"foe": true, "rival": true, "enemy": true, "partner": true,
}

// depSubjects returns the subjects of the verb at v as the parse reads
// them. known is false when the parse cannot tell (it does not read v as a
// verb, or finds no subject); then word order decides.
func (c *clause) depSubjects(v int) (subjs []Mention, pronoun, known bool) {
	t := c.tree
	if t == nil || t.UPOS[v] != "VERB" {
		return nil, false, false
	}
	h, how := t.subject(v)
	if h < 0 {
		return nil, false, false
	}
	if how == "" {
		// Two subjects are a misread: a dateline ("AFP Tuesday ... US
		// strikes killed") or a modifier ("a group based in the suburbs
		// have denied"). The nearest that names an actor is the subject.
		for _, k := range slices.Backward(t.kids[v]) {
			if t.rel(k) != "nsubj" || k == h || k > v {
				continue
			}
			if ms, _ := c.phraseMentions(k, func(m Mention) bool { return m.IsActor() }); len(ms) > 0 {
				h = k
				break
			}
		}
	}
	switch {
	case how == "" && t.rel(h) == "nsubj" && strings.HasSuffix(t.Rels[h], ":pass"):
		return nil, false, true // "Douma was bombed": a passive without its agent
	case how == "acl" && t.XPOS[v] == "VBN":
		return nil, false, true // "the town captured in May": passive
	}
	h = c.commaAntecedent(h)
	if ms, _ := c.phraseMentions(h, func(m Mention) bool { return m.IsActor() }); len(ms) > 0 {
		if m := c.owner[h]; len(ms) == 1 && m >= 0 && c.word(c.mentions[m].Start-1) == "," {
			ms = c.coordinatedLeft(m) // a headline's "Rebels, IS agree"
		}
		return ms, false, true
	}
	if m, _, ok := c.anaphor(h); ok {
		return []Mention{m}, true, true
	}
	return nil, false, true // "four civilians lost their lives"
}

// depObjects returns the objects of verb trigger tr at v as the parse reads
// them: its direct object, or the oblique its pattern's preposition marks
// ("agreed to a truce"), or one whose preposition does not mark place or
// time ("attacked positions near Daraa": positions, not Daraa).
func (c *clause) depObjects(v int, tr Trigger) (objs []Mention, known bool) {
	t := c.tree
	if t == nil || t.UPOS[v] != "VERB" {
		return nil, false
	}
	fits := func(m Mention) bool { return rangeFits(tr.Predicate, m) }
	var cands []int
	inPattern := func(k int) bool { return k >= tr.Start && k < tr.End }
	patternPrep := false
	for k := tr.Start + 1; k < tr.End; k++ {
		if t.UPOS[k] == "ADP" {
			patternPrep = true
		}
	}
	for _, k := range t.kids[v] {
		switch t.Rels[k] {
		case "obj", "iobj":
			if inPattern(k) {
				// "launched an attack on X": the pattern's noun takes the object.
				for _, j := range t.kids[k] {
					if t.rel(j) == "nmod" && inPattern(t.kid(j, "case")) {
						cands = append(cands, j)
					}
				}
				continue
			}
			if !patternPrep {
				cands = append(cands, k)
			}
		case "ccomp":
			// "announced that a truce had been agreed": what the clause is about;
			// but "warns that the regime will": not whom it warns.
			if !patternPrep && tr.Predicate != schema.Warns && tr.Predicate != schema.Demands {
				if sj := t.kid(k, "nsubj:pass", "nsubj"); sj >= 0 {
					cands = append(cands, sj)
				}
			}
		case "obl":
			cs := t.kid(k, "case")
			if c.word(cs) == "to" && c.word(cs-1) == "according" || c.word(cs) == "according" {
				continue // "according to the Observatory": who says it
			}
			if w := c.word(cs); w == "alongside" || w == "beside" {
				continue // "fighting alongside the Nusra Front": an ally
			}
			if c.word(cs) == "of" && directions[c.word(cs-1)] && c.word(cs-2) != "the" {
				continue // "targeted north of Idlib city": outside it
			}
			switch {
			case cs >= 0 && inPattern(cs):
				cands = append([]int{k}, cands...)
			case patternPrep, cs < 0:
			case c.word(cs) == "from" && (tr.Predicate == schema.Evacuates || tr.Predicate == schema.WithdrawsFrom):
				cands = append(cands, k) // "exited from the city of Harasta"
			case locatives[c.word(cs)] || c.word(cs) == "by" || c.word(cs) == "for":
			case tr.Predicate == schema.Evacuates && c.destination(cs, cs+1):
			default:
				cands = append(cands, k)
			}
		}
	}
	for _, k := range cands {
		if m := c.owner[k]; m >= 0 && c.mentions[m].End < len(c.toks) && c.toks[c.mentions[m].End].Hyphen {
			continue // "on an opposition-held town": a modifier the parse took for the head
		}
		ms, part := c.phraseMentions(k, fits)
		if len(ms) == 0 {
			continue
		}
		if part && wholePlace(tr.Predicate) {
			return nil, true // "took positions in the area": part of a place
		}
		return ms, true
	}
	return nil, true
}

// depAgents returns the agents of the passive verb at v: "bombed by war
// planes", "a truce brokered by US and Russia".
func (c *clause) depAgents(v int) (agents []Mention, known bool) {
	t := c.tree
	if t == nil || t.UPOS[v] != "VERB" {
		return nil, false
	}
	for _, k := range t.kids[v] {
		if t.rel(k) != "obl" || c.word(t.kid(k, "case")) != "by" {
			continue
		}
		ms, _ := c.phraseMentions(k, func(m Mention) bool { return m.IsActor() })
		if len(ms) == 0 && k+1 < len(c.toks) && c.tree.Heads[k+1] == v && c.owner[k+1] >= 0 && c.mentions[c.owner[k+1]].IsActor() {
			// "by the Lebanese group Hezbollah", the name read as a second agent
			return []Mention{c.mentions[c.owner[k+1]]}, true
		}
		return ms, true
	}
	return nil, true
}

// depPatient returns what the passive verb at v was done to: its passive
// subject, or the noun a participle modifies ("a truce brokered by").
func (c *clause) depPatient(v int, pred string) (objs []Mention, known bool) {
	t := c.tree
	if t == nil || t.UPOS[v] != "VERB" {
		return nil, false
	}
	h, how := t.subject(v)
	if h < 0 || how == "control" {
		return nil, false
	}
	h = t.antecedent(h)
	ms, part := c.phraseMentions(h, func(m Mention) bool { return rangeFits(pred, m) })
	if part && wholePlace(pred) {
		return nil, true
	}
	if len(ms) == 0 {
		if m, _, ok := c.anaphor(h); ok && rangeFits(pred, m) {
			return []Mention{m}, true
		}
	}
	return ms, true
}

// wholePlace reports whether pred holds of a place only if it holds of the
// whole: who controls the outskirts of a city does not control the city;
// who shells them shells the city.
func wholePlace(pred string) bool {
	switch pred {
	case schema.Controls, schema.Captures, schema.Evacuates, schema.LocatedIn, schema.WithdrawsFrom:
		return true
	}
	return false
}

// nextConjunct returns the next conjunct of the phrase headed by h ("US
// and Russia"), or -1.
func (c *clause) nextConjunct(h int) int {
	t := c.tree
	for _, k := range t.kids[h] {
		if t.Rels[k] == "conj" && k > h {
			return k
		}
	}
	// A conjunct of a conjunct hangs from the first: "A, B and C".
	if t.Rels[h] == "conj" {
		for _, k := range t.kids[t.Heads[h]] {
			if t.Rels[k] == "conj" && k > h {
				return k
			}
		}
	}
	return -1
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// roles are nouns that say what a person or group is to another actor,
// and the predicate each gives when the actor is named right at it ("the
// leader of X"); through another noun ("the head of X's political office")
// any role is membership.
var roles = map[string]string{
	"member": schema.MemberOf, "commander": schema.MemberOf, "official": schema.MemberOf, "officer": schema.MemberOf,
	"figure": schema.MemberOf, "negotiator": schema.MemberOf, "fighter": schema.MemberOf, "founder": schema.MemberOf,
	"branch": schema.MemberOf, "affiliate": schema.AffiliatedWith, "wing": schema.MemberOf, "offshoot": schema.AffiliatedWith,
	"faction": schema.MemberOf, "leader": schema.Leads, "head": schema.Leads, "chief": schema.Leads,
	"president": schema.Leads, "emir": schema.Leads, "spokesman": schema.SpokespersonOf,
	"spokesperson": schema.SpokespersonOf, "spokeswoman": schema.SpokespersonOf, "representative": schema.SpokespersonOf,
	"ally": schema.AlliedWith, "allies": schema.AlliedWith, "backer": schema.Supports,
	"members": schema.MemberOf, "commanders": schema.MemberOf, "officials": schema.MemberOf, "leaders": schema.Leads,
}

// titleWords may stand between an actor and a title: "Jaish al-Islam
// political figure X".
var titleWords = map[string]bool{"political": true, "military": true, "top": true, "senior": true, "former": true, "deputy": true, "media": true, "official": true, "local": true, "field": true}

// appositions reads what an apposition or a title says an actor is:
// "Mohammad Alloush, a representative for Jaish al-Islam", "Jaish Khaled
// bin Walid, an Islamic State branch", "Jaish al-Islam political figure
// Mohammad Alloush", "President Bashar al-Assad".
func (c *clause) appositions() []relation {
	var out []relation
	t := c.tree
	for i, x := range c.mentions {
		if !x.IsActor() {
			continue
		}
		// Apposition: a role noun attached to the mention, or set off by a
		// comma right after it, which the parse may attach elsewhere
		// ("..., according to X, a representative for Y").
		if t != nil {
			var as []int
			for k := x.Start; k < x.End; k++ {
				for _, a := range t.kids[k] {
					if t.Rels[a] == "appos" && c.owner[a] < 0 {
						as = append(as, a)
					}
				}
			}
			if a := c.setOff(x.End); a >= 0 && !slices.Contains(as, a) {
				as = append(as, a)
			}
			for _, a := range as {
				if r, ok := c.role(x, a); ok {
					out = append(out, r)
				}
			}
		}
		// Title: ROLE X, with the actor before the role ("Jaish al-Islam
		// leader Zahran Alloush") or known to the gazetteer ("President Assad").
		if x.Type != schema.Person {
			continue
		}
		r := x.Start - 1
		for k := x.Start; k < x.End-1 && k < x.Start+2; k++ {
			if _, ok := roles[c.word(k)]; ok && c.toks[k].IsCapitalized() {
				r = k // the gazetteer's "President Bashar al-Assad", "Syrian President Bashar al-Assad"
				break
			}
		}
		if r < 0 {
			continue
		}
		pred, ok := roles[c.word(r)]
		if !ok {
			if rel, ok := c.titleOf(x); ok {
				out = append(out, rel) // "Head of the group's political office Mohammed Alloush"
			}
			continue
		}
		if pred == schema.AlliedWith || pred == schema.Supports {
			continue
		}
		for k := r - 1; k >= 0 && k >= r-3; k-- {
			m := c.owner[k]
			if m < 0 {
				if !titleWords[c.word(k)] {
					break // "rebels opposed to President Assad"
				}
				continue
			}
			if y := c.mentions[m]; y.IsActor() && y.ID != x.ID && i != m {
				if y.Type == schema.State {
					break // "Syrian President X" leads the government, said below
				}
				out = append(out, relation{subj: x, obj: y, predicate: pred, relStart: r, relEnd: r + 1, confidence: 0.75, rule: "title"})
			}
			break
		}
		if pred == schema.Leads && c.gaz != nil {
			if e, ok := c.gaz.entry(x.ID); ok {
				for _, rel := range e.Relations {
					if rel.Predicate != schema.Leads {
						continue
					}
					if y, ok := c.gaz.Entity(rel.Target); ok {
						// The government is implied by the title: its name is the text, not an alias.
						out = append(out, relation{subj: x, obj: Mention{Entity: y, Start: x.Start, End: x.End, Text: y.Name, Match: MatchGazetteer}, predicate: pred, relStart: r, relEnd: r + 1, confidence: 0.7, rule: "title+gazetteer"})
					}
				}
			}
		}
	}
	return dedupe(append(out, c.roleFacts()...))
}

// setOff returns the head of the role noun phrase of ", a representative",
// ", the head", ", chief negotiator" or ", an Islamic State (ISIS) branch"
// starting at token i, over adjectives and an actor that modifies it, or -1.
func (c *clause) setOff(i int) int {
	if c.word(i) != "," {
		return -1
	}
	k := i + 1
	if w := c.word(k); w == "a" || w == "an" || w == "the" {
		k++
	}
	if m := c.ownerAt(k); m >= 0 && c.mentions[m].IsActor() {
		k = c.mentions[m].End // "an Islamic State branch"
		if c.word(k) == "(" && c.word(k+2) == ")" {
			k += 3 // "(ISIS)"
		}
	}
	for end := k + 4; k < len(c.toks) && k < end && c.owner[k] < 0; k++ {
		if _, head, ok := c.roleAt(k); ok {
			return head
		}
		if !titleWords[c.word(k)] && c.tree.UPOS[k] != "ADJ" {
			return -1
		}
	}
	return -1
}

// role reads the apposition headed by a of mention x: a role noun and the
// actor it relates x to, found in a's phrase through of/for/in, a
// possessive or a compound, at most two nouns deep.
func (c *clause) role(x Mention, a int) (relation, bool) {
	w := c.word(a)
	pred, ok := roles[w]
	if !ok {
		pred, ok = roles[singular(w)]
	}
	if !ok {
		return relation{}, false
	}
	y, direct, found := c.roleTarget(x, a)
	for k := c.nextConjunct(a); !found && k >= 0; k = c.nextConjunct(k) {
		y, direct, found = c.relatedActor(x, k, 0) // "a commander and member in the political office of X"
	}
	if !found {
		return relation{}, false
	}
	if !direct && pred != schema.AlliedWith && pred != schema.Supports {
		pred = schema.MemberOf // "head of the group's political office"
	}
	if x.Type != schema.Person && pred != schema.MemberOf && pred != schema.AffiliatedWith && pred != schema.AlliedWith && pred != schema.Supports {
		return relation{}, false // a group is not a spokesman
	}
	return relation{subj: x, obj: y, predicate: pred, relStart: a, relEnd: a + 1, confidence: 0.75, rule: "appos"}, true
}

// relatedActor finds the actor, other than x, that modifies noun n.
func (c *clause) relatedActor(x Mention, n, depth int) (Mention, bool, bool) {
	t := c.tree
	for _, k := range t.kids[n] {
		switch t.rel(k) {
		case "nmod", "compound":
		default:
			continue
		}
		cs := ""
		if t.rel(k) == "nmod" && t.Rels[k] != "nmod:poss" {
			cs = c.word(t.kid(k, "case"))
			switch cs {
			case "of", "for", "in", "within":
			default:
				continue
			}
		}
		if m := c.owner[k]; m >= 0 {
			if y := c.mentions[m]; y.IsActor() && y.ID != x.ID && !(cs == "in" && (y.Type == schema.State || y.Type == schema.Country)) {
				return c.specific(y), depth == 0, true // not "a branch in Syria": where, not whose
			}
			continue
		}
		if y, _, ok := c.anaphor(k); ok && y.ID != x.ID {
			return c.groupRef(y), depth == 0, true // "the group's political office"
		}
		if depth < 2 {
			if y, _, ok := c.relatedActor(x, k, depth+1); ok {
				return y, false, true
			}
		}
	}
	return Mention{}, false, false
}

// conditional reports whether the clause of verb v is a condition or a
// question, not an event: "if the regime insists on violating the deal",
// "whether the strikes were carried out".
func (c *clause) conditional(v int) bool {
	t := c.tree
	if t == nil {
		return false
	}
	for n := 0; v >= 0 && n < 4; n++ {
		if m := t.kid(v, "mark"); m >= 0 {
			switch c.word(m) {
			case "if", "unless", "whether":
				return true
			}
		}
		switch t.rel(v) {
		case "xcomp", "conj", "acl", "advcl":
			if t.rel(v) == "advcl" && n > 0 {
				return false
			}
			v = t.Heads[v]
		default:
			return false
		}
	}
	return false
}
