package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/conflictkg/kg/internal/triples"
)

// entityName is one label or alias of an entity node.
type entityName struct {
	node quad.Value
	name string
}

// suggest returns "; did you mean ...?" naming the entities whose labels
// or aliases are nearest to name, or "" when none is near.
func (q *query) suggest(ctx context.Context, name string, seen []entityName) string {
	names := make([]string, len(seen))
	for i, e := range seen {
		names[i] = e.name
	}
	var labels []string
	done := map[quad.Value]bool{}
	for _, i := range nearest(name, names, len(names)) {
		if done[seen[i].node] {
			continue
		}
		done[seen[i].node] = true
		n, err := q.node(ctx, seen[i].node)
		if err != nil {
			return ""
		}
		label := fmt.Sprintf("%q", n.Label)
		if fold(n.Label) != fold(seen[i].name) {
			// Say which name was near, or the suggestion may look unrelated.
			label += fmt.Sprintf(" (as %q)", seen[i].name)
		}
		labels = append(labels, label)
		if len(labels) == 3 {
			break
		}
	}
	return didYouMean(labels)
}

// didYouMean phrases suggestions, quoted already, for the end of an error message.
func didYouMean(quoted []string) string {
	if len(quoted) == 0 {
		return ""
	}
	if len(quoted) == 1 {
		return "; did you mean " + quoted[0] + "?"
	}
	return "; did you mean " + strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1] + "?"
}

// minSimilarity is how near a name must be to be suggested: a typo or two
// in a long name, a missing word, a word of several.
const minSimilarity = 0.65

// nearest returns the indexes of at most n candidates similar to name,
// the most similar first.
func nearest(name string, cands []string, n int) []int {
	type scored struct {
		i     int
		score float64
	}
	var hits []scored
	a := newNameForms(name)
	for i, c := range cands {
		if s := similarity(a, newNameForms(c)); s >= minSimilarity {
			hits = append(hits, scored{i, s})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return cands[hits[i].i] < cands[hits[j].i]
	})
	out := make([]int, 0, min(n, len(hits)))
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.i)
	}
	return out
}

// nameForms are the spellings of a name that similarity compares: folded
// text and the words of the gazetteer's transliteration key.
type nameForms struct {
	text  string
	words map[string]bool
}

func newNameForms(s string) nameForms {
	f := nameForms{text: fold(s), words: map[string]bool{}}
	for _, w := range strings.Fields(triples.NameKey(s)) {
		f.words[w] = true
	}
	return f
}

// similarity is between 0 and 1: the better of the edit similarity of the
// folded texts and the share of words whose keys they have in common. Words count most when
// all the query's words are in the candidate ("Alloush" in "Zahran
// Alloush"), less when the candidate merely shares one of several.
func similarity(a, b nameForms) float64 {
	if a.text == "" || b.text == "" {
		return 0
	}
	// Keys are consonant skeletons, too short to compare by edits: they
	// count through whole words.
	s := editSimilarity(a.text, b.text)
	if len(a.text) >= 4 && strings.HasPrefix(b.text, a.text) {
		s = max(s, 0.75) // the start of a name: "negotiate", "Jaish al"
	}
	common := 0
	for w := range a.words {
		if b.words[w] {
			common++
		}
	}
	if common > 0 {
		union := len(a.words) + len(b.words) - common
		s = max(s, float64(common)/float64(union), 0.7*float64(common)/float64(len(a.words)))
	}
	return s
}

func editSimilarity(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	return 1 - float64(levenshtein(ra, rb))/float64(max(len(ra), len(rb)))
}

// levenshtein is the edit distance of a and b: insertions, deletions and
// substitutions of one rune.
func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// fold lower-cases s and keeps its letters and digits, one space between
// words: "Al-Monitor " and "al monitor" fold alike.
func fold(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// nearestNames returns at most n of cands similar to name, the most similar first.
func nearestNames(name string, cands []string, n int) []string {
	var out []string
	for _, i := range nearest(name, cands, n) {
		out = append(out, fmt.Sprintf("%q", cands[i]))
	}
	return out
}
