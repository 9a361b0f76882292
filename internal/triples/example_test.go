package triples_test

import (
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/conflictkg/kg/internal/triples"
)

// ExampleNewReader streams the quads of the facts in a JSON Lines input; a
// bad record is skipped and listed in Errors.
func ExampleNewReader() {
	in := `{"id":"a1","text":"Rebels, IS agree to truce in south Damascus"}
{"id":"a2","text":
{"id":"a3","text":"Russia brokered the truce."}
`
	src := triples.NewArticleReader(strings.NewReader(in), triples.JSONL, triples.ReadOptions{Path: "in.jsonl"})
	r := triples.NewReader(src, triples.NewExtractor(), triples.IRIs{})
	qs, err := quad.ReadAll(r)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range qs {
		if p := quad.ToString(q.Predicate); strings.Contains(p, "ns#agreesTo") || strings.Contains(p, "ns#brokers") {
			fmt.Println(quad.ToString(q.Subject), p, quad.ToString(q.Object))
		}
	}
	fmt.Println(r.Errors)
	// Output:
	// <https://conflictkg.org/id/actor/islamic-state> <https://conflictkg.org/ns#agreesTo> <https://conflictkg.org/id/agreement/ceasefire>
	// <https://conflictkg.org/id/actor/rebels> <https://conflictkg.org/ns#agreesTo> <https://conflictkg.org/id/agreement/ceasefire>
	// <https://conflictkg.org/id/actor/russia> <https://conflictkg.org/ns#brokers> <https://conflictkg.org/id/agreement/ceasefire>
	// [in.jsonl:2: invalid JSON: unexpected end of input (is the line cut short?)]
}
