package modality

// target is a clause framed by a speech verb, and a clause the record
// must not pass down to.
type target struct{ clause, except int }

// verb frames what the speech or stance verb at v governs. It reports
// whether it made a record.
func (f *finder) verb(v int, vc verbCue) bool {
	if f.negatedVerb(v) {
		return false // "did not deny that …" frames nothing
	}
	passive := f.isPassive(v)
	st := -1
	if passive {
		st = f.agent(v)
	} else {
		st = f.subject(v)
	}
	src := ""
	if st >= 0 {
		src = f.phrase(st, 0)
	} else if f.toks[v].UPOS == "NOUN" {
		src = f.leftNP(v)
	}
	if q := f.quoteSpeaker(f.toks[v].Span); q != "" {
		src = q
	}
	evid := attributed
	if st >= 0 && f.unnamed(st) {
		evid = reportedly
	}
	if vc.class == classPlead {
		return f.plead(v, src)
	}
	// A participle after a noun hedges that noun phrase: "the man
	// accused of spying", "a diplomat said to be close to the minister".
	if !f.isClause[v] && f.base[v] == "acl" && f.toks[v].XPOS == "VBN" && (vc.passive == alleged || vc.passive == reportedly) {
		if h := f.head[v]; h >= 0 && isNominalOrPron(f.toks[h].UPOS) {
			lo := min(f.subLo[h], h)
			sp := f.span(lo, f.subHi[v])
			f.nps = append(f.nps, f.npModality(sp, vc.passive, v, src))
			return true
		}
	}
	own := f.owner[v]
	if ts := f.complements(v); len(ts) > 0 {
		var kinds [2]string
		switch vc.class {
		case classSay, classAsk:
			kinds[0] = evid
			if passive && src == "" {
				kinds[0] = vc.passive
			}
		case classAllege, classClaim, classAccuse:
			kinds[0] = alleged
		case classDeny, classReject:
			kinds[0] = denied
		case classConfess, classConcede:
			kinds[0] = confessed
		}
		if kinds[0] == "" {
			return false
		}
		if kinds[0] != evid && src != "" {
			kinds[1] = evid
		}
		for _, t := range ts {
			for _, k := range kinds {
				if k != "" {
					r := f.tokRec(k, v, src, propAll)
					r.except = t.except
					f.add(t.clause, r)
				}
			}
		}
		return true
	}
	switch vc.class {
	case classSay, classAsk:
		if passive && src == "" && vc.passive != "" && f.hasChild(v, "xcomp") {
			f.add(own, f.tokRec(vc.passive, v, "", propComplement)) // "is said to have fled"
			return true
		}
	case classAllege:
		if passive {
			f.add(own, f.tokRec(alleged, v, src, propComplement))
			return true
		}
		if f.hasChild(v, "obj") {
			f.add(own, f.tokRec(alleged, v, src, propNone)) // "prosecutors allege fraud"
			return true
		}
	case classClaim:
		if f.hasChild(v, "xcomp") {
			f.add(own, f.tokRec(alleged, v, src, propComplement)) // "claimed to have"
			return true
		}
	case classAccuse:
		if passive || f.lemmas[v] != "charge" || f.withPhrase(v) {
			f.add(own, f.tokRec(alleged, v, src, propNone))
			return true
		}
	case classDeny:
		if !passive {
			f.add(own, f.tokRec(denied, v, src, propNone))
			f.objectContent(v, denied, src)
			return true
		}
	case classReject:
		if !passive && f.claimObject(v) {
			f.add(own, f.tokRec(denied, v, src, propNone))
			f.objectContent(v, denied, src)
			return true
		}
	case classConcede:
		if !passive && f.hasChild(v, "obj") {
			f.add(own, f.tokRec(confessed, v, src, propNone)) // "acknowledged the delays"
			return true
		}
	case classConfess:
		if !passive {
			f.add(own, f.tokRec(confessed, v, src, propNone))
			return true
		}
	}
	return false
}

