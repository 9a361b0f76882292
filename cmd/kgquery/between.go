package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"
	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/schema"
)

type betweenCommand struct {
	hops    int
	paths   int
	anyNode bool
}

func (c *betweenCommand) usage() string {
	return `Usage: kgquery between [flags] A B

What links A and B: first the facts between them, both ways (negated ones
marked NOT) and what the gazetteer states; then the shortest chains of facts
through other actors, up to --hops facts long. Each step of a chain is a fact,
shown with its predicate, direction, date and evidence; when several facts
link the same two actors the step shows the most confident one and counts the
rest. Chains go through actors only, unless --any-node lets them pass places
and agreements too (every ceasefire is one node, so such chains are weak). A
negated fact is no link: the graph does not assert what a sentence denies.

For scripts, --jsonl and --csv write one row a step, every link a chain
from A to B: each direct fact and each of the gazetteer's relations a chain
of one step (kind direct or gazetteer), then the chains through others (kind
chain), numbered in that order. A row has the chain's number, kind and
length, the step's number (hop), its ends from and to, the predicate,
whether the fact runs from→to (forward) and is negated, and the fact's id,
date, confidence, sentence and article. --offset and --limit count chains,
never cutting one, in every format (--json keeps its document, paged).

  kgquery between "Jaish al-Islam" Russia
  kgquery between --hops 2 --json "Mohammed Alloush" "Bashar al-Assad"
  kgquery between --csv "Jaish al-Islam" Russia > links.csv`
}

func (c *betweenCommand) flags(fs *pflag.FlagSet) {
	fs.IntVar(&c.hops, "hops", 3, "longest chain, in facts (1: direct facts only)")
	fs.IntVar(&c.paths, "paths", 10, "at most `N` chains, the best supported first")
	fs.BoolVar(&c.anyNode, "any-node", false, "let chains pass places and agreements, not only actors")
}

// pathStep is one fact of a chain: From and To are the chain's order, the
// fact's own direction is Forward (From is its subject) or not.
type pathStep struct {
	From    node       `json:"from"`
	To      node       `json:"to"`
	Forward bool       `json:"forward"`
	Fact    factDetail `json:"fact"`
	More    int        `json:"more_facts"` // other facts linking From and To
}

// path is a chain of facts from A to B.
type path struct {
	Nodes []node     `json:"nodes"`
	Steps []pathStep `json:"steps"`
}

type betweenResult struct {
	A            node          `json:"a"`
	B            node          `json:"b"`
	Direct       []factDetail  `json:"direct"`
	Affiliations []affiliation `json:"affiliations"`
	Hops         int           `json:"hops"`
	Paths        []path        `json:"paths"`
	first        int           // the index of Paths[0] among all chains, when paged
}

