package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWriteList writes one list in every format and page.
func TestWriteList(t *testing.T) {
	type item struct {
		Name string `json:"name"`
		N    int    `json:"n"`
	}
	items := []item{{"Douma", 1}, {"Jaish al-Islam", 2}, {"Russia, the state", 3}}
	for _, tt := range []struct {
		name   string
		out    output
		want   string
		n      int
		stderr string
	}{
		{"table", output{}, "NAME               N\nDouma              1\nJaish al-Islam     2\nRussia, the state  3\n", 3, ""},
		{"json", output{json: true}, `[{"name":"Douma","n":1},{"name":"Jaish al-Islam","n":2},{"name":"Russia, the state","n":3}]`, 3, ""},
		{"jsonl", output{jsonl: true}, "{\"name\":\"Douma\",\"n\":1}\n{\"name\":\"Jaish al-Islam\",\"n\":2}\n{\"name\":\"Russia, the state\",\"n\":3}\n", 3, ""},
		{"csv", output{csv: true}, "name,n\nDouma,1\nJaish al-Islam,2\n\"Russia, the state\",3\n", 3, ""},
		{"limit", output{jsonl: true, limit: 1}, "{\"name\":\"Douma\",\"n\":1}\n", 1, ""},
		{"offset", output{csv: true, offset: 1, limit: 1}, "name,n\nJaish al-Islam,2\n", 1, ""},
		{"offset past the end", output{json: true, offset: 5}, `[]`, 0, ""},
		{"csv of nothing", output{csv: true, offset: 3}, "name,n\n", 0, ""},
		{"table page", output{offset: 1, limit: 1}, "NAME            N\nJaish al-Islam  2\n", 1, "showing 2–2 of 3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			q := &query{output: tt.out, stdout: &out, stderr: &errb}
			n, err := writeList(q, list[item]{
				items:   items,
				columns: []string{"name", "n"},
				row:     func(it item) []string { return []string{it.Name, string(rune('0' + it.N))} },
			})
			if err != nil {
				t.Fatal(err)
			}
			got := out.String()
			if tt.out.json {
				var b bytes.Buffer
				if err := json.Compact(&b, out.Bytes()); err != nil {
					t.Fatalf("--json is not one document: %v\n%s", err, got)
				}
				got = b.String()
			}
			if got != tt.want || n != tt.n {
				t.Errorf("wrote %d:\n%s\nwant %d:\n%s", n, got, tt.n, tt.want)
			}
			if !strings.Contains(errb.String(), tt.stderr) || tt.stderr == "" && errb.Len() > 0 {
				t.Errorf("stderr = %q, want %q", errb.String(), tt.stderr)
			}
		})
	}
}

// TestOutputFlags runs every command with each format and checks that a
// script can read what it writes.
func TestOutputFlags(t *testing.T) {
	for _, args := range [][]string{
		{"relations", "Russia"},
		{"facts", "--subject", "Jaish al-Islam"},
		{"actors"},
		{"stats"},
		{"gizmo", `g.V("<https://conflictkg.org/id/actor/jaish-al-islam>").Out().All()`},
	} {
		t.Run(args[0], func(t *testing.T) {
			base := append([]string{args[0], "--db", graphDB}, args[1:]...)
			out, _, err := run(append(base, "--json")...)
			if err != nil || !json.Valid([]byte(out)) {
				t.Fatalf("--json: err %v, output not one JSON document:\n%s", err, clip(out, 300))
			}
			out, _, err = run(append(base, "--jsonl", "--limit", "3")...)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if err != nil || len(lines) != 3 {
				t.Fatalf("--jsonl --limit 3: err %v, %d lines, want 3:\n%s", err, len(lines), out)
			}
			for _, l := range lines {
				if !json.Valid([]byte(l)) || !strings.HasPrefix(l, "{") {
					t.Errorf("--jsonl line is not a JSON object: %s", l)
				}
			}
			out, _, err = run(append(base, "--csv", "--limit", "3")...)
			recs, cerr := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || cerr != nil || len(recs) != 4 {
				t.Fatalf("--csv --limit 3: err %v, csv %v, %d records, want a header and 3:\n%s", err, cerr, len(recs), out)
			}
			// --offset 1 --limit 1 is the second of the first two.
			two, _, _ := run(append(base, "--jsonl", "--limit", "2")...)
			second, _, err := run(append(base, "--jsonl", "--offset", "1", "--limit", "1")...)
			if err != nil || second != strings.SplitAfter(two, "\n")[1] {
				t.Errorf("--offset 1 --limit 1 = %q (err %v), want the second line of %q", second, err, two)
			}
			out, _, err = run(append(base, "--limit", "1")...)
			if err != nil || out == "" {
				t.Errorf("table: err %v, output %q", err, out)
			}
		})
	}
}

