package feed

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck"
	htmltext "github.com/crosscheck/crosscheck/ingest/html"
)

// chrome are lines feed software adds to an entry's content that are not
// part of the article, matched against a whole paragraph.
var chrome = []struct {
	re     *regexp.Regexp
	reason string
}{
	{regexp.MustCompile(`(?i)^the post .{1,300} appeared first on .{1,200}$`), "feed:appeared-first-on"},
	{regexp.MustCompile(`(?i)^continue reading\b.{0,200}$`), "feed:read-more"},
	{regexp.MustCompile(`(?i)^(read more|read the full (story|article)|read full (story|article)|full (story|article))\b.{0,40}$`), "feed:read-more"},
}

// ItemText turns an item's HTML fragment into plain text, one paragraph
// per block element, paragraphs separated by "\n\n", entities decoded. A
// fragment without markup is split at blank lines. text is empty when the
// item has no HTML.
//
// text is the item's source text: every paragraph of the fragment. The
// paragraphs that are feed chrome rather than article ("The post … appeared
// first on …", "Continue reading …") stay in it and are listed in removed,
// labelled crosscheck.RemovedChrome, with spans into text; the clean text is
// text without them. This mirrors html.Result, whose Removed spans point
// into PageText rather than into Text.
func ItemText(ctx context.Context, it Item) (text string, removed []crosscheck.Removed, err error) {
	if err := ctx.Err(); err != nil {
		return "", nil, fmt.Errorf("feed item %d text: %w", it.Index, err)
	}
	var sb strings.Builder
	for _, p := range htmltext.Paragraphs(it.HTML) {
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		start := sb.Len()
		sb.WriteString(p)
		for _, c := range chrome {
			if c.re.MatchString(p) {
				removed = append(removed, crosscheck.Removed{
					Label:  crosscheck.RemovedChrome,
					Reason: c.reason,
					Span:   crosscheck.Span{Start: start, End: sb.Len()},
					Text:   p,
				})
				break
			}
		}
	}
	return sb.String(), removed, nil
}
