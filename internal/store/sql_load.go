package store

// A large load into PostgreSQL. Each quad inserted into Cayley's quads
// table updates seven indexes and runs four foreign-key checks: at 100,000
// quads a transaction that was 80% of the writing, some 30 µs a quad, and
// on a table of millions of quads the unique index alone costs ten times
// what the insert does. Building the same indexes over the whole table
// once, at the end, and validating each foreign key in one join costs a
// small part of that. So a load that adds at least a third of what the
// table holds drops, for its duration, the six indexes and the four
// foreign keys Cayley creates on quads, keeping only the primary key, and
// COPYs the quads straight into the table. FinishLoad puts everything back
// as Cayley made it: duplicate quads (which kgbuild never loads: a new
// article's quads are in graphs of its own) are removed, keeping the
// oldest, where the unique indexes would have skipped them; reference
// counts are recounted; then the other indexes, two sessions building two
// each, and the keys.
//
// PostgreSQL's DDL is transactional: dropping is all or nothing, and the
// foreign keys come back last, after every other step is committed. A
// load that dies in between (a crash, kill -9) leaves some of them
// missing; the next writer to open the database finishes the load then
// (openSQL). Readers meanwhile get the same answers, from scans where an
// index is missing.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"
	"github.com/lib/pq"

	"github.com/conflictkg/kg/schema"
)

// BulkMode says whether a load into PostgreSQL defers the quads table's
// indexes and foreign keys until FinishLoad.
type BulkMode int

const (
	BulkAuto BulkMode = iota // when the load adds at least a third of what the table holds
	BulkOn                   // always (on PostgreSQL)
	BulkOff                  // never: concurrent readers keep every index
)

// bulkMinQuads is the smallest load BulkAuto defers indexes for. A bulk
// load of a small store costs a few DDL statements more than it saves;
// the rule of a third keeps it from rebuilding a large one for little.
const bulkMinQuads = 10_000

// deferredIndexes are the indexes of Cayley's quads table a bulk load
// drops, as Cayley creates them (graph/sql/database.go, quadIndexes, with
// its default fill factor).
var deferredIndexes = []struct{ name, def string }{
	// The unique ones first: what they refuse is removed before anything
	// is counted (restoreIndexes).
	{"spo_unique", `CREATE UNIQUE INDEX IF NOT EXISTS spo_unique ON quads (subject_hash, predicate_hash, object_hash) WHERE label_hash IS NULL`},
	{"spol_unique", `CREATE UNIQUE INDEX IF NOT EXISTS spol_unique ON quads (subject_hash, predicate_hash, object_hash, label_hash) WHERE label_hash IS NOT NULL`},
	{"spo_index", `CREATE INDEX IF NOT EXISTS spo_index ON quads (subject_hash, predicate_hash, object_hash) WITH (FILLFACTOR = 50)`},
	{"ops_index", `CREATE INDEX IF NOT EXISTS ops_index ON quads (object_hash, predicate_hash, subject_hash) WITH (FILLFACTOR = 50)`},
	{"pos_index", `CREATE INDEX IF NOT EXISTS pos_index ON quads (predicate_hash, object_hash, subject_hash) WITH (FILLFACTOR = 50)`},
	{"osp_index", `CREATE INDEX IF NOT EXISTS osp_index ON quads (object_hash, subject_hash, predicate_hash) WITH (FILLFACTOR = 50)`},
}

// deferredKeys are the foreign keys of Cayley's quads table a bulk load drops.
var deferredKeys = []struct{ name, def string }{
	{"subject_hash_fk", `ALTER TABLE quads ADD CONSTRAINT subject_hash_fk FOREIGN KEY (subject_hash) REFERENCES nodes (hash)`},
	{"predicate_hash_fk", `ALTER TABLE quads ADD CONSTRAINT predicate_hash_fk FOREIGN KEY (predicate_hash) REFERENCES nodes (hash)`},
	{"object_hash_fk", `ALTER TABLE quads ADD CONSTRAINT object_hash_fk FOREIGN KEY (object_hash) REFERENCES nodes (hash)`},
	{"label_hash_fk", `ALTER TABLE quads ADD CONSTRAINT label_hash_fk FOREIGN KEY (label_hash) REFERENCES nodes (hash)`},
}

// bulkState is a bulk load in progress in this session.
type bulkState struct {
	// hashes are the content hashes of the articles stored, by article:
	// ArticleHash answers from them, as the subject index is gone.
	hashes map[quad.Value]string
}

