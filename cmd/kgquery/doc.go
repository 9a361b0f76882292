// Kgquery answers questions about the graph kgbuild made: what is known
// about an actor, with the sentence and article behind each fact, and
// exports the graph for other tools.
//
// Usage:
//
//	kgquery relations [flags] NAME    facts where NAME is subject or object, grouped by predicate
//	kgquery export [flags]            the graph, or one article's part of it, as N-Quads
//	kgquery between [flags] A B       facts between A and B both ways, then the shortest chains through other actors
//	kgquery timeline [flags] NAME [B] an actor's (or a pair's) facts in date order, with date precision
//	kgquery evidence FACT-ID          everything behind one fact, and the other facts of its sentence
//	kgquery disputes [flags] [NAME]   claims asserted by one party or source and denied by another
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
//	-o FILE        write to FILE (.nq, or .nq.gz to compress) instead of standard output
//
// gizmo flags:
//
//	--limit N      at most N results (default 100)
//	--timeout D    stop the query after D (default 30s)
//
// QUERY is the query text, @FILE to read it from a file, or - for standard input.
//
// between flags:
//
//	--hops N       longest chain, in facts (default 3; 1: direct facts only)
//	--paths N      at most N chains, the best supported first (default 10)
//	--any-node     let chains pass places and agreements, not only actors
//
// timeline flags:
//
//	--since DATE   only facts from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)
//	--until DATE   only facts up to DATE
//
// disputes flags:
//
//	--window DAYS  reports of an agreement count against a denial within DAYS days (default 7)
//
// FACT-ID is a fact's IRI, its id (the digest ending the IRI) or a unique prefix of at least 6 digits.
//
// Exit status is 0 when there are results, 1 when there are none, 2 on error.
//
// Examples:
//
//	kgquery relations "Jaish al-Islam"
//	kgquery relations --json "Mohammed Alloush" | jq '.facts[].evidence.sentence'
//	kgquery between --hops 2 "Mohammed Alloush" "Bashar al-Assad"
//	kgquery timeline --since 2018-03 "Jaish al-Islam"
//	kgquery disputes --json Russia | jq '.disputes[].denied[].evidence.sentence'
//	kgquery evidence d44c8e4e2fb7
//	kgquery export -o graph.nq.gz
//	kgquery gizmo 'g.V("<https://conflictkg.org/id/actor/jaish-al-islam>").Out().All()'
package main
