// Package modality says, clause by clause, how a news text puts a
// statement forward: in the outlet's own voice (asserted), attributed to a
// source, alleged, reported, confessed, denied, hypothetical, negated or
// questioned. Outlets that report the same event differ here: one writes
// "the alleged spies were detained, according to the security service", a
// commentary states the arrests as fact. Every record carries the clause's
// byte span, its sentence index, the cue word with its span and, where
// there is one, the source.
//
// # Clauses
//
// Clauses come from the dependency parse. A clause is headed by the
// sentence root, or by a word with a finite verb of its own (a finite verb
// form, a finite auxiliary or copula, or a past form with its own subject
// that the tagger read as a participle) attached as ccomp, advcl, acl
// (relative clauses included), parataxis, csubj, xcomp or list, or by a
// verb coordinated (conj) with a clause head, which shares its finiteness
// ("were arrested and charged"). Non-finite dependents ("accused of taking
// bribes", "plans to build") belong to the clause above them. A clause's
// span runs from its first to its last own word (punctuation and a leading
// coordinator left out), where own words are those not inside a nested
// clause: a nested clause at either edge is cut off ("The minister said" |
// "that the deal would collapse"), one in the middle stays inside the span
// ("The man, who was arrested, fled").
//
// Before reading clauses, Find repairs, in its own copy of the tree, the
// parser's most frequent errors around speech verbs: a that-clause hung on
// a word between it and the verb ("said on Thursday that …", "told
// reporters that …"), "that" taken as the object, "said the smugglers had
// used …" read as a noun with a relative clause, and a present-tense
// speech verb tagged as a plural noun ("The mayor denies that …", a
// headline "Police chief denies cover-up").
//
// # Records
//
// Each clause gets one record per cue that frames it; a clause with no cue
// gets one ModAsserted record, so every clause is covered. Records of a
// clause pass down to the clauses nested in it:
//
//   - a source (speech verbs, "according to") to every nested clause,
//     relative clauses included;
//   - allegation, denial and admission through a speech verb or a noun
//     ("claims that") to every nested clause but relative clauses;
//   - hedges (modals, adverbs such as "reportedly" and "allegedly", "if",
//     "is said to", questions) to complement clauses and to conjuncts
//     without a finite verb of their own;
//   - negation, and a stance on a clause's own object ("denied the
//     charges"), to none.
//
// A record passed down keeps its cue, cue span and source. A clause
// keeps at most 16 records, the first found: its own cues come before
// inherited ones, so only run-on sentences nested hundreds of clauses
// deep lose any.
//
// A cue on a noun phrase ("the five alleged spies", "a possible motive",
// "the man accused of spying") hedges that noun phrase, not the clause: it
// gives a record whose span is the noun phrase (determiners, numbers and
// adjectives before the cue, nouns and adjectives after it; for a
// participle, the noun with the participle's phrase), and the clause keeps
// its own records (usually ModAsserted: the arrest is asserted, the spying
// alleged).
//
// # Cues
//
// Attributed. The complement of a speech or cognition verb is attributed
// to the verb's subject (for a passive, to its "by" agent; for a relative
// clause, to the noun it modifies; for "…, adding that", to the subject of
// the verb it hangs on): "The ministry said (that) …", "…, police said",
// "The deal, he said, is dead" (a trailing or parenthetical speech verb
// needs a subject of its own). The cue is the verb. A negated speech verb
// frames nothing ("did not deny that …", "nobody claimed that …"). The
// verbs (lemmas): add, agree, announce, answer, argue, assert, assure,
// believe, boast, caution, complain, conclude, confirm, contend, declare,
// disclose, emphasise, emphasize, estimate, expect, explain, fear, find,
// hint, hope, indicate, insist, learn, maintain, mention, note, observe,
// pledge, point, post, predict, promise, recall, remark, reply, report,
// respond, reveal, rule, rumor, rumour, say, show, signal, state, stress,
// suggest, tell, testify, think, tweet, understand, vow, warn, write; and
// ask, enquire, inquire, question, wonder, under which "whether" or "if"
// marks an indirect question (questioned, not hypothetical); the nouns
// announcement, assurance, insistence, statement, testimony, warning with
// a that-clause ("the ministry's statement that …", with the possessor as
// source). "According to X" attributes its clause to X (cue "according
// to"). A clause whose head lies inside a quote of Options.Quotes, or with
// most of its own words inside one, is attributed to the quote's speaker,
// with the quote's verb as cue (or the opening quotation mark when it has
// none); a speech verb that is the verb of a quote takes that quote's
// resolved speaker as source instead of its grammatical subject. Anonymous
// sources ("an official", "sources") are attributed; the source text shows
// they are unnamed.
//
// Reportedly. The adverb reportedly; a speech verb whose subject is plural
// "reports" or media, press, rumour, rumor ("Reports say", "local media
// reported"); "according to" such a noun ("according to media reports"); a
// passive without agent of say, report, believe, think, understand,
// estimate, rumour, rumor with an infinitive or a that-clause ("is said
// to", "is believed to", "it was reported that"); the nouns report,
// rumour, rumor, speculation with a that-clause ("reports that …"); the
// adjectives reported (after a determiner), rumoured, rumored on a noun
// phrase. A quote whose verb is read this way stays reportedly and is not
// also attributed.
//
// Alleged. The adverbs allegedly, ostensibly, purportedly, supposedly; the
// verbs allege, suspect ("Police suspect that …", "is suspected of"),
// claim (with a that-clause or an infinitive: "claimed to have"; not
// "claimed responsibility"), accuse and charge ("accused X of", "was
// charged with"); the nouns accusation, allegation, assertion, charge,
// claim, suspicion with a that-clause; the adjectives accused, alleged,
// presumed, purported, suspected and supposed (after a determiner) on a
// noun phrase. One of these adjectives or participles that the parse
// leaves unplaced ("Police suspected militants were …" read as a noun
// phrase) makes its clause alleged. A speech verb that alleges, denies or
// admits also attributes its complement to its subject, so such a clause
// has two records with the same cue.
//
// Confessed. confess and admit, active (a complement is confessed;
// otherwise the verb's own clause: "admitted the charges", "confessed to
// taking bribes"); concede and acknowledge with a that-clause or an object
// ("acknowledged the delays"); plead with "guilty" (cue "pleaded guilty");
// the nouns admission, confession with a that-clause.
//
// Denied. deny, refute and rebut, active ("denied the report", "denied
// that …"; "was denied bail" is no denial); reject, dismiss and dispute
// with a that-clause, with an object among account, accusation,
// allegation, assertion, charge, claim, report, rumor, rumour,
// speculation, story, suggestion, version (or a relative pronoun standing
// for one), or with "as" and one of absurd, baseless, fabricated,
// fabrication, fake, false, fiction, groundless, invention, lie, nonsense,
// propaganda, ridiculous, slander, smear, unfounded, untrue ("dismissed
// the report as false"); "pleaded not guilty", "pleaded innocent"; the
// noun denial with a that-clause. A denial of an object with a content
// clause also covers that clause ("rejected claims that the army had
// shelled the town").
//
// Hypothetical. The modals could, may, might, must, ought, should, would
// ("will", "shall" and "can" are not hypothetical: news uses them for
// announced plans and abilities). Not counted: "would" as the past of
// "will" in the complement of a speech verb ("said the bridge would
// reopen") unless an "if" or "unless" clause goes with it, and a negated
// "would" or "could" before answer, comment, confirm, disclose, discuss,
// elaborate, give, identify, name, reach, respond, reveal, say, specify,
// speculate ("would not comment", "could not be reached"): these are
// refusals, recorded as negated only. The subordinators if, unless
// (hypothetical for their clause and for the clause they modify) and
// whether; the adverbs conceivably, likely, maybe, perhaps, possibly,
// potentially, presumably, probably; the predicates conceivable, likely,
// possible, probable, uncertain, unclear, unlikely ("it is unclear whether
// …", "is likely to"); the nouns chance, fear, likelihood, possibility,
// prospect, risk with a that-clause; the adjectives possible, potential,
// probable (after a determiner) on a noun phrase; a passive "is expected
// to". Plans ("plans to", "intends to") are asserted: the outlet asserts
// the plan.
//
// Negated. n't, neither, never, no, no-one, nobody, none, nor, not,
// nothing, nowhere in the clause; not "no more/fewer/less … than", "no
// doubt", "not only/just/merely/simply/least", "not to mention", "if not",
// "whether or not", nor the "not" of "pleaded not guilty".
//
// Questioned. In the headline (Options.Headline), a question mark makes
// every clause of its sentence questioned. Elsewhere a question mark makes
// questioned the smallest clause that spans the question (from the start
// of the sentence, or from an opening quotation mark, colon or semicolon,
// to the mark). The cue is the question mark.
//
// # Limits
//
// Find relies on the parse and repairs only the errors above; a clause the
// parser splits or merges wrongly gets the wrong span. Scare quotes,
// distancing words ("so-called", "self-styled"), evidential hedges
// ("apparently", "appears to", "seems") and factive or implicative verbs
// ("failed to", "refused to", "confirmed" read as asserting) are not cues.
// A pronoun subject is reported as the pronoun unless a quote resolves it.
// Negation does not pass to nested clauses ("did not say that …" leaves
// the complement attributed).
package modality
