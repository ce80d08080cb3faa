//! Tests of agreements and other joint acts whose parties are named apart from a verb: after
//! "between", as "the two parties", or as the signers of a deal another state brokered.

use super::tests::{events, has};

#[test]
fn an_agreement_between_the_two_parties_is_the_pair_named_together_before() {
    // The parser hangs "between the two parties" on the verb; the broker is not a party.
    let text = "The United States welcomes the decision by the Governments of Chile and Peru to \
                begin discussions on the maritime boundary. This historic agreement between the \
                two parties was brokered by the United States.";
    let all = events(text);
    assert!(has(text, "CHL", "AGREE", "PER"), "{all:?}");
    assert!(has(text, "PER", "AGREE", "CHL"), "{all:?}");
    assert!(
        !all.iter()
            .any(|(s, t, _, _)| t == "AGREE" && s.iter().any(|x| x == "USA")),
        "{all:?}"
    );
    // A paraphrase: another broker, another verb, the pair named as subjects.
    let text = "Brazil praised the choice of Bolivia and Paraguay to open talks. The accord \
                between the two countries was signed on Monday in Brasilia.";
    let all = events(text);
    assert!(has(text, "BOL", "AGREE", "PRY"), "{all:?}");
    assert!(has(text, "PRY", "AGREE", "BOL"), "{all:?}");
    assert!(
        !all.iter()
            .any(|(s, t, _, _)| t == "AGREE" && s.iter().any(|x| x == "BRA")),
        "{all:?}"
    );
}

#[test]
fn the_signers_of_a_deal_agree_with_each_other_and_its_broker_is_no_party() {
    // The parser takes "signed" for a clause of "said"; its agents still signed the deal.
    let text = "\"We expect Chile to live up to its commitments,\" Lula said, referring to a \
                Brazilian-brokered peace deal signed two weeks ago by Chilean President Gabriel \
                Boric and Peruvian President Pedro Castillo.";
    let all = events(text);
    assert!(
        has(text, "gabriel-boric", "AGREE", "pedro-castillo"),
        "{all:?}"
    );
    assert!(
        has(text, "pedro-castillo", "AGREE", "gabriel-boric"),
        "{all:?}"
    );
    assert!(
        !all.iter()
            .any(|(s, t, g, _)| t == "AGREE" && [s, g].iter().any(|v| v.iter().any(|x| x == "BRA"))),
        "{all:?}"
    );
    // A paraphrase: another deal, another broker.
    let text = "Officials cited the ceasefire accord signed last year by Sudan and South Sudan \
                under Qatari mediation.";
    let all = events(text);
    assert!(has(text, "SDN", "AGREE", "SSD"), "{all:?}");
    assert!(has(text, "SSD", "AGREE", "SDN"), "{all:?}");
}

#[test]
fn what_an_agreement_is_to_bring_about_is_not_done_yet() {
    // The parse coordinates the second infinitive with the first, the complement of "agreed".
    let text = "Chile and Peru have agreed to curb illegal fishing and to establish a commission \
                to patrol their maritime border.";
    let all = events(text);
    assert!(has(text, "CHL", "AGREE", "PER"), "{all:?}");
    assert!(!all.iter().any(|(_, t, _, _)| t == "COOPERATE"), "{all:?}");
    // A noun of agreement right before the infinitive.
    let text = "The governments of Chile and Peru announced consensus on an agreement to \
                establish a permanent maritime boundary.";
    let all = events(text);
    assert!(has(text, "CHL", "AGREE", "PER"), "{all:?}");
    assert!(!all.iter().any(|(_, t, _, _)| t == "COOPERATE"), "{all:?}");
    // Establishing done is still coded.
    let text = "Chile established a fishing commission with Peru in May.";
    assert!(has(text, "CHL", "COOPERATE", "PER"), "{:?}", events(text));
}

#[test]
fn officials_from_both_countries_act_for_the_pair_named_before() {
    let text = "Chile has closed its border with Peru after a shooting at a customs post. \
                Officials from both countries will meet in Arica next week.";
    let all = events(text);
    assert!(has(text, "CHL", "CONSULT", "PER"), "{all:?}");
    assert!(has(text, "PER", "CONSULT", "CHL"), "{all:?}");
    // Another group noun, another preposition.
    let text = "Ghana accused Togo of sheltering smugglers. Diplomats from the two countries \
                will hold talks in Accra on Friday.";
    let all = events(text);
    assert!(has(text, "GHA", "CONSULT", "TGO"), "{all:?}");
    assert!(has(text, "TGO", "CONSULT", "GHA"), "{all:?}");
    // People a phrase only places act for no one.
    let text = "Chile has closed its border with Peru. Refugees from both countries will meet \
                aid workers in Arica.";
    let all = events(text);
    assert!(!all.iter().any(|(_, t, _, _)| t == "CONSULT"), "{all:?}");
}

