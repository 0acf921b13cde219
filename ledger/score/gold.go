// Package score rates a claim ledger against a gold ledger: which
// conflicts, compatible statements and single-source claims a careful
// analyst expects per event and role, and which of them the ledger
// reports. The gold names events by the IDs of the linking gold
// (link/score) and articles by their short IDs ("S1", "R3"); values are
// intervals (counts, money), date ranges (times) or gold entities
// (places). The demo corpus's gold is demo/gold/ledger.json; its format
// is described in demo/gold/README.md.
//
// Matching. A system event is mapped to the gold event most of its
// mentions match (gold mentions are matched as link/score does: by
// trigger overlap, else by a trigger inside a same-type gold snippet).
// A system claim matches a gold value of the same gold event and role
// when the claim's article is among the value's articles and
//
//   - count, money: the claim's quantity interval intersects the value's
//     (closed intervals, nil bound = unbounded), the units agree when
//     both are given, and when the value lists head nouns and the claim
//     has one, they share a word ("tanks" never matches a troop count);
//   - time: the claim's timex dates (Begin..End) intersect the value's;
//   - entities (places): the claim's span overlaps a gold mention of the
//     value's entity in that document, or the claim's value or text is
//     the entity's name or one of its mention texts.
//
// When several values fit, the nearest wins (bounds or dates closest;
// an exact name before a span overlap). A system comparison then stands
// for the unordered pair of the gold values of its two claims; pairs are
// counted once per gold event and role however many comparisons (and
// system events) report them. A comparison whose claims do not both
// match is a pair of its own, keyed by the claims' values, and is a
// false alarm. Precision is the share of distinct system pairs that are
// gold pairs, recall the share of gold pairs found. Single-source claims
// are keyed by their gold value the same way.
//
// Conflicts are scored in every role: the gold lists every conflict the
// analyst expects, so a conflict between, say, two detainees' names is a
// false alarm. Compatibles and single-source claims are scored only in
// the roles the gold covers completely (Gold.Roles). System events none
// of whose mentions is in the gold (statements, visits…) cannot be
// judged and are left out, as link/score leaves out clusters with no gold
// mention.
package score

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
	linkscore "github.com/crosscheck/crosscheck/link/score"
)

// LedgerFile is the name of the ledger gold inside the gold folder.
const LedgerFile = "ledger.json"

// Gold is the expected ledger of a corpus, with the linking gold it
// refers to.
type Gold struct {
	// Link is the linking gold: articles, entities and events.
	Link *linkscore.Gold `json:"-"`
	// Roles are the roles whose compatibles and single-source claims the
	// gold lists completely; conflicts are listed for every role.
	Roles       []string  `json:"roles"`
	Conflicts   []Pair    `json:"conflicts"`
	Compatibles []Pair    `json:"compatibles"`
	Singles     []Single  `json:"singles"`
	Outside     []Outside `json:"outside"`
}

// Value is what one or more articles state about a role of an event:
// an interval (Low, High; nil is unbounded) for counts and money, dates
// (Begin, End, inclusive) for times, or a gold entity ID for places and
// actors. Articles are the articles that state it.
type Value struct {
	// Text is how the articles put it, for reading the gold.
	Text  string   `json:"text,omitempty"`
	Low   *float64 `json:"low,omitempty"`
	High  *float64 `json:"high,omitempty"`
	Unit  string   `json:"unit,omitempty"`
	Heads []string `json:"heads,omitempty"`
	Begin string   `json:"begin,omitempty"`
	End   string   `json:"end,omitempty"`
	// Entity is the ID of an entity of the linking gold.
	Entity   string   `json:"entity,omitempty"`
	Articles []string `json:"articles"`
}

// Pair is two values of one role of one event that conflict (or are
// compatible), in no particular order.
type Pair struct {
	Event string `json:"event"`
	Role  string `json:"role"`
	A     Value  `json:"a"`
	B     Value  `json:"b"`
	Note  string `json:"note,omitempty"`
}

// Single is a value only one article states and no other article backs
// with a compatible one.
type Single struct {
	Event string `json:"event"`
	Role  string `json:"role"`
	Value Value  `json:"value"`
	Note  string `json:"note,omitempty"`
}

