package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
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

func TestChooseFormat(t *testing.T) {
	for _, tt := range []struct {
		name, format, output string
		want                 string // format name, or "" for an error
		err                  string
	}{
		{"default", "", "", "nquads", ""},
		{"nq file", "", "g.nq", "nquads", ""},
		{"nq.gz file", "", "g.nq.gz", "nquads", ""},
		{"jsonld file", "", "g.jsonld", "jsonld", ""},
		{"graphml.gz file", "", "g.graphml.gz", "graphml", ""},
		{"gv file", "", "g.gv", "dot", ""},
		{"csv file", "", "edges.csv", "csv", ""},
		{"format flag", "DOT", "", "dot", ""},
		{"format alias", "n-quads", "", "nquads", ""},
		{"format and file agree", "graphml", "g.graphml", "graphml", ""},
		{"format names unknown file", "csv", "edges.txt", "csv", ""},
		{"format and file disagree", "dot", "g.nq", "", "is a nquads file"},
		{"unknown format", "turtle", "", "", "want one of nquads, jsonld"},
		{"unknown extension", "", "g.ttl", "", "unknown extension"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := chooseFormat(tt.format, tt.output)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("chooseFormat(%q, %q) = %s, %v; want an error mentioning %q", tt.format, tt.output, f.name, err, tt.err)
				}
				return
			}
			if err != nil || f.name != tt.want {
				t.Errorf("chooseFormat(%q, %q) = %s, %v; want %s", tt.format, tt.output, f.name, err, tt.want)
			}
		})
	}
}

func TestExportErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want error
		text string
	}{
		{"article and around", []string{"--article", "x", "--around", "Russia"}, nil, "give one of them"},
		{"no hops", []string{"--around", "Russia", "--hops", "0"}, nil, "--hops 0"},
		{"unknown actor", []string{"--around", "Zorglub Brigade"}, ErrNoResults, "no actor"},
		{"unknown format", []string{"--format", "turtle"}, nil, "unknown format"},
		{"format against file", []string{"--format", "dot", "-o", filepath.Join(t.TempDir(), "g.csv")}, nil, "is a csv file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(append([]string{"export", "--db", graphDB}, tt.args...)...)
			if err == nil || !strings.Contains(err.Error(), tt.text) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.text)
			}
			if tt.want != nil && !errors.Is(err, tt.want) || tt.want == nil && errors.Is(err, ErrNoResults) {
				t.Errorf("err = %v, want errors.Is %v", err, tt.want)
			}
		})
	}
}

// exportScopes are the parts of the example graph the format tests export,
// with edges each must hold, named "subject|predicate label|object|negated|".
var exportScopes = []struct {
	name  string
	args  []string
	edges []string
}{
	{"graph", nil, []string{"Jaish al-Islam|negotiates with|Russia|false|",
		"Zahran Alloush|leads|Jaish al-Islam|false|", "Jaish al-Islam|agrees to|ceasefire|true|"}},
	{"article", []string{"--article", "jaish-al-islam-refutes-ceasefire"}, []string{
		"Russia|brokers|ceasefire|false|", "Jaish al-Islam|agrees to|ceasefire|true|"}},
	{"around", []string{"--around", "Jaysh al-Islam"}, []string{"Jaish al-Islam|negotiates with|Russia|false|",
		"Zahran Alloush|leads|Jaish al-Islam|false|", "Jaish al-Islam|agrees to|ceasefire|true|"}},
	{"around 2 hops", []string{"--around", "Russia", "--hops", "2"}, []string{
		"Jaish al-Islam|negotiates with|Russia|false|", "Zahran Alloush|leads|Jaish al-Islam|false|"}},
}

// exportTo runs kgquery export with args and -o a file of dir named name.
func exportTo(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if _, _, err := run(append([]string{"export", "--db", graphDB, "-o", path}, args...)...); err != nil {
		t.Fatalf("export %v -o %s: %v", args, name, err)
	}
	return path
}

