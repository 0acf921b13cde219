package modality

import (
	"slices"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// The quotes of Options.Quotes: which clauses lie in one, and which
// speech verbs are a quote's verb.

// setQuotes sorts the quotes by start and notes the running maximum end,
// so a sentence finds the quotes touching it by binary search.
func (f *finder) setQuotes(qs []crosscheck.Quote) {
	f.quotes = slices.Clone(qs)
	slices.SortStableFunc(f.quotes, func(a, b crosscheck.Quote) int { return a.Span.Start - b.Span.Start })
	f.qmaxEnd = make([]int, len(f.quotes))
	m := 0
	for i, q := range f.quotes {
		m = max(m, q.Span.End, q.VerbSpan.End)
		f.qmaxEnd[i] = m
	}
}

// sentQuotes collects the quotes whose content or verb overlaps sp.
func (f *finder) sentQuotes(sp crosscheck.Span) {
	f.cand = f.cand[:0]
	// quotes starting before sp.End; scan back while some may reach sp.
	k, _ := slices.BinarySearchFunc(f.quotes, sp.End, func(q crosscheck.Quote, end int) int {
		if q.Span.Start < end {
			return -1
		}
		return 1
	})
	for i := k - 1; i >= 0 && f.qmaxEnd[i] > sp.Start; i-- {
		q := &f.quotes[i]
		if overlaps(q.Span, sp) || overlaps(q.VerbSpan, sp) {
			f.cand = append(f.cand, i)
		}
	}
	// a quote starting after the sentence whose verb lies inside it
	for i := k; i < len(f.quotes) && i < k+4; i++ {
		if overlaps(f.quotes[i].VerbSpan, sp) {
			f.cand = append(f.cand, i)
		}
	}
}

func overlaps(a, b crosscheck.Span) bool {
	return a.Start < b.End && b.Start < a.End && a.Start < a.End
}

func contains(outer, inner crosscheck.Span) bool {
	return outer.Start <= inner.Start && inner.End <= outer.End && outer.Start < outer.End
}

// quoteSpeaker is the speaker of a quote whose verb overlaps sp.
func (f *finder) quoteSpeaker(sp crosscheck.Span) string {
	for _, qi := range f.cand {
		if q := &f.quotes[qi]; q.Speaker != "" && overlaps(q.VerbSpan, sp) {
			return q.Speaker
		}
	}
	return ""
}

// quoted attributes clauses whose head lies inside a quote.
func (f *finder) quoted() {
	for _, qi := range f.cand {
		q := &f.quotes[qi]
		var r rec
		for k := range f.clauses {
			if !contains(q.Span, f.toks[f.clauses[k].head].Span) && !f.mostlyInside(k, q.Span) {
				continue
			}
			if r.kind == "" {
				r = rec{kind: attributed, cue: q.Verb, cueSpan: q.VerbSpan, source: q.Speaker, prop: propNone, except: -1}
				if r.cue == "" {
					r.cue, r.cueSpan = f.openingMark(q.Span)
				}
			}
			// An unnamed source ("local media reported") stays reportedly.
			if !slices.ContainsFunc(f.clauses[k].recs, func(o rec) bool { return o.kind == reportedly && o.cueSpan == r.cueSpan }) {
				f.add(k, r)
			}
		}
	}
}

// mostlyInside reports whether most of clause k's own words lie in sp.
func (f *finder) mostlyInside(k int, sp crosscheck.Span) bool {
	in, all := 0, 0
	c := &f.clauses[k]
	for i := c.lo; i <= c.hi; i++ {
		if f.owner[i] != k || f.toks[i].UPOS == "PUNCT" {
			continue
		}
		all++
		if contains(sp, f.toks[i].Span) {
			in++
		}
	}
	return 2*in > all
}

// openingMark is the quotation mark just before a quote's content.
func (f *finder) openingMark(sp crosscheck.Span) (string, crosscheck.Span) {
	if sp.Start <= 0 || sp.Start > len(f.text) {
		return "", crosscheck.Span{}
	}
	r, size := utf8.DecodeLastRuneInString(f.text[:sp.Start])
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„':
		return f.text[sp.Start-size : sp.Start], crosscheck.Span{Start: sp.Start - size, End: sp.Start}
	}
	return "", crosscheck.Span{}
}
