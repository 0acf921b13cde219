package clean

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// The pages below are invented for these tests: outlets, people, places
// and events do not exist.

type want struct {
	title, titleRule       string
	published, publishRule string // published is Date.String(); "" means unknown
	authors                []string
	authorRule             string
	outlet, outletRule     string
	// removed maps a removed line to "label/reason".
	removed map[string]string
	// kept lists lines that must be paragraphs of Text.
	kept []string
	// gone lists substrings that must not be in Text.
	gone   []string
	blocks []crosscheck.Block // Span is checked as "starts with the dateline's source line"
	text   string             // when set, the exact clean text
}

func TestClean(t *testing.T) {
	tests := []struct {
		name string
		src  string
		opt  Options
		want want
	}{
		{
			name: "header chrome, section, title, date, byline, read time, marker tail",
			src: `Skip to content
Menu
Politics

Harbour Council Approves New Ferry Line

Published: 3 March 2023
By Lena Vogt and Tomas Brandt
4 min read
Share this article

The Marenburg harbour council approved a second ferry line on Thursday after a year of debate.

Councillors voted nine to four for the plan, which the port authority says will cut waiting times.

Money and Timing

The line is to open in the spring of next year, officials said.

Related articles
Ferry workers plan a strike
Port traffic hits a record
© 2023 The Marenburg Herald. All rights reserved.
`,
			want: want{
				title: "Harbour Council Approves New Ferry Line", titleRule: "text:first-line",
				published: "2023-03-03", publishRule: "text:date-line",
				authors: []string{"Lena Vogt", "Tomas Brandt"}, authorRule: "text:byline",
				outlet: "The Marenburg Herald", outletRule: "text:outlet-in-chrome",
				removed: map[string]string{
					"Skip to content":               "chrome/skip-link",
					"Menu":                          "chrome/close-button",
					"Politics":                      "section/section-label",
					"Published: 3 March 2023":       "metadata/date-line",
					"By Lena Vogt and Tomas Brandt": "metadata/byline",
					"4 min read":                    "chrome/read-time",
					"Share this article":            "chrome/share",
					"Related articles":              "chrome/tail-marker",
					"Ferry workers plan a strike":   "teaser/after-tail-marker",
					"Port traffic hits a record":    "teaser/after-tail-marker",
					"© 2023 The Marenburg Herald. All rights reserved.": "chrome/rights",
				},
				kept: []string{"Money and Timing", "The line is to open in the spring of next year, officials said."},
			},
		},
		{
			name: "scraped single newlines, bare byline next to date, repeated lead",
			src: `Harbour Council Approves New Ferry Line
Harbour Council Approves New Ferry Line
March 3, 2023
Lena Vogt
The council approved a second ferry line after a year of debate
Councillors voted nine to four for the plan on Thursday evening
The council approved a second ferry line after a year of debate. Councillors voted nine to four for the plan on Thursday evening. The port authority welcomed the vote.
Officials said the line would open next spring.
`,
			want: want{
				title: "Harbour Council Approves New Ferry Line", titleRule: "text:first-line",
				published: "2023-03-03", publishRule: "text:date-line",
				authors: []string{"Lena Vogt"}, authorRule: "text:byline-near-date",
				removed: map[string]string{
					"Lena Vogt": "metadata/byline-near-date",
					"The council approved a second ferry line after a year of debate": "repeated-lead/lead-in-body",
					"Councillors voted nine to four for the plan on Thursday evening": "repeated-lead/lead-in-body",
				},
				text: "Harbour Council Approves New Ferry Line\n\n" +
					"The council approved a second ferry line after a year of debate. Councillors voted nine to four for the plan on Thursday evening. The port authority welcomed the vote.\n\n" +
					"Officials said the line would open next spring.",
			},
		},
		{
			name: "outlet dateline prefix, signature, top stories tail",
			src: `Kelm Mayor Resigns Over Budget Row

Kelm Daily Voice - The mayor of Kelm resigned on Monday after the city council rejected her budget for a third time.

She said the council had left her no choice.

Mara Lindqvist / Kelm Daily Voice
Top stories
Snow closes the northern pass for two days.
Farmers protest outside the ministry.
`,
			want: want{
				title: "Kelm Mayor Resigns Over Budget Row", titleRule: "text:first-line",
				authors: []string{"Mara Lindqvist"}, authorRule: "text:signature",
				outlet: "Kelm Daily Voice", outletRule: "text:signature",
				removed: map[string]string{
					"Mara Lindqvist / Kelm Daily Voice":           "metadata/signature",
					"Top stories":                                 "chrome/tail-marker",
					"Snow closes the northern pass for two days.": "teaser/after-tail-marker",
					"Farmers protest outside the ministry.":       "teaser/after-tail-marker",
				},
				kept: []string{"Kelm Daily Voice - The mayor of Kelm resigned on Monday after the city council rejected her budget for a third time."},
			},
		},
		{
			name: "agency in parentheses in the dateline",
			src: `KELM, March 3 (Regional Wire) - Rescuers pulled two hikers from a ravine near Kelm on Friday, local officials said.

Both were taken to hospital with light injuries.
`,
			want: want{
				outlet: "Regional Wire Agency", outletRule: "text:dateline-prefix",
			},
		},
		{
			name: "place-only dateline names no outlet",
			src: `KELM - Rescuers pulled two hikers from a ravine near Kelm on Friday, local officials said.

Both were taken to hospital with light injuries.
`,
			want: want{},
		},
		{
			name: "domain-like dateline prefix",
			src: `Valley Road Reopens After Floods

PanDaily.Net - The valley road reopened on Tuesday after two weeks of repairs, the roads agency said.

Traffic was light in the morning.
`,
			want: want{
				title: "Valley Road Reopens After Floods", titleRule: "text:first-line",
				outlet: "PanDaily.Net", outletRule: "text:dateline-prefix",
			},
		},
		{
			name: "source line at the end",
			src: `Officials in Marenburg said on Tuesday that the harbour would stay closed until the storm passed.

Ships were told to wait outside the bay.

Source » northernledger
`,
			want: want{
				outlet: "Northern Ledger", outletRule: "text:source-line",
				removed: map[string]string{"Source » northernledger": "metadata/source-line"},
			},
		},
		{
			name: "embedded agency copy with year-less dateline",
			src: `Northern Pass Stays Closed

January 12, 2023

The northern pass will stay closed for another week, the regional government said on Thursday.

Regional Wire

Jan 5

Heavy snow has cut off three villages, rescuers said.

Helicopters brought food and fuel on Wednesday.

Follow us on Twitter
`,
			want: want{
				title: "Northern Pass Stays Closed", titleRule: "text:first-line",
				published: "2023-01-12", publishRule: "text:date-line",
				removed: map[string]string{"Follow us on Twitter": "chrome/follow-us"},
				kept:    []string{"Regional Wire", "Jan 5", "Helicopters brought food and fuel on Wednesday."},
				blocks: []crosscheck.Block{{
					Kind: "agency", Source: "Regional Wire Agency", Dateline: "Jan 5",
					Date: mustDate("2023-01-05"),
				}},
			},
		},
		{
			name: "year-less block dateline takes the year from Options.Published",
			src: `The northern pass will stay closed for another week, the regional government said on Thursday.

Reuters
Dec 30

Heavy snow has cut off three villages, rescuers said.
`,
			opt: Options{Published: mustDate("2023-01-04")},
			want: want{
				blocks: []crosscheck.Block{{Kind: "agency", Source: "Reuters", Dateline: "Dec 30", Date: mustDate("2022-12-30")}},
			},
		},
		{
			name: "year-less block dateline without any document date",
			src: `The northern pass will stay closed for another week, the regional government said on Thursday.

Reuters
Dec 30

Heavy snow has cut off three villages, rescuers said.
`,
			want: want{
				blocks: []crosscheck.Block{{Kind: "agency", Source: "Reuters", Dateline: "Dec 30"}},
			},
		},
		{
			name: "teaser card without a marker, promo lines, teaser date not taken",
			src: `Frontline Watch

Border Guards Report Quiet Night

Border guards said the night along the eastern line had passed without incidents for the first time in a month.

Patrols will continue as before, a spokesman said.

visit the reader desk
write to our editors

World
Drought Hits Southern Farms
November 21, 2022
Anton Greve
1 min read
`,
			want: want{
				title: "Border Guards Report Quiet Night", titleRule: "text:first-line",
				outlet: "Frontline Watch", outletRule: "text:outlet-line",
				removed: map[string]string{
					"Frontline Watch":             "metadata/outlet-line",
					"visit the reader desk":       "chrome/end-promo",
					"write to our editors":        "chrome/end-promo",
					"World":                       "section/section-label",
					"Drought Hits Southern Farms": "teaser/teaser-card",
					"November 21, 2022":           "teaser/teaser-card",
					"Anton Greve":                 "teaser/teaser-card",
					"1 min read":                  "chrome/read-time",
				},
			},
		},
		{
			name: "known title with a site suffix, kicker label before it",
			src: `Opinion
Why the Ferry Vote Matters
By Lena Vogt, Marenburg Herald
The vote was about more than boats, and everyone in the council chamber knew it.
`,
			opt: Options{Title: "Why the Ferry Vote Matters | The Marenburg Herald"},
			want: want{
				title: "Why the Ferry Vote Matters", titleRule: "text:known-title",
				authors: []string{"Lena Vogt"}, authorRule: "text:byline",
				outlet: "The Marenburg Herald", outletRule: "text:byline",
				removed: map[string]string{"Opinion": "section/section-label"},
			},
		},
		{
			name: "standfirst above the date stays, weak marker inside the body stays put",
			src: `Kelm Opens Its First Night Library

A reading room will stay open until midnight, the first of its kind in the region.
Updated 5 May 2023
By Mara Lindqvist

The Kelm city library opened a reading room on Friday that will stay open until midnight on weekdays.

Read more

The library's director said students had asked for longer hours for years, and the council agreed to fund two extra staff.

Users must show a library card at the door after eight in the evening, the director added, and the room has thirty seats.
`,
			want: want{
				title: "Kelm Opens Its First Night Library", titleRule: "text:first-line",
				published: "2023-05-05", publishRule: "text:date-line",
				authors: []string{"Mara Lindqvist"}, authorRule: "text:byline",
				removed: map[string]string{"Read more": "chrome/read-more", "Updated 5 May 2023": "metadata/date-line"},
				kept: []string{
					"A reading room will stay open until midnight, the first of its kind in the region.",
					"Users must show a library card at the door after eight in the evening, the director added, and the room has thirty seats.",
				},
			},
		},
		{
			name: "dates inside sentences are not the publication date",
			src: `On November 22, 2022, the Kelm council met in a closed session to discuss the budget.

It met again on 3 March 2023.
`,
			want: want{},
		},
		{
			name: "a clean article loses nothing",
			src: `Mountain Rail Link Delayed Again

Work on the mountain rail link will not finish before 2026, the transport ministry said.

Engineers found weak rock in the second tunnel.

Tunnel Troubles

The ministry said the extra cost would be covered by the regional budget.
`,
			want: want{
				title: "Mountain Rail Link Delayed Again", titleRule: "text:first-line",
				kept: []string{"Tunnel Troubles"},
				text: "Mountain Rail Link Delayed Again\n\nWork on the mountain rail link will not finish before 2026, the transport ministry said.\n\nEngineers found weak rock in the second tunnel.\n\nTunnel Troubles\n\nThe ministry said the extra cost would be covered by the regional budget.",
			},
		},
		{
			name: "cookie notice, light version prompt, photo credit, newsletter, comments tail",
			src: `We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.
Accept all
Switch to Northern Ledger Lite?
Photo: Northern Ledger archive

Dam Inspection Finds Cracks

Inspectors found cracks in the old river dam during a routine check, the water board said on Monday.

Sign up for our newsletter
The board said there was no immediate danger to nearby towns.

12 Comments
Great article
I disagree with the board.
`,
			want: want{
				title: "Dam Inspection Finds Cracks", titleRule: "text:first-line",
				outlet: "Northern Ledger", outletRule: "text:outlet-in-chrome",
				removed: map[string]string{
					"We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.": "chrome/cookie-notice",
					"Accept all":                      "chrome/consent-button",
					"Switch to Northern Ledger Lite?": "chrome/light-version",
					"Photo: Northern Ledger archive":  "chrome/photo-credit",
					"Sign up for our newsletter":      "chrome/subscribe",
					"12 Comments":                     "chrome/tail-marker",
					"Great article":                   "teaser/after-tail-marker",
					"I disagree with the board.":      "teaser/after-tail-marker",
				},
			},
		},
		{
			name: "list introduced by a colon at the end is body",
			src: `The water board listed three demands:
an independent inspection
a repair budget
monthly public reports
`,
			want: want{kept: []string{"an independent inspection", "a repair budget", "monthly public reports"}},
		},
		{
			name: "impossible and two-digit-year header dates are not dates",
			src: `Dam Inspection Finds Cracks
February 30, 2023
Inspectors found cracks in the old river dam during a routine check, the water board said.
`,
			want: want{title: "Dam Inspection Finds Cracks", titleRule: "text:first-line"},
		},
		{
			name: "credit line after an agency story",
			src: `Rescuers pulled two hikers from a ravine near Kelm on Friday, local officials said.

(Reporting by Ida Rask in Kelm; Editing by Olaf Berg)
`,
			want: want{
				authors: []string{"Ida Rask"}, authorRule: "text:credit-line",
				removed: map[string]string{"(Reporting by Ida Rask in Kelm; Editing by Olaf Berg)": "metadata/credit-line"},
			},
		},
		{
			name: "pipe byline names author and outlet",
			src: `Harbour Council Approves New Ferry Line
Lena Vogt | Northern Ledger
3 March 2023
The Marenburg harbour council approved a second ferry line on Thursday after a year of debate.
`,
			want: want{
				title: "Harbour Council Approves New Ferry Line", titleRule: "text:first-line",
				published: "2023-03-03", publishRule: "text:date-line",
				authors: []string{"Lena Vogt"}, authorRule: "text:byline",
				outlet: "Northern Ledger", outletRule: "text:byline",
			},
		},
		{
			name: "agency byline",
			src: `Dockers Walk Out in Marenburg
By Regional Wire
Dockers in Marenburg walked out on Friday over pay, their union said.
`,
			want: want{
				title: "Dockers Walk Out in Marenburg", titleRule: "text:first-line",
				outlet: "Regional Wire Agency", outletRule: "text:byline",
			},
		},
		{
			name: "three-word label and a kicker before the title, name after it",
			src: `Middle East News
Spy Files
Harbour Council Approves New Ferry Line
Lena Vogt
The Marenburg harbour council approved a second ferry line on Thursday after a year of debate.
`,
			want: want{
				title: "Harbour Council Approves New Ferry Line", titleRule: "text:first-line",
				authors: []string{"Lena Vogt"}, authorRule: "text:byline-near-title",
				removed: map[string]string{"Middle East News": "section/section-label", "Spy Files": "section/section-label"},
			},
		},
		{
			name: "unknown notice before a clear header is chrome",
			src: `Our app is new! Try the faster reading mode in settings.
Harbour Council Approves New Ferry Line
March 3, 2023
Posted by Lena Vogt
The Marenburg harbour council approved a second ferry line on Thursday after a year of debate.
`,
			want: want{
				title: "Harbour Council Approves New Ferry Line", titleRule: "text:first-line",
				published: "2023-03-03", publishRule: "text:date-line",
				authors: []string{"Lena Vogt"}, authorRule: "text:byline",
				removed: map[string]string{"Our app is new! Try the faster reading mode in settings.": "chrome/pre-title"},
			},
		},
		{
			name: "outlet named by the tail marker",
			src: `The Marenburg harbour council approved a second ferry line on Thursday after a year of debate.

More from Kelm Daily Voice
Ferry workers plan a strike
`,
			want: want{
				outlet: "Kelm Daily Voice", outletRule: "text:outlet-in-chrome",
				removed: map[string]string{"More from Kelm Daily Voice": "chrome/tail-marker"},
			},
		},
		{
			name: "a strong marker used as a subheading before a long section is not the tail",
			src: "The Marenburg harbour council met on Thursday to review the week.\n\nLatest news\n\n" +
				"The council's finance committee then went through the harbour budget line by line, The council's finance committee then went through the harbour budget line by line, The council's finance committee then went through the harbour budget line by line, The council's finance committee then went through the harbour budget line by line, The council's finance committee then went through the harbour budget line by line, and it approved the plan.\n\nThe meeting ended late.\n",
			want: want{
				kept:    []string{"The meeting ended late."},
				removed: map[string]string{"Latest news": "chrome/in-body-marker"},
			},
		},
		{
			name: "a one-line text is body",
			src:  "close button\nKelm Mayor Resigns\n",
			want: want{text: "Kelm Mayor Resigns", removed: map[string]string{"close button": "chrome/close-button"}},
		},
		{
			name: "a list of short lines is not a header",
			src:  "Kelm\nMarenburg\nNorthern Pass\nEastern Line\nOld Harbour\nRiver Dam\nCity Hall\nNew Bridge\nWest Gate\nMain Square\nSouth Quay\nHill Road\nLake Shore\nFerry Pier\nRail Yard\nMarket Hall\n",
			want: want{kept: []string{"Market Hall", "Rail Yard"}},
		},
		{
			name: "empty and whitespace input",
			src:  "\n \n\t\n",
			want: want{text: ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(tt.src, tt.opt)
			checkInvariants(t, tt.src, r)
			w := tt.want
			m := r.Meta
			check := func(field, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %q, want %q\n%s", field, got, want, summary(r))
				}
			}
			check("title", m.Title, w.title)
			check("title rule", m.Rules["title"], w.titleRule)
			pub := m.Published.String()
			if pub == "unknown" {
				pub = ""
			}
			check("published", pub, w.published)
			check("published rule", m.Rules["published"], w.publishRule)
			if !slices.Equal(m.Authors, w.authors) {
				t.Errorf("authors = %q, want %q\n%s", m.Authors, w.authors, summary(r))
			}
			check("authors rule", m.Rules["authors"], w.authorRule)
			check("outlet", m.Outlet, w.outlet)
			check("outlet rule", m.Rules["outlet"], w.outletRule)
			got := map[string]string{}
			for _, x := range r.Removed {
				got[x.Text] = x.Label + "/" + x.Reason
			}
			for line, lr := range w.removed {
				if got[line] != lr {
					t.Errorf("line %q removed as %q, want %q\n%s", line, got[line], lr, summary(r))
				}
			}
			paras := strings.Split(r.Text, "\n\n")
			for _, k := range w.kept {
				if !slices.Contains(paras, k) {
					t.Errorf("line %q not kept\n%s", k, summary(r))
				}
			}
			for _, g := range w.gone {
				if strings.Contains(r.Text, g) {
					t.Errorf("text still holds %q", g)
				}
			}
			if w.text != "" || tt.name == "empty and whitespace input" {
				check("text", r.Text, w.text)
			}
			if m.Title != "" && (r.Headline.Start != 0 || r.Headline.End != len(m.Title)) {
				t.Errorf("headline span %v for title %q", r.Headline, m.Title)
			}
			if len(r.Blocks) != len(w.blocks) {
				t.Fatalf("blocks = %+v, want %+v", r.Blocks, w.blocks)
			}
			for i, b := range r.Blocks {
				wb := w.blocks[i]
				if b.Kind != wb.Kind || b.Source != wb.Source || b.Dateline != wb.Dateline || b.Date != wb.Date {
					t.Errorf("block %d = %+v, want %+v", i, b, wb)
				}
				if b.Span.End != len(r.Text) {
					t.Errorf("block %d ends at %d, want the end of the body %d", i, b.Span.End, len(r.Text))
				}
			}
		})
	}
}

