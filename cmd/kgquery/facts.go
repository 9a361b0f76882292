package main

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/schema"
)

type factsCommand struct {
	subject, object, typ  string
	predicates, plover    []string
	since, until          string
	source, article       string
	minConfidence         float64
	negated, negatedGiven bool
	fs                    *pflag.FlagSet
	cmd                   string // the command the flags are of: "facts" unless export borrows them
}

func (c *factsCommand) usage() string {
	return `Usage: kgquery facts [flags]

Facts that pass every filter given, newest first, each with the sentence and
article it came from; with no filter, every fact.

  --predicate takes a name ("attacks", "agrees to", "kg:agreesTo") or a CAMEO
  code, whole or a prefix of one ("190", "19" for every use of force), and
  repeats or takes a comma-separated list. A predicate includes its
  sub-properties: attacks includes shells, bombs and targets.
  --plover takes a PLOVER category (ASSAULT, ACCUSE, AGREE ...).
  --type keeps facts whose subject or object is of that class or a subclass
  (ArmedGroup, Government, "armed group", Location ...).
  --since and --until take 2016, 2016-03 or 2016-03-04 and keep facts whose
  date overlaps the period; facts without a date are left out.
  --negated keeps only facts a sentence denies; --negated=false only the others.

Examples:
  kgquery facts --subject "Jaish al-Islam" --predicate denies
  kgquery facts --plover ASSAULT --since 2018-03 --csv > assaults.csv`
}

func (c *factsCommand) flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.subject, "subject", "", "facts whose subject is the actor `NAME`")
	fs.StringSliceVar(&c.predicates, "predicate", nil, "predicate `NAME` or CAMEO code")
	fs.StringSliceVar(&c.plover, "plover", nil, "predicates of PLOVER `CATEGORY`")
	fs.StringVar(&c.object, "object", "", "facts whose object is `NAME`")
	fs.StringVar(&c.typ, "type", "", "subject or object of `CLASS`")
	fs.StringVar(&c.since, "since", "", "dated on or after `DATE`")
	fs.StringVar(&c.until, "until", "", "dated on or before `DATE`")
	fs.StringVar(&c.source, "source", "", "from articles of the outlet `NAME`")
	fs.StringVar(&c.article, "article", "", "from the article with this `ID`")
	fs.Float64Var(&c.minConfidence, "min-confidence", 0, "confidence at least `F` (0 to 1)")
	fs.BoolVar(&c.negated, "negated", false, "only denied facts (--negated=false: only the others)")
	c.fs = fs
}

// factFilter is the parsed filters of the facts command.
type factFilter struct {
	subject, object string          // IRIs
	predicates      map[string]bool // full IRIs; nil: any
	class           string          // short IRI
	since, until    string          // yyyy-mm-dd
	source          string          // folded
	article         string          // IRI
	minConfidence   float64
	negated         *bool
}

func (c *factsCommand) run(ctx context.Context, q *query, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("kgquery facts: unexpected argument %q (filters are flags: --subject %q)", args[0], args[0])
	}
	f, err := c.filter(ctx, q)
	if err != nil {
		return err
	}
	rows, err := q.filteredFacts(ctx, f)
	if err != nil {
		return err
	}
	n, err := writeList(q, factList(q, rows))
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: no facts pass the filters in %s", ErrNoResults, q.db)
	}
	return nil
}

// filteredFacts returns the facts that pass f, newest first: what kgquery
// facts lists and kgquery export with the same filters writes.
func (q *query) filteredFacts(ctx context.Context, f factFilter) ([]factRow, error) {
	cands, err := q.candidateFacts(ctx, f)
	if err != nil {
		return nil, err
	}
	nodes := map[quad.Value]node{}
	sentences := map[quad.Value]evidence{}
	var rows []factRow
	for _, v := range cands {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, err := q.fact(ctx, v, nodes, sentences)
		if err != nil {
			return nil, err
		}
		if f.keep(r) {
			rows = append(rows, r)
		}
	}
	sortByDate(rows)
	return rows, nil
}

