//! The middleware every call passes: authentication and the role check (before any handler
//! runs), the call's deadline, then per-method request counts and latency histograms for
//! Prometheus.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tonic::Code;
use tonic::body::Body;
use tonic::codegen::http;
use tower::{Layer, Service};

use prost::Message;

use super::auth::{LiveKeys, Role, required_role};
use super::error::status;

#[derive(Clone)]
pub struct GateLayer {
    keys: LiveKeys,
    timeout: Duration,
    methods: Arc<Methods>,
}

impl GateLayer {
    /// `timeout`: the longest any call may take before its response starts; a client's shorter
    /// `grpc-timeout` wins.
    pub fn new(keys: LiveKeys, timeout: Duration) -> Self {
        Self {
            keys,
            timeout,
            methods: Arc::new(Methods::served()),
        }
    }
}

impl<S> Layer<S> for GateLayer {
    type Service = Gate<S>;
    fn layer(&self, inner: S) -> Self::Service {
        Gate {
            inner,
            keys: self.keys.clone(),
            timeout: self.timeout,
            methods: Arc::clone(&self.methods),
        }
    }
}

#[derive(Clone)]
pub struct Gate<S> {
    inner: S,
    keys: LiveKeys,
    timeout: Duration,
    methods: Arc<Methods>,
}

/// What the gate knows of one method: its metric label, the role it needs, and its metric
/// handles, registered on first use and kept, so a call costs an atomic add rather than
/// formatting labels and looking them up in the registry.
struct Method {
    label: String,
    role: Option<Role>,
    seconds: OnceLock<metrics::Histogram>,
    /// One counter per status code, indexed by the code's number.
    calls: [OnceLock<metrics::Counter>; 17],
}

impl Method {
    fn new(label: String, role: Option<Role>) -> Self {
        Self {
            label,
            role,
            seconds: OnceLock::new(),
            calls: std::array::from_fn(|_| OnceLock::new()),
        }
    }

    fn count(&self, code: Code) {
        // gRPC has 17 codes, 0 to 16; tonic has no others.
        let Some(slot) = usize::try_from(code as i32)
            .ok()
            .and_then(|index| self.calls.get(index))
        else {
            return;
        };
        let counter = slot.get_or_init(|| {
            metrics::counter!("polemos_grpc_requests_total", "method" => self.label.clone(), "code" => format!("{code:?}"))
        });
        counter.increment(1);
    }

    fn time(&self, seconds: f64) {
        self.seconds
            .get_or_init(|| metrics::histogram!("polemos_grpc_request_seconds", "method" => self.label.clone()))
            .record(seconds);
    }
}

/// Every method this server serves, by request path, and one entry that stands for any other
/// path: a client cannot add metric series by calling methods that do not exist.
struct Methods {
    by_path: HashMap<String, Arc<Method>>,
    unknown: Arc<Method>,
}

impl Methods {
    /// The methods of the polemos services and of the standard health and reflection services,
    /// read from their descriptor sets.
    fn served() -> Self {
        let mut by_path = HashMap::new();
        for set in [
            polemos_proto::FILE_DESCRIPTOR_SET,
            tonic_health::pb::FILE_DESCRIPTOR_SET,
            tonic_reflection::pb::v1::FILE_DESCRIPTOR_SET,
            tonic_reflection::pb::v1alpha::FILE_DESCRIPTOR_SET,
        ] {
            // The sets are compiled into this binary; one that does not decode lists nothing.
            let Ok(set) = prost_types::FileDescriptorSet::decode(set) else {
                continue;
            };
            for file in &set.file {
                for service in &file.service {
                    for method in &service.method {
                        let path =
                            format!("/{}.{}/{}", file.package(), service.name(), method.name());
                        let entry = Method::new(method_label(&path), required_role(&path));
                        by_path.insert(path, Arc::new(entry));
                    }
                }
            }
        }
        Self {
            by_path,
            unknown: Arc::new(Method::new("unknown".into(), None)),
        }
    }

    fn get(&self, path: &str) -> &Arc<Method> {
        self.by_path.get(path).unwrap_or(&self.unknown)
    }
}

/// When a call must be over: its `grpc-timeout`, capped by the server's limit. The gate ends a
/// call whose response has not started by then; a handler that streams for longer (a Monte Carlo
/// forecast) reads this from the request's extensions and stops its work itself.
#[derive(Debug, Clone, Copy)]
pub struct Deadline(pub Instant);

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

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let path = req.uri().path();
        let known = Arc::clone(self.methods.get(path));
        // A path no service declares still needs a key if it claims to be ours; it then ends
        // UNIMPLEMENTED rather than telling an anonymous caller which methods exist.
        let needed = if Arc::ptr_eq(&known, &self.methods.unknown) {
            required_role(path)
        } else {
            known.role
        };
        if let Some(needed) = needed {
            let denied = match self.keys.current().authenticate(req.headers()) {
                Err(status) => Some(status),
                Ok(role) if role < needed => Some(status(
                    Code::PermissionDenied,
                    "ROLE_TOO_LOW",
                    format!(
                        "{} needs the {} role; this key is {}",
                        known.label,
                        needed.as_str(),
                        role.as_str()
                    ),
                )),
                Ok(_) => None,
            };
            if let Some(status) = denied {
                known.count(status.code());
                let response = status.into_http::<Body>();
                return Box::pin(async move { Ok(response) });
            }
        }
        // Take the service that was driven to readiness, leave a fresh clone in its place.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let limit = client_timeout(req.headers()).map_or(self.timeout, |t| t.min(self.timeout));
        req.extensions_mut()
            .insert(Deadline(Instant::now() + limit));
        Box::pin(async move {
            let method = known;
            let started = Instant::now();
            // Enforced here rather than by tonic's server timeout, which answers CANCELLED: a
            // call past its deadline is DEADLINE_EXCEEDED, and its handler future is dropped.
            let mut response = match tokio::time::timeout(limit, inner.call(req)).await {
                Ok(response) => response?,
                Err(_) => status(
                    Code::DeadlineExceeded,
                    "DEADLINE_EXCEEDED",
                    format!(
                        "{} did not finish within its deadline of {limit:?}",
                        method.label
                    ),
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
            method.count(code);
            method.time(started.elapsed().as_secs_f64());
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
    fn served_methods_carry_their_label_and_role_and_others_share_one_entry() {
        let methods = Methods::served();
        let get = methods.get("/polemos.v1.DossierService/GetActor");
        assert_eq!(get.label, "DossierService/GetActor");
        assert_eq!(get.role, Some(Role::Reader));
        let ingest = methods.get("/polemos.v1.ExtractionService/Ingest");
        assert_eq!(ingest.role, Some(Role::Writer));
        let health = methods.get("/grpc.health.v1.Health/Check");
        assert_eq!((health.label.as_str(), health.role), ("Health/Check", None));
        let reflection = methods.get("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo");
        assert_eq!(reflection.label, "ServerReflection/ServerReflectionInfo");
        // Made-up paths cannot mint metric series of their own.
        for path in ["/polemos.v1.DossierService/Nope", "/x.Y/Z", "/"] {
            assert!(Arc::ptr_eq(methods.get(path), &methods.unknown), "{path}");
        }
        assert!(
            methods.by_path.len() > 40,
            "{} methods",
            methods.by_path.len()
        );
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
