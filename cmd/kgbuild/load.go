package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/internal/triples"
)

// loadOptions are the flags of loading: how many quads a transaction of
// new articles holds, and what the build reports as it goes.
type loadOptions struct {
	batch    int    // quads of new articles per transaction, at least (whole articles)
	stats    bool   // print where the time went after the summary
	progress bool   // progress lines on stderr even when it is not a terminal
	profile  string // write a CPU profile here
	bulk     string // --bulk: auto, on or off (store.BulkMode)
}

// defaultBatch is the default of --batch. On 3.3 million quads,
// transactions of 100,000 wrote in 17 s of CPU, of 30,000 in 23 s and of
// 10,000 in 26 s; smaller ones hold less memory (docs/benchmarks.md,
// "Loading (issue 6)").
const defaultBatch = 100_000

func (o *loadOptions) flags(fs *pflag.FlagSet) {
	fs.IntVar(&o.batch, "batch", defaultBatch, "write new articles in transactions of about `N` quads, whole articles each (1: one article per transaction)")
	fs.BoolVar(&o.stats, "stats", false, "after the summary, print where the time went: writing, extracting, waiting")
	fs.BoolVar(&o.progress, "progress", false, "print progress to stderr every 5 s even when it is not a terminal")
	fs.StringVar(&o.profile, "cpuprofile", "", "write a CPU profile of the build to `FILE` (go tool pprof)")
	fs.StringVar(&o.bulk, "bulk", "auto", "PostgreSQL: build the quads table's indexes and foreign keys once, after the load (`auto`: when it adds a third of the quads stored or more; on; off: keep them for concurrent readers)")
}

// bulkModes are the values of --bulk.
var bulkModes = map[string]store.BulkMode{"auto": store.BulkAuto, "on": store.BulkOn, "off": store.BulkOff}

