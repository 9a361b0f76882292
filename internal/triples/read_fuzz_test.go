package triples

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addReadSeeds seeds f with the fixtures in testdata/read with the given
// extensions, and with extra inputs.
func addReadSeeds(f *testing.F, exts []string, extra ...string) {
	f.Helper()
	for _, ext := range exts {
		files, err := filepath.Glob(filepath.Join("testdata", "read", "*"+ext))
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range files {
			f.Add(mustReadFile(f, name))
		}
	}
	for _, s := range append(extra, "", "\x00", "\xff\xfe", "\ufeff", "\n\n", "a\x00b\nc\xffd\n") {
		f.Add([]byte(s))
	}
}

// checkRead reads data in format f with a few options and checks what
// every reader promises: it ends, it returns only *ParseError errors, and
// every article has a non-empty id and non-empty valid UTF-8 text.
func checkRead(t *testing.T, data []byte, f Format, lines bool) {
	for _, opts := range []ReadOptions{
		{Path: "fuzz", Lines: lines},
		{Path: "", Lines: lines, MaxSize: 64},
		{Path: "dir/Fuzz Input.x", Lines: lines, CSV: CSVColumns{ID: "a", Title: "b", Text: "c", Date: "d"}},
	} {
		r := NewArticleReader(bytes.NewReader(data), f, opts)
		path := opts.Path
		if path == "" {
			path = "-"
		}
		for calls := 0; ; calls++ {
			if calls > len(data)+5 {
				t.Fatalf("%+v: ReadArticle() did not end after %d calls", opts, calls)
			}
			a, err := r.ReadArticle()
			if err == io.EOF {
				if a != nil {
					t.Errorf("%+v: ReadArticle() returned an article with io.EOF", opts)
				}
				break
			}
			if err != nil {
				var pe *ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("%+v: ReadArticle() error %v (%T), want *ParseError", opts, err, err)
				}
				if pe.Path != path || pe.Line < 0 || pe.Err == nil || a != nil {
					t.Errorf("%+v: ReadArticle() = %v, %#v", opts, a, pe)
				}
				continue
			}
			switch {
			case a == nil:
				t.Fatalf("%+v: ReadArticle() = nil, nil", opts)
			case a.ID == "" || !utf8.ValidString(a.ID):
				t.Errorf("%+v: article id %q", opts, a.ID)
			case strings.TrimSpace(a.Text) == "":
				t.Errorf("%+v: article %s has no text", opts, a.ID)
			case !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title):
				t.Errorf("%+v: article %s has invalid UTF-8: title %q, text %q", opts, a.ID, a.Title, a.Text)
			case strings.ContainsRune(a.Text, 0) || strings.ContainsRune(a.Title, 0):
				t.Errorf("%+v: article %s has a NUL: title %q, text %q", opts, a.ID, a.Title, a.Text)
			case len(a.Text) > len(data) && f != HTML:
				t.Errorf("%+v: article %s text is longer than the input", opts, a.ID)
			case !a.Date.IsZero() && (a.Date.Year() < 1900 || a.Date.Year() > 2100):
				t.Errorf("%+v: article %s date %v", opts, a.ID, a.Date)
			case a.Origin == "":
				t.Errorf("%+v: article %s has no origin", opts, a.ID)
			}
		}
	}
}

func FuzzReadText(f *testing.F) {
	addReadSeeds(f, []string{".txt"}, "Title\n\nBody.", " \t\r\n", "caf\xc3")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, Text, false)
		checkRead(t, data, Text, true)
	})
}

func FuzzReadJSONL(f *testing.F) {
	addReadSeeds(f, []string{".jsonl"},
		`{"id":1,"text":"a","date":"4/5/2017"}`,
		`{"text":"\u0000"}`+"\n"+`{"text":"\ud800"}`,
		`{"text":"a"} {"text":"b"}`,
		`{"Text":null,"TEXT":"x"}`,
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, JSONL, false)
	})
}

func FuzzReadCSV(f *testing.F) {
	addReadSeeds(f, []string{".csv"},
		"a,b,c\n1,2,3\n",
		"c\n\"x\"\"y\"\n\"",
		"unit_id,article_content\r\n1,\"a\r\nb\"\r\n",
		"c,d\nx,4/5/2017\n,\n\"\"\n",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, CSV, false)
	})
}

func FuzzReadHTML(f *testing.F) {
	addReadSeeds(f, []string{".html"},
		"<title>a | b</title><p>x",
		"<meta charset=windows-1256><p>\xe9",
		strings.Repeat("<div>", 520)+"<p>x<script>y",
		"<svg><title>t</title></svg><math><mi>x</mi></math><p>text",
		"<table><tr><td>a<td>b</table><template><p>x</template>",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, HTML, false)
	})
}
