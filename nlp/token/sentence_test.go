package token

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// sentenceTexts renders sentences as their tokens joined by spaces, one
// sentence per element.
func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		var b []string
		for _, t := range s.Tokens {
			b = append(b, t.Text)
		}
		out = append(out, strings.Join(b, " "))
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "Kelm fell. Valdoria won.", []string{"Kelm fell .", "Valdoria won ."}},
		{"question exclamation", "Who won? Kelm! It did.", []string{"Who won ?", "Kelm !", "It did ."}},
		{"headline", "Kelm floods leave thousands homeless\n\nThe Marenburg Herald reported the floods on Monday.",
			[]string{"Kelm floods leave thousands homeless", "The Marenburg Herald reported the floods on Monday ."}},
		{"never across paragraphs", "Talks in Kelm\n\nwere held on Monday", []string{"Talks in Kelm", "were held on Monday"}},
		{"headline and dateline lines", "Valdoria votes\nKELM, Nov. 5 (Marenburg Herald)\nVoters went to the polls.",
			[]string{"Valdoria votes", "KELM , Nov. 5 ( Marenburg Herald )", "Voters went to the polls ."}},
		{"hard-wrapped paragraph", "The minister said the talks in Kelm\nwould resume. Nobody\nobjected.",
			[]string{"The minister said the talks in Kelm would resume .", "Nobody objected ."}},
		{"abbreviation mid-sentence", "The U.S. Army and Gen. Marr met Dr. Osk at 9 a.m. on Friday.",
			[]string{"The U.S. Army and Gen. Marr met Dr. Osk at 9 a.m. on Friday ."}},
		{"abbreviation ends sentence", "Exports rose in the U.S. The next day they fell.",
			[]string{"Exports rose in the U.S.", "The next day they fell ."}},
		{"abbreviation at paragraph end", "He moved to the U.S.\n\nHe stayed.", []string{"He moved to the U.S.", "He stayed ."}},
		{"company then opener", "It bought Marr Inc. The deal closed.", []string{"It bought Marr Inc.", "The deal closed ."}},
		{"company then name", "Marr Inc. Chief Executive Osk resigned.", []string{"Marr Inc. Chief Executive Osk resigned ."}},
		{"initials", "Author J. R. R. Tolkien and John F. Kennedy met.", []string{"Author J. R. R. Tolkien and John F. Kennedy met ."}},
		{"month before number", "It happened on Nov. 22. Then it rained.", []string{"It happened on Nov. 22 .", "Then it rained ."}},
		{"quote ends sentence", "“The war has ended.” She said nothing else.",
			[]string{"“ The war has ended . ”", "She said nothing else ."}},
		{"straight quote ends sentence", `"The war has ended." She left.`, []string{`" The war has ended . "`, "She left ."}},
		{"quote with attribution", "“Why?” she asked. “Because,” he said.",
			[]string{"“ Why ? ” she asked .", "“ Because , ” he said ."}},
		{"multi-sentence quote", "“We won. We will win again,” the mayor of Kelm said.",
			[]string{"“ We won .", "We will win again , ” the mayor of Kelm said ."}},
		{"opening quote starts sentence", `It ended. "Now we rebuild," he said.`, []string{"It ended .", `" Now we rebuild , " he said .`}},
		{"parenthesis", "(The vote was close.) Kelm won.", []string{"( The vote was close . )", "Kelm won ."}},
		{"ellipsis lower", "If the talks fail ... the war goes on.", []string{"If the talks fail ... the war goes on ."}},
		{"ellipsis upper", "They waited... Nothing came.", []string{"They waited ...", "Nothing came ."}},
		{"spaced ellipsis", "They waited . . . and left.", []string{"They waited . . . and left ."}},
		{"colon does not split", "He said: We will stay.", []string{"He said : We will stay ."}},
		{"semicolon does not split", "Kelm voted; Valdoria did not.", []string{"Kelm voted ; Valdoria did not ."}},
		{"list lines", "The demands:\n- a ceasefire\n- new talks\n1. Kelm\n2. Valdoria",
			[]string{"The demands :", "- a ceasefire", "- new talks", "1. Kelm", "2. Valdoria"}},
		{"bullets in wrapped paragraph", "the talks\ncontinued\n• a ceasefire was agreed",
			[]string{"the talks continued", "• a ceasefire was agreed"}},
		{"number then sentence", "Turnout was 61 per cent in 2022. 15 seats changed hands.",
			[]string{"Turnout was 61 per cent in 2022 .", "15 seats changed hands ."}},
		{"lower case after stop", "we went home. it was late.", []string{"we went home .", "it was late ."}},
		{"decimal and url", "Shares rose 1.5 per cent, see www.herald.example. Then fell.",
			[]string{"Shares rose 1.5 per cent , see www.herald.example .", "Then fell ."}},
		{"reference mark", "The toll rose.[1] Officials left.", []string{"The toll rose . [ 1 ]", "Officials left ."}},
		{"empty", "", nil},
		{"only spaces", "\n\n  \n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := sentenceTexts(c.in)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
			checkSentences(t, c.in)
		})
	}
}

