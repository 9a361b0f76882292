// Package store opens kg's Cayley quad store (bolt, or PostgreSQL through
// Cayley's SQL backend), writes whole articles into it — new ones many to
// a transaction, never part of one — reads facts back, and keeps the
// per-entity summaries queries read (summary.go).
//
// The default store is Cayley's bolt backend: a directory (kg.db) holding
// indexes.bolt, in the layout `cayley --db bolt --dbpath kg.db` reads. kg
// opens the bolt file itself so that it can wait a bounded time for the
// file lock and open read-only for queries, which Cayley's registry cannot.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdfs"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"github.com/conflictkg/kg/schema"
)

// Errors opening a store.
var (
	ErrNotFound = errors.New("store not found")
	ErrLocked   = errors.New("store is locked by another process")
)

// Options control how a store is opened.
type Options struct {
	ReadOnly bool          // open for queries: shared lock, no writes; the store must exist
	Timeout  time.Duration // how long to wait for the file lock; 0 means 1s
}

// Store is an open quad store.
type Store struct {
	graph.QuadStore
	Path string
	w    graph.QuadWriter // nil when read-only
	sql  *sqlState        // SQL stores only (sql.go)

	mu      sync.Mutex
	cache   map[any]quad.Value       // values by ref, read-only stores only (see values)
	refs    map[quad.Value]graph.Ref // refs of predicates and graphs, read-only stores only (refOf)
	summary graph.Ref                // of the summary graph, once the store has it
	dirty   bool                     // written since the generation was last raised

	bolt    *bolt.DB                   // the file under Cayley's store, for bulkWrite
	kvdb    *hbolt.DB                  // the same, as Cayley opens it (see renew)
	ids     map[graph.ValueHash]uint64 // ids of stored values, for bulkWrite; cleared by replace
	indexes []kv.QuadIndex             // the store's quad indexes, read by bulkWrite
}

// writerMmapSize is the address space a writer maps for the bolt file
// up front; bolt maps more when the file outgrows it.
const writerMmapSize = 1 << 30

// boltFile is where Cayley's bolt backend keeps its data inside the store directory.
const boltFile = "indexes.bolt"

