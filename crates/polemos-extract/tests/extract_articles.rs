//! Short test articles under `tests/fixtures/articles/`, each with a hand-written
//! `.expected.json`: facts that must be found (matched as subsets of the projected output),
//! facts that must not, framings, mentions, and texts that must yield nothing.

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;
use polemos_core::{NothingElse, validate};
use polemos_extract::{ArticleMeta, Extractor, convert::to_dossier};
use serde_json::Value;

fn articles_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/articles")
}

fn check(ex: &Extractor, name: &str, text: &str, exp: &Value) -> Vec<String> {
    let mut fails = Vec::new();
    let published = exp["published"]
        .as_str()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let meta = ArticleMeta {
        published,
        ..ArticleMeta::default()
    };
    let x = match ex.extract(text, &meta) {
        Ok(x) => x,
        Err(e) => return vec![format!("{name}: extraction failed: {e}")],
    };
    let p = common::project(&x);
    for key in [
        "actors",
        "events",
        "stances",
        "attributions",
        "disputes",
        "dates",
    ] {
        for want in exp[key].as_array().into_iter().flatten() {
            let found = p[key]
                .as_array()
                .is_some_and(|xs| xs.iter().any(|a| common::contains(a, want)));
            if !found {
                fails.push(format!(
                    "{name}: no {key} entry matches {want}\n  have: {}",
                    p[key]
                ));
            }
        }
    }
    for unwanted in exp["absent_stances"].as_array().into_iter().flatten() {
        if p["stances"]
            .as_array()
            .is_some_and(|xs| xs.iter().any(|a| common::contains(a, unwanted)))
        {
            fails.push(format!("{name}: unexpected stance {unwanted}"));
        }
    }
    if let Some(framings) = exp["framings"].as_object() {
        for (dispute, parties) in framings {
            let mut have: Vec<String> = x
                .disputes
                .iter()
                .filter(|d| &d.name == dispute)
                .flat_map(|d| d.framing.by_party.iter().map(|c| c.party.clone()))
                .collect();
            have.sort();
            let want: Vec<String> = parties
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
            if have != want {
                fails.push(format!(
                    "{name}: framings of {dispute}: want {want:?}, have {have:?}"
                ));
            }
        }
    }
    if let Some(mentions) = exp["mentions"].as_object() {
        for (actor, texts) in mentions {
            let have: Vec<&str> = x
                .actors
                .iter()
                .filter(|a| &a.name == actor)
                .flat_map(|a| a.mentions.iter().map(|m| m.text.as_str()))
                .collect();
            for t in texts
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if !have.contains(&t) {
                    fails.push(format!(
                        "{name}: {actor} not mentioned as `{t}` (have {have:?})"
                    ));
                }
            }
        }
    }
    if let Some(limit) = exp["confidence_below"]["stances"].as_f64()
        && x.stances.iter().any(|s| s.confidence >= limit)
    {
        fails.push(format!(
            "{name}: hedged stances should have confidence < {limit}"
        ));
    }
    if exp["empty"].as_bool() == Some(true) {
        if !x.is_empty() || !x.attributions.is_empty() || !x.proposed_issues.is_empty() {
            fails.push(format!("{name}: expected nothing, got {p}"));
        }
    } else if published.is_some() {
        match to_dossier(ex.knowledge(), &x, &meta) {
            Ok(d) => {
                if let Err(e) = validate(&d, &NothingElse) {
                    fails.push(format!("{name}: invalid dossier: {e}"));
                }
            }
            Err(e) => fails.push(format!("{name}: no dossier: {e}")),
        }
    }
    fails
}

#[test]
fn every_article_meets_its_expectations() {
    let ex = Extractor::new().expect("knowledge");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(articles_dir())
        .expect("articles directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    assert!(
        entries.len() >= 20,
        "at least 20 articles, found {}",
        entries.len()
    );
    let mut fails = Vec::new();
    for path in &entries {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_owned();
        let text = std::fs::read_to_string(path).expect("article text");
        let exp_path = path.with_extension("expected.json");
        let exp: Value =
            serde_json::from_str(&std::fs::read_to_string(&exp_path).expect("expectation file"))
                .expect("expectation parses");
        fails.extend(check(&ex, &name, &text, &exp));
    }
    assert!(
        fails.is_empty(),
        "{} failures:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

/// One actor holding stances on two disputes' issues of the same short name must give two
/// stances with different names (they collided when the name left out the dispute).
#[test]
fn stances_on_two_disputes_issues_of_one_name_do_not_collide() {
    let ex = Extractor::new().unwrap();
    let text = include_str!("../../../tests/fixtures/kuril-2018.txt");
    let published = NaiveDate::from_ymd_opt(2018, 9, 19);
    let meta = ArticleMeta {
        published,
        ..ArticleMeta::default()
    };
    let mut x = ex.extract(text, &meta).unwrap();
    // Whatever the extractor reads, make sure of the case: JPN on both disputes' sovereignty.
    let template =
        x.stances.first().cloned().unwrap_or_else(|| {
            panic!("no stance extracted from {text:?}; the test needs one to copy")
        });
    x.stances = ["kuril-islands", "senkaku-islands"]
        .iter()
        .map(|d| {
            let mut s = template.clone();
            s.actor = "actors/JPN".into();
            s.issue = format!("disputes/{d}/issues/sovereignty");
            s.conditions.clear();
            s
        })
        .collect();
    let dossier = to_dossier(ex.knowledge(), &x, &meta).unwrap();
    let names: Vec<&str> = dossier.stances.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names.len(), 2);
    assert_ne!(names[0], names[1], "{names:?}");
    assert!(names[0].contains("kuril-islands") && names[1].contains("senkaku-islands"));
}
