package ledger

import (
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
)

// Exclusive is a detail only one article of the story mentions: a named
// person or organisation, or a sum of money.
type Exclusive struct {
	Kind         string          `json:"kind"` // "entity" or "money"
	Value        string          `json:"value"`
	Entity       string          `json:"entity,omitempty"`
	EntityType   string          `json:"entity_type,omitempty"`
	DocID        string          `json:"doc_id"`
	Outlet       string          `json:"outlet,omitempty"`
	Text         string          `json:"text"`
	Span         crosscheck.Span `json:"span"`
	Sentence     int             `json:"sentence"`
	SentenceText string          `json:"sentence_text,omitempty"`
}

// QuoteUse counts the quotes of one speaker in one article.
type QuoteUse struct {
	Speaker string `json:"speaker"`
	Entity  string `json:"entity,omitempty"`
	DocID   string `json:"doc_id"`
	Outlet  string `json:"outlet,omitempty"`
	Count   int    `json:"count"`
	// Verbs are the speech verbs the article uses for the speaker.
	Verbs []string `json:"verbs,omitempty"`
	// First is the first quote's span and sentence.
	Span     crosscheck.Span `json:"span"`
	Sentence int             `json:"sentence"`
}

// Stances of an article towards the claims it reports (see stance).
const (
	StanceHedged     = "hedged"          // uses alleged, reportedly and the like in its own voice
	StanceAttributes = "attributes"      // mostly reports what sources say
	StanceAsserts    = "asserts as fact" // states the claims in its own voice
)

// Verb classes of speech verbs.
const (
	VerbNeutral = "neutral" // said, told, stated
	VerbDoubt   = "doubt"   // claimed, alleged, insisted
	VerbAccept  = "accept"  // admitted, confirmed, revealed
	VerbDeny    = "deny"    // denied, rejected
)

var verbClasses = map[string]string{
	"say": VerbNeutral, "said": VerbNeutral, "says": VerbNeutral, "tell": VerbNeutral, "told": VerbNeutral, "state": VerbNeutral, "stated": VerbNeutral,
	"add": VerbNeutral, "added": VerbNeutral, "announce": VerbNeutral, "announced": VerbNeutral, "according to": VerbNeutral, "write": VerbNeutral, "wrote": VerbNeutral,
	"note": VerbNeutral, "noted": VerbNeutral, "report": VerbNeutral, "reported": VerbNeutral, "explain": VerbNeutral, "explained": VerbNeutral,
	"claim": VerbDoubt, "claimed": VerbDoubt, "claims": VerbDoubt, "claiming": VerbDoubt, "allege": VerbDoubt, "alleged": VerbDoubt, "insist": VerbDoubt, "insisted": VerbDoubt,
	"maintain": VerbDoubt, "maintained": VerbDoubt, "purport": VerbDoubt, "contend": VerbDoubt, "contended": VerbDoubt,
	"admit": VerbAccept, "admitted": VerbAccept, "confirm": VerbAccept, "confirmed": VerbAccept, "reveal": VerbAccept, "revealed": VerbAccept,
	"acknowledge": VerbAccept, "acknowledged": VerbAccept, "concede": VerbAccept, "conceded": VerbAccept, "confess": VerbAccept, "confessed": VerbAccept,
	"deny": VerbDeny, "denied": VerbDeny, "denies": VerbDeny, "reject": VerbDeny, "rejected": VerbDeny, "dismiss": VerbDeny, "dismissed": VerbDeny, "refute": VerbDeny, "refuted": VerbDeny,
}

// Headline is what the headline does beyond informing.
type Headline struct {
	Text string `json:"text"`
	// Caps are words in capitals that are not acronyms ("BUSTED").
	Caps        []string `json:"caps,omitempty"`
	Exclamation bool     `json:"exclamation,omitempty"`
	Question    bool     `json:"question,omitempty"`
	// ScareQuotes are single words or short phrases in quotation marks
	// (“spies”).
	ScareQuotes []string `json:"scare_quotes,omitempty"`
	Loaded      []string `json:"loaded,omitempty"`
}

