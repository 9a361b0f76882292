package triples

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// readResult is one result of ReadArticle: an article or the message of
// a *ParseError.
type readResult struct {
	Article *Article
	Err     string
}

// readArticles reads r to the end. It fails the test on an error that is
// not a *ParseError and on a reader that does not end.
func readArticles(tb testing.TB, r ArticleReader) []readResult {
	tb.Helper()
	var got []readResult
	for range 100000 {
		a, err := r.ReadArticle()
		if err == io.EOF {
			if a != nil {
				tb.Errorf("ReadArticle() = %+v, io.EOF; want nil article at EOF", a)
			}
			return got
		}
		var pe *ParseError
		switch {
		case errors.As(err, &pe):
			if a != nil {
				tb.Errorf("ReadArticle() = %+v, %v; want nil article with an error", a, err)
			}
			got = append(got, readResult{Err: err.Error()})
		case err != nil:
			tb.Fatalf("ReadArticle() error %v (%T), want *ParseError or io.EOF", err, err)
		default:
			got = append(got, readResult{Article: a})
		}
	}
	tb.Fatalf("ReadArticle() did not return io.EOF after %d results", len(got))
	return nil
}

// readTest is a case of NewArticleReader.
type readTest struct {
	name   string
	format Format
	opts   ReadOptions
	input  string // with file, the path of a fixture to read instead
	file   bool
	want   []readResult
}

func runReadTests(t *testing.T, tests []readTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := tt.input
			if tt.file {
				input = string(mustReadFile(t, tt.input))
			}
			r := NewArticleReader(strings.NewReader(input), tt.format, tt.opts)
			got := readArticles(t, r)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ReadArticle() results mismatch (-want +got):\n%s", d)
			}
			// Reading on after the end gives io.EOF again.
			if a, err := r.ReadArticle(); a != nil || err != io.EOF {
				t.Errorf("ReadArticle() after EOF = %v, %v; want nil, io.EOF", a, err)
			}
		})
	}
}

func mustReadFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func article(a Article) readResult { return readResult{Article: &a} }

func problem(msg string) readResult { return readResult{Err: msg} }

