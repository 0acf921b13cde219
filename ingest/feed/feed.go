// Package feed reads RSS (0.9x, 1.0, 2.0) and Atom 1.0 feeds into article
// candidates, one per entry, with metadata tagged by the rule that found
// it. Dates are re-read from the feed's own strings so that their UTC
// offset survives.
package feed

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	htmltext "github.com/crosscheck/crosscheck/ingest/html"
	"github.com/crosscheck/crosscheck/ingest/machinedate"
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	jsonfeed "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// Item is one feed entry turned into an article candidate.
type Item struct {
	// Index is the 1-based position of the entry in the feed.
	Index int
	// Link is the entry's address (absolute when the feed allows it).
	Link string
	// HTML is the entry's content (content:encoded, Atom content), else its
	// description or summary; it may be empty.
	HTML string
	// Meta holds Title, Authors, Outlet (the feed's title), URL (the
	// link), Language (the feed's) and Published, with a rule for each;
	// Raw["published"] keeps the date string as written, offset included.
	Meta crosscheck.Metadata
}

// Parse reads a feed and returns its title and entries. A malformed feed
// is an error wrapping crosscheck.ErrInvalid with the parser's reason.
// JSON Feed, which gofeed also reads, is accepted as well.
func Parse(ctx context.Context, data []byte) (title string, items []Item, err error) {
	if err := ctx.Err(); err != nil {
		return "", nil, fmt.Errorf("parse feed: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", nil, crosscheck.Errorf(crosscheck.ErrInvalid, "parse feed: empty input")
	}
	f, err := parse(data)
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return "", nil, crosscheck.Errorf(crosscheck.ErrInvalid, "parse feed: not an RSS, Atom or JSON feed")
		}
		return "", nil, crosscheck.Errorf(crosscheck.ErrInvalid, "parse feed: %v", err)
	}
	title = plain(f.Title)
	base, _ := url.Parse(strings.TrimSpace(f.Link))
	lang := langCode(f.Language)
	orig := f.OriginalFeed()
	for i, gi := range f.Items {
		if err := ctx.Err(); err != nil {
			return "", nil, fmt.Errorf("parse feed: %w", err)
		}
		if gi == nil {
			continue
		}
		it := Item{Index: i + 1, HTML: gi.Content}
		if strings.TrimSpace(it.HTML) == "" {
			it.HTML = gi.Description
		}
		m := &it.Meta
		set := func(field, rule, raw string) {
			if rule != "" {
				m.SetRule(field, rule)
			}
			if raw != "" {
				if m.Raw == nil {
					m.Raw = map[string]string{}
				}
				m.Raw[field] = raw
			}
		}
		if t := plain(gi.Title); t != "" {
			m.Title = t
			set("title", "feed:title", "")
		}
		if names, rule := authors(orig, i, gi); len(names) > 0 {
			m.Authors = names
			set("authors", rule, "")
		}
		if title != "" {
			m.Outlet = title
			set("outlet", "feed:feed-title", "")
		}
		if link, raw := itemLink(gi, base); link != "" {
			it.Link, m.URL = link, link
			set("url", "feed:link", raw)
		}
		if lang != "" {
			m.Language = lang
			set("language", "feed:language", f.Language)
		}
		if raw, rule, parsed := published(orig, i, gi); raw != "" {
			if d, ok := machinedate.Parse(raw); ok {
				m.Published = d
				set("published", rule, raw)
			} else if parsed != nil && !parsed.IsZero() {
				// A format our parser does not know but gofeed's does.
				// gofeed hands back UTC, so the offset is unknown.
				m.Published = fallbackDate(*parsed)
				set("published", rule+":gofeed", raw)
			} else {
				// Unreadable: the date stays unknown, the string is kept.
				set("published", "", raw)
			}
		}
		items = append(items, it)
	}
	return title, items, nil
}

// parse runs gofeed, turning a panic on hostile input into an error: one
// bad feed must not stop a batch.
func parse(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed parser panic: %v", r)
		}
	}()
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	f, err = p.Parse(bytes.NewReader(data))
	if err == nil && f == nil {
		err = errors.New("no feed")
	}
	return f, err
}

// fallbackDate keeps gofeed's reading of a date our parser could not read,
// at minute precision when a time of day is set, else day precision.
func fallbackDate(t time.Time) crosscheck.Date {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return crosscheck.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: crosscheck.PrecisionDay}
	}
	return crosscheck.Date{Time: t.Truncate(time.Minute), Precision: crosscheck.PrecisionMinute}
}

