// Package schema defines the vocabulary the kg graph speaks: the IRIs of
// entity classes, of the predicates facts use, and of the provenance terms
// that tie every fact to its sentence and article.
//
// Like quad/voc/schema, the vocabulary is data: the predicates are listed in
// predicates.tsv (embedded) and each has a constant here; a test checks that
// the two agree. Constants are short IRIs in the "kg:" prefix, registered with
// [voc.RegisterPrefix] so that quad.IRI(c).Full() expands them.
//
// The graph model built from these terms is documented in README.md.
package schema

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
)

// Classes.
const (
	// Actor is anything that acts in conflict reporting.
	Actor = Prefix + `Actor`
	// ArmedGroup is a non-state armed group, rebel faction or militia.
	ArmedGroup = Prefix + `ArmedGroup`
	// Government is a government, its ruling authority or its forces.
	Government = Prefix + `Government`
	// State is a country acting as a whole.
	State = Prefix + `State`
	// Person is a named individual.
	Person = Prefix + `Person`
	// Organization is an international organisation, NGO, monitor or media outlet.
	Organization = Prefix + `Organization`
	// Location is a place: city, district, province, country as territory.
	Location = Prefix + `Location`
	// Agreement is a ceasefire, truce, deal, zone or talks process.
	Agreement = Prefix + `Agreement`
	// Article is a news article, the unit of input.
	Article = Prefix + `Article`
	// Sentence is one sentence of an article; facts are labelled with it.
	Sentence = Prefix + `Sentence`
	// Fact is one extracted subject–predicate–object statement with its details.
	Fact = Prefix + `Fact`
)

// Provenance and fact-detail properties.
const (
	// InArticle links a sentence to its article.
	InArticle = Prefix + `article`
	// Text is the text of a sentence or article.
	Text = Prefix + `text`
	// Index is a sentence's position in its article, from 0 (the title).
	Index = Prefix + `index`
	// Start is a character offset (in bytes of UTF-8) into the article text where a span starts.
	Start = Prefix + `start`
	// End is the offset where a span ends (exclusive).
	End = Prefix + `end`
	// Title is an article's headline.
	Title = Prefix + `title`
	// Source is the outlet that published an article.
	Source = Prefix + `source`
	// URL is where an article was published.
	URL = Prefix + `url`
	// Published is an article's publication date (xsd:date).
	Published = Prefix + `published`
	// ContentHash is the SHA-256 of an article's text; a rebuild skips unchanged articles.
	ContentHash = Prefix + `contentHash`
	// Subject is a fact's subject node.
	Subject = Prefix + `subject`
	// Predicate is a fact's predicate.
	Predicate = Prefix + `predicate`
	// Object is a fact's object node.
	Object = Prefix + `object`
	// InSentence is the sentence a fact was extracted from.
	InSentence = Prefix + `sentence`
	// Negated is true when the sentence says the fact does not hold.
	Negated = Prefix + `negated`
	// Confidence is the extractor's confidence in a fact, from 0 to 1.
	Confidence = Prefix + `confidence`
	// RelationText is the relation as written in the sentence.
	RelationText = Prefix + `relationText`
	// SubjectText is the subject as written in the sentence.
	SubjectText = Prefix + `subjectText`
	// ObjectText is the object as written in the sentence.
	ObjectText = Prefix + `objectText`
	// Date is the date of the event a fact reports (xsd:date).
	Date = Prefix + `date`
	// Rule names the extraction rule that produced a fact.
	Rule = Prefix + `rule`
	// Alias is a spelling of an actor's name seen in an article.
	Alias = Prefix + `alias`
)