func TestReadText(t *testing.T) {
	runReadTests(t, []readTest{
		{
			name:   "one article",
			format: Text,
			opts:   ReadOptions{Path: "in/Élysée Talks 2017.txt"},
			input:  "Talks at the Élysée\n\nThe talks began.\n",
			want: []readResult{article(Article{
				ID:     "elysee-talks-2017",
				Text:   "Talks at the Élysée\n\nThe talks began.\n",
				Origin: "in/Élysée Talks 2017.txt:1",
			})},
		},
		{
			name:   "fixture",
			format: Text,
			opts:   ReadOptions{Path: "testdata/read/article.txt"},
			input:  "testdata/read/article.txt",
			file:   true,
			want: []readResult{article(Article{
				ID:     "article",
				Text:   string(mustReadFile(t, "testdata/read/article.txt")),
				Origin: "testdata/read/article.txt:1",
			})},
		},
		{
			name:   "standard input",
			format: Text,
			input:  "The talks began.",
			want:   []readResult{article(Article{ID: HashID("The talks began."), Text: "The talks began.", Origin: "-:1"})},
		},
		{
			name:   "dash is standard input",
			format: Text,
			opts:   ReadOptions{Path: "-"},
			input:  "The talks began.",
			want:   []readResult{article(Article{ID: HashID("The talks began."), Text: "The talks began.", Origin: "-:1"})},
		},
		{
			name:   "name without ASCII letters",
			format: Text,
			opts:   ReadOptions{Path: "تقرير.txt"},
			input:  "تقرير",
			want:   []readResult{article(Article{ID: HashID("تقرير"), Text: "تقرير", Origin: "تقرير.txt:1"})},
		},
		{
			name:   "byte order mark",
			format: Text,
			opts:   ReadOptions{Path: "a.txt"},
			input:  "\ufeffThe talks began.",
			want:   []readResult{article(Article{ID: "a", Text: "The talks began.", Origin: "a.txt:1"})},
		},
		{
			name:   "empty",
			format: Text,
			want:   []readResult{problem("-: empty file, no article")},
		},
		{
			name:   "white space",
			format: Text,
			opts:   ReadOptions{Path: "a.txt"},
			input:  " \n\t\r\n\u00a0\n",
			want:   []readResult{problem("a.txt: empty file, no article")},
		},
		{
			name:   "binary",
			format: Text,
			opts:   ReadOptions{Path: "a.txt"},
			input:  "line 1\nline 2\nab\x00cd\xff",
			want:   []readResult{problem("a.txt:3: binary data (NUL byte at column 3), not text")},
		},
		{
			name:   "invalid UTF-8",
			format: Text,
			opts:   ReadOptions{Path: "a.txt"},
			input:  "a\nb\nc\n0123456789abcdef\xe9t\xe9\n",
			want:   []readResult{problem("a.txt:4: invalid UTF-8 at column 17: convert the file to UTF-8")},
		},
		{
			name:   "truncated UTF-8 at the end",
			format: Text,
			opts:   ReadOptions{Path: "a.txt"},
			input:  "caf\xc3",
			want:   []readResult{problem("a.txt:1: invalid UTF-8 at column 4: convert the file to UTF-8")},
		},
		{
			name:   "UTF-16",
			format: Text,
			opts:   ReadOptions{Path: "a.txt"},
			input:  "\xff\xfeh\x00i\x00",
			want:   []readResult{problem("a.txt: UTF-16 text, not UTF-8: convert the file to UTF-8")},
		},
		{
			name:   "too large",
			format: Text,
			opts:   ReadOptions{Path: "a.txt", MaxSize: 10},
			input:  "0123456789abcdefghijklmnopqrstuvwxy",
			want:   []readResult{problem("a.txt: article text is 35 bytes, larger than the limit of 10")},
		},
		{
			name:   "exactly the limit",
			format: Text,
			opts:   ReadOptions{Path: "a.txt", MaxSize: 10},
			input:  "0123456789",
			want:   []readResult{article(Article{ID: "a", Text: "0123456789", Origin: "a.txt:1"})},
		},
	})
}

func TestReadTextLines(t *testing.T) {
	lines := ReadOptions{Path: "l.txt", Lines: true}
	runReadTests(t, []readTest{
		{
			name:   "lines",
			format: Text,
			opts:   lines,
			input:  "\ufefffirst\n\n  second  \r\n \t\nthird",
			want: []readResult{
				article(Article{ID: HashID("first"), Text: "first", Origin: "l.txt:1"}),
				article(Article{ID: HashID("second"), Text: "second", Origin: "l.txt:3"}),
				article(Article{ID: HashID("third"), Text: "third", Origin: "l.txt:5"}),
			},
		},
		{
			name:   "fixture",
			format: Text,
			opts:   ReadOptions{Path: "testdata/read/lines.txt", Lines: true},
			input:  "testdata/read/lines.txt",
			file:   true,
			want: []readResult{
				article(Article{
					ID:     HashID("Government forces shelled Douma on Monday, killing 12 civilians."),
					Text:   "Government forces shelled Douma on Monday, killing 12 civilians.",
					Origin: "testdata/read/lines.txt:1",
				}),
				article(Article{
					ID:     HashID("Rebels seized the village of Tal Rifaat after heavy clashes."),
					Text:   "Rebels seized the village of Tal Rifaat after heavy clashes.",
					Origin: "testdata/read/lines.txt:3",
				}),
			},
		},
		{
			name:   "bad lines",
			format: Text,
			opts:   lines,
			input:  "good\nba\xffd\nok\x00\nlast\n",
			want: []readResult{
				article(Article{ID: HashID("good"), Text: "good", Origin: "l.txt:1"}),
				problem("l.txt:2: invalid UTF-8 at column 3: convert the file to UTF-8"),
				problem("l.txt:3: binary data (NUL byte at column 3), not text"),
				article(Article{ID: HashID("last"), Text: "last", Origin: "l.txt:4"}),
			},
		},
		{
			name:   "long line",
			format: Text,
			opts:   ReadOptions{Path: "l.txt", Lines: true, MaxSize: 8},
			input:  "short\n0123456789\r\nend",
			want: []readResult{
				article(Article{ID: HashID("short"), Text: "short", Origin: "l.txt:1"}),
				problem("l.txt:2: article text is 11 bytes, larger than the limit of 8"),
				article(Article{ID: HashID("end"), Text: "end", Origin: "l.txt:3"}),
			},
		},
		{
			name:   "long last line",
			format: Text,
			opts:   ReadOptions{Path: "l.txt", Lines: true, MaxSize: 8},
			input:  "short\n0123456789",
			want: []readResult{
				article(Article{ID: HashID("short"), Text: "short", Origin: "l.txt:1"}),
				problem("l.txt:2: article text is 10 bytes, larger than the limit of 8"),
			},
		},
		{
			name:   "blank lines only",
			format: Text,
			opts:   lines,
			input:  "\n \n\r\n",
			want:   []readResult{problem("l.txt: empty file, no article")},
		},
		{
			name:   "empty",
			format: Text,
			opts:   lines,
			want:   []readResult{problem("l.txt: empty file, no article")},
		},
	})
}

