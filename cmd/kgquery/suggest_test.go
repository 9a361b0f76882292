package main

import (
	"errors"
	"strings"
	"testing"
)

func TestNearestNames(t *testing.T) {
	cands := []string{"Jaish al-Islam", "Jaish al-Izza", "Islamic State", "Eastern Ghouta", "Western Ghouta", "Omar Brigade", "negotiates with", "Ahrar al-Sham Islamic Movement"}
	for _, tt := range []struct {
		name  string
		first string // "" for no suggestion
	}{
		{"Jaish al Islm", "Jaish al-Islam"},
		{"jaysh al-islamic", "Jaish al-Islam"}, // through the transliteration key
		{"Eastern Gouta", "Eastern Ghouta"},
		{"negotiate", "negotiates with"},
		{"Ahrar Sham Movement", "Ahrar al-Sham Islamic Movement"},
		{"Zorglub Brigade", ""},
		{"Hezbollah", ""},
		{"", ""},
	} {
		got := nearestNames(tt.name, cands, 3)
		if tt.first == "" && len(got) > 0 || tt.first != "" && (len(got) == 0 || got[0] != `"`+tt.first+`"`) {
			t.Errorf("nearestNames(%q) = %v, want %q first", tt.name, got, tt.first)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"ghouta", "gouta", 1}, {"kitten", "sitting", 3}, {"حلب", "حلبا", 1}} {
		if d := levenshtein([]rune(tt.a), []rune(tt.b)); d != tt.d {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, d, tt.d)
		}
	}
}

// TestDidYouMean asks for names the graph lacks, through every command
// that takes a name.
func TestDidYouMean(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string // suggestions, in the message; none: no "did you mean"
	}{
		{[]string{"relations", "Jaish al-Islamic"}, []string{`"Jaish al-Islam"`}},
		{[]string{"relations", "Eastern Gouta"}, []string{`"Eastern Ghouta"`}},
		{[]string{"relations", "Russian goverment"}, []string{`"Russian government"`}},
		{[]string{"relations", "Ahrar Sham Movement"}, []string{`"Ahrar al-Sham" (as "Ahrar al-Sham Islamic Movement")`}},
		{[]string{"facts", "--object", "Eastern Gouta"}, []string{`"Eastern Ghouta"`}},
		{[]string{"relations", "Zorglub Brigade"}, nil},
	} {
		_, _, err := run(append([]string{tt.args[0], "--db", graphDB}, tt.args[1:]...)...)
		if !errors.Is(err, ErrNoResults) {
			t.Fatalf("%v: err %v, want no results", tt.args, err)
		}
		msg := err.Error()
		if tt.want == nil && strings.Contains(msg, "did you mean") {
			t.Errorf("%v: %s; want no suggestion", tt.args, msg)
		}
		_, after, _ := strings.Cut(msg, "did you mean ")
		for _, w := range tt.want {
			if !strings.HasPrefix(after, w) {
				t.Errorf("%v: %s; want %s first", tt.args, msg, w)
			}
		}
		if n := strings.Count(after, `"`) / 2; n > 6 {
			t.Errorf("%v: too many suggestions: %s", tt.args, msg)
		}
	}
}