// filterFlags names the flags of the filters; export takes them too.
var filterFlags = []string{"subject", "predicate", "plover", "object", "type", "since", "until",
	"source", "article", "min-confidence", "negated"}

// filtersGiven returns the filter flags set on the command line, but for those in except.
func (c *factsCommand) filtersGiven(except ...string) []string {
	var out []string
	for _, name := range filterFlags {
		if c.fs != nil && c.fs.Changed(name) && !slices.Contains(except, name) {
			out = append(out, "--"+name)
		}
	}
	return out
}

// filter checks and resolves the flags: names to nodes, predicates to IRIs.
func (c *factsCommand) filter(ctx context.Context, q *query) (factFilter, error) {
	f := factFilter{minConfidence: c.minConfidence}
	cmd := "kgquery " + cmp.Or(c.cmd, "facts")
	wrap := func(flag string, err error) error {
		return fmt.Errorf("%s --%s: %w", cmd, flag, err)
	}
	for _, x := range []struct {
		flag, name string
		iri        *string
	}{{"subject", c.subject, &f.subject}, {"object", c.object, &f.object}} {
		if x.name == "" {
			continue
		}
		n, err := q.resolve(ctx, x.name)
		if err != nil {
			return f, wrap(x.flag, err)
		}
		*x.iri = n.IRI
	}
	var err error
	if f.predicates, err = predicateSet(c.predicates, c.plover); err != nil {
		return f, fmt.Errorf("%s: %v", cmd, err)
	}
	if c.typ != "" {
		if f.class, err = lookupClass(c.typ); err != nil {
			return f, wrap("type", err)
		}
	}
	if c.since != "" {
		if f.since, err = dateBound(c.since, false); err != nil {
			return f, wrap("since", err)
		}
	}
	if c.until != "" {
		if f.until, err = dateBound(c.until, true); err != nil {
			return f, wrap("until", err)
		}
	}
	if f.since != "" && f.until != "" && f.since > f.until {
		return f, fmt.Errorf("%s: --since %s is after --until %s", cmd, c.since, c.until)
	}
	if c.minConfidence < 0 || c.minConfidence > 1 {
		return f, fmt.Errorf("%s: --min-confidence %v: want a number from 0 to 1", cmd, c.minConfidence)
	}
	f.source = fold(c.source)
	if c.article != "" {
		f.article = c.article
		if !strings.Contains(c.article, "://") {
			f.article = string(q.iris.Article(c.article))
		}
	}
	if c.fs != nil && c.fs.Changed("negated") {
		f.negated = &c.negated
	}
	return f, nil
}

// keep reports whether r passes every filter.
func (f factFilter) keep(r factRow) bool {
	switch {
	case f.subject != "" && r.Subject.IRI != f.subject,
		f.object != "" && r.Object.IRI != f.object,
		f.predicates != nil && !f.predicates[r.Predicate],
		f.class != "" && !isA(r.Subject, f.class) && !isA(r.Object, f.class),
		f.since != "" && (r.Date == "" || dateEnd(r.Date) < f.since),
		f.until != "" && (r.Date == "" || dateStart(r.Date) > f.until),
		f.source != "" && fold(r.Evidence.Source) != f.source,
		f.article != "" && r.Evidence.Article != f.article,
		r.Confidence < f.minConfidence,
		f.negated != nil && r.Negated != *f.negated:
		return false
	}
	return true
}

func isA(n node, class string) bool {
	return n.Type != "" && schema.IsA(schema.Prefix+n.Type, class)
}

