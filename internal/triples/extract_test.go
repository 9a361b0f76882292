package triples

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/conflictkg/kg/schema"
)

func TestUnseenGroup(t *testing.T) {
	s := "Fighters of Liwa Fursan al-Haq attacked the town."
	ms := DefaultGazetteer().Mentions(Tokenize(s, 0, len(s)))
	if len(ms) == 0 || ms[0].ID != "liwa-fursan-al-haq" || ms[0].Type != "kg:ArmedGroup" {
		t.Errorf("Mentions(%q) = %+v, want the unseen group liwa-fursan-al-haq", s, ms)
	}
}

func TestParseDataErrors(t *testing.T) {
	for _, tt := range []struct {
		name, data, want string
		parse            func(string) error
	}{
		{"gazetteer fields", "a\tArmedGroup\n", "x.tsv:1: want 3 to 6", gaz},
		{"gazetteer relation", "a\tArmedGroup\tA\t\tmemberOf\n", "x.tsv:1: relation \"memberOf\"", gaz},
		{"gazetteer relation predicate", "a\tArmedGroup\tA\t\tfrobs:b\n", "x.tsv:1: relation \"frobs:b\"", gaz},
		{"gazetteer relation target", "a\tArmedGroup\tA\n\nb\tPerson\tB\t\tmemberOf:c\n", "x.tsv:3: relation target \"c\"", gaz},
		{"gazetteer retyped", "a\tArmedGroup\tA\na\tPerson\tA\n", "x.tsv:2: a is already a ArmedGroup", gaz},
		{"gazetteer type", "# c\na\tRebel\tA\n", "x.tsv:2: unknown type", gaz},
		{"gazetteer id", "A B\tState\tX\n", "x.tsv:1: id", gaz},
		{"gazetteer alias", "a\tState\tA\tB||C\n", "x.tsv:1: empty alias", gaz},
		{"lexicon predicate", "deny\tfrobs\tverb\n", "x.tsv:1: unknown predicate", lex},
		{"lexicon kind", "deny\tdenies\tadverb\n", "x.tsv:1: kind", lex},
		{"lexicon fields", "deny denies verb\n", "x.tsv:1: want 3", lex},
		{"lexicon cameo", "deny\tdenies\tverb\t12x\n", "x.tsv:1: CAMEO code \"12x\"", lex},
		{"lexicon negate", "refrain from\tattacks\tnegate\n", "x.tsv:1: a negate entry", lex},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.parse(tt.data)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to start with %q", err, tt.want)
			}
		})
	}
}

func gaz(s string) error { _, err := ParseGazetteer(strings.NewReader(s), "x.tsv"); return err }
func lex(s string) error { _, err := ParseLexicon(strings.NewReader(s), "x.tsv"); return err }

// TestInflections checks that every form of a verb is generated; forms
// that are not English (controled) may be too, as they never match.
func TestInflections(t *testing.T) {
	for lemma, want := range map[string][]string{
		"agree":    {"agree", "agrees", "agreed", "agreeing"},
		"deny":     {"deny", "denies", "denied", "denying"},
		"ban":      {"ban", "bans", "banned", "banning"},
		"control":  {"control", "controls", "controlled", "controlling"},
		"commit":   {"commit", "commits", "committed", "committing"},
		"visit":    {"visit", "visits", "visited", "visiting"},
		"begin":    {"begin", "begins", "began", "begun", "beginning"},
		"veto":     {"veto", "vetoes", "vetoed", "vetoing"},
		"shell":    {"shell", "shells", "shelled", "shelling"},
		"withdraw": {"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"},
		"besiege":  {"besiege", "besieges", "besieged", "besieging"},
		"target":   {"target", "targets", "targeted", "targeting"},
	} {
		got := inflections(lemma)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("inflections(%q) = %q, lacks %q", lemma, got, w)
			}
		}
	}
}

