package triples

import (
	"slices"
	"strings"

	"github.com/conflictkg/kg/schema"
)

// The claims stage reads what a sentence says that someone says, and the
// agreements and moves that a report states in passing. The schema has no
// predicate for "X said that ...": who says something gets a fact for it
// only when what is said is an agreement ("the ministry announced that a
// ceasefire had been agreed" -> kg:announces, "the centre said the group
// joined the ceasefire" -> kg:reports), an accusation ("what it described
// as a massacre by X" -> kg:accuses X), a demand on another party ("the
// embassy asserted that rebels should refrain" -> kg:demands) or a warning
// carried in a message. Otherwise the speaker stays the fact's source
// (relation.source), as attribution, not a fact.
//
// It also reads the agreement that a generic "agreement" or "deal" names
// by its content ("an agreement to a ceasefire", "an agreement to exit
// Ghouta"), the evacuation such an agreement states ("an agreement to
// displace ... al-Rahman Legion fighters from Eastern Ghouta"), that those
// who leave "under an agreement" agreed to it, a denied move ("none of the
// fighters have left"), and the target of an attack named only by its aim
// ("attacked ... in an attempt to take control of X": the attack is a
// fact, the capture is not).

// moveVerbs, after "an agreement to", make it an evacuation deal. Those
// marked true take the people moved as their object ("displace civilians
// and fighters"); the others the place left ("exit Ghouta").
var moveVerbs = map[string]bool{
	"displace": true, "evacuate": true, "transfer": true, "relocate": true, "expel": true, "deport": true,
	"exit": false, "leave": false, "depart": false,
}

// specifyAgreements gives a generic agreement the entity its content
// names: "an agreement to a ceasefire" is the ceasefire, "an agreement to
// exit Ghouta" an evacuation deal.
func (c *clause) specifyAgreements() {
	for i := range c.mentions {
		m := &c.mentions[i]
		if m.ID != "agreement" {
			continue
		}
		w := c.word(m.End)
		if w == "to" {
			if _, ok := moveVerbs[c.word(m.End+1)]; ok {
				c.specify(m, "evacuation-deal")
				continue
			}
		}
		if w != "to" && w != "on" && w != "for" {
			continue
		}
		k := m.End + 1
		for k < len(c.toks) && skippable[c.word(k)] {
			k++
		}
		if k >= len(c.toks) {
			continue
		}
		if o := c.owner[k]; o >= 0 && c.mentions[o].Kind() == "agreement" && c.mentions[o].ID != "agreement" {
			m.Entity = c.mentions[o].Entity
		}
	}
}

// specify makes m the gazetteer's entity id, if the gazetteer has it.
func (c *clause) specify(m *Mention, id string) {
	if c.gaz == nil {
		return
	}
	if e, ok := c.gaz.Entity(id); ok {
		m.Entity = e
	}
}

// saying is a verb of saying and what it says: the speaker and the tokens
// [from, to) of what is said.
type saying struct {
	verb     int
	speaker  Mention
	from, to int
}

// speeches finds who says what in the sentence: "X said (that) ...",
// "..., X said", "..., said X".
func (c *clause) speeches() []saying {
	var out []saying
	for k := range c.toks {
		if !speechVerbs[c.word(k)] || c.owner[k] >= 0 || determiners[c.word(k-1)] || c.tree != nil && c.tree.UPOS[k] == "NOUN" {
			continue // "these claims", "chemical weapons claims": a noun
		}
		// "..., X said" or '...," X told Reuters': the speaker after a comma or quote.
		if m := c.owner[max(k-1, 0)]; k > 0 && m >= 0 && c.mentions[m].IsActor() {
			before := c.mentions[m].Start - 1
			if c.word(before) == "the" {
				before--
			}
			if w := c.word(before); w == "," || w == "\"" {
				out = append(out, saying{verb: k, speaker: c.mentions[m], from: 0, to: before})
				continue
			}
		}
		// "..., said X".
		if w := c.word(k - 1); w == "," || w == "\"" {
			next := k + 1
			if c.word(next) == "the" {
				next++
			}
			if next < len(c.toks) && c.owner[next] >= 0 && c.mentions[c.owner[next]].IsActor() {
				out = append(out, saying{verb: k, speaker: c.mentions[c.owner[next]], from: 0, to: k - 1})
				continue
			}
		}
		// "X said (that) ...", but not "X are said to": a hedge, not a speaker.
		if beForms[c.word(k-1)] {
			continue
		}
		if s, ok := c.speakerLeft(k); ok {
			from := k + 1
			if c.word(from) == "that" {
				from++
			}
			out = append(out, saying{verb: k, speaker: s, from: from, to: len(c.toks)})
		}
	}
	return out
}

