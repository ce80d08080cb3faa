//! What every service shares: the store (synchronous, so called on tokio's blocking pool), the
//! in-process commit notification that wakes change-feed watchers, and the request limits.

use std::sync::Arc;
use std::time::Instant;

use polemos_store::{CommitResult, Revision, Store, WriteBatch};
use tokio::sync::{Semaphore, watch};

use super::error::ApiError;

/// Limits on what one request may carry or hold.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest document text accepted, in bytes.
    pub max_text_bytes: usize,
    /// Largest page a List returns.
    pub max_page_size: usize,
    /// Concurrent server streams (watch, ingest) beyond which new ones get RESOURCE_EXHAUSTED.
    pub max_streams: usize,
    /// How often watchers poll the store for commits made by other processes.
    pub poll_interval: std::time::Duration,
    /// Store calls running at once on the blocking pool; more wait (asynchronously) for a turn.
    /// Without a bound, 64 concurrent requests become 64 threads contending for a few
    /// database connections on a few cores, and the switching costs more than the reads.
    pub max_store_calls: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_text_bytes: 1 << 20,
            max_page_size: 1000,
            max_streams: 256,
            poll_interval: std::time::Duration::from_millis(500),
            // The PostgreSQL backend's pool size; SQLite has 4 readers and a writer.
            max_store_calls: 8,
        }
    }
}

/// Shared state of the polemos services.
#[derive(Clone)]
pub struct Shared {
    store: Arc<dyn Store>,
    head: Arc<watch::Sender<Revision>>,
    pub limits: Limits,
    pub streams: Arc<Semaphore>,
    store_calls: Arc<Semaphore>,
    closing: Arc<watch::Sender<bool>>,
}

impl Shared {
    /// # Errors
    /// When the store's head cannot be read.
    pub fn new(store: Arc<dyn Store>, limits: Limits) -> Result<Self, polemos_store::StoreError> {
        let head = store.head()?;
        let (tx, _) = watch::channel(head);
        Ok(Self {
            store,
            head: Arc::new(tx),
            streams: Arc::new(Semaphore::new(limits.max_streams)),
            store_calls: Arc::new(Semaphore::new(limits.max_store_calls.max(1))),
            limits,
            closing: Arc::new(watch::channel(false).0),
        })
    }

    /// Runs a store call on the blocking pool, timing it as `op`.
    pub async fn blocking<T, F>(&self, op: &'static str, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&dyn Store) -> Result<T, polemos_store::StoreError> + Send + 'static,
        T: Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let started = Instant::now();
        let permit = Arc::clone(&self.store_calls)
            .acquire_owned()
            .await
            .map_err(|_| ApiError::Internal("store calls closed".into()))?;
        let result = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            f(store.as_ref())
        })
        .await
        .map_err(|e| ApiError::Internal(format!("store task failed: {e}")))?;
        metrics::histogram!("polemos_store_seconds", "op" => op)
            .record(started.elapsed().as_secs_f64());
        result.map_err(ApiError::from)
    }

    /// Commits a batch and wakes watchers.
    pub async fn commit(&self, batch: WriteBatch) -> Result<CommitResult, ApiError> {
        let result = self.blocking("commit", move |s| s.commit(batch)).await?;
        self.notify(result.revision);
        Ok(result)
    }

    /// Tells watchers the store reached `revision`.
    pub fn notify(&self, revision: Revision) {
        self.head.send_if_modified(|head| {
            if revision > *head {
                *head = revision;
                true
            } else {
                false
            }
        });
    }

    /// Tells long-lived streams that the server is draining, so they end and let it stop.
    pub fn close_streams(&self) {
        self.closing.send_replace(true);
    }

    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    pub fn subscribe(&self) -> watch::Receiver<Revision> {
        self.head.subscribe()
    }
}
