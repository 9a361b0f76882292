package schema

import (
	_ "embed"
	"fmt"
	"strings"
)

// Predicates facts use. Each is described in predicates.tsv.
const (
	// Denies: the subject denies or refutes a report, claim or involvement.
	Denies = Prefix + `denies`
	// Rejects: the subject rejects a proposal, plan or agreement.
	Rejects = Prefix + `rejects`
	// AgreesTo: the subject agrees to, signs or joins an agreement.
	AgreesTo = Prefix + `agreesTo`
	// Violates: the subject breaches a ceasefire, truce or agreement.
	Violates = Prefix + `violates`
	// Brokers: the subject mediates or brokers an agreement.
	Brokers = Prefix + `brokers`
	// NegotiatesWith: the subject holds talks with the object.
	NegotiatesWith = Prefix + `negotiatesWith`
	// MeetsWith: the subject meets the object.
	MeetsWith = Prefix + `meetsWith`
	// Accuses: the subject accuses the object.
	Accuses = Prefix + `accuses`
	// Blames: the subject holds the object responsible.
	Blames = Prefix + `blames`
	// Criticizes: the subject criticises or condemns the object.
	Criticizes = Prefix + `criticizes`
	// Warns: the subject warns the object.
	Warns = Prefix + `warns`
	// Threatens: the subject threatens the object with force.
	Threatens = Prefix + `threatens`
	// Demands: the subject demands something of the object.
	Demands = Prefix + `demands`
	// Attacks: the subject attacks the object.
	Attacks = Prefix + `attacks`
	// Shells: the subject shells the object.
	Shells = Prefix + `shells`
	// Bombs: the subject bombs the object from the air.
	Bombs = Prefix + `bombs`
	// Besieges: the subject besieges the object.
	Besieges = Prefix + `besieges`
	// Blockades: the subject blockades the object.
	Blockades = Prefix + `blockades`
	// Kills: the subject kills members of the object.
	Kills = Prefix + `kills`
	// Captures: the subject captures the object.
	Captures = Prefix + `captures`
	// Controls: the subject controls the object territory.
	Controls = Prefix + `controls`
	// WithdrawsFrom: the subject withdraws from the object.
	WithdrawsFrom = Prefix + `withdrawsFrom`
	// Evacuates: the subject leaves or is evacuated from the object.
	Evacuates = Prefix + `evacuates`
	// ExchangesPrisonersWith: the subject exchanges prisoners with the object.
	ExchangesPrisonersWith = Prefix + `exchangesPrisonersWith`
	// Supports: the subject supports or backs the object.
	Supports = Prefix + `supports`
	// BackedBy: the subject is backed by the object.
	BackedBy = Prefix + `backedBy`
	// AlliedWith: the subject is an ally of the object.
	AlliedWith = Prefix + `alliedWith`
	// MemberOf: the subject is a member, part or branch of the object.
	MemberOf = Prefix + `memberOf`
	// Leads: the subject leads or commands the object.
	Leads = Prefix + `leads`
	// SpokespersonOf: the subject speaks for the object.
	SpokespersonOf = Prefix + `spokespersonOf`
	// AffiliatedWith: the subject is affiliated with the object.
	AffiliatedWith = Prefix + `affiliatedWith`
	// DesignatesAsTerrorist: the subject lists the object as a terrorist group.
	DesignatesAsTerrorist = Prefix + `designatesAsTerrorist`
	// Fights: the subject fights the object.
	Fights = Prefix + `fights`
	// Reports: the subject reports or claims the object.
	Reports = Prefix + `reports`
	// Announces: the subject announces the object.
	Announces = Prefix + `announces`
	// LocatedIn: the subject is based or located in the object.
	LocatedIn = Prefix + `locatedIn`
	// Targets: the subject targets the object.
	Targets = Prefix + `targets`
	// Releases: the subject releases the object.
	Releases = Prefix + `releases`
	// Opposes: the subject opposes the object.
	Opposes = Prefix + `opposes`
	// CooperatesWith: the subject cooperates with the object.
	CooperatesWith = Prefix + `cooperatesWith`
)

//go:embed predicates.tsv
var predicatesTSV string

// PredicateInfo describes one predicate of the vocabulary.
type PredicateInfo struct {
	IRI       string   // short IRI, e.g. "kg:denies"
	Label     string   // human-readable name, e.g. "denies"
	Comment   string   // one-sentence definition
	Domain    string   // class of subjects, short IRI
	Range     string   // class of objects, short IRI
	CAMEO     []string // CAMEO 2.0 event codes
	PLOVER    string   // PLOVER event category, or ""
	Symmetric bool     // S p O implies O p S
	Inverse   string   // short IRI of the inverse predicate, or ""
}

var predicates, predicateIndex = mustParsePredicates(predicatesTSV)

// Predicates returns every predicate of the vocabulary in definition order.
// The slice is shared; callers must not modify it.
func Predicates() []PredicateInfo { return predicates }

// LookupPredicate returns the predicate with the given short IRI ("kg:denies"),
// local name ("denies") or label ("agrees to").
func LookupPredicate(name string) (PredicateInfo, bool) {
	i, ok := predicateIndex[strings.ToLower(name)]
	if !ok {
		return PredicateInfo{}, false
	}
	return predicates[i], true
}

func mustParsePredicates(data string) ([]PredicateInfo, map[string]int) {
	ps, err := parsePredicates(data)
	if err != nil {
		panic("schema: predicates.tsv: " + err.Error())
	}
	idx := make(map[string]int, 3*len(ps))
	for i, p := range ps {
		idx[strings.ToLower(p.IRI)] = i
		idx[strings.ToLower(strings.TrimPrefix(p.IRI, Prefix))] = i
		idx[strings.ToLower(p.Label)] = i
	}
	return ps, idx
}

func parsePredicates(data string) ([]PredicateInfo, error) {
	var ps []PredicateInfo
	seen := make(map[string]bool)
	for n, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 8 {
			return nil, fmt.Errorf("line %d: %d fields, want 8", n+1, len(f))
		}
		p := PredicateInfo{
			IRI: Prefix + f[0], Label: f[1], Comment: f[7],
			Domain: Prefix + f[2], Range: Prefix + f[3],
		}
		if seen[p.IRI] {
			return nil, fmt.Errorf("line %d: duplicate predicate %s", n+1, f[0])
		}
		seen[p.IRI] = true
		if f[4] != "-" {
			p.CAMEO = strings.Split(f[4], ",")
		}
		if f[5] != "-" {
			p.PLOVER = f[5]
		}
		switch {
		case f[6] == "symmetric":
			p.Symmetric = true
		case strings.HasPrefix(f[6], "inverse="):
			p.Inverse = Prefix + strings.TrimPrefix(f[6], "inverse=")
		case f[6] != "-":
			return nil, fmt.Errorf("line %d: property %q is not symmetric, inverse=NAME or -", n+1, f[6])
		}
		ps = append(ps, p)
	}
	return ps, nil
}
