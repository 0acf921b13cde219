package entity_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/entity"
)

func resolve(t *testing.T, docs []string, decisions []crosscheck.Decision, opts ...entity.Option) *entity.Result {
	t.Helper()
	var in []entity.Input
	for _, d := range docs {
		in = append(in, markup(t, d))
	}
	res, err := entity.Resolve(context.Background(), in, decisions, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// summary renders the entities as "Name[TYPE]: alias, alias | kind text, kind text".
func summary(res *entity.Result) []string {
	var out []string
	for _, e := range res.Entities {
		var as, other []string
		for _, a := range e.Aliases {
			as = append(as, a.Name)
		}
		sort.Strings(as)
		for _, m := range e.Mentions {
			if m.Kind != crosscheck.RefName && m.Kind != crosscheck.RefAcronym {
				other = append(other, m.Kind+" "+m.Text)
			}
		}
		sort.Strings(other)
		s := fmt.Sprintf("%s[%s]: %s", e.Name, e.Type, strings.Join(as, ", "))
		if len(other) > 0 {
			s += " | " + strings.Join(other, ", ")
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs []string
		opts []entity.Option
		// want lists every entity, as summary renders it.
		want []string
	}{
		{
			name: "short form after the full name, title and possessive stripped",
			docs: []string{"President [PERSON Matthias Korvel]/nsubj spoke/VERB . [PERSON Korvel’s] aides/nsubj left/VERB ."},
			want: []string{"Matthias Korvel[PERSON]: Korvel, Matthias Korvel"},
		},
		{
			name: "pronouns go to the last person subject, never the subject of their own clause as object",
			docs: []string{"[PERSON Lidia Brannholt]/nsubj summoned/VERB [PERSON Pavel Lusnik]/obj and handed/VERB him/obj a note . She/nsubj left/VERB ."},
			want: []string{
				"Lidia Brannholt[PERSON]: Lidia Brannholt | pronoun She",
				"Pavel Lusnik[PERSON]: Pavel Lusnik",
			},
		},
		{
			name: "a spokeswoman is a she",
			docs: []string{"spokeswoman [PERSON Alina Drozd]/nsubj spoke/VERB . [PERSON Tomas Reinholt]/obj was/VERB there . he/nsubj said/VERB ."},
			want: []string{"Alina Drozd[PERSON]: Alina Drozd", "Tomas Reinholt[PERSON]: Tomas Reinholt"},
		},
		{
			name: "acronym in parentheses, then the acronym and a description",
			docs: []string{"The [ORG State Security Service] ( [ORG SSS] ) arrested/VERB seven . The [ORG SSS]/nsubj said/VERB . the security service/nsubj named/VERB him ."},
			want: []string{"State Security Service[ORG]: SSS, State Security Service | description the security service"},
		},
		{
			name: "acronym defined in one article, bare in another",
			docs: []string{
				"The [ORG Revolutionary Vanguard Corps] ( [ORG RVC] ) trained/VERB them .",
				"an [ORG RVC] officer/nsubj was/VERB named .",
			},
			want: []string{"Revolutionary Vanguard Corps[ORG]: RVC, Revolutionary Vanguard Corps"},
		},
		{
			name: "an acronym defined nowhere joins the one name it spells",
			docs: []string{
				"The [ORG Talmeran National Energy Company] signed/VERB .",
				"[ORG TNEC]/nsubj hired/VERB surveyors .",
			},
			want: []string{"Talmeran National Energy Company[ORG]: TNEC, Talmeran National Energy Company"},
		},
		{
			name: "expansions of one acronym, a bare use and a short form with a country are one",
			docs: []string{
				"the [ORG Islamic Revolutionary Guard Corps] ( [ORG IRGC] ) trained/VERB them .",
				"the [NORP Iranian] [ORG Revolutionary Guard Corps] ( [ORG IRGC] ) paid/VERB them .",
				"[GPE Iran] 's [ORG IRGC]/nsubj denied/VERB it .",
				"[GPE Iran] 's [ORG Revolutionary Guard]/nsubj denied/VERB it .",
			},
			want: []string{
				"Iran[GPE]: Iran | demonym Iranian",
				"Islamic Revolutionary Guard Corps[ORG]: IRGC, Islamic Revolutionary Guard Corps, Revolutionary Guard, Revolutionary Guard Corps",
			},
		},
		{
			name: "the description takes the latest organisation with that head noun",
			docs: []string{"The [ORG Defence Ministry]/nsubj spoke/VERB . The [ORG Marenburg District Court]/nsubj ruled/VERB . The ministry/nsubj said/VERB the court/nsubj erred/VERB ."},
			want: []string{
				"Defence Ministry[ORG]: Defence Ministry | description The ministry",
				"Marenburg District Court[ORG]: Marenburg District Court | description the court",
			},
		},
		{
			name: "a short organisation name joins the one longer name holding it",
			docs: []string{
				"The [ORG Revolutionary Vanguard Corps]/nsubj trained/VERB them .",
				"The [ORG Vanguard]/nsubj denied/VERB it .",
			},
			want: []string{"Revolutionary Vanguard Corps[ORG]: Revolutionary Vanguard Corps, Vanguard"},
		},
		{
			name: "transliteration variants merge; Iran and Iraq do not",
			docs: []string{
				"The [ORG Huseyniyyun] group/nsubj marched/VERB in [GPE Iran] .",
				"The [ORG Huseiniyyun]/nsubj said/VERB [GPE Iraq] was/VERB calm .",
				"[PERSON Arseny Khoryev]/nsubj was/VERB held .",
				"[PERSON Arseni Horyev]/nsubj was/VERB held .",
			},
			want: []string{
				"Arseni Horyev[PERSON]: Arseni Horyev, Arseny Khoryev",
				"Huseiniyyun[ORG]: Huseiniyyun, Huseyniyyun",
				"Iran[GPE]: Iran",
				"Iraq[GPE]: Iraq",
			},
		},
		{
			name: "nationality words point to their country, known or formed from a place in the corpus",
			docs: []string{
				"[NORP Iranian] diplomats/nsubj met/VERB [NORP Ostravian] officials in [GPE Ostravia] .",
				"[GPE Iran]/nsubj protested/VERB .",
			},
			want: []string{
				"Iran[GPE]: Iran | demonym Iranian",
				"Ostravia[GPE]: Ostravia | demonym Ostravian",
			},
		},
		{
			name: "a capital acting as the government is its country; a capital as a place is the city",
			docs: []string{
				"[GPE Tehran]/nsubj summoned/VERB the envoy . Reporters/nsubj gathered/VERB in [GPE Tehran] .",
				"[GPE Kelm]/nsubj denied/VERB it . [GPE Kelm]/nmod:poss 's envoy/nsubj left/VERB . [GPE Kelm]/nmod:poss 's streets/nsubj were/VERB quiet .",
			},
			opts: []entity.Option{entity.WithCapitals(map[string]string{"Kelm": "Ostravia"})},
			want: []string{
				"Iran[GPE]:  | metonym Tehran",
				"Kelm[GPE]: Kelm",
				"Ostravia[GPE]:  | metonym Kelm, metonym Kelm",
				"Tehran[GPE]: Tehran",
			},
		},
		{
			name: "a rename keeps two organisations apart, related",
			docs: []string{"The [ORG State Security Service] , formerly known as the [ORG Ministry of National Security] , spoke/VERB ."},
			want: []string{
				"Ministry of National Security[ORG]: Ministry of National Security",
				"State Security Service[ORG]: State Security Service",
			},
		},
		{
			name: "a surname shared by two full names stays apart across articles",
			docs: []string{
				"[PERSON Emil Matusz]/nsubj was/VERB held . [PERSON Matusz]/nsubj worked/VERB at the port .",
				"[PERSON Lena Matusz]/nsubj spoke/VERB .",
				"[PERSON Matusz]/nsubj was/VERB not named .",
			},
			want: []string{
				"Emil Matusz[PERSON]: Emil Matusz, Matusz",
				"Lena Matusz[PERSON]: Lena Matusz",
				"Matusz[PERSON]: Matusz",
			},
		},
		{
			name: "a surname that one full name has joins it across articles",
			docs: []string{
				"[PERSON Ilham Aliyev]/nsubj spoke/VERB .",
				"[PERSON Aliyev]/nsubj left/VERB .",
			},
			want: []string{"Ilham Aliyev[PERSON]: Aliyev, Ilham Aliyev"},
		},
		{
			name: "a type the recognizer disagrees on is settled by majority",
			docs: []string{
				"[ORG Regional Wire Agency] reported/VERB .",
				"[ORG Regional Wire Agency] reported/VERB .",
				"[GPE Regional Wire Agency] reported/VERB .",
			},
			want: []string{"Regional Wire Agency[ORG]: Regional Wire Agency"},
		},
		{
			name: "byline authors are not entities",
			docs: []string{"By [AUTHOR Anna Vos] . [PERSON Anna Vos]/nsubj was/VERB not there ."},
			want: []string{"Anna Vos[PERSON]: Anna Vos"},
		},
		{
			name: "organisations of different countries stay apart; a bare name goes with the country its article names",
			docs: []string{
				"[GPE Azerbaijan] 's [ORG State Security Service]/nsubj spoke/VERB .",
				"[GPE Valdoria] 's [ORG State Security Service]/nsubj spoke/VERB .",
				"In [GPE Valdoria] , the [ORG State Security Service]/nsubj spoke/VERB .",
			},
			want: []string{
				"Azerbaijan[GPE]: Azerbaijan",
				"State Security Service (Azerbaijan)[ORG]: State Security Service",
				"State Security Service (Valdoria)[ORG]: State Security Service",
				"Valdoria[GPE]: Valdoria",
			},
		},
		{
			name: "country aliases and the capitals of dateline shouting",
			docs: []string{
				"[GPE US] officials/nsubj met/VERB . [GPE United States] troops/nsubj left/VERB .",
				"[GPE MARENBURG] ( [ORG RWA] ) - [GPE Marenburg] was/VERB calm .",
			},
			want: []string{
				"Marenburg[GPE]: Marenburg",
				"RWA[ORG]: RWA",
				"United States[GPE]: US, United States",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := resolve(t, tc.docs, nil, tc.opts...)
			if got := summary(res); !slices.Equal(got, tc.want) {
				t.Errorf("entities:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestRelations(t *testing.T) {
	res := resolve(t, []string{
		"The [ORG State Security Service] , formerly known as the [ORG Ministry of National Security] , spoke/VERB .",
		"[GPE Kelm]/nsubj denied/VERB it . Crowds/nsubj gathered/VERB in [GPE Kelm] .",
	}, nil, entity.WithCapitals(map[string]string{"Kelm": "Ostravia"}))
	id := map[string]string{}
	for _, e := range res.Entities {
		id[e.Name] = e.ID
	}
	for _, tc := range []struct{ from, kind, to string }{
		{"State Security Service", crosscheck.RelRenamed, "Ministry of National Security"},
		{"Ministry of National Security", crosscheck.RelRenamed, "State Security Service"},
		{"Kelm", crosscheck.RelGovernmentOf, "Ostravia"},
	} {
		e := res.Entity(id[tc.from])
		if e == nil || !slices.Contains(e.Relations, crosscheck.Relation{Kind: tc.kind, Entity: id[tc.to]}) {
			t.Errorf("%s: relations %v, want %s %s", tc.from, e, tc.kind, tc.to)
		}
	}
}

func TestEvidence(t *testing.T) {
	in := []entity.Input{
		markup(t, "President [PERSON Matthias Korvel’s]/nsubj aides/nsubj spoke/VERB . He/nsubj left/VERB ."),
		markup(t, "The [ORG State Security Service] ( [ORG SSS] ) spoke/VERB ."),
	}
	res, err := entity.Resolve(context.Background(), in, nil)
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, d := range in {
		text[d.Doc.ID] = d.Doc.Text
	}
	for _, e := range res.Entities {
		if !strings.HasPrefix(e.ID, "E") || len(e.ID) != 11 || e.Docs != 1 {
			t.Errorf("%s: ID %q, docs %d", e.Name, e.ID, e.Docs)
		}
		for _, m := range e.Mentions {
			if got := text[m.DocID][m.Span.Start:m.Span.End]; got != m.Text || m.Extractor != entity.Version || m.Kind == "" {
				t.Errorf("%s: mention %+v covers %q", e.Name, m, got)
			}
		}
	}
	korvel := res.Entities[0]
	if korvel.Name != "Matthias Korvel" || korvel.Mentions[0].Text != "Matthias Korvel" || korvel.Mentions[1].Kind != crosscheck.RefPronoun {
		t.Errorf("Korvel = %+v, want the name without title and possessive, then the pronoun", korvel)
	}
}

func TestIDsAreStable(t *testing.T) {
	docs := []string{
		"[PERSON Ilham Aliyev]/nsubj spoke/VERB . [GPE Baku]/nsubj denied/VERB .",
		"The [ORG State Security Service] ( [ORG SSS] ) spoke/VERB in [GPE Baku] .",
	}
	a := resolve(t, docs, nil)
	b := resolve(t, []string{docs[1], docs[0]}, nil)
	if !slices.Equal(summary(a), summary(b)) {
		t.Fatalf("results depend on document order:\n%v\n%v", summary(a), summary(b))
	}
	for i := range a.Entities {
		if a.Entities[i].ID != b.Entities[i].ID {
			t.Errorf("%s: ID %s, then %s", a.Entities[i].Name, a.Entities[i].ID, b.Entities[i].ID)
		}
	}
	// A rename keeps the ID: it is derived from the name before renames.
	c := resolve(t, docs, []crosscheck.Decision{{Kind: crosscheck.DecideRename, A: "SSS", B: "Azerbaijan's State Security Service"}})
	for _, e := range c.Entities {
		if e.Name == "Azerbaijan's State Security Service" && e.ID != a.Entity(e.ID).ID {
			t.Errorf("renamed entity changed its ID")
		}
	}
	if c.Stats.Decisions != 1 {
		t.Errorf("decisions applied = %d, want 1", c.Stats.Decisions)
	}
}

func TestDecisions(t *testing.T) {
	docs := []string{
		"[PERSON Ilham Aliyev]/nsubj spoke/VERB . [PERSON Aliyev]/nsubj left/VERB .",
		"[PERSON Heydar Aliyev]/nsubj ruled/VERB .",
		"The [ORG State Security Service]/nsubj spoke/VERB . The [ORG DTX]/nsubj arrested/VERB five .",
	}
	for _, tc := range []struct {
		name      string
		decisions []crosscheck.Decision
		want      []string
	}{
		{
			name: "none",
			want: []string{
				"DTX[ORG]: DTX",
				"Heydar Aliyev[PERSON]: Heydar Aliyev",
				"Ilham Aliyev[PERSON]: Aliyev, Ilham Aliyev",
				"State Security Service[ORG]: State Security Service",
			},
		},
		{
			name:      "merge by any alias",
			decisions: []crosscheck.Decision{{Kind: crosscheck.DecideMerge, A: "the DTX", B: "State Security Service"}},
			want: []string{
				"Heydar Aliyev[PERSON]: Heydar Aliyev",
				"Ilham Aliyev[PERSON]: Aliyev, Ilham Aliyev",
				"State Security Service[ORG]: DTX, State Security Service",
			},
		},
		{
			name:      "merge restricted to a type that does not match does nothing",
			decisions: []crosscheck.Decision{{Kind: crosscheck.DecideMerge, Type: crosscheck.LabelPerson, A: "DTX", B: "State Security Service"}},
			want: []string{
				"DTX[ORG]: DTX",
				"Heydar Aliyev[PERSON]: Heydar Aliyev",
				"Ilham Aliyev[PERSON]: Aliyev, Ilham Aliyev",
				"State Security Service[ORG]: State Security Service",
			},
		},
		{
			name:      "split an alias into its own entity",
			decisions: []crosscheck.Decision{{Kind: crosscheck.DecideSplit, A: "Ilham Aliyev", B: "Aliyev"}},
			want: []string{
				"Aliyev[PERSON]: Aliyev",
				"DTX[ORG]: DTX",
				"Heydar Aliyev[PERSON]: Heydar Aliyev",
				"Ilham Aliyev[PERSON]: Ilham Aliyev",
				"State Security Service[ORG]: State Security Service",
			},
		},
		{
			name: "decisions apply in order: merge, then rename",
			decisions: []crosscheck.Decision{
				{Kind: crosscheck.DecideMerge, A: "DTX", B: "State Security Service"},
				{Kind: crosscheck.DecideRename, A: "DTX", B: "State Security Service of Azerbaijan"},
			},
			want: []string{
				"Heydar Aliyev[PERSON]: Heydar Aliyev",
				"Ilham Aliyev[PERSON]: Aliyev, Ilham Aliyev",
				"State Security Service of Azerbaijan[ORG]: DTX, State Security Service",
			},
		},
		{
			name:      "a decision naming nobody changes nothing",
			decisions: []crosscheck.Decision{{Kind: crosscheck.DecideSplit, A: "Nobody", B: "Aliyev"}, {Kind: "unknown", A: "DTX", B: "SSS"}},
			want: []string{
				"DTX[ORG]: DTX",
				"Heydar Aliyev[PERSON]: Heydar Aliyev",
				"Ilham Aliyev[PERSON]: Aliyev, Ilham Aliyev",
				"State Security Service[ORG]: State Security Service",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := resolve(t, docs, tc.decisions)
			if got := summary(res); !slices.Equal(got, tc.want) {
				t.Errorf("entities:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestAt(t *testing.T) {
	in := markup(t, "The [ORG State Security Service] ( [ORG SSS] ) said/VERB [PERSON Tomas Reinholt]/nsubj spoke/VERB .")
	res, err := entity.Resolve(context.Background(), []entity.Input{in}, nil)
	if err != nil {
		t.Fatal(err)
	}
	text := in.Doc.Text
	at := func(s string, from, to int) string {
		i := strings.Index(text, s)
		return res.At(in.Doc.ID, crosscheck.Span{Start: i + from, End: i + to})
	}
	sss := res.Entities[0].ID
	reinholt := res.Entities[1].ID
	for _, tc := range []struct {
		what     string
		from, to int
		want     string
	}{
		{"State Security Service", 0, 22, sss},    // exact
		{"Security", 0, 8, sss},                   // inside
		{"SSS", 0, 3, sss},                        // the acronym
		{"said Tomas", 0, 10, reinholt},           // overlaps the person only
		{"Tomas Reinholt spoke", 0, 20, reinholt}, // covers the mention
		{"The State", 0, 3, ""},                   // no mention
		{"spoke", 0, 5, ""},                       //
		{"State Security Service", -4, 28, sss},   // best overlap
	} {
		if got := at(tc.what, tc.from, tc.to); got != tc.want {
			t.Errorf("At(%q %d:%d) = %q, want %q", tc.what, tc.from, tc.to, got, tc.want)
		}
	}
	if got := res.At("other", crosscheck.Span{Start: 0, End: 5}); got != "" {
		t.Errorf("At in an unknown document = %q", got)
	}
}

func TestBadInput(t *testing.T) {
	in := markup(t, "[PERSON Ilham Aliyev]/nsubj spoke/VERB . [ORG SSS] left/VERB .")
	// Spans outside the text, tokens out of order, heads out of range.
	in.Layer.Entities = append(in.Layer.Entities,
		crosscheck.EntityMention{Span: crosscheck.Span{Start: 5, End: 500}, Label: crosscheck.LabelOrg, Text: "x"},
		crosscheck.EntityMention{Span: crosscheck.Span{Start: -3, End: 2}, Label: crosscheck.LabelOrg, Text: "x"},
		crosscheck.EntityMention{Span: crosscheck.Span{Start: 3, End: 3}, Label: crosscheck.LabelOrg},
	)
	s := &in.Layer.Sentences[0]
	s.Tokens[0].Head = 99
	in.Layer.Sentences[1].Tokens[0].Span = crosscheck.Span{Start: 900, End: 901}
	res, err := entity.Resolve(context.Background(), []entity.Input{in, {Doc: in.Doc}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Invalid != 3 || len(res.Entities) != 2 {
		t.Errorf("stats %+v, entities %v", res.Stats, summary(res))
	}
	// A layer given for another document is an error.
	other := markup(t, "[PERSON Lena Matusz] spoke/VERB .")
	_, err = entity.Resolve(context.Background(), []entity.Input{{Doc: in.Doc, Layer: other.Layer}}, nil)
	if !errors.Is(err, crosscheck.ErrInvalid) {
		t.Errorf("mismatched layer: err = %v, want ErrInvalid", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := entity.Resolve(ctx, []entity.Input{in}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}

func FuzzResolve(f *testing.F) {
	f.Add("The State Security Service (SSS) said Ilham Aliyev left Baku.", 4, 26, 35, 47)
	f.Add("Kelm’s envoy", 0, 6, 0, 12)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		doc := &crosscheck.Document{ID: "d", Text: text}
		var toks []crosscheck.Token
		pos := 0
		for _, w := range strings.Fields(text) {
			i := strings.Index(text[pos:], w) + pos
			toks = append(toks, crosscheck.Token{Span: crosscheck.Span{Start: i, End: i + len(w)}, Text: w, UPOS: "PROPN", Rel: "nsubj", Head: len(toks) + 1})
			pos = i + len(w)
		}
		layer := &crosscheck.Annotations{DocID: "d", Sentences: []crosscheck.Sentence{{Index: 0, Span: crosscheck.Span{End: len(text)}, Tokens: toks}}}
		for i, sp := range []crosscheck.Span{{Start: a, End: b}, {Start: c, End: d}} {
			m := crosscheck.EntityMention{Span: sp, Label: []string{crosscheck.LabelOrg, crosscheck.LabelGPE}[i]}
			if sp.Valid(len(text)) {
				m.Text = text[sp.Start:sp.End]
			}
			layer.Entities = append(layer.Entities, m)
		}
		res, err := entity.Resolve(context.Background(), []entity.Input{{Doc: doc, Layer: layer}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Entities {
			for _, m := range e.Mentions {
				if !m.Span.Valid(len(text)) || text[m.Span.Start:m.Span.End] != m.Text {
					t.Fatalf("bad mention %+v", m)
				}
			}
		}
	})
}
