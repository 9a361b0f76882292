package parse

// The parser is a greedy arc-eager transition system (Nivre 2003) with the
// feature templates of Zhang and Nivre, "Transition-based dependency
// parsing with rich non-local features" (2011), scored by an averaged
// perceptron trained with the dynamic oracle of Goldberg and Nivre, "A
// dynamic oracle for arc-eager dependency parsing" (2012).
//
// Positions are 1..n with the artificial root at 0, which sits at the
// bottom of the stack and may take a single dependent. Moves and labels are
// classes of one perceptron: the move (shift, reduce, left arc, right arc)
// is chosen first among the four move classes, then the label of an arc
// among the label classes of its direction, from the same feature scores.

const (
	mShift = iota
	mReduce
	mLeft
	mRight
	nMoves
)

// maxLabels bounds the label inventory: label sets are uint64 bit masks.
const maxLabels = 62

// state is a parser configuration. Arrays are indexed by position 0..n.
type state struct {
	n         int
	stack     []int32
	b         int // front of the buffer; the buffer is empty when b > n
	head      []int32
	label     []uint8 // label id + 1, 0 while headless
	l1, l2    []int32 // leftmost and second leftmost child, -1 if none
	r1, r2    []int32 // rightmost and second rightmost child
	lv, rv    []uint8 // number of left and right children
	ls, rs    []uint64
	rootChild bool
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	s.head = resize(s.head, n+1)
	s.label = resizeU8(s.label, n+1)
	s.l1 = resize(s.l1, n+1)
	s.l2 = resize(s.l2, n+1)
	s.r1 = resize(s.r1, n+1)
	s.r2 = resize(s.r2, n+1)
	s.lv = resizeU8(s.lv, n+1)
	s.rv = resizeU8(s.rv, n+1)
	s.ls = resizeU64(s.ls, n+1)
	s.rs = resizeU64(s.rs, n+1)
	for i := 0; i <= n; i++ {
		s.head[i], s.l1[i], s.l2[i], s.r1[i], s.r2[i] = -1, -1, -1, -1, -1
		s.label[i], s.lv[i], s.rv[i], s.ls[i], s.rs[i] = 0, 0, 0, 0, 0
	}
	s.rootChild = false
}

func resize(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+n/2)
	}
	return s[:n]
}

func resizeU8(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n, n+n/2)
	}
	return s[:n]
}

func resizeU64(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n, n+n/2)
	}
	return s[:n]
}

func (s *state) terminal() bool { return s.b > s.n }

func (s *state) s0() int { return int(s.stack[len(s.stack)-1]) }

// valid reports which moves are allowed.
func (s *state) valid() (ok [nMoves]bool) {
	if s.terminal() {
		return
	}
	s0 := s.s0()
	ok[mShift] = true
	ok[mReduce] = s0 != 0 && s.head[s0] >= 0
	ok[mLeft] = s0 != 0 && s.head[s0] < 0
	ok[mRight] = s0 != 0 || !s.rootChild
	return
}

// apply performs move m; for arcs, lab is the label id.
func (s *state) apply(m int, lab int) {
	switch m {
	case mShift:
		s.stack = append(s.stack, int32(s.b))
		s.b++
	case mReduce:
		s.stack = s.stack[:len(s.stack)-1]
	case mLeft:
		d := s.s0()
		s.addArc(s.b, d, lab)
		s.stack = s.stack[:len(s.stack)-1]
	case mRight:
		h := s.s0()
		s.addArc(h, s.b, lab)
		if h == 0 {
			s.rootChild = true
		}
		s.stack = append(s.stack, int32(s.b))
		s.b++
	}
}

