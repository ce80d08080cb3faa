//! Votes on a UN text as stances (votes.rs): a veto opposes the text, an abstention is neutral on
//! it, a referring "the resolution" is a UN resolution. Each phrase class is tested on a sentence
//! of its own and a paraphrase.

use super::tests::{has, stances};

#[test]
fn a_possessive_veto_of_a_resolution_opposes_it() {
    // In a headline too: the body only alludes to it.
    let s = stances(
        "Russia's Veto of a UN Security Council Resolution on Crimea\n\nUkraine regrets that the Council failed to act on Crimea.",
    );
    assert!(has(&s, "RUS", "un-resolution", "oppose"), "{s:?}");
    let s = stances(
        "Syria protested the visit to the Golan Heights. China's veto of the resolution on the Golan Heights angered diplomats.",
    );
    assert!(has(&s, "CHN", "un-resolution", "oppose"), "{s:?}");
}

#[test]
fn every_adjectival_vetoing_state_opposes_the_draft() {
    let s = stances(
        "Ukraine protested the annexation of Crimea after the Russian and Chinese veto of our draft resolution.",
    );
    assert!(has(&s, "RUS", "draft-resolution", "oppose"), "{s:?}");
    assert!(has(&s, "CHN", "draft-resolution", "oppose"), "{s:?}");
    let s = stances(
        "Morocco rejected the French and British veto of the draft resolution on Western Sahara.",
    );
    assert!(has(&s, "FRA", "draft-resolution", "oppose"), "{s:?}");
    assert!(has(&s, "GBR", "draft-resolution", "oppose"), "{s:?}");
}

#[test]
fn an_abstention_is_neutral_on_the_resolution() {
    let s = stances(
        "Today, the United States abstained on UN Security Council resolution 2728 on Western Sahara.",
    );
    assert!(has(&s, "USA", "un-resolution", "neutral"), "{s:?}");
    assert!(!has(&s, "USA", "un-resolution", "oppose"), "{s:?}");
    // The voter of "its abstention" is the actor the noun modifies, whatever its relation.
    let s = stances(
        "Russia vetoed the resolution on Crimea. And China – with its abstention – has once again shown us where it stands.",
    );
    assert!(has(&s, "CHN", "un-resolution", "neutral"), "{s:?}");
    assert!(has(&s, "RUS", "un-resolution", "oppose"), "{s:?}");
}

#[test]
fn no_vote_without_a_resolution_or_when_abstaining_from_something_else() {
    let s = stances(
        "The rebels abstained from violence in Kashmir. India welcomed the resolution of the crisis.",
    );
    assert!(
        !s.iter()
            .any(|(_, i, l)| i == "un-resolution" && l == "neutral"),
        "{s:?}"
    );
    let s = stances("The governor's veto of the budget bill on Crimea angered the assembly.");
    assert!(!s.iter().any(|(_, i, _)| i.contains("resolution")), "{s:?}");
}

#[test]
fn the_resolution_refers_to_a_un_resolution_with_no_antecedent() {
    let s = stances(
        "Russia's Veto of a UN Security Council Resolution on Crimea\n\nRussia claims it is about sovereignty. But Ukraine supports the resolution.",
    );
    assert!(has(&s, "UKR", "un-resolution", "support"), "{s:?}");
    let s = stances("Fighting continued in Crimea. Ukraine backs the resolution.");
    assert!(has(&s, "UKR", "un-resolution", "support"), "{s:?}");
}
