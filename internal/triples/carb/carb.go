// Package carb scores open information extraction against the CaRB
// benchmark (Bhardwaj, Aggarwal and Mausam, EMNLP 2019), as its reference
// scorer carb.py does with its default matcher (binary lenient tuple
// match), so that figures are comparable with published ones.
//
// A tuple is a relation and its arguments. Both gold and predicted tuples
// are made binary: the first argument, and all others joined. A predicted
// tuple is compared with a gold tuple word by word (whitespace-separated,
// case-sensitive, each word used once): it matches only if the relations
// share a word; its precision is the share of its words found in the gold
// tuple, part by part, and its recall the share of the gold tuple's words
// it found. Per sentence, recall takes the best match of each gold tuple,
// precision matches predictions to gold tuples greedily one to one. Both
// are computed at every confidence threshold; F1 is reported at the best
// threshold, with the area under the precision–recall curve.
package carb

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Tuple is one extraction: a relation and its arguments, the first being
// the subject.
type Tuple struct {
	Rel        string
	Args       []string
	Confidence float64 // predictions only; gold tuples have 1
}

// Set is a benchmark or a system's output: tuples by sentence, with the
// sentences in the order they were first read.
type Set struct {
	Sentences []string
	Tuples    map[string][]Tuple
}

func (s *Set) add(sent string, t Tuple) {
	if s.Tuples == nil {
		s.Tuples = map[string][]Tuple{}
	}
	if _, ok := s.Tuples[sent]; !ok {
		s.Sentences = append(s.Sentences, sent)
	}
	s.Tuples[sent] = append(s.Tuples[sent], t)
}

// Add records tuple t of sentence sent.
func (s *Set) Add(sent string, t Tuple) { s.add(strings.TrimSpace(sent), t) }

// ReadGold reads CaRB's gold format: "sentence \t relation \t arg1 \t
// arg2 ...", one tuple a line.
func ReadGold(r io.Reader) (*Set, error) {
	s := &Set{}
	err := eachLine(r, func(n int, f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("line %d: want a sentence and a relation, tab-separated, got %d fields", n, len(f))
		}
		s.Add(f[0], Tuple{Rel: strings.TrimSpace(f[1]), Args: trimAll(f[2:]), Confidence: 1})
		return nil
	})
	return s, err
}

// ReadTabbed reads CaRB's tabbed system output: "sentence \t confidence \t
// relation \t arg1 \t arg2 ...".
func ReadTabbed(r io.Reader) (*Set, error) {
	s := &Set{}
	err := eachLine(r, func(n int, f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("line %d: want a sentence, a confidence and a relation, tab-separated, got %d fields", n, len(f))
		}
		c, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil || math.IsNaN(c) {
			return fmt.Errorf("line %d: confidence %q is not a number", n, f[1])
		}
		s.Add(f[0], Tuple{Rel: strings.TrimSpace(f[2]), Args: trimAll(f[3:]), Confidence: c})
		return nil
	})
	return s, err
}

