package score

import (
	"context"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo/demotest"
	"github.com/crosscheck/crosscheck/ledger"
	"github.com/crosscheck/crosscheck/link"
	"github.com/crosscheck/crosscheck/nlp"
)

// Floors for the demo corpus, a little under the measured figures
// (docs/ledger.md): conflicts P 1.00 (9 of 9 distinct system pairs) and
// R 0.90 (9 of 10 gold conflicts); the target is 0.9 for both.
const (
	floorConflictP = 0.85
	floorConflictR = 0.8
)

// TestDemoLedger runs the whole pipeline on the demo corpus (ingest,
// annotate with the demo's names, link, build the ledger with the
// demo's place hierarchy), rates the ledger against demo/gold and logs
// the scores with every miss and false alarm.
func TestDemoLedger(t *testing.T) {
	if testing.Short() {
		t.Skip("annotates and links the demo corpus")
	}
	ctx := context.Background()
	gold := demoGold(t)
	docs, err := demotest.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	list, err := demotest.Names()
	if err != nil {
		t.Fatal(err)
	}
	names, err := nlp.ReadNames(strings.NewReader(list), "names.tsv")
	if err != nil {
		t.Fatal(err)
	}
	places := ledger.NewPlaces()
	if err := places.ReadNames(strings.NewReader(list)); err != nil {
		t.Fatal(err)
	}
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	p = p.WithNames(names)
	in := ledger.Input{Docs: map[string]*crosscheck.Document{}, Layers: map[string]*crosscheck.Annotations{}}
	var inputs []link.Input
	for _, d := range docs {
		a, err := p.Annotate(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, link.Input{Doc: d, Layer: a})
		in.Docs[d.ID], in.Layers[d.ID] = d, a
	}
	// The product's own path: link.Run with the names list's capitals.
	in.Graph, err = link.Run(ctx, inputs, nil, link.Options{Capitals: places.Capitals()})
	if err != nil {
		t.Fatal(err)
	}
	places.AddGraph(in.Graph)
	in.Within = places.Within
	l, err := ledger.Build(in, "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Evaluate(gold, l, in.Graph, docs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", res)
	if res.Conflicts.P < floorConflictP || res.Conflicts.R < floorConflictR {
		t.Errorf("conflicts P %.2f R %.2f, below the floors P %.2f R %.2f", res.Conflicts.P, res.Conflicts.R, floorConflictP, floorConflictR)
	}
}
