package html

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blankLine separates paragraphs in text without markup.
var blankLine = regexp.MustCompile(`\n[ \t\r\f]*\n`)

// Paragraphs returns the visible text of an HTML fragment, such as a feed
// item's content, one paragraph per block element (and per <br>), with
// entities decoded and whitespace collapsed. A fragment with no markup at
// all is plain text: it is split at blank lines instead.
func Paragraphs(fragment string) []string {
	var out []string
	if !strings.ContainsRune(fragment, '<') {
		for _, p := range blankLine.Split(fragment, -1) {
			if t := collapse(html.UnescapeString(p)); t != "" {
				out = append(out, t)
			}
		}
		return out
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), body)
	if err != nil { // only a reader error, which strings.Reader does not give
		return nil
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	for _, l := range blockLines(body) {
		out = append(out, l.text)
	}
	return out
}
