//! Stances whose issue or holder the text names indirectly: a noun that refers back to a
//! measure ("the measure", "the recent proposal"), the actors an apposition names, a state
//! that endorses another's claim; measures kept in force, terms that are not conditions, trade
//! measures and judgements of talks.

use super::tests::{has, stances};

#[test]
fn the_measure_is_the_resolution_named_before() {
    let s = stances(
        "A Council resolution on Western Sahara was adopted on Monday. The measure was co-sponsored by France and Spain.",
    );
    assert!(has(&s, "FRA", "un-resolution", "support"), "{s:?}");
    assert!(has(&s, "ESP", "un-resolution", "support"), "{s:?}");
    // Nothing named before: "the measure" stands for nothing known.
    let s = stances("The measure on Western Sahara was co-sponsored by France and Spain.");
    assert!(!s.iter().any(|(_, i, _)| i == "un-resolution"), "{s:?}");
}

#[test]
fn an_apposition_names_the_agents() {
    let s = stances(
        "A Council resolution on Western Sahara was adopted on Monday. The measure was co-sponsored by the two powers, France and Britain.",
    );
    assert!(has(&s, "FRA", "un-resolution", "support"), "{s:?}");
    assert!(has(&s, "GBR", "un-resolution", "support"), "{s:?}");
}

