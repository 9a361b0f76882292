package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/google/go-cmp/cmp"

	"github.com/conflictkg/kg/schema"
)

// exportedEdges reads the direct edges of the example graph from its
// N-Quads export: the oracle the path search is checked against.
var exportedEdges = sync.OnceValues(func() ([]quad.Quad, error) {
	out, _, err := run("export", "--db", graphDB)
	if err != nil {
		return nil, err
	}
	qs, err := quad.ReadAll(nquads.NewReader(strings.NewReader(out), false))
	if err != nil {
		return nil, err
	}
	preds := map[string]bool{}
	for _, p := range schema.Predicates() {
		preds[string(quad.IRI(p.IRI).Full())] = true
	}
	var edges []quad.Quad
	for _, q := range qs {
		if preds[iriText(q.Predicate)] && strings.Contains(iriText(q.Label), "/sentence/") {
			edges = append(edges, q)
		}
	}
	return edges, nil
})

// oracleChains counts by brute force the shortest chains from a to b of 2
// or more edges, through actors only unless anyNode, up to hops: their
// length and number (0, 0 when there is none).
func oracleChains(t *testing.T, a, b string, hops int, anyNode bool) (length, count int) {
	t.Helper()
	edges, err := exportedEdges()
	if err != nil {
		t.Fatal(err)
	}
	adj := map[string]map[string]bool{}
	add := func(x, y string) {
		if adj[x] == nil {
			adj[x] = map[string]bool{}
		}
		adj[x][y] = true
	}
	for _, e := range edges {
		s, o := iriText(e.Subject), iriText(e.Object)
		if s == o || s == a && o == b || s == b && o == a {
			continue
		}
		add(s, o)
		add(o, s)
	}
	var walk func(x string, seen map[string]bool, n int)
	length = hops + 1
	walk = func(x string, seen map[string]bool, n int) {
		if x == b {
			if n < length {
				length, count = n, 0
			}
			if n == length {
				count++
			}
			return
		}
		if n >= min(hops, length) || x != a && !anyNode && !strings.Contains(x, "/actor/") {
			return
		}
		for y := range adj[x] {
			if !seen[y] {
				seen[y] = true
				walk(y, seen, n+1)
				delete(seen, y)
			}
		}
	}
	walk(a, map[string]bool{a: true}, 0)
	if length > hops {
		return 0, 0
	}
	return length, count
}

func iriText(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i)
	}
	return quad.ToString(v)
}

