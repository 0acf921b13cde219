package story

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// synthEvents makes n events over two years: each names an actor and a
// place out of many and often one of five hub countries, and is reported
// by a few of 4n documents.
func synthEvents(n int) []crosscheck.Event {
	r := rand.New(rand.NewPCG(3, 4))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	triggers := []string{"arrested", "accused", "attacked", "summoned", "signed", "protested", "warned"}
	events := make([]crosscheck.Event, n)
	for i := range events {
		day := start.AddDate(0, 0, r.IntN(730)).Format("2006-01-02")
		e := crosscheck.Event{ID: fmt.Sprintf("V%06d", i), Type: crosscheck.EventArrest, Title: "event", Begin: day, End: day,
			Entities: []string{fmt.Sprintf("actor%d", r.IntN(2000)), fmt.Sprintf("place%d", r.IntN(300))}}
		if r.IntN(2) == 0 {
			e.Entities = append(e.Entities, fmt.Sprintf("hub%d", r.IntN(5)))
		}
		for k := range 1 + r.IntN(6) {
			doc := fmt.Sprintf("d%06d", r.IntN(4*n))
			e.Docs = append(e.Docs, doc)
			e.Mentions = append(e.Mentions, crosscheck.EventMention{ID: fmt.Sprintf("%s/%d", doc, k), DocID: doc,
				Trigger: triggers[r.IntN(len(triggers))], Recap: r.IntN(5) == 0,
				Arguments: []crosscheck.Argument{{Role: crosscheck.RolePatient, Text: fmt.Sprintf("group %d", r.IntN(500))}}})
		}
		events[i] = e
	}
	return events
}

func BenchmarkBuild(b *testing.B) {
	events := synthEvents(10000)
	var stories []crosscheck.Story
	runs := 0
	for b.Loop() {
		stories = Build(events, nil)
		runs++
	}
	b.ReportMetric(float64(len(events)*runs)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(len(stories)), "stories")
}

func BenchmarkTimeline(b *testing.B) {
	events := synthEvents(10000)
	runs := 0
	for b.Loop() {
		Timeline(events)
		runs++
	}
	b.ReportMetric(float64(len(events)*runs)/b.Elapsed().Seconds(), "events/s")
}
