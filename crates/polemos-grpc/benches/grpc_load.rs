//! Load generator for the gRPC stack: throughput and p50/p99 latency of Get, List and Extract at
//! a fixed number of concurrent client streams over loopback, against the server `polemos serve`
//! runs, on an SQLite store holding the reference dossier and `LOAD_ACTORS` generated actors.
//! Extract is also run in process (the same extraction on as many threads as cores, no gRPC), in
//! alternating slices with the gRPC runs, so the table shows what the interface costs on the
//! work users send.
//!
//! `cargo bench -p polemos-grpc --bench grpc_load` (env: `LOAD_SECONDS` [3],
//! `LOAD_CONCURRENCY` [64], `LOAD_CONNECTIONS` [8], `LOAD_SERVER_WORKERS` and
//! `LOAD_CLIENT_WORKERS` [one per core], `LOAD_OPS` [get,list,listactors,extract],
//! `LOAD_ROUNDS` [6]: gRPC and in-process Extract are measured in that many alternating slices,
//! `LOAD_ACTORS` [100000]: extra actors in the store, which `ListActors` pages through 50 at a
//! time, `LOAD_PLACEMENT` [separate, or shared: see [`Placement`]], `LOAD_CLIENT` [h2, or tonic:
//! see [`Client`]]).

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{BufMut, Bytes, BytesMut};
use hdrhistogram::Histogram;
use polemos_core::Dossier;
use polemos_grpc::{self as grpc, Keys, Options, Shared, auth};
use polemos_proto::v1 as pb;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use polemos_store::{Store, WriteBatch};
use tonic::Request;
use tonic::metadata::{Ascii, MetadataValue};
use tonic::transport::Channel;

mod support;
use support::env_or;

const KURIL: &str = include_str!("../../../examples/dossiers/kuril-islands.json");
const ARTICLE: &str = include_str!("../../../tests/fixtures/kuril-2018.txt");

struct Stats {
    calls: u64,
    errors: u64,
    seconds: f64,
    hist: Histogram<u64>,
    /// CPU seconds of the server's and the load generator's threads during the run.
    server_cpu: Option<f64>,
    client_cpu: Option<f64>,
    /// CPU seconds of the whole process (servers, generator, all else) during the run.
    process_cpu: Option<f64>,
}

impl Stats {
    fn new() -> Self {
        Self {
            calls: 0,
            errors: 0,
            seconds: 0.0,
            hist: Histogram::new_with_bounds(1, 60_000_000, 3).expect("histogram"),
            server_cpu: None,
            client_cpu: None,
            process_cpu: None,
        }
    }
    /// Adds another run's counts, time, latencies and CPU.
    fn merge(&mut self, other: Self) {
        let add = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
        self.calls += other.calls;
        self.errors += other.errors;
        self.seconds += other.seconds;
        self.hist.add(other.hist).expect("merge histograms");
        self.server_cpu = add(self.server_cpu, other.server_cpu);
        self.client_cpu = add(self.client_cpu, other.client_cpu);
        self.process_cpu = add(self.process_cpu, other.process_cpu);
    }
    fn rate(&self) -> f64 {
        self.calls as f64 / self.seconds
    }
    fn ms(&self, q: f64) -> f64 {
        self.hist.value_at_quantile(q) as f64 / 1000.0
    }
    /// CPU microseconds per call, or "–" where it was not or could not be measured.
    fn per_call(&self, cpu: Option<f64>) -> String {
        match cpu {
            Some(s) if self.calls > 0 => format!("{:.0}", s * 1e6 / self.calls as f64),
            _ => "–".into(),
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Get,
    List,
    ListActors,
    Extract,
}

/// The server on its own multi-threaded runtime, as in `polemos serve`,
/// so the load generator's tasks do not share its workers' run queues; or, in the shared
/// placement, as tasks on the load generator's runtime. Holds its URL and stops it when dropped.
struct Running {
    url: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    ended: Option<Ended>,
    _dir: tempfile::TempDir,
}

/// How to wait for a stopped server.
enum Ended {
    Thread(std::thread::JoinHandle<()>),
    Task(tokio::runtime::Handle, tokio::task::JoinHandle<()>),
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.ended.take() {
            Some(Ended::Thread(thread)) => {
                let _ = thread.join();
            }
            Some(Ended::Task(handle, task)) => {
                let _ = handle.block_on(task);
            }
            None => {}
        }
    }
}

/// Where the server runs relative to the load generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placement {
    /// The server on its own runtime of `LOAD_SERVER_WORKERS` threads, as `polemos serve` runs;
    /// with the generator's threads that is more busy threads than cores, and the kernel
    /// time-slices them.
    Separate,
    /// Server and generator as tasks on one runtime of one thread per core: no thread of
    /// either is preempted by the other, as when the server has the machine to itself.
    Shared,
}

