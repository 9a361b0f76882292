package triples

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc/xsd"
)

// Precision says how much of a date is known.
type Precision uint8

// The precisions, from none to the day. A date of precision DateMonth is
// the first day of its month, one of DateYear the first day of its year.
const (
	DateNone  Precision = iota // no date
	DateYear                   // "in 2014", "last year", "mid-2015"
	DateMonth                  // "in March 2016", "last July", "last week" when the week is within a month
	DateDay                    // "on 3 March 2016", "on Friday", "yesterday"
)

func (p Precision) String() string {
	switch p {
	case DateYear:
		return "year"
	case DateMonth:
		return "month"
	case DateDay:
		return "day"
	}
	return "none"
}

// Format writes t to precision p as XML Schema does: 2016-03-04
// (xsd:date), 2016-03 (xsd:gYearMonth) or 2016 (xsd:gYear). It returns ""
// for DateNone.
func (p Precision) Format(t time.Time) string {
	switch p {
	case DateYear:
		return t.Format("2006")
	case DateMonth:
		return t.Format("2006-01")
	case DateDay:
		return t.Format("2006-01-02")
	}
	return ""
}

// xsd:gYearMonth and xsd:gYear, the types of dates known to the month or year.
const (
	xsdGYearMonth = xsd.NS + "gYearMonth"
	xsdGYear      = xsd.NS + "gYear"
)

// dateLiteral is t as a literal typed by its precision; a date without a
// precision is taken to be a day, as dates were before they had one.
func dateLiteral(t time.Time, p Precision) quad.Value {
	switch p {
	case DateYear:
		return typed(p.Format(t), xsdGYear)
	case DateMonth:
		return typed(p.Format(t), xsdGYearMonth)
	}
	return typed(DateDay.Format(t), xsdDate)
}

// When is a time expression of a sentence and the period it names.
type When struct {
	Time      time.Time // first day of the period, 00:00 UTC
	Precision Precision // DateDay, DateMonth or DateYear
	Start     int       // token indexes of the expression in the sentence: toks[Start:End]
	End       int
	Text      string // as written, with its preposition: "on Friday", "last July", "in mid-2015"
	Relative  bool   // resolved against the publication date ("on Friday", "on 3 March")
}

// FindDates returns the time expressions of a sentence's tokens in text
// order, resolved against the publication day pub. With a zero pub, only
// expressions that name their year are found. It reads English as
// journalists write it:
//
//	on 3 March 2016, March 3, 2016, Friday, March 4   the day
//	on March 3, on 27 February                        the day, in the latest year that puts it
//	                                                  at most 61 days after pub
//	03/03/2016, 03-03-2016, 13/04/2016                the day, if the order of day and month is clear
//	2016-03-03, 4.3.2016                              the day (dotted dates are day first)
//	in March 2016, in October last year               the month
//	in July, in mid-March                             the month, its year as for March 3
//	last July, next January                           the month before (after) pub's month
//	in 2014, since 2012, the 2014 ceasefire           the year
//	mid-2015, late 2015, the end of 2015, spring 2015 the year
//	today, tonight, this morning, tomorrow            pub, or the day after
//	yesterday, last night                             the day before pub
//	(on) Friday, Friday night, earlier on Friday      the last Friday on or before pub: news is
//	                                                  written on the day or soon after
//	last Friday, this past Friday                     the last Friday before pub
//	next Friday, this coming Friday                   the first Friday after pub
//	this/last/next month, earlier this month          the month
//	this/last/next year, earlier this year            the year
//	this/last/next week, three weeks ago              the month the whole week lies in, else its
//	                                                  year; nothing if it spans two years
//	two days ago, two months ago, a year ago          the day, the month, the year
//
// Day and month names are English only; day-month-year dates may also use
// the Arabic month names and digits [ParseDate] reads. FindDates leaves
// out what it cannot place on a calendar or would likely misread:
// vague spans ("days ago", "in recent weeks", "the past week", "last
// weekend"), times relative to the story ("a day later"), bounds ("until
// March", "by 2020", "before Friday": not when the event was), "this
// Friday", ambiguous numbers (03/04/2016, 2011-2014), "May" and "March"
// unless a preposition, a day or a year makes them months ("in May", "May
// 2016"; not "may attack", "a march"), a day name that modifies a noun
// ("Friday prayers", "the Friday sermon", "a Saturday strike") unless
// after "on", and four-digit numbers that are not years in context
// ("Resolution 2042", "2000 fighters", "2100 GMT").
//
// FindDates does not allocate unless the sentence has a time expression.
func FindDates(toks []Token, pub time.Time) []When {
	f := finder{toks: toks}
	if !pub.IsZero() {
		f.pub = time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	}
	var out []When
	for i := 0; i < len(toks); {
		m := f.at(i)
		if m.end <= i {
			i++
			continue
		}
		if m.prec != DateNone {
			start := f.extendLeft(m.start)
			if !bounds[f.word(start-1)] && !(f.word(start-1) == "to" && f.word(start-2) == "prior") {
				w := When{Time: m.t, Precision: m.prec, Start: start, End: m.end, Relative: m.rel}
				w.Text = f.text(start, m.end)
				out = append(out, w)
				f.lastEnd = m.end
			}
		}
		f.floor = m.end
		i = m.end
	}
	return out
}

