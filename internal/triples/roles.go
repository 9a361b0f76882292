package triples

import (
	"strings"

	"github.com/conflictkg/kg/schema"
)

// The role stage reads what a sentence says an actor is, as opposed to
// what it does: a member, leader, branch or ally of another, a loyalist of
// the government, a group another designates as terrorist. Appositions and
// titles are read in clauses.go (appositions); this file reads the other
// constructions that state such facts:
//
//	copula        "The rebel group was a key member of the opposition council",
//	              "Alloush, who was also chief negotiator for the Syrian opposition"
//	title-of      "Head of the group's political office Mohammed Alloush"
//	ally          "Syrian government warplanes or those of its ally, Russia"
//	includes      "The civil committee of Douma includes a military commander of Jaysh al-Islam"
//	alliance      "X ... is an alliance of several jihadist groups, the largest of them Y"
//	designation   "Y, which is listed by Washington as a terrorist group"
//	participle    "rebels opposed to President Bashar al-Assad"
//	loyalist      "Shabiha is an armed loyalist militia"
//	unit          "regime military officers in the 9th Division base"
//
// Each rule reads word order, so that it holds where the parse errs on the
// domain's names; where the sentence was parsed, the parse finds the
// subject of a copula that word order cannot reach ("X was formed in May,
// and is an alliance of ...").

// copulas link a subject to what it is.
var copulas = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "been": true, "be": true,
	"remains": true, "remained": true, "became": true, "becomes": true,
}

// roleFacts applies the rules of this file to the sentence.
func (c *clause) roleFacts() []relation {
	var out []relation
	out = append(out, c.copularRoles()...)
	out = append(out, c.allies()...)
	out = append(out, c.inclusions()...)
	out = append(out, c.alliances()...)
	out = append(out, c.designations()...)
	out = append(out, c.leanings()...)
	out = append(out, c.loyalists()...)
	out = append(out, c.units()...)
	return out
}

// roleAt returns the predicate of the role noun at token k and the token
// of the phrase's head: "chief negotiator" is a negotiator, not a chief.
func (c *clause) roleAt(k int) (pred string, head int, ok bool) {
	if k < 0 || k >= len(c.toks) || c.owner[k] >= 0 {
		return "", -1, false
	}
	pred, ok = roleOf(c.word(k))
	if !ok {
		return "", -1, false
	}
	head = k
	for n := 0; n < 2 && head+1 < len(c.toks) && c.owner[head+1] < 0; n++ {
		p, ok := roleOf(c.word(head + 1))
		if !ok {
			break
		}
		pred, head = p, head+1
	}
	return pred, head, true
}

func roleOf(w string) (string, bool) {
	if p, ok := roles[w]; ok {
		return p, true
	}
	p, ok := roles[singular(w)]
	return p, ok
}

// npModifier reports whether token k may stand inside a noun phrase before
// its head: an article, an adjective, a title word ("a key member", "an
// armed loyalist militia", "the largest").
func (c *clause) npModifier(k int) bool {
	if k < 0 || k >= len(c.toks) || c.owner[k] >= 0 {
		return false
	}
	w := c.word(k)
	switch {
	case determiners[w] || titleWords[w] || w == "also" || w == "still" || w == "now":
		return true
	case !c.toks[k].IsWord() || c.toks[k].IsCapitalized() && k > 0:
		return false
	case preps[w] || copulas[w] || negations[w] || speechVerbs[w] || relativePronouns[w] || w == "and" || w == "or" || w == "but" || w == "as":
		return false
	}
	if c.tree != nil {
		switch c.tree.UPOS[k] {
		case "VERB", "AUX", "PRON", "ADP", "SCONJ", "CCONJ", "PUNCT":
			return false
		}
	}
	return true
}

var relativePronouns = map[string]bool{"who": true, "which": true, "that": true, "whom": true, "whose": true}

