package modality_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/modality"
)

// span locates the nth (from 1) occurrence of sub in text.
func span(t testing.TB, text, sub string, nth int) crosscheck.Span {
	t.Helper()
	from := 0
	for k := 1; ; k++ {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q not in text", sub)
		}
		if k == nth {
			return crosscheck.Span{Start: from + i, End: from + i + len(sub)}
		}
		from += i + len(sub)
	}
}

// clauseRecords are the records whose span covers the word at w.
func clauseRecords(ms []crosscheck.Modality, w crosscheck.Span) []crosscheck.Modality {
	var out []crosscheck.Modality
	for _, m := range ms {
		if m.Span.Start <= w.Start && w.End <= m.Span.End {
			out = append(out, m)
		}
	}
	return out
}

func TestQuotes(t *testing.T) {
	text := "“We will appeal. The verdict is unjust,” said Tomasz Varga, the defence lawyer.\n\n“The talks have failed,” she said.\n\nVerdict day: “Justice is dead.”"
	q1 := crosscheck.Quote{Span: span(t, text, "We will appeal. The verdict is unjust,", 1), Kind: crosscheck.QuoteDirect,
		Speaker: "Tomasz Varga", SpeakerEntity: -1, Verb: "said", VerbSpan: span(t, text, "said", 1)}
	q2 := crosscheck.Quote{Span: span(t, text, "The talks have failed,", 1), Kind: crosscheck.QuoteDirect,
		Speaker: "Marta Kell", SpeakerEntity: -1, Verb: "said", VerbSpan: span(t, text, "said", 2)}
	q3 := crosscheck.Quote{Span: span(t, text, "Justice is dead.", 1), Kind: crosscheck.QuoteColon, SpeakerEntity: -1}
	ms := modality.Find(text, annotate(t, text), modality.Options{Quotes: []crosscheck.Quote{q3, q1, q2}})
	// An unnamed source the quote finder reports as a speaker stays
	// reportedly.
	text2 := "Local media reported that a fourth suspect had fled abroad."
	q4 := crosscheck.Quote{Span: span(t, text2, "a fourth suspect had fled abroad", 1), Kind: crosscheck.QuoteIndirect,
		Speaker: "Local media", SpeakerEntity: -1, Verb: "reported", VerbSpan: span(t, text2, "reported", 1)}
	ms2 := modality.Find(text2, annotate(t, text2), modality.Options{Quotes: []crosscheck.Quote{q4}})
	check(t, text2, ms2, []string{"asserted@Local media reported", "reportedly:reported=Local media@that a fourth suspect had fled abroad"})
	for _, tc := range []struct {
		word, source, cue string
	}{
		{"appeal", "Tomasz Varga", "said"},
		{"unjust", "Tomasz Varga", "said"},
		{"failed", "Marta Kell", "said"}, // the quote's speaker, not "she"
		{"Justice", "", "“"},             // no speaker: never guessed
	} {
		rs := clauseRecords(ms, span(t, text, tc.word, 1))
		if !slices.ContainsFunc(rs, func(m crosscheck.Modality) bool {
			return m.Kind == crosscheck.ModAttributed && m.Source == tc.source && m.Cue == tc.cue
		}) {
			t.Errorf("%s: want attributed to %q with cue %q, got\n%s", tc.word, tc.source, tc.cue, dump(text, rs))
		}
	}
}

func TestHeadline(t *testing.T) {
	text := "Is Karvonia running out of money?\n\nThe central bank sold gold reserves, officials said. Will it work? Nobody knows."
	head := crosscheck.Span{Start: 0, End: strings.Index(text, "\n")}
	ms := modality.Find(text, annotate(t, text), modality.Options{Headline: head})
	has := func(word, kind string) bool {
		return slices.ContainsFunc(clauseRecords(ms, span(t, text, word, 1)), func(m crosscheck.Modality) bool { return m.Kind == kind })
	}
	if !has("running", crosscheck.ModQuestioned) {
		t.Errorf("headline question not questioned:\n%s", dump(text, ms))
	}
	if !has("work", crosscheck.ModQuestioned) {
		t.Errorf("body question not questioned:\n%s", dump(text, ms))
	}
	if has("sold", crosscheck.ModQuestioned) || !has("sold", crosscheck.ModAttributed) {
		t.Errorf("body statement: want attributed, not questioned:\n%s", dump(text, ms))
	}
}

