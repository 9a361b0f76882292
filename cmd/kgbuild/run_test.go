package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/internal/triples"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

const examples = "../../examples"

// mustRun runs kgbuild and fails the test on error.
func mustRun(tb testing.TB, args ...string) (stdout, stderr string) {
	tb.Helper()
	var out, errb bytes.Buffer
	if err := Run(context.Background(), args, &out, &errb); err != nil {
		tb.Fatalf("kgbuild %s: %v\nstderr:\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String(), errb.String()
}

// storeQuads returns the store's quads in the store's own order, which
// depends on the order the articles were loaded in.
func storeQuads(tb testing.TB, db string) []quad.Quad {
	tb.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	r := graph.NewQuadStoreReader(st)
	defer r.Close()
	qs, err := quad.ReadAll(r)
	if err != nil {
		tb.Fatal(err)
	}
	return qs
}

// storeNQuads returns the store's quads as sorted N-Quads lines, with the
// store's generation, which counts its builds, left out of the summaries.
func storeNQuads(tb testing.TB, db string) []string {
	tb.Helper()
	qs := storeQuads(tb, db)
	lines := make([]string, len(qs))
	for i, q := range qs {
		lines[i] = q.NQuad()
		if strings.HasSuffix(lines[i], summaryGraph) {
			lines[i] = generation.ReplaceAllString(lines[i], "${1}N")
		}
	}
	sort.Strings(lines)
	return lines
}

var generation = regexp.MustCompile(`(kg-summary 1 |kg-names 1 |#generation> ")\d+`)

// definitionGraphs are the named graphs of the vocabulary, gazetteer and
// lexicon, which TestDefinitions checks; the golden file holds the rest.
var definitionGraphs = []string{"<https://conflictkg.org/ns#schema> .", "<https://conflictkg.org/id/gazetteer> .", "<https://conflictkg.org/id/lexicon> ."}

// summaryGraph holds what kgbuild derives from the other graphs for
// queries; internal/store tests it.
const summaryGraph = "<https://conflictkg.org/ns#summaries> ."

// articleNQuads returns the store's quads outside the definition graphs
// and the summaries.
func articleNQuads(tb testing.TB, db string) []string {
	var out []string
	for _, l := range storeNQuads(tb, db) {
		if !strings.HasSuffix(l, summaryGraph) && !slices.ContainsFunc(definitionGraphs, func(g string) bool { return strings.HasSuffix(l, g) }) {
			out = append(out, l)
		}
	}
	return out
}

// TestExamplesGolden builds the example articles and compares the graph
// of the articles with testdata/examples.nq (go test -update rewrites it);
// building again adds nothing.
func TestExamplesGolden(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	_, stderr := mustRun(t, "--db", db, examples)
	if !strings.Contains(stderr, "kgbuild: 5 articles (0 unchanged)") {
		t.Errorf("summary = %q, want 5 new articles", stderr)
	}
	all := strings.Join(storeNQuads(t, db), "\n") + "\n"
	got := strings.Join(articleNQuads(t, db), "\n") + "\n"
	golden := filepath.Join("testdata", "examples.nq")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("graph of the examples differs from %s (-want +got):\n%s", golden, d)
	}

	_, stderr = mustRun(t, "--db", db, examples)
	if !strings.Contains(stderr, "5 articles (5 unchanged)") || !strings.Contains(stderr, " 0 quads written, 0 removed") {
		t.Errorf("second build: summary = %q, want 5 unchanged and 0 quads written", stderr)
	}
	if again := strings.Join(storeNQuads(t, db), "\n") + "\n"; again != all {
		t.Errorf("second build changed the graph")
	}
}

// TestTitleFacts checks that the facts of each example's title are in the graph.
func TestTitleFacts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	mustRun(t, "--db", db, examples)
	graph := strings.Join(storeNQuads(t, db), "\n")
	const id, ns = "https://conflictkg.org/id/", "https://conflictkg.org/ns#"
	for _, tt := range []struct{ article, s, p, o string }{
		{"jaish-al-islam-refutes-ceasefire", "actor/jaish-al-islam", "denies", "agreement/ceasefire"},
		{"regime-violates-de-escalation-deal-in-daraa", "actor/syrian-government", "violates", "agreement/de-escalation-zone"},
		{"syria-forces-assault-rebel-held-douma", "actor/syrian-government", "attacks", "location/douma"},
		{"syria-forces-assault-rebel-held-douma", "actor/rebels", "controls", "location/douma"},
		{"jaysh-al-islam-denies-stopping-negotiations", "actor/jaish-al-islam", "denies", "agreement/negotiations"},
		{"jaysh-al-islam-denies-stopping-negotiations", "actor/jaish-al-islam", "negotiatesWith", "actor/russia"},
		{"rebels-and-is-agree-truce-south-damascus", "actor/rebels", "agreesTo", "agreement/ceasefire"},
		{"rebels-and-is-agree-truce-south-damascus", "actor/islamic-state", "agreesTo", "agreement/ceasefire"},
	} {
		q := "<" + id + tt.s + "> <" + ns + tt.p + "> <" + id + tt.o + "> <" + id + "article/" + tt.article + "/sentence/0> ."
		if !strings.Contains(graph, q) {
			t.Errorf("title of %s: missing %s", tt.article, q)
		}
	}
}

