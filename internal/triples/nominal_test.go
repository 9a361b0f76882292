package triples

import (
	"testing"
)

// TestNominal checks the rules of the nominal stage (nominal.go) one short
// text at a time: the facts each must give and those it must not. A text
// of several sentences tests what a noun takes from the earlier ones.
func TestNominal(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string // "subject predicate object"
	}{
		// What stands before the noun.
		{"possessive", "The agreement seeks to end IS's blockade on al-Qadam.",
			[]string{"islamic-state kg:blockades al-qadam"}, nil},
		{"actor modifier", "Reasons include the regime siege of al-Qadam.",
			[]string{"syrian-government kg:besieges al-qadam"}, nil},
		{"coordinated modifiers", `Alloush added, "These news fall within the Syrian government and the Shabiha war against Ghouta."`,
			[]string{"syrian-government kg:attacks eastern-ghouta", "shabiha kg:attacks eastern-ghouta"}, nil},
		{"a person is no modifier", "Bashar Assad Airstrikes on Aleppo killed 12 people.",
			nil, []string{"bashar-al-assad kg:bombs aleppo"}},
		{"backed government", "The evacuation agreements followed a Russia-backed government offensive in February and March that killed hundreds of people in Eastern Ghouta.",
			[]string{"russia kg:supports syrian-government", "syrian-government kg:attacks eastern-ghouta"}, nil},
		{"the speaker's", "Jaish al-Islam denied the reports.\n\n\"Our confrontation with the Assad gangs did not stop,\" the group said.",
			[]string{"jaish-al-islam kg:fights syrian-government"}, nil},

		// What follows it.
		{"agent and part of a place", "Rebels shelled Damascus on Friday.\n\nFour civilians were killed after shelling attacks by Jaish al-Islam terrorists on residential neighborhoods in the capital.",
			[]string{"jaish-al-islam kg:shells damascus"}, nil},
		{"agent through a participle", "Syrian regime airstrikes on Saturday on the besieged city of Rastan killed three children.",
			[]string{"syrian-government kg:bombs rastan"}, nil},
		{"a held place is not its holder", "Airstrikes by the regime on a rebel-held village killed 12 people.",
			nil, []string{"syrian-government kg:bombs rebels"}},
		{"what a held place is", "Nine civilians were killed in rebel shelling of regime-held western Aleppo.",
			[]string{"rebels kg:shells aleppo"}, []string{"rebels kg:shells syrian-government"}},
		{"beside a place is not in it", "A Russian airstrike hit a school west of Raqqa.",
			nil, []string{"russia kg:bombs raqqa"}},
		{"an unknown name", "Four civilians were killed by rebel rocket fire on the government-held district of Midane the Observatory said.",
			nil, []string{"rebels kg:shells syrian-observatory"}},
		{"a preposition far off", "Syria war air raids Dozens of Syrian regime air strikes on Aleppo killed 16 civilians.",
			[]string{"syrian-government kg:bombs aleppo"}, []string{"syria kg:attacks aleppo"}},
		{"a verb between", "The attack was condemned by Russia.",
			nil, []string{"russia kg:attacks russia"}},
		{"avoided", "Activists have accused the Syrian army of avoiding confrontations with IS.",
			nil, []string{"syrian-government kg:fights islamic-state"}},

		// Between.
		{"between a seat and a group", "Breaches have been reported since a truce between Damascus and rebels was announced.",
			[]string{"syrian-government kg:agreesTo ceasefire", "rebels kg:agreesTo ceasefire"}, nil},
		{"a truce called for", "The UN called for a truce between the regime and rebels.",
			nil, []string{"syrian-government kg:agreesTo ceasefire", "rebels kg:agreesTo ceasefire"}},
		{"a prisoner exchange between", "Some news sites reported a prisoner exchange between IS and the al-Qadam rebels several days ago.",
			[]string{"islamic-state kg:exchangesPrisonersWith rebels"}, nil},
		{"a prisoner exchange of and for", "There was a bilateral prisoner exchange of four members of Ajnad a-Sham for one IS member.",
			[]string{"ajnad-al-sham kg:exchangesPrisonersWith islamic-state"}, nil},
		{"far between", "Jaish Khaled bin Walid has launched an attack on rebel bastions.\n\nSeveral skirmishes have been reported in last few months between the small jihadist faction and rebels.",
			[]string{"jaish-khalid-bin-walid kg:fights rebels"}, nil},
		{"a participant", "Jaish al-Islam denied the truce.\n\nThe group have also been part of negotiations between the opposition and regime.",
			[]string{"jaish-al-islam kg:negotiatesWith syrian-government", "syrian-opposition kg:negotiatesWith syrian-government"},
			[]string{"jaish-al-islam kg:negotiatesWith syrian-opposition"}},

		// What earlier sentences said.
		{"the attack reported", "Jaish Khaled bin Walid has launched an attack on rebel bastions in Daraa.\n\nRebels thwarted the pre-dawn attack on the town of Sheikh Saad.",
			[]string{"jaish-khalid-bin-walid kg:attacks sheikh-saad"}, []string{"rebels kg:attacks sheikh-saad"}},
		{"no war is one attack", "Jaish Khaled bin Walid attacked Daraa.\n\nThe army advanced in the war against the ISIL.",
			nil, []string{"jaish-khalid-bin-walid kg:attacks islamic-state"}},
		{"the truce violated", "A ceasefire came into effect on Saturday.\n\n\"There are big violations by the regime,\" Alloush told Reuters.",
			[]string{"syrian-government kg:violates ceasefire"}, nil},
		{"the blockade of both", "IS's blockade on al-Qadam goes on.\n\nThere is also the regime siege of al-Qadam.\n\nThey want to break the dual blockade imposed on them by both IS and the regime.",
			[]string{"syrian-government kg:blockades al-qadam"}, nil},
		{"the battles a truce ends", "Rebels and IS agreed to a truce.\n\nThe agreement seeks to end the battles.",
			[]string{"rebels kg:fights islamic-state"}, nil},
	}
	x := NewExtractor()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract(&Article{ID: "a", Title: "Test", Text: "Test\n\n" + tt.text})
			if err != nil {
				t.Fatal(err)
			}
			got := factKeys(doc)
			expectFacts(t, "", got, tt.want, tt.not)
		})
	}
}

