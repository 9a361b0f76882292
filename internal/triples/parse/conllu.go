package parse

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is a tagged and parsed sentence; all slices have len(Words).
type Sentence struct {
	Words  []string
	Lemmas []string // lower-case lemma: "agreed" -> "agree", "n't" -> "not"
	UPOS   []string // universal tags: NOUN PROPN VERB AUX ADP DET PRON ...
	XPOS   []string // Penn Treebank tags: NN NNP VBD VBN ...
	Heads  []int    // index of the head word, -1 for the root
	Rels   []string // UD relations with EWT subtypes: nsubj, obl:tmod, acl:relcl ...
}

// Len returns the number of words.
func (s *Sentence) Len() int { return len(s.Words) }

// ParseError is a malformed line of CoNLL-U input.
type ParseError struct {
	Line int // 1-based line number
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

func (e *ParseError) Unwrap() error { return e.Err }

// ErrFieldCount is reported for a word line without exactly 10 tab-separated
// fields.
var ErrFieldCount = errors.New("wrong number of fields")

// ReadCoNLLU reads sentences in the CoNLL-U format of Universal Dependencies
// (https://universaldependencies.org/format.html). Comment lines,
// multiword-token lines ("1-2") and empty nodes ("1.1") are skipped, as are
// the FEATS, DEPS and MISC columns. Heads are converted to 0-based indices
// with -1 for the root. A malformed line stops reading with a *ParseError
// that names the line.
func ReadCoNLLU(r io.Reader) ([]*Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var (
		out   []*Sentence
		cur   *Sentence
		start int // line of the current sentence's first word
		heads []int
	)
	flush := func(line int) error {
		if cur == nil {
			return nil
		}
		n := len(cur.Words)
		for i, h := range heads {
			if h > n {
				return &ParseError{start + i, fmt.Errorf("head %d out of range for a sentence of %d words", h, n)}
			}
			if h == i+1 {
				return &ParseError{start + i, fmt.Errorf("word %d is its own head", h)}
			}
			cur.Heads[i] = h - 1
		}
		out = append(out, cur)
		cur, heads = nil, nil
		return nil
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			if err := flush(line); err != nil {
				return out, err
			}
			continue
		}
		if text[0] == '#' {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 10 {
			return out, &ParseError{line, fmt.Errorf("%w: %d, want 10", ErrFieldCount, len(f))}
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multiword token or empty node
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return out, &ParseError{line, fmt.Errorf("bad word id %q", f[0])}
		}
		if cur == nil {
			cur = &Sentence{}
			start = line
		}
		if id != len(cur.Words)+1 {
			return out, &ParseError{line, fmt.Errorf("word id %d out of sequence, want %d", id, len(cur.Words)+1)}
		}
		h, err := strconv.Atoi(f[6])
		if err != nil || h < 0 {
			return out, &ParseError{line, fmt.Errorf("bad head %q", f[6])}
		}
		cur.Words = append(cur.Words, f[1])
		cur.Lemmas = append(cur.Lemmas, f[2])
		cur.UPOS = append(cur.UPOS, f[3])
		cur.XPOS = append(cur.XPOS, f[4])
		cur.Heads = append(cur.Heads, 0)
		cur.Rels = append(cur.Rels, f[7])
		heads = append(heads, h)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("line %d: %w", line+1, err)
	}
	if err := flush(line); err != nil {
		return out, err
	}
	return out, nil
}
