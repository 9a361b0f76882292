package parse

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadCoNLLU(t *testing.T) {
	const sent = "# sent_id = 1\n# text = They didn't.\n" +
		"1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n" +
		"2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tdid\tdo\tAUX\tVBD\t_\t3\taux\t_\t_\n" +
		"3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n" +
		"3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t3:conj\t_\n" +
		"4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
	want := &Sentence{
		Words:  []string{"They", "did", "n't", "."},
		Lemmas: []string{"they", "do", "not", "."},
		UPOS:   []string{"PRON", "AUX", "PART", "PUNCT"},
		XPOS:   []string{"PRP", "VBD", "RB", "."},
		Heads:  []int{2, 2, -1, 2},
		Rels:   []string{"nsubj", "aux", "root", "punct"},
	}
	word := func(id, head string) string {
		return id + "\tw\tw\tX\tX\t_\t" + head + "\tdep\t_\t_\n"
	}
	tests := []struct {
		name    string
		input   string
		want    []*Sentence
		wantErr string // empty for success
		line    int
	}{
		{name: "empty", input: ""},
		{name: "only comments", input: "# a\n# b\n\n"},
		{name: "one sentence", input: sent + "\n", want: []*Sentence{want}},
		{name: "no final blank line", input: sent, want: []*Sentence{want}},
		{name: "two sentences", input: sent + "\n\n" + sent, want: []*Sentence{want, want}},
		{name: "CRLF", input: strings.ReplaceAll(sent, "\n", "\r\n"), want: []*Sentence{want}},
		{
			name:    "too few fields",
			input:   "# c\n1\tw\tw\tX\tX\t_\t0\troot\t_\n",
			wantErr: "line 2: wrong number of fields: 9, want 10",
			line:    2,
		},
		{
			name:    "bad id",
			input:   word("x", "0"),
			wantErr: `line 1: bad word id "x"`,
			line:    1,
		},
		{
			name:    "id out of sequence",
			input:   word("1", "0") + word("3", "1"),
			wantErr: "line 2: word id 3 out of sequence, want 2",
			line:    2,
		},
		{
			name:    "bad head",
			input:   word("1", "_"),
			wantErr: `line 1: bad head "_"`,
			line:    1,
		},
		{
			name:    "head out of range",
			input:   "# c\n" + word("1", "0") + word("2", "7") + "\n",
			wantErr: "line 3: head 7 out of range for a sentence of 2 words",
			line:    3,
		},
		{
			name:    "own head",
			input:   word("1", "1"),
			wantErr: "line 1: word 1 is its own head",
			line:    1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCoNLLU(strings.NewReader(tt.input))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("ReadCoNLLU() error = %v, want %q", err, tt.wantErr)
				}
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Line != tt.line {
					t.Errorf("ReadCoNLLU() error %#v, want *ParseError on line %d", err, tt.line)
				}
				return
			}
			if err != nil {
				t.Fatalf("ReadCoNLLU() error = %v", err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ReadCoNLLU() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadCoNLLUFieldCountSentinel(t *testing.T) {
	_, err := ReadCoNLLU(strings.NewReader("1\tw\n"))
	if !errors.Is(err, ErrFieldCount) {
		t.Errorf("ReadCoNLLU() error = %v, want ErrFieldCount", err)
	}
}
