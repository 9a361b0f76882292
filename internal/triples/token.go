package triples

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is a word, number or punctuation mark of an article, with its place.
type Token struct {
	Text       string // as written
	Start, End int    // byte offsets into the article text
	Lower      string // lower-cased, diacritics folded, typographic quotes made plain
	Hyphen     bool   // joined to the previous token by a hyphen ("Russia-backed", "al-Islam")
}

// IsWord reports whether the token starts with a letter or digit.
func (t Token) IsWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// IsCapitalized reports whether the token starts with an upper-case letter.
func (t Token) IsCapitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// Tokenize splits text[start:end] into tokens whose offsets point into text.
// Hyphens between words are not tokens; they set Hyphen on the next token so
// that "Jaysh-al-Islam" and "Jaysh al-Islam" tokenize alike. Dotted
// abbreviations ("U.S.", "U.N.") stay one token; "'s" and "n't" are split off.
func Tokenize(text string, start, end int) []Token {
	var toks []Token
	hyphen := false
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			hyphen = false
			i += size
		case isWordRune(r):
			j := scanWord(text, i, end)
			if k := negClitic(text, i, j, end); k > 0 {
				// "didn't" -> "did" "n't"
				toks = append(toks, word(text, i, j-1, hyphen), word(text, j-1, k, false))
				toks[len(toks)-1].Lower = "n't"
				i = k
			} else {
				toks = append(toks, word(text, i, j, hyphen))
				i = j
			}
			hyphen = false
		case isApostrophe(r) && len(toks) > 0 && toks[len(toks)-1].End == i && possessive(text[i+size:end]):
			// "IS's", "Assad’s" -> "'s"
			toks = append(toks, Token{Text: text[i : i+size+1], Start: i, End: i + size + 1, Lower: "'s"})
			hyphen = false
			i += size + 1
		case isHyphen(r) && len(toks) > 0 && toks[len(toks)-1].End == i && i+size < end && startsWord(text[i+size:end]):
			hyphen = true
			i += size
		default:
			toks = append(toks, Token{Text: text[i : i+size], Start: i, End: i + size, Lower: foldPunct(r)})
			hyphen = false
			i += size
		}
	}
	return toks
}

// scanWord returns the end of the word starting at i: letters, digits and
// marks, with inner dots of abbreviations ("U.S.") and inner digit
// separators ("470,000").
func scanWord(text string, i, end int) int {
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
		if isWordRune(r) {
			j += size
			continue
		}
		if r == '.' && j+1 < end {
			// "U.S." : single capital letters separated by dots.
			prev, _ := utf8.DecodeLastRuneInString(text[i:j])
			next, _ := utf8.DecodeRuneInString(text[j+1 : end])
			if unicode.IsUpper(prev) && j-i <= 3 && unicode.IsUpper(next) {
				j++
				continue
			}
		}
		if (r == ',' || r == '.') && j+1 < end {
			prev, _ := utf8.DecodeLastRuneInString(text[i:j])
			next, _ := utf8.DecodeRuneInString(text[j+1 : end])
			if unicode.IsDigit(prev) && unicode.IsDigit(next) {
				j++
				continue
			}
		}
		break
	}
	// Keep the final dot of a dotted abbreviation: "U.S." not "U.S".
	if j < end && text[j] == '.' && isDotted(text[i:j]) {
		j++
	}
	return j
}

// isDotted reports whether s looks like "U.S" or "U.N": single letters joined by dots.
func isDotted(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func word(text string, i, j int, hyphen bool) Token {
	return Token{Text: text[i:j], Start: i, End: j, Lower: fold(text[i:j]), Hyphen: hyphen}
}

// negClitic returns the end of "n't" when the word text[i:j] ends in n and
// is followed by an apostrophe and t ("didn't"), else 0.
func negClitic(text string, i, j, end int) int {
	if j-i < 2 || text[j-1] != 'n' || j >= end {
		return 0
	}
	r, size := utf8.DecodeRuneInString(text[j:end])
	if !isApostrophe(r) || j+size >= end || text[j+size] != 't' {
		return 0
	}
	k := j + size + 1
	if k < end && startsWord(text[k:end]) {
		return 0
	}
	return k
}

// possessive reports whether s, the text after an apostrophe, starts with a lone s.
func possessive(s string) bool {
	return len(s) > 0 && (s[0] == 's' || s[0] == 'S') && (len(s) == 1 || !startsWord(s[1:]))
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func foldPunct(r rune) string {
	switch r {
	case '‘', '’', '`', '´':
		return "'"
	case '“', '”', '„', '«', '»':
		return `"`
	case '–', '—':
		return "-"
	}
	return string(r)
}

// fold lower-cases s and removes diacritics (Latin) and short vowels and
// hamza forms (Arabic), so that spellings that differ only there compare equal.
func fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue // combining diacritic, Arabic harakat
		}
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ة':
			r = 'ه'
		case 'ى':
			r = 'ي'
		case 'ـ': // tatweel
			continue
		case 'ı':
			r = 'i'
		case 'ß':
			b.WriteString("ss")
			continue
		case '’', '‘':
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// isASCII reports whether s is all ASCII, the fast path of folding.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
