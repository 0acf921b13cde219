package ledger

import (
	"bufio"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/gazetteer"
)

// Places is a place hierarchy: each place's parent (a town's region or
// country). It combines the gazetteer (cities and their countries) with
// a user's names list, whose optional third column names the parent
// ("Feldmark<TAB>GPE<TAB>Lanthia").
type Places struct {
	parent map[string]string
	// capitals maps a capital to its country, as the names list states
	// it ("Kelm<TAB>GPE<TAB>capital of Ostravia").
	capitals map[string]string
}

// NewPlaces returns the gazetteer hierarchy.
func NewPlaces() *Places {
	p := &Places{parent: map[string]string{}, capitals: map[string]string{}}
	byCode := map[string]string{}
	for _, c := range gazetteer.Countries() {
		byCode[c.Code] = c.Name
		for _, cap := range c.Capitals {
			p.parent[strings.ToLower(cap)] = c.Name
		}
	}
	for _, c := range gazetteer.Cities() {
		k := strings.ToLower(c.Name)
		if _, ok := p.parent[k]; !ok && byCode[c.Country] != "" {
			p.parent[k] = byCode[c.Country]
		}
	}
	return p
}

// ReadNames adds the parents given in a names list's third column: a
// place's region or country, or "capital of COUNTRY".
func (p *Places) ReadNames(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || strings.TrimSpace(f[2]) == "" {
			continue
		}
		name, parent := strings.TrimSpace(f[0]), strings.TrimSpace(f[2])
		if country, ok := strings.CutPrefix(parent, "capital of "); ok {
			parent = strings.TrimSpace(country)
			p.capitals[name] = parent
		}
		p.parent[strings.ToLower(name)] = parent
	}
	return sc.Err()
}

// Within reports whether place a lies inside place b, following parents
// up to a few levels.
func (p *Places) Within(a, b string) bool {
	b = strings.ToLower(b)
	cur := strings.ToLower(a)
	for i := 0; i < 6; i++ {
		next, ok := p.parent[cur]
		if !ok {
			return false
		}
		cur = strings.ToLower(next)
		if cur == b {
			return true
		}
	}
	return false
}

// AddGraph adds the part-of relations the entity resolver found between
// places ("Feldmark" part of "Valdoria"); known parents are kept.
func (p *Places) AddGraph(g *crosscheck.Graph) {
	names := map[string]string{}
	for _, e := range g.Entities {
		names[e.ID] = e.Name
	}
	for _, e := range g.Entities {
		for _, r := range e.Relations {
			k := strings.ToLower(e.Name)
			if _, ok := p.parent[k]; !ok && r.Kind == crosscheck.RelPartOf && names[r.Entity] != "" {
				p.parent[k] = names[r.Entity]
			}
		}
	}
}

// Capitals returns the capitals a names list declared, capital → country.
func (p *Places) Capitals() map[string]string {
	out := make(map[string]string, len(p.capitals))
	for k, v := range p.capitals {
		out[k] = v
	}
	return out
}
