//! The grievance of a sanction of relations ("recalled its ambassador over the crackdown"): the
//! one who sanctions opposes what the sanction is over (`issues::sanction_grievance`).
//! Invented sentences, and what must stay unread.

use super::tests::stances;

/// Whether `holder` opposes an issue whose id holds `word`.
fn opposes(found: &[(String, String, String)], holder: &str, word: &str) -> bool {
    found
        .iter()
        .any(|(h, i, l)| h == holder && i.contains(word) && l == "oppose")
}

/// Whether `holder` takes any stance on an issue whose id holds `word`.
fn any_on(found: &[(String, String, String)], holder: &str, word: &str) -> bool {
    found
        .iter()
        .any(|(h, i, _)| h == holder && i.contains(word))
}

#[test]
fn a_recall_over_a_grievance_opposes_it() {
    for text in [
        "Peru and Chile dispute their maritime border. Peru recalled its ambassador to Chile over the arrest of its fishermen.",
        // The parse may hang "over" on the verb as a particle when words stand between.
        "Peru and Chile dispute their maritime border. Peru and Bolivia recalled their ambassadors to Chile on Tuesday over concerns about the arrest of the fishermen.",
    ] {
        let s = stances(text);
        assert!(opposes(&s, "PER", "arrest"), "{text}: {s:?}");
    }
}

#[test]
fn each_sanctioning_state_holds_the_grievance() {
    let text = "Peru and Chile dispute their maritime border. Peru and Bolivia recalled their ambassadors to Chile on Tuesday over concerns about the arrest of the fishermen.";
    let s = stances(text);
    assert!(opposes(&s, "BOL", "arrest"), "{s:?}");
}

#[test]
fn no_grievance_when_over_is_no_ones_reason_or_no_sanction_is_made() {
    for (text, word) in [
        // A sanction not made takes no side.
        (
            "Peru and Chile dispute their maritime border. Peru did not recall its ambassador to Chile over the arrest of its fishermen.",
            "arrest",
        ),
        // "over" of a place that the object's phrase holds, not the verb's.
        (
            "Peru and Chile dispute their maritime border. Peru suspended patrols by drones over the coastal region.",
            "coastal-region",
        ),
    ] {
        let s = stances(text);
        assert!(!any_on(&s, "PER", word), "{text}: {s:?}");
    }
}

#[test]
fn a_time_or_an_unease_alone_names_no_grievance_and_a_passive_its_agents() {
    for text in [
        "Peru and Chile dispute their maritime border. Chile expelled two Peruvian diplomats over the weekend.",
        "Peru and Chile dispute their maritime border. Chile expelled two Peruvian diplomats over the past year.",
        "Peru and Chile dispute their maritime border. Chile recalled its ambassador about a week after the vote.",
        "Peru and Chile dispute their maritime border. Chile recalled its ambassador over fears of a Peruvian naval buildup.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter()
                .any(|(_, i, _)| i == "weekend" || i == "past-year" || i == "week" || i == "fears"),
            "{text}: {s:?}"
        );
    }
    // The passive's subject is the side expelled; the events stage's source, its agent, holds
    // the grievance.
    let s = stances(
        "Peru and Chile dispute their maritime border. Two Peruvian diplomats were expelled by Chile over the arrest of a Chilean officer.",
    );
    assert!(!s.iter().any(|(h, _, _)| h == "PER"), "{s:?}");
    assert!(opposes(&s, "CHL", "arrest"), "{s:?}");
    // An unease's own preposition leads to what it is about.
    let s = stances(
        "Peru and Chile dispute their maritime border. Chile recalled its ambassador to Peru over fears of a naval buildup.",
    );
    assert!(opposes(&s, "CHL", "buildup"), "{s:?}");
}

#[test]
fn sanctions_a_recall_is_over_are_not_backed() {
    let s = stances(
        "Russia and Ukraine dispute Crimea. Russia recalled its ambassador from Washington over the new sanctions.",
    );
    assert!(
        !s.iter()
            .any(|(h, i, l)| h == "RUS" && i == "sanctions" && l == "support"),
        "{s:?}"
    );
}
