package main

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/cayleygraph/quad/voc/rdfs"
	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/internal/triples"
	"github.com/conflictkg/kg/schema"
)

type relationsCommand struct{}

func (c *relationsCommand) usage() string {
	return `Usage: kgquery relations [flags] NAME

Every fact where the actor NAME is subject or object, grouped by predicate,
newest first, each with its date and the sentence and article it came from.
NAME matches across spellings and case ("Jaysh al-Islam", "jaish al islam").`
}

func (c *relationsCommand) flags(fs *pflag.FlagSet) {}

// node is an entity of the graph as a query shows it.
type node struct {
	IRI   string `json:"iri"`
	Label string `json:"label"`
	Type  string `json:"type,omitempty"`
}

// factRow is one fact with its evidence.
type factRow struct {
	Fact       string   `json:"fact"`
	Subject    node     `json:"subject"`
	Predicate  string   `json:"predicate"`
	Label      string   `json:"predicate_label"`
	Object     node     `json:"object"`
	Relation   string   `json:"relation_text"`
	Negated    bool     `json:"negated"`
	Confidence float64  `json:"confidence"`
	Date       string   `json:"date,omitempty"`
	Evidence   evidence `json:"evidence"`
}

// evidence is the sentence and article behind a fact.
type evidence struct {
	Sentence string `json:"sentence"`
	IRI      string `json:"sentence_iri"`
	Index    int    `json:"sentence_index"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Article  string `json:"article"`
	Title    string `json:"title,omitempty"`
	Source   string `json:"source,omitempty"`
	URL      string `json:"url,omitempty"`
}

func (c *relationsCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("kgquery relations: want one NAME, have %d arguments (quote names with spaces)", len(args))
	}
	actor, err := q.resolve(ctx, args[0])
	if err != nil {
		return err
	}
	facts, err := q.factsAbout(ctx, quad.IRI(actor.IRI))
	if err != nil {
		return err
	}
	sortFacts(facts)
	known, err := q.affiliations(ctx, quad.IRI(actor.IRI))
	if err != nil {
		return err
	}
	l := factList(q, facts)
	l.table = func(page []factRow) { writeRelations(q, actor, known, page) }
	l.doc = func(page []factRow) any {
		return struct {
			Actor        node          `json:"actor"`
			Affiliations []affiliation `json:"affiliations"`
			Facts        []factRow     `json:"facts"`
		}{actor, known, nonNil(page)}
	}
	n, err := writeList(q, l)
	if err != nil {
		return err
	}
	if !q.json && !q.jsonl && !q.csv && n == 0 && len(known) > 0 {
		// The gazetteer's relations are worth a table of their own.
		writeRelations(q, actor, known, nil)
	}
	if n+len(known) == 0 {
		return fmt.Errorf("%w: no facts about %s in %s", ErrNoResults, actor.Label, q.db)
	}
	return nil
}

// affiliation is a relation the gazetteer states, not an article.
type affiliation struct {
	Subject   node   `json:"subject"`
	Predicate string `json:"predicate"`
	Label     string `json:"predicate_label"`
	Object    node   `json:"object"`
}

// affiliations returns the gazetteer's relations of an actor, both ways:
// memberOf, leads, backedBy ... as the gazetteer graph holds them.
func (q *query) affiliations(ctx context.Context, actor quad.IRI) ([]affiliation, error) {
	g := q.iris.Gazetteer()
	var out []affiliation
	// Predicate by predicate: the gazetteer's few quads among the thousands
	// of a busy actor's aliases, mentions and facts.
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		for _, pi := range schema.Predicates() {
			qs, err := q.st.Match(ctx, d, actor, quad.IRI(pi.IRI).Full(), g, 0)
			if err != nil {
				return nil, err
			}
			for _, x := range qs {
				a := affiliation{Predicate: store.Text(x.Predicate), Label: pi.Label}
				if a.Subject, err = q.node(ctx, x.Subject); err != nil {
					return nil, err
				}
				if a.Object, err = q.node(ctx, x.Object); err != nil {
					return nil, err
				}
				out = append(out, a)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Label != out[j].Label {
			return out[i].Label < out[j].Label
		}
		return out[i].Subject.Label+out[i].Object.Label < out[j].Subject.Label+out[j].Object.Label
	})
	return out, nil
}

// resolve finds the node a name refers to: through the gazetteer first, then
// by comparing the name's key with the labels and aliases of the graph's
// entities.
func (q *query) resolve(ctx context.Context, name string) (node, error) {
	if e, ok := triples.DefaultGazetteer().Lookup(name); ok {
		iri := q.iris.Entity(e)
		if q.st.ValueOf(iri) != nil {
			return q.node(ctx, iri)
		}
	}
	key := triples.NameKey(name)
	if key == "" {
		return node{}, fmt.Errorf("%w: %q is not a name", ErrNoResults, name)
	}
	var names []entityName // for suggestions when nothing matches
	// Each entity once: every article that mentions one restates its type.
	seen := map[quad.Value]bool{}
	for _, class := range entityClasses {
		typed, err := q.st.Match(ctx, quad.Object, quad.IRI(class).Full(), quad.IRI(rdf.Type).Full(), nil, 0)
		if err != nil {
			return node{}, err
		}
		for _, tq := range typed {
			if seen[tq.Subject] {
				continue
			}
			seen[tq.Subject] = true
			for _, p := range []string{rdfs.Label, schema.Alias} {
				vals, err := q.st.Objects(ctx, tq.Subject, quad.IRI(p).Full())
				if err != nil {
					return node{}, err
				}
				for _, n := range vals {
					if triples.NameKey(store.Text(n)) == key {
						return q.node(ctx, tq.Subject)
					}
					names = append(names, entityName{tq.Subject, store.Text(n)})
				}
			}
		}
	}
	return node{}, fmt.Errorf("%w: no actor, place or agreement named %q in %s%s", ErrNoResults, name, q.db, q.suggest(ctx, name, names))
}

var entityClasses = schema.EntityClasses()

// node describes an entity by its label and type.
func (q *query) node(ctx context.Context, v quad.Value) (node, error) {
	n := node{IRI: store.Text(v)}
	// One label and type, the oldest: every article that mentions an actor
	// restates them.
	label, err := q.st.Match(ctx, quad.Subject, v, quad.IRI(rdfs.Label).Full(), nil, 1)
	if err != nil {
		return n, err
	}
	typ, err := q.st.Match(ctx, quad.Subject, v, quad.IRI(rdf.Type).Full(), nil, 1)
	for _, x := range append(label, typ...) {
		switch x.Predicate {
		case quad.IRI(rdfs.Label).Full():
			n.Label = store.Text(x.Object)
		case quad.IRI(rdf.Type).Full():
			n.Type = strings.TrimPrefix(store.Text(x.Object), schema.NS)
		}
	}
	if n.Label == "" {
		n.Label = n.IRI
	}
	return n, err
}

// factsAbout returns the facts with v as subject or object, with evidence.
func (q *query) factsAbout(ctx context.Context, v quad.Value) ([]factRow, error) {
	var in []quad.Quad
	for _, p := range []string{schema.Subject, schema.Object} {
		qs, err := q.st.Match(ctx, quad.Object, v, quad.IRI(p).Full(), nil, 0)
		if err != nil {
			return nil, err
		}
		in = append(in, qs...)
	}
	seen := map[quad.Value]bool{}
	nodes := map[quad.Value]node{}
	sentences := map[quad.Value]evidence{}
	var rows []factRow
	for _, x := range in {
		p := x.Predicate
		if p != quad.IRI(schema.Subject).Full() && p != quad.IRI(schema.Object).Full() || seen[x.Subject] {
			continue
		}
		seen[x.Subject] = true
		r, err := q.fact(ctx, x.Subject, nodes, sentences)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// fact reads one fact node and what stands behind it; nodes and sentences cache lookups.
func (q *query) fact(ctx context.Context, f quad.Value, nodes map[quad.Value]node, sentences map[quad.Value]evidence) (factRow, error) {
	r := factRow{Fact: store.Text(f)}
	props, err := q.st.QuadsWith(ctx, quad.Subject, f)
	if err != nil {
		return r, err
	}
	look := func(v quad.Value) (node, error) {
		if n, ok := nodes[v]; ok {
			return n, nil
		}
		n, err := q.node(ctx, v)
		nodes[v] = n
		return n, err
	}
	var sent quad.Value
	for _, x := range props {
		o := x.Object
		switch strings.TrimPrefix(store.Text(x.Predicate), schema.NS) {
		case local(schema.Subject):
			r.Subject, err = look(o)
		case local(schema.Object):
			r.Object, err = look(o)
		case local(schema.Predicate):
			r.Predicate = store.Text(o)
			r.Label = r.Predicate
			if p, ok := schema.LookupPredicate(strings.TrimPrefix(r.Predicate, schema.NS)); ok {
				r.Label = p.Label
			}
		case local(schema.RelationText):
			r.Relation = store.Text(o)
		case local(schema.Negated):
			r.Negated = store.Text(o) == "true"
		case local(schema.Confidence):
			r.Confidence, _ = strconv.ParseFloat(store.Text(o), 64)
		case local(schema.Date):
			r.Date = store.Text(o)
		case local(schema.InSentence):
			sent = o
		}
		if err != nil {
			return r, err
		}
	}
	if sent != nil {
		ev, ok := sentences[sent]
		if !ok {
			if ev, err = q.evidence(ctx, sent); err != nil {
				return r, err
			}
			sentences[sent] = ev
		}
		r.Evidence = ev
	}
	return r, nil
}

// evidence reads a sentence node and its article.
func (q *query) evidence(ctx context.Context, s quad.Value) (evidence, error) {
	ev := evidence{IRI: store.Text(s)}
	props, err := q.st.QuadsWith(ctx, quad.Subject, s)
	if err != nil {
		return ev, err
	}
	var article quad.Value
	for _, x := range props {
		v := store.Text(x.Object)
		switch strings.TrimPrefix(store.Text(x.Predicate), schema.NS) {
		case local(schema.Text):
			ev.Sentence = v
		case local(schema.Index):
			ev.Index, _ = strconv.Atoi(v)
		case local(schema.Start):
			ev.Start, _ = strconv.Atoi(v)
		case local(schema.End):
			ev.End, _ = strconv.Atoi(v)
		case local(schema.InArticle):
			article = x.Object
		}
	}
	if article == nil {
		return ev, nil
	}
	ev.Article = store.Text(article)
	// Not all of the article's quads: it mentions dozens of entities.
	var aprops []quad.Quad
	for _, p := range []string{schema.Title, schema.Source, schema.URL} {
		qs, err := q.st.Match(ctx, quad.Subject, article, quad.IRI(p).Full(), nil, 0)
		if err != nil {
			return ev, err
		}
		aprops = append(aprops, qs...)
	}
	for _, x := range aprops {
		v := store.Text(x.Object)
		switch strings.TrimPrefix(store.Text(x.Predicate), schema.NS) {
		case local(schema.Title):
			ev.Title = v
		case local(schema.Source):
			ev.Source = v
		case local(schema.URL):
			ev.URL = v
		}
	}
	return ev, nil
}

// sortFacts orders facts by predicate, then as sortByDate does.
func sortFacts(rows []factRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Label != rows[j].Label {
			return rows[i].Label < rows[j].Label
		}
		return newerFirst(rows[i], rows[j])
	})
}

// writeRelations prints facts as aligned tables, one per predicate.
func writeRelations(q *query, actor node, known []affiliation, rows []factRow) {
	articles := map[string]bool{}
	for _, r := range rows {
		articles[r.Evidence.Article] = true
	}
	fmt.Fprintf(q.stdout, "%s (%s): %d facts from %d articles\n", actor.Label, actor.Type, len(rows), len(articles))
	if len(known) > 0 {
		fmt.Fprintf(q.stdout, "\nknown from the gazetteer (%d)\n", len(known))
		for _, a := range known {
			fmt.Fprintf(q.stdout, "  %s %s %s\n", a.Subject.Label, a.Label, a.Object.Label)
		}
	}
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Label == rows[i].Label {
			j++
		}
		fmt.Fprintf(q.stdout, "\n%s (%d)\n", rows[i].Label, j-i)
		table := [][]string{{"DATE", "SUBJECT", "RELATION", "OBJECT", "CONF", "ARTICLE"}}
		for _, r := range rows[i:j] {
			rel := r.Relation
			if r.Negated {
				rel = "NOT " + rel
			}
			table = append(table, []string{orDash(r.Date), r.Subject.Label, rel, r.Object.Label,
				strconv.FormatFloat(r.Confidence, 'f', 2, 64), articleID(q, r.Evidence.Article)})
		}
		widths := columnWidths(table)
		for k, row := range table {
			fmt.Fprintf(q.stdout, "  %s\n", alignRow(row, widths))
			if k > 0 {
				// The evidence goes under its fact, outside the columns.
				fmt.Fprintf(q.stdout, "  %*s“%s”\n", widths[0]+2, "", q.sentence(rows[i+k-1].Evidence.Sentence))
			}
		}
		i = j
	}
}

func columnWidths(table [][]string) []int {
	w := make([]int, len(table[0]))
	for _, row := range table {
		for i, cell := range row {
			w[i] = max(w[i], utf8.RuneCountInString(cell))
		}
	}
	return w
}

func alignRow(row []string, widths []int) string {
	var b strings.Builder
	for i, cell := range row {
		b.WriteString(cell)
		if i < len(row)-1 {
			b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell)+2))
		}
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// articleID shortens an article IRI to its id.
func articleID(q *query, iri string) string {
	return strings.TrimPrefix(iri, string(q.iris.Article("")))
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// local is the local name of a kg term: local(schema.InSentence) == "inSentence".
func local(term string) string { return strings.TrimPrefix(term, schema.Prefix) }
