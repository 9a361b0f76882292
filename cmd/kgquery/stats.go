package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/schema"
)

type statsCommand struct {
	top int
}

func (c *statsCommand) usage() string {
	return `Usage: kgquery stats [flags]

What the graph holds: quads, articles, the sentences that support facts,
facts (and how many are negated), the actors, places and agreements articles
name (and how many the gazetteer knows), the period of the facts' dates and
of the articles' publication, and the predicates with the most facts.
It reads the whole store once.

--json writes one document; the table, --jsonl and --csv write a row per
figure (stat, value), the top predicates as "predicate NAME".`
}

func (c *statsCommand) flags(fs *pflag.FlagSet) {
	fs.IntVar(&c.top, "top", 10, "show the `N` predicates with most facts (0: all)")
}

// period is the first and last of some dates.
type period struct {
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
}

func (p *period) add(d string) {
	if p.First == "" || dateStart(d) < dateStart(p.First) {
		p.First = d
	}
	if dateEnd(d) > dateEnd(p.Last) {
		p.Last = d
	}
}

func (p period) String() string {
	if p.First == "" {
		return "-"
	}
	return p.First + " to " + p.Last
}

type predicateCount struct {
	Predicate string `json:"predicate"`
	Label     string `json:"label"`
	Facts     int    `json:"facts"`
}

// graphStats is what stats reports.
type graphStats struct {
	Quads         int              `json:"quads"`
	Articles      int              `json:"articles"`
	Sentences     int              `json:"sentences"`
	Facts         int              `json:"facts"`
	Negated       int              `json:"negated_facts"`
	Actors        int              `json:"actors"`
	KnownActors   int              `json:"actors_known"`
	Places        int              `json:"places"`
	Agreements    int              `json:"agreements"`
	FactDates     period           `json:"fact_dates"`
	Published     period           `json:"published"`
	TopPredicates []predicateCount `json:"top_predicates"`
}

// statRow is one figure of the stats, for the table and the line formats.
type statRow struct {
	Stat  string `json:"stat"`
	Value string `json:"value"`
}

func (c *statsCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("kgquery stats: unexpected argument %q", args[0])
	}
	if c.top < 0 {
		return fmt.Errorf("kgquery stats: --top %d: want 0 (all) or more", c.top)
	}
	s, err := q.stats(ctx, c.top)
	if err != nil {
		return err
	}
	rows := []statRow{
		{"quads", strconv.Itoa(s.Quads)},
		{"articles", strconv.Itoa(s.Articles)},
		{"sentences with facts", strconv.Itoa(s.Sentences)},
		{"facts", strconv.Itoa(s.Facts)},
		{"negated facts", strconv.Itoa(s.Negated)},
		{"actors named", strconv.Itoa(s.Actors)},
		{"actors known", strconv.Itoa(s.KnownActors)},
		{"places named", strconv.Itoa(s.Places)},
		{"agreements named", strconv.Itoa(s.Agreements)},
		{"fact dates", s.FactDates.String()},
		{"published", s.Published.String()},
	}
	for _, p := range s.TopPredicates {
		rows = append(rows, statRow{"predicate " + p.Label, strconv.Itoa(p.Facts)})
	}
	if _, err := writeList(q, list[statRow]{
		items:   rows,
		columns: []string{"stat", "value"},
		row:     func(r statRow) []string { return []string{r.Stat, r.Value} },
		doc:     func([]statRow) any { return s },
	}); err != nil {
		return err
	}
	if s.Articles == 0 {
		return fmt.Errorf("%w: %s holds no articles", ErrNoResults, q.db)
	}
	return nil
}

// stats reads every quad once and counts.
func (q *query) stats(ctx context.Context, top int) (graphStats, error) {
	var s graphStats
	types := map[quad.Value][]string{}       // short IRIs of classes
	named := map[quad.Value]bool{}           // entities articles and facts name
	factPredicate := map[quad.Value]string{} // fact node: predicate IRI
	negated := map[quad.Value]bool{}
	iri := func(short string) quad.IRI { return quad.IRI(short).Full() }
	r := q.st.Quads(ctx)
	defer r.Close()
	for n := 0; ; n++ {
		if n%10000 == 0 && ctx.Err() != nil {
			return s, ctx.Err()
		}
		x, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return s, fmt.Errorf("reading %s: %v", q.db, err)
		}
		s.Quads++
		switch x.Predicate {
		case iri(rdf.Type):
			if t := store.Text(x.Object); strings.HasPrefix(t, schema.NS) {
				types[x.Subject] = append(types[x.Subject], schema.Prefix+strings.TrimPrefix(t, schema.NS))
			}
		case iri(schema.Mentions), iri(schema.Subject), iri(schema.Object):
			named[x.Object] = true
		case iri(schema.Predicate):
			factPredicate[x.Subject] = store.Text(x.Object)
		case iri(schema.Negated):
			negated[x.Subject] = negated[x.Subject] || store.Text(x.Object) == "true"
		case iri(schema.Date):
			s.FactDates.add(store.Text(x.Object))
		case iri(schema.Published):
			s.Published.add(store.Text(x.Object))
		}
	}
	for v, ts := range types {
		is := func(class string) bool {
			for _, t := range ts {
				if schema.IsA(t, class) {
					return true
				}
			}
			return false
		}
		switch {
		case is(schema.Article):
			s.Articles++
		case is(schema.Sentence):
			s.Sentences++
		case is(schema.Fact):
			s.Facts++
			if negated[v] {
				s.Negated++
			}
		case is(schema.Actor):
			s.KnownActors++
			if named[v] {
				s.Actors++
			}
		case is(schema.Location) && named[v]:
			s.Places++
		case is(schema.Agreement) && named[v]:
			s.Agreements++
		}
	}
	counts := map[string]int{}
	for _, p := range factPredicate {
		counts[p]++
	}
	for p, n := range counts {
		pc := predicateCount{Predicate: p, Label: p, Facts: n}
		if info, ok := schema.LookupPredicate(p); ok {
			pc.Label = info.Label
		}
		s.TopPredicates = append(s.TopPredicates, pc)
	}
	sort.Slice(s.TopPredicates, func(i, j int) bool {
		a, b := s.TopPredicates[i], s.TopPredicates[j]
		if a.Facts != b.Facts {
			return a.Facts > b.Facts
		}
		return a.Label < b.Label
	})
	if top > 0 && len(s.TopPredicates) > top {
		s.TopPredicates = s.TopPredicates[:top]
	}
	s.TopPredicates = nonNil(s.TopPredicates)
	return s, nil
}
