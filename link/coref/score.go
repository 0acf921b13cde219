package coref

import (
	"math"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Thresholds and limits; the package comment explains them.
const (
	// linkScore is the least pair score that proposes a merge.
	linkScore = 2.75
	// meanScore is the least mean pair score between two clusters that
	// are merged.
	meanScore = 1.5
	// maxGapDays is the most days the certain bounds of two placed
	// mentions of one event may lie apart.
	maxGapDays = 31
	// vetoScore: a pair of mentions scoring this low keeps their clusters
	// apart, whatever the mean.
	vetoScore = -2.5
	// genericWeeks: a participant seen in more distinct weeks than this
	// counts for less (see specificity).
	genericWeeks = 6
	// splitRatio: two exact counts of one article this far apart, one of
	// them distinctive, are two events (see distinctConflict).
	splitRatio = 2.5
)

// Outcomes of comparing one role of two mentions.
const (
	simNone     = iota // a side lacks the role
	simMatch           // a shared entity
	simPartial         // an entity and its part, or similar names
	simConflict        // different resolved entities
	simWeak            // different names, not all resolved
)

type weights struct{ match, partial, conflict, weak float64 }

var (
	wAgent   = weights{1.5, 0.75, -1.25, -0.5}
	wPatient = weights{1.5, 0.75, -0.75, 0}
	wPlace   = weights{1.0, 0.5, -0.5, -0.25}
	wPooled  = weights{2.0, 1.0, -1.0, -0.5}
	wName    = weights{2.0, 1.0, -2.0, -1.0}
)

func (w weights) of(kind int, spec float64) float64 {
	switch kind {
	case simMatch:
		return w.match * spec
	case simPartial:
		return w.partial * spec
	case simConflict:
		return w.conflict
	case simWeak:
		return w.weak
	}
	return 0
}

// scorer compares mentions.
type scorer struct {
	f []feat
	// up maps an entity to its parents (part_of, government_of).
	up map[string][]string
	// specE and specT weigh entity IDs and name words by how generic they
	// are; missing keys weigh 1.
	specE, specT map[string]float64
}

// specificity turns the number of distinct weeks a participant appears
// in into a weight: 1 up to genericWeeks, then less, at least 0.35.
func specificity(weeks int) float64 {
	if weeks <= genericWeeks {
		return 1
	}
	return math.Max(0.35, 1-0.25*math.Log2(float64(weeks)/genericWeeks))
}

func (s *scorer) spec(m map[string]float64, key string) float64 {
	if v, ok := m[key]; ok {
		return v
	}
	return 1
}

// ancestor reports whether b is a parent or grandparent of a.
func (s *scorer) ancestor(a, b string) bool {
	for _, p := range s.up[a] {
		if p == b {
			return true
		}
		for _, g := range s.up[p] {
			if g == b {
				return true
			}
		}
	}
	return false
}

func (s *scorer) related(a, b []string) bool {
	if len(s.up) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if s.ancestor(x, y) || s.ancestor(y, x) {
				return true
			}
		}
	}
	return false
}

// compare rates one role of two mentions; spec is the weight of a match.
func (s *scorer) compare(a, b *role) (kind int, spec float64) {
	if a.n == 0 || b.n == 0 {
		return simNone, 0
	}
	if n, first := common(a.ents, b.ents); n > 0 {
		return simMatch, s.spec(s.specE, first)
	}
	if s.related(a.ents, b.ents) {
		return simPartial, 1
	}
	if a.resolved && b.resolved {
		return simConflict, 0
	}
	if len(a.toks) == 0 || len(b.toks) == 0 {
		return simNone, 0
	}
	if n, first := common(a.toks, b.toks); n > 0 && 2*n >= min(len(a.toks), len(b.toks)) {
		return simPartial, s.spec(s.specT, first)
	}
	return simWeak, 0
}

// sharpness rates how much an overlap of intervals this wide says.
func sharpness(width int32) float64 {
	switch {
	case width <= 1:
		return 1
	case width <= 3:
		return 0.9
	case width <= 7:
		return 0.8
	case width <= 16:
		return 0.6
	case width <= 31:
		return 0.4
	case width <= 92:
		return 0.2
	}
	return 0.1
}

// timeScore rates the time of two placed mentions; block reports that
// they cannot be one event.
func timeScore(a, b *when) (score float64, block bool) {
	if gap(a.hard, b.hard) > maxGapDays {
		return 0, true
	}
	if a.basis == basisStated && b.basis == basisStated && a.soft.width() <= 7 && b.soft.width() <= 7 &&
		gap(a.soft, b.soft) > 7 {
		return 0, true // two precise dates more than a week apart
	}
	g := gap(a.soft, b.soft)
	sa, sb := a.basis == basisStated, b.basis == basisStated
	if g == 0 {
		switch {
		case sa && sb:
			return 2.5 * sharpness(max(a.soft.width(), b.soft.width())), false
		case a.soft.lo <= negInf && !sa || b.soft.lo <= negInf && !sb:
			return 0.25, false // a recap's open window
		case gap(a.core, b.core) == 0:
			w := 1.25
			if sa {
				w *= math.Min(1, sharpness(a.soft.width())/0.6)
			}
			if sb {
				w *= math.Min(1, sharpness(b.soft.width())/0.6)
			}
			return w, false
		}
		return 0, false // only in the tail of a publication window: no evidence
	}
	switch {
	case sa && sb && a.soft.width() <= 1 && b.soft.width() <= 1 && g <= 2:
		return 0.25, false // outlets disagree on the day
	case !sa || !sb:
		// Only a publication window says when: the report may be
		// background the extractor did not mark as a recap.
		return -0.5, false
	case g <= 7:
		return -1, false
	}
	return -1.5, false
}

