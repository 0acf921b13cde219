package quantity

import (
	"math"
	"strings"
)

// amt is what amount found.
type amt struct {
	end    int
	anchor int
	skip   bool // not a quantity (year, date, identifier, duration); skip to end
	value  float64
	// lo and hi bound a range ("10-15", "between 10 and 15").
	lo, hi  float64
	isRange bool
	vague   *vagueWord
	money   bool
	percent bool
	unit    string
	suffix  modKind
}

// num is a number read at one position.
type num struct {
	value  float64
	end    int
	scale  float64 // the scale word's value, or 1
	digits bool    // written in digits
	word1  bool    // the single word "one"
	vague  *vagueWord
	pct    bool // a fraction: value in percent
	tokens int
}

// amount reads the quantity at j; i is where its modifier starts (i == j
// without one).
func (sc *scanner) amount(i, j int, mod modKind) (amt, bool) {
	var a amt
	k := j
	if !sc.ok(k) {
		return a, false
	}
	// Currency before the amount.
	if code, ok := currencySymbols[sc.toks[k].Text]; ok && sc.ok(k+1) {
		a.money, a.unit = true, code
		k++
	} else if code, ok := dollarPrefixes[sc.toks[k].Text]; ok && sc.toksText(k+1) == "$" && sc.ok(k+2) {
		a.money, a.unit = true, code // "NZ $ 26 million"
		k += 2
	} else if currencyCodes[sc.toks[k].Text] && sc.ok(k+1) && isDigitWord(sc.low[k+1]) {
		a.money, a.unit = true, sc.toks[k].Text
		k++
	}
	n1, ok := sc.number(k, a.money, mod != modNone)
	if !ok {
		return a, false
	}
	a.end, a.anchor, a.value = n1.end, n1.end-1, n1.value
	if n1.vague != nil {
		if timeUnits[sc.lw(n1.end)] {
			a.skip = true // "for many years": a duration
			return a, true
		}
		a.vague = n1.vague
		a.anchor = k
		sc.vagueUnit(&a)
		return a, true
	}
	if n1.pct {
		a.percent, a.unit = true, "%"
		return a, true
	}
	// A range: "10-15", "10 to 15", "between 10 and 15", "five or six".
	if r, ok := sc.rangeAfter(j, a.end, n1, a.money, mod == modBetween); ok {
		if r.skip {
			a.skip, a.end = true, r.end
			return a, true
		}
		a.isRange, a.lo, a.hi, a.end = true, r.lo, r.hi, r.end
		a.value = (r.lo + r.hi) / 2
		a.anchor = r.end - 1
	} else if mod == modBetween {
		return a, false
	}
	// What the number is of.
	unitEnd, skip := sc.unitAfter(&a)
	if skip {
		a.skip, a.end = true, unitEnd
		return a, true
	}
	if unitEnd > a.end {
		a.anchor = unitEnd - 1
		a.end = unitEnd
	}
	if sc.notQuantity(j, k, a, n1, mod) {
		a.skip = true
		// Skip a whole run of digit groups (a phone number).
		for a.end < sc.n && sc.free[a.end] && isDigitWord(sc.low[a.end]) {
			a.end++
		}
		return a, true
	}
	if n1.word1 && !a.money && a.unit == "" && !a.isRange && (sc.upos(k) != "NUM" || sc.lw(k+1) == "hand") {
		return a, false // "no one", "on one hand"
	}
	if a.money && a.unit != "" {
		if d, ok := subunits[sc.low[a.end-1]]; ok {
			a.value /= d
			a.lo /= d
			a.hi /= d
		}
	}
	a.suffix, a.end = sc.suffixMod(a.end)
	return a, true
}

