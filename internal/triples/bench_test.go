package triples

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"testing"
)

// fakesDev is the FA-KES development corpus (402 articles), which lives
// outside the repository; the benchmarks skip without it.
const fakesDev = "../../../shared/corpora/fakes-dev.csv"

// mustReadCorpus reads the articles of a CSV file as kgbuild does, with the
// default FA-KES columns, skipping records the reader rejects.
func mustReadCorpus(tb testing.TB, path string) []*Article {
	tb.Helper()
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("%s is absent: the extraction benchmarks need the FA-KES corpus there", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := NewArticleReader(f, CSV, ReadOptions{Path: path})
	var as []*Article
	for {
		a, err := r.ReadArticle()
		if err == io.EOF {
			break
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			continue
		}
		if err != nil {
			tb.Fatal(err)
		}
		as = append(as, a)
	}
	if len(as) == 0 {
		tb.Fatalf("%s: no articles", path)
	}
	return as
}

// corpusStats extracts the articles once and returns their text size and
// how many sentences and facts they give, for the benchmarks' metrics.
func corpusStats(tb testing.TB, x *Extractor, as []*Article) (size, sentences, facts int) {
	tb.Helper()
	for _, a := range as {
		doc, err := x.Extract(a)
		if err != nil {
			tb.Fatal(err)
		}
		size += len(a.Title) + len(a.Text)
		sentences += len(doc.Sentences)
		facts += len(doc.Facts)
	}
	return size, sentences, facts
}

// docSink keeps the compiler from discarding the benchmarks' work.
var docSink *Document

// BenchmarkExtract extracts every article of the FA-KES development corpus
// per iteration on one goroutine. MB/s counts the title and text bytes.
func BenchmarkExtract(b *testing.B) {
	as := mustReadCorpus(b, fakesDev)
	x := NewExtractor()
	size, sentences, facts := corpusStats(b, x, as)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range as {
			docSink, _ = x.Extract(a)
		}
	}
	b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(facts), "facts/op")
	b.ReportMetric(float64(len(as)), "articles/op")
}

// BenchmarkExtractParallel extracts the corpus per iteration on a pool of
// goroutines sharing one Extractor, as kgbuild --jobs does, to show how
// extraction scales with cores.
func BenchmarkExtractParallel(b *testing.B) {
	as := mustReadCorpus(b, fakesDev)
	x := NewExtractor()
	size, sentences, facts := corpusStats(b, x, as)
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				next := make(chan *Article)
				var wg sync.WaitGroup
				for range workers {
					wg.Go(func() {
						for a := range next {
							doc, _ := x.Extract(a)
							if doc == nil {
								b.Errorf("Extract(%s) failed", a.ID)
							}
						}
					})
				}
				for _, a := range as {
					next <- a
				}
				close(next)
				wg.Wait()
			}
			b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
			b.ReportMetric(float64(facts), "facts/op")
		})
	}
}