#[test]
fn a_judged_proposal_is_the_plan_named_before() {
    let s = stances(
        "Morocco put forward an autonomy plan for Western Sahara. The United States said the recent Moroccan proposal is credible.",
    );
    assert!(has(&s, "USA", "autonomy-plan", "support"), "{s:?}");
    let s = stances(
        "The United States said the recent Moroccan proposal on Western Sahara is credible.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "autonomy-plan"), "{s:?}");
}

#[test]
fn a_state_that_agrees_to_a_claim_holds_it() {
    let s = stances(
        "The United Kingdom will agree that Mauritius is sovereign over the Chagos Archipelago.",
    );
    assert!(has(&s, "GBR", "sovereignty", "support"), "{s:?}");
    assert!(has(&s, "MUS", "sovereignty", "support"), "{s:?}");
    // Reporting a claim is not holding it.
    let s = stances("The BBC reported that Mauritius is sovereign over the Chagos Archipelago.");
    assert!(has(&s, "MUS", "sovereignty", "support"), "{s:?}");
    assert!(!s.iter().any(|(h, _, _)| h != "MUS"), "{s:?}");
}

#[test]
fn keeping_a_measure_in_force_supports_it() {
    let s = stances(
        "The European Union extended sanctions against Russia over Crimea until January 31.",
    );
    // A date after "until" is a term, not a condition.
    assert!(has(&s, "EU", "sanctions", "support"), "{s:?}");
    let s = stances(
        "The United States said its sanctions over Crimea will remain in place until Russia returns control.",
    );
    assert!(has(&s, "USA", "sanctions", "conditional"), "{s:?}");
}

#[test]
fn tariffs_imposed_are_supported_by_who_imposes_them() {
    let s = stances(
        "The United States imposed tariffs on Chinese goods, and China imposed retaliatory tariffs on American goods.",
    );
    assert!(has(&s, "USA", "tariffs", "support"), "{s:?}");
    assert!(has(&s, "CHN", "tariffs", "support"), "{s:?}");
}

#[test]
fn talks_called_constructive_are_supported() {
    let s = stances("Japan called the talks on the Kuril Islands constructive.");
    assert!(has(&s, "JPN", "negotiations", "support"), "{s:?}");
}

#[test]
fn the_one_asked_to_comply_takes_no_stance() {
    let s = stances(
        "The United States calls upon China to abide by the arbitral ruling on the South China Sea.",
    );
    assert!(has(&s, "USA", "icj-ruling", "support"), "{s:?}");
    assert!(!s.iter().any(|(h, _, _)| h == "CHN"), "{s:?}");
    let s = stances("China said it will not abide by the arbitral ruling on the South China Sea.");
    assert!(has(&s, "CHN", "icj-ruling", "oppose"), "{s:?}");
}

#[test]
fn a_claim_nobody_is_quoted_for_is_the_voice_of_the_text() {
    let s = stances(
        "Japan welcomes the talks on the Kuril Islands. Japan reaffirms its support for a peace treaty. The islands are an integral part of our territory.",
    );
    assert!(has(&s, "JPN", "sovereignty", "support"), "{s:?}");
}

#[test]
fn territory_that_belongs_to_a_state_is_claimed() {
    let s = stances("Japan says the Kuril Islands belong to Japan.");
    assert!(has(&s, "JPN", "sovereignty", "support"), "{s:?}");
    let s = stances("Russia considers the Kuril Islands its territory.");
    assert!(has(&s, "RUS", "sovereignty", "support"), "{s:?}");
    // Boats that belong to a company are no claim to territory.
    let s =
        stances("On the Kuril Islands, Japan said the fishing boats belong to a Russian company.");
    assert!(!s.iter().any(|(_, i, _)| i == "sovereignty"), "{s:?}");
}

#[test]
fn returning_to_the_nuclear_deal_supports_it() {
    let s = stances(
        "Iran and the United States have been locked in a dispute over the nuclear deal. Sanctions on Iran remain. The tensions have grown. Iran said it would rejoin the nuclear deal if sanctions are lifted. The United States said it would return to the nuclear deal.",
    );
    assert!(has(&s, "IRN", "nuclear-deal", "conditional"), "{s:?}");
    assert!(has(&s, "USA", "nuclear-deal", "support"), "{s:?}");
}

#[test]
fn rejecting_anothers_claim_opposes_it_and_the_claim_stays_its_owners() {
    let s = stances("Japan rejected China's claims to the Senkaku Islands.");
    assert!(has(&s, "JPN", "sovereignty", "oppose"), "{s:?}");
    assert!(has(&s, "CHN", "sovereignty", "support"), "{s:?}");
    let s = stances("Pakistan observed the day to denounce Indian control of Kashmir.");
    assert!(has(&s, "PAK", "sovereignty", "oppose"), "{s:?}");
}

#[test]
fn recognizing_a_state_itself_is_the_recognition_issue() {
    let s = stances(
        "The dispute between Serbia and Kosovo continues. The United States recognizes Kosovo. Serbia does not recognize Kosovo as an independent state.",
    );
    assert!(has(&s, "USA", "recognition", "support"), "{s:?}");
    assert!(has(&s, "SRB", "recognition", "oppose"), "{s:?}");
    // Recognizing a state's administration of a place is not recognizing the state.
    let s = stances("We recognize de facto United Kingdom administration of the Falkland Islands.");
    assert!(!s.iter().any(|(_, i, _)| i == "recognition"), "{s:?}");
}

#[test]
fn a_courts_jurisdiction_is_no_claim_to_territory() {
    let s = stances(
        "In the dispute over the Senkaku Islands, Japan rejected the ICJ's jurisdiction over the islands.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "sovereignty"), "{s:?}");
}

#[test]
fn a_measure_called_regrettable_is_opposed() {
    let s = stances("Japan called the military drills near the Kuril Islands regrettable.");
    assert!(has(&s, "JPN", "military-exercises", "oppose"), "{s:?}");
}

#[test]
fn a_transcripts_label_names_the_speaker_until_the_next_label() {
    let s = stances(
        "Secretary Antony J. Blinken on Nagorno-Karabakh\n\nSECRETARY BLINKEN: Well, good afternoon, everyone. Strong, sustained diplomatic engagement on Nagorno-Karabakh is the best path for everyone.",
    );
    assert!(has(&s, "USA", "negotiations", "support"), "{s:?}");
    // The questioner is no one known: the official's label no longer speaks.
    let s = stances(
        "Secretary Antony J. Blinken on Nagorno-Karabakh\n\nSECRETARY BLINKEN: Well, good afternoon, everyone.\n\nQUESTION: Is strong, sustained diplomatic engagement on Nagorno-Karabakh the best path for everyone?",
    );
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn historic_rights_are_claimed_and_illegitimate_claims_denied() {
    let s = stances(
        "China says it has historic rights in the South China Sea. The United States said China has no legitimate claim to the South China Sea.",
    );
    assert!(has(&s, "CHN", "sovereignty", "support"), "{s:?}");
    assert!(has(&s, "USA", "sovereignty", "oppose"), "{s:?}");
}

#[test]
fn a_dateline_is_not_a_speaker() {
    let s = stances(
        "MOSCOW: Russia on Monday began military drills near the Kuril Islands. Japan called Russia's drills near the Kuril Islands regrettable.",
    );
    // The capital of the dateline does not speak the article: Japan judges the drills.
    assert!(has(&s, "JPN", "military-exercises", "oppose"), "{s:?}");
    assert!(!has(&s, "RUS", "military-exercises", "oppose"), "{s:?}");
}

#[test]
fn a_label_with_punctuation_ends_the_last_speakers_turn() {
    // "MR. SMITH:" and "MR. SMITH (via interpreter):" are labels: Blinken no longer speaks.
    for label in [
        "MR. SMITH",
        "MR. SMITH (via interpreter)",
        "AMBASSADOR SMITH-JONES",
    ] {
        let s = stances(&format!(
            "Secretary Antony J. Blinken on Nagorno-Karabakh\n\nSECRETARY BLINKEN: Well, good afternoon, everyone.\n\n{label}: Strong, sustained diplomatic engagement on Nagorno-Karabakh is the best path for everyone."
        ));
        assert!(s.is_empty(), "{label}: {s:?}");
    }
}

#[test]
fn a_possessive_owns_the_claim_rejected() {
    // The tokenizer splits "China's" into "China", "'" and "s".
    let s = stances("Japan rejected China's expansive claims to the Senkaku Islands.");
    assert!(has(&s, "JPN", "sovereignty", "oppose"), "{s:?}");
    assert!(has(&s, "CHN", "sovereignty", "support"), "{s:?}");
    assert!(!has(&s, "JPN", "sovereignty", "support"), "{s:?}");
}

#[test]
fn a_possessors_move_refers_back_to_the_measure() {
    let s = stances(
        "Morocco put forward an autonomy plan for Western Sahara. The United States said Rabat's move is credible.",
    );
    assert!(has(&s, "USA", "autonomy-plan", "support"), "{s:?}");
    let s = stances(
        "A Council resolution on Western Sahara was adopted on Monday. Algeria's measure was co-sponsored by France and Spain.",
    );
    assert!(has(&s, "FRA", "un-resolution", "support"), "{s:?}");
}

#[test]
fn its_territory_claims_only_a_disputed_place() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia shot down drones over its territory.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "sovereignty"), "{s:?}");
    let s = stances("Japan says the Kuril Islands are its territory.");
    assert!(has(&s, "JPN", "sovereignty", "support"), "{s:?}");
    let s = stances("Japan considers the Kuril Islands its territory.");
    assert!(has(&s, "JPN", "sovereignty", "support"), "{s:?}");
}

