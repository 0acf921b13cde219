package modality

import "github.com/crosscheck/crosscheck"

// The lexicon. The package doc comment lists every entry; TestLexiconDocumented
// keeps the two in step. All keys are lower case; verbs and nouns are looked
// up by lemma, everything else by word form.

// verbClass says how a speech or stance verb frames what it governs.
type verbClass uint8

const (
	// classSay: neutral speech and cognition verbs. A finite complement
	// is attributed to the subject.
	classSay verbClass = iota + 1
	// classAllege: the complement is alleged (and attributed); without a
	// complement, the verb's own clause is alleged ("alleged fraud").
	classAllege
	// classClaim: like classAllege, but without a complement only "claimed
	// to …" counts ("claimed responsibility" does not).
	classClaim
	// classAccuse: the verb's own clause is alleged ("accused X of Y",
	// "was charged with"), the complement too when there is one.
	classAccuse
	// classDeny: the complement or, failing one, the verb's own clause is
	// denied ("denied the charges"). Passive uses ("was denied bail") are
	// not denials.
	classDeny
	// classReject: reject, dismiss, dispute: denied only with a complement,
	// an object such as "claims" or "allegations", or "as false".
	classReject
	// classConfess: the complement or the own clause is confessed.
	classConfess
	// classConcede: confessed only with a finite complement.
	classConcede
	// classPlead: "pleaded guilty" is confessed, "pleaded not guilty" or
	// "innocent" denied.
	classPlead
	// classAsk: attributed complement; "whether"/"if" under it marks an
	// indirect question (questioned rather than hypothetical).
	classAsk
)

type verbCue struct {
	class verbClass
	// passive is the kind given, without an agent, to a passive use ("is
	// said to", "it was reported that"); "" when a passive use is no cue
	// ("was told to leave", "was found dead").
	passive string
}

const (
	attributed   = crosscheck.ModAttributed
	alleged      = crosscheck.ModAlleged
	reportedly   = crosscheck.ModReportedly
	confessed    = crosscheck.ModConfessed
	denied       = crosscheck.ModDenied
	hypothetical = crosscheck.ModHypothetical
	negated      = crosscheck.ModNegated
	questioned   = crosscheck.ModQuestioned
	asserted     = crosscheck.ModAsserted
)

// verbCues maps verb lemmas to their class.
var verbCues = map[string]verbCue{
	// neutral speech
	"say": {classSay, reportedly}, "tell": {classSay, ""}, "state": {classSay, ""},
	"announce": {classSay, ""}, "add": {classSay, ""}, "insist": {classSay, ""},
	"warn": {classSay, ""}, "argue": {classSay, ""}, "assert": {classSay, ""},
	"confirm": {classSay, ""}, "explain": {classSay, ""}, "note": {classSay, ""},
	"write": {classSay, ""}, "tweet": {classSay, ""}, "post": {classSay, ""},
	"declare": {classSay, ""}, "stress": {classSay, ""}, "emphasise": {classSay, ""},
	"emphasize": {classSay, ""}, "maintain": {classSay, ""}, "contend": {classSay, ""},
	"suggest": {classSay, ""}, "predict": {classSay, ""}, "reply": {classSay, ""},
	"respond": {classSay, ""}, "answer": {classSay, ""}, "testify": {classSay, ""},
	"report": {classSay, reportedly}, "indicate": {classSay, ""}, "show": {classSay, ""},
	"conclude": {classSay, ""}, "find": {classSay, ""}, "rule": {classSay, ""},
	"learn": {classSay, ""}, "vow": {classSay, ""}, "pledge": {classSay, ""},
	"promise": {classSay, ""}, "assure": {classSay, ""}, "hint": {classSay, ""},
	"reveal": {classSay, ""}, "disclose": {classSay, ""}, "complain": {classSay, ""},
	"boast": {classSay, ""}, "recall": {classSay, ""}, "observe": {classSay, ""},
	"remark": {classSay, ""}, "point": {classSay, ""}, "caution": {classSay, ""},
	"signal": {classSay, ""}, "agree": {classSay, ""}, "mention": {classSay, ""},
	// cognition: the complement is the subject's view
	"believe": {classSay, reportedly}, "think": {classSay, reportedly},
	"understand": {classSay, reportedly}, "estimate": {classSay, reportedly},
	"rumour": {classSay, reportedly}, "rumor": {classSay, reportedly},
	"fear": {classSay, ""}, "hope": {classSay, ""}, "expect": {classSay, hypothetical},
	// allegation
	"allege": {classAllege, alleged}, "suspect": {classAllege, alleged},
	"claim": {classClaim, alleged}, "accuse": {classAccuse, alleged},
	"charge": {classAccuse, alleged},
	// denial
	"deny": {classDeny, ""}, "refute": {classDeny, ""}, "rebut": {classDeny, ""},
	"reject": {classReject, ""}, "dismiss": {classReject, ""}, "dispute": {classReject, ""},
	// admission
	"confess": {classConfess, ""}, "admit": {classConfess, ""},
	"concede": {classConcede, ""}, "acknowledge": {classConcede, ""},
	"plead": {classPlead, ""},
	// questions
	"ask": {classAsk, ""}, "wonder": {classAsk, ""}, "question": {classAsk, ""},
	"inquire": {classAsk, ""}, "enquire": {classAsk, ""},
}

