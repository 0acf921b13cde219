package token

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/conllu"
)

// Doc is a gold document rebuilt from a UD treebank: the raw text (
// sentences of a paragraph joined by a space, paragraphs by a blank line)
// and the spans of its gold syntactic words and sentences in that text.
type Doc struct {
	ID   string
	Text string
	// Words are the syntactic words: a multi-word token such as "didn't"
	// gives "did" and "n't" their own spans.
	Words     []crosscheck.Span
	Sentences []crosscheck.Span
}

// DocsFromCoNLLU rebuilds documents from treebank sentences, starting a
// new document at each "# newdoc" comment and a new paragraph at each
// "# newpar". SpaceAfter=No is honoured, also at the end of a sentence.
func DocsFromCoNLLU(sents []conllu.Sentence) []Doc {
	var docs []Doc
	var b strings.Builder
	// cur is the last element of docs; every write through it happens
	// before the next append moves docs.
	var cur *Doc
	spaceAfter := false
	for si := range sents {
		s := &sents[si]
		newdoc, newpar := false, false
		for _, c := range s.Comments {
			c = strings.TrimSpace(strings.TrimPrefix(c, "#"))
			switch {
			case c == "newdoc" || strings.HasPrefix(c, "newdoc ") || strings.HasPrefix(c, "newdoc="):
				newdoc = true
			case c == "newpar" || strings.HasPrefix(c, "newpar ") || strings.HasPrefix(c, "newpar="):
				newpar = true
			}
		}
		if cur == nil || newdoc {
			if cur != nil {
				cur.Text = b.String()
			}
			docs = append(docs, Doc{ID: s.Comment("newdoc id")})
			cur = &docs[len(docs)-1]
			b.Reset()
		} else if newpar {
			b.WriteString("\n\n")
		} else if spaceAfter {
			b.WriteByte(' ')
		}
		sentStart := b.Len()
		ranges := map[int]conllu.Range{}
		for _, r := range s.Ranges {
			ranges[r.From] = r
		}
		for k := 0; k < len(s.Tokens); k++ {
			t := s.Tokens[k]
			start := b.Len()
			if r, ok := ranges[t.ID]; ok && r.To >= t.ID {
				b.WriteString(r.Form)
				// The words' forms spell the surface form in UD English;
				// if one does not, the range counts as one word.
				var spans []crosscheck.Span
				off := 0
				last := k
				for last < len(s.Tokens) && s.Tokens[last].ID <= r.To {
					f := s.Tokens[last].Form
					if !strings.HasPrefix(r.Form[off:], f) {
						spans = nil
						break
					}
					spans = append(spans, crosscheck.Span{Start: start + off, End: start + off + len(f)})
					off += len(f)
					last++
				}
				if spans == nil || off != len(r.Form) {
					spans = []crosscheck.Span{{Start: start, End: start + len(r.Form)}}
				}
				cur.Words = append(cur.Words, spans...)
				for k+1 < len(s.Tokens) && s.Tokens[k+1].ID <= r.To {
					k++
				}
				spaceAfter = !strings.Contains(r.Misc, "SpaceAfter=No")
			} else {
				b.WriteString(t.Form)
				cur.Words = append(cur.Words, crosscheck.Span{Start: start, End: b.Len()})
				spaceAfter = t.SpaceAfter()
			}
			if k+1 < len(s.Tokens) && spaceAfter {
				b.WriteByte(' ')
			}
		}
		cur.Sentences = append(cur.Sentences, crosscheck.Span{Start: sentStart, End: b.Len()})
	}
	if cur != nil {
		cur.Text = b.String()
	}
	return docs
}

// ReadDocs reads CoNLL-U files and rebuilds their documents.
func ReadDocs(paths ...string) ([]Doc, error) {
	var docs []Doc
	for _, p := range paths {
		s, err := conllu.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("token: read gold %s: %w", p, err)
		}
		docs = append(docs, DocsFromCoNLLU(s)...)
	}
	return docs, nil
}

// Corpus names accepted by LoadCorpus.
const (
	// EWTTest is the UD English Web Treebank test split
	// (ud/ewt/files.test).
	EWTTest = "ewt-test"
	// EWTDev is the EWT development split (ud/ewt/files.dev).
	EWTDev = "ewt-dev"
	// GUMNews is the GUM news documents (ud/gum/GUM_news_*.conllu).
	GUMNews = "gum-news"
)

