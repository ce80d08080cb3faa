//! Tests of reading event arguments from the parse, on sentences of our own.

use super::{TreeArgs, Who};
use crate::Extractor;
use crate::ir::ItemKind;

/// The tree arguments of the first event cue of `text`, with actor ids for indices.
fn args(text: &str, cue: &str) -> (TreeArgs, Vec<String>) {
    static X: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    let x = X.get_or_init(|| Extractor::new().expect("built-in knowledge"));
    let article = format!("Headline\n\n{text}");
    let doc = x.analyze(&article, None);
    let at = article.find(cue).expect("cue in text");
    let s = doc
        .sentences
        .iter()
        .position(|s| s.start <= at && at < s.end)
        .expect("sentence");
    let items = doc.sentence_items(s);
    let i = items
        .iter()
        .position(|it| matches!(it.kind, ItemKind::Event(_)) && it.start == at)
        .expect("an event cue at that word");
    let ids = doc.actors.iter().map(|a| a.id.clone()).collect();
    let crate::ir::ItemKind::Event(ev) = items[i].kind else {
        unreachable!("an event item")
    };
    let noun = x.knowledge().events[ev].args == crate::knowledge::Args::Noun;
    (
        super::read(x.knowledge(), &doc, items, i, noun, false).expect("parsed"),
        ids,
    )
}

