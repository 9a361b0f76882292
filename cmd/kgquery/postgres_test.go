package main

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conflictkg/kg/internal/pgtest"
)

// buildPostgres builds the example articles into a fresh PostgreSQL
// database with kgbuild and returns its address. Arguments starting with
// -- are kgbuild's flags.
func buildPostgres(t *testing.T, args ...string) string {
	t.Helper()
	db := pgtest.Database(t)
	flags, inputs := []string{"--db", db}, []string(nil)
	for _, a := range args {
		if strings.HasPrefix(a, "--") {
			flags = append(flags, a)
		} else {
			inputs = append(inputs, a)
		}
	}
	if len(inputs) == 0 {
		inputs = []string{"../../examples"}
	}
	out, err := exec.Command(filepath.Join(bin, "kgbuild"), append(flags, inputs...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("kgbuild --db %s: %v\n%s", db, err, out)
	}
	return db
}

// TestPostgresSameAnswers builds the examples into PostgreSQL and asks it
// what the other tests ask the bolt store, every command with its flags
// and output formats: the answers must be the same bytes. The one
// difference allowed is Gizmo's order: Cayley's query engine returns rows
// in the backend's order (bolt's indexes, PostgreSQL's query plan), so
// Gizmo results are compared as sorted lines, every result (--limit 0).
// The database is built as a bulk load (store.BeginLoad), which a load of
// the examples is too small to be by default.
func TestPostgresSameAnswers(t *testing.T) {
	pg := buildPostgres(t, "--bulk=on")
	cases := [][]string{
		{"relations", "Jaish al-Islam"},
		{"relations", "jaysh al islam"},
		{"relations", "--json", "Russia"},
		{"relations", "--jsonl", "Mohammed Alloush"},
		{"relations", "--csv", "Syrian government"},
		{"relations", "--limit", "3", "--offset", "2", "Russia"},
		{"relations", "Hezbollah"}, // known from the gazetteer only
		{"relations", "Nobody At All"},
		{"facts"},
		{"facts", "--json"},
		{"facts", "--csv"},
		{"facts", "--jsonl", "--limit", "5", "--offset", "7"},
		{"facts", "--subject", "Jaish al-Islam"},
		{"facts", "--object", "Douma"},
		{"facts", "--predicate", "attacks"},
		{"facts", "--plover", "ASSAULT", "--since", "2018-03"},
		{"facts", "--since", "2016-01-01", "--until", "2018-04-07"},
		{"facts", "--type", "ArmedGroup", "--min-confidence", "0.9"},
		{"facts", "--negated"},
		{"facts", "--negated=false", "--json"},
		{"facts", "--article", "jaish-al-islam-refutes-ceasefire"},
		{"facts", "--source", "Nobody's News"},
		{"actors"},
		{"actors", "--json"},
		{"actors", "--csv", "--type", "ArmedGroup"},
		{"actors", "--all", "--limit", "20"},
		{"stats"},
		{"stats", "--json", "--top", "0"},
		{"between", "Jaish al-Islam", "Russia"},
		{"between", "--json", "Jaish al-Islam", "Russia"},
		{"between", "--hops", "1", "Jaish al-Islam", "Russia"},
		{"between", "--any-node", "--paths", "3", "Islamic State", "Syrian government"},
		{"timeline", "Jaish al-Islam"},
		{"timeline", "--json", "Jaish al-Islam", "Russia"},
		{"timeline", "--since", "2018-04-01", "--csv", "Syrian government"},
		{"disputes"},
		{"disputes", "Jaish al-Islam"},
		{"disputes", "--json", "--window", "30"},
		{"export"},
		{"export", "--format", "jsonld"},
		{"export", "--format", "graphml"},
		{"export", "--format", "dot"},
		{"export", "--format", "csv"},
		{"export", "--article", "jaish-al-islam-refutes-ceasefire"},
		{"export", "--around", "Jaish al-Islam", "--hops", "2", "--format", "dot"},
		{"export", "--around", "Russia", "--format", "graphml"},
		{"graphql", `{ nodes(id: "<https://conflictkg.org/id/actor/russia>") { id label: <http://www.w3.org/2000/01/rdf-schema#label> } }`},
		{"graphql", `{ nodes {`},
		{"gizmo", `g.V((`},
	}
	// evidence for every fact, by the ids the table prints.
	out, _, err := run("facts", "--db", graphDB, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var facts []struct{ Fact string }
	if err := json.Unmarshal([]byte(out), &facts); err != nil || len(facts) == 0 {
		t.Fatalf("facts --json: %d facts, %v", len(facts), err)
	}
	for i, f := range facts {
		id := f.Fact[strings.LastIndex(f.Fact, "/")+1:][:12]
		args := []string{"evidence", id}
		if i%2 == 1 {
			args = []string{"evidence", "--json", id}
		}
		cases = append(cases, args)
	}

	before := dbState(t, pg)
	defer func() {
		if after := dbState(t, pg); after != before {
			t.Errorf("the queries changed the database:\nbefore %s\nafter  %s", before, after)
		}
	}()

	ask := func(db string, args []string) (string, string) {
		out, _, err := run(append([]string{args[0], "--db", db}, args[1:]...)...)
		msg := ""
		if err != nil {
			msg = strings.ReplaceAll(err.Error(), db, "DB")
		}
		return out, msg
	}
	for _, args := range cases {
		name := strings.Join(args, " ")
		if len(name) > 60 {
			name = name[:60]
		}
		t.Run(name, func(t *testing.T) {
			bOut, bErr := ask(graphDB, args)
			pOut, pErr := ask(pg, args)
			if bOut == "" && bErr == "" {
				t.Fatalf("bolt gives nothing: not a useful case")
			}
			if bOut != pOut {
				t.Errorf("output differs: bolt %d bytes, PostgreSQL %d bytes; first difference: %s", len(bOut), len(pOut), firstDiff(bOut, pOut))
			}
			if bErr != pErr {
				t.Errorf("error differs:\nbolt:       %s\nPostgreSQL: %s", bErr, pErr)
			}
		})
	}

	t.Run("export to a file", func(t *testing.T) {
		dir := t.TempDir()
		for _, name := range []string{"graph.nq.gz", "graph.jsonld", "graph.csv.gz"} {
			read := func(db, to string) []byte {
				path := filepath.Join(dir, to)
				if _, _, err := run("export", "--db", db, "-o", path); err != nil {
					t.Fatal(err)
				}
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			if b, p := read(graphDB, "bolt-"+name), read(pg, "pg-"+name); string(b) != string(p) {
				t.Errorf("export -o %s: bolt wrote %d bytes, PostgreSQL %d, not the same", name, len(b), len(p))
			}
		}
	})

	for _, query := range []string{
		`g.V("<https://conflictkg.org/id/actor/jaish-al-islam>").Out().All()`,
		`g.V("<https://conflictkg.org/id/actor/russia>").Tag("a").In().Tag("b").All()`,
		`g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://conflictkg.org/ns#ArmedGroup>").Out("<http://www.w3.org/2000/01/rdf-schema#label>").All()`,
		`g.V().Count()`,
		`g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://conflictkg.org/ns#Fact>").Count()`,
	} {
		t.Run("gizmo "+query[:min(len(query), 50)], func(t *testing.T) {
			sorted := func(db string) string {
				out, _, err := run("gizmo", "--db", db, "--limit", "0", query)
				if err != nil {
					t.Fatal(err)
				}
				lines := strings.Split(strings.TrimSpace(out), "\n")
				sort.Strings(lines)
				return strings.Join(lines, "\n")
			}
			if b, p := sorted(graphDB), sorted(pg); b != p {
				t.Errorf("results differ (sorted): first difference: %s", firstDiff(b, p))
			}
		})
	}
}

// dbState sums up what a query must leave as it found it: the tables of
// the database and every row of Cayley's two.
func dbState(t *testing.T, addr string) string {
	t.Helper()
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables, quads, nodes string
	err = db.QueryRow(`SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = current_schema()`).Scan(&tables)
	if err == nil {
		err = db.QueryRow(`SELECT count(*) || ' ' || coalesce(max(horizon), 0) || ' ' || coalesce(md5(string_agg(encode(subject_hash || predicate_hash || object_hash || coalesce(label_hash, ''), 'hex') || ts::text, ',' ORDER BY horizon)), '') FROM quads`).Scan(&quads)
	}
	if err == nil {
		err = db.QueryRow(`SELECT count(*) || ' ' || coalesce(md5(string_agg(encode(hash, 'hex') || refs, ',' ORDER BY hash)), '') FROM nodes`).Scan(&nodes)
	}
	if err != nil {
		t.Fatal(err)
	}
	return "tables " + tables + ", quads " + quads + ", nodes " + nodes
}

// firstDiff shows where a and b first differ.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d:\n  %q\n  %q", i, a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}

// TestPostgresReadWhileBuilding runs kgquery processes, several at a
// time, while kgbuild loads articles into the same PostgreSQL database:
// every query must succeed, and the number of articles a query sees never
// falls below what a query that ended before it saw. It does so with the
// load keeping every index and as a bulk load, which drops the lookup
// indexes under the readers and builds them again at the end.
func TestPostgresReadWhileBuilding(t *testing.T) {
	for _, bulk := range []string{"off", "on"} {
		t.Run("bulk="+bulk, func(t *testing.T) { testPostgresReadWhileBuilding(t, bulk) })
	}
}

func testPostgresReadWhileBuilding(t *testing.T, bulk string) {
	pg := buildPostgres(t)
	// More articles: the examples under other names, so other ids.
	more := t.TempDir()
	examples, err := filepath.Glob("../../examples/*.txt")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for i := range 8 {
		for _, ex := range examples {
			b, err := os.ReadFile(ex)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(more, fmt.Sprintf("copy%d-%s", i, filepath.Base(ex))), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := len(examples) * 9

	build := exec.Command(filepath.Join(bin, "kgbuild"), "--db", pg, "--bulk", bulk, "--batch", "2000", more)
	var buildOut strings.Builder
	build.Stdout, build.Stderr = &buildOut, &buildOut
	if err := build.Start(); err != nil {
		t.Fatal(err)
	}
	var building sync.WaitGroup
	building.Add(1)
	var buildErr error
	var done time.Time
	var mu sync.Mutex
	go func() {
		defer building.Done()
		buildErr = build.Wait()
		mu.Lock()
		done = time.Now()
		mu.Unlock()
	}()
	finished := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return !done.IsZero()
	}

	queries := [][]string{
		{"stats", "--json"},
		{"relations", "Jaish al-Islam"},
		{"facts", "--limit", "5"},
		{"export", "--format", "csv"},
		{"between", "Jaish al-Islam", "Russia"},
	}
	type result struct {
		args     []string
		err      error
		out      string
		articles int
		started  time.Time
		ended    time.Time
	}
	var results []result
	var readers sync.WaitGroup
	for r := range 3 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for i := r; !finished(); i++ {
				args := queries[i%len(queries)]
				cmd := exec.Command(filepath.Join(bin, "kgquery"), append([]string{args[0], "--db", pg}, args[1:]...)...)
				started := time.Now()
				out, err := cmd.Output()
				res := result{args: args, err: err, started: started, ended: time.Now()}
				if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
					res.out = string(ee.Stderr)
				}
				if args[0] == "stats" && err == nil {
					var s struct{ Articles int }
					if err := json.Unmarshal(out, &s); err != nil {
						res.err = err
					}
					res.articles = s.Articles
				}
				mu.Lock()
				results = append(results, res)
				mu.Unlock()
			}
		}()
	}
	building.Wait()
	readers.Wait()
	if buildErr != nil {
		t.Fatalf("kgbuild: %v\n%s", buildErr, buildOut.String())
	}
	during := 0
	for _, r := range results {
		if r.err != nil {
			t.Errorf("kgquery %s while kgbuild wrote: %v\n%s", strings.Join(r.args, " "), r.err, r.out)
		}
		if r.ended.Before(done) {
			during++
		}
		// A stats that started after another ended sees at least as much.
		for _, e := range results {
			if r.articles > 0 && e.articles > r.articles && e.ended.Before(r.started) {
				t.Errorf("stats saw %d articles after another had seen %d", r.articles, e.articles)
			}
		}
	}
	if during < 5 {
		t.Fatalf("only %d queries ended while kgbuild ran (%s): the test shows nothing", during, strings.TrimSpace(buildOut.String()))
	}
	out, _, err := run("stats", "--db", pg, "--json")
	var s struct{ Articles int }
	if err != nil || json.Unmarshal([]byte(out), &s) != nil || s.Articles != want {
		t.Errorf("after kgbuild: %d articles (%v), want %d", s.Articles, err, want)
	}
	t.Logf("%d queries, %d of them while kgbuild ran: %s", len(results), during, strings.TrimSpace(buildOut.String()))
}

// TestBoltLockedSaysPostgres: on bolt a writer excludes readers and other
// writers; the errors say PostgreSQL is the way to concurrent use.
func TestBoltLockedSaysPostgres(t *testing.T) {
	db, _ := lockedCopy(t)
	const want = "use PostgreSQL for concurrent use"
	_, _, err := run("stats", "--db", db)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("kgquery on a locked bolt store: %v, want it to say %q", err, want)
	}
	out, err := exec.Command(filepath.Join(bin, "kgbuild"), "--db", db, "../../examples").CombinedOutput()
	if err == nil || !strings.Contains(string(out), want) {
		t.Errorf("kgbuild on a locked bolt store: %v, %s; want it to say %q", err, out, want)
	}
}

