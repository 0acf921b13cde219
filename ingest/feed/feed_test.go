package feed

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func readFeed(t *testing.T, name string) (string, []Item) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if !Sniff(data[:min(len(data), 512)]) {
		t.Errorf("Sniff(%s) = false", name)
	}
	title, items, err := Parse(context.Background(), data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return title, items
}

// wantItem is what a test expects of an item; empty fields are checked
// to be empty.
type wantItem struct {
	title, link, authors, published, rule, raw string
}

func checkItems(t *testing.T, items []Item, want []wantItem) {
	t.Helper()
	if len(items) != len(want) {
		t.Fatalf("%d items, want %d", len(items), len(want))
	}
	for i, w := range want {
		it := items[i]
		m := it.Meta
		if it.Index != i+1 {
			t.Errorf("item %d: index %d", i, it.Index)
		}
		got := wantItem{m.Title, it.Link, strings.Join(m.Authors, "|"), "", m.Rules["published"], m.Raw["published"]}
		if m.Published.Known() {
			got.published = m.Published.String()
		}
		if got != w {
			t.Errorf("item %d:\n got %+v\nwant %+v", i+1, got, w)
		}
		if it.Link != m.URL {
			t.Errorf("item %d: link %q, url %q", i+1, it.Link, m.URL)
		}
	}
}

func TestParseRSS2(t *testing.T) {
	title, items := readFeed(t, "rss2.xml")
	if title != "The Marenburg Herald – News" {
		t.Errorf("title %q", title)
	}
	checkItems(t, items, []wantItem{
		{"Bridge over the Wendel to close for repairs", "https://marenburgherald.example/news/wendel-bridge-repairs", "Anna Kovac|Piotr Lind", "2024-03-05 09:30:00 +02:00", "feed:pubDate", "Tue, 05 Mar 2024 09:30:00 +0200"},
		{"Tram strike called off", "https://marenburgherald.example/news/tram-strike", "Elsa Brandt", "2024-03-06 17:05:00 +00:00", "feed:pubDate", "Wed, 06 Mar 2024 17:05:00 GMT"},
		{"Harbour fees to rise", "https://marenburgherald.example/news/harbour-fees", "", "2024-03-07 08:00:00 -05:00", "feed:pubDate", "Thu, 07 Mar 2024 08:00:00 -0500"},
		{"Late council vote", "https://marenburgherald.example/news/late-vote", "", "", "", "Thursday, March 7th 2024, late evening"},
	})
	first := items[0]
	if first.Meta.Outlet != title || first.Meta.Rules["outlet"] != "feed:feed-title" {
		t.Errorf("outlet %q by %q", first.Meta.Outlet, first.Meta.Rules["outlet"])
	}
	if first.Meta.Language != "en" || first.Meta.Raw["language"] != "en-GB" {
		t.Errorf("language %q raw %q", first.Meta.Language, first.Meta.Raw["language"])
	}
	if first.Meta.Rules["authors"] != "feed:dc:creator" || items[1].Meta.Rules["authors"] != "feed:author" {
		t.Errorf("author rules %q %q", first.Meta.Rules["authors"], items[1].Meta.Rules["authors"])
	}
	if !strings.HasPrefix(first.HTML, "<p>The old stone bridge") {
		t.Errorf("item 1 HTML is not content:encoded: %.40q", first.HTML)
	}
	if items[1].Meta.Raw["url"] != "/news/tram-strike" {
		t.Errorf("relative link raw %q", items[1].Meta.Raw["url"])
	}
	if items[2].HTML != "" {
		t.Errorf("item without content has HTML %q", items[2].HTML)
	}
	// The offset is kept in the time itself, not only in the string.
	if _, off := first.Meta.Published.Time.Zone(); off != 2*3600 || !first.Meta.Published.HasZone {
		t.Errorf("offset %d", off)
	}
}

func TestParseAtom(t *testing.T) {
	title, items := readFeed(t, "atom.xml")
	if title != "Oster Inselbote" {
		t.Errorf("title %q", title)
	}
	checkItems(t, items, []wantItem{
		{"Fähre fährt doppelt so oft", "https://osterbote.example/2024/faehre", "Ilse Moritz|Jonas Weber", "2024-03-05 09:30:00 +02:00", "feed:published", "2024-03-05T09:30:00+02:00"},
		{"Hafenfest verschoben", "https://osterbote.example/2024/hafenfest", "", "2024-03-07 18:45:00 +00:00", "feed:updated", "2024-03-07T18:45:00Z"},
		{"Ohne Inhalt", "https://osterbote.example/2024/leer", "", "2024-03-08 07:00:00 -05:00", "feed:updated", "2024-03-08T07:00:00-05:00"},
	})
	if items[1].HTML != "Das Hafenfest findet erst im Juni statt." {
		t.Errorf("summary not used: %q", items[1].HTML)
	}
	if items[2].HTML != "" {
		t.Errorf("entry without content has HTML %q", items[2].HTML)
	}
}

