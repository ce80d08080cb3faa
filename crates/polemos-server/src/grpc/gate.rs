//! The middleware every call passes: authentication and the role check (before any handler
//! runs), then per-method request counts and latency histograms for Prometheus.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use tonic::Code;
use tonic::body::Body;
use tonic::codegen::http;
use tower::{Layer, Service};

use super::auth::{Keys, required_role};
use super::error::status;

#[derive(Clone)]
pub struct GateLayer {
    keys: Arc<Keys>,
}

impl GateLayer {
    pub fn new(keys: Keys) -> Self {
        Self { keys: Arc::new(keys) }
    }
}

impl<S> Layer<S> for GateLayer {
    type Service = Gate<S>;
    fn layer(&self, inner: S) -> Self::Service {
        Gate {
            inner,
            keys: Arc::clone(&self.keys),
        }
    }
}

#[derive(Clone)]
pub struct Gate<S> {
    inner: S,
    keys: Arc<Keys>,
}

type BoxFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send>>;

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
                    format!("{method} needs the {} role; this key is {}", needed.as_str(), role.as_str()),
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
        Box::pin(async move {
            let started = Instant::now();
            let mut response = inner.call(req).await?;
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
