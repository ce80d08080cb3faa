//! Parity: one table of questions (`tests/parity/questions.json`) asked through the engine, the
//! `polemos` binary and a real gRPC server on 127.0.0.1:0, all on the same store, must get the
//! same answers and the same error kinds. The Python Engine and Client answer the same table in
//! `python/tests/test_parity.py`. Runs on SQLite, and on PostgreSQL where it is installed.
//!
//! This file holds the table, the store and server every question runs on, and the tests; each
//! interface's runner of the read questions is in `parity_reads/` (`engine`, `cli`, `grpc`), of
//! the writes in `parity_writes/`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use polemos_engine::Access;
use polemos_grpc::{self as grpc, Limits};
use polemos_grpc_testkit::{Auth, Server, runtime};
use polemos_proto::v1 as pb;
use polemos_proto::v1::analysis_service_client::AnalysisServiceClient;
use polemos_proto::v1::change_service_client::ChangeServiceClient;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_store::{Kind, Store};
use serde::Deserialize;

use parity_reads::grpc::{full, kind_of_status};

#[derive(Debug, Deserialize)]
struct Table {
    seed: Vec<String>,
    questions: Vec<Question>,
}

#[derive(Debug, Clone, Deserialize)]
struct Question {
    id: String,
    list: Option<String>,
    analysis: Option<String>,
    forecast: Option<String>,
    /// One resource by name (with `revision`: as it was then); the answer is its name and the
    /// revision it was written at, which `written_at` pins. The CLI has no single-resource read.
    get: Option<String>,
    written_at: Option<u64>,
    dispute: Option<String>,
    actor: Option<String>,
    issue: Option<String>,
    as_of: Option<String>,
    revision: Option<u64>,
    count: Option<usize>,
    peace_treaty: Option<f64>,
    /// A report asked in this format; `default`: without naming one (each interface's
    /// default, which must be the engine's one). Absent: JSON.
    format: Option<String>,
    /// The report's text starts with this (pins which format the default is).
    starts_with: Option<String>,
    /// A forecast under Monte Carlo: this many draws from `seed`; the answer is each
    /// dimension's mean and standard deviation over the draws.
    /// Signed, so the table can ask for a negative count or seed: the interfaces whose input
    /// can carry one (the CLI's flags, Python's ints) must refuse it as an invalid argument;
    /// gRPC's `uint32`/`uint64` fields cannot carry it, so gRPC skips such a question.
    draws: Option<i64>,
    seed: Option<i64>,
    /// Coalitions: merge while the average distance is at most this (unset: the default).
    max_distance: Option<f64>,
    /// Monte Carlo noise widths (unset: the engine's defaults).
    position_noise: Option<f64>,
    salience_noise: Option<f64>,
    capability_noise: Option<f64>,
    /// Every dimension's standard deviation over the draws is this (0 without noise).
    spread: Option<f64>,
    /// Monte Carlo: also the share of draws whose forecast falls in `[low, high]`.
    range: Option<[f64; 2]>,
    /// That share on `peace-treaty` is this.
    in_range: Option<f64>,
    /// The change feed after this revision (with `dispute`, `actor`): the answer is each
    /// change's `revision name`.
    changes_after: Option<u64>,
    error: Option<String>,
    /// Page through the list this many at a time (each interface's own paging), asserting no
    /// page is longer.
    page_size: Option<i64>,
    /// `forged`: take the first page's token and alter it; `other`: take the first page's
    /// token of the same list with `other_actor` / `other_revision`, then ask this question's
    /// list with it. Either must be refused.
    token: Option<String>,
    other_actor: Option<String>,
    other_revision: Option<u64>,
}

