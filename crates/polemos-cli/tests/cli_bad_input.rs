//! The gRPC bad-input matrix's rules (polemos-grpc's `tests/bad_input.rs`) through the
//! command line: `polemos import` refuses the same input, and what the store holds exports and
//! imports back.

use std::process::{Command, Output};

use polemos_core::Dossier;

const KURIL: &str = include_str!("../../../examples/dossiers/kuril-islands.json");

fn polemos(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("POLEMOS_DB")
        .output()
        .expect("runs")
}

#[test]
fn the_cli_refuses_the_same_input_and_round_trips_the_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.db").display().to_string();
    let file = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).expect("write");
        p.display().to_string()
    };
    // A byte-order mark is accepted.
    let kuril = file("kuril.json", &format!("\u{feff}{KURIL}"));
    let out = polemos(&db, &["import", &kuril]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A stance alone whose evidence span lies outside the stored document: refused.
    let mut alone = Dossier::new();
    let mut stance = Dossier::from_json(KURIL).expect("kuril").stances[0].clone();
    stance.name = "stances/alone".parse().expect("name");
    stance.evidence[0].span = Some(polemos_core::Span {
        start: 0,
        end: 10_000_000,
    });
    alone.stances.push(stance);
    let out = polemos(&db, &["import", &file("alone.json", &alone.to_json())]);
    assert!(
        !out.status.success() && out.status.code() != Some(101),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("stances[0].evidence[0].span"));

    // Lenient dates refused, not normalised.
    for (name, text) in [
        (
            "lenient.json",
            KURIL.replace("\"2018-09-12\"", "\"2018-9-12\""),
        ),
        (
            "plus.json",
            KURIL.replace("\"2018-09-12\"", "\"+2018-09-12\""),
        ),
    ] {
        let out = polemos(&db, &["import", &file(name, &text)]);
        assert!(!out.status.success(), "{name} accepted");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    // Extreme --published: a clear error and exit 2 (usage), never a panic (101).
    let article = file("a.txt", "Japan said yesterday it will talk tomorrow.");
    for date in ["+262142-12-31", "2018-1-1", "9999-12-31"] {
        let out = polemos(&db, &["extract", "--published", date, &article]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{date}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("--published"));
    }

    // Export -> import into a fresh store gives the same snapshot.
    let exported = dir.path().join("export.json").display().to_string();
    let out = polemos(&db, &["export", "--output", &exported]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db2 = dir.path().join("q.db").display().to_string();
    let out = polemos(&db2, &["import", &exported]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = Dossier::from_json(&std::fs::read_to_string(&exported).expect("read")).expect("parse");
    let again = dir.path().join("again.json").display().to_string();
    assert!(
        polemos(&db2, &["export", "--output", &again])
            .status
            .success()
    );
    let b = Dossier::from_json(&std::fs::read_to_string(&again).expect("read")).expect("parse");
    assert_eq!(a, b, "export -> import -> export is the identity");
}
