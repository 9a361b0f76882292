package triples

import (
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/conflictkg/kg/schema"
)

// TestSpellingFamilies checks that every spelling of a name finds one
// entity, whether looked up whole or found in a sentence.
func TestSpellingFamilies(t *testing.T) {
	g := DefaultGazetteer()
	for _, tt := range []struct {
		id    string
		names []string
	}{
		{"jaish-al-islam", []string{"Jaish al-Islam", "Jaysh al-Islam", "Jaysh-al-Islam", "Jaish al Islam", "Jeish al-Islam", "jaish al-islam", "Jaish el-Islam", "Army of Islam", "جيش الإسلام", "جيش الاسلام"}},
		{"mohammed-alloush", []string{"Mohammed Alloush", "Mohamad Alloush", "Mohammad Alloush", "Muhammad Alloush", "Muhammad Allouch", "Mohammed Aloush", "Mohamed Allouch"}},
		{"zahran-alloush", []string{"Zahran Alloush", "Zahran Allouch", "Zahran Aloush"}},
		{"islamic-state", []string{"IS", "ISIS", "ISIL", "Islamic State", "Daesh", "Islamic State group"}},
		{"united-states", []string{"US", "U.S.", "United States", "Washington", "USA"}},
		{"syrian-government", []string{"regime", "Syrian regime", "Syrian government", "Assad forces", "Assad's forces", "regime forces", "Assad regime"}},
		{"russia", []string{"Russia", "Moscow", "Russian Federation"}},
		{"jaish-khalid-bin-walid", []string{"Jaish Khalid bin Walid", "Jaish Khaled bin Walid", "Jaysh Khalid bin al-Walid", "Jaish Khalid ibn al-Walid"}},
		{"ahrar-al-sham", []string{"Ahrar al-Sham", "Ahrar as-Sham", "Ahrar ash-Sham", "Ahrar el-Sham", "Ahrar al Sham"}},
		{"al-nusra-front", []string{"al-Nusra Front", "Nusra Front", "Jabhat al-Nusra", "Jabhat al-Nusrah"}},
		{"hezbollah", []string{"Hezbollah", "Hizbollah", "Hizballah", "Hizbullah"}},
		{"aleppo", []string{"Aleppo", "ḥalab", "Halab"}},
		{"douma", []string{"Douma", "Duma", "دوما"}},
	} {
		for _, n := range tt.names {
			if e, ok := g.Lookup(n); !ok || e.ID != tt.id {
				t.Errorf("Lookup(%q) = %q, %v; want %q", n, e.ID, ok, tt.id)
			}
		}
	}
}

// TestMentionsInContext checks demonyms, metonyms and names inside
// sentences: what the sentence's mention resolves to.
func TestMentionsInContext(t *testing.T) {
	g := DefaultGazetteer()
	for _, tt := range []struct {
		sentence, text, id, match string
	}{
		{"Russian warplanes struck Douma on Monday.", "Russian warplanes", "russian-government", MatchGazetteer},
		{"Washington said the talks would resume.", "Washington", "united-states", MatchGazetteer},
		{"The regime shelled Harasta.", "The regime", "syrian-government", MatchGazetteer},
		{"Assad forces advanced on Douma.", "Assad forces", "syrian-government", MatchGazetteer},
		{"Moscow denied the report.", "Moscow", "russia", MatchGazetteer},
		{"Meanwhile Jaish al-Islam said it would not leave.", "Jaish al-Islam", "jaish-al-islam", MatchGazetteer},
		{"Fighters of Liwa Fursan al-Haq withdrew.", "Liwa Fursan al-Haq", "liwa-fursan-al-haq", MatchNew},
		{"The Yarmouk Valley Martyrs Brigade clashed with rebels.", "Yarmouk Valley Martyrs Brigade", "yarmouk-valley-martyrs-brigade", MatchNew},
	} {
		toks := Tokenize(tt.sentence, 0, len(tt.sentence))
		var found *Mention
		for _, m := range g.Mentions(toks) {
			if m.Text == tt.text {
				found = &m
			}
		}
		if found == nil || found.ID != tt.id || found.Match != tt.match {
			t.Errorf("%q: mention %q = %+v, want %s by %s", tt.sentence, tt.text, found, tt.id, tt.match)
		}
	}
}

