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
    let s = stances(
        "The Security Council met on Crimea. Fighting continued there. Ukraine backs the resolution.",
    );
    assert!(has(&s, "UKR", "un-resolution", "support"), "{s:?}");
    // With no UN body or vote named, or with a modifier, a resolution is no UN text.
    for text in [
        "Fighting continued in Crimea. Ukraine backs the resolution.",
        "The Security Council met on Crimea. Ukraine backs the peaceful resolution.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter().any(|(_, i, _)| i == "un-resolution"),
            "{text}: {s:?}"
        );
    }
}

/// The ids of those who cast the vote named by the first `word` of `text`.
fn voters_of(text: &str, word: &str) -> Vec<String> {
    let x = crate::test_support::extractor();
    let doc = x.analyze(text, None);
    let t = (0..doc.tokens.len())
        .find(|&t| doc.tok(t) == word)
        .expect("the vote word");
    let s = (0..doc.sentences.len())
        .find(|&s| doc.sentences[s].tokens.contains(&t))
        .expect("its sentence");
    super::votes::voters(&doc, s, t)
        .into_iter()
        .map(|a| doc.actors[a].id.clone())
        .collect()
}

#[test]
fn who_judges_a_vote_did_not_cast_it() {
    // The subject of a verb whose object is the vote judges it.
    for text in [
        "Russia vetoed the draft resolution on Crimea. The United Kingdom discussed the veto on the draft resolution.",
        "Russia vetoed the draft resolution on Crimea. France regretted the abstention on the draft resolution.",
    ] {
        let word = if text.contains("abstention") {
            "abstention"
        } else {
            "veto"
        };
        assert!(voters_of(text, word).is_empty(), "{text}");
    }
    // The voter named after "of" or "by" casts it.
    assert_eq!(
        voters_of(
            "Kyiv discussed the veto by Russia on the draft resolution.",
            "veto"
        ),
        ["RUS"]
    );
    assert_eq!(
        voters_of(
            "France regretted the abstention of China on the draft resolution.",
            "abstention"
        ),
        ["CHN"]
    );
}

#[test]
fn who_speaks_of_a_veto_did_not_cast_it() {
    // The subject of a verb governing the veto's noun is no voter; the veto's owner is.
    let s = stances(
        "Japan protested the visit to the Kuril Islands. The United Kingdom discussed the veto of the draft resolution on the Kuril Islands.",
    );
    assert!(!has(&s, "GBR", "draft-resolution", "oppose"), "{s:?}");
    let s = stances(
        "Japan protested the visit to the Kuril Islands. The United Kingdom discussed Russia's veto of the draft resolution on the Kuril Islands.",
    );
    assert!(!has(&s, "GBR", "draft-resolution", "oppose"), "{s:?}");
    assert!(has(&s, "RUS", "draft-resolution", "oppose"), "{s:?}");
}
