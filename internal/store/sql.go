package store

// kg on Cayley's SQL backend: a postgres:// (or postgresql://) address opens
// Cayley's postgres quad store, a cockroach:// address its cockroach one.
// Both keep the graph in Cayley's two tables, nodes (one row per value, by
// hash) and quads (four value hashes and an increasing horizon), created by
// Cayley and written through Cayley's writer; kg reads them with queries of
// its own where Cayley's generic iterators would make one query per value.
// Unlike bolt, a database serves readers while a writer loads, so kgquery
// can run during kgbuild.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/clog"
	"github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach" // registers "cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"  // registers "postgres"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/jackc/pgx"
	"github.com/lib/pq"
)

// IsSQL reports whether path is the address of a SQL database rather than
// a bolt directory.
func IsSQL(path string) bool {
	_, _, ok := sqlBackend(path)
	return ok
}

// sqlBackend returns the Cayley backend for an address and the address in
// the form that backend's driver takes: lib/pq reads postgres:// and
// postgresql://, pgx (Cayley's cockroach backend) only postgresql://.
func sqlBackend(addr string) (backend, dsn string, ok bool) {
	scheme, rest, found := strings.Cut(addr, "://")
	if !found {
		return "", "", false
	}
	switch strings.ToLower(scheme) {
	case "postgres", "postgresql":
		return "postgres", addr, true
	case "cockroach", "cockroachdb":
		return "cockroach", "postgresql://" + rest, true
	}
	return "", "", false
}

// redact returns addr with its password, if any, replaced by xxxxx: it is
// what messages and Store.Path show.
func redact(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		// url.Parse's own error would quote addr; say nothing of it.
		scheme, _, _ := strings.Cut(addr, "://")
		return scheme + "://…"
	}
	return u.Redacted()
}

// quiet stops Cayley's logger, which prints the full address (password
// included) when a connection fails; kg reports every error itself.
var quiet sync.Once

// openSQL opens the SQL store at addr, creating Cayley's tables in an empty
// database unless opts.ReadOnly. A read-only store asks the server to refuse
// writes (default_transaction_read_only) and never creates anything.
func openSQL(addr string, opts Options) (*Store, error) {
	quiet.Do(func() { clog.SetLogger(nil) })
	backend, dsn, _ := sqlBackend(addr)
	shown := redact(addr)
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: not a database address (want postgres://USER@HOST:PORT/DATABASE?sslmode=disable)", shown)
	}
	password, _ := u.User.Password()
	hide := func(err error) string {
		s := err.Error()
		if password != "" {
			s = strings.ReplaceAll(s, password, "xxxxx")
		}
		return s
	}
	q := u.Query()
	if opts.ReadOnly {
		q.Set("default_transaction_read_only", "on")
	}
	if q.Get("connect_timeout") == "" {
		// Without it a host that drops packets makes kg hang for minutes.
		q.Set("connect_timeout", "10")
	}
	u.RawQuery = q.Encode()
	dsn = u.String()

	qs, err := graph.NewQuadStore(backend, dsn, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot connect: %s: %s", shown, hide(err), connectHint(backend, err, u))
	}
	driver, own := "postgres", dsn
	if backend == "cockroach" {
		driver = "pgx"
	} else {
		// kg's statements have one good plan whatever the hash asked
		// for; planning them anew each time costs more than running them.
		oq := u.Query()
		oq.Set("plan_cache_mode", "force_generic_plan")
		ou := *u
		ou.RawQuery = oq.Encode()
		own = ou.String()
	}
	db, err := sql.Open(driver, own)
	if err != nil {
		qs.Close()
		return nil, fmt.Errorf("%s: %s", shown, hide(err))
	}
	s := &Store{QuadStore: qs, Path: shown, sql: &sqlState{db: db, copy: backend == "postgres"}}
	if !opts.ReadOnly && backend == "postgres" {
		if s.sql.lock, err = writerLock(dsn, opts.Timeout); err != nil {
			s.Close()
			if errors.Is(err, ErrLocked) {
				return nil, fmt.Errorf("%s: %w: another kgbuild is writing to this database: wait for it to finish", shown, err)
			}
			return nil, fmt.Errorf("%s: %s", shown, hide(err))
		}
	}
	ctx := context.Background()
	exists, err := s.sqlTables(ctx)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("%s: %s", shown, hide(err))
	}
	if !exists {
		if opts.ReadOnly {
			s.Close()
			return nil, fmt.Errorf("%s: %w (no kg tables in the database): run kgbuild --db %s first", shown, ErrNotFound, shown)
		}
		err := graph.InitQuadStore(backend, dsn, nil)
		if err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			s.Close()
			return nil, fmt.Errorf("%s: cannot create Cayley's tables: %s", shown, hide(err))
		}
	}
	if !opts.ReadOnly && s.sql.copy {
		// A bulk load that died left the indexes out (sql_load.go).
		if err := s.recoverLoad(ctx); err != nil {
			s.Close()
			return nil, fmt.Errorf("%s: %s", shown, hide(err))
		}
	}
	if !opts.ReadOnly {
		s.w, err = writer.NewSingle(qs, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("%s: %s", shown, hide(err))
		}
	}
	return s, nil
}

