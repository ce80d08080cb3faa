//! Parity of extraction (`extract` in `tests/parity/questions.json`): one text through the engine
//! (`polemos_engine::extract`), `polemos extract --json` and the gRPC `Extract`, nothing stored.
//! Not a write, but like the writes it needs no shared store. The answer is the document's name
//! and how many stances and (asserted) events were read, which the table pins, or the error
//! kind. The Python Engine and Client answer the same questions in `python/tests/test_parity.py`.

use polemos_proto::v1 as pb;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use serde::Deserialize;

use super::{Auth, cli, cli_kind, kind_of_status, root, serve};

#[derive(Debug, Clone, Deserialize)]
pub struct ExtractQuestion {
    id: String,
    published: String,
    text: String,
    stances: Option<usize>,
    events: Option<usize>,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Table {
    extract: Vec<ExtractQuestion>,
}

fn table() -> Table {
    let text = std::fs::read_to_string(root().join("tests/parity/questions.json")).expect("table");
    serde_json::from_str(&text).expect("table json")
}

fn answer(document: &str, stances: usize, events: usize) -> Result<String, String> {
    Ok(format!("{document} {stances} stances {events} events"))
}

fn engine_extract(q: &ExtractQuestion) -> Result<String, String> {
    let ex = polemos_extract::Extractor::new().expect("extractor");
    let meta = polemos_extract::ArticleMeta {
        published: Some(
            polemos_engine::names::parse_date("published", &q.published).expect("date"),
        ),
        ..polemos_extract::ArticleMeta::default()
    };
    match polemos_engine::extract::facts(&ex, q.text.as_bytes(), &meta) {
        Ok(f) => answer(
            f.documents[0].name.as_str(),
            f.stances.len(),
            f.events.len(),
        ),
        Err(e) => Err(e.kind().as_str().to_owned()),
    }
}

fn cli_extract(q: &ExtractQuestion) -> Result<String, String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("article.txt");
    std::fs::write(&path, &q.text).expect("write text");
    let out = cli(&[
        "--json".into(),
        "extract".into(),
        "--published".into(),
        q.published.clone(),
        path.display().to_string(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line: serde_json::Value =
        serde_json::from_str(stdout.lines().next().expect("one line")).expect("a JSON line");
    if !out.status.success() {
        let kind = cli_kind(&out);
        assert_eq!(line["kind"].as_str(), Some(kind.as_str()), "{line}");
        return Err(kind);
    }
    let x = &line["extraction"];
    let asserted = x["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["negated"] != true)
        .count();
    answer(
        x["document"]["name"].as_str().expect("document name"),
        x["stances"].as_array().expect("stances").len(),
        asserted,
    )
}

async fn grpc_extract(q: &ExtractQuestion) -> Result<String, String> {
    let store = std::sync::Arc::from(polemos_store::open("memory:").expect("memory store"));
    let server = serve(store).await;
    let mut client =
        ExtractionServiceClient::with_interceptor(server.channel().await, Auth::key(&server.admin));
    let reply = client
        .extract(pb::ExtractRequest {
            document: Some(pb::Document {
                text: q.text.clone(),
                published: q.published.clone(),
                ..Default::default()
            }),
        })
        .await;
    server.stop().await;
    match reply {
        Ok(r) => {
            let f = r.into_inner().facts.expect("facts");
            answer(&f.documents[0].name, f.stances.len(), f.events.len())
        }
        Err(status) => Err(kind_of_status(&status)),
    }
}

/// Asks every extract question through the engine, the CLI and gRPC; returns the disagreements
/// and the answers that differ from what the table pins.
pub async fn run_extract() -> Vec<String> {
    let mut failures = Vec::new();
    for q in table().extract {
        let engine = {
            let q = q.clone();
            tokio::task::spawn_blocking(move || engine_extract(&q))
                .await
                .expect("engine task")
        };
        let pinned = match (&engine, &q.error) {
            (Err(kind), Some(want)) => kind == want,
            (Ok(a), None) => {
                q.stances
                    .is_none_or(|n| a.contains(&format!(" {n} stances ")))
                    && q.events
                        .is_none_or(|n| a.ends_with(&format!(" {n} events")))
            }
            _ => false,
        };
        if !pinned {
            failures.push(format!(
                "{}: engine {engine:?}, the table says error {:?}, {:?} stances, {:?} events",
                q.id, q.error, q.stances, q.events
            ));
        }
        let cli = {
            let q = q.clone();
            tokio::task::spawn_blocking(move || cli_extract(&q))
                .await
                .expect("cli task")
        };
        if cli != engine {
            failures.push(format!("{}: CLI {cli:?} != engine {engine:?}", q.id));
        }
        let grpc = grpc_extract(&q).await;
        if grpc != engine {
            failures.push(format!("{}: gRPC {grpc:?} != engine {engine:?}", q.id));
        }
    }
    failures
}
