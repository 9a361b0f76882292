package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// bin holds kgbuild and kgquery built for this test run; graph is the
// example graph kgbuild made.
var bin, graphDB string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "kgquery-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		bin = dir
		for _, c := range []string{"kgbuild", "kgquery"} {
			out, err := exec.Command("go", "build", "-o", filepath.Join(dir, c), "../"+c).CombinedOutput()
			if err != nil {
				fmt.Fprintf(os.Stderr, "building %s: %v\n%s", c, err, out)
				return 2
			}
		}
		graphDB = filepath.Join(dir, "kg.db")
		if out, err := exec.Command(filepath.Join(dir, "kgbuild"), "--db", graphDB, "../../examples").CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "kgbuild examples: %v\n%s", err, out)
			return 2
		}
		return m.Run()
	}()
	os.Exit(code)
}

func run(args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

// TestRelationsSpellings asks for one actor in many spellings.
func TestRelationsSpellings(t *testing.T) {
	for _, tt := range []struct{ name, label string }{
		{"Jaish al-Islam", "Jaish al-Islam"},
		{"jaysh al islam", "Jaish al-Islam"},
		{"JAYSH-AL-ISLAM", "Jaish al-Islam"},
		{"Jeish al-Islam", "Jaish al-Islam"},
		{"Muhammad Allouch", "Mohammed Alloush"},
		{"moscow", "Russia"},
		{"IS", "Islamic State"},
		{"Daesh", "Islamic State"},
		{"the regime", "Syrian government"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run("relations", "--db", graphDB, "--json", tt.name)
			if err != nil {
				t.Fatalf("relations %q: %v", tt.name, err)
			}
			var res struct {
				Actor node      `json:"actor"`
				Facts []factRow `json:"facts"`
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			if res.Actor.Label != tt.label || len(res.Facts) == 0 {
				t.Errorf("relations %q: actor %q with %d facts, want %q with some", tt.name, res.Actor.Label, len(res.Facts), tt.label)
			}
			for _, f := range res.Facts {
				if f.Evidence.Sentence == "" || f.Evidence.Article == "" || f.Subject.IRI != res.Actor.IRI && f.Object.IRI != res.Actor.IRI {
					t.Errorf("fact without evidence or not about the actor: %+v", f)
				}
			}
		})
	}
}

func TestRelationsTable(t *testing.T) {
	out, _, err := run("relations", "--db", graphDB, "Jaish al-Islam")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Jaish al-Islam (ArmedGroup): ",
		"\ndenies (",
		"“Syrian rebels Jaish al-Islam refute ceasefire after regime violation”",
		"NOT agreed to",
		"negotiates with (",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	// A page of one fact keeps the header of all of them.
	head, _, _ := strings.Cut(out, "\n")
	page, _, err := run("relations", "--db", graphDB, "--limit", "1", "Jaish al-Islam")
	if err != nil || !strings.HasPrefix(page, head+"\n") || strings.Count(page, "“") != 1 {
		t.Errorf("relations --limit 1 (err %v): want the header %q and one fact:\n%s", err, head, page)
	}
}

// TestAffiliations checks that relations shows what the gazetteer states
// about an actor, both ways, in the table and in JSON.
func TestAffiliations(t *testing.T) {
	out, _, err := run("relations", "--db", graphDB, "Muhammad Allouch")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "known from the gazetteer") || !strings.Contains(out, "Mohammed Alloush member of Jaish al-Islam") {
		t.Errorf("table lacks the gazetteer's affiliation:\n%s", out)
	}
	out, _, err = run("relations", "--db", graphDB, "--json", "Jaysh al-Islam")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Affiliations []struct {
			Subject struct{ Label string } `json:"subject"`
			Label   string                 `json:"predicate_label"`
			Object  struct{ Label string } `json:"object"`
		} `json:"affiliations"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range doc.Affiliations {
		found = found || a.Subject.Label == "Zahran Alloush" && a.Label == "leads" && a.Object.Label == "Jaish al-Islam"
	}
	if !found {
		t.Errorf("JSON affiliations of Jaish al-Islam lack Zahran Alloush leads it: %+v", doc.Affiliations)
	}
}

func TestNoResultsAndErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want error
		text string
	}{
		{"unknown actor", []string{"relations", "--db", graphDB, "Zorglub Brigade"}, ErrNoResults, "no actor"},
		{"missing store", []string{"relations", "--db", filepath.Join(t.TempDir(), "none.db"), "Russia"}, nil, "run kgbuild first"},
		{"unknown command", []string{"frobnicate"}, nil, "unknown command"},
		{"no name", []string{"relations", "--db", graphDB}, nil, "want one NAME"},
		{"bad flag", []string{"export", "--db", graphDB, "--frob"}, nil, "unknown flag"},
		{"bad export file", []string{"export", "--db", graphDB, "-o", "x.ttl"}, nil, ".nq"},
		{"unknown article", []string{"export", "--db", graphDB, "--article", "nope"}, ErrNoResults, "no article"},
		{"gizmo syntax", []string{"gizmo", "--db", graphDB, "g.V(("}, nil, "gizmo"},
		{"gizmo nothing", []string{"gizmo", "--db", graphDB, `g.V("<urn:nothing>").Out().All()`}, ErrNoResults, "matched nothing"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.text) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.text)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if tt.want == nil && errors.Is(err, ErrNoResults) {
				t.Errorf("err = %v is 'no results'; want an error (exit 2)", err)
			}
		})
	}
}

func TestGizmo(t *testing.T) {
	out, _, err := run("gizmo", "--db", graphDB, `g.V("<https://conflictkg.org/id/actor/jaish-al-islam>").Out("<https://conflictkg.org/ns#negotiatesWith>").All()`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"id":"<https://conflictkg.org/id/actor/russia>"`) {
		t.Errorf("gizmo output = %q, want Russia", out)
	}
}

