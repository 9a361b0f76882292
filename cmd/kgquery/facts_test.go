package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conflictkg/kg/schema"
)

// factsJSON runs kgquery facts --json with args on db.
func factsJSON(t *testing.T, db string, args ...string) ([]factRow, error) {
	t.Helper()
	out, _, err := run(append([]string{"facts", "--db", db, "--json"}, args...)...)
	var rows []factRow
	if jerr := json.Unmarshal([]byte(out), &rows); jerr != nil {
		t.Fatalf("facts %v: %v\n%s", args, jerr, clip(out, 300))
	}
	return rows, err
}

func predicateInfo(t *testing.T, iri string) schema.PredicateInfo {
	p, ok := schema.LookupPredicate(iri)
	if !ok {
		t.Fatalf("fact with unknown predicate %s", iri)
	}
	return p
}

func TestFactsFilters(t *testing.T) {
	all, err := factsJSON(t, graphDB)
	if err != nil || len(all) < 100 {
		t.Fatalf("facts: %d, err %v; want every fact of the example graph", len(all), err)
	}
	const jai = "https://conflictkg.org/id/actor/jaish-al-islam"
	for _, tt := range []struct {
		name string
		args []string
		min  int                  // at least this many facts
		keep func(r factRow) bool // every fact must pass
	}{
		{"subject and predicate", []string{"--subject", "jaysh al islam", "--predicate", "denies"}, 5,
			func(r factRow) bool { return r.Subject.IRI == jai && r.Label == "denies" }},
		{"object", []string{"--object", "Douma"}, 3,
			func(r factRow) bool { return r.Object.Label == "Douma" }},
		{"predicate with its sub-properties", []string{"--predicate", "attacks"}, 5,
			func(r factRow) bool {
				p := predicateInfo(t, r.Predicate)
				return p.IRI == schema.Attacks || p.Parent == schema.Attacks
			}},
		{"two predicates", []string{"--predicate", "agrees to,kg:denies"}, 10,
			func(r factRow) bool { return r.Label == "agrees to" || r.Label == "denies" }},
		{"CAMEO root", []string{"--predicate", "19"}, 10,
			func(r factRow) bool {
				for _, c := range predicateInfo(t, r.Predicate).CAMEO {
					if strings.HasPrefix(c, "19") {
						return true
					}
				}
				return false
			}},
		{"PLOVER", []string{"--plover", "assault"}, 10,
			func(r factRow) bool { return predicateInfo(t, r.Predicate).PLOVER == "ASSAULT" }},
		{"type with subclasses", []string{"--type", "Government"}, 10,
			func(r factRow) bool { return isA(r.Subject, schema.Government) || isA(r.Object, schema.Government) }},
		{"type by label", []string{"--type", "armed group"}, 10,
			func(r factRow) bool { return r.Subject.Type == "ArmedGroup" || r.Object.Type == "ArmedGroup" }},
		{"month", []string{"--since", "2018-03", "--until", "2018-03"}, 10,
			func(r factRow) bool { return strings.HasPrefix(r.Date, "2018-03") }},
		{"until a year", []string{"--until", "2016"}, 40,
			func(r factRow) bool { return r.Date != "" && r.Date[:4] <= "2016" }},
		{"a year overlaps its months", []string{"--since", "2016-05-10", "--until", "2016-05-20"}, 2,
			func(r factRow) bool { return r.Date == "2016-05" || r.Date == "2016" }},
		{"article", []string{"--article", "jaish-al-islam-refutes-ceasefire"}, 20,
			func(r factRow) bool {
				return strings.HasSuffix(r.Evidence.Article, "/jaish-al-islam-refutes-ceasefire")
			}},
		{"confidence", []string{"--min-confidence", "0.9"}, 5,
			func(r factRow) bool { return r.Confidence >= 0.9 }},
		{"negated", []string{"--negated"}, 2,
			func(r factRow) bool { return r.Negated }},
		{"not negated", []string{"--negated=false"}, 100,
			func(r factRow) bool { return !r.Negated }},
		{"all at once", []string{"--subject", "Jaish al-Islam", "--plover", "REJECT", "--since", "2016", "--article", "jaish-al-islam-refutes-ceasefire", "--min-confidence", "0.7", "--negated=false", "--type", "Agreement"}, 2,
			func(r factRow) bool {
				return r.Subject.IRI == jai && r.Label == "denies" && r.Confidence >= 0.7 && !r.Negated && r.Date >= "2016"
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := factsJSON(t, graphDB, tt.args...)
			if err != nil || len(rows) < tt.min {
				t.Fatalf("facts %v: %d facts, err %v; want at least %d", tt.args, len(rows), err, tt.min)
			}
			if len(rows) == len(all) {
				t.Errorf("facts %v: every fact passes", tt.args)
			}
			for _, r := range rows {
				if !tt.keep(r) || r.Evidence.Sentence == "" {
					t.Errorf("facts %v: %s %s %s (%s, %.2f, negated %v) should not pass", tt.args, r.Subject.Label, r.Label, r.Object.Label, r.Date, r.Confidence, r.Negated)
				}
			}
			// The filter finds every fact that passes it, not some.
			n := 0
			for _, r := range all {
				if tt.keep(r) {
					n++
				}
			}
			if tt.name != "all at once" && n != len(rows) {
				t.Errorf("facts %v: %d facts, but %d of all facts pass", tt.args, len(rows), n)
			}
		})
	}
	neg, _ := factsJSON(t, graphDB, "--negated")
	pos, _ := factsJSON(t, graphDB, "--negated=false")
	if len(neg)+len(pos) != len(all) {
		t.Errorf("--negated %d + --negated=false %d != %d facts", len(neg), len(pos), len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Date < all[i].Date {
			t.Errorf("facts not newest first: %s before %s", all[i-1].Date, all[i].Date)
			break
		}
	}
}

// TestFactsSource builds a graph whose articles name their outlets.
func TestFactsSource(t *testing.T) {
	dir := t.TempDir()
	in, db := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "kg.db")
	err := os.WriteFile(in, []byte(`{"id":"src-a","title":"Jaish al-Islam denies truce","text":"Jaish al-Islam denied on Friday that it agreed to a ceasefire with Russia. Russian warplanes bombed Douma on Saturday.","date":"2016-03-04","source":"Reuters","url":"https://example.org/a"}
{"id":"src-b","title":"Regime shells Douma","text":"Syrian government forces shelled Douma on Sunday. Jaish al-Islam accused Russia of violating the ceasefire.","date":"2016-03-06","source":"Al-Monitor","url":"https://example.org/b"}
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(filepath.Join(bin, "kgbuild"), "--db", db, in).CombinedOutput(); err != nil {
		t.Fatalf("kgbuild: %v\n%s", err, out)
	}
	for _, tt := range []struct{ source, want string }{{"reuters", "Reuters"}, {"al monitor", "Al-Monitor"}, {"AL-MONITOR", "Al-Monitor"}} {
		rows, err := factsJSON(t, db, "--source", tt.source)
		if err != nil || len(rows) < 2 {
			t.Fatalf("--source %s: %d facts, err %v", tt.source, len(rows), err)
		}
		for _, r := range rows {
			if r.Evidence.Source != tt.want {
				t.Errorf("--source %s: fact from %q", tt.source, r.Evidence.Source)
			}
		}
	}
	if _, err := factsJSON(t, db, "--source", "Reut"); !errors.Is(err, ErrNoResults) {
		t.Errorf("--source Reut: err %v, want no results (sources match whole)", err)
	}
}

func TestFactsErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want error
		text string
	}{
		{[]string{"--predicate", "atacks"}, nil, `did you mean "attacks"`},
		{[]string{"--predicate", "999"}, nil, "CAMEO code 999"},
		{[]string{"--plover", "WAR"}, nil, "ASSAULT"},
		{[]string{"--type", "Armed Grp"}, nil, "no class"},
		{[]string{"--since", "2016-13"}, nil, "want a date"},
		{[]string{"--since", "2018", "--until", "2016"}, nil, "after"},
		{[]string{"--min-confidence", "2"}, nil, "0 to 1"},
		{[]string{"Russia"}, nil, "--subject"},
		{[]string{"--subject", "Zorglub Brigade"}, ErrNoResults, "no actor"},
		{[]string{"--article", "nope"}, ErrNoResults, "no article"},
		{[]string{"--subject", "Douma", "--predicate", "denies"}, ErrNoResults, "no facts"},
	} {
		_, _, err := run(append([]string{"facts", "--db", graphDB}, tt.args...)...)
		if err == nil || !strings.Contains(err.Error(), tt.text) {
			t.Errorf("facts %v: err = %v, want it to mention %q", tt.args, err, tt.text)
		}
		if errors.Is(err, ErrNoResults) != (tt.want != nil) {
			t.Errorf("facts %v: err = %v; no results is %v, want %v", tt.args, err, errors.Is(err, ErrNoResults), tt.want != nil)
		}
	}
}

func TestDateBounds(t *testing.T) {
	for _, tt := range []struct{ date, start, end string }{
		{"2016", "2016-01-01", "2016-12-31"},
		{"2016-02", "2016-02-01", "2016-02-31"},
		{"2016-02-29", "2016-02-29", "2016-02-29"},
	} {
		if s, e := dateStart(tt.date), dateEnd(tt.date); s != tt.start || e != tt.end {
			t.Errorf("%s: %s to %s, want %s to %s", tt.date, s, e, tt.start, tt.end)
		}
	}
	for _, bad := range []string{"16", "2016-2", "2016-02-30", "March 2016", "2016-00"} {
		if _, err := dateBound(bad, false); err == nil {
			t.Errorf("dateBound(%q) accepted", bad)
		}
	}
}
