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

type evidenceCommand struct{}

func (c *evidenceCommand) usage() string {
	return `Usage: kgquery evidence [flags] FACT-ID

Everything the graph holds behind one fact: its subject, predicate and
object (as the sentence wrote them), the relation text, whether it is
negated or hedged, confidence, the extraction rule, who asserts it, its date
and how precisely it is known, the sentence with its offsets, the article
(title, source, URL, publication date) and the other facts of that sentence.

FACT-ID is the fact's IRI, its id (the hex digest ending the IRI, as the
"fact" column or the JSON "fact" field shows it) or a unique prefix of the
id of at least 6 digits:

  kgquery evidence d44c8e4e2fb7
  kgquery evidence https://conflictkg.org/id/fact/d44c8e4e2fb753df95a7ddc0`
}

func (c *evidenceCommand) flags(fs *pflag.FlagSet) {}

func (c *evidenceCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("kgquery evidence: want one FACT-ID, have %d arguments", len(args))
	}
	f, err := q.resolveFact(ctx, args[0])
	if err != nil {
		return err
	}
	c2 := newFactCache()
	d, err := q.detail(ctx, f, c2)
	if err != nil {
		return err
	}
	others, err := q.sentenceFacts(ctx, quad.IRI(d.Evidence.IRI), c2)
	if err != nil {
		return err
	}
	var rest []factDetail
	for _, o := range others {
		if o.Fact != d.Fact {
			rest = append(rest, o)
		}
	}
	if q.json {
		return q.writeJSON(struct {
			factDetail
			SameSentence []factDetail `json:"same_sentence"`
		}{d, nonNil(rest)})
	}
	writeEvidence(q, d, rest)
	return nil
}

// factDetail is a fact with everything the graph holds about it.
type factDetail struct {
	factRow
	Hedged        bool   `json:"hedged"`
	AssertedBy    *node  `json:"asserted_by,omitempty"`
	Rule          string `json:"rule,omitempty"`
	SubjectText   string `json:"subject_text,omitempty"`
	ObjectText    string `json:"object_text,omitempty"`
	SpanStart     int    `json:"span_start"`
	SpanEnd       int    `json:"span_end"`
	DatePrecision string `json:"date_precision,omitempty"` // day, month or year
	DateText      string `json:"date_text,omitempty"`      // the time expression that gives the date ("on Friday")
	Published     string `json:"published,omitempty"`      // the article's publication date
}

// factCache remembers what a command has read, so that each node, sentence
// and fact is read once.
type factCache struct {
	nodes     map[quad.Value]node
	sentences map[quad.Value]evidence
	facts     map[quad.Value]factDetail
	inSent    map[quad.Value][]quad.Value
	published map[string]string
}

func newFactCache() *factCache {
	return &factCache{
		nodes:     map[quad.Value]node{},
		sentences: map[quad.Value]evidence{},
		facts:     map[quad.Value]factDetail{},
		inSent:    map[quad.Value][]quad.Value{},
		published: map[string]string{},
	}
}

func (c *factCache) node(ctx context.Context, q *query, v quad.Value) (node, error) {
	if n, ok := c.nodes[v]; ok {
		return n, nil
	}
	n, err := q.node(ctx, v)
	c.nodes[v] = n
	return n, err
}

// detail reads a fact with its evidence (q.fact) and the details that
// relations leaves out.
func (q *query) detail(ctx context.Context, f quad.Value, c *factCache) (factDetail, error) {
	if d, ok := c.facts[f]; ok {
		return d, nil
	}
	row, props, err := q.st.FactQuads(ctx, f, &store.FactCache{Nodes: c.nodes, Sentences: c.sentences})
	if err != nil {
		return factDetail{}, err
	}
	d := factDetail{factRow: row}
	for _, x := range props {
		v := store.Text(x.Object)
		switch strings.TrimPrefix(store.Text(x.Predicate), schema.NS) {
		case local(schema.Hedged):
			d.Hedged = v == "true"
		case local(schema.AssertedBy):
			n, err := c.node(ctx, q, x.Object)
			if err != nil {
				return d, err
			}
			d.AssertedBy = &n
		case local(schema.Rule):
			d.Rule = v
		case local(schema.SubjectText):
			d.SubjectText = v
		case local(schema.ObjectText):
			d.ObjectText = v
		case local(schema.Start):
			d.SpanStart, _ = strconv.Atoi(v)
		case local(schema.End):
			d.SpanEnd, _ = strconv.Atoi(v)
		case local(schema.Date):
			d.DatePrecision = datePrecision(x.Object)
		case local(schema.DateText):
			d.DateText = v
		}
	}
	if a := d.Evidence.Article; a != "" {
		p, ok := c.published[a]
		if !ok {
			vs, err := q.st.Objects(ctx, quad.IRI(a), quad.IRI(schema.Published).Full())
			if err != nil {
				return d, err
			}
			if len(vs) > 0 {
				p = store.Text(vs[0])
			}
			c.published[a] = p
		}
		d.Published = p
	}
	c.facts[f] = d
	return d, nil
}

