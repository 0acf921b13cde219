package quote

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Annotator runs the first part of the language layer (sentences,
// tags, parse, entities). *nlp.Pipeline is one; the interface keeps this
// package free of the nlp package, which calls Find.
type Annotator interface {
	Annotate(ctx context.Context, doc *crosscheck.Document) (*crosscheck.Annotations, error)
}

// GoldDoc is one document of a quote gold file (JSON lines, one document
// a line).
type GoldDoc struct {
	ID string `json:"id"`
	// Split is "dev" (tuned on) or "test" (held out); empty means dev.
	Split string `json:"split,omitempty"`
	// Source says where the text comes from.
	Source string `json:"source,omitempty"`
	// Published is an RFC 3339 time or a YYYY-MM-DD date.
	Published string      `json:"published,omitempty"`
	Authors   []string    `json:"authors,omitempty"`
	Text      string      `json:"text"`
	Quotes    []GoldQuote `json:"quotes"`
}

// GoldQuote is one quote of a gold document.
type GoldQuote struct {
	// Text is the quoted content as it stands in the document, or a
	// substring of it that occurs once; Occurrence picks one of several
	// (0 for the first).
	Text       string `json:"text"`
	Occurrence *int   `json:"occurrence,omitempty"`
	// Kind is a Quote* kind.
	Kind string `json:"kind"`
	// Speaker is the full name of the speaker, or the description of an
	// unnamed one ("Valdorian foreign ministry official"), or "" when the
	// text gives none. Alternatives that are equally right are separated
	// by "|".
	Speaker string `json:"speaker"`
	// Span is where Text was found; it is computed, not read.
	Span crosscheck.Span `json:"-"`
}

// ReadGold reads a gold file and locates every quote in its document. A
// quote text that is missing, ambiguous or of an unknown kind is an
// ErrInvalid error.
func ReadGold(path string) ([]GoldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readGold(f, path)
}

func readGold(r io.Reader, name string) ([]GoldDoc, error) {
	var docs []GoldDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d GoldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "%s:%d: %v", name, line, err)
		}
		if d.ID == "" {
			return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "%s:%d: document without id", name, line)
		}
		for i := range d.Quotes {
			q := &d.Quotes[i]
			switch q.Kind {
			case crosscheck.QuoteDirect, crosscheck.QuoteIndirect, crosscheck.QuoteAccordingTo, crosscheck.QuoteColon:
			default:
				return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "%s:%d: %s: quote %q: unknown kind %q", name, line, d.ID, q.Text, q.Kind)
			}
			at, ok := locate(d.Text, q.Text, q.Occurrence)
			if !ok {
				return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "%s:%d: %s: quote %q is not in the text, or not once (give occurrence)", name, line, d.ID, q.Text)
			}
			q.Span = crosscheck.Span{Start: at, End: at + len(q.Text)}
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return docs, nil
}

// locate finds the occurrence-th match of sub in text; without an
// occurrence the match must be unique.
func locate(text, sub string, occurrence *int) (int, bool) {
	if sub == "" {
		return 0, false
	}
	var at []int
	for i := 0; ; {
		j := strings.Index(text[i:], sub)
		if j < 0 {
			break
		}
		at = append(at, i+j)
		i += j + 1
	}
	switch {
	case occurrence != nil && *occurrence >= 0 && *occurrence < len(at):
		return at[*occurrence], true
	case occurrence == nil && len(at) == 1:
		return at[0], true
	}
	return 0, false
}

// Counts are the figures of one kind of quote (or of all). A predicted
// quote matches a gold quote when their spans overlap; each is matched
// at most once.
type Counts struct {
	Gold int `json:"gold"`
	Pred int `json:"pred"`
	// MatchedGold counts gold quotes of this kind that were found (by a
	// quote of any kind); MatchedPred predicted quotes of this kind that
	// match a gold quote.
	MatchedGold int `json:"matched_gold"`
	MatchedPred int `json:"matched_pred"`
	// SpeakerOK counts found gold quotes whose speaker is right; KindOK
	// those whose kind is right.
	SpeakerOK int `json:"speaker_ok"`
	KindOK    int `json:"kind_ok"`
}

// Precision is the share of predicted quotes that match a gold quote.
func (c Counts) Precision() float64 { return ratio(c.MatchedPred, c.Pred) }

