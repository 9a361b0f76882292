package triples

import (
	"testing"
)

// TestRoles checks the rules of roles.go one sentence at a time: the facts
// each must give (with "neg" after a negated one) and those it must not.
func TestRoles(t *testing.T) {
	tests := []struct {
		name      string
		text      []string // sentences of one article; the facts are those of the last
		want, not []string // "subject predicate object", "... neg"
	}{
		// Titles.
		{"title in the gazetteer's name", []string{"Rebels fought units loyal to Syrian President Bashar al-Assad."},
			[]string{"bashar-al-assad kg:leads syrian-government"}, nil},
		{"title at the sentence start", []string{"Syrian President Bashar al-Assad met Vladimir Putin."},
			[]string{"bashar-al-assad kg:leads syrian-government"}, nil},
		{"title with an of-phrase", []string{"Leader of Jaish al-Islam Zahran Alloush was killed."},
			[]string{"zahran-alloush kg:leads jaish-al-islam"}, nil},
		{"title through another noun", []string{"Jaish al-Islam denied the reports.", "Head of the group's political office Mohammed Alloush said so."},
			[]string{"mohammed-alloush kg:memberOf jaish-al-islam"}, []string{"mohammed-alloush kg:leads jaish-al-islam"}},
		{"no title across a verb", []string{"Members of Jaish al-Islam met Mohammed Alloush."},
			nil, []string{"mohammed-alloush kg:memberOf jaish-al-islam", "mohammed-alloush kg:leads jaish-al-islam"}},

		// Appositions.
		{"branch with a bracketed acronym", []string{"Jaish Khaled bin Walid, an Islamic State (ISIS) branch in southern Syria, attacked rebels."},
			[]string{"jaish-khalid-bin-walid kg:memberOf islamic-state"}, []string{"jaish-khalid-bin-walid kg:memberOf syria"}},
		{"compound role", []string{"Mohammed Alloush, chief negotiator for the Syrian opposition, spoke."},
			[]string{"mohammed-alloush kg:memberOf syrian-opposition"}, []string{"mohammed-alloush kg:leads syrian-opposition"}},
		{"backer", []string{"Iran, a key backer of the Syrian regime, sent troops."},
			[]string{"iran kg:supports syrian-government"}, nil},

		// Copulas.
		{"copula", []string{"Ahrar al-Sham is a member of the Islamic Front."},
			[]string{"ahrar-al-sham kg:memberOf islamic-front"}, nil},
		{"copula with the rebel group", []string{"Jaish al-Islam refutes ceasefire", "They are one of the largest rebel outfits.", "The rebel group was a key member of the opposition council."},
			[]string{"jaish-al-islam kg:memberOf syrian-opposition"}, []string{"rebels kg:memberOf syrian-opposition"}},
		{"negated copula", []string{"Ahrar al-Sham is no longer a member of the Islamic Front."},
			[]string{"ahrar-al-sham kg:memberOf islamic-front neg"}, []string{"ahrar-al-sham kg:memberOf islamic-front"}},
		{"relative copula and talks", []string{"Mohammed Alloush, who was also chief negotiator for the Syrian opposition during talks in Geneva with the regime, spoke."},
			[]string{"mohammed-alloush kg:memberOf syrian-opposition", "mohammed-alloush kg:negotiatesWith syrian-government"},
			[]string{"mohammed-alloush kg:leads syrian-opposition", "syrian-opposition kg:negotiatesWith syrian-government"}},
		{"copula backer", []string{"Russia is the main backer of the Syrian regime."},
			[]string{"russia kg:supports syrian-government"}, nil},
		{"copula branch", []string{"The Nusra Front is a branch of al-Qaeda."},
			[]string{"al-nusra-front kg:memberOf al-qaeda"}, nil},
		{"a branch in a country", []string{"Jaish Khaled bin Walid is a branch in Syria."},
			nil, []string{"jaish-khalid-bin-walid kg:memberOf syria"}},

		// Allies.
		{"its ally", []string{"The strikes were carried out by Syrian government warplanes or those of its ally, Russia."},
			[]string{"russia kg:alliedWith syrian-government"}, nil},
		{"their ally", []string{"Jaish al-Islam described it as a massacre by the Assad militias and their ally the Russian warplanes."},
			[]string{"russian-government kg:alliedWith syrian-government"}, []string{"russian-government kg:alliedWith jaish-al-islam"}},
		{"allies listed", []string{"The deal was backed by the regime and its close allies Russia and Iran."},
			[]string{"russia kg:alliedWith syrian-government", "iran kg:alliedWith syrian-government"}, nil},
		{"possessive backer", []string{"Hezbollah fought beside the regime's backer Iran."},
			[]string{"iran kg:supports syrian-government"}, nil},

		// Inclusion and alliances.
		{"includes a commander of", []string{"The civil committee of Douma includes a military commander of Jaysh-al-Islam, a member of the unified leadership of Eastern Ghouta, and civilian representatives."},
			[]string{"jaish-al-islam kg:memberOf douma-civil-committee"}, []string{"eastern-ghouta kg:memberOf douma-civil-committee"}},
		{"includes groups", []string{"The Islamic Front includes Ahrar al-Sham and Jaish al-Islam."},
			[]string{"ahrar-al-sham kg:memberOf islamic-front", "jaish-al-islam kg:memberOf islamic-front"}, nil},
		{"includes a place", []string{"The truce covers Eastern Ghouta, which includes Douma and Harasta."},
			nil, []string{"douma kg:memberOf eastern-ghouta"}},
		{"alliance, the largest of them", []string{"Jaish Khaled bin Walid was formed in May 2016, and is an alliance of several jihadist groups, the largest of them the Yarmouk Martyrs Brigade, which is listed by Washington as a terrorist group."},
			[]string{"yarmouk-martyrs-brigade kg:memberOf jaish-khalid-bin-walid", "united-states kg:designatesAsTerrorist yarmouk-martyrs-brigade"},
			[]string{"united-states kg:designatesAsTerrorist jaish-khalid-bin-walid"}},
		{"coalition of", []string{"Jaish al-Fatah, a coalition of Ahrar al-Sham and the Nusra Front, took Idlib."},
			[]string{"ahrar-al-sham kg:memberOf jaish-al-fatah", "al-nusra-front kg:memberOf jaish-al-fatah"}, nil},

		// Designations.
		{"active designation", []string{"The United States designated Hayat Tahrir al-Sham as a terrorist organisation."},
			[]string{"united-states kg:designatesAsTerrorist hayat-tahrir-al-sham"}, nil},
		{"reduced passive designation", []string{"Its affiliate the PKK listed as a terrorist organisation by Turkey, the US and the EU."},
			[]string{"turkey kg:designatesAsTerrorist pkk", "united-states kg:designatesAsTerrorist pkk", "european-union kg:designatesAsTerrorist pkk"}, nil},
		{"designation without as", []string{"Washington designated the Nusra Front a foreign terrorist organization in 2012."},
			[]string{"united-states kg:designatesAsTerrorist al-nusra-front"}, nil},
		{"terrorists nearby", []string{"Russia considered strikes on IS terrorists in Raqqa."},
			nil, []string{"russia kg:designatesAsTerrorist islamic-state"}},
		{"negated designation", []string{"Ahrar al-Sham is not listed by Washington as a terrorist group."},
			[]string{"united-states kg:designatesAsTerrorist ahrar-al-sham neg"}, []string{"united-states kg:designatesAsTerrorist ahrar-al-sham"}},
		{"no designator", []string{"The Yarmouk Martyrs Brigade is listed as a terrorist group."},
			nil, []string{"yarmouk-martyrs-brigade kg:designatesAsTerrorist yarmouk-martyrs-brigade"}},

		// Participles.
		{"opposed to", []string{"Large populations are under the control of rebels opposed to President Bashar al-Assad."},
			[]string{"rebels kg:opposes bashar-al-assad"}, nil},
		{"not opposed to", []string{"Ahrar al-Sham is not opposed to Turkey."},
			[]string{"ahrar-al-sham kg:opposes turkey neg"}, []string{"ahrar-al-sham kg:opposes turkey"}},
		{"allied with", []string{"Rebels hit a base used by Russian forces allied with the regime."},
			[]string{"russian-government kg:alliedWith syrian-government"}, nil},
		{"loyal to the leader", []string{"Syrian government forces loyal to President Bashar al-Assad attacked Douma."},
			nil, []string{"syrian-government kg:affiliatedWith bashar-al-assad"}},

		// Loyalists, units and parts.
		{"loyalist militia", []string{"Shabiha is an armed loyalist militia that has been active since 2011."},
			[]string{"shabiha kg:affiliatedWith syrian-government"}, nil},
		{"pro-government militia", []string{"The Desert Hawks, a pro-government militia, fought in Palmyra."},
			[]string{"desert-hawks kg:affiliatedWith syrian-government"}, nil},
		{"officers in a division", []string{"Commanders from the Russian army met with regime military officers in the 9th Division base."},
			[]string{"ninth-division kg:memberOf syrian-government"}, []string{"ninth-division kg:memberOf russian-government"}},
		{"another government's unit", []string{"Russian army officers in the 9th Division met rebels."},
			nil, []string{"ninth-division kg:memberOf russian-government"}},
		{"factions in a group", []string{"Rebel factions in the al-Qadam joint operations room agreed to a truce with the Islamic State."},
			[]string{"al-qadam-joint-operations-room kg:agreesTo ceasefire"}, []string{"rebels kg:agreesTo ceasefire"}},
		{"fighters of a group", []string{"Rebel fighters of Jaish al-Islam shelled Damascus."},
			[]string{"jaish-al-islam kg:shells damascus"}, []string{"rebels kg:shells damascus"}},
		{"rebels in a place", []string{"Rebel factions in Douma shelled Damascus."},
			[]string{"rebels kg:shells damascus"}, nil},
	}
	x := NewExtractor()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := ""
			for i, s := range tt.text {
				if i > 0 {
					text += "\n\n"
				}
				text += s
			}
			doc, err := x.Extract(&Article{ID: "a", Text: text})
			if err != nil {
				t.Fatal(err)
			}
			last := len(doc.Sentences) - 1
			var got []string
			for _, f := range doc.Facts {
				if f.Sentence != last {
					continue
				}
				k := f.Subject.ID + " " + f.Predicate + " " + f.Object.ID
				if f.Negated {
					k += " neg"
				}
				got = append(got, k)
			}
			expectFacts(t, "", got, tt.want, tt.not)
		})
	}
}

