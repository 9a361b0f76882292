package schema

import _ "embed"

// ActorsTSV is the built-in entity gazetteer: actors, locations and agreements
// with their aliases, as tab-separated text (format described in its header
// and in README.md). internal/triples parses it.
//
//go:embed actors.tsv
var ActorsTSV string

// LexiconTSV is the built-in verb lexicon mapping verb patterns to predicates,
// as tab-separated text (format described in its header and in README.md).
//
//go:embed lexicon.tsv
var LexiconTSV string
