//! Stances read from the parse: holders through subjects, agents, control and reported
//! pronouns; negation by the verb that governs the cue; accusations as opposition; issues that
//! are noun phrases.

use super::tests::{has, stances};

#[test]
fn both_sides_are_the_two_just_named() {
    let s = stances(
        "Japan and Russia met again over the Kuril Islands. Both sides agreed to hold talks in December.",
    );
    assert!(has(&s, "JPN", "negotiations", "support"), "{s:?}");
    assert!(has(&s, "RUS", "negotiations", "support"), "{s:?}");
}

#[test]
fn a_they_after_a_pair_is_the_pair() {
    // The pair the events stage reads for "they" holds the stance too.
    let s = stances(
        "Japan and Russia sent envoys to Moscow over the Kuril Islands. They support talks on a peace treaty.",
    );
    assert!(has(&s, "JPN", "negotiations", "support"), "{s:?}");
    assert!(has(&s, "RUS", "negotiations", "support"), "{s:?}");
    // A "they" after a group of three is no pair: nobody of the three holds it alone.
    let s = stances(
        "Japan, Russia and China sent envoys to Moscow over the Kuril Islands. They support talks on a peace treaty.",
    );
    assert!(!has(&s, "JPN", "negotiations", "support"), "{s:?}");
}

#[test]
fn a_reported_they_is_the_subject_that_reports_it() {
    let s = stances(
        "In talks with both Prime Minister Shinzo Abe and President Vladimir Putin, both leaders told me that they are ready for a peace treaty on the Kuril Islands.",
    );
    assert!(has(&s, "JPN", "peace-treaty", "support"), "{s:?}");
    assert!(has(&s, "RUS", "peace-treaty", "support"), "{s:?}");
}

#[test]
fn an_agency_speaks_for_the_state_its_modifier_names() {
    let s = stances("The Japanese foreign ministry protested the landing on the Senkaku Islands.");
    assert!(has(&s, "JPN", "landing", "oppose"), "{s:?}");
    let s = stances(
        "The governments of Japan and Russia welcomed the joint economic activities on the Kuril Islands.",
    );
    assert!(
        has(&s, "JPN", "joint-economic-activities", "support"),
        "{s:?}"
    );
    assert!(
        has(&s, "RUS", "joint-economic-activities", "support"),
        "{s:?}"
    );
}

#[test]
fn a_purpose_clause_shares_its_verbs_subject() {
    let s = stances("Pakistan held rallies on Tuesday to denounce Indian control of Kashmir.");
    // Another state's control of the territory is the canonical sovereignty issue.
    assert!(has(&s, "PAK", "sovereignty", "oppose"), "{s:?}");
}

#[test]
fn it_after_a_sentence_about_a_thing_is_the_thing() {
    let s = stances(
        "Spain met Morocco on Sunday. The resolution on Western Sahara was adopted on Monday. It calls for direct talks.",
    );
    assert!(
        !s.iter().any(|(h, i, _)| i == "negotiations" && h == "ESP"),
        "{s:?}"
    );
    assert!(
        !s.iter().any(|(h, i, _)| i == "negotiations" && h == "MAR"),
        "{s:?}"
    );
}

#[test]
fn we_in_a_continued_quote_is_the_speakers_state() {
    let s = stances(
        "\"Talks must go on,\" Russian Foreign Minister Sergei Lavrov said. \"And we oppose the deployment of missiles near the Kuril Islands.\"",
    );
    assert!(
        s.iter().any(|(h, _, l)| h == "RUS" && l == "oppose"),
        "{s:?}"
    );
    assert!(!s.iter().any(|(h, _, _)| h == "JPN"), "{s:?}");
}

#[test]
fn a_verb_of_stopping_or_denial_negates_the_stance_it_governs() {
    let s = stances("Russia stopped supporting joint economic activities on the Kuril Islands.");
    assert!(
        has(&s, "RUS", "joint-economic-activities", "oppose"),
        "{s:?}"
    );
    assert!(
        !has(&s, "RUS", "joint-economic-activities", "support"),
        "{s:?}"
    );
}

#[test]
fn an_accusation_opposes_the_act_of_which_the_target_is_accused() {
    let s = stances("Beijing accused Manila of provoking tensions in the South China Sea.");
    assert!(has(&s, "CHN", "provoking-tensions", "oppose"), "{s:?}");
    assert!(!s.iter().any(|(_, _, l)| l == "support"), "{s:?}");
    assert!(!s.iter().any(|(h, _, _)| h == "PHL"), "{s:?}");
}

#[test]
fn imposing_costs_supports_sanctions_with_partners() {
    let s = stances(
        "The United States, in concert with the United Kingdom, is imposing additional costs on Russia over Crimea.",
    );
    assert!(has(&s, "USA", "sanctions", "support"), "{s:?}");
    assert!(has(&s, "GBR", "sanctions", "support"), "{s:?}");
}

