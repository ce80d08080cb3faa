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
fn who_is_concerned_by_drills_does_not_hold_them() {
    let text = "Chile is seriously concerned by the military drills near Peru.";
    assert!(!acts(text, "CHL"), "{:?}", events(text));
}

#[test]
fn the_actor_before_a_noun_of_an_act_holds_it() {
    // "military" only qualifies the drills (mentions.rs `only_modifies_a_noun`): the drills
    // are Chile's.
    let text = "Chilean military drills near Peru began on Monday.";
    assert!(has(text, "CHL", "MOBILIZE", "PER"), "{:?}", events(text));
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
fn without_negates_only_the_verb_it_marks() {
    let text = "Chilean troops entered the village and, without firing a shot, detained two Peruvian officers.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, g, n)| s == &["CHL"] && t == "COERCE" && g == &["PER"] && !*n),
        "{:?}",
        events(text)
    );
    let text = "Chile left the talks without rejecting the Peruvian plan.";
    assert!(
        events(text)
            .iter()
            .all(|(s, t, _, n)| s != &["CHL"] || t != "REJECT" || *n),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_release_of_a_person_pronoun_answers_no_states_act() {
    // "him" is aimed at the person, whom no name gives: not at the last state named.
    let text = "He is accused of breaking Peruvian sanctions on Bolivia. A Chilean court freed \
                him on bail on Tuesday.";
    assert!(
        !events(text)
            .iter()
            .any(|(s, t, g, _)| s == &["CHL"] && t == "CONCEDE" && !g.is_empty()),
        "{:?}",
        events(text)
    );
    // A group's pronoun still stands for the group.
    let text = "Bolivia detained two Chilean soldiers last week. On Tuesday Bolivia freed them.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, g, _)| s == &["BOL"] && t == "CONCEDE" && g == &["CHL"]),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_release_of_a_person_pronoun_answers_the_seizure_of_that_person() {
    // "him" is the envoy the same side seized: his state is the release's other side (rev42b).
    for (text, source, target) in [
        (
            "Iran detained the British envoy last week. On Tuesday Iran freed him.",
            "IRN",
            "GBR",
        ),
        (
            "Russia detained a U.S. diplomat in Moscow. Russia later released him.",
            "RUS",
            "USA",
        ),
    ] {
        let found = events(text);
        assert!(
            found
                .iter()
                .any(|(s, t, g, _)| s == &[source] && t == "CONCEDE" && g == &[target]),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_negating_verb_leaves_the_verb_joined_to_it_affirmed() {
    for (text, kind) in [
        (
            "Chile denies involvement and has threatened Peru.",
            "THREATEN",
        ),
        (
            "Chile declined to comment and later accused Peru of spying.",
            "ACCUSE",
        ),
        (
            "Chile refused to attend the summit and threatened Peru with sanctions.",
            "THREATEN",
        ),
    ] {
        assert!(
            events(text)
                .iter()
                .any(|(s, t, g, n)| s == &["CHL"] && t == kind && g == &["PER"] && !*n),
            "{text}: {:?}",
            events(text)
        );
    }
    // What the negating verb governs stays negated, a conjunct of it too.
    for text in [
        "Chile refused to condemn Peru on Monday.",
        "Chile refused to sanction Peru and to threaten Bolivia.",
    ] {
        assert!(
            events(text).iter().all(|(_, _, _, n)| *n) && !events(text).is_empty(),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn a_negator_of_a_relative_clause_leaves_the_main_verb_affirmed() {
    for text in [
        "Chile, which has never recognized the ruling, condemned Peru on Monday.",
        "The Chilean foreign minister, whose ministry insists the navy never fired, condemned Peru on Monday.",
    ] {
        assert!(
            events(text)
                .iter()
                .any(|(s, t, g, n)| s == &["CHL"] && t == "ACCUSE" && g == &["PER"] && !*n),
            "{text}: {:?}",
            events(text)
        );
    }
    // The negation a verb shares through its complement or conjunct stays.
    let text = "Chile did not want to condemn Peru on Monday.";
    assert!(
        events(text).iter().all(|(_, _, _, n)| *n) && !events(text).is_empty(),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_declining_verb_a_purpose_clause_and_a_participle_on_the_object_keep_the_negation() {
    for (text, source, kind, target) in [
        (
            "The summit ended abruptly when Iran declined to meet the United States.",
            "IRN",
            "CONSULT",
            "USA",
        ),
        (
            "Sanctions followed after Venezuela failed to negotiate with Guyana.",
            "VEN",
            "CONSULT",
            "GUY",
        ),
        (
            "India has not bought Russian oil to support Russia's war, New Delhi said.",
            "IND",
            "SUPPORT",
            "RUS",
        ),
        (
            "India did not sign the statement criticizing Russia.",
            "IND",
            "ACCUSE",
            "RUS",
        ),
    ] {
        let found = events(text);
        assert!(
            !found
                .iter()
                .any(|(s, t, g, n)| s == &[source] && t == kind && g == &[target] && !*n),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_blow_to_their_own_people_is_no_fight_between_coordinated_sources() {
    let text = "The Chilean official said the policies adopted by Peru and Bolivia are hurting their people.";
    assert!(!has(text, "PER", "ASSAULT", "BOL"), "{:?}", events(text));
    assert!(!has(text, "BOL", "ASSAULT", "PER"), "{:?}", events(text));
    // Coordinated sources still fight each other.
    let text = "Peru and Bolivia attacked each other on Monday.";
    assert!(has(text, "PER", "ASSAULT", "BOL"), "{:?}", events(text));
}

#[test]
fn force_upon_a_thing_is_no_fight_between_coordinated_sources() {
    for text in [
        "Fishermen from Peru and Bolivia came to plunder the lake's fish stocks.",
        "Peru and Bolivia bombed the rebel camps on Monday.",
        "Peru and Bolivia bombed Cochabamba for weeks.",
        "Peru and Bolivia bombed them again on Friday.",
    ] {
        assert!(
            !has(text, "PER", "ASSAULT", "BOL"),
            "{text}: {:?}",
            events(text)
        );
        assert!(
            !has(text, "BOL", "ASSAULT", "PER"),
            "{text}: {:?}",
            events(text)
        );
    }
    for text in [
        "Peru and Bolivia shelled each other's positions on Monday.",
        "Peru and Bolivia exchanged artillery fire on Monday.",
    ] {
        assert!(
            has(text, "PER", "ASSAULT", "BOL"),
            "{text}: {:?}",
            events(text)
        );
    }
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
fn a_denunciation_is_an_accusation_like_a_condemnation() {
    // CAMEO 111 ("denounce") with "condemn" and "criticize": the judged deed's owner is the target.
    for verb in ["denounced", "denounces"] {
        let text = format!("Peru {verb} Chile's seizure of the fishing boat.");
        assert!(has(&text, "PER", "ACCUSE", "CHL"), "{:?}", events(&text));
    }
}

#[test]
fn a_subject_separated_by_a_parenthetical_still_acts() {
    let text = "Chile's foreign minister, in remarks published on Monday, urged Peru to respond.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
}

#[test]
fn north_and_south_korea_are_two_states() {
    let text = "North and South Korea exchanged artillery fire on Thursday.";
    assert!(has(text, "PRK", "ASSAULT", "KOR"), "{:?}", events(text));
    assert!(has(text, "KOR", "ASSAULT", "PRK"), "{:?}", events(text));
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
fn a_prepositions_object_after_a_predicate_is_no_subject() {
    // Peru is in the recall's phrase, and "in protest" is Chile's motive, not Peru's act.
    for text in [
        "Chile recalled its ambassador from Peru in protest over the arrests.",
        "Chile broke off diplomatic ties with Peru in protest at a Peruvian judge's call for a trial.",
    ] {
        assert!(
            has(text, "CHL", "SANCTION", "PER"),
            "{text}: {:?}",
            events(text)
        );
        assert!(
            !events(text)
                .iter()
                .any(|(s, t, _, _)| s == &["PER"] && t == "PROTEST"),
            "{text}: {:?}",
            events(text)
        );
    }
    // Before any act, after a verb of saying or past a conjunction, a preposition's object
    // still names who acts.
    for text in [
        "Soldiers from Peru attacked a Chilean border post on Monday.",
        "Officials said soldiers from Peru attacked a Chilean border post on Monday.",
        "Bolivia shelled the town in 2022, and soldiers from Peru attacked a Chilean border post.",
        "Bolivia recalled its envoy from Chile after soldiers from Peru attacked a Chilean border post.",
    ] {
        assert!(
            has(text, "PER", "ASSAULT", "CHL"),
            "{text}: {:?}",
            events(text)
        );
    }
    // A possessive pronoun's antecedent may be one: "its" is Russia.
    let text = "Chile announced sanctions against Russia over its annexation of the peninsula.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, _, _)| s == &["RUS"] && t == "COERCE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_participle_with_an_object_is_active() {
    // Parsed as a noun phrase with a participle: "troops (which were) attacked".
    let text = "Indian troops attacked Pakistani positions along the line of control.";
    assert!(has(text, "IND", "ASSAULT", "PAK"), "{:?}", events(text));
}

#[test]
fn an_object_owned_by_a_pronoun_is_the_subjects_own() {
    let text = "Kenya boycotted the hearings at the court.\n\nSouth Sudan withdrew its troops from Heglig after international pressure.";
    assert!(!has(text, "SSD", "RETREAT", "KEN"), "{:?}", events(text));
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
fn a_text_its_issuer_puts_out_acts_for_the_issuer_and_one_acted_upon_does_not() {
    // st44b: "passed", "released" are no light verbs, but putting out a text (lexicon
    // `issuing_verb` of a `text_noun`) makes the clause on it the issuer's act.
    let text = "The Chilean senate passed a resolution condemning Peru.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Bolivia released a statement urging Peru to withdraw its troops.";
    assert!(has(text, "BOL", "REQUEST", "PER"), "{:?}", events(text));
    // Acting on another's text, or a text that is the subject, is no issuing.
    let text = "Bolivia rejected a statement condemning Peru.";
    assert!(!has(text, "BOL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "A resolution condemning Peru was vetoed by Bolivia.";
    assert!(!has(text, "BOL", "ACCUSE", "PER"), "{:?}", events(text));
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
fn a_state_is_known_by_its_epithet_and_an_organization_by_its_acronym() {
    let text = "The Hermit Kingdom fired two artillery shells at Seoul on Thursday.";
    assert!(has(text, "PRK", "ASSAULT", "KOR"), "{:?}", events(text));
    let names = crate::test_support::actor_names("The AU sent envoys to Khartoum on Monday.");
    assert!(names.iter().any(|n| n == "actors/AU"), "{names:?}");
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
fn a_possessive_the_parser_hangs_elsewhere_still_owns_the_phrase() {
    let text = "Chilean-Peruvian relations have taken a dramatic turn for the worse after the \
                countries' forces exchanged fire along a remote stretch of their border.";
    let all = events(text);
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{all:?}");
    assert!(has(text, "PER", "ASSAULT", "CHL"), "{all:?}");
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
fn a_pronoun_and_the_subjects_the_parser_hangs_apart_act_together() {
    // The parser hangs "he", "Lavrov" (and the fronted "visit") on the verb as separate subjects.
    for text in [
        "Secretary Tillerson has made that clear. During the Secretary's April visit to Moscow, \
         he and Foreign Minister Lavrov agreed to establish a working group.",
        "Secretary Tillerson spoke on Monday. During the Secretary's visit to Moscow in April, \
         he and Foreign Minister Lavrov agreed to form a joint commission.",
    ] {
        assert!(
            has(text, "tillerson", "AGREE", "lavrov"),
            "{:?}",
            events(text)
        );
        assert!(
            has(text, "lavrov", "AGREE", "tillerson"),
            "{:?}",
            events(text)
        );
    }
}

#[test]
fn protesters_named_by_a_demonym_act_for_no_state() {
    // "they" is the protesters, whose condemnation is no state's (the stance stage agrees:
    // stances::tests_tree::they_after_protesters_who_met_officials_is_the_protesters).
    for text in [
        "Japan arrested the activists. Chinese protesters met Japanese officials in Beijing, and they condemned the arrest of Chinese activists near the Senkaku islands.",
        "Japan arrested the activists. Chinese demonstrators gathered in Shanghai, where they denounced the arrest of the activists.",
    ] {
        let e = events(text);
        assert!(
            !e.iter().any(|(s, t, ..)| (t == "ACCUSE" || t == "PROTEST")
                && s.iter().any(|x| x == "CHN" || x == "JPN")),
            "{text}: {e:?}"
        );
    }
    // Officials do act for their state.
    assert!(acts(
        "Japan arrested the activists. Chinese officials met Japanese protesters in Beijing, and they condemned the arrest of Chinese activists.",
        "CHN"
    ));
}

#[test]
fn an_act_demanded_in_a_that_clause_is_not_done() {
    // The mandative subjunctive: the bare "release" is what is demanded, not a release.
    let by_russia = |text: &str| {
        events(text)
            .into_iter()
            .filter(|(s, _, _, _)| s.iter().any(|x| x == "RUS"))
            .collect::<Vec<_>>()
    };
    let text = "Headline\n\nThe United States demanded that Russia immediately release the Ukrainian sailors.";
    assert!(has(text, "USA", "REQUEST", "RUS"), "{:?}", events(text));
    assert!(by_russia(text).is_empty(), "{:?}", events(text));
    // Done, it is coded.
    let text = "Headline\n\nThe United States said that Russia released the Ukrainian sailors.";
    assert!(!by_russia(text).is_empty(), "{:?}", events(text));
}

#[test]
fn a_joined_clause_with_its_own_subject_keeps_its_own_polarity() {
    for text in [
        "Norway did not condemn the raid, but Sweden expelled two Chilean diplomats.",
        "So far Norway hasn't accused Chile, but Sweden did expel two Chilean diplomats in May.",
    ] {
        assert!(
            events(text)
                .iter()
                .any(|(s, t, g, n)| s == &["SWE"] && t == "SANCTION" && g == &["CHL"] && !*n),
            "{text}: {:?}",
            events(text)
        );
    }
    // A conjunct without a subject of its own shares the negation.
    let text = "Norway did not condemn Chile or expel its diplomats.";
    assert!(
        events(text).iter().all(|(_, _, _, n)| *n) && !events(text).is_empty(),
        "{text}: {:?}",
        events(text)
    );
}

#[test]
fn a_joined_clause_negated_by_nor_neither_or_a_no_subject_stays_negated() {
    // The joined clause has a subject of its own, but carries its own negation: "nor", "neither"
    // or a subject with "no".
    for (text, source, target) in [
        (
            "Egypt did not expel the Sudanese envoy after the attack, nor did Cairo recall its ambassador from Khartoum.",
            "EGY",
            "SDN",
        ),
        (
            "Australia did not impose sanctions on China after the ban, and neither did New Zealand recall its ambassador from Beijing.",
            "NZL",
            "CHN",
        ),
        (
            "Germany has not yet recalled its ambassador from Moscow, and no other European Union state has expelled Russian diplomats.",
            "DEU",
            "RUS",
        ),
    ] {
        let found = events(text);
        assert!(
            found
                .iter()
                .any(|(s, t, _, _)| s == &[source] && t == "SANCTION")
                && found
                    .iter()
                    .filter(|(_, t, g, _)| t == "SANCTION" && g == &[target])
                    .all(|(_, _, _, n)| *n),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn coordinated_visitors_of_a_place_do_not_visit_each_other() {
    for text in [
        "Denmark and the Netherlands visited refugee camps near the border.",
        "The Danish and Dutch foreign ministers met Tuesday with Kenya's leaders and visited refugee camps in the north.",
    ] {
        assert!(
            !has(text, "DNK", "CONSULT", "NLD") && !has(text, "NLD", "CONSULT", "DNK"),
            "{text}: {:?}",
            events(text)
        );
    }
    let text = "Denmark and the Netherlands met on Tuesday.";
    assert!(has(text, "DNK", "CONSULT", "NLD"), "{:?}", events(text));
}

#[test]
fn not_alone_in_an_act_negates_nothing() {
    let text = "Peru is not alone in accusing Bolivia.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, g, n)| s == &["PER"] && t == "ACCUSE" && g == &["BOL"] && !*n),
        "{:?}",
        events(text)
    );
    let text = "Peru did not accuse Bolivia.";
    assert!(
        events(text).iter().all(|(_, _, _, n)| *n) && !events(text).is_empty(),
        "{:?}",
        events(text)
    );
}

#[test]
fn regretting_the_hurt_caused_to_another_is_an_apology_to_it() {
    let text = "Australia regrets the hurt caused to Indonesia.";
    assert!(has(text, "AUS", "CONCEDE", "IDN"), "{:?}", events(text));
    assert!(!has(text, "AUS", "ACCUSE", "IDN"), "{:?}", events(text));
    // Regretting another's decision still disapproves of it.
    let text = "Australia regrets the decision of Indonesia.";
    assert!(has(text, "AUS", "ACCUSE", "IDN"), "{:?}", events(text));
}

#[test]
fn a_negator_in_a_short_first_clause_does_not_reach_a_joined_clause_with_its_own_subject() {
    for text in [
        "Chile did not retaliate, but it accused Peru of violating the truce.",
        "Chile did not respond, and it recalled its ambassador from Lima.",
    ] {
        let found = events(text);
        assert!(
            found
                .iter()
                .any(|(s, _, g, n)| s == &["CHL"] && g == &["PER"] && !*n)
                && found.iter().all(|(_, _, g, n)| g != &["PER"] || !*n),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn regretting_a_harm_is_no_apology_to_its_doer() {
    // The harm's doer named after "by" or as its possessor is not apologised to.
    let text = "South Korea regrets the suffering caused by Japan's colonial rule.";
    assert!(!has(text, "KOR", "CONCEDE", "JPN"), "{:?}", events(text));
    let text = "India regrets Pakistan's harm to the peace process.";
    assert!(!has(text, "IND", "CONCEDE", "PAK"), "{:?}", events(text));
    // Named after "to", it still is.
    let text = "The Dutch government regrets the suffering caused to Indonesians.";
    assert!(has(text, "NLD", "CONCEDE", "IDN"), "{:?}", events(text));
    // In the past too.
    let text = "China regretted the offence caused to South Korea.";
    assert!(has(text, "CHN", "CONCEDE", "KOR"), "{:?}", events(text));
}
