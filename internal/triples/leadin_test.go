package triples

import "testing"

func TestBodyStart(t *testing.T) {
	tests := []struct {
		name, in, want string // want: the sentence from its body on; "" for all furniture
	}{
		{"plain sentence", "Rebels shelled Damascus on Monday.", "Rebels shelled Damascus on Monday."},
		{"tag list, opener", "Tags Aleppo Syria Assad Russia Attack Airstrikes At least 16 people were killed in airstrikes.", "At least 16 people were killed in airstrikes."},
		{"tag list, noun phrase before the verb", "Tags Syria Idlib Bashar al-Assad SOHR al-Qaeda al-Nusra Syrian rebels launched a huge offensive.", "Syrian rebels launched a huge offensive."},
		{"tag list, number word", "Tags Shayrat cruise missiles US Homs Idlib Khan Sheikhun Fifty nine US cruise missiles struck an airbase.", "Fifty nine US cruise missiles struck an airbase."},
		{"tag list ending a page", "Tags Daesh Syria Raqqa Community standardsDiscussion Comment via FacebookComment via Sputnik News", ""},
		{"tag list only", "Tags Syria Idlib Russia", ""},
		{"photo credit", "A man walks past a ruined building in Idlib province Syria August 6 2016 (TRT World and Agencies) A suicide bomber has detonated an explosive vest.", "A suicide bomber has detonated an explosive vest."},
		{"credit in brackets at the end stays", "The strike hit a school (Reuters).", "The strike hit a school (Reuters)."},
		{"dateline", "AFP Friday 24 Jul 2015 Turkish warplanes killed nine fighters.", "Turkish warplanes killed nine fighters."},
		{"dateline with a city", "Moscow AFP Saturday 7 Oct 2017 Russian strikes in Syria hit an arsenal.", "Russian strikes in Syria hit an arsenal."},
		{"no dateline: a day in the sentence", "Rebels Friday 24 fighters were killed.", "Rebels Friday 24 fighters were killed."},
		{"photo credit, city dateline", "A member of the regime forces runs near destroyed buildings in Hasakeh on Monday (AFP photo) BEIRUT Thirteen civilians were killed.", "Thirteen civilians were killed."},
		{"capitals that are a name stay", "ISIS Militants Kill 12 in Aleppo", "ISIS Militants Kill 12 in Aleppo"},
		{"share buttons", "Print Tweet Syrian regime helicopters dropped barrel bombs.", "Syrian regime helicopters dropped barrel bombs."},
		{"related headlines", "Print Tweet Views 2494 Related Russian US jets had near miss over Syria Syrian rebels launched an assault.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in, 0, len(tt.in))
			k := bodyStart(toks)
			got := ""
			if k < len(toks) {
				got = tt.in[toks[k].Start:]
			}
			if got != tt.want {
				t.Errorf("bodyStart(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBodyEnd(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rebels shelled Damascus on Monday.", "Rebels shelled Damascus on Monday."},
		{"The SDF started an operation to liberate Raqqa. ... 91 Related US Mistakes Led to Deaths", "The SDF started an operation to liberate Raqqa."},
		{"Talks remain elusive. Source Reuters Related News Iraqs army retakes town", "Talks remain elusive."},
		{"The related news came later.", "The related news came later."},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in, 0, len(tt.in))
		e := bodyEnd(toks)
		got := ""
		if e > 0 {
			got = tt.in[:toks[e-1].End]
		}
		if got != tt.want {
			t.Errorf("bodyEnd(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
