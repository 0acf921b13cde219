// Package quote finds quotes and reported speech in a document and names
// their speakers. It is the quote stage of the second part of the
// language layer: Find works on a document's clean text with the
// sentences (tokens, tags, lemmas, dependency parse) and entity mentions
// of the first part, and every Quote it returns carries its byte span
// into the text and the index of the sentence where it starts.
//
// # Kinds
//
//   - direct (crosscheck.QuoteDirect): words between quotation marks,
//     attributed by a speech verb after them (“…,” she said; “…” said X),
//     before them after a comma (she said, “…”), or governing them (X said
//     the plan was “dead”; X called it “a farce”).
//   - colon (crosscheck.QuoteColon): a clause ending in a colon before the
//     quote. With quotation marks any predicate will do ("X praised Y:
//     “…”", "X was blunt: “…”"), but then the speaker must resolve to a
//     name, so that "The message was clear: “…”" names nobody. Without
//     marks the predicate must be a speech verb ("She said: the city …")
//     and the quote runs to the end of the sentence.
//   - indirect (crosscheck.QuoteIndirect): the clause reported by a speech
//     verb: "X said (that) …", "X told reporters (that) …", "…, X said."
//     (the clause before), "Most of them, relatives say, attended …" (the
//     clause after a parenthetical), "…, saying that …" (the participle's
//     clause, spoken by the main clause's subject). The parser's ccomp is
//     used when it is plausible; the surface order repairs the common
//     parse errors around attributions.
//   - according_to (crosscheck.QuoteAccordingTo): the clause that
//     "according to X" attaches to, before or after it; not "according to
//     plan".
//
// The speech verbs are lemmas (say, tell, add, claim, state, announce,
// report, note, stress, warn, deny, confirm, allege, insist, argue,
// write, explain, declare, reveal, admit, suggest, …; see lexicon.go).
// Verbs such as call, describe, dismiss, praise only attribute quoted
// words. A negated verb ("did not say"), one under "declined to" or
// "refused to", a passive without an agent ("was called a farce" names no
// speaker; "… by critics" does), and "I" or "we" outside quotation marks
// (the writer's own voice) report nothing. Verbs inside quotation marks
// are not read: a speaker's own reports stay part of the quote.
//
// A clause that is (nearly) all quotation is reported once, as the
// direct quote. A partial quote inside reported speech gives two
// records: the indirect clause and the direct words, with the same
// speaker. Quotes are ordered by span; two readings of the same span keep
// the direct one.
//
// # Quotation marks
//
// Curly (“…”), straight ("…"), low-high („…“), guillemets («…» and
// »…«) and single curly marks (‘…’) are paired within a paragraph (a
// line of the clean text). A mark of another family inside a quotation
// is part of it (nested quotes); single marks quote only at the top level
// and only when they close in the paragraph, since ’ is also the
// apostrophe; straight single marks never quote.
//
// News convention for long quotes: a paragraph that opens with a
// quotation mark and does not close it continues in the next paragraph
// when that one opens with a quotation mark. Each paragraph's piece is
// its own quote; pieces without an attribution take the speaker of the
// piece they continue (or, backwards, of a later piece that has one).
//
// Unbalanced marks never swallow more than a paragraph: an opening mark
// that is never closed, and not continued, quotes to the end of its
// paragraph. If the quotation shows its attribution after a comma
// (“Crews are working, a spokesman said. He added …) it is closed at that
// comma instead. No quote span ever contains a line break.
//
// A quotation split by its attribution (“X,” he said, “Y.”) gives two
// direct quotes with the same speaker. Quoted words count when a speech
// verb attributes them, or when they look like speech (four words or
// more, or sentence punctuation); short unattributed phrases are scare
// quotes or titles, and title-case phrases (“Southern Energy Corridor”)
// are never quotes. An unattributed quote takes the speaker of another
// quote in its paragraph, or, when it fills its paragraph, of the last
// quote of the paragraph before (the news convention); short phrases
// never inherit a speaker.
//
// # Speakers
//
// The speaker is the subject of the speech verb, else the subject of the
// verb it hangs on ("keeps saying", "and said", "…, warning that"), the
// agent of a passive, or the object of "quoted X as saying". The parse's
// subject is checked: of several the one holding a name wins, then the
// nearest; a subject inside quotation marks or a time noun ("five weeks
// after X said") does not count; a noun phrase right before the verb
// stands in when the parser attached it elsewhere.
//
// Speaker is then the full name of what the phrase refers to:
//
//   - a name: the entity mention holding the phrase's head, or a name in
//     apposition ("the head of the service, Colonel X"; "X, a lawyer who
//     said"; "one of the engineers, X"), or the name after title words
//     ("Defence Minister X", "forecaster X"), or a proper noun the
//     recogniser missed. A person's full name is the longest earlier
//     mention with the same surname ("Enveroglu" → "Elnur Enveroglu"); an
//     organisation's acronym is expanded from "Name (ACR)" or from
//     initials ("the DTX said" → "State Security Service"), and a short
//     name from a longer earlier one ("Vanguard" → "Revolutionary
//     Vanguard Corps").
//   - a pronoun: he or she → the latest person who was the subject of a
//     main clause or a speaker in the last four sentences (no gender
//     check); it → the latest organisation (three sentences); they → the
//     latest group that spoke or was a main subject (two sentences).
//   - a definite description ("the service", "the ministry", "the judge",
//     "the official", "its chairwoman"): the latest earlier name that
//     contains the noun, has it as title or as a describing noun ("the
//     grid operator X"), or the latest unnamed speaker with that noun;
//     failing that, "the official/spokesman/spokeswoman" → the last person
//     who spoke (four sentences) and "the service/ministry/agency/
//     company/…" → the last organisation that spoke or was a main subject
//     (eight sentences). A description with a place or nationality
//     ("Ostravia's defence ministry") or an indefinite one ("a ministry
//     official") is a new speaker.
//   - a document ("the statement said", "according to the report"):
//     speaks for a named modifier ("the SSS statement"), for "published
//     by X", or, for "the statement", for the last organisation (else
//     person) that spoke.
//
// An unnamed speaker keeps its description as Speaker ("Valdorian
// foreign ministry official", "sources inside the port"), without
// determiners, and SpeakerEntity -1. SpeakerSpan covers the words that
// name the speaker for this quote: the name, pronoun or description (for
// an inherited speaker, those of the quote it came from). SpeakerEntity
// is the index in ents of the mention the speaker resolved to. Bylines
// (mentions with Role "author") are never antecedents and speak only as
// the grammatical subject. A quote whose speaker cannot be found is kept
// with Speaker "" and SpeakerEntity -1: a speaker is never guessed.
//
// # Evaluation
//
// Evaluate scores Find with a caller's language layer (an Annotator,
// such as *nlp.Pipeline) against a gold file: detection precision,
// recall and F1 (a found quote matches a gold quote whose span it
// overlaps, one to one) and speaker accuracy over the matched quotes, by
// kind and per split. testdata/dev.jsonl is the dev set; its format and
// annotation rules are in testdata/README.md.
package quote

// Version is the version of the quote finder; it belongs in the
// layer's Extractor.
const Version = "quote/2"
