//! The `polemos.v1` gRPC server: the polemos services, the standard health and reflection
//! services, and the middleware every call passes (concurrency limit, authentication, metrics).
//!
//! [`run`] serves on any incoming connection stream until a shutdown future resolves,
//! so the binary (`polemos serve`, in polemos-cli), the integration tests and the load bench share
//! one stack.

pub mod analysis;
pub mod analysis_convert;
pub mod analytics;
pub mod auth;
pub mod connections;
pub mod convert;
pub mod curation;
pub mod dossier;
pub mod error;
pub mod extraction;
pub mod forecast_convert;
pub mod gate;
pub mod gauges;
pub mod import;
pub mod limit;
pub mod resource;
pub mod state;
pub mod watch;

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use polemos_proto::v1::analysis_service_server::AnalysisServiceServer;
use polemos_proto::v1::change_service_server::ChangeServiceServer;
use polemos_proto::v1::curation_service_server::CurationServiceServer;
use polemos_proto::v1::dossier_service_server::DossierServiceServer;
use polemos_proto::v1::extraction_service_server::ExtractionServiceServer;
use polemos_proto::v1::import_service_server::ImportServiceServer;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_stream::Stream;
use tonic::Code;
use tonic::codec::CompressionEncoding;
use tonic::transport::server::Connected;
use tonic::transport::{Identity, ServerTlsConfig};
use tonic_types::{ErrorDetails, StatusExt};

pub use auth::{KeyReload, Keys, LiveKeys, Role};
pub use state::{Limits, Shared};

/// How the server runs, apart from its store.
#[derive(Debug, Clone)]
pub struct Options {
    pub keys: Keys,
    pub limits: Limits,
    /// Largest request or response message, in bytes.
    pub max_message_bytes: usize,
    /// Requests handled at once across all connections; more wait their turn.
    pub max_concurrent_requests: usize,
    /// Longest any unary call may take (a shorter client deadline wins).
    pub request_timeout: Duration,
    /// PEM certificate chain and private key, for TLS.
    pub tls: Option<(Vec<u8>, Vec<u8>)>,
    /// Reload the keys from this file while serving (revocation without a restart).
    pub keys_reload: Option<KeyReload>,
    /// Connections open at once; at the cap a new one evicts the oldest silent one, or is
    /// refused. Keep it below the process's file descriptor limit.
    pub max_connections: usize,
    /// How long a new connection may stay silent before it is closed.
    pub handshake_timeout: Duration,
    /// How long an HTTP/2 keepalive ping may go unanswered before the connection is closed.
    pub keepalive_timeout: Duration,
    /// How long shutdown waits for calls and streams to finish before cutting them off.
    pub drain_timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            keys: Keys::default(),
            limits: Limits::default(),
            max_message_bytes: 4 << 20,
            max_concurrent_requests: 512,
            request_timeout: Duration::from_secs(30),
            tls: None,
            keys_reload: None,
            // Under the common descriptor limit of 1,024, leaving room for the store and logs.
            max_connections: 900,
            handshake_timeout: Duration::from_secs(10),
            keepalive_timeout: Duration::from_secs(20),
            drain_timeout: Duration::from_secs(5),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("TLS configuration: {}", error_chain(.0))]
    Tls(tonic::transport::Error),
    #[error("reflection: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    #[error("server: {0}")]
    Transport(tonic::transport::Error),
}

/// An error with its sources, `outer: inner: ...`: tonic's transport errors say only
/// "transport error" and keep what went wrong (a bad PEM block, a key that does not match) in
/// their source.
#[must_use]
pub fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut out = error.to_string();
    let mut source = error.source();
    while let Some(e) = source {
        let text = e.to_string();
        if !out.ends_with(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = e.source();
    }
    out
}

/// Checks PEM certificate chain and private key the way the server will load them, so bad TLS
/// material is reported at start-up.
///
/// # Errors
/// What rustls finds wrong: no certificate, no key, a key it cannot read.
pub fn check_tls(cert: &[u8], key: &[u8]) -> Result<(), ServeError> {
    tonic::transport::Server::builder()
        .tls_config(ServerTlsConfig::new().identity(Identity::from_pem(cert, key)))
        .map(|_| ())
        .map_err(ServeError::Tls)
}

