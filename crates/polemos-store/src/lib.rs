//! polemos-store: persistence for the polemos model.
//!
//! Every backend keeps one append-only revision log: a commit appends one revision holding the
//! entities it put or deleted, and nothing is overwritten in place. From that log the store
//! answers "what is current", "what was current at revision N", "what was true on date D"
//! (valid time) and "what changed since revision N" (the change feed). Validation and
//! optimistic concurrency live in [`log::LogStore`], shared by all backends.

mod error;
mod ingest;
mod log;
mod memory;
mod page;
mod point_cache;
pub mod postgres;
mod sqlite;

pub use error::StoreError;
pub use ingest::{
    IngestError, IngestOptions, IngestReport, IngestWriter, Ingested, new_facts_batch,
};
pub use log::{Backend, Entry, LogStore, LogTx, NewEntry, PageRow, RequestRecord};
pub use memory::MemoryBackend;
pub use page::{
    Link, LinkField, ListQuery, Page, PageScan, PageTokens, begins_of, involvements_of, links_of,
};
pub use point_cache::PointCache;

/// The schema migrations of the SQL backends, in order, for tests that build a store of an
/// older schema and check what opening it migrates (not an API).
#[doc(hidden)]
pub mod migrations {
    pub use crate::postgres::MIGRATIONS as POSTGRES;
    pub use crate::sqlite::MIGRATIONS as SQLITE;
}
pub use postgres::PostgresBackend;
pub use sqlite::SqliteBackend;

use chrono::{DateTime, NaiveDate, Utc};
use polemos_core::{Dossier, Record};
use serde::{Deserialize, Serialize};

/// A position in the revision log. Revision 0 is the empty store; each commit adds one.
pub type Revision = u64;

/// The kinds of entity the store keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Actor,
    Dispute,
    Issue,
    Stance,
    Event,
    Document,
}

impl Kind {
    pub const ALL: [Self; 6] = [
        Self::Actor,
        Self::Dispute,
        Self::Issue,
        Self::Stance,
        Self::Event,
        Self::Document,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Actor => "actor",
            Self::Dispute => "dispute",
            Self::Issue => "issue",
            Self::Stance => "stance",
            Self::Event => "event",
            Self::Document => "document",
        }
    }

    /// Parses the stored form written by [`Kind::as_str`].
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == value)
    }

    /// The kind a resource name belongs to, from its collection segment.
    #[must_use]
    pub fn of_name(name: &str) -> Option<Self> {
        let mut parts = name.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("actors"), _, None) => Some(Self::Actor),
            (Some("disputes"), _, None) => Some(Self::Dispute),
            (Some("disputes"), _, Some("issues")) => Some(Self::Issue),
            (Some("stances"), _, None) => Some(Self::Stance),
            (Some("events"), _, None) => Some(Self::Event),
            (Some("documents"), _, None) => Some(Self::Document),
            _ => None,
        }
    }

    #[must_use]
    pub fn of_record(record: &Record) -> Self {
        match record {
            Record::Actor(_) => Self::Actor,
            Record::Dispute(_) => Self::Dispute,
            Record::Issue(_) => Self::Issue,
            Record::Stance(_) => Self::Stance,
            Record::Event(_) => Self::Event,
            Record::Document(_) => Self::Document,
        }
    }
}

/// The resource name of a record.
#[must_use]
pub fn record_name(record: &Record) -> &str {
    match record {
        Record::Actor(x) => x.name.as_str(),
        Record::Dispute(x) => x.name.as_str(),
        Record::Issue(x) => x.name.as_str(),
        Record::Stance(x) => x.name.as_str(),
        Record::Event(x) => x.name.as_str(),
        Record::Document(x) => x.name.as_str(),
    }
}

/// A condition on the current state of an entity for a write to go ahead (optimistic concurrency).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Precondition {
    /// Write whatever is there.
    #[default]
    None,
    /// The entity must not exist yet (a create).
    MustNotExist,
    /// The entity must exist and its last change must be at this revision (an etag).
    AtRevision(Revision),
}

/// One change in a batch.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)] // Batches are short-lived; boxing every record buys nothing.
pub enum Op {
    Put {
        record: Record,
        precondition: Precondition,
    },
    Delete {
        kind: Kind,
        name: String,
        precondition: Precondition,
    },
}

/// A set of changes committed all together or not at all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WriteBatch {
    pub ops: Vec<Op>,
    /// Why the change was made (shown in history), e.g. `import kuril-islands.json`.
    pub message: String,
    /// The client's idempotency key (AIP-155 `request_id`): a batch whose id the store has
    /// already seen is not applied again; the commit reports the first one instead.
    pub request: Option<RequestId>,
    /// Validate only (AIP-163): make every check a commit makes, inside the same write
    /// transaction, and report the counts it would, but write nothing (request id included).
    pub validate_only: bool,
}