// npStart returns the first token of the noun phrase whose head is n,
// over modifiers, an actor that modifies the head ("an Islamic State
// branch") with its bracketed acronym, and "one of the"; and whether a
// negation stands before it ("is not a member").
func (c *clause) npStart(n int) (start int, negated bool) {
	k := n - 1
walk:
	for steps := 0; k >= 0 && steps < 6; steps++ {
		switch {
		case c.word(k) == ")":
			j := k - 1
			for j > k-4 && j > 0 && c.word(j) != "(" {
				j--
			}
			if c.word(j) != "(" {
				return k + 1, false
			}
			k = j - 1
		case c.owner[k] >= 0 && c.mentions[c.owner[k]].IsActor():
			k = c.mentions[c.owner[k]].Start - 1
		case c.word(k) == "of" && c.word(k-1) == "one":
			k -= 2
		case c.npModifier(k):
			k--
		default:
			break walk
		}
	}
	start = k + 1
	for j := k; j >= 0 && j >= k-1; j-- {
		if w := c.word(j); negations[w] || w == "longer" {
			negated = true
		}
	}
	return start, negated
}

// holderOf returns who the noun phrase headed by n, from token first on,
// is said to be: the subject of a copula before it ("X is a loyalist
// militia", "X, who was chief negotiator"), or, when appos is true, the
// actor it is set off from by a comma ("X, an alliance of ...").
func (c *clause) holderOf(first, n int, appos bool) (x Mention, negated, ok bool) {
	s, neg := c.npStart(first)
	b := s - 1
	for b >= 0 && (negations[c.word(b)] || c.word(b) == "longer" || c.word(b) == "also" || c.word(b) == "still") {
		b--
	}
	switch {
	case copulas[c.word(b)]:
		x, ok = c.copularSubject(n, b)
		return x, neg, ok
	case appos && c.word(b) == "," && b > 0 && c.owner[b-1] >= 0:
		x = c.mentions[c.owner[b-1]]
		return x, false, x.IsActor()
	}
	return Mention{}, false, false
}

// copularSubject returns the subject of the copula at b whose predicate
// noun is n: the parse's subject of n, else the nearest actor left of b.
func (c *clause) copularSubject(n, b int) (Mention, bool) {
	if t := c.tree; t != nil && (t.kid(n, "cop") >= 0 || t.rel(n) == "conj") {
		if h, how := t.subject(n); h >= 0 && (how == "" || how == "relcl") {
			h = t.antecedent(h)
			if ms, _ := c.phraseMentions(h, func(m Mention) bool { return m.IsActor() }); len(ms) > 0 {
				return c.specific(ms[0]), true
			}
			if m, _, ok := c.anaphor(h); ok {
				return m, true
			}
		}
	}
	at := b
	if w := c.word(b - 1); w == "has" || w == "have" || w == "had" {
		at-- // "has been"
	}
	subjs, dist, _ := c.subjectLeft(at)
	if len(subjs) == 0 || dist > 3 {
		return Mention{}, false
	}
	return c.specific(subjs[len(subjs)-1]), true
}

// specific resolves "the rebel group", which the gazetteer reads as rebels
// in general and the discourse stage could not resolve because rebels were
// named last, to the one group the headline names.
func (c *clause) specific(m Mention) Mention {
	if m.ID != "rebels" || m.Match != MatchGazetteer || c.ctx == nil || c.ctx.headline == nil || c.word(m.Start-1) != "the" {
		return m
	}
	if w := c.word(m.End - 1); w != "group" && w != "faction" {
		return m
	}
	r := *c.ctx.headline
	r.Start, r.End, r.Text, r.Match = m.Start, m.End, m.Text, MatchDefinite
	return r
}

// groupRef corrects an anaphor "the group" (y, resolved to the group or
// organisation named last) that the discourse resolved to an organisation
// named in passing ("opposition-held territories"): an armed group's
// article says "the group" of the armed group its headline names.
func (c *clause) groupRef(y Mention) Mention {
	if y.Type == schema.ArmedGroup || c.ctx == nil || c.ctx.headline == nil || c.word(y.Start) != "the" {
		return y
	}
	switch c.word(y.End - 1) {
	case "group", "faction", "militia":
	default:
		return y
	}
	r := *c.ctx.headline
	r.Start, r.End, r.Text, r.Match = y.Start, y.End, y.Text, MatchDefinite
	return r
}

