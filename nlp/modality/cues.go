package modality

import "github.com/crosscheck/crosscheck"

// Cue words other than speech verbs (verbs.go): hedges on noun phrases,
// adverbs, modals, conditions, negation, questions, "according to" and
// nouns with content clauses.

// isNPCue reports whether the adjective at i modifies a following noun.
func (f *finder) isNPCue(i int, c npCue) bool {
	if f.toks[i].UPOS == "NOUN" && !(i+1 < f.n && isNominal(f.toks[i+1].UPOS)) {
		return false
	}
	noun := false
	for j := i + 1; j < f.n; j++ {
		u := f.toks[j].UPOS
		if isNominal(u) {
			noun = true
			break
		}
		if u != "ADJ" && u != "NUM" && u != "SYM" {
			break
		}
	}
	if !noun {
		return false
	}
	if i == 0 {
		return !c.strict
	}
	p := &f.toks[i-1]
	switch {
	case p.UPOS == "DET" || p.UPOS == "NUM" || p.UPOS == "ADJ" || p.XPOS == "PRP$" || p.XPOS == "POS":
		return true
	case c.strict:
		return false
	}
	switch p.UPOS {
	case "ADP", "CCONJ", "SCONJ", "VERB", "PUNCT":
		return true
	}
	return false
}

// cue looks at token i for a word cue.
func (f *finder) cue(i int) {
	t := &f.toks[i]
	w := f.lower[i]
	if f.np[i] {
		f.npRecord(i, npCues[w].kind)
		return
	}
	if vc, ok := verbCues[f.lemmas[i]]; ok && f.verbish(i) {
		if f.verb(i, vc) {
			return
		}
	}
	if c, ok := npCues[w]; ok && c.kind == alleged && (t.UPOS == "VERB" || t.UPOS == "ADJ") {
		// A hedge word the parse did not place: hedge its clause.
		f.add(f.owner[i], f.tokRec(alleged, i, "", propComplement))
		return
	}
	switch {
	case w == "according" && i+1 < f.n && f.lower[i+1] == "to":
		f.accordingTo(i)
	case adverbCues[w] != "" && t.UPOS == "ADV":
		f.add(f.owner[i], f.tokRec(adverbCues[w], i, "", propComplement))
	case predicateCues[w] && t.UPOS == "ADJ" && (f.isClause[i] || f.hasChild(i, "cop") || f.base[i] == "xcomp"):
		f.add(f.owner[i], f.tokRec(hypothetical, i, "", propComplement))
	case modalCues[w] && (t.XPOS == "MD" || t.UPOS == "AUX"):
		f.modal(i)
	case markCues[w] && (t.UPOS == "SCONJ" || f.base[i] == "mark") && !(i > 0 && f.lower[i-1] == "as"):
		f.condition(i)
	case negCues[w] && t.UPOS != "INTJ" && f.negation(i):
		f.add(f.owner[i], f.tokRec(negated, i, "", propNone))
	}
}

// npRecord hedges the noun phrase around the adjective at i.
func (f *finder) npRecord(i int, kind string) {
	lo := i
	for j := i - 1; j >= 0; j-- {
		t := &f.toks[j]
		if t.UPOS == "DET" || t.UPOS == "NUM" || t.UPOS == "ADJ" || t.XPOS == "PRP$" || t.XPOS == "POS" ||
			(j+1 < i && f.toks[j+1].XPOS == "POS") {
			lo = j
			continue
		}
		break
	}
	hi := i
	for j := i + 1; j < f.n; j++ {
		u := f.toks[j].UPOS
		if isNominal(u) {
			hi = j
			continue
		}
		if u != "ADJ" && u != "NUM" && u != "SYM" {
			break
		}
	}
	f.nps = append(f.nps, crosscheck.Modality{Span: f.span(lo, hi), Sentence: f.sent.Index, Kind: kind,
		Cue: f.toks[i].Text, CueSpan: f.toks[i].Span})
}

// negation reports whether the negative word at i negates its clause.
func (f *finder) negation(i int) bool {
	w := f.lower[i]
	next := func(k int) string {
		if i+k < f.n {
			return f.lower[i+k]
		}
		return ""
	}
	switch w {
	case "no":
		switch next(1) {
		case "more", "fewer", "less", "later", "sooner", "earlier":
			return next(2) != "than" && next(3) != "than"
		case "doubt":
			return false
		}
	case "not", "n't":
		switch next(1) {
		case "only", "least", "just", "merely", "simply":
			return false
		case "guilty":
			return !f.pleadNear(i)
		case "to":
			return next(2) != "mention"
		}
		if i > 0 && (f.lower[i-1] == "if" || (f.lower[i-1] == "or" && i > 1 && f.lower[i-2] != "either")) {
			return false
		}
	}
	return true
}

func (f *finder) pleadNear(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if f.lemmas[j] == "plead" {
			return true
		}
	}
	return false
}

// modal hedges the clause of a modal auxiliary, except for refusals
// ("would not comment") and for "would" as the past of "will" in reported
// speech ("said it would appeal").
func (f *finder) modal(i int) {
	w := f.lower[i]
	j := i + 1
	neg := false
	if j < f.n && (f.lower[j] == "not" || f.lower[j] == "n't") {
		j, neg = j+1, true
	}
	if j < f.n && f.lower[j] == "be" {
		j++
	}
	if neg && (w == "would" || w == "could") && j < f.n && refusalVerbs[f.lemmas[j]] {
		return
	}
	k := f.owner[i]
	if w == "would" {
		h := f.clauses[k].head
		if hh := f.head[h]; hh >= 0 && f.base[h] != "advcl" && f.toks[hh].XPOS != "VBZ" && f.toks[hh].XPOS != "VBP" {
			if _, ok := verbCues[f.lemmas[hh]]; ok && !f.hasCondition(h) {
				return
			}
		}
	}
	f.add(k, f.tokRec(hypothetical, i, "", propComplement))
}

