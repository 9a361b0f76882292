package triples

import (
	"slices"
	"strings"

	"github.com/conflictkg/kg/schema"
)

// clause holds what the relation stage knows of one sentence.
type clause struct {
	toks     []Token
	mentions []Mention
	owner    []int // token index -> index in mentions, or -1
	triggers []Trigger
	ctx      *discourse
	focus    *Mention // the actor "it"/"they" refer to inside a denial
	tree     *tree    // the dependency parse over toks; nil when the sentence was not parsed
	gaz      *Gazetteer
}

// discourse remembers the actors mentioned so far in an article, for
// resolving "it", "they", "the group", "he".
type discourse struct {
	lastGroup, lastPerson, lastActor *Mention
	persons                          map[string]Entity // skeleton of a surname -> the person named in full earlier
	headline                         *Mention          // the one group the title names, if it names one
	sentences                        int               // sentences noted so far
	places                           placeMemory       // places named so far (place.go)
	mem                              memory            // earlier facts, for what a noun leaves out (nominal.go)

	// voiced is who last warned, demanded or accused, by predicate, for
	// "the warnings" of a later sentence (claims.go).
	voiced map[string]Mention
}

func (d *discourse) note(ms []Mention) {
	if d.sentences == 0 {
		for i := range ms {
			if ms[i].Type != schema.ArmedGroup || ms[i].ID == "rebels" {
				continue
			}
			if d.headline != nil && d.headline.ID != ms[i].ID {
				d.headline = nil
				break
			}
			d.headline = &ms[i]
		}
	}
	d.sentences++
	for i := range ms {
		m := ms[i]
		if !m.IsActor() {
			continue
		}
		d.lastActor = &m
		switch {
		case m.Type == schema.Person:
			d.lastPerson = &m
			if f := strings.Fields(m.Name); len(f) > 1 {
				if d.persons == nil {
					d.persons = map[string]Entity{}
				}
				d.persons[skeleton(fold(f[len(f)-1]))] = m.Entity
			}
		case m.Type == schema.ArmedGroup || schema.IsA(m.Type, schema.Organization):
			d.lastGroup = &m
		}
	}
}

// surnames adds to ms the capitalised words that repeat the surname of a
// person named in full earlier in the article ("Mohammed Alloush ... Alloush
// told Reuters"), keeping ms in text order.
func (d *discourse) surnames(toks []Token, ms []Mention) []Mention {
	if len(d.persons) == 0 {
		return ms
	}
	var out []Mention
	next := 0
	for i, t := range toks {
		for next < len(ms) && ms[next].Start <= i {
			out = append(out, ms[next])
			next++
		}
		if len(out) > 0 && out[len(out)-1].End > i || !t.IsCapitalized() || len(t.Lower) < 4 {
			continue
		}
		if e, ok := d.persons[skeleton(t.Lower)]; ok {
			out = append(out, Mention{Entity: e, Start: i, End: i + 1, Text: t.Text, Match: MatchSurname})
		}
	}
	return append(out, ms[next:]...)
}

// definite resolves "the rebel group" and "the armed group", which the
// gazetteer reads as rebels in general, to the group last named; and, in
// the lede, "a Syrian rebel group" to the one group the title names, as
// news writing introduces its subject.
func (d *discourse) definite(toks []Token, ms []Mention) []Mention {
	for i, m := range ms {
		if m.ID == "rebels" && d.headline != nil && d.sentences <= 2 && m.Start > 0 && toks[m.End-1].Lower == "group" {
			j := m.Start - 1
			if j > 0 && toks[j].IsCapitalized() && toks[j-1].Lower != "the" {
				j-- // "a Syrian rebel group"
			}
			if toks[j].Lower == "a" {
				ms[i].Entity = d.headline.Entity
				ms[i].Match = MatchDefinite
				continue
			}
		}
		if m.ID != "rebels" || m.Start == 0 || toks[m.Start-1].Lower != "the" || d.lastGroup == nil || d.lastGroup.ID == "rebels" {
			continue
		}
		if last := toks[m.End-1].Lower; last == "group" || last == "faction" {
			ms[i].Entity = d.lastGroup.Entity
			ms[i].Match = MatchDefinite
		}
	}
	return ms
}

// anaphors are words and phrases that refer back to an actor, by the kind of
// actor they can refer to; the longest phrases come first.
var anaphors = []struct {
	words  []string
	person bool
}{
	{[]string{"the", "rebel", "group"}, false}, {[]string{"the", "armed", "group"}, false},
	{[]string{"the", "militant", "group"}, false}, {[]string{"the", "jihadist", "group"}, false},
	{[]string{"the", "jihadist", "faction"}, false}, {[]string{"the", "militant", "faction"}, false},
	{[]string{"the", "group"}, false}, {[]string{"the", "faction"}, false}, {[]string{"the", "militia"}, false},
	{[]string{"it"}, false}, {[]string{"they"}, false}, {[]string{"he"}, true}, {[]string{"she"}, true},
}

// preps mark a mention as the object of a preposition, not a subject.
var preps = map[string]bool{
	"in": true, "of": true, "from": true, "at": true, "near": true, "on": true, "to": true, "with": true,
	"by": true, "for": true, "between": true, "against": true, "over": true, "under": true, "into": true,
	"across": true, "around": true, "outside": true, "inside": true, "toward": true, "towards": true,
	"about": true, "through": true, "within": true, "after": true, "before": true, "since": true, "despite": true,
}

// locatives introduce places and times, not a verb's object.
var locatives = map[string]bool{"in": true, "at": true, "near": true, "from": true, "during": true, "since": true, "after": true, "before": true, "inside": true, "outside": true}

var boundaries = map[string]bool{";": true, ":": true, "(": true, ")": true, "—": true, "–": true, "?": true, "!": true}

var negations = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "neither": true, "nor": true}

var hedges = map[string]bool{
	"reportedly": true, "allegedly": true, "apparently": true, "appeared": true, "appears": true,
	"seemed": true, "seems": true, "possibly": true, "may": true, "might": true, "could": true, "reports": true,
	"purportedly": true, "likely": true,
}

var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true}