/// Puts `count` generated actors (`actors/Q0000000`, ...) into the store, in large batches.
fn add_actors(store: &dyn Store, count: usize) {
    const BATCH: usize = 20_000;
    let mut made = 0;
    while made < count {
        let mut batch = WriteBatch::new("bench actors");
        for i in made..(made + BATCH).min(count) {
            batch.put(polemos_core::Record::Actor(polemos_core::Actor {
                name: polemos_core::ActorName::parse(&format!("actors/Q{i:07}")).expect("name"),
                kind: polemos_core::ActorKind::State,
                display_name: format!("Generated actor {i}"),
                codes: polemos_core::ActorCodes::default(),
                aliases: Vec::new(),
                affiliations: Vec::new(),
            }));
        }
        made += batch.ops.len();
        store.commit(batch).expect("actors");
    }
}

fn start(
    key: &str,
    workers: usize,
    actors: usize,
    shared_runtime: Option<&tokio::runtime::Runtime>,
) -> Running {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let store: Arc<dyn Store> =
        Arc::from(polemos_store::open(db.to_str().expect("utf-8 path")).expect("store"));
    let dossier = Dossier::from_json(KURIL).expect("dossier");
    store
        .commit(WriteBatch::from_dossier(&dossier, "bench"))
        .expect("import");
    add_actors(store.as_ref(), actors);
    let mut keys = Keys::default();
    keys.add_env(&format!("admin:{}", auth::hash(key)))
        .expect("key");
    let options = Options {
        keys,
        ..Options::default()
    };
    let shared = Shared::new(store, options.limits.clone()).expect("shared");
    let own = shared_runtime.is_none().then(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers)
            .thread_name("server")
            .enable_all()
            .build()
            .expect("server runtime")
    });
    let handle = own
        .as_ref()
        .or(shared_runtime)
        .expect("a runtime")
        .handle()
        .clone();
    let listener = handle
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let serve = async move {
        // As `polemos serve` does: TCP_NODELAY on accepted connections.
        let incoming =
            tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true));
        let stop = async {
            let _ = rx.await;
        };
        grpc::run(shared, options, incoming, stop)
            .await
            .expect("server ran");
    };
    let ended = match own {
        Some(runtime) => Ended::Thread(std::thread::spawn(move || runtime.block_on(serve))),
        None => Ended::Task(handle.clone(), handle.spawn(serve)),
    };
    Running {
        url,
        stop: Some(tx),
        ended: Some(ended),
        _dir: dir,
    }
}

/// Which gRPC client the load generator calls through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Client {
    /// gRPC framing on the `h2` crate alone: one HTTP/2 connection, no task or buffer between
    /// the caller and the connection, its writes gathered as the server's are. On two cores,
    /// every microsecond the generator spends is taken from the server it measures; this client
    /// spends about a third of tonic's.
    H2,
    /// tonic's generated clients, as a Rust service calling polemos would use them.
    Tonic,
}

fn get_request() -> pb::GetActorRequest {
    pb::GetActorRequest {
        name: "actors/JPN".into(),
        revision: None,
    }
}

