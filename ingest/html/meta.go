package html

import (
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest/machinedate"
	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page is a parsed page with the parts the metadata rules look at.
type page struct {
	doc     *html.Node
	pageURL string
	metas   []metaTag
	ld      jsonLD
	// article is the element holding the story (<article>, an element
	// with an Article itemtype, <main>), or nil when none can be told.
	article *html.Node
	now     time.Time
	// metaLines are texts of page lines that the rules moved into Meta
	// (the headline, the byline, the date line), keyed by key(); the
	// value is the Removed reason.
	metaLines map[string]string
}

// metaTag is one <meta> element usable as metadata.
type metaTag struct {
	key     string // lower-cased name, property or itemprop; "http-equiv:" and its value
	content string // content, or datetime for itemprop dates
}

// excludedRegions are regions whose dates and names belong to something
// other than the story: navigation, sidebars, teasers, page chrome.
var excludedRegions = map[string]bool{
	"nav": true, "header": true, "footer": true, "aside": true, "form": true,
	"menu": true, "dialog": true, "related": true, "comments": true,
	"subscribe": true, "cookie": true, "ad": true, "share": true,
}

func newPage(doc *html.Node, pageURL string, now time.Time) *page {
	p := &page{doc: doc, pageURL: pageURL, now: now, metaLines: map[string]string{}}
	p.ld = readJSONLD(doc)
	p.article = findArticle(doc)
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.Meta }) {
		if !inHead(n) && !p.inStory(n) {
			continue
		}
		content := strings.TrimSpace(attr(n, "content"))
		if content == "" {
			content = strings.TrimSpace(attr(n, "datetime"))
		}
		if content == "" {
			continue
		}
		if v := strings.ToLower(strings.TrimSpace(attr(n, "http-equiv"))); v != "" {
			// Kept apart: http-equiv "date" is when the page was served.
			p.metas = append(p.metas, metaTag{key: "http-equiv:" + v, content: content})
		}
		for _, k := range []string{"property", "name", "itemprop"} {
			if v := strings.ToLower(strings.TrimSpace(attr(n, k))); v != "" {
				// property and name may list several keys.
				for _, f := range strings.Fields(v) {
					p.metas = append(p.metas, metaTag{key: f, content: content})
				}
			}
		}
	}
	return p
}

// meta returns the first content of a meta key.
func (p *page) meta(key string) string {
	for _, m := range p.metas {
		if m.key == key {
			return m.content
		}
	}
	return ""
}

func inHead(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.Head {
			return true
		}
	}
	return false
}

// inStory reports whether body element n belongs to the story rather than
// to a sidebar, a teaser list or page chrome: it lies in the article
// container (whose own header is fine) with no excluded region between, or
// (when no container was found) under no excluded region at all.
func (p *page) inStory(n *html.Node) bool {
	if p.article == nil {
		for a := n; a != nil; a = a.Parent {
			if excludedRegions[region(a)] {
				return false
			}
		}
		return true
	}
	for a := n; a != nil; a = a.Parent {
		if a == p.article {
			return true
		}
		if r := region(a); excludedRegions[r] && r != "header" {
			return false
		}
		if r := region(a); r == "header" && !within(a, p.article) {
			return false
		}
	}
	// Outside the container: accept only microdata whose item scope
	// encloses the container (the page-level Article item).
	for a := n.Parent; a != nil; a = a.Parent {
		if _, ok := attrOK(a, "itemscope"); ok {
			return within(p.article, a)
		}
	}
	return false
}

// within reports whether n is a or lies under a.
func within(n, a *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// findArticle picks the story's container: the first <article> outside
// excluded regions, else an element whose itemtype is an Article, else
// <main> or role=main.
func findArticle(doc *html.Node) *html.Node {
	outside := func(n *html.Node) bool {
		for a := n.Parent; a != nil; a = a.Parent {
			if excludedRegions[region(a)] {
				return false
			}
		}
		return true
	}
	if n := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Article && outside(n) }); n != nil {
		return n
	}
	if n := findFirst(doc, func(n *html.Node) bool {
		t := attr(n, "itemtype")
		return (strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "BlogPosting")) && outside(n)
	}); n != nil {
		return n
	}
	return findFirst(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main")
	})
}