func (c *betweenCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("kgquery between: want two names A and B, have %d arguments (quote names with spaces)", len(args))
	}
	if c.hops < 1 || c.hops > 6 {
		return fmt.Errorf("kgquery between: --hops %d: want 1 to 6", c.hops)
	}
	if c.paths < 1 {
		return fmt.Errorf("kgquery between: --paths %d: want at least 1", c.paths)
	}
	a, err := q.resolve(ctx, args[0])
	if err != nil {
		return err
	}
	b, err := q.resolve(ctx, args[1])
	if err != nil {
		return err
	}
	if a.IRI == b.IRI {
		return fmt.Errorf("kgquery between: %q and %q are both %s", args[0], args[1], a.Label)
	}
	cache := newFactCache()
	res := betweenResult{A: a, B: b, Hops: c.hops}
	// The direct facts, the gazetteer's relations and the search for
	// chains read the store apart: between two hubs each takes tens of
	// milliseconds, so they run at once (the store is safe for that; each
	// part has caches of its own).
	var (
		wg                sync.WaitGroup
		directErr, affErr error
		chains            [][]quad.Value
		searchErr         error
		s                 = newPathSearch(q, c.anyNode)
	)
	wg.Add(3)
	go func() {
		defer wg.Done()
		res.Direct, directErr = q.factsBetween(ctx, quad.IRI(a.IRI), quad.IRI(b.IRI), cache)
	}()
	go func() {
		defer wg.Done()
		res.Affiliations, affErr = q.affiliationsBetween(ctx, a, b)
	}()
	go func() {
		defer wg.Done()
		if c.hops > 1 {
			chains, searchErr = s.shortest(ctx, quad.IRI(a.IRI), quad.IRI(b.IRI), c.hops, c.paths)
		}
	}()
	wg.Wait()
	if err := errors.Join(directErr, affErr, searchErr); err != nil {
		return err
	}
	sortDetailsByDate(res.Direct)
	if c.hops > 1 {
		for _, ch := range chains {
			p, err := s.describe(ctx, ch, cache)
			if err != nil {
				return err
			}
			res.Paths = append(res.Paths, p)
		}
	}
	rows := betweenRows(res)
	l := list[betweenRow]{
		items:   rows,
		columns: betweenColumns,
		row:     betweenRow.csv,
		group:   func(r betweenRow) int { return r.Chain },
		table:   func(page []betweenRow) { writeBetween(q, res.page(page), len(page) < len(rows)) },
		doc: func(page []betweenRow) any {
			p := res.page(page)
			p.Direct, p.Affiliations, p.Paths = nonNil(p.Direct), nonNil(p.Affiliations), nonNil(p.Paths)
			return p
		},
	}
	if len(rows) == 0 && !q.json && !q.jsonl && !q.csv {
		writeBetween(q, res, false) // "no chain" says more than nothing
	} else if _, err := writeList(q, l); err != nil {
		return err
	}
	if len(res.Direct)+len(res.Affiliations)+len(res.Paths) == 0 {
		return fmt.Errorf("%w: nothing links %s and %s within %d hops in %s", ErrNoResults, a.Label, b.Label, c.hops, q.db)
	}
	return nil
}