#[test]
fn a_verb_phrase_is_not_an_issue() {
    let s = stances(
        "Japan encourages all parties on the Kuril Islands to continue working with transparency.",
    );
    assert!(!s.iter().any(|(_, i, _)| i.starts_with("working")), "{s:?}");
    // An act named inside the phrase does not cut it short.
    let s = stances(
        "Russia said it will not support any armed insurgency against Japan on the Kuril Islands.",
    );
    assert!(has(&s, "RUS", "armed-insurgency", "oppose"), "{s:?}");
}

#[test]
fn a_thing_as_subject_holds_no_stance() {
    // The subject is the plan, not Japan: no state takes the stance.
    let s = stances(
        "Japan met Russia on Monday. The new plan supports joint economic activities on the Kuril Islands.",
    );
    assert!(
        !s.iter().any(|(_, i, _)| i == "joint-economic-activities"),
        "{s:?}"
    );
}

#[test]
fn verbs_of_furthering_name_only_known_topics() {
    let s = stances("Japan will continue to promote trade with Russia near the Kuril Islands.");
    assert!(!s.iter().any(|(_, i, _)| i == "trade"), "{s:?}");
    // A known topic after them is still a stance.
    let s =
        stances("Japan will continue to promote joint economic activities on the Kuril Islands.");
    assert!(
        has(&s, "JPN", "joint-economic-activities", "support"),
        "{s:?}"
    );
}

#[test]
fn a_denial_that_the_territory_belongs_to_another_opposes_that_claim() {
    let s = stances(
        "Crimea has never been and will never be part of Russia, Ukrainian Foreign Minister Dmytro Kuleba said.",
    );
    assert!(has(&s, "UKR", "sovereignty", "oppose"), "{s:?}");
    // The cue's own "never" does not negate it a second time.
    assert!(!has(&s, "UKR", "sovereignty", "support"), "{s:?}");
    let s = stances("Japan will never accept the Russian military presence on the Kuril Islands.");
    assert!(has(&s, "JPN", "military-presence", "oppose"), "{s:?}");
}

#[test]
fn taking_no_position_is_neutral_and_we_is_the_voice_of_the_text() {
    let s = stances(
        "The United States welcomes the talks between Argentina and the United Kingdom on the Falkland Islands. We take no position regarding sovereignty over the Falkland Islands.",
    );
    assert!(has(&s, "USA", "sovereignty", "neutral"), "{s:?}");
    assert!(
        !s.iter().any(|(h, i, _)| h != "USA" && i == "sovereignty"),
        "{s:?}"
    );
}

#[test]
fn the_administration_is_the_government_the_text_speaks_for() {
    let s = stances(
        "The United States welcomes the agreement on the Chagos Archipelago. The Administration has strongly supported negotiations between the two countries.",
    );
    assert!(has(&s, "USA", "negotiations", "support"), "{s:?}");
}

#[test]
fn a_disputed_place_part_of_a_state_is_a_claim_of_whoever_states_it() {
    let s = stances(
        "The United States recognizes that the Golan Heights are part of the State of Israel.",
    );
    assert!(has(&s, "USA", "sovereignty", "support"), "{s:?}");
    // Being part of an effort is no claim.
    let s = stances("Japan said the talks on the Kuril Islands are part of a broader effort.");
    assert!(!s.iter().any(|(_, i, _)| i == "sovereignty"), "{s:?}");
}

#[test]
fn the_act_of_another_named_with_its_owner_is_the_issue() {
    // The owner is skipped and the disputed place is not repeated in the issue's name.
    let s = stances("The United States condemns Russia\u{2019}s occupation of Crimea.");
    assert!(has(&s, "USA", "occupation", "oppose"), "{s:?}");
    assert!(!s.iter().any(|(h, _, _)| h == "RUS"), "{s:?}");
}

#[test]
fn rejecting_a_judgment_or_boycotting_opposes_it() {
    let s = stances(
        "Japan rejected the court\u{2019}s judgment on the Kuril Islands and boycotted the hearings.",
    );
    assert!(has(&s, "JPN", "icj-ruling", "oppose"), "{s:?}");
    assert!(has(&s, "JPN", "hearings", "oppose"), "{s:?}");
}

#[test]
fn a_reported_it_is_the_state_that_says_it() {
    // "it" is Japan, the subject that reports the clause, although the sentence before is
    // about a thing.
    let s = stances(
        "The Kuril Islands remain disputed. Japan said it supports the peace treaty, while Russia said it opposes the return of the islands.",
    );
    assert!(has(&s, "JPN", "peace-treaty", "support"), "{s:?}");
    assert!(has(&s, "RUS", "sovereignty", "oppose"), "{s:?}");
}

#[test]
fn asking_for_a_thing_supports_it() {
    let s = stances("Japan has asked to have U.N. peacekeepers sent to the Kuril Islands.");
    assert!(has(&s, "JPN", "military-presence", "support"), "{s:?}");
}

