package triples

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/conflictkg/kg/schema"
)

// whenString writes w as `"Text"=2016-03-04~`: the date to its precision,
// ~ when it was resolved against the publication date.
func whenString(w When) string {
	rel := ""
	if w.Relative {
		rel = "~"
	}
	return fmt.Sprintf("%q=%s%s", w.Text, w.Precision.Format(w.Time), rel)
}

func TestFindDates(t *testing.T) {
	fri := day(2016, time.March, 4) // Friday
	tests := []struct {
		name string
		pub  time.Time
		in   string
		want []string
	}{
		// Absolute dates.
		{"day month year", fri, "It was signed on 3 March 2016.", []string{`"on 3 March 2016"=2016-03-03`}},
		{"month day year", fri, "It was signed March 3, 2016, in Geneva.", []string{`"March 3, 2016"=2016-03-03`}},
		{"ordinal", fri, "It was signed on the 3rd of March, 2016.", []string{`"on the 3rd of March, 2016"=2016-03-03`}},
		{"abbreviation", fri, "It was signed Sept. 4, 2015.", []string{`"Sept. 4, 2015"=2015-09-04`}},
		{"weekday and date", fri, "On Friday, 4 March 2016 and Sunday 28 February 2016 and Friday, March 4.", []string{`"On Friday, 4 March 2016"=2016-03-04`, `"Sunday 28 February 2016"=2016-02-28`, `"Friday, March 4"=2016-03-04~`}},
		{"month year", fri, "Talks began in March 2016 and in May of 2015.", []string{`"in March 2016"=2016-03`, `"in May of 2015"=2015-05`}},
		{"year", fri, "The war began in 2011, and the group has fought since 2012.", []string{`"in 2011"=2011`, `"since 2012"=2012`}},
		{"year after of", fri, "The Six-Day War of 1967, the first half of 2016, a force of 2000 fighters.", []string{`"1967"=1967`, `"2016"=2016`}},
		{"seasons", fri, "Since spring 2015 and in the summer of 2014.", []string{`"Since spring 2015"=2015`, `"2014"=2014`}},
		{"year as modifier", fri, "The 2014 ceasefire and Syria's 2011 uprising.", []string{`"2014"=2014`, `"2011"=2011`}},
		{"parts of years", fri, "In mid-2015, late 2015 and early 2016, and by the end of 2015, and since the end of 2014.", []string{`"In mid-2015"=2015`, `"late 2015"=2015`, `"early 2016"=2016`, `"since the end of 2014"=2014`}},
		{"parts of months", fri, "In mid-March and early February.", []string{`"In mid-March"=2016-03~`, `"early February"=2016-02~`}},
		{"numeric", fri, "On 03/03/2016, 13/04/2016, 04/13/2016, 2016-03-02 and 4.3.2016.", []string{`"On 03/03/2016"=2016-03-03`, `"13/04/2016"=2016-04-13`, `"04/13/2016"=2016-04-13`, `"2016-03-02"=2016-03-02`, `"4.3.2016"=2016-03-04`}},
		{"numeric dashes", fri, "On 15-09-2013 and 09-15-2013.", []string{`"On 15-09-2013"=2013-09-15`, `"09-15-2013"=2013-09-15`}},
		{"numeric ambiguous", fri, "On 03/04/2016 and 3/4/2016 and 03-04-2016.", nil},
		{"numeric impossible", fri, "On 31/02/2016 and 2016-02-30 and 30.2.2016.", nil},
		{"arabic", fri, "وقع في 27 آذار 2018 و ٢٧ مارس ٢٠١٨ و كانون الثاني 2017.", []string{`"27 آذار 2018"=2018-03-27`, `"٢٧ مارس ٢٠١٨"=2018-03-27`, `"كانون الثاني 2017"=2017-01`}},
		{"absolute without pub", time.Time{}, "In March 2016, on Friday, in 2014, yesterday, in July, on 3 March.", []string{`"In March 2016"=2016-03`, `"in 2014"=2014`}},

		// Dates without a year.
		{"day month", fri, "A ceasefire came into effect on 27 February.", []string{`"on 27 February"=2016-02-27~`}},
		{"month day", fri, "It ends on March 3 and on April 30.", []string{`"on March 3"=2016-03-03~`, `"on April 30"=2016-04-30~`}},
		{"month day far ahead is last year", fri, "It began on June 1.", []string{`"on June 1"=2015-06-01~`}},
		{"month", fri, "They met in July and in April and in February and March.", []string{`"in July"=2015-07~`, `"in April"=2016-04~`, `"in February"=2016-02~`, `"March"=2016-03~`}},
		{"last month name", fri, "It was agreed last July and last March and next January.", []string{`"last July"=2015-07~`, `"last March"=2015-03~`, `"next January"=2017-01~`}},
		{"month of last year", fri, "In October last year, in March of this year and in January next year.", []string{`"In October last year"=2015-10~`, `"in March of this year"=2016-03~`, `"in January next year"=2017-01~`}},
		{"in March and a count", fri, "In March 12 people were killed.", []string{`"In March"=2016-03~`}},

		// Relative to the publication day.
		{"today", fri, "Today and tonight and yesterday and tomorrow.", []string{`"Today"=2016-03-04~`, `"tonight"=2016-03-04~`, `"yesterday"=2016-03-03~`, `"tomorrow"=2016-03-05~`}},
		{"parts of day", fri, "This morning and last night.", []string{`"This morning"=2016-03-04~`, `"last night"=2016-03-03~`}},
		{"on weekday", fri, "Jaish al-Islam denied on Friday reports, and on Thursday, and on Saturday.", []string{`"on Friday"=2016-03-04~`, `"on Thursday"=2016-03-03~`, `"on Saturday"=2016-02-27~`}},
		{"weekday times", fri, "On Friday night, Thursday morning and late on Wednesday and earlier Friday.", []string{`"On Friday night"=2016-03-04~`, `"Thursday morning"=2016-03-03~`, `"late on Wednesday"=2016-03-02~`, `"earlier Friday"=2016-03-04~`}},
		{"last weekday", fri, "Last Friday, last Thursday, this past Friday, next Friday, this coming Monday.", []string{`"Last Friday"=2016-02-26~`, `"last Thursday"=2016-03-03~`, `"this past Friday"=2016-02-26~`, `"next Friday"=2016-03-11~`, `"this coming Monday"=2016-03-07~`}},
		{"bare weekday", fri, "The group said Friday that it would fight. The rebels Thursday seized it. Rebels struck Wednesday, killing five.", []string{`"Friday"=2016-03-04~`, `"Thursday"=2016-03-03~`, `"Wednesday"=2016-03-02~`}},
		{"bare weekday after a place", fri, "Jets struck Idlib Thursday including a market, and the group said Wednesday 19 people died.", []string{`"Thursday"=2016-03-03~`, `"Wednesday"=2016-03-02~`}},
		{"since weekday", fri, "Since Thursday bombing has killed 20.", []string{`"Since Thursday"=2016-03-03~`}},
		{"weekday modifying a noun", fri, "The Saturday strike and a Wednesday airstrike and their Thursday advance.", nil},
		{"weekday possessive", fri, "Thursday's attack.", []string{`"Thursday"=2016-03-03~`}},
		{"weeks", fri, "Last week, this week and earlier this week, next week.", []string{`"Last week"=2016-02~`, `"this week"=2016~`, `"earlier this week"=2016~`, `"next week"=2016-03~`}},
		{"months and years", fri, "Last month, this month, earlier this month, next month, last year, this year, earlier this year, later this year, next year.", []string{`"Last month"=2016-02~`, `"this month"=2016-03~`, `"earlier this month"=2016-03~`, `"next month"=2016-04~`, `"last year"=2015~`, `"this year"=2016~`, `"earlier this year"=2016~`, `"later this year"=2016~`, `"next year"=2017~`}},
		{"ago", fri, "Two days ago, 3 days ago, a week ago, three weeks ago, two months ago, a year ago and 5 years ago.", []string{`"Two days ago"=2016-03-02~`, `"3 days ago"=2016-03-01~`, `"a week ago"=2016-02~`, `"three weeks ago"=2016-02~`, `"two months ago"=2016-01~`, `"a year ago"=2015~`, `"5 years ago"=2011~`}},
		{"last year possessive", fri, "Last year's offensive.", []string{`"Last year"=2015~`}},

		// Year boundaries: published Saturday 2 January 2016.
		{"new year weekday", day(2016, time.January, 2), "On Thursday and yesterday and two days ago.", []string{`"On Thursday"=2015-12-31~`, `"yesterday"=2016-01-01~`, `"two days ago"=2015-12-31~`}},
		{"new year months", day(2016, time.January, 2), "Last month, in December, last December, on December 30, on 2 January, in January, last January.", []string{`"Last month"=2015-12~`, `"in December"=2015-12~`, `"last December"=2015-12~`, `"on December 30"=2015-12-30~`, `"on 2 January"=2016-01-02~`, `"in January"=2016-01~`, `"last January"=2015-01~`}},
		{"new year weeks", day(2016, time.January, 2), "This week, last week, two weeks ago and last year.", []string{`"last week"=2015-12~`, `"two weeks ago"=2015-12~`, `"last year"=2015~`}},
		{"year end ahead", day(2015, time.December, 31), "On January 5, in February, in April, next week, next month.", []string{`"On January 5"=2016-01-05~`, `"in February"=2016-02~`, `"in April"=2015-04~`, `"next week"=2016-01~`, `"next month"=2016-01~`}},

		// Leap years.
		{"leap day", day(2016, time.March, 1), "Yesterday, on Monday, two days ago, on 29 February, on February 29, a year ago.", []string{`"Yesterday"=2016-02-29~`, `"on Monday"=2016-02-29~`, `"two days ago"=2016-02-28~`, `"on 29 February"=2016-02-29~`, `"on February 29"=2016-02-29~`, `"a year ago"=2015~`}},
		{"no leap day", day(2017, time.March, 1), "Yesterday, on 29 February, 29 February 2015, 29 February 2016.", []string{`"Yesterday"=2017-02-28~`, `"on 29 February"=2016-02-29~`, `"29 February 2016"=2016-02-29`}},
		{"leap day from December", day(2016, time.December, 31), "On 29 February.", []string{`"On 29 February"=2016-02-29~`}},

		// Not dates.
		{"may the verb", fri, "Rebels may attack. Russia May Attack Idlib. May God help.", nil},
		{"march the noun", fri, "A march on Damascus. Protesters March On Damascus.", nil},
		{"friday prayers", fri, "Friday prayers were cancelled after Friday prayers.", nil},
		{"named days", fri, "The Friday Mosque, Good Friday, a Friday, every Friday, this Friday.", nil},
		{"headline", fri, "Syria Forces Launch Assault On Douma Friday Prayers", nil},
		{"headline date", fri, "Rebels Attack Douma On Friday", []string{`"On Friday"=2016-03-04~`}},
		{"counts", fri, "Some 2,000 fighters and 1000 civilians and the 2000 fighters and 2014 civilians died.", nil},
		{"resolutions", fri, "Under Resolution 2254 and Resolution 2042 and at 2100 GMT.", nil},
		{"ranges", fri, "In 2011-2014 and 2015-16.", nil},
		{"vague", fri, "Days ago, several days ago, a few days ago, over the last year, the past week, in recent weeks.", nil},
		{"bounds", fri, "Until March 2016, by 2020, before Friday, after 2011, prior to March, until today.", nil},
		{"names", fri, "April Longley Alley told Russia Today.", nil},
		{"lower-case months", fri, "A may day in march.", nil},
		{"marks only", fri, "Friday ـ and 2015 ـ", nil},
		{"numbers", fri, "3 min read, the 9th Division, 470,000 dead, 15.5 percent.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in, 0, len(tt.in))
			var got []string
			for _, w := range FindDates(toks, tt.pub) {
				got = append(got, whenString(w))
				if w.Start < 0 || w.End > len(toks) || w.Start >= w.End {
					t.Errorf("%q: tokens [%d:%d] of %d", w.Text, w.Start, w.End, len(toks))
				} else if src := tt.in[toks[w.Start].Start:toks[w.End-1].End]; src != w.Text {
					t.Errorf("Text = %q, tokens [%d:%d] read %q", w.Text, w.Start, w.End, src)
				}
				if w.Time.Location() != time.UTC || w.Time != w.Time.Truncate(24*time.Hour) {
					t.Errorf("%q: Time %v is not a UTC day", w.Text, w.Time)
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("FindDates(%q) mismatch (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func TestPrecisionFormat(t *testing.T) {
	d := day(2016, time.March, 4)
	for _, tt := range []struct {
		p          Precision
		name, text string
	}{
		{DateNone, "none", ""}, {DateYear, "year", "2016"}, {DateMonth, "month", "2016-03"}, {DateDay, "day", "2016-03-04"},
	} {
		if got := tt.p.String(); got != tt.name {
			t.Errorf("Precision(%d).String() = %q, want %q", tt.p, got, tt.name)
		}
		if got := tt.p.Format(d); got != tt.text {
			t.Errorf("%v.Format = %q, want %q", tt.p, got, tt.text)
		}
	}
}

// factDates extracts text published on pub and writes each fact as
// "subject predicate object date text".
func factDates(t *testing.T, text string, pub time.Time) []string {
	t.Helper()
	doc, err := NewExtractor().Extract(&Article{ID: "t", Text: text, Date: pub})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range doc.Facts {
		if (f.DatePrecision == DateNone) != f.Date.IsZero() {
			t.Errorf("%s %s %s: Date %v with precision %v", f.Subject.ID, f.Predicate, f.Object.ID, f.Date, f.DatePrecision)
		}
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s %s %s %s %s", f.Subject.ID, f.Predicate, f.Object.ID, f.DatePrecision.Format(f.Date), f.DateText)))
	}
	return out
}

func TestFactDates(t *testing.T) {
	fri := day(2016, time.March, 4) // Friday
	tests := []struct {
		name string
		in   string
		pub  time.Time
		want []string
	}{
		{"reported and reporting", "Jaish al-Islam denied on Friday reports that it agreed to a truce with Russia.", day(2016, time.March, 5), []string{
			"jaish-al-islam kg:denies ceasefire 2016-03-04 on Friday",
			"jaish-al-islam kg:agreesTo ceasefire 2016-03-05", // the agreement's date is not stated
		}},
		{"fronted", "On Tuesday, Muhammad Alloush, a commander of Jaysh al-Islam, denied that they stopped negotiations with Russia.", day(2018, time.March, 29), []string{
			"mohammed-alloush kg:denies negotiations 2018-03-27 On Tuesday",
			"mohammed-alloush kg:negotiatesWith russia 2018-03-29",
			"mohammed-alloush kg:memberOf jaish-al-islam 2018-03-27 On Tuesday", // the apposition, in the clause of "On Tuesday"
		}},
		{"after the object", "Rebel factions agreed to a truce with the Islamic State this past Thursday, one month after IS fighters attacked.", day(2015, time.October, 4), []string{
			"rebels kg:agreesTo ceasefire 2015-10-01 this past Thursday",
		}},
		{"between subject and verb", "Syrian government forces on Saturday intensified attacks on Damascus.", day(2018, time.April, 8), []string{
			"syrian-government kg:attacks damascus 2018-04-07 on Saturday",
		}},
		{"month", "Jaish al-Islam agreed to a truce with Russia in March 2016.", fri, []string{
			"jaish-al-islam kg:agreesTo ceasefire 2016-03 in March 2016",
		}},
		{"year", "Russia has backed the Syrian regime since 2015.", fri, []string{
			"russia kg:supports syrian-government 2015 since 2015",
		}},
		{"relative clause", "The text of the agreement, which circulated online Saturday, seeks to end IS's blockade on al-Qadam.", fri, []string{
			"islamic-state kg:blockades al-qadam 2016-03-04",
		}},
		{"relative clause in the subject", "Russia, which on Thursday bombed Douma, backs the Syrian regime.", fri, []string{
			"russia kg:bombs douma 2016-03-03 on Thursday",
			"russia kg:supports syrian-government 2016-03-04",
		}},
		{"subordinate clause after", "Jaish al-Islam denied signing up to a ceasefire, as one of its strongholds was bombed on Thursday.", fri, []string{
			"jaish-al-islam kg:denies ceasefire 2016-03-04",
			"jaish-al-islam kg:agreesTo ceasefire 2016-03-04",
		}},
		{"another clause after a comma", "Jaish al-Islam agreed to an evacuation deal, and 4,000 fighters left the town on Monday.", day(2018, time.April, 8), []string{
			"jaish-al-islam kg:agreesTo evacuation-deal 2018-04-08",
		}},
		{"modifier of the object", "Rebels violated the 2014 ceasefire.", fri, []string{
			"rebels kg:violates ceasefire 2016-03-04",
		}},
		{"modifier of the relation", "Thursday's attack by Jaish al-Islam on Douma killed five.", fri, []string{
			"jaish-al-islam kg:attacks douma 2016-03-03 Thursday",
		}},
		{"no publication date", "Jaish al-Islam denied on Friday that it agreed to a truce in March 2016.", time.Time{}, []string{
			"jaish-al-islam kg:denies ceasefire",
			"jaish-al-islam kg:agreesTo ceasefire 2016-03 in March 2016",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, factDates(t, tt.in, tt.pub)); d != "" {
				t.Errorf("facts of %q (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

// TestFactDateQuads checks that kg:date is typed by its precision.
func TestFactDateQuads(t *testing.T) {
	doc, err := NewExtractor().Extract(&Article{ID: "t", Date: day(2016, time.March, 4),
		Text: "Jaish al-Islam agreed to a truce with Russia in March 2016.\n\nRussia has backed the Syrian regime since 2015.\n\nRebels violated the ceasefire."})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range (IRIs{}).Quads(doc) {
		if q.Predicate == full(schema.Date) {
			got = append(got, q.Object.String())
		}
	}
	want := []string{
		`"2016-03"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>`,
		`"2015"^^<http://www.w3.org/2001/XMLSchema#gYear>`,
		`"2016-03-04"^^<http://www.w3.org/2001/XMLSchema#date>`,
	}
	if d := cmp.Diff(want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); d != "" {
		t.Errorf("kg:date objects (-want +got):\n%s", d)
	}
}

// TestFindDatesAllocs checks that a sentence without time words costs no allocation.
func TestFindDatesAllocs(t *testing.T) {
	s := "Jaish al-Islam control large areas of the rural belt surrounding Damascus, with some 1,200 fighters and 15 tanks (2 destroyed)."
	toks := Tokenize(s, 0, len(s))
	pub := day(2016, time.March, 4)
	if n := testing.AllocsPerRun(100, func() { whenSink = FindDates(toks, pub) }); n != 0 {
		t.Errorf("FindDates allocates %v times on a sentence without dates", n)
	}
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{
		"Jaish al-Islam denied on Friday reports that it agreed to a truce.",
		"On Friday, 4 March 2016 and March 3, 2016 and 03/03/2016 and 2016-03-03 and 4.3.2016.",
		"Last week, earlier this year, two days ago, a year ago, last July, in mid-2015, the end of 2015.",
		"وقع في 27 آذار 2018 و ٢٧ مارس ٢٠١٨ و كانون الثاني 2017.",
		"Until March 2016 the 2014 ceasefire held; Friday prayers; Resolution 2254.",
		"29 February 2015 31/02/2016 in March 12 people, last",
		"Friday ـ and 2015 ـ", // a tatweel folds to an empty Lower
	} {
		f.Add(s, int64(0))
		f.Add(s, day(2016, time.March, 1).Unix())
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		var pub time.Time
		if unix != 0 {
			pub = time.Unix(unix%(200*365*86400), 0).UTC() // within 1770–2170
		}
		toks := Tokenize(s, 0, len(s))
		end := 0
		for _, w := range FindDates(toks, pub) {
			if w.Start < end || w.End <= w.Start || w.End > len(toks) {
				t.Fatalf("FindDates(%q): [%d:%d] after %d, of %d tokens", s, w.Start, w.End, end, len(toks))
			}
			end = w.End
			if w.Precision < DateYear || w.Precision > DateDay || w.Time.IsZero() || w.Time.Location() != time.UTC || w.Text == "" {
				t.Fatalf("FindDates(%q) = %+v", s, w)
			}
			if w.Relative && pub.IsZero() {
				t.Fatalf("FindDates(%q) resolved %q without a publication date", s, w.Text)
			}
		}
	})
}

var whenSink []When

// BenchmarkFindDates runs FindDates over every sentence of the examples.
func BenchmarkFindDates(b *testing.B) {
	files, err := filepath.Glob("../../examples/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatal("no examples", err)
	}
	var sents [][]Token
	for _, name := range files {
		text, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		s := string(text)
		for _, sn := range splitSentences(s, []Span{{0, len(s)}}, 0) {
			sents = append(sents, Tokenize(s, sn.Start, sn.End))
		}
	}
	pub := day(2016, time.March, 4)
	b.ReportAllocs()
	for b.Loop() {
		for _, toks := range sents {
			whenSink = FindDates(toks, pub)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sents)), "ns/sentence")
}