// TestReciprocal checks plural subjects that act on each other.
func TestReciprocal(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"Russia, which backs the Assad regime, and the United States, which has backed rebel forces, met secretly in Jordan in June.",
			[]string{"russia kg:meetsWith united-states"}, nil},
		{"Russia and the United States have agreed to meet.",
			nil, []string{"russia kg:meetsWith united-states"}},
		{"Syrian government forces and rebels on Saturday intensified tit-for-tat attacks on the Syrian capital Damascus.",
			[]string{"syrian-government kg:fights rebels"}, []string{"syrian-government kg:attacks damascus"}},
		{"Rebels and IS clashed in Yarmouk.", []string{"rebels kg:fights islamic-state"}, nil},
		{"Jaish al-Islam and the regime fought each other for years.", []string{"jaish-al-islam kg:fights syrian-government"}, nil},
		{"Hezbollah and Iran fought to defend Assad.", nil, []string{"hezbollah kg:fights iran"}},
		{"IS attacked Kobani on Monday.", []string{"islamic-state kg:attacks kobani"}, nil}, // IS is no "is"
	}
	x := NewExtractor()
	for _, tt := range tests {
		doc, err := x.Extract(&Article{ID: "a", Title: "Test", Text: "Test\n\n" + tt.text})
		if err != nil {
			t.Fatal(err)
		}
		got := factKeys(doc)
		expectFacts(t, tt.text, got, tt.want, tt.not)
	}
}
