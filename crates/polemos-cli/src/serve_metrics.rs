//! `polemos serve`'s Prometheus endpoint. It binds its own listener, rather than letting the
//! exporter bind one, so the server can log the address it bound (port 0 picks a free one, as
//! for the gRPC address) and tests read it instead of guessing a free port.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;

/// What `polemos serve` logs once the endpoint listens, with the bound address (`addr=...`).
pub const METRICS_SERVING: &str = "Prometheus metrics serving";

/// How often histogram samples are folded into their summaries (the exporter's own default):
/// without it they pile up for the life of the process.
const UPKEEP: Duration = Duration::from_secs(5);

/// Binds `addr`, installs the global metrics recorder and serves `/metrics` (any path but
/// `/health`, which answers `OK`, as the exporter's own listener did) on the current runtime.
/// Returns the bound address.
pub async fn start(addr: SocketAddr) -> anyhow::Result<SocketAddr> {
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("starting the metrics endpoint on {addr}"))?;
    let bound = listener.local_addr()?;
    let handle = PrometheusBuilder::new()
        .install_recorder()
        .context("installing the metrics recorder")?;
    let upkeep = handle.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(UPKEEP).await;
            upkeep.run_upkeep();
        }
    });
    tokio::spawn(serve(listener, handle));
    tracing::info!(addr = %bound, "{METRICS_SERVING} at http://{bound}/metrics");
    Ok(bound)
}

async fn serve(listener: TcpListener, handle: PrometheusHandle) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of descriptors, say: the next accept may work again.
                tracing::warn!(error = %e, "metrics endpoint: accepting a connection failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let handle = handle.clone();
        let service = hyper::service::service_fn(move |request: Request<Incoming>| {
            let handle = handle.clone();
            async move { Ok::<_, Infallible>(respond(request.uri().path(), handle).await) }
        });
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service);
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "metrics endpoint: connection ended with an error");
            }
        });
    }
}

async fn respond(path: &str, handle: PrometheusHandle) -> Response<Full<Bytes>> {
    let body = if path == "/health" {
        "OK".to_owned()
    } else {
        // Rendering every series takes a while with many of them: off the async workers.
        tokio::task::spawn_blocking(move || handle.render())
            .await
            .unwrap_or_default()
    };
    let mut response = Response::new(Full::new(Bytes::from(body)));
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    response
}
