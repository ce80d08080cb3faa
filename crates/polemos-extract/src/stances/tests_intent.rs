//! Judgements of a decision (`issues.rs` `intended_act`): an accusing verb whose object is a noun
//! of intent with its infinitive is against the act the infinitive names; an act that reverses
//! or severs its object is named whole, since its object is what the act works against.

use super::tests::stances;

#[test]
fn regretting_a_decision_to_reverse_opposes_the_reversal() {
    let s = stances(
        "Japan strongly regrets Moscow's decision to freeze visits by former residents to the Kuril Islands.",
    );
    assert!(
        s.iter()
            .any(|(h, i, l)| h == "JPN" && i == "decision-to-freeze-visits" && l == "oppose"),
        "{s:?}"
    );
    // The object of the reversal is not what is opposed.
    assert!(!s.iter().any(|(_, i, _)| i == "visits"), "{s:?}");
}