fn names(w: &Who, ids: &[String]) -> Vec<String> {
    match w {
        Who::Actors(a) => a.iter().map(|&i| ids[i].clone()).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn a_passive_agent_acts_upon_the_subject() {
    let (a, ids) = args(
        "Chile was sharply criticised by Peru on Monday.",
        "criticised",
    );
    assert!(a.passive);
    assert_eq!(names(&a.source, &ids), ["PER"]);
    assert_eq!(names(&a.target, &ids), ["CHL"]);
}

#[test]
fn subjects_the_parser_splits_off_a_list_all_act() {
    // The parser hangs "Japan" and "the United States" on the verb as two subjects.
    let (a, ids) = args(
        "Japan, the United States and South Korea welcomed the agreement with Vietnam.",
        "welcomed",
    );
    let mut got = names(&a.source, &ids);
    got.sort();
    assert_eq!(got, ["JPN", "KOR", "USA"]);
    // One phrase the parser splits ("awful" and "Sergei Lavrov" both hung on the verb) is not
    // a list: the person it names is not a second subject beside Chile.
    let (a, ids) = args(
        "Chile's awful and evil minister Sergei Lavrov condemned Peru on Monday.",
        "condemned",
    );
    assert_eq!(names(&a.source, &ids), ["CHL"]);
}

#[test]
fn coordinated_subjects_all_act() {
    let (a, ids) = args("Chile and Bolivia condemned Peru on Monday.", "condemned");
    assert_eq!(names(&a.source, &ids), ["CHL", "BOL"]);
    assert_eq!(names(&a.target, &ids), ["PER"]);
}

#[test]
fn a_purpose_clause_shares_the_subject_and_a_possessor_is_the_target() {
    let text = "Chile summoned Peru's ambassador to protest the arrests.";
    let (a, ids) = args(text, "protest");
    assert_eq!(names(&a.source, &ids), ["CHL"]);
    let (a, ids) = args(text, "summoned");
    assert_eq!(names(&a.target, &ids), ["PER"]);
}

#[test]
fn an_act_asked_of_an_object_is_requested() {
    let (a, _) = args("Chile called on Peru to reject the plan.", "reject");
    assert!(a.requested);
    assert_eq!(a.source, Who::Nobody);
}

#[test]
fn a_noun_under_without_is_negated() {
    let text = "Chile's envoy came to the talks without any new proposal.";
    let (a, _) = args(text, "proposal");
    assert!(a.negated);
}

#[test]
fn on_names_a_topic_after_a_verb_but_a_target_after_a_noun() {
    let text = "Chile will negotiate with Bolivia on Peru's proposal.";
    let (a, ids) = args(text, "negotiate");
    assert_eq!(names(&a.target, &ids), ["BOL"]);
    let (a, ids) = args("Chilean drills on Peru's border began on Monday.", "drills");
    assert_eq!(names(&a.source, &ids), ["CHL"]);
    assert_eq!(names(&a.target, &ids), ["PER"]);
}

#[test]
fn a_relative_clause_with_a_subject_is_not_a_participle() {
    let text = "The fact that Chile and Peru have never signed a treaty is an obstacle.";
    let (a, ids) = args(text, "signed");
    assert!(!a.passive && a.negated);
    assert_eq!(names(&a.source, &ids), ["CHL", "PER"]);
}

#[test]
fn each_side_acts_upon_the_other() {
    let (a, _) = args("Each side has blamed the other for the fighting.", "blamed");
    assert_eq!((a.source, a.target), (Who::Parties, Who::Other));
}

#[test]
fn what_is_asked_for_names_whom_it_is_asked_of() {
    let text = "Chile has asked to meet the Peruvian president next week.";
    let (a, ids) = args(text, "asked");
    assert_eq!(a.target, Who::Nobody);
    assert_eq!(names(&a.clause_target, &ids), ["PER"]);
}

#[test]
fn an_infinitive_modifying_a_noun_has_no_source() {
    let (a, _) = args("Chile is not a pleasant place to visit.", "visit");
    assert!(a.no_source, "{a:?}");
    let (a, _) = args("I met my counterpart from Peru on Monday.", "met");
    assert_eq!(a.source, Who::We);
}

#[test]
fn what_is_threatened_is_not_done_and_a_topic_is_not_a_target() {
    let text = "Chile is threatening to invade Peru.";
    let (a, _) = args(text, "invade");
    assert!(a.requested, "{a:?}");
    let text = "Chile will meet Bolivia to coordinate efforts on Peru.";
    let (a, _) = args(text, "coordinate");
    assert_eq!(a.target, Who::Nobody);
}

#[test]
fn a_planned_act_as_subject_is_left_to_the_context() {
    let text = "Chile hopes that the planned meeting with Peru will help.";
    let (a, _) = args(text, "meeting with");
    assert!(!a.no_source, "{a:?}");
}

#[test]
fn a_postponed_meeting_is_not_a_meeting() {
    let (a, _) = args(
        "Chile and Peru postponed their meeting with Bolivia.",
        "meeting with",
    );
    assert!(a.no_source && a.source == Who::Nobody, "{a:?}");
}

#[test]
fn a_possessive_pronoun_is_resolved_later() {
    let (a, _) = args(
        "During his meeting with Peru, the minister spoke.",
        "meeting with",
    );
    assert!(matches!(a.source, Who::Pronoun(true, _)), "{a:?}");
}

#[test]
fn a_pronoun_owner_is_resolved_later() {
    let (a, ids) = args(
        "Its foreign ministry protested the Peruvian landing.",
        "protested",
    );
    assert!(matches!(a.source, Who::Pronoun(false, _)), "{a:?}");
    assert_eq!(names(&a.target, &ids), ["PER"]);
}

#[test]
fn a_private_circle_does_not_act_for_its_owner() {
    let (a, _) = args(
        "The senator said his brother had criticized the Peruvian landing.",
        "criticized",
    );
    assert_eq!(a.source, Who::Nobody, "{a:?}");
    let (a, _) = args(
        "The senator said her friends protested the landing.",
        "protested",
    );
    assert_eq!(a.source, Who::Nobody, "{a:?}");
    // A state's friends are its allies, and act for it as the pronoun says.
    let (a, _) = args(
        "Peru warned that its friends would protest the Chilean landing.",
        "protest",
    );
    assert!(matches!(a.source, Who::Pronoun(false, _)), "{a:?}");
}

#[test]
fn both_parties_and_we_are_resolved_later() {
    let (a, _) = args("We encourage both parties to resume talks.", "encourage");
    assert_eq!(a.source, Who::We);
    assert_eq!(a.target, Who::Parties);
}

#[test]
fn a_noun_commented_on_has_no_source_in_the_subject() {
    let (a, _) = args("Chile criticized the drills on Monday.", "drills");
    assert!(a.no_source);
    let text = "An agreement between Chile and Peru ended the war.";
    let (a, ids) = args(text, "agreement");
    assert_eq!(names(&a.source, &ids), ["CHL", "PER"]);
    let (a, ids) = args("Chile lodged a protest with Peru.", "lodged a protest");
    assert_eq!(names(&a.source, &ids), ["CHL"]);
    assert_eq!(names(&a.target, &ids), ["PER"]);
}

#[test]
fn a_by_agent_does_the_purpose_only_right_before_its_to() {
    // The agent of the object's noun acts in the infinitive that follows it at once.
    let text = "Chile condemned the actions by Peru to obstruct the talks.";
    let (a, ids) = args(text, "obstruct");
    assert_eq!(names(&a.source, &ids), ["PER"]);
    // Not when the by-phrase hangs further back: the summoner protests.
    let text = "Chile summoned the envoy over drills by Peru on Monday to protest the arrests.";
    let (a, ids) = args(text, "protest");
    assert_eq!(names(&a.source, &ids), ["CHL"]);
}

#[test]
fn an_organization_named_before_a_state_is_its_branch_there() {
    let text = "Headline\n\nMSF Nigeria criticized Chad on Monday.";
    let out = crate::test_support::extractor()
        .extract(text, &crate::ArticleMeta::default())
        .expect("extracts");
    let sources: Vec<&str> = out
        .events
        .iter()
        .flat_map(|e| e.sources.iter().map(String::as_str))
        .collect();
    assert!(sources.contains(&"actors/MSF"), "{:?}", out.events);
    assert!(!sources.contains(&"actors/NGA"), "{:?}", out.events);
}

#[test]
fn the_owner_of_what_a_doerless_act_is_done_to_is_no_target() {
    // With a doer the owner is the target ("the Peruvian veto of our draft resolution"); with
    // none named, the owner may be the doer, so no target is read from "of".
    let (a, ids) = args(
        "The veto of the Chilean draft resolution surprised the Council.",
        "veto",
    );
    assert!(a.source.is_nobody(), "{a:?} {ids:?}");
    assert!(a.target.is_nobody(), "{a:?} {ids:?}");
}

#[test]
fn a_verb_cue_tagged_a_noun_keeps_the_trees_negation() {
    // "not" is too far before "requests" for the token rules; the tree negates the noun.
    let (a, ids) = args(
        "Chile answered the demands, not the many formal and detailed requests presented by Peru.",
        "requests",
    );
    assert_eq!(names(&a.source, &ids), ["PER"], "{a:?}");
    assert!(a.negated, "{a:?}");
}
