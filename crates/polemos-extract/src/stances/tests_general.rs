//! Stances read from general constructions of wire copy (issue 17, round 4): an act ruled out
//! in so many words, an offer accepted, a demonym's territory as the predicate another verb gives
//! a contested place, and a denial that opposes only a charge of a wrong.

use super::tests::{has, stances};

#[test]
fn an_act_ruled_out_is_opposed() {
    // A gerund names the act as its noun does ("the handover of the islands").
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. The Kremlin has ruled out handing over the islands.",
    );
    assert!(has(&s, "RUS", "sovereignty", "oppose"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Handing over the islands is off the table, the Kremlin said.",
    );
    assert!(has(&s, "RUS", "sovereignty", "oppose"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. The Kremlin said there could be no question of a handover of the islands.",
    );
    assert!(has(&s, "RUS", "sovereignty", "oppose"), "{s:?}");
}

#[test]
fn accepting_an_offer_backs_it() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow has accepted Tokyo's proposal for joint economic activity in the area.",
    );
    assert!(
        has(&s, "RUS", "joint-economic-activities", "support"),
        "{s:?}"
    );
}

#[test]
fn a_demonyms_territory_given_a_place_by_a_verb_is_a_claim() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Tokyo regards the islands as Japanese territory.",
    );
    assert!(has(&s, "JPN", "sovereignty", "support"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. The islands became Japanese territory in 1855, Tokyo says.",
    );
    assert!(has(&s, "JPN", "sovereignty", "support"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Tokyo does not consider the islands Russian land.",
    );
    assert!(!has(&s, "RUS", "sovereignty", "support"), "{s:?}");
}

#[test]
fn a_negator_before_the_verb_denies_the_territory_it_gives() {
    for (text, state) in [
        (
            "Japan and Russia dispute the Kuril Islands. Tokyo does not regard the islands as Russian territory.",
            "RUS",
        ),
        (
            "Japan and Russia dispute the Kuril Islands. Japan refuses to regard the islands as Russian territory.",
            "RUS",
        ),
        (
            "Japan and Russia dispute the Kuril Islands. The islands will never become Japanese territory, Moscow said.",
            "JPN",
        ),
    ] {
        let s = stances(text);
        assert!(!has(&s, state, "sovereignty", "support"), "{text}: {s:?}");
    }
}

#[test]
fn a_denial_opposes_only_a_charge_of_a_wrong() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow denied reports that it was engaged in secret talks with Tokyo.",
    );
    assert!(
        !s.iter().any(|(h, _, l)| h == "RUS" && l == "oppose"),
        "{s:?}"
    );
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow denied that it was involved in the planning of the summit.",
    );
    assert!(
        !s.iter().any(|(h, _, l)| h == "RUS" && l == "oppose"),
        "{s:?}"
    );
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow denied that its coast guard was involved in the shelling of the boat.",
    );
    assert!(has(&s, "RUS", "shelling", "oppose"), "{s:?}");
}

#[test]
fn a_states_own_territory_given_a_place_by_a_verb_is_its_claim() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Tokyo has long considered the islands its own territory.",
    );
    assert!(has(&s, "JPN", "sovereignty", "support"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow says the islands became its territory in 1945.",
    );
    assert!(has(&s, "RUS", "sovereignty", "support"), "{s:?}");
}

#[test]
fn saying_no_such_wrong_exists_opposes_nothing() {
    let s =
        stances("Japan and Russia dispute the Kuril Islands. Moscow said no such threats existed.");
    assert!(
        !s.iter().any(|(h, _, l)| h == "RUS" && l == "oppose"),
        "{s:?}"
    );
    let s =
        stances("Japan and Russia dispute the Kuril Islands. Moscow says no such accord exists.");
    assert!(has(&s, "RUS", "accord", "oppose"), "{s:?}");
}

#[test]
fn what_a_meeting_did_not_discuss_is_no_stance() {
    // "not on the agenda" and "no talk of" report what a meeting left out far more often than
    // they rule an act out, so they are no cues (a review found "The territorial issue was not on
    // the agenda of Monday's meeting, Japanese officials said" opposing Japan's own claim).
    for text in [
        "Japan and Russia dispute the Kuril Islands. The territorial issue was not on the agenda of Monday's meeting, Japanese officials said.",
        "Japan and Russia dispute the Kuril Islands. There was no talk of sanctions at the meeting, Japan said.",
    ] {
        let s = stances(text);
        assert!(!s.iter().any(|x| x.2 == "oppose"), "{text}: {s:?}");
    }
}