// roleTarget finds the actor other than x that the role noun at r relates
// x to: through the parse (clauses.go relatedActor), else an actor that
// modifies the role noun ("an Islamic State (ISIS) branch"), else one after
// of/for/in/within ("a key member of the opposition council"). direct is
// false when the actor is reached through another noun ("the head of the
// group's political office"): then any role is membership.
func (c *clause) roleTarget(x Mention, r int) (y Mention, direct, ok bool) {
	if c.tree != nil {
		if y, direct, ok = c.relatedActor(x, r, 0); ok {
			return y, direct, ok
		}
	}
	// An actor before the role noun, over modifiers and a bracketed acronym.
	for k, steps := r-1, 0; k >= 0 && steps < 5; steps++ {
		if c.word(k) == ")" {
			for k > r-8 && k > 0 && c.word(k) != "(" {
				k--
			}
			k--
			continue
		}
		if m := c.owner[k]; m >= 0 {
			if y := c.mentions[m]; y.IsActor() && y.ID != x.ID {
				return c.specific(y), true, true
			}
			break
		}
		if !c.npModifier(k) || determiners[c.word(k)] {
			break
		}
		k--
	}
	return c.actorAfter(x, r, 0)
}

// actorAfter finds the actor after the role noun at r through of, for, in
// or within, at most one more noun deep ("a member of the political office
// of X").
func (c *clause) actorAfter(x Mention, r, depth int) (Mention, bool, bool) {
	p := c.word(r + 1)
	switch p {
	case "of", "for", "in", "within":
	default:
		return Mention{}, false, false
	}
	k := r + 2
	for n := 0; n < 3 && c.npModifier(k) && !c.anaphorStarts(k); n++ {
		k++
	}
	if m := c.ownerAt(k); m >= 0 {
		y := c.mentions[m]
		if !y.IsActor() || y.ID == x.ID || p == "in" && (y.Type == schema.State || y.Type == schema.Country) {
			return Mention{}, false, false // "a branch in Syria": where, not whose
		}
		if c.word(y.End) == "'s" {
			return y, false, true // "member of Jaish al-Islam's political office"
		}
		return c.specific(y), depth == 0, true
	}
	if y, end, ok := c.anaphorAt(k); ok && y.ID != x.ID {
		return c.groupRef(y), depth == 0 && c.word(end) != "'s", true
	}
	if depth == 0 {
		// "a member of the political office of X"
		for j := k; j < len(c.toks) && j < k+3; j++ {
			if c.word(j) == "of" {
				if y, _, ok := c.actorAfter(x, j-1, depth+1); ok {
					return y, false, true
				}
				break
			}
			if c.owner[j] >= 0 || !c.toks[j].IsWord() {
				break
			}
		}
	}
	return Mention{}, false, false
}

// anaphorAt resolves an anaphor ("the group", "it") that starts at token
// k, returning it and the token after it.
func (c *clause) anaphorAt(k int) (Mention, int, bool) {
	for end := k + 2; end >= k; end-- {
		if m, n, ok := c.anaphor(end); ok && end-n+1 == k {
			return m, end + 1, true
		}
	}
	return Mention{}, 0, false
}

func (c *clause) anaphorStarts(k int) bool {
	_, _, ok := c.anaphorAt(k)
	return ok
}

// negotiators take part in the talks their phrase names.
var negotiators = map[string]bool{"negotiator": true, "negotiators": true, "delegate": true, "delegates": true, "envoy": true}

// copularRoles: "X is/was (a key) ROLE of Y", "X, who was also chief
// negotiator for Y during talks with Z".
func (c *clause) copularRoles() []relation {
	var out []relation
	for k := range c.toks {
		pred, r, ok := c.roleAt(k)
		if !ok {
			continue
		}
		if k > 0 {
			if _, _, prev := c.roleAt(k - 1); prev {
				continue // the head of "chief negotiator" was read at "chief"
			}
		}
		x, neg, ok := c.holderOf(k, r, false)
		if !ok || !x.IsActor() {
			continue
		}
		y, direct, ok := c.roleTarget(x, r)
		if !ok {
			continue
		}
		if !direct && pred != schema.AlliedWith && pred != schema.Supports {
			pred = schema.MemberOf
		}
		if x.Type != schema.Person && pred != schema.MemberOf && pred != schema.AffiliatedWith && pred != schema.AlliedWith && pred != schema.Supports {
			continue // a group is not a spokesman
		}
		out = append(out, relation{subj: x, obj: y, predicate: pred, relStart: k, relEnd: r + 1, negated: neg, confidence: 0.75, rule: "copula"})
		if negotiators[c.word(r)] {
			out = append(out, c.talks(x, r)...)
		}
	}
	return out
}

