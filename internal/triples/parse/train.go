package parse

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

// TrainOptions control [Train]. [TrainOptions.Defaults] gives zero fields
// the values in brackets; a negative MinUpdates keeps every feature.
type TrainOptions struct {
	TagEpochs     int     // passes over the data for the tagger [7]
	ParseEpochs   int     // passes for the parser [15]
	Folds         int     // jackknife folds that tag the parser's training data [10]
	Seed          uint64  // shuffling and exploration seed [1]
	MinWeight     float32 // averaged weights smaller than this are dropped [0]
	MinUpdates    int     // parser features updated fewer times are dropped [8]
	TagMinUpdates int     // tagger features updated fewer times are dropped [0]
	DictMinCount  int     // words this frequent with one tag 97% of the time skip the tagger [20]; negative: none
	Explore       float64 // probability of following a wrong prediction [0.9]
	Log           io.Writer
}

// Defaults sets the zero fields of o to their defaults.
func (o *TrainOptions) Defaults() {
	if o.TagEpochs == 0 {
		o.TagEpochs = 7
	}
	if o.DictMinCount == 0 {
		o.DictMinCount = 20
	}
	if o.MinUpdates == 0 {
		// A quarter of the features, for little accuracy (README.md).
		o.MinUpdates = 8
	}
	if o.ParseEpochs == 0 {
		o.ParseEpochs = 15
	}
	if o.Folds == 0 {
		o.Folds = 10
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// goldSent is a training sentence prepared for the tagger and the parser.
type goldSent struct {
	words  []string // normalized
	toks   []tokFeat
	tags   []uint8 // gold tag classes
	pred   []uint8 // jackknifed tag classes
	heads  []int32 // gold heads by position 1..n, n+1 for the root, projectivized; -1 at 0 and n+1
	labels []uint8 // label ids by position
}

// Scores are accuracies in percent on a treebank.
type Scores struct {
	UPOS, XPOS, Lemma, UAS, LAS float64
	Words                       int
}

func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.2f XPOS %.2f lemma %.2f UAS %.2f LAS %.2f (%d words)", s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS, s.Words)
}

// Evaluate parses the words of gold and scores the result against it.
// Lemmas are compared in lower case; punctuation counts in UAS and LAS, as
// in the CoNLL 2018 shared task.
func (m *Model) Evaluate(gold []*Sentence) Scores {
	var upos, xpos, lem, uas, las, n int
	for _, g := range gold {
		s := m.Parse(g.Words)
		for i := range g.Words {
			n++
			if s.UPOS[i] == g.UPOS[i] {
				upos++
			}
			if s.XPOS[i] == g.XPOS[i] {
				xpos++
			}
			if s.Lemmas[i] == string(lower(nil, normalize(g.Lemmas[i]))) {
				lem++
			}
			if s.Heads[i] == g.Heads[i] {
				uas++
				if s.Rels[i] == g.Rels[i] {
					las++
				}
			}
		}
	}
	pc := func(k int) float64 { return 100 * float64(k) / float64(max(n, 1)) }
	return Scores{pc(upos), pc(xpos), pc(lem), pc(uas), pc(las), n}
}

// Train trains a model on train, reporting progress and scores on dev to
// opt.Log. The tagger learns from the gold tags; the parser from tags given
// by taggers trained on the other folds of train (jackknifing), so that it
// learns to live with tagging mistakes like those it will meet; the
// lemmatizer from the gold lemmas and tags. The parser's transitions build
// projective trees only, so non-projective training trees (288 of EWT's
// 12,544) are made projective by lifting arcs. Training is deterministic;
// it stops with ctx's error when ctx is done.
func Train(ctx context.Context, train, dev []*Sentence, opt TrainOptions) (*Model, error) {
	opt.Defaults()
	if len(train) == 0 {
		return nil, errors.New("no training sentences")
	}
	start := time.Now()
	m := &Model{}
	classOf := m.buildTags(train)
	labelOf := m.buildLabels(train)
	if err := m.init(); err != nil {
		return nil, err
	}
	gold := make([]*goldSent, len(train))
	lifted := 0
	for i, s := range train {
		g, nl := prepare(s, classOf, labelOf)
		gold[i] = g
		if nl > 0 {
			lifted++
		}
	}
	m.buildMoves(gold)
	fmt.Fprintf(opt.Log, "%d training sentences (%d projectivized), %d tags, %d labels, %d parser classes\n", len(train), lifted, len(m.tags), len(m.labels), m.moves.n())

	// Tagger, and jackknifed tags for the parser's training data.
	m.tg = *trainTagger(gold, m.xposID, opt, func(ep int, tg *tagger) {
		m.tg = *tg
		fmt.Fprintf(opt.Log, "tagger epoch %d: %s\n", ep, tagScores(m, dev))
	})
	fmt.Fprintf(opt.Log, "tagger: %d features, %s\n", m.tg.w.len(), time.Since(start).Round(time.Second))
	jackknife(gold, m.xposID, opt)
	var right, all int
	for _, g := range gold {
		for i := range g.tags {
			all++
			if g.tags[i] == g.pred[i] {
				right++
			}
		}
	}
	fmt.Fprintf(opt.Log, "jackknifed tags: %.2f%% right, %s\n", 100*float64(right)/float64(all), time.Since(start).Round(time.Second))

	// Lemmatizer, from the gold tags.
	var forms, lemmas []string
	var xp []uint8
	for i, g := range gold {
		for j, w := range g.words {
			forms = append(forms, string(lower(nil, w)))
			lemmas = append(lemmas, string(lower(nil, normalize(train[i].Lemmas[j]))))
			xp = append(xp, m.xposID[g.tags[j]])
		}
	}
	m.lem = trainLemmatizer(forms, xp, lemmas)
	fmt.Fprintf(opt.Log, "lemmatizer: %d exceptions, %d rules\n", len(m.lem.table), len(m.lem.rules))

	if _, err := m.trainParser(ctx, gold, dev, opt, start); err != nil {
		return nil, err
	}
	return m, nil
}

// trainParser trains the parser on gold sentences with their jackknifed
// tags, printing dev scores after each epoch, and returns the perceptron.
func (m *Model) trainParser(ctx context.Context, gold []*goldSent, dev []*Sentence, opt TrainOptions, start time.Time) (*perceptron, error) {
	p := newPerceptron()
	rng := rand.New(rand.NewPCG(opt.Seed, 2))
	sc := &scratch{scores: make([]float32, maxClasses)}
	order := make([]int, len(gold))
	for i := range order {
		order[i] = i
	}
	for ep := 1; ep <= opt.ParseEpochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var moves, wrong int
		explore := 0.0
		if ep > 1 {
			explore = opt.Explore
		}
		for _, si := range order {
			mv, wr := m.trainSentence(p, sc, gold[si], explore, rng)
			moves += mv
			wrong += wr
		}
		m.par = newWeights(p.average(opt.MinUpdates, opt.MinWeight), m.moves.n())
		fmt.Fprintf(opt.Log, "parser epoch %d: %.2f%% moves wrong, %d features, dev %s, %s\n",
			ep, 100*float64(wrong)/float64(max(moves, 1)), len(p.feats), m.Evaluate(dev), time.Since(start).Round(time.Second))
	}
	return p, nil
}

