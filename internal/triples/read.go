package triples

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ArticleReader reads articles one at a time.
type ArticleReader interface {
	// ReadArticle returns the next article, or nil, io.EOF at the end.
	// A *ParseError concerns one record; reading can go on after it. Any other error is final.
	ReadArticle() (*Article, error)
}

// CSVColumns names the CSV header columns that hold each field (matched case-insensitively, trimmed).
// Only Text must be present in the header; a field whose column is absent stays empty.
type CSVColumns struct{ ID, Title, Text, Source, Date, URL string }

// DefaultCSVColumns fit the FA-KES corpus, whose header is
//
//	unit_id,article_title,article_content,source,date,location,labels
var DefaultCSVColumns = CSVColumns{ID: "unit_id", Title: "article_title", Text: "article_content", Source: "source", Date: "date", URL: "url"}

// ReadOptions configure [NewArticleReader].
type ReadOptions struct {
	Path    string     // the input's name for ids and messages; "-" or "" is standard input
	Lines   bool       // text format only: every non-empty line is its own article
	CSV     CSVColumns // zero value means DefaultCSVColumns (fill each empty field from the default)
	MaxSize int        // largest article text or JSONL line in bytes; 0 means 64 MiB
}

// defaultMaxSize is the MaxSize used when ReadOptions.MaxSize is 0.
const defaultMaxSize = 64 << 20

// NewArticleReader returns a reader of the articles in r, which is in
// format f. It reads r as it goes and does not close it.
//
// [Text] is one article per input, or one per non-empty line with
// opts.Lines. A whole-input article keeps its text as read and has no
// title; its ID is the slug of the base name of opts.Path without
// extension ("in/Élysée Talks.txt" → "elysee-talks"), so files with the
// same base name get the same ID. A line's text is trimmed.
//
// [JSONL] is one JSON object per line with the string fields "id",
// "title", "text", "date", "source" and "url"; "id" may be a number, and
// other fields are ignored.
//
// [CSV] has a header row; opts.CSV names the columns that hold each field.
// Records may have more or fewer fields than the header. Quotes are read
// leniently, as with [csv.Reader.LazyQuotes], but a quote that is never
// closed is reported.
//
// [HTML] is one page per input, reduced to the text of its <article>,
// else <main>, else itemprop="articleBody", else <body>, without scripts,
// navigation, headers, footers, asides, forms, hidden elements and
// elements whose class or id names sharing, related links, comments,
// menus, cookies, subscriptions or social media. Its title is og:title,
// else <title> without a " | Site" suffix, else the first <h1>, and is
// put first in the text. The date, source and URL come from the meta tags
// article:published_time, og:site_name and og:url, or from <time> and
// <link rel="canonical">; a date that cannot be read is left zero. The ID
// is as for Text.
//
// A record without an id gets the [HashID] of its text, and its date is
// read with [ParseDate]. Every input must be UTF-8; a leading byte order
// mark is dropped. A record with invalid UTF-8, a NUL byte, no text, more
// than opts.MaxSize bytes or a date that cannot be read yields a
// *[ParseError] and no article, and the records after it are still read.
// An input without any record yields the *ParseError "empty file, no
// article" before io.EOF. The problems of a whole-input Text or HTML
// article have Line 0 and say where in the input they are. A CSV header
// without the text column, a CSV record larger than opts.MaxSize (plus 64
// KiB) and an unclosed quote end the input after their *ParseError.
//
// Memory use is bounded by a few times opts.MaxSize, which limits a JSONL
// line, a text line or whole text, a CSV field and an HTML page: a longer
// line is skipped without being held, and a longer whole input is counted
// and dropped.
//
// An unknown f gives a reader whose only result is an error wrapping
// [ErrUnknownFormat].
func NewArticleReader(r io.Reader, f Format, opts ReadOptions) ArticleReader {
	path := opts.Path
	if path == "" {
		path = "-"
	}
	max := opts.MaxSize
	if max <= 0 {
		max = defaultMaxSize
	}
	in := input{path: path, max: max}
	switch f {
	case Text:
		if opts.Lines {
			return &textLinesReader{input: in, lines: newLineReader(r, max)}
		}
		return &textReader{input: in, r: r}
	case JSONL:
		return &jsonlReader{input: in, lines: newLineReader(r, max)}
	case CSV:
		return newCSVReader(r, in, opts.CSV)
	case HTML:
		return &htmlReader{input: in, r: r}
	}
	return &failedReader{err: fmt.Errorf("%w %q: want %s", ErrUnknownFormat, string(f), formatNames)}
}

