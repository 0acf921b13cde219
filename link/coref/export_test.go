package coref

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// DebugPairs scores every candidate pair of mentions keep accepts, for
// diagnostics.
func DebugPairs(mentions []crosscheck.EventMention, docs map[string]Doc, keep func(a, b *crosscheck.EventMention) bool, opts ...Option) []string {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	ms := slices.Clone(mentions)
	s := &scorer{f: make([]feat, len(ms)), up: cfg.up}
	for i := range ms {
		s.f[i] = newFeat(&ms[i], docs)
	}
	orderFeats(s.f)
	s.specE, s.specT = spreads(s.f)
	var out []string
	for _, p := range candidates(s.f) {
		i, j := int(p>>32), int(uint32(p))
		if !keep(s.f[i].m, s.f[j].m) {
			continue
		}
		sc, v := s.pair(i, j)
		out = append(out, fmt.Sprintf("%6.2f v%d %s[%s] ~ %s[%s]", sc, v, s.f[i].m.ID, desc(&s.f[i]), s.f[j].m.ID, desc(&s.f[j])))
	}
	return out
}

func desc(f *feat) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s b%d r%v", f.m.Trigger, f.when.basis, f.recap)
	for _, a := range f.m.Arguments {
		fmt.Fprintf(&b, " %s=%q", a.Role[:2], a.Text)
	}
	return b.String()
}
