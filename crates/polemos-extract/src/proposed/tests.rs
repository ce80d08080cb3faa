//! Tests of proposed disputes: each on text of its own writing.

use crate::Extractor;

fn disputes(text: &str) -> Vec<String> {
    let x = Extractor::new().expect("builtin");
    let doc = x.analyze(text, None);
    doc.disputes.iter().map(|d| d.name.clone()).collect()
}

#[test]
fn a_named_object_names_the_dispute() {
    let d = disputes(
        "Thailand and Cambodia renewed their dispute.\n\nThailand said the Great Blue Dam would cut the river's flow. Cambodia said it will finish the Great Blue Dam.",
    );
    assert_eq!(d, vec!["disputes/great-blue-dam".to_owned()]);
}

#[test]
fn two_states_set_against_each_other_name_it() {
    let d = disputes(
        "Troops clashed again on the border between Thailand and Cambodia on Monday. Thailand said Cambodia fired first.",
    );
    assert_eq!(d, vec!["disputes/thailand-cambodia".to_owned()]);
    let d = disputes(
        "North Korea fired shells at South Korea. South Korea fired back, and North Korea warned South Korea.",
    );
    assert_eq!(d, vec!["disputes/north-south-korea".to_owned()]);
}

#[test]
fn a_state_named_often_in_one_sentence_does_not_make_the_other_side_minor() {
    // Thailand has many mentions in the first sentence; by sentences the two are even.
    let d = disputes(
        "Thai troops, Thai police and Thai navy units guarded Thai posts near Thai villages. Cambodia said Thai soldiers fired first. Thailand denied it on Monday. Cambodia fired back.",
    );
    assert_eq!(d, vec!["disputes/thailand-cambodia".to_owned()]);
}

#[test]
fn the_topic_of_a_contested_question_names_the_dispute() {
    let d = disputes(
        "Thailand rejected the resolution on Upper Vask. Cambodia backed the resolution on Upper Vask on Monday. Thailand said the fighting must end. Cambodia disagreed.",
    );
    assert_eq!(d, vec!["disputes/upper-vask".to_owned()]);
    // A party's name after such a noun is a party, not the contested thing.
    let d = disputes(
        "Thailand spoke of the future of Cambodia. Cambodia said the fighting must end. Thailand disagreed. Cambodia fired back.",
    );
    assert_eq!(d, vec!["disputes/thailand-cambodia".to_owned()]);
}

#[test]
fn a_place_named_once_in_passing_after_such_a_noun_is_no_contested_question() {
    // "the blockade of Lower Vask" is where Cambodia's act falls; the quarrel is the two
    // states', whose names recur.
    let d = disputes(
        "Thailand expelled Cambodia's ambassador. Thailand said Cambodia's troops killed nine Thai sailors who tried to break the blockade of Lower Vask. Cambodia said its troops acted lawfully. Thailand demanded an apology.",
    );
    assert_eq!(d, vec!["disputes/thailand-cambodia".to_owned()]);
}

#[test]
fn a_state_whose_display_name_the_text_never_writes_is_named_as_the_text_names_it() {
    // The knowledge files call Turkey "Türkiye"; the text says "Turkey".
    let d = disputes(
        "Turkey expelled Israel's ambassador. Turkey said Israel had refused to apologize. Israel said Turkey was wrong. Turkey cut military ties with Israel.",
    );
    assert_eq!(d, vec!["disputes/turkey-israel".to_owned()]);
}

#[test]
fn an_act_owned_by_a_body_of_a_place_names_the_dispute_after_both() {
    // The owner is a body ("... Regional Government"): its name words stand for it.
    let d = disputes(
        "Thailand does not recognize the Upper Vask Regional Government's referendum. Cambodia said the referendum was lawful. Thailand urged calm on Monday. Cambodia agreed.",
    );
    assert_eq!(d, vec!["disputes/upper-vask-referendum".to_owned()]);
}

#[test]
fn a_states_programme_names_the_dispute_after_the_state_and_its_kind() {
    // "its" stands for the state named before it in the sentence.
    let d = disputes(
        "Cambodia met Thailand in Geneva on Monday. In 2009, Thailand agreed to scrap its chemical programme. Cambodia said Thailand must halt its rocket fuel program first. Thailand disagreed.",
    );
    assert_eq!(d, vec!["disputes/thailand-chemical".to_owned()]);
}