#[test]
fn a_demonyms_territory_is_its_states_claim() {
    let s = stances("Russia's foreign ministry said the Kuril Islands are Russian territory.");
    assert!(has(&s, "RUS", "sovereignty", "support"), "{s:?}");
    // Reported by another state, the claim is still the demonym's state's, not the reporter's.
    let s = stances("Japan said Moscow insists the Kuril Islands are Russian territory.");
    assert!(has(&s, "RUS", "sovereignty", "support"), "{s:?}");
    assert!(!has(&s, "JPN", "sovereignty", "support"), "{s:?}");
    // Denied, or named as a place one enters, it is no claim.
    let s = stances("Japan says the Kuril Islands are not Russian territory.");
    assert!(!has(&s, "RUS", "sovereignty", "support"), "{s:?}");
    let s = stances("A Japanese boat entered Russian territory near the Kuril Islands.");
    assert!(!has(&s, "RUS", "sovereignty", "support"), "{s:?}");
}

#[test]
fn a_protest_to_an_actor_is_about_what_follows_its_over() {
    let s = stances("China protested to Japan over the landing on the Senkaku Islands.");
    assert!(has(&s, "CHN", "landing", "oppose"), "{s:?}");
    // No "over": the actor protested to is no issue.
    let s = stances("China protested to Japan on the Senkaku Islands.");
    assert!(!s.iter().any(|(h, _, _)| h == "CHN"), "{s:?}");
}

#[test]
fn a_thing_called_bad_is_opposed_even_when_not_a_known_topic() {
    let s = stances("Japan called the landing on the Kuril Islands regrettable.");
    assert!(has(&s, "JPN", "landing", "oppose"), "{s:?}");
    let s = stances("Japan described the landing on the Kuril Islands as deplorable.");
    assert!(has(&s, "JPN", "landing", "oppose"), "{s:?}");
}

#[test]
fn a_passive_claim_is_held_by_its_agents() {
    // The claimed place stands before the participle: its subject, or the noun it modifies.
    let s = stances("The Hala'ib Triangle is claimed by both Egypt and Sudan.");
    assert!(has(&s, "EGY", "sovereignty", "support"), "{s:?}");
    assert!(has(&s, "SDN", "sovereignty", "support"), "{s:?}");
    let s = stances(
        "Tension rose over Abyei, an oil-rich border region claimed by Sudan and South Sudan.",
    );
    assert!(has(&s, "SDN", "sovereignty", "support"), "{s:?}");
    assert!(has(&s, "SSD", "sovereignty", "support"), "{s:?}");
    // A passive claim of something that is not a place claims no territory.
    let s = stances("Near Abyei, a victory was claimed by Sudan after the clashes.");
    assert!(!has(&s, "SDN", "sovereignty", "support"), "{s:?}");
}

#[test]
fn an_obligation_reported_is_the_reporters_demand_and_its_precondition() {
    let s = stances(
        "Over the Taiwan Strait, Japan and the Philippines have said that China must halt its military drills before talks can resume.",
    );
    // The reporters oppose what they demand be halted; the one obliged holds nothing here.
    assert!(has(&s, "JPN", "military-exercises", "oppose"), "{s:?}");
    assert!(has(&s, "PHL", "military-exercises", "oppose"), "{s:?}");
    assert!(
        !s.iter()
            .any(|(h, i, _)| h == "CHN" && i == "military-exercises"),
        "{s:?}"
    );
    // The resumption they want is conditional on the obligation.
    assert!(has(&s, "JPN", "negotiations", "conditional"), "{s:?}");
    // Without a modal of obligation the subject's own act stays its own.
    let s = stances("Over the Taiwan Strait, Japan said that China will halt its military drills.");
    assert!(
        !s.iter()
            .any(|(h, i, _)| h == "JPN" && i == "military-exercises"),
        "{s:?}"
    );
}

#[test]
fn a_rejection_verb_phrase_opposes_the_topic_it_takes() {
    // "rebuffed" is read as a rejection event whose words cover any stance cue.
    let s = stances("Tension in Kashmir. Pakistan rebuffed the military exercises.");
    assert!(has(&s, "PAK", "military-exercises", "oppose"), "{s:?}");
    // Rejecting people names no issue.
    let s = stances("Tension in Kashmir. Pakistan rebuffed the Indian officials.");
    assert!(!s.iter().any(|(h, _, _)| h == "PAK"), "{s:?}");
}

#[test]
fn refusing_to_sign_until_a_condition_is_conditional() {
    let s = stances(
        "Dispute over the Kuril Islands. Japan says it will not sign a peace treaty until the islands are returned.",
    );
    assert!(has(&s, "JPN", "peace-treaty", "conditional"), "{s:?}");
    let s = stances("Dispute over the Kuril Islands. Japan will not sign a peace treaty.");
    assert!(has(&s, "JPN", "peace-treaty", "oppose"), "{s:?}");
}

