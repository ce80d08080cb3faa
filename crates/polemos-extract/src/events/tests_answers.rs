//! Tests of general constructions any wire story uses, on texts of our own: accepting or refusing
//! another's proposal, a retaliation vowed, a demanded "that" clause, help sought, joining
//! another in a deed told by a gerund.

use super::tests::{events, has};

/// Whether `src` is the source of some event of type `ty` in `text`.
fn acts(text: &str, src: &str, ty: &str) -> bool {
    events(text)
        .iter()
        .any(|(s, t, _, _)| s.iter().any(|x| x == src) && t == ty)
}

#[test]
fn accepting_a_proposal_is_the_accepters_agreement_with_its_owner() {
    let text = "Peru accepted Chile's proposal for a joint fisheries commission.";
    assert!(has(text, "PER", "AGREE", "CHL"), "{:?}", events(text));
    // The proposal was made before: no new act of Chile's.
    assert!(!acts(text, "CHL", "AGREE"), "{:?}", events(text));
    let text = "Chile's offer of talks was accepted by Peru on Monday.";
    assert!(has(text, "PER", "AGREE", "CHL"), "{:?}", events(text));
    assert!(!acts(text, "CHL", "AGREE"), "{:?}", events(text));
    // The proposer told before.
    let text = "Chile made an offer of talks last week. Peru accepted the offer on Monday.";
    assert!(has(text, "PER", "AGREE", "CHL"), "{:?}", events(text));
    // A ruling is no one's proposal.
    let text = "Peru accepted the ruling of the court on Monday.";
    assert!(!acts(text, "PER", "AGREE"), "{:?}", events(text));
}

