package timex

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// tense reads the tense of the clause that holds tokens [i, j): -1 past
// (VBD, or VBN with "has", "had", "was"), +1 future (a modal such as
// "will", a present progressive "is meeting", a to-infinitive "plans to
// meet"), 0 present or unknown. With a dependency parse it reads the verb
// that governs the expression; without one, the nearest verb.
func tense(toks []crosscheck.Token, i, j int) int {
	if i < 0 || j > len(toks) || i >= j {
		return 0
	}
	if parsed(toks) {
		if t, ok := tenseParsed(toks, i, j); ok {
			return t
		}
	}
	return tenseNearby(toks, i, j)
}

// parsed reports whether the sentence has a dependency tree (the
// tokenizer leaves every Head at -1).
func parsed(toks []crosscheck.Token) bool {
	for _, t := range toks {
		if t.Head >= 0 {
			return true
		}
	}
	return false
}

func isVerb(t *crosscheck.Token) bool {
	return t.UPOS == "VERB" || (t.UPOS == "" && strings.HasPrefix(t.XPOS, "VB"))
}

func isModal(t *crosscheck.Token) bool {
	if t.XPOS == "MD" {
		return true
	}
	switch strings.ToLower(t.Text) {
	case "will", "'ll", "’ll", "shall", "wo":
		return true
	}
	return false
}

func tenseParsed(toks []crosscheck.Token, i, j int) (int, bool) {
	// The head of the expression: its token whose head lies outside it.
	h := -1
	for k := i; k < j; k++ {
		hd := toks[k].Head
		if hd < i || hd >= j {
			h = k
			break
		}
	}
	if h < 0 {
		return 0, false
	}
	v := h
	for steps := 0; steps < len(toks); steps++ {
		if v != h && isVerb(&toks[v]) {
			break
		}
		next := toks[v].Head
		if next < 0 || next >= len(toks) {
			break
		}
		v = next
	}
	// v is the governing verb, or the root when none was found (a
	// copular clause: "The vote was on Monday" has "Monday" as root).
	var aux []*crosscheck.Token
	infinitive := false
	for k := range toks {
		if toks[k].Head != v {
			continue
		}
		switch toks[k].Rel {
		case "aux", "aux:pass", "cop":
			aux = append(aux, &toks[k])
		case "mark":
			if strings.EqualFold(toks[k].Text, "to") {
				infinitive = true
			}
		}
	}
	for _, a := range aux {
		if isModal(a) {
			return 1, true
		}
	}
	vt := &toks[v]
	for _, a := range aux {
		if a.XPOS == "VBD" {
			return -1, true
		}
	}
	switch vt.XPOS {
	case "VBD":
		return -1, true
	case "VBN":
		// "has said", "released Monday": past; "is expected": a
		// present passive.
		for _, a := range aux {
			if isHave(a) {
				return -1, true
			}
		}
		if len(aux) > 0 {
			return 0, true
		}
		return -1, true
	case "VBG":
		for _, a := range aux {
			if a.XPOS == "VBZ" || a.XPOS == "VBP" {
				return 1, true
			}
		}
	case "VB":
		if infinitive {
			return 1, true
		}
		for _, a := range aux {
			if a.XPOS == "VBZ" || a.XPOS == "VBP" {
				return 0, true
			}
		}
	}
	if !isVerb(vt) && len(aux) == 0 {
		return 0, false
	}
	return 0, true
}

// tenseNearby reads the verb nearest to the expression, left first on a
// tie, with the auxiliaries just before it.
func tenseNearby(toks []crosscheck.Token, i, j int) int {
	best := -1
	for d := 1; d < len(toks); d++ {
		if l := i - d; l >= 0 && isVerbish(&toks[l]) {
			best = l
			break
		}
		if r := j - 1 + d; r < len(toks) && isVerbish(&toks[r]) {
			best = r
			break
		}
		if i-d < 0 && j-1+d >= len(toks) {
			break
		}
	}
	if best < 0 {
		return 0
	}
	v := &toks[best]
	if isModal(v) {
		return 1
	}
	// Look back over adverbs and "not" for auxiliaries.
	for k := best - 1; k >= 0 && k >= best-3; k-- {
		t := &toks[k]
		if isModal(t) {
			return 1
		}
		if t.XPOS == "VBD" {
			return -1
		}
		if strings.EqualFold(t.Text, "to") && v.XPOS == "VB" {
			return 1
		}
		if (t.XPOS == "VBZ" || t.XPOS == "VBP") && v.XPOS == "VBG" {
			return 1
		}
		if t.XPOS == "VBZ" || t.XPOS == "VBP" {
			if v.XPOS == "VBN" && isHave(t) {
				return -1
			}
			return 0
		}
	}
	switch v.XPOS {
	case "VBD", "VBN":
		return -1
	}
	return 0
}

// isHave reports a form of the auxiliary "have".
func isHave(t *crosscheck.Token) bool {
	switch strings.ToLower(t.Text) {
	case "has", "have", "had", "'ve", "’ve", "'d", "’d":
		return true
	}
	return t.Lemma == "have"
}

func isVerbish(t *crosscheck.Token) bool {
	return strings.HasPrefix(t.XPOS, "VB") || t.XPOS == "MD"
}