// talks finds, in the phrase of the negotiator role at r, the talks x
// took part in and with whom: "chief negotiator for the opposition during
// talks in Geneva with the regime".
func (c *clause) talks(x Mention, r int) []relation {
	for _, tr := range c.triggers {
		if tr.Kind != KindNoun || tr.Predicate != schema.NegotiatesWith || tr.Start <= r {
			continue
		}
		if c.clauseBreak(r+1, tr.Start) {
			return nil
		}
		for k := tr.End; k < len(c.toks) && k < tr.End+5; k++ {
			w := c.word(k)
			if w == "," || w == "." || boundaries[w] {
				break
			}
			if w != "with" {
				continue
			}
			ys := c.coordinated(k+1, func(m Mention) bool { return m.IsActor() && m.ID != x.ID })
			return cross([]Mention{x}, ys, relation{predicate: schema.NegotiatesWith, relStart: tr.Start, relEnd: tr.End, confidence: 0.7, rule: "copula+talks"})
		}
		return nil
	}
	return nil
}

// clauseBreak reports whether a comma, a boundary or a verb stands in
// tokens [i, j).
func (c *clause) clauseBreak(i, j int) bool {
	for k := i; k < j; k++ {
		if w := c.word(k); w == "," || w == "." || boundaries[w] || relativePronouns[w] && w != "that" {
			return true
		}
		if c.tree != nil && (c.tree.UPOS[k] == "VERB" || c.tree.UPOS[k] == "AUX") && c.owner[k] < 0 {
			return true
		}
	}
	return false
}

// titleOf reads a title whose role takes an of-phrase, before the name:
// "Head of the group's political office Mohammed Alloush", "Leader of
// Jaish al-Islam Zahran Alloush".
func (c *clause) titleOf(x Mention) (relation, bool) {
	if x.Type != schema.Person {
		return relation{}, false
	}
	for r := x.Start - 1; r >= 0 && r >= x.Start-8; r-- {
		w := c.word(r)
		if w == "," || w == "." || boundaries[w] || c.owner[r] >= 0 && c.mentions[c.owner[r]].Type == schema.Person {
			return relation{}, false
		}
		if c.tree != nil && (c.tree.UPOS[r] == "VERB" || c.tree.UPOS[r] == "AUX") {
			return relation{}, false
		}
		if c.word(r+1) != "of" || r+1 >= x.Start {
			continue
		}
		pred, head, ok := c.roleAt(r)
		if !ok || head != r || pred == schema.AlliedWith || pred == schema.Supports {
			continue
		}
		if r > 0 && !determiners[c.word(r-1)] && c.toks[r-1].IsWord() {
			return relation{}, false // the role opens the phrase: "Head of ...", "the leader of ..."
		}
		y, direct, ok := c.actorAfter(x, r, 0)
		if !ok {
			return relation{}, false
		}
		if !direct {
			pred = schema.MemberOf
		}
		return relation{subj: x, obj: y, predicate: pred, relStart: r, relEnd: r + 1, confidence: 0.75, rule: "title-of"}, true
	}
	return relation{}, false
}

// allyNouns relate the actor named after them to the possessor: "its ally,
// Russia", "the regime's backer Iran".
var allyNouns = map[string]string{
	"ally": schema.AlliedWith, "allies": schema.AlliedWith, "backer": schema.Supports, "backers": schema.Supports,
	"patron": schema.Supports, "sponsor": schema.Supports,
}

