package html

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// testNow is the clock for every test: after all dates in the test pages.
var testNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

const storyParas = `
<p>The ferry between Marenburg and the island of Oster will run twice as often from next month, the regional transport authority said, after two years of complaints about crowded boats.</p>
<p>A second vessel, leased from a shipyard in the north, is to join the route in the spring. Tickets will cost the same, but season passes will rise by four euros.</p>
<p>"Islanders have waited long enough," said harbour master Ilse Moritz. Fishermen on Oster welcomed the plan but asked for a later last crossing in summer.</p>
<p>The authority expects about 300,000 passengers this year, a third more than before the pandemic.</p>`

// story wraps body paragraphs in a page with the given head and the
// given markup before and after the article.
func story(head, articleTop, after string) []byte {
	return []byte(`<!DOCTYPE html><html><head><meta charset="utf-8">` + head + `</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article>` + articleTop + storyParas + `</article>` + after + `</main>
<footer><p>Marenburg Herald Media Group</p></footer></body></html>`)
}

func extractAt(t *testing.T, page []byte, pageURL string) *Result {
	t.Helper()
	res, err := extract(context.Background(), page, pageURL, testNow)
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	checkResult(t, res)
	return res
}

// checkResult asserts the invariants every result must hold.
func checkResult(t testing.TB, res *Result) {
	t.Helper()
	for i, r := range res.Removed {
		if !r.Span.Valid(len(res.PageText)) || r.Span.Len() == 0 {
			t.Fatalf("removed[%d] span %v invalid for page text of %d bytes", i, r.Span, len(res.PageText))
		}
		if got := res.PageText[r.Span.Start:r.Span.End]; got != r.Text {
			t.Fatalf("removed[%d] text %q, page text at span %q", i, r.Text, got)
		}
		if i > 0 && r.Span.Start < res.Removed[i-1].Span.End {
			t.Fatalf("removed[%d] overlaps the one before", i)
		}
	}
	for field := range res.Meta.Rules {
		switch field {
		case "title", "authors", "outlet", "url", "language", "published":
		default:
			t.Errorf("rule for unknown field %q", field)
		}
	}
}

func TestExtractFullPage(t *testing.T) {
	page, err := os.ReadFile("testdata/herald.html")
	if err != nil {
		t.Fatal(err)
	}
	res := extractAt(t, page, "https://marenburgherald.example/news/2024/wendel-bridge?utm=x")

	m := res.Meta
	if m.Title != "Bridge over the Wendel to close for repairs" || m.Rules["title"] != "html:meta[og:title]" {
		t.Errorf("title %q by %q", m.Title, m.Rules["title"])
	}
	if strings.Join(m.Authors, "|") != "Anna Kovac|Piotr Lind" || m.Rules["authors"] != "html:jsonld.author" {
		t.Errorf("authors %q by %q", m.Authors, m.Rules["authors"])
	}
	if m.Outlet != "The Marenburg Herald" || m.Rules["outlet"] != "html:meta[og:site_name]" {
		t.Errorf("outlet %q by %q", m.Outlet, m.Rules["outlet"])
	}
	if m.URL != "https://marenburgherald.example/news/wendel-bridge-repairs" || m.Rules["url"] != "html:link[canonical]" {
		t.Errorf("url %q by %q", m.URL, m.Rules["url"])
	}
	if m.Language != "en" || m.Rules["language"] != "html:lang" || m.Raw["language"] != "en-GB" {
		t.Errorf("language %q by %q raw %q", m.Language, m.Rules["language"], m.Raw["language"])
	}
	if got := m.Published.String(); got != "2024-03-05 09:30 +02:00" || m.Rules["published"] != "html:jsonld.datePublished" || m.Raw["published"] != "2024-03-05T09:30+02:00" {
		t.Errorf("published %s by %q raw %q", got, m.Rules["published"], m.Raw["published"])
	}

	if strings.HasPrefix(res.Text, "Bridge over") {
		t.Errorf("title repeated at the top of the text: %.60q", res.Text)
	}
	if !strings.HasPrefix(res.Text, "The old stone bridge") || strings.Count(res.Text, "\n\n") != 4 {
		t.Errorf("text has not the five paragraphs:\n%s", res.Text)
	}
	for _, junk := range []string{"Most read", "Privacy", "Sport", "By Anna"} {
		if strings.Contains(res.Text, junk) {
			t.Errorf("text contains %q", junk)
		}
	}
	for _, hidden := range []string{"dataLayer", "font-family", "NewsArticle"} {
		if strings.Contains(res.PageText, hidden) {
			t.Errorf("page text contains invisible %q", hidden)
		}
	}

	want := []struct{ label, reason, text string }{
		{crosscheck.RemovedBoilerplate, "html:nav", "Home\nNews\nSport\nCulture"},
		{crosscheck.RemovedBoilerplate, "html:header", "The Marenburg Herald"},
		{crosscheck.RemovedMetadata, "html:title", "Bridge over the Wendel to close for repairs"},
		{crosscheck.RemovedMetadata, "html:byline", "By Anna Kovac and Piotr Lind"},
		{crosscheck.RemovedMetadata, "html:time", "5 March 2024, 09:30"},
		{crosscheck.RemovedBoilerplate, "html:aside", "Most read\nMarenburg zoo welcomes twin otters 2 Nov 2023\nTram strike called off at last minute 14 Dec 2023"},
		{crosscheck.RemovedBoilerplate, "html:footer", "© 2024 The Marenburg Herald. All rights reserved.\nPrivacy policy"},
	}
	if len(res.Removed) != len(want) {
		t.Fatalf("removed %d pieces, want %d: %+v", len(res.Removed), len(want), res.Removed)
	}
	for i, w := range want {
		r := res.Removed[i]
		if r.Label != w.label || r.Reason != w.reason || r.Text != w.text {
			t.Errorf("removed[%d] = %s %s %q, want %s %s %q", i, r.Label, r.Reason, r.Text, w.label, w.reason, w.text)
		}
	}
}