// TestChangedAndRemoved replaces an edited article's facts and removes an
// article with the facts only it supported.
func TestChangedAndRemoved(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(a, "Rebels, IS agree to truce in south Damascus\n\nRussia brokered the truce.\n")
	write(b, "Jaish al-Islam denies ceasefire\n\nRussia brokered the truce.\n")
	mustRun(t, "--db", db, a, b)
	before := strings.Join(storeNQuads(t, db), "\n")
	if !strings.Contains(before, "/actor/islamic-state> <https://conflictkg.org/ns#agreesTo>") {
		t.Fatalf("IS agreesTo missing after first build")
	}

	write(a, "Rebels, IS agree to truce in south Damascus\n\nHezbollah attacked the rebels.\n")
	_, stderr := mustRun(t, "--db", db, a)
	if !strings.Contains(stderr, "1 articles (0 unchanged)") {
		t.Errorf("summary after edit = %q", stderr)
	}
	after := strings.Join(storeNQuads(t, db), "\n")
	if !strings.Contains(after, "/actor/hezbollah> <https://conflictkg.org/ns#attacks>") {
		t.Errorf("the edited article's new fact is missing")
	}
	if strings.Contains(after, "brokers> <https://conflictkg.org/id/agreement/ceasefire> <https://conflictkg.org/id/article/a/") {
		t.Errorf("the edited article's old fact is still there")
	}

	_, stderr = mustRun(t, "--db", db, "--remove", "a")
	if !strings.Contains(stderr, "removed article a") {
		t.Errorf("--remove said %q", stderr)
	}
	removed := storeNQuads(t, db)
	for _, l := range removed {
		if strings.Contains(l, "/article/a>") || strings.Contains(l, "/article/a/") {
			t.Errorf("quad of the removed article remains: %s", l)
		}
	}
	// The fact b also supports stays.
	if !strings.Contains(strings.Join(removed, "\n"), "/actor/russia> <https://conflictkg.org/ns#brokers> <https://conflictkg.org/id/agreement/ceasefire> <https://conflictkg.org/id/article/b/sentence/1>") {
		t.Errorf("removing a took b's facts with it")
	}
	var errb bytes.Buffer
	if err := Run(context.Background(), []string{"--db", db, "--remove", "nope"}, &bytes.Buffer{}, &errb); !errors.Is(err, errReported) {
		t.Errorf("--remove of a missing article: err = %v, want errReported", err)
	}
}

