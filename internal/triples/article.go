package triples

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Article is one news article, the unit kg reads, extracts and stores.
// Readers fill it; Extract reads it.
type Article struct {
	ID     string    // stable id: given by the input, else derived (see ArticleID)
	Title  string    // headline; empty when the input has none (Extract then takes the first line)
	Text   string    // the full text as read, valid UTF-8; offsets of sentences point into it
	Source string    // publishing outlet, e.g. "SMART" or "nna"
	URL    string    // where it was published
	Date   time.Time // publication date; zero when unknown (Extract looks for it in the text)
	Origin string    // where it was read, "path:line", for messages
}

// ContentHash returns the hex SHA-256 of the article's title and text. A
// rebuild compares it with the stored one to skip unchanged articles.
func (a *Article) ContentHash() string {
	h := sha256.New()
	h.Write([]byte(a.Title))
	h.Write([]byte{0})
	h.Write([]byte(a.Text))
	return hex.EncodeToString(h.Sum(nil))
}

// HashID returns an id derived from text alone, for inputs that give none.
func HashID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// Format names an input format.
type Format string

// Input formats.
const (
	Text  Format = "text"  // plain text, one article per file; the first non-empty line is the title
	JSONL Format = "jsonl" // JSON Lines, {"id","title","text","date","source","url"} per line
	CSV   Format = "csv"   // CSV with a header, one article per record
	HTML  Format = "html"  // an HTML page; the article body's text
)

// ErrUnknownFormat is returned for a format name or file extension kg does not read.
var ErrUnknownFormat = errors.New("unknown format")

// ParseError is a problem with one record of the input. Readers return it
// and can be called again: the records after it are still read.
type ParseError struct {
	Path string // input name as given, "-" for standard input
	Line int    // 1-based line where the record starts; 0 when it concerns the whole input
	Err  error
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
