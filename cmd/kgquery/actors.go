package main

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/schema"
)

type actorsCommand struct {
	typ string
	all bool
}

func (c *actorsCommand) usage() string {
	return `Usage: kgquery actors [flags]

The actors articles name, most facts first: each with its type, the aliases
the graph holds for it (the gazetteer's and the spellings articles used),
the number of articles that name it and of facts about it, and the first
and last date it is seen on (its facts' dates and its articles' publication
dates).

--type keeps one class and its subclasses (ArmedGroup, Government, Person,
"armed group"); places and agreements are listed with --type Location or
--type Agreement. --all adds the gazetteer's entries no article names.

Examples:
  kgquery actors --type ArmedGroup
  kgquery actors --csv > actors.csv`
}

func (c *actorsCommand) flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.typ, "type", "Actor", "only entities of `CLASS` and its subclasses")
	fs.BoolVar(&c.all, "all", false, "also entities no article names")
}

// actorRow is one entity with what the graph says of it.
type actorRow struct {
	IRI      string   `json:"iri"`
	Label    string   `json:"label"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Articles int      `json:"articles"`
	Facts    int      `json:"facts"`
	First    string   `json:"first_date,omitempty"`
	Last     string   `json:"last_date,omitempty"`
}

func (c *actorsCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("kgquery actors: unexpected argument %q (to ask about one actor: kgquery relations %q)", args[0], args[0])
	}
	class, err := lookupClass(c.typ)
	if err != nil {
		return fmt.Errorf("kgquery actors --type: %w", err)
	}
	if !isEntityClass(class) {
		return fmt.Errorf("kgquery actors --type %s: facts do not name a %s (want an actor, place or agreement class)", c.typ, c.typ)
	}
	nodes, err := q.entitiesOf(ctx, class)
	if err != nil {
		return err
	}
	dates := map[quad.Value]string{} // of facts and articles, each read once
	var rows []actorRow
	for _, v := range nodes {
		if err := ctx.Err(); err != nil {
			return err
		}
		r, err := q.actor(ctx, v, dates)
		if err != nil {
			return err
		}
		if c.all || r.Articles+r.Facts > 0 {
			rows = append(rows, r)
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		switch {
		case a.Facts != b.Facts:
			return a.Facts > b.Facts
		case a.Articles != b.Articles:
			return a.Articles > b.Articles
		case a.Label != b.Label:
			return a.Label < b.Label
		}
		return a.IRI < b.IRI
	})
	n, err := writeList(q, list[actorRow]{
		items:   rows,
		columns: []string{"iri", "label", "type", "facts", "articles", "first_date", "last_date", "aliases"},
		row: func(r actorRow) []string {
			return []string{r.IRI, r.Label, r.Type, strconv.Itoa(r.Facts), strconv.Itoa(r.Articles), r.First, r.Last, strings.Join(r.Aliases, "|")}
		},
		table: func(page []actorRow) {
			rows := make([][]string, len(page))
			for i, r := range page {
				rows[i] = []string{r.Label, r.Type, strconv.Itoa(r.Facts), strconv.Itoa(r.Articles), orDash(r.First), orDash(r.Last), clip(strings.Join(r.Aliases, "; "), 70)}
			}
			writeTable(q.stdout, "", []string{"ACTOR", "TYPE", "FACTS", "ARTICLES", "FIRST", "LAST", "ALIASES"}, rows)
		},
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: no %s in %s", ErrNoResults, strings.TrimPrefix(class, schema.Prefix), q.db)
	}
	return nil
}

// pronouns are left out of aliases: coreference records them as the
// names an article used ("it", "they"), but they name nobody.
var pronouns = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Fields("i me my we us our ours you your he him his she her it its they them their theirs this that these those who which") {
		m[p] = true
	}
	return m
}()

func isEntityClass(class string) bool {
	for _, c := range entityClasses {
		if c == class {
			return true
		}
	}
	return false
}

// entitiesOf returns the nodes typed class or one of its subclasses.
func (q *query) entitiesOf(ctx context.Context, class string) ([]quad.Value, error) {
	var out []quad.Value
	seen := map[quad.Value]bool{}
	for _, c := range entityClasses {
		if !schema.IsA(c, class) {
			continue
		}
		typed, err := q.st.QuadsWith(ctx, quad.Object, quad.IRI(c).Full())
		if err != nil {
			return nil, err
		}
		for _, x := range typed {
			if x.Predicate == quad.IRI(rdf.Type).Full() && !seen[x.Subject] {
				seen[x.Subject] = true
				out = append(out, x.Subject)
			}
		}
	}
	return out, nil
}

// actor reads an entity: its label, type and aliases, and the articles
// and facts that name it with their dates. dates caches the date of each
// fact and article.
func (q *query) actor(ctx context.Context, v quad.Value, dates map[quad.Value]string) (actorRow, error) {
	n, err := q.node(ctx, v)
	if err != nil {
		return actorRow{}, err
	}
	r := actorRow{IRI: n.IRI, Label: n.Label, Type: n.Type, Aliases: []string{}}
	props, err := q.st.QuadsWith(ctx, quad.Subject, v)
	if err != nil {
		return r, err
	}
	known := map[string]bool{fold(n.Label): true}
	for _, x := range props {
		if x.Predicate != quad.IRI(schema.Alias).Full() {
			continue
		}
		a := store.Text(x.Object)
		if !known[fold(a)] && !pronouns[fold(a)] {
			known[fold(a)] = true
			r.Aliases = append(r.Aliases, a)
		}
	}
	sort.Strings(r.Aliases)
	in, err := q.st.QuadsWith(ctx, quad.Object, v)
	if err != nil {
		return r, err
	}
	counted := map[quad.Value]bool{}
	for _, x := range in {
		var date quad.IRI
		switch x.Predicate {
		case quad.IRI(schema.Mentions).Full():
			r.Articles++
			date = quad.IRI(schema.Published).Full()
		case quad.IRI(schema.Subject).Full(), quad.IRI(schema.Object).Full():
			if counted[x.Subject] {
				continue // a fact with the entity on both sides
			}
			counted[x.Subject] = true
			r.Facts++
			date = quad.IRI(schema.Date).Full()
		default:
			continue
		}
		d, ok := dates[x.Subject]
		if !ok {
			ds, err := q.st.Objects(ctx, x.Subject, date)
			if err != nil {
				return r, err
			}
			if len(ds) > 0 {
				d = store.Text(ds[0])
			}
			dates[x.Subject] = d
		}
		if d != "" && (r.First == "" || dateStart(d) < dateStart(r.First)) {
			r.First = d
		}
		if d != "" && dateEnd(d) > dateEnd(r.Last) {
			r.Last = d
		}
	}
	return r, nil
}
