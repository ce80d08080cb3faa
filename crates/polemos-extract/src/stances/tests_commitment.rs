//! Commitments and support carried by a noun (`commitment.rs`, `issues.rs`): the noun's owner
//! holds what its "to" complement names, whatever verb governs the noun.

use super::tests::{has, stances};

#[test]
fn the_of_owner_of_a_commitment_holds_its_to_complement() {
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The envoy conveyed the commitment of the United States to reconciliation.",
    );
    assert!(has(&s, "USA", "reconciliation", "support"), "{s:?}");
    // A paraphrase: a possessor owns it, and a passive verb governs the noun.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The United States' commitment to reconciliation was reaffirmed by the envoy.",
    );
    assert!(has(&s, "USA", "reconciliation", "support"), "{s:?}");
}

#[test]
fn a_gerund_complement_names_its_object() {
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The envoy conveyed the commitment of the United States to achieving regional reconciliation.",
    );
    assert!(
        has(&s, "USA", "regional-reconciliation", "support"),
        "{s:?}"
    );
}

#[test]
fn their_governments_commitment_is_both_sides() {
    let s = stances(
        "The United States congratulates Japan and Russia on their talks over the Kuril Islands. This accomplishment reflects the commitment of their governments to diplomacy.",
    );
    assert!(has(&s, "JPN", "diplomacy", "support"), "{s:?}");
    assert!(has(&s, "RUS", "diplomacy", "support"), "{s:?}");
    // A paraphrase: "both leaders'" as the possessor.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The envoy praised both leaders' commitment to diplomacy.",
    );
    assert!(has(&s, "JPN", "diplomacy", "support"), "{s:?}");
    assert!(has(&s, "RUS", "diplomacy", "support"), "{s:?}");
}

#[test]
fn a_commitment_without_owner_or_to_an_actor_names_no_issue() {
    // No owner: the noun alone says nothing about who is committed.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The talks showed a commitment to diplomacy.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "diplomacy"), "{s:?}");
    // "to Japan": the one committed to is an actor, not an issue.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The envoy conveyed the commitment of the United States to Japan.",
    );
    assert!(
        !s.iter().any(|(h, i, _)| h == "USA" && i == "japan"),
        "{s:?}"
    );
}

#[test]
fn a_longest_phrase_before_an_infinitive_is_whole() {
    // Support carried by a noun ("its support for"): a four-word issue that an infinitive
    // follows is whole, not cut short (`issues.rs`).
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The United States reaffirms its support for the exercise of peaceful means to resolve maritime disputes.",
    );
    assert!(
        has(&s, "USA", "exercise-of-peaceful-means", "support"),
        "{s:?}"
    );
    // Without the infinitive, a four-word phrase a word continues is still cut short.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The United States reaffirms its support for the exercise of peaceful means diplomacy.",
    );
    assert!(
        !s.iter().any(|(_, i, _)| i == "exercise-of-peaceful-means"),
        "{s:?}"
    );
}

#[test]
fn diplomacy_and_peace_are_no_topics_of_talks_or_treaties() {
    // "diplomacy" is not the `negotiations` topic, nor "peace" alone the `peace-treaty` one.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The envoy conveyed the commitment of the United States to diplomacy and to peace in the region.",
    );
    assert!(has(&s, "USA", "diplomacy", "support"), "{s:?}");
    assert!(
        !s.iter()
            .any(|(_, i, _)| i == "negotiations" || i == "peace-treaty"),
        "{s:?}"
    );
    // They are topics of their own: a verb of furthering, which names only known topics, names them.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. Both leaders told me that they are ready for peace.",
    );
    assert!(has(&s, "JPN", "peace", "support"), "{s:?}");
    assert!(has(&s, "RUS", "peace", "support"), "{s:?}");
    // A peace treaty is still one.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The envoy conveyed the commitment of the United States to a peace treaty.",
    );
    assert!(has(&s, "USA", "peace-treaty", "support"), "{s:?}");
}

#[test]
fn the_owner_of_efforts_holds_their_to_complement() {
    // A noun of effort reads like one of commitment: both owners hold what the efforts are to.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The envoy applauded the efforts of Japan and Russia to reach a settlement of this dispute through dialogue.",
    );
    assert!(has(&s, "JPN", "settlement", "support"), "{s:?}");
    assert!(has(&s, "RUS", "settlement", "support"), "{s:?}");
    // A paraphrase: a possessor, and another verb governing the noun.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The envoy praised Japan's efforts to reach a settlement of this dispute.",
    );
    assert!(has(&s, "JPN", "settlement", "support"), "{s:?}");
}

#[test]
fn efforts_to_remove_something_are_no_support_of_it() {
    // "to end the military presence": a reversing verb turns the owner against its object.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The envoy praised the efforts of Japan to end the military presence on the islands.",
    );
    assert!(!has(&s, "JPN", "military-presence", "support"), "{s:?}");
}

