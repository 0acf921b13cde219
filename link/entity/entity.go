package entity

import (
	"context"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck"
)

// Version names the resolver; every EntityRef it makes carries it.
const Version = "entity/1"

// Input is one document with its language layer.
type Input struct {
	Doc   *crosscheck.Document
	Layer *crosscheck.Annotations
}

// Result holds the resolved entities.
type Result struct {
	// Entities are sorted by number of mentions (descending), then name.
	Entities []crosscheck.Entity
	// Stats counts what the resolver read and made.
	Stats Stats

	at map[string][]spanEntity
}

// Stats counts the work of one Resolve call.
type Stats struct {
	Docs int `json:"docs"`
	// Mentions is the number of named-entity mentions read; Authors the
	// byline-author mentions left out; Invalid the mentions dropped
	// because their span did not fit the document's text.
	Mentions int `json:"mentions"`
	Authors  int `json:"authors"`
	Invalid  int `json:"invalid"`
	// Refs counts the EntityRefs made, by kind.
	Refs map[string]int `json:"refs"`
	// Decisions is the number of user decisions that changed something.
	Decisions int `json:"decisions"`
}

type spanEntity struct {
	span   crosscheck.Span
	entity int // index into Result.Entities
}

// Option adjusts Resolve.
type Option func(*config)

type config struct {
	capitals map[string]string
	workers  int
}

// WithCapitals tells the resolver which capital stands for which
// country's government ("Kelm" → "Ostravia"), for places the gazetteer
// cannot know, such as those of an invented world or a newsroom's local
// list. Capitals stated in the texts ("the Ostravian capital Kelm") and
// the gazetteer's capitals are known without it.
func WithCapitals(capitalToCountry map[string]string) Option {
	return func(c *config) { c.capitals = capitalToCountry }
}

// WithWorkers sets how many documents are resolved in parallel (default
// GOMAXPROCS). Results do not depend on it.
func WithWorkers(n int) Option {
	return func(c *config) { c.workers = n }
}

// resolver holds one run's state.
type resolver struct {
	w    *world
	docs []Input
}

// Resolve groups the entity mentions of all documents into entities.
// decisions (user corrections, in order) win over the automatic
// resolver. Documents without a layer are skipped; a layer whose DocID
// differs from its document's ID is an error (crosscheck.ErrInvalid).
func Resolve(ctx context.Context, docs []Input, decisions []crosscheck.Decision, opts ...Option) (*Result, error) {
	cfg := config{workers: runtime.GOMAXPROCS(0)}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.workers < 1 {
		cfg.workers = 1
	}
	in := make([]Input, 0, len(docs))
	for _, d := range docs {
		if d.Doc == nil || d.Layer == nil {
			continue
		}
		if d.Layer.DocID != "" && d.Layer.DocID != d.Doc.ID {
			return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "resolve entities: layer of %s given for document %s", d.Layer.DocID, d.Doc.ID)
		}
		in = append(in, d)
	}
	// Results must not depend on the order documents are given in.
	sort.SliceStable(in, func(i, j int) bool { return in[i].Doc.ID < in[j].Doc.ID })

	r := &resolver{w: newWorld(), docs: in}
	r.learn(cfg)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	outs := make([]*docOut, len(in))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(cfg.workers, max(1, len(in))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mm := newMemo()
			for i := range next {
				outs[i] = r.doc(i, mm)
			}
		}()
	}
	var err error
