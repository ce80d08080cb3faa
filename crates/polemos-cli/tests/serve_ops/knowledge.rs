//! `polemos serve` extracts with the knowledge `polemos extract` is given: the same flags, the
//! same files, the same facts and confidences.

use super::*;

/// The stance confidences `Extract` gives for the reference article on a server started with
/// `args`.
async fn served_stance_confidences(args: &[&str]) -> Vec<f64> {
    let mut all = vec!["--insecure-no-auth"];
    all.extend_from_slice(args);
    let (_server, channel) = serve_and_connect("memory:", &all).await;
    let request = pb::ExtractRequest {
        document: Some(pb::Document {
            text: ARTICLE.into(),
            published: "2018-11-15".into(),
            ..Default::default()
        }),
    };
    let facts = ExtractionServiceClient::new(channel)
        .extract(request)
        .await
        .expect("extract")
        .into_inner()
        .facts
        .expect("facts");
    facts.stances.iter().map(|s| s.confidence).collect()
}

/// `polemos serve --data-dir` extracts with the same knowledge as `polemos extract --data-dir`:
/// a calibration table there sets the confidences `Extract` reports (hedged stances are scaled
/// below it), and a directory that cannot be read stops the server at start-up.
#[tokio::test]
async fn serve_extracts_with_the_data_directory_as_the_cli_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("stance-calibration.tsv"),
        "topic\t1\t1\t0.05\nnew-issue\t1\t1\t0.05\n",
    )
    .expect("write");
    let builtin = served_stance_confidences(&[]).await;
    assert!(builtin.iter().any(|c| *c > 0.05 + 1e-9), "{builtin:?}");
    let data_dir = dir.path().to_str().expect("utf-8 path");
    let mine = served_stance_confidences(&["--data-dir", data_dir]).await;
    assert_eq!(mine.len(), builtin.len());
    assert!(mine.iter().all(|c| *c <= 0.05 + 1e-9), "{mine:?}");

    let missing = dir.path().join("nowhere");
    let o = serve(
        dir.path(),
        &[
            "--insecure-no-auth",
            "--data-dir",
            missing.to_str().expect("utf-8 path"),
        ],
        &[],
    );
    assert_clear_error(&o, &["nowhere", "cannot read the data directory"]);
}

/// `polemos serve` takes every knowledge flag `polemos extract` takes (one set of flags for every
/// command that builds an extractor), on the command line and in its config file: a lexicon
/// named as a calibration table sets the confidences `Extract` reports, and a syntax model or
/// language profile that cannot be read stops the server at start-up.
#[tokio::test]
async fn serve_takes_the_knowledge_flags_extract_takes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let table = dir.path().join("stance-calibration.tsv");
    std::fs::write(&table, "topic\t1\t1\t0.05\nnew-issue\t1\t1\t0.05\n").expect("write");
    let table = table.to_str().expect("utf-8 path");
    let low = |confidences: &[f64]| {
        !confidences.is_empty() && confidences.iter().all(|c| *c <= 0.05 + 1e-9)
    };
    let builtin = served_stance_confidences(&[]).await;
    assert!(!low(&builtin), "{builtin:?}");
    let flagged = served_stance_confidences(&["--lexicon", table]).await;
    assert!(low(&flagged), "{flagged:?}");
    let config = dir.path().join("serve.toml");
    std::fs::write(&config, format!("lexicons = [{table:?}]\n")).expect("write");
    let configured =
        served_stance_confidences(&["--config", config.to_str().expect("utf-8 path")]).await;
    assert!(low(&configured), "{configured:?}");

    let missing = dir.path().join("nowhere");
    for flag in ["--syntax-model", "--language"] {
        let o = serve(
            dir.path(),
            &[
                "--insecure-no-auth",
                flag,
                missing.to_str().expect("utf-8 path"),
            ],
            &[],
        );
        assert_clear_error(&o, &["nowhere"]);
    }

    for command in ["extract", "ingest", "evaluate", "serve"] {
        let o = Command::new(env!("CARGO_BIN_EXE_polemos"))
            .args([command, "--help"])
            .output()
            .expect("runs");
        let help = String::from_utf8_lossy(&o.stdout);
        for flag in ["--lexicon", "--data-dir", "--syntax-model", "--language"] {
            assert!(
                help.contains(flag),
                "`polemos {command}` has no {flag}:\n{help}"
            );
        }
    }
}