// factsBetween returns the facts with a as subject and b as object or the
// other way round, negated ones too.
func (q *query) factsBetween(ctx context.Context, a, b quad.Value, c *factCache) ([]factDetail, error) {
	facts, err := q.st.FactsBetween(ctx, a, b)
	if err != nil {
		return nil, err
	}
	var out []factDetail
	for _, f := range facts {
		d, err := q.detail(ctx, f, c)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// affiliationsBetween returns what the gazetteer states between a and b,
// both ways.
func (q *query) affiliationsBetween(ctx context.Context, a, b node) ([]affiliation, error) {
	all, err := q.affiliations(ctx, quad.IRI(a.IRI))
	if err != nil {
		return nil, err
	}
	var out []affiliation
	for _, x := range all {
		if x.Subject.IRI == a.IRI && x.Object.IRI == b.IRI || x.Subject.IRI == b.IRI && x.Object.IRI == a.IRI {
			out = append(out, x)
		}
	}
	return out, nil
}

// factNodes returns the fact nodes with v as subject or object, as a set.
// It reads the object index for exactly those quads: a busy actor is the
// object of tens of thousands of others.
func (q *query) factNodes(ctx context.Context, v quad.Value) (map[quad.Value]bool, error) {
	set := map[quad.Value]bool{}
	for _, p := range []string{schema.Subject, schema.Object} {
		in, err := q.st.Match(ctx, quad.Object, v, quad.IRI(p).Full(), nil, 0)
		if err != nil {
			return nil, err
		}
		for _, x := range in {
			set[x.Subject] = true
		}
	}
	return set, nil
}

// link is a direct edge of the graph: subject, predicate and object of a
// fact that is not negated, in the named graph of its sentence.
type link struct {
	s, p, o, sentence quad.Value
}

// pair names two nodes in either order.
type pair struct{ x, y quad.Value }

func pairOf(x, y quad.Value) pair {
	if store.Text(x) > store.Text(y) {
		x, y = y, x
	}
	return pair{x, y}
}

// pathSearch finds chains of facts between two nodes by a breadth-first
// search from both ends over the direct edges, which the store indexes by
// subject and by object, so a step costs two index scans and no fact reads;
// only the chains found are read as facts.
type pathSearch struct {
	q          *query
	anyNode    bool
	predicates map[quad.Value]bool
	gazetteer  quad.Value
	actors     string // IRI prefix of actors
	links      map[pair][]link
	seen       map[link]bool
}

func newPathSearch(q *query, anyNode bool) *pathSearch {
	s := &pathSearch{
		q: q, anyNode: anyNode,
		predicates: map[quad.Value]bool{},
		gazetteer:  q.iris.Gazetteer(),
		actors:     q.baseIRI() + "actor/",
		links:      map[pair][]link{},
		seen:       map[link]bool{},
	}
	for _, p := range schema.Predicates() {
		s.predicates[quad.IRI(p.IRI).Full()] = true
	}
	return s
}

// neighbours returns the nodes one fact away from x, recording the links.
// It reads the index predicate by predicate: the direct edges are a few of
// the many quads naming a busy actor.
func (s *pathSearch) neighbours(ctx context.Context, x quad.Value) ([]quad.Value, error) {
	var out []quad.Value
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		var qs []quad.Quad
		for _, p := range schema.Predicates() {
			m, err := s.q.st.Match(ctx, d, x, quad.IRI(p.IRI).Full(), nil, 0)
			if err != nil {
				return nil, err
			}
			qs = append(qs, m...)
		}
		for _, e := range qs {
			if e.Label == nil || e.Label == s.gazetteer {
				continue
			}
			l := link{e.Subject, e.Predicate, e.Object, e.Label}
			y := e.Object
			if d == quad.Object {
				y = e.Subject
			}
			if y == x {
				continue
			}
			if !s.seen[l] {
				s.seen[l] = true
				k := pairOf(x, y)
				s.links[k] = append(s.links[k], l)
			}
			out = append(out, y)
		}
	}
	return out, nil
}

// side is one end of the search: how far each node it reached is, and from
// which nodes one step nearer.
type side struct {
	dist    map[quad.Value]int
	parents map[quad.Value][]quad.Value
	front   []quad.Value
	depth   int
}

func newSide(start quad.Value) *side {
	return &side{dist: map[quad.Value]int{start: 0}, parents: map[quad.Value][]quad.Value{}, front: []quad.Value{start}}
}

// shortest returns up to limit shortest chains from a to b of 2 to hops facts
// (the direct facts are shown apart), each a list of nodes, the best
// supported first: by the weakest step's number of facts, then the total.
func (s *pathSearch) shortest(ctx context.Context, a, b quad.Value, hops, limit int) ([][]quad.Value, error) {
	sa, sb := newSide(a), newSide(b)
	var meet []quad.Value
	for sa.depth+sb.depth < hops && len(meet) == 0 {
		// Grow the smaller frontier: hubs stay unexpanded as long as possible.
		grow, other, end := sa, sb, b
		if len(sb.front) < len(sa.front) {
			grow, other, end = sb, sa, a
		}
		var next []quad.Value
		for _, x := range grow.front {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			ys, err := s.neighbours(ctx, x)
			if err != nil {
				return nil, err
			}
			for _, y := range ys {
				if grow.depth == 0 && y == end {
					continue // the direct facts, shown apart
				}
				if y != end && !s.anyNode && !strings.HasPrefix(store.Text(y), s.actors) {
					continue
				}
				d, ok := grow.dist[y]
				switch {
				case !ok:
					grow.dist[y] = grow.depth + 1
					grow.parents[y] = []quad.Value{x}
					next = append(next, y)
				case d == grow.depth+1 && !contains(grow.parents[y], x):
					grow.parents[y] = append(grow.parents[y], x)
				}
			}
		}
		grow.front, grow.depth = next, grow.depth+1
		best := hops + 1
		for _, y := range next {
			if d, ok := other.dist[y]; ok && grow.depth+d < best {
				best = grow.depth + d
			}
		}
		for _, y := range next {
			if d, ok := other.dist[y]; ok && grow.depth+d == best {
				meet = append(meet, y)
			}
		}
		if len(next) == 0 {
			break
		}
	}
	// Every chain through every meeting node, bounded: the ranking below
	// needs more than limit to choose from, not all of them.
	const bound = 2000
	var chains [][]quad.Value
	for _, m := range meet {
		for _, left := range halves(sa, m, bound) {
			for _, right := range halves(sb, m, bound) {
				if len(chains) == bound {
					break
				}
				chain := append([]quad.Value{}, left...)
				for i := len(right) - 2; i >= 0; i-- {
					chain = append(chain, right[i])
				}
				chains = append(chains, chain)
			}
		}
	}
	support := func(ch []quad.Value) (weakest, total int) {
		weakest = 1 << 30
		for i := 1; i < len(ch); i++ {
			n := len(s.links[pairOf(ch[i-1], ch[i])])
			weakest, total = min(weakest, n), total+n
		}
		return weakest, total
	}
	sort.SliceStable(chains, func(i, j int) bool {
		wi, ti := support(chains[i])
		wj, tj := support(chains[j])
		if wi != wj {
			return wi > wj
		}
		if ti != tj {
			return ti > tj
		}
		return chainKey(chains[i]) < chainKey(chains[j])
	})
	if len(chains) > limit {
		chains = chains[:limit]
	}
	return chains, nil
}

// halves returns the chains from a side's start to m, start first, at most bound.
func halves(sd *side, m quad.Value, bound int) [][]quad.Value {
	if sd.dist[m] == 0 {
		return [][]quad.Value{{m}}
	}
	var out [][]quad.Value
	for _, p := range sd.parents[m] {
		for _, h := range halves(sd, p, bound-len(out)) {
			if len(out) >= bound {
				return out
			}
			out = append(out, append(h[:len(h):len(h)], m))
		}
	}
	return out
}

func contains(vs []quad.Value, v quad.Value) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

func chainKey(ch []quad.Value) string {
	parts := make([]string, len(ch))
	for i, v := range ch {
		parts[i] = store.Text(v)
	}
	return strings.Join(parts, " ")
}

// describe reads a chain's steps as facts: for each two nodes, the links
// between them resolved to the facts of their sentences, the most confident
// (then newest) shown.
func (s *pathSearch) describe(ctx context.Context, chain []quad.Value, c *factCache) (path, error) {
	var p path
	for _, v := range chain {
		n, err := c.node(ctx, s.q, v)
		if err != nil {
			return p, err
		}
		p.Nodes = append(p.Nodes, n)
	}
	for i := 1; i < len(chain); i++ {
		from, to := chain[i-1], chain[i]
		links := s.links[pairOf(from, to)]
		var facts []factDetail
		// Reading every link of two hubs takes long (each is a sentence
		// and its facts); a few are enough to pick a strong one.
		for _, l := range links[:min(len(links), 5)] {
			fs, err := s.q.sentenceFacts(ctx, l.sentence, c)
			if err != nil {
				return p, err
			}
			for _, f := range fs {
				if !f.Negated && f.Subject.IRI == store.Text(l.s) && f.Predicate == store.Text(l.p) && f.Object.IRI == store.Text(l.o) {
					facts = append(facts, f)
				}
			}
		}
		if len(facts) == 0 {
			return p, fmt.Errorf("between: no fact node behind the edges from %s to %s", store.Text(from), store.Text(to))
		}
		sort.SliceStable(facts, func(i, j int) bool {
			if facts[i].Confidence != facts[j].Confidence {
				return facts[i].Confidence > facts[j].Confidence
			}
			if facts[i].Date != facts[j].Date {
				return facts[i].Date > facts[j].Date
			}
			return facts[i].Fact < facts[j].Fact // any, but the same every time
		})
		f := facts[0]
		p.Steps = append(p.Steps, pathStep{From: p.Nodes[i-1], To: p.Nodes[i], Forward: f.Subject.IRI == store.Text(from), Fact: f, More: len(links) - 1})
	}
	return p, nil
}

// sortDetailsByDate orders facts by date, oldest first (undated last), then article and sentence.
func sortDetailsByDate(rows []factDetail) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		switch {
		case a.Date != b.Date:
			return a.Date != "" && (b.Date == "" || a.Date < b.Date)
		case a.Evidence.Article != b.Evidence.Article:
			return a.Evidence.Article < b.Evidence.Article
		case a.Evidence.Index != b.Evidence.Index:
			return a.Evidence.Index < b.Evidence.Index
		case a.SpanStart != b.SpanStart:
			return a.SpanStart < b.SpanStart
		}
		return a.Fact < b.Fact
	})
}

