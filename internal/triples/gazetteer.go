package triples

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/conflictkg/kg/schema"
)

// Entity is a canonical actor, location or agreement: one graph node.
type Entity struct {
	ID   string // slug, unique within its kind: "jaish-al-islam"
	Type string // short class IRI: schema.ArmedGroup, schema.Location, ...
	Name string // canonical name, the node's rdfs:label
}

// Kind is the IRI path segment for the entity's class: "actor", "location" or "agreement".
func (e Entity) Kind() string {
	switch {
	case schema.IsA(e.Type, schema.Location):
		return "location"
	case schema.IsA(e.Type, schema.Agreement):
		return "agreement"
	}
	return "actor"
}

// IsActor reports whether the entity can act: not a place, not an agreement.
func (e Entity) IsActor() bool { return e.Kind() == "actor" }

// Mention is an entity found in a sentence: tokens [Start, End) of it.
type Mention struct {
	Entity
	Start, End int    // token indexes in the sentence
	Text       string // as written
	Match      string // how it was found: MatchGazetteer, MatchNew, MatchSurname or MatchDefinite
}

// How mentions are found.
const (
	MatchGazetteer = "gazetteer" // a name or alias of the gazetteer
	MatchNew       = "new"       // a capitalised name with a group head the gazetteer lacks ("Liwa Fursan al-Haq")
	MatchSurname   = "surname"   // the surname of a person named in full earlier in the article
	MatchDefinite  = "definite"  // "the rebel group", resolved to the group last named
)

// Gazetteer finds entities in tokens, tolerant of transliteration: it
// compares names by a folded key and, for longer words, by a consonant
// skeleton, so Jaish/Jaysh, Mohammed/Muhammad and Alloush/Allouch agree.
type Gazetteer struct {
	entries []Entry
	byKey   map[string][]alias // first token's key -> aliases starting with it
	bySkel  map[string][]alias // first token's skeleton -> aliases allowing fuzzy match
	byID    map[string]int
}

// Entry is what the gazetteer knows of an entity.
type Entry struct {
	Entity
	Aliases   []string   // other names, as listed
	Relations []Relation // affiliations: memberOf, leads, backedBy, locatedIn ...
	Note      string     // a short description: a person's role
}

// Relation is a fact the gazetteer states: the entry's entity, Predicate, the entity Target.
type Relation struct {
	Predicate string // short IRI
	Target    string // entity id
}

type alias struct {
	entity int
	toks   []aliasTok
}

type aliasTok struct {
	key, skel string
	acronym   string // "US" for an all-capitals alias word: matches only capitals
	upper     bool   // written capitalised: matches only a capitalised word
	fuzzy     bool   // may match by skeleton
	initial   byte   // a one-word alias matches by skeleton only words with this first letter (Ankara, not Inquiry)
}

// DefaultGazetteer returns the built-in gazetteer (schema/actors.tsv).
var DefaultGazetteer = sync.OnceValue(func() *Gazetteer {
	g, err := ParseGazetteer(strings.NewReader(schema.ActorsTSV), "schema/actors.tsv")
	if err != nil {
		panic(err) // the embedded data is checked by tests
	}
	return g
})

// ParseGazetteer reads a gazetteer in the format of schema/actors.tsv:
// lines of id, type, name, |-separated aliases, space-separated
// predicate:id relations and a note, tab-separated, the last three optional;
// # starts a comment. name is used in messages. On error nothing is
// returned, and the error says "name:line: what is wrong".
func ParseGazetteer(r io.Reader, name string) (*Gazetteer, error) {
	g := &Gazetteer{byKey: map[string][]alias{}, bySkel: map[string][]alias{}, byID: map[string]int{}}
	return g.Extend(r, name)
}