// candidateFacts returns the fact nodes that may pass f, found through the
// most selective index the filters allow; keep decides.
func (q *query) candidateFacts(ctx context.Context, f factFilter) ([]quad.Value, error) {
	via := func(p string, vs ...quad.Value) ([]quad.Value, error) {
		var out []quad.Value
		seen := map[quad.Value]bool{}
		for _, v := range vs {
			qs, err := q.st.QuadsWith(ctx, quad.Object, v)
			if err != nil {
				return nil, err
			}
			for _, x := range qs {
				if x.Predicate == quad.IRI(p).Full() && !seen[x.Subject] {
					seen[x.Subject] = true
					out = append(out, x.Subject)
				}
			}
		}
		return out, nil
	}
	switch {
	case f.subject != "":
		return via(schema.Subject, quad.IRI(f.subject))
	case f.object != "":
		return via(schema.Object, quad.IRI(f.object))
	case f.article != "":
		sents, err := via(schema.InArticle, quad.IRI(f.article))
		if err != nil {
			return nil, err
		}
		if len(sents) == 0 {
			return nil, fmt.Errorf("%w: no article %q in %s", ErrNoResults, articleID(q, f.article), q.db)
		}
		return via(schema.InSentence, sents...)
	case f.predicates != nil:
		var ps []quad.Value
		for p := range f.predicates {
			ps = append(ps, quad.IRI(p))
		}
		return via(schema.Predicate, ps...)
	}
	return via(rdf.Type, quad.IRI(schema.Fact).Full())
}

// predicateSet returns the full IRIs of the predicates that names (names
// or CAMEO codes) and plover categories select, with their sub-properties;
// nil when both are empty.
func predicateSet(names, plover []string) (map[string]bool, error) {
	if len(names)+len(plover) == 0 {
		return nil, nil
	}
	all := schema.Predicates()
	set := map[string]bool{}
	add := func(p schema.PredicateInfo) {
		// A predicate stands for its sub-properties too: attacks includes shells.
		for _, sub := range all {
			for a := sub.IRI; a != ""; a = parentPredicate(a) {
				if a == p.IRI {
					set[fullIRI(sub.IRI)] = true
					break
				}
			}
		}
	}
	for _, name := range names {
		name = strings.TrimSpace(name)
		if isCAMEO(name) {
			found := false
			for _, p := range all {
				for _, code := range p.CAMEO {
					if strings.HasPrefix(code, name) {
						set[fullIRI(p.IRI)], found = true, true
					}
				}
			}
			if !found {
				return nil, fmt.Errorf("--predicate %s: no predicate has a CAMEO code %s or under it", name, name)
			}
			continue
		}
		p, ok := schema.LookupPredicate(name)
		if !ok {
			var labels []string
			for _, p := range all {
				labels = append(labels, p.Label)
			}
			return nil, fmt.Errorf("--predicate %q: no such predicate%s (kgquery facts --help)", name, didYouMean(nearestNames(name, labels, 3)))
		}
		add(p)
	}
	for _, cat := range plover {
		found := false
		for _, p := range all {
			if p.PLOVER != "" && strings.EqualFold(p.PLOVER, strings.TrimSpace(cat)) {
				set[fullIRI(p.IRI)], found = true, true
			}
		}
		if !found {
			return nil, fmt.Errorf("--plover %q: no predicate has that PLOVER category (want one of %s)", cat, strings.Join(ploverCategories(), ", "))
		}
	}
	return set, nil
}

func parentPredicate(short string) string {
	p, _ := schema.LookupPredicate(short)
	return p.Parent
}

func fullIRI(short string) string { return schema.NS + strings.TrimPrefix(short, schema.Prefix) }

var cameoCode = regexp.MustCompile(`^[0-9]{2,4}$`)

func isCAMEO(s string) bool { return cameoCode.MatchString(s) }

// ploverCategories returns the PLOVER categories predicates have, sorted.
func ploverCategories() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range schema.Predicates() {
		if p.PLOVER != "" && !seen[p.PLOVER] {
			seen[p.PLOVER] = true
			out = append(out, p.PLOVER)
		}
	}
	sort.Strings(out)
	return out
}

// lookupClass returns the short IRI of a class given by local name, short
// IRI, full IRI or label, in any case.
func lookupClass(name string) (string, error) {
	want := strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimPrefix(name, schema.NS), schema.Prefix)), ""))
	var names []string
	for _, c := range schema.Classes() {
		local := strings.TrimPrefix(c.IRI, schema.Prefix)
		if strings.ToLower(local) == want || strings.ToLower(strings.ReplaceAll(c.Label, " ", "")) == want {
			return c.IRI, nil
		}
		names = append(names, local)
	}
	return "", fmt.Errorf("no class %q%s", name, didYouMean(nearestNames(name, names, 3)))
}

