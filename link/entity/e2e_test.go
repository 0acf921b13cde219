package entity_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/demo/gold"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/link/entity"
	"github.com/crosscheck/crosscheck/link/score"
	"github.com/crosscheck/crosscheck/nlp"
)

// End-to-end tests: the real language layer (nlp.Default with the demo
// world's names list) feeds the resolver.

var (
	pipeOnce sync.Once
	pipe     *nlp.Pipeline
	pipeErr  error
)

func pipeline(t *testing.T) *nlp.Pipeline {
	t.Helper()
	if testing.Short() {
		t.Skip("loads the language models")
	}
	pipeOnce.Do(func() {
		var p *nlp.Pipeline
		p, pipeErr = nlp.Default()
		if pipeErr != nil {
			return
		}
		raw, err := fs.ReadFile(demo.Corpus(), demo.Root+"/names.tsv")
		if err != nil {
			pipeErr = err
			return
		}
		names, err := nlp.ReadNames(bytes.NewReader(raw), "names.tsv")
		if err != nil {
			pipeErr = err
			return
		}
		// Names of this test's own invented world.
		for n, l := range map[string]string{
			"Kasmaria": "GPE", "Dorvik": "GPE", "Kasmarian": "NORP", "Orlenia": "GPE", "Brask": "GPE",
			"Orlenian": "NORP", "Harald Venn": "PERSON", "Ana Venn": "PERSON", "Venn": "PERSON",
			"National Intelligence Bureau": "ORG", "NIB": "ORG", "Office for State Protection": "ORG",
			"Khalidiyya Front": "ORG", "Chalidiyya Front": "ORG",
		} {
			names[n] = l
		}
		pipe = p.WithNames(names)
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

func annotate(t *testing.T, docs []*crosscheck.Document) []entity.Input {
	t.Helper()
	p := pipeline(t)
	var in []entity.Input
	for _, d := range docs {
		a, err := p.Annotate(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, entity.Input{Doc: d, Layer: a})
	}
	return in
}

func textDoc(text string) *crosscheck.Document {
	h := sha256.Sum256([]byte(text))
	return &crosscheck.Document{ID: hex.EncodeToString(h[:8]), Text: text}
}

// byName returns the entities that have an alias with that name.
func byName(res *entity.Result, name string) []crosscheck.Entity {
	var out []crosscheck.Entity
	for _, e := range res.Entities {
		for _, a := range e.Aliases {
			if a.Name == name {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

func one(t *testing.T, res *entity.Result, name string) crosscheck.Entity {
	t.Helper()
	es := byName(res, name)
	if len(es) != 1 {
		t.Fatalf("%d entities go by %q, want 1: %v", len(es), name, names(es))
	}
	return es[0]
}

func names(es []crosscheck.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Name+" "+e.Type)
	}
	return out
}

func hasAlias(e crosscheck.Entity, name string) bool {
	for _, a := range e.Aliases {
		if a.Name == name {
			return true
		}
	}
	return false
}

func kinds(e crosscheck.Entity) map[string][]string {
	out := map[string][]string{}
	for _, m := range e.Mentions {
		out[m.Kind] = append(out[m.Kind], m.Text)
	}
	return out
}

func TestEndToEndOwnTexts(t *testing.T) {
	docs := []*crosscheck.Document{
		textDoc("Kasmaria arrests four in spy case\n\n" +
			"President Harald Venn said on Monday that the National Intelligence Bureau (NIB) had arrested four people suspected of spying for Orlenia. " +
			"Venn told reporters in Dorvik that he would not tolerate foreign interference.\n\n" +
			"The bureau said the suspects had been trained by the Khalidiyya Front, a group based in Orlenia. Brask denied any involvement. " +
			"Orlenian diplomats declined to comment."),
		textDoc("Fifth suspect questioned\n\n" +
			"The NIB said on Tuesday that it had questioned a fifth suspect. " +
			"The National Intelligence Bureau, formerly known as the Office for State Protection, was reorganised in 2019.\n\n" +
			"Ana Venn, a lawyer for two of the suspects, said her clients were innocent. Brask summoned the Kasmarian ambassador."),
		textDoc("Orlenia rejects Kasmarian spy claims\n\n" +
			"The Chalidiyya Front said its members were peaceful people. Venn has not commented on the statement.\n\n" +
			"Officials in the Orlenian capital Brask called the arrests a provocation, and the NIB declined to answer questions."),
	}
	in := annotate(t, docs)
	res, err := entity.Resolve(context.Background(), in, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Entities {
		t.Logf("%s %s %q aliases=%v kinds=%v rel=%v", e.ID, e.Type, e.Name, e.Aliases, kinds(e), e.Relations)
	}

	nib := one(t, res, "NIB")
	if !hasAlias(nib, "National Intelligence Bureau") || nib.Docs != 3 {
		t.Errorf("NIB = %q in %d docs with %v, want the bureau's acronym and name in 3 docs", nib.Name, nib.Docs, nib.Aliases)
	}
	if d := kinds(nib)[crosscheck.RefDescription]; len(d) == 0 {
		t.Errorf("NIB has no description mention (\"The bureau\"): %v", kinds(nib))
	}
	osp := one(t, res, "Office for State Protection")
	if osp.ID == nib.ID || len(osp.Relations) == 0 || osp.Relations[0].Kind != crosscheck.RelRenamed || osp.Relations[0].Entity != nib.ID {
		t.Errorf("Office for State Protection = %+v, want a separate entity renamed to the NIB", osp)
	}

	harald := one(t, res, "Harald Venn")
	if !hasAlias(harald, "Venn") || harald.Docs != 1 {
		t.Errorf("Harald Venn = %v in %d docs, want his short form from his own article only", harald.Aliases, harald.Docs)
	}
	if p := kinds(harald)[crosscheck.RefPronoun]; len(p) != 1 || p[0] != "he" {
		t.Errorf("Harald Venn pronouns = %v, want [he]", p)
	}
	ana := one(t, res, "Ana Venn")
	if ana.ID == harald.ID || hasAlias(ana, "Venn") {
		t.Errorf("Ana Venn = %v, want a separate entity without the bare surname", ana.Aliases)
	}
	for _, e := range byName(res, "Venn") {
		if e.ID != harald.ID && e.Name != "Venn" {
			t.Errorf("the bare Venn of the third article joined %q; two full names share the surname", e.Name)
		}
	}

	front := one(t, res, "Khalidiyya Front")
	if !hasAlias(front, "Chalidiyya Front") {
		t.Errorf("Khalidiyya Front = %v, want the Chalidiyya spelling too", front.Aliases)
	}

	orlenia := one(t, res, "Orlenia")
	k := kinds(orlenia)
	if len(k[crosscheck.RefMetonym]) != 2 || len(k[crosscheck.RefDemonym]) < 2 {
		t.Errorf("Orlenia mentions by kind = %v, want Brask twice as a metonym (capital learned from \"the Orlenian capital Brask\") and the demonyms", k)
	}
	brask := one(t, res, "Brask")
	if len(brask.Relations) == 0 || brask.Relations[0].Kind != crosscheck.RelGovernmentOf || brask.Relations[0].Entity != orlenia.ID {
		t.Errorf("Brask relations = %v, want government_of Orlenia", brask.Relations)
	}
	if kasmaria := one(t, res, "Kasmaria"); len(kinds(kasmaria)[crosscheck.RefDemonym]) != 2 {
		t.Errorf("Kasmaria = %v, want both Kasmarian mentions as demonyms", kinds(kasmaria))
	}

	// At finds the entity of a span, and of a word inside it.
	d0 := docs[0]
	i := strings.Index(d0.Text, "National Intelligence Bureau")
	if got := res.At(d0.ID, crosscheck.Span{Start: i, End: i + len("National Intelligence Bureau")}); got != nib.ID {
		t.Errorf("At(National Intelligence Bureau) = %q, want %q", got, nib.ID)
	}
	if got := res.At(d0.ID, crosscheck.Span{Start: i + 9, End: i + 21}); got != nib.ID {
		t.Errorf("At(Intelligence) = %q, want %q", got, nib.ID)
	}
}

// memStore is the least DocumentStore the ingester needs.
type memStore struct {
	mu   sync.Mutex
	docs []*crosscheck.Document
	raw  map[string]string
}

func (s *memStore) PutDocument(_ context.Context, d *crosscheck.Document, raw []byte, _ *crosscheck.Fingerprint, _ []crosscheck.Link) (crosscheck.PutResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.raw[d.RawHash]; ok {
		return crosscheck.PutResult{ID: id, Existing: true}, nil
	}
	if s.raw == nil {
		s.raw = map[string]string{}
	}
	s.raw[d.RawHash] = d.ID
	s.docs = append(s.docs, d)
	return crosscheck.PutResult{ID: d.ID}, nil
}

func (s *memStore) DocumentByRawHash(_ context.Context, h string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.raw[h]; ok {
		return id, nil
	}
	return "", crosscheck.ErrNotFound
}

func (s *memStore) Document(_ context.Context, id string) (*crosscheck.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.ID == id {
			return d, nil
		}
	}
	return nil, crosscheck.ErrNotFound
}

func (s *memStore) Documents(context.Context, crosscheck.DocumentFilter) ([]crosscheck.DocumentSummary, error) {
	return nil, nil
}
func (s *memStore) Raw(context.Context, string) ([]byte, error) { return nil, crosscheck.ErrNotFound }
func (s *memStore) Candidates(context.Context, *crosscheck.Fingerprint) ([]crosscheck.Candidate, error) {
	return nil, nil
}
func (s *memStore) Links(context.Context, string) ([]crosscheck.Link, error) { return nil, nil }
func (s *memStore) Search(context.Context, crosscheck.SearchQuery) ([]crosscheck.SearchHit, error) {
	return nil, nil
}
func (s *memStore) Close() error { return nil }

// demoCapitals are the demo world's capitals (demo/corpus/README.md);
// the texts never say which country each is the capital of.
var demoCapitals = map[string]string{"Kelm": "Ostravia", "Marenburg": "Valdoria", "Sarest": "Talmera"}

func demoInputs(t *testing.T) []entity.Input {
	t.Helper()
	p := pipeline(t)
	st := &memStore{}
	in, err := ingest.New(st, ingest.Options{FS: demo.Corpus(), Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sum, err := in.Run(ctx, []string{demo.Root}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed > 0 {
		t.Fatalf("ingest: %+v", sum)
	}
	sort.Slice(st.docs, func(i, j int) bool { return st.docs[i].ID < st.docs[j].ID })
	var out []entity.Input
	for _, d := range st.docs {
		a, err := p.Annotate(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, entity.Input{Doc: d, Layer: a})
	}
	return out
}

func TestEndToEndDemoCorpus(t *testing.T) {
	in := demoInputs(t)
	if len(in) < 20 {
		t.Fatalf("ingested %d demo articles, want at least 20", len(in))
	}
	res, err := entity.Resolve(context.Background(), in, nil, entity.WithCapitals(demoCapitals))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d entities; stats %+v", len(res.Entities), res.Stats)
	for _, e := range res.Entities {
		t.Logf("%s %-6s %-36q m=%d d=%d %v", e.ID, e.Type, e.Name, len(e.Mentions), e.Docs, e.Aliases)
	}

	sss := one(t, res, "SSS")
	if sss.Name != "State Security Service" || sss.Type != crosscheck.LabelOrg || !hasAlias(sss, "State Security Service") {
		t.Errorf("SSS = %q %s %v, want the State Security Service", sss.Name, sss.Type, sss.Aliases)
	}
	if len(byName(res, "State Security Service")) != 1 {
		t.Errorf("the State Security Service is split: %v", names(byName(res, "State Security Service")))
	}
	if len(kinds(sss)[crosscheck.RefDescription]) == 0 {
		t.Errorf("no description (\"the service\") joined the SSS: %v", kinds(sss))
	}
	rvc := one(t, res, "RVC")
	if !hasAlias(rvc, "Revolutionary Vanguard Corps") || !hasAlias(rvc, "Vanguard") {
		t.Errorf("RVC = %v, want its name and \"the Vanguard\"", rvc.Aliases)
	}
	if b := one(t, res, "Khazrani Brotherhood"); !hasAlias(b, "Chazrani Brotherhood") {
		t.Errorf("Khazrani Brotherhood = %v, want the Chazrani spelling too", b.Aliases)
	}

	// Capitals acting as governments are metonyms of their country.
	for capital, country := range demoCapitals {
		c := one(t, res, country)
		var metonyms []string
		for _, m := range c.Mentions {
			if m.Kind == crosscheck.RefMetonym {
				if m.Text != capital {
					t.Errorf("%s has metonym %q, want only %s", country, m.Text, capital)
				}
				metonyms = append(metonyms, m.Text)
			}
		}
		if len(metonyms) == 0 {
			t.Errorf("%s has no metonym %s", country, capital)
		}
		city := one(t, res, capital)
		if city.ID == c.ID || len(city.Relations) == 0 || city.Relations[0].Entity != c.ID {
			t.Errorf("%s = %+v, want the city, related to %s", capital, city.Relations, country)
		}
	}
	// "Kelm had not commented" (S1) is the government.
	found := false
	for _, m := range one(t, res, "Ostravia").Mentions {
		if m.Kind == crosscheck.RefMetonym && strings.HasPrefix(docText(in, m.DocID)[m.Span.Start:], "Kelm had not commented") {
			found = true
		}
	}
	if !found {
		t.Error(`"Kelm had not commented" is not a metonym of Ostravia`)
	}
	// Nationality words point to their country.
	if len(kinds(one(t, res, "Ostravia"))[crosscheck.RefDemonym]) < 10 {
		t.Errorf("Ostravia has few demonyms: %v", len(kinds(one(t, res, "Ostravia"))[crosscheck.RefDemonym]))
	}

	// A renamed organisation stays apart, related.
	sss = one(t, res, "SSS")
	mns := one(t, res, "Ministry of National Security")
	if mns.ID == sss.ID || !slices.Contains(mns.Relations, crosscheck.Relation{Kind: crosscheck.RelRenamed, Entity: sss.ID}) {
		t.Errorf("Ministry of National Security relations = %v, want renamed ↔ %s", mns.Relations, sss.ID)
	}
	// Transliterations of a person's name are one person.
	if k := one(t, res, "Arseny Khoryev"); !hasAlias(k, "Arseni Horyev") {
		t.Errorf("Arseny Khoryev = %v, want Arseni Horyev too", k.Aliases)
	}
	// Different people with one surname stay apart.
	if lena := one(t, res, "Lena Matusz"); hasAlias(lena, "Emil") {
		t.Errorf("Lena Matusz = %v, merged with her husband", lena.Aliases)
	}
	// Byline authors are not actors.
	for _, author := range []string{"Anneke Vos", "Piet Danner", "Thomas Grey", "Rex Calloway", "Nadia Ferrante"} {
		if es := byName(res, author); len(es) > 0 {
			t.Errorf("byline author %s is an entity: %v", author, names(es))
		}
	}
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if m.Extractor != entity.Version || m.DocID == "" || m.Span.Len() == 0 || docText(in, m.DocID)[m.Span.Start:m.Span.End] != m.Text {
				t.Fatalf("%s: bad evidence %+v", e.Name, m)
			}
		}
	}
}

func docText(in []entity.Input, id string) string {
	for _, d := range in {
		if d.Doc.ID == id {
			return d.Doc.Text
		}
	}
	return ""
}

// TestEndToEndDemoGold scores the resolver against the demo corpus's
// hand-made gold (demo/gold) with the coreference scorers of link/score.
func TestEndToEndDemoGold(t *testing.T) {
	in := demoInputs(t)
	res, err := entity.Resolve(context.Background(), in, nil, entity.WithCapitals(demoCapitals))
	if err != nil {
		t.Fatal(err)
	}
	g, err := score.LoadGold(gold.FS())
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]crosscheck.Document, len(in))
	for i, d := range in {
		docs[i] = *d.Doc
	}
	ev, err := score.EvaluateEntities(g, &crosscheck.Graph{Entities: res.Entities}, docs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("entities against the demo gold: %v", ev)
	// Measured 84.1 CoNLL F1 (MUC 90.0, B³ 84.9, CEAF-e 77.5) when
	// written; the misses are mostly descriptions of unnamed things ("the
	// port", "the zealots") that the resolver does not attempt.
	if ev.CoNLL < 0.80 || ev.MUC.P < 0.95 {
		t.Errorf("CoNLL F1 %.3f, MUC precision %.3f: want at least 0.80 and 0.95", ev.CoNLL, ev.MUC.P)
	}
}

var diagnostics = flag.Bool("entity.diag", false, "print how the demo gold's entities were resolved")

// TestDemoGoldDiagnostics prints, for each gold entity, the system
// entities its mentions went to, and the gold mentions the resolver
// missed: go test -run Diagnostics -v -entity.diag.
func TestDemoGoldDiagnostics(t *testing.T) {
	if !*diagnostics {
		t.Skip("run with -entity.diag")
	}
	in := demoInputs(t)
	res, err := entity.Resolve(context.Background(), in, nil, entity.WithCapitals(demoCapitals))
	if err != nil {
		t.Fatal(err)
	}
	g, err := score.LoadGold(gold.FS())
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]crosscheck.Document, len(in))
	for i, d := range in {
		docs[i] = *d.Doc
	}
	r, err := g.Resolve(docs)
	if err != nil {
		t.Fatal(err)
	}
	nameOf := map[string]string{}
	for _, e := range res.Entities {
		nameOf[e.ID] = e.Name
	}
	missed := map[string]int{}
	for i, locs := range r.Entities {
		ge := g.Entities[i]
		to := map[string]int{}
		for j, l := range locs {
			id := res.At(l.Doc, l.Span)
			to[nameOf[id]]++
			if n := nameOf[id]; id != "" && n != ge.Name && ge.Mentions[j].Kind == crosscheck.RefMetonym {
				t.Logf("   metonym %q in %s went to %s: %q", ge.Mentions[j].Text, ge.Mentions[j].Article, n, docText(in, l.Doc)[max(0, l.Span.Start-60):min(len(docText(in, l.Doc)), l.Span.End+40)])
			}
			if id == "" {
				missed[ge.Mentions[j].Kind]++
				t.Logf("   missed %-11s %q in %s", ge.Mentions[j].Kind, ge.Mentions[j].Text, ge.Mentions[j].Article)
			}
		}
		t.Logf("%-28s %v", ge.Name, to)
	}
	t.Logf("missed by kind: %v", missed)
}
