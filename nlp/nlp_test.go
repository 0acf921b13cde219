package nlp

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo"
)

func pipeline(t testing.TB) *Pipeline {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const story = `Valdoria summons Ostravian ambassador

Valdoria's State Security Service (SSS) said on Monday it had detained seven people in Osterhaven. President Aurel Wendt told parliament in Marenburg that the network "worked for the Revolutionary Vanguard Corps".

Ostravia's foreign ministry in Kelm denied the report.`

func TestAnnotate(t *testing.T) {
	p := pipeline(t)
	doc := &crosscheck.Document{ID: "d1", Text: story}
	a, err := p.Annotate(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if a.DocID != "d1" || a.Extractor != p.Version() || !strings.Contains(a.Extractor, "token/") || a.CreatedAt.IsZero() {
		t.Errorf("provenance: %+v", a)
	}
	if len(a.Sentences) != 4 {
		t.Fatalf("%d sentences, want 4 (headline, two body sentences, last paragraph)", len(a.Sentences))
	}
	for i, s := range a.Sentences {
		if s.Index != i || story[s.Span.Start:s.Span.End] == "" {
			t.Errorf("sentence %d: index %d span %v", i, s.Index, s.Span)
		}
		roots := 0
		for _, tok := range s.Tokens {
			if story[tok.Span.Start:tok.Span.End] != tok.Text || tok.UPOS == "" || tok.XPOS == "" || tok.Lemma == "" {
				t.Errorf("token %+v: text, tags or lemma missing", tok)
			}
			if tok.Head == -1 {
				roots++
			} else if tok.Head < 0 || tok.Head >= len(s.Tokens) || tok.Rel == "" {
				t.Errorf("token %+v: head out of range or no relation", tok)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d has %d roots", i, roots)
		}
	}
	want := map[string]string{"State Security Service": crosscheck.LabelOrg, "SSS": crosscheck.LabelOrg, "Aurel Wendt": crosscheck.LabelPerson, "Revolutionary Vanguard Corps": crosscheck.LabelOrg}
	for _, e := range a.Entities {
		if story[e.Span.Start:e.Span.End] != e.Text || e.Sentence < 0 || e.Sentence >= len(a.Sentences) {
			t.Errorf("mention %+v: span or sentence wrong", e)
		}
		s := a.Sentences[e.Sentence].Span
		if e.Span.Start < s.Start || e.Span.End > s.End {
			t.Errorf("mention %+v lies outside its sentence %v", e, s)
		}
		if want[e.Text] == e.Label {
			delete(want, e.Text)
		}
		if e.Text == "Aurel Wendt" && e.Title != "President" {
			t.Errorf("title not kept apart: %+v", e)
		}
	}
	if len(want) > 0 {
		t.Errorf("not found with the right label: %v (got %+v)", want, a.Entities)
	}
}

func TestAnnotateCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := pipeline(t).Annotate(ctx, &crosscheck.Document{ID: "d", Text: story}); err == nil {
		t.Error("cancelled context did not stop annotation")
	}
}

// BenchmarkAnnotate runs the whole language layer (tokens, tags, lemmas,
// parse, entities) over the demo corpus's scraped articles and reports
// tokens/s and documents/s on one goroutine.
func BenchmarkAnnotate(b *testing.B) {
	p := pipeline(b)
	docs := benchDocs(b)
	tokens := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			a, err := p.Annotate(context.Background(), d)
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range a.Sentences {
				tokens += len(s.Tokens)
			}
		}
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(tokens)/secs, "tokens/s")
	b.ReportMetric(float64(len(docs)*b.N)/secs, "docs/s")
}

// BenchmarkPartTwo times the second part of the layer alone (times,
// quantities, quotes, modality) over layers annotated beforehand; its
// share of BenchmarkAnnotate is what part two adds to part one.
func BenchmarkPartTwo(b *testing.B) {
	p := pipeline(b)
	docs := benchDocs(b)
	layers := make([]*crosscheck.Annotations, len(docs))
	tokens := 0
	for i, d := range docs {
		a, err := p.Annotate(context.Background(), d)
		if err != nil {
			b.Fatal(err)
		}
		layers[i] = a
		for _, s := range a.Sentences {
			tokens += len(s.Tokens)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range docs {
			partTwo(d, layers[j])
		}
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(tokens*b.N)/secs, "tokens/s")
}

func benchDocs(b *testing.B) []*crosscheck.Document {
	var docs []*crosscheck.Document
	err := fs.WalkDir(demo.Corpus(), demo.Root+"/scraped", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := fs.ReadFile(demo.Corpus(), path)
		docs = append(docs, &crosscheck.Document{ID: path, Text: string(text)})
		return err
	})
	if err != nil || len(docs) == 0 {
		b.Fatal(err)
	}
	return docs
}

func TestNames(t *testing.T) {
	names, err := ReadNames(strings.NewReader("# invented places\nOstravia\tGPE\nKelm\tgpe\n\n"), "names.tsv")
	if err != nil || len(names) != 2 || names["Kelm"] != "GPE" {
		t.Fatalf("ReadNames: %v %v", names, err)
	}
	if _, err := ReadNames(strings.NewReader("Kelm\tCITY\n"), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
		t.Errorf("bad label accepted or error does not name the line: %v", err)
	}
	p := pipeline(t)
	q := p.WithNames(names)
	if q.Version() == p.Version() || !strings.Contains(q.Version(), "names:") {
		t.Errorf("names do not show in the version: %q", q.Version())
	}
	a, err := q.Annotate(context.Background(), &crosscheck.Document{ID: "d", Text: story})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range a.Entities {
		if (e.Text == "Ostravia" || e.Text == "Kelm") && e.Label != crosscheck.LabelGPE {
			t.Errorf("%s labelled %s despite the names list", e.Text, e.Label)
		}
	}
}
