package triples

import (
	"regexp"
	"strconv"
	"testing"
	"time"
)

func TestLeadingNumericDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // 2006-01-02, or "" when there is no date
		rest string // the line after the date
	}{
		// Day first with a dash or a dot, as FA-KES articles of SANA and Sputnik begin.
		{"15-09-2013", "2013-09-15", ""},
		{"15-09-2013 Militants Attack Syrias Idlib", "2013-09-15", "Militants Attack Syrias Idlib"},
		{"5-04-2016 4 Killed over 43 Injured", "2016-04-05", "4 Killed over 43 Injured"},
		{"24.08.2013 Syrian state media accused rebels", "2013-08-24", "Syrian state media accused rebels"},
		{"24.08.2013Get short URL 0 13", "2013-08-24", "Get short URL 0 13"},
		{"05.10.2017(updated 1935 05.10.2017) Get short URL", "2017-10-05", "(updated 1935 05.10.2017) Get short URL"},
		{"30.04.2017) Get short URL", "2017-04-30", "Get short URL"},
		{"15-09-2013. Militants attack", "2013-09-15", "Militants attack"},
		{"15-09-2013 - Militants attack", "2013-09-15", "Militants attack"},

		// Year first, and a time of day, which goes with the date.
		{"2013-09-15", "2013-09-15", ""},
		{"2013/09/15 Militants attack", "2013-09-15", "Militants attack"},
		{"2013-09-15T10:45:00Z Militants attack", "2013-09-15", "Militants attack"},
		{"15-09-2013 10:45 GMT Militants attack", "2013-09-15", "Militants attack"},
		{"15-09-2013 10 militants killed", "2013-09-15", "10 militants killed"},

		// Slashes: read when the order of day and month is clear.
		{"15/09/2013 Militants attack", "2013-09-15", "Militants attack"},
		{"09/15/2013 Militants attack", "2013-09-15", "Militants attack"},
		{"05/05/2013 Militants attack", "2013-05-05", "Militants attack"},
		{"05/04/2016 Militants attack", "", ""},

		// Numbers that are not dates.
		{"2011-2014 war", "", ""},
		{"1-0 win for Damascus", "", ""},
		{"3.5 million refugees", "", ""},
		{"1.200.000 refugees", "", ""},
		{"24.08.13 Syrian state media", "", ""},
		{"15-09-20134 units", "", ""},
		{"15-09-2013-5 units", "", ""},
		{"12-15-2013 Militants attack", "", ""}, // dashes are day first: no month 15
		{"31-02-2016", "", ""},
		{"15-09-1850", "", ""},
		{"2042 Resolution", "", ""},
		{"Militants attack 15-09-2013", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		d, n, ok := leadingNumericDate(tt.in)
		got, rest := "", ""
		if ok {
			got, rest = d.Format("2006-01-02"), tt.in[n:]
			if n == 0 {
				rest = ""
			}
		}
		if got != tt.want || rest != tt.rest {
			t.Errorf("leadingNumericDate(%q) = %q, rest %q; want %q, rest %q", tt.in, got, rest, tt.want, tt.rest)
		}
	}
}

// TestCleanNumericDate checks that clean takes a numeric date at the head of
// an article as its date and cuts it from the headline, and leaves one
// further on in the text.
func TestCleanNumericDate(t *testing.T) {
	tests := []struct {
		name, text, title string
		date              string // 2006-01-02, or "" for none
		titleText         string // "" when the text holds no title
		firstLine         string
		lastLine          string // if not "", the last body line
	}{
		{
			name:      "date before the headline",
			text:      "15-09-2013 Militants Attack Syrias Idlib Kill 3. A bomb attack in northwest Syria killed three people on Sunday.",
			title:     "Militants Attack Syrias Idlib Kill 3",
			date:      "2013-09-15",
			titleText: "Militants Attack Syrias Idlib Kill 3",
			firstLine: "A bomb attack in northwest Syria killed three people on Sunday.",
		},
		{
			name:      "date line of its own",
			text:      "Militants attack Idlib\n24.08.2013\nA bomb attack in northwest Syria killed three people.",
			date:      "2013-08-24",
			titleText: "Militants attack Idlib",
			firstLine: "A bomb attack in northwest Syria killed three people.",
		},
		{
			name:      "a word date comes first",
			text:      "Published: Sun, April 08, 2018\n15-09-2013 A bomb attack in northwest Syria killed three people.",
			title:     "Militants attack Idlib",
			date:      "2018-04-08",
			firstLine: "A bomb attack in northwest Syria killed three people.",
		},
		{
			name:      "a timeline entry in the body",
			text:      "Timeline of the truce\nThe truce held for a week.\n2016-03-04 Rebels violated the truce.",
			titleText: "Timeline of the truce",
			firstLine: "The truce held for a week.",
			lastLine:  "2016-03-04 Rebels violated the truce.",
		},
		{
			name:      "a count, not a date",
			text:      "1-0 win for Damascus\nThe match ended in a win.",
			titleText: "1-0 win for Damascus",
			firstLine: "The match ended in a win.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.text
			c := clean(text, tt.title)
			date := ""
			if !c.date.IsZero() {
				date = c.date.Format("2006-01-02")
			}
			if date != tt.date {
				t.Errorf("date = %q, want %q", date, tt.date)
			}
			if got := text[c.title.Start:c.title.End]; got != tt.titleText {
				t.Errorf("title = %q, want %q", got, tt.titleText)
			}
			if len(c.lines) == 0 {
				t.Fatalf("no body lines")
			}
			if got := text[c.lines[0].Start:c.lines[0].End]; got != tt.firstLine {
				t.Errorf("first body line = %q, want %q", got, tt.firstLine)
			}
			if last := c.lines[len(c.lines)-1]; tt.lastLine != "" && text[last.Start:last.End] != tt.lastLine {
				t.Errorf("last body line = %q, want %q", text[last.Start:last.End], tt.lastLine)
			}
		})
	}
}

// TestFakesDevNumericDates checks, on the FA-KES development corpus when it
// is there, that every article whose text starts with a date in digits,
// day first (15-09-2013, 24.08.2013), gets that date from clean.
func TestFakesDevNumericDates(t *testing.T) {
	head := regexp.MustCompile(`^\s*(\d{1,2})[-.](\d{1,2})[-.](\d{4})`)
	n, dated := 0, 0
	for _, a := range mustReadCorpus(t, fakesDev) {
		c := clean(a.Text, a.Title)
		if !c.date.IsZero() {
			dated++
		}
		m := head.FindStringSubmatch(a.Text)
		if m == nil {
			continue
		}
		n++
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if want := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC); !c.date.Equal(want) {
			t.Errorf("%s: date %v, want %v from %q", a.Origin, c.date.Format("2006-01-02"), want.Format("2006-01-02"), m[0])
		}
	}
	if n == 0 {
		t.Error("no article starts with a date in digits")
	}
	t.Logf("%d articles start with a date in digits; %d have a date from the text", n, dated)
}
