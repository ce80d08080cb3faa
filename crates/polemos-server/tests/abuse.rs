//! The server under abuse: clients that stop reading, idle connections, revoked keys, and
//! extreme dates. Each test asserts what the server holds or answers, never how fast.

use std::sync::Arc;
use std::time::Duration;

use polemos_core::Dossier;
use polemos_proto::v1 as pb;
use polemos_proto::v1::change_service_client::ChangeServiceClient;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_server::grpc::{self, Keys, Limits, Options, Shared, auth};
use polemos_store::{Store, WriteBatch};
use tokio::sync::oneshot;
use tokio_stream::StreamExt;
use tonic::Request;
use tonic::metadata::MetadataValue;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Channel, Endpoint};

pub struct Server {
    pub url: String,
    pub addr: std::net::SocketAddr,
    pub admin: String,
    pub shared: Shared,
    pub store: Arc<dyn Store>,
    stop: Option<oneshot::Sender<()>>,
    done: tokio::task::JoinHandle<Result<(), grpc::ServeError>>,
}

impl Server {
    pub async fn start(options: Options, dossier: Option<&Dossier>) -> Self {
        let store: Arc<dyn Store> =
            Arc::from(polemos_store::open("memory:").expect("memory store"));
        if let Some(d) = dossier {
            store
                .commit(WriteBatch::from_dossier(d, "test import"))
                .expect("import");
        }
        let admin = auth::generate().expect("key");
        let mut options = options;
        if options.keys.is_empty() {
            let mut keys = Keys::default();
            keys.add_env(&format!("admin:{}", auth::hash(&admin)))
                .expect("keys");
            options.keys = keys;
        }
        let shared = Shared::new(Arc::clone(&store), options.limits.clone()).expect("shared");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (stop, stopped) = oneshot::channel::<()>();
        let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener);
        let done = tokio::spawn(grpc::run(shared.clone(), options, incoming, async {
            let _ = stopped.await;
        }));
        Self {
            url: format!("http://{addr}"),
            addr,
            admin,
            shared,
            store,
            stop: Some(stop),
            done,
        }
    }

    pub async fn channel(&self) -> Channel {
        Endpoint::from_shared(self.url.clone())
            .expect("url")
            .connect()
            .await
            .expect("connect")
    }

    pub async fn dossier(
        &self,
        key: &str,
    ) -> DossierServiceClient<InterceptedService<Channel, Auth>> {
        DossierServiceClient::with_interceptor(self.channel().await, Auth(key.to_owned()))
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        tokio::time::timeout(Duration::from_secs(20), self.done)
            .await
            .expect("server drains")
            .expect("server task")
            .expect("server ran cleanly");
    }
}

#[derive(Clone)]
pub struct Auth(pub String);

impl tonic::service::Interceptor for Auth {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, tonic::Status> {
        let value = MetadataValue::try_from(format!("Bearer {}", self.0)).expect("ascii");
        req.metadata_mut().insert("authorization", value);
        Ok(req)
    }
}

/// Waits for a condition the server must reach (not for a duration): polls until it holds,
/// failing after a generous bound so a broken server fails the test instead of hanging it.
pub async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..3000 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("never happened: {what}");
}

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
    let server = Server::start(
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
    let mut watcher = ChangeServiceClient::with_interceptor(channel, Auth(server.admin.clone()));
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
        ChangeServiceClient::with_interceptor(server.channel().await, Auth(server.admin.clone()));
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
    })
    .await
    .expect("get");
    drop(watcher);
    server.stop().await;
}
