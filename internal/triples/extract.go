package triples

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
)

// Document is an article after extraction: its sentences and facts.
type Document struct {
	Article   *Article
	Title     string     // the headline
	Text      string     // the text that offsets point into: Article.Text, with the title prepended when the text lacked it
	Date      time.Time  // publication date: given, else found in the text; zero if neither
	Sentences []Sentence // sentence 0 is the title when there is one
	Facts     []Fact
}

// Fact is one subject–predicate–object statement found in a sentence.
type Fact struct {
	Sentence   int     // index into Document.Sentences
	Subject    Mention // token indexes are the sentence's
	Object     Mention
	Predicate  string // short IRI, e.g. schema.Denies
	Relation   string // the relation as written: "denied", "agreed to"
	SubjSpan   Span   // byte offsets of the subject in Document.Text
	ObjSpan    Span
	RelSpan    Span
	Negated    bool     // the sentence says it does not hold, or denies it
	Hedged     bool     // the sentence reports it with reserve: "reportedly", "appeared to"
	Source     *Mention // who the sentence says asserts it ("according to SANA", "the Observatory said"); nil when the article asserts it
	Confidence float64  // 0..1
	Rule       string   // the extraction rule: active, passive, compound, nominal, with +coref, +hedged, +denied

	// Date is when the event happened: the date of the time expression of
	// the fact's clause ("denied on Friday"), else the publication date
	// (when it was reported), else zero. See [FindDates]. Relative
	// expressions are resolved against the date the text gives, if it
	// does, as it dates what the text says; else against Document.Date.
	Date          time.Time
	DatePrecision Precision // DateDay, DateMonth or DateYear; DateNone when Date is zero
	DateText      string    // the time expression ("on Friday"); empty when Date is the publication date
}

// ExtractError is a failure to extract from one article. The article is
// not loaded; others are unaffected.
type ExtractError struct {
	Article  string // article id
	Origin   string // where the article was read, "path:line"
	Sentence int    // sentence index, -1 if none
	Offset   int    // byte offset of the sentence in the text
	Err      error
}