#[test]
fn a_people_introduced_by_an_apposition_names_the_dispute() {
    let d = disputes(
        "Thailand turned away boats of Vaskans, a stateless minority from Cambodia. Cambodia said the Vaskans were not its citizens. Thailand urged Cambodia to act on Monday. Cambodia said it would not.",
    );
    assert_eq!(d, vec!["disputes/vaskans".to_owned()]);
    // Named once only, the people is not what the text is about.
    let d = disputes(
        "Thailand turned away boats of Vaskans, a stateless minority from Cambodia. Cambodia said the migrants were not its citizens. Thailand urged Cambodia to act on Monday. Cambodia said it would not.",
    );
    assert_eq!(d, vec!["disputes/thailand-cambodia".to_owned()]);
}

#[test]
fn a_state_named_once_in_passing_is_no_party_of_a_contested_thing() {
    let x = Extractor::new().expect("builtin");
    let doc = x.analyze(
        "Thailand rejected the resolution on Upper Vask. Thailand said the fighting must end. Laos stayed silent. Thailand sent troops on Monday.",
        None,
    );
    let parties: Vec<&str> = doc
        .disputes
        .iter()
        .flat_map(|d| d.parties.iter().map(String::as_str))
        .collect();
    assert_eq!(parties, vec!["actors/THA"]);
}

#[test]
fn measures_against_a_state_name_it_after_the_state() {
    let d = disputes(
        "The United States is imposing sanctions on Belarus today. Belarus has jailed protesters, and these sanctions answer that. Belarus called them illegal.",
    );
    assert_eq!(d, vec!["disputes/belarus-sanctions".to_owned()]);
}

#[test]
fn territories_named_after_a_territory_noun_name_the_dispute() {
    let d = disputes(
        "Cambodia condemned the move.\n\nThailand sent troops into the northern provinces of Upper Vask and Lower Vask. Cambodia says the provinces of Upper Vask and Lower Vask are its own. Thailand said its troops would stay.",
    );
    assert_eq!(d, vec!["disputes/upper-vask-lower-vask".to_owned()]);
}

#[test]
fn a_state_named_after_a_territory_noun_is_no_contested_object() {
    // "the territory of Thailand" is the state; the text sets two states against each other.
    let d = disputes(
        "Troops clashed on the border between Thailand and Cambodia. Cambodia said its troops never entered the territory of Thailand. Thailand disagreed.",
    );
    assert_eq!(d, vec!["disputes/thailand-cambodia".to_owned()]);
}

#[test]
fn the_state_a_statement_speaks_for_is_not_a_party() {
    // Read as parties, the most named states would be Japan (the author) and Vietnam.
    let d = disputes(
        "Clashes at sea\n\nJapan condemned the attack on Vietnamese boats on Monday. We urge restraint. Japan has long supported Vietnam and calls on China to talk. Vietnam said its boats were attacked by China, and Japan will send aid to Vietnam. Japan stands ready to help.",
    );
    assert!(
        !d.is_empty() && d.iter().all(|x| !x.contains("japan")),
        "the author is a party: {d:?}"
    );
}

#[test]
fn a_state_whose_entity_is_designated_is_the_target_not_the_imposer() {
    let d = disputes(
        "The United States imposed sanctions today. Belarus has been sanctioned for jailing protesters. Belarus called them illegal.",
    );
    assert_eq!(d, vec!["disputes/belarus-sanctions".to_owned()]);
}

#[test]
fn a_known_dispute_is_not_forced_on_two_of_its_parties() {
    // Egypt and Sudan are the parties of the Hala'ib Triangle dispute, which is not named.
    let d = disputes(
        "A dispute between Egypt and Sudan over water flared. Egypt and Sudan disagree on the river's flow. Egypt said so.",
    );
    assert_eq!(d, vec!["disputes/egypt-sudan".to_owned()]);
}

#[test]
fn no_dispute_is_proposed_without_a_state_to_be_its_party() {
    // A contested people and question, but no state: a dispute needs a party to be stored, so
    // proposing one would make ingest refuse the whole text.
    let x = Extractor::new().expect("builtin");
    for text in [
        "The Rohingya, a stateless minority of Muslims, fled by boat. Aid groups said the Rohingya face fighting. Many Rohingya reached the coast. Officials counted them on Monday.",
        "Delegates debated the resolution on Upper Vask amid tensions. The resolution on Upper Vask failed. Observers said fighting went on. Talks end on Monday.",
    ] {
        let doc = x.analyze(text, None);
        for d in &doc.disputes {
            assert!(!d.parties.is_empty(), "{} has no party: {text}", d.name);
        }
    }
}