// TestExportJSONLD reads each JSON-LD export back with quad's JSON-LD reader
// and wants exactly the quads of the N-Quads export of the same scope.
func TestExportJSONLD(t *testing.T) {
	dir := t.TempDir()
	for _, sc := range exportScopes {
		t.Run(sc.name, func(t *testing.T) {
			want := quadSet(readNQuads(t, exportTo(t, dir, sc.name+".nq", sc.args...)))
			f, err := os.Open(exportTo(t, dir, sc.name+".jsonld.gz", sc.args...))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			zr, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			qs, err := quad.ReadAll(jsonld.NewReader(zr))
			if err != nil {
				t.Fatalf("quad's JSON-LD reader: %v", err)
			}
			if d := cmp.Diff(want, quadSet(qs)); d != "" {
				t.Errorf("JSON-LD round trip (-nquads +jsonld):\n%s", clip(d, 3000))
			}
		})
	}
}

// quadSet is quads as sorted N-Quads lines, each value in its lexical form:
// quad's JSON-LD reader turns "5"^^xsd:integer into a Go int, which prints
// back the same, and the test must not depend on which values it converts.
func quadSet(qs []quad.Quad) []string {
	out := make([]string, 0, len(qs))
	for _, q := range qs {
		for _, d := range quad.Directions {
			if ts, ok := q.Get(d).(quad.TypedStringer); ok {
				q.Set(d, ts.TypedString())
			}
		}
		out = append(out, q.NQuad())
	}
	sort.Strings(out)
	return out
}

// graphML is what the test reads of a GraphML file.
type graphML struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string       `xml:"id,attr"`
			Data []graphMLVal `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string       `xml:"source,attr"`
			Target string       `xml:"target,attr"`
			Data   []graphMLVal `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type graphMLVal struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func dataMap(vs []graphMLVal) map[string]string {
	m := map[string]string{}
	for _, v := range vs {
		m[v.Key] = v.Value
	}
	return m
}

// TestExportGraphFormats exports each scope as GraphML, CSV and DOT, checks
// that GraphML and CSV hold the same edges, each between declared nodes,
// that the known facts of the example graph are there, and renders the DOT
// with Graphviz.
func TestExportGraphFormats(t *testing.T) {
	dir := t.TempDir()
	for _, sc := range exportScopes {
		t.Run(sc.name, func(t *testing.T) {
			// GraphML: well-formed, every edge between declared nodes, every data key declared.
			b, err := os.ReadFile(exportTo(t, dir, sc.name+".graphml", sc.args...))
			if err != nil {
				t.Fatal(err)
			}
			var g graphML
			if err := xml.Unmarshal(b, &g); err != nil {
				t.Fatalf("GraphML: %v", err)
			}
			keys := map[string]string{}
			for _, k := range g.Keys {
				keys[k.ID] = k.For
			}
			labels := map[string]string{}
			for _, n := range g.Graph.Nodes {
				d := dataMap(n.Data)
				if _, dup := labels[n.ID]; dup || d["node_label"] == "" || d["node_iri"] == "" {
					t.Errorf("GraphML node %s: duplicate or without label and IRI: %v", n.ID, d)
				}
				labels[n.ID] = d["node_label"]
				for _, v := range n.Data {
					if keys[v.Key] != "node" {
						t.Errorf("GraphML node %s: data key %q is not declared for nodes", n.ID, v.Key)
					}
				}
			}
			// An edge is named "Jaish al-Islam|negotiates with|Russia|false|FACT".
			var fromGraphML []string
			for _, e := range g.Graph.Edges {
				d := dataMap(e.Data)
				s, okS := labels[e.Source]
				o, okO := labels[e.Target]
				if !okS || !okO {
					t.Errorf("GraphML edge %s -> %s: an end is not a node", e.Source, e.Target)
				}
				fromGraphML = append(fromGraphML, s+"|"+d["edge_label"]+"|"+o+"|"+d["edge_negated"]+"|"+d["edge_fact"])
			}
			if g.Graph.EdgeDefault != "directed" || len(g.Graph.Nodes) < 2 || len(g.Graph.Edges) == 0 {
				t.Errorf("GraphML: %s graph of %d nodes and %d edges", g.Graph.EdgeDefault, len(g.Graph.Nodes), len(g.Graph.Edges))
			}

			// CSV: the same edges.
			f, err := os.Open(exportTo(t, dir, sc.name+".csv", sc.args...))
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(f).ReadAll()
			f.Close()
			if err != nil {
				t.Fatalf("CSV: %v", err)
			}
			if d := cmp.Diff(edgeCSVHeader, rows[0]); d != "" {
				t.Errorf("CSV header (-want +got):\n%s", d)
			}
			col := map[string]int{}
			for i, c := range rows[0] {
				col[c] = i
			}
			var fromCSV []string
			for _, r := range rows[1:] {
				fromCSV = append(fromCSV, r[col["source_label"]]+"|"+r[col["label"]]+"|"+r[col["target_label"]]+"|"+r[col["negated"]]+"|"+r[col["fact"]])
			}
			sort.Strings(fromGraphML)
			sort.Strings(fromCSV)
			if d := cmp.Diff(fromGraphML, fromCSV); d != "" {
				t.Errorf("GraphML and CSV edges differ (-graphml +csv):\n%s", clip(d, 3000))
			}

			// Facts of the example graph, and the gazetteer's relations where the scope reaches them.
			for _, w := range sc.edges {
				found := false
				for _, e := range fromCSV {
					found = found || strings.HasPrefix(e, w)
				}
				if !found {
					t.Errorf("no edge %q among %d", w, len(fromCSV))
				}
			}

			renderDOT(t, exportTo(t, dir, sc.name+".dot", sc.args...))
		})
	}
}

