package store

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/cayleygraph/quad/voc/rdfs"

	"github.com/conflictkg/kg/schema"
)

// Node is an entity of the graph as a query shows it.
type Node struct {
	IRI   string `json:"iri"`
	Label string `json:"label"`
	Type  string `json:"type,omitempty"`
}

// Fact is one fact with its evidence: a row of kgquery relations.
type Fact struct {
	Fact       string   `json:"fact"`
	Subject    Node     `json:"subject"`
	Predicate  string   `json:"predicate"`
	Label      string   `json:"predicate_label"`
	Object     Node     `json:"object"`
	Relation   string   `json:"relation_text"`
	Negated    bool     `json:"negated"`
	Confidence float64  `json:"confidence"`
	Date       string   `json:"date,omitempty"`
	Evidence   Evidence `json:"evidence"`
}

// Evidence is the sentence and article behind a fact.
type Evidence struct {
	Sentence string `json:"sentence"`
	IRI      string `json:"sentence_iri"`
	Index    int    `json:"sentence_index"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Article  string `json:"article"`
	Title    string `json:"title,omitempty"`
	Source   string `json:"source,omitempty"`
	URL      string `json:"url,omitempty"`
}

// Affiliation is a relation the gazetteer states, not an article.
type Affiliation struct {
	Subject   Node   `json:"subject"`
	Predicate string `json:"predicate"`
	Label     string `json:"predicate_label"`
	Object    Node   `json:"object"`
}

// Node describes an entity by its label and type.
func (s *Store) Node(ctx context.Context, v quad.Value) (Node, error) {
	n := Node{IRI: Text(v)}
	// One label and type, the oldest: every article that mentions an actor
	// restates them.
	label, err := s.Match(ctx, quad.Subject, v, quad.IRI(rdfs.Label).Full(), nil, 1)
	if err != nil {
		return n, err
	}
	typ, err := s.Match(ctx, quad.Subject, v, quad.IRI(rdf.Type).Full(), nil, 1)
	for _, x := range append(label, typ...) {
		switch x.Predicate {
		case quad.IRI(rdfs.Label).Full():
			n.Label = Text(x.Object)
		case quad.IRI(rdf.Type).Full():
			n.Type = strings.TrimPrefix(Text(x.Object), schema.NS)
		}
	}
	if n.Label == "" {
		n.Label = n.IRI
	}
	return n, err
}

// FactCache holds the nodes and sentences read for facts: a busy actor's
// facts share a few hundred of them.
type FactCache struct {
	Nodes     map[quad.Value]Node
	Sentences map[quad.Value]Evidence
	articles  map[quad.Value]Evidence // title, source and URL by article; made when needed
}

// NewFactCache returns an empty cache.
func NewFactCache() *FactCache {
	return &FactCache{Nodes: map[quad.Value]Node{}, Sentences: map[quad.Value]Evidence{}}
}

// FactsAbout returns the facts with v as subject or object, with evidence,
// read from the facts themselves (Summary has them precomputed), in the
// order of their IRIs: the same on every backend, whose indexes differ.
func (s *Store) FactsAbout(ctx context.Context, v quad.Value, c *FactCache) ([]Fact, error) {
	var in []quad.Quad
	for _, p := range []string{schema.Subject, schema.Object} {
		qs, err := s.Match(ctx, quad.Object, v, quad.IRI(p).Full(), nil, 0)
		if err != nil {
			return nil, err
		}
		in = append(in, qs...)
	}
	seen := map[quad.Value]bool{}
	var facts []quad.Value
	for _, x := range in {
		if !seen[x.Subject] {
			seen[x.Subject] = true
			facts = append(facts, x.Subject)
		}
	}
	if err := s.prefetchFacts(ctx, facts, c); err != nil {
		return nil, err
	}
	var rows []Fact
	for _, f := range facts {
		r, err := s.Fact(ctx, f, c)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Fact < rows[j].Fact })
	return rows, nil
}

// prefetchFacts reads the quads of facts and of their sentences in a few
// queries on PostgreSQL, where reading them one by one is a round trip
// each (see prefetch); elsewhere it does nothing.
func (s *Store) prefetchFacts(ctx context.Context, facts []quad.Value, c *FactCache) error {
	if s.sql == nil || len(facts) < 2 {
		return nil
	}
	if err := s.prefetch(ctx, facts); err != nil {
		return err
	}
	var sents []quad.Value
	for _, f := range facts {
		qs, err := s.Match(ctx, quad.Subject, f, iri(schema.InSentence), nil, 0)
		if err != nil {
			return err
		}
		for _, q := range qs {
			if _, ok := c.Sentences[q.Object]; !ok {
				sents = append(sents, q.Object)
			}
		}
	}
	return s.prefetch(ctx, sents)
}

// Fact reads one fact node and what stands behind it.
func (s *Store) Fact(ctx context.Context, f quad.Value, c *FactCache) (Fact, error) {
	r, _, err := s.FactQuads(ctx, f, c)
	return r, err
}

// FactQuads is Fact that also returns the fact node's quads, for callers
// that show more of it.
func (s *Store) FactQuads(ctx context.Context, f quad.Value, c *FactCache) (Fact, []quad.Quad, error) {
	r := Fact{Fact: Text(f)}
	props, err := s.QuadsWith(ctx, quad.Subject, f)
	if err != nil {
		return r, nil, err
	}
	look := func(v quad.Value) (Node, error) {
		if n, ok := c.Nodes[v]; ok {
			return n, nil
		}
		n, err := s.Node(ctx, v)
		c.Nodes[v] = n
		return n, err
	}
	var sent quad.Value
	for _, x := range props {
		o := x.Object
		switch strings.TrimPrefix(Text(x.Predicate), schema.NS) {
		case local(schema.Subject):
			r.Subject, err = look(o)
		case local(schema.Object):
			r.Object, err = look(o)
		case local(schema.Predicate):
			r.Predicate = Text(o)
			r.Label = predicateLabel(r.Predicate)
		case local(schema.RelationText):
			r.Relation = Text(o)
		case local(schema.Negated):
			r.Negated = Text(o) == "true"
		case local(schema.Confidence):
			r.Confidence, _ = strconv.ParseFloat(Text(o), 64)
		case local(schema.Date):
			r.Date = Text(o)
		case local(schema.InSentence):
			sent = o
		}
		if err != nil {
			return r, nil, err
		}
	}
	if sent != nil {
		ev, ok := c.Sentences[sent]
		if !ok {
			if ev, err = s.evidence(ctx, sent, c); err != nil {
				return r, nil, err
			}
			c.Sentences[sent] = ev
		}
		r.Evidence = ev
	}
	return r, props, nil
}

// predicateLabel is the label of a predicate IRI, or the IRI.
func predicateLabel(iri string) string {
	if p, ok := schema.LookupPredicate(strings.TrimPrefix(iri, schema.NS)); ok {
		return p.Label
	}
	return iri
}

// Evidence reads a sentence node and its article.
func (s *Store) Evidence(ctx context.Context, sent quad.Value) (Evidence, error) {
	return s.evidence(ctx, sent, nil)
}

// evidence is Evidence that keeps what it reads of articles in c, if not nil.
func (s *Store) evidence(ctx context.Context, sent quad.Value, c *FactCache) (Evidence, error) {
	ev := Evidence{IRI: Text(sent)}
	props, err := s.QuadsWith(ctx, quad.Subject, sent)
	if err != nil {
		return ev, err
	}
	var article quad.Value
	for _, x := range props {
		v := Text(x.Object)
		switch strings.TrimPrefix(Text(x.Predicate), schema.NS) {
		case local(schema.Text):
			ev.Sentence = v
		case local(schema.Index):
			ev.Index, _ = strconv.Atoi(v)
		case local(schema.Start):
			ev.Start, _ = strconv.Atoi(v)
		case local(schema.End):
			ev.End, _ = strconv.Atoi(v)
		case local(schema.InArticle):
			article = x.Object
		}
	}
	if article == nil {
		return ev, nil
	}
	ev.Article = Text(article)
	if a, ok := c.article(article); ok {
		ev.Title, ev.Source, ev.URL = a.Title, a.Source, a.URL
		return ev, nil
	}
	defer c.keepArticle(article, &ev)
	// Not all of the article's quads: it mentions dozens of entities.
	for _, p := range []string{schema.Title, schema.Source, schema.URL} {
		qs, err := s.Match(ctx, quad.Subject, article, quad.IRI(p).Full(), nil, 0)
		if err != nil {
			return ev, err
		}
		for _, x := range qs {
			v := Text(x.Object)
			switch p {
			case schema.Title:
				ev.Title = v
			case schema.Source:
				ev.Source = v
			case schema.URL:
				ev.URL = v
			}
		}
	}
	return ev, nil
}

// Affiliations returns the relations that the gazetteer (the named graph
// gazetteer) states of an entity, both ways: memberOf, leads, backedBy ...
func (s *Store) Affiliations(ctx context.Context, v quad.Value, gazetteer quad.IRI) ([]Affiliation, error) {
	var out []Affiliation
	c := NewFactCache()
	// Predicate by predicate: the gazetteer's few quads among the thousands
	// of a busy actor's aliases, mentions and facts. On PostgreSQL, where
	// each is a round trip, all predicates in one query a direction.
	labels := map[quad.Value]string{}
	var preds []quad.Value
	for _, pi := range schema.Predicates() {
		p := quad.IRI(pi.IRI).Full()
		labels[p] = pi.Label
		preds = append(preds, p)
	}
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		found, err := s.matchPredicates(ctx, d, v, preds, gazetteer)
		if err != nil {
			return nil, err
		}
		for _, x := range found {
			a := Affiliation{Predicate: Text(x.Predicate), Label: labels[x.Predicate]}
			for _, e := range []struct {
				v  quad.Value
				to *Node
			}{{x.Subject, &a.Subject}, {x.Object, &a.Object}} {
				n, ok := c.Nodes[e.v]
				if !ok {
					if n, err = s.Node(ctx, e.v); err != nil {
						return nil, err
					}
					c.Nodes[e.v] = n
				}
				*e.to = n
			}
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Label != out[j].Label {
			return out[i].Label < out[j].Label
		}
		return out[i].Subject.Label+out[i].Object.Label < out[j].Subject.Label+out[j].Object.Label
	})
	return out, nil
}

// local is the local name of a kg term: local(schema.InSentence) == "inSentence".
func local(term string) string { return strings.TrimPrefix(term, schema.Prefix) }

// FactsBetween returns the fact nodes whose kg:subject is a and kg:object
// is b, or the other way round. It intersects the two actors' facts by
// their ids and reads only the values of the few they share: two busy
// actors have thousands of facts each.
func (s *Store) FactsBetween(ctx context.Context, a, b quad.Value) ([]quad.Value, error) {
	subj, obj := quad.IRI(schema.Subject).Full(), quad.IRI(schema.Object).Full()
	var shared []graph.Ref
	for _, ends := range [][2]quad.Value{{a, b}, {b, a}} {
		from, err := s.subjects(ctx, ends[0], subj)
		if err != nil {
			return nil, err
		}
		to, err := s.subjects(ctx, ends[1], obj)
		if err != nil {
			return nil, err
		}
		for k, r := range from {
			if _, ok := to[k]; ok {
				shared = append(shared, r)
			}
		}
	}
	return s.values(ctx, shared)
}

// subjects returns the refs of the subjects of quads with object o and
// predicate p, by their keys, without reading their values.
func (s *Store) subjects(ctx context.Context, o, p quad.Value) (map[any]graph.Ref, error) {
	or, pr := s.ValueOf(o), s.ValueOf(p)
	if or == nil || pr == nil {
		return nil, nil
	}
	var it graph.Iterator
	if kvqs, ok := s.QuadStore.(*kv.QuadStore); ok {
		oi, _ := or.(kv.Int64Value)
		pi, _ := pr.(kv.Int64Value)
		it = kv.NewQuadIterator(kvqs, kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}, []uint64{uint64(oi), uint64(pi)})
	} else {
		it = s.QuadIterator(quad.Object, or)
	}
	defer it.Close()
	out := map[any]graph.Ref{}
	for it.Next(ctx) {
		r := it.Result()
		if sameRef(s.QuadDirection(r, quad.Predicate), pr) {
			x := s.QuadDirection(r, quad.Subject)
			out[graph.ToKey(x)] = x
		}
	}
	return out, it.Err()
}

// article returns what c holds of an article's title, source and URL.
func (c *FactCache) article(a quad.Value) (Evidence, bool) {
	if c == nil {
		return Evidence{}, false
	}
	ev, ok := c.articles[a]
	return ev, ok
}

// keepArticle keeps an article's title, source and URL from ev in c.
func (c *FactCache) keepArticle(a quad.Value, ev *Evidence) {
	if c == nil {
		return
	}
	if c.articles == nil {
		c.articles = map[quad.Value]Evidence{}
	}
	c.articles[a] = Evidence{Title: ev.Title, Source: ev.Source, URL: ev.URL}
}

// matchPredicates is Match for each of preds in turn, in one query on
// PostgreSQL.
func (s *Store) matchPredicates(ctx context.Context, d quad.Direction, v quad.Value, preds []quad.Value, label quad.Value) ([]quad.Quad, error) {
	if s.sql != nil {
		return s.matchSQLPredicates(ctx, d, v, preds, label)
	}
	var out []quad.Quad
	for _, p := range preds {
		qs, err := s.Match(ctx, d, v, p, label, 0)
		if err != nil {
			return nil, err
		}
		out = append(out, qs...)
	}
	return out, nil
}
