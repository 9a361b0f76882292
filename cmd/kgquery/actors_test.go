package main

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/conflictkg/kg/schema"
)

func actorsJSON(t *testing.T, args ...string) []actorRow {
	t.Helper()
	out, _, err := run(append([]string{"actors", "--db", graphDB, "--json"}, args...)...)
	if err != nil {
		t.Fatalf("actors %v: %v", args, err)
	}
	var rows []actorRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestActors(t *testing.T) {
	rows := actorsJSON(t)
	byLabel := map[string]actorRow{}
	for i, r := range rows {
		byLabel[r.Label] = r
		if !schema.IsA(schema.Prefix+r.Type, schema.Actor) || r.Articles+r.Facts == 0 {
			t.Errorf("actors lists %s (%s, %d articles, %d facts)", r.Label, r.Type, r.Articles, r.Facts)
		}
		if i > 0 && rows[i-1].Facts < r.Facts {
			t.Errorf("not most facts first: %s (%d) before %s (%d)", rows[i-1].Label, rows[i-1].Facts, r.Label, r.Facts)
		}
		if r.First != "" && dateStart(r.First) > dateStart(r.Last) {
			t.Errorf("%s: first date %s after last %s", r.Label, r.First, r.Last)
		}
	}
	jai, ok := byLabel["Jaish al-Islam"]
	if !ok || jai.Type != "ArmedGroup" || jai.Articles != 3 || !slices.Contains(jai.Aliases, "Jaysh al-Islam") {
		t.Fatalf("Jaish al-Islam: %+v; want an ArmedGroup named in 3 articles, also called Jaysh al-Islam", jai)
	}
	if slices.Contains(jai.Aliases, "it") || slices.Contains(jai.Aliases, "Jaish al-Islam") {
		t.Errorf("aliases of Jaish al-Islam hold a pronoun or the label: %v", jai.Aliases)
	}
	if jai.First != "2016-03-04" || jai.Last != "2018-04-08" {
		t.Errorf("Jaish al-Islam seen %s to %s, want 2016-03-04 to 2018-04-08", jai.First, jai.Last)
	}
	// The counts agree with the facts command.
	for _, name := range []string{"Jaish al-Islam", "Russia", "Mohammed Alloush"} {
		subj, _ := factsJSON(t, graphDB, "--subject", name)
		obj, _ := factsJSON(t, graphDB, "--object", name)
		both := 0
		for _, r := range subj {
			if r.Subject.IRI == r.Object.IRI {
				both++
			}
		}
		if got := byLabel[name].Facts; got != len(subj)+len(obj)-both {
			t.Errorf("%s: %d facts, facts --subject/--object find %d", name, got, len(subj)+len(obj)-both)
		}
	}
}

func TestActorsType(t *testing.T) {
	for _, tt := range []struct {
		typ, class, has string
	}{
		{"ArmedGroup", schema.ArmedGroup, "Jaish al-Islam"},
		{"government", schema.Government, "Shabiha"}, // a StateForce
		{"Location", schema.Location, "Douma"},
		{"agreement", schema.Agreement, "ceasefire"},
	} {
		rows := actorsJSON(t, "--type", tt.typ)
		found := false
		for _, r := range rows {
			found = found || r.Label == tt.has
			if !schema.IsA(schema.Prefix+r.Type, tt.class) {
				t.Errorf("--type %s lists %s, a %s", tt.typ, r.Label, r.Type)
			}
		}
		if !found {
			t.Errorf("--type %s lacks %s", tt.typ, tt.has)
		}
	}
	named, all := actorsJSON(t), actorsJSON(t, "--all")
	if len(all) <= len(named) {
		t.Errorf("--all lists %d, without %d; want the gazetteer's too", len(all), len(named))
	}
	out, _, err := run("actors", "--db", graphDB, "--type", "ArmedGroup")
	if err != nil || !strings.HasPrefix(out, "ACTOR ") || !strings.Contains(out, "Jaish al-Islam  ") {
		t.Errorf("table: err %v\n%s", err, clip(out, 400))
	}
	for _, tt := range []struct{ typ, text string }{{"Fact", "actor, place or agreement"}, {"ArmdGroup", `did you mean "ArmedGroup"`}} {
		_, _, err := run("actors", "--db", graphDB, "--type", tt.typ)
		if err == nil || errors.Is(err, ErrNoResults) || !strings.Contains(err.Error(), tt.text) {
			t.Errorf("--type %s: err %v, want an error mentioning %q", tt.typ, err, tt.text)
		}
	}
}