// TestLookAlikes checks that similar names of different entities stay apart,
// and that words resembling names are not taken for them.
func TestLookAlikes(t *testing.T) {
	g := DefaultGazetteer()
	for _, p := range [][2]string{
		{"Jaish al-Islam", "Jaish al-Fatah"}, {"Jaish al-Islam", "Jaish Khalid bin Walid"}, {"Jaish al-Fatah", "Jaish Khalid bin Walid"},
		{"Zahran Alloush", "Mohammed Alloush"}, {"Syrian government", "Syria"}, {"Ahrar al-Sham", "Hayat Tahrir al-Sham"},
		{"Bashar al-Assad", "Syrian government"}, {"Russia", "Russian government"},
	} {
		a, okA := g.Lookup(p[0])
		b, okB := g.Lookup(p[1])
		if !okA || !okB || a.ID == b.ID {
			t.Errorf("%q (%q, %v) and %q (%q, %v) should be two known entities", p[0], a.ID, okA, p[1], b.ID, okB)
		}
	}
	for _, name := range []string{"Inquiry", "élan", "Rose", "Islam", "Army", "Front"} {
		if e, ok := g.Lookup(name); ok {
			t.Errorf("Lookup(%q) = %q, want nothing", name, e.ID)
		}
	}
	for _, s := range []string{
		"This is a truce",              // lower-case "is" is not Islamic State
		"The Army Checkpoint was hit.", // an English head first is no name
		"Related Syrian Army Kills Wounds Dozens Daesh Militants", // a title-case headline
	} {
		for _, m := range g.Mentions(Tokenize(s, 0, len(s))) {
			if m.ID == "islamic-state" && m.Text != "Daesh" || m.Match == MatchNew {
				t.Errorf("%q: spurious mention %q (%s, %s)", s, m.Text, m.ID, m.Match)
			}
		}
	}
}

// TestExtend checks that a gazetteer file adds to the built-in one without
// changing it, and that a file with an error adds nothing.
func TestExtend(t *testing.T) {
	base := DefaultGazetteer()
	g, err := base.Extend(strings.NewReader("liwa-al-tawhid\tArmedGroup\tLiwa al-Tawhid\tTawhid Brigade\tmemberOf:free-syrian-army\tAleppo.\njaish-al-islam\tArmedGroup\tJaish al-Islam\tIslam Army\n"), "x.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Tawhid Brigade": "liwa-al-tawhid", "Islam Army": "jaish-al-islam", "Jaysh al-Islam": "jaish-al-islam"} {
		if e, _ := g.Lookup(name); e.ID != want {
			t.Errorf("extended: Lookup(%q) = %q, want %q", name, e.ID, want)
		}
	}
	if e, ok := base.Lookup("Tawhid Brigade"); ok {
		t.Errorf("the built-in gazetteer changed: Lookup(Tawhid Brigade) = %q", e.ID)
	}
	if _, err := base.Extend(strings.NewReader("liwa-al-tawhid\tArmedGroup\tLiwa al-Tawhid\nx\tRebels\tX\n"), "bad.tsv"); err == nil || !strings.HasPrefix(err.Error(), "bad.tsv:2: ") {
		t.Errorf("bad file: err = %v, want bad.tsv:2: ...", err)
	}
	if _, ok := base.Lookup("Liwa al-Tawhid"); ok {
		t.Error("a bad file left an entry in the built-in gazetteer")
	}
}

// FuzzParseDefinitions checks that gazetteer and lexicon files never crash
// the parsers, and that an error names the file and a line.
func FuzzParseDefinitions(f *testing.F) {
	f.Add("jaish-al-islam\tArmedGroup\tJaish al-Islam\tArmy of Islam|جيش الإسلام\tbackedBy:saudi-arabia\tA note.\n")
	f.Add("refrain from\t-\tnegate\n# c\nagree to\tagreesTo\tverb\t031,057\n")
	f.Add("a\tPerson\tA\t\tmemberOf:a\n\x00\t\t\n")
	f.Fuzz(func(t *testing.T, data string) {
		g, err := DefaultGazetteer().Extend(strings.NewReader(data), "f.tsv")
		if err != nil && !strings.HasPrefix(err.Error(), "f.tsv:") {
			t.Errorf("gazetteer error without position: %v", err)
		}
		if err == nil {
			g.Mentions(Tokenize(data, 0, len(data)))
		}
		l, err := DefaultLexicon().Extend(strings.NewReader(data), "f.tsv")
		if err != nil && !strings.HasPrefix(err.Error(), "f.tsv:") {
			t.Errorf("lexicon error without position: %v", err)
		}
		if err == nil {
			l.Triggers(Tokenize(data, 0, len(data)))
		}
	})
}

// TestGazetteerData checks the size and shape of the built-in gazetteer.
func TestGazetteerData(t *testing.T) {
	actors, arabic, relations, notes := 0, 0, 0, 0
	for _, e := range DefaultGazetteer().Entries() {
		if e.IsActor() {
			actors++
		}
		for _, a := range e.Aliases {
			if nameLiteral(a) != quad.String(a) {
				arabic++
				break
			}
		}
		relations += len(e.Relations)
		if e.Type == schema.Person && e.Note != "" {
			notes++
		}
	}
	if actors < 200 || arabic < 50 || relations < 200 || notes < 100 {
		t.Errorf("%d actors, %d with an Arabic name, %d relations, %d persons with a role; want at least 200, 50, 200, 100", actors, arabic, relations, notes)
	}
	g := DefaultGazetteer()
	for _, want := range []struct{ from, pred, to string }{
		{"mohammed-alloush", schema.MemberOf, "jaish-al-islam"},
		{"zahran-alloush", schema.Leads, "jaish-al-islam"},
		{"jaish-khalid-bin-walid", schema.AffiliatedWith, "islamic-state"},
	} {
		i := g.byID[want.from]
		if !slices.Contains(g.entries[i].Relations, Relation{want.pred, want.to}) {
			t.Errorf("%s lacks %s %s: %v", want.from, want.pred, want.to, g.entries[i].Relations)
		}
	}
}