fn parties(text: &str) -> Vec<(String, Vec<String>)> {
    let x = Extractor::new().expect("builtin");
    let doc = x.analyze(text, None);
    doc.disputes
        .iter()
        .map(|d| (d.name.clone(), d.parties.clone()))
        .collect()
}

#[test]
fn the_states_one_acts_against_are_the_pair_not_the_most_named() {
    // France is named in more sentences than Japan, but Russia's troops attack Japan.
    let d = parties(
        "Russia and France held talks in Paris on Monday. Russian troops attacked Japan on Sunday, France said. Russia denied it. France urged calm, and Russia said the talks would go on.",
    );
    assert_eq!(
        d,
        vec![(
            "disputes/russia-japan".to_owned(),
            vec!["actors/RUS".to_owned(), "actors/JPN".to_owned()]
        )]
    );
}

#[test]
fn a_named_place_makes_its_state_a_party_not_the_first_states_named() {
    let d = parties(
        "The United States abstained on the resolution on Gaza. Russia and China vetoed an earlier draft. Egypt, Israel and Qatar held talks on a release of hostages. Palestinian civilians need more aid.",
    );
    assert_eq!(
        d,
        vec![("disputes/gaza".to_owned(), vec!["actors/PSE".to_owned()])]
    );
}

#[test]
fn two_states_named_as_a_pair_are_the_sides_a_third_comments_on() {
    // The commenting state is named most, but Thailand and Cambodia are named together twice:
    // they are the sides, and the commenter is no party.
    let statement = "The United States welcomes the decision by the Governments of Thailand and Cambodia to begin talks on the river. The United States brokered this step. The talks will let both countries begin. The United States looks forward to talks of Cambodian and Thai experts. The United States will host them.";
    let paraphrase = "France praised Thailand and Cambodia for agreeing to talks on the river. France said it had worked for this step. France will host the talks, at which Cambodia and Thailand will send experts. France hopes for an accord.";
    assert_eq!(
        disputes(statement),
        vec!["disputes/thailand-cambodia".to_owned()]
    );
    assert_eq!(
        disputes(paraphrase),
        vec!["disputes/thailand-cambodia".to_owned()]
    );
    // A list of several states is one side: no pair is taken from its last two.
    let listed = "The United States welcomes the meeting of Bahrain, Egypt, Saudi Arabia and Qatar. The United States supports talks. Qatar will answer the requests. The United States will stay in contact. Qatar thanked the United States.";
    let d = disputes(listed);
    assert!(
        !d.contains(&"disputes/saudi-arabia-qatar".to_owned()),
        "{d:?}"
    );
}

#[test]
fn an_official_who_opens_a_statement_speaks_for_his_state_not_a_party() {
    // The statement's voice is Brazil's president; without his state "we" fell to the first
    // state that is a subject, Chile, and the dispute was proposed between Bolivia and Brazil.
    let d = disputes(
        "Brazilian President Carla Moreno welcomes the signing by Chile and Bolivia of their agreement on the border dispute.\n\nChile and Bolivia have agreed to a timetable for a final settlement, after hostilities between them last year.\n\nPresident Moreno praised the efforts of both governments. A settlement will help the people of Chile and Bolivia.\n\nWe will support the final phase of talks.",
    );
    assert_eq!(d, vec!["disputes/chile-bolivia".to_owned()]);
}

#[test]
fn a_headline_capital_is_no_name_when_the_text_writes_the_word_in_lower_case() {
    let d = disputes(
        "Remarks Following Thailand's Veto of a Resolution on Protection of Civilians\n\nThailand vetoed the resolution today. The resolution called for the protection of civilians.\n\nCambodia supported the resolution. Thailand said it would not change its vote, and Cambodia protested.",
    );
    assert!(
        !d.contains(&"disputes/protection".to_owned()),
        "a common noun capitalized by the headline named the dispute: {d:?}"
    );
    assert_eq!(d, vec!["disputes/thailand-cambodia".to_owned()]);
}

#[test]
fn a_named_initiative_names_the_dispute() {
    // A named scheme two states quarrel over is the contested thing, not the pair.
    let d = disputes(
        "Thailand regrets Cambodia's decision to leave the Mekong Fishing Initiative.\n\nSince 2020 the Mekong Fishing Initiative has fed millions. Cambodia said the Initiative favoured Thailand.\n\nThailand urged Cambodia to rejoin the Mekong Fishing Initiative.",
    );
    assert_eq!(d, vec!["disputes/mekong-fishing-initiative".to_owned()]);
}

