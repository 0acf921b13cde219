package event

import "github.com/crosscheck/crosscheck"

// cond is a condition a trigger word must meet besides its lemma. Its
// value is the name docs/events.md shows in parentheses after the lemma.
type cond string

const (
	always       cond = ""
	person       cond = "person"       // the patient is a person or a group of people
	ring         cond = "ring"         // the patient is a network, ring, cell or gang, or people
	diplomat     cond = "diplomat"     // the patient is an ambassador, envoy or diplomat
	post         cond = "post"         // the object is an embassy, consulate or mission
	fire         cond = "fire"         // the object is "fire" ("open fire")
	information  cond = "information"  // the object is information, intelligence, secrets…, in a spy context
	spyContext   cond = "spy-context"  // the document speaks of spying, espionage or treason
	agreement    cond = "agreement"    // the object is a deal, agreement, treaty…
	troops       cond = "troops"       // the object or subject is troops, forces, tanks…
	military     cond = "military"     // a military word in the sentence, a named exercise, or "the …" in a military story
	custody      cond = "custody"      // an "into custody" phrase
	relations    cond = "relations"    // the object is relations or ties
	accusedWith  cond = "with"         // passive, or a "with" phrase ("charged with treason")
	notAccess    cond = "not-access"   // the object is not access, entry, bail… ("denied access" is no statement)
	counterpart  cond = "counterpart"  // no object, a "with" phrase, or an object that names someone
	intransitive cond = "intransitive" // no object ("protesters rallied", not "rallied support")
	violent      cond = "violent"      // an object that is not a deal or balance ("strike a deal" is no attack)
	weapon       cond = "weapon"       // an air, drone, missile or military modifier ("air strike")
	plural       cond = "plural"       // the plural form ("talks", not "talk")
	kind         cond = "kind"         // a military, humanitarian, financial… modifier ("military assistance")
	toDo         cond = "to-do"        // an infinitive or an "on"/"to" phrase ("agreed to cooperate"), not "agree that"
	notOf        cond = "not-of"       // no "of" phrase ("a demonstration of force" is no protest)
)

// trigger is one reading of a trigger word.
type trigger struct {
	Type string
	If   cond
}

