package parse

import (
	"math"
	"math/bits"
	"slices"
)

// Feature keys are 64-bit hashes of a template number and integer values
// (word hashes, tag ids, distances), built by mix without any strings, which
// is what keeps feature extraction cheap at parse time.

const (
	mulA = 0x9E3779B97F4A7C15
	mulB = 0xD6E8FEB86659FD93
)

// mix folds v into the running hash h.
func mix(h, v uint64) uint64 {
	hi, lo := bits.Mul64(h^v, mulA)
	return hi ^ lo
}

// key returns a non-zero feature key for template t with values vs; zero
// marks an empty slot in the weight table.
func key(t uint64, vs ...uint64) uint64 {
	h := t * mulB
	for _, v := range vs {
		h = mix(h, v)
	}
	return h | 1<<63
}

func key1(t, a uint64) uint64 {
	h := mix(t*mulB, a)
	return h | 1<<63 // never zero
}

func key2(t, a, b uint64) uint64 {
	h := mix(mix(t*mulB, a), b)
	return h | 1<<63
}

func key3(t, a, b, c uint64) uint64 {
	h := mix(mix(mix(t*mulB, a), b), c)
	return h | 1<<63
}

// hashString is 64-bit FNV-1a.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h | 1
}

// weights is the compiled, read-only form of a perceptron: an open-addressing
// hash table from feature key to a run of (class, weight) pairs. Features
// have weights for few classes, so the pairs are sparse. Weights are
// quantized to integers, which lets a pair fit in 32 bits: the class in the
// low 8 bits, the weight in the high 24.
type weights struct {
	mask  uint64
	slots []slot
	pairs []uint32
	scale float32 // weight of one quantization step
}

type slot struct {
	key uint64
	off uint32 // first pair
	n   uint32 // number of pairs
}

// featWeights is one feature's weights, as trained or decoded.
type featWeights struct {
	key uint64
	cls []uint8
	w   []float32
}

// quantSteps is the number of quantization steps of the largest weight.
const quantSteps = 1 << 14

// newWeights compiles feats, quantizing the weights so that the largest is
// quantSteps steps; weights that round to zero are dropped.
func newWeights(feats []featWeights) *weights {
	var maxAbs float64
	for _, f := range feats {
		for _, w := range f.w {
			maxAbs = max(maxAbs, math.Abs(float64(w)))
		}
	}
	scale := float32(maxAbs / quantSteps)
	if scale == 0 {
		scale = 1
	}
	q := make([][]uint32, len(feats))
	nf, np := 0, 0
	for i, f := range feats {
		for j, w := range f.w {
			if v := int32(math.Round(float64(w / scale))); v != 0 {
				q[i] = append(q[i], uint32(v)<<8|uint32(f.cls[j]))
			}
		}
		if len(q[i]) > 0 {
			nf++
			np += len(q[i])
		}
	}
	return newWeightsQ(feats, q, scale, nf, np)
}

// newWeightsQ builds the table from feature keys and packed pairs.
func newWeightsQ(feats []featWeights, q [][]uint32, scale float32, nf, np int) *weights {
	size := 16
	for size < nf*2 {
		size *= 2
	}
	t := &weights{mask: uint64(size - 1), slots: make([]slot, size), pairs: make([]uint32, 0, np), scale: scale}
	for i, f := range feats {
		if len(q[i]) == 0 {
			continue
		}
		j := f.key & t.mask
		for t.slots[j].key != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = slot{key: f.key, off: uint32(len(t.pairs)), n: uint32(len(q[i]))}
		t.pairs = append(t.pairs, q[i]...)
	}
	return t
}

// chunk is how many features score looks up before adding their weights.
const chunk = 32

