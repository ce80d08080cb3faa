//! Tests of whom an event is aimed at (objects, obliques, the act a reaction answers, the
//! accuser a denial answers, parties acting upon each other), on sentences of our own.

use super::tests::{events, has};

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
fn a_threat_is_aimed_at_whom_the_threatened_act_would_hit() {
    // The act threatened is itself a cue (closing a border, suspending ties): its target is
    // the threat's, and the act is not done.
    for text in [
        "Chile threatened to close its border with Peru.",
        "Chile threatened to suspend ties with Peru.",
    ] {
        let found = events(text);
        assert!(has(text, "CHL", "THREATEN", "PER"), "{found:?}");
        assert!(
            !found.iter().any(|(_, t, _, _)| t == "SANCTION"),
            "{found:?}"
        );
    }
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
fn a_request_is_made_of_its_direct_object() {
    let text = "Chile will encourage economic development with Peru.";
    assert!(!has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
    let text = "Chile urged Peru to resume talks.";
    assert!(has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
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
fn each_side_blaming_the_other_is_two_accusations() {
    let text =
        "Chile and Peru clashed at the border. Each side has blamed the other for the fighting.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
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
fn an_accusation_is_aimed_at_the_doer_of_the_hostile_act_it_reports() {
    let text = "Chile has claimed that Peruvian troops fired at its border post on Monday.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    // A report of a friendly act is no accusation of its doer.
    let text = "Chile has claimed that Peru agreed to hold talks on Monday.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
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
fn force_used_on_contested_land_is_aimed_at_the_other_party() {
    let text = "Ukraine protested again on Monday.\n\nThe United States imposed sanctions on Russia over its annexation of the Crimean peninsula.";
    assert!(has(text, "RUS", "COERCE", "UKR"), "{:?}", events(text));
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
fn a_relative_clause_is_aimed_at_whoever_holds_its_antecedent() {
    let text = "Chile and Peru have kept a policy of turning away fishing boats, which Bolivia \
                has criticised.";
    let all = events(text);
    assert!(has(text, "BOL", "ACCUSE", "CHL"), "{all:?}");
    assert!(has(text, "BOL", "ACCUSE", "PER"), "{all:?}");
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
fn a_participle_after_the_asked_act_makes_no_speaker_of_the_parties_asked() {
    // "announced" modifies "decision": it reports no one's words, so "we" is still the author
    // and both parties are asked (it made Serbia the speaker, asking Kosovo).
    let text = "The United States condemns the move. We urge Serbia and Kosovo to reverse their \
                decision announced today.";
    let all = events(text);
    assert!(has(text, "USA", "REQUEST", "SRB"), "{all:?}");
    assert!(has(text, "USA", "REQUEST", "XKX"), "{all:?}");
    assert!(
        !all.iter()
            .any(|(s, t, _, _)| t == "REQUEST" && s.iter().any(|x| x == "SRB")),
        "{all:?}"
    );
    // A paraphrase: another verb of asking, another participle and noun.
    let text = "France welcomes the talks held in Geneva this week. We call on Armenia and \
                Azerbaijan to honor the ceasefire announced on Monday.";
    let all = events(text);
    assert!(has(text, "FRA", "REQUEST", "ARM"), "{all:?}");
    assert!(has(text, "FRA", "REQUEST", "AZE"), "{all:?}");
    assert!(
        !all.iter()
            .any(|(s, t, _, _)| t == "REQUEST" && s.iter().any(|x| x == "ARM")),
        "{all:?}"
    );
}

#[test]
fn a_second_titled_name_the_parser_hangs_as_an_apposition_is_a_second_target() {
    // "... Vucic and Kosovo Prime Minister Albin Kurti": the parser hangs Kurti on the noun as
    // an apposition holding the "and"; the condemned announcement is both leaders'.
    let text = "The United States condemns the announcement by Serbian President Aleksandar \
                Vucic and Kosovo Prime Minister Albin Kurti today regarding the closure of the \
                border.";
    let all = events(text);
    assert!(has(text, "USA", "ACCUSE", "aleksandar-vucic"), "{all:?}");
    assert!(has(text, "USA", "ACCUSE", "albin-kurti"), "{all:?}");
    // A paraphrase: another pair of leaders, another verb, the apposition under the first name.
    let text = "The United States condemns the announcement by Turkish Cypriot leader Ersin Tatar \
                and Turkish President Recep Tayyip Erdogan today regarding the transfer.";
    let all = events(text);
    assert!(
        has(text, "USA", "ACCUSE", "recep-tayyip-erdogan"),
        "{all:?}"
    );
    assert!(has(text, "USA", "ACCUSE", "TURKISH-CYPRIOTS"), "{all:?}");
}

#[test]
fn a_list_the_parser_hangs_as_an_apposition_names_every_state() {
    // "the United Kingdom" is parsed as an apposition of the noun, with "France" its conjunct:
    // all three act.
    for text in [
        "Iran condemned the strike by Israel, the United Kingdom and France on the port.",
        "Iran criticized the attack by Israel, the United Kingdom and Germany on the ship.",
    ] {
        let all = events(text);
        let targets: Vec<&Vec<String>> = all
            .iter()
            .filter(|(_, t, _, _)| t == "ACCUSE")
            .map(|(_, _, g, _)| g)
            .collect();
        assert_eq!(targets.len(), 1, "{text}: {all:?}");
        assert_eq!(targets[0].len(), 3, "{text}: {all:?}");
    }
}

#[test]
fn a_welcome_praises_its_object_not_an_actor_deep_in_its_name() {
    // The findings are of a panel of Peru's: welcoming their publication praises no one.
    let text = "Chile welcomes the publication of the findings of the Panel of Peru.";
    assert!(!has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
    // An owner close to the object is still praised.
    let text = "Chile welcomes the release of the report of Peru.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
}

#[test]
fn a_voiced_protest_is_the_subjects_aimed_at_the_owner_of_what_it_is_of() {
    // The parser tags "protest" a noun; "we" is the statement's author, read from the tree.
    let text = "The United States is deeply concerned by the arrests in Lima. We have repeatedly voiced our strong protest of the Peruvian government's efforts to silence reporters.";
    assert!(has(text, "USA", "PROTEST", "PER"), "{:?}", events(text));
    // A protest against a deed still is.
    let text = "Chile voiced its strong protest against the seizures of Peruvian boats.";
    assert!(has(text, "CHL", "PROTEST", "PER"), "{:?}", events(text));
}

#[test]
fn a_threat_is_aimed_at_a_condition_the_parse_misreads() {
    // The condition read as a clause beside the threat ("than" for "then"), and a condition
    // whose subject the parse takes for the verb's object.
    for text in [
        "Chile's foreign minister said Peru had apologized. \"If they do not keep their word, than we will retaliate.\"",
        "Chile's foreign minister said on Monday that Chile would retaliate if Peruvian troops crossed into Chile.",
    ] {
        assert!(
            events(text)
                .iter()
                .any(|(_, t, g, _)| t == "THREATEN" && g.iter().any(|x| x == "PER")),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn an_answer_promised_under_a_condition_is_a_threat_at_whom_it_names() {
    let text = "Chile said it would respond if Peruvian warships entered its waters.";
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
    // Without a condition, an answer is none: "respond to the letter".
    let text = "Chile said it would respond to Peru's letter next week.";
    assert!(
        !events(text).iter().any(|(_, t, ..)| t == "THREATEN"),
        "{:?}",
        events(text)
    );
    // Nor an answer in a manner other than force.
    let text = "Chile said it would respond positively if Peru agreed to talks.";
    assert!(!has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
    let text = "Chile said it would respond militarily if Peruvian warships entered its waters.";
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
}

#[test]
fn a_relative_clause_without_a_pronoun_is_aimed_at_whoever_holds_its_noun() {
    let text = "Peru demanded that Chile release the two Peruvian trawlers and 12 fishermen it seized on Monday.";
    assert!(has(text, "CHL", "COERCE", "PER"), "{:?}", events(text));
}

#[test]
fn a_state_described_by_a_noun_is_the_one_named_last() {
    let text =
        "Chile has long feuded with neighbouring Peru. In 1879 Chile invaded the Andean republic.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn an_act_a_party_is_prompted_to_is_its_own_and_done() {
    let text = "Peru sent a warship into the disputed waters, prompting Chile to summon a Peruvian diplomat in protest.";
    assert!(has(text, "CHL", "PROTEST", "PER"), "{:?}", events(text));
}

#[test]
fn a_quoted_phrase_inside_the_sentence_keeps_its_subject() {
    let text = "Peruvian fishermen landed on the disputed island on Sunday. Chile issued a \"strong protest against the landing\" on Monday.";
    assert!(has(text, "CHL", "PROTEST", "PER"), "{:?}", events(text));
}

#[test]
fn a_relative_pronoun_in_the_passive_is_the_noun_it_stands_for() {
    let text = "The court heard the case of six Chilean fishermen who were detained by Peruvian forces in May.";
    assert!(has(text, "PER", "COERCE", "CHL"), "{:?}", events(text));
}

#[test]
fn bodies_of_a_state_act_by_their_own_names() {
    // Bodies named alone (data/organizations.tsv), each acting for its state.
    let text = "The Revolutionary Guards seized two Chilean fishing boats on Monday.";
    assert!(has(text, "IRGC", "COERCE", "CHL"), "{:?}", events(text));
    // A bare "Foreign Office" may be any state's ("Pakistan's Foreign Office"): only its
    // British names are Britain's.
    let text = "The British Foreign Office asked Peru to release the fishermen.";
    assert!(
        has(text, "UK-FOREIGN-OFFICE", "REQUEST", "PER"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_threat_is_aimed_at_whom_the_act_threatened_would_hit() {
    let text = "Chile and Peru dispute the border. Chile threatened to impose sanctions on Peru.";
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
    let text = "Chile and Peru dispute the border. Chile threatened to expel Peruvian diplomats.";
    assert!(has(text, "CHL", "THREATEN", "PER"), "{:?}", events(text));
}

#[test]
fn a_venue_an_actor_names_is_where_not_whom() {
    // Whether the U.N. is a source or a target of any event of `text`.
    let un_acts = |text: &str| {
        events(text)
            .iter()
            .any(|(s, _, g, _)| s.iter().chain(g).any(|x| x == "UN"))
    };
    let text = "Barack Obama plans to meet foreign dignitaries at the United Nations headquarters in Geneva.";
    assert!(!un_acts(text), "{:?}", events(text));
    let text = "Chile and Peru held a meeting on the sidelines of the UN General Assembly.";
    assert!(!un_acts(text), "{:?}", events(text));
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
}

#[test]
fn the_accused_of_a_passive_without_agent_accuses_no_one() {
    let text = "Syria also stands accused of supporting militants in the region.";
    assert!(
        !events(text)
            .iter()
            .any(|(s, ..)| s.iter().any(|x| x == "SYR")),
        "{:?}",
        events(text)
    );
    let text = "Syria stands accused by Israel of supporting militants in the region.";
    assert!(has(text, "ISR", "ACCUSE", "SYR"), "{:?}", events(text));
}

#[test]
fn a_passive_subject_with_an_adverb_before_the_participle_does_not_act() {
    let text =
        "A naval museum in Valparaiso, Chile was also proposed as another site for the frigate.";
    assert!(
        !events(text)
            .iter()
            .any(|(s, ..)| s.iter().any(|x| x == "CHL")),
        "{:?}",
        events(text)
    );
}

#[test]
fn whom_a_threatened_gift_is_given_to_is_not_the_target() {
    // The recipient of the missiles is not threatened; the "to" phrase of a verb of giving
    // names a recipient.
    let text = "Bolivia threatened to sell fighter jets to Peru.";
    assert!(!has(text, "BOL", "THREATEN", "PER"), "{:?}", events(text));
    // Any other verb's "to" phrase still names whom the threat is aimed at.
    let text = "Bolivia threatened to cut off gas exports to Chile.";
    assert!(has(text, "BOL", "THREATEN", "CHL"), "{:?}", events(text));
}

#[test]
fn a_mediator_suspending_talks_between_others_sanctions_neither() {
    let text = "Norway suspended the talks between Chile and Peru after the riots.";
    let found = events(text);
    assert!(
        !found.iter().any(|(_, t, _, _)| t == "SANCTION"),
        "{found:?}"
    );
    // The parties' own suspension is still aimed at each other.
    let text = "Chile suspended talks with Peru after the riots.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    // So is dealings between the source's own and another.
    let text = "Chile froze trade between Chilean firms and Peru on Monday.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
}

#[test]
fn what_a_clause_on_the_object_acts_upon_is_no_target() {
    let text = "Chile closed its border to migrants leaving Peru on Sunday.";
    let found = events(text);
    assert!(!has(text, "CHL", "SANCTION", "PER"), "{found:?}");
    // The doer a clause names is still aimed at: "an attack carried out by Peruvian troops".
    let text = "Chile condemned the attack carried out by Peruvian troops.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    // Nor is whom a clause aims the object at.
    let text = "Chile fired shells aimed at a radar post in Peru.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    let text = "Chile imposed sanctions targeting Peru's banks on Monday.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    // A clause naming whose the object is names the target.
    let text = "Chile struck camps linked to Peru near the border.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn doers_of_force_upon_a_named_object_do_not_fight_each_other() {
    for text in [
        "Chile and Peru surrounded the town on Monday.",
        "Bolivia is a country surrounded by Chile and Peru.",
    ] {
        let found = events(text);
        assert!(
            !has(text, "CHL", "ASSAULT", "PER") && !has(text, "PER", "ASSAULT", "CHL"),
            "{text}: {found:?}"
        );
    }
    // A vessel is surrounded as a ship is.
    let text = "Chilean gunboats surrounded a Peruvian trawler near the coast.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn a_persons_pronoun_aimed_at_is_the_other_person_named_before_it() {
    // "him" is not the one who accuses: it is the envoy the sentence names before it, not the
    // person the sentence before named last.
    let text = "Peruvian President Pedro Castillo spoke in Lima on Monday.\n\nChilean President Gabriel Boric expelled Peruvian ambassador Luis Vargas, accusing him of spying.";
    let found = events(text);
    assert!(
        found
            .iter()
            .any(|(_, t, g, _)| t == "ACCUSE" && g.iter().any(|x| x == "luis-vargas")),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(_, t, g, _)| t == "ACCUSE" && g.iter().any(|x| x == "pedro-castillo")),
        "{found:?}"
    );
}

#[test]
fn a_private_role_before_a_name_the_parse_split_off_is_no_state_act() {
    // The parser makes "leader" and "Jimmy Cherizier" two subjects; "gang leader" is no office
    // of Haiti's, so the demonym does not act: the named man does.
    let text = "Haitian gang leader Jimmy Cherizier threatened the Dominican Republic.";
    assert!(!has(text, "HTI", "THREATEN", "DOM"), "{:?}", events(text));
    assert!(
        has(text, "jimmy-cherizier", "THREATEN", "DOM"),
        "{:?}",
        events(text)
    );
}

#[test]
fn what_is_discussed_is_no_partner_of_the_talk() {
    // The object of "discuss" or "debate" is the matter talked over; the parties a phrase in it
    // names are not whom the talk is held with. A "with" phrase names the partner.
    for text in [
        "Chilean ministers gathered in Lima on Monday to discuss the border quarrel between Peru and Bolivia.",
        "Chile debated the worsening feud between Peru and Bolivia on Monday.",
        "Chile discussed the need to calm tensions between Peru and Bolivia.",
    ] {
        let found = events(text);
        assert!(!has(text, "CHL", "CONSULT", "PER"), "{text}: {found:?}");
        assert!(!has(text, "CHL", "CONSULT", "BOL"), "{text}: {found:?}");
    }
    let text = "Chile discussed the fishing quarrel with Peru on Monday.";
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
}

#[test]
fn a_matter_that_names_no_one_leaves_the_partner_to_the_token_rules() {
    // The partner the parser hangs away from the verb is still found when the matter discussed
    // names no one.
    let text =
        "Ecuador discussed energy cooperation during talks in Quito with Colombia on Friday.";
    assert!(has(text, "ECU", "CONSULT", "COL"), "{:?}", events(text));
    // A matter naming the parties still hides them.
    let text = "Argentina discussed the need to ease tensions between Ecuador and Colombia.";
    assert!(!has(text, "ARG", "CONSULT", "COL"), "{:?}", events(text));
}

#[test]
fn a_state_after_a_preposition_of_topic_is_no_partner_of_cooperation_or_talks() {
    let text = "Chile will coordinate efforts on Bolivia with Brazil.";
    assert!(has(text, "CHL", "COOPERATE", "BRA"), "{:?}", events(text));
    assert!(!has(text, "CHL", "COOPERATE", "BOL"), "{:?}", events(text));
    let text = "Chile and Brazil discussed cooperation on Bolivia.";
    assert!(!has(text, "CHL", "CONSULT", "BOL"), "{:?}", events(text));
    assert!(has(text, "CHL", "CONSULT", "BRA"), "{:?}", events(text));
}

#[test]
fn a_state_also_named_as_a_partner_or_coordinated_with_a_topic_is_read_by_every_mention() {
    let text = "The United States held talks on Ukraine with Ukrainian officials in Geneva.";
    assert!(has(text, "USA", "CONSULT", "UKR"), "{:?}", events(text));
    let text = "Egypt and Jordan consulted about Israel with Israeli officials.";
    assert!(has(text, "EGY", "CONSULT", "ISR"), "{:?}", events(text));
    let text = "France and Germany held talks on Ukraine and Moldova in Paris.";
    assert!(!has(text, "FRA", "CONSULT", "MDA"), "{:?}", events(text));
    assert!(has(text, "FRA", "CONSULT", "DEU"), "{:?}", events(text));
    // A mention in another clause does not make the topic a partner.
    let text = "Greece and Turkey held talks on Cyprus, with Cyprus sending an observer.";
    assert!(!has(text, "GRC", "CONSULT", "CYP"), "{:?}", events(text));
}

#[test]
fn a_state_after_a_preposition_of_place_is_visited_not_talked_about() {
    // The topic filter for talks and cooperation reads "on", "about", "over"; "in" says where.
    let text = "Chilean President Gabriel Boric arrived in Peru on Monday on his first official \
                foreign visit since the elections.";
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    let text = "Egypt and Jordan held talks on Sudan in Cairo.";
    assert!(!has(text, "EGY", "CONSULT", "SDN"), "{:?}", events(text));
}

#[test]
fn an_allegation_is_aimed_at_the_subject_of_its_that_clause() {
    // What the clause says of the accused need not be a hostile act.
    let text = "Bolivia alleged that Paraguay was sheltering the smugglers.";
    assert!(has(text, "BOL", "ACCUSE", "PRY"), "{:?}", events(text));
    let text = "Ghana alleges that Togo has been funding the opposition.";
    assert!(has(text, "GHA", "ACCUSE", "TGO"), "{:?}", events(text));
}

#[test]
fn a_recalled_envoy_to_a_capital_is_aimed_at_its_state() {
    let text = "Venezuela recalled its ambassador to Bogota.";
    assert!(has(text, "VEN", "SANCTION", "COL"), "{:?}", events(text));
    // An envoy called home to the recalling state's own capital is aimed at no one.
    let text = "Japan recalled its ambassador to Tokyo.";
    assert!(
        !events(text)
            .iter()
            .any(|(_, _, g, _)| g.iter().any(|x| x == "JPN")),
        "{:?}",
        events(text)
    );
}

#[test]
fn people_a_phrase_only_places_are_not_their_state() {
    // The judges are warned, not Peru; no state after the verb stands in for them.
    let text = "Chile warned the judges from Peru that they would face travel bans if they \
                took the posts.";
    let found = events(text);
    assert!(
        !found
            .iter()
            .any(|(_, _, g, _)| g.iter().any(|x| x == "PER")),
        "{found:?}"
    );
    let text = "Chile threatened the refugees from Bolivia with expulsion.";
    let found = events(text);
    assert!(
        !found
            .iter()
            .any(|(_, _, g, _)| g.iter().any(|x| x == "BOL")),
        "{found:?}"
    );
    // Envoys from a state act for it.
    let text = "Chile expelled the ambassadors from Peru and Bolivia on Monday.";
    assert!(has(text, "CHL", "SANCTION", "PER"), "{:?}", events(text));
    // So do envoys joined to placed people.
    let text = "Iraq expelled the students and diplomats from Iran.";
    assert!(has(text, "IRQ", "SANCTION", "IRN"), "{:?}", events(text));
}

#[test]
fn a_verb_neither_marks_is_negated_with_its_conjuncts() {
    for text in [
        "Chile has neither confirmed or denied the reports from Peru.",
        "Chile neither confirmed nor denied the charge by Peru.",
    ] {
        let found = events(text);
        assert!(
            found
                .iter()
                .all(|(_, t, _, negated)| t != "REJECT" || *negated),
            "{text}: {found:?}"
        );
    }
    // A verb "and" joins after the pair is done: "neither" reaches only what "nor" joins.
    let text = "Chile neither accepted nor rejected the proposal, and instead demanded that Peru \
                apologize.";
    assert!(
        events(text)
            .iter()
            .any(|(_, t, _, negated)| t == "REQUEST" && !negated),
        "{:?}",
        events(text)
    );
    // A plain denial stands.
    let text = "Chile denied the charge by Peru.";
    let found = events(text);
    assert!(
        found
            .iter()
            .any(|(_, t, _, negated)| t == "REJECT" && !negated),
        "{found:?}"
    );
}
