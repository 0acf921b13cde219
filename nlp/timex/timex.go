// Package timex finds time expressions in English news text and
// normalises them to TIMEX3 values ("2022-11-14", "2022-W46", "P3DE"),
// each with its byte span, its sentence index and the interval it
// denotes.
//
// # What is found
//
// Dates in every common news form ("November 14", "Nov. 14, 2022", "14
// November 2022", "the 14th of November", "2022-11-14", "11/14/2022",
// "2018", "November 2022", "the 1990s", "the '90s", "the 20th century",
// "the third quarter of 2022", "the first half of 2022", "summer 2021",
// "Christmas Eve", "Easter Monday", "fiscal 2022"); times ("9:30 a.m.",
// "10 pm", "0630 GMT", "noon", "Monday morning", "tonight"); relative dates
// ("yesterday", "last week", "this year", "two years ago", "Tuesday",
// "early this month", "mid-November", "the end of the month", "earlier
// this week"); narrative dates ("the previous day", "the same day", "two
// days later"); vague references ("now", "recently", "the past");
// durations ("four decades", "the past 3 decades", "more than two years",
// "recent weeks") and sets ("every week", "annually", "twice a year").
//
// # Spans
//
// A span leaves out prepositions ("on", "in", "since", "at", "for",
// "over", "by") and keeps determiners and modifiers: "the past three
// years", "the early 1990s", "the end of the month", "about two years
// ago", "earlier this week". A time of day directly next to its date is
// one expression ("9:30 a.m. Monday"); "Monday at 9:30 a.m." is two, the
// time dated by the day.
//
// # Anchors
//
// A relative expression is resolved against its anchor: the dateline of
// the embedded block that holds it (Options.Blocks) when that date is
// known to the day, else the publication date (Options.Published) when
// it is known to the day. Timex.Anchor and AnchorSource record which.
// With no anchor a relative expression stays unresolved: "last week",
// "yesterday", "two years ago", "last November" have an empty Value and
// AnchorSource "none". Find never looks at the clock. Expressions that
// name part of a date keep it with X's instead: "February 22" is
// XXXX-02-22, "Tuesday" XXXX-WXX-2, "9:30 a.m." XXXX-XX-XXT09:30, and
// "10 a.m. on Friday" XXXX-WXX-5T10:00. "now", "recently" and "the
// future" are PRESENT_REF, PAST_REF and FUTURE_REF with or without an
// anchor. Absolute expressions ("2018", "Nov. 14, 2022") have Relative
// false and no Anchor.
//
// # Rules
//
//   - Weekdays follow the tense of the clause that governs them (read
//     from the dependency parse, else from the nearest verb): past (VBD,
//     VBN, "has said") gives the latest such day on or before the anchor,
//     future ("will", a modal, "is meeting", "plans to meet") the first
//     on or after it, and present or unknown tense the past one, as news
//     mostly reports what happened. The anchor's own day counts: agency
//     copy datelined Wednesday says "said on Wednesday" of that day.
//     "last Monday" and "next Monday" exclude the anchor's day; "this
//     Monday" is the past one in the past tense, else the next one.
//   - A time of day takes the date of the nearest date of its sentence
//     ("at 9:30 a.m. on Friday"), else the anchor's day.
//   - A date, month, season or quarter without a year takes the year
//     before, of or after the anchor's: in the past tense the latest that
//     does not start after the anchor, in the future tense the earliest
//     that does not end before it, otherwise the closest to the anchor
//     (so "February 22" in an article of 2022-11-22 is 2023-02-22 unless
//     the clause is in the past tense).
//   - Weeks are ISO weeks (Monday to Sunday): "last week" on 2022-11-22
//     is 2022-W46, 2022-11-14..2022-11-20. Seasons are meteorological;
//     winter Y runs from December Y-1 to February Y.
//   - "early", "mid" and "late" (Mod START, MID, END; also "the
//     beginning/middle/end of") narrow Begin and End to thirds: days 1-10,
//     11-20 and 21-end of a month; January-April, May-August and
//     September-December of a year; years 0-3, 4-6 and 7-9 of a decade.
//     "earlier this week" keeps the week's value and ends the interval
//     the day before the anchor; "later this month" starts it the day
//     after.
//   - "two years ago" is a DATE at the unit's granularity: 2020. "ago"
//     with a vague amount ("years ago") is PAST_REF.
//   - Narrative expressions ("the previous day", "the next day", "the
//     same day", "that year", "two days later", "a week earlier") count
//     from the last date of the same scope (the text outside blocks, or
//     one block) whose granularity is fine enough, and from the anchor
//     when there is none; Anchor is then that date.
//   - Decades are written "199X" and centuries "19XX" (TIMEX3 "199" and
//     "19"); the 20th century is 1900-1999. Halves of a year are
//     "2022-H1" with Granularity "half".
//   - Named days (Christmas, Christmas Eve, Boxing Day, New Year's Day
//     and Eve, "New Year", Valentine's Day, Halloween, Easter, Easter
//     Monday, Good Friday) are dates like "December 25", matched only
//     when capitalised.
//   - Durations are DURATION values ("P2Y", "PT3H", "P3DE", "PXY" for
//     "several years"); "the past three years" also gets Begin and End
//     ending at the anchor. Approximators set Mod: "about" APPROX, "more
//     than"/"over" MORE_THAN, "less than"/"under" LESS_THAN, "nearly"
//     APPROX, "at least" EQUAL_OR_MORE, "up to" EQUAL_OR_LESS.
//   - Sets are SET values: "every week" P1W, "annually" P1Y, "every
//     Monday" XXXX-WXX-1, "twice a year" P1Y.
//
// # Bad input
//
// Numeric dates "11/14/2022" are read month first (US order, as agency
// copy writes them) unless the first number cannot be a month
// ("14/11/2022"); when neither order gives a date ("13/45/2022") the
// token is not a date. A date that does not exist ("February 30", "April
// 31") is kept as a DATE with its text and an empty Value, never moved to
// a neighbouring day. Two-digit years ('98, 11/14/22) are widened into
// the hundred years that end twenty years after the anchor's year, or
// 1930-2029 without an anchor: '98 is 1998 and '25 2025 in 2022. Numbers
// too long for an int64 keep their digits in a duration's value but are
// never computed with; resolved years stay in 1..9999 or the value is
// left empty. Find never panics, whatever the text and tokens.
package timex

