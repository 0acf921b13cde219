package ner

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// tokenRE is a small stand-in for nlp/token in these tests: words with
// inner hyphens and periods, numbers, the clitic 's, single symbols.
var tokenRE = regexp.MustCompile(`'s\b|’s\b|\$|[0-9]+(?:[.,:][0-9]+)*%?|(?:[A-Z]\.){2,}|[\p{L}]+(?:[-.][\p{L}]+)*\.?|\S`)

// tokenize splits text into one sentence per line (or per ". ").
func tokenize(text string, splitPossessive bool) []crosscheck.Sentence {
	var out []crosscheck.Sentence
	var cur crosscheck.Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Index = len(out)
			cur.Span = crosscheck.Span{Start: cur.Tokens[0].Span.Start, End: cur.Tokens[len(cur.Tokens)-1].Span.End}
			out = append(out, cur)
		}
		cur = crosscheck.Sentence{}
	}
	for _, loc := range tokenRE.FindAllStringIndex(text, -1) {
		w := text[loc[0]:loc[1]]
		if (w == "'s" || w == "’s") && !splitPossessive && len(cur.Tokens) > 0 {
			last := &cur.Tokens[len(cur.Tokens)-1]
			if last.Span.End == loc[0] {
				last.Span.End = loc[1]
				last.Text = text[last.Span.Start:last.Span.End]
				continue
			}
		}
		// An abbreviation-like word ending in "." at the end of a sentence.
		end := false
		if strings.HasSuffix(w, ".") && len(w) > 1 && !strings.Contains(w[:len(w)-1], ".") && gazTitle(w) == false {
			cur.Tokens = append(cur.Tokens, crosscheck.Token{Span: crosscheck.Span{Start: loc[0], End: loc[1] - 1}, Text: w[:len(w)-1], Head: -1})
			w, loc[0] = ".", loc[1]-1
			end = true
		}
		cur.Tokens = append(cur.Tokens, crosscheck.Token{Span: crosscheck.Span{Start: loc[0], End: loc[1]}, Text: w, Head: -1})
		if w == "." || w == "!" || w == "?" || end {
			flush()
		}
	}
	flush()
	return out
}

func gazTitle(w string) bool { return titleAt([]string{w}, 0, 1) > 0 }

func defaultModel(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return m
}

func find(ms []Mention, text string) *Mention {
	for i := range ms {
		if ms[i].Text == text {
			return &ms[i]
		}
	}
	return nil
}

func checkSpans(t *testing.T, text string, ms []Mention) {
	t.Helper()
	for _, m := range ms {
		if !m.Span.Valid(len(text)) || text[m.Span.Start:m.Span.End] != m.Text {
			t.Errorf("mention %+v does not match the text under its span", m)
		}
		if strings.HasSuffix(m.Text, "'s") || strings.HasSuffix(m.Text, "’s") {
			t.Errorf("possessive inside span: %q", m.Text)
		}
		if m.Title != "" && text[m.TitleSpan.Start:m.TitleSpan.End] != m.Title {
			t.Errorf("title span of %q holds %q", m.Title, text[m.TitleSpan.Start:m.TitleSpan.End])
		}
	}
}

