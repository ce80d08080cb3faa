//! What every service shares: the store (synchronous, so called on tokio's blocking pool, but
//! for point reads an in-process store answers at once), the in-process commit notification that
//! wakes change-feed watchers, and the request limits.

use std::sync::{Arc, OnceLock};
use std::time::Instant;

use polemos_core::Record;
use polemos_store::{CommitResult, Kind, PageTokens, Revision, Store, Versioned, View, WriteBatch};
use tokio::sync::{Semaphore, watch};

use super::error::ApiError;
use super::gauges::{ExtractionGuard, Gauges};

/// The environment variable holding the secret page tokens are signed with (unset: a random
/// key per process, so a token is good only on the server that made it).
pub const PAGE_TOKEN_SECRET: &str = polemos_engine::list::PAGE_TOKEN_SECRET;

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
    /// Changes a watch stream reads from the store at a time.
    pub watch_batch_len: usize,
    /// Bytes of stored records a watch stream reads at a time (past the first record): with the
    /// count, what bounds a watcher's memory when one commit is huge.
    pub watch_batch_bytes: usize,
    /// Messages a watch stream queues for the transport beyond what it is sending; it reads no
    /// further from the store until the client takes them.
    pub watch_queue: usize,
    /// Store calls running at once on the blocking pool; more wait (asynchronously) for a turn.
    /// Without a bound, 64 concurrent requests become 64 threads contending for a few
    /// database connections on a few cores, and the switching costs more than the reads.
    pub max_store_calls: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_text_bytes: 1 << 20,
            max_page_size: polemos_engine::MAX_PAGE_SIZE,
            max_streams: 256,
            poll_interval: std::time::Duration::from_millis(500),
            // The PostgreSQL backend's pool size; SQLite has 4 readers and a writer.
            max_store_calls: 8,
            watch_batch_len: 256,
            watch_batch_bytes: 1 << 20,
            watch_queue: 4,
        }
    }
}

/// The store calls the server makes, each timed under its own `op` label of the
/// `polemos_store_seconds` histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreOp {
    Get,
    List,
    Head,
    Commit,
    ChangesSince,
    DocumentByHash,
    ImportValidate,
    Report,
    ForecastSnapshot,
    /// The snapshots the typed analyses read.
    CurrentStances,
    StanceMatrix,
    StanceShifts,
    Deadlocks,
    Coalitions,
    CooperationSeries,
}

impl StoreOp {
    const ALL: [Self; 15] = [
        Self::Get,
        Self::List,
        Self::Head,
        Self::Commit,
        Self::ChangesSince,
        Self::DocumentByHash,
        Self::ImportValidate,
        Self::Report,
        Self::ForecastSnapshot,
        Self::CurrentStances,
        Self::StanceMatrix,
        Self::StanceShifts,
        Self::Deadlocks,
        Self::Coalitions,
        Self::CooperationSeries,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "get",
            Self::List => "list",
            Self::Head => "head",
            Self::Commit => "commit",
            Self::ChangesSince => "changes_since",
            Self::DocumentByHash => "document_by_hash",
            Self::ImportValidate => "import_validate",
            Self::Report => "report",
            Self::ForecastSnapshot => "forecast_snapshot",
            Self::CurrentStances => "current_stances",
            Self::StanceMatrix => "stance_matrix",
            Self::StanceShifts => "stance_shifts",
            Self::Deadlocks => "deadlocks",
            Self::Coalitions => "coalitions",
            Self::CooperationSeries => "cooperation_series",
        }
    }
}

/// One `polemos_store_seconds` handle per [`StoreOp`], registered on first use and kept: a
/// timing is then an atomic add, not a registry lookup of its labels (which cost a Get about
/// half as much as its SQLite read).
#[derive(Default)]
struct StoreTimers([OnceLock<metrics::Histogram>; StoreOp::ALL.len()]);