func TestExtractPublished(t *testing.T) {
	const (
		ld       = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"ReportageNewsArticle","headline":"Ferry","datePublished":"2024-02-01T08:15:00+01:00"}</script>`
		graph    = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":["NewsArticle"],"datePublished":"2024-02-01T08:15:00+01:00"}]}</script>`
		og       = `<meta property="article:published_time" content="2024-02-02T10:00:00Z">`
		pub      = `<meta name="parsely-pub-date" content="2024-02-03">`
		upd      = `<meta property="article:modified_time" content="2024-02-09T10:00:00Z">`
		hdr      = `<header><h1>Ferry</h1><time datetime="2024-02-04T07:00-05:00">4 February</time></header>`
		mostRead = `<aside><h2>Most read</h2><ul><li>Otters <time datetime="2023-11-02">2 Nov</time></li></ul></aside>`
	)
	tests := []struct {
		name, head, top, after string
		want, rule, raw        string
	}{
		{"jsonld beats meta and time", ld + og + pub, hdr, mostRead, "2024-02-01 08:15:00 +01:00", "html:jsonld.datePublished", "2024-02-01T08:15:00+01:00"},
		{"jsonld in @graph", graph + og, hdr, "", "2024-02-01 08:15:00 +01:00", "html:jsonld.datePublished", "2024-02-01T08:15:00+01:00"},
		{"article:published_time beats others", upd + pub + og, hdr, "", "2024-02-02 10:00:00 +00:00", "html:meta[article:published_time]", "2024-02-02T10:00:00Z"},
		{"parsely date only", upd + pub, hdr, "", "2024-02-03", "html:meta[parsely-pub-date]", "2024-02-03"},
		{"time in article header", upd, hdr, mostRead, "2024-02-04 07:00 -05:00", "html:time[datetime]", "2024-02-04T07:00-05:00"},
		{"itemprop meta in article", "", `<meta itemprop="datePublished" content="2024-02-05T06:00:00+02:00"><h1>Ferry</h1>`, "", "2024-02-05 06:00:00 +02:00", "html:meta[datepublished]", "2024-02-05T06:00:00+02:00"},
		{"RFC 1123 meta", `<meta name="dc.date" content="Mon, 05 Feb 2024 14:00:00 GMT">`, "", "", "2024-02-05 14:00:00 +00:00", "html:meta[dc.date]", "Mon, 05 Feb 2024 14:00:00 GMT"},
		{"unparsable meta falls through", `<meta name="date" content="soon">` + pub, "", "", "2024-02-03", "html:meta[parsely-pub-date]", "2024-02-03"},
		{"future date rejected", `<meta property="article:published_time" content="2031-01-01T00:00:00Z">` + pub, "", "", "2024-02-03", "html:meta[parsely-pub-date]", "2024-02-03"},
		{"htmldate from a meta we do not read", `<meta name="citation_publication_date" content="2024/02/06">`, "", "", "2024-02-06", "htmldate:meta[citation_publication_date]", "2024/02/06"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractAt(t, story(tc.head, tc.top, tc.after), "")
			p := res.Meta.Published
			if p.String() != tc.want || res.Meta.Rules["published"] != tc.rule || res.Meta.Raw["published"] != tc.raw {
				t.Errorf("published %s by %q raw %q; want %s by %q raw %q", p, res.Meta.Rules["published"], res.Meta.Raw["published"], tc.want, tc.rule, tc.raw)
			}
		})
	}
}