// WriteTabbed writes s in the format ReadTabbed reads.
func WriteTabbed(w io.Writer, s *Set) error {
	bw := bufio.NewWriter(w)
	for _, sent := range s.Sentences {
		for _, t := range s.Tuples[sent] {
			fmt.Fprintf(bw, "%s\t%s\t%s", sent, strconv.FormatFloat(t.Confidence, 'f', -1, 64), t.Rel)
			for _, a := range t.Args {
				fmt.Fprintf(bw, "\t%s", a)
			}
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

func eachLine(r io.Reader, fn func(n int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := fn(n, strings.Split(line, "\t")); err != nil {
			return err
		}
	}
	return sc.Err()
}

func trimAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.TrimSpace(s)
	}
	return out
}

// Point is one point of the precision–recall curve.
type Point struct {
	Confidence, Precision, Recall float64
}

// Result is a system's score.
type Result struct {
	Precision, Recall, F1 float64 // at the best confidence threshold
	Threshold             float64 // that threshold
	AUC                   float64 // area under the precision–recall curve
	Curve                 []Point // by increasing confidence
	Gold, Predicted       int     // tuples of the gold sentences; predictions for them
}

// Score compares predictions with the gold set as carb.py's
// Benchmark.compare does. Sentences are matched by their text without
// spaces and ASCII punctuation, so tokenization differences don't matter.
func Score(gold, pred *Set) Result {
	predBy := map[string][]Tuple{}
	thresholds := map[float64]bool{}
	for _, sent := range pred.Sentences {
		k := normalizeKey(sent)
		for _, t := range pred.Tuples[sent] {
			predBy[k] = append(predBy[k], binary(t))
			thresholds[t.Confidence] = true
		}
	}
	confs := make([]float64, 0, len(thresholds))
	for c := range thresholds {
		confs = append(confs, c)
	}
	sort.Float64s(confs)
	p, pl := make([]float64, len(confs)), make([]float64, len(confs))
	r, rl := make([]float64, len(confs)), make([]float64, len(confs))
	addRange := func(xs []float64, from, to int, v float64) {
		for i := from; i < to; i++ {
			xs[i] += v
		}
	}

	var res Result
	goldBy := map[string][]Tuple{}
	var keys []string
	for _, sent := range gold.Sentences {
		k := normalizeKey(sent)
		if _, ok := goldBy[k]; !ok {
			keys = append(keys, k)
		}
		for _, t := range gold.Tuples[sent] {
			goldBy[k] = append(goldBy[k], binary(t))
		}
	}
	for _, k := range keys {
		golds, preds := goldBy[k], predBy[k]
		res.Gold += len(golds)
		res.Predicted += len(preds)
		scores := make([][][2]float64, len(golds))
		for i, g := range golds {
			scores[i] = make([][2]float64, len(preds))
			for j, e := range preds {
				scores[i][j] = Match(g, e)
			}
		}
		sentConfs := make([]float64, len(preds))
		for j, e := range preds {
			sentConfs[j] = e.Confidence
		}
		sort.Float64s(sentConfs)
		sentConfs = slices.Compact(sentConfs)
		prev := 0
		for _, conf := range sentConfs {
			c := sort.SearchFloat64s(confs, conf)
			var ext []int
			for j, e := range preds {
				if e.Confidence >= conf {
					ext = append(ext, j)
				}
			}
			recallNum := 0.0
			for i := range golds {
				best := 0.0
				for _, j := range ext {
					best = max(best, scores[i][j][1])
				}
				recallNum += best
			}
			addRange(p, prev, c+1, greedyPrecision(scores, ext))
			addRange(pl, prev, c+1, float64(len(ext)))
			addRange(r, prev, c+1, recallNum)
			addRange(rl, prev, c+1, float64(len(golds)))
			prev = c + 1
		}
		// Beyond the sentence's highest confidence it has no extractions,
		// but its gold tuples still count against recall.
		addRange(rl, prev, len(confs), float64(len(golds)))
	}

	best := -1.0
	for i, c := range confs {
		pt := Point{Confidence: c, Precision: 1, Recall: 0}
		if pl[i] > 0 {
			pt.Precision = p[i] / pl[i]
		}
		if rl[i] > 0 {
			pt.Recall = r[i] / rl[i]
		}
		res.Curve = append(res.Curve, pt)
		if f := f1(pt.Precision, pt.Recall); f > best {
			best = f
			res.Precision, res.Recall, res.F1, res.Threshold = pt.Precision, pt.Recall, f, c
		}
	}
	res.AUC = auc(res.Curve)
	return res
}

// greedyPrecision matches predictions ext to gold tuples one to one,
// taking the highest precision first, and sums the precisions.
func greedyPrecision(scores [][][2]float64, ext []int) float64 {
	n := min(len(scores), len(ext))
	rowUsed := make([]bool, len(scores))
	colUsed := map[int]bool{}
	sum := 0.0
	for range n {
		bestRow, bestCol, bestP := -1, -1, -1.0
		for i := range scores {
			if rowUsed[i] {
				continue
			}
			for _, j := range ext {
				if !colUsed[j] && scores[i][j][0] > bestP {
					bestRow, bestCol, bestP = i, j, scores[i][j][0]
				}
			}
		}
		rowUsed[bestRow], colUsed[bestCol] = true, true
		sum += bestP
	}
	return sum
}

// auc is the trapezoidal area under the curve with the point (recall 0,
// precision 1) added, as carb.py computes it with sklearn.
func auc(curve []Point) float64 {
	xs := make([]float64, 0, len(curve)+1)
	ys := make([]float64, 0, len(curve)+1)
	for _, pt := range curve {
		xs, ys = append(xs, pt.Recall), append(ys, pt.Precision)
	}
	xs, ys = append(xs, 0), append(ys, 1)
	area := 0.0
	for i := 1; i < len(xs); i++ {
		area += (xs[i] - xs[i-1]) * (ys[i] + ys[i-1]) / 2
	}
	return math.Abs(area)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// binary makes t a binary tuple: its first argument, and the others joined.
func binary(t Tuple) Tuple {
	if len(t.Args) >= 2 {
		t.Args = []string{t.Args[0], strings.Join(t.Args[1:], " ")}
	}
	return t
}

// saidVerbs mark a gold relation of speech, whose arguments a system may
// give in either order ("X said Y" or "Y, X said").
var saidVerbs = []string{"said", "told", "added", "adds", "says"}

// Match scores predicted tuple e against gold tuple g, both binary, as
// carb.py's binary_linient_tuple_match: [precision, recall], zero unless
// the relations share a word and e has every argument g has up to the
// second.
func Match(g, e Tuple) [2]float64 {
	m := lenientMatch(g, e)
	for _, v := range saidVerbs {
		if strings.Contains(g.Rel, v) {
			if len(e.Args) >= 2 {
				e.Args = []string{strings.Join(e.Args[1:], " "), e.Args[0]}
			}
			if rev := lenientMatch(g, e); rev[0] > m[0] || rev[0] == m[0] && rev[1] > m[1] {
				m = rev
			}
			break
		}
	}
	return m
}

var formsOfBe = []string{"be", "is", "am", "are", "was", "were", "been", "being"}

func lenientMatch(g, e Tuple) [2]float64 {
	var precNum, precDen, recNum, recDen int
	predWords, goldWords := strings.Fields(e.Rel), strings.Fields(g.Rel)
	precDen += len(predWords)
	recDen += len(goldWords)
	n, rest := overlap(goldWords, predWords)
	if slices.Contains(rest, "be") {
		for _, form := range formsOfBe {
			if slices.Contains(goldWords, form) {
				n++
				break
			}
		}
	}
	if n == 0 {
		return [2]float64{}
	}
	precNum += n
	recNum += n
	for i, arg := range g.Args {
		goldWords := strings.Fields(arg)
		recDen += len(goldWords)
		if len(e.Args) <= i {
			if i < 2 {
				return [2]float64{}
			}
			continue
		}
		predWords := strings.Fields(e.Args[i])
		precDen += len(predWords)
		n, _ := overlap(goldWords, predWords)
		precNum += n
		recNum += n
	}
	var m [2]float64
	if precDen > 0 {
		m[0] = float64(precNum) / float64(precDen)
	}
	if recDen > 0 {
		m[1] = float64(recNum) / float64(recDen)
	}
	return m
}

// overlap counts the gold words found among the predicted ones, each
// predicted word used once, and returns the predicted words left over.
func overlap(gold, pred []string) (int, []string) {
	rest := slices.Clone(pred)
	n := 0
	for _, w := range gold {
		if i := slices.Index(rest, w); i >= 0 {
			n++
			rest = slices.Delete(rest, i, i+1)
		}
	}
	return n, rest
}

// ptbEscapes are the Penn Treebank bracket escapes carb.py undoes in
// sentence keys.
var ptbEscapes = strings.NewReplacer("-LRB-", "(", "-RRB-", ")", "-LSB-", "[", "-RSB-", "]", "-LCB-", "{", "-RCB-", "}")

// normalizeKey is carb.py's sentence key: no spaces, brackets unescaped,
// ASCII punctuation removed.
func normalizeKey(s string) string {
	s = ptbEscapes.Replace(strings.ReplaceAll(s, " ", ""))
	return strings.Map(func(r rune) rune {
		if r < 128 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			return -1
		}
		return r
	}, s)
}