// BeginLoad tells the store that about expected quads of new articles
// follow (0 if unknown) and returns whether the load is a bulk load. On
// PostgreSQL, with BulkOn or with BulkAuto for a load of at least
// bulkMinQuads and a third of the quads stored, it drops the quads table's
// indexes and foreign keys until FinishLoad (see above); on bolt it does
// nothing. If a reader holds the table for long, the load goes on without
// dropping anything.
func (s *Store) BeginLoad(ctx context.Context, expected int64, mode BulkMode) (bool, error) {
	if s.w == nil || s.sql == nil || !s.sql.copy || mode == BulkOff || s.sql.bulk != nil {
		return s.sql != nil && s.sql.bulk != nil, nil
	}
	if err := s.beginWrite(ctx); err != nil {
		return false, err
	}
	if mode == BulkAuto {
		if expected < bulkMinQuads {
			return false, nil
		}
		var stored int64
		if err := s.sql.db.QueryRowContext(ctx, `SELECT count(*) FROM quads`).Scan(&stored); err != nil {
			return false, fmt.Errorf("counting quads: %v", err)
		}
		if expected*3 < stored {
			return false, nil
		}
	}
	// The articles' hashes, read while the indexes are there.
	hashes := map[quad.Value]string{}
	rows, err := s.Match(ctx, quad.Predicate, iri(schema.ContentHash), nil, nil, 0)
	if err != nil {
		return false, fmt.Errorf("reading the articles' hashes: %v", err)
	}
	for _, q := range rows {
		hashes[fullIRI(q.Subject)] = Text(q.Object)
	}

	tx, err := s.sql.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	// Dropping waits for the readers of the table; a long one should not
	// hold the load up.
	if _, err := tx.ExecContext(ctx, `SET LOCAL lock_timeout = '10s'`); err != nil {
		return false, err
	}
	drop := func() error {
		for _, k := range deferredKeys {
			if _, err := tx.ExecContext(ctx, `ALTER TABLE quads DROP CONSTRAINT IF EXISTS `+k.name); err != nil {
				return err
			}
		}
		for _, ix := range deferredIndexes {
			if _, err := tx.ExecContext(ctx, `DROP INDEX IF EXISTS `+ix.name); err != nil {
				return err
			}
		}
		return tx.Commit()
	}
	if err := drop(); err != nil {
		var pqErr *pq.Error
		if errors.As(err, &pqErr) && pqErr.Code == "55P03" { // lock_timeout
			return false, nil
		}
		return false, fmt.Errorf("deferring the quads table's indexes: %v", err)
	}
	s.sql.bulk = &bulkState{hashes: hashes}
	return true, nil
}

// FinishLoad ends a bulk load (BeginLoad): it removes duplicate quads,
// recounts the values' references, removes values no quad uses, builds the
// indexes and adds the foreign keys (see above). Without a bulk load it
// does nothing. A write that removes quads, ReplaceArticle, Summarize and
// Close finish a bulk load first.
func (s *Store) FinishLoad(ctx context.Context) error {
	if s.sql == nil || s.sql.bulk == nil {
		return nil
	}
	if err := s.restoreIndexes(ctx); err != nil {
		return err
	}
	s.sql.bulk = nil
	return nil
}

// missingIndexes returns how many of the indexes and foreign keys that a
// bulk load drops the quads table lacks.
func (s *Store) missingIndexes(ctx context.Context) (int, error) {
	var names []string
	for _, ix := range deferredIndexes {
		names = append(names, ix.name)
	}
	for _, k := range deferredKeys {
		names = append(names, k.name)
	}
	var have int
	err := s.sql.db.QueryRowContext(ctx, `SELECT
	(SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'quads' AND indexname = ANY($1)) +
	(SELECT count(*) FROM pg_constraint WHERE conrelid = 'quads'::regclass AND conname = ANY($1))`,
		pq.Array(names)).Scan(&have)
	return len(names) - have, err
}

