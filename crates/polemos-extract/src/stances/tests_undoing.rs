//! Ending a pact (an event row of mode `withdraw` whose object is a `pact_noun`): "cancelled
//! the agreement" is its subject's opposition to the pact. Invented sentences, and what must
//! stay unread.

use super::tests::stances;

/// Whether `holder` opposes an issue whose id holds `word`.
fn opposes(found: &[(String, String, String)], holder: &str, word: &str) -> bool {
    found
        .iter()
        .any(|(h, i, l)| h == holder && i.contains(word) && l == "oppose")
}

#[test]
fn cancelling_or_scrapping_a_pact_opposes_it() {
    for text in [
        "Peru and Chile dispute their maritime border. Peru has cancelled a defence agreement with Chile.",
        "Peru and Chile dispute their maritime border. Peru scrapped its defence agreement with Chile on Monday.",
    ] {
        let s = stances(text);
        assert!(opposes(&s, "PER", "agreement"), "{text}: {s:?}");
    }
}

#[test]
fn a_pact_not_ended_or_a_meeting_called_off_is_no_opposition() {
    for (text, word) in [
        (
            "Peru and Chile dispute their maritime border. Peru did not cancel its defence agreement with Chile.",
            "agreement",
        ),
        (
            "Peru and Chile dispute their maritime border. Peru cancelled a meeting with Chile on Monday.",
            "meeting",
        ),
    ] {
        let s = stances(text);
        assert!(!opposes(&s, "PER", word), "{text}: {s:?}");
    }
    // Not ending a pact is no stance on it at all: neither side.
    for text in [
        "Peru and Chile dispute their maritime border. Peru did not cancel its defence agreement with Chile.",
        "Peru and Chile dispute their maritime border. Chile urged Peru not to cancel the defence agreement.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter()
                .any(|(h, i, _)| h == "PER" && i.contains("agreement")),
            "{text}: {s:?}"
        );
    }
}

#[test]
fn a_deal_with_a_business_is_no_pact_of_the_dispute() {
    for text in [
        "Peru and Chile dispute their maritime border. Peru scrapped its deal with a French firm to build patrol boats.",
        "Peru and Chile dispute their maritime border. Peru cancelled the agreement with the shipbuilding company on Monday.",
    ] {
        let s = stances(text);
        assert!(!opposes(&s, "PER", "deal"), "{text}: {s:?}");
        assert!(!opposes(&s, "PER", "agreement"), "{text}: {s:?}");
    }
    // A deal with a state is still a pact.
    let text = "Peru and Chile dispute their maritime border. Peru scrapped its deal with Chile to patrol the coast.";
    let s = stances(text);
    assert!(opposes(&s, "PER", "deal"), "{text}: {s:?}");
}

#[test]
fn an_ending_reported_by_one_side_and_denied_by_the_other_takes_no_side() {
    for text in [
        "Peru and Chile dispute their maritime border. Chile said Peru had cancelled the defence agreement, but Peru denied it.",
        "Peru and Chile dispute their maritime border. Chile said Peru had cancelled the defence agreement, but Peru denied that it had scrapped the pact.",
        // A denial of the report of it, or of doing so, is a denial of the ending too.
        "Peru and Chile dispute their maritime border. Chile said Peru had cancelled the defence agreement, but Peru denied the report.",
        "Peru and Chile dispute their maritime border. Chile said Peru had cancelled the defence agreement, but Peru denied doing so.",
    ] {
        let s = stances(text);
        assert!(!opposes(&s, "PER", "agreement"), "{text}: {s:?}");
    }
    // Reported and not denied, or denied by someone else, the ending still opposes the pact.
    for text in [
        "Peru and Chile dispute their maritime border. Chile said Peru had cancelled the defence agreement.",
        "Peru and Chile dispute their maritime border. Chile said Peru had cancelled the defence agreement, but Bolivia denied it.",
        // The holder denies something else than the ending: the ending stands.
        "Peru and Chile dispute their maritime border. Chile said Peru had cancelled the defence agreement, but Lima denied the move was aimed at Santiago.",
        "Peru and Chile dispute their maritime border. Chile said Peru had cancelled the defence agreement, but Peru denied any plan to close the border.",
    ] {
        let s = stances(text);
        assert!(opposes(&s, "PER", "agreement"), "{text}: {s:?}");
    }
}
