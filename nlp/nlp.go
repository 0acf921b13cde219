// Package nlp is the language layer: it turns a document's clean text
// into sentences of tokens with parts of speech, lemmas and a dependency
// parse, finds the named entities and values in it, normalises time
// expressions and quantities, and finds quotes with their speakers and
// the attribution and modality of every clause. Every result
// carries its byte span into the text, its sentence index and the
// versions of the models that made it.
//
// The stages are their own packages, each with its own model trained by
// `crosscheck train` and embedded in the binary: token (tokenizer and
// sentence splitter), tag (parts of speech and lemmas), parse
// (dependencies) and ner (entities); timex, quantity, quote and modality
// are rule-based stages over their output.
package nlp

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/modality"
	"github.com/crosscheck/crosscheck/nlp/ner"
	"github.com/crosscheck/crosscheck/nlp/parse"
	"github.com/crosscheck/crosscheck/nlp/quantity"
	"github.com/crosscheck/crosscheck/nlp/quote"
	"github.com/crosscheck/crosscheck/nlp/tag"
	"github.com/crosscheck/crosscheck/nlp/timex"
	"github.com/crosscheck/crosscheck/nlp/token"
)

// Version is the version of this package's glue code; model versions are
// appended in Pipeline.Version.
const Version = "nlp/1"

// Pipeline runs the stages with loaded models. It is safe for concurrent
// use.
type Pipeline struct {
	tagger *tag.Model
	parser *parse.Model
	ner    *ner.Model
	names  map[string]string
	// namesID identifies the names list in Version.
	namesID string
}

// Default loads the embedded models.
func Default() (*Pipeline, error) {
	t, err := tag.Default()
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	p, err := parse.Default()
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	n, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w", err)
	}
	return &Pipeline{tagger: t, parser: p, ner: n}, nil
}

// Version names the code and every model, so a stored layer can be
// recognised as outdated after an upgrade.
func (p *Pipeline) Version() string {
	v := []string{Version, token.Version, p.tagger.Version(), p.parser.Version(), p.ner.Version(),
		timex.Version, quantity.Version, quote.Version, modality.Version}
	if p.namesID != "" {
		v = append(v, "names:"+p.namesID)
	}
	return strings.Join(v, " ")
}

// WithNames returns a pipeline that labels the given names (a local
// gazetteer: name → entity label) wherever they occur. The list's
// checksum becomes part of Version, so layers made with another list
// count as outdated.
func (p *Pipeline) WithNames(names map[string]string) *Pipeline {
	q := *p
	q.names = names
	keys := make([]string, 0, len(names))
	for n := range names {
		keys = append(keys, n)
	}
	sort.Strings(keys)
	h := sha256.New()
	for _, n := range keys {
		fmt.Fprintf(h, "%s\t%s\n", n, names[n])
	}
	q.namesID = ""
	if len(names) > 0 {
		q.namesID = hex.EncodeToString(h.Sum(nil))[:8]
	}
	return &q
}

// ReadNames reads a names list: one "name<TAB>LABEL" per line (a third
// column, a place's parent, is allowed and ignored here), with blank
// lines and # comments allowed. Labels are the named-entity labels
// (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT).
func ReadNames(r io.Reader, source string) (map[string]string, error) {
	names := map[string]string{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, label, ok := strings.Cut(line, "\t")
		// An optional third column (a place's parent, read by the ledger)
		// is not the recognizer's business.
		label, _, _ = strings.Cut(label, "\t")
		name, label = strings.TrimSpace(name), strings.ToUpper(strings.TrimSpace(label))
		if !ok || name == "" || !namedLabels[label] {
			return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "%s:%d: want a name, a tab and one of PERSON, ORG, GPE, LOC, NORP, FAC, EVENT", source, n)
		}
		names[name] = label
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	return names, nil
}

var namedLabels = map[string]bool{
	crosscheck.LabelPerson: true, crosscheck.LabelOrg: true, crosscheck.LabelGPE: true, crosscheck.LabelLoc: true,
	crosscheck.LabelNORP: true, crosscheck.LabelFac: true, crosscheck.LabelEvent: true,
}

// Annotate runs every stage over a document's text.
func (p *Pipeline) Annotate(ctx context.Context, doc *crosscheck.Document) (*crosscheck.Annotations, error) {
	sents := token.Sentences(doc.Text)
	for i := range sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		p.sentence(&sents[i])
	}
	var authors []string
	authors = append(authors, doc.Meta.Authors...)
	ms := p.ner.Recognize(doc.Text, sents, ner.Options{Authors: authors, Names: p.names})
	a := &crosscheck.Annotations{DocID: doc.ID, Sentences: sents, Extractor: p.Version(), CreatedAt: time.Now().UTC()}
	for _, m := range ms {
		a.Entities = append(a.Entities, crosscheck.EntityMention{Span: m.Span, Sentence: m.Sentence, Label: m.Label, Text: m.Text, Title: m.Title, Role: m.Role})
	}
	partTwo(doc, a)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

// partTwo adds the second part of the layer: times against the right
// anchor, quantities outside the times, quotes with speakers, then the
// attribution and modality of every clause (which needs the quotes).
func partTwo(doc *crosscheck.Document, a *crosscheck.Annotations) {
	a.Timexes = timex.Find(doc.Text, a.Sentences, timex.Options{Published: doc.Meta.Published, Blocks: doc.Blocks})
	taken := make([]crosscheck.Span, len(a.Timexes))
	for i, x := range a.Timexes {
		taken[i] = x.Span
	}
	a.Quantities = quantity.Find(doc.Text, a.Sentences, quantity.Options{Exclude: taken})
	a.Quotes = quote.Find(doc.Text, a.Sentences, a.Entities)
	a.Modalities = modality.Find(doc.Text, a.Sentences, modality.Options{Quotes: a.Quotes, Headline: doc.Headline})
}

// sentence tags and parses one sentence in place.
func (p *Pipeline) sentence(s *crosscheck.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	words := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		words[i] = t.Text
	}
	tags := p.tagger.Tag(words)
	pw := make([]parse.Word, len(words))
	for i := range words {
		s.Tokens[i].UPOS, s.Tokens[i].XPOS, s.Tokens[i].Lemma = tags[i].UPOS, tags[i].XPOS, tags[i].Lemma
		pw[i] = parse.Word{Form: words[i], Lemma: tags[i].Lemma, UPOS: tags[i].UPOS, XPOS: tags[i].XPOS}
	}
	for i, arc := range p.parser.Parse(pw) {
		s.Tokens[i].Head, s.Tokens[i].Rel = arc.Head, arc.Rel
	}
}
