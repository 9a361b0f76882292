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

// key1 to key4 return the key of template t with one to four values. The
// top bit is set: a key is never zero, which marks an empty slot, nor is
// its high half.
func key1(t, a uint64) uint64 {
	h := mix(t*mulB, a)
	return h | 1<<63
}

func key2(t, a, b uint64) uint64 {
	h := mix(mix(t*mulB, a), b)
	return h | 1<<63
}

func key3(t, a, b, c uint64) uint64 {
	h := mix(mix(mix(t*mulB, a), b), c)
	return h | 1<<63
}

func key4(t, a, b, c, d uint64) uint64 {
	h := mix(mix(mix(mix(t*mulB, a), b), c), d)
	return h | 1<<63
}

// weights is the compiled, read-only form of a perceptron: an open-addressing
// hash table from feature key to the feature's weights. Parsing spends most
// of its time here, so the layout is chosen for speed:
//
//   - A slot is 8 bytes: the high 32 bits of the key (the low bits pick the
//     slot) and where the feature's weights are.
//   - Weights are quantized to integers, so that sums are exact and a
//     (class, weight) pair fits in 32 bits: class in the low 8 bits, weight in
//     the high 24.
//   - Most features have weights for a few classes only and keep sparse
//     pairs. The frequent features have weights for most classes; their
//     weights are also kept as dense rows of biased 32-bit lanes, two to a
//     uint64, so that one 64-bit addition adds two classes. Such rows are a
//     small part of the features but most of the additions.
type weights struct {
	mask  uint64
	slots []uint64 // key>>32<<32 | offset into pairs or, with denseBit, row
	pairs []uint32 // at a feature's offset: the number of pairs, then the pairs
	dense []uint64 // rows of width lanes
	width int      // uint64s in a dense row: classes/2 rounded up
	scale float32  // weight of one quantization step
	keys  []uint64 // the keys in the order of their pairs, for writing
}

const (
	denseBit  = 1 << 31
	denseBias = 1 << 23 // makes lanes non-negative: quantized weights are > -2^23
)

// featWeights is one feature's weights, as trained or decoded.
type featWeights struct {
	key uint64
	cls []uint8
	w   []float32
}

// maxClasses bounds the classes of a perceptron.
const maxClasses = 128

// quantSteps is the number of quantization steps of the largest weight.
const quantSteps = 1 << 14

// newWeights compiles feats for nc classes, quantizing the weights so that
// the largest is quantSteps steps; weights that round to zero are dropped.
func newWeights(feats []featWeights, nc int) *weights {
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
	return newWeightsQ(feats, q, scale, nc, nf, np)
}

// isDense reports whether a feature with weights for n of nc classes gets a
// dense row. Rows for a quarter of the classes or more measured as fast as
// rows for an eighth or a half.
func isDense(n, nc int) bool { return n*4 >= nc }

// newWeightsQ builds the table from feature keys and packed pairs.
func newWeightsQ(feats []featWeights, q [][]uint32, scale float32, nc, nf, np int) *weights {
	t := &weights{
		slots: make([]uint64, tableSize(nf)),
		pairs: make([]uint32, 0, np+nf),
		width: (nc + 1) / 2,
		scale: scale,
		keys:  make([]uint64, 0, nf),
	}
	t.mask = uint64(len(t.slots) - 1)
	for i, f := range feats {
		if len(q[i]) == 0 {
			continue
		}
		loc := uint64(len(t.pairs))
		if isDense(len(q[i]), nc) {
			loc = denseBit | uint64(len(t.dense)/t.width)
		}
		if !insert(t.slots, t.mask, f.key, loc) {
			continue // two keys alike in the bits that place and check them: keep the first
		}
		if loc&denseBit != 0 {
			for range t.width {
				t.dense = append(t.dense, denseBias<<32|denseBias)
			}
			r := t.dense[len(t.dense)-t.width:]
			for _, p := range q[i] {
				c := uint8(p)
				r[c/2] += uint64(int64(int32(p)>>8)) << (32 * (c % 2)) // lanes stay positive: no borrow
			}
		}
		t.keys = append(t.keys, f.key)
		t.pairs = append(t.pairs, uint32(len(q[i])))
		t.pairs = append(t.pairs, q[i]...)
	}
	return t
}

// tableSize returns a power of two at least twice n: a table at most half
// full, which measured faster than 3/4 full.
func tableSize(n int) int {
	size := 16
	for size < n*2 {
		size *= 2
	}
	return size
}