func TestRecognizeInventedNews(t *testing.T) {
	m := defaultModel(t)
	tests := []struct {
		text string
		want []Mention // Text, Label, Title compared
	}{
		{
			"Valdoria's State Security Service (SSS) arrested seven people in Osterhaven, President Aurel Wendt said.",
			[]Mention{{Text: "State Security Service", Label: "ORG"}, {Text: "seven", Label: "CARDINAL"}, {Text: "Aurel Wendt", Label: "PERSON", Title: "President"}},
		},
		{
			"Azerbaijani President Ilham Aliyev met Prime Minister Nikol Pashinyan in Brussels on Monday.",
			[]Mention{{Text: "Azerbaijani", Label: "NORP"}, {Text: "Ilham Aliyev", Label: "PERSON", Title: "President"}, {Text: "Nikol Pashinyan", Label: "PERSON", Title: "Prime Minister"}, {Text: "Brussels", Label: "GPE"}, {Text: "Monday", Label: "DATE"}},
		},
		{
			"The Ministry of Defence of Valdoria said 12 percent of the $5 million budget went to the Osterhaven Airport.",
			[]Mention{{Text: "Ministry of Defence of Valdoria", Label: "ORG"}, {Text: "12 percent", Label: "PERCENT"}, {Text: "$5 million", Label: "MONEY"}, {Text: "Osterhaven Airport", Label: "FAC"}},
		},
		{
			"Shia and Sunni leaders met in Baku, the capital of Azerbaijan, near the Caspian Sea.",
			[]Mention{{Text: "Shia", Label: "NORP"}, {Text: "Sunni", Label: "NORP"}, {Text: "Baku", Label: "GPE"}, {Text: "Azerbaijan", Label: "GPE"}, {Text: "Caspian Sea", Label: "LOC"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.text[:20], func(t *testing.T) {
			sents := tokenize(tc.text, true)
			ms := m.Recognize(tc.text, sents, Options{})
			checkSpans(t, tc.text, ms)
			for _, w := range tc.want {
				got := find(ms, w.Text)
				if got == nil {
					t.Errorf("missing %s %q; got %v", w.Label, w.Text, brief(ms))
					continue
				}
				if got.Label != w.Label || got.Title != w.Title {
					t.Errorf("%q: label %s title %q, want %s %q", w.Text, got.Label, got.Title, w.Label, w.Title)
				}
			}
		})
	}
}

func brief(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Label+":"+m.Text)
	}
	return out
}

func TestPossessiveNotInSpan(t *testing.T) {
	m := defaultModel(t)
	text := "Azerbaijan's president visited Georgia's capital Tbilisi."
	for _, split := range []bool{true, false} {
		ms := m.Recognize(text, tokenize(text, split), Options{})
		checkSpans(t, text, ms)
		if got := find(ms, "Azerbaijan"); got == nil || got.Label != "GPE" {
			t.Errorf("split=%v: Azerbaijan not a GPE: %v", split, brief(ms))
		}
	}
}

func TestTitleStripping(t *testing.T) {
	m := defaultModel(t)
	text := "Gen. Tomas Varga and Dr. Lena Okafor met Ayatollah Hassan Rahimi."
	ms := m.Recognize(text, tokenize(text, true), Options{})
	checkSpans(t, text, ms)
	for name, title := range map[string]string{"Tomas Varga": "Gen.", "Lena Okafor": "Dr.", "Hassan Rahimi": "Ayatollah"} {
		got := find(ms, name)
		if got == nil || got.Label != "PERSON" || got.Title != title {
			t.Errorf("%s: got %+v, want PERSON with title %q (all: %v)", name, got, title, brief(ms))
		}
	}
}

func TestDocumentConsistency(t *testing.T) {
	m := defaultModel(t)
	text := "President Ilham Aliyev spoke in Baku on Monday.\nThe talks were short, Aliyev said.\nAliyev left for Ankara."
	ms := m.Recognize(text, tokenize(text, true), Options{})
	checkSpans(t, text, ms)
	n := 0
	for _, mn := range ms {
		if mn.Text == "Aliyev" {
			n++
			if mn.Label != "PERSON" {
				t.Errorf("surname mention %+v, want PERSON", mn)
			}
		}
	}
	if n != 2 {
		t.Errorf("found %d surname mentions, want 2: %v", n, brief(ms))
	}
	// The same name keeps one label across the document.
	labels := map[string]map[string]bool{}
	for _, mn := range ms {
		if labels[mn.Text] == nil {
			labels[mn.Text] = map[string]bool{}
		}
		labels[mn.Text][mn.Label] = true
	}
	for txt, ls := range labels {
		if len(ls) > 1 {
			t.Errorf("%q has labels %v", txt, ls)
		}
	}
}

