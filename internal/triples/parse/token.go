package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize maps a word from the project's tokenizer onto the spelling
// conventions of English EWT, which the model was trained on: typographic
// apostrophes and quotes become ASCII, dashes become "--". Pure ASCII words
// come back unchanged without allocating.
func normalize(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	switch w {
	case "“", "”", "„", "«", "»", "‟", "″":
		return `"`
	case "‘", "’", "‚", "‛", "′":
		return "'"
	case "—", "–", "―", "‒":
		return "--"
	case "…":
		return "..."
	}
	if !strings.ContainsAny(w, "’‘") {
		return w
	}
	return strings.Map(func(r rune) rune {
		if r == '’' || r == '‘' {
			return '\''
		}
		return r
	}, w)
}

// tokFeat holds the hashed properties of one word that the tagger and the
// parser build their features from.
type tokFeat struct {
	form  uint64    // lower case, digits as 0
	shape uint64    // "Xxx", "dd,ddd", "X.X."
	pre   [3]uint64 // first 1..3 letters, lower case
	suf   [3]uint64 // last 1..3 letters, lower case
	amb   uint64    // Penn tags seen with the word in training, set by the tagger
}

// Sentinel values for positions outside the sentence.
const (
	hashNone  = 1
	hashStart = 3
	hashEnd   = 5
)

// lower appends the lower-case form of w to dst.
func lower(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, c) // keep invalid bytes as they are
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}

func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h | 1
}

// featurize fills f from w, using buf as scratch space, and returns buf for
// reuse.
func featurize(f *tokFeat, w string, buf []byte) []byte {
	buf = lower(buf[:0], w)
	lw := buf
	// Form with digits folded, so "1,500" and "2,300" share weights.
	buf = append(buf, lw...)
	form := buf[len(lw):]
	for i, c := range form {
		if '0' <= c && c <= '9' {
			form[i] = '0'
		}
	}
	if len(form) > 24 {
		form = form[:24] // long URLs and numbers need no more
	}
	f.form = hashBytes(form)

	// Shape: X for upper case, x for lower case, d for digits, other bytes
	// as they are, runs cut to two.
	start := len(buf)
	var last byte
	run := 0
	for i := 0; i < len(w) && len(buf)-start < 12; {
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsLetter(r):
			c = 'a'
		case unicode.IsPunct(r):
			c = 'p'
		default:
			c = 's'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		buf = append(buf, c)
	}
	f.shape = hashBytes(buf[start:])

	// Affixes in runes of the lower-case form.
	for k := range 3 {
		f.pre[k], f.suf[k] = hashNone, hashNone
	}
	j := 0
	for k := 0; k < 3 && j < len(lw); k++ {
		_, n := utf8.DecodeRune(lw[j:])
		j += n
		f.pre[k] = hashBytes(lw[:j]) + uint64(k)
	}
	j = len(lw)
	for k := 0; k < 3 && j > 0; k++ {
		_, n := utf8.DecodeLastRune(lw[:j])
		j -= n
		f.suf[k] = hashBytes(lw[j:]) + uint64(k)
	}
	return buf
}