// number reads a number at k: digits or words with scales, a vague
// quantity, or a fraction.
func (sc *scanner) number(k int, money, modded bool) (num, bool) {
	var n num
	if !sc.ok(k) {
		return n, false
	}
	w := sc.low[k]
	// Vague plural chains: "dozens", "tens of thousands".
	if u, ok := vaguePlural[w]; ok {
		e := k + 1
		for sc.lw(e) == "of" {
			u2, ok := vaguePlural[sc.lw(e+1)]
			if !ok || u2 <= 10 {
				break
			}
			u *= u2
			e += 2
		}
		// "tens" only counts before "of thousands", "scores" before "of".
		if e == k+1 && (w == "tens" || w == "scores" && sc.lw(e) != "of") {
			return n, false
		}
		n.vague = &vagueWord{value: 3 * u, low: 2 * u, high: -1}
		n.end = e
		return n, true
	}
	// Vague words: "several", "a few", "a handful of".
	if vw, e, ok := sc.vagueWordAt(k); ok {
		v := vw
		if m, ok := scaleWords[sc.lw(e)]; ok || sc.lw(e) == "hundred" || sc.lw(e) == "dozen" {
			if !ok {
				m = 100
				if sc.lw(e) == "dozen" {
					m = 12
				}
			}
			v = vagueWord{value: v.value * m, low: v.low * m, high: mulHigh(v.high, m)}
			e++
		} else if u, ok := vaguePlural[sc.lw(e)]; ok && u > 10 {
			v = vagueWord{value: v.value * u, low: v.low * u, high: mulHigh(v.high, u)}
			e++
		} else if vw.needOf && sc.lw(e) != "of" {
			return n, false
		}
		n.vague = &v
		n.end = e
		return n, true
	}
	// Fractions: "half", "a third", "two-thirds", "three quarters".
	if f, e, ok := sc.fraction(k, modded); ok {
		n.value, n.end, n.pct = f, e, true
		return n, true
	}
	// Numbers.
	lim := sc.freeEnd[k]
	v, cnt, scaled := readNumber(sc.low[k:lim])
	if cnt == 0 {
		return n, false
	}
	n.value, n.end, n.scale, n.tokens = v, k+cnt, 1, cnt
	n.digits = isDigitWord(w)
	n.word1 = cnt == 1 && w == "one"
	if scaled {
		if m, ok := scaleWords[sc.low[k+cnt-1]]; ok {
			n.scale = m
		} else {
			n.scale = 100
		}
	}
	// Scale abbreviations: "3.5 bn", "€20m", "4.6m passengers".
	if n.digits && cnt == 1 && sc.ok(n.end) {
		ab := sc.low[n.end]
		if m, ok := scaleAbbrevs[ab]; ok {
			take := true
			if ab == "m" || ab == "k" {
				take = sc.adjacent(n.end-1) && (money || sc.countFollows(n.end+1))
			}
			if take {
				n.value *= m
				n.scale = m
				n.end++
			}
		}
	}
	// "one in four"
	if sc.lw(n.end) == "in" && n.value >= 1 && n.value <= 10 && n.value == math.Trunc(n.value) {
		if d, c2, _ := readNumber(sc.low[n.end+1 : sc.freeEnd[n.end]]); c2 > 0 && d > n.value && d <= 1000 {
			n.value = 100 * n.value / d
			n.end += 1 + c2
			n.pct = true
			n.word1 = false
		}
	}
	return n, true
}

func mulHigh(h, m float64) float64 {
	if h < 0 {
		return h
	}
	return h * m
}

// countFollows reports whether token k starts what a count in millions
// or a sum of money is of: a currency, a plural noun, "of".
func (sc *scanner) countFollows(k int) bool {
	if !sc.ok(k) {
		return false
	}
	w := sc.low[k]
	if _, ok := currencyNouns[w]; ok || currencyCodes[sc.toks[k].Text] || w == "of" {
		return true
	}
	if _, ok := currencyAdjectives[w]; ok {
		return true
	}
	if _, ok := units[w]; ok {
		return false
	}
	x := sc.xpos(k)
	if x == "NNS" || x == "NNPS" || w == "people" {
		return true
	}
	// "3.5m registered voters"
	if (sc.upos(k) == "ADJ" || sc.upos(k) == "PROPN") && (sc.xpos(k+1) == "NNS" || sc.lw(k+1) == "people") {
		return true
	}
	return false
}

// vagueWordAt matches a vague determiner at k.
func (sc *scanner) vagueWordAt(k int) (vagueWord, int, bool) {
	w := sc.low[k]
	if !vagueFirst[w] {
		return vagueWord{}, 0, false
	}
	key, e := w, k+1
	if (w == "a" || w == "an") && sc.ok(k+1) {
		key, e = "a "+sc.low[k+1], k+2
	}
	vw, ok := vagueWords[key]
	if !ok {
		return vagueWord{}, 0, false
	}
	switch w {
	case "many", "numerous", "multiple":
		// Only as a determiner: "many residents", "many of the …".
		if p := sc.lw(k - 1); p == "how" || p == "as" {
			return vagueWord{}, 0, false
		}
		nx := sc.lw(e)
		if nx == "more" || nx == "times" {
			return vagueWord{}, 0, false
		}
		u := sc.upos(e)
		if nx != "of" && u != "NOUN" && u != "ADJ" && u != "PROPN" && u != "NUM" {
			if _, ok := vaguePlural[nx]; !ok {
				return vagueWord{}, 0, false
			}
		}
	case "several":
		if sc.lw(e) == "times" {
			return vagueWord{}, 0, false
		}
	}
	return vw, e, true
}