// stops are verbs whose denial keeps what they stop going:
// "denies stopping negotiations" asserts the negotiations go on.
var stops = map[string]bool{
	"stop": true, "stopping": true, "stopped": true, "halt": true, "halting": true, "halted": true,
	"end": true, "ending": true, "ended": true, "suspend": true, "suspending": true, "suspended": true,
	"quit": true, "quitting": true, "abandon": true, "abandoning": true, "abandoned": true,
}

func newClause(toks []Token, ms []Mention, trs []Trigger, ctx *discourse, tr *tree, gaz *Gazetteer) *clause {
	c := &clause{toks: toks, mentions: ms, triggers: trs, ctx: ctx, tree: tr, gaz: gaz, owner: make([]int, len(toks))}
	for i := range c.owner {
		c.owner[i] = -1
	}
	for i, m := range ms {
		for k := m.Start; k < m.End; k++ {
			c.owner[k] = i
		}
	}
	return c
}

// relation is a fact before it is placed in its article.
type relation struct {
	subj, obj        Mention
	predicate        string
	relStart, relEnd int // tokens of the relation text
	negated          bool
	hedged           bool     // "reportedly", "appeared to"
	source           *Mention // who asserts it, if the sentence attributes it
	confidence       float64
	rule             string
}

// relations applies the clause rules to every trigger of the sentence.
func (c *clause) relations() []relation {
	c.specifyAgreements()
	var out []relation
	denied := -1 // token index from which a denial's complement runs
	var denier Mention
	for i, t := range c.triggers {
		negator := -1 // the negating verb ("refrained from") right before this trigger, if any
		if i > 0 && c.triggers[i-1].Kind == KindNegate && t.Start-c.triggers[i-1].End <= 1 {
			negator = c.triggers[i-1].Start
		}
		var rs []relation
		switch {
		case c.owner[t.Start] >= 0 && c.mentions[c.owner[t.Start]].Kind() != "agreement":
			continue // a word of a name: "Free Syrian Army"; but "talks" name the talks
		case c.warnedAgainst(t.Start):
			continue // "warns against new US missile strikes": they have not happened
		case c.aimedFor(t.Start) || c.conditionalBefore(t.Start):
			continue // "pushes for approval for strikes", "unless they agreed", "whether to allow strikes"
		case c.word(t.Start) == "back" && particleVerbs[c.word(t.Start-1)]:
			continue // "push back regime advances": a particle, not backing
		case t.Kind == KindNegate:
			continue // it acts through the trigger it governs
		case negator >= 0 && t.Kind == KindVerb:
			// "X refrained from attacking Y": X is the subject of both verbs,
			// and what the second says does not happen.
			rs = c.activeAt(t, negator)
			for k := range rs {
				rs[k].negated = !rs[k].negated
				rs[k].relStart = negator
				rs[k].rule += "+negated"
			}
		case t.Kind == KindNoun:
			rs = c.nominal(t)
		case t.Participle && c.word(t.End) == "by":
			rs = c.passive(t)
		case t.Participle && c.toks[t.Start].Hyphen:
			rs = c.compound(t)
		case t.Participle && c.be(t.Start-1) || t.Participle && c.be(t.Start-2) && c.word(t.Start-1) != "not":
			continue // a passive without its agent: the doer is unknown
		default:
			rs = c.verbOrNoun(t) // "the pre-dawn attack on" is a noun (nominal.go)
		}
		if v := c.victims(t.Start); v >= 0 && t.Predicate != schema.Fights {
			// "Nusra fighters were killed in strikes on positions": who was
			// killed did not strike; a striker named after ("in Russian
			// strikes") did. But who is killed in clashes fought in them.
			rs = slices.DeleteFunc(rs, func(r relation) bool { return r.subj.End <= v })
		}
		for k := range rs {
			rs[k].subj, rs[k].obj = c.loyalTo(rs[k].subj), c.loyalTo(rs[k].obj)
		}
		for _, r := range rs {
			if denied >= 0 && t.Start >= denied && t.Kind != KindDeny && r.subj.ID == denier.ID {
				// "denied reports that it agreed to a truce": the claim is denied,
				// unless what is denied is stopping it.
				if stops[c.word(t.Start-1)] {
					r.rule += "+denied-stopping"
				} else {
					r.negated = !r.negated
					r.rule += "+denied"
				}
			}
			if r.subj.ID == r.obj.ID && r.subj.Kind() == r.obj.Kind() {
				continue
			}
			if src, ok := c.attributed(r.relStart); ok {
				r.source = src
			}
			if !r.hedged && c.hedgedSentence(r.relStart) {
				r.hedged = true
				r.rule += "+hedged"
			}
			out = append(out, r)
		}
		if t.Kind == KindDeny && len(rs) > 0 && !rs[0].negated {
			// In the denied claim, "it" and "they" are the denier.
			denied, denier = t.End, rs[0].subj
			c.focus = &denier
		}
	}
	out = append(out, c.places()...)
	out = append(out, c.claims(out)...)
	for _, r := range c.appositions() {
		if r.subj.ID != r.obj.ID && !slices.ContainsFunc(out, func(o relation) bool {
			return o.subj.ID == r.subj.ID && o.predicate == r.predicate && o.obj.ID == r.obj.ID && o.negated == r.negated
		}) {
			out = append(out, r)
		}
	}
	out = append(out, c.agreementParties()...)
	c.remember(out)
	return out
}

// loyalTo returns the government whose leader m is, where forces are said
// to be loyal to m ("forces loyal to President Bashar al-Assad" fight, not
// the man), else m.
func (c *clause) loyalTo(m Mention) Mention {
	if m.Type != schema.Person || c.gaz == nil {
		return m
	}
	k := m.Start - 1
	for k >= 0 && (c.word(k) == "president" || c.word(k) == "syrian" || c.word(k) == "leader") {
		k--
	}
	if c.word(k) != "to" || c.word(k-1) != "loyal" {
		return m
	}
	if e, ok := c.gaz.entry(m.ID); ok {
		for _, r := range e.Relations {
			if t, ok := c.gaz.Entity(r.Target); ok && r.Predicate == schema.Leads && t.Type == schema.Government {
				m.Entity = t
				return m
			}
		}
	}
	return m
}

