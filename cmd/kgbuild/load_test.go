package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/conflictkg/kg/internal/pgtest"
)

// writeArticles writes n synthetic articles as JSON Lines, ids a0, a1, ...;
// the articles whose index changed holds get another last sentence.
func writeArticles(tb testing.TB, path string, n int, changed map[int]bool) {
	tb.Helper()
	actors := []string{"Jaish al-Islam", "The regime", "Russia", "Hezbollah", "Rebels", "IS", "Turkey", "Ahrar al-Sham"}
	verbs := []string{"attacked", "shelled", "denied", "agreed to", "brokered", "condemned", "captured", "did not attack"}
	objects := []string{"Douma", "Daraa", "the ceasefire", "the truce", "Aleppo", "Idlib", "the talks", "Harasta"}
	r := rand.New(rand.NewPCG(3, 4))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range n {
		var text strings.Builder
		for range 2 + r.IntN(6) {
			text.WriteString(pick(actors) + " " + pick(verbs) + " " + pick(objects) + ". ")
		}
		if changed[i] {
			text.WriteString("Turkey condemned the talks. ")
		}
		enc.Encode(map[string]string{"id": fmt.Sprintf("a%d", i), "title": pick(actors) + " " + pick(verbs) + " " + pick(objects), "text": text.String()})
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// TestInterruptResume builds a corpus in small transactions, cancels the
// build after some of them, builds again and checks that the store then
// holds exactly the quads of one uninterrupted build: nothing missing,
// nothing twice, articles written before the interruption not written
// again. A store holding an older version of some articles, with new
// articles between the changed ones, ends the same as a fresh build too.
// The same on PostgreSQL as a bulk load (store.BeginLoad), which a changed
// article or Ctrl-C ends early.
func TestInterruptResume(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeArticles(t, corpus, 60, nil)
	older := filepath.Join(dir, "older.jsonl")
	writeArticles(t, older, 40, map[int]bool{3: true, 17: true, 18: true, 39: true})

	args := func(db string, jobs int) []string {
		return []string{"--db", db, "--batch", "300", "--jobs", fmt.Sprint(jobs), "--bulk", "on", corpus}
	}
	want := storeNQuads(t, func() string {
		db := filepath.Join(dir, "fresh.db")
		mustRun(t, args(db, 1)...)
		return db
	}())
	countLine := regexp.MustCompile(`kgbuild: (\d+) articles \((\d+) unchanged`)

	for _, tt := range []struct {
		name     string
		jobs     int
		cancelAt int    // cancel after this many transactions of new articles; 0: never
		before   string // build this corpus first
		postgres bool
	}{
		{"interrupted, one job", 1, 2, "", false},
		{"interrupted, two jobs", 2, 3, "", false},
		{"older versions stored", 2, 0, older, false},
		{"older versions stored, interrupted", 1, 1, older, false},
		{"PostgreSQL, interrupted", 2, 2, "", true},
		{"PostgreSQL, older versions stored, interrupted", 1, 1, older, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "kg.db")
			if tt.postgres {
				db = pgtest.Database(t)
			}
			if tt.before != "" {
				mustRun(t, "--db", db, tt.before)
			}
			if tt.cancelAt > 0 {
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				flushes := 0
				testHookFlushed = func() {
					if flushes++; flushes == tt.cancelAt {
						cancel()
					}
				}
				var stderr bytes.Buffer
				err := Run(ctx, args(db, tt.jobs), io.Discard, &stderr)
				testHookFlushed = nil
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("interrupted build: err = %v, want context.Canceled\n%s", err, stderr.String())
				}
				m := countLine.FindStringSubmatch(stderr.String())
				if m == nil || m[1] == "60" {
					t.Fatalf("interrupted build: summary %q, want one that stopped before the 60th article", stderr.String())
				}
			}
			_, stderr := mustRun(t, args(db, tt.jobs)...)
			m := countLine.FindStringSubmatch(stderr)
			if m == nil || m[1] != "60" {
				t.Fatalf("second build: summary %q, want 60 articles", stderr)
			}
			if tt.cancelAt > 0 && m[2] == "0" {
				t.Errorf("second build: summary %q, want the articles stored before the interruption unchanged", stderr)
			}
			if d := cmp.Diff(want, storeNQuads(t, db)); d != "" {
				t.Errorf("store differs from an uninterrupted build (-want +got):\n%s", d)
			}
		})
	}
}

// TestBatchSizes: any --batch gives the same store as one article per transaction.
func TestBatchSizes(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "corpus.jsonl")
	writeArticles(t, corpus, 30, nil)
	var want []string
	for _, batch := range []string{"1", "500", "1000000"} {
		db := filepath.Join(t.TempDir(), "kg.db")
		mustRun(t, "--db", db, "--batch", batch, corpus)
		got := storeNQuads(t, db)
		if want == nil {
			want = got
		} else if d := cmp.Diff(want, got); d != "" {
			t.Errorf("--batch %s differs from --batch 1 (-1 +%s):\n%s", batch, batch, d)
		}
	}
	err := Run(context.Background(), []string{"--batch", "0", corpus}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "--batch 0") {
		t.Errorf("--batch 0: err = %v, want an error naming it", err)
	}
	err = Run(context.Background(), []string{"--bulk", "yes", corpus}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), `--bulk "yes"`) {
		t.Errorf("--bulk yes: err = %v, want an error naming it", err)
	}
}

// TestProgressAndStats checks the progress lines --progress writes off a
// terminal (rates, share of the input, time left) and the --stats line.
func TestProgressAndStats(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "corpus.jsonl")
	writeArticles(t, corpus, 30, nil)
	defer func(a, e time.Duration) { progressAfter, progressLineEvery = a, e }(progressAfter, progressLineEvery)
	progressAfter, progressLineEvery = 0, 0
	db := filepath.Join(t.TempDir(), "kg.db")
	_, stderr := mustRun(t, "--db", db, "--progress", "--stats", "--jobs", "2", corpus)
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^kgbuild: 1 articles, \d+ facts, [\d.]+ articles/s, [\d.]+ facts/s, \d+% of \d+ kB, ETA \d+:\d\d$`),
		regexp.MustCompile(`(?m)^kgbuild: 30 articles, \d+ facts, [\d.]+ articles/s, [\d.]+ facts/s, 100% of \d+ kB, ETA 0:00$`),
		regexp.MustCompile(`(?m)^kgbuild: stats: writing [\d.]+[mµ]?s \([\d.]+[mµ]?s CPU\) for \d+ quads, \d+ quads/s .* in 1 transactions of new articles and 0 of changed ones; summarising \d+ entities for queries .*; extracting .*; loader waited .*; .* in all`),
	} {
		if !want.MatchString(stderr) {
			t.Errorf("stderr lacks %s:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "\r") {
		t.Errorf("progress off a terminal rewrites its line:\n%q", stderr)
	}
}

func TestCPUProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.prof")
	mustRun(t, "--db", filepath.Join(dir, "kg.db"), "--cpuprofile", prof, examples)
	if fi, err := os.Stat(prof); err != nil || fi.Size() == 0 {
		t.Errorf("--cpuprofile wrote no profile: %v", err)
	}
	err := Run(context.Background(), []string{"--cpuprofile", filepath.Join(dir, "no", "such", "dir"), examples}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "--cpuprofile") {
		t.Errorf("--cpuprofile into a missing directory: err = %v, want an error naming the flag", err)
	}
}
