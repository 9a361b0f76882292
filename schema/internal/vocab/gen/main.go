// Command gen writes schema/vocabulary.go and the vocabulary tables of
// schema/README.md from schema/vocabulary.jsonld. Run it with go generate in
// schema/.
package main

import (
	"fmt"
	"os"

	"github.com/conflictkg/kg/schema/internal/vocab"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	data, err := os.ReadFile("vocabulary.jsonld")
	if err != nil {
		return err
	}
	v, err := vocab.Parse(data)
	if err != nil {
		return err
	}
	src, err := v.GoSource()
	if err != nil {
		return err
	}
	if err := os.WriteFile("vocabulary.go", src, 0o644); err != nil {
		return err
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		return err
	}
	out, err := vocab.ReplaceTables(string(readme), v.Markdown())
	if err != nil {
		return err
	}
	return os.WriteFile("README.md", []byte(out), 0o644)
}