// ArticleFraming is how one article frames what it reports.
type ArticleFraming struct {
	DocID     string `json:"doc_id"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	Stance    string `json:"stance"`
	// OwnVoice is the share of clauses the outlet states in its own
	// voice (neither quoted nor attributed nor hedged).
	OwnVoice float64 `json:"own_voice"`
	Clauses  int     `json:"clauses"`
	// Hedges counts the clause records per modality other than
	// asserted; HedgeCues lists the cue words used in the outlet's voice.
	Hedges    map[string]int `json:"hedges"`
	HedgeCues []string       `json:"hedge_cues,omitempty"`
	// Verbs counts speech verbs by class (neutral, doubt, accept, deny)
	// and VerbWords by word.
	Verbs     map[string]int `json:"verbs"`
	VerbWords map[string]int `json:"verb_words"`
	Quotes    int            `json:"quotes"`
	Loaded    []Match        `json:"loaded"`
	Headline  Headline       `json:"headline"`
}

// OutletFraming sums the framing of an outlet's articles.
type OutletFraming struct {
	Outlet   string         `json:"outlet"`
	Articles int            `json:"articles"`
	Stances  map[string]int `json:"stances"`
	OwnVoice float64        `json:"own_voice"`
	Hedges   map[string]int `json:"hedges"`
	Verbs    map[string]int `json:"verbs"`
	// Loaded counts each loaded term, and Categories the terms per
	// category.
	Loaded     map[string]int `json:"loaded"`
	Categories map[string]int `json:"categories"`
}

// mentionIndex finds the entity a span of a document refers to.
type mentionIndex map[string][]entitySpan

type entitySpan struct {
	span crosscheck.Span
	id   string
}

func newMentionIndex(g *crosscheck.Graph) mentionIndex {
	x := mentionIndex{}
	for _, e := range g.Entities {
		for _, r := range e.Mentions {
			x[r.DocID] = append(x[r.DocID], entitySpan{r.Span, e.ID})
		}
	}
	return x
}

func (x mentionIndex) at(doc string, sp crosscheck.Span) string {
	for _, m := range x[doc] {
		if m.span.Start < sp.End && sp.Start < m.span.End {
			return m.id
		}
	}
	return ""
}

// exclusives lists the people, organisations and sums of money that only
// one of the documents mentions (when there are at least two).
func exclusives(in Input, docs []string, names map[string]*crosscheck.Entity) []Exclusive {
	out := []Exclusive{}
	if len(docs) < 2 {
		return out
	}
	inStory := map[string]bool{}
	for _, d := range docs {
		inStory[d] = true
	}
	for _, e := range in.Graph.Entities {
		switch e.Type {
		case crosscheck.LabelPerson, crosscheck.LabelOrg, crosscheck.LabelFac, crosscheck.LabelEvent:
		default:
			continue
		}
		var first *crosscheck.EntityRef
		seen := map[string]bool{}
		for i, r := range e.Mentions {
			if !inStory[r.DocID] || r.Kind == crosscheck.RefPronoun {
				continue
			}
			if first == nil {
				first = &e.Mentions[i]
			}
			seen[r.DocID] = true
		}
		if len(seen) != 1 || first == nil {
			continue
		}
		doc := in.Docs[first.DocID]
		if doc == nil || isAuthor(doc, e.Name) {
			continue
		}
		out = append(out, Exclusive{Kind: "entity", Value: e.Name, Entity: e.ID, EntityType: e.Type, DocID: first.DocID, Outlet: doc.Meta.Outlet,
			Text: first.Text, Span: first.Span, Sentence: first.Sentence, SentenceText: sentenceText(in.Layers[first.DocID], doc, first.Sentence)})
	}
	// Sums of money: a value no other document states (or overlaps).
	type money struct {
		q   crosscheck.Quantity
		doc string
	}
	var sums []money
	for _, d := range docs {
		if layer := in.Layers[d]; layer != nil {
			for _, q := range layer.Quantities {
				if q.Kind == crosscheck.QuantityMoney {
					sums = append(sums, money{q, d})
				}
			}
		}
	}
	reported := map[string]bool{}
	for i, a := range sums {
		la, ha := bounds(a.q)
		alone := true
		for j, b := range sums {
			if i == j || a.doc == b.doc || a.q.Unit != b.q.Unit {
				continue
			}
			lb, hb := bounds(b.q)
			if la <= hb && lb <= ha {
				alone = false
				break
			}
		}
		key := a.doc + "\x00" + QuantityString(a.q)
		if !alone || reported[key] {
			continue
		}
		reported[key] = true
		doc := in.Docs[a.doc]
		value := QuantityString(a.q)
		if a.q.Head != "" {
			value += " (" + a.q.Head + ")"
		}
		out = append(out, Exclusive{Kind: "money", Value: value, DocID: a.doc, Outlet: doc.Meta.Outlet, Text: a.q.Text, Span: a.q.Span,
			Sentence: a.q.Sentence, SentenceText: sentenceText(in.Layers[a.doc], doc, a.q.Sentence)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].DocID != out[j].DocID {
			return out[i].DocID < out[j].DocID
		}
		return out[i].Span.Start < out[j].Span.Start
	})
	return out
}

func isAuthor(doc *crosscheck.Document, name string) bool {
	for _, a := range doc.Meta.Authors {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// quoted lists who each document quotes.
func quoted(in Input, docs []string, names map[string]*crosscheck.Entity) []QuoteUse {
	idx := newMentionIndex(in.Graph)
	out := []QuoteUse{}
	for _, d := range docs {
		layer, doc := in.Layers[d], in.Docs[d]
		if layer == nil || doc == nil {
			continue
		}
		by := map[string]*QuoteUse{}
		var order []string
		for _, q := range layer.Quotes {
			if q.Speaker == "" {
				continue
			}
			speaker, id := q.Speaker, ""
			if q.SpeakerEntity >= 0 && q.SpeakerEntity < len(layer.Entities) {
				id = idx.at(d, layer.Entities[q.SpeakerEntity].Span)
			}
			if id == "" {
				id = idx.at(d, q.SpeakerSpan)
			}
			if e := names[id]; e != nil {
				speaker = e.Name
			}
			key := strings.ToLower(speaker)
			u := by[key]
			if u == nil {
				u = &QuoteUse{Speaker: speaker, Entity: id, DocID: d, Outlet: doc.Meta.Outlet, Span: q.Span, Sentence: q.Sentence}
				by[key] = u
				order = append(order, key)
			}
			u.Count++
			if v := strings.ToLower(q.Verb); v != "" && !contains(u.Verbs, v) {
				u.Verbs = append(u.Verbs, v)
			}
		}
		for _, k := range order {
			out = append(out, *by[k])
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// framing measures each article and sums per outlet.
func framing(in Input, docs []string, l *Ledger) ([]ArticleFraming, []OutletFraming) {
	articles := []ArticleFraming{}
	for _, d := range docs {
		doc, layer := in.Docs[d], in.Layers[d]
		if doc == nil || layer == nil {
			continue
		}
		articles = append(articles, articleFraming(in.Lexicon, doc, layer))
	}
	byOutlet := map[string]*OutletFraming{}
	var order []string
	for _, a := range articles {
		name := a.Outlet
		if name == "" {
			name = "(outlet unknown)"
		}
		o := byOutlet[name]
		if o == nil {
			o = &OutletFraming{Outlet: name, Stances: map[string]int{}, Hedges: map[string]int{}, Verbs: map[string]int{}, Loaded: map[string]int{}, Categories: map[string]int{}}
			byOutlet[name] = o
			order = append(order, name)
		}
		o.Articles++
		o.Stances[a.Stance]++
		o.OwnVoice += a.OwnVoice
		for k, v := range a.Hedges {
			o.Hedges[k] += v
		}
		for k, v := range a.Verbs {
			o.Verbs[k] += v
		}
		for _, m := range a.Loaded {
			o.Loaded[m.Term]++
			o.Categories[m.Category]++
		}
	}
	sort.Strings(order)
	outlets := []OutletFraming{}
	for _, name := range order {
		o := byOutlet[name]
		o.OwnVoice /= float64(o.Articles)
		outlets = append(outlets, *o)
	}
	return articles, outlets
}

func articleFraming(lex *Lexicon, doc *crosscheck.Document, layer *crosscheck.Annotations) ArticleFraming {
	a := ArticleFraming{DocID: doc.ID, Outlet: doc.Meta.Outlet, Title: doc.Meta.Title, Hedges: map[string]int{}, Verbs: map[string]int{}, VerbWords: map[string]int{}, Loaded: []Match{}}
	if doc.Meta.Published.Known() {
		a.Published = doc.Meta.Published.Time.Format("2006-01-02")
	}
	// Quoted spans are the sources' voice, not the outlet's.
	var quotes []crosscheck.Span
	for _, q := range layer.Quotes {
		a.Quotes++
		if q.Kind == crosscheck.QuoteDirect || q.Kind == crosscheck.QuoteColon {
			quotes = append(quotes, q.Span)
		}
		if v := strings.ToLower(q.Verb); v != "" {
			a.VerbWords[v]++
			if c := verbClasses[v]; c != "" {
				a.Verbs[c]++
			} else {
				a.Verbs[VerbNeutral]++
			}
		}
	}
	inQuote := func(sp crosscheck.Span) bool {
		for _, q := range quotes {
			if q.Start <= sp.Start && sp.End <= q.End {
				return true
			}
		}
		return false
	}
	// Clause records: one per clause and kind; a clause is the outlet's
	// own voice when all its records are "asserted" and it lies outside
	// quotes.
	type clause struct{ own, hedged bool }
	clauses := map[crosscheck.Span]*clause{}
	var order []crosscheck.Span
	cues := map[string]bool{}
	for _, m := range layer.Modalities {
		c := clauses[m.Span]
		if c == nil {
			c = &clause{own: true}
			clauses[m.Span] = c
			order = append(order, m.Span)
		}
		if m.Kind != crosscheck.ModAsserted {
			a.Hedges[m.Kind]++
			c.own = false
		}
		if inQuote(m.Span) {
			c.own = false
			continue
		}
		if m.Kind == crosscheck.ModAlleged || m.Kind == crosscheck.ModReportedly {
			c.hedged = true
			if m.Cue != "" {
				cues[strings.ToLower(m.Cue)] = true
			}
		}
	}
	own, hedged := 0, 0
	for _, sp := range order {
		if clauses[sp].own {
			own++
		}
		if clauses[sp].hedged {
			hedged++
		}
	}
	a.Clauses = len(order)
	if a.Clauses > 0 {
		a.OwnVoice = float64(own) / float64(a.Clauses)
	}
	a.HedgeCues = sortedKeys(cues)
	a.Stance = stance(hedged, a.Clauses, a.OwnVoice)
	for _, m := range lex.Find(doc.Text) {
		if !inQuote(m.Span) {
			a.Loaded = append(a.Loaded, m)
		}
	}
	a.Headline = headline(lex, doc)
	return a
}

// stance sums up how an article puts what it reports. An article hedges
// when it uses alleged, reportedly and the like in its own voice more
// than in passing (at least 3 clauses, or 2 that make 5 % of its
// clauses, or 1 that makes 20 % of a short text); it asserts as fact when at least 60 % of its clauses are its
// own plain voice; otherwise it mostly attributes.
func stance(hedged, clauses int, own float64) string {
	switch {
	case hedged >= 3 || (hedged >= 2 && float64(hedged) >= 0.05*float64(clauses)) || (hedged >= 1 && float64(hedged) >= 0.2*float64(clauses)):
		return StanceHedged
	case own >= 0.6:
		return StanceAsserts
	}
	return StanceAttributes
}

// headline measures the headline's emphasis.
func headline(lex *Lexicon, doc *crosscheck.Document) Headline {
	sp := doc.Headline
	if !sp.Valid(len(doc.Text)) || sp.End == 0 {
		return Headline{Text: doc.Meta.Title}
	}
	text := doc.Text[sp.Start:sp.End]
	h := Headline{Text: text, Exclamation: strings.Contains(text, "!"), Question: strings.HasSuffix(strings.TrimSpace(text), "?")}
	for _, w := range wordSpans(text) {
		word := text[w.Start:w.End]
		if len([]rune(word)) >= 4 && strings.ToUpper(word) == word && strings.IndexFunc(word, unicode.IsLower) < 0 && strings.IndexFunc(word, unicode.IsLetter) >= 0 {
			h.Caps = append(h.Caps, word)
		}
	}
	h.ScareQuotes = scareQuotes(text)
	for _, m := range lex.Find(text) {
		h.Loaded = append(h.Loaded, m.Text)
	}
	return h
}

// scareQuotes finds one to three words set in quotation marks: the
// opening mark follows a space or the start, the closing one is followed
// by no letter (so the apostrophe of "Kelm's" opens nothing).
func scareQuotes(text string) []string {
	var out []string
	pairs := map[rune]rune{'“': '”', '‘': '’', '"': '"', '\'': '\''}
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		closing, ok := pairs[rs[i]]
		if !ok || (i > 0 && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1]))) || i+1 >= len(rs) || !unicode.IsLetter(rs[i+1]) {
			continue
		}
		for j := i + 1; j < len(rs); j++ {
			if rs[j] != closing {
				continue
			}
			if j+1 < len(rs) && unicode.IsLetter(rs[j+1]) {
				continue // an apostrophe inside a word
			}
			inner := string(rs[i+1 : j])
			if n := len(strings.Fields(inner)); n >= 1 && n <= 3 && !unicode.IsSpace(rs[j-1]) {
				out = append(out, inner)
			}
			i = j
			break
		}
	}
	return out
}
