package html

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// line is the visible text of one block element.
type line struct {
	text string
	// region names the innermost page region the line sits in ("nav",
	// "aside", "footer", "related", …), or "" inside ordinary content.
	region string
}

// skipped elements have no visible text.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Audio: true,
	atom.Video: true, atom.Picture: true, atom.Select: true, atom.Datalist: true,
	atom.Title: true, atom.Textarea: true,
}

// blocks start a new line. Table cells are blocks so that a table reads
// one cell a line rather than as a run-on sentence.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Br: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true,
	atom.Hr: true, atom.Html: true, atom.Legend: true, atom.Li: true, atom.Main: true,
	atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true,
	atom.Ul: true, atom.Option: true, atom.Button: true, atom.Label: true,
}

// regionTags map elements that mark a page region to its name.
var regionTags = map[atom.Atom]string{
	atom.Nav: "nav", atom.Header: "header", atom.Footer: "footer", atom.Aside: "aside",
	atom.Form: "form", atom.Menu: "menu", atom.Dialog: "dialog", atom.Figure: "figure",
}

// regionRoles map ARIA landmark roles to region names.
var regionRoles = map[string]string{
	"navigation": "nav", "banner": "header", "contentinfo": "footer",
	"complementary": "aside", "search": "form", "dialog": "dialog",
	"alertdialog": "dialog", "menu": "menu", "menubar": "menu",
}

// regionHints are class or id fragments that name a region. They are
// checked in order, so the more specific come first.
var regionHints = []struct{ fragment, region string }{
	{"sidebar", "aside"}, {"widget", "aside"},
	{"masthead", "header"}, {"navbar", "nav"}, {"menu", "menu"}, {"footer", "footer"},
	{"most-read", "related"}, {"mostread", "related"}, {"most_read", "related"},
	{"most-popular", "related"}, {"popular", "related"}, {"trending", "related"},
	{"related", "related"}, {"recommend", "related"}, {"more-stories", "related"},
	{"comment", "comments"},
	{"breadcrumb", "nav"},
	{"newsletter", "subscribe"}, {"subscribe", "subscribe"},
	{"cookie", "cookie"}, {"consent", "cookie"},
	{"advert", "ad"}, {"sponsor", "ad"},
	{"share", "share"}, {"social", "share"},
}

// region returns the region n marks, or "".
func region(n *html.Node) string {
	r, _ := regionOf(n)
	return r
}

// regionOf returns the region n marks and whether its tag or landmark role
// says so (strong) rather than a class or id hint.
func regionOf(n *html.Node) (string, bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	if r := regionRoles[strings.ToLower(strings.TrimSpace(attr(n, "role")))]; r != "" {
		return r, true
	}
	if r, ok := regionTags[n.DataAtom]; ok {
		return r, true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		// Their classes describe the page ("has-sidebar", "comments-open"),
		// not a region of it.
		return "", false
	}
	for _, name := range []string{"class", "id"} {
		v := attr(n, name)
		if v == "" {
			continue
		}
		for _, tok := range strings.Fields(strings.ToLower(v)) {
			if strings.HasPrefix(tok, "has-") || strings.HasPrefix(tok, "no-") || strings.HasPrefix(tok, "with-") {
				continue
			}
			for _, h := range regionHints {
				if strings.Contains(tok, h.fragment) {
					return h.region, false
				}
			}
			if tok == "ad" || tok == "ads" || strings.HasPrefix(tok, "ad-") || strings.HasPrefix(tok, "ads-") {
				return "ad", false
			}
		}
	}
	return "", false
}

// hidden reports whether the element is not rendered.
func hidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if _, ok := attrOK(n, "hidden"); ok {
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// lineWriter collects the visible text of a tree, one line per block.
type lineWriter struct {
	lines  []line
	buf    strings.Builder
	region string
	// maxDepth guards against pathological nesting from hostile input.
	depth int
}

const maxDepth = 512

func (w *lineWriter) flush() {
	if w.buf.Len() == 0 {
		return
	}
	t := collapse(w.buf.String())
	w.buf.Reset()
	if t != "" {
		w.lines = append(w.lines, line{text: t, region: w.region})
	}
}

// walk writes the text under n. inRegion is the innermost region around
// it; a region named by a class hint does not override one named by a tag
// or role (a <ul class="menu"> inside <nav> is still navigation).
func (w *lineWriter) walk(n *html.Node, inRegion string, strong bool) {
	switch n.Type {
	case html.TextNode:
		if w.buf.Len() == 0 {
			w.region = inRegion
		}
		w.buf.WriteString(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || hidden(n) {
			return
		}
		if r, st := regionOf(n); r != "" && (st || !strong) {
			inRegion, strong = r, st
		}
	}
	if w.depth >= maxDepth {
		return
	}
	w.depth++
	defer func() { w.depth-- }()
	block := n.Type == html.ElementNode && (blocks[n.DataAtom] || n.Data == "lb")
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, inRegion, strong)
	}
	if block {
		w.flush()
	}
}

// blockLines returns the visible text of the tree under root, one line per
// block element, whitespace collapsed.
func blockLines(root *html.Node) []line {
	w := &lineWriter{}
	w.walk(root, "", false)
	w.flush()
	return w.lines
}

// collapse joins the whitespace-separated words of s with single spaces
// and replaces invalid UTF-8.
func collapse(s string) string {
	if strings.IndexFunc(s, isControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isControl(r) {
				return ' '
			}
			return r
		}, s)
	}
	s = strings.Join(strings.Fields(s), " ")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

// isControl reports C0 and C1 control characters other than whitespace:
// they are not visible text.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') || (r >= 0x7f && r < 0xa0)
}

// nodeText is the collapsed visible text under n on one line.
func nodeText(n *html.Node) string {
	lines := blockLines(n)
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = l.text
	}
	return strings.Join(parts, " ")
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// key is the comparison form of a line: all whitespace removed, so that
// spacing differences between the extractor's output and the page do not
// matter.
func key(s string) string {
	return strings.Join(strings.Fields(s), "")
}
