package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// copyQuads adds quads to a PostgreSQL store in one transaction, straight
// into Cayley's own nodes and quads tables, and returns how many were new.
//
// Cayley's SQL writer sends one INSERT per value and one per quad, each a
// round trip: some 2,000 quads a second. Here the values and quads go to
// temporary tables by COPY, and three statements move them: new values
// into nodes, new quads into quads (a duplicate is skipped, as Cayley's
// writer skips it), then every value's reference count raised by the quads
// that were inserted. The rows are the ones Cayley's writer makes — the
// same hashes, value columns and reference counts (TestCopyLikeCayley) —
// so Cayley reads the store as its own.
func (s *Store) copyQuads(ctx context.Context, quads []quad.Quad) (n int, err error) {
	quads = distinctQuads(quads)
	tx, err := s.sql.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE kg_nodes (LIKE nodes) ON COMMIT DROP`); err != nil {
		return 0, fmt.Errorf("copy: %v", err)
	}

	// The distinct values, with the columns Cayley fills for their type.
	at := map[string]int{}
	for i, c := range copyNodeColumns {
		at[c] = i
	}
	// Each value is hashed once: a quad's values repeat (predicates, graphs,
	// entities), and SHA-1 was a third of the client's time. Only values of
	// comparable types are map keys (a quad.Value could hold a slice).
	hashes := map[quad.Value]string{}
	hashOf := func(v quad.Value) string {
		keep := hashable(v)
		if keep {
			if h, ok := hashes[v]; ok {
				return h
			}
		}
		h := csql.HashOf(v)
		text := byteaText(h.ValueHash[:])
		if keep {
			hashes[v] = text
		}
		return text
	}
	seen := map[string]bool{}
	err = copyRows(ctx, tx, "kg_nodes", copyNodeColumns, func(row func(...any) error) error {
		for _, q := range quads {
			for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
				if v == nil {
					continue
				}
				h := hashOf(v)
				if seen[h] {
					continue
				}
				seen[h] = true
				typ, vals, err := csql.NodeValues(csql.HashOf(v), v)
				if err != nil {
					return err
				}
				r := make([]any, len(copyNodeColumns))
				r[at["hash"]], r[at["refs"]] = h, 0
				for i, c := range typ.Columns() {
					r[at[c]] = vals[i+1]
				}
				if err := row(r...); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO nodes SELECT * FROM kg_nodes ON CONFLICT (hash) DO NOTHING`); err != nil {
		return 0, fmt.Errorf("copy: nodes: %v", err)
	}
	// quadRows copies the quads, in input order, into table: the horizon
	// orders quads oldest first, as Cayley's writer inserts them. With ts
	// the timestamp column is filled too, as Cayley's writer fills it.
	quadRows := func(table string, ts any) error {
		cols := []string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}
		if ts != nil {
			cols = append(cols, "ts")
		}
		return copyRows(ctx, tx, table, cols, func(row func(...any) error) error {
			r := make([]any, len(cols))
			for _, q := range quads {
				r[0], r[1], r[2], r[3] = hashOf(q.Subject), hashOf(q.Predicate), hashOf(q.Object), nil
				if q.Label != nil {
					r[3] = hashOf(q.Label)
				}
				if ts != nil {
					r[4] = ts
				}
				if err := row(r...); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if s.sql.bulk != nil {
		// Straight into the table, which has no index but its primary
		// key: duplicates and reference counts are seen to when the load
		// ends (sql_load.go).
		var now time.Time
		if err := tx.QueryRowContext(ctx, `SELECT now()`).Scan(&now); err != nil {
			return 0, fmt.Errorf("copy: %v", err)
		}
		if err := quadRows("quads", now); err != nil {
			return 0, err
		}
		if err := tx.Commit(); err != nil {
			return 0, fmt.Errorf("copy: %v", err)
		}
		s.sql.bulk.noteHashes(quads)
		return len(quads), nil
	}
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE kg_quads (ord bigserial, subject_hash bytea, predicate_hash bytea, object_hash bytea, label_hash bytea) ON COMMIT DROP`); err != nil {
		return 0, fmt.Errorf("copy: %v", err)
	}
	if err := quadRows("kg_quads", nil); err != nil {
		return 0, err
	}
	err = tx.QueryRowContext(ctx, `WITH ins AS (
	INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
	SELECT subject_hash, predicate_hash, object_hash, label_hash, now() FROM kg_quads ORDER BY ord
	ON CONFLICT DO NOTHING
	RETURNING subject_hash, predicate_hash, object_hash, label_hash
), uses AS (
	SELECT h, count(*) AS n FROM (
		SELECT subject_hash AS h FROM ins UNION ALL SELECT predicate_hash FROM ins
		UNION ALL SELECT object_hash FROM ins UNION ALL SELECT label_hash FROM ins WHERE label_hash IS NOT NULL
	) x GROUP BY h
), upd AS (
	UPDATE nodes SET refs = nodes.refs + uses.n FROM uses WHERE nodes.hash = uses.h
)
SELECT count(*) FROM ins`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("copy: quads: %v", err)
	}
	// Values only duplicates used: Cayley keeps no node without a quad.
	if _, err := tx.ExecContext(ctx, `DELETE FROM nodes USING kg_nodes t WHERE nodes.hash = t.hash AND nodes.refs = 0`); err != nil {
		return 0, fmt.Errorf("copy: nodes: %v", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("copy: %v", err)
	}
	return n, nil
}

// copyNodeColumns are the columns of Cayley's nodes table that copyQuads fills.
var copyNodeColumns = []string{"hash", "refs", "value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// copyRows runs COPY table (columns) FROM STDIN in tx with the rows that
// rows gives to its row function.
func copyRows(ctx context.Context, tx *sql.Tx, table string, columns []string, rows func(row func(...any) error) error) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, columns...))
	if err != nil {
		return fmt.Errorf("copy %s: %v", table, err)
	}
	defer stmt.Close()
	err = rows(func(vals ...any) error {
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = byteaText(b)
			}
		}
		_, err := stmt.ExecContext(ctx, vals...)
		return err
	})
	if err == nil {
		_, err = stmt.ExecContext(ctx) // flush
	}
	if err != nil {
		return fmt.Errorf("copy %s (%s): %w", table, strings.Join(columns, ", "), err)
	}
	return nil
}

// byteaText is b as COPY's text format takes a bytea: \x and hex digits.
// lib/pq's COPY does not know the server's version and escapes every byte
// in the old format with fmt.Sprintf, which took most of the client's time.
func byteaText(b []byte) string {
	return `\x` + hex.EncodeToString(b)
}

// hashable reports whether v may be a map key: the value types kg
// writes, not every quad.Value.
func hashable(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.String, quad.TypedString, quad.LangString, quad.BNode, quad.Int, quad.Float, quad.Bool:
		return true
	}
	return false
}