#[test]
fn a_partys_name_alone_before_an_object_noun_names_no_object() {
    // "the French initiative" is France's, not a thing called so.
    let d = disputes(
        "Thailand welcomed the French initiative on the border.\n\nCambodia rejected the French initiative. Thailand said troops clashed with Cambodia again.\n\nCambodia said Thailand fired first.",
    );
    assert!(
        !d.contains(&"disputes/french-initiative".to_owned()),
        "{d:?}"
    );
}

#[test]
fn the_quarrel_the_text_names_outranks_a_programme_named_in_passing() {
    // The text says its quarrel is China's detention of Canadians; the nuclear programme of
    // a third paragraph is background. Without the rule the programme names the dispute.
    let text = "Canada and China remain locked in a bitter row over China's detention of two Canadian citizens. Canada demanded their release on Monday.\n\nChina said the two men had broken its laws. Canada rejected that.\n\nBoth also spoke about North Korea's nuclear program, and China said North Korea's nuclear program needs talks.";
    let x = Extractor::new().expect("builtin");
    let doc = x.analyze(text, None);
    let names: Vec<&str> = doc.disputes.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, vec!["disputes/china-canada"]);
    assert_eq!(
        doc.disputes[0].title,
        "China's detention of two Canadian citizens"
    );
}

#[test]
fn a_headline_capital_is_no_name_of_the_object() {
    // The headline capitalizes "Disputed", which the text writes in lower case: no object is
    // called "Disputed Island", so the two states name the dispute.
    let d = disputes(
        "Chile Asks Peru To Leave Disputed Island\n\nChile has asked Peru to leave a small disputed island off its coast. Peru said its troops would stay on the island.\n\nChile said Peru broke an agreement. Peru denied it.",
    );
    assert_eq!(d, vec!["disputes/chile-peru".to_owned()]);
}

#[test]
fn a_name_across_a_dash_owns_no_act() {
    // The parse may glue "South Ossetia - declared" into a compound; the dash says the name does
    // not own the independence.
    let d = disputes(
        "Russia and Georgia quarrelled again over four arrested officers. Georgia said Russia spied on it.\n\nBoth regions - Abkhazia and South Ossetia - declared independence from Georgia in the 1990s. Russia denied it and said Georgia lied.",
    );
    assert!(!d.iter().any(|x| x.contains("independence")), "{d:?}");
}

#[test]
fn a_quarrel_over_an_act_is_between_its_doer_and_whom_it_is_done_to() {
    // Ukraine receives the tanks; the quarrel is Russia's with Germany, as the pair says.
    let d = disputes(
        "Moscow warned Berlin on Wednesday as the dispute over Germany's delivery of Leopard tanks to Ukraine deepened.\nRussia's ambassador said the tanks would be destroyed.\nGerman officials said Ukraine had a right to defend itself.\nKyiv thanked Germany for the support.",
    );
    assert!(!d.contains(&"disputes/germany-ukraine".to_owned()), "{d:?}");
}

#[test]
fn a_coup_inside_one_state_that_an_international_body_takes_up_names_it() {
    let d = disputes(
        "The African Union has suspended Mali after the military coup in Bamako.\n\nThe African Union said the coup leaders must restore the elected government. ECOWAS also condemned the coup and said it would send envoys to Mali. The African Union will meet again next week. Mali's new rulers have promised elections next year.",
    );
    assert_eq!(d, vec!["disputes/mali-coup".to_owned()]);
    // An election named in passing, with an international lender, is no dispute.
    let d = disputes(
        "The IMF approved a loan to Pakistan on Monday.\n\nThe IMF said Pakistan must raise taxes before the election. Pakistan's finance minister welcomed the loan. The IMF will review the programme after the election in October. Pakistan hopes for more aid.",
    );
    assert!(!d.iter().any(|x| x.ends_with("-election")), "{d:?}");
    // One state's own politics, with no international body taking it up, is no dispute.
    let d = disputes(
        "Ghana's parliament debated the failed coup on Monday.\n\nThe opposition said the coup plotters had help. The government denied the charge. Parliament will vote on a bill next week. Protesters gathered outside the coup trial.",
    );
    assert!(!d.iter().any(|x| x.ends_with("-coup")), "{d:?}");
}