#[test]
fn its_territory_is_claimed_by_the_subject_that_regards_the_place_so() {
    let s = stances(
        "Tokyo and Moscow dispute the Kuril Islands. Moscow sees the islands as its territory.",
    );
    assert!(has(&s, "RUS", "sovereignty", "support"), "{s:?}");
    // A reporter of the view does not hold it.
    let s = stances(
        "Tokyo and Moscow dispute the Kuril Islands. Tokyo notes that Moscow views the islands as its own territory.",
    );
    assert!(has(&s, "RUS", "sovereignty", "support"), "{s:?}");
    assert!(!has(&s, "JPN", "sovereignty", "support"), "{s:?}");
}

#[test]
fn confirming_or_accepting_anothers_claiming_is_no_endorsement() {
    let s = stances("Russia confirmed that Japan claims the Kuril Islands.");
    assert!(!s.iter().any(|(h, _, _)| h == "RUS"), "{s:?}");
    let s = stances("Russia accepts that Japan claims the Kuril Islands.");
    assert!(!s.iter().any(|(h, _, _)| h == "RUS"), "{s:?}");
    let s = stances("Russia reaffirmed that Japan is sovereign over the Kuril Islands.");
    assert!(!s.iter().any(|(h, _, _)| h == "RUS"), "{s:?}");
}

