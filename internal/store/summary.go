package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/cayleygraph/quad/voc/rdfs"
	"github.com/cayleygraph/quad/voc/xsd"

	"github.com/conflictkg/kg/schema"
)

// Summaries: reading a busy actor's facts means reading a dozen quads per
// fact, its sentence and its article through Cayley's indexes, some 20 ms
// for 250 facts on a million quads. kgbuild therefore precomputes, for
// every entity, the rows kgquery relations shows (its facts with evidence
// and its gazetteer relations) into one kg:summary literal in the graph
// kg:summaries, and a question reads that one value.
//
// A summary must never be stale. A summary names the store's
// kg:generation it was made at, and a reader uses it only if that is still
// the store's generation. A session's first write of an article or a
// defined graph raises the generation in the same transaction, so from
// then on, and after an interrupted build, queries read the facts
// themselves, slower and right. Summarize at the end of a build raises it
// again, so that a summary made while another session still wrote is not
// trusted once that session ends, and makes the summaries current. Raising
// it once per session, not per article, matters on PostgreSQL: Cayley's
// SQL backend scans the nodes table after any transaction that removes a
// quad, and the generation's old value is one.

var (
	summaryGraph = quad.IRI(schema.SummaryGraph).Full()
	generationP  = quad.IRI(schema.Generation).Full()
	summaryP     = quad.IRI(schema.Summary).Full()
)

// summaryFormat heads every summary literal: the format version, then the
// generation.
const summaryFormat = "kg-summary 1 "

// summaryRef returns the store's ref of the summary graph, nil while it has none.
func (s *Store) summaryRef() graph.Ref {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.summary == nil {
		s.summary = s.ValueOf(summaryGraph)
	}
	return s.summary
}

// Generation returns the store's generation: "0" before any write that
// counted.
func (s *Store) Generation(ctx context.Context) (string, error) {
	qs, err := s.Match(ctx, quad.Subject, summaryGraph, generationP, summaryGraph, 1)
	if err != nil || len(qs) == 0 {
		return "0", err
	}
	return Text(qs[0].Object), nil
}

// raiseGeneration raises the store's generation in a transaction of its own.
func (s *Store) raiseGeneration(ctx context.Context) error {
	tx := graph.NewTransaction()
	if err := s.nextGeneration(ctx, tx); err != nil {
		return err
	}
	if err := s.applyDeltas(tx); err != nil {
		return fmt.Errorf("writing the store's generation: %v", err)
	}
	return nil
}

// nextGeneration adds to tx the change of the store's generation to the
// next one.
func (s *Store) nextGeneration(ctx context.Context, tx *graph.Transaction) error {
	qs, err := s.Match(ctx, quad.Subject, summaryGraph, generationP, summaryGraph, 0)
	if err != nil {
		return fmt.Errorf("reading the store's generation: %v", err)
	}
	next := int64(1)
	for _, q := range qs {
		tx.RemoveQuad(q)
		if n, err := strconv.ParseInt(Text(q.Object), 10, 64); err == nil && n >= next {
			next = n + 1
		}
	}
	tx.AddQuad(quad.Quad{Subject: summaryGraph, Predicate: generationP, Object: quad.TypedString{Value: quad.String(strconv.FormatInt(next, 10)), Type: quad.IRI(xsd.Integer).Full()}, Label: summaryGraph})
	return nil
}

// Summary returns an entity's facts and gazetteer relations as Summarize
// stored them, and false if there is no summary of the store's current
// generation (then FactsAbout and Affiliations give the answer).
func (s *Store) Summary(ctx context.Context, v quad.Value) ([]Fact, []Affiliation, bool, error) {
	gen, err := s.Generation(ctx)
	if err != nil {
		return nil, nil, false, err
	}
	qs, err := s.Match(ctx, quad.Subject, v, summaryP, summaryGraph, 1)
	if err != nil || len(qs) == 0 {
		return nil, nil, false, err
	}
	text := Text(qs[0].Object)
	if !strings.HasPrefix(text, summaryFormat+gen+"\n") {
		return nil, nil, false, nil
	}
	facts, affs, err := decodeSummary(text)
	if err != nil {
		return nil, nil, false, fmt.Errorf("summary of %s: %v", Text(v), err)
	}
	return facts, affs, true, nil
}

