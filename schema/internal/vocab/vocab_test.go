package vocab

import (
	"strings"
	"testing"
)

const ctx = `"@context": {"kg": "https://conflictkg.org/ns#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
  "label": "rdfs:label", "comment": "rdfs:comment",
  "domain": {"@id": "rdfs:domain", "@type": "@id"}, "range": {"@id": "rdfs:range", "@type": "@id"},
  "inverseOf": {"@id": "owl:inverseOf", "@type": "@id"}, "subClassOf": {"@id": "rdfs:subClassOf", "@type": "@id"},
  "cameo": "kg:cameo", "plover": "kg:plover"}, "@id": "kg:schema"`

const actor = `{"@id": "kg:Actor", "@type": "rdfs:Class", "label": "actor", "comment": "An actor."}`

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ name, graph, want string }{
		{"not JSON", "", "vocabulary: "},
		{"no label", `{"@id": "kg:Actor", "@type": "rdfs:Class", "comment": "x"}`, "kg:Actor needs a label and a comment"},
		{"undefined reference", `{"@id": "kg:Group", "@type": "rdfs:Class", "label": "g", "comment": "c", "subClassOf": "kg:Thing"}`, "refers to kg:Thing"},
		{"no coding", actor + `, {"@id": "kg:hits", "@type": ["rdf:Property", "kg:Relation"], "label": "hits", "comment": "c", "domain": "kg:Actor", "range": "kg:Actor"}`, "needs kg:cameo and kg:plover"},
		{"one-sided inverse", actor + `, {"@id": "kg:a", "@type": ["rdf:Property", "kg:Relation"], "label": "a", "comment": "c", "domain": "kg:Actor", "range": "kg:Actor", "cameo": "190", "plover": "ASSAULT", "inverseOf": "kg:b"},
		  {"@id": "kg:b", "@type": ["rdf:Property", "kg:Relation"], "label": "b", "comment": "c", "domain": "kg:Actor", "range": "kg:Actor", "cameo": "190", "plover": "ASSAULT"}`, "inverse of kg:b but not the other way round"},
		{"unknown property", `{"@id": "kg:Actor", "@type": "rdfs:Class", "label": "a", "comment": "c", "kg:colour": "red"}`, "unknown property kg:colour"},
		{"outside kg", `{"@id": "http://example.org/X", "@type": "rdfs:Class", "label": "x", "comment": "c"}`, "not in the kg namespace"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := "{" + ctx + `, "@graph": [` + tt.graph + "]}"
			if tt.name == "not JSON" {
				doc = "{"
			}
			_, err := Parse([]byte(doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseGood(t *testing.T) {
	doc := "{" + ctx + `, "@graph": [` + actor + `, {"@id": "kg:fights", "@type": ["rdf:Property", "kg:Relation", "owl:SymmetricProperty"],
	  "label": "fights", "comment": "c", "domain": "kg:Actor", "range": "kg:Actor", "cameo": ["193", "190"], "plover": "ASSAULT"}]}`
	v, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Terms) != 2 || v.Terms[1].Kind != Relation || !v.Terms[1].Symmetric || strings.Join(v.Terms[1].CAMEO, ",") != "190,193" {
		t.Errorf("terms = %+v", v.Terms)
	}
	if v.Graph != NS+"schema" {
		t.Errorf("graph = %q", v.Graph)
	}
	src, err := v.GoSource()
	if err != nil || !strings.Contains(string(src), "Fights = Prefix + `fights`") {
		t.Errorf("GoSource: %v\n%s", err, src)
	}
}
