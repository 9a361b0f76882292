package triples

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/conflictkg/kg/schema"
)

// Lexicon maps verb and noun patterns to predicates ("agree to" ->
// kg:agreesTo, "blockade on" -> kg:blockades).
type Lexicon struct {
	entries []LexEntry
	byWord  map[string][]lexEntry // any form of the first word -> entries
}

// LexEntry is one pattern of the lexicon.
type LexEntry struct {
	Pattern   string   // "agree to", "launch assault|attack on|against"
	Predicate string   // short IRI; "" for kind negate
	Kind      string   // verb, noun, deny or negate
	CAMEO     []string // codes of the CAMEO 2.0 patterns the entry was seeded from
}

// Lexicon entry kinds.
const (
	KindVerb   = "verb"   // SUBJECT verb OBJECT
	KindNoun   = "noun"   // a nominal trigger: "X's blockade on Y", "talks between A and B"
	KindDeny   = "deny"   // a verb whose complement is a denied claim: "denied that it agreed to a truce"
	KindNegate = "negate" // a verb that negates the verb it governs: "refrained from attacking", "failed to withdraw"
)

type lexEntry struct {
	words     [][]string // alternatives for each position after the first
	predicate string     // short IRI
	kind      string
}

// Trigger is a lexicon match in a sentence: tokens [Start, End).
type Trigger struct {
	Start, End int
	Predicate  string   // short IRI
	Kind       string   // KindVerb, KindNoun, KindDeny or KindNegate
	Participle bool     // the verb is a past participle ("brokered", "taken")
	Gerund     bool     // the verb ends in -ing
	Preps      []string // noun triggers: prepositions that introduce the object ("on", "between")
}

// DefaultLexicon returns the built-in lexicon (schema/lexicon.tsv).
var DefaultLexicon = sync.OnceValue(func() *Lexicon {
	l, err := ParseLexicon(strings.NewReader(schema.LexiconTSV), "schema/lexicon.tsv")
	if err != nil {
		panic(err) // the embedded data is checked by tests
	}
	return l
})

// ParseLexicon reads a lexicon in the format of schema/lexicon.tsv: lines of
// pattern, predicate, kind and optional CAMEO codes, tab-separated; # starts
// a comment. name is used in messages. On error nothing is returned, and the
// error says "name:line: what is wrong".
func ParseLexicon(r io.Reader, name string) (*Lexicon, error) {
	return (&Lexicon{byWord: map[string][]lexEntry{}}).Extend(r, name)
}