// trainSentence parses g once with the perceptron p, updating it wherever
// its best class is not one of the cheapest under the dynamic oracle. With
// probability explore it then follows its own wrong choice, so that it
// learns to recover from mistakes (Goldberg and Nivre 2012, algorithm 3).
// It returns the number of scored moves and of wrong ones.
func (m *Model) trainSentence(p *perceptron, sc *scratch, g *goldSent, explore float64, rng *rand.Rand) (moves, wrong int) {
	sc.toks, sc.tags = g.toks, g.pred
	m.fill(&sc.sf, sc.toks, sc.tags)
	scores := sc.scores[:m.moves.n()]
	st := &sc.st
	st.reset(len(g.words))
	for !st.terminal() {
		if mv, ok := st.forced(); ok {
			st.apply(mv, m.rootLabel)
			continue
		}
		sc.feats = st.feats(sc.feats[:0], &sc.sf)
		p.score(sc.feats, scores)
		ok := st.valid()
		pred := m.moves.best(scores, ok)
		costs := st.costs(ok, g.heads)
		// The cost of a class is that of its move, plus one for the wrong
		// label on a right arc.
		s0, b := st.s0(), st.b
		cost := func(c int) int {
			mv, lab := m.moves.move(c)
			k := costs[mv]
			if mv == mLeft && g.heads[s0] == int32(b) && int(g.labels[s0]) != lab {
				k++
			}
			if mv == mRight && g.heads[b] == int32(s0) && int(g.labels[b]) != lab {
				k++
			}
			return k
		}
		minCost, best := -1, -1
		for c := range scores {
			if mv, _ := m.moves.move(c); !ok[mv] {
				continue
			}
			if k := cost(c); minCost < 0 || k < minCost || (k == minCost && scores[c] > scores[best]) {
				minCost, best = k, c
			}
		}
		p.tick()
		moves++
		follow := best
		if cost(pred) > minCost {
			wrong++
			p.update(sc.feats, best, 1)
			p.update(sc.feats, pred, -1)
			if explore > 0 && rng.Float64() < explore {
				follow = pred
			}
		}
		st.apply(m.moves.move(follow))
	}
	return moves, wrong
}