// Extend returns a new gazetteer with the entries of g and those read from r
// (format of [ParseGazetteer]). An entry may add aliases and relations to an
// entity of g by repeating its id and type. g is unchanged; on error nothing
// is returned.
func (g *Gazetteer) Extend(r io.Reader, name string) (*Gazetteer, error) {
	x := g.clone()
	type pending struct {
		line   int
		entry  int
		target string
	}
	var targets []pending
	err := eachTSVLine(r, name, func(n int, f []string) error {
		if len(f) < 3 || len(f) > 6 {
			return fmt.Errorf("%s:%d: want 3 to 6 tab-separated fields (id, type, name, aliases, relations, note), have %d", name, n, len(f))
		}
		for len(f) < 6 {
			f = append(f, "")
		}
		id, typ, canon := strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.TrimSpace(f[2])
		if id == "" || slug(id) != id {
			return fmt.Errorf("%s:%d: id %q must be lower-case letters, digits and hyphens", name, n, id)
		}
		class, ok := schema.LookupClass(typ)
		if !ok {
			return fmt.Errorf("%s:%d: unknown type %q (want a class of schema/README.md: ArmedGroup, Person, City ...)", name, n, typ)
		}
		if canon == "" {
			return fmt.Errorf("%s:%d: empty name", name, n)
		}
		e, ok := x.byID[id]
		if !ok {
			e = len(x.entries)
			x.entries = append(x.entries, Entry{Entity: Entity{ID: id, Type: class, Name: canon}})
			x.byID[id] = e
			if !x.addAlias(e, canon) {
				return fmt.Errorf("%s:%d: name %q has no letters to match", name, n, canon)
			}
		} else if x.entries[e].Type != class {
			return fmt.Errorf("%s:%d: %s is already a %s", name, n, id, strings.TrimPrefix(x.entries[e].Type, schema.Prefix))
		} else if canon != x.entries[e].Name {
			x.entries[e].Aliases = append(x.entries[e].Aliases, canon)
			if !x.addAlias(e, canon) {
				return fmt.Errorf("%s:%d: name %q has no letters to match", name, n, canon)
			}
		}
		if aliases := strings.TrimSpace(f[3]); aliases != "" {
			for _, a := range strings.Split(aliases, "|") {
				if a = strings.TrimSpace(a); a == "" {
					return fmt.Errorf("%s:%d: empty alias", name, n)
				}
				x.entries[e].Aliases = append(x.entries[e].Aliases, a)
				if !x.addAlias(e, a) {
					return fmt.Errorf("%s:%d: alias %q has no letters to match", name, n, a)
				}
			}
		}
		for _, rel := range strings.Fields(f[4]) {
			pred, target, ok := strings.Cut(rel, ":")
			p, known := schema.LookupPredicate(pred)
			if !ok || !known || target == "" {
				return fmt.Errorf("%s:%d: relation %q is not predicate:id with a predicate of schema/README.md", name, n, rel)
			}
			x.entries[e].Relations = append(x.entries[e].Relations, Relation{Predicate: p.IRI, Target: target})
			targets = append(targets, pending{n, e, target})
		}
		if note := strings.TrimSpace(f[5]); note != "" {
			x.entries[e].Note = note
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, t := range targets {
		if _, ok := x.byID[t.target]; !ok {
			return nil, fmt.Errorf("%s:%d: relation target %q is not an id of the gazetteer", name, t.line, t.target)
		}
	}
	return x, nil
}

// clone copies g deeply enough that adding to the copy leaves g unchanged.
func (g *Gazetteer) clone() *Gazetteer {
	x := &Gazetteer{
		entries: make([]Entry, len(g.entries)),
		byKey:   make(map[string][]alias, len(g.byKey)),
		bySkel:  make(map[string][]alias, len(g.bySkel)),
		byID:    make(map[string]int, len(g.byID)),
	}
	for i, e := range g.entries {
		e.Aliases = slices.Clip(e.Aliases)
		e.Relations = slices.Clip(e.Relations)
		x.entries[i] = e
	}
	for k, v := range g.byKey {
		x.byKey[k] = slices.Clip(v)
	}
	for k, v := range g.bySkel {
		x.bySkel[k] = slices.Clip(v)
	}
	for k, v := range g.byID {
		x.byID[k] = v
	}
	return x
}

// eachTSVLine calls fn with the 1-based number and tab-separated fields of
// each line of r that is neither blank nor a # comment, stopping at fn's
// first error. name is used in messages.
func eachTSVLine(r io.Reader, name string, fn func(n int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, strings.Split(line, "\t")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %v", name, n+1, err)
	}
	return nil
}

// addAlias indexes name as a name of entity e. It reports false if the name
// has nothing to match: no word with a letter or digit after folding.
func (g *Gazetteer) addAlias(e int, name string) bool {
	toks := Tokenize(name, 0, len(name))
	a := alias{entity: e}
	for i, t := range toks {
		at := aliasTok{key: tokenKey(toks, i), upper: t.IsCapitalized()}
		if at.key == "" {
			return false
		}
		at.skel = skeleton(at.key)
		if isAcronym(t.Text) {
			at.acronym = strings.ReplaceAll(t.Text, ".", "")
		}
		// Fuzzy matching is for words long enough that their skeleton is
		// distinctive; single-word names need more (Russia ~ Rose otherwise).
		runes := len([]rune(at.key))
		// Only capitalised words are compared by skeleton: they are the
		// transliterated names (Jaish, Alloush); English words are spelled
		// one way, and some share a skeleton (minister, ministry).
		single := len(toks) == 1 || len(toks) == 2 && i == 1 && a.toks[0].key == "al"
		at.fuzzy = at.acronym == "" && at.upper && (!single && runes >= 4 || runes >= 6 && len(at.skel) >= 4)
		if single {
			at.initial = at.key[0]
		}
		a.toks = append(a.toks, at)
	}
	if len(a.toks) == 0 {
		return false
	}
	first := a.toks[0]
	g.byKey[first.key] = append(g.byKey[first.key], a)
	if first.fuzzy {
		g.bySkel[first.skel] = append(g.bySkel[first.skel], a)
	}
	return true
}

// Entries returns the gazetteer's entries in the order they were defined.
// The slice is shared; callers must not modify it.
func (g *Gazetteer) Entries() []Entry { return g.entries }

// Entity returns the entity with the given id.
func (g *Gazetteer) Entity(id string) (Entity, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Entity{}, false
	}
	return g.entries[i].Entity, true
}

// entry returns what the gazetteer knows of entity id.
func (g *Gazetteer) entry(id string) (Entry, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// Lookup finds the entity a whole name refers to ("Jaysh-al-Islam",
// "Muhammad Allouch", "Moscow").
func (g *Gazetteer) Lookup(name string) (Entity, bool) {
	toks := Tokenize(name, 0, len(name))
	if len(toks) == 0 {
		return Entity{}, false
	}
	// A name typed at a prompt need not be capitalised: match it as if it were.
	for i := range toks {
		if !isAcronym(toks[i].Text) {
			r, size := utf8.DecodeRuneInString(toks[i].Text)
			toks[i].Text = string(unicode.ToUpper(r)) + toks[i].Text[size:]
		}
	}
	if e, n := g.matchAt(toks, 0); n == len(toks) {
		return g.entries[e].Entity, true
	}
	return Entity{}, false
}

// Mentions finds the entities in a sentence's tokens, longest match first,
// then names of armed groups that the gazetteer does not know. A group
// named after a place ("Yarmouk Martyrs Brigade") is the group, not the place.
func (g *Gazetteer) Mentions(toks []Token) []Mention {
	var ms []Mention
	headline := titleCase(toks)
	for i := 0; i < len(toks); {
		e, n := g.matchAt(toks, i)
		if n == 0 || !g.entries[e].IsActor() {
			if m, ok := unseenGroup(toks, i, headline); ok && m.End > i+n && !g.actorIn(toks, i+1, m.End) {
				ms = append(ms, g.possessive(m))
				i = m.End
				continue
			}
		}
		if n > 0 {
			m := Mention{Entity: g.entries[e].Entity, Start: i, End: i + n, Text: spanText(toks, i, i+n), Match: MatchGazetteer}
			if !demonymOfGroup(toks, m) && !insideName(toks, m) {
				ms = append(ms, g.province(toks, m))
			}
			i += n
			continue
		}
		i++
	}
	return ms
}

// provincesMeant turns the bare name of a city into its province, in
// every sentence of an article, where the article names the province and
// never marks the city as one: a report on "airstrikes across the province
// of Idlib" means the province by "bombing in Idlib". names holds the
// mentions of each sentence and is changed in place.
func (g *Gazetteer) provincesMeant(sents []Sentence, names [][]Mention) {
	province := map[string]bool{} // city id -> its province is named
	city := map[string]bool{}     // city id -> named as a city
	for i, ms := range names {
		toks := sents[i].Tokens
		for _, m := range ms {
			switch {
			case m.Type == schema.Province && strings.HasSuffix(m.ID, "-province"):
				province[strings.TrimSuffix(m.ID, "-province")] = true
			case m.Type == schema.City && cityMarked(toks, m):
				city[m.ID] = true
			}
		}
	}
	for id := range province {
		if city[id] {
			continue
		}
		p, ok := g.entry(id + "-province")
		if !ok {
			continue
		}
		for _, ms := range names {
			for k := range ms {
				if ms[k].ID == id && ms[k].Type == schema.City {
					ms[k].Entity = p.Entity
				}
			}
		}
	}
}

// cityMarked reports whether the text calls city mention m a city: "Idlib
// city", "the city of Idlib", "the town of Idlib", "the provincial capital
// Idlib", "central Idlib", "eastern Aleppo".
func cityMarked(toks []Token, m Mention) bool {
	w := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].Lower
	}
	switch w(m.Start - 1) {
	case "capital", "central", "downtown":
		return true
	case "eastern", "western":
		return w(m.End) != "countryside" // "besieged eastern Aleppo"
	case "of":
		switch w(m.Start - 2) {
		case "city", "town", "centre", "center":
			return true
		}
	}
	return w(m.End) == "city"
}

// possessive returns the known group an unseen name is, once a possessive
// "s" whose apostrophe the text lost is taken off ("Ahrar al-Shams leader",
// "Jeish al-Fatahs positions"), else m.
func (g *Gazetteer) possessive(m Mention) Mention {
	if !strings.HasSuffix(m.Text, "s") {
		return m
	}
	if e, ok := g.Lookup(strings.TrimSuffix(m.Text, "s")); ok && e.IsActor() {
		m.Entity, m.Match = e, MatchGazetteer
	}
	return m
}

// namedGroupNouns follow a demonym that names a group, not its country.
var namedGroupNouns = map[string]bool{
	"group": true, "groups": true, "militia": true, "militias": true, "movement": true, "party": true,
	"organisation": true, "organization": true, "faction": true, "factions": true,
}

// demonymOfGroup reports whether m is a country's adjective describing a
// group ("the Lebanese group Hezbollah", "the Iran-backed Lebanese group"):
// the group acts, not the state.
func demonymOfGroup(toks []Token, m Mention) bool {
	if m.Type != schema.State && m.Type != schema.Country || strings.EqualFold(m.Text, m.Name) {
		return false
	}
	for k := m.End; k < len(toks) && k <= m.End+2; k++ {
		if namedGroupNouns[toks[k].Lower] {
			return true
		}
		if !toks[k].IsWord() || toks[k].IsCapitalized() {
			return false
		}
	}
	return false
}

// insideName reports whether place m ("al-Bab") is the end of a longer
// Arabic name the gazetteer lacks ("the neighbourhood of Tareeq al-Bab").
func insideName(toks []Token, m Mention) bool {
	if m.Kind() != "location" || toks[m.Start].Lower != "al" && toks[m.Start].Lower != "el" || m.Start < 2 {
		return false
	}
	p := toks[m.Start-1]
	return p.IsCapitalized() && p.IsWord() && !placeAdjectives[p.Lower] && !strings.HasSuffix(p.Lower, "ern") && !strings.HasSuffix(p.Lower, "ian")
}

// province returns the province a city's name stands for where the text
// says so ("the province of Deir ez-Zor", "Idlib provinces"), else m:
// provinces are mostly named after their capitals.
func (g *Gazetteer) province(toks []Token, m Mention) Mention {
	if m.Type != schema.City {
		return m
	}
	before := m.Start >= 2 && toks[m.Start-1].Lower == "of" && provinceWords[toks[m.Start-2].Lower] ||
		m.Start >= 1 && toks[m.Start-1].Lower == "rural" // "Rural Homs": its countryside
	after := m.End < len(toks) && provinceWords[toks[m.End].Lower]
	if !before && !after {
		return m
	}
	p, ok := g.entry(m.ID + "-province")
	if !ok || p.Type != schema.Province {
		return m
	}
	m.Entity = p.Entity
	if after {
		m.End++
		m.Text = spanText(toks, m.Start, m.End)
	}
	return m
}

var provinceWords = map[string]bool{"province": true, "provinces": true, "governorate": true}

// actorIn reports whether the name of a known actor starts in tokens [i, j):
// then a run of capitals there is not one unseen name ("Meanwhile Jaish al-Islam").
func (g *Gazetteer) actorIn(toks []Token, i, j int) bool {
	for k := i; k < j; k++ {
		if e, n := g.matchAt(toks, k); n > 0 && g.entries[e].IsActor() {
			return true
		}
	}
	return false
}

// matchAt returns the entity whose alias matches the most tokens at i, and that number.
func (g *Gazetteer) matchAt(toks []Token, i int) (entity, n int) {
	key := tokenKey(toks, i)
	best, bestN := -1, 0
	try := func(as []alias) {
		for _, a := range as {
			if n := a.match(toks, i); n > bestN {
				best, bestN = a.entity, n
			}
		}
	}
	try(g.byKey[key])
	try(g.bySkel[skeleton(key)])
	return best, bestN
}

// match returns how many tokens from i the alias matches, 0 if none. The
// Arabic article is optional on either side after the first word: "Khalid
// bin al-Walid" matches "Khalid bin Walid", and "Jaish Islam" "Jaish al-Islam".
func (a alias) match(toks []Token, i int) int {
	p := i
	for j, at := range a.toks {
		if p >= len(toks) {
			return 0
		}
		if at.matches(toks, p) {
			p++
			continue
		}
		switch {
		case j > 0 && at.key == "al":
			continue // the alias's article is absent from the text
		case j > 0 && tokenKey(toks, p) == "al" && p+1 < len(toks) && at.matches(toks, p+1):
			p += 2 // the text has an article the alias lacks
		default:
			return 0
		}
	}
	return p - i
}

func (at aliasTok) matches(toks []Token, i int) bool {
	t := toks[i]
	if at.acronym != "" {
		return strings.ReplaceAll(t.Text, ".", "") == at.acronym
	}
	if at.upper && !t.IsCapitalized() && isCased(t.Text) {
		return false
	}
	k := tokenKey(toks, i)
	return k == at.key || at.fuzzy && len(k) >= 4 && (at.initial == 0 || k[0] == at.initial) && skeleton(k) == at.skel
}

// articles are the spellings of the Arabic definite article before a
// hyphen: al-, el-, as-Sham, ash-Shami, ad-Din, a-Sham.
var articles = map[string]bool{
	"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true, "at": true, "az": true,
	"an": true, "ath": true, "adh": true, "ul": true, "a": true, "ez": true, "es": true, "ed": true, "en": true,
}

// tokenKey is the folded form a gazetteer compares: the Arabic article in
// all its spellings becomes "al".
func tokenKey(toks []Token, i int) string {
	k := toks[i].Lower
	if k == "al" || k == "el" || articles[k] && i+1 < len(toks) && toks[i+1].Hyphen {
		return "al"
	}
	return k
}

// skeleton reduces a folded word to its consonants, merging common
// transliteration variants: Jaish/Jaysh/Jeish -> jsh, Mohammed/Muhammad ->
// mhmd, Alloush/Allouch/Aloush -> alsh, Khaled/Khalid -> khld.
//
// It runs for every token the gazetteer looks at, so it works in two
// passes over small stack buffers instead of through a strings.Replacer
// and a Builder.
func skeleton(s string) string {
	if len(s) >= 6 && strings.HasSuffix(s, "ah") {
		s = s[:len(s)-1] // Nusrah, Ghoutah: a final -ah is the -a of other spellings
	}
	// One consonant, several spellings: ch -> sh, q -> k, ph -> f, dh -> d,
	// th -> t, and no apostrophes. All are ASCII, which no byte of a
	// multi-byte rune is, so bytes will do.
	var buf1, buf2 [64]byte
	t := buf1[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i+1 < len(s) && s[i+1] == 'h' {
			switch c {
			case 'c':
				t = append(t, 's', 'h')
				i++
				continue
			case 'p', 'd', 't':
				if c == 'p' {
					c = 'f'
				}
				t = append(t, c)
				i++
				continue
			}
		}
		switch c {
		case 'q':
			c = 'k'
		case '\'', '`':
			continue
		}
		t = append(t, c)
	}
	// Vowels out (a first one becomes a), doubled letters once.
	out := buf2[:0]
	var last rune
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRune(t[i:])
		first := i == 0
		i += size
		if first {
			if strings.ContainsRune("aeiou", r) {
				r = 'a'
			}
		} else if strings.ContainsRune("aeiouyw", r) {
			continue
		}
		if r == last {
			continue
		}
		out = utf8.AppendRune(out, r)
		last = r
	}
	return string(out)
}