// published returns the entry's publication date string as written, the
// rule naming the element it came from, and gofeed's parse of it.
func published(orig any, i int, gi *gofeed.Item) (raw, rule string, parsed *time.Time) {
	switch of := orig.(type) {
	case *rss.Feed:
		if i < len(of.Items) && of.Items[i] != nil {
			ri := of.Items[i]
			if s := strings.TrimSpace(ri.PubDate); s != "" {
				return s, "feed:pubDate", gi.PublishedParsed
			}
			if dc := ri.DublinCoreExt; dc != nil && len(dc.Date) > 0 && strings.TrimSpace(dc.Date[0]) != "" {
				return strings.TrimSpace(dc.Date[0]), "feed:dc:date", gi.PublishedParsed
			}
		}
	case *atom.Feed:
		if i < len(of.Entries) && of.Entries[i] != nil {
			e := of.Entries[i]
			if s := strings.TrimSpace(e.Published); s != "" {
				return s, "feed:published", e.PublishedParsed
			}
			if s := strings.TrimSpace(e.Updated); s != "" {
				return s, "feed:updated", e.UpdatedParsed
			}
			return "", "", nil
		}
	case *jsonfeed.Feed:
		if i < len(of.Items) && of.Items[i] != nil {
			ji := of.Items[i]
			if s := strings.TrimSpace(ji.DatePublished); s != "" {
				return s, "feed:date_published", gi.PublishedParsed
			}
			if s := strings.TrimSpace(ji.DateModified); s != "" {
				return s, "feed:date_modified", gi.UpdatedParsed
			}
			return "", "", nil
		}
	}
	if s := strings.TrimSpace(gi.Published); s != "" {
		return s, "feed:published", gi.PublishedParsed
	}
	if s := strings.TrimSpace(gi.Updated); s != "" {
		return s, "feed:updated", gi.UpdatedParsed
	}
	return "", "", nil
}

// authors returns the entry's author names. RSS 1.0 and many RSS 2.0 feeds
// list several dc:creator elements, of which gofeed keeps only the first.
func authors(orig any, i int, gi *gofeed.Item) ([]string, string) {
	if of, ok := orig.(*rss.Feed); ok && i < len(of.Items) && of.Items[i] != nil {
		ri := of.Items[i]
		if ri.Author == "" && ri.DublinCoreExt != nil && len(ri.DublinCoreExt.Creator) > 0 {
			if names := uniqueNames(ri.DublinCoreExt.Creator); len(names) > 0 {
				return names, "feed:dc:creator"
			}
		}
	}
	var in []string
	for _, p := range gi.Authors {
		if p == nil {
			continue
		}
		if p.Name != "" {
			in = append(in, p.Name)
		}
	}
	return uniqueNames(in), "feed:author"
}

func uniqueNames(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		s = plain(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] || strings.Contains(s, "://") {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// itemLink returns the entry's link resolved against the feed's, and the
// link as written. Without a link, an RSS guid that is a URL stands in.
func itemLink(gi *gofeed.Item, base *url.URL) (link, raw string) {
	raw = strings.TrimSpace(gi.Link)
	if raw == "" && len(gi.Links) > 0 {
		raw = strings.TrimSpace(gi.Links[0])
	}
	if raw == "" && (strings.HasPrefix(gi.GUID, "http://") || strings.HasPrefix(gi.GUID, "https://")) {
		raw = strings.TrimSpace(gi.GUID)
	}
	if raw == "" {
		return "", ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", ""
	}
	if !u.IsAbs() && base != nil && base.IsAbs() {
		u = base.ResolveReference(u)
	}
	return u.String(), raw
}

// plain turns a title or name that may carry markup or entities into one
// line of text.
func plain(s string) string {
	return strings.Join(htmltext.Paragraphs(s), " ")
}

// langCode reduces a language tag ("en-us", "de_AT") to its lower-case
// primary subtag, or "" when it is not one.
func langCode(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_,; "); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for i := 0; i < len(tag); i++ {
		if c := tag[i] | 0x20; c < 'a' || c > 'z' {
			return ""
		}
	}
	return strings.ToLower(tag)
}

// Namespaces of the feed roots.
const (
	nsAtom = "http://www.w3.org/2005/Atom"
	nsRDF  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// Sniff reports whether head, the first bytes of a file, is XML whose
// root element is rss, feed (Atom) or rdf:RDF (RSS 1.0). It reads only up
// to the root's start tag, so a truncated head is fine.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	// The root's name is ASCII in any encoding a feed declares.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for range 64 {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			local := strings.ToLower(t.Name.Local)
			space := t.Name.Space
			switch {
			case local == "rss":
				return true
			case local == "feed":
				return hasXMLNS(t, nsAtom)
			case local == "rdf":
				return space == "rdf" || hasXMLNS(t, nsRDF)
			}
			return false
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return false
			}
		}
	}
	return false
}

// hasXMLNS reports whether the start tag declares namespace ns.
func hasXMLNS(t xml.StartElement, ns string) bool {
	for _, a := range t.Attr {
		if (a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns") && strings.TrimSpace(a.Value) == ns {
			return true
		}
	}
	return false
}
