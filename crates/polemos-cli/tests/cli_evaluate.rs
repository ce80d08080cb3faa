//! `polemos evaluate` end to end: the scorecard of a gold directory, its JSON shape, floors
//! that fail the run, and clear errors for a broken corpus.

use std::path::PathBuf;
use std::process::{Command, Output};

fn polemos(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(args)
        .output()
        .expect("the polemos binary runs")
}

/// The scorer's own fixture: one annotated article.
fn fixture_dir() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../polemos-eval/tests/fixtures")
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_scorecard_has_every_fact_type_and_lists_the_mistakes() {
    let out = polemos(&["evaluate", &fixture_dir()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for fact in [
        "actors",
        "events",
        "event_types",
        "stances",
        "conditions",
        "framing",
        "dates",
    ] {
        assert!(stdout.contains(fact), "no {fact} row:\n{stdout}");
    }
    assert!(stdout.contains("== sample"), "no mistakes list:\n{stdout}");
    assert!(stdout.contains("development part"), "{stdout}");
}

#[test]
fn json_counts_agree_with_the_figures() {
    let out = polemos(&["evaluate", &fixture_dir(), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let card: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(card["overall"]["articles"], 1);
    let actors = &card["overall"]["figures"]["actors"];
    let (tp, fp, fn_) = (
        actors["tp"].as_f64().unwrap(),
        actors["fp"].as_f64().unwrap(),
        actors["fn"].as_f64().unwrap(),
    );
    assert!(tp + fn_ > 0.0, "the fixture has gold actors");
    let recall = actors["recall"].as_f64().unwrap();
    assert!((recall - tp / (tp + fn_)).abs() < 1e-12);
    if tp + fp > 0.0 {
        let precision = actors["precision"].as_f64().unwrap();
        assert!((precision - tp / (tp + fp)).abs() < 1e-12);
    }
    let mistakes = card["articles"][0]["mistakes"].as_array().unwrap();
    assert!(
        mistakes
            .iter()
            .all(|m| m["quote"].as_str().is_some_and(|q| !q.is_empty()))
    );
}

const META: &str = r#""meta": {"title": "t", "source": "s", "url": "u", "licence": "l",
    "published": "2020-01-01", "register": "wire", "split": "dev", "known_dispute": false}"#;

#[test]
fn a_figure_below_its_floor_fails_the_run_and_is_named() {
    // A gold actor no extractor can find (the text never names it): actor recall is below 1.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Japan met China on Monday.").unwrap();
    std::fs::write(
        dir.path().join("a.gold.json"),
        format!(
            r#"{{{META}, "actors": [{{"id": "JPN", "kind": "state", "quote": "Japan"}},
                {{"id": "Nobody Named Here", "kind": "person", "quote": "met"}}]}}"#
        ),
    )
    .unwrap();
    let corpus = dir.path().to_str().unwrap();
    let floors = dir.path().join("floors.toml");
    let floors_arg = floors.to_str().unwrap();
    std::fs::write(&floors, "[overall.actors]\nrecall = 1.0\nprecision = 0.0\n").unwrap();
    let out = polemos(&["evaluate", corpus, "--summary", "--floors", floors_arg]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("overall.actors.recall"), "{stderr}");
    assert!(!stderr.contains("overall.actors.precision"), "{stderr}");

    std::fs::write(&floors, "[overall.actors]\nrecall = 0.0\n").unwrap();
    let out = polemos(&["evaluate", corpus, "--summary", "--floors", floors_arg]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    std::fs::write(&floors, "[overall.actor]\nrecall = 0.0\n").unwrap();
    let out = polemos(&["evaluate", corpus, "--floors", floors_arg]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("unknown figure [overall.actor]"),
        "{stderr}"
    );
}

#[test]
fn a_broken_corpus_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = polemos(&["evaluate", dir.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("holds no gold file"),
        "{}",
        text(&out.stderr)
    );

    std::fs::write(dir.path().join("a.txt"), "Japan met China on Monday.").unwrap();
    std::fs::write(
        dir.path().join("a.gold.json"),
        format!(
            r#"{{{META}, "events": [{{"source": "JPN", "type": "consult", "target": "CHN",
                "status": "past", "quote": "Japan met China"}}]}}"#
        ),
    )
    .unwrap();
    let out = polemos(&["evaluate", dir.path().to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("events[0].source") && stderr.contains("\"JPN\""),
        "{stderr}"
    );
}

#[test]
fn the_split_option_scores_one_part() {
    let out = polemos(&["evaluate", &fixture_dir(), "--split", "heldout"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no heldout article"),
        "{}",
        text(&out.stderr)
    );
    let out = polemos(&["evaluate", &fixture_dir(), "--split", "dev", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}
