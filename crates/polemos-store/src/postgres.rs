//! Shared PostgreSQL backend: several `polemos serve` replicas on one database.
//!
//! The schema mirrors the SQLite one (an append-only revision log plus a `current` index over
//! it), so both backends keep the same history semantics; [`LogStore`](crate::LogStore) does all
//! validation and etag checks. What this module adds is what sharing needs:
//!
//! - **One writer at a time across processes.** Every write transaction first takes a
//!   transaction-scoped advisory lock, then reads the head and appends `head + 1`. Under READ
//!   COMMITTED each statement after the lock sees every commit that released it, so two
//!   replicas can never both append the same revision or check an etag against stale data; the
//!   primary key on `revisions` would refuse a duplicate anyway.
//! - **Consistent reads.** A read runs in one REPEATABLE READ, READ ONLY transaction, so a
//!   snapshot assembled from several queries is one state of the log.
//! - **Versioned migrations** in `schema_migrations`, applied under their own advisory lock so
//!   replicas starting together migrate once.
//! - **A change signal.** A commit sends `NOTIFY polemos_commits` inside its transaction
//!   (delivered only if it commits) with the new revision; [`PostgresBackend::subscribe`] runs a
//!   thread that LISTENs and wakes the caller, reconnecting (and waking with the head, as
//!   notifications may have been missed) when the connection drops.
//!
//! The `postgres` client is synchronous and runs its own small runtime: do not call it from an
//! async task; async callers use a blocking pool (as the gRPC server does).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, TryLockError};
use std::time::Duration;

use chrono::{DateTime, Utc};
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use postgres::{Client, Config, IsolationLevel, NoTls, Row, Statement, Transaction};

use crate::log::{Backend, Entry, LogTx, NewEntry, PageRow, RequestRecord};
use crate::page::{PageScan, SqlValue, page_sql};
use crate::{ChangeRange, Kind, Revision, StoreError, Subscription, Wake};

/// Versioned migrations in order: (version, what it does, SQL). Never edit a released one;
/// append a new version instead.
pub const MIGRATIONS: &[(i32, &str, &str)] = &[
    (
        1,
        "revision log, current-state index, document hashes",
        "CREATE TABLE revisions (
         revision     BIGINT PRIMARY KEY,
         committed_at TIMESTAMPTZ NOT NULL,
         message      TEXT NOT NULL
     );
     CREATE TABLE entries (
         revision BIGINT NOT NULL REFERENCES revisions (revision),
         seq      INTEGER NOT NULL,
         kind     TEXT NOT NULL,
         name     TEXT NOT NULL,
         body     TEXT,
         PRIMARY KEY (revision, seq)
     );
     CREATE INDEX entries_by_name ON entries (kind, name, revision);
     CREATE TABLE current (
         kind     TEXT NOT NULL,
         name     TEXT NOT NULL,
         revision BIGINT NOT NULL REFERENCES revisions (revision),
         body     TEXT NOT NULL,
         PRIMARY KEY (kind, name)
     );
     CREATE TABLE document_hashes (
         content_hash TEXT PRIMARY KEY,
         name         TEXT NOT NULL
     );
     CREATE INDEX document_hashes_by_name ON document_hashes (name);",
    ),
    (
        2,
        "request ids of idempotent writes (AIP-155)",
        "CREATE TABLE request_ids (
             request_id  TEXT PRIMARY KEY,
             fingerprint TEXT NOT NULL,
             revision    BIGINT NOT NULL
         );",
    ),
    (
        3,
        "paged lists: names in byte order, reference index, valid-time start",
        // Keyset pages compare names; the "C" collation compares bytes, as SQLite and the
        // memory store do, whatever locale the database was created with.
        "ALTER TABLE current ALTER COLUMN name TYPE TEXT COLLATE \"C\";
         ALTER TABLE entries ALTER COLUMN name TYPE TEXT COLLATE \"C\";
         ALTER TABLE current ADD COLUMN begins BIGINT;
         CREATE TABLE current_links (
             kind   TEXT NOT NULL,
             name   TEXT COLLATE \"C\" NOT NULL,
             field  TEXT NOT NULL,
             target TEXT COLLATE \"C\" NOT NULL,
             PRIMARY KEY (kind, name, field, target)
         );
         CREATE INDEX current_links_by_target ON current_links (kind, field, target, name);",
    ),
    (
        4,
        "involvement index: the actors and documents each dispute's records name",
        "CREATE TABLE current_involvements (
             dispute TEXT COLLATE \"C\" NOT NULL,
             target  TEXT COLLATE \"C\" NOT NULL,
             kind    TEXT NOT NULL,
             name    TEXT COLLATE \"C\" NOT NULL,
             PRIMARY KEY (dispute, target, kind, name)
         );
         CREATE INDEX current_involvements_by_record ON current_involvements (kind, name);",
    ),
    (
        5,
        "involvements removed by their whole key: the index by record goes",
        "DROP INDEX current_involvements_by_record;",
    ),
    (
        6,
        "involvement index rebuilt from the current records (rows no record gives go)",
        // Since 5, a record's old rows are removed by the pairs its old body gives today; a row
        // an earlier definition of `involvements_of` wrote would stay for good. Emptied here,
        // filled again by `backfill_involvements`.
        "DELETE FROM current_involvements;",
    ),
    (
        7,
        "integer keys for names in commit order; current points at its entries row",
        // As SQLite's migration 9 (see there). The identity's sequence goes on after the keys
        // given here. `current_links` and `current_involvements` are filled again in Rust.
        "CREATE TABLE names (
             id   BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
             kind TEXT NOT NULL,
             name TEXT COLLATE \"C\" NOT NULL,
             UNIQUE (kind, name)
         );
         INSERT INTO names (id, kind, name)
             SELECT ROW_NUMBER() OVER (ORDER BY revision, seq), kind, name
             FROM (SELECT kind, name, revision, seq,
                          ROW_NUMBER() OVER (PARTITION BY kind, name ORDER BY revision, seq) AS nth
                   FROM entries) AS firsts
             WHERE nth = 1;
         SELECT setval(pg_get_serial_sequence('names', 'id'),
                       COALESCE((SELECT MAX(id) FROM names), 0) + 1, false);
         CREATE INDEX names_by_kind ON names (kind, id);
         ALTER TABLE entries ADD COLUMN name_id BIGINT;
         UPDATE entries SET name_id = n.id FROM names n
             WHERE n.kind = entries.kind AND n.name = entries.name;
         DROP INDEX entries_by_name;
         CREATE INDEX entries_by_name ON entries (name_id, revision, seq);
         CREATE TABLE current_by_key (
             id       BIGINT PRIMARY KEY,
             revision BIGINT NOT NULL REFERENCES revisions (revision),
             seq      INTEGER NOT NULL,
             begins   BIGINT
         );
         INSERT INTO current_by_key (id, revision, seq, begins)
             SELECT n.id, c.revision,
                    (SELECT MAX(e.seq) FROM entries e WHERE e.name_id = n.id AND e.revision = c.revision),
                    c.begins
             FROM current c JOIN names n ON n.kind = c.kind AND n.name = c.name;
         DROP TABLE current;
         ALTER TABLE current_by_key RENAME TO current;
         DROP TABLE current_links;
         CREATE TABLE current_links (
             name_id BIGINT NOT NULL,
             field   TEXT NOT NULL,
             target  BIGINT NOT NULL,
             kind    TEXT NOT NULL,
             PRIMARY KEY (name_id, field, target)
         );
         CREATE INDEX current_links_by_target ON current_links (kind, field, target, name_id);
         DROP TABLE current_involvements;
         CREATE TABLE current_involvements (
             dispute BIGINT NOT NULL,
             kind    TEXT NOT NULL,
             target  BIGINT NOT NULL,
             name_id BIGINT NOT NULL,
             PRIMARY KEY (dispute, kind, target, name_id)
         );",
    ),
];

