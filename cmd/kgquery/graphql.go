package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"time"

	cquery "github.com/cayleygraph/cayley/query"
	cgraphql "github.com/cayleygraph/cayley/query/graphql" // registers the GraphQL language
	"github.com/dennwc/graphql/language/ast"
	"github.com/dennwc/graphql/language/parser"
	"github.com/spf13/pflag"
)

type graphqlCommand struct {
	timeout time.Duration
}

func (c *graphqlCommand) usage() string {
	return `Usage: kgquery graphql [flags] QUERY

Runs a query in Cayley's GraphQL dialect against the graph and prints the
answer as one JSON document. QUERY is the query text, @FILE or - for standard
input. Fields are predicates, IRIs in angle brackets; "id" is the node
itself, @rev follows a predicate backwards, "first" and "offset" page:

  kgquery graphql '{ nodes(id: <https://conflictkg.org/id/actor/jaish-al-islam>) {
      id  <http://www.w3.org/2000/01/rdf-schema#label>
      <https://conflictkg.org/ns#negotiatesWith> { id } } }'

--limit gives every field with a selection that has no "first" of its own
first: N, at every level, so that no query can return an unbounded tree.`
}

func (c *graphqlCommand) flags(fs *pflag.FlagSet) {
	setDefault(fs, "limit", "100") // the shared --limit: per field that selects nodes here (0: no limit)
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "stop the query after this `duration`")
}

func (c *graphqlCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("kgquery graphql: want one QUERY argument (text, @FILE or -), have %d", len(args))
	}
	text, err := readQuery(args[0], gizmoStdin, os.ReadFile)
	if err != nil {
		return err
	}
	if q.limit > 0 {
		if text, err = limitGraphQL(text, q.limit); err != nil {
			return fmt.Errorf("graphql: %v", err)
		}
	}
	ctx, cancel := withTimeout(ctx, c.timeout)
	defer cancel()
	it, err := cquery.Execute(ctx, q.st, cgraphql.Name, text, cquery.Options{Collation: cquery.JSON})
	if err != nil {
		return fmt.Errorf("graphql: %v", err)
	}
	defer it.Close()
	var data map[string]any
	if it.Next(ctx) {
		data, _ = it.Result().(map[string]any)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("graphql: query stopped after --timeout %v", c.timeout)
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("graphql: %v", err)
	}
	n := 0
	for k, v := range data {
		switch v := v.(type) {
		case nil:
			data[k] = []any{} // a field that matched nothing, as an empty list rather than null
		case []map[string]any:
			n += len(v)
		default:
			n++
		}
	}
	if data == nil {
		data = map[string]any{}
	}
	if err := q.writeJSON(data); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: the query matched nothing", ErrNoResults)
	}
	return nil
}

// limitGraphQL adds first: limit to every field of the query that selects
// nodes (has a selection set) and has no first argument. It edits the text
// rather than printing the parsed tree, so that the query Cayley runs is the
// user's, byte for byte, apart from the limits. Fields without a selection
// are values saved on their node; an argument would make them filters.
func limitGraphQL(text string, limit int) (string, error) {
	doc, err := parser.Parse(parser.ParseParams{Source: text})
	if err != nil {
		return "", err
	}
	type insert struct {
		at   int
		text string
	}
	var edits []insert
	var walk func(set *ast.SelectionSet)
	walk = func(set *ast.SelectionSet) {
		if set == nil {
			return
		}
		for _, s := range set.Selections {
			f, ok := s.(*ast.Field)
			if !ok || f.SelectionSet == nil {
				continue
			}
			has := false
			for _, a := range f.Arguments {
				has = has || a.Name != nil && a.Name.Value == cgraphql.LimitKey
			}
			switch {
			case has:
			case len(f.Arguments) > 0:
				last := f.Arguments[len(f.Arguments)-1]
				edits = append(edits, insert{last.Loc.End, ", " + cgraphql.LimitKey + ": " + strconv.Itoa(limit)})
			default:
				edits = append(edits, insert{f.Name.Loc.End, "(" + cgraphql.LimitKey + ": " + strconv.Itoa(limit) + ")"})
			}
			walk(f.SelectionSet)
		}
	}
	for _, d := range doc.Definitions {
		if op, ok := d.(*ast.OperationDefinition); ok {
			walk(op.SelectionSet)
		}
	}
	// Apply from the end so that earlier offsets stay valid.
	sort.Slice(edits, func(i, j int) bool { return edits[i].at > edits[j].at })
	b := []byte(text)
	for _, e := range edits {
		if e.at < 0 || e.at > len(b) {
			return "", fmt.Errorf("cannot place a limit at offset %d", e.at)
		}
		b = append(b[:e.at], append([]byte(e.text), b[e.at:]...)...)
	}
	return string(b), nil
}
