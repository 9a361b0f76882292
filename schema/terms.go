package schema

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/conflictkg/kg/schema/internal/vocab"
)

// Vocabulary is the kg vocabulary as JSON-LD (RDFS, in the named graph
// [SchemaGraph]): the source of vocabulary.go and of README.md's tables.
//
//go:embed vocabulary.jsonld
var Vocabulary []byte

// ClassInfo describes one class of the vocabulary.
type ClassInfo struct {
	IRI     string // short IRI, e.g. "kg:ArmedGroup"
	Label   string // "armed group"
	Parent  string // short IRI of the superclass, or ""
	Comment string
}

// PredicateInfo describes one predicate that facts use.
type PredicateInfo struct {
	IRI        string   // short IRI, e.g. "kg:denies"
	Label      string   // human-readable name, e.g. "denies"
	Comment    string   // one-sentence definition
	Domain     string   // class of subjects, short IRI
	Range      string   // class of objects, short IRI
	Parent     string   // the predicate this one specialises (shells: attacks), or ""
	CAMEO      []string // CAMEO 2.0 event codes
	PLOVER     string   // PLOVER event category, or ""
	CodingNote string   // why CAMEO or PLOVER coding is missing, if it is
	Symmetric  bool     // S p O implies O p S
	Inverse    string   // short IRI of the inverse predicate, or ""
}

// Classes returns every class of the vocabulary in definition order.
// The slice is shared; callers must not modify it.
func Classes() []ClassInfo { return classes }

// Predicates returns every predicate of facts in definition order.
// The slice is shared; callers must not modify it.
func Predicates() []PredicateInfo { return predicates }

var predicateIndex = func() map[string]int {
	idx := make(map[string]int, 3*len(predicates))
	for i, p := range predicates {
		idx[strings.ToLower(p.IRI)] = i
		idx[strings.ToLower(strings.TrimPrefix(p.IRI, Prefix))] = i
		idx[strings.ToLower(p.Label)] = i
	}
	return idx
}()

// LookupPredicate returns the predicate with the given short IRI ("kg:denies"),
// full IRI, local name ("denies") or label ("agrees to"), in any case.
func LookupPredicate(name string) (PredicateInfo, bool) {
	i, ok := predicateIndex[strings.ToLower(strings.TrimPrefix(name, NS))]
	if !ok {
		return PredicateInfo{}, false
	}
	return predicates[i], true
}

var classParent = func() map[string]string {
	m := make(map[string]string, len(classes))
	for _, c := range classes {
		m[c.IRI] = c.Parent
	}
	return m
}()

// IsA reports whether class is ancestor or one of its subclasses.
func IsA(class, ancestor string) bool {
	for c := class; c != ""; c = classParent[c] {
		if c == ancestor {
			return true
		}
	}
	return false
}

// LookupClass returns the short IRI of the class with the given local name
// ("ArmedGroup") or short IRI.
func LookupClass(name string) (string, bool) {
	name = Prefix + strings.TrimPrefix(name, Prefix)
	_, ok := classParent[name]
	return name, ok
}

// EntityClasses returns the classes of things facts name: actors, places
// and agreements with their subclasses, in definition order.
func EntityClasses() []string {
	var out []string
	for _, c := range classes {
		if IsA(c.IRI, Actor) || IsA(c.IRI, Location) || IsA(c.IRI, Agreement) {
			out = append(out, c.IRI)
		}
	}
	return out
}

// VocabularyQuads returns the vocabulary as quads in the named graph
// [SchemaGraph], sorted, so that a graph explains its own terms.
var VocabularyQuads = sync.OnceValue(func() []quad.Quad {
	v, err := vocab.Parse(Vocabulary)
	if err != nil {
		panic(err) // the embedded vocabulary is checked by tests
	}
	return v.Quads
})