// betweenRow is one step of a chain from A to B, as --jsonl and --csv write
// it: a direct fact or a gazetteer's relation is a chain of one step.
type betweenRow struct {
	Chain      int     `json:"chain"` // from 1: direct facts, the gazetteer's relations, chains through others
	Kind       string  `json:"kind"`  // direct, gazetteer or chain
	Hops       int     `json:"hops"`  // the chain's length
	Hop        int     `json:"hop"`   // the step's place in it, from 1
	From       node    `json:"from"`
	Predicate  string  `json:"predicate"`
	Label      string  `json:"predicate_label"`
	To         node    `json:"to"`
	Forward    bool    `json:"forward"` // the fact's subject is From
	Negated    bool    `json:"negated"`
	Fact       string  `json:"fact,omitempty"` // none for the gazetteer's relations
	Date       string  `json:"date,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Sentence   string  `json:"sentence,omitempty"`
	Article    string  `json:"article,omitempty"`
	More       int     `json:"more_facts"` // other facts linking From and To in a chain
}

var betweenColumns = []string{"chain", "kind", "hops", "hop", "from", "from_label", "predicate", "predicate_label",
	"to", "to_label", "forward", "negated", "fact", "date", "confidence", "sentence", "article", "more_facts"}

func (r betweenRow) csv() []string {
	conf := ""
	if r.Fact != "" {
		conf = strconv.FormatFloat(r.Confidence, 'f', -1, 64)
	}
	return []string{strconv.Itoa(r.Chain), r.Kind, strconv.Itoa(r.Hops), strconv.Itoa(r.Hop), r.From.IRI, r.From.Label,
		r.Predicate, r.Label, r.To.IRI, r.To.Label, strconv.FormatBool(r.Forward), strconv.FormatBool(r.Negated),
		r.Fact, r.Date, conf, r.Sentence, r.Article, strconv.Itoa(r.More)}
}

// betweenRows flattens a result into chains from A to B, a row a step.
func betweenRows(res betweenResult) []betweenRow {
	var rows []betweenRow
	fact := func(chain int, kind string, hops, hop int, from, to node, f factDetail, more int) betweenRow {
		return betweenRow{Chain: chain, Kind: kind, Hops: hops, Hop: hop, From: from, Predicate: f.Predicate, Label: f.Label,
			To: to, Forward: f.Subject.IRI == from.IRI, Negated: f.Negated, Fact: f.Fact, Date: f.Date,
			Confidence: f.Confidence, Sentence: f.Evidence.Sentence, Article: f.Evidence.Article, More: more}
	}
	for _, f := range res.Direct {
		rows = append(rows, fact(len(rows)+1, "direct", 1, 1, res.A, res.B, f, 0))
	}
	for _, a := range res.Affiliations {
		rows = append(rows, betweenRow{Chain: len(rows) + 1, Kind: "gazetteer", Hops: 1, Hop: 1, From: res.A,
			Predicate: a.Predicate, Label: a.Label, To: res.B, Forward: a.Subject.IRI == res.A.IRI})
	}
	chain := len(rows)
	for _, p := range res.Paths {
		chain++
		for i, st := range p.Steps {
			rows = append(rows, fact(chain, "chain", len(p.Steps), i+1, st.From, st.To, st.Fact, st.More))
		}
	}
	return rows
}

// page returns the part of r whose chains the rows of page are.
func (r betweenResult) page(page []betweenRow) betweenResult {
	in := map[int]bool{}
	for _, x := range page {
		in[x.Chain] = true
	}
	p := r
	p.Direct, p.Affiliations, p.Paths, p.first = nil, nil, nil, 0
	n := 0
	for _, f := range r.Direct {
		if n++; in[n] {
			p.Direct = append(p.Direct, f)
		}
	}
	for _, a := range r.Affiliations {
		if n++; in[n] {
			p.Affiliations = append(p.Affiliations, a)
		}
	}
	for i, c := range r.Paths {
		if n++; in[n] {
			if p.Paths == nil {
				p.first = i
			}
			p.Paths = append(p.Paths, c)
		}
	}
	return p
}

// writeBetween prints the direct facts, the gazetteer's relations and the
// chains; a page of them (paged) leaves out the sections it has nothing of.
func writeBetween(q *query, r betweenResult, paged bool) {
	w := q.stdout
	fmt.Fprintf(w, "%s (%s) and %s (%s)\n", r.A.Label, orDash(r.A.Type), r.B.Label, orDash(r.B.Type))
	if !paged || len(r.Direct) > 0 {
		fmt.Fprintf(w, "\ndirect facts (%d)\n", len(r.Direct))
	}
	if len(r.Direct) > 0 {
		writeFactTable(q, r.Direct)
	}
	if len(r.Affiliations) > 0 {
		fmt.Fprintf(w, "\nknown from the gazetteer (%d)\n", len(r.Affiliations))
		for _, a := range r.Affiliations {
			fmt.Fprintf(w, "  %s %s %s\n", a.Subject.Label, a.Label, a.Object.Label)
		}
	}
	if r.Hops < 2 || paged && len(r.Paths) == 0 {
		return
	}
	if len(r.Paths) == 0 {
		fmt.Fprintf(w, "\nno chain through other actors within %d hops\n", r.Hops)
		return
	}
	fmt.Fprintf(w, "\nchains through other actors (%d, %d facts long)\n", len(r.Paths), len(r.Paths[0].Steps))
	for i, p := range r.Paths {
		i += r.first // numbered as in the whole list when paged
		var b strings.Builder
		b.WriteString(p.Nodes[0].Label)
		for _, st := range p.Steps {
			if st.Forward {
				fmt.Fprintf(&b, " —%s→ %s", st.Fact.Label, st.To.Label)
			} else {
				fmt.Fprintf(&b, " ←%s— %s", st.Fact.Label, st.To.Label)
			}
		}
		fmt.Fprintf(w, "\n%d. %s\n", i+1, b.String())
		for _, st := range p.Steps {
			f := st.Fact
			more := ""
			switch {
			case st.More == 1:
				more = "; 1 more fact"
			case st.More > 1:
				more = fmt.Sprintf("; %d more facts", st.More)
			}
			fmt.Fprintf(w, "   %s  %s %s %s  (%s, %s #%d, fact %s%s)\n", orDash(f.Date), f.Subject.Label, f.relationText(), f.Object.Label,
				strconv.FormatFloat(f.Confidence, 'f', 2, 64), articleID(q, f.Evidence.Article), f.Evidence.Index, shortFactID(f.Fact), more)
			fmt.Fprintf(w, "      “%s”\n", q.sentence(f.Evidence.Sentence))
		}
	}
}

// writeFactTable prints facts as aligned columns, each with its sentence below.
func writeFactTable(q *query, rows []factDetail) {
	table := [][]string{{"DATE", "SUBJECT", "RELATION", "OBJECT", "CONF", "ARTICLE", "FACT"}}
	for _, r := range rows {
		table = append(table, []string{orDash(r.Date), r.Subject.Label, r.relationText(), r.Object.Label,
			strconv.FormatFloat(r.Confidence, 'f', 2, 64), fmt.Sprintf("%s #%d", articleID(q, r.Evidence.Article), r.Evidence.Index), shortFactID(r.Fact)})
	}
	widths := columnWidths(table)
	for k, row := range table {
		fmt.Fprintf(q.stdout, "  %s\n", alignRow(row, widths))
		if k > 0 {
			fmt.Fprintf(q.stdout, "  %*s“%s”\n", widths[0]+2, "", q.sentence(rows[k-1].Evidence.Sentence))
		}
	}
}