/// Pages through `q`'s list with `$call` (`$fq`: the question a page is for, `$token`: the
/// page token), which gives `Ok((names, next_token))` or `Err(error kind)`; the answer is every
/// name in order, or the error; with `q.token`, the answer to the altered or moved token.
macro_rules! paged {
    ($q:expr, |$fq:ident, $token:ident| $call:expr) => {{
        let q: &Question = $q;
        let size = match q.page_size {
            Some(0) => 50,
            Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
            None => usize::MAX,
        };
        match q.token.as_deref() {
            None => {
                let mut names: Vec<String> = Vec::new();
                let mut next = String::new();
                let mut pages = 0;
                loop {
                    let ($fq, $token): (Question, String) = (q.clone(), next.clone());
                    match $call {
                        Err(kind) => break Answer::Error(kind),
                        Ok((page, token)) => {
                            let page: Vec<String> = page;
                            assert!(
                                page.len() <= size,
                                "{}: a page of {} > {size}",
                                q.id,
                                page.len()
                            );
                            pages += 1;
                            assert!(pages < 100, "{}: pages do not end", q.id);
                            names.extend(page);
                            if token.is_empty() {
                                break Answer::Names(names);
                            }
                            next = token;
                        }
                    }
                }
            }
            Some(how) => {
                let mut first = q.clone();
                if how == "other" {
                    first.actor = q.other_actor.clone().or(first.actor);
                    first.revision = q.other_revision.or(first.revision);
                }
                let ($fq, $token): (Question, String) = (first, String::new());
                let token: String = match $call {
                    Ok((_, token)) => token,
                    Err(kind) => panic!("{}: the first page failed: {kind}", q.id),
                };
                assert!(!token.is_empty(), "{}: the first page is the last", q.id);
                let token = if how == "forged" {
                    let mut t = token;
                    let last = if t.ends_with('0') { "1" } else { "0" };
                    t.pop();
                    t.push_str(last);
                    t
                } else {
                    token
                };
                let ($fq, $token): (Question, String) = (q.clone(), token);
                match $call {
                    Ok((names, _)) => Answer::Names(names),
                    Err(kind) => Answer::Error(kind),
                }
            }
        }
    }};
}

mod parity_reads;
mod parity_writes;