// fill sets Meta fields from the page's explicit sources in order of
// trust, then from the extractor's values.
func (p *page) fill(m *crosscheck.Metadata, tm trafMeta) {
	set := func(field, rule, raw string) {
		m.SetRule(field, rule)
		if raw != "" {
			if m.Raw == nil {
				m.Raw = map[string]string{}
			}
			m.Raw[field] = raw
		}
	}
	if u, rule, raw := p.url(); u != "" {
		m.URL = u
		set("url", rule, raw)
	}
	if o, rule, raw := p.outlet(m.URL); o != "" {
		m.Outlet = o
		set("outlet", rule, raw)
	}
	if t, rule, raw := p.title(m.Outlet, m.URL, tm.title); t != "" {
		m.Title = t
		set("title", rule, raw)
	}
	if a, rule, raw := p.authors(tm.author); len(a) > 0 {
		m.Authors = a
		set("authors", rule, raw)
	}
	if d, rule, raw := p.published(m.URL); d.Known() {
		m.Published = d
		set("published", rule, raw)
	}
	if l, rule, raw := p.language(); l != "" {
		m.Language = l
		set("language", rule, raw)
	}
}

// trafMeta is what we take from the extractor's own metadata.
type trafMeta struct{ title, author string }

func (p *page) url() (u, rule, raw string) {
	base, _ := url.Parse(p.pageURL)
	abs := func(s string) string {
		s = strings.TrimSpace(s)
		if s == "" {
			return ""
		}
		r, err := url.Parse(s)
		if err != nil {
			return ""
		}
		if base != nil && base.IsAbs() {
			r = base.ResolveReference(r)
		}
		if (r.Scheme != "http" && r.Scheme != "https") || r.Host == "" {
			return ""
		}
		return r.String()
	}
	for _, l := range findAll(p.doc, func(n *html.Node) bool { return n.DataAtom == atom.Link }) {
		if hasToken(attr(l, "rel"), "canonical") && inHead(l) {
			if a := abs(attr(l, "href")); a != "" {
				return a, "html:link[canonical]", attr(l, "href")
			}
		}
	}
	if raw := p.meta("og:url"); raw != "" {
		if a := abs(raw); a != "" {
			return a, "html:meta[og:url]", raw
		}
	}
	if a := abs(p.pageURL); a != "" {
		return a, "input:url", ""
	}
	return "", "", ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}

func (p *page) outlet(pageURL string) (o, rule, raw string) {
	if raw := p.meta("og:site_name"); raw != "" {
		return clean(raw), "html:meta[og:site_name]", raw
	}
	if p.ld.article != nil {
		if ns := p.ld.names(p.ld.article["publisher"]); len(ns) > 0 && ns[0] != "" {
			return clean(ns[0]), "html:jsonld.publisher", ""
		}
	}
	if h := hostname(pageURL); h != "" {
		return h, "html:hostname", ""
	}
	return "", "", ""
}

func hostname(u string) string {
	r, err := url.Parse(u)
	if err != nil || r.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(r.Hostname()), "www.")
}

// clean collapses whitespace and decodes entities left in attribute
// values written twice-escaped.
func clean(s string) string {
	return collapse(html.UnescapeString(s))
}