// speakerLeft finds the subject of the verb of saying at k: as the parse
// reads it, else the nearest actor to its left, else a definite
// description of an actor named before ("the embassy").
func (c *clause) speakerLeft(k int) (Mention, bool) {
	if ds, _, known := c.depSubjects(k); known && len(ds) > 0 {
		return ds[len(ds)-1], true
	}
	if c.tree != nil && c.tree.UPOS[k] == "VERB" {
		if h, _ := c.tree.subject(k); h >= 0 {
			if m, ok := c.definiteActor(h); ok {
				return m, true
			}
		}
	}
	if subjs, dist, _ := c.subjectLeft(k); len(subjs) > 0 && dist <= 8 {
		// Far from the verb only over a phrase without commas: "Russia's
		// centre of reconciliation between warring parties in Syria said".
		s := subjs[len(subjs)-1]
		plain := true
		for j := s.End; j < k; j++ {
			plain = plain && c.word(j) != "," && c.word(j) != "\""
		}
		if plain || dist <= 1 {
			return s, true
		}
	}
	return c.definiteActor(k - 1)
}

// definiteActor resolves "the embassy", "the ministry" at token k to the
// actor named before whose name has that word: "the U.S. Embassy in
// Amman ... the embassy".
func (c *clause) definiteActor(k int) (Mention, bool) {
	if k < 1 || c.word(k-1) != "the" || c.owner[k] >= 0 || !c.toks[k].IsWord() {
		return Mention{}, false
	}
	w := c.word(k)
	named := func(m Mention) bool {
		for _, f := range strings.Fields(m.Text) {
			if fold(f) == w {
				return true
			}
		}
		return false
	}
	for i := len(c.mentions) - 1; i >= 0; i-- {
		if m := c.mentions[i]; m.End <= k-1 && m.IsActor() && named(m) {
			m.Start, m.End, m.Text = k-1, k+1, spanText(c.toks, k-1, k+1)
			return m, true
		}
	}
	if c.ctx != nil && c.ctx.lastActor != nil && named(*c.ctx.lastActor) {
		m := *c.ctx.lastActor
		m.Start, m.End, m.Text = k-1, k+1, spanText(c.toks, k-1, k+1)
		return m, true
	}
	return Mention{}, false
}

// subjectsAt returns the subjects of the verb at i, as the active rule
// finds them: the parse, or word order where the parse finds none near.
func (c *clause) subjectsAt(i int) []Mention {
	subjs, dist, _ := c.subjectLeft(i)
	ds, _, parsed := c.depSubjects(i)
	if parsed && (len(ds) > 0 || len(subjs) == 0 || dist > 1) {
		return ds
	}
	return subjs
}

// claims returns the facts of statements, accusations, demands, warnings
// and moves in the sentence that the clause rules do not give; out is what
// they gave.
func (c *clause) claims(out []relation) []relation {
	var add []relation
	seen := func(r relation) bool {
		for _, x := range append(out, add...) {
			if x.subj.ID == r.subj.ID && x.predicate == r.predicate && x.obj.ID == r.obj.ID && x.negated == r.negated {
				return true
			}
		}
		return false
	}
	put := func(rs ...relation) {
		for _, r := range rs {
			if r.subj.ID != r.obj.ID && !seen(r) {
				add = append(add, r)
			}
		}
	}
	sp := c.speeches()
	for _, s := range sp {
		put(c.reported(s)...)
		put(c.accusedInSpeech(s)...)
		put(c.demanded(s)...)
	}
	put(c.reportNouns()...)
	put(c.described(sp)...)
	put(c.messages()...)
	put(c.displaced()...)
	put(c.underAgreement(append(out, add...))...)
	put(c.noneLeft()...)
	put(c.attempted(out)...)
	put(c.recalled()...)
	return add
}

