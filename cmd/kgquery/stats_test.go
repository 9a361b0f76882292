package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestStats(t *testing.T) {
	out, _, err := run("stats", "--db", graphDB, "--json", "--top", "0")
	if err != nil {
		t.Fatal(err)
	}
	var s graphStats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	// Each figure against another way of counting it.
	export, _, err := run("export", "--db", graphDB)
	if err != nil {
		t.Fatal(err)
	}
	articles, _ := filepath.Glob("../../examples/*.txt")
	facts, _ := factsJSON(t, graphDB)
	negated, _ := factsJSON(t, graphDB, "--negated")
	actors := actorsJSON(t)
	sentences, byPredicate := map[string]bool{}, map[string]int{}
	dates := period{}
	for _, f := range facts {
		sentences[f.Evidence.IRI] = true
		byPredicate[f.Predicate]++
		if f.Date != "" {
			dates.add(f.Date)
		}
	}
	for _, tt := range []struct {
		name      string
		got, want int
	}{
		{"quads", s.Quads, strings.Count(export, "\n")},
		{"articles", s.Articles, len(articles)},
		{"facts", s.Facts, len(facts)},
		{"negated", s.Negated, len(negated)},
		{"sentences", s.Sentences, len(sentences)},
		{"actors", s.Actors, len(actors)},
		{"predicates", len(s.TopPredicates), len(byPredicate)},
	} {
		if tt.got != tt.want || tt.want == 0 {
			t.Errorf("%s: %d, want %d", tt.name, tt.got, tt.want)
		}
	}
	if s.FactDates != dates || s.Published.First == "" {
		t.Errorf("dates %v, published %v; want %v", s.FactDates, s.Published, dates)
	}
	if s.KnownActors <= s.Actors || s.Places == 0 || s.Agreements == 0 {
		t.Errorf("known actors %d, places %d, agreements %d", s.KnownActors, s.Places, s.Agreements)
	}
	for i, p := range s.TopPredicates {
		if p.Facts != byPredicate[p.Predicate] || i > 0 && s.TopPredicates[i-1].Facts < p.Facts {
			t.Errorf("predicate %s: %d facts (want %d), or out of order", p.Label, p.Facts, byPredicate[p.Predicate])
		}
	}

	out, _, err = run("stats", "--db", graphDB, "--top", "3")
	if err != nil || strings.Count(out, "\npredicate ") != 3 || !strings.Contains(out, "articles ") {
		t.Errorf("stats --top 3 table: err %v\n%s", err, out)
	}
}

func TestStatsMissingStore(t *testing.T) {
	if _, _, err := run("stats", "--db", filepath.Join(t.TempDir(), "none.db")); err == nil || !strings.Contains(err.Error(), "kgbuild") {
		t.Errorf("stats of a missing store: err %v, want the fix", err)
	}
}