/// The migration that keys every name by an integer and rebuilds the tables over the current
/// state; they are then filled in Rust from the current bodies. Every earlier migration that
/// filled an index in Rust (3: references, 4 and 6: involvements) leaves it to this one.
const KEYS_MIGRATION: i32 = 7;

/// Advisory lock keys ("polemos" in ASCII, then a number), scoped to the database.
const WRITE_LOCK: i64 = 0x706f_6c65_6d6f_7301;
const MIGRATE_LOCK: i64 = 0x706f_6c65_6d6f_7302;

/// The NOTIFY channel commits are announced on; the payload is the new revision.
pub const CHANNEL: &str = "polemos_commits";

/// Connections kept per store. Writers queue on the advisory lock, not on this pool.
const POOL_SIZE: usize = 8;

/// `application_name` of pooled connections (unless the URL sets one) and of the listener, so
/// operators can tell them apart in `pg_stat_activity`.
const APPLICATION_NAME: &str = "polemos";
pub const LISTENER_NAME: &str = "polemos-listen";

/// How often the listener thread looks up from waiting to see whether it should stop.
const LISTEN_TICK: Duration = Duration::from_millis(250);

/// Describes a client error with its cause (the server's message), which `Display` leaves out.
fn describe(e: &postgres::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        Self::Backend(describe(&e))
    }
}

/// The prepared statements every pooled connection keeps.
struct Statements {
    lock_writes: Statement,
    head: Statement,
    latest: Statement,
    live: Statement,
    current_of_kind: Statement,
    latest_of_kind_at: Statement,
    since: Statement,
    document_by_hash: Statement,
    insert_revision: Statement,
    insert_entry: Statement,
    upsert_current: Statement,
    remove_current: Statement,
    unhash: Statement,
    hash: Statement,
    notify: Statement,
    unlink: Statement,
    link: Statement,
    uninvolve: Statement,
    involve: Statement,
    next_involved: Statement,
    involved_live: Statement,
    find_name: Statement,
    assign_name: Statement,
    dispute_key: Statement,
}