/// What an interface answered, in a form all four can be compared in.
#[derive(Debug, Clone, PartialEq)]
enum Answer {
    /// A list: the resource names in the order given.
    Names(Vec<String>),
    /// An analysis: one `actor issue position` line per row, sorted.
    Rows(Vec<String>),
    /// A forecast: (dimension, forecast) per dimension.
    Outcome(Vec<(String, f64)>),
    /// The report, as the JSON text the interface gave.
    Text(String),
    /// A failure: the engine's error kind (`not_found`).
    Error(String),
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn table() -> Table {
    let text = std::fs::read_to_string(root().join("tests/parity/questions.json")).expect("table");
    serde_json::from_str(&text).expect("table json")
}

// ------------------------------------------------------------------------------ the table

/// Seeds `location` through the CLI (the seed files, in order: revisions 1 and 2).
fn seed(location: &str, table: &Table) {
    for file in &table.seed {
        let out = Command::new(env!("CARGO_BIN_EXE_polemos"))
            .args(["--db", location, "import"])
            .arg(root().join(file))
            .output()
            .expect("run polemos import");
        assert!(
            out.status.success(),
            "seeding {file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A gRPC server on 127.0.0.1:0 over `store`, with an admin key (polemos-grpc-testkit).
async fn serve(store: Arc<dyn Store>) -> Server {
    let options = grpc::Options {
        limits: Limits {
            poll_interval: Duration::from_millis(50),
            ..Limits::default()
        },
        ..grpc::Options::default()
    };
    Server::serve(store, options).await
}

/// Runs the whole table through the three Rust-side interfaces on the store at `location`.
async fn run_table(location: &str) {
    let table = table();
    seed(location, &table);
    // Store calls run on the blocking pool, as the server makes them: PostgreSQL's synchronous
    // client may not be driven from an async task.
    let at = location.to_owned();
    let store: Arc<dyn Store> = tokio::task::spawn_blocking(move || {
        Arc::from(polemos_engine::open(&at, Access::ReadOnly).expect("open store"))
    })
    .await
    .expect("open task");

    let server = serve(Arc::clone(&store)).await;
    let channel = server.channel().await;
    let mut dossiers =
        DossierServiceClient::with_interceptor(channel.clone(), Auth::key(&server.admin));
    let mut analyses =
        AnalysisServiceClient::with_interceptor(channel.clone(), Auth::key(&server.admin));
    let mut watch = ChangeServiceClient::with_interceptor(channel, Auth::key(&server.admin));

    let mut failures = Vec::new();
    for q in &table.questions {
        let (s, question) = (Arc::clone(&store), q.clone());
        let engine =
            tokio::task::spawn_blocking(move || parity_reads::engine::answer(&*s, &question))
                .await
                .expect("engine task");
        // What the table itself pins, so four interfaces agreeing on a wrong answer still fail.
        match (&engine, &q.error, q.count, q.peace_treaty) {
            (Answer::Error(kind), Some(want), _, _) if kind == want => {}
            (answer, Some(want), _, _) => {
                failures.push(format!(
                    "{}: engine gave {answer:?}, the table says {want}",
                    q.id
                ));
            }
            (Answer::Error(kind), None, _, _) => {
                failures.push(format!("{}: engine failed with {kind}", q.id));
            }
            (Answer::Names(names) | Answer::Rows(names), None, Some(count), _)
                if names.len() != count =>
            {
                failures.push(format!(
                    "{}: engine listed {} ({names:?}), the table says {count}",
                    q.id,
                    names.len()
                ));
            }
            (Answer::Text(report), None, Some(count), _) => {
                let json: serde_json::Value = serde_json::from_str(report).expect("report json");
                let stances = json["stances"].as_array().map_or(0, Vec::len);
                if stances != count {
                    failures.push(format!(
                        "{}: the report has {stances} current stances, the table says {count}",
                        q.id
                    ));
                }
            }
            (Answer::Outcome(outcome), None, _, Some(want)) => {
                let got = outcome
                    .iter()
                    .find(|(d, _)| d == "peace-treaty")
                    .map(|x| x.1);
                if got.is_none_or(|g| (g - want).abs() > 1e-9) {
                    failures.push(format!(
                        "{}: peace-treaty {got:?}, the table says {want}",
                        q.id
                    ));
                }
            }
            _ => {}
        }
        if let (Answer::Text(text), Some(start)) = (&engine, &q.starts_with)
            && !text.starts_with(start.as_str())
        {
            failures.push(format!(
                "{}: the report starts {:?}",
                q.id,
                &text[..40.min(text.len())]
            ));
        }
        if let (Answer::Outcome(outcome), Some(want)) = (&engine, q.spread) {
            let spreads: Vec<f64> = outcome
                .iter()
                .filter(|(what, _)| what.ends_with(" std_dev"))
                .map(|x| x.1)
                .collect();
            if spreads.is_empty() || spreads.iter().any(|sd| (sd - want).abs() > 1e-12) {
                failures.push(format!(
                    "{}: standard deviations {spreads:?}, the table says {want}",
                    q.id
                ));
            }
        }
        if let (Answer::Outcome(outcome), Some(want)) = (&engine, q.in_range) {
            let got = outcome
                .iter()
                .find(|(what, _)| what == "peace-treaty in range")
                .map(|x| x.1);
            if got.is_none_or(|p| (p - want).abs() > 1e-12) {
                failures.push(format!(
                    "{}: share in range {got:?}, the table says {want}",
                    q.id
                ));
            }
        }
        if let (Answer::Names(got), Some(at)) = (&engine, q.written_at)
            && got.get(1) != Some(&at.to_string())
        {
            failures.push(format!("{}: engine read {got:?}, written at {at}", q.id));
        }
        if q.changes_after.is_some() {
            let cli = parity_reads::cli::changes(location, q);
            if cli != engine {
                failures.push(format!("{}: CLI {cli:?} != engine {engine:?}", q.id));
            }
        } else if q.get.is_none() {
            let cli = parity_reads::cli::answer(location, q);
            if cli != engine {
                failures.push(format!("{}: CLI {cli:?} != engine {engine:?}", q.id));
            }
        }
        // gRPC's unsigned fields cannot carry a negative count or seed (see `Question::draws`).
        let wire_carries_it = q.draws.is_none_or(|d| d >= 0) && q.seed.is_none_or(|s| s >= 0);
        if wire_carries_it {
            let grpc = if q.changes_after.is_some() {
                parity_reads::grpc::changes(&mut watch, q).await
            } else {
                parity_reads::grpc::answer(&mut dossiers, &mut analyses, q).await
            };
            if grpc != engine {
                failures.push(format!("{}: gRPC {grpc:?} != engine {engine:?}", q.id));
            }
        }
    }
    server.stop().await;
    tokio::task::spawn_blocking(move || drop(store))
        .await
        .expect("close task");
    no_disagreements(&failures);
}

/// Fails with every disagreement found, one a line.
fn no_disagreements(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} disagreement(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_interface_answers_the_table_alike_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("parity.db");
    run_table(db.to_str().expect("utf-8 path")).await;
}

/// A plain test that starts its own runtime: the cluster's set-up uses PostgreSQL's
/// synchronous client, which may not run inside an async task.
#[test]
fn every_interface_answers_the_table_alike_on_postgres() {
    let test = "every_interface_answers_the_table_alike_on_postgres";
    let Some(cluster) = polemos_store_testkit::pg_harness::PgCluster::shared(test) else {
        return;
    };
    let url = cluster.fresh_database().expect("database");
    runtime().block_on(run_table(&url));
}

/// Ingest and curation (the table's `ingest` and `curation`), each question on fresh SQLite files.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_interface_ingests_and_curates_alike_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let next = std::sync::atomic::AtomicUsize::new(0);
    let fresh = || {
        let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        dir.path().join(format!("w{n}.db")).display().to_string()
    };
    let failures = parity_writes::run_writes(&fresh).await;
    no_disagreements(&failures);
}

/// The same on PostgreSQL, a fresh database a question and interface.
#[test]
fn every_interface_ingests_and_curates_alike_on_postgres() {
    let test = "every_interface_ingests_and_curates_alike_on_postgres";
    let Some(cluster) = polemos_store_testkit::pg_harness::PgCluster::shared(test) else {
        return;
    };
    let fresh = || cluster.fresh_database().expect("database");
    let failures = runtime().block_on(parity_writes::run_writes(&fresh));
    no_disagreements(&failures);
}

/// Extraction (the table's `extract`): nothing is stored, so one run (on the memory store).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_interface_extracts_alike() {
    no_disagreements(&parity_writes::extract::run_extract().await);
}

/// Create, update and delete (the table's `edits`), each question on fresh SQLite files.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_interface_edits_alike_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let next = std::sync::atomic::AtomicUsize::new(0);
    let fresh = || {
        let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        dir.path().join(format!("e{n}.db")).display().to_string()
    };
    let failures = parity_writes::edits::run_edits(&fresh).await;
    no_disagreements(&failures);
}

/// The same on PostgreSQL, a fresh database a question and interface.
#[test]
fn every_interface_edits_alike_on_postgres() {
    let test = "every_interface_edits_alike_on_postgres";
    let Some(cluster) = polemos_store_testkit::pg_harness::PgCluster::shared(test) else {
        return;
    };
    let fresh = || cluster.fresh_database().expect("database");
    let failures = runtime().block_on(parity_writes::edits::run_edits(&fresh));
    no_disagreements(&failures);
}

/// The analyses the table asks (`report`: the dispute report, as JSON).
const ANALYSES: [&str; 7] = [
    "stances",
    "coalitions",
    "shifts",
    "agreement",
    "deadlocks",
    "series",
    "report",
];

/// Every kind of the table is one the engine knows, so a typo in the table cannot pass as an
/// answer that all interfaces agree on.
#[test]
fn the_table_names_real_collections_and_models() {
    for q in table().questions {
        if let Some(name) = &q.get {
            assert!(Kind::of_name(name).is_some(), "{}: {name}", q.id);
            continue;
        }
        if q.changes_after.is_some() {
            continue;
        }
        match (&q.list, &q.analysis, &q.forecast) {
            (Some(list), None, None) => {
                let kind = polemos_engine::list::kind_of(list).expect("a collection");
                assert!(Kind::ALL.contains(&kind));
            }
            (None, Some(analysis), None) => {
                assert!(ANALYSES.contains(&analysis.as_str()), "{}", q.id)
            }
            (None, None, Some(model)) => {
                polemos_engine::forecast::model(model, None).expect("a model");
            }
            _ => panic!("{}: exactly one of list, analysis and forecast", q.id),
        }
    }
}

/// AIP-134: an update without a mask replaces only the fields the request sets; `*` replaces
/// them all. (It used to wipe the aliases and codes a caller did not send.)
#[tokio::test]
async fn update_without_a_mask_keeps_what_it_does_not_set() {
    let store: Arc<dyn Store> = Arc::from(polemos_store::open("memory:").expect("store"));
    let text = std::fs::read_to_string(root().join("examples/dossiers/kuril-islands.json"))
        .expect("dossier");
    polemos_engine::import(&*store, &text, "test").expect("import");
    let server = serve(Arc::clone(&store)).await;
    let mut d =
        DossierServiceClient::with_interceptor(server.channel().await, Auth::key(&server.admin));
    let before = d
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
            revision: None,
        })
        .await
        .expect("get")
        .into_inner()
        .actor
        .expect("actor");
    assert!(
        !before.aliases.is_empty(),
        "the reference actor has aliases"
    );

    let renamed = d
        .update_actor(pb::UpdateActorRequest {
            actor: Some(pb::Actor {
                name: "actors/JPN".into(),
                display_name: "Nippon".into(),
                ..Default::default()
            }),
            update_mask: None,
        })
        .await
        .expect("update without a mask")
        .into_inner()
        .actor
        .expect("actor");
    assert_eq!(renamed.display_name, "Nippon");
    assert_eq!(renamed.aliases, before.aliases, "aliases kept");
    assert_eq!(renamed.codes, before.codes, "codes kept");
    assert_eq!(renamed.kind, before.kind, "kind kept");

    let replaced = d
        .update_actor(pb::UpdateActorRequest {
            actor: Some(pb::Actor {
                name: "actors/JPN".into(),
                kind: before.kind,
                display_name: "Japan".into(),
                ..Default::default()
            }),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["*".into()],
            }),
        })
        .await
        .expect("update with *")
        .into_inner()
        .actor
        .expect("actor");
    assert_eq!(replaced.display_name, "Japan");
    assert!(replaced.aliases.is_empty(), "`*` replaces every field");

    server.stop().await;
}