// complements are the clauses a speech verb frames: its clausal
// complements; failing those, clauses it introduces after a colon or
// dash; failing those, for a parenthetical "…, he said, …", the clause it
// interrupts.
func (f *finder) complements(v int) []target {
	var ts []target
	for c := f.first[v]; c >= 0; c = f.next[c] {
		if f.isClause[c] && (f.base[c] == "ccomp" || f.base[c] == "xcomp" || c > v && f.markedThat(c)) {
			ts = append(ts, target{f.owner[c], -1})
		}
	}
	if len(ts) > 0 {
		return ts
	}
	for c := f.first[v]; c >= 0; c = f.next[c] {
		if f.isClause[c] && f.base[c] == "parataxis" && c > v {
			ts = append(ts, target{f.owner[c], -1})
		}
	}
	if len(ts) > 0 {
		return ts
	}
	if f.hasChild(v, "obj") {
		return nil
	}
	// "“…,” he said" with the quote parsed as a loose dependent.
	for c := f.first[v]; c >= 0 && c < v; c = f.next[c] {
		if f.isClause[c] && (f.base[c] == "parataxis" || f.base[c] == "advcl" || f.base[c] == "conj") && f.commaBetween(f.subHi[c], v) {
			ts = append(ts, target{f.owner[c], -1})
		}
	}
	if len(ts) > 0 {
		return ts
	}
	// "The deal, he said, is dead", "Three were held, police said".
	if h := f.head[v]; f.isClause[v] && h >= 0 && h < v {
		switch f.base[v] {
		case "parataxis", "conj", "advcl", "ccomp":
			if f.child(v, "nsubj") >= 0 && !f.hasChild(v, "xcomp") && !f.hasSubordinator(v) && (f.base[v] == "parataxis" || f.commaBetween(h, v)) {
				ts = append(ts, target{f.owner[h], f.owner[v]})
			}
		}
	}
	return ts
}

// commaBetween reports whether a comma, dash or quotation mark lies
// strictly between a and b, as in a parenthetical attribution.
func (f *finder) commaBetween(a, b int) bool {
	for j := a + 1; j < b && j < f.n; j++ {
		switch f.toks[j].Text {
		case ",", "—", "–", "-", "”", "\"", "’":
			return true
		}
	}
	return false
}

func (f *finder) isPassive(v int) bool {
	aux := false
	for c := f.first[v]; c >= 0; c = f.next[c] {
		switch f.rel[c] {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		}
		if f.base[c] == "aux" {
			aux = true
			if f.toks[v].XPOS == "VBN" && (f.lemmas[c] == "be" || f.lemmas[c] == "get") {
				return true
			}
		}
	}
	// a bare participle: "the man accused of …", "asked about …"
	return f.toks[v].XPOS == "VBN" && !aux && (f.base[v] == "acl" || f.base[v] == "advcl")
}

// agent is the noun of a "by" phrase under v (or one level down: the
// parser often hangs it on the participle's complement).
func (f *finder) agent(v int) int {
	for c := f.first[v]; c >= 0; c = f.next[c] {
		if f.isAgent(c) {
			return c
		}
	}
	for c := f.first[v]; c >= 0; c = f.next[c] {
		if f.isClause[c] || f.hasChild(c, "aux") && f.isPassive(c) {
			continue // a passive infinitive has its own agent
		}
		for g := f.first[c]; g >= 0; g = f.next[g] {
			if f.isAgent(g) {
				return g
			}
		}
	}
	return -1
}

func (f *finder) isAgent(j int) bool {
	if f.base[j] != "obl" || !isNominalOrPron(f.toks[j].UPOS) {
		return false
	}
	for c := f.first[j]; c >= 0; c = f.next[c] {
		if f.lower[c] == "by" && f.base[c] == "case" {
			return true
		}
	}
	return false
}

