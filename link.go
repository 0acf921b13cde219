package crosscheck

import (
	"context"
	"time"
)

// Linking joins the language layers of many documents: one Entity per
// real-world actor, typed event mentions merged into Events that several
// articles report, and Stories that group related events. Every mention
// keeps its evidence (document, sentence, byte span, extractor).

// Mention kinds: how a text span refers to an entity.
const (
	RefName        = "name"        // a name or a short form of it: "Ilham Aliyev", "Aliyev"
	RefAcronym     = "acronym"     // "DTX", "IRGC"
	RefPronoun     = "pronoun"     // "he", "it"
	RefDescription = "description" // "the service", "the ministry"
	RefMetonym     = "metonym"     // "Tehran" standing for Iran's government
	RefDemonym     = "demonym"     // "Iranian" pointing to Iran
)

// EntityRef is one mention of an entity, with its evidence.
type EntityRef struct {
	DocID    string `json:"doc_id"`
	Span     Span   `json:"span"`
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
	// Kind is one of the Ref* constants.
	Kind string `json:"kind"`
	// Extractor names the resolver (and version) that made the link.
	Extractor string `json:"extractor"`
}

// Alias is one name an entity goes by, with how often it occurs.
type Alias struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Relation kinds between entities that stay separate.
const (
	RelRenamed      = "renamed"       // an organisation known under another name at another time
	RelGovernmentOf = "government_of" // a capital's government and its country
	RelPartOf       = "part_of"       // a unit of an organisation, a town in a country
)

// Relation links an entity to another one it is not merged with.
type Relation struct {
	Kind   string `json:"kind"`
	Entity string `json:"entity"`
}

// Entity is one real-world actor across all documents.
type Entity struct {
	// ID is stable across re-processing as long as the entity's key
	// (type and normalised main name) stays the same.
	ID string `json:"id"`
	// Type is an entity label (LabelPerson, LabelOrg, LabelGPE, …).
	Type string `json:"type"`
	// Name is the canonical name: a user's rename, else the fullest
	// frequent name.
	Name      string      `json:"name"`
	Aliases   []Alias     `json:"aliases"`
	Mentions  []EntityRef `json:"mentions"`
	Relations []Relation  `json:"relations,omitempty"`
	// Docs counts the documents that mention the entity, and Count its
	// mentions (also when Mentions is not loaded).
	Docs  int `json:"docs"`
	Count int `json:"count"`
}

// Event types, modelled on the PLOVER ontology (see docs/events.md).
const (
	EventArrest    = "ARREST"    // arrest, detain, jail, sentence
	EventAccuse    = "ACCUSE"    // accuse, blame, charge, allege
	EventAttack    = "ATTACK"    // attack, strike, bomb, kill
	EventMobilize  = "MOBILIZE"  // military exercise, deploy, mobilise
	EventDiplomacy = "DIPLOMACY" // summon, expel, recall, open/close an embassy or consulate
	EventMeet      = "MEET"      // visit, meet, hold talks
	EventAgree     = "AGREE"     // agree, sign, cooperate
	EventProtest   = "PROTEST"   // protest, demonstrate, rally
	EventStatement = "STATEMENT" // state, announce, warn, deny (as an act reported for itself)
	EventEspionage = "ESPIONAGE" // spy, recruit, fund, train, collect information
	EventSanction  = "SANCTION"  // sanction, ban, restrict
	EventAid       = "AID"       // give aid, support
)

// Event roles.
const (
	RoleAgent      = "agent"
	RolePatient    = "patient"
	RoleLocation   = "location"
	RoleTime       = "time"
	RoleCount      = "count"
	RoleCharge     = "charge" // charge or reason
	RoleInstrument = "instrument"
	RoleRecipient  = "recipient"
	RoleMoney      = "money"
)

// Argument fills one role of an event mention.
type Argument struct {
	Role     string `json:"role"`
	Text     string `json:"text"`
	Span     Span   `json:"span"`
	Sentence int    `json:"sentence"`
	// Entity is the ID of the resolved entity, when the argument names
	// one.
	Entity string `json:"entity,omitempty"`
	// Timex and Quantity hold the normalised time or number for the time,
	// count and money roles.
	Timex    *Timex    `json:"timex,omitempty"`
	Quantity *Quantity `json:"quantity,omitempty"`
}

