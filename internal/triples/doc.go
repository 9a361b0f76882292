// Package triples turns news articles into subject–predicate–object facts
// with provenance, as quads for a Cayley graph.
//
// The pipeline, one file per stage, runs over one article at a time:
//
//	read.go, html.go   ArticleReader: text | JSON Lines | CSV | HTML  ──▶ *Article
//	                       │
//	clean.go           web furniture out (repeated titles, "3 min read", captions,
//	                   bylines, other scripts); title and body lines as offsets
//	date.go            publication date from metadata or the text
//	sentence.go        sentences (abbreviations, quotes), offsets into the text
//	token.go           tokens with offsets; hyphens joined; folded forms
//	leadin.go          furniture run into a sentence: tag lists, photo
//	                   credits, datelines, related headlines
//	gazetteer.go       actors, places, agreements: known names across spellings,
//	                   unseen armed groups by their heads (Brigade, Liwa, Jaish…)
//	lexicon.go         verb and noun triggers ─▶ schema predicates
//	parse/             dependency parser trained on UD English (embedded model)
//	clauses.go         the parse read for subjects, objects, agents, patients,
//	                   nouns that stand for an actor or a place, appositions
//	relation.go        clauses: active, passive with "by", hyphen compounds
//	                   ("U.S.-brokered"), coordination, negation, hedging,
//	                   aims, denial scope, coreference ("it", "the group",
//	                   surnames, the speaker of "X said it")
//	nominal.go         nominal and reciprocal relations ("talks between A and
//	                   B", "IS's blockade on", "A and B clashed"), memory of
//	                   earlier facts for what a noun leaves out
//	place.go           where actors are and what they hold ("based in",
//	                   "a stronghold of", "under the control of"); "the town",
//	                   "the area", "the capital" resolved to a place
//	roles.go           membership, leadership, alliances, loyalties and
//	                   designations (copulas, titles, "its ally", "listed as")
//	claims.go          what is said: agreements announced or reported,
//	                   accusations, demands, warnings; agreements named by
//	                   their content; moves under an agreement or denied
//	extract.go         Extract: the stages in order ──▶ *Document{Sentences, Facts}
//	quads.go           IRIs.Quads: facts in their sentence's named graph,
//	                   article and sentences in the article's ──▶ []quad.Quad
//	                   Reader: a quad.Reader over a stream of articles
//
// Extract is deterministic and safe for concurrent use; the readers survive
// any input, reporting each bad record as a *ParseError and going on.
package triples
