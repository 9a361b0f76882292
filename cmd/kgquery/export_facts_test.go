package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/google/go-cmp/cmp"

	"github.com/conflictkg/kg/schema"
)

// factFilterCases are filters of kgquery facts that export takes too; each
// selects some facts of the example graph and leaves others out.
var factFilterCases = []struct {
	name string
	args []string
}{
	{"subject and predicate", []string{"--subject", "Jaysh al-Islam", "--predicate", "denies"}},
	{"object", []string{"--object", "Russia"}},
	{"plover and since", []string{"--plover", "ASSAULT", "--since", "2018-03"}},
	{"negated", []string{"--negated"}},
	{"type and confidence", []string{"--type", "Location", "--min-confidence", "0.8"}},
	{"article and predicate", []string{"--article", "jaish-al-islam-refutes-ceasefire", "--predicate", "agrees to,denies"}},
	{"until, not negated", []string{"--until", "2016", "--negated=false"}},
}

// TestExportFacts checks that export with the filters of facts writes, in
// every format, exactly the facts that facts lists with the same filters,
// and in N-Quads what stands behind each: its sentence, article and the
// labels and types of its entities, and no direct edge of a fact left out.
func TestExportFacts(t *testing.T) {
	dir := t.TempDir()
	all, err := factsJSON(t, graphDB)
	if err != nil {
		t.Fatal(err)
	}
	for i, tt := range factFilterCases {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := factsJSON(t, graphDB, tt.args...)
			if err != nil || len(rows) == 0 || len(rows) == len(all) {
				t.Fatalf("facts %v: %d of %d facts, err %v; want some, not all", tt.args, len(rows), len(all), err)
			}
			var want []string
			kept := map[string]factRow{}
			for _, r := range rows {
				want = append(want, r.Fact)
				kept[r.Fact] = r
			}
			sort.Strings(want)
			name := fmt.Sprintf("f%d", i)

			qs := readNQuads(t, exportTo(t, dir, name+".nq.gz", tt.args...))
			if d := cmp.Diff(want, factsIn(qs)); d != "" {
				t.Errorf("N-Quads: facts differ from kgquery facts (-facts +export):\n%s", d)
			}
			checkBehindFacts(t, qs, kept)

			jf, err := os.Open(exportTo(t, dir, name+".jsonld", tt.args...))
			if err != nil {
				t.Fatal(err)
			}
			jq, err := quad.ReadAll(jsonld.NewReader(jf))
			jf.Close()
			if err != nil {
				t.Fatalf("JSON-LD: %v", err)
			}
			if d := cmp.Diff(quadSet(qs), quadSet(jq)); d != "" {
				t.Errorf("JSON-LD and N-Quads differ (-nquads +jsonld):\n%s", clip(d, 3000))
			}

			f, err := os.Open(exportTo(t, dir, name+".csv", tt.args...))
			if err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(f).ReadAll()
			f.Close()
			if err != nil {
				t.Fatalf("CSV: %v", err)
			}
			var fromCSV []string
			for _, r := range recs[1:] {
				if r[12] == "" {
					t.Errorf("CSV: a gazetteer relation %v; the filters keep facts only", r[:4])
				}
				fromCSV = append(fromCSV, r[12]) // fact
			}
			sort.Strings(fromCSV)
			if d := cmp.Diff(want, fromCSV); d != "" {
				t.Errorf("CSV: facts differ from kgquery facts (-facts +csv):\n%s", d)
			}

			b, err := os.ReadFile(exportTo(t, dir, name+".graphml", tt.args...))
			if err != nil {
				t.Fatal(err)
			}
			var g graphML
			if err := xml.Unmarshal(b, &g); err != nil {
				t.Fatalf("GraphML: %v", err)
			}
			var fromGraphML []string
			for _, e := range g.Graph.Edges {
				fromGraphML = append(fromGraphML, dataMap(e.Data)["edge_fact"])
			}
			sort.Strings(fromGraphML)
			if d := cmp.Diff(want, fromGraphML); d != "" {
				t.Errorf("GraphML: facts differ from kgquery facts (-facts +graphml):\n%s", d)
			}

			// DOT draws one edge for the facts that repeat it.
			path := exportTo(t, dir, name+".dot", tt.args...)
			b, err = os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			wantDOT := map[string]bool{}
			for _, r := range rows {
				label := r.Label
				if r.Negated {
					label = "not " + label
				}
				wantDOT[r.Subject.IRI+" -> "+r.Object.IRI+" "+label] = true
			}
			gotDOT := map[string]bool{}
			for _, m := range dotEdgeLine.FindAllStringSubmatch(string(b), -1) {
				gotDOT[m[1]+" -> "+m[2]+" "+m[3]] = true
			}
			if d := cmp.Diff(wantDOT, gotDOT); d != "" {
				t.Errorf("DOT: edges differ from kgquery facts (-facts +dot):\n%s", d)
			}
			renderDOT(t, path)
		})
	}
}