impl StoreTimers {
    fn record(&self, op: StoreOp, started: Instant) {
        let index = op as usize;
        if let Some(slot) = self.0.get(index) {
            slot.get_or_init(|| metrics::histogram!("polemos_store_seconds", "op" => op.as_str()))
                .record(started.elapsed().as_secs_f64());
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
    /// Makes and checks the page tokens of every List (random key per process by default).
    pub page_tokens: Arc<PageTokens>,
    store_calls: Arc<Semaphore>,
    /// One permit per core for text extraction (`Extract`, `Ingest`): calls beyond the cores
    /// wait here, on the async side, for a core, instead of each taking a blocking thread and
    /// sharing the cores with every other extraction in flight.
    extraction_slots: Arc<Semaphore>,
    timers: Arc<StoreTimers>,
    closing: Arc<watch::Sender<bool>>,
    pub gauges: Arc<Gauges>,
    /// The extractor of `Extract` and `Ingest`: the built-in knowledge unless the server was
    /// given files ([`Shared::with_extractor`]).
    extractor: Option<Arc<polemos_extract::Extractor>>,
}

/// The cores this process may use: how many extractions run at once.
#[must_use]
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

impl Shared {
    /// # Errors
    /// When the store's head cannot be read, or no random key for page tokens can be had.
    pub fn new(store: Arc<dyn Store>, limits: Limits) -> Result<Self, polemos_store::StoreError> {
        let head = store.head()?;
        // Replicas behind one address share a secret, so any of them takes the next page.
        let page_tokens = Arc::new(polemos_engine::page_tokens(None).map_err(|e| {
            polemos_store::StoreError::Backend(format!("no key for page tokens: {e}"))
        })?);
        let (tx, _) = watch::channel(head);
        Ok(Self {
            store,
            head: Arc::new(tx),
            streams: Arc::new(Semaphore::new(limits.max_streams)),
            page_tokens,
            store_calls: Arc::new(Semaphore::new(limits.max_store_calls.max(1))),
            extraction_slots: Arc::new(Semaphore::new(cores())),
            timers: Arc::default(),
            limits,
            closing: Arc::new(watch::channel(false).0),
            gauges: Arc::default(),
            extractor: None,
        })
    }

    /// Extracts with `extractor` (built from the operator's knowledge files, as the CLI builds
    /// it) instead of the built-in knowledge.
    #[must_use]
    pub fn with_extractor(mut self, extractor: polemos_extract::Extractor) -> Self {
        self.extractor = Some(Arc::new(extractor));
        self
    }

    /// The extractor given by [`Shared::with_extractor`], if any.
    #[must_use]
    pub fn extractor(&self) -> Option<Arc<polemos_extract::Extractor>> {
        self.extractor.clone()
    }

    /// Page tokens under a key shared with other replicas, so a listing can continue on any.
    #[must_use]
    pub fn with_page_tokens(mut self, tokens: PageTokens) -> Self {
        self.page_tokens = Arc::new(tokens);
        self
    }

    /// Runs a store call on the blocking pool, timing it as `op`.
    pub async fn blocking<T, F>(&self, op: StoreOp, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&dyn Store) -> Result<T, polemos_store::StoreError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(op, f).await
    }

    /// The store, for work that runs outside [`Shared::run`]: ingest's preparation reads one
    /// content hash while extracting on the blocking pool, and must not hold a store permit for
    /// the extraction's time.
    pub fn store(&self) -> Arc<dyn Store> {
        Arc::clone(&self.store)
    }

    /// Runs CPU-bound work `f` (extraction) on the blocking pool once `cores` of the
    /// [`cores()`] extraction slots are free, `cores` at least 1 and at most all of them; `f`
    /// gets the number it holds, so it can use that many threads. Waiting is fair (first come,
    /// first served), so one stream's batches and many unary calls take turns.
    pub async fn extract_on_cores<T, F>(&self, cores: usize, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(usize) -> T + Send + 'static,
        T: Send + 'static,
    {
        let wanted = cores.clamp(1, self::cores());
        let permit = Arc::clone(&self.extraction_slots)
            .acquire_many_owned(u32::try_from(wanted).unwrap_or(1))
            .await
            .map_err(|_| ApiError::Internal("extraction slots closed".into()))?;
        // Counted from here, before the first await that can yield: a caller whose deadline
        // passes while the work runs leaves it counted until it ends.
        let running = ExtractionGuard::new(&self.gauges);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let _running = running;
            f(wanted)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("extraction task failed: {e}")))
    }

    /// Runs an engine operation (or any store work that fails with an [`ApiError`]) on the
    /// blocking pool, timing it as `op`.
    pub async fn run<T, E, F>(&self, op: StoreOp, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&dyn Store) -> Result<T, E> + Send + 'static,
        E: Into<ApiError> + Send + 'static,
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
        self.timers.record(op, started);
        result.map_err(Into::into)
    }

    /// One entity by name: on this thread when the store can answer at once
    /// ([`Store::try_get`]: an idle in-process connection), else on the blocking pool. A point
    /// read of an embedded store takes microseconds, less than handing it to another thread
    /// and waking this task again.
    pub async fn get(
        &self,
        kind: Kind,
        name: &str,
        view: View,
    ) -> Result<Option<Versioned<Record>>, ApiError> {
        let started = Instant::now();
        if let Some(found) = self.store.try_get(kind, name, view) {
            self.timers.record(StoreOp::Get, started);
            return found.map_err(ApiError::from);
        }
        let name = name.to_owned();
        self.blocking(StoreOp::Get, move |s| s.get(kind, &name, view))
            .await
    }

    /// Commits a batch and wakes watchers.
    pub async fn commit(&self, batch: WriteBatch) -> Result<CommitResult, ApiError> {
        let result = self
            .blocking(StoreOp::Commit, move |s| s.commit(batch))
            .await?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_store_op_has_its_own_timer_slot_and_label() {
        let mut labels = std::collections::HashSet::new();
        for (index, op) in StoreOp::ALL.iter().enumerate() {
            assert_eq!(
                *op as usize, index,
                "{op:?} is out of place in StoreOp::ALL"
            );
            assert!(labels.insert(op.as_str()), "{op:?} repeats a label");
        }
    }
}