func (p *page) title(outlet, pageURL, fallback string) (t, rule, raw string) {
	sites := []string{outlet, hostname(pageURL), p.meta("og:site_name"), p.meta("application-name")}
	try := func(raw, rule string) (string, string, string, bool) {
		t := stripSite(clean(raw), sites)
		if t == "" || isSite(t, sites) { // some pages put the site name in og:title
			return "", "", "", false
		}
		return t, rule, raw, true
	}
	if v := p.meta("og:title"); v != "" {
		if t, r, raw, ok := try(v, "html:meta[og:title]"); ok {
			p.addMetaLine(t, "html:title")
			return t, r, raw
		}
	}
	if p.ld.article != nil {
		if v := str(p.ld.article["headline"]); v != "" {
			if t, r, raw, ok := try(v, "html:jsonld.headline"); ok {
				p.addMetaLine(t, "html:title")
				return t, r, raw
			}
		}
	}
	if h1 := p.h1(); h1 != nil {
		if t := nodeText(h1); t != "" {
			p.addMetaLine(t, "html:title")
			return t, "html:h1", t
		}
	}
	if tt := findFirst(p.doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }); tt != nil {
		var sb strings.Builder
		for c := tt.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				sb.WriteString(c.Data)
			}
		}
		if t, r, raw, ok := try(sb.String(), "html:title"); ok {
			p.addMetaLine(t, "html:title")
			return t, r, raw
		}
	}
	if fallback != "" {
		if t, r, raw, ok := try(fallback, "trafilatura:title"); ok {
			p.addMetaLine(t, "html:title")
			return t, r, raw
		}
	}
	return "", "", ""
}

// h1 is the story's first-level heading: the first <h1> in the container,
// else the page's only <h1> outside excluded regions.
func (p *page) h1() *html.Node {
	if p.article != nil {
		if h := findFirst(p.article, func(n *html.Node) bool { return n.DataAtom == atom.H1 && p.inStory(n) }); h != nil {
			return h
		}
	}
	hs := findAll(p.doc, func(n *html.Node) bool { return n.DataAtom == atom.H1 && p.inStory(n) })
	if len(hs) == 1 {
		return hs[0]
	}
	return nil
}

func (p *page) addMetaLine(text, reason string) {
	if k := key(text); k != "" {
		if _, ok := p.metaLines[k]; !ok {
			p.metaLines[k] = reason
		}
	}
}

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / "}

// stripSite removes a site name written before or after a title
// ("Headline | The Marenburg Herald", "Marenburg Herald - Headline"). A
// part after " | " that is not a known site name still goes when it is
// short: pipes separate site and section names, not parts of headlines.
// A dash is stripped only next to a known name, since headlines use dashes.
func stripSite(t string, sites []string) string {
	known := func(s string) bool { return isSite(s, sites) }
	for range 3 {
		before := t
		for _, sep := range titleSeparators {
			if i := strings.Index(t, sep); i > 0 && known(t[:i]) && t[i+len(sep):] != "" {
				t = strings.TrimSpace(t[i+len(sep):])
				break
			}
			if i := strings.LastIndex(t, sep); i > 0 {
				head, tail := t[:i], t[i+len(sep):]
				if known(tail) || (sep == " | " && !known(head) && len(strings.Fields(tail)) <= 4 && len(head) > len(tail)) {
					t = strings.TrimSpace(head)
					break
				}
			}
		}
		if t == before {
			break
		}
	}
	return t
}

// isSite reports whether s names one of the sites.
func isSite(s string, sites []string) bool {
	k := siteKey(s)
	if k == "" {
		return false
	}
	for _, site := range sites {
		if sk := siteKey(site); sk != "" && (k == sk || "the"+k == sk || k == "the"+sk) {
			return true
		}
	}
	return false
}

// siteKey folds a site name or host for comparison: "The Marenburg
// Herald", "marenburgherald.example" and "www.marenburgherald.example"
// all give "marenburgherald".
func siteKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "www.")
	if i := strings.IndexByte(s, '.'); i > 0 && !strings.Contains(s, " ") {
		s = s[:i]
	}
	s = strings.TrimPrefix(s, "the ")
	var sb strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func (p *page) authors(fallback string) (names []string, rule, raw string) {
	if p.ld.article != nil {
		if ns := p.ld.names(p.ld.article["author"]); len(ns) > 0 {
			if out := splitNames(ns); len(out) > 0 {
				return out, "html:jsonld.author", strings.Join(ns, "; ")
			}
		}
	}
	if v := p.meta("author"); v != "" {
		if out := splitNames([]string{v}); len(out) > 0 {
			return out, "html:meta[author]", v
		}
	}
	var arts []string
	for _, m := range p.metas {
		if m.key == "article:author" {
			arts = append(arts, m.content)
		}
	}
	if out := splitNames(arts); len(out) > 0 {
		return out, "html:meta[article:author]", strings.Join(arts, "; ")
	}
	scope := p.article
	if scope == nil {
		scope = p.doc
	}
	var rels []string
	for _, a := range findAll(scope, func(n *html.Node) bool {
		return hasToken(attr(n, "rel"), "author") && n.DataAtom != atom.Link && p.inStory(n)
	}) {
		rels = append(rels, nodeText(a))
	}
	if out := splitNames(rels); len(out) > 0 {
		for _, r := range rels {
			p.addMetaLine(r, "html:byline")
		}
		return out, "html:a[rel=author]", strings.Join(rels, "; ")
	}
	if b := p.byline(scope); b != "" {
		if out := splitNames([]string{b}); len(out) > 0 {
			return out, "html:byline", b
		}
	}
	if fallback != "" {
		if out := splitNames(strings.Split(fallback, ";")); len(out) > 0 {
			return out, "trafilatura:author", fallback
		}
	}
	return nil, "", ""
}

