// Package ner finds named entities (PERSON, ORG, GPE, LOC, NORP, FAC,
// EVENT) and values (DATE, TIME, MONEY, PERCENT, CARDINAL, ORDINAL,
// QUANTITY) in tokenized text. Names come from an averaged-perceptron
// BILOU sequence model with gazetteer features (see MODEL.md); values
// from rules. Rules around the model keep titles out of person names,
// possessive 's out of every span, make labels consistent within a
// document and mark the byline's authors.
//
// Every Mention carries the byte span of its text in the document.
package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck"
)

// Mention is one entity or value mention found in a document.
type Mention struct {
	// Span locates the mention in the document text.
	Span crosscheck.Span `json:"span"`
	// Sentence is the index of the sentence holding the mention.
	Sentence int `json:"sentence"`
	// Label is the entity type (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT)
	// or value type (DATE, TIME, MONEY, PERCENT, CARDINAL, ORDINAL,
	// QUANTITY).
	Label string `json:"label"`
	// Text is the document text under Span.
	Text string `json:"text"`
	// Title is a title written before a person's name and kept out of
	// the span ("President" for "President Ilham Aliyev").
	Title string `json:"title,omitempty"`
	// Role is "author" for the names of the article's byline authors.
	Role string `json:"role,omitempty"`
	// TitleSpan locates Title in the text when Title is set.
	TitleSpan crosscheck.Span `json:"title_span,omitzero"`
}

// Options adjust one call of Recognize.
type Options struct {
	// Authors are the article's byline author names; their mentions get
	// Role "author".
	Authors []string
	// NoValues turns off the value rules (DATE, MONEY, …).
	NoValues bool
	// NoConsistency turns off the document-level label consistency pass.
	NoConsistency bool
	// Names are names the user knows, with their labels (a local
	// gazetteer: places, organisations and people the model cannot know,
	// such as those of an invented world). Every occurrence that starts
	// and ends on token boundaries gets that label, replacing what the
	// model said; the longest name wins.
	Names map[string]string
}

// Model recognizes named entities. It is safe for concurrent use.
type Model struct {
	w *weights
}

// Version names the model's training run.
func (m *Model) Version() string {
	return fmt.Sprintf("%s(format %d, rules %d)", m.w.version, modelFormat, rulesVersion)
}

// rulesVersion counts changes of the rules around the model (titles,
// consistency, clean-up), so a layer made with older rules is redone.
const rulesVersion = 2

// Labels returns the entity labels the statistical model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.w.ts.labels...) }

//go:embed model/ner.bin.gz
var embedded []byte

var (
	defOnce  sync.Once
	defModel *Model
	defErr   error
)

// Default returns the embedded model, decoding it on first use.
func Default() (*Model, error) {
	defOnce.Do(func() {
		defModel, defErr = Load(bytes.NewReader(embedded))
		if defErr != nil {
			defErr = fmt.Errorf("embedded NER model: %w", defErr)
		}
	})
	return defModel, defErr
}

// Load reads a model written by Save. A model that fails to decode or to
// check returns an error wrapping ErrCorruptModel.
func Load(r io.Reader) (*Model, error) {
	w, err := loadWeights(r)
	if err != nil {
		return nil, err
	}
	return &Model{w: w}, nil
}

// LoadFile reads a model file.
func LoadFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w", err)
	}
	defer f.Close()
	m, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("load NER model %s: %w", path, err)
	}
	return m, nil
}

// Save writes the model in its compact gzipped binary format.
func (m *Model) Save(w io.Writer) error { return m.w.save(w) }

// SaveFile writes the model to path.
func (m *Model) SaveFile(path string) error {
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("save NER model: %w", err)
	}
	return nil
}

// sentWords returns the words and parts of speech of a sentence's
// tokens (pos is nil when no token carries one).
func sentWords(text string, s crosscheck.Sentence) (words, pos []string) {
	words = make([]string, len(s.Tokens))
	hasPOS := false
	for i, t := range s.Tokens {
		w := t.Text
		if w == "" && t.Span.Valid(len(text)) {
			w = text[t.Span.Start:t.Span.End]
		}
		// The model was trained on UD tokens, where the possessive is a
		// token of its own: read "Azerbaijan's" as "Azerbaijan".
		for _, suf := range []string{"'s", "’s"} {
			if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
				w = w[:len(w)-len(suf)]
			}
		}
		words[i] = w
		if t.UPOS != "" {
			hasPOS = true
		}
	}
	if hasPOS {
		pos = make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			pos[i] = t.UPOS
		}
	}
	return words, pos
}

// tagSentences runs the statistical model over every sentence and
// returns token spans per sentence.
func (m *Model) tagSentences(words, pos [][]string) [][]GoldEntity {
	ctx := newFeatureContext(words)
	out := make([][]GoldEntity, len(words))
	var feats [][]uint32
	for si, ws := range words {
		if len(ws) == 0 {
			continue
		}
		info := sentenceInfo(ws, pos[si])
		feats = feats[:0]
		for i := range ws {
			feats = append(feats, features(nil, info, i, ctx))
		}
		em := m.w.emissions(feats)
		tags := m.w.ts.viterbi(em, m.w.trans, nil)
		out[si] = m.w.ts.decode(tags)
	}
	return out
}

// Recognize finds the mentions in a document. sents are its sentences
// with tokens whose spans point into text (as nlp/token makes them);
// tokens may carry UPOS. Mentions come in text order.
func (m *Model) Recognize(text string, sents []crosscheck.Sentence, opt Options) []Mention {
	if m == nil || m.w == nil {
		return nil
	}
	words := make([][]string, len(sents))
	pos := make([][]string, len(sents))
	for i, s := range sents {
		words[i], pos[i] = sentWords(text, s)
	}
	spans := m.tagSentences(words, pos)
	d := &doc{text: text, sents: sents, words: words}
	d.setSpans(spans)
	d.orgRuns()
	d.fixSpans()
	d.gazetteerPlaces()
	d.commonNouns()
	d.acronyms()
	d.userNames(opt.Names)
	if !opt.NoConsistency {
		d.consistency()
	}
	d.authors(opt.Authors)
	if !opt.NoValues {
		d.values()
	}
	return d.mentions()
}
