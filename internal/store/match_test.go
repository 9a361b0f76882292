package store

import (
	"context"
	"path/filepath"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"
)

// TestMatch compares Match, which goes through the indexes, with filtering
// every quad of the store, on a store opened for writing and read-only (which
// caches values), asked twice.
func TestMatch(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "kg.db")
	ns := func(s string) quad.IRI { return quad.IRI("https://conflictkg.org/ns#" + s) }
	id := func(s string) quad.IRI { return quad.IRI("https://conflictkg.org/id/" + s) }
	x, y, z := id("actor/x"), id("actor/y"), id("actor/z")
	g, a1, a2 := id("gazetteer"), id("article/1"), id("article/2")
	label := quad.IRI("http://www.w3.org/2000/01/rdf-schema#label")
	quads := []quad.Quad{
		{Subject: x, Predicate: label, Object: quad.String("X"), Label: g},
		{Subject: x, Predicate: ns("memberOf"), Object: y, Label: g},
		{Subject: x, Predicate: label, Object: quad.String("X"), Label: a1},
		{Subject: x, Predicate: ns("alias"), Object: quad.String("Ex"), Label: a1},
		{Subject: x, Predicate: ns("attacks"), Object: y, Label: a1},
		{Subject: x, Predicate: ns("attacks"), Object: z, Label: a2},
		{Subject: z, Predicate: ns("memberOf"), Object: y, Label: g},
		{Subject: y, Predicate: label, Object: quad.String("Y"), Label: g},
		{Subject: id("fact/1"), Predicate: ns("subject"), Object: x, Label: a1},
		{Subject: id("fact/1"), Predicate: ns("object"), Object: y, Label: a1},
	}
	w, err := Open(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.AddQuads(quads); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		d        quad.Direction
		v, p, lb quad.Value
		limit    int
	}{
		{"subject", quad.Subject, x, nil, nil, 0},
		{"subject and predicate", quad.Subject, x, label, nil, 0},
		{"first only", quad.Subject, x, label, nil, 1},
		{"subject in a graph", quad.Subject, x, nil, g, 0},
		{"subject, predicate and graph", quad.Subject, x, ns("attacks"), a2, 0},
		{"object and predicate", quad.Object, y, ns("memberOf"), nil, 0},
		{"object, predicate and graph", quad.Object, y, ns("memberOf"), g, 0},
		{"object", quad.Object, y, nil, nil, 0},
		{"predicate alone", quad.Predicate, label, nil, nil, 0},
		{"unknown value", quad.Subject, id("actor/none"), nil, nil, 0},
		{"unknown predicate", quad.Subject, x, ns("none"), nil, 0},
		{"unknown graph", quad.Subject, x, nil, id("none"), 0},
	}
	check := func(st *Store, pass string) {
		for _, c := range cases {
			var want []quad.Quad
			for _, q := range quads {
				if q.Get(c.d) == c.v && (c.p == nil || q.Predicate == c.p) && (c.lb == nil || q.Label == c.lb) {
					want = append(want, q)
				}
			}
			got, err := st.Match(ctx, c.d, c.v, c.p, c.lb, c.limit)
			if err != nil {
				t.Fatalf("%s %s: %v", pass, c.name, err)
			}
			if c.limit > 0 {
				// The oldest quads first: those written first.
				if len(want) > c.limit {
					want = want[:c.limit]
				}
			} else {
				sortQuads(got)
				sortQuads(want)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s %s: Match differs from filtering (-want +got):\n%s", pass, c.name, diff)
			}
		}
	}
	check(w, "writer")
	w.Close()
	r, err := Open(db, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	check(r, "reader")
	check(r, "reader again")
	all, err := quad.ReadAll(r.Quads(ctx))
	if err != nil || len(all) != len(quads) {
		t.Errorf("store holds %d quads (err %v), want %d", len(all), err, len(quads))
	}
}

func sortQuads(qs []quad.Quad) {
	sort.Slice(qs, func(i, j int) bool { return qs[i].NQuad() < qs[j].NQuad() })
}
