package main

import (
	"encoding/json"
	"strings"
	"testing"
)

const titleFact = "https://conflictkg.org/id/fact/d44c8e4e2fb753df95a7ddc0"

type evidenceDoc struct {
	factDetail
	SameSentence []factDetail `json:"same_sentence"`
}

func evidenceJSON(t *testing.T, id string) evidenceDoc {
	t.Helper()
	out, _, err := run("evidence", "--db", graphDB, "--json", id)
	if err != nil {
		t.Fatalf("evidence %s: %v", id, err)
	}
	var doc evidenceDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestEvidenceIDs names one fact in every way evidence accepts.
func TestEvidenceIDs(t *testing.T) {
	for _, id := range []string{
		titleFact,
		"<" + titleFact + ">",
		"d44c8e4e2fb753df95a7ddc0",
		"fact/d44c8e4e2fb753df95a7ddc0",
		"d44c8e4e2fb7", // as tables print it
		"D44C8E",
	} {
		if got := evidenceJSON(t, id).Fact; got != titleFact {
			t.Errorf("evidence %s found %s, want %s", id, got, titleFact)
		}
	}
}

func TestEvidence(t *testing.T) {
	const base = "https://conflictkg.org/id/"
	for _, tt := range []struct {
		id    string
		check func(d evidenceDoc) bool
		want  string
	}{
		{"d44c8e4e2fb7", func(d evidenceDoc) bool {
			return d.Subject.IRI == base+"actor/jaish-al-islam" && d.Label == "denies" && d.Object.IRI == base+"agreement/ceasefire" &&
				d.Relation == "refute" && d.Rule == "active" && d.SpanStart == 14 && d.SpanEnd == 45 && !d.Negated && !d.Hedged && d.AssertedBy == nil &&
				d.Date == "2016-03-04" && d.DatePrecision == "day" && d.Published == "2016-03-04" && d.Confidence == 0.9 &&
				d.Evidence.Index == 0 && d.Evidence.Title == "Syrian rebels Jaish al-Islam refute ceasefire after regime violation" &&
				d.Evidence.Sentence == d.Evidence.Title && d.Evidence.Article == base+"article/jaish-al-islam-refutes-ceasefire"
		}, "the title's denial with every detail"},
		{"d44c8e4e2fb7", func(d evidenceDoc) bool {
			if len(d.SameSentence) != 1 {
				return false
			}
			o := d.SameSentence[0]
			return o.Subject.Label == "Syrian government" && o.Label == "violates" && o.Evidence.IRI == d.Evidence.IRI
		}, "the other fact of the title: the regime violates the ceasefire"},
		{"bf83a0c6a957", func(d evidenceDoc) bool {
			return d.Negated && d.Label == "agrees to" && d.SubjectText == "it" && d.ObjectText == "truce" && d.Rule == "active+coref+denied"
		}, "a negated fact, its subject written 'it'"},
		{"22b5320e14ab", func(d evidenceDoc) bool {
			return d.AssertedBy != nil && d.AssertedBy.Label == "Mohammed Alloush"
		}, "asserted by Mohammed Alloush"},
		{"18cc58eb5f12", func(d evidenceDoc) bool { return d.Hedged && !d.Negated }, "hedged"},
		{"edf34a79", func(d evidenceDoc) bool {
			return d.Date == "2016-05" && d.DatePrecision == "month" && d.Published == ""
		}, "known to the month, in an article without a date"},
	} {
		if d := evidenceJSON(t, tt.id); !tt.check(d) {
			t.Errorf("evidence %s: want %s, have %+v", tt.id, tt.want, d)
		}
	}
}

func TestEvidenceTable(t *testing.T) {
	out, _, err := run("evidence", "--db", graphDB, "22b5320e14ab")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"fact 22b5320e14ab4734aa074074\n",
		"Syrian government violates “violations” ceasefire\n",
		"  subject        Syrian government (Government) <https://conflictkg.org/id/actor/syrian-government>, written \"the regime\"\n",
		"  asserted by    Mohammed Alloush <https://conflictkg.org/id/actor/mohammed-alloush>\n",
		"  rule           nominal+context\n",
		"  date           2016-03-04 (known to the day; the article's publication date)\n",
		"  published      2016-03-04\n",
		"other facts of this sentence (1)\n",
		"509567ad3c73  Mohammed Alloush  accuses “told”  Syrian government",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("evidence lacks %q:\n%s", want, out)
		}
	}
}

func TestEvidenceErrors(t *testing.T) {
	for _, tt := range []struct {
		name, id string
		want     error
		text     string
	}{
		{"not hex", "zzzzzzzz", nil, "is not a fact id"},
		{"too short", "d44c", nil, "at least 6 hex digits"},
		{"no such id", "0123456789ab", ErrNoResults, "no fact with id 0123456789ab"},
		{"no such IRI", "https://conflictkg.org/id/actor/russia", ErrNoResults, "no fact https://conflictkg.org/id/actor/russia"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run("evidence", "--db", graphDB, tt.id)
			checkErr(t, err, tt.want, tt.text)
		})
	}
}

// TestEvidenceDateText checks that evidence shows the time expression a
// fact's date comes from, and none where the date is the publication date.
func TestEvidenceDateText(t *testing.T) {
	for _, tt := range []struct{ id, want string }{
		{"07846308e3e2", "earlier on Friday"}, // "Russia's defence ministry announced earlier on Friday"
		{"0cf42bbf1925", ""},                  // a headline, dated by its article
	} {
		out, _, err := run("evidence", "--db", graphDB, "--json", tt.id)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			DateText string `json:"date_text"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.DateText != tt.want {
			t.Errorf("evidence %s: date_text %q, want %q", tt.id, doc.DateText, tt.want)
		}
	}
}
