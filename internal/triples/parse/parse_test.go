package parse

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// checkTree reports what is wrong with s as the parse of words: slice
// lengths, a single root, heads in range and no cycles.
func checkTree(words []string, s *Sentence) error {
	n := len(words)
	for name, l := range map[string]int{"Words": len(s.Words), "Lemmas": len(s.Lemmas), "UPOS": len(s.UPOS),
		"XPOS": len(s.XPOS), "Heads": len(s.Heads), "Rels": len(s.Rels)} {
		if l != n {
			return fmt.Errorf("len(%s) = %d, want %d", name, l, n)
		}
	}
	roots := 0
	for i := range n {
		if s.Words[i] != words[i] {
			return fmt.Errorf("word %d = %q, want %q", i, s.Words[i], words[i])
		}
		if s.UPOS[i] == "" || s.XPOS[i] == "" || s.Rels[i] == "" {
			return fmt.Errorf("word %d has an empty tag or relation", i)
		}
		h := s.Heads[i]
		if h < -1 || h >= n || h == i {
			return fmt.Errorf("word %d has head %d", i, h)
		}
		if h == -1 {
			roots++
			if s.Rels[i] != "root" {
				return fmt.Errorf("root word %d has relation %q", i, s.Rels[i])
			}
		} else if s.Rels[i] == "root" {
			return fmt.Errorf("word %d is not the root but has relation root", i)
		}
		// Following heads from any word must reach the root in < n steps.
		a := i
		for steps := 0; a != -1; steps++ {
			if steps > n {
				return fmt.Errorf("cycle through word %d", i)
			}
			a = s.Heads[a]
		}
	}
	if n > 0 && roots != 1 {
		return fmt.Errorf("%d roots", roots)
	}
	return nil
}

func TestParseOddInput(t *testing.T) {
	long := make([]string, 5000)
	for i := range long {
		long[i] = []string{"The", "rebels", "said", "that", "they", "had", "taken", "the", "town", ",", "and"}[i%11]
	}
	tests := []struct {
		name  string
		words []string
	}{
		{"nil", nil},
		{"empty", []string{}},
		{"one word", []string{"Talks"}},
		{"empty strings", []string{"", "", ""}},
		{"invalid UTF-8", []string{"\xff\xfe", "ab\x80c", "\xc3"}},
		{"emoji", []string{"🙂", "peace", "talks", "🇸🇾", "!"}},
		{"all punctuation", []string{".", ",", "!", "?", "\"", "(", ")", "--", "..."}},
		{"typographic", []string{"“", "Assad", "’s", "forces", "didn’t", "—", "withdraw", "”", "."}},
		{"hyphens", []string{"U.S.", "-", "brokered", "cease", "-", "fire"}},
		{"long", long},
	}
	m := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			s := m.Parse(tt.words)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Parse took %v for %d words", d, len(tt.words))
			}
			if err := checkTree(tt.words, s); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestParseLinear checks that parsing time grows linearly with the length
// of the sentence: 20 times more words may take at most 60 times longer.
// Repeated words make deep trees, the worst case for walking up heads.
func TestParseLinear(t *testing.T) {
	tests := []struct {
		name  string
		words []string
	}{
		{"sentences", strings.Fields(strings.Repeat("Government forces shelled the town on Friday , killing 12 civilians , activists said . ", 400))},
		{"one word", strings.Fields(strings.Repeat("very ", 6000))},
		{"nouns", strings.Fields(strings.Repeat("ceasefire talks ", 3000))},
		{"clauses", strings.Fields(strings.Repeat("he said that ", 2000))},
	}
	m := Default()
	timeIt := func(w []string) time.Duration {
		best := time.Hour
		for range 5 {
			start := time.Now()
			m.Parse(w)
			best = min(best, time.Since(start))
		}
		return best
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			short, full := timeIt(tt.words[:len(tt.words)/20]), timeIt(tt.words)
			if full > 60*short {
				t.Errorf("Parse of %d words took %v, of %d words %v: not linear", len(tt.words)/20, short, len(tt.words), full)
			}
		})
	}
}

func TestParseNormalizes(t *testing.T) {
	m := Default()
	ascii := m.Parse(strings.Fields(`" Assad 's forces did n't withdraw -- he said "`))
	typo := m.Parse([]string{"“", "Assad", "’s", "forces", "did", "n’t", "withdraw", "—", "he", "said", "”"})
	for i := range ascii.Words {
		if ascii.XPOS[i] != typo.XPOS[i] || ascii.Heads[i] != typo.Heads[i] || ascii.Rels[i] != typo.Rels[i] || ascii.Lemmas[i] != typo.Lemmas[i] {
			t.Errorf("word %d: %q parsed as %s %d %s %q, %q as %s %d %s %q", i,
				ascii.Words[i], ascii.XPOS[i], ascii.Heads[i], ascii.Rels[i], ascii.Lemmas[i],
				typo.Words[i], typo.XPOS[i], typo.Heads[i], typo.Rels[i], typo.Lemmas[i])
		}
	}
}

func TestParseConcurrent(t *testing.T) {
	m := Default()
	words := strings.Fields("Rebels agreed to a truce with Russia on Friday .")
	want := m.Parse(words)
	done := make(chan *Sentence)
	for range 8 {
		go func() {
			var s *Sentence
			for range 200 {
				s = m.Parse(words)
			}
			done <- s
		}()
	}
	for range 8 {
		got := <-done
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("concurrent Parse = %v, want %v", got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		" ",
		"Talks",
		"Jaish al-Islam denied on Friday reports that it agreed to a truce with Russia .",
		"“ Assad ’s forces did n’t withdraw , ” he said .",
		". , ! ? ( ) -- ...",
		"\xff\xfe ab\x80c \xc3",
		"🙂 peace  talks 🇸🇾 !",
		"U.S. - brokered cease - fire",
		"A  B   C",
	} {
		f.Add(s)
	}
	m := Default()
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		if len(words) > 2000 {
			words = words[:2000]
		}
		got := m.Parse(words)
		if err := checkTree(words, got); err != nil {
			t.Fatalf("Parse(%q): %v", words, err)
		}
		for i, l := range got.Lemmas {
			if utf8.ValidString(words[i]) && !utf8.ValidString(l) {
				t.Errorf("lemma %q of valid word %q is not valid UTF-8", l, words[i])
			}
		}
	})
}