#[test]
fn they_after_a_pair_of_subjects_is_the_pair() {
    // The pair named as coordinated subjects in the sentence before; a singular subject between.
    let text = "Ghana and Togo sent envoys to the border town after the clashes. They met on \
                Monday. A spokesman said they agreed to set up a joint commission.";
    let all = events(text);
    assert!(has(text, "GHA", "CONSULT", "TGO"), "{all:?}");
    assert!(has(text, "TGO", "CONSULT", "GHA"), "{all:?}");
    assert!(has(text, "GHA", "AGREE", "TGO"), "{all:?}");
    // The pair named by a pair phrase.
    let text = "Fighting broke out between Eritrean and Ethiopian troops near Badme. But the two \
                sides say they want calm. They met in Addis Ababa on Tuesday.";
    let all = events(text);
    assert!(has(text, "ERI", "CONSULT", "ETH"), "{all:?}");
    // A list of three is no pair; nor is a group of people.
    let text = "Russia, China and Iran held naval drills in the gulf. They met in Tehran on \
                Monday.";
    let all = events(text);
    assert!(!all.iter().any(|(_, t, _, _)| t == "CONSULT"), "{all:?}");
    let text = "Protesters from Ghana and Togo marched in the capital. They met on Monday.";
    let all = events(text);
    assert!(!all.iter().any(|(_, t, _, _)| t == "CONSULT"), "{all:?}");
}

#[test]
fn they_reaches_its_pair_past_a_named_speaker_and_another_they() {
    // A speaker named in an apposition (two subjects in the parse) is singular and passed over;
    // the pair is named four sentences before, through the "they" of the second sentence.
    let text = "Ghana and Togo sent envoys to the border town after the clashes. They met on the \
                bridge on Monday. The four soldiers were later freed. Ghana's \
                army spokesman, Kofi Mensah, says more talks were held on Wednesday. He says they \
                agreed to set up a joint commission.";
    let all = events(text);
    assert!(has(text, "GHA", "AGREE", "TGO"), "{all:?}");
    assert!(has(text, "TGO", "AGREE", "GHA"), "{all:?}");
}

#[test]
fn a_passive_act_upon_one_partys_people_is_the_other_partys() {
    // No agent named: the other party of the pair holds and frees them.
    let text = "Ghana and Togo have quarrelled over the border for years. Two Togolese soldiers \
                were detained near the river in July. The two Togolese soldiers were released on \
                Monday.";
    let all = events(text);
    assert!(has(text, "GHA", "COERCE", "TGO"), "{all:?}");
    assert!(has(text, "GHA", "CONCEDE", "TGO"), "{all:?}");
    // A vessel too.
    let text = "Ghana and Togo have quarrelled over the border for years. A Togolese trawler was \
                seized off the coast on Friday.";
    let all = events(text);
    assert!(has(text, "GHA", "COERCE", "TGO"), "{all:?}");
    // Private people are most often held by their own state; a thing released holds no one.
    let text = "Ghana and Togo have quarrelled over the border for years. Four Togolese \
                protesters were arrested in Lome on Monday.";
    let all = events(text);
    assert!(!all.iter().any(|(_, t, _, _)| t == "COERCE"), "{all:?}");
    let text = "Ghana and Togo have quarrelled over the border for years. In a Togolese statement \
                released on Monday, the talks were called useful.";
    let all = events(text);
    assert!(
        !all.iter()
            .any(|(_, t, _, _)| t == "CONCEDE" || t == "RETREAT"),
        "{all:?}"
    );
}

#[test]
fn a_passive_act_with_an_agent_or_a_state_in_an_oblique_is_not_the_other_partys() {
    // An agent of any kind, or a state the act is tied to, leaves the doer unknown;
    // a withdrawal of a side's own soldiers is that side's.
    for act in [
        "Two Togolese sailors were seized by pirates off the coast.",
        "Twelve Togolese soldiers were deported from France.",
        "Two Togolese soldiers were withdrawn from the frontier post.",
    ] {
        let text = format!("Ghana and Togo have quarrelled over the border for years. {act}");
        let all = events(&text);
        assert!(
            !all.iter()
                .any(|(s, _, _, _)| s.contains(&"GHA".to_string())),
            "{act}: {all:?}"
        );
    }
}