// accusedOf returns whom the sentence accuses of the act at i, the
// gerund's subject: "Rebels accuse the powerful Kurdish YPG of working
// with the Syrian army".
func (c *clause) accusedOf(i int) (Mention, bool) {
	if c.word(i-1) != "of" {
		return Mention{}, false
	}
	for k := i - 2; k >= 0 && k >= i-8; k-- {
		if boundaries[c.word(k)] || c.word(k) == "," {
			break
		}
		m := c.owner[k]
		if m < 0 {
			continue
		}
		mm := c.mentions[m]
		if !mm.IsActor() {
			return Mention{}, false
		}
		// Back over the accused's modifiers ("the powerful Kurdish") to the verb.
		for j := mm.Start - 1; j >= 0 && j >= mm.Start-4; j-- {
			switch w := c.word(j); {
			case strings.HasPrefix(w, "accus"), strings.HasPrefix(w, "suspect"), strings.HasPrefix(w, "blam"):
				return mm, true
			case preps[w] || c.owner[j] >= 0 || boundaries[w] || w == ",":
				return Mention{}, false
			}
		}
		return Mention{}, false
	}
	return Mention{}, false
}

// victimVerbs say what befell someone: "killed in", "wounded by".
var victimVerbs = map[string]bool{
	"killed": true, "wounded": true, "injured": true, "died": true, "dead": true, "hurt": true, "trapped": true,
	"displaced": true, "suffered": true,
}

// victims returns the index of the verb that makes those named before it
// the victims of the act at i ("were killed in strikes", "killed in
// battles against ISIL", "suffered another blow in similar strikes"), or
// -1. The act may be the verb itself: "fighters killed in battles".
func (c *clause) victims(i int) int {
	if w := c.word(i); (w == "killed" || w == "wounded" || w == "injured") && (c.word(i+1) == "in" || c.word(i+1) == "during") {
		return i + 1 // "rebel fighters killed in battles": a passive without "were"
	}
	// Back over the words of the act's noun phrase ("in similar strikes",
	// "in Russian air strikes") to its preposition.
	k := i - 1
	for n := 0; n < 4 && k > 0 && !preps[c.word(k)] && !victimVerbs[c.word(k)]; n++ {
		k--
	}
	if w := c.word(k); w != "in" && w != "by" && w != "during" {
		return -1
	}
	// Back over what befell them ("another blow", "heavy losses") and
	// adverbs to the verb.
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch w := c.word(j); {
		case victimVerbs[w]:
			return j
		case strings.HasSuffix(w, "ly"), w == "another", w == "a", w == "blow", w == "heavy", w == "losses":
		default:
			return -1
		}
	}
	return -1
}

// particleVerbs take "back" as a particle: "push back", "fought back".
var particleVerbs = map[string]bool{
	"push": true, "pushed": true, "pushing": true, "pushes": true, "roll": true, "rolled": true, "rolling": true,
	"brought": true, "bring": true, "bringing": true, "come": true, "came": true, "coming": true, "fight": true,
	"fought": true, "fighting": true, "hit": true, "hitting": true, "strike": true, "struck": true, "go": true,
	"went": true, "going": true, "turn": true, "turned": true, "beat": true, "beaten": true, "pull": true,
	"pulled": true, "fall": true, "fell": true, "falling": true, "win": true, "won": true, "winning": true,
	"take": true, "took": true, "taking": true, "get": true, "got": true, "send": true, "sent": true,
}

// forAims are words whose "for" names what is wanted, not what was done:
// "pushes for approval for strikes", "prepared for fresh assaults".
var forAims = map[string]bool{
	"call": true, "calls": true, "called": true, "calling": true, "push": true, "pushes": true, "pushed": true,
	"pushing": true, "approval": true, "prepared": true, "prepare": true, "preparing": true, "prepares": true,
	"preparation": true, "ready": true, "plan": true, "plans": true, "plea": true, "appeal": true, "appeals": true,
	"demand": true, "demands": true, "request": true, "requests": true, "authorization": true, "authorisation": true,
}

// aimedFor reports whether the act at i is what someone calls, pushes or
// prepares for, over a few words of its noun phrase.
func (c *clause) aimedFor(i int) bool {
	for k := i - 1; k >= 1 && k >= i-4; k-- {
		w := c.word(k)
		if w == "for" {
			return forAims[c.word(k-1)] || forAims[c.word(k-2)] && c.owner[k-1] < 0 && !preps[c.word(k-1)]
		}
		if boundaries[w] || w == "," || preps[w] || c.owner[k] >= 0 && !c.mentions[c.owner[k]].IsActor() {
			return false
		}
	}
	return false
}

// conditionalBefore reports whether a condition opens the clause of the
// act at i: "unless they agreed to a deal", "until they leave Aleppo",
// "debates whether to allow strikes".
func (c *clause) conditionalBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch w := c.word(k); {
		case w == "if" || w == "unless" || w == "until" || w == "whether":
			return true
		case boundaries[w] || w == "," || w == "." || w == "that":
			return false
		}
	}
	return false
}

// warnedAgainst reports whether the act at i is what someone warns
// against or of: "Moscow warns against new US missile strikes on Syria",
// "warned the rebel alliance of taking any military action".
func (c *clause) warnedAgainst(i int) bool {
	for p := i - 1; p >= 0 && p >= i-6; p-- {
		w := c.word(p)
		if boundaries[w] || w == "." {
			return false
		}
		if w != "against" && w != "of" {
			continue
		}
		for k := p - 1; k >= 0 && k >= p-8; k-- {
			if boundaries[c.word(k)] || c.word(k) == "." {
				return false
			}
			if strings.HasPrefix(c.word(k), "warn") && c.owner[k] < 0 {
				return true
			}
		}
		return false
	}
	return false
}

// speechVerbs introduce what a speaker asserts.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "stated": true, "states": true,
	"announced": true, "announces": true, "claimed": true, "claims": true, "added": true, "adds": true,
	"insisted": true, "insists": true, "confirmed": true, "confirms": true, "reported": true,
	"alleged": true, "alleges": true, "asserted": true, "declared": true, "warned": true, "noted": true,
	"explained": true, "wrote": true, "quoted": true, "commented": true, "comments": true, "stressed": true,
	"stresses": true, "asserts": true,
}

