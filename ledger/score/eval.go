package score

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ledger"
	linkscore "github.com/crosscheck/crosscheck/link/score"
)

// Result rates a ledger against the gold.
type Result struct {
	Conflicts   Measure `json:"conflicts"`
	Compatibles Measure `json:"compatibles"`
	Singles     Measure `json:"singles"`
	// Updates are the distinct value pairs the ledger calls updates; the
	// gold expects none, so each says what the gold holds for its pair.
	Updates []Item `json:"updates"`
	// Events maps the system events; Unjudged counts the distinct items
	// (conflicts, compatibles, singles) of system events none of whose
	// mentions is in the gold, which are not scored.
	Events   []EventMap `json:"events"`
	Unjudged int        `json:"unjudged"`
	// Outside counts the gold items no role can hold (Gold.Outside).
	Outside int `json:"outside"`
}

// Measure is precision and recall for one kind of item, with the items
// that make the difference.
type Measure struct {
	linkscore.PRF
	Gold   int `json:"gold"`
	System int `json:"system"`
	Hits   int `json:"hits"`
	// Misses are gold items the ledger did not report; FalseAlarms system
	// items that are not in the gold.
	Misses      []Item `json:"misses"`
	FalseAlarms []Item `json:"false_alarms"`
}

// Item is a conflict, compatible pair or single-source claim: of the
// gold, or a system one mapped to the gold as far as it goes.
type Item struct {
	// Event is the gold event, or the system event when it has none.
	Event string `json:"event"`
	Role  string `json:"role"`
	// A and B describe the values (B empty for a single) with the
	// articles that state them.
	A string `json:"a"`
	B string `json:"b,omitempty"`
	// Claims are the system claims behind the item (the first
	// comparison's two, or the single's).
	Claims []string `json:"claims,omitempty"`
	// Why says what the gold holds for a false alarm or an update, or
	// the gold's note for a miss.
	Why string `json:"why,omitempty"`
}

// Evaluate rates ledger l, built from graph g over docs, against the
// gold: the gold is placed in docs (link/score's Resolve), system events
// are mapped to gold events by their mentions, and the ledger's
// comparisons and single-source claims to gold values (see the package
// doc).
func Evaluate(gold *Gold, l *ledger.Ledger, g *crosscheck.Graph, docs []*crosscheck.Document) (Result, error) {
	if gold == nil || gold.Link == nil || l == nil || g == nil {
		return Result{}, crosscheck.Errorf(crosscheck.ErrInvalid, "evaluate ledger: missing gold, ledger or graph")
	}
	plain := make([]crosscheck.Document, 0, len(docs))
	for _, d := range docs {
		if d != nil {
			plain = append(plain, *d)
		}
	}
	r, err := gold.Link.Resolve(plain)
	if err != nil {
		return Result{}, fmt.Errorf("evaluate ledger: %w", err)
	}
	events := mapEvents(gold.Link, r, g)
	eventOf := map[string]string{}
	for _, e := range events {
		eventOf[e.System] = e.Gold
	}
	article := map[string]string{}
	for a, d := range r.Docs {
		article[d] = a
	}
	res := rate(gold, l, eventOf, article, newEntities(gold.Link, r))
	res.Events = events
	return res, nil
}

