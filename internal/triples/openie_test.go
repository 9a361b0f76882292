package triples

import (
	"fmt"
	"strings"
	"testing"

	"github.com/conflictkg/kg/internal/triples/parse"
)

// Each clause form gives the extraction a reader would write down; the
// test looks for it among all those of the sentence, in binary form as
// CaRB scores it (arguments after the first joined), so that where the
// parser attaches a prepositional phrase does not matter.
func TestOpenExtract(t *testing.T) {
	tests := []struct {
		name, sentence string
		want           string // "relation | arg1 | arg2 ..." with negation as "not"
	}{
		{"active with preposition", "Rebels agreed to a truce with the Islamic State .", "agreed to | Rebels | a truce with the Islamic State"},
		{"passive with agent", "Douma was bombed by war planes on Friday .", "was bombed by | Douma | war planes on Friday"},
		{"negation", "Jaish al-Islam did not sign the agreement .", "not: did not sign | Jaish al-Islam | the agreement"},
		{"open complement", "The rebels agreed to cease military operations .", "agreed to cease | The rebels | military operations"},
		{"coordinated objects", "Russia backs the government and the militias .", "backs | Russia | the militias"},
		{"coordinated verbs", "The group shelled Damascus and attacked the airport .", "attacked | The group | the airport"},
		// With "controls" here the tagger reads a noun ("controls Douma" as a
		// compound) and the clause is lost: a known parser error.
		{"relative clause", "Jaish al-Islam , which holds Douma , denied the reports .", "holds | Jaish al-Islam | Douma"},
		{"apposition", "Mohammed Alloush , the head of the political office , spoke .", "is | Mohammed Alloush | the head of the political office"},
		{"participle", "They welcomed a truce brokered by Russia .", "brokered by | a truce | Russia"},
		{"copula", "Jaish al-Islam is one of the largest rebel groups .", "is | Jaish al-Islam | one of the largest rebel groups"},
		{"speech after the clause", "The truce holds , the Observatory said .", "said | the Observatory | The truce holds"},
		{"preposition after the verb joins", "In 1990 , he taught at the University of Connecticut .", "taught at | he | the University of Connecticut In 1990"},
		{"time keeps its preposition", "He was readmitted in 1841 .", "was readmitted | He | in 1841"},
		{"adjective with complement", "The numbers on the right are equal to the numbers on the left .", "are equal to | The numbers on the right | the numbers on the left"},
		{"closing quote kept", `Keibler lost a match on " Velocity " .`, `lost | Keibler | a match on " Velocity "`},
		{"possessive in the past", "The RSNO 's base was at Henry Wood Hall .", "had | The RSNO | base"},
		{"misparsed relative pronoun", "Jesus is accepted as a prophet by Muslims , who maintain that he was human .", "maintain | Muslims | that he was human"},
		{"pronoun of a nested clause", "The division held the line until May , when it broke out of the beachhead .", "broke out of | The division | the beachhead"},
		{"reported speech keeps pronouns", "Officials said they attacked the town .", "attacked | they | the town"},
		{"name in apposition is the subject", "Officials thanked the French socialist Henri Simon .", "is | Henri Simon | the French socialist"},
		{"name in apposition stays in arguments", "Officials thanked the French socialist Henri Simon .", "thanked | Officials | the French socialist Henri Simon"},
		{"apposition ends the noun phrase", "The budget fell to 70.9 billion rubles ( US$ 114.3 billion ) from 77.3 billion rubles .", "is | 70.9 billion rubles | US$ 114.3 billion"},
	}
	m := parse.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.sentence)
			var got []string
			for _, e := range OpenExtract(m.Parse(words)) {
				rel, args := e.Strings(words)
				s := rel + " | " + args[0]
				if len(args) > 1 {
					s += " | " + strings.Join(args[1:], " ")
				}
				if e.Negated {
					s = "not: " + s
				}
				if s == tt.want {
					return
				}
				got = append(got, s)
			}
			t.Errorf("%q: no %q among\n%s", tt.sentence, tt.want, strings.Join(got, "\n"))
		})
	}
}

// Confidence orders extractions by how often such are right: a clause the
// sentence asserts above one nested in a subordinate clause or one whose
// subject a participle borrows.
func TestOpenExtractConfidence(t *testing.T) {
	tests := []struct {
		name, sentence string
		higher, lower  string // relations
	}{
		{"adverbial participle", "The army crossed the river , taking the town .", "crossed", "taking"},
		{"infinitive modifying a noun", "Leaders welcomed the plan to rebuild the town .", "welcomed", "rebuild"},
		{"nested complement", "Officials said the rebels claimed they attacked the town .", "claimed", "attacked"},
		{"intransitive", "The truce collapsed and the rebels shelled the town .", "shelled", "collapsed"},
	}
	m := parse.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.sentence)
			conf := map[string]float64{}
			for _, e := range OpenExtract(m.Parse(words)) {
				rel, _ := e.Strings(words)
				conf[rel] = e.Confidence
			}
			hi, ok1 := conf[tt.higher]
			lo, ok2 := conf[tt.lower]
			if !ok1 || !ok2 || hi <= lo {
				t.Errorf("%q: want %q above %q, got %v", tt.sentence, tt.higher, tt.lower, conf)
			}
		})
	}
}

func TestOpenExtractSurvives(t *testing.T) {
	m := parse.Default()
	for _, s := range []string{"", ".", "and and and", strings.Repeat("the group said ", 300), "\xff\xfe which who that"} {
		words := strings.Fields(s)
		for _, e := range OpenExtract(m.Parse(words)) {
			e.Strings(words)
		}
	}
	if got := OpenExtract(nil); got != nil {
		t.Errorf("OpenExtract(nil) = %v", got)
	}
}

func ExampleOpenExtract() {
	words := strings.Fields("A truce brokered by the US and Russia took effect in Daraa .")
	for _, e := range OpenExtract(parse.Default().Parse(words)) {
		rel, args := e.Strings(words)
		fmt.Printf("%s: %s | %s\n", e.Kind, rel, strings.Join(args, " | "))
	}
	// Output:
	// acl: brokered by | A truce | the US
	// acl: brokered by | A truce | Russia
	// verb: took | A truce brokered by the US and Russia | effect | in Daraa
}
