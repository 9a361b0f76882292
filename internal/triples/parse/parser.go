package parse

// The parser is a greedy arc-eager transition system (Nivre 2003) with the
// feature templates of Zhang and Nivre, "Transition-based dependency
// parsing with rich non-local features" (2011), scored by an averaged
// perceptron trained with the dynamic oracle of Goldberg and Nivre, "A
// dynamic oracle for arc-eager dependency parsing" (2012).
//
// Words are at positions 1..n and the artificial root at n+1, at the end of
// the buffer (Ballesteros and Nivre, "Going to the roots of dependency
// parsing", 2013), which measured 0.36 UAS better on EWT dev than a root at
// the bottom of the stack: the parser need not commit to the root word
// early. Parsing ends when the buffer holds only the root and the stack is
// empty, so every word gets a head. Classes of the perceptron are labeled
// moves (see moveSet), which measured 0.7 UAS better than choosing the move
// and then its label.

const (
	mShift = iota
	mReduce
	mLeft
	mRight
	nMoves
)

// maxLabels bounds the label inventory: label sets are uint64 bit masks.
const maxLabels = 62

// state is a parser configuration. Arrays are indexed by position 0..n+1;
// position 0 is unused.
type state struct {
	n      int
	stack  []int32
	b      int      // front of the buffer; n+1 when only the root is left
	head   []int32  // -1 while headless
	label  []uint8  // label id + 1, 0 while headless
	l1, l2 []int32  // leftmost and second leftmost child, -1 if none
	r1, r2 []int32  // rightmost and second rightmost child
	lv, rv []uint8  // number of left and right children
	ls, rs []uint64 // labels of the left and right children, as bit sets
}

// root returns the position of the root.
func (s *state) root() int { return s.n + 1 }

func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 1
	s.head = resize(s.head, n+2)
	s.label = resize(s.label, n+2)
	s.l1 = resize(s.l1, n+2)
	s.l2 = resize(s.l2, n+2)
	s.r1 = resize(s.r1, n+2)
	s.r2 = resize(s.r2, n+2)
	s.lv = resize(s.lv, n+2)
	s.rv = resize(s.rv, n+2)
	s.ls = resize(s.ls, n+2)
	s.rs = resize(s.rs, n+2)
	for i := 0; i <= n+1; i++ {
		s.head[i], s.l1[i], s.l2[i], s.r1[i], s.r2[i] = -1, -1, -1, -1, -1
		s.label[i], s.lv[i], s.rv[i], s.ls[i], s.rs[i] = 0, 0, 0, 0, 0
	}
}

// resize returns s with length n, reusing its memory if it can.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

func (s *state) terminal() bool { return s.b > s.n && len(s.stack) == 0 }

// s0 returns the top of the stack, -1 if it is empty.
func (s *state) s0() int {
	if len(s.stack) == 0 {
		return -1
	}
	return int(s.stack[len(s.stack)-1])
}

// valid reports which moves are allowed.
func (s *state) valid() (ok [nMoves]bool) {
	if s.terminal() {
		return
	}
	s0 := s.s0()
	ok[mShift] = s.b <= s.n
	ok[mReduce] = s0 > 0 && s.head[s0] >= 0
	ok[mLeft] = s0 > 0 && s.head[s0] < 0
	ok[mRight] = s0 > 0 && s.b <= s.n
	return
}

