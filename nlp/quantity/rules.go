package quantity

import "strings"

// notQuantity applies the rules for dates, years, identifiers, names and
// phone numbers to the number at token k (after its modifier, with its
// currency from j).
func (sc *scanner) notQuantity(j, k int, a amt, n1 num, mod modKind) bool {
	if a.money || a.percent {
		return false
	}
	prev := sc.lw(j - 1)
	next := sc.lw(a.end)
	// Dates: "14 November", "November 14".
	if n1.value <= 31 && (isMonth(sc.toksText(j-1)) || isMonth(sc.toksText(a.end))) {
		return true
	}
	// Numbered parts: "day five", "round two", "Article 15".
	if mod == modNone && (numberedNouns[prev] || n1.digits && idNouns[prev]) && sc.xpos(a.end) != "NNS" {
		return true
	}
	if !n1.digits {
		return false
	}
	raw := sc.low[k]
	// Years: a bare four-digit number from 1000 to 2100.
	if len(raw) == 4 && n1.value >= 1000 && n1.value <= 2100 && n1.tokens == 1 && n1.scale == 1 {
		plural := sc.xpos(a.end) == "NNS" || sc.xpos(a.end+1) == "NNS" && sc.upos(a.end) == "ADJ"
		strong, cue := yearCues[prev]
		if strong || cue && !plural || isMonth(sc.toksText(j-1)) || prev == "," && (isMonth(sc.toksText(j-2)) || isMonth(sc.toksText(j-3))) {
			return true
		}
		// "the 2014 protests", "its 2022 budget"
		if mod == modNone && (prev == "the" || sc.xpos(j-1) == "PRP$" || sc.xpos(j-1) == "POS") {
			return true
		}
		if mod == modNone && a.unit == "" && !plural {
			return true
		}
	}
	if a.unit != "" {
		return false
	}
	// Reference marks: "[17]"; eras: "AD 394".
	if prev == "[" && next == "]" || prev == "ad" || prev == "a.d." {
		return true
	}
	// Phone numbers and other digit groups: "+44 20 7946 0958".
	if isDigitWord(next) || strings.HasPrefix(prev, "+") || isDigitWord(prev) && !a.isRange && mod == modNone {
		return true
	}
	// Names: "Boeing 737", "COVID-19", "Su-25", "Studio 54".
	if mod == modNone && j == k {
		p := j - 1
		if (prev == "-" || prev == "–") && sc.adjacent(p) && sc.adjacent(p-1) && isLetter(sc.lw(p-1)) {
			return true
		}
		name := sc.upos(p) == "PROPN" || sc.upos(p) == "NOUN" && p > 0 // "Studio 54", not "Police 19 …" at the start
		if name && !weekdays[prev] && !isMonth(sc.toksText(p)) && isCapital(sc.toksText(p)) {
			if sc.xpos(a.end) != "NNS" {
				return true
			}
		}
	}
	return false
}

func isMonth(raw string) bool {
	if raw == "" || raw[0] < 'A' || raw[0] > 'Z' {
		return false // "may" the verb
	}
	return months[strings.ToLower(raw)]
}

func isCapital(raw string) bool { return raw != "" && raw[0] >= 'A' && raw[0] <= 'Z' }

func isLetter(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