// startProfile starts the CPU profile --cpuprofile asks for; stop ends it.
func (o *loadOptions) startProfile() (stop func(), err error) {
	if o.profile == "" {
		return func() {}, nil
	}
	f, err := os.Create(o.profile)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %v", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %v", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func (o *loadOptions) check() error {
	if o.batch < 1 {
		return fmt.Errorf("--batch %d: want a number of quads, at least 1", o.batch)
	}
	if _, ok := bulkModes[o.bulk]; !ok {
		return fmt.Errorf("--bulk %q: want auto, on or off", o.bulk)
	}
	return nil
}

// loadState is what loading keeps besides the counts: the new articles
// waiting for their transaction, the time spent writing and waiting, and
// what progress reports need.
type loadState struct {
	pending       []quad.Quad   // quads of whole new articles, not yet written
	planned       bool          // the store was told how much follows (store.BeginLoad)
	bulk          bool          // and defers its indexes (PostgreSQL)
	indexing      time.Duration // building the deferred indexes (part of writing); 0: no bulk load
	pendingFrom   []string      // origins of the first and last pending article
	batches       int           // transactions of new articles written
	replaced      int           // articles written by ReplaceArticle
	defsAdded     int           // quads written for the vocabulary, gazetteer, lexicon
	writing       time.Duration
	writingCPU    time.Duration // CPU of the loader's thread while writing (--stats)
	waited        time.Duration // the loader waiting for extraction (parallel builds)
	extracted     time.Duration // extracting and making quads, summed over articles
	pos, size     int64         // bytes of input read, and in all (-1: unknown)
	progressEvery time.Duration
	progressLines bool // progress as lines, not rewritten in place
}

// testHookFlushed, when set, runs after each transaction of new articles.
var testHookFlushed func()

// Progress shows once a build has run progressAfter, and with --progress
// off a terminal, every progressLineEvery; tests shorten both.
var (
	progressAfter     = time.Second
	progressLineEvery = 5 * time.Second
)

// timeWrite runs a store operation and counts its time as writing.
func (b *build) timeWrite(f func() error) error {
	var cpu time.Duration
	if b.cfg.load.stats {
		cpu = threadCPU()
	}
	start := time.Now()
	err := f()
	b.writing += time.Since(start)
	if b.cfg.load.stats {
		b.writingCPU += threadCPU() - cpu
	}
	return err
}

// queue adds a new article's quads to the next transaction and writes it
// once it holds --batch quads.
func (b *build) queue(origin string, quads []quad.Quad) {
	if len(b.pending) == 0 {
		b.pendingFrom = []string{origin, origin}
	}
	b.pendingFrom[1] = origin
	b.pending = append(b.pending, quads...)
	if len(b.pending) >= b.cfg.load.batch {
		b.flush()
	}
}

// flush writes the new articles queued so far in one transaction.
func (b *build) flush() {
	if len(b.pending) == 0 {
		return
	}
	var added int
	// Not the build's context: after Ctrl-C the queued articles are still
	// written whole.
	ctx := context.Background()
	if !b.planned {
		b.planned = true
		err := b.timeWrite(func() (err error) {
			b.bulk, err = b.st.BeginLoad(ctx, b.expectedQuads(), bulkModes[b.cfg.load.bulk])
			return err
		})
		if err != nil {
			b.problem(fmt.Errorf("%s: %v", b.cfg.db, err))
		}
	}
	err := b.timeWrite(func() (err error) { added, err = b.st.AddArticles(ctx, b.pending); return err })
	clear(b.pending) // let the values go
	b.pending = b.pending[:0]
	if err != nil {
		what := b.pendingFrom[0]
		if b.pendingFrom[1] != what {
			what += " to " + b.pendingFrom[1]
		}
		b.problem(fmt.Errorf("%s: %v; these articles are not stored", what, err))
		return
	}
	b.added += added
	b.batches++
	if testHookFlushed != nil {
		testHookFlushed()
	}
}

// quadsPerInputByte is a low estimate of the quads a byte of input makes:
// the FA-KES corpus (CSV) makes about 0.04; markup makes fewer.
const quadsPerInputByte = 0.02

// planEarly starts a bulk load before the definitions are written when the
// input is large enough to be one by itself (with --bulk on, always): a
// first load into an empty database then writes them the fast way too.
// Otherwise the first transaction of new articles decides (flush).
func (b *build) planEarly(ctx context.Context) error {
	mode := bulkModes[b.cfg.load.bulk]
	if mode == store.BulkOff || mode == store.BulkAuto && b.size <= 0 {
		return nil
	}
	var err error
	b.bulk, err = b.st.BeginLoad(ctx, int64(float64(b.size)*quadsPerInputByte), mode)
	b.planned = b.bulk
	return err
}

// expectedQuads estimates the quads of new articles the build will write,
// from the first transaction's quads and the share of the input read: all
// new, as in a first load. With the size unknown (standard input) it is
// the first transaction's.
func (b *build) expectedQuads() int64 {
	n := int64(len(b.pending))
	if b.size > 0 && b.pos > 0 && b.pos < b.size {
		n = int64(float64(n) * float64(b.size) / float64(b.pos))
	}
	return n
}

// finishLoad ends a bulk load: PostgreSQL builds the deferred indexes.
func (b *build) finishLoad() error {
	if !b.bulk {
		return nil
	}
	b.bulk = false
	start := time.Now()
	defer func() { b.indexing = time.Since(start) }()
	return b.timeWrite(func() error { return b.st.FinishLoad(context.Background()) })
}

// printStats prints, with --stats, how the build's time divides.
func (b *build) printStats() {
	if !b.cfg.load.stats {
		return
	}
	total := time.Since(b.start)
	var parts []string
	if !b.cfg.dryRun {
		quads := b.added + b.removed + b.defsAdded
		parts = append(parts, fmt.Sprintf("writing %s (%s CPU) for %d quads, %s quads/s (%d added with the definitions, %d removed), in %d transactions of new articles and %d of changed ones",
			round(b.writing), round(b.writingCPU), quads, rate(quads, b.writing), b.added+b.defsAdded, b.removed, b.batches, b.replaced))
		if b.indexing > 0 {
			parts[len(parts)-1] += fmt.Sprintf(", as a bulk load (indexes built at the end, in %s of the writing)", round(b.indexing))
		}
	}
	if !b.cfg.dryRun {
		parts = append(parts, fmt.Sprintf("summarising %d entities for queries %s", b.summaries, round(b.summarizeTime)))
	}
	parts = append(parts, fmt.Sprintf("extracting %s summed over %d goroutines", round(b.extracted), b.cfg.jobs))
	if b.cfg.jobs > 1 {
		parts = append(parts, fmt.Sprintf("loader waited %s for extraction", round(b.waited)))
	}
	parts = append(parts, fmt.Sprintf("%s in all", round(total)))
	if rss := peakRSS(); rss > 0 {
		parts = append(parts, fmt.Sprintf("peak RSS %.0f MB", float64(rss)/1e6))
	}
	fmt.Fprintf(b.stderr, "kgbuild: stats: %s\n", strings.Join(parts, "; "))
}

func round(d time.Duration) time.Duration { return d.Round(time.Millisecond) }

// rate is n per d, as a whole number.
func rate(n int, d time.Duration) string {
	if d <= 0 {
		return "-"
	}
	return strconv.FormatFloat(float64(n)/d.Seconds(), 'f', 0, 64)
}

// peakRSS returns the process's peak resident set size in bytes, 0 where
// the system does not say (it is read from Linux's /proc).
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}

