package triples

import (
	"strings"

	"github.com/conflictkg/kg/internal/triples/parse"
)

// Web furniture that the line-based cleaner cannot see, because the text
// came without line breaks and the furniture ran into the first sentence
// of the body: a tag list ("Tags Syria Idlib Russia A hospital funded by
// ..."), a photo caption ending in its credit ("... Idlib province Syria
// August 6 2016 (TRT World and Agencies) A suicide bomber ..."), a dateline
// ("AFP Friday 24 Jul 2015 Turkish warplanes killed ...", "BEIRUT Thirteen
// civilians ..."), share buttons
// and related headlines ("Print Tweet Views 2494 Related ..."). Left in place,
// the names in them become the subjects of the sentence's verbs.

// bodyStart returns the index of the first token of the sentence's own
// words: 0 when it has no lead-in, len(toks) when it is all furniture.
func bodyStart(toks []Token) int {
	k := 0
	if c := creditEnd(toks); c > 0 {
		k = c
	}
	if d := datelineEnd(toks[k:]); d > 0 {
		k += d
	}
	if k+1 < len(toks) && len(toks[k].Text) >= 4 && strings.ToUpper(toks[k].Text) == toks[k].Text && toks[k].Lower != toks[k].Text &&
		(openers[toks[k+1].Lower] && toks[k+1].IsCapitalized() || isNumber(toks[k+1].Text)) {
		k++ // a city in capitals: "BEIRUT Thirteen civilians"
	}
	for k < len(toks) && shareButtons[toks[k].Text] {
		k++
	}
	if k+2 < len(toks) && toks[k].Text == "Views" && isNumber(toks[k+1].Text) && toks[k+2].Text == "Related" {
		// A list of related headlines, which have verbs of their own, runs
		// into the first sentence with nothing to tell where it ends.
		return len(toks)
	}
	if k < len(toks) && (toks[k].Text == "Tags" || toks[k].Text == "Tags:") {
		k += tagListEnd(toks[k:])
	}
	return k
}

// creditEnd returns the index after a photo credit in parentheses that is
// followed by a new sentence: "(TRT World and Agencies) A bomb blast";
// what comes before the credit is the caption.
func creditEnd(toks []Token) int {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Text != "(" {
			continue
		}
		j := i + 1
		for j < len(toks) && j < i+6 && toks[j].Text != ")" {
			j++
		}
		if j >= len(toks) || toks[j].Text != ")" || j+1 >= len(toks) || !toks[j+1].IsCapitalized() {
			continue
		}
		switch toks[j-1].Lower {
		case "agencies", "afp", "reuters", "ap", "getty", "images", "anadolu", "epa", "sana", "photo", "file":
			return j + 1
		}
	}
	return 0
}

// datelineEnd returns the index after a dateline: up to three capitalised
// words (the agency), a day name and a date, then the sentence
// ("AFP Friday 24 Jul 2015 Turkish warplanes", "Reuters Friday 6 Feb 2015").
func datelineEnd(toks []Token) int {
	for i := 1; i <= 3 && i+3 < len(toks); i++ {
		if !toks[i-1].IsCapitalized() {
			return 0
		}
		if !dateWeekdays[toks[i].Lower] {
			continue
		}
		day, mon, year := toks[i+1], toks[i+2], toks[i+3]
		if isNumber(day.Text) && len(day.Text) <= 2 && dateMonths[mon.Lower] > 0 && isNumber(year.Text) && len(year.Text) == 4 {
			if i+4 < len(toks) && toks[i+4].IsCapitalized() {
				return i + 4
			}
		}
		return 0
	}
	return 0
}

// shareButtons are the labels of a page's sharing buttons.
var shareButtons = map[string]bool{"Print": true, "Tweet": true, "Share": true, "Email": true}

// openers are words that can open a news sentence but not name a tag.
var openers = map[string]bool{
	"the": true, "a": true, "an": true, "at": true, "almost": true, "more": true, "some": true, "several": true,
	"dozens": true, "hundreds": true, "thousands": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
	"thirteen": true, "fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true,
	"nineteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true,
	"seventy": true, "eighty": true, "ninety": true, "overnight": true, "suspected": true,
}

// tagListEnd returns where the sentence starts after a tag list that opens
// toks ("Tags Aleppo Syria Assad Russia Attack Airstrikes At least 16 people
// were killed"): at the first word that opens sentences but not tags, or
// else at the capitalised word that begins the noun phrase before the
// first finite verb ("... SOHR al-Qaeda al-Nusra Syrian rebels launched").
// Tags are names and nouns, so a list with no verb after it is all tags,
// and so is one that ends a page ("Comment via Facebook").
func tagListEnd(toks []Token) int {
	for i := range toks {
		if toks[i].Lower == "comment" && i+1 < len(toks) && toks[i+1].Lower == "via" {
			return len(toks)
		}
	}
	verb := len(toks)
	if len(toks) > 2 {
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = t.Text
		}
		p := parse.Default().Parse(words)
		for i := 2; i < len(toks); i++ {
			switch p.XPOS[i] {
			case "VBD", "VBZ", "VBP", "MD":
				if !toks[i].IsCapitalized() {
					verb = i
				}
			}
			if verb < len(toks) {
				break
			}
		}
	}
	for i := 1; i < verb; i++ {
		if toks[i].IsCapitalized() && (openers[toks[i].Lower] || isNumber(toks[i].Text)) {
			return i
		}
	}
	if verb == len(toks) {
		return len(toks)
	}
	j := verb - 1
	for j > 1 && !toks[j].IsCapitalized() {
		j--
	}
	return j
}

func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// bodyEnd returns where a sentence's own words end: before a list of
// related headlines that runs on from it ("... Raqqa. ... 85 Related Daesh
// Commander ...", "Source Reuters Related News ..."), else len(toks).
func bodyEnd(toks []Token) int {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Text != "Related" {
			continue
		}
		switch p := toks[i-1].Text; {
		case toks[i+1].Text == "News" || toks[i+1].Text == "Articles" || toks[i+1].Text == "Stories":
		case isNumber(p) || p == "..." || p == "…":
		default:
			continue
		}
		e := i
		if e > 0 && isNumber(toks[e-1].Text) {
			e--
		}
		if e > 0 && (toks[e-1].Text == "..." || toks[e-1].Text == "…") {
			e--
		}
		for n := 0; n < 3 && e > 1 && toks[e-1].Text == "." && toks[e-2].Text == "." && toks[e-2].End == toks[e-1].Start; n++ {
			e-- // "..." as three dots, leaving the sentence's own
		}
		if e > 1 && toks[e-1].Text == "." && toks[e-2].Text == "." {
			e--
		}
		for k := e - 1; k >= 0 && k >= e-5; k-- {
			if toks[k].Text == "Source" {
				e = k // "Source TRTWorld and agencies Related News"
				break
			}
		}
		return e
	}
	return len(toks)
}
