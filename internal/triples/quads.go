package triples

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/cayleygraph/quad/voc/rdfs"
	"github.com/cayleygraph/quad/voc/xsd"

	"github.com/conflictkg/kg/schema"
)

// IRIs names the nodes of one graph under a base IRI.
type IRIs struct {
	Base string // ends in "/"; schema.DefaultBase when empty
}

func (n IRIs) base() string {
	if n.Base == "" {
		return schema.DefaultBase
	}
	if !strings.HasSuffix(n.Base, "/") && !strings.HasSuffix(n.Base, "#") {
		return n.Base + "/"
	}
	return n.Base
}

// Entity returns the IRI of an actor, location or agreement:
// <base>actor/jaish-al-islam.
func (n IRIs) Entity(e Entity) quad.IRI { return quad.IRI(n.base() + e.Kind() + "/" + e.ID) }

// Gazetteer returns the IRI of the named graph that holds the gazetteer.
func (n IRIs) Gazetteer() quad.IRI { return quad.IRI(n.base() + "gazetteer") }

// Lexicon returns the IRI of the named graph that holds the verb lexicon.
func (n IRIs) Lexicon() quad.IRI { return quad.IRI(n.base() + "lexicon") }

// Article returns the IRI of an article, which also names its named graph.
func (n IRIs) Article(id string) quad.IRI {
	return quad.IRI(n.base() + "article/" + url.PathEscape(id))
}

// Sentence returns the IRI of sentence i of an article; facts from it are
// in the named graph of that IRI.
func (n IRIs) Sentence(article string, i int) quad.IRI {
	return quad.IRI(string(n.Article(article)) + "/sentence/" + strconv.Itoa(i))
}

// Fact returns the IRI of a fact node: a digest of what makes it unique.
func (n IRIs) Fact(article string, f *Fact) quad.IRI {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%s\x00%s\x00%s\x00%v\x00%d", article, f.Sentence, n.Entity(f.Subject.Entity), f.Predicate, n.Entity(f.Object.Entity), f.Negated, f.RelSpan.Start)
	return quad.IRI(n.base() + "fact/" + hex.EncodeToString(h.Sum(nil)[:12]))
}

// full expands a short IRI such as "kg:denies".
func full(short string) quad.IRI { return quad.IRI(short).Full() }

// xsd:date and xsd:decimal are missing from quad/voc/xsd.
const (
	xsdDate    = xsd.NS + "date"
	xsdDecimal = xsd.NS + "decimal"
)

func typed(v, typ string) quad.Value {
	return quad.TypedString{Value: quad.String(v), Type: quad.IRI(typ).Full()}
}

func intLit(i int) quad.Value { return typed(strconv.Itoa(i), xsd.Integer) }

