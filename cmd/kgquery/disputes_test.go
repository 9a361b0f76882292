package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type disputesDoc struct {
	Disputes []dispute `json:"disputes"`
}

func disputesJSON(t *testing.T, db string, args ...string) (disputesDoc, error) {
	t.Helper()
	out, _, err := run(append([]string{"disputes", "--db", db, "--json"}, args...)...)
	var doc disputesDoc
	if jerr := json.Unmarshal([]byte(out), &doc); jerr != nil {
		t.Fatalf("disputes %v: %v\n%s", args, jerr, out)
	}
	return doc, err
}

// claimOf names a dispute's claim by the ids of its nodes:
// "jaish-al-islam agreesTo ceasefire".
func claimOf(d dispute) string {
	id := func(iri string) string { return iri[strings.LastIndex(iri, "/")+1:] }
	return id(d.Subject.IRI) + " " + d.Predicate[strings.LastIndex(d.Predicate, "#")+1:] + " " + id(d.Object.IRI)
}

// sideOf returns "party: subject predicate object" for each fact of a side,
// with NOT for a negated one.
func sideOf(s []disputeSide) []string {
	var out []string
	for _, f := range s {
		not := ""
		if f.Negated {
			not = "NOT "
		}
		out = append(out, f.Party+": "+f.Subject.Label+" "+not+f.Label+" "+f.Object.Label)
	}
	return out
}