// insert puts key with location loc in table and reports whether it could:
// not if another key has the same bits where they land and the same high 32
// bits.
func insert(table []uint64, mask, key, loc uint64) bool {
	fp := key >> 32 << 32 // never 0: keys have their top bit set
	j := key & mask
	for table[j] != 0 && table[j]&^0xFFFFFFFF != fp {
		j = (j + 1) & mask
	}
	if table[j] != 0 {
		return false
	}
	table[j] = fp | loc
	return true
}

// chunk is how many features score looks up before adding their weights.
const chunk = 32

// score sets scores to the sum of the weights of feats. It looks a chunk of
// features up first and then adds their weights, so that the processor can
// wait for many cache misses at once; dense rows are added four at a time,
// which saves three stores in four.
func (t *weights) score(feats []uint64, scores []float32) {
	var acc [maxClasses]int32
	var lanes [maxClasses / 2]uint64
	var found [chunk]uint32
	var rows [chunk]int
	var runs [chunk]uint64
	slots, pairs, dense, mask := t.slots, t.pairs, t.dense, t.mask
	width := t.width
	sum := lanes[:width]
	nDense := 0
	for len(feats) > 0 {
		part := feats[:min(len(feats), chunk)]
		feats = feats[len(part):]
		nf := 0
		for _, k := range part {
			// The home slot decides most lookups; keep its outcome free of
			// branches, whose mispredictions would cancel the loads in
			// flight, and leave the probing to a rarely taken path.
			fp := k >> 32
			i := k & mask
			s := slots[i]
			found[nf&(chunk-1)] = uint32(s)
			hit := 0
			if s>>32 == fp {
				hit = 1
			}
			nf += hit
			if hit == 0 && s != 0 {
				for {
					i = (i + 1) & mask
					s = slots[i]
					if s>>32 == fp {
						found[nf&(chunk-1)] = uint32(s)
						nf++
						break
					}
					if s == 0 {
						break
					}
				}
			}
		}
		// Load the length of every sparse run before adding any: the loads
		// are then independent and their cache misses overlap, where a loop
		// bounded by each length in turn would wait for them one by one.
		nr, ns := 0, 0
		for _, off := range found[:nf] {
			if off&denseBit != 0 {
				rows[nr&(chunk-1)] = int(off&^denseBit) * width
				nr++
			} else {
				runs[ns&(chunk-1)] = uint64(pairs[off])<<32 | uint64(off)
				ns++
			}
		}
		for _, r := range runs[:ns] {
			off, n := uint32(r)+1, uint32(r>>32)
			for _, p := range pairs[off : off+n] {
				acc[uint8(p)%maxClasses] += int32(p) >> 8
			}
		}
		nDense += nr
		r := rows[:nr]
		for ; len(r) >= 4; r = r[4:] {
			r0 := dense[r[0] : r[0]+width]
			r1 := dense[r[1] : r[1]+width]
			r2 := dense[r[2] : r[2]+width]
			r3 := dense[r[3] : r[3]+width]
			s := sum[:len(r0)]
			r1, r2, r3 = r1[:len(s)], r2[:len(s)], r3[:len(s)]
			for j := range s {
				s[j] += r0[j] + r1[j] + r2[j] + r3[j]
			}
		}
		for _, o := range r {
			row := dense[o : o+width]
			s := sum[:len(row)]
			for j, v := range row {
				s[j] += v
			}
		}
	}
	bias := int64(nDense) * denseBias
	scores = scores[:min(len(scores), 2*len(sum))]
	for j, v := range sum {
		if 2*j+1 < len(scores) {
			scores[2*j+1] = float32(acc[(2*j+1)%maxClasses] + int32(int64(v>>32)-bias))
		}
		scores[2*j] = float32(acc[(2*j)%maxClasses] + int32(int64(v&0xFFFFFFFF)-bias))
	}
}

// len returns the number of features.
func (t *weights) len() int { return len(t.keys) }

// perceptron is an averaged perceptron under training (Collins 2002), with
// lazily updated sums for the average.
type perceptron struct {
	index map[uint64]int32
	feats []trainFeat
	now   int32 // number of instances seen
}

type trainFeat struct {
	key     uint64
	updates int32 // number of update calls that touched the feature
	ents    []trainEnt
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
		f.updates++
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

// average returns the averaged weights, dropping features touched by fewer
// than minUpdates updates and weights whose magnitude is below minWeight.
func (p *perceptron) average(minUpdates int, minWeight float32) []featWeights {
	out := make([]featWeights, 0, len(p.feats))
	now := float64(p.now)
	if now == 0 {
		now = 1
	}
	for _, f := range p.feats {
		if int(f.updates) < minUpdates {
			continue
		}
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
