// Package story groups events into stories and orders them on a
// timeline.
//
// # Stories
//
// A story is a cluster of related events and the articles that report
// them: an arrest and the court remand of the same group, a military
// exercise and the ambassador summoned over it. Every event belongs to
// exactly one story; an article belongs to every story one of whose
// events it reports.
//
// Two events are compared by
//
//	entities  weighted Dice overlap of their entity IDs          × 0.45
//	words     weighted Dice overlap of trigger lemmas and
//	          argument words (coref.Terms)                      × 0.2
//	articles  shared reporting documents, each 1 when both events
//	          are news there and 0.5 when one is only recapped,
//	          over the smaller number of documents (at most 1)   × 0.2
//	count     the same exact count ("the seven" arrested, then
//	          remanded)                                          × 0.15
//
// times a time factor: 1 for events at most 7 days apart, 0.85 within two
// weeks, 0.6 within a month, 0.35 within a quarter, 0.2 beyond, 0.8 when
// one is undated (an earlier sweep recapped in every report of a new one
// stays its own story). Entities and words are weighted by inverse document
// frequency over the events, ln((N+1)/df); hubs, present in more than a
// fifth of the events (and in at least five), weigh nothing: a country
// every report names links nothing.
//
// Stories are built agglomeratively: candidate pairs (sharing a non-hub
// entity, a rare word or a document) scoring at least 0.15 are merged
// best-first when the mean similarity over all pairs of the two clusters
// is at least 0.15 too (average link, so the side events of an article
// that touches two affairs do not chain them together).
//
// A story's title is its main event's (most documents reporting it as
// news rather than recap, then most documents, then most mentions, then
// earliest) without the type prefix; its ID is "S" and 16
// hex digits of the SHA-256 of the main event's ID; Begin and End bound
// its dated events. Stories come largest first.
package story

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/coref"
)

// Version names the story rules; it changes whenever they do.
const Version = "story/1"

// Thresholds; the package comment explains them.
const (
	linkSim = 0.15
	meanSim = 0.15
	// hubShare and hubMin define a hub: a key in more than hubShare of the
	// events and in at least hubMin of them.
	hubShare = 0.2
	hubMin   = 5
	// maxPosting: a key shared by more events than this proposes pairs
	// only between neighbours in time (window of them).
	maxPosting = 48
	window     = 24
	// maxSide bounds the events of each cluster compared at a merge.
	maxSide = 64
)

// item holds what comparing needs of one event.
type item struct {
	ev       *crosscheck.Event
	ents     []string // sorted
	words    []string // sorted
	news     map[string]bool
	docs     []string // sorted
	lo, hi   int32    // days; lo > hi when undated
	ordinal  int      // position in time order
	entW     float64
	wordW    float64
	entWs    []float64
	wordWs   []float64
	dated    bool
	mentions int
	// count is the exact count most of its mentions give, 0 if none.
	count float64
}

// Build groups events into stories. docs orders each story's documents
// by publication (unknown dates last); it may be nil.
func Build(events []crosscheck.Event, docs map[string]coref.Doc) []crosscheck.Story {
	if len(events) == 0 {
		return nil
	}
	evs := slices.Clone(events)
	coref.SortEvents(evs)
	items := make([]item, len(evs))
	for i := range evs {
		items[i] = newItem(&evs[i])
		items[i].ordinal = i
	}
	weigh(items)

	roots := agglomerate(items, candidates(items))
	groups := map[int][]int{}
	for i, r := range roots {
		groups[r] = append(groups[r], i)
	}
	stories := make([]crosscheck.Story, 0, len(groups))
	for _, members := range groups {
		slices.Sort(members)
		stories = append(stories, newStory(items, members, docs))
	}
	slices.SortFunc(stories, func(a, b crosscheck.Story) int {
		return cmp.Or(cmp.Compare(len(b.Docs), len(a.Docs)), cmp.Compare(len(b.Events), len(a.Events)),
			cmp.Compare(a.Begin, b.Begin), cmp.Compare(a.ID, b.ID))
	})
	return stories
}

