// Package schema defines the vocabulary the kg graph speaks: the IRIs of
// entity classes, of the predicates facts use, and of the provenance terms
// that tie every fact to its sentence and article.
//
// Like quad/voc/schema, the vocabulary is data: vocabulary.jsonld (RDFS in
// JSON-LD, embedded) defines every class and property; vocabulary.go, with a
// constant and table row for each term, and the tables of README.md are
// generated from it (go generate), and a test checks that they are current.
// Constants are short IRIs in the "kg:" prefix, registered with
// [voc.RegisterPrefix] so that quad.IRI(c).Full() expands them.
//
// The graph model built from these terms is documented in README.md.
package schema

//go:generate go run ./internal/vocab/gen

import "github.com/cayleygraph/quad/voc"

func init() {
	voc.RegisterPrefix(Prefix, NS)
}

const (
	// NS is the namespace of the kg vocabulary.
	NS = `https://conflictkg.org/ns#`
	// Prefix is the short form of NS.
	Prefix = `kg:`

	// DefaultBase is the IRI under which instances (actors, articles,
	// sentences, facts) are named unless a build sets another.
	DefaultBase = `https://conflictkg.org/id/`

	// SchemaGraph is the named graph that holds the vocabulary itself.
	SchemaGraph = Prefix + `schema`

	// SummaryGraph is the named graph of what kgbuild precomputes for
	// queries: the store's kg:generation and each entity's kg:summary. It
	// derives from the other graphs, so exports leave it out.
	SummaryGraph = Prefix + `summaries`
)