func TestReadJSONL(t *testing.T) {
	opts := ReadOptions{Path: "a.jsonl"}
	runReadTests(t, []readTest{
		{
			name:   "fixture",
			format: JSONL,
			opts:   ReadOptions{Path: "testdata/read/articles.jsonl"},
			input:  "testdata/read/articles.jsonl",
			file:   true,
			want: []readResult{
				article(Article{
					ID:     "a1",
					Title:  "Shelling in Douma",
					Text:   "Government forces shelled Douma on Monday, killing 12 civilians.",
					Source: "SMART",
					URL:    "https://example.org/a1",
					Date:   day(2018, time.March, 27),
					Origin: "testdata/read/articles.jsonl:1",
				}),
				article(Article{
					ID:     "1914947530",
					Title:  "Strike on Khan Sheikhoun",
					Text:   "Warplanes struck Khan Sheikhoun.",
					Date:   day(2017, time.April, 5),
					Origin: "testdata/read/articles.jsonl:3",
				}),
				article(Article{
					ID:     HashID("Rebels seized the village of Tal Rifaat."),
					Title:  "no id",
					Text:   "Rebels seized the village of Tal Rifaat.",
					Date:   day(2018, time.March, 27),
					Origin: "testdata/read/articles.jsonl:4",
				}),
				problem(`testdata/read/articles.jsonl:5: cannot read date "yesterday": want a date like 2017-04-05, 4/5/2017 or 5 April 2017`),
				problem("testdata/read/articles.jsonl:6: record has no text"),
				problem("testdata/read/articles.jsonl:7: invalid JSON: unexpected end of input (is the line cut short?)"),
				article(Article{ID: "last", Text: "Clashes continued near Idlib.", Origin: "testdata/read/articles.jsonl:8"}),
			},
		},
		{
			name:   "keys in any case, nulls, CRLF",
			format: JSONL,
			opts:   opts,
			input:  "{\"ID\":\" x \",\"Text\":\"y\",\"date\":null,\"title\":null}\r\n{\"text\":\"z\",\"id\":-1.5e3}\r\n",
			want: []readResult{
				article(Article{ID: "x", Text: "y", Origin: "a.jsonl:1"}),
				article(Article{ID: "-1.5e3", Text: "z", Origin: "a.jsonl:2"}),
			},
		},
		{
			name:   "bad records",
			format: JSONL,
			opts:   opts,
			input: strings.Join([]string{
				`["a","b"]`,
				`{"title":3,"text":"x"}`,
				`{"id":{},"text":"x"}`,
				`{"id":true,"text":"x"}`,
				`{"text":["x"]}`,
				`{"text":"a\u0000b"}`,
				`{"text":"   "}`,
				`{"text":"a"} x`,
				`{text:"a"}`,
				"{\"text\":\"caf\xe9\"}",
				"{\"text\":\"a\x00b\"}",
				`{"text":"ok"}`,
			}, "\n"),
			want: []readResult{
				problem(`a.jsonl:1: not a JSON object (the line starts with "[\"a\",\"b\"]"): each line must be an object like {"id": "1", "text": "..."}`),
				problem(`a.jsonl:2: field "title" is a number, want a string`),
				problem(`a.jsonl:3: field "id" is an object, want a string`),
				problem(`a.jsonl:4: field "id" is a boolean, want a string`),
				problem(`a.jsonl:5: field "text" is an array, want a string`),
				problem(`a.jsonl:6: field "text" holds a NUL character (\u0000), not text`),
				problem("a.jsonl:7: record has no text"),
				problem("a.jsonl:8: invalid JSON at column 14: invalid character 'x' after top-level value"),
				problem("a.jsonl:9: invalid JSON at column 2: invalid character 't' looking for beginning of object key string"),
				problem("a.jsonl:10: invalid UTF-8 at column 13: convert the file to UTF-8"),
				problem("a.jsonl:11: binary data (NUL byte at column 11), not text"),
				article(Article{ID: HashID("ok"), Text: "ok", Origin: "a.jsonl:12"}),
			},
		},
		{
			name:   "long line",
			format: JSONL,
			opts:   ReadOptions{Path: "a.jsonl", MaxSize: 30},
			input:  `{"text":"` + strings.Repeat("x", 100) + `"}` + "\n" + `{"text":"short"}`,
			want: []readResult{
				problem("a.jsonl:1: line is 111 bytes, larger than the limit of 30"),
				article(Article{ID: HashID("short"), Text: "short", Origin: "a.jsonl:2"}),
			},
		},
		{
			name:   "empty",
			format: JSONL,
			opts:   opts,
			input:  "\n\n",
			want:   []readResult{problem("a.jsonl: empty file, no article")},
		},
		{
			name:   "binary",
			format: JSONL,
			opts:   opts,
			input:  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			want: []readResult{
				problem("a.jsonl:1: invalid UTF-8 at column 1: convert the file to UTF-8"),
				problem(`a.jsonl:2: not a JSON object (the line starts with "\x1a"): each line must be an object like {"id": "1", "text": "..."}`),
				problem("a.jsonl:3: binary data (NUL byte at column 1), not text"),
			},
		},
	})
}

