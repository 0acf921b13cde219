package coref

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// A synthetic news world for the benchmark and the quality test: events
// with actors, places, counts and dates over two years, reported by
// documents that each carry a headline, a lead and a body mention of
// their main event, a recap of an older event and a mention of another
// recent one. Outlets disagree on counts, some documents are undated,
// some arguments are left unresolved, and a few countries act in many
// events (hubs).

type synthEvent struct {
	typ     string
	agent   int // entity index; < 0 for none
	patient string
	count   float64
	place   int
	day     time.Time
}

type synth struct {
	mentions []crosscheck.EventMention
	docs     map[string]Doc
	truth    map[string]int // mention ID → event index
}

var syllables = []string{"ka", "lor", "ves", "ti", "mar", "den", "os", "tra", "vi", "an", "bel", "gor", "un", "sel", "rit", "pa", "no", "zem", "hal", "dru"}

func pseudoName(r *rand.Rand) string {
	var b strings.Builder
	for range 2 + r.IntN(2) {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return capitalize(b.String())
}

var synthTypes = []string{crosscheck.EventArrest, crosscheck.EventAccuse, crosscheck.EventAttack, crosscheck.EventMobilize,
	crosscheck.EventDiplomacy, crosscheck.EventMeet, crosscheck.EventAgree, crosscheck.EventProtest,
	crosscheck.EventStatement, crosscheck.EventEspionage, crosscheck.EventSanction, crosscheck.EventAid}

var synthTriggers = map[string][]string{
	crosscheck.EventArrest: {"arrested", "detained", "held"}, crosscheck.EventAccuse: {"accused", "blamed"},
	crosscheck.EventAttack: {"attacked", "struck"}, crosscheck.EventMobilize: {"deployed", "mobilised"},
	crosscheck.EventDiplomacy: {"summoned", "expelled"}, crosscheck.EventMeet: {"met", "visited"},
	crosscheck.EventAgree: {"signed", "agreed"}, crosscheck.EventProtest: {"protested", "rallied"},
	crosscheck.EventStatement: {"announced", "warned"}, crosscheck.EventEspionage: {"spied", "recruited"},
	crosscheck.EventSanction: {"sanctioned", "banned"}, crosscheck.EventAid: {"supplied", "supported"},
}

func makeSynth(nDocs int, seed uint64) *synth {
	r := rand.New(rand.NewPCG(seed, 7))
	const nEnt, nHubs, nPlaces = 1500, 5, 300
	names := make([]string, nEnt)
	for i := range names {
		names[i] = pseudoName(r)
	}
	places := make([]string, nPlaces)
	for i := range places {
		places[i] = pseudoName(r)
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	events := make([]synthEvent, nDocs/4+1)
	for i := range events {
		e := synthEvent{typ: synthTypes[r.IntN(len(synthTypes))], agent: nHubs + r.IntN(nEnt-nHubs),
			place: r.IntN(nPlaces), day: start.AddDate(0, 0, r.IntN(730))}
		if r.IntN(10) < 3 {
			e.agent = r.IntN(nHubs)
		}
		if r.IntN(10) < 6 {
			e.count = float64(2 + r.IntN(40))
		}
		e.patient = strings.ToLower(pseudoName(r)) + " workers"
		events[i] = e
	}
	// Events sorted by day make "an older event" easy to pick.
	s := &synth{docs: map[string]Doc{}, truth: map[string]int{}}
	entity := func(i int) string {
		if r.IntN(10) == 0 {
			return "" // left unresolved
		}
		return fmt.Sprintf("E%d", i)
	}
	add := func(doc string, n *int, ev int, e synthEvent, full, stated, isRecap bool, countVal float64) {
		*n++
		m := crosscheck.EventMention{ID: fmt.Sprintf("%s/%d", doc, *n), DocID: doc, Type: e.typ, Recap: isRecap,
			Trigger: synthTriggers[e.typ][r.IntN(len(synthTriggers[e.typ]))]}
		if full && e.agent >= 0 {
			m.Arguments = append(m.Arguments, crosscheck.Argument{Role: crosscheck.RoleAgent, Text: names[e.agent], Entity: entity(e.agent)})
		}
		if full || isRecap {
			m.Arguments = append(m.Arguments, crosscheck.Argument{Role: crosscheck.RolePatient, Text: e.patient})
		}
		if countVal > 0 {
			lo := countVal
			q := &crosscheck.Quantity{Kind: crosscheck.QuantityCardinal, Value: countVal, Low: &lo, Exact: true}
			if countVal > 1000 { // "dozens"
				lo, q.Value, q.Exact, q.Vague = 24, 24, false, true
			} else {
				hi := countVal
				q.High = &hi
			}
			m.Arguments = append(m.Arguments, crosscheck.Argument{Role: crosscheck.RoleCount, Text: fmt.Sprint(countVal), Quantity: q})
		}
		if r.IntN(10) < 7 {
			m.Arguments = append(m.Arguments, crosscheck.Argument{Role: crosscheck.RoleLocation, Text: places[e.place], Entity: entity(nEnt + e.place)})
		}
		if stated {
			d := e.day.Format("2006-01-02")
			b, en := d, d
			if isRecap {
				b = e.day.Format("2006-01") + "-01"
				en = e.day.AddDate(0, 1, -e.day.Day()).Format("2006-01-02")
			}
			m.Begin, m.End = b, en
			m.Arguments = append(m.Arguments, crosscheck.Argument{Role: crosscheck.RoleTime, Text: "on day",
				Timex: &crosscheck.Timex{Type: crosscheck.TimexDate, Value: b, Begin: b, End: en}})
		}
		s.mentions = append(s.mentions, m)
		s.truth[m.ID] = ev
	}
	for d := range nDocs {
		doc := fmt.Sprintf("d%05d", d)
		main := r.IntN(len(events))
		e := events[main]
		pub := e.day.AddDate(0, 0, r.IntN(4))
		dated := r.IntN(10) != 0
		if dated {
			s.docs[doc] = Doc{ID: doc, Published: crosscheck.Date{Time: pub.Add(10 * time.Hour), Precision: crosscheck.PrecisionMinute}}
		} else {
			s.docs[doc] = Doc{ID: doc}
		}
		count := e.count
		if count > 0 && r.IntN(5) == 0 {
			count = 2000 // this outlet says "dozens"
		}
		n := 0
		add(doc, &n, main, e, false, false, false, count)                   // headline
		add(doc, &n, main, e, true, !dated || r.IntN(10) < 6, false, count) // lead
		add(doc, &n, main, e, false, false, false, 0)                       // body
		// A recap of an older event, when there is one.
		for range 8 {
			old := r.IntN(len(events))
			if o := events[old]; o.day.Before(pub.AddDate(0, 0, -20)) {
				add(doc, &n, old, o, false, r.IntN(2) == 0, true, o.count)
				break
			}
		}
		// Another recent event, reported as news.
		for range 8 {
			other := r.IntN(len(events))
			if o := events[other]; other != main && !o.day.After(pub) && o.day.After(pub.AddDate(0, 0, -7)) {
				add(doc, &n, other, o, true, true, false, o.count)
				break
			}
		}
	}
	return s
}

// b3 rates a clustering against the truth (B-cubed precision, recall, F1).
func b3(events []crosscheck.Event, truth map[string]int) (p, r, f float64) {
	sys := map[string]int{}
	sysSize := map[int]int{}
	for i, e := range events {
		for _, m := range e.Mentions {
			sys[m.ID] = i
			sysSize[i]++
		}
	}
	goldSize := map[int]int{}
	for _, g := range truth {
		goldSize[g]++
	}
	both := map[[2]int]int{}
	for id, g := range truth {
		both[[2]int{sys[id], g}]++
	}
	for id, g := range truth {
		k := both[[2]int{sys[id], g}]
		p += float64(k) / float64(sysSize[sys[id]])
		r += float64(k) / float64(goldSize[g])
	}
	n := float64(len(truth))
	p, r = p/n, r/n
	return p, r, 2 * p * r / (p + r)
}

func TestSyntheticQuality(t *testing.T) {
	s := makeSynth(1000, 1)
	events := Cluster(s.mentions, s.docs)
	p, r, f := b3(events, s.truth)
	t.Logf("%d mentions, %d events (truth %d): B3 P %.3f R %.3f F1 %.3f", len(s.mentions), len(events), len(goldEvents(s.truth)), p, r, f)
	if f < 0.85 {
		t.Errorf("B3 F1 %.3f below 0.85", f)
	}
}

func goldEvents(truth map[string]int) map[int]bool {
	m := map[int]bool{}
	for _, g := range truth {
		m[g] = true
	}
	return m
}

func BenchmarkCluster(b *testing.B) {
	const nDocs = 10000
	s := makeSynth(nDocs, 2)
	var events []crosscheck.Event
	runs := 0
	for b.Loop() {
		events = Cluster(s.mentions, s.docs)
		runs++
	}
	b.ReportMetric(float64(nDocs*runs)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(len(s.mentions)), "mentions")
	_, _, f := b3(events, s.truth)
	b.ReportMetric(f, "B3-F1")
}