// tagScores returns the tagging accuracy on dev.
func tagScores(m *Model, dev []*Sentence) string {
	sc := m.getScratch()
	var u, x, n int
	for _, s := range dev {
		m.tagWords(sc, s.Words)
		for i, c := range sc.tags {
			n++
			if m.upos[c] == s.UPOS[i] {
				u++
			}
			if m.xpos[c] == s.XPOS[i] {
				x++
			}
		}
	}
	return fmt.Sprintf("UPOS %.2f XPOS %.2f", 100*float64(u)/float64(max(n, 1)), 100*float64(x)/float64(max(n, 1)))
}

// buildTags sets m.tags to the XPOS|UPOS pairs seen at least 5 times and
// returns the function that maps a pair onto its class; a rarer pair takes
// the commonest class with its Penn tag.
func (m *Model) buildTags(train []*Sentence) func(x, u string) uint8 {
	counts := map[string]int{}
	xcounts := map[string]int{}
	for _, s := range train {
		for i := range s.Words {
			counts[s.XPOS[i]+"|"+s.UPOS[i]]++
			xcounts[s.XPOS[i]]++
		}
	}
	type kc struct {
		k string
		c int
	}
	var all []kc
	for k, c := range counts {
		all = append(all, kc{k, c})
	}
	slices.SortFunc(all, func(a, b kc) int {
		if a.c != b.c {
			return b.c - a.c
		}
		return cmp.Compare(a.k, b.k)
	})
	index := map[string]uint8{}
	byX := map[string]uint8{}
	for _, e := range all {
		if e.c < 5 && len(index) > 0 {
			continue
		}
		x := e.k[:len(e.k)-len(e.k[indexByte(e.k, '|'):])]
		index[e.k] = uint8(len(m.tags))
		if _, ok := byX[x]; !ok {
			byX[x] = uint8(len(m.tags))
		}
		m.tags = append(m.tags, e.k)
	}
	return func(x, u string) uint8 {
		if c, ok := index[x+"|"+u]; ok {
			return c
		}
		if c, ok := byX[x]; ok {
			return c
		}
		return 0
	}
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return len(s)
}

