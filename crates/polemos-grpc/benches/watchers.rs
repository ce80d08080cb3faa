//! Many watchers: `WATCHERS` `WatchChanges` streams open on one server (loopback, SQLite file)
//! while `COMMITS` commits of one actor each are made to the store, `INTERVAL_MS` apart, each
//! announced to the server as a commit of its own process is. Every watcher must receive every
//! change, in order. Reported: the delay from each commit to each watcher receiving it (p50, p99,
//! max over all deliveries), the process's CPU time per delivered change (server and clients;
//! `/proc/self/stat`) and its peak resident memory (`VmHWM`).
//!
//! `cargo bench -p polemos-grpc --bench watchers` (env: `WATCHERS` [200], `COMMITS` [200],
//! `INTERVAL_MS` [5]).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use polemos_core::{Dossier, Record};
use polemos_grpc::{self as grpc, Limits, Shared};
use polemos_grpc_testkit::KURIL;
use polemos_proto::v1 as pb;
use polemos_proto::v1::change_service_client::ChangeServiceClient;
use polemos_store::{Store, WriteBatch};
use tonic::transport::Channel;

mod support;
use support::{cpu, env_or};

/// Peak resident memory of this process in MiB (`VmHWM`), 0 where unreadable.
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let watchers = env_or::<usize>("WATCHERS", 200);
    let commits = env_or::<usize>("COMMITS", 200);
    let interval = Duration::from_millis(env_or::<u64>("INTERVAL_MS", 5));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("watch.db");
    let store: Arc<dyn Store> =
        Arc::from(polemos_store::open(path.to_str().expect("utf-8 path")).expect("store"));
    let template = Dossier::from_json(KURIL).expect("reference dossier").actors[0].clone();
    rt.block_on(async {
        let limits = Limits {
            max_streams: watchers + 8,
            ..Limits::default()
        };
        let mut options = grpc::Options {
            limits: limits.clone(),
            ..grpc::Options::default()
        };
        // Every caller admin (the server is on loopback): the bench measures delivery, not keys.
        options.keys.open = true;
        let shared = Shared::new(Arc::clone(&store), limits).expect("shared");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let incoming =
            tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(grpc::run(shared.clone(), options, incoming, async {
            let _ = stopped.await;
        }));
        let channel = Channel::from_shared(url)
            .expect("url")
            .connect()
            .await
            .expect("connect");

        // When each revision was committed, for the delays; revision r at index r - 1.
        let committed: Arc<Mutex<Vec<Instant>>> = Arc::new(Mutex::new(Vec::new()));
        // Every watcher from the start of the history, so none can miss a change however late
        // its stream opens.
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..watchers {
            let mut client = ChangeServiceClient::new(channel.clone());
            let committed = Arc::clone(&committed);
            tasks.spawn(async move {
                let request = pb::WatchChangesRequest {
                    start_token: "0".into(),
                    ..Default::default()
                };
                let mut stream = client
                    .watch_changes(request)
                    .await
                    .expect("watch")
                    .into_inner();
                let mut delays = Vec::with_capacity(commits);
                let mut last = 0;
                while delays.len() < commits {
                    let change = stream.message().await.expect("change").expect("open");
                    let received = Instant::now();
                    assert_eq!(change.revision, last + 1, "changes in order, none missed");
                    last = change.revision;
                    let at = committed.lock().expect("lock")[last as usize - 1];
                    delays.push(received.saturating_duration_since(at));
                }
                delays
            });
        }
        // Let the streams open before the clock starts.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (started, cpu_before) = (Instant::now(), cpu());
        for i in 0..commits {
            let mut actor = template.clone();
            actor.name = format!("actors/W{i:05}").parse().expect("name");
            let mut batch = WriteBatch::new("watchers bench");
            batch.put(Record::Actor(actor));
            let store = Arc::clone(&store);
            let committed = Arc::clone(&committed);
            let revision = tokio::task::spawn_blocking(move || {
                let mut times = committed.lock().expect("lock");
                let revision = store.commit(batch).expect("commit").revision;
                times.push(Instant::now());
                revision
            })
            .await
            .expect("commit task");
            shared.notify(revision);
            tokio::time::sleep(interval).await;
        }
        let mut all = hdrhistogram::Histogram::<u64>::new(3).expect("histogram");
        while let Some(done) = tasks.join_next().await {
            for d in done.expect("watcher") {
                all.record(d.as_micros() as u64).expect("record");
            }
        }
        let (wall, spent) = (started.elapsed(), cpu() - cpu_before);
        let delivered = (watchers * commits) as f64;
        println!(
            "{watchers} watchers, {commits} commits {} ms apart, load average {}",
            interval.as_millis(),
            std::fs::read_to_string("/proc/loadavg")
                .unwrap_or_default()
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        );
        println!(
            "| watchers | commits | delivered | p50 ms | p99 ms | max ms | CPU µs/delivery | wall s | peak RSS MiB |"
        );
        println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        println!(
            "| {watchers} | {commits} | {} | {:.2} | {:.2} | {:.2} | {:.1} | {:.2} | {:.0} |",
            all.len(),
            all.value_at_quantile(0.5) as f64 / 1000.0,
            all.value_at_quantile(0.99) as f64 / 1000.0,
            all.max() as f64 / 1000.0,
            spent / delivered * 1e6,
            wall.as_secs_f64(),
            peak_mib()
        );
        let _ = stop.send(());
    });
}
