package schema

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/google/go-cmp/cmp"

	"github.com/conflictkg/kg/schema/internal/vocab"
)

// TestGenerated checks that vocabulary.go and README.md's tables are what
// go generate makes of vocabulary.jsonld.
func TestGenerated(t *testing.T) {
	v, err := vocab.Parse(Vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	src, err := v.GoSource()
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("vocabulary.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, src) {
		t.Errorf("vocabulary.go is out of date: run go generate ./schema\n%s", cmp.Diff(string(src), string(have)))
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := vocab.ReplaceTables(string(readme), v.Markdown())
	if err != nil {
		t.Fatal(err)
	}
	if want != string(readme) {
		t.Errorf("README.md's vocabulary tables are out of date: run go generate ./schema\n%s", cmp.Diff(want, string(readme)))
	}
}

func TestVocabulary(t *testing.T) {
	if n := len(Predicates()); n < 40 {
		t.Errorf("%d predicates, want at least 40", n)
	}
	for _, p := range Predicates() {
		if (len(p.CAMEO) == 0 || p.PLOVER == "") && p.CodingNote == "" {
			t.Errorf("%s lacks CAMEO or PLOVER coding and says nothing why", p.IRI)
		}
		if p.Inverse != "" {
			if q, ok := LookupPredicate(p.Inverse); !ok || q.Inverse != p.IRI {
				t.Errorf("%s: inverse %s is not a predicate whose inverse is %[1]s", p.IRI, p.Inverse)
			}
		}
		for _, c := range []string{p.Domain, p.Range} {
			if !IsA(c, Actor) && !IsA(c, Location) && !IsA(c, Agreement) {
				t.Errorf("%s: domain or range %s is not an entity class", p.IRI, c)
			}
		}
	}
	for _, c := range []string{ArmedGroup, Government, StateForce, State, Person, Organization, InternationalOrganization, NGO, MediaOutlet} {
		if !IsA(c, Actor) {
			t.Errorf("%s is not an Actor", c)
		}
	}
	for _, c := range []string{Country, Province, District, City, Region} {
		if !IsA(c, Location) || IsA(c, Actor) {
			t.Errorf("%s is not a Location only", c)
		}
	}
	if c, ok := LookupClass("DeEscalationZone"); !ok || !IsA(c, Agreement) {
		t.Errorf("LookupClass(DeEscalationZone) = %s, %v", c, ok)
	}
	if _, ok := LookupClass("Rebel"); ok {
		t.Error("LookupClass(Rebel) found a class")
	}
}

// TestCAMEOToPLOVER checks each predicate's PLOVER category against the
// CAMEO2PLOVER mapping of its CAMEO codes.
func TestCAMEOToPLOVER(t *testing.T) {
	f, err := os.Open("../../shared/cameo/CAMEO2PLOVER-2021.txt")
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../shared/cameo is not here")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	plover := map[string][]string{} // CAMEO code -> PLOVER categories
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		code, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || strings.HasPrefix(code, "#") || strings.Trim(code, "0123456789") != "" {
			continue
		}
		cat, _, _ := strings.Cut(rest, ",")
		cat, _, _ = strings.Cut(cat, "#")
		plover[code] = append(plover[code], strings.TrimSpace(cat))
	}
	if len(plover) < 200 {
		t.Fatalf("read %d codes from CAMEO2PLOVER, want the whole table", len(plover))
	}
	for _, p := range Predicates() {
		var cats []string
		for _, c := range p.CAMEO {
			cats = append(cats, plover[c]...)
		}
		switch {
		case p.PLOVER == "" && len(cats) > 0:
			t.Errorf("%s: CAMEO %v maps to PLOVER %v, but the predicate has no PLOVER category", p.IRI, p.CAMEO, cats)
		case p.PLOVER != "" && !slices.Contains(cats, p.PLOVER):
			t.Errorf("%s: PLOVER %s, but its CAMEO codes %v map to %v", p.IRI, p.PLOVER, p.CAMEO, cats)
		}
	}
}

func TestLookupPredicate(t *testing.T) {
	for _, name := range []string{"kg:agreesTo", "agreesTo", "agrees to", "AGREES TO", NS + "agreesTo"} {
		if p, ok := LookupPredicate(name); !ok || p.IRI != AgreesTo || p.PLOVER != "AGREE" {
			t.Errorf("LookupPredicate(%q) = %+v, %v", name, p, ok)
		}
	}
	if _, ok := LookupPredicate("frobs"); ok {
		t.Error("LookupPredicate(frobs) found something")
	}
}

// TestVocabularyRoundTrip writes the vocabulary as N-Quads and reads it
// back with the strict N-Quads reader: every IRI absolute, every literal
// intact, all in the schema graph.
func TestVocabularyRoundTrip(t *testing.T) {
	qs := VocabularyQuads()
	var buf bytes.Buffer
	w := nquads.NewWriter(&buf)
	if _, err := w.WriteQuads(qs); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r := nquads.NewReader(&buf, false)
	var back []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading the vocabulary back: %v", err)
		}
		back = append(back, q)
	}
	if diff := cmp.Diff(qs, back); diff != "" {
		t.Errorf("round trip changed the vocabulary:\n%s", diff)
	}
	graph := quad.IRI(SchemaGraph).Full()
	for _, q := range back {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if iri, ok := v.(quad.IRI); ok && !strings.HasPrefix(string(iri), "http") {
				t.Errorf("%s: IRI %s is not absolute", q.NQuad(), iri)
			}
		}
		if q.Label != graph {
			t.Errorf("%s is not in %s", q.NQuad(), graph)
		}
	}
	// Every predicate has its label, domain, range and coding in the graph.
	has := map[string]bool{}
	for _, q := range back {
		has[string(q.Subject.(quad.IRI))+" "+string(q.Predicate.(quad.IRI))] = true
	}
	for _, p := range Predicates() {
		s := string(quad.IRI(p.IRI).Full())
		for _, prop := range []string{"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2000/01/rdf-schema#domain", "http://www.w3.org/2000/01/rdf-schema#range"} {
			if !has[s+" "+prop] {
				t.Errorf("%s has no %s in the graph", p.IRI, prop)
			}
		}
		if !has[s+" "+NS+"cameo"] && !has[s+" "+NS+"codingNote"] {
			t.Errorf("%s has neither kg:cameo nor kg:codingNote in the graph", p.IRI)
		}
	}
}