// distinctive reports whether an exact count identifies an event: 10 or
// more and not round ("the 19", not "10,000 troops" or "two").
func distinctive(c []interval64) bool {
	for _, x := range c {
		if x.lo == x.hi && x.lo >= 10 && x.lo < 1e6 && x.lo == math.Trunc(x.lo) && math.Mod(x.lo, 10) != 0 {
			return true
		}
	}
	return false
}

// exactConflict reports two exact counts that differ, with no pair that
// agrees.
func exactConflict(a, b []interval64) bool {
	ok, _, known := countsCompatible(a, b)
	if ok || !known {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x.lo == x.hi && y.lo == y.hi {
				return true
			}
		}
	}
	return false
}

// countsCompatible reports whether two mentions' counts can be the same
// number, and whether they state the same exact number; known is false
// when a side has none.
func countsCompatible(a, b []interval64) (ok, same, known bool) {
	a, b = definite(a), definite(b)
	if len(a) == 0 || len(b) == 0 {
		return true, false, false
	}
	for _, x := range a {
		for _, y := range b {
			if x.lo == x.hi && x == y {
				return true, true, true
			}
			if x.lo <= y.hi+1e-9 && y.lo <= x.hi+1e-9 {
				ok = true
			}
		}
	}
	return ok, false, true
}

// definite drops vague counts ("dozens", "several"): outlets use them
// for a group another counts exactly, so they neither link nor split.
func definite(c []interval64) []interval64 {
	for i, x := range c {
		if x.vague {
			out := append([]interval64(nil), c[:i]...)
			for _, y := range c[i+1:] {
				if !y.vague {
					out = append(out, y)
				}
			}
			return out
		}
	}
	return c
}

// distinctConflict reports two exact counts far apart (a factor of
// splitRatio or more) of which one is distinctive: within one article,
// "five arrested" and "19 arrested" are two arrests, while "seven" and
// "twelve" may be two answers to one question.
func distinctConflict(a, b []interval64) bool {
	if !exactConflict(a, b) || !distinctive(a) && !distinctive(b) {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x.lo == x.hi && y.lo == y.hi && !x.vague && !y.vague && x.lo > 0 && y.lo > 0 &&
				max(x.lo, y.lo)/min(x.lo, y.lo) < splitRatio {
				return false
			}
		}
	}
	return true
}

