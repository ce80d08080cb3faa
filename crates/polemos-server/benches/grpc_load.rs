//! Load generator for the gRPC stack: throughput and p50/p99 latency of Get, List and Extract at
//! a fixed number of concurrent client streams over loopback, against the real handlers on an
//! SQLite store holding the reference dossier, and in the same run against the same stack
//! (transport, concurrency limit, authentication, metrics) with empty handlers as the ceiling.
//!
//! `cargo bench -p polemos-server --bench grpc_load` (env: `LOAD_SECONDS`, `LOAD_CONCURRENCY`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use polemos_core::Dossier;
use polemos_proto::v1 as pb;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_proto::v1::dossier_service_server::DossierService;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use polemos_proto::v1::extraction_service_server::ExtractionService;
use polemos_server::grpc::{self, Handlers, Keys, Options, Shared, auth};
use polemos_store::{Store, WriteBatch};
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;
use tonic::{Request, Response, Status};

const KURIL: &str = include_str!("../../../examples/dossiers/kuril-islands.json");
const ARTICLE: &str = include_str!("../../../tests/fixtures/kuril-2018.txt");

/// Handlers that answer at once with an empty message: the stack's ceiling.
#[derive(Clone)]
struct Empty;

#[tonic::async_trait]
impl DossierService for Empty {
    async fn get_actor(&self, _: Request<pb::GetActorRequest>) -> Result<Response<pb::GetActorResponse>, Status> {
        Ok(Response::new(pb::GetActorResponse::default()))
    }
    async fn list_stances(&self, _: Request<pb::ListStancesRequest>) -> Result<Response<pb::ListStancesResponse>, Status> {
        Ok(Response::new(pb::ListStancesResponse::default()))
    }
}

#[tonic::async_trait]
impl ExtractionService for Empty {
    async fn extract(&self, _: Request<pb::ExtractRequest>) -> Result<Response<pb::ExtractResponse>, Status> {
        Ok(Response::new(pb::ExtractResponse::default()))
    }
}

struct Stats {
    calls: u64,
    errors: u64,
    seconds: f64,
    hist: Histogram<u64>,
}

impl Stats {
    fn rate(&self) -> f64 {
        self.calls as f64 / self.seconds
    }
    fn ms(&self, q: f64) -> f64 {
        self.hist.value_at_quantile(q) as f64 / 1000.0
    }
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Get,
    List,
    Extract,
}

async fn start(real: bool, key: &str) -> (String, tokio::sync::oneshot::Sender<()>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let store: Arc<dyn Store> = Arc::from(polemos_store::open(db.to_str().expect("utf-8 path")).expect("store"));
    let dossier = Dossier::from_json(KURIL).expect("dossier");
    store.commit(WriteBatch::from_dossier(&dossier, "bench")).expect("import");
    let mut keys = Keys::default();
    keys.add_env(&format!("admin:{}", auth::hash(key))).expect("key");
    let options = Options { keys, ..Options::default() };
    let shared = Shared::new(store, options.limits.clone()).expect("shared");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let stop = async {
        let _ = rx.await;
    };
    if real {
        tokio::spawn(grpc::run(shared, options, incoming, stop));
    } else {
        tokio::spawn(grpc::run_with(shared, options, Handlers { dossier: Empty, extraction: Empty }, incoming, stop));
    }
    (url, tx, dir)
}

async fn load(url: &str, key: &str, op: Op, concurrency: usize, seconds: f64) -> Stats {
    // One HTTP/2 connection per 8 client streams, as a pooled client would hold.
    let mut channels = Vec::new();
    for _ in 0..concurrency.div_ceil(8) {
        channels.push(Channel::from_shared(url.to_owned()).expect("url").connect().await.expect("connect"));
    }
    let header: MetadataValue<_> = format!("Bearer {key}").parse().expect("header");
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..concurrency {
        let channel = channels[i % channels.len()].clone();
        let header = header.clone();
        tasks.push(tokio::spawn(async move {
            let mut dossier = DossierServiceClient::new(channel.clone());
            let mut extraction = ExtractionServiceClient::new(channel);
            let mut hist = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).expect("histogram");
            let (mut calls, mut errors) = (0u64, 0u64);
            while Instant::now() < deadline {
                let t = Instant::now();
                let ok = match op {
                    Op::Get => {
                        let mut r = Request::new(pb::GetActorRequest { name: "actors/JPN".into() });
                        r.metadata_mut().insert("authorization", header.clone());
                        dossier.get_actor(r).await.is_ok()
                    }
                    Op::List => {
                        let mut r = Request::new(pb::ListStancesRequest { page_size: 10, ..Default::default() });
                        r.metadata_mut().insert("authorization", header.clone());
                        dossier.list_stances(r).await.is_ok()
                    }
                    Op::Extract => {
                        let doc = pb::Document { text: ARTICLE.into(), published: "2018-11-15".into(), ..Default::default() };
                        let mut r = Request::new(pb::ExtractRequest { document: Some(doc) });
                        r.metadata_mut().insert("authorization", header.clone());
                        extraction.extract(r).await.is_ok()
                    }
                };
                let us = u64::try_from(t.elapsed().as_micros()).unwrap_or(u64::MAX).max(1);
                let _ = hist.record(us);
                calls += 1;
                if !ok {
                    errors += 1;
                }
            }
            (calls, errors, hist)
        }));
    }
    let mut total = Stats {
        calls: 0,
        errors: 0,
        seconds: 0.0,
        hist: Histogram::new_with_bounds(1, 60_000_000, 3).expect("histogram"),
    };
    for t in tasks {
        let (calls, errors, hist) = t.await.expect("client task");
        total.calls += calls;
        total.errors += errors;
        total.hist.add(hist).expect("merge");
    }
    total.seconds = started.elapsed().as_secs_f64();
    total
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing useful either way.
    let seconds: f64 = std::env::var("LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    let concurrency: usize = std::env::var("LOAD_CONCURRENCY").ok().and_then(|s| s.parse().ok()).unwrap_or(64);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let key = auth::generate().expect("key");
        let (real_url, real_stop, _d1) = start(true, &key).await;
        let (empty_url, empty_stop, _d2) = start(false, &key).await;
        println!("gRPC load: {concurrency} concurrent streams, {seconds} s per run, loopback, auth on");
        println!();
        println!("| RPC | handler | calls/s | p50 ms | p99 ms | errors | real/empty |");
        println!("|---|---|---:|---:|---:|---:|---:|");
        for op in [Op::Get, Op::List, Op::Extract] {
            // Warm up both once, then measure.
            let _ = load(&real_url, &key, op, concurrency, 0.3).await;
            let _ = load(&empty_url, &key, op, concurrency, 0.3).await;
            let real = load(&real_url, &key, op, concurrency, seconds).await;
            let empty = load(&empty_url, &key, op, concurrency, seconds).await;
            for (name, s) in [("real", &real), ("empty", &empty)] {
                println!(
                    "| {op:?} | {name} | {:.0} | {:.2} | {:.2} | {} | {} |",
                    s.rate(),
                    s.ms(0.5),
                    s.ms(0.99),
                    s.errors,
                    if name == "real" { format!("{:.0} %", 100.0 * real.rate() / empty.rate()) } else { String::new() }
                );
            }
        }
        let _ = real_stop.send(());
        let _ = empty_stop.send(());
    });
}
