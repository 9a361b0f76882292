package parse

// The tagger is a greedy left-to-right averaged perceptron over the
// combined Penn and universal tag ("VBN|VERB"), after Honnibal's "A good
// part-of-speech tagger in about 200 lines of Python" (2013), with word
// shape and more affix features.

// Tagger feature templates.
const (
	tBias uint64 = iota + 1
	tWord
	tSuf1
	tSuf2
	tSuf3
	tPre1
	tPre2
	tPre3
	tShape
	tPrev
	tPrev2
	tPrevWord
	tWordM1
	tSufM1
	tWordM2
	tWordP1
	tSufP1
	tWordP2
	tBigramM1
	tBigramP1
	tShapeP1
	tShapeM1
	tFirstShape
	tPrevSuf
	tShapeBi
	tAmb
	tAmbP1
	tAmbP2
	tAmbM1
	tPrevAmb
	tAmbBi
	tAmbWordP1
)

// tagFeatures appends the features of word i to dst; p1 and p2 are the ids
// of the two previous tags (0 before the sentence).
func tagFeatures(dst []uint64, toks []tokFeat, i int, p1, p2 uint64) []uint64 {
	t := &toks[i]
	wm1, wm2, wp1, wp2 := uint64(hashStart), uint64(hashStart+1), uint64(hashEnd), uint64(hashEnd+1)
	sm1, sp1 := uint64(hashStart), uint64(hashEnd)
	shm1, shp1 := uint64(hashStart), uint64(hashEnd)
	if i > 0 {
		wm1, sm1, shm1 = toks[i-1].form, toks[i-1].suf[2], toks[i-1].shape
	}
	if i > 1 {
		wm2 = toks[i-2].form
	}
	if i+1 < len(toks) {
		wp1, sp1, shp1 = toks[i+1].form, toks[i+1].suf[2], toks[i+1].shape
	}
	if i+2 < len(toks) {
		wp2 = toks[i+2].form
	}
	am1, ap1, ap2 := uint64(hashStart), uint64(hashEnd), uint64(hashEnd+1)
	if i > 0 {
		am1 = toks[i-1].amb
	}
	if i+1 < len(toks) {
		ap1 = toks[i+1].amb
	}
	if i+2 < len(toks) {
		ap2 = toks[i+2].amb
	}
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(dst,
		key1(tBias, 0),
		key1(tWord, t.form),
		key1(tSuf1, t.suf[0]),
		key1(tSuf2, t.suf[1]),
		key1(tSuf3, t.suf[2]),
		key1(tPre1, t.pre[0]),
		key1(tPre2, t.pre[1]),
		key1(tPre3, t.pre[2]),
		key1(tShape, t.shape),
		key1(tPrev, p1),
		key2(tPrev2, p1, p2),
		key2(tPrevWord, p1, t.form),
		key1(tWordM1, wm1),
		key1(tSufM1, sm1),
		key1(tWordM2, wm2),
		key1(tWordP1, wp1),
		key1(tSufP1, sp1),
		key1(tWordP2, wp2),
		key2(tBigramM1, wm1, t.form),
		key2(tBigramP1, t.form, wp1),
		key1(tShapeP1, shp1),
		key1(tShapeM1, shm1),
		key2(tFirstShape, first, t.shape),
		key2(tPrevSuf, p1, t.suf[2]),
		key3(tShapeBi, shm1, t.shape, shp1),
		key1(tAmb, t.amb),
		key1(tAmbP1, ap1),
		key1(tAmbP2, ap2),
		key1(tAmbM1, am1),
		key2(tPrevAmb, p1, t.amb),
		key2(tAmbBi, t.amb, ap1),
		key2(tAmbWordP1, t.form, ap1),
	)
}

// tagger predicts tag classes; class c is tags[c], e.g. "VBN|VERB".
type tagger struct {
	w    *weights
	dict map[string]uint8  // frequent unambiguous words
	amb  map[uint64]uint64 // word form hash -> Penn tags seen with it, as a bit set
	n    int               // number of classes
}

// tag writes the predicted class of every word to out.
func (tg *tagger) tag(words []string, toks []tokFeat, out []uint8, feats []uint64, scores []float32) []uint64 {
	for i := range toks {
		toks[i].amb = tg.amb[toks[i].form]
	}
	var p1, p2 uint64
	for i := range toks {
		c, ok := tg.dict[words[i]]
		if !ok {
			feats = tagFeatures(feats[:0], toks, i, p1, p2)
			tg.w.score(feats, scores[:tg.n])
			c = uint8(argmax(scores[:tg.n]))
		}
		out[i] = c
		p2, p1 = p1, uint64(c)+1
	}
	return feats
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}
