package triples

import (
	"testing"
)

// TestPlaces covers where actors are, what they hold and what "the area",
// "the town" and "the capital" refer to, text by text.
func TestPlaces(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string // "subject predicate object"
	}{
		{"based in the suburbs", "A rebel group, Jaish al-Islam, is based mainly in the Damascus suburbs.",
			[]string{"jaish-al-islam kg:locatedIn rif-dimashq"}, []string{"jaish-al-islam kg:locatedIn damascus"}},
		{"hyphen based", "The Istanbul-based National Coalition condemned the strikes.",
			[]string{"national-coalition kg:locatedIn istanbul"}, nil},
		{"hyphen based, someone else", "A Raqqa-based anti-ISIS activist network reported the deaths.",
			nil, []string{"islamic-state kg:locatedIn raqqa"}},
		{"possessive holding", "Jaish al-Islam's frontline posts in al-Maraji were shelled.",
			[]string{"jaish-al-islam kg:locatedIn al-maraji"}, nil},
		{"compound holding", "Officers met in the 9th Division base in al-Sanamayn town.",
			[]string{"ninth-division kg:locatedIn al-sanamayn"}, nil},
		{"their base", "IS fighters attacked from their base in al-Hajar al-Aswad.",
			[]string{"islamic-state kg:locatedIn al-hajar-al-aswad"}, nil},
		{"the attacker's victims' pockets", "Regime forces shelled their last pockets in Yarmouk.",
			nil, []string{"syrian-government kg:controls yarmouk", "syrian-government kg:locatedIn yarmouk"}},
		{"pockets in a region", "Fighters fled the last ISIS pockets in the southern neighborhoods of Damascus.",
			[]string{"islamic-state kg:controls south-damascus"}, nil},
		{"pockets in a city", "Fighters fled the last ISIS pockets in Damascus.",
			nil, []string{"islamic-state kg:controls damascus"}},
		{"where an act was", "Crimes were committed by the Russian and Assad regime forces in Idlib.",
			nil, []string{"syrian-government kg:locatedIn idlib"}},
		{"place as modifier", "IS exchanged prisoners with the al-Qadam rebels.",
			[]string{"rebels kg:locatedIn al-qadam"}, nil},
		{"dateline is no modifier", "Quneitra Nusra Front fighters shelled the village.",
			nil, []string{"al-nusra-front kg:locatedIn quneitra"}},
		{"our forces in a quote", `"Jaish al-Islam denies the inclusion of our forces in al-Ruhaybah town," the statement said.`,
			[]string{"jaish-al-islam kg:locatedIn al-ruhaybah"}, nil},
		{"we outside quotes", "We explained our position about staying in Ghouta.",
			nil, []string{"jaish-al-islam kg:locatedIn eastern-ghouta"}},
		{"the group stays", "Jaish al-Islam agreed to a truce. Rebels fought on. The group wants to remain in Douma.",
			[]string{"jaish-al-islam kg:locatedIn douma"}, []string{"rebels kg:locatedIn douma"}},
		{"refuses to stay", "Jaish al-Islam refused to remain in Douma.",
			nil, []string{"jaish-al-islam kg:locatedIn douma"}},
		{"stronghold set off", "Jaish al-Islam denied the reports. On Friday, war planes bombed Douma, in the Damascus suburbs, a stronghold of the group.",
			[]string{"jaish-al-islam kg:controls douma"}, nil},
		{"under the control of", "Idlib is one of the areas still under the control of rebels.",
			[]string{"rebels kg:controls idlib"}, nil},
		{"under control, another place", "Tal Hamis, situated in Hasakeh province, is under the control of the Islamic State.",
			nil, []string{"islamic-state kg:controls hasakah-province"}},
		{"under control, near", "It is the last stronghold near Damascus where towns were brought under the control of the regime.",
			nil, []string{"syrian-government kg:controls damascus"}},
		{"province of a city", "The province of Idlib has been under the control of rebel groups since 2015.",
			[]string{"rebels kg:controls idlib-province"}, []string{"rebels kg:controls idlib"}},
		{"areas of a region", "Jaish al-Islam control large areas of the rural belt surrounding Damascus.",
			[]string{"jaish-al-islam kg:controls rif-dimashq"}, []string{"jaish-al-islam kg:controls damascus"}},
		{"relative clause after a misattached noun", "SANA blamed the shelling of areas by rebels from Jaish al-Islam, which controls Douma.",
			[]string{"jaish-al-islam kg:controls douma"}, []string{"rebels kg:controls douma"}},
		{"firing from and at", "Rebels fired shells from Eastern Ghouta at government-controlled areas in and around Damascus.",
			[]string{"rebels kg:locatedIn eastern-ghouta", "rebels kg:shells damascus"}, nil},
		{"evacuated from the place before", "A government offensive killed hundreds of people in Eastern Ghouta. More than 42,000 rebels are evacuated to Idlib.",
			[]string{"rebels kg:evacuates eastern-ghouta"}, []string{"rebels kg:evacuates idlib"}},
		{"the area", "Jaish al-Islam's posts in al-Maraji were compromised. The regime has been launching fierce attacks on the area.",
			[]string{"syrian-government kg:attacks al-maraji"}, nil},
		{"the area is not a city", "Rebels hold Douma. The regime has been launching fierce attacks on the area.",
			nil, []string{"syrian-government kg:attacks douma"}},
		{"the city", "Jaysh al-Islam negotiates about Douma. The talks will determine the fate of the city, which is controlled by Jaysh al-Islam.",
			[]string{"jaish-al-islam kg:controls douma"}, nil},
		{"the capital through a district", "IS commanders fled the southern suburbs of Damascus. Rebels fired rockets at the capital.",
			[]string{"rebels kg:shells damascus"}, []string{"rebels kg:shells south-damascus"}},
		{"the town, an unknown one", "Deir ez-Zor has seen many executions. Men were executed in the town of Ghraneij when IS stormed the town.",
			nil, []string{"islamic-state kg:attacks deir-ez-zor"}},
		{"outside the city", "Rebels hold Zabadani. Hezbollah took control of the plain outside the city.",
			nil, []string{"hezbollah kg:captures zabadani"}},
		{"a reference point is no antecedent", "Troops attacked the city of Douma, 10km northeast of Damascus. Regime aircraft have dropped more than 1000 bombs on the city.",
			[]string{"syrian-government kg:bombs douma"}, []string{"syrian-government kg:bombs damascus"}},
	}
	x := NewExtractor()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract(&Article{ID: "a", Title: "News", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			got := factKeys(doc)
			expectFacts(t, "", got, tt.want, tt.not)
		})
	}
}
