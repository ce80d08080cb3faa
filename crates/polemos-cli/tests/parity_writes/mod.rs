//! Parity of the writes: ingest (`ingest` in `tests/parity/questions.json`) and curation
//! (`curation`). Each question runs on a fresh store per interface (a write changes the store),
//! and each interface's answer must equal the engine's; the table pins the statuses, error kinds
//! and issue counts. The Python Engine and Client answer the same questions in
//! `python/tests/test_parity.py`.

pub mod edits;
pub mod extract;

use std::process::Command;

use polemos_engine::{Access, Filter, curation, ingest};
use polemos_proto::v1 as pb;
use polemos_proto::v1::curation_service_client::CurationServiceClient;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use polemos_store::{Kind, Store};
use serde::Deserialize;
use tonic::Code;

use super::{Auth, full, kind_of_status, root, serve};

#[derive(Debug, Deserialize)]
struct Writes {
    ingest: Vec<IngestQuestion>,
    curation_seed: Vec<String>,
    curation: Vec<CurationQuestion>,
}

#[derive(Debug, Clone, Deserialize)]
struct IngestQuestion {
    id: String,
    published: String,
    texts: Vec<String>,
    status: Vec<String>,
    #[serde(default)]
    errors: Vec<Option<String>>,
}

#[derive(Debug, Clone, Deserialize)]
struct CurationQuestion {
    id: String,
    curate: String,
    dispute: String,
    new_name: Option<String>,
    title: Option<String>,
    into: Option<String>,
    issues: Option<usize>,
    error: Option<String>,
}

fn writes() -> Writes {
    let text = std::fs::read_to_string(root().join("tests/parity/questions.json")).expect("table");
    serde_json::from_str(&text).expect("table json")
}

fn cli(args: &[String]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(args)
        .output()
        .expect("run polemos")
}

/// The error kind of a failed `polemos` run, by its exit code (docs/engine.md); 4 is shared by
/// `already_exists` and `failed_precondition`, told apart by the message.
fn cli_kind(out: &std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(2) => "invalid_argument",
        Some(3) => "not_found",
        Some(4) if stderr.contains("already exists") => "already_exists",
        Some(4) => "failed_precondition",
        other => panic!("polemos failed with {other:?}: {stderr}"),
    }
    .to_owned()
}

fn open(location: &str) -> Box<dyn Store> {
    polemos_engine::open(location, Access::ReadWrite).expect("open store")
}

// ------------------------------------------------------------------------------ ingest

fn stored(
    document: &str,
    stances: impl std::fmt::Display,
    events: impl std::fmt::Display,
) -> String {
    format!("stored {document} {stances} stances {events} events")
}

fn engine_ingest(location: &str, q: &IngestQuestion) -> Vec<String> {
    let store = open(location);
    let ex = polemos_extract::Extractor::new().expect("extractor");
    let meta = polemos_extract::ArticleMeta {
        published: Some(
            polemos_engine::names::parse_date("published", &q.published).expect("date"),
        ),
        ..polemos_extract::ArticleMeta::default()
    };
    let texts: Vec<&str> = q.texts.iter().map(String::as_str).collect();
    ingest::ingest_texts(
        &*store,
        &ex,
        &texts,
        &meta,
        ingest::IngestOptions::default(),
        2,
    )
    .into_iter()
    .map(|r| match r.outcome {
        ingest::Outcome::Committed {
            document,
            stances,
            events,
            ..
        } => stored(&document, stances, events),
        ingest::Outcome::Unchanged { document } => format!("already stored {document}"),
        ingest::Outcome::Failed { error } => format!("failed {}", error.kind().as_str()),
    })
    .collect()
}

fn cli_ingest(location: &str, q: &IngestQuestion) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut args: Vec<String> = vec![
        "--db".into(),
        location.into(),
        "--json".into(),
        "ingest".into(),
        "--published".into(),
        q.published.clone(),
    ];
    for (i, text) in q.texts.iter().enumerate() {
        let path = dir.path().join(format!("{i}.txt"));
        std::fs::write(&path, text).expect("write text");
        args.push(path.display().to_string());
    }
    let out = cli(&args);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let document = v["document"].as_str().unwrap_or_default();
            match v["status"].as_str().expect("status") {
                "stored" => stored(document, &v["stances"], &v["events"]),
                "already stored" => format!("already stored {document}"),
                _ => format!("failed {}", v["kind"].as_str().expect("kind")),
            }
        })
        .collect()
}