// TestRoleSpellings checks that the seed articles' spellings of groups
// the roles rules relate are matched as their entities.
func TestRoleSpellings(t *testing.T) {
	g := DefaultGazetteer()
	for name, id := range map[string]string{
		"Jaish Khaled bin Walid":         "jaish-khalid-bin-walid",
		"Ajnad a-Sham":                   "ajnad-al-sham",
		"Jaysh-al-Islam":                 "jaish-al-islam",
		"Yarmouk Martyrs Brigade":        "yarmouk-martyrs-brigade",
		"al-Qadam joint operations room": "al-qadam-joint-operations-room",
		"civil committee of Douma":       "douma-civil-committee",
		"9th Division":                   "ninth-division",
		"Shabiha":                        "shabiha",
	} {
		toks := Tokenize(name, 0, len(name))
		ms := g.Mentions(toks)
		if len(ms) != 1 || ms[0].ID != id || ms[0].Start != 0 || ms[0].End != len(toks) {
			t.Errorf("%q: mentions %v, want the whole name as %s", name, ms, id)
		}
	}
}

// TestImpliedObjects checks that an actor a sentence implies without
// naming it (a title's government, a loyalist's) takes its own name as the
// text, so that "loyalist" does not become an alias of the government.
func TestImpliedObjects(t *testing.T) {
	x := NewExtractor()
	for _, text := range []string{"Shabiha is an armed loyalist militia.", "Syrian President Bashar al-Assad met Vladimir Putin."} {
		doc, err := x.Extract(&Article{ID: "a", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range doc.Facts {
			if f.Object.ID == "syrian-government" {
				found = true
				if f.Object.Text != f.Object.Name {
					t.Errorf("%q: the implied government has the text %q", text, f.Object.Text)
				}
			}
		}
		if !found {
			t.Errorf("%q: no fact about the government among %v", text, factKeys(doc))
		}
	}
}
