//! Tests of the cues generated from PETRARCH2's verb dictionary (scripts/cameo-verbs.py), on
//! sentences of our own.

use super::tests::{codes, events, has};

#[test]
fn a_vouched_verb_of_a_large_block_codes_its_act() {
    // SHOOT_DOWN sits in CAMEO 190's block of 35 verbs with a coder's note: it is kept.
    let text = "Chile shot down a Peruvian drone near the border on Monday.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", codes(text));
    // FORBID is in the 172 block with a coder's note.
    let text = "Chile forbade Peruvian fishing boats from entering its waters.";
    assert!(has(text, "CHL", "COERCE", "PER"), "{:?}", codes(text));
}

#[test]
fn suspending_dealings_and_closing_a_border_are_sanctions_through_their_object() {
    for text in [
        "Chile suspended ministerial-level contacts with Peru on Monday.",
        "Chile halted cooperation with Peru on Monday.",
        "Chile closed its border with Peru on Monday.",
        "Chile shut its airspace to Peruvian planes on Monday.",
    ] {
        assert!(
            has(text, "CHL", "SANCTION", "PER"),
            "{text}: {:?}",
            codes(text)
        );
    }
    // Not through another object.
    let text = "A Chilean court suspended the sentence of a Peruvian fisherman.";
    assert!(!has(text, "CHL", "SANCTION", "PER"), "{:?}", codes(text));
}

#[test]
fn cutting_aid_or_relations_is_a_sanction_through_its_object() {
    // A word between the verb and its object ("military", "all diplomatic") breaks the
    // dictionary's "cut aid": the object's head noun still makes the cut a sanction, not aid.
    for text in [
        "Chile was cutting military aid to Peru on Monday.",
        "Chile has cut all diplomatic relations with Peru.",
        "Chile reduced its economic assistance to Peru last year.",
    ] {
        assert!(
            has(text, "CHL", "SANCTION", "PER"),
            "{text}: {:?}",
            codes(text)
        );
        assert!(!has(text, "CHL", "AID", "PER"), "{text}: {:?}", codes(text));
    }
    // Not through another object.
    let text = "Chile cut the number of troops near Peru on Monday.";
    assert!(!has(text, "CHL", "SANCTION", "PER"), "{:?}", codes(text));
}

#[test]
fn banning_trade_with_a_state_is_an_embargo_not_cooperation() {
    for text in [
        "Chile banned all imports from Peru on Monday.",
        "Chile barred exports to Peru after the vote.",
        "Chile restricted trade with Peru last year.",
        "Chile suspended imports from Peru on Monday.",
        "Chile blocked imports from Peru on Monday.",
    ] {
        assert!(
            has(text, "CHL", "SANCTION", "PER"),
            "{text}: {:?}",
            codes(text)
        );
    }
    // The trade noun a ban is on is no cooperation of the banning state's.
    let text = "Chile banned imports of seafood produced in Peru on Monday.";
    assert!(!has(text, "CHL", "COOPERATE", "PER"), "{:?}", codes(text));
    // A ban lifted is none.
    let text = "Chile lifted its ban on imports of Peruvian seafood.";
    assert!(!has(text, "CHL", "SANCTION", "PER"), "{:?}", codes(text));
    // Not through another object.
    let text = "Chile banned a Peruvian party from its elections.";
    assert!(!has(text, "CHL", "SANCTION", "PER"), "{:?}", codes(text));
}

#[test]
fn a_planned_meeting_called_off_is_no_agreement() {
    // The dictionary's bare "planned" (030) read a schedule as an intent to cooperate.
    for text in [
        "Chile postponed planned talks with Peru.",
        "Chile had suspended ministerial-level contacts and canceled planned meetings with Peru.",
    ] {
        assert!(!has(text, "CHL", "AGREE", "PER"), "{:?}", codes(text));
    }
    let text = "Chile canceled the planned meetings with Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", codes(text));
}