// match is what finder.at recognised: a date of precision prec over
// toks[start:end], or with DateNone a stretch that is not one, to skip.
type match struct {
	t          time.Time
	prec       Precision
	start, end int
	rel        bool
}

// finder reads the time expressions of one sentence.
type finder struct {
	toks    []Token
	pub     time.Time // the publication day, zero if unknown
	floor   int       // tokens before it belong to an expression already read
	lastEnd int       // end of the last expression found, for "in 2011 and 2012"
}

func (f *finder) word(i int) string {
	if i < f.floor || i >= len(f.toks) {
		return ""
	}
	return f.toks[i].Lower
}

// capital reports whether token i is a capitalised word.
func (f *finder) capital(i int) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].IsCapitalized()
}

// joined reports whether token i is written against token i-1 ("03/", "Friday's").
func (f *finder) joined(i int) bool {
	return i > 0 && i < len(f.toks) && f.toks[i].Start == f.toks[i-1].End
}

// text rebuilds toks[start:end] as written, up to spacing.
func (f *finder) text(start, end int) string {
	var b strings.Builder
	for k := start; k < end; k++ {
		t := f.toks[k]
		switch {
		case k == start:
		case t.Hyphen:
			b.WriteByte('-')
		case t.Start != f.toks[k-1].End:
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// at recognises the expression whose head is token i: a day or month
// name, a number, "today", or the unit of "last week".
func (f *finder) at(i int) match {
	lw := f.toks[i].Lower
	if lw == "" {
		return match{}
	}
	if isDigitStart(lw) {
		return f.number(i)
	}
	w, ok := timeWords[lw]
	if !ok {
		return match{}
	}
	switch w.kind {
	case kindWeekday:
		return f.weekday(i, time.Weekday(w.n))
	case kindMonth, kindMonthAmbiguous, kindMonthAbbrev, kindMonthArabic, kindMonthArabic2:
		return f.month(i)
	case kindDeictic:
		return f.deictic(i, w.n)
	case kindUnit:
		return f.unit(i, w.n)
	case kindCount:
		return f.ago(i, w.n, i+1)
	}
	return match{}
}

// The kinds of time words.
const (
	kindWeekday        = iota + 1 // monday ... sunday; n is the time.Weekday
	kindMonth                     // january ... december; n is the month
	kindMonthAmbiguous            // may, march: also a verb or a noun
	kindMonthAbbrev               // jan, sept: only with a day or a year
	kindMonthArabic               // مارس, آذار: only with a day or a year
	kindMonthArabic2              // كانون, تشرين: first word of a two-word Arabic month
	kindDeictic                   // today, yesterday; n is the offset in days from pub
	kindUnit                      // week, month, year, morning...; n is one of the units
	kindCount                     // a, one, two...; n is the number, for "two days ago"
)

// Units of "last week", "three months ago".
const (
	unitDay = iota + 1
	unitWeek
	unitMonth
	unitYear
	unitMorning // morning, afternoon, evening
	unitNight
)

type timeWord struct{ kind, n int }

// timeWords are the heads of time expressions, lower-case as in Token.Lower.
var timeWords = map[string]timeWord{
	"monday": {kindWeekday, 1}, "tuesday": {kindWeekday, 2}, "wednesday": {kindWeekday, 3},
	"thursday": {kindWeekday, 4}, "friday": {kindWeekday, 5}, "saturday": {kindWeekday, 6}, "sunday": {kindWeekday, 0},

	"january": {kindMonth, 1}, "february": {kindMonth, 2}, "march": {kindMonthAmbiguous, 3}, "april": {kindMonth, 4},
	"may": {kindMonthAmbiguous, 5}, "june": {kindMonth, 6}, "july": {kindMonth, 7}, "august": {kindMonth, 8},
	"september": {kindMonth, 9}, "october": {kindMonth, 10}, "november": {kindMonth, 11}, "december": {kindMonth, 12},
	"jan": {kindMonthAbbrev, 1}, "feb": {kindMonthAbbrev, 2}, "mar": {kindMonthAbbrev, 3}, "apr": {kindMonthAbbrev, 4},
	"jun": {kindMonthAbbrev, 6}, "jul": {kindMonthAbbrev, 7}, "aug": {kindMonthAbbrev, 8}, "sep": {kindMonthAbbrev, 9},
	"sept": {kindMonthAbbrev, 9}, "oct": {kindMonthAbbrev, 10}, "nov": {kindMonthAbbrev, 11}, "dec": {kindMonthAbbrev, 12},

	"today": {kindDeictic, 0}, "tonight": {kindDeictic, 0}, "yesterday": {kindDeictic, -1}, "tomorrow": {kindDeictic, 1},

	"week": {kindUnit, unitWeek}, "month": {kindUnit, unitMonth}, "year": {kindUnit, unitYear},
	"morning": {kindUnit, unitMorning}, "afternoon": {kindUnit, unitMorning}, "evening": {kindUnit, unitMorning},
	"night": {kindUnit, unitNight},

	"a": {kindCount, 1}, "an": {kindCount, 1}, "one": {kindCount, 1}, "two": {kindCount, 2}, "three": {kindCount, 3},
	"four": {kindCount, 4}, "five": {kindCount, 5}, "six": {kindCount, 6}, "seven": {kindCount, 7},
	"eight": {kindCount, 8}, "nine": {kindCount, 9}, "ten": {kindCount, 10}, "eleven": {kindCount, 11},
	"twelve": {kindCount, 12}, "fifteen": {kindCount, 15}, "twenty": {kindCount, 20}, "thirty": {kindCount, 30},
}

func init() {
	// The Arabic month names of ParseDate, folded as tokens are.
	for name, m := range dateMonths {
		if isASCII(name) {
			continue
		}
		if first, _, two := strings.Cut(name, " "); two {
			timeWords[fold(first)] = timeWord{kindMonthArabic2, 0}
			continue
		}
		timeWords[fold(name)] = timeWord{kindMonthArabic, m}
	}
}

// agoUnits are the units of "two days ago".
var agoUnits = map[string]int{
	"day": unitDay, "days": unitDay, "week": unitWeek, "weeks": unitWeek,
	"month": unitMonth, "months": unitMonth, "year": unitYear, "years": unitYear,
}

// preps are the prepositions an expression takes in: "on Friday", "in 2014".
var datePreps = map[string]bool{"on": true, "in": true, "since": true, "during": true, "at": true}

// dateModifiers narrow an expression without changing its precision.
var dateModifiers = map[string]bool{
	"early": true, "earlier": true, "late": true, "later": true, "mid": true,
	"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true,
}

// periodParts are the nouns of "the end of 2015", "the beginning of March".
var periodParts = map[string]bool{"end": true, "beginning": true, "start": true, "middle": true, "turn": true}

// bounds put an expression's date before or after the event, not at it:
// "until March", "by 2020". Such expressions are read and dropped.
var bounds = map[string]bool{"until": true, "till": true, "by": true, "before": true, "after": true, "through": true}

// partsOfDay may follow a day: "Friday night".
var partsOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true, "midday": true, "noon": true}

// dayFollowers may follow a day name used as a time adverb without "on":
// "said Friday that", "Friday, the group said". Other words make the day
// name part of a noun phrase: "Friday prayers".
var dayFollowers = map[string]bool{
	"that": true, "to": true, "the": true, "a": true, "an": true, "in": true, "at": true, "on": true, "as": true,
	"after": true, "before": true, "and": true, "or": true, "but": true, "when": true, "while": true, "with": true,
	"for": true, "from": true, "amid": true, "following": true, "by": true, "against": true, "into": true,
	"near": true, "it": true, "he": true, "she": true, "they": true, "we": true, "its": true, "his": true,
	"their": true, "her": true, "saying": true, "said": true, "says": true, "told": true, "was": true, "were": true,
	"is": true, "are": true, "had": true, "has": true, "have": true, "will": true, "would": true, "could": true,
	"did": true, "'s": true, "there": true, "despite": true, "under": true, "over": true, "around": true,
	"across": true, "killing": true, "leaving": true, "than": true, "according": true, "during": true,
	"including": true, "of": true, "local": true,
}

// yearBefore are the words after which a four-digit number is a year:
// "in 2014", "the 2014 ceasefire", "Syria's 2011 uprising".
var yearBefore = map[string]bool{
	"in": true, "since": true, "during": true, "from": true, "the": true, "a": true, "an": true, "its": true,
	"their": true, "his": true, "her": true, "our": true, "'s": true, "between": true, "early": true,
	"mid": true, "late": true, "spring": true, "summer": true, "autumn": true, "fall": true, "winter": true,
	"year": true, "(": true, "until": true, "till": true, "by": true, "before": true, "after": true, "of": true,
	"through": true,
}

// notAfterYear are words after which a four-digit number is not a year:
// "2100 GMT", "the 2000 fighters".
var notAfterYear = map[string]bool{
	"gmt": true, "utc": true, "hours": true, "hrs": true, "km": true, "kilometres": true, "kilometers": true,
	"metres": true, "meters": true, "people": true, "fighters": true, "civilians": true, "troops": true,
	"soldiers": true, "families": true, "refugees": true, "residents": true, "militants": true,
	"rebels": true, "members": true, "men": true, "women": true, "children": true, "dead": true,
	"tons": true, "tonnes": true, "dollars": true, "persons": true, "prisoners": true, "detainees": true,
	"times": true, "feet": true, "miles": true, "of": true, "%": true, "percent": true,
}

// monthBefore are the words after which "May" and "March" are months.
var monthBefore = map[string]bool{
	"in": true, "since": true, "during": true, "early": true, "mid": true, "late": true, "of": true,
	"until": true, "till": true, "by": true, "before": true, "after": true, "through": true, "from": true,
	"between": true, "last": true, "next": true, "this": true,
}

// yearOffsets are the years of "last year", "this year", "next year" from pub's.
var yearOffsets = map[string]int{"last": -1, "this": 0, "next": 1}

// namedDays are the words that make a day name part of a name: "Good Friday", "Bloody Friday".
var namedDays = map[string]bool{"good": true, "black": true, "bloody": true, "holy": true, "every": true, "each": true, "a": true, "the": true}

// extendLeft takes in the preposition and modifiers before an expression
// starting at token s: "in early 2016", "earlier on Friday", "since the
// end of 2015", "in mid-2015".
func (f *finder) extendLeft(s int) int {
	prep := false
	for steps := 0; steps < 6; steps++ {
		w := f.word(s - 1)
		switch {
		case w == "":
			return s
		case datePreps[w] && !prep:
			s--
			prep = true
		case dateModifiers[w]:
			s--
		case w == "of" && !prep && periodParts[f.word(s-2)]:
			s -= 2
			if f.word(s-1) == "the" {
				s--
			}
		default:
			return s
		}
	}
	return s
}

// isDigitStart reports whether s starts with an ASCII or Arabic-Indic digit.
func isDigitStart(s string) bool {
	if s == "" {
		return false // a token of marks only, such as a tatweel, folds to ""
	}
	if s[0] >= '0' && s[0] <= '9' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹'
}

// number reads s if it is all digits, ASCII or Arabic-Indic, returning its
// value and its number of digits (0 when s is not a number).
func number(s string) (n, digits int) {
	for _, r := range s {
		var d int
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r >= '٠' && r <= '٩':
			d = int(r - '٠')
		case r >= '۰' && r <= '۰'+9:
			d = int(r - '۰')
		default:
			return 0, 0
		}
		if digits < 9 {
			n = n*10 + d
		}
		digits++
	}
	return n, digits
}

// dayNumber reads a day of the month: "3", "03", "3rd", "27th".
func dayNumber(s string) (int, bool) {
	if len(s) > 2 {
		switch s[len(s)-2:] {
		case "st", "nd", "rd", "th":
			s = s[:len(s)-2]
		}
	}
	n, nd := number(s)
	return n, nd >= 1 && nd <= 2 && n >= 1 && n <= 31
}

// yearNumber reads a year written in four digits.
func yearNumber(s string) (int, bool) {
	n, nd := number(s)
	return n, nd == 4 && n >= 1900 && n <= 2100
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether d is a day of month m of year y.
func validDay(y int, m time.Month, d int) bool { return d >= 1 && d <= daysIn(m, y) }

// aheadLimit is how far after the publication day a date written without
// its year may be: news reports what happened, and sometimes what is
// planned for the coming weeks.
const aheadLimit = 61 // days

// inferYear returns the year of month m, day d written without a year:
// the latest that has that day and puts it at most aheadLimit days after
// pub. Published on 4 March 2016, 3 March and 30 April are of 2016, 1
// June of 2015; published on 31 December 2015, 5 January is of 2016; on
// 1 March 2017, 29 February is of 2016. It reports false for 29
// February when neither pub's year nor those either side has one.
func (f *finder) inferYear(m time.Month, d int) (int, bool) {
	limit := f.pub.AddDate(0, 0, aheadLimit)
	for y := f.pub.Year() + 1; y >= f.pub.Year()-1; y-- {
		if validDay(y, m, d) && !date(y, m, d).After(limit) {
			return y, true
		}
	}
	return 0, false
}

// monthAt reads the month name at token i: its month, the end of the name
// (past a two-word Arabic name and an abbreviation's dot) and its kind.
func (f *finder) monthAt(i int) (m time.Month, end, kind int) {
	w, ok := timeWords[f.word(i)]
	if !ok {
		return 0, 0, 0
	}
	switch w.kind {
	case kindMonth, kindMonthAmbiguous, kindMonthArabic:
		return time.Month(w.n), i + 1, w.kind
	case kindMonthAbbrev:
		if f.word(i+1) == "." && f.joined(i+1) {
			return time.Month(w.n), i + 2, w.kind
		}
		return time.Month(w.n), i + 1, w.kind
	case kindMonthArabic2:
		if n, ok := dateMonths[normalizeDate(f.toks[i].Lower+" "+f.word(i+1))]; ok {
			return time.Month(n), i + 2, kindMonthArabic
		}
	}
	return 0, 0, 0
}

// monthName reports whether the month name at i, of the given kind, is
// written as a month: English names capitalised.
func (f *finder) monthName(i, kind int) bool {
	return kind == kindMonthArabic || f.capital(i)
}

// yearAt reads a year at token k, after an optional comma ("March 3,
// 2016"), returning it and the end of the expression.
func (f *finder) yearAt(k int) (y, end int, ok bool) {
	if w := f.word(k); w == "," || w == "،" {
		k++
	}
	if y, ok := yearNumber(f.word(k)); ok && !f.toks[k].Hyphen && !(k+1 < len(f.toks) && f.toks[k+1].Hyphen) {
		return y, k + 1, true
	}
	return 0, 0, false
}

// weekday reads a day name at i.
func (f *finder) weekday(i int, wd time.Weekday) match {
	// "Friday, March 4, 2016", "Friday 4 March"
	k := i + 1
	if f.word(k) == "," {
		k++
	}
	if m := f.dayMonth(k); m.prec != DateNone {
		m.start = i
		return m
	}
	if m := f.monthDay(k); m.prec != DateNone {
		m.start = i
		return m
	}
	if f.pub.IsZero() {
		return match{}
	}
	end := i + 1
	if partsOfDay[f.word(end)] {
		end++ // "Friday night"
	}
	start := i
	d := int(f.pub.Weekday()-wd+7) % 7 // days back to the last such day on or before pub
	switch prev := f.word(i - 1); {
	case prev == "last" || prev == "past" && f.word(i-2) == "this":
		start = f.modStart(i)
		if d == 0 {
			d = 7
		}
	case prev == "next" || prev == "coming" && f.word(i-2) == "this":
		start = f.modStart(i)
		d = -(int(wd-f.pub.Weekday()+7) % 7)
		if d == 0 {
			d = -7
		}
	case prev == "this" || prev == "past" || prev == "coming" || namedDays[prev]:
		return match{end: i + 1} // "this Friday", "Bloody Friday", "the Friday sermon"
	case datePreps[prev] || dateModifiers[prev] || end > i+1:
	default:
		// A bare day name is a date if what follows it cannot be a noun
		// it modifies: "said Friday that", not "Friday prayers".
		if end < len(f.toks) {
			next := f.toks[end]
			ok := !next.IsWord() && next.Lower != "-" || isDigitStart(next.Lower) ||
				dayFollowers[next.Lower] && !next.IsCapitalized() ||
				strings.HasSuffix(next.Lower, "ed") && !next.IsCapitalized()
			if !ok {
				return match{end: i + 1}
			}
		}
	}
	return match{t: f.pub.AddDate(0, 0, -d), prec: DateDay, start: start, end: end, rel: true}
}

// modStart returns the start of "last", "next", "this past" or "this
// coming" before the head at i.
func (f *finder) modStart(i int) int {
	if w := f.word(i - 1); w == "past" || w == "coming" {
		return i - 2
	}
	return i - 1
}

// dayMonth reads "3 March 2016", "3rd of March", "27 February" at k.
func (f *finder) dayMonth(k int) match {
	d, ok := dayNumber(f.word(k))
	if !ok {
		return match{}
	}
	j := k + 1
	if f.word(j) == "of" {
		j++
	}
	m, end, kind := f.monthAt(j)
	if m == 0 || !f.monthName(j, kind) {
		return match{}
	}
	return f.dayOf(k, end, m, d)
}

// monthDay reads "March 3, 2016", "Sept. 4", "March 3rd" at k.
func (f *finder) monthDay(k int) match {
	m, end, kind := f.monthAt(k)
	if m == 0 || !f.monthName(k, kind) || kind == kindMonthArabic {
		return match{}
	}
	d, ok := dayNumber(f.word(end))
	if !ok || end+1 < len(f.toks) && f.toks[end+1].Hyphen {
		return match{}
	}
	if _, _, hasYear := f.yearAt(end + 1); !hasYear && (f.word(k-1) == "in" || f.word(k-1) == "during") {
		return match{} // "in March 12 people were killed"
	}
	return f.dayOf(k, end+1, m, d)
}

// dayOf completes a day d of month m read over toks[start:end], taking a
// year after it or, without one, inferring it from pub.
func (f *finder) dayOf(start, end int, m time.Month, d int) match {
	if y, e, ok := f.yearAt(end); ok {
		if !validDay(y, m, d) {
			return match{end: e} // 30 February 2016
		}
		return match{t: date(y, m, d), prec: DateDay, start: start, end: e}
	}
	if f.pub.IsZero() {
		return match{}
	}
	y, ok := f.inferYear(m, d)
	if !ok {
		return match{end: end} // 29 February, far from a leap year
	}
	return match{t: date(y, m, d), prec: DateDay, start: start, end: end, rel: true}
}

// month reads an expression headed by a month name at i: "March 3, 2016",
// "March 2016", "March of 2016", "in March", "last July".
func (f *finder) month(i int) match {
	if m := f.monthDay(i); m.prec != DateNone || m.end > i {
		return m
	}
	m, end, kind := f.monthAt(i)
	if m == 0 || !f.monthName(i, kind) {
		return match{}
	}
	k := end
	if f.word(k) == "of" {
		k++
	}
	if y, e, ok := f.yearAt(k); ok {
		return match{t: date(y, m, 1), prec: DateMonth, start: i, end: e}
	}
	if kind == kindMonthAbbrev || kind == kindMonthArabic || f.pub.IsZero() {
		return match{}
	}
	if n, ok := yearOffsets[f.word(k)]; ok && f.word(k+1) == "year" {
		// "in October last year", "in March of this year"
		return match{t: date(f.pub.Year()+n, m, 1), prec: DateMonth, start: i, end: k + 2, rel: true}
	}
	prev := f.word(i - 1)
	coordinated := (prev == "and" || prev == "or" || prev == ",") && f.lastEnd == i-1
	if kind == kindMonthAmbiguous && !monthBefore[prev] && !coordinated {
		return match{} // "may attack", "Rebels March"
	}
	if !monthBefore[prev] && !coordinated && (f.capital(end) || f.capital(i-1) && i-1 > 0) {
		return match{} // a name: "April Longley", "Bloody April"
	}
	start := i
	y, _ := f.inferYear(m, 1) // the first of a month is in every year
	switch prev {
	case "last":
		start, y = i-1, f.pub.Year()
		if m >= f.pub.Month() {
			y--
		}
	case "next":
		start, y = i-1, f.pub.Year()
		if m <= f.pub.Month() {
			y++
		}
	case "this":
		start, y = i-1, f.pub.Year()
	}
	return match{t: date(y, m, 1), prec: DateMonth, start: start, end: end, rel: true}
}

// deictic reads "today", "tonight", "yesterday", "tomorrow": pub plus days.
func (f *finder) deictic(i, days int) match {
	if f.pub.IsZero() || f.capital(i) && i > 0 && f.capital(i-1) {
		return match{} // "Russia Today"
	}
	return match{t: f.pub.AddDate(0, 0, days), prec: DateDay, start: i, end: i + 1, rel: true}
}

// unit reads "this week", "last month", "next year", "this morning",
// "last night" around the unit at i.
func (f *finder) unit(i, unit int) match {
	if f.pub.IsZero() {
		return match{}
	}
	prev := f.word(i - 1)
	start := i - 1
	n := 0 // this: 0, last: -1, next: 1
	switch prev {
	case "this":
	case "last":
		if f.word(i-2) == "the" {
			return match{} // "over the last year": a span
		}
		n = -1
	case "next":
		if f.word(i-2) == "the" {
			return match{}
		}
		n = 1
	case "past":
		if f.word(i-2) != "this" {
			return match{} // "the past week": a span
		}
		start, n = i-2, -1
	default:
		return match{}
	}
	p := f.pub
	switch unit {
	case unitYear:
		return match{t: date(p.Year()+n, 1, 1), prec: DateYear, start: start, end: i + 1, rel: true}
	case unitMonth:
		return match{t: date(p.Year(), p.Month()+time.Month(n), 1), prec: DateMonth, start: start, end: i + 1, rel: true}
	case unitWeek:
		monday := p.AddDate(0, 0, -(int(p.Weekday())+6)%7+7*n)
		last := monday.AddDate(0, 0, 6)
		if n == 0 {
			last = p // this week, so far
		}
		t, prec := span(monday, last)
		if prec == DateNone {
			return match{end: i + 1}
		}
		return match{t: t, prec: prec, start: start, end: i + 1, rel: true}
	case unitMorning:
		if n != 0 {
			return match{}
		}
		return match{t: p, prec: DateDay, start: start, end: i + 1, rel: true}
	case unitNight:
		if n == 1 {
			return match{}
		}
		return match{t: p.AddDate(0, 0, n), prec: DateDay, start: start, end: i + 1, rel: true}
	}
	return match{}
}

// span returns the narrowest period holding the days from a to b: a day,
// a month or a year, or DateNone if they are in different years.
func span(a, b time.Time) (time.Time, Precision) {
	switch {
	case a.Equal(b):
		return a, DateDay
	case a.Year() == b.Year() && a.Month() == b.Month():
		return date(a.Year(), a.Month(), 1), DateMonth
	case a.Year() == b.Year():
		return date(a.Year(), 1, 1), DateYear
	}
	return time.Time{}, DateNone
}

// ago reads "two days ago", "a year ago", with the count n at i and the
// unit at u.
func (f *finder) ago(i, n, u int) match {
	unit, ok := agoUnits[f.word(u)]
	if !ok || f.word(u+1) != "ago" || f.pub.IsZero() || n <= 0 || n > 100 {
		return match{}
	}
	p, end := f.pub, u+2
	switch unit {
	case unitDay:
		return match{t: p.AddDate(0, 0, -n), prec: DateDay, start: i, end: end, rel: true}
	case unitWeek:
		d := p.AddDate(0, 0, -7*n)
		monday := d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
		t, prec := span(monday, monday.AddDate(0, 0, 6))
		if prec == DateNone {
			return match{end: end}
		}
		return match{t: t, prec: prec, start: i, end: end, rel: true}
	case unitMonth:
		return match{t: date(p.Year(), p.Month()-time.Month(n), 1), prec: DateMonth, start: i, end: end, rel: true}
	}
	return match{t: date(p.Year()-n, 1, 1), prec: DateYear, start: i, end: end, rel: true}
}

// number reads an expression headed by a number at i: "03/03/2016",
// "2016-03-03", "3 March 2016", "two days ago" in digits, a year.
func (f *finder) number(i int) match {
	lw := f.toks[i].Lower
	n, nd := number(lw)

	// 03/03/2016: day and month in either order, so only when it is clear.
	if nd >= 1 && nd <= 2 && f.word(i+1) == "/" && f.joined(i+1) && f.joined(i+2) && f.word(i+3) == "/" && f.joined(i+3) && f.joined(i+4) {
		b, nb := number(f.word(i + 2))
		y, ny := number(f.word(i + 4))
		end := i + 5
		if nb < 1 || nb > 2 || ny != 4 {
			return match{end: end}
		}
		return f.numeric(y, n, b, i, end)
	}
	// 03-03-2016: as 03/03/2016.
	if nd >= 1 && nd <= 2 && i+2 < len(f.toks) && f.toks[i+1].Hyphen && f.toks[i+2].Hyphen {
		b, nb := number(f.word(i + 1))
		y, ny := number(f.word(i + 2))
		if nb >= 1 && nb <= 2 && ny == 4 {
			return f.numeric(y, n, b, i, i+3)
		}
	}
	// 2016-03-03
	if nd == 4 && i+2 < len(f.toks) && f.toks[i+1].Hyphen && f.toks[i+2].Hyphen {
		m, nm := number(f.word(i + 1))
		d, ndd := number(f.word(i + 2))
		if nm >= 1 && nm <= 2 && ndd >= 1 && ndd <= 2 {
			if n < 1900 || n > 2100 || m < 1 || m > 12 || !validDay(n, time.Month(m), d) {
				return match{end: i + 3}
			}
			return match{t: date(n, time.Month(m), d), prec: DateDay, start: i, end: i + 3}
		}
	}
	// 4.3.2016: day first, as dotted dates are written.
	if nd == 0 && strings.Count(lw, ".") == 2 {
		a, b, _ := strings.Cut(lw, ".")
		b, c, _ := strings.Cut(b, ".")
		d, n1 := number(a)
		m, n2 := number(b)
		y, n3 := number(c)
		if n1 < 1 || n1 > 2 || n2 < 1 || n2 > 2 || n3 != 4 {
			return match{end: i + 1}
		}
		if y < 1900 || y > 2100 || m < 1 || m > 12 || !validDay(y, time.Month(m), d) {
			return match{end: i + 1}
		}
		return match{t: date(y, time.Month(m), d), prec: DateDay, start: i, end: i + 1}
	}
	// 3 March 2016, the 3rd of March
	if m := f.dayMonth(i); m.prec != DateNone || m.end > i {
		if m.prec != DateNone && f.word(i-1) == "the" {
			m.start = i - 1
		}
		return m
	}
	if nd == 0 {
		return match{}
	}
	// 2 days ago
	if m := f.ago(i, n, i+1); m.end > i {
		return m
	}
	return f.year(i, n, nd)
}

// numeric completes a date written a/b/y, where a/b is day/month or
// month/day: only a reading that is the only valid one is taken.
func (f *finder) numeric(y, a, b, start, end int) match {
	dm := a <= 31 && b >= 1 && b <= 12 && y >= 1900 && y <= 2100 && validDay(y, time.Month(b), a)
	md := b <= 31 && a >= 1 && a <= 12 && y >= 1900 && y <= 2100 && validDay(y, time.Month(a), b)
	switch {
	case dm && md && a == b, dm && !md:
		return match{t: date(y, time.Month(b), a), prec: DateDay, start: start, end: end}
	case md && !dm:
		return match{t: date(y, time.Month(a), b), prec: DateDay, start: start, end: end}
	}
	return match{end: end}
}

// year reads a four-digit number at i as a year if its context makes it
// one: "in 2014", "since 2012", "the 2014 ceasefire", "mid-2015".
func (f *finder) year(i, y, nd int) match {
	if nd != 4 || y < 1900 || y > 2100 {
		return match{}
	}
	if i+1 < len(f.toks) && f.toks[i+1].Hyphen && isDigitStart(f.toks[i+1].Lower) {
		return match{end: i + 2} // 2011-2014, 2015-16
	}
	prev, next := f.word(i-1), f.word(i+1)
	switch {
	case notAfterYear[next]:
		return match{end: i + 1}
	case yearBefore[prev]:
	case (prev == "and" || prev == "or" || prev == ",") && f.lastEnd == i-1:
	case i == 0 && (next == "," || next == "was" || next == "is" || next == "has" || next == "saw" || next == "will"):
	default:
		return match{end: i + 1}
	}
	return match{t: date(y, 1, 1), prec: DateYear, start: i, end: i + 1}
}

// sentenceDates dates the facts of one sentence, finding its time
// expressions once, when the first fact asks.
type sentenceDates struct {
	toks   []Token
	pub    time.Time // the publication date, the date of facts whose clause has none
	anchor time.Time // the date the text gives, if any, to resolve "on Friday" against
	whens  []When
	found  bool
}

// of returns the date of fact r: that of the time expression of its
// clause nearest its relation, else the publication day, else zero. The
// text is the expression's, empty for the publication day.
func (sd *sentenceDates) of(r relation) (time.Time, Precision, string) {
	if !sd.found {
		anchor := sd.anchor
		if anchor.IsZero() {
			anchor = sd.pub
		}
		sd.whens, sd.found = FindDates(sd.toks, anchor), true
	}
	if w, ok := eventWhen(sd.toks, sd.whens, r); ok {
		return w.Time, w.Precision, w.Text
	}
	if sd.pub.IsZero() {
		return time.Time{}, DateNone, ""
	}
	return sd.pub, DateDay, ""
}

// Limits on how far a time expression may be from a fact's relation, in
// tokens: before it (across the subject: "On Tuesday, Muhammad Alloush, a
// commander of ..., denied") and after its last argument ("agreed to a
// truce with the Islamic State this past Thursday").
const (
	maxDateBefore = 25
	maxDateAfter  = 8
)

// eventWhen picks, among the time expressions ws of a sentence, the one
// that dates fact r: the nearest to the relation within its clause,
// preferring one inside the fact or after it ("Jaish al-Islam denied on
// Friday", "agreed to a truce this past Thursday") to one before it ("On
// Tuesday, Alloush denied"). An expression is not the fact's when
//   - a clause boundary lies between it and the relation: "denied on
//     Friday reports that it agreed" dates the denial, not the agreement,
//     and "X attacked Y, the group said on Friday" the saying;
//   - it is in a subordinate clause the relation is not in: "the
//     agreement, which circulated online Saturday, seeks to end IS's
//     blockade";
//   - it modifies a noun other than the relation: "violated the 2014
//     ceasefire" (but "Friday's attack by IS" dates the attack).
func eventWhen(toks []Token, ws []When, r relation) (When, bool) {
	lo := min(r.subj.Start, r.obj.Start, r.relStart)
	hi := max(r.subj.End, r.obj.End, r.relEnd)
	best, bestScore := -1, 0
	for k, w := range ws {
		if w.End > r.relStart && w.Start < r.relEnd {
			continue
		}
		score := 0
		switch noun, mod := modifiedNoun(toks, w); {
		case mod && noun >= r.relStart && noun < r.relEnd:
			score = 0 // "Friday's attack", "the 2015 offensive"
		case mod:
			continue
		case w.End <= r.relStart:
			path := toks[w.End:r.relStart]
			if len(path) > maxDateBefore || hasBarrier(path, false) || !sameClause(toks, w, r.relStart) {
				continue
			}
			score = r.relStart - w.End
			if w.End <= lo {
				score += 1000 // before the fact
			}
		default:
			path := toks[r.relEnd:w.Start]
			if w.Start-max(hi, r.relEnd) > maxDateAfter || hasBarrier(path, true) || !sameClause(toks, w, r.relStart) {
				continue
			}
			score = w.Start - r.relEnd
		}
		if best < 0 || score < bestScore {
			best, bestScore = k, score
		}
	}
	if best < 0 {
		return When{}, false
	}
	return ws[best], true
}

// modifiedNoun reports whether w modifies a noun rather than the clause,
// and which token that noun starts at: after a determiner ("the 2014
// ceasefire", "Syria's 2011 uprising") or before "'s" ("Friday's attack",
// "last year's agreement").
func modifiedNoun(toks []Token, w When) (int, bool) {
	n := w.End
	if n < len(toks) && toks[n].Lower == "'s" {
		n++
	} else if w.Start == 0 || !determiners[toks[w.Start-1].Lower] || datePreps[toks[w.Start].Lower] {
		return 0, false
	}
	if n >= len(toks) || !toks[n].IsWord() {
		return 0, false
	}
	return n, true
}

// clauseBarriers separate a clause from the one it reports or qualifies:
// complementisers, relative pronouns, reporting verbs, quotes, brackets.
var clauseBarriers = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "whose": true, "where": true, "while": true,
	"whereas": true, "because": true, "although": true, "though": true, "if": true, "unless": true, "but": true,
	";": true, ":": true, "(": true, ")": true, `"`: true, "said": true, "says": true, "say": true,
	"saying": true, "told": true, "tells": true, "stating": true, "stated": true, "adding": true, "added": true,
	"according": true, "reported": true, "claimed": true, "claiming": true, "noting": true, "noted": true,
}

// hasBarrier reports whether path, the tokens between a time expression
// and a relation, crosses into another clause. After the relation, a
// comma does too: "agreed to a deal, and 4,000 fighters left on Monday".
func hasBarrier(path []Token, after bool) bool {
	for _, t := range path {
		if clauseBarriers[t.Lower] || after && t.Lower == "," {
			return true
		}
	}
	return false
}

// subordinators open a clause that qualifies another: "which circulated
// online Saturday", "as one of its strongholds was bombed on Friday".
var subordinators = map[string]bool{
	"which": true, "who": true, "whom": true, "whose": true, "that": true, "where": true, "when": true,
	"while": true, "whereas": true, "as": true, "after": true, "before": true, "since": true,
	"because": true, "although": true, "though": true, "if": true, "unless": true, "until": true,
}

// clauseEnds close a subordinate clause.
var clauseEnds = map[string]bool{",": true, ";": true, ":": true, "(": true, ")": true, "-": true}

// sameClause reports whether the relation at token rel is in the clause
// of time expression w, when w is in a subordinate clause: the clause
// runs from its subordinator to the next comma.
func sameClause(toks []Token, w When, rel int) bool {
	start := -1
	for k := w.Start - 1; k >= 0 && !clauseEnds[toks[k].Lower]; k-- {
		if lw := toks[k].Lower; subordinators[lw] && !(lw == "as" && asPhrase(toks, k)) {
			start = k
			break
		}
	}
	if start < 0 {
		return true // w is in a main clause
	}
	end := w.End
	for end < len(toks) && !clauseEnds[toks[end].Lower] {
		end++
	}
	return rel > start && rel < end
}

// asPhrase reports whether "as" at k is part of "such as", "as well as"
// or "as part of", not a subordinator.
func asPhrase(toks []Token, k int) bool {
	prev, next := "", ""
	if k > 0 {
		prev = toks[k-1].Lower
	}
	if k+1 < len(toks) {
		next = toks[k+1].Lower
	}
	return prev == "such" || prev == "well" || next == "well" || next == "part"
}