// TestExportDOTStdout checks the DOT written to standard output: one node
// per entity, filled by type, and labelled edges.
func TestExportDOTStdout(t *testing.T) {
	out, _, err := run("export", "--db", graphDB, "--format", "dot", "--around", "Jaish al-Islam")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"https://conflictkg.org/id/actor/jaish-al-islam" [label="Jaish al-Islam", tooltip="ArmedGroup https://conflictkg.org/id/actor/jaish-al-islam", shape=ellipse, fillcolor="#fbb4ae", penwidth=3];`,
		`"https://conflictkg.org/id/actor/russia" [label="Russia", tooltip="State https://conflictkg.org/id/actor/russia", shape=ellipse, fillcolor="#ccebc5"];`,
		`"https://conflictkg.org/id/actor/jaish-al-islam" -> "https://conflictkg.org/id/actor/russia" [label="negotiates with"];`,
		`"https://conflictkg.org/id/actor/zahran-alloush" -> "https://conflictkg.org/id/actor/jaish-al-islam" [label="leads", style=dotted`,
		`[label="not agrees to`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
}

// TestExportAround checks the neighbourhood against relations: every fact
// about the actor is in it, and every fact in it joins two entities within
// one hop; two hops hold more.
func TestExportAround(t *testing.T) {
	dir := t.TempDir()
	out, _, err := run("relations", "--db", graphDB, "--json", "Jaish al-Islam")
	if err != nil {
		t.Fatal(err)
	}
	var rel relationsDoc
	if err := json.Unmarshal([]byte(out), &rel); err != nil {
		t.Fatal(err)
	}
	near := map[string]bool{rel.Actor.IRI: true}
	for _, f := range rel.Facts {
		near[f.Subject.IRI], near[f.Object.IRI] = true, true
	}
	for _, a := range rel.Affiliations {
		near[a.Subject.IRI], near[a.Object.IRI] = true, true
	}
	one := readNQuads(t, exportTo(t, dir, "one.nq", "--around", "Jaish al-Islam"))
	two := readNQuads(t, exportTo(t, dir, "two.nq", "--around", "Jaish al-Islam", "--hops", "2"))
	if len(two) <= len(one) {
		t.Errorf("--hops 2 gives %d quads, --hops 1 %d; want more", len(two), len(one))
	}
	facts := map[string]bool{}
	for _, q := range one {
		p, o := quad.ToString(q.Predicate), store2text(q.Object)
		if p == "<"+schema.NS+"subject>" || p == "<"+schema.NS+"object>" {
			facts[store2text(q.Subject)] = true
			if !near[o] {
				t.Errorf("fact %v names %s, more than one hop away", q.Subject, o)
			}
		}
	}
	for _, f := range rel.Facts {
		if !facts[f.Fact] {
			t.Errorf("--around lacks the fact %s: %s %s %s", f.Fact, f.Subject.Label, f.Label, f.Object.Label)
		}
	}
	n3check(t, filepath.Join(dir, "one.nq"), filepath.Join(dir, "two.nq"))
}

func store2text(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return string(iri)
	}
	return quad.ToString(v)
}

// relationsDoc is kgquery relations --json.
type relationsDoc struct {
	Actor        node          `json:"actor"`
	Affiliations []affiliation `json:"affiliations"`
	Facts        []factRow     `json:"facts"`
}

// tool returns the path of an external program the tests need. Without it
// the test skips, unless KG_REQUIRE_TOOLS is set (as the test command sets
// it), when it fails.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("KG_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is missing: install Debian's %s, or run the test command in README.md", name, pkg)
		}
		t.Skipf("%s check skipped: install Debian's %s, or run the test command in README.md", name, pkg)
	}
	return path
}

