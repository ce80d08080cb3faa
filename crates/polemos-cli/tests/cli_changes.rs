//! End-to-end tests of `polemos changes`, the change feed, driving the real binary. (That it
//! answers as gRPC and Python do is the parity table's `changes_after` questions.)

use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn polemos(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(args)
        .env_remove("POLEMOS_DB")
        .output()
        .expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A store holding the reference dossier (revision 1) and the parity table's later one (2).
fn seeded(dir: &tempfile::TempDir) -> String {
    let db = dir.path().join("feed.db").display().to_string();
    for file in [
        "examples/dossiers/kuril-islands.json",
        "tests/parity/later.json",
    ] {
        let out = polemos(&["--db", &db, "import", &format!("{ROOT}/{file}")]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    db
}

/// `polemos changes --json` with `args`: the changes as (token, revision, name, deleted) and
/// the next page's token.
fn feed(db: &str, args: &[&str]) -> (Vec<(String, u64, String, bool)>, String) {
    let mut all = vec!["--db", db, "--json", "changes"];
    all.extend(args);
    let out = polemos(&all);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let changes = json["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            (
                c["token"].as_str().expect("token").to_owned(),
                c["revision"].as_u64().expect("revision"),
                c["name"].as_str().expect("name").to_owned(),
                c["record"].is_null(),
            )
        })
        .collect();
    let next = json["next_page_token"].as_str().expect("next_page_token");
    (changes, next.to_owned())
}

#[test]
fn the_feed_pages_from_a_token_to_the_head() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = seeded(&dir);
    let (all, next) = feed(&db, &[]);
    assert!(next.is_empty(), "the whole feed fits the default limit");
    assert!(all.len() > 10, "the reference dossier is many records");
    assert_eq!(all[0].0, "1.0");
    assert_eq!(
        all.last().map(|c| c.1),
        Some(2),
        "the later dossier's changes end it"
    );
    assert!(all.iter().all(|c| !c.3), "only puts were committed");

    // Page by page from each page's token gives the same feed, each change once.
    let (mut paged, mut after) = (Vec::new(), String::new());
    loop {
        let (page, next) = feed(&db, &["--limit", "3", "--after", &after]);
        assert!(page.len() <= 3);
        paged.extend(page);
        if next.is_empty() {
            break;
        }
        after = next;
    }
    assert_eq!(paged, all);

    // After a revision: only what later commits did; after a change's token: what follows it.
    let (later, _) = feed(&db, &["--after", "1"]);
    assert!(!later.is_empty() && later.iter().all(|c| c.1 == 2));
    let (rest, _) = feed(&db, &["--after", &all[4].0]);
    assert_eq!(rest, all[5..]);

    // An actor's feed is its own changes and what names it.
    let (japan, _) = feed(&db, &["--actor", "JPN"]);
    assert!(japan.iter().any(|c| c.2 == "actors/JPN"));
    assert!(japan.len() < all.len());
}

#[test]
fn bad_feed_requests_are_refused_naming_what_is_wrong() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = seeded(&dir);
    for (args, flag) in [
        (&["--after", "1.x"][..], "after"),
        (&["--dispute", "a b/c"][..], "dispute"),
        (&["--actor", "not an actor"][..], "actor"),
        // An empty name (an unset shell variable) would otherwise be the whole feed.
        (&["--dispute", ""][..], "--dispute"),
        (&["--actor", ""][..], "--actor"),
    ] {
        let mut all = vec!["--db", &db, "changes"];
        all.extend(args);
        let out = polemos(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(flag), "{args:?}: {}", stderr(&out));
    }
    let out = polemos(&["--db", &db, "changes", "--limit", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));

    // A read: a missing store is not found, and no file is left behind.
    let missing = dir.path().join("typo.db");
    let out = polemos(&["--db", missing.to_str().expect("utf-8"), "changes"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(!missing.exists(), "a read made a database file");
}

#[test]
fn the_table_says_where_the_next_page_starts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = seeded(&dir);
    let out = polemos(&["--db", &db, "changes", "--limit", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("1.0") && table.contains("1.1"), "{table}");
    assert!(
        stderr(&out).contains("next page: --after 1.1"),
        "{}",
        stderr(&out)
    );
}