var datePattern = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

// dateBound checks a date given as 2016, 2016-03 or 2016-03-04 and returns
// the first day of its period, or the last with end.
func dateBound(s string, end bool) (string, error) {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if _, err := time.Parse(layout, s); !datePattern.MatchString(s) || err != nil {
		return "", fmt.Errorf("%q: want a date as 2016, 2016-03 or 2016-03-04", s)
	}
	if end {
		return dateEnd(s), nil
	}
	return dateStart(s), nil
}

// dateStart and dateEnd return the first and last day of the period a fact
// date names, as strings that compare like the dates. A month's last day
// is given as 31, which compares right whatever the month's length.
func dateStart(d string) string { return padDate(d, "-01-01") }

func dateEnd(d string) string { return padDate(d, "-12-31") }

func padDate(d, rest string) string {
	switch len(d) {
	case 4, 7:
		return d + rest[len(d)-4:]
	}
	return d
}

// sortByDate orders facts newest first, then by article and sentence;
// facts without a date come last.
func sortByDate(rows []factRow) {
	sort.SliceStable(rows, func(i, j int) bool { return newerFirst(rows[i], rows[j]) })
}

// newerFirst orders two facts newest first (undated last), then by article,
// sentence and id, so that every listing is stable.
func newerFirst(a, b factRow) bool {
	switch {
	case a.Date != b.Date:
		return a.Date > b.Date
	case a.Evidence.Article != b.Evidence.Article:
		return a.Evidence.Article < b.Evidence.Article
	case a.Evidence.Index != b.Evidence.Index:
		return a.Evidence.Index < b.Evidence.Index
	}
	return a.Fact < b.Fact
}

// factList shows facts: in a table with the evidence under each fact, in
// CSV with everything JSON has.
func factList(q *query, rows []factRow) list[factRow] {
	return list[factRow]{
		items: rows,
		columns: []string{"fact", "date", "subject", "subject_label", "subject_type", "predicate", "predicate_label",
			"object", "object_label", "object_type", "relation_text", "negated", "confidence",
			"sentence", "sentence_iri", "article", "title", "source", "url"},
		row: func(r factRow) []string {
			return []string{r.Fact, r.Date, r.Subject.IRI, r.Subject.Label, r.Subject.Type, r.Predicate, r.Label,
				r.Object.IRI, r.Object.Label, r.Object.Type, r.Relation, strconv.FormatBool(r.Negated),
				strconv.FormatFloat(r.Confidence, 'f', -1, 64), r.Evidence.Sentence, r.Evidence.IRI,
				r.Evidence.Article, r.Evidence.Title, r.Evidence.Source, r.Evidence.URL}
		},
		table: func(page []factRow) { writeFacts(q, page) },
	}
}

// writeFacts prints facts as one aligned table, the evidence sentence under
// each fact. The fact id is what `kgquery evidence` takes.
func writeFacts(q *query, rows []factRow) {
	table := [][]string{{"DATE", "SUBJECT", "PREDICATE", "OBJECT", "CONF", "ARTICLE", "FACT"}}
	for _, r := range rows {
		pred := r.Label
		if r.Negated {
			pred = "NOT " + pred
		}
		table = append(table, []string{orDash(r.Date), r.Subject.Label, pred, r.Object.Label,
			strconv.FormatFloat(r.Confidence, 'f', 2, 64), articleID(q, r.Evidence.Article), shortFactID(r.Fact)})
	}
	widths := columnWidths(table)
	for k, row := range table {
		fmt.Fprintln(q.stdout, alignRow(row, widths))
		if k > 0 {
			fmt.Fprintf(q.stdout, "%*s“%s”\n", widths[0]+2, "", q.sentence(strings.Join(strings.Fields(rows[k-1].Evidence.Sentence), " ")))
		}
	}
}

// nonNil makes an empty page an empty JSON array rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
