//! Tests of which PLOVER type and mode a cue is coded as (sanctions, ties, meetings, praise,
//! deployments), on sentences of our own.

use super::tests::{codes, events, has};

#[test]
fn diplomatic_acts_follow_the_conventions() {
    let text = "Chile summoned Peru's ambassador to protest.";
    assert!(has(text, "CHL", "PROTEST", "PER"), "{:?}", events(text));
    let text = "Chile recalled its ambassador from Peru on Monday.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "Chile did not reject the proposal by Peru.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, _, negated)| s == &["CHL"] && t == "REJECT" && *negated),
        "{:?}",
        events(text)
    );
}

#[test]
fn breaking_relations_is_a_sanction() {
    let text = "Chile will break relations with Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
}

#[test]
fn a_phrase_that_is_both_a_cue_and_an_event_codes_the_event() {
    // "stands with" is also a support cue of the stance stage; both readings stand.
    let text = "Chile stands with our Peruvian allies.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
}

#[test]
fn abandoning_ties_is_a_sanction() {
    let text = "Chile will abandon full economic ties with Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    assert!(!has(text, "CHL", "CONCEDE", "PER"), "{:?}", events(text));
    // Cutting ties is coded by the data's row for it, not by the recall of envoys.
    let c = codes(text);
    assert!(
        c.iter().any(|(t, m, _)| t == "SANCTION" && m == "withdraw"),
        "{c:?}"
    );
}

#[test]
fn urge_in_the_present_is_a_request() {
    let text = "Chile and Peru met on Monday. We urge Peru to withdraw its troops.";
    assert!(
        events(text)
            .iter()
            .any(|(_, t, g, _)| t == "REQUEST" && g == &["PER"]),
        "{:?}",
        events(text)
    );
}

#[test]
fn interfering_is_coercion() {
    let text = "Chilean ships interfered with Peru's lawful exercise of its rights.";
    assert!(has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
    // Not the dictionary's intervening (aid): "interfere in" another's affairs coerces.
    let text =
        "Peru's minister said the decision came as Chile continued to interfere in Peru's affairs.";
    assert!(has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
    assert!(!has(text, "CHL", "AID", "PER"), "{:?}", events(text));
    let text = "Bolivia accused Chile of interfering in Peru's elections.";
    assert!(!has(text, "CHL", "AID", "PER"), "{:?}", events(text));
}

#[test]
fn imposing_sanctions_is_a_sanction() {
    let text = "As part of these actions, the government of Chile is imposing a second round of sanctions on Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    assert!(!has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
    // An economic penalty (CAMEO 163), not the recall of envoys (161).
    let c = codes(text);
    assert!(
        c.iter()
            .any(|(t, _, cameo)| t == "SANCTION" && cameo == "163"),
        "{c:?}"
    );
    assert!(!c.iter().any(|(_, _, cameo)| cameo == "161"), "{c:?}");
}

#[test]
fn welcome_in_the_present_is_support() {
    let text = "Chile and Bolivia welcome a resumption of formal diplomatic ties with Peru.";
    for s in ["CHL", "BOL"] {
        assert!(has(text, s, "SUPPORT", "PER"), "{s}: {:?}", events(text));
    }
}

#[test]
fn patrolling_needs_no_target() {
    // Not a parade, though: the dictionary's verb used as a noun.
    let text = "Peru held an anti-Chile parade on Saturday.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "MOBILIZE"),
        "{:?}",
        events(text)
    );
    let text = "The Chilean navy patrols the disputed waters.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, _, _)| s == &["chilean-navy"] && t == "MOBILIZE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn writing_to_someone_is_consulting_them() {
    let text = "Chile has written to the United Nations Security Council.";
    assert!(has(text, "CHL", "CONSULT", "UNSC"), "{:?}", events(text));
}

#[test]
fn withdrawing_an_ambassador_is_a_sanction_not_a_retreat() {
    let text = "Chile withdrew its ambassador from Peru on Monday.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "RETREAT"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_letter_is_a_consultation_and_a_call_is_by_phone() {
    let c = codes("Chile wrote to Peru on Monday.");
    assert!(
        c.iter()
            .any(|(t, m, cameo)| t == "CONSULT" && m.is_empty() && cameo == "040"),
        "{c:?}"
    );
    let c = codes("Chile phoned Peru on Monday.");
    assert!(
        c.iter()
            .any(|(t, m, cameo)| t == "CONSULT" && m == "phone" && cameo == "041"),
        "{c:?}"
    );
}

#[test]
fn a_noun_of_an_act_inside_a_longer_topic_phrase_is_still_an_act() {
    // "historic agreement" is a topic of the data; the noun "agreement" ends it.
    let text = "We welcome the historic agreement between Chile and Peru on fisheries.";
    assert!(has(text, "CHL", "AGREE", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "AGREE", "CHL"), "{:?}", events(text));
}

#[test]
fn parties_announcing_consensus_agree() {
    let text = "The governments of Chile and Peru announced consensus on the maritime boundary.";
    assert!(has(text, "CHL", "AGREE", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "AGREE", "CHL"), "{:?}", events(text));
}

#[test]
fn imposing_tariffs_is_a_sanction_even_where_the_lemma_is_cut() {
    // The lemmatizer reads "imposed" as "impos".
    let text = "The United States imposed tariffs on Chinese goods last year.";
    assert!(has(text, "USA", "SANCTION", "CHN"), "{:?}", events(text));
    assert!(!has(text, "USA", "COERCE", "CHN"), "{:?}", events(text));
    let text = "China raised tariffs on American goods in retaliation.";
    assert!(has(text, "CHN", "SANCTION", "USA"), "{:?}", events(text));
}

#[test]
fn a_light_verb_whose_object_is_an_act_is_not_coded_itself() {
    let text = "Japan and South Korea held talks in Seoul on Wednesday.";
    assert!(has(text, "JPN", "CONSULT", "KOR"), "{:?}", events(text));
    assert!(has(text, "KOR", "CONSULT", "JPN"), "{:?}", events(text));
    // "held" alone is a detention in the dictionary.
    let text = "Iran's foreign minister held a phone call with his French counterpart.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "COERCE"),
        "{:?}",
        events(text)
    );
    // Discussions held are a consultation, not a detention of those they were held with.
    let text = "Chile's envoy held discussions with both Peru and Bolivia on Monday.";
    assert!(!has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
}

#[test]
fn water_cannon_is_coercion_not_assault() {
    let text = "The Chinese coast guard fired water cannon at Philippine vessels near the shoal.";
    let all = events(text);
    assert!(
        all.iter()
            .any(|(_, t, g, _)| t == "COERCE" && g.iter().any(|x| x == "PHL")),
        "{all:?}"
    );
    assert!(!all.iter().any(|(_, t, _, _)| t == "ASSAULT"), "{all:?}");
}

#[test]
fn a_protest_inside_a_longer_cue_phrase_is_still_an_act() {
    // "protest against" is an opposition cue of the stance stage.
    let text = "The Philippines filed a diplomatic protest against China over the incident.";
    assert!(has(text, "PHL", "PROTEST", "CHN"), "{:?}", events(text));
}

#[test]
fn restoring_ties_is_support_whatever_modifies_them() {
    let text = "Egypt restored full, formal diplomatic relations with Qatar on Monday.";
    assert!(has(text, "EGY", "SUPPORT", "QAT"), "{:?}", events(text));
    // The verb alone names no act.
    let text = "Egypt restored the old palace with help from Qatar.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SUPPORT"),
        "{:?}",
        events(text)
    );
}