import (
	"github.com/crosscheck/crosscheck"
)

// Version names the rules; it changes whenever their output does.
const Version = "timex/1"

// Options are what Find knows about the document besides its text.
type Options struct {
	// Published is the document's publication date; it may be unknown.
	Published crosscheck.Date
	// Blocks are embedded blocks (agency copy): an expression inside a
	// block's Span is anchored at the block's Date when that is known to
	// the day, else at Published.
	Blocks []crosscheck.Block
}

// Find returns the time expressions in text, ordered by span. sents are
// the document's sentences with their tokens; the tagger's XPOS (and, if
// present, the parser's Head and Rel) decide the tense that resolves
// weekdays and year-less dates. Find is pure and safe for concurrent use.
func Find(text string, sents []crosscheck.Sentence, opt Options) []crosscheck.Timex {
	r := newResolver(text, opt)
	var out []crosscheck.Timex
	var feats []feat
	var exprs []expr
	for si := range sents {
		s := &sents[si]
		toks := s.Tokens
		if cap(feats) < len(toks) {
			feats = make([]feat, len(toks))
		}
		feats = feats[:len(toks)]
		found := false
		for i := range toks {
			feats[i] = classify(toks[i].Text)
			if feats[i].known || feats[i].form != fNone {
				found = true
			}
		}
		if !found {
			continue
		}
		sc := scanner{toks: toks, f: feats}
		exprs = sc.scan(exprs[:0])
		if len(exprs) == 0 {
			continue
		}
		out = r.sentence(out, s, exprs)
	}
	sortBySpan(out)
	return out
}

// sortBySpan orders expressions by start, then end (an insertion sort:
// the input is nearly sorted already).
func sortBySpan(ts []crosscheck.Timex) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && less(ts[j].Span, ts[j-1].Span); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

func less(a, b crosscheck.Span) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End < b.End
}
