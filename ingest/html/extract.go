// Package html takes the article text and trustworthy metadata out of an
// HTML page. go-trafilatura finds the main text; the metadata comes from
// the page's explicit sources (JSON-LD, <meta>, <time> in the story) first,
// each value tagged with the rule that found it, and from the extractor
// only as a fallback. Page text the extractor left out is recorded as
// Removed, with spans into the page's visible text.
package html

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
)

// ErrNoText means the page has no article text. It wraps
// crosscheck.ErrInvalid.
var ErrNoText = crosscheck.Errorf(crosscheck.ErrInvalid, "no article text")

// Result is what we take from an HTML page.
type Result struct {
	// Text is the main article text from the extractor, paragraphs
	// separated by "\n\n", without the headline (which is in Meta.Title).
	Text string
	// Meta holds Title, Authors, Outlet (site name), URL (canonical),
	// Language and Published, each with its rule in Meta.Rules and, where
	// it differs from the value, the value as written in Meta.Raw.
	Meta crosscheck.Metadata
	// Removed lists the page text the extractor left out, with spans into
	// PageText: boilerplate labelled by the region it came from
	// ("html:nav", "html:aside", "html:outside-main-text"), and the
	// headline, byline and date lines labelled as metadata.
	Removed []crosscheck.Removed
	// PageText is all visible text of the page (script, style, noscript,
	// template and hidden elements dropped), one line per block element.
	PageText string
}

// Extract takes the main text and metadata out of a page. pageURL, the
// address the page was fetched from, may be empty; it resolves a relative
// canonical link and is the URL of last resort.
func Extract(ctx context.Context, page []byte, pageURL string) (*Result, error) {
	return extract(ctx, page, pageURL, time.Now())
}

// extract is Extract with the clock that bounds plausible dates.
func extract(ctx context.Context, raw []byte, pageURL string, now time.Time) (*Result, error) {
	op := "extract html"
	if pageURL != "" {
		op = fmt.Sprintf("extract html %s", pageURL)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	doc, err := html.Parse(bytes.NewReader(decode(raw)))
	if err != nil {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "%s: %v", op, err)
	}
	res := &Result{}
	lines := blockLines(doc)
	var starts []int
	res.PageText, starts = joinLines(lines)
	if len(lines) == 0 {
		return nil, fmt.Errorf("%s: %w: the page has no visible text", op, ErrNoText)
	}

	p := newPage(doc, pageURL, now)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	tr, err := runTrafilatura(doc, pageURL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: the extractor found none (%v)", op, ErrNoText, err)
	}
	p.fill(&res.Meta, trafMeta{title: tr.Metadata.Title, author: tr.Metadata.Author})
	p.markMetaLines()

	paras := paragraphs(tr.ContentNode)
	titles := []string{res.Meta.Title, tr.Metadata.Title, p.meta("og:title")}
	if h := p.h1(); h != nil {
		titles = append(titles, nodeText(h))
	}
	if p.ld.article != nil {
		titles = append(titles, str(p.ld.article["headline"]))
	}
	paras = dropTitle(paras, titles)
	if !hasWords(paras) {
		return nil, fmt.Errorf("%s: %w: the extractor found only the headline or no words", op, ErrNoText)
	}
	res.Text = strings.Join(paras, "\n\n")

	if res.Meta.Language == "" {
		if l := detectLanguage(res.Text); l != "" {
			res.Meta.Language = l
			res.Meta.SetRule("language", "text:whatlanggo")
		}
	}
	res.Removed = removed(lines, res.PageText, starts, paras, p.metaLines)
	return res, nil
}

// hasWords reports whether any paragraph has a letter or a digit.
func hasWords(paras []string) bool {
	for _, p := range paras {
		if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			return true
		}
	}
	return false
}

// decode returns the page as NFC-normalised UTF-8. Valid UTF-8 is taken
// as is (a stale charset declaration is more common than a page that is
// valid UTF-8 by accident); otherwise the BOM or <meta charset> decides,
// defaulting to windows-1252 as browsers do.
func decode(raw []byte) []byte {
	if !utf8.Valid(raw) {
		enc, _, _ := charset.DetermineEncoding(raw, "text/html")
		if b, err := enc.NewDecoder().Bytes(raw); err == nil {
			raw = b
		} else {
			raw = bytes.ToValidUTF8(raw, []byte("\uFFFD"))
		}
	}
	return norm.NFC.Bytes(raw)
}

// runTrafilatura extracts the main content. Comments are excluded and
// repeated segments deduplicated. Its date search is disabled: it would
// look in the whole page, sidebars and "most read" lists included, and
// report a date without saying where it came from; published() does the
// date instead. A panic inside the extractor on hostile input becomes an
// error, since one bad page must not stop a batch.
func runTrafilatura(doc *html.Node, pageURL string) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("extractor panic: %v", r)
		}
	}()
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Deduplicate:     true,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if u, perr := parseAbsURL(pageURL); perr == nil {
		opts.OriginalURL = u
	}
	res, err = trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return nil, err
	}
	if res == nil || res.ContentNode == nil {
		return nil, errors.New("no content")
	}
	return res, nil
}

// paragraphs is the extractor's content, one paragraph per block.
func paragraphs(content *html.Node) []string {
	lines := blockLines(content)
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, l.text)
	}
	return out
}

// dropTitle removes a leading paragraph that repeats the headline.
func dropTitle(paras, titles []string) []string {
	if len(paras) == 0 {
		return paras
	}
	first := titleKey(paras[0])
	for _, t := range titles {
		if t != "" && titleKey(t) == first {
			return paras[1:]
		}
	}
	return paras
}

func titleKey(s string) string {
	return strings.ToLower(strings.TrimRight(key(s), ".:"))
}

// joinLines builds PageText and the offset of each line in it.
func joinLines(lines []line) (string, []int) {
	var sb strings.Builder
	starts := make([]int, len(lines))
	for i, l := range lines {
		if i > 0 {
			sb.WriteByte('\n')
		}
		starts[i] = sb.Len()
		sb.WriteString(l.text)
	}
	return sb.String(), starts
}
