package triples

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestFakesJudged holds the extractor to the verdicts given on every fact
// it drew from the FA-KES development corpus at one commit
// (testdata/fakes-judged.tsv; docs/quality.md says how they were made):
// the facts judged wrong that it still makes, the facts judged right that
// it lost, and the share right among the judged facts it makes. Facts
// without a verdict are counted, not judged: read a sample of them before
// trusting the figure. It skips without the corpus.
func TestFakesJudged(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the whole corpus")
	}
	as := mustReadCorpus(t, fakesDev)
	f, err := os.Open("testdata/fakes-judged.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// No field holds a tab, and quotes are text: split lines on tabs.
	verdicts := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		rec := strings.Split(sc.Text(), "\t")
		if len(rec) != 9 {
			t.Fatalf("testdata/fakes-judged.tsv:%d: %d fields, want 9", line, len(rec))
		}
		if line > 1 {
			verdicts[judgedKey(rec[0], rec[1], rec[2], rec[3], rec[4], rec[5])] = rec[6]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}

	x := NewExtractor()
	seen := map[string]bool{}
	var right, wrong, unjudged int
	for _, a := range as {
		doc, err := x.Extract(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, fc := range doc.Facts {
			k := judgedKey(a.ID, fc.Subject.ID, predicateName(fc.Predicate), fc.Object.ID, fmt.Sprint(fc.Negated), doc.Sentences[fc.Sentence].Text)
			if seen[k] {
				continue
			}
			seen[k] = true
			switch verdicts[k] {
			case "right":
				right++
			case "wrong":
				wrong++
			default:
				unjudged++
			}
		}
	}
	lost := 0
	for k, v := range verdicts {
		if v == "right" && !seen[k] {
			lost++
		}
	}
	precision := float64(right) / float64(max(1, right+wrong))
	t.Logf("judged facts made: %d right, %d wrong (%.1f%% right); %d judged right no longer made; %d facts without a verdict",
		right, wrong, 100*precision, lost, unjudged)
	if precision < fakesPrecisionFloor {
		t.Errorf("precision on the judged facts %.1f%% fell below %.0f%%", 100*precision, 100*fakesPrecisionFloor)
	}
	if lost > fakesLostCeiling {
		t.Errorf("%d facts judged right are no longer made, more than %d", lost, fakesLostCeiling)
	}
}

// What TestFakesJudged holds the extractor to: raise them as it improves.
const (
	fakesPrecisionFloor = 0.88
	fakesLostCeiling    = 10
)

var space = regexp.MustCompile(`[\t\r\n]+`)

// judgedKey identifies a fact as the verdict file does, with the sentence
// as kgbuild's JSON gives it.
func judgedKey(article, subject, predicate, object, negated, sentence string) string {
	return article + "\t" + subject + "\t" + predicate + "\t" + object + "\t" + negated + "\t" + space.ReplaceAllString(sentence, " ")
}

// predicateName is the local name of a predicate's short IRI: "kg:bombs" -> "bombs".
func predicateName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == ':' || p[i] == '#' || p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}
