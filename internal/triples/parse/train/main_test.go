package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conflictkg/kg/internal/triples/parse"
)

// tiny is a treebank of two sentences in CoNLL-U.
const tiny = `# text = Rebels agreed to a truce .
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	agreed	agree	VERB	VBD	_	0	root	_	_
3	to	to	ADP	IN	_	5	case	_	_
4	a	a	DET	DT	_	5	det	_	_
5	truce	truce	NOUN	NN	_	2	obl	_	_
6	.	.	PUNCT	.	_	2	punct	_	_

# text = The army denied it .
1	The	the	DET	DT	_	2	det	_	_
2	army	army	NOUN	NN	_	3	nsubj	_	_
3	denied	deny	VERB	VBD	_	0	root	_	_
4	it	it	PRON	PRP	_	3	obj	_	_
5	.	.	PUNCT	.	_	3	punct	_	_

`

func writeTreebank(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Repeat(tiny, 10)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRunErrors(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string // in the error
	}{
		{"unknown flag", []string{"-nope"}, "flag provided but not defined"},
		{"argument", []string{"-ud", empty, "extra"}, `unexpected argument "extra"`},
		{"no treebank", []string{"-ud", empty}, "en_ewt-ud-train.conllu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := Run(context.Background(), tt.args, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run(%q) error = %v, want one containing %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestRunHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := Run(context.Background(), []string{"-h"}, &stdout, &stderr)
	if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr.String(), "-min-updates") {
		t.Errorf("Run(-h) error = %v, usage %q", err, stderr.String())
	}
}

func TestRunTrains(t *testing.T) {
	dir := writeTreebank(t)
	out := filepath.Join(t.TempDir(), "m.bin.gz")
	var stdout, stderr bytes.Buffer
	args := []string{"-ud", dir, "-out", out, "-tag-epochs", "2", "-parse-epochs", "2", "-folds", "2"}
	if err := Run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("Run(%q): %v\n%s", args, err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "final dev: ") {
		t.Errorf("Run(%q) printed %q, want the final dev scores", args, stdout.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := parse.ReadModel(f)
	if err != nil {
		t.Fatalf("ReadModel: %v", err)
	}
	s := m.Parse(strings.Fields("The rebels denied it ."))
	if len(s.Heads) != 5 {
		t.Errorf("Parse gave %d heads, want 5", len(s.Heads))
	}
}

func TestRunInterrupted(t *testing.T) {
	dir := writeTreebank(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	err := Run(ctx, []string{"-ud", dir, "-out", filepath.Join(t.TempDir(), "m.bin.gz"), "-folds", "2"}, &stdout, &stderr)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run with a cancelled context: error = %v, want context.Canceled", err)
	}
}
