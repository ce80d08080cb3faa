//! Tests of clauses after a verb cue that make it no act (`clausal.rs`), on sentences of our own.

use super::tests::{events, has};

#[test]
fn recognising_that_states_a_fact() {
    let text = "Chile recognises that Peru has built a strong navy.";
    assert!(
        !events(text).iter().any(|(_, t, ..)| t == "SUPPORT"),
        "{:?}",
        events(text)
    );
    let text = "Chile recognised Kosovo in 2008.";
    assert!(has(text, "CHL", "SUPPORT", "XKX"), "{:?}", events(text));
    // A status of disputed land recognized is a recognition.
    let text = "Chile recognizes that Western Sahara is part of Morocco.";
    assert!(
        events(text).iter().any(|(_, t, ..)| t == "SUPPORT"),
        "{:?}",
        events(text)
    );
}

#[test]
fn asking_a_question_is_no_request() {
    let text = "Chile asked Peru whether its navy would join the exercise.";
    assert!(
        !events(text).iter().any(|(_, t, ..)| t == "REQUEST"),
        "{:?}",
        events(text)
    );
    let text = "Chile asked Peru how the maps had been leaked.";
    assert!(
        !events(text).iter().any(|(_, t, ..)| t == "REQUEST"),
        "{:?}",
        events(text)
    );
    // So is asking about a thing (lexicon class `topic_preposition`).
    let text = "Chile asked Peru about the naval exercise on Monday.";
    assert!(
        !events(text).iter().any(|(_, t, ..)| t == "REQUEST"),
        "{:?}",
        events(text)
    );
    let text = "Chile asked Peru to withdraw its navy.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
}
