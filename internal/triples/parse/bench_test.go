package parse

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// udDir is where the treebank lives, relative to the package directory.
var udDir = filepath.Join("..", "..", "..", "..", "shared", "ud")

var benchModel = flag.String("model", "", "model file for BenchmarkParse and TestAccuracy instead of the embedded one")

// mustReadUD reads one file of the treebank or skips the test.
func mustReadUD(tb testing.TB, name string) []*Sentence {
	tb.Helper()
	f, err := os.Open(filepath.Join(udDir, name))
	if err != nil {
		tb.Skipf("treebank not available (%v); put UD English EWT in %s", err, udDir)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// mustModel returns the model named by -model, or the embedded one.
func mustModel(tb testing.TB) *Model {
	tb.Helper()
	if *benchModel == "" {
		return Default()
	}
	f, err := os.Open(*benchModel)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	m, err := ReadModel(f)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

var sinkSentence *Sentence

// BenchmarkParse parses the sentences of EWT dev in turn. Run it with
// -benchtime 20000x or so: the default runs too few.
func BenchmarkParse(b *testing.B) {
	dev := mustReadUD(b, "en_ewt-ud-dev.conllu")
	m := mustModel(b)
	words := 0
	for _, s := range dev {
		words += len(s.Words)
	}
	b.ReportAllocs()
	runtime.GC() // not the garbage of decoding the model
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		sinkSentence = m.Parse(dev[n%len(dev)].Words)
		n++
	}
	// Other processes may share the machine: the rate per second of CPU
	// time the benchmark used is the rate per core.
	cpu := (cpuTime() - cpu0).Seconds()
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(n)/cpu, "sentences/cpu-s")
	b.ReportMetric(float64(n)*float64(words)/float64(len(dev))/cpu, "words/cpu-s")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
