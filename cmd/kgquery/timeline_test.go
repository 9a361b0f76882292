package main

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

func TestTimeline(t *testing.T) {
	const base = "https://conflictkg.org/id/actor/"
	for _, tt := range []struct {
		name         string
		args         []string
		actors       []string // who each fact must involve: one of, or both
		since, until string   // the period every fact must overlap
		n            int      // facts; -1: as many as relations finds
		precision    string   // a precision some fact must have
	}{
		{"one actor", []string{"Jaysh al-Islam"}, []string{base + "jaish-al-islam"}, "", "", -1, "day"},
		{"a pair", []string{"Jaish al-Islam", "Russia"}, []string{base + "jaish-al-islam", base + "russia"}, "", "", 2, "day"},
		{"since a month", []string{"--since", "2018-04", "Jaish al-Islam"}, []string{base + "jaish-al-islam"}, "2018-04-01", "", 10, "day"},
		{"until a year", []string{"--until", "2015", "Islamic State"}, []string{base + "islamic-state"}, "", "2015-12-31", 10, "day"},
		{"a month overlaps a day range", []string{"--since", "2016-05-15", "--until", "2016-06", "Yarmouk Martyrs Brigade"}, []string{base + "yarmouk-martyrs-brigade"}, "2016-05-15", "2016-06-31", 1, "month"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(append([]string{"timeline", "--db", graphDB, "--json"}, tt.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Actors []node       `json:"actors"`
				Facts  []factDetail `json:"facts"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			want := tt.n
			if want < 0 {
				want = len(relationsFacts(t, tt.args[0]))
			}
			if len(doc.Facts) != want {
				t.Errorf("%d facts, want %d", len(doc.Facts), want)
			}
			dated := sort.SliceIsSorted(doc.Facts, func(i, j int) bool {
				a, b := doc.Facts[i].Date, doc.Facts[j].Date
				return a != "" && (b == "" || a < b)
			})
			if !dated {
				t.Errorf("facts not in date order, undated last")
			}
			hasPrecision := false
			for _, f := range doc.Facts {
				involves := 0
				for _, a := range tt.actors {
					if f.Subject.IRI == a || f.Object.IRI == a {
						involves++
					}
				}
				if len(tt.actors) == 1 && involves == 0 || len(tt.actors) == 2 && involves < 2 {
					t.Errorf("fact %s %s %s does not involve %v", f.Subject.IRI, f.Label, f.Object.IRI, tt.actors)
				}
				if f.Date != "" && f.DatePrecision == "" || f.Evidence.Sentence == "" {
					t.Errorf("fact %s: date %q without precision, or no sentence", f.Fact, f.Date)
				}
				if tt.since != "" && (f.Date == "" || periodEnd(f.Date) < tt.since) || tt.until != "" && (f.Date == "" || periodStart(f.Date) > tt.until) {
					t.Errorf("fact %s dated %q is outside %s..%s", f.Fact, f.Date, tt.since, tt.until)
				}
				hasPrecision = hasPrecision || f.DatePrecision == tt.precision
			}
			if !hasPrecision {
				t.Errorf("no fact known to the %s", tt.precision)
			}
		})
	}
}

// relationsFacts returns what relations --json finds about a name.
func relationsFacts(t *testing.T, name string) []factRow {
	t.Helper()
	out, _, err := run("relations", "--db", graphDB, "--json", name)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Facts []factRow `json:"facts"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Facts
}

func TestPeriod(t *testing.T) {
	for _, tt := range []struct{ d, start, end string }{
		{"2016", "2016-01-01", "2016-12-31"},
		{"2016-05", "2016-05-01", "2016-05-31"},
		{"2016-05-04", "2016-05-04", "2016-05-04"},
	} {
		if s, e := periodStart(tt.d), periodEnd(tt.d); s != tt.start || e != tt.end {
			t.Errorf("period of %s: %s to %s, want %s to %s", tt.d, s, e, tt.start, tt.end)
		}
	}
}

func TestTimelineTable(t *testing.T) {
	out, _, err := run("timeline", "--db", graphDB, "Yarmouk Martyrs Brigade")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Yarmouk Martyrs Brigade (ArmedGroup): 2 facts, 2016-05 to 2016-05\n",
		"DATE     KNOWN TO",
		"2016-05  month     Yarmouk Martyrs Brigade",
		"-        -         United States            designates as terrorist",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("timeline lacks %q:\n%s", want, out)
		}
	}
}

func TestTimelineErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want error
		text string
	}{
		{"no name", nil, nil, "want NAME or NAME B"},
		{"three names", []string{"a", "b", "c"}, nil, "want NAME or NAME B"},
		{"bad date", []string{"--since", "March 2016", "Russia"}, nil, "--since \"March 2016\""},
		{"empty period", []string{"--until", "2010", "Russia"}, ErrNoResults, "no facts about Russia until 2010"},
		{"unknown", []string{"Zorglub Brigade"}, ErrNoResults, "no actor"},
		{"same actor", []string{"Russia", "Moscow"}, nil, "are both Russia"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(append([]string{"timeline", "--db", graphDB}, tt.args...)...)
			checkErr(t, err, tt.want, tt.text)
		})
	}
}

// TestTimelineFormats checks that timeline pages and writes CSV and JSON
// lines like the list commands, in the same order as --json.
func TestTimelineFormats(t *testing.T) {
	out, _, err := run("timeline", "--db", graphDB, "--json", "Jaish al-Islam")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Facts []factDetail `json:"facts"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Facts) < 4 {
		t.Fatalf("%d facts about Jaish al-Islam, want at least 4", len(doc.Facts))
	}
	csvOut, _, err := run("timeline", "--db", graphDB, "--csv", "--offset", "1", "--limit", "2", "Jaish al-Islam")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(csvOut), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "date,precision,subject,") {
		t.Fatalf("--csv --offset 1 --limit 2: %d lines, want a header and 2 rows:\n%s", len(lines), csvOut)
	}
	for i, line := range lines[1:] {
		if want := shortFactID(doc.Facts[1+i].Fact); !strings.HasSuffix(line, ","+want) {
			t.Errorf("row %d = %q, want fact %s (the --json order)", i+1, line, want)
		}
	}
	jl, _, err := run("timeline", "--db", graphDB, "--jsonl", "--limit", "3", "Jaish al-Islam")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(strings.TrimSpace(jl), "\n") + 1; n != 3 {
		t.Errorf("--jsonl --limit 3: %d lines, want 3", n)
	}
}
