//! A failing command's error, as `polemos` prints it: the whole chain of causes on one line,
//! each cause once.

use std::path::Path;
use std::process::{Command, Output};

fn polemos(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .current_dir(dir)
        .args(args)
        .env_remove("POLEMOS_DB")
        .output()
        .expect("runs")
}

/// A file that cannot be read is named with the system's reason, once: an error type that
/// both shows its cause and reports it as its `source()` made the chain repeat it
/// (`cannot read keys file d: Is a directory (os error 21): Is a directory (os error 21)`).
#[test]
fn an_unreadable_file_is_reported_with_its_reason_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("folder")).expect("mkdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Japan said on Monday it will talk.",
    )
    .expect("write");
    let db = ["--db", "memory:"];
    for (args, named) in [
        (vec!["keys", "--keys-file", "folder", "list"], "folder"),
        (
            vec![
                "keys",
                "--keys-file",
                "nowhere/keys.json",
                "create",
                "--role",
                "reader",
            ],
            "nowhere/keys.json",
        ),
        (
            vec!["parse", "--model", "missing.model", "a.txt"],
            "missing.model",
        ),
        (vec!["evaluate", "missing-gold"], "missing-gold"),
    ] {
        let out = polemos(dir.path(), &[&db[..], &args[..]].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(named), "{args:?}: {err}");
        let reason = err
            .find("(os error")
            .map(|at| &err[err[..at].rfind(": ").expect("a reason") + 2..])
            .and_then(|from| from.split_inclusive(')').next())
            .unwrap_or_else(|| panic!("{args:?}: no system reason in {err}"));
        assert_eq!(
            err.matches(reason).count(),
            1,
            "{args:?}: `{reason}` repeated: {err}"
        );
    }
}

/// A refused argument is named by the flag the user typed, not by the engine's parameter:
/// `disputes rename --to` was reported as `new_name`.
#[test]
fn a_refused_argument_is_named_by_its_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kuril = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/dossiers/kuril-islands.json"
    );
    let db = ["--db", "p.db"];
    let imported = polemos(dir.path(), &[&db[..], &["import", kuril]].concat());
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    for (args, flag) in [
        (
            vec!["disputes", "rename", "kuril-islands", "--to", "bad name!"],
            "`--to`",
        ),
        (vec!["disputes", "rename", "kuril-islands"], "`--to`"),
        (
            vec!["disputes", "merge", "kuril-islands", "--into", "bad name!"],
            "`--into`",
        ),
    ] {
        let out = polemos(dir.path(), &[&db[..], &args[..]].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(flag), "{args:?}: {err}");
    }
}