feed:
	for i := range in {
		if i%256 == 0 {
			if err = ctx.Err(); err != nil {
				break feed
			}
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err != nil {
		return nil, err
	}

	groups := r.link(outs)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	applied := 0
	for _, d := range decisions {
		var ok bool
		groups, ok = decide(groups, d)
		if ok {
			applied++
		}
	}
	res := r.result(groups)
	res.Stats.Docs = len(in)
	res.Stats.Decisions = applied
	for _, o := range outs {
		res.Stats.Mentions += o.stats.Mentions
		res.Stats.Authors += o.stats.Authors
		res.Stats.Invalid += o.stats.Invalid
	}
	return res, nil
}

// At returns the ID of the entity whose mention covers span in the
// document (the shortest such mention), else the one whose mention
// overlaps it most, or "" when no mention overlaps it.
func (r *Result) At(docID string, span crosscheck.Span) string {
	refs := r.at[docID]
	// refs are sorted by start; mentions are short, so scan the window
	// of mentions starting before span.End.
	hi := sort.Search(len(refs), func(i int) bool { return refs[i].span.Start >= span.End })
	best, bestLen, bestOverlap := -1, 0, 0
	covered := false
	for i := hi - 1; i >= 0 && i >= hi-64; i-- {
		s := refs[i].span
		if s.End <= span.Start && s.Len() > 0 {
			continue
		}
		ov := min(s.End, span.End) - max(s.Start, span.Start)
		if s.Start <= span.Start && span.End <= s.End {
			if !covered || s.Len() < bestLen {
				best, bestLen, covered = refs[i].entity, s.Len(), true
			}
			continue
		}
		if !covered && ov > bestOverlap {
			best, bestOverlap = refs[i].entity, ov
		}
	}
	if best < 0 {
		return ""
	}
	return r.Entities[best].ID
}

// Entity returns the entity with the given ID, or nil.
func (r *Result) Entity(id string) *crosscheck.Entity {
	for i := range r.Entities {
		if r.Entities[i].ID == id {
			return &r.Entities[i]
		}
	}
	return nil
}

// learn reads the whole corpus once for what the per-document pass needs
// to know in advance: which keys name places, which nationality words
// point to which of them, and which capitals the texts state.
func (r *resolver) learn(cfg config) {
	w := r.w
	var norp, firstWords []string
	// A key is a place when most of its mentions are labelled GPE or
	// LOC: "Kelm" is, "Brotherhood" (GPE twice, PERSON four times) is not.
	placeVotes := map[string]int{}
	mm := newMemo()
	for _, in := range r.docs {
		for _, m := range in.Layer.Entities {
			if !namedLabel[m.Label] || m.Role == roleAuthor || !m.Span.Valid(len(in.Doc.Text)) {
				continue
			}
			t := trimName(m.Text)
			k := mm.key(t)
			switch m.Label {
			case crosscheck.LabelGPE, crosscheck.LabelLoc:
				placeVotes[k]++
			default:
				placeVotes[k]--
			}
			switch m.Label {
			case crosscheck.LabelNORP:
				norp = append(norp, k)
			}
			if strings.ToUpper(t) != t {
				w.names[k] = true
			}
			if m.Label != crosscheck.LabelPerson {
				if f, _, ok := strings.Cut(k, " "); ok {
					firstWords = append(firstWords, f)
				}
			}
		}
	}
	for k, n := range placeVotes {
		if n > 0 {
			w.places[k] = true
		}
	}
	for _, k := range append(norp, firstWords...) {
		if _, ok := w.demonyms[k]; ok || w.demonym[k] != "" || w.places[k] {
			continue
		}
		for _, c := range deriveDemonym(k) {
			if w.places[c] {
				ck := c
				if g := w.country[c]; g != "" {
					ck = g
				}
				w.demonyms[k] = ck
				if w.country[c] == "" {
					w.countryLike[c] = true
				}
				break
			}
		}
	}
	for capital, country := range cfg.capitals {
		ck := plainKey(country)
		if g := w.country[ck]; g != "" {
			ck = g
		} else {
			w.countryLike[ck] = true
			w.display[ck] = strings.TrimSpace(country)
		}
		w.capitals[plainKey(capital)] = ck
	}
	for _, in := range r.docs {
		learnCapitals(w, in, mm)
	}
}

// learnCapitals reads "the Ostravian capital Kelm", "Ostravia's capital,
// Kelm" and "Kelm, the capital of Ostravia" from a document's mentions.
func learnCapitals(w *world, in Input, mm *memo) {
	text := in.Doc.Text
	ms := in.Layer.Entities
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if a.Sentence != b.Sentence || !a.Span.Valid(len(text)) || !b.Span.Valid(len(text)) || a.Span.End > b.Span.Start || b.Span.Start-a.Span.End > 24 {
			continue
		}
		between := strings.ReplaceAll(strings.ToLower(text[a.Span.End:b.Span.Start]), "’", "'")
		after := strings.ReplaceAll(text[b.Span.End:min(len(text), b.Span.End+12)], "’", "'")
		ak, bk := mm.key(trimName(a.Text)), mm.key(trimName(b.Text))
		var capital, country string
		switch {
		case a.Label == crosscheck.LabelNORP && b.Label == crosscheck.LabelGPE && (between == " capital " || between == " capital, "):
			capital, country = bk, w.demonymOf(ak)
		case a.Label == crosscheck.LabelGPE && b.Label == crosscheck.LabelGPE && (between == "'s capital " || between == "'s capital, "):
			capital, country = bk, w.placeCountry(ak)
		case a.Label == crosscheck.LabelGPE && b.Label == crosscheck.LabelGPE && (between == ", the capital of " || between == ", capital of " || between == " is the capital of ") && !strings.HasPrefix(after, "'"):
			capital, country = ak, w.placeCountry(bk)
		case a.Label == crosscheck.LabelGPE && b.Label == crosscheck.LabelGPE && between == ", " && strings.HasPrefix(after, "'s capital"):
			capital, country = ak, w.placeCountry(bk)
		}
		if capital == "" || country == "" || capital == country {
			continue
		}
		if old, ok := w.capitals[capital]; ok && old != country {
			w.capitals[capital] = ""
			continue
		}
		w.capitals[capital] = country
		if w.country[country] == "" {
			w.countryLike[country] = true
		}
	}
}

// placeCountry returns the country key for a place key that names a
// country (known, or a corpus place), or "".
func (w *world) placeCountry(k string) string {
	if ck := w.country[k]; ck != "" {
		return ck
	}
	if w.places[k] {
		return k
	}
	return ""
}

var namedLabel = map[string]bool{
	crosscheck.LabelPerson: true, crosscheck.LabelOrg: true, crosscheck.LabelGPE: true, crosscheck.LabelLoc: true,
	crosscheck.LabelNORP: true, crosscheck.LabelFac: true, crosscheck.LabelEvent: true,
}

// labels in the order used for type votes; ties go to the earlier one.
var labelOrder = []string{crosscheck.LabelPerson, crosscheck.LabelOrg, crosscheck.LabelGPE, crosscheck.LabelLoc, crosscheck.LabelNORP, crosscheck.LabelFac, crosscheck.LabelEvent}

const numLabels = 7

func labelIndex(l string) int {
	for i, x := range labelOrder {
		if x == l {
			return i
		}
	}
	return -1
}

type votes [numLabels]int

func (v *votes) add(o votes) {
	for i := range v {
		v[i] += o[i]
	}
}

// top returns the label with most votes, or "" when there are none.
func (v votes) top() string {
	best := -1
	for i, n := range v {
		if n > 0 && (best < 0 || n > v[best]) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return labelOrder[best]
}

// roleAuthor marks byline authors in the language layer.
const roleAuthor = "author"
