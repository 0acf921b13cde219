// Package entity resolves the named-entity mentions of many documents
// into entities: one crosscheck.Entity per actor, with a type, a
// canonical name, its aliases with counts, relations to entities it is
// kept apart from, and every mention as evidence (document, byte span,
// sentence, text, kind, Extractor = Version). Resolve takes documents
// with their language layer and the user's decisions; Result.At maps a
// span back to its entity for the event extractor.
//
// # Within a document
//
// Mentions are cleaned first: a leading "the", a final possessive
// ("Valdoria's", "Kelm’s") and, for people, titles the recognizer left in
// the span ("President Korvel") are trimmed from the span. An
// organisation mention the recognizer cut short after capitalised words
// ("Islamic Revolutionary" + "Guards Corps") is extended over them, and
// a place followed by capitalised words nobody recognised ("Kelm" +
// "Daily Voice") becomes the organisation they name (not in headlines).
//
//   - Full names group by key (folded case and diacritics, words without
//     punctuation, nouns made singular for non-persons).
//   - Acronyms are defined in parentheses after or before the name
//     ("State Security Service (SSS)", "SSS (State Security Service)") or
//     in apposition ("the State Security Service, or SSS"). The acronym
//     must spell the name's initials, except after an organisation name
//     of two words or more ("State Security Service (DTX)", a
//     translation's acronym) and never after a dateline in capitals
//     ("MARENBURG (RWA)"). Bare uses of a defined acronym join its name.
//   - A one-word person name joins the one full name in the document
//     ending with it ("Aliyev" after "Ilham Aliyev"), else the one
//     starting with it; with two such full names it stays on its own.
//   - A shorter organisation name joins the one longer organisation
//     name in the document that holds its words in order ("the Vanguard",
//     "Revolutionary Vanguard Corps"); a name of generic words only ("the
//     Ministry") joins the latest such organisation before it.
//   - Descriptions: "the service", "the security service", "its
//     ministry", "Ostravia's defence ministry" link to the latest
//     organisation before them whose name holds the head noun and the
//     modifiers (or whose acronym ends with their initials: "the security
//     service" and the SSS); a country written in the description must
//     match the organisation's. "the ambassador", "the foreign minister"
//     link to the latest person given that title. A description naming a
//     country that finds nothing in its article joins the organisation of
//     that country with those words elsewhere in the corpus, if there is
//     exactly one. Kind RefDescription.
//   - Pronouns he/him/his and she/her outside quotations link to the last
//     person who was the subject of a clause within the last three
//     sentences, skipping people of the other gender (from titles such as
//     "spokeswoman" and earlier pronouns) and, for an object pronoun, the
//     subject of its own sentence ("Brannholt handed him a note"). Other
//     pronouns ("it", "they", "we") are left alone. Kind RefPronoun.
//   - Renames: a cue before a name ("formerly known as", "renamed",
//     "used to be called", "folded into") relates it to the organisation
//     mentioned last before it in that sentence or the previous one; the
//     two are never merged and get RelRenamed both ways.
//
// # Across documents
//
// Clusters of all documents are joined with a union-find; every rule
// looks candidates up in an index, never by comparing all pairs:
//
//   - Same key. An organisation name may carry a country written before
//     it, in the name ("Iranian Revolutionary Guard Corps", "Azerbaijan
//     State Security Services") or just before it ("Valdoria's SSS", "the
//     Valdorian State Security Service"). Names with different countries
//     never merge; a name without one joins the one country the corpus
//     gives that name, or, when there are several, the one its article
//     names. Two entities left with one name are told apart by their
//     country: "State Security Service (Azerbaijan)".
//   - Spelling and transliteration variants: keys sharing a consonant
//     skeleton (vowels, y, h, kh and ch dropped: Huseyniyyun and
//     Huseiniyyun, Khoryev and Horyev, Khazrani and Chazrani) merge when
//     they also have the same type, the same number of words, words of
//     four letters or fewer spelled alike, lengths within 20%, a
//     Jaro–Winkler similarity of at least 0.85 and at most a quarter of
//     the letters edited — and not both known to the gazetteer as
//     different places (Iran and Iraq, whose skeletons differ anyway).
//     Names shorter than six letters never merge this way.
//   - People: "George W. Bush" joins "George Bush" when that is the only
//     such name; a one-word person name joins the one full name in the
//     corpus that ends with it. A surname two full names share ("Matusz":
//     Emil and Lena) stays an entity of its own, except in an article
//     where it was unambiguous.
//   - Acronyms: the expansions of one acronym merge when they share half
//     their words (the "Islamic" and "Iranian" Revolutionary Guard Corps,
//     both "IRGC"); a bare acronym joins the one entity it is defined for
//     anywhere in the corpus ("the DTX", defined in another article), or,
//     when it is defined nowhere, the one organisation whose initials it
//     spells ("TNEC"). Otherwise bare uses of one acronym are one entity.
//   - A shorter organisation name joins the one longer organisation name
//     in the corpus that holds its words in order ("Revolutionary Guard",
//     "Islamic Revolutionary Guard Corps"); generic-only names, place names
//     and one-word names with a country never do.
//   - Types: each name mention votes with the recognizer's label and the
//     majority wins (ties: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT), so a
//     name labelled ORG in two articles and GPE in one is one ORG.
//
// # Countries, capitals and nationality words
//
// Country names and their aliases ("US", "America", "United States";
// "Republic of Azerbaijan"; "the Islamic Republic" when the article names
// exactly one country with that official form) are one GPE entity. The
// gazetteer provides countries, capitals and demonyms; invented
// countries are learned from the corpus: a nationality word whose
// stripped form is a place of the corpus ("Ostravian" → Ostravia), a
// capital stated in the text ("the Ostravian capital Kelm", "Kelm, the
// capital of Ostravia") or given with WithCapitals.
//
// Nationality words (NORP mentions "Iranian", "Ostravians") are mentions
// of their country's GPE entity with kind RefDemonym: news uses them for
// the state and its people alike ("Iranian officials"), and one entity
// keeps the country's evidence together. They are not aliases. NORP
// words without a country ("Shia", "Jewish") remain NORP entities.
//
// A capital stands for its country's government — a RefMetonym mention
// of the country entity — when the parse says it acts: the subject of a
// verb other than verbs of place ("Kelm denied", "Tehran summoned",
// "Kelm was deeply concerned"; not "Kelm lies", "Kelm hosted"), the
// agent of a passive ("paid by Kelm"), the object of a verb of dealing
// with a government ("accusing Marenburg", "Ask Kelm"), the possessor or
// modifier of a noun that is not a thing of the city ("Kelm's envoy",
// "seven Kelm agents", "the Kelm regime"; not "Kelm's streets"), or a
// party to relations ("relations between Marenburg and Kelm").
// Everywhere else ("reporters in Kelm"), and always in datelines written
// in capitals and in "the Ostravian capital Kelm", it is the city: a GPE
// entity of its own, with RelGovernmentOf to its country.
//
// # Authors
//
// Byline authors (mentions with Role "author") are not actors: they are
// left out (counted in Stats.Authors). The same name in the body of an
// article without the author role is an ordinary mention.
//
// # Decisions
//
// Decisions apply in order after the automatic pass and win over it.
// They name entities by any name (canonical name or alias, compared
// without case, diacritics, "the" or a possessive), restricted to a type
// when Decision.Type is set: merge joins every entity going by A or B;
// split moves the mentions written B out of the entity named A into an
// entity of their own; rename sets the canonical name of the entity
// named A to B. Because they name names, they apply again after
// re-processing.
//
// # Names and IDs
//
// The canonical name is the fullest frequent name: for people the most
// frequent name of two words or more; for others, among the names used
// at least a quarter as often as the most frequent one, the one with the
// most words (a country written before it not counted), then the more
// frequent. Acronyms name an entity only when it has no other name; a
// country known only from demonyms and metonyms takes the gazetteer's
// (or WithCapitals') name. The spelling is the most frequent, mixed case
// preferred over capitals.
//
// An entity's ID is "E" + the first 10 hex digits of the SHA-256 of its
// type, "|" and the key of its canonical name before any rename (folded
// words). It is stable across runs as long as the type and canonical
// name stay the same; when two entities have the same type and name,
// their country, then a sequence number, is added to the hashed text.
// Results do not depend on the order the documents are given in.
//
// # Speed
//
// The per-document pass runs in parallel (WithWorkers); the
// cross-document pass is linear in the number of clusters apart from
// small candidate buckets. BenchmarkResolve links 10,000 synthetic
// documents of ~700 tokens and 30 mentions in about 10 s on the shared
// two-core build machine (~1 ms per document, against ~60 ms to
// annotate one).
package entity
