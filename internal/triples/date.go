package triples

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxDateLen bounds the strings ParseDate looks at; no date is longer.
const maxDateLen = 200

// ParseDate reads a publication date as news sites and corpora write it and
// returns that calendar day at 00:00 UTC. It reports false when s holds no
// date it can read, or an impossible one (2018-02-30), or a year outside
// 1900–2100.
//
// Leading and trailing space is ignored, and so is a leading label ending in
// a colon ("Published:") or a usual one without ("Published", "Date of
// publication", "تم النشر بتاريخ"). ParseDate accepts:
//
//	2017-04-05, 2017/04/05            year first, then month and day
//	2017-04-05T19:47:31+03:00         RFC 3339 and other ISO 8601 date-times
//	4/5/2017, 04/05/2017              month first, as in the US (5 April)
//	5-4-2017, 05.04.2017              day first, as elsewhere (5 April)
//	5 April 2017, 05 Apr, 2017        day, month name, year
//	April 5, 2017, Apr 5th 2017       month name, day, year
//	Wed 05 Apr 2017                   any of these after a day name
//	Sun, April 08, 2018
//	27 March, 2018 7:47:31 PM         a time of day after the date is ignored
//	٢٧ مارس، ٢٠١٨ ٧:٤٧:٣١ م           Arabic month names and digits
//	27 آذار 2018, 2 تشرين الأول 2017     Levantine month names
//
// Month and day names are English, full or abbreviated, in any case, or
// Arabic: the Egyptian names (يناير to ديسمبر), the Levantine ones (كانون
// الثاني to كانون الأول) and the Maghreb ones (جانفي, فيفري...). The time of
// day, with its zone, is checked for form and otherwise ignored: the date is
// the one written, not its UTC equivalent.
func ParseDate(s string) (time.Time, bool) {
	if len(s) > maxDateLen {
		return time.Time{}, false
	}
	p := dateScanner{s: normalizeDate(s)}
	p.skipLabel()
	p.skipWeekday()
	y, m, d, ok := p.date()
	if !ok || !timeOfDayOnly(p.s[p.i:]) {
		return time.Time{}, false
	}
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// daysIn returns the number of days in month m of year y.
func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateMonths maps month names, lower-case and normalized as by
// normalizeDate, to months.
var dateMonths = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6,
	"jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,

	// Egyptian and Gulf Arabic.
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
	"يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,

	// Levantine and Iraqi Arabic.
	"كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
	"تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,

	// Maghreb Arabic.
	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "جويليه": 7, "اوت": 8,
}

// dateWeekdays holds day names, normalized as by normalizeDate.
var dateWeekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true,
	"wed": true, "wednesday": true, "thu": true, "thur": true, "thurs": true, "thursday": true,
	"fri": true, "friday": true, "sat": true, "saturday": true, "sun": true, "sunday": true,
	"الاحد": true, "الاثنين": true, "الثلاثاء": true, "الاربعاء": true,
	"الخميس": true, "الجمعة": true, "الجمعه": true, "السبت": true,
}

// normalizeDate lower-cases s, turns Arabic-Indic digits into ASCII ones
// and the Arabic comma into ",", unifies the Arabic letter variants that
// month names are spelled with (أ إ آ → ا, ى → ي), and drops Arabic
// diacritics, tatweel and invisible formatting marks.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '٠' && r <= '٩':
			b.WriteByte(byte('0' + r - '٠'))
		case r >= '۰' && r <= '۹':
			b.WriteByte(byte('0' + r - '۰'))
		case r == '،':
			b.WriteByte(',')
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			b.WriteRune('ا')
		case r == 'ى':
			b.WriteRune('ي')
		case r == 'ـ' || (r >= 0x064B && r <= 0x065F) || r == 0x0670 || unicode.Is(unicode.Cf, r):
			// tatweel, harakat, format marks: drop
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// dateScanner reads the tokens of a normalized date string.
type dateScanner struct {
	s string
	i int
}

