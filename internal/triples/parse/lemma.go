package parse

import (
	"slices"
	"strings"
)

// The lemmatizer looks the lower-case word and its Penn tag up in a table of
// exceptions learnt from the treebank ("went"/VBD -> "go", "'s"/VBZ -> "be"),
// and otherwise applies the suffix rule that the treebank's words with the
// same tag and the longest shared ending follow ("-ied" -> "-y",
// "-pped" -> "-p", "-ies" -> "-y"). The table keeps only the words the rules
// get wrong.

// maxSuffix is the longest word ending a rule is keyed on.
const maxSuffix = 6

// lemRule rewrites a word: cut Strip bytes off the end, append Add.
type lemRule struct {
	strip int
	add   string
}

type lemEntry struct {
	xpos  uint8
	lemma string
}

type lemmatizer struct {
	table map[string][]lemEntry
	rules map[uint64]lemRule // by hash of tag and ending
}

func ruleKey(xpos uint8, suffix []byte) uint64 {
	return mix(uint64(xpos)+17, hashBytes(suffix))
}

// lemma returns the lemma of the lower-case word lw with Penn tag id xpos.
// orig is the word as given; when the lemma is the word itself and orig is
// already lower case, orig is returned so that nothing is allocated.
func (lm *lemmatizer) lemma(orig string, lw []byte, xpos uint8) string {
	if es, ok := lm.table[string(lw)]; ok {
		for _, e := range es {
			if e.xpos == xpos {
				return e.lemma
			}
		}
	}
	r, ok := lm.rule(lw, xpos)
	if !ok || (r.strip == 0 && r.add == "") {
		if string(lw) == orig {
			return orig
		}
		return string(lw)
	}
	return string(lw[:len(lw)-r.strip]) + r.add
}

func (lm *lemmatizer) rule(lw []byte, xpos uint8) (lemRule, bool) {
	for k := min(len(lw), maxSuffix); k > 0; k-- {
		if r, ok := lm.rules[ruleKey(xpos, lw[len(lw)-k:])]; ok && r.strip < len(lw) {
			return r, true
		}
	}
	return lemRule{}, false
}

// trainLemmatizer learns rules and exceptions from (lower-case word, tag id,
// lower-case lemma) triples.
func trainLemmatizer(forms []string, xpos []uint8, lemmas []string) *lemmatizer {
	type wordKey struct {
		form string
		xpos uint8
	}
	// Most frequent lemma of each word and tag.
	counts := map[wordKey]map[string]int{}
	for i, f := range forms {
		k := wordKey{f, xpos[i]}
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][lemmas[i]]++
	}
	keys := make([]wordKey, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b wordKey) int {
		if c := strings.Compare(a.form, b.form); c != 0 {
			return c
		}
		return int(a.xpos) - int(b.xpos)
	})
	best := make(map[wordKey]string, len(keys))
	for _, k := range keys {
		var lem string
		n := -1
		for l, c := range counts[k] {
			if c > n || (c == n && l < lem) {
				lem, n = l, c
			}
		}
		best[k] = lem
	}

	// Rules by ending, counted over distinct words so that a handful of
	// frequent irregular verbs does not outvote the regular ones.
	type ending struct {
		xpos uint8
		end  string
	}
	byEnding := map[ending]map[lemRule]int{}
	for _, k := range keys {
		f, l := k.form, best[k]
		p := 0
		for p < len(f) && p < len(l) && f[p] == l[p] {
			p++
		}
		r := lemRule{strip: len(f) - p, add: l[p:]}
		for n := max(1, r.strip); n <= min(len(f), maxSuffix); n++ {
			e := ending{k.xpos, f[len(f)-n:]}
			if byEnding[e] == nil {
				byEnding[e] = map[lemRule]int{}
			}
			byEnding[e][r]++
		}
	}
	chosen := make(map[ending]lemRule, len(byEnding))
	for e, rc := range byEnding {
		var br lemRule
		n := -1
		for r, c := range rc {
			if c > n || (c == n && (r.strip < br.strip || (r.strip == br.strip && r.add < br.add))) {
				br, n = r, c
			}
		}
		chosen[e] = br
	}
	lm := &lemmatizer{table: map[string][]lemEntry{}, rules: map[uint64]lemRule{}}
	for e, r := range chosen {
		// An ending that agrees with the next shorter one adds nothing.
		if len(e.end) > 1 {
			if r2, ok := chosen[ending{e.xpos, e.end[1:]}]; ok && r2 == r {
				continue
			}
		}
		lm.rules[ruleKey(e.xpos, []byte(e.end))] = r
	}
	// Exceptions: the words the rules get wrong.
	for _, k := range keys {
		if got := lm.lemma(k.form, []byte(k.form), k.xpos); got != best[k] {
			lm.table[k.form] = append(lm.table[k.form], lemEntry{k.xpos, best[k]})
		}
	}
	return lm
}
