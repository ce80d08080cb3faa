//! Tests of accusations carried by a verb of misdeed in the judge's own words, on texts of our
//! own.

use super::tests::{events, has};

/// A press statement's header: the Secretary of State signs it, so its narration is the United
/// States' voice.
const SIGNED: &str = "Press Statement\nAntony J. Blinken\nSecretary of State\n\n";

#[test]
fn a_misdeed_in_a_signed_statement_is_its_signatorys_accusation() {
    let text = format!("{SIGNED}For two years, Cuba has obstructed and obfuscated at every turn.");
    assert!(has(&text, "USA", "ACCUSE", "CUB"), "{:?}", events(&text));
    // Up an infinitive complement and a coordination to the verb with the subject.
    let text = format!("{SIGNED}Iran continues to harass and intimidate the fishermen of Oman.");
    assert!(has(&text, "USA", "ACCUSE", "IRN"), "{:?}", events(&text));
    // A purpose hung on an actor the verb uses is the verb's subject's.
    let text = format!(
        "{SIGNED}The Venezuelan regime has used PDVSA to control, manipulate, and steal from its \
         own people."
    );
    assert!(has(&text, "USA", "ACCUSE", "VEN"), "{:?}", events(&text));
}

#[test]
fn a_misdeed_a_speaker_tells_is_the_speakers_accusation() {
    let text = "Peru said on Tuesday that Chile had undermined the border talks.";
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    // The owner of a deed that does the misdeed.
    let text = "Peru says that Chile's new decision complicates the border talks.";
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn a_misdeed_reported_negated_or_conditional_accuses_no_one() {
    // An unsigned report's narrator judges no one.
    let text = "Chile undermined the border talks with Peru on Tuesday, diplomats in Lima noted.";
    let found = events(text);
    assert!(
        !found.iter().any(|(_, t, _, _)| t == "ACCUSE"),
        "{text}: {found:?}"
    );
    let text = format!("{SIGNED}Cuba has not obstructed the inquiry.");
    assert!(!has(&text, "USA", "ACCUSE", "CUB"), "{:?}", events(&text));
    let text = format!("{SIGNED}If Cuba obstructs the inquiry, the Council will act.");
    assert!(!has(&text, "USA", "ACCUSE", "CUB"), "{:?}", events(&text));
}

#[test]
fn a_misdeed_another_claims_proposes_or_may_do_is_no_accusation_of_the_signatory() {
    let accuses = |text: &str| events(text).iter().any(|(_, t, _, _)| t == "ACCUSE");
    for sentence in [
        // Another's claim, in a that-clause of saying. (A claim noun's "that" clause the
        // parser reads as a relative clause is not caught: "Peru's claim that Chile has
        // sabotaged the talks is false" still accuses Chile.)
        "Peru's allies reported that Chile had violated the ceasefire.",
        // An infinitive after a verb with an object is the object's to do.
        "Bolivia and Brazil urged Peru to stop harassing Chilean fishermen.",
        // An attempt or a plot is its owner's, not the verb's subject's.
        "Chile rejected a Peruvian attempt to undermine the talks.",
        // A deed that may or would happen.
        "Peru would undermine the talks if it deployed troops.",
        "Peru might violate the ceasefire.",
    ] {
        let text = format!("{SIGNED}{sentence}");
        assert!(!accuses(&text), "{sentence}: {:?}", events(&text));
    }
    // An allegation is its alleger's accusation (`alleging_verb`), not the signatory's.
    let text = format!("{SIGNED}Peru alleges that Chile has violated the ceasefire.");
    let found = events(&text);
    assert!(
        !found
            .iter()
            .any(|(s, t, ..)| t == "ACCUSE" && s.iter().any(|x| x == "USA")),
        "{found:?}"
    );
    assert!(has(&text, "PER", "ACCUSE", "CHL"), "{found:?}");
}

#[test]
fn a_harm_done_to_oneself_is_no_assault_and_no_accusation() {
    // A reflexive object: the doer harmed itself, no one else.
    let text = "Iran protested to Britain. A British sailor killed himself in Tehran, Iran said.";
    let found = events(text);
    assert!(
        !found
            .iter()
            .any(|(_, t, _, _)| t == "ASSAULT" || t == "ACCUSE"),
        "{text}: {found:?}"
    );
    assert!(has(text, "IRN", "PROTEST", "GBR"), "{found:?}");
    // The same verb with another for object is still an attack.
    let text = "A British sailor killed an Iranian guard in Tehran.";
    assert!(has(text, "GBR", "ASSAULT", "IRN"), "{:?}", events(text));
}

#[test]
fn a_suicide_attack_or_a_second_victim_keeps_the_reflexive_harm_an_assault() {
    // mend44pr: the reflexive is not the verb's only participant: a particle ("blew himself
    // up"), another object joined to it, or a staged attack told with its purpose.
    for (text, source, target) in [
        (
            "A Syrian attacker blew himself up on a Turkish bus in Ankara.",
            "SYR",
            "TUR",
        ),
        (
            "The Indian army said the Pakistani gunman stabbed himself and two Indian soldiers.",
            "pakistani-gunman",
            "IND",
        ),
    ] {
        assert!(
            has(text, source, "ASSAULT", target),
            "{text}: {:?}",
            events(text)
        );
    }
    let text = "Georgia said Russian troops attacked themselves to stage a provocation.";
    assert!(
        has(text, "GEO", "ACCUSE", "RUS"),
        "{text}: {:?}",
        events(text)
    );
}