// Open opens the bolt store at path, creating it unless opts.ReadOnly, or
// the SQL store at a postgres:// or cockroach:// address (sql.go).
func Open(path string, opts Options) (*Store, error) {
	if IsSQL(path) {
		return openSQL(path, opts) // sql.go
	}
	if opts.Timeout == 0 {
		opts.Timeout = time.Second
	}
	file := filepath.Join(path, boltFile)
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && opts.ReadOnly:
		return nil, fmt.Errorf("%s: %w: run kgbuild first or pass --db", path, ErrNotFound)
	case err == nil && !fi.IsDir():
		return nil, fmt.Errorf("%s: not a kg store (a file; kgbuild makes a directory holding %s)", path, boltFile)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) && opts.ReadOnly {
		return nil, fmt.Errorf("%s: %w (no %s inside): run kgbuild first or pass --db", path, ErrNotFound, boltFile)
	}
	fresh := false
	if !opts.ReadOnly {
		if err := os.MkdirAll(path, 0o755); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		_, err := os.Stat(file)
		fresh = errors.Is(err, os.ErrNotExist)
	}
	bo := &bolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly}
	if !opts.ReadOnly {
		// Address space only: bolt then need not remap (and copy its
		// pages) each time a large load doubles the file.
		bo.InitialMmapSize = writerMmapSize
	}
	db, err := hbolt.Open(file, bo)
	if errors.Is(err, bolt.ErrTimeout) {
		hint := "wait for it to finish"
		if !opts.ReadOnly {
			hint = "is another kgbuild or kgquery running? wait for it to finish"
		}
		return nil, fmt.Errorf("%s: %w: %s (bolt serves one writer or several readers; use PostgreSQL for concurrent use)", path, ErrLocked, hint)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if fresh {
		if err := kv.Init(db, nil); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s: cannot initialise store: %v", path, err)
		}
	}
	// Cayley fills a bloom filter with every quad on open to speed up
	// duplicate checks when writing, and on an empty store three more of
	// 100 million entries each. A query needs none of it; a build spent
	// over 500 MB on them, and was no faster with them (docs/benchmarks.md,
	// "Loading (issue 6)").
	qs, err := kv.New(db, graph.Options{kv.OptNoBloom: true})
	if err != nil {
		db.Close()
		if errors.Is(err, graph.ErrNotInitialized) {
			return nil, fmt.Errorf("%s: %w (empty store): run kgbuild first", path, ErrNotFound)
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	s := &Store{QuadStore: qs, Path: path, bolt: db.DB(), kvdb: db}
	if !opts.ReadOnly {
		s.w, err = writer.NewSingle(qs, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
		if err != nil {
			qs.Close()
			return nil, fmt.Errorf("%s: %v", path, err)
		}
	}
	return s, nil
}

// Close closes the store.
func (s *Store) Close() error {
	err := s.FinishLoad(context.Background())
	if s.w != nil {
		s.w.Close()
	}
	if s.sql != nil {
		s.sql.close()
	}
	if cerr := s.QuadStore.Close(); err == nil {
		err = cerr
	}
	return err
}

// QuadsWith returns the quads whose direction d is v, using the store's indexes
// (subject, and object; a label alone is not indexed).
func (s *Store) QuadsWith(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	return s.Match(ctx, d, v, nil, nil, 0)
}

// Match returns the quads whose direction d is v and, where they are not
// nil, whose predicate is p and label is label. A busy actor is the subject
// or object of tens of thousands of quads (aliases and mentions in every
// article, every fact about it); reading them all to pick a few made
// queries on a million quads take seconds. So with a predicate Match scans
// Cayley's (subject, predicate) or (object, predicate, subject) index for
// exactly the quads wanted, compares the label by id before reading any
// value, and reads the values of the quads it keeps in one batch. It stops
// after limit quads unless limit is 0; quads come oldest first.
func (s *Store) Match(ctx context.Context, d quad.Direction, v, p, label quad.Value, limit int) ([]quad.Quad, error) {
	if qs, ok := s.sqlStore(); ok {
		return s.matchSQL(ctx, qs, d, v, p, label, limit) // sql.go
	}
	var refs [3]graph.Ref // v, p, label
	for i, x := range []quad.Value{v, p, label} {
		if x == nil {
			continue
		}
		if refs[i] = s.refOf(x, i > 0); refs[i] == nil {
			return nil, nil // a value the store lacks matches nothing
		}
	}
	// Summaries are seen only when asked for by their graph: they restate
	// what the other quads say (see Summary).
	var hidden graph.Ref
	if label == nil {
		hidden = s.summaryRef()
	}
	var it graph.Iterator
	kvqs, isKV := s.QuadStore.(*kv.QuadStore)
	vi, _ := refs[0].(kv.Int64Value)
	pi, _ := refs[1].(kv.Int64Value)
	switch {
	case isKV && p != nil && d == quad.Subject:
		it = kv.NewQuadIterator(kvqs, kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}, []uint64{uint64(vi), uint64(pi)})
	case isKV && p != nil && d == quad.Object:
		it = kv.NewQuadIterator(kvqs, kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}, []uint64{uint64(vi), uint64(pi)})
	default:
		it = s.QuadIterator(d, refs[0])
	}
	defer it.Close()
	var prims []graph.Ref
	for (limit <= 0 || len(prims) < limit) && it.Next(ctx) {
		r := it.Result()
		if p != nil && !sameRef(s.QuadDirection(r, quad.Predicate), refs[1]) ||
			label != nil && !sameRef(s.QuadDirection(r, quad.Label), refs[2]) ||
			hidden != nil && sameRef(s.QuadDirection(r, quad.Label), hidden) {
			continue
		}
		prims = append(prims, r)
	}
	if err := it.Err(); err != nil || len(prims) == 0 {
		return nil, err
	}
	// The values of the kept quads, each distinct value read once.
	index := map[any]int{}
	var vals []graph.Ref
	for _, r := range prims {
		for _, dir := range quad.Directions {
			if x := s.QuadDirection(r, dir); x != nil {
				if _, ok := index[graph.ToKey(x)]; !ok {
					index[graph.ToKey(x)] = len(vals)
					vals = append(vals, x)
				}
			}
		}
	}
	names, err := s.values(ctx, vals)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, len(prims))
	for i, r := range prims {
		for _, dir := range quad.Directions {
			if x := s.QuadDirection(r, dir); x != nil {
				out[i].Set(dir, names[index[graph.ToKey(x)]])
			}
		}
	}
	return out, nil
}