async fn grpc_ingest(location: &str, q: &IngestQuestion) -> Vec<String> {
    let store: std::sync::Arc<dyn Store> = {
        let at = location.to_owned();
        tokio::task::spawn_blocking(move || std::sync::Arc::from(open(&at)))
            .await
            .expect("open task")
    };
    let server = serve(store).await;
    let mut client =
        ExtractionServiceClient::with_interceptor(server.channel().await, Auth::key(&server.admin));
    let requests: Vec<pb::IngestRequest> = q
        .texts
        .iter()
        .map(|text| pb::IngestRequest {
            document: Some(pb::Document {
                text: text.clone(),
                published: q.published.clone(),
                ..Default::default()
            }),
            document_only: false,
        })
        .collect();
    let mut replies = client
        .ingest(tokio_stream::iter(requests))
        .await
        .expect("ingest stream")
        .into_inner();
    let mut answers = Vec::new();
    while let Some(r) = tokio_stream::StreamExt::next(&mut replies).await {
        let r = r.expect("reply");
        answers.push(match pb::IngestOutcome::try_from(r.outcome) {
            Ok(pb::IngestOutcome::Created) => stored(&r.document, r.stances, r.events),
            Ok(pb::IngestOutcome::Duplicate) => format!("already stored {}", r.document),
            _ => format!(
                "failed {}",
                kind_of_status(&tonic::Status::new(Code::from_i32(r.error_code), ""))
            ),
        });
    }
    server.stop().await;
    answers
}

// ------------------------------------------------------------------------------ curation

/// What a curation left, as lines all interfaces can be compared in.
fn curated(
    dispute: &str,
    title: &str,
    proposed: bool,
    issues: &[String],
    moved: (u64, u64),
) -> Vec<String> {
    let mut lines = vec![
        format!("dispute {dispute}"),
        format!("title {title}"),
        format!("proposed {proposed}"),
    ];
    lines.extend(issues.iter().map(|i| format!("issue {i}")));
    lines.push(format!("moved {} stances {} events", moved.0, moved.1));
    lines
}

/// The disputes and issues stored after a curation, read the same way for every interface.
fn stored_names(location: &str) -> Vec<String> {
    let store = open(location);
    let mut out = Vec::new();
    for kind in [Kind::Dispute, Kind::Issue] {
        for r in polemos_engine::list(&*store, kind, &Filter::default()).expect("list") {
            out.push(format!("stored {}", polemos_store::record_name(&r.value)));
        }
    }
    out
}

fn engine_curate(location: &str, q: &CurationQuestion) -> Result<Vec<String>, String> {
    let store = open(location);
    let done = match q.curate.as_str() {
        "accept" => curation::accept(&*store, &q.dispute),
        "rename" => curation::rename(
            &*store,
            &q.dispute,
            q.new_name.as_deref(),
            q.title.as_deref(),
        ),
        "merge" => curation::merge(&*store, &q.dispute, q.into.as_deref().unwrap_or_default()),
        other => panic!("{}: unknown curation {other}", q.id),
    }
    .map_err(|e| e.kind().as_str().to_owned())?;
    let issues: Vec<String> = done.issues.iter().map(ToString::to_string).collect();
    Ok(curated(
        done.dispute.name.as_str(),
        &done.dispute.title,
        done.dispute.proposed,
        &issues,
        (done.stances as u64, done.events as u64),
    ))
}

