//! Intent (issues.rs `wanted_act`): a subject's want, plan or aim to do a thing is its support of
//! what the infinitive's act names, read as a request's asked act is; a hedged want is no stance.

use super::tests::{has, stances};

#[test]
fn wanting_to_found_a_thing_supports_it() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia said it wanted to build a military airfield on Iturup.",
    );
    assert!(has(&s, "RUS", "military-airfield", "support"), "{s:?}");
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. Azerbaijan plans to establish a customs checkpoint on the Lachin road.",
    );
    assert!(has(&s, "AZE", "customs-checkpoint", "support"), "{s:?}");
}

#[test]
fn a_hedged_want_is_no_stance() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia may want to build a military airfield on Iturup.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "military-airfield"), "{s:?}");
}

#[test]
fn a_want_another_tells_of_is_not_the_wanters_stance() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan says Russian troops wanted to build a military airfield on Iturup.",
    );
    assert!(
        !s.iter()
            .any(|(h, i, _)| h == "RUS" && i == "military-airfield"),
        "{s:?}"
    );
}

#[test]
fn what_an_actor_says_it_will_found_is_its_stance() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia said it will build a military airfield on Iturup.",
    );
    assert!(has(&s, "RUS", "military-airfield", "support"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia said it will not build a military airfield on Iturup.",
    );
    assert!(has(&s, "RUS", "military-airfield", "oppose"), "{s:?}");
    assert!(!has(&s, "RUS", "military-airfield", "support"), "{s:?}");
}

#[test]
fn a_topic_said_to_go_on_is_the_tellers_stance() {
    let s =
        stances("Japan and Russia dispute the Kuril Islands. Japan said that talks can resume.");
    assert!(has(&s, "JPN", "negotiations", "support"), "{s:?}");
    let s = stances(
        "Britain and Spain dispute Gibraltar. Britain said the negotiations will continue.",
    );
    assert!(has(&s, "GBR", "negotiations", "support"), "{s:?}");
}
