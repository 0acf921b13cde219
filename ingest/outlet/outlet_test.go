package outlet

import (
	"slices"
	"testing"
)

func TestTableHasNoConflicts(t *testing.T) {
	for _, c := range idx.conflicts {
		t.Errorf("conflict: %s", c)
	}
	if n := len(table); n < 200 {
		t.Errorf("table has %d outlets, want at least 200", n)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means not found
	}{
		{"iranwire", "IranWire"},
		{"Iran Wire", "IranWire"},
		{"IranWire", "IranWire"},
		{"iranwire.com", "IranWire"},
		{"israelhayom", "Israel Hayom"},
		{"Israel Hayom", "Israel Hayom"},
		{"REUTERS", "Reuters"},
		{"Reuters News", "Reuters"},
		{"AP", "Associated Press"},
		{"The Associated Press", "Associated Press"},
		{"AFP", "Agence France-Presse"},
		{"PanARMENIAN.Net", "PanARMENIAN"},
		{"PanARMENIAN News", "PanARMENIAN"},
		{"panarmenian.net", "PanARMENIAN"},
		{"news.am", "News.am"},
		{"Times of Israel", "The Times of Israel"},
		{"The Times of Israel", "The Times of Israel"},
		{"the times", "The Times"},
		{"Hurriyet", "Hürriyet"},
		{"HÜRRIYET", "Hürriyet"},
		{"Al-Jazeera", "Al Jazeera"},
		{"aljazeera.net", "Al Jazeera"},
		{"RFE/RL", "Radio Free Europe/Radio Liberty"},
		{"Tasnim News Agency", "Tasnim News Agency"},
		{"Tasnim", "Tasnim News Agency"},
		{"Anadolu News Agency", "Anadolu Agency"},
		{"Report.az", "Report.az"},
		{"Marenburg Herald", "The Marenburg Herald"},
		{"Regional Wire", "Regional Wire Agency"},
		{"RWA", "Regional Wire Agency"},
		{"kelmvoice.example", "Kelm Daily Voice"},
		{"https://www.northernledger.example/a/1", "Northern Ledger"},
		{"", ""},
		{"the", ""},
		{"news", ""},
		{"Marenburg", ""},
		{"Some Unknown Gazette", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Lookup(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("Lookup(%q) = %q, want no match", tt.in, got)
				}
				return
			}
			if !ok || got != tt.want {
				t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestFromHost(t *testing.T) {
	tests := []struct {
		host string
		want string
	}{
		{"www.reuters.com", "Reuters"},
		{"en.iranwire.com", "IranWire"},
		{"iranwire.com", "IranWire"},
		{"www.bbc.co.uk", "BBC"},
		{"news.sky.com", "Sky News"},
		{"timesofindia.indiatimes.com", "The Times of India"},
		{"economictimes.indiatimes.com", "The Economic Times"},
		{"indiatimes.com", ""},
		{"news.am", "News.am"},
		{"foonews.am", ""},
		{"WWW.ISRAELHAYOM.COM.", "Israel Hayom"},
		{"apnews.com:443", "Associated Press"},
		{"regionalwire.example", "Regional Wire Agency"},
		{"example.com", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			got, ok := FromHost(tt.host)
			if tt.want == "" {
				if ok {
					t.Errorf("FromHost(%q) = %q, want no match", tt.host, got)
				}
				return
			}
			if !ok || got != tt.want {
				t.Errorf("FromHost(%q) = %q, %v; want %q", tt.host, got, ok, tt.want)
			}
		})
	}
}

func TestIsAgency(t *testing.T) {
	for name, want := range map[string]bool{
		"Reuters":              true,
		"Associated Press":     true,
		"Bloomberg":            true,
		"Regional Wire Agency": true,
		"IRNA":                 true,
		"AFP":                  true, // resolved through Lookup
		"IranWire":             false,
		"The Guardian":         false,
		"Northern Ledger":      false,
		"Nobody":               false,
	} {
		if got := IsAgency(name); got != want {
			t.Errorf("IsAgency(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestMentions(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"Switch to Iranwire Light?", []string{"IranWire"}},
		{"In this section of Iran Wire, you can write to us", []string{"IranWire"}},
		{"Visit iranwire.com for more", []string{"IranWire"}},
		{"Photo: AP", []string{"Associated Press"}},
		{"Photo: AFP / Reuters", []string{"Agence France-Presse", "Reuters"}},
		{"Follow the Kelm Daily Voice on social media", []string{"Kelm Daily Voice"}},
		{"Reporting by the Regional Wire in Kelm", []string{"Regional Wire Agency"}},
		{"Support The Guardian", []string{"The Guardian"}},
		{"Trend", []string{"Trend News Agency"}},
		{"Copyright trend.az 2022", []string{"Trend News Agency"}},
		{"Read PanARMENIAN News today", []string{"PanARMENIAN"}},
		// Short aliases must not match inside words or in lower case.
		{"An apple a day and a cap", nil},
		{"ap style guide", nil},
		{"The Ap is not a brand", nil},
		// Ordinary words need brand context.
		{"A new trend in the guardian role of the state", nil},
		{"The report said the times were hard at dawn", nil},
		{"iran's foreign policy is changing", nil},
		{"Vice President Jane Doe said", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got := Mentions(tt.line)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Mentions(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

func FuzzMentions(f *testing.F) {
	for _, s := range []string{"Switch to Iranwire Light?", "AP", "The Guardian", "a.b.c", "RFE/RL", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range Mentions(s) {
			if _, ok := idx.names[name]; !ok {
				t.Fatalf("Mentions(%q) returned unknown name %q", s, name)
			}
		}
		if name, ok := Lookup(s); ok {
			if _, known := idx.names[name]; !known {
				t.Fatalf("Lookup(%q) returned unknown name %q", s, name)
			}
		}
		FromHost(s)
	})
}
