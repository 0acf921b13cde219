package quote_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp"
	"github.com/crosscheck/crosscheck/nlp/quote"
)

var (
	plainOnce sync.Once
	plain     *nlp.Pipeline
	plainErr  error
)

// plainPipeline is the language layer without a names list, as for news
// about the real world.
func plainPipeline(t testing.TB) *nlp.Pipeline {
	t.Helper()
	plainOnce.Do(func() { plain, plainErr = nlp.Default() })
	if plainErr != nil {
		t.Fatal(plainErr)
	}
	return plain
}

// want is an expected quote: a piece of its text, its kind and speaker.
type want struct{ text, kind, speaker string }

func find(t *testing.T, text string, authors ...string) []crosscheck.Quote {
	t.Helper()
	doc := &crosscheck.Document{ID: "t", Text: text}
	doc.Meta.Authors = authors
	a, err := plainPipeline(t).Annotate(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	qs := quote.Find(text, a.Sentences, a.Entities)
	for i, q := range qs {
		if text[q.Span.Start:q.Span.End] != q.Text || q.SpeakerEntity < -1 || q.SpeakerEntity >= len(a.Entities) {
			t.Errorf("quote %d: bad span or entity: %+v", i, q)
		}
		if q.Speaker == "" && (q.SpeakerEntity != -1 || q.SpeakerSpan != (crosscheck.Span{})) {
			t.Errorf("quote %d: no speaker but an entity or span: %+v", i, q)
		}
		if q.SpeakerEntity >= 0 && a.Entities[q.SpeakerEntity].Role == "author" {
			t.Errorf("quote %d: a byline as speaker: %+v", i, q)
		}
		if i > 0 && qs[i-1].Span.Start > q.Span.Start {
			t.Errorf("quotes out of order at %d", i)
		}
	}
	return qs
}

func TestFind(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the language layer")
	}
	tests := []struct {
		name    string
		text    string
		authors []string
		want    []want
		// absent are texts no quote may contain.
		absent []string
	}{
		{
			name: "analyst in apposition, then a pronoun",
			text: "Markets fell sharply on Monday.\n\nJonas Keller, editor-in-chief of the Baltic Business Review, said the sell-off had been coming for months. “Nobody wanted to hear it,” he said.",
			want: []want{
				{"the sell-off had been coming for months", crosscheck.QuoteIndirect, "Jonas Keller"},
				{"Nobody wanted to hear it", crosscheck.QuoteDirect, "Jonas Keller"},
			},
		},
		{
			name: "former politician introduced by a colon",
			text: "The vote was close.\n\nMaria Kovacs, a former member of the European Parliament, was scathing: “This is a disgrace for the whole union.”",
			want: []want{{"This is a disgrace for the whole union.", crosscheck.QuoteColon, "Maria Kovacs"}},
		},
		{
			name: "security service by acronym, description and according to",
			text: "Three people were detained in the capital on Friday, the State Security Service (DTX) said. The DTX said the suspects had passed documents to a foreign agency.\n\nThe service said more arrests were possible. According to the State Security Service, the three were paid in cash.",
			want: []want{
				{"Three people were detained in the capital on Friday", crosscheck.QuoteIndirect, "State Security Service"},
				{"the suspects had passed documents to a foreign agency", crosscheck.QuoteIndirect, "State Security Service"},
				{"more arrests were possible", crosscheck.QuoteIndirect, "State Security Service"},
				{"the three were paid in cash", crosscheck.QuoteAccordingTo, "State Security Service"},
			},
		},
		{
			name: "split quote and guillemets",
			text: "« We will appeal, » said defence lawyer Marc Olin. « The verdict ignores the evidence. »\n\n“It was a fair trial,” the prosecutor, Ines Berg, said, “and the court saw everything.”",
			want: []want{
				{"We will appeal", crosscheck.QuoteDirect, "Marc Olin"},
				{"The verdict ignores the evidence.", crosscheck.QuoteDirect, "Marc Olin"},
				{"It was a fair trial", crosscheck.QuoteDirect, "Ines Berg"},
				{"and the court saw everything.", crosscheck.QuoteDirect, "Ines Berg"},
			},
		},
		{
			name: "quotation over several paragraphs",
			text: "“The first part is here,” said Mayor Ellen Park. “It goes on.\n\n“And on, in a second paragraph.\n\n“Until it ends here.”\n\nThe council met later that day.",
			want: []want{
				{"The first part is here", crosscheck.QuoteDirect, "Ellen Park"},
				{"It goes on.", crosscheck.QuoteDirect, "Ellen Park"},
				{"And on, in a second paragraph.", crosscheck.QuoteDirect, "Ellen Park"},
				{"Until it ends here.", crosscheck.QuoteDirect, "Ellen Park"},
			},
			absent: []string{"The council met"},
		},
		{
			name:   "unbalanced quotation stops at its paragraph",
			text:   "Officials were tight-lipped.\n\nThe minister said \"the talks will go on, whatever happens in the next few days.\n\nThe next paragraph is plain narrative about the weather and the harbour.\n\nIt ends here.",
			absent: []string{"next paragraph", "It ends"},
		},
		{
			name: "no speaker is not guessed",
			text: "“Nobody knows what will happen next.”\n\nThe weather was fine on the coast.",
			want: []want{{"Nobody knows what will happen next.", crosscheck.QuoteDirect, ""}},
		},
		{
			name:    "byline is not a speaker",
			text:    "Reporting by Maria Lopez.\n\n“It is over now,” she said.",
			authors: []string{"Maria Lopez"},
			want:    []want{{"It is over now", crosscheck.QuoteDirect, ""}},
		},
		{
			name: "pronoun and title description",
			text: "Health Minister Carla Duarte presented the plan on Tuesday. She said hospitals would receive extra money next year. The minister added that waiting lists would be cut by half.",
			want: []want{
				{"hospitals would receive extra money next year", crosscheck.QuoteIndirect, "Carla Duarte"},
				{"waiting lists would be cut by half", crosscheck.QuoteIndirect, "Carla Duarte"},
			},
		},
		{
			name: "according to at the end, unnamed source",
			text: "The contract is worth about 2 billion euros, according to a person familiar with the talks.",
			want: []want{{"The contract is worth about 2 billion euros", crosscheck.QuoteAccordingTo, "person familiar with the talks"}},
		},
		{
			name:   "scare quotes and names are not quotes",
			text:   "The so-called \"Northern Corridor\" project has been called a \"white elephant\" by critics. The plan is not \"over\".",
			want:   []want{{"white elephant", crosscheck.QuoteDirect, "critics"}},
			absent: []string{"Northern Corridor", "over"},
		},
		{
			name: "surname later, inverted attribution with apposition",
			text: "Lena Hartmann, a political analyst at the Institute for Regional Studies, said the government had misjudged the mood. Hartmann added that turnout would be low.\n\n\"People are tired of promises,\" said Hartmann, who has studied the region for twenty years.",
			want: []want{
				{"the government had misjudged the mood", crosscheck.QuoteIndirect, "Lena Hartmann"},
				{"turnout would be low", crosscheck.QuoteIndirect, "Lena Hartmann"},
				{"People are tired of promises", crosscheck.QuoteDirect, "Lena Hartmann"},
			},
		},
		{
			name: "praise and a speech verb before a colon",
			text: "Former European Parliament member Paulo Reis praised the security agency: “They have done remarkable work under difficult conditions.” Reis told the conference: “Europe should listen.”",
			want: []want{
				{"They have done remarkable work under difficult conditions.", crosscheck.QuoteColon, "Paulo Reis"},
				{"Europe should listen.", crosscheck.QuoteColon, "Paulo Reis"},
			},
		},
		{
			name: "straight quotes over two paragraphs",
			text: "\"We knew the risks,\" the captain, Tomas Vik, told reporters. \"We went anyway.\n\n\"Nobody forced us.\"\n\nThe ship reached port on Sunday.",
			want: []want{
				{"We knew the risks", crosscheck.QuoteDirect, "Tomas Vik"},
				{"We went anyway.", crosscheck.QuoteDirect, "Tomas Vik"},
				{"Nobody forced us.", crosscheck.QuoteDirect, "Tomas Vik"},
			},
			absent: []string{"The ship"},
		},
		{
			name:   "negated and declined speech report nothing",
			text:   "The company did not say how many jobs would go. Its chairman declined to say whether he would resign.",
			absent: []string{"jobs", "resign"},
		},
		{
			name:   "the writer's own voice is not a quote",
			text:   "We have said it before: this plan cannot work.",
			absent: []string{"plan cannot work"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := find(t, tt.text, tt.authors...)
			for _, w := range tt.want {
				found := false
				for _, q := range qs {
					if !strings.Contains(q.Text, w.text) && !strings.Contains(w.text, q.Text) {
						continue
					}
					found = true
					if q.Kind != w.kind || !quote.SameSpeaker(w.speaker, q.Speaker) {
						t.Errorf("%q: got %s by %q, want %s by %q", w.text, q.Kind, q.Speaker, w.kind, w.speaker)
					}
					break
				}
				if !found {
					t.Errorf("%q not found in %+v", w.text, qs)
				}
			}
			for _, a := range tt.absent {
				for _, q := range qs {
					if strings.Contains(q.Text, a) {
						t.Errorf("%q should not be quoted: %+v", a, q)
					}
				}
			}
		})
	}
}
