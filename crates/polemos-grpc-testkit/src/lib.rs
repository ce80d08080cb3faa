//! The one test server every gRPC test starts (polemos-grpc's API, abuse and bad-input suites;
//! polemos-cli's parity and serving tests): a real server on 127.0.0.1:0 over a store, with an
//! admin and a reader key, clients that send them, and a clean stop that fails the test if the
//! server does not drain. Also what those suites otherwise each wrote for themselves: the
//! reference dossier and article, a key on a single request, a server started as a process on a
//! port it binds itself, and the fields a refusal names. Kept out of polemos-grpc's library so that what it
//! publishes is the server.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use polemos_core::Dossier;
use polemos_grpc::{Keys, Limits, Options, ServeError, Shared, auth};
use polemos_proto::v1::analysis_service_client::AnalysisServiceClient;
use polemos_proto::v1::change_service_client::ChangeServiceClient;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use polemos_store::{Store, WriteBatch};
use tokio::sync::oneshot;
use tonic::metadata::MetadataValue;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Channel, Endpoint};
use tonic::{Request, Status};

/// The reference dossier (Kuril Islands), which most tests serve.
pub const KURIL: &str = include_str!("../../../examples/dossiers/kuril-islands.json");

/// The reference article (of 2018-09-19) the dossier's stances were read from.
pub const ARTICLE: &str = include_str!("../../../tests/fixtures/kuril-2018.txt");

/// The channel every keyed client wraps.
pub type Keyed = InterceptedService<Channel, Auth>;

/// A running server and what a test needs to reach and inspect it.
pub struct Server {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    pub addr: SocketAddr,
    /// An admin key the server accepts (unless the options named their own keys).
    pub admin: String,
    /// A reader key the server accepts (unless the options named their own keys).
    pub reader: String,
    /// The server's shared state: its gauges, limits and store handle.
    pub shared: Shared,
    pub store: Arc<dyn Store>,
    stop: Option<oneshot::Sender<()>>,
    done: tokio::task::JoinHandle<Result<(), ServeError>>,
}

impl Server {
    /// The API tests' server: an in-memory store holding the reference dossier if `import`,
    /// admin and reader keys if `with_keys` (else no key is accepted), small limits (16 KiB of
    /// text, 64 KiB messages) so the tests can reach them, and a 50 ms watch poll.
    pub async fn start(with_keys: bool, import: bool) -> Self {
        let dossier = import.then(|| Dossier::from_json(KURIL).expect("reference dossier"));
        let limits = Limits {
            max_text_bytes: 16 * 1024,
            poll_interval: Duration::from_millis(50),
            ..Limits::default()
        };
        let options = Options {
            limits,
            max_message_bytes: 64 * 1024,
            ..Options::default()
        };
        Self::launch(memory(dossier.as_ref()), options, with_keys).await
    }

    /// A server with `options` over an in-memory store holding `dossier`; with an admin and a
    /// reader key unless `options` bring keys of their own or are open to every caller.
    pub async fn start_with(options: Options, dossier: Option<&Dossier>) -> Self {
        Self::serve(memory(dossier), options).await
    }

    /// A server with `options` over `store` (any backend); keys as in [`Server::start_with`].
    pub async fn serve(store: Arc<dyn Store>, options: Options) -> Self {
        let add_keys = options.keys.is_empty() && !options.keys.open;
        Self::launch(store, options, add_keys).await
    }

    async fn launch(store: Arc<dyn Store>, mut options: Options, add_keys: bool) -> Self {
        let admin = auth::generate().expect("key");
        let reader = auth::generate().expect("key");
        if add_keys {
            let mut keys = Keys::default();
            keys.add_env(&format!(
                "admin:{},reader:{}",
                auth::hash(&admin),
                auth::hash(&reader)
            ))
            .expect("keys");
            options.keys = keys;
        }
        // On the blocking pool, as the server makes its store calls: PostgreSQL's synchronous
        // client may not be driven from an async task.
        let (for_shared, limits) = (Arc::clone(&store), options.limits.clone());
        let shared = tokio::task::spawn_blocking(move || Shared::new(for_shared, limits))
            .await
            .expect("shared task")
            .expect("shared");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (stop, stopped) = oneshot::channel::<()>();
        let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener);
        let done = tokio::spawn(polemos_grpc::run(
            shared.clone(),
            options,
            incoming,
            async {
                let _ = stopped.await;
            },
        ));
        Self {
            url: format!("http://{addr}"),
            addr,
            admin,
            reader,
            shared,
            store,
            stop: Some(stop),
            done,
        }
    }

    /// A plain-text channel to the server.
    pub async fn channel(&self) -> Channel {
        Endpoint::from_shared(self.url.clone())
            .expect("url")
            .connect()
            .await
            .expect("connect")
    }

    pub async fn dossier(&self, key: &str) -> DossierServiceClient<Keyed> {
        DossierServiceClient::with_interceptor(self.channel().await, Auth::key(key))
    }

    pub async fn changes(&self, key: &str) -> ChangeServiceClient<Keyed> {
        ChangeServiceClient::with_interceptor(self.channel().await, Auth::key(key))
    }

    pub async fn extraction(&self, key: &str) -> ExtractionServiceClient<Keyed> {
        ExtractionServiceClient::with_interceptor(self.channel().await, Auth::key(key))
    }

    /// The analysis service, with `key` or anonymously.
    pub async fn analysis(&self, key: Option<&str>) -> AnalysisServiceClient<Keyed> {
        AnalysisServiceClient::with_interceptor(self.channel().await, Auth(key.map(str::to_owned)))
    }

    /// Stops the server and waits for it to drain; fails if it does not within 20 s or did
    /// not run cleanly.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        tokio::time::timeout(Duration::from_secs(20), self.done)
            .await
            .expect("server drains within 20 s")
            .expect("server task")
            .expect("server ran cleanly");
        // The last handles on the store close it on the blocking pool: PostgreSQL's synchronous
        // client may not be dropped from an async task (it blocks on a runtime of its own).
        let (store, shared) = (self.store, self.shared);
        tokio::task::spawn_blocking(move || drop((shared, store)))
            .await
            .expect("store closed");
    }
}