// npCue is an adjective or participle that hedges the noun phrase it
// stands in ("the alleged spies", "a possible motive").
type npCue struct {
	kind string
	// strict cues count only after a determiner, number, adjective or
	// possessive, because the word is far more often a verb ("police
	// reported attacks").
	strict bool
}

var npCues = map[string]npCue{
	"alleged": {alleged, false}, "suspected": {alleged, false}, "purported": {alleged, false},
	"accused": {alleged, false}, "presumed": {alleged, false}, "supposed": {alleged, true},
	"reported": {reportedly, true}, "rumoured": {reportedly, false}, "rumored": {reportedly, false},
	"possible": {hypothetical, true}, "potential": {hypothetical, true}, "probable": {hypothetical, true},
}

// adverbCues hedge the clause they stand in.
var adverbCues = map[string]string{
	"reportedly": reportedly,
	"allegedly":  alleged, "purportedly": alleged, "supposedly": alleged, "ostensibly": alleged,
	"possibly": hypothetical, "perhaps": hypothetical, "maybe": hypothetical,
	"probably": hypothetical, "potentially": hypothetical, "conceivably": hypothetical,
	"presumably": hypothetical, "likely": hypothetical,
}

// predicateCues are adjectives that, as the predicate of a clause ("it is
// possible that …", "he is likely to …"), make it and its complement
// hypothetical.
var predicateCues = map[string]bool{
	"possible": true, "likely": true, "unlikely": true, "unclear": true,
	"uncertain": true, "conceivable": true, "probable": true,
}

// modalCues are the modal auxiliaries read as hypothetical. "will", "shall"
// and "can" are not: news uses them for announced plans and abilities.
var modalCues = map[string]bool{
	"could": true, "would": true, "might": true, "may": true,
	"should": true, "must": true, "ought": true,
}

// markCues are subordinators that make their clause hypothetical.
var markCues = map[string]bool{"if": true, "unless": true, "whether": true}

// negCues negate the clause they stand in.
var negCues = map[string]bool{
	"not": true, "n't": true, "never": true, "no": true, "nobody": true,
	"nothing": true, "none": true, "neither": true, "nor": true, "nowhere": true,
	"no-one": true,
}

// nounCues frame a content clause that depends on them ("claims that …",
// "reports that …", "the possibility that …").
var nounCues = map[string]string{
	"claim": alleged, "allegation": alleged, "accusation": alleged, "charge": alleged,
	"suspicion": alleged, "assertion": alleged,
	"report": reportedly, "rumour": reportedly, "rumor": reportedly, "speculation": reportedly,
	"statement": attributed, "announcement": attributed, "insistence": attributed,
	"warning": attributed, "assurance": attributed, "testimony": attributed,
	"denial":    denied,
	"admission": confessed, "confession": confessed,
	"possibility": hypothetical, "chance": hypothetical, "prospect": hypothetical,
	"risk": hypothetical, "likelihood": hypothetical, "fear": hypothetical,
}

// reportNouns make a source unnamed: "reports say", "according to local
// media" are reportedly, not attributed.
var reportNouns = map[string]bool{
	"report": true, "media": true, "press": true, "rumour": true, "rumor": true,
}

// claimNouns as the object of reject, dismiss or dispute make a denial
// ("rejected the allegations").
var claimNouns = map[string]bool{
	"claim": true, "allegation": true, "accusation": true, "charge": true, "report": true,
	"suggestion": true, "assertion": true, "rumour": true, "rumor": true, "speculation": true,
	"story": true, "account": true, "version": true,
}

// falsityWords after "as" make reject or dismiss a denial ("dismissed the
// report as false").
var falsityWords = map[string]bool{
	"false": true, "baseless": true, "unfounded": true, "untrue": true, "groundless": true,
	"fabricated": true, "nonsense": true, "lie": true, "propaganda": true, "fake": true,
	"absurd": true, "ridiculous": true, "slander": true, "fiction": true, "fabrication": true,
	"invention": true, "smear": true,
}

// refusalVerbs after a negated "would" or "could" make a refusal, not a
// hypothesis ("would not comment", "could not be reached").
var refusalVerbs = map[string]bool{
	"comment": true, "say": true, "confirm": true, "disclose": true, "elaborate": true,
	"reveal": true, "discuss": true, "speculate": true, "reach": true, "answer": true,
	"respond": true, "identify": true, "name": true, "specify": true, "give": true,
}

// otherContentNouns take a that-clause without framing it ("the fact
// that", "evidence that"); the clause stays theirs.
var otherContentNouns = map[string]bool{
	"fact": true, "evidence": true, "news": true, "hope": true, "idea": true, "belief": true,
	"view": true, "sign": true, "indication": true, "proof": true, "concern": true,
	"doubt": true, "notion": true, "assumption": true, "message": true, "information": true,
	"suggestion": true, "impression": true, "conclusion": true, "argument": true,
}
