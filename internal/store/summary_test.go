package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"
)

func TestSummaryRoundTrip(t *testing.T) {
	x := Node{IRI: "https://conflictkg.org/id/actor/x", Label: `X\t "the" group`, Type: "ArmedGroup"}
	y := Node{IRI: "https://conflictkg.org/id/location/y", Label: "Y", Type: "Location"}
	ev := Evidence{Sentence: "Tabs\tand\nnewlines and \\ backslashes \\t survive.", IRI: "s/1", Index: 3, Start: 10, End: 61,
		Article: "a/1", Title: "A title", Source: "AFP", URL: "https://example.org/a?b=c"}
	facts := []Fact{
		{Fact: "f/1", Subject: x, Predicate: "https://conflictkg.org/ns#attacks", Label: "attacks", Object: y,
			Relation: "shelled", Confidence: 0.85, Date: "2016-03", Evidence: ev},
		{Fact: "f/2", Subject: y, Predicate: "https://conflictkg.org/ns#denies", Label: "denies", Object: x,
			Relation: "denied", Negated: true, Confidence: 1.0 / 3, Evidence: ev},
		{Fact: "f/3", Subject: x, Predicate: "https://example.org/unknown", Label: "https://example.org/unknown", Object: x},
	}
	affs := []Affiliation{{Subject: y, Predicate: "https://conflictkg.org/ns#memberOf", Label: "member of", Object: x}}
	for _, tt := range []struct {
		name  string
		facts []Fact
		affs  []Affiliation
	}{
		{"empty", nil, nil},
		{"facts", facts, nil},
		{"facts and affiliations", facts, affs},
	} {
		text := encodeSummary("7", tt.facts, tt.affs)
		gotF, gotA, err := decodeSummary(text)
		if err != nil {
			t.Fatalf("%s: %v\n%s", tt.name, err, text)
		}
		if d := cmp.Diff(tt.facts, gotF); d != "" {
			t.Errorf("%s: facts (-want +got):\n%s", tt.name, d)
		}
		if d := cmp.Diff(tt.affs, gotA); d != "" {
			t.Errorf("%s: affiliations (-want +got):\n%s", tt.name, d)
		}
	}
	for _, bad := range []string{
		"kg-summary 1 7\nf\tf/1\t0\tp\t0\tr\tfalse\t1\t\t-1\n", // a fact before its nodes
		"kg-summary 1 7\nn\tx\tX\n",                            // a field short
		"kg-summary 1 7\nz\n",
	} {
		if _, _, err := decodeSummary(bad); err == nil {
			t.Errorf("decodeSummary(%q) succeeded", bad)
		}
	}
}