/// "conditional" says a condition is attached; the position says for or against
/// (`StanceLabel::Conditional`), as consolidation reads it.
#[test]
fn a_conditional_stance_takes_its_direction_from_the_position() {
    let x = crate::test_support::extractor();
    let treaty = |text: &str| {
        x.analyze(text, None)
            .stances
            .iter()
            .find(|s| s.actor == "actors/JPN" && s.issue.ends_with("/peace-treaty"))
            .map(|s| (s.label, s.position))
    };
    let against = treaty(
        "Dispute over the Kuril Islands. Japan says it will not sign a peace treaty until the islands are returned.",
    );
    assert!(
        matches!(against, Some((polemos_core::StanceLabel::Conditional, p)) if p < 50.0),
        "{against:?}"
    );
    let text = "Dispute over the Kuril Islands. Japan says it will sign a peace treaty only after the islands are returned.";
    let (label, position) = treaty(text).expect("a stance on the treaty");
    assert_eq!(label, polemos_core::StanceLabel::Conditional);
    assert!(position > 50.0, "{position}");
}

#[test]
fn a_formal_protest_opposes_what_it_is_over() {
    // "lodged a protest" is a protest event whose words cover the cue "protest".
    let s = stances(
        "Dispute over the Kuril Islands. Japan lodged a protest with Russia over the visit.",
    );
    assert!(has(&s, "JPN", "visit", "oppose"), "{s:?}");
    // The one protested to holds nothing.
    assert!(!s.iter().any(|(h, _, _)| h == "RUS"), "{s:?}");
}

#[test]
fn a_judgement_said_of_a_subject_opposes_the_subject() {
    let s = stances("Dispute over the Kuril Islands. Japan said the visit was deeply regrettable.");
    assert!(has(&s, "JPN", "visit", "oppose"), "{s:?}");
    // A vague subject is no issue.
    let s = stances("Dispute over the Kuril Islands. Japan said the situation was unacceptable.");
    assert!(!s.iter().any(|(h, _, _)| h == "JPN"), "{s:?}");
}

#[test]
fn a_judged_subject_is_not_a_thing_asked_for_before_it() {
    // What the speaker asks for before the judgement keeps its support; the judgement is of
    // its own subject.
    let s = stances(
        "Dispute over the Kuril Islands. Japan called for the release of the crew, saying Russia's seizure was illegal.",
    );
    assert!(has(&s, "JPN", "release", "support"), "{s:?}");
    assert!(has(&s, "JPN", "seizure", "oppose"), "{s:?}");
    assert!(
        !s.iter().any(|(h, _, l)| h == "JPN" && l == "ambiguous"),
        "{s:?}"
    );
    // A pronoun subject still refers to what was named before it.
    let s = stances(
        "Dispute over the Kuril Islands. Russia deployed missiles on the islands, and Japan said it was illegal.",
    );
    assert!(
        !s.iter().any(|(h, _, l)| h == "JPN" && l == "support"),
        "{s:?}"
    );
}

#[test]
fn asking_for_a_things_removal_opposes_the_thing() {
    let d = "Fighting over the Abyei region between Sudan and South Sudan.";
    let s = stances(&format!(
        "{d} The African Union demanded that South Sudan withdraw its troops from Abyei."
    ));
    assert!(has(&s, "AU", "military-presence", "oppose"), "{s:?}");
    assert!(!has(&s, "AU", "military-presence", "support"), "{s:?}");
    let s = stances(&format!("{d} Sudan welcomed the withdrawal of troops."));
    assert!(has(&s, "SDN", "military-presence", "oppose"), "{s:?}");
    let s = stances(
        "Iran and the United States remain locked in a dispute over Iran's nuclear program. The United States wants Iran to curb its nuclear program.",
    );
    assert!(has(&s, "USA", "nuclear-program", "oppose"), "{s:?}");
    // Without a word of removal the stance keeps its polarity.
    let s = stances(&format!("{d} Sudan welcomed the deployment of troops."));
    assert!(has(&s, "SDN", "military-presence", "support"), "{s:?}");
}

#[test]
fn who_answers_a_proposal_did_not_make_it() {
    let d = "Dispute over the Kuril Islands.";
    let s = stances(&format!(
        "{d} Russia turned down the proposal for a peace treaty."
    ));
    assert!(!has(&s, "RUS", "peace-treaty", "support"), "{s:?}");
    let s = stances(&format!("{d} Japan made a proposal for a peace treaty."));
    assert!(has(&s, "JPN", "peace-treaty", "support"), "{s:?}");
}

#[test]
fn refusing_to_give_a_thing_up_holds_it() {
    let d = "Dispute over the Kuril Islands.";
    // A negated verb of giving up supports its object.
    let s = stances(&format!(
        "{d} Russia said it will not give up its military bases on the islands."
    ));
    assert!(has(&s, "RUS", "military-presence", "support"), "{s:?}");
    assert!(!has(&s, "RUS", "military-presence", "oppose"), "{s:?}");
    // Refusing to renounce a claim holds the claim.
    let s = stances(&format!(
        "{d} Japan refuses to renounce its goal of sovereignty over the islands."
    ));
    assert!(has(&s, "JPN", "sovereignty", "support"), "{s:?}");
    assert!(!has(&s, "JPN", "sovereignty", "oppose"), "{s:?}");
    // Giving a thing up, not refused, opposes it.
    let s = stances(&format!(
        "{d} Russia gave up its military bases on the islands."
    ));
    assert!(has(&s, "RUS", "military-presence", "oppose"), "{s:?}");
}