// EventMention is one report of an event in one document.
type EventMention struct {
	// ID is "<doc id>/<sequence>".
	ID       string `json:"id"`
	DocID    string `json:"doc_id"`
	Sentence int    `json:"sentence"`
	// Span covers the sentence or clause that reports the event; Trigger
	// and TriggerSpan the word that names it ("arrested", "arrest").
	Span        Span       `json:"span"`
	Trigger     string     `json:"trigger"`
	TriggerSpan Span       `json:"trigger_span"`
	Type        string     `json:"type"`
	Arguments   []Argument `json:"arguments"`
	// Negated and Modalities come from the language layer: whether the
	// event is said not to have happened, and how the clause is put
	// (asserted, attributed, alleged…).
	Negated    bool       `json:"negated,omitempty"`
	Modalities []Modality `json:"modalities,omitempty"`
	// Begin and End bound when the event happened (inclusive dates), from
	// its time argument or the document's date; empty when undated.
	Begin string `json:"begin,omitempty"`
	End   string `json:"end,omitempty"`
	// Recap marks a mention that looks back at an earlier event ("the 19
	// arrested early November") rather than reporting news.
	Recap     bool   `json:"recap,omitempty"`
	Extractor string `json:"extractor"`
}

// Event is a real-world event as reported by one or more articles.
type Event struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Title string `json:"title"`
	// Begin and End bound the event's time (the intersection of its
	// mentions' intervals where they agree); empty when undated.
	Begin string `json:"begin,omitempty"`
	End   string `json:"end,omitempty"`
	// Mentions are the reports of the event; Docs the distinct documents.
	Mentions []EventMention `json:"mentions"`
	Docs     []string       `json:"docs"`
	// Entities are the IDs of the entities that fill its roles.
	Entities []string `json:"entities,omitempty"`
}

// Story is a cluster of related events and the articles that report
// them. An article can belong to several stories.
type Story struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Events []string `json:"events"`
	Docs   []string `json:"docs"`
	// Begin and End bound its dated events.
	Begin string `json:"begin,omitempty"`
	End   string `json:"end,omitempty"`
}

// Graph is the result of linking a corpus; it replaces the previous one
// as a whole.
type Graph struct {
	Entities  []Entity  `json:"entities"`
	Events    []Event   `json:"events"`
	Stories   []Story   `json:"stories"`
	Extractor string    `json:"extractor"`
	CreatedAt time.Time `json:"created_at"`
}

// Decision kinds: a user's correction of entity resolution.
const (
	DecideMerge  = "merge"  // the entities named A and B are one
	DecideSplit  = "split"  // the alias B is not the entity named A
	DecideRename = "rename" // the entity named A is called B
)

// Decision is a user's correction. It names entities by their names
// (aliases), not by IDs, so it survives re-processing; it wins over the
// automatic resolver.
type Decision struct {
	Seq  int    `json:"seq"`
	Kind string `json:"kind"`
	// Type restricts the decision to entities of one type; empty for any.
	Type      string    `json:"type,omitempty"`
	A         string    `json:"a"`
	B         string    `json:"b"`
	Note      string    `json:"note,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// EntityFilter selects entities.
type EntityFilter struct {
	Type  string
	Query string // substring of a name or alias, case-insensitive
	// Sort is "mentions" (default), "docs" or "name".
	Sort  string
	Limit int
}

// GraphStore keeps the linked graph and the user's decisions.
type GraphStore interface {
	// PutGraph replaces the stored graph in one transaction.
	PutGraph(ctx context.Context, g *Graph) error
	// Graph returns the whole stored graph, entities with their mentions;
	// an empty graph (no Extractor) when none was stored yet.
	Graph(ctx context.Context) (*Graph, error)
	// Entities lists entities; Entity returns one with all its mentions,
	// or ErrNotFound.
	Entities(ctx context.Context, f EntityFilter) ([]Entity, error)
	Entity(ctx context.Context, id string) (*Entity, error)
	// Events lists events in time order (undated last); Event returns
	// one, or ErrNotFound.
	Events(ctx context.Context) ([]Event, error)
	Event(ctx context.Context, id string) (*Event, error)
	Stories(ctx context.Context) ([]Story, error)
	// AddDecision stores a decision and returns it with its sequence
	// number; Decisions lists them in order.
	AddDecision(ctx context.Context, d Decision) (Decision, error)
	Decisions(ctx context.Context) ([]Decision, error)
}