// TestFraming is the acceptance check: the same arrests hedged by one
// outlet and stated as fact by another.
func TestFraming(t *testing.T) {
	hedged := "The alleged spies were detained in Lindmark on Friday, according to the security service."
	ms := modality.Find(hedged, annotate(t, hedged), modality.Options{})
	rs := clauseRecords(ms, span(t, hedged, "detained", 1))
	kinds := map[string]string{}
	for _, m := range rs {
		kinds[m.Kind] = m.Source
	}
	if kinds[crosscheck.ModAttributed] != "the security service" || !slices.ContainsFunc(ms, func(m crosscheck.Modality) bool {
		return m.Kind == crosscheck.ModAlleged && hedged[m.Span.Start:m.Span.End] == "The alleged spies"
	}) {
		t.Errorf("hedged report:\n%s", dump(hedged, ms))
	}
	if _, ok := kinds[crosscheck.ModAsserted]; ok {
		t.Errorf("hedged report has an asserted clause:\n%s", dump(hedged, ms))
	}

	plain := "The spies were detained in Lindmark on Friday. Their arrest exposes the regime's paranoia."
	ms = modality.Find(plain, annotate(t, plain), modality.Options{})
	rs = clauseRecords(ms, span(t, plain, "detained", 1))
	if len(rs) != 1 || rs[0].Kind != crosscheck.ModAsserted {
		t.Errorf("commentary: want one asserted record, got\n%s", dump(plain, rs))
	}
}

const article = `Karvonia detains three over alleged plot

LINDMARK — Karvonian police have detained three men suspected of planning attacks on power stations, the interior ministry said on Saturday.

According to the ministry, the men had bought explosives and could have struck within days. Their lawyer denied that his clients had any links to armed groups, and said they would appeal.

"My clients are innocent," he told reporters. Local media reported that a fourth suspect had fled abroad. Did the police act too late? Officials would not comment on the case, which has not yet gone to court.`

// TestDocument checks the invariants on a whole article: records
// ordered by span, inside their sentence, and every sentence covered.
func TestDocument(t *testing.T) {
	sents := annotate(t, article)
	ms := modality.Find(article, sents, modality.Options{Headline: crosscheck.Span{Start: 0, End: strings.Index(article, "\n")}})
	if !slices.IsSortedFunc(ms, func(a, b crosscheck.Modality) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return a.Span.End - b.Span.End
	}) {
		t.Error("records not ordered by span")
	}
	covered := map[int]bool{}
	for _, m := range ms {
		if m.Sentence < 0 || m.Sentence >= len(sents) {
			t.Fatalf("record %+v: sentence out of range", m)
		}
		s := sents[m.Sentence].Span
		if m.Span.Start < s.Start || m.Span.End > s.End || m.Span.Len() <= 0 {
			t.Errorf("record %+v outside its sentence %v", m, s)
		}
		if (m.Kind == crosscheck.ModAsserted) != (m.Cue == "") {
			t.Errorf("record %+v: a cue is required exactly when not asserted", m)
		}
		if m.Cue != "" && (!m.CueSpan.Valid(len(article)) || m.CueSpan.Len() == 0) {
			t.Errorf("record %+v: bad cue span", m)
		}
		covered[m.Sentence] = true
	}
	for i := range sents {
		if !covered[i] {
			t.Errorf("sentence %d has no record", i)
		}
	}
	for _, w := range []struct{ word, kind string }{
		{"alleged", crosscheck.ModAlleged},
		{"suspected", crosscheck.ModAlleged},
		{"planning", crosscheck.ModAttributed},
		{"bought", crosscheck.ModAttributed},
		{"struck", crosscheck.ModHypothetical},
		{"links", crosscheck.ModDenied},
		{"appeal", crosscheck.ModAttributed},
		{"fled", crosscheck.ModReportedly},
		{"late", crosscheck.ModQuestioned},
		{"comment", crosscheck.ModNegated},
	} {
		if !slices.ContainsFunc(clauseRecords(ms, span(t, article, w.word, 1)), func(m crosscheck.Modality) bool { return m.Kind == w.kind }) {
			t.Errorf("%q: no %s record\n%s", w.word, w.kind, dump(article, ms))
		}
	}
}