// formatNames lists the names ParseFormat accepts, for messages.
const formatNames = "text, jsonl, csv or html"

// FormatOf returns the format of the file at path, from its extension:
// .txt and .text are Text, .jsonl and .ndjson JSONL, .csv CSV, and .html,
// .htm and .xhtml HTML, in any case. Any other extension gives an error
// wrapping [ErrUnknownFormat].
func FormatOf(path string) (Format, error) {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	ext := ""
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		ext = base[i:]
	}
	switch strings.ToLower(ext) {
	case ".txt", ".text":
		return Text, nil
	case ".jsonl", ".ndjson":
		return JSONL, nil
	case ".csv":
		return CSV, nil
	case ".html", ".htm", ".xhtml":
		return HTML, nil
	case "":
		return "", fmt.Errorf("%w: %q has no file extension; want .txt, .jsonl, .csv or .html, or name the format (%s)",
			ErrUnknownFormat, base, formatNames)
	}
	return "", fmt.Errorf("%w %q: want .txt, .text, .jsonl, .ndjson, .csv, .html, .htm or .xhtml, or name the format (%s)",
		ErrUnknownFormat, ext, formatNames)
}

// ParseFormat returns the format with the given name: "text" or "txt",
// "jsonl" or "ndjson", "csv", or "html", in any case. Any other name gives
// an error wrapping [ErrUnknownFormat].
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "text", "txt":
		return Text, nil
	case "jsonl", "ndjson":
		return JSONL, nil
	case "csv":
		return CSV, nil
	case "html":
		return HTML, nil
	}
	return "", fmt.Errorf("%w %q: want %s", ErrUnknownFormat, name, formatNames)
}

// errEmptyInput is the problem of an input without any record.
var errEmptyInput = errors.New("empty file, no article")

// errNoText is the problem of a record whose text is missing or blank.
var errNoText = errors.New("record has no text")

// input holds what every reader knows about its input.
type input struct {
	path string // "-" for standard input
	max  int    // MaxSize
}

// errorf returns a *ParseError for the record at line.
func (in input) errorf(line int, format string, args ...any) *ParseError {
	return &ParseError{Path: in.path, Line: line, Err: fmt.Errorf(format, args...)}
}

// errorAt returns a *ParseError for the record at line.
func (in input) errorAt(line int, err error) *ParseError {
	return &ParseError{Path: in.path, Line: line, Err: err}
}

// origin returns the Origin of the record at line.
func (in input) origin(line int) string { return fmt.Sprintf("%s:%d", in.path, line) }