// writerLockKey names kg's advisory lock: PostgreSQL's advisory locks are
// per database, so the key only has to differ from other applications'.
const writerLockKey = 0x6b676275696c64 // "kgbuild"

// writerLock takes kg's writer lock on the database, waiting up to
// timeout (0: 1s) for another writer to finish: kg reads an article's old
// quads before replacing them, and two builds doing that at once could
// interleave. Readers take no lock. It holds a connection of its own for as
// long as the lock is held; closing it releases the lock.
func writerLock(dsn string, timeout time.Duration) (io.Closer, error) {
	if timeout == 0 {
		timeout = time.Second
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, int64(writerLockKey)).Scan(&ok); err != nil {
			conn.Close()
			db.Close()
			return nil, err
		}
		if ok {
			return lockConn{conn, db}, nil
		}
		if time.Now().After(deadline) {
			conn.Close()
			db.Close()
			return nil, ErrLocked
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// lockConn is the connection holding the writer lock.
type lockConn struct {
	conn *sql.Conn
	db   *sql.DB
}

// Close ends the session, which releases its advisory locks.
func (l lockConn) Close() error {
	l.conn.Close()
	return l.db.Close()
}

// connectHint says what to do about a failed connection: start the server
// or create the database.
func connectHint(backend string, err error, u *url.URL) string {
	db := strings.TrimPrefix(u.Path, "/")
	if db == "" {
		db = "kg"
	}
	server, create := "PostgreSQL", "createdb "+db
	if backend == "cockroach" {
		server, create = "CockroachDB", "cockroach sql -e 'CREATE DATABASE "+db+"'"
	}
	var pqErr *pq.Error
	var pgErr pgx.PgError
	if errors.As(err, &pqErr) && pqErr.Code == "3D000" || errors.As(err, &pgErr) && pgErr.Code == "3D000" {
		return "create the database with " + create
	}
	return "is " + server + " running at " + u.Host + "? create the database with " + create
}

// rawSQL is a query for Cayley's SQL store in the store's own dialect:
// Cayley's Select has no ORDER BY, which kg needs to read quads oldest
// first as on bolt.
type rawSQL struct {
	text func(b *csql.Builder) string
	args []csql.Value
	cols []string
}

func (r rawSQL) SQL(b *csql.Builder) string { return r.text(b) }
func (r rawSQL) Args() []csql.Value         { return r.args }
func (r rawSQL) Columns() []string          { return r.cols }

func (s *Store) sqlStore() (*csql.QuadStore, bool) {
	qs, ok := s.QuadStore.(*csql.QuadStore)
	return qs, ok
}

// sqlTables reports whether the database holds Cayley's nodes and quads tables.
func (s *Store) sqlTables(ctx context.Context) (bool, error) {
	qs, _ := s.sqlStore()
	var n int
	err := qs.QueryRow(ctx, rawSQL{text: func(*csql.Builder) string {
		return `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('nodes', 'quads')`
	}}).Scan(&n)
	return n == 2, err
}

// ValueOf returns the store's reference to v, nil if the store lacks v. On
// bolt that is Cayley's own answer; Cayley's SQL store returns v's hash
// whether or not it holds v, so there ValueOf asks the nodes table.
func (s *Store) ValueOf(v quad.Value) graph.Ref {
	qs, ok := s.sqlStore()
	if !ok {
		return s.QuadStore.ValueOf(v)
	}
	h := csql.HashOf(v)
	var one int
	err := qs.QueryRow(context.Background(), rawSQL{
		text: func(b *csql.Builder) string { return `SELECT 1 FROM nodes WHERE hash = ` + b.Placeholder() },
		args: []csql.Value{h},
	}).Scan(&one)
	if err != nil {
		return nil
	}
	return h
}

// sqlState is what a SQL store keeps besides Cayley's.
type sqlState struct {
	lock io.Closer  // the writer lock; nil when read-only
	db   *sql.DB    // kg's own connections, for prepared statements
	copy bool       // new articles go in by COPY (sql_bulk.go): PostgreSQL, not CockroachDB
	bulk *bulkState // a bulk load in progress (sql_load.go)

	// summarizing lets Summarize, which writes only summaries, read small
	// subjects (facts, sentences) whole as a query does; the cache is
	// dropped when it ends.
	summarizing bool

	mu       sync.Mutex
	stmts    map[string]*sql.Stmt
	subjects map[any][]sqlRow // the quads of small subjects, read-only stores only
}

func (st *sqlState) close() {
	if st.lock != nil {
		st.lock.Close()
	}
	st.db.Close() // closes the statements too
}

// query runs a query as a prepared statement: PostgreSQL then plans it a
// few times per connection instead of every time (planning the join of
// quads and nodes takes longer than running it).
func (st *sqlState) query(ctx context.Context, text string, args ...any) (*sql.Rows, error) {
	st.mu.Lock()
	stmt, ok := st.stmts[text]
	st.mu.Unlock()
	if !ok {
		var err error
		if stmt, err = st.db.PrepareContext(ctx, text); err != nil {
			return nil, err
		}
		st.mu.Lock()
		if st.stmts == nil {
			st.stmts = map[string]*sql.Stmt{}
		}
		if old, ok := st.stmts[text]; ok {
			stmt.Close()
			stmt = old
		} else {
			st.stmts[text] = stmt
		}
		st.mu.Unlock()
	}
	return stmt.QueryContext(ctx, args...)
}

// sqlRow is a quad as the quads table holds it: its horizon, the hashes of
// its subject, predicate, object and label, and their values.
type sqlRow struct {
	horizon int64
	h       [4]csql.NodeHash
	q       quad.Quad
}

// smallSubject is the most quads a subject may have for Match to read them
// all at once and keep them (see matchSQL).
const smallSubject = 64

// subjectCacheSize bounds the subjects kept; when full it starts again.
const subjectCacheSize = 1 << 14

// matchSQL is Match on a SQL store: one indexed query for exactly the quads
// wanted, oldest (lowest horizon) first, their values read in batches. A
// query asks a fact, a sentence or an article (subjects with a few dozen
// quads) for one predicate after another, each a round trip to the server;
// so a read-only store reads such a subject's quads once, in one query,
// and answers the next questions about it from them.
func (s *Store) matchSQL(ctx context.Context, qs *csql.QuadStore, d quad.Direction, v, p, label quad.Value, limit int) ([]quad.Quad, error) {
	if d == quad.Subject && (s.w == nil || s.sql.summarizing) {
		rows, err := s.subjectRows(ctx, qs, csql.HashOf(v))
		if err != nil {
			return nil, err
		}
		if rows != nil {
			var out []quad.Quad
			ph, lh, sh := csql.HashOf(p), csql.HashOf(label), csql.HashOf(summaryGraph)
			for _, r := range rows {
				// As on bolt, summaries only when asked for by their graph.
				if (p == nil || r.h[1] == ph) && (label == nil && r.h[3] != sh || r.h[3] == lh) && (limit <= 0 || len(out) < limit) {
					out = append(out, r.q)
				}
			}
			return out, nil
		}
	}
	type cond struct {
		col string
		h   csql.NodeHash
	}
	conds := []cond{{d.String() + "_hash", csql.HashOf(v)}}
	if p != nil {
		conds = append(conds, cond{"predicate_hash", csql.HashOf(p)})
	}
	if label != nil {
		conds = append(conds, cond{"label_hash", csql.HashOf(label)})
	}
	var args []any
	where := make([]string, len(conds))
	for i, c := range conds {
		args = append(args, c.h.SQLValue())
		where[i] = c.col + " = $" + strconv.Itoa(i+1)
	}
	if label == nil {
		args = append(args, csql.HashOf(summaryGraph).SQLValue())
		where = append(where, "label_hash IS DISTINCT FROM $"+strconv.Itoa(len(args)))
	}
	return s.matchWhere(ctx, where, args, limit)
}

// matchSQLPredicates is matchSQL for any of preds (and a label, not nil),
// in one query: the index on d, predicate probed for each.
func (s *Store) matchSQLPredicates(ctx context.Context, d quad.Direction, v quad.Value, preds []quad.Value, label quad.Value) ([]quad.Quad, error) {
	hs := make([][]byte, len(preds))
	for i, p := range preds {
		h := csql.HashOf(p)
		hs[i] = h.ValueHash[:]
	}
	where := []string{d.String() + "_hash = $1", "predicate_hash = ANY($2)", "label_hash = $3"}
	return s.matchWhere(ctx, where, []any{csql.HashOf(v).SQLValue(), pq.ByteaArray(hs), csql.HashOf(label).SQLValue()}, 0)
}

// matchWhere reads the quads that meet the conditions where, oldest
// first, at most limit of them unless limit is 0.
func (s *Store) matchWhere(ctx context.Context, where []string, args []any, limit int) ([]quad.Quad, error) {
	rows, err := s.sql.query(ctx, `SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads WHERE `+
		strings.Join(where, " AND ")+` ORDER BY horizon`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var found [][4]csql.NodeHash
	for (limit <= 0 || len(found) < limit) && rows.Next() {
		var h [4]csql.NodeHash
		if err := rows.Scan(&h[0], &h[1], &h[2], &h[3]); err != nil {
			return nil, err
		}
		found = append(found, h)
	}
	if err := rows.Err(); err != nil || len(found) == 0 {
		return nil, err
	}
	rows.Close()
	return s.quadsOf(ctx, found)
}

// subjectRows returns every quad of subject with its values, oldest first,
// in one query, if it has at most smallSubject of them (an empty, non-nil
// slice if none), or nil if it has more. The query has no ORDER BY, which
// could lead PostgreSQL to walk the whole table in horizon order to fill
// the LIMIT; the rows are sorted here instead.
func (s *Store) subjectRows(ctx context.Context, qs *csql.QuadStore, subject csql.NodeHash) ([]sqlRow, error) {
	st := s.sql
	st.mu.Lock()
	rows, ok := st.subjects[subject.Key()]
	st.mu.Unlock()
	if ok {
		return rows, nil
	}
	res, err := st.query(ctx, joinedQuads+` WHERE q.subject_hash = $1 LIMIT `+strconv.Itoa(smallSubject+1), subject.SQLValue())
	if err != nil {
		return nil, err
	}
	defer res.Close()
	rows = []sqlRow{}
	for res.Next() {
		r, err := scanJoined(res)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	if err := res.Err(); err != nil {
		return nil, err
	}
	if len(rows) > smallSubject {
		rows = nil // a busy subject: ask for what is wanted each time
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].horizon < rows[j].horizon })
	st.mu.Lock()
	if st.subjects == nil || len(st.subjects) >= subjectCacheSize {
		st.subjects = make(map[any][]sqlRow)
	}
	st.subjects[subject.Key()] = rows
	st.mu.Unlock()
	return rows, nil
}

// prefetch reads the quads of many subjects (facts, sentences), with their
// values, in one query per prefetchBatch of them, into the cache that
// subjectRows keeps: a command or Summarize that then reads them one by one
// makes no round trip for each. It does nothing where matchSQL does not
// read the cache (a writer outside Summarize) or on bolt.
func (s *Store) prefetch(ctx context.Context, subjects []quad.Value) error {
	if s.sql == nil || s.w != nil && !s.sql.summarizing {
		return nil
	}
	st := s.sql
	var want [][]byte
	st.mu.Lock()
	for _, v := range subjects {
		h := csql.HashOf(v)
		if _, ok := st.subjects[h.Key()]; !ok && h.Valid() {
			want = append(want, h.ValueHash[:])
		}
	}
	st.mu.Unlock()
	for len(want) > 0 {
		batch := want[:min(prefetchBatch, len(want))]
		want = want[len(batch):]
		res, err := st.query(ctx, joinedQuads+` WHERE q.subject_hash = ANY($1)`, pq.ByteaArray(batch))
		if err != nil {
			return err
		}
		got := map[any][]sqlRow{}
		for res.Next() {
			r, err := scanJoined(res)
			if err != nil {
				res.Close()
				return err
			}
			got[r.h[0].Key()] = append(got[r.h[0].Key()], r)
		}
		err = res.Err()
		res.Close()
		if err != nil {
			return err
		}
		st.mu.Lock()
		for _, b := range batch {
			var h csql.NodeHash
			copy(h.ValueHash[:], b)
			rows := got[h.Key()]
			if len(rows) > smallSubject {
				continue // a busy subject: subjectRows says so when asked
			}
			if rows == nil {
				rows = []sqlRow{}
			}
			sort.Slice(rows, func(i, j int) bool { return rows[i].horizon < rows[j].horizon })
			if st.subjects == nil || len(st.subjects) >= subjectCacheSize {
				st.subjects = make(map[any][]sqlRow)
			}
			st.subjects[h.Key()] = rows
		}
		st.mu.Unlock()
	}
	return nil
}

// prefetchBatch is how many subjects one prefetch query reads; a few
// thousand quads with their values.
const prefetchBatch = 200

// sqlBatch is how many values one query to the nodes table reads.
const sqlBatch = 500

// sqlValues reads the values of refs (node hashes) from the nodes table, a
// batch per query, where Cayley's NameOf makes one query per value.
func sqlValues(ctx context.Context, qs *csql.QuadStore, refs []graph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(refs))
	at := map[any][]int{}
	var hashes []csql.Value
	for i, r := range refs {
		var h csql.NodeHash
		switch r := r.(type) {
		case csql.NodeHash:
			h = r
		case graph.ValueHash:
			h = csql.NodeHash{ValueHash: r}
		default:
			out[i] = qs.NameOf(r)
			continue
		}
		if !h.Valid() {
			continue
		}
		if _, ok := at[h.Key()]; !ok {
			hashes = append(hashes, h)
		}
		at[h.Key()] = append(at[h.Key()], i)
	}
	for len(hashes) > 0 {
		batch := hashes[:min(sqlBatch, len(hashes))]
		hashes = hashes[len(batch):]
		rows, err := qs.Query(ctx, rawSQL{
			text: func(b *csql.Builder) string {
				ph := make([]string, len(batch))
				for i := range ph {
					ph[i] = b.Placeholder()
				}
				return `SELECT ` + nodeColumns + ` FROM nodes n WHERE n.hash IN (` +
					strings.Join(ph, ", ") + `)`
			},
			args: batch,
		})
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var n nodeRow
			err := rows.Scan(n.dest()...)
			var v quad.Value
			if err == nil {
				v, err = n.value()
			}
			if err != nil {
				rows.Close()
				return nil, err
			}
			for _, i := range at[n.hash.Key()] {
				out[i] = v
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// nodeColumns are the columns of the nodes table (alias n) that hold a value.
const nodeColumns = `n.hash, n.value, n.value_string, n.datatype, n.language, n.iri, n.bnode, n.value_int, n.value_bool, n.value_float, n.value_time`

// nodeRow is a row of nodeColumns.
type nodeRow struct {
	hash   csql.NodeHash
	data   []byte
	str    sql.NullString
	typ    sql.NullString
	lang   sql.NullString
	iri    sql.NullBool
	bnode  sql.NullBool
	vint   sql.NullInt64
	vbool  sql.NullBool
	vfloat sql.NullFloat64
	vtime  csql.NullTime
}

func (n *nodeRow) dest() []any {
	return []any{&n.hash, &n.data, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat, &n.vtime}
}

// value decodes the row as Cayley's QuadStore.NameOf does.
func (n *nodeRow) value() (quad.Value, error) {
	unescape := func(s string) quad.String { return quad.String(strings.ReplaceAll(s, `\x00`, "\u0000")) }
	switch {
	case n.str.Valid && n.iri.Bool:
		return quad.IRI(n.str.String), nil
	case n.str.Valid && n.bnode.Bool:
		return quad.BNode(n.str.String), nil
	case n.str.Valid && n.lang.Valid:
		return quad.LangString{Value: unescape(n.str.String), Lang: n.lang.String}, nil
	case n.str.Valid && n.typ.Valid:
		return quad.TypedString{Value: unescape(n.str.String), Type: quad.IRI(n.typ.String)}, nil
	case n.str.Valid:
		return unescape(n.str.String), nil
	case n.vint.Valid:
		return quad.Int(n.vint.Int64), nil
	case n.vbool.Valid:
		return quad.Bool(n.vbool.Bool), nil
	case n.vfloat.Valid:
		return quad.Float(n.vfloat.Float64), nil
	case n.vtime.Valid:
		return quad.Time(n.vtime.Time), nil
	}
	return pquads.UnmarshalValue(n.data)
}

// allQuads returns a reader of every quad in the store, oldest first: on bolt
// Cayley's own reader; on SQL one query, so one snapshot of the database
// however long the reading takes, that joins each quad to its values in
// horizon order (Cayley's reader reads the quads table in its physical
// order, which a delete and an insert can change, and makes a query per
// value).
func (s *Store) allQuads(ctx context.Context) quad.ReadCloser {
	qs, ok := s.sqlStore()
	if !ok {
		return graph.NewQuadStoreReader(s.QuadStore)
	}
	return &sqlReader{ctx: ctx, qs: qs}
}

type sqlReader struct {
	ctx  context.Context
	qs   *csql.QuadStore
	rows *sql.Rows
	err  error
}

func (r *sqlReader) ReadQuad() (quad.Quad, error) {
	if r.err != nil {
		return quad.Quad{}, r.err
	}
	if r.rows == nil {
		r.rows, r.err = r.qs.Query(r.ctx, rawSQL{text: func(*csql.Builder) string {
			return joinedQuads + ` ORDER BY q.horizon`
		}})
		if r.err != nil {
			return quad.Quad{}, r.err
		}
	}
	if !r.rows.Next() {
		if r.err = r.rows.Err(); r.err == nil {
			r.err = io.EOF
		}
		r.rows.Close()
		return quad.Quad{}, r.err
	}
	var row sqlRow
	if row, r.err = scanJoined(r.rows); r.err != nil {
		r.rows.Close()
		return quad.Quad{}, r.err
	}
	return row.q, nil
}

// joinedQuads selects quads with their values (scanJoined reads a row).
var joinedQuads = func() string {
	cols := func(t string) string { return strings.ReplaceAll(nodeColumns, "n.", t+".") }
	return `SELECT q.horizon, ` + cols("s") + `, ` + cols("p") + `, ` + cols("o") + `, ` + cols("l") + `
	FROM quads q JOIN nodes s ON s.hash = q.subject_hash JOIN nodes p ON p.hash = q.predicate_hash
	JOIN nodes o ON o.hash = q.object_hash LEFT JOIN nodes l ON l.hash = q.label_hash`
}()

// scanJoined reads a row of joinedQuads.
func scanJoined(rows *sql.Rows) (sqlRow, error) {
	var r sqlRow
	var ns [4]nodeRow
	dest := []any{&r.horizon}
	for i := range ns {
		dest = append(dest, ns[i].dest()...)
	}
	if err := rows.Scan(dest...); err != nil {
		return r, err
	}
	for i, dir := range quad.Directions {
		r.h[i] = ns[i].hash
		if ns[i].hash.Valid() {
			v, err := ns[i].value()
			if err != nil {
				return r, err
			}
			r.q.Set(dir, v)
		}
	}
	return r, nil
}

func (r *sqlReader) Close() error {
	if r.rows != nil {
		return r.rows.Close()
	}
	return nil
}

// quadsOf returns the quads of rows of hashes (subject, predicate, object,
// label), reading each distinct value once. A quad whose value is gone was
// removed by a kgbuild since the hashes were read; it is left out.
func (s *Store) quadsOf(ctx context.Context, found [][4]csql.NodeHash) ([]quad.Quad, error) {
	index := map[any]int{}
	var refs []graph.Ref
	for _, h := range found {
		for _, x := range h {
			if _, ok := index[x.Key()]; x.Valid() && !ok {
				index[x.Key()] = len(refs)
				refs = append(refs, x)
			}
		}
	}
	vals, err := s.values(ctx, refs)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, 0, len(found))
next:
	for _, h := range found {
		var q quad.Quad
		for j, dir := range quad.Directions {
			if h[j].Valid() {
				v := vals[index[h[j].Key()]]
				if v == nil {
					continue next
				}
				q.Set(dir, v)
			}
		}
		out = append(out, q)
	}
	return out, nil
}