#[test]
fn an_intent_names_its_act_and_the_act_its_object() {
    let d = "Dispute over the Kuril Islands.";
    let s = stances(&format!(
        "{d} Japan condemned the Russian government's intention to build an airport on the islands."
    ));
    assert!(has(&s, "JPN", "airport", "oppose"), "{s:?}");
    // The owner is no issue.
    assert!(
        !s.iter().any(|(_, i, _)| i.ends_with("russian-government")),
        "{s:?}"
    );
}

#[test]
fn condemning_a_refusal_asks_for_what_is_refused() {
    let d = "Dispute over the Kuril Islands.";
    let s = stances(&format!(
        "{d} Japan condemned Russia's refusal to hold talks on the islands."
    ));
    assert!(has(&s, "JPN", "negotiations", "support"), "{s:?}");
    assert!(!has(&s, "JPN", "negotiations", "oppose"), "{s:?}");
    // A refusal of a removal keeps what is not removed: its critic opposes it.
    let s = stances(&format!(
        "{d} Japan criticized Russia's refusal to withdraw its troops from the islands."
    ));
    assert!(has(&s, "JPN", "military-presence", "oppose"), "{s:?}");
    assert!(!has(&s, "JPN", "military-presence", "support"), "{s:?}");
    // A refused act's object is no issue the critic opposes.
    let s = stances(&format!(
        "{d} Japan condemned the Russian government's refusal to open a consulate on the islands."
    ));
    assert!(!has(&s, "JPN", "consulate", "oppose"), "{s:?}");
}

#[test]
fn an_owner_named_by_several_mentions_is_skipped() {
    let s = stances(
        "Japan and South Korea dispute the Liancourt Rocks. Japan has recalled its ambassador to South Korea to protest South Korean President Lee Myung-Bak's visit to the islands.",
    );
    assert!(has(&s, "JPN", "visit-to-the-islands", "oppose"), "{s:?}");
}

#[test]
fn once_again_repeats_a_stance_and_sets_no_condition() {
    let s =
        stances("Once again, Japan urged Russia to withdraw its forces from the Kuril Islands.");
    // Withdrawing a state's forces is the reverse of its military presence.
    assert!(has(&s, "JPN", "military-presence", "oppose"), "{s:?}");
    assert!(!s.iter().any(|(_, _, l)| l == "conditional"), "{s:?}");
    // A subordinating "once" still sets one.
    let s = stances(
        "Japan will back a peace treaty on the Kuril Islands once Russia returns the islands.",
    );
    assert!(has(&s, "JPN", "peace-treaty", "conditional"), "{s:?}");
}

#[test]
fn a_demonym_heading_the_subject_names_its_people() {
    // The people named by a demonym hold what their clause's purpose states.
    let s = stances(
        "Guyanese voted in a referendum to reject the court's ruling on the Essequibo region.",
    );
    assert!(has(&s, "GUY", "icj-ruling", "oppose"), "{s:?}");
    // A demonym that only modifies the subject names no holder.
    let s = stances(
        "Guyanese fishermen voted in a referendum to reject the court's ruling on the Essequibo region.",
    );
    assert!(!s.iter().any(|(h, ..)| h == "GUY"), "{s:?}");
}

