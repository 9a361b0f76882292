package main

import (
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/cayleygraph/quad/voc/rdfs"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/schema"
)

// actorGraph is the graph of actors, places and agreements that the
// GraphML, DOT and CSV exports draw: entities as nodes, facts and the
// gazetteer's relations as edges. It is collected from quads, so every
// scope of export (the store, an article, a neighbourhood) feeds it alike.
type actorGraph struct {
	gazetteer string // IRI of the gazetteer's named graph
	focus     string // IRI of the node an --around export is centred on

	labels    map[string]string
	types     map[string]string // entity IRI → most specific kg class (short IRI)
	facts     map[string]*graphEdge
	relations []graphEdge // the gazetteer's, between entities
	inArticle map[string]string
}

// graphNode is an entity drawn as a node.
type graphNode struct {
	IRI, Label, Type string // Type is the local class name: "ArmedGroup"
}

// graphEdge is a fact, or a relation the gazetteer states, between two entities.
type graphEdge struct {
	Subject, Predicate, Object string // IRIs
	Fact                       string // fact IRI; "" for the gazetteer's relations
	Negated                    bool
	Date                       string
	Confidence                 string
	Sentence, Article          string
}

// Origin is "article" for a fact extracted from an article and "gazetteer"
// for a relation the gazetteer states.
func (e graphEdge) Origin() string {
	if e.Fact == "" {
		return "gazetteer"
	}
	return "article"
}

// Label is the predicate's readable name: "agrees to".
func (e graphEdge) Label() string {
	if p, ok := schema.LookupPredicate(e.Predicate); ok {
		return p.Label
	}
	return strings.TrimPrefix(e.Predicate, schema.NS)
}

func newActorGraph(gazetteer quad.IRI) *actorGraph {
	return &actorGraph{
		gazetteer: string(gazetteer),
		labels:    map[string]string{},
		types:     map[string]string{},
		facts:     map[string]*graphEdge{},
		inArticle: map[string]string{},
	}
}

var (
	iriType     = quad.IRI(rdf.Type).Full()
	iriLabel    = quad.IRI(rdfs.Label).Full()
	iriFact     = quad.IRI(schema.Fact).Full()
	iriEntities = func() map[quad.Value]string {
		m := map[quad.Value]string{}
		for _, c := range schema.EntityClasses() {
			m[quad.IRI(c).Full()] = c
		}
		return m
	}()
)

// add takes what the graph needs from one quad and ignores the rest.
func (g *actorGraph) add(q quad.Quad) {
	s := store.Text(q.Subject)
	p := store.Text(q.Predicate)
	switch {
	case q.Predicate == iriType:
		if q.Object == iriFact {
			g.fact(s)
		} else if c, ok := iriEntities[q.Object]; ok {
			// A node typed twice keeps the more specific class (kg:StateForce over kg:Government).
			if old, ok := g.types[s]; !ok || schema.IsA(c, old) {
				g.types[s] = c
			}
		}
		return
	case q.Predicate == iriLabel:
		g.labels[s] = store.Text(q.Object)
		return
	case !strings.HasPrefix(p, schema.NS):
		return
	}
	if store.Text(q.Label) == g.gazetteer {
		if _, ok := schema.LookupPredicate(p); ok {
			g.relations = append(g.relations, graphEdge{Subject: s, Predicate: p, Object: store.Text(q.Object)})
		}
		return
	}
	o := store.Text(q.Object)
	switch "kg:" + strings.TrimPrefix(p, schema.NS) {
	case schema.InArticle:
		g.inArticle[s] = o
	case schema.Subject:
		g.fact(s).Subject = o
	case schema.Predicate:
		g.fact(s).Predicate = o
	case schema.Object:
		g.fact(s).Object = o
	case schema.Negated:
		g.fact(s).Negated = o == "true"
	case schema.Date:
		g.fact(s).Date = o
	case schema.Confidence:
		g.fact(s).Confidence = o
	case schema.InSentence:
		g.fact(s).Sentence = o
	}
}

func (g *actorGraph) fact(iri string) *graphEdge {
	e, ok := g.facts[iri]
	if !ok {
		e = &graphEdge{Fact: iri}
		g.facts[iri] = e
	}
	return e
}

// edges returns the complete facts and the gazetteer's relations, in a
// fixed order: by subject, predicate, object, then date and fact.
func (g *actorGraph) edges() []graphEdge {
	var out []graphEdge
	for _, e := range g.facts {
		if e.Subject == "" || e.Predicate == "" || e.Object == "" {
			continue // a fact cut off by the scope of the export
		}
		c := *e
		c.Article = g.inArticle[c.Sentence]
		out = append(out, c)
	}
	seen := map[graphEdge]bool{}
	for _, e := range g.relations {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Subject != b.Subject:
			return a.Subject < b.Subject
		case a.Predicate != b.Predicate:
			return a.Predicate < b.Predicate
		case a.Object != b.Object:
			return a.Object < b.Object
		case a.Date != b.Date:
			return a.Date < b.Date
		}
		return a.Fact < b.Fact
	})
	return out
}

// nodes returns the entities the edges join, sorted by IRI.
func (g *actorGraph) nodes(edges []graphEdge) []graphNode {
	seen := map[string]bool{}
	var out []graphNode
	for _, e := range edges {
		for _, v := range []string{e.Subject, e.Object} {
			if seen[v] {
				continue
			}
			seen[v] = true
			n := graphNode{IRI: v, Label: g.labels[v], Type: strings.TrimPrefix(g.types[v], schema.Prefix)}
			if n.Label == "" {
				n.Label = v[strings.LastIndexAny(v, "/#")+1:]
			}
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IRI < out[j].IRI })
	return out
}

// graphWriter is a [quad.WriteCloser] that collects quads into an
// actorGraph and writes it in one format when closed.
type graphWriter struct {
	w     io.Writer
	g     *actorGraph
	write func(io.Writer, *actorGraph, []graphNode, []graphEdge) error
	nodes int // nodes written, known after Close
}

func (w *graphWriter) WriteQuad(q quad.Quad) error {
	w.g.add(q)
	return nil
}

func (w *graphWriter) WriteQuads(qs []quad.Quad) (int, error) {
	for _, q := range qs {
		w.g.add(q)
	}
	return len(qs), nil
}

func (w *graphWriter) Close() error {
	edges := w.g.edges()
	nodes := w.g.nodes(edges)
	w.nodes = len(nodes)
	return w.write(w.w, w.g, nodes, edges)
}
