package main

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictkg/kg/internal/store"
)

// fileState is what a query must leave as it found it: the bolt file's
// bytes and modification time, and the names in the store directory.
func fileState(t *testing.T, db string) string {
	t.Helper()
	file := filepath.Join(db, "indexes.bolt")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(db)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sum := sha256.Sum256(b)
	return string(sum[:]) + fi.ModTime().String() + strings.Join(names, ",")
}

// TestQueriesLeaveStoreUnchanged runs every command, the ones that succeed
// and the ones that fail, and checks that the store is byte for byte what it
// was. Commands this branch does not have yet (other helpers write them) are
// skipped when Run calls them unknown, so the test covers them once merged.
func TestQueriesLeaveStoreUnchanged(t *testing.T) {
	before := fileState(t, graphDB)
	out := filepath.Join(t.TempDir(), "g.nq")
	for _, args := range [][]string{
		{"relations", "Jaish al-Islam"},
		{"relations", "--json", "Russia"},
		{"relations", "Zorglub Brigade"},
		{"export", "-o", out},
		{"export", "--article", "jaish-al-islam-refutes-ceasefire"},
		{"gizmo", `g.V().All()`},
		{"gizmo", `g.V("<https://conflictkg.org/id/actor/russia>").In().All()`},
		{"gizmo", `g.V((`},
		{"graphql", `{ nodes(id: <https://conflictkg.org/id/actor/russia>) { id } }`},
		{"graphql", `{ nodes {`},
		{"actors"},
		{"between", "Jaish al-Islam", "Russia"},
		{"timeline", "Jaish al-Islam"},
		{"facts", "--subject", "Jaish al-Islam"},
		{"disputes"},
		{"stats"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			_, _, err := run(append([]string{args[0], "--db", graphDB}, args[1:]...)...)
			if err != nil && strings.Contains(err.Error(), "unknown command") {
				t.Skipf("%s is not on this branch", args[0])
			}
			if after := fileState(t, graphDB); after != before {
				t.Fatalf("kgquery %v (err %v) changed the store", args, err)
			}
		})
	}
}

// lockedCopy copies the example store and opens the copy for writing, as a
// running kgbuild does; the copy is closed when the test ends unless the
// test closes it first.
func lockedCopy(t *testing.T) (string, *store.Store) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kg.db")
	if err := os.Mkdir(db, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(graphDB, "indexes.bolt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(db, "indexes.bolt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return db, w
}

func TestLockedStore(t *testing.T) {
	for _, tt := range []struct {
		name    string
		wait    string        // the --wait flag, if any
		release time.Duration // when the writer lets go; 0: never
		want    string        // in the error; "" for success
		atLeast time.Duration // the query waits at least this long
	}{
		{"no wait", "", 0, "kg.db is locked by a running kgbuild: wait for it or pass --wait", 0},
		{"wait runs out", "--wait=400ms", 0, "still locked by a running kgbuild after --wait 400ms", 400 * time.Millisecond},
		{"wait succeeds", "--wait", 600 * time.Millisecond, "", 600 * time.Millisecond},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db, w := lockedCopy(t)
			if tt.release > 0 {
				timer := time.AfterFunc(tt.release, func() { w.Close() })
				defer timer.Stop()
			}
			args := []string{"relations", "--db", db}
			if tt.wait != "" {
				args = append(args, tt.wait)
			}
			start := time.Now()
			out, stderr, err := run(append(args, "Jaish al-Islam")...)
			took := time.Since(start)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("err = %v, want facts once the lock is released", err)
			case tt.want == "" && !strings.Contains(out, "Jaish al-Islam (ArmedGroup)"):
				t.Errorf("output after waiting lacks the actor:\n%s", out)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("err = %v, want it to say %q", err, tt.want)
			case tt.want != "" && !errors.Is(err, store.ErrLocked):
				t.Errorf("err = %v is not store.ErrLocked", err)
			}
			if tt.wait != "" && !strings.Contains(stderr, "waiting up to") {
				t.Errorf("stderr = %q, want a note that kgquery waits", stderr)
			}
			if took < tt.atLeast || took > tt.atLeast+5*time.Second {
				t.Errorf("took %v, want %v to %v", took, tt.atLeast, tt.atLeast+5*time.Second)
			}
		})
	}
}

