// Package quantity finds the numbers in a news text: counts, ordinals,
// sums of money, percentages and measures, with the bounds they state and
// the noun phrase they count. It is a stage of the language layer's
// second part: Find reads sentences that package nlp has already
// tokenized, tagged and parsed, and every crosscheck.Quantity carries
// its byte span, its sentence index and the span of its head.
//
// # What a quantity is
//
// Span covers the whole expression: modifiers ("at least", "up to",
// "more than", "some"), currency symbols and codes, scale words
// ("billion", "m", "bn"), units ("%", "per cent", "manats", "km") and
// the ranges' second half ("between 10 and 15", "10-15", "10 to 15",
// "five or six"). It never covers the head noun or a determiner before
// the number: in "the 300 workers" the span is "300".
//
// Kind is one of the crosscheck.Quantity* constants:
//
//	cardinal  19, nineteen, twenty-two, 1,000, 1.1 billion, a hundred, a dozen, half a million, dozens
//	ordinal   first, 22nd, twenty-first (Value is the rank)
//	money     $1,000, €3.5m, 1.1 billion manats, AZN 300, NZ $ 26 million, 80 cents (0.8 USD)
//	percent   5%, 5 percent, 5 per cent, half, a third, two-thirds, one in five, 3 in 10
//	measure   120 km, 3.5m (metres), 2,000 tonnes, 10 billion cubic metres, 45 degrees Celsius
//
// Unit is the ISO 4217 code for money ("$" USD, "€" EUR, "£" GBP,
// "manats" AZN, "rials" IRR, "roubles" RUB, …; a national adjective
// overrides the noun: "Canadian dollars" CAD); empty when the currency
// word does not tell ("dinars", "francs"). Percentages have Unit "%" and
// Value in percent (5 for "5%"); fractions are percentages too, so
// "nearly half" is Value 50, Low 45, High 50 with Unit "%", on the same
// scale as "48%". "percentage points" has Unit "pp" and "basis points"
// Unit "bp". Measures use short unit names: km, mi, m, cm, mm, ft, in,
// kg, g, t, lb, l, bbl, ha, acre, km2, m2, m3, bcm, °C, °F, deg, mph,
// km/h, kn, MW, GW, kW, kWh, nmi, GB.
//
// A scale abbreviation written against digits makes millions or
// thousands only in money ("€3.5m") or before a count ("4.6m
// passengers"); otherwise "3.5m" is metres. "pounds" is GBP unless
// followed by "of" or "(… kg)", then it is a weight. A bare number
// compared with money or a percentage just before it takes its unit:
// "rose to $4bn from 3.1bn", "fell to 5% from 6.4".
//
// # Bounds
//
// Value is the stated number; Low and High bound the quantity and nil
// means unbounded. A plain number is Exact with Low = High = Value.
// Bounds are inclusive. Strict comparisons ("more than", "fewer than")
// keep the stated number as the bound, so the bound is true but not
// tight; crosscheck.Quantity has no field for strictness, and the
// modifier stays in Text. Modifiers:
//
//	about, around, roughly, approximately, some, an estimated, or so    Approx  Low 0.9v  High 1.1v
//	nearly, almost, close to, just under                                 Approx  Low 0.9v  High v
//	just over, slightly more than                                        Approx  Low v     High 1.1v
//	at least, no fewer than, a minimum of, or more, and over             Low v
//	more than, over, above, in excess of, upwards of, well over          Low v (strict)
//	up to, as many as, as much as, at most, no more than, or fewer       Low 0     High v
//	fewer than, less than, under, below                                  Low 0     High v (strict)
//	exactly, a total of                                                  Exact
//	between X and Y, X-Y, X to Y, X or Y                                 Low X     High Y   Value (X+Y)/2
//
// "over" and "about" after a noun are prepositions, not bounds ("a
// scandal over 2.7 million euros"). "from X to Y" is a change, so X and
// Y are two quantities. In a range the first number takes the second's
// scale when it is smaller than it ("between 2 and 3 million"). "X-Y"
// with X ≥ Y, or after a verb of scoring (won, lost, drew, …) with Y ≤
// 10, is a score and not a quantity.
//
// Vague quantities are Vague, with a typical Value and these bounds (a
// scale word multiplies all three: "several hundred" is 300–900):
//
//	word                   Value   Low    High
//	a couple (of)            2      2      3
//	a few                    3      2      5
//	a handful (of)           4      2      6
//	several                  4      3      9
//	multiple                 3      2      -
//	a number of              5      2      -
//	many, numerous          10      3      -
//	tens of (thousands)     3×     2×     -    (tens of thousands: 30,000, ≥ 20,000)
//	dozens (of)             36     24      -
//	scores of               60     40      -
//	hundreds (of)          300    200      -
//	thousands (of)        3000   2000      -
//	millions, billions      3×     2×     -
//
// "a dozen" is exactly 12 and "half a million" exactly 500,000. A
// modifier before a vague word replaces the bound on its side: "more
// than several" keeps Low 3 and drops High; "up to hundreds" is Low 0,
// High 200.
//
// # Heads
//
// Head is the noun phrase the quantity counts, with its modifiers but
// without the number or determiners: "19 people" → "people", "five
// Azerbaijani nationals" → "Azerbaijani nationals", "dozens of
// individuals" → "individuals", "a third of its budget" → "budget",
// "nearly half of the registered voters" → "registered voters", "of
// the country's 9 million residents" → "residents", "two of the
// injured" → "injured". For money it is what follows "for" or a bare
// "in" ("$5m for road repairs" → "road repairs", "€40,000 in cash" →
// "cash") or a noun right after the amount ("a $5 million loan");
// otherwise it is empty ("up to $1,000 per family"). Measures and
// percentages count what follows "of" or the noun they modify ("20
// tonnes of wheat", "a 5% rise").
//
// The candidates are the nouns, adjectives and participles right after
// the quantity (or after "of"), up to a time word ("last", a month, a
// weekday). Inside them the dependency parse picks the head: the
// token the number depends on (nummod), or a token that depends on the
// vague noun (nmod/obl: "dozens of X"); a compound's first word passes
// on to the next, but never from a plural ("eggs cost more", where the
// tagger read a verb as a noun). Without a usable parse the last noun
// wins.
//
// # Not quantities
//
// Numbers inside Options.Exclude (the spans of time expressions) are
// skipped. So are, when Exclude misses them:
//
//   - dates: a number up to 31 next to a capitalised month name ("14
//     November", "Nov. 14"), ordinals next to months ("22nd of
//     November");
//   - years: a four-digit number from 1000 to 2100 without a comma,
//     after "in", "since", "until", "during", a season or a month (also
//     "May 5, 2023"); after "from", "to", "by", "of", "between" … unless
//     a plural noun follows ("from 2010", "to 2000 people"); after "the"
//     or a possessive ("the 2014 protests"); or bare, unless a modifier,
//     a unit or a plural noun makes it a count ("2000 people", "about
//     1950 delegates"); "AD 394" and "3000 BC";
//   - durations, ages and clock times: a number before a time unit
//     ("five years", "a 45-year-old", "10 am", "twenty working days",
//     "for many years");
//   - identifiers: after "No.", "Article", "Section", "Room", "Flight" …
//     for digits and after "day", "round", "game", "part" … for any
//     number ("day five"); numbers in square brackets ("[17]");
//   - names: digits after a capitalised proper noun or noun, unless a
//     plural noun follows ("Boeing 737", "Studio 54", "G20" is one
//     token), after a letter word and a hyphen ("COVID-19", "Su-25");
//     capitalised ordinals before a proper noun ("the Second Karabakh
//     War") and ordinals in capitals ("FIRST");
//   - phone numbers: runs of digit groups ("+44 20 7946 0958"), digit
//     groups with a leading zero ("0958");
//   - "one" unless tagged NUM ("no one", "one another", "on one hand"),
//     "how many", adverbial "first" ("First, …", "at first").
//
// # Bad input
//
// ParseNumber and Find never panic. Numerals are float64: integers
// above 2^53 are rounded (999999999999999999999999 is 1e24), digit
// strings longer than 64 characters and anything that would overflow to
// ±Inf are skipped, as are signs and exponents ("1e400" is not a news
// numeral). Tokens whose spans lie outside the text are ignored; heads
// that point outside the sentence fall back to the words that follow.
//
// # Evaluation
//
// testdata/gold.jsonl holds 220 quantities in 122 invented news
// sentences. Score rates Find against it: precision and recall of
// quantities matched by sentence and span text, and over the matches the
// accuracy of kind, value, bounds (both sides, to a relative 1e-6), head
// and unit. The first 165 lines were written while the rules were being
// developed and are all right now; the last 55 were written after the
// rules and scored once before any change: P 0.982, R 0.982, kind,
// value, bounds and unit 1.000, head 0.981 (the misses, "over" as a
// preposition and "two of the injured", were then fixed). TestGold
// keeps floors of 0.95 (0.90 for heads) through the real pipeline:
//
//	go test -run 'TestGold|TestScoreGold' -v ./nlp/quantity/
package quantity