func TestAuthors(t *testing.T) {
	m := defaultModel(t)
	text := "By Mara Lindqvist\nThe ministry denied the report, Lindqvist was told by officials in Osterhaven."
	ms := m.Recognize(text, tokenize(text, true), Options{Authors: []string{"Mara Lindqvist"}})
	checkSpans(t, text, ms)
	full := find(ms, "Mara Lindqvist")
	if full == nil || full.Label != "PERSON" || full.Role != "author" {
		t.Fatalf("author: %+v (all %v)", full, brief(ms))
	}
	if s := find(ms, "Lindqvist"); s == nil || s.Role != "author" {
		t.Errorf("surname of the author: %+v", s)
	}
}

func TestRecognizeOddInput(t *testing.T) {
	m := defaultModel(t)
	// Tokens with spans outside the text, empty sentences, no tokens.
	sents := []crosscheck.Sentence{
		{Index: 0},
		{Index: 1, Tokens: []crosscheck.Token{{Span: crosscheck.Span{Start: 5, End: 900}}, {Text: "Baku", Span: crosscheck.Span{Start: -3, End: 2}}}},
	}
	_ = m.Recognize("short", sents, Options{Authors: []string{"", " "}})
	if ms := m.Recognize("", nil, Options{}); len(ms) != 0 {
		t.Errorf("empty input gave %v", ms)
	}
	var nilModel *Model
	if ms := nilModel.Recognize("x", nil, Options{}); ms != nil {
		t.Error("nil model must return nothing")
	}
}

func TestCorruptModel(t *testing.T) {
	var good bytes.Buffer
	if err := defaultModel(t).Save(&good); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("this is not a model"),
		"truncated": good.Bytes()[:good.Len()/2],
	}
	// A gzipped payload with a flipped byte: valid gzip, bad checksum.
	raw := gunzip(t, good.Bytes())
	raw[len(raw)/2] ^= 0x55
	cases["checksum"] = gzipBytes(t, raw)
	cases["wrong magic"] = gzipBytes(t, append([]byte("XXXXX\x00"), raw[6:]...))
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(data)); err == nil {
				t.Fatal("corrupt model loaded")
			} else if name != "truncated" && !errors.Is(err, ErrCorruptModel) {
				t.Fatalf("error %v does not wrap ErrCorruptModel", err)
			}
		})
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m := defaultModel(t)
	path := filepath.Join(t.TempDir(), "ner.bin.gz")
	if err := m.SaveFile(path); err != nil {
		t.Fatal(err)
	}
	m2, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := "Azerbaijani President Ilham Aliyev met NATO officials in Brussels."
	a := brief(m.Recognize(text, tokenize(text, true), Options{}))
	b := brief(m2.Recognize(text, tokenize(text, true), Options{}))
	if strings.Join(a, "|") != strings.Join(b, "|") {
		t.Errorf("reloaded model differs: %v vs %v", a, b)
	}
	if m2.Version() != m.Version() || len(m2.Labels()) != len(DefaultLabels) {
		t.Errorf("version %q labels %v", m2.Version(), m2.Labels())
	}
	if fi, err := os.Stat(filepath.Join("model", "ner.bin.gz")); err == nil && fi.Size() > 15<<20 {
		t.Errorf("embedded model is %d bytes, over 15 MB", fi.Size())
	}
}

func TestValues(t *testing.T) {
	m := defaultModel(t)
	text := "On March 3, 2023 at 10:30 a.m. the first convoy carried 40 tons of aid, 5 percent more than in 2021."
	ms := m.Recognize(text, tokenize(text, true), Options{})
	want := map[string]string{"March 3, 2023": "DATE", "10:30 a.m.": "TIME", "first": "ORDINAL", "40 tons": "QUANTITY", "5 percent": "PERCENT", "2021": "DATE"}
	for txt, l := range want {
		if got := find(ms, txt); got == nil || got.Label != l {
			t.Errorf("%q: got %+v, want %s (all %v)", txt, got, l, brief(ms))
		}
	}
}

