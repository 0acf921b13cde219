package score

import (
	"fmt"
	"strconv"

	"github.com/crosscheck/crosscheck"
)

// Evaluation rates a linked graph against the gold.
type Evaluation struct {
	Scores
	// Mentions rates mention detection alone: matched system mentions
	// over the system mentions scored (precision) and over the gold
	// mentions (recall).
	Mentions PRF `json:"mentions"`
	// GoldMentions, SystemMentions and Matched count the mentions scored.
	GoldMentions   int `json:"gold_mentions"`
	SystemMentions int `json:"system_mentions"`
	Matched        int `json:"matched"`
	// Dropped counts system clusters left out because none of their
	// mentions is in the gold (see EvaluateEntities).
	Dropped int `json:"dropped"`
}

// String renders the scores and the mention counts on one line.
func (e Evaluation) String() string {
	return fmt.Sprintf("%v | mentions %v (%d gold, %d system, %d matched, %d clusters outside the gold)",
		e.Scores, e.Mentions, e.GoldMentions, e.SystemMentions, e.Matched, e.Dropped)
}

// EvaluateEntities scores the graph's entities against the gold's. Gold
// mentions are placed in docs (see Gold.Resolve) and system mentions
// (EntityRef DocID and Span) are matched to them by overlap (see Match).
//
// The gold lists the main actors only and no pronouns, so the response
// is restricted to what the gold can judge: system mentions in documents
// outside the gold's articles and pronoun mentions are ignored, and a
// system entity none of whose mentions matches a gold mention is left
// out (counted in Dropped). The other unmatched system mentions stay, as
// twinless response mentions, so linking a wrong span to a gold entity
// costs precision.
func EvaluateEntities(g *Gold, graph *crosscheck.Graph, docs []crosscheck.Document) (Evaluation, error) {
	r, err := g.Resolve(docs)
	if err != nil {
		return Evaluation{}, err
	}
	inGold := docSet(r)
	var gold []Located
	var key Clustering
	for _, locs := range r.Entities {
		var cl []Mention
		for _, l := range locs {
			cl = append(cl, goldKey(len(gold)))
			gold = append(gold, l)
		}
		key = append(key, cl)
	}
	var sys []Located
	var owner []int
	for i, e := range graph.Entities {
		for _, m := range e.Mentions {
			if m.Kind == crosscheck.RefPronoun || !inGold[m.DocID] {
				continue
			}
			sys = append(sys, Located{Doc: m.DocID, Span: m.Span})
			owner = append(owner, i)
		}
	}
	return evaluate(key, len(graph.Entities), owner, Match(gold, sys)), nil
}

// EvaluateEvents scores the graph's events against the gold's. A system
// event mention matches a gold one when their trigger spans overlap (see
// Match), or else when its trigger (its span, if it has no trigger) lies
// inside the gold mention's snippet and both have the same event type.
// The response is restricted as in EvaluateEntities.
func EvaluateEvents(g *Gold, graph *crosscheck.Graph, docs []crosscheck.Document) (Evaluation, error) {
	r, err := g.Resolve(docs)
	if err != nil {
		return Evaluation{}, err
	}
	inGold := docSet(r)
	var gold []LocatedEvent
	var goldType []string
	var key Clustering
	for i, locs := range r.Events {
		var cl []Mention
		for _, l := range locs {
			cl = append(cl, goldKey(len(gold)))
			gold = append(gold, l)
			goldType = append(goldType, g.Events[i].Type)
		}
		key = append(key, cl)
	}
	var sys []crosscheck.EventMention
	var owner []int
	for i, e := range graph.Events {
		for _, m := range e.Mentions {
			if !inGold[m.DocID] {
				continue
			}
			if m.Type == "" {
				m.Type = e.Type
			}
			sys = append(sys, m)
			owner = append(owner, i)
		}
	}
	return evaluate(key, len(graph.Events), owner, MatchEvents(gold, goldType, sys)), nil
}

// MatchEvents pairs system event mentions with gold ones: by trigger
// overlap first, then by a trigger (or the mention's span, when it has
// no trigger) inside a same-type gold snippet. It returns, per system
// mention, the index of its gold mention or -1.
func MatchEvents(gold []LocatedEvent, goldType []string, sys []crosscheck.EventMention) []int {
	triggers := make([]Located, len(gold))
	for i, g := range gold {
		triggers[i] = Located{Doc: g.Doc, Span: g.Trigger}
	}
	anchor := make([]Located, len(sys))
	for i, m := range sys {
		sp := m.TriggerSpan
		if sp.Len() <= 0 {
			sp = m.Span
		}
		anchor[i] = Located{Doc: m.DocID, Span: sp}
	}
	out := Match(triggers, anchor)
	taken := make([]bool, len(gold))
	for _, g := range out {
		if g >= 0 {
			taken[g] = true
		}
	}
	for s, m := range sys {
		if out[s] >= 0 {
			continue
		}
		a := anchor[s]
		for g, l := range gold {
			if !taken[g] && l.Doc == a.Doc && goldType[g] == m.Type && a.Span.Len() > 0 &&
				l.Span.Start <= a.Span.Start && a.Span.End <= l.Span.End {
				out[s], taken[g] = g, true
				break
			}
		}
	}
	return out
}

// evaluate builds the response from the system clusters (owner gives the
// cluster of each system mention, matched its gold mention or -1) and
// scores it against key.
func evaluate(key Clustering, clusters int, owner, matched []int) Evaluation {
	resp := make(Clustering, clusters)
	hit := make([]bool, clusters)
	for s, c := range owner {
		if g := matched[s]; g >= 0 {
			resp[c] = append(resp[c], goldKey(g))
			hit[c] = true
		} else {
			resp[c] = append(resp[c], Mention("s"+strconv.Itoa(s)))
		}
	}
	var ev Evaluation
	var kept Clustering
	for c, cl := range resp {
		if !hit[c] {
			if len(cl) > 0 {
				ev.Dropped++
			}
			continue
		}
		kept = append(kept, cl)
		ev.SystemMentions += len(cl)
	}
	for _, cl := range key {
		ev.GoldMentions += len(cl)
	}
	for _, g := range matched {
		if g >= 0 {
			ev.Matched++
		}
	}
	m := float64(ev.Matched)
	ev.Mentions = prf(m, float64(ev.SystemMentions), m, float64(ev.GoldMentions))
	ev.Scores = Score(key, kept)
	return ev
}

func goldKey(i int) Mention { return Mention("g" + strconv.Itoa(i)) }

func docSet(r *Resolved) map[string]bool {
	m := map[string]bool{}
	for _, id := range r.Docs {
		m[id] = true
	}
	return m
}