#[test]
fn state_sponsored_is_no_sponsoring() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia says the state-sponsored fishing near the Kuril Islands is legal.",
    );
    assert!(
        !s.iter().any(|(h, _, l)| h == "RUS" && l == "support"),
        "{s:?}"
    );
}

#[test]
fn a_court_case_at_home_is_no_international_ruling() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia rejected the court proceedings.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "icj-ruling"), "{s:?}");
}

#[test]
fn a_move_judged_by_its_verb_is_the_measure_named_before() {
    let s = stances(
        "The Philippines took its South China Sea claims to an arbitral tribunal, seeking an arbitration ruling. China says Manila's move complicates the dispute.",
    );
    assert!(has(&s, "CHN", "icj-ruling", "oppose"), "{s:?}");
    // No measure named before: the move stands for nothing known.
    let s = stances("China says Manila's move in the South China Sea complicates the dispute.");
    assert!(!s.iter().any(|(_, i, _)| i == "icj-ruling"), "{s:?}");
}

#[test]
fn pleasure_at_a_thing_is_support_of_it() {
    let s = stances("The United States is pleased with the talks on Western Sahara.");
    assert!(has(&s, "USA", "negotiations", "support"), "{s:?}");
    let s = stances("The United States is not happy with the talks on Western Sahara.");
    assert!(has(&s, "USA", "negotiations", "oppose"), "{s:?}");
}

#[test]
fn a_briefings_we_is_its_author_and_but_shares_the_subject() {
    let s = stances(
        "Does the U.S. take a position on the posturing between the United Kingdom and Argentina over the Falklands? We recognize de facto United Kingdom administration of the islands but take no position regarding sovereignty.",
    );
    assert!(has(&s, "USA", "sovereignty", "neutral"), "{s:?}");
    assert!(!has(&s, "GBR", "sovereignty", "neutral"), "{s:?}");
}

#[test]
fn a_signed_statement_speaks_for_the_signatorys_state_not_for_those_it_binds() {
    let s = stances(
        "Arbitral ruling\n\nPRESS STATEMENT\nANTONY J. BLINKEN, SECRETARY OF STATE\n\nAn arbitral tribunal delivered a decision on the South China Sea. The PRC and the Philippines are legally bound to comply with this decision.",
    );
    assert!(has(&s, "USA", "icj-ruling", "support"), "{s:?}");
    assert!(!s.iter().any(|(h, _, _)| h == "CHN" || h == "PHL"), "{s:?}");
    // No signatory: the obliged are still not the ones who judge.
    let s = stances(
        "An arbitral tribunal delivered a decision on the South China Sea. The PRC and the Philippines are legally bound to comply with this decision.",
    );
    assert!(!s.iter().any(|(h, _, _)| h == "CHN" || h == "PHL"), "{s:?}");
}

#[test]
fn an_independent_state_judged_unrealistic_is_opposition_to_independence() {
    let s = stances(
        "The United States recognizes Moroccan sovereignty over Western Sahara. The United States believes that an independent Sahrawi State is not a realistic option.",
    );
    assert!(has(&s, "USA", "recognition", "oppose"), "{s:?}");
}

#[test]
fn a_sentence_opened_by_another_subject_holds_no_stance_in_the_dispute() {
    let s = stances(
        "Japan and Russia met over the Kuril Islands. On Ukraine, Japan supports the sanctions.",
    );
    assert!(!has(&s, "JPN", "sanctions", "support"), "{s:?}");
    // A party of the dispute opening the sentence is still the dispute's subject.
    let s = stances(
        "Japan and Russia met over the Kuril Islands. On Russia, Japan supports the sanctions.",
    );
    assert!(has(&s, "JPN", "sanctions", "support"), "{s:?}");
}

