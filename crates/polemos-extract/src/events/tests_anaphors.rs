//! Tests of reactions whose object names the other side only by a referring noun of an act or
//! a document ("condemned the move", "that finding", "the killing") or of a group of people
//! named before ("the officials"), and events whose doer is a pronoun ("It also said it will
//! ..."), on texts of our own.

use super::tests::{events, has};

#[test]
fn condemning_the_move_is_aimed_at_the_doer_of_the_act_told_before() {
    let text = "Chile expelled two Peruvian diplomats on Monday. Peru condemned the move.";
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn a_finding_condemned_is_aimed_at_the_owner_of_the_report_named_before() {
    // "the report" carries the chain back to "The European Union report", beyond the reach of
    // the sentence that condemns the finding.
    let text = "The European Union report said Armenian troops shelled the village. It also said \
                the shelling lasted two days. But the report defended the right of Armenia to \
                patrol the road. That finding was strongly criticized by the Azerbaijani \
                government.";
    assert!(has(text, "AZE", "ACCUSE", "EU"), "{:?}", events(text));
}

#[test]
fn a_killing_condemned_is_aimed_at_the_side_named_before_as_its_doer() {
    let text = "A Ghanaian fisherman was shot dead by members of the Togolese navy. The Ghanaian \
                government condemned the killing.";
    assert!(
        events(text).iter().any(|(s, t, g, _)| s == &["GHA"]
            && t == "ACCUSE"
            && !g.is_empty()
            && g.iter().all(|x| x.contains("togo") || x == "TGO")),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_noun_with_its_own_owner_or_complement_refers_to_nothing_before() {
    // Owned by a possessive pronoun, or by a demonym: not the act told before.
    let text = "Chile expelled two Peruvian diplomats on Monday. Peru condemned its own decision.";
    assert!(!has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    let text = "Chile expelled two Peruvian diplomats on Monday. Peru condemned the Bolivian move.";
    assert!(!has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    // "the decision to hold talks" introduces a new decision.
    let text = "Chile expelled two Peruvian diplomats on Monday. Peru welcomed the decision to \
                hold talks.";
    assert!(!has(text, "PER", "SUPPORT", "CHL"), "{:?}", events(text));
}

#[test]
fn accusing_the_officials_is_aimed_at_the_state_of_the_officials_named_before() {
    let text = "On Monday Chile detained two senior Bolivian government officials at the border. \
                The Chilean foreign ministry later accused the officials of smuggling weapons.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, g, _)| s.iter().any(|x| x.contains("chilean"))
                && t == "ACCUSE"
                && g == &["BOL"]),
        "{:?}",
        events(text)
    );
}

#[test]
fn officials_named_nowhere_before_are_aimed_at_no_one() {
    // Not the doer of the latest act: people are no act.
    let text =
        "Chile expelled two Peruvian diplomats on Monday. Peru accused the officials of lying.";
    assert!(!has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn the_move_is_the_latest_act_that_judges_no_other() {
    // Bolivia's protest is a reaction, not the move condemned.
    let text = "Chile expelled two Peruvian diplomats on Monday. Bolivia protested the expulsions. \
                Argentina condemned the move.";
    assert!(has(text, "ARG", "ACCUSE", "CHL"), "{:?}", events(text));
    assert!(!has(text, "ARG", "ACCUSE", "BOL"), "{:?}", events(text));
}

#[test]
fn a_referring_noun_with_no_act_or_owner_before_it_is_aimed_at_no_one() {
    // The killers are named by no state; the place of the killing is no doer.
    let text =
        "Gunmen killed two Peruvian engineers in Chile on Monday. Peru condemned the killing.";
    assert!(!has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    // A report's subject is not its author.
    let text = "Britain published a report on Chilean interference. France welcomed the report.";
    assert!(!has(text, "FRA", "SUPPORT", "CHL"), "{:?}", events(text));
}

#[test]
fn a_report_criticized_is_aimed_at_its_author_not_at_an_act_it_reports() {
    let text = "A British report said Chilean actions in Peru were destabilizing. Bolivia \
                criticized the report.";
    assert!(has(text, "BOL", "ACCUSE", "GBR"), "{:?}", events(text));
    assert!(!has(text, "BOL", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn an_it_opening_a_sentence_is_the_subject_of_the_sentence_before() {
    // "It" continues Peru, the subject of the sentence before, not the organization its
    // reported clause names last; through another such "It" and through an agent noun owned by
    // a state ("The office of the Peruvian president").
    for text in [
        "Peru said the ruling undermines the rules of the World Trade Organization. It also said \
         it will impose sanctions on Chile.",
        "The office of the Peruvian president said the ruling undermines the rules of the World \
         Trade Organization. It added that the talks had failed. It also said it will impose \
         sanctions on Chile.",
    ] {
        assert!(
            has(text, "PER", "SANCTION", "CHL"),
            "{text}: {:?}",
            events(text)
        );
        assert!(
            !has(text, "WTO", "SANCTION", "CHL"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn an_it_after_a_sentence_about_a_thing_stands_for_no_state() {
    // "It" is the resolution, or the company, the subject of the sentence before: not Spain,
    // named last as a sponsor, nor China, named last before the company.
    let text = "The resolution was drafted by France and Spain. It calls for direct talks \
                between Morocco and Algeria.";
    assert!(
        !events(text)
            .iter()
            .any(|(s, t, _, _)| t == "REQUEST" && !s.is_empty()),
        "{:?}",
        events(text)
    );
    let text = "Japan protested to China on Monday. The company said its trawler had been seized \
                illegally. It accused Beijing of piracy.";
    assert!(
        !events(text)
            .iter()
            .any(|(s, t, _, _)| t == "ACCUSE" && !s.is_empty()),
        "{:?}",
        events(text)
    );
}

#[test]
fn officials_unowned_are_the_officials_of_the_subject_of_the_sentence_before() {
    // "officials ... they" are Chile's, the state the sentence before is about, not Peru's,
    // named last there; officials a demonym owns stay that state's.
    let text = "Since Friday, Chile has detained three boats from Peru. On Sunday, officials said \
                they seized 12 Argentine vessels.";
    assert!(has(text, "CHL", "COERCE", "ARG"), "{:?}", events(text));
    assert!(!has(text, "PER", "COERCE", "ARG"), "{:?}", events(text));
    let text = "Chile has detained three boats from Peru. On Sunday, Bolivian officials said they \
                seized 12 Argentine vessels.";
    assert!(has(text, "BOL", "COERCE", "ARG"), "{:?}", events(text));
}

#[test]
fn an_it_after_plural_agents_a_place_owns_is_that_places_state() {
    // "Officials in Seoul": the agent noun is read by its lemma, so the plural owns the "It".
    for text in [
        "Officials in Seoul said the launch was a provocation. It condemned North Korea's \
         missile program.",
        "Authorities in Beijing said the Japanese national had been detained for espionage. It \
         accused Tokyo of sending spies.",
    ] {
        let found = events(text);
        assert!(
            found.iter().any(|(s, t, _, _)| t == "ACCUSE"
                && (s.contains(&"KOR".into()) || s.contains(&"CHN".into()))),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn an_it_that_denies_or_rejects_is_whom_the_act_before_was_aimed_at() {
    // The accused denies, the one asked rejects: not the accuser, the subject before.
    let text = "The United States accused China of hacking government networks. It denied the \
                charge on Tuesday.";
    assert!(has(text, "CHN", "REJECT", "USA"), "{:?}", events(text));
    assert!(!has(text, "USA", "REJECT", "CHN"), "{:?}", events(text));
    let text = "Washington demanded that Tehran release the sailors. It rejected the demand.";
    assert!(has(text, "IRN", "REJECT", "USA"), "{:?}", events(text));
    assert!(!has(text, "USA", "REJECT", "IRN"), "{:?}", events(text));
    // A passive subject is the accused already.
    let text = "Pakistan was accused by India of sheltering militants on Monday. It denied the \
                charge.";
    assert!(has(text, "PAK", "REJECT", "IND"), "{:?}", events(text));
}

#[test]
fn an_it_that_rejects_after_an_act_aimed_at_no_party_continues_the_subject() {
    // A state named only as a modifier of the object is no party the act was aimed at.
    let text = "Iran rejected the U.S. proposal on Monday. It also dismissed the new sanctions \
                as illegal.";
    assert!(!has(text, "USA", "REJECT", "IRN"), "{:?}", events(text));
    // An act not done is no act to answer.
    let text = "Egypt did not accuse Ethiopia of wrongdoing. It rejected calls for military \
                action.";
    assert!(!has(text, "ETH", "REJECT", "EGY"), "{:?}", events(text));
    // The one told, an indirect object in the parse, is the one that rejects.
    let text = "Washington told Beijing to stop the military drills. It rejected the request.";
    assert!(has(text, "CHN", "REJECT", "USA"), "{:?}", events(text));
}

#[test]
fn an_it_after_a_statement_a_body_issued_or_its_quoted_speaker_is_that_body() {
    // A statement owned by a body stands for it; an inverted quotation's speaker is the subject
    // of its sentence, not the quotation's own subject; an institution no actor names leaves
    // the "It" to the discourse.
    for (text, who, other) in [
        (
            "A statement from the Chinese embassy said the report was biased. It accused \
             Australia of interfering in China's affairs.",
            "CHN",
            "AUS",
        ),
        (
            "\"The sanctions are illegal,\" said the Russian foreign ministry. It accused \
             Washington of economic warfare.",
            "russian-foreign-ministry",
            "USA",
        ),
        (
            "The European Union opened an inquiry in May. The European Commission said the \
             subsidies were unfair. It accused Beijing of dumping.",
            "EU",
            "CHN",
        ),
    ] {
        assert!(
            has(text, who, "ACCUSE", other),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn they_after_a_group_its_sentence_names_or_against_the_state_before_is_not_the_subject_before() {
    // "they" are the Turkish jets named before it, not Iraq's officials.
    let text = "Iraq protested to Turkey on Monday. Officials said Turkish jets struck a village \
                after they attacked Kurdish fighters.";
    assert!(
        !events(text)
            .iter()
            .any(|(s, t, _, _)| t == "ASSAULT" && s.contains(&"IRQ".into())),
        "{:?}",
        events(text)
    );
    // The subject before is named as the other party: the discourse, not no one.
    let text = "Russia accused Ukraine of shelling the nuclear plant. Officials said they had shot \
                down Russian drones over Kyiv.";
    assert!(has(text, "UKR", "ASSAULT", "RUS"), "{:?}", events(text));
    let text = "Egypt said Ethiopia had begun filling the dam. It said it had not consulted Cairo.";
    assert!(
        events(text).iter().any(|(s, t, g, neg)| *neg
            && t == "CONSULT"
            && s.contains(&"ETH".into())
            && g.contains(&"EGY".into())),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_persons_pronoun_after_a_name_no_actor_holds_is_not_the_last_official() {
    // "He" is the jailed man named just before, who acts for no state: not the minister.
    let text = "Polish Foreign Minister Jan Nowak said the verdict was unjust.\n\nAdam Kowalczyk \
                was jailed for ten years in Minsk. He returned to Belarus on Thursday after Polish \
                authorities released him.";
    let found = events(text);
    assert!(
        !found.iter().any(|(_, t, _, _)| t == "CONSULT"),
        "{text}: {found:?}"
    );
    // With no other name since the minister, "He" is still the minister.
    let text = "Polish Foreign Minister Jan Nowak said the verdict was unjust.\n\nHe returned to \
                Belarus on Thursday.";
    assert!(
        has(text, "jan-nowak", "CONSULT", "BLR"),
        "{:?}",
        events(text)
    );
    // A month's owner is no person: "He" is the minister.
    let text = "Polish Foreign Minister Jan Nowak said November's verdict was unjust. He \
                returned to Belarus on Thursday.";
    assert!(
        has(text, "jan-nowak", "CONSULT", "BLR"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_lone_capitalised_word_after_an_official_is_no_unknown_person() {
    // mend44pr: a city, a company, a holiday or a bare surname is no person the text
    // introduces: "He" is still the official named before.
    for filler in [
        "Gdansk hosted a summit on Sunday.",
        "Orlen's profits fell sharply.",
        "Easter began on Sunday.",
        "Lukashenko has refused to talk.",
    ] {
        let text = format!(
            "Polish Foreign Minister Jan Nowak spoke in Warsaw. {filler} He accused Belarus of \
             harassing Polish diplomats."
        );
        assert!(
            has(&text, "jan-nowak", "ACCUSE", "BLR"),
            "{text}: {:?}",
            events(&text)
        );
    }
    // The person's name written in full before makes its surname a person's.
    let text = "Polish Foreign Minister Jan Nowak spoke in Warsaw. He named Adam Kowalczyk. \
                Kowalczyk was jailed in Minsk. He returned to Belarus on Thursday.";
    assert!(
        !has(text, "jan-nowak", "CONSULT", "BLR"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_relative_pronoun_subject_stands_for_the_noun_its_clause_modifies() {
    // Inside a longer sentence the nearest subject before the verb is another clause's; the
    // relative pronoun's noun is the doer.
    let text = "Officials said the cargo was bound for Mali, which expelled two Algerian \
                diplomats last year.";
    assert!(has(text, "MLI", "SANCTION", "DZA"), "{:?}", events(text));
    let text = "The arms were bound for Peru, which severed ties with Chile in December.";
    assert!(has(text, "PER", "SANCTION", "CHL"), "{:?}", events(text));
}

#[test]
fn a_relative_clause_in_the_present_describes_its_noun_and_tells_no_act() {
    // "which includes": a standing attribute, not an act of the noun's.
    let text = "Officials said the cargo was bound for the African Union, which includes \
                Algeria and Mali.";
    assert!(
        events(text)
            .iter()
            .all(|(s, _, _, _)| !s.iter().any(|x| x == "AU")),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_demonym_with_a_group_phrase_names_the_state_a_later_pronoun_stands_for() {
    // "armed forces" is a group noun of two words: "Sudanese armed forces" is Sudan, and "they"
    // refers back to it.
    let text = "Sudanese armed forces said on Monday they attacked Chadian positions.";
    assert!(has(text, "SDN", "ASSAULT", "TCD"), "{:?}", events(text));
}
