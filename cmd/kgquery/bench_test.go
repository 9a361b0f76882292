package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdf"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/internal/triples"
	"github.com/conflictkg/kg/schema"
)

// The benchmarks run on the benchmark graph: $KG_BENCH_DB, or
// .cache/bench/kg-1m.db at the repository root, which they build with
// internal/benchgraph (the dev corpus replicated to a million quads, about
// two minutes) when it is missing. Without the corpus they skip.
//
//	go test -run '^$' -bench 'Relations|Between' -benchtime 50x ./cmd/kgquery/
//
// Each reports p50 and p95 per query besides Go's mean; docs/benchmarks.md
// records them.

// benchActors are asked about: a group with a few hundred facts on the
// benchmark graph, a state with a few thousand, and the busiest actor.
var benchActors = []string{"Jaish al-Islam", "Russia", "Syrian government"}

// benchPairs are asked how they are linked, with --hops 3.
var benchPairs = [][2]string{{"Jaish al-Islam", "Russia"}, {"Jaish al-Islam", "Hezbollah"}, {"Jaish al-Islam", "United States"}, {"Islamic State", "Turkey"}, {"Syrian government", "Russia"}}

func benchDB(b *testing.B) string {
	b.Helper()
	if db := os.Getenv("KG_BENCH_DB"); db != "" {
		return db
	}
	db, _ := filepath.Abs("../../.cache/bench/kg-1m.db")
	if _, err := os.Stat(filepath.Join(db, "indexes.bolt")); err == nil {
		return db
	}
	corpus, _ := filepath.Abs("../../../shared/corpora/fakes-dev.csv")
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("no benchmark graph and no corpus at %s to build it from: set KG_BENCH_DB", corpus)
	}
	b.Logf("building the benchmark graph %s (about two minutes)", db)
	os.MkdirAll(filepath.Dir(db), 0o755)
	cmd := exec.Command("go", "run", "./internal/benchgraph", "-corpus", corpus, "-kgbuild", filepath.Join(bin, "kgbuild"), "-db", db)
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(db)
		b.Fatalf("benchgraph: %v\n%s", err, out)
	}
	return db
}

// timed runs f b.N times and reports the median and 95th percentile.
func timed(b *testing.B, f func() error) {
	b.Helper()
	d := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		d = append(d, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	b.ReportMetric(float64(d[len(d)/2])/1e6, "p50-ms")
	b.ReportMetric(float64(d[len(d)*95/100])/1e6, "p95-ms")
	b.ReportMetric(float64(d[len(d)-1])/1e6, "max-ms")
}

// BenchmarkRelations asks relations NAME of a store opened once, as a
// long-running process would: the query alone.
func BenchmarkRelations(b *testing.B) {
	db := benchDB(b)
	for _, name := range benchActors {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			q := &query{db: db, stdout: io.Discard, stderr: io.Discard, iris: triples.IRIs{Base: schema.DefaultBase}}
			st, err := q.open(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			q.st = st
			timed(b, func() error { return (&relationsCommand{}).run(context.Background(), q, []string{name}) })
		})
	}
}

// BenchmarkRelationsEveryActor asks relations of every actor, place and
// agreement in the graph in turn (by IRI label, as an analyst would type
// it): p50 is the median question, p95 and max the busy actors. Run it
// with -benchtime Nx, N at least the number of entities, to ask each once.
func BenchmarkRelationsEveryActor(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	q := &query{db: db, stdout: io.Discard, stderr: io.Discard, iris: triples.IRIs{Base: schema.DefaultBase}}
	st, err := q.open(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	q.st = st
	seen := map[string]bool{}
	var names []string
	for _, class := range entityClasses {
		typed, err := st.Match(ctx, quad.Object, quad.IRI(class).Full(), quad.IRI(rdf.Type).Full(), nil, 0)
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range typed {
			if iri := store.Text(t.Subject); !seen[iri] {
				seen[iri] = true
				n, err := q.node(ctx, t.Subject)
				if err != nil {
					b.Fatal(err)
				}
				names = append(names, n.Label)
			}
		}
	}
	sort.Strings(names)
	i := 0
	timed(b, func() error {
		name := names[i%len(names)]
		i++
		err := (&relationsCommand{}).run(ctx, q, []string{name})
		if errors.Is(err, ErrNoResults) {
			return nil // an entity no fact names is a question too
		}
		return err
	})
	b.ReportMetric(float64(len(names)), "entities")
}

// BenchmarkRelationsProcess runs the kgquery binary: wall time including
// process start and opening the store.
func BenchmarkRelationsProcess(b *testing.B) {
	db := benchDB(b)
	for _, name := range benchActors {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			timed(b, func() error {
				return exec.Command(filepath.Join(bin, "kgquery"), "relations", "--db", db, name).Run()
			})
		})
	}
}

// BenchmarkBetween asks between A B --hops 3 through Run, the store opened
// each time. It skips while kgquery has no between command.
func BenchmarkBetween(b *testing.B) {
	db := benchDB(b)
	for _, p := range benchPairs {
		b.Run(strings.ReplaceAll(p[0]+"/"+p[1], " ", "_"), func(b *testing.B) {
			args := []string{"between", "--db", db, "--hops", "3", p[0], p[1]}
			if err := Run(context.Background(), args, io.Discard, io.Discard); err != nil && strings.Contains(err.Error(), "unknown command") {
				b.Skip("kgquery has no between command on this branch")
			}
			timed(b, func() error { return Run(context.Background(), args, io.Discard, io.Discard) })
		})
	}
}
