//! End-to-end tests of `polemos extract` and `polemos ingest`, driving the real binary.

use std::process::{Command, Output};

const KURIL_TEXT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/kuril-2018.txt"
);
const KURIL_DOSSIER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/dossiers/kuril-islands.json"
);
const ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/articles");

fn polemos(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(args)
        .env_remove("POLEMOS_DB")
        .env_remove("POLEMOS_DATA_DIR")
        .output()
        .expect("runs")
}

/// `ingest --json` output: one JSON object a line.
fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn extract_prints_facts_as_json_and_tables() {
    let o = polemos(&["extract", KURIL_TEXT, "--published", "2018-09-19", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let line: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON line");
    assert_eq!(line["file"], KURIL_TEXT);
    let v = &line["extraction"];
    assert_eq!(v["document"]["published"], "2018-09-19");
    let stances = v["stances"].as_array().expect("stances");
    assert!(
        stances
            .iter()
            .any(|s| s["actor"] == "actors/JPN" && s["label"] == "conditional")
    );

    let o = polemos(&["extract", KURIL_TEXT, "--published", "2018-09-19"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("actors/taro-kono")
            && text.contains("CONSULT")
            && text.contains("2018-09-24 (week)"),
        "{text}"
    );
}

/// The fixture articles, sorted.
fn articles() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(ARTICLES)
        .expect("articles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn extract_streams_json_lines_in_input_order_on_any_number_of_threads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"Japan \xff said").expect("write");
    let mut files = articles();
    files.insert(2, bad.display().to_string());
    let run = |jobs: &str| {
        let mut args = vec![
            "extract",
            "--json",
            "--published",
            "2020-01-01",
            "--jobs",
            jobs,
        ];
        args.extend(files.iter().map(String::as_str));
        polemos(&args)
    };
    let one = run("1");
    assert!(!one.status.success(), "a bad file fails the run");
    assert!(stderr(&one).contains("bad.txt"), "{}", stderr(&one));
    let lines: Vec<serde_json::Value> = stdout(&one)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    let named: Vec<&str> = lines
        .iter()
        .map(|l| l["file"].as_str().expect("file"))
        .collect();
    assert_eq!(named, files, "one line per file, in input order");
    assert!(lines[2]["error"].as_str().expect("error").contains("UTF-8"));
    assert!(lines[0]["extraction"]["document"]["sentences"].as_u64() > Some(0));
    // Four threads print exactly what one does, the files listed in a file this time.
    let list = dir.path().join("files.txt");
    std::fs::write(&list, files.join("\n")).expect("write");
    let four = polemos(&[
        "extract",
        "--json",
        "--published",
        "2020-01-01",
        "--jobs",
        "4",
        "--files-from",
        list.to_str().expect("p"),
    ]);
    assert_eq!(stdout(&four), stdout(&one));

    let o = polemos(&["extract", "--jobs", "0", KURIL_TEXT]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("at least 1"), "{}", stderr(&o));
}

#[test]
fn extract_rejects_bad_input_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"Japan \xff\xfe said").expect("write");
    let o = polemos(&["extract", bad.to_str().expect("path")]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("not valid UTF-8") && stderr(&o).contains("offset 6"),
        "{}",
        stderr(&o)
    );

    let o = polemos(&["extract", KURIL_TEXT, "--max-bytes", "100"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("over the limit of 100 bytes"),
        "{}",
        stderr(&o)
    );

    let o = polemos(&["extract", KURIL_TEXT, "--published", "19/09/2018"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("YYYY-MM-DD"), "{}", stderr(&o));
}

#[test]
fn user_lexicon_adds_knowledge_without_recompiling() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "The Zorblat Herald said Japan protested to Russia.\n",
    )
    .expect("write");
    let lexicon = dir.path().join("extra.tsv");
    std::fs::write(
        &lexicon,
        "media|zorblat-herald|Zorblat Herald|Zorblat Herald|JPN\n",
    )
    .expect("write");
    let o = polemos(&["extract", article.to_str().expect("p"), "--json"]);
    assert!(!stdout(&o).contains("zorblat-herald"));
    let o = polemos(&[
        "extract",
        article.to_str().expect("p"),
        "--json",
        "--lexicon",
        lexicon.to_str().expect("p"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("actors/zorblat-herald"),
        "{}",
        stdout(&o)
    );

    std::fs::write(&lexicon, "media|only-two-fields\n").expect("write");
    let o = polemos(&[
        "extract",
        article.to_str().expect("p"),
        "--lexicon",
        lexicon.to_str().expect("p"),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("extra.tsv, line 1"), "{}", stderr(&o));
}

#[test]
fn a_confidence_table_in_the_data_directory_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data_dir = dir.path().to_str().expect("p");
    let run = |data_dir: Option<&str>| {
        let mut args = vec!["extract", KURIL_TEXT, "--published", "2018-09-19", "--json"];
        if let Some(d) = data_dir {
            args.extend(["--data-dir", d]);
        }
        polemos(&args)
    };
    let stance_confidences = |o: &Output| -> Vec<f64> {
        let line: serde_json::Value = serde_json::from_str(&stdout(o)).expect("one JSON line");
        line["extraction"]["stances"]
            .as_array()
            .expect("stances")
            .iter()
            .filter(|s| s["hedged"] == false)
            .map(|s| s["confidence"].as_f64().expect("a confidence"))
            .collect()
    };
    let builtin = run(None);
    assert!(builtin.status.success(), "{}", stderr(&builtin));
    let before = stance_confidences(&builtin);
    assert!(!before.is_empty() && before.iter().all(|c| (c - 0.05).abs() > 1e-9));

    let table = dir.path().join("stance-calibration.tsv");
    std::fs::write(&table, "# mine\ntopic\t1\t1\t0.05\nnew-issue\t1\t1\t0.05\n").expect("write");
    let o = run(Some(data_dir));
    assert!(o.status.success(), "{}", stderr(&o));
    let after = stance_confidences(&o);
    assert_eq!(after.len(), before.len());
    assert!(after.iter().all(|c| (c - 0.05).abs() < 1e-9), "{after:?}");

    std::fs::write(&table, "# mine\ntopic\t1\t1\t0.05\nnew-issue\t1\t1\thigh\n").expect("write");
    let o = run(Some(data_dir));
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("stance-calibration.tsv, line 3")
            && stderr(&o).contains("`confidence` must be a number from 0 to 1"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn user_language_profile_extends_or_replaces_english_and_bad_ones_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Japan protested to Russia on Caturday.\n").expect("write");
    let profile = dir.path().join("cat.tsv");
    std::fs::write(&profile, "extends|en\nweekday|6|caturday\n").expect("write");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "extract",
            article.to_str().expect("p"),
            "--published",
            "2018-09-19",
            "--json",
        ];
        args.extend(extra);
        polemos(&args)
    };
    let o = run(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).contains("2018-09-15"), "{}", stdout(&o));
    let o = run(&["--language", profile.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The Saturday before the publication date (a Wednesday).
    assert!(stdout(&o).contains("\"2018-09-15\""), "{}", stdout(&o));

    // A full profile must give every class: this one has only a language line and months.
    let mut partial = String::from("language|xx|Test\n");
    for m in 1..=12 {
        partial.push_str(&format!("month|{m}|m{m}\n"));
    }
    for d in 1..=7 {
        partial.push_str(&format!("weekday|{d}|d{d}\n"));
    }
    std::fs::write(&profile, &partial).expect("write");
    let o = run(&["--language", profile.to_str().expect("p")]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("cat.tsv, line 20") && err.contains("missing class `"),
        "{err}"
    );
}

#[test]
fn ingest_is_idempotent_and_keeps_curated_entities() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("p.db");
    let db = db.to_str().expect("path");
    // A hand-curated dossier is there first: ingest must not overwrite its dispute.
    let o = polemos(&["--db", db, "import", KURIL_DOSSIER]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = stdout(&polemos(&["--db", db, "export"]));

    let o = polemos(&["--db", db, "ingest", KURIL_TEXT]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--published"), "{}", stderr(&o));

    // The curated dossier already holds the reference article (same content hash).
    let o = polemos(&[
        "--db",
        db,
        "--json",
        "ingest",
        KURIL_TEXT,
        "--published",
        "2018-09-19",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json_lines(&stdout(&o));
    assert_eq!(v[0]["status"], "already stored");
    assert_eq!(v[0]["document"], "documents/kuril-2018");
    assert_eq!(before, stdout(&polemos(&["--db", db, "export"])));

    let article = format!("{ARTICLES}/12-several-speakers.txt");
    let o = polemos(&[
        "--db",
        db,
        "--json",
        "ingest",
        &article,
        "--published",
        "2018-10-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json_lines(&stdout(&o));
    assert_eq!(v[0]["status"], "stored");
    let after_first = stdout(&polemos(&["--db", db, "export"]));
    assert_ne!(before, after_first);
    let exported: serde_json::Value = serde_json::from_str(&after_first).expect("export");
    let kuril = exported["disputes"]
        .as_array()
        .expect("disputes")
        .iter()
        .find(|d| d["name"] == "disputes/kuril-islands")
        .expect("kuril");
    assert_eq!(
        kuril["parties"][0]["capability"], 0.45,
        "curated capability kept"
    );
    assert!(
        exported["stances"].as_array().expect("stances").len() > 6,
        "the article's stances were added"
    );

    let o = polemos(&[
        "--db",
        db,
        "--json",
        "ingest",
        &article,
        "--published",
        "2018-10-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json_lines(&stdout(&o));
    assert_eq!(v[0]["status"], "already stored");
    assert_eq!(
        after_first,
        stdout(&polemos(&["--db", db, "export"])),
        "second ingest changes nothing"
    );
}

#[test]
fn ingest_many_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("p.db");
    let files = articles();
    // Batches of 2 documents: every file is still stored and reported, in order.
    let mut args = vec![
        "--db",
        db.to_str().expect("p"),
        "--json",
        "ingest",
        "--published",
        "2020-01-01",
        "--batch",
        "2",
    ];
    args.extend(files.iter().map(String::as_str));
    let o = polemos(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = serde_json::Value::Array(json_lines(&stdout(&o)));
    let rows = v.as_array().expect("rows");
    let named: Vec<&str> = rows
        .iter()
        .map(|r| r["file"].as_str().expect("file"))
        .collect();
    assert_eq!(named, files);
    assert!(rows.iter().all(|r| r["status"] == "stored"));
    // One revision a batch, not one a file.
    let batches = files.len().div_ceil(2);
    let at = |revision: usize| {
        let r = revision.to_string();
        let o = polemos(&[
            "--db",
            db.to_str().expect("p"),
            "--json",
            "show",
            "documents",
            "--revision",
            &r,
        ]);
        let docs: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
        docs.as_array().map_or(0, Vec::len)
    };
    assert_eq!(at(batches), files.len(), "all stored by revision {batches}");
    assert_eq!(at(batches - 1), files.len() - 2 + files.len() % 2);
}

#[test]
fn ingest_reports_a_bad_file_and_stores_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("p.db");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"Japan protested to China.\xff\xfe").expect("write");
    let good = format!("{ARTICLES}/02-senkaku-protest.txt");
    let db = db.to_str().expect("p");
    let bad = bad.to_str().expect("p");
    let args = |extra: &[&'static str]| {
        let mut a = vec!["--db", db, "ingest", "--published", "2021-02-10"];
        a.extend_from_slice(extra);
        a
    };

    // --fail-fast: stops at the bad file, before the good one after it.
    let mut a = args(&["--fail-fast"]);
    a.extend([bad, good.as_str()]);
    let o = polemos(&a);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--fail-fast"), "{}", stderr(&o));
    let shown = polemos(&["--db", db, "--json", "show", "documents"]);
    let docs: serde_json::Value = serde_json::from_str(&stdout(&shown)).expect("JSON");
    assert_eq!(docs.as_array().map(Vec::len), Some(0), "{docs}");

    // By default: the bad file is named, the good one stored, the run fails with a summary.
    let mut a = args(&[]);
    a.extend([bad, good.as_str()]);
    let o = polemos(&a);
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(err.contains("bad.txt"), "{err}");
    assert!(
        err.contains("ingested 2 files: 1 stored, 0 already stored, 1 failed"),
        "{err}"
    );
    let shown = polemos(&["--db", db, "--json", "show", "documents"]);
    let docs: serde_json::Value = serde_json::from_str(&stdout(&shown)).expect("JSON");
    assert_eq!(docs.as_array().map(Vec::len), Some(1), "{docs}");

    // --json: one line a file, the failure with its kind and reason, in input order.
    let o = polemos(&[
        "--db",
        db,
        "--json",
        "ingest",
        "--published",
        "2021-02-10",
        bad,
        &good,
    ]);
    assert!(!o.status.success());
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["file"], bad);
    assert_eq!(lines[0]["status"], "failed");
    assert_eq!(lines[0]["kind"], "invalid_argument");
    assert!(
        lines[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("UTF-8")),
        "{lines:?}"
    );
    assert_eq!(lines[1]["status"], "already stored");
}