func TestExtractDateUnknown(t *testing.T) {
	// Dates all over the page, none of them the story's: today's date in
	// the masthead, a "Most read" sidebar, related-story cards with
	// microdata, a date in the URL, an event date inside the body, and a
	// modified time. The story's own date is not stated, so it stays
	// unknown.
	today := testNow.Format("2006-01-02")
	page := []byte(`<!DOCTYPE html><html lang="en"><head><title>Ferry to run twice as often | The Marenburg Herald</title>
<link rel="canonical" href="https://marenburgherald.example/2024/02/01/ferry">
<meta property="article:modified_time" content="2024-02-09T10:00:00Z">
</head><body>
<header class="masthead"><time datetime="` + today + `">Today</time><nav><a href="/">Home</a></nav></header>
<main><article><h1>Ferry to run twice as often</h1>` + storyParas + `
<p>The new timetable will be presented at a public meeting on <time datetime="2024-03-12">12 March</time> in the harbour hall.</p>
<p class="updated">Updated <time datetime="2024-02-09T10:00">9 Feb</time></p>
</article>
<aside class="sidebar"><h2>Most read</h2><ol>
<li><a href="/a">Zoo welcomes twin otters</a> <time datetime="2023-11-02T08:00:00+01:00">2 Nov 2023</time></li>
<li><a href="/b">Tram strike called off</a> <span class="date">14 December 2023</span></li></ol></aside>
<section class="related-stories"><article itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="datePublished" content="2023-10-01"><h3>Harbour fees rise</h3><time datetime="2023-10-01">1 Oct</time></article></section>
</main></body></html>`)
	res := extractAt(t, page, "")
	if res.Meta.Published.Known() {
		t.Errorf("published %s by %q, want unknown", res.Meta.Published, res.Meta.Rules["published"])
	}
	if _, ok := res.Meta.Rules["published"]; ok {
		t.Errorf("rule for an unknown date: %q", res.Meta.Rules["published"])
	}
	if res.Meta.Title != "Ferry to run twice as often" {
		t.Errorf("title %q", res.Meta.Title)
	}
	var reasons []string
	for _, r := range res.Removed {
		reasons = append(reasons, r.Reason)
	}
	got := strings.Join(reasons, " ")
	for _, want := range []string{"html:header", "html:title", "html:aside", "html:related"} {
		if !strings.Contains(got, want) {
			t.Errorf("no removed piece with reason %s: %s", want, got)
		}
	}
}

