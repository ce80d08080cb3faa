//! The server under abuse: clients that stop reading, idle connections, revoked keys, and
//! extreme dates. Each test asserts what the server holds or answers, never how fast.

use std::sync::Arc;
use std::time::Duration;

use polemos_core::Dossier;
use polemos_grpc::{self as grpc, Limits, Options, auth};
use polemos_grpc_testkit::{Auth, Server, eventually};
use polemos_proto::v1 as pb;
use polemos_proto::v1::change_service_client::ChangeServiceClient;
use tokio_stream::StreamExt;
use tonic::transport::{Channel, Endpoint};

/// `n` actors of about 1 KB each, imported as one commit.
fn big_commit(n: usize) -> Dossier {
    let lines: String = (0..n)
        .map(|i| {
            format!(
                "{{\"actor\": {{\"name\": \"actors/A{i:05}\", \"kind\": \"state\", \"display_name\": \"{}\"}}}}\n",
                "x".repeat(1000)
            )
        })
        .collect();
    Dossier::from_jsonl(&lines).expect("actors")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_watcher_that_stops_reading_holds_a_bounded_buffer_released_when_it_goes() {
    const ACTORS: usize = 3000; // one commit of ~3 MB: ~190 batches of 16 KB
    let limits = Limits {
        watch_batch_len: 64,
        watch_batch_bytes: 16 * 1024,
        watch_queue: 2,
        ..Limits::default()
    };
    let server = Server::start_with(
        Options {
            limits,
            ..Options::default()
        },
        Some(&big_commit(ACTORS)),
    )
    .await;
    let gauges = Arc::clone(&server.shared.gauges);

    // A client with small HTTP/2 windows that reads one message and then nothing.
    let channel = Endpoint::from_shared(server.url.clone())
        .expect("url")
        .initial_stream_window_size(64 * 1024)
        .initial_connection_window_size(64 * 1024)
        .connect()
        .await
        .expect("connect");
    let mut watcher = ChangeServiceClient::with_interceptor(channel, Auth::key(&server.admin));
    let mut stream = watcher
        .watch_changes(pb::WatchChangesRequest {
            start_token: "0".into(),
            ..Default::default()
        })
        .await
        .expect("watch")
        .into_inner();
    let first = stream.next().await.expect("a change").expect("ok");
    assert_eq!(first.token, "1.0");

    // The server stops reading the store once the client's window and the queue are full.
    eventually("the watch stream waits for its client", || {
        gauges.watch_stalled.get() == 1
    })
    .await;
    let batches = gauges.watch_batches.get();
    let peak = gauges.watch_buffered_peak.get();
    eprintln!("stalled watch: {batches} batches read, peak {peak} bytes held");
    assert!(
        batches <= 12,
        "read {batches} batches for a client that took one message (the commit is ~190)"
    );
    // One batch (16 KB past its first record) plus the queue of 2 messages of ~1.1 KB.
    assert!(
        peak <= 16 * 1024 + 4 * 1100,
        "held {peak} bytes for one stalled client"
    );
    assert_eq!(gauges.open_streams.get(), 1);

    // The client goes: the stream ends and everything it held is released.
    drop(stream);
    drop(watcher);
    eventually("the stream ends", || gauges.open_streams.get() == 0).await;
    assert_eq!(gauges.watch_buffered_bytes.get(), 0);
    assert_eq!(gauges.watch_stalled.get(), 0);

    // A reading client gets the whole commit in order, and resumes inside it without a gap.
    let watcher =
        ChangeServiceClient::with_interceptor(server.channel().await, Auth::key(&server.admin));
    let read = |token: &str, expect: usize| {
        let mut watcher = watcher.clone();
        let token = token.to_owned();
        async move {
            let mut stream = watcher
                .watch_changes(pb::WatchChangesRequest {
                    start_token: token,
                    ..Default::default()
                })
                .await
                .expect("watch")
                .into_inner();
            let mut names = Vec::new();
            while names.len() < expect {
                let Ok(Some(Ok(c))) =
                    tokio::time::timeout(Duration::from_secs(30), stream.next()).await
                else {
                    break;
                };
                assert_eq!(
                    c.token,
                    format!("1.{}", c.name[8..].parse::<usize>().unwrap())
                );
                names.push(c.name);
            }
            names
        }
    };
    let all = read("0", ACTORS).await;
    assert_eq!(all.len(), ACTORS, "every change of the commit, once");
    assert!(all.windows(2).all(|w| w[0] < w[1]), "in order");
    let rest = read("1.1499", 1500).await;
    assert_eq!(rest.len(), 1500);
    assert_eq!(rest[0], "actors/A01500");
    // The server still serves.
    let mut d = server.dossier(&server.admin).await;
    d.get_actor(pb::GetActorRequest {
        name: "actors/A00042".into(),
        revision: None,
    })
    .await
    .expect("get");
    drop(watcher);
    server.stop().await;
}

async fn health(channel: Channel) -> Result<i32, tonic::Status> {
    let mut h = tonic_health::pb::health_client::HealthClient::new(channel);
    h.check(tonic_health::pb::HealthCheckRequest {
        service: String::new(),
    })
    .await
    .map(|r| r.into_inner().status)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_connections_at_the_cap_do_not_keep_out_a_health_check() {
    let server = Server::start_with(
        Options {
            max_connections: 8,
            // Long: what frees room here is eviction at the cap, not the timeout.
            handshake_timeout: Duration::from_secs(120),
            ..Options::default()
        },
        None,
    )
    .await;
    let gauges = Arc::clone(&server.shared.gauges);
    let mut idle = Vec::new();
    for _ in 0..60 {
        idle.push(
            tokio::net::TcpStream::connect(server.addr)
                .await
                .expect("tcp"),
        );
    }
    eventually("the idle connections are accepted or evicted", || {
        gauges.connections.get() <= 8
    })
    .await;
    let serving = health(server.channel().await)
        .await
        .expect("health answers");
    assert_eq!(
        serving,
        tonic_health::pb::health_check_response::ServingStatus::Serving as i32
    );
    // An ordinary call gets through as well, and the count never grew past the cap (+1 while
    // an evicted connection closes).
    let mut d = server.dossier(&server.admin).await;
    d.list_actors(pb::ListActorsRequest::default())
        .await
        .expect("list");
    assert!(
        gauges.connections.get() <= 9,
        "{}",
        gauges.connections.get()
    );
    drop(idle);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_that_never_speaks_is_closed_after_the_handshake_timeout() {
    use tokio::io::AsyncReadExt;
    let server = Server::start_with(
        Options {
            handshake_timeout: Duration::from_millis(200),
            ..Options::default()
        },
        None,
    )
    .await;
    let gauges = Arc::clone(&server.shared.gauges);
    let mut idle = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("tcp");
    let mut buf = [0u8; 64];
    // The server closes it: the read ends (EOF or reset) instead of waiting for ever.
    let closed = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            match idle.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "the silent connection was never closed");
    eventually("the closed connection is no longer counted", || {
        gauges.connections.get() == 0
    })
    .await;
    // A client that speaks is unaffected.
    assert!(health(server.channel().await).await.is_ok());
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_key_stops_working_on_the_running_server() {
    use polemos_grpc::auth::{KeyFile, StoredKey, load_keys};
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("keys.json");
    let admin = auth::generate().expect("key");
    let reader = auth::generate().expect("key");
    let stored = |key: &str, role| StoredKey {
        id: auth::hash(key)[..8].to_owned(),
        role,
        sha256: auth::hash(key),
        created: String::new(),
    };
    let mut keys = KeyFile {
        keys: vec![
            stored(&admin, grpc::Role::Admin),
            stored(&reader, grpc::Role::Reader),
        ],
    };
    keys.save(&file).expect("save");
    let server = Server::start_with(
        Options {
            keys: load_keys(&file, None).expect("load"),
            keys_reload: Some(grpc::KeyReload {
                file: file.clone(),
                env: None,
                interval: Duration::from_millis(50),
            }),
            ..Options::default()
        },
        None,
    )
    .await;
    let mut as_reader = server.dossier(&reader).await;
    as_reader
        .list_actors(pb::ListActorsRequest::default())
        .await
        .expect("the reader key works");

    // `polemos keys revoke` rewrites the file without the key.
    keys.keys.retain(|k| k.role != grpc::Role::Reader);
    keys.save(&file).expect("save");
    let mut refused = None;
    for _ in 0..600 {
        match as_reader
            .list_actors(pb::ListActorsRequest::default())
            .await
        {
            Err(st) => {
                refused = Some(st);
                break;
            }
            Ok(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
    let st = refused.expect("the revoked key is refused without a restart");
    assert_eq!(st.code(), tonic::Code::Unauthenticated);

    // A keys file that does not parse is logged and the keys in force are kept.
    std::fs::write(&file, "{ not json").expect("write");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut as_admin = server.dossier(&admin).await;
    as_admin
        .list_actors(pb::ListActorsRequest::default())
        .await
        .expect("the admin key still works after a bad rewrite");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_with_a_stalled_watcher_is_bounded_by_the_drain_timeout() {
    let server = Server::start_with(
        Options {
            limits: Limits {
                watch_batch_len: 64,
                watch_batch_bytes: 16 * 1024,
                watch_queue: 2,
                ..Limits::default()
            },
            drain_timeout: Duration::from_millis(300),
            ..Options::default()
        },
        Some(&big_commit(1500)),
    )
    .await;
    let gauges = Arc::clone(&server.shared.gauges);
    let channel = Endpoint::from_shared(server.url.clone())
        .expect("url")
        .initial_stream_window_size(64 * 1024)
        .initial_connection_window_size(64 * 1024)
        .connect()
        .await
        .expect("connect");
    let mut watcher = ChangeServiceClient::with_interceptor(channel, Auth::key(&server.admin));
    let stream = watcher
        .watch_changes(pb::WatchChangesRequest {
            start_token: "0".into(),
            ..Default::default()
        })
        .await
        .expect("watch")
        .into_inner();
    eventually("the watcher stalls", || gauges.watch_stalled.get() == 1).await;
    // Without the drain timeout this never returned: the stalled stream held the drain open.
    server.stop().await;
    drop(stream);
}
