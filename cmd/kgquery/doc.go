// Kgquery answers questions about the graph kgbuild made: what is known
// about an actor, with the sentence and article behind each fact, and
// exports the graph for other tools.
//
// Usage:
//
//	kgquery relations [flags] NAME    facts where NAME is subject or object, grouped by predicate
//	kgquery facts [flags]             facts by subject, predicate (name, CAMEO, PLOVER), object, type, date, source, article
//	kgquery actors [flags]            actors with type, aliases, articles, facts, first and last date
//	kgquery stats [flags]             counts of articles, sentences, actors, facts, quads; dates; top predicates
//	kgquery export [flags]            the graph, the facts of a filter, an article or a neighbourhood: N-Quads, JSON-LD, GraphML, DOT, CSV
//	kgquery between [flags] A B       facts between A and B both ways, then the shortest chains through other actors
//	kgquery timeline [flags] NAME [B] an actor's (or a pair's) facts in date order, with date precision
//	kgquery evidence FACT-ID          everything behind one fact, and the other facts of its sentence
//	kgquery disputes [flags] [NAME]   claims asserted by one party or source and denied by another
//	kgquery gizmo [flags] QUERY       a raw Gizmo query (Cayley's JavaScript query language)
//	kgquery graphql [flags] QUERY     a raw query in Cayley's GraphQL dialect
//
// Tables are written alike to a terminal, a pipe or a file; only on a terminal are
// evidence sentences clipped to 120 characters, so that less and grep see them whole.
//
// Names match across spellings and case: "jaysh al-islam", "Jaish al Islam"
// and "JAISH-AL-ISLAM" are one actor.
//
// Common flags:
//
//	--db PATH      the store (default kg.db), or a postgres:// address; opened read-only
//	--json         one JSON document instead of a table
//	--jsonl        one JSON object a line
//	--csv          CSV with a header line
//	--limit N      at most N results (gizmo: default 100)
//	--offset N     skip the first N results
//	--base IRI     base IRI the graph was built with (default https://conflictkg.org/id/)
//	--wait[=D]     if a running kgbuild holds the store, wait for it (up to D, default 10m)
//	               instead of failing after half a second
//
// export flags:
//
//	--article ID   only this article's quads
//	--around NAME  only the actors, places and agreements within --hops N (default 1)
//	               facts or gazetteer relations of NAME, and the facts among them
//	-f, --format F nquads (default), jsonld, graphml (Gephi), dot (Graphviz) or csv (edge list)
//	-o FILE        write to FILE instead of standard output; the format follows its
//	               extension (.nq .jsonld .graphml .dot .csv), and .gz compresses
//	the facts flags below (--article with another of them): exactly the facts kgquery facts
//	               lists with the same flags, each with its direct edge, sentence and article,
//	               and its entities' labels, types and aliases; no gazetteer relations
//
// facts flags (a fact must pass all):
//
//	--subject NAME, --object NAME
//	--predicate P     a name ("agrees to"), or a CAMEO code or its prefix ("19"); with sub-properties
//	--plover CAT      a PLOVER category (ASSAULT, ACCUSE ...)
//	--type CLASS      subject or object of CLASS or a subclass
//	--since D, --until D   2016, 2016-03 or 2016-03-04; facts whose date overlaps
//	--source NAME, --article ID, --min-confidence F, --negated[=false]
//
// actors flags: --type CLASS (default Actor), --all (also entities no article names).
// stats flags: --top N (default 10).
//
// A NAME that matches nothing gets "did you mean" suggestions.
//
// gizmo and graphql flags:
//
//	--limit N      at most N results (default 100); graphql: per field that selects nodes
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
// between --jsonl and --csv write a row per step, every link a chain from A to B: the direct
// facts and the gazetteer's relations chains of one, then the chains through others; --offset
// and --limit count chains. disputes --jsonl and --csv write a row per fact of each dispute;
// --offset and --limit count disputes.
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
//	kgquery facts --plover ASSAULT --since 2018-03 --csv > assaults.csv
//	kgquery actors --type ArmedGroup
//	kgquery between --hops 2 "Mohammed Alloush" "Bashar al-Assad"
//	kgquery timeline --since 2018-03 "Jaish al-Islam"
//	kgquery disputes --json Russia | jq '.disputes[].denied[].evidence.sentence'
//	kgquery evidence d44c8e4e2fb7
//	kgquery export -o graph.nq.gz
//	kgquery export --format dot --around "Jaish al-Islam" | dot -Tsvg > jaish.svg
//	kgquery export --plover ASSAULT --since 2018-03 -o assaults.graphml
//	kgquery gizmo 'g.V("<https://conflictkg.org/id/actor/jaish-al-islam>").Out().All()'
package main
