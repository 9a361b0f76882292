package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/internal/triples"
	"github.com/conflictkg/kg/schema"
)

// stdin is what "-" reads; tests replace it.
var stdin io.Reader = os.Stdin

// errReported means the problems were already printed, one line each.
var errReported = errors.New("problems reported")

// config is what the command line asks for.
type config struct {
	db      string
	format  string
	base    string
	dryRun  bool
	actors  bool
	top     int
	lines   bool
	remove  []string
	quiet   bool
	jobs    int
	load    loadOptions
	csv     triples.CSVColumns
	inputs  []string
	fmtFlag triples.Format
	x       *triples.Extractor // with the gazetteer and lexicon files added
}

const usage = `kgbuild: extract facts from news articles into a Cayley graph.

Usage:
  kgbuild [flags] PATH...        files, directories (recursive) or - for stdin
  kgbuild --remove ID...         remove articles and the facts only they supported

Input:
%s
Examples:
  kgbuild examples/
  kgbuild --dry-run examples/ | head
  kgbuild --format csv --csv-text body - < articles.csv
  kgbuild --gazetteer local-groups.tsv --lexicon verbs.tsv articles/
  kgbuild --actors --top 20 articles.csv
`

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	c := &config{}
	fs := pflag.NewFlagSet("kgbuild", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.db, "db", "kg.db", "the store: a bolt directory or a postgres:// address")
	fs.StringVar(&c.format, "format", "", "read every input as `text`, jsonl, csv or html (default: by extension)")
	fs.BoolVar(&c.lines, "lines", false, "text input: every line is its own article")
	fs.StringVar(&c.csv.ID, "csv-id", triples.DefaultCSVColumns.ID, "CSV column of the article id")
	fs.StringVar(&c.csv.Title, "csv-title", triples.DefaultCSVColumns.Title, "CSV column of the title")
	fs.StringVar(&c.csv.Text, "csv-text", triples.DefaultCSVColumns.Text, "CSV column of the text")
	fs.StringVar(&c.csv.Source, "csv-source", triples.DefaultCSVColumns.Source, "CSV column of the source")
	fs.StringVar(&c.csv.Date, "csv-date", triples.DefaultCSVColumns.Date, "CSV column of the date")
	fs.StringVar(&c.csv.URL, "csv-url", triples.DefaultCSVColumns.URL, "CSV column of the URL")
	var gazetteers, lexicons []string
	fs.StringArrayVar(&gazetteers, "gazetteer", nil, "add the actors of this `FILE` to the built-in gazetteer (repeatable; format: schema/README.md)")
	fs.StringArrayVar(&lexicons, "lexicon", nil, "add the patterns of this `FILE` to the built-in verb lexicon (repeatable)")
	fs.StringVar(&c.base, "base", schema.DefaultBase, "base `IRI` of the graph's nodes")
	fs.BoolVar(&c.dryRun, "dry-run", false, "write the facts as JSON Lines instead of loading them")
	fs.BoolVar(&c.actors, "actors", false, "write a table of the actors found (mentions, type, gazetteer or new, spellings) instead of loading them")
	fs.IntVar(&c.top, "top", 50, "with --actors: list the `N` most mentioned (0: all)")
	fs.StringArrayVar(&c.remove, "remove", nil, "remove the article with this `ID` (repeatable)")
	fs.IntVarP(&c.jobs, "jobs", "j", 0, "extract `N` articles at a time (0, the default: one per CPU); the output is the same for any N")
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "print no summary")
	c.load.flags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(stderr, usage, fs.FlagUsages())
			return nil, err
		}
		return nil, fmt.Errorf("%v (see kgbuild --help)", err)
	}
	c.inputs = fs.Args()
	if c.format != "" {
		f, err := triples.ParseFormat(c.format)
		if err != nil {
			return nil, fmt.Errorf("--format: %v", err)
		}
		c.fmtFlag = f
	}
	if c.lines && c.format != "" && c.fmtFlag != triples.Text {
		return nil, errors.New("--lines works with text input only")
	}
	if !strings.HasPrefix(c.base, "http://") && !strings.HasPrefix(c.base, "https://") && !strings.HasPrefix(c.base, "urn:") {
		return nil, fmt.Errorf("--base %q: want an absolute IRI such as %s", c.base, schema.DefaultBase)
	}
	switch {
	case c.jobs < 0:
		return nil, fmt.Errorf("--jobs %d: want a number of goroutines, or 0 for one per CPU", c.jobs)
	case c.jobs == 0:
		c.jobs = runtime.NumCPU()
	}
	if err := c.load.check(); err != nil {
		return nil, err
	}
	if len(c.inputs) == 0 && len(c.remove) == 0 {
		return nil, errors.New("no input: name files, directories or - (see kgbuild --help)")
	}
	if c.actors {
		if c.dryRun {
			return nil, errors.New("--actors and --dry-run each write their own output: choose one")
		}
		c.dryRun = true // nothing is loaded
	}
	x, err := triples.NewExtractor().WithFiles(gazetteers, lexicons)
	if err != nil {
		return nil, err
	}
	c.x = x
	return c, nil
}

