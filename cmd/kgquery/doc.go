// Kgquery answers questions about the graph kgbuild made: what is known
// about an actor, with the sentence and article behind each fact, and
// exports the graph for other tools.
//
// Usage:
//
//	kgquery relations [flags] NAME    facts where NAME is subject or object, grouped by predicate
//	kgquery export [flags]            the graph, or one article's part of it, as N-Quads
//	kgquery gizmo [flags] QUERY       a raw Gizmo query (Cayley's JavaScript query language)
//	kgquery graphql [flags] QUERY     a raw query in Cayley's GraphQL dialect
//
// Names match across spellings and case: "jaysh al-islam", "Jaish al Islam"
// and "JAISH-AL-ISLAM" are one actor.
//
// Common flags:
//
//	--db PATH      the store (default kg.db); opened read-only
//	--json         one JSON document instead of a table
//	--base IRI     base IRI the graph was built with (default https://conflictkg.org/id/)
//	--wait[=D]     if a running kgbuild holds the store, wait for it (up to D, default 10m)
//	               instead of failing after half a second
//
// export flags:
//
//	--article ID   only this article's quads
//	-o FILE        write to FILE (.nq, or .nq.gz to compress) instead of standard output
//
// gizmo and graphql flags:
//
//	--limit N      at most N results (default 100); graphql: per field that selects nodes
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
//	kgquery gizmo 'g.V("<https://conflictkg.org/id/actor/jaish-al-islam>").Out().All()'
package main