// fraction reads "half", "a third", "two-thirds", "three quarters" as a
// percentage; modded says a modifier precedes ("nearly half").
func (sc *scanner) fraction(k int, modded bool) (float64, int, bool) {
	w := sc.low[k]
	prevBy := sc.lw(k-1) == "by"
	if w == "half" {
		nx := sc.lw(k + 1)
		if nx == "a" || nx == "an" {
			return 0, 0, false // "half a million" is a number
		}
		if nx == "of" || determiners[nx] && nx != "a" && nx != "an" || modded || prevBy {
			if sc.timeAfterOf(k + 1) {
				return 0, 0, false
			}
			return 50, k + 1, true
		}
		return 0, 0, false
	}
	var numer float64
	e := k + 1
	switch {
	case w == "a" || w == "an" || w == "one":
		numer = 1
	default:
		u, ok := unitWords[w]
		if !ok || u < 2 {
			return 0, 0, false
		}
		numer = u
	}
	hyph := false
	if sc.lw(e) == "-" || sc.lw(e) == "–" {
		hyph = true
		e++
	}
	fw := sc.lw(e)
	d, ok := fractionWords[fw]
	if !ok || d == 2 && fw != "halves" {
		return 0, 0, false
	}
	plural := strings.HasSuffix(fw, "s")
	if (numer == 1) == plural {
		return 0, 0, false
	}
	e++
	// "a third of the budget", "two-thirds", "fell by a quarter".
	if !(sc.lw(e) == "of" || hyph && plural || modded || prevBy) {
		return 0, 0, false
	}
	if sc.timeAfterOf(e) {
		return 0, 0, false
	}
	return 100 * numer / d, e, true
}

// timeAfterOf reports "of a century", "of an hour" at k.
func (sc *scanner) timeAfterOf(k int) bool {
	if sc.lw(k) != "of" {
		return false
	}
	k++
	if w := sc.lw(k); w == "a" || w == "an" || w == "the" {
		k++
	}
	return timeUnits[sc.lw(k)]
}

type rng struct {
	lo, hi float64
	end    int
	skip   bool
}

// rangeAfter reads the second half of a range after the first number n1,
// which starts at j (with its currency) and ends at k.
func (sc *scanner) rangeAfter(j, k int, n1 num, money, between bool) (rng, bool) {
	var r rng
	conn := sc.lw(k)
	switch conn {
	case "-", "–":
	case "to":
		if sc.lw(j-1) == "from" {
			return r, false // "from 10 to 15" is a change
		}
	case "and":
		if !between {
			return r, false
		}
	case "or":
	default:
		return r, false
	}
	e := k + 1
	if money {
		if _, ok := currencySymbols[sc.toksText(e)]; ok {
			e++
		}
	}
	if !sc.ok(e) {
		return r, false
	}
	n2, ok := sc.number(e, money, false)
	if !ok || n2.vague != nil || n2.pct {
		return r, false
	}
	lo, hi := n1.value, n2.value
	if n1.scale == 1 && n2.scale > 1 && lo < hi/n2.scale {
		lo *= n2.scale
	}
	switch conn {
	case "-", "–":
		if lo >= hi || lo <= 0 || hi <= 10 && scoreVerbs[sc.toks[max(j-1, 0)].Lemma] {
			// A score ("5-3") or a code: not a quantity.
			r.skip, r.end = true, n2.end
			return r, true
		}
	case "or":
		if lo >= hi || hi > 2*lo+2 {
			return r, false
		}
	default:
		if lo >= hi {
			return r, false
		}
	}
	r.lo, r.hi, r.end = lo, hi, n2.end
	return r, true
}

func (sc *scanner) toksText(i int) string {
	if !sc.ok(i) {
		return ""
	}
	return sc.toks[i].Text
}

// unitAfter reads a percent sign, a currency or a unit after the number
// and sets a's kind; it returns the end of the unit, and skip when the
// number turns out to be a time (a duration, an age, a clock time).
func (sc *scanner) unitAfter(a *amt) (int, bool) {
	k := a.end
	w := sc.lw(k)
	switch w {
	case "%", "percent", "pct", "pct.", "per-cent":
		a.percent, a.unit = true, "%"
		return k + 1, false
	case "per":
		if sc.lw(k+1) == "cent" {
			a.percent, a.unit = true, "%"
			return k + 2, false
		}
	case "percentage":
		if p := sc.lw(k + 1); p == "point" || p == "points" {
			a.percent, a.unit = true, "pp"
			return k + 2, false
		}
	case "basis":
		if p := sc.lw(k + 1); p == "point" || p == "points" {
			a.percent, a.unit = true, "bp"
			return k + 2, false
		}
	case "bp", "bps":
		a.percent, a.unit = true, "bp"
		return k + 1, false
	}
	// A hyphen joins a number to its unit in modifiers: "a 40-tonne
	// shipment", "a 45-year-old".
	if (w == "-" || w == "–") && sc.adjacent(k-1) && sc.adjacent(k) {
		u := sc.lw(k + 1)
		if timeUnits[u] && !a.money {
			return k + 2, true
		}
		if unit, ok := units[u]; ok && !a.money {
			a.unit = unit
			return k + 2, false
		}
		return k, false
	}
	if timeUnits[w] && !a.money {
		return k + 1, true
	}
	// Currency after the number, maybe with a national adjective.
	if code, ok := sc.currencyAt(k); ok {
		if a.money && code.code == "" {
			return code.end, false
		}
		a.money = true
		if code.code != "" || a.unit == "" {
			a.unit = code.code
		}
		return code.end, false
	}
	if a.money {
		return k, false
	}
	// Units of measure.
	if unit, e, ok := sc.unitAt(k); ok {
		a.unit = unit
		return e, false
	}
	return k, false
}

