package main

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/xsd"
	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/schema"
)

type disputesCommand struct {
	window int
}

func (c *disputesCommand) usage() string {
	return `Usage: kgquery disputes [flags] [NAME]

Claims that one party or source asserts and another denies or contradicts,
grouped by the disputed fact, with the asserting and the denying facts and
their sentences one above the other:

  - the same subject, predicate and object, asserted in one sentence and
    negated in another ("agreed to the deal" / "did not agree to the deal");
  - an actor's denial of an agreement (kg:denies, or "denied that it agreed")
    next to the facts asserting that it agreed: its agreesTo facts anywhere,
    and the reports and announcements of that agreement by other parties in
    the same article or dated within --window days of the denial.

A party is the speaker a fact is attributed to, the actor that denies,
reports or announces, or else the article's source. A claim asserted and
negated by the same party in the same article is no dispute. With NAME, only
the disputes NAME takes part in: as the claim's subject or object, or as a
party on either side.

For scripts, --jsonl and --csv write one row a fact: the dispute's number
and claim (subject, predicate, object), the side (asserted or denied), the
party, and the fact with its date, whether negated, sentence and article.
--offset and --limit count disputes, never cutting one, in every format
(--json keeps its document, paged).

  kgquery disputes
  kgquery disputes "Jaish al-Islam"
  kgquery disputes --csv > disputes.csv`
}

func (c *disputesCommand) flags(fs *pflag.FlagSet) {
	fs.IntVar(&c.window, "window", 7, "reports of an agreement count against a denial within this many `days`")
}

// disputeSide is a fact with the party behind it.
type disputeSide struct {
	Party string `json:"party"`
	factDetail
}

// dispute is one disputed claim with the facts on each side.
type dispute struct {
	Subject   node          `json:"subject"`
	Predicate string        `json:"predicate"`
	Label     string        `json:"predicate_label"`
	Object    node          `json:"object"`
	Asserted  []disputeSide `json:"asserted"`
	Denied    []disputeSide `json:"denied"`
}

// claim is what a dispute is about: a subject, predicate and object.
type claim struct{ s, p, o string }

func (c *disputesCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) > 1 {
		return fmt.Errorf("kgquery disputes: want at most one NAME, have %d arguments (quote names with spaces)", len(args))
	}
	if c.window < 0 {
		return fmt.Errorf("kgquery disputes: --window %d: want 0 or more days", c.window)
	}
	var who *node
	if len(args) == 1 {
		n, err := q.resolve(ctx, args[0])
		if err != nil {
			return err
		}
		who = &n
	}
	ds, err := q.disputes(ctx, c.window)
	if err != nil {
		return err
	}
	if who != nil {
		ds = disputesOf(ds, who.IRI)
	}
	rows := disputeRows(ds)
	l := list[disputeRow]{
		items:   rows,
		columns: disputeColumns,
		row:     disputeRow.csv,
		group:   func(r disputeRow) int { return r.Dispute },
		table: func(page []disputeRow) {
			writeDisputes(q, ds[page[0].Dispute-1:page[len(page)-1].Dispute], page[0].Dispute, len(ds))
		},
		doc: func(page []disputeRow) any {
			var p []dispute
			if len(page) > 0 {
				p = ds[page[0].Dispute-1 : page[len(page)-1].Dispute]
			}
			return struct {
				Actor    *node     `json:"actor,omitempty"`
				Disputes []dispute `json:"disputes"`
			}{who, nonNil(p)}
		},
	}
	if _, err := writeList(q, l); err != nil {
		return err
	}
	if len(ds) == 0 {
		about := ""
		if who != nil {
			about = " involving " + who.Label
		}
		return fmt.Errorf("%w: no disputed facts%s in %s", ErrNoResults, about, q.db)
	}
	return nil
}