// score sets scores to the sum of the weights of feats. It looks a chunk of
// features up first and then adds their weights, so that the processor can
// wait for many cache misses at once.
func (t *weights) score(feats []uint64, scores []float32) {
	var acc [256]int32
	var found [chunk]uint64
	slots, pairs := t.slots, t.pairs
	for len(feats) > 0 {
		part := feats[:min(len(feats), chunk)]
		feats = feats[len(part):]
		nf := 0
		for _, k := range part {
			i := k & t.mask
			for {
				s := &slots[i]
				if s.key == k {
					found[nf] = uint64(s.off)<<32 | uint64(s.n)
					nf++
					break
				}
				if s.key == 0 {
					break
				}
				i = (i + 1) & t.mask
			}
		}
		for _, f := range found[:nf] {
			off, n := uint32(f>>32), uint32(f)
			for _, p := range pairs[off : off+n] {
				acc[uint8(p)] += int32(p) >> 8
			}
		}
	}
	for i := range scores {
		scores[i] = float32(acc[i&255])
	}
}

// features returns the table's contents sorted by key.
func (t *weights) features() []featWeights {
	var out []featWeights
	for _, s := range t.slots {
		if s.key == 0 {
			continue
		}
		f := featWeights{key: s.key}
		for _, p := range t.pairs[s.off : s.off+s.n] {
			f.cls = append(f.cls, uint8(p))
			f.w = append(f.w, float32(int32(p)>>8)*t.scale)
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b featWeights) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	return out
}

// perceptron is an averaged perceptron under training (Collins 2002), with
// lazily updated sums for the average.
type perceptron struct {
	index map[uint64]int32
	feats []trainFeat
	now   int32 // number of instances seen
}

type trainFeat struct {
	key  uint64
	ents []trainEnt
}

type trainEnt struct {
	cls   uint8
	w     float32
	total float64 // sum of w over instances up to ts
	ts    int32
}

func newPerceptron() *perceptron {
	return &perceptron{index: make(map[uint64]int32)}
}

// score sets scores to the current (not averaged) weights of feats.
func (p *perceptron) score(feats []uint64, scores []float32) {
	clear(scores)
	for _, k := range feats {
		i, ok := p.index[k]
		if !ok {
			continue
		}
		for _, e := range p.feats[i].ents {
			scores[e.cls] += e.w
		}
	}
}

// tick counts one training instance, for averaging.
func (p *perceptron) tick() { p.now++ }

// update adds delta to the weight of class c for every feature in feats.
func (p *perceptron) update(feats []uint64, c int, delta float32) {
	for _, k := range feats {
		i, ok := p.index[k]
		if !ok {
			i = int32(len(p.feats))
			p.index[k] = i
			p.feats = append(p.feats, trainFeat{key: k})
		}
		f := &p.feats[i]
		j := -1
		for x := range f.ents {
			if f.ents[x].cls == uint8(c) {
				j = x
				break
			}
		}
		if j < 0 {
			f.ents = append(f.ents, trainEnt{cls: uint8(c), ts: p.now})
			j = len(f.ents) - 1
		}
		e := &f.ents[j]
		e.total += float64(p.now-e.ts) * float64(e.w)
		e.ts = p.now
		e.w += delta
	}
}

// average returns the averaged weights, dropping those whose magnitude is
// below minWeight.
func (p *perceptron) average(minWeight float32) []featWeights {
	out := make([]featWeights, 0, len(p.feats))
	now := float64(p.now)
	if now == 0 {
		now = 1
	}
	for _, f := range p.feats {
		fw := featWeights{key: f.key}
		for _, e := range f.ents {
			avg := (e.total + float64(p.now-e.ts)*float64(e.w)) / now
			if math.Abs(avg) < float64(minWeight) || avg == 0 {
				continue
			}
			fw.cls = append(fw.cls, e.cls)
			fw.w = append(fw.w, float32(avg))
		}
		if len(fw.cls) > 0 {
			out = append(out, fw)
		}
	}
	slices.SortFunc(out, func(a, b featWeights) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	return out
}
