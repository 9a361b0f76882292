package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
)

// AddArticles writes the quads of articles the store does not hold yet, in
// one transaction: a crash or an error leaves all of them or none, so the
// store never holds part of an article. Loading many articles per
// transaction is what makes a large build fast: bolt syncs to disk once
// per transaction, and Cayley reads and rewrites each index entry it
// touches once per transaction. Quads already stored are ignored. It
// returns the number of distinct quads in the transaction, as
// ReplaceArticle counts an article that was not stored before.
//
// An article that is stored already must go through ReplaceArticle
// instead, which removes what its old version had.
//
// On bolt the quads go straight into Cayley's kv layout (bulk.go), on
// PostgreSQL by COPY into Cayley's tables (sql_bulk.go).
func (s *Store) AddArticles(ctx context.Context, quads []quad.Quad) (int, error) {
	if s.w == nil {
		return 0, errors.New("store is open read-only")
	}
	if len(quads) == 0 {
		return 0, nil
	}
	if err := s.beginWrite(ctx); err != nil {
		return 0, err
	}
	if s.sql != nil && s.sql.copy {
		n, err := s.copyQuads(ctx, quads)
		if err != nil {
			return 0, fmt.Errorf("writing %d quads: %v", len(quads), err)
		}
		return n, nil
	}
	n, err := s.bulkWrite(quads, nil)
	if errors.Is(err, errNoIndexes) {
		return s.addWithCayley(quads)
	}
	if err != nil {
		return 0, fmt.Errorf("writing %d quads: %v", len(quads), err)
	}
	return n, nil
}

// addWithCayley adds quads in one transaction through Cayley's writer.
func (s *Store) addWithCayley(quads []quad.Quad) (int, error) {
	tx := graph.NewTransactionN(len(quads))
	for _, q := range quads {
		tx.AddQuad(q)
	}
	if len(tx.Deltas) == 0 {
		return 0, nil
	}
	s.ids = nil // Cayley's writer may delete values that bulkWrite remembers
	if err := s.w.ApplyTransaction(tx); err != nil {
		return 0, fmt.Errorf("writing %d quads: %v", len(tx.Deltas), err)
	}
	return len(tx.Deltas), nil
}

// renew opens Cayley's quad store and writer anew over the same bolt file,
// so that what the old one remembered of the file (the ids of IRIs it
// read) goes. bulkWrite calls it after deleting values.
func (s *Store) renew() error {
	if s.w == nil {
		return errors.New("store is open read-only")
	}
	qs, err := kv.New(s.kvdb, graph.Options{kv.OptNoBloom: true})
	if err != nil {
		return err
	}
	w, err := writer.NewSingle(qs, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	if err != nil {
		return err
	}
	// The old quad store is not closed: closing it would close the file.
	s.QuadStore, s.w = qs, w
	return nil
}