#[test]
fn they_is_no_pair_past_people_or_one_sides_body_or_in_a_bystanders_words() {
    let pre = "Ghana and Togo sent envoys to the border town after the clashes.";
    for text in [
        // People who act for no state, named in any role.
        format!(
            "{pre} Police in Lome fired tear gas at hundreds of protesters on Tuesday. They accused the government of corruption."
        ),
        // A body of one side as the subject.
        format!(
            "{pre} The Togolese foreign ministry said on Monday that they had arrested two Ghanaian soldiers near the river."
        ),
        // The words of someone who speaks for neither side.
        format!(
            "{pre} \"They met with us and promised to rebuild the market,\" said Ama Mensah, a trader who fled the fighting."
        ),
    ] {
        let all = events(&text);
        assert!(
            !all.iter().any(|(s, _, _, _)| s.len() == 2),
            "{text}: {all:?}"
        );
    }
}

#[test]
fn conferring_by_phone_is_done_by_the_subject_not_upon_it() {
    // The parser reads "conferred by phone" as a passive with "phone" its agent.
    let text = "Chile and Peru conferred by phone on Monday.";
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    assert!(has(text, "PER", "CONSULT", "CHL"), "{:?}", events(text));
    // A pair phrase the parser makes the head of a participle: the pair conferred.
    let text = "Chilean President Gabriel Boric and Peruvian counterpart Dina Boluarte attended a summit in Quito. A spokesman said the two leaders conferred by phone again on Friday.";
    assert!(
        events(text)
            .iter()
            .any(|(s, t, o, _)| t == "CONSULT" && s == &["CHL"] && o == &["PER"]),
        "{:?}",
        events(text)
    );
    // A passive with its auxiliary stays one: no one conferred with anyone.
    let text = "The award was conferred by letter on the Peruvian ambassador.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "CONSULT"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_participle_done_by_phone_to_its_noun_stays_a_passive() {
    // Another "by" agent follows the means: the counterpart criticized the president.
    let text = "The Kenyan president, criticized by phone by his Ugandan counterpart over the border closure, reopened the crossing.";
    assert!(!has(text, "KEN", "ACCUSE", "UGA"), "{:?}", events(text));
    // Accusing and warning are done to someone: the participle's noun was accused or warned.
    for (text, ty) in [
        (
            "Russia, accused by email of hacking, rejected the claims.",
            "ACCUSE",
        ),
        (
            "Iran, warned by letter last week that new sanctions would follow, did not respond, diplomats said.",
            "THREATEN",
        ),
    ] {
        assert!(
            !events(text)
                .iter()
                .any(|(s, t, _, _)| t == ty && s.iter().any(|a| a == "RUS" || a == "IRN")),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn coordinated_titled_names_with_the_second_as_apposition_are_both_subjects() {
    // The parser hangs "Samuel" on "Amina" as an apposition and the "and" on a word between.
    let text = "Kenyan Foreign Minister Amina Wanjiru and Ugandan Foreign Minister Samuel Okello \
                met on Monday and agreed to boost trade between both countries.";
    for ty in ["CONSULT", "AGREE"] {
        assert!(
            has(text, "amina-wanjiru", ty, "samuel-okello")
                && has(text, "samuel-okello", ty, "amina-wanjiru"),
            "{ty}: {:?}",
            events(text)
        );
    }
}

#[test]
fn a_titled_name_after_an_and_that_joins_two_clauses_is_no_second_object() {
    // The parser hangs "Wang Yi" on the object "Washington" as an apposition, with the "and"
    // that joins the two clauses between them: Wang Yi is not criticised.
    let text = "Russian Foreign Minister Sergei Lavrov criticised Washington and Chinese Foreign \
                Minister Wang Yi backed him.";
    assert!(
        has(text, "sergei-lavrov", "ACCUSE", "USA"),
        "{:?}",
        events(text)
    );
    assert!(
        !has(text, "sergei-lavrov", "ACCUSE", "wang-yi"),
        "{:?}",
        events(text)
    );
}

#[test]
fn coordinated_doers_that_accuse_each_other_accuse_the_other() {
    for text in [
        "Chile and Peru accused each other of helping rebels.",
        "Ghana and Togo blamed each other for the clash at the border.",
    ] {
        let all = events(text);
        let (a, b) = if text.starts_with("Chile") {
            ("CHL", "PER")
        } else {
            ("GHA", "TGO")
        };
        assert!(has(text, a, "ACCUSE", b), "{text}: {all:?}");
        assert!(has(text, b, "ACCUSE", a), "{text}: {all:?}");
    }
}
