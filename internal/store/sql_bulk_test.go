package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"

	"github.com/conflictkg/kg/internal/pgtest"
)

// TestCopyLikeCayley writes the same quads into one database through
// Cayley's SQL writer and into another through copyQuads, twice each and
// then some more, and compares the tables row by row: the same values, hashes
// and reference counts, the same quads in the same order. The copy is made
// as a bulk load too (sql_load.go), which stores the repeated quads and
// removes them when it ends: then the tables, the reference counts and
// Cayley's indexes and keys are as Cayley's writer leaves them.
func TestCopyLikeCayley(t *testing.T) {
	for _, bulk := range []bool{false, true} {
		t.Run(fmt.Sprintf("bulk=%v", bulk), func(t *testing.T) { testCopyLikeCayley(t, bulk) })
	}
}

func testCopyLikeCayley(t *testing.T, bulk bool) {
	ctx := context.Background()
	id := func(s string) quad.IRI { return quad.IRI("https://conflictkg.org/id/" + s) }
	ns := func(s string) quad.IRI { return quad.IRI("https://conflictkg.org/ns#" + s) }
	var first, second []quad.Quad
	for i := range 300 {
		a := id(fmt.Sprintf("article/%d", i%7))
		q := []quad.Quad{
			{Subject: id(fmt.Sprintf("fact/%d", i)), Predicate: ns("subject"), Object: id(fmt.Sprintf("actor/%d", i%11)), Label: a},
			{Subject: id(fmt.Sprintf("fact/%d", i)), Predicate: ns("confidence"), Object: quad.TypedString{Value: quad.String(fmt.Sprint(i % 5)), Type: "http://www.w3.org/2001/XMLSchema#decimal"}, Label: a},
			{Subject: id(fmt.Sprintf("actor/%d", i%11)), Predicate: ns("alias"), Object: quad.String(fmt.Sprintf("Name\x00 %d \"quoted\"\n", i%13)), Label: a},
			{Subject: a, Predicate: ns("title"), Object: quad.LangString{Value: "Titre", Lang: "fr"}, Label: a},
			{Subject: a, Predicate: ns("n"), Object: quad.Int(i)},
			{Subject: a, Predicate: ns("when"), Object: quad.Time(time.Date(2016, 3, 4, 0, 0, 0, 0, time.UTC))},
			{Subject: quad.BNode(fmt.Sprint("b", i%3)), Predicate: ns("ok"), Object: quad.Bool(i%2 == 0)},
		}
		if i < 200 {
			first = append(first, q...)
		}
		if i >= 150 {
			second = append(second, q...) // a third of them again
		}
	}
	open := func() *Store {
		st, err := Open(pgtest.Database(t), Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	cayley, copied := open(), open()
	nodes := `SELECT encode(hash, 'hex'), refs, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time FROM nodes ORDER BY hash`
	values := `SELECT encode(hash, 'hex'), value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time FROM nodes ORDER BY hash`
	quads := `SELECT encode(subject_hash, 'hex'), encode(predicate_hash, 'hex'), encode(object_hash, 'hex'), encode(label_hash, 'hex') FROM quads ORDER BY horizon`
	// Each value's uses, as quads hold them.
	uses := `SELECT encode(h, 'hex'), count(*) FROM (SELECT subject_hash AS h FROM quads UNION ALL SELECT predicate_hash FROM quads
		UNION ALL SELECT object_hash FROM quads UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL) x GROUP BY h ORDER BY 1`
	refs := `SELECT encode(hash, 'hex'), refs FROM nodes ORDER BY 1`
	want := []int{len(distinctQuads(first)), 0, len(distinctQuads(second)) - len(distinctQuads(first[150*7:]))}
	if bulk {
		// BeginLoad raises the store's generation first, as a write does.
		if err := cayley.beginWrite(ctx); err != nil {
			t.Fatal(err)
		}
		if ok, err := copied.BeginLoad(ctx, 0, BulkOn); !ok || err != nil {
			t.Fatalf("BeginLoad: %v, %v; want a bulk load", ok, err)
		}
	}
	for i, batch := range [][]quad.Quad{first, first, second} {
		if err := cayley.w.AddQuadSet(batch); err != nil {
			t.Fatal(err)
		}
		n, err := copied.copyQuads(ctx, batch)
		if bulk {
			// A bulk load counts every distinct quad of a batch, and
			// removes those already stored when it ends.
			want[i] = len(distinctQuads(batch))
		}
		if err != nil || n != want[i] {
			t.Fatalf("copy %d: %d new quads, err %v; want %d", i, n, err, want[i])
		}
		if bulk {
			continue
		}
		// Cayley's writer raises the counts of a duplicate's values too,
		// which only keeps values it could delete; copyQuads counts the
		// quads that hold a value, so after the first batch the counts
		// are the same and later ones are exact.
		tables := []string{values, quads}
		if i == 0 && !bulk {
			tables = append(tables, nodes)
		}
		for _, table := range tables {
			if d := cmp.Diff(tableRows(t, cayley, table), tableRows(t, copied, table)); d != "" {
				t.Errorf("after batch %d: %s: (-cayley +copy):\n%s", i, table, d)
			}
		}
		if d := cmp.Diff(tableRows(t, copied, uses), tableRows(t, copied, refs)); d != "" {
			t.Errorf("after batch %d: reference counts of the copy (-uses +refs):\n%s", i, d)
		}
	}
	if bulk {
		if err := copied.FinishLoad(ctx); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{values, quads} {
			if d := cmp.Diff(tableRows(t, cayley, table), tableRows(t, copied, table)); d != "" {
				t.Errorf("after the load: %s: (-cayley +copy):\n%s", table, d)
			}
		}
		if d := cmp.Diff(tableRows(t, copied, uses), tableRows(t, copied, refs)); d != "" {
			t.Errorf("after the load: reference counts of the copy (-uses +refs):\n%s", d)
		}
		if d := cmp.Diff(tableRows(t, cayley, schemaOf), tableRows(t, copied, schemaOf)); d != "" {
			t.Errorf("after the load: indexes and keys (-cayley +copy):\n%s", d)
		}
	}
	// And Cayley's own reader reads the copied store back as the quads written.
	got, err := quad.ReadAll(graph.NewQuadStoreReader(copied.QuadStore))
	if err != nil {
		t.Fatal(err)
	}
	written := distinctQuads(append(first, second...))
	got = slices.DeleteFunc(got, func(q quad.Quad) bool { return q.Label == summaryGraph }) // the generation
	sortQuads(got)
	sortQuads(written)
	if d := cmp.Diff(written, got); d != "" {
		t.Errorf("the copied store reads back (-written +read):\n%s", d)
	}
}

// schemaOf lists the indexes and constraints of Cayley's tables.
const schemaOf = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('nodes', 'quads')
	UNION ALL SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('nodes'::regclass, 'quads'::regclass)
	ORDER BY 1`

// tableRows returns the rows of a query, each as text.
func tableRows(t *testing.T, st *Store, query string) []string {
	t.Helper()
	rows, err := st.sql.db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, v := range vals {
			if x, ok := v.([]byte); ok {
				v = string(x)
			}
			fmt.Fprintf(&b, "%v|", v)
		}
		out = append(out, b.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
