//! The scorer on its own: a gold article scored against itself is perfect, and each injected
//! error moves exactly the figures it should and no other.

use std::collections::BTreeMap;
use std::path::Path;

use polemos_eval::facts::{gold_facts, predicted_facts};
use polemos_eval::gold::{GoldArticle, OneOrMany};
use polemos_eval::{Article, ArticleScore, Counts, EvalError, FactType, Floors, Scorecard, Suite};

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

fn sample() -> Article {
    let suite = Suite::load(fixtures()).expect("the fixture suite loads");
    suite.articles.into_iter().next().expect("one article")
}

/// Scores `predicted` (a gold annotation standing in for an extraction) against `gold`.
fn score(gold: &Article, predicted: GoldArticle) -> BTreeMap<FactType, Counts> {
    let predicted = Article::new("predicted".into(), gold.text.clone(), predicted)
        .expect("the injected annotation is still valid");
    ArticleScore::new(
        gold.name.clone(),
        &gold.gold.meta,
        &gold_facts(gold),
        &gold_facts(&predicted),
    )
    .counts
}

fn core_count(article: &Article, fact: FactType) -> usize {
    gold_facts(article)
        .get(fact)
        .iter()
        .filter(|t| !t.optional)
        .count()
}

fn assert_only_changed(
    before: &BTreeMap<FactType, Counts>,
    after: &BTreeMap<FactType, Counts>,
    expected: &[(FactType, Counts)],
) {
    for fact in FactType::ALL {
        let want = expected
            .iter()
            .find(|(f, _)| *f == fact)
            .map_or(before[&fact], |(_, c)| *c);
        assert_eq!(after[&fact], want, "{fact:?}");
    }
}

#[test]
fn a_gold_file_scored_against_itself_is_perfect() {
    let a = sample();
    let counts = score(&a, a.gold.clone());
    for fact in FactType::ALL {
        let c = counts[&fact];
        assert_eq!(c.fp, 0, "{fact:?}");
        assert_eq!(c.misses, 0, "{fact:?}");
        assert_eq!(c.tp, core_count(&a, fact), "{fact:?}");
        assert!((c.precision() - 1.0).abs() < 1e-12 && (c.recall() - 1.0).abs() < 1e-12);
    }
    // The fixture exercises every fact type.
    for fact in FactType::ALL {
        assert!(
            counts[&fact].tp > 0,
            "{fact:?} has no core fact in the fixture"
        );
    }
}

#[test]
fn a_missing_stance_lowers_stance_and_condition_recall_only() {
    let a = sample();
    let perfect = score(&a, a.gold.clone());
    let mut p = a.gold.clone();
    let conditional = p
        .stances
        .iter()
        .position(|s| !s.conditions.is_empty())
        .unwrap();
    p.stances.remove(conditional);
    let after = score(&a, p);
    let n = core_count(&a, FactType::Stances);
    let c = core_count(&a, FactType::Conditions);
    assert_only_changed(
        &perfect,
        &after,
        &[
            (
                FactType::Stances,
                Counts {
                    tp: n - 1,
                    fp: 0,
                    misses: 1,
                },
            ),
            (
                FactType::Conditions,
                Counts {
                    tp: c - 1,
                    fp: 0,
                    misses: 1,
                },
            ),
        ],
    );
    let s = after[&FactType::Stances];
    #[allow(clippy::cast_precision_loss)]
    let expected = (n - 1) as f64 / n as f64;
    assert!((s.recall() - expected).abs() < 1e-12);
    assert!((s.precision() - 1.0).abs() < 1e-12);
}

#[test]
fn a_wrong_label_is_one_false_positive_and_one_miss() {
    let a = sample();
    let perfect = score(&a, a.gold.clone());
    let mut p = a.gold.clone();
    p.stances[0].label = polemos_core::model::StanceLabel::Oppose;
    let n = core_count(&a, FactType::Stances);
    assert_only_changed(
        &perfect,
        &score(&a, p),
        &[(
            FactType::Stances,
            Counts {
                tp: n - 1,
                fp: 1,
                misses: 1,
            },
        )],
    );
}

