//! `polemos serve`: the gRPC server on the configured store. Settings come from flags, then
//! `POLEMOS_*` environment variables, then an optional TOML config file, then defaults.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use polemos_grpc::{self as grpc, Limits, Options, Shared};
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::GlobalArgs;
use crate::cli_knowledge::KnowledgeArgs;

#[derive(Debug, Clone, Default, clap::Args, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct ServeArgs {
    /// Address to serve gRPC on [default: 127.0.0.1:50051].
    #[arg(long, env = "POLEMOS_LISTEN")]
    pub listen: Option<SocketAddr>,
    /// Address of the Prometheus metrics endpoint (`/metrics`), or `off`; the address bound is
    /// logged at start (port 0 picks a free one) [default: 127.0.0.1:9464].
    #[arg(long, env = "POLEMOS_METRICS_LISTEN")]
    pub metrics_listen: Option<String>,
    /// File of API key hashes, made by `polemos keys create` [default: polemos-keys.json].
    #[arg(long, env = "POLEMOS_KEYS_FILE")]
    pub keys_file: Option<PathBuf>,
    /// Serve without authentication (every caller is admin). Only allowed on a loopback address.
    #[arg(long, env = "POLEMOS_INSECURE_NO_AUTH")]
    #[serde(default)]
    pub insecure_no_auth: bool,
    /// PEM certificate chain for TLS (with --tls-key).
    #[arg(long, env = "POLEMOS_TLS_CERT")]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key for TLS (with --tls-cert).
    #[arg(long, env = "POLEMOS_TLS_KEY")]
    pub tls_key: Option<PathBuf>,
    /// Largest gRPC message accepted or sent, in bytes [default: 4194304].
    #[arg(long, env = "POLEMOS_MAX_MESSAGE_BYTES")]
    pub max_message_bytes: Option<usize>,
    /// Largest document text accepted, in bytes [default: 1048576].
    #[arg(long, env = "POLEMOS_MAX_TEXT_BYTES")]
    pub max_text_bytes: Option<usize>,
    /// Requests handled at once; more wait [default: 512].
    #[arg(long, env = "POLEMOS_MAX_CONCURRENT_REQUESTS")]
    pub max_concurrent_requests: Option<usize>,
    /// Open watch/ingest streams beyond which new ones are refused [default: 256].
    #[arg(long, env = "POLEMOS_MAX_STREAMS")]
    pub max_streams: Option<usize>,
    /// Longest a unary call may run, in seconds [default: 30].
    #[arg(long, env = "POLEMOS_REQUEST_TIMEOUT_SECS")]
    pub request_timeout_secs: Option<u64>,
    /// How often watchers look for commits by other processes, in milliseconds [default: 500].
    #[arg(long, env = "POLEMOS_POLL_INTERVAL_MS")]
    pub poll_interval_ms: Option<u64>,
    /// Connections open at once; at the cap a new one evicts the oldest that has sent nothing
    /// yet, or is refused [default: 900].
    #[arg(long, env = "POLEMOS_MAX_CONNECTIONS")]
    pub max_connections: Option<usize>,
    /// Seconds a new connection may stay silent before it is closed [default: 10].
    #[arg(long, env = "POLEMOS_HANDSHAKE_TIMEOUT_SECS")]
    pub handshake_timeout_secs: Option<u64>,
    /// Seconds shutdown waits for calls and streams before cutting them off [default: 5].
    #[arg(long, env = "POLEMOS_DRAIN_TIMEOUT_SECS")]
    pub drain_timeout_secs: Option<u64>,
    /// How often the keys file is re-read, in milliseconds; a revoked key stops working within
    /// this long [default: 500].
    #[arg(long, env = "POLEMOS_KEYS_POLL_MS")]
    pub keys_poll_ms: Option<u64>,
    /// The extractor's knowledge for `Extract` and `Ingest`, as `polemos extract` takes it
    /// (built-in without); in the config file under the same names (`lexicons` a list).
    #[command(flatten)]
    #[serde(skip)]
    pub knowledge: KnowledgeArgs,
    /// The config file's knowledge keys, accepted here (the file's other keys are refused) and
    /// read into `knowledge` by `KnowledgeArgs` itself, so each error keeps its line.
    #[arg(skip)]
    #[serde(default, rename = "lexicons")]
    _lexicons: Option<IgnoredAny>,
    #[arg(skip)]
    #[serde(default, rename = "data_dir")]
    _data_dir: Option<IgnoredAny>,
    #[arg(skip)]
    #[serde(default, rename = "syntax_model")]
    _syntax_model: Option<IgnoredAny>,
    #[arg(skip)]
    #[serde(default, rename = "language")]
    _language: Option<IgnoredAny>,
    /// A TOML file with any of these settings (snake_case keys, e.g. `listen = "0.0.0.0:50051"`);
    /// relative paths in it are taken from the file's directory, not the working directory.
    #[arg(long, env = "POLEMOS_CONFIG")]
    #[serde(skip)]
    pub config: Option<PathBuf>,
}