func isAcronym(s string) bool {
	s = strings.ReplaceAll(s, ".", "")
	if len(s) < 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) || r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// isCased reports whether s is in a script with letter case.
func isCased(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsLower(r)
	}
	return false
}

// Heads are words that make a capitalised name an armed group. Arabic
// heads open the name ("Liwa Fursan al-Haq", "Jabhat Fath al-Sham");
// English ones close it ("Yarmouk Martyrs Brigade") or lead an of-phrase
// ("Army of Conquest").
var (
	arabicHeads = map[string]bool{
		"jaish": true, "jaysh": true, "jeish": true, "liwa": true, "harakat": true, "faylaq": true, "failaq": true,
		"ahrar": true, "katiba": true, "kataib": true, "jabhat": true, "ansar": true, "jund": true, "saraya": true,
	}
	englishHeads = map[string]bool{
		"brigade": true, "brigades": true, "front": true, "army": true, "legion": true, "movement": true,
		"battalion": true, "battalions": true, "militia": true, "regiment": true, "division": true,
	}
)

// unitWords after "X Army" say it is the army's units in X, not a group named X Army.
var unitWords = map[string]bool{"units": true, "unit": true, "troops": true, "soldiers": true, "forces": true}

// nameStarters are capitalised words that open sentences but no group's name.
var nameStarters = map[string]bool{
	"meanwhile": true, "however": true, "also": true, "but": true, "and": true, "then": true, "later": true,
	"earlier": true, "today": true, "yesterday": true, "tags": true, "related": true, "others": true,
	"continued": true, "in": true, "on": true, "at": true, "after": true, "before": true, "while": true,
	"when": true, "since": true, "as": true, "if": true, "during": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "january": true,
	"february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "according": true, "by": true,
}