// nodeModule returns node and the folder holding the npm package name,
// installed by the test command into $KG_NODE_MODULES.
func nodeModule(t *testing.T, name string) (node, mods string) {
	t.Helper()
	mods = os.Getenv("KG_NODE_MODULES")
	node, err := exec.LookPath("node")
	if mods == "" || err != nil {
		if os.Getenv("KG_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s check: node or $KG_NODE_MODULES missing (run the test command in README.md)", name)
		}
		t.Skipf("%s check skipped: run the test command in README.md, which installs node and %s", name, name)
	}
	if _, err := os.Stat(filepath.Join(mods, name)); err != nil {
		t.Fatalf("%s check: %v (run the test command in README.md)", name, err)
	}
	return node, mods
}

func renderDOT(t *testing.T, path string) {
	t.Helper()
	dot := tool(t, "dot", "graphviz")
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(dot, "-Tsvg", path)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg %s: %v\n%s", filepath.Base(path), err, clip(stderr.String(), 2000))
	}
	if !strings.Contains(stdout.String(), "</svg>") {
		t.Errorf("dot -Tsvg %s wrote no SVG", filepath.Base(path))
	}
}

// TestExportRapper parses the N-Quads exports with Raptor's rapper, which
// must count every quad and warn about nothing.
func TestExportRapper(t *testing.T) {
	dir := t.TempDir()
	for _, sc := range exportScopes {
		t.Run(sc.name, func(t *testing.T) {
			rapper := tool(t, "rapper", "raptor2-utils")
			path := exportTo(t, dir, sc.name+".nq", sc.args...)
			want := len(readNQuads(t, path))
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(rapper, "-i", "nquads", "-c", "file://"+path)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			msg := stderr.String()
			if err != nil || strings.Contains(msg, "Warning") || strings.Contains(msg, "Error") ||
				!strings.Contains(msg, fmt.Sprintf("Parsing returned %d triples", want)) {
				t.Fatalf("rapper -i nquads %s (want %d quads): %v\n%s", sc.name, want, err, clip(msg, 2000))
			}
		})
	}
}

// TestExportOxigraph loads the N-Quads export of the example graph into
// Oxigraph and asks it, in SPARQL, what kgquery relations answers for three
// actors: the facts about each, with predicate, ends, negation, date,
// sentence and article, and the gazetteer's relations.
func TestExportOxigraph(t *testing.T) {
	node, mods := nodeModule(t, "oxigraph")
	path := exportTo(t, t.TempDir(), "g.nq")
	actors := []string{"Jaish al-Islam", "Russia", "Mohammed Alloush"}
	var docs []relationsDoc
	var queries []string
	for _, name := range actors {
		out, _, err := run("relations", "--db", graphDB, "--json", name)
		if err != nil {
			t.Fatal(err)
		}
		var d relationsDoc
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		queries = append(queries, sparqlFacts(d.Actor.IRI), sparqlAffiliations(d.Actor.IRI))
	}
	cmd := exec.Command(node, append([]string{"testdata/oxigraph.cjs", path}, queries...)...)
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
	if want := len(readNQuads(t, path)); res.Quads != want {
		t.Errorf("Oxigraph loaded %d quads, want %d", res.Quads, want)
	}
	for i, d := range docs {
		t.Run(actors[i], func(t *testing.T) {
			var want, got []string
			for _, f := range d.Facts {
				want = append(want, strings.Join([]string{f.Fact, f.Subject.IRI, f.Predicate, f.Object.IRI,
					fmt.Sprint(f.Negated), f.Date, f.Evidence.Sentence, f.Evidence.Article}, " | "))
			}
			for _, r := range res.Results[2*i] {
				got = append(got, strings.Join([]string{r["fact"], r["s"], r["p"], r["o"],
					r["negated"], r["date"], r["text"], r["article"]}, " | "))
			}
			sort.Strings(want)
			sort.Strings(got)
			if len(want) == 0 {
				t.Fatalf("relations %s has no facts", actors[i])
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("facts: relations and SPARQL differ (-relations +sparql):\n%s", d)
			}
			want, got = nil, nil
			for _, a := range d.Affiliations {
				want = append(want, a.Subject.IRI+" "+a.Predicate+" "+a.Object.IRI)
			}
			for _, r := range res.Results[2*i+1] {
				got = append(got, r["s"]+" "+r["p"]+" "+r["o"])
			}
			sort.Strings(want)
			sort.Strings(got)
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("affiliations: relations and SPARQL differ (-relations +sparql):\n%s", d)
			}
		})
	}
	n3check(t, path)
}

