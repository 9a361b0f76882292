package store

import (
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// apply writes tx. Cayley's bolt backend (graph/kv, v0.7.7) resolves the
// values of the quads a transaction adds only among the values whose
// reference count the transaction raises or keeps: a value that the
// removals lower overall (an article rewritten with fewer "agreesTo" facts
// than before) is left out of the quads added with it, which are stored
// with that direction empty, and later reads show them with a nil
// predicate or subject. So on bolt such a transaction is written as two:
// the removals, then the additions. kgbuild holds bolt's lock for its whole
// run, so no reader sees the article in between; if kgbuild stops there,
// the article has no content hash left and the next run adds it again.
// Cayley's SQL backend writes quads by value hash and has no such problem.
func (s *Store) apply(tx *graph.Transaction) error {
	if _, ok := s.QuadStore.(*kv.QuadStore); !ok || !lowersAddedValue(tx.Deltas) {
		return s.w.ApplyTransaction(tx)
	}
	removals, additions := graph.NewTransaction(), graph.NewTransaction()
	for _, d := range tx.Deltas {
		if d.Action == graph.Add {
			additions.AddQuad(d.Quad)
		} else {
			removals.RemoveQuad(d.Quad)
		}
	}
	if err := s.w.ApplyTransaction(removals); err != nil {
		return err
	}
	return s.w.ApplyTransaction(additions)
}

// lowersAddedValue reports whether a value of a quad that deltas add has
// more removals than additions in deltas.
func lowersAddedValue(deltas []graph.Delta) bool {
	net := map[quad.Value]int{}
	for _, d := range deltas {
		n := 1
		if d.Action != graph.Add {
			n = -1
		}
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil {
				net[v] += n
			}
		}
	}
	for _, d := range deltas {
		if d.Action != graph.Add {
			continue
		}
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil && net[v] < 0 {
				return true
			}
		}
	}
	return false
}
