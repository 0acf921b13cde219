package html

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// jsonLD holds the schema.org objects of a page's JSON-LD scripts.
type jsonLD struct {
	objects []map[string]any          // top-level objects and @graph members, in page order
	byID    map[string]map[string]any // for {"@id": …} references
	article map[string]any            // the first article-like object, or nil
}

// maxJSONLD bounds the size of one script we decode; news pages stay far
// below it and a hostile page gains nothing from more.
const maxJSONLD = 1 << 20

func readJSONLD(doc *html.Node) jsonLD {
	ld := jsonLD{byID: map[string]map[string]any{}}
	for _, s := range findAll(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Script && strings.Contains(strings.ToLower(attr(n, "type")), "ld+json")
	}) {
		var sb strings.Builder
		for c := s.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				sb.WriteString(c.Data)
			}
		}
		src := strings.TrimSpace(sb.String())
		src = strings.TrimSuffix(strings.TrimPrefix(src, "<![CDATA["), "]]>")
		if src == "" || len(src) > maxJSONLD {
			continue
		}
		var v any
		// Decode only the first value: some pages append stray text.
		if err := json.NewDecoder(strings.NewReader(src)).Decode(&v); err != nil {
			continue
		}
		ld.add(v, 0)
	}
	for _, o := range ld.objects {
		if isArticleType(o["@type"]) {
			ld.article = o
			break
		}
	}
	return ld
}

// add records top-level objects, arrays of them and @graph members. Nested
// objects (related articles, list items) are not candidates: only their
// @id is indexed so that references resolve.
func (ld *jsonLD) add(v any, depth int) {
	if depth > 3 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			ld.add(e, depth+1)
		}
	case map[string]any:
		ld.objects = append(ld.objects, t)
		if id, ok := t["@id"].(string); ok && id != "" {
			ld.byID[id] = t
		}
		if g, ok := t["@graph"]; ok {
			ld.add(g, depth+1)
		}
	}
}

// isArticleType reports whether a schema.org @type is an article:
// NewsArticle, ReportageNewsArticle, BlogPosting and their kin.
func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		t = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(t, "http://schema.org/"), "https://schema.org/"), "schema:")
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// resolve follows a {"@id": …} reference with no other content.
func (ld *jsonLD) resolve(o map[string]any) map[string]any {
	if id, ok := o["@id"].(string); ok && len(o) == 1 {
		if r, ok := ld.byID[id]; ok {
			return r
		}
	}
	return o
}

// str reads a JSON-LD text value: a string, the first of a list, or an
// object's @value.
func str(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(t))
	case []any:
		for _, e := range t {
			if s := str(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return str(t["@value"])
	}
	return ""
}

// names reads persons or organisations: a string, an object with name (or
// givenName and familyName), or a list of them.
func (ld *jsonLD) names(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{strings.TrimSpace(html.UnescapeString(t))}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, ld.names(e)...)
		}
		return out
	case map[string]any:
		t = ld.resolve(t)
		if n := str(t["name"]); n != "" {
			return []string{n}
		}
		n := strings.TrimSpace(str(t["givenName"]) + " " + str(t["familyName"]))
		if n != "" {
			return []string{n}
		}
	}
	return nil
}

// findAll returns the elements under n that match, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return out
}

// findFirst returns the first element under n that matches, or nil.
func findFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	var walk func(*html.Node, int) bool
	walk = func(n *html.Node, depth int) bool {
		if depth > maxDepth {
			return false
		}
		if n.Type == html.ElementNode && match(n) {
			found = n
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c, depth+1) {
				return true
			}
		}
		return false
	}
	walk(n, 0)
	return found
}