func newItem(e *crosscheck.Event) item {
	it := item{ev: e, news: map[string]bool{}, mentions: len(e.Mentions)}
	it.ents = slices.Clone(e.Entities)
	slices.Sort(it.ents)
	it.ents = slices.Compact(it.ents)
	docSet := map[string]bool{}
	for _, d := range e.Docs {
		docSet[d] = true
	}
	for i := range e.Mentions {
		m := &e.Mentions[i]
		docSet[m.DocID] = true
		if !m.Recap {
			it.news[m.DocID] = true
		}
		if l := coref.Lemma(m.Trigger); l != "" {
			it.words = append(it.words, l)
		}
		it.words = append(it.words, coref.Terms(m)...)
	}
	slices.Sort(it.words)
	it.words = slices.Compact(it.words)
	it.count = modalCount(e)
	for d := range docSet {
		it.docs = append(it.docs, d)
	}
	slices.Sort(it.docs)
	it.lo, it.hi, it.dated = span(e.Begin, e.End)
	return it
}

// modalCount returns the exact count that most mentions of an event
// give (the smallest among ties), or 0.
func modalCount(e *crosscheck.Event) float64 {
	votes := map[float64]int{}
	for i := range e.Mentions {
		for _, a := range e.Mentions[i].Arguments {
			if q := a.Quantity; a.Role == crosscheck.RoleCount && q != nil && q.Low != nil && q.High != nil && *q.Low == *q.High && *q.Low > 0 {
				votes[*q.Low]++
			}
		}
	}
	var best float64
	for v, n := range votes {
		if n > votes[best] || n == votes[best] && v < best {
			best = v
		}
	}
	return best
}

// weigh sets inverse document frequency weights; hubs weigh 0.
func weigh(items []item) {
	n := len(items)
	dfE, dfW := map[string]int{}, map[string]int{}
	for i := range items {
		for _, e := range items[i].ents {
			dfE[e]++
		}
		for _, w := range items[i].words {
			dfW[w]++
		}
	}
	idf := func(df int) float64 {
		if df >= hubMin && float64(df) > hubShare*float64(n) {
			return 0
		}
		return math.Log(float64(n+1) / float64(df))
	}
	for i := range items {
		it := &items[i]
		it.entWs = make([]float64, len(it.ents))
		for k, e := range it.ents {
			it.entWs[k] = idf(dfE[e])
			it.entW += it.entWs[k]
		}
		it.wordWs = make([]float64, len(it.words))
		for k, w := range it.words {
			it.wordWs[k] = idf(dfW[w])
			it.wordW += it.wordWs[k]
		}
	}
}

// dice returns the weighted Dice overlap of two sorted key lists.
func dice(a, b []string, wa, wb []float64, ta, tb float64) float64 {
	if ta+tb == 0 {
		return 0
	}
	var shared float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			shared += wa[i] + wb[j]
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return shared / (ta + tb)
}

// timeFactor discounts events far apart in time.
func timeFactor(a, b *item) float64 {
	if !a.dated || !b.dated {
		return 0.8
	}
	var g int32
	switch {
	case a.hi < b.lo:
		g = b.lo - a.hi
	case b.hi < a.lo:
		g = a.lo - b.hi
	}
	switch {
	case g <= 7:
		return 1
	case g <= 14:
		return 0.85
	case g <= 31:
		return 0.6
	case g <= 92:
		return 0.35
	}
	return 0.2
}

// similarity rates how related two events are, from 0 to 1.
func similarity(a, b *item) float64 {
	ent := dice(a.ents, b.ents, a.entWs, b.entWs, a.entW, b.entW)
	words := dice(a.words, b.words, a.wordWs, b.wordWs, a.wordW, b.wordW)
	var shared float64
	i, j := 0, 0
	for i < len(a.docs) && j < len(b.docs) {
		switch {
		case a.docs[i] == b.docs[j]:
			d := a.docs[i]
			if a.news[d] && b.news[d] {
				shared++
			} else {
				shared += 0.5
			}
			i++
			j++
		case a.docs[i] < b.docs[j]:
			i++
		default:
			j++
		}
	}
	var docs float64
	if n := min(len(a.docs), len(b.docs)); n > 0 {
		docs = math.Min(1, shared/float64(n))
	}
	var count float64
	if a.count > 0 && a.count == b.count {
		count = 1
	}
	return (0.45*ent + 0.2*words + 0.2*docs + 0.15*count) * timeFactor(a, b)
}

