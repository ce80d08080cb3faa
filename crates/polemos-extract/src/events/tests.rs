//! Tests of the event stage on sentences of our own.

use crate::ArticleMeta;
use crate::test_support::extractor;

/// (sources, TYPE, targets, negated) of every event of `text`.
pub(super) fn events(text: &str) -> Vec<(Vec<String>, String, Vec<String>, bool)> {
    let x = extractor();
    // The first line of an article is its headline, which codes no events.
    let article = format!("Headline\n\n{text}");
    let out = x
        .extract(&article, &ArticleMeta::default())
        .expect("extracts");
    let short = |v: &[String]| -> Vec<String> {
        v.iter()
            .map(|a| a.trim_start_matches("actors/").to_owned())
            .collect()
    };
    out.events
        .iter()
        .map(|e| {
            (
                short(&e.sources),
                e.event_type.as_str().to_owned(),
                short(&e.targets),
                e.negated,
            )
        })
        .collect()
}

pub(super) fn has(text: &str, src: &str, ty: &str, tgt: &str) -> bool {
    events(text)
        .iter()
        .any(|(s, t, g, _)| s.iter().any(|x| x == src) && t == ty && g.iter().any(|x| x == tgt))
}

/// (TYPE, mode, CAMEO) of every event of `text`.
pub(super) fn codes(text: &str) -> Vec<(String, String, String)> {
    let x = extractor();
    let article = format!("Headline\n\n{text}");
    let out = x
        .extract(&article, &ArticleMeta::default())
        .expect("extracts");
    out.events
        .iter()
        .map(|e| {
            (
                e.event_type.as_str().to_owned(),
                e.mode.clone(),
                e.cameo.clone(),
            )
        })
        .collect()
}

/// Whether some event of `text` has `src` among its sources.
fn acts(text: &str, src: &str) -> bool {
    events(text)
        .iter()
        .any(|(s, ..)| s.iter().any(|x| x == src))
}

#[test]
fn parties_acting_together_act_upon_each_other() {
    let text = "Chile and Peru signed a fisheries accord in Lima on Monday.";
    assert!(has(text, "CHL", "AGREE", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "AGREE", "CHL"), "{:?}", events(text));
    let text = "The clashes between Chile and Peru left two soldiers dead.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn the_target_may_sit_inside_the_object_phrase() {
    let text = "Chile restored diplomatic ties with Peru on Monday.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
    let text = "Chile condemned an attack by Peruvian soldiers near the border.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn each_coordinated_subject_acts() {
    let text = "Chile and the small Bolivia welcomed a resumption of talks with Peru.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
    assert!(has(text, "BOL", "SUPPORT", "PER"), "{:?}", events(text));
}

#[test]
fn an_act_someone_is_urged_to_do_is_not_coded_as_done() {
    let text = "Chile urged Peru to withdraw its troops from the border.";
    let all = events(text);
    assert!(has(text, "CHL", "REQUEST", "PER"), "{all:?}");
    assert!(!acts(text, "PER"), "{all:?}");
}