// voicedNouns name an act of speech already reported: "the warnings".
var voicedNouns = map[string]string{
	"warning": schema.Warns, "warnings": schema.Warns, "demand": schema.Demands, "demands": schema.Demands,
	"accusation": schema.Accuses, "accusations": schema.Accuses,
}

// remember notes who warned, demanded or accused in the sentence, for
// "the warnings" of a later one.
func (c *clause) remember(rs []relation) {
	if c.ctx == nil {
		return
	}
	for _, r := range rs {
		if r.negated || r.predicate != schema.Warns && r.predicate != schema.Demands && r.predicate != schema.Accuses {
			continue
		}
		if c.ctx.voiced == nil {
			c.ctx.voiced = map[string]Mention{}
		}
		c.ctx.voiced[r.predicate] = r.subj
	}
}

// recalled: "The warnings to the Southern Front coincide with ..." -> who
// warned before in the article warned the Southern Front. Only a definite
// noun without its own agent refers back.
func (c *clause) recalled() []relation {
	var out []relation
	if c.ctx == nil || len(c.ctx.voiced) == 0 {
		return nil
	}
	for k := 1; k+1 < len(c.toks); k++ {
		pred, ok := voicedNouns[c.word(k)]
		if !ok || c.owner[k] >= 0 {
			continue
		}
		if w := c.word(k - 1); w != "the" && w != "these" && w != "those" {
			continue
		}
		if w := c.word(k + 1); w != "to" && w != "against" {
			continue
		}
		by, ok := c.ctx.voiced[pred]
		if !ok {
			continue
		}
		for _, o := range c.coordinated(k+2, func(m Mention) bool { return m.IsActor() }) {
			if o.ID != by.ID {
				out = append(out, relation{subj: by, obj: o, predicate: pred, relStart: k, relEnd: k + 2, confidence: 0.6, rule: "recalled"})
			}
		}
	}
	return out
}

// announcing verbs are in the lexicon (kg:announces); the others report.
var announcing = map[string]bool{"announced": true, "announces": true, "declared": true}

// reported: a speaker says that an agreement was made ("said that leaders
// of X made a decision to join the ceasefire agreement") -> the speaker
// reports the agreement.
func (c *clause) reported(s saying) []relation {
	if announcing[c.word(s.verb)] {
		return nil
	}
	a, ok := c.agreedIn(s.from, s.to)
	if !ok {
		return nil
	}
	return []relation{{subj: s.speaker, obj: a, predicate: schema.Reports, relStart: s.verb, relEnd: s.verb + 1, confidence: 0.7, rule: "speech+agreement"}}
}

// agreeWords say that an agreement is made or joined.
var agreeWords = map[string]bool{
	"agree": true, "agrees": true, "agreed": true, "join": true, "joins": true, "joined": true, "sign": true,
	"signs": true, "signed": true, "reach": true, "reached": true, "accept": true, "accepts": true,
	"accepted": true, "concluded": true, "approved": true,
}

// agreedIn returns the first agreement in tokens [from, to) that the text
// says is made: after a verb of agreeing ("join the ceasefire agreement",
// "signed up to a truce") or before one ("a truce was reached").
func (c *clause) agreedIn(from, to int) (Mention, bool) {
	for k := max(from, 0); k < to && k < len(c.toks); k++ {
		m := c.owner[k]
		if m < 0 || c.mentions[m].Kind() != "agreement" {
			continue
		}
		a := c.mentions[m]
		for j := a.Start - 1; j >= max(from, a.Start-4); j-- {
			if agreeWords[c.word(j)] && !(c.word(j-1) == "to" && aims[c.word(j-2)]) {
				return a, true // but not "efforts to reach a settlement": an aim
			}
		}
		for j := a.End; j < to && j < a.End+4; j++ {
			w := c.word(j)
			if w == "which" || w == "that" || w == "," {
				break // "the agreement which was reached last July": the writer's, not the speaker's
			}
			if agreeWords[w] && isParticiple(w) {
				return a, true
			}
		}
		k = a.End - 1
	}
	return Mention{}, false
}