#[test]
fn recognizing_a_breakaway_place_is_a_stance_on_its_recognition() {
    let s = stances(
        "Armenia intends to formally recognize the breakaway region of Nagorno-Karabakh as an independent state.",
    );
    assert!(has(&s, "ARM", "recognition", "support"), "{s:?}");
    // Condemning another's decision to recognize it opposes the recognition, and the one who
    // condemns does not take the recognizing verb's side.
    let s = stances(
        "Azerbaijan condemned Armenia's decision to recognize the breakaway region of Nagorno-Karabakh as an independent state.",
    );
    assert!(has(&s, "AZE", "recognition", "oppose"), "{s:?}");
    assert!(!has(&s, "AZE", "recognition", "support"), "{s:?}");
    // Recognizing a place as part of one's own country claims it; it is no recognition.
    let s = stances(
        "Azerbaijan voted to recognize the region of Nagorno-Karabakh as part of its territory.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "recognition"), "{s:?}");
}

#[test]
fn a_stance_noun_is_its_possessors_stance_on_its_object() {
    let s = stances("Russia's rejection of the peace treaty on the Kuril Islands angered Tokyo.");
    assert!(has(&s, "RUS", "peace-treaty", "oppose"), "{s:?}");
    assert!(!has(&s, "JPN", "peace-treaty", "oppose"), "{s:?}");
    let s = stances(
        "Tokyo welcomed Moscow's backing for joint economic activities on the Kuril Islands.",
    );
    assert!(
        has(&s, "RUS", "joint-economic-activities", "support"),
        "{s:?}"
    );
}

#[test]
fn a_judgement_of_breach_opposes_the_thing_judged_not_the_standard() {
    let s = stances(
        "Japan described the Russian military exercises on the Kuril Islands as a violation of international law.",
    );
    assert!(has(&s, "JPN", "military-exercises", "oppose"), "{s:?}");
    let s = stances("Japan said the Russian drills on the Kuril Islands were null and void.");
    assert!(has(&s, "JPN", "military-exercises", "oppose"), "{s:?}");
    // What is breached is upheld, never opposed.
    let s = stances(
        "Japan said the Russian drills were a violation of the peace treaty on the Kuril Islands.",
    );
    assert!(!has(&s, "JPN", "peace-treaty", "oppose"), "{s:?}");
}

#[test]
fn coordinated_demonyms_before_a_stance_noun_are_its_owners() {
    let s = stances(
        "The Russian and Chinese veto of the UN resolution on the Kuril Islands surprised Japan.",
    );
    assert!(has(&s, "RUS", "un-resolution", "oppose"), "{s:?}");
    assert!(has(&s, "CHN", "un-resolution", "oppose"), "{s:?}");
    assert!(!has(&s, "JPN", "un-resolution", "oppose"), "{s:?}");
}

#[test]
fn an_adjective_on_a_vague_noun_names_no_issue() {
    let s = stances("Japan will urge a strong response over the Kuril Islands.");
    assert!(!s.iter().any(|(_, i, _)| i.contains("response")), "{s:?}");
    // A noun modifier is no adjective: the phrase is an issue.
    let s = stances("Japan supports the demilitarization process on the Kuril Islands.");
    assert!(
        has(&s, "JPN", "demilitarization-process", "support"),
        "{s:?}"
    );
}

#[test]
fn a_number_on_a_vague_noun_names_no_issue() {
    // The parties urged are the addressees, not what the speaker backs.
    let s = stances("Japan urged the two sides over the Kuril Islands.");
    assert!(!s.iter().any(|(_, i, _)| i.contains("sides")), "{s:?}");
}

#[test]
fn a_bare_accusation_names_no_issue() {
    // Like "the claim", "the accusation" alone says nothing of what is accused.
    let s = stances("Japan backed the accusation over the Kuril Islands.");
    assert!(!s.iter().any(|(_, i, _)| i.contains("accusation")), "{s:?}");
}

#[test]
fn a_clause_modifying_the_issue_noun_is_no_part_of_its_name() {
    let s = stances("Japan opposes port fees imposed by Russia on the Kuril Islands.");
    assert!(has(&s, "JPN", "port-fees", "oppose"), "{s:?}");
    assert!(!s.iter().any(|(_, i, _)| i.contains("imposed")), "{s:?}");
}

#[test]
fn a_phrase_with_a_demonstrative_names_no_new_issue() {
    // "these quotas" refers back to something named before: a new issue named with it can
    // never be the issue meant.
    let s = stances(
        "Japan discussed the Kuril Islands. Japan stands ready to support enforcement of these quotas.",
    );
    assert!(!s.iter().any(|(_, i, _)| i.contains("these")), "{s:?}");
}

#[test]
fn a_course_asked_of_another_is_the_askers_issue() {
    let s = stances(
        "Armenia and Azerbaijan clashed in Nagorno-Karabakh. The United States urged Armenia and Azerbaijan to exercise restraint.",
    );
    assert!(has(&s, "USA", "restraint", "support"), "{s:?}");
    // Those asked to act do not hold the stance.
    assert!(
        !s.iter()
            .any(|(h, i, _)| i == "restraint" && (h == "ARM" || h == "AZE")),
        "{s:?}"
    );
    // The same request through a cue of support whose object is the one asked.
    let s = stances(
        "Armenia and Azerbaijan clashed in Nagorno-Karabakh. France encouraged Azerbaijan to show restraint.",
    );
    assert!(has(&s, "FRA", "restraint", "support"), "{s:?}");
    assert!(!s.iter().any(|(h, _, _)| h == "AZE"), "{s:?}");
    // A verb that does not take a course up names no issue.
    let s = stances(
        "Armenia and Azerbaijan clashed in Nagorno-Karabakh. France called on Azerbaijan to respect the principles of the Helsinki Final Act.",
    );
    assert!(!s.iter().any(|(_, i, _)| i.contains("principles")), "{s:?}");
}

#[test]
fn a_phrase_of_the_longest_length_before_a_preposition_is_whole() {
    let s = stances(
        "Bahrain and Qatar clashed over the Hawar Islands. The United States welcomes the restoration of diplomatic ties between Bahrain and Qatar.",
    );
    assert!(
        has(&s, "USA", "restoration-of-diplomatic-ties", "support"),
        "{s:?}"
    );
    let s = stances(
        "Bahrain and Qatar clashed over the Hawar Islands. Egypt supports the reopening of land borders with Qatar.",
    );
    assert!(
        has(&s, "EGY", "reopening-of-land-borders", "support"),
        "{s:?}"
    );
    // A phrase the limit cuts in the middle is still no issue.
    let s = stances(
        "Bahrain and Qatar clashed over the Hawar Islands. Egypt supports the resumption of formal diplomatic ties with Qatar.",
    );
    assert!(
        !s.iter().any(|(_, i, _)| i.starts_with("resumption")),
        "{s:?}"
    );
}

#[test]
fn protesters_named_by_a_demonym_do_not_speak_for_their_state() {
    // "they" after "Chinese demonstrators" is the demonstrators, not China (nor Japan, the
    // state the sentence before named).
    for text in [
        "China criticized the landing. Chinese demonstrators waved national flags as they protested the arrest of Chinese activists who landed last week in the islands known as Senkaku in Japan and as Diaoyu in China.",
        "Japan arrested the activists. Chinese protesters gathered in Beijing, and they condemned the arrest of Chinese activists near the Senkaku islands.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter()
                .any(|(h, i, _)| (h == "CHN" || h == "JPN") && i.contains("arrest")),
            "{s:?}"
        );
    }
}

