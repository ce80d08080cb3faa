//! Tests of common wire constructions (ev34), on sentences of our own.

use super::tests::{codes, events, has};

#[test]
fn trading_accusations_is_accusing_each_other() {
    let text = "Chile and Peru traded accusations over the fishing zone.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    assert!(!has(text, "CHL", "COOPERATE", "PER"), "{:?}", events(text));
    let text = "Chile traded insults with Peru on Monday.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Bolivia and Paraguay have traded blame for the failed talks.";
    assert!(has(text, "BOL", "ACCUSE", "PRY"), "{:?}", events(text));
    // Goods traded are no accusation.
    let text = "Chile and Peru traded copper worth millions.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chile traded fish with Peru.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn legal_action_is_an_allegation_against_the_other_side() {
    let text = "Chile sued Peru at the International Court of Justice.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    // The court is the forum, not a target.
    assert!(!has(text, "CHL", "ACCUSE", "ICJ"), "{:?}", events(text));
    assert!(
        codes(text)
            .iter()
            .any(|(t, m, c)| t == "ACCUSE" && m == "allege" && c == "115"),
        "{:?}",
        codes(text)
    );
    let text = "Chile filed a case against Peru before the tribunal.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Bolivia has brought proceedings against Paraguay.";
    assert!(has(text, "BOL", "ACCUSE", "PRY"), "{:?}", events(text));
    // A report filed, aid brought: no lawsuit.
    let text = "Chile filed a report with Peru.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chile brought aid to Peru.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn chasing_away_vessels_is_coercion() {
    let text = "Chile's coast guard chased off Peruvian fishing boats.";
    assert!(
        events(text)
            .iter()
            .any(|(_, t, g, _)| t == "COERCE" && g.iter().any(|x| x == "PER")),
        "{:?}",
        events(text)
    );
    let text = "Chilean ships chased away Peruvian trawlers near the coast.";
    assert!(has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
    let text = "Bolivian jets chased Paraguayan planes away.";
    assert!(has(text, "BOL", "COERCE", "PRY"), "{:?}", events(text));
    // Investment or protesters chased: no act on another state.
    let text = "Chilean firms are chasing Peruvian investment.";
    assert!(!has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
    let text = "Chile chased away Peruvian protesters from the square.";
    assert!(!has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
}

#[test]
fn an_envoy_recalled_from_a_capital_sanctions_its_state() {
    let text = "Lima recalled its ambassador from Santiago.";
    assert!(has(text, "PER", "SANCTION", "CHL"), "{:?}", events(text));
    let text = "Lima withdrew its envoy from Santiago on Monday.";
    assert!(has(text, "PER", "SANCTION", "CHL"), "{:?}", events(text));
    let text = "Asuncion recalled its ambassador from La Paz.";
    assert!(has(text, "PRY", "SANCTION", "BOL"), "{:?}", events(text));
    // Not a recall: an envoy from a capital, or one's own capital.
    let text = "The ambassador from Santiago met the Peruvian president.";
    assert!(!has(text, "PER", "SANCTION", "CHL"), "{:?}", events(text));
    let text = "Peru recalled its ambassador from Lima for talks.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_state_hit_with_sanctions_is_sanctioned() {
    let text = "Chile hit Peru with new sanctions on Monday.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "Peru was hit with fresh sanctions by Chile.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "Bolivia was slapped with tariffs by Paraguay.";
    assert!(has(text, "PRY", "SANCTION", "BOL"), "{:?}", events(text));
    // Hit with something else, or by no one: no sanction.
    let text = "Chile hit Peru with missiles.";
    assert!(!has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "The storm hit Peru with heavy rain.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn an_unnamed_officials_government_is_the_state() {
    let text = "Chile's foreign minister said his government would protest to Peru.";
    assert!(has(text, "CHL", "PROTEST", "PER"), "{:?}", events(text));
    let text = "Chile's president said her government had recalled its ambassador to Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "Bolivia's defense minister said his country would protest to Paraguay.";
    assert!(has(text, "BOL", "PROTEST", "PRY"), "{:?}", events(text));
    // A person's own circle or party is not the state.
    let text = "Chile's foreign minister said his wife would visit Peru.";
    assert!(!has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    let text = "Chile's foreign minister said his party would protest to Peru.";
    assert!(!has(text, "CHL", "PROTEST", "PER"), "{:?}", events(text));
    // Another person between the state and the pronoun: the pronoun is that person's.
    let text =
        "Japan said a visiting envoy had warned that his government would cut ties with Seoul.";
    assert!(!has(text, "JPN", "SANCTION", "KOR"), "{:?}", events(text));
    let text = "China said a foreign reporter claimed his country would protest to Vietnam.";
    assert!(!has(text, "CHN", "PROTEST", "VNM"), "{:?}", events(text));
    let text = "India said a Nepali official believed her government would protest to Pakistan.";
    assert!(!has(text, "IND", "PROTEST", "PAK"), "{:?}", events(text));
}

#[test]
fn suspending_agreements_reduces_relations() {
    let text = "Chile announced a suspension of all military agreements with Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "Chile suspended its defense pact with Peru on Monday.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "Bolivia's suspension of trade with Paraguay hurt farmers.";
    assert!(has(text, "BOL", "SANCTION", "PRY"), "{:?}", events(text));
    // A player suspended, or a suspension another welcomes: no sanction of theirs.
    let text = "The suspension of the Peruvian player angered Chile.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
    let text = "Bolivia welcomed the suspension of talks with Paraguay.";
    assert!(!has(text, "BOL", "SANCTION", "PRY"), "{:?}", events(text));
}

#[test]
fn a_nouns_agent_hung_on_its_of_phrase_is_the_doer() {
    let text = "The expulsion of Peruvian diplomats by Chile angered Lima.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "The invasion of Paraguay by Bolivia was condemned on Monday.";
    assert!(has(text, "BOL", "ASSAULT", "PRY"), "{:?}", events(text));
    let text = "The detention of Peruvian fishermen by Chile angered Lima.";
    assert!(has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
    // A "by" phrase of no actor, or a noun of no act: nothing.
    let text = "The release of the report by Chile angered Peru.";
    assert!(events(text).is_empty(), "{:?}", events(text));
    let text = "The expulsion of Peruvian diplomats by mistake angered Lima.";
    assert!(!has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
}

fn disputes(text: &str) -> Vec<String> {
    let x = crate::Extractor::new().expect("builtin");
    let doc = x.analyze(text, None);
    doc.disputes.iter().map(|d| d.name.clone()).collect()
}

#[test]
fn a_row_coded_through_its_object_counts_for_a_dispute_only_with_it() {
    // "Colombia's trade with Venezuela" is no traded accusation: the two are no sides.
    let text = "Ecuador and Colombia\n\nColombia's president thanked Ecuador for its aid after the earthquake. Ecuador said Colombia's rebuilding would take a decade. Colombia's trade with Venezuela has fallen, Ecuador said. Ecuador will send more doctors to Colombia next week.";
    assert!(
        !disputes(text).contains(&"disputes/colombia-venezuela".to_owned()),
        "{:?}",
        disputes(text)
    );
    let text = "Peru and Chile\n\nChile thanked Peru for its help. Peru said Chile's recovery would be slow. Chile's trades with Bolivia have dropped, Peru said. Peru will send engineers to Chile.";
    assert!(
        !disputes(text).contains(&"disputes/chile-bolivia".to_owned()),
        "{:?}",
        disputes(text)
    );
    // The present tense of the verb still trades accusations.
    let text = "Chile and Peru often trade accusations over the fishing zone.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Bolivia trades insults with Paraguay every year.";
    assert!(has(text, "BOL", "ACCUSE", "PRY"), "{:?}", events(text));
}

#[test]
fn suing_for_peace_is_a_request_not_a_lawsuit() {
    let text = "Paraguay sued for peace with Bolivia after the long war.";
    assert!(!has(text, "PRY", "ACCUSE", "BOL"), "{:?}", events(text));
    // Nor a stance against peace.
    let doc = crate::test_support::extractor().analyze(text, None);
    let against: Vec<_> = doc
        .stances
        .iter()
        .filter(|s| s.issue.ends_with("/peace") && format!("{:?}", s.label) == "Oppose")
        .map(|s| s.actor.clone())
        .collect();
    assert!(against.is_empty(), "{against:?}");
    let text = "Peru may soon be forced to sue for peace with Chile.";
    assert!(!has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    let text = "Bolivia is suing for peace with Paraguay.";
    assert!(!has(text, "BOL", "ACCUSE", "PRY"), "{:?}", events(text));
    // A lawsuit is still one.
    let text = "Chile sued Peru over the border.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn slapped_with_a_penalty_is_a_sanction_not_an_assault() {
    let text = "Bolivia was slapped with a penalty by Paraguay.";
    assert!(!has(text, "PRY", "ASSAULT", "BOL"), "{:?}", events(text));
    assert!(has(text, "PRY", "SANCTION", "BOL"), "{:?}", events(text));
    let text = "Peru was hit with a fine by Chile.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "Chile slapped Peru with new restrictions.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    // A blow with something else names no doer through the "with" phrase.
    let text = "Bolivia was slapped with a glove by Paraguay.";
    assert!(!has(text, "PRY", "ASSAULT", "BOL"), "{:?}", events(text));
}

#[test]
fn trading_threats_is_threatening_not_accusing() {
    let text = "Chile and Peru traded threats of war over the border.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    assert!(!has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
    assert!(!has(text, "CHL", "COOPERATE", "PER"), "{:?}", events(text));
    let text = "Bolivia traded threats with Paraguay on Monday.";
    assert!(!has(text, "BOL", "ACCUSE", "PRY"), "{:?}", events(text));
    assert!(has(text, "BOL", "THREATEN", "PRY"), "{:?}", events(text));
    // Accusations are still traded.
    let text = "Chile and Peru traded allegations over the border.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn the_codes_brought_before_a_forum_are_data() {
    // The lawsuit's code is listed in the lexicon, not in the code: only its targets lose the
    // court named after "at" or "before".
    let lexicon = crate::lexicon::builtin();
    assert!(lexicon.is(crate::lexicon::Lex::ForumCode, "115"));
    assert!(!lexicon.is(crate::lexicon::Lex::ForumCode, "112"));
    let text = "Bolivia sued Paraguay before the International Court of Justice.";
    assert!(has(text, "BOL", "ACCUSE", "PRY"), "{:?}", events(text));
    assert!(!has(text, "BOL", "ACCUSE", "ICJ"), "{:?}", events(text));
}

#[test]
fn recalling_diplomats_however_counted_is_a_sanction() {
    let text = "Chile recalled two diplomats from Lima on Friday.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    // Aimed at the state the envoy served, not at the envoy the object names.
    let text = "Bolivia recalled its envoy to Paraguay, retired admiral Jorge Salinas, on Monday.";
    assert!(has(text, "BOL", "SANCTION", "PRY"), "{:?}", events(text));
    assert!(
        !events(text)
            .iter()
            .any(|(_, t, o, _)| t == "SANCTION" && o.iter().any(|x| x.contains("salinas"))),
        "{:?}",
        events(text)
    );
    // Recalling words or a fact is no act on anyone.
    let text = "Chile recalled the words of Peru's first president.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn coming_to_an_agreement_is_agreeing() {
    let text = "Chile came to an agreement with Peru on Saturday.";
    assert!(has(text, "CHL", "AGREE", "PER"), "{:?}", events(text));
    let text = "Chile and Peru came to an agreement on the border.";
    assert!(has(text, "PER", "AGREE", "CHL"), "{:?}", events(text));
    // Failing to agree is no agreement.
    let text = "Chile failed to come to an agreement with Peru.";
    assert!(
        !events(text)
            .iter()
            .any(|(_, t, _, negated)| t == "AGREE" && !negated),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_recalled_memory_is_no_recall_of_an_envoy() {
    // "recalled meeting X": a memory of a meeting, whose object is the meeting's, not the
    // recall's own; the meeting is still told, and no envoy is withdrawn.
    let text = "Ecuador recalled meeting the Colombian envoy in Quito.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
    assert!(has(text, "ECU", "CONSULT", "COL"), "{:?}", events(text));
    let text = "Ecuador recalled his meeting with the Colombian envoy in Quito.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn the_envoys_of_a_recall_are_one_list_with_those_of_an_expulsion() {
    // events.tsv's recall row reads lexicon `envoy_noun`: a consul recalled or ordered out is
    // an envoy either way.
    let text = "Bolivia recalled its consul from Paraguay after the vote.";
    assert!(has(text, "BOL", "SANCTION", "PRY"), "{:?}", events(text));
    let text = "Bolivia ordered Paraguay's consul to leave the country.";
    assert!(has(text, "BOL", "SANCTION", "PRY"), "{:?}", events(text));
}