// Extend returns a new lexicon with the entries of l and those read from r
// (format of [ParseLexicon]). l is unchanged; on error nothing is returned.
func (l *Lexicon) Extend(r io.Reader, name string) (*Lexicon, error) {
	x := &Lexicon{entries: slices.Clip(l.entries), byWord: make(map[string][]lexEntry, len(l.byWord))}
	for k, v := range l.byWord {
		x.byWord[k] = slices.Clip(v)
	}
	err := eachTSVLine(r, name, func(n int, f []string) error {
		if len(f) < 3 || len(f) > 4 {
			return fmt.Errorf("%s:%d: want 3 or 4 tab-separated fields (pattern, predicate, kind, CAMEO codes), have %d", name, n, len(f))
		}
		e := LexEntry{Pattern: strings.Join(strings.Fields(strings.ToLower(f[0])), " "), Kind: strings.TrimSpace(f[2])}
		switch e.Kind {
		case KindVerb, KindNoun, KindDeny:
			p, ok := schema.LookupPredicate(strings.TrimSpace(f[1]))
			if !ok {
				return fmt.Errorf("%s:%d: unknown predicate %q (see schema/README.md)", name, n, f[1])
			}
			e.Predicate = p.IRI
		case KindNegate:
			if p := strings.TrimSpace(f[1]); p != "-" {
				return fmt.Errorf("%s:%d: a negate entry has no predicate of its own: want -, have %q", name, n, p)
			}
		default:
			return fmt.Errorf("%s:%d: kind %q is not verb, noun, deny or negate", name, n, e.Kind)
		}
		if e.Pattern == "" {
			return fmt.Errorf("%s:%d: empty pattern", name, n)
		}
		if len(f) == 4 && strings.TrimSpace(f[3]) != "" && strings.TrimSpace(f[3]) != "-" {
			for _, c := range strings.Split(f[3], ",") {
				c = strings.TrimSpace(c)
				if c == "" || strings.Trim(c, "0123456789") != "" || len(c) < 2 || len(c) > 4 {
					return fmt.Errorf("%s:%d: CAMEO code %q is not 2 to 4 digits", name, n, c)
				}
				e.CAMEO = append(e.CAMEO, c)
			}
		}
		x.add(e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return x, nil
}

func (l *Lexicon) add(e LexEntry) {
	l.entries = append(l.entries, e)
	words := strings.Fields(e.Pattern)
	le := lexEntry{predicate: e.Predicate, kind: e.Kind}
	for _, w := range words[1:] {
		le.words = append(le.words, strings.Split(w, "|"))
	}
	var forms []string
	for _, head := range strings.Split(words[0], "|") {
		if e.Kind == KindNoun {
			forms = append(forms, head, plural(head))
		} else {
			forms = append(forms, inflections(head)...)
		}
	}
	for _, form := range forms {
		l.byWord[form] = append(l.byWord[form], le)
	}
}

// Entries returns the lexicon's entries in the order they were defined.
// The slice is shared; callers must not modify it.
func (l *Lexicon) Entries() []LexEntry { return l.entries }

// skippable words may stand between pattern words: "launch an assault on".
var skippable = map[string]bool{"a": true, "an": true, "the": true, "new": true, "fresh": true, "military": true}

// counts reports whether w counts what follows, which may stand between
// pattern words like an article: "carried out four raids on".
func counts(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "multiple", "numerous":
		return true
	}
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// determiners before a verb form make it a noun: "the attack", "its control".
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "this": true,
	"that": true, "these": true, "those": true, "our": true, "any": true, "every": true, "each": true, "'s": true,
}

// Triggers finds the lexicon's patterns in tokens, longest first, without overlap.
func (l *Lexicon) Triggers(toks []Token) []Trigger {
	var out []Trigger
	for i := 0; i < len(toks); {
		best := Trigger{}
		for _, e := range l.byWord[toks[i].Lower] {
			if e.kind != KindNoun && nounContext(toks, i) {
				continue // "the attack", "an ISIS attack": a noun, not the verb
			}
			words := e.words
			var preps []string
			if e.kind == KindNoun && len(words) > 0 {
				// A noun's last pattern word lists the prepositions of its
				// object; they are not part of the trigger.
				words, preps = words[:len(words)-1], words[len(words)-1]
			}
			end, ok := matchWords(words, toks, i+1)
			if ok && end-i > best.End-best.Start {
				best = Trigger{Start: i, End: end, Predicate: e.predicate, Kind: e.kind, Preps: preps}
			}
		}
		if best.End == 0 {
			i++
			continue
		}
		w := toks[i].Lower
		best.Participle = isParticiple(w)
		best.Gerund = strings.HasSuffix(w, "ing") && best.Kind != KindNoun
		out = append(out, best)
		i = best.End
	}
	return out
}

// nounContext reports whether the verb form at i is used as a noun or
// adjective: after a determiner, after "a"/"an" and up to two modifiers,
// or after a form of "be" for "back" ("we're back").
func nounContext(toks []Token, i int) bool {
	if i > 0 && determiners[toks[i-1].Lower] {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if w := toks[k].Lower; w == "a" || w == "an" {
			return !strings.HasSuffix(toks[i].Lower, "ed")
		}
	}
	return i > 0 && toks[i].Lower == "back" && (beForms[toks[i-1].Lower] || toks[i-1].Lower == "re")
}

func matchWords(words [][]string, toks []Token, i int) (int, bool) {
	for _, alts := range words {
		for i < len(toks) && (skippable[toks[i].Lower] || counts(toks[i].Lower)) && !contains(alts, toks[i].Lower) {
			i++
		}
		if i >= len(toks) || !contains(alts, toks[i].Lower) && !contains(alts, singular(toks[i].Lower)) {
			return 0, false
		}
		i++
	}
	return i, true
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// irregular verbs: lemma -> past, past participle.
var irregular = map[string][2]string{
	"take": {"took", "taken"}, "hold": {"held", "held"}, "fight": {"fought", "fought"},
	"withdraw": {"withdrew", "withdrawn"}, "leave": {"left", "left"}, "strike": {"struck", "struck"},
	"meet": {"met", "met"}, "break": {"broke", "broken"}, "overrun": {"overran", "overrun"},
	"lay": {"laid", "laid"}, "pull": {"pulled", "pulled"}, "free": {"freed", "freed"},
	"shoot": {"shot", "shot"}, "seek": {"sought", "sought"}, "give": {"gave", "given"},
	"sign": {"signed", "signed"}, "bring": {"brought", "brought"}, "hit": {"hit", "hit"},
	"begin": {"began", "begun"}, "slay": {"slew", "slain"}, "flee": {"fled", "fled"},
}

var participles = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range irregular {
		m[f[1]] = true
	}
	return m
}()

func isParticiple(w string) bool { return strings.HasSuffix(w, "ed") || participles[w] }

// inflections returns the forms of an English verb lemma: agree, agrees,
// agreed, agreeing. Doubling follows the common rule for short verbs
// (ban -> banned), with exceptions for the lexicon's multi-syllable verbs.
func inflections(v string) []string {
	forms := []string{v, thirdPerson(v)}
	if irr, ok := irregular[v]; ok {
		forms = append(forms, irr[0], irr[1])
	} else {
		forms = append(forms, pastTense(v))
	}
	forms = append(forms, gerund(v))
	if n := len(v); n > 3 && !doubles(v) && !strings.ContainsAny(v[n-1:], "aeiouwxy") && isVowel(v[n-2]) && !isVowel(v[n-3]) {
		// Longer verbs stressed on the last syllable double too (control,
		// controlled; commit, committed); others do not (visit, visited).
		// Both forms are listed: the wrong one is not English and never matches.
		forms = append(forms, v+v[n-1:]+"ed", v+v[n-1:]+"ing")
	}
	return forms
}

func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "y") && len(v) > 1 && !isVowel(v[len(v)-2]):
		return v[:len(v)-1] + "ies"
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "z"), strings.HasSuffix(v, "o"):
		return v + "es"
	}
	return v + "s"
}