#[test]
fn along_with_adds_an_agent_to_a_passives_list() {
    let s = stances(
        "A Council resolution on Western Sahara was adopted on Monday. The measure was co-sponsored by France and Britain, along with the former colonial ruler, Spain.",
    );
    assert!(has(&s, "FRA", "un-resolution", "support"), "{s:?}");
    assert!(has(&s, "ESP", "un-resolution", "support"), "{s:?}");
    // Not a passive's agents: Spain is only mentioned.
    let s = stances(
        "A Council resolution on Western Sahara was adopted on Monday. France co-sponsored the measure along with a text that Spain wrote.",
    );
    assert!(!has(&s, "ESP", "un-resolution", "support"), "{s:?}");
}

#[test]
fn the_words_of_recognizing_and_endorsing_are_lexicon_lines() {
    use crate::{Extractor, KnowledgeBuilder};
    let with = |lines: &str| {
        let mut b = KnowledgeBuilder::builtin().expect("built-in");
        b.add_source("mine.tsv", lines).expect("known lists");
        Extractor::with_knowledge(b.build().expect("builds"))
    };
    let stances_of = |x: &Extractor, text: &str| -> Vec<(String, String, String)> {
        let doc = x.analyze(text, None);
        doc.stances
            .iter()
            .map(|s| {
                let issue = s.issue.rsplit('/').next().unwrap_or("").to_owned();
                let label = format!("{:?}", s.label).to_lowercase();
                (
                    s.actor.trim_start_matches("actors/").to_owned(),
                    issue,
                    label,
                )
            })
            .collect()
    };
    // "accepts" is a cue of support but no form of recognizing: accepting a state is not
    // recognizing it, until a lexicon line says it is.
    let text = "The dispute between Serbia and Kosovo continues. The United States accepts Kosovo.";
    let s = stances(text);
    assert!(!has(&s, "USA", "recognition", "support"), "{s:?}");
    let mine = with("lexicon|recognizing_word|accepts\n");
    let s = stances_of(&mine, text);
    assert!(has(&s, "USA", "recognition", "support"), "{s:?}");
    // "confirm" reports a claim; a lexicon line can make it endorse the claim as its own.
    let text =
        "The United Kingdom confirmed that Mauritius is sovereign over the Chagos Archipelago.";
    let s = stances(text);
    assert!(!s.iter().any(|(h, _, _)| h == "GBR"), "{s:?}");
    let mine = with("lexicon|endorsing_verb|confirm\n");
    let s = stances_of(&mine, text);
    assert!(has(&s, "GBR", "sovereignty", "support"), "{s:?}");
}

#[test]
fn a_document_named_by_whose_it_is_is_an_issue() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japanese Prime Minister Shinzo Abe rejected the U.N. report.",
    );
    // An initialism's dots are no word breaks in the issue's id.
    assert!(has(&s, "JPN", "un-report", "oppose"), "{s:?}");
    // "the report" later is the document named before.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. The Hague Commission report on the islands was leaked. Japanese Prime Minister Shinzo Abe condemned the report.",
    );
    assert!(has(&s, "JPN", "hague-commission-report", "oppose"), "{s:?}");
    // A report nobody named is no issue.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japanese Prime Minister Shinzo Abe condemned the report.",
    );
    assert!(!s.iter().any(|(_, i, _)| i.contains("report")), "{s:?}");
}

#[test]
fn a_vague_act_noun_with_a_demonym_is_that_states_act() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia is calling the Japanese action \"unjustified aggression\".",
    );
    assert!(has(&s, "RUS", "japanese-action", "oppose"), "{s:?}");
    // An adjective that is no demonym leaves the noun as vague as it was.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia is calling the recent action \"unjustified aggression\".",
    );
    assert!(!s.iter().any(|(_, i, _)| i.contains("action")), "{s:?}");
}

