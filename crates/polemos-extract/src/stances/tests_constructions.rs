//! Stances carried by constructions of English rather than by a verb of support or opposition
//! (issue 17, round 33): a stance noun in a phrase of manner, a share of a place claimed, a halt
//! demanded until a question is settled, an act judged by an adjective.

use super::tests::{has, stances};

#[test]
fn a_protest_phrase_on_a_verb_is_its_subjects() {
    for text in [
        "India and Pakistan dispute Kashmir.\n\nIndia summoned the Pakistani envoy in protest over the shooting of a border guard.",
        "India and Pakistan dispute Kashmir.\n\nIndia's foreign ministry on Friday recalled the Pakistani envoy in protest over the shooting.",
    ] {
        let s = stances(text);
        assert!(has(&s, "IND", "shooting", "oppose"), "{s:?}");
        // The envoy summoned, named by a demonym, protests nothing.
        assert!(!s.iter().any(|(h, _, _)| h == "PAK"), "{s:?}");
    }
    // A stance noun with its article is an event the object takes part in, not the manner of
    // the verb: detaining traders protests nothing; a noun that keeps its article is manner.
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nIndia detained Pakistani traders in a protest against the shooting.",
    );
    assert!(!has(&s, "IND", "shooting", "oppose"), "{s:?}");
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nIndia hosted Pakistani diplomats in a bid to revive the talks.",
    );
    assert!(has(&s, "IND", "negotiations", "support"), "{s:?}");
    // A subject that names no one holds nothing of the phrase.
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nThe Indian tour preceded a visit to Lahore by the Pakistani foreign minister in a bid to revive the talks.",
    );
    assert!(!s.iter().any(|(h, _, _)| h == "IND"), "{s:?}");
}

#[test]
fn a_relative_clause_claims_for_its_antecedent() {
    for text in [
        "Uganda and Kenya dispute Migingo island.\n\nKenya, which claims the whole lake, rejected the map.",
        "Uganda and Kenya dispute Migingo island.\n\nThe move angered Kenya - which claims 60 percent of the lake.",
        "Uganda and Kenya dispute Migingo island.\n\nKenya - which claims half of the island - rejected the map.",
    ] {
        let s = stances(text);
        assert!(has(&s, "KEN", "sovereignty", "support"), "{text}: {s:?}");
    }
    // The parse hangs the clause on the verb: the name before the comma claims.
    let s = stances(
        "Uganda and Kenya dispute Migingo island.\n\nUganda complained to Kenya, which claims the whole island.",
    );
    assert!(has(&s, "KEN", "sovereignty", "support"), "{s:?}");
    assert!(!has(&s, "UGA", "sovereignty", "support"), "{s:?}");
    // An antecedent that names no actor: the claim is no one's, not the speaker's.
    let s = stances(
        "Uganda and Kenya dispute Migingo island.\n\nUganda said the report, which claims the whole island for Kenya, was false.",
    );
    assert!(!has(&s, "UGA", "sovereignty", "support"), "{s:?}");
}

#[test]
fn interest_in_a_thing_supports_it() {
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nIndia is interested in talks with Pakistan on Kashmir.",
    );
    assert!(has(&s, "IND", "negotiations", "support"), "{s:?}");
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nPakistan is not interested in talks with India on Kashmir.",
    );
    assert!(has(&s, "PAK", "negotiations", "oppose"), "{s:?}");
    // Another's account of the subject's wish is no stance of the subject's.
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nIndia alleged that the Pakistani leader was not interested in talks on Kashmir.",
    );
    assert!(!s.iter().any(|(h, _, _)| h == "PAK"), "{s:?}");
}

#[test]
fn a_wish_for_what_comes_of_a_thing_or_told_of_another_takes_no_stance() {
    for text in [
        // A gerund wants an act of the subject's own, not the talks.
        "India and Pakistan dispute Kashmir.\n\nIndia is interested in knowing whether the talks will be held.",
        // What comes of the talks, not the talks.
        "India and Pakistan dispute Kashmir.\n\nChina is deeply interested in the result of the talks between India and Pakistan.",
        // "she" is someone India speaks of, not India.
        "India and Pakistan dispute Kashmir.\n\nIndia said she was not interested in talks with Pakistan.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter().any(|(_, i, _)| i == "negotiations"),
            "{text}: {s:?}"
        );
    }
    // A pronoun referring back to the teller keeps the wish.
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nIndia said it was not interested in talks with Pakistan.",
    );
    assert!(has(&s, "IND", "negotiations", "oppose"), "{s:?}");
}