// buildLabels sets m.labels to the relations of train, commonest first, and
// returns the function that maps a relation onto its id.
func (m *Model) buildLabels(train []*Sentence) func(string) uint8 {
	counts := map[string]int{"root": 0, "dep": 0, "punct": 0, "parataxis": 0}
	for _, s := range train {
		for _, r := range s.Rels {
			counts[r]++
		}
	}
	for l := range counts {
		m.labels = append(m.labels, l)
	}
	slices.SortFunc(m.labels, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return cmp.Compare(a, b)
	})
	if len(m.labels) > maxLabels {
		m.labels = m.labels[:maxLabels]
		if !slices.Contains(m.labels, "dep") {
			m.labels[maxLabels-1] = "dep"
		}
	}
	index := map[string]uint8{}
	for i, l := range m.labels {
		index[l] = uint8(i)
	}
	return func(r string) uint8 {
		if i, ok := index[r]; ok {
			return i
		}
		return index["dep"]
	}
}

// minArcCount is how often a pair of direction and label must occur in
// training to become a class of the parser.
const minArcCount = 20

// buildMoves sets m.moves to the arcs seen at least minArcCount times.
func (m *Model) buildMoves(gold []*goldSent) {
	var left, right [maxLabels]int
	for _, g := range gold {
		for d := 1; d < len(g.heads)-1; d++ {
			if int(g.heads[d]) > d {
				left[g.labels[d]]++
			} else {
				right[g.labels[d]]++
			}
		}
	}
	m.moves = moveSet{}
	for l := range m.labels {
		if left[l] >= minArcCount || l == m.rootLabel {
			m.moves.labels = append(m.moves.labels, uint8(l))
		}
	}
	m.moves.nLeft = len(m.moves.labels)
	for l := range m.labels {
		if right[l] >= minArcCount && l != m.rootLabel {
			m.moves.labels = append(m.moves.labels, uint8(l))
		}
	}
}

// prepare converts s for training and reports how many arcs were lifted to
// make its tree projective.
func prepare(s *Sentence, classOf func(x, u string) uint8, labelOf func(string) uint8) (*goldSent, int) {
	n := len(s.Words)
	g := &goldSent{
		words:  make([]string, n),
		toks:   make([]tokFeat, n),
		tags:   make([]uint8, n),
		pred:   make([]uint8, n),
		heads:  make([]int32, n+2),
		labels: make([]uint8, n+1),
	}
	var buf []byte
	g.heads[0] = -1
	for i, w := range s.Words {
		g.words[i] = normalize(w)
		buf = featurize(&g.toks[i], g.words[i], buf)
		g.tags[i] = classOf(s.XPOS[i], s.UPOS[i])
		g.heads[i+1] = int32(s.Heads[i] + 1)
		g.labels[i+1] = labelOf(s.Rels[i])
	}
	lifted := projectivize(g.heads[:n+1])
	for i := 1; i <= n; i++ {
		if g.heads[i] == 0 {
			g.heads[i] = int32(n + 1)
		}
	}
	g.heads[n+1] = -1
	return g, lifted
}

// projectivize lifts non-projective arcs, shortest first, to the head's
// head until the tree is projective (Nivre and Nilsson 2005, without
// encoding the lifts in the labels), and returns the number of lifts.
func projectivize(heads []int32) int {
	lifts := 0
	for {
		d := -1
		span := 0
		for i := 1; i < len(heads); i++ {
			h := int(heads[i])
			if h <= 0 {
				continue
			}
			if nonProjective(heads, h, i) && (d < 0 || abs(h-i) < span) {
				d, span = i, abs(h-i)
			}
		}
		if d < 0 {
			return lifts
		}
		heads[d] = heads[heads[d]]
		lifts++
	}
}