// attributed returns who the sentence says asserts what it reports from
// token i on: the actor of "according to X" anywhere in the sentence, the
// subject of a verb of saying before i ("the Observatory said that ..."),
// or after i at the end of the sentence ("..., the Observatory said").
func (c *clause) attributed(i int) (*Mention, bool) {
	for k := 0; k+2 < len(c.toks); k++ {
		if c.word(k) == "according" && c.word(k+1) == "to" {
			for j := k + 2; j < len(c.toks) && j < k+5; j++ {
				if m := c.owner[j]; m >= 0 && c.mentions[m].IsActor() {
					return &c.mentions[m], true
				}
			}
		}
	}
	for k := range c.toks {
		if !speechVerbs[c.word(k)] || c.owner[k] >= 0 || c.word(k-1) == "'s" {
			continue
		}
		if k < i {
			// "X said (that) ... i": the speaker is the subject left of the verb.
			if subjs, dist, _ := c.subjectLeft(k); len(subjs) > 0 && dist <= 3 {
				return &subjs[len(subjs)-1], true
			}
			continue
		}
		// "... i ..., X said" or "..., said X": a speaker after a comma or quote.
		if m := c.owner[max(k-1, 0)]; k > 0 && m >= 0 && c.mentions[m].IsActor() {
			before := c.mentions[m].Start - 1
			if c.word(before) == "the" {
				before--
			}
			if w := c.word(before); w == "," || w == "\"" {
				return &c.mentions[m], true
			}
		}
		if w := c.word(k - 1); w == "," || w == "\"" {
			next := k + 1
			if c.word(next) == "the" {
				next++
			}
			if next < len(c.toks) && c.owner[next] >= 0 && c.mentions[c.owner[next]].IsActor() {
				return &c.mentions[c.owner[next]], true
			}
		}
	}
	return nil, false
}

// hedgedSentence reports whether the clause around token i hedges what it
// says: "reportedly", "allegedly", "unconfirmed reports".
func (c *clause) hedgedSentence(i int) bool {
	for k := i + 8; k < len(c.toks) && k < i+16; k++ {
		if boundaries[c.word(k)] {
			break
		}
		if w := c.word(k); w == "purportedly" || w == "allegedly" {
			return true // "airstrikes on the town of Armanaz in Idlib province purportedly carried out by"
		}
	}
	for k := max(0, i-8); k < len(c.toks) && k < i+8; k++ {
		if boundaries[c.word(k)] && k > i {
			break
		}
		switch c.word(k) {
		case "reportedly", "allegedly", "purportedly", "unconfirmed", "rumoured", "rumored", "suspected":
			return true
		case "believed", "thought", "understood":
			if c.word(k+1) == "to" {
				return true // "what is believed to have been US airstrikes"
			}
		case "accused", "accusing", "accuses", "accuse", "blamed", "blaming", "blames", "blame":
			if k < i {
				return true // "Russia was accused of dropping bombs": the act is alleged
			}
		}
	}
	return false
}

// be reports whether token i is a form of "be", not a name that looks
// like one ("IS attacked Kobani").
func (c *clause) be(i int) bool { return beForms[c.word(i)] && c.owner[i] < 0 }

func (c *clause) word(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return c.toks[i].Lower
}

// active: SUBJECT [not] VERB [particles] OBJECT.
func (c *clause) active(t Trigger) []relation { return c.activeAt(t, t.Start) }

// activeAt is active with the subject looked for left of token at, which is
// t.Start or the start of a verb that governs t.
func (c *clause) activeAt(t Trigger, at int) []relation {
	if w := c.word(at - 1); c.afterDeterminer(at) || w == "for" || preps[w] && c.word(t.End) == "by" || c.aim(at) {
		// "the pre-dawn attack on", "targeted in raids by the coalition": a
		// noun, whose agent follows; "a battle for control of": an aim,
		// not an event.
		return nil
	}
	if t.Predicate == schema.Evacuates && c.leftDead(t.End) {
		t.Predicate = schema.Kills // "leaving 15 militants dead"
	}
	subjs, dist, pronoun := c.subjectLeft(at)
	ds, dp, parsed := c.depSubjects(at)
	if parsed && len(ds) == 0 && len(subjs) > 0 && dist <= 1 {
		parsed = false // "Russia brokered": word order is safe where the parse errs
	}
	if parsed {
		subjs, pronoun = ds, dp
		if len(ds) > 0 {
			dist = max(0, at-ds[len(ds)-1].End)
		}
	}
	if s, ok := c.accusedOf(at); ok {
		subjs, pronoun, dist = []Mention{s}, false, 0 // "accuse the YPG of working with the army"
	}
	if len(subjs) == 0 {
		return nil
	}
	if s := subjs[0]; len(subjs) == 1 && (s.Type == schema.Country || s.Type == schema.State) &&
		(t.Gerund && s.End == at || s.End == at-1 && c.tree != nil && c.tree.UPOS[s.End] == "NOUN" && !agentNouns[c.word(s.End)] && !c.toks[s.End].IsCapitalized()) {
		return nil // "Syria fighting kills 132": where, not who
	}
	subjs = c.relativeConjuncts(subjs, at) // "Russia, which ..., and the United States, which ..., announced"
	if !parsed && t.Gerund && at == t.Start && dist > 1 && !beForms[c.word(t.Start-1)] {
		// "an end to fighting in Syria": an -ing form far from any subject
		// is a noun or a participle phrase, not this actor's verb.
		return nil
	}
	relEnd := t.End
	if t.Kind == KindDeny && relEnd < len(c.toks) && strings.HasSuffix(c.word(relEnd), "ing") && c.owner[relEnd] < 0 {
		relEnd++ // "denies stopping"
	}
	objs := c.objectRight(t.End, t.Predicate)
	if t.Kind == KindVerb {
		if do, ok := c.depObjects(t.Start, t); ok && (len(do) > 0 || len(objs) == 0 || !c.adjacent(t.End, objs[0].Start)) {
			objs = do
		}
	}
	recip, parties := c.reciprocal(t, subjs, objs)
	if len(objs) == 0 && recip == "" {
		return nil
	}
	conf := 0.9 - 0.03*float64(max(0, dist-2))
	rule := "active"
	if pronoun {
		conf *= 0.8
		rule = "active+coref"
	}
	neg, hedged := c.modality(at, subjs[len(subjs)-1].End)
	if c.irrealis(at, subjs[len(subjs)-1].End) || c.conditional(t.Start) {
		return nil // "rebels should leave": a demand, not an event; "if the regime violates"
	}
	if hedged {
		conf *= 0.7
		rule += "+hedged"
	}
	r := relation{predicate: t.Predicate, relStart: t.Start, relEnd: relEnd, negated: neg, hedged: hedged, confidence: max(conf, 0.4), rule: rule}
	if recip != "" {
		r.predicate, r.rule = recip, rule+"+reciprocal"
		return pairwise(parties, r) // "A and B met", "A and B traded tit-for-tat attacks"
	}
	return cross(subjs, objs, r)
}