// rate scores the ledger given the event map (system event → gold event
// or "") and the article of each document ID.
func rate(gold *Gold, l *ledger.Ledger, eventOf, article map[string]string, ents entities) Result {
	sets := map[string]*valueSet{}
	set := func(event, role string) *valueSet {
		k := event + "\x00" + role
		if sets[k] == nil {
			sets[k] = &valueSet{}
		}
		return sets[k]
	}
	type goldItem struct {
		item Item
		hit  bool
	}
	goldPairs := func(list []Pair) (map[string]*goldItem, []string) {
		m := map[string]*goldItem{}
		var order []string
		for _, p := range list {
			s := set(p.Event, p.Role)
			k := pairKey(p.Event, p.Role, fmt.Sprint(s.add(p.A)), fmt.Sprint(s.add(p.B)))
			if m[k] == nil {
				order = append(order, k)
				m[k] = &goldItem{item: Item{Event: p.Event, Role: p.Role, A: describe(p.A), B: describe(p.B), Why: p.Note}}
			}
		}
		return m, order
	}
	goldConf, confOrder := goldPairs(gold.Conflicts)
	goldComp, compOrder := goldPairs(gold.Compatibles)
	goldSing := map[string]*goldItem{}
	var singOrder []string
	for _, s := range gold.Singles {
		k := singleKey(s.Event, s.Role, fmt.Sprint(set(s.Event, s.Role).add(s.Value)))
		if goldSing[k] == nil {
			singOrder = append(singOrder, k)
			goldSing[k] = &goldItem{item: Item{Event: s.Event, Role: s.Role, A: describe(s.Value), Why: s.Note}}
		}
	}

	covered := func(role string) bool { return slices.Contains(gold.Roles, role) }
	type sysItem struct {
		item  Item
		order int
	}
	conf, comp, sing, upd := map[string]*sysItem{}, map[string]*sysItem{}, map[string]*sysItem{}, map[string]*sysItem{}
	unjudged := map[string]bool{}
	n := 0
	keep := func(m map[string]*sysItem, k string, it Item) {
		if m[k] == nil {
			m[k] = &sysItem{item: it, order: n}
			n++
		}
	}
	for _, el := range l.Events {
		ge := eventOf[el.ID]
		claims := map[string]*crosscheck.Claim{}
		for i := range el.Claims {
			claims[el.Claims[i].ID] = &el.Claims[i]
		}
		// value returns the key and description of a claim's value.
		value := func(c *crosscheck.Claim) (key, desc string, ok bool) {
			art := article[c.DocID]
			if art == "" {
				art = c.DocID
			}
			if ge != "" {
				if s := sets[ge+"\x00"+c.Role]; s != nil {
					if i := s.find(c, art, ents); i >= 0 {
						return fmt.Sprint(i), describe(s.values[i]), true
					}
				}
			}
			return "?" + c.Value, fmt.Sprintf("%s [%s] (in no gold item)", c.Value, art), false
		}
		event := ge
		if event == "" {
			event = el.ID
		}
		for _, cmp := range el.Comparisons {
			var into map[string]*sysItem
			switch cmp.Verdict {
			case crosscheck.VerdictConflict:
				into = conf
			case crosscheck.VerdictUpdate:
				into = upd
			case crosscheck.VerdictCompatible:
				if !covered(cmp.Role) {
					continue
				}
				into = comp
			default:
				continue
			}
			a, b := claims[cmp.A], claims[cmp.B]
			if a == nil || b == nil {
				continue
			}
			ka, da, oka := value(a)
			kb, db, okb := value(b)
			k := pairKey(event, cmp.Role, ka, kb)
			if ge == "" {
				unjudged[cmp.Verdict+"\x00"+k] = true
				continue
			}
			it := Item{Event: event, Role: cmp.Role, A: da, B: db, Claims: []string{a.ID, b.ID}}
			switch {
			case oka && okb && ka == kb:
				it.Why = "both claims state the same gold value"
			case !oka || !okb:
				it.Why = "a value in no gold item of this event and role"
			}
			keep(into, cmp.Verdict+"\x00"+k, it)
		}
		for _, s := range el.Single {
			if !covered(s.Role) || len(s.Claims) == 0 || claims[s.Claims[0]] == nil {
				continue
			}
			c := claims[s.Claims[0]]
			kv, dv, ok := value(c)
			k := singleKey(event, s.Role, kv)
			if !ok {
				k += "\x00" + s.DocID
			}
			if ge == "" {
				unjudged["single\x00"+k] = true
				continue
			}
			it := Item{Event: event, Role: s.Role, A: dv, Claims: s.Claims}
			if !ok {
				it.Why = "a value in no gold item of this event and role"
			}
			keep(sing, k, it)
		}
	}

	res := Result{Unjudged: len(unjudged), Outside: len(gold.Outside)}
	measure := func(sys map[string]*sysItem, gold map[string]*goldItem, order []string, prefix string, other map[string]*goldItem, otherName string) Measure {
		var m Measure
		keys := make([]string, 0, len(sys))
		for k := range sys {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int { return sys[a].order - sys[b].order })
		for _, k := range keys {
			gk := strings.TrimPrefix(k, prefix)
			if g := gold[gk]; g != nil {
				g.hit = true
				m.Hits++
				continue
			}
			it := sys[k].item
			if it.Why == "" {
				it.Why = "the gold holds no such item"
				if other != nil && other[gk] != nil {
					it.Why = "the gold calls them " + otherName
				}
			}
			m.FalseAlarms = append(m.FalseAlarms, it)
		}
		for _, k := range order {
			if !gold[k].hit {
				m.Misses = append(m.Misses, gold[k].item)
			}
		}
		m.Gold, m.System = len(gold), len(sys)
		m.PRF = prf(m.Hits, m.System, m.Gold)
		return m
	}
	res.Conflicts = measure(conf, goldConf, confOrder, crosscheck.VerdictConflict+"\x00", goldComp, "compatible")
	res.Compatibles = measure(comp, goldComp, compOrder, crosscheck.VerdictCompatible+"\x00", goldConf, "a conflict")
	res.Singles = measure(sing, goldSing, singOrder, "", nil, "")
	ukeys := make([]string, 0, len(upd))
	for k := range upd {
		ukeys = append(ukeys, k)
	}
	slices.SortFunc(ukeys, func(a, b string) int { return upd[a].order - upd[b].order })
	for _, k := range ukeys {
		it := upd[k].item
		gk := strings.TrimPrefix(k, crosscheck.VerdictUpdate+"\x00")
		switch {
		case goldConf[gk] != nil:
			it.Why = "the gold calls them a conflict"
		case goldComp[gk] != nil:
			it.Why = "the gold calls them compatible"
		case it.Why == "":
			it.Why = "the gold holds no such item"
		}
		res.Updates = append(res.Updates, it)
	}
	return res
}

