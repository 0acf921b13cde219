// Package conllu reads CoNLL-U files (Universal Dependencies treebanks):
// sentences of tokens with lemmas, parts of speech, heads, relations and
// the MISC column, plus the comment lines (# text = …, # newdoc …).
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Token is one syntactic word of a sentence (multi-word token ranges
// such as "1-2 don't" are kept in Sentence.Ranges; empty nodes "8.1" are
// skipped).
type Token struct {
	ID     int // 1-based
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 for the root
	DepRel string
	Deps   string
	Misc   string
}

// SpaceAfter reports whether the token is followed by a space in the
// original text (MISC SpaceAfter=No says it is not).
func (t Token) SpaceAfter() bool { return !strings.Contains(t.Misc, "SpaceAfter=No") }

// MiscValue returns the value of key in the MISC column, or "".
func (t Token) MiscValue(key string) string {
	for _, kv := range strings.Split(t.Misc, "|") {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// Range is a multi-word token: the surface form of words From..To.
type Range struct {
	From, To int
	Form     string
	Misc     string
}

// Sentence is one sentence with its comments.
type Sentence struct {
	Comments []string
	Tokens   []Token
	Ranges   []Range
	// Line is the line number of the sentence's first line in its file.
	Line int
}

// Comment returns the value of a "# key = value" comment, or "".
func (s *Sentence) Comment(key string) string {
	for _, c := range s.Comments {
		c = strings.TrimSpace(strings.TrimPrefix(c, "#"))
		if k, v, ok := strings.Cut(c, "="); ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// Text is the sentence text: the "# text" comment when present, else
// rebuilt from the forms and SpaceAfter.
func (s *Sentence) Text() string {
	if t := s.Comment("text"); t != "" {
		return t
	}
	var b strings.Builder
	for _, t := range s.Tokens {
		b.WriteString(t.Form)
		if t.SpaceAfter() {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// Read parses all sentences from r. name is used in error messages.
func Read(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
			continue
		case strings.HasPrefix(line, "#"):
			if len(cur.Tokens) > 0 {
				flush()
			}
			if cur.Line == 0 {
				cur.Line = n
			}
			cur.Comments = append(cur.Comments, line)
			continue
		}
		if cur.Line == 0 {
			cur.Line = n
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 10", name, n, len(f))
		}
		if strings.Contains(f[0], ".") {
			continue // empty node of the enhanced graph
		}
		if from, to, ok := strings.Cut(f[0], "-"); ok {
			a, err1 := strconv.Atoi(from)
			b, err2 := strconv.Atoi(to)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("%s:%d: bad range %q", name, n, f[0])
			}
			cur.Ranges = append(cur.Ranges, Range{From: a, To: b, Form: f[1], Misc: f[9]})
			continue
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad ID %q", name, n, f[0])
		}
		head := 0
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil {
				return nil, fmt.Errorf("%s:%d: bad head %q", name, n, f[6])
			}
		}
		cur.Tokens = append(cur.Tokens, Token{ID: id, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5], Head: head, DepRel: f[7], Deps: f[8], Misc: f[9]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	return out, nil
}

// ReadFile parses one CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// ReadList parses the files named (one per line, relative to dir) in a
// split list such as ud/ewt/files.train, in order. Names without the
// .conllu suffix (as in GUM's lists) get it; listed files that do not
// exist are skipped and returned in missing.
func ReadList(dir, list string) (sents []Sentence, missing []string, err error) {
	b, err := os.ReadFile(list)
	if err != nil {
		return nil, nil, err
	}
	for _, name := range strings.Fields(string(b)) {
		if !strings.HasSuffix(name, ".conllu") {
			name += ".conllu"
		}
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err != nil {
			missing = append(missing, name)
			continue
		}
		s, err := ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		sents = append(sents, s...)
	}
	return sents, missing, nil
}
