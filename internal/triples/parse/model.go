package parse

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

//go:embed model/en_ewt.bin.gz
var embedded []byte

var defaultModel = sync.OnceValue(func() *Model {
	m, err := ReadModel(bytes.NewReader(embedded))
	if err != nil {
		panic(fmt.Sprintf("parse: embedded model is corrupt: %v", err))
	}
	return m
})

// Default returns the model trained on Universal Dependencies English EWT
// that is embedded in the binary. It is decoded on first use; Default panics
// only if the embedded file is corrupt.
func Default() *Model { return defaultModel() }

// Model holds the weights of the tagger, the lemmatizer and the parser. Get
// one from [Default], [ReadModel] or [Train]; a Model is immutable and safe
// for concurrent use.
type Model struct {
	tags   []string // tag classes, "XPOS|UPOS"
	xpos   []string // Penn tag of each class
	upos   []string // universal tag of each class
	xposID []uint8  // lemmatizer's id of each class's Penn tag
	labels []string
	moves  moveSet
	punct  []bool // class is punctuation

	rootLabel, punctLabel, parataxis int // label ids

	tg  tagger
	par *weights
	lem *lemmatizer

	pool sync.Pool // *scratch
}

// scratch is the per-call working memory of Parse.
type scratch struct {
	norm   []string
	toks   []tokFeat
	tags   []uint8
	feats  []uint64
	scores []float32
	buf    []byte
	sf     sentFeat
	st     state
}

func (m *Model) getScratch() *scratch {
	if sc, ok := m.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{scores: make([]float32, maxClasses)}
}

// init derives the per-class tables from m.tags.
func (m *Model) init() error {
	if len(m.tags) == 0 || len(m.tags) > maxClasses {
		return fmt.Errorf("bad number of tags %d", len(m.tags))
	}
	if len(m.labels) == 0 || len(m.labels) > maxLabels {
		return fmt.Errorf("bad number of labels %d", len(m.labels))
	}
	m.xpos = make([]string, len(m.tags))
	m.upos = make([]string, len(m.tags))
	m.xposID = make([]uint8, len(m.tags))
	m.punct = make([]bool, len(m.tags))
	ids := map[string]uint8{}
	for i, t := range m.tags {
		x, u, ok := strings.Cut(t, "|")
		if !ok {
			return fmt.Errorf("bad tag %q", t)
		}
		m.xpos[i], m.upos[i] = x, u
		if _, ok := ids[x]; !ok {
			ids[x] = uint8(len(ids))
		}
		m.xposID[i] = ids[x]
		m.punct[i] = u == "PUNCT"
	}
	m.tg.n = len(m.tags)
	for _, l := range []struct {
		name string
		id   *int
	}{{"root", &m.rootLabel}, {"punct", &m.punctLabel}, {"parataxis", &m.parataxis}} {
		*l.id = slices.Index(m.labels, l.name)
		if *l.id < 0 {
			return fmt.Errorf("no label %q", l.name)
		}
	}
	return nil
}

// root values of the parser's features.
const (
	rootWord = 7
	rootTag  = 251
)

// Parse tags, lemmatizes and parses one sentence of words as split by a
// tokenizer that follows the Penn Treebank conventions ("did" "n't",
// "Assad" "'s", punctuation apart). Typographic quotes, apostrophes and
// dashes are read as their ASCII forms. Parse runs in time linear in the
// number of words and never fails; the returned Sentence has its own copy of
// words.
func (m *Model) Parse(words []string) *Sentence {
	n := len(words)
	strs := make([]string, 5*n)
	s := &Sentence{
		Words:  strs[0*n : 1*n : 1*n],
		Lemmas: strs[1*n : 2*n : 2*n],
		UPOS:   strs[2*n : 3*n : 3*n],
		XPOS:   strs[3*n : 4*n : 4*n],
		Rels:   strs[4*n : 5*n : 5*n],
		Heads:  make([]int, n),
	}
	copy(s.Words, words)
	if n == 0 {
		return s
	}
	sc := m.getScratch()
	defer m.pool.Put(sc)

	m.tagWords(sc, words)
	for i, c := range sc.tags {
		s.XPOS[i], s.UPOS[i] = m.xpos[c], m.upos[c]
		sc.buf = lower(sc.buf[:0], sc.norm[i])
		s.Lemmas[i] = m.lem.lemma(sc.norm[i], sc.buf, m.xposID[c])
	}
	m.parseTagged(sc, m.par)
	root := sc.st.root()
	for i := range n {
		h := int(sc.st.head[i+1])
		if h == root {
			s.Heads[i] = -1
			s.Rels[i] = "root"
		} else {
			s.Heads[i] = h - 1
			s.Rels[i] = m.labels[sc.st.label[i+1]-1]
		}
	}
	return s
}

