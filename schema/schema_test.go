package schema

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

// TestConstantsMatchData checks that predicates.go has one constant for each
// predicate of predicates.tsv and no other.
func TestConstantsMatchData(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "predicates.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]bool{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			for i, name := range vs.Names {
				be, ok := vs.Values[i].(*ast.BinaryExpr)
				if !ok {
					continue
				}
				lit, _ := strconv.Unquote(be.Y.(*ast.BasicLit).Value)
				if strings.ToUpper(lit[:1])+lit[1:] != name.Name {
					t.Errorf("constant %s = kg:%s: name and value disagree", name.Name, lit)
				}
				consts[Prefix+lit] = true
			}
		}
	}
	for _, p := range Predicates() {
		if !consts[p.IRI] {
			t.Errorf("predicates.tsv has %s but predicates.go has no constant for it", p.IRI)
		}
		delete(consts, p.IRI)
		if p.Inverse != "" {
			if _, ok := LookupPredicate(p.Inverse); !ok {
				t.Errorf("%s: inverse %s is not a predicate", p.IRI, p.Inverse)
			}
		}
	}
	for c := range consts {
		t.Errorf("predicates.go has %s, which predicates.tsv lacks", c)
	}
	if len(Predicates()) < 40 {
		t.Errorf("%d predicates, want at least 40", len(Predicates()))
	}
}

func TestLookupPredicate(t *testing.T) {
	for _, name := range []string{"kg:agreesTo", "agreesTo", "agrees to", "AGREES TO"} {
		if p, ok := LookupPredicate(name); !ok || p.IRI != AgreesTo || p.PLOVER != "AGREE" {
			t.Errorf("LookupPredicate(%q) = %+v, %v", name, p, ok)
		}
	}
	if _, ok := LookupPredicate("frobs"); ok {
		t.Error("LookupPredicate(frobs) found something")
	}
}

func TestParsePredicatesErrors(t *testing.T) {
	for _, tt := range []struct{ data, want string }{
		{"a\tb\n", "line 1: 2 fields"},
		{"a\ta\tActor\tActor\t-\t-\tfoo\tc\n", "line 1: property"},
		{"a\ta\tActor\tActor\t-\t-\t-\tc\na\ta\tActor\tActor\t-\t-\t-\tc\n", "line 2: duplicate"},
	} {
		if _, err := parsePredicates(tt.data); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parsePredicates(%q) = %v, want %q", tt.data, err, tt.want)
		}
	}
}
