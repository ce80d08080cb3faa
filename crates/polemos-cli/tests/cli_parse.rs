//! End-to-end tests of `polemos parse`, driving the real binary.

use std::process::{Command, Output};

fn polemos(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn parse_prints_conllu_trees() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "Japan rejected the proposal. Russia didn't respond.").expect("write");
    let o = polemos(&["parse", f.to_str().expect("path")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    assert!(
        text.contains("# text = Japan rejected the proposal."),
        "{text}"
    );
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == 10), "{text}");
    // Two sentences, each with exactly one root; the clitic is its own word.
    assert_eq!(rows.iter().filter(|r| r[7] == "root").count(), 2, "{text}");
    assert!(
        rows.iter().any(|r| r[1] == "n't" && r[3] == "PART"),
        "{text}"
    );
    let rejected = rows.iter().find(|r| r[1] == "rejected").expect("rejected");
    assert_eq!(
        (rejected[3], rejected[6], rejected[7]),
        ("VERB", "0", "root")
    );
}

#[test]
fn parse_rejects_a_bad_model_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "Hello.").expect("write");
    let m = dir.path().join("bad.model");
    std::fs::write(&m, b"not a model").expect("write");
    let o = polemos(&[
        "parse",
        f.to_str().expect("path"),
        "--model",
        m.to_str().expect("path"),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a valid polemos-syntax model"));
}
