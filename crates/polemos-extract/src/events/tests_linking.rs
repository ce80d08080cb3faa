//! Tests of how an event's arguments are linked through constructions of English (a wire
//! dateline, an adjunct of manner, a reduced relative passive, a noun of stopping), on
//! sentences of our own.

use super::tests::{events, has};

#[test]
fn a_wire_dateline_is_no_subject_of_the_verb() {
    // The parser hangs "LIMA" (with "Peru" as its conjunct) on the verb as a second subject.
    let text = "LIMA, Peru — Chile and Bolivia are expected to hold a high level meeting \
                June 4 on their border dispute.";
    assert!(has(text, "CHL", "CONSULT", "BOL"), "{:?}", events(text));
    assert!(has(text, "BOL", "CONSULT", "CHL"), "{:?}", events(text));
    let text = "QUITO — Chile and Bolivia will hold a meeting on their border dispute.";
    assert!(has(text, "CHL", "CONSULT", "BOL"), "{:?}", events(text));
    let text = "LIMA, Peru — Chile accused Bolivia of spying on its navy.";
    assert!(has(text, "CHL", "ACCUSE", "BOL"), "{:?}", events(text));
    assert!(!has(text, "PER", "ACCUSE", "BOL"), "{:?}", events(text));
}
