//! Conditions and their scope: a condition after a verb coordinated with the cue is that verb's
//! ("rejects the annexation and pledges to maintain this policy until ..."), a measure said to
//! stay is kept on the condition after it ("will not be lifted until ..."), and a headline that
//! names a statement's author gives the text its voice. A sentence, a paraphrase and a negative.

use super::tests::{has, stances};

#[test]
fn a_condition_after_a_coordinated_verb_is_not_the_cues() {
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. France rejects the use of force and pledges to keep its observers in the region until a settlement is reached.",
    );
    assert!(has(&s, "FRA", "use-of-force", "oppose"), "{s:?}");
    assert!(!has(&s, "FRA", "use-of-force", "conditional"), "{s:?}");
    let s = stances(
        "Russia annexed Crimea in 2014. The European Union condemns the annexation and will keep its measures in force until Russia withdraws.",
    );
    assert!(has(&s, "EU", "annexation", "oppose"), "{s:?}");
    // The cue's own condition stays.
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. France rejects the use of force until a settlement is reached.",
    );
    assert!(has(&s, "FRA", "use-of-force", "conditional"), "{s:?}");
}

#[test]
fn a_measure_that_will_not_be_lifted_until_is_kept_on_that_condition() {
    let s = stances(
        "Press Statement by Secretary of State Antony Blinken on Ukraine\n\nRussia annexed Crimea in 2014 and its forces occupy the peninsula. Our sanctions will not be lifted until Russia ends its occupation of the peninsula.",
    );
    assert!(has(&s, "USA", "sanctions", "conditional"), "{s:?}");
    let s = stances(
        "Remarks by Secretary of State John Kerry on Ukraine\n\nRussia seized Crimea in 2014 and its troops hold the peninsula. Our sanctions will not be eased until Russia ends its occupation of the peninsula.",
    );
    assert!(has(&s, "USA", "sanctions", "conditional"), "{s:?}");
}

#[test]
fn a_headline_naming_the_author_gives_the_text_its_voice() {
    let s = stances(
        "Statement by Secretary of State Antony Blinken on Crimea\n\nRussia annexed Crimea in 2014 and its forces occupy the peninsula. We reject the annexation of Crimea.",
    );
    assert!(has(&s, "USA", "annexation", "oppose"), "{s:?}");
    assert!(!s.iter().any(|(h, _, _)| h == "RUS"), "{s:?}");
}

#[test]
fn a_body_that_opens_the_headline_after_from_is_the_author() {
    let s = stances(
        "Comment from U.S. Embassy Kyiv on Crimea\n\nRussia annexed Crimea in 2014 and its forces occupy the peninsula. We reject the annexation of Crimea.",
    );
    assert!(has(&s, "USA", "annexation", "oppose"), "{s:?}");
    // A body named late in the headline is what the text is about, not its author.
    let s = stances(
        "Statement on the Blockade of Crimea by Ukraine\n\nRussia annexed Crimea in 2014 and its forces occupy the peninsula. We reject the annexation of Crimea.",
    );
    assert!(!s.iter().any(|(h, _, _)| h == "UKR"), "{s:?}");
}

#[test]
fn a_condition_in_the_cues_clause_comes_before_one_that_opens_the_sentence() {
    // The opening "If" clause belongs to "know"; the colon sets the stance's clause apart and
    // its own "until" is the condition.
    let doc = crate::test_support::extractor().analyze(
        "Press Statement by Secretary of State Antony Blinken on Ukraine\n\nRussia annexed Crimea in 2014 and its forces occupy the peninsula. If the Russians seek an end to these sanctions, they know our position: our sanctions will remain in place until Russia ends its occupation of the peninsula.",
        None,
    );
    let conds: Vec<&str> = doc
        .stances
        .iter()
        .flat_map(|x| x.conditions.iter().map(|c| c.text.as_str()))
        .collect();
    assert!(
        conds
            .iter()
            .any(|c| c.contains("Russia ends its occupation")),
        "{conds:?}"
    );
    assert!(
        !conds.iter().any(|c| c.contains("seek an end")),
        "{conds:?}"
    );
}