func TestExtractTitle(t *testing.T) {
	tests := []struct {
		name, head, top string
		want, rule, raw string
	}{
		{"pipe suffix", `<title>Ferry to run twice as often | The Marenburg Herald</title>`, "", "Ferry to run twice as often", "html:title", "Ferry to run twice as often | The Marenburg Herald"},
		{"dash suffix naming the host", `<title>Ferry to run twice as often - Marenburg Herald</title>`, "", "Ferry to run twice as often", "html:title", "Ferry to run twice as often - Marenburg Herald"},
		{"section and site", `<title>Ferry to run twice as often | Transport | The Marenburg Herald</title>`, "", "Ferry to run twice as often", "html:title", "Ferry to run twice as often | Transport | The Marenburg Herald"},
		{"dash inside headline kept", `<title>Ferry - what changes for islanders</title>`, "", "Ferry - what changes for islanders", "html:title", "Ferry - what changes for islanders"},
		{"site prefix", `<meta property="og:site_name" content="The Marenburg Herald"><title>The Marenburg Herald - Ferry to run twice as often</title>`, "", "Ferry to run twice as often", "html:title", "The Marenburg Herald - Ferry to run twice as often"},
		{"h1 beats title", `<title>Ferry | The Marenburg Herald</title>`, "<h1>Oster ferry to run twice as often</h1>", "Oster ferry to run twice as often", "html:h1", "Oster ferry to run twice as often"},
		{"og:title that is only the site name skipped", `<meta property="og:site_name" content="The Marenburg Herald"><meta property="og:title" content="The Marenburg Herald">`, "<h1>Ferry to run twice as often</h1>", "Ferry to run twice as often", "html:h1", "Ferry to run twice as often"},
		{"jsonld headline beats h1", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry doubles its crossings"}</script>`, "<h1>Oster ferry to run twice as often</h1>", "Ferry doubles its crossings", "html:jsonld.headline", "Ferry doubles its crossings"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractAt(t, story(tc.head, tc.top, ""), "https://www.marenburgherald.example/ferry")
			m := res.Meta
			if m.Title != tc.want || m.Rules["title"] != tc.rule || m.Raw["title"] != tc.raw {
				t.Errorf("title %q by %q raw %q; want %q by %q raw %q", m.Title, m.Rules["title"], m.Raw["title"], tc.want, tc.rule, tc.raw)
			}
			if strings.HasPrefix(res.Text, tc.want) {
				t.Errorf("title repeated in text")
			}
		})
	}
}

func TestExtractAuthors(t *testing.T) {
	tests := []struct {
		name, head, top string
		want            []string
		rule            string
	}{
		{"jsonld array with @id reference", `<script type="application/ld+json">{"@graph":[{"@type":"Person","@id":"#lind","name":"Piotr Lind"},{"@type":"NewsArticle","author":[{"@type":"Person","name":"Anna Kovac"},{"@id":"#lind"}]}]}</script><meta name="author" content="Someone Else">`, "", []string{"Anna Kovac", "Piotr Lind"}, "html:jsonld.author"},
		{"jsonld single string with and", `<script type="application/ld+json">{"@type":"NewsArticle","author":"Anna Kovac and Piotr Lind"}</script>`, "", []string{"Anna Kovac", "Piotr Lind"}, "html:jsonld.author"},
		{"meta author list", `<meta name="author" content="Anna Kovac, Piotr Lind">`, "", []string{"Anna Kovac", "Piotr Lind"}, "html:meta[author]"},
		{"article:author URL skipped", `<meta property="article:author" content="https://marenburgherald.example/staff/kovac"><meta property="article:author" content="Anna Kovac">`, "", []string{"Anna Kovac"}, "html:meta[article:author]"},
		{"rel author", "", `<h1>Ferry</h1><p>By <a rel="author" href="/staff/kovac">Anna Kovac</a></p>`, []string{"Anna Kovac"}, "html:a[rel=author]"},
		{"byline", "", `<h1>Ferry</h1><div>By Anna Kovac in Marenburg &amp; Piotr Lind, Transport Correspondent</div>`, []string{"Anna Kovac", "Piotr Lind"}, "html:byline"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractAt(t, story(tc.head, tc.top, ""), "")
			m := res.Meta
			if strings.Join(m.Authors, "|") != strings.Join(tc.want, "|") || m.Rules["authors"] != tc.rule {
				t.Errorf("authors %q by %q; want %q by %q", m.Authors, m.Rules["authors"], tc.want, tc.rule)
			}
		})
	}
}

