package score

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Gold is hand-annotated linking for a corpus: which mentions refer to
// the same entity, which reports describe the same event, and which
// events make a story. Mentions name articles by short IDs ("S1", "R3")
// and places in their text by content, not by byte offsets, so the gold
// survives re-ingestion; Resolve turns them into spans. The format is
// described in demo/gold/README.md.
type Gold struct {
	Articles []GoldArticle `json:"articles"`
	Entities []GoldEntity  `json:"entities"`
	Events   []GoldEvent   `json:"events"`
	Stories  []GoldStory   `json:"stories"`
}

// GoldArticle maps an article ID to the document ingested from File (a
// path relative to the corpus root), the Item inside a container ("item 2",
// "line 1") and, for WARC records, the page URL.
type GoldArticle struct {
	ID   string `json:"id"`
	File string `json:"file"`
	Item string `json:"item,omitempty"`
	URL  string `json:"url,omitempty"`
}

// GoldEntity is one real-world actor with all its annotated mentions.
type GoldEntity struct {
	ID        string                `json:"id"`
	Type      string                `json:"type"`
	Name      string                `json:"name"`
	Relations []crosscheck.Relation `json:"relations,omitempty"`
	Mentions  []GoldMention         `json:"mentions"`
}

// GoldMention is the Occurrence-th (from 1) whole-word occurrence of Text
// in the article's clean text; Kind is a crosscheck.Ref* constant.
type GoldMention struct {
	Article    string `json:"article"`
	Text       string `json:"text"`
	Occurrence int    `json:"occurrence"`
	Kind       string `json:"kind"`
}

// GoldEvent is one real-world event and the reports of it. Begin and End
// bound when it happened (empty when it did not, or cannot be dated).
type GoldEvent struct {
	ID       string             `json:"id"`
	Type     string             `json:"type"`
	Title    string             `json:"title"`
	Begin    string             `json:"begin,omitempty"`
	End      string             `json:"end,omitempty"`
	Note     string             `json:"note,omitempty"`
	Mentions []GoldEventMention `json:"mentions"`
}

// GoldEventMention is a report of an event: Snippet occurs exactly once in
// the article's text and covers the clause that reports it; Trigger is the
// word naming the event, its first whole-word occurrence in Snippet.
type GoldEventMention struct {
	Article string `json:"article"`
	Snippet string `json:"snippet"`
	Trigger string `json:"trigger"`
	// Recap marks a look back at an earlier event; Negated a report that
	// it did not (or will not) happen.
	Recap   bool `json:"recap,omitempty"`
	Negated bool `json:"negated,omitempty"`
}

// GoldStory groups events.
type GoldStory struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Events []string `json:"events"`
}

// Gold file names inside the folder given to LoadGold.
const (
	ArticlesFile = "articles.json"
	EntitiesFile = "entities.json"
	EventsFile   = "events.json"
	StoriesFile  = "stories.json"
)

// LoadGold reads the gold files from the root of fsys. Unknown fields are
// errors, so a typo in a hand-written file does not pass silently.
func LoadGold(fsys fs.FS) (*Gold, error) {
	var g Gold
	for _, f := range []struct {
		name string
		into any
	}{
		{ArticlesFile, &struct {
			Articles *[]GoldArticle `json:"articles"`
		}{&g.Articles}},
		{EntitiesFile, &struct {
			Entities *[]GoldEntity `json:"entities"`
		}{&g.Entities}},
		{EventsFile, &struct {
			Events *[]GoldEvent `json:"events"`
		}{&g.Events}},
		{StoriesFile, &struct {
			Stories *[]GoldStory `json:"stories"`
		}{&g.Stories}},
	} {
		b, err := fs.ReadFile(fsys, f.name)
		if err != nil {
			return nil, fmt.Errorf("load gold: %w", err)
		}
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(f.into); err != nil {
			return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "load gold %s: %w", f.name, err)
		}
	}
	return &g, nil
}

// Located is a mention placed in a document.
type Located struct {
	Doc  string          `json:"doc"`
	Span crosscheck.Span `json:"span"`
}

// LocatedEvent is a gold event mention placed in a document: Span covers
// the snippet, Trigger the trigger word.
type LocatedEvent struct {
	Located
	Trigger crosscheck.Span `json:"trigger"`
}

// Resolved is the gold placed in a corpus.
type Resolved struct {
	// Docs maps article IDs to document IDs.
	Docs map[string]string
	// Entities and Events hold, per gold entity or event (in the gold's
	// order), the places of its mentions (in the gold's order).
	Entities [][]Located
	Events   [][]LocatedEvent
}