// datePrecision tells how precisely a kg:date literal gives the date, by its
// datatype: xsd:date, xsd:gYearMonth or xsd:gYear.
func datePrecision(v quad.Value) string {
	if t, ok := v.(quad.TypedString); ok {
		switch {
		case strings.HasSuffix(string(t.Type), "#gYearMonth"):
			return "month"
		case strings.HasSuffix(string(t.Type), "#gYear"):
			return "year"
		}
	}
	switch len(store.Text(v)) {
	case 4:
		return "year"
	case 7:
		return "month"
	}
	return "day"
}

// sentenceFacts returns the facts found in a sentence, in the order of
// their offsets.
func (q *query) sentenceFacts(ctx context.Context, sent quad.Value, c *factCache) ([]factDetail, error) {
	fs, ok := c.inSent[sent]
	if !ok {
		qs, err := q.st.QuadsWith(ctx, quad.Object, sent)
		if err != nil {
			return nil, err
		}
		for _, x := range qs {
			if x.Predicate == quad.IRI(schema.InSentence).Full() {
				fs = append(fs, x.Subject)
			}
		}
		c.inSent[sent] = fs
	}
	out := make([]factDetail, 0, len(fs))
	for _, f := range fs {
		d, err := q.detail(ctx, f, c)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].SpanStart != out[j].SpanStart {
			return out[i].SpanStart < out[j].SpanStart
		}
		return out[i].Fact < out[j].Fact
	})
	return out, nil
}

// baseIRI is the base the graph's IRIs were built under.
func (q *query) baseIRI() string {
	return strings.TrimSuffix(string(q.iris.Gazetteer()), "gazetteer")
}

// factID is the short id of a fact: the digest ending its IRI.
func factID(iri string) string {
	if i := strings.LastIndex(iri, "/fact/"); i >= 0 {
		return iri[i+len("/fact/"):]
	}
	return iri
}

// shortFactID is the first 12 digits of a fact's id, as tables print it;
// evidence takes any unique prefix.
func shortFactID(iri string) string {
	id := factID(iri)
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// resolveFact finds the fact node an argument names: an IRI (bare or in
// angle brackets), fact/ID, an id or a unique prefix of one.
func (q *query) resolveFact(ctx context.Context, arg string) (quad.Value, error) {
	arg = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(arg), "<"), ">")
	isFact := func(v quad.Value) bool {
		ts, _ := q.st.Objects(ctx, v, quad.IRI(rdf.Type).Full())
		for _, t := range ts {
			if t == quad.IRI(schema.Fact).Full() {
				return true
			}
		}
		return false
	}
	if strings.Contains(arg, "://") {
		if v := quad.IRI(arg); isFact(v) {
			return v, nil
		}
		return nil, fmt.Errorf("%w: no fact %s in %s", ErrNoResults, arg, q.db)
	}
	id := strings.ToLower(strings.TrimPrefix(arg, "fact/"))
	if len(id) < 6 || strings.Trim(id, "0123456789abcdef") != "" {
		return nil, fmt.Errorf("kgquery evidence: %q is not a fact id (want an IRI, or at least 6 hex digits of an id)", arg)
	}
	if v := quad.IRI(q.baseIRI() + "fact/" + id); isFact(v) {
		return v, nil
	}
	// A prefix: look through every fact node.
	all, err := q.st.QuadsWith(ctx, quad.Object, quad.IRI(schema.Fact).Full())
	if err != nil {
		return nil, err
	}
	var found []quad.Value
	for _, x := range all {
		if x.Predicate == quad.IRI(rdf.Type).Full() && strings.HasPrefix(factID(store.Text(x.Subject)), id) {
			found = append(found, x.Subject)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("%w: no fact with id %s in %s", ErrNoResults, id, q.db)
	case 1:
		return found[0], nil
	}
	ids := make([]string, 0, 5)
	for _, f := range found[:min(5, len(found))] {
		ids = append(ids, factID(store.Text(f)))
	}
	return nil, fmt.Errorf("kgquery evidence: %d facts have ids starting %s (%s ...): give more digits", len(found), id, strings.Join(ids, ", "))
}