func TestReadCSV(t *testing.T) {
	opts := ReadOptions{Path: "a.csv"}
	runReadTests(t, []readTest{
		{
			name:   "fixture",
			format: CSV,
			opts:   ReadOptions{Path: "testdata/read/articles.csv"},
			input:  "testdata/read/articles.csv",
			file:   true,
			want: []readResult{
				article(Article{
					ID:     "1914947530",
					Title:  "Syria attack symptoms consistent with nerve agent use WHO",
					Text:   `Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO. Victims of a suspected chemical attack in Syria appeared to show symptoms consistent with reaction to a nerve agent the World Health Organization said on Wednesday. "Some cases appear to show additional signs consistent with exposure to organophosphorus chemicals" WHO said.`,
					Source: "nna",
					Date:   day(2017, time.April, 5),
					Origin: "testdata/read/articles.csv:2",
				}),
				article(Article{
					ID:     "1914947532",
					Title:  "Suspected chemical attack kills 58 in north Syria",
					Text:   "A suspected chemical attack killed 58 people in northwest Syria.\nRescue workers said the toll could rise.",
					Source: "nna",
					Date:   day(2017, time.April, 4),
					Origin: "testdata/read/articles.csv:3",
				}),
				problem("testdata/read/articles.csv:5: record has no text"),
				problem(`testdata/read/articles.csv:6: cannot read date "someday": want a date like 2017-04-05, 4/5/2017 or 5 April 2017`),
				article(Article{ID: "1914947535", Title: "Short record", Text: "Rebels shelled the airport.", Origin: "testdata/read/articles.csv:7"}),
			},
		},
		{
			name:   "truncated",
			format: CSV,
			opts:   ReadOptions{Path: "testdata/read/truncated.csv"},
			input:  "testdata/read/truncated.csv",
			file:   true,
			want: []readResult{
				article(Article{ID: "1", Title: "First", Text: "The first article is complete.", Source: "nna", Date: day(2017, time.April, 5), Origin: "testdata/read/truncated.csv:2"}),
				problem("testdata/read/truncated.csv:3: the quote on line 3 is never closed: the record runs to the end of the file (is the file cut short?)"),
			},
		},
		{
			name:   "stray quote",
			format: CSV,
			opts:   opts,
			input:  "unit_id,article_content\n1,ok\n2,\"a \"quoted\" word\n3,b\n",
			want: []readResult{
				article(Article{ID: "1", Text: "ok", Origin: "a.csv:2"}),
				problem("a.csv:3: the quote on line 3 is never closed: the record runs to the end of the file (is the file cut short?)"),
			},
		},
		{
			name:   "lazy quotes",
			format: CSV,
			opts:   opts,
			input:  "unit_id,article_content\n1,\"He said \"no\" twice\",x\n2,a \"b\" c\n",
			want: []readResult{
				article(Article{ID: "1", Text: `He said "no" twice`, Origin: "a.csv:2"}),
				article(Article{ID: "2", Text: `a "b" c`, Origin: "a.csv:3"}),
			},
		},
		{
			name:   "missing column",
			format: CSV,
			opts:   opts,
			input:  "a, b ,c\n1,2,3\n",
			want:   []readResult{problem(`a.csv:1: no column "article_content" in header (have: a, b, c); name the text column with --csv-text`)},
		},
		{
			name:   "missing custom column",
			format: CSV,
			opts:   ReadOptions{Path: "a.csv", CSV: CSVColumns{Text: "body"}},
			input:  "unit_id,article_content\n1,2\n",
			want:   []readResult{problem(`a.csv:1: no column "body" in header (have: unit_id, article_content); name the text column with --csv-text`)},
		},
		{
			name:   "custom columns",
			format: CSV,
			opts:   ReadOptions{Path: "a.csv", CSV: CSVColumns{ID: "KEY", Title: "headline", Text: "Body"}},
			input:  " key ,Headline,BODY,Date,URL\nk1, A title ,The text.,2017-04-05, https://x.org/1 \n",
			want: []readResult{article(Article{
				ID: "k1", Title: "A title", Text: "The text.", URL: "https://x.org/1", Date: day(2017, time.April, 5), Origin: "a.csv:2",
			})},
		},
		{
			name:   "byte order mark and CRLF",
			format: CSV,
			opts:   opts,
			input:  "\ufeffunit_id,article_content\r\n1,\"two\r\nlines\"\r\n2,b\r\n",
			want: []readResult{
				article(Article{ID: "1", Text: "two\nlines", Origin: "a.csv:2"}),
				article(Article{ID: "2", Text: "b", Origin: "a.csv:4"}),
			},
		},
		{
			name:   "field counts",
			format: CSV,
			opts:   opts,
			input:  "unit_id,article_title,article_content\n1\n2,t,text,extra,fields\n,,\n\n4,t,\"x\"\n",
			want: []readResult{
				problem("a.csv:2: record has no text (only 1 of the header's 3 fields)"),
				article(Article{ID: "2", Title: "t", Text: "text", Origin: "a.csv:3"}),
				problem("a.csv:4: record has no text"),
				article(Article{ID: "4", Title: "t", Text: "x", Origin: "a.csv:6"}),
			},
		},
		{
			name:   "no id",
			format: CSV,
			opts:   opts,
			input:  "article_content\nThe text.\n",
			want:   []readResult{article(Article{ID: HashID("The text."), Text: "The text.", Origin: "a.csv:2"})},
		},
		{
			name:   "invalid UTF-8 and NUL",
			format: CSV,
			opts:   opts,
			input:  "unit_id,article_content\n1,\"multi\nline \xff here\"\n2,ok\n3,a\x00b\n4,fine\n",
			want: []readResult{
				problem("a.csv:2: invalid UTF-8 on line 3, column 6: convert the file to UTF-8"),
				article(Article{ID: "2", Text: "ok", Origin: "a.csv:4"}),
				problem("a.csv:5: binary data (NUL byte on line 5), not text"),
				article(Article{ID: "4", Text: "fine", Origin: "a.csv:6"}),
			},
		},
		{
			name:   "invalid UTF-8 in header",
			format: CSV,
			opts:   opts,
			input:  "id,article_\xe9content\n1,ok\n",
			want:   []readResult{problem("a.csv:1: invalid UTF-8 at column 12: convert the file to UTF-8")},
		},
		{
			name:   "binary",
			format: CSV,
			opts:   opts,
			input:  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			want:   []readResult{problem("a.csv:1: invalid UTF-8 at column 1: convert the file to UTF-8")},
		},
		{
			name:   "UTF-16",
			format: CSV,
			opts:   opts,
			input:  "\xff\xfei\x00d\x00",
			want:   []readResult{problem("a.csv: UTF-16 text, not UTF-8: convert the file to UTF-8")},
		},
		{
			name:   "text too large",
			format: CSV,
			opts:   ReadOptions{Path: "a.csv", MaxSize: 16},
			input:  "unit_id,article_content\n1,01234567890123456789\n2,ok\n",
			want: []readResult{
				problem("a.csv:2: article text is 20 bytes, larger than the limit of 16"),
				article(Article{ID: "2", Text: "ok", Origin: "a.csv:3"}),
			},
		},
		{
			name:   "record too large",
			format: CSV,
			opts:   ReadOptions{Path: "a.csv", MaxSize: 16},
			input:  "unit_id,article_content\n1,ok\n2,\"" + strings.Repeat("x\n", 100000) + "\"\n3,never read\n",
			want: []readResult{
				article(Article{ID: "1", Text: "ok", Origin: "a.csv:2"}),
				problem("a.csv:3: record is larger than the limit of 16 bytes; cannot read on"),
			},
		},
		{
			name:   "empty",
			format: CSV,
			opts:   opts,
			want:   []readResult{problem("a.csv: empty file, no article")},
		},
		{
			name:   "header only",
			format: CSV,
			opts:   opts,
			input:  "unit_id,article_content\n",
			want:   []readResult{problem("a.csv: empty file, no article (only a header)")},
		},
	})
}

