package triples

import (
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/conflictkg/kg/schema"
)

// TestLiteralRanges checks that every typed literal the quads write is of
// the type the vocabulary gives as its predicate's range, or the range is
// rdfs:Literal, so that the vocabulary does not promise one type where the
// graph holds several (kg:date: a day, a month or a year).
func TestLiteralRanges(t *testing.T) {
	ranges := map[quad.Value]quad.Value{}
	for _, q := range schema.VocabularyQuads() {
		if q.Predicate == quad.IRI("rdfs:range").Full() {
			ranges[q.Subject] = q.Object
		}
	}
	literal := quad.IRI("rdfs:Literal").Full()
	doc, err := NewExtractor().Extract(&Article{ID: "t", Date: day(2016, time.March, 4),
		Text: "Jaish al-Islam agreed to a truce with Russia in March 2016.\n\nRussia has backed the Syrian regime since 2015.\n\nRebels reportedly violated the ceasefire on Friday."})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[quad.IRI]bool{}
	for _, q := range (IRIs{}).Quads(doc) {
		ts, ok := q.Object.(quad.TypedString)
		if !ok {
			continue
		}
		seen[ts.Type] = true
		r, ok := ranges[q.Predicate]
		if !ok {
			t.Errorf("%s has no range in the vocabulary; it is typed %s", q.Predicate, ts.Type)
			continue
		}
		if r != ts.Type && r != literal {
			t.Errorf("%s: range %s does not admit %s", q.Predicate, r, q.Object)
		}
	}
	// The article must have given the test every type of date.
	for _, typ := range []string{xsdDate, xsdGYearMonth, xsdGYear} {
		if !seen[quad.IRI(typ).Full()] {
			t.Errorf("no literal of type %s: the test article needs one", typ)
		}
	}
}