func TestBetween(t *testing.T) {
	const (
		jai     = "https://conflictkg.org/id/actor/jaish-al-islam"
		russia  = "https://conflictkg.org/id/actor/russia"
		alloush = "https://conflictkg.org/id/actor/mohammed-alloush"
		assad   = "https://conflictkg.org/id/actor/bashar-al-assad"
		is      = "https://conflictkg.org/id/actor/islamic-state"
		govt    = "https://conflictkg.org/id/actor/syrian-government"
	)
	for _, tt := range []struct {
		name    string
		args    []string
		a, b    string
		hops    int
		anyNode bool
		direct  int    // number of direct facts
		via     string // a node some chain passes
		paths   int    // --paths; 0 for the default 10
	}{
		{"direct and chains", []string{"Jaysh al-Islam", "moscow"}, jai, russia, 3, false, 2, govt, 0},
		{"reversed", []string{"Russia", "Jaish al-Islam"}, russia, jai, 3, false, 2, alloush, 0},
		{"only chains", []string{"Muhammad Allouch", "Bashar al-Assad"}, alloush, assad, 3, false, 0, govt, 0},
		{"direct only", []string{"--hops", "1", "Jaish al-Islam", "Russia"}, jai, russia, 1, false, 2, "", 0},
		{"three hops", []string{"Islamic State", "Russia"}, is, russia, 3, false, 0, govt, 0},
		{"through places and agreements", []string{"--any-node", "Islamic State", "Russia"}, is, russia, 3, true, 0, "https://conflictkg.org/id/agreement/ceasefire", 0},
		{"one chain", []string{"--paths", "1", "Jaish al-Islam", "Russia"}, jai, russia, 3, false, 2, "", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(append([]string{"between", "--db", graphDB, "--json"}, tt.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			var res betweenResult
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			if res.A.IRI != tt.a || res.B.IRI != tt.b {
				t.Fatalf("between resolved %s and %s, want %s and %s", res.A.IRI, res.B.IRI, tt.a, tt.b)
			}
			if len(res.Direct) != tt.direct {
				t.Errorf("%d direct facts, want %d", len(res.Direct), tt.direct)
			}
			for _, f := range res.Direct {
				ends := f.Subject.IRI + " " + f.Object.IRI
				if ends != tt.a+" "+tt.b && ends != tt.b+" "+tt.a || f.Evidence.Sentence == "" {
					t.Errorf("direct fact not between the two, or without evidence: %+v", f.factRow)
				}
			}
			wantLen, wantCount := 0, 0
			if tt.hops > 1 {
				wantLen, wantCount = oracleChains(t, tt.a, tt.b, tt.hops, tt.anyNode)
			}
			t.Logf("oracle: %d shortest chains of %d facts", wantCount, wantLen)
			limit := 10
			if tt.paths > 0 {
				limit = tt.paths
			}
			if len(res.Paths) != min(wantCount, limit) {
				t.Errorf("%d chains, want %d of %d facts (the shortest, at most --paths %d)", len(res.Paths), min(wantCount, limit), wantLen, limit)
			}
			passes := tt.via == ""
			for _, p := range res.Paths {
				checkChain(t, p, tt.a, tt.b, wantLen, tt.anyNode)
				for _, n := range p.Nodes {
					passes = passes || n.IRI == tt.via
				}
			}
			if !passes {
				t.Errorf("no chain passes %s", tt.via)
			}
		})
	}
}

// checkChain checks that a chain runs from a to b through n facts, each
// linking its two nodes in its direction, not negated, with evidence.
func checkChain(t *testing.T, p path, a, b string, n int, anyNode bool) {
	t.Helper()
	if len(p.Steps) != n || len(p.Nodes) != n+1 || p.Nodes[0].IRI != a || p.Nodes[n].IRI != b {
		t.Errorf("chain %v: want %d facts from %s to %s", p.Nodes, n, a, b)
		return
	}
	seen := map[string]bool{}
	for i, st := range p.Steps {
		f := st.Fact
		from, to := f.Subject.IRI, f.Object.IRI
		if !st.Forward {
			from, to = to, from
		}
		if from != p.Nodes[i].IRI || to != p.Nodes[i+1].IRI || st.From.IRI != from || st.To.IRI != to {
			t.Errorf("step %d of %v is a fact from %s to %s", i, p.Nodes, from, to)
		}
		if f.Negated || f.Evidence.Sentence == "" || f.Evidence.Article == "" || f.Label == "" {
			t.Errorf("step %d: negated or without evidence: %+v", i, f.factRow)
		}
		if seen[from] {
			t.Errorf("chain %v repeats %s", p.Nodes, from)
		}
		seen[from] = true
		if i > 0 && !anyNode && !strings.Contains(p.Nodes[i].IRI, "/actor/") {
			t.Errorf("chain %v passes %s, not an actor", p.Nodes, p.Nodes[i].IRI)
		}
	}
}

func TestBetweenTable(t *testing.T) {
	out, _, err := run("between", "--db", graphDB, "Jaish al-Islam", "Russia")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Jaish al-Islam (ArmedGroup) and Russia (State)\n",
		"\ndirect facts (2)\n",
		"negotiates with “negotiations”",
		"“Jaysh al-Islam denies stopping negotiations with Russia”",
		"chains through other actors (",
		"Jaish al-Islam ←targets— Syrian government ←warns— Russia", // warns and supports tie: the lower fact id
		"fact fb04ecaba1b7; 3 more facts)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("between lacks %q:\n%s", want, out)
		}
	}
}

func TestBetweenErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want error
		text string
	}{
		{"unconnected", []string{"--hops", "2", "Ajnad al-Sham", "US Embassy in Amman"}, ErrNoResults, "nothing links Ajnad al-Sham and US Embassy in Amman within 2 hops"},
		{"unknown", []string{"Jaish al-Islam", "Zorglub Brigade"}, ErrNoResults, "no actor"},
		{"one name", []string{"Jaish al-Islam"}, nil, "want two names"},
		{"same actor", []string{"Jaish al-Islam", "Jaysh al Islam"}, nil, "are both Jaish al-Islam"},
		{"bad hops", []string{"--hops", "0", "Jaish al-Islam", "Russia"}, nil, "--hops 0"},
		{"bad paths", []string{"--paths", "0", "Jaish al-Islam", "Russia"}, nil, "--paths 0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(append([]string{"between", "--db", filepath.Clean(graphDB)}, tt.args...)...)
			checkErr(t, err, tt.want, tt.text)
		})
	}
}

// checkErr checks that err mentions text and is, or is not, ErrNoResults.
func checkErr(t *testing.T, err, want error, text string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), text) {
		t.Fatalf("err = %v, want it to mention %q", err, text)
	}
	if want != nil && !errors.Is(err, want) {
		t.Errorf("err = %v, want %v", err, want)
	}
	if want == nil && errors.Is(err, ErrNoResults) {
		t.Errorf("err = %v is 'no results'; want an error (exit 2)", err)
	}
}

// TestBetweenRows checks --jsonl and --csv of between against its --json
// document: every link a chain from A to B, a row a step, the direct facts
// and the gazetteer's relations chains of one; and that --offset and
// --limit page over whole chains in every format.
func TestBetweenRows(t *testing.T) {
	for _, pair := range [][]string{{"Jaish al-Islam", "Russia"}, {"Mohammed Alloush", "Jaysh al-Islam"}, {"Islamic State", "Russia"}} {
		t.Run(pair[0]+" and "+pair[1], func(t *testing.T) {
			base := append([]string{"between", "--db", graphDB}, pair...)
			out, _, err := run(append(base, "--json")...)
			if err != nil {
				t.Fatal(err)
			}
			var res betweenResult
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			// "chain kind hops hop from to predicate forward negated fact", built from --json.
			var want []string
			row := func(chain int, kind string, hops, hop int, from, to, p string, forward, negated bool, fact string) {
				want = append(want, strings.TrimSpace(fmt.Sprintln(chain, kind, hops, hop, from, to, p, forward, negated, fact)))
			}
			chain := 0
			for _, f := range res.Direct {
				chain++
				row(chain, "direct", 1, 1, res.A.IRI, res.B.IRI, f.Predicate, f.Subject.IRI == res.A.IRI, f.Negated, f.Fact)
			}
			for _, a := range res.Affiliations {
				chain++
				row(chain, "gazetteer", 1, 1, res.A.IRI, res.B.IRI, a.Predicate, a.Subject.IRI == res.A.IRI, false, "")
			}
			for _, p := range res.Paths {
				chain++
				for i, st := range p.Steps {
					row(chain, "chain", len(p.Steps), i+1, st.From.IRI, st.To.IRI, st.Fact.Predicate, st.Forward, false, st.Fact.Fact)
				}
			}
			if chain < 2 {
				t.Fatalf("between %v: %d links; the test wants more than one", pair, chain)
			}

			jl, _, err := run(append(base, "--jsonl")...)
			if err != nil {
				t.Fatal(err)
			}
			rows := betweenJSONL(t, jl)
			var got []string
			for _, r := range rows {
				got = append(got, strings.TrimSpace(fmt.Sprintln(r.Chain, r.Kind, r.Hops, r.Hop, r.From.IRI, r.To.IRI, r.Predicate, r.Forward, r.Negated, r.Fact)))
				if r.Fact != "" && (r.Sentence == "" || r.Article == "") || r.Fact == "" && r.Kind != "gazetteer" {
					t.Errorf("row %+v: a fact without its evidence", r)
				}
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("--jsonl and --json differ (-json +jsonl):\n%s", d)
			}

			c, _, err := run(append(base, "--csv")...)
			recs, cerr := csv.NewReader(strings.NewReader(c)).ReadAll()
			if err != nil || cerr != nil {
				t.Fatalf("--csv: %v, %v", err, cerr)
			}
			if d := cmp.Diff(betweenColumns, recs[0]); d != "" {
				t.Errorf("CSV header (-want +got):\n%s", d)
			}
			got = nil
			for _, r := range recs[1:] {
				got = append(got, strings.TrimSpace(strings.Join([]string{r[0], r[1], r[2], r[3], r[4], r[8], r[6], r[10], r[11], r[12]}, " ")))
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("--csv and --json differ (-json +csv):\n%s", d)
			}

			// Page 2 of chains of one: the rows of chain 2, all of them.
			page, _, err := run(append(base, "--jsonl", "--offset", "1", "--limit", "1")...)
			if err != nil {
				t.Fatal(err)
			}
			var inChain2 []betweenRow
			for _, r := range rows {
				if r.Chain == 2 {
					inChain2 = append(inChain2, r)
				}
			}
			if d := cmp.Diff(inChain2, betweenJSONL(t, page)); d != "" {
				t.Errorf("--offset 1 --limit 1: want chain 2 whole (-want +got):\n%s", d)
			}
		})
	}
}