#[test]
fn a_reversed_event_counts_at_both_levels_but_not_for_the_type_alone() {
    let a = sample();
    let perfect = score(&a, a.gold.clone());
    let mut p = a.gold.clone();
    // "Japan lodged a protest with China" read as China protesting to Japan.
    p.events[0].source = "CHN".into();
    p.events[0].target = Some("JPN".into());
    let n = core_count(&a, FactType::Events);
    let m = core_count(&a, FactType::EventsActor);
    assert_only_changed(
        &perfect,
        &score(&a, p),
        &[
            (
                FactType::Events,
                Counts {
                    tp: n - 1,
                    fp: 1,
                    misses: 1,
                },
            ),
            (
                FactType::EventsActor,
                Counts {
                    tp: m - 1,
                    fp: 1,
                    misses: 1,
                },
            ),
        ],
    );
}

#[test]
fn an_official_rolled_up_to_the_state_matches_at_state_level_only() {
    let a = sample();
    let perfect = score(&a, a.gold.clone());
    let mut p = a.gold.clone();
    // The rejection given to China rather than to its spokesman.
    let i = p
        .events
        .iter()
        .position(|e| e.source == "Wang Wenbin" && !e.negated)
        .unwrap();
    p.events[i].source = "CHN".into();
    let m = core_count(&a, FactType::EventsActor);
    assert_only_changed(
        &perfect,
        &score(&a, p),
        &[(
            FactType::EventsActor,
            Counts {
                tp: m - 1,
                fp: 1,
                misses: 1,
            },
        )],
    );
}

#[test]
fn a_negated_act_coded_as_the_act_is_wrong() {
    let a = sample();
    let perfect = score(&a, a.gold.clone());
    let mut p = a.gold.clone();
    let i = p.events.iter().position(|e| e.negated).unwrap();
    p.events[i].negated = false;
    let (n, m, t) = (
        core_count(&a, FactType::Events),
        core_count(&a, FactType::EventsActor),
        core_count(&a, FactType::EventTypes),
    );
    assert_only_changed(
        &perfect,
        &score(&a, p),
        &[
            (
                FactType::Events,
                Counts {
                    tp: n - 1,
                    fp: 1,
                    misses: 1,
                },
            ),
            (
                FactType::EventsActor,
                Counts {
                    tp: m - 1,
                    fp: 1,
                    misses: 1,
                },
            ),
            (
                FactType::EventTypes,
                Counts {
                    tp: t - 1,
                    fp: 1,
                    misses: 1,
                },
            ),
        ],
    );
}

#[test]
fn an_alternative_type_or_an_issue_alias_still_matches() {
    let a = sample();
    let perfect = score(&a, a.gold.clone());
    let mut p = a.gold.clone();
    p.events[0].event_type = OneOrMany::One("accuse".into());
    // A bare alias matches under any dispute: an extractor that names the issue `talks` under
    // a dispute of its own (an extraction's issue answers to `*/talks` too, as the alias here).
    let s = p
        .stances
        .iter()
        .position(|s| s.issue.ends_with("/negotiations"))
        .unwrap();
    p.stances[s].issue = "other-dispute/talks".into();
    p.stances[s].aliases = vec!["talks".into()];
    p.stances[s].conditions[0].issue = "senkaku-islands/coast-guard-patrols".into();
    p.stances[s].conditions[0].aliases.clear();
    assert_only_changed(&perfect, &score(&a, p), &[]);
}

#[test]
fn optional_facts_are_neither_missed_nor_false_positives() {
    let a = sample();
    let perfect = score(&a, a.gold.clone());
    let mut p = a.gold.clone();
    // Dropping every optional fact changes nothing; so does finding them.
    p.actors.retain(|x| !x.optional);
    p.events.retain(|e| !e.optional);
    p.dates.retain(|d| !d.optional);
    assert_only_changed(&perfect, &score(&a, p), &[]);
}

#[test]
fn a_duplicate_under_another_alias_is_a_false_positive() {
    let a = sample();
    let perfect = score(&a, a.gold.clone());
    let mut p = a.gold.clone();
    let mut twin = p.actors[2].clone();
    twin.id = "Motegi Toshimitsu".into();
    twin.aliases = vec!["Toshimitsu Motegi".into()];
    p.actors.push(twin);
    let n = core_count(&a, FactType::Actors);
    let f = core_count(&a, FactType::Affiliations);
    assert_only_changed(
        &perfect,
        &score(&a, p),
        &[
            (
                FactType::Actors,
                Counts {
                    tp: n,
                    fp: 1,
                    misses: 0,
                },
            ),
            (
                FactType::Affiliations,
                Counts {
                    tp: f,
                    fp: 1,
                    misses: 0,
                },
            ),
        ],
    );
}