#[test]
fn calling_a_states_claim_false_opposes_the_claim() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow said Tokyo's claims to the islands were groundless.",
    );
    assert!(has(&s, "RUS", "sovereignty", "oppose"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow dismissed as unfounded Japan's claims to the islands.",
    );
    assert!(has(&s, "RUS", "sovereignty", "oppose"), "{s:?}");
    // Falsity judges nothing else: the sanctions reported are not opposed.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow said reports that it would lift the sanctions were unfounded.",
    );
    assert!(
        !s.iter().any(|(h, _, l)| h == "RUS" && l == "oppose"),
        "{s:?}"
    );
}

#[test]
fn calling_a_states_allegations_false_is_no_stance_on_sovereignty() {
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan said two Russian jets violated its airspace on Tuesday. The Russian defence ministry said Japan's claims were unfounded.",
    );
    assert!(!has(&s, "RUS", "sovereignty", "oppose"), "{s:?}");
}

#[test]
fn a_word_of_how_plain_a_deed_is_is_no_part_of_its_name() {
    // "plain", "blatant", "outright" say how plain the deed is, not which deed it is.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan said the blatant interference of Russia is a violation of its sovereignty.",
    );
    assert!(has(&s, "JPN", "interference", "oppose"), "{s:?}");
    assert!(
        !s.iter().any(|(_, i, _)| i == "blatant-interference"),
        "{s:?}"
    );
}

#[test]
fn a_word_of_when_or_how_attested_a_deed_is_is_no_part_of_its_name() {
    // "recent", "reported", "continuing" say which time or report of the deed is meant,
    // not which deed it is.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan is deeply concerned about the reported detention of the fishermen.",
    );
    assert!(has(&s, "JPN", "detention", "oppose"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Canada welcomed the recent declaration of principles on the islands.",
    );
    assert!(
        has(&s, "CAN", "declaration-of-principles", "support"),
        "{s:?}"
    );
    assert!(
        !s.iter()
            .any(|(_, i, _)| i.starts_with("recent-") || i.starts_with("reported-")),
        "{s:?}"
    );
}

#[test]
fn an_adverb_of_place_after_the_noun_is_no_part_of_the_issue() {
    // "out at sea" says where the crews are.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan said it stands with the fishermen out at sea.",
    );
    assert!(!s.iter().any(|(_, i, _)| i.ends_with("-out")), "{s:?}");
    // People the speaker stands with are no issue.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Japan stands with its citizens out on the islands.",
    );
    assert!(
        !s.iter().any(|(_, i, _)| i.starts_with("citizens")),
        "{s:?}"
    );
}

#[test]
fn a_peace_process_is_its_own_issue() {
    // "the peace process" is the course toward a settlement, not "peace".
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. The United States supports Japan's efforts to advance the peace process.",
    );
    assert!(has(&s, "USA", "peace-process", "support"), "{s:?}");
    assert!(!has(&s, "USA", "peace", "support"), "{s:?}");
    let s = stances("Japan and Russia dispute the Kuril Islands. Japan backs the peace-process.");
    assert!(has(&s, "JPN", "peace-process", "support"), "{s:?}");
    // Peace itself stays peace.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. The United States remains committed to peace in the region.",
    );
    assert!(has(&s, "USA", "peace", "support"), "{s:?}");
}

#[test]
fn suspending_ones_own_doings_or_dealings_is_no_stance_on_them() {
    // What a state suspends of its own, or its contacts with another, is an act (a sanction
    // the events read), not an issue it opposes.
    let s = stances(
        "Eritrea and Ethiopia dispute the town of Badme. Ethiopia suspended its trade missions in Eritrea.",
    );
    assert!(!has(&s, "ETH", "trade-missions", "oppose"), "{s:?}");
    let s = stances(
        "Eritrea and Ethiopia dispute the town of Badme. Ethiopia suspended contacts with Eritrea over the shelling.",
    );
    assert!(!has(&s, "ETH", "contacts", "oppose"), "{s:?}");
    // A thing of another's making suspended is still opposed.
    let s = stances(
        "Eritrea and Ethiopia dispute the town of Badme. Ethiopia suspended the border agreement with Eritrea.",
    );
    assert!(has(&s, "ETH", "agreement", "oppose"), "{s:?}");
}

#[test]
fn a_charge_called_false_or_a_deed_called_lawless_is_opposed() {
    // Judgements of falsehood and wrong (cues.tsv assess_bad) said of the subject.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Tokyo said the accusations made against its diplomats by Moscow are false.",
    );
    assert!(has(&s, "JPN", "accusations", "oppose"), "{s:?}");
    let s = stances(
        "Russia and Ukraine dispute Crimea. The United States said the Russian blockade of the ports was lawless.",
    );
    assert!(has(&s, "USA", "russian-blockade", "oppose"), "{s:?}");
    let s = stances(
        "Japan and China dispute the Senkaku Islands. Japan said a Chinese demand for compensation was unthinkable.",
    );
    assert!(has(&s, "JPN", "chinese-demand", "oppose"), "{s:?}");
}