// refOf returns the store's ref of v, or nil. Predicates and graphs
// (common) are looked up once in a read-only store: a question asks for
// the same few dozen of them over and over.
func (s *Store) refOf(v quad.Value, common bool) graph.Ref {
	if !common || s.w != nil {
		return s.ValueOf(v)
	}
	s.mu.Lock()
	r, ok := s.refs[v]
	s.mu.Unlock()
	if ok {
		return r
	}
	r = s.ValueOf(v)
	s.mu.Lock()
	if s.refs == nil || len(s.refs) >= valueCacheSize {
		s.refs = map[quad.Value]graph.Ref{}
	}
	s.refs[v] = r
	s.mu.Unlock()
	return r
}

// values returns the values of refs, from the cache where it can: the few
// predicates, types and graphs recur in nearly every quad a query reads.
func (s *Store) values(ctx context.Context, refs []graph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(refs))
	var missing []graph.Ref
	var at []int
	s.mu.Lock()
	for i, r := range refs {
		if v, ok := s.cache[graph.ToKey(r)]; ok {
			out[i] = v
		} else {
			missing = append(missing, r)
			at = append(at, i)
		}
	}
	s.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	var vals []quad.Value
	if kvqs, ok := s.QuadStore.(*kv.QuadStore); ok {
		var err error
		if vals, err = kvqs.ValuesOf(ctx, missing); err != nil {
			return nil, err
		}
	} else if qs, ok := s.sqlStore(); ok {
		var err error
		if vals, err = sqlValues(ctx, qs, missing); err != nil {
			return nil, err
		}
	} else {
		for _, r := range missing {
			vals = append(vals, s.NameOf(r))
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cache == nil || len(s.cache)+len(missing) > valueCacheSize {
		s.cache = make(map[any]quad.Value, valueCacheSize/8)
	}
	for i, v := range vals {
		out[at[i]] = v
		if v != nil && s.w == nil {
			// Only a read-only store caches: nothing changes under it.
			s.cache[graph.ToKey(missing[i])] = v
		}
	}
	return out, nil
}

// valueCacheSize bounds the value cache; when full it starts again.
const valueCacheSize = 1 << 16

func sameRef(a, b graph.Ref) bool {
	return a != nil && b != nil && graph.ToKey(a) == graph.ToKey(b)
}

// Objects returns the objects of subject's quads with predicate p.
func (s *Store) Objects(ctx context.Context, subject quad.Value, p quad.IRI) ([]quad.Value, error) {
	qs, err := s.Match(ctx, quad.Subject, subject, p, nil, 0)
	var out []quad.Value
	for _, q := range qs {
		out = append(out, q.Object)
	}
	return out, err
}

func iri(short string) quad.IRI { return quad.IRI(short).Full() }

// ArticleHash returns the content hash stored for an article, "" if it is not stored.
func (s *Store) ArticleHash(ctx context.Context, article quad.IRI) (string, error) {
	if s.sql != nil && s.sql.bulk != nil {
		return s.sql.bulk.hashes[article.Full()], nil // the subject index is gone
	}
	vs, err := s.Objects(ctx, article, iri(schema.ContentHash))
	if err != nil || len(vs) == 0 {
		return "", err
	}
	return Text(vs[0]), nil
}

// ArticleQuads returns every quad an article put in the store: those in its
// named graph and in the named graphs of its sentences. It walks the
// article's nodes through the subject and object indexes instead of scanning
// the store.
func (s *Store) ArticleQuads(ctx context.Context, article quad.IRI) ([]quad.Quad, error) {
	var out []quad.Quad
	inGraph := func(subject quad.Value, label quad.Value) error {
		qs, err := s.QuadsWith(ctx, quad.Subject, subject)
		for _, q := range qs {
			if q.Label == label {
				out = append(out, q)
			}
		}
		return err
	}
	if err := inGraph(article, article); err != nil {
		return nil, err
	}
	entities := map[quad.Value]bool{}
	for _, q := range out {
		if q.Predicate == iri(schema.Mentions) {
			entities[q.Object] = true
		}
	}
	toArticle, err := s.QuadsWith(ctx, quad.Object, article)
	if err != nil {
		return nil, err
	}
	for _, q := range toArticle {
		if q.Predicate != iri(schema.InArticle) || q.Label != article {
			continue
		}
		sent := q.Subject
		if err := inGraph(sent, article); err != nil {
			return nil, err
		}
		facts, err := s.QuadsWith(ctx, quad.Object, sent)
		if err != nil {
			return nil, err
		}
		for _, fq := range facts {
			if fq.Predicate != iri(schema.InSentence) || fq.Label != sent {
				continue
			}
			before := len(out)
			if err := inGraph(fq.Subject, sent); err != nil {
				return nil, err
			}
			var subj, pred, obj quad.Value
			for _, q := range out[before:] {
				switch q.Predicate {
				case iri(schema.Subject):
					subj = q.Object
				case iri(schema.Predicate):
					pred = q.Object
				case iri(schema.Object):
					obj = q.Object
				}
			}
			if subj != nil && pred != nil && obj != nil {
				entities[subj], entities[obj] = true, true
				// The edge exists unless the fact was negated. Only a
				// quad the store holds may be removed: asked to remove a
				// missing one, Cayley's bolt backend can count one
				// reference too few to a value the same transaction
				// adds, and a later removal then deletes the value while
				// quads still use it.
				edges, err := s.Match(ctx, quad.Subject, subj, pred, sent, 0)
				if err != nil {
					return nil, err
				}
				for _, e := range edges {
					if e.Object == obj {
						out = append(out, e)
					}
				}
			}
		}
	}
	for e := range entities {
		if err := inGraph(e, article); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ReplaceArticle makes the article's quads in the store exactly quads, in
// one transaction: what the old version had and the new lacks is removed,
// what is new is added. With no quads it removes the article. It returns the
// number of quads added and removed.
func (s *Store) ReplaceArticle(ctx context.Context, article quad.IRI, quads []quad.Quad) (added, removed int, err error) {
	if err := s.FinishLoad(ctx); err != nil {
		return 0, 0, err
	}
	if s.w == nil {
		return 0, 0, errors.New("store is open read-only")
	}
	old, err := s.ArticleQuads(ctx, article)
	if err != nil {
		return 0, 0, fmt.Errorf("reading article %s: %v", article, err)
	}
	return s.replace(ctx, old, quads, "article "+string(article))
}

// DefinedQuads returns the quads of a defined graph: those in graph whose
// subject is hub or a node that the graph says is rdfs:isDefinedBy hub
// (the vocabulary, the gazetteer, the lexicon).
func (s *Store) DefinedQuads(ctx context.Context, graph, hub quad.IRI) ([]quad.Quad, error) {
	var out []quad.Quad
	inGraph := func(subject quad.Value) error {
		qs, err := s.QuadsWith(ctx, quad.Subject, subject)
		for _, q := range qs {
			if q.Label == graph {
				out = append(out, q)
			}
		}
		return err
	}
	if err := inGraph(hub); err != nil {
		return nil, err
	}
	defined, err := s.QuadsWith(ctx, quad.Object, hub)
	if err != nil {
		return nil, err
	}
	for _, q := range defined {
		if q.Predicate == isDefinedBy && q.Label == graph {
			if err := inGraph(q.Subject); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

var isDefinedBy = quad.IRI(rdfs.IsDefinedBy).Full()

// ReplaceGraph makes a defined graph (see DefinedQuads) exactly the quads
// that quads returns, in one transaction, unless the store already holds
// that version: the hub records version as its kg:contentHash, and quads is
// not called when it matches. It returns the number of quads added and removed.
func (s *Store) ReplaceGraph(ctx context.Context, graph, hub quad.IRI, version string, quads func() []quad.Quad) (added, removed int, err error) {
	if s.w == nil {
		return 0, 0, errors.New("store is open read-only")
	}
	hash := quad.Quad{Subject: hub, Predicate: iri(schema.ContentHash), Object: quad.String(version), Label: graph}
	if have, err := s.Objects(ctx, hub, iri(schema.ContentHash)); err == nil && len(have) == 1 && have[0] == hash.Object {
		return 0, 0, nil
	}
	old, err := s.DefinedQuads(ctx, graph, hub)
	if err != nil {
		return 0, 0, fmt.Errorf("reading graph %s: %v", graph, err)
	}
	qs := quads()
	return s.replace(ctx, old, append(qs[:len(qs):len(qs)], hash), "graph "+string(graph))
}

// Version returns the SHA-256 of quads in N-Quads, in any order: a version
// for ReplaceGraph.
func Version(quads []quad.Quad) string {
	lines := make([]string, len(quads))
	for i, q := range quads {
		lines[i] = q.NQuad()
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(sum[:])
}

// replace removes old and adds quads in one transaction; quads in both
// stay.
func (s *Store) replace(ctx context.Context, old, quads []quad.Quad, what string) (added, removed int, err error) {
	// Adding is what a bulk load does (the definitions of a first load go
	// in with it); removing goes through Cayley's writer, which needs the
	// indexes and exact reference counts.
	if len(old) > 0 {
		if err := s.FinishLoad(ctx); err != nil {
			return 0, 0, err
		}
	}
	tx := graph.NewTransactionN(len(old) + len(quads))
	for _, q := range old {
		tx.RemoveQuad(q)
	}
	for _, q := range quads {
		tx.AddQuad(q)
	}
	if len(tx.Deltas) == 0 {
		return 0, 0, nil
	}
	for _, d := range tx.Deltas {
		if d.Action == graph.Add {
			added++
		} else {
			removed++
		}
	}
	if err := s.beginWrite(ctx); err != nil {
		return 0, 0, err
	}
	if err := s.applyDeltas(tx); err != nil {
		return 0, 0, fmt.Errorf("writing %s: %v", what, err)
	}
	return added, removed, nil
}

// beginWrite raises the store's generation before a session's first write,
// in a transaction of its own, so that from then on no summary is trusted
// (see Summary).
func (s *Store) beginWrite(ctx context.Context) error {
	if s.dirty {
		return nil
	}
	if err := s.raiseGeneration(ctx); err != nil {
		return err
	}
	s.dirty = true
	return nil
}

// applyDeltas writes tx in one transaction: on bolt through bulkWrite, else
// (or on a store of an old Cayley) through Cayley's writer.
func (s *Store) applyDeltas(tx *graph.Transaction) error {
	var adds, dels []quad.Quad
	for _, d := range tx.Deltas {
		if d.Action == graph.Add {
			adds = append(adds, d.Quad)
		} else {
			dels = append(dels, d.Quad)
		}
	}
	if len(dels) == 0 && s.sql != nil && s.sql.copy {
		_, err := s.copyQuads(context.Background(), adds) // the definitions, on PostgreSQL
		return err
	}
	_, err := s.bulkWrite(adds, dels)
	if errors.Is(err, errNoIndexes) {
		err = s.apply(tx) // boltfix.go
	}
	return err
}

// AddQuads adds quads in one transaction; quads already stored are ignored.
func (s *Store) AddQuads(quads []quad.Quad) error {
	if s.w == nil {
		return errors.New("store is open read-only")
	}
	_, _, err := s.replace(context.Background(), nil, quads, "quads")
	return err
}

// Text returns the plain text of a value: an IRI without angle brackets, a
// literal without quotes, datatype or language.
func Text(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.BNode:
		return "_:" + string(v)
	}
	return quad.ToString(v)
}