type currencyMatch struct {
	code string
	end  int
}

// currencyAt reads "manats", "US dollars", "Azerbaijani manats", "USD".
func (sc *scanner) currencyAt(k int) (currencyMatch, bool) {
	if !sc.ok(k) {
		return currencyMatch{}, false
	}
	if currencyCodes[sc.toks[k].Text] {
		return currencyMatch{sc.toks[k].Text, k + 1}, true
	}
	w := sc.low[k]
	adj := ""
	e := k
	if code, ok := currencyAdjectives[w]; ok {
		if _, ok := currencyNouns[sc.lw(k+1)]; ok {
			adj = code
			e = k + 1
			w = sc.low[e]
		}
	}
	code, ok := currencyNouns[w]
	if !ok {
		return currencyMatch{}, false
	}
	if (w == "pound" || w == "pounds") && adj == "" && (sc.lw(e+1) == "of" || sc.lw(e+1) == "(" && units[sc.lw(e+3)] == "kg") {
		return currencyMatch{}, false // weight: "20 pounds of sugar", "180 pounds (82 kg)"
	}
	if adj != "" {
		code = adj
	}
	return currencyMatch{code, e + 1}, true
}

// unitAt reads a unit of measure: "km", "square kilometres", "km/h",
// "degrees Celsius", "pounds of" (weight).
func (sc *scanner) unitAt(k int) (string, int, bool) {
	w := sc.lw(k)
	if w == "" {
		return "", 0, false
	}
	if p, ok := areaPrefix[w]; ok {
		if u, ok := units[sc.lw(k+1)]; ok && (u == "km" || u == "m" || u == "mi" || u == "ft" || u == "cm") {
			return u + p, k + 2, true
		}
		return "", 0, false
	}
	if w == "nautical" && strings.HasPrefix(sc.lw(k+1), "mile") {
		return "nmi", k + 2, true
	}
	if (w == "pounds" || w == "pound") && (sc.lw(k+1) == "of" || sc.lw(k+1) == "(" && units[sc.lw(k+3)] == "kg") {
		return "lb", k + 1, true
	}
	u, ok := units[w]
	if !ok {
		return "", 0, false
	}
	e := k + 1
	switch u {
	case "km", "mi", "m":
		if sc.lw(e) == "/" && (sc.lw(e+1) == "h" || sc.lw(e+1) == "hr") {
			return u + "/h", e + 2, true
		}
		if u == "m" && w == "m" && !sc.adjacent(k-1) {
			return "", 0, false // a lone "m" after a space is too ambiguous
		}
	case "deg":
		switch sc.lw(e) {
		case "celsius", "c", "centigrade":
			return "°C", e + 1, true
		case "fahrenheit", "f":
			return "°F", e + 1, true
		}
	}
	return u, e, true
}

// suffixMod reads "or so", "or more" after the quantity.
func (sc *scanner) suffixMod(k int) (modKind, int) {
	if w := sc.lw(k); w == "or" || w == "and" {
		if m, ok := suffixMods[w+" "+sc.lw(k+1)]; ok {
			// "10 or more than …" is not a suffix.
			if sc.lw(k+2) != "than" {
				return m, k + 2
			}
		}
	}
	return modNone, k
}

// vagueUnit reads "of dollars", "of tonnes" after a vague quantity
// ("millions of dollars").
func (sc *scanner) vagueUnit(a *amt) {
	k := a.end
	if sc.lw(k) != "of" {
		return
	}
	if c, ok := sc.currencyAt(k + 1); ok {
		a.money, a.unit, a.end = true, c.code, c.end
		a.anchor = c.end - 1
		return
	}
	if u, e, ok := sc.unitAt(k + 1); ok && sc.lw(k+1) != "m" {
		a.unit, a.end, a.anchor = u, e, e-1
	}
}