// repeatReader yields n copies of byte b.
type repeatReader struct {
	b byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.n)
	for i := range p[:n] {
		p[i] = r.b
	}
	r.n -= n
	return n, nil
}

// TestReadHugeLine reads inputs with a 50 MB line, made up as it is read.
func TestReadHugeLine(t *testing.T) {
	const huge = 50 << 20
	const limit = 1 << 20
	tests := []struct {
		name          string
		format        Format
		opts          ReadOptions
		before, after string
		want          []readResult
	}{
		{
			name:   "JSONL over the limit",
			format: JSONL,
			opts:   ReadOptions{Path: "h.jsonl", MaxSize: limit},
			before: `{"text":"before"}` + "\n",
			after:  "\n" + `{"text":"after"}`,
			want: []readResult{
				article(Article{ID: HashID("before"), Text: "before", Origin: "h.jsonl:1"}),
				problem(fmt.Sprintf("h.jsonl:2: line is %d bytes, larger than the limit of %d", huge, limit)),
				article(Article{ID: HashID("after"), Text: "after", Origin: "h.jsonl:3"}),
			},
		},
		{
			name:   "JSONL under the default limit",
			format: JSONL,
			opts:   ReadOptions{Path: "h.jsonl"},
			before: `{"text":"before"}` + "\n",
			after:  "\n" + `{"text":"after"}`,
			want: []readResult{
				article(Article{ID: HashID("before"), Text: "before", Origin: "h.jsonl:1"}),
				problem(`h.jsonl:2: not a JSON object (the line starts with "xxxxxxxxxxxx"): each line must be an object like {"id": "1", "text": "..."}`),
				article(Article{ID: HashID("after"), Text: "after", Origin: "h.jsonl:3"}),
			},
		},
		{
			name:   "text lines",
			format: Text,
			opts:   ReadOptions{Path: "h.txt", Lines: true, MaxSize: limit},
			before: "before\n",
			after:  "\r\nafter\n",
			want: []readResult{
				article(Article{ID: HashID("before"), Text: "before", Origin: "h.txt:1"}),
				problem(fmt.Sprintf("h.txt:2: article text is %d bytes, larger than the limit of %d", huge+1, limit)),
				article(Article{ID: HashID("after"), Text: "after", Origin: "h.txt:3"}),
			},
		},
		{
			name:   "text",
			format: Text,
			opts:   ReadOptions{Path: "h.txt", MaxSize: limit},
			before: "before\n",
			want:   []readResult{problem(fmt.Sprintf("h.txt: article text is %d bytes, larger than the limit of %d", huge+7, limit))},
		},
		{
			name:   "CSV",
			format: CSV,
			opts:   ReadOptions{Path: "h.csv", MaxSize: limit},
			before: "unit_id,article_content\n1,before\n2,",
			after:  "\n3,after\n",
			want: []readResult{
				article(Article{ID: "1", Text: "before", Origin: "h.csv:2"}),
				problem(fmt.Sprintf("h.csv:3: record is larger than the limit of %d bytes; cannot read on", limit)),
			},
		},
		{
			name:   "HTML",
			format: HTML,
			opts:   ReadOptions{Path: "h.html", MaxSize: limit},
			before: "<p>",
			want:   []readResult{problem(fmt.Sprintf("h.html: page is %d bytes, larger than the limit of %d", huge+3, limit))},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := io.MultiReader(strings.NewReader(tt.before), &repeatReader{b: 'x', n: huge}, strings.NewReader(tt.after))
			got := readArticles(t, NewArticleReader(in, tt.format, tt.opts))
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ReadArticle() results mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// errReader fails after its data.
type errReader struct {
	data string
	err  error
}

func (r *errReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestReadError checks that an error of the underlying reader is final
// and not a *ParseError.
func TestReadError(t *testing.T) {
	errDisk := errors.New("disk on fire")
	for _, tt := range []struct {
		name   string
		format Format
		opts   ReadOptions
		data   string
	}{
		{"text", Text, ReadOptions{}, "some text"},
		{"text lines", Text, ReadOptions{Lines: true}, "some text"},
		{"JSONL", JSONL, ReadOptions{}, `{"text":"a"}`},
		{"CSV", CSV, ReadOptions{}, "article_content\na\n"},
		{"HTML", HTML, ReadOptions{}, "<p>a"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := NewArticleReader(&errReader{data: tt.data, err: errDisk}, tt.format, tt.opts)
			for range 10 {
				a, err := r.ReadArticle()
				if err == nil {
					continue // an article read before the error
				}
				if !errors.Is(err, errDisk) || a != nil {
					t.Fatalf("ReadArticle() = %v, %v; want nil, %v", a, err, errDisk)
				}
				var pe *ParseError
				if errors.As(err, &pe) {
					t.Errorf("ReadArticle() error is a *ParseError, want a final error")
				}
				return
			}
			t.Errorf("ReadArticle() never returned %v", errDisk)
		})
	}
}

func TestReadUnknownFormat(t *testing.T) {
	r := NewArticleReader(strings.NewReader("x"), Format("pdf"), ReadOptions{})
	_, err := r.ReadArticle()
	if !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("ReadArticle() error = %v, want %v", err, ErrUnknownFormat)
	}
	if _, err := r.ReadArticle(); err != io.EOF {
		t.Errorf("second ReadArticle() error = %v, want io.EOF", err)
	}
}

// TestReadFAKES reads the FA-KES development corpus, when it is there.
func TestReadFAKES(t *testing.T) {
	const path = "../../../shared/corpora/fakes-dev.csv"
	f, err := os.Open(path)
	if err != nil {
		t.Skip("../../../shared/corpora/fakes-dev.csv not present")
	}
	defer f.Close()
	got := readArticles(t, NewArticleReader(f, CSV, ReadOptions{Path: path}))
	if len(got) != 402 {
		t.Errorf("read %d results, want 402 articles", len(got))
	}
	for _, r := range got {
		switch {
		case r.Err != "":
			t.Errorf("error: %s", r.Err)
		case r.Article.Date.IsZero():
			t.Errorf("%s: no date", r.Article.Origin)
		case r.Article.ID == "" || r.Article.Title == "" || r.Article.Source == "":
			t.Errorf("%s: missing id, title or source: %+v", r.Article.Origin, r.Article)
		}
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		path string
		want Format
		err  string
	}{
		{"a.txt", Text, ""},
		{"dir.v2/A.TEXT", Text, ""},
		{"a.jsonl", JSONL, ""},
		{"a.ndjson", JSONL, ""},
		{"/x/a.csv", CSV, ""},
		{"a.html", HTML, ""},
		{`c:\pages\a.HTM`, HTML, ""},
		{"a.xhtml", HTML, ""},
		{"a.pdf", "", `unknown format ".pdf": want .txt, .text, .jsonl, .ndjson, .csv, .html, .htm or .xhtml, or name the format (text, jsonl, csv or html)`},
		{"dir.d/README", "", `unknown format: "README" has no file extension; want .txt, .jsonl, .csv or .html, or name the format (text, jsonl, csv or html)`},
		{".csv", "", `unknown format: ".csv" has no file extension; want .txt, .jsonl, .csv or .html, or name the format (text, jsonl, csv or html)`},
		{"-", "", `unknown format: "-" has no file extension; want .txt, .jsonl, .csv or .html, or name the format (text, jsonl, csv or html)`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got, err := FormatOf(tt.path)
			checkFormat(t, got, err, tt.want, tt.err)
		})
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		name string
		want Format
		err  string
	}{
		{"text", Text, ""},
		{"txt", Text, ""},
		{"JSONL", JSONL, ""},
		{"ndjson", JSONL, ""},
		{" csv ", CSV, ""},
		{"html", HTML, ""},
		{"pdf", "", `unknown format "pdf": want text, jsonl, csv or html`},
		{"", "", `unknown format "": want text, jsonl, csv or html`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFormat(tt.name)
			checkFormat(t, got, err, tt.want, tt.err)
		})
	}
}

