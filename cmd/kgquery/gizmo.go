package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"time"

	cquery "github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo" // registers the Gizmo language
	"github.com/spf13/pflag"
)

// gizmoStdin is what a query of "-" reads; tests replace it.
var gizmoStdin = os.Stdin

type gizmoCommand struct {
	timeout time.Duration
}

func (c *gizmoCommand) usage() string {
	return `Usage: kgquery gizmo [flags] QUERY

Runs a Gizmo query (Cayley's JavaScript-like query language) against the
graph and prints each result as a line of JSON (--json: one JSON array;
--csv: a column per key of the results).
QUERY is the query text, @FILE or - for standard input. IRIs are written in
full, in angle brackets:

  g.V("<https://conflictkg.org/id/actor/jaish-al-islam>").Out().All()
  g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://conflictkg.org/ns#ArmedGroup>").All()`
}

func (c *gizmoCommand) flags(fs *pflag.FlagSet) {
	setDefault(fs, "limit", "100") // a raw query could return the whole graph
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "stop the query after this `duration`")
}

func (c *gizmoCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("kgquery gizmo: want one QUERY argument (text, @FILE or -), have %d", len(args))
	}
	text, err := readQuery(args[0], gizmoStdin, os.ReadFile)
	if err != nil {
		return err
	}
	ctx, cancel := withTimeout(ctx, c.timeout)
	defer cancel()
	limit := 0 // all
	if q.limit > 0 {
		limit = q.limit + q.offset
	}
	it, err := cquery.Execute(ctx, q.st, "gizmo", text, cquery.Options{Collation: cquery.JSON, Limit: limit})
	if err != nil {
		return fmt.Errorf("gizmo: %v", err)
	}
	defer it.Close()
	var results []any
	for it.Next(ctx) {
		results = append(results, it.Result())
	}
	if err := it.Err(); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("gizmo: query stopped after --timeout %v", c.timeout)
		}
		return fmt.Errorf("gizmo: %v", err)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("gizmo: query stopped after --timeout %v", c.timeout)
	}
	n, err := writeList(q, gizmoList(q, results))
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: the query matched nothing", ErrNoResults)
	}
	return nil
}

// gizmoList shows results as JSON lines on a terminal too, since their shape
// is the query's; in CSV the columns are the keys of the results (a query's
// tags and "id"), or "result" for results that are not objects.
func gizmoList(q *query, results []any) list[any] {
	keys := map[string]bool{}
	for _, r := range results {
		m, ok := r.(map[string]any)
		if !ok {
			keys["result"] = true
		}
		for k := range m {
			keys[k] = true
		}
	}
	var cols []string
	for k := range keys {
		cols = append(cols, k)
	}
	sort.Strings(cols)
	return list[any]{
		items:   results,
		columns: cols,
		row: func(r any) []string {
			m, ok := r.(map[string]any)
			if !ok {
				m = map[string]any{"result": r}
			}
			row := make([]string, len(cols))
			for i, k := range cols {
				switch v := m[k].(type) {
				case nil:
				case string:
					row[i] = v
				default:
					b, _ := json.Marshal(v)
					row[i] = string(b)
				}
			}
			return row
		},
		table: func(page []any) {
			enc := json.NewEncoder(q.stdout)
			enc.SetEscapeHTML(false)
			for _, r := range page {
				enc.Encode(r)
			}
		},
	}
}
