package parse

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// The model file is gzip-compressed binary:
//
//	magic "kgparse1"
//	tags, labels              counted lists of strings
//	parser classes            number of left arcs, number of arcs, their labels
//	tag dictionary            word, class
//	ambiguity classes         word hash as a delta, bit set of Penn tags
//	lemma exceptions          word, count, (tag id, lemma)...
//	lemma rules               key (8 bytes), strip, addition
//	tagger, parser weights    scale, count, then per feature the key as a
//	                          delta from the previous one, the number of
//	                          classes, the classes and the weights as
//	                          zig-zag varints of weight/scale
//
// All counts and lengths are unsigned varints.

const magic = "kgparse1"

// maxCount bounds any count in a model file, so that a corrupt file cannot
// make ReadModel allocate without limit.
const maxCount = 1 << 26

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) uvarint(v uint64) {
	n := binary.PutUvarint(e.buf[:], v)
	e.w.Write(e.buf[:n])
}

func (e *encoder) varint(v int64) {
	n := binary.PutVarint(e.buf[:], v)
	e.w.Write(e.buf[:n])
}

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.w.WriteString(s)
}

func (e *encoder) strs(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) weights(t *weights) {
	binary.Write(e.w, binary.LittleEndian, t.scale)
	type feat struct {
		key uint64
		off uint32
	}
	fs := make([]feat, 0, len(t.keys))
	off := uint32(0)
	for _, k := range t.keys {
		fs = append(fs, feat{k, off})
		off += 1 + t.pairs[off]
	}
	slices.SortFunc(fs, func(a, b feat) int { return cmp.Compare(a.key, b.key) })
	e.uvarint(uint64(len(fs)))
	var prev uint64
	for _, f := range fs {
		e.uvarint(f.key - prev)
		prev = f.key
		n := t.pairs[f.off]
		e.uvarint(uint64(n))
		ps := t.pairs[f.off+1 : f.off+1+n]
		for _, p := range ps {
			e.w.WriteByte(uint8(p))
		}
		for _, p := range ps {
			e.varint(int64(int32(p) >> 8))
		}
	}
}

// WriteTo writes the model in its binary format, gzip-compressed.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	e := &encoder{w: bufio.NewWriter(zw)}
	e.w.WriteString(magic)
	e.strs(m.tags)
	e.strs(m.labels)
	e.uvarint(uint64(m.moves.nLeft))
	e.uvarint(uint64(len(m.moves.labels)))
	e.w.Write(m.moves.labels)

	words := make([]string, 0, len(m.tg.dict))
	for w := range m.tg.dict {
		words = append(words, w)
	}
	slices.Sort(words)
	e.uvarint(uint64(len(words)))
	for _, w := range words {
		e.str(w)
		e.uvarint(uint64(m.tg.dict[w]))
	}

	ambKeys := make([]uint64, 0, len(m.tg.amb))
	for k := range m.tg.amb {
		ambKeys = append(ambKeys, k)
	}
	slices.Sort(ambKeys)
	e.uvarint(uint64(len(ambKeys)))
	var prev uint64
	for _, k := range ambKeys {
		e.uvarint(k - prev)
		prev = k
		e.uvarint(m.tg.amb[k])
	}

	forms := make([]string, 0, len(m.lem.table))
	for f := range m.lem.table {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	e.uvarint(uint64(len(forms)))
	for _, f := range forms {
		e.str(f)
		es := m.lem.table[f]
		e.uvarint(uint64(len(es)))
		for _, x := range es {
			e.uvarint(uint64(x.xpos))
			e.str(x.lemma)
		}
	}
	keys := make([]uint64, 0, len(m.lem.rules))
	for k := range m.lem.rules {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		binary.Write(e.w, binary.LittleEndian, k)
		r := m.lem.rules[k]
		e.uvarint(uint64(r.strip))
		e.str(r.add)
	}

	e.weights(m.tg.w)
	e.weights(m.par)
	if err := e.w.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, cw.err
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) fail(err error) {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF // the file ended inside the model
	}
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.fail(err)
	}
	return v
}

func (d *decoder) count() int {
	v := d.uvarint()
	if v > maxCount {
		d.fail(fmt.Errorf("count %d too large", v))
		return 0
	}
	return int(v)
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	if err != nil {
		d.fail(err)
	}
	return v
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil || n == 0 {
		return ""
	}
	var sb strings.Builder
	sb.Grow(min(n, 1<<16))
	if _, err := io.CopyN(&sb, d.r, int64(n)); err != nil {
		d.fail(err)
	}
	return sb.String()
}