// markMetaLines records the story's headline, byline and date lines, which the
// extractor leaves out, as metadata rather than boilerplate, whichever
// rule supplied the authors and the date.
func (p *page) markMetaLines() {
	if h := p.h1(); h != nil {
		p.addMetaLine(nodeText(h), "html:title")
	}
	if p.article == nil {
		return
	}
	if b := p.byline(p.article); b != "" {
		p.addMetaLine(b, "html:byline")
	}
	if t := p.storyTime(); t != nil {
		p.addMetaLine(nodeText(t), "html:time")
		for a := t; a != nil && a != p.article; a = a.Parent {
			if blocks[a.DataAtom] {
				if s := nodeText(a); len(s) < 100 {
					p.addMetaLine(s, "html:time")
				}
				break
			}
		}
	}
}

// byline finds a "By …" line at the top of the story: an element whose
// class or itemprop names the author, else one of the first lines of the
// container that starts with "By " and reads as a list of names.
func (p *page) byline(scope *html.Node) string {
	if scope == p.doc {
		return ""
	}
	for _, n := range findAll(scope, func(n *html.Node) bool {
		c := strings.ToLower(attr(n, "class"))
		return (strings.Contains(c, "byline") || hasToken(attr(n, "itemprop"), "author")) && p.inStory(n)
	}) {
		if t := nodeText(n); t != "" && len(t) < 200 {
			return t
		}
	}
	lines := blockLines(scope)
	for _, l := range lines[:min(len(lines), bylineLines)] {
		if len(l.text) < 120 && hasByPrefix(l.text) && namesOnly(l.text) {
			return l.text
		}
	}
	return ""
}

// bylineLines is how far into the story a bare "By …" line is looked for.
const bylineLines = 8

// namesOnly reports whether a "By …" line lists only names: every part
// splitNames keeps has capitalised words (particles such as "van" aside).
func namesOnly(s string) bool {
	names := splitNames([]string{s})
	if len(names) == 0 {
		return false
	}
	for _, n := range names {
		for _, w := range strings.Fields(n) {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) && !particles[strings.ToLower(w)] {
				return false
			}
		}
	}
	return true
}

// particles are lower-case words inside personal names.
var particles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "da": true,
	"di": true, "del": true, "la": true, "le": true, "du": true, "bin": true,
	"al": true, "el": true, "ter": true, "zu": true,
}

// bylinePrefixes introduce bylines: "By", and its Dutch, German, French,
// Spanish/Portuguese, Italian and Scandinavian counterparts.
var bylinePrefixes = []string{"by ", "door ", "von ", "par ", "por ", "di ", "av ", "af "}

// trimBy removes a byline prefix, reporting whether there was one.
func trimBy(s string) (string, bool) {
	for _, p := range bylinePrefixes {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return strings.TrimSpace(s[len(p):]), true
		}
	}
	return s, false
}

func hasByPrefix(s string) bool {
	_, ok := trimBy(s)
	return ok
}

// roleWords mark parts of a byline that describe a job, not a name.
var roleWords = []string{"correspondent", "reporter", "editor", "writer", "columnist", "staff", "contributor", "agencies", "photograph"}

