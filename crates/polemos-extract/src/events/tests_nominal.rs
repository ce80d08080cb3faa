//! Tests of acts named by a noun, on sentences of our own.

use super::tests::{events, has};

#[test]
fn an_armed_act_named_by_a_noun_has_its_possessor_for_source() {
    let text = "The sanctions answer Chile’s continuing aggression against Peru.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    let text = "The expulsions were a reply to the Chilean attack on Peru last month.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn parties_after_of_hold_a_joint_act_together() {
    let text = "The meeting of the Chilean and Peruvian foreign ministers in Lima ended without a statement.";
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    let text = "The meeting of Chile and Peru in Geneva produced no statement.";
    assert!(has(text, "PER", "CONSULT", "CHL"), "{:?}", events(text));
    // After another act "of" names its object: Chile did not invade with Peru.
    let text = "Bolivia condemned the invasion of Chile and Peru.";
    assert!(!has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn a_deed_a_verb_of_accusing_judges_is_coded_as_the_deed() {
    let text = "Bolivia condemns Chile's aggression against Peru.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    let text = "Bolivia strongly criticized the Chilean attack on Peru on Tuesday.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn a_verb_cue_tagged_a_noun_is_done_by_its_participles_agent() {
    // The parse tags "requests" a noun; the participle's agent made them, of the clause's subject.
    let text =
        "Chile has begun its careful review of a series of requests presented by Peru and Bolivia.";
    assert!(has(text, "PER", "REQUEST", "CHL"), "{:?}", events(text));
    assert!(has(text, "BOL", "REQUEST", "CHL"), "{:?}", events(text));
    let text = "Chile rejected the demands made by Peru on Tuesday.";
    assert!(has(text, "PER", "REQUEST", "CHL"), "{:?}", events(text));
    // Without an agent the noun names no doer: the clause's subject made no request.
    let text = "Chile has begun its careful review of a series of requests.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "REQUEST"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_verb_cue_tagged_a_noun_is_done_by_its_own_by_phrase() {
    // Whoever speaks of the capture did not capture anyone; the "by" phrase did.
    let text =
        "Headline\n\nJapan expressed grave concern at the capture of Japanese fishermen by Russia.";
    assert!(has(text, "RUS", "COERCE", "JPN"), "{:?}", events(text));
    let text =
        "Headline\n\nJapan expressed grave concern at the capture of the fishermen by Russia.";
    assert!(
        !events(text)
            .iter()
            .any(|(s, t, _, _)| t == "COERCE" && s.iter().any(|x| x == "JPN")),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_vowed_retaliation_is_a_threat_at_its_against_phrase() {
    let text = "Lima vowed retaliation against Santiago after the border incident.";
    assert!(has(text, "PER", "THREATEN", "CHL"), "{:?}", events(text));
    let text = "Bolivia promised reprisals against Chile.";
    assert!(has(text, "BOL", "THREATEN", "CHL"), "{:?}", events(text));
    // A retaliation vowed at no one names no target; one done is no threat.
    let text = "Lima vowed retaliation.";
    assert!(events(text).is_empty(), "{:?}", events(text));
}

#[test]
fn an_act_named_in_a_demanded_clause_is_not_done() {
    let text = "Lima insisted that Peru and Chile conduct joint patrols along the coast.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "COOPERATE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn an_act_that_may_happen_is_not_done() {
    let text = "Any Chilean attack on Peru could start a regional war.";
    assert!(!has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    let text = "An attack on Peru by Chile would be a catastrophe for the region.";
    assert!(!has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    // A particular attack that happened may still have consequences.
    let text = "The Chilean attack on Peru could start a regional war.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn tariffs_cut_or_faced_are_no_sanction_of_the_subjects() {
    // "tariffs on" is no cue alone: the clause's subject is as often the one that cuts, lifts
    // or faces them ("tariffs on" in the svo row had coded each of these a sanction).
    for text in [
        "Japan cut tariffs on Australian beef under the new trade deal.",
        "Mexico faces tariffs on its steel exports to the United States.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn sanctions_lifted_or_faced_are_no_sanction_of_the_subjects() {
    // "sanctions on X" is the subject's sanction only when a verb of imposing takes it, or no
    // verb does; lifting or easing it is the easing of sanctions (CAMEO 085).
    for (text, by, on) in [
        (
            "The European Union lifted sanctions on Iran last year.",
            "EU",
            "IRN",
        ),
        (
            "Washington eased the sanctions against Cuba in March.",
            "USA",
            "CUB",
        ),
    ] {
        assert!(has(text, by, "RETREAT", on), "{text}: {:?}", events(text));
        assert!(!has(text, by, "SANCTION", on), "{text}: {:?}", events(text));
    }
    // Another verb's object is no act of its subject's.
    for text in [
        "India ignored the sanctions on Russia.",
        "Belarus has evaded sanctions on Venezuela for years.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
    for text in [
        "Canada imposed new sanctions on Russia on Monday.",
        "Britain slapped sanctions on Belarus after the vote.",
        "The European Union extended its sanctions against Russia for six months.",
        "The U.S. sanctions on Russia have hurt its economy.",
    ] {
        assert!(
            events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn a_detention_of_someone_is_done_by_its_owner() {
    let text = "Fishermen marched in Lima to protest Chile's detention of two Peruvian sailors.";
    assert!(has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
    // Without "of" the owner is the one detained.
    let text = "Peru called the captain's detention unlawful. Chile said his detention was legal.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "COERCE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn sanctions_announced_are_the_announcers() {
    // "announced" is a verb of saying too, where the token rules stop looking for a subject.
    for (text, source, target) in [
        (
            "The European Union announced fresh sanctions against Russia.",
            "EU",
            "RUS",
        ),
        (
            "Japan announced new sanctions on North Korea on Tuesday.",
            "JPN",
            "PRK",
        ),
    ] {
        assert!(
            has(text, source, "SANCTION", target),
            "{text}: {:?}",
            events(text)
        );
    }
    // Sanctions only spoken of, or not announced, are none.
    for text in [
        "Japan announced that sanctions against North Korea would stay in place.",
        "Japan has not announced new sanctions against North Korea.",
    ] {
        assert!(
            !events(text)
                .iter()
                .any(|(s, t, _, neg)| s == &["JPN"] && t == "SANCTION" && !neg),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn sanctions_kept_or_joined_are_the_subjects() {
    for text in [
        "The European Union will maintain sanctions on Russia until the war ends.",
        "The European Union kept sanctions on Russia in place.",
        "The European Union joined the sanctions on Russia.",
    ] {
        assert!(
            has(text, "EU", "SANCTION", "RUS"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn exchanges_are_coded_through_what_is_exchanged() {
    let text = "Russia exchanged 90 prisoners with Ukraine.";
    assert!(has(text, "RUS", "COOPERATE", "UKR"), "{:?}", events(text));
    let text = "Armenia and Azerbaijan exchanged views on the peace treaty.";
    assert!(has(text, "ARM", "CONSULT", "AZE"), "{:?}", events(text));
    let text = "The United States approached China about a possible summit.";
    assert!(has(text, "USA", "CONSULT", "CHN"), "{:?}", events(text));
    // Words exchanged are a quarrel, no cooperation.
    let text = "Armenia and Azerbaijan exchanged harsh words on Monday.";
    assert!(!has(text, "ARM", "COOPERATE", "AZE"), "{:?}", events(text));
}

#[test]
fn an_act_a_noun_names_under_an_offer_or_a_request_has_not_happened() {
    // The offer or the request is the act; the meeting it would allow is not held.
    for text in [
        "Chile offered to permit a meeting between Peru and Bolivia if the rebels disarmed.",
        "Brazil urged Chile to allow a meeting between Peru and Bolivia.",
    ] {
        let found = events(text);
        assert!(!has(text, "PER", "CONSULT", "BOL"), "{text}: {found:?}");
        assert!(!has(text, "BOL", "CONSULT", "PER"), "{text}: {found:?}");
    }
    // A meeting told as held is coded.
    let text = "A meeting between Peru and Bolivia took place in Lima on Monday.";
    assert!(has(text, "PER", "CONSULT", "BOL"), "{:?}", events(text));
}

#[test]
fn a_noun_of_any_such_act_names_none_done() {
    for text in [
        "Brazil promised Peru protection from any Chilean attack.",
        "Peru said it would answer any Chilean invasion with force.",
    ] {
        let found = events(text);
        assert!(
            !found
                .iter()
                .any(|(s, t, _, _)| s == &["CHL"] && t == "ASSAULT"),
            "{text}: {found:?}"
        );
    }
    // A determined act is one done.
    let text = "Peru condemned the Chilean attack on its border post.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, _, _)| s == &["CHL"] && t == "ASSAULT"),
        "{:?}",
        events(text)
    );
}

#[test]
fn an_act_a_purpose_or_a_request_answers_has_happened() {
    // An infinitive that answers a done act (a purpose, a request to judge it) offers no act:
    // the invasion or the attack it names was made.
    for text in [
        "Ecuador mobilized troops to resist the Peruvian invasion of Ecuador.",
        "Argentina urged Brazil to condemn the Peruvian attack on Quito.",
    ] {
        let found = events(text);
        assert!(has(text, "PER", "ASSAULT", "ECU"), "{text}: {found:?}");
    }
    // A request to hold a meeting names none held.
    let text = "Argentina urged Brazil to hold a meeting between Ecuador and Colombia.";
    assert!(!has(text, "ECU", "CONSULT", "COL"), "{:?}", events(text));
}

#[test]
fn an_act_feared_warned_of_or_prepared_for_has_not_happened() {
    let assault = |text: &str| {
        events(text)
            .iter()
            .any(|(s, t, _, _)| t == "ASSAULT" && s.iter().any(|x| x == "CHN"))
    };
    let text = "Vietnam fears a Chinese invasion of its islands.";
    assert!(!assault(text), "{:?}", events(text));
    let text = "Hanoi has warned of a Chinese attack on Vietnam.";
    assert!(!assault(text), "{:?}", events(text));
    let text = "Vietnam is bracing for a Chinese attack on its islands.";
    assert!(!assault(text), "{:?}", events(text));
    // An attack told as done is still one.
    let text = "A Chinese attack on Vietnam killed two fishermen.";
    assert!(has(text, "CHN", "ASSAULT", "VNM"), "{:?}", events(text));
}

#[test]
fn a_meeting_refused_is_one_sides() {
    // A meeting held is mutual; one refused is the refusing side's only.
    let text = "Chile met with Peru in Lima on Tuesday.";
    assert!(has(text, "PER", "CONSULT", "CHL"), "{:?}", events(text));
    let text = "Chile refused to meet with Peru on Monday.";
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    assert!(!has(text, "PER", "CONSULT", "CHL"), "{:?}", events(text));
}

#[test]
fn a_shootdown_named_by_its_noun_is_an_assault_of_the_possessor() {
    let text = "The Indian shootdown of a Pakistani drone angered Islamabad.";
    assert!(has(text, "IND", "ASSAULT", "PAK"), "{:?}", events(text));
    // Any such act is none done.
    let text = "Any shootdown of a Pakistani drone would be answered.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "ASSAULT"),
        "{:?}",
        events(text)
    );
}

#[test]
fn tariffs_named_by_their_noun_are_a_sanction_on_the_on_phrase() {
    let text = "U.S. tariffs on Chinese steel took effect on Monday.";
    assert!(has(text, "USA", "SANCTION", "CHN"), "{:?}", events(text));
    // Any tariffs, and tariffs of no one on no one, are none imposed.
    for text in [
        "Any tariffs on Chinese goods would hurt American farmers.",
        "Tariffs on steel hurt farmers in Ohio.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn a_refusal_by_an_agent_is_the_agents_rejection() {
    let text = "The refusal by Argentina to extradite the suspect to Chile was criticized.";
    assert!(has(text, "ARG", "REJECT", "CHL"), "{:?}", events(text));
}

#[test]
fn a_discussion_held_is_a_consultation_between_its_holders() {
    let text = "Chile and Peru had a long discussion on Monday.";
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "CONSULT", "CHL"), "{:?}", events(text));
}

#[test]
fn an_act_a_noun_of_need_wants_performed_is_not_done() {
    // "the need for X to hold a meeting": the meeting is only needed.
    let text = "Bolivia and Paraguay dispute their border. He underscored the need for the two countries to hold a meeting on the border.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "CONSULT"),
        "{:?}",
        events(text)
    );
    // A meeting held is still one.
    let text = "Bolivia and Paraguay dispute their border. The two countries held a meeting on the border.";
    assert!(has(text, "BOL", "CONSULT", "PRY"), "{:?}", events(text));
}

#[test]
fn a_refusal_is_aimed_at_whom_its_infinitive_names_not_at_the_reporter() {
    // Japan only reports the refusal; the writer is Australian.
    let text =
        "Japanese media reported the refusal by China to release the detained Australian writer.";
    assert!(!has(text, "CHN", "REJECT", "JPN"), "{:?}", events(text));
    assert!(
        events(text)
            .iter()
            .any(|(s, t, _, _)| t == "REJECT" && s == &["CHN"]),
        "{:?}",
        events(text)
    );
    let text = "France regretted the refusal by Iran to let inspectors from the International Atomic Energy Agency visit the site.";
    assert!(!has(text, "IRN", "REJECT", "FRA"), "{:?}", events(text));
}

#[test]
fn tariffs_ended_or_only_threatened_are_none_imposed() {
    for text in [
        "Canada welcomed the end of U.S. tariffs on Canadian steel and aluminum.",
        "The threat of U.S. tariffs on Mexico receded after the agreement, Mexican officials said.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
}