// verbs maps a verb lemma to its readings, tried in order. A verb in a
// phrasal construction is listed under its head ("round" of "round up").
var verbs = map[string][]trigger{
	// ARREST
	"arrest":      {{crosscheck.EventArrest, always}},
	"detain":      {{crosscheck.EventArrest, always}},
	"apprehend":   {{crosscheck.EventArrest, always}},
	"jail":        {{crosscheck.EventArrest, always}},
	"imprison":    {{crosscheck.EventArrest, always}},
	"remand":      {{crosscheck.EventArrest, always}},
	"convict":     {{crosscheck.EventArrest, always}},
	"sentence":    {{crosscheck.EventArrest, person}},
	"seize":       {{crosscheck.EventArrest, person}},
	"capture":     {{crosscheck.EventArrest, person}},
	"hold":        {{crosscheck.EventArrest, person}},
	"round":       {{crosscheck.EventArrest, person}},
	"net":         {{crosscheck.EventArrest, person}},
	"nab":         {{crosscheck.EventArrest, person}},
	"bust":        {{crosscheck.EventArrest, ring}},
	"take":        {{crosscheck.EventArrest, custody}},
	"raid":        {{crosscheck.EventArrest, always}},
	"extradite":   {{crosscheck.EventArrest, always}},
	"deport":      {{crosscheck.EventArrest, always}},
	"accuse":      {{crosscheck.EventAccuse, always}},
	"blame":       {{crosscheck.EventAccuse, always}},
	"charge":      {{crosscheck.EventAccuse, accusedWith}},
	"indict":      {{crosscheck.EventAccuse, always}},
	"prosecute":   {{crosscheck.EventAccuse, always}},
	"attack":      {{crosscheck.EventAttack, always}},
	"bomb":        {{crosscheck.EventAttack, always}},
	"shell":       {{crosscheck.EventAttack, always}},
	"kill":        {{crosscheck.EventAttack, always}},
	"assassinate": {{crosscheck.EventAttack, always}},
	"invade":      {{crosscheck.EventAttack, always}},
	"shoot":       {{crosscheck.EventAttack, person}},
	"strike":      {{crosscheck.EventAttack, violent}},
	"open": {
		{crosscheck.EventAttack, fire},
		{crosscheck.EventDiplomacy, post},
	},
	"mobilize":    {{crosscheck.EventMobilize, always}},
	"mobilise":    {{crosscheck.EventMobilize, always}},
	"deploy":      {{crosscheck.EventMobilize, always}},
	"amass":       {{crosscheck.EventMobilize, always}},
	"mass":        {{crosscheck.EventMobilize, troops}},
	"station":     {{crosscheck.EventMobilize, troops}},
	"reinforce":   {{crosscheck.EventMobilize, troops}},
	"summon":      {{crosscheck.EventDiplomacy, always}},
	"expel":       {{crosscheck.EventDiplomacy, always}},
	"recall":      {{crosscheck.EventDiplomacy, diplomat}},
	"call":        {{crosscheck.EventDiplomacy, diplomat}},
	"close":       {{crosscheck.EventDiplomacy, post}},
	"shut":        {{crosscheck.EventDiplomacy, post}},
	"reopen":      {{crosscheck.EventDiplomacy, post}},
	"sever":       {{crosscheck.EventDiplomacy, relations}},
	"restore":     {{crosscheck.EventDiplomacy, relations}},
	"break":       {{crosscheck.EventDiplomacy, relations}},
	"visit":       {{crosscheck.EventMeet, always}},
	"meet":        {{crosscheck.EventMeet, counterpart}},
	"negotiate":   {{crosscheck.EventMeet, always}},
	"agree":       {{crosscheck.EventAgree, toDo}},
	"sign":        {{crosscheck.EventAgree, agreement}},
	"conclude":    {{crosscheck.EventAgree, agreement}},
	"ratify":      {{crosscheck.EventAgree, always}},
	"cooperate":   {{crosscheck.EventAgree, always}},
	"protest":     {{crosscheck.EventProtest, always}},
	"demonstrate": {{crosscheck.EventProtest, intransitive}},
	"rally":       {{crosscheck.EventProtest, intransitive}},
	"announce":    {{crosscheck.EventStatement, always}},
	"declare":     {{crosscheck.EventStatement, always}},
	"warn":        {{crosscheck.EventStatement, always}},
	"deny":        {{crosscheck.EventStatement, notAccess}},
	"condemn":     {{crosscheck.EventStatement, always}},
	"denounce":    {{crosscheck.EventStatement, always}},
	"spy":         {{crosscheck.EventEspionage, always}},
	"recruit":     {{crosscheck.EventEspionage, spyContext}},
	"fund":        {{crosscheck.EventEspionage, spyContext}},
	"finance":     {{crosscheck.EventEspionage, spyContext}},
	"train":       {{crosscheck.EventEspionage, spyContext}},
	"photograph":  {{crosscheck.EventEspionage, spyContext}},
	"collect":     {{crosscheck.EventEspionage, information}},
	"gather":      {{crosscheck.EventEspionage, information}},
	"pass":        {{crosscheck.EventEspionage, information}},
	"transmit":    {{crosscheck.EventEspionage, information}},
	"leak":        {{crosscheck.EventEspionage, information}},
	"steal":       {{crosscheck.EventEspionage, information}},
	"sell":        {{crosscheck.EventEspionage, information}},
	"sanction":    {{crosscheck.EventSanction, always}},
	"ban":         {{crosscheck.EventSanction, always}},
	"blacklist":   {{crosscheck.EventSanction, always}},
	"embargo":     {{crosscheck.EventSanction, always}},
	"aid":         {{crosscheck.EventAid, always}},
}

