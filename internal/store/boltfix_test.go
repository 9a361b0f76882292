package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"
)

// TestReplaceLowersValue rewrites a graph so that a predicate loses more
// quads than it gains while a new quad uses it: every quad must keep its
// values (Cayley's bolt backend left them out; see apply).
func TestReplaceLowersValue(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "kg.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, g1, g2 := quad.IRI("p"), quad.IRI("g1"), quad.IRI("g2")
	old := []quad.Quad{
		{Subject: quad.IRI("a"), Predicate: p, Object: quad.IRI("b"), Label: g1},
		{Subject: quad.IRI("c"), Predicate: p, Object: quad.IRI("d"), Label: g1},
	}
	other := quad.Quad{Subject: quad.IRI("e"), Predicate: p, Object: quad.IRI("f"), Label: g2}
	if err := st.AddQuads(append(old, other)); err != nil {
		t.Fatal(err)
	}
	added := quad.Quad{Subject: quad.IRI("x"), Predicate: p, Object: quad.IRI("a"), Label: g1}
	if _, _, err := st.replace(context.Background(), old, []quad.Quad{added}, "test"); err != nil {
		t.Fatal(err)
	}
	// And once more, so that a miscounted value would be deleted.
	if _, _, err := st.replace(context.Background(), []quad.Quad{added}, []quad.Quad{old[0]}, "test"); err != nil {
		t.Fatal(err)
	}
	r := st.Quads(ctx)
	defer r.Close()
	got, err := quad.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	sortQuads(got)
	want := []quad.Quad{old[0], other}
	sortQuads(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("store after replacing (-want +got):\n%s", diff)
	}
}