// reportNouns name what someone reported: "the news disseminated by X
// which talks about ... the ceasefire agreement".
var reportNouns = map[string]bool{
	"news": true, "report": true, "reports": true, "claim": true, "claims": true, "allegation": true,
	"allegations": true, "statement": true, "statements": true, "announcement": true, "rumours": true, "rumors": true,
}

// reportNouns: "the news disseminated by X which talks about AGREEMENT" ->
// X reports the agreement; and whoever denies that news denies it.
func (c *clause) reportNouns() []relation {
	var out []relation
	for k := range c.toks {
		if !reportNouns[c.word(k)] || c.owner[k] >= 0 {
			continue
		}
		j := k + 1
		if isParticiple(c.word(j)) && c.owner[j] < 0 {
			j++ // "disseminated", "published"
		}
		if c.word(j) != "by" {
			continue
		}
		j++
		for c.word(j) == "[" || skippable[c.word(j)] {
			j++
		}
		if j >= len(c.toks) || c.owner[j] < 0 || !c.mentions[c.owner[j]].IsActor() {
			continue
		}
		reporter := c.mentions[c.owner[j]]
		a, ok := c.agreementIn(reporter.End, len(c.toks))
		if !ok {
			continue
		}
		out = append(out, relation{subj: reporter, obj: a, predicate: schema.Reports, relStart: k, relEnd: k + 1, confidence: 0.7, rule: "report-noun"})
		for _, t := range c.triggers {
			if t.Kind != KindDeny || t.End > k || !c.adjacent(t.End, k) {
				continue
			}
			for _, d := range c.subjectsAt(t.Start) {
				out = append(out, relation{subj: d, obj: a, predicate: schema.Denies, relStart: t.Start, relEnd: t.End, confidence: 0.7, rule: "report-noun+denied"})
			}
		}
	}
	return out
}

// agreementIn returns the first agreement named in tokens [from, to) of
// the clause, not counting a word the parse reads as a verb ("which talks
// about").
func (c *clause) agreementIn(from, to int) (Mention, bool) {
	for k := from; k < to && k < len(c.toks); k++ {
		w := c.word(k)
		if boundaries[w] && w != "(" && w != ")" || w == "." || w == "," {
			break
		}
		m := c.owner[k]
		if m < 0 || c.mentions[m].Kind() != "agreement" {
			continue
		}
		mm := c.mentions[m]
		if c.tree != nil && c.tree.UPOS[mm.Start] == "VERB" || mm.End-mm.Start == 1 && (c.word(mm.Start-1) == "which" || c.word(mm.Start-1) == "that") {
			k = mm.End - 1
			continue
		}
		return mm, true
	}
	return Mention{}, false
}

// accusationNouns name what a party is accused of.
var accusationNouns = map[string]bool{
	"massacre": true, "massacres": true, "crime": true, "crimes": true, "atrocity": true, "atrocities": true,
	"violation": true, "violations": true, "abuses": true, "aggression": true,
}

// accused returns the actors named after "by" at token k: "by the Assad
// militias and their ally the Russian warplanes".
func (c *clause) accused(k int) []Mention {
	if c.word(k) != "by" {
		return nil
	}
	var out []Mention
	for j := k + 1; j < len(c.toks) && j < k+14 && len(out) < maxConjuncts; j++ {
		if m := c.owner[j]; m >= 0 {
			if !c.mentions[m].IsActor() {
				break
			}
			out = append(out, c.mentions[m])
			j = c.mentions[m].End - 1
			continue
		}
		switch c.word(j) {
		case "and", "&", ",", "the", "their", "its", "ally", "allies", "\"", "[", "]":
		default:
			return out
		}
	}
	return out
}

