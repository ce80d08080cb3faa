//! The object of a stance cue that is read but named no issue before: a noun the writer sets
//! in quotation marks names the same issue as the bare noun (issues.rs `new_issue_from`). A
//! sentence and a paraphrase each, and what stays unread.

use super::tests::{has, stances};

#[test]
fn a_noun_in_quotation_marks_names_the_issue_as_the_bare_noun() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan has called on Russia to end its \"occupation\" of the islands.",
    );
    assert!(has(&s, "JPN", "occupation", "oppose"), "{s:?}");
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. Armenia urged Azerbaijan to stop its \u{201c}blockade\u{201d} of the Lachin corridor.",
    );
    assert!(has(&s, "ARM", "blockade", "oppose"), "{s:?}");
}

#[test]
fn a_verb_in_quotation_marks_names_no_accused_act() {
    // A quoted verb is a figure of speech for the act, no name of it.
    let s = stances(
        "China and Japan dispute the Senkaku Islands. China accused Tokyo of \"stabbing\" Beijing \"in the back\" over the islands.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "stabbing"), "{s:?}");
}

#[test]
fn quoted_words_before_their_head_noun_name_no_issue_of_their_own() {
    // The quoted words modify the noun after the closing mark: naming them alone would cut
    // the name before its head.
    for (text, cut) in [
        (
            "China and the United States dispute the South China Sea. China opposes the \"freedom of navigation\" operations of the U.S. Navy.",
            "freedom-of-navigation",
        ),
        (
            "Russia and Ukraine dispute Crimea. Russia rejected the \u{201c}occupation\u{201d} label used by Kyiv.",
            "occupation",
        ),
    ] {
        let s = stances(text);
        assert!(!s.iter().any(|(_, i, _)| i == cut), "{text}: {s:?}");
    }
}