// tagWords normalizes and tags words into sc.norm, sc.toks and sc.tags.
func (m *Model) tagWords(sc *scratch, words []string) {
	n := len(words)
	sc.norm = sc.norm[:0]
	for _, w := range words {
		sc.norm = append(sc.norm, normalize(w))
	}
	if cap(sc.toks) < n {
		sc.toks = make([]tokFeat, n, n+n/2)
		sc.tags = make([]uint8, n, n+n/2)
	}
	sc.toks, sc.tags = sc.toks[:n], sc.tags[:n]
	for i, w := range sc.norm {
		sc.buf = featurize(&sc.toks[i], w, sc.buf)
	}
	sc.feats = m.tg.tag(sc.norm, sc.toks, sc.tags, sc.feats, sc.scores)
}

// scorer is the parser's perceptron: compiled weights, or those under
// training.
type scorer interface {
	score(feats []uint64, scores []float32)
}

// parseTagged parses the words in sc.toks with tags sc.tags, leaving the
// tree in sc.st.
func (m *Model) parseTagged(sc *scratch, w scorer) {
	n := len(sc.tags)
	m.fill(&sc.sf, sc.toks, sc.tags)
	scores := sc.scores[:m.moves.n()]
	st := &sc.st
	st.reset(n)
	for !st.terminal() {
		if mv, ok := st.forced(); ok {
			st.apply(mv, m.rootLabel)
			continue
		}
		sc.feats = st.feats(sc.feats[:0], &sc.sf)
		w.score(sc.feats, scores)
		st.apply(m.moves.move(m.moves.best(scores, st.valid())))
	}
	m.finish(st, sc.tags)
}

// fill sets sf from the words and their tags.
func (m *Model) fill(sf *sentFeat, toks []tokFeat, tags []uint8) {
	sf.w = append(sf.w[:0], 0) // position 0 is unused
	sf.p = append(sf.p[:0], 0)
	for i, c := range tags {
		sf.w = append(sf.w, toks[i].form)
		sf.p = append(sf.p, uint64(c)+1)
	}
	sf.w = append(sf.w, rootWord)
	sf.p = append(sf.p, rootTag)
}

// finish makes a tree of the parser's forest: of the words that hang from
// the root, the one with the largest subtree stays, and the others become
// its dependents.
func (m *Model) finish(st *state, tags []uint8) {
	root := int32(st.root())
	// top[i] is the dependent of the root above word i, found once per word
	// by following heads and remembering the answer for the whole path, so
	// that a long chain of heads costs linear time. The children arrays are
	// no longer needed and serve as scratch space.
	top := st.l1[:st.n+2]
	size := st.r1[:st.n+2]
	path := st.l2[:0]
	for i := range top {
		top[i], size[i] = -1, 0
	}
	for i := int32(1); i <= int32(st.n); i++ {
		path = path[:0]
		a := i
		for top[a] < 0 {
			path = append(path, a)
			h := st.head[a]
			if h == root || h < 0 || len(path) > st.n { // the last: a cycle, which arcs cannot make
				top[a] = a
				break
			}
			a = h
		}
		for _, p := range path {
			top[p] = top[a]
		}
		size[top[i]]++
	}
	main := int32(-1)
	for i := int32(1); i <= int32(st.n); i++ {
		if st.head[i] == root && (main < 0 || size[i] > size[main]) {
			main = i
		}
	}
	if main < 0 {
		main = 1 // cannot happen: the last arc of a parse is to the root
		st.head[main] = root
	}
	st.label[main] = uint8(m.rootLabel + 1)
	for i := 1; i <= st.n; i++ {
		if int32(i) != main && (st.head[i] < 0 || st.head[i] == root) {
			st.head[i] = main
			st.label[i] = uint8(m.parataxis + 1)
			if m.punct[tags[i-1]] {
				st.label[i] = uint8(m.punctLabel + 1)
			}
		}
	}
}