// accusedInSpeech: what a party says of another ("There are big
// violations by the regime," Alloush told Reuters; "they [the Shabiha
// militia] has committed many crimes") -> the speaker accuses it. News
// outlets and monitors report; they do not accuse.
func (c *clause) accusedInSpeech(s saying) []relation {
	if s.speaker.Type == schema.MediaOutlet || s.speaker.Type == schema.NGO {
		return nil
	}
	var out []relation
	for k := s.from; k < s.to && k < len(c.toks); k++ {
		if k >= s.speaker.Start && k < s.speaker.End || k == s.verb {
			continue
		}
		w := c.word(k)
		if reportNouns[w] || hearsay[w] {
			break // "it would probe reports that X committed a massacre": not the speaker's claim
		}
		var who []Mention
		switch {
		case accusationNouns[w] && c.owner[k] < 0:
			who = c.accused(k + 1)
		case strings.HasPrefix(w, "commit") && c.committed(k):
			if subjs, dist, _ := c.subjectLeft(k); len(subjs) > 0 && dist <= 3 {
				who = subjs[len(subjs)-1:]
			}
		}
		for _, a := range who {
			if a.ID != s.speaker.ID {
				out = append(out, relation{subj: s.speaker, obj: a, predicate: schema.Accuses, relStart: s.verb, relEnd: s.verb + 1, confidence: 0.65, rule: "speech+accusation"})
			}
		}
	}
	return out
}

// hearsay words put what follows out of the speaker's own claims.
var hearsay = map[string]bool{
	"probe": true, "investigate": true, "investigating": true, "investigation": true, "whether": true,
	"if": true, "alleged": true, "allegedly": true, "denied": true, "denies": true, "deny": true,
}

// committed reports whether "commit" at k has an accusation as object:
// "has committed many crimes".
func (c *clause) committed(k int) bool {
	switch c.word(k) {
	case "commit", "commits", "committed", "committing":
	default:
		return false
	}
	for j := k + 1; j < len(c.toks) && j <= k+3; j++ {
		if accusationNouns[c.word(j)] {
			return true
		}
	}
	return false
}

// described: "what it described as a massacre by X and Y" -> who describes
// accuses X and Y. "it" is the sentence's speaker when it has one.
func (c *clause) described(sp []saying) []relation {
	var out []relation
	for k := range c.toks {
		switch c.word(k) {
		case "described", "describes", "called", "calls", "termed", "labelled", "labeled", "branded":
		default:
			continue
		}
		as := -1
		for j := k + 1; j < len(c.toks) && j <= k+3; j++ {
			if c.word(j) == "as" {
				as = j
				break
			}
		}
		if as < 0 {
			continue
		}
		var who []Mention
		for j := as + 1; j < len(c.toks) && j <= as+5; j++ {
			if accusationNouns[c.word(j)] {
				who = c.accused(j + 1)
				break
			}
		}
		if len(who) == 0 {
			continue
		}
		var by []Mention
		if w := c.word(k - 1); w == "it" || w == "they" {
			for _, s := range sp {
				if s.verb < k && s.from <= k && k < s.to {
					by = []Mention{s.speaker}
				}
			}
		}
		if len(by) == 0 {
			by = c.subjectsAt(k)
		}
		for _, b := range by {
			for _, a := range who {
				if a.ID != b.ID {
					out = append(out, relation{subj: b, obj: a, predicate: schema.Accuses, relStart: k, relEnd: k + 1, confidence: 0.7, rule: "described-as"})
				}
			}
		}
	}
	return out
}

// demanded: a speaker says another party should act ("the embassy
// asserted that rebels should refrain") -> the speaker demands of it. The
// party is the addressee of the letter the speech is in, when the
// sentence names one ("a letter was sent by X to the Southern Front, in
// which ...").
func (c *clause) demanded(s saying) []relation {
	if s.speaker.Type == schema.MediaOutlet || s.speaker.Type == schema.NGO || s.from < s.verb {
		return nil
	}
	for k := s.from; k < s.to && k < s.from+8; k++ {
		if w := c.word(k); w != "should" && w != "must" {
			continue
		}
		if w := c.word(k + 1); w == "be" || w == "have" || w == "not" {
			return nil // "should be held accountable": said of an object, not a demand on a party
		}
		m := c.owner[k-1]
		if m < 0 || !c.mentions[m].IsActor() || preps[c.word(c.mentions[m].Start-1)] {
			return nil // "the mission in Syria should": Syria is not who should act
		}
		who := c.mentions[m]
		if a, ok := c.addressee(s.verb); ok && (who.ID == "rebels" || who.Type == a.Type) {
			who = a
		}
		return []relation{{subj: s.speaker, obj: who, predicate: schema.Demands, relStart: s.verb, relEnd: min(k+2, len(c.toks)), confidence: 0.65, rule: "speech+should"}}
	}
	return nil
}