func mustDate(s string) crosscheck.Date {
	d, ok := ParseDate(s)
	if !ok {
		panic("bad test date " + s)
	}
	return d
}

func TestCleanDeterministic(t *testing.T) {
	src := "Skip to content\nPolitics\nHarbour Council Approves New Ferry Line\nMarch 3, 2023\nLena Vogt\nThe council approved a second ferry line after a year of debate.\nTop stories\nOther story here\n"
	a, b := Clean(src, Options{}), Clean(src, Options{})
	if a.Text != b.Text || len(a.Removed) != len(b.Removed) || summary(a) != summary(b) {
		t.Fatal("two runs differ")
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"close button\nPolitics\n\nA Title Of Some Length\n\nNovember 22, 2022\nJane Doe\n5 min read\nBody line one with words.\n\nBloomberg\n\nNov 2\n\nAgency text here.\n\ncomments\n\nSports\nTeaser\nNovember 21, 2022\n",
		"Title Title Title\nTitle Title Title\n\nKelm Daily Voice - Text starts here.\n\nJane Doe / Kelm Daily Voice\n Top stories\nA.\nPartner news\n---",
		" date 2023-04-05 5 April 2023 09:00 (UTC+04:00)\n\nText.\n",
		"Para.\n\nSource » israelhayom",
		"",
		"\n\n\n",
		"\xff\xfe\n\ufeffx",
	} {
		f.Add(s, "")
	}
	f.Add("Opinion\nWhy It Matters\nText of the article goes here.", "Why It Matters | Site")
	f.Fuzz(func(t *testing.T, src, title string) {
		r := Clean(src, Options{Title: title})
		checkInvariants(t, src, r)
	})
}