#[test]
fn ties_the_parser_hangs_on_a_later_clause_are_still_restored() {
    // The parser reads "ties" as the subject of "burned": the verb is left without an object.
    let text = "Chile is about to restore complete, full diplomatic ties with Peru almost five \
                years after Bolivian crowds burned down its embassy, a senior official said on \
                Saturday.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
}

#[test]
fn parties_that_renew_ties_together_support_each_other() {
    let text = "Ethiopia and Eritrea have renewed diplomatic ties after a long break.";
    assert!(has(text, "ETH", "SUPPORT", "ERI"), "{:?}", events(text));
    assert!(has(text, "ERI", "SUPPORT", "ETH"), "{:?}", events(text));
}

#[test]
fn an_attack_in_words_is_criticism_not_force() {
    let text =
        "On Monday the Chilean president launched a scathing attack on Peru over the ruling.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "ASSAULT"),
        "{:?}",
        events(text)
    );
    // An attack without such words is still force.
    let text = "Chile launched an attack on Peru at dawn.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn putting_off_a_meeting_is_a_sanction_but_putting_off_a_vote_is_not() {
    let text = "Japan and China have postponed their summit after the collision.";
    assert!(has(text, "JPN", "SANCTION", "CHN"), "{:?}", events(text));
    assert!(has(text, "CHN", "SANCTION", "JPN"), "{:?}", events(text));
    let text = "Japan and China have postponed their vote after the collision.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn adopting_a_resolution_with_a_state_is_agreeing_with_it() {
    let text = "Chile adopted a joint resolution with Peru on Monday.";
    assert!(has(text, "CHL", "AGREE", "PER"), "{:?}", events(text));
    // Adopted alone, the resolution's own verb is the act, not an agreement with its object.
    let text = "The Security Council adopted a resolution condemning Russia on Monday.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "AGREE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn an_attack_by_someone_is_their_assault_not_a_demonstration() {
    // PETRARCH's "* BY +" pattern of ATTACK is coded 141 (demonstrate); the actor after "by"
    // is the attacker.
    let text = "Ukraine was attacked by Russia on Monday.";
    assert!(has(text, "RUS", "ASSAULT", "UKR"), "{:?}", events(text));
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "PROTEST"),
        "{:?}",
        events(text)
    );
}

#[test]
fn chiding_is_criticism() {
    let text = "Japan chided China over the collision on Monday.";
    assert!(has(text, "JPN", "ACCUSE", "CHN"), "{:?}", events(text));
}

#[test]
fn a_state_that_indicated_it_deplored_someone_accused_them() {
    // "indicated" reports the clause after it, whose "it" is the state that indicated.
    let text = "Ethiopia indicated it deplored Libya on Monday.";
    assert!(has(text, "ETH", "ACCUSE", "LBY"), "{:?}", events(text));
}

#[test]
fn congratulating_a_state_is_praise() {
    let text = "Chile congratulated Peru and Bolivia on their border agreement.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
    assert!(has(text, "CHL", "SUPPORT", "BOL"), "{:?}", events(text));
}