// Run runs kgbuild with args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "eval" {
		return runEval(ctx, args[1:], stdout, stderr)
	}
	c, err := parseFlags(args, stderr)
	if errors.Is(err, pflag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	stopProfile, err := c.load.startProfile()
	if err != nil {
		return err
	}
	defer stopProfile()
	b := &build{cfg: c, stdout: stdout, stderr: stderr, x: c.x,
		iris: triples.IRIs{Base: c.base}, start: time.Now(), progress: isTerminal(stderr)}
	b.initProgress()
	if c.load.stats {
		// The loader writes on this goroutine: on one thread, whose CPU
		// time --stats can then read.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
	}
	if !c.dryRun {
		st, err := store.Open(c.db, store.Options{})
		if err != nil {
			return err
		}
		defer st.Close()
		c.db = st.Path // messages show an address without its password
		b.st = st
		if err := b.timeWrite(func() error { return b.planEarly(ctx) }); err != nil {
			return fmt.Errorf("%s: %v", c.db, err)
		}
		if err := b.timeWrite(func() error { return b.writeDefinitions(ctx) }); err != nil {
			return fmt.Errorf("%s: %v", c.db, err)
		}
	}
	for _, id := range c.remove {
		if err := b.removeArticle(ctx, id); err != nil {
			return err
		}
	}
	src := &source{cfg: c}
	if c.jobs == 1 {
		err = b.sequential(ctx, src)
	} else {
		err = b.parallel(ctx, src, c.jobs)
	}
	// The articles waiting for a transaction are whole: write them even
	// when interrupted, so that the next run need not extract them again.
	b.flush()
	if ferr := b.finishLoad(); ferr != nil {
		return fmt.Errorf("%s: %v", c.db, ferr)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			b.summary()
		}
		return err
	}
	if b.st != nil {
		// Queries read each entity's facts from one summary; see store.Summary.
		opts := store.SummaryOptions{Gazetteer: b.iris.Gazetteer(), NameKey: triples.NameKey, Progress: b.summarizing}
		start := time.Now()
		n, err := b.st.Summarize(ctx, opts)
		if err != nil {
			return fmt.Errorf("%s: %v", c.db, err)
		}
		b.summaries, b.summarizeTime = n, time.Since(start)
	}
	if c.actors {
		if err := b.report.write(stdout, c.top, map[string]bool{"actor": true}); err != nil {
			return err
		}
	}
	b.summary()
	if b.problems > 0 {
		return errReported
	}
	return nil
}

// build carries one run's state. Only the goroutine that calls Run
// touches it: in a parallel build the reader and the extractors hand it
// items (see [build.parallel]).
type build struct {
	cfg            *config
	stdout, stderr io.Writer
	x              *triples.Extractor
	iris           triples.IRIs
	st             *store.Store
	report         actorReport // for --actors
	start          time.Time
	progress       bool
	lastProgress   time.Time
	summaries      int           // entities summarised for queries
	summarizeTime  time.Duration // and how long it took
	loadState                    // batches, timings and progress: load.go

	articles, unchanged, duplicates, sentences, facts, added, removed, problems int
}