#[test]
fn denying_involvement_opposes_the_charge() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow denies that the three sailors were involved in smuggling near the islands.",
    );
    assert!(has(&s, "RUS", "smuggling", "oppose"), "{s:?}");
    // A denial of another kind names no charge.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow denies that the three sailors crossed into Japanese waters.",
    );
    assert!(!s.iter().any(|(h, _, _)| h == "RUS"), "{s:?}");
}

#[test]
fn denying_a_role_in_a_wrong_opposes_the_charge() {
    // "a role in" is a phrase of taking part, as "involvement in" is.
    for text in [
        "Japan and Russia dispute the Kuril Islands. Moscow has repeatedly denied having a role in the bombing of the harbour.",
        "Japan and Russia dispute the Kuril Islands. Russia denies playing any role in the massacre on the islands.",
        "Japan and Russia dispute the Kuril Islands. Moscow denied it had a role in the genocide.",
    ] {
        let s = stances(text);
        assert!(
            s.iter().any(|(h, i, l)| h == "RUS"
                && l == "oppose"
                && (i.contains("bombing") || i.contains("massacre") || i.contains("genocide"))),
            "{text}: {s:?}"
        );
    }
    // A role in no wrong, or another's role, is no charge denied.
    for text in [
        "Japan and Russia dispute the Kuril Islands. Moscow denied having a role in the negotiations.",
        "Japan and Russia dispute the Kuril Islands. Russia denied that Japanese officials had a role in the bombing.",
    ] {
        let s = stances(text);
        assert!(!s.iter().any(|(h, _, _)| h == "RUS"), "{text}: {s:?}");
    }
}

#[test]
fn saying_no_such_thing_exists_opposes_it() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia says no such fishing accord exists.",
    );
    assert!(has(&s, "RUS", "fishing-rights", "oppose"), "{s:?}");
    let s =
        stances("Japan and Russia dispute the Kuril Islands. Russia says no such treaty exists.");
    assert!(has(&s, "RUS", "treaty", "oppose"), "{s:?}");
    // Without a verb of existing, "no such" denies nothing.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia says no such fishing accord was discussed.",
    );
    assert!(!s.iter().any(|(h, _, _)| h == "RUS"), "{s:?}");
}

#[test]
fn denying_anothers_involvement_opposes_nothing() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia denied that Japanese officials were involved in the negotiations.",
    );
    assert!(!has(&s, "RUS", "negotiations", "oppose"), "{s:?}");
}

#[test]
fn the_report_is_the_nearest_report_named_or_not() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. The U.N. report on the Kuril Islands was published in May. Later a Japanese think tank issued its own report, and Russia dismissed the report.",
    );
    assert!(!has(&s, "RUS", "un-report", "oppose"), "{s:?}");
}

#[test]
fn competing_claims_are_the_dispute_not_a_claim() {
    // "competing claims" names what is contested; the subject claims nothing by it.
    for text in [
        "Japan and Russia dispute the Kuril Islands. Japan filed a case at the court concerning competing claims to the Kuril Islands.",
        "Japan and Russia dispute the Kuril Islands. The court will rule on the rival claims to the Kuril Islands next year.",
        "Japan and Russia dispute the Kuril Islands. Japan filed a case concerning competing sovereignty claims to the islands.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter().any(|(_, i, _)| i == "sovereignty"),
            "{text}: {s:?}"
        );
    }
    // A claim of the subject's own is one, rival or not (review rev32b).
    for text in [
        "Japan and Russia dispute the Kuril Islands. Japan filed a case at the court to support its claims to the Kuril Islands.",
        "Japan and Russia dispute the Kuril Islands. Japan has competing claims with Russia over the islands.",
        "Japan and Russia dispute the Kuril Islands. Japan asserted its rival claim to the islands.",
    ] {
        let s = stances(text);
        assert!(has(&s, "JPN", "sovereignty", "support"), "{text}: {s:?}");
    }
}
