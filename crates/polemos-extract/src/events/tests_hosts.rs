//! Tests of meetings named by greeting guests ("thank X for being here"), on sentences of our
//! own, a paraphrase and negatives.

use super::tests::{events, has};

#[test]
fn thanking_guests_for_being_here_is_a_meeting() {
    let text =
        "Chile said: \"I want to thank my colleagues from Peru and Bolivia for being here today.\"";
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    assert!(has(text, "CHL", "CONSULT", "BOL"), "{:?}", events(text));
    assert!(!has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
    // A paraphrase: welcomed here.
    let text = "Chile welcomed the foreign ministers of Peru and Bolivia here on Monday.";
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
}

#[test]
fn thanks_or_welcomes_for_something_else_stay_praise() {
    // No presence: praise, not a meeting.
    let text = "Chile thanked Peru for its support of the resolution.";
    assert!(!has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    // "here" belongs to the talks, not to the welcome.
    let text = "Chile welcomed the talks that Peru held here last week.";
    assert!(!has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    // A welcome into an organization is no meeting.
    let text = "Chile welcomed Peru to the Andean Community of Nations.";
    assert!(!has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
}

#[test]
fn declaring_diplomats_unwelcome_is_an_expulsion() {
    let text = "Peru declared two Chilean diplomats persona non grata on Monday.";
    assert!(has(text, "PER", "SANCTION", "CHL"), "{:?}", events(text));
    // A paraphrase: a government as the subject, one diplomat. (The parser does not always
    // read the Latin: in "has declared the Chilean ambassador persona non grata" it makes the
    // ambassador a possessor of "grata", and nothing is coded.)
    let text = "The Bolivian government declared a Chilean diplomat persona non grata on Friday.";
    assert!(has(text, "BOL", "SANCTION", "CHL"), "{:?}", events(text));
    // A declaration of no diplomat is no expulsion.
    let text = "Peru declared a state of emergency along the border with Chile.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn the_expulsion_of_a_diplomat_is_an_expulsion() {
    let text = "The Chilean government announced the expulsion of the Peruvian ambassador.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    // Ordering one's own diplomats out of a war zone is no expulsion; ordering troops is
    // still a deployment.
    let text = "Britain ordered its diplomats to leave Kabul as the fighting spread.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
    let text = "Venezuela ordered troops to its border with Colombia.";
    let found = events(text);
    assert!(
        found.iter().any(|(_, t, _, _)| t == "MOBILIZE"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{found:?}"
    );
}

#[test]
fn a_statement_headline_names_who_we_are() {
    let x = crate::test_support::extractor();
    let article = "Comment from the Embassy of Chile in Lima\n\nThe Peruvian Ministry of Foreign Affairs informed our ambassador of its decision on Monday.\n\nWe completely reject this unprovoked decision of the Peruvian government.";
    let out = x
        .extract(article, &crate::ArticleMeta::default())
        .expect("extracts");
    let found: Vec<(Vec<String>, String)> = out
        .events
        .iter()
        .map(|e| (e.sources.clone(), e.event_type.as_str().to_owned()))
        .collect();
    assert!(
        found
            .iter()
            .any(|(s, t)| t == "REJECT" && s.iter().any(|a| a == "actors/CHL")),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(s, t)| t == "REJECT" && s.iter().any(|a| a == "actors/PER")),
        "{found:?}"
    );
}

#[test]
fn a_transcript_speakers_words_opening_with_a_verb_are_the_speakers_act() {
    // The label in capitals names the speaker; "Welcome" is capitalized as a sentence's first.
    let text = "Foreign Minister Gabriela Sommerfeld Before Their Meeting\n\nFOREIGN MINISTER \
                SOMMERFELD: Welcome the foreign ministers of Peru and Bolivia here to Quito.";
    assert!(
        has(text, "gabriela-sommerfeld", "CONSULT", "PER"),
        "{:?}",
        events(text)
    );
    assert!(
        has(text, "gabriela-sommerfeld", "CONSULT", "BOL"),
        "{:?}",
        events(text)
    );
    // A label with a hyphenated name, or a remark in parentheses, is one too.
    for text in [
        "Remarks\n\nAMBASSADOR LINDA THOMAS-GREENFIELD: Welcome the foreign ministers of Peru and Bolivia here to New York.",
        "Remarks\n\nFOREIGN MINISTER SOMMERFELD (via interpreter): Welcome the foreign ministers of Peru and Bolivia here to Quito.",
    ] {
        assert!(
            events(text).iter().any(|(s, t, g, _)| !s.is_empty()
                && t == "CONSULT"
                && g.iter().any(|x| x == "PER")),
            "{text}: {:?}",
            events(text)
        );
    }
    // Not after a dateline, which names no speaker.
    let text =
        "Talks\n\nLIMA: Welcome to Peru, President Boluarte told the visiting Bolivian president.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SUPPORT"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_transcript_label_is_not_the_subject_of_a_passive_after_it() {
    // The parser may hang the label's name on the verb as its passive subject: the label names
    // who speaks, not who was attacked.
    let text = "Briefing\n\nFOREIGN MINISTER GABRIELA SOMMERFELD: The convoy in Tumbes was \
                shelled by Peru last week.";
    assert!(
        !events(text)
            .iter()
            .any(|(_, _, g, _)| g.iter().any(|x| x == "gabriela-sommerfeld")),
        "{:?}",
        events(text)
    );
    // A subject that is the speaker's side still is: "we were attacked".
    let text =
        "Briefing\n\nFOREIGN MINISTER GABRIELA SOMMERFELD: We were attacked by Peru last week.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, g, _)| s == &["PER"] && t == "ASSAULT" && !g.is_empty()),
        "{:?}",
        events(text)
    );
}