// Recall is the share of gold quotes found.
func (c Counts) Recall() float64 { return ratio(c.MatchedGold, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// SpeakerAccuracy is the share of found gold quotes with the right
// speaker.
func (c Counts) SpeakerAccuracy() float64 { return ratio(c.SpeakerOK, c.MatchedGold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c *Counts) add(o Counts) {
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.MatchedGold += o.MatchedGold
	c.MatchedPred += o.MatchedPred
	c.SpeakerOK += o.SpeakerOK
	c.KindOK += o.KindOK
}

// Kinds lists the quote kinds in report order.
var Kinds = []string{crosscheck.QuoteDirect, crosscheck.QuoteColon, crosscheck.QuoteIndirect, crosscheck.QuoteAccordingTo}

// Result holds the scores of a set of documents.
type Result struct {
	Docs int               `json:"docs"`
	All  Counts            `json:"all"`
	Kind map[string]Counts `json:"kind"`
	// Errors lists the misses, spurious quotes and wrong speakers, for
	// reading.
	Errors []Error `json:"errors,omitempty"`
}

// Error is one disagreement with the gold data.
type Error struct {
	Doc string `json:"doc"`
	// What is "missed", "spurious" or "speaker".
	What        string `json:"what"`
	Kind        string `json:"kind"`
	Text        string `json:"text"`
	Gold        string `json:"gold,omitempty"`
	Predicted   string `json:"predicted,omitempty"`
	PredictKind string `json:"predicted_kind,omitempty"`
}

func (e Error) String() string {
	switch e.What {
	case "speaker":
		return fmt.Sprintf("%s speaker %s %q: gold %q, got %q", e.Doc, e.Kind, clip(e.Text), e.Gold, e.Predicted)
	case "missed":
		return fmt.Sprintf("%s missed  %s %q (%s)", e.Doc, e.Kind, clip(e.Text), e.Gold)
	}
	return fmt.Sprintf("%s spurious %s %q (%s)", e.Doc, e.Kind, clip(e.Text), e.Predicted)
}

func clip(s string) string {
	if len(s) > 70 {
		return s[:67] + "..."
	}
	return s
}

// Score compares the quotes found in one document with its gold quotes.
// Pairs are matched greedily by overlap, largest first, preferring pairs
// of the same kind.
func Score(docID string, gold []GoldQuote, pred []crosscheck.Quote) Result {
	r := Result{Docs: 1, Kind: map[string]Counts{}}
	type pair struct{ g, p, overlap int }
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range pred {
			lo, hi := max(g.Span.Start, p.Span.Start), min(g.Span.End, p.Span.End)
			if hi > lo {
				ov := 2 * (hi - lo)
				if g.Kind == p.Kind {
					ov++
				}
				pairs = append(pairs, pair{gi, pi, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].overlap > pairs[j].overlap })
	gm, pm := make([]int, len(gold)), make([]int, len(pred))
	for i := range gm {
		gm[i] = -1
	}
	for i := range pm {
		pm[i] = -1
	}
	for _, p := range pairs {
		if gm[p.g] < 0 && pm[p.p] < 0 {
			gm[p.g], pm[p.p] = p.p, p.g
		}
	}
	count := func(kind string, f func(*Counts)) {
		c := r.Kind[kind]
		f(&c)
		r.Kind[kind] = c
		f(&r.All)
	}
	for gi, g := range gold {
		count(g.Kind, func(c *Counts) { c.Gold++ })
		pi := gm[gi]
		if pi < 0 {
			r.Errors = append(r.Errors, Error{Doc: docID, What: "missed", Kind: g.Kind, Text: g.Text, Gold: g.Speaker})
			continue
		}
		p := pred[pi]
		ok := SameSpeaker(g.Speaker, p.Speaker)
		count(g.Kind, func(c *Counts) {
			c.MatchedGold++
			if ok {
				c.SpeakerOK++
			}
			if g.Kind == p.Kind {
				c.KindOK++
			}
		})
		if !ok {
			r.Errors = append(r.Errors, Error{Doc: docID, What: "speaker", Kind: g.Kind, Text: g.Text, Gold: g.Speaker, Predicted: p.Speaker, PredictKind: p.Kind})
		}
	}
	for pi, p := range pred {
		count(p.Kind, func(c *Counts) {
			c.Pred++
			if pm[pi] >= 0 {
				c.MatchedPred++
			}
		})
		if pm[pi] < 0 {
			r.Errors = append(r.Errors, Error{Doc: docID, What: "spurious", Kind: p.Kind, Text: p.Text, Predicted: p.Speaker})
		}
	}
	return r
}

// Add accumulates another result.
func (r *Result) Add(o Result) {
	if r.Kind == nil {
		r.Kind = map[string]Counts{}
	}
	r.Docs += o.Docs
	r.All.add(o.All)
	for k, c := range o.Kind {
		x := r.Kind[k]
		x.add(c)
		r.Kind[k] = x
	}
	r.Errors = append(r.Errors, o.Errors...)
}

// SameSpeaker compares a gold speaker (with "|" between alternatives)
// with a predicted one, ignoring case, a leading article or possessive
// pronoun, and the form of apostrophes.
func SameSpeaker(gold, pred string) bool {
	p := normSpeaker(pred)
	for _, g := range strings.Split(gold, "|") {
		if normSpeaker(g) == p {
			return true
		}
	}
	return false
}

func normSpeaker(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	f := strings.Fields(s)
	for len(f) > 0 && dropLeft[f[0]] {
		f = f[1:]
	}
	return strings.Trim(strings.Join(f, " "), ".,;:")
}

// Report is the evaluation of a gold file, by split.
type Report struct {
	Splits []Split `json:"splits"`
}

// Split is the result of the documents of one split ("dev", "test", or
// "all").
type Split struct {
	Name string `json:"name"`
	Result
}

// Get returns the result of a split, or nil.
func (r *Report) Get(name string) *Result {
	for i := range r.Splits {
		if r.Splits[i].Name == name {
			return &r.Splits[i].Result
		}
	}
	return nil
}

// String renders a table per split: detection precision, recall and F1
// and speaker accuracy, by kind and in all.
func (r *Report) String() string {
	var b strings.Builder
	for _, s := range r.Splits {
		fmt.Fprintf(&b, "%s (%d documents)\n", s.Name, s.Docs)
		fmt.Fprintf(&b, "  %-13s %5s %5s %6s %6s %6s %8s %6s\n", "kind", "gold", "pred", "P", "R", "F1", "speaker", "kind")
		line := func(name string, c Counts) {
			fmt.Fprintf(&b, "  %-13s %5d %5d %6.3f %6.3f %6.3f %8.3f %6.3f\n", name, c.Gold, c.Pred, c.Precision(), c.Recall(), c.F1(), c.SpeakerAccuracy(), ratio(c.KindOK, c.MatchedGold))
		}
		for _, k := range Kinds {
			if c, ok := s.Kind[k]; ok {
				line(k, c)
			}
		}
		line("all", s.All)
	}
	return b.String()
}

// Evaluate runs the language layer and Find over the documents of a gold
// file and scores the quotes found, per split and in all.
func Evaluate(ctx context.Context, path string, pipe Annotator) (*Report, error) {
	docs, err := ReadGold(path)
	if err != nil {
		return nil, err
	}
	return evaluate(ctx, docs, pipe)
}

func evaluate(ctx context.Context, docs []GoldDoc, pipe Annotator) (*Report, error) {
	var order []string
	bySplit := map[string]*Result{}
	all := &Result{Kind: map[string]Counts{}}
	for _, g := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := &crosscheck.Document{ID: g.ID, Text: g.Text}
		doc.Meta.Authors = g.Authors
		doc.Meta.Published = parseDate(g.Published)
		a, err := pipe.Annotate(ctx, doc)
		if err != nil {
			return nil, fmt.Errorf("annotate %s: %w", g.ID, err)
		}
		res := Score(g.ID, g.Quotes, Find(doc.Text, a.Sentences, a.Entities))
		split := g.Split
		if split == "" {
			split = "dev"
		}
		if bySplit[split] == nil {
			bySplit[split] = &Result{Kind: map[string]Counts{}}
			order = append(order, split)
		}
		bySplit[split].Add(res)
		all.Add(res)
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i] == "dev" && order[j] != "dev" })
	rep := &Report{}
	for _, s := range order {
		rep.Splits = append(rep.Splits, Split{Name: s, Result: *bySplit[s]})
	}
	if len(order) > 1 {
		rep.Splits = append(rep.Splits, Split{Name: "all", Result: *all})
	}
	return rep, nil
}

func parseDate(s string) crosscheck.Date {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return crosscheck.Date{Time: t, Precision: crosscheck.PrecisionSecond, HasZone: true}
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return crosscheck.Date{Time: t, Precision: crosscheck.PrecisionDay}
	}
	return crosscheck.Date{}
}