#[test]
fn an_unvouched_synonym_of_a_large_block_codes_nothing() {
    // ESCALATE is a WordNet synonym in CAMEO 060's block (cooperation) no coder vouched for:
    // escalating pressure on a neighbour is no cooperation with it.
    let text = "Chile escalated its pressure on Peru on Monday.";
    assert!(!has(text, "CHL", "COOPERATE", "PER"), "{:?}", codes(text));
    // OVERSHADOW sits among CAMEO 190's armed attacks, unvouched.
    let text = "Chile overshadowed Peru at the summit on Monday.";
    assert!(!has(text, "CHL", "ASSAULT", "PER"), "{:?}", codes(text));
}

#[test]
fn pulling_out_an_envoy_is_a_sanction_on_where_he_served() {
    // PETRARCH2 codes PULL_OUT as a concession (CAMEO 080); an envoy as its object, even as the
    // title of a name, makes it the recall of an ambassador, and the envoy is not its target.
    let text = "Chile is pulling out Ambassador Ruiz from Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    assert!(
        !events(text)
            .iter()
            .any(|(_, _, g, _)| g.iter().any(|x| x == "ruiz")),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_clause_of_aiming_on_a_noun_is_no_attack() {
    for text in [
        "Chile imposed sanctions targeting Peruvian banks on Monday.",
        "Chile passed a law that targets Peruvian fishing firms.",
    ] {
        assert!(
            !has(text, "CHL", "ASSAULT", "PER"),
            "{text}: {:?}",
            codes(text)
        );
    }
    let text = "Chile imposed sanctions targeting Peruvian banks on Monday.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", codes(text));
    // Weapons aimed at someone attack them.
    let text = "Chile launched drones targeting Peruvian border posts on Monday.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", codes(text));
    // The verb itself still is one.
    let text = "Chile targeted Peruvian border posts with missiles on Monday.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", codes(text));
}

#[test]
fn an_act_under_a_verb_of_ending_is_not_done() {
    let done = |text: &str| {
        events(text).iter().any(|(s, t, g, negated)| {
            s == &["CHL"] && t == "COOPERATE" && g == &["PER"] && !negated
        })
    };
    for text in [
        "Chile stopped cooperating with Peru on Monday.",
        "Chile has ceased cooperating with Peru.",
    ] {
        assert!(!done(text), "{text}: {:?}", events(text));
    }
    // Beginning it is the act.
    let text = "Chile began cooperating with Peru on Monday.";
    assert!(done(text), "{:?}", events(text));
    // A verb of ending negated is a double negation: the act goes on.
    for text in [
        "Chile and Peru have never stopped cooperating on fisheries.",
        "Chile did not stop cooperating with Peru during the dispute.",
        "Chile has not ceased to cooperate with Peru.",
    ] {
        assert!(
            events(text)
                .iter()
                .any(|(_, t, _, negated)| t == "COOPERATE" && !negated),
            "{text}: {:?}",
            events(text)
        );
    }
    // The act itself negated stays negated.
    for text in [
        "Chile has never cooperated with Peru.",
        "Chile did not cooperate with Peru.",
    ] {
        assert!(!done(text), "{text}: {:?}", events(text));
    }
}

