//! Tests of accusations carried by a judgement of a deed, on sentences of our own.

use super::tests::{events, has};

#[test]
fn a_reproached_deed_is_the_speakers_accusation_of_its_owner() {
    let text = "Chile said on Monday that Peru's naval exercise was \"entirely unacceptable.\"";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Bolivia said the seizures of fishing boats by Chile are a violation of the treaty.";
    assert!(has(text, "BOL", "ACCUSE", "CHL"), "{:?}", events(text));
    let text = "Peru said the interference of Chile's government in its elections was illegal.";
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn an_ungrounded_assertion_or_unreasonable_deed_is_reproached() {
    let text = "Chile said Peru's assertion that Chile had moved the markers is ungrounded.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chilean officials described the expulsions by Peru as unreasonable.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    // Denied, the judgement accuses no one.
    let text = "Chile said Peru's assertion about the markers is not ungrounded.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn a_deed_not_reproached_or_without_owner_is_no_accusation() {
    let text = "Chile said on Monday that Peru's naval exercise was not illegal.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chile said on Monday that the naval exercise near Peru was illegal.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn an_of_complement_that_is_no_body_is_what_the_deed_is_done_to() {
    // The victim of a judged deed is not accused; the doer is not named.
    for text in [
        "Headline\n\nThe United States said the seizure of Ukraine's ships is a violation of international law.",
        "Headline\n\nThe invasion of Ukraine is a violation of international law, the United States said.",
    ] {
        let found = events(text);
        assert!(
            !found
                .iter()
                .any(|(_, t, g, _)| t == "ACCUSE" && g.iter().any(|x| x == "UKR")),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_deed_a_verb_of_calling_judges_is_its_judges_accusation() {
    let text = "Headline\n\nThe Philippines on Monday called China's blockade of the shoal a violation of the convention.";
    assert!(has(text, "PHL", "ACCUSE", "CHN"), "{:?}", events(text));
    let text = "Headline\n\nVietnam described the Chinese patrols as illegal.";
    assert!(has(text, "VNM", "ACCUSE", "CHN"), "{:?}", events(text));
    // Not when the verb is negated or the judgement is praise.
    let text = "Headline\n\nVietnam did not describe the Chinese patrols as illegal.";
    assert!(!has(text, "VNM", "ACCUSE", "CHN"), "{:?}", events(text));
}

#[test]
fn a_deed_its_adjective_owns_is_judged_of_that_owner() {
    let text = "Headline\n\n\"The Indian shelling was lawless and unacceptable,\" Pakistan's foreign minister said on Friday.";
    assert!(has(text, "PAK", "ACCUSE", "IND"), "{:?}", events(text));
}

#[test]
fn a_verb_of_calling_refused_or_used_by_no_actor_accuses_no_one() {
    let text = "Headline\n\nVietnam declined to describe the Chinese patrols as illegal.";
    assert!(!has(text, "VNM", "ACCUSE", "CHN"), "{:?}", events(text));
    let text = "Headline\n\nSome analysts described China's patrols as illegal, and Vietnam said it would protest.";
    assert!(!has(text, "VNM", "ACCUSE", "CHN"), "{:?}", events(text));
}

#[test]
fn a_predicate_parsed_as_a_second_object_of_calling_still_judges_the_deed() {
    let text = "Headline\n\nVietnam is calling the Chinese blockade \"open aggression.\"";
    assert!(has(text, "VNM", "ACCUSE", "CHN"), "{:?}", events(text));
    // A single object is the deed, not its judgement.
    let text = "Headline\n\nVietnam is calling the Chinese aggression off.";
    assert!(!has(text, "VNM", "ACCUSE", "CHN"), "{:?}", events(text));
}

#[test]
fn a_deed_denied_approval_is_reproached() {
    let text =
        "Peru said on Monday that Chile's decision to close the border crossing was not helpful.";
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    let text = "Headline\n\n\"Chile's blockade of the port will not be helpful,\" Peru's foreign minister said on Friday.";
    assert!(has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
    // Approval affirmed is no reproach.
    let text =
        "Peru said on Monday that Chile's decision to close the border crossing was helpful.";
    assert!(!has(text, "PER", "ACCUSE", "CHL"), "{:?}", events(text));
}

#[test]
fn a_statement_released_by_an_actor_is_its_judgement() {
    let text = "Headline\n\n\"Chile's blockade of the port is not helpful,\" said a statement released by Peru's foreign ministry.";
    let found = events(text);
    assert!(
        found.iter().any(|(s, t, g, _)| t == "ACCUSE"
            && s.iter().any(|x| x.contains("peru"))
            && g.iter().any(|x| x == "CHL")),
        "{found:?}"
    );
}

#[test]
fn not_only_before_a_word_of_approval_affirms_it() {
    let text = "Chile said Peru's deployment was not only legal but necessary.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    // A plain negation still judges.
    let text = "Chile said Peru's deployment was not legal.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn an_owned_act_named_as_a_noun_is_not_the_judges_act() {
    // "Peru's protest" is Peru's act told before, not Chile protesting.
    let text = "Chile and Peru dispute the border. Chile called Peru's protest unacceptable.";
    assert!(!has(text, "CHL", "PROTEST", "PER"), "{:?}", events(text));
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn an_extraposed_judgement_of_a_that_clause_accuses_the_clauses_subject() {
    let text = "Chile said it is unacceptable that Peru is trying to block the inquiry.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chile said it is not unacceptable that Peru is trying to block the inquiry.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn a_reproach_modifying_an_owned_deed_in_a_speakers_words_accuses_its_owner() {
    let text = "Chile told reporters that Peru's unjustified arrest of the fishermen had harmed relations.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn a_deed_called_unjustified_is_reproached() {
    let text = "Chile said Peru's expulsion of its envoy was unjustified.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn a_deed_judged_unwarranted_or_baseless_is_reproached() {
    let text = "Chile said Peru's seizure of the trawler was unwarranted.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chile said Peru's allegations about the trawler are baseless.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn a_state_named_before_the_deed_is_not_its_owner() {
    // What the deed is done to as often as its doer: the strikes on Lebanon are not Lebanon's.
    let text = "Egypt said the Lebanon strikes were unacceptable.";
    assert!(!has(text, "EGY", "ACCUSE", "LBN"), "{:?}", events(text));
}

#[test]
fn an_extraposed_judgement_only_supposed_or_asked_about_accuses_no_one() {
    for text in [
        "Chile said it would be unacceptable that Peru blocks the inquiry.",
        "Chile asked whether it is illegal that Peru blocks the inquiry.",
    ] {
        assert!(
            !has(text, "CHL", "ACCUSE", "PER"),
            "{text}: {:?}",
            events(text)
        );
    }
}

#[test]
fn a_deed_named_by_a_referring_noun_is_the_latest_act_of_another_side() {
    let text = "Peru expelled two Chilean diplomats on Monday. Chilean officials described the \
                expulsions as unreasonable.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Bolivia recalled its ambassador from Peru on Friday. Peru called the decision unacceptable.";
    assert!(has(text, "PER", "ACCUSE", "BOL"), "{:?}", events(text));
    // An act further back, or in another paragraph, is not what "the decision" names: a deed
    // no actor did may stand between them.
    for text in [
        "Peru expelled two Chilean diplomats on Monday. On Tuesday, the Olympic committee \
         barred Chilean athletes from the games. Chile called the decision unacceptable.",
        "Peru expelled two Chilean diplomats on Monday.\n\nIn a separate ruling, the \
         Supreme Court struck down the electoral law. Chile called the decision unacceptable.",
    ] {
        assert!(
            !has(text, "CHL", "ACCUSE", "PER"),
            "{text}: {:?}",
            events(text)
        );
    }
    // A judge who is no actor accuses no one of it.
    let text = "Bolivia recalled its ambassador from Peru on Friday. Analysts called the decision unacceptable.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "ACCUSE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_referring_deed_of_the_judges_own_side_or_in_the_narrators_voice_accuses_no_one() {
    // The judge's own side's act is not another side's: no one to accuse.
    let text = "Chile expelled two Peruvian diplomats on Monday. Chilean officials described the \
                expulsions as unreasonable.";
    assert!(
        !events(text)
            .iter()
            .any(|(s, t, _, _)| s == &["CHL"] && t == "ACCUSE"),
        "{:?}",
        events(text)
    );
    // No judge nor speaker named: the narrator's judgement is no one's accusation.
    let text = "Peru expelled two Chilean diplomats on Monday. The expulsions were unreasonable.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "ACCUSE"),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_deed_called_wrong_or_hasty_is_reproached() {
    let text = "Chile called Peru's decision wrong.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chile said on Monday that Peru's withdrawal from the talks was hasty.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}
