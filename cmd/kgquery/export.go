package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/triples"
)

type exportCommand struct {
	article string
	output  string
}

func (c *exportCommand) usage() string {
	return `Usage: kgquery export [flags]

Writes the whole graph, or with --article one article's quads (its article
and sentence named graphs), as W3C N-Quads: to standard output, or to -o FILE
(.nq, or .nq.gz to compress).`
}

func (c *exportCommand) flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.article, "article", "", "only the article with this `ID`")
	fs.StringVarP(&c.output, "output", "o", "", "write to `FILE` (.nq or .nq.gz)")
}

func (c *exportCommand) run(ctx context.Context, q *query, args []string) (err error) {
	if len(args) > 0 {
		return fmt.Errorf("kgquery export: unexpected argument %q", args[0])
	}
	if c.output != "" && !strings.HasSuffix(c.output, ".nq") && !strings.HasSuffix(c.output, ".nq.gz") {
		return fmt.Errorf("kgquery export: -o %s: want a .nq or .nq.gz file", c.output)
	}
	var src quad.Reader
	if c.article != "" {
		qs, err := q.st.ArticleQuads(ctx, q.iris.Article(c.article))
		if err != nil {
			return err
		}
		if len(qs) == 0 {
			return fmt.Errorf("%w: no article %q in %s", ErrNoResults, c.article, q.db)
		}
		triples.SortQuads(qs)
		src = quad.NewReader(qs)
	} else {
		r := graph.NewQuadStoreReader(q.st)
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
	nw := nquads.NewWriter(out)
	n, err := quad.Copy(nw, src)
	if err != nil {
		return fmt.Errorf("export: %v", err)
	}
	if err := nw.Close(); err != nil {
		return err
	}
	if gz != nil {
		if err := gz.Close(); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if c.output != "" {
		fmt.Fprintf(q.stderr, "kgquery: wrote %d quads to %s\n", n, c.output)
	}
	if n == 0 {
		return fmt.Errorf("%w: the graph is empty", ErrNoResults)
	}
	return ctx.Err()
}