#[test]
fn a_rejected_or_denied_allegation_is_opposed() {
    // st38: a verb of rejecting or denying whose object is a noun of an allegation opposes it,
    // named by the noun when no longer phrase names it ("claims" is too vague elsewhere).
    for (text, holder, issue) in [
        (
            "Japan and Russia dispute the Kuril Islands.\n\nMoscow has flatly denied the accusations.",
            "RUS",
            "accusations",
        ),
        (
            "Japan and Russia dispute the Kuril Islands.\n\nTokyo rejected the accusations and summoned the Russian envoy.",
            "JPN",
            "accusations",
        ),
        (
            "Japan and Russia dispute the Kuril Islands.\n\n\"We reject recent claims by Russian officials,\" the Japanese minister said.",
            "JPN",
            "claims",
        ),
    ] {
        let s = stances(text);
        assert!(has(&s, holder, issue, "oppose"), "{s:?}");
    }
    // A claim to a place is sovereignty, and a denied request names no allegation.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands.\n\nTokyo rejected claims to the islands.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "claims"), "{s:?}");
    let s = stances("Japan and Russia dispute the Kuril Islands.\n\nMoscow denied the request.");
    assert!(!s.iter().any(|(_, i, _)| i == "request"), "{s:?}");
}

#[test]
fn a_claim_of_money_or_of_others_is_no_allegation() {
    // mend38s: "claims" and "charges" name allegations only with what is alleged ("that") or
    // who alleges it ("by"); a claim of a kind ("pension claims") is a demand for money.
    for text in [
        "Japan and Russia dispute the Kuril Islands.\n\nTokyo rejected the pension claims of former Russian workers.",
        "Japan and Russia dispute the Kuril Islands.\n\nMoscow turned down damage claims from Japanese fishermen who lost boats.",
        "Japan and Russia dispute the Kuril Islands.\n\nMoscow rejected the claims of the fishermen's widows to damages.",
        "Japan and Russia dispute the Kuril Islands.\n\nTokyo condemned the claims.",
        "Japan and Russia dispute the Kuril Islands.\n\nTokyo denied the claims for damages.",
    ] {
        let s = stances(text);
        assert!(
            !s.iter().any(|(_, i, _)| i == "claims" || i == "claim"),
            "{text}: {s:?}"
        );
    }
    // What is alleged or who alleges it makes the claim an allegation, as denying it does; an
    // accusation is one.
    for (text, holder) in [
        (
            "Japan and Russia dispute the Kuril Islands.\n\nTokyo rejected the claims by Russian diplomats.",
            "JPN",
        ),
        (
            "Japan and Russia dispute the Kuril Islands.\n\nMoscow denied the claim.",
            "RUS",
        ),
        (
            "Japan and Russia dispute the Kuril Islands.\n\nMoscow denied the accusations.",
            "RUS",
        ),
    ] {
        let s = stances(text);
        assert!(
            s.iter().any(|(h, _, l)| h == holder && l == "oppose"),
            "{text}: {s:?}"
        );
    }
}

#[test]
fn an_allegation_named_once_or_twice_is_one_issue() {
    // mend38s: the noun names the issue by one form, so one allegation and many are one issue.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands.\n\nMoscow denied the claim.\n\nThe Kremlin again denied the claims.",
    );
    let issues: Vec<&str> = s
        .iter()
        .filter(|(h, _, _)| h == "RUS")
        .map(|(_, i, _)| i.as_str())
        .collect();
    assert!(
        !issues.is_empty() && issues.iter().all(|i| *i == "claims"),
        "{s:?}"
    );
}