// nameGlue are lower-case words allowed inside a name.
var nameGlue = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "abu": true, "ad": true, "as": true, "ash": true}

// glue reports whether a lower-case word may join a name: articles and
// patronymics always, "of" only after a group head ("Army of Conquest", not
// "Fighters of Liwa ...").
func glue(w string, heads int) bool {
	if w == "of" {
		return heads > 0
	}
	return nameGlue[w]
}

// titleCase reports whether a sentence is a headline in title case, where
// every word is capitalised and a capital says nothing about names.
func titleCase(toks []Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.IsWord() && len(t.Text) > 3 {
			words++
			if t.IsCapitalized() {
				caps++
			}
		}
	}
	return words >= 4 && caps*10 >= words*8
}

// unseenGroup recognises an armed group the gazetteer lacks: a run of
// capitalised words starting at i that opens with an Arabic head or ends
// with an English one, and holds another word. In a title-case headline
// only Arabic heads count.
func unseenGroup(toks []Token, i int, headline bool) (Mention, bool) {
	if !toks[i].IsCapitalized() || !toks[i].IsWord() || determiners[toks[i].Lower] || nameStarters[toks[i].Lower] {
		return Mention{}, false
	}
	j, heads := i, 0
	for j < len(toks) && (toks[j].IsCapitalized() && toks[j].IsWord() || j > i && j+1 < len(toks) && toks[j+1].IsCapitalized() && glue(toks[j].Lower, heads)) {
		if arabicHeads[toks[j].Lower] || englishHeads[toks[j].Lower] {
			heads++
		}
		j++
	}
	if heads == 0 {
		return Mention{}, false
	}
	end := j
	if !arabicHeads[toks[i].Lower] {
		if headline {
			return Mention{}, false
		}
		// The name ends at its last English head, or runs on through an
		// of-phrase after it.
		end = i
		for k := i; k < j; k++ {
			if englishHeads[toks[k].Lower] {
				end = k + 1
			}
		}
		if end < j && toks[end].Lower == "of" && end+1 < j {
			end = j
		}
		if end < len(toks) && unitWords[toks[end].Lower] {
			return Mention{}, false // "Daraa Army units": the army's units in Daraa
		}
	}
	words := 0
	for k := i; k < end; k++ {
		if toks[k].IsCapitalized() && !arabicHeads[toks[k].Lower] && !englishHeads[toks[k].Lower] {
			words++
		}
	}
	if words == 0 || end-i > 7 {
		return Mention{}, false
	}
	var parts []string
	for k := i; k < end; k++ {
		parts = append(parts, tokenKey(toks, k))
	}
	text := spanText(toks, i, end)
	return Mention{
		Entity: Entity{ID: slug(strings.Join(parts, " ")), Type: schema.ArmedGroup, Name: text},
		Start:  i, End: end, Text: text, Match: MatchNew,
	}, true
}

// spanText joins tokens [i, j) as written, with their original spacing lost
// only where the text had none to keep ("al-Islam" keeps its hyphen).
func spanText(toks []Token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			if toks[k].Hyphen {
				b.WriteByte('-')
			} else if toks[k].Start > toks[k-1].End {
				b.WriteByte(' ')
			}
		}
		b.WriteString(toks[k].Text)
	}
	return b.String()
}

// slug makes an IRI path segment: lower-case ASCII letters and digits
// joined by single hyphens; other letters lose their diacritics or are dropped.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r == '\'' || r == '’':
			// "Hay'at" -> "hayat"
		default:
			dash = true
		}
	}
	return b.String()
}

// NameKey reduces a name to the form names are compared in: folded words,
// articles unified, long words by their consonant skeleton. Two spellings
// of one name ("Jaysh-al-Islam", "jaish al islam") have the same key.
func NameKey(name string) string {
	toks := Tokenize(name, 0, len(name))
	parts := make([]string, 0, len(toks))
	for i, t := range toks {
		if !t.IsWord() {
			continue
		}
		k := tokenKey(toks, i)
		if len([]rune(k)) >= 4 {
			k = skeleton(k)
		}
		parts = append(parts, k)
	}
	return strings.Join(parts, " ")
}
