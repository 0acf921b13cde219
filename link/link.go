// Package link joins the language layers of a corpus into the linked
// graph: entities resolved across documents (link/entity), event mentions
// with typed roles (link/event), events merged across articles
// (link/coref) and stories (link/story). It knows nothing of storage: it
// takes documents with their layers and returns a crosscheck.Graph.
package link

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/link/coref"
	"github.com/crosscheck/crosscheck/link/entity"
	"github.com/crosscheck/crosscheck/link/event"
	"github.com/crosscheck/crosscheck/link/story"
)

// Version is the version of the glue; the stages' versions are appended
// in Extractor.
const Version = "link/1"

// Extractor names the code that makes a graph.
func Extractor() string {
	return strings.Join([]string{Version, entity.Version, event.Version, coref.Version, story.Version}, " ")
}

// Input is one document with its language layer.
type Input = entity.Input

// Options tune a run.
type Options struct {
	// Capitals maps capitals the gazetteer cannot know (an invented or
	// local world) to their countries, so that "Kelm denied" is read as
	// Ostravia's government.
	Capitals map[string]string
}

// Run links the documents. Decisions (the user's corrections, in order)
// win over the automatic entity resolver.
func Run(ctx context.Context, docs []Input, decisions []crosscheck.Decision, opt Options) (*crosscheck.Graph, error) {
	var eopts []entity.Option
	if len(opt.Capitals) > 0 {
		eopts = append(eopts, entity.WithCapitals(opt.Capitals))
	}
	res, err := entity.Resolve(ctx, docs, decisions, eopts...)
	if err != nil {
		return nil, fmt.Errorf("resolve entities: %w", err)
	}
	var mentions []crosscheck.EventMention
	cdocs := make(map[string]coref.Doc, len(docs))
	for i, in := range docs {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		mentions = append(mentions, event.Extract(in.Doc, in.Layer, res.At)...)
		cdocs[in.Doc.ID] = coref.Doc{ID: in.Doc.ID, Published: in.Doc.Meta.Published, Outlet: in.Doc.Meta.Outlet}
	}
	events := coref.Cluster(mentions, cdocs, coref.WithEntities(res.Entities))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	stories := story.Build(events, cdocs)
	for i := range res.Entities {
		res.Entities[i].Count = len(res.Entities[i].Mentions)
	}
	return &crosscheck.Graph{
		Entities:  res.Entities,
		Events:    events,
		Stories:   stories,
		Extractor: Extractor(),
		CreatedAt: time.Now().UTC(),
	}, nil
}
