package main

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

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
		"Jaish al-Islam ←targets— Syrian government ←supports— Russia",
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