fn list_request() -> pb::ListStancesRequest {
    pb::ListStancesRequest {
        page_size: 10,
        ..Default::default()
    }
}

fn list_actors_request() -> pb::ListActorsRequest {
    pb::ListActorsRequest {
        page_size: 50,
        ..Default::default()
    }
}

fn extract_request() -> pb::ExtractRequest {
    pb::ExtractRequest {
        document: Some(pb::Document {
            text: ARTICLE.into(),
            published: "2018-11-15".into(),
            ..Default::default()
        }),
    }
}

/// One connection of the load generator, shared by the streams that clone it.
#[derive(Clone)]
enum Caller {
    H2(H2Caller),
    Tonic {
        dossier: DossierServiceClient<Channel>,
        extraction: ExtractionServiceClient<Channel>,
        authorization: MetadataValue<Ascii>,
    },
}

impl Caller {
    async fn connect(client: Client, url: &str, key: &str) -> Self {
        match client {
            Client::H2 => Self::H2(H2Caller::connect(url, key).await),
            Client::Tonic => {
                let channel = Channel::from_shared(url.to_owned())
                    .expect("url")
                    .connect()
                    .await
                    .expect("connect");
                Self::Tonic {
                    dossier: DossierServiceClient::new(channel.clone()),
                    extraction: ExtractionServiceClient::new(channel),
                    authorization: format!("Bearer {key}").parse().expect("header"),
                }
            }
        }
    }

    /// One call; whether it succeeded.
    async fn call(&mut self, op: Op) -> bool {
        match self {
            Self::H2(h2) => match op {
                Op::Get => h2
                    .unary::<_, pb::GetActorResponse>(&h2.get, &get_request())
                    .await
                    .is_ok(),
                Op::List => h2
                    .unary::<_, pb::ListStancesResponse>(&h2.list, &list_request())
                    .await
                    .is_ok(),
                Op::ListActors => h2
                    .unary::<_, pb::ListActorsResponse>(&h2.list_actors, &list_actors_request())
                    .await
                    .is_ok(),
                Op::Extract => h2
                    .unary::<_, pb::ExtractResponse>(&h2.extract, &extract_request())
                    .await
                    .is_ok(),
            },
            Self::Tonic {
                dossier,
                extraction,
                authorization,
            } => {
                fn with_key<T>(message: T, key: &MetadataValue<Ascii>) -> Request<T> {
                    let mut request = Request::new(message);
                    request.metadata_mut().insert("authorization", key.clone());
                    request
                }
                match op {
                    Op::Get => dossier
                        .get_actor(with_key(get_request(), authorization))
                        .await
                        .is_ok(),
                    Op::List => dossier
                        .list_stances(with_key(list_request(), authorization))
                        .await
                        .is_ok(),
                    Op::ListActors => dossier
                        .list_actors(with_key(list_actors_request(), authorization))
                        .await
                        .is_ok(),
                    Op::Extract => extraction
                        .extract(with_key(extract_request(), authorization))
                        .await
                        .is_ok(),
                }
            }
        }
    }
}

/// A gRPC client for unary calls on one HTTP/2 connection (the `h2` crate): length-prefixed
/// protobuf messages in, status in the trailers (or in the headers of a trailers-only answer).
#[derive(Clone)]
struct H2Caller {
    send: h2::client::SendRequest<Bytes>,
    authorization: http::HeaderValue,
    get: http::Uri,
    list: http::Uri,
    list_actors: http::Uri,
    extract: http::Uri,
}

impl H2Caller {
    async fn connect(url: &str, key: &str) -> Self {
        let address = url.trim_start_matches("http://");
        let tcp = tokio::net::TcpStream::connect(address)
            .await
            .expect("connect");
        tcp.set_nodelay(true).expect("TCP_NODELAY");
        let (send, connection) = h2::client::handshake(tcp).await.expect("HTTP/2 handshake");
        tokio::spawn(async move {
            let _ = connection.await;
        });
        let uri = |path: &str| format!("{url}{path}").parse().expect("uri");
        Self {
            send,
            authorization: format!("Bearer {key}").parse().expect("header"),
            get: uri("/polemos.v1.DossierService/GetActor"),
            list: uri("/polemos.v1.DossierService/ListStances"),
            list_actors: uri("/polemos.v1.DossierService/ListActors"),
            extract: uri("/polemos.v1.ExtractionService/Extract"),
        }
    }