var dotEdgeLine = regexp.MustCompile(`(?m)^  "([^"]*)" -> "([^"]*)" \[label="(.*?)(?: ×[0-9]+)?"`)

// factsIn returns the sorted IRIs of the fact nodes among qs.
func factsIn(qs []quad.Quad) []string {
	var out []string
	for _, q := range qs {
		if q.Predicate == iriType && q.Object == iriFact {
			out = append(out, iriText(q.Subject))
		}
	}
	sort.Strings(out)
	return out
}

// checkBehindFacts checks that each fact of an export comes with its sentence
// (text and article), the article's title and its entities' labels and
// types, and that each direct edge is one of a fact kept, in its sentence's
// graph.
func checkBehindFacts(t *testing.T, qs []quad.Quad, kept map[string]factRow) {
	t.Helper()
	has := map[string]bool{} // "subject predicate" and "subject predicate object graph"
	for _, q := range qs {
		s, p := iriText(q.Subject), iriText(q.Predicate)
		has[s+" "+p] = true
		has[s+" "+p+" "+iriText(q.Object)+" "+iriText(q.Label)] = true
	}
	ns := func(term string) string { return schema.NS + strings.TrimPrefix(term, schema.Prefix) }
	const rdfType, rdfsLabel = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label"
	for _, r := range kept {
		for _, want := range []string{
			r.Evidence.IRI + " " + ns(schema.Text),
			r.Evidence.IRI + " " + ns(schema.InArticle) + " " + r.Evidence.Article + " " + r.Evidence.Article,
			r.Evidence.Article + " " + ns(schema.Title),
			r.Subject.IRI + " " + rdfsLabel, r.Subject.IRI + " " + rdfType,
			r.Object.IRI + " " + rdfsLabel, r.Object.IRI + " " + rdfType,
		} {
			if !has[want] {
				t.Errorf("fact %s: the export lacks %s", shortFactID(r.Fact), want)
			}
		}
		edge := r.Subject.IRI + " " + r.Predicate + " " + r.Object.IRI + " " + r.Evidence.IRI
		if !r.Negated && !has[edge] {
			t.Errorf("fact %s: the export lacks its direct edge %s", shortFactID(r.Fact), edge)
		}
	}
	edges := map[string]bool{}
	for _, r := range kept {
		if !r.Negated {
			edges[r.Subject.IRI+" "+r.Predicate+" "+r.Object.IRI+" "+r.Evidence.IRI] = true
		}
	}
	for _, q := range qs {
		if isRelation(q.Predicate) {
			if e := iriText(q.Subject) + " " + iriText(q.Predicate) + " " + iriText(q.Object) + " " + iriText(q.Label); !edges[e] {
				t.Errorf("a relation no kept fact asserts: %s", e)
			}
		}
	}
}