// nouns maps an event noun's lemma to its readings.
var nouns = map[string][]trigger{
	"arrest":        {{crosscheck.EventArrest, always}},
	"detention":     {{crosscheck.EventArrest, always}},
	"raid":          {{crosscheck.EventArrest, always}},
	"sweep":         {{crosscheck.EventArrest, spyContext}},
	"crackdown":     {{crosscheck.EventArrest, always}},
	"roundup":       {{crosscheck.EventArrest, always}},
	"remand":        {{crosscheck.EventArrest, always}},
	"imprisonment":  {{crosscheck.EventArrest, always}},
	"extradition":   {{crosscheck.EventArrest, always}},
	"deportation":   {{crosscheck.EventArrest, always}},
	"accusation":    {{crosscheck.EventAccuse, always}},
	"allegation":    {{crosscheck.EventAccuse, always}},
	"indictment":    {{crosscheck.EventAccuse, always}},
	"attack":        {{crosscheck.EventAttack, always}},
	"strike":        {{crosscheck.EventAttack, weapon}},
	"airstrike":     {{crosscheck.EventAttack, always}},
	"bombing":       {{crosscheck.EventAttack, always}},
	"shelling":      {{crosscheck.EventAttack, always}},
	"assault":       {{crosscheck.EventAttack, always}},
	"invasion":      {{crosscheck.EventAttack, always}},
	"assassination": {{crosscheck.EventAttack, always}},
	"ambush":        {{crosscheck.EventAttack, always}},
	"exercise":      {{crosscheck.EventMobilize, military}},
	"drill":         {{crosscheck.EventMobilize, military}},
	"manoeuvre":     {{crosscheck.EventMobilize, military}},
	"maneuver":      {{crosscheck.EventMobilize, military}},
	"deployment":    {{crosscheck.EventMobilize, always}},
	"mobilisation":  {{crosscheck.EventMobilize, always}},
	"mobilization":  {{crosscheck.EventMobilize, always}},
	"build-up":      {{crosscheck.EventMobilize, military}},
	"buildup":       {{crosscheck.EventMobilize, military}},
	"summoning":     {{crosscheck.EventDiplomacy, always}},
	"summons":       {{crosscheck.EventDiplomacy, diplomat}},
	"expulsion":     {{crosscheck.EventDiplomacy, always}},
	"démarche":      {{crosscheck.EventDiplomacy, always}},
	"visit":         {{crosscheck.EventMeet, always}},
	"talk":          {{crosscheck.EventMeet, plural}},
	"meeting":       {{crosscheck.EventMeet, always}},
	"summit":        {{crosscheck.EventMeet, always}},
	"negotiation":   {{crosscheck.EventMeet, always}},
	"deal":          {{crosscheck.EventAgree, always}},
	"agreement":     {{crosscheck.EventAgree, always}},
	"accord":        {{crosscheck.EventAgree, always}},
	"treaty":        {{crosscheck.EventAgree, always}},
	"pact":          {{crosscheck.EventAgree, always}},
	"memorandum":    {{crosscheck.EventAgree, always}},
	"protest":       {{crosscheck.EventProtest, always}},
	"demonstration": {{crosscheck.EventProtest, notOf}},
	"rally":         {{crosscheck.EventProtest, always}},
	"announcement":  {{crosscheck.EventStatement, always}},
	"declaration":   {{crosscheck.EventStatement, always}},
	"warning":       {{crosscheck.EventStatement, always}},
	"denial":        {{crosscheck.EventStatement, always}},
	"condemnation":  {{crosscheck.EventStatement, always}},
	"espionage":     {{crosscheck.EventEspionage, always}},
	"spying":        {{crosscheck.EventEspionage, always}},
	"recruitment":   {{crosscheck.EventEspionage, spyContext}},
	"sanction":      {{crosscheck.EventSanction, always}},
	"embargo":       {{crosscheck.EventSanction, always}},
	"ban":           {{crosscheck.EventSanction, always}},
	"aid":           {{crosscheck.EventAid, always}},
	"assistance":    {{crosscheck.EventAid, kind}},
}

