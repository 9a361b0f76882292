package parse_test

import (
	"fmt"
	"strings"

	"github.com/conflictkg/kg/internal/triples/parse"
)

func Example() {
	words := strings.Fields("Jaish al - Islam denied on Friday reports that it agreed to a truce with Russia .")
	s := parse.Default().Parse(words)
	for i, w := range s.Words {
		head := "ROOT"
		if h := s.Heads[i]; h >= 0 {
			head = s.Words[h]
		}
		fmt.Printf("%-8s %-7s %-5s %-6s %-10s %s\n", w, s.Lemmas[i], s.UPOS[i], s.XPOS[i], s.Rels[i], head)
	}
	// Output:
	// Jaish    jaish   PROPN NNP    nsubj      denied
	// al       al      PROPN NNP    flat       Jaish
	// -        -       PUNCT HYPH   punct      Islam
	// Islam    islam   PROPN NNP    flat       Jaish
	// denied   deny    VERB  VBD    root       ROOT
	// on       on      ADP   IN     case       Friday
	// Friday   friday  PROPN NNP    obl        denied
	// reports  report  VERB  VBZ    advmod     denied
	// that     that    SCONJ IN     mark       agreed
	// it       it      PRON  PRP    nsubj      agreed
	// agreed   agree   VERB  VBD    ccomp      reports
	// to       to      ADP   IN     case       truce
	// a        a       DET   DT     det        truce
	// truce    truce   NOUN  NN     obl        agreed
	// with     with    ADP   IN     case       Russia
	// Russia   russia  PROPN NNP    nmod       truce
	// .        .       PUNCT .      punct      denied
}
