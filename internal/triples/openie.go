package triples

import (
	"slices"
	"strings"

	"github.com/conflictkg/kg/internal/triples/parse"
)

// Extraction is an open relation found in a parsed sentence, as clause
// analysis over the dependency tree reads it (in the manner of ClausIE):
// the words of the relation and of each argument, by token index, the
// first argument being the subject. Parts need not be contiguous ("is
// first mentioned").
type Extraction struct {
	Rel        []int
	Implied    string // a relation the sentence implies without writing it: "is", "has"
	Args       [][]int
	Negated    bool    // the relation holds "not", "never", "n't"
	Confidence float64 // 0..1
	Kind       string  // verb, copula, appos, relcl, acl, poss, nmod
}

// Strings returns the relation and the arguments as text.
func (e Extraction) Strings(words []string) (rel string, args []string) {
	join := func(ix []int) string {
		ws := make([]string, len(ix))
		for i, k := range ix {
			ws[i] = words[k]
		}
		return strings.Join(ws, " ")
	}
	for _, a := range e.Args {
		args = append(args, join(a))
	}
	rel = join(e.Rel)
	if e.Implied != "" {
		rel = strings.TrimSpace(e.Implied + " " + rel)
	}
	return rel, args
}

// tree is a parsed sentence with each word's dependents.
type tree struct {
	*parse.Sentence
	kids [][]int
}