// readNQuads parses an N-Quads file (gzip if .gz) with quad's own parser.
func readNQuads(t *testing.T, path string) []quad.Quad {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		if r, err = gzip.NewReader(f); err != nil {
			t.Fatal(err)
		}
	}
	qs, err := quad.ReadAll(nquads.NewReader(r, false))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return qs
}

// TestExport writes the graph as .nq and .nq.gz and one article's part,
// and reads each back with quad's parser and with N3.js.
func TestExport(t *testing.T) {
	dir := t.TempDir()
	nq, gz, part := filepath.Join(dir, "g.nq"), filepath.Join(dir, "g.nq.gz"), filepath.Join(dir, "a.nq")
	for _, args := range [][]string{
		{"export", "--db", graphDB, "-o", nq},
		{"export", "--db", graphDB, "-o", gz},
		{"export", "--db", graphDB, "--article", "jaish-al-islam-refutes-ceasefire", "-o", part},
	} {
		if _, _, err := run(args...); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
	}
	all, zipped, one := readNQuads(t, nq), readNQuads(t, gz), readNQuads(t, part)
	if len(all) < 500 || len(zipped) != len(all) {
		t.Errorf("export: %d quads, gzip %d; want the same, over 500", len(all), len(zipped))
	}
	if len(one) == 0 || len(one) >= len(all) {
		t.Errorf("--article export has %d of %d quads", len(one), len(all))
	}
	for _, q := range one {
		if l := quad.ToString(q.Label); !strings.Contains(l, "/article/jaish-al-islam-refutes-ceasefire") {
			t.Errorf("--article export holds a quad of another graph: %v", q)
			break
		}
	}
	out, _, err := run("export", "--db", graphDB)
	if err != nil || strings.Count(out, "\n") != len(all) {
		t.Errorf("export to stdout: %d lines, err %v; want %d", strings.Count(out, "\n"), err, len(all))
	}
	n3check(t, nq, gz, part)
}

// n3check parses files with N3.js, installed by the test command into
// $KG_NODE_MODULES. Without it the test skips, unless KG_REQUIRE_TOOLS is
// set (as the test command sets it), when it fails.
func n3check(t *testing.T, files ...string) {
	t.Helper()
	mods := os.Getenv("KG_NODE_MODULES")
	node, err := exec.LookPath("node")
	if mods == "" || err != nil {
		if os.Getenv("KG_REQUIRE_TOOLS") != "" {
			t.Fatalf("N3.js check: node or $KG_NODE_MODULES missing (run the test command in README.md)")
		}
		t.Skip("N3.js check skipped: run the test command in README.md, which installs node and n3")
	}
	if _, err := os.Stat(filepath.Join(mods, "n3")); err != nil {
		t.Fatalf("N3.js check: %v", err)
	}
	cmd := exec.Command(node, append([]string{"testdata/n3check.cjs"}, files...)...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+mods)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("N3.js rejected the export: %v\n%s", err, out)
	}
	t.Logf("N3.js: %s", out)
}

// TestBinaries runs the built commands as a user would, checking exit codes.
func TestBinaries(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		cmd  string
		args []string
		code int
		out  string
	}{
		{"kgbuild", []string{"--db", db, examples}, 0, ""},
		{"kgquery", []string{"relations", "--db", db, "Jaysh al-Islam"}, 0, "Jaish al-Islam (ArmedGroup)"},
		{"kgquery", []string{"relations", "--db", db, "Nobody At All"}, 1, ""},
		{"kgquery", []string{"relations", "--db", db, "--bogus"}, 2, ""},
		{"kgquery", []string{"export", "--db", db}, 0, "<https://conflictkg.org/id/actor/jaish-al-islam>"},
		{"kgbuild", []string{"--db", db, filepath.Join(dir, "missing.txt")}, 2, ""},
	} {
		cmd := exec.Command(filepath.Join(bin, tt.cmd), tt.args...)
		cmd.Dir = dir
		out, err := cmd.Output()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code || !strings.Contains(string(out), tt.out) {
			t.Errorf("%s %v: exit %d, want %d; output %q should contain %q", tt.cmd, tt.args, code, tt.code, clip(string(out), 200), tt.out)
		}
	}
}