/// An in-memory store holding `dossier`, if any.
fn memory(dossier: Option<&Dossier>) -> Arc<dyn Store> {
    let store: Arc<dyn Store> = Arc::from(polemos_store::open("memory:").expect("memory store"));
    if let Some(d) = dossier {
        store
            .commit(WriteBatch::from_dossier(d, "test import"))
            .expect("import");
    }
    store
}

/// Sends `authorization: Bearer <key>` with every call, or nothing (`Auth(None)`).
#[derive(Clone)]
pub struct Auth(pub Option<String>);

impl Auth {
    pub fn key(key: &str) -> Self {
        Self(Some(key.to_owned()))
    }
}

impl tonic::service::Interceptor for Auth {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        if let Some(key) = &self.0 {
            let value = MetadataValue::try_from(format!("Bearer {key}")).expect("ascii");
            req.metadata_mut().insert("authorization", value);
        }
        Ok(req)
    }
}

/// `message` with `authorization: Bearer <key>`, for a call made without a keyed client.
pub fn with_key<T>(message: T, key: &str) -> Request<T> {
    let mut request = Request::new(message);
    let value = MetadataValue::try_from(format!("Bearer {key}")).expect("ascii");
    request.metadata_mut().insert("authorization", value);
    request
}

/// A two-thread runtime for a plain `#[test]` that drives async calls: PostgreSQL's cluster set-up
/// and server processes use blocking clients, which may not run inside an async task.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

/// The line `polemos serve` logs once it listens, with the address it bound (`addr=...`).
const SERVING: &str = "polemos gRPC serving";

/// The line `polemos serve` logs once its metrics endpoint listens, with the address it bound
/// (the CLI's `serve_metrics::METRICS_SERVING`).
const METRICS_SERVING: &str = "Prometheus metrics serving";

/// Starts `serve` (a `polemos ... serve` command without `--listen`) listening on
/// `127.0.0.1:0`, and returns the process and the address the server bound, read from its log:
/// the kernel picks the port as the server binds it, so nothing can take it in between (as a
/// port found free beforehand can be). The command's standard error is the log (at `info`, so
/// the line is there); whatever follows is read and dropped so the server never blocks on it.
/// Panics with the log when the server exits or does not listen within `wait`.
pub fn spawn_serving(
    mut serve: std::process::Command,
    wait: Duration,
) -> (std::process::Child, SocketAddr) {
    serve.args(["--listen", "127.0.0.1:0"]);
    let (child, addrs) = spawn_logging_addresses(serve, &[SERVING], wait);
    (child, addrs[0])
}

/// [`spawn_serving`] with the metrics endpoint on `127.0.0.1:0` too (`serve` without
/// `--metrics-listen`): the process, the gRPC address and the metrics address, both as bound.
pub fn spawn_serving_with_metrics(
    mut serve: std::process::Command,
    wait: Duration,
) -> (std::process::Child, SocketAddr, SocketAddr) {
    serve.args(["--listen", "127.0.0.1:0", "--metrics-listen", "127.0.0.1:0"]);
    let (child, addrs) = spawn_logging_addresses(serve, &[SERVING, METRICS_SERVING], wait);
    (child, addrs[0], addrs[1])
}

/// Starts `serve` and waits for a log line containing each of `lines` with an `addr=...`
/// field; returns the process and those addresses, in the order of `lines`.
fn spawn_logging_addresses(
    mut serve: std::process::Command,
    lines: &[&'static str],
    wait: Duration,
) -> (std::process::Child, Vec<SocketAddr>) {
    use std::io::BufRead;
    let mut child = serve
        .env("POLEMOS_LOG", "info")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start polemos serve");
    let log = child.stderr.take().expect("piped standard error");
    let (found, addrs) = std::sync::mpsc::channel();
    let lines = lines.to_vec();
    std::thread::spawn(move || {
        let mut seen = String::new();
        let mut bound: Vec<Option<SocketAddr>> = vec![None; lines.len()];
        let mut found = Some(found);
        for line in std::io::BufReader::new(log).lines() {
            let Ok(line) = line else { break };
            let Some(tx) = &found else { continue };
            let addr = line
                .split_whitespace()
                .find_map(|w| w.strip_prefix("addr="))
                .and_then(|a| a.parse::<SocketAddr>().ok());
            match (lines.iter().position(|l| line.contains(l)), addr) {
                (Some(i), Some(addr)) => bound[i] = Some(addr),
                _ => {
                    seen.push_str(&line);
                    seen.push('\n');
                }
            }
            if bound.iter().all(Option::is_some) {
                let _ = tx.send(Ok(bound.iter().flatten().copied().collect()));
                found = None;
            }
        }
        if let Some(tx) = found {
            let _ = tx.send(Err(seen));
        }
    });
    match addrs.recv_timeout(wait) {
        Ok(Ok(addrs)) => (child, addrs),
        Ok(Err(log)) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("polemos serve ended before it listened; its log:\n{log}")
        }
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("polemos serve did not listen within {wait:?}")
        }
    }
}

/// The fields a refusal's `BadRequest` detail names, in order (none without the detail).
pub fn violations(status: &Status) -> Vec<String> {
    use tonic_types::StatusExt;
    status
        .get_details_bad_request()
        .map(|b| b.field_violations.into_iter().map(|v| v.field).collect())
        .unwrap_or_default()
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
