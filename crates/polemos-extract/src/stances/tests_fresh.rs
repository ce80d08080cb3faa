//! Junk issues on text nobody tuned on (issue 17, session 50): a phrase that names people, a
//! time, an unease without its content, a place someone goes or a demonym alone is no issue;
//! the act, thing or place the same words name beside it still is.

use super::tests::{has, stances};

/// Whether any stance has issue `issue`.
fn issue(s: &[(String, String, String)], issue: &str) -> bool {
    s.iter().any(|(_, i, _)| i == issue)
}

const KURILS: &str = "Japan and Russia dispute the Kuril Islands.\n\n";

#[test]
fn followers_and_plotters_are_people_not_issues() {
    let s = stances(&format!(
        "{KURILS}Tokyo has been calling for supporters of the separatist leader to lay down their arms."
    ));
    assert!(!issue(&s, "supporters"), "{s:?}");
    let s = stances(&format!(
        "{KURILS}Japan condemned the plotters who attacked the consulate."
    ));
    assert!(!issue(&s, "plotters"), "{s:?}");
    // What is done to them or by them still is one.
    let s = stances(&format!(
        "{KURILS}Japan condemned the Russian presence on the islands."
    ));
    assert!(has(&s, "JPN", "russian-presence", "oppose"), "{s:?}");
    let s = stances(&format!(
        "{KURILS}Japan condemned the arrest of supporters of the opposition leader."
    ));
    assert!(has(&s, "JPN", "arrest-of-supporters", "oppose"), "{s:?}");
}

#[test]
fn a_member_of_a_body_is_no_issue() {
    let s = stances(&format!(
        "{KURILS}Japan says talks should be held before any military action against a member of the alliance."
    ));
    assert!(!issue(&s, "member"), "{s:?}");
}

#[test]
fn a_time_after_the_noun_makes_no_issue_name() {
    let s = stances(&format!(
        "{KURILS}Russia began its operation against the gang a week ago."
    ));
    assert!(!issue(&s, "gang-a-week-ago"), "{s:?}");
}

#[test]
fn concerns_without_their_content_are_no_issue() {
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nPakistan rejected these concerns, saying the barrage is lawful.",
    );
    assert!(!issue(&s, "concerns"), "{s:?}");
}

#[test]
fn going_home_is_no_issue() {
    let s = stances(&format!(
        "{KURILS}Japan said it was deeply troubling to see the spy being welcomed home in Moscow as a hero."
    ));
    assert!(!issue(&s, "home"), "{s:?}");
    // "home" opening a longer phrase is no place gone to.
    let s = stances(&format!(
        "{KURILS}Japan supports home rule for the islanders."
    ));
    assert!(has(&s, "JPN", "home-rule", "support"), "{s:?}");
}

#[test]
fn a_demonym_alone_is_no_issue() {
    let text = "Serbia and Kosovo dispute Kosovo independence.\n\n";
    let s = stances(&format!(
        "{text}Britain welcomed the Bulgarian and Montenegrin actions."
    ));
    assert!(!issue(&s, "bulgarian"), "{s:?}");
    // A demonym on the noun of an act names whose act it is.
    let s = stances(&format!(
        "{KURILS}Russia condemned the Japanese occupation of the islands."
    ));
    assert!(has(&s, "RUS", "japanese-occupation", "oppose"), "{s:?}");
}
