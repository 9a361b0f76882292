package triples

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNegationAwareLexicon checks that denials, negations and negating
// verbs give the predicate of what they deny, marked negated.
func TestNegationAwareLexicon(t *testing.T) {
	x := NewExtractor()
	for _, tt := range []struct {
		sentence string
		want     []string // "subject predicate object [negated]"
	}{
		{"Jaish al-Islam denied the ceasefire.", []string{"jaish-al-islam kg:denies ceasefire"}},
		{"Jaish al-Islam did not agree to the ceasefire.", []string{"jaish-al-islam kg:agreesTo ceasefire negated"}},
		{"Jaish al-Islam agreed to the ceasefire.", []string{"jaish-al-islam kg:agreesTo ceasefire"}},
		{"Jaish al-Islam denied that it agreed to the ceasefire.", []string{"jaish-al-islam kg:agreesTo ceasefire negated"}},
		{"Jaish al-Islam refrained from attacking Douma.", []string{"jaish-al-islam kg:attacks douma negated"}},
		{"Russia failed to withdraw from Aleppo.", []string{"russia kg:withdrawsFrom aleppo negated"}},
		{"The rebels did not refrain from shelling Damascus.", []string{"rebels kg:shells damascus"}},
		{"Ahrar al-Sham rejected the evacuation deal.", []string{"ahrar-al-sham kg:rejects evacuation-deal"}},
		{"Jaish al-Islam declined to comment.", nil},
		{"Will Jaish al-Islam renege on the truce?", nil}, // a question asserts nothing
	} {
		t.Run(tt.sentence, func(t *testing.T) {
			doc, err := x.Extract(&Article{ID: "t", Title: "Test", Text: "Test\n\n" + tt.sentence})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range doc.Facts {
				if f.Sentence == 0 {
					continue
				}
				s := fmt.Sprintf("%s %s %s", f.Subject.ID, f.Predicate, f.Object.ID)
				if f.Negated {
					s += " negated"
				}
				got = append(got, s)
			}
			// A denial also states the denying: keep only what the test is about.
			if len(got) > len(tt.want) && strings.Contains(tt.sentence, "denied that") {
				got = filter(got, func(s string) bool { return !strings.Contains(s, "kg:denies") })
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("facts (-want +got):\n%s", d)
			}
		})
	}
}

func filter(ss []string, keep func(string) bool) []string {
	var out []string
	for _, s := range ss {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}
