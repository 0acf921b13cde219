// Package coref merges event mentions from many articles into events: the
// reports that describe the same real-world happening become one
// crosscheck.Event that keeps every mention and the document it came from.
//
// # Time
//
// A mention is placed in time by an interval of calendar days:
//
//   - stated: its time argument's interval (EventMention.Begin/End, else
//     the resolved Timex of its time argument). Certain.
//   - published: no time argument, but its document has a publication
//     date P. A news report happened in [P-90, P] (certain: older would
//     not be news), most likely in [P-3, P] (core) and probably in
//     [P-14, P] (window). A recap (EventMention.Recap) only says "on or
//     before P". A Begin/End that the extractor copied from the
//     document's date (no time argument, inside [P-31, P]) counts as
//     published, not stated.
//   - unplaced: no time argument and an undated document.
//
// # Hard rules (a pair that breaks one is never in the same event)
//
//   - The types differ. Types are PLOVER categories and are kept strict: a
//     mistyped mention becomes its own event rather than bending another.
//   - Both are placed and their certain bounds are more than 31 days apart
//     (this covers "differ in year"), or both have stated times of a week
//     or less that lie more than 7 days apart.
//   - Directed types (all but MEET and AGREE): the agent of one is named in
//     the patient or recipient of the other and vice versa ("Iran summons
//     Azerbaijan's ambassador" / "Azerbaijan summons Iran's ambassador"),
//     or one way while the agents differ.
//   - One is unplaced and they give different exact counts (a bound
//     such as "more than a dozen" does not block). Moreover an
//     unplaced pair links directly only when participants match strongly
//     (the same agent and the same patient or place; for MEET and AGREE
//     two shared participants; for a recap the same patient, place and
//     exact count), or, with no conflicting agent, patient or name and
//     the same trigger group, when the event itself is recognisable: the
//     same name (event.RoleName), the same distinctive count ("the 19"),
//     the same exact count of matching patients, or at least two shared
//     argument words (Jaccard 0.3 or more: "spying for Iran"); or,
//     within one article, when they share a participant or trigger and
//     neither gives a distinctive count the other lacks. Otherwise they
//     meet only through other mentions.
//   - Both are news mentions of one article with exact counts a factor
//     of 2.5 or more apart, one of them distinctive ("five arrested",
//     "19 arrested"): one article, two groups. Closer figures ("seven"
//     and "twelve") may be two answers to one question.
//
// Vague counts ("dozens", "several") neither link nor split: outlets
// use them for a group another counts exactly.
//
// # Score (pairs that pass the hard rules)
//
//	time     both stated, overlapping: +2.5 × sharpness of the wider
//	         interval (1 for a day, 0.8 a week, 0.6 two weeks, 0.4 a month,
//	         0.2 a quarter, 0.1 longer); a published window overlapping in
//	         its core: +1.25, only in its tail: 0; a recap's open window:
//	         +0.25; two news mentions of one undated document: +1.25.
//	         Disjoint: day-precise dates one or two days apart +0.25
//	         (outlets disagree on the day), within a week -1, farther -1.5;
//	         -0.5 when a side has only a publication window (it may be
//	         background the extractor did not mark as a recap).
//	agent    same entity +1.5, related entity or similar name +0.75,
//	         different resolved entities -1.25 (unresolved names -0.5)
//	patient  +1.5 / +0.75 / -0.75 (unresolved: 0, outlets name the
//	         arrested as people, suspects, spies…); patient and recipient
//	         pooled
//	place    +1 / +0.5 / -0.5 (-0.25)
//	name     +2 / +1 / -2 (-1): a named event ("the Sea Breeze
//	         exercise") is the same event under any trigger
//	         (for MEET and AGREE agent, patient and recipient are pooled:
//	         +2 / +1 / -1 (-0.5))
//	         A match is scaled down for generic participants: an entity or
//	         name word seen in more than 6 distinct weeks weighs
//	         max(0.35, 1-0.25·log2(weeks/6)).
//	counts   the same exact number +1.25, compatible bounds (Quantity
//	         Low/High overlap) +1, else -0.5; with a recap +2 / +1.5 / -1.5,
//	         since a recap is mostly identified by its count ("the 19
//	         arrested"); +0.5 more when the same count is distinctive (10
//	         or more, not round). Different counts never block:
//	         outlets disagree on numbers.
//	trigger  same lemma +1, synonyms (arrest/detain/seize) +0.75, lemmas
//	         of different known groups (arrest vs sentence) -0.5
//	words    Jaccard of the words of the other arguments (patient,
//	         recipient, charge, instrument; agent and place are scored
//	         above) × 1
//	document same document, both news +1, or -1 when they give different
//	         exact counts (one article, two events); a recap and a news
//	         mention in one document -2 (the article recaps an older
//	         event)
//	sentence two news triggers of one sentence with the same agent
//	         (entity or words: "it busted a network and arrested five")
//	         +3, unless their exact counts differ
//
// Pairs scoring at least 2.75 are merged best-first (agglomerative) as
// long as no pair of mentions across the two clusters breaks a hard rule
// or scores -2.5 or less, and their mean pair score is at least 1.5
// (average link: many weak reports of an event cannot drag in another;
// pairs with an unplaced mention, which lack the time score, count only
// when there are no others).
// Last, a cluster made only of news mentions of one article joins the
// cluster holding that article's other news mentions of the type when
// it scores at least 2.75 on average with them, gives no incompatible
// count, and breaks no hard rule or veto with the cluster: within an
// article the link is clear even when its headline and body lines are
// too bare to match other reports.
//
// # Recaps
//
// A recap ("the 19 arrested in early November") is placed by its own
// time, else only as "on or before publication", so it does not gain from
// lying near the news of its article; its count weighs more (above); and
// it scores -2 against a news mention of its own article, which reports
// something else. So it joins the earlier event that matches its count,
// participants and time, or stays an event of its own when the corpus
// has no report of that event.
//
// # Blocking
//
// Pairs are only scored within a type and when they share a key: the
// document, an entity or name word of a participant, or the trigger group.
// A key held by more than 48 mentions is not expanded to all pairs; its
// mentions are sorted by time and each is paired with its next 24
// (sorted neighbourhood), so the work grows linearly with the corpus.
//
// # Events
//
// An Event's ID is "V" and 16 hex digits of the SHA-256 of its earliest
// mention's ID (earliest published document, then mention ID), so it is
// stable for the same input in any order. Begin/End is the intersection of
// the stated intervals where they agree, else their union (outlets
// disagree on the day); without stated times, End is the first report's
// publication date and Begin 14 days earlier, or open for recaps only;
// empty when undated. The title is made from the main mention (news over
// recap, asserted over negated, then the most complete, then the count
// most reports agree with, then the earliest), naming agents by their
// canonical entity names when WithEntities gives them: "ARREST: State
// Security Service arrests seven people in Osterhaven (2026-03-16)";
// "(by 2026-03-17)" when only publication dates place it.
package coref

// Version names the clustering rules; it changes whenever they do.
const Version = "coref/3"
