//! End-to-end tests of `polemos analyze` and `polemos report`, driving the real binary over the
//! reference dossier.

use std::process::{Command, Output};

const KURIL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/dossiers/kuril-islands.json"
);

fn polemos(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(args)
        .args(["--db", db])
        .env_remove("POLEMOS_DB")
        .output()
        .expect("runs")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn store() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("p.db").to_string_lossy().into_owned();
    ok(&polemos(&db, &["import", KURIL]));
    (dir, db)
}

#[test]
fn analyze_deadlocks_finds_the_kuril_deadlock() {
    let (_dir, db) = store();
    let json = ok(&polemos(
        &db,
        &[
            "analyze",
            "deadlocks",
            "--dispute",
            "kuril-islands",
            "--as-of",
            "2018-09-30",
            "--json",
        ],
    ));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let list = v.as_array().expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(
        list[0]["parties"],
        serde_json::json!(["actors/JPN", "actors/RUS"])
    );
    let table = ok(&polemos(
        &db,
        &["analyze", "deadlocks", "--as-of", "2018-09-30"],
    ));
    assert!(
        table.contains("deadlock 1: peace-treaty → sovereignty → peace-treaty"),
        "{table}"
    );
    // Before the article was published nothing is known.
    let early = ok(&polemos(
        &db,
        &["analyze", "deadlocks", "--as-of", "2018-09-18", "--json"],
    ));
    assert_eq!(early.trim(), "[]");
}

#[test]
fn analyze_tables_and_json() {
    let (_dir, db) = store();
    let stances = ok(&polemos(
        &db,
        &["analyze", "stances", "--as-of", "2018-09-30"],
    ));
    assert!(stances.contains("after sovereignty resolved"), "{stances}");
    let agreement = ok(&polemos(
        &db,
        &[
            "analyze",
            "agreement",
            "--dispute",
            "disputes/kuril-islands",
            "--as-of",
            "2018-09-30",
        ],
    ));
    // 1 − 0.7275/1.85 = 0.607; polarization 0.7275/1.85 = 0.393.
    assert!(agreement.contains("0.61"), "{agreement}");
    assert!(
        agreement.contains("polarization index: 0.393"),
        "{agreement}"
    );
    let series = ok(&polemos(
        &db,
        &[
            "analyze",
            "series",
            "--as-of",
            "2018-09-30",
            "--granularity",
            "month",
            "--json",
        ],
    ));
    let v: serde_json::Value = serde_json::from_str(&series).expect("json");
    assert_eq!(v[0]["trend"]["slope"], 0.375);
    let coalitions = ok(&polemos(
        &db,
        &["analyze", "coalitions", "--as-of", "2018-09-30"],
    ));
    assert!(coalitions.contains("Japan") && coalitions.contains("Russia"));
    let shifts = ok(&polemos(
        &db,
        &["analyze", "shifts", "--as-of", "2018-09-30"],
    ));
    assert!(shifts.contains("no shifts"), "{shifts}");
}

#[test]
fn bad_arguments_are_named() {
    let (_dir, db) = store();
    let o = polemos(&db, &["analyze", "stances", "--dispute", "atlantis"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("disputes/atlantis not found"));
    let o = polemos(&db, &["analyze", "stances", "--half-life", "0"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("half_life_days"));
    let o = polemos(&db, &["analyze", "series", "--granularity", "fortnight"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("fortnight"));
}

/// Leftovers of issue 18: each conflict or out-of-range value is refused (exit 2, naming it)
/// instead of silently answering something else.
#[test]
fn conflicts_and_ranges_are_refused_not_ignored() {
    let (_dir, db) = store();
    // `--json` and `--format html` ask for two formats.
    for format in ["html", "markdown"] {
        let o = polemos(
            &db,
            &["--json", "report", "kuril-islands", "--format", format],
        );
        assert_eq!(o.status.code(), Some(2), "--format {format}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("--json") && err.contains("--format"), "{err}");
        assert!(o.stdout.is_empty(), "nothing printed: {:?}", o.stdout);
    }
    // With `--format json` they agree.
    let json = ok(&polemos(
        &db,
        &["--json", "report", "kuril-islands", "--format", "json"],
    ));
    serde_json::from_str::<serde_json::Value>(&json).expect("json");

    // A coalition distance is 1 - agreement, in 0..=1, as the message says; 1 itself is fine.
    let o = polemos(&db, &["analyze", "coalitions", "--max-distance", "2"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("max_distance") && err.contains("0..=1"),
        "{err}"
    );
    ok(&polemos(
        &db,
        &["analyze", "coalitions", "--max-distance", "1"],
    ));

    // Actors have no dates: `--as-of` would change nothing, so it is refused.
    let o = polemos(&db, &["show", "actors", "--as-of", "2018-09-15"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("as_of") && err.contains("no dates"), "{err}");
    ok(&polemos(&db, &["show", "stances", "--as-of", "2018-09-15"]));
}

#[test]
fn the_series_of_the_whole_store_is_the_disputes_here() {
    // Without `--dispute` the series is read from the snapshot `analyze` already holds; the
    // reference store has one dispute, so both answers count the same events.
    let (_dir, db) = store();
    let all = ok(&polemos(
        &db,
        &["--json", "analyze", "series", "--as-of", "2026-12-01"],
    ));
    let one = ok(&polemos(
        &db,
        &[
            "--json",
            "analyze",
            "series",
            "--dispute",
            "kuril-islands",
            "--as-of",
            "2026-12-01",
        ],
    ));
    let all: serde_json::Value = serde_json::from_str(&all).expect("json");
    let one: serde_json::Value = serde_json::from_str(&one).expect("json");
    assert!(all.as_array().is_some_and(|a| !a.is_empty()));
    assert_eq!(all, one);
}

#[test]
fn report_in_three_formats() {
    let (dir, db) = store();
    let md = ok(&polemos(
        &db,
        &["report", "kuril-islands", "--as-of", "2018-09-30"],
    ));
    assert!(md.starts_with("# Kuril Islands / Northern Territories dispute"));
    assert!(md.contains("## Deadlocks"));
    let path = dir.path().join("r.html");
    let p = path.to_string_lossy().into_owned();
    ok(&polemos(
        &db,
        &[
            "report",
            "kuril-islands",
            "--as-of",
            "2018-09-30",
            "--format",
            "html",
            "--output",
            &p,
        ],
    ));
    let page = std::fs::read_to_string(&path).expect("written");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<svg") && !page.contains("<script"));
    let json = ok(&polemos(
        &db,
        &[
            "report",
            "kuril-islands",
            "--as-of",
            "2018-09-30",
            "--format",
            "json",
        ],
    ));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["deadlocks"].as_array().map(Vec::len), Some(1));
    let o = polemos(&db, &["report", "atlantis"]);
    assert!(!o.status.success());
}