// Outside is an expected conflict or compatible statement that no
// ledger role can hold (the polarity of an event, a distance, who gave a
// figure); it is listed for the record and not scored.
type Outside struct {
	Event    string   `json:"event"`
	Kind     string   `json:"kind"` // "conflict" or "compatible"
	Articles []string `json:"articles"`
	Note     string   `json:"note"`
}

// LoadGold reads the linking gold (see link/score.LoadGold) and the
// ledger gold (LedgerFile) from the root of fsys and checks them (see
// Check). Unknown fields are errors.
func LoadGold(fsys fs.FS) (*Gold, error) {
	link, err := linkscore.LoadGold(fsys)
	if err != nil {
		return nil, err
	}
	b, err := fs.ReadFile(fsys, LedgerFile)
	if err != nil {
		return nil, fmt.Errorf("load ledger gold: %w", err)
	}
	g, err := ReadGold(b, link)
	if err != nil {
		return nil, err
	}
	return g, nil
}

// ReadGold decodes a ledger gold for the linking gold link and checks it.
func ReadGold(b []byte, link *linkscore.Gold) (*Gold, error) {
	var g Gold
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return nil, crosscheck.Errorf(crosscheck.ErrInvalid, "load ledger gold: %w", err)
	}
	g.Link = link
	if err := g.Check(); err != nil {
		return nil, err
	}
	return &g, nil
}

var knownRoles = []string{
	crosscheck.RoleAgent, crosscheck.RolePatient, crosscheck.RoleLocation, crosscheck.RoleTime, crosscheck.RoleCount,
	crosscheck.RoleCharge, crosscheck.RoleInstrument, crosscheck.RoleRecipient, crosscheck.RoleMoney,
}

// Check reports, as one ErrInvalid error, everything that makes the gold
// unusable or inconsistent: unknown events, roles, articles or entities;
// an article that does not report the event; a value of the wrong shape;
// one value given with different articles in two places; a conflict whose
// intervals overlap or a compatible pair whose intervals do not; a pair
// no two different articles state; and single-source claims that do not
// follow from the values (a value stated by one article and backed by no
// compatible value of another article, in a covered role of an event
// that several articles report).
func (g *Gold) Check() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	reporters := map[string]map[string]bool{}
	if g.Link != nil {
		for _, e := range g.Link.Events {
			reporters[e.ID] = map[string]bool{}
			for _, m := range e.Mentions {
				reporters[e.ID][m.Article] = true
			}
		}
	}
	entities := map[string]bool{}
	if g.Link != nil {
		for _, e := range g.Link.Entities {
			entities[e.ID] = true
		}
	}
	for _, r := range g.Roles {
		if !slices.Contains(knownRoles, r) {
			bad("roles: unknown role %q", r)
		}
	}
	seen := map[string]string{} // value key → its articles
	value := func(where, event, role string, v Value) {
		if g.Link != nil {
			for _, a := range v.Articles {
				if !reporters[event][a] {
					bad("%s: article %s does not report %s", where, a, event)
				}
			}
			if v.Entity != "" && !entities[v.Entity] {
				bad("%s: unknown entity %q", where, v.Entity)
			}
		}
		if len(v.Articles) == 0 {
			bad("%s: value %s has no articles", where, v)
		}
		if err := v.check(role); err != nil {
			bad("%s: %v", where, err)
		}
		k := event + "\x00" + role + "\x00" + v.key()
		arts := strings.Join(sortedCopy(v.Articles), " ")
		if prev, ok := seen[k]; ok && prev != arts {
			bad("%s: value %s stated by [%s] here and by [%s] elsewhere", where, v, arts, prev)
		}
		seen[k] = arts
	}
	known := func(where, event string) {
		if g.Link != nil && reporters[event] == nil {
			bad("%s: unknown event %q", where, event)
		}
	}
	head := func(where, event, role string) {
		known(where, event)
		if !slices.Contains(knownRoles, role) {
			bad("%s: unknown role %q", where, role)
		}
	}
	pairs := func(list []Pair, kind string) {
		for i, p := range list {
			where := fmt.Sprintf("%s %d (%s %s)", kind, i+1, p.Event, p.Role)
			head(where, p.Event, p.Role)
			value(where, p.Event, p.Role, p.A)
			value(where, p.Event, p.Role, p.B)
			if p.A.key() == p.B.key() {
				bad("%s: both values are %s", where, p.A)
			}
			if !crossArticle(p.A, p.B) {
				bad("%s: no two different articles state %s and %s", where, p.A, p.B)
			}
			if meets, ok := p.A.intersects(p.B); ok && meets != (kind == "compatible") {
				bad("%s: %s and %s %s", where, p.A, p.B, map[bool]string{true: "overlap", false: "are disjoint"}[meets])
			}
		}
	}
	pairs(g.Conflicts, "conflict")
	pairs(g.Compatibles, "compatible")
	for i, s := range g.Singles {
		where := fmt.Sprintf("single %d (%s %s)", i+1, s.Event, s.Role)
		head(where, s.Event, s.Role)
		value(where, s.Event, s.Role, s.Value)
		if !slices.Contains(g.Roles, s.Role) {
			bad("%s: role %s is not covered (roles)", where, s.Role)
		}
	}
	for i, o := range g.Outside {
		where := fmt.Sprintf("outside %d (%s)", i+1, o.Event)
		known(where, o.Event)
		if o.Kind != "conflict" && o.Kind != "compatible" {
			bad("%s: kind %q", where, o.Kind)
		}
		for _, a := range o.Articles {
			if g.Link != nil && !reporters[o.Event][a] {
				bad("%s: article %s does not report %s", where, a, o.Event)
			}
		}
	}
	// The singles must be exactly those the values imply.
	want := g.derivedSingles(reporters)
	for _, s := range g.Singles {
		k := s.Event + "\x00" + s.Role + "\x00" + s.Value.key()
		if _, ok := want[k]; !ok {
			bad("single %s %s %s: not single-source (more than one article, backed by a compatible value, or the event has one article)", s.Event, s.Role, s.Value)
		}
		delete(want, k)
	}
	for k, v := range want {
		f := strings.Split(k, "\x00")
		bad("%s %s: value %s is stated by one article only and backed by none: list it in singles", f[0], f[1], v)
	}
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
		return crosscheck.Errorf(crosscheck.ErrInvalid, "ledger gold: %w", errors.Join(errs...))
	}
	return nil
}

