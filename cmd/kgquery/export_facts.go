package main

import (
	"context"

	"github.com/cayleygraph/quad"

	"github.com/conflictkg/kg/internal/triples"
	"github.com/conflictkg/kg/schema"
)

// factQuads returns the quads behind facts, as kgquery export writes the
// result of a filter: each fact node and, unless negated, its direct edge
// (both in the sentence's graph); its sentence node; the article node
// without its mentions of other entities; and the description of the
// entities the facts name (subject, object, speaker), from the gazetteer's
// graph and those articles' graphs only, and without their relations, so
// that no fact or relation the filter left out comes along. Like
// aroundQuads, it reads the indexes of the nodes it needs and never scans
// the store.
func (q *query) factQuads(ctx context.Context, rows []factRow) ([]quad.Quad, error) {
	var qs []quad.Quad
	entities := map[quad.Value]bool{}
	sentences := map[quad.Value]bool{}
	for _, r := range rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		own, err := q.st.QuadsWith(ctx, quad.Subject, quad.IRI(r.Fact))
		if err != nil {
			return nil, err
		}
		qs = append(qs, own...)
		var s, p, o, sent quad.Value
		for _, x := range own {
			switch x.Predicate {
			case iriSubject:
				s = x.Object
			case iriPredicate:
				p = x.Object
			case iriObject:
				o = x.Object
			case iriInSentence:
				sent = x.Object
			case iriAssertedBy:
				entities[x.Object] = true
			}
		}
		entities[s], entities[o], sentences[sent] = true, true, true
		if r.Negated || s == nil || p == nil || o == nil || sent == nil {
			continue // a negated fact has no direct edge: the graph does not assert it
		}
		edges, err := q.st.Match(ctx, quad.Subject, s, p, sent, 0)
		if err != nil {
			return nil, err
		}
		for _, x := range edges {
			if x.Object == o {
				qs = append(qs, x)
			}
		}
	}
	delete(entities, nil)
	delete(sentences, nil)
	articles := map[quad.Value]bool{}
	for sent := range sentences {
		own, err := q.st.QuadsWith(ctx, quad.Subject, sent)
		if err != nil {
			return nil, err
		}
		for _, x := range own {
			if x.Predicate == iriInArticle {
				articles[x.Object] = true
			}
		}
		qs = append(qs, own...)
	}
	for a := range articles {
		own, err := q.st.QuadsWith(ctx, quad.Subject, a)
		if err != nil {
			return nil, err
		}
		for _, x := range own {
			// An article mentions many entities; keep those of the facts.
			if x.Predicate != iriMentions || entities[x.Object] {
				qs = append(qs, x)
			}
		}
	}
	gaz := q.iris.Gazetteer()
	for e := range entities {
		own, err := q.st.QuadsWith(ctx, quad.Subject, e)
		if err != nil {
			return nil, err
		}
		for _, x := range own {
			// Labels, types and aliases, as the gazetteer and the facts'
			// articles give them; relations are facts or the gazetteer's.
			if !isRelation(x.Predicate) && (x.Label == gaz || articles[x.Label]) {
				qs = append(qs, x)
			}
		}
	}
	return sortedUnique(qs), nil
}

var (
	iriPredicate  = quad.IRI(schema.Predicate).Full()
	iriAssertedBy = quad.IRI(schema.AssertedBy).Full()
)

// sortedUnique sorts quads as the exports write them and drops repeats.
func sortedUnique(qs []quad.Quad) []quad.Quad {
	triples.SortQuads(qs)
	out := qs[:0]
	for i, x := range qs {
		if i == 0 || x != qs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
