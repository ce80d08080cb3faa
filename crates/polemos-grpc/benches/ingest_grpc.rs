//! Extract and Ingest through gRPC (loopback, one stream / concurrent unary calls) against the
//! same work in process (`polemos_engine::ingest::ingest_texts` and the extractor on every
//! core), in alternating rounds on fresh SQLite stores, so the ratio is of one run on one load.
//! Issue 18's floor is gRPC ≥ 0.9 of in-process.
//!
//! `cargo bench -p polemos-grpc --bench ingest_grpc` (env: `INGEST_DOCS` [48] documents a
//! round, `INGEST_ROUNDS` [3] rounds of each, `INGEST_IN_FLIGHT` [2 × cores] Extract calls in
//! flight).

use std::sync::Arc;
use std::time::{Duration, Instant};

use polemos_engine::ingest;
use polemos_extract::{ArticleMeta, Extractor};
use polemos_grpc::{self as grpc, Keys, Limits, Shared, auth};
use polemos_proto::v1 as pb;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use polemos_store::Store;
use tokio_stream::StreamExt;
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;

mod support;
use support::{cpu, env_or};

const ARTICLE: &str = include_str!("../../../tests/fixtures/kuril-2018.txt");

/// `n` distinct texts (each a different content hash) of the reference article's size.
fn texts(n: usize, round: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("{ARTICLE}\nRound {round}, copy {i}."))
        .collect()
}

/// Wall and CPU time of one timed part.
#[derive(Default, Clone, Copy)]
struct Spent {
    wall: Duration,
    cpu: f64,
}

impl Spent {
    fn add(&mut self, (wall, cpu): (Duration, f64)) {
        self.wall += wall;
        self.cpu += cpu;
    }
}

fn store(dir: &std::path::Path, name: &str) -> Arc<dyn Store> {
    let path = dir.join(name);
    Arc::from(polemos_store::open(path.to_str().expect("utf-8 path")).expect("store"))
}

/// A server on 127.0.0.1:0 over `store`, its channel and admin key, and how to stop it.
async fn serve(store: Arc<dyn Store>) -> (Channel, String, tokio::sync::oneshot::Sender<()>) {
    let admin = auth::generate().expect("key");
    let mut keys = Keys::default();
    keys.add_env(&format!("admin:{}", auth::hash(&admin)))
        .expect("keys");
    let limits = Limits {
        max_text_bytes: 1 << 20,
        ..Limits::default()
    };
    let options = grpc::Options {
        keys,
        limits: limits.clone(),
        ..grpc::Options::default()
    };
    let shared = Shared::new(store, limits).expect("shared");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    // TCP_NODELAY, as `polemos serve` sets it: without it an Extract response larger than one
    // segment waits for the client's delayed ACK (40 ms on Linux), which measures Nagle's
    // algorithm, not the service.
    let incoming = tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true));
    tokio::spawn(grpc::run(shared, options, incoming, async {
        let _ = stopped.await;
    }));
    let channel = Channel::from_shared(url)
        .expect("url")
        .connect()
        .await
        .expect("connect");
    (channel, admin, stop)
}

fn document(text: &str) -> pb::Document {
    pb::Document {
        text: text.to_owned(),
        published: "2018-09-12".into(),
        ..Default::default()
    }
}