func (s *state) addArc(h, d, lab int) {
	s.head[d] = int32(h)
	s.label[d] = uint8(lab + 1)
	bit := uint64(1) << uint(lab&63)
	if d < h {
		if s.l1[h] < 0 || int32(d) < s.l1[h] {
			s.l2[h], s.l1[h] = s.l1[h], int32(d)
		} else if s.l2[h] < 0 || int32(d) < s.l2[h] {
			s.l2[h] = int32(d)
		}
		if s.lv[h] < 255 {
			s.lv[h]++
		}
		s.ls[h] |= bit
	} else {
		if s.r1[h] < 0 || int32(d) > s.r1[h] {
			s.r2[h], s.r1[h] = s.r1[h], int32(d)
		} else if s.r2[h] < 0 || int32(d) > s.r2[h] {
			s.r2[h] = int32(d)
		}
		if s.rv[h] < 255 {
			s.rv[h]++
		}
		s.rs[h] |= bit
	}
}

// Parser feature templates (Zhang and Nivre 2011, table 2).
const (
	fBias uint64 = iota + 100
	fS0wp
	fS0w
	fS0p
	fN0wp
	fN0w
	fN0p
	fN1wp
	fN1w
	fN1p
	fN2wp
	fN2w
	fN2p
	fS0wpN0wp
	fS0wpN0w
	fS0wN0wp
	fS0wpN0p
	fS0pN0wp
	fS0wN0w
	fS0pN0p
	fN0pN1p
	fN0pN1pN2p
	fS0pN0pN1p
	fS0hpS0pN0p
	fS0pS0lpN0p
	fS0pS0rpN0p
	fS0pN0pN0lp
	fS0wd
	fS0pd
	fN0wd
	fN0pd
	fS0wN0wd
	fS0pN0pd
	fS0wvr
	fS0pvr
	fS0wvl
	fS0pvl
	fN0wvl
	fN0pvl
	fS0hw
	fS0hp
	fS0l
	fS0lw
	fS0lp
	fS0ll
	fS0rw
	fS0rp
	fS0rl
	fN0lw
	fN0lp
	fN0ll
	fS0h2w
	fS0h2p
	fS0hl
	fS0l2w
	fS0l2p
	fS0l2l
	fS0r2w
	fS0r2p
	fS0r2l
	fN0l2w
	fN0l2p
	fN0l2l
	fS0pS0lpS0l2p
	fS0pS0rpS0r2p
	fS0pS0hpS0h2p
	fN0pN0lpN0l2p
	fS0wsr
	fS0psr
	fS0wsl
	fS0psl
	fN0wsl
	fN0psl
	fS1p
	fS1pS0pN0p
	fS1wS0p
)

// sentFeat is what the parser knows of each position: word hash and tag id,
// with position 0 for the root.
type sentFeat struct {
	w []uint64
	p []uint64
}

