// Command benchgraph builds the graph kgquery's benchmarks run on: the
// FA-KES development corpus replicated until the store holds at least
// -quads quads, loaded through kgbuild like any corpus. Each copy prefixes
// the article ids with its number ("c7-1914947530"), so no copy is skipped
// as a repeat and every copy adds its own articles, sentences and facts;
// actors are shared, so a busy actor gains facts with every copy, as it
// would in a larger corpus about the same war.
//
// Usage:
//
//	go run ./cmd/kgquery/internal/benchgraph [-corpus CSV] [-quads N] [-kgbuild PATH] -db DIR
//
// It prints the number of copies and of quads in the store. Building a
// million quads takes about two minutes on two cores; scripts/bench-query.sh
// and BenchmarkRelations keep the result under .cache/bench.
package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/conflictkg/kg/internal/store"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benchgraph:", err)
		os.Exit(2)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("benchgraph", flag.ContinueOnError)
	corpus := fs.String("corpus", "../shared/corpora/fakes-dev.csv", "the corpus `CSV` to replicate (FA-KES layout)")
	quads := fs.Int("quads", 1_000_000, "at least `N` quads in the store")
	kgbuild := fs.String("kgbuild", "", "the kgbuild binary (default: go build ./cmd/kgbuild)")
	db := fs.String("db", "", "the store to build (a new directory)")
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *db == "" {
		return errors.New("-db DIR is required")
	}
	if _, err := os.Stat(*db); err == nil {
		return fmt.Errorf("%s exists: remove it first (benchgraph builds a fresh store)", *db)
	}
	tmp, err := os.MkdirTemp("", "benchgraph")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if *kgbuild == "" {
		*kgbuild = filepath.Join(tmp, "kgbuild")
		if out, err := exec.Command("go", "build", "-o", *kgbuild, "github.com/conflictkg/kg/cmd/kgbuild").CombinedOutput(); err != nil {
			return fmt.Errorf("building kgbuild: %v\n%s", err, out)
		}
	}
	header, records, err := readCorpus(*corpus)
	if err != nil {
		return err
	}
	// One copy first, to learn how many quads a copy adds; then the rest in one run.
	load := func(from, to int) (int, error) {
		csvFile := filepath.Join(tmp, fmt.Sprintf("copies-%d-%d.csv", from, to))
		if err := writeCopies(csvFile, header, records, from, to); err != nil {
			return 0, err
		}
		return loadCSV(*kgbuild, *db, csvFile)
	}
	perCopy, err := load(1, 1)
	if err != nil {
		return err
	}
	total, err := count(*db)
	if err != nil {
		return err
	}
	copies := 1
	if total < *quads {
		if perCopy == 0 {
			return errors.New("a copy of the corpus added no quads")
		}
		more := (*quads - total + perCopy - 1) / perCopy
		if _, err := load(2, 1+more); err != nil {
			return err
		}
		copies += more
		if total, err = count(*db); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "benchgraph: %s holds %d quads from %d copies of %s (%d records each)\n", *db, total, copies, *corpus, len(records))
	return nil
}

// readCorpus reads a CSV the way kgbuild does: leniently about quotes.
func readCorpus(path string) ([]string, [][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("corpus: %v (pass -corpus)", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	all, err := r.ReadAll()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(all) < 2 || idColumn(all[0]) < 0 {
		return nil, nil, fmt.Errorf("%s: want a header with unit_id and at least one record", path)
	}
	return all[0], all[1:], nil
}

func idColumn(header []string) int {
	for i, h := range header {
		if h == "unit_id" {
			return i
		}
	}
	return -1
}

// writeCopies writes copies from..to of records, each id prefixed "cK-".
func writeCopies(path string, header []string, records [][]string, from, to int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write(header)
	id := idColumn(header)
	for k := from; k <= to; k++ {
		for _, rec := range records {
			c := append([]string(nil), rec...)
			if id < len(c) {
				c[id] = "c" + strconv.Itoa(k) + "-" + c[id]
			}
			w.Write(c)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

var quadsWritten = regexp.MustCompile(`(\d+) quads written`)

// loadCSV runs kgbuild on a CSV and returns the quads it wrote.
func loadCSV(kgbuild, db, csvFile string) (int, error) {
	cmd := exec.Command(kgbuild, "--db", db, csvFile)
	out, err := cmd.CombinedOutput()
	m := quadsWritten.FindSubmatch(out)
	// Exit status 2 can mean some records were bad; the summary counts the rest.
	if m == nil {
		return 0, fmt.Errorf("kgbuild %s: %v\n%s", csvFile, err, out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n, nil
}

// count returns the number of quads in the store.
func count(db string) (int, error) {
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer st.Close()
	s, err := st.Stats(context.Background(), true)
	return int(s.Quads.Size), err
}
