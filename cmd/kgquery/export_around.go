package main

import (
	"context"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/conflictkg/kg/internal/store"
	"github.com/conflictkg/kg/schema"
)

// aroundQuads returns the neighbourhood of an entity as quads: the entities
// within hops facts or gazetteer relations of it, and every fact and
// relation among them, as an ego network is drawn (edges between the
// outermost entities too). With each fact come its sentence and article, so
// the export keeps its evidence; with each entity its type, label and
// aliases. It walks the subject and object indexes from the centre and never
// scans the store.
func (q *query) aroundQuads(ctx context.Context, centre quad.Value, hops int) ([]quad.Quad, error) {
	gaz := q.iris.Gazetteer()
	dist := map[quad.Value]int{centre: 0}
	factQuads := map[quad.Value][]quad.Quad{} // fact → its quads
	factEnds := map[quad.Value][2]quad.Value{}
	frontier := []quad.Value{centre}
	for level := 0; level <= hops && len(frontier) > 0; level++ {
		var next []quad.Value
		reach := func(v quad.Value) {
			if _, ok := dist[v]; !ok && level < hops {
				dist[v] = level + 1
				next = append(next, v)
			}
		}
		for _, e := range frontier {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			in, err := q.st.QuadsWith(ctx, quad.Object, e)
			if err != nil {
				return nil, err
			}
			for _, x := range in {
				switch {
				case x.Predicate == iriSubject || x.Predicate == iriObject:
					f := x.Subject
					if _, ok := factQuads[f]; !ok {
						qs, err := q.st.QuadsWith(ctx, quad.Subject, f)
						if err != nil {
							return nil, err
						}
						factQuads[f] = qs
						var ends [2]quad.Value
						for _, fq := range qs {
							switch fq.Predicate {
							case iriSubject:
								ends[0] = fq.Object
							case iriObject:
								ends[1] = fq.Object
							}
						}
						factEnds[f] = ends
					}
					for _, v := range factEnds[f] {
						if v != nil {
							reach(v)
						}
					}
				case x.Label == gaz && isRelation(x.Predicate):
					reach(x.Subject)
				}
			}
			out, err := q.st.QuadsWith(ctx, quad.Subject, e)
			if err != nil {
				return nil, err
			}
			for _, x := range out {
				if x.Label == gaz && isRelation(x.Predicate) {
					reach(x.Object)
				}
			}
		}
		frontier = next
	}

	inSet := func(v quad.Value) bool { _, ok := dist[v]; return ok }
	var qs []quad.Quad
	for e := range dist {
		own, err := q.st.QuadsWith(ctx, quad.Subject, e)
		if err != nil {
			return nil, err
		}
		for _, x := range own {
			// Relations (direct fact edges, the gazetteer's) only within the neighbourhood.
			if !isRelation(x.Predicate) || inSet(x.Object) {
				qs = append(qs, x)
			}
		}
	}
	described := map[quad.Value]bool{}
	describe := func(v quad.Value, keep func(quad.Quad) bool) error {
		if v == nil || described[v] {
			return nil
		}
		described[v] = true
		xs, err := q.st.QuadsWith(ctx, quad.Subject, v)
		for _, x := range xs {
			if keep(x) {
				qs = append(qs, x)
			}
		}
		return err
	}
	for f, ends := range factEnds {
		if !inSet(ends[0]) || !inSet(ends[1]) {
			continue
		}
		qs = append(qs, factQuads[f]...)
		for _, fq := range factQuads[f] {
			if fq.Predicate != iriInSentence {
				continue
			}
			var article quad.Value
			err := describe(fq.Object, func(x quad.Quad) bool {
				if x.Predicate == iriInArticle {
					article = x.Object
				}
				return true
			})
			if err != nil {
				return nil, err
			}
			// An article mentions many entities; keep those of the neighbourhood.
			err = describe(article, func(x quad.Quad) bool { return x.Predicate != iriMentions || inSet(x.Object) })
			if err != nil {
				return nil, err
			}
		}
	}
	return sortedUnique(qs), nil
}

var (
	iriSubject    = quad.IRI(schema.Subject).Full()
	iriObject     = quad.IRI(schema.Object).Full()
	iriInSentence = quad.IRI(schema.InSentence).Full()
	iriInArticle  = quad.IRI(schema.InArticle).Full()
	iriMentions   = quad.IRI(schema.Mentions).Full()
)

// isRelation reports whether p is a predicate of facts (kg:attacks, kg:memberOf ...).
func isRelation(p quad.Value) bool {
	s := store.Text(p)
	if !strings.HasPrefix(s, schema.NS) {
		return false
	}
	_, ok := schema.LookupPredicate(s)
	return ok
}
