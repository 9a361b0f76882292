package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conflictkg/kg/internal/triples"
	"github.com/conflictkg/kg/internal/triples/carb"
	"github.com/conflictkg/kg/internal/triples/parse"
)

const evalUsage = `kgbuild eval: score open extraction on the CaRB benchmark.

Usage:
  kgbuild eval [flags] [GOLD]     GOLD: CaRB tuples (default ../shared/carb/dev.tsv)

Each gold sentence is parsed and its clauses extracted as kgbuild does for
articles; the tuples are scored as CaRB's carb.py scores them (binary
lenient tuple match): precision, recall and F1 at the best confidence
threshold, and the area under the precision-recall curve.

Flags:
%s
Examples:
  kgbuild eval
  kgbuild eval --out ours.tsv --kinds ../shared/carb/dev.tsv
`

// runEval is "kgbuild eval".
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := pflag.NewFlagSet("kgbuild eval", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the extractions to `FILE` in CaRB's tabbed format")
	kinds := fs.Bool("kinds", false, "also score each kind of extraction (verb, copula, appos...) alone")
	fs.Usage = func() { fmt.Fprintf(stderr, evalUsage, fs.FlagUsages()) }
	if err := fs.Parse(args); err != nil {
		return err
	}
	goldPath := "../shared/carb/dev.tsv"
	switch fs.NArg() {
	case 0:
	case 1:
		goldPath = fs.Arg(0)
	default:
		return fmt.Errorf("eval: one gold file at most, got %d", fs.NArg())
	}
	f, err := os.Open(goldPath)
	if err != nil {
		return fmt.Errorf("eval: %s: %v (give the CaRB gold file, e.g. ../shared/carb/dev.tsv)", goldPath, pathErr(err))
	}
	defer f.Close()
	gold, err := carb.ReadGold(f)
	if err != nil {
		return fmt.Errorf("%s: %v", goldPath, err)
	}
	pred, byKind, err := extractCaRB(ctx, gold)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := writeTabbed(*out, pred); err != nil {
			return err
		}
	}
	res := carb.Score(gold, pred)
	fmt.Fprintf(stdout, "CaRB %s: %d sentences, %d gold tuples, %d extractions\n", goldPath, len(gold.Sentences), res.Gold, res.Predicted)
	fmt.Fprintf(stdout, "precision %.3f  recall %.3f  F1 %.3f  (confidence >= %.2f)  AUC %.3f\n", res.Precision, res.Recall, res.F1, res.Threshold, res.AUC)
	if *kinds {
		names := make([]string, 0, len(byKind))
		for k := range byKind {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			r := carb.Score(gold, byKind[k])
			fmt.Fprintf(stdout, "  %-8s %5d extractions  precision %.3f  recall %.3f  F1 %.3f\n", k, r.Predicted, r.Precision, r.Recall, r.F1)
		}
	}
	return nil
}

// ptbWords undoes the Penn Treebank escapes of CaRB's tokens for the parser.
var ptbWords = map[string]string{"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": "\"", "''": "\""}

// extractCaRB runs open extraction over the gold sentences, already
// tokenized, and returns the tuples in the gold's tokens, all of them and
// by kind.
func extractCaRB(ctx context.Context, gold *carb.Set) (*carb.Set, map[string]*carb.Set, error) {
	m := parse.Default()
	pred := &carb.Set{}
	byKind := map[string]*carb.Set{}
	for _, sent := range gold.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		words := strings.Fields(sent)
		in := make([]string, len(words))
		for i, w := range words {
			in[i] = w
			if u, ok := ptbWords[w]; ok {
				in[i] = u
			}
		}
		for _, e := range triples.OpenExtract(m.Parse(in)) {
			rel, args := e.Strings(words)
			if len(args) == 1 {
				// CaRB gives every tuple a second argument, empty for an
				// intransitive clause ("rebounded | cash municipals | "),
				// and matches no tuple that lacks one.
				args = append(args, "")
			}
			t := carb.Tuple{Rel: rel, Args: args, Confidence: e.Confidence}
			pred.Add(sent, t)
			if byKind[e.Kind] == nil {
				byKind[e.Kind] = &carb.Set{}
			}
			byKind[e.Kind].Add(sent, t)
		}
	}
	return pred, byKind, nil
}

func writeTabbed(path string, s *carb.Set) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := carb.WriteTabbed(f, s); err != nil {
		f.Close()
		return fmt.Errorf("%s: %v", path, err)
	}
	return f.Close()
}