// Resolve places every gold mention in docs. It reports all problems at
// once (an article with no or several documents, a mention text that
// does not occur often enough, a snippet that is not unique) as one
// ErrInvalid error.
func (g *Gold) Resolve(docs []crosscheck.Document) (*Resolved, error) {
	var errs []error
	r := &Resolved{Docs: map[string]string{}}
	text := map[string]string{} // article ID → clean text
	for _, a := range g.Articles {
		var found []*crosscheck.Document
		for i := range docs {
			if a.matches(&docs[i]) {
				found = append(found, &docs[i])
			}
		}
		switch {
		case len(found) == 0:
			errs = append(errs, fmt.Errorf("article %s (%s): no document", a.ID, a.where()))
		case len(found) > 1:
			errs = append(errs, fmt.Errorf("article %s (%s): %d documents", a.ID, a.where(), len(found)))
		default:
			r.Docs[a.ID] = found[0].ID
			text[a.ID] = found[0].Text
		}
	}
	for _, e := range g.Entities {
		locs := make([]Located, len(e.Mentions))
		for i, m := range e.Mentions {
			t, ok := text[m.Article]
			if !ok {
				errs = append(errs, fmt.Errorf("entity %s: unknown article %q", e.ID, m.Article))
				continue
			}
			offs := wordOccurrences(t, m.Text)
			if m.Occurrence < 1 || m.Occurrence > len(offs) {
				errs = append(errs, fmt.Errorf("entity %s: %s has %d whole-word occurrences of %q, not %d", e.ID, m.Article, len(offs), m.Text, m.Occurrence))
				continue
			}
			start := offs[m.Occurrence-1]
			locs[i] = Located{Doc: r.Docs[m.Article], Span: crosscheck.Span{Start: start, End: start + len(m.Text)}}
		}
		r.Entities = append(r.Entities, locs)
	}
	for _, e := range g.Events {
		locs := make([]LocatedEvent, len(e.Mentions))
		for i, m := range e.Mentions {
			t, ok := text[m.Article]
			if !ok {
				errs = append(errs, fmt.Errorf("event %s: unknown article %q", e.ID, m.Article))
				continue
			}
			if n := strings.Count(t, m.Snippet); n != 1 || m.Snippet == "" {
				errs = append(errs, fmt.Errorf("event %s: snippet %q occurs %d times in %s", e.ID, m.Snippet, n, m.Article))
				continue
			}
			offs := wordOccurrences(m.Snippet, m.Trigger)
			if len(offs) == 0 {
				errs = append(errs, fmt.Errorf("event %s: trigger %q not a word of snippet %q", e.ID, m.Trigger, m.Snippet))
				continue
			}
			start := strings.Index(t, m.Snippet)
			locs[i] = LocatedEvent{
				Located: Located{Doc: r.Docs[m.Article], Span: crosscheck.Span{Start: start, End: start + len(m.Snippet)}},
				Trigger: crosscheck.Span{Start: start + offs[0], End: start + offs[0] + len(m.Trigger)},
			}
		}
		r.Events = append(r.Events, locs)
	}
	if len(errs) > 0 {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "resolve gold: %w", errors.Join(errs...))
	}
	return r, nil
}

// matches reports whether doc was ingested from the article's file and item.
func (a GoldArticle) matches(doc *crosscheck.Document) bool {
	loc := doc.Source.Locator
	if loc != a.File && !strings.HasSuffix(loc, "/"+a.File) {
		return false
	}
	if a.Item != "" && doc.Source.Item != a.Item {
		return false
	}
	return a.URL == "" || doc.Meta.URL == a.URL
}

func (a GoldArticle) where() string {
	s := a.File
	if a.Item != "" {
		s += "#" + a.Item
	}
	if a.URL != "" {
		s += " " + a.URL
	}
	return s
}

// wordOccurrences returns the byte offsets of the non-overlapping
// occurrences of s in text that start and end at word boundaries: the
// characters before and after are not letters or digits.
func wordOccurrences(text, s string) []int {
	if s == "" {
		return nil
	}
	var out []int
	for i := 0; i <= len(text)-len(s); {
		j := strings.Index(text[i:], s)
		if j < 0 {
			break
		}
		start, end := i+j, i+j+len(s)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || !isWord(before)) && (end == len(text) || !isWord(after)) {
			out = append(out, start)
			i = end
		} else {
			_, size := utf8.DecodeRuneInString(text[start:])
			i = start + size
		}
	}
	return out
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