// initProgress decides how progress is shown and learns the size of the
// input, for the share read and the time left (-1: unknown).
func (b *build) initProgress() {
	b.progressEvery = 200 * time.Millisecond
	if !b.progress && b.cfg.load.progress {
		b.progress, b.progressLines, b.progressEvery = true, true, progressLineEvery
	}
	b.size = inputSize(b.cfg) // also for store.BeginLoad's estimate
}

// writeProgress writes one progress report: on a terminal it replaces the
// last, elsewhere it is a line of its own.
func (b *build) writeProgress() {
	secs := time.Since(b.start).Seconds()
	line := fmt.Sprintf("kgbuild: %d articles, %d facts, %.0f articles/s, %.0f facts/s",
		b.articles, b.facts, float64(b.articles)/secs, float64(b.facts)/secs)
	switch {
	case b.size > 0 && b.pos > 0:
		done := min(float64(b.pos)/float64(b.size), 1)
		left := time.Duration(secs * (1 - done) / done * float64(time.Second))
		line += fmt.Sprintf(", %.0f%% of %s, ETA %s", 100*done, megabytes(b.size), clock(left))
	case b.pos > 0:
		line += fmt.Sprintf(", %s read", megabytes(b.pos))
	}
	if b.progressLines {
		fmt.Fprintln(b.stderr, line)
	} else {
		fmt.Fprint(b.stderr, "\r\033[K"+line)
	}
}

func megabytes(n int64) string {
	if n < 1e6 {
		return fmt.Sprintf("%.0f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// clock writes d as m:ss or h:mm:ss.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// inputSize returns the bytes of the files the build will read, as
// source.input finds them, or -1 when it cannot know (standard input).
func inputSize(c *config) int64 {
	var n int64
	for _, in := range c.inputs {
		if in == "-" {
			return -1
		}
		fi, err := os.Stat(in)
		if err != nil {
			continue // reported when it is read
		}
		if !fi.IsDir() {
			n += fi.Size()
			continue
		}
		filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil
			case strings.HasPrefix(d.Name(), ".") && p != in:
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			case d.IsDir():
				return nil
			}
			if c.fmtFlag == "" {
				if _, err := triples.FormatOf(p); err != nil {
					return nil
				}
			}
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
			return nil
		})
	}
	return n
}

// countingReader counts the bytes read through it into *n.
type countingReader struct {
	r io.Reader
	n *int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	*c.n += int64(k)
	return k, err
}