// TestPostgresRemoveAndRebuild removes an article from a fresh bolt store
// and a fresh PostgreSQL database and loads it again, and compares the
// stores after each step: what removing and replacing quads leaves (Cayley
// counts references to values differently on SQL) must not show.
func TestPostgresRemoveAndRebuild(t *testing.T) {
	pg := buildPostgres(t)
	bolt := filepath.Join(t.TempDir(), "kg.db")
	kgbuild := func(args ...string) {
		t.Helper()
		for _, db := range []string{bolt, pg} {
			if out, err := exec.Command(filepath.Join(bin, "kgbuild"), append([]string{"--db", db}, args...)...).CombinedOutput(); err != nil {
				t.Fatalf("kgbuild --db %s %v: %v\n%s", db, args, err, out)
			}
		}
	}
	if out, err := exec.Command(filepath.Join(bin, "kgbuild"), "--db", bolt, "../../examples").CombinedOutput(); err != nil {
		t.Fatalf("kgbuild: %v\n%s", err, out)
	}
	compare := func(step string) {
		t.Helper()
		for _, args := range [][]string{
			{"export"},
			{"stats", "--json"},
			{"relations", "Jaish al-Islam"},
			{"disputes"},
			{"gizmo", "g.V().Count()"},
			{"gizmo", `g.V("<https://conflictkg.org/id/actor/jaysh-al-islam>").Count()`},
		} {
			b, _, bErr := run(append([]string{args[0], "--db", bolt}, args[1:]...)...)
			p, _, pErr := run(append([]string{args[0], "--db", pg}, args[1:]...)...)
			if b != p || (bErr == nil) != (pErr == nil) {
				t.Errorf("%s: %v differs (errors %v, %v): %s", step, args, bErr, pErr, firstDiff(b, p))
			}
		}
	}
	compare("built")
	kgbuild("--remove", "jaish-al-islam-refutes-ceasefire")
	compare("removed")
	kgbuild("../../examples")
	compare("rebuilt")
	// A changed article: its quads are replaced, some kept, some removed.
	changed := t.TempDir()
	b, err := os.ReadFile("../../examples/jaish-al-islam-refutes-ceasefire.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "Jaish al-Islam", "Jaysh al-Islam", 1) + "\nRussia accused Jaish al-Islam of shelling Damascus.\n"
	if err := os.WriteFile(filepath.Join(changed, "jaish-al-islam-refutes-ceasefire.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	kgbuild(changed)
	compare("changed")
	kgbuild("../../examples")
	compare("changed back")
}

// TestPostgresPasswordHidden: messages name the database without its
// password (the test server trusts local connections, so any password
// logs in).
func TestPostgresPasswordHidden(t *testing.T) {
	pg := buildPostgres(t)
	u, err := url.Parse(pg)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(u.User.Username(), "s3cret")
	for _, args := range [][]string{
		{"relations", "Nobody At All"},
		{"facts", "--article", "no-such-article"},
		{"evidence", "000000000000"},
	} {
		_, _, err := run(append([]string{args[0], "--db", u.String()}, args[1:]...)...)
		if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), ":xxxxx@") {
			t.Errorf("kgquery %v: %v, want an error naming the database without its password", args, err)
		}
	}
	out, err := exec.Command(filepath.Join(bin, "kgbuild"), "--db", u.String(), "--remove", "no-such-article").CombinedOutput()
	if err == nil || strings.Contains(string(out), "s3cret") || !strings.Contains(string(out), ":xxxxx@") {
		t.Errorf("kgbuild --remove of a missing article: %v, %s; want an error naming the database without its password", err, out)
	}
}