#[test]
fn forces_sent_or_ordered_somewhere_are_a_deployment() {
    let text = "Chile and Bolivia have ordered troops to their borders with Peru.";
    assert!(has(text, "CHL", "MOBILIZE", "PER"), "{:?}", events(text));
    assert!(has(text, "BOL", "MOBILIZE", "PER"), "{:?}", events(text));
    let text = "Chile sent two tank battalions to the border with Peru on Monday.";
    assert!(has(text, "CHL", "MOBILIZE", "PER"), "{:?}", events(text));
    // Only forces: an order or a letter is no deployment.
    for text in [
        "Chile ordered an inquiry into the shooting on the border with Peru.",
        "Chile sent a letter to Peru on Monday.",
    ] {
        let found = events(text);
        assert!(
            !found.iter().any(|(_, t, _, _)| t == "MOBILIZE"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn dispatching_troops_or_a_patrol_is_a_deployment() {
    let text = "Chile dispatched 600 troops to the border with Peru on Monday.";
    assert!(has(text, "CHL", "MOBILIZE", "PER"), "{:?}", events(text));
    // Only forces: a dispatched letter or parcel, or personnel of any kind (doctors, embassy
    // guards), is no deployment.
    for text in [
        "Chile dispatched a letter to Peru on Monday.",
        "Chile dispatched a parcel of documents to Peru.",
        "Chile dispatched medical personnel to Peru to fight the outbreak.",
    ] {
        let found = events(text);
        assert!(
            !found.iter().any(|(_, t, _, _)| t == "MOBILIZE"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn engaging_with_someone_is_contact_not_force() {
    for (text, src, tgt) in [
        (
            "Chile continues to engage intensely with Peru.",
            "CHL",
            "PER",
        ),
        (
            "Brazil has engaged actively with Bolivia on the border dispute.",
            "BRA",
            "BOL",
        ),
    ] {
        let all = events(text);
        assert!(has(text, src, "CONSULT", tgt), "{text}: {all:?}");
        assert!(
            !all.iter().any(|(_, t, _, _)| t == "ASSAULT"),
            "{text}: {all:?}"
        );
    }
    // Engaging forces stays force, with an object or armed people on either side of "with"
    // (militants a demonym describes are a group of their own).
    for (text, target) in [
        (
            "Chilean troops engaged Peruvian soldiers near the border.",
            "PER",
        ),
        (
            "Chilean troops engaged with Peruvian forces near the border.",
            "PER",
        ),
        (
            "Chile engaged with Peruvian militants near the border on Monday.",
            "peruvian-militants",
        ),
    ] {
        assert!(
            has(text, "CHL", "ASSAULT", target),
            "{text}: {:?}",
            events(text)
        );
        assert!(
            !has(text, "CHL", "CONSULT", target),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn freezing_dealings_with_a_state_is_a_sanction() {
    let text = "Chile is freezing all official business with Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "\"We will be imposing a freeze on all bilateral business with Peru,\" the Chilean foreign minister said.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    // Only through what is frozen.
    let text = "Chile froze prices of bread while Peru watched.";
    assert!(!has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "Chile offered a freeze on fishing in talks with Peru.";
    assert!(!has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
}

#[test]
fn releasing_a_statement_is_no_concession() {
    let text = "Chile released a statement on Peru's fishing boats.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "CONCEDE"),
        "{:?}",
        events(text)
    );
    let text = "Chile released a photo of the Peruvian boat.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "CONCEDE"),
        "{:?}",
        events(text)
    );
    let text = "Chile released the Peruvian fishermen on Monday.";
    assert!(has(text, "CHL", "CONCEDE", "PER"), "{:?}", events(text));
}

#[test]
fn engaging_unarmed_people_is_no_force() {
    // A verb of contact whose object is a common noun of no armed people draws them in.
    let text = "\"The Chilean government's attempt to engage third parties, including the Security Council, with this matter is not helpful,\" said a statement released by Peru's embassy.";
    let all = events(text);
    assert!(!all.iter().any(|(_, t, _, _)| t == "ASSAULT"), "{all:?}");
    // Armed people engaged are fought.
    let text = "Chilean troops engaged the rebels near the border with Peru.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn a_released_statement_is_no_concession() {
    // The participle acts on the noun it modifies, which may not be a statement.
    let text = "A statement released by Peru's embassy on Monday criticized Chile.";
    let all = events(text);
    assert!(!all.iter().any(|(_, t, _, _)| t == "CONCEDE"), "{all:?}");
}

#[test]
fn a_sought_act_is_not_done() {
    let text = "Chile is seeking the release of the fishermen from Peru.";
    let all = events(text);
    assert!(!all.iter().any(|(_, t, _, _)| t == "RETREAT"), "{all:?}");
}

#[test]
fn what_a_request_asks_is_not_done() {
    // The verbs a noun of request governs, coordinated ones too, are asked for, not done.
    for text in [
        "Chilean diplomats presented Peruvian officials with a request to detain and extradite former Chilean general Jorge Ramos.",
        "Bolivia rejected Chile's demand to arrest and deport Peruvian fishermen.",
    ] {
        let all = events(text);
        assert!(
            !all.iter().any(|(_, t, _, _)| t == "COERCE"),
            "{text}: {all:?}"
        );
    }
    // The same verbs with a subject are done.
    let text = "Chile detained the general and extradited him to Peru.";
    assert!(
        events(text).iter().any(|(_, t, _, _)| t == "COERCE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn what_an_actor_calls_a_thing_is_that_thing() {
    // A free relative of calling names the object: the freeze is of business, a sanction.
    let text = "Chile has since frozen what it calls all official business with Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
}

// The review of round 3 (each failed on the round's first code).

#[test]
fn another_states_foreign_office_is_its_own() {
    // A bare "Foreign Office" was Britain's; "The German Foreign Office" is Germany's body.
    let found = events("The German Foreign Office summoned the Russian ambassador on Monday.");
    assert!(
        !found
            .iter()
            .any(|(s, _, _, _)| s.iter().any(|x| x.starts_with("UK-"))),
        "{found:?}"
    );
}

#[test]
fn troops_engaging_positions_is_force() {
    // What troops engage is often a common noun; only people drawn into a matter make
    // "engage" no force.
    let text = "On Monday, Pakistani troops engaged Indian positions along the frontier.";
    assert!(has(text, "PAK", "ASSAULT", "IND"), "{:?}", events(text));
}

#[test]
fn talks_pursued_were_held() {
    let text = "Russia pursued negotiations with Ukraine on a prisoner exchange.";
    assert!(has(text, "RUS", "CONSULT", "UKR"), "{:?}", events(text));
}

#[test]
fn ordering_another_states_envoy_to_leave_is_an_expulsion() {
    let text = "Peruvian President Alan Garcia ordered Chilean ambassador Juan Perez to leave.";
    assert!(
        events(text)
            .iter()
            .any(|(_, t, g, _)| t == "SANCTION" && g == &["juan-perez"]),
        "{:?}",
        events(text)
    );
    let text = "Chile responded by ordering Peru's ambassador to leave the country.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    // One's own diplomats ordered out of a city, or an envoy called home: no expulsion.
    for text in [
        "Peru ordered its diplomats to leave Santiago.",
        "Peru ordered its ambassador in Chile to leave for consultations.",
        "Peru ordered Peruvian diplomats to leave the country.",
        // The state's own envoy named with his posting: where he served is no one expelled.
        "The United States ordered the U.S. ambassador to Chile to leave.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn envoys_ordered_out_of_the_orderers_own_capital_are_expelled() {
    let text = "Ghana ordered three Nigerian diplomats to leave Accra.";
    assert!(has(text, "GHA", "SANCTION", "NGA"), "{:?}", events(text));
    // One's own citizens told to leave a capital, or envoys told to leave a third state's
    // capital: no expulsion by the one who says it.
    for text in [
        "Ghana ordered its citizens to leave Accra.",
        "Germany told the Russian diplomats to leave Paris.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn a_building_that_stands_for_the_orderers_government_is_no_capital_left() {
    // Told to leave a building or an office, not the country: no expulsion.
    for text in [
        "Russia ordered the U.S. ambassador to leave the Kremlin.",
        "Britain told the Iranian ambassador to leave Downing Street.",
        "The United States told the Russian ambassador to leave the White House.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
    let text = "Russia ordered the U.S. ambassador to leave Moscow.";
    assert!(has(text, "RUS", "SANCTION", "USA"), "{:?}", events(text));
}

#[test]
fn every_place_an_envoy_is_ordered_out_of_must_be_the_orderers_capital() {
    // "Minsk" is the envoys' own capital: no expulsion from Lithuania's.
    let text = "Lithuania ordered Belarusian diplomats to leave Vilnius and Minsk.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn an_expulsion_from_the_capital_happens_where_the_envoy_leaves_not_where_he_returns() {
    let x = crate::test_support::extractor();
    let text =
        "Headline\n\nGhana ordered the Nigerian ambassador to leave Accra and return to Abuja.";
    let out = x
        .extract(text, &crate::ArticleMeta::default())
        .expect("extracts");
    let expulsion = out
        .events
        .iter()
        .find(|e| e.event_type.as_str() == "SANCTION")
        .expect("an expulsion");
    assert_eq!(
        expulsion.location.as_deref(),
        Some("Accra"),
        "{expulsion:?}"
    );
}

#[test]
fn another_states_envoys_who_must_leave_the_country_are_expelled() {
    let text = "Chile said all Peruvian diplomats must leave the country within 72 hours.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    assert!(!has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
    // One's own envoys leaving a city, or another state obliged to act: no expulsion.
    for text in [
        "Chile said its diplomats must leave Lima.",
        "Chile said Peru must withdraw its troops.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn joining_anothers_appeal_is_the_joiners_request_too() {
    let text = "Chile urged Peru to end the blockade and was joined in its appeal by Bolivia. \
                But Peru rejected those calls.";
    assert!(has(text, "BOL", "REQUEST", "PER"), "{:?}", events(text));
    // The rejection answers both sides that pressed.
    assert!(
        events(text)
            .iter()
            .any(|(s, t, g, _)| s == &["PER"] && t == "REJECT" && g.contains(&"BOL".to_string())),
        "{:?}",
        events(text)
    );
    // Only the act the noun names is joined: a condemnation copies no expulsion.
    let text = "Chile expelled Peru's ambassador and was joined in its condemnation by Bolivia.";
    assert!(!has(text, "BOL", "SANCTION", "PER"), "{:?}", events(text));
    // Joining a body is no act of the body's.
    let text = "Chile urged Peru to end the blockade and Bolivia joined the Andean Community.";
    assert!(!has(text, "BOL", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn a_gerund_after_after_or_by_shares_the_clauses_subject() {
    for text in [
        "Chile responded by ordering Peru's ambassador to leave the country.",
        "Chile closed its consulate in Bolivia one day after ordering Peru's ambassador to leave.",
    ] {
        assert!(
            has(text, "CHL", "SANCTION", "PER"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn a_recall_that_names_no_one_answers_the_other_sides_act() {
    let text = "Peru detained two Chilean officers on Monday. \
                Chile recalled its ambassador in protest.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
}

#[test]
fn a_withdrawal_told_as_done_is_a_retreat_and_a_bare_pull_no_seizure() {
    // "has withdrawn" was missed; "will pull back" was coded by the dictionary's bare "pull" as a
    // seizure of the place left.
    let text = "Chile has withdrawn its troops from Peru.";
    assert!(has(text, "CHL", "RETREAT", "PER"), "{:?}", events(text));
    let text = "Chile will pull back its troops from Peru.";
    assert!(!has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
    // The bare and progressive forms are mostly told of what did not happen (a review found
    // each of these coded as done when they were listed), so they are not cues.
    for text in [
        "Chile's refusal to withdraw its troops angered Peru.",
        "There is no sign Chile is withdrawing its troops from Peru.",
        "Peru doubts Chile will ever pull out of the islands.",
    ] {
        assert!(
            !has(text, "CHL", "RETREAT", "PER"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn dictionary_verbs_read_wrongly_in_unseen_news_code_nothing() {
    // Bare PETRARCH verbs that political weblogs and Wikinews use in other senses: a match
    // played, an understanding, service in a war, a rebuke, arms as a noun.
    for text in [
        "Chile faced Peru at the stadium in Lima.",
        "Chile is beginning to understand Peru.",
        "The senator served in Peru.",
        "The airline was blasted by Chile for smuggling arms to Peru.",
    ] {
        let found = events(text);
        assert!(
            !found.iter().any(
                |(_, t, _, _)| ["CONSULT", "SUPPORT", "COOPERATE", "ASSAULT"].contains(&t.as_str())
            ),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn studying_garnering_and_finding_are_no_acts() {
    // "studied" (090, investigate), "garnered" (150), "found" (060 as "founding") in their
    // everyday senses.
    for text in [
        "The Chilean envoy studied at a university in Peru.",
        "Chile has garnered praise in Peru for its help.",
        "A Chilean court found that Peru had violated the accord.",
    ] {
        let found = events(text);
        assert!(
            !found
                .iter()
                .any(|(_, t, _, _)| ["ACCUSE", "MOBILIZE", "COOPERATE"].contains(&t.as_str())),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_hearing_and_hearing_are_no_consultation() {
    // The dictionary's bare "hear" forms (040): a court's hearing, listening to concerns.
    for text in [
        "The Chilean envoy awaits a hearing on his expulsion from Peru.",
        "Chilean officials said they hear Peru's concerns.",
    ] {
        let found = events(text);
        assert!(
            !found.iter().any(|(_, t, _, _)| t == "CONSULT"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn hearing_from_a_state_is_a_consultation() {
    // "hear" alone is no consultation, "hear from" an envoy is (rev42b).
    let text = "The Security Council will hear from Iran's envoy on Tuesday.";
    let found = events(text);
    assert!(
        found
            .iter()
            .any(|(s, t, g, _)| s == &["UNSC"] && t == "CONSULT" && g == &["IRN"]),
        "{found:?}"
    );
}

#[test]
fn removing_people_is_a_deportation() {
    // The bare "removed" is no deportation; removing migrants or children is (rev42b).
    for (text, source, target) in [
        (
            "The British government removed 15 Albanian migrants to Tirana on Thursday.",
            "GBR",
            "ALB",
        ),
        (
            "Russia forcibly removed Ukrainian children from occupied areas to Russia.",
            "RUS",
            "UKR",
        ),
    ] {
        let found = events(text);
        assert!(
            found
                .iter()
                .any(|(s, t, g, _)| s == &[source] && t == "COERCE" && g == &[target]),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn removing_alone_is_no_deportation() {
    // The dictionary's bare "removed" (174, deport): from a list, or of things.
    for text in [
        "Chile removed Peru from its list of preferred suppliers.",
        "Chile removed the Peruvian flags from the border post.",
    ] {
        let found = events(text);
        assert!(
            !found.iter().any(|(_, t, _, _)| t == "COERCE"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn thinking_approaching_and_exchanging_words_are_no_acts() {
    // "think" and "approach" (040, consult) and "exchanged" (060, cooperate) in their everyday
    // senses: an opinion, a noun of method, a quarrel.
    for text in [
        "\"I think it is time for Peru to step up,\" the Chilean president said.",
        "Chile said a shuttle diplomacy approach by Peru would help.",
        "The presidents of Chile and Peru have exchanged harsh words in recent days.",
    ] {
        let found = events(text);
        assert!(
            !found
                .iter()
                .any(|(_, t, _, _)| ["CONSULT", "COOPERATE"].contains(&t.as_str())),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn submitting_a_report_is_no_concession() {
    let text = "Peru has begun to submit yearly reports to the Chilean ministry of justice.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "CONCEDE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_country_surrounded_by_others_is_not_assaulted() {
    let text = "Bolivia is surrounded by Chile, Peru and Brazil.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "ASSAULT"),
        "{:?}",
        events(text)
    );
}

#[test]
fn taking_someone_to_task_is_no_cooperation() {
    let text = "Lima issued a statement taking Santiago to task for its comments on Bolivia.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "COOPERATE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn what_would_have_been_done_is_not_done() {
    let text = "Bolivia would have blocked the Chilean ships if it could have.";
    assert!(!has(text, "BOL", "COERCE", "CHL"), "{:?}", events(text));
}

#[test]
fn only_a_counterfactual_undoes_a_deed() {
    // "may have", "might have": a deed done whose doer is uncertain; "would have" did not happen.
    let text = "Chile may have struck the Peruvian consulate on Monday.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    // "A ... attack could be": one reported; "Any attack ... could": none in particular.
    let text =
        "A Chilean missile attack on Lima could be the deadliest of the war, officials said.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn an_act_named_under_a_demanded_verb_is_undone_only_if_the_verb_would_do_it() {
    let text = "The world must condemn Chile's invasion of Peru.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn a_threat_to_send_troops_is_aimed_where_they_would_go() {
    let text = "Chile threatened to send troops to Peru.";
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
}

#[test]
fn a_demanded_halt_is_not_done_however_the_verb_is_tagged() {
    for text in [
        "Washington demanded that Moscow halt trade with Iran.",
        "Washington demanded that Moscow suspend talks with Iran.",
    ] {
        assert!(!has(text, "RUS", "SANCTION", "IRN"), "{:?}", events(text));
        assert!(has(text, "USA", "REQUEST", "RUS"), "{:?}", events(text));
    }
}

#[test]
fn no_before_the_object_negates_the_act() {
    let text = "Seoul vowed no retaliation against Tokyo.";
    assert!(
        !events(text)
            .iter()
            .any(|(_, t, _, negated)| t == "THREATEN" && !negated),
        "{:?}",
        events(text)
    );
}

#[test]
fn denouncing_a_treaty_leaves_it_and_submitting_a_document_yields_nothing() {
    let text = "Chile denounced the arms treaty with Peru.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chile submitted a lawsuit against Peru.";
    assert!(!has(text, "CHL", "CONCEDE", "PER"), "{:?}", events(text));
    let text = "Chile submitted to Peru's demands.";
    assert!(has(text, "CHL", "CONCEDE", "PER"), "{:?}", events(text));
}

#[test]
fn working_together_is_cooperation_in_every_form_of_the_verb() {
    for text in [
        "Chile and Peru are working together to clear mines along their border.",
        "Chilean and Peruvian engineers are cooperating to rebuild the bridge.",
    ] {
        let found = events(text);
        assert!(has(text, "CHL", "COOPERATE", "PER"), "{found:?}");
        assert!(has(text, "PER", "COOPERATE", "CHL"), "{found:?}");
    }
}

#[test]
fn being_grateful_to_someone_is_praise_of_them() {
    for text in [
        "Chile is grateful to Peru for its help after the floods.",
        "Chile said it was thankful to Peru and Bolivia for their work on the treaty.",
    ] {
        let found = events(text);
        assert!(has(text, "CHL", "SUPPORT", "PER"), "{found:?}");
    }
    // An infinitive after it thanks no one.
    let text = "Chile said it was grateful to have the chance to meet Peru's foreign minister.";
    assert!(!has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
}

#[test]
fn briefing_another_is_a_consultation() {
    let text = "Peru's foreign minister briefed Chile on the talks.";
    assert!(has(text, "PER", "CONSULT", "CHL"), "{:?}", events(text));
    // A domestic audience: the "on" phrase is the topic, no one consulted.
    let text = "Peru's foreign minister briefed senators on Chile.";
    assert!(!has(text, "PER", "CONSULT", "CHL"), "{:?}", events(text));
    // Briefed with no one named: nothing.
    let text = "The Chilean president was well briefed before the meeting.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "CONSULT"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_recognition_denied_is_a_rejection() {
    for text in [
        "Chile does not recognize the authority of the Organization of American States.",
        "Chile has never recognized Peru's claim to the bay.",
    ] {
        let found = events(text);
        assert!(
            found
                .iter()
                .any(|(s, t, _, n)| s == &["CHL"] && t == "REJECT" && !n),
            "{text}: {found:?}"
        );
        assert!(
            !found.iter().any(|(_, t, _, _)| t == "SUPPORT"),
            "{text}: {found:?}"
        );
    }
    let text = "Chile recognized the new government of Peru on Monday.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
}

#[test]
fn telling_or_ordering_another_party_to_act_is_a_demand() {
    for text in [
        "Chile told Peru to remove its fishing boats from the disputed waters.",
        "Chile's boundary commission has told its Peruvian counterpart to halt all patrols.",
        "Chile ordered Peru to dismantle the new border post.",
    ] {
        assert!(
            has(text, "CHL", "REQUEST", "PER"),
            "{text}: {:?}",
            events(text)
        );
    }
    // Telling someone a thing informs, reporters are no party, and one's own troops ordered
    // somewhere are deployed, asked nothing.
    for text in [
        "Chile told Peru that it would not remove the boats.",
        "Chile told reporters to wait for the ruling on Peru.",
        "Chile ordered its troops to withdraw from the border with Peru.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "REQUEST"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn an_ultimatum_issued_or_a_complaint_lodged_is_aimed_at_its_addressee() {
    let text = "On Monday Chile issued an ultimatum to Peru to remove its border post.";
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
    let text = "Chile gave Peru a stern ultimatum over the fishing boats.";
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
    // The forum it is brought before is not whom it is against.
    let text = "Chile said it will reopen its complaint against Peru at the Organization of American States.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    assert!(!has(text, "CHL", "ACCUSE", "OAS"), "{:?}", events(text));
    let text = "Chile lodged a formal complaint against Peru over the shooting.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    // Only asked for or feared: no ultimatum issued.
    for text in [
        "Chile urged Bolivia to issue an ultimatum to Peru.",
        "Chile fears an ultimatum from Peru.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "THREATEN"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn suspending_a_member_from_a_body_is_a_sanction_of_it() {
    for text in [
        "The African Union said it is suspending Chad from all of the bloc's activities.",
        "The African Union suspended Chad from the organization on Monday.",
    ] {
        assert!(
            has(text, "AU", "SANCTION", "TCD"),
            "{text}: {:?}",
            events(text)
        );
    }
    // Without what the member is suspended from, with the state named only after the
    // object's head, or with a pronoun, no member put out.
    for text in [
        "Chad and Sudan dispute the border. The African Union suspended the vote on Chad.",
        "Chad and Sudan dispute the border. The African Union suspended the vote on Chad from the agenda.",
        "Chad and Sudan dispute the border. The African Union suspended them from the bloc.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn snubbing_another_is_rejecting_it() {
    let text =
        "Chilean President Gabriel Boric snubbed Peruvian Foreign Minister Ana Cecilia Gervasi.";
    let (boric, gervasi) = ("gabriel-boric", "ana-cecilia-gervasi");
    assert!(has(text, boric, "REJECT", gervasi), "{:?}", events(text));
    assert!(!has(text, boric, "ACCUSE", gervasi), "{:?}", events(text));
    let text = "Chile continues to rebuff Peru's approaches over the maritime border.";
    assert!(has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
}

#[test]
fn renewing_a_call_or_a_protest_is_that_act_again() {
    // "renewed" is a cue only through its object (of ties, of a complaint): before another
    // noun of an act it leaves that act to be coded.
    let text = "Peru renewed its call for Chile to lift the fishing ban.";
    assert!(has(text, "PER", "REQUEST", "CHL"), "{:?}", events(text));
    let text = "Peru renewed its protest to Chile over the arrests.";
    assert!(has(text, "PER", "PROTEST", "CHL"), "{:?}", events(text));
}

#[test]
fn a_complaint_or_an_ultimatum_another_owns_is_not_the_carriers_act() {
    // Carried, submitted or handed on for another: the owner's act, not the subject's.
    for text in [
        "Peru submitted Chile's complaint about the arrests to the commission.",
        "Peru submitted the complaints of Chilean fishermen to the commission.",
        "Peru presented an ultimatum from Bolivia to Chile.",
    ] {
        let found = events(text);
        assert!(
            !found
                .iter()
                .any(|(s, t, _, _)| s.iter().any(|x| x == "PER")
                    && (t == "ACCUSE" || t == "THREATEN")),
            "{text}: {found:?}"
        );
    }
    // The subject's own complaint still is.
    let text = "Peru will reopen its complaint against Chile over the arrests.";
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn a_complaint_registered_by_police_is_no_accusation_between_states() {
    let text = "Chilean police registered a complaint against a Peruvian trader.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "ACCUSE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn an_order_to_ones_own_people_or_a_suspended_person_is_no_act_on_another() {
    // One's own nationals ordered out are evacuated, and another's civilians ordered off are
    // people, not their state: no demand of a party.
    for text in [
        "The Peruvian government ordered Peruvian nationals to leave Chile.",
        "The Chilean navy told Peruvian fishermen to leave the bay.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "REQUEST"),
            "{text}: {:?}",
            events(text)
        );
    }
    // An envoy or traders named with a state, suspended from a post: not that state.
    for text in [
        "Chad suspended the Sudanese envoy from his post.",
        "Chad suspended Sudanese traders from the market.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
}

// ev39: known misreadings left from the last session's reviews (each failed on main 97c9622).

#[test]
fn an_envoy_named_by_a_demonym_and_told_to_leave_is_expelled() {
    // The parser tags the demonym as an adjective after "ordered", and makes the envoy an
    // indirect object of "told".
    for text in [
        "Chile ordered the Peruvian ambassador to leave the country.",
        "Chile told the Peruvian ambassador to leave the country.",
    ] {
        assert!(
            has(text, "CHL", "SANCTION", "PER"),
            "{text}: {:?}",
            events(text)
        );
    }
    // One's own envoy told to leave is no one expelled.
    let text = "Chile told the Chilean ambassador to leave the country.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn an_infinitive_parsed_as_an_adverbial_clause_still_makes_a_demand() {
    let text = "Chile tells Peru to back off.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn a_complaint_before_a_forum_is_against_whom_its_against_phrase_names() {
    for text in [
        "Chile filed a complaint with the WTO against Peru.",
        "Chile lodged a complaint with the WTO against Peru.",
    ] {
        assert!(
            has(text, "CHL", "ACCUSE", "PER"),
            "{text}: {:?}",
            events(text)
        );
        assert!(
            !has(text, "CHL", "ACCUSE", "WTO"),
            "{text}: {:?}",
            events(text)
        );
    }
    // An "against" inside what the complaint is about names no one it is against.
    let text = "Chile lodged a complaint with Peru about the campaign against Bolivia.";
    assert!(!has(text, "CHL", "ACCUSE", "BOL"), "{:?}", events(text));
}

#[test]
fn a_complaint_against_a_party_named_on_the_verb_is_not_aimed_at_its_forum() {
    for text in [
        "Ukraine filed a complaint with the International Court of Justice against Russia.",
        "Venezuela filed a complaint with the OAS against Guyana.",
    ] {
        for forum in ["ICJ", "OAS"] {
            assert!(
                !has(text, "UKR", "ACCUSE", forum),
                "{text}: {:?}",
                events(text)
            );
            assert!(
                !has(text, "VEN", "ACCUSE", forum),
                "{text}: {:?}",
                events(text)
            );
        }
    }
    let text = "Ukraine filed a complaint with the International Court of Justice against Russia.";
    assert!(has(text, "UKR", "ACCUSE", "RUS"), "{:?}", events(text));
}

#[test]
fn an_against_phrase_on_a_blocked_proposal_names_its_subject_not_whom_it_rejects() {
    let text = "China blocked the British proposal against Myanmar.";
    assert!(has(text, "CHN", "REJECT", "GBR"), "{:?}", events(text));
    assert!(!has(text, "CHN", "REJECT", "MMR"), "{:?}", events(text));
}

#[test]
fn a_member_suspended_from_a_body_in_the_passive_is_sanctioned_by_the_body() {
    let text = "Chad was suspended from the African Union.";
    assert!(has(text, "AU", "SANCTION", "TCD"), "{:?}", events(text));
    // An envoy suspended from his post is no state put out of a body.
    let text = "The Chadian envoy was suspended from his post.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_purpose_infinitive_beside_what_was_told_makes_no_demand() {
    for text in [
        "Chile told Peru on Friday, to avoid any doubt, that its exercises were routine.",
        "Chile told Peru in a note, in order to ease tensions, that it would not send ships.",
        "Chile told Peru last month so as to keep ties that it regretted the remarks.",
    ] {
        assert!(
            !has(text, "CHL", "REQUEST", "PER"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn an_envoy_told_not_to_leave_is_not_expelled() {
    for text in [
        "Chile told the Peruvian ambassador not to leave the country.",
        "Chile told the Peruvian ambassador to never leave the country.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn a_member_suspended_from_a_body_not_named_whole_is_no_act_of_a_state_inside_the_name() {
    // The Phoenix file names the Economic Community of Central African States whole, so its
    // suspension of Chad is a sanction; the Central African Republic inside the name acts not.
    let text = "Chad was suspended from the Economic Community of Central African States.";
    assert!(
        !events(text)
            .iter()
            .any(|(s, t, _, _)| t == "SANCTION" && s.iter().any(|a| a == "CAF")),
        "{:?}",
        events(text)
    );
}

#[test]
fn handing_over_is_a_concession_to_the_receiver() {
    let text = "Chile handed over two captured Peruvian soldiers to Peru on Monday.";
    assert!(has(text, "CHL", "CONCEDE", "PER"), "{:?}", events(text));
    // A passive: the giver after "by", the receiver after "to".
    let text = "The bodies of two Chilean pilots have been handed over to Chile by Peruvian \
                authorities.";
    assert!(
        events(text)
            .iter()
            .any(|(_, t, g, _)| t == "CONCEDE" && g.iter().any(|x| x == "CHL")),
        "{:?}",
        events(text)
    );
    // Handing over a post at home is no act between states.
    let text = "The Chilean minister handed over his post to a deputy on Monday.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "CONCEDE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_hand_over_that_could_not_be_made_or_a_thing_named_by_it_is_no_concession() {
    // Unable to hand over: nothing was given, and nothing refused.
    for text in [
        "Officials in Lima said Chile could not hand over the remains of the pilot to Peru.",
        "Officials in Lima said Chile cannot hand over the remains of the pilot to Peru.",
        "Officials in Lima said Chile couldn't hand over the remains of the pilot to Peru.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "CONCEDE"),
            "{text}: {:?}",
            events(text)
        );
    }
    // A participle naming what was handed over: the clause reports the tests, not the giving.
    let text = "Peru said tests on the documents handed over by Chile showed they were forged.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "CONCEDE"),
        "{:?}",
        events(text)
    );
    // Refusing is still a negated hand-over, and people handed over are still freed.
    let text = "Chile did not hand over the remains of the pilot to Peru.";
    assert!(
        events(text).iter().any(|(_, t, _, _)| t == "CONCEDE"),
        "{:?}",
        events(text)
    );
}