// allies: "Syrian government warplanes or those of its ally, Russia", "the
// Assad militias and their ally the Russian warplanes".
func (c *clause) allies() []relation {
	var out []relation
	for k := range c.toks {
		pred, ok := allyNouns[c.word(k)]
		if !ok || c.owner[k] >= 0 {
			continue
		}
		p := k - 1
		if p >= 0 && c.owner[p] < 0 && !determiners[c.word(p)] && c.npModifier(p) {
			p-- // "its key ally"
		}
		var xs []Mention
		switch w := c.word(p); {
		case w == "its" || w == "their":
			// The possessor is the nearest actor before, not a person.
			for j := p - 1; j >= 0 && j >= p-12; j-- {
				if boundaries[c.word(j)] {
					break
				}
				if m := c.owner[j]; m >= 0 {
					if mm := c.mentions[m]; mm.IsActor() && mm.Type != schema.Person {
						xs = []Mention{mm}
						break
					}
					j = c.mentions[m].Start
				}
			}
		case w == "'s" && p > 0 && c.owner[p-1] >= 0:
			if mm := c.mentions[c.owner[p-1]]; mm.IsActor() {
				xs = []Mention{mm}
			}
		}
		if len(xs) == 0 {
			continue
		}
		j := k + 1
		if c.word(j) == "," {
			j++
		}
		ys := c.coordinated(j, func(m Mention) bool { return m.IsActor() && m.ID != xs[0].ID })
		out = append(out, cross(ys, xs, relation{predicate: pred, relStart: k, relEnd: k + 1, confidence: 0.7, rule: "ally"})...)
	}
	return out
}

// includers state the members of their subject.
var includers = map[string]bool{
	"includes": true, "include": true, "included": true, "comprises": true, "comprise": true, "comprised": true,
}

// inclusions: "The civil committee of Douma includes a military commander
// of Jaysh al-Islam, ..." (Jaysh al-Islam is a member of the committee),
// "the alliance includes Ahrar al-Sham and ...".
func (c *clause) inclusions() []relation {
	var out []relation
	for v := range c.toks {
		if !includers[c.word(v)] || c.owner[v] >= 0 {
			continue
		}
		var x Mention
		j := v - 1
		for j >= 0 && (c.word(j) == "also" || negations[c.word(j)] || c.word(j) == "does" || c.word(j) == "did" || c.word(j) == "do") {
			j--
		}
		if j < 0 || c.owner[j] < 0 {
			continue
		}
		x = c.mentions[c.owner[j]]
		if !x.IsActor() || x.Type == schema.Person {
			continue
		}
		neg, _ := c.modality(v, x.End)
		item := true // at the start of a list item
		var role bool
		for k := v + 1; k < len(c.toks) && k < v+30; k++ {
			w := c.word(k)
			if w == "." || boundaries[w] || relativePronouns[w] || c.tree != nil && c.tree.UPOS[k] == "VERB" && c.owner[k] < 0 {
				break
			}
			if w == "," || w == "and" {
				item, role = true, false
				continue
			}
			if m := c.owner[k]; m >= 0 {
				y := c.mentions[m]
				k = y.End - 1
				if y.IsActor() && y.ID != x.ID && y.ID != "rebels" && (item || role && (c.word(y.Start-1) == "of" || c.word(y.Start-1) == "from" || c.word(y.Start-2) == "of" && skippable[c.word(y.Start-1)])) {
					out = append(out, relation{subj: y, obj: x, predicate: schema.MemberOf, relStart: v, relEnd: v + 1, negated: neg, confidence: 0.7, rule: "includes"})
				}
				item = false
				continue
			}
			if _, _, ok := c.roleAt(k); ok || agentNouns[w] || w == "representatives" || w == "representative" {
				role = true
			}
			if !skippable[w] && !c.npModifier(k) {
				item = false
			}
		}
	}
	return out
}

// collectives head a phrase that names a group of groups.
var collectives = map[string]bool{
	"alliance": true, "coalition": true, "umbrella": true, "grouping": true, "merger": true, "union": true, "federation": true,
}

// alliances: "X ... is an alliance of several jihadist groups, the largest
// of them the Yarmouk Martyrs Brigade", "X, a coalition of A, B and C".
func (c *clause) alliances() []relation {
	var out []relation
	for a := range c.toks {
		if !collectives[c.word(a)] || c.owner[a] >= 0 {
			continue
		}
		x, neg, ok := c.holderOf(a, a, true)
		if !ok || x.ID == "rebels" {
			continue
		}
		members := c.listed(a+1, x)
		out = append(out, cross(members, []Mention{x}, relation{predicate: schema.MemberOf, relStart: a, relEnd: a + 1, negated: neg, confidence: 0.7, rule: "alliance"})...)
	}
	return out
}