// candidates returns event pairs (i<j, as i<<32|j) that share a non-hub
// entity, a word of weight or a document.
func candidates(items []item) []uint64 {
	post := map[string][]int{}
	for i := range items {
		it := &items[i]
		for k, e := range it.ents {
			if it.entWs[k] > 0 {
				post["e\x00"+e] = append(post["e\x00"+e], i)
			}
		}
		for k, w := range it.words {
			if it.wordWs[k] > 0 {
				post["w\x00"+w] = append(post["w\x00"+w], i)
			}
		}
		for _, d := range it.docs {
			post["d\x00"+d] = append(post["d\x00"+d], i)
		}
	}
	var pairs []uint64
	for _, list := range post {
		// Items are in time order already, so a long list pairs
		// neighbours in time.
		for x := range list {
			for y := x + 1; y < len(list); y++ {
				if len(list) > maxPosting && y > x+window {
					break
				}
				pairs = append(pairs, uint64(list[x])<<32|uint64(list[y]))
			}
		}
	}
	slices.Sort(pairs)
	return slices.Compact(pairs)
}

// agglomerate merges events best pair first (average link) and returns
// each event's cluster root.
func agglomerate(items []item, pairs []uint64) []int {
	type prop struct {
		i, j int
		sim  float64
	}
	var props []prop
	for _, p := range pairs {
		i, j := int(p>>32), int(uint32(p))
		if s := similarity(&items[i], &items[j]); s >= linkSim {
			props = append(props, prop{i, j, s})
		}
	}
	slices.SortFunc(props, func(a, b prop) int {
		return cmp.Or(cmp.Compare(b.sim, a.sim), cmp.Compare(a.i, b.i), cmp.Compare(a.j, b.j))
	})
	parent := make([]int, len(items))
	members := make([][]int, len(items))
	for i := range parent {
		parent[i] = i
		members[i] = []int{i}
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, p := range props {
		ra, rb := find(p.i), find(p.j)
		if ra == rb {
			continue
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		if mean(items, members[ra], members[rb]) < meanSim {
			continue
		}
		parent[rb] = ra
		members[ra] = append(members[ra], members[rb]...)
		members[rb] = nil
	}
	roots := make([]int, len(items))
	for i := range roots {
		roots[i] = find(i)
	}
	return roots
}

// mean is the mean similarity over the pairs of two clusters (sampled
// evenly for large ones).
func mean(items []item, a, b []int) float64 {
	sa, sb := (len(a)+maxSide-1)/maxSide, (len(b)+maxSide-1)/maxSide
	var sum float64
	var n int
	for x := 0; x < len(a); x += sa {
		for y := 0; y < len(b); y += sb {
			sum += similarity(&items[a[x]], &items[b[y]])
			n++
		}
	}
	return sum / float64(n)
}

func newStory(items []item, members []int, docs map[string]coref.Doc) crosscheck.Story {
	main := members[0]
	for _, i := range members[1:] {
		a, b := &items[i], &items[main]
		if c := cmp.Or(cmp.Compare(len(a.news), len(b.news)), cmp.Compare(len(a.docs), len(b.docs)),
			cmp.Compare(a.mentions, b.mentions)); c > 0 {
			main = i
		}
	}
	sum := sha256.Sum256([]byte(items[main].ev.ID))
	st := crosscheck.Story{ID: "S" + hex.EncodeToString(sum[:8]), Title: storyTitle(items[main].ev)}
	seen := map[string]bool{}
	for _, i := range members {
		e := items[i].ev
		st.Events = append(st.Events, e.ID)
		for _, d := range items[i].docs {
			if !seen[d] {
				seen[d] = true
				st.Docs = append(st.Docs, d)
			}
		}
		if e.Begin != "" && (st.Begin == "" || e.Begin < st.Begin) {
			st.Begin = e.Begin
		}
		if e.End != "" && e.End > st.End {
			st.End = e.End
		}
	}
	slices.SortFunc(st.Docs, func(a, b string) int {
		pa, pb := docs[a].Published, docs[b].Published
		if pa.Known() != pb.Known() {
			if pa.Known() {
				return -1
			}
			return 1
		}
		return cmp.Or(pa.Time.Compare(pb.Time), cmp.Compare(a, b))
	})
	return st
}

// storyTitle is the main event's title without its "TYPE: " prefix.
func storyTitle(e *crosscheck.Event) string {
	if rest, ok := strings.CutPrefix(e.Title, e.Type+": "); ok {
		return rest
	}
	return e.Title
}
