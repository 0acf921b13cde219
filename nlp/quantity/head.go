package quantity

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// maxHead bounds the head noun phrase in tokens.
const maxHead = 8

// timeStarters begin a time expression after a quantity ("$85 last
// season"); they end a head noun phrase.
var timeStarters = map[string]bool{
	"last": true, "next": true, "previous": true, "past": true, "coming": true, "this": true, "same": true,
	"earlier": true, "later": true, "ago": true,
}

// findHead sets c.head to the noun phrase the quantity counts: the words
// that follow it, or follow "of" ("dozens of individuals"), or for money
// "for"/"in" ("$5m for road repairs", "$5m in aid"). The parse picks the
// head noun inside those words; without a usable parse the last noun
// does.
func (sc *scanner) findHead(c *cand) {
	k := c.end
	afterPrep := false
	switch w := sc.lw(k); {
	case w == "of":
		k++
		afterPrep = true
	case c.kind == crosscheck.QuantityMoney && w == "for":
		k++
		afterPrep = true
	case c.kind == crosscheck.QuantityMoney && w == "in":
		k++
		if determiners[sc.lw(k)] {
			return // "$5m in the region" is a place, not what was paid
		}
	}
	// "half the workers", "half their losses"
	if c.kind == crosscheck.QuantityPercent && k == c.end && (determiners[sc.lw(k)] || sc.xpos(k) == "PRP$") && sc.lw(k) != "a" && sc.lw(k) != "an" {
		afterPrep = true
	}
	if afterPrep {
		k = sc.skipDeterminers(k)
		// A possessor before the counted noun: "of the country's 9
		// million residents".
		for p := k; p < k+4 && sc.ok(p); p++ {
			if sc.xpos(p) == "POS" && p > k {
				k = sc.skipDeterminers(p + 1)
				break
			}
			if u := sc.upos(p); u != "NOUN" && u != "PROPN" && u != "ADJ" {
				break
			}
		}
	}
	e := k
	for e < sc.n && sc.free[e] && e-k < maxHead {
		w := sc.low[e]
		if isMonth(sc.toks[e].Text) || weekdays[w] || timeStarters[w] {
			break
		}
		u := sc.upos(e)
		nu := sc.upos(e + 1)
		good := false
		switch u {
		case "NOUN", "PROPN", "ADJ":
			good = true
		case "NUM":
			// A model number inside a name: "Boeing 737 aircraft".
			good = e > k && sc.upos(e-1) == "PROPN" && isDigitWord(w)
		case "VERB":
			x := sc.xpos(e)
			good = (x == "VBN" || x == "VBG") && (nu == "NOUN" || nu == "ADJ" || nu == "PROPN")
		case "ADV":
			good = nu == "ADJ" || nu == "VERB" && sc.xpos(e+1) == "VBN"
		}
		if !good && e > k && (w == "-" || w == "–") && sc.adjacent(e-1) && sc.adjacent(e) {
			good = true
		}
		if !good {
			break
		}
		e++
	}
	if e == k || e == k+1 && !sc.isNoun(k) {
		// An adjective used as a noun: "two of the injured".
		if afterPrep && sc.lw(k-1) == "the" && (sc.upos(k) == "ADJ" || sc.xpos(k) == "VBN") && !sc.isNoun(k+1) {
			c.head = [2]int{k, k + 1}
		}
		return
	}
	h := -1
	if t := sc.toks[c.anchor].Head; t >= k && t < e && sc.isNoun(t) {
		h = t
	} else {
		for t := k; t < e; t++ {
			r := sc.toks[t].Rel
			if sc.toks[t].Head == c.anchor && sc.isNoun(t) && (strings.HasPrefix(r, "nmod") || strings.HasPrefix(r, "obl")) {
				h = t
				break
			}
		}
	}
	if h >= 0 {
		// A compound's first word points on to the real head:
		// "Abrams tanks".
		for steps := 0; steps < maxHead; steps++ {
			t := sc.toks[h].Head
			r := sc.toks[h].Rel
			if t <= h || t >= e || !sc.isNoun(t) || !(r == "compound" || r == "flat" || r == "amod") {
				break
			}
			// A plural is rarely a modifier; more often the next
			// "noun" is a verb the tagger missed: "eggs cost more".
			if sc.xpos(h) == "NNS" && !strings.EqualFold(sc.toks[h].Text, sc.toks[h].Lemma) {
				break
			}
			h = t
		}
	} else {
		for t := e - 1; t >= k; t-- {
			if sc.isNoun(t) {
				h = t
				break
			}
		}
	}
	if h < 0 {
		return
	}
	c.head = [2]int{k, h + 1}
}

// skipDeterminers skips determiners, possessive pronouns and numbers at
// k: "of the 300 workers".
func (sc *scanner) skipDeterminers(k int) int {
	for sc.ok(k) && (determiners[sc.low[k]] || sc.xpos(k) == "PRP$" || sc.upos(k) == "NUM" || sc.upos(k) == "DET" ||
		(sc.low[k] == "-" && sc.upos(k+1) == "NUM")) {
		k++
	}
	return k
}

func (sc *scanner) isNoun(i int) bool {
	u := sc.upos(i)
	return u == "NOUN" || u == "PROPN"
}
