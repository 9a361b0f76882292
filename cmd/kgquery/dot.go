package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/conflictkg/kg/schema"
)

// nodeStyle is how DOT draws a node of a class and its subclasses.
type nodeStyle struct {
	class, fill, shape string
}

// nodeStyles colours nodes by type; the first class a node is a kind of wins,
// so subclasses come before their parents.
var nodeStyles = []nodeStyle{
	{schema.ArmedGroup, "#fbb4ae", "ellipse"},
	{schema.Government, "#b3cde3", "ellipse"},
	{schema.State, "#ccebc5", "ellipse"},
	{schema.Person, "#decbe4", "ellipse"},
	{schema.Organization, "#fed9a6", "ellipse"},
	{schema.Actor, "#f2f2f2", "ellipse"},
	{schema.Location, "#ffffcc", "box"},
	{schema.Agreement, "#e5d8bd", "hexagon"},
}

func styleOf(class string) nodeStyle {
	for _, s := range nodeStyles {
		if schema.IsA(schema.Prefix+class, s.class) {
			return s
		}
	}
	return nodeStyle{"", "#ffffff", "ellipse"}
}

// dotEdge is the edges DOT draws as one: the same subject, predicate and
// object, asserted or negated alike, from articles or from the gazetteer.
type dotEdge struct {
	subject, predicate, object string
	negated, gazetteer         bool
}

// writeDOT writes the graph for Graphviz: actors, places and agreements as
// nodes filled by type, predicates as labelled edges. Facts that repeat an
// edge are counted on its label ("attacks ×3"); negated facts are dashed
// and red, the gazetteer's relations dotted and grey.
func writeDOT(w io.Writer, g *actorGraph, nodes []graphNode, edges []graphEdge) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "digraph kg {")
	fmt.Fprintln(bw, `  graph [overlap=false, splines=true, fontname="Helvetica"];`)
	fmt.Fprintln(bw, `  node [style=filled, fontname="Helvetica", fontsize=11];`)
	fmt.Fprintln(bw, `  edge [fontname="Helvetica", fontsize=9];`)
	for _, n := range nodes {
		s := styleOf(n.Type)
		attrs := fmt.Sprintf("label=%s, tooltip=%s, shape=%s, fillcolor=%s",
			dotQuote(n.Label), dotQuote(n.Type+" "+n.IRI), s.shape, dotQuote(s.fill))
		if n.IRI == g.focus {
			attrs += ", penwidth=3"
		}
		fmt.Fprintf(bw, "  %s [%s];\n", dotQuote(n.IRI), attrs)
	}
	count := map[dotEdge]int{}
	var order []dotEdge
	for _, e := range edges {
		k := dotEdge{e.Subject, e.Predicate, e.Object, e.Negated, e.Fact == ""}
		if count[k] == 0 {
			order = append(order, k)
		}
		count[k]++
	}
	for _, k := range order {
		label := graphEdge{Predicate: k.predicate}.Label()
		if k.negated {
			label = "not " + label
		}
		if n := count[k]; n > 1 {
			label += fmt.Sprintf(" ×%d", n)
		}
		attrs := "label=" + dotQuote(label)
		switch {
		case k.gazetteer:
			attrs += `, style=dotted, color="#808080", fontcolor="#808080"`
		case k.negated:
			attrs += `, style=dashed, color="#c00000", fontcolor="#c00000"`
		}
		fmt.Fprintf(bw, "  %s -> %s [%s];\n", dotQuote(k.subject), dotQuote(k.object), attrs)
	}
	fmt.Fprintln(bw, "}")
	return bw.Flush()
}

// dotQuote makes s a DOT double-quoted string. A backslash is doubled, since
// Graphviz reads \n, \l and the like in labels as escapes.
var dotQuote = func() func(string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return func(s string) string { return `"` + r.Replace(s) + `"` }
}()