// fileID returns the id of the single article of a whole-file input: the
// slug of the file's base name without extension, else the HashID of text.
func (in input) fileID(text string) string {
	if in.path != "-" {
		base := in.path[strings.LastIndexAny(in.path, `/\`)+1:]
		if i := strings.LastIndexByte(base, '.'); i > 0 {
			base = base[:i]
		}
		if id := slugOf(base); id != "" {
			return id
		}
	}
	return HashID(text)
}

// failedReader returns err, then io.EOF.
type failedReader struct{ err error }

func (r *failedReader) ReadArticle() (*Article, error) {
	err := r.err
	if err == nil {
		return nil, io.EOF
	}
	r.err = nil
	return nil, err
}

// readWhole reads all of r and returns it and its size, if the size is at
// most max bytes. Otherwise it reads on without keeping the bytes and
// returns a nil slice and the size.
func readWhole(r io.Reader, max int) ([]byte, int64, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, 0, err
	}
	if len(b) <= max {
		return b, int64(len(b)), nil
	}
	n, err := io.Copy(io.Discard, r)
	return nil, int64(len(b)) + n, err
}

var utf8BOM = []byte("\xef\xbb\xbf")

// textProblem reports why b, a whole file or (with oneLine) a single line,
// is not UTF-8 text: UTF-16, a NUL byte, or invalid UTF-8. It returns the
// 1-based line of the problem within b (0 when it concerns all of b) for
// the caller's ParseError. what names the input in the advice: "file" or "page".
func textProblem(b []byte, oneLine bool, what string) (int, error) {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return 0, fmt.Errorf("UTF-16 text, not UTF-8: convert the %s to UTF-8", what)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		line, col := lineCol(b, i)
		if oneLine {
			line = 0
		}
		return line, fmt.Errorf("binary data (NUL byte at column %d), not text", col)
	}
	if i := invalidUTF8(b); i >= 0 {
		line, col := lineCol(b, i)
		if oneLine {
			line = 0
		}
		return line, fmt.Errorf("invalid UTF-8 at column %d: convert the %s to UTF-8", col, what)
	}
	return 0, nil
}

// invalidUTF8 returns the index of the first byte of b that is not part of
// valid UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// lineCol returns the 1-based line and byte column of b[i].
func lineCol(b []byte, i int) (line, col int) {
	line = 1 + bytes.Count(b[:i], []byte{'\n'})
	col = i - (bytes.LastIndexByte(b[:i], '\n') + 1) + 1
	return line, col
}

// textReader reads a whole input as one article.
type textReader struct {
	input
	r    io.Reader
	done bool
}

func (t *textReader) ReadArticle() (*Article, error) {
	if t.done {
		return nil, io.EOF
	}
	t.done = true
	b, size, err := readWhole(t.r, t.max)
	if err != nil {
		return nil, err
	}
	if size > int64(t.max) {
		return nil, t.errorf(0, "article text is %d bytes, larger than the limit of %d", size, t.max)
	}
	b = bytes.TrimPrefix(b, utf8BOM)
	if line, err := textProblem(b, false, "file"); err != nil {
		return nil, t.errorAt(line, err)
	}
	text := string(b)
	if strings.TrimSpace(text) == "" {
		return nil, t.errorAt(0, errEmptyInput)
	}
	return &Article{ID: t.fileID(text), Text: text, Origin: t.origin(1)}, nil
}

// lineReader reads lines of at most max bytes with bufio.Reader, skipping
// longer ones without holding them.
type lineReader struct {
	br   *bufio.Reader
	max  int
	n    int // number of the line last returned
	buf  []byte
	done bool
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line without its line ending, valid until the
// next call. When the line is longer than max bytes it returns a nil line
// and the line's size. At the end it returns io.EOF; any other error is
// from the underlying reader.
func (lr *lineReader) next() (line []byte, tooLong int64, err error) {
	if lr.done {
		return nil, 0, io.EOF
	}
	if cap(lr.buf) > 1<<20 {
		lr.buf = nil // do not hold on to the memory of one long line
	}
	lr.buf = lr.buf[:0]
	var size int64
	over, ended := false, false
	for {
		chunk, err := lr.br.ReadSlice('\n')
		size += int64(len(chunk))
		if !over && len(lr.buf)+len(chunk) > lr.max+2 { // +2 for "\r\n"
			over = true
			lr.buf = lr.buf[:0]
		}
		if !over {
			lr.buf = append(lr.buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			lr.done = true
			if size == 0 {
				return nil, 0, io.EOF
			}
		} else if err != nil {
			lr.done = true
			return nil, 0, err
		}
		ended = err == nil
		break
	}
	lr.n++
	if over {
		if ended {
			size-- // the "\n"
		}
		return nil, size, nil
	}
	line = lr.buf
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	if len(line) > lr.max {
		return nil, int64(len(line)), nil
	}
	return line, 0, nil
}

// isBlank reports whether b holds only white space.
func isBlank(b []byte) bool {
	return len(bytes.TrimFunc(b, unicode.IsSpace)) == 0
}

// textLinesReader reads each non-empty line as an article.
type textLinesReader struct {
	input
	lines *lineReader
	seen  bool  // a non-blank line was read
	err   error // final error
}

func (t *textLinesReader) ReadArticle() (*Article, error) {
	for t.err == nil {
		line, tooLong, err := t.lines.next()
		if err != nil {
			t.err = err
			if err == io.EOF && !t.seen {
				t.seen = true
				return nil, t.errorAt(0, errEmptyInput)
			}
			break
		}
		n := t.lines.n
		if tooLong > 0 {
			t.seen = true
			return nil, t.errorf(n, "article text is %d bytes, larger than the limit of %d", tooLong, t.max)
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if isBlank(line) {
			continue
		}
		t.seen = true
		if _, err := textProblem(line, true, "file"); err != nil {
			return nil, t.errorAt(n, err)
		}
		text := strings.TrimSpace(string(line))
		return &Article{ID: HashID(text), Text: text, Origin: t.origin(n)}, nil
	}
	return nil, t.err
}

// jsonlReader reads one JSON object per line.
type jsonlReader struct {
	input
	lines *lineReader
	seen  bool
	err   error
}

func (j *jsonlReader) ReadArticle() (*Article, error) {
	for j.err == nil {
		line, tooLong, err := j.lines.next()
		if err != nil {
			j.err = err
			if err == io.EOF && !j.seen {
				j.seen = true
				return nil, j.errorAt(0, errEmptyInput)
			}
			break
		}
		n := j.lines.n
		if tooLong > 0 {
			j.seen = true
			return nil, j.errorf(n, "line is %d bytes, larger than the limit of %d", tooLong, j.max)
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if isBlank(line) {
			continue
		}
		j.seen = true
		a, err := decodeJSONArticle(line)
		if err != nil {
			return nil, j.errorAt(n, err)
		}
		a.Origin = j.origin(n)
		return a, nil
	}
	return nil, j.err
}

// decodeJSONArticle decodes one JSONL line.
func decodeJSONArticle(line []byte) (*Article, error) {
	if _, err := textProblem(line, true, "file"); err != nil {
		return nil, err
	}
	trimmed := bytes.TrimSpace(line)
	if trimmed[0] != '{' {
		start, _ := cutRunes(string(trimmed), 12)
		return nil, fmt.Errorf(`not a JSON object (the line starts with %q): each line must be an object like {"id": "1", "text": "..."}`, start)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return nil, jsonProblem(err)
	}
	get := func(name string) (json.RawMessage, bool) {
		if v, ok := fields[name]; ok {
			return v, true
		}
		// A key in another case, as encoding/json allows; the first in
		// sorted order, so that the choice does not change between runs.
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			if strings.EqualFold(k, name) {
				return fields[k], true
			}
		}
		return nil, false
	}
	var a Article
	var date string
	for _, f := range []struct {
		name string
		dst  *string
	}{{"id", &a.ID}, {"title", &a.Title}, {"text", &a.Text}, {"date", &date}, {"source", &a.Source}, {"url", &a.URL}} {
		raw, ok := get(f.name)
		if !ok {
			continue
		}
		s, err := jsonString(f.name, raw)
		if err != nil {
			return nil, err
		}
		if strings.IndexByte(s, 0) >= 0 {
			return nil, fmt.Errorf(`field %q holds a NUL character (\u0000), not text`, f.name)
		}
		*f.dst = s
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, errNoText
	}
	a.ID = strings.TrimSpace(a.ID)
	if a.ID == "" {
		a.ID = HashID(a.Text)
	}
	a.Title = strings.TrimSpace(a.Title)
	a.Source = strings.TrimSpace(a.Source)
	a.URL = strings.TrimSpace(a.URL)
	if err := setDate(&a, date); err != nil {
		return nil, err
	}
	return &a, nil
}

// jsonString returns the string value of a JSON field. The "id" field may
// also be a number, kept as written. A null is "".
func jsonString(name string, raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	kind := "an object"
	switch c := raw[0]; {
	case c == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("invalid JSON string in field %q: %v", name, err)
		}
		return s, nil
	case c == '-' || '0' <= c && c <= '9':
		if name == "id" {
			return string(raw), nil
		}
		kind = "a number"
	case c == '[':
		kind = "an array"
	case c == 't' || c == 'f':
		kind = "a boolean"
	}
	return "", fmt.Errorf("field %q is %s, want a string", name, kind)
}

// jsonProblem rewords an encoding/json error about a line.
func jsonProblem(err error) error {
	msg := strings.TrimPrefix(err.Error(), "json: ")
	var se *json.SyntaxError
	if errors.As(err, &se) {
		if strings.Contains(msg, "unexpected end") {
			return errors.New("invalid JSON: unexpected end of input (is the line cut short?)")
		}
		return fmt.Errorf("invalid JSON at column %d: %s", se.Offset, msg)
	}
	return fmt.Errorf("invalid JSON: %s", msg)
}

// setDate sets a.Date from s, which may be blank.
func setDate(a *Article, s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	d, ok := ParseDate(s)
	if !ok {
		s, cut := cutRunes(strings.TrimSpace(s), 40)
		if cut {
			s += "..."
		}
		return fmt.Errorf("cannot read date %q: want a date like 2017-04-05, 4/5/2017 or 5 April 2017", s)
	}
	a.Date = d
	return nil
}

// cutRunes returns the first n runes of s and whether it cut any.
func cutRunes(s string, n int) (string, bool) {
	i := 0
	for j := range s {
		if i == n {
			return s[:j], true
		}
		i++
	}
	return s, false
}

// csvReader reads one article per CSV record.
type csvReader struct {
	input
	cols    CSVColumns
	raw     *csvTee
	cr      *csv.Reader
	header  bool // the header was read
	fields  int  // number of header fields
	idx     struct{ id, title, text, source, date, url int }
	line    int // line where the unread raw input starts
	records int
	err     error // final error
}

func newCSVReader(r io.Reader, in input, cols CSVColumns) *csvReader {
	def := DefaultCSVColumns
	for _, c := range []struct {
		field *string
		def   string
	}{
		{&cols.ID, def.ID}, {&cols.Title, def.Title}, {&cols.Text, def.Text},
		{&cols.Source, def.Source}, {&cols.Date, def.Date}, {&cols.URL, def.URL},
	} {
		if strings.TrimSpace(*c.field) == "" {
			*c.field = c.def
		}
	}
	// The tee keeps the raw bytes of the record being read, so that
	// positions of bad bytes and unclosed quotes can be reported, and
	// stops a record from growing past the size limit.
	tee := &csvTee{r: r, limit: in.max + 64<<10}
	cr := csv.NewReader(tee)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	return &csvReader{input: in, cols: cols, raw: tee, cr: cr, line: 1}
}

// errCSVTooLarge stops the csv.Reader on a record larger than the limit.
var errCSVTooLarge = errors.New("csv record too large")

// csvTee is an io.Reader that keeps what it reads from r since the start
// of the current record, and fails with errCSVTooLarge past limit bytes.
type csvTee struct {
	r     io.Reader
	buf   []byte
	base  int64 // input offset of buf[0]
	limit int
}

func (t *csvTee) Read(p []byte) (int, error) {
	room := t.limit - len(t.buf)
	if room <= 0 {
		return 0, errCSVTooLarge
	}
	if len(p) > room {
		p = p[:room]
	}
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// take returns the bytes up to input offset end and forgets them. The
// result stays valid after later Reads, which append past it; the buffer
// does not grow with the input because append moves the unread bytes to a
// new array whenever it runs out of room.
func (t *csvTee) take(end int64) []byte {
	k := int(end - t.base)
	if k < 0 || k > len(t.buf) {
		k = len(t.buf)
	}
	raw := t.buf[:k:k]
	t.buf = t.buf[k:]
	t.base += int64(k)
	return raw
}

func (c *csvReader) ReadArticle() (*Article, error) {
	if c.err != nil {
		return nil, c.err
	}
	if !c.header {
		c.header = true
		if err := c.readHeader(); err != nil {
			c.err = io.EOF
			return nil, err
		}
	}
	rec, err := c.cr.Read()
	raw := c.raw.take(c.cr.InputOffset())
	start := c.line
	c.line += bytes.Count(raw, []byte{'\n'})
	// csv.Reader skips blank lines before a record.
	line := start
	for i := 0; i < len(raw) && (raw[i] == '\n' || raw[i] == '\r'); i++ {
		if raw[i] == '\n' {
			line++
		}
	}
	switch {
	case err == io.EOF:
		c.err = io.EOF
		if c.records == 0 {
			return nil, c.errorAt(0, errors.New("empty file, no article (only a header)"))
		}
		return nil, io.EOF
	case errors.Is(err, errCSVTooLarge):
		c.err = io.EOF
		return nil, c.errorf(line, "record is larger than the limit of %d bytes; cannot read on", c.max)
	case err != nil:
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			c.records++
			return nil, c.errorf(pe.StartLine, "%v (line %d, column %d)", pe.Err, pe.Line, pe.Column)
		}
		c.err = err
		return nil, err
	}
	c.records++
	return c.article(rec, raw, start, line)
}

// readHeader reads the header row and finds the columns in it.
func (c *csvReader) readHeader() error {
	rec, err := c.cr.Read()
	raw := c.raw.take(c.cr.InputOffset())
	c.line += bytes.Count(raw, []byte{'\n'})
	switch {
	case err == io.EOF:
		return c.errorAt(0, errEmptyInput)
	case errors.Is(err, errCSVTooLarge):
		return c.errorf(1, "header row is larger than the limit of %d bytes", c.max)
	case err != nil:
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return c.errorf(pe.StartLine, "cannot read header: %v (line %d, column %d)", pe.Err, pe.Line, pe.Column)
		}
		return err
	}
	raw = bytes.TrimPrefix(raw, utf8BOM)
	if line, err := textProblem(raw, false, "file"); err != nil {
		return c.errorAt(line, err)
	}
	if q := unclosedQuote(raw); q >= 0 {
		l, _ := lineCol(raw, q)
		return c.errorf(0, "the quote on line %d is never closed: the header runs to the end of the file", l)
	}
	rec[0] = strings.TrimPrefix(rec[0], "\ufeff")
	c.fields = len(rec)
	find := func(name string) int {
		name = strings.TrimSpace(name)
		for i, h := range rec {
			if strings.EqualFold(strings.TrimSpace(h), name) {
				return i
			}
		}
		return -1
	}
	c.idx.id = find(c.cols.ID)
	c.idx.title = find(c.cols.Title)
	c.idx.text = find(c.cols.Text)
	c.idx.source = find(c.cols.Source)
	c.idx.date = find(c.cols.Date)
	c.idx.url = find(c.cols.URL)
	if c.idx.text < 0 {
		return c.errorf(1, "no column %q in header (have: %s); name the text column with --csv-text", c.cols.Text, headerList(rec))
	}
	return nil
}

// headerList lists header names for a message, shortened.
func headerList(rec []string) string {
	var b strings.Builder
	for i, h := range rec {
		if i == 12 {
			fmt.Fprintf(&b, ", ... (%d columns)", len(rec))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		h, cut := cutRunes(strings.TrimSpace(h), 30)
		b.WriteString(h)
		if cut {
			b.WriteString("...")
		}
	}
	return b.String()
}

// article checks a record and returns its article. raw is the record as
// read, starting on line start; the record itself starts on line.
func (c *csvReader) article(rec []string, raw []byte, start, line int) (*Article, error) {
	if q := unclosedQuote(raw); q >= 0 {
		l, _ := lineCol(raw, q)
		c.err = io.EOF
		return nil, c.errorf(line, "the quote on line %d is never closed: the record runs to the end of the file (is the file cut short?)", start+l-1)
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		l, _ := lineCol(raw, i)
		return nil, c.errorf(line, "binary data (NUL byte on line %d), not text", start+l-1)
	}
	if i := invalidUTF8(raw); i >= 0 {
		l, col := lineCol(raw, i)
		return nil, c.errorf(line, "invalid UTF-8 on line %d, column %d: convert the file to UTF-8", start+l-1, col)
	}
	if c.idx.text >= len(rec) {
		return nil, c.errorf(line, "record has no text (only %d of the header's %d fields)", len(rec), c.fields)
	}
	text := rec[c.idx.text]
	if strings.TrimSpace(text) == "" {
		return nil, c.errorAt(line, errNoText)
	}
	if len(text) > c.max {
		return nil, c.errorf(line, "article text is %d bytes, larger than the limit of %d", len(text), c.max)
	}
	get := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	a := &Article{
		ID:     get(c.idx.id),
		Title:  get(c.idx.title),
		Text:   text,
		Source: get(c.idx.source),
		URL:    get(c.idx.url),
		Origin: c.origin(line),
	}
	if a.ID == "" {
		a.ID = HashID(text)
	}
	if err := setDate(a, get(c.idx.date)); err != nil {
		return nil, c.errorAt(line, err)
	}
	return a, nil
}

// unclosedQuote returns the index of the opening quote of a quoted field
// in raw that is never closed, or -1. It follows encoding/csv with
// LazyQuotes: a field is quoted when it starts with '"', `""` inside it is
// a quote, and a '"' not followed by a comma or line end is kept as is.
// csv.Reader only lets such a field end at the end of the input.
func unclosedQuote(raw []byte) int {
	fieldStart, open := true, -1
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if open >= 0 {
			if c != '"' {
				continue
			}
			if i+1 < len(raw) && raw[i+1] == '"' {
				i++
				continue
			}
			rest := raw[i+1:]
			if len(rest) == 0 || rest[0] == ',' || rest[0] == '\n' || rest[0] == '\r' && (len(rest) == 1 || rest[1] == '\n') {
				open = -1
				fieldStart = false
			}
			continue
		}
		switch c {
		case ',', '\n':
			fieldStart = true
		case '"':
			if fieldStart {
				open = i
			}
			fieldStart = false
		default:
			fieldStart = false
		}
	}
	return open
}

// slugOf returns s in lower-case ASCII letters and digits, with every
// other run of characters turned into one "-", and no "-" at either end.
// Latin letters with diacritics lose them (é → e, ß → ss); letters of
// other scripts are dropped.
func slugOf(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
		case r < utf8.RuneSelf || !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r):
			dash = b.Len() > 0
			continue
		default:
			if t, ok := latinFold[r]; ok {
				if dash {
					b.WriteByte('-')
					dash = false
				}
				b.WriteString(t)
			}
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// latinFold maps lower-case Latin letters with diacritics to ASCII.
var latinFold = func() map[rune]string {
	m := make(map[rune]string)
	for _, g := range []struct{ to, from string }{
		{"a", "àáâãäåāăąǎ"}, {"ae", "æ"}, {"c", "çćĉċč"}, {"d", "ďđð"},
		{"e", "èéêëēĕėęě"}, {"g", "ĝğġģ"}, {"h", "ĥħ"}, {"i", "ìíîïĩīĭįıǐ"},
		{"ij", "ĳ"}, {"j", "ĵ"}, {"k", "ķ"}, {"l", "ĺļľŀł"}, {"n", "ñńņňŉ"},
		{"o", "òóôõöøōŏőǒ"}, {"oe", "œ"}, {"r", "ŕŗř"}, {"s", "śŝşšș"}, {"ss", "ß"},
		{"t", "ţťŧț"}, {"th", "þ"}, {"u", "ùúûüũūŭůűųǔ"}, {"w", "ŵ"}, {"y", "ýÿŷ"}, {"z", "źżž"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()