// sendVerbs send a letter or message to someone.
var sendVerbs = map[string]bool{
	"sent": true, "send": true, "sends": true, "addressed": true, "delivered": true, "handed": true, "conveyed": true,
	"relayed": true, "passed": true, "deliver": true, "delivers": true, "convey": true,
}

// addressee returns the actor a letter or message is sent to, before token
// i: "a letter was sent by X to the Southern Front".
func (c *clause) addressee(i int) (Mention, bool) {
	for k := 0; k < i; k++ {
		if !sendVerbs[c.word(k)] {
			continue
		}
		for j := k + 1; j < i && j < k+10; j++ {
			if c.word(j) != "to" {
				if m := c.owner[j]; m >= 0 {
					j = c.mentions[m].End - 1
				}
				continue
			}
			n := j + 1
			if c.word(n) == "the" {
				n++
			}
			if n < i && c.owner[n] >= 0 && c.mentions[c.owner[n]].IsActor() {
				return c.mentions[c.owner[n]], true
			}
			break
		}
	}
	return Mention{}, false
}

// messages: "they delivered a message saying no offensive is welcome
// against rebels" -> who delivers warns whom it is delivered to: "to X",
// or whom they met. The message must warn: a warning, or a message that
// says no or not.
func (c *clause) messages() []relation {
	var out []relation
	for k := range c.toks {
		if !sendVerbs[c.word(k)] || c.owner[k] >= 0 {
			continue
		}
		n := k + 1
		for skippable[c.word(n)] {
			n++
		}
		noun := c.word(n)
		if noun != "message" && noun != "warning" && noun != "messages" && noun != "warnings" {
			continue
		}
		warns := strings.HasPrefix(noun, "warning")
		for j := n + 1; !warns && j < len(c.toks) && j <= n+6; j++ {
			switch c.word(j) {
			case "no", "not", "n't", "never", "against":
				warns = true
			}
		}
		if !warns {
			continue
		}
		var to []Mention
		if c.word(n+1) == "to" {
			to = c.coordinated(n+2, func(m Mention) bool { return m.IsActor() })
		}
		subjs := c.subjectsAt(k)
		if w := c.word(k - 1); w == "they" || w == "he" || w == "she" || w == "it" || len(subjs) == 0 {
			// "X met Y, where they delivered a message": X delivered it to Y.
			subjs, to = c.metBefore(k, to)
		}
		for _, s := range subjs {
			for _, o := range to {
				out = append(out, relation{subj: s, obj: o, predicate: schema.Warns, relStart: k, relEnd: n + 1, confidence: 0.6, rule: "message"})
			}
		}
	}
	return out
}

// metBefore returns who met whom before token i ("Commanders from the
// Russian army met with regime military officers"), keeping to when it
// names the other party already.
func (c *clause) metBefore(i int, to []Mention) ([]Mention, []Mention) {
	for _, t := range c.triggers {
		if t.Predicate != schema.MeetsWith || t.Start >= i {
			continue
		}
		subjs := c.subjectsAt(t.Start)
		if len(to) == 0 {
			to = c.objectRight(t.End, schema.MeetsWith)
		}
		if len(subjs) > 0 {
			return subjs, to
		}
	}
	return nil, to
}