// sparqlFacts asks for the facts about an actor with their evidence, as
// relations shows them.
func sparqlFacts(actor string) string {
	return fmt.Sprintf(`PREFIX kg: <%s>
SELECT ?fact ?s ?p ?o ?negated ?date ?text ?article WHERE {
  GRAPH ?sg {
    ?fact a kg:Fact ; kg:subject ?s ; kg:predicate ?p ; kg:object ?o ; kg:inSentence ?sentence .
    OPTIONAL { ?fact kg:negated ?negated }
    OPTIONAL { ?fact kg:date ?date }
  }
  FILTER(?s = <%[2]s> || ?o = <%[2]s>)
  GRAPH ?ag { ?sentence kg:text ?text ; kg:inArticle ?article }
}`, schema.NS, actor)
}

// sparqlAffiliations asks for the gazetteer's relations of an actor, both ways.
func sparqlAffiliations(actor string) string {
	return fmt.Sprintf(`PREFIX kg: <%s>
SELECT ?s ?p ?o WHERE {
  GRAPH <%sgazetteer> { ?s ?p ?o }
  GRAPH kg:schema { ?p a kg:Relation }
  FILTER(?s = <%[3]s> || ?o = <%[3]s>)
}`, schema.NS, schema.DefaultBase, actor)
}

// TestExportNQuadsStrict checks every line of the N-Quads exports against
// the W3C N-Quads grammar itself, which the parsers above are lenient
// about in places, and what they do not check at all: that each literal's
// lexical form is valid for its XSD datatype and each language tag is
// well-formed (BCP 47).
func TestExportNQuadsStrict(t *testing.T) {
	dir := t.TempDir()
	for _, sc := range exportScopes {
		t.Run(sc.name, func(t *testing.T) {
			b, err := os.ReadFile(exportTo(t, dir, sc.name+".nq", sc.args...))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
			bad := 0
			for i, line := range lines {
				if err := checkNQuad(line); err != nil {
					t.Errorf("line %d: %v\n%s", i+1, err, clip(line, 300))
					if bad++; bad > 10 {
						t.FailNow()
					}
				}
			}
		})
	}
}

func TestCheckNQuad(t *testing.T) {
	for _, tt := range []struct {
		line string
		ok   bool
	}{
		{`<http://a/s> <http://a/p> "x\"y\\z\n"@ar <http://a/g> .`, true},
		{`<http://a/s> <http://a/p> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .`, true},
		{`_:b1 <http://a/p> "2016-03"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> <http://a/g> .`, true},
		{`<http://a/s> <http://a/p> "five"^^<http://www.w3.org/2001/XMLSchema#integer> .`, false},
		{`<http://a/s> <http://a/p> "2016-3-4"^^<http://www.w3.org/2001/XMLSchema#date> .`, false},
		{`<http://a/s> <http://a/p> "x"@ar_SY .`, false},
		{`<a/s> <http://a/p> <http://a/o> .`, false},
		{`<http://a/s t> <http://a/p> <http://a/o> .`, false},
		{`<http://a/s> <http://a/p> "a"b" .`, false},
		{`<http://a/s> <http://a/p> <http://a/o>`, false},
		{`<http://a/s> <http://a/p> "x"^^<http://a/unknownType> .`, false},
	} {
		if err := checkNQuad(tt.line); (err == nil) != tt.ok {
			t.Errorf("checkNQuad(%s) = %v, want ok %v", tt.line, err, tt.ok)
		}
	}
}