/// A client-chosen id for one write request and a fingerprint of that request, so that a
/// retry (same id, same fingerprint) can be told apart from a reuse of the id for another
/// request (same id, another fingerprint). The store keeps both, with the revision committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId {
    pub id: String,
    pub fingerprint: String,
}

impl WriteBatch {
    #[must_use]
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            ops: Vec::new(),
            message: message.into(),
            request: None,
            validate_only: false,
        }
    }

    /// A batch putting every entity of a dossier.
    #[must_use]
    pub fn from_dossier(dossier: &Dossier, message: impl Into<String>) -> Self {
        let mut batch = Self::new(message);
        for record in dossier.records() {
            batch.put(record);
        }
        batch
    }

    pub fn put(&mut self, record: Record) -> &mut Self {
        self.ops.push(Op::Put {
            record,
            precondition: Precondition::None,
        });
        self
    }

    pub fn put_if(&mut self, record: Record, precondition: Precondition) -> &mut Self {
        self.ops.push(Op::Put {
            record,
            precondition,
        });
        self
    }

    pub fn delete(
        &mut self,
        kind: Kind,
        name: impl Into<String>,
        precondition: Precondition,
    ) -> &mut Self {
        self.ops.push(Op::Delete {
            kind,
            name: name.into(),
            precondition,
        });
        self
    }
}

/// What a commit did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitResult {
    /// The revision the store is at after the commit (unchanged when nothing changed).
    pub revision: Revision,
    /// How many entities were created, updated or deleted; puts identical to what is stored count
    /// as unchanged, so re-importing the same data changes nothing.
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
    pub unchanged: usize,
    /// Set when the batch's request id had been committed before: nothing was written, and
    /// this is what the first commit under that id recorded (compare its fingerprint).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replay: Option<RequestRecord>,
}

impl CommitResult {
    #[must_use]
    pub fn changed(&self) -> usize {
        self.created + self.updated + self.deleted
    }
}

/// Which state of the store a read sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct View {
    /// Transaction time: the store as it was right after this revision (`None`: now).
    pub revision: Option<Revision>,
    /// Valid time: only what had begun by this date: stances with `valid_from <= as_of`, events
    /// dated on or before it, documents published on or before it (`None`: no date cut).
    pub as_of: Option<NaiveDate>,
}

impl View {
    #[must_use]
    pub fn current() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn as_of(date: NaiveDate) -> Self {
        Self {
            revision: None,
            as_of: Some(date),
        }
    }

    #[must_use]
    pub fn at_revision(revision: Revision) -> Self {
        Self {
            revision: Some(revision),
            as_of: None,
        }
    }
}

/// A stored entity with the revision of its last change (its etag).
#[derive(Debug, Clone, PartialEq)]
pub struct Versioned<T> {
    pub value: T,
    pub revision: Revision,
}

/// One entry of the change feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub revision: Revision,
    pub committed_at: DateTime<Utc>,
    pub kind: Kind,
    pub name: String,
    /// The new state; `None` when the entity was deleted.
    pub record: Option<Record>,
}

/// A bounded read of the change feed: changes after revision `after`, skipping the first `skip`
/// changes of revision `after + 1` (a reader part-way through a large commit), at most `limit`
/// of them, and none past the one whose stored bodies bring the total to `max_bytes` (at least
/// one is returned). Bounding by bytes as well as count keeps a reader's memory bounded when one
/// commit holds 200,000 records or records of a megabyte each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeRange {
    pub after: Revision,
    pub skip: usize,
    pub limit: usize,
    pub max_bytes: usize,
}

/// Persistence for the polemos model. Synchronous: async callers run it on a blocking pool (a
/// point read that [`Store::try_get`] can answer at once excepted).
pub trait Store: Send + Sync {
    /// Validates and commits a batch atomically; on any error nothing is written.
    ///
    /// # Errors
    /// Validation failures, failed preconditions, references that do not resolve, backend errors.
    fn commit(&self, batch: WriteBatch) -> Result<CommitResult, StoreError>;

    /// The latest revision.
    ///
    /// # Errors
    /// Backend errors.
    fn head(&self) -> Result<Revision, StoreError>;

    /// One entity by name, as seen by `view` (the date cut of a view does not apply here).
    ///
    /// # Errors
    /// Backend errors; a missing entity is `Ok(None)`.
    fn get(
        &self,
        kind: Kind,
        name: &str,
        view: View,
    ) -> Result<Option<Versioned<Record>>, StoreError>;

    /// [`Store::get`], answered on the calling thread only when that needs no waiting: an idle
    /// in-process connection (SQLite, memory), never a lock held by another call or the
    /// network. `None` (the default) means "call `get` where blocking is fine". An async server
    /// answers point reads this way without handing them to another thread, a hand-off that
    /// costs more than an in-process read.
    ///
    /// # Errors
    /// As for `get`.
    fn try_get(
        &self,
        _kind: Kind,
        _name: &str,
        _view: View,
    ) -> Option<Result<Option<Versioned<Record>>, StoreError>> {
        None
    }