#[test]
fn they_after_protesters_who_met_officials_is_the_protesters() {
    // The subject of the clause before "they" is its antecedent, not the officials named as the
    // object: the protesters, who do not speak for a state.
    for text in [
        "Japan arrested the activists. Chinese protesters met Japanese officials in Beijing, and they condemned the arrest of Chinese activists near the Senkaku islands.",
        "Japan arrested the activists. Chinese protesters met Japanese officials in Beijing, where they denounced the arrest of Chinese activists near the Senkaku islands.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter()
                .any(|(h, i, _)| (h == "CHN" || h == "JPN") && i.contains("arrest")),
            "{text}: {s:?}"
        );
    }
}

#[test]
fn each_group_pronoun_is_judged_by_what_stands_before_it() {
    // The first "they" (the activists) follows no group of protesters, the second does: the
    // second is the protesters, not Japan, which the sentence before named.
    for text in [
        "Japan arrested the activists near the Senkaku islands. When they were arrested, Chinese protesters gathered in Beijing, and they condemned the arrest.",
        "Japan detained the activists near the Senkaku islands. After they were detained, Chinese demonstrators marched in Shanghai, and they denounced the detention of the activists.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter().any(|(h, i, _)| (h == "CHN" || h == "JPN")
                && (i.contains("arrest") || i.contains("detention"))),
            "{text}: {s:?}"
        );
    }
}

#[test]
fn asking_another_to_halt_or_stop_an_act_opposes_it() {
    // Verbs of stopping reverse what they govern, as "end" does.
    for verb in ["halt", "stop", "cease", "end"] {
        let s = stances(&format!(
            "Ukraine and Russia dispute Crimea. The United States urged Russia to {verb} its military buildup near Ukraine."
        ));
        assert!(
            has(&s, "USA", "military-buildup", "oppose"),
            "{verb}: {s:?}"
        );
        assert!(
            !has(&s, "USA", "military-buildup", "support"),
            "{verb}: {s:?}"
        );
    }
}

#[test]
fn those_congratulated_on_an_act_hold_it_too() {
    let s = stances(
        "Greece and North Macedonia disputed the name for decades. The United States congratulated Greece and North Macedonia on the historic agreement.",
    );
    for holder in ["USA", "GRC", "MKD"] {
        assert!(has(&s, holder, "agreement", "support"), "{holder}: {s:?}");
    }
    // Only those named before "on": a state named after it is no party to the praise.
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. France congratulates Armenia on the peace treaty with Azerbaijan.",
    );
    assert!(has(&s, "ARM", "peace-treaty", "support"), "{s:?}");
    assert!(!has(&s, "AZE", "peace-treaty", "support"), "{s:?}");
    // "in" names no act: those named before it are congratulated on nothing the rule can read.
    let s = stances(
        "Greece and North Macedonia disputed the name for decades. The United States congratulated Greece in a statement on the historic agreement.",
    );
    assert!(!has(&s, "GRC", "agreement", "support"), "{s:?}");
}

#[test]
fn a_request_to_ease_tensions_supports_de_escalation() {
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. The United States urges the sides to avoid escalation.",
    );
    assert!(has(&s, "USA", "de-escalation", "support"), "{s:?}");
    // A paraphrase, asked by another state in other words.
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. France called on both parties to ease tensions along the Line of Contact.",
    );
    assert!(has(&s, "FRA", "de-escalation", "support"), "{s:?}");
}

#[test]
fn a_word_of_stopping_does_not_reach_the_next_coordinated_verb() {
    // "cease" reverses what it governs, not the act asked in the next conjunct.
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. France calls on both sides to cease all military hostilities immediately and to reduce tensions.",
    );
    assert!(has(&s, "FRA", "de-escalation", "support"), "{s:?}");
    assert!(!has(&s, "FRA", "de-escalation", "oppose"), "{s:?}");
    let s = stances(
        "Japan urged Russia to stop the drills near the islands and to resume talks on the Kuril Islands.",
    );
    assert!(has(&s, "JPN", "negotiations", "support"), "{s:?}");
    assert!(!has(&s, "JPN", "negotiations", "oppose"), "{s:?}");
    // Within one conjunct it still reverses: ending an occupation opposes it.
    let s = stances(
        "The United States called on Russia to respect its commitments and to end its occupation of Crimea.",
    );
    assert!(has(&s, "USA", "occupation", "oppose"), "{s:?}");
}

