// Kgbuild reads news articles, extracts subject–predicate–object facts
// about the actors of a conflict, and loads them with their provenance into
// a Cayley graph.
//
// Usage:
//
//	kgbuild [flags] PATH...
//	kgbuild --remove ID [--remove ID...]
//
// Each PATH is a file, a directory (read recursively: .txt, .jsonl,
// .ndjson, .csv, .html and .htm files) or - for standard input. The format
// comes from the file's extension or --format:
//
//	text   one article per file; its first line that is not web furniture is the title
//	jsonl  one article per line: {"id","title","text","date","source","url"}
//	csv    one article per record, with a header; --csv-* name the columns
//	html   one article per page: the text of the article body
//
// Every article is stored whole within one transaction: new articles many
// to a transaction (--batch quads), a changed one in a transaction of its
// own, so the graph holds only whole articles. Ctrl-C stops after writing
// the articles read so far, and the next build skips what is stored.
// Building the same input again changes nothing; an article whose text
// changed has its facts replaced. On a terminal, or with --progress, the
// build reports articles/s, facts/s and, reading files, the time left;
// --stats prints where the time went. On PostgreSQL a load that adds at
// least a third of the quads stored is a bulk load (--bulk auto; on, off):
// the quads table's indexes and foreign keys are dropped while it runs and
// built once at the end, which makes it several times faster; queries
// running meanwhile still get their answers, more slowly. A bulk load that
// dies is finished by the next kgbuild on the database (docs/scale.md).
// A problem with one input is reported
// on standard error as "path:line: what is wrong" and the rest is still
// loaded; the exit code is then 2.
//
// The store also holds the vocabulary, the gazetteer and the lexicon the
// build used, each in its own named graph (see schema/README.md for them
// and for the format of --gazetteer and --lexicon files). A malformed entry
// in such a file stops the build before anything is written, with
// "file:line: what is wrong".
//
// The flags are:
//
//	--db PATH          the store: a bolt directory (default kg.db) or a postgres:// address (docs/scale.md)
//	--format NAME      read every input as text, jsonl, csv or html
//	--base IRI         base IRI of the graph's nodes (default https://conflictkg.org/id/)
//	--dry-run          write the facts as JSON Lines to standard output instead of loading them
//	--actors           write a Markdown table of the actors mentioned instead of loading them:
//	                   mentions, articles, facts, type, how each was matched (gazetteer,
//	                   new name, surname, "the group") and the spellings seen
//	--top N            with --actors: the N most mentioned (default 50; 0 lists all)
//	--gazetteer FILE   add the actors of FILE to the built-in gazetteer (repeatable)
//	--lexicon FILE     add the patterns of FILE to the built-in verb lexicon (repeatable)
//	--lines            text input: every line is its own article (for sentence-level benchmarks)
//	--remove ID        remove an article and the facts only it supported
//	--csv-id, --csv-title, --csv-text, --csv-source, --csv-date, --csv-url NAME
//	                   CSV columns (defaults fit the FA-KES corpus: unit_id,
//	                   article_title, article_content, source, date, url)
//	-j, --jobs N       extract N articles at a time (default 0: one per CPU); reading
//	                   and loading keep the input order, so output, problems, exit
//	                   code and store are the same for any N
//	-q, --quiet        no summary
//
// Examples:
//
//	kgbuild examples/
//	kgbuild --dry-run examples/jaish-al-islam-refutes-ceasefire.txt | jq .
//	kgbuild --db /data/kg.db --format csv - < articles.csv
//	kgbuild --remove jaish-al-islam-refutes-ceasefire
//	kgbuild --gazetteer local-groups.tsv articles/
//	kgbuild --actors --top 20 articles.csv
package main
