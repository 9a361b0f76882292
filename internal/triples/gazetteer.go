package triples

import (
	"bufio"
	"fmt"
	"io"
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
	switch e.Type {
	case schema.Location:
		return "location"
	case schema.Agreement:
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
}

// Gazetteer finds entities in tokens, tolerant of transliteration: it
// compares names by a folded key and, for longer words, by a consonant
// skeleton, so Jaish/Jaysh, Mohammed/Muhammad and Alloush/Allouch agree.
type Gazetteer struct {
	entities []Entity
	byKey    map[string][]alias // first token's key -> aliases starting with it
	bySkel   map[string][]alias // first token's skeleton -> aliases allowing fuzzy match
	byID     map[string]int
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
}

var classes = map[string]string{
	"ArmedGroup": schema.ArmedGroup, "Government": schema.Government, "State": schema.State,
	"Person": schema.Person, "Organization": schema.Organization, "Location": schema.Location,
	"Agreement": schema.Agreement, "Actor": schema.Actor,
}

// DefaultGazetteer returns the built-in gazetteer (schema/actors.tsv).
var DefaultGazetteer = sync.OnceValue(func() *Gazetteer {
	g, err := ParseGazetteer(strings.NewReader(schema.Actors), "schema/actors.tsv")
	if err != nil {
		panic(err) // the embedded data is checked by tests
	}
	return g
})

// ParseGazetteer reads a gazetteer in the format of schema/actors.tsv:
// lines of id, type, name and |-separated aliases, tab-separated; # starts a
// comment. name is used in messages. On error nothing is returned, and the
// error says "name:line: what is wrong".
func ParseGazetteer(r io.Reader, name string) (*Gazetteer, error) {
	g := &Gazetteer{byKey: map[string][]alias{}, bySkel: map[string][]alias{}, byID: map[string]int{}}
	if err := g.add(r, name); err != nil {
		return nil, err
	}
	return g, nil
}

func (g *Gazetteer) add(r io.Reader, name string) error {
	return eachTSVLine(r, name, func(n int, f []string) error {
		if len(f) < 3 || len(f) > 4 {
			return fmt.Errorf("%s:%d: want 3 or 4 tab-separated fields (id, type, name, aliases), have %d", name, n, len(f))
		}
		id, typ, canon := strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.TrimSpace(f[2])
		if id == "" || slug(id) != id {
			return fmt.Errorf("%s:%d: id %q must be lower-case letters, digits and hyphens", name, n, id)
		}
		class, ok := classes[typ]
		if !ok {
			return fmt.Errorf("%s:%d: unknown type %q (want ArmedGroup, Government, State, Person, Organization, Location or Agreement)", name, n, typ)
		}
		if canon == "" {
			return fmt.Errorf("%s:%d: empty name", name, n)
		}
		e, ok := g.byID[id]
		if !ok {
			e = len(g.entities)
			g.entities = append(g.entities, Entity{ID: id, Type: class, Name: canon})
			g.byID[id] = e
		} else if g.entities[e].Type != class {
			return fmt.Errorf("%s:%d: %s is already a %s", name, n, id, strings.TrimPrefix(g.entities[e].Type, schema.Prefix))
		}
		names := []string{canon}
		if len(f) == 4 && strings.TrimSpace(f[3]) != "" {
			names = append(names, strings.Split(f[3], "|")...)
		}
		for _, a := range names {
			if strings.TrimSpace(a) == "" {
				return fmt.Errorf("%s:%d: empty alias", name, n)
			}
			g.addAlias(e, a)
		}
		return nil
	})
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

func (g *Gazetteer) addAlias(e int, name string) {
	toks := Tokenize(name, 0, len(name))
	a := alias{entity: e}
	for i, t := range toks {
		at := aliasTok{key: tokenKey(toks, i), upper: t.IsCapitalized()}
		at.skel = skeleton(at.key)
		if isAcronym(t.Text) {
			at.acronym = strings.ReplaceAll(t.Text, ".", "")
		}
		// Fuzzy matching is for words long enough that their skeleton is
		// distinctive; single-word names need more (Russia ~ Rose otherwise).
		runes := len([]rune(at.key))
		at.fuzzy = at.acronym == "" && (len(toks) > 1 && runes >= 4 || runes >= 6 && len(at.skel) >= 4)
		a.toks = append(a.toks, at)
	}
	if len(a.toks) == 0 {
		return
	}
	first := a.toks[0]
	g.byKey[first.key] = append(g.byKey[first.key], a)
	if first.fuzzy {
		g.bySkel[first.skel] = append(g.bySkel[first.skel], a)
	}
}

// Entities returns the gazetteer's entities in the order they were defined.
func (g *Gazetteer) Entities() []Entity { return g.entities }

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
		return g.entities[e], true
	}
	return Entity{}, false
}

