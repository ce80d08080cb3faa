//! Load generator for the gRPC stack: throughput and p50/p99 latency of Get, List and Extract at
//! a fixed number of concurrent client streams over loopback, against the real handlers on an
//! SQLite store holding the reference dossier, and in the same run against the same stack
//! (transport, concurrency limit, authentication, metrics) with empty handlers as the ceiling.
//!
//! `cargo bench -p polemos-server --bench grpc_load` (env: `LOAD_SECONDS` [3],
//! `LOAD_CONCURRENCY` [64], `LOAD_CONNECTIONS` [8], `LOAD_SERVER_WORKERS` and
//! `LOAD_CLIENT_WORKERS` [one per core], `LOAD_OPS` [get,list,extract]).

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
    async fn get_actor(
        &self,
        _: Request<pb::GetActorRequest>,
    ) -> Result<Response<pb::GetActorResponse>, Status> {
        Ok(Response::new(pb::GetActorResponse::default()))
    }
    async fn list_stances(
        &self,
        _: Request<pb::ListStancesRequest>,
    ) -> Result<Response<pb::ListStancesResponse>, Status> {
        Ok(Response::new(pb::ListStancesResponse::default()))
    }
}

#[tonic::async_trait]
impl ExtractionService for Empty {
    async fn extract(
        &self,
        _: Request<pb::ExtractRequest>,
    ) -> Result<Response<pb::ExtractResponse>, Status> {
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

/// A server (real or empty handlers) on its own multi-threaded runtime, as in `polemos serve`,
/// so the load generator's tasks do not share its workers' run queues. Returns its URL and a
/// handle that stops it.
struct Running {
    url: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn start(real: bool, key: &str, workers: usize) -> Running {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let store: Arc<dyn Store> =
        Arc::from(polemos_store::open(db.to_str().expect("utf-8 path")).expect("store"));
    let dossier = Dossier::from_json(KURIL).expect("dossier");
    store
        .commit(WriteBatch::from_dossier(&dossier, "bench"))
        .expect("import");
    let mut keys = Keys::default();
    keys.add_env(&format!("admin:{}", auth::hash(key)))
        .expect("key");
    let options = Options {
        keys,
        ..Options::default()
    };
    let shared = Shared::new(store, options.limits.clone()).expect("shared");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .thread_name(if real { "server-real" } else { "server-empty" })
        .enable_all()
        .build()
        .expect("server runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        runtime.block_on(async move {
            // As `polemos serve` does: TCP_NODELAY on accepted connections.
            let incoming =
                tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true));
            let stop = async {
                let _ = rx.await;
            };
            let served = if real {
                grpc::run(shared, options, incoming, stop).await
            } else {
                let handlers = Handlers {
                    dossier: Empty,
                    extraction: Empty,
                };
                grpc::run_with(shared, options, handlers, incoming, stop).await
            };
            served.expect("server ran");
        });
    });
    Running {
        url,
        stop: Some(tx),
        thread: Some(thread),
        _dir: dir,
    }
}

async fn load(
    url: &str,
    key: &str,
    op: Op,
    concurrency: usize,
    connections: usize,
    seconds: f64,
) -> Stats {
    // `concurrency` client streams multiplexed over `connections` HTTP/2 connections.
    let mut channels = Vec::new();
    for _ in 0..connections.clamp(1, concurrency.max(1)) {
        channels.push(
            Channel::from_shared(url.to_owned())
                .expect("url")
                .connect()
                .await
                .expect("connect"),
        );
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
                        let mut r = Request::new(pb::GetActorRequest {
                            name: "actors/JPN".into(),
                        });
                        r.metadata_mut().insert("authorization", header.clone());
                        dossier.get_actor(r).await.is_ok()
                    }
                    Op::List => {
                        let mut r = Request::new(pb::ListStancesRequest {
                            page_size: 10,
                            ..Default::default()
                        });
                        r.metadata_mut().insert("authorization", header.clone());
                        dossier.list_stances(r).await.is_ok()
                    }
                    Op::Extract => {
                        let doc = pb::Document {
                            text: ARTICLE.into(),
                            published: "2018-11-15".into(),
                            ..Default::default()
                        };
                        let mut r = Request::new(pb::ExtractRequest {
                            document: Some(doc),
                        });
                        r.metadata_mut().insert("authorization", header.clone());
                        extraction.extract(r).await.is_ok()
                    }
                };
                let us = u64::try_from(t.elapsed().as_micros())
                    .unwrap_or(u64::MAX)
                    .max(1);
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

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing useful either way.
    let seconds: f64 = env_or("LOAD_SECONDS", 3.0);
    let concurrency: usize = env_or("LOAD_CONCURRENCY", 64);
    let connections: usize = env_or("LOAD_CONNECTIONS", 8);
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let server_workers: usize = env_or("LOAD_SERVER_WORKERS", cores);
    let client_workers: usize = env_or("LOAD_CLIENT_WORKERS", cores);
    // Per-method metrics are recorded as in `polemos serve` (only the HTTP endpoint is left
    // out): without a recorder the metrics macros cost nothing and the stack would look
    // cheaper than it is.
    let _metrics = metrics_exporter_prometheus::PrometheusBuilder::new()
        .install_recorder()
        .expect("metrics recorder");
    let key = auth::generate().expect("key");
    let real = start(true, &key, server_workers);
    let empty = start(false, &key, server_workers);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(client_workers)
        .thread_name("load-client")
        .enable_all()
        .build()
        .expect("client runtime");
    runtime.block_on(async {
        println!(
            "gRPC load: {concurrency} concurrent streams over {connections} connections, \
             {seconds} s per run, loopback, auth and metrics on, server runtime \
             {server_workers} workers, client runtime {client_workers} workers"
        );
        println!();
        println!("| RPC | handler | calls/s | p50 ms | p99 ms | errors | real/empty |");
        println!("|---|---|---:|---:|---:|---:|---:|");
        let only = std::env::var("LOAD_OPS").unwrap_or_default().to_lowercase();
        for op in [Op::Get, Op::List, Op::Extract] {
            if !only.is_empty() && !only.contains(&format!("{op:?}").to_lowercase()) {
                continue;
            }
            // Warm up both once, then measure.
            let _ = load(&real.url, &key, op, concurrency, connections, 0.3).await;
            let _ = load(&empty.url, &key, op, concurrency, connections, 0.3).await;
            let r = load(&real.url, &key, op, concurrency, connections, seconds).await;
            let e = load(&empty.url, &key, op, concurrency, connections, seconds).await;
            for (name, s) in [("real", &r), ("empty", &e)] {
                println!(
                    "| {op:?} | {name} | {:.0} | {:.2} | {:.2} | {} | {} |",
                    s.rate(),
                    s.ms(0.5),
                    s.ms(0.99),
                    s.errors,
                    if name == "real" {
                        format!("{:.0} %", 100.0 * r.rate() / e.rate())
                    } else {
                        String::new()
                    }
                );
            }
        }
    });
    drop(real);
    drop(empty);
}