/// Rewrites tonic's decode failure (INTERNAL "failed to decode Protobuf message: ...") as the
/// client error it is: INVALID_ARGUMENT with `ErrorInfo` and the field prost names, e.g.
/// `Document.text` for text that is not UTF-8. Other statuses pass through unchanged.
pub fn malformed(st: tonic::Status) -> tonic::Status {
    // tonic reports a message over the size limit as OUT_OF_RANGE; gRPC's convention (and what
    // clients retry on) is RESOURCE_EXHAUSTED.
    if st.code() == Code::OutOfRange && st.message().contains("message length too large") {
        let details =
            ErrorDetails::with_error_info("MESSAGE_TOO_LARGE", error::DOMAIN, HashMap::new());
        return tonic::Status::with_error_details(Code::ResourceExhausted, st.message(), details);
    }
    if st.code() != Code::Internal || !st.message().contains("failed to decode") {
        return st;
    }
    // prost lists the field path innermost first (`Document.text: ExtractRequest.document: ...`).
    let field = st
        .message()
        .split(": ")
        .find(|part| {
            !part.contains(' ')
                && part.contains('.')
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
        })
        .unwrap_or("")
        .to_owned();
    let mut details =
        ErrorDetails::with_error_info("MALFORMED_MESSAGE", error::DOMAIN, HashMap::new());
    if !field.is_empty() {
        details.add_bad_request_violation(field, st.message().to_owned());
    }
    tonic::Status::with_error_details(
        Code::InvalidArgument,
        format!("malformed request: {}", st.message()),
        details,
    )
}