// disputes finds every disputed claim. It starts from the facts that deny
// something, the negated ones and the kg:denies ones, found through the
// object index, and looks for what asserts the same through the direct
// edges, which exist only for facts that are not negated.
func (q *query) disputes(ctx context.Context, window int) ([]dispute, error) {
	c := newFactCache()
	var seeds []quad.Value
	seen := map[quad.Value]bool{}
	for _, sel := range []struct {
		p quad.IRI
		v quad.Value
	}{
		{quad.IRI(schema.Negated).Full(), quad.TypedString{Value: "true", Type: quad.IRI(xsd.Boolean).Full()}},
		{quad.IRI(schema.Predicate).Full(), quad.IRI(schema.Denies).Full()},
	} {
		qs, err := q.st.QuadsWith(ctx, quad.Object, sel.v)
		if err != nil {
			return nil, err
		}
		for _, x := range qs {
			if x.Predicate == sel.p && !seen[x.Subject] {
				seen[x.Subject] = true
				seeds = append(seeds, x.Subject)
			}
		}
	}
	agrees := quad.IRI(schema.AgreesTo).Full()
	groups := map[claim]*dispute{}
	var order []claim
	for _, f := range seeds {
		d, err := q.detail(ctx, f, c)
		if err != nil {
			return nil, err
		}
		k := claim{d.Subject.IRI, d.Predicate, d.Object.IRI}
		if !d.Negated && d.Predicate == string(agrees) || d.Negated && isStatement(d.Predicate) {
			// A denied denial, report or announcement is left alone: what
			// it would dispute is too far from the sentence.
			continue
		}
		if d.Predicate == store.Text(quad.IRI(schema.Denies).Full()) {
			// A denial of an agreement disputes that the subject agreed to it.
			k.p = string(agrees)
		}
		g, ok := groups[k]
		if !ok {
			g = &dispute{Subject: d.Subject, Predicate: k.p, Object: d.Object}
			g.Label = k.p
			if p, ok := schema.LookupPredicate(k.p); ok {
				g.Label = p.Label
			}
			groups[k] = g
			order = append(order, k)
		}
		party, err := q.partyOf(ctx, d, c)
		if err != nil {
			return nil, err
		}
		g.Denied = append(g.Denied, disputeSide{party, d})
	}
	var out []dispute
	for _, k := range order {
		g := groups[k]
		asserted, err := q.asserting(ctx, k, c)
		if err != nil {
			return nil, err
		}
		if k.p == string(agrees) {
			reports, err := q.reportsNear(ctx, k, g.Denied, window, c)
			if err != nil {
				return nil, err
			}
			asserted = append(asserted, reports...)
		}
		for _, a := range asserted {
			party, err := q.partyOf(ctx, a, c)
			if err != nil {
				return nil, err
			}
			g.Asserted = append(g.Asserted, disputeSide{party, a})
		}
		if !contested(g) {
			continue
		}
		sortSides(g.Asserted)
		sortSides(g.Denied)
		out = append(out, *g)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if na, nb := len(a.Asserted)+len(a.Denied), len(b.Asserted)+len(b.Denied); na != nb {
			return na > nb
		}
		return a.Subject.Label+" "+a.Label+" "+a.Object.Label < b.Subject.Label+" "+b.Label+" "+b.Object.Label
	})
	return out, nil
}

// contested reports whether some asserting and some denying fact come from
// different parties or different articles.
func contested(g *dispute) bool {
	for _, a := range g.Asserted {
		for _, d := range g.Denied {
			if a.Party != d.Party || a.Evidence.Article != d.Evidence.Article {
				return true
			}
		}
	}
	return false
}