func pastTense(v string) string {
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case strings.HasSuffix(v, "y") && len(v) > 1 && !isVowel(v[len(v)-2]):
		return v[:len(v)-1] + "ied"
	case doubles(v):
		return v + v[len(v)-1:] + "ed"
	}
	return v + "ed"
}

func gerund(v string) string {
	switch {
	case strings.HasSuffix(v, "ee"):
		return v + "ing"
	case strings.HasSuffix(v, "ie"):
		return v[:len(v)-2] + "ying"
	case strings.HasSuffix(v, "e"):
		return v[:len(v)-1] + "ing"
	case doubles(v):
		return v + v[len(v)-1:] + "ing"
	}
	return v + "ing"
}

// doubles reports whether a verb doubles its final consonant: one
// syllable ending consonant-vowel-consonant (ban, stop, shell is not: ll).
func doubles(v string) bool {
	n := len(v)
	if n < 3 || strings.ContainsAny(v[n-1:], "aeiouwxy") || !isVowel(v[n-2]) || isVowel(v[n-3]) {
		return false
	}
	vowels := 0
	for i := 0; i < n; i++ {
		if isVowel(v[i]) && (i == 0 || !isVowel(v[i-1])) {
			vowels++
		}
	}
	return vowels == 1
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func plural(n string) string {
	if strings.HasSuffix(n, "s") {
		return n
	}
	return thirdPerson(n)
}

func singular(w string) string {
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}
