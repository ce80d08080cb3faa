//! Tests of acts named by a noun, on sentences of our own.

use super::tests::{events, has};

#[test]
fn an_armed_act_named_by_a_noun_has_its_possessor_for_source() {
    let text = "The sanctions answer Chile’s continuing aggression against Peru.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    let text = "The expulsions were a reply to the Chilean attack on Peru last month.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn parties_after_of_hold_a_joint_act_together() {
    let text = "The meeting of the Chilean and Peruvian foreign ministers in Lima ended without a statement.";
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    let text = "The meeting of Chile and Peru in Geneva produced no statement.";
    assert!(has(text, "PER", "CONSULT", "CHL"), "{:?}", events(text));
    // After another act "of" names its object: Chile did not invade with Peru.
    let text = "Bolivia condemned the invasion of Chile and Peru.";
    assert!(!has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn a_deed_a_verb_of_accusing_judges_is_coded_as_the_deed() {
    let text = "Bolivia condemns Chile's aggression against Peru.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    let text = "Bolivia strongly criticized the Chilean attack on Peru on Tuesday.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}
