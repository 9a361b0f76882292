package triples

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of an article.
type Sentence struct {
	Index      int    // 0 is the title
	Start, End int    // byte offsets into the article text
	Text       string // text[Start:End]
	Tokens     []Token
	Mentions   []Mention // the actors, places and agreements it names, in text order
}

// maxSentence bounds a sentence's length in bytes: text without sentence
// punctuation (tables, lists, a 50 MB line) is cut into pieces this long so
// that no stage sees unbounded input.
const maxSentence = 2000

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "cpt": true, "sgt": true, "cmdr": true, "adm": true, "brig": true, "st": true,
	"jr": true, "sr": true, "rep": true, "sen": true, "gov": true, "pres": true, "rev": true,
	"no": true, "vol": true, "vs": true, "etc": true, "approx": true, "est": true, "dept": true, "inc": true,
	"co": true, "corp": true, "ltd": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "al": true,
}

// starters are words that begin a new sentence after a dotted abbreviation
// ("... backed by the U.S. The group said").
var starters = map[string]bool{
	"the": true, "a": true, "an": true, "it": true, "he": true, "she": true, "they": true, "we": true,
	"in": true, "on": true, "but": true, "this": true, "that": true, "there": true, "its": true, "their": true,
}

// splitSentences splits each span of text into sentences, numbering them from first.
func splitSentences(text string, spans []Span, first int) []Sentence {
	var out []Sentence
	for _, sp := range spans {
		start := sp.Start
		for _, end := range sentenceEnds(text, sp.Start, sp.End) {
			s, e := trimSpan(text, start, end)
			if s < e {
				out = append(out, Sentence{Index: first + len(out), Start: s, End: e, Text: text[s:e]})
			}
			start = end
		}
	}
	return out
}

// sentenceEnds returns the offsets in (start, end] where sentences end.
func sentenceEnds(text string, start, end int) []int {
	var ends []int
	last := start
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:end])
		i += size
		if i-last >= maxSentence {
			cut := strings.LastIndexByte(text[last:i], ' ')
			if cut <= 0 {
				cut = i - last
				for !utf8.RuneStart(text[last+cut-1]) && cut > 1 {
					cut-- // never split a rune
				}
				if !utf8.ValidString(text[last : last+cut]) {
					cut = i - last
				}
			}
			ends = append(ends, last+cut)
			last += cut
			continue
		}
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		// Closing quotes and brackets belong to the sentence they end, up
		// to its longest: a run of them must not make it unbounded.
		j := i
		for j < end && j-last < maxSentence {
			c, sz := utf8.DecodeRuneInString(text[j:end])
			if c != '"' && c != '\'' && c != '”' && c != '’' && c != ')' && c != ']' {
				break
			}
			j += sz
		}
		if j < end && !unicode.IsSpace(rune(text[j])) {
			continue // "2.5", "U.S.-backed", "...!"
		}
		k := j
		for k < end && unicode.IsSpace(rune(text[k])) {
			k++
		}
		if k < end && !opensSentence(text[k:end]) {
			continue
		}
		if r == '.' && j == i && !endsSentence(text[last:i-1], text[k:end]) {
			continue
		}
		ends = append(ends, j)
		last = j
	}
	if last < end {
		ends = append(ends, end)
	}
	return ends
}

// opensSentence reports whether s can begin a sentence: an upper-case
// letter, a digit, a quote or bracket, or a letter of a caseless script.
func opensSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘([", r) ||
		(unicode.IsLetter(r) && !unicode.IsLower(r))
}

// endsSentence decides for a period: before is the text up to the dot, after
// the text after the following space.
func endsSentence(before, after string) bool {
	w := before[strings.LastIndexFunc(before, func(r rune) bool { return !isWordRune(r) && r != '.' })+1:]
	if w == "" {
		return true
	}
	if strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 {
		// "U.S." or an initial "J.": only a typical sentence opener ends it.
		next := after
		if i := strings.IndexFunc(after, func(r rune) bool { return !isWordRune(r) }); i >= 0 {
			next = after[:i]
		}
		return starters[strings.ToLower(next)]
	}
	return !abbreviations[strings.ToLower(w)]
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}