func newTree(s *parse.Sentence) *tree {
	t := &tree{Sentence: s, kids: make([][]int, len(s.Words))}
	for i, h := range s.Heads {
		if h >= 0 && h < len(s.Words) {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t
}

// rel is the relation of word i to its head without its subtype:
// "nsubj:pass" is "nsubj".
func (t *tree) rel(i int) string {
	r := t.Rels[i]
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

// kid returns the first dependent of i with relation r (full, or without
// subtype when r has none), or -1.
func (t *tree) kid(i int, rels ...string) int {
	for _, k := range t.kids[i] {
		for _, r := range rels {
			if t.Rels[k] == r || !strings.Contains(r, ":") && t.rel(k) == r {
				return k
			}
		}
	}
	return -1
}

// subtree returns i and its descendants in word order, leaving out the
// dependents for which skip is true (with their subtrees), and trimming
// punctuation at both ends.
func (t *tree) subtree(i int, skip func(k int) bool) []int {
	var out []int
	var walk func(int)
	walk = func(n int) {
		out = append(out, n)
		for _, k := range t.kids[n] {
			if skip == nil || !skip(k) {
				walk(k)
			}
		}
	}
	walk(i)
	slices.Sort(out)
	return trimPunct(t, out)
}

// argSkip leaves out of an argument what makes other extractions: relative
// clauses, appositions and bracketed asides.
func (t *tree) argSkip(k int) bool {
	switch t.Rels[k] {
	case "acl:relcl", "parataxis", "dep":
		return true
	case "appos":
		// Only one set off by punctuation: "the French socialist Henri
		// Simon" is one name.
		return t.kid(k, "punct") >= 0
	}
	return false
}

// isNegation reports whether word k negates its head.
func (t *tree) isNegation(k int) bool {
	switch strings.ToLower(t.Words[k]) {
	case "not", "n't", "never", "no":
		return t.rel(k) == "advmod" || t.rel(k) == "det" || t.rel(k) == "neg"
	}
	return false
}

// OpenExtract returns the open relations of a parsed sentence: one per
// clause (verbal or copular) and per subject and object conjunct, and
// those that appositions, relative clauses, participles and possessives
// imply. They come in sentence order of their relations.
func OpenExtract(s *parse.Sentence) []Extraction {
	if s == nil || len(s.Words) == 0 || len(s.Heads) != len(s.Words) || len(s.Rels) != len(s.Words) {
		return nil
	}
	t := newTree(s)
	var out []Extraction
	for v := range s.Words {
		switch {
		case t.joined(v):
			// part of its head's relation: "agreed to cease"
		case t.isPredicate(v):
			out = append(out, t.clause(v)...)
		}
		switch t.Rels[v] {
		case "appos":
			out = append(out, t.apposition(v)...)
		case "nmod:poss":
			out = append(out, t.possessive(v)...)
		}
	}
	return out
}

// comment reports whether v is a verb of saying that comments on its
// head's clause: "The truce holds, he said".
func (t *tree) comment(v int) bool {
	h := t.Heads[v]
	if h < 0 || !speech[t.Lemmas[v]] || t.kid(v, "obj", "ccomp") >= 0 {
		return false
	}
	return t.Rels[v] == "parataxis" || t.Rels[v] == "ccomp" && v > h && t.kid(v, "mark") < 0
}

// joined reports whether v is an open complement verb that joins its
// head's relation: "agreed to cease", "had to be postponed".
func (t *tree) joined(v int) bool {
	h := t.Heads[v]
	return t.Rels[v] == "xcomp" && t.UPOS[v] == "VERB" && h >= 0 && t.UPOS[h] == "VERB" && t.kid(v, "nsubj", "nsubj:pass") < 0
}

// isPredicate reports whether word v heads a clause: a verb, or a nominal
// or adjective with a copula.
func (t *tree) isPredicate(v int) bool {
	switch t.UPOS[v] {
	case "VERB":
		return true
	case "NOUN", "PROPN", "ADJ", "PRON", "NUM", "ADV":
		return t.kid(v, "cop") >= 0
	}
	return false
}

// subject finds the subject of the clause headed by v: its own, that of
// the verb it is coordinated with, the controller of an open complement,
// or the noun a relative clause or participle modifies. It reports the
// subject's head and how it was found: "" for the clause's own subject,
// else "control", "relcl", "acl", or "advcl" for an adverbial participle's.
func (t *tree) subject(v int) (head int, how string) {
	for range 8 { // follow conj and xcomp chains, but not forever
		if s := t.kid(v, "nsubj", "csubj"); s >= 0 {
			return s, how
		}
		if s := t.kid(v, "nsubj:pass", "csubj:pass"); s >= 0 {
			return s, how
		}
		h := t.Heads[v]
		if h < 0 {
			return -1, ""
		}
		switch t.Rels[v] {
		case "conj":
			if t.isPredicate(h) {
				v = h
				continue
			}
			return -1, ""
		case "xcomp":
			// "agreed to cease operations": the object of "persuaded X to"
			// controls it, else the subject.
			if o := t.kid(h, "obj"); o >= 0 && o < v {
				return o, "control"
			}
			v = h
			continue
		case "acl:relcl":
			return h, "relcl"
		case "acl":
			return h, "acl"
		case "advcl":
			if t.XPOS[v] == "VBG" || t.XPOS[v] == "VBN" {
				v = h // "Having returned ..., they gained": the main clause's subject
				how = "advcl"
				continue
			}
		}
		return -1, ""
	}
	return -1, ""
}

// clause extracts from the clause headed by v.
func (t *tree) clause(v int) []Extraction {
	subj, how := t.subject(v)
	if subj < 0 {
		return nil
	}
	own := subj // where the clause's subject stands, before it is resolved
	subj = t.referent(t.antecedent(subj), v)
	arg1 := t.subtree(subj, func(k int) bool {
		return t.argSkip(k) || k == v || t.Heads[k] == subj && (t.Rels[k] == "case" || (how == "relcl" || how == "acl") && t.clausal(k))
	})
	trust := t.trust(v, how, arg1)

	rel := []int{}
	neg := false
	cop := t.kid(v, "cop")
	for _, k := range t.kids[v] {
		switch {
		case k > v && cop < 0:
			continue
		case t.rel(k) == "aux" || t.Rels[k] == "cop":
			rel = append(rel, k)
		case t.isNegation(k):
			rel = append(rel, k)
			neg = true
		case t.rel(k) == "advmod" && k < v && k > own && len(t.kids[k]) == 0:
			rel = append(rel, k) // "often refers", "is first mentioned"
		}
	}
	var args [][]int
	if cop >= 0 {
		// Copular clause: "X is one of the largest groups", "X is in Y".
		pred := t.subtree(v, func(k int) bool {
			return t.argSkip(k) || k == subj || t.Rels[k] == "cop" || t.rel(k) == "aux" || t.isNegation(k) ||
				t.rel(k) == "nsubj" || t.rel(k) == "csubj" || t.Rels[k] == "punct" || t.rel(k) == "conj" || t.Rels[k] == "cc" ||
				t.rel(k) == "advcl" || t.rel(k) == "obl" || t.Rels[k] == "mark" || t.rel(k) == "advmod" && k < v
		})
		if c := t.kid(v, "case"); c >= 0 && c < v {
			rel = append(rel, c) // "is in"
			pred = slices.DeleteFunc(pred, func(k int) bool { return k == c })
		}
		// A bare adjective joins the relation with the preposition of its
		// complement: "are equal to Y", "is capable of Y".
		comp := -1
		if t.UPOS[v] == "ADJ" && len(pred) == 1 {
			for _, o := range t.kids[v] {
				if t.rel(o) == "obl" && o > v && !t.isTime(o) {
					if cs := t.prepositions(o); len(cs) > 0 {
						comp = o
						rel = append(rel, v)
						rel = append(rel, cs...)
						pred = t.subtree(o, func(k int) bool { return t.argSkip(k) || slices.Contains(cs, k) })
					}
					break
				}
			}
		}
		args = append(args, pred)
		for _, k := range t.kids[v] {
			if t.rel(k) == "obl" && k != comp {
				args = append(args, t.subtree(k, t.argSkip))
			}
		}
		slices.Sort(rel)
		return t.conjuncts(Extraction{Rel: rel, Args: append([][]int{arg1}, args...), Negated: neg, Confidence: 0.8 * trust, Kind: "copula"}, subj)
	}

	rel = append(rel, v)
	var objs, obls, others []int
	for _, k := range t.kids[v] {
		switch t.Rels[k] {
		case "compound:prt":
			rel = append(rel, k)
		case "obj", "iobj", "ccomp", "xcomp":
			if !t.comment(k) {
				objs = append(objs, k)
			}
		case "obl", "obl:tmod", "obl:npmod", "obl:agent":
			obls = append(obls, k)
		case "nsubj:pass", "nsubj", "csubj":
		case "advmod":
			if k > v && t.isTimeOrPlace(k) {
				others = append(others, k)
			}
		}
	}
	kind := "verb"
	if how == "relcl" || how == "acl" {
		kind = how
	}
	// An open complement joins the relation: "agreed to cease military
	// operations" -> (X, agreed to cease, military operations).
	if x := t.kid(v, "xcomp"); x >= 0 && t.joined(x) {
		for _, k := range t.kids[x] {
			if t.Rels[k] == "mark" || t.rel(k) == "aux" || t.isNegation(k) {
				rel = append(rel, k)
			}
		}
		rel = append(rel, x)
		objs = slices.DeleteFunc(objs, func(k int) bool { return k == x })
		for _, k := range t.kids[x] {
			switch t.Rels[k] {
			case "obj", "iobj", "ccomp":
				if !t.comment(k) {
					objs = append(objs, k)
				}
			case "obl", "obl:tmod", "obl:npmod", "obl:agent":
				obls = append(obls, k)
			case "compound:prt":
				rel = append(rel, k)
			}
		}
	}
	// With no object, the first prepositional argument's preposition joins
	// the relation: "taught at X", "switched over to Merck".
	// It is the first after the verb that is not a time ("was readmitted |
	// in 1841"), and all its prepositions join: "broke out of".
	if len(objs) == 0 && len(obls) > 0 {
		for _, o := range obls {
			if o < v || t.isTime(o) {
				continue
			}
			if cs := t.prepositions(o); len(cs) > 0 {
				rel = append(rel, cs...)
				objs = append(objs, o)
				obls = slices.DeleteFunc(obls, func(k int) bool { return k == o })
			}
			break
		}
	}
	if len(objs) == 0 && t.comment(v) {
		// "The truce holds, he said": what was said is the clause commented on.
		h := t.Heads[v]
		for t.joined(h) {
			h = t.Heads[h]
		}
		said := t.subtree(h, func(k int) bool { return k == v })
		slices.Sort(rel)
		return []Extraction{{Rel: rel, Args: [][]int{arg1, said}, Negated: neg, Confidence: 0.85 * trust, Kind: kind}}
	}
	if len(objs) == 0 && len(obls) == 0 && len(others) == 0 {
		// An intransitive clause: CaRB keeps them with the subject alone.
		slices.Sort(rel)
		return t.conjuncts(Extraction{Rel: rel, Args: [][]int{arg1}, Negated: neg, Confidence: 0.6 * trust, Kind: kind}, subj)
	}
	slices.Sort(rel)
	inRel := func(k int) bool { return slices.Contains(rel, k) }
	for _, o := range objs {
		if a := t.antecedent(o); a != o {
			// "a match which Keibler lost" -> (Keibler, lost, a match)
			args = append(args, t.subtree(a, func(k int) bool { return t.argSkip(k) || k == v }))
			continue
		}
		args = append(args, t.subtree(o, func(k int) bool { return t.argSkip(k) || inRel(k) }))
	}
	for _, o := range append(obls, others...) {
		args = append(args, t.subtree(o, func(k int) bool { return t.argSkip(k) || inRel(k) }))
	}
	if len(objs) == 0 {
		args = slices.DeleteFunc(args, func(a []int) bool { return len(a) == 0 })
	}
	return t.conjuncts(Extraction{Rel: rel, Args: append([][]int{arg1}, args...), Negated: neg, Confidence: 0.9 * trust, Kind: kind}, subj)
}

// clausal reports whether k is a dependent that belongs to the clause a
// nominal heads rather than to the nominal itself: the subject and copula
// of "Japan may be a tough market for outsiders to penetrate".
func (t *tree) clausal(k int) bool {
	switch t.rel(k) {
	case "nsubj", "csubj", "cop", "aux", "conj", "cc", "advcl", "mark", "obl", "punct", "advmod":
		return true
	}
	return false
}

// trust scales the confidence of the clause headed by v for what makes
// such extractions less often right: a subject borrowed by an adverbial
// participle ("..., making his debut"), nesting in subordinate clauses,
// which the sentence does not assert, and a long subject.
func (t *tree) trust(v int, how string, arg1 []int) float64 {
	c := 1.0
	switch {
	case how == "advcl":
		c *= 0.75
	case how == "acl" && t.XPOS[v] != "VBN":
		// "the ability to establish rules", "the idea of running
		// workshops": the noun is seldom the doer, as it is of "a truce
		// brokered by Russia".
		c *= 0.7
	}
	for n, i := t.Heads[v], 0; n >= 0 && i < len(t.Words); n, i = t.Heads[n], i+1 {
		switch t.rel(n) {
		case "ccomp", "advcl", "csubj", "acl":
			c *= 0.85
		}
	}
	if len(arg1) > 8 {
		c *= 0.85
	}
	for _, k := range arg1 {
		if t.Words[k] == "," {
			c *= 0.8 // a subject with an aside or a list the parse may have got wrong
			break
		}
	}
	return c
}

// conjuncts splits an extraction on coordinated subjects and on the
// coordinated heads of its second argument: "Rebels and IS agreed" gives
// one extraction for each.
func (t *tree) conjuncts(e Extraction, subj int) []Extraction {
	out := []Extraction{e}
	split := func(arg int) {
		a := e.Args[arg]
		if len(a) == 0 {
			return
		}
		head := t.headOf(a)
		var conj []int
		for _, k := range t.kids[head] {
			if t.Rels[k] == "conj" && slices.Contains(a, k) {
				conj = append(conj, k)
			}
		}
		if len(conj) == 0 {
			return
		}
		parts := [][]int{}
		others := map[int]bool{}
		for _, c := range conj {
			for _, k := range t.subtree(c, nil) {
				others[k] = true
			}
		}
		var first []int
		for _, k := range a {
			if !others[k] && !(t.Rels[k] == "cc" && t.Heads[k] >= 0 && others[t.Heads[k]]) && !(t.Rels[k] == "punct" && t.Heads[k] >= 0 && others[t.Heads[k]]) {
				first = append(first, k)
			}
		}
		parts = append(parts, trimPunct(t, first))
		// Modifiers left of the first conjunct that the others lack are
		// shared: "Nissan 's morale and image" -> "Nissan 's image".
		var shared []int
		for _, k := range t.kids[head] {
			if k < head && (t.Rels[k] == "det" || t.Rels[k] == "nmod:poss" || t.Rels[k] == "det:poss") {
				shared = append(shared, t.subtree(k, nil)...)
			}
		}
		for _, c := range conj {
			p := t.subtree(c, func(k int) bool { return t.Rels[k] == "cc" || t.argSkip(k) })
			if t.kid(c, "det", "nmod:poss") < 0 && t.UPOS[c] != "PROPN" {
				p = append(slices.Clone(shared), p...)
				slices.Sort(p)
			}
			parts = append(parts, p)
		}
		var next []Extraction
		for _, x := range out {
			for _, p := range parts {
				y := x
				y.Args = slices.Clone(x.Args)
				y.Args[arg] = p
				y.Confidence = x.Confidence * 0.95
				next = append(next, y)
			}
		}
		out = next
	}
	split(0)
	if len(e.Args) > 1 {
		split(1)
	}
	return out
}

// headOf returns the word of span a whose head lies outside it.
func (t *tree) headOf(a []int) int {
	for _, k := range a {
		if h := t.Heads[k]; h < 0 || !slices.Contains(a, h) {
			return k
		}
	}
	return a[0]
}

func trimPunct(t *tree, a []int) []int {
	for len(a) > 1 && t.UPOS[a[0]] == "PUNCT" {
		a = a[1:]
	}
	for len(a) > 1 && t.UPOS[a[len(a)-1]] == "PUNCT" && !t.closes(a) {
		a = a[:len(a)-1]
	}
	return a
}

// closes reports whether the last word of span a is a quote or bracket
// that closes one opened in it: `the match on " Velocity "` keeps its
// quotes.
func (t *tree) closes(a []int) bool {
	var open string
	switch t.Words[a[len(a)-1]] {
	case `"`:
		open = `"`
	case ")":
		open = "("
	case "]":
		open = "["
	case "''":
		open = "``"
	default:
		return false
	}
	for _, k := range a[:len(a)-1] {
		if t.Words[k] == open {
			return true
		}
	}
	return false
}

// apposition: "Mohammed Alloush, head of the political office" -> (Mohammed
// Alloush, is, head of the political office).
func (t *tree) apposition(a int) []Extraction {
	h := t.Heads[a]
	if h < 0 {
		return nil
	}
	np := t.subtree(h, func(k int) bool {
		// The noun phrase ends where the apposition begins: "70.9 billion
		// rubles ( US$ 114.3 billion ) from 77.3 billion".
		return k == a || t.argSkip(k) || t.Rels[k] == "punct" && k > h || t.Heads[k] == h && (t.Rels[k] == "case" || k > a)
	})
	ap := t.subtree(a, t.argSkip)
	if t.UPOS[h] == "NOUN" && t.UPOS[a] == "PROPN" {
		// The name is what the description is said of: "the French
		// socialist Henri de Saint-Simon" -> (Henri de Saint-Simon, is, the
		// French socialist).
		np, ap = ap, np
	}
	return []Extraction{{Implied: "is", Args: [][]int{np, ap}, Confidence: 0.7, Kind: "appos"}}
}

// past reports whether the clause that word n is in is in the past tense:
// its verb, or its auxiliary or copula, is. Implied "has" follows it
// ("Mr. Stoll's hunt began" -> "had"), but implied "is" stays present as
// CaRB's annotators wrote it.
func (t *tree) past(n int) bool {
	for range 8 {
		h := t.Heads[n]
		if h < 0 {
			return false
		}
		n = h
		if !t.isPredicate(n) {
			continue
		}
		if t.XPOS[n] == "VBD" {
			return true
		}
		for _, k := range t.kids[n] {
			if (t.rel(k) == "aux" || t.Rels[k] == "cop") && t.XPOS[k] == "VBD" {
				return true
			}
		}
		return false
	}
	return false
}

// possessive: "the RSNO's base" -> (the RSNO, has, base).
func (t *tree) possessive(p int) []Extraction {
	h := t.Heads[p]
	if h < 0 || t.UPOS[p] == "PRON" {
		return nil
	}
	owner := t.subtree(p, func(k int) bool { return t.Rels[k] == "case" || t.argSkip(k) })
	owned := t.subtree(h, func(k int) bool {
		return k == p || t.Heads[k] == h && (t.rel(k) == "det" || t.rel(k) == "acl" || t.rel(k) == "nmod" || t.rel(k) == "conj" || t.rel(k) == "cc" || t.Rels[k] == "case" || t.Rels[k] == "punct") || t.argSkip(k)
	})
	have := "has"
	switch {
	case t.past(h):
		have = "had"
	case t.XPOS[p] == "NNS" || t.XPOS[p] == "NNPS":
		have = "have"
	}
	return []Extraction{{Implied: have, Args: [][]int{owner, owned}, Confidence: 0.5, Kind: "poss"}}
}

// prepositions returns the case markers before nominal k, which may be
// several: "out of", "because of".
func (t *tree) prepositions(k int) []int {
	var cs []int
	for _, c := range t.kids[k] {
		if c < k && t.Rels[c] == "case" {
			cs = append(cs, c)
		}
	}
	return cs
}

// isTime reports whether nominal k names a time, whose preposition CaRB
// leaves in the argument: "in 1841", "after the war", "on 2 May".
func (t *tree) isTime(k int) bool {
	if t.Rels[k] == "obl:tmod" || t.UPOS[k] == "NUM" || timeNouns[strings.ToLower(t.Lemmas[k])] {
		return true
	}
	for _, c := range t.kids[k] {
		if t.Rels[c] == "case" && temporalPreps[strings.ToLower(t.Words[c])] {
			return true
		}
	}
	return false
}

var timeNouns = map[string]bool{
	"year": true, "month": true, "week": true, "day": true, "time": true, "century": true, "decade": true, "period": true,
	"era": true, "season": true, "morning": true, "afternoon": true, "evening": true, "night": true, "hour": true, "minute": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"spring": true, "summer": true, "autumn": true, "winter": true,
}

// temporalPreps introduce only times.
var temporalPreps = map[string]bool{"after": true, "before": true, "during": true, "until": true, "till": true, "since": true, "throughout": true}

func (t *tree) isTimeOrPlace(k int) bool {
	switch strings.ToLower(t.Words[k]) {
	case "here", "there", "today", "yesterday", "tomorrow", "now", "then", "later", "earlier", "recently", "soon", "abroad", "home", "again", "ago":
		return true
	}
	return false
}

// antecedent returns, for a relative pronoun, the noun its relative clause
// modifies ("a man who left": who -> man); otherwise k itself.
func (t *tree) antecedent(k int) int {
	if !isRelativePronoun(t.Words[k]) {
		return k
	}
	if h := t.Heads[k]; h >= 0 {
		for h >= 0 && t.Rels[h] == "conj" {
			h = t.Heads[h]
		}
		if h >= 0 && t.Rels[h] == "acl:relcl" && t.Heads[h] >= 0 {
			return t.Heads[h]
		}
	}
	// Misparsed, "who" and "which" still follow the noun they stand for:
	// "the Belzbergs , who own ...". ("that" may be a demonstrative.)
	if w := strings.ToLower(t.Words[k]); w != "who" && w != "which" {
		return k
	}
	j := k - 1
	if j >= 0 && t.Words[j] == "," {
		j--
	}
	if j < 0 || t.UPOS[j] != "NOUN" && t.UPOS[j] != "PROPN" {
		return k
	}
	for range 4 { // the head of "Ken Follett", "the bank office"
		if h := t.Heads[j]; h >= 0 && (t.Rels[j] == "compound" || t.Rels[j] == "flat") {
			j = h
		}
	}
	return j
}

// referent returns, for a personal pronoun subject of the clause headed by
// v that is nested in another, the subject of the nearest clause above it
// when it agrees in number: "The division held ..., when it broke out"
// -> The division. Otherwise it returns p.
func (t *tree) referent(p, v int) int {
	var plural bool
	switch t.Words[p] { // lower case: a pronoun opening the sentence has nothing before it
	case "he", "she", "it":
	case "they":
		plural = true
	default:
		return p
	}
	for n, i := v, 0; t.Heads[n] >= 0 && i < 8; i++ {
		if t.Rels[n] == "ccomp" {
			return p // reported speech keeps its pronouns: "A spokesman said he could n't say"
		}
		n = t.Heads[n]
		if !t.isPredicate(n) {
			continue
		}
		s, _ := t.subject(n)
		if s < 0 || s > p {
			return p
		}
		s = t.antecedent(s)
		if t.UPOS[s] != "PROPN" && (t.UPOS[s] != "NOUN" || !plural && t.Words[p] != "it") {
			return p // "he" and "she" stand for names
		}
		pl := t.XPOS[s] == "NNS" || t.XPOS[s] == "NNPS" || t.kid(s, "conj") >= 0
		if pl != plural {
			return p
		}
		return s
	}
	return p
}

// speech are verbs of saying, by lemma.
var speech = map[string]bool{"say": true, "tell": true, "add": true, "state": true, "announce": true, "claim": true, "report": true, "note": true, "explain": true, "write": true}

func isRelativePronoun(w string) bool {
	switch strings.ToLower(w) {
	case "who", "which", "that", "whom":
		return true
	}
	return false
}