// asserting returns the facts, not negated, of a claim, found through the
// direct edges of its subject.
func (q *query) asserting(ctx context.Context, k claim, c *factCache) ([]factDetail, error) {
	edges, err := q.st.QuadsWith(ctx, quad.Subject, quad.IRI(k.s))
	if err != nil {
		return nil, err
	}
	var out []factDetail
	sents := map[quad.Value]bool{}
	for _, e := range edges {
		if store.Text(e.Predicate) != k.p || store.Text(e.Object) != k.o || e.Label == nil || e.Label == q.iris.Gazetteer() || sents[e.Label] {
			continue
		}
		sents[e.Label] = true
		fs, err := q.sentenceFacts(ctx, e.Label, c)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			if !f.Negated && f.Subject.IRI == k.s && f.Predicate == k.p && f.Object.IRI == k.o {
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// reportsNear returns the reports and announcements of the agreement k.o by
// parties other than k.s, in an article of a denial or dated within window
// days of one.
func (q *query) reportsNear(ctx context.Context, k claim, denials []disputeSide, window int, c *factCache) ([]factDetail, error) {
	edges, err := q.st.QuadsWith(ctx, quad.Object, quad.IRI(k.o))
	if err != nil {
		return nil, err
	}
	reports, announces := store.Text(quad.IRI(schema.Reports).Full()), store.Text(quad.IRI(schema.Announces).Full())
	var out []factDetail
	sents := map[quad.Value]bool{}
	for _, e := range edges {
		p := store.Text(e.Predicate)
		if p != reports && p != announces || e.Label == nil || e.Label == q.iris.Gazetteer() || store.Text(e.Subject) == k.s || sents[e.Label] {
			continue
		}
		sents[e.Label] = true
		fs, err := q.sentenceFacts(ctx, e.Label, c)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			if f.Negated || f.Predicate != p || f.Object.IRI != k.o || f.Subject.IRI == k.s {
				continue
			}
			for _, d := range denials {
				if f.Evidence.Article == d.Evidence.Article || withinDays(f, d.factDetail, window) {
					out = append(out, f)
					break
				}
			}
		}
	}
	return out, nil
}

// withinDays reports whether two facts known to the day are at most n days apart.
func withinDays(a, b factDetail, n int) bool {
	if a.DatePrecision != "day" || b.DatePrecision != "day" {
		return false
	}
	ta, err1 := time.Parse(time.DateOnly, a.Date)
	tb, err2 := time.Parse(time.DateOnly, b.Date)
	if err1 != nil || err2 != nil {
		return false
	}
	d := ta.Sub(tb)
	if d < 0 {
		d = -d
	}
	return d <= time.Duration(n)*24*time.Hour
}

// partyOf names who stands behind a fact (factDetail.party); a negated fact
// that a sentence reports as denied ("X denied that it agreed") is the
// denier's, when the same sentence has X's kg:denies fact.
func (q *query) partyOf(ctx context.Context, d factDetail, c *factCache) (string, error) {
	if d.Negated && d.AssertedBy == nil {
		fs, err := q.sentenceFacts(ctx, quad.IRI(d.Evidence.IRI), c)
		if err != nil {
			return "", err
		}
		for _, f := range fs {
			if f.Predicate == store.Text(quad.IRI(schema.Denies).Full()) && !f.Negated {
				return f.Subject.Label, nil
			}
		}
	}
	return d.party(), nil
}

// disputesOf keeps the disputes an entity takes part in.
func disputesOf(ds []dispute, iri string) []dispute {
	var out []dispute
	for _, g := range ds {
		in := g.Subject.IRI == iri || g.Object.IRI == iri
		for _, s := range append(g.Asserted[:len(g.Asserted):len(g.Asserted)], g.Denied...) {
			in = in || s.Subject.IRI == iri || s.Object.IRI == iri || s.AssertedBy != nil && s.AssertedBy.IRI == iri
		}
		if in {
			out = append(out, g)
		}
	}
	return out
}

func sortSides(s []disputeSide) {
	rows := make([]factDetail, len(s))
	for i := range s {
		rows[i] = s[i].factDetail
	}
	sortDetailsByDate(rows)
	party := map[string]string{}
	for _, x := range s {
		party[x.Fact] = x.Party
	}
	for i := range s {
		s[i] = disputeSide{party[rows[i].Fact], rows[i]}
	}
}

// disputeRow is one fact of a dispute, as --jsonl and --csv write it: the
// claim, the side and party, and the fact as it reads ("Jaish al-Islam NOT
// agrees to ceasefire", "Jaish al-Islam denies ceasefire").
type disputeRow struct {
	Dispute     int     `json:"dispute"` // from 1, in the order of the table
	Subject     node    `json:"subject"`
	Predicate   string  `json:"predicate"`
	Label       string  `json:"predicate_label"`
	Object      node    `json:"object"`
	Side        string  `json:"side"` // asserted or denied
	Party       string  `json:"party"`
	Fact        string  `json:"fact"`
	FactSubject node    `json:"fact_subject"`
	FactPred    string  `json:"fact_predicate"`
	FactLabel   string  `json:"fact_predicate_label"`
	FactObject  node    `json:"fact_object"`
	Negated     bool    `json:"negated"`
	Date        string  `json:"date,omitempty"`
	Confidence  float64 `json:"confidence"`
	Sentence    string  `json:"sentence"`
	Article     string  `json:"article"`
}

var disputeColumns = []string{"dispute", "subject", "subject_label", "predicate", "predicate_label", "object", "object_label",
	"side", "party", "fact", "fact_subject_label", "fact_predicate_label", "fact_object_label", "negated", "date",
	"confidence", "sentence", "article"}

func (r disputeRow) csv() []string {
	return []string{strconv.Itoa(r.Dispute), r.Subject.IRI, r.Subject.Label, r.Predicate, r.Label, r.Object.IRI, r.Object.Label,
		r.Side, r.Party, r.Fact, r.FactSubject.Label, r.FactLabel, r.FactObject.Label, strconv.FormatBool(r.Negated), r.Date,
		strconv.FormatFloat(r.Confidence, 'f', -1, 64), r.Sentence, r.Article}
}

// disputeRows flattens disputes into a row a fact, the asserting ones first.
func disputeRows(ds []dispute) []disputeRow {
	var rows []disputeRow
	for i, g := range ds {
		for _, side := range []struct {
			name  string
			facts []disputeSide
		}{{"asserted", g.Asserted}, {"denied", g.Denied}} {
			for _, f := range side.facts {
				rows = append(rows, disputeRow{Dispute: i + 1, Subject: g.Subject, Predicate: g.Predicate, Label: g.Label,
					Object: g.Object, Side: side.name, Party: f.Party, Fact: f.Fact, FactSubject: f.Subject,
					FactPred: f.Predicate, FactLabel: f.Label, FactObject: f.Object, Negated: f.Negated, Date: f.Date,
					Confidence: f.Confidence, Sentence: f.Evidence.Sentence, Article: f.Evidence.Article})
			}
		}
	}
	return rows
}

// writeDisputes prints each disputed claim with the asserting facts above
// the denying ones; ds are the disputes numbered from first of total.
func writeDisputes(q *query, ds []dispute, first, total int) {
	w := q.stdout
	if total == 1 {
		fmt.Fprintln(w, "1 disputed claim")
	} else {
		fmt.Fprintf(w, "%d disputed claims\n", total)
	}
	for i, g := range ds {
		fmt.Fprintf(w, "\n%d. %s %s %s\n", first+i, g.Subject.Label, g.Label, g.Object.Label)
		for _, side := range []struct {
			name  string
			facts []disputeSide
		}{{"asserted", g.Asserted}, {"denied", g.Denied}} {
			fmt.Fprintf(w, "   %s (%d)\n", side.name, len(side.facts))
			if len(side.facts) == 0 {
				continue
			}
			table := [][]string{}
			for _, f := range side.facts {
				table = append(table, []string{orDash(f.Date), "by " + f.Party + ":", f.Subject.Label + " " + f.relationText() + " " + f.Object.Label,
					strconv.FormatFloat(f.Confidence, 'f', 2, 64), fmt.Sprintf("%s #%d", articleID(q, f.Evidence.Article), f.Evidence.Index), shortFactID(f.Fact)})
			}
			widths := columnWidths(table)
			for k, row := range table {
				fmt.Fprintf(w, "     %s\n", alignRow(row, widths))
				fmt.Fprintf(w, "     %*s“%s”\n", widths[0]+2, "", q.sentence(side.facts[k].Evidence.Sentence))
			}
		}
	}
}