#[test]
fn a_state_named_by_its_long_form_is_congratulated_too() {
    let s = stances(
        "Tajikistan and Kyrgyzstan clashed over their disputed border. The United States congratulates Tajikistan and the Kyrgyz Republic on their historic agreement.",
    );
    for holder in ["USA", "TJK", "KGZ"] {
        assert!(has(&s, holder, "agreement", "support"), "{holder}: {s:?}");
    }
}

#[test]
fn an_actor_named_by_for_before_an_infinitive_is_asked_not_the_holder() {
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. The United States calls on Armenia and Azerbaijan to show restraint, and for Azerbaijan to accept offers of mediation.",
    );
    assert!(has(&s, "USA", "negotiations", "support"), "{s:?}");
    assert!(!has(&s, "AZE", "negotiations", "support"), "{s:?}");
    // A paraphrase: another asker, another verb of asking.
    let s = stances(
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. France urged both sides to observe the ceasefire and for Armenia to resume talks.",
    );
    assert!(has(&s, "FRA", "negotiations", "support"), "{s:?}");
    assert!(!has(&s, "ARM", "negotiations", "support"), "{s:?}");
}

#[test]
fn vague_nouns_and_verbs_of_trying_are_no_issues() {
    // "principles" alone names nothing a reader can hold; "trying" is the attempt, not the act.
    for text in [
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. The United States urged Armenia and Azerbaijan to implement the principles of the joint communique.",
        "Armenia and Azerbaijan dispute Nagorno-Karabakh. France supports the principles agreed by both sides in Vienna.",
        "China and Japan dispute the Senkaku Islands. China has accused Japan of trying to \"smear\" Beijing's image.",
        "Japan and Russia dispute the Kuril Islands. Moscow has accused Tokyo of trying to \"provoke\" Russia.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter().any(|(_, i, _)| i == "principles" || i == "trying"),
            "{text}: {s:?}"
        );
    }
}

#[test]
fn an_attempt_accused_is_the_act_attempted() {
    // "accused X of trying to <verb>" accuses the verb's act, not the trying.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Tokyo accused Moscow of trying to intimidate Japanese fishermen near the islands.",
    );
    assert!(has(&s, "JPN", "intimidate", "oppose"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan accused Russia of attempting to alter the border.",
    );
    assert!(has(&s, "JPN", "alter-border", "oppose"), "{s:?}");
    // No verb after the attempt, no act.
    let s = stances("Japan and Russia dispute the Kuril Islands. Japan accused Russia of trying.");
    assert!(!s.iter().any(|(h, _, _)| h == "JPN"), "{s:?}");
}

#[test]
fn an_attempt_at_no_act_accuses_nothing() {
    // A copula, a motion or light verb, or a verb with no object names no act accused.
    for text in [
        "Japan and Russia dispute the Kuril Islands. Tokyo accused Moscow of trying to become the strongest naval power in the region.",
        "Japan and Russia dispute the Kuril Islands. Tokyo accused Moscow of trying to go back on the promises of 1956.",
        "Japan and Russia dispute the Kuril Islands. Tokyo accused Moscow of seeking to have the final say over the fisheries.",
    ] {
        let s = stances(text);
        assert!(!s.iter().any(|(h, _, _)| h == "JPN"), "{text}: {s:?}");
    }
}

#[test]
fn a_prepositions_object_after_a_predicate_holds_no_stance() {
    // "in protest over the arrests" is Chile's, whose ambassador leaves Peru.
    let s = stances("Chile recalled its ambassador from Peru in protest over the arrests.");
    assert!(!s.iter().any(|(h, _, _)| h == "PER"), "{s:?}");
}

#[test]
fn a_finite_clause_whose_subject_the_parse_lost_is_no_ones() {
    // The parse hangs "his country" on "ambassador": "recognized" keeps a subject of its own,
    // not Morocco's.
    let s = stances(
        "Morocco has expelled Algeria's ambassador after his country recognized Western Sahara's independence.",
    );
    assert!(!s.iter().any(|(h, _, _)| h == "MAR"), "{s:?}");
    // "stormed" read as a conjunct of "recalled" with nothing joining them: the protesters'.
    let s = stances(
        "Japan recalled its envoy a day after protesters in Beijing stormed the Japanese consulate to denounce Japanese control of the Senkaku Islands.",
    );
    assert!(!s.iter().any(|(h, _, _)| h == "JPN"), "{s:?}");
}

#[test]
fn a_joined_conjunct_shares_its_heads_subject() {
    let s = stances(
        "Japan recalled its envoy a day after protesters in Beijing stormed the Japanese consulate, and denounced Chinese control of the Senkaku Islands.",
    );
    assert!(has(&s, "JPN", "sovereignty", "oppose"), "{s:?}");
    // A comma the parse hangs on the head verb joins as well as one on the conjunct.
    let s = stances(
        "Japan and China dispute the Senkaku Islands.\n\nJapan condemned the landing, rejected Chinese control of the Senkaku Islands.",
    );
    assert!(has(&s, "JPN", "sovereignty", "oppose"), "{s:?}");
}