impl ServeArgs {
    /// Fills what the command line and environment left unset from the config file.
    fn merged(mut self) -> anyhow::Result<Self> {
        let Some(path) = self.config.clone() else {
            return Ok(self);
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading config file {}", path.display()))?;
        let invalid = || format!("config file {} is not valid", path.display());
        let file: Self = toml::from_str(&text).with_context(invalid)?;
        // The knowledge settings are read as the other commands read them, by their own type.
        let knowledge: KnowledgeArgs = toml::from_str(&text).with_context(invalid)?;
        let existing = |key: &str, value| config_path(&path, key, value, Must::Exist);
        self.knowledge.fill_from(knowledge, existing)?;
        if self.tls_cert.is_none() {
            self.tls_cert = file.tls_cert.map(|p| existing("tls_cert", p)).transpose()?;
        }
        if self.tls_key.is_none() {
            self.tls_key = file.tls_key.map(|p| existing("tls_key", p)).transpose()?;
        }
        if self.keys_file.is_none() {
            // A keys file not made yet is an empty key set, as without a config file (`polemos
            // keys create` makes it and the server reloads it); its directory must exist.
            let keys = |p| config_path(&path, "keys_file", p, Must::BeInADirectory);
            self.keys_file = file.keys_file.map(keys).transpose()?;
        }
        macro_rules! fill {
            ($($f:ident),+) => { $( if self.$f.is_none() { self.$f = file.$f; } )+ };
        }
        fill!(
            listen,
            metrics_listen,
            max_message_bytes,
            max_text_bytes,
            max_concurrent_requests,
            max_streams,
            request_timeout_secs,
            poll_interval_ms,
            max_connections,
            handshake_timeout_secs,
            drain_timeout_secs,
            keys_poll_ms
        );
        self.insecure_no_auth |= file.insecure_no_auth;
        Ok(self)
    }
}

/// What a path named in the config file must be.
enum Must {
    Exist,
    BeInADirectory,
}

/// A path the config file names under `key`: a relative one is taken from the file's directory,
/// as in most tools' config files, so the file means the same from any working directory. One
/// that is not there is an error naming the file, the key and the path it resolved to.
fn config_path(config: &Path, key: &str, value: PathBuf, must: Must) -> anyhow::Result<PathBuf> {
    // `join` keeps an absolute `value` as it is; a bare file name's parent is "" (here).
    let resolved = config.parent().unwrap_or(Path::new("")).join(value);
    let (there, missing) = match must {
        Must::Exist => (resolved.exists(), resolved.as_path()),
        Must::BeInADirectory => {
            let dir = resolved.parent().unwrap_or(Path::new(""));
            (dir.as_os_str().is_empty() || dir.is_dir(), dir)
        }
    };
    if !there {
        bail!(
            "config file {}: {key}: {} does not exist",
            config.display(),
            missing.display()
        );
    }
    Ok(resolved)
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("POLEMOS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("SIGINT received"),
        () = term => tracing::info!("SIGTERM received"),
    }
}

pub fn run(global: &GlobalArgs, args: &ServeArgs) -> anyhow::Result<()> {
    init_logging();
    let args = args.clone().merged()?;
    let listen = args
        .listen
        .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 50051)));

    let keys_file = args
        .keys_file
        .clone()
        .unwrap_or_else(|| PathBuf::from("polemos-keys.json"));
    let env_keys = std::env::var("POLEMOS_API_KEYS").ok();
    let mut keys = grpc::auth::load_keys(&keys_file, env_keys.as_deref())?;
    if args.insecure_no_auth {
        if !listen.ip().is_loopback() {
            bail!("--insecure-no-auth is only allowed on a loopback address, not {listen}");
        }
        tracing::warn!("authentication is OFF (--insecure-no-auth): every caller is admin");
        keys.open = true;
    } else if keys.is_empty() {
        tracing::warn!(
            keys_file = %keys_file.display(),
            "no API keys configured: every polemos call will be refused with UNAUTHENTICATED; create one with `polemos keys create --role admin`"
        );
    } else {
        tracing::info!(keys = keys.len(), "API keys loaded");
    }
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => Some((
            std::fs::read(cert).with_context(|| format!("reading {}", cert.display()))?,
            std::fs::read(key).with_context(|| format!("reading {}", key.display()))?,
        )),
        (None, None) => None,
        _ => bail!("TLS needs both --tls-cert and --tls-key"),
    };
    if let (Some((cert, key)), Some(cert_path), Some(key_path)) =
        (&tls, &args.tls_cert, &args.tls_key)
    {
        grpc::check_tls(cert, key).with_context(|| {
            format!(
                "TLS certificate {} with key {}",
                cert_path.display(),
                key_path.display()
            )
        })?;
    }
    let defaults = Options::default();
    let default_limits = Limits::default();
    let options = Options {
        keys,
        limits: Limits {
            max_text_bytes: args.max_text_bytes.unwrap_or(default_limits.max_text_bytes),
            max_page_size: default_limits.max_page_size,
            max_streams: args.max_streams.unwrap_or(default_limits.max_streams),
            poll_interval: args
                .poll_interval_ms
                .map_or(default_limits.poll_interval, Duration::from_millis),
            ..default_limits
        },
        max_message_bytes: args.max_message_bytes.unwrap_or(defaults.max_message_bytes),
        max_concurrent_requests: args
            .max_concurrent_requests
            .unwrap_or(defaults.max_concurrent_requests),
        request_timeout: args
            .request_timeout_secs
            .map_or(defaults.request_timeout, Duration::from_secs),
        tls,
        keys_reload: Some(grpc::KeyReload {
            file: keys_file.clone(),
            env: env_keys,
            interval: Duration::from_millis(args.keys_poll_ms.unwrap_or(500).max(10)),
        }),
        max_connections: args.max_connections.unwrap_or(defaults.max_connections),
        handshake_timeout: args
            .handshake_timeout_secs
            .map_or(defaults.handshake_timeout, Duration::from_secs),
        keepalive_timeout: defaults.keepalive_timeout,
        drain_timeout: args
            .drain_timeout_secs
            .map_or(defaults.drain_timeout, Duration::from_secs),
    };

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("polemos-grpc")
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let metrics = args.metrics_listen.clone().unwrap_or_else(|| "127.0.0.1:9464".into());
        if metrics != "off" {
            let addr: SocketAddr = metrics
                .parse()
                .with_context(|| format!("--metrics-listen `{metrics}` is not an address or `off`"))?;
            crate::serve_metrics::start(addr).await?;
        }
        // The same extractor `polemos extract` builds from the same flags, so the same text
        // stores the same facts and confidences through either; a bad file stops the server here.
        let files = args.knowledge.files();
        let extractor = tokio::task::spawn_blocking(move || files.extractor())
            .await?
            .context("building the extractor")?;
        let db = global.db.clone();
        let limits = options.limits.clone();
        // Off the async workers: stores block, and the PostgreSQL client must not run on them.
        let (store, shared) = tokio::task::spawn_blocking(move || {
            let store: Arc<dyn polemos_store::Store> = Arc::from(polemos_store::open(&db)?);
            let shared = Shared::new(Arc::clone(&store), limits)?.with_extractor(extractor);
            anyhow::Ok((store, shared))
        })
        .await?
        .with_context(|| format!("opening store {}", global.db))?;
        // Commits by other replicas (PostgreSQL LISTEN/NOTIFY) wake watchers at once.
        let wake = shared.clone();
        let _subscription = store
            .subscribe(Arc::new(move |revision| wake.notify(revision)))
            .with_context(|| format!("listening for commits on {}", global.db))?;
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("binding {listen}"))?;
        let local = listener.local_addr()?;
        tracing::info!(addr = %local, db = %global.db, tls = options.tls.is_some(), "polemos gRPC serving");
        // TCP_NODELAY: the builder's `tcp_nodelay` applies only to listeners tonic opens itself.
        // Without it, a response larger than one segment waits on Nagle's algorithm for the
        // client's delayed ACK (40 ms on Linux) before its last bytes go out.
        let incoming =
            tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true));
        grpc::run(shared, options, incoming, shutdown_signal()).await?;
        drop(store);
        tracing::info!("store closed; bye");
        anyhow::Ok(())
    })
}