func TestSentences(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"plain", "Russia agreed. The group denied it.", []string{"Russia agreed.", "The group denied it."}},
		{"abbreviation", "Lt. Col. Ali said the U.S. Embassy warned them. It did.", []string{"Lt. Col. Ali said the U.S. Embassy warned them.", "It did."}},
		{"abbreviation ends sentence", "It was backed by the U.S. The group said so.", []string{"It was backed by the U.S.", "The group said so."}},
		{"quote", `"We will fight," he said. "Never."`, []string{`"We will fight," he said.`, `"Never."`}},
		{"numbers", "About 2.5 million fled. Some 470,000 died.", []string{"About 2.5 million fled.", "Some 470,000 died."}},
		{"lower case after dot", "The talks, i.e. the Geneva ones, failed.", []string{"The talks, i.e. the Geneva ones, failed."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(tt.in, []Span{{0, len(tt.in)}}, 0) {
				got = append(got, s.Text)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
	long := strings.Repeat("word ", 5000)
	for _, s := range splitSentences(long, []Span{{0, len(long)}}, 0) {
		if len(s.Text) > maxSentence {
			t.Fatalf("a sentence of %d bytes, limit %d", len(s.Text), maxSentence)
		}
	}
}

// TestCleanSeeds checks title, date and furniture removal on the examples.
func TestCleanSeeds(t *testing.T) {
	for _, tt := range []struct{ file, title, date string }{
		{"jaish-al-islam-refutes-ceasefire.txt", "Syrian rebels Jaish al-Islam refute ceasefire after regime violation", "2016-03-04"},
		{"regime-violates-de-escalation-deal-in-daraa.txt", "Regime Forces Violate De-Escalation Zone Deal in Daraa", ""},
		{"syria-forces-assault-rebel-held-douma.txt", "Syria Forces Launch Assault On Rebel-Held Douma", "2018-04-08"},
		{"jaysh-al-islam-denies-stopping-negotiations.txt", "Jaysh al-Islam denies stopping negotiations with Russia", "2018-03-27"},
		{"rebels-and-is-agree-truce-south-damascus.txt", "Rebels, IS agree to truce in south Damascus", "2015-10-04"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("../../examples", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := NewExtractor().Extract(&Article{ID: "x", Text: string(b)})
			if err != nil {
				t.Fatal(err)
			}
			date := ""
			if !doc.Date.IsZero() {
				date = doc.Date.Format("2006-01-02")
			}
			if doc.Title != tt.title || date != tt.date {
				t.Errorf("title %q, date %q; want %q, %q", doc.Title, date, tt.title, tt.date)
			}
			for _, s := range doc.Sentences {
				for _, junk := range []string{"min read", "Share this article", "[Getty]", "Like this", "Helpful keywords", "الخبر"} {
					if strings.Contains(s.Text, junk) {
						t.Errorf("furniture %q kept in sentence %d: %q", junk, s.Index, s.Text)
					}
				}
				if s.Index > 0 && s.Text == doc.Title {
					t.Errorf("repeated title kept as sentence %d", s.Index)
				}
			}
		})
	}
}

// TestGivenTitle puts a title the text lacks before it, so offsets hold.
func TestGivenTitle(t *testing.T) {
	a := &Article{ID: "x", Title: "Russia brokers truce", Text: "Wed 05 Apr 2017 Hezbollah attacked Douma."}
	doc, err := NewExtractor().Extract(a)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Sentences[0].Text != "Russia brokers truce" || doc.Text[doc.Sentences[0].Start:doc.Sentences[0].End] != doc.Sentences[0].Text {
		t.Errorf("sentence 0 = %+v", doc.Sentences[0])
	}
	if got := doc.Date.Format("2006-01-02"); got != "2017-04-05" {
		t.Errorf("date %s, want 2017-04-05 from the text's prefix", got)
	}
	if len(doc.Facts) != 2 {
		t.Errorf("facts = %+v, want 2 (brokers, attacks)", doc.Facts)
	}
}

// TestHeadlineRunIntoBody: FA-KES texts start with a date and the headline,
// then the body on the same line.
func TestHeadlineRunIntoBody(t *testing.T) {
	a := &Article{ID: "x", Title: "Syria attack symptoms consistent with nerve agent use WHO",
		Text: "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO. Victims of a suspected attack. The WHO said so."}
	doc, err := NewExtractor().Extract(a)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range doc.Sentences {
		got = append(got, s.Text)
	}
	want := []string{"Syria attack symptoms consistent with nerve agent use WHO", "Victims of a suspected attack.", "The WHO said so."}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("sentences (-want +got):\n%s", d)
	}
	if doc.Title != want[0] || doc.Date.Format("2006-01-02") != "2017-04-05" {
		t.Errorf("title %q date %v", doc.Title, doc.Date)
	}
}

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("../../examples/*.txt")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		f.Add(string(b))
	}
	f.Add("Rebels, IS agree to truce. It was brokered by the U.S.-Russia- and ")
	f.Add("U.S.-\n-al-'s n't ...!? \"“” [ ] denied denied by by by")
	x := NewExtractor()
	f.Fuzz(func(t *testing.T, text string) {
		// Readers reject invalid UTF-8 before extraction; repair it here
		// so that every input exercises the extractor.
		text = strings.ToValidUTF8(text, "\uFFFD")
		doc, err := x.Extract(&Article{ID: "f", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range doc.Sentences {
			if s.Start < 0 || s.End > len(doc.Text) || s.Start > s.End || doc.Text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d has bad offsets %d:%d", s.Index, s.Start, s.End)
			}
		}
		for _, fc := range doc.Facts {
			s := doc.Sentences[fc.Sentence]
			for _, sp := range []Span{fc.SubjSpan, fc.ObjSpan, fc.RelSpan} {
				if sp.Start < s.Start || sp.End > s.End || sp.Start >= sp.End {
					t.Fatalf("fact span %v outside sentence %d:%d", sp, s.Start, s.End)
				}
			}
		}
		_ = IRIs{}.Quads(doc)
	})
}

