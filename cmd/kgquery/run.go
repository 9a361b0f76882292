package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/internal/triples"
	"github.com/conflictkg/kg/schema"
)

// ErrNoResults is returned when a query ran and found nothing (exit 1).
var ErrNoResults = errors.New("no results")

const usage = `kgquery: ask the kg graph about actors and their relations.

Usage:
  kgquery relations [flags] NAME   facts where NAME is subject or object, with evidence
  kgquery facts [flags]            facts by subject, predicate, object, date, source ...
  kgquery actors [flags]           actors with their aliases, articles, facts and dates
  kgquery stats [flags]            what the graph holds: counts, dates, top predicates
  kgquery export [flags]           the graph, the facts of a filter, an article or an
                                   actor's neighbourhood as N-Quads, JSON-LD, GraphML,
                                   DOT or CSV
  kgquery between [flags] A B      facts linking two actors, directly and through others
  kgquery timeline [flags] NAME [B] an actor's (or a pair's) facts in date order
  kgquery evidence FACT-ID         everything behind one fact
  kgquery disputes [flags] [NAME]  facts asserted by one party and denied by another
  kgquery gizmo [flags] QUERY      a raw Gizmo query (text, @FILE or -)
  kgquery graphql [flags] QUERY    a raw GraphQL query (text, @FILE or -)

Run 'kgquery COMMAND --help' for a command's flags. Every command writes an
aligned table, or --json, --jsonl or --csv, and pages with --limit and --offset.
Exit status: 0 results, 1 none, 2 error.
`

// command is one kgquery subcommand.
type command interface {
	flags(fs *pflag.FlagSet)
	run(ctx context.Context, q *query, args []string) error
	usage() string
}

// textAndJSON marks the commands whose results are not a list (one fact's
// evidence): they write a table or --json only.
type textAndJSON interface{ textAndJSONOnly() }

func (*evidenceCommand) textAndJSONOnly() {}

// query is what every command shares: the open store and output settings.
type query struct {
	db   string
	base string
	wait time.Duration // how long to wait for a store kgbuild holds (safety.go)
	output
	stdout io.Writer
	stderr io.Writer
	st     *store.Store
	iris   triples.IRIs
}

// Run runs kgquery with args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return errors.New("no command given")
		}
		return nil
	}
	var cmd command
	switch args[0] {
	case "relations":
		cmd = &relationsCommand{}
	case "export":
		cmd = &exportCommand{}
	case "gizmo":
		cmd = &gizmoCommand{}
	case "facts":
		cmd = &factsCommand{}
	case "actors":
		cmd = &actorsCommand{}
	case "stats":
		cmd = &statsCommand{}
	case "between":
		cmd = &betweenCommand{}
	case "timeline":
		cmd = &timelineCommand{}
	case "evidence":
		cmd = &evidenceCommand{}
	case "disputes":
		cmd = &disputesCommand{}
	case "graphql":
		cmd = &graphqlCommand{}
	default:
		return fmt.Errorf("kgquery %s: unknown command (want relations, facts, actors, stats, between, timeline, evidence, disputes, export, gizmo or graphql)", args[0])
	}
	q := &query{stdout: stdout, stderr: stderr}
	q.terminal = isTerminal(stdout)
	fs := pflag.NewFlagSet("kgquery "+args[0], pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	fs.StringVar(&q.db, "db", "kg.db", "the store, opened read-only: a bolt directory or a postgres:// address")
	fs.StringVar(&q.base, "base", schema.DefaultBase, "base `IRI` the graph was built with")
	q.outputFlags(fs)
	waitFlag(fs, &q.wait)
	cmd.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(stderr, "%s\nFlags:\n%s", cmd.usage(), fs.FlagUsages())
			return nil
		}
		return fmt.Errorf("kgquery %s: %v (see kgquery %s --help)", args[0], err, args[0])
	}
	if err := q.checkOutput(); err != nil {
		return fmt.Errorf("kgquery %s: %v", args[0], err)
	}
	if _, ok := cmd.(textAndJSON); ok && (q.jsonl || q.csv || q.limit > 0 || q.offset > 0) {
		return fmt.Errorf("kgquery %s: writes a table or --json only; --jsonl, --csv, --limit and --offset are not supported here yet", args[0])
	}
	q.iris = triples.IRIs{Base: q.base}
	st, err := q.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	q.st = st
	q.db = st.Path // messages show an address without its password
	return cmd.run(ctx, q, fs.Args())
}

// writeJSON writes v as one indented JSON document.
func (q *query) writeJSON(v any) error {
	enc := json.NewEncoder(q.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// readQuery returns the text of a query argument: the text itself, @FILE
// or - for standard input.
func readQuery(arg string, stdin io.Reader, readFile func(string) ([]byte, error)) (string, error) {
	switch {
	case arg == "-":
		b, err := io.ReadAll(stdin)
		return string(b), err
	case strings.HasPrefix(arg, "@"):
		b, err := readFile(arg[1:])
		if err != nil {
			return "", fmt.Errorf("reading query: %v", err)
		}
		return string(b), nil
	}
	return arg, nil
}

func withTimeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d)
}