// TestOddInput feeds trees no parser makes: heads out of range, loops,
// cycles, spans outside the text, empty sentences.
func TestOddInput(t *testing.T) {
	tok := func(text string, start, head int, rel, upos, xpos string) crosscheck.Token {
		return crosscheck.Token{Span: crosscheck.Span{Start: start, End: start + len(text)}, Text: text, Lemma: strings.ToLower(text), UPOS: upos, XPOS: xpos, Head: head, Rel: rel}
	}
	text := "He said that it was not alleged?"
	sents := []crosscheck.Sentence{
		{},
		{Index: 1, Tokens: []crosscheck.Token{tok("He", 0, 1, "nsubj", "PRON", "PRP"), tok("said", 3, 0, "ccomp", "VERB", "VBD")}},   // cycle
		{Index: 2, Tokens: []crosscheck.Token{tok("said", 3, 2, "root", "VERB", "VBD"), tok("that", 8, 99, "mark", "SCONJ", "IN")}},  // self loop, out of range
		{Index: 3, Tokens: []crosscheck.Token{tok("not", 500, -7, "advmod", "PART", "RB"), tok("?", -3, -1, "punct", "PUNCT", ".")}}, // spans outside the text
		{Index: 4, Tokens: []crosscheck.Token{tok("alleged", 23, 1, "amod", "ADJ", "JJ"), tok("said", 3, 2, "conj", "VERB", "VBD"), tok("it", 13, 0, "obj", "PRON", "PRP")}},
	}
	for _, opt := range []modality.Options{{}, {Headline: crosscheck.Span{Start: 0, End: 1000}, Quotes: []crosscheck.Quote{{Span: crosscheck.Span{Start: 40, End: 2}, VerbSpan: crosscheck.Span{Start: -5, End: 3}, Speaker: "X"}}}} {
		ms := modality.Find(text, sents, opt)
		for _, m := range ms {
			if m.Span.End < m.Span.Start {
				t.Errorf("record %+v: inverted span", m)
			}
		}
	}
	if ms := modality.Find("", nil, modality.Options{}); len(ms) != 0 {
		t.Errorf("empty input: %v", ms)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("The alleged spies were detained, police said.", []byte{3, 0, 255, 9})
	f.Add("Did he deny that he would not resign?", []byte{})
	f.Add("“No,” she said. According to reports, it may.", []byte{1, 1, 1, 1, 40, 2, 7, 0})
	f.Fuzz(func(t *testing.T, text string, noise []byte) {
		if len(text) > 2000 {
			return
		}
		sents := annotate(t, text)
		// Corrupt heads and relations with the noise bytes.
		k := 0
		for si := range sents {
			for ti := range sents[si].Tokens {
				if k < len(noise) {
					tok := &sents[si].Tokens[ti]
					tok.Head = int(noise[k]) - 2
					tok.Rel = []string{"ccomp", "conj", "acl:relcl", "parataxis", "obj", "nsubj", "mark", "advcl", "root"}[int(noise[k])%9]
					k++
				}
			}
		}
		var opt modality.Options
		if len(noise) >= 4 {
			a, b := int(noise[0])*int(noise[1])-40, int(noise[2])*int(noise[3])
			opt.Headline = crosscheck.Span{Start: a, End: b}
			opt.Quotes = []crosscheck.Quote{{Span: crosscheck.Span{Start: a, End: b}, VerbSpan: crosscheck.Span{Start: b, End: a}, Speaker: "S"}}
		}
		ms := modality.Find(text, sents, opt)
		for i, m := range ms {
			if m.Span.End < m.Span.Start {
				t.Fatalf("record %+v: inverted span", m)
			}
			if i > 0 && ms[i-1].Span.Start > m.Span.Start {
				t.Fatalf("records out of order")
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	var sb strings.Builder
	for i, tc := range cases {
		sb.WriteString(tc.text)
		if i%4 == 3 {
			sb.WriteString("\n\n")
		} else {
			sb.WriteByte(' ')
		}
	}
	text := sb.String()
	sents := annotate(b, text)
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		modality.Find(text, sents, modality.Options{})
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