// subset reports whether every word of a is in b; with prefix, a word of
// a may also begin a word of b that is at most three letters longer
// ("iran" in "iranian").
func subset(a, b []string, prefix bool) bool {
	if len(a) == 0 {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y || prefix && len(x) >= 4 && len(y) > len(x) && len(y)-len(x) <= 3 && y[:len(x)] == x {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// names reports whether a's agent is named among b's patients.
func names(a, b *feat, prefix bool) bool {
	if intersects(a.agent.ents, b.pat.ents) {
		return true
	}
	for _, x := range a.agent.args {
		for _, y := range b.pat.args {
			if subset(x, y, prefix) {
				return true
			}
		}
	}
	return false
}

// Verdicts on a pair of mentions.
const (
	canLink = iota // the score decides
	noLink         // no conflict, but too little evidence to link them directly
	blocked        // a hard rule keeps them apart
)

// pair scores two mentions of the same type.
func (s *scorer) pair(i, j int) (score float64, verdict int) {
	a, b := &s.f[i], &s.f[j]
	sym := symmetric(a.m.Type)
	sameDoc := a.doc == b.doc

	var agentK, patK, placeK, allK int
	var agentS, patS, placeS, allS float64
	placeK, placeS = s.compare(&a.place, &b.place)
	if sym {
		allK, allS = s.compare(&a.all, &b.all)
	} else {
		agentK, agentS = s.compare(&a.agent, &b.agent)
		patK, patS = s.compare(&a.pat, &b.pat)
		ab, ba := names(a, b, true), names(b, a, true)
		if ab && ba {
			return 0, blocked // agent and patient swapped
		}
		if (agentK == simConflict || agentK == simWeak) && (names(a, b, false) || names(b, a, false)) {
			return 0, blocked // the other's actor is this one's target
		}
	}
	countOK, countSame, countKnown := countsCompatible(a.counts, b.counts)
	if sameDoc && !a.recap && !b.recap && distinctConflict(a.counts, b.counts) {
		return 0, blocked // "five arrested" and "19 arrested" in one article
	}
	nameK, _ := s.compare(&a.name, &b.name)
	sameGroup := a.group != "" && a.group == b.group || a.lemma != "" && a.lemma == b.lemma
	shared, _ := common(a.words, b.words)

	unplaced := a.when.basis == basisUnplaced || b.when.basis == basisUnplaced
	if unplaced {
		if exactConflict(a.counts, b.counts) {
			return 0, blocked // "22 arrested" is not "seven arrested"
		}
		var strong bool
		if sym {
			n, _ := common(a.all.ents, b.all.ents)
			strong = n >= 2 || allK == simMatch && placeK == simMatch
		} else {
			strong = agentK == simMatch && (patK == simMatch || placeK == simMatch) ||
				// a recap names its event by what happened to whom, where
				// and how many: "the 19 workers detained in Feldmark"
				(a.recap || b.recap) && agentK != simConflict && (patK == simMatch || patK == simPartial) &&
					placeK == simMatch && countSame
		}
		if !strong && agentK != simConflict && patK != simConflict && allK != simConflict &&
			nameK != simConflict && nameK != simWeak {
			// What identifies an event without its date: its name, a
			// distinctive count ("the 19"), the same count of the same
			// people, or the same words for what they did.
			strong = nameK == simMatch || sameGroup && (countSame && distinctive(a.counts) ||
				countSame && (patK == simMatch || patK == simPartial) ||
				shared >= 2 && 10*shared >= 3*(len(a.words)+len(b.words)-shared))
		}
		if sameDoc && !strong {
			// Within one article a shared participant or trigger is enough.
			shared := agentK == simMatch || agentK == simPartial || patK == simMatch || patK == simPartial ||
				placeK == simMatch || allK == simMatch || allK == simPartial ||
				a.group != "" && a.group == b.group || a.lemma != "" && a.lemma == b.lemma
			// A distinctive count is a fingerprint: a mention that gives
			// another count ("more than a dozen" beside "the 22") needs
			// more than a shared word.
			fingerprint := countKnown && !countSame && (distinctive(a.counts) || distinctive(b.counts))
			strong = shared && agentK != simConflict && a.recap == b.recap && !fingerprint
		}
		if !strong {
			verdict = noLink
		}
		if sameDoc && a.when.basis == basisUnplaced && b.when.basis == basisUnplaced && !a.recap && !b.recap {
			score += 1.25 // one publication, dated or not: the core windows meet
		}
	} else {
		t, blk := timeScore(&a.when, &b.when)
		if blk {
			return 0, blocked
		}
		score += t
	}

	if sym {
		score += wPooled.of(allK, allS)
	} else {
		score += wAgent.of(agentK, agentS) + wPatient.of(patK, patS)
	}
	score += wPlace.of(placeK, placeS)
	score += wName.of(nameK, 1)

	if countKnown {
		recap := a.recap || b.recap
		if countSame && distinctive(a.counts) {
			score += 0.5 // "the 19": a fingerprint
		}
		// A distinctive count ("the 19") is a fingerprint that a
		// merely compatible figure ("more than a dozen") does not match.
		loose := !countSame && (distinctive(a.counts) || distinctive(b.counts))
		switch {
		case countSame && recap:
			score += 2
		case countOK && recap && loose:
			score += 0.5
		case countOK && recap:
			score += 1.5
		case countSame:
			score += 1.25
		case countOK && loose:
		case countOK:
			score += 1
		case recap:
			score -= 1.5
		default:
			score -= 0.5
		}
	}

	switch {
	case a.lemma != "" && a.lemma == b.lemma:
		score++
	case a.group != "" && a.group == b.group:
		score += 0.75
	case a.group != "" && b.group != "":
		score -= 0.5
	}

	if shared > 0 {
		score += float64(shared) / float64(len(a.words)+len(b.words)-shared)
	}

	// Two triggers of one sentence with one agent ("it busted a network
	// and arrested five") report one event.
	if sameDoc && a.m.Sentence == b.m.Sentence && !a.recap && !b.recap && !exactConflict(a.counts, b.counts) &&
		(agentK == simMatch || agentK == simPartial || sameAgentText(a.m, b.m)) {
		score += 3
	}

	if sameDoc {
		switch {
		case !a.recap && !b.recap && exactConflict(a.counts, b.counts):
			score -= 1 // one article, two exact counts: likely two events
		case !a.recap && !b.recap:
			score++
		case a.recap != b.recap:
			score -= 2
		}
	}
	return score, verdict
}

// sameAgentText reports whether two mentions name their agent with the
// same words ("it" and "it" in one sentence).
func sameAgentText(a, b *crosscheck.EventMention) bool {
	agent := func(m *crosscheck.EventMention) string {
		for _, x := range m.Arguments {
			if x.Role == crosscheck.RoleAgent {
				return strings.ToLower(strings.TrimSpace(x.Text))
			}
		}
		return ""
	}
	x, y := agent(a), agent(b)
	return x != "" && x == y
}