#[test]
fn a_recognition_in_a_coordinated_verb_is_that_verbs() {
    // st38: "voted to denounce the coup and deny recognition to the junta": the denunciation is
    // of the coup; the recognition is denied by the second verb.
    for text in [
        "Japan and Russia dispute the Kuril Islands.\n\nJapan voted to condemn the invasion and deny recognition to the new regime.",
        "Japan and Russia dispute the Kuril Islands.\n\nJapan denounced the annexation and withheld recognition from the new authorities.",
    ] {
        let s = stances(text);
        assert!(
            s.iter()
                .any(|(h, i, l)| h == "JPN" && i != "recognition" && l == "oppose"),
            "{s:?}"
        );
    }
    let s = stances(
        "Japan and Russia dispute the Kuril Islands.\n\nJapan voted to condemn the invasion and deny recognition to the new regime.",
    );
    assert!(has(&s, "JPN", "recognition", "oppose"), "{s:?}");
    // A recognition condemned itself is still the cue's.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands.\n\nJapan condemned Russia's decision to recognize the separatist regions.",
    );
    assert!(has(&s, "JPN", "recognition", "oppose"), "{s:?}");
}

#[test]
fn a_topic_in_a_participle_after_the_object_is_not_the_cues_issue() {
    // The cue's object is what is protested; the participle after the comma says what that
    // thing does to the topic, which the protester does not oppose.
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nPakistan protested India's troop buildup, calling it an attack on its sovereignty.",
    );
    assert!(has(&s, "PAK", "troop-buildup", "oppose"), "{s:?}");
    assert!(!has(&s, "PAK", "sovereignty", "oppose"), "{s:?}");
    // A topic that is the cue's own object stays its issue.
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nPakistan protested the talks, calling them a waste of time.",
    );
    assert!(has(&s, "PAK", "negotiations", "oppose"), "{s:?}");
}

#[test]
fn a_claim_as_part_of_its_territory_claims_places_the_dispute_does_not_list() {
    // Places the dispute's knowledge does not name, claimed through a predicative "as" phrase
    // of territory: the claimant's support of sovereignty.
    let s = stances(
        "Guatemala and Belize dispute their border.\n\nThe President of Belize is visiting the southern cayes, which Guatemala also claims.\n\nGuatemala recalled its ambassador to Belize over the visit. Guatemala has long claimed Sapodilla and Ranguana as part of its territory, even though they have been under Belizean control for two centuries.",
    );
    assert!(has(&s, "GTM", "sovereignty", "support"), "{s:?}");
}

#[test]
fn a_bare_denial_of_involvement_opposes_the_involvement() {
    // "deny involvement" with nothing after it: the denier opposes its alleged involvement,
    // named by the noun; with the act after it, the act is still the charge.
    let s = stances(
        "Japan and Russia dispute the Kuril Islands.\n\nRussian officials deny involvement and say the boats sank in a storm.",
    );
    assert!(has(&s, "RUS", "involvement", "oppose"), "{s:?}");
    let s = stances(
        "Japan and Russia dispute the Kuril Islands.\n\nRussia denied any role in the attack.",
    );
    assert!(has(&s, "RUS", "attack", "oppose"), "{s:?}");
}

