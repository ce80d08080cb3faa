//! Judgements of a decision (`issues.rs` `intended_act`): an accusing verb whose object is a noun
//! of intent with its infinitive is against the act the infinitive names; an act that reverses
//! or severs its object is named whole, since its object is what the act works against.

use super::tests::{has, stances};

#[test]
fn regretting_a_decision_to_reverse_opposes_the_reversal() {
    let s = stances(
        "Japan strongly regrets Moscow's decision to freeze visits by former residents to the Kuril Islands.",
    );
    assert!(
        s.iter()
            .any(|(h, i, l)| h == "JPN" && i == "decision-to-freeze-visits" && l == "oppose"),
        "{s:?}"
    );
    // The object of the reversal is not what is opposed.
    assert!(!s.iter().any(|(_, i, _)| i == "visits"), "{s:?}");
}

#[test]
fn a_subjects_will_to_do_a_thing_itself_names_the_thing() {
    // A cue of will ending in "to" names the act as a request does.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia agreed to resume deliveries of fuel.",
    );
    assert!(
        s.iter()
            .any(|(h, i, l)| h == "RUS" && i.starts_with("deliveries") && l == "support"),
        "{s:?}"
    );
    // A verb that reverses its object is against it.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan is willing to lift the visa restrictions.",
    );
    assert!(
        s.iter()
            .any(|(h, i, l)| h == "JPN" && i == "sanctions" && l == "oppose"),
        "{s:?}"
    );
    // Other verbs name nothing: the matter is no issue.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia wants to handle the matter quietly.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "matter"), "{s:?}");
}

#[test]
fn an_object_kept_from_acting_is_no_thing_willed_against() {
    // "agreed to prevent armed groups from using the territory" is not against the groups
    // as a thing; nor is stopping smugglers from crossing against the smugglers.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. The two countries have agreed to stop smugglers from crossing the border.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "smugglers"), "{s:?}");
}

#[test]
fn an_indirect_question_about_an_act_states_no_stance_on_it() {
    // "no word on when X will resume talks" asks what X will do.
    for text in [
        "Japan and Russia dispute the Kuril Islands. There was no word on when Japan and Russia would resume the talks.",
        "Japan and Russia dispute the Kuril Islands. It is unclear whether Russia will resume the talks.",
        "Japan and Russia dispute the Kuril Islands. Japan did not say when it would resume the talks.",
        "Japan and Russia dispute the Kuril Islands. Japan has not decided whether to resume the talks.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter().any(|(_, i, _)| i == "negotiations"),
            "{text}: {s:?}"
        );
    }
    // A clause of time says when the act is done, which is said.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan said it would resume the talks when the weather improves.",
    );
    assert!(
        s.iter()
            .any(|(h, i, l)| h == "JPN" && i == "negotiations" && l == "support"),
        "{s:?}"
    );
}

#[test]
fn the_words_that_open_only_a_question_are_the_profiles() {
    // "whether" is read from the class `question_mark` of the language profile, not
    // written in the code: a profile whose class is empty reads the infinitive as an act.
    let texts = [
        "Japan and Russia dispute the Kuril Islands. Japan is considering whether to resume the talks.",
        "Japan and Russia dispute the Kuril Islands. Japan is weighing whether to resume the talks.",
    ];
    let read = |x: &crate::Extractor, text: &str| {
        x.analyze(text, None)
            .stances
            .iter()
            .filter(|s| s.issue.ends_with("/negotiations"))
            .count()
    };
    let english = crate::test_support::extractor();
    let builtin = crate::lang::BUILTIN[0].1;
    assert!(builtin.contains("word|question_mark|whether\n"));
    let emptied = builtin.replace("word|question_mark|whether\n", "word|question_mark|\n");
    let mine = crate::lang::Profile::parse("mine.tsv", &emptied).expect("parses");
    let k = crate::KnowledgeBuilder::builtin()
        .expect("built-in")
        .language(std::sync::Arc::new(mine))
        .build()
        .expect("builds");
    let other = crate::Extractor::with_knowledge(k);
    let mut differ = false;
    for text in texts {
        assert_eq!(read(english, text), 0, "{text}");
        differ |= read(&other, text) > 0;
    }
    assert!(differ, "the class is not read");
}

#[test]
fn a_speaker_who_says_a_course_goes_on_backs_it() {
    // "said the negotiations will continue" is the speaker's support of them.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japanese Foreign Minister Taro Kono said the negotiations over the islands will continue.",
    );
    assert!(has(&s, "JPN", "negotiations", "support"), "{s:?}");
    let s =
        stances("Ukraine and Russia dispute Crimea. Germany says the talks will resume in May.");
    assert!(has(&s, "DEU", "negotiations", "support"), "{s:?}");
    // Not a course the speaker denies, nor another's.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan said the talks will not continue.",
    );
    assert!(!has(&s, "JPN", "negotiations", "support"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan said Russian talks with China will continue.",
    );
    assert!(!has(&s, "JPN", "negotiations", "support"), "{s:?}");
    // Nor what the course goes on to do, or a course aimed at the speaker.
    for (text, holder, issue) in [
        (
            "Japan and Russia dispute the Kuril Islands. Japan said the talks will continue to stall.",
            "JPN",
            "negotiations",
        ),
        (
            "Ukraine and Russia dispute Crimea. Russian officials conceded that the sanctions against Moscow will continue.",
            "RUS",
            "sanctions",
        ),
    ] {
        let s = stances(text);
        assert!(
            !s.iter().any(|(h, i, _)| h == holder && i == issue),
            "{text}: {s:?}"
        );
    }
}
