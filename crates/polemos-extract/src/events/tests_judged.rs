//! Tests of accusations carried by a judgement of a deed, on sentences of our own.

use super::tests::{events, has};

#[test]
fn a_reproached_deed_is_the_speakers_accusation_of_its_owner() {
    let text = "Chile said on Monday that Peru's naval exercise was \"entirely unacceptable.\"";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Bolivia said the seizures of fishing boats by Chile are a violation of the treaty.";
    assert!(has(text, "BOL", "ACCUSE", "CHL"), "{:?}", events(text));
    let text = "Peru said the interference of Chile's government in its elections was illegal.";
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn a_deed_not_reproached_or_without_owner_is_no_accusation() {
    let text = "Chile said on Monday that Peru's naval exercise was not illegal.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chile said on Monday that the naval exercise near Peru was illegal.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}