    async fn unary<Q: prost::Message, A: prost::Message + Default>(
        &self,
        uri: &http::Uri,
        request: &Q,
    ) -> Result<A, String> {
        let length = request.encoded_len();
        let mut message = BytesMut::with_capacity(5 + length);
        message.put_u8(0); // not compressed
        message.put_u32(u32::try_from(length).map_err(|e| e.to_string())?);
        request.encode(&mut message).map_err(|e| e.to_string())?;
        let head = http::Request::post(uri.clone())
            .header(http::header::CONTENT_TYPE, "application/grpc")
            .header(http::header::TE, "trailers")
            .header(http::header::AUTHORIZATION, self.authorization.clone())
            .body(())
            .map_err(|e| e.to_string())?;
        let mut send = self.send.clone().ready().await.map_err(|e| e.to_string())?;
        let (response, mut outgoing) = send.send_request(head, false).map_err(|e| e.to_string())?;
        outgoing
            .send_data(message.freeze(), true)
            .map_err(|e| e.to_string())?;
        let (head, mut body) = response.await.map_err(|e| e.to_string())?.into_parts();
        let status_ok = |headers: &http::HeaderMap| {
            headers
                .get("grpc-status")
                .map(|status| status.as_bytes() == b"0")
        };
        if status_ok(&head.headers) == Some(false) {
            return Err("trailers-only error".into());
        }
        let mut data = BytesMut::new();
        while let Some(chunk) = body.data().await {
            let chunk = chunk.map_err(|e| e.to_string())?;
            let _ = body.flow_control().release_capacity(chunk.len());
            data.extend_from_slice(&chunk);
        }
        let trailers = body.trailers().await.map_err(|e| e.to_string())?;
        if status_ok(&trailers.unwrap_or_default()) != Some(true) {
            return Err("no OK status in the trailers".into());
        }
        if data.len() < 5 || data[0] != 0 {
            return Err("not one uncompressed message".into());
        }
        let length = u32::from_be_bytes([data[1], data[2], data[3], data[4]]) as usize;
        let message = data.get(5..5 + length).ok_or("message cut short")?;
        A::decode(message).map_err(|e| e.to_string())
    }
}