#[test]
fn a_state_does_not_act_upon_itself() {
    let text = "Chile consulted Chilean President Gabriel Boric on the dispute.";
    assert!(
        !events(text)
            .iter()
            .any(|(_, _, g, _)| g.iter().any(|x| x == "CHL")),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_passive_dictionary_verb_is_not_coded_backwards() {
    let text = "The islands, disputed by Chile, were visited by scientists.";
    assert!(!acts(text, "CHL"), "{:?}", events(text));
}

#[test]
fn a_leading_place_is_not_a_second_subject() {
    let text = "In Chile, the Peruvian foreign minister met with Bolivia.";
    let all = events(text);
    assert!(has(text, "PER", "CONSULT", "BOL"), "{all:?}");
    assert!(!acts(text, "CHL"), "{all:?}");
}

#[test]
fn a_request_is_made_of_its_direct_object() {
    let text = "Chile will encourage economic development with Peru.";
    assert!(!has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
    let text = "Chile urged Peru to resume talks.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn who_is_concerned_by_drills_does_not_hold_them() {
    let text = "Chile is seriously concerned by the military drills near Peru.";
    assert!(!acts(text, "CHL"), "{:?}", events(text));
}

#[test]
fn warned_is_a_threat_when_aimed_at_someone() {
    let text = "Chile warned Peru against further incursions.";
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
    let text = "Chile warned that the talks with Peru could fail.";
    assert!(
        !events(text).iter().any(|(_, t, ..)| t == "THREATEN"),
        "{:?}",
        events(text)
    );
}

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
fn the_actor_before_a_noun_of_an_act_holds_it() {
    // The source is the Chilean military, a body acting for Chile (so CHL at state level).
    let text = "Chilean military drills near Peru began on Monday.";
    assert!(
        has(text, "chilean-military", "MOBILIZE", "PER"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_passive_is_coded_from_its_agent() {
    let text = "Chile was fiercely criticized by Peru on Monday.";
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chile was criticized over its claims.";
    assert!(events(text).is_empty(), "{:?}", events(text));
}

#[test]
fn breaking_relations_is_a_sanction() {
    let text = "Chile will break relations with Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
}

#[test]
fn every_party_asked_is_a_target_and_none_acts() {
    let text = "The council is urging Chile and the rebel-held Peru to open unconditional talks.";
    let all = events(text);
    assert!(
        !all.iter()
            .any(|(s, ..)| s.iter().any(|x| x == "CHL" || x == "PER")),
        "{all:?}"
    );
}

#[test]
fn contracted_and_neither_negations_negate_the_act() {
    let text = "Chile didn't clash over the claims of Peru.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, g, n)| s == &["CHL"] && t == "ACCUSE" && g == &["PER"] && *n),
        "{:?}",
        events(text)
    );
    let text = "Neither Chile nor Bolivia condemned Peru on Monday.";
    assert!(
        events(text).iter().all(|(_, _, _, negated)| *negated) && !events(text).is_empty(),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_coordinated_verb_shares_the_subject() {
    let text = "Chile rejected the protest and urged Peru to withdraw.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
    let text = "Chile rejected the protest and encouraged all sides to talk.";
    assert!(
        !events(text).iter().any(|(_, t, ..)| t == "REQUEST"),
        "{:?}",
        events(text)
    );
}

#[test]
fn we_is_the_statement_author_and_both_parties_the_two_states_named() {
    let text = "The United States welcomed the talks between Chile and Peru. \
                We urge both parties to continue the talks.";
    assert!(has(text, "USA", "REQUEST", "CHL"), "{:?}", events(text));
    assert!(has(text, "USA", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn each_side_blaming_the_other_is_two_accusations() {
    let text =
        "Chile and Peru clashed at the border. Each side has blamed the other for the fighting.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn a_threatened_or_obliged_act_is_not_coded_as_done() {
    let text = "Chile is threatening to invade Peru.";
    assert!(
        !events(text).iter().any(|(_, t, ..)| t == "ASSAULT"),
        "{:?}",
        events(text)
    );
    let text = "Chile and Peru are legally bound to comply with the ruling.";
    assert!(!acts(text, "CHL"), "{:?}", events(text));
    // Another obliging adjective reads the same way, while the plain verb acts.
    let text = "Chile withdrew its troops from Peru.";
    assert!(acts(text, "CHL"), "{:?}", events(text));
    let text = "Chile is obliged to withdraw its troops from Peru.";
    assert!(!acts(text, "CHL"), "{:?}", events(text));
}

#[test]
fn a_phrase_that_is_both_a_cue_and_an_event_codes_the_event() {
    // "stands with" is also a support cue of the stance stage; both readings stand.
    let text = "Chile stands with our Peruvian allies.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
}

#[test]
fn what_is_fired_at_someone_is_aimed_at_them() {
    let text = "Chile on Thursday fired two artillery shells at Peru.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    // A capital fired at is its state, not where the firing happened.
    let text = "Chile on Thursday fired two artillery shells at Lima.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn a_warning_is_aimed_at_whom_it_is_about() {
    let text = "Chile and the government of Bolivia warned their populations about the Prime Minister of Peru.";
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
    assert!(has(text, "BOL", "THREATEN", "PER"), "{:?}", events(text));
}

#[test]
fn a_denial_answers_the_accusation_aimed_at_the_denier() {
    let text = "Peru accused Chile of arming the rebels. Bolivia accused Peru of spying. \
                Chile denied the charge.";
    assert!(has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
    assert!(!has(text, "CHL", "REJECT", "BOL"), "{:?}", events(text));
    // An accusation between others is not what a third state denies.
    let text = "Peru accused Bolivia of arming the rebels. Chile denied the charge.";
    assert!(!has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
}

#[test]
fn a_denial_answers_the_accusation_before_it() {
    let text = "Peru accused Chile of arming the rebels, a charge Chile denies.";
    assert!(has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
    // "denies" is a negator too, but not of itself.
    assert!(
        events(text)
            .iter()
            .any(|(s, t, _, negated)| s == &["CHL"] && t == "REJECT" && !*negated),
        "{:?}",
        events(text)
    );
    let text = "Peru said on Monday that Chilean troops crossed the border. \
                Chile denied it is supporting the rebels.";
    assert!(has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
    // What is denied is not an act.
    assert!(!has(text, "CHL", "SUPPORT", "-"), "{:?}", events(text));
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SUPPORT"),
        "{:?}",
        events(text)
    );
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
fn opposing_someone_is_a_rejection_even_in_the_passive() {
    let text = "Peru was fiercely opposed by Chile in the talks.";
    assert!(has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
}

#[test]
fn we_is_the_author_after_a_statement_header() {
    // A statement's header lines (kind, title, place, date) do not use up the sentences where
    // its author is found. (A signatory in them is the author: see tests_voice.rs.)
    let text = "Press Statement\n\nMedia Note\n\nWashington, DC\n\nJuly 10, 2018\n\n\
                For Immediate Release\n\nChile welcomes the talks on the border. We commend Peru for its courage.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
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
fn nominal_acts_take_their_doer_from_a_relative_clause() {
    let text = "The minister cited the threats Chile has made to Peru.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, _, _)| s == &["CHL"] && t == "THREATEN"),
        "{:?}",
        events(text)
    );
}

#[test]
fn interfering_is_coercion() {
    let text = "Chilean ships interfered with Peru's lawful exercise of its rights.";
    assert!(has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
}

#[test]
fn an_infinitive_after_a_noun_is_done_by_the_nouns_agent() {
    let text = "Peru condemned the dangerous and repeated efforts by Chile to obstruct the resupply mission.";
    assert!(acts(text, "CHL"), "{:?}", events(text));
    let text = "Peru condemned the efforts to obstruct the resupply mission.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "COERCE"),
        "{:?}",
        events(text)
    );
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
fn a_subject_separated_by_a_parenthetical_still_acts() {
    let text = "Chile's foreign minister, in remarks published on Monday, urged Peru to respond.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
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
fn north_and_south_korea_are_two_states() {
    let text = "North and South Korea exchanged artillery fire on Thursday.";
    assert!(has(text, "PRK", "ASSAULT", "KOR"), "{:?}", events(text));
    assert!(has(text, "KOR", "ASSAULT", "PRK"), "{:?}", events(text));
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
fn a_partner_named_in_concert_with_the_subject_acts_too() {
    let text = "Chile, in concert with Bolivia, is imposing additional costs on Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    assert!(has(text, "BOL", "SANCTION", "PER"), "{:?}", events(text));
    let text = "Chile, together with Bolivia, condemned Peru on Monday.";
    assert!(has(text, "BOL", "ACCUSE", "PER"), "{:?}", events(text));
    // A partner is not a target.
    assert!(!has(text, "CHL", "ACCUSE", "BOL"), "{:?}", events(text));
    // An actor in a relative clause after the partner is no partner.
    let text = "Chile, together with Bolivia, which has long criticised Ecuador, is imposing costs on Peru.";
    assert!(!has(text, "ECU", "SANCTION", "PER"), "{:?}", events(text));
}

#[test]
fn a_bare_infinitive_after_a_threat_is_threatened_not_done() {
    let text = "Chile is threatening to close its border with Peru and deport more than 3,000 Peruvian students.";
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
    assert!(!has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
}

#[test]
fn a_relative_clause_without_that_names_who_did_the_act() {
    let text = "He cited threats Peru has made to the northern regions of Chile.";
    assert!(has(text, "PER", "THREATEN", "CHL"), "{:?}", events(text));
}

#[test]
fn an_accusation_is_aimed_at_the_doer_of_the_hostile_act_it_reports() {
    let text = "Chile has claimed that Peruvian troops fired at its border post on Monday.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    // A report of a friendly act is no accusation of its doer.
    let text = "Chile has claimed that Peru agreed to hold talks on Monday.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
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
fn a_participle_with_an_object_is_active() {
    // Parsed as a noun phrase with a participle: "troops (which were) attacked".
    let text = "Indian troops attacked Pakistani positions along the line of control.";
    assert!(has(text, "IND", "ASSAULT", "PAK"), "{:?}", events(text));
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
fn an_object_owned_by_a_pronoun_is_the_subjects_own() {
    let text = "Kenya boycotted the hearings at the court.\n\nSouth Sudan withdrew its troops from Heglig after international pressure.";
    assert!(!has(text, "SSD", "RETREAT", "KEN"), "{:?}", events(text));
}

#[test]
fn a_request_is_made_of_its_object_not_of_a_partner_named_with_with() {
    let text = "Chile will encourage economic and social development with Peru.";
    assert!(!has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
    let text = "Chile urged Peru to withdraw its troops from the border.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn the_regime_is_the_state_named_last_that_is_not_the_sources() {
    let text = "Chile condemned the fraudulent election in Peru.\n\nChile will continue to impose costs on the regime.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    // Named with its owner, the description is left to the actor stage.
    let text = "Chile condemned the fraudulent election in Peru.\n\nChile will continue to impose costs on the Bolivian regime.";
    assert!(!has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
}

#[test]
fn a_free_participle_shares_the_subject_of_its_clause() {
    // Parsed as an adverbial clause of "delivered", without a marker.
    let text = "Chile delivered a unanimous decision firmly rejecting Peru's maritime claims.";
    assert!(has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
}

#[test]
fn a_statement_condemning_someone_is_an_act_of_its_issuer() {
    let text = "Bolivia issued a statement condemning Peru.";
    assert!(has(text, "BOL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn force_used_on_contested_land_is_aimed_at_the_other_party() {
    let text = "Ukraine protested again on Monday.\n\nThe United States imposed sanctions on Russia over its annexation of the Crimean peninsula.";
    assert!(has(text, "RUS", "COERCE", "UKR"), "{:?}", events(text));
}

#[test]
fn an_agreement_someone_would_sign_is_not_an_agreement_made() {
    // "peace agreement" is a topic ending in the noun of an act; "would sign" a cue of intent.
    let text = "Chile said it would sign the peace agreement only after the dispute with Peru was resolved.";
    assert!(
        !events(text)
            .iter()
            .any(|(_, t, _, neg)| t == "AGREE" && !neg),
        "{:?}",
        events(text)
    );
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
fn a_state_is_known_by_its_epithet_and_an_organization_by_its_acronym() {
    let text = "The Hermit Kingdom fired two artillery shells at Seoul on Thursday.";
    assert!(has(text, "PRK", "ASSAULT", "KOR"), "{:?}", events(text));
    let names = crate::test_support::actor_names("The AU sent envoys to Khartoum on Monday.");
    assert!(names.iter().any(|n| n == "actors/AU"), "{names:?}");
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
fn officials_at_a_seat_of_government_act_for_its_state() {
    let text = "Officials in Beijing criticized Tokyo on Monday.";
    assert!(has(text, "CHN", "ACCUSE", "JPN"), "{:?}", events(text));
    // Elsewhere the seat is a place.
    let names = crate::test_support::actor_names("Talks in Beijing ended on Monday.");
    assert!(!names.iter().any(|n| n == "actors/CHN"), "{names:?}");
    // Officials with a nationality of their own are only there.
    let names = crate::test_support::actor_names("Rao met Indian officials in Beijing on Monday.");
    assert!(!names.iter().any(|n| n == "actors/CHN"), "{names:?}");
}

#[test]
fn a_meeting_held_is_mutual_but_one_announced_is_not() {
    let text =
        "The Egyptian foreign minister met his Ethiopian counterpart in Addis Ababa on Monday.";
    assert!(has(text, "EGY", "CONSULT", "ETH"), "{:?}", events(text));
    assert!(has(text, "ETH", "CONSULT", "EGY"), "{:?}", events(text));
    let text = "The Egyptian foreign minister intends to meet with Ethiopian officials next week.";
    assert!(has(text, "EGY", "CONSULT", "ETH"), "{:?}", events(text));
    assert!(!has(text, "ETH", "CONSULT", "EGY"), "{:?}", events(text));
}

#[test]
fn both_sides_are_the_two_parties_the_sentence_names() {
    // The sentence is about the Kuril Islands, whose parties are Japan and Russia; the two
    // sides meant are the two the sentence names.
    let text = "Japanese and Chinese coast guard vessels collided near the Kuril Islands on Monday, with both sides accusing the other of causing the incident.";
    assert!(has(text, "JPN", "ACCUSE", "CHN"), "{:?}", events(text));
    assert!(has(text, "CHN", "ACCUSE", "JPN"), "{:?}", events(text));
    assert!(!has(text, "JPN", "ACCUSE", "RUS"), "{:?}", events(text));
}

#[test]
fn the_countries_forces_are_the_pair_just_named() {
    let text = "Relations between Chile and Peru worsened after the countries' forces exchanged fire on Monday.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "ASSAULT", "CHL"), "{:?}", events(text));
}

#[test]
fn a_participle_describing_a_thing_is_no_act() {
    let text = "Chile's foreign minister says Chilean troops were surveying the area for the proposed fence on the border with Peru.";
    assert!(
        !events(text).iter().any(|(_, t, ..)| t == "AGREE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn an_act_named_as_the_setting_of_a_clause_is_its_subjects() {
    let text = "Chile's foreign minister, Ana Torres, was in Peru for a meeting this week.";
    // The minister's phrase is read as her state's ("Chile's foreign minister").
    assert!(
        has(text, "ana-torres", "CONSULT", "PER") || has(text, "CHL", "CONSULT", "PER"),
        "{:?}",
        events(text)
    );
    let text = "Chile supports the plan, President Ana Torres told Peruvian President Luis Rojas in a recent phone call.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, g, _)| t == "CONSULT" && !s.is_empty() && !g.is_empty()),
        "{:?}",
        events(text)
    );
    // Killed in clashes: a passive's subject does not hold the clashes.
    let text = "Two Chilean soldiers were killed in clashes with Peru on Monday.";
    assert!(!has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn with_both_sides_doing_it_both_act_upon_each_other() {
    let text = "Chilean and Peruvian troops exchanged fire on Monday, with both sides accusing the other of starting the clash.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn reporting_another_states_force_is_an_accusation() {
    let text = "Chile said Peruvian troops attacked a Chilean border post on Monday.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    // Its own force reported is no accusation of anyone.
    let text = "Chile said its troops attacked a Peruvian border post on Monday.";
    assert!(
        !events(text).iter().any(|(_, t, ..)| t == "ACCUSE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_threat_is_aimed_at_the_subject_of_its_condition() {
    let text = "\"If Peru does not withdraw its troops, we will retaliate,\" Chile's foreign minister said on Monday.";
    assert!(
        events(text)
            .iter()
            .any(|(_, t, g, _)| t == "THREATEN" && g.iter().any(|x| x == "PER")),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_concession_naming_no_one_is_made_to_the_side_reporting_it() {
    let text = "Chile says Peruvian officials have apologized for the incident.";
    assert!(has(text, "PER", "CONCEDE", "CHL"), "{:?}", events(text));
    // Named, it is made to whom the text names.
    let text = "Chile's foreign minister says Peru has apologized to Bolivia for the incident.";
    assert!(has(text, "PER", "CONCEDE", "BOL"), "{:?}", events(text));
}

#[test]
fn an_obligation_reported_of_another_is_a_demand() {
    let text = "Chile and Bolivia said that Peru must withdraw its fishing fleet from the area.";
    let all = events(text);
    assert!(has(text, "CHL", "REQUEST", "PER"), "{all:?}");
    assert!(has(text, "BOL", "REQUEST", "PER"), "{all:?}");
    // Knowing is not an act asked for: "must know that" warns.
    let text = "Chile said that Peru must know the fleet is watched.";
    assert!(!has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
    // Not reported by anyone: an obligation stated by the text is no one's demand.
    let text = "Peru must withdraw its fishing fleet, analysts in Lima believe.";
    assert!(
        !events(text).iter().any(|e| e.1 == "REQUEST"),
        "{:?}",
        events(text)
    );
    // Denied: "did not say that" makes no demand.
    let text = "Chile did not say that Peru must withdraw its fishing fleet.";
    assert!(!has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn coordinated_demonyms_before_one_noun_all_act() {
    let text = "Chilean and Peruvian forces exchanged fire near the border on Monday.";
    let all = events(text);
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{all:?}");
    assert!(has(text, "PER", "ASSAULT", "CHL"), "{all:?}");
}

#[test]
fn they_after_coordinated_subjects_in_the_sentence_refers_to_them() {
    let text = "The African Union welcomed the vote. Chile and Peru met last week in Lima, \
                where they agreed to reopen the border.";
    let all = events(text);
    assert!(has(text, "CHL", "AGREE", "PER"), "{all:?}");
    assert!(has(text, "PER", "AGREE", "CHL"), "{all:?}");
    assert!(!acts_as(text, "AU", "AGREE"), "{all:?}");
}

/// Whether some event of type `ty` of `text` has `src` among its sources.
fn acts_as(text: &str, src: &str, ty: &str) -> bool {
    events(text)
        .iter()
        .any(|(s, t, _, _)| t == ty && s.iter().any(|x| x == src))
}

#[test]
fn a_verb_coordinated_with_an_obliged_one_is_obliged_too() {
    let text = "Chile said that Peru must halt its fishing and improve relations with Bolivia.";
    let all = events(text);
    assert!(has(text, "CHL", "REQUEST", "PER"), "{all:?}");
    assert!(!acts(text, "PER"), "{all:?}");
}

#[test]
fn a_relative_clause_is_aimed_at_whoever_holds_its_antecedent() {
    let text = "Chile and Peru have kept a policy of turning away fishing boats, which Bolivia \
                has criticised.";
    let all = events(text);
    assert!(has(text, "BOL", "ACCUSE", "CHL"), "{all:?}");
    assert!(has(text, "BOL", "ACCUSE", "PER"), "{all:?}");
}

#[test]
fn a_possessive_the_parser_hangs_elsewhere_still_owns_the_phrase() {
    let text = "Chilean-Peruvian relations have taken a dramatic turn for the worse after the \
                countries' forces exchanged fire along a remote stretch of their border.";
    let all = events(text);
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{all:?}");
    assert!(has(text, "PER", "ASSAULT", "CHL"), "{all:?}");
}

#[test]
fn congratulating_a_state_is_praise() {
    let text = "Chile congratulated Peru and Bolivia on their border agreement.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
    assert!(has(text, "CHL", "SUPPORT", "BOL"), "{:?}", events(text));
}

#[test]
fn a_veto_rejects_whoever_owns_what_is_vetoed() {
    // The verb, and the noun whose doer is an adjective and whose object "we" own.
    let verb = "Peru vetoed the Chilean resolution in the Council.";
    assert!(has(verb, "PER", "REJECT", "CHL"), "{:?}", events(verb));
    let noun = "Chile deeply regrets the outcome of the vote. The Peruvian veto of our draft resolution ended the talks.";
    assert!(has(noun, "PER", "REJECT", "CHL"), "{:?}", events(noun));
    // The owner of what an act with no doer named is done to is no target: see
    // event_args::tests::the_owner_of_what_a_doerless_act_is_done_to_is_no_target (the earlier
    // check here, no PER RETREAT PER for "The withdrawal of Peruvian troops began", could not
    // fail: that sentence codes no event at all).
}

#[test]
fn the_owner_of_a_decision_to_act_does_the_act() {
    let text = "Peru's decision to expel Chilean diplomats worsened relations.";
    assert!(has(text, "PER", "SANCTION", "CHL"), "{:?}", events(text));
}

#[test]
fn a_headline_is_not_the_author_of_we() {
    let x = extractor();
    let article = "Peru Rejects Chilean Proposal on Border\n\nWe call on Chile to return to the talks. \
                   Bolivia stands ready to host them.";
    let out = x
        .extract(article, &ArticleMeta::default())
        .expect("extracts");
    let requests: Vec<_> = out
        .events
        .iter()
        .filter(|e| e.event_type.as_str() == "REQUEST")
        .map(|e| e.sources.clone())
        .collect();
    assert!(
        requests
            .iter()
            .all(|s| !s.iter().any(|a| a == "actors/PER")),
        "{requests:?}"
    );
}

#[test]
fn the_parties_asked_to_act_are_the_pair_named() {
    // An infinitive hung on "the parties" does not make them some other parties.
    let before = "Chile and Peru exchanged fire along the border on Monday. In a statement, \
                  Bolivia called upon the parties to re-engage in negotiations on substance.";
    assert!(has(before, "BOL", "REQUEST", "CHL"), "{:?}", events(before));
    assert!(has(before, "BOL", "REQUEST", "PER"), "{:?}", events(before));
    // Named only after the words, in the same sentence.
    let after =
        "Bolivia urges the sides to avoid escalation along the border between Chile and Peru.";
    assert!(has(after, "BOL", "REQUEST", "CHL"), "{:?}", events(after));
    assert!(has(after, "BOL", "REQUEST", "PER"), "{:?}", events(after));
    // The first pair named after the words, not the last two states of the sentence.
    let speaker = "Bolivia urges the sides to avoid escalation along the border between Chile \
                   and Peru, the Argentine foreign ministry said in Buenos Aires.";
    assert!(
        has(speaker, "BOL", "REQUEST", "CHL"),
        "{:?}",
        events(speaker)
    );
    assert!(
        has(speaker, "BOL", "REQUEST", "PER"),
        "{:?}",
        events(speaker)
    );
    assert!(
        !has(speaker, "BOL", "REQUEST", "ARG"),
        "{:?}",
        events(speaker)
    );
}

#[test]
fn an_act_upon_no_one_is_not_coded() {
    // An agreement, a rejection or an apology that names no one it is aimed at says nothing of
    // relations between actors.
    for text in [
        "We all agree that the goal is stopping piracy, the Brazilian minister said.",
        "Brazil rejected the claims on Tuesday.",
        "Brazilian officials apologized for the incident on Tuesday.",
        "Brazil does not agree with every provision of the text.",
    ] {
        let found = events(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    // The same acts aimed at someone are coded ...
    let aimed = "Brazilian officials apologized to Peru for the incident on Tuesday.";
    assert!(has(aimed, "BRA", "CONCEDE", "PER"), "{:?}", events(aimed));
    let aimed = "Brazil rejected Peru's claims on Tuesday.";
    assert!(has(aimed, "BRA", "REJECT", "PER"), "{:?}", events(aimed));
    // ... and parties that agree together are each other's targets.
    let together = "Brazil and Peru agreed on Tuesday to reopen the border.";
    assert!(
        has(together, "BRA", "AGREE", "PER"),
        "{:?}",
        events(together)
    );
    // A request may name only what it asks, and a deployment only a place.
    let asked = "Brazil demanded an apology.";
    assert!(
        events(asked)
            .iter()
            .any(|(s, t, _, _)| s == &["BRA"] && t == "REQUEST"),
        "{:?}",
        events(asked)
    );
    let deployed = "The Brazilian navy deployed two frigates to the disputed waters.";
    assert!(
        events(deployed)
            .iter()
            .any(|(_, t, g, _)| t == "MOBILIZE" && g.is_empty()),
        "{:?}",
        events(deployed)
    );
}

#[test]
fn a_reaction_that_names_no_one_answers_the_act_before_it() {
    // A rejection answers the request before it, in any words.
    let text = "Peru urged Brazil to reopen the border. Brazil rejected the request.";
    assert!(has(text, "BRA", "REJECT", "PER"), "{:?}", events(text));
    let text = "Peruvian officials asked Brazil on Monday to reopen the border. On Tuesday the \
                Brazilian government rejected the demand.";
    assert!(has(text, "BRA", "REJECT", "PER"), "{:?}", events(text));
    // An apology is made to the side wronged: the state named before it, not the apologizer's.
    let text = "Chilean troops crossed into Peru on Saturday. Chilean officials apologized for \
                the incident.";
    assert!(has(text, "CHL", "CONCEDE", "PER"), "{:?}", events(text));
    let text = "The Chilean navy seized a Peruvian trawler last week. On Monday Chile apologized \
                for the seizure.";
    assert!(has(text, "CHL", "CONCEDE", "PER"), "{:?}", events(text));
    // A protest at what another state did after it in the sentence.
    let text = "Bolivia protested after Chile closed the border.";
    assert!(has(text, "BOL", "PROTEST", "CHL"), "{:?}", events(text));
    // "Each side blamed the other" stays mutual.
    let text = "Chile and Peru exchanged fire on Monday, and each side blamed the other.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn actors_coordinated_with_a_pronoun_act_with_whom_it_stands_for() {
    let text = "Chilean President Gabriel Rojas met Peru's foreign minister on Monday. He and \
                Peru's Luis Vargas agreed to reopen the border.";
    assert!(
        has(text, "gabriel-rojas", "AGREE", "PER"),
        "{:?}",
        events(text)
    );
    assert!(
        has(text, "PER", "AGREE", "gabriel-rojas"),
        "{:?}",
        events(text)
    );
    let text = "Chile's foreign minister, Ana Torres, visited Lima in April. During the visit, she \
                and Peruvian Foreign Minister Luis Vargas agreed to reopen the border.";
    assert!(
        has(text, "ana-torres", "AGREE", "PER"),
        "{:?}",
        events(text)
    );
    assert!(
        has(text, "PER", "AGREE", "ana-torres"),
        "{:?}",
        events(text)
    );
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
