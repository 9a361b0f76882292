// Package vocab reads the kg vocabulary (schema/vocabulary.jsonld) as RDF
// and writes what is derived from it: the Go constants and tables of
// package schema and the vocabulary tables of schema/README.md. Package
// schema's tests check that those files are what this package makes of the
// JSON-LD, so the JSON-LD is the one place a term is defined.
package vocab

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
)

// NS is the kg namespace; terms are named in it.
const NS = "https://conflictkg.org/ns#"

const rdfsNS = "http://www.w3.org/2000/01/rdf-schema#"

// Well-known namespaces, for short names in messages and tables.
var prefixes = []struct{ short, full string }{
	{"kg:", NS},
	{"rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
	{"rdfs:", "http://www.w3.org/2000/01/rdf-schema#"},
	{"owl:", "http://www.w3.org/2002/07/owl#"},
	{"xsd:", "http://www.w3.org/2001/XMLSchema#"},
}

// Short returns iri with a well-known namespace replaced by its prefix.
func Short(iri string) string {
	for _, p := range prefixes {
		if strings.HasPrefix(iri, p.full) {
			return p.short + iri[len(p.full):]
		}
	}
	return iri
}

// Term kinds.
const (
	Class    = "class"    // an rdfs:Class
	Relation = "relation" // a kg:Relation: a predicate facts use between entities
	Property = "property" // any other rdf:Property: provenance and details
)

// Term is one class or property of the vocabulary.
type Term struct {
	IRI        string // short, "kg:denies"
	Kind       string // Class, Relation or Property
	Label      string
	Comment    string
	Parent     string   // rdfs:subClassOf or rdfs:subPropertyOf, short; "" if none
	Domain     string   // short IRI, "" if none
	Range      string   // short IRI, "" if none
	CAMEO      []string // kg:cameo, sorted
	PLOVER     string   // kg:plover
	CodingNote string   // kg:codingNote: why CAMEO or PLOVER is missing
	Symmetric  bool     // owl:SymmetricProperty
	Inverse    string   // owl:inverseOf, short
}

// Local is the term's name in the kg namespace: "denies".
func (t Term) Local() string { return strings.TrimPrefix(t.IRI, "kg:") }

// Vocabulary is the parsed vocabulary: its terms in the order of the file,
// and its quads in N-Quads order.
type Vocabulary struct {
	Graph string // the named graph the JSON-LD puts its terms in (full IRI)
	Terms []Term
	Quads []quad.Quad
}

// Parse reads the JSON-LD vocabulary and checks it: every term has a label
// and comment, every relation a domain, range and its CAMEO and PLOVER
// coding (or a note on why there is none), and every term it refers to is
// defined.
func Parse(data []byte) (*Vocabulary, error) {
	// JSON-LD to RDF forgets the order of @graph; the order of terms in the
	// file is how the generated code and tables are laid out.
	var doc struct {
		ID    string `json:"@id"`
		Graph []struct {
			ID string `json:"@id"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("vocabulary: %v", err)
	}
	r := jsonld.NewReader(bytes.NewReader(data))
	v := &Vocabulary{}
	for {
		q, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("vocabulary: %v", err)
		}
		v.Quads = append(v.Quads, q)
	}
	if len(v.Quads) == 0 {
		return nil, errors.New("vocabulary: no quads")
	}
	// Every term is rdfs:isDefinedBy the ontology, which lets a store find
	// the vocabulary's quads through its indexes when it must replace them.
	label := v.Quads[0].Label
	for _, n := range doc.Graph {
		if id := expand(n.ID); id != NS {
			v.Quads = append(v.Quads, quad.Quad{Subject: quad.IRI(id), Predicate: quad.IRI(rdfsNS + "isDefinedBy"), Object: quad.IRI(NS), Label: label})
		}
	}
	sort.Slice(v.Quads, func(i, j int) bool { return v.Quads[i].NQuad() < v.Quads[j].NQuad() })
	if g, ok := v.Quads[0].Label.(quad.IRI); ok {
		v.Graph = string(g)
	}
	bySubject := map[string][]quad.Quad{}
	for _, q := range v.Quads {
		if q.Label != quad.IRI(v.Graph) {
			return nil, fmt.Errorf("vocabulary: %s is outside the graph %s", q.NQuad(), v.Graph)
		}
		s := Short(text(q.Subject))
		bySubject[s] = append(bySubject[s], q)
	}
	for _, n := range doc.Graph {
		id := Short(expand(n.ID))
		if id == "kg:" || id == NS {
			continue // the ontology's own description
		}
		t, err := term(id, bySubject[id])
		if err != nil {
			return nil, err
		}
		v.Terms = append(v.Terms, t)
	}
	return v, v.check()
}

// expand turns a compact "kg:x" of the file into a full IRI.
func expand(id string) string {
	for _, p := range prefixes {
		if strings.HasPrefix(id, p.short) {
			return p.full + id[len(p.short):]
		}
	}
	return id
}

func text(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	}
	return quad.StringOf(v)
}

func term(id string, qs []quad.Quad) (Term, error) {
	t := Term{IRI: id}
	if !strings.HasPrefix(id, "kg:") {
		return t, fmt.Errorf("vocabulary: term %s is not in the kg namespace", id)
	}
	var types []string
	for _, q := range qs {
		o := text(q.Object)
		switch Short(text(q.Predicate)) {
		case "rdf:type":
			types = append(types, Short(o))
		case "rdfs:label":
			t.Label = o
		case "rdfs:comment":
			t.Comment = o
		case "rdfs:isDefinedBy":
		case "rdfs:subClassOf", "rdfs:subPropertyOf":
			t.Parent = Short(o)
		case "rdfs:domain":
			t.Domain = Short(o)
		case "rdfs:range":
			t.Range = Short(o)
		case "kg:cameo":
			t.CAMEO = append(t.CAMEO, o)
		case "kg:plover":
			t.PLOVER = o
		case "kg:codingNote":
			t.CodingNote = o
		case "owl:inverseOf":
			t.Inverse = Short(o)
		default:
			return t, fmt.Errorf("vocabulary: %s: unknown property %s", id, Short(text(q.Predicate)))
		}
	}
	sort.Strings(t.CAMEO)
	switch {
	case slices.Contains(types, "rdfs:Class"):
		t.Kind = Class
	case slices.Contains(types, "kg:Relation"):
		t.Kind = Relation
		t.Symmetric = slices.Contains(types, "owl:SymmetricProperty")
	case slices.Contains(types, "rdf:Property"):
		t.Kind = Property
	default:
		return t, fmt.Errorf("vocabulary: %s is neither rdfs:Class nor rdf:Property", id)
	}
	return t, nil
}

func (v *Vocabulary) check() error {
	defined := map[string]Term{}
	for _, t := range v.Terms {
		if _, dup := defined[t.IRI]; dup {
			return fmt.Errorf("vocabulary: %s is defined twice", t.IRI)
		}
		defined[t.IRI] = t
	}
	known := func(iri string) bool {
		_, ok := defined[iri]
		return ok || !strings.HasPrefix(iri, "kg:")
	}
	for _, t := range v.Terms {
		if t.Label == "" || t.Comment == "" {
			return fmt.Errorf("vocabulary: %s needs a label and a comment", t.IRI)
		}
		for _, ref := range []string{t.Parent, t.Domain, t.Range, t.Inverse} {
			if ref != "" && !known(ref) {
				return fmt.Errorf("vocabulary: %s refers to %s, which is not defined", t.IRI, ref)
			}
		}
		if t.Kind != Relation {
			continue
		}
		if t.Domain == "" || t.Range == "" {
			return fmt.Errorf("vocabulary: relation %s needs a domain and a range", t.IRI)
		}
		if (len(t.CAMEO) == 0 || t.PLOVER == "") && t.CodingNote == "" {
			return fmt.Errorf("vocabulary: relation %s needs kg:cameo and kg:plover, or a kg:codingNote saying why not", t.IRI)
		}
		if t.Inverse != "" && defined[t.Inverse].Inverse != t.IRI {
			return fmt.Errorf("vocabulary: %s is the inverse of %s but not the other way round", t.IRI, t.Inverse)
		}
	}
	return nil
}

// GoSource returns the Go file of package schema that declares a constant
// for every term and the tables of classes and predicates.
func (v *Vocabulary) GoSource() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by \"go run ./internal/vocab/gen\" from vocabulary.jsonld; DO NOT EDIT.\n\npackage schema\n")
	for _, group := range []struct{ kind, doc string }{
		{Class, "Classes of entities and of provenance records."},
		{Relation, "Predicates of facts (kg:Relation), with their CAMEO and PLOVER coding in [Predicates]."},
		{Property, "Properties of provenance and detail."},
	} {
		fmt.Fprintf(&b, "\n// %s\nconst (\n", group.doc)
		for _, t := range v.Terms {
			if t.Kind == group.kind {
				fmt.Fprintf(&b, "\t// %s is %s: %s\n\t%s = Prefix + `%s`\n", GoName(t), quote(t.Label), t.Comment, GoName(t), t.Local())
			}
		}
		b.WriteString(")\n")
	}
	b.WriteString("\nvar classes = []ClassInfo{\n")
	for _, t := range v.Terms {
		if t.Kind == Class {
			fmt.Fprintf(&b, "\t{IRI: %s, Label: %q, Parent: %s, Comment: %q},\n", GoName(t), t.Label, goRef(t.Parent), t.Comment)
		}
	}
	b.WriteString("}\n\nvar predicates = []PredicateInfo{\n")
	for _, t := range v.Terms {
		if t.Kind != Relation {
			continue
		}
		fmt.Fprintf(&b, "\t{IRI: %s, Label: %q, Comment: %q, Domain: %s, Range: %s, Parent: %s, CAMEO: %#v, PLOVER: %q, CodingNote: %q, Symmetric: %v, Inverse: %s},\n",
			GoName(t), t.Label, t.Comment, goRef(t.Domain), goRef(t.Range), goRef(t.Parent), t.CAMEO, t.PLOVER, t.CodingNote, t.Symmetric, goRef(t.Inverse))
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

func quote(s string) string { return "“" + s + "”" }

func goRef(short string) string {
	if short == "" {
		return `""`
	}
	if strings.HasPrefix(short, "kg:") {
		return GoName(Term{IRI: short})
	}
	return fmt.Sprintf("%q", short)
}

// initialisms are local names whose Go name is not just capitalised.
var initialisms = map[string]string{"url": "URL", "cameo": "CAMEO", "plover": "PLOVER"}

// GoName is the name of a term's constant: its local name, capitalised.
func GoName(t Term) string {
	l := t.Local()
	if n, ok := initialisms[l]; ok {
		return n
	}
	return strings.ToUpper(l[:1]) + l[1:]
}

// Markdown returns the tables of classes, predicates and properties for schema/README.md.
func (v *Vocabulary) Markdown() string {
	var b strings.Builder
	b.WriteString("### Classes\n\n| class | subclass of | label | meaning |\n|---|---|---|---|\n")
	for _, t := range v.Terms {
		if t.Kind == Class {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", t.IRI, code(t.Parent), t.Label, t.Comment)
		}
	}
	b.WriteString("\n### Predicates of facts\n\n| predicate | label | domain → range | CAMEO | PLOVER | property | meaning |\n|---|---|---|---|---|---|---|\n")
	for _, t := range v.Terms {
		if t.Kind != Relation {
			continue
		}
		var props []string
		if t.Symmetric {
			props = append(props, "symmetric")
		}
		if t.Inverse != "" {
			props = append(props, "inverse of `"+t.Inverse+"`")
		}
		if t.Parent != "" {
			props = append(props, "sub-property of `"+t.Parent+"`")
		}
		cameo, plover := strings.Join(t.CAMEO, ", "), t.PLOVER
		comment := t.Comment
		if t.CodingNote != "" {
			comment += " *" + t.CodingNote + "*"
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` → `%s` | %s | %s | %s | %s |\n", t.IRI, t.Label, t.Domain, t.Range,
			dash(cameo), dash(plover), dash(strings.Join(props, "; ")), comment)
	}
	b.WriteString("\n### Properties of provenance and detail\n\n| property | domain → range | meaning |\n|---|---|---|\n")
	for _, t := range v.Terms {
		if t.Kind == Property {
			fmt.Fprintf(&b, "| `%s` | %s → %s | %s |\n", t.IRI, code(t.Domain), code(t.Range), t.Comment)
		}
	}
	return b.String()
}

func code(s string) string {
	if s == "" {
		return "–"
	}
	return "`" + s + "`"
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// Table markers in README.md: what lies between them is Markdown().
const (
	BeginTable = "<!-- vocabulary tables: generated from vocabulary.jsonld by go generate; do not edit -->\n"
	EndTable   = "<!-- end of vocabulary tables -->\n"
)

// ReplaceTables returns readme with the text between the markers replaced by tables.
func ReplaceTables(readme, tables string) (string, error) {
	i := strings.Index(readme, BeginTable)
	j := strings.Index(readme, EndTable)
	if i < 0 || j < i {
		return "", errors.New("README.md lacks the vocabulary table markers")
	}
	return readme[:i+len(BeginTable)] + "\n" + tables + "\n" + readme[j:], nil
}