func TestSentenceIndexAndSpan(t *testing.T) {
	text := "Kelm won.\n\n  Valdoria lost.  "
	ss := Sentences(text)
	if len(ss) != 2 {
		t.Fatalf("%d sentences", len(ss))
	}
	for i, s := range ss {
		if s.Index != i {
			t.Errorf("sentence %d has Index %d", i, s.Index)
		}
	}
	if got := text[ss[1].Span.Start:ss[1].Span.End]; got != "Valdoria lost." {
		t.Errorf("second span covers %q", got)
	}
}

// checkSentences verifies the invariants FuzzSentences checks.
func checkSentences(t *testing.T, text string) {
	t.Helper()
	ss := Sentences(text)
	prev := 0
	covered := make([]bool, len(text))
	for i, s := range ss {
		if s.Index != i {
			t.Fatalf("sentence %d has Index %d", i, s.Index)
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", i)
		}
		if !s.Span.Valid(len(text)) || s.Span.Start < prev {
			t.Fatalf("sentence %d span %+v invalid after %d", i, s.Span, prev)
		}
		for _, tk := range s.Tokens {
			if !tk.Span.Valid(len(text)) || tk.Span.Len() == 0 || tk.Span.Start < prev {
				t.Fatalf("token %+v invalid or overlapping (prev end %d) in %q", tk, prev, text)
			}
			if text[tk.Span.Start:tk.Span.End] != tk.Text {
				t.Fatalf("token text %q != %q", tk.Text, text[tk.Span.Start:tk.Span.End])
			}
			if tk.Span.Start < s.Span.Start || tk.Span.End > s.Span.End {
				t.Fatalf("token %+v outside its sentence %+v", tk.Span, s.Span)
			}
			if tk.Head != -1 {
				t.Fatalf("token head %d", tk.Head)
			}
			for k := tk.Span.Start; k < tk.Span.End; k++ {
				covered[k] = true
			}
			prev = tk.Span.End
		}
	}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isSpace(r) && !covered[i] {
			t.Fatalf("byte %d (%q) of %q not covered", i, text[i:i+w], text)
		}
		if isSpace(r) && r < utf8.RuneSelf && !unicode.IsSpace(r) {
			t.Fatalf("isSpace disagrees with unicode at %d", i)
		}
		i += w
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"Kelm didn't reply. The U.S. Army (Gen. Marr) said “no.” She left...",
		"Headline\n\nBody text, $1,000 and 3.5% on 2022-11-22 at 09:00.\n- item\n1. two",
		"https://x.example/a(b) desk@herald.example #tag :) Iran’s can't gonna '90s",
		"a\xffb\xc3. ...?! -- '' `` [...] U.S.-led 14-year-old",
		"No. 5 J. R. R. e.g. etc. Inc. St. Louis",
		"\u200b\u00a0x\r\n\r\ny",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSentences(t, text)
		checkTokens(t, text)
	})
}