// forced returns the move when there is no choice to make, so that no
// scoring is needed: shift when the stack is empty, and when only the root
// is left in the buffer, reduce a word that has a head and attach one that
// has none to the root. The label of such an arc does not matter: finish
// decides the labels of the root's dependents.
func (s *state) forced() (move int, ok bool) {
	if len(s.stack) == 0 {
		return mShift, true
	}
	if s.b > s.n {
		if s.head[s.s0()] >= 0 {
			return mReduce, true
		}
		return mLeft, true
	}
	return 0, false
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

// Parser feature templates: those of Zhang and Nivre (2011, table 2), and
// three of S1, the word under S0 on the stack.
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

// sentFeat is what the parser knows of each position: word hash and tag
// class, with position n+1 for the root.
type sentFeat struct {
	w []uint64 // word hash
	p []uint64 // tag class + 1
}

// feats appends the features of the configuration to dst.
func (s *state) feats(dst []uint64, sf *sentFeat) []uint64 {
	// Positions are -1 for none, and the words, tags and labels of none 0.
	s0, s1 := int32(-1), int32(-1)
	if len(s.stack) > 0 {
		s0 = s.stack[len(s.stack)-1]
	}
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	n0, n1, n2 := int32(-1), int32(-1), int32(-1)
	last := s.n + 1 // the root
	if s.b <= last {
		n0 = int32(s.b)
	}
	if s.b+1 <= last {
		n1 = int32(s.b + 1)
	}
	if s.b+2 <= last {
		n2 = int32(s.b + 2)
	}
	s0h, s0h2, s0l, s0r, s0l2, s0r2 := int32(-1), int32(-1), int32(-1), int32(-1), int32(-1), int32(-1)
	if s0 >= 0 {
		s0h, s0l, s0r, s0l2, s0r2 = s.head[s0], s.l1[s0], s.r1[s0], s.l2[s0], s.r2[s0]
		if s0h >= 0 {
			s0h2 = s.head[s0h]
		}
	}
	n0l, n0l2 := int32(-1), int32(-1)
	if n0 >= 0 {
		n0l, n0l2 = s.l1[n0], s.l2[n0]
	}
	var (
		w, p, l [13]uint64
		pos     = [13]int32{s0, n0, n1, n2, s0h, s0h2, s0l, s0r, s0l2, s0r2, n0l, n0l2, s1}
	)
	for i, x := range pos {
		if x >= 0 {
			w[i], p[i], l[i] = sf.w[x], sf.p[x], uint64(s.label[x])
		}
	}
	const (
		iS0 = iota
		iN0
		iN1
		iN2
		iS0h
		iS0h2
		iS0l
		iS0r
		iS0l2
		iS0r2
		iN0l
		iN0l2
		iS1
	)
	s0w, s0p, n0w, n0p := w[iS0], p[iS0], w[iN0], p[iN0]
	n1w, n1p, n2w, n2p := w[iN1], p[iN1], w[iN2], p[iN2]
	s0lp, s0rp, n0lp := p[iS0l], p[iS0r], p[iN0l]

	var d uint64
	if s0 > 0 && n0 > 0 && int(n0) <= s.n {
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
		key4(fS0wpN0wp, s0w, s0p, n0w, n0p),
		key3(fS0wpN0w, s0w, s0p, n0w),
		key3(fS0wN0wp, s0w, n0w, n0p),
		key3(fS0wpN0p, s0w, s0p, n0p),
		key3(fS0pN0wp, s0p, n0w, n0p),
		key2(fS0wN0w, s0w, n0w),
		key2(fS0pN0p, s0p, n0p),
		key2(fN0pN1p, n0p, n1p),
		key3(fN0pN1pN2p, n0p, n1p, n2p),
		key3(fS0pN0pN1p, s0p, n0p, n1p),
		key3(fS0hpS0pN0p, p[iS0h], s0p, n0p),
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
		key1(fS0hw, w[iS0h]),
		key1(fS0hp, p[iS0h]),
		key1(fS0l, l[iS0]),
		key1(fS0lw, w[iS0l]),
		key1(fS0lp, s0lp),
		key1(fS0ll, l[iS0l]),
		key1(fS0rw, w[iS0r]),
		key1(fS0rp, s0rp),
		key1(fS0rl, l[iS0r]),
		key1(fN0lw, w[iN0l]),
		key1(fN0lp, n0lp),
		key1(fN0ll, l[iN0l]),
		key1(fS0h2w, w[iS0h2]),
		key1(fS0h2p, p[iS0h2]),
		key1(fS0hl, l[iS0h]),
		key1(fS0l2w, w[iS0l2]),
		key1(fS0l2p, p[iS0l2]),
		key1(fS0l2l, l[iS0l2]),
		key1(fS0r2w, w[iS0r2]),
		key1(fS0r2p, p[iS0r2]),
		key1(fS0r2l, l[iS0r2]),
		key1(fN0l2w, w[iN0l2]),
		key1(fN0l2p, p[iN0l2]),
		key1(fN0l2l, l[iN0l2]),
		key3(fS0pS0lpS0l2p, s0p, s0lp, p[iS0l2]),
		key3(fS0pS0rpS0r2p, s0p, s0rp, p[iS0r2]),
		key3(fS0pS0hpS0h2p, s0p, p[iS0h], p[iS0h2]),
		key3(fN0pN0lpN0l2p, n0p, n0lp, p[iN0l2]),
		key2(fS0wsr, s0w, s0sr),
		key2(fS0psr, s0p, s0sr),
		key2(fS0wsl, s0w, s0sl),
		key2(fS0psl, s0p, s0sl),
		key2(fN0wsl, n0w, n0sl),
		key2(fN0psl, n0p, n0sl),
		key1(fS1p, p[iS1]),
		key3(fS1pS0pN0p, p[iS1], s0p, n0p),
		key2(fS1wS0p, w[iS1], s0p),
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

// moveSet lists the classes of the parser's perceptron: shift, reduce, then
// the labeled left arcs and the labeled right arcs seen often enough in
// training. Leaving out the rare pairs of direction and label (a determiner
// after its noun, a passive auxiliary after its verb) cuts the classes from
// 104 to 72 and the time spent adding weights with them.
type moveSet struct {
	labels []uint8 // label of class 2+i
	nLeft  int     // classes 2 .. 2+nLeft-1 are left arcs
}

// n returns the number of classes.
func (ms *moveSet) n() int { return 2 + len(ms.labels) }

// move returns the move and label of class c.
func (ms *moveSet) move(c int) (move, label int) {
	switch {
	case c == 0:
		return mShift, 0
	case c == 1:
		return mReduce, 0
	case c < 2+ms.nLeft:
		return mLeft, int(ms.labels[c-2])
	}
	return mRight, int(ms.labels[c-2])
}

// best returns the highest scoring class whose move is allowed.
func (ms *moveSet) best(scores []float32, ok [nMoves]bool) int {
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
		try(2, 2+ms.nLeft)
	}
	if ok[mRight] {
		try(2+ms.nLeft, ms.n())
	}
	return best
}

// costs returns, for each valid move, the number of gold arcs that the move
// makes unreachable (Goldberg and Nivre 2012, section 4.1). gold holds the
// gold head of each position 1..n, n+1 for the root; gold[0] and gold[n+1]
// are -1.
func (s *state) costs(ok [nMoves]bool, gold []int32) (c [nMoves]int) {
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
		if s.head[k] < 0 && gold[k] == b {
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
	}
	return
}