// feats appends the features of the configuration to dst.
func (s *state) feats(dst []uint64, sf *sentFeat) []uint64 {
	const none = 0
	w := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return sf.w[i]
	}
	p := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return sf.p[i]
	}
	lab := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(s.label[i])
	}
	get := func(a []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		return a[i]
	}

	s0, s1 := int32(-1), int32(-1)
	if len(s.stack) > 0 {
		s0 = s.stack[len(s.stack)-1]
	}
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	n0, n1, n2 := int32(-1), int32(-1), int32(-1)
	if s.b <= s.n {
		n0 = int32(s.b)
	}
	if s.b+1 <= s.n {
		n1 = int32(s.b + 1)
	}
	if s.b+2 <= s.n {
		n2 = int32(s.b + 2)
	}
	s0h := get(s.head, s0)
	s0h2 := get(s.head, s0h)
	s0l, s0r := get(s.l1, s0), get(s.r1, s0)
	s0l2, s0r2 := get(s.l2, s0), get(s.r2, s0)
	n0l, n0l2 := get(s.l1, n0), get(s.l2, n0)

	s0w, s0p, n0w, n0p := w(s0), p(s0), w(n0), p(n0)
	n1w, n1p, n2w, n2p := w(n1), p(n1), w(n2), p(n2)
	s0lp, s0rp, n0lp := p(s0l), p(s0r), p(n0l)

	var d uint64
	if s0 > 0 && n0 > 0 {
		d = dist(int(n0 - s0))
	}
	var s0vl, s0vr, n0vl, s0sl, s0sr, n0sl uint64
	if s0 >= 0 {
		s0vl, s0vr, s0sl, s0sr = uint64(s.lv[s0]), uint64(s.rv[s0]), s.ls[s0], s.rs[s0]
	}
	if n0 >= 0 {
		n0vl, n0sl = uint64(s.lv[n0]), s.ls[n0]
	}
	return append(dst,
		key1(fBias, 0),
		key2(fS0wp, s0w, s0p),
		key1(fS0w, s0w),
		key1(fS0p, s0p),
		key2(fN0wp, n0w, n0p),
		key1(fN0w, n0w),
		key1(fN0p, n0p),
		key2(fN1wp, n1w, n1p),
		key1(fN1w, n1w),
		key1(fN1p, n1p),
		key2(fN2wp, n2w, n2p),
		key1(fN2w, n2w),
		key1(fN2p, n2p),
		key(fS0wpN0wp, s0w, s0p, n0w, n0p),
		key3(fS0wpN0w, s0w, s0p, n0w),
		key3(fS0wN0wp, s0w, n0w, n0p),
		key3(fS0wpN0p, s0w, s0p, n0p),
		key3(fS0pN0wp, s0p, n0w, n0p),
		key2(fS0wN0w, s0w, n0w),
		key2(fS0pN0p, s0p, n0p),
		key2(fN0pN1p, n0p, n1p),
		key3(fN0pN1pN2p, n0p, n1p, n2p),
		key3(fS0pN0pN1p, s0p, n0p, n1p),
		key3(fS0hpS0pN0p, p(s0h), s0p, n0p),
		key3(fS0pS0lpN0p, s0p, s0lp, n0p),
		key3(fS0pS0rpN0p, s0p, s0rp, n0p),
		key3(fS0pN0pN0lp, s0p, n0p, n0lp),
		key2(fS0wd, s0w, d),
		key2(fS0pd, s0p, d),
		key2(fN0wd, n0w, d),
		key2(fN0pd, n0p, d),
		key3(fS0wN0wd, s0w, n0w, d),
		key3(fS0pN0pd, s0p, n0p, d),
		key2(fS0wvr, s0w, s0vr),
		key2(fS0pvr, s0p, s0vr),
		key2(fS0wvl, s0w, s0vl),
		key2(fS0pvl, s0p, s0vl),
		key2(fN0wvl, n0w, n0vl),
		key2(fN0pvl, n0p, n0vl),
		key1(fS0hw, w(s0h)),
		key1(fS0hp, p(s0h)),
		key1(fS0l, lab(s0)),
		key1(fS0lw, w(s0l)),
		key1(fS0lp, s0lp),
		key1(fS0ll, lab(s0l)),
		key1(fS0rw, w(s0r)),
		key1(fS0rp, s0rp),
		key1(fS0rl, lab(s0r)),
		key1(fN0lw, w(n0l)),
		key1(fN0lp, n0lp),
		key1(fN0ll, lab(n0l)),
		key1(fS0h2w, w(s0h2)),
		key1(fS0h2p, p(s0h2)),
		key1(fS0hl, lab(s0h)),
		key1(fS0l2w, w(s0l2)),
		key1(fS0l2p, p(s0l2)),
		key1(fS0l2l, lab(s0l2)),
		key1(fS0r2w, w(s0r2)),
		key1(fS0r2p, p(s0r2)),
		key1(fS0r2l, lab(s0r2)),
		key1(fN0l2w, w(n0l2)),
		key1(fN0l2p, p(n0l2)),
		key1(fN0l2l, lab(n0l2)),
		key3(fS0pS0lpS0l2p, s0p, s0lp, p(s0l2)),
		key3(fS0pS0rpS0r2p, s0p, s0rp, p(s0r2)),
		key3(fS0pS0hpS0h2p, s0p, p(s0h), p(s0h2)),
		key3(fN0pN0lpN0l2p, n0p, n0lp, p(n0l2)),
		key2(fS0wsr, s0w, s0sr),
		key2(fS0psr, s0p, s0sr),
		key2(fS0wsl, s0w, s0sl),
		key2(fS0psl, s0p, s0sl),
		key2(fN0wsl, n0w, n0sl),
		key2(fN0psl, n0p, n0sl),
		key1(fS1p, p(s1)),
		key3(fS1pS0pN0p, p(s1), s0p, n0p),
		key2(fS1wS0p, w(s1), s0p),
	)
}