// party is who stands behind a fact: the speaker it is attributed to, the
// actor that denies, reports or announces, or else the article's outlet.
func (d factDetail) party() string {
	switch {
	case d.AssertedBy != nil:
		return d.AssertedBy.Label
	case isStatement(d.Predicate):
		return d.Subject.Label
	case d.Evidence.Source != "":
		return d.Evidence.Source
	}
	return "the article"
}

// isStatement reports whether a predicate is something its subject says
// about its object (a denial, a report, an announcement).
func isStatement(p string) bool {
	switch strings.TrimPrefix(p, schema.NS) {
	case local(schema.Denies), local(schema.Reports), local(schema.Announces):
		return true
	}
	return false
}

// relationText is the relation as a table shows it: the predicate, then the
// words of the sentence, which alone can mislead ("said" for accuses,
// "targeted by" for targets); NOT before a negated one, (hedged) after a
// hedged one.
func (d factDetail) relationText() string {
	rel := d.Label
	if d.Relation != "" && d.Relation != d.Label {
		rel += " “" + d.Relation + "”"
	}
	if d.Negated {
		rel = "NOT " + rel
	}
	if d.Hedged {
		rel += " (hedged)"
	}
	return rel
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// writeEvidence prints one fact as labelled lines, then the other facts of
// its sentence.
func writeEvidence(q *query, d factDetail, rest []factDetail) {
	w := q.stdout
	fmt.Fprintf(w, "fact %s\n  %s\n\n", factID(d.Fact), d.Fact)
	fmt.Fprintf(w, "%s %s %s\n\n", d.Subject.Label, d.relationText(), d.Object.Label)
	written := func(label, text string) string {
		if text == "" || text == label {
			return ""
		}
		return fmt.Sprintf(", written %q", text)
	}
	date := "-"
	if d.Date != "" {
		date = fmt.Sprintf("%s (known to the %s", d.Date, d.DatePrecision)
		switch {
		case d.DateText != "":
			date += fmt.Sprintf(", from %q; the article was published %s)", d.DateText, orDash(d.Published))
		case d.Published == "":
			date += ")"
		case d.Published == d.Date:
			date += "; the article's publication date)"
		default:
			date += "; the article was published " + d.Published + ")"
		}
	}
	by := "the article, in its own voice"
	if d.AssertedBy != nil {
		by = fmt.Sprintf("%s <%s>", d.AssertedBy.Label, d.AssertedBy.IRI)
	}
	ev := d.Evidence
	rows := [][2]string{
		{"subject", fmt.Sprintf("%s (%s) <%s>%s", d.Subject.Label, orDash(d.Subject.Type), d.Subject.IRI, written(d.Subject.Label, d.SubjectText))},
		{"predicate", fmt.Sprintf("%s <%s>", d.Label, d.Predicate)},
		{"object", fmt.Sprintf("%s (%s) <%s>%s", d.Object.Label, orDash(d.Object.Type), d.Object.IRI, written(d.Object.Label, d.ObjectText))},
		{"relation text", strconv.Quote(d.Relation)},
		{"negated", yesNo(d.Negated)},
		{"hedged", yesNo(d.Hedged)},
		{"confidence", strconv.FormatFloat(d.Confidence, 'f', 2, 64)},
		{"rule", orDash(d.Rule)},
		{"asserted by", by},
		{"date", date},
		{"sentence", fmt.Sprintf("#%d, bytes %d-%d of the article; the fact spans bytes %d-%d <%s>", ev.Index, ev.Start, ev.End, d.SpanStart, d.SpanEnd, ev.IRI)},
		{"", "“" + ev.Sentence + "”"},
		{"article", fmt.Sprintf("%s <%s>", articleID(q, ev.Article), ev.Article)},
		{"title", orDash(ev.Title)},
		{"source", orDash(ev.Source)},
		{"url", orDash(ev.URL)},
		{"published", orDash(d.Published)},
	}
	for _, r := range rows {
		fmt.Fprintf(w, "  %-14s %s\n", r[0], r[1])
	}
	if len(rest) == 0 {
		fmt.Fprintf(w, "\nno other facts in this sentence\n")
		return
	}
	fmt.Fprintf(w, "\nother facts of this sentence (%d)\n", len(rest))
	table := [][]string{{"FACT", "SUBJECT", "RELATION", "OBJECT", "CONF"}}
	for _, o := range rest {
		table = append(table, []string{shortFactID(o.Fact), o.Subject.Label, o.relationText(), o.Object.Label,
			strconv.FormatFloat(o.Confidence, 'f', 2, 64)})
	}
	writeAligned(q, table)
}

// writeAligned prints rows as aligned columns, indented by two spaces.
func writeAligned(q *query, table [][]string) {
	widths := columnWidths(table)
	for _, row := range table {
		fmt.Fprintf(q.stdout, "  %s\n", alignRow(row, widths))
	}
}
