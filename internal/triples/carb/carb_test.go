package carb

import (
	"math"
	"os"
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		name string
		gold Tuple
		pred Tuple
		want [2]float64
	}{
		{"exact", Tuple{Rel: "denied", Args: []string{"Jaish al-Islam", "reports"}},
			Tuple{Rel: "denied", Args: []string{"Jaish al-Islam", "reports"}}, [2]float64{1, 1}},
		{"no shared relation word", Tuple{Rel: "denied", Args: []string{"X", "Y"}},
			Tuple{Rel: "refuted", Args: []string{"X", "Y"}}, [2]float64{0, 0}},
		{"partial", // rel 1/1 of 2; arg1 1 of 2 predicted, 1 of 1 gold; arg2 2 of 3, 2 of 2
			Tuple{Rel: "agreed to", Args: []string{"rebels", "a truce"}},
			Tuple{Rel: "agreed", Args: []string{"the rebels", "a truce yesterday"}}, [2]float64{4.0 / 6, 4.0 / 5}},
		{"arguments after the first are joined",
			Tuple{Rel: "met", Args: []string{"A", "B", "in Paris"}},
			Tuple{Rel: "met", Args: []string{"A", "B in Paris"}}, [2]float64{1, 1}},
		{"a missing object is no match", Tuple{Rel: "met", Args: []string{"A", "B"}},
			Tuple{Rel: "met", Args: []string{"A"}}, [2]float64{0, 0}},
		{"be stands for its forms", Tuple{Rel: "is", Args: []string{"Bush", "President"}},
			Tuple{Rel: "be", Args: []string{"Bush", "President"}}, [2]float64{1, 1}},
		{"case matters", Tuple{Rel: "is", Args: []string{"Bush", "President"}},
			Tuple{Rel: "is", Args: []string{"bush", "President"}}, [2]float64{2.0 / 3, 2.0 / 3}},
		{"each word once", Tuple{Rel: "said", Args: []string{"the", "it"}},
			Tuple{Rel: "said", Args: []string{"the the", "it"}}, [2]float64{3.0 / 4, 1}},
		{"speech either way round", Tuple{Rel: "said", Args: []string{"Alloush", "the truce holds"}},
			Tuple{Rel: "said", Args: []string{"the truce holds", "Alloush"}}, [2]float64{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(binary(tt.gold), binary(tt.pred))
			if math.Abs(got[0]-tt.want[0]) > 1e-9 || math.Abs(got[1]-tt.want[1]) > 1e-9 {
				t.Errorf("Match = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	gold, err := ReadGold(strings.NewReader("" +
		"A met B in Paris .\tmet\tA\tB\tin Paris\n" +
		"A met B in Paris .\tis in\tParis\tFrance\n" +
		"C left .\tleft\tC\n"))
	if err != nil {
		t.Fatal(err)
	}
	pred := &Set{}
	pred.Add("A met B in Paris.", Tuple{Rel: "met", Args: []string{"A", "B", "in Paris"}, Confidence: 0.9})
	pred.Add("A met B in Paris .", Tuple{Rel: "met", Args: []string{"B", "A"}, Confidence: 0.5})
	pred.Add("Not in gold .", Tuple{Rel: "x", Args: []string{"y"}, Confidence: 0.7})
	res := Score(gold, pred)
	// At 0.5 both predictions count. The first matches "met" fully. The
	// second matches "met" only by its relation, but one to one the greedy
	// precision match gives "met" to the first and "is in", which it does not
	// match at all, to the second: P = 1/2. Recall is 1 of the 3 gold tuples.
	// At 0.7 (a confidence seen in a sentence without gold) and 0.9 only the
	// first counts: P = 1, R = 1/3.
	if len(res.Curve) != 3 {
		t.Fatalf("curve has %d points, want 3: %v", len(res.Curve), res.Curve)
	}
	want := []Point{{0.5, 0.5, 1.0 / 3}, {0.7, 1, 1.0 / 3}, {0.9, 1, 1.0 / 3}}
	for i, pt := range res.Curve {
		if math.Abs(pt.Precision-want[i].Precision) > 1e-9 || math.Abs(pt.Recall-want[i].Recall) > 1e-9 {
			t.Errorf("point %d = %+v, want %+v", i, pt, want[i])
		}
	}
	if math.Abs(res.F1-0.5) > 1e-9 || res.Threshold != 0.7 {
		t.Errorf("F1 %v at %v, want 0.5 at 0.7", res.F1, res.Threshold)
	}
	if res.Gold != 3 || res.Predicted != 2 {
		t.Errorf("counted %d gold, %d predicted, want 3, 2", res.Gold, res.Predicted)
	}
}

// The gold set scored against itself is perfect: a check that reading,
// keys, binarization and matching agree with one another.
func TestGoldAgainstItself(t *testing.T) {
	f, err := os.Open("../../../../shared/carb/dev.tsv")
	if err != nil {
		t.Skipf("CaRB dev set not found (../shared/carb): %v", err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	// 641 sentences, three of them twice with a trailing space: carb.py
	// strips them, and so do we.
	if len(gold.Sentences) != 638 {
		t.Errorf("read %d sentences, want 638", len(gold.Sentences))
	}
	res := Score(gold, gold)
	if res.F1 != 1 || res.Gold != 2548 {
		t.Errorf("gold against itself: F1 %v over %d tuples, want 1 over 2548", res.F1, res.Gold)
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := ReadGold(strings.NewReader("a sentence only\n")); err == nil || !strings.HasPrefix(err.Error(), "line 1:") {
		t.Errorf("ReadGold: err = %v, want a line 1 error", err)
	}
	if _, err := ReadTabbed(strings.NewReader("s\tNaN\tr\n")); err == nil || !strings.Contains(err.Error(), "not a number") {
		t.Errorf("ReadTabbed: err = %v, want not a number", err)
	}
	var b strings.Builder
	s := &Set{}
	s.Add("S .", Tuple{Rel: "r", Args: []string{"a", "b"}, Confidence: 0.25})
	if err := WriteTabbed(&b, s); err != nil {
		t.Fatal(err)
	}
	back, err := ReadTabbed(strings.NewReader(b.String()))
	if err != nil || len(back.Tuples["S ."]) != 1 || back.Tuples["S ."][0].Confidence != 0.25 {
		t.Errorf("round trip of %q: %+v, %v", b.String(), back, err)
	}
}
