package triples

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Span is a stretch of the article text, by byte offsets.
type Span struct{ Start, End int }

// cleaned is what the clean stage keeps of an article: the title and the
// body lines, as spans of the original text, and a publication date if a
// furniture line gave one.
type cleaned struct {
	title Span   // zero when the text holds no title line
	lines []Span // body lines in order, trimmed, furniture removed
	date  time.Time
}

// maxTitle is the longest line taken as a headline; a longer first line is
// body text (a one-line document), and the title is its first sentence.
const maxTitle = 300

// furniture matches whole lines that are web page furniture, not article text.
var furniture = regexp.MustCompile(`(?i)^(` +
	`search|menu|home|share|share this( article)?!?|like this:?|loading\.*|helpful keywords|related( articles| news)?:?|` +
	`advertisement|read more|print|email|tweet|facebook|twitter|whatsapp|comments?|` +
	`\d+ min(ute)?s? read|follow us.*|sign up.*newsletter.*|subscribe.*|click here.*|` +
	`this article was edited by .*|responsibility for the information .*|` +
	`all rights reserved.*|copyright .*|©.*|` +
	`الاخبار المتعلقة|الخبر السابق|الخبر التالي` +
	`)$`)

// caption matches photo captions and credits: "... [Getty]", "(Photo: AFP)".
var caption = regexp.MustCompile(`(?i)(\[(getty|afp|reuters|ap|anadolu|epa|twitter|facebook|archive|file)[^\]]*\]|\((photo|image|picture)[^)]*\))\s*$`)

// teaser matches a truncated teaser line ending in "[…]".
var teaser = regexp.MustCompile(`\[(…|\.\.\.)\]\s*$`)

// byline matches "By Jane Doe" and "Published: ..." lead-ins.
var byline = regexp.MustCompile(`(?i)^(by|written by|reporting by|edited by)\s+\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,3}$`)

// clean finds the title and body lines of text. title, when not empty, is
// the headline given by the input; a body line repeating it is dropped.
func clean(text, title string) cleaned {
	var c cleaned
	titleKey := lineKey(title)
	for _, ln := range splitLines(text) {
		s := text[ln.Start:ln.End]
		d, rest, ok := leadingDate(s)
		if !ok && len(c.lines) == 0 {
			// Only at the head of an article: further on, "2016-03-04 ..."
			// is a timeline entry whose sentence needs its date.
			d, rest, ok = leadingNumericDate(s)
		}
		if ok {
			if c.date.IsZero() {
				c.date = d
			}
			if rest == 0 {
				continue
			}
			ln.Start += rest
			s = text[ln.Start:ln.End]
		}
		if isFurniture(s) || !mostlyLatin(s) {
			if d, ok := markedDate(s); ok && c.date.IsZero() {
				c.date = d
			}
			continue
		}
		k := lineKey(s)
		if titleKey == "" && c.title == (Span{}) && len(s) <= maxTitle {
			c.title, titleKey = ln, k
			continue
		}
		if k == titleKey {
			// A repeated headline; when the input gave the title, its first
			// occurrence in the text is the title sentence.
			if c.title == (Span{}) {
				c.title = ln
			}
			continue
		}
		if c.title == (Span{}) && len(c.lines) == 0 && strings.HasPrefix(k, titleKey+" ") {
			// "Syria attack ... WHO. Victims of ...": the headline runs into
			// the body on one line; it ends where its words end.
			if end := prefixEnd(s, titleKey); end > 0 {
				c.title = Span{ln.Start, ln.Start + end}
				rest := strings.TrimLeft(s[end:], ".:;|-– \t")
				ln.Start = ln.End - len(rest)
				if ln.Start >= ln.End {
					continue
				}
			}
		}
		c.lines = append(c.lines, ln)
	}
	if c.title.End-c.title.Start > maxSentence {
		// A headline this long is text (a title field that holds the
		// article): as the title sentence it would be the one sentence
		// with no bound on its length, and extraction from it would take
		// time quadratic in it. It is read as a body line instead.
		i := slices.IndexFunc(c.lines, func(ln Span) bool { return ln.Start > c.title.Start })
		if i < 0 {
			i = len(c.lines)
		}
		c.lines = slices.Insert(c.lines, i, c.title)
		c.title = Span{}
	}
	return c
}

// prefixEnd returns the byte offset in s where its words first make up key
// (as lineKey builds it), or 0.
func prefixEnd(s, key string) int {
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			continue
		}
		switch k := lineKey(s[:i]); {
		case k == key:
			return len(strings.TrimRight(s[:i], " \t"))
		case len(k) > len(key):
			return 0
		}
	}
	return 0
}

// splitLines returns the non-blank lines of text, trimmed of surrounding space.
func splitLines(text string) []Span {
	var spans []Span
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s < e {
			spans = append(spans, Span{s, e})
		}
		start = end + 1
	}
	return spans
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\v' || b == '\f' }

