package html

import (
	"errors"
	"net/url"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// minLooseMatch is the shortest line (in non-space bytes) that may count as
// kept by appearing inside a paragraph rather than as a whole paragraph.
// Shorter lines ("Home", "Politics") occur inside sentences by chance.
const minLooseMatch = 16

// minAnywhereMatch is the shortest line that counts as kept wherever it
// appears in the text; long lines do not repeat by chance.
const minAnywhereMatch = 40

// removed aligns the page's lines with the extracted paragraphs and
// records every line, or run of lines, that did not make it into the text.
// A line is kept when it is a paragraph of the text, or lies inside the
// paragraph the alignment has reached (the extractor sometimes merges
// blocks), or is long and appears anywhere in the text.
func removed(lines []line, pageText string, starts []int, paras []string, metaLines map[string]string) []crosscheck.Removed {
	pkeys := make([]string, len(paras))
	byKey := make(map[string][]int, len(paras))
	for i, p := range paras {
		pkeys[i] = key(p)
		byKey[pkeys[i]] = append(byKey[pkeys[i]], i)
	}
	all := strings.Join(pkeys, "\n")

	type verdict struct{ label, reason string }
	verdicts := make([]verdict, len(lines))
	cursor := 0
	for i, l := range lines {
		k := key(l.text)
		if idxs := byKey[k]; len(idxs) > 0 {
			j := idxs[0]
			for _, x := range idxs {
				if x >= cursor {
					j = x
					break
				}
			}
			cursor = j
			continue
		}
		if len(k) >= minLooseMatch {
			near := false
			for j := cursor; j < len(pkeys) && j <= cursor+1; j++ {
				if strings.Contains(pkeys[j], k) {
					near, cursor = true, j
					break
				}
			}
			if near || (len(k) >= minAnywhereMatch && strings.Contains(all, k)) {
				continue
			}
		}
		if reason, ok := metaLines[k]; ok {
			verdicts[i] = verdict{crosscheck.RemovedMetadata, reason}
			delete(metaLines, k)
			continue
		}
		reason := "html:outside-main-text"
		if l.region != "" {
			reason = "html:" + l.region
		}
		verdicts[i] = verdict{crosscheck.RemovedBoilerplate, reason}
	}

	var out []crosscheck.Removed
	for i := 0; i < len(lines); {
		v := verdicts[i]
		if v.label == "" {
			i++
			continue
		}
		j := i
		for j+1 < len(lines) && verdicts[j+1] == v {
			j++
		}
		span := crosscheck.Span{Start: starts[i], End: starts[j] + len(lines[j].text)}
		out = append(out, crosscheck.Removed{
			Label:  v.label,
			Reason: v.reason,
			Span:   span,
			Text:   pageText[span.Start:span.End],
		})
		i = j + 1
	}
	return out
}

// parseAbsURL parses an absolute http(s) URL.
func parseAbsURL(s string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return nil, err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("not an absolute http(s) URL")
	}
	return u, nil
}