func checkFormat(t *testing.T, got Format, err error, want Format, wantErr string) {
	t.Helper()
	if got != want {
		t.Errorf("format = %q, want %q", got, want)
	}
	switch {
	case wantErr == "" && err != nil:
		t.Errorf("error = %v, want none", err)
	case wantErr != "" && (err == nil || err.Error() != wantErr):
		t.Errorf("error = %v, want %s", err, wantErr)
	case wantErr != "" && !errors.Is(err, ErrUnknownFormat):
		t.Errorf("error %v does not wrap ErrUnknownFormat", err)
	}
}

func TestSlugOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"report", "report"},
		{"Élysée Talks 2017", "elysee-talks-2017"},
		{"  --Straße__über ", "strasse-uber"},
		{"Łódź.Œuvre", "lodz-oeuvre"},
		{"تقرير", ""},
		{"تقرير 2017", "2017"},
		{"idlib_تقرير_2017", "idlib-2017"},
		{"Ελλάδα", ""},
		{"a\u0301b", "ab"},
		{"___", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := slugOf(tt.in); got != tt.want {
				t.Errorf("slugOf(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func ExampleNewArticleReader() {
	in := `{"id":"a1","title":"Shelling in Douma","text":"Government forces shelled Douma on Monday."}
{"id":"a2","title":"Clashes in Daraa","text":"Clashes broke out in Daraa.","date":"27 March 2018"}
`
	r := NewArticleReader(strings.NewReader(in), JSONL, ReadOptions{Path: "news.jsonl"})
	for {
		a, err := r.ReadArticle()
		if err == io.EOF {
			break
		}
		var perr *ParseError
		if errors.As(err, &perr) {
			fmt.Println(err) // a bad record: report it and read on
			continue
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(a.ID, a.Title)
	}
	// Output:
	// a1 Shelling in Douma
	// a2 Clashes in Daraa
}
