package crosscheck

// The second part of the language layer: time expressions, quantities,
// quotes and the attribution and modality of clauses. Like entity
// mentions, each record carries its byte span into Document.Text and
// its sentence index; the layer's Extractor names the code that made it.

// Timex types, as in TIMEX3.
const (
	TimexDate     = "DATE"
	TimexTime     = "TIME"
	TimexDuration = "DURATION"
	TimexSet      = "SET"
)

// Anchor sources: what a relative time expression was resolved against.
const (
	// AnchorPublished is the document's publication date.
	AnchorPublished = "published"
	// AnchorBlock is the dateline of an embedded block (agency copy)
	// that holds the expression.
	AnchorBlock = "block"
	// AnchorNone means no anchor was known: the expression stays
	// unresolved.
	AnchorNone = "none"
)

// Timex is a time expression with its normalisation.
type Timex struct {
	Span     Span   `json:"span"`
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
	// Type is one of the Timex* constants.
	Type string `json:"type"`
	// Value is the TIMEX3 value: "2022-11-14", "2022-11", "2022-W45",
	// "2020", "199X", "P2Y", "XXXX-02-22" (a year-less date with no
	// anchor), "PRESENT_REF"; empty when the expression could not be
	// normalised (a relative expression with no anchor).
	Value string `json:"value,omitempty"`
	// Mod is the TIMEX3 modifier: START, MID, END, APPROX, BEFORE, AFTER,
	// ON_OR_AFTER, LESS_THAN, MORE_THAN.
	Mod string `json:"mod,omitempty"`
	// Granularity is the unit of Value: "second", "minute", "hour",
	// "day", "week", "month", "quarter", "season", "year", "decade",
	// "century"; for durations the unit of the amount.
	Granularity string `json:"granularity,omitempty"`
	// Begin and End bound the interval the expression denotes, as
	// inclusive calendar dates "YYYY-MM-DD" ("early November 2022" is
	// 2022-11-01..2022-11-10). Empty when unknown.
	Begin string `json:"begin,omitempty"`
	End   string `json:"end,omitempty"`
	// Relative reports whether the value depends on an anchor.
	Relative bool `json:"relative,omitempty"`
	// Anchor is the date a relative expression was resolved against
	// ("2022-11-02"), and AnchorSource where it came from (Anchor*
	// constants).
	Anchor       string `json:"anchor,omitempty"`
	AnchorSource string `json:"anchor_source,omitempty"`
}

// Resolved reports whether the expression has a usable value.
func (t Timex) Resolved() bool { return t.Value != "" && t.Begin != "" }

// Quantity kinds.
const (
	QuantityCardinal = "cardinal"
	QuantityOrdinal  = "ordinal"
	QuantityMoney    = "money"
	QuantityPercent  = "percent"
	QuantityMeasure  = "measure"
)

// Quantity is a number in the text, with the bounds it states and what
// it counts.
type Quantity struct {
	Span     Span   `json:"span"`
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
	// Kind is one of the Quantity* constants.
	Kind string `json:"kind"`
	// Value is the stated number when there is one (19 for "19 people",
	// 1.1e9 for "1.1 billion"); for vague words it is a typical value.
	Value float64 `json:"value"`
	// Low and High bound the quantity; nil means unbounded on that side
	// ("at least two": Low 2, High nil; "up to $1,000": Low 0, High
	// 1000; "dozens": Low 24).
	Low  *float64 `json:"low,omitempty"`
	High *float64 `json:"high,omitempty"`
	// Exact is true for a plain stated number; Vague for words such as
	// "dozens", "several", "a handful"; Approx for "about", "nearly".
	Exact  bool `json:"exact,omitempty"`
	Vague  bool `json:"vague,omitempty"`
	Approx bool `json:"approx,omitempty"`
	// Unit is the currency code for money ("USD", "AZN"), "%" for
	// percentages, or the unit of a measure ("km").
	Unit string `json:"unit,omitempty"`
	// Head is the noun phrase the quantity counts ("people",
	// "Azerbaijani nationals"), with its span; empty when none.
	Head     string `json:"head,omitempty"`
	HeadSpan Span   `json:"head_span,omitempty"`
}

// Quote kinds.
const (
	QuoteDirect      = "direct"       // “…,” he said.
	QuoteIndirect    = "indirect"     // X said (that) …
	QuoteAccordingTo = "according_to" // according to X, …
	QuoteColon       = "colon"        // X praised Y: “…”
)

// Quote is reported speech with its speaker.
type Quote struct {
	// Span covers the quoted content (without the quotation marks);
	// Sentence is the sentence where it starts.
	Span     Span   `json:"span"`
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
	Kind     string `json:"kind"`
	// Speaker is the resolved speaker's name as the text gives it in full
	// ("Elnur Enveroglu", "State Security Service"), SpeakerSpan the
	// mention that names the speaker for this quote (it may be a pronoun
	// or a description such as "the service"), and SpeakerEntity the
	// index in Annotations.Entities of the named mention it resolved to,
	// or -1. An empty Speaker means no speaker could be found: it is
	// never guessed.
	Speaker       string `json:"speaker,omitempty"`
	SpeakerSpan   Span   `json:"speaker_span,omitempty"`
	SpeakerEntity int    `json:"speaker_entity"`
	// Verb is the speech verb ("said", "told", "claimed", "according
	// to"), with its span.
	Verb     string `json:"verb,omitempty"`
	VerbSpan Span   `json:"verb_span,omitempty"`
}

// Modality kinds of a clause.
const (
	ModAsserted     = "asserted"     // the outlet's own voice
	ModAttributed   = "attributed"   // said by a named source
	ModAlleged      = "alleged"      // alleged, accused, suspected
	ModReportedly   = "reportedly"   // reportedly, reports say
	ModConfessed    = "confessed"    // confessed, admitted
	ModDenied       = "denied"       // denied, rejected
	ModHypothetical = "hypothetical" // if, could, would, may
	ModNegated      = "negated"      // not, never, no
	ModQuestioned   = "questioned"   // a question, as in a headline
)

// Modality records how a clause is put forward: by whom and with what
// hedge or stance. A clause can carry several (attributed and alleged).
type Modality struct {
	// Span covers the clause the cue governs.
	Span     Span   `json:"span"`
	Sentence int    `json:"sentence"`
	Kind     string `json:"kind"`
	// Cue is the word or phrase that signals it ("alleged", "according
	// to", "denied"), with its span; empty for ModAsserted.
	Cue     string `json:"cue,omitempty"`
	CueSpan Span   `json:"cue_span,omitempty"`
	// Source names whom the clause is attributed to, when anyone.
	Source string `json:"source,omitempty"`
}
