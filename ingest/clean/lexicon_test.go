package clean

import "testing"

func TestChromeLexicon(t *testing.T) {
	tests := []struct {
		line string
		want string // rule name; "" means not chrome
	}{
		{"close button", "close-button"},
		{"Close", "close-button"},
		{"×", "symbols"},
		{"Skip to main content", "skip-link"},
		{"Home > World > Europe", "breadcrumb"},
		{"5 min read", "read-time"},
		{"Reading time: 3 minutes", "read-time"},
		{"2-3 min read", "read-time"},
		{"Listen to this article", "listen"},
		{"comments", "comments"},
		{"12 Comments", "comments"},
		{"Leave a comment", "comments"},
		{"Share", "share"},
		{"Share this article", "share"},
		{"Share on WhatsApp", "share"},
		{"Share on X", "share"},
		{"Tweet", "share"},
		{"Facebook Twitter WhatsApp Email", "share"},
		{"Follow us on Telegram", "follow-us"},
		{"Print", "print"},
		{"Subscribe", "subscribe"},
		{"Sign up for our newsletter", "subscribe"},
		{"Get our morning newsletter in your inbox", "subscribe"},
		{"Advertisement", "advertisement"},
		{"Story continues below advertisement", "advertisement"},
		{"Read more", "read-more"},
		{"Read also: Kelm mayor resigns", "inline-link"},
		{"Click here to read the full report", "click-here"},
		{"This website uses cookies to ensure you get the best experience.", "cookie-notice"},
		{"Accept all cookies", "consent-button"},
		{"Switch to Kelm Voice Light?", "light-version"},
		{"It looks like you're having trouble loading the content on this page. Switch to Kelm Voice Light instead.", "light-version"},
		{"All rights reserved.", "rights"},
		{"© 2022 Northern Ledger", "rights"},
		{"Copyright 2023 Kelm Daily Voice. All rights reserved.", "rights"},
		{"Photo: Lena Vogt / Northern Ledger", "photo-credit"},
		{"Image: Regional Wire", "photo-credit"},
		{"Tags: ferries, Marenburg, budget", "tags"},
		{"3 hours ago", "relative-time"},
		{"---", "symbols"},
		{"• • •", "symbols"},

		// Sentences and headings about these topics are not chrome.
		{"Share prices fell sharply on Monday.", ""},
		{"Close to the border, troops gathered overnight.", ""},
		{"Comments by the minister angered residents.", ""},
		{"The print edition was delayed by the strike.", ""},
		{"Subscribers complained about the price rise.", ""},
		{"Advertising revenue fell by a third last year, the company said.", ""},
		{"The court said cookies set without consent broke the law.", ""},
		{"Photo opportunities were few during the visit.", ""},
		{"Read the statement in full below:", ""},
		{"Tensions on the Rise", ""},
		{"Politics", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := chromeName(newLine(0, len(tt.line), tt.line)); got != tt.want {
				t.Errorf("chromeName(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

func TestTailMarkers(t *testing.T) {
	tests := []struct {
		line   string
		name   string // "" means not a marker
		strong bool
	}{
		{"Top stories", "teaser-list", true},
		{" Top stories", "teaser-list", true},
		{"Related articles", "teaser-list", true},
		{"Latest news", "teaser-list", true},
		{"Partner news", "partner-news", true},
		{"You may also like", "also-like", true},
		{"Most read", "most-read", true},
		{"More from Northern Ledger", "more-from", true},
		{"comments", "comments", true},
		{"3 Comments", "comments", true},
		{"Related", "weak-heading", false},
		{"Read more", "weak-heading", false},
		{"Recommended", "weak-heading", false},
		{"Trending", "weak-heading", false},
		{"Top officials met on Monday", "", false},
		{"Related to the dispute, the council said it would appeal.", "", false},
	}
	for _, tt := range tests {
		m, ok := markerOf(newLine(0, len(tt.line), tt.line))
		if tt.name == "" {
			if ok {
				t.Errorf("markerOf(%q) = %s, want none", tt.line, m.name)
			}
			continue
		}
		if !ok || m.name != tt.name || m.strong != tt.strong {
			t.Errorf("markerOf(%q) = %s (strong %v), %v; want %s (strong %v)", tt.line, m.name, m.strong, ok, tt.name, tt.strong)
		}
	}
}

func TestLineShapes(t *testing.T) {
	for s, want := range map[string]bool{
		"Jane Doe": true, "Ebrahim Ramezani": true, "Ana de la Cruz": true, "Omar al-Farouk": true,
		"J. R. Ewing": true, "Mary-Ann O'Neill": true, "JANE DOE": true,
		"Politics": false, "World News": false, "jane doe": false, "Jane": false,
		"Jane Doe, Kelm": false, "November Rain": false, "Jane Doe 2": false,
		"The Jane Doe Show Tonight Live": false,
	} {
		if got := isPersonName(s); got != want {
			t.Errorf("isPersonName(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"Politics": true, "World News": true, "Arts & Culture": true, "Middle East News": true,
		"Tensions on the Rise": false, "politics": false, "Top 10": false, "World News.": false,
	} {
		if got := isShortLabel(s); got != want {
			t.Errorf("isShortLabel(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"PanDaily.Net": true, "kelmvoice.example": true, "Kelm Daily Voice": true, "Northern Ledger": true,
		"KELM": false, "Jane Doe": false, "Officials in Kelm said": false, "e.g.": false,
	} {
		if got := looksLikeOutlet(s); got != want {
			t.Errorf("looksLikeOutlet(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestParseDatelinePrefix(t *testing.T) {
	tests := []struct {
		in, want string // want "" means no outlet
	}{
		{"PanDaily.Net - Officials said on Monday that the road was closed.", "PanDaily.Net"},
		{"Kelm Daily Voice – The mayor resigned.", "Kelm Daily Voice"},
		{"KELM, March 3 (Regional Wire) - Rescuers pulled two hikers from a ravine.", "Regional Wire Agency"},
		{"MARENBURG (RWA) — Dockers walked out on Friday.", "Regional Wire Agency"},
		{"MARENBURG (Harbour Times) — Dockers walked out on Friday.", "Harbour Times"},
		{"Reuters - Dockers walked out on Friday.", "Reuters"},
		{"KELM - Rescuers pulled two hikers from a ravine.", ""},
		{"The mayor - who resigned on Monday - said nothing.", ""},
		{"Officials in the northern province of Kelm said on Monday - after a long delay - that it was over.", ""},
		{"Kelm Daily Voice - and then lower case", ""},
	}
	for _, tt := range tests {
		got, _, ok := parseDatelinePrefix(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("parseDatelinePrefix(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestParseSignature(t *testing.T) {
	tests := []struct {
		in, author, outlet string
	}{
		{"Marta Lind / Northern Ledger", "Marta Lind", "Northern Ledger"},
		{"Marta Lind, Kelm Daily Voice", "Marta Lind", "Kelm Daily Voice"},
		{"— Marta Lind, Harbour Times", "Marta Lind", "Harbour Times"},
		{"Marta Lind | marenburgherald.example", "Marta Lind", "The Marenburg Herald"},
		{"Kelm, Marenburg", "", ""},
		{"Marta Lind, Kelm", "", ""},
		{"Politics / World", "", ""},
	}
	for _, tt := range tests {
		a, o, ok := parseSignature(tt.in)
		if a != tt.author || o != tt.outlet || ok != (tt.author != "") {
			t.Errorf("parseSignature(%q) = %q, %q, %v; want %q, %q", tt.in, a, o, ok, tt.author, tt.outlet)
		}
	}
}

func TestParseMetaLine(t *testing.T) {
	tests := []struct {
		in      string
		authors []string
		outlet  string
		date    string
	}{
		{"By Jane Doe", []string{"Jane Doe"}, "", ""},
		{"By Jane Doe and John Roe", []string{"Jane Doe", "John Roe"}, "", ""},
		{"BY JANE DOE", []string{"JANE DOE"}, "", ""},
		{"By Jane Doe, John Roe & Ida Rask", []string{"Jane Doe", "John Roe", "Ida Rask"}, "", ""},
		{"By Jane Doe in Kelm", []string{"Jane Doe"}, "", ""},
		{"By Jane Doe, Northern Ledger", []string{"Jane Doe"}, "Northern Ledger", ""},
		{"By Reuters", nil, "Reuters", ""},
		{"Jane Doe | Northern Ledger", []string{"Jane Doe"}, "Northern Ledger", ""},
		{"By Jane Doe | 3 March 2023", []string{"Jane Doe"}, "", "2023-03-03"},
		{"March 3, 2023 | Jane Doe", []string{"Jane Doe"}, "", "2023-03-03"},
	}
	for _, tt := range tests {
		m, ok := parseMetaLine(tt.in)
		date := ""
		if m.hasDate {
			date = m.date.String()
		}
		if !ok || !equalStrings(m.authors, tt.authors) || m.outlet != tt.outlet || date != tt.date {
			t.Errorf("parseMetaLine(%q) = %+v, %v", tt.in, m, ok)
		}
	}
	for _, s := range []string{"By the Numbers: Kelm's Budget", "By then the council had left", "Jane Doe", "Politics | World", "Standing by the harbour"} {
		if m, ok := parseMetaLine(s); ok {
			t.Errorf("parseMetaLine(%q) = %+v, want not a byline", s, m)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
