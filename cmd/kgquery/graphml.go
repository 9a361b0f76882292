package main

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// graphMLKeys declares the attributes of nodes and edges. Gephi reads
// "label" as the label, "weight" as the edge weight and r, g, b as a node's
// colour.
var graphMLKeys = []struct{ id, on, kind string }{
	{"label", "node", "string"},
	{"type", "node", "string"},
	{"iri", "node", "string"},
	{"r", "node", "int"},
	{"g", "node", "int"},
	{"b", "node", "int"},
	{"label", "edge", "string"},
	{"predicate", "edge", "string"},
	{"negated", "edge", "boolean"},
	{"date", "edge", "string"},
	{"confidence", "edge", "double"},
	{"origin", "edge", "string"},
	{"fact", "edge", "string"},
	{"sentence", "edge", "string"},
	{"article", "edge", "string"},
	{"weight", "edge", "double"},
}

// writeGraphML writes the graph as GraphML (graphml.graphdrawing.org), one
// directed edge per fact, for Gephi. Node ids are n0, n1 ... since GraphML
// ids are XML name tokens, which IRIs are not; the IRI is an attribute.
func writeGraphML(w io.Writer, g *actorGraph, nodes []graphNode, edges []graphEdge) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, `<?xml version="1.0" encoding="UTF-8"?>`)
	fmt.Fprintln(bw, `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`)
	for _, k := range graphMLKeys {
		fmt.Fprintf(bw, "  <key id=\"%s_%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.on, k.id, k.on, k.id, k.kind)
	}
	fmt.Fprintln(bw, `  <graph id="kg" edgedefault="directed">`)
	ids := make(map[string]string, len(nodes))
	for i, n := range nodes {
		id := "n" + strconv.Itoa(i)
		ids[n.IRI] = id
		fmt.Fprintf(bw, "    <node id=\"%s\">", id)
		graphMLData(bw, "node_label", n.Label)
		graphMLData(bw, "node_type", n.Type)
		graphMLData(bw, "node_iri", n.IRI)
		var r, gr, b int
		fmt.Sscanf(styleOf(n.Type).fill, "#%02x%02x%02x", &r, &gr, &b)
		graphMLData(bw, "node_r", strconv.Itoa(r))
		graphMLData(bw, "node_g", strconv.Itoa(gr))
		graphMLData(bw, "node_b", strconv.Itoa(b))
		fmt.Fprintln(bw, "</node>")
	}
	for i, e := range edges {
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">", i, ids[e.Subject], ids[e.Object])
		graphMLData(bw, "edge_label", e.Label())
		graphMLData(bw, "edge_predicate", e.Predicate)
		graphMLData(bw, "edge_negated", strconv.FormatBool(e.Negated))
		graphMLData(bw, "edge_date", e.Date)
		graphMLData(bw, "edge_confidence", e.Confidence)
		graphMLData(bw, "edge_origin", e.Origin())
		graphMLData(bw, "edge_fact", e.Fact)
		graphMLData(bw, "edge_sentence", e.Sentence)
		graphMLData(bw, "edge_article", e.Article)
		graphMLData(bw, "edge_weight", "1.0")
		fmt.Fprintln(bw, "</edge>")
	}
	fmt.Fprintln(bw, "  </graph>")
	fmt.Fprintln(bw, "</graphml>")
	return bw.Flush()
}

// graphMLData writes one attribute value; an empty one is left out.
func graphMLData(w *bufio.Writer, key, value string) {
	if value == "" {
		return
	}
	fmt.Fprintf(w, "<data key=\"%s\">", key)
	xml.EscapeText(w, []byte(value))
	w.WriteString("</data>")
}
