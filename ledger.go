package crosscheck

// The claim ledger: for each event and each article that reports it,
// what the article states per role, and how the statements compare.

// Verdicts of a comparison between two claims.
const (
	VerdictAgree      = "agree"      // the same value (19 = nineteen)
	VerdictCompatible = "compatible" // both can be true; one is more specific ("November" ⊃ "November 14")
	VerdictConflict   = "conflict"   // both cannot be true ("dozens" vs 5)
	VerdictUpdate     = "update"     // a later article revises an earlier figure
	VerdictScope      = "scope"      // the values are about different things (a subset, another date range)
)

// Attribution of a claim when it is the outlet's own voice.
const AttributionOutlet = "outlet"

// Claim is what one article states about one role of one event.
type Claim struct {
	// ID is "<event id>/<doc id>/<role>/<n>".
	ID     string `json:"id"`
	Event  string `json:"event"`
	DocID  string `json:"doc_id"`
	Outlet string `json:"outlet,omitempty"`
	// Published is the article's date as text ("2026-03-17"), or empty.
	Published string `json:"published,omitempty"`
	Role      string `json:"role"`
	// Value is the normalised value for display and comparison: an
	// entity's canonical name, a TIMEX3 value, a number with bounds.
	Value string `json:"value"`
	// Evidence: the words in the text, their span and sentence.
	Text     string `json:"text"`
	Span     Span   `json:"span"`
	Sentence int    `json:"sentence"`
	// SentenceText is the whole sentence, for reading the claim in
	// context.
	SentenceText string    `json:"sentence_text,omitempty"`
	Entity       string    `json:"entity,omitempty"`
	Timex        *Timex    `json:"timex,omitempty"`
	Quantity     *Quantity `json:"quantity,omitempty"`
	// Attribution is AttributionOutlet or the named source the article
	// attributes the statement to ("State Security Service").
	Attribution string `json:"attribution"`
	// Modality is how the statement is put: asserted, alleged,
	// reportedly, denied… (Mod* constants).
	Modality string `json:"modality"`
	// Cue is the hedge or attribution wording, when any.
	Cue       string `json:"cue,omitempty"`
	Extractor string `json:"extractor"`
}

// Comparison is the verdict on two claims about the same role of the
// same event from different articles.
type Comparison struct {
	Event   string `json:"event"`
	Role    string `json:"role"`
	A       string `json:"a"` // claim IDs
	B       string `json:"b"`
	Verdict string `json:"verdict"`
	Reason  string `json:"reason"`
}
