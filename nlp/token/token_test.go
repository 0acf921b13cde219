package token

import (
	"strings"
	"testing"
)

// texts joins token texts with spaces.
func texts(text string) string {
	var b []string
	for _, t := range Tokens(text) {
		b = append(b, t.Text)
	}
	return strings.Join(b, " ")
}

func TestTokens(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		// Clitics and contractions, straight and curly, as UD splits them.
		{"nt", "Kelm didn't reply.", "Kelm did n't reply ."},
		{"cant", "They can't and won't.", "They ca n't and wo n't ."},
		{"curly nt", "We don’t know.", "We do n’t know ."},
		{"backtick nt", "I don`t", "I do n`t"},
		{"possessive", "Iran's envoy and Valdoria’s minister", "Iran 's envoy and Valdoria ’s minister"},
		{"plural possessive", "the ministers' talks", "the ministers ' talks"},
		{"am are will", "I'm sure they're here and we'll see, you've said I'd go", "I 'm sure they 're here and we 'll see , you 've said I 'd go"},
		{"upper nt", "DON'T PANIC", "DO N'T PANIC"},
		{"gonna", "We're gonna win, wanna bet? I cannot.", "We 're gon na win , wan na bet ? I can not ."},
		{"no apostrophe", "dont", "do nt"},
		{"lets", "Let's go", "Let 's go"},
		{"names keep apostrophes", "O'Neill and d'Estaing at five o'clock", "O'Neill and d'Estaing at five o'clock"},
		{"name with clitic", "O'Neill's plan", "O'Neill 's plan"},
		{"decades", "the 1990's and '80s", "the 1990's and '80s"},
		{"year", "the class of '72", "the class of '72"},
		{"standalone clitic", "Kelm 's", "Kelm 's"},

		// Punctuation and quotes.
		{"quotes", `"Yes," she said.`, `" Yes , " she said .`},
		{"curly quotes", "“Yes,” she said.", "“ Yes , ” she said ."},
		{"single quotes", "'No' he said", "' No ' he said"},
		{"double apostrophe", "``Yes''", "`` Yes ''"},
		{"brackets", "(Reuters) [sic] {x}", "( Reuters ) [ sic ] { x }"},
		{"ellipsis", "Wait... what…", "Wait ... what …"},
		{"bang run", "No!!! Really?!", "No !!! Really ?!"},
		{"dashes", "Kelm -- the capital — fell", "Kelm -- the capital — fell"},
		{"colon semicolon", "Note: yes; no", "Note : yes ; no"},
		{"missing space", "he said.The", "he said . The"},
		{"elided", "[...] and (...)", "[...] and (...)"},

		// Hyphens: split, except prefixes UD keeps and number codes.
		{"hyphen split", "an all-girl school", "an all - girl school"},
		{"age", "a 14-year-old boy", "a 14 - year - old boy"},
		{"well", "a well-known, long-term plan", "a well - known , long - term plan"},
		{"prefixes kept", "non-profit re-elected anti-war e-mail co-founder pro-Kelm mid-July ex-husband", "non-profit re-elected anti-war e-mail co-founder pro-Kelm mid-July ex-husband"},
		{"prefix then split", "pro-Kelm-backed", "pro-Kelm - backed"},
		{"abbrev hyphen", "U.S.-led forces", "U.S. - led forces"},
		{"score", "won 5-3", "won 5 - 3"},
		{"range", "aged 8–10", "aged 8 – 10"},
		{"code", "COVID-19", "COVID - 19"},
		{"phone", "call 853-7906 or 212-902-3724", "call 853-7906 or 212-902-3724"},

		// Abbreviations, initials, titles.
		{"us", "the U.S. and the U.K.", "the U.S. and the U.K."},
		{"titles", "Gen. Marr met Dr. Osk and Mr. Vell", "Gen. Marr met Dr. Osk and Mr. Vell"},
		{"company", "Kelm Widgets Inc. and Marr Corp.", "Kelm Widgets Inc. and Marr Corp."},
		{"months", "on Nov. 5 and Sept. 30", "on Nov. 5 and Sept. 30"},
		{"initials", "J. R. R. Tolkien", "J. R. R. Tolkien"},
		{"dotted", "e.g. a.m. Ph.D. i.e.,", "e.g. a.m. Ph.D. i.e. ,"},
		{"no before number", "No. 5 but not No.", "No. 5 but not No ."},
		{"etc", "bread, salt, etc.", "bread , salt , etc."},
		{"ordinary period", "in Kelm.", "in Kelm ."},
		{"abbrev then paren", "(Marr Inc.)", "( Marr Inc. )"},
		{"state", "Springfield, Ill., said", "Springfield , Ill. , said"},
		{"lower ill", "he fell ill.", "he fell ill ."},

		// Numbers, money, percentages, dates, times.
		{"money", "$1,000 and $ 5", "$ 1,000 and $ 5"},
		{"billions", "1.1 billion", "1.1 billion"},
		{"euro", "€20m and £3.5bn", "€ 20 m and £ 3.5 bn"},
		{"fused currency", "US$40", "US$ 40"},
		{"percent", "up 3.5% to 12%", "up 3.5 % to 12 %"},
		{"iso date", "on 2022-11-22 at 09:00", "on 2022-11-22 at 09:00"},
		{"slash date", "11/28/2000 and 1/2", "11/28/2000 and 1/2"},
		{"time units", "at 10am and 9:30pm, 5km away", "at 10 am and 9:30 pm , 5 km away"},
		{"ordinals", "the 19th and 21st, 1980s, 3D", "the 19th and 21st , 1980s , 3D"},
		{"currency code", "300USD", "300 USD"},
		{"decimal", ".5 and +44", ".5 and +44"},
		{"thousands", "1,000,000 vs 3,40", "1,000,000 vs 3 , 40"},
		{"seconds", "01:39:56", "01:39:56"},
		{"slash words", "and/or", "and / or"},

		// Web things.
		{"url", "See https://marenburg-herald.example/news/kelm?id=5.", "See https://marenburg-herald.example/news/kelm?id=5 ."},
		{"www", "(www.herald.example)", "( www.herald.example )"},
		{"bare domain path", "see herald.com/news/kelm.", "see herald.com/news/kelm ."},
		{"bare domain", "Herald.com said", "Herald.com said"},
		{"email", "Write to desk@herald.example.", "Write to desk@herald.example ."},
		{"hashtag", "#Kelm2024 and @Herald", "#Kelm2024 and @Herald"},
		{"emoticon", "great :) and sad :-(", "great :) and sad :-("},
		{"emoticon attached", "Amy:-)", "Amy :-)"},
		{"acronym amp", "AT&T and R&D", "AT&T and R&D"},

		// List markers.
		{"list number", "1. First\n2. Second", "1. First 2. Second"},
		{"list letter", "sins: a) lying", "sins : a) lying"},
		{"bullet", "• Kelm", "• Kelm"},

		// Odd input.
		{"empty", "", ""},
		{"spaces", " \t\n ", ""},
		{"non-latin", "Łódź and Dvořák, 樋口", "Łódź and Dvořák , 樋口"},
		{"invalid utf8", "a\xffb", "a \xff b"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := texts(c.in); got != c.want {
				t.Errorf("Tokens(%q)\n got %s\nwant %s", c.in, got, c.want)
			}
			checkTokens(t, c.in)
		})
	}
}

// checkTokens verifies the span invariants on Tokens(text).
func checkTokens(t *testing.T, text string) {
	t.Helper()
	toks := Tokens(text)
	prev := 0
	for _, tk := range toks {
		if !tk.Span.Valid(len(text)) || tk.Span.Start < prev || tk.Span.Len() == 0 {
			t.Fatalf("bad span %+v after %d in %q", tk.Span, prev, text)
		}
		if text[tk.Span.Start:tk.Span.End] != tk.Text {
			t.Fatalf("text %q at %v, want %q", tk.Text, tk.Span, text[tk.Span.Start:tk.Span.End])
		}
		if tk.Head != -1 {
			t.Fatalf("head %d, want -1", tk.Head)
		}
		prev = tk.Span.End
	}
}
