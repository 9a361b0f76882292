package main

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
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

// The rows queries show: an entity, a fact with its evidence, a relation
// the gazetteer states.
type (
	node        = store.Node
	factRow     = store.Fact
	evidence    = store.Evidence
	affiliation = store.Affiliation
)

func (c *relationsCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("kgquery relations: want one NAME, have %d arguments (quote names with spaces)", len(args))
	}
	actor, err := q.resolve(ctx, args[0])
	if err != nil {
		return err
	}
	facts, known, err := q.relations(ctx, quad.IRI(actor.IRI))
	if err != nil {
		return err
	}
	sortFacts(facts)
	l := factList(q, facts)
	// The header counts every fact, however many a page shows.
	articles := map[string]bool{}
	for _, r := range facts {
		articles[r.Evidence.Article] = true
	}
	head := fmt.Sprintf("%s (%s): %d facts from %d articles", actor.Label, actor.Type, len(facts), len(articles))
	l.table = func(page []factRow) { writeRelations(q, head, known, page) }
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
		writeRelations(q, head, known, nil)
	}
	if n+len(known) == 0 {
		return fmt.Errorf("%w: no facts about %s in %s", ErrNoResults, actor.Label, q.db)
	}
	return nil
}

// useSummaries lets relations read the summaries kgbuild precomputes; tests
// turn it off to compare with reading the facts.
var useSummaries = true

// relations returns the facts about an entity and its gazetteer relations:
// from its summary when it is current, else from the facts themselves.
func (q *query) relations(ctx context.Context, v quad.IRI) ([]factRow, []affiliation, error) {
	if useSummaries {
		facts, known, ok, err := q.st.Summary(ctx, v)
		if ok || err != nil {
			return facts, known, err
		}
	}
	facts, err := q.factsAbout(ctx, v)
	if err != nil {
		return nil, nil, err
	}
	known, err := q.affiliations(ctx, v)
	return facts, known, err
}

// affiliations returns the gazetteer's relations of an actor, both ways.
func (q *query) affiliations(ctx context.Context, actor quad.IRI) ([]affiliation, error) {
	return q.st.Affiliations(ctx, actor, q.iris.Gazetteer())
}

// resolve finds the node a name refers to: by its IRI, through the gazetteer, then
// by comparing the name's key with the labels and aliases of the graph's
// entities.
func (q *query) resolve(ctx context.Context, name string) (node, error) {
	// An IRI, as --json output gives it, names its node.
	if strings.Contains(name, "://") && q.st.ValueOf(quad.IRI(name)) != nil {
		return q.node(ctx, quad.IRI(name))
	}
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
	if useSummaries {
		// The index kgbuild made of every entity's names, if current.
		index, ok, err := q.st.Names(ctx)
		if err != nil {
			return node{}, err
		}
		if ok {
			var names []entityName
			for _, n := range index {
				if n.Key == key {
					return q.node(ctx, quad.IRI(n.IRI))
				}
				names = append(names, entityName{quad.IRI(n.IRI), n.Text})
			}
			return node{}, q.unknown(ctx, name, names)
		}
	}
	var names []entityName // for suggestions when nothing matches
	entities, err := q.st.Entities(ctx)
	if err != nil {
		return node{}, err
	}
	for _, e := range entities {
		for _, p := range []string{rdfs.Label, schema.Alias} {
			vals, err := q.st.Objects(ctx, e, quad.IRI(p).Full())
			if err != nil {
				return node{}, err
			}
			for _, n := range vals {
				if triples.NameKey(store.Text(n)) == key {
					return q.node(ctx, e)
				}
				names = append(names, entityName{e, store.Text(n)})
			}
		}
	}
	return node{}, q.unknown(ctx, name, names)
}

// unknown is the error for a name that matches none of names.
func (q *query) unknown(ctx context.Context, name string, names []entityName) error {
	return fmt.Errorf("%w: no actor, place or agreement named %q in %s%s", ErrNoResults, name, q.db, q.suggest(ctx, name, names))
}

var entityClasses = schema.EntityClasses()

// node describes an entity by its label and type.
func (q *query) node(ctx context.Context, v quad.Value) (node, error) { return q.st.Node(ctx, v) }

// factsAbout returns the facts with v as subject or object, with evidence.
func (q *query) factsAbout(ctx context.Context, v quad.Value) ([]factRow, error) {
	return q.st.FactsAbout(ctx, v, store.NewFactCache())
}

// fact reads one fact node and what stands behind it; nodes and sentences cache lookups.
func (q *query) fact(ctx context.Context, f quad.Value, nodes map[quad.Value]node, sentences map[quad.Value]evidence) (factRow, error) {
	return q.st.Fact(ctx, f, &store.FactCache{Nodes: nodes, Sentences: sentences})
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

// writeRelations prints a header and facts as aligned tables, one per predicate.
func writeRelations(q *query, head string, known []affiliation, rows []factRow) {
	fmt.Fprintln(q.stdout, head)
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
