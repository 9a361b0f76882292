package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	cquery "github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo" // registers the Gizmo language
	"github.com/spf13/pflag"
)

// gizmoStdin is what a query of "-" reads; tests replace it.
var gizmoStdin = os.Stdin

type gizmoCommand struct {
	limit   int
	timeout time.Duration
}

func (c *gizmoCommand) usage() string {
	return `Usage: kgquery gizmo [flags] QUERY

Runs a Gizmo query (Cayley's JavaScript-like query language) against the
graph and prints each result as a line of JSON (--json: one JSON array).
QUERY is the query text, @FILE or - for standard input. IRIs are written in
full, in angle brackets:

  g.V("<https://conflictkg.org/id/actor/jaish-al-islam>").Out().All()
  g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://conflictkg.org/ns#ArmedGroup>").All()`
}

func (c *gizmoCommand) flags(fs *pflag.FlagSet) {
	fs.IntVar(&c.limit, "limit", 100, "at most `N` results")
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
	it, err := cquery.Execute(ctx, q.st, "gizmo", text, cquery.Options{Collation: cquery.JSON, Limit: c.limit})
	if err != nil {
		return fmt.Errorf("gizmo: %v", err)
	}
	defer it.Close()
	var results []any
	enc := json.NewEncoder(q.stdout)
	enc.SetEscapeHTML(false)
	n := 0
	for it.Next(ctx) {
		n++
		if q.json {
			results = append(results, it.Result())
		} else if err := enc.Encode(it.Result()); err != nil {
			return err
		}
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
	if q.json {
		if results == nil {
			results = []any{}
		}
		if err := q.writeJSON(results); err != nil {
			return err
		}
	}
	if n == 0 {
		return fmt.Errorf("%w: the query matched nothing", ErrNoResults)
	}
	return nil
}
