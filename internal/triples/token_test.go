package triples

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // tokens joined by |, a leading ~ marks Hyphen
	}{
		{"plain", "Jaish al-Islam denied reports.", "Jaish|al|~Islam|denied|reports|."},
		{"hyphenated name", "Jaysh-al-Islam", "Jaysh|~al|~Islam"},
		{"abbreviations", "the U.S. and U.N. said", "the|U.S.|and|U.N.|said"},
		{"abbreviation at end", "backed by the U.S.", "backed|by|the|U.S."},
		{"compound", "U.S.-Russia-brokered deal", "U.S.|~Russia|~brokered|deal"},
		{"possessive", "IS's blockade, Assad’s forces", "IS|'s|blockade|,|Assad|’s|forces"},
		{"negation", "they didn't agree", "they|did|n't|agree"},
		{"numbers", "470,000 dead, 2.5 million", "470,000|dead|,|2.5|million"},
		{"quotes", `"[Russia]" said`, `"|[|Russia|]|"|said`},
		{"dash is not hyphen", "regime - through parties", "regime|-|through|parties"},
		{"arabic", "جيش الإسلام", "جيش|الإسلام"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range Tokenize(tt.in, 0, len(tt.in)) {
				if tt.in[tok.Start:tok.End] != tok.Text {
					t.Errorf("token %q has offsets %d:%d pointing at %q", tok.Text, tok.Start, tok.End, tt.in[tok.Start:tok.End])
				}
				s := tok.Text
				if tok.Hyphen {
					s = "~" + s
				}
				got = append(got, s)
			}
			if d := cmp.Diff(tt.want, strings.Join(got, "|")); d != "" {
				t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Jaysh":   "jaysh",
		"Ḥalab":   "halab",
		"Aḥrār":   "ahrar",
		"الإسلام": "الاسلام",
		"Café":    "cafe",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
