package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/conflictkg/kg/internal/triples"
	"github.com/conflictkg/kg/schema"
)

// actorReport counts the entities a dry run finds, for --actors: what the
// gazetteer recognises, what is new, and how each is spelled.
type actorReport struct {
	byKey map[string]*actorCount
}

type actorCount struct {
	triples.Entity
	mentions, facts int
	articles        map[string]bool
	how             map[string]int
	spellings       map[string]int
}

func (r *actorReport) add(doc *triples.Document) {
	if r.byKey == nil {
		r.byKey = map[string]*actorCount{}
	}
	get := func(e triples.Entity) *actorCount {
		k := e.Kind() + "/" + e.ID
		c := r.byKey[k]
		if c == nil {
			c = &actorCount{Entity: e, articles: map[string]bool{}, how: map[string]int{}, spellings: map[string]int{}}
			r.byKey[k] = c
		}
		return c
	}
	for _, s := range doc.Sentences {
		for _, m := range s.Mentions {
			c := get(m.Entity)
			c.mentions++
			c.articles[doc.Article.ID] = true
			c.how[m.Match]++
			c.spellings[m.Text]++
		}
	}
	for _, f := range doc.Facts {
		get(f.Subject.Entity).facts++
		if f.Object.ID != f.Subject.ID {
			get(f.Object.Entity).facts++
		}
	}
}

// write prints the top entities (all if top <= 0) of the given kinds as an
// aligned Markdown table, most mentioned first, then the mention totals.
func (r *actorReport) write(w io.Writer, top int, kinds map[string]bool) error {
	var cs []*actorCount
	matches, total := map[string]int{}, 0
	for _, c := range r.byKey {
		if kinds[c.Kind()] {
			cs = append(cs, c)
			for how, n := range c.how {
				matches[how] += n
				total += n
			}
		}
	}
	found := len(cs)
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].mentions != cs[j].mentions {
			return cs[i].mentions > cs[j].mentions
		}
		return cs[i].ID < cs[j].ID
	})
	if top > 0 && len(cs) > top {
		cs = cs[:top]
	}
	rows := [][]string{{"#", "entity", "type", "mentions", "articles", "facts", "matched by", "spellings seen (most frequent first)"}}
	for i, c := range cs {
		rows = append(rows, []string{
			fmt.Sprint(i + 1), c.Name + " (`" + c.ID + "`)", strings.TrimPrefix(c.Type, schema.Prefix),
			fmt.Sprint(c.mentions), fmt.Sprint(len(c.articles)), fmt.Sprint(c.facts), ranked(c.how, 0), ranked(c.spellings, 6),
		})
	}
	writeTable(w, rows)
	_, err := fmt.Fprintf(w, "\n%d entities, %d mentions — %s.\n", found, total, share(matches, total))
	return err
}

// ranked lists the keys of counts with their counts, most frequent first,
// at most max (all if max <= 0).
func ranked(counts map[string]int, max int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	more := ""
	if max > 0 && len(keys) > max {
		more = fmt.Sprintf(" … (%d more)", len(keys)-max)
		keys = keys[:max]
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", strings.ReplaceAll(k, "|", `\|`), counts[k])
	}
	return strings.Join(parts, ", ") + more
}

func share(matches map[string]int, total int) string {
	var parts []string
	for _, how := range []string{triples.MatchGazetteer, triples.MatchNew, triples.MatchSurname, triples.MatchDefinite} {
		pct := 0.0
		if total > 0 {
			pct = 100 * float64(matches[how]) / float64(total)
		}
		parts = append(parts, fmt.Sprintf("%s %d (%.1f%%)", how, matches[how], pct))
	}
	return strings.Join(parts, ", ")
}

// writeTable writes rows as a Markdown table with aligned columns; the first row is the header.
func writeTable(w io.Writer, rows [][]string) {
	width := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	line := func(r []string) {
		var b strings.Builder
		for i, c := range r {
			b.WriteString("| " + c + strings.Repeat(" ", width[i]-len([]rune(c))) + " ")
		}
		fmt.Fprintln(w, b.String()+"|")
	}
	line(rows[0])
	sep := make([]string, len(width))
	for i := range sep {
		sep[i] = strings.Repeat("-", width[i])
	}
	line(sep)
	for _, r := range rows[1:] {
		line(r)
	}
}