#[test]
fn settling_what_refers_back_to_the_dispute_is_its_settlement() {
    // A verb of settling whose object only refers back ("this dispute", "the matter") names
    // the settlement of the dispute, not a vague "issue".
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The envoy praised both governments' commitment to settling the matter through talks.",
    );
    assert!(has(&s, "JPN", "settlement", "support"), "{s:?}");
    assert!(has(&s, "RUS", "settlement", "support"), "{s:?}");
}

#[test]
fn an_effort_to_undermine_something_is_no_support_of_it() {
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. Russia's efforts to undermine the negotiations continued.",
    );
    assert!(!has(&s, "RUS", "negotiations", "support"), "{s:?}");
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. The efforts of Russia to sabotage the negotiations continued.",
    );
    assert!(!has(&s, "RUS", "negotiations", "support"), "{s:?}");
}

#[test]
fn one_who_backs_a_commitment_backs_what_it_is_to() {
    // The subject of a verb of backing (support, welcome, commend ...) whose object is a
    // noun of commitment backs what the noun is to, as the owner does.
    let pre = "Japan and Russia met again over the Kuril Islands. ";
    let s = stances(&format!(
        "{pre}Canada supports the efforts of Japan to achieve regional reconciliation."
    ));
    assert!(
        has(&s, "CAN", "regional-reconciliation", "support"),
        "{s:?}"
    );
    assert!(
        has(&s, "JPN", "regional-reconciliation", "support"),
        "{s:?}"
    );
    // A commitment to settling the dispute, which only this rule reads for the welcomer.
    let s = stances(&format!(
        "{pre}Canada welcomed both leaders' commitment to resolving this issue peacefully."
    ));
    assert!(has(&s, "CAN", "settlement", "support"), "{s:?}");
    // A conjunct object, which the parser hangs on the nearer noun of the first one's phrase.
    let s = stances(&format!(
        "{pre}Canada welcomed the talks between the two sides and both leaders' commitment to resolving this issue peacefully."
    ));
    assert!(has(&s, "CAN", "settlement", "support"), "{s:?}");
    // A pronoun subject stands for whom the discourse says.
    let s = stances(&format!(
        "{pre}Canadian Foreign Minister Melanie Joly spoke on Monday. She welcomed both leaders' commitment to resolving this issue peacefully."
    ));
    assert!(has(&s, "CAN", "settlement", "support"), "{s:?}");
}

#[test]
fn a_backing_denied_backs_nothing() {
    // "did not welcome" a commitment is no support of what it is to.
    let pre = "Japan and Russia met again over the Kuril Islands. ";
    let s = stances(&format!(
        "{pre}Canada did not welcome both leaders' commitment to resolving this issue peacefully."
    ));
    assert!(!has(&s, "CAN", "settlement", "support"), "{s:?}");
    // The conjunct object, which the rule reads through the first one's phrase.
    let s = stances(&format!(
        "{pre}Canada did not welcome the ongoing communication between the two sides and both leaders' commitment to resolving this issue peacefully."
    ));
    assert!(!has(&s, "CAN", "settlement", "support"), "{s:?}");
}

#[test]
fn two_leaders_named_with_and_but_parsed_apart_are_the_pair() {
    // The parser makes "Indian counterpart Narendra Modi" a subject of its own, no conjunct of
    // Biden; "the two leaders" are still Biden and Modi, not the parties of the dispute.
    let s = stances(
        "Hours after the Indian shootdown of a Pakistani drone along the Kashmir border, U.S. President Joe Biden and Indian counterpart Narendra Modi agreed on the need to de-escalate tensions and prevent further incidents.\n\nThe White House, in a statement late Tuesday, said the two leaders conferred by phone and voiced their commitment to developing a transitional political process for peace in Kashmir.",
    );
    assert!(
        has(&s, "USA", "transitional-political-process", "support"),
        "{s:?}"
    );
    assert!(
        !has(&s, "PAK", "transitional-political-process", "support"),
        "{s:?}"
    );
}

#[test]
fn two_leaders_are_no_pair_across_an_and_that_joins_clauses_or_agents() {
    // The "and" joins "sent a message" to the sentence: the United States welcomed the visit,
    // Modi is the subject of his own clause.
    let s = stances(
        "Saudi Crown Prince Mohammed bin Salman hosted Pakistani Prime Minister Shehbaz Sharif in Riyadh, a visit welcomed by the United States and Indian Prime Minister Narendra Modi sent a message. The two leaders voiced their commitment to developing a transitional political process for peace in Kashmir.",
    );
    assert!(
        !has(&s, "USA", "transitional-political-process", "support"),
        "{s:?}"
    );
    // Agents of a participle, no subject: no leaders are named.
    let s = stances(
        "A shipment seized by Greece and Iranian tankers diverted to Syria were discussed. The two leaders voiced their commitment to developing a transitional political process for peace in Kashmir.",
    );
    assert!(
        !has(&s, "GRC", "transitional-political-process", "support"),
        "{s:?}"
    );
}
