package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"
)

// TestBulkLikeCayley writes the same steps into two stores, new quads
// through bulkWrite in one and through Cayley's own writer in the other,
// and checks that the two bolt files hold the same keys and values, byte
// for byte but for the write times in Cayley's log. The steps cover new
// and known values, quads repeated in a transaction and already stored,
// quads without a graph, typed literals, and values and quads that
// removed in between (a removed quad stays in the log, marked deleted; a
// value no quad uses any more is deleted), and removing quads that are not
// stored.
func TestBulkLikeCayley(t *testing.T) {
	iri := func(s string) quad.IRI { return quad.IRI("https://example.org/" + s) }
	q := func(s, p string, o quad.Value, label string) quad.Quad {
		qq := quad.Quad{Subject: iri(s), Predicate: iri(p), Object: o}
		if label != "" {
			qq.Label = iri(label)
		}
		return qq
	}
	day := time.Date(2018, 3, 4, 0, 0, 0, 0, time.UTC)
	a1 := []quad.Quad{
		q("a1", "type", iri("Article"), "a1"),
		q("a1", "title", quad.String("Truce in Douma"), "a1"),
		q("a1", "published", quad.TypedString{Value: "2018-03-04", Type: "http://www.w3.org/2001/XMLSchema#date"}, "a1"),
		q("a1", "index", quad.Int(3), "a1"),
		q("a1", "negated", quad.Bool(false), "a1"),
		q("a1", "when", quad.Time(day), "a1"),
		q("a1", "lang", quad.LangString{Value: "hudna", Lang: "ar"}, "a1"),
		q("jai", "label", quad.String("Jaish al-Islam"), "a1"),
		q("jai", "denies", iri("truce"), "a1/s1"),
		q("jai", "label", quad.String("Jaish al-Islam"), "a1"), // again in the same transaction
		q("jai", "type", iri("ArmedGroup"), ""),                // no graph
	}
	a2 := []quad.Quad{
		q("a2", "type", iri("Article"), "a2"),
		q("jai", "label", quad.String("Jaish al-Islam"), "a1"), // stored already
		q("jai", "type", iri("ArmedGroup"), ""),                // stored already, no graph
		q("jai", "denies", iri("truce"), "a1"),                 // every value known, the quad new
		q("truce", "label", quad.String("Truce in Douma"), "a2"),
	}
	type step struct {
		name   string
		add    []quad.Quad // through bulkWrite, or Cayley's writer in the other store
		remove []quad.Quad // the same
	}
	steps := []step{
		{name: "first article", add: a1},
		{name: "second article", add: a2},
		{name: "nothing new", add: a1[:3]},
		{name: "remove", remove: []quad.Quad{a1[1], a1[8], a2[3], a2[0], q("a9", "type", iri("Article"), "a9"), q("a1", "type", iri("Article"), "a2")}},
		{name: "add back what was removed", add: append([]quad.Quad{a2[0], a1[8]}, q("a3", "type", iri("Article"), "a3"))},
	}
	open := func(name string) *Store {
		st, err := Open(filepath.Join(t.TempDir(), name), Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	bulk, cayley := open("bulk.db"), open("cayley.db")
	bulk.dirty = true // no generation: the writers alone are compared
	for _, s := range steps {
		if s.add != nil {
			n, err := bulk.AddArticles(context.Background(), s.add)
			if err != nil {
				t.Fatalf("%s: AddArticles: %v", s.name, err)
			}
			m, err := cayley.addWithCayley(s.add)
			if err != nil {
				t.Fatalf("%s: Cayley's writer: %v", s.name, err)
			}
			if n != m {
				t.Errorf("%s: AddArticles counted %d quads, Cayley's writer %d", s.name, n, m)
			}
		}
		if s.remove != nil {
			if _, err := bulk.bulkWrite(nil, s.remove); err != nil {
				t.Fatalf("%s: bulkWrite: %v", s.name, err)
			}
			tx := graph.NewTransaction()
			for _, q := range s.remove {
				tx.RemoveQuad(q)
			}
			if err := cayley.w.ApplyTransaction(tx); err != nil {
				t.Fatalf("%s: Cayley's writer: %v", s.name, err)
			}
		}
		if d := cmp.Diff(boltDump(t, cayley), boltDump(t, bulk)); d != "" {
			t.Fatalf("after %q the stores differ (-Cayley's writer +bulkWrite):\n%s", s.name, d)
		}
	}
	// And Cayley reads the quads back.
	got, err := bulk.QuadsWith(context.Background(), quad.Subject, iri("jai"))
	if err != nil || len(got) != 3 {
		t.Errorf("quads about jai: %v, %v; want 3", got, err)
	}
}

// boltDump returns every key of a store's bolt file with its value; in
// Cayley's log, a primitive's write time is left out.
func boltDump(t *testing.T, st *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	var walk func(path string, b *bolt.Bucket) error
	walk = func(path string, b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			key := fmt.Sprintf("%s/%x", path, k)
			if v == nil {
				return walk(key, b.Bucket(k))
			}
			if path == `"log"` {
				var p proto.Primitive
				if err := p.Unmarshal(v); err != nil {
					return err
				}
				p.Timestamp = 0
				out[key] = p.String()
				return nil
			}
			out[key] = fmt.Sprintf("%x", v)
			return nil
		})
	}
	err := st.bolt.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error { return walk(fmt.Sprintf("%q", name), b) })
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReplaceShrinking replaces an article with a version that has fewer
// quads, one transaction removing some quads and adding others. Cayley's
// own writer stores the added quads without the article's node when its
// reference count goes down (the article's hash would read as missing);
// the store must hold exactly the new version, every value readable.
func TestReplaceShrinking(t *testing.T) {
	ctx := context.Background()
	iri := func(s string) quad.IRI { return quad.IRI("https://example.org/" + s) }
	a := iri("a1")
	hash := iri("contentHash")
	old := []quad.Quad{
		{Subject: a, Predicate: hash, Object: quad.String("old"), Label: a},
		{Subject: a, Predicate: iri("title"), Object: quad.String("Truce"), Label: a},
		{Subject: a, Predicate: iri("mentions"), Object: iri("jai"), Label: a},
		{Subject: a, Predicate: iri("mentions"), Object: iri("russia"), Label: a},
		{Subject: iri("a1/s1"), Predicate: iri("inArticle"), Object: a, Label: a},
	}
	now := []quad.Quad{
		{Subject: a, Predicate: hash, Object: quad.String("new"), Label: a},
		{Subject: a, Predicate: iri("title"), Object: quad.String("Truce"), Label: a},
	}
	st, err := Open(filepath.Join(t.TempDir(), "kg.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.AddArticles(context.Background(), old); err != nil {
		t.Fatal(err)
	}
	st.ValueOf(iri("a1/s1")) // Cayley remembers the id of an IRI it read
	added, removed, err := st.replace(context.Background(), old, now, "article")
	if err != nil || added != 1 || removed != 4 {
		t.Fatalf("replace: %d added, %d removed, %v; want 1, 4", added, removed, err)
	}
	got, err := quad.ReadAll(st.Quads(context.Background())) // less the generation
	if err != nil {
		t.Fatal(err)
	}
	var lines, want []string
	for _, q := range got {
		lines = append(lines, q.NQuad())
	}
	for _, q := range now {
		want = append(want, q.NQuad())
	}
	slices.Sort(lines)
	slices.Sort(want)
	if d := cmp.Diff(want, lines); d != "" {
		t.Errorf("store after replacing (-want +got):\n%s", d)
	}
	if v := st.ValueOf(iri("a1/s1")); v != nil {
		t.Errorf("a value no quad uses is still found: %v", v)
	}
	// Re-adding a removed value gives it a new id that reads are told of.
	if _, err := st.AddArticles(context.Background(), []quad.Quad{{Subject: iri("a1/s1"), Predicate: iri("inArticle"), Object: a, Label: a}}); err != nil {
		t.Fatal(err)
	}
	if qs, err := st.QuadsWith(ctx, quad.Subject, iri("a1/s1")); err != nil || len(qs) != 1 {
		t.Errorf("quads of a value added again: %v, %v; want 1", qs, err)
	}
}

// TestCayleyWriterFallback: a store bulkWrite cannot write (another
// backend has no bolt file) is written through Cayley's writer.
func TestCayleyWriterFallback(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "kg.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.bolt = nil // as a store of another backend has none
	a := quad.IRI("https://example.org/a1")
	q1 := quad.Quad{Subject: a, Predicate: quad.IRI("https://example.org/title"), Object: quad.String("Truce"), Label: a}
	q2 := quad.Quad{Subject: a, Predicate: quad.IRI("https://example.org/title"), Object: quad.String("Ceasefire"), Label: a}
	if n, err := st.AddArticles(context.Background(), []quad.Quad{q1}); n != 1 || err != nil {
		t.Fatalf("AddArticles: %d, %v; want 1 quad", n, err)
	}
	if added, removed, err := st.replace(context.Background(), []quad.Quad{q1}, []quad.Quad{q2}, "article"); added != 1 || removed != 1 || err != nil {
		t.Fatalf("replace: %d added, %d removed, %v; want 1, 1", added, removed, err)
	}
	got, err := st.QuadsWith(context.Background(), quad.Subject, a)
	if err != nil || len(got) != 1 || got[0] != q2 {
		t.Errorf("quads of the article: %v, %v; want %v", got, err, q2)
	}
}
