//! Acts signed or adopted, named by a noun (`signers.rs`): the signers and the one who welcomes
//! the signing support what is signed.

use super::tests::{has, stances};

#[test]
fn signers_after_by_and_the_welcomer_hold_what_is_signed() {
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The United States welcomes the signing by Japan and Russia of their peace treaty.",
    );
    for h in ["JPN", "RUS", "USA"] {
        assert!(has(&s, h, "peace-treaty", "support"), "{h}: {s:?}");
    }
    // Those praised for something else, "after" the signing, are no signers.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The United States praised China after the signing of the peace treaty.",
    );
    assert!(!has(&s, "CHN", "peace-treaty", "support"), "{s:?}");
}

#[test]
fn those_congratulated_on_a_signing_hold_what_is_signed() {
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The United States congratulates the Governments of Japan and Russia on the signing of the peace treaty.",
    );
    for h in ["JPN", "RUS", "USA"] {
        assert!(has(&s, h, "peace-treaty", "support"), "{h}: {s:?}");
    }
    // Those praised for something else, "after" the signing, are no signers.
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The United States praised China after the signing of the peace treaty.",
    );
    assert!(!has(&s, "CHN", "peace-treaty", "support"), "{s:?}");
}

#[test]
fn an_adoption_between_two_states_is_theirs() {
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. The normalization of relations and the adoption of the Joint Declaration of Peace between Japan and Russia will provide their peoples with an opportunity.",
    );
    assert!(has(&s, "JPN", "peace-treaty", "support"), "{s:?}");
    assert!(has(&s, "RUS", "peace-treaty", "support"), "{s:?}");
}

#[test]
fn a_signing_opposed_is_not_the_opponents_support() {
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. China opposes the signing by Japan and Russia of their peace treaty.",
    );
    assert!(!has(&s, "CHN", "peace-treaty", "support"), "{s:?}");
    assert!(has(&s, "JPN", "peace-treaty", "support"), "{s:?}");
}
