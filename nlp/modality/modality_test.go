package modality_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp/modality"
)

// want entries read "kind:cue=source@clause": the record's kind, cue,
// source and the text of its span. Cue, source and clause may be left out
// (then they are not checked). Besides the entries, a case fails when
// Find reports a (kind, cue) pair that no entry names, so every case also
// checks for false alarms. The sentences are invented.
var cases = []struct {
	text string
	want []string
}{
	{"Police arrested the five alleged spies on Monday, according to the security service.", []string{"attributed:according to=the security service@Police arrested the five alleged spies on Monday, according to the security service", "alleged:alleged@the five alleged spies"}},
	{"Police arrested five men on Monday on charges of spying for Ostravia.", []string{"asserted@Police arrested five men on Monday on charges of spying for Ostravia"}},
	{"The minister said that the deal would collapse if talks failed.", []string{"asserted@The minister said", "attributed:said=The minister@that the deal would collapse", "hypothetical:would@that the deal would collapse", "hypothetical:if@that the deal would collapse", "attributed:said=The minister@if talks failed", "hypothetical:if@if talks failed"}},
	{"Did the government lie about the deficit?", []string{"questioned:?@Did the government lie about the deficit"}},
	{"The suspect reportedly fled to Spain, where he is said to have bought a house.", []string{"reportedly:reportedly@The suspect reportedly fled to Spain", "reportedly:said@where he is said to have bought a house"}},
	{"“The deal is dead,” the minister said.", []string{"attributed:said=the minister@The deal is dead", "asserted@the minister said"}},
	{"According to local media, the suspect fled abroad.", []string{"reportedly:According to=local media@According to local media, the suspect fled abroad"}},
	{"He pleaded not guilty to all charges, but his co-defendant pleaded guilty.", []string{"denied:pleaded not guilty=He@He pleaded not guilty to all charges", "confessed:pleaded guilty=his co-defendant@his co-defendant pleaded guilty"}},
	{"The mayor was accused of taking bribes by prosecutors.", []string{"alleged:accused=prosecutors@The mayor was accused of taking bribes by prosecutors"}},
	{"No one was hurt and there were no casualties.", []string{"negated:No@No one was hurt", "negated:no@there were no casualties"}},
	{"It is unclear whether the ceasefire will hold.", []string{"hypothetical:unclear@It is unclear", "hypothetical:unclear@whether the ceasefire will hold", "hypothetical:whether@whether the ceasefire will hold"}},
	{"If the talks fail, the government could fall.", []string{"hypothetical:If@If the talks fail", "hypothetical:If@the government could fall", "hypothetical:could@the government could fall"}},
	{"Officials rejected claims that the army had shelled the town.", []string{"denied:rejected=Officials@Officials rejected claims", "alleged:claims@that the army had shelled the town", "denied:rejected=Officials@that the army had shelled the town"}},
	{"He said: “We will never surrender.”", []string{"asserted@He said", "attributed:said=He@We will never surrender", "negated:never@We will never surrender"}},
	{"It was reported that the convoy had been attacked.", []string{"asserted@It was reported", "reportedly:reported@that the convoy had been attacked"}},
	{"The man, accused of spying for Ostravia, has admitted the charges.", []string{"alleged:accused@The man, accused of spying for Ostravia", "confessed:admitted=The man@The man, accused of spying for Ostravia, has admitted the charges"}},
	{"Customs officers seized two tonnes of cocaine at the port of Lindmark on Tuesday.", []string{"asserted@Customs officers seized two tonnes of cocaine at the port of Lindmark on Tuesday"}},
	{"The interior ministry said the smugglers had used forged documents.", []string{"asserted@The interior ministry said", "attributed:said=The interior ministry@the smugglers had used forged documents"}},
	{"Three men were detained, local television reported.", []string{"attributed:reported=local television@Three men were detained", "asserted@local television reported"}},
	{"The governor allegedly ordered the release of the convoy.", []string{"alleged:allegedly@The governor allegedly ordered the release of the convoy"}},
	{"A spokesman for the navy told reporters that no vessels had been damaged.", []string{"asserted@A spokesman for the navy told reporters", "attributed:told=A spokesman for the navy@that no vessels had been damaged", "negated:no@that no vessels had been damaged"}},
	{"The opposition leader accused the government of rigging the vote.", []string{"alleged:accused=The opposition leader@The opposition leader accused the government of rigging the vote"}},
	{"Prosecutors charged the former mayor with embezzlement.", []string{"alleged:charged=Prosecutors@Prosecutors charged the former mayor with embezzlement"}},
	{"The two suspects are believed to have crossed the border in March.", []string{"reportedly:believed@The two suspects are believed to have crossed the border in March"}},
	{"The company admitted that it had misled investors.", []string{"asserted@The company admitted", "attributed:admitted=The company@that it had misled investors", "confessed:admitted=The company@that it had misled investors"}},
	{"The senator confessed to accepting illegal donations.", []string{"confessed:confessed=The senator@The senator confessed to accepting illegal donations"}},
	{"Kessler denied any wrongdoing.", []string{"denied:denied=Kessler@Kessler denied any wrongdoing"}},
	{"The ministry dismissed the allegations as politically motivated.", []string{"denied:dismissed=The ministry@The ministry dismissed the allegations as politically motivated"}},
	{"The army has rejected reports that civilians were killed in the strike.", []string{"denied:rejected=The army@The army has rejected reports", "reportedly:reports@that civilians were killed in the strike", "denied:rejected=The army@that civilians were killed in the strike"}},
	{"The central bank may raise interest rates next month.", []string{"hypothetical:may@The central bank may raise interest rates next month"}},
	{"Officials said the bridge would reopen on Friday.", []string{"asserted@Officials said", "attributed:said=Officials@the bridge would reopen on Friday"}},
	{"The agency would not comment on the investigation.", []string{"negated:not@The agency would not comment on the investigation"}},
	{"The minister could not be reached for comment.", []string{"negated:not@The minister could not be reached for comment"}},
	{"Nobody has claimed responsibility for the attack.", []string{"negated:Nobody@Nobody has claimed responsibility for the attack"}},
	{"Investigators have never found the missing files.", []string{"negated:never@Investigators have never found the missing files"}},
	{"Will the truce survive the winter?", []string{"questioned:?@Will the truce survive the winter"}},
	{"According to the United Nations, more than 4,000 people have fled the region.", []string{"attributed:According to=the United Nations@According to the United Nations, more than 4,000 people have fled the region"}},
	{"According to media reports, the plane was shot down.", []string{"reportedly:According to=media reports@According to media reports, the plane was shot down"}},
	{"Reports say the president has left the country.", []string{"asserted@Reports say", "reportedly:say=Reports@the president has left the country"}},
	{"The rebels claimed to have captured the airport.", []string{"alleged:claimed=The rebels@The rebels claimed to have captured the airport"}},
	{"It is possible that the virus spread from the market.", []string{"hypothetical:possible@It is possible", "hypothetical:possible@that the virus spread from the market"}},
	{"The coach is likely to resign after the defeat.", []string{"hypothetical:likely@The coach is likely to resign after the defeat"}},
	{"The suspected gunman was arrested at a hotel in Varna.", []string{"alleged:suspected@The suspected gunman", "asserted@The suspected gunman was arrested at a hotel in Varna"}},
	{"A purported letter from the kidnappers was published on Sunday.", []string{"alleged:purported@A purported letter", "asserted@A purported letter from the kidnappers was published on Sunday"}},
	{"The election commission has not published the final results.", []string{"negated:not@The election commission has not published the final results"}},
	{"The defendant pleaded guilty to fraud.", []string{"confessed:pleaded guilty=The defendant@The defendant pleaded guilty to fraud"}},
	{"Neither the police nor the army has commented.", []string{"negated:Neither@Neither the police nor the army has commented", "negated:nor@Neither the police nor the army has commented"}},
	{"The protesters, who marched through the city centre, demanded new elections.", []string{"asserted@The protesters, who marched through the city centre, demanded new elections", "asserted@who marched through the city centre"}},
	{"Witnesses said the soldiers fired into the crowd, but the army denied the account.", []string{"asserted@Witnesses said", "attributed:said=Witnesses@the soldiers fired into the crowd", "denied:denied=the army@the army denied the account"}},
	{"The report concluded that the fire was started deliberately.", []string{"asserted@The report concluded", "attributed:concluded=The report@that the fire was started deliberately"}},
	{"Analysts warned that inflation might rise further.", []string{"asserted@Analysts warned", "attributed:warned=Analysts@that inflation might rise further", "hypothetical:might@that inflation might rise further"}},
	{"Mr Dorin, who was arrested in May, is accused of spying for a foreign power.", []string{"alleged:accused@Mr Dorin, who was arrested in May, is accused of spying for a foreign power", "asserted@who was arrested in May"}},
	{"The government announced that it will build a new airport.", []string{"asserted@The government announced", "attributed:announced=The government@that it will build a new airport"}},
	{"The company plans to cut 2,000 jobs by 2027.", []string{"asserted@The company plans to cut 2,000 jobs by 2027"}},
	{"Police said they suspected that the fire was arson.", []string{"asserted@Police said", "attributed:said=Police@they suspected", "attributed:said=Police@that the fire was arson", "attributed:suspected=they@that the fire was arson", "alleged:suspected=they@that the fire was arson"}},
	{"The claim that the ship was carrying weapons has not been verified.", []string{"negated:not@The claim that the ship was carrying weapons has not been verified", "alleged:claim@that the ship was carrying weapons"}},
	{"Five people died and dozens were injured when the building collapsed.", []string{"asserted@Five people died", "asserted@dozens were injured", "asserted@when the building collapsed"}},
	{"The ministry of defence said in a statement that the drills were routine.", []string{"asserted@The ministry of defence said in a statement", "attributed:said=The ministry of defence@that the drills were routine"}},
	{"She asked whether the money had been returned.", []string{"asserted@She asked", "attributed:asked=She@whether the money had been returned", "questioned:whether@whether the money had been returned"}},
	{"Doctors fear that the outbreak may spread.", []string{"asserted@Doctors fear", "attributed:fear=Doctors@that the outbreak may spread", "hypothetical:may@that the outbreak may spread"}},
	{"The fighters reportedly withdrew from the town overnight.", []string{"reportedly:reportedly@The fighters reportedly withdrew from the town overnight"}},
	{"Two journalists were killed, the agency said, citing hospital officials.", []string{"attributed:said=the agency@Two journalists were killed", "asserted@the agency said, citing hospital officials"}},
	{"The premier insisted the talks were going well, and he dismissed suggestions that he might resign.", []string{"asserted@The premier insisted", "attributed:insisted=The premier@the talks were going well", "denied:dismissed=he@he dismissed suggestions", "denied:dismissed=he@that he might resign", "hypothetical:might@that he might resign"}},
}

