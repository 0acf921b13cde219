package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ledger"
)

// Markdown writes the report as Markdown that reads well as plain text.
func Markdown(w io.Writer, l *ledger.Ledger) error {
	bw := bufio.NewWriter(w)
	v := arrange(l)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("# crosscheck report: %s\n\n%s.\n\n", v.Title, v.Subtitle)
	quote := func(c crosscheck.Claim) {
		p("  - **%s**: %q → %s, %s  \n    _%s_\n", orUnknown(v.Sources[c.DocID].Outlet), c.Text, c.Value, how(c), v.cite(c))
		if c.SentenceText != "" {
			p("    > %s\n", oneLine(c.SentenceText, 240))
		}
	}
	p("## Conflicts\n\n")
	if len(v.Conflicts) == 0 {
		p("No conflicting statements found.\n\n")
	}
	for _, ev := range v.Conflicts {
		p("### %s\n\n%s\n\n", ev.Event.Title, eventLine(ev.Event))
		for _, r := range ev.Roles {
			p("**%s**: %s\n\n", r.Role, strings.Join(r.Pairs, "; "))
			for _, val := range r.Values {
				var outlets []string
				for _, c := range val.Claims {
					outlets = append(outlets, orUnknown(v.Sources[c.DocID].Outlet))
				}
				p("- **%s**: %d article(s): %s\n", val.Value, len(dedupeDocs(val.Claims)), strings.Join(dedupe(outlets), ", "))
				for _, c := range val.Claims {
					quote(c)
				}
			}
			p("\n")
		}
	}
	p("## Single-source claims\n\nStated by one article only, among events that several articles report.\n\n")
	if len(v.Singles) == 0 {
		p("None.\n\n")
	}
	for _, s := range v.Singles {
		p("- %s: **%s** %s\n", s.Title, s.Claim.Role, s.Claim.Value)
		quote(s.Claim)
	}
	if len(v.Singles) > 0 {
		p("\n")
	}
	if len(v.Exclusive) > 0 {
		p("### Details only one article mentions\n\n")
		for _, x := range v.Exclusive {
			kind := x.Kind
			if x.EntityType != "" {
				kind = strings.ToLower(x.EntityType)
			}
			p("- **%s** (%s), only in %s: _%s, doc %s, sentence %d, bytes %d-%d_\n", x.Value, kind, orUnknown(x.Outlet), orUndated(v.Sources[x.DocID].Published), short(x.DocID), x.Sentence, x.Span.Start, x.Span.End)
			if x.SentenceText != "" {
				p("  > %s\n", oneLine(x.SentenceText, 240))
			}
		}
		p("\n")
	}
	p("## Agreements\n\n")
	if len(v.Agree) == 0 {
		p("None found.\n\n")
	}
	for _, ev := range v.Agree {
		p("### %s\n\n%s\n\n", ev.Event.Title, eventLine(ev.Event))
		// Group agreeing pairs by role and value so each fact is one line.
		type fact struct {
			role, value, verdict string
			docs                 map[string]bool
		}
		var facts []*fact
		index := map[string]*fact{}
		for _, r := range ev.Rows {
			k := r.Role + "\x00" + r.A.Value + "\x00" + r.Verdict
			f := index[k]
			if f == nil {
				f = &fact{r.Role, r.A.Value, r.Verdict, map[string]bool{}}
				index[k] = f
				facts = append(facts, f)
			}
			f.docs[r.A.DocID], f.docs[r.B.DocID] = true, true
		}
		for _, f := range facts {
			var who []string
			for d := range f.docs {
				who = append(who, orUnknown(v.Sources[d].Outlet)+" ("+short(d)+")")
			}
			sort.Strings(who)
			p("- **%s** %s (%s): %s\n", f.role, f.value, f.verdict, strings.Join(who, ", "))
		}
		p("\n")
	}
	if len(v.Omissions) > 0 {
		p("## Left out\n\nWhat most articles on an event report and one does not.\n\n")
		for _, o := range v.Omissions {
			var by []string
			for _, d := range o.ReportedBy {
				by = append(by, orUnknown(v.Sources[d].Outlet))
			}
			p("- %s: **%s** gives no %s (reported by %s)\n", o.Title, orUnknown(v.Sources[o.DocID].Outlet)+" "+short(o.DocID), o.Role, strings.Join(dedupe(by), ", "))
		}
		p("\n")
	}
	p("## Who is quoted by whom\n\n")
	if len(v.Quoted) == 0 {
		p("No quotes with a known speaker.\n\n")
	} else {
		byOutlet := map[string][]string{}
		var outlets []string
		for _, q := range v.Quoted {
			o := orUnknown(q.Outlet)
			if byOutlet[o] == nil {
				outlets = append(outlets, o)
			}
			entry := fmt.Sprintf("%s ×%d", q.Speaker, q.Count)
			if len(q.Verbs) > 0 {
				entry += " (" + strings.Join(q.Verbs, ", ") + ")"
			}
			byOutlet[o] = append(byOutlet[o], entry)
		}
		sort.Strings(outlets)
		for _, o := range outlets {
			p("- **%s** quotes %s\n", o, strings.Join(byOutlet[o], "; "))
		}
		p("\n")
	}
	p("## Framing by outlet\n\n")
	for _, o := range v.Outlets {
		p("### %s (%d articles)\n\n", o.Outlet, o.Articles)
		p("- stance: %s; own voice %.0f%% of clauses\n", mapLine(o.Stances), 100*o.OwnVoice)
		if len(o.Hedges) > 0 {
			p("- hedges and attribution: %s\n", mapLine(o.Hedges))
		}
		if len(o.Verbs) > 0 {
			p("- speech verbs: %s\n", mapLine(o.Verbs))
		}
		if len(o.Loaded) > 0 {
			p("- loaded terms: %s (%s)\n", mapLine(o.Loaded), mapLine(o.Categories))
		} else {
			p("- loaded terms: none found\n")
		}
		p("\n")
	}
	p("## Framing by article\n\n")
	for _, a := range v.Articles {
		p("- **%s**, %s, %s (doc %s): %s; own voice %.0f%%", orUnknown(a.Outlet), orUndated(a.Published), fmt.Sprintf("%q", a.Title), short(a.DocID), a.Stance, 100*a.OwnVoice)
		if len(a.HedgeCues) > 0 {
			p("; hedges: %s", strings.Join(a.HedgeCues, ", "))
		}
		if len(a.Loaded) > 0 {
			var terms []string
			for _, m := range a.Loaded {
				terms = append(terms, fmt.Sprintf("%q [%s, bytes %d-%d]", m.Text, m.Category, m.Span.Start, m.Span.End))
			}
			p("; loaded: %s", strings.Join(dedupe(terms), ", "))
		}
		var h []string
		if len(a.Headline.Caps) > 0 {
			h = append(h, "capitals "+strings.Join(a.Headline.Caps, " "))
		}
		if a.Headline.Exclamation {
			h = append(h, "exclamation")
		}
		if a.Headline.Question {
			h = append(h, "question")
		}
		if len(a.Headline.ScareQuotes) > 0 {
			h = append(h, "scare quotes “"+strings.Join(a.Headline.ScareQuotes, "”, “")+"”")
		}
		if len(a.Headline.Loaded) > 0 {
			h = append(h, "loaded "+strings.Join(a.Headline.Loaded, ", "))
		}
		if len(h) > 0 {
			p("; headline: %s", strings.Join(h, "; "))
		}
		p("\n")
	}
	return bw.Flush()
}

func dedupeDocs(cs []crosscheck.Claim) map[string]bool {
	m := map[string]bool{}
	for _, c := range cs {
		m[c.DocID] = true
	}
	return m
}

func eventLine(ev ledger.EventLedger) string {
	when := "undated"
	if ev.Begin != "" {
		when = ev.Begin
		if ev.End != "" && ev.End != ev.Begin {
			when += ".." + ev.End
		}
	}
	var who []string
	for _, s := range ev.Sources {
		who = append(who, orUnknown(s.Outlet))
	}
	return fmt.Sprintf("_%s, %s, event %s; reported by %d articles: %s_", ev.Type, when, ev.ID, len(ev.Sources), strings.Join(dedupe(who), ", "))
}

func mapLine(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// oneLine folds whitespace and shortens a text.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