// prf is precision hits/system and recall hits/gold; an empty side
// scores 1 when the other is empty too (nothing expected, nothing
// reported), else 0.
func prf(hits, system, gold int) linkscore.PRF {
	var s linkscore.PRF
	switch {
	case system > 0:
		s.P = float64(hits) / float64(system)
	case gold == 0:
		s.P = 1
	}
	switch {
	case gold > 0:
		s.R = float64(hits) / float64(gold)
	case system == 0:
		s.R = 1
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

func pairKey(event, role, a, b string) string {
	if b < a {
		a, b = b, a
	}
	return event + "\x00" + role + "\x00" + a + "\x00" + b
}

func singleKey(event, role, v string) string { return event + "\x00" + role + "\x00" + v }

// describe renders a gold value with its articles.
func describe(v Value) string {
	return fmt.Sprintf("%s [%s]", v, strings.Join(v.Articles, " "))
}

// String renders the result as Write does.
func (r Result) String() string {
	var b strings.Builder
	_ = r.Write(&b)
	return b.String()
}

// Write renders the scores, then every miss, false alarm and update.
func (r Result) Write(w io.Writer) error {
	mapped := 0
	for _, e := range r.Events {
		if e.Gold != "" {
			mapped++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "ledger against the gold: %d system events, %d mapped to gold events\n", len(r.Events), mapped)
	for _, x := range []struct {
		name string
		m    Measure
	}{{"conflicts", r.Conflicts}, {"compatibles", r.Compatibles}, {"singles", r.Singles}} {
		fmt.Fprintf(&b, "  %-12s P %.2f R %.2f F1 %.2f  (gold %d, system %d, hits %d)\n",
			x.name, x.m.P, x.m.R, x.m.F1, x.m.Gold, x.m.System, x.m.Hits)
	}
	fmt.Fprintf(&b, "  updates      %d\n", len(r.Updates))
	fmt.Fprintf(&b, "  not scored: %d items of events outside the gold, %d gold items outside the role model\n", r.Unjudged, r.Outside)
	for _, x := range []struct {
		name  string
		items []Item
	}{
		{"missed conflicts", r.Conflicts.Misses}, {"false conflicts", r.Conflicts.FalseAlarms},
		{"missed compatibles", r.Compatibles.Misses}, {"false compatibles", r.Compatibles.FalseAlarms},
		{"missed single-source claims", r.Singles.Misses}, {"false single-source claims", r.Singles.FalseAlarms},
		{"updates", r.Updates},
	} {
		if len(x.items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%d):\n", x.name, len(x.items))
		for _, it := range x.items {
			fmt.Fprintf(&b, "  %s %s: %s", it.Event, it.Role, it.A)
			if it.B != "" {
				fmt.Fprintf(&b, " vs %s", it.B)
			}
			if it.Why != "" {
				fmt.Fprintf(&b, " — %s", it.Why)
			}
			if len(it.Claims) > 0 {
				fmt.Fprintf(&b, " {%s}", strings.Join(it.Claims, ", "))
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