// Quads returns the quads that record doc in the graph, sorted:
//   - in the article's named graph: the article node (title, source, date,
//     URL, content hash, the entities it mentions), each sentence that
//     supports a fact (text, index, offsets, link to the article), and the
//     entities mentioned (type, label, the spellings seen);
//   - in each sentence's named graph: for every fact, a node holding its
//     details (subject, predicate, object, negated, confidence, texts,
//     offsets, date, rule) and, unless negated, the edge subject–predicate–object.
func (n IRIs) Quads(doc *Document) []quad.Quad {
	id := doc.Article.ID
	a := n.Article(id)
	var qs []quad.Quad
	add := func(s, p, o, label quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: label})
	}
	str := func(s, p quad.Value, v string, label quad.Value) {
		if v != "" {
			add(s, p, quad.String(v), label)
		}
	}

	add(a, full(rdf.Type), full(schema.Article), a)
	str(a, full(schema.Title), doc.Title, a)
	str(a, full(schema.Source), doc.Article.Source, a)
	str(a, full(schema.URL), doc.Article.URL, a)
	if !doc.Date.IsZero() {
		add(a, full(schema.Published), typed(doc.Date.Format("2006-01-02"), xsdDate), a)
	}
	add(a, full(schema.ContentHash), quad.String(doc.Article.ContentHash()), a)

	seenSent := map[int]bool{}
	seenEnt := map[quad.IRI]bool{}
	seenAlias := map[[2]string]bool{}
	entity := func(m Mention) quad.IRI {
		e := n.Entity(m.Entity)
		if !seenEnt[e] {
			seenEnt[e] = true
			add(e, full(rdf.Type), full(m.Type), a)
			add(e, full(rdfs.Label), quad.String(m.Name), a)
		}
		if k := [2]string{string(e), m.Text}; m.Text != m.Name && !seenAlias[k] {
			seenAlias[k] = true
			add(e, full(schema.Alias), quad.String(m.Text), a)
		}
		return e
	}
	mentioned := map[quad.IRI]bool{}
	for _, sn := range doc.Sentences {
		for _, m := range sn.Mentions {
			if e := entity(m); !mentioned[e] {
				mentioned[e] = true
				add(a, full(schema.Mentions), e, a)
			}
		}
	}
	for i := range doc.Facts {
		f := &doc.Facts[i]
		s := n.Sentence(id, f.Sentence)
		if !seenSent[f.Sentence] {
			seenSent[f.Sentence] = true
			sn := doc.Sentences[f.Sentence]
			add(s, full(rdf.Type), full(schema.Sentence), a)
			add(s, full(schema.InArticle), a, a)
			add(s, full(schema.Index), intLit(sn.Index), a)
			add(s, full(schema.Start), intLit(sn.Start), a)
			add(s, full(schema.End), intLit(sn.End), a)
			add(s, full(schema.Text), quad.String(sn.Text), a)
		}
		subj, obj := entity(f.Subject), entity(f.Object)
		p := full(f.Predicate)
		if !f.Negated {
			add(subj, p, obj, s)
		}
		fn := n.Fact(id, f)
		add(fn, full(rdf.Type), full(schema.Fact), s)
		add(fn, full(schema.Subject), subj, s)
		add(fn, full(schema.Predicate), p, s)
		add(fn, full(schema.Object), obj, s)
		add(fn, full(schema.InSentence), s, s)
		add(fn, full(schema.Negated), typed(strconv.FormatBool(f.Negated), xsd.Boolean), s)
		if f.Hedged {
			add(fn, full(schema.Hedged), typed("true", xsd.Boolean), s)
		}
		if f.Source != nil {
			add(fn, full(schema.AssertedBy), entity(*f.Source), s)
		}
		add(fn, full(schema.Confidence), typed(strconv.FormatFloat(f.Confidence, 'f', 2, 64), xsdDecimal), s)
		add(fn, full(schema.RelationText), quad.String(f.Relation), s)
		add(fn, full(schema.SubjectText), quad.String(f.Subject.Text), s)
		add(fn, full(schema.ObjectText), quad.String(f.Object.Text), s)
		add(fn, full(schema.Start), intLit(min(f.SubjSpan.Start, f.ObjSpan.Start, f.RelSpan.Start)), s)
		add(fn, full(schema.End), intLit(max(f.SubjSpan.End, f.ObjSpan.End, f.RelSpan.End)), s)
		add(fn, full(schema.Rule), quad.String(f.Rule), s)
		if !f.Date.IsZero() {
			add(fn, full(schema.Date), dateLiteral(f.Date, f.DatePrecision), s)
		}
		if f.DateText != "" {
			add(fn, full(schema.DateText), quad.String(f.DateText), s)
		}
	}
	SortQuads(qs)
	return dedup(qs)
}

// GazetteerQuads describes the entries of g in the named graph
// n.Gazetteer(): each entity's type, name, aliases (Arabic-script ones
// tagged "ar"), note and relations (memberOf, leads, backedBy ...), each
// node marked rdfs:isDefinedBy the graph so that a rebuild can replace it.
func (n IRIs) GazetteerQuads(g *Gazetteer) []quad.Quad {
	graph := n.Gazetteer()
	var qs []quad.Quad
	add := func(s, p, o quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: graph})
	}
	add(graph, full(rdf.Type), full(schema.Gazetteer))
	for _, e := range g.Entries() {
		iri := n.Entity(e.Entity)
		add(iri, full(rdfs.IsDefinedBy), graph)
		add(iri, full(rdf.Type), full(e.Type))
		add(iri, full(rdfs.Label), quad.String(e.Name))
		for _, a := range e.Aliases {
			add(iri, full(schema.Alias), nameLiteral(a))
		}
		if e.Note != "" {
			add(iri, full(rdfs.Comment), quad.String(e.Note))
		}
		for _, r := range e.Relations {
			t, _ := g.Entity(r.Target)
			add(iri, full(r.Predicate), n.Entity(t))
		}
	}
	SortQuads(qs)
	return dedup(qs)
}