func TestExtractFallbacks(t *testing.T) {
	// No lang, no canonical, no site name: the URL comes from the caller,
	// the outlet from its host, the language from the text.
	res := extractAt(t, story("", "<h1>Ferry to run twice as often</h1>", ""), "https://www.marenburgherald.example/ferry")
	m := res.Meta
	if m.URL != "https://www.marenburgherald.example/ferry" || m.Rules["url"] != "input:url" {
		t.Errorf("url %q by %q", m.URL, m.Rules["url"])
	}
	if m.Outlet != "marenburgherald.example" || m.Rules["outlet"] != "html:hostname" {
		t.Errorf("outlet %q by %q", m.Outlet, m.Rules["outlet"])
	}
	if m.Language != "en" || m.Rules["language"] != "text:whatlanggo" {
		t.Errorf("language %q by %q", m.Language, m.Rules["language"])
	}

	// A relative canonical link is resolved against the page URL.
	res = extractAt(t, story(`<link rel="canonical" href="/news/ferry">`, "", ""), "https://marenburgherald.example/amp/ferry")
	if res.Meta.URL != "https://marenburgherald.example/news/ferry" || res.Meta.Raw["url"] != "/news/ferry" {
		t.Errorf("url %q raw %q", res.Meta.URL, res.Meta.Raw["url"])
	}
	// Without a page URL it cannot be, and og:url is next.
	res = extractAt(t, story(`<link rel="canonical" href="/news/ferry"><meta property="og:url" content="https://marenburgherald.example/news/ferry-og">`, "", ""), "")
	if res.Meta.URL != "https://marenburgherald.example/news/ferry-og" || res.Meta.Rules["url"] != "html:meta[og:url]" {
		t.Errorf("url %q by %q", res.Meta.URL, res.Meta.Rules["url"])
	}
}

func TestExtractCharset(t *testing.T) {
	// windows-1252: "Café Größe" with ö = 0xF6, é = 0xE9, ß = 0xDF.
	body := "<p>Das Caf\xe9 am Hafen von Marenburg hat eine neue Gr\xf6\xdfe erreicht, sagte die Besitzerin am Dienstag. Die Terrasse wurde im Winter erweitert und bietet nun Platz f\xfcr achtzig G\xe4ste.</p>" +
		"<p>Im Sommer fahren die F\xe4hren nach Oster alle drei\xdfig Minuten, und viele Fahrg\xe4ste trinken vor der \xdcberfahrt noch einen Kaffee. Die Stadt pr\xfcft, ob der Platz vor dem Caf\xe9 autofrei werden soll.</p>"
	page := []byte(`<html lang="de"><head><meta charset="windows-1252"><title>Caf&eacute;</title></head><body><article>` + body + `</article></body></html>`)
	res := extractAt(t, page, "")
	if !strings.Contains(res.Text, "Café am Hafen") || !strings.Contains(res.Text, "Größe") {
		t.Errorf("text not decoded: %.80q", res.Text)
	}
	if res.Meta.Language != "de" {
		t.Errorf("language %q", res.Meta.Language)
	}
}

func TestExtractNoText(t *testing.T) {
	tests := map[string]string{
		"empty":         "",
		"scripts only":  `<html><head><title>x</title><script>var a = "a long script text that is not visible";</script></head><body><script>document.write("x")</script><style>p{}</style></body></html>`,
		"control bytes": "\x00\x01\x02\x03\x7f",
	}
	for name, page := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := extract(context.Background(), []byte(page), "", testNow)
			if !errors.Is(err, ErrNoText) || !errors.Is(err, crosscheck.ErrInvalid) {
				t.Fatalf("err = %v, want ErrNoText wrapping ErrInvalid", err)
			}
		})
	}
}

func TestExtractMalformed(t *testing.T) {
	page := []byte(`<html><body><div><p>Unclosed <b>bold <i>italic</b> text about the ferry between Marenburg and Oster, which will run twice as often from next month, the authority said on Tuesday.<p>Another paragraph <table><tr><td>cell<div></table> with more words about boats, tickets and the harbour master who welcomed the plan.</span></span></div></div></div>&bogus; &amp &#xFFFFFF; <script>unterminated`)
	res, err := extract(context.Background(), page, "", testNow)
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	checkResult(t, res)
	if !strings.Contains(res.Text, "twice as often") {
		t.Errorf("text %q", res.Text)
	}
}

func TestExtractCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, story("", "", ""), ""); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestStripSite(t *testing.T) {
	sites := []string{"The Marenburg Herald", "marenburgherald.example"}
	tests := map[string]string{
		"Ferry | The Marenburg Herald":                 "Ferry",
		"Ferry – Marenburg Herald":                     "Ferry",
		"Ferry - marenburgherald.example":              "Ferry",
		"Ferry - a long wait ends":                     "Ferry - a long wait ends",
		"The Marenburg Herald | Ferry doubles":         "Ferry doubles",
		"The Marenburg Herald":                         "The Marenburg Herald",
		"Ferry doubles crossings to Oster | Transport": "Ferry doubles crossings to Oster",
	}
	for in, want := range tests {
		if got := stripSite(in, sites); got != want {
			t.Errorf("stripSite(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitNames(t *testing.T) {
	tests := map[string][]string{
		"By Anna Kovac and Piotr Lind":          {"Anna Kovac", "Piotr Lind"},
		"Anna Kovac, Piotr Lind & Elsa Brandt":  {"Anna Kovac", "Piotr Lind", "Elsa Brandt"},
		"BY ANNA KOVAC":                         {"ANNA KOVAC"},
		"https://marenburgherald.example/kovac": nil,
		"Anna Kovac, Senior Reporter":           {"Anna Kovac"},
		"anna@marenburgherald.example":          nil,
		"Anna Kovac; anna kovac":                {"Anna Kovac"},
	}
	for in, want := range tests {
		if got := splitNames([]string{in}); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("splitNames(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	seed, err := os.ReadFile("testdata/herald.html")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(story("", "<h1>x</h1>", "<aside>y</aside>"))
	f.Add([]byte("<p>short</p>"))
	f.Add([]byte(`<script type="application/ld+json">[{"@graph":{"@graph":[1,"x",{"@type":"Article","author":{"@id":"a"},"datePublished":["9999-99-99"]}]}}]</script><article><time datetime="2024-02-30">x</time><p>text</p></article>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		res, err := extract(context.Background(), page, "https://marenburgherald.example/p", testNow)
		if err != nil {
			if !errors.Is(err, crosscheck.ErrInvalid) {
				t.Fatalf("error not ErrInvalid: %v", err)
			}
			return
		}
		checkResult(t, res)
		if res.Text == "" {
			t.Fatal("empty text without error")
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	page, err := os.ReadFile("testdata/herald.html")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(ctx, page, "https://marenburgherald.example/p"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

func TestExtractBlogPage(t *testing.T) {
	page, err := os.ReadFile("testdata/blog.html")
	if err != nil {
		t.Fatal(err)
	}
	res := extractAt(t, page, "")
	m := res.Meta
	checks := []struct{ field, got, want, rule, wantRule string }{
		{"title", m.Title, "Nieuwe veerboot voor Oster", m.Rules["title"], "html:h1"},
		{"published", m.Published.String(), "2024-03-05 09:30:00 +01:00", m.Rules["published"], "html:time[datetime]"},
		{"authors", strings.Join(m.Authors, "|"), "Ilse Moritz", m.Rules["authors"], "html:byline"},
		{"outlet", m.Outlet, "wendeldal.example", m.Rules["outlet"], "html:hostname"},
		{"language", m.Language, "nl", m.Rules["language"], "html:lang"},
		{"url", m.URL, "https://wendeldal.example/2024/03/nieuwe-veerboot/", m.Rules["url"], "html:link[canonical]"},
	}
	for _, c := range checks {
		if c.got != c.want || c.rule != c.wantRule {
			t.Errorf("%s = %q by %q, want %q by %q", c.field, c.got, c.rule, c.want, c.wantRule)
		}
	}
	if strings.Contains(res.Text, "Eindelijk") || strings.Contains(res.Text, "Recente") {
		t.Errorf("comments or sidebar in text:\n%s", res.Text)
	}
	if !strings.HasPrefix(res.Text, "De veerdienst") {
		t.Errorf("text starts %.40q", res.Text)
	}
	reasons := map[string]bool{}
	for _, r := range res.Removed {
		reasons[r.Reason] = true
	}
	for _, want := range []string{"html:header", "html:nav", "html:title", "html:comments", "html:aside", "html:footer"} {
		if !reasons[want] {
			t.Errorf("no removed piece with reason %s: %v", want, res.Removed)
		}
	}
}