// Word classes the conditions and roles consult.
var (
	personNouns = set("people", "person", "man", "woman", "men", "women", "suspect", "national", "citizen",
		"activist", "member", "agent", "spy", "journalist", "individual", "resident", "official", "officer",
		"soldier", "worker", "employee", "protester", "protestor", "demonstrator", "opponent", "dissident",
		"leader", "student", "blogger", "reporter", "civilian", "lawyer", "pilot", "cleric", "businessman",
		"informant", "operative", "militant", "fighter", "rebel", "insurgent", "detainee", "foreigner",
		"diplomat", "ambassador", "envoy", "figure", "associate", "accomplice", "relative", "teenager", "youth",
		"child", "adult", "minister", "politician", "crew", "sailor", "tourist", "traveller", "individual",
		"they", "them", "he", "him", "she", "her", "who", "whom", "dozen", "dozens", "several", "some", "many",
		"others", "other", "ring", "network", "cell", "group", "gang")
	diplomatNouns = set("ambassador", "envoy", "diplomat", "chargé", "attaché", "attache", "consul",
		"emissary", "representative", "staff")
	postNouns = set("embassy", "consulate", "consulate-general", "mission", "legation")
	infoNouns = set("information", "intelligence", "data", "secret", "document", "photo", "photograph",
		"image", "schedule", "detail", "coordinate", "map", "plan", "file", "material")
	agreementNouns = set("deal", "agreement", "accord", "treaty", "pact", "memorandum", "contract",
		"protocol", "declaration", "charter")
	troopNouns = set("troop", "troops", "force", "forces", "soldier", "tank", "unit", "battalion", "brigade",
		"division", "army", "warship", "ship", "vehicle", "artillery", "battery", "missile", "aircraft", "jet",
		"personnel", "reservist", "reserve")
	relationNouns  = set("relation", "relations", "tie", "ties")
	accessNouns    = set("access", "entry", "bail", "visa", "permission", "request", "rights", "right")
	figurativeObjs = set("deal", "agreement", "balance", "chord", "tone", "note", "pose", "bargain",
		"compromise", "blow", "match", "gold", "oil", "it")
	weaponMods = set("air", "drone", "missile", "rocket", "artillery", "military", "aerial", "preemptive",
		"pre-emptive", "retaliatory", "naval", "nuclear", "precision", "targeted", "deadly")
	aidKinds = set("military", "humanitarian", "financial", "economic", "technical", "medical", "food",
		"development", "security")
	militaryCues = set("military", "troop", "troops", "army", "naval", "navy", "soldier", "tank", "force",
		"forces", "defence", "defense", "artillery", "war", "warship", "combat", "armed", "nato", "missile",
		"brigade", "battalion", "live-fire", "joint", "readiness", "border")
	spyCues = set("spy", "spying", "espionage", "treason", "intelligence", "informant", "handler", "spymaster")

	// transparentNouns pass their place in the clause on to an event noun
	// in their "of" phrase ("carried out a round of arrests").
	transparentNouns = set("round", "wave", "series", "spate", "string", "number", "new", "campaign",
		"flurry")
	// supportVerbs lend their subject, time and place to an event noun
	// they govern ("held talks", "the exercise began on Monday").
	supportVerbs = set("hold", "carry", "conduct", "stage", "launch", "begin", "start", "continue", "end",
		"make", "reach", "mount", "organise", "organize", "host", "complete", "finish", "take", "resume",
		"strike", "wrap", "kick", "unveil", "seal", "finalise", "finalize", "order", "run", "undertake",
		"perform", "pay", "go", "erupt", "occur", "happen", "last", "expand", "extend", "scale", "step",
		"participate", "join")
	// supportPreps link a support verb to an event noun in an oblique.
	supportPreps = set("in", "during")
	// chargeHeads introduce a charge ("on charges of", "on suspicion of").
	chargeHeads = set("charge", "suspicion", "accusation", "allegation", "count", "ground", "grounds")
	// suspectWords are participles that attach a charge to a person
	// ("seven suspected of spying", "men accused of treason").
	suspectWords = set("suspect", "suspected", "accuse", "accused", "charge", "charged", "convict",
		"convicted", "implicate", "implicated")
	// crimeNouns are charges after "for" ("arrested for treason").
	crimeNouns = set("treason", "espionage", "spying", "terrorism", "extremism", "sabotage", "murder",
		"fraud", "corruption", "smuggling", "bribery", "subversion", "sedition", "incitement", "collaboration",
		"theft", "trafficking", "extortion", "embezzlement", "separatism", "insurrection", "involvement",
		"links", "ties", "crime", "crimes", "offence", "offense", "offences", "activity", "activities")
	// agentNouns are modifiers that name who acted ("police raids").
	agentNouns = set("police", "army", "security", "government", "court", "prosecutor",
		"authority", "authorities", "service", "ministry", "regime", "troops", "forces")
	placeNouns = set("city", "town", "village", "region", "province", "district", "port", "capital",
		"border", "area", "country", "base", "station", "terminal", "prison", "airport", "square", "street",
		"building", "headquarters", "compound", "camp", "zone", "territory", "coast", "island", "sea",
		"oblast", "county", "state", "ministry", "court", "embassy", "consulate")
	// noteNouns carry a diplomatic protest ("a note of protest").
	noteNouns = set("note", "letter", "démarche")
	// speechVerbs make a governed past perfect reported speech.
	speechVerbs = set("say", "tell", "announce", "report", "claim", "state", "confirm", "add", "allege",
		"insist", "reveal", "disclose", "deny", "admit", "write", "note", "explain", "believe", "know",
		"learn", "argue", "stress", "warn", "declare", "acknowledge", "suggest", "show", "indicate")
	locPreps    = set("in", "at", "near", "outside", "inside", "across", "around", "off", "within", "throughout")
	negWords    = set("not", "never", "n't", "no", "neither", "nor")
	recapAdvs   = set("previously", "earlier", "formerly", "already", "once", "before")
	relPronouns = set("who", "whom", "which", "that", "whose")
)

// adjTypes are the types a participle tagged as an adjective can
// trigger.
var adjTypes = map[string]bool{
	crosscheck.EventArrest: true, crosscheck.EventAttack: true, crosscheck.EventDiplomacy: true,
}

// patientFirst lists the types whose nominal "of" and possessor name the
// patient ("the arrest of 19 people", "the ambassador's expulsion");
// for the others they name the agent ("Ostravia's exercise").
var patientFirst = map[string]bool{
	crosscheck.EventArrest: true, crosscheck.EventAttack: true, crosscheck.EventDiplomacy: true,
	crosscheck.EventSanction: true,
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
