package parse

import "testing"

// TestAccuracy parses UD English EWT dev with the embedded model (or the
// one named by -model). The thresholds are half a point under the figures
// in README.md.
func TestAccuracy(t *testing.T) {
	dev := mustReadUD(t, "en_ewt-ud-dev.conllu")
	got := mustModel(t).Evaluate(dev)
	t.Logf("EWT dev: %s", got)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"UPOS", got.UPOS, 94.59},
		{"XPOS", got.XPOS, 93.90},
		{"lemma", got.Lemma, 98.02},
		{"UAS", got.UAS, 84.75},
		{"LAS", got.LAS, 81.59},
	} {
		if c.got < c.want {
			t.Errorf("%s = %.2f, want at least %.2f", c.name, c.got, c.want)
		}
	}
}
