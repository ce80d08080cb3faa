//! The test server the abuse and bad-input suites share: a real server on 127.0.0.1:0 over an
//! in-memory store, with its shared state (gauges) at hand.
#![allow(dead_code)] // each test crate uses part of it

use std::sync::Arc;
use std::time::Duration;

use polemos_core::Dossier;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_server::grpc::{self, Keys, Options, Shared, auth};
use polemos_store::{Store, WriteBatch};
use tokio::sync::oneshot;
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
