package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/triples"
)

type exportCommand struct {
	output string
	format string
	around string
	hops   int
	facts  factsCommand // the filters of kgquery facts; --article is one of them
}

func (c *exportCommand) usage() string {
	return `Usage: kgquery export [flags]

Writes the whole graph, one article's part of it (--article ID: its article
and sentence named graphs), or an actor's neighbourhood (--around NAME: the
actors, places and agreements within --hops facts or gazetteer relations of
it, the facts among them and their sentences and articles), to standard
output or to -o FILE.

Formats (--format, else by the extension of -o; FILE.gz compresses):
  nquads   .nq       W3C N-Quads, every quad with its named graph (default)
  jsonld   .jsonld   JSON-LD, the same quads, named graphs as @graph
  graphml  .graphml  GraphML for Gephi: entities as nodes, one edge per fact
  dot      .dot .gv  Graphviz: nodes coloured by type, predicates as labelled
                     edges; negated facts dashed red, gazetteer's dotted grey
  csv      .csv      edge list, one row per fact or gazetteer relation

The graph formats draw actors, places and agreements and the facts between
them (negated ones too, marked), with the gazetteer's relations.

Filters: with any of the filters of kgquery facts (--subject --predicate
--plover --object --type --since --until --source --min-confidence
--negated, and --article with another of them), the export holds exactly the
facts that kgquery facts with the same filters lists, and what stands behind
each: the fact node and its direct edge, its sentence and the article node
(its mentions of the facts' entities only), and the labels, types and aliases
of the entities as the gazetteer and those articles give them. The graph
formats draw those facts only, without the gazetteer's relations. See
kgquery facts --help for what each filter takes.

Examples:
  kgquery export -o graph.nq.gz
  kgquery export --plover ASSAULT --since 2018-03 -o assaults.graphml
  kgquery export --subject "Jaish al-Islam" --predicate denies -o denials.nq
  kgquery export --format dot --around "Jaish al-Islam" | dot -Tsvg > jai.svg
  kgquery export --around Russia --hops 2 -o russia.graphml`
}

func (c *exportCommand) flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.around, "around", "", "only the neighbourhood of the actor `NAME`")
	fs.IntVar(&c.hops, "hops", 1, "with --around: how many facts away, `N` >= 1")
	fs.StringVarP(&c.format, "format", "f", "", "`FORMAT`: nquads, jsonld, graphml, dot or csv (default: by -o's extension, else nquads)")
	fs.StringVarP(&c.output, "output", "o", "", "write to `FILE` (.nq .jsonld .graphml .dot .csv, each also .gz)")
	c.facts.cmd = "export"
	c.facts.flags(fs)
	// Alone, --article exports the article's part of the graph; with another
	// filter it is one filter of the facts.
	fs.Lookup("article").Usage = "only the article with this `ID` (alone: all its quads; with other filters: its facts that pass them)"
}

func (c *exportCommand) run(ctx context.Context, q *query, args []string) (err error) {
	if len(args) > 0 {
		return fmt.Errorf("kgquery export: unexpected argument %q", args[0])
	}
	format, err := chooseFormat(c.format, c.output)
	if err != nil {
		return fmt.Errorf("kgquery export: %v", err)
	}
	filters := c.facts.filtersGiven("article")
	article := c.facts.article
	if article != "" && c.around != "" {
		return fmt.Errorf("kgquery export: --article and --around: give one of them")
	}
	if len(filters) > 0 && c.around != "" {
		return fmt.Errorf("kgquery export: --around and %s: give the neighbourhood or the filters of facts (--subject or --object NAME keeps the facts about NAME)", strings.Join(filters, " "))
	}
	if c.hops < 1 {
		return fmt.Errorf("kgquery export: --hops %d: want 1 or more", c.hops)
	}
	var src quad.Reader
	var focus string
	if len(filters) > 0 {
		f, err := c.facts.filter(ctx, q)
		if err != nil {
			return err
		}
		rows, err := q.filteredFacts(ctx, f)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return fmt.Errorf("%w: no facts pass the filters in %s", ErrNoResults, q.db)
		}
		qs, err := q.factQuads(ctx, rows)
		if err != nil {
			return err
		}
		src = quad.NewReader(qs)
	} else if c.around != "" {
		actor, err := q.resolve(ctx, c.around)
		if err != nil {
			return err
		}
		focus = actor.IRI
		qs, err := q.aroundQuads(ctx, quad.IRI(actor.IRI), c.hops)
		if err != nil {
			return err
		}
		src = quad.NewReader(qs)
	} else if article != "" {
		qs, err := q.st.ArticleQuads(ctx, q.iris.Article(article))
		if err != nil {
			return err
		}
		if len(qs) == 0 {
			return fmt.Errorf("%w: no article %q in %s", ErrNoResults, article, q.db)
		}
		triples.SortQuads(qs)
		src = quad.NewReader(qs)
	} else {
		r := q.st.Quads(ctx)
		defer r.Close()
		src = r
	}

	var w io.Writer = q.stdout
	if c.output != "" {
		// Write beside the target and rename, so a failed export leaves no half file.
		tmp := c.output + ".tmp"
		f, err := os.Create(tmp)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err == nil {
				err = os.Rename(tmp, c.output)
			} else {
				os.Remove(tmp)
			}
		}()
		w = f
	}
	bw := bufio.NewWriter(w)
	out := io.Writer(bw)
	var gz *gzip.Writer
	if strings.HasSuffix(c.output, ".gz") {
		gz = gzip.NewWriter(bw)
		out = gz
	}
	nw := format.newWriter(out, q.iris.Gazetteer(), focus)
	n, err := quad.Copy(nw, src)
	if err != nil {
		return fmt.Errorf("export: %v", err)
	}
	if err := nw.Close(); err != nil {
		return fmt.Errorf("export: %s: %v", format.name, err)
	}
	if gz != nil {
		if err := gz.Close(); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if gw, ok := nw.(*graphWriter); ok {
		if c.output != "" {
			fmt.Fprintf(q.stderr, "kgquery: drew %d nodes from %d quads to %s\n", gw.nodes, n, c.output)
		}
		if gw.nodes == 0 {
			return fmt.Errorf("%w: no facts or relations between entities to draw", ErrNoResults)
		}
		return ctx.Err()
	}
	if c.output != "" {
		fmt.Fprintf(q.stderr, "kgquery: wrote %d quads to %s\n", n, c.output)
	}
	if n == 0 {
		return fmt.Errorf("%w: the graph is empty", ErrNoResults)
	}
	return ctx.Err()
}