impl Statements {
    fn prepare(client: &mut Client) -> Result<Self, StoreError> {
        Ok(Self {
            lock_writes: client.prepare("SELECT pg_advisory_xact_lock($1)")?,
            head: client.prepare("SELECT COALESCE(MAX(revision), 0) FROM revisions")?,
            latest: client.prepare(
                "SELECT e.revision, r.committed_at, e.body
                 FROM names n JOIN entries e ON e.name_id = n.id
                 JOIN revisions r ON r.revision = e.revision
                 WHERE n.kind = $1 AND n.name = $2 AND e.revision <= $3
                 ORDER BY e.revision DESC, e.seq DESC LIMIT 1",
            )?,
            live: client.prepare(
                "SELECT c.revision, e.body FROM names n JOIN current c ON c.id = n.id
                 JOIN entries e ON e.revision = c.revision AND e.seq = c.seq
                 WHERE n.kind = $1 AND n.name = $2",
            )?,
            current_of_kind: client.prepare(
                "SELECT n.name, c.revision, r.committed_at, e.body
                 FROM names n JOIN current c ON c.id = n.id
                 JOIN entries e ON e.revision = c.revision AND e.seq = c.seq
                 JOIN revisions r ON r.revision = c.revision
                 WHERE n.kind = $1 ORDER BY n.id",
            )?,
            latest_of_kind_at: client.prepare(
                "SELECT DISTINCT ON (n.id) n.name, e.revision, r.committed_at, e.body
                 FROM names n JOIN entries e ON e.name_id = n.id
                 JOIN revisions r ON r.revision = e.revision
                 WHERE n.kind = $1 AND e.revision <= $2
                 ORDER BY n.id, e.revision DESC, e.seq DESC",
            )?,
            since: client.prepare(
                "SELECT e.revision, r.committed_at, e.kind, e.name, e.body
                 FROM entries e JOIN revisions r ON r.revision = e.revision
                 WHERE (e.revision, e.seq) >= ($1::BIGINT + 1, $3::INTEGER) ORDER BY e.revision, e.seq LIMIT $2",
            )?,
            document_by_hash: client
                .prepare("SELECT name FROM document_hashes WHERE content_hash = $1")?,
            insert_revision: client.prepare(
                "INSERT INTO revisions (revision, committed_at, message) VALUES ($1, $2, $3)",
            )?,
            insert_entry: client.prepare(
                "INSERT INTO entries (revision, seq, kind, name, body, name_id)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )?,
            upsert_current: client.prepare(
                "INSERT INTO current (id, revision, seq, begins) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (id) DO UPDATE
                 SET revision = excluded.revision, seq = excluded.seq, begins = excluded.begins",
            )?,
            remove_current: client.prepare("DELETE FROM current WHERE id = $1")?,
            unhash: client.prepare("DELETE FROM document_hashes WHERE name = $1")?,
            hash: client.prepare(
                "INSERT INTO document_hashes (content_hash, name) VALUES ($1, $2)
                 ON CONFLICT (content_hash) DO UPDATE SET name = excluded.name",
            )?,
            notify: client.prepare("SELECT pg_notify($1, $2)")?,
            unlink: client.prepare("DELETE FROM current_links WHERE name_id = $1")?,
            link: client.prepare(
                "INSERT INTO current_links (name_id, field, target, kind) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
            )?,
            uninvolve: client.prepare(
                "DELETE FROM current_involvements
                 WHERE dispute = $1 AND kind = $2 AND target = $3 AND name_id = $4",
            )?,
            involve: client.prepare(
                "INSERT INTO current_involvements (dispute, kind, target, name_id)
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )?,
            next_involved: client.prepare(
                "SELECT i.target, n.name FROM current_involvements i JOIN names n ON n.id = i.target
                 WHERE i.dispute = $1 AND i.kind = $2 AND i.target > $3 ORDER BY i.target LIMIT 1",
            )?,
            // A page of a dispute's involved entities with their current bodies in one round
            // trip: the distinct targets one index seek each (a recursive CTE, PostgreSQL's
            // usual loose index scan), then each body by its key. The dispute's key is a scalar
            // subquery (an InitPlan, so a parameter of the index condition); joined as a CTE
            // it made the planner scan the whole involvement table on every step.
            involved_live: client.prepare(
                "WITH RECURSIVE seek (target, n) AS (
                     (SELECT i.target, 1::BIGINT FROM current_involvements i
                      WHERE i.dispute = (SELECT id FROM names WHERE kind = 'dispute' AND name = $1)
                        AND i.kind = $2 AND i.target > $3
                      ORDER BY i.target LIMIT 1)
                     UNION ALL
                     SELECT (SELECT i.target FROM current_involvements i
                             WHERE i.dispute =
                                   (SELECT id FROM names WHERE kind = 'dispute' AND name = $1)
                               AND i.kind = $2 AND i.target > s.target
                             ORDER BY i.target LIMIT 1),
                            s.n + 1
                     FROM seek s WHERE s.target IS NOT NULL AND s.n < $4
                 )
                 SELECT s.target, n.name, c.revision, e.body
                 FROM seek s JOIN names n ON n.id = s.target
                 LEFT JOIN current c ON c.id = s.target
                 LEFT JOIN entries e ON e.revision = c.revision AND e.seq = c.seq
                 WHERE s.target IS NOT NULL
                 ORDER BY s.target",
            )?,
            find_name: client.prepare("SELECT id FROM names WHERE kind = $1 AND name = $2")?,
            assign_name: client
                .prepare("INSERT INTO names (kind, name) VALUES ($1, $2) RETURNING id")?,
            dispute_key: client
                .prepare("SELECT id FROM names WHERE kind = 'dispute' AND name = $1")?,
        })
    }
}