// derivedSingles returns, by key (event, role, value), the values of
// covered roles that only one article states and no compatible value of
// another article backs, as the ledger defines single-source claims.
func (g *Gold) derivedSingles(reporters map[string]map[string]bool) map[string]Value {
	type vinfo struct {
		v      Value
		backed bool
	}
	vals := map[string]*vinfo{}
	var order []string
	add := func(event, role string, v Value) *vinfo {
		k := event + "\x00" + role + "\x00" + v.key()
		if vals[k] == nil {
			vals[k] = &vinfo{v: v}
			order = append(order, k)
		}
		return vals[k]
	}
	for _, p := range g.Conflicts {
		add(p.Event, p.Role, p.A)
		add(p.Event, p.Role, p.B)
	}
	for _, p := range g.Compatibles {
		a, b := add(p.Event, p.Role, p.A), add(p.Event, p.Role, p.B)
		if crossArticle(p.A, p.B) {
			// Each side is backed when the other side has an article
			// other than its own.
			a.backed = a.backed || hasOther(p.B.Articles, p.A.Articles)
			b.backed = b.backed || hasOther(p.A.Articles, p.B.Articles)
		}
	}
	for _, s := range g.Singles {
		add(s.Event, s.Role, s.Value)
	}
	out := map[string]Value{}
	for _, k := range order {
		f := strings.SplitN(k, "\x00", 3)
		vi := vals[k]
		if !slices.Contains(g.Roles, f[1]) || len(vi.v.Articles) != 1 || vi.backed {
			continue
		}
		if reporters != nil && len(reporters[f[0]]) < 2 {
			continue
		}
		out[k] = vi.v
	}
	return out
}

// hasOther reports whether a holds an article that is not the single
// article of b, or any article when b has several.
func hasOther(a, b []string) bool {
	for _, x := range a {
		if len(b) != 1 || x != b[0] {
			return true
		}
	}
	return false
}