#[test]
fn blocking_a_text_or_talks_is_a_rejection_not_force() {
    let text = "France blocked trade talks between the European Union and Brazil.";
    assert!(has(text, "FRA", "REJECT", "BRA"), "{:?}", events(text));
    assert!(!has(text, "FRA", "COERCE", "BRA"), "{:?}", events(text));
    let text = "Chile blocked a Peruvian proposal at the Organization of American States.";
    assert!(has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
    // A text is aimed at its drafters, whom the object seldom names ("a resolution condemning
    // Syria"); nor is the noun "block" an act ("ended its block on the deal").
    let text = "Chile blocked a resolution condemning Peru.";
    assert!(!has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
    let text = "Chile ended its block on the deal with Peru.";
    assert!(!has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
    // Not through another object.
    let text = "Chilean police blocked the road to the Peruvian embassy.";
    assert!(!has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
    // A statement or a declaration blocked is a text too, no blockade.
    for text in [
        "Chile blocked a statement criticizing Peru.",
        "Chile blocked a declaration condemning Peru.",
    ] {
        assert!(
            !events(text).iter().any(|(_, t, _, _)| t == "COERCE"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn an_act_upon_a_text_is_aimed_at_its_drafters_not_at_what_it_condemns() {
    // Blocking a resolution is no blockade, and not aimed at whom the resolution condemns.
    let text = "Chile blocked a resolution condemning Peru at the Council.";
    assert!(
        !events(text)
            .iter()
            .any(|(s, _, g, _)| s == &["CHL"] && g == &["PER"]),
        "{:?}",
        events(text)
    );
    let text = "Chile vetoed a draft resolution demanding sanctions on Peru.";
    assert!(!has(text, "CHL", "REJECT", "PER"), "{:?}", events(text));
    // Its drafter is whom the rejection is aimed at.
    let text = "Chile blocked a resolution drafted by Bolivia condemning Peru.";
    assert!(has(text, "CHL", "REJECT", "BOL"), "{:?}", events(text));
    assert!(!has(text, "CHL", "COERCE", "BOL"), "{:?}", events(text));
    let text = "Chile rejected a resolution proposed by Bolivia.";
    assert!(has(text, "CHL", "REJECT", "BOL"), "{:?}", events(text));
}

#[test]
fn cancelling_or_scrapping_a_pact_with_a_state_is_a_sanction_through_its_object() {
    for text in [
        "Chile has cancelled a defense agreement with Peru.",
        "Chile scrapped its fisheries accord with Peru last week.",
    ] {
        assert!(
            has(text, "CHL", "SANCTION", "PER"),
            "{text}: {:?}",
            codes(text)
        );
    }
    // Not through another object.
    let text = "Chile cancelled the concert in Lima after the storm.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn revoking_a_signature_or_downgrading_relations_with_a_state_is_a_sanction() {
    for text in [
        "Chile revoked its signature from the fisheries treaty with Peru.",
        "Chile downgraded diplomatic relations with Peru on Monday.",
    ] {
        assert!(
            has(text, "CHL", "SANCTION", "PER"),
            "{text}: {:?}",
            codes(text)
        );
    }
    // Not through another object.
    let text = "Chile revoked the licence of a Peruvian airline and downgraded its forecast.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_plural_object_the_parser_tags_as_a_verb_still_heads_the_object() {
    // The parser reads "exchanges" as a present verb, the passive clausal subject of
    // "suspended": it is the object, and the row coded through its object holds.
    for text in [
        "Chile has suspended naval exchanges with Peru.",
        "Chile has suspended joint exchanges with Peru over the dispute.",
    ] {
        assert!(
            has(text, "CHL", "SANCTION", "PER"),
            "{text}: {:?}",
            codes(text)
        );
    }
}

#[test]
fn coordinated_doers_that_break_relations_break_them_with_each_other() {
    let text = "Chile and Peru broke relations in 1879.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", codes(text));
    assert!(has(text, "PER", "SANCTION", "CHL"), "{:?}", codes(text));
}

#[test]
fn coordinated_doers_that_cut_ties_with_an_unknown_party_do_not_cut_them_with_each_other() {
    // "with" names whom the break is aimed at, though no actor is known for it: the doers are
    // not each other's targets.
    for text in [
        "Chile and Peru cut ties with the rebels.",
        "Chile and Peru have broken off relations with the Lima cartel.",
    ] {
        assert!(
            !has(text, "CHL", "SANCTION", "PER") && !has(text, "PER", "SANCTION", "CHL"),
            "{text}: {:?}",
            codes(text)
        );
    }
}

#[test]
fn a_pact_cancelled_is_not_aimed_at_states_named_in_a_clause_on_it() {
    // "signed by", "planned for": a clause modifying the object names others than whom the
    // cancelling is aimed at.
    for text in [
        "Chile cancelled the treaty drafted by Peru and Bolivia.",
        "Chile scrapped the exchanges arranged for its cadets in Peru.",
    ] {
        assert!(
            !codes(text).iter().any(|c| c.0 == "SANCTION"),
            "{text}: {:?}",
            codes(text)
        );
    }
    // The state named with the object still is.
    let text = "Chile cancelled its treaty with Peru.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", codes(text));
}
