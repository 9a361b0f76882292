// Kgquery answers questions about the graph kgbuild made: what is known
// about an actor, with the sentence and article behind each fact, and
// exports the graph for other tools.
//
// Usage:
//
//	kgquery relations [flags] NAME    facts where NAME is subject or object, grouped by predicate
//	kgquery export [flags]            the graph, an article or a neighbourhood: N-Quads, JSON-LD, GraphML, DOT, CSV
//	kgquery gizmo [flags] QUERY       a raw Gizmo query (Cayley's JavaScript query language)
//
// Names match across spellings and case: "jaysh al-islam", "Jaish al Islam"
// and "JAISH-AL-ISLAM" are one actor.
//
// Common flags:
//
//	--db PATH      the store (default kg.db); opened read-only
//	--json         one JSON document instead of a table
//	--base IRI     base IRI the graph was built with (default https://conflictkg.org/id/)
//
// export flags:
//
//	--article ID   only this article's quads
//	--around NAME  only the actors, places and agreements within --hops N (default 1)
//	               facts or gazetteer relations of NAME, and the facts among them
//	-f, --format F nquads (default), jsonld, graphml (Gephi), dot (Graphviz) or csv (edge list)
//	-o FILE        write to FILE instead of standard output; the format follows its
//	               extension (.nq .jsonld .graphml .dot .csv), and .gz compresses
//
// gizmo flags:
//
//	--limit N      at most N results (default 100)
//	--timeout D    stop the query after D (default 30s)
//
// QUERY is the query text, @FILE to read it from a file, or - for standard input.
//
// Exit status is 0 when there are results, 1 when there are none, 2 on error.
//
// Examples:
//
//	kgquery relations "Jaish al-Islam"
//	kgquery relations --json "Mohammed Alloush" | jq '.facts[].evidence.sentence'
//	kgquery export -o graph.nq.gz
//	kgquery export --format dot --around "Jaish al-Islam" | dot -Tsvg > jaish.svg
//	kgquery gizmo 'g.V("<https://conflictkg.org/id/actor/jaish-al-islam>").Out().All()'
package main