// benchPage is an invented page of typical size with header chrome, a
// body of forty paragraphs and a teaser tail.
func benchPage() string {
	var b strings.Builder
	b.WriteString("Skip to content\nPolitics\n\nHarbour Council Approves New Ferry Line\n\nMarch 3, 2023\nLena Vogt\n4 min read\n")
	for i := range 40 {
		b.WriteString("The Marenburg harbour council approved a second ferry line on Thursday after a year of debate, and councillors said the vote was close.\n\n")
		if i%10 == 9 {
			b.WriteString("A Subheading Here\n\n")
		}
	}
	b.WriteString("Related articles\nFerry workers plan a strike\nPort traffic hits a record\n")
	return b.String()
}

func BenchmarkClean(b *testing.B) {
	src := benchPage()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Clean(src, Options{})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func TestCleanLargeInputIsFast(t *testing.T) {
	if testing.Short() {
		t.Skip("slow in -short mode")
	}
	// Many marker, date and outlet lines must not make Clean quadratic.
	var b strings.Builder
	b.WriteString("A first paragraph that is long enough to count as body text here.\n")
	for range 5000 {
		b.WriteString("Related\nReuters\nNov 2\nMarch 3, 2023\nSome Short Title Line\n")
	}
	src := b.String()
	start := time.Now()
	r := Clean(src, Options{})
	checkInvariants(t, src, r)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Clean took %s on %d bytes", d, len(src))
	}
}