// TestExportFactsValid hands filtered N-Quads exports to the validators of
// the whole graph's: rapper, N3.js and, asked in SPARQL for the facts about
// Russia with their sentences and articles, Oxigraph, which must answer what
// kgquery facts --object Russia lists.
func TestExportFactsValid(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i, tt := range factFilterCases {
		files = append(files, exportTo(t, dir, fmt.Sprintf("f%d.nq", i), tt.args...))
	}
	t.Run("rapper", func(t *testing.T) {
		rapper := tool(t, "rapper", "raptor2-utils")
		for _, path := range files {
			var stderr bytes.Buffer
			cmd := exec.Command(rapper, "-i", "nquads", "-c", "file://"+path)
			cmd.Stderr = &stderr
			err := cmd.Run()
			msg := stderr.String()
			if want := fmt.Sprintf("Parsing returned %d triples", len(readNQuads(t, path))); err != nil ||
				strings.Contains(msg, "Warning") || strings.Contains(msg, "Error") || !strings.Contains(msg, want) {
				t.Errorf("rapper -i nquads %s: %v\n%s", filepath.Base(path), err, clip(msg, 2000))
			}
		}
	})
	t.Run("strict", func(t *testing.T) {
		for _, path := range files {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
				if err := checkNQuad(line); err != nil {
					t.Fatalf("%s line %d: %v\n%s", filepath.Base(path), i+1, err, clip(line, 300))
				}
			}
		}
	})
	t.Run("N3.js", func(t *testing.T) { n3check(t, files...) })
	t.Run("Oxigraph", func(t *testing.T) {
		node, mods := nodeModule(t, "oxigraph")
		rows, err := factsJSON(t, graphDB, "--object", "Russia")
		if err != nil || len(rows) == 0 {
			t.Fatalf("facts --object Russia: %d, %v", len(rows), err)
		}
		path := exportTo(t, dir, "russia.nq", "--object", "Russia")
		cmd := exec.Command(node, "testdata/oxigraph.cjs", path, sparqlFacts(rows[0].Object.IRI))
		cmd.Env = append(os.Environ(), "NODE_PATH="+mods)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("Oxigraph: %v\n%s", err, stderr.String())
		}
		var res struct {
			Quads   int                   `json:"quads"`
			Results [][]map[string]string `json:"results"`
		}
		if err := json.Unmarshal(out, &res); err != nil {
			t.Fatalf("Oxigraph output: %v\n%s", err, clip(string(out), 500))
		}
		var want, got []string
		for _, f := range rows {
			want = append(want, strings.Join([]string{f.Fact, f.Subject.IRI, f.Predicate, f.Object.IRI,
				fmt.Sprint(f.Negated), f.Date, f.Evidence.Sentence, f.Evidence.Article}, " | "))
		}
		for _, r := range res.Results[0] {
			got = append(got, strings.Join([]string{r["fact"], r["s"], r["p"], r["o"],
				r["negated"], r["date"], r["text"], r["article"]}, " | "))
		}
		sort.Strings(want)
		sort.Strings(got)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("facts --object Russia and SPARQL over its export differ (-facts +sparql):\n%s", d)
		}
	})
}

func TestExportFactsErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want error
		text string
	}{
		{"around and a filter", []string{"--around", "Russia", "--since", "2016"}, nil, "--around and --since"},
		{"article and around", []string{"--article", "x", "--around", "Russia", "--negated"}, nil, "give one of them"},
		{"nothing passes", []string{"--source", "Zorglub Times"}, ErrNoResults, "no facts pass the filters"},
		{"bad date", []string{"--since", "March"}, nil, "kgquery export --since"},
		{"unknown subject", []string{"--subject", "Zorglub Brigade"}, ErrNoResults, "no actor"},
		{"unknown predicate", []string{"--predicate", "atacks"}, nil, "no such predicate"},
		{"unknown article", []string{"--article", "no-such-article", "--negated"}, ErrNoResults, "no article"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(append([]string{"export", "--db", graphDB}, tt.args...)...)
			checkErr(t, err, tt.want, tt.text)
			if out != "" {
				t.Errorf("wrote %d bytes before failing", len(out))
			}
		})
	}
}
