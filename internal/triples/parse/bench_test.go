package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// udDir is where the treebank lives, relative to the package directory.
var udDir = filepath.Join("..", "..", "..", "..", "shared", "ud")

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

var sinkSentence *Sentence

func BenchmarkParse(b *testing.B) {
	dev := mustReadUD(b, "en_ewt-ud-dev.conllu")
	m := Default()
	words := 0
	for _, s := range dev {
		words += len(s.Words)
	}
	b.ReportAllocs()
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
	for b.Loop() {
		if _, err := ReadModel(bytesReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime returns the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
