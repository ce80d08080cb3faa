//! End-to-end tests of `polemos import`, `export` and `show`, driving the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KURIL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/dossiers/kuril-islands.json"
);

fn polemos(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(args)
        .env_remove("POLEMOS_DB")
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }
    fn db(&self) -> String {
        self.dir
            .path()
            .join("polemos.db")
            .to_string_lossy()
            .into_owned()
    }
    fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).expect("write");
        path
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn count(db: &str, what: &str) -> usize {
    let out = polemos(&["show", what, "--json", "--db", db]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout)
        .expect("json list")
        .len()
}

#[test]
fn import_export_round_trip_and_global_flags_anywhere() {
    let scratch = Scratch::new();
    let db = scratch.db();
    // --db before the subcommand, then after it: both are accepted.
    let first = polemos(&["--db", &db, "import", KURIL]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("22 created"), "{}", stdout(&first));
    let again = polemos(&["import", KURIL, "--db", &db]);
    assert!(
        stdout(&again).contains("0 created, 0 updated, 22 unchanged"),
        "{}",
        stdout(&again)
    );

    let exported = polemos(&["export", "--db", &db]);
    assert!(exported.status.success());
    let mut original =
        polemos_core::Dossier::from_json(&std::fs::read_to_string(KURIL).expect("read"))
            .expect("parses");
    let mut back = polemos_core::Dossier::from_json(&stdout(&exported)).expect("export parses");
    polemos_store_testkit::conformance::sort(&mut original);
    polemos_store_testkit::conformance::sort(&mut back);
    assert_eq!(
        original, back,
        "the dossier survives import and export unchanged"
    );

    // JSON Lines export imports into a fresh store with the same content.
    let lines = polemos(&[
        "export",
        "--format",
        "jsonl",
        "--dispute",
        "kuril-islands",
        "--db",
        &db,
    ]);
    let path = scratch.file("k.jsonl", &lines.stdout);
    let other = scratch.dir.path().join("other.db");
    let reimport = polemos(&["import", s(&path), "--db", s(&other)]);
    assert!(reimport.status.success(), "{}", stderr(&reimport));
    assert_eq!(count(s(&other), "stances"), 6);
}

#[test]
fn show_filters_by_actor_and_date() {
    let scratch = Scratch::new();
    let db = scratch.db();
    assert!(polemos(&["import", KURIL, "--db", &db]).status.success());
    let table = stdout(&polemos(&[
        "show", "stances", "--actor", "JPN", "--db", &db,
    ]));
    assert!(
        table.contains("peace-treaty") && table.contains("conditional"),
        "{table}"
    );
    assert!(!table.contains("RUS"), "{table}");
    // On 2018-09-15 only Russia's stances from the forum were in force.
    let out = polemos(&[
        "show",
        "stances",
        "--as-of",
        "2018-09-15",
        "--json",
        "--db",
        &db,
    ]);
    let stances: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(stances.len(), 2);
    assert!(stances.iter().all(|s| s["actor"] == "actors/RUS"));
    let bad = polemos(&["show", "stances", "--as-of", "15/09/2018", "--db", &db]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("YYYY-MM-DD"), "{}", stderr(&bad));
}

/// Each bad file: the message that must appear, and the store stays empty.
#[test]
fn bad_input_is_refused_with_the_field_and_nothing_written() {
    let kuril = std::fs::read_to_string(KURIL).expect("read");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "malformed.json",
            b"{\"actors\": [".to_vec(),
            "malformed JSON",
        ),
        (
            "not-json.json",
            b"Kono plans to negotiate".to_vec(),
            "not a JSON dossier",
        ),
        ("binary.json", vec![0xff, 0x00, 0x12], "not UTF-8"),
        ("empty.json", b"{}".to_vec(), "no entities"),
        (
            "dangling.json",
            kuril
                .replace(
                    "\"actor\": \"actors/RUS\",\n      \"issue\"",
                    "\"actor\": \"actors/XXX\",\n      \"issue\"",
                )
                .into_bytes(),
            "refers to actors/XXX, which does not exist",
        ),
        (
            "range.json",
            kuril
                .replacen("\"salience\": 0.8", "\"salience\": 1.8", 1)
                .into_bytes(),
            "stances[0].salience",
        ),
        (
            "duplicate.json",
            kuril
                .replacen("\"name\": \"actors/RUS\"", "\"name\": \"actors/JPN\"", 1)
                .into_bytes(),
            "duplicate name actors/JPN",
        ),
        (
            "bad-name.json",
            kuril
                .replacen("actors/taro-kono", "actors/taro kono", 1)
                .into_bytes(),
            "not a valid actor name",
        ),
    ];
    for (name, content, expected) in cases {
        let scratch = Scratch::new();
        let db = scratch.db();
        let path = scratch.file(name, &content);
        let out = polemos(&["import", s(&path), "--db", &db]);
        assert!(!out.status.success(), "{name} must fail");
        assert!(
            stderr(&out).contains(expected),
            "{name}: expected `{expected}` in: {}",
            stderr(&out)
        );
        assert!(
            !stderr(&out).contains("panicked"),
            "{name}: {}",
            stderr(&out)
        );
        // Refused before the store was opened (no file), or nothing committed to it.
        assert!(
            !Path::new(&db).exists() || count(&db, "actors") == 0,
            "{name}: nothing written"
        );
    }
}

#[test]
fn missing_file_and_unknown_dispute_are_clear_errors() {
    let scratch = Scratch::new();
    let db = scratch.db();
    let out = polemos(&["import", "/nonexistent/dossier.json", "--db", &db]);
    assert!(
        stderr(&out).contains("cannot read /nonexistent/dossier.json"),
        "{}",
        stderr(&out)
    );
    assert!(polemos(&["import", KURIL, "--db", &db]).status.success());
    let out = polemos(&["export", "--dispute", "atlantis", "--db", &db]);
    assert_eq!(out.status.code(), Some(3), "not found");
    assert!(
        stderr(&out).contains("dispute disputes/atlantis not found"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn read_only_commands_never_create_a_store() {
    let scratch = Scratch::new();
    let db = scratch.db();
    for args in [
        &["show", "actors"][..],
        &["export"],
        &["analyze", "stances", "--dispute", "kuril-islands"],
        &["report", "kuril-islands"],
        &["forecast", "--dispute", "kuril-islands"],
    ] {
        let mut args = args.to_vec();
        args.extend(["--db", &db]);
        let out = polemos(&args);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("not found"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!Path::new(&db).exists(), "{args:?} created {db}");
    }
}

#[test]
fn show_refuses_unknown_filters_and_revisions_past_the_head() {
    let scratch = Scratch::new();
    let db = scratch.db();
    assert!(polemos(&["import", KURIL, "--db", &db]).status.success());
    for (args, code) in [
        (&["show", "stances", "--dispute", "atlantis"][..], 3),
        (&["show", "issues", "--dispute", "atlantis"], 3),
        (&["show", "stances", "--actor", "XXX"], 3),
        (&["show", "actors", "--revision", "2"], 2),
        (&["export", "--revision", "2"], 2),
    ] {
        let mut args = args.to_vec();
        args.extend(["--db", &db]);
        let out = polemos(&args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?} printed a result");
    }
}
