package triples

import (
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// hostile are inputs that have broken text pipelines: bytes that are not
// UTF-8, NULs, a line of 100,000 characters, markup, right-to-left text
// and marks, surrogates encoded as UTF-8, hyphen chains and quotes and
// brackets that are never closed. Long ones dense with names are kept to
// some 20 KB: extraction with coverage takes long enough on them that the
// fuzzer would take a busy machine for a hang.
var hostile = []string{
	"",
	"\x00",
	"a\x00b\nc\xffd\n",
	"\xff\xfe\xfd",
	"caf\xc3",
	"\ufeffRussia brokered a truce.",
	"\xed\xa0\x80\xed\xb0\x80 Jaish al-Islam \xed\xbf\xbf denied it.", // UTF-16 surrogates encoded as UTF-8
	strings.Repeat("a", 100_000),
	strings.Repeat("Jaish al-Islam attacked Douma ", 700),
	strings.Repeat("U.S.", 5_000),
	strings.Repeat(")", 20_000) + ".",
	"Russia attacked Douma." + strings.Repeat(")", 5_000) + " The end.",
	"Russia attacked Douma." + strings.Repeat(`"`, 10_000),
	"Title\n\n" + strings.Repeat("Hezbollah shelled Aleppo, ", 800) + "\n",
	"Body.\n" + strings.Repeat("Jaish al-Islam attacked Douma ", 100), // a headline longer than a sentence may be
	"<html><body><div><p>Rebels <b>attacked</b> Douma<script>var x = '</p>';</script></div><p>The regime denied it.</body>",
	"<<<>>><p>&amp;&lt;&#x0;&#xD800;</p></div></div>",
	"جيش الإسلام ينفي الهدنة مع روسيا",
	"Jaish al-Islam (جيش الإسلام) denied the truce.\nقال محمد علوش إن النظام خرق الهدنة.",
	"\u200fRussia\u200e attacked \u202eDouma\u202c. \u2066Hezbollah\u2069 denied it.",
	"U.S.-Russia-brokered ceasefire collapses",
	"The U.S.-Russia-brokered truce, which Turkey-backed rebels and Iran-backed militias accepted, held.",
	"--- - -- -Russia- -backed- -",
	`"Russia said (the truce [was "broken`,
	`''''""""))))]]]]((((`,
	"“Jaish al-Islam’s ‘truce’ is over,” he said. «Never.»",
	"Mr. Dr. Lt. Col. U.S. U.N. e.g. i.e. No. 5. St. Al. A. B. C.",
	"didn't didn’t n't 's ’s IS's Assad’s",
	"\r\n\r\n\t\v\f   \u00a0\u2028\u2029\u3000",
	"Wed 05 Apr 2017\n04 March, 2016\nPublished: Sun, April 08, 2018\n",
	"Rebels attacked?\nRebels attacked!\nRebels attacked...",
	"1.2.3.4.5,6,7,000.000",
	"ǅungla Ǉ ǈ ǉ İstanbul ß ﬁ ﬀ \u0301\u0301\u0301",
}

// addTextSeeds seeds f with the example articles, the read fixtures, the
// longer string literals of this package's tests and the hostile inputs.
func addTextSeeds(f *testing.F) {
	f.Helper()
	var files []string
	for _, pattern := range []string{"../../examples/*.txt", "testdata/read/*"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		files = append(files, m...)
	}
	for _, name := range files {
		f.Add(string(mustReadFile(f, name)))
	}
	for _, s := range testTexts(f) {
		f.Add(s)
	}
	for _, s := range hostile {
		f.Add(s)
	}
}

// testTexts returns the string literals of this package's tests that look
// like text, so that the fuzz targets start from what the tests know.
func testTexts(tb testing.TB) []string {
	tb.Helper()
	names, err := filepath.Glob("*_test.go")
	if err != nil {
		tb.Fatal(err)
	}
	var texts []string
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range names {
		if name == "fuzz_test.go" {
			continue // its texts are the hostile ones, added on their own
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			tb.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err == nil && len(s) >= 12 && strings.Contains(s, " ") && !seen[s] {
				seen[s] = true
				texts = append(texts, s)
			}
			return true
		})
	}
	return texts
}

// checkSpan fails unless sp is a span of a text of n bytes, and not empty
// unless empty is allowed.
func checkSpan(t *testing.T, what string, sp Span, n int, empty bool) {
	t.Helper()
	if sp.Start < 0 || sp.End > n || sp.Start > sp.End || !empty && sp.Start == sp.End {
		t.Fatalf("%s %+v is not a span of the %d bytes of text", what, sp, n)
	}
}

// FuzzClean checks that the cleaner's title and lines are spans of the
// text, in order and apart, with a headline given or not.
func FuzzClean(f *testing.F) {
	addTextSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		title := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			title = text[:i]
		}
		for _, title := range []string{"", title, "Russia brokers truce"} {
			c := clean(text, title)
			if c.title != (Span{}) {
				checkSpan(t, "title", c.title, len(text), false)
				if c.title.End-c.title.Start > maxSentence {
					t.Fatalf("title %+v is longer than a sentence may be", c.title)
				}
			}
			last := 0
			for i, ln := range c.lines {
				checkSpan(t, "line", ln, len(text), false)
				if ln.Start < last {
					t.Fatalf("title %q: line %d %+v starts before the end of the line before it, %d", title, i, ln, last)
				}
				last = ln.End
			}
			if !c.date.IsZero() && (c.date.Year() < 1900 || c.date.Year() > 2100) {
				t.Errorf("title %q: date %v", title, c.date)
			}
		}
	})
}