#[test]
fn accepting_a_thing_owned_by_another_answers_no_other_side() {
    // Only an unowned acceptance ("accepted the offer") answers the other side's act before.
    for text in [
        "Chile and Peru dispute the bay. Peru's cabinet accepted the defence ministry's budget request on Friday.",
        "Chile and Peru dispute the bay. Peru accepted a request from fishermen in Callao to extend the season.",
    ] {
        assert!(
            !has(text, "PER", "AGREE", "CHL"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn refusing_to_accept_a_proposal_rejects_its_owner() {
    let text = "Peru refused to accept Chile's offer of talks.";
    assert!(has(text, "PER", "REJECT", "CHL"), "{:?}", events(text));
    assert!(!acts(text, "PER", "AGREE"), "{:?}", events(text));
}

#[test]
fn a_refusal_that_does_not_govern_the_agreement_or_is_denied_is_no_rejection() {
    for text in [
        "Peru, which refused to comment, accepted Chile's offer of talks.",
        "Peru has never refused to accept Chile's offer of talks.",
        "Peru refused to rule out accepting Chile's offer of talks.",
    ] {
        assert!(!acts(text, "PER", "REJECT"), "{text}: {:?}", events(text));
    }
}

#[test]
fn a_retaliation_vowed_or_threatened_is_a_threat_at_its_against_phrase() {
    let text = "Bolivia vowed to retaliate against Chile.";
    assert!(has(text, "BOL", "THREATEN", "CHL"), "{:?}", events(text));
    let text = "Bolivia has threatened to retaliate against Chile.";
    assert!(has(text, "BOL", "THREATEN", "CHL"), "{:?}", events(text));
}

#[test]
fn an_act_told_in_a_condition_has_not_happened() {
    let text = "Bolivia threatened to retaliate if Chile deployed troops to the border.";
    assert!(!acts(text, "CHL", "MOBILIZE"), "{:?}", events(text));
    // Told as done, it is coded.
    let text = "Bolivia protested after Chile deployed troops to the border.";
    assert!(acts(text, "CHL", "MOBILIZE"), "{:?}", events(text));
    // A condition by inversion, up to its comma.
    for text in [
        "Should Chile decide to retaliate against Peru, the region would suffer.",
        "Had Chile attacked Peru, Bolivia would have intervened.",
    ] {
        assert!(!acts(text, "CHL", "THREATEN"), "{:?}", events(text));
        assert!(!acts(text, "CHL", "ASSAULT"), "{:?}", events(text));
    }
    // Without the inversion, the same comma ends no condition.
    let text = "Chile attacked Peru on Monday, officials said.";
    assert!(acts(text, "CHL", "ASSAULT"), "{:?}", events(text));
}

#[test]
fn the_verb_of_a_demanded_that_clause_is_not_done() {
    let text = "Peru insisted that Chile recognize the maritime border.";
    assert!(!acts(text, "CHL", "SUPPORT"), "{:?}", events(text));
    // It is the demander's request of the clause's subject.
    assert!(has(text, "PER", "REQUEST", "CHL"), "{:?}", events(text));
    let text = "Peru has proposed that Chile withdraw its navy from the bay.";
    assert!(has(text, "PER", "REQUEST", "CHL"), "{:?}", events(text));
    // The demander is the subject of the verb the demanding hangs on.
    let text =
        "Peru and its allies are resolute in demanding that Chile immediately withdraw its navy.";
    assert!(has(text, "PER", "REQUEST", "CHL"), "{:?}", events(text));
    // Done, it is coded.
    let text = "Peru said that Chile recognized the maritime border.";
    assert!(acts(text, "CHL", "SUPPORT"), "{:?}", events(text));
}

#[test]
fn a_plain_present_after_a_present_verb_of_insisting_is_no_demand() {
    // "insists" in the present with a plural subject after it tells what is done, not what is
    // demanded (the tagger writes the plural present as a bare form too).
    for text in [
        "Peru insists Chilean jets violate its airspace regularly.",
        "Peru insists that Chilean fishermen violate its waters every year.",
    ] {
        assert!(
            !has(text, "PER", "REQUEST", "CHL"),
            "{text}: {:?}",
            events(text)
        );
    }
    let text = "Peru insists that Chile recognize the maritime border.";
    assert!(has(text, "PER", "REQUEST", "CHL"), "{:?}", events(text));
}

#[test]
fn help_sought_from_another_is_a_request_of_it() {
    let text = "Bolivia sought support from Peru for its claim to a coastline.";
    assert!(has(text, "BOL", "REQUEST", "PER"), "{:?}", events(text));
    let text = "Bolivia is seeking the backing of Peru.";
    assert!(has(text, "BOL", "REQUEST", "PER"), "{:?}", events(text));
    // Seeking a thing asks no one.
    let text = "Bolivia sought a peaceful solution with Peru.";
    assert!(!acts(text, "BOL", "REQUEST"), "{:?}", events(text));
    // Protection "from" names the danger, not the helper.
    let text = "Bolivian fishermen sought protection from Peruvian patrol boats.";
    assert!(!has(text, "BOL", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn joining_another_in_a_deed_told_by_a_gerund_does_it_too() {
    let text = "Ecuador joined Peru in condemning Chile.";
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    assert!(has(text, "ECU", "ACCUSE", "CHL"), "{:?}", events(text));
    // Every joiner coordinated in the subject.
    let text = "Ecuador and Colombia joined Peru in calling on Chile to withdraw.";
    assert!(has(text, "ECU", "REQUEST", "CHL"), "{:?}", events(text));
    assert!(has(text, "COL", "REQUEST", "CHL"), "{:?}", events(text));
}

#[test]
fn a_verb_of_asking_whose_clause_states_a_fact_asks_nothing() {
    // A belief reported: the clause is in the past or a third person's present.
    for text in [
        "The cable suggested that Peru's president was aware of the smuggling.",
        "Chile suggested that Peru had known of the raid.",
        "Chile suggests that Peru is ready to talk.",
    ] {
        let found = events(text);
        assert!(
            !found.iter().any(|(_, t, _, _)| t == "REQUEST"),
            "{text}: {found:?}"
        );
    }
    // An appeal: a modal, the bare verb or an obligation in the clause.
    for text in [
        "Chile suggested that Peru should withdraw its troops.",
        "Chile suggested that Peru has to withdraw its troops.",
    ] {
        assert!(
            has(text, "CHL", "REQUEST", "PER"),
            "{text}: {:?}",
            events(text)
        );
    }
    // A demand is one however its clause is written.
    let text = "Chile demanded that Peru stops the raids.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn a_noun_act_told_in_a_condition_has_not_happened() {
    // The noun is the object of the condition's verb: "if it carried out its attack".
    for text in [
        "Officials fear that if Chile carried out the attack, Peru would respond in kind.",
        "If Chile launches an invasion of Peru, the region will suffer.",
    ] {
        assert!(!acts(text, "CHL", "ASSAULT"), "{text}: {:?}", events(text));
    }
    // Told as done, it is coded.
    let text = "Chile launched an invasion of Peru on Monday.";
    assert!(acts(text, "CHL", "ASSAULT"), "{:?}", events(text));
}

#[test]
fn a_noun_act_a_condition_presupposes_has_happened() {
    // The condition's verb answers the act ("condemns the attack") or the inverted condition
    // names it as a fact ("Had it not been for the attack"): the attack was made.
    for text in [
        "Colombia will sign the treaty if Brazil condemns the Peruvian attack on Quito.",
        "Had it not been for the Peruvian attack on Quito, Ecuador would have signed the treaty.",
    ] {
        assert!(acts(text, "PER", "ASSAULT"), "{text}: {:?}", events(text));
    }
    // Performed in the condition, it was not.
    let text = "Should Peru launch an invasion of Ecuador, Colombia will respond.";
    assert!(!acts(text, "PER", "ASSAULT"), "{:?}", events(text));
}