#[test]
fn the_extraction_of_the_sample_is_reduced_to_the_same_vocabulary() {
    // Not a test of the extractor's quality: only that its names (actors/JPN, PROTEST,
    // disputes/…/issues/…) land in the same keys as the gold's.
    let a = sample();
    let ex = polemos_extract::Extractor::new().unwrap();
    let x = ex
        .extract(&a.text, &polemos_extract::ArticleMeta::default())
        .unwrap();
    let facts = predicted_facts(&x);
    let actors = facts.get(FactType::Actors);
    assert!(
        actors.iter().any(|t| t.slots[0].contains("jpn")),
        "{actors:?}"
    );
    let disputes = facts.get(FactType::Disputes);
    assert!(
        disputes
            .iter()
            .any(|t| t.slots[0].contains("senkaku-islands"))
    );
    for s in facts.get(FactType::Stances) {
        assert!(s.slots[1].iter().any(|k| k.starts_with("*/")), "{s:?}");
    }
}

#[test]
fn a_broken_gold_file_names_the_article_and_field() {
    let a = sample();
    let mut g = a.gold.clone();
    g.events[1].quote = "words that are not in the article".into();
    let err = Article::new("sample".into(), a.text.clone(), g).unwrap_err();
    assert!(
        matches!(&err, EvalError::Invalid { field, .. } if field == "events[1].quote"),
        "{err}"
    );
    let mut g = a.gold.clone();
    g.stances[0].holder = "Japan".into();
    let err = Article::new("sample".into(), a.text.clone(), g).unwrap_err();
    assert!(err.to_string().contains("stances[0].holder"), "{err}");
    let mut g = a.gold.clone();
    g.events[0].event_type = OneOrMany::One("complain".into());
    let err = Article::new("sample".into(), a.text.clone(), g).unwrap_err();
    assert!(err.to_string().contains("not a PLOVER type"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.txt"), "Japan met China.").unwrap();
    std::fs::write(
        dir.path().join("x.gold.json"),
        r#"{"meta": {}, "actor": []}"#,
    )
    .unwrap();
    let err = Suite::load(dir.path()).unwrap_err();
    assert!(matches!(err, EvalError::Json { .. }), "{err}");
    let empty = tempfile::tempdir().unwrap();
    assert!(matches!(
        Suite::load(empty.path()),
        Err(EvalError::Empty(_))
    ));
}

#[test]
fn floors_fail_below_and_pass_at_the_figure() {
    let a = sample();
    let mut p = a.gold.clone();
    p.stances.remove(0);
    let predicted = Article::new("p".into(), a.text.clone(), p).unwrap();
    let card = Scorecard::new(vec![ArticleScore::new(
        a.name.clone(),
        &a.gold.meta,
        &gold_facts(&a),
        &gold_facts(&predicted),
    )]);
    let recall = card.overall.figures[&FactType::Stances].recall;
    let written = (recall * 1e4).floor() / 1e4;
    let at = Floors::parse("t", &format!("[overall.stances]\nrecall = {written}\n")).unwrap();
    assert!(at.check(&card).is_empty());
    let above = Floors::parse("t", "[overall.stances]\nrecall = 0.99\n").unwrap();
    let short = above.check(&card);
    assert_eq!(short.len(), 1);
    assert_eq!(short[0].figure, "overall.stances.recall");
    // A scope with no articles cannot pass.
    let heldout = Floors::parse("t", "[heldout.actors]\nprecision = 0.1\n").unwrap();
    assert_eq!(heldout.check(&card).len(), 1);
    for bad in [
        "[overall.stance]\nrecall = 0.5\n",
        "[overall.stances]\nrecal = 0.5\n",
        "[everything.stances]\nrecall = 0.5\n",
        "[overall.stances]\nrecall = 50\n",
    ] {
        assert!(Floors::parse("t", bad).is_err(), "{bad}");
    }
}