func (f *finder) hasCondition(h int) bool {
	for j := f.subLo[h]; j <= f.subHi[h]; j++ {
		if f.lower[j] == "if" || f.lower[j] == "unless" {
			return true
		}
	}
	return false
}

// condition handles "if", "unless" and "whether".
func (f *finder) condition(i int) {
	k := f.owner[i]
	c := &f.clauses[k]
	w := f.lower[i]
	h := c.head
	if c.rel == "ccomp" || c.rel == "csubj" || c.rel == "xcomp" {
		if hh := f.head[h]; hh >= 0 && verbCues[f.lemmas[hh]].class == classAsk {
			f.add(k, f.tokRec(questioned, i, "", propComplement))
			return
		}
	}
	f.add(k, f.tokRec(hypothetical, i, "", propComplement))
	// The consequence of a condition is hypothetical too.
	if w != "whether" && c.rel == "advcl" && f.head[i] == h && c.parent >= 0 {
		f.add(c.parent, f.tokRec(hypothetical, i, "", propComplement))
	}
}

// question marks the clause asked by the question mark at q.
func (f *finder) question(q int) {
	j := q - 1
	for j >= 0 && f.toks[j].UPOS == "PUNCT" {
		j--
	}
	if j < 0 {
		return
	}
	start := 0
	for b := j; b >= 0; b-- {
		if t := f.toks[b].Text; t == ":" || t == "“" || t == "\"" || t == "‘" || t == "«" || t == "?" || t == ";" {
			if b < j {
				start = b + 1
				break
			}
		}
	}
	k := f.owner[j]
	for f.subLo[f.clauses[k].head] > start && f.clauses[k].parent >= 0 {
		k = f.clauses[k].parent
	}
	f.add(k, f.tokRec(questioned, q, "", propComplement))
}

// accordingTo attributes the clause of "according to X" to X.
func (f *finder) accordingTo(i int) {
	n := -1
	if h := f.head[i]; h > i+1 && isNominalOrPron(f.toks[h].UPOS) {
		n = h
	} else {
		for j := i + 2; j < f.n && j < i+12; j++ {
			if isNominalOrPron(f.toks[j].UPOS) {
				n = j
				for h := f.head[n]; h > n && h < i+12 && isNominal(f.toks[h].UPOS); h = f.head[n] {
					n = h
				}
				break
			}
		}
	}
	r := rec{kind: attributed, cue: f.textOf(i, i+1), cueSpan: f.span(i, i+1), prop: propAll, except: -1}
	k := f.owner[i]
	if n >= 0 {
		lo, hi := f.phraseRange(n, i+2)
		for lo > i+2 && f.toks[lo-1].UPOS != "PUNCT" {
			lo-- // words the tagger misread: "according to aid workers"
		}
		r.source = f.textOf(lo, hi)
		if f.unnamed(n) {
			r.kind = reportedly
		}
		k = f.owner[n]
	}
	if sp := f.quoteSpeaker(r.cueSpan); sp != "" {
		r.source = sp
	}
	f.add(k, r)
}

// phrase is the text of the noun phrase headed by h, without appositions,
// relative clauses or anything after a comma, and not before from.
func (f *finder) phrase(h, from int) string {
	lo, hi := f.phraseRange(h, from)
	return f.textOf(lo, hi)
}

func (f *finder) phraseRange(h, from int) (lo, hi int) {
	lo, hi = h, h
	for j := h - 1; j >= from && j >= f.subLo[h]; j-- {
		t := &f.toks[j]
		if t.UPOS == "PUNCT" && t.XPOS != "HYPH" || f.head[j] == h && (f.base[j] == "case" || f.base[j] == "mark" || f.base[j] == "cc") {
			break
		}
		lo = j
	}
	for j := h + 1; j <= f.subHi[h]; j++ {
		t := &f.toks[j]
		if t.UPOS == "PUNCT" && t.XPOS != "HYPH" || t.XPOS == "POS" || f.isClause[j] || (f.head[j] == h && (f.base[j] == "appos" || f.base[j] == "acl" || f.base[j] == "parataxis")) {
			break
		}
		hi = j
	}
	return lo, hi
}

// nounContent frames content clauses of nouns such as "claims that …".
func (f *finder) nounContent() {
	for k := range f.clauses {
		c := &f.clauses[k]
		if c.relcl || (c.rel != "acl" && c.rel != "ccomp") {
			continue
		}
		n := f.head[c.head]
		if n < 0 || !isNominal(f.toks[n].UPOS) {
			continue
		}
		kind := nounCues[f.lemmas[n]]
		if kind == "" {
			continue
		}
		src := ""
		if p := f.child(n, "nmod:poss"); p >= 0 {
			src = f.phrase(p, 0)
		}
		f.add(k, f.tokRec(kind, n, src, propAll))
	}
}

func (f *finder) npModality(sp crosscheck.Span, kind string, cue int, src string) crosscheck.Modality {
	return crosscheck.Modality{Span: sp, Sentence: f.sent.Index, Kind: kind, Cue: f.toks[cue].Text, CueSpan: f.toks[cue].Span, Source: src}
}