// displaced: "an agreement to displace civilians and al-Rahman Legion
// fighters from the central sector of Eastern Ghouta" -> the group
// evacuates the place and agrees to the deal, unless the agreement is
// denied or negated.
func (c *clause) displaced() []relation {
	var out []relation
	for _, a := range c.mentions {
		if a.Kind() != "agreement" || c.word(a.End) != "to" || !moveVerbs[c.word(a.End+1)] || c.deniedBefore(a.Start) {
			continue
		}
		v := a.End + 1
		var groups, places []Mention
		for j := v + 1; j < len(c.toks) && j < v+14; j++ {
			w := c.word(j)
			if boundaries[w] || w == "." || w == "," && len(groups) > 0 {
				break
			}
			if w == "from" {
				places = c.placeAfter(j + 1)
				break
			}
			if m := c.owner[j]; m >= 0 {
				if c.mentions[m].Type == schema.ArmedGroup {
					groups = append(groups, c.mentions[m])
				}
				j = c.mentions[m].End - 1
			}
		}
		for _, g := range groups {
			out = append(out, relation{subj: g, obj: a, predicate: schema.AgreesTo, relStart: a.Start, relEnd: v + 1, confidence: 0.65, rule: "agreement-to-move"})
			for _, p := range places {
				out = append(out, relation{subj: g, obj: p, predicate: schema.Evacuates, relStart: v, relEnd: v + 1, confidence: 0.65, rule: "agreement-to-move"})
			}
		}
	}
	return out
}

// placeAfter returns the first place named from token i on, within a noun
// phrase: "the central sector of Eastern Ghouta".
func (c *clause) placeAfter(i int) []Mention {
	for j := i; j < len(c.toks) && j < i+6; j++ {
		if m := c.owner[j]; m >= 0 {
			if c.mentions[m].Kind() == "location" {
				return []Mention{c.mentions[m]}
			}
			return nil
		}
		if w := c.word(j); boundaries[w] || w == "," || w == "." {
			return nil
		}
	}
	return nil
}

// deniedBefore reports whether a denial or a negation comes before token
// i in the sentence.
func (c *clause) deniedBefore(i int) bool {
	for _, t := range c.triggers {
		if (t.Kind == KindDeny || t.Kind == KindNegate) && t.Start < i {
			return true
		}
	}
	for k := max(0, i-4); k < i; k++ {
		if negations[c.word(k)] {
			return true
		}
	}
	return false
}

// underAgreement: "fighters from X exited from Harasta under a similar
// agreement" -> X agrees to the deal; an agreement under which one leaves
// is an evacuation deal.
func (c *clause) underAgreement(rs []relation) []relation {
	var out []relation
	for _, r := range rs {
		if r.predicate != schema.Evacuates || r.negated {
			continue
		}
		for k := r.relEnd; k < len(c.toks); k++ {
			w := c.word(k)
			if boundaries[w] || w == "." {
				break
			}
			if w != "under" {
				continue
			}
			j := k + 1
			for skippable[c.word(j)] || c.word(j) == "similar" || c.word(j) == "same" || c.word(j) == "separate" {
				j++
			}
			if j >= len(c.toks) {
				break
			}
			if m := c.owner[j]; m >= 0 && c.mentions[m].Kind() == "agreement" {
				a := c.mentions[m]
				if a.ID == "agreement" {
					c.specify(&a, "evacuation-deal")
				}
				out = append(out, relation{subj: r.subj, obj: a, predicate: schema.AgreesTo, relStart: k, relEnd: a.End, confidence: 0.6, rule: "under-agreement"})
			}
			break
		}
	}
	return out
}

// noneLeft: "The group wants to remain in Douma and none of the fighters
// have left" -> the group does not leave Douma. The group is the one the
// sentence names, the place the one left or stayed in.
func (c *clause) noneLeft() []relation {
	var out []relation
	for _, t := range c.triggers {
		if t.Predicate != schema.Evacuates || t.Kind != KindVerb {
			continue
		}
		k := t.Start - 1
		for k > 0 && (c.word(k) == "have" || c.word(k) == "has" || c.word(k) == "had") {
			k--
		}
		if !agentNouns[c.word(k)] {
			continue
		}
		none := c.word(k-1) == "the" && c.word(k-2) == "of" && c.word(k-3) == "none"
		if !none && c.word(k-1) != "no" {
			continue
		}
		objs := c.objectRight(t.End, schema.Evacuates)
		if len(objs) == 0 {
			objs = c.stayedIn()
		}
		g, ok := c.namedGroup()
		if !ok || len(objs) == 0 {
			continue
		}
		for _, o := range objs {
			out = append(out, relation{subj: g, obj: o, predicate: schema.Evacuates, relStart: k, relEnd: t.End, negated: true, confidence: 0.6, rule: "none-left"})
		}
	}
	return out
}

