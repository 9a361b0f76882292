package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"
)

// output holds the flags every command shares for writing results: a
// table by default, or one of the formats for scripts, and the page of
// results to write.
type output struct {
	json   bool
	jsonl  bool
	csv    bool
	limit  int
	offset int
	// terminal is set when standard output is a terminal: tables clip long sentences.
	terminal bool
}

// outputFlags adds the output flags to fs.
func (q *query) outputFlags(fs *pflag.FlagSet) {
	fs.BoolVar(&q.json, "json", false, "write one JSON document")
	fs.BoolVar(&q.jsonl, "jsonl", false, "write one JSON object a line")
	fs.BoolVar(&q.csv, "csv", false, "write CSV with a header line")
	fs.IntVar(&q.limit, "limit", 0, "at most `N` results (0: all)")
	fs.IntVar(&q.offset, "offset", 0, "skip the first `N` results")
}

// checkOutput rejects output flags that contradict each other.
func (q *query) checkOutput() error {
	n := 0
	for _, set := range []bool{q.json, q.jsonl, q.csv} {
		if set {
			n++
		}
	}
	switch {
	case n > 1:
		return errors.New("--json, --jsonl and --csv exclude each other: choose one")
	case q.limit < 0:
		return fmt.Errorf("--limit %d: want 0 (all) or more", q.limit)
	case q.offset < 0:
		return fmt.Errorf("--offset %d: want 0 or more", q.offset)
	}
	return nil
}

// setDefault changes the default of a flag already defined, so that one
// command can differ from the others (gizmo limits its results by default).
func setDefault(fs *pflag.FlagSet, name, value string) {
	f := fs.Lookup(name)
	if f == nil {
		panic("kgquery: no flag --" + name) // a programmer's error
	}
	if err := f.Value.Set(value); err != nil {
		panic(err)
	}
	f.DefValue = value
}

// list is what a command found and how to show it in each format.
type list[T any] struct {
	items   []T
	columns []string         // the CSV header and the plain table's header
	row     func(T) []string // a CSV row and a plain table row
	// table writes the terminal output of a page when an aligned table of
	// rows is not enough; nil writes the plain table.
	table func(page []T)
	// doc is the --json document of a page; nil writes the page as an array.
	doc func(page []T) any
	// group, when set, numbers the result each item belongs to, when a
	// result takes several items (rows) in a row: --offset and --limit
	// then count results, so that a page never cuts one in half.
	group func(T) int
}

// writeList writes the page of l that --offset and --limit select, in the
// format the flags chose, and returns the page's length. An empty page
// writes nothing in a table or --jsonl, a header in --csv, and an empty
// document in --json, so that scripts can always parse the output.
func writeList[T any](q *query, l list[T]) (int, error) {
	page := l.items[min(q.offset, len(l.items)):]
	if q.limit > 0 && len(page) > q.limit {
		page = page[:q.limit]
	}
	first, n, total := min(q.offset, len(l.items)), len(page), len(l.items)
	if l.group != nil {
		page, first, n, total = groupPage(l.items, l.group, q.offset, q.limit)
	}
	switch {
	case q.json:
		var doc any = page
		if l.doc != nil {
			doc = l.doc(page)
		} else if page == nil {
			doc = []T{}
		}
		return n, q.writeJSON(doc)
	case q.jsonl:
		enc := json.NewEncoder(q.stdout)
		enc.SetEscapeHTML(false)
		for _, it := range page {
			if err := enc.Encode(it); err != nil {
				return 0, err
			}
		}
	case q.csv:
		w := csv.NewWriter(q.stdout)
		w.Write(l.columns)
		for _, it := range page {
			w.Write(l.row(it))
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return 0, err
		}
	default:
		if len(page) == 0 {
			break
		}
		if l.table != nil {
			l.table(page)
		} else {
			rows := make([][]string, len(page))
			for i, it := range page {
				rows[i] = l.row(it)
			}
			writeTable(q.stdout, "", upper(l.columns), rows)
		}
		// Scripts read the formats above; a person at a table is told what was left out.
		if n < total {
			fmt.Fprintf(q.stderr, "kgquery: showing %d–%d of %d (see --offset and --limit)\n",
				first+1, first+n, total)
		}
	}
	return n, nil
}

// groupPage returns the items of the results that offset and limit select,
// where group numbers the result of each item and a result's items are
// consecutive: the index of the first result, the number of results in the
// page and in all.
func groupPage[T any](items []T, group func(T) int, offset, limit int) (page []T, first, n, total int) {
	var starts []int // where each result starts in items
	for i, it := range items {
		if i == 0 || group(it) != group(items[i-1]) {
			starts = append(starts, i)
		}
	}
	total = len(starts)
	first = min(offset, total)
	last := total
	if limit > 0 {
		last = min(first+limit, total)
	}
	end := len(items)
	if last < total {
		end = starts[last]
	}
	if first == total {
		return items[len(items):], first, 0, total
	}
	return items[starts[first]:end], first, last - first, total
}

// writeTable writes rows under header as aligned columns, each line after
// indent. Cells lose line breaks and tabs, which would break the columns.
func writeTable(w io.Writer, indent string, header []string, rows [][]string) {
	table := make([][]string, 0, len(rows)+1)
	table = append(table, header)
	for _, r := range rows {
		clean := make([]string, len(r))
		for i, c := range r {
			clean[i] = strings.Join(strings.Fields(c), " ")
		}
		table = append(table, clean)
	}
	widths := columnWidths(table)
	for _, r := range table {
		fmt.Fprintf(w, "%s%s\n", indent, alignRow(r, widths))
	}
}

// sentence is an evidence sentence as a table shows it: clipped to keep the
// lines of a terminal short, whole when the table goes to a pipe or a file,
// where grep or less must see all of it.
func (q *query) sentence(s string) string {
	if q.terminal {
		return clip(s, 120)
	}
	return s
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// upper gives a table's header the capitals that set it off from its rows.
func upper(columns []string) []string {
	out := make([]string, len(columns))
	for i, c := range columns {
		out[i] = strings.ToUpper(c)
	}
	return out
}