// passive: OBJECT [was] VERB-ed by AGENT ("a truce brokered by US and Russia").
func (c *clause) passive(t Trigger) []relation {
	if w := c.word(t.Start - 1); territorial[t.Predicate] && (w == "partially" || w == "partly") {
		return nil // "Aleppo is partially controlled by": part of it
	}
	agents := c.coordinated(t.End+1, func(m Mention) bool { return m.IsActor() })
	if da, ok := c.depAgents(t.Start); ok && len(da) > 0 {
		agents = da
	}
	if len(agents) == 0 {
		return nil
	}
	objs := c.objectLeft(t.Start, t.Predicate)
	if dp, ok := c.depPatient(t.Start, t.Predicate); ok && len(dp) > 0 {
		objs = dp
	}
	if len(objs) == 0 {
		return nil
	}
	neg, _ := c.modality(t.Start, max(0, t.Start-4))
	return cross(agents, objs, relation{predicate: t.Predicate, relStart: t.Start, relEnd: t.End + 1, negated: neg, confidence: 0.85, rule: "passive"})
}

// hyphenAgents returns the actors joined by hyphens before the participle
// at i, nearest first: "U.S.-Russia-brokered".
func (c *clause) hyphenAgents(i int) []Mention {
	var agents []Mention
	for k := i; k > 0 && c.toks[k].Hyphen; {
		m := c.owner[k-1]
		if m < 0 || !c.mentions[m].IsActor() {
			break
		}
		agents = append(agents, c.mentions[m])
		k = c.mentions[m].Start
	}
	return agents
}

// compound: AGENT-VERB-ed OBJECT ("U.S.-Russia-brokered de-escalation
// agreement", "Rebel-Held Douma").
func (c *clause) compound(t Trigger) []relation {
	agents := c.hyphenAgents(t.Start)
	if len(agents) == 0 {
		return nil
	}
	// The object is the noun phrase the compound modifies, whatever its type:
	// "UN-backed ceasefire talks", "Rebel-Held Douma".
	for k := t.End; k < len(c.toks) && k < t.End+3; k++ {
		if m := c.owner[k]; m >= 0 {
			pred := t.Predicate
			if pred == schema.Supports && c.mentions[m].Kind() == "agreement" {
				pred = schema.Brokers // "UN-backed talks": the backer sponsors them
			}
			if !rangeFits(pred, c.mentions[m]) {
				return nil
			}
			return cross(agents, c.mentions[m:m+1], relation{predicate: pred, relStart: t.Start, relEnd: t.End, confidence: 0.85, rule: "compound"})
		}
		if w := c.toks[k]; (t.Predicate == schema.Controls || t.Predicate == schema.Captures) && !w.IsCapitalized() && !skippable[w.Lower] {
			// "rebel-held areas of X", "rebel-held eastern Aleppo": a part of
			// the place, not the place.
			return nil
		}
	}
	return nil
}

// subjectLeft finds the subject of a verb at i: the nearest actor to its
// left in the same clause that is not the object of a preposition, with
// actors coordinated with it ("Rebels, IS agree"), or an anaphor resolved
// in context. It returns the subjects, their distance in tokens and
// whether an anaphor was resolved.
func (c *clause) subjectLeft(i int) ([]Mention, int, bool) {
	for k := i - 1; k >= 0 && k >= i-15; k-- {
		w := c.word(k)
		if boundaries[w] || speechVerbs[w] && c.owner[k] < 0 {
			// Who says something is not the subject of what they report:
			// "the Observatory said two children were killed by regime bombs".
			break
		}
		if m := c.owner[k]; m >= 0 {
			mm := c.mentions[m]
			k = mm.Start
			if !mm.IsActor() || c.modifier(mm) || k > 0 && preps[c.word(k-1)] || k > 1 && locatives[c.word(k-2)] && c.word(k-2) != "from" && !c.toks[k-1].IsCapitalized() && c.owner[k-1] < 0 {
				// "in Syria", "in southern Syria"; but "fighters from the X
				// exited" is said of X.
				continue
			}
			chain := c.coordinatedLeft(m)
			if f := chain[0].Start; len(chain) > 1 && f > 0 && placePreps[c.word(f-1)] {
				k = f // "operating in Iraq and Syria": places, not the subject
				continue
			}
			return chain, i - mm.End, false
		}
		if m, n, ok := c.anaphor(k); ok {
			return []Mention{m}, i - k - n, true
		}
	}
	return nil, 0, false
}

// placePreps put the names after them in a place: "operating in Iraq and
// Syria". ("after Russia and the US agreed" is a clause.)
var placePreps = map[string]bool{"in": true, "across": true, "inside": true, "throughout": true, "from": true, "of": true, "on": true, "at": true}

