package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(filepath.Join(dir, "none.db"), Options{ReadOnly: true}); !errors.Is(err, ErrNotFound) {
		t.Errorf("read-only open of a missing store: %v, want ErrNotFound", err)
	}
	file := filepath.Join(dir, "file.db")
	os.WriteFile(file, []byte("x"), 0o644)
	if _, err := Open(file, Options{}); err == nil {
		t.Errorf("opening a plain file as a store succeeded")
	}
}

// TestLocked: a store open for writing makes a reader fail fast with
// ErrLocked instead of hanging; readers share the store.
func TestLocked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	w, err := Open(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Open(db, Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Errorf("reader while writing: %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("reader waited %v for the lock", d)
	}
	w.Close()
	r1, err := Open(db, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(db, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	r2.Close()
}

func TestReplaceArticle(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "kg.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := quad.IRI("https://conflictkg.org/id/article/a")
	s0 := quad.IRI("https://conflictkg.org/id/article/a/sentence/0")
	f := quad.IRI("https://conflictkg.org/id/fact/1")
	x, y := quad.IRI("https://conflictkg.org/id/actor/x"), quad.IRI("https://conflictkg.org/id/actor/y")
	p := quad.IRI("https://conflictkg.org/ns#attacks")
	ns := func(s string) quad.IRI { return quad.IRI("https://conflictkg.org/ns#" + s) }
	v1 := []quad.Quad{
		{Subject: a, Predicate: ns("contentHash"), Object: quad.String("h1"), Label: a},
		{Subject: s0, Predicate: ns("inArticle"), Object: a, Label: a},
		{Subject: x, Predicate: ns("alias"), Object: quad.String("X"), Label: a},
		{Subject: f, Predicate: ns("inSentence"), Object: s0, Label: s0},
		{Subject: f, Predicate: ns("subject"), Object: x, Label: s0},
		{Subject: f, Predicate: ns("predicate"), Object: p, Label: s0},
		{Subject: f, Predicate: ns("object"), Object: y, Label: s0},
		{Subject: x, Predicate: p, Object: y, Label: s0},
	}
	added, removed, err := st.ReplaceArticle(ctx, a, v1)
	if err != nil || added != len(v1) || removed != 0 {
		t.Fatalf("first write: added %d removed %d err %v", added, removed, err)
	}
	if h, _ := st.ArticleHash(ctx, a); h != "h1" {
		t.Errorf("ArticleHash = %q", h)
	}
	got, err := st.ArticleQuads(ctx, a)
	if err != nil || len(got) != len(v1) {
		t.Errorf("ArticleQuads: %d quads, err %v; want %d", len(got), err, len(v1))
	}
	// The same quads again: nothing to do.
	if added, removed, _ := st.ReplaceArticle(ctx, a, v1); added+removed != 0 {
		t.Errorf("rewrite: added %d removed %d, want nothing", added, removed)
	}
	// Removal takes every quad of the article.
	if _, removed, err := st.ReplaceArticle(ctx, a, nil); err != nil || removed != len(v1) {
		t.Errorf("remove: removed %d err %v, want %d", removed, err, len(v1))
	}
	left, err := quad.ReadAll(st.Quads(ctx))
	if err != nil || len(left) != 0 {
		t.Errorf("%d quads left after removal (err %v): %v", len(left), err, left)
	}
}

// TestReplaceGraph checks that a defined graph is written, left alone while
// its version holds (without building its quads), and replaced whole.
func TestReplaceGraph(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "kg.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g := quad.IRI("https://conflictkg.org/id/gazetteer")
	a, b := quad.IRI("https://conflictkg.org/id/actor/a"), quad.IRI("https://conflictkg.org/id/actor/b")
	defined := quad.IRI("http://www.w3.org/2000/01/rdf-schema#isDefinedBy")
	label := quad.IRI("http://www.w3.org/2000/01/rdf-schema#label")
	v1 := []quad.Quad{
		{Subject: a, Predicate: defined, Object: g, Label: g},
		{Subject: a, Predicate: label, Object: quad.String("A"), Label: g},
	}
	v2 := []quad.Quad{
		{Subject: b, Predicate: defined, Object: g, Label: g},
		{Subject: b, Predicate: label, Object: quad.String("B"), Label: g},
	}
	if added, _, err := st.ReplaceGraph(ctx, g, g, Version(v1), func() []quad.Quad { return v1 }); err != nil || added != 3 {
		t.Fatalf("first write: added %d, err %v; want 3 (with the version)", added, err)
	}
	added, removed, err := st.ReplaceGraph(ctx, g, g, Version(v1), func() []quad.Quad { t.Error("quads built for a stored version"); return v1 })
	if err != nil || added+removed != 0 {
		t.Errorf("same version: added %d removed %d err %v", added, removed, err)
	}
	added, removed, err = st.ReplaceGraph(ctx, g, g, Version(v2), func() []quad.Quad { return v2 })
	if err != nil || added != 3 || removed != 3 {
		t.Errorf("new version: added %d removed %d err %v, want 3 and 3", added, removed, err)
	}
	got, err := st.DefinedQuads(ctx, g, g)
	if err != nil || len(got) != 3 {
		t.Errorf("DefinedQuads = %v, %v; want v2 and its version", got, err)
	}
	if Version(v1) == Version(v2) || Version(v1) != Version([]quad.Quad{v1[1], v1[0]}) {
		t.Error("Version depends on order or ignores content")
	}
}