// Mentions finds the entities in a sentence's tokens, longest match first,
// then names of armed groups that the gazetteer does not know.
func (g *Gazetteer) Mentions(toks []Token) []Mention {
	var ms []Mention
	for i := 0; i < len(toks); {
		if e, n := g.matchAt(toks, i); n > 0 {
			ms = append(ms, Mention{Entity: g.entities[e], Start: i, End: i + n, Text: spanText(toks, i, i+n)})
			i += n
			continue
		}
		if m, ok := unseenGroup(toks, i); ok {
			ms = append(ms, m)
			i = m.End
			continue
		}
		i++
	}
	return ms
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
	return k == at.key || at.fuzzy && len(k) >= 4 && skeleton(k) == at.skel
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
func skeleton(s string) string {
	s = strings.NewReplacer("ch", "sh", "q", "k", "ph", "f", "dh", "d", "th", "t", "'", "", "`", "").Replace(s)
	var b strings.Builder
	var last rune
	for i, r := range s {
		if i == 0 {
			if strings.ContainsRune("aeiou", r) {
				r = 'a'
			}
		} else if strings.ContainsRune("aeiouyw", r) {
			continue
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
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

// groupHeads are words that make a capitalised name an armed group.
var groupHeads = map[string]bool{
	"brigade": true, "brigades": true, "front": true, "army": true, "legion": true, "jaish": true,
	"jaysh": true, "liwa": true, "harakat": true, "faylaq": true, "failaq": true, "ahrar": true,
	"katiba": true, "kataib": true, "movement": true, "battalion": true, "battalions": true,
	"militia": true, "jabhat": true, "regiment": true, "ansar": true, "jund": true,
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

// unseenGroup recognises an armed group the gazetteer lacks: a run of
// capitalised words starting at i that holds a group head and another word
// ("Yarmouk Martyrs Brigade", "Liwa Fursan al-Haq").
func unseenGroup(toks []Token, i int) (Mention, bool) {
	if !toks[i].IsCapitalized() || !toks[i].IsWord() || determiners[toks[i].Lower] {
		return Mention{}, false
	}
	j, heads, words := i, 0, 0
	for j < len(toks) && (toks[j].IsCapitalized() && toks[j].IsWord() || j > i && j+1 < len(toks) && toks[j+1].IsCapitalized() && glue(toks[j].Lower, heads)) {
		if groupHeads[toks[j].Lower] {
			heads++
		} else if toks[j].IsCapitalized() {
			words++
		}
		j++
	}
	if heads == 0 || words == 0 || j-i > 8 {
		return Mention{}, false
	}
	var parts []string
	for k := i; k < j; k++ {
		parts = append(parts, tokenKey(toks, k))
	}
	text := spanText(toks, i, j)
	return Mention{
		Entity: Entity{ID: slug(strings.Join(parts, " ")), Type: schema.ArmedGroup, Name: text},
		Start:  i, End: j, Text: text,
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
