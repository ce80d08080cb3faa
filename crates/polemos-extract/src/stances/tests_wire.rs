//! Stances in wire reports (issue 17, round 3): a body's members speak for it, "opposed to" with
//! its object, a demand's clause names the act demanded, a passive of settling names the way
//! backed, an act asked of another through a verb of getting is not theirs, and a demonym's
//! territory after a preposition is a place, not a claim. A sentence and a paraphrase each.

use super::tests::{has, stances};

#[test]
fn a_bodys_members_hold_its_judgement() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia detained Japanese fishermen. Members of the Security Council expressed grave concern at the detention of the fishermen.",
    );
    assert!(has(&s, "UNSC", "detention", "oppose"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. The members of the European Union expressed deep concern over the military buildup.",
    );
    assert!(has(&s, "EU", "military-buildup", "oppose"), "{s:?}");
}

#[test]
fn opposed_to_names_its_object() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. South Korea and China opposed to the joint patrols.",
    );
    assert!(has(&s, "KOR", "joint-patrols", "oppose"), "{s:?}");
    assert!(has(&s, "CHN", "joint-patrols", "oppose"), "{s:?}");
}

#[test]
fn a_demands_clause_names_the_act_demanded() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia seized two Japanese fishing boats. Japan has repeated its demand that the detained fishermen must be released immediately.",
    );
    assert!(has(&s, "JPN", "release", "support"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia seized two Japanese fishing boats. Japan demanded that the boats be returned.",
    );
    assert!(has(&s, "JPN", "return", "support"), "{s:?}");
    // An active clause: the act asked of the subject, on its object; a verb of removal asks
    // against the object.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan is resolute in demanding that Russia immediately release the three boats.",
    );
    assert!(has(&s, "JPN", "release", "support"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan demanded that Russia cease attacks in the region.",
    );
    assert!(has(&s, "JPN", "attacks", "oppose"), "{s:?}");
    // A verb of removal is against its subject: no issue named "lift".
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan demanded that the new port fees be lifted.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "lift"), "{s:?}");
}

#[test]
fn an_obligation_to_settle_through_a_way_backs_the_way() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. \"The matter must be resolved through diplomatic channels,\" Japan said.",
    );
    assert!(has(&s, "JPN", "diplomatic-channels", "support"), "{s:?}");
}

#[test]
fn an_act_another_is_got_to_do_is_not_theirs() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. The United States is backing Japan, while at the same time continuing diplomatic efforts aimed at getting Russia to agree to negotiations over the islands.",
    );
    assert!(!has(&s, "RUS", "negotiations", "support"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. France continues its work on convincing Russia to agree to talks on the islands.",
    );
    assert!(!has(&s, "RUS", "negotiations", "support"), "{s:?}");
}

#[test]
fn a_demonyms_territory_after_a_preposition_is_a_place() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan said its fishing boats were in Russian territory when they were seized.",
    );
    assert!(!has(&s, "RUS", "sovereignty", "support"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Britain said the boats were inside Russian waters.",
    );
    assert!(!has(&s, "RUS", "sovereignty", "support"), "{s:?}");
}

// The review of round 3 (each failed on the round's first code).

#[test]
fn part_of_a_demonyms_territory_is_still_a_claim() {
    // "of" governs the territory noun, but it is no place where something is.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan says the islands are part of Japanese territory.",
    );
    assert!(has(&s, "JPN", "sovereignty", "support"), "{s:?}");
    // The contested place itself within a state's territory is claimed.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow says the islands remain within Russian territory.",
    );
    assert!(has(&s, "RUS", "sovereignty", "support"), "{s:?}");
}

#[test]
fn a_subject_pressing_another_holds_its_wish() {
    // The asking verb has its own subject: the wish is Japan's, not asked of Russia alone.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan pressed Russia to sign the peace treaty.",
    );
    assert!(has(&s, "JPN", "peace-treaty", "support"), "{s:?}");
}

#[test]
fn a_demand_no_one_makes_names_no_act() {
    for text in [
        // Someone else's demand, rejected by the subject.
        "China and the Philippines dispute the South China Sea. China rejected demands that the fishermen be released.",
        // No demand made.
        "China and the Philippines dispute the South China Sea. The Philippines did not demand that the fishermen be released.",
        "Japan and Russia dispute the Kuril Islands. Japan stopped short of demanding that the islands be returned.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter()
                .any(|(_, issue, _)| issue.contains("release") || issue.contains("return")),
            "{text}: {s:?}"
        );
    }
}

#[test]
fn a_demanded_act_is_named_by_its_whole_verb() {
    // The lemmatizer cuts "freed" to "fre"; the issue is "free".
    let s = stances(
        "China and the Philippines dispute the South China Sea. The Philippines demanded that the fishermen be freed.",
    );
    assert!(has(&s, "PHL", "free", "support"), "{s:?}");
    assert!(
        !s.iter().any(|(_, issue, _)| issue.ends_with("fre")),
        "{s:?}"
    );
}

#[test]
fn some_members_of_a_body_do_not_speak_for_it() {
    let s = stances(
        "China and the Philippines dispute the South China Sea. Some members of the Security Council opposed the resolution, while others supported it.",
    );
    assert!(!s.iter().any(|(who, _, _)| who == "UNSC"), "{s:?}");
}

#[test]
fn against_after_a_participle_names_whom_the_act_is_aimed_at() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan said the fines imposed against its trawlers by the Russian coast guard were illegal.",
    );
    assert!(!has(&s, "JPN", "trawlers", "oppose"), "{s:?}");
    assert!(!s.iter().any(|x| x.1.contains("trawlers")), "{s:?}");
}

#[test]
fn words_of_falsehood_judge_no_reported_claim() {
    // "false" as a cue of judging took its issue from inside the reported claim, backwards
    // ("reports that it would lift the sanctions were false" opposed the sanctions), and cut
    // the phrase it qualifies; as a word of falsity (lexicon `falsity_word`) it judges only a
    // claim to a place or a charge, never a reported assertion.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow said reports that it would lift the sanctions were false.",
    );
    assert!(!has(&s, "RUS", "sanctions", "oppose"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Russia accused Japan of spreading false information about the islands.",
    );
    assert!(
        has(&s, "RUS", "spreading-false-information", "oppose"),
        "{s:?}"
    );
}

#[test]
fn a_lone_gerund_cut_from_its_complement_names_no_act() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan accused the Russian coast guard of colluding with poachers near the islands.",
    );
    assert!(!s.iter().any(|x| x.1 == "colluding"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan accused Russia of provoking tensions near the islands.",
    );
    assert!(has(&s, "JPN", "provoking-tensions", "oppose"), "{s:?}");
}
