package quote

// Word lists. They are lemmas (lower case) as the tagger gives them.

// verbClass says how a verb can report speech.
type verbClass uint8

const (
	notSpeech verbClass = iota
	// clausal verbs report speech with a clause ("said that …") and
	// attribute direct quotes.
	clausal
	// quoting verbs only attribute quoted words ("called it “a farce”",
	// "dismissed them as “fantasy”"); without quotation marks they
	// report no speech.
	quoting
)

var verbs = map[string]verbClass{}

func init() {
	for _, v := range []string{
		"say", "tell", "add", "claim", "state", "announce", "report", "note",
		"stress", "warn", "deny", "confirm", "allege", "accuse", "insist",
		"argue", "write", "explain", "declare", "reveal", "admit", "suggest",
		"acknowledge", "assert", "maintain", "contend", "complain", "concede",
		"predict", "promise", "pledge", "vow", "reply", "respond", "answer",
		"recall", "repeat", "reiterate", "emphasise", "emphasize", "observe",
		"remark", "comment", "conclude", "estimate", "testify",
		"tweet", "post", "disclose", "mention", "caution", "boast", "lament",
		"speculate", "hint", "ask", "urge", "assure", "inform", "brief",
		"indicate", "signal", "recount", "protest", "object",
		"charge", "counter", "retort", "forecast", "affirm", "underline",
		"highlight", "point", "specify", "clarify", "demand",
	} {
		verbs[v] = clausal
	}
	for _, v := range []string{
		"call", "describe", "dismiss", "reject", "brand", "label", "term",
		"praise", "criticise", "criticize", "condemn", "hail", "welcome",
		"quote", "shout", "exclaim", "joke", "quip", "smile", "laugh", "sigh",
		"put", "characterise", "characterize", "denounce", "slam", "blast",
		"mock", "refer", "dub", "decry", "lambast", "scoff", "wonder",
		"speak", "cite", "summarise", "summarize", "recommend", "thank",
		"apologise", "apologize", "plead", "beg",
	} {
		if verbs[v] == notSpeech {
			verbs[v] = quoting
		}
	}
}

// weakVerbs report speech only when their subject is a speaker
// ("the minister suggested that …", not "the figures suggest that …").
var weakVerbs = map[string]bool{"suggest": true, "indicate": true, "signal": true, "reveal": true, "show": true, "mean": true, "point": true, "highlight": true}

// blockers are verbs that cancel a speech verb in their xcomp: "declined
// to say whether …" reports no speech.
var blockers = set("decline", "refuse", "fail")

// Pronoun classes for speaker resolution.
const (
	pronPerson = iota + 1 // he, she
	pronOrg               // it
	pronGroup             // they
	pronFirst             // I, we: the writer's own voice
	pronRel               // who, which, that
	pronOther             // nobody, someone, this …
)

var pronouns = map[string]int{
	"he": pronPerson, "she": pronPerson, "him": pronPerson, "her": pronPerson,
	"it":   pronOrg,
	"they": pronGroup, "them": pronGroup,
	"i": pronFirst, "we": pronFirst, "me": pronFirst, "us": pronFirst,
	"who": pronRel, "which": pronRel, "that": pronRel,
}

// possessives and determiners left out of a description's text.
var dropLeft = map[string]bool{
	"the": true, "a": true, "an": true, "some": true, "our": true, "its": true,
	"their": true, "his": true, "her": true, "my": true, "your": true,
	"this": true, "that": true, "these": true, "those": true,
}

// definite determiners make a description refer back ("the ministry").
var definite = map[string]bool{
	"the": true, "this": true, "that": true, "its": true, "their": true,
	"his": true, "her": true,
}

// personNouns head descriptions of people ("the spokesman").
var personNouns = set(
	"official", "spokesman", "spokeswoman", "spokesperson", "minister",
	"president", "premier", "chancellor", "chairman", "chairwoman", "chair",
	"director", "chief", "executive", "analyst", "lawyer", "attorney",
	"prosecutor", "judge", "mayor", "governor", "senator", "ambassador",
	"envoy", "diplomat", "officer", "commander", "general", "colonel",
	"expert", "researcher", "scientist", "professor", "economist", "leader",
	"secretary", "adviser", "advisor", "aide", "representative", "deputy",
	"head", "editor", "journalist", "reporter", "witness", "resident", "man",
	"woman", "coach", "manager", "engineer", "doctor", "teacher", "king",
	"queen", "candidate", "lawmaker", "legislator", "councillor",
	"councilor", "activist", "founder", "owner", "academic", "source",
	"person", "forecaster", "investigator", "detective", "inspector",
	"boss", "captain", "player", "worker", "student", "father",
	"mother", "wife", "husband", "son", "daughter", "relative", "neighbour",
	"neighbor", "victim", "survivor", "farmer", "driver", "pilot",
	"politician", "mp", "mep", "veteran", "member", "negotiator", "monk",
	"priest", "bishop", "imam", "rabbi", "physician", "nurse", "surgeon",
)

// orgNouns head descriptions of organisations ("the agency").
var orgNouns = set(
	"service", "ministry", "agency", "company", "firm", "group",
	"organisation", "organization", "department", "office", "authority",
	"bureau", "committee", "council", "commission", "government", "court",
	"police", "army", "military", "party", "club", "union", "bank", "board",
	"embassy", "administration", "institute", "university", "team",
	"operator", "regulator", "watchdog", "association", "federation",
	"network", "channel", "newspaper", "broadcaster", "airline", "maker",
	"manufacturer", "body", "parliament", "prosecution", "cabinet",
	"presidency", "kremlin", "secretariat", "staff", "corps", "force",
	"forces", "directorate", "inspectorate", "charity", "foundation",
	"movement", "alliance", "coalition", "consortium", "contractor",
	"producer", "provider", "retailer", "carrier", "insurer", "lender",
	"school", "hospital", "museum", "station", "outlet", "website", "blog",
	"paper", "daily", "weekly", "centre", "center",
)

// fallbackOrgNouns are generic enough that "the service", "the company"
// may refer to the last organisation that spoke even when its name does
// not contain the word.
var fallbackOrgNouns = set(
	"service", "ministry", "agency", "company", "firm", "group",
	"organisation", "organization", "department", "office", "authority",
	"bureau", "club", "institute", "operator", "regulator", "airline",
	"maker", "body", "watchdog", "union", "contractor", "carrier", "provider",
)

// fallbackPersonNouns may refer to the last person who spoke.
var fallbackPersonNouns = set("official", "spokesman", "spokeswoman", "spokesperson")

// artifactNouns are documents that speak for whoever issued them ("the
// statement said", "according to the report").
var artifactNouns = set(
	"statement", "report", "release", "letter", "notice", "document",
	"video", "survey", "study", "filing", "memo", "communique",
	"announcement", "message", "record", "indictment", "complaint",
	"transcript", "footage", "post", "bulletin", "note", "poll",
)

// notSources are what "according to" cites when it introduces no
// speaker ("according to plan").
var notSources = set(
	"plan", "schedule", "rule", "law", "tradition", "custom", "script",
	"protocol", "procedure", "instruction", "regulation", "standard",
	"design", "expectation", "need", "taste", "size", "age", "season",
	"order", "principle", "plans", "rules",
)

// timeNouns head phrases that are never speakers ("five weeks after X
// said", misparsed).
var timeNouns = set("week", "day", "month", "year", "hour", "minute", "time", "weekend", "decade", "moment")

// negators cancel a speech verb ("did not say").
var negators = set("not", "n't", "never", "neither", "nor")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