func (p *dateScanner) skipSpace() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

// accept skips spaces and then c, reporting whether c was there.
func (p *dateScanner) accept(c byte) bool {
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// number skips spaces and reads a run of ASCII digits, returning its value
// and its number of digits (0 when there is none).
func (p *dateScanner) number() (n, digits int) {
	p.skipSpace()
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		if digits < 9 {
			n = n*10 + int(p.s[p.i]-'0')
		}
		digits++
		p.i++
	}
	return n, digits
}

// word skips spaces and reads a run of letters.
func (p *dateScanner) word() string {
	p.skipSpace()
	start := p.i
	for p.i < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[p.i:])
		if !unicode.IsLetter(r) {
			break
		}
		p.i += size
	}
	return p.s[start:p.i]
}

// dateLabels may introduce a date without a colon, as in "Published
// February 23 2015" and "Date of publication 7 July 2016"; the longest
// first.
var dateLabels = []string{"date of publication", "last updated on", "published on", "updated on", "posted on", "last updated", "published", "updated", "posted", "تم النشر بتاريخ", "نشر بتاريخ", "نشر في"}

// skipLabel skips a leading label such as "Published:" or "Last updated:"
// (letters and spaces up to a colon), or one of dateLabels.
func (p *dateScanner) skipLabel() {
	for _, l := range dateLabels {
		if strings.HasPrefix(p.s, l) && len(p.s) > len(l) && (p.s[len(l)] == ' ' || p.s[len(l)] == ':') {
			p.i = len(l)
			break
		}
	}
	colon := strings.IndexByte(p.s, ':')
	if colon <= 0 {
		return
	}
	for _, r := range p.s[p.i:colon] {
		if r != ' ' && !unicode.IsLetter(r) {
			return
		}
	}
	p.i = colon + 1
}

// skipWeekday skips a day name and the comma or dot after it.
func (p *dateScanner) skipWeekday() {
	save := p.i
	w := p.word()
	if w == "يوم" { // "day", as in يوم الثلاثاء
		w = p.word()
	}
	if !dateWeekdays[w] {
		p.i = save
		return
	}
	p.accept('.')
	p.accept(',')
}

// month reads a month name, possibly of two words (كانون الثاني) and
// possibly followed by an equivalent name as in "آذار/مارس" or
// "آذار (مارس)". It returns 0 when there is none.
func (p *dateScanner) month() int {
	m := p.monthName()
	if m == 0 {
		return 0
	}
	p.accept('.')
	save := p.i
	if p.accept('/') || p.accept('(') {
		if m2 := p.monthName(); m2 == m {
			p.accept(')')
			return m
		}
	}
	p.i = save
	return m
}

func (p *dateScanner) monthName() int {
	w := p.word()
	if w == "كانون" || w == "تشرين" {
		w += " " + p.word()
	}
	return dateMonths[w]
}