// listed returns the actors the phrase from token i names as members:
// "of A, B and C", "..., the largest of them Y", "including Y", "such as Y",
// "among them Y".
func (c *clause) listed(i int, x Mention) []Mention {
	fits := func(m Mention) bool { return m.IsActor() && m.ID != x.ID && m.ID != "rebels" }
	for k := i; k < len(c.toks) && k < i+20; k++ {
		w := c.word(k)
		if w == "." || w == ";" || boundaries[w] || relativePronouns[w] && w != "that" {
			break
		}
		j := -1
		switch {
		case k == i && w == "of":
			j = k + 1
		case w == "including" || w == "notably":
			j = k + 1
		case w == "such" && c.word(k+1) == "as":
			j = k + 2
		case (w == "of" || w == "among") && (c.word(k+1) == "them" || c.word(k+1) == "which" || c.word(k+1) == "whom" || c.word(k+1) == "these"):
			j = k + 2
		}
		if j < 0 {
			continue
		}
		if c.word(j) == "being" || c.word(j) == "is" {
			j++
		}
		if ms := c.coordinated(j, fits); len(ms) > 0 {
			return ms
		}
	}
	return nil
}

// designators are verbs that, with "terrorist", list their object as a
// terrorist group.
var designators = map[string]bool{
	"listed": true, "lists": true, "list": true, "designated": true, "designates": true, "designate": true,
	"classified": true, "classifies": true, "labelled": true, "labeled": true, "labels": true, "branded": true,
	"brands": true, "blacklisted": true, "considered": true, "considers": true, "deemed": true, "regarded": true,
	"regards": true, "declared": true, "declares": true,
}

// designations: "the Yarmouk Martyrs Brigade, which is listed by
// Washington as a terrorist group", "the PKK, listed as a terrorist
// organisation by Turkey", "Washington designated X a terrorist
// organisation". The term must be what the verb makes its object, not a
// word nearby: "Russia considered strikes on IS terrorists" designates no one.
func (c *clause) designations() []relation {
	var out []relation
	isActor := func(m Mention) bool { return m.IsActor() }
	for v := range c.toks {
		if !designators[c.word(v)] || c.owner[v] >= 0 {
			continue
		}
		b := v - 1
		for b >= 0 && (c.word(b) == "also" || negations[c.word(b)] || c.word(b) == "already" || c.word(b) == "officially") {
			b--
		}
		var agents, objs []Mention
		j := v + 1
		if c.word(j) == "by" {
			if agents = c.coordinated(j+1, isActor); len(agents) > 0 {
				j = agents[len(agents)-1].End
			}
		}
		if end, ok := c.termAt(j); ok {
			// Passive: the agent after "by", before or after the term.
			if len(agents) == 0 && c.word(end) == "by" {
				agents = c.coordinated(end+1, isActor)
			}
			switch {
			case copulas[c.word(b)]:
				if x, ok := c.copularSubject(v, b); ok {
					objs = []Mention{x}
				}
			case b == v-1 && c.ownerAt(b) >= 0:
				objs = []Mention{c.mentions[c.owner[b]]} // "the PKK listed as a terrorist organisation by Turkey"
			}
		} else if objs = c.coordinated(v+1, isActor); len(objs) > 0 && len(agents) == 0 && !copulas[c.word(b)] {
			// Active: "Washington designated X (as) a terrorist group".
			if _, ok := c.termAt(objs[len(objs)-1].End); !ok {
				continue
			}
			if s, dist, _ := c.subjectLeft(v); len(s) > 0 && dist <= 3 {
				agents = s
			}
		}
		if len(agents) == 0 || len(objs) == 0 {
			continue
		}
		neg, _ := c.modality(v, max(0, v-4))
		out = append(out, cross(agents, objs, relation{predicate: schema.DesignatesAsTerrorist, relStart: v, relEnd: v + 1, negated: neg, confidence: 0.75, rule: "designation"})...)
	}
	return out
}