#[test]
fn an_accusation_not_made_or_of_no_side_backed_takes_no_side() {
    // An accusation negated, denied or withheld takes no side on the act it would charge.
    for (text, accuser) in [
        (
            "Russia and Ukraine dispute Crimea.\n\nRussia has never accused Ukraine of funding the rebels.",
            "RUS",
        ),
        (
            "Russia and Ukraine dispute Crimea.\n\nRussia denied accusing Ukraine of backing the protests.",
            "RUS",
        ),
        (
            "Russia and Ukraine dispute Crimea.\n\nRussia stopped short of accusing Kyiv of arming the protesters.",
            "RUS",
        ),
        (
            "Russia and Ukraine dispute Crimea.\n\nMoscow did not accuse Kyiv of backing the protests, a spokesman said.",
            "RUS",
        ),
    ] {
        let s = stances(text);
        assert!(!s.iter().any(|(a, _, _)| a == accuser), "{text}: {s:?}");
    }
    // A verb with its particle backs no one; a pronoun names no side; a possessive does not cut
    // the side down to its owner.
    for (text, wrong) in [
        (
            "Armenia and Azerbaijan dispute Nagorno-Karabakh.\n\nArmenia accused Azerbaijan of backing down from the agreement.",
            "support-for-down",
        ),
        (
            "Russia and Ukraine dispute Crimea.\n\nRussia accused Ukraine of backing out of the grain deal.",
            "support-for-out-of-the-grain",
        ),
        (
            "Israel and Iran are locked in a regional rivalry.\n\nTehran accused Israel of funding it.",
            "support-for-it",
        ),
        (
            "Russia and Ukraine dispute Crimea.\n\nRussia accused the United States of backing Ukraine's membership of NATO.",
            "support-for-ukraine",
        ),
        // An activity with its infinitive is no side backed.
        (
            "Norway and Russia dispute the Barents Sea.\n\nNorway accused Russia of aiding efforts to smuggle cod.",
            "support-for-efforts-to-smuggle-cod",
        ),
        (
            "Norway and Russia dispute the Barents Sea.\n\nNorway accused Russia of funding attempts to seize trawlers.",
            "support-for-attempts-to-seize-trawlers",
        ),
    ] {
        let s = stances(text);
        assert!(!s.iter().any(|(_, i, _)| i == wrong), "{text}: {s:?}");
    }
    // The side backed ends before an adverb, and a hyphenated name counts as one word.
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nIndia accused Pakistan of supporting Kashmiri separatists politically and diplomatically.",
    );
    assert!(
        has(&s, "IND", "support-for-kashmiri-separatists", "oppose"),
        "{s:?}"
    );
    let s = stances(
        "Israel and Iran are locked in a regional rivalry.\n\nIran accused Israel of backing the Mujahedin-e-Khalq opposition group.",
    );
    assert!(
        has(
            &s,
            "IRN",
            "support-for-mujahedin-e-khalq-opposition-group",
            "oppose"
        ),
        "{s:?}"
    );
}

#[test]
fn an_adverb_of_manner_before_the_backing_is_no_part_of_the_charge() {
    for text in [
        "Chad and Sudan are locked in a bitter rivalry.\n\nChad accused Sudan of actively supporting the rebels.",
        "Chad and Sudan are locked in a bitter rivalry.\n\nChad accused Sudan of openly arming the rebels.",
    ] {
        let s = stances(text);
        assert!(
            has(&s, "TCD", "support-for-rebels", "oppose"),
            "{text}: {s:?}"
        );
        // The accuser backs nothing it charges.
        assert!(
            !s.iter().any(|(a, _, l)| a == "TCD" && l == "support"),
            "{text}: {s:?}"
        );
    }
    // A negating adverb, or one of too little, is not skipped: being charged with never, or
    // barely, backing them is no charge of backing them.
    for text in [
        "Chad and Sudan are locked in a bitter rivalry.\n\nChad accused Sudan of never supporting the rebels.",
        "Chad and Sudan are locked in a bitter rivalry.\n\nChad accused Sudan of barely supporting the rebels.",
        "Chad and Sudan are locked in a bitter rivalry.\n\nChad accused Sudan of no longer supporting the rebels.",
    ] {
        let s = stances(text);
        assert!(
            !has(&s, "TCD", "support-for-rebels", "oppose"),
            "{text}: {s:?}"
        );
    }
}

#[test]
fn a_side_backed_to_do_something_is_the_side_alone() {
    let text = "Chad and Sudan are locked in a bitter rivalry.\n\nChad accused Sudan of arming rebels to attack the capital.";
    let s = stances(text);
    assert!(
        has(&s, "TCD", "support-for-rebels", "oppose"),
        "{text}: {s:?}"
    );
}