type seenArticle struct{ origin, hash string }

func (b *build) problem(err error) {
	b.problems++
	b.clearProgress()
	fmt.Fprintln(b.stderr, err)
}

// item is one step of a build, in input order: an article to extract and
// load, an article read before, or a problem with the input.
type item struct {
	a    *triples.Article // nil unless there is something to extract
	hash string           // a's content hash
	dup  bool             // the same article again, with the same text: only counted
	err  error            // a problem with the input, or the extraction's error

	doc   *triples.Document
	quads []quad.Quad   // doc's quads when the build loads a store
	took  time.Duration // extracting and making quads
	pos   int64         // bytes of input read when the article was read
	done  chan struct{} // in a parallel build, closed once doc and err are set
}

// extract runs the extractor over the item's article, if it has one, and
// makes its quads unless iris is nil.
func (it *item) extract(x *triples.Extractor, iris *triples.IRIs) {
	if it.a != nil && it.err == nil {
		start := time.Now()
		it.doc, it.err = x.Extract(it.a)
		if it.err == nil && iris != nil {
			it.quads = iris.Quads(it.doc)
		}
		it.took = time.Since(start)
	}
}

// quadIRIs is what extract needs to make quads: nil on a dry run.
func (b *build) quadIRIs() *triples.IRIs {
	if b.cfg.dryRun {
		return nil
	}
	return &b.iris
}

// sequential builds one article at a time: read, extract, load.
func (b *build) sequential(ctx context.Context, src *source) error {
	iris := b.quadIRIs()
	src.emit = func(it *item) {
		it.extract(b.x, iris)
		b.load(ctx, it)
	}
	return src.run(ctx)
}

// parallel builds with n extracting goroutines. One goroutine reads the
// inputs and sends each item to the loader (this goroutine) through order
// and, if it has an article, to the extractors through work; the loader
// takes the items in the order they were read and waits for each to be
// extracted. Everything the user sees — output, problems, counts, the
// store — is therefore decided in input order, as in a sequential build,
// and at most 2n+2 articles are in memory whatever the size of the input
// (like cmd/gofmt's sequencer). Cancelling ctx stops the reader, and the
// extractors once their current article is done; parallel returns after
// all of them have.
func (b *build) parallel(ctx context.Context, src *source, n int) error {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()
	order := make(chan *item, 2*n)
	work := make(chan *item)
	var readErr error // set before order is closed
	wg.Add(1 + n)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(work)
		src.emit = func(it *item) {
			if it.a != nil {
				it.done = make(chan struct{})
			}
			select {
			case order <- it:
			case <-ctx.Done():
				return // the loader has stopped waiting
			}
			if it.done != nil {
				select {
				case work <- it:
				case <-ctx.Done():
				}
			}
		}
		readErr = src.run(ctx)
	}()
	x, iris := b.x, b.quadIRIs() // all the extractors touch of b
	for range n {
		go func() {
			defer wg.Done()
			for it := range work {
				it.extract(x, iris)
				close(it.done)
			}
		}()
	}
	for it := range order {
		if it.done != nil {
			waited := time.Now()
			select {
			case <-it.done:
			case <-ctx.Done():
			}
			b.waited += time.Since(waited)
		}
		if err := ctx.Err(); err != nil {
			return err // as a sequential build, load nothing more
		}
		b.load(ctx, it)
	}
	return readErr
}