func TestReadGold(t *testing.T) {
	conll := "-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nvisited O\nParis I-LOC\n.\tO\n\nThe B-ORG\nUN I-ORG\n"
	ss, err := readGold(strings.NewReader(conll), "t", GoldOptions{Mapping: map[string]string{"PER": "PERSON", "LOC": "GPE", "ORG": "?"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 || len(ss[0].Entities) != 2 || ss[0].Entities[0] != (GoldEntity{0, 2, "PERSON"}) || ss[0].Entities[1] != (GoldEntity{3, 4, "GPE"}) {
		t.Fatalf("got %+v", ss)
	}
	if len(ss[1].Unsure) != 1 || ss[0].Doc != "t#1" {
		t.Errorf("unsure/doc: %+v", ss[1])
	}
	iob2 := "# newdoc id = d1\n# text = Kori Schulman wrote\n1\tKori\tB-PER\t-\tx\n2\tSchulman\tI-PER\t-\tx\n3\twrote\tO\t-\t-\n"
	ss, err = readGold(strings.NewReader(iob2), "u", GoldOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 1 || ss[0].Doc != "d1" || len(ss[0].Entities) != 1 || ss[0].Entities[0] != (GoldEntity{0, 2, "PER"}) {
		t.Fatalf("iob2: %+v", ss)
	}
	if _, err := readGold(strings.NewReader("1\tx\n"), "bad", GoldOptions{Format: "iob2"}); err == nil {
		t.Error("short iob2 line accepted")
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add("John I-PER\nSmith I-PER\n\nx B-LOC\n")
	f.Add("# newdoc id = a\n1\tx\tB-PER\t-\t-\n")
	f.Fuzz(func(t *testing.T, s string) {
		ss, err := readGold(strings.NewReader(s), "f", GoldOptions{})
		if err != nil {
			return
		}
		for _, g := range ss {
			for _, e := range g.Entities {
				if e.Start < 0 || e.End > len(g.Words) || e.Start >= e.End {
					t.Fatalf("bad span %+v of %d words", e, len(g.Words))
				}
			}
		}
	})
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte{0x1f, 0x8b})
	f.Add(gzipBytes(f, []byte(modelMagic+"\x01\x00")))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = Load(bytes.NewReader(b))
	})
}

func BenchmarkRecognize(b *testing.B) {
	m := defaultModel(b)
	text := strings.Repeat("Valdoria's State Security Service arrested seven people in Osterhaven on Monday, President Aurel Wendt told reporters in Baku. The Azerbaijani ministry said 12 percent of the $5 million budget was spent.\n", 20)
	sents := tokenize(text, true)
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Recognize(text, sents, Options{})
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestAcronymDefinedInParentheses(t *testing.T) {
	m := defaultModel(t)
	text := "Valdoria's State Security Service (SSS) detained seven people. The SSS said the group worked for Kelm."
	sents := tokenize(text, true)
	got := map[string]string{}
	for _, mn := range m.Recognize(text, sents, Options{}) {
		got[mn.Text+"@"+strconv.Itoa(mn.Span.Start)] = mn.Label
	}
	first := strings.Index(text, "SSS")
	second := strings.LastIndex(text, "SSS")
	if got["SSS@"+strconv.Itoa(first)] != "ORG" || got["SSS@"+strconv.Itoa(second)] != "ORG" {
		t.Errorf("acronym not labelled like its name: %v", got)
	}
	for _, w := range []string{"SSS", "IRGC", "AB-12"} {
		if !isAcronym(w) {
			t.Errorf("isAcronym(%q) = false", w)
		}
	}
	for _, w := range []string{"G7", "Kelm", "A", "TOOLONGACRONYM", "ab"} {
		if isAcronym(w) {
			t.Errorf("isAcronym(%q) = true", w)
		}
	}
}

func TestUserNames(t *testing.T) {
	m := defaultModel(t)
	text := "Kelm will deny it. Ostravia's Granite Shield exercise ended near Kelm Bay."
	sents := tokenize(text, true)
	names := map[string]string{"Kelm": "GPE", "Ostravia": "GPE", "Granite Shield": "EVENT", "Kelm Bay": "LOC"}
	got := map[string]string{}
	for _, mn := range m.Recognize(text, sents, Options{Names: names}) {
		got[mn.Text] = mn.Label
	}
	for n, l := range names {
		if got[n] != l {
			t.Errorf("%s labelled %q, want %s (all: %v)", n, got[n], l, got)
		}
	}
}
