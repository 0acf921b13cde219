package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"

	"github.com/abadojack/whatlanggo"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest/clean"
	"github.com/crosscheck/crosscheck/ingest/dedup"
	"github.com/crosscheck/crosscheck/ingest/feed"
	"github.com/crosscheck/crosscheck/ingest/html"
	"github.com/crosscheck/crosscheck/ingest/jsonl"
	"github.com/crosscheck/crosscheck/ingest/outlet"
)

// Extractor versions recorded in each document.
const (
	extractorText = Version + "+clean/1"
	extractorHTML = Version + "+trafilatura/1.12.2+clean/1"
	extractorFeed = Version + "+feed/1+clean/1"
)

// MinWords is the fewest words of body text (headline aside) that make
// an article; less is a page without content (navigation only, an error
// page, an empty template).
const MinWords = 8

// work builds documents from items until jobs closes.
func (in *Ingester) work(ctx context.Context, jobs <-chan job) {
	for j := range jobs {
		r := result{name: j.it.name, warnings: j.it.warnings}
		if err := ctx.Err(); err != nil {
			r.err = err
		} else {
			r.doc, r.raw, r.err = in.build(ctx, j.it)
			if r.doc != nil {
				r.fp = dedup.Fingerprint(r.doc.Text)
				r.warnings = append(r.warnings, r.doc.Warnings...)
			}
		}
		j.out <- r
	}
}

// build extracts one document. Metadata sources are merged in order of
// trust: what the user supplied with the item (JSON lines), the page's own
// markup, the feed entry, and last what the text cleaner read off the text.
func (in *Ingester) build(ctx context.Context, it item) (*crosscheck.Document, []byte, error) {
	doc := &crosscheck.Document{Source: it.src, Warnings: it.warnings}
	raw := it.raw
	var (
		src     string
		metas   []crosscheck.Metadata
		removed []crosscheck.Removed
		opt     clean.Options
	)
	if it.src.Format == string(FormatJSONL) {
		metas = append(metas, it.meta)
	}
	switch {
	case it.follow:
		page, final, err := in.fetchPage(ctx, it.pageURL)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", it.pageURL, err)
		}
		raw = append(feedItemRaw(feed.Item{Link: it.pageURL, Meta: it.meta}), page...)
		res, err := html.Extract(ctx, page, final)
		if err != nil {
			return nil, nil, err
		}
		doc.Extractor = extractorHTML
		src, removed = res.Text, onPage(res.Removed)
		metas = append(metas, res.Meta, it.meta)
	case it.format == FormatFeed:
		text, rem, err := feed.ItemText(ctx, feed.Item{HTML: it.feedHTML, Link: it.pageURL, Meta: it.meta})
		if err != nil {
			return nil, nil, err
		}
		doc.Extractor = extractorFeed
		src, removed = text, rem
		metas = append(metas, it.meta)
	case it.format == FormatHTML:
		page := raw
		if it.src.Format == string(FormatJSONL) {
			page = []byte(it.body)
		}
		res, err := html.Extract(ctx, page, it.pageURL)
		if err != nil {
			return nil, nil, err
		}
		doc.Extractor = extractorHTML
		src, removed = res.Text, onPage(res.Removed)
		metas = append(metas, res.Meta)
	default:
		var warnings []string
		if it.src.Format == string(FormatJSONL) {
			src = strings.ReplaceAll(it.body, "\r\n", "\n")
		} else {
			src, warnings = decodeText(raw)
		}
		doc.Warnings = append(doc.Warnings, warnings...)
		if it.format == FormatMarkdown {
			src = markdownToText(src)
		}
		doc.Extractor = extractorText
	}
	for _, m := range metas {
		if opt.Title == "" {
			opt.Title = m.Title
		}
		if !opt.Published.Known() {
			opt.Published = m.Published
		}
	}
	// What the extractor already removed is blanked out with spaces, not
	// cut, so the cleaner's spans stay valid for the same source text.
	c := clean.Clean(blank(src, removed), opt)
	metas = append(metas, c.Meta)
	doc.Meta = merge(metas...)
	doc.SourceText = src
	doc.Removed = append(removed, c.Removed...)
	doc.Text, doc.Headline, doc.Blocks = withHeadline(c.Text, c.Headline, c.Blocks, doc.Meta.Title)
	if n := len(strings.Fields(doc.Text[doc.Headline.End:])); n < MinWords {
		return nil, nil, crosscheck.Errorf(crosscheck.ErrInvalid, "no article text (%d words left after removing page chrome; at least %d needed)", n, MinWords)
	}
	in.finishMeta(doc, it.pageURL)
	sum := sha256.Sum256(raw)
	doc.RawHash = hex.EncodeToString(sum[:])
	doc.ID = doc.RawHash[:16]
	doc.RawSize = len(raw)
	doc.IngestedAt = in.opt.Now().UTC()
	doc.Words = len(strings.Fields(doc.Text))
	return doc, raw, nil
}

// withHeadline makes the headline the first paragraph of the text when the
// cleaner did not find it in the text (HTML and feeds carry it apart).
func withHeadline(text string, head crosscheck.Span, blocks []crosscheck.Block, title string) (string, crosscheck.Span, []crosscheck.Block) {
	title = strings.Join(strings.Fields(title), " ")
	if head.End > 0 || title == "" {
		return text, head, blocks
	}
	prefix := title + "\n\n"
	for i := range blocks {
		blocks[i].Span.Start += len(prefix)
		blocks[i].Span.End += len(prefix)
	}
	return prefix + text, crosscheck.Span{Start: 0, End: len(title)}, blocks
}