func TestFind(t *testing.T) {
	if len(cases) < 50 {
		t.Fatalf("%d cases, want at least 50", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			ms := modality.Find(tc.text, annotate(t, tc.text), modality.Options{})
			check(t, tc.text, ms, tc.want)
		})
	}
}

type expect struct{ kind, cue, source, clause string }

func parseExpect(s string) expect {
	var e expect
	s, e.clause, _ = strings.Cut(s, "@")
	s, e.source, _ = strings.Cut(s, "=")
	e.kind, e.cue, _ = strings.Cut(s, ":")
	return e
}

func (e expect) matches(text string, m crosscheck.Modality) bool {
	return m.Kind == e.kind && (e.cue == "" || m.Cue == e.cue) && (e.source == "" || m.Source == e.source) &&
		(e.clause == "" || text[m.Span.Start:m.Span.End] == e.clause)
}

// check fails unless every want entry matches a record and every
// non-asserted (kind, cue) pair is named by an entry.
func check(t *testing.T, text string, ms []crosscheck.Modality, want []string) {
	t.Helper()
	named := map[[2]string]bool{}
	for _, w := range want {
		e := parseExpect(w)
		named[[2]string{e.kind, e.cue}] = true
		if !slices.ContainsFunc(ms, func(m crosscheck.Modality) bool { return e.matches(text, m) }) {
			t.Errorf("missing %s\ngot:\n%s", w, dump(text, ms))
		}
	}
	for _, m := range ms {
		if m.Kind != crosscheck.ModAsserted && !named[[2]string{m.Kind, m.Cue}] {
			t.Errorf("unexpected %s:%s@%s", m.Kind, m.Cue, text[m.Span.Start:m.Span.End])
		}
	}
}

func dump(text string, ms []crosscheck.Modality) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "  %s:%s=%s@%s\n", m.Kind, m.Cue, m.Source, text[m.Span.Start:m.Span.End])
	}
	return b.String()
}
