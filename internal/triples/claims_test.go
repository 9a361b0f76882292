package triples

import (
	"testing"
)

// TestClaims checks the rules of the claims stage (claims.go) one short
// text at a time: the facts each must give and those it must not. A fact
// is "subject predicate object", with " not" appended when it is negated.
func TestClaims(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		// Statements whose content is an agreement.
		{"announced agreement", `Russia's defence ministry announced that an agreement to a ceasefire with the commander of the Jaish al-Islam had been agreed.`,
			[]string{"russian-government kg:announces ceasefire"}, []string{"russian-government kg:announces agreement"}},
		{"said agreement", `Russia's centre of reconciliation between warring parties in Syria said that leaders of Jaish al-Islam "made a decision to join the ceasefire agreement".`,
			[]string{"russian-reconciliation-centre kg:reports ceasefire"}, []string{"jaish-al-islam kg:agreesTo ceasefire"}},
		{"news disseminated by", `"Jaish al-Islam refutes the news disseminated by [Russia] which talks about inclusion of our forces in the ceasefire agreement," the statement said.`,
			[]string{"russia kg:reports ceasefire", "jaish-al-islam kg:denies ceasefire"}, []string{"russia kg:reports negotiations"}},
		{"said without agreement", "The armed group Jaish al-Islam said they would fight on.",
			nil, []string{"jaish-al-islam kg:reports ceasefire"}},
		{"aim is no agreement", `Mohammed Alloush noted, "The negotiations continue and we exert enormous efforts to reach a settlement."`,
			nil, []string{"mohammed-alloush kg:reports settlement"}},
		{"talking of talks", "Mohammed Alloush said that it is too early to talk about the outcomes of the negotiations.",
			nil, []string{"mohammed-alloush kg:reports negotiations"}},
		{"writer's clause", "A letter was sent by the U.S. Embassy in Amman to the Southern Front, in which the embassy asserted that rebels should refrain from giving the regime any pretext to end the cease-fire agreement which was reached last July.",
			[]string{"us-embassy-amman kg:demands southern-front"}, []string{"us-embassy-amman kg:reports ceasefire", "us-embassy-amman kg:demands rebels"}},
		{"coordinated over relative clauses", "Russia, which backs the Assad regime, and the United States, which has backed rebel forces seeking to topple the president, met secretly in Jordan in June and announced a cease-fire in Syria's southwest a month later.",
			[]string{"russia kg:announces ceasefire", "united-states kg:announces ceasefire"}, []string{"rebels kg:announces ceasefire"}},

		// Denials.
		{"denied agreement to exit", "Earlier, Jaysh al-Islam denied that they reached an agreement to exit Ghouta.",
			[]string{"jaish-al-islam kg:denies evacuation-deal", "jaish-al-islam kg:agreesTo evacuation-deal not"},
			[]string{"jaish-al-islam kg:agreesTo evacuation-deal", "jaish-al-islam kg:evacuates eastern-ghouta", "jaish-al-islam kg:denies agreement"}},

		// Accusations.
		{"described as a massacre", `Jaish al-Islam said its rocket and artillery brigade were responding to what it described as a massacre by "the Assad militias and their ally the Russian warplanes".`,
			[]string{"jaish-al-islam kg:accuses syrian-government", "jaish-al-islam kg:accuses russian-government"}, nil},
		{"committed crimes", `Mohammed Alloush commented, "Shabiha runs the page, as they [the Shabiha militia] has committed many crimes."`,
			[]string{"mohammed-alloush kg:accuses shabiha"}, nil},
		{"violations by", `"There are big violations by the regime and occupation of new areas," Mohammed Alloush told Reuters.`,
			[]string{"mohammed-alloush kg:accuses syrian-government"}, []string{"mohammed-alloush kg:accuses reuters"}},
		{"a probe is no accusation", "The United Nations said it would probe reports opposition fighters committed a massacre against troops loyal to Assad.",
			nil, []string{"united-nations kg:accuses rebels"}},
		{"monitors report", "The Syrian Observatory for Human Rights said regime forces committed massacres in Douma.",
			nil, []string{"syrian-observatory kg:accuses syrian-government"}},
		{"accused without accuser", "Shabiha is accused of committing war crimes and massacres against civilians.",
			nil, []string{"shabiha kg:accuses shabiha"}},

		// Demands and warnings.
		{"speaker says a party must", "Russia said on Wednesday that all rebels must leave Aleppo by Friday evening.",
			[]string{"russia kg:demands rebels"}, []string{"rebels kg:evacuates aleppo"}},
		{"leaflets are no speaker", "Helicopters dropped leaflets on Douma saying rebels should either leave to the northern town of Jarablus or hand over their weapons.",
			nil, []string{"rebels kg:evacuates jarablus", "rebels kg:evacuates douma"}},
		{"a party in a place", "The United Nations mission in Syria should look into these claims, the Foreign Ministry said.",
			nil, []string{"united-nations kg:demands syria"}},
		{"message delivered at a meeting", "Commanders from the Russian army met with regime military officers in the 9th Division base, where they delivered a message saying no offensive is welcome against rebels.",
			[]string{"russian-government kg:warns syrian-government"}, []string{"syrian-government kg:attacks rebels", "russian-government kg:warns rebels"}},
		{"the warnings recalled", "Embassy warns rebels\n\nThis week, the U.S. Embassy in Amman warned the key rebel alliance in Daraa of taking any military action.\n\nThe warnings to the Southern Front coincide with the regime's mobilization.",
			[]string{"us-embassy-amman kg:warns rebels", "us-embassy-amman kg:warns southern-front"}, []string{"rebels kg:attacks syrian-government"}},

		// Agreements to move, and moves.
		{"agreement to displace", "The negotiations in Douma coincide with the completion of an agreement to displace civilians and al-Rahman Legion fighters from the central sector of Eastern Ghouta.",
			[]string{"faylaq-al-rahman kg:agreesTo evacuation-deal", "faylaq-al-rahman kg:evacuates eastern-ghouta"}, nil},
		{"under a similar agreement", "Earlier, thousands of civilians and fighters from the Ahrar al-Sham Islamic Movement exited from the city of Harasta under a similar agreement.",
			[]string{"ahrar-al-sham kg:evacuates harasta", "ahrar-al-sham kg:agreesTo evacuation-deal"}, []string{"ahrar-al-sham kg:agreesTo agreement"}},
		{"none of the fighters", "The group wants to remain in Douma and none of the fighters have left, according to Mohammad Alloush, a representative for Jaish al-Islam.",
			[]string{"jaish-al-islam kg:evacuates douma not"}, []string{"jaish-al-islam kg:evacuates douma", "mohammed-alloush kg:evacuates douma not"}},
		{"fled", "Well-informed sources said Thursday that senior ISIS commanders have fled southern suburbs of Damascus to Daraa.",
			[]string{"islamic-state kg:evacuates south-damascus"}, []string{"islamic-state kg:evacuates daraa"}},
		{"attack and its aim", "Rebels agreed to a truce, one month after IS fighters attacked from their south Damascus base in al-Hajar al-Aswad in an attempt to take control of the al-Qadam district.",
			[]string{"islamic-state kg:attacks al-qadam"},
			[]string{"islamic-state kg:captures al-qadam", "islamic-state kg:controls al-qadam", "islamic-state kg:attacks al-hajar-al-aswad", "rebels kg:attacks al-qadam"}},
		{"counted raids", "Syrian regime warplanes carried out four raids on the eastern countryside of Daraa province, local activists said.",
			[]string{"syrian-government kg:bombs daraa-province"}, []string{"syrian-government kg:attacks daraa-province"}},
		{"a modifier is no object", "Regime helicopters dropped four barrel bombs on an opposition-held town of Dael.",
			nil, []string{"syrian-government kg:bombs syrian-opposition"}},
	}
	x := NewExtractor()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract(&Article{ID: "a", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range doc.Facts {
				k := f.Subject.ID + " " + f.Predicate + " " + f.Object.ID
				if f.Negated {
					k += " not"
				}
				got = append(got, k)
			}
			expectFacts(t, "", got, tt.want, tt.not)
		})
	}
}
