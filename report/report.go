// Package report renders a claim ledger for people and machines:
// Markdown (readable on a terminal), one self-contained HTML file, JSON
// (complete, with provenance) and CSV (a claim × source matrix). Every
// cell cites its article, sentence and byte span. Conflicts come first,
// then single-source claims, then agreements.
package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ledger"
)

// Formats the package writes.
var Formats = []string{"md", "html", "json", "csv"}

// Write renders the ledger in the format.
func Write(w io.Writer, l *ledger.Ledger, format string) error {
	switch format {
	case "md", "markdown":
		return Markdown(w, l)
	case "html":
		return HTML(w, l)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(l)
	case "csv":
		return CSV(w, l)
	}
	return crosscheck.Errorf(crosscheck.ErrInvalid, "unknown report format %q (want %s)", format, strings.Join(Formats, ", "))
}

// view is the ledger arranged for reading; Markdown and HTML share it.
type view struct {
	Title     string
	Subtitle  string
	Conflicts []eventView
	Singles   []singleView
	Agree     []eventView
	Omissions []omissionView
	Exclusive []ledger.Exclusive
	Quoted    []ledger.QuoteUse
	Outlets   []ledger.OutletFraming
	Articles  []ledger.ArticleFraming
	Sources   map[string]ledger.Source
	Counts    map[string]int
}

type eventView struct {
	Event ledger.EventLedger
	Rows  []pairView
	// Roles groups the conflicting claims of each role by value.
	Roles []roleView
}

// roleView is one role of an event on which articles disagree: the
// values stated, each with the claims that state it, and which pairs of
// values conflict.
type roleView struct {
	Role   string
	Values []valueView
	// Pairs are "A vs B: reason" lines, one per distinct pair of values.
	Pairs []string
}

type valueView struct {
	Value  string
	Claims []crosscheck.Claim
}

type pairView struct {
	Role, Verdict, Reason string
	A, B                  crosscheck.Claim
}

type singleView struct {
	Event string
	Title string
	Claim crosscheck.Claim
}

type omissionView struct {
	Event      string
	Title      string
	Role       string
	DocID      string
	ReportedBy []string
}

func arrange(l *ledger.Ledger) view {
	v := view{Title: "All events", Sources: map[string]ledger.Source{}, Counts: map[string]int{}}
	if l.Story != nil {
		v.Title = l.Story.Title
	}
	for _, ev := range l.Events {
		for _, s := range ev.Sources {
			v.Sources[s.DocID] = s
		}
		claims := map[string]crosscheck.Claim{}
		for _, c := range ev.Claims {
			claims[c.ID] = c
		}
		var conflicts, agrees []pairView
		for _, c := range ev.Comparisons {
			v.Counts[c.Verdict]++
			p := pairView{Role: c.Role, Verdict: c.Verdict, Reason: c.Reason, A: claims[c.A], B: claims[c.B]}
			switch c.Verdict {
			case crosscheck.VerdictConflict, crosscheck.VerdictUpdate:
				conflicts = append(conflicts, p)
			case crosscheck.VerdictAgree, crosscheck.VerdictCompatible:
				agrees = append(agrees, p)
			}
		}
		if len(conflicts) > 0 {
			v.Conflicts = append(v.Conflicts, eventView{ev, conflicts, groupRoles(ev, conflicts, claims)})
		}
		if len(agrees) > 0 {
			v.Agree = append(v.Agree, eventView{Event: ev, Rows: agrees})
		}
		for _, s := range ev.Single {
			if len(ev.Sources) < 2 {
				continue
			}
			v.Counts["single"]++
			v.Singles = append(v.Singles, singleView{ev.ID, ev.Title, claims[s.Claims[0]]})
		}
		for _, o := range ev.Omissions {
			v.Omissions = append(v.Omissions, omissionView{ev.ID, ev.Title, o.Role, o.DocID, o.ReportedBy})
		}
	}
	for _, a := range l.Articles {
		if _, ok := v.Sources[a.DocID]; !ok {
			v.Sources[a.DocID] = ledger.Source{DocID: a.DocID, Outlet: a.Outlet, Published: a.Published, Title: a.Title}
		}
	}
	v.Exclusive, v.Quoted, v.Outlets, v.Articles = l.Exclusive, l.Quoted, l.Outlets, l.Articles
	outlets := map[string]bool{}
	for _, s := range v.Sources {
		outlets[s.Outlet] = true
	}
	v.Subtitle = fmt.Sprintf("%d events from %d articles by %d outlets: %d conflicts, %d updates, %d single-source claims, %d agreements, %d compatible",
		len(l.Events), len(v.Sources), len(outlets), v.Counts[crosscheck.VerdictConflict], v.Counts[crosscheck.VerdictUpdate],
		v.Counts["single"], v.Counts[crosscheck.VerdictAgree], v.Counts[crosscheck.VerdictCompatible])
	return v
}