// anaphor resolves an anaphor ending at token k.
func (c *clause) anaphor(k int) (Mention, int, bool) {
	for _, a := range anaphors {
		n := len(a.words)
		if k-n+1 < 0 {
			continue
		}
		ok := true
		for j, w := range a.words {
			if c.word(k-n+1+j) != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		var ref *Mention
		switch {
		case c.focus != nil && !a.person:
			ref = c.focus
		case n == 1 && c.speakerOf(k) != nil && (c.speakerOf(k).Type == schema.Person) == a.person:
			ref = c.speakerOf(k) // "Hezbollah said it had taken control": the speaker
		case n == 1 && !a.person && c.unknownSpeaker(k):
			return Mention{}, 0, false // "The Sawaiq al-Rahman brigade announced that it": a group the gazetteer lacks
		case a.person:
			ref = c.ctx.lastPerson
			if c.unknownName(k - n + 1) {
				ref = nil // "Radwan Nammous fought ... where he met": not someone named before
			}
		case len(a.words) > 1:
			ref = c.ctx.lastGroup
		case c.sentenceSubject(k-n+1) != nil:
			ref = c.sentenceSubject(k - n + 1) // "The regime stepped up attacks ... when it dropped bombs"
		default:
			ref = c.ctx.lastGroup
			if ref == nil {
				ref = c.ctx.lastActor
			}
		}
		if ref == nil {
			return Mention{}, 0, false
		}
		m := *ref
		m.Start, m.End = k-n+1, k+1
		m.Text = spanText(c.toks, m.Start, m.End)
		return m, n, true
	}
	return Mention{}, 0, false
}

// speakerOf returns the actor who says the clause the pronoun at k opens,
// "X said (that) it ...", or nil.
func (c *clause) speakerOf(k int) *Mention {
	j := c.speechBefore(k)
	if j < 0 {
		return nil
	}
	for i := j - 1; i >= 0 && i >= j-3; i-- {
		if m := c.owner[i]; m >= 0 {
			if mm := c.mentions[m]; mm.IsActor() && !preps[c.word(mm.Start-1)] {
				return &c.mentions[m]
			}
			return nil
		}
	}
	return nil
}

// unknownName reports whether a name the gazetteer does not know, two
// capitalised words or more, stands before token i in the sentence: "he"
// may be that person.
func (c *clause) unknownName(i int) bool {
	run := 0
	for k := 1; k < i; k++ {
		if c.toks[k].IsCapitalized() && c.owner[k] < 0 && c.toks[k].IsWord() {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// sentenceSubject returns the actor that opens the sentence as its
// subject, if it stands before token i and is a group, a government or a
// state: a pronoun later in the sentence most often refers to it ("While
// Russia claims its campaign is aimed at Daesh, it has targeted ...").
func (c *clause) sentenceSubject(i int) *Mention {
	for k := 0; k < i && k < 12; k++ {
		w := c.word(k)
		if preps[w] || boundaries[w] || w == "," {
			return nil // the sentence opens with a phrase, not its subject
		}
		m := c.owner[k]
		if m < 0 {
			continue
		}
		mm := &c.mentions[m]
		if !mm.IsActor() || mm.Type == schema.Person || c.modifier(*mm) || mm.ID == "rebels" {
			return nil
		}
		return mm
	}
	return nil
}

// speechBefore returns the verb of saying whose clause the word at k
// opens ("said (that) it", "announced on Monday that it"), or -1.
func (c *clause) speechBefore(k int) int {
	j := k - 1
	if c.word(j) == "that" {
		j--
	}
	for n := 0; n < 3 && (sayingTimes[c.word(j)] || c.word(j) == "on"); n++ {
		j--
	}
	if j < 0 || !speechVerbs[c.word(j)] || c.owner[j] >= 0 {
		return -1
	}
	return j
}

// sayingTimes stand between a verb of saying and its clause: "announced on
// Monday that".
var sayingTimes = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true, "earlier": true, "later": true, "late": true,
}

// unknownSpeaker reports whether the pronoun at k opens what a group the
// gazetteer does not know says: "The Sawaiq al-Rahman brigade announced
// that it had killed".
func (c *clause) unknownSpeaker(k int) bool {
	j := c.speechBefore(k)
	if j < 1 {
		return false
	}
	w := c.word(j - 1)
	named := j >= 2 && c.toks[j-2].IsCapitalized() && c.owner[j-2] < 0 // not "the group said it"
	return named && c.owner[j-1] < 0 && (w == "brigade" || w == "battalion" || w == "group" || w == "faction" || w == "movement" || w == "front" || w == "army")
}

// maxConjuncts bounds a coordinated list, so that a list of names is not
// multiplied into thousands of facts.
const maxConjuncts = 8

// coordinatedLeft returns mention m and the actors joined to it on the left
// by "and", "&" or commas, over articles, in text order: "the Syrian
// government and the Shabiha".
func (c *clause) coordinatedLeft(m int) []Mention {
	out := []Mention{c.mentions[m]}
	for len(out) < maxConjuncts {
		s := c.mentions[m].Start
		if c.word(s-1) == "the" {
			s--
		}
		if w := c.word(s - 1); w != "and" && w != "&" && w != "," || s < 2 {
			break
		}
		p := c.owner[s-2]
		if p < 0 || !c.mentions[p].IsActor() {
			break
		}
		out = append([]Mention{c.mentions[p]}, out...)
		m = p
	}
	return out
}

// coordinated returns the mentions from token k on that fit, joined by
// "and", "&" or commas ("by US and Russia"), skipping leading articles.
func (c *clause) coordinated(k int, fits func(Mention) bool) []Mention {
	var out []Mention
	for k < len(c.toks) && len(out) < maxConjuncts {
		for k < len(c.toks) && skippable[c.word(k)] {
			k++
		}
		if k < len(c.toks) && c.owner[k] >= 0 && offshoots[c.word(c.mentions[c.owner[k]].End)] && c.modifier(c.mentions[c.owner[k]]) {
			k = c.mentions[c.owner[k]].End + 1 // "by Al Qaeda affiliate Al Nusra Front": the affiliate
			continue
		}
		if k >= len(c.toks) || c.owner[k] < 0 || !fits(c.mentions[c.owner[k]]) {
			break
		}
		m := c.mentions[c.owner[k]]
		out = append(out, m)
		k = m.End
		if w := c.word(k); w != "and" && w != "&" && w != "," {
			break
		}
		k++
	}
	return out
}

// objectRight finds the object of a verb ending at i: the first mention to
// its right, within the clause, whose type fits the predicate's range.
func (c *clause) objectRight(i int, pred string) []Mention {
	for k := i; k < len(c.toks) && k < i+10; k++ {
		w := c.word(k)
		if boundaries[w] || w == "." || w == "," || w == "which" || w == "who" || w == "but" || w == "according" || w == "while" || w == "whereas" || speechVerbs[w] && c.owner[k] < 0 {
			break // "... killed in the strike, said the Civil Defence": the speaker is no object
		}
		if w == "alongside" && pred == schema.Fights {
			break // "fighting alongside the Nusra Front": allies
		}
		if territorial[pred] && (w == "partially" || w == "partly" || partOfCity(w) && c.word(k+1) == "of" && c.word(k-1) != "large" && c.word(k-1) != "most") {
			// "Aleppo is partially controlled by", "parts of the city": part of it
			for j := k + 1; j < len(c.toks) && j < k+6; j++ {
				if m := c.owner[j]; m >= 0 && c.mentions[m].Type == schema.City {
					return nil
				}
			}
		}
		if nearWords[w] && c.owner[k] < 0 && !(c.word(k-1) == "and" && c.word(k-2) == "in") || w == "outskirts" || (w == "that" || w == "to" && k > i) && (pred == schema.Demands || pred == schema.Warns) {
			// "the Mallah farms near the city of Aleppo": a point of reference;
			// "urges the world to stop crimes by the regime": what is urged
			break
		}
		if m := c.owner[k]; m >= 0 {
			mm := c.mentions[m]
			// "Rebel-Held Douma", "anti-Syria", "the Damascus suburb of Qudsaya"
			modifier := mm.End < len(c.toks) && c.toks[mm.End].Hyphen || c.modifier(mm) || c.modifiesPlaceNoun(mm)
			// "met in Jordan", "support for militants in northern Syria"; but
			// "controls territory in western Daraa province" holds in it.
			locative := mm.Start > i && (locatives[c.word(mm.Start-1)] || !territorial[pred] && c.locativeBefore(mm.Start))
			if c.saysIt(mm) {
				break // "... wounding dozens opposition activists said": who says it
			}
			if c.word(mm.Start-1) == "of" && directions[c.word(mm.Start-2)] && c.word(mm.Start-3) != "the" {
				k = mm.End - 1 // "villages northwest of Manbij": a point of reference
				continue
			}
			if pred == schema.Evacuates && c.destination(i, mm.Start) {
				break // "leave to the northern town of Jarablus": where they go, not what they leave
			}
			if rangeFits(pred, mm) && !modifier && !locative {
				return c.coordinated(k, func(m Mention) bool { return rangeFits(pred, m) })
			}
			k = c.mentions[m].End - 1
		}
	}
	return nil
}

// modifiesPlaceNoun reports whether place m modifies a place noun that names
// another place: "the Damascus suburb of Qudsaya", "the Aleppo district of".
func (c *clause) modifiesPlaceNoun(m Mention) bool {
	_, ok := placeNouns[c.word(m.End)]
	return ok && m.Kind() == "location" && c.word(m.End+1) == "of"
}

// saysIt reports whether m, with at most two nouns after it, is the
// subject of a verb of saying: "opposition activists said".
func (c *clause) saysIt(m Mention) bool {
	for k := m.End; k < len(c.toks) && k <= m.End+2; k++ {
		w := c.word(k)
		if speechVerbs[w] {
			return true
		}
		if c.owner[k] >= 0 || !c.toks[k].IsWord() || preps[w] || determiners[w] {
			return false
		}
	}
	return false
}

// partOfCity reports whether w names a part of a city: holding it is not
// holding the city.
func partOfCity(w string) bool {
	switch w {
	case "parts", "part", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "district", "districts", "quarter", "quarters", "sections":
		return true
	}
	return false
}

// nearWords make the place after them a point of reference, not the place
// itself.
var nearWords = map[string]bool{"near": true, "outside": true, "around": true, "toward": true, "towards": true, "road": true, "route": true, "highway": true}

// beforePlace are the words between a locative preposition and its place.
var beforePlace = map[string]bool{
	"ne": true, "nw": true, "se": true, "sw": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"north": true, "south": true, "east": true, "west": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "northeast": true, "northwest": true, "southeast": true,
	"southwest": true, "rural": true, "the": true, "war-torn": true, "neighbouring": true, "neighboring": true,
}

// locativeBefore reports whether a locative preposition introduces the
// mention starting at k, over articles and directions: "in northern Syria".
func (c *clause) locativeBefore(k int) bool {
	j := k - 1
	for n := 0; n < 2 && beforePlace[c.word(j)]; n++ {
		j--
	}
	return locatives[c.word(j)]
}

// leftDead reports whether "dead" ends the phrase from token i: "leaving
// 15 ISIS militants dead".
func (c *clause) leftDead(i int) bool {
	for k := i; k < len(c.toks) && k < i+8; k++ {
		switch w := c.word(k); {
		case w == "dead":
			return true
		case boundaries[w] || w == "," || w == ".":
			return false
		}
	}
	return false
}

// adjacent reports whether only articles stand between tokens i and j.
func (c *clause) adjacent(i, j int) bool {
	for k := i; k < j; k++ {
		if !skippable[c.word(k)] {
			return false
		}
	}
	return true
}

// destination reports whether a "to", "towards" or "for" between tokens i
// and j makes what follows the end of a move.
func (c *clause) destination(i, j int) bool {
	for k := i; k < j; k++ {
		switch c.word(k) {
		case "to", "towards", "toward", "for":
			return true
		}
	}
	return false
}

// objectLeft finds the object of a passive verb at i: the nearest fitting
// mention to its left that is not a point of reference ("Madaya, a town
// near Damascus besieged by": Madaya).
func (c *clause) objectLeft(i int, pred string) []Mention {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if boundaries[c.word(k)] || speechVerbs[c.word(k)] && c.owner[k] < 0 {
			break // "The Observatory said two children were killed by": the speaker
		}
		if m := c.owner[k]; m >= 0 {
			if w := c.word(c.mentions[m].Start - 1); w == "near" || w == "outside" || c.modifiesPlaceNoun(c.mentions[m]) {
				k = c.mentions[m].Start
				continue
			}
			if rangeFits(pred, c.mentions[m]) {
				return []Mention{c.mentions[m]}
			}
			k = c.mentions[m].Start
		}
	}
	return nil
}

// afterDeterminer reports whether the word at i follows a determiner,
// over hyphenated modifiers: "the attack", "the pre-dawn attack".
func (c *clause) afterDeterminer(i int) bool {
	j := i - 1
	for j > 0 && c.owner[j] < 0 && c.toks[j].Hyphen {
		j--
	}
	if j < i-1 {
		j-- // the first word of the compound
	}
	return determiners[c.word(j)]
}

// aims are words whose "to" clause says what someone means to do, not what
// was done: "a campaign to capture Aleppo", "in an attempt to take control".
var aims = map[string]bool{
	"attempt": true, "attempts": true, "bid": true, "effort": true, "efforts": true, "campaign": true,
	"plan": true, "plans": true, "push": true, "drive": true, "aim": true, "goal": true, "bids": true,
	"intention": true, "intent": true, "threat": true, "threats": true, "order": true, "orders": true,
	// and verbs and adjectives of intending, trying and failing: "preparing
	// to open fire on", "tried to advance on", "failed to retake".
	"prepare": true, "prepares": true, "prepared": true, "preparing": true, "try": true, "tries": true,
	"tried": true, "trying": true, "seek": true, "seeks": true, "sought": true, "seeking": true,
	"planned": true, "planning": true, "intend": true, "intends": true, "intended": true, "intending": true,
	"threaten": true, "threatens": true, "threatened": true, "threatening": true, "vow": true, "vows": true,
	"vowed": true, "vowing": true, "aims": true, "aimed": true, "aiming": true, "want": true, "wants": true,
	"wanted": true, "hope": true, "hopes": true, "hoped": true, "hoping": true, "attempted": true,
	"attempting": true, "fail": true, "fails": true, "failed": true, "failing": true, "unable": true,
	"poised": true, "ready": true, "expected": true, "likely": true, "set": true, "fighting": true,
	"battling": true, "struggling": true, "racing": true, "pushing": true, "scrambling": true,
	"operation": true, "offensive": true, "mission": true, "assault": true, "ultimatum": true, "deadline": true,
}

// aim reports whether the verb at i is the infinitive of an aim noun, over
// an adverb: "a campaign to fully capture".
func (c *clause) aim(i int) bool {
	j := i - 1
	if strings.HasSuffix(c.word(j), "ly") {
		j--
	}
	if controlVerbs[c.word(j)] {
		j-- // "an operation to seize control over Raqqa": the trigger is "control"
	}
	return c.word(j) == "to" && aims[c.word(j-1)]
}

// controlVerbs take "control" as their object: "seize control of".
var controlVerbs = map[string]bool{
	"seize": true, "take": true, "gain": true, "regain": true, "wrest": true, "retake": true, "assume": true, "establish": true,
}

// irrealis reports whether a modal of obligation stands between the
// subject (ending at from) and the verb at i.
func (c *clause) irrealis(i, from int) bool {
	for k := max(from, i-4); k < i; k++ {
		switch c.word(k) {
		case "should", "must", "ought", "will", "would", "shall":
			return true // a demand or a prediction: "will soon take full control"
		}
	}
	return false
}

// modality looks between the subject (ending at from) and the verb at i
// for negation ("did not agree") and hedging ("appeared to have agreed").
func (c *clause) modality(i, from int) (negated, hedged bool) {
	for k := max(from, i-4); k < i; k++ {
		w := c.word(k)
		negated = negated || negations[w]
		hedged = hedged || hedges[w]
	}
	return negated, hedged
}

// rangeFits reports whether m can be the object of pred.
func rangeFits(pred string, m Mention) bool {
	p, ok := schema.LookupPredicate(pred)
	if !ok {
		return false
	}
	switch p.Range {
	case schema.Agreement:
		return m.Kind() == "agreement"
	case schema.Location:
		if (pred == schema.Controls || pred == schema.Captures) && (m.Type == schema.Country || m.Type == schema.State) {
			// Nobody in this war holds or takes a whole country: "rebel-held
			// north Syria", "opposition-held areas in Syria" are parts of it.
			return false
		}
		if territorial[pred] {
			return m.Kind() == "location" // "an area held by IS fighters" is what is held, not a party
		}
		return m.Kind() == "location" || m.IsActor()
	}
	if pred == schema.Attacks || pred == schema.Targets {
		return m.IsActor() || m.Kind() == "location" // an attack on a town
	}
	// Killing, talks, support, membership...: an actor, never where it happened.
	return m.IsActor()
}

// territorial predicates take a place: who is besieged, held or left is a
// town or a region, never a party. Bombing and shelling can hit either.
var territorial = map[string]bool{
	schema.Controls: true, schema.Captures: true, schema.Besieges: true, schema.Blockades: true,
	schema.WithdrawsFrom: true, schema.Evacuates: true, schema.LocatedIn: true,
}

// voices are predicates of what is said, the only ones a news outlet or
// monitor can be the subject of: "AFP Tuesday ... strikes killed" is a
// dateline, not an agency that kills.
var voices = map[string]bool{
	schema.Reports: true, schema.Announces: true, schema.Accuses: true, schema.Blames: true, schema.Criticizes: true,
	schema.Denies: true, schema.Demands: true, schema.Warns: true, schema.Rejects: true, schema.MeetsWith: true,
}

// cross makes one relation for each subject and object pair.
func cross(subjs, objs []Mention, r relation) []relation {
	var out []relation
	for _, s := range subjs {
		if (s.Type == schema.MediaOutlet || s.Type == schema.NGO) && !voices[r.predicate] {
			continue
		}
		for _, o := range objs {
			if o.Type == schema.MediaOutlet && !voices[r.predicate] {
				continue
			}
			x := r
			x.subj, x.obj = s, o
			out = append(out, x)
		}
	}
	return out
}