/// Serves the polemos services on `incoming` until `shutdown` resolves, then drains: health
/// turns NOT_SERVING, open streams end with UNAVAILABLE (clients resume from their last token),
/// in-flight calls finish, and only then does this return.
///
/// # Errors
/// Bad TLS material or a transport failure.
pub async fn run<I, IO, IE, F>(
    shared: Shared,
    options: Options,
    incoming: I,
    shutdown: F,
) -> Result<(), ServeError>
where
    I: Stream<Item = Result<IO, IE>> + Send,
    IO: AsyncRead + AsyncWrite + Connected + Unpin + Send + 'static,
    IE: Into<Box<dyn std::error::Error + Send + Sync>>,
    F: Future<Output = ()> + Send,
{
    let (health, health_service) = tonic_health::server::health_reporter();
    health
        .set_service_status("", tonic_health::ServingStatus::NotServing)
        .await;
    let reflection_v1 = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(polemos_proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let reflection_v1alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(polemos_proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?;

    let max = options.max_message_bytes;
    let dossier = DossierServiceServer::new(dossier::Dossiers::new(shared.clone()))
        .max_decoding_message_size(max)
        .max_encoding_message_size(max)
        .accept_compressed(CompressionEncoding::Gzip)
        .send_compressed(CompressionEncoding::Gzip);
    let changes = ChangeServiceServer::new(watch::Changes::new(shared.clone()))
        .max_decoding_message_size(max)
        .max_encoding_message_size(max)
        .accept_compressed(CompressionEncoding::Gzip)
        .send_compressed(CompressionEncoding::Gzip);
    let analysis = AnalysisServiceServer::new(analysis::Analysis::new(shared.clone()))
        .max_decoding_message_size(max)
        .max_encoding_message_size(max)
        .accept_compressed(CompressionEncoding::Gzip)
        .send_compressed(CompressionEncoding::Gzip);
    let import = ImportServiceServer::new(import::Imports::new(shared.clone()))
        .max_decoding_message_size(max)
        .max_encoding_message_size(max)
        .accept_compressed(CompressionEncoding::Gzip)
        .send_compressed(CompressionEncoding::Gzip);
    let curation = CurationServiceServer::new(curation::Curation::new(shared.clone()))
        .max_decoding_message_size(max)
        .max_encoding_message_size(max)
        .accept_compressed(CompressionEncoding::Gzip)
        .send_compressed(CompressionEncoding::Gzip);
    let extraction = ExtractionServiceServer::new(extraction::Extraction::new(shared.clone()))
        .max_decoding_message_size(max)
        .max_encoding_message_size(max)
        .accept_compressed(CompressionEncoding::Gzip)
        .send_compressed(CompressionEncoding::Gzip);

    let keys = LiveKeys::new(options.keys.clone());
    let reloading = options
        .keys_reload
        .clone()
        .filter(|_| !options.keys.open)
        .map(|reload| tokio::spawn(auth::watch_keys(keys.clone(), reload)));
    let middleware = tower::ServiceBuilder::new()
        .layer(limit::LimitLayer::new(options.max_concurrent_requests))
        .layer(gate::GateLayer::new(keys, options.request_timeout))
        .into_inner();
    // No `.timeout()` here: the gate enforces deadlines (tonic's would answer CANCELLED).
    // `tcp_nodelay` here would apply only to listeners tonic binds itself; callers pass
    // `TcpIncoming::with_nodelay` (see `polemos serve`).
    let mut builder = tonic::transport::Server::builder()
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(options.keepalive_timeout));
    if let Some((cert, key)) = &options.tls {
        builder = builder
            .tls_config(ServerTlsConfig::new().identity(Identity::from_pem(cert, key)))
            .map_err(ServeError::Tls)?;
    }
    let router = builder
        .layer(middleware)
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(dossier)
        .add_service(changes)
        .add_service(extraction)
        .add_service(import)
        .add_service(curation)
        .add_service(analysis);

    let set = |status| {
        let health = health.clone();
        async move {
            health.set_service_status("", status).await;
            for name in [
                "polemos.v1.DossierService",
                "polemos.v1.ChangeService",
                "polemos.v1.ExtractionService",
                "polemos.v1.AnalysisService",
                "polemos.v1.ImportService",
            ] {
                health.set_service_status(name, status).await;
            }
        }
    };
    set(tonic_health::ServingStatus::Serving).await;
    let (draining, drain_started) = tokio::sync::oneshot::channel::<()>();
    let drain = {
        let shared = shared.clone();
        async move {
            shutdown.await;
            tracing::info!("shutting down: health NOT_SERVING, ending streams, draining calls");
            set(tonic_health::ServingStatus::NotServing).await;
            shared.close_streams();
            let _ = draining.send(());
        }
    };
    let tracker = connections::Tracker::new(
        options.max_connections,
        options.handshake_timeout,
        std::sync::Arc::clone(&shared.gauges),
    );
    let incoming = tokio_stream::StreamExt::filter_map(incoming, move |io| match io {
        Ok(io) => tracker.admit(io).map(Ok),
        Err(e) => Some(Err(e)),
    });
    let memory = tokio::spawn(report_memory());
    let serve = router.serve_with_incoming_shutdown(incoming, drain);
    // A client that stops reading would hold the drain open for ever: it gets `drain_timeout`.
    let deadline = async {
        if drain_started.await.is_ok() {
            tokio::time::sleep(options.drain_timeout).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    let result = tokio::select! {
        r = serve => {
            tracing::info!("all calls drained");
            r.map_err(ServeError::Transport)
        }
        () = deadline => {
            tracing::warn!(
                drain_timeout = ?options.drain_timeout,
                streams = shared.gauges.open_streams.get(),
                connections = shared.gauges.connections.get(),
                "drain timed out: cutting off the calls and connections still open"
            );
            Ok(())
        }
    };
    memory.abort();
    if let Some(task) = reloading {
        task.abort();
    }
    result
}

/// Keeps the resident-memory gauge current for the metrics endpoint.
async fn report_memory() {
    let resident = metrics::gauge!("polemos_process_resident_bytes");
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        if let Some(bytes) = gauges::resident_bytes() {
            #[allow(clippy::cast_precision_loss)] // bytes far below 2^52
            resident.set(bytes as f64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_failures_become_invalid_argument() {
        let st = tonic::Status::internal(
            "failed to decode Protobuf message: Document.text: ExtractRequest.document: invalid string value: data is not UTF-8 encoded",
        );
        let out = malformed(st);
        assert_eq!(out.code(), Code::InvalidArgument);
        let bad = out.get_details_bad_request().expect("bad request");
        assert_eq!(bad.field_violations[0].field, "Document.text");
        let other = malformed(tonic::Status::internal("boom"));
        assert_eq!(other.code(), Code::Internal);
    }
}