/// One pooled connection with its statements.
struct Conn {
    client: Client,
    st: Statements,
}

/// PostgreSQL as a [`Backend`]: a small pool of connections to one database.
pub struct PostgresBackend {
    config: Config,
    /// Where the store is, with any password left out, for error messages.
    display: String,
    pool: Vec<Mutex<Option<Conn>>>,
}

/// Runs `f` on a plain thread. The synchronous client starts its own runtime, which panics
/// inside a tokio runtime; opening a store is often done from `main` under one, so the
/// connection-making entry points hop off it.
fn off_runtime<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    std::thread::scope(|s| match s.spawn(f).join() {
        Ok(r) => r,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

/// `postgres://user@host:port/db`, without any password, for messages.
fn display_url(config: &Config) -> String {
    use postgres::config::Host;
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .zip(config.get_ports().iter().chain(std::iter::repeat(&5432)))
        .map(|(h, p)| match h {
            Host::Tcp(h) => format!("{h}:{p}"),
            Host::Unix(path) => format!("{}:{p}", path.display()),
        })
        .collect();
    format!(
        "postgres://{}@{}/{}",
        config.get_user().unwrap_or(""),
        hosts.join(","),
        config.get_dbname().unwrap_or("")
    )
}

fn migrate(client: &mut Client) -> Result<(), StoreError> {
    let supported = MIGRATIONS.last().map_or(0, |m| m.0);
    let mut tx = client.transaction()?;
    // Replicas that start together queue here; the first migrates, the rest find it done.
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version     INTEGER PRIMARY KEY,
             description TEXT NOT NULL,
             applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )?;
    let found: i32 = tx
        .query_one(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            &[],
        )?
        .try_get(0)?;
    if found > supported {
        return Err(StoreError::SchemaTooNew {
            found: i64::from(found),
            supported: i64::from(supported),
        });
    }
    for (version, description, sql) in MIGRATIONS.iter().filter(|m| m.0 > found) {
        tx.batch_execute(sql).map_err(|e| {
            StoreError::Backend(format!(
                "migration {version} ({description}): {}",
                describe(&e)
            ))
        })?;
        if *version == KEYS_MIGRATION {
            backfill(&mut tx)?;
        }
        tx.execute(
            "INSERT INTO schema_migrations (version, description) VALUES ($1, $2)",
            &[version, description],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Fills `current.begins`, `current_links` and `current_involvements` from the current bodies
/// (after the migration that rebuilt them empty). A body that does not decode gets no rows
/// rather than a store that cannot be opened: its reads report it, and a put repairs it.
fn backfill(tx: &mut Transaction<'_>) -> Result<(), StoreError> {
    let rows = tx.query(
        "SELECT n.id, n.kind, n.name, e.body FROM names n JOIN current c ON c.id = n.id
         JOIN entries e ON e.revision = c.revision AND e.seq = c.seq ORDER BY n.id",
        &[],
    )?;
    let mut keys = NameKeys::new(
        tx.prepare("SELECT id FROM names WHERE kind = $1 AND name = $2")?,
        tx.prepare("INSERT INTO names (kind, name) VALUES ($1, $2) RETURNING id")?,
    );
    for row in rows {
        let id: i64 = row.try_get(0)?;
        let kind = kind_of(row.try_get(1)?)?;
        let name: String = row.try_get(2)?;
        let Ok(record) = crate::log::decode(kind, &name, row.try_get(3)?) else {
            continue;
        };
        let begins = crate::page::begins_of(&record).map(crate::page::day_of);
        tx.execute(
            "UPDATE current SET begins = $2 WHERE id = $1",
            &[&id, &begins],
        )?;
        for (field, target) in crate::page::links_of(&record) {
            let (_, target) = keys.target(tx, &target)?;
            tx.execute(
                "INSERT INTO current_links (name_id, field, target, kind) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
                &[&id, &field.as_str(), &target, &kind.as_str()],
            )?;
        }
        for (dispute, target) in crate::page::involvements_of(&record) {
            let (_, dispute) = keys.target(tx, &dispute)?;
            let (target_kind, target) = keys.target(tx, &target)?;
            tx.execute(
                "INSERT INTO current_involvements (dispute, kind, target, name_id)
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                &[&dispute, &target_kind.as_str(), &target, &id],
            )?;
        }
    }
    Ok(())
}

/// Name keys looked up (or assigned) in one transaction, remembered for its length.
struct NameKeys {
    known: std::collections::HashMap<(Kind, String), i64>,
    find: Statement,
    assign: Statement,
}

impl NameKeys {
    fn new(find: Statement, assign: Statement) -> Self {
        Self {
            known: std::collections::HashMap::new(),
            find,
            assign,
        }
    }

    /// The key of a name, assigned now (the next in commit order) if it has none.
    fn of(&mut self, tx: &mut Transaction<'_>, kind: Kind, name: &str) -> Result<i64, StoreError> {
        if let Some(&id) = self.known.get(&(kind, name.to_owned())) {
            return Ok(id);
        }
        let found = tx.query_opt(&self.find, &[&kind.as_str(), &name])?;
        let id: i64 = match found {
            Some(row) => row.try_get(0)?,
            None => tx
                .query_one(&self.assign, &[&kind.as_str(), &name])?
                .try_get(0)?,
        };
        self.known.insert((kind, name.to_owned()), id);
        Ok(id)
    }

    /// The kind and key of a name a record refers to.
    fn target(&mut self, tx: &mut Transaction<'_>, name: &str) -> Result<(Kind, i64), StoreError> {
        let kind = Kind::of_name(name).ok_or_else(|| StoreError::Corrupt {
            what: "reference".into(),
            reason: format!("`{name}` is not the name of any kind"),
        })?;
        Ok((kind, self.of(tx, kind, name)?))
    }
}

impl PostgresBackend {
    /// Connects to the database a `postgres://` URL (or key=value string) names and brings its
    /// schema up to date.
    ///
    /// # Errors
    /// A malformed URL, an unreachable or refusing server, a failed migration, or a schema newer
    /// than this build.
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        let mut config: Config = url.parse().map_err(|e: postgres::Error| {
            StoreError::Backend(format!("bad PostgreSQL URL: {}", describe(&e)))
        })?;
        if config.get_application_name().is_none() {
            config.application_name(APPLICATION_NAME);
        }
        let display = display_url(&config);
        let backend = Self {
            config,
            display,
            pool: (0..POOL_SIZE).map(|_| Mutex::new(None)).collect(),
        };
        off_runtime(|| -> Result<(), StoreError> {
            let mut client = backend.raw_client()?;
            migrate(&mut client).map_err(|e| backend.context(e))?;
            let st = Statements::prepare(&mut client)?;
            *backend.pool[0]
                .lock()
                .unwrap_or_else(PoisonError::into_inner) = Some(Conn { client, st });
            Ok(())
        })?;
        Ok(backend)
    }

    /// Where this store is (without password).
    #[must_use]
    pub fn location(&self) -> &str {
        &self.display
    }

    fn context(&self, e: StoreError) -> StoreError {
        match e {
            StoreError::Backend(m) => StoreError::Backend(format!("{}: {m}", self.display)),
            other => other,
        }
    }

    fn raw_client(&self) -> Result<Client, StoreError> {
        self.config.connect(NoTls).map_err(|e| {
            StoreError::Backend(format!(
                "cannot connect to {}: {}",
                self.display,
                describe(&e)
            ))
        })
    }

    /// A live pooled connection, reconnecting a slot whose connection has dropped.
    fn conn(&self) -> Result<MutexGuard<'_, Option<Conn>>, StoreError> {
        let mut guard = self
            .pool
            .iter()
            .find_map(|slot| match slot.try_lock() {
                Ok(guard) => Some(guard),
                Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
                Err(TryLockError::WouldBlock) => None,
            })
            .unwrap_or_else(|| {
                // All busy: wait on one chosen by thread so waiters spread out.
                self.pool[thread_index() % self.pool.len()]
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
            });
        if guard.as_ref().is_none_or(|c| c.client.is_closed()) {
            *guard = None;
            let mut client = self.raw_client()?;
            let st = Statements::prepare(&mut client).map_err(|e| self.context(e))?;
            *guard = Some(Conn { client, st });
        }
        Ok(guard)
    }

    /// Calls `wake` with the new revision from a background thread after commits to this
    /// database by any process (a burst coalesced into one call with its last revision), and
    /// with the head after each reconnection of the listener, since notifications sent while it
    /// was away are lost. Stops when the returned [`Subscription`] is dropped.
    ///
    /// # Errors
    /// When the first connection for listening cannot be made.
    pub fn subscribe(&self, wake: Wake) -> Result<Subscription, StoreError> {
        let config = self.config.clone();
        let display = self.display.clone();
        let (first, _) = off_runtime(|| listen(&config, &display))?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("polemos-pg-listen".into())
            .spawn(move || listener_loop(first, &config, &display, &wake, &flag))
            .map_err(|e| StoreError::Backend(format!("cannot start listener thread: {e}")))?;
        Ok(Subscription::new(move || {
            stop.store(true, Ordering::Relaxed)
        }))
    }
}

/// A connection listening on [`CHANNEL`], and the head it saw right after starting to listen
/// (so no commit falls between the two).
fn listen(config: &Config, display: &str) -> Result<(Client, Revision), StoreError> {
    let mut config = config.clone();
    config.application_name(LISTENER_NAME);
    let mut client = config.connect(NoTls).map_err(|e| {
        StoreError::Backend(format!(
            "cannot connect to {display} to listen: {}",
            describe(&e)
        ))
    })?;
    client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
    let head: i64 = client
        .query_one("SELECT COALESCE(MAX(revision), 0) FROM revisions", &[])?
        .try_get(0)?;
    Ok((client, revision_of(head)))
}

/// Waits for notifications and wakes on each burst; on a dropped connection, reconnects with
/// backoff and wakes with the head then read.
fn listener_loop(
    mut client: Client,
    config: &Config,
    display: &str,
    wake: &Wake,
    stop: &AtomicBool,
) {
    loop {
        while !stop.load(Ordering::Relaxed) && !client.is_closed() {
            let mut newest: Option<Revision> = None;
            let mut notifications = client.notifications();
            let mut iter = notifications.timeout_iter(LISTEN_TICK);
            while let Ok(Some(n)) = FallibleIterator::next(&mut iter) {
                // A payload that is not a revision still says something changed.
                let revision = n.payload().parse().unwrap_or(0);
                newest = Some(newest.map_or(revision, |r: Revision| r.max(revision)));
            }
            if let Some(revision) = newest
                && !stop.load(Ordering::Relaxed)
            {
                wake(revision);
            }
        }
        if stop.load(Ordering::Relaxed) {
            return;
        }
        // `display` would name tracing's own `display` inside its macros.
        let db: &str = display;
        tracing::warn!(
            db,
            "lost the PostgreSQL notification connection; reconnecting (watchers poll meanwhile)"
        );
        let mut backoff = Duration::from_millis(100);
        let mut attempt = 0_u32;
        let head;
        (client, head) = loop {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            attempt += 1;
            match listen(config, display) {
                Ok(listening) => break listening,
                Err(e) => {
                    tracing::warn!(
                        db,
                        attempt,
                        retry_in_ms = u64::try_from(backoff.as_millis()).unwrap_or(u64::MAX),
                        error = %e,
                        "cannot reconnect the PostgreSQL notification listener"
                    );
                    std::thread::sleep(backoff);
                    backoff = (backoff * 2).min(Duration::from_secs(5));
                }
            }
        };
        tracing::info!(
            db,
            attempts = attempt,
            head,
            "PostgreSQL notification listener reconnected"
        );
        // Commits made while we were not listening sent notifications nobody heard.
        wake(head);
    }
}

fn thread_index() -> usize {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::thread::current().id().hash(&mut hasher);
    usize::try_from(hasher.finish() % 1024).unwrap_or(0)
}

fn kind_of(value: &str) -> Result<Kind, StoreError> {
    Kind::parse(value).ok_or_else(|| StoreError::Corrupt {
        what: "entry kind".into(),
        reason: format!("unknown kind `{value}`"),
    })
}

fn revision_of(value: i64) -> Revision {
    Revision::try_from(value).unwrap_or(0)
}

fn sql_revision(value: Revision) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

struct PgTx<'a, 'c> {
    tx: &'a mut Transaction<'c>,
    st: &'a Statements,
    /// The revision appended in this transaction, to announce on commit.
    appended: Option<Revision>,
}

/// Reads `(name, revision, committed_at, body)` rows.
fn named_entries(kind: Kind, rows: &[Row]) -> Result<Vec<Entry>, StoreError> {
    rows.iter()
        .map(|r| {
            Ok(Entry {
                name: r.try_get(0)?,
                revision: revision_of(r.try_get(1)?),
                committed_at: r.try_get::<_, DateTime<Utc>>(2)?,
                kind,
                body: r.try_get(3)?,
            })
        })
        .collect()
}

impl LogTx for PgTx<'_, '_> {
    fn head(&mut self) -> Result<Revision, StoreError> {
        let head: i64 = self.tx.query_one(&self.st.head, &[])?.try_get(0)?;
        Ok(revision_of(head))
    }

    fn latest(
        &mut self,
        kind: Kind,
        name: &str,
        at: Option<Revision>,
    ) -> Result<Option<Entry>, StoreError> {
        let at = sql_revision(at.unwrap_or(Revision::MAX >> 1));
        let row = self
            .tx
            .query_opt(&self.st.latest, &[&kind.as_str(), &name, &at])?;
        row.map(|r| {
            Ok(Entry {
                revision: revision_of(r.try_get(0)?),
                committed_at: r.try_get(1)?,
                kind,
                name: name.to_owned(),
                body: r.try_get(2)?,
            })
        })
        .transpose()
    }

    fn live(&mut self, kind: Kind, name: &str) -> Result<Option<(Revision, String)>, StoreError> {
        // The primary key of the current state, not a search of the log joined to its revisions.
        self.tx
            .query_opt(&self.st.live, &[&kind.as_str(), &name])?
            .map(|r| Ok((revision_of(r.try_get(0)?), r.try_get(1)?)))
            .transpose()
    }

    fn latest_all(&mut self, kind: Kind, at: Option<Revision>) -> Result<Vec<Entry>, StoreError> {
        let entries = match at {
            None => {
                let rows = self.tx.query(&self.st.current_of_kind, &[&kind.as_str()])?;
                named_entries(kind, &rows)?
            }
            Some(at) => {
                let rows = self.tx.query(
                    &self.st.latest_of_kind_at,
                    &[&kind.as_str(), &sql_revision(at)],
                )?;
                named_entries(kind, &rows)?
            }
        };
        Ok(entries.into_iter().filter(|e| e.body.is_some()).collect())
    }

    fn page(&mut self, scan: &PageScan<'_>) -> Result<Vec<PageRow>, StoreError> {
        let (sql, values) = page_sql(scan, '$');
        let values: Vec<Box<dyn ToSql + Sync>> = values
            .into_iter()
            .map(|v| -> Box<dyn ToSql + Sync> {
                match v {
                    SqlValue::Text(t) => Box::new(t),
                    SqlValue::Int(i) => Box::new(i),
                }
            })
            .collect();
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(AsRef::as_ref).collect();
        let rows = self.tx.query(&sql, &refs)?;
        rows.iter()
            .map(|r| {
                Ok(PageRow {
                    name: r.try_get(0)?,
                    revision: revision_of(r.try_get(1)?),
                    body: r.try_get(2)?,
                    key: u64::try_from(r.try_get::<_, i64>(3)?).unwrap_or(0),
                })
            })
            .collect()
    }

    fn involved(
        &mut self,
        dispute: &str,
        kind: Kind,
        after: Option<u64>,
        limit: usize,
    ) -> Result<Vec<(u64, String)>, StoreError> {
        let Some(dispute) = self.tx.query_opt(&self.st.dispute_key, &[&dispute])? else {
            return Ok(Vec::new());
        };
        let dispute: i64 = dispute.try_get(0)?;
        // One index seek per distinct name (PostgreSQL has no loose index scan of its own).
        let mut from = after.map_or(0, |a| i64::try_from(a).unwrap_or(i64::MAX));
        let mut out = Vec::new();
        while out.len() < limit {
            let row = self
                .tx
                .query_opt(&self.st.next_involved, &[&dispute, &kind.as_str(), &from])?;
            let Some(row) = row else { break };
            from = row.try_get(0)?;
            out.push((u64::try_from(from).unwrap_or(0), row.try_get(1)?));
        }
        Ok(out)
    }

    fn involved_live(
        &mut self,
        dispute: &str,
        kind: Kind,
        after: Option<u64>,
        limit: usize,
    ) -> Result<(Vec<PageRow>, usize, Option<u64>), StoreError> {
        if limit == 0 {
            return Ok((Vec::new(), 0, None));
        }
        // One statement, where `involved` and a `live` per name made a page of 50 about 102
        // round trips.
        let from = after.map_or(0, |a| i64::try_from(a).unwrap_or(i64::MAX));
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let found = self.tx.query(
            &self.st.involved_live,
            &[&dispute, &kind.as_str(), &from, &limit],
        )?;
        let last = match found.last() {
            Some(r) => Some(u64::try_from(r.try_get::<_, i64>(0)?).unwrap_or(0)),
            None => None,
        };
        let mut rows = Vec::with_capacity(found.len());
        for r in &found {
            // References are checked on write, so an involved entity is live; skip it if not.
            let (Some(revision), Some(body)) = (
                r.try_get::<_, Option<i64>>(2)?,
                r.try_get::<_, Option<String>>(3)?,
            ) else {
                continue;
            };
            rows.push(PageRow {
                name: r.try_get(1)?,
                revision: revision_of(revision),
                body,
                key: u64::try_from(r.try_get::<_, i64>(0)?).unwrap_or(0),
            });
        }
        Ok((rows, found.len(), last))
    }

    fn since(&mut self, range: ChangeRange) -> Result<Vec<Entry>, StoreError> {
        if i64::try_from(range.after).map_or(true, |a| a == i64::MAX) {
            return Ok(Vec::new()); // nothing can follow: a forged watch token, not an error
        }
        let limit = i64::try_from(range.limit).unwrap_or(i64::MAX);
        let skip = i32::try_from(range.skip).unwrap_or(i32::MAX);
        let rows = self
            .tx
            .query(&self.st.since, &[&sql_revision(range.after), &limit, &skip])?;
        let mut bytes = 0;
        rows.iter()
            .take_while(|r| {
                let under = bytes < range.max_bytes;
                bytes += r
                    .try_get::<_, Option<&str>>(4)
                    .ok()
                    .flatten()
                    .map_or(0, str::len);
                under
            })
            .map(|r| {
                Ok(Entry {
                    revision: revision_of(r.try_get(0)?),
                    committed_at: r.try_get(1)?,
                    kind: kind_of(r.try_get(2)?)?,
                    name: r.try_get(3)?,
                    body: r.try_get(4)?,
                })
            })
            .collect()
    }

    fn document_by_hash(&mut self, hash: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .tx
            .query_opt(&self.st.document_by_hash, &[&hash])?
            .map(|r| r.try_get(0))
            .transpose()?)
    }

    fn request(&mut self, id: &str) -> Result<Option<RequestRecord>, StoreError> {
        let row = self.tx.query_opt(
            "SELECT fingerprint, revision FROM request_ids WHERE request_id = $1",
            &[&id],
        )?;
        row.map(|r| {
            Ok(RequestRecord {
                fingerprint: r.try_get(0)?,
                revision: revision_of(r.try_get(1)?),
            })
        })
        .transpose()
    }

    fn record_request(&mut self, id: &str, record: &RequestRecord) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO request_ids (request_id, fingerprint, revision) VALUES ($1, $2, $3)",
            &[&id, &record.fingerprint, &sql_revision(record.revision)],
        )?;
        Ok(())
    }

    fn append(
        &mut self,
        revision: Revision,
        committed_at: DateTime<Utc>,
        message: &str,
        entries: &[NewEntry],
    ) -> Result<(), StoreError> {
        let rev = sql_revision(revision);
        self.tx
            .execute(&self.st.insert_revision, &[&rev, &committed_at, &message])?;
        let mut keys = NameKeys::new(self.st.find_name.clone(), self.st.assign_name.clone());
        // Keys first, in the batch's order: a record naming one stored later in the same
        // batch does not give it an earlier place.
        let mut ids = Vec::with_capacity(entries.len());
        for entry in entries {
            ids.push(keys.of(self.tx, entry.kind, &entry.name)?);
        }
        for ((seq, entry), id) in entries.iter().enumerate().zip(ids) {
            let kind = entry.kind.as_str();
            let seq = i32::try_from(seq).unwrap_or(i32::MAX);
            self.tx.execute(
                &self.st.insert_entry,
                &[&rev, &seq, &kind, &entry.name, &entry.body, &id],
            )?;
            match &entry.body {
                Some(_) => {
                    let begins = entry.begins.map(crate::page::day_of);
                    self.tx
                        .execute(&self.st.upsert_current, &[&id, &rev, &seq, &begins])?
                }
                None => self.tx.execute(&self.st.remove_current, &[&id])?,
            };
            self.tx.execute(&self.st.unlink, &[&id])?;
            for (field, target) in &entry.links {
                let (_, target) = keys.target(self.tx, target)?;
                self.tx
                    .execute(&self.st.link, &[&id, &field.as_str(), &target, &kind])?;
            }
            if matches!(entry.kind, Kind::Dispute | Kind::Stance | Kind::Event) {
                match &entry.involved_before {
                    Some(before) => {
                        for (dispute, target) in before {
                            let (_, dispute) = keys.target(self.tx, dispute)?;
                            let (target_kind, target) = keys.target(self.tx, target)?;
                            self.tx.execute(
                                &self.st.uninvolve,
                                &[&dispute, &target_kind.as_str(), &target, &id],
                            )?;
                        }
                    }
                    // Not known (the old body does not decode): every row of the record.
                    None => {
                        self.tx.execute(
                            "DELETE FROM current_involvements WHERE name_id = $1",
                            &[&id],
                        )?;
                    }
                }
                for (dispute, target) in &entry.involves {
                    let (_, dispute) = keys.target(self.tx, dispute)?;
                    let (target_kind, target) = keys.target(self.tx, target)?;
                    self.tx.execute(
                        &self.st.involve,
                        &[&dispute, &target_kind.as_str(), &target, &id],
                    )?;
                }
            }
            if entry.kind == Kind::Document {
                self.tx.execute(&self.st.unhash, &[&entry.name])?;
                if let Some(h) = &entry.content_hash {
                    self.tx.execute(&self.st.hash, &[h, &entry.name])?;
                }
            }
        }
        self.appended = Some(revision);
        Ok(())
    }
}

