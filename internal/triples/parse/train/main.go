// Command train trains the tagger, lemmatizer and parser of package parse
// on Universal Dependencies English EWT and writes the model file.
//
// Usage:
//
//	go run ./internal/triples/parse/train -ud ../shared/ud -out internal/triples/parse/model/en_ewt.bin.gz
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/conflictkg/kg/internal/triples/parse"
)

func main() {
	if err := Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(2)
	}
}

// Run parses args, trains and writes the model.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ud := fs.String("ud", "../shared/ud", "directory with en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu")
	out := fs.String("out", "internal/triples/parse/model/en_ewt.bin.gz", "model file to write")
	var opt parse.TrainOptions
	fs.IntVar(&opt.TagEpochs, "tag-epochs", 8, "passes over the training data for the tagger")
	fs.IntVar(&opt.ParseEpochs, "parse-epochs", 15, "passes over the training data for the parser")
	fs.IntVar(&opt.Folds, "folds", 10, "jackknife folds for the parser's training tags")
	fs.Uint64Var(&opt.Seed, "seed", 1, "seed for shuffling and exploration")
	min := fs.Float64("min-weight", 0, "drop averaged weights smaller than this")
	fs.Float64Var(&opt.Explore, "explore", 0.9, "probability of following a wrong prediction in training")
	if err := fs.Parse(args); err != nil {
		return err
	}
	opt.MinWeight = float32(*min)
	opt.Log = stdout
	train, err := readFile(filepath.Join(*ud, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	dev, err := readFile(filepath.Join(*ud, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return err
	}
	start := time.Now()
	m, err := parse.Train(train, dev, opt)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	n, err := m.WriteTo(f)
	if err != nil {
		f.Close()
		return fmt.Errorf("failed to write %s: %v", *out, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	// Score the model as it will be loaded, after quantization.
	f, err = os.Open(*out)
	if err != nil {
		return err
	}
	defer f.Close()
	loaded, err := parse.ReadModel(f)
	if err != nil {
		return fmt.Errorf("failed to read back %s: %v", *out, err)
	}
	fmt.Fprintf(stdout, "wrote %s: %d bytes, trained in %s\n", *out, n, time.Since(start).Round(time.Second))
	fmt.Fprintf(stdout, "final dev (quantized model): %s\n", loaded.Evaluate(dev))
	return nil
}

func readFile(path string) ([]*parse.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := parse.ReadCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