fn main() {
    let docs = env_or("INGEST_DOCS", 48);
    let rounds = env_or("INGEST_ROUNDS", 3);
    let jobs = std::thread::available_parallelism().map_or(1, usize::from);
    let in_flight = env_or("INGEST_IN_FLIGHT", 2 * jobs);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let extractor = Extractor::new().expect("extractor");
    let meta = ArticleMeta {
        published: chrono::NaiveDate::from_ymd_opt(2018, 9, 12),
        ..ArticleMeta::default()
    };
    let dir = tempfile::tempdir().expect("tempdir");
    // (in-process seconds, gRPC seconds) per operation, summed over the rounds.
    let (mut ingest_local, mut ingest_grpc) = (Spent::default(), Spent::default());
    let (mut extract_local, mut extract_grpc) = (Spent::default(), Spent::default());
    for round in 0..rounds {
        let batch = texts(docs, round);
        let refs: Vec<&str> = batch.iter().map(String::as_str).collect();

        // Ingest in process.
        let s = store(dir.path(), &format!("local{round}.db"));
        let (started, c) = (Instant::now(), cpu());
        let reports = ingest::ingest_texts(&*s, &extractor, &refs, &meta, Default::default(), jobs);
        ingest_local.add((started.elapsed(), cpu() - c));
        assert!(reports.iter().all(|r| r.outcome.status() == "stored"));

        // Extract in process, on every core.
        let (started, c) = (Instant::now(), cpu());
        let _ = polemos_extract::pipeline::ordered_map(
            refs.iter(),
            jobs,
            |t| {
                // The same work as the server's Extract: the extraction and its facts.
                let x = extractor.extract(t, &meta).expect("extract");
                polemos_extract::convert::to_dossier(extractor.knowledge(), &x, &meta)
                    .expect("facts")
            },
            |_| std::ops::ControlFlow::Continue(()),
        );
        extract_local.add((started.elapsed(), cpu() - c));

        // The same through gRPC.
        let s = store(dir.path(), &format!("grpc{round}.db"));
        let (ig, eg) = rt.block_on(async {
            let (channel, admin, stop) = serve(s).await;
            let key = MetadataValue::try_from(format!("Bearer {admin}")).expect("ascii");
            let mut client = ExtractionServiceClient::new(channel);
            let requests: Vec<pb::IngestRequest> = batch
                .iter()
                .map(|t| pb::IngestRequest {
                    document: Some(document(t)),
                    document_only: false,
                })
                .collect();
            // The server's extractor loads on first use: not part of what is compared.
            let mut warm = tonic::Request::new(pb::ExtractRequest {
                document: Some(document("Japan and Russia met.")),
            });
            warm.metadata_mut().insert("authorization", key.clone());
            client.extract(warm).await.expect("warm-up");
            let (started, c) = (Instant::now(), cpu());
            let mut req = tonic::Request::new(tokio_stream::iter(requests));
            req.metadata_mut().insert("authorization", key.clone());
            let replies: Vec<pb::IngestResponse> = client
                .ingest(req)
                .await
                .expect("ingest")
                .into_inner()
                .collect::<Result<Vec<_>, _>>()
                .await
                .expect("replies");
            let ig = (started.elapsed(), cpu() - c);
            assert!(
                replies
                    .iter()
                    .all(|r| r.outcome == pb::IngestOutcome::Created as i32)
            );
            // Extract: `in_flight` calls at a time, each caller taking the next document when
            // its call returns, as a client sending many articles would; the server extracts
            // on at most one call per core and queues the rest, so calls beyond the cores hide
            // the round trip (the in-process side likewise reads ahead of its workers).
            let shared_batch = Arc::new(batch.clone());
            let (started, c) = (Instant::now(), cpu());
            let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
            let mut calls = tokio::task::JoinSet::new();
            for _ in 0..in_flight {
                let (mut c, key) = (client.clone(), key.clone());
                let (next, batch) = (Arc::clone(&next), Arc::clone(&shared_batch));
                calls.spawn(async move {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(t) = batch.get(i) else { break };
                        let mut req = tonic::Request::new(pb::ExtractRequest {
                            document: Some(document(t)),
                        });
                        req.metadata_mut().insert("authorization", key.clone());
                        // Decoded into the facts, as the in-process side builds its dossier.
                        let facts = c.extract(req).await.expect("extract").into_inner().facts;
                        assert!(facts.is_some_and(|f| !f.documents.is_empty()));
                    }
                });
            }
            while calls.join_next().await.is_some() {}
            let eg = (started.elapsed(), cpu() - c);
            let _ = stop.send(());
            (ig, eg)
        });
        ingest_grpc.add(ig);
        extract_grpc.add(eg);
    }
    let total = (docs * rounds) as f64;
    let rate = |d: Duration| total / d.as_secs_f64();
    let per_cpu = |c: f64| if c > 0.0 { total / c } else { f64::NAN };
    println!(
        "{docs} documents x {rounds} rounds, {jobs} cores, {in_flight} Extract calls in flight, rounds alternating: documents per"
    );
    println!("second of wall clock, and per CPU-second of the whole process (server and client)");
    println!(
        "| operation | in process /s | gRPC /s | ratio | in process /CPU-s | gRPC /CPU-s | ratio |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (name, local, grpc) in [
        ("Ingest", ingest_local, ingest_grpc),
        ("Extract", extract_local, extract_grpc),
    ] {
        println!(
            "| {name} | {:.1} | {:.1} | {:.2} | {:.1} | {:.1} | {:.2} |",
            rate(local.wall),
            rate(grpc.wall),
            rate(grpc.wall) / rate(local.wall),
            per_cpu(local.cpu),
            per_cpu(grpc.cpu),
            per_cpu(grpc.cpu) / per_cpu(local.cpu)
        );
    }
}