// restoreIndexes puts back what a bulk load dropped (see FinishLoad). It
// can run any number of times, on any part of what was dropped.
func (s *Store) restoreIndexes(ctx context.Context) error {
	tx, err := s.sql.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	exec := func(q string) error { return execLoad(ctx, tx, q) }
	have := map[string]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT conname FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f'`)
	if err != nil {
		return fmt.Errorf("finishing the load: %v", err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return fmt.Errorf("finishing the load: %v", err)
		}
		have[name] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("finishing the load: %v", err)
	}
	// Sorting for an index build in memory rather than on disk.
	if err := exec(`SET LOCAL maintenance_work_mem = '256MB'`); err != nil {
		return err
	}
	// The unique indexes, and if they find duplicates, the duplicates
	// removed (all but the oldest) and the indexes built again.
	unique := func() error {
		for _, ix := range deferredIndexes[:2] {
			if err := exec(ix.def); err != nil {
				return err
			}
		}
		return nil
	}
	if err := exec(`SAVEPOINT kg_unique`); err != nil {
		return err
	}
	if err := unique(); err != nil {
		var pqErr *pq.Error
		if !errors.As(err, &pqErr) || pqErr.Code != "23505" { // unique_violation
			return err
		}
		for _, q := range []string{`ROLLBACK TO SAVEPOINT kg_unique`, `DELETE FROM quads q USING (
	SELECT horizon, row_number() OVER (PARTITION BY subject_hash, predicate_hash, object_hash, label_hash ORDER BY horizon) AS n FROM quads
) d WHERE q.horizon = d.horizon AND d.n > 1`} {
			if err := exec(q); err != nil {
				return err
			}
		}
		if err := unique(); err != nil {
			return err
		}
	}
	stmts := []string{
		// Each value's references: how many times quads use it, as
		// Cayley counts them.
		`CREATE TEMP TABLE kg_uses ON COMMIT DROP AS
	SELECT h, count(*) AS n FROM (
		SELECT subject_hash AS h FROM quads UNION ALL SELECT predicate_hash FROM quads
		UNION ALL SELECT object_hash FROM quads UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL
	) x GROUP BY h`,
		`UPDATE nodes SET refs = u.n FROM kg_uses u WHERE nodes.hash = u.h AND nodes.refs <> u.n`,
		// Values only duplicate quads brought: Cayley keeps no node without a quad.
		`DELETE FROM nodes WHERE NOT EXISTS (SELECT 1 FROM kg_uses u WHERE u.h = nodes.hash)`,
	}
	for _, q := range stmts {
		if err := exec(q); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("finishing the load: %v", err)
	}
	// The lookup indexes two at a time, each pair in a session of its
	// own: a small table's index is built by one process, and the build
	// waits on it (a large one's by PostgreSQL's parallel workers anyway).
	lookups := deferredIndexes[2:]
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var defs []string
			for j := i; j < len(lookups); j += len(errs) {
				defs = append(defs, lookups[j].def)
			}
			errs[i] = s.inTx(ctx, append([]string{`SET LOCAL maintenance_work_mem = '256MB'`}, defs...))
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	// The foreign keys last: while one is missing, the load is unfinished.
	var last []string
	for _, k := range deferredKeys {
		if !have[k.name] {
			last = append(last, k.def)
		}
	}
	return s.inTx(ctx, append(last, `ANALYZE quads`, `ANALYZE nodes`))
}

// inTx runs statements in one transaction, for restoreIndexes.
func (s *Store) inTx(ctx context.Context, stmts []string) error {
	tx, err := s.sql.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("finishing the load: %v", err)
	}
	defer tx.Rollback()
	for _, q := range stmts {
		if err := execLoad(ctx, tx, q); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("finishing the load: %v", err)
	}
	return nil
}

// execLoad runs one of restoreIndexes' statements; an error names it by
// its first two words.
func execLoad(ctx context.Context, tx *sql.Tx, q string) error {
	if _, err := tx.ExecContext(ctx, q); err != nil {
		f := strings.Fields(q)
		return fmt.Errorf("finishing the load: %s %s: %w", f[0], f[1], err)
	}
	return nil
}

// recoverLoad finishes a bulk load that ended without FinishLoad (the
// process died): a writer opening the database puts the indexes back.
func (s *Store) recoverLoad(ctx context.Context) error {
	n, err := s.missingIndexes(ctx)
	if err != nil || n == 0 {
		return err
	}
	return s.restoreIndexes(ctx)
}

// noteHashes records the content hashes of articles a bulk load adds.
func (b *bulkState) noteHashes(quads []quad.Quad) {
	p := iri(schema.ContentHash)
	for _, q := range quads {
		if q.Predicate == p {
			b.hashes[fullIRI(q.Subject)] = Text(q.Object)
		}
	}
}

// fullIRI is v with an IRI written in full, as ArticleHash asks for it.
func fullIRI(v quad.Value) quad.Value {
	if i, ok := v.(quad.IRI); ok {
		return i.Full()
	}
	return v
}
