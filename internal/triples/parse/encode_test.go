package parse

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tinyTreebank is two sentences in CoNLL-U, repeated.
var tinyTreebank = strings.Repeat(`1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	agreed	agree	VERB	VBD	_	0	root	_	_
3	to	to	ADP	IN	_	5	case	_	_
4	a	a	DET	DT	_	5	det	_	_
5	truce	truce	NOUN	NN	_	2	obl	_	_
6	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	_	2	det	_	_
2	army	army	NOUN	NN	_	3	nsubj	_	_
3	denied	deny	VERB	VBD	_	0	root	_	_
4	it	it	PRON	PRP	_	3	obj	_	_
5	.	.	PUNCT	.	_	3	punct	_	_

`, 10)

// mustTinyModel trains a model on tinyTreebank in a few milliseconds.
func mustTinyModel(tb testing.TB) *Model {
	tb.Helper()
	sents, err := ReadCoNLLU(strings.NewReader(tinyTreebank))
	if err != nil {
		tb.Fatal(err)
	}
	m, err := Train(context.Background(), sents, sents, TrainOptions{TagEpochs: 2, ParseEpochs: 2, Folds: 2})
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// rawModel returns the uncompressed bytes of m's model file.
func rawModel(tb testing.TB, m *Model) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		tb.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

func gzipped(b []byte) *bytes.Buffer {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return &buf
}

// TestModelRoundTrip checks that a model read back parses as the original
// and writes the same bytes again.
func TestModelRoundTrip(t *testing.T) {
	m := mustTinyModel(t)
	raw := rawModel(t, m)
	back, err := ReadModel(gzipped(raw))
	if err != nil {
		t.Fatalf("ReadModel: %v", err)
	}
	if d := cmp.Diff(raw, rawModel(t, back)); d != "" {
		t.Errorf("model written again differs (-first +second):\n%s", d)
	}
	words := strings.Fields("The rebels agreed to a truce .")
	if d := cmp.Diff(m.Parse(words), back.Parse(words)); d != "" {
		t.Errorf("Parse mismatch (-trained +read back):\n%s", d)
	}
}

func TestReadModelErrors(t *testing.T) {
	raw := rawModel(t, mustTinyModel(t))
	tests := []struct {
		name  string
		input io.Reader
		want  string
	}{
		{"not gzip", strings.NewReader("hello, this is no gzip file"), "failed to read model: gzip: invalid header"},
		{"not a model", gzipped([]byte("hello, world")), "failed to read model: not a parse model"},
		{"truncated", gzipped(raw[:len(raw)/2]), "failed to read model: unexpected EOF"},
		{"empty", gzipped(nil), "failed to read model: not a parse model"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadModel(tt.input)
			if err == nil || err.Error() != tt.want {
				t.Errorf("ReadModel() error = %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzReadModel checks that ReadModel survives corrupt model files, and
// that what it accepts can parse.
func FuzzReadModel(f *testing.F) {
	raw := rawModel(f, mustTinyModel(f))
	f.Add(raw)
	f.Add(raw[:len(raw)/3])
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadModel(gzipped(b))
		if err != nil {
			return
		}
		s := m.Parse(strings.Fields("The rebels agreed to a truce ."))
		if err := checkTree(s.Words, s); err != nil {
			t.Error(err)
		}
	})
}