func betweenJSONL(t *testing.T, out string) []betweenRow {
	t.Helper()
	var rows []betweenRow
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var r betweenRow
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("--jsonl: %v\n%s", err, clip(out, 300))
		}
		rows = append(rows, r)
	}
	return rows
}

// TestBetweenPaged checks that a page of the table and of --json holds the
// chains the page selects, numbered as in the whole list.
func TestBetweenPaged(t *testing.T) {
	base := []string{"between", "--db", graphDB, "Jaish al-Islam", "Russia"}
	var all, page betweenResult
	for _, x := range []struct {
		args []string
		res  *betweenResult
	}{{nil, &all}, {[]string{"--offset", "3", "--limit", "1"}, &page}} {
		out, _, err := run(append(append(base, "--json"), x.args...)...)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(out), x.res); err != nil {
			t.Fatal(err)
		}
	}
	if len(all.Direct) != 2 || len(all.Affiliations) != 0 || len(all.Paths) < 2 {
		t.Fatalf("between: %d direct, %d gazetteer, %d chains; the test wants 2, 0 and 2 or more", len(all.Direct), len(all.Affiliations), len(all.Paths))
	}
	// Chain 4 is the second through others.
	if len(page.Direct) != 0 || len(page.Paths) != 1 || chainKey(nodeValues(page.Paths[0])) != chainKey(nodeValues(all.Paths[1])) || page.A != all.A {
		t.Errorf("--json --offset 3 --limit 1: %d direct, chains %v; want the second chain of %v", len(page.Direct), page.Paths, all.Paths)
	}
	out, errOut, err := run(append(base, "--offset", "3", "--limit", "1")...)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\n2. Jaish al-Islam") || strings.Contains(out, "\n1. ") || strings.Contains(out, "direct facts") ||
		!strings.Contains(errOut, "showing 4–4 of") {
		t.Errorf("table --offset 3 --limit 1: want chain 2. alone and a note on stderr:\n%s%s", out, errOut)
	}
}

func nodeValues(p path) []quad.Value {
	var out []quad.Value
	for _, n := range p.Nodes {
		out = append(out, quad.IRI(n.IRI))
	}
	return out
}