// A fact records who the sentence says asserts it, and whether it is
// hedged; the speaker is never the subject of what they report.
func TestAttribution(t *testing.T) {
	tests := []struct {
		text   string
		fact   string // subject predicate object of the fact looked at
		source string // entity id of the asserter, "" for the article's own voice
		hedged bool
	}{
		{"The Syrian Observatory for Human Rights said Jaish al-Islam shelled Damascus.", "jaish-al-islam kg:shells damascus", "syrian-observatory", false},
		{"Jaish al-Islam shelled Damascus, the Observatory said.", "jaish-al-islam kg:shells damascus", "syrian-observatory", false},
		{"Jaish al-Islam shelled Damascus, according to SANA.", "jaish-al-islam kg:shells damascus", "sana", false},
		{"Jaish al-Islam reportedly shelled Damascus.", "jaish-al-islam kg:shells damascus", "", true},
		{"Jaish al-Islam shelled Damascus.", "jaish-al-islam kg:shells damascus", "", false},
		{"The United States, which backs the rebels, met Russia.", "united-states kg:supports rebels", "", false},
	}
	x := NewExtractor()
	for _, tt := range tests {
		doc, err := x.Extract(&Article{ID: "a", Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, f := range doc.Facts {
			if f.Subject.ID+" "+f.Predicate+" "+f.Object.ID != tt.fact {
				if f.Source != nil && f.Subject.ID == f.Source.ID && f.Source.Kind() == "actor" && f.Source.Type == schema.MediaOutlet {
					t.Errorf("%q: the speaker %s is the subject of what it reports: %s %s", tt.text, f.Source.ID, f.Predicate, f.Object.ID)
				}
				continue
			}
			found = true
			src := ""
			if f.Source != nil {
				src = f.Source.ID
			}
			if src != tt.source || f.Hedged != tt.hedged {
				t.Errorf("%q: %s asserted by %q, hedged %v; want %q, %v", tt.text, tt.fact, src, f.Hedged, tt.source, tt.hedged)
			}
		}
		if !found {
			t.Errorf("%q: no fact %s among %v", tt.text, tt.fact, factKeys(doc))
		}
	}
}

// hasFact reports whether facts holds "s p o", or "o p s" for a symmetric p.
func hasFact(facts []string, f string) bool {
	if slices.Contains(facts, f) {
		return true
	}
	w := strings.Fields(f)
	p, ok := schema.LookupPredicate(w[1])
	return ok && p.Symmetric && slices.Contains(facts, w[2]+" "+w[1]+" "+w[0])
}

// expectFacts reports the facts of want missing from got and those of not
// present in it; label, if not empty, names the text they come from.
func expectFacts(t *testing.T, label string, got, want, not []string) {
	t.Helper()
	if label != "" {
		label = fmt.Sprintf("%q: ", label)
	}
	for _, w := range want {
		if !hasFact(got, w) {
			t.Errorf("%sno fact %s among %v", label, w, got)
		}
	}
	for _, n := range not {
		if hasFact(got, n) {
			t.Errorf("%swrong fact %s among %v", label, n, got)
		}
	}
}

func factKeys(doc *Document) []string {
	var out []string
	for _, f := range doc.Facts {
		out = append(out, f.Subject.ID+" "+f.Predicate+" "+f.Object.ID)
	}
	return out
}

// TestClauses checks the rules of the clause stage (clauses.go) one
// sentence at a time: the facts each must give and those it must not.
func TestClauses(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string // "subject predicate object"
	}{
		{"headline coordination", "Rebels, IS agree to truce in south Damascus",
			[]string{"rebels kg:agreesTo ceasefire", "islamic-state kg:agreesTo ceasefire"}, nil},
		{"quantity and agent nouns", "Earlier, thousands of civilians and fighters from the Ahrar al-Sham Islamic Movement exited from the city of Harasta.",
			[]string{"ahrar-al-sham kg:evacuates harasta"}, nil},
		{"passive with coordinated agents", "A truce brokered by Russia and Turkey took effect.",
			[]string{"russia kg:brokers ceasefire", "turkey kg:brokers ceasefire"}, nil},
		{"relative clause subject", "Russia, which backs the Assad regime, met the United States.",
			[]string{"russia kg:supports syrian-government"}, []string{"syrian-government kg:meetsWith united-states"}},
		{"leaving dead", "Activists said rebels thwarted the attack, leaving 15 ISIS militants dead.",
			[]string{"rebels kg:kills islamic-state"}, []string{"rebels kg:evacuates islamic-state"}},
		{"apposition", "The group wants to stay, according to Mohammad Alloush, a representative for Jaish al-Islam.",
			[]string{"mohammed-alloush kg:spokespersonOf jaish-al-islam"}, nil},
		{"title", "Kremlin spokesman Dmitry Peskov expressed condolences.",
			[]string{"dmitry-peskov kg:spokespersonOf russian-government"}, nil},
		{"title not across a verb", "Large populations are under the control of rebels opposed to President Bashar al-Assad.",
			[]string{"bashar-al-assad kg:leads syrian-government"}, []string{"bashar-al-assad kg:leads rebels"}},
		{"condition", "Russia said it will not help if the regime insists on violating the cease-fire deal.",
			nil, []string{"syrian-government kg:violates ceasefire"}},
		{"dateline agency", "AFP Tuesday 23 Sep 2014 US air strikes killed 50 Al-Qaeda militants in northern Syria.",
			[]string{"united-states kg:kills al-qaeda"}, []string{"afp kg:kills al-qaeda"}},
		{"site name", "Massive Daesh bomb attack kills 44 in Syrian Kurdish city | Jordan Times",
			nil, []string{"islamic-state kg:attacks jordan", "islamic-state kg:kills jordan"}},
		{"part of a place", "Regime forces took positions on the outskirts of Douma.",
			nil, []string{"syrian-government kg:captures douma"}},
		{"participle compound modifies", "Syrian regime helicopters on Monday dropped barrel bombs on an opposition-held district in northern Aleppo city.",
			nil, []string{"syrian-government kg:bombs syrian-opposition"}},
		{"territory is a place", "An overnight airstrike carried out by the U.S.-led coalition struck an eastern Syrian town held by Daesh.",
			nil, []string{"islamic-state kg:controls global-coalition"}},
		{"aim after for", "The SDF has been locked in battle for control of the Daesh stronghold of Manbij.",
			nil, []string{"syrian-democratic-forces kg:controls manbij"}},
		{"US-led is the coalition", "US-led strikes on the northern province of Raqa killed more than 20 Islamic State jihadists.",
			[]string{"global-coalition kg:kills islamic-state"}, []string{"united-states kg:kills islamic-state"}},
		{"aim verb", "IS has tried to advance on rebel territory in Aleppo province for several months.",
			nil, []string{"islamic-state kg:attacks rebels"}},
		{"anti- modifies", "The monitoring group said the anti-regime fighters were travelling by bus to Turkey then back into Syria.",
			nil, []string{"syrian-government kg:supports syria"}},
		{"place after a direction", "Turkey and the US do not see eye to eye on Washington's support for Kurdish militants in northern Syria.",
			nil, []string{"united-states kg:supports syria"}},
		{"speaker is no object", "An airstrike struck a town held by Daesh, killing at least 10 people and wounding dozens, opposition activists said.",
			nil, []string{"islamic-state kg:kills syrian-opposition"}},
		{"pronoun after the speaker", "Rebels shelled the city. The Hezbollah said it had taken control of the plain in cooperation with the Syrian army.",
			[]string{"hezbollah kg:cooperatesWith syrian-government"}, []string{"rebels kg:cooperatesWith syrian-government"}},
		{"a verb inside a name", "More recently DAESH has also lost territory to Turkish-backed Free Syria Army (FSA) fighters.",
			[]string{"turkey kg:supports free-syrian-army"}, []string{"islamic-state kg:releases free-syrian-army"}},
		{"place that names a part", "A deal will see rebels evacuated to Idlib from the Damascus suburb of Qudsaya.",
			nil, []string{"rebels kg:evacuates damascus"}},
		{"passive object is not a point of reference", "Fighters left Madaya, a town near Damascus besieged by government forces.",
			[]string{"syrian-government kg:besieges madaya"}, []string{"syrian-government kg:besieges damascus"}},
		{"noun with its agent after", "Manbij, a key IS stronghold, has been repeatedly targeted in raids by the US-led coalition.",
			nil, []string{"islamic-state kg:attacks global-coalition"}},
		{"in support of", "Russia began air strikes last September in support of Assad.",
			[]string{"russia kg:supports bashar-al-assad"}, nil},
		{"fighting to", "In Syria the SDF is now fighting to recapture the town of Tabqa from the group.",
			nil, []string{"syrian-democratic-forces kg:captures tabqa"}},
		{"province of a city", "Russian jets dropped bombs in the Syrian province of Deir ez-Zor.",
			[]string{"russia kg:bombs deir-ez-zor-province"}, []string{"russia kg:bombs deir-ez-zor"}},
		{"affiliate named by its parent", "Idlib is held by Al Qaeda affiliate Al Nusra Front and its allies.",
			[]string{"al-nusra-front kg:controls idlib"}, []string{"al-qaeda kg:controls idlib"}},
		{"backer named with whom it backs", "The evacuation brokered by regime ally Iran and rebel backer Qatar begins today.",
			[]string{"iran kg:brokers evacuation-deal", "qatar kg:brokers evacuation-deal"}, []string{"rebels kg:brokers evacuation-deal", "syrian-government kg:brokers evacuation-deal"}},
		{"warned against", "Moscow warns against new US missile strikes on Syria.",
			nil, []string{"united-states kg:bombs syria"}},
		{"places are no subjects", "At least 30 militants operating in Iraq and Syria were killed in clashes with Kurdish troops.",
			nil, []string{"iraq kg:fights syria"}},
		{"he after an unknown name", "Rami Abdel Rahman spoke. Syrian Suri real name Radwan Nammous fought in Afghanistan where he met Al-Qaeda leader Osama bin Laden.",
			nil, []string{"rami-abdulrahman kg:meetsWith al-qaeda"}},
		{"known as", "Since spring 2015 most of Idlib province has been held by an alliance of rebels Islamists and jihadists known as the Army of Conquest.",
			[]string{"jaish-al-fatah kg:controls idlib-province"}, []string{"rebels kg:controls idlib-province"}},
		{"direction of a place", "ISIL seized control of several villages in the countryside northwest of Manbij on Thursday.",
			nil, []string{"islamic-state kg:controls manbij", "islamic-state kg:captures manbij"}},
		{"pronoun of an unknown group", "Rebels shelled Idlib. The Sawaiq al-Rahman brigade announced on Monday that it had killed six Nusra Front fighters.",
			nil, []string{"rebels kg:kills al-nusra-front"}},
		{"demonym of a group", "Syrian forces were backed by the Lebanese terrorist group Hezbollah.",
			[]string{"hezbollah kg:supports syrian-government"}, []string{"lebanon kg:supports syrian-government"}},
		{"a name inside a longer name", "Regime jets bombed the neighbourhood of Tareeq al-Bab in Aleppo.",
			nil, []string{"syrian-government kg:bombs al-bab"}},
		{"possessive without apostrophe", "Russian aircraft targeted Jeish al-Fatahs positions in Aleppo.",
			[]string{"russia kg:targets jaish-al-fatah"}, nil},
		{"rural city is the province", "Nine civilians killed in regime airstrikes on Rural Homs.",
			[]string{"syrian-government kg:bombs homs-province"}, []string{"syrian-government kg:bombs homs"}},
		{"the article names the province", "Regime bombing in Idlib kills civilians\n\nWarplanes struck the town of Khan Sheikhun in Idlib province.",
			[]string{"syrian-government kg:bombs idlib-province"}, []string{"syrian-government kg:bombs idlib"}},
		{"the article names the city", "Regime bombing in Idlib kills civilians\n\nWarplanes struck the city of Idlib, the capital of Idlib province.",
			[]string{"syrian-government kg:bombs idlib"}, nil},
		{"operation to seize control", "The SDF launched an operation to seize control over Raqqa in November.",
			nil, []string{"syrian-democratic-forces kg:controls raqqa", "syrian-democratic-forces kg:captures raqqa"}},
		{"victims are no strikers", "Twenty jihadists of Al-Nusra and Jund al-Aqsa were killed in strikes on positions in Idleb province, the Observatory said.",
			nil, []string{"al-nusra-front kg:bombs syrian-observatory", "jund-al-aqsa kg:bombs syrian-observatory"}},
		{"victims of a passive without be", "Al-Nusra Front and rebel fighters killed in battles against ISIL.",
			nil, []string{"al-nusra-front kg:kills islamic-state", "rebels kg:kills islamic-state"}},
		{"the striker after the victims", "Ten civilians were killed in Russian airstrikes on Aleppo.",
			[]string{"russia kg:bombs aleppo"}, nil},
		{"killed in clashes fought", "At least 34 ISIL fighters were killed in clashes with the Syrian Democratic Forces.",
			[]string{"islamic-state kg:fights syrian-democratic-forces"}, nil},
		{"forces loyal to a leader", "Government forces loyal to President Bashar Assad are fighting numerous opposition factions.",
			[]string{"syrian-government kg:fights syrian-opposition"}, []string{"bashar-al-assad kg:fights syrian-opposition"}},
		{"a place near", "Regime forces wrested control over the Mallah farms near the northwestern city of Aleppo.",
			nil, []string{"syrian-government kg:captures aleppo"}},
		{"urged to stop crimes by", "The Syrian Coalition urged the international community to stop crimes by the regime and Russia.",
			nil, []string{"national-coalition kg:demands syrian-government", "national-coalition kg:demands russia"}},
		{"the speaker of a passive", "The Observatory said two children were killed by regime bombs.",
			nil, []string{"syrian-government kg:kills syrian-observatory"}},
		{"push back", "Rebel forces are battling to push back regime advances.",
			nil, []string{"rebels kg:supports syrian-government"}},
		{"prepared for", "The bombings came as rebel groups on the ground prepared for fresh assaults on regime positions.",
			nil, []string{"rebels kg:attacks syrian-government"}},
		{"pushes for approval for", "The report comes as the United States pushes for congressional approval for military strikes on Syria.",
			nil, []string{"united-states kg:bombs syria"}},
		{"whether", "The U.S. Congress debates whether to allow limited strikes on Syria.",
			nil, []string{"united-states kg:bombs syria"}},
		{"unless", "Russia threatened the rebels with death unless they agreed to a reconciliation deal.",
			nil, []string{"rebels kg:agreesTo agreement"}},
		{"a prediction", "The minister said government forces will soon take full control of the militant-held areas of Aleppo.",
			nil, []string{"syrian-government kg:controls aleppo", "syrian-government kg:captures aleppo"}},
		{"purportedly far after", "Four children died in overnight airstrikes on the town of Armanaz in Idlib province purportedly carried out by Syrian regime jets.",
			nil, nil},
		{"fighting alongside", "The rebels are fighting alongside the al Qaeda-affiliated Nusra Front.",
			nil, []string{"rebels kg:fights al-nusra-front"}},
		{"partially controlled", "Aleppo is partially controlled by Jabhat Fatah al Sham.",
			nil, []string{"jabhat-fateh-al-sham kg:controls aleppo", "al-nusra-front kg:controls aleppo"}},
		{"north of a city", "Meanwhile a Russian warplane targeted north of Idlib city with four airstrikes.",
			nil, []string{"russia kg:targets idlib"}},
		{"outskirts", "At least 22 civilians have been killed by Syrian regime airstrikes on the outskirts of Damascus on Monday.",
			nil, []string{"syrian-government kg:bombs damascus"}},
		{"warns that", "Hadi al-Bahra warns that the Assad regime will repeat such brutal aerial shelling.",
			nil, []string{"hadi-al-bahra kg:warns syrian-government"}},
		{"accused of doing", "Rebels accuse the powerful Kurdish YPG of working with the Syrian army to cut the main artery.",
			[]string{"ypg kg:cooperatesWith syrian-government"}, []string{"rebels kg:cooperatesWith syrian-government"}},
		{"a country modifying a noun", "Syria fighting kills 132 Islamic State fighters.",
			nil, []string{"syria kg:kills islamic-state", "syria kg:fights islamic-state"}},
		{"militias from states", "The civil war pits Bashar al Assad backed by Russia Iran and Shia Muslim militias from Lebanon Iraq and Afghanistan against rebels.",
			[]string{"iran kg:supports bashar-al-assad"}, []string{"iraq kg:supports bashar-al-assad", "lebanon kg:supports bashar-al-assad"}},
		{"a demonym's allies", "Bombing resumed as the government and its Russian allies abandoned a ceasefire.",
			[]string{"russia kg:violates ceasefire"}, nil},
		{"it is the sentence's subject", "The regime has stepped up air attacks in Aleppo province killing 57 civilians when it dropped container bombs on the IS-held town of Al-Bab.",
			[]string{"syrian-government kg:bombs al-bab"}, []string{"islamic-state kg:bombs al-bab", "rebels kg:bombs al-bab"}},
		{"advancing towards is no attack", "Opposition fighters advance towards Azaz city in the northern Aleppo countryside.",
			nil, []string{"syrian-opposition kg:attacks azaz", "rebels kg:attacks azaz"}},
		{"aim", "A regime campaign to fully capture Aleppo would bury what little hope remains.",
			nil, []string{"syrian-government kg:captures aleppo"}},
	}
	x := NewExtractor()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract(&Article{ID: "a", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			got := factKeys(doc)
			expectFacts(t, "", got, tt.want, tt.not)
		})
	}
}

func TestHedged(t *testing.T) {
	for _, text := range []string{
		"The Syrian regime has been accused of dropping barrel bombs on the town of Daraya on Friday.",
		"Abu Osama was killed in what is believed to have been US airstrikes in Hasakeh.",
	} {
		doc, err := NewExtractor().Extract(&Article{ID: "a", Text: "Headline\n\n" + text})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range doc.Facts {
			if f.Predicate == schema.Bombs && !f.Hedged {
				t.Errorf("%q: %s %s %s: not hedged", text, f.Subject.ID, f.Predicate, f.Object.ID)
			}
		}
		if len(doc.Facts) == 0 {
			t.Errorf("%q: no fact", text)
		}
	}
}