func TestDisputes(t *testing.T) {
	ceasefire := struct{ asserted, denied []string }{
		[]string{
			"Russian Centre for Reconciliation: Russian Centre for Reconciliation reports ceasefire",
			"Russia: Russia reports ceasefire",
			"Russian government: Russian government announces ceasefire",
		},
		[]string{
			"Jaish al-Islam: Jaish al-Islam denies ceasefire",
			"Jaish al-Islam: Jaish al-Islam denies ceasefire",
			"Jaish al-Islam: Jaish al-Islam NOT agrees to ceasefire",
			"Jaish al-Islam: Jaish al-Islam NOT agrees to ceasefire",
			"Jaish al-Islam: Jaish al-Islam denies ceasefire",
			"Jaish al-Islam: Jaish al-Islam denies ceasefire",
		},
	}
	evacuation := struct{ asserted, denied []string }{
		[]string{"the article: Jaish al-Islam agrees to evacuation deal"},
		[]string{"Jaish al-Islam: Jaish al-Islam denies evacuation deal", "Jaish al-Islam: Jaish al-Islam NOT agrees to evacuation deal"},
	}
	for _, tt := range []struct {
		name   string
		args   []string
		claims []string
	}{
		{"all", nil, []string{"jaish-al-islam agreesTo ceasefire", "jaish-al-islam agreesTo evacuation-deal"}},
		{"a party", []string{"moscow"}, []string{"jaish-al-islam agreesTo ceasefire"}},
		{"the claim's object", []string{"evacuation deal"}, []string{"jaish-al-islam agreesTo evacuation-deal"}},
		{"the claim's subject", []string{"Jaysh al-Islam"}, []string{"jaish-al-islam agreesTo ceasefire", "jaish-al-islam agreesTo evacuation-deal"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := disputesJSON(t, graphDB, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			var claims []string
			for _, d := range doc.Disputes {
				claims = append(claims, claimOf(d))
				want := ceasefire
				if d.Object.Label == "evacuation deal" {
					want = evacuation
				}
				if got := sideOf(d.Asserted); strings.Join(got, "\n") != strings.Join(want.asserted, "\n") {
					t.Errorf("%s asserted by\n%s\nwant\n%s", claimOf(d), strings.Join(got, "\n"), strings.Join(want.asserted, "\n"))
				}
				if got := sideOf(d.Denied); strings.Join(got, "\n") != strings.Join(want.denied, "\n") {
					t.Errorf("%s denied by\n%s\nwant\n%s", claimOf(d), strings.Join(got, "\n"), strings.Join(want.denied, "\n"))
				}
				for _, s := range append(d.Asserted, d.Denied...) {
					if s.Evidence.Sentence == "" || s.Evidence.Article == "" {
						t.Errorf("%s: a fact without its sentence: %+v", claimOf(d), s.factRow)
					}
				}
			}
			if strings.Join(claims, "; ") != strings.Join(tt.claims, "; ") {
				t.Errorf("disputed claims %q, want %q", claims, tt.claims)
			}
		})
	}
}

// TestDisputesWindow builds a graph of three articles: a denial, an
// announcement three days earlier and another two months later, and checks
// which announcements --window counts against the denial.
func TestDisputesWindow(t *testing.T) {
	articles := `{"id":"denial","title":"Jaish al-Islam denies truce","date":"2016-03-04","source":"Outlet A","text":"Jaish al-Islam denied on Friday reports that it agreed to a truce with Russia."}
{"id":"claim","title":"Ceasefire agreed","date":"2016-03-01","source":"Outlet B","text":"Russia's defence ministry announced that an agreement to a ceasefire with Jaish al-Islam had been agreed."}
{"id":"late","title":"Ceasefire agreed again","date":"2016-05-01","source":"Outlet C","text":"Russia's defence ministry announced that an agreement to a ceasefire with Jaish al-Islam had been agreed."}
`
	db := buildGraph(t, articles)
	for _, tt := range []struct {
		window   string
		articles string // the articles of the asserting facts
	}{
		{"7", "claim"},
		{"90", "claim late"},
		{"2", ""},
	} {
		doc, err := disputesJSON(t, db, "--window", tt.window)
		if tt.articles == "" {
			checkErr(t, err, ErrNoResults, "no disputed facts")
			continue
		}
		if err != nil || len(doc.Disputes) != 1 || claimOf(doc.Disputes[0]) != "jaish-al-islam agreesTo ceasefire" {
			t.Fatalf("--window %s: %v, %+v; want one dispute over the ceasefire", tt.window, err, doc.Disputes)
		}
		seen := map[string]bool{}
		var got []string
		for _, a := range doc.Disputes[0].Asserted {
			id := articleIDOf(a.Evidence.Article)
			if !seen[id] {
				seen[id] = true
				got = append(got, id)
			}
			if a.Party == "" || a.Party == "Jaish al-Islam" || a.Label != "announces" {
				t.Errorf("--window %s: asserting fact %q by %q", tt.window, a.Label, a.Party)
			}
		}
		if strings.Join(got, " ") != tt.articles {
			t.Errorf("--window %s: asserted in %q, want %q", tt.window, got, tt.articles)
		}
	}
}

// buildGraph builds a graph of articles given as JSON Lines with kgbuild.
func buildGraph(t *testing.T, articles string) string {
	t.Helper()
	dir := t.TempDir()
	in, db := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "kg.db")
	if err := os.WriteFile(in, []byte(articles), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(filepath.Join(bin, "kgbuild"), "--db", db, in).CombinedOutput(); err != nil {
		t.Fatalf("kgbuild: %v\n%s", err, out)
	}
	return db
}

// TestDisputesSameParty checks that an article contradicting itself is no
// dispute, and that another outlet's report makes one.
func TestDisputesSameParty(t *testing.T) {
	self := `{"id":"self","title":"Talks in Harasta","date":"2018-03-20","source":"Outlet D","text":"Ahrar al-Sham agreed to the evacuation deal on Monday. On Tuesday Ahrar al-Sham did not agree to the evacuation deal."}
`
	other := `{"id":"other","title":"Talks in Harasta","date":"2018-03-22","source":"Outlet E","text":"Ahrar al-Sham agreed to the evacuation deal on Monday."}
`
	_, err := disputesJSON(t, buildGraph(t, self))
	checkErr(t, err, ErrNoResults, "no disputed facts")
	doc, err := disputesJSON(t, buildGraph(t, self+other))
	if err != nil || len(doc.Disputes) != 1 {
		t.Fatalf("%v, %+v; want one dispute", err, doc.Disputes)
	}
	d := doc.Disputes[0]
	got := strings.Join(sideOf(d.Asserted), "; ") + " | " + strings.Join(sideOf(d.Denied), "; ")
	want := "Outlet E: Ahrar al-Sham agrees to evacuation deal; Outlet D: Ahrar al-Sham agrees to evacuation deal | Outlet D: Ahrar al-Sham NOT agrees to evacuation deal"
	if got != want {
		t.Errorf("dispute\n%s\nwant\n%s", got, want)
	}
}

func articleIDOf(iri string) string { return iri[strings.LastIndex(iri, "/")+1:] }

func TestDisputesTable(t *testing.T) {
	out, _, err := run("disputes", "--db", graphDB, "Russia")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"1 disputed claim\n",
		"\n1. Jaish al-Islam agrees to ceasefire\n",
		"   asserted (3)\n",
		"by Russian government:",
		"“Russia's defence ministry announced earlier on Friday",
		"   denied (6)\n",
		"Jaish al-Islam NOT agrees to “agreed to” ceasefire",
		"“Jaish al-Islam denied on Friday reports that it agreed to a truce with Russia",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("disputes lacks %q:\n%s", want, out)
		}
	}
}

func TestDisputesErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want error
		text string
	}{
		{"no dispute", []string{"Ahrar al-Sham"}, ErrNoResults, "no disputed facts involving Ahrar al-Sham"},
		{"two names", []string{"Russia", "Jaish al-Islam"}, nil, "want at most one NAME"},
		{"bad window", []string{"--window", "-1"}, nil, "--window -1"},
		{"unknown", []string{"Zorglub Brigade"}, ErrNoResults, "no actor"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(append([]string{"disputes", "--db", graphDB}, tt.args...)...)
			checkErr(t, err, tt.want, tt.text)
		})
	}
}

// TestDisputesRows checks --jsonl and --csv of disputes against --json: a
// row a fact, the asserting ones of a dispute first; and that --offset and
// --limit page over whole disputes in every format.
func TestDisputesRows(t *testing.T) {
	doc, err := disputesJSON(t, graphDB)
	if err != nil || len(doc.Disputes) < 2 {
		t.Fatalf("disputes: %d, %v; the test wants two or more", len(doc.Disputes), err)
	}
	// "dispute claim side party fact negated", built from --json.
	var want []string
	for i, d := range doc.Disputes {
		for _, s := range []struct {
			name  string
			facts []disputeSide
		}{{"asserted", d.Asserted}, {"denied", d.Denied}} {
			for _, f := range s.facts {
				want = append(want, fmt.Sprintf("%d %s %s %s %s %v", i+1, claimOf(d), s.name, f.Party, f.Fact, f.Negated))
			}
		}
	}
	out, _, err := run("disputes", "--db", graphDB, "--jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rows := disputesJSONL(t, out)
	var got []string
	for _, r := range rows {
		d := dispute{Subject: r.Subject, Predicate: r.Predicate, Object: r.Object}
		got = append(got, fmt.Sprintf("%d %s %s %s %s %v", r.Dispute, claimOf(d), r.Side, r.Party, r.Fact, r.Negated))
		if r.Sentence == "" || r.Article == "" || r.FactLabel == "" {
			t.Errorf("row %+v: a fact without its evidence", r)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("--jsonl and --json differ (-json +jsonl):\n%s", d)
	}

	out, _, err = run("disputes", "--db", graphDB, "--csv")
	recs, cerr := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || cerr != nil {
		t.Fatalf("--csv: %v, %v", err, cerr)
	}
	if d := cmp.Diff(disputeColumns, recs[0]); d != "" {
		t.Errorf("CSV header (-want +got):\n%s", d)
	}
	got = nil
	for _, r := range recs[1:] {
		d := dispute{Subject: node{IRI: r[1]}, Predicate: r[3], Object: node{IRI: r[5]}}
		got = append(got, fmt.Sprintf("%s %s %s %s %s %s", r[0], claimOf(d), r[7], r[8], r[9], r[13]))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("--csv and --json differ (-json +csv):\n%s", d)
	}

	// The second dispute whole, in each format.
	out, _, err = run("disputes", "--db", graphDB, "--jsonl", "--offset", "1", "--limit", "1")
	if err != nil {
		t.Fatal(err)
	}
	var second []disputeRow
	for _, r := range rows {
		if r.Dispute == 2 {
			second = append(second, r)
		}
	}
	if d := cmp.Diff(second, disputesJSONL(t, out)); d != "" {
		t.Errorf("--jsonl --offset 1 --limit 1 (-want +got):\n%s", d)
	}
	page, err := disputesJSON(t, graphDB, "--offset", "1", "--limit", "1")
	if err != nil || len(page.Disputes) != 1 || claimOf(page.Disputes[0]) != claimOf(doc.Disputes[1]) {
		t.Errorf("--json --offset 1 --limit 1: %v, %d disputes; want %s", err, len(page.Disputes), claimOf(doc.Disputes[1]))
	}
	out, errOut, err := run("disputes", "--db", graphDB, "--offset", "1", "--limit", "1")
	if err != nil || !strings.Contains(out, "\n2. Jaish al-Islam agrees to evacuation deal\n") || strings.Contains(out, "\n1. ") ||
		!strings.Contains(errOut, "showing 2–2 of") {
		t.Errorf("table --offset 1 --limit 1: %v; want dispute 2. alone and a note on stderr:\n%s%s", err, out, errOut)
	}
}

func disputesJSONL(t *testing.T, out string) []disputeRow {
	t.Helper()
	var rows []disputeRow
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var r disputeRow
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("--jsonl: %v\n%s", err, clip(out, 300))
		}
		rows = append(rows, r)
	}
	return rows
}