func (d *decoder) strs() []string {
	n := d.count()
	var out []string
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.str())
	}
	return out
}

func (d *decoder) u64() uint64 {
	var v uint64
	if d.err == nil {
		if err := binary.Read(d.r, binary.LittleEndian, &v); err != nil {
			d.fail(err)
		}
	}
	return v
}

func (d *decoder) weights(nClasses int) *weights {
	var scale float32
	if err := binary.Read(d.r, binary.LittleEndian, &scale); err != nil {
		d.fail(err)
		return nil
	}
	n := d.count()
	feats := make([]featWeights, 0, min(n, 1<<20))
	ends := make([]int, 0, min(n, 1<<20))
	all := make([]uint32, 0, min(4*n, 1<<22))
	var key uint64
	cls := make([]uint8, 256)
	for i := 0; i < n && d.err == nil; i++ {
		delta := d.uvarint()
		if i > 0 && delta == 0 {
			d.fail(errors.New("duplicate feature key"))
		}
		key += delta
		if key == 0 {
			d.fail(errors.New("zero feature key"))
		}
		k := d.count()
		if k == 0 || k > nClasses {
			d.fail(fmt.Errorf("feature with %d classes", k))
			break
		}
		if _, err := io.ReadFull(d.r, cls[:k]); err != nil {
			d.fail(err)
		}
		for j := range k {
			v := d.varint()
			if int(cls[j]) >= nClasses || v == 0 || v >= 1<<23 || v < -(1<<23) {
				d.fail(fmt.Errorf("bad weight %d for class %d", v, cls[j]))
			}
			all = append(all, uint32(v)<<8|uint32(cls[j]))
		}
		feats = append(feats, featWeights{key: key})
		ends = append(ends, len(all))
	}
	if d.err != nil {
		return nil
	}
	qs := make([][]uint32, len(feats))
	start := 0
	for i, end := range ends {
		qs[i] = all[start:end:end]
		start = end
	}
	return newWeightsQ(feats, qs, scale, nClasses, len(feats), len(all))
}

// ReadModel reads a model written by [Model.WriteTo].
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("failed to read model: %w", err)
	}
	d := &decoder{r: bufio.NewReaderSize(zr, 1<<16)}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(d.r, head); err != nil || string(head) != magic {
		return nil, errors.New("failed to read model: not a parse model")
	}
	m := &Model{}
	m.tags = d.strs()
	m.labels = d.strs()
	m.moves.nLeft = d.count()
	if n := d.count(); n <= 2*len(m.labels) && m.moves.nLeft <= n {
		m.moves.labels = make([]uint8, n)
		if _, err := io.ReadFull(d.r, m.moves.labels); err != nil {
			d.fail(err)
		}
		for _, l := range m.moves.labels {
			if int(l) >= len(m.labels) {
				d.fail(fmt.Errorf("arc label %d out of range", l))
			}
		}
	} else {
		d.fail(fmt.Errorf("bad number of arc classes %d", n))
	}
	if d.err != nil {
		return nil, fmt.Errorf("failed to read model: %w", d.err)
	}
	if err := m.init(); err != nil {
		return nil, fmt.Errorf("failed to read model: %w", err)
	}
	n := d.count()
	m.tg.dict = make(map[string]uint8, n)
	for i := 0; i < n && d.err == nil; i++ {
		w := d.str()
		c := d.uvarint()
		if c >= uint64(len(m.tags)) {
			d.fail(fmt.Errorf("tag %d out of range", c))
		}
		m.tg.dict[w] = uint8(c)
	}
	n = d.count()
	m.tg.amb = make(map[uint64]uint64, n)
	var k uint64
	for i := 0; i < n && d.err == nil; i++ {
		k += d.uvarint()
		m.tg.amb[k] = d.uvarint()
	}
	m.lem = &lemmatizer{}
	n = d.count()
	m.lem.table = make(map[string][]lemEntry, n)
	for i := 0; i < n && d.err == nil; i++ {
		f := d.str()
		k := d.count()
		es := make([]lemEntry, 0, min(k, 16))
		for j := 0; j < k && d.err == nil; j++ {
			x := d.uvarint()
			es = append(es, lemEntry{uint8(x), d.str()})
		}
		m.lem.table[f] = es
	}
	n = d.count()
	m.lem.rules = make(map[uint64]lemRule, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.u64()
		strip := d.count()
		m.lem.rules[k] = lemRule{strip, d.str()}
	}
	m.tg.w = d.weights(len(m.tags))
	m.par = d.weights(m.moves.n())
	if d.err != nil {
		return nil, fmt.Errorf("failed to read model: %w", d.err)
	}
	return m, nil
}