// splitNames turns author strings into names: "By A and B", "A, B",
// "A & B"; drops URLs, e-mail addresses, job titles and duplicates.
func splitNames(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		s, _ = trimBy(clean(s))
		for _, sep := range []string{" and ", " & ", ";", ",", " und ", " et ", " y ", "|"} {
			s = strings.ReplaceAll(s, sep, "\x00")
		}
		for _, part := range strings.Split(s, "\x00") {
			part = strings.TrimSpace(part)
			if i := strings.Index(part, " in "); i > 0 {
				part = part[:i] // "Anna Kovac in Marenburg"
			}
			part = strings.Trim(part, " .:-–—")
			if part == "" || utf8.RuneCountInString(part) > 60 || len(strings.Fields(part)) > 6 {
				continue
			}
			low := strings.ToLower(part)
			if strings.Contains(low, "://") || strings.HasPrefix(low, "www.") || strings.Contains(low, "@") || strings.Contains(low, "/") {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(part); !unicode.IsUpper(r) {
				continue // "By Tuesday, the council …" is not a byline
			}
			role := false
			for _, w := range roleWords {
				if strings.Contains(low, w) {
					role = true
					break
				}
			}
			if role || seen[low] {
				continue
			}
			seen[low] = true
			out = append(out, part)
		}
	}
	return out
}

// dateMetas are meta keys that state the publication date, in order.
var dateMetas = []string{
	"article:published_time", "og:published_time", "datepublished", "pubdate",
	"publishdate", "publish-date", "date", "dc.date", "dc.date.issued",
	"dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date",
}

// published finds the publication date. Explicit machine-readable sources
// come first; then go-htmldate is asked, but its answer is kept only when
// its source string is the content of a publication-date <meta> or a
// JSON-LD datePublished/dateCreated of this page. Its other sources (the
// URL, dates in the body text, sidebars) are guesses, and an unknown date
// is better than a wrong one.
func (p *page) published(canonical string) (crosscheck.Date, string, string) {
	if p.ld.article != nil {
		if raw := str(p.ld.article["datePublished"]); raw != "" {
			if d, ok := p.plausible(raw); ok {
				return d, "html:jsonld.datePublished", raw
			}
		}
	}
	for _, k := range dateMetas {
		if raw := p.meta(k); raw != "" {
			if d, ok := p.plausible(raw); ok {
				return d, "html:meta[" + k + "]", raw
			}
		}
	}
	if t := p.storyTime(); t != nil {
		raw := strings.TrimSpace(attr(t, "datetime"))
		if d, ok := p.plausible(raw); ok {
			return d, "html:time[datetime]", raw
		}
	}
	return p.htmldate(canonical)
}

// plausible parses a machine date and rejects dates in the future (beyond
// a day of clock and zone skew) and before 1900.
func (p *page) plausible(raw string) (crosscheck.Date, bool) {
	d, ok := machinedate.Parse(raw)
	if !ok || d.Time.Year() < 1900 || d.Time.After(p.now.Add(26*time.Hour)) {
		return crosscheck.Date{}, false
	}
	return d, true
}

// storyTime picks the <time datetime> that dates the story: inside the
// article container and outside sidebars, marked as the publication date
// (itemprop, pubdate, a "publish" class), else in the article's header,
// else before the first paragraph of body text. A <time> further down is
// more likely an event the story mentions.
func (p *page) storyTime() *html.Node {
	if p.article == nil {
		return nil
	}
	var times []*html.Node
	seenPara := false
	for _, n := range findAll(p.article, func(n *html.Node) bool {
		return n.DataAtom == atom.Time || n.DataAtom == atom.P
	}) {
		if !p.inStory(n) {
			continue
		}
		if n.DataAtom == atom.P {
			if !seenPara && len(nodeText(n)) >= 80 {
				seenPara = true
			}
			continue
		}
		if attr(n, "datetime") == "" || modifiedMark(n) {
			continue
		}
		if hasToken(attr(n, "itemprop"), "datepublished") {
			return n
		}
		if _, ok := attrOK(n, "pubdate"); ok {
			return n
		}
		if strings.Contains(strings.ToLower(attr(n, "class")), "publish") {
			return n
		}
		if inArticleHeader(n, p.article) || !seenPara {
			times = append(times, n)
		}
	}
	if len(times) > 0 {
		return times[0]
	}
	return nil
}