// nonProjective reports whether some word between h and d is not a
// descendant of h.
func nonProjective(heads []int32, h, d int) bool {
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi; k++ {
		a := k
		for steps := 0; a > 0 && a != h && steps < len(heads); steps++ {
			a = int(heads[a])
		}
		if a != h {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// dictMinShare is how often a word must have its commonest tag in training
// to go in the tagger's dictionary, and be tagged without features.
const dictMinShare = 0.97

// trainTagger trains a tagger on sents; after each epoch it calls report,
// if not nil.
func trainTagger(sents []*goldSent, xposID []uint8, opt TrainOptions, report func(int, *tagger)) *tagger {
	nClasses := len(xposID)
	// Tag dictionary: frequent words seen with one class almost always.
	counts := map[string]map[uint8]int{}
	for _, s := range sents {
		for i, w := range s.words {
			if counts[w] == nil {
				counts[w] = map[uint8]int{}
			}
			counts[w][s.tags[i]]++
		}
	}
	tg := &tagger{dict: map[string]uint8{}, amb: map[uint64]uint64{}, n: nClasses}
	for w, cs := range counts {
		total, best, bc := 0, 0, uint8(0)
		for c, k := range cs {
			total += k
			if k > best || (k == best && c < bc) {
				best, bc = k, c
			}
		}
		if opt.DictMinCount > 0 && total >= opt.DictMinCount && float64(best) >= dictMinShare*float64(total) {
			tg.dict[w] = bc
		}
	}
	tagCounts := map[uint64]*[64]int32{}
	for _, s := range sents {
		for i, t := range s.toks {
			c := tagCounts[t.form]
			if c == nil {
				c = new([64]int32)
				tagCounts[t.form] = c
			}
			x := xposID[s.tags[i]] & 63
			c[x]++
			tg.amb[t.form] |= 1 << x
		}
	}
	// Copies of the words' features with their ambiguity classes, as the
	// sentences are shared between the jackknife's goroutines. A word's
	// class leaves out the occurrence at hand, so that training sees words
	// and tags unseen elsewhere as often as tagging new text does.
	toks := make([][]tokFeat, len(sents))
	for j, s := range sents {
		toks[j] = slices.Clone(s.toks)
		for i, t := range toks[j] {
			c := tagCounts[t.form]
			x := xposID[s.tags[i]] & 63
			mask := tg.amb[t.form]
			if c[x] == 1 {
				mask &^= 1 << x
			}
			toks[j][i].amb = mask
		}
	}
	p := newPerceptron()
	rng := rand.New(rand.NewPCG(opt.Seed, 1))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, nClasses)
	var feats []uint64
	for ep := 1; ep <= opt.TagEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := sents[si]
			var p1, p2 uint64
			for i, w := range s.words {
				c, ok := tg.dict[w]
				if !ok {
					feats = tagFeatures(feats[:0], toks[si], i, p1, p2)
					p.score(feats, scores)
					c = uint8(argmax(scores))
					p.tick()
					if c != s.tags[i] {
						p.update(feats, int(s.tags[i]), 1)
						p.update(feats, int(c), -1)
					}
				}
				p2, p1 = p1, uint64(c)+1
			}
		}
		if report != nil {
			tg.w = newWeights(p.average(opt.TagMinUpdates, opt.MinWeight), nClasses)
			report(ep, tg)
		}
	}
	tg.w = newWeights(p.average(opt.TagMinUpdates, opt.MinWeight), nClasses)
	return tg
}

// jackknife sets the pred tags of each sentence with a tagger trained on
// the other folds, so that the parser learns from tags as wrong as those it
// will see.
func jackknife(gold []*goldSent, xposID []uint8, opt TrainOptions) {
	nClasses := len(xposID)
	k := opt.Folds
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := range k {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var in, out []*goldSent
			for i, g := range gold {
				if i%k == f {
					out = append(out, g)
				} else {
					in = append(in, g)
				}
			}
			tg := trainTagger(in, xposID, opt, nil)
			feats := make([]uint64, 0, 64)
			scores := make([]float32, nClasses)
			for _, g := range out {
				feats = tg.tag(g.words, slices.Clone(g.toks), g.pred, feats, scores)
			}
		}()
	}
	wg.Wait()
}
