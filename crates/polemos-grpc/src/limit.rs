//! The limit on requests handled at once, which every call shares except health checks: a
//! load balancer's probe must answer while ordinary calls queue, or a busy server is taken for
//! a dead one (600 concurrent Lists once made 3 of 25 probes fail).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::sync::Semaphore;
use tonic::codegen::http;
use tower::{Layer, Service};

/// Paths exempt from the limit.
const HEALTH: &str = "/grpc.health.v1.Health/";

#[derive(Clone)]
pub struct LimitLayer {
    permits: Arc<Semaphore>,
}

impl LimitLayer {
    pub fn new(max: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(max.max(1))),
        }
    }
}

impl<S> Layer<S> for LimitLayer {
    type Service = Limit<S>;
    fn layer(&self, inner: S) -> Self::Service {
        Limit {
            inner,
            permits: Arc::clone(&self.permits),
        }
    }
}

#[derive(Clone)]
pub struct Limit<S> {
    inner: S,
    permits: Arc<Semaphore>,
}

type BoxFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send>>;

impl<S, B, R> Service<http::Request<B>> for Limit<S>
where
    S: Service<http::Request<B>, Response = R> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = R;
    type Error = S::Error;
    type Future = BoxFuture<R, S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        if req.uri().path().starts_with(HEALTH) {
            return Box::pin(self.inner.call(req));
        }
        // Take the service that was driven to readiness, leave a fresh clone in its place.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let permits = Arc::clone(&self.permits);
        Box::pin(async move {
            // Waits its turn asynchronously; the semaphore is never closed.
            let _permit = permits.acquire_owned().await;
            inner.call(req).await
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use tower::ServiceExt;

    /// A service whose calls to `/slow` wait until released; anything else answers at once.
    fn service(
        release: Arc<tokio::sync::Notify>,
    ) -> impl Service<
        http::Request<()>,
        Response = &'static str,
        Error = std::convert::Infallible,
        Future = impl Send,
    > + Clone
    + Send {
        tower::service_fn(move |req: http::Request<()>| {
            let release = Arc::clone(&release);
            async move {
                if req.uri().path() == "/slow" {
                    release.notified().await;
                }
                Ok::<_, std::convert::Infallible>("done")
            }
        })
    }

    fn req(path: &str) -> http::Request<()> {
        http::Request::builder()
            .uri(path)
            .body(())
            .expect("request")
    }

    #[tokio::test]
    async fn health_checks_pass_a_full_limit_and_other_calls_wait() {
        let release = Arc::new(tokio::sync::Notify::new());
        let layer = LimitLayer::new(1);
        let svc = layer.layer(service(Arc::clone(&release)));
        let slow = tokio::spawn(svc.clone().oneshot(req("/slow")));
        while layer.permits.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        // The one permit is held: an ordinary call waits...
        let waiting = tokio::spawn(
            svc.clone()
                .oneshot(req("/polemos.v1.DossierService/GetActor")),
        );
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        // ...while a health check answers.
        let health = svc
            .clone()
            .oneshot(req("/grpc.health.v1.Health/Check"))
            .await
            .expect("health");
        assert_eq!(health, "done");
        assert!(
            !waiting.is_finished(),
            "the ordinary call waits for the permit"
        );
        release.notify_one();
        slow.await.expect("task").expect("slow");
        tokio::time::timeout(Duration::from_secs(30), waiting)
            .await
            .expect("the waiting call runs once the permit is free")
            .expect("task")
            .expect("call");
    }
}