// merge fills each metadata field from the first source that has it,
// with that source's rule and raw value.
func merge(ms ...crosscheck.Metadata) crosscheck.Metadata {
	var out crosscheck.Metadata
	take := func(field string, m crosscheck.Metadata) {
		if r, ok := m.Rules[field]; ok {
			out.SetRule(field, r)
		}
		if v, ok := m.Raw[field]; ok {
			if out.Raw == nil {
				out.Raw = map[string]string{}
			}
			out.Raw[field] = v
		}
	}
	for _, m := range ms {
		if out.Title == "" && m.Title != "" {
			out.Title = strings.Join(strings.Fields(m.Title), " ")
			take("title", m)
		}
		if len(out.Authors) == 0 && len(m.Authors) > 0 {
			out.Authors = m.Authors
			take("authors", m)
		}
		if out.Outlet == "" && m.Outlet != "" {
			out.Outlet = m.Outlet
			take("outlet", m)
		}
		if out.URL == "" && m.URL != "" {
			out.URL = m.URL
			take("url", m)
		}
		if out.Language == "" && m.Language != "" {
			out.Language = m.Language
			take("language", m)
		}
		if !out.Published.Known() && m.Published.Known() {
			out.Published = m.Published
			take("published", m)
		}
	}
	return out
}

// finishMeta completes what the sources left open: the URL of a fetched
// page, the outlet's canonical name (or the outlet a known host belongs
// to) and the language of the text.
func (in *Ingester) finishMeta(doc *crosscheck.Document, pageURL string) {
	m := &doc.Meta
	if m.URL == "" && pageURL != "" {
		m.URL = pageURL
		m.SetRule("url", "source:"+doc.Source.Kind)
	}
	if m.Outlet != "" {
		if name, ok := outlet.Lookup(m.Outlet); ok && name != m.Outlet {
			if m.Raw == nil {
				m.Raw = map[string]string{}
			}
			if _, ok := m.Raw["outlet"]; !ok {
				m.Raw["outlet"] = m.Outlet
			}
			m.Outlet = name
		}
	} else if m.URL != "" {
		if u, err := url.Parse(m.URL); err == nil {
			if name, ok := outlet.FromHost(u.Hostname()); ok {
				m.Outlet = name
				m.SetRule("outlet", "url:known-host")
			}
		}
	}
	if m.Language == "" {
		if lang := language(doc.Text); lang != "" {
			m.Language = lang
			m.SetRule("language", "text:whatlanggo")
		}
	}
}

// language identifies the language of a text from samples of about 500
// bytes: whatlanggo's confidence is only meaningful on short inputs (on a
// whole article it reports nonsense and calls itself unreliable), and it
// is the slowest step of text ingestion. A reliable first sample decides;
// otherwise up to three samples vote and two thirds must agree.
func language(text string) string {
	const sample, samples = 500, 3
	votes := map[string]int{}
	reliable := 0
	for i := 0; i < samples && len(text) > 40; i++ {
		n := min(sample, len(text))
		if j := strings.LastIndexAny(text[:n], " \n"); j > sample/2 {
			n = j
		}
		info := whatlanggo.Detect(text[:n])
		text = text[n:]
		if !info.IsReliable() {
			continue
		}
		if i == 0 {
			return info.Lang.Iso6391()
		}
		votes[info.Lang.Iso6391()]++
		reliable++
	}
	for lang, n := range votes {
		if lang != "" && 3*n >= 2*reliable {
			return lang
		}
	}
	return ""
}

// jsonlMeta is what a JSON line states about its article, with warnings
// for values it could not read.
func jsonlMeta(a *jsonl.Article) (crosscheck.Metadata, []string) {
	var warnings []string
	var m crosscheck.Metadata
	set := func(field, value string) {
		m.SetRule(field, "jsonl:"+field)
		if m.Raw == nil {
			m.Raw = map[string]string{}
		}
		m.Raw[field] = value
	}
	if a.Title != "" {
		m.Title = a.Title
		set("title", a.Title)
	}
	if len(a.Authors) > 0 {
		m.Authors = a.Authors
		set("authors", strings.Join(a.Authors, "; "))
	}
	if a.Outlet != "" {
		m.Outlet = a.Outlet
		set("outlet", a.Outlet)
	}
	if a.URL != "" {
		m.URL = a.URL
		set("url", a.URL)
	}
	if a.Published != "" {
		if d, ok := clean.ParseDate(a.Published); ok {
			m.Published = d
			set("published", a.Published)
		} else {
			warnings = append(warnings, fmt.Sprintf("published %q is not a date crosscheck reads; date left unknown", a.Published))
		}
	}
	return m, warnings
}

// onPage marks removed pieces as spans into the page's visible text.
func onPage(rs []crosscheck.Removed) []crosscheck.Removed {
	for i := range rs {
		rs[i].Layer = crosscheck.LayerPage
	}
	return rs
}

// blank replaces the bytes of the removed spans that point into src with
// spaces (newlines stay), keeping every offset.
func blank(src string, removed []crosscheck.Removed) string {
	var b []byte
	for _, r := range removed {
		if r.Layer != "" || !r.Span.Valid(len(src)) {
			continue
		}
		if b == nil {
			b = []byte(src)
		}
		for i := r.Span.Start; i < r.Span.End; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	if b == nil {
		return src
	}
	return string(b)
}