// load reports an item's problem, or counts its article and loads its
// facts, or writes them on a dry run.
func (b *build) load(ctx context.Context, it *item) {
	switch {
	case it.dup:
		b.duplicates++ // the same article twice: nothing to do
		return
	case it.err != nil:
		b.problem(it.err)
		return
	}
	doc, a := it.doc, it.a
	b.articles++
	b.sentences += len(doc.Sentences)
	b.facts += len(doc.Facts)
	b.extracted += it.took
	b.pos = it.pos
	defer b.showProgress()
	if b.cfg.actors {
		b.report.add(doc)
		return
	}
	if b.cfg.dryRun {
		if err := writeFacts(b.stdout, b.iris, doc); err != nil {
			b.problem(fmt.Errorf("writing facts: %v", err))
		}
		return
	}
	iri := b.iris.Article(a.ID)
	var old string
	err := b.timeWrite(func() (err error) { old, err = b.st.ArticleHash(ctx, iri); return err })
	if err != nil {
		b.problem(fmt.Errorf("%s: %v", a.Origin, err))
		return
	}
	if old == it.hash {
		b.unchanged++
		return
	}
	if old == "" {
		b.queue(a.Origin, it.quads) // new: written with other new articles in one transaction
		return
	}
	// A changed article replaces what its old version wrote, in a
	// transaction of its own, after the new articles read before it.
	b.flush()
	var added, removed int
	err = b.timeWrite(func() (err error) { added, removed, err = b.st.ReplaceArticle(ctx, iri, it.quads); return err })
	if err != nil {
		b.problem(fmt.Errorf("%s: %v", a.Origin, err))
		return
	}
	b.added += added
	b.removed += removed
	b.replaced++
}

// source reads the inputs in order and hands emit an item for each
// article and each problem. In a parallel build it runs on a goroutine of
// its own and shares nothing with the loader but the items.
type source struct {
	cfg  *config
	emit func(*item)
	seen map[string]seenArticle // article id -> where this run first read it
	read int64                  // bytes read of the inputs so far
}

func (s *source) problem(err error) { s.emit(&item{err: err}) }

// run reads every input. It returns only ctx's error or one that ends the build.
func (s *source) run(ctx context.Context) error {
	for _, in := range s.cfg.inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.input(ctx, in); err != nil {
			return err
		}
	}
	return nil
}

// input reads one command-line argument: a file, a directory or "-".
func (s *source) input(ctx context.Context, in string) error {
	if in == "-" {
		f := s.cfg.fmtFlag
		if f == "" {
			f = triples.Text
		}
		s.readArticles(ctx, &countingReader{stdin, &s.read}, "-", f)
		return ctx.Err()
	}
	fi, err := os.Stat(in)
	if err != nil {
		s.problem(fmt.Errorf("%s: %v", in, pathErr(err)))
		return nil
	}
	if !fi.IsDir() {
		s.file(ctx, in)
		return ctx.Err()
	}
	var files []string
	err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			s.problem(fmt.Errorf("%s: %v", p, pathErr(err)))
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != in {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if s.cfg.fmtFlag == "" {
			if _, err := triples.FormatOf(p); err != nil {
				return nil // not an article file: README.md, images
			}
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		s.file(ctx, f)
	}
	return nil
}

// pathErr drops the path that os errors repeat.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (s *source) file(ctx context.Context, path string) {
	f := s.cfg.fmtFlag
	if f == "" {
		var err error
		if f, err = triples.FormatOf(path); err != nil {
			s.problem(fmt.Errorf("%s: %v (pass --format)", path, err))
			return
		}
	}
	r, err := os.Open(path)
	if err != nil {
		s.problem(fmt.Errorf("%s: %v", path, pathErr(err)))
		return
	}
	defer r.Close()
	s.readArticles(ctx, &countingReader{r, &s.read}, path, f)
}

func (s *source) readArticles(ctx context.Context, r io.Reader, path string, f triples.Format) {
	ar := triples.NewArticleReader(r, f, triples.ReadOptions{Path: path, Lines: s.cfg.lines, CSV: s.cfg.csv})
	for ctx.Err() == nil {
		a, err := ar.ReadArticle()
		if err == io.EOF {
			return
		}
		var pe *triples.ParseError
		if errors.As(err, &pe) {
			s.problem(err)
			continue
		}
		if err != nil {
			s.problem(fmt.Errorf("%s: %v", path, pathErr(err)))
			return
		}
		s.article(a)
	}
}