// subject is the speaker of v: its subject, the subject of the verb it
// is coordinated with or subordinated to ("…, adding that"), or the
// antecedent of a relative pronoun ("the minister, who said …").
func (f *finder) subject(v int) int {
	for d := 0; v >= 0 && d < 8; d++ {
		for c := f.first[v]; c >= 0; c = f.next[c] {
			if f.rel[c] != "nsubj" {
				continue
			}
			if x := f.toks[c].XPOS; x == "WP" || x == "WDT" || (f.lower[c] == "that" && f.toks[c].UPOS == "PRON") {
				if f.base[v] == "acl" && f.head[v] >= 0 {
					return f.head[v]
				}
				for j := c - 1; j >= 0; j-- {
					u := f.toks[j].UPOS
					if u == "PUNCT" {
						continue
					}
					if isNominalOrPron(u) {
						return j
					}
					break
				}
				return -1
			}
			return c
		}
		switch f.base[v] {
		case "conj", "xcomp", "advcl":
			v = f.head[v]
		case "acl":
			if h := f.head[v]; h >= 0 && isNominalOrPron(f.toks[h].UPOS) {
				return h
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

func (f *finder) withPhrase(v int) bool {
	for j := v + 1; j <= f.subHi[v]; j++ {
		if f.lower[j] == "with" && f.base[j] == "case" && f.owner[j] == f.owner[v] {
			return true
		}
	}
	return false
}

// claimObject reports whether reject, dismiss or dispute at v is aimed at
// a claim: "rejected the allegations", "a report it dismissed", "dismissed
// the account as false".
func (f *finder) claimObject(v int) bool {
	for c := f.first[v]; c >= 0; c = f.next[c] {
		if f.base[c] != "obj" {
			continue
		}
		if claimNouns[f.lemmas[c]] {
			return true
		}
		if x := f.toks[c].XPOS; (x == "WDT" || x == "WP" || f.lower[c] == "that") && f.base[v] == "acl" {
			if h := f.head[v]; h >= 0 && claimNouns[f.lemmas[h]] {
				return true
			}
		}
	}
	// "a charge it rejects": a relative clause without pronoun whose
	// missing object is the claim.
	if h := f.head[v]; f.base[v] == "acl" && h >= 0 && h < v && claimNouns[f.lemmas[h]] && !f.hasChild(v, "obj") {
		return true
	}
	for j := v + 1; j <= f.subHi[v]; j++ {
		if f.lower[j] != "as" {
			continue
		}
		k := j + 1
		for k < f.n && (f.toks[k].UPOS == "DET" || f.toks[k].UPOS == "ADV") {
			k++
		}
		if k < f.n && falsityWords[f.lemmas[k]] {
			return true
		}
	}
	return false
}

// objectContent passes a denial on to the content clause of the verb's
// object: "denied reports that he had fled".
func (f *finder) objectContent(v int, kind, src string) {
	for c := f.first[v]; c >= 0; c = f.next[c] {
		if f.base[c] != "obj" {
			continue
		}
		for g := f.first[c]; g >= 0; g = f.next[g] {
			if f.isClause[g] && (f.base[g] == "acl" || f.base[g] == "ccomp") && !f.clauses[f.owner[g]].relcl {
				f.add(f.owner[g], f.tokRec(kind, v, src, propAll))
			}
		}
	}
}

// plead handles "pleaded guilty" (confessed) and "pleaded not guilty",
// "pleaded innocent" (denied).
func (f *finder) plead(v int, src string) bool {
	neg := false
	for j := v + 1; j < f.n && j <= v+3; j++ {
		switch f.lower[j] {
		case "not", "n't":
			neg = true
		case "guilty", "innocent":
			kind := confessed
			if neg || f.lower[j] == "innocent" {
				kind = denied
			}
			r := rec{kind: kind, cue: f.textOf(v, j), cueSpan: f.span(v, j), source: src, prop: propNone, except: -1}
			f.add(f.owner[v], r)
			return true
		}
	}
	return false
}

// unnamed reports whether the source noun at n is an unnamed report:
// "reports", "local media", but not "the report" or "a UN report".
func (f *finder) unnamed(n int) bool {
	l := f.lemmas[n]
	if !reportNouns[l] {
		l = f.lower[n] // the tagger lemmatises "media" as "medium"
	}
	if !reportNouns[l] {
		return false
	}
	return l != "report" || f.toks[n].XPOS == "NNS"
}

// markedThat reports whether clause c opens with "that".
func (f *finder) markedThat(c int) bool {
	m := f.markOf(c)
	return m >= 0 && f.lower[m] == "that"
}

// negatedVerb reports whether v is negated by its own "not", "n't" or
// "never", or by its subject ("nobody", "no one", "neither candidate").
func (f *finder) negatedVerb(v int) bool {
	for c := f.first[v]; c >= 0; c = f.next[c] {
		switch {
		case f.base[c] == "advmod" && (f.lower[c] == "not" || f.lower[c] == "n't" || f.lower[c] == "never"):
			return true
		case f.base[c] == "nsubj":
			switch f.lower[c] {
			case "nobody", "none", "neither", "no-one":
				return true
			}
			for d := f.first[c]; d >= 0; d = f.next[d] {
				if f.base[d] == "det" && (f.lower[d] == "no" || f.lower[d] == "neither") {
					return true
				}
			}
		}
	}
	return false
}

// leftNP is the noun phrase right before v, for a verb the tagger read
// as a noun ("Police chief denies …").
func (f *finder) leftNP(v int) string {
	lo := v
	for j := v - 1; j >= 0; j-- {
		u := f.toks[j].UPOS
		if !isNominal(u) && u != "ADJ" && u != "DET" {
			break
		}
		lo = j
	}
	if lo == v {
		return ""
	}
	return f.textOf(lo, v-1)
}

// hasSubordinator reports whether v's clause opens with a subordinator
// or wh-word ("where he said", "when she told"), so it is no
// parenthetical attribution.
func (f *finder) hasSubordinator(v int) bool {
	for c := f.first[v]; c >= 0 && c < v; c = f.next[c] {
		if f.base[c] == "mark" || f.toks[c].XPOS == "WRB" {
			return true
		}
	}
	return false
}
