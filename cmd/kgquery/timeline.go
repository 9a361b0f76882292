package main

import (
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/cayleygraph/quad"
	"github.com/spf13/pflag"
)

type timelineCommand struct {
	since, until string
}

func (c *timelineCommand) usage() string {
	return `Usage: kgquery timeline [flags] NAME [B]

The facts involving the actor NAME (with B: the facts between NAME and B,
both ways) in the order of the events they report, each with its date and
how precisely the article gives it (day, month or year), the sentence and
the article. Negated facts are marked NOT, hedged ones (hedged). Facts
without a date come last.

--since and --until take a year, a month or a day (2016, 2016-03,
2016-03-04); a fact known only to the month or year is kept when its period
overlaps the range.

  kgquery timeline "Jaish al-Islam"
  kgquery timeline --since 2018-03 "Jaish al-Islam" Russia`
}

func (c *timelineCommand) flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.since, "since", "", "only facts from this `date` on")
	fs.StringVar(&c.until, "until", "", "only facts up to this `date`")
}

var isoDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func (c *timelineCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) < 1 || len(args) > 2 {
		return fmt.Errorf("kgquery timeline: want NAME or NAME B, have %d arguments (quote names with spaces)", len(args))
	}
	for _, d := range []struct{ flag, v string }{{"since", c.since}, {"until", c.until}} {
		if d.v != "" && !isoDate.MatchString(d.v) {
			return fmt.Errorf("kgquery timeline: --%s %q: want YYYY, YYYY-MM or YYYY-MM-DD", d.flag, d.v)
		}
	}
	var actors []node
	for _, name := range args {
		n, err := q.resolve(ctx, name)
		if err != nil {
			return err
		}
		actors = append(actors, n)
	}
	cache := newFactCache()
	var facts []factDetail
	if len(actors) == 2 {
		if actors[0].IRI == actors[1].IRI {
			return fmt.Errorf("kgquery timeline: %q and %q are both %s", args[0], args[1], actors[0].Label)
		}
		var err error
		if facts, err = q.factsBetween(ctx, quad.IRI(actors[0].IRI), quad.IRI(actors[1].IRI), cache); err != nil {
			return err
		}
	} else {
		set, err := q.factNodes(ctx, quad.IRI(actors[0].IRI))
		if err != nil {
			return err
		}
		for f := range set {
			d, err := q.detail(ctx, f, cache)
			if err != nil {
				return err
			}
			facts = append(facts, d)
		}
	}
	facts = inPeriod(facts, c.since, c.until)
	sortDetailsByDate(facts)
	if _, err := writeList(q, list[factDetail]{
		items:   facts,
		columns: []string{"date", "precision", "subject", "predicate", "object", "negated", "relation", "article", "sentence", "fact"},
		row: func(f factDetail) []string {
			return []string{f.Date, f.DatePrecision, f.Subject.Label, f.Label, f.Object.Label, yesNo(f.Negated),
				f.Relation, articleID(q, f.Evidence.Article), f.Evidence.Sentence, shortFactID(f.Fact)}
		},
		table: func(page []factDetail) { writeTimeline(q, actors, page) },
		doc: func(page []factDetail) any {
			return struct {
				Actors []node       `json:"actors"`
				Facts  []factDetail `json:"facts"`
			}{actors, nonNil(page)}
		},
	}); err != nil {
		return err
	}
	if len(facts) == 0 {
		who := actors[0].Label
		if len(actors) == 2 {
			who += " and " + actors[1].Label
		}
		return fmt.Errorf("%w: no facts about %s%s in %s", ErrNoResults, who, periodText(c.since, c.until), q.db)
	}
	return nil
}

// inPeriod keeps the facts whose date overlaps [since, until]; with neither
// it keeps all, undated ones too.
func inPeriod(facts []factDetail, since, until string) []factDetail {
	if since == "" && until == "" {
		return facts
	}
	var out []factDetail
	for _, f := range facts {
		if f.Date == "" {
			continue
		}
		if since != "" && periodEnd(f.Date) < periodStart(since) || until != "" && periodStart(f.Date) > periodEnd(until) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// periodStart and periodEnd are the first and last day of a year, month or
// day, as strings that compare in date order (a month's last day is 31,
// which sorts after every day of it).
func periodStart(d string) string { return d + "-01-01"[len(d)-4:] }
func periodEnd(d string) string   { return d + "-12-31"[len(d)-4:] }

func periodText(since, until string) string {
	switch {
	case since != "" && until != "":
		return fmt.Sprintf(" from %s to %s", since, until)
	case since != "":
		return " since " + since
	case until != "":
		return " until " + until
	}
	return ""
}

// writeTimeline prints facts in date order, each with its sentence below.
func writeTimeline(q *query, actors []node, facts []factDetail) {
	who := fmt.Sprintf("%s (%s)", actors[0].Label, orDash(actors[0].Type))
	if len(actors) == 2 {
		who += fmt.Sprintf(" and %s (%s)", actors[1].Label, orDash(actors[1].Type))
	}
	first, last := "", ""
	for _, f := range facts {
		if f.Date != "" {
			if first == "" {
				first = f.Date
			}
			last = f.Date
		}
	}
	span := ""
	if first != "" {
		span = fmt.Sprintf(", %s to %s", first, last)
	}
	fmt.Fprintf(q.stdout, "%s: %d facts%s\n\n", who, len(facts), span)
	table := [][]string{{"DATE", "KNOWN TO", "SUBJECT", "RELATION", "OBJECT", "CONF", "ARTICLE", "FACT"}}
	for _, f := range facts {
		table = append(table, []string{orDash(f.Date), orDash(f.DatePrecision), f.Subject.Label, f.relationText(), f.Object.Label,
			strconv.FormatFloat(f.Confidence, 'f', 2, 64), fmt.Sprintf("%s #%d", articleID(q, f.Evidence.Article), f.Evidence.Index), shortFactID(f.Fact)})
	}
	widths := columnWidths(table)
	for k, row := range table {
		fmt.Fprintf(q.stdout, "  %s\n", alignRow(row, widths))
		if k > 0 {
			fmt.Fprintf(q.stdout, "  %*s“%s”\n", widths[0]+2, "", q.sentence(facts[k-1].Evidence.Sentence))
		}
	}
}