// TestSummarize checks that summaries hold what FactsAbout and Affiliations
// read, that any article written makes them stale until Summarize runs
// again, and that Quads leaves them out.
func TestSummarize(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "kg.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ns := func(s string) quad.IRI { return quad.IRI("https://conflictkg.org/ns#" + s) }
	id := func(s string) quad.IRI { return quad.IRI("https://conflictkg.org/id/" + s) }
	typ := quad.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
	label := quad.IRI("http://www.w3.org/2000/01/rdf-schema#label")
	x, y, z := id("actor/x"), id("actor/y"), id("location/z")
	gaz := id("gazetteer")
	article := func(n string, obj quad.IRI, verb string) []quad.Quad {
		a, s, f := id("article/"+n), id("article/"+n+"/sentence/1"), id("fact/"+n)
		return []quad.Quad{
			{Subject: a, Predicate: ns("title"), Object: quad.String("Article " + n), Label: a},
			{Subject: s, Predicate: ns("inArticle"), Object: a, Label: a},
			{Subject: s, Predicate: ns("text"), Object: quad.String("X " + verb + " it."), Label: a},
			{Subject: x, Predicate: typ, Object: ns("ArmedGroup"), Label: a},
			{Subject: x, Predicate: label, Object: quad.String("X"), Label: a},
			{Subject: obj, Predicate: typ, Object: ns("Location"), Label: a},
			{Subject: f, Predicate: ns("inSentence"), Object: s, Label: s},
			{Subject: f, Predicate: ns("subject"), Object: x, Label: s},
			{Subject: f, Predicate: ns("predicate"), Object: ns("attacks"), Label: s},
			{Subject: f, Predicate: ns("object"), Object: obj, Label: s},
			{Subject: f, Predicate: ns("relationText"), Object: quad.String(verb), Label: s},
		}
	}
	if _, _, err := st.ReplaceGraph(ctx, gaz, gaz, "v1", func() []quad.Quad {
		return []quad.Quad{
			{Subject: y, Predicate: typ, Object: ns("ArmedGroup"), Label: gaz},
			{Subject: y, Predicate: ns("memberOf"), Object: x, Label: gaz},
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.ReplaceArticle(ctx, id("article/1"), article("1", z, "shelled")); err != nil {
		t.Fatal(err)
	}
	// check compares each entity's summary with reading its facts.
	check := func(when string, current bool) {
		t.Helper()
		for _, e := range []quad.IRI{x, y, z} {
			facts, affs, ok, err := st.Summary(ctx, e)
			if err != nil || ok != current {
				t.Fatalf("%s: Summary(%s): current %v err %v, want current %v", when, e, ok, err, current)
			}
			if !ok {
				continue
			}
			wantF, err := st.FactsAbout(ctx, e, NewFactCache())
			if err != nil {
				t.Fatal(err)
			}
			wantA, err := st.Affiliations(ctx, e, gaz)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(wantF, facts); d != "" {
				t.Errorf("%s: facts of %s (-read +summary):\n%s", when, e, d)
			}
			if d := cmp.Diff(wantA, affs); d != "" {
				t.Errorf("%s: affiliations of %s (-read +summary):\n%s", when, e, d)
			}
		}
	}
	check("before Summarize", false)
	n, err := st.Summarize(ctx, SummaryOptions{Gazetteer: gaz, NameKey: strings.ToLower})
	if err != nil || n != 3 {
		t.Fatalf("Summarize: %d summaries, %v; want 3", n, err)
	}
	check("after Summarize", true)
	if n, err := st.Summarize(ctx, SummaryOptions{Gazetteer: gaz, NameKey: strings.ToLower}); err != nil || n != 0 {
		t.Errorf("Summarize again: %d summaries, %v; want none", n, err)
	}

	// A second article: stale until summarised again, then with both facts.
	w := id("location/w")
	if _, _, err := st.ReplaceArticle(ctx, id("article/2"), article("2", w, "bombed")); err != nil {
		t.Fatal(err)
	}
	check("after a write", false)
	if n, err := st.Summarize(ctx, SummaryOptions{Gazetteer: gaz, NameKey: strings.ToLower}); err != nil || n != 4 {
		t.Fatalf("Summarize after a write: %d summaries, %v; want 4", n, err)
	}
	check("summarised again", true)
	names, ok, err := st.Names(ctx)
	want := []Name{{"x", string(x), "X"}}
	if d := cmp.Diff(want, names); err != nil || !ok || d != "" {
		t.Errorf("Names: current %v, err %v, (-want +got):\n%s", ok, err, d)
	}
	facts, _, _, _ := st.Summary(ctx, x)
	if len(facts) != 2 {
		t.Errorf("x has %d facts in its summary, want 2", len(facts))
	}
	// Each entity keeps one summary, and exports never see them.
	all, err := quad.ReadAll(st.Quads(ctx))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range all {
		if q.Label == summaryGraph {
			t.Errorf("Quads gave a summary quad: %v", q)
		}
	}
	for _, e := range []quad.IRI{x, y, z, w} {
		if qs, _ := st.Match(ctx, quad.Subject, e, summaryP, summaryGraph, 0); len(qs) != 1 {
			t.Errorf("%s has %d summaries, want 1", e, len(qs))
		}
		// Nor does a match that does not ask for the summary graph.
		qs, _ := st.QuadsWith(ctx, quad.Subject, e)
		for _, q := range qs {
			if q.Label == summaryGraph {
				t.Errorf("QuadsWith(%s) gave a summary quad", e)
			}
		}
	}
	// A removed article leaves its entities' summaries stale too.
	if _, _, err := st.ReplaceArticle(ctx, id("article/2"), nil); err != nil {
		t.Fatal(err)
	}
	check("after a removal", false)
	if _, ok, err := st.Names(ctx); ok || err != nil {
		t.Errorf("Names after a removal: current %v, err %v; want stale", ok, err)
	}
}