func TestGizmoLimits(t *testing.T) {
	for _, tt := range []struct {
		name  string
		args  []string
		lines int    // result lines; -1 when an error is wanted
		want  string // in the error
	}{
		{"limit", []string{"--limit", "3", `g.V().All()`}, 3, ""},
		{"limit one", []string{"--limit", "1", `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://conflictkg.org/ns#Fact>").All()`}, 1, ""},
		{"endless loop", []string{"--timeout", "300ms", `while (true) {}`}, -1, "stopped after --timeout 300ms"},
		{"endless emit", []string{"--timeout", "300ms", "--limit", "0", `for (;;) { g.Emit(1) }`}, -1, "stopped after --timeout 300ms"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			out, _, err := run(append([]string{"gizmo", "--db", graphDB}, tt.args...)...)
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			if tt.lines < 0 {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(out, "\n"); n != tt.lines {
				t.Errorf("%d result lines, want %d:\n%s", n, tt.lines, out)
			}
		})
	}
}

const (
	factType = `<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>: <https://conflictkg.org/ns#Fact>`
	text     = `<https://conflictkg.org/ns#text>`
)

func TestGraphQL(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "q.graphql")
	jaish := `{ actor(id: <https://conflictkg.org/id/actor/jaish-al-islam>) { id <https://conflictkg.org/ns#negotiatesWith> { id } } }`
	os.WriteFile(file, []byte(jaish), 0o644)
	for _, tt := range []struct {
		name  string
		args  []string
		stdin string
		want  string // in the output, or in the error when fails
		fails error  // ErrNoResults, or errAny for an error (exit 2)
		facts int    // with want == "": this many results under "facts"
	}{
		{name: "argument", args: []string{jaish}, want: `"https://conflictkg.org/id/actor/russia"`},
		{name: "file", args: []string{"@" + file}, want: `"https://conflictkg.org/id/actor/russia"`},
		{name: "stdin", args: []string{"-"}, stdin: jaish, want: `"https://conflictkg.org/id/actor/russia"`},
		{name: "limit", args: []string{"--limit", "2", `{ facts(` + factType + `) { id } }`}, facts: 2},
		{name: "own first wins", args: []string{"--limit", "2", `{ facts(` + factType + `, first: 3) { id } }`}, facts: 3},
		{name: "no limit", args: []string{"--limit", "0", `{ facts(` + factType + `) { id } }`}, facts: -1},
		{name: "nothing", args: []string{`{ n(id: <urn:nothing>) { id } }`}, want: "matched nothing", fails: ErrNoResults},
		{name: "syntax", args: []string{`{ n(id: `}, want: "graphql", fails: errAny},
		{name: "missing file", args: []string{"@" + filepath.Join(dir, "none")}, want: "reading query", fails: errAny},
		{name: "timeout", args: []string{"--timeout", "1ns", `{ facts(` + factType + `) { id s: <https://conflictkg.org/ns#inSentence> { ` + text + ` } } }`}, want: "stopped after --timeout", fails: errAny},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.stdin != "" {
				gizmoStdin = stdinFile(t, tt.stdin)
				defer func() { gizmoStdin = os.Stdin }()
			}
			out, _, err := run(append([]string{"graphql", "--db", graphDB}, tt.args...)...)
			if tt.fails != nil {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want it to mention %q", err, tt.want)
				}
				if isNoResults := errors.Is(err, ErrNoResults); isNoResults != (tt.fails == ErrNoResults) {
					t.Errorf("err = %v: is 'no results' %v, want %v", err, isNoResults, !isNoResults)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("output is not one JSON document: %v\n%s", err, out)
			}
			if tt.want != "" && !strings.Contains(out, tt.want) {
				t.Errorf("output lacks %s:\n%s", tt.want, out)
			}
			if tt.want == "" {
				facts, _ := doc["facts"].([]any)
				if tt.facts >= 0 && len(facts) != tt.facts || tt.facts < 0 && len(facts) <= 100 {
					t.Errorf("%d facts, want %d (-1: all, over 100)", len(facts), tt.facts)
				}
			}
		})
	}
}

// errAny marks a case that must fail with an error other than ErrNoResults.
var errAny = errors.New("any error")

func stdinFile(t *testing.T, s string) *os.File {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "stdin")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, s)
	f.Seek(0, io.SeekStart)
	t.Cleanup(func() { f.Close() })
	return f
}

func TestLimitGraphQL(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`{ a { id } }`, `{ a(first: 5) { id } }`},
		{`{ a(x: 1) { id b { id } c } }`, `{ a(x: 1, first: 5) { id b(first: 5) { id } c } }`},
		{`{ a(first: 2) { id } }`, `{ a(first: 2) { id } }`},
		{`query { n: <http://x/p> @rev { id } }`, `query { n: <http://x/p>(first: 5) @rev { id } }`},
		{`{ a { id <http://x/label> } }`, `{ a(first: 5) { id <http://x/label> } }`},
	} {
		got, err := limitGraphQL(tt.in, 5)
		if err != nil || got != tt.want {
			t.Errorf("limitGraphQL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
