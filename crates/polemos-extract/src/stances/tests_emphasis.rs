//! Emphasis on a thing wanted ("stressed the need for greater cross-border cooperation"): the
//! issue is the thing without its degree, a hyphenated word stays whole, and "he" is the person
//! the pronoun's own sentence makes a subject before it. A sentence, a paraphrase and a negative.

use super::tests::{has, stances};

#[test]
fn a_thing_wanted_is_named_without_its_degree_and_with_its_hyphens() {
    let s = stances(
        "Pakistani and Afghan forces exchanged fire along the border between Pakistan and Afghanistan. U.S. Ambassador Ronald Neumann visited Islamabad, where he urged more cross-border cooperation.",
    );
    assert!(
        has(&s, "USA", "cross-border-cooperation", "support"),
        "{s:?}"
    );
    // A hyphen's first half alone, or a degree word, is no part of the name.
    assert!(
        !s.iter()
            .any(|(_, i, _)| i == "cross" || i.starts_with("more-")),
        "{s:?}"
    );
    let s = stances(
        "Pakistani and Afghan forces exchanged fire along the border between Pakistan and Afghanistan. The United States called for closer border cooperation.",
    );
    assert!(has(&s, "USA", "border-cooperation", "support"), "{s:?}");
}

#[test]
fn he_is_the_person_his_own_sentence_makes_its_subject() {
    let s = stances(
        "Pakistani and Afghan forces exchanged fire along the border between Pakistan and Afghanistan. Afghan President Hamid Karzai spoke in Kabul. The U.S. envoy to Afghanistan, Richard Holbrooke, was in Islamabad on Monday, and he called for closer border cooperation.",
    );
    assert!(has(&s, "USA", "border-cooperation", "support"), "{s:?}");
    assert!(!s.iter().any(|(h, _, _)| h == "AFG"), "{s:?}");
    // No person named before "he" in its sentence: the person the text named last.
    let s = stances(
        "Pakistani and Afghan forces exchanged fire along the border between Pakistan and Afghanistan. Afghan President Hamid Karzai spoke in Kabul on Monday. Pakistani forces fired mortars at the border posts, and he called for closer border cooperation.",
    );
    assert!(has(&s, "AFG", "border-cooperation", "support"), "{s:?}");
}

#[test]
fn the_importance_of_furthering_a_thing_backs_the_thing() {
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. France stressed the importance of ensuring the protection of civilians throughout the region.",
    );
    assert!(
        has(&s, "FRA", "protection-of-civilians", "support"),
        "{s:?}"
    );
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. Germany underscored the urgency of securing a ceasefire.",
    );
    assert!(has(&s, "DEU", "ceasefire", "support"), "{s:?}");
}

#[test]
fn a_ground_rejected_is_the_act_it_justifies() {
    let s = stances(
        "Russia annexed Crimea in 2014. Ukraine rejects the grounds for the detention of its sailors.",
    );
    assert!(has(&s, "UKR", "detention", "oppose"), "{s:?}");
    assert!(!s.iter().any(|(_, i, _)| i.starts_with("grounds")), "{s:?}");
    let s = stances(
        "Russia annexed Crimea in 2014. The United States rejects the basis for the seizure of its diplomatic property.",
    );
    assert!(has(&s, "USA", "seizure", "oppose"), "{s:?}");
    assert!(!s.iter().any(|(_, i, _)| i.starts_with("basis")), "{s:?}");
}

#[test]
fn a_settlement_names_an_issue_and_a_later_verb_keeps_its_own_topic() {
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. France remains committed to a political settlement in Nagorno-Karabakh and will continue to work with its partners for lasting peace.",
    );
    assert!(has(&s, "FRA", "political-settlement", "support"), "{s:?}");
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. Russia supports a negotiated settlement of the conflict.",
    );
    assert!(
        s.iter()
            .any(|(h, i, l)| h == "RUS" && i.contains("settlement") && l == "support")
            || has(&s, "RUS", "negotiations", "support"),
        "{s:?}"
    );
}