// LoadCorpus reads one of the gold corpora under root (the shared corpora
// folder holding ud/).
func LoadCorpus(root, name string) ([]Doc, error) {
	var paths []string
	switch name {
	case EWTTest, EWTDev:
		list := filepath.Join(root, "ud", "ewt", "files."+strings.TrimPrefix(name, "ewt-"))
		b, err := os.ReadFile(list)
		if err != nil {
			return nil, fmt.Errorf("token: load %s: %w", name, err)
		}
		for _, f := range strings.Fields(string(b)) {
			paths = append(paths, filepath.Join(root, "ud", "ewt", f))
		}
	case GUMNews:
		m, err := filepath.Glob(filepath.Join(root, "ud", "gum", "GUM_news_*.conllu"))
		if err != nil {
			return nil, fmt.Errorf("token: load %s: %w", name, err)
		}
		sort.Strings(m)
		paths = m
	default:
		return nil, fmt.Errorf("token: load %q: %w", name, crosscheck.ErrInvalid)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("token: load %s: no files: %w", name, crosscheck.ErrNotFound)
	}
	return ReadDocs(paths...)
}

// Splitter is a tokenizer and sentence splitter under evaluation;
// Sentences is one.
type Splitter func(text string) []crosscheck.Sentence

// Score counts matches between predicted and gold items.
type Score struct {
	Gold, Predicted, Correct int
}

// Precision is Correct/Predicted (0 when nothing was predicted).
func (s Score) Precision() float64 { return ratio(s.Correct, s.Predicted) }

// Recall is Correct/Gold (0 when there is no gold item).
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// String renders precision, recall, F1 and the counts.
func (s Score) String() string {
	return fmt.Sprintf("P %.4f R %.4f F1 %.4f (gold %d, predicted %d, correct %d)",
		s.Precision(), s.Recall(), s.F1(), s.Gold, s.Predicted, s.Correct)
}

func (s *Score) add(o Score) {
	s.Gold += o.Gold
	s.Predicted += o.Predicted
	s.Correct += o.Correct
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report is the outcome of Evaluate.
type Report struct {
	Docs int
	// Tokens compares token spans with gold syntactic-word spans: a token
	// is correct when a gold word has exactly its start and end.
	Tokens Score
	// Sentences compares sentence boundaries: the end offset of each
	// sentence's last token, except at the end of a document, where every
	// splitter is right.
	Sentences Score
}

// String renders the report on one line.
func (r Report) String() string {
	return fmt.Sprintf("%d docs; tokens %v; sentence boundaries %v", r.Docs, r.Tokens, r.Sentences)
}

// Evaluate runs split on each document's text and scores its tokens and
// sentence boundaries against the gold spans.
func Evaluate(docs []Doc, split Splitter) Report {
	var r Report
	for _, d := range docs {
		tok, sent := evaluateDoc(d, split(d.Text))
		r.Docs++
		r.Tokens.add(tok)
		r.Sentences.add(sent)
	}
	return r
}

func evaluateDoc(d Doc, pred []crosscheck.Sentence) (tok, sent Score) {
	gold := map[crosscheck.Span]bool{}
	for _, w := range d.Words {
		gold[w] = true
	}
	tok.Gold = len(gold)
	seen := map[crosscheck.Span]bool{}
	for _, s := range pred {
		for _, t := range s.Tokens {
			if seen[t.Span] {
				continue
			}
			seen[t.Span] = true
			tok.Predicted++
			if gold[t.Span] {
				tok.Correct++
			}
		}
	}
	docEnd := len(strings.TrimRight(d.Text, " \t\r\n"))
	goldEnds := map[int]bool{}
	for _, s := range d.Sentences {
		if s.End < docEnd {
			goldEnds[s.End] = true
		}
	}
	sent.Gold = len(goldEnds)
	predEnds := map[int]bool{}
	for _, s := range pred {
		if len(s.Tokens) == 0 {
			continue
		}
		if e := s.Tokens[len(s.Tokens)-1].Span.End; e < docEnd {
			predEnds[e] = true
		}
	}
	sent.Predicted = len(predEnds)
	for e := range predEnds {
		if goldEnds[e] {
			sent.Correct++
		}
	}
	return tok, sent
}