// crossArticle reports whether some article states a and another one b.
func crossArticle(a, b Value) bool {
	for _, x := range a.Articles {
		for _, y := range b.Articles {
			if x != y {
				return true
			}
		}
	}
	return false
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// kind is "number", "time" or "entity".
func (v Value) kind() string {
	switch {
	case v.Low != nil || v.High != nil:
		return "number"
	case v.Begin != "":
		return "time"
	case v.Entity != "":
		return "entity"
	}
	return ""
}

func (v Value) check(role string) error {
	n := 0
	if v.Low != nil || v.High != nil || v.Unit != "" || len(v.Heads) > 0 {
		n++
	}
	if v.Begin != "" || v.End != "" {
		n++
	}
	if v.Entity != "" {
		n++
	}
	if n != 1 {
		return fmt.Errorf("value %s: give an interval (low/high), dates (begin/end) or an entity, exactly one", v)
	}
	switch v.kind() {
	case "number":
		lo, hi := v.bounds()
		if lo > hi {
			return fmt.Errorf("value %s: low above high", v)
		}
		if role != crosscheck.RoleCount && role != crosscheck.RoleMoney {
			return fmt.Errorf("value %s: an interval for role %s", v, role)
		}
	case "time":
		b, e := v.dates()
		if _, err := day(b); err != nil {
			return fmt.Errorf("value %s: %v", v, err)
		}
		if _, err := day(e); err != nil {
			return fmt.Errorf("value %s: %v", v, err)
		}
		if b > e {
			return fmt.Errorf("value %s: begins after it ends", v)
		}
		if role != crosscheck.RoleTime {
			return fmt.Errorf("value %s: dates for role %s", v, role)
		}
	case "":
		return fmt.Errorf("value %s: no interval, dates or entity", v)
	}
	return nil
}

// key identifies a value by what it says, not by who says it.
func (v Value) key() string {
	switch v.kind() {
	case "number":
		lo, hi := v.bounds()
		h := sortedCopy(v.Heads)
		return "n:" + num(lo) + ".." + num(hi) + " " + v.Unit + " " + strings.Join(h, ",")
	case "time":
		b, e := v.dates()
		return "t:" + b + ".." + e
	}
	return "e:" + v.Entity
}

// String renders the value briefly: "7", "≥ 13", "1235000000–1365000000
// EUR", "2026-03-16", "2026-03-16..2026-03-22", "feldmark".
func (v Value) String() string {
	var s string
	switch v.kind() {
	case "number":
		lo, hi := v.bounds()
		s = interval(lo, hi)
		if v.Unit != "" {
			s += " " + v.Unit
		}
	case "time":
		b, e := v.dates()
		s = b
		if e != b {
			s += ".." + e
		}
	default:
		s = v.Entity
	}
	if v.Text != "" && v.kind() != "entity" {
		s += fmt.Sprintf(" (%q)", v.Text)
	}
	return s
}

func interval(lo, hi float64) string {
	switch {
	case lo == hi:
		return num(lo)
	case math.IsInf(hi, 1) && math.IsInf(lo, -1):
		return "any"
	case math.IsInf(hi, 1):
		return "≥ " + num(lo)
	case math.IsInf(lo, -1):
		return "≤ " + num(hi)
	}
	return num(lo) + "–" + num(hi)
}

func num(f float64) string {
	if math.IsInf(f, 0) {
		return "∞"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// bounds returns the value's closed interval; a nil bound is infinite.
func (v Value) bounds() (lo, hi float64) {
	lo, hi = math.Inf(-1), math.Inf(1)
	if v.Low != nil {
		lo = *v.Low
	}
	if v.High != nil {
		hi = *v.High
	}
	return lo, hi
}

// dates returns Begin and End, End defaulting to Begin.
func (v Value) dates() (string, string) {
	if v.End == "" {
		return v.Begin, v.Begin
	}
	return v.Begin, v.End
}

// intersects reports whether two values of the same kind overlap; ok is
// false for entities, whose compatibility depends on a place hierarchy.
func (v Value) intersects(w Value) (meets, ok bool) {
	if v.kind() != w.kind() {
		return false, false
	}
	switch v.kind() {
	case "number":
		a, b := v.bounds()
		c, d := w.bounds()
		return a <= d && c <= b, true
	case "time":
		a, b := v.dates()
		c, d := w.dates()
		return a <= d && c <= b, true
	}
	return false, false
}
