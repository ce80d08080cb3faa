//! Tests of acts named by a noun, on sentences of our own.

use super::tests::{events, has};

#[test]
fn an_armed_act_named_by_a_noun_has_its_possessor_for_source() {
    let text = "The sanctions answer Chile’s continuing aggression against Peru.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    let text = "The expulsions were a reply to the Chilean attack on Peru last month.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}