func (e *ExtractError) Error() string {
	where := e.Origin
	if where == "" {
		where = "article " + e.Article
	}
	if e.Sentence >= 0 {
		return fmt.Sprintf("%s: sentence %d (offset %d): %v", where, e.Sentence, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: %v", where, e.Err)
}

func (e *ExtractError) Unwrap() error { return e.Err }

// Extractor turns articles into documents of facts. Its fields may be
// replaced before use; the zero value is not usable, call NewExtractor.
type Extractor struct {
	Gazetteer *Gazetteer // entities and their spellings
	Lexicon   *Lexicon   // verb and noun patterns
}

// NewExtractor returns an extractor with the built-in gazetteer and lexicon.
func NewExtractor() *Extractor {
	return &Extractor{Gazetteer: DefaultGazetteer(), Lexicon: DefaultLexicon()}
}

// WithFiles returns a copy of x whose gazetteer and lexicon are extended
// with the entries of the named files (formats of [ParseGazetteer] and
// [ParseLexicon]). A file with a malformed entry adds nothing; the error
// says "file:line: what is wrong".
func (x *Extractor) WithFiles(gazetteers, lexicons []string) (*Extractor, error) {
	y := *x
	for _, name := range gazetteers {
		err := withFile(name, func(f io.Reader) (err error) {
			y.Gazetteer, err = y.Gazetteer.Extend(f, name)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	for _, name := range lexicons {
		err := withFile(name, func(f io.Reader) (err error) {
			y.Lexicon, err = y.Lexicon.Extend(f, name)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return &y, nil
}

func withFile(name string, fn func(io.Reader) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return fn(f)
}

// Extract runs the pipeline over one article: clean, sentences, tokens,
// actors, coreference, clauses, predicates. It is safe for concurrent use.
// It returns an *ExtractError only if a stage failed on this input, which is
// a bug; the error says where.
func (x *Extractor) Extract(a *Article) (doc *Document, err error) {
	sent := -1
	offset := 0
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &ExtractError{Article: a.ID, Origin: a.Origin, Sentence: sent, Offset: offset, Err: fmt.Errorf("internal error: %v", r)}
		}
	}()
	doc = &Document{Article: a, Text: a.Text, Title: strings.TrimSpace(a.Title), Date: a.Date}
	c := clean(doc.Text, doc.Title)
	if doc.Title != "" && c.title == (Span{}) {
		// The input gave a headline the text lacks: put it first, so that
		// the title is sentence 0 with offsets like any other.
		doc.Text = doc.Title + "\n\n" + a.Text
		c = clean(doc.Text, doc.Title)
	}
	if c.title != (Span{}) {
		doc.Title = doc.Text[c.title.Start:c.title.End]
		doc.Sentences = append(doc.Sentences, Sentence{Index: 0, Start: c.title.Start, End: c.title.End, Text: doc.Title})
	}
	if doc.Date.IsZero() {
		doc.Date = c.date
	}
	doc.Sentences = append(doc.Sentences, splitSentences(doc.Text, c.lines, len(doc.Sentences))...)
	if doc.Title == "" && len(doc.Sentences) > 0 {
		doc.Title = doc.Sentences[0].Text
	}

	// Names first, for the whole article: whether a bare "Idlib" is the
	// city or the province depends on how the rest of the article names it.
	names := make([][]Mention, len(doc.Sentences))
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		sent, offset = i, s.Start
		s.Tokens = Tokenize(doc.Text, s.Start, s.End)
		if e := bodyEnd(s.Tokens); e < len(s.Tokens) {
			s.Tokens = s.Tokens[:e] // related headlines
			if e > 0 {
				s.End = s.Tokens[e-1].End
				s.Text = doc.Text[s.Start:s.End]
			}
		}
		if k := bodyStart(s.Tokens); k == len(s.Tokens) {
			s.Tokens = nil // a tag list: no words of the article's own
		} else if k > 0 {
			s.Start, s.Tokens = s.Tokens[k].Start, s.Tokens[k:]
			s.Text = doc.Text[s.Start:s.End]
		}
		names[i] = x.Gazetteer.Mentions(s.Tokens)
	}
	x.Gazetteer.provincesMeant(doc.Sentences, names)

	ctx := &discourse{}
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		sent, offset = i, s.Start
		ms := ctx.definite(s.Tokens, ctx.surnames(s.Tokens, names[i]))
		ms = dropSiteName(s.Tokens, ms)
		ms = standFor(s.Tokens, ms)
		ms = ctx.placeAnaphors(s.Tokens, ms, x.Gazetteer)
		s.Mentions = ms
		trs := x.Lexicon.Triggers(s.Tokens)
		var tr *tree
		if needsParse(trs, ms) || appositive(s.Tokens, ms) {
			tr = parseTokens(s.Tokens, ms)
		}
		cl := newClause(s.Tokens, ms, trs, ctx, tr, x.Gazetteer)
		var rs []relation
		if !strings.HasSuffix(strings.TrimRight(s.Text, ` "'”’)`), "?") {
			rs = cl.relations() // a question asserts nothing
		}
		dates := sentenceDates{toks: s.Tokens, pub: doc.Date, anchor: c.date}
		for _, r := range rs {
			date, prec, dateText := dates.of(r)
			doc.Facts = append(doc.Facts, Fact{
				Sentence: i, Subject: r.subj, Object: r.obj, Predicate: r.predicate,
				Relation: spanText(s.Tokens, r.relStart, r.relEnd),
				SubjSpan: tokenSpan(s.Tokens, r.subj), ObjSpan: tokenSpan(s.Tokens, r.obj),
				RelSpan: Span{s.Tokens[r.relStart].Start, s.Tokens[r.relEnd-1].End},
				Negated: r.negated, Hedged: r.hedged, Source: r.source,
				Confidence: round2(r.confidence), Rule: r.rule,
				Date: date, DatePrecision: prec, DateText: dateText,
			})
		}
		ctx.remember(x.Gazetteer, ms, rs)
		ctx.note(ms)
	}
	return doc, nil
}

func tokenSpan(toks []Token, m Mention) Span {
	return Span{toks[m.Start].Start, toks[m.End-1].End}
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// dropSiteName drops the mentions of a headline's site name ("... kills 44
// in Syrian Kurdish city | Jordan Times"): the site reports, it does not act.
func dropSiteName(toks []Token, ms []Mention) []Mention {
	for i := len(toks) - 1; i >= 0 && i >= len(toks)-8; i-- {
		if w := toks[i].Text; w == "|" || w == "–" && i > len(toks)-5 {
			return slices.DeleteFunc(ms, func(m Mention) bool { return m.Start > i })
		}
	}
	return ms
}