func isFurniture(s string) bool {
	if furniture.MatchString(strings.TrimSpace(s)) || byline.MatchString(s) {
		return true
	}
	// Captions and teasers end in a bracket. Look before running their
	// regexps, which try every offset of a line: on a paragraph they cost
	// more than the rest of the extraction.
	end := strings.TrimRight(s, " \t\n\f\r") // \s in caption and teaser
	if !strings.HasSuffix(end, "]") && !strings.HasSuffix(end, ")") {
		return false
	}
	return caption.MatchString(s) || teaser.MatchString(s)
}

// mostlyLatin reports whether at least half the letters of s are Latin: lines
// in other scripts (Arabic bylines, related headlines) are dropped.
func mostlyLatin(s string) bool {
	latin, other := 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.Is(unicode.Latin, r) {
			latin++
		} else {
			other++
		}
	}
	return latin >= other && latin > 0
}

// lineKey is a line reduced to lower-case words, for comparing headlines.
func lineKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// leadingDate recognises a line that is, or starts with, a date:
// "04 March, 2016", "Published: Sun, April 08, 2018", "Wed 05 Apr 2017 Syria
// attack ...". It returns the date and the byte length of the date prefix
// (0 when the whole line is the date).
func leadingDate(s string) (time.Time, int, bool) {
	if len(s) > 200 {
		s = s[:200] // a date prefix is short; don't scan long paragraphs
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	words := wordEnds(s, 7)
	for n := len(words); n >= 3; n-- {
		end := words[n-1]
		if d, ok := ParseDate(s[:end]); ok {
			rest := strings.TrimLeft(s[end:], " \t,.|-")
			if rest == "" || strings.HasPrefix(rest, "م") {
				return d, 0, true
			}
			return d, len(s) - len(rest), true
		}
	}
	return time.Time{}, 0, false
}

// leadingNumericDate recognises a line that is, or starts with, a date in
// digits, as some sites put it before the headline: "15-09-2013 Militants
// attack ...", "24.08.2013Get short URL", "2013-09-15". leadingDate misses
// these, as it wants three words so as not to take a number for a date.
// It returns what leadingDate returns.
func leadingNumericDate(s string) (time.Time, int, bool) {
	i := 0
	for i < len(s) && (isDigit(s[i]) || s[i] == '-' || s[i] == '.' || s[i] == '/') {
		i++
	}
	tok := strings.TrimRight(s[:i], "-./") // "15-09-2013." ends a sentence
	d, ok := numericDate(tok)
	if !ok {
		return time.Time{}, 0, false
	}
	end := len(tok)
	// A time of day after the date goes with it: "15-09-2013 10:45 GMT",
	// "2013-09-15T10:45:00Z".
	ws := wordEnds(s, 4)
	for n := len(ws); n > 0; n-- {
		if ws[n-1] > end && timeOfDayOnly(normalizeDate(s[end:ws[n-1]])) {
			end = ws[n-1]
			break
		}
	}
	rest := strings.TrimLeft(s[end:], " \t,.|-)") // "30.04.2017) Get short URL": the rest of "(updated ...)"
	if rest == "" {
		return d, 0, true
	}
	return d, len(s) - len(rest), true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// numericDate reads a date of digits alone: 15-09-2013, 24.08.2013,
// 2013-09-15. It is ParseDate, which reads dashed and dotted dates day
// first, except for slashed ones, which sites write either way: one is
// read when a number over 12 or a day equal to its month makes the order
// clear (15/09/2013, 09/15/2013, 05/05/2013), and not at all when the
// order is unclear (05/04/2016).
func numericDate(s string) (time.Time, bool) {
	a, rest, ok := strings.Cut(s, "/")
	if !ok || len(a) > 2 {
		return ParseDate(s)
	}
	b, y, _ := strings.Cut(rest, "/")
	x, _ := strconv.Atoi(a)
	z, _ := strconv.Atoi(b)
	switch {
	case x > 12:
		return ParseDate(b + "/" + a + "/" + y) // day first; ParseDate reads month first
	case z > 12 || x == z:
		return ParseDate(s)
	}
	return time.Time{}, false
}

// dateMarkers introduce a publication date inside a byline:
// "تم النشر بتاريخ : 27 مارس، 2018" (published on), "Published: ...".
var dateMarkers = []string{"بتاريخ", "Published", "published", "Updated", "updated"}

// markedDate finds a date that follows a marker inside a furniture line.
func markedDate(s string) (time.Time, bool) {
	for _, m := range dateMarkers {
		i := strings.Index(s, m)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(s[i+len(m):], " :\t")
		if d, _, ok := leadingDate(rest); ok {
			return d, true
		}
	}
	return time.Time{}, false
}

// wordEnds returns the byte offsets where the first max space-separated words of s end.
func wordEnds(s string, max int) []int {
	var ends []int
	in := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			if in {
				ends = append(ends, i)
				if len(ends) == max {
					return ends
				}
			}
			in = false
		} else {
			in = true
		}
	}
	if in {
		ends = append(ends, len(s))
	}
	return ends
}
