package quote

import (
	"strings"
	"testing"
)

func TestScanQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		// want lists the quoted contents; "…" marks a piece that runs to
		// its paragraph's end (continued or unclosed).
		want []string
	}{
		{"curly", "He said “yes, we will,” and left.", []string{"yes, we will"}},
		{"straight", `She said "no" twice: "no, never."`, []string{"no", "no, never."}},
		{"guillemets", "« Nous partons, » dit-il. »Wir bleiben«, sagte sie.", []string{"Nous partons", "Wir bleiben"}},
		{"low-high", "Er sagte: „Das ist alles.“ Dann ging er.", []string{"Das ist alles."}},
		{"nested single marks", "“We learned he is a ‘spy’,” she said.", []string{"We learned he is a ‘spy’"}},
		{"apostrophes are not quotes", "Valdoria’s minister and the ministers’ aides met.", nil},
		{"top-level single marks", "The ‘special operation’ began.", []string{"special operation"}},
		{"multi-paragraph", "“One.\n\n“Two.\n\n“Three.”\n\nNarrative.", []string{"One.…", "Two.…", "Three."}},
		{"unclosed capped at the paragraph", "He said “never closed.\n\nNarrative goes on here.", []string{"never closed.…"}},
		{"unclosed straight", "A \"b c d\n\ne f g", []string{"b c d…"}},
		{"typed ” for “", "He said ”this is odd” today.", []string{"this is odd"}},
		{"empty", "“”", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := scanQuotes(tt.text, paragraphs(tt.text))
			var got []string
			for _, q := range qs {
				s := tt.text[q.content.Start:q.content.End]
				if strings.Contains(s, "\n") {
					t.Errorf("quote %q crosses a paragraph", s)
				}
				if q.close < 0 {
					s += "…"
				}
				got = append(got, s)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestScanQuotesContinuation(t *testing.T) {
	text := "“One,” he said. “Two.\n\n“Three.\n\nNot quoted.\n\n“Four.”"
	qs := scanQuotes(text, paragraphs(text))
	if len(qs) != 4 {
		t.Fatalf("%d quotations, want 4", len(qs))
	}
	if !qs[1].contNext || !qs[2].contPrev || qs[2].contNext || !qs[2].unclosed || qs[3].contPrev {
		t.Errorf("links: %+v %+v %+v", *qs[1], *qs[2], *qs[3])
	}
}

func TestNameLike(t *testing.T) {
	for s, want := range map[string]bool{
		"Southern Energy Corridor": true,
		"War and Peace":            true,
		"secret police":            false,
		"We will appeal.":          false,
		"absurd":                   false,
	} {
		if got := nameLike(s); got != want {
			t.Errorf("nameLike(%q) = %v", s, got)
		}
	}
}