func TestParseRSS1(t *testing.T) {
	title, items := readFeed(t, "rss1.rdf")
	if title != "Wendeltal Kurier" {
		t.Errorf("title %q", title)
	}
	checkItems(t, items, []wantItem{
		{"Brücke wird saniert", "https://wendeltal.example/a1", "Anna Kovac", "2024-03-05 09:30 +02:00", "feed:dc:date", "2024-03-05T09:30+02:00"},
	})
	if items[0].Meta.Language != "de" {
		t.Errorf("language %q", items[0].Meta.Language)
	}
}

func TestParseInvalid(t *testing.T) {
	tests := map[string]string{
		"empty":     "  \n",
		"truncated": `<?xml version="1.0"?><rss version="2.0"><channel><title>Marenburg</title><item><title>Bridge</title><pubDate>Tue, 05 Mar 2024`,
		"cdata":     `<rss version="2.0"><channel><item><title><![CDATA[Bridge</title></item></channel></rss>`,
		"html":      `<!DOCTYPE html><html><body><p>not a feed</p></body></html>`,
		"text":      "just some words",
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			_, _, err := Parse(context.Background(), []byte(data))
			if !errors.Is(err, crosscheck.ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestParseCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Parse(ctx, []byte(`<rss><channel></channel></rss>`)); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

func TestSniff(t *testing.T) {
	tests := map[string]bool{
		`<?xml version="1.0"?><rss version="2.0"><channel>`:                                                  true,
		"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<!-- c -->\n<rss>":                   true,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>`:                                                  true,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">`: true,
		`<feed><title>not atom</title></feed>`:                                                               false,
		`<!DOCTYPE html><html><head>`:                                                                        false,
		`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/">`:                                     false,
		`{"version": "https://jsonfeed.org/version/1.1"}`:                                                    false,
		`text <rss>`: false,
		``:           false,
	}
	for in, want := range tests {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestItemText(t *testing.T) {
	_, items := readFeed(t, "rss2.xml")
	text, removed, err := ItemText(context.Background(), items[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text, "The old stone bridge over the river Wendel") || !strings.Contains(text, "arches & the council") || !strings.Contains(text, "2.4\u00a0million") && !strings.Contains(text, "2.4 million") {
		t.Errorf("text %q", text)
	}
	if got := strings.Count(text, "\n\n"); got != 3 {
		t.Errorf("%d paragraph breaks in %q", got, text)
	}
	if len(removed) != 2 || removed[0].Reason != "feed:read-more" || removed[1].Reason != "feed:appeared-first-on" {
		t.Fatalf("removed %+v", removed)
	}
	for _, r := range removed {
		if !r.Span.Valid(len(text)) || text[r.Span.Start:r.Span.End] != r.Text || r.Label != crosscheck.RemovedChrome {
			t.Errorf("bad removed %+v", r)
		}
	}

	text, _, _ = ItemText(context.Background(), items[1])
	if text != "Unions and the city reached a deal late on Tuesday.\n\nTrams will run as normal." {
		t.Errorf("description text %q", text)
	}
	text, removed, err = ItemText(context.Background(), items[2])
	if text != "" || removed != nil || err != nil {
		t.Errorf("item without HTML: %q %v %v", text, removed, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "rss1.rdf"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<rss><channel><item><pubDate>Mon, 32 Jan 2024 25:61:00 +9999</pubDate><link>%zz</link></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","date_published":"2024-03-05T09:30:00+02:00"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		Sniff(data)
		_, items, err := Parse(context.Background(), data)
		if err != nil {
			if !errors.Is(err, crosscheck.ErrInvalid) {
				t.Fatalf("error not ErrInvalid: %v", err)
			}
			return
		}
		for _, it := range items {
			if it.Meta.Published.Known() != (it.Meta.Rules["published"] != "") {
				t.Fatalf("item %d: published %v with rule %q", it.Index, it.Meta.Published, it.Meta.Rules["published"])
			}
			text, removed, err := ItemText(context.Background(), it)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range removed {
				if !r.Span.Valid(len(text)) || text[r.Span.Start:r.Span.End] != r.Text {
					t.Fatalf("removed span %v invalid", r.Span)
				}
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("testdata/rss2.xml")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		_, items, err := Parse(ctx, data)
		if err != nil {
			b.Fatal(err)
		}
		n += len(items)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "items/s")
}

func TestParseDateFallback(t *testing.T) {
	// A date layout gofeed knows and our parser does not: gofeed's reading
	// is kept at the precision it shows, without a zone, under a rule that
	// says so.
	data := []byte(`<rss version="2.0"><channel><title>Marenburg</title>
<item><title>A</title><link>https://marenburgherald.example/a</link><pubDate>Tue, 2024-03-05 09:30</pubDate></item>
</channel></rss>`)
	_, items, err := Parse(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	m := items[0].Meta
	if m.Published.String() != "2024-03-05 09:30" || m.Published.HasZone || m.Rules["published"] != "feed:pubDate:gofeed" || m.Raw["published"] != "Tue, 2024-03-05 09:30" {
		t.Errorf("published %s (zone %v) by %q raw %q", m.Published, m.Published.HasZone, m.Rules["published"], m.Raw["published"])
	}
}