// groupRoles arranges an event's conflicts by role and value.
func groupRoles(ev ledger.EventLedger, rows []pairView, claims map[string]crosscheck.Claim) []roleView {
	var roles []roleView
	index := map[string]int{}
	seenPair := map[string]bool{}
	for _, r := range rows {
		i, ok := index[r.Role]
		if !ok {
			i = len(roles)
			index[r.Role] = i
			roles = append(roles, roleView{Role: r.Role})
		}
		k := r.Role + "\x00" + r.A.Value + "\x00" + r.B.Value
		if r.B.Value < r.A.Value {
			k = r.Role + "\x00" + r.B.Value + "\x00" + r.A.Value
		}
		if !seenPair[k] {
			seenPair[k] = true
			roles[i].Pairs = append(roles[i].Pairs, fmt.Sprintf("%s: %s", r.Verdict, r.Reason))
		}
	}
	// Every claim of a disputed role, grouped by value, so the reader
	// sees who says what.
	for i := range roles {
		byValue := map[string]int{}
		for _, c := range ev.Claims {
			if c.Role != roles[i].Role {
				continue
			}
			j, ok := byValue[c.Value]
			if !ok {
				j = len(roles[i].Values)
				byValue[c.Value] = j
				roles[i].Values = append(roles[i].Values, valueView{Value: c.Value})
			}
			roles[i].Values[j].Claims = append(roles[i].Values[j].Claims, c)
		}
		sort.SliceStable(roles[i].Values, func(a, b int) bool {
			return len(roles[i].Values[a].Claims) > len(roles[i].Values[b].Claims)
		})
	}
	return roles
}

// cite names where a claim comes from: outlet, date, document, sentence
// and byte span.
func (v view) cite(c crosscheck.Claim) string {
	s := v.Sources[c.DocID]
	outlet := s.Outlet
	if outlet == "" {
		outlet = "outlet unknown"
	}
	date := s.Published
	if date == "" {
		date = "undated"
	}
	return fmt.Sprintf("%s, %s, doc %s, sentence %d, bytes %d-%d", outlet, date, short(c.DocID), c.Sentence, c.Span.Start, c.Span.End)
}

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// how says how a claim is put: "asserted", "alleged (allegedly)",
// "attributed to State Security Service".
func how(c crosscheck.Claim) string {
	s := c.Modality
	if c.Cue != "" {
		s += " (" + c.Cue + ")"
	}
	if c.Attribution != "" && c.Attribution != crosscheck.AttributionOutlet {
		s += ", according to " + c.Attribution
	} else if c.Modality == crosscheck.ModAsserted {
		s = "asserted by the outlet"
	}
	return s
}

// CSV writes the claim × source matrix: one row per event and role, one
// column per article; a cell holds the value, how it is put and its
// evidence.
func CSV(w io.Writer, l *ledger.Ledger) error {
	cw := csv.NewWriter(w)
	sources := map[string]ledger.Source{}
	for _, ev := range l.Events {
		for _, s := range ev.Sources {
			sources[s.DocID] = s
		}
	}
	ids := make([]string, 0, len(sources))
	for id := range sources {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := sources[ids[i]], sources[ids[j]]
		if a.Published != b.Published {
			return a.Published < b.Published
		}
		return a.DocID < b.DocID
	})
	header := []string{"event", "event_title", "role", "verdicts"}
	for _, id := range ids {
		s := sources[id]
		header = append(header, fmt.Sprintf("%s | %s | %s", orUnknown(s.Outlet), orUndated(s.Published), id))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	v := view{Sources: sources}
	for _, ev := range l.Events {
		roles := map[string]bool{}
		for _, c := range ev.Claims {
			roles[c.Role] = true
		}
		var rs []string
		for r := range roles {
			rs = append(rs, r)
		}
		sort.Strings(rs)
		for _, role := range rs {
			verdicts := map[string]int{}
			for _, c := range ev.Comparisons {
				if c.Role == role {
					verdicts[c.Verdict]++
				}
			}
			row := []string{ev.ID, ev.Title, role, verdictSummary(verdicts)}
			for _, id := range ids {
				var cells []string
				for _, c := range ev.Claims {
					if c.DocID == id && c.Role == role {
						cells = append(cells, fmt.Sprintf("%s [%s] {%s} %q", c.Value, how(c), v.cite(c), c.Text))
					}
				}
				row = append(row, strings.Join(cells, "\n"))
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func verdictSummary(m map[string]int) string {
	var parts []string
	for _, k := range []string{crosscheck.VerdictConflict, crosscheck.VerdictUpdate, crosscheck.VerdictCompatible, crosscheck.VerdictScope, crosscheck.VerdictAgree} {
		if m[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
		}
	}
	return strings.Join(parts, "; ")
}

func orUnknown(s string) string {
	if s == "" {
		return "outlet unknown"
	}
	return s
}

func orUndated(s string) string {
	if s == "" {
		return "undated"
	}
	return s
}
