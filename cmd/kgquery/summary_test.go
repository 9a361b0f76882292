package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdf"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/internal/triples"
	"github.com/conflictkg/kg/schema"
)

// TestRelationsSummaries asks relations of every entity of the example
// graph twice, from the summaries kgbuild wrote and from the facts
// themselves, in every output format: the answers must be the same bytes.
func TestRelationsSummaries(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(graphDB, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[quad.Value]bool{}
	var iris []string
	for _, class := range entityClasses {
		typed, err := st.Match(ctx, quad.Object, quad.IRI(class).Full(), quad.IRI(rdf.Type).Full(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range typed {
			if !seen[x.Subject] {
				seen[x.Subject] = true
				iris = append(iris, store.Text(x.Subject))
			}
		}
	}
	summarised := 0
	for _, iri := range iris {
		if _, _, ok, _ := st.Summary(ctx, quad.IRI(iri)); ok {
			summarised++
		}
	}
	defer st.Close()
	if summarised != len(iris) || len(iris) < 50 {
		t.Fatalf("%d of %d entities have a current summary, want all (and at least 50)", summarised, len(iris))
	}
	defer func() { useSummaries = true }()
	// One store for every question, as the benchmarks ask: opening it for
	// each would make this test take minutes.
	ask := func(iri string, out output, summaries bool) (string, error) {
		var b strings.Builder
		q := &query{db: graphDB, output: out, stdout: &b, stderr: io.Discard, st: st, iris: triples.IRIs{Base: schema.DefaultBase}}
		useSummaries = summaries
		err := (&relationsCommand{}).run(ctx, q, []string{iri})
		return b.String(), err
	}
	// Names, found or not, resolve the same through kgbuild's name index
	// (or the gazetteer) as by reading every entity's names.
	for _, name := range []string{"Jaysh al-Islam", "jaish al islam", "Muhammad Allouch", "Moscow",
		"Douma civil committee", "civil committee of Douma", "Zorglub Brigade", "Damscus", "Jaish al Islaam", "the group"} {
		fast, ferr := ask(name, output{json: true}, true)
		slow, serr := ask(name, output{json: true}, false)
		if fast != slow || fmt.Sprint(ferr) != fmt.Sprint(serr) {
			t.Errorf("relations %q: from the index (err %v):\n%s\nreading every name (err %v):\n%s", name, ferr, fast, serr, slow)
		}
	}
	answered := 0
	for _, iri := range iris {
		if _, err := ask(iri, output{}, true); err == nil {
			answered++
		}
		for _, out := range []output{{}, {json: true}, {csv: true}} {
			fast, ferr := ask(iri, out, true)
			slow, serr := ask(iri, out, false)
			if fast != slow || (ferr == nil) != (serr == nil) {
				t.Errorf("relations %s %+v: from the summary (err %v):\n%s\nfrom the facts (err %v):\n%s", iri, out, ferr, fast, serr, slow)
			}
		}
	}
	if answered < len(iris)/2 {
		t.Errorf("relations answered for %d of %d entities, want most", answered, len(iris))
	}
}