// TestRelationsJSONShape checks that --json of relations is still one
// document with the actor, its affiliations and its facts, paged.
func TestRelationsJSONShape(t *testing.T) {
	all, _, err := run("relations", "--db", graphDB, "--json", "Jaish al-Islam")
	if err != nil {
		t.Fatal(err)
	}
	page, _, err := run("relations", "--db", graphDB, "--json", "--offset", "2", "--limit", "3", "Jaish al-Islam")
	if err != nil {
		t.Fatal(err)
	}
	type doc struct {
		Actor        node              `json:"actor"`
		Affiliations []json.RawMessage `json:"affiliations"`
		Facts        []factRow         `json:"facts"`
	}
	var a, p doc
	if err := json.Unmarshal([]byte(all), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(page), &p); err != nil {
		t.Fatal(err)
	}
	if p.Actor != a.Actor || len(p.Affiliations) != len(a.Affiliations) || len(p.Facts) != 3 || len(a.Facts) < 5 {
		t.Fatalf("paged document: actor %v, %d affiliations, %d facts; want %v, %d, 3", p.Actor, len(p.Affiliations), len(p.Facts), a.Actor, len(a.Affiliations))
	}
	for i, f := range p.Facts {
		if f.Fact != a.Facts[i+2].Fact {
			t.Errorf("page fact %d = %s, want %s", i, f.Fact, a.Facts[i+2].Fact)
		}
	}
	// Past the end the document stays whole, with no facts; the
	// affiliations are results, so the exit status is 0.
	out, _, err := run("relations", "--db", graphDB, "--json", "--offset", "1000", "Jaish al-Islam")
	if err != nil || !strings.Contains(out, `"facts": []`) {
		t.Errorf("--offset past the end: err %v, output %s", err, clip(out, 300))
	}
}

func TestOutputFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"facts", "--json", "--csv"},
		{"actors", "--jsonl", "--json"},
		{"stats", "--limit", "-1"},
		{"relations", "--offset", "-2", "Russia"},
	} {
		_, _, err := run(append([]string{args[0], "--db", graphDB}, args[1:]...)...)
		if err == nil || errors.Is(err, ErrNoResults) {
			t.Errorf("%v: err = %v, want an error", args, err)
		}
	}
}

// TestGroupPage pages over results that take several items each: a page
// holds whole results only.
func TestGroupPage(t *testing.T) {
	// Items are named by their result and place in it: 12 is the second item of result 1.
	items := []int{11, 21, 22, 23, 31, 41, 42}
	for _, tt := range []struct {
		name                string
		offset, limit       int
		want                []int
		first, n, wantTotal int
	}{
		{"all", 0, 0, items, 0, 4, 4},
		{"first result", 0, 1, []int{11}, 0, 1, 4},
		{"two results", 0, 2, []int{11, 21, 22, 23}, 0, 2, 4},
		{"offset", 1, 2, []int{21, 22, 23, 31}, 1, 2, 4},
		{"to the end", 2, 0, []int{31, 41, 42}, 2, 2, 4},
		{"limit past the end", 3, 5, []int{41, 42}, 3, 1, 4},
		{"offset past the end", 4, 1, []int{}, 4, 0, 4},
		{"far past the end", 9, 0, []int{}, 4, 0, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page, first, n, total := groupPage(items, func(i int) int { return i / 10 }, tt.offset, tt.limit)
			if fmt.Sprint(page) != fmt.Sprint(tt.want) || first != tt.first || n != tt.n || total != tt.wantTotal {
				t.Errorf("groupPage(offset %d, limit %d) = %v, %d, %d, %d; want %v, %d, %d, %d",
					tt.offset, tt.limit, page, first, n, total, tt.want, tt.first, tt.n, tt.wantTotal)
			}
		})
	}
}

// TestSentencesPiped checks that a table written to a pipe or file (the
// tests' buffer) holds evidence sentences whole, and that on a terminal
// they are clipped.
func TestSentencesPiped(t *testing.T) {
	for _, args := range [][]string{
		{"relations", "Jaish al-Islam"},
		{"facts", "--subject", "Jaish al-Islam"},
		{"timeline", "Jaish al-Islam"},
		{"between", "Jaish al-Islam", "Russia"},
		{"disputes", "Russia"},
	} {
		t.Run(args[0], func(t *testing.T) {
			out, _, err := run(append([]string{args[0], "--db", graphDB}, args[1:]...)...)
			if err != nil {
				t.Fatal(err)
			}
			long := 0
			for _, m := range quoted.FindAllStringSubmatch(out, -1) {
				if strings.HasSuffix(m[1], "…") {
					t.Errorf("a clipped sentence: %s", m[0])
				}
				if utf8.RuneCountInString(m[1]) > 120 {
					long++
				}
			}
			if long == 0 {
				t.Errorf("no sentence longer than 120 characters in:\n%s", clip(out, 2000))
			}
		})
	}
	long := strings.Repeat("Jaish al-Islam denied reports that it agreed to a truce. ", 5)
	for _, terminal := range []bool{false, true} {
		var b bytes.Buffer
		q := &query{output: output{terminal: terminal}, stdout: &b}
		writeFactTable(q, []factDetail{{factRow: factRow{Date: "2016-03-04", Evidence: evidence{Sentence: long}}}})
		if clipped := strings.Contains(b.String(), "…”"); clipped != terminal {
			t.Errorf("terminal %v: clipped %v:\n%s", terminal, clipped, b.String())
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) || isTerminal(&bytes.Buffer{}) {
		t.Error("isTerminal of a pipe or a buffer is true")
	}
}

var quoted = regexp.MustCompile(`“([^”]*)”`)
