//! Tests of refusals told as a negated promise, on texts of our own.

use super::tests::{events, has};

#[test]
fn a_side_that_says_it_will_not_give_up_an_act_rejects_who_asked() {
    let text = "Chile called on Peru to stop building the wall. Peruvian officials responded, \
                saying they would not halt construction of the wall.";
    assert!(has(text, "PER", "REJECT", "CHL"), "{:?}", events(text));
    let text = "Bolivia urged Chile to withdraw its troops from the border. Chile said on \
                Tuesday that it will not withdraw its troops.";
    assert!(has(text, "CHL", "REJECT", "BOL"), "{:?}", events(text));
    // The contracted future: the parse splits "won't" into "wo" and "n't".
    let text = "Bolivia urged Chile to withdraw its troops from the border. Chile said on \
                Tuesday that it won't withdraw its troops.";
    assert!(has(text, "CHL", "REJECT", "BOL"), "{:?}", events(text));
}

#[test]
fn a_forecast_a_promise_to_go_on_or_another_sides_refusal_is_no_rejection() {
    let rejects = |text: &str| events(text).iter().any(|(_, t, _, _)| t == "REJECT");
    // The narrator's forecast.
    let text = "Chile called on Peru to stop building the wall. Peru will not halt construction.";
    assert!(!rejects(text), "{:?}", events(text));
    // A promise to go on supporting.
    let text = "Chile called on Peru to talk. Peru said it would not stop supporting the talks.";
    assert!(!rejects(text), "{:?}", events(text));
    // Chile speaks of Peru: no refusal of Chile's.
    let text = "Bolivia urged Peru to withdraw. Chile said Peru would not withdraw its troops.";
    assert!(!has(text, "CHL", "REJECT", "BOL"), "{:?}", events(text));
}

#[test]
fn a_promise_not_to_give_up_what_no_one_asked_for_rejects_no_one() {
    // Reassurances: no side asked Chile for anything.
    let text = "Chile and Peru held talks in Lima. Chile said it would not abandon the talks \
                with Peru.";
    assert!(!has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
    let text = "Peru welcomed Chile's offer. Chile said it will not suspend the visits.";
    assert!(!has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
}

#[test]
fn a_refused_request_or_offer_rejects_who_made_it() {
    let text = "Chile and Peru dispute the border. Peru refused Chile's request for talks.";
    assert!(has(text, "PER", "REJECT", "CHL"), "{:?}", events(text));
    let text = "Chile and Peru dispute the border. Peru turned down Chile's offer of talks.";
    assert!(has(text, "PER", "REJECT", "CHL"), "{:?}", events(text));
    // A refusal with no one named rejects no one.
    let rejects = |text: &str| events(text).iter().any(|(_, t, _, _)| t == "REJECT");
    let text = "Chile and Peru dispute the border. Peru refused to comment on the border.";
    assert!(!rejects(text), "{:?}", events(text));
}

#[test]
fn appealing_a_judgement_rejects_it_and_appealing_to_someone_asks() {
    let text = "Chile and Peru dispute the border. The court ruled for Peru. Chile will appeal \
                the ruling by the International Court of Justice.";
    assert!(has(text, "CHL", "REJECT", "ICJ"), "{:?}", events(text));
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "REQUEST"),
        "{:?}",
        events(text)
    );
    // The ruling names no one: the rejection answers no act of Peru's.
    let text = "Peru expelled Chile's envoy. Chile and Peru dispute the border. Chile challenged \
                the ruling.";
    assert!(!has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
    // "appealed to": a request, as before.
    let text = "Chile and Peru dispute the border. Chile appealed to Peru to stay calm.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn appealing_to_no_one_asks_nothing() {
    // mend44b: "appeal to" a value, a law or an audience is no request; to a state it is one.
    for text in [
        "Chile and Peru dispute the border. The Chilean president's speech appeals to nationalism over the border, Peru said.",
        "Chile and Peru dispute the border. Chile will appeal to international law to defend its claims.",
        "Chile and Peru dispute the border. The Chilean speech appealed to nationalism.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "REQUEST"),
            "{text}: {:?}",
            events(text)
        );
    }
    let text = "Chile and Peru dispute the border. Chile appeals to Peru to withdraw its troops.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn a_denial_naming_no_one_is_not_aimed_at_a_state_named_only_as_an_adjective() {
    // "Chinese guards" name no side that asked: the denial answers the Union's request.
    let text = "The European Union asked to visit the camp, where Chinese guards were seen. The \
                Burmese government has denied access to the camp.";
    assert!(has(text, "MMR", "REJECT", "EU"), "{:?}", events(text));
    assert!(!has(text, "MMR", "REJECT", "CHN"), "{:?}", events(text));
}

#[test]
fn a_denial_answers_a_state_named_as_the_adjective_of_its_agency() {
    // mend44pr: "Chinese border guards", "Chinese state television" are China's agencies: the
    // denial naming no one answers China.
    for text in [
        "Chinese border guards detained two Indian herders. New Delhi denied they had crossed the border.",
        "Chinese state television said the Indian patrol had crossed the border. New Delhi denied the patrol had strayed.",
    ] {
        assert!(
            has(text, "IND", "REJECT", "CHN"),
            "{text}: {:?}",
            events(text)
        );
    }
}