// nameLiteral is a name as a literal, tagged "ar" when written in Arabic script.
func nameLiteral(s string) quad.Value {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			return quad.LangString{Value: quad.String(s), Lang: "ar"}
		}
	}
	return quad.String(s)
}

// LexiconQuads describes the patterns of l in the named graph n.Lexicon():
// each pattern, its kind, the predicate it expresses and its CAMEO codes.
func (n IRIs) LexiconQuads(l *Lexicon) []quad.Quad {
	graph := n.Lexicon()
	var qs []quad.Quad
	add := func(s, p, o quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: graph})
	}
	add(graph, full(rdf.Type), full(schema.Lexicon))
	for _, e := range l.Entries() {
		iri := quad.IRI(string(graph) + "/" + e.Kind + "/" + slug(e.Pattern))
		add(iri, full(rdfs.IsDefinedBy), graph)
		add(iri, full(rdf.Type), full(schema.LexicalEntry))
		add(iri, full(schema.Pattern), quad.String(e.Pattern))
		add(iri, full(schema.Kind), quad.String(e.Kind))
		if e.Predicate != "" {
			add(iri, full(schema.Expresses), full(e.Predicate))
		}
		for _, c := range e.CAMEO {
			add(iri, full(schema.CAMEO), quad.String(c))
		}
	}
	SortQuads(qs)
	return dedup(qs)
}

// SortQuads sorts quads by their N-Quads text, for stable output.
func SortQuads(qs []quad.Quad) {
	// Each key once: writing N-Quads in every comparison took a tenth of a
	// store build's CPU.
	keys := make([]string, len(qs))
	for i, q := range qs {
		keys[i] = quadKey(q)
	}
	sort.Sort(byKey{qs, keys})
}

type byKey struct {
	qs   []quad.Quad
	keys []string
}

func (b byKey) Len() int           { return len(b.qs) }
func (b byKey) Less(i, j int) bool { return b.keys[i] < b.keys[j] }
func (b byKey) Swap(i, j int) {
	b.qs[i], b.qs[j] = b.qs[j], b.qs[i]
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
}

func quadKey(q quad.Quad) string { return q.NQuad() }

func dedup(qs []quad.Quad) []quad.Quad {
	out := qs[:0]
	for i, q := range qs {
		if i == 0 || q != qs[i-1] {
			out = append(out, q)
		}
	}
	return out
}

// Reader is a [quad.Reader] over the facts of a stream of articles: it
// reads each article, extracts it and yields its quads. Articles that
// cannot be read or extracted are skipped; Errors lists them.
type Reader struct {
	src    ArticleReader
	x      *Extractor
	iris   IRIs
	buf    []quad.Quad
	err    error
	Errors []error // per-article problems met so far, in input order
}

// NewReader returns a Reader that extracts the articles of src with x and
// names nodes with iris.
func NewReader(src ArticleReader, x *Extractor, iris IRIs) *Reader {
	return &Reader{src: src, x: x, iris: iris}
}

// ReadQuad returns the next quad, or io.EOF after the last article. Any
// error other than io.EOF is final and comes from the underlying input.
func (r *Reader) ReadQuad() (quad.Quad, error) {
	for len(r.buf) == 0 {
		if r.err != nil {
			return quad.Quad{}, r.err
		}
		a, err := r.src.ReadArticle()
		var pe *ParseError
		switch {
		case errors.As(err, &pe):
			r.Errors = append(r.Errors, err)
			continue
		case err != nil:
			r.err = err
			continue
		}
		doc, err := r.x.Extract(a)
		if err != nil {
			r.Errors = append(r.Errors, err)
			continue
		}
		r.buf = r.iris.Quads(doc)
	}
	q := r.buf[0]
	r.buf = r.buf[1:]
	return q, nil
}

// Close releases nothing; it is there to make Reader a quad.ReadCloser.
func (r *Reader) Close() error { return nil }

var _ quad.ReadCloser = (*Reader)(nil)