async fn load(
    client: Client,
    url: &str,
    key: &str,
    op: Op,
    concurrency: usize,
    connections: usize,
    seconds: f64,
) -> Stats {
    // `concurrency` client streams multiplexed over `connections` HTTP/2 connections.
    let mut callers = Vec::new();
    for _ in 0..connections.clamp(1, concurrency.max(1)) {
        callers.push(Caller::connect(client, url, key).await);
    }
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..concurrency {
        let mut caller = callers[i % callers.len()].clone();
        tasks.push(tokio::spawn(async move {
            let mut hist = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).expect("histogram");
            let (mut calls, mut errors) = (0u64, 0u64);
            while Instant::now() < deadline {
                let t = Instant::now();
                let ok = caller.call(op).await;
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
    let mut total = Stats::new();
    for t in tasks {
        let (calls, errors, hist) = t.await.expect("client task");
        total.calls += calls;
        total.errors += errors;
        total.hist.add(hist).expect("merge");
    }
    total.seconds = started.elapsed().as_secs_f64();
    total
}

/// CPU seconds used so far by this process's threads whose name starts with `prefix` (the
/// server runtimes and the load generator name theirs; "" for all), from `/proc/self/task/*/stat`: CPU time
/// per call is steadier than calls per second on a machine shared with noisy neighbours.
/// `None` off Linux.
fn cpu_seconds(prefix: &str) -> Option<f64> {
    let tasks = std::fs::read_dir("/proc/self/task").ok()?;
    let mut ticks = 0u64;
    for task in tasks.flatten() {
        let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        if !comm.starts_with(prefix) {
            continue;
        }
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
        // Fields after the parenthesised name: state is the 3rd field, utime and stime the
        // 14th and 15th.
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        for index in [11, 12] {
            ticks += fields
                .get(index)
                .and_then(|f| f.parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    // procfs reports in USER_HZ, 100 on Linux.
    Some(ticks as f64 / 100.0)
}

/// Runs one `load` run and measures the CPU time the server's and the client's threads spent
/// on it.
async fn measured(shared: bool, server: &str, run: impl Future<Output = Stats>) -> Stats {
    let before = (
        cpu_seconds(server),
        cpu_seconds("load-client"),
        cpu_seconds(""),
    );
    let mut stats = run.await;
    let after = (
        cpu_seconds(server),
        cpu_seconds("load-client"),
        cpu_seconds(""),
    );
    let spent = |a: Option<f64>, b: Option<f64>| Some(b? - a?);
    // On a shared runtime the server's work is done by the generator's threads and cannot be
    // told apart; only the whole process's CPU is reported then.
    if !shared {
        stats.server_cpu = spent(before.0, after.0);
        stats.client_cpu = spent(before.1, after.1);
    }
    stats.process_cpu = spent(before.2, after.2);
    stats
}

/// The work of one Extract without gRPC: the same extraction and conversion to a dossier that
/// the handler runs, on `threads` threads for `seconds`.
fn in_process_extract(threads: usize, seconds: f64) -> Stats {
    use polemos_extract::{ArticleMeta, Extractor, convert};
    let extractor = Arc::new(Extractor::new().expect("extractor"));
    let meta = ArticleMeta {
        published: chrono::NaiveDate::from_ymd_opt(2018, 11, 15),
        title: None,
        outlet: None,
        url: None,
    };
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..threads.max(1))
        .map(|_| {
            let extractor = Arc::clone(&extractor);
            let meta = meta.clone();
            std::thread::Builder::new()
                .name("in-process".into())
                .spawn(move || {
                    let mut hist =
                        Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).expect("histogram");
                    let (mut calls, mut errors) = (0u64, 0u64);
                    while Instant::now() < deadline {
                        let t = Instant::now();
                        let ok = extractor
                            .extract(ARTICLE, &meta)
                            .ok()
                            .and_then(|x| {
                                convert::to_dossier(extractor.knowledge(), &x, &meta).ok()
                            })
                            .is_some();
                        let us = u64::try_from(t.elapsed().as_micros())
                            .unwrap_or(u64::MAX)
                            .max(1);
                        let _ = hist.record(us);
                        calls += 1;
                        errors += u64::from(!ok);
                    }
                    (calls, errors, hist)
                })
                .expect("thread")
        })
        .collect();
    let mut total = Stats::new();
    for w in workers {
        let (calls, errors, hist) = w.join().expect("in-process worker");
        total.calls += calls;
        total.errors += errors;
        total.hist.add(hist).expect("merge");
    }
    // No CPU figures: the worker threads are gone (joined) before they could be read.
    total.seconds = started.elapsed().as_secs_f64();
    total
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing useful either way.
    let seconds: f64 = env_or("LOAD_SECONDS", 3.0);
    let concurrency: usize = env_or("LOAD_CONCURRENCY", 64);
    let connections: usize = env_or("LOAD_CONNECTIONS", 8);
    let rounds: usize = env_or("LOAD_ROUNDS", 6).max(1);
    let actors: usize = env_or("LOAD_ACTORS", 100_000);
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let server_workers: usize = env_or("LOAD_SERVER_WORKERS", cores);
    let client_workers: usize = env_or("LOAD_CLIENT_WORKERS", cores);
    // Per-method metrics are recorded as in `polemos serve` (only the HTTP endpoint is left
    // out): without a recorder the metrics macros cost nothing and the stack would look
    // cheaper than it is.
    let metrics = metrics_exporter_prometheus::PrometheusBuilder::new()
        .install_recorder()
        .expect("metrics recorder");
    // What `polemos serve`'s exporter does in the background: drain histogram samples, which
    // otherwise pile up for the length of the run.
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(1));
            metrics.run_upkeep();
        }
    });
    let key = auth::generate().expect("key");
    let placement = match std::env::var("LOAD_PLACEMENT").as_deref() {
        Ok("shared") => Placement::Shared,
        Ok("separate") | Err(_) => Placement::Separate,
        Ok(other) => panic!("LOAD_PLACEMENT must be `separate` or `shared`, not {other:?}"),
    };
    let client = match std::env::var("LOAD_CLIENT").as_deref() {
        Ok("h2") | Err(_) => Client::H2,
        Ok("tonic") => Client::Tonic,
        Ok(other) => panic!("LOAD_CLIENT must be `h2` or `tonic`, not {other:?}"),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(if placement == Placement::Shared {
            cores
        } else {
            client_workers
        })
        .thread_name("load-client")
        .enable_all()
        .build()
        .expect("client runtime");
    let on = (placement == Placement::Shared).then_some(&runtime);
    let loading = Instant::now();
    let server = start(&key, server_workers, actors, on);
    println!(
        "gRPC load: {concurrency} concurrent streams over {connections} connections, \
         {seconds} s per RPC in {rounds} slices, loopback, auth and metrics on, {client:?} client, \
         {} actors beside the reference dossier (stored in {:.1} s), {}",
        actors,
        loading.elapsed().as_secs_f64(),
        match placement {
            Placement::Separate => format!(
                "server runtime of {server_workers} workers, load generator runtime of \
                 {client_workers} workers"
            ),
            Placement::Shared =>
                format!("server and load generator on one runtime of {cores} workers"),
        }
    );
    println!();
    println!(
        "| RPC | path | calls/s | p50 ms | p99 ms | errors | gRPC/in-process | server CPU µs/call | generator CPU µs/call | process CPU µs/call |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let only = std::env::var("LOAD_OPS").unwrap_or_default().to_lowercase();
    let shared = placement == Placement::Shared;
    for op in [Op::Get, Op::List, Op::ListActors, Op::Extract] {
        let label = format!("{op:?}").to_lowercase();
        if !only.is_empty() && !only.split(',').any(|o| o.trim() == label) {
            continue;
        }
        let row = |path: &str, s: &Stats, ratio: String| {
            println!(
                "| {op:?} | {path} | {:.0} | {:.2} | {:.2} | {} | {ratio} | {} | {} | {} |",
                s.rate(),
                s.ms(0.5),
                s.ms(0.99),
                s.errors,
                s.per_call(s.server_cpu),
                s.per_call(s.client_cpu),
                s.per_call(s.process_cpu),
            );
        };
        runtime.block_on(async {
            let _ = load(client, &server.url, &key, op, concurrency, connections, 0.3).await;
        });
        let slice = seconds / rounds as f64;
        let (mut grpc, mut local) = (Stats::new(), Stats::new());
        for round in 0..rounds {
            // Extract alternates gRPC and in-process slices (gRPC first in even rounds), so a
            // change in the shared host's speed weighs on both alike.
            let order: &[bool] = match (op, round % 2) {
                (Op::Extract, 0) => &[true, false],
                (Op::Extract, _) => &[false, true],
                _ => &[true],
            };
            for &over_grpc in order {
                if over_grpc {
                    let run = load(
                        client,
                        &server.url,
                        &key,
                        op,
                        concurrency,
                        connections,
                        slice,
                    );
                    grpc.merge(runtime.block_on(measured(shared, "server", run)));
                } else {
                    local.merge(in_process_extract(cores, slice));
                }
            }
        }
        if local.calls > 0 {
            row("gRPC", &grpc, format!("{:.2}", grpc.rate() / local.rate()));
            row("in process", &local, String::new());
        } else {
            row("gRPC", &grpc, String::new());
        }
    }
    drop(server);
}