// FuzzSentences checks that sentences and their tokens are spans of the
// text, in order and apart, and that their Text is what they span.
func FuzzSentences(f *testing.F) {
	addTextSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, lines := range [][]Span{clean(text, "").lines, splitLines(text), {{0, len(text)}}} {
			last := 0
			for i, s := range splitSentences(text, lines, 3) {
				checkSpan(t, "sentence", Span{s.Start, s.End}, len(text), false)
				switch {
				case s.Index != 3+i:
					t.Fatalf("sentence %d has index %d, want %d", i, s.Index, 3+i)
				case s.Start < last:
					t.Fatalf("sentence %d %d:%d starts before the sentence before it ends, %d", i, s.Start, s.End, last)
				case s.Text != text[s.Start:s.End]:
					t.Fatalf("sentence %d %d:%d has text %q, want %q", i, s.Start, s.End, s.Text, text[s.Start:s.End])
				case s.End-s.Start > maxSentence+utf8.UTFMax:
					t.Fatalf("sentence %d %d:%d is longer than %d bytes", i, s.Start, s.End, maxSentence)
				}
				last = s.End
				checkTokens(t, text, s.Start, s.End)
			}
		}
		checkTokens(t, text, 0, len(text))
	})
}

// checkTokens checks the tokens of text[start:end].
func checkTokens(t *testing.T, text string, start, end int) {
	t.Helper()
	last := start
	for i, tok := range Tokenize(text, start, end) {
		checkSpan(t, "token", Span{tok.Start, tok.End}, end, false)
		switch {
		case tok.Start < last:
			t.Fatalf("token %d %q at %d:%d starts before the token before it ends, %d", i, tok.Text, tok.Start, tok.End, last)
		case tok.Text != text[tok.Start:tok.End]:
			t.Fatalf("token %d at %d:%d has text %q, want %q", i, tok.Start, tok.End, tok.Text, text[tok.Start:tok.End])
		}
		last = tok.End
	}
}

// fuzzExtractor is shared by the runs of FuzzExtract, as kgbuild shares one.
var fuzzExtractor = NewExtractor()

// FuzzExtractDocument checks that Extract takes any text, even text no
// reader would pass on (not UTF-8, with NULs), with or without a headline,
// and that every sentence, token, mention and fact of the document points
// into its text. FuzzExtract in extract_test.go feeds only valid UTF-8 and
// checks less.
func FuzzExtractDocument(f *testing.F) {
	addTextSeeds(f)
	date := time.Date(2017, 4, 5, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		title := ""
		if i := strings.LastIndexByte(text, '\n'); i >= 0 {
			title = text[i+1:] // a headline the text may lack
		}
		for _, title := range []string{"", title} {
			a := &Article{ID: "fuzz", Title: title, Text: text, Date: date, Origin: "fuzz:1"}
			doc, err := fuzzExtractor.Extract(a)
			if err != nil {
				t.Fatalf("title %q: Extract: %v", title, err)
			}
			checkDocument(t, doc)
			_ = IRIs{}.Quads(doc)
		}
	})
}

func checkDocument(t *testing.T, doc *Document) {
	t.Helper()
	n := len(doc.Text)
	for i, s := range doc.Sentences {
		checkSpan(t, "sentence", Span{s.Start, s.End}, n, false)
		if s.Index != i || s.Text != doc.Text[s.Start:s.End] {
			t.Fatalf("sentence %d: index %d, text %q at %d:%d", i, s.Index, s.Text, s.Start, s.End)
		}
		if s.End-s.Start > maxSentence+utf8.UTFMax {
			t.Fatalf("sentence %d %d:%d is longer than %d bytes", i, s.Start, s.End, maxSentence)
		}
		for _, tok := range s.Tokens {
			if tok.Start < s.Start || tok.End > s.End || tok.Text != doc.Text[tok.Start:tok.End] {
				t.Fatalf("sentence %d %d:%d: token %q at %d:%d", i, s.Start, s.End, tok.Text, tok.Start, tok.End)
			}
		}
		for _, m := range s.Mentions {
			if m.Start < 0 || m.End > len(s.Tokens) || m.Start >= m.End {
				t.Fatalf("sentence %d: mention %q spans tokens %d:%d of %d", i, m.Text, m.Start, m.End, len(s.Tokens))
			}
		}
	}
	for i, f := range doc.Facts {
		if f.Sentence < 0 || f.Sentence >= len(doc.Sentences) {
			t.Fatalf("fact %d: sentence %d of %d", i, f.Sentence, len(doc.Sentences))
		}
		s := doc.Sentences[f.Sentence]
		for _, sp := range []struct {
			what string
			Span
		}{{"subject", f.SubjSpan}, {"object", f.ObjSpan}, {"relation", f.RelSpan}} {
			checkSpan(t, "fact's "+sp.what, sp.Span, n, false)
			if sp.Start < s.Start || sp.End > s.End {
				t.Fatalf("fact %d: %s %+v outside its sentence %d:%d", i, sp.what, sp.Span, s.Start, s.End)
			}
		}
		if math.IsNaN(f.Confidence) || f.Confidence < 0 || f.Confidence > 1 {
			t.Fatalf("fact %d: confidence %v", i, f.Confidence)
		}
		if f.Predicate == "" || f.Rule == "" {
			t.Fatalf("fact %d: predicate %q, rule %q", i, f.Predicate, f.Rule)
		}
	}
}