// SummaryOptions say what Summarize needs to know of the build.
type SummaryOptions struct {
	Gazetteer quad.IRI              // the graph of the gazetteer's relations
	NameKey   func(string) string   // the form names are looked up in (triples.NameKey)
	Progress  func(done, total int) // if not nil, called after each entity
}

// Summarize makes every entity's summary current, and the index of their
// names, unless they are. It returns the number of summaries written.
// Summaries are written in transactions of a few megabytes, the name index
// last: its generation says that all summaries are done. It does not
// change the generation.
func (s *Store) Summarize(ctx context.Context, opts SummaryOptions) (int, error) {
	if s.w == nil {
		return 0, errors.New("store is open read-only")
	}
	if err := s.FinishLoad(ctx); err != nil {
		return 0, err
	}
	if s.dirty {
		// Raised again: a summary made while another session still wrote
		// (PostgreSQL) is then stale once that session's writes are done.
		if err := s.raiseGeneration(ctx); err != nil {
			return 0, err
		}
		s.dirty = false
	}
	gen, err := s.Generation(ctx)
	if err != nil {
		return 0, err
	}
	if s.sql != nil {
		// On PostgreSQL each lookup is a round trip: read a fact's or
		// sentence's quads in one, as queries do. Nothing Summarize reads
		// that way changes while it runs; it writes only summaries.
		s.sql.summarizing = true
		defer func() {
			s.sql.mu.Lock()
			s.sql.summarizing, s.sql.subjects = false, nil
			s.sql.mu.Unlock()
		}()
	}
	done, err := s.Match(ctx, quad.Subject, summaryGraph, summaryP, summaryGraph, 0)
	if err != nil {
		return 0, err
	}
	if len(done) == 1 && strings.HasPrefix(Text(done[0].Object), namesFormat+gen+"\n") {
		return 0, nil
	}
	entities, err := s.Entities(ctx)
	if err != nil {
		return 0, err
	}
	const batchBytes = 8 << 20
	var (
		tx      = graph.NewTransaction()
		size    int
		written int
		c       = NewFactCache()
		names   strings.Builder
	)
	names.WriteString(namesFormat + gen + "\n")
	flush := func() error {
		if len(tx.Deltas) > 0 {
			if err := s.applyDeltas(tx); err != nil {
				return fmt.Errorf("writing summaries: %v", err)
			}
		}
		tx, size = graph.NewTransaction(), 0
		// The cache keeps what the batch's entities share, no more: memory
		// stays flat however large the graph.
		c = NewFactCache()
		return nil
	}
	for i, e := range entities {
		if err := ctx.Err(); err != nil {
			return written, err
		}
		facts, err := s.FactsAbout(ctx, e, c)
		if err != nil {
			return written, err
		}
		affs, err := s.Affiliations(ctx, e, opts.Gazetteer)
		if err != nil {
			return written, err
		}
		old, err := s.Match(ctx, quad.Subject, e, summaryP, summaryGraph, 0)
		if err != nil {
			return written, err
		}
		for _, q := range old {
			tx.RemoveQuad(q)
		}
		text := encodeSummary(gen, facts, affs)
		tx.AddQuad(quad.Quad{Subject: e, Predicate: summaryP, Object: quad.String(text), Label: summaryGraph})
		written++
		// Each name once: every article restates the label and the
		// aliases it used.
		said := map[string]bool{}
		for _, p := range []string{rdfs.Label, schema.Alias} {
			vs, err := s.Objects(ctx, e, quad.IRI(p).Full())
			if err != nil {
				return written, err
			}
			for _, v := range vs {
				if t := Text(v); opts.NameKey != nil && !said[t] {
					said[t] = true
					line(&names, opts.NameKey(t), Text(e), t)
				}
			}
		}
		if size += len(text); size > batchBytes {
			if err := flush(); err != nil {
				return written, err
			}
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(entities))
		}
	}
	for _, q := range done {
		tx.RemoveQuad(q)
	}
	tx.AddQuad(quad.Quad{Subject: summaryGraph, Predicate: summaryP, Object: quad.String(names.String()), Label: summaryGraph})
	return written, flush()
}