impl Backend for PostgresBackend {
    fn read<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let mut guard = self.conn()?;
        let Some(conn) = guard.as_mut() else {
            return Err(StoreError::Backend("no connection".into()));
        };
        let mut tx = conn
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let result = f(&mut PgTx {
            tx: &mut tx,
            st: &conn.st,
            appended: None,
        })?;
        tx.commit()?;
        Ok(result)
    }

    fn write<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let mut guard = self.conn()?;
        let Some(conn) = guard.as_mut() else {
            return Err(StoreError::Backend("no connection".into()));
        };
        // READ COMMITTED: after the lock, each statement sees every earlier writer's commit.
        let mut tx = conn.client.transaction()?;
        tx.execute(&conn.st.lock_writes, &[&WRITE_LOCK])?;
        let mut log = PgTx {
            tx: &mut tx,
            st: &conn.st,
            appended: None,
        };
        // On error `tx` drops here and rolls back: nothing is written.
        let result = f(&mut log)?;
        if let Some(revision) = log.appended {
            // Delivered to listeners only if (and once) the transaction commits.
            tx.execute(&conn.st.notify, &[&CHANNEL, &revision.to_string()])?;
        }
        tx.commit()?;
        Ok(result)
    }

    fn subscribe(&self, wake: Wake) -> Result<Option<Subscription>, StoreError> {
        Self::subscribe(self, wake).map(Some)
    }
}