const xsdNS = "http://www.w3.org/2001/XMLSchema#"

// xsdLexical is the lexical space of each XSD datatype the graph uses
// (XML Schema 1.1 Part 2); a literal of any other datatype is an error.
var xsdLexical = map[string]*regexp.Regexp{
	"string":     regexp.MustCompile(`(?s)^.*$`),
	"integer":    regexp.MustCompile(`^[+-]?[0-9]+$`),
	"decimal":    regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`),
	"boolean":    regexp.MustCompile(`^(true|false|1|0)$`),
	"date":       regexp.MustCompile(`^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-][0-9]{2}:[0-9]{2})?$`),
	"gYearMonth": regexp.MustCompile(`^-?[0-9]{4,}-(0[1-9]|1[0-2])(Z|[+-][0-9]{2}:[0-9]{2})?$`),
	"gYear":      regexp.MustCompile(`^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$`),
	"dateTime":   regexp.MustCompile(`^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$`),
}

var (
	// IRIREF of the N-Quads grammar, also required to be absolute (a scheme first).
	nqIRI = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9+.-]*:([^\x00-\x20<>"{}|^` + "`" + `\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)>`)
	// BLANK_NODE_LABEL, restricted to ASCII names, as quad writes them.
	nqBNode = regexp.MustCompile(`^_:[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?`)
	// STRING_LITERAL_QUOTE: no raw quote, backslash, LF or CR; escapes ECHAR or UCHAR.
	nqString = regexp.MustCompile(`^"((?:[^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)"`)
	// LANGTAG, and BCP 47's shape: a 2-3 or 5-8 letter language, subtags of 1-8.
	nqLang = regexp.MustCompile(`^@([a-zA-Z]{2,3}|[a-zA-Z]{5,8})(-[a-zA-Z0-9]{1,8})*`)
)

// checkNQuad reports whether line is one statement of the N-Quads grammar
// with absolute IRIs, valid language tags and valid XSD literals.
func checkNQuad(line string) error {
	rest := line
	term := func(what string, iri, bnode, literal bool) error {
		rest = strings.TrimLeft(rest, " \t")
		if m := nqIRI.FindString(rest); iri && m != "" {
			rest = rest[len(m):]
			return nil
		}
		if m := nqBNode.FindString(rest); bnode && m != "" {
			rest = rest[len(m):]
			return nil
		}
		if m := nqString.FindStringSubmatch(rest); literal && m != nil {
			rest = rest[len(m[0]):]
			if lang := nqLang.FindString(rest); lang != "" {
				rest = rest[len(lang):]
				return nil
			}
			if !strings.HasPrefix(rest, "^^") {
				return nil
			}
			rest = rest[2:]
			dt := nqIRI.FindStringSubmatch(rest)
			if dt == nil {
				return fmt.Errorf("bad datatype IRI at %q", clip(rest, 40))
			}
			rest = rest[len(dt[0]):]
			re, ok := xsdLexical[strings.TrimPrefix(dt[1], xsdNS)]
			if !strings.HasPrefix(dt[1], xsdNS) || !ok {
				return fmt.Errorf("datatype <%s> is not an XSD datatype the graph uses", dt[1])
			}
			if !re.MatchString(m[1]) {
				return fmt.Errorf("%q is not a valid %s", m[1], dt[1])
			}
			return nil
		}
		return fmt.Errorf("bad %s at %q", what, clip(rest, 40))
	}
	for _, step := range []struct {
		what                string
		iri, bnode, literal bool
	}{{"subject", true, true, false}, {"predicate", true, false, false}, {"object", true, true, true}} {
		if err := term(step.what, step.iri, step.bnode, step.literal); err != nil {
			return err
		}
	}
	if r := strings.TrimLeft(rest, " \t"); !strings.HasPrefix(r, ".") {
		if err := term("graph label", true, true, false); err != nil {
			return err
		}
	}
	if r := strings.TrimSpace(rest); r != "." {
		return fmt.Errorf("want a final '.', have %q", clip(r, 40))
	}
	return nil
}