// dist buckets the distance between s0 and n0.
func dist(d int) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

// Classes of the perceptron: shift, reduce, then a left arc and a right
// arc for each label.
func nClasses(nLabels int) int { return 2 + 2*nLabels }

// classMove returns the move and label of class c.
func classMove(c, nLabels int) (move, label int) {
	switch {
	case c == 0:
		return mShift, 0
	case c == 1:
		return mReduce, 0
	case c < 2+nLabels:
		return mLeft, c - 2
	}
	return mRight, c - 2 - nLabels
}

// moveClass returns the class of move m with label l.
func moveClass(m, l, nLabels int) int {
	switch m {
	case mShift:
		return 0
	case mReduce:
		return 1
	case mLeft:
		return 2 + l
	}
	return 2 + nLabels + l
}

// bestClass returns the highest scoring class whose move is allowed.
func bestClass(scores []float32, ok [nMoves]bool, nLabels int) int {
	best := -1
	var top float32
	try := func(lo, hi int) {
		for c := lo; c < hi; c++ {
			if best < 0 || scores[c] > top {
				best, top = c, scores[c]
			}
		}
	}
	if ok[mShift] {
		try(0, 1)
	}
	if ok[mReduce] {
		try(1, 2)
	}
	if ok[mLeft] {
		try(2, 2+nLabels)
	}
	if ok[mRight] {
		try(2+nLabels, 2+2*nLabels)
	}
	return best
}

// costs returns, for each valid move, the number of gold arcs that the move
// makes unreachable (Goldberg and Nivre 2012, section 4.1). gold holds the
// gold head of each position (gold[0] unused) and root the gold root.
func (s *state) costs(ok [nMoves]bool, gold []int32, root int32) (c [nMoves]int) {
	if s.terminal() {
		return
	}
	s0, b := int32(s.s0()), int32(s.b)
	n := int32(s.n)
	// Arcs between b and the stack, and between b and the rest of the buffer.
	headInStack := false // b's gold head is on the stack
	depsInStack := 0     // headless stack words whose gold head is b
	for _, k := range s.stack {
		if gold[b] == k && k != s0 {
			headInStack = true
		}
		if k != 0 && s.head[k] < 0 && gold[k] == b {
			depsInStack++
		}
	}
	s0Deps := 0 // gold dependents of s0 in the buffer
	for k := b; k <= n; k++ {
		if gold[k] == s0 {
			s0Deps++
		}
	}
	if ok[mShift] {
		c[mShift] = depsInStack
		if gold[b] == s0 || headInStack {
			c[mShift]++
		}
	}
	if ok[mReduce] {
		c[mReduce] = s0Deps
	}
	if ok[mLeft] {
		c[mLeft] = s0Deps
		if gold[s0] > b {
			c[mLeft]++
		}
	}
	if ok[mRight] {
		c[mRight] = depsInStack
		if gold[b] != s0 && (headInStack || gold[b] > b) {
			c[mRight]++
		}
		if s0 == 0 && gold[b] != 0 && root > b {
			c[mRight]++ // the root takes one dependent only
		}
	}
	return
}