#[test]
fn a_charge_called_unfounded_is_opposed_but_a_report_is_no_issue() {
    // A word of falsity said of a charge that names whom it is against opposes the charge.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow said the charges of spying leveled against its officers were unfounded.",
    );
    assert!(has(&s, "RUS", "charges", "oppose"), "{s:?}");
    // A report with its content clause is an assertion denied, not a charge.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands. Moscow said reports that it would close the consulate were false.",
    );
    assert!(s.is_empty(), "{s:?}");
    // Only a predicate judges: a denial of making false accusations takes no side on them.
    let s = stances(
        "Japan and China dispute the Senkaku Islands. Japan denied making false accusations against China.",
    );
    assert!(!s.iter().any(|x| x.1 == "accusations"), "{s:?}");
}

#[test]
fn a_judgement_of_wrong_judges_only_its_copulas_subject() {
    // "a serious mistake" as a predicate judges the copula's subject, not a topic inside it.
    let s = stances(
        "Japan and China dispute the Senkaku Islands. China said the detention of its fishing captain by Japan was a serious mistake.",
    );
    assert!(has(&s, "CHN", "detention", "oppose"), "{s:?}");
    assert!(!s.iter().any(|x| x.1 == "fishing-rights"), "{s:?}");
    // After an expletive "it", the infinitive's object.
    let s = stances(
        "Japan and China dispute the Senkaku Islands. Japan said it was not a mistake to hold talks with China.",
    );
    assert!(has(&s, "JPN", "negotiations", "support"), "{s:?}");
    // Making a mistake, a clause of saying, and an attributive word judge nothing.
    for text in [
        "Japan and Russia dispute the Kuril Islands. Japan said it had made a mistake in its talks with Russia over the Kuril Islands.",
        "Russia and Ukraine dispute Crimea. Kiev warned Moscow not to make a mistake by sending troops.",
        "Russia and Ukraine dispute Crimea. It would be unfair to say the talks had failed, the Ukrainian envoy said.",
        "India and Pakistan dispute Kashmir. Militants operating from the lawless tribal areas have attacked troops in Kashmir, India said.",
    ] {
        let s = stances(text);
        assert!(s.is_empty(), "{text}: {s:?}");
    }
    // The judged subject is named itself, though its noun could refer back to a topic told
    // before: the action judged, not the annexation of the sentence before.
    let s = stances(
        "Russia and Ukraine dispute Crimea. Russia completed the annexation of Crimea on Friday. The United States said the Russian action was lawless.",
    );
    assert!(has(&s, "USA", "russian-action", "oppose"), "{s:?}");
    assert!(
        !s.iter().any(|x| x.0 == "USA" && x.1.contains("annexation")),
        "{s:?}"
    );
    // An attributive word does not turn a stance ambiguous.
    let s = stances(
        "Japan and China dispute the Senkaku Islands. Tokyo called for talks, saying an unjust solution would not last.",
    );
    assert!(has(&s, "JPN", "negotiations", "support"), "{s:?}");
    assert!(!has(&s, "JPN", "negotiations", "ambiguous"), "{s:?}");
}

#[test]
fn a_word_of_wrong_qualifying_a_noun_is_a_word_of_the_issue_name() {
    // Attributive "unfair", "unwarranted" belong to the phrase the stance names.
    let s = stances(
        "Japan and China dispute the Senkaku Islands. China accused Japan of unfair restrictions on Chinese fishing boats.",
    );
    assert!(has(&s, "CHN", "unfair-restrictions", "oppose"), "{s:?}");
    assert!(!s.iter().any(|x| x.1 == "fishing-rights"), "{s:?}");
    let s = stances(
        "Russia and Ukraine dispute Crimea. Ukraine denounced the unwarranted detention of its sailors.",
    );
    assert!(has(&s, "UKR", "unwarranted-detention", "oppose"), "{s:?}");
}

#[test]
fn people_on_a_states_territory_are_placed_not_claimed_for_it() {
    let s = stances(
        "Latvia and Russia dispute the border. Latvia sent food to the refugees, who remain on Russian territory.",
    );
    assert!(!has(&s, "RUS", "sovereignty", "support"), "{s:?}");
}

#[test]
fn a_phrase_ends_whole_before_the_next_ones_article_or_inside_no_word() {
    // "called the threat an escalatory development": "an" opens the next phrase.
    let s = stances(
        "China and Japan dispute the Senkaku Islands. Japan called the threat an escalatory development.",
    );
    assert!(!s.iter().any(|(_, i, _)| i.ends_with("-an")), "{s:?}");
    // A phrase the length limit cuts inside a hyphenated word is cut short.
    let s = stances(
        "China and Japan dispute the Senkaku Islands. Japan accused China of bending to an anti-Japanese lobby.",
    );
    assert!(!s.iter().any(|(_, i, _)| i.ends_with("-anti")), "{s:?}");
}
