package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"

	"github.com/conflictkg/kg/internal/pgtest"
	"github.com/conflictkg/kg/schema"
)

// articleQuads returns quads of n articles from the k-th on: a content
// hash each and facts naming shared actors.
func articleQuads(k, n int) []quad.Quad {
	id := func(s string, a ...any) quad.IRI {
		return quad.IRI("https://conflictkg.org/id/" + fmt.Sprintf(s, a...))
	}
	var out []quad.Quad
	for i := k; i < k+n; i++ {
		a := id("article/%d", i)
		out = append(out,
			quad.Quad{Subject: a, Predicate: iri(schema.ContentHash), Object: quad.String(fmt.Sprint("hash", i)), Label: a},
			quad.Quad{Subject: id("fact/%d", i), Predicate: iri(schema.Subject), Object: id("actor/%d", i%5), Label: a},
			quad.Quad{Subject: id("fact/%d", i), Predicate: iri(schema.Object), Object: id("actor/%d", i%3), Label: a},
		)
	}
	return out
}

// TestBulkLoad: during a bulk load ArticleHash answers for the articles
// stored before and during it, readers in other sessions get the same
// answers as after it, and a load that dies (no FinishLoad) is finished by
// the next writer to open the database, leaving what a finished one leaves.
func TestBulkLoad(t *testing.T) {
	ctx := context.Background()
	open := func(addr string, ro bool) *Store {
		st, err := Open(addr, Options{ReadOnly: ro})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	finished, died := pgtest.Database(t), pgtest.Database(t)
	dropped := len(deferredIndexes) + len(deferredKeys)
	var schemas, counts [2][]string
	for i, addr := range []string{finished, died} {
		w := open(addr, false)
		if _, err := w.AddArticles(ctx, articleQuads(0, 10)); err != nil {
			t.Fatal(err)
		}
		if ok, err := w.BeginLoad(ctx, 1000, BulkAuto); ok || err != nil {
			t.Fatalf("BeginLoad of 1,000 quads: %v, %v; want no bulk load (fewer than bulkMinQuads)", ok, err)
		}
		if ok, err := w.BeginLoad(ctx, bulkMinQuads, BulkAuto); !ok || err != nil {
			t.Fatalf("BeginLoad of %d quads: %v, %v; want a bulk load", bulkMinQuads, ok, err)
		}
		if _, err := w.AddArticles(ctx, articleQuads(10, 50)); err != nil {
			t.Fatal(err)
		}
		for _, a := range []int{3, 42} {
			if h, err := w.ArticleHash(ctx, quad.IRI(fmt.Sprint("https://conflictkg.org/id/article/", a))); h != fmt.Sprint("hash", a) || err != nil {
				t.Errorf("ArticleHash of article %d during the load: %q, %v", a, h, err)
			}
		}
		if n, err := w.missingIndexes(ctx); n != dropped || err != nil {
			t.Errorf("during the load %d indexes and keys are missing (%v); want %d", n, err, dropped)
		}
		r := open(addr, true)
		during, err := r.QuadsWith(ctx, quad.Object, quad.IRI("https://conflictkg.org/id/actor/2"))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if err := w.FinishLoad(ctx); err != nil {
				t.Fatal(err)
			}
		} else {
			w.sql.bulk = nil // as if the process died: Close finishes nothing
		}
		w.Close()
		if i == 1 {
			if n, err := r.missingIndexes(ctx); n != dropped || err != nil {
				t.Errorf("after the load died %d indexes and keys are missing (%v); want %d", n, err, dropped)
			}
			open(addr, false).Close() // finishes the load
		}
		if n, err := r.missingIndexes(ctx); n != 0 || err != nil {
			t.Errorf("%d indexes and keys missing (%v)", n, err)
		}
		after, err := r.QuadsWith(ctx, quad.Object, quad.IRI("https://conflictkg.org/id/actor/2"))
		if err != nil {
			t.Fatal(err)
		}
		var want []quad.Quad
		for _, q := range articleQuads(0, 60) {
			if q.Object == quad.IRI("https://conflictkg.org/id/actor/2") {
				want = append(want, q)
			}
		}
		if d := cmp.Diff(want, after); d != "" {
			t.Errorf("a reader's answer after the load (-want +got):\n%s", d)
		}
		if d := cmp.Diff(after, during); d != "" {
			t.Errorf("a reader's answer during the load differs from after it (-after +during):\n%s", d)
		}
		schemas[i] = tableRows(t, r, schemaOf)
		counts[i] = tableRows(t, r, `SELECT encode(hash, 'hex'), refs FROM nodes ORDER BY 1`)
		uses := tableRows(t, r, `SELECT encode(h, 'hex'), count(*) FROM (SELECT subject_hash AS h FROM quads UNION ALL SELECT predicate_hash FROM quads
		UNION ALL SELECT object_hash FROM quads UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL) x GROUP BY h ORDER BY 1`)
		if d := cmp.Diff(uses, counts[i]); d != "" {
			t.Errorf("reference counts (-uses +refs):\n%s", d)
		}
	}
	if d := cmp.Diff(schemas[0], schemas[1]); d != "" {
		t.Errorf("indexes and keys (-finished +recovered):\n%s", d)
	}
	if d := cmp.Diff(counts[0], counts[1]); d != "" {
		t.Errorf("reference counts (-finished +recovered):\n%s", d)
	}
}