func TestDryRun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	out, _ := mustRun(t, "--db", db, "--dry-run", filepath.Join(examples, "rebels-and-is-agree-truce-south-damascus.txt"))
	if _, err := os.Stat(db); err == nil {
		t.Errorf("--dry-run created the store")
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 {
		t.Fatalf("dry run wrote %d lines, want at least 2:\n%s", len(lines), out)
	}
	var f factJSON
	if err := json.Unmarshal([]byte(lines[0]), &f); err != nil {
		t.Fatal(err)
	}
	want := factJSON{
		Article: "rebels-and-is-agree-truce-south-damascus", Sentence: 0,
		SentenceText: "Rebels, IS agree to truce in south Damascus", SentenceStart: 12, SentenceEnd: 55,
		Subject:    entJSON{"Rebels", "https://conflictkg.org/id/actor/rebels", "ArmedGroup", 12, 18},
		Relation:   spanJSON{"agree to", 23, 31},
		Predicate:  "https://conflictkg.org/ns#agreesTo",
		Object:     entJSON{"truce", "https://conflictkg.org/id/agreement/ceasefire", "Ceasefire", 32, 37},
		Confidence: 0.9, Rule: "active", Date: "2015-10-04",
	}
	if d := cmp.Diff(want, f); d != "" {
		t.Errorf("first fact (-want +got):\n%s", d)
	}
}

