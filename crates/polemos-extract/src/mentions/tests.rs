//! Tests of the mentions stage: which names are actors, places or outlets.

use crate::calibration;
use crate::{ArticleMeta, Extractor};

#[test]
fn an_outlets_nationality_is_not_a_party() {
    let x = Extractor::new()
        .expect("knowledge")
        .extract(
            "Russia rejected the claim, the British daily reported.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let names: Vec<&str> = x.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(
        names.contains(&"actors/RUS") && !names.contains(&"actors/GBR"),
        "{names:?}"
    );
    let x = Extractor::new()
        .expect("knowledge")
        .extract(
            "Syria responded, a Lebanese television station said. Egypt warned, according \
             to the German magazine Der Spiegel.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let names: Vec<&str> = x.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(
        names.contains(&"actors/SYR")
            && !names.contains(&"actors/LBN")
            && !names.contains(&"actors/DEU"),
        "{names:?}"
    );
}

#[test]
fn an_arbitral_tribunal_is_the_court_that_hosts_it_and_its_award_the_ruling() {
    let x = crate::test_support::extractor()
        .extract(
            "The Philippines welcomed the tribunal's award on the South China Sea. An \
             arbitral tribunal constituted under Annex VII of the convention ruled against \
             China in 2016.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let names: Vec<&str> = x.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"actors/PCA"), "{names:?}");
    assert!(
        x.stances.iter().any(|s| s.actor == "actors/PHL"
            && s.issue.ends_with("/icj-ruling")
            && s.label == polemos_core::model::StanceLabel::Support),
        "{:?}",
        x.stances
    );
}

#[test]
fn a_paper_named_after_a_state_is_an_outlet_not_the_state() {
    let x = crate::test_support::extractor()
        .extract(
            "According to the New Zealand Herald, the panel met on Monday.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let found: Vec<(&str, polemos_core::model::ActorKind)> =
        x.actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
    assert_eq!(
        found,
        [(
            "actors/new-zealand-herald",
            polemos_core::model::ActorKind::MediaOutlet
        )]
    );
}

#[test]
fn a_capital_is_its_state_only_when_fired_at() {
    let names = crate::test_support::actor_names;
    for text in [
        "Chile and Bolivia held two rounds of talks at Lima on Monday.",
        "Chile said a fire at Lima station killed two people.",
    ] {
        let n = names(text);
        assert!(!n.iter().any(|a| a == "actors/PER"), "{text}: {n:?}");
    }
    let n = names("Chile said its troops opened fire at Lima.");
    assert!(n.iter().any(|a| a == "actors/PER"), "{n:?}");
}

#[test]
fn a_demonym_or_possessive_with_a_body_noun_is_a_body_of_the_state() {
    let x = Extractor::new()
        .expect("knowledge")
        .extract(
            "The Indian Army said the firing stopped. China's navy patrols the waters. The Peruvian Cabinet met on Monday. Chilean security forces closed the border.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let body = |name: &str| {
        x.actors
            .iter()
            .find(|a| a.name == name)
            .map(|a| (a.kind, a.affiliation.clone()))
    };
    use polemos_core::model::ActorKind::GovernmentBody;
    assert_eq!(
        body("actors/indian-army"),
        Some((GovernmentBody, Some("actors/IND".into())))
    );
    assert_eq!(
        body("actors/chinese-navy"),
        Some((GovernmentBody, Some("actors/CHN".into())))
    );
    // ev44: "cabinet" and "security forces" are bodies too.
    assert_eq!(
        body("actors/peruvian-cabinet"),
        Some((GovernmentBody, Some("actors/PER".into())))
    );
    assert_eq!(
        body("actors/chilean-security-forces"),
        Some((GovernmentBody, Some("actors/CHL".into())))
    );
}

#[test]
fn armed_men_a_demonym_describes_are_an_armed_group_of_no_state() {
    let x = Extractor::new()
        .expect("knowledge")
        .extract(
            "Chilean gunmen attacked a Peruvian patrol boat near the border.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let group = x.actors.iter().find(|a| a.name == "actors/chilean-gunmen");
    use polemos_core::model::ActorKind::ArmedGroup;
    assert_eq!(
        group.map(|a| (a.kind, a.affiliation.clone())),
        Some((ArmedGroup, None))
    );
    assert!(
        !x.actors.iter().any(|a| a.name == "actors/CHL"),
        "{:?}",
        x.actors
    );
    // The side a prefix names is part of the name; a singular adjective names no group.
    let names = crate::test_support::actor_names;
    let n = names("Pro-Russian separatists shelled Ukrainian positions near Donetsk.");
    assert!(
        n.iter().any(|a| a == "actors/pro-russian-separatists"),
        "{n:?}"
    );
    let n = names("The Lebanese militant group Hezbollah fired rockets at Israel.");
    assert!(!n.iter().any(|a| a.contains("militant")), "{n:?}");
}

#[test]
fn a_place_named_after_a_state_gives_its_officials_no_affiliation() {
    let affiliation = |text: &str, name: &str| {
        let x = Extractor::new()
            .expect("knowledge")
            .extract(text, &ArticleMeta::default())
            .expect("extracts");
        x.actors
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.affiliation.clone())
    };
    let text = "New Mexico Governor Susana Martinez said talks might free the sailors.";
    assert_eq!(affiliation(text, "actors/susana-martinez"), Some(None));
    let text = "Mexican Governor Susana Martinez said talks might free the sailors.";
    assert_eq!(
        affiliation(text, "actors/susana-martinez"),
        Some(Some("actors/MEX".into()))
    );
}

#[test]
fn a_wire_dateline_places_the_story_but_its_state_does_not_act() {
    let names = crate::test_support::actor_names(
        "MOSCOW - Kyrgyzstan began talks with Tajikistan on the border.",
    );
    assert!(!names.iter().any(|n| n == "actors/RUS"), "{names:?}");
    assert!(names.iter().any(|n| n == "actors/KGZ"), "{names:?}");
    // A dateline on a line of its own, as VOA sets it.
    let names = crate::test_support::actor_names(
        "THE HAGUE\n\nThe court ruled that the island belongs to Namibia, not Botswana.",
    );
    assert!(!names.iter().any(|n| n == "actors/NLD"), "{names:?}");
    assert!(names.iter().any(|n| n == "actors/NAM"), "{names:?}");
    // The state after the city is in the dateline too.
    let names = crate::test_support::actor_names(
        "BISHKEK, Kyrgyzstan — Tajikistan and Uzbekistan signed a border treaty on Monday.",
    );
    assert!(!names.iter().any(|n| n == "actors/KGZ"), "{names:?}");
    assert!(names.iter().any(|n| n == "actors/TJK"), "{names:?}");
    // Named in running text, the capital still stands for its state.
    let names = crate::test_support::actor_names("Kyrgyzstan said Moscow had offered talks.");
    assert!(names.iter().any(|n| n == "actors/RUS"), "{names:?}");
}

#[test]
fn each_sentence_has_its_items_and_each_actor_item_a_score_by_how_it_was_named() {
    use crate::ir::ItemKind;
    use crate::knowledge::Via;
    let doc = crate::test_support::extractor().analyze(
        "Russia rejected the plan on Monday. The Russian foreign ministry said it would talk.",
        chrono::NaiveDate::from_ymd_opt(2018, 9, 19),
    );
    assert_eq!(doc.sentence_items.len(), doc.sentences.len());
    // The ranges tile the items in order: every item belongs to exactly one sentence.
    let mut next = 0;
    for (s, r) in doc.sentence_items.iter().enumerate() {
        assert_eq!(r.start, next);
        next = r.end;
        let sentence = &doc.sentences[s];
        assert!(
            doc.sentence_items(s)
                .iter()
                .all(|it| sentence.start <= it.start && it.end <= sentence.end)
        );
    }
    assert_eq!(next, doc.items.len());
    let score_of = |text: &str| {
        doc.items
            .iter()
            .find(|it| doc.slice(it.start, it.end) == text)
            .map(|it| it.score)
    };
    assert_eq!(
        score_of("Russia"),
        Some(calibration::builtin().via(Via::Name))
    );
    assert_eq!(
        score_of("Russian foreign ministry"),
        Some(calibration::builtin().via(Via::Demonym))
    );
    let (score, d) = doc
        .items
        .iter()
        .find_map(|it| match it.kind {
            ItemKind::Date(d) => Some((it.score, d)),
            _ => None,
        })
        .expect("a date item");
    assert_eq!(score, doc.dates[d].score);
}

#[test]
fn a_body_named_after_a_city_is_that_body_not_the_citys_state() {
    let names = crate::test_support::actor_names(
        "The OSCE Minsk Group Co-Chairs urged Armenia and Azerbaijan to respect the ceasefire.",
    );
    assert!(
        names.iter().any(|n| n == "actors/OSCE-MINSK-GROUP"),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n == "actors/BLR"), "{names:?}");
}

#[test]
fn congolese_is_the_democratic_republic_of_the_congo() {
    // In the news "Congolese" nearly always names the state governed from Kinshasa.
    for text in [
        "Congolese troops clashed with the rebels near Goma, Rwanda said.",
        "The Congolese government accused Rwanda of backing the M23.",
    ] {
        let x = Extractor::new()
            .expect("knowledge")
            .extract(text, &ArticleMeta::default())
            .expect("extracts");
        let names: Vec<&str> = x.actors.iter().map(|a| a.name.as_str()).collect();
        assert!(
            names.contains(&"actors/COD") && !names.contains(&"actors/COG"),
            "{text}: {names:?}"
        );
    }
}

#[test]
fn a_state_after_a_place_and_a_comma_only_locates_it() {
    // "Geneva, Switzerland" says where the talks were; Switzerland does not act. Named on its
    // own it still does.
    let names = |text: &str| -> Vec<String> {
        let x = Extractor::new()
            .expect("knowledge")
            .extract(text, &ArticleMeta::default())
            .expect("extracts");
        x.actors.iter().map(|a| a.name.clone()).collect()
    };
    let n = names("Egypt and Ethiopia resumed talks in Geneva, Switzerland, on Monday.");
    assert!(
        n.contains(&"actors/EGY".to_owned()) && !n.contains(&"actors/CHE".to_owned()),
        "{n:?}"
    );
    // After the place's comma, a state that goes on to act is an actor.
    let n = names("After talks in Geneva, Switzerland and Egypt signed an accord.");
    assert!(n.contains(&"actors/CHE".to_owned()), "{n:?}");
    let n = names("Egypt met Ethiopia in Geneva, Switzerland's foreign ministry said.");
    assert!(
        n.iter().any(|a| a == "actors/swiss-foreign-ministry"),
        "{n:?}"
    );
}

#[test]
fn an_outlet_is_an_actor_only_when_cited_or_acting() {
    let x = crate::test_support::extractor()
        .extract(
            "Japan protested on Monday. VOA's Anna Berg reports from Tokyo. In an interview \
             with VOA Somali, the minister said the talks would go on. \"Talks are off,\" said \
             KCNA. Some information for this report was provided by AP and Reuters.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let outlets: Vec<(&str, bool)> = x
        .actors
        .iter()
        .filter(|a| a.kind == polemos_core::model::ActorKind::MediaOutlet)
        .map(|a| (a.name.as_str(), a.cited_as_source))
        .collect();
    // VOA publishes and interviews: no actor. KCNA is quoted after its words, AP and Reuters
    // are credited: sources, so actors.
    assert_eq!(
        outlets,
        [
            ("actors/kcna", true),
            ("actors/ap", true),
            ("actors/reuters", true)
        ],
        "{outlets:?}"
    );
}

#[test]
fn a_speaker_after_the_verb_of_a_quotations_tail_speaks_it() {
    let x = crate::test_support::extractor()
        .extract(
            "\"The islands are ours,\" said Russia's Foreign Minister Sergei Lavrov on Monday. \
             Japan must withdraw, said the Russian Foreign Ministry on Monday. The deployment is \
             illegal, said Japan's defense minister Kenji Sato, but Russia rejected the charge.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let said: Vec<(Option<&str>, &str)> = x
        .attributions
        .iter()
        .map(|a| {
            let content = x.text.get(a.content.start..a.content.end).unwrap_or("");
            (a.speaker.as_deref(), content)
        })
        .collect();
    assert!(
        said.contains(&(Some("actors/sergei-lavrov"), "\"The islands are ours")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|(s, c)| s.is_some_and(|s| s.contains("foreign-ministry"))
                && *c == "Japan must withdraw"),
        "{said:?}"
    );
    // Another clause after the speaker is not the speaker's: the inverted order is not read.
    assert!(
        !said.iter().any(|(s, _)| *s == Some("actors/kenji-sato")),
        "{said:?}"
    );
}

#[test]
fn an_outlet_a_state_acts_on_stays_an_actor_though_no_event_is_read() {
    let x = crate::test_support::extractor()
        .extract(
            "Egypt banned Al Jazeera on Monday.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    assert!(
        x.actors.iter().any(|a| a.name == "actors/al-jazeera"),
        "{:?}",
        x.actors
    );
}

#[test]
fn a_capital_naming_an_accord_or_forum_is_not_its_state() {
    let names = crate::test_support::actor_names;
    for (text, absent) in [
        ("Chile said Peru had broken the Oslo accords.", "actors/NOR"),
        (
            "Chile accused Peru of violating the Minsk agreements.",
            "actors/BLR",
        ),
        (
            "Chile and Peru joined the Paris Club in 2010.",
            "actors/FRA",
        ),
        (
            "Chile said Peru had broken the principles of the Helsinki Final Act.",
            "actors/FIN",
        ),
        (
            "Chile said Peru had never signed the Moscow Treaty.",
            "actors/RUS",
        ),
    ] {
        let n = names(text);
        assert!(!n.iter().any(|a| a == absent), "{text}: {n:?}");
        assert!(n.iter().any(|a| a == "actors/CHL"), "{text}: {n:?}");
    }
    // A capital that acts is still its state.
    let n = names("Chile said Oslo had agreed to mediate.");
    assert!(n.iter().any(|a| a == "actors/NOR"), "{n:?}");
}

#[test]
fn a_national_body_named_like_an_organization_is_not_the_organization() {
    let names = crate::test_support::actor_names;
    let n = names("Chile's president asked the Chilean National Security Council to help.");
    assert!(!n.iter().any(|a| a == "actors/UNSC"), "{n:?}");
    let n = names("Chile asked the Security Council to help.");
    assert!(n.iter().any(|a| a == "actors/UNSC"), "{n:?}");
}

#[test]
fn a_state_where_something_is_based_does_not_act() {
    let names = crate::test_support::actor_names;
    let n = names("The British-based Observatory said Syria shelled the town.");
    assert!(!n.iter().any(|a| a == "actors/GBR"), "{n:?}");
    assert!(n.iter().any(|a| a == "actors/SYR"), "{n:?}");
    let n = names("A Tanzanian-based tribunal said Rwanda had refused to cooperate.");
    assert!(!n.iter().any(|a| a == "actors/TZA"), "{n:?}");
    // A hyphen to another word still names the state: "British-led forces".
    let n = names("British-led forces said Syria shelled the town.");
    assert!(n.iter().any(|a| a == "actors/GBR"), "{n:?}");
}

#[test]
fn a_body_noun_in_a_title_is_no_body() {
    // "a Greek naval attache": the holder of an office named after a service, not the service.
    // (A rank such as "Colonel" is not a title: as one, "the army spokesman, Colonel X" gave X
    // the rank's role and lost the spokesman's state.)
    let x = crate::test_support::extractor()
        .extract(
            "Turkey expelled a Greek military attache on Friday. Ankara said the attache had \
             photographed a base.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let names: Vec<&str> = x.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(!names.contains(&"actors/greek-military"), "{names:?}");
}

#[test]
fn a_body_noun_that_qualifies_a_noun_is_no_body() {
    // "Peruvian military drills": the drills are named, not the military.
    let names = crate::test_support::actor_names;
    let n = names("Chile condemned the Peruvian military buildup near Tacna on Monday.");
    assert!(!n.contains(&"actors/peruvian-military".to_owned()), "{n:?}");
    let n = names("Chile said Peru's navy frigates entered its waters on Monday.");
    assert!(!n.contains(&"actors/peruvian-navy".to_owned()), "{n:?}");
    // The body itself acts, or forms the government, or its spokesman speaks for it.
    let n = names("The Peruvian military said on Monday that Chile had fired first.");
    assert!(n.contains(&"actors/peruvian-military".to_owned()), "{n:?}");
    let n = names("Chile accused Peru's military government of lying on Monday.");
    assert!(n.contains(&"actors/peruvian-military".to_owned()), "{n:?}");
    let n = names("Peruvian military officials said on Monday that Chile had fired first.");
    assert!(n.contains(&"actors/peruvian-military".to_owned()), "{n:?}");
    // Its heads, organs and words are the body acting (lexicon `body_member_noun`).
    for text in [
        "Peru's army chief warned Chile on Monday.",
        "Peruvian military intelligence accused Chile on Monday of spying.",
        "A Peruvian military statement accused Chile on Monday of firing first.",
    ] {
        let n = names(text);
        let body = ["actors/peruvian-army", "actors/peruvian-military"];
        assert!(
            n.iter().any(|a| body.contains(&a.as_str())),
            "{text}: {n:?}"
        );
    }
    // A service written as a proper name names the service in any position.
    let n = names("Chile said two Peruvian Navy ships entered its waters on Monday.");
    assert!(n.contains(&"actors/peruvian-navy".to_owned()), "{n:?}");
    // "military force" is one body.
    let n = names("Chile will respond, said a spokesman for the Peruvian military force.");
    assert!(
        n.contains(&"actors/peruvian-military-force".to_owned()),
        "{n:?}"
    );
}

#[test]
fn a_government_building_that_speaks_is_a_body_of_its_state() {
    let x = crate::test_support::extractor()
        .extract(
            "The Kremlin rejected the charge on Monday.",
            &crate::ArticleMeta::default(),
        )
        .expect("extracts");
    let body = x
        .actors
        .iter()
        .find(|a| a.name == "actors/KREMLIN")
        .expect("the Kremlin is an actor");
    assert_eq!(body.affiliation.as_deref(), Some("actors/RUS"));
    let names =
        crate::test_support::actor_names("The White House said on Monday that the talks failed.");
    assert!(names.iter().any(|n| n == "actors/WHITE-HOUSE"), "{names:?}");
}

#[test]
fn a_government_building_where_something_happens_is_a_place() {
    let names = crate::test_support::actor_names(
        "Speaking at the White House, the Estonian president said Latvia had agreed.",
    );
    assert!(
        !names.iter().any(|n| n == "actors/WHITE-HOUSE"),
        "{names:?}"
    );
    let names = crate::test_support::actor_names(
        "On the lawn of the Kremlin, Norway's prime minister praised Finland.",
    );
    assert!(!names.iter().any(|n| n == "actors/KREMLIN"), "{names:?}");
    let names = crate::test_support::actor_names(
        "Finland rejected the Kremlin's claims to the island on Monday.",
    );
    assert!(names.iter().any(|n| n == "actors/RUS"), "{names:?}");
    assert!(!names.iter().any(|n| n == "actors/KREMLIN"), "{names:?}");
}

#[test]
fn the_red_cross_and_outlets_are_known_by_the_names_the_news_gives_them() {
    let names = crate::test_support::actor_names(
        "The International Red Cross said Chad returned the prisoners to Sudan.",
    );
    assert!(names.iter().any(|n| n == "actors/ICRC"), "{names:?}");
    let names = crate::test_support::actor_names(
        "Iran's state-run IRNA news agency said Tehran recalled its envoy from Baku.",
    );
    assert!(names.iter().any(|n| n == "actors/irna"), "{names:?}");
    let names = crate::test_support::actor_names(
        "Thailand's army clashed with the Karen National Union near the border.",
    );
    assert!(
        names.iter().any(|n| n == "actors/KNU"),
        "the Karen National Union under its own name: {names:?}"
    );
}

#[test]
fn a_government_building_that_qualifies_officials_names_their_state() {
    let names = crate::test_support::actor_names(
        "Kremlin security officials met Finnish border guards on Monday.",
    );
    assert!(names.iter().any(|n| n == "actors/RUS"), "{names:?}");
    assert!(!names.iter().any(|n| n == "actors/KREMLIN"), "{names:?}");
    let names = crate::test_support::actor_names(
        "Finland rejected the Kremlin's claims to the island on Monday.",
    );
    assert!(names.iter().any(|n| n == "actors/RUS"), "{names:?}");
    assert!(!names.iter().any(|n| n == "actors/KREMLIN"), "{names:?}");
}

#[test]
fn a_government_building_whose_grounds_are_named_or_visited_is_a_place() {
    for text in [
        "Standing on the White House lawn, the Estonian president said Latvia had agreed.",
        "Asked on the White House South Lawn, the Estonian president said Latvia had agreed.",
        "Finnish veterans laid wreaths by the Kremlin walls before Norway praised Finland.",
        "The Estonian president visited the White House on Tuesday and praised Latvia.",
    ] {
        let names = crate::test_support::actor_names(text);
        assert!(
            !names
                .iter()
                .any(|n| n == "actors/WHITE-HOUSE" || n == "actors/KREMLIN"),
            "{text}: {names:?}"
        );
    }
    // The office still speaks, and its officials are still its own.
    for text in [
        "The White House press secretary said Latvia had agreed.",
        "The White House said on Tuesday that Latvia had agreed.",
    ] {
        let names = crate::test_support::actor_names(text);
        assert!(
            names.iter().any(|n| n == "actors/WHITE-HOUSE"),
            "{text}: {names:?}"
        );
    }
}

#[test]
fn a_state_named_only_where_something_is_is_a_place() {
    for (text, place) in [
        (
            "Finland asked Norway about the wars in Iraq and Afghanistan.",
            ["actors/IRQ", "actors/AFG"],
        ),
        (
            "Finland said the fighting in Iraq and near Afghanistan had ended in Norway.",
            ["actors/IRQ", "actors/AFG"],
        ),
        (
            "Finland met Norway in Chile on Saturday, near Peru.",
            ["actors/CHL", "actors/PER"],
        ),
        // Named only to say whose capital a city is.
        (
            "Finland met Norway in the Chilean capital on Monday and in Peru's capital on Friday.",
            ["actors/CHL", "actors/PER"],
        ),
    ] {
        let names = crate::test_support::actor_names(text);
        assert!(names.iter().any(|n| n == "actors/FIN"), "{text}: {names:?}");
        assert!(
            !names.iter().any(|n| place.contains(&n.as_str())),
            "{text}: {names:?}"
        );
    }
    // A state named where something happens that also acts, or is acted on, stays.
    let text = "Finland met Norway in Chile. Chile welcomed the talks.";
    let names = crate::test_support::actor_names(text);
    assert!(names.iter().any(|n| n == "actors/CHL"), "{text}: {names:?}");
    let text = "Troops in Chile attacked Peru on Monday.";
    let names = crate::test_support::actor_names(text);
    assert!(names.iter().any(|n| n == "actors/PER"), "{text}: {names:?}");
    let text = "A Finn was shot dead in Chile, the state's fiercest foe.";
    let names = crate::test_support::actor_names(text);
    assert!(names.iter().any(|n| n == "actors/CHL"), "{text}: {names:?}");
    let text = "Finland sent a letter to Chile on Monday.";
    let names = crate::test_support::actor_names(text);
    assert!(names.iter().any(|n| n == "actors/CHL"), "{text}: {names:?}");
    // A capital that acts for its state ("the Chilean capital protested") is no seat noun.
    let text = "Finland met Norway in Santiago, and Chile's foreign minister protested.";
    let names = crate::test_support::actor_names(text);
    assert!(names.iter().any(|n| n == "actors/CHL"), "{text}: {names:?}");
    // A demonym before "capital" with no article is whose money it is, not whose seat.
    let text = "Finland met Norway in Oslo as Chilean capital flowed into their mines.";
    let names = crate::test_support::actor_names(text);
    assert!(names.iter().any(|n| n == "actors/CHL"), "{text}: {names:?}");
}

#[test]
fn a_state_a_preposition_does_not_place_stays_an_actor() {
    for (text, state) in [
        // A known dispute's party, named only where tensions are.
        (
            "Tensions flared in China and Japan over the Senkaku Islands.",
            "actors/JPN",
        ),
        // The subject after an opening phrase of place or time.
        (
            "In Brussels, Hungary again refused to back the sanctions package.",
            "actors/HUN",
        ),
        (
            "In March, Chile declined to attend the summit.",
            "actors/CHL",
        ),
        // A target, not a place.
        (
            "The remarks were seen as a thinly veiled swipe at Chile.",
            "actors/CHL",
        ),
        (
            "Finland held large military drills around Norway on Monday.",
            "actors/NOR",
        ),
        // The state an attitude or an involvement concerns.
        (
            "Finland condemned the military intervention in Chile.",
            "actors/CHL",
        ),
        (
            "Finland warned against foreign interference in Chile.",
            "actors/CHL",
        ),
        (
            "Finland said the envoy had meddled in Chile for years.",
            "actors/CHL",
        ),
        // A headline's capitals do not carry the walk back to an earlier "In".
        (
            "Talks In Geneva As Chile Weighs Offer\n\nThe talks resumed on Monday.",
            "actors/CHL",
        ),
    ] {
        let names = crate::test_support::actor_names(text);
        assert!(names.iter().any(|n| n == state), "{text}: {names:?}");
    }
}

#[test]
fn a_government_building_before_a_verb_or_after_a_visit_noun_is_the_office() {
    for text in [
        "The White House walls off the press from the meeting with Latvia.",
        "After the visit the Kremlin said relations with Latvia were strong.",
        "The Kremlin fence-sitting on the issue angered Latvia.",
    ] {
        let names = crate::test_support::actor_names(text);
        assert!(
            names
                .iter()
                .any(|n| n == "actors/WHITE-HOUSE" || n == "actors/KREMLIN"),
            "{text}: {names:?}"
        );
    }
}

#[test]
fn a_capitalized_name_headed_by_an_organization_noun_is_that_organization() {
    let x = crate::test_support::extractor()
        .extract(
            "Chad accused Sudan of arming the Popular Front for Renewal. Peru's powerful \
             Expediency Council rejected the plan. The Ministry of Water and Fisheries of the \
             island said nothing. A little-known group, the Andean Defense and Security \
             Council, threatened Ecuador.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let actor = |name: &str| {
        x.actors
            .iter()
            .find(|a| a.name == name)
            .map(|a| (a.kind, a.affiliation.clone()))
    };
    use polemos_core::model::ActorKind::{GovernmentBody, PoliticalGroup};
    assert_eq!(
        actor("actors/popular-front-for-renewal"),
        Some((PoliticalGroup, None))
    );
    assert_eq!(
        actor("actors/expediency-council"),
        Some((GovernmentBody, Some("actors/PER".into())))
    );
    assert_eq!(
        actor("actors/ministry-of-water-and-fisheries"),
        Some((GovernmentBody, None))
    );
    // The longer name is the group, not the UN body its last words name.
    assert!(actor("actors/andean-defense-and-security-council").is_some());
    assert!(actor("actors/UNSC").is_none(), "{:?}", x.actors);
}

#[test]
fn capitals_without_an_organization_head_or_of_one_word_name_no_organization() {
    let names = crate::test_support::actor_names(
        "Japan Shuts Down Embassy Council\n\nThe Security Council met on Monday. Party \
         officials in Peru said the Front Line Hotel was closed. Chile's Council said no. \
         The U.N. Human Rights Council criticized Peru.",
    );
    assert!(
        names
            .iter()
            .all(|n| !n.contains("council") && !n.contains("party") && !n.contains("front")),
        "{names:?}"
    );
    assert!(names.contains(&"actors/UNSC".to_owned()), "{names:?}");
}

#[test]
fn an_organization_named_without_its_state_is_listed_but_takes_no_part() {
    let x = crate::test_support::extractor()
        .extract(
            "Chad accused the Popular Front for Renewal of attacking its border towns. The \
             Peru Ministry of Mining protested to Chile. The envoy left for the Ministry of \
             Fisheries and Lakes.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let front = "actors/popular-front-for-renewal";
    assert!(x.actors.iter().any(|a| a.name == front), "{:?}", x.actors);
    assert!(
        x.events
            .iter()
            .all(|e| !e.sources.iter().chain(&e.targets).any(|a| a == front)),
        "{:?}",
        x.events
    );
    // A state's full name right before the name: the state's body, the state's part.
    assert!(
        x.actors
            .iter()
            .all(|a| a.name != "actors/ministry-of-mining")
    );
    assert!(x.actors.iter().any(|a| a.name == "actors/PER"));
    // Where someone goes is a place.
    assert!(
        x.actors
            .iter()
            .all(|a| a.name != "actors/ministry-of-fisheries-and-lakes"),
        "{:?}",
        x.actors
    );
}

/// The events and stances of `text`, each as "TYPE source,... -> target,..." or "holder label
/// issue".
fn facts_of(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let x = crate::test_support::extractor()
        .extract(text, &ArticleMeta::default())
        .expect("extracts");
    let events = x
        .events
        .iter()
        .map(|e| {
            format!(
                "{:?} {} -> {}",
                e.event_type,
                e.sources.join(","),
                e.targets.join(",")
            )
        })
        .collect();
    let stances = x
        .stances
        .iter()
        .map(|s| format!("{} {:?} {}", s.actor, s.label, s.issue))
        .collect();
    let actors = x.actors.iter().map(|a| a.name.clone()).collect();
    (actors, events, stances)
}

#[test]
fn an_organization_only_named_speaks_and_acts_for_no_later_actor() {
    let (_, events, stances) = facts_of(
        "China and Taiwan dispute the island's status. The Patriotic Front of China said \
         Taiwan is part of China and rejected independence.",
    );
    assert!(
        stances.iter().all(|s| !s.starts_with("actors/TWN")),
        "{stances:?}"
    );
    assert!(
        events.iter().all(|e| !e.contains("actors/TWN ->")),
        "{events:?}"
    );
    // The attack is Chad's; the accusation is the front's, not Chad's.
    let (_, events, _) = facts_of(
        "When Chad attacked Sudan, the Popular Front for Renewal protested and accused Sudan \
         of lying.",
    );
    assert_eq!(
        events
            .iter()
            .filter(|e| e.contains("actors/TCD ->"))
            .count(),
        1,
        "{events:?}"
    );
}

#[test]
fn an_act_upon_an_organization_only_named_is_still_the_doers() {
    let (_, events, _) =
        facts_of("Kenya attacked the Popular Front for Renewal near the border, officials said.");
    assert!(
        events.iter().any(|e| e.contains("actors/KEN ->")),
        "{events:?}"
    );
}

#[test]
fn a_possessive_inside_a_name_does_not_start_one() {
    let (actors, events, _) = facts_of(
        "Peru's National People's Congress Standing Committee criticized Chile. The Andes \
         People's Liberation Front accused Bolivia of sending troops.",
    );
    assert!(
        actors
            .iter()
            .all(|a| !a.ends_with("committee") && !a.ends_with("liberation-front")),
        "{actors:?}"
    );
    assert!(
        events.iter().any(|e| e.contains("actors/PER ->")),
        "{events:?}"
    );
}

#[test]
fn a_date_after_an_organizations_name_is_not_part_of_it() {
    let names = crate::test_support::actor_names(
        "Chile's Ministry of Mining Tuesday accused Peru of closing the pass.",
    );
    assert!(
        names.contains(&"actors/ministry-of-mining".to_owned()),
        "{names:?}"
    );
}

#[test]
fn a_state_in_a_groups_cause_is_not_its_owner() {
    let x = crate::test_support::extractor()
        .extract(
            "The Democratic Forces for the Liberation of Chad attacked Sudanese troops near \
             the border.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let group = x
        .actors
        .iter()
        .find(|a| a.name == "actors/democratic-forces-for-the-liberation-of-chad")
        .map(|a| (a.kind, a.affiliation.clone()));
    assert_eq!(
        group,
        Some((polemos_core::model::ActorKind::ArmedGroup, None)),
        "{:?}",
        x.actors
    );
    assert!(
        x.events
            .iter()
            .all(|e| e.sources.iter().all(|s| s != "actors/TCD")),
        "{:?}",
        x.events
    );
}

#[test]
fn legal_parties_sides_of_places_and_longer_names_are_no_organizations() {
    let names = crate::test_support::actor_names(
        "Peru said the Commodity Contracts and Qualified Party rules apply. The president \
         spoke on the West Front of the palace. Chile thanked the Global Council on Conflict \
         Resolution. Bolivia cited the adoption of Security Council resolution 2417 last \
         year.",
    );
    assert!(
        names
            .iter()
            .all(|n| !n.contains("party") && !n.contains("front") && !n.contains("council")),
        "{names:?}"
    );
}

#[test]
fn a_states_own_forces_are_its_body_and_other_forces_named_with_it_are_not() {
    use polemos_core::model::ActorKind;
    let x = crate::test_support::extractor()
        .extract(
            "The Armed Forces of Chile shelled Peruvian positions near the border. Bolivia's \
             Defence Forces denied it. Chile's Rapid Support Forces attacked Peruvian \
             positions. The Armed Forces of Peru and Bolivia held drills near the border with \
             Chile.",
            &ArticleMeta::default(),
        )
        .expect("extracts");
    let actor = |name: &str| {
        x.actors
            .iter()
            .find(|a| a.name == format!("actors/{name}"))
            .map(|a| (a.kind, a.affiliation.clone().unwrap_or_default()))
    };
    // Nothing but army words before the head: the state's forces, after "of" or before.
    let chile = actor("armed-forces-of-chile");
    assert!(
        chile
            .as_ref()
            .is_some_and(|(k, a)| *k == ActorKind::GovernmentBody && a.contains("CHL")),
        "{:?}",
        x.actors
    );
    let bolivia = actor("defence-forces");
    assert!(
        bolivia
            .as_ref()
            .is_some_and(|(k, a)| *k == ActorKind::GovernmentBody && a.contains("BOL")),
        "{:?}",
        x.actors
    );
    assert!(
        x.events
            .iter()
            .any(|e| e.sources == ["actors/armed-forces-of-chile"] && e.targets == ["actors/PER"]),
        "{:?}",
        x.events
    );
    // Other words before the head: a group of its own, no body of the state named with it.
    assert_eq!(
        actor("rapid-support-forces").map(|(k, _)| k),
        Some(ActorKind::ArmedGroup),
        "{:?}",
        x.actors
    );
    // Two states' forces are no one state's body.
    assert!(
        x.actors
            .iter()
            .all(|a| !a.name.contains("peru-and-bolivia")),
        "{:?}",
        x.actors
    );
}

#[test]
fn an_object_goes_on_past_an_organization_only_named_to_the_place() {
    let (_, events, _) = facts_of(
        "Peru shelled the Andean Democratic Party offices in Chile. Bolivia fired rockets at the \
         Chaco Freedom Party bases in Paraguay.",
    );
    assert!(
        events
            .iter()
            .any(|e| e.contains("actors/PER -> actors/CHL")),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e.contains("actors/BOL -> actors/PRY")),
        "{events:?}"
    );
}

#[test]
fn a_one_party_states_ruling_party_speaks_for_it() {
    // The data lists such parties as their states' bodies, so the organization rule does not
    // make them parties of their own that take no part.
    let (_, events, stances) = facts_of(
        "China and Taiwan dispute the island. The Communist Party of China said Taiwan is part \
         of China and rejected independence. The Communist Party of Vietnam urged China to \
         respect Taiwan.",
    );
    assert!(
        stances.iter().any(|s| s.starts_with("actors/CHN ")),
        "{stances:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e.contains("actors/VIETNAM-COMMUNIST-PARTY -> actors/CHN")),
        "{events:?}"
    );
}