// article emits a, unless this run has read its id before: the same
// article again is only counted, another text under the id is a problem.
func (s *source) article(a *triples.Article) {
	// A CSV reader's fields share their record's memory. With an id of its
	// own, what the build keeps of an article (here and in the --actors
	// report) lets the record go, and memory stays flat however long the input.
	a.ID = strings.Clone(a.ID)
	hash := a.ContentHash()
	if first, ok := s.seen[a.ID]; ok {
		if first.hash == hash {
			s.emit(&item{dup: true})
			return
		}
		s.problem(fmt.Errorf("%s: article id %s was already read at %s, with another text; skipped (give articles unique ids)", a.Origin, a.ID, first.origin))
		return
	}
	if s.seen == nil {
		s.seen = map[string]seenArticle{}
	}
	s.seen[a.ID] = seenArticle{a.Origin, hash}
	s.emit(&item{a: a, hash: hash, pos: s.read})
}

func (b *build) removeArticle(ctx context.Context, id string) error {
	if b.st == nil {
		return errors.New("--remove cannot be combined with --dry-run")
	}
	iri := b.iris.Article(id)
	if h, err := b.st.ArticleHash(ctx, iri); err != nil {
		return err
	} else if h == "" {
		b.problem(fmt.Errorf("--remove %s: no such article in %s", id, b.cfg.db))
		return nil
	}
	var removed int
	err := b.timeWrite(func() (err error) { _, removed, err = b.st.ReplaceArticle(ctx, iri, nil); return err })
	if err != nil {
		return err
	}
	b.removed += removed
	if !b.cfg.quiet {
		fmt.Fprintf(b.stderr, "kgbuild: removed article %s (%d quads)\n", id, removed)
	}
	return nil
}

func (b *build) summary() {
	b.clearProgress()
	if b.cfg.quiet || len(b.cfg.inputs) == 0 {
		return
	}
	what := fmt.Sprintf("%d quads written, %d removed", b.added, b.removed)
	if b.cfg.dryRun {
		what = "dry run, nothing written"
	}
	dups := ""
	if b.duplicates > 0 {
		dups = fmt.Sprintf(", %d repeated in the input", b.duplicates)
	}
	fmt.Fprintf(b.stderr, "kgbuild: %d articles (%d unchanged%s), %d sentences, %d facts, %s, %d problems, %s\n",
		b.articles, b.unchanged, dups, b.sentences, b.facts, what, b.problems, time.Since(b.start).Round(time.Millisecond))
	b.printStats()
}

// showProgress rewrites a progress line on a terminal once the build has
// run a second, at most five times a second (with --progress elsewhere, a
// line every five seconds; see writeProgress).
func (b *build) showProgress() {
	if !b.progress || time.Since(b.start) < progressAfter || time.Since(b.lastProgress) < b.progressEvery {
		return
	}
	b.lastProgress = time.Now()
	b.writeProgress()
}

// summarizing shows how far Summarize is, as showProgress does.
func (b *build) summarizing(done, total int) {
	if !b.progress || time.Since(b.start) < progressAfter || time.Since(b.lastProgress) < b.progressEvery && done < total {
		return
	}
	b.lastProgress = time.Now()
	line := fmt.Sprintf("kgbuild: summarising entities for queries: %d of %d", done, total)
	if b.progressLines {
		fmt.Fprintln(b.stderr, line)
	} else {
		fmt.Fprint(b.stderr, "\r\033[K"+line)
	}
}