func inArticleHeader(n, article *html.Node) bool {
	for a := n.Parent; a != nil && a != article; a = a.Parent {
		if a.DataAtom == atom.Header {
			return true
		}
	}
	return false
}

// modifiedMark reports a <time> marked as an update time.
func modifiedMark(n *html.Node) bool {
	for a, i := n, 0; a != nil && i < 2; a, i = a.Parent, i+1 {
		s := strings.ToLower(attr(a, "class") + " " + attr(a, "itemprop"))
		if strings.Contains(s, "modif") || strings.Contains(s, "updat") {
			return true
		}
	}
	return false
}

// htmldate asks go-htmldate (the date finder trafilatura uses) and keeps
// its answer only when it came from the page's metadata.
func (p *page) htmldate(canonical string) (crosscheck.Date, string, string) {
	res, err := htmldate.FromDocument(p.doc, htmldate.Options{
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		DeferUrlExtractor:   true,
		URL:                 canonical,
		MaxDate:             p.now.Add(26 * time.Hour),
	})
	if err != nil || res.IsZero() || res.SrcString == "" {
		return crosscheck.Date{}, "", ""
	}
	src := collapse(res.SrcString)
	rule := ""
	for _, m := range p.metas {
		if collapse(m.content) == src && !strings.Contains(m.key, "modif") && !strings.Contains(m.key, "updat") && !strings.Contains(m.key, "revis") {
			rule = "htmldate:meta[" + m.key + "]"
			break
		}
	}
	if rule == "" {
		for _, o := range p.ld.objects {
			if collapse(str(o["datePublished"])) == src || collapse(str(o["dateCreated"])) == src {
				rule = "htmldate:jsonld"
				break
			}
		}
	}
	if rule == "" {
		return crosscheck.Date{}, "", ""
	}
	if d, ok := p.plausible(src); ok {
		return d, rule, src
	}
	// A textual date go-htmldate could read and we cannot: keep its day
	// when the day number is written in the source.
	t := res.DateTime
	if t.Year() < 1900 || t.After(p.now.Add(26*time.Hour)) || !containsNumber(src, t.Day()) {
		return crosscheck.Date{}, "", ""
	}
	return crosscheck.Date{
		Time:      time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC),
		Precision: crosscheck.PrecisionDay,
	}, rule, src
}

// containsNumber reports whether s holds n as a whole number.
func containsNumber(s string, n int) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		v := 0
		for _, c := range f {
			v = v*10 + int(c-'0')
			if v > 1e6 {
				break
			}
		}
		if v == n {
			return true
		}
	}
	return false
}

// minLangText is the shortest text whatlanggo is asked about; below it
// its trigram statistics are noise.
const minLangText = 200

func (p *page) language() (lang, rule, raw string) {
	if h := findFirst(p.doc, func(n *html.Node) bool { return n.DataAtom == atom.Html }); h != nil {
		if raw := strings.TrimSpace(attr(h, "lang")); raw != "" {
			if l := langCode(raw); l != "" {
				return l, "html:lang", raw
			}
		}
	}
	if p.ld.article != nil {
		if raw := str(p.ld.article["inLanguage"]); raw != "" {
			if l := langCode(raw); l != "" {
				return l, "html:jsonld.inLanguage", raw
			}
		}
	}
	if raw := p.meta("http-equiv:content-language"); raw != "" {
		if l := langCode(raw); l != "" {
			return l, "html:meta[content-language]", raw
		}
	}
	return "", "", ""
}

// detectLanguage is the last resort: whatlanggo on the extracted text,
// kept only when whatlanggo calls its answer reliable.
func detectLanguage(text string) string {
	if len(text) < minLangText {
		return ""
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// langCode reduces a language tag ("en-GB", "de_AT", "EN") to its
// lower-case primary subtag, or "" when it is not one.
func langCode(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_,; "); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for i := 0; i < len(tag); i++ {
		c := tag[i] | 0x20
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return strings.ToLower(tag)
}