// Entities returns the store's entities (actors, places, agreements): by
// class in schema.EntityClasses' order, and within a class by IRI. The
// order decides which entity a name that several share resolves to, so it
// is the same whatever the backend: bolt's indexes return quads by the
// ids of their values, PostgreSQL's queries by age.
func (s *Store) Entities(ctx context.Context) ([]quad.Value, error) {
	var entities []quad.Value
	seen := map[quad.Value]bool{}
	for _, class := range schema.EntityClasses() {
		typed, err := s.Match(ctx, quad.Object, quad.IRI(class).Full(), quad.IRI(rdf.Type).Full(), nil, 0)
		if err != nil {
			return nil, err
		}
		var these []quad.Value
		for _, t := range typed {
			// Each entity once: every article that mentions one restates its type.
			if !seen[t.Subject] {
				seen[t.Subject] = true
				these = append(these, t.Subject)
			}
		}
		sort.Slice(these, func(i, j int) bool { return these[i].String() < these[j].String() })
		entities = append(entities, these...)
	}
	return entities, nil
}

// namesFormat heads the name index, the summary graph's own kg:summary.
const namesFormat = "kg-names 1 "

// Name is one label or alias of an entity, with its key.
type Name struct{ Key, IRI, Text string }

// Names returns the labels and aliases of every entity as Summarize
// indexed them, and false if the index is not of the store's current
// generation.
func (s *Store) Names(ctx context.Context) ([]Name, bool, error) {
	gen, err := s.Generation(ctx)
	if err != nil {
		return nil, false, err
	}
	qs, err := s.Match(ctx, quad.Subject, summaryGraph, summaryP, summaryGraph, 1)
	if err != nil || len(qs) == 0 {
		return nil, false, err
	}
	text := Text(qs[0].Object)
	head := namesFormat + gen + "\n"
	if !strings.HasPrefix(text, head) {
		return nil, false, nil
	}
	var out []Name
	for n, l := range strings.Split(strings.TrimSuffix(text[len(head):], "\n"), "\n") {
		if l == "" {
			continue
		}
		f := fields(l)
		if len(f) != 3 {
			return nil, false, fmt.Errorf("name index: line %d: %d fields", n+2, len(f))
		}
		out = append(out, Name{Key: f[0], IRI: f[1], Text: f[2]})
	}
	return out, true, nil
}

// encodeSummary writes facts and affiliations as lines of tab-separated
// fields, which decode ten times faster than JSON: a header, then the
// nodes (n), the sentences (e), the facts (f) and the gazetteer's
// relations (a), which refer to nodes and sentences by their position.
func encodeSummary(gen string, facts []Fact, affs []Affiliation) string {
	var b strings.Builder
	b.WriteString(summaryFormat + gen + "\n")
	nodes := map[string]int{}
	node := func(n Node) string {
		i, ok := nodes[n.IRI]
		if !ok {
			i = len(nodes)
			nodes[n.IRI] = i
			line(&b, "n", n.IRI, n.Label, n.Type)
		}
		return strconv.Itoa(i)
	}
	sentences := map[string]int{}
	for _, f := range facts {
		s, o := node(f.Subject), node(f.Object)
		ev := "-1"
		if e := f.Evidence; e != (Evidence{}) {
			i, ok := sentences[e.IRI]
			if !ok {
				i = len(sentences)
				sentences[e.IRI] = i
				line(&b, "e", e.IRI, strconv.Itoa(e.Index), strconv.Itoa(e.Start), strconv.Itoa(e.End),
					e.Article, e.Title, e.Source, e.URL, e.Sentence)
			}
			ev = strconv.Itoa(i)
		}
		line(&b, "f", f.Fact, s, f.Predicate, o, f.Relation, strconv.FormatBool(f.Negated),
			strconv.FormatFloat(f.Confidence, 'g', -1, 64), f.Date, ev)
	}
	for _, a := range affs {
		line(&b, "a", node(a.Subject), a.Predicate, node(a.Object))
	}
	return b.String()
}

var escaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`)
var unescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n")

func line(b *strings.Builder, fields ...string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte('\t')
		}
		escaper.WriteString(b, f)
	}
	b.WriteByte('\n')
}

// fields splits a line that line wrote.
func fields(l string) []string {
	f := strings.Split(l, "\t")
	for i, x := range f {
		if strings.IndexByte(x, '\\') >= 0 {
			f[i] = unescaper.Replace(x)
		}
	}
	return f
}

// decodeSummary reads what encodeSummary wrote.
func decodeSummary(text string) ([]Fact, []Affiliation, error) {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")[1:]
	var (
		nodes     []Node
		sentences []Evidence
		facts     []Fact
		affs      []Affiliation
	)
	ref := func(list int, s string) (int, error) {
		i, err := strconv.Atoi(s)
		if err != nil || i < -1 || i >= list {
			return 0, fmt.Errorf("bad reference %q", s)
		}
		return i, nil
	}
	for n, l := range lines {
		f := fields(l)
		bad := fmt.Errorf("line %d: %d fields", n+2, len(f))
		switch f[0] {
		case "n":
			if len(f) != 4 {
				return nil, nil, bad
			}
			nodes = append(nodes, Node{IRI: f[1], Label: f[2], Type: f[3]})
		case "e":
			if len(f) != 10 {
				return nil, nil, bad
			}
			e := Evidence{IRI: f[1], Article: f[5], Title: f[6], Source: f[7], URL: f[8], Sentence: f[9]}
			e.Index, _ = strconv.Atoi(f[2])
			e.Start, _ = strconv.Atoi(f[3])
			e.End, _ = strconv.Atoi(f[4])
			sentences = append(sentences, e)
		case "f":
			if len(f) != 10 {
				return nil, nil, bad
			}
			r := Fact{Fact: f[1], Predicate: f[3], Label: predicateLabel(f[3]), Relation: f[5], Negated: f[6] == "true", Date: f[8]}
			r.Confidence, _ = strconv.ParseFloat(f[7], 64)
			si, err1 := ref(len(nodes), f[2])
			oi, err2 := ref(len(nodes), f[4])
			ei, err3 := ref(len(sentences), f[9])
			if err := errors.Join(err1, err2, err3); err != nil || si < 0 || oi < 0 {
				return nil, nil, fmt.Errorf("line %d: %v", n+2, err)
			}
			r.Subject, r.Object = nodes[si], nodes[oi]
			if ei >= 0 {
				r.Evidence = sentences[ei]
			}
			facts = append(facts, r)
		case "a":
			if len(f) != 4 {
				return nil, nil, bad
			}
			si, err1 := ref(len(nodes), f[1])
			oi, err2 := ref(len(nodes), f[3])
			if err := errors.Join(err1, err2); err != nil || si < 0 || oi < 0 {
				return nil, nil, fmt.Errorf("line %d: %v", n+2, err)
			}
			affs = append(affs, Affiliation{Subject: nodes[si], Predicate: f[2], Label: predicateLabel(f[2]), Object: nodes[oi]})
		default:
			return nil, nil, fmt.Errorf("line %d: unknown kind %q", n+2, f[0])
		}
	}
	return facts, affs, nil
}

// Quads reads every quad of the store but the summaries, which derive from
// the rest: what an export writes and statistics count.
func (s *Store) Quads(ctx context.Context) quad.ReadCloser {
	return &withoutSummaries{s.allQuads(ctx)}
}

type withoutSummaries struct{ quad.ReadCloser }

func (r *withoutSummaries) ReadQuad() (quad.Quad, error) {
	for {
		q, err := r.ReadCloser.ReadQuad()
		if err != nil || q.Label != summaryGraph {
			return q, err
		}
	}
}