func (b *build) clearProgress() {
	if b.progress && !b.progressLines && !b.lastProgress.IsZero() {
		fmt.Fprint(b.stderr, "\r\033[K")
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// factJSON is one line of --dry-run output.
type factJSON struct {
	Article       string   `json:"article"`
	Sentence      int      `json:"sentence"`
	SentenceText  string   `json:"sentence_text"`
	SentenceStart int      `json:"sentence_start"`
	SentenceEnd   int      `json:"sentence_end"`
	Subject       entJSON  `json:"subject"`
	Relation      spanJSON `json:"relation"`
	Predicate     string   `json:"predicate"`
	Object        entJSON  `json:"object"`
	Negated       bool     `json:"negated"`
	Hedged        bool     `json:"hedged,omitempty"`
	AssertedBy    *entJSON `json:"asserted_by,omitempty"`
	Confidence    float64  `json:"confidence"`
	Rule          string   `json:"rule"`
	Date          string   `json:"date,omitempty"`
}

// factDate is a fact's date written to its precision, as the quads type
// it: "2016-03-04", "2016-03" or "2016", so that a month is not read as
// its first day. A date without a precision is a day, as in the quads.
func factDate(t time.Time, p triples.Precision) string {
	if t.IsZero() {
		return ""
	}
	if p == triples.DateNone {
		p = triples.DateDay
	}
	return p.Format(t)
}

type entJSON struct {
	Text  string `json:"text"`
	IRI   string `json:"iri"`
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

type spanJSON struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func writeFacts(w io.Writer, iris triples.IRIs, doc *triples.Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, f := range doc.Facts {
		s := doc.Sentences[f.Sentence]
		j := factJSON{
			Article: doc.Article.ID, Sentence: f.Sentence, SentenceText: s.Text, SentenceStart: s.Start, SentenceEnd: s.End,
			Subject:   entJSON{f.Subject.Text, string(iris.Entity(f.Subject.Entity)), strings.TrimPrefix(f.Subject.Type, schema.Prefix), f.SubjSpan.Start, f.SubjSpan.End},
			Relation:  spanJSON{f.Relation, f.RelSpan.Start, f.RelSpan.End},
			Predicate: schema.NS + strings.TrimPrefix(f.Predicate, schema.Prefix),
			Object:    entJSON{f.Object.Text, string(iris.Entity(f.Object.Entity)), strings.TrimPrefix(f.Object.Type, schema.Prefix), f.ObjSpan.Start, f.ObjSpan.End},
			Negated:   f.Negated, Confidence: f.Confidence, Rule: f.Rule,
		}
		j.Date = factDate(f.Date, f.DatePrecision)
		j.Hedged = f.Hedged
		if m := f.Source; m != nil {
			j.AssertedBy = &entJSON{m.Text, string(iris.Entity(m.Entity)), strings.TrimPrefix(m.Type, schema.Prefix), s.Tokens[m.Start].Start, s.Tokens[m.End-1].End}
		}
		if err := enc.Encode(j); err != nil {
			return err
		}
	}
	return nil
}

// writeDefinitions puts the vocabulary, the gazetteer and the lexicon this
// build uses in their named graphs, replacing what an earlier build wrote
// if it differs, so that the graph explains its terms and names. The
// vocabulary is versioned by its JSON-LD, so that it is parsed only when
// the store lacks that version.
func (b *build) writeDefinitions(ctx context.Context) error {
	vocab := sha256.Sum256(schema.Vocabulary)
	gaz, lex := b.iris.GazetteerQuads(b.x.Gazetteer), b.iris.LexiconQuads(b.x.Lexicon)
	for _, d := range []struct {
		graph, hub quad.IRI
		version    string
		quads      func() []quad.Quad
	}{
		{quad.IRI(schema.SchemaGraph).Full(), quad.IRI(schema.NS), hex.EncodeToString(vocab[:]), schema.VocabularyQuads},
		{b.iris.Gazetteer(), b.iris.Gazetteer(), store.Version(gaz), func() []quad.Quad { return gaz }},
		{b.iris.Lexicon(), b.iris.Lexicon(), store.Version(lex), func() []quad.Quad { return lex }},
	} {
		added, _, err := b.st.ReplaceGraph(ctx, d.graph, d.hub, d.version, d.quads)
		if err != nil {
			return err
		}
		b.defsAdded += added
	}
	return nil
}