fn cli_curate(location: &str, q: &CurationQuestion) -> Result<Vec<String>, String> {
    let mut args: Vec<String> = vec![
        "--db".into(),
        location.into(),
        "--json".into(),
        "disputes".into(),
        q.curate.clone(),
        q.dispute.clone(),
    ];
    for (flag, value) in [
        ("--to", &q.new_name),
        ("--title", &q.title),
        ("--into", &q.into),
    ] {
        if let Some(v) = value {
            args.extend([flag.to_owned(), v.clone()]);
        }
    }
    let out = cli(&args);
    if !out.status.success() {
        return Err(cli_kind(&out));
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let issues: Vec<String> = v["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .map(|i| i.as_str().expect("issue").to_owned())
        .collect();
    Ok(curated(
        v["dispute"].as_str().expect("dispute"),
        v["title"].as_str().expect("title"),
        v["proposed"].as_bool().expect("proposed"),
        &issues,
        (
            v["stances"].as_u64().expect("stances"),
            v["events"].as_u64().expect("events"),
        ),
    ))
}

async fn grpc_curate(location: &str, q: &CurationQuestion) -> Result<Vec<String>, String> {
    let store: std::sync::Arc<dyn Store> = {
        let at = location.to_owned();
        tokio::task::spawn_blocking(move || std::sync::Arc::from(open(&at)))
            .await
            .expect("open task")
    };
    let server = serve(store).await;
    let mut c =
        CurationServiceClient::with_interceptor(server.channel().await, Auth::key(&server.admin));
    let name = full("disputes", Some(&q.dispute));
    let reply = match q.curate.as_str() {
        "accept" => c
            .accept_dispute(pb::AcceptDisputeRequest { name })
            .await
            .map(|r| r.into_inner().result),
        "rename" => c
            .rename_dispute(pb::RenameDisputeRequest {
                name,
                new_name: full("disputes", q.new_name.as_ref()),
                title: q.title.clone().unwrap_or_default(),
            })
            .await
            .map(|r| r.into_inner().result),
        "merge" => c
            .merge_dispute(pb::MergeDisputeRequest {
                name,
                into: full("disputes", q.into.as_ref()),
            })
            .await
            .map(|r| r.into_inner().result),
        other => panic!("{}: unknown curation {other}", q.id),
    };
    server.stop().await;
    let r = reply.map_err(|s| kind_of_status(&s))?.expect("a result");
    let d = r.dispute.expect("dispute");
    Ok(curated(
        &d.name,
        &d.title,
        d.proposed,
        &r.issues,
        (u64::from(r.stances), u64::from(r.events)),
    ))
}

// ------------------------------------------------------------------------------ the runs

/// Asks every write question through the engine, the CLI and gRPC, each on a fresh store from
/// `fresh` (a location), and returns the disagreements.
pub async fn run_writes(fresh: &(dyn Fn() -> String + Sync)) -> Vec<String> {
    // PostgreSQL's synchronous client makes the fresh databases: not on an async worker as is.
    let make = fresh;
    let fresh = || tokio::task::block_in_place(make);
    let table = writes();
    let mut failures = Vec::new();
    for q in &table.ingest {
        let engine = {
            let (at, q) = (fresh(), q.clone());
            tokio::task::spawn_blocking(move || engine_ingest(&at, &q))
                .await
                .expect("engine task")
        };
        let statuses: Vec<String> = engine
            .iter()
            .map(|a| {
                ["already stored", "stored", "failed"]
                    .into_iter()
                    .find(|s| a.starts_with(s))
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        if statuses != q.status {
            failures.push(format!(
                "{}: engine {engine:?}, the table says {:?}",
                q.id, q.status
            ));
        }
        for (i, want) in q.errors.iter().enumerate() {
            if let Some(kind) = want
                && engine.get(i) != Some(&format!("failed {kind}"))
            {
                failures.push(format!(
                    "{}: text {i} should fail with {kind}: {engine:?}",
                    q.id
                ));
            }
        }
        let at = fresh();
        let cli = {
            let (at, q) = (at.clone(), q.clone());
            tokio::task::spawn_blocking(move || cli_ingest(&at, &q))
                .await
                .expect("cli task")
        };
        if cli != engine {
            failures.push(format!("{}: CLI {cli:?} != engine {engine:?}", q.id));
        }
        let grpc = grpc_ingest(&fresh(), q).await;
        if grpc != engine {
            failures.push(format!("{}: gRPC {grpc:?} != engine {engine:?}", q.id));
        }
    }
    for q in &table.curation {
        let seeded = || {
            let at = fresh();
            for file in &table.curation_seed {
                let out = cli(&[
                    "--db".into(),
                    at.clone(),
                    "import".into(),
                    root().join(file).display().to_string(),
                ]);
                assert!(
                    out.status.success(),
                    "seeding {file}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            at
        };
        let answer = |at: &str, result: Result<Vec<String>, String>| {
            result.map(|mut lines| {
                lines.extend(stored_names(at));
                lines
            })
        };
        let at = seeded();
        let engine = {
            let (at, q) = (at.clone(), q.clone());
            tokio::task::spawn_blocking(move || answer(&at, engine_curate(&at, &q)))
                .await
                .expect("engine task")
        };
        match (&engine, &q.error, q.issues) {
            (Err(kind), Some(want), _) if kind == want => {}
            (Ok(lines), None, Some(n))
                if lines.iter().filter(|l| l.starts_with("issue ")).count() == n => {}
            (got, _, _) => failures.push(format!(
                "{}: engine {got:?}, the table says error {:?}, {:?} issues",
                q.id, q.error, q.issues
            )),
        }
        let at = seeded();
        let cli = {
            let (at, q) = (at.clone(), q.clone());
            tokio::task::spawn_blocking(move || answer(&at, cli_curate(&at, &q)))
                .await
                .expect("cli task")
        };
        if cli != engine {
            failures.push(format!("{}: CLI {cli:?} != engine {engine:?}", q.id));
        }
        let at = seeded();
        let grpc = grpc_curate(&at, q).await;
        let grpc = {
            let at = at.clone();
            tokio::task::spawn_blocking(move || answer(&at, grpc))
                .await
                .expect("read task")
        };
        if grpc != engine {
            failures.push(format!("{}: gRPC {grpc:?} != engine {engine:?}", q.id));
        }
    }
    failures
}