// termAt returns the end of "as a terrorist group", "a foreign terrorist
// organisation" or "terrorists" starting at token i.
func (c *clause) termAt(i int) (end int, ok bool) {
	for n := 0; n < 3; n++ {
		switch c.word(i) {
		case "as", "a", "an", "the", "foreign", "global", "international", "specially", "designated":
			i++
			continue
		}
		break
	}
	switch c.word(i) {
	case "terrorist", "terror":
		i++
		switch c.word(i) {
		case "group", "groups", "organisation", "organization", "organisations", "organizations", "entity", "outfit":
			i++
		}
		return i, true
	case "terrorists":
		return i + 1, true
	}
	return 0, false
}

// leaningWords are adjectives and participles that, with to or with, say
// where an actor stands: "rebels opposed to Assad", "militias loyal to the
// government", "a group linked to al-Qaeda".
var leaningWords = map[string]string{
	"opposed": schema.Opposes, "allied": schema.AlliedWith, "aligned": schema.AlliedWith,
	"affiliated": schema.AffiliatedWith, "linked": schema.AffiliatedWith, "tied": schema.AffiliatedWith,
	"loyal": schema.AffiliatedWith,
}

// leanings: "rebels opposed to President Bashar al-Assad", "X, which is
// allied with Y".
func (c *clause) leanings() []relation {
	var out []relation
	for v := range c.toks {
		pred, ok := leaningWords[c.word(v)]
		if !ok || c.owner[v] >= 0 || v == 0 {
			continue
		}
		if p := c.word(v + 1); p != "to" && p != "with" {
			continue
		}
		var xs []Mention
		neg := false
		b := v - 1
		for b >= 0 && (negations[c.word(b)] || c.word(b) == "also" || c.word(b) == "closely" || c.word(b) == "still") {
			neg = neg || negations[c.word(b)]
			b--
		}
		switch {
		case b == v-1 && c.owner[b] >= 0:
			xs = []Mention{c.mentions[c.owner[b]]} // "rebels opposed to"
		case copulas[c.word(b)]:
			if x, ok := c.copularSubject(v, b); ok {
				xs = []Mention{x}
			}
		}
		if len(xs) == 0 || !xs[0].IsActor() {
			continue
		}
		ys := c.coordinated(v+2, func(m Mention) bool { return m.IsActor() && m.ID != xs[0].ID })
		for _, y := range ys {
			if pred == schema.AffiliatedWith && c.gazetteerHolds(y.ID, schema.Leads, xs[0].ID) {
				continue // "government forces loyal to President Assad": his government
			}
			out = append(out, relation{subj: xs[0], obj: y, predicate: pred, relStart: v, relEnd: v + 2, negated: neg, confidence: 0.75, rule: "participle"})
		}
	}
	return out
}

// gazetteerHolds reports whether the gazetteer states subj pred obj.
func (c *clause) gazetteerHolds(subj, pred, obj string) bool {
	if c.gaz == nil {
		return false
	}
	e, ok := c.gaz.entry(subj)
	if !ok {
		return false
	}
	for _, r := range e.Relations {
		if r.Predicate == pred && r.Target == obj {
			return true
		}
	}
	return false
}

// loyalistWords mark a group as the Syrian government's: "an armed
// loyalist militia", "a pro-regime militia".
var loyalistWords = map[string]bool{"loyalist": true, "pro-government": true, "pro-regime": true, "pro-assad": true}

// militiaNouns head the phrase a loyalist word modifies.
var militiaNouns = map[string]bool{
	"militia": true, "militias": true, "group": true, "groups": true, "force": true, "forces": true, "gang": true,
	"gangs": true, "faction": true, "paramilitary": true, "paramilitaries": true, "unit": true, "brigade": true,
}

// governmentID is the government that the war's "loyalists" are loyal to.
const governmentID = "syrian-government"

