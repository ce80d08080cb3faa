//! The middleware every call passes: authentication and the role check (before any handler
//! runs), the call's deadline, then per-method request counts and latency histograms for
//! Prometheus.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tonic::Code;
use tonic::body::Body;
use tonic::codegen::http;
use tower::{Layer, Service};

use super::auth::{Keys, required_role};
use super::error::status;

#[derive(Clone)]
pub struct GateLayer {
    keys: Arc<Keys>,
    timeout: Duration,
}

impl GateLayer {
    /// `timeout`: the longest any call may take before its response starts; a client's shorter
    /// `grpc-timeout` wins.
    pub fn new(keys: Keys, timeout: Duration) -> Self {
        Self {
            keys: Arc::new(keys),
            timeout,
        }
    }
}

impl<S> Layer<S> for GateLayer {
    type Service = Gate<S>;
    fn layer(&self, inner: S) -> Self::Service {
        Gate {
            inner,
            keys: Arc::clone(&self.keys),
            timeout: self.timeout,
        }
    }
}

#[derive(Clone)]
pub struct Gate<S> {
    inner: S,
    keys: Arc<Keys>,
    timeout: Duration,
}

type BoxFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send>>;

/// The deadline a client sent in `grpc-timeout` (gRPC over HTTP/2: at most 8 digits and a unit
/// of H, M, S, m, u or n); `None` when absent or malformed (the server's own limit then applies).
fn client_timeout(headers: &http::HeaderMap) -> Option<Duration> {
    let value = headers.get("grpc-timeout")?.to_str().ok()?;
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

/// The method label of a path, e.g. `DossierService/GetActor`.
fn method_label(path: &str) -> String {
    let path = path.trim_start_matches('/');
    match path.split_once('/') {
        Some((service, method)) => {
            let short = service.rsplit('.').next().unwrap_or(service);
            format!("{short}/{method}")
        }
        None => "unknown".into(),
    }
}

impl<S, B> Service<http::Request<B>> for Gate<S>
where
    S: Service<http::Request<B>, Response = http::Response<Body>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = S::Error;
    type Future = BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let path = req.uri().path().to_owned();
        let method = method_label(&path);
        if let Some(needed) = required_role(&path) {
            let denied = match self.keys.authenticate(req.headers()) {
                Err(status) => Some(status),
                Ok(role) if role < needed => Some(status(
                    Code::PermissionDenied,
                    "ROLE_TOO_LOW",
                    format!(
                        "{method} needs the {} role; this key is {}",
                        needed.as_str(),
                        role.as_str()
                    ),
                )),
                Ok(_) => None,
            };
            if let Some(status) = denied {
                metrics::counter!("polemos_grpc_requests_total", "method" => method, "code" => format!("{:?}", status.code()))
                    .increment(1);
                let response = status.into_http::<Body>();
                return Box::pin(async move { Ok(response) });
            }
        }
        // Take the service that was driven to readiness, leave a fresh clone in its place.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let limit = client_timeout(req.headers()).map_or(self.timeout, |t| t.min(self.timeout));
        Box::pin(async move {
            let started = Instant::now();
            // Enforced here rather than by tonic's server timeout, which answers CANCELLED: a
            // call past its deadline is DEADLINE_EXCEEDED, and its handler future is dropped.
            let mut response = match tokio::time::timeout(limit, inner.call(req)).await {
                Ok(response) => response?,
                Err(_) => status(
                    Code::DeadlineExceeded,
                    "DEADLINE_EXCEEDED",
                    format!("{method} did not finish within its deadline of {limit:?}"),
                )
                .into_http::<Body>(),
            };
            if let Some(st) = tonic::Status::from_header_map(response.headers())
                && matches!(st.code(), Code::Internal | Code::OutOfRange)
            {
                let code = st.code();
                let rewritten = super::malformed(st);
                if rewritten.code() != code {
                    response = rewritten.into_http::<Body>();
                }
            }
            // Errors come back trailers-only, so their code is in the headers; a missing one is OK
            // so far (streams report their final code in trailers).
            let code = response
                .headers()
                .get("grpc-status")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<i32>().ok())
                .map_or(Code::Ok, Code::from_i32);
            metrics::counter!("polemos_grpc_requests_total", "method" => method.clone(), "code" => format!("{code:?}"))
                .increment(1);
            metrics::histogram!("polemos_grpc_request_seconds", "method" => method)
                .record(started.elapsed().as_secs_f64());
            Ok(response)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeout_of(value: &str) -> Option<Duration> {
        let mut headers = http::HeaderMap::new();
        headers.insert("grpc-timeout", value.parse().expect("header value"));
        client_timeout(&headers)
    }

    #[test]
    fn grpc_timeout_header_is_read_in_every_unit() {
        assert_eq!(timeout_of("2H"), Some(Duration::from_secs(7200)));
        assert_eq!(timeout_of("3M"), Some(Duration::from_secs(180)));
        assert_eq!(timeout_of("5S"), Some(Duration::from_secs(5)));
        assert_eq!(timeout_of("250m"), Some(Duration::from_millis(250)));
        assert_eq!(timeout_of("7u"), Some(Duration::from_micros(7)));
        assert_eq!(
            timeout_of("99999999n"),
            Some(Duration::from_nanos(99_999_999))
        );
        for bad in ["", "S", "5", "5s", "-5S", "123456789S", "1.5S"] {
            assert_eq!(timeout_of(bad), None, "{bad:?}");
        }
        assert_eq!(client_timeout(&http::HeaderMap::new()), None);
    }
}