#[test]
fn a_clause_modifying_the_side_backed_is_no_part_of_its_name() {
    for (text, accuser, side) in [
        (
            "Chad and Sudan are locked in a bitter rivalry.\n\nChad accused Sudan of arming militias aimed at overthrowing the government.",
            "TCD",
            "support-for-militias",
        ),
        (
            "Chad and Sudan are locked in a bitter rivalry.\n\nChad accused Sudan of financing a network planning to attack the capital.",
            "TCD",
            "support-for-network",
        ),
    ] {
        let s = stances(text);
        assert!(has(&s, accuser, side, "oppose"), "{text}: {s:?}");
    }
    // A side with a hyphenated past participle keeps it: it is a word of the name.
    let s = stances(
        "Iran and Saudi Arabia are locked in a regional rivalry.\n\nIran accused Saudi Arabia of funding the US-backed militias.",
    );
    assert!(
        has(&s, "IRN", "support-for-us-backed-militias", "oppose"),
        "{s:?}"
    );
    // A participle that opens a compound noun is a word of the side, not a clause on it.
    let s = stances(
        "India and Pakistan are locked in a bitter rivalry.\n\nIndia accused Pakistan of funding money laundering networks in the Gulf.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "support-for-money"), "{s:?}");
}

#[test]
fn a_for_that_says_how_long_is_not_the_charge() {
    // "accused each other for years of ...": the charge is after the span of time.
    let s = stances(
        "Chad and Sudan are locked in a bitter rivalry.\n\nChad and Sudan have accused each other for many years of arming rebel groups.",
    );
    assert!(
        has(&s, "TCD", "support-for-rebel-groups", "oppose"),
        "{s:?}"
    );
    assert!(
        has(&s, "SDN", "support-for-rebel-groups", "oppose"),
        "{s:?}"
    );
    // A "for" naming the charge itself stays the charge, even with a span of time in it.
    let s = stances(
        "Chad and Sudan are locked in a bitter rivalry.\n\nChad blamed Sudan for years of neglect along the border.",
    );
    assert!(
        !s.iter()
            .any(|(a, i, _)| a == "TCD" && i.starts_with("neglect")),
        "{s:?}"
    );
    // A span of time with no charge right after it: what follows is not read as the charge.
    let s = stances(
        "North Korea and South Korea are locked in a bitter rivalry.\n\nSeoul blamed Pyongyang for weeks over the loss of its warship.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "warship"), "{s:?}");
}

#[test]
fn only_the_claimers_territory_after_a_preposition_as_claims_places() {
    // "as" a conjunction, or a phrase that is no territory of the claimer's, claims nothing; nor
    // does a claim never made.
    for (text, claimer) in [
        (
            "India and Pakistan dispute Kashmir.\n\nIndia claimed victory as troops entered the area.",
            "IND",
        ),
        (
            "India and Pakistan dispute Kashmir.\n\nPakistan claimed the ceasefire as good for the region.",
            "PAK",
        ),
        (
            "India and Pakistan dispute Kashmir.\n\nPakistan claimed the strike as an attack on its territory.",
            "PAK",
        ),
        (
            "India and Pakistan dispute Kashmir.\n\nIndia has never claimed Gilgit and Baltistan as part of its territory, a Pakistani minister said.",
            "IND",
        ),
    ] {
        let s = stances(text);
        assert!(!has(&s, claimer, "sovereignty", "support"), "{text}: {s:?}");
    }
    // The territory phrase proper, however long: "an integral part of its national territory".
    for text in [
        "India and Pakistan dispute Kashmir.\n\nPakistan claims Gilgit and Baltistan as an integral part of its national territory.",
        "India and Pakistan dispute Kashmir.\n\nPakistan claims Gilgit and Baltistan as part of its territory.",
    ] {
        let s = stances(text);
        assert!(has(&s, "PAK", "sovereignty", "support"), "{text}: {s:?}");
    }
}

#[test]
fn a_denial_not_made_or_of_others_role_takes_no_side() {
    // Not denying involvement is not admitting it.
    for (text, denier) in [
        (
            "India and Pakistan dispute Kashmir.\n\nPakistan did not deny involvement.",
            "PAK",
        ),
        (
            "Russia and Ukraine dispute Crimea.\n\nUkraine refused to deny responsibility.",
            "UKR",
        ),
        (
            "Russia and Ukraine dispute Crimea.\n\nUkraine never denied involvement, a senior official said.",
            "UKR",
        ),
        (
            "India and Pakistan dispute Kashmir.\n\nPakistan has not denied involvement in the attack.",
            "PAK",
        ),
    ] {
        let s = stances(text);
        assert!(!s.iter().any(|(a, _, _)| a == denier), "{text}: {s:?}");
    }
    // "a role for third parties" is a role denied to others, not the denier's own.
    let s = stances(
        "India and Pakistan dispute Kashmir.\n\nIndia denied a role for third parties in talks with Pakistan.",
    );
    assert!(!s.iter().any(|(_, i, _)| i == "role"), "{s:?}");
    let s = stances("India and Pakistan dispute Kashmir.\n\nPakistan denied involvement.");
    assert!(has(&s, "PAK", "involvement", "oppose"), "{s:?}");
}
