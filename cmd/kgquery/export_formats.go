package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/cayleygraph/quad/voc/rdfs"
	"github.com/cayleygraph/quad/voc/xsd"

	"github.com/conflictkg/kg/schema"
)

// exportFormat is one format kgquery export writes.
type exportFormat struct {
	name string
	ext  []string // file extensions, the first the usual one; each may take .gz
	// rdf formats write the quads themselves; the others draw the actor graph.
	rdf   bool
	graph func(io.Writer, *actorGraph, []graphNode, []graphEdge) error
}

var exportFormats = []exportFormat{
	{name: "nquads", ext: []string{".nq"}, rdf: true},
	{name: "jsonld", ext: []string{".jsonld", ".json"}, rdf: true},
	{name: "graphml", ext: []string{".graphml"}, graph: writeGraphML},
	{name: "dot", ext: []string{".dot", ".gv"}, graph: writeDOT},
	{name: "csv", ext: []string{".csv"}, graph: writeEdgeCSV},
}

// formatNames is the list of formats for messages: "nquads, jsonld, ...".
func formatNames() string {
	var names []string
	for _, f := range exportFormats {
		names = append(names, f.name)
	}
	return strings.Join(names, ", ")
}

// chooseFormat picks the format from --format, else from the output file's
// extension (a final .gz compresses), else N-Quads. A --format that
// contradicts the extension is an error, so that a .dot file never holds
// N-Quads.
func chooseFormat(name, output string) (exportFormat, error) {
	var byExt *exportFormat
	if output != "" {
		base := strings.TrimSuffix(output, ".gz")
		for i, f := range exportFormats {
			for _, e := range f.ext {
				if strings.HasSuffix(base, e) {
					byExt = &exportFormats[i]
				}
			}
		}
		if byExt == nil && name == "" {
			return exportFormat{}, fmt.Errorf("-o %s: unknown extension; want one of %s (or name the format with --format)", output, extList())
		}
	}
	if name == "" {
		if byExt != nil {
			return *byExt, nil
		}
		return exportFormats[0], nil
	}
	name = strings.ToLower(name)
	switch name {
	case "nq", "n-quads":
		name = "nquads"
	case "json-ld":
		name = "jsonld"
	case "gv", "graphviz":
		name = "dot"
	}
	for _, f := range exportFormats {
		if f.name == name {
			if byExt != nil && byExt.name != f.name {
				return f, fmt.Errorf("--format %s but -o %s is a %s file", name, output, byExt.name)
			}
			return f, nil
		}
	}
	return exportFormat{}, fmt.Errorf("--format %s: unknown format; want one of %s", name, formatNames())
}

func extList() string {
	var exts []string
	for _, f := range exportFormats {
		exts = append(exts, f.ext...)
	}
	return strings.Join(exts, " ")
}

// newWriter returns the writer of format f onto w, for a graph whose
// gazetteer graph is gazetteer; focus is the node an --around export centres on.
func (f exportFormat) newWriter(w io.Writer, gazetteer quad.IRI, focus string) quad.WriteCloser {
	switch {
	case f.name == "nquads":
		return nquads.NewWriter(w)
	case f.name == "jsonld":
		jw := jsonld.NewWriter(w)
		jw.SetLdContext(jsonldContext)
		return jw
	}
	g := newActorGraph(gazetteer)
	g.focus = focus
	return &graphWriter{w: w, g: g, write: f.graph}
}

// jsonldContext names the vocabularies of the graph, so that the JSON-LD
// export reads "kg:subject" rather than full IRIs. Only prefixes: a term
// definition would change what values mean, and readers must get back
// exactly the quads.
var jsonldContext = map[string]any{
	"kg":   schema.NS,
	"rdf":  rdf.NS,
	"rdfs": rdfs.NS,
	"xsd":  xsd.NS,
	"owl":  "http://www.w3.org/2002/07/owl#",
}

// edgeCSVHeader names the columns of the CSV edge list. Gephi's spreadsheet
// import takes source and target as the edge's ends and label as its label.
var edgeCSVHeader = []string{"source", "target", "label", "predicate", "source_label", "source_type",
	"target_label", "target_type", "negated", "date", "confidence", "origin", "fact", "sentence", "article"}

// writeEdgeCSV writes the graph as a CSV edge list (RFC 4180), one row per fact
// or gazetteer relation.
func writeEdgeCSV(w io.Writer, _ *actorGraph, nodes []graphNode, edges []graphEdge) error {
	byIRI := make(map[string]graphNode, len(nodes))
	for _, n := range nodes {
		byIRI[n.IRI] = n
	}
	cw := csv.NewWriter(w)
	cw.Write(edgeCSVHeader)
	for _, e := range edges {
		s, o := byIRI[e.Subject], byIRI[e.Object]
		cw.Write([]string{e.Subject, e.Object, e.Label(), e.Predicate, s.Label, s.Type, o.Label, o.Type,
			fmt.Sprint(e.Negated), e.Date, e.Confidence, e.Origin(), e.Fact, e.Sentence, e.Article})
	}
	cw.Flush()
	return cw.Error()
}