// stayedIn returns the place the sentence says someone stays in: "wants
// to remain in Douma".
func (c *clause) stayedIn() []Mention {
	for k := range c.toks {
		switch c.word(k) {
		case "remain", "stay", "staying", "remaining", "stayed", "remained":
			if c.word(k+1) == "in" {
				return c.placeAfter(k + 2)
			}
		}
	}
	return nil
}

// namedGroup returns the one armed group the sentence names, other than
// rebels in general; the group last named in the article if it names none.
func (c *clause) namedGroup() (Mention, bool) {
	var g *Mention
	for i := range c.mentions {
		m := &c.mentions[i]
		if m.Type != schema.ArmedGroup || m.ID == "rebels" {
			continue
		}
		if g != nil && g.ID != m.ID {
			return Mention{}, false
		}
		g = m
	}
	if g != nil {
		return *g, true
	}
	if c.ctx != nil && c.ctx.lastGroup != nil && c.ctx.lastGroup.ID != "rebels" && c.ctx.lastGroup.Type == schema.ArmedGroup {
		return *c.ctx.lastGroup, true
	}
	return Mention{}, false
}

// attempted: "IS fighters attacked from their base in X in an attempt to
// take control of the al-Qadam district" -> IS attacks al-Qadam. The
// attack is a fact; the capture it aimed at is not.
func (c *clause) attempted(rs []relation) []relation {
	var out []relation
	for _, t := range c.triggers {
		if t.Predicate != schema.Attacks || t.Kind != KindVerb {
			continue
		}
		done := false
		for _, r := range rs {
			done = done || r.relStart == t.Start
		}
		if done {
			continue
		}
		aim := -1
		for k := t.End; k < len(c.toks) && k < t.End+14; k++ {
			w := c.word(k)
			if boundaries[w] || w == "." || w == "," {
				break
			}
			if aims[w] && c.word(k+1) == "to" {
				aim = k + 2
				break
			}
		}
		if aim < 0 {
			continue
		}
		objs := c.objectRight(aim, schema.Attacks)
		subjs := c.subjectNear(t.Start)
		if len(subjs) == 0 {
			subjs = c.subjectsAt(t.Start)
		}
		for _, s := range subjs {
			for _, o := range objs {
				if o.IsActor() && o.ID == s.ID {
					continue
				}
				out = append(out, relation{subj: s, obj: o, predicate: schema.Attacks, relStart: t.Start, relEnd: t.End, confidence: 0.65, rule: "attack+aim"})
			}
		}
	}
	return out
}

// subjectNear returns the actor right before the verb at i, over the noun
// it stands for: "after IS fighters attacked", where the parse may read a
// reduced relative clause.
func (c *clause) subjectNear(i int) []Mention {
	k := i - 1
	if agentNouns[c.word(k)] && c.owner[k] < 0 {
		k--
	}
	if m := c.owner[max(k, 0)]; k >= 0 && m >= 0 && c.mentions[m].IsActor() {
		return []Mention{c.mentions[m]}
	}
	return nil
}

// relativeConjuncts adds to subjects the actors coordinated with the last
// of them over relative clauses, before the verb at i: "Russia, which
// backs the Assad regime, and the United States, which has backed rebel
// forces, met ... and announced a cease-fire".
func (c *clause) relativeConjuncts(subjs []Mention, i int) []Mention {
	if len(subjs) == 0 {
		return subjs
	}
	k := subjs[len(subjs)-1].End
	for len(subjs) < maxConjuncts && c.word(k) == "," && (c.word(k+1) == "which" || c.word(k+1) == "who") {
		j := k + 2
		for j < i && c.word(j) != "," && !boundaries[c.word(j)] {
			j++
		}
		if j >= i || c.word(j) != "," || c.word(j+1) != "and" {
			break
		}
		n := j + 2
		if c.word(n) == "the" {
			n++
		}
		m := c.owner[min(n, len(c.toks)-1)]
		if n >= i || m < 0 || !c.mentions[m].IsActor() || c.mentions[m].End > i {
			break
		}
		subjs = append(slices.Clip(subjs), c.mentions[m])
		k = c.mentions[m].End
	}
	return subjs
}