// loyalists: "Shabiha is an armed loyalist militia", "the NDF, a
// pro-government militia".
func (c *clause) loyalists() []relation {
	var out []relation
	for k := range c.toks {
		w := c.word(k)
		end := k + 1
		if w == "pro" && k+1 < len(c.toks) && c.toks[k+1].Hyphen {
			w, end = "pro-"+c.word(k+1), k+2
		}
		if !loyalistWords[w] {
			continue
		}
		n := end
		for n < len(c.toks) && n < end+2 && !militiaNouns[c.word(n)] && c.npModifier(n) {
			n++
		}
		if !militiaNouns[c.word(n)] {
			continue
		}
		x, neg, ok := c.holderOf(k, n, true)
		if !ok || x.ID == governmentID || c.gaz == nil {
			continue
		}
		gov, ok := c.gaz.Entity(governmentID)
		if !ok {
			continue
		}
		// The government is implied, not named: its name, not "loyalist", is the text.
		y := Mention{Entity: gov, Start: k, End: end, Text: gov.Name, Match: MatchGazetteer}
		out = append(out, relation{subj: x, obj: y, predicate: schema.AffiliatedWith, relStart: k, relEnd: n + 1, negated: neg, confidence: 0.7, rule: "loyalist"})
	}
	return out
}

// personnel are the people and units a force is made of.
var personnel = map[string]bool{
	"officers": true, "officer": true, "commanders": true, "soldiers": true, "troops": true, "officials": true,
	"units": true, "forces": true, "members": true, "fighters": true, "personnel": true,
}

// units: "regime military officers in the 9th Division base": a state
// force whose people are the government's is the government's. A force the
// gazetteer places in another government is left alone ("Russian officers
// in the Fifth Corps" serve in a Syrian corps).
func (c *clause) units() []relation {
	var out []relation
	for _, a := range c.mentions {
		if a.Type != schema.Government {
			continue
		}
		k := a.End
		for n := 0; n < 2 && c.npModifier(k) && !personnel[c.word(k)]; n++ {
			k++
		}
		if !personnel[c.word(k)] {
			continue
		}
		switch c.word(k + 1) {
		case "in", "of", "from", "within":
		default:
			continue
		}
		j := k + 2
		if skippable[c.word(j)] {
			j++
		}
		m := c.ownerAt(j)
		if m < 0 || c.mentions[m].Start != j || c.mentions[m].Type != schema.StateForce {
			continue
		}
		b := c.mentions[m]
		if c.memberElsewhere(b.ID, a.ID) {
			continue
		}
		out = append(out, relation{subj: b, obj: a, predicate: schema.MemberOf, relStart: k, relEnd: k + 2, confidence: 0.65, rule: "unit"})
	}
	return out
}

// memberElsewhere reports whether the gazetteer makes id a member of an
// actor other than of.
func (c *clause) memberElsewhere(id, of string) bool {
	if c.gaz == nil {
		return false
	}
	e, ok := c.gaz.entry(id)
	if !ok {
		return false
	}
	for _, r := range e.Relations {
		if r.Predicate == schema.MemberOf && r.Target != of {
			return true
		}
	}
	return false
}

// partNouns name the parts of a group: "rebel factions in the X operations
// room", "rebel fighters of X".
var partNouns = map[string]bool{
	"factions": true, "faction": true, "fighters": true, "groups": true, "members": true, "units": true,
	"brigades": true, "battalions": true,
}

// standFor resolves a mention of rebels in general that names the parts of
// a group named right after it to that group: "Rebel factions in the
// al-Qadam joint operations room agreed to a truce" is said of the
// operations room.
func standFor(toks []Token, ms []Mention) []Mention {
	for i := 0; i+1 < len(ms); i++ {
		m := ms[i]
		if m.ID != "rebels" || m.Match != MatchGazetteer || !partNouns[toks[m.End-1].Lower] || m.End >= len(toks) {
			continue
		}
		switch toks[m.End].Lower {
		case "in", "of", "from", "within":
		default:
			continue
		}
		j := m.End + 1
		if j < len(toks) && toks[j].Lower == "the" {
			j++
		}
		n := ms[i+1]
		if n.Start != j || n.Type != schema.ArmedGroup || n.ID == "rebels" || j < len(toks) && n.End < len(toks) && toks[n.End].Lower == "'s" {
			continue
		}
		ms[i].Entity, ms[i].Match = n.Entity, MatchDefinite
	}
	return ms
}

// dedupe drops the relations that repeat an earlier one.
func dedupe(rs []relation) []relation {
	seen := map[string]bool{}
	out := rs[:0]
	for _, r := range rs {
		k := strings.Join([]string{r.subj.ID, r.predicate, r.obj.ID, boolString(r.negated)}, "\x00")
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

func boolString(b bool) string {
	if b {
		return "t"
	}
	return "f"
}
