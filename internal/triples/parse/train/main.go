// Command train trains the tagger, lemmatizer and parser of package parse
// on Universal Dependencies English EWT and writes the model file that the
// package embeds.
//
// Usage:
//
//	go run ./internal/triples/parse/train [flags]
//
// It reads en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu from the -ud
// directory, prints the dev scores after each epoch, writes the model, reads
// it back and prints its final dev scores. Training is deterministic: the
// same data and flags give the same model.
//
// Example, from the root of the module:
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
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/conflictkg/kg/internal/triples/parse"
)

// Exit codes.
const (
	exitOK          = 0
	exitError       = 2
	exitInterrupted = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		os.Exit(exitOK)
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(os.Stderr, "train: interrupted")
		os.Exit(exitInterrupted)
	default:
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(exitError)
	}
}

// Run parses args, trains, and writes the model; progress goes to stdout.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// The standard flag package, not pflag as in cmd/, so that the command
	// in README.md keeps working with its single dashes.
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ud := fs.String("ud", "../shared/ud", "directory with en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu")
	out := fs.String("out", "internal/triples/parse/model/en_ewt.bin.gz", "model file to write")
	var opt parse.TrainOptions
	opt.Defaults()
	fs.IntVar(&opt.TagEpochs, "tag-epochs", opt.TagEpochs, "passes over the training data for the tagger")
	fs.IntVar(&opt.ParseEpochs, "parse-epochs", opt.ParseEpochs, "passes over the training data for the parser")
	fs.IntVar(&opt.Folds, "folds", opt.Folds, "jackknife folds that tag the parser's training data")
	fs.Uint64Var(&opt.Seed, "seed", opt.Seed, "seed for shuffling and exploration")
	fs.IntVar(&opt.MinUpdates, "min-updates", opt.MinUpdates, "drop parser features updated fewer times than this")
	fs.IntVar(&opt.TagMinUpdates, "tag-min-updates", opt.TagMinUpdates, "drop tagger features updated fewer times than this")
	fs.IntVar(&opt.DictMinCount, "dict-min-count", opt.DictMinCount, "words seen this often with one tag 97% of the time are tagged by dictionary; -1: none")
	fs.Float64Var(&opt.Explore, "explore", opt.Explore, "probability of following a wrong prediction in training")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: train [flags]\n\nTrain the tagger, lemmatizer and parser on UD English EWT.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
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
	m, err := parse.Train(ctx, train, dev, opt)
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
	// Score the model as the package will load it.
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
	fmt.Fprintf(stdout, "final dev: %s\n", loaded.Evaluate(dev))
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