    /// Every live entity of one kind as seen by `view` (date cut included), in first-stored order,
    /// each with its etag (the revision of its last change), read in one pass: what a List
    /// needs, without decoding the other kinds or re-reading each entity for its etag.
    ///
    /// # Errors
    /// Backend errors.
    fn list(&self, kind: Kind, view: View) -> Result<Vec<Versioned<Record>>, StoreError>;

    /// One page of a list (see [`ListQuery`]): what a List RPC returns, at the cost of the page,
    /// not of the table. Filters are answered from an index of references in the SQL backends.
    ///
    /// # Errors
    /// Backend errors.
    fn list_page(&self, query: &ListQuery) -> Result<Page, StoreError>;

    /// Every entity as seen by `view`, as a dossier.
    ///
    /// # Errors
    /// Backend errors.
    fn snapshot(&self, view: View) -> Result<Dossier, StoreError>;

    /// Changes committed after revision `after`, oldest first, at most `limit`.
    ///
    /// # Errors
    /// Backend errors.
    fn changes_since(&self, after: Revision, limit: usize) -> Result<Vec<Change>, StoreError> {
        self.changes_in(ChangeRange {
            after,
            skip: 0,
            limit,
            max_bytes: usize::MAX,
        })
    }

    /// The changes `range` selects, oldest first.
    ///
    /// # Errors
    /// Backend errors.
    fn changes_in(&self, range: ChangeRange) -> Result<Vec<Change>, StoreError>;

    /// The document already stored with this content hash, if any (for idempotent ingest).
    ///
    /// # Errors
    /// Backend errors.
    fn document_by_hash(&self, content_hash: &str) -> Result<Option<String>, StoreError>;

    /// Asks to be woken (by calling `wake` from a background thread, never from an async task)
    /// when another process sharing this store commits, e.g. another replica on the same
    /// PostgreSQL database, so a change feed need not wait for its next poll. `wake(r)` means
    /// "the store has reached at least revision `r`". Wake-ups are hints: bursts are coalesced,
    /// and after the signal was lost for a while one is sent with the head as then read, so a
    /// watcher must still read [`Store::changes_since`] from its last revision. `Ok(None)`: this
    /// backend has no such signal (memory; SQLite, where one process serves); poll instead.
    /// Dropping the returned [`Subscription`] stops the wake-ups.
    ///
    /// # Errors
    /// When the backend has a signal but cannot start listening.
    fn subscribe(&self, _wake: Wake) -> Result<Option<Subscription>, StoreError> {
        Ok(None)
    }
}

/// What [`Store::subscribe`] calls with a revision the store has reached.
pub type Wake = std::sync::Arc<dyn Fn(Revision) + Send + Sync>;

/// Keeps [`Store::subscribe`] wake-ups coming until dropped.
pub struct Subscription {
    cancel: Option<Box<dyn FnOnce() + Send>>,
}

impl Subscription {
    /// A subscription that runs `cancel` when dropped.
    pub fn new(cancel: impl FnOnce() + Send + 'static) -> Self {
        Self {
            cancel: Some(Box::new(cancel)),
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(cancel) = self.cancel.take() {
            cancel();
        }
    }
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Subscription")
    }
}

/// The lock if no other call holds it. A poisoned lock is taken all the same: what the backends
/// guard stays usable after a caller's panic (the memory log applies a write whole or not at
/// all; an SQLite reader left inside a transaction is ended by its next read).
fn try_lock_unpoisoned<T>(mutex: &std::sync::Mutex<T>) -> Option<std::sync::MutexGuard<'_, T>> {
    match mutex.try_lock() {
        Ok(guard) => Some(guard),
        Err(std::sync::TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
        Err(std::sync::TryLockError::WouldBlock) => None,
    }
}

/// Opens the store a `--db` argument names: `memory:` for a throwaway in-memory store,
/// `postgres://…` (or `postgresql://…`) for a database shared by several replicas, anything else
/// is the path of an SQLite file (created if missing).
///
/// # Errors
/// When the location is empty, cannot be opened or migrated, or names a backend this build
/// lacks.
pub fn open(location: &str) -> Result<Box<dyn Store>, StoreError> {
    // SQLite takes an empty path for a private temporary file deleted on close: a write would
    // succeed and be lost (an unset `POLEMOS_DB=` in a script, say).
    if location.trim().is_empty() {
        return Err(StoreError::InvalidArgument {
            field: "location",
            reason: "is empty: name an SQLite file, `memory:` or a postgres:// URL".into(),
        });
    }
    if location == "memory:" || location == ":memory:" {
        return Ok(Box::new(LogStore::new(MemoryBackend::default())));
    }
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        return Ok(Box::new(LogStore::new(PostgresBackend::connect(location)?)));
    }
    Ok(Box::new(LogStore::new(SqliteBackend::open(location)?)))
}

#[cfg(test)]
mod tests;