// skipOrdinal skips the English ordinal suffix after a day: 1st, 2nd, 3rd, 4th.
func (p *dateScanner) skipOrdinal() {
	if p.i+2 <= len(p.s) {
		switch p.s[p.i : p.i+2] {
		case "st", "nd", "rd", "th":
			if p.i+2 == len(p.s) || !isASCIILetter(p.s[p.i+2]) {
				p.i += 2
			}
		}
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// date reads the date proper: year, month and day in one of the orders
// ParseDate accepts.
func (p *dateScanner) date() (y, m, d int, ok bool) {
	p.skipSpace()
	if p.i >= len(p.s) {
		return 0, 0, 0, false
	}
	if c := p.s[p.i]; c < '0' || c > '9' {
		// April 5, 2017
		if m = p.month(); m == 0 {
			return 0, 0, 0, false
		}
		d, nd := p.number()
		if nd < 1 || nd > 2 {
			return 0, 0, 0, false
		}
		p.skipOrdinal()
		p.accept(',')
		y, ny := p.number()
		return y, m, d, ny == 4
	}
	a, na := p.number()
	switch {
	case na == 4:
		// 2017-04-05, 2017/04/05, 2017.04.05
		y = a
		if p.i >= len(p.s) {
			return 0, 0, 0, false
		}
		sep := p.s[p.i]
		if sep != '-' && sep != '/' && sep != '.' {
			return 0, 0, 0, false
		}
		p.i++
		m, nm := p.number()
		if nm < 1 || nm > 2 || !p.accept(sep) {
			return 0, 0, 0, false
		}
		d, nd := p.number()
		return y, m, d, nd >= 1 && nd <= 2
	case na >= 1 && na <= 2:
		if p.i+1 < len(p.s) && (p.s[p.i] == '-' || p.s[p.i] == '.') && p.s[p.i+1] >= '0' && p.s[p.i+1] <= '9' {
			// 5-4-2017, 05.04.2017: day first, as outside the US
			sep := p.s[p.i]
			p.i++
			d = a
			m, nm := p.number()
			if nm < 1 || nm > 2 || p.i >= len(p.s) || p.s[p.i] != sep {
				return 0, 0, 0, false
			}
			p.i++
			y, ny := p.number()
			return y, m, d, ny == 4
		}
		if p.i < len(p.s) && p.s[p.i] == '/' {
			// 4/5/2017: month first
			p.i++
			m = a
			d, nd := p.number()
			if nd < 1 || nd > 2 || !p.accept('/') {
				return 0, 0, 0, false
			}
			y, ny := p.number()
			return y, m, d, ny == 4
		}
		// 5 April 2017, 05-Apr-2017
		d = a
		p.skipOrdinal()
		sep := byte(0)
		if p.accept('-') {
			sep = '-'
		} else {
			p.accept('.')
		}
		if m = p.month(); m == 0 {
			return 0, 0, 0, false
		}
		if sep != 0 {
			if !p.accept(sep) {
				return 0, 0, 0, false
			}
		} else {
			p.accept(',')
		}
		y, ny := p.number()
		return y, m, d, ny == 4
	}
	return 0, 0, 0, false
}

// timeOfDayOnly reports whether s, what follows a date, is empty or a time
// of day: "7:47:31 PM", "T19:47:31.5+03:00", "at 19:47 GMT", "7:47 م".
func timeOfDayOnly(s string) bool {
	p := dateScanner{s: s}
	p.accept(',')
	p.accept('|')
	p.accept('-')
	p.skipSpace()
	if p.i == len(p.s) {
		return true
	}
	save := p.i
	switch p.word() {
	case "at", "في", "الساعة", "الساعه":
	case "م": // AD, as in 2018م
		p.skipSpace()
		if p.i == len(p.s) {
			return true
		}
		p.i = save
	case "t":
		p.i = save + 1
	default:
		p.i = save
	}
	h, nh := p.number()
	if nh < 1 || nh > 2 || h > 24 || !p.accept(':') {
		return false
	}
	if min, n := p.number(); n != 2 || min > 59 {
		return false
	}
	if p.accept(':') {
		if sec, n := p.number(); n != 2 || sec > 60 {
			return false
		}
		if p.i < len(p.s) && (p.s[p.i] == '.' || p.s[p.i] == ',') {
			p.i++
			if _, n := p.number(); n == 0 {
				return false
			}
		}
	}
	save = p.i
	switch w := p.word(); w {
	case "am", "pm", "ص", "م", "صباحا", "مساء", "مساءا":
	case "a", "p":
		if !p.accept('.') || p.word() != "m" {
			return false
		}
		p.accept('.')
	default:
		p.i = save
	}
	// Zone: Z, UTC, GMT+3, +03:00, -0500, EEST.
	if w := p.word(); len(w) > 5 {
		return false
	}
	p.skipSpace()
	if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
		p.i++
		if _, n := p.number(); n < 1 || n > 4 {
			return false
		}
		if p.accept(':') {
			if _, n := p.number(); n != 2 {
				return false
			}
		}
	}
	p.skipSpace()
	return p.i == len(p.s)
}
