//! Tests of common wire constructions (ev34), on sentences of our own.

use super::tests::{events, has};

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