// TestDryRunDatePrecision checks that --dry-run writes a date to the
// precision it is known to, as the quads type it, and not a month or a
// year as its first day.
func TestDryRunDatePrecision(t *testing.T) {
	p := filepath.Join(t.TempDir(), "dates.jsonl")
	text := "Russia brokered a truce in March 2016.\\nIn 2014, Russia brokered a truce.\\nOn 3 March 2016, Russia brokered a truce.\\nRussia brokered a truce."
	if err := os.WriteFile(p, []byte(`{"id":"d","date":"2016-05-01","text":"`+text+`"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := mustRun(t, "--dry-run", p)
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var f factJSON
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatal(err)
		}
		got = append(got, f.Date)
	}
	want := []string{"2016-03", "2014", "2016-03-03", "2016-05-01"} // the last is undated: the publication day
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("dates of the facts (-want +got):\n%s", d)
	}
}

func TestFactDate(t *testing.T) {
	d := time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		t    time.Time
		p    triples.Precision
		want string
	}{
		{d, triples.DateDay, "2016-03-01"},
		{d, triples.DateMonth, "2016-03"},
		{time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), triples.DateYear, "2016"},
		{d, triples.DateNone, "2016-03-01"}, // a day, as dateLiteral takes it
		{time.Time{}, triples.DateNone, ""},
	} {
		if got := factDate(tt.t, tt.p); got != tt.want {
			t.Errorf("factDate(%v, %v) = %q, want %q", tt.t, tt.p, got, tt.want)
		}
	}
}

// TestBadInput feeds every kind of bad input beside a good article: one
// line per problem, the good article still loaded, whole articles only.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"good.txt":   []byte("Rebels, IS agree to truce in south Damascus\n"),
		"empty.txt":  nil,
		"binary.txt": {0x7f, 'E', 'L', 'F', 0, 0, 1, 2},
		"latin1.txt": []byte("Jaish al-Islam d\xe9nies the truce\n"),
		"paper.pdf":  []byte("%PDF-1.4"),
		"mixed.jsonl": []byte("{\"id\":\"ok\",\"text\":\"Russia brokered a truce.\"}\n{\"id\":\"broken\",\"text\":\n{\"id\":\"nul\",\"text\":\"a\x00b\"}\n" +
			"{\"id\":\"ok\",\"text\":\"Russia brokered a truce.\"}\n{\"id\":\"ok\",\"text\":\"Another text.\"}\n"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"--db", filepath.Join(dir, "kg.db")}
	for _, n := range []string{"good.txt", "empty.txt", "binary.txt", "latin1.txt", "paper.pdf", "missing.txt", "mixed.jsonl"} {
		args = append(args, filepath.Join(dir, n))
	}
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, &out, &errb)
	if !errors.Is(err, errReported) {
		t.Fatalf("err = %v, want errReported (exit 2)", err)
	}
	var problems []string
	for _, l := range strings.Split(strings.TrimSpace(errb.String()), "\n") {
		if !strings.HasPrefix(l, "kgbuild: ") {
			problems = append(problems, strings.TrimPrefix(l, dir+string(filepath.Separator)))
		}
	}
	wantPrefixes := []string{"empty.txt: ", "binary.txt:1: ", "latin1.txt:1: ", "paper.pdf: ", "missing.txt: ", "mixed.jsonl:2: ", "mixed.jsonl:3: ", "mixed.jsonl:5: article id ok was already read at "}
	if len(problems) != len(wantPrefixes) {
		t.Fatalf("got %d problem lines, want %d:\n%s", len(problems), len(wantPrefixes), strings.Join(problems, "\n"))
	}
	for i, p := range wantPrefixes {
		if !strings.HasPrefix(problems[i], p) {
			t.Errorf("problem %d = %q, want it to start with %q", i, problems[i], p)
		}
	}
	if !strings.Contains(errb.String(), "2 articles (0 unchanged, 1 repeated in the input)") {
		t.Errorf("summary: %q, want the 2 good articles loaded", errb.String())
	}
	graph := strings.Join(storeNQuads(t, filepath.Join(dir, "kg.db")), "\n")
	for _, id := range []string{"good", "ok"} {
		if !strings.Contains(graph, "/article/"+id+"> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>") {
			t.Errorf("good article %s not loaded", id)
		}
	}
	for _, id := range []string{"empty", "binary", "latin1", "broken", "nul"} {
		if strings.Contains(graph, "/article/"+id+">") {
			t.Errorf("bad input %s left quads in the graph", id)
		}
	}
}

func TestFlags(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no input", nil, "no input"},
		{"unknown flag", []string{"--frobnicate", "x"}, "unknown flag: --frobnicate"},
		{"bad format", []string{"--format", "pdf", "x"}, "--format"},
		{"bad base", []string{"--base", "kg/", "x"}, "absolute IRI"},
		{"lines with csv", []string{"--lines", "--format", "csv", "x"}, "--lines"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := Run(context.Background(), tt.args, &bytes.Buffer{}, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run(%q) = %v, want an error mentioning %q", tt.args, err, tt.want)
			}
		})
	}
	var errb bytes.Buffer
	if err := Run(context.Background(), []string{"--help"}, &bytes.Buffer{}, &errb); err != nil || !strings.Contains(errb.String(), "Usage:") {
		t.Errorf("--help: err = %v, output %q", err, errb.String())
	}
}

// TestStdinAndLines reads JSON Lines from standard input and text with --lines.
func TestStdinAndLines(t *testing.T) {
	dir := t.TempDir()
	stdin = strings.NewReader("{\"id\":\"x1\",\"title\":\"Russia brokers truce\",\"text\":\"Russia brokered a truce.\"}\n")
	defer func() { stdin = os.Stdin }()
	out, _ := mustRun(t, "--db", filepath.Join(dir, "kg.db"), "--format", "jsonl", "--dry-run", "-")
	if !strings.Contains(out, `"article":"x1"`) || !strings.Contains(out, "#brokers") {
		t.Errorf("stdin JSONL dry run = %q", out)
	}
	p := filepath.Join(dir, "s.txt")
	os.WriteFile(p, []byte("Russia brokered a truce.\nHezbollah attacked Douma.\n"), 0o644)
	out, _ = mustRun(t, "--dry-run", "--lines", p)
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("--lines: %d facts, want 2:\n%s", n, out)
	}
}

// TestDefinitions checks the vocabulary, gazetteer and lexicon graphs: what
// they say, that a build with --gazetteer and --lexicon files replaces
// them, and that a build without the files puts the built-in ones back.
func TestDefinitions(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	mustRun(t, "--db", db, "-q", filepath.Join(examples, "jaish-al-islam-refutes-ceasefire.txt"))
	const id, ns, rdfs = "<https://conflictkg.org/id/", "<https://conflictkg.org/ns#", "<http://www.w3.org/2000/01/rdf-schema#"
	builtIn := []string{
		ns + "denies> " + ns + "plover> \"REJECT\" " + ns + "schema> .",
		ns + "shells> " + rdfs + "subPropertyOf> " + ns + "attacks> " + ns + "schema> .",
		id + "actor/mohammed-alloush> " + ns + "memberOf> " + id + "actor/jaish-al-islam> " + id + "gazetteer> .",
		id + "actor/jaish-al-islam> " + ns + "alias> \"جيش الإسلام\"@ar " + id + "gazetteer> .",
		id + "lexicon/verb/agree-to> " + ns + "expresses> " + ns + "agreesTo> " + id + "lexicon> .",
	}
	has := func(lines []string, want string) bool { return slices.Contains(lines, want) }
	lines := storeNQuads(t, db)
	for _, want := range builtIn {
		if !has(lines, want) {
			t.Errorf("graph lacks %s", want)
		}
	}

	gaz := filepath.Join(dir, "extra.tsv")
	lex := filepath.Join(dir, "extra-lexicon.tsv")
	os.WriteFile(gaz, []byte("# local groups\nliwa-al-tawhid\tArmedGroup\tLiwa al-Tawhid\tTawhid Brigade\t\tAleppo group founded in 2012.\njaish-al-islam\tArmedGroup\tJaish al-Islam\tJaish al-Islam Brigades\n"), 0o644)
	os.WriteFile(lex, []byte("shun\trejects\tverb\n"), 0o644)
	mustRun(t, "--db", db, "-q", "--gazetteer", gaz, "--lexicon", lex, filepath.Join(examples, "jaish-al-islam-refutes-ceasefire.txt"))
	extra := []string{
		id + "actor/liwa-al-tawhid> " + rdfs + "comment> \"Aleppo group founded in 2012.\" " + id + "gazetteer> .",
		id + "actor/jaish-al-islam> " + ns + "alias> \"Jaish al-Islam Brigades\" " + id + "gazetteer> .",
		id + "lexicon/verb/shun> " + ns + "expresses> " + ns + "rejects> " + id + "lexicon> .",
	}
	lines = storeNQuads(t, db)
	for _, want := range append(extra, builtIn...) {
		if !has(lines, want) {
			t.Errorf("with the extra files, graph lacks %s", want)
		}
	}

	mustRun(t, "--db", db, "-q", filepath.Join(examples, "jaish-al-islam-refutes-ceasefire.txt"))
	lines = storeNQuads(t, db)
	for _, q := range extra {
		if has(lines, q) {
			t.Errorf("without the extra files, graph still has %s", q)
		}
	}
	for _, want := range builtIn {
		if !has(lines, want) {
			t.Errorf("rebuilt graph lacks %s", want)
		}
	}
}

// TestBadDefinitionFiles checks that a malformed --gazetteer or --lexicon
// entry is reported as file:line and that nothing is built.
func TestBadDefinitionFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("# ok so far\nfoo\tArmedGroup\tFoo Brigade\n\nbar\tRebels\tBar\n"), 0o644)
	badLex := filepath.Join(dir, "bad-lexicon.tsv")
	os.WriteFile(badLex, []byte("shun\trejects\tverb\nfrob\tfrobs\tverb\n"), 0o644)
	for _, tt := range []struct {
		flag, file, want string
	}{
		{"--gazetteer", bad, bad + `:4: unknown type "Rebels"`},
		{"--lexicon", badLex, badLex + `:2: unknown predicate "frobs"`},
		{"--gazetteer", filepath.Join(dir, "missing.tsv"), "missing.tsv: no such file"},
	} {
		db := filepath.Join(dir, "kg-"+strings.TrimPrefix(tt.flag, "--")+".db")
		var out, errb bytes.Buffer
		err := Run(context.Background(), []string{"--db", db, tt.flag, tt.file, examples}, &out, &errb)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %s: err = %v, want %q", tt.flag, tt.file, err, tt.want)
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("%s %s: a store was created", tt.flag, tt.file)
		}
	}
}

// TestSpellingsOneNode builds articles that spell the same actors in
// different ways and checks that the graph has one node for each, and
// separate nodes for look-alikes.
func TestSpellingsOneNode(t *testing.T) {
	dir := t.TempDir()
	articles := []string{
		"Jaysh al-Islam and U.S. officials\n\nJaysh-al-Islam met U.S. envoys. Muhammad Allouch said the regime shelled Douma. ISIS fighters withdrew.",
		"Jaish al Islam and Washington\n\nJaish al-Islam spokesman Mohamad Aloush said Assad forces attacked Harasta. Washington condemned the Islamic State.",
		"Jeish al-Islam and the United States\n\nMohammed Alloush of Jeish al-Islam thanked the United States. The Syrian government blamed IS. Zahran Alloush was killed in 2015.",
		"Other armies\n\nJaish al-Fatah and Jaish Khalid bin Walid fought in Daraa.",
	}
	for i, a := range articles {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(a), 0o644)
	}
	db := filepath.Join(dir, "kg.db")
	mustRun(t, "--db", db, "-q", dir)
	mentioned := map[string]bool{}
	for _, l := range storeNQuads(t, db) {
		if f := strings.Fields(l); len(f) == 5 && f[1] == "<https://conflictkg.org/ns#mentions>" {
			mentioned[strings.TrimSuffix(strings.TrimPrefix(f[2], "<https://conflictkg.org/id/"), ">")] = true
		}
	}
	for _, want := range []string{
		"actor/jaish-al-islam", "actor/mohammed-alloush", "actor/zahran-alloush", "actor/islamic-state",
		"actor/united-states", "actor/syrian-government", "actor/jaish-al-fatah", "actor/jaish-khalid-bin-walid",
	} {
		if !mentioned[want] {
			t.Errorf("no article mentions %s", want)
		}
		delete(mentioned, want)
	}
	// Whatever else is mentioned must not be another node for the same actors.
	for m := range mentioned {
		for _, stem := range []string{"jaish", "jaysh", "jeish", "alloush", "allouch", "aloush", "isis", "islamic", "washington", "regime", "assad-forces"} {
			if strings.Contains(m, stem) {
				t.Errorf("extra node %s: a spelling was not merged", m)
			}
		}
	}
}

// TestActorsReport checks the --actors table: counts, how names matched,
// spellings, and that nothing is written.
func TestActorsReport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	out, _ := mustRun(t, "--db", db, "--actors", "--top", "5", examples)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2+5+2 || !strings.HasPrefix(lines[0], "| #") {
		t.Fatalf("want a header, 5 rows and a total:\n%s", out)
	}
	for _, want := range []string{
		"| Jaish al-Islam (`jaish-al-islam`)", "ArmedGroup", "Jaysh al-Islam 3",
		"| Syrian government (`syrian-government`)", "the regime 9",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`\n\d+ entities, \d+ mentions — gazetteer \d+ \(\d+\.\d%\), new \d+`).MatchString(out) {
		t.Errorf("no total line:\n%s", out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("--actors created a store")
	}
	var errb bytes.Buffer
	if err := Run(context.Background(), []string{"--actors", "--dry-run", examples}, io.Discard, &errb); err == nil {
		t.Error("--actors with --dry-run: no error")
	}
}

// fakesDev is the FA-KES development corpus, read when present.
const fakesDev = "../../../shared/corpora/fakes-dev.csv"

// writeCorpus writes a CSV of n synthetic articles to path, built from a
// fixed seed out of actors, verbs and targets that the gazetteer and the
// lexicon know, with a repeated article, a conflicting id and bad records
// among them.
func writeCorpus(tb testing.TB, path string, n int) {
	tb.Helper()
	actors := []string{"Jaish al-Islam", "The regime", "Russia", "Hezbollah", "Rebels", "IS", "The United States", "Turkey", "Ahrar al-Sham", "The Free Syrian Army", "Jaysh-al-Islam", "Mohammed Alloush"}
	verbs := []string{"attacked", "shelled", "denied", "agreed to", "brokered", "condemned", "negotiated with", "captured", "withdrew from", "did not attack", "reportedly violated"}
	objects := []string{"Douma", "Daraa", "the ceasefire", "the truce", "Aleppo", "Idlib", "the talks", "Russia", "the rebels", "Harasta", "the de-escalation deal"}
	tail := []string{"", " on Friday", ", the group said", ", activists said", " despite the truce"}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"unit_id", "article_title", "article_content", "source", "date"})
	var rows [][]string
	for i := range n {
		title := pick(actors) + " " + pick(verbs) + " " + pick(objects)
		var text strings.Builder
		for range 2 + r.IntN(8) {
			text.WriteString(pick(actors) + " " + pick(verbs) + " " + pick(objects) + pick(tail) + ". ")
			if r.IntN(3) == 0 {
				text.WriteString("It " + pick(verbs) + " " + pick(objects) + ". ")
			}
			if r.IntN(5) == 0 {
				text.WriteString("\n\n")
			}
		}
		rows = append(rows, []string{fmt.Sprint(1000 + i), title, text.String(), "synthetic", fmt.Sprintf("%d/%d/2017", 1+i%12, 1+i%28)})
	}
	for _, bad := range []struct {
		at  int
		row []string
	}{
		{10, rows[3]}, // the same article again
		{20, []string{rows[5][0], "Another title", "Russia attacked Daraa.", "synthetic", "1/1/2017"}}, // another text under its id
		{30, []string{"bad-utf8", "Broken", "Russia attacked \xffDaraa.", "synthetic", "1/1/2017"}},
		{40, []string{"nul", "Broken", "Russia attacked\x00 Daraa.", "synthetic", "1/1/2017"}},
		{50, []string{"empty", "Empty", "", "synthetic", "1/1/2017"}},
		{60, []string{"bad-date", "Dated", "Russia attacked Daraa.", "synthetic", "yesterday-ish"}},
	} {
		rows = slices.Insert(rows, min(bad.at, len(rows)), bad.row)
	}
	w.WriteAll(rows)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// storeDump returns the store's quads as N-Quads in the store's own order,
// which depends on the order the articles were loaded in.
func storeDump(tb testing.TB, db string) string {
	tb.Helper()
	var b strings.Builder
	for _, q := range storeQuads(tb, db) {
		b.WriteString(q.NQuad() + "\n")
	}
	return b.String()
}

// elapsed matches the time at the end of the summary line.
var elapsed = regexp.MustCompile(`(?m)(problems), [0-9.]+[nµm]?s$`)

// runOutput is what one kgbuild run showed.
type runOutput struct {
	Stdout, Stderr, Both, Err, Store string
}

// TestJobsSameOutput builds the same inputs, good and bad, with one and
// with four extracting goroutines and checks that everything the user sees
// is the same: standard output, standard error, both interleaved, the
// error, and the store, quad by quad in the store's order.
func TestJobsSameOutput(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.csv")
	writeCorpus(t, corpus, 300)
	bad := filepath.Join(dir, "bad")
	os.Mkdir(bad, 0o755)
	for name, b := range map[string][]byte{
		"binary.txt":  {0x7f, 'E', 'L', 'F', 0, 0, 1, 2},
		"empty.txt":   nil,
		"latin1.txt":  []byte("Jaish al-Islam d\xe9nies the truce\n"),
		"paper.pdf":   []byte("%PDF-1.4"),
		"good.txt":    []byte("Rebels, IS agree to truce in south Damascus\n"),
		"mixed.jsonl": []byte("{\"id\":\"ok\",\"text\":\"Russia brokered a truce.\"}\n{\"id\":\"broken\",\"text\":\n{\"id\":\"ok\",\"text\":\"Russia brokered a truce.\"}\n{\"id\":\"ok\",\"text\":\"Another text.\"}\n"),
		"cut.csv":     []byte("unit_id,article_title,article_content\n1,First,\"Russia attacked Daraa.\"\n2,Second,\"Hezbollah shelled Douma\n"),
	} {
		if err := os.WriteFile(filepath.Join(bad, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Each article is a transaction with a sync to disk: loading a smaller
	// corpus keeps the test quick.
	small := filepath.Join(dir, "small.csv")
	writeCorpus(t, small, 40)
	inputs := func(corpus string) []string {
		return []string{examples, corpus, bad, filepath.Join(dir, "missing.txt"), filepath.Join(bad, "paper.pdf"), corpus}
	}
	run := func(jobs string, args ...string) runOutput {
		var out, errb, both bytes.Buffer
		err := Run(context.Background(), append([]string{"--jobs", jobs}, args...), io.MultiWriter(&out, &both), io.MultiWriter(&errb, &both))
		return runOutput{Stdout: out.String(), Stderr: elapsed.ReplaceAllString(errb.String(), "$1, TIME"), Both: elapsed.ReplaceAllString(both.String(), "$1, TIME"), Err: fmt.Sprint(err)}
	}
	type mode struct {
		name  string
		args  []string
		store bool // load a store, compare it, and build again
	}
	modes := []mode{
		{"dry run", append([]string{"--dry-run"}, inputs(corpus)...), false},
		{"actors", append([]string{"--actors", "--top", "0"}, inputs(corpus)...), false},
		{"store", inputs(small), true},
	}
	if _, err := os.Stat(fakesDev); err == nil {
		modes = append(modes, mode{"FA-KES dry run", []string{"--dry-run", fakesDev}, false})
	}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			var outs []runOutput
			for _, jobs := range []string{"1", "4"} {
				args := m.args
				db := filepath.Join(t.TempDir(), "kg.db")
				if m.store {
					args = append([]string{"--db", db}, args...)
				}
				o := run(jobs, args...)
				if m.store {
					o.Store = storeDump(t, db)
					again := run(jobs, args...) // everything unchanged
					o.Stdout += again.Stdout
					o.Stderr += again.Stderr
					o.Both += again.Both
					o.Err += " " + again.Err
				}
				outs = append(outs, o)
			}
			if outs[0].Stdout == "" && outs[0].Store == "" || outs[0].Stderr == "" {
				t.Fatalf("--jobs 1 wrote nothing: %+v", outs[0])
			}
			if d := cmp.Diff(outs[0], outs[1]); d != "" {
				t.Errorf("--jobs 1 and --jobs 4 differ (-1 +4):\n%s", d)
			}
		})
	}
}

// TestJobsCancel cancels parallel builds at different points and checks
// that Run returns context.Canceled and leaves no goroutine behind.
func TestJobsCancel(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.csv")
	writeCorpus(t, corpus, 300)
	before := runtime.NumGoroutine()
	for _, after := range []int{0, 1, 10, 100} {
		t.Run(fmt.Sprint(after), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if after == 0 {
				cancel()
			}
			// Cancel once the loader has written after facts.
			w := writerFunc(func(p []byte) (int, error) {
				if after--; after == 0 {
					cancel()
				}
				return len(p), nil
			})
			err := Run(ctx, []string{"--jobs", "4", "--dry-run", corpus, corpus}, w, io.Discard)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
		})
	}
	for i := 0; runtime.NumGoroutine() > before; i++ {
		if i == 100 {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines left running, %d before:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestJobsFlag(t *testing.T) {
	for _, tt := range []struct {
		name, jobs, want string
	}{
		{"negative", "-1", "--jobs -1: want a number of goroutines"},
		{"not a number", "many", `invalid argument "many"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := Run(context.Background(), []string{"--jobs", tt.jobs, examples}, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("--jobs %s: err = %v, want %q", tt.jobs, err, tt.want)
			}
		})
	}
	// 0 is one goroutine per CPU.
	out, _ := mustRun(t, "--jobs", "0", "--dry-run", examples)
	if want, _ := mustRun(t, "--jobs", "1", "--dry-run", examples); out != want {
		t.Errorf("--jobs 0 and --jobs 1 wrote different facts")
	}
}
