//! Embedded SQLite backend (the default): WAL mode, one writer connection and a few readers, and
//! schema migrations tracked in `PRAGMA user_version`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OptionalExtension, params};

use crate::log::{Backend, Entry, LogTx, NewEntry, PageRow, RequestRecord};
use crate::page::{PageScan, SqlValue, page_sql};
use crate::point_cache::ChangeStamp;
use crate::{ChangeRange, Kind, PointCache, Revision, StoreError};

/// Schema versions in order; entry `i` upgrades version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: the revision log, the current state as an index over it, and document hashes.
    "CREATE TABLE revisions (
         revision     INTEGER PRIMARY KEY,
         committed_at TEXT NOT NULL,
         message      TEXT NOT NULL
     );
     CREATE TABLE entries (
         revision INTEGER NOT NULL REFERENCES revisions(revision),
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
         revision INTEGER NOT NULL,
         body     TEXT NOT NULL,
         PRIMARY KEY (kind, name)
     ) WITHOUT ROWID;
     CREATE TABLE document_hashes (
         content_hash TEXT PRIMARY KEY,
         name         TEXT NOT NULL
     ) WITHOUT ROWID;",
    // 2: request ids of idempotent writes (AIP-155), with the request's fingerprint.
    "CREATE TABLE request_ids (
         request_id  TEXT PRIMARY KEY,
         fingerprint TEXT NOT NULL,
         revision    INTEGER NOT NULL
     ) WITHOUT ROWID;",
    // 3: the index PostgreSQL always had: re-ingesting a document deletes its old hash by name,
    // which scanned the whole table without it (ingest grew with the square of the corpus).
    "CREATE INDEX document_hashes_by_name ON document_hashes (name);",
    // 4: what filtered lists read a page from, not the whole kind: each current entity's
    // references (`page::links_of`), reachable from either end, and when it begins in valid
    // time (`page::begins_of`, days from the common era). Filled for existing rows by
    // `backfill_links`.
    "ALTER TABLE current ADD COLUMN begins INTEGER;
     CREATE TABLE current_links (
         kind   TEXT NOT NULL,
         name   TEXT NOT NULL,
         field  TEXT NOT NULL,
         target TEXT NOT NULL,
         PRIMARY KEY (kind, name, field, target)
     ) WITHOUT ROWID;
     CREATE INDEX current_links_by_target ON current_links (kind, field, target, name);",
    // 5: what a dispute's actors and documents are listed from (`page::involvements_of`): which
    // current record involves which name in which dispute, read as distinct names in order
    // with one seek each. Filled for existing rows by `backfill_involvements`.
    "CREATE TABLE current_involvements (
         dispute TEXT NOT NULL,
         target  TEXT NOT NULL,
         kind    TEXT NOT NULL,
         name    TEXT NOT NULL,
         PRIMARY KEY (dispute, target, kind, name)
     ) WITHOUT ROWID;
     CREATE INDEX current_involvements_by_record ON current_involvements (kind, name);",
    // 6: `current` as a rowid table, its key (kind, name) in an index beside it. WITHOUT ROWID,
    // the bodies lived in the leaves of the B-tree ordered by name, and names (content hashes)
    // arrive in random order: every new record was written into the middle of a tree that at
    // 16x the benchmark corpus was 20 times the writer's page cache, so each commit read and
    // rewrote pages all over the file, and ingest cost grew faster than the corpus. Now bodies
    // are appended in order and only the small (kind, name) -> rowid index is written at random.
    "CREATE TABLE current_by_rowid (
         kind     TEXT NOT NULL,
         name     TEXT NOT NULL,
         revision INTEGER NOT NULL,
         body     TEXT NOT NULL,
         begins   INTEGER,
         PRIMARY KEY (kind, name)
     );
     INSERT INTO current_by_rowid (kind, name, revision, body, begins)
         SELECT kind, name, revision, body, begins FROM current ORDER BY revision;
     DROP TABLE current;
     ALTER TABLE current_by_rowid RENAME TO current;",
    // 7: a record's involvements are removed by their whole key, from the pairs of the record
    // being replaced (`NewEntry::involved_before`); no query reads this index, and every new
    // stance and event wrote a row into it at a random place.
    "DROP INDEX current_involvements_by_record;",
    // 8: the involvement index rebuilt from the current records (`backfill_involvements`).
    // Since 7, a record's old rows are removed by the pairs its old body gives today; a row an
    // earlier definition of `involvements_of` wrote, which no body gives any more, would stay
    // for good (a dispute listing an actor nothing involves). Rebuilt once, it holds only what
    // the records give.
    "DELETE FROM current_involvements;",
    // 9: every name gets an integer key in `names`, assigned in commit order (here, in the
    // order of each name's first entry in the log), and the tables over the current state are
    // keyed by it: `current` points at its `entries` row (each body once) and pages and the
    // reference and involvement indexes hold integers. With names (content hashes) as keys,
    // every commit inserted into the middle of B-trees far larger than the writer's cache;
    // now only `names (kind, name)` takes inserts at random places. Lists are in first-stored
    // order (the key), see `page.rs`. `current_links` and `current_involvements` are filled
    // again from the current bodies in Rust (`backfill_links`, `backfill_involvements`).
    "CREATE TABLE names (
         id   INTEGER PRIMARY KEY,
         kind TEXT NOT NULL,
         name TEXT NOT NULL,
         UNIQUE (kind, name)
     );
     INSERT INTO names (id, kind, name)
         SELECT ROW_NUMBER() OVER (ORDER BY revision, seq), kind, name
         FROM (SELECT kind, name, revision, seq,
                      ROW_NUMBER() OVER (PARTITION BY kind, name ORDER BY revision, seq) AS nth
               FROM entries) AS firsts
         WHERE nth = 1;
     CREATE INDEX names_by_kind ON names (kind, id);
     ALTER TABLE entries ADD COLUMN name_id INTEGER;
     UPDATE entries SET name_id = (SELECT n.id FROM names n
                                   WHERE n.kind = entries.kind AND n.name = entries.name);
     DROP INDEX entries_by_name;
     CREATE INDEX entries_by_name ON entries (name_id, revision, seq);
     CREATE TABLE current_by_key (
         id       INTEGER PRIMARY KEY,
         revision INTEGER NOT NULL,
         seq      INTEGER NOT NULL,
         begins   INTEGER
     );
     INSERT INTO current_by_key (id, revision, seq, begins)
         SELECT n.id, c.revision,
                (SELECT MAX(e.seq) FROM entries e WHERE e.name_id = n.id AND e.revision = c.revision),
                c.begins
         FROM current c JOIN names n ON n.kind = c.kind AND n.name = c.name
         ORDER BY n.id;
     DROP TABLE current;
     ALTER TABLE current_by_key RENAME TO current;
     DROP TABLE current_links;
     CREATE TABLE current_links (
         name_id INTEGER NOT NULL,
         field   TEXT NOT NULL,
         target  INTEGER NOT NULL,
         kind    TEXT NOT NULL,
         PRIMARY KEY (name_id, field, target)
     ) WITHOUT ROWID;
     CREATE INDEX current_links_by_target ON current_links (kind, field, target, name_id);
     DROP TABLE current_involvements;
     CREATE TABLE current_involvements (
         dispute INTEGER NOT NULL,
         kind    TEXT NOT NULL,
         target  INTEGER NOT NULL,
         name_id INTEGER NOT NULL,
         PRIMARY KEY (dispute, kind, target, name_id)
     ) WITHOUT ROWID;",
];

/// The migration that keys every name by an integer and rebuilds the tables over the current
/// state; they are then filled in Rust from the current bodies. Every earlier migration that
/// filled an index in Rust (4: references, 5 and 8: involvements) leaves it to this one.
const KEYS_MIGRATION: usize = 9;

/// How many read connections to keep open beside the writer.
const READERS: usize = 4;

/// How much of the file the writer maps into memory (see `SqliteBackend::open`): address
/// space, not memory; the OS keeps only the pages read, and shares them with its file cache.
/// SQLite lowers it to its compile-time maximum (`SQLITE_MAX_MMAP_SIZE`, just under 2 GiB);
/// the part of a larger file beyond it is read as before.
const WRITER_MMAP_BYTES: i64 = 2 << 30;

pub struct SqliteBackend {
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Reader>>,
    /// Commits made through `writer`, half of what tells the readers' point caches whether
    /// anything changed (see [`change_stamp`]).
    commits: AtomicU64,
}

/// A read connection and the entities it read recently.
struct Reader {
    conn: Connection,
    cache: PointCache,
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // The query planner stability guarantee: plans never depend on bound values. The bundled
    // SQLite is built with STAT4, under which a statement whose plan looked at a parameter is
    // re-parsed and re-planned every time it is bound again; that was more than half of a Get.
    // Our queries are point and range reads on their indexes, whatever the values.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let supported = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > supported {
        return Err(StoreError::SchemaTooNew { found, supported });
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Re-read under the write lock: another process may have migrated meanwhile.
    let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (version, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(found).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
        if version + 1 == KEYS_MIGRATION {
            backfill_links(&tx)?;
            backfill_involvements(&tx)?;
        }
        tx.pragma_update(
            None,
            "user_version",
            i64::try_from(version + 1).unwrap_or(i64::MAX),
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// The current entities: key, kind, name and body, in key order.
fn current_bodies(
    conn: &Connection,
    kinds: &str,
) -> Result<Vec<(i64, String, String, String)>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT n.id, n.kind, n.name, e.body FROM names n JOIN current c ON c.id = n.id
         JOIN entries e ON e.revision = c.revision AND e.seq = c.seq
         WHERE n.kind IN ({kinds}) ORDER BY n.id"
    ))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Fills `current_links` and `current.begins` for the rows a database had before they existed.
/// A body that does not decode gets no rows rather than a store that cannot be opened: its
/// reads report it, and a put of the record repairs it.
fn backfill_links(conn: &Connection) -> Result<(), StoreError> {
    let all = "'actor', 'dispute', 'issue', 'stance', 'event', 'document'";
    let mut keys = Keys::new(conn);
    for (id, kind, name, body) in current_bodies(conn, all)? {
        let kind = kind_of(&kind)?;
        let Ok(record) = crate::log::decode(kind, &name, &body) else {
            continue;
        };
        let entry = NewEntry {
            kind,
            name,
            body: None,
            content_hash: None,
            links: crate::page::links_of(&record),
            involves: Vec::new(),
            involved_before: Some(Vec::new()),
            begins: crate::page::begins_of(&record),
        };
        conn.execute(
            "UPDATE current SET begins = ?2 WHERE id = ?1",
            params![id, entry.begins.map(crate::page::day_of)],
        )?;
        index_links(&mut keys, &entry, id, true)?;
    }
    Ok(())
}

/// Fills `current_involvements` for the records a database holds (an empty index: new, or
/// emptied to be rebuilt).
fn backfill_involvements(conn: &Connection) -> Result<(), StoreError> {
    let mut keys = Keys::new(conn);
    for (id, kind, name, body) in current_bodies(conn, "'dispute', 'stance', 'event'")? {
        let kind = kind_of(&kind)?;
        // A body that does not decode gets no rows rather than a store that cannot be opened:
        // its reads report it, and a put of the record repairs it (rows included).
        let Ok(record) = crate::log::decode(kind, &name, &body) else {
            continue;
        };
        index_involvements(
            &mut keys,
            id,
            &crate::page::involvements_of(&record),
            Some(&[]),
        )?;
    }
    Ok(())
}

/// The keys of names, looked up or assigned (the next in commit order) within one transaction,
/// and remembered until it ends: a batch of an ingest refers to the same few actors, disputes
/// and issues in most of its stances and events, and each reference was a lookup in `names`.
/// Only valid inside the transaction that filled it (a rollback may undo an assignment).
struct Keys<'c> {
    conn: &'c Connection,
    /// By kind (`Kind as usize`), then name.
    known: [HashMap<String, i64>; Kind::ALL.len()],
}

impl<'c> Keys<'c> {
    fn new(conn: &'c Connection) -> Self {
        Self {
            conn,
            known: Default::default(),
        }
    }

    /// The key of a name, assigned now (the next in commit order) if it has none.
    fn id(&mut self, kind: Kind, name: &str) -> Result<i64, StoreError> {
        if let Some(&id) = self.known[kind as usize].get(name) {
            return Ok(id);
        }
        let id = name_id(self.conn, kind, name)?;
        self.known[kind as usize].insert(name.to_owned(), id);
        Ok(id)
    }

    /// The kind and key of a name a record refers to.
    fn target(&mut self, name: &str) -> Result<(Kind, i64), StoreError> {
        let kind = Kind::of_name(name).ok_or_else(|| StoreError::Corrupt {
            what: "reference".into(),
            reason: format!("`{name}` is not the name of any kind"),
        })?;
        Ok((kind, self.id(kind, name)?))
    }
}

/// The key of a name, assigned now (the next in commit order) if it has none.
fn name_id(conn: &Connection, kind: Kind, name: &str) -> Result<i64, StoreError> {
    let found: Option<i64> = conn
        .prepare_cached("SELECT id FROM names WHERE kind = ?1 AND name = ?2")?
        .query_row(params![kind.as_str(), name], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO names (kind, name) VALUES (?1, ?2)")?
        .execute(params![kind.as_str(), name])?;
    Ok(conn.last_insert_rowid())
}

/// Replaces what one record (key `id`) involves (nothing, for a deletion): removes the pairs of
/// the record it replaces (`before`; `None`: not known, so every row of the record, found by a
/// scan), then adds its own.
fn index_involvements(
    keys: &mut Keys<'_>,
    id: i64,
    involves: &[(String, String)],
    before: Option<&[(String, String)]>,
) -> Result<(), StoreError> {
    let conn = keys.conn;
    match before {
        None => {
            conn.prepare_cached("DELETE FROM current_involvements WHERE name_id = ?1")?
                .execute(params![id])?;
        }
        Some([]) => {}
        Some(before) => {
            let mut remove = conn.prepare_cached(
                "DELETE FROM current_involvements
                 WHERE dispute = ?1 AND kind = ?2 AND target = ?3 AND name_id = ?4",
            )?;
            for (dispute, target) in before {
                let (_, dispute) = keys.target(dispute)?;
                let (kind, target) = keys.target(target)?;
                remove.execute(params![dispute, kind.as_str(), target, id])?;
            }
        }
    }
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO current_involvements (dispute, kind, target, name_id)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (dispute, target) in involves {
        let (_, dispute) = keys.target(dispute)?;
        let (kind, target) = keys.target(target)?;
        insert.execute(params![dispute, kind.as_str(), target, id])?;
    }
    Ok(())
}

/// Replaces the stored references of one entity (key `id`) with those of `entry` (none for a
/// deletion). `fresh`: the entity had no current row, so it has no references to remove.
fn index_links(
    keys: &mut Keys<'_>,
    entry: &NewEntry,
    id: i64,
    fresh: bool,
) -> Result<(), StoreError> {
    let conn = keys.conn;
    if !fresh {
        conn.prepare_cached("DELETE FROM current_links WHERE name_id = ?1")?
            .execute(params![id])?;
    }
    if entry.body.is_none() && entry.links.is_empty() {
        return Ok(());
    }
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO current_links (name_id, field, target, kind) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (field, target) in &entry.links {
        let (_, target) = keys.target(target)?;
        insert.execute(params![id, field.as_str(), target, entry.kind.as_str()])?;
    }
    Ok(())
}

impl SqliteBackend {
    /// Opens (creating if needed) and migrates the database at `path`.
    ///
    /// # Errors
    /// When the file cannot be opened as SQLite or migrated.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref();
        let open = || -> Result<Connection, StoreError> {
            let conn = Connection::open(path)
                .map_err(|e| StoreError::Backend(format!("cannot open {}: {e}", path.display())))?;
            configure(&conn)
                .map_err(|e| StoreError::Backend(format!("{}: {e}", path.display())))?;
            Ok(conn)
        };
        let mut writer = open()?;
        migrate(&mut writer)?;
        // The writer looks up and inserts into every index of the current state at each
        // commit. With SQLite's default 2 MB page cache, a large store's index pages fell out
        // between commits and were read back from the file again and again (a tenth of an
        // ingest's CPU went to copying them in). Up to 64 MB for the one writer; the readers
        // keep the default.
        writer.pragma_update(None, "cache_size", -65536)?;
        // Checkpoint when the WAL holds 64 MB (16,384 pages), not SQLite's 4 MB. A batch of an
        // ingest dirties thousands of pages, so at the default every commit was checkpointed
        // at once: each page copied into the file and the file synced, although the next
        // commits would dirty many of the same pages (the upper levels of every index, the
        // ends the log and the current state grow at) again. Readers are unaffected; the WAL
        // file grows to about this size plus one commit.
        writer.pragma_update(None, "wal_autocheckpoint", 16384)?;
        // Read the file's pages through a memory map rather than a `pread` each. Beyond the
        // page cache, every index page a lookup needs was copied out of the OS's cache by a
        // system call, and at 16x the benchmark corpus those copies were most of the writer's
        // kernel time, which grew faster than the store. Writes still go through the WAL.
        writer.pragma_update(None, "mmap_size", WRITER_MMAP_BYTES)?;
        let readers = (0..READERS)
            .map(|_| {
                open().map(|conn| {
                    Mutex::new(Reader {
                        conn,
                        cache: PointCache::default(),
                    })
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            writer: Mutex::new(writer),
            readers,
            commits: AtomicU64::new(0),
        })
    }

    /// A reader connection no other call is using, if there is one.
    fn idle_reader(&self) -> Option<MutexGuard<'_, Reader>> {
        self.readers.iter().find_map(crate::try_lock_unpoisoned)
    }

    fn reader(&self) -> MutexGuard<'_, Reader> {
        if let Some(guard) = self.idle_reader() {
            return guard;
        }
        // All busy: wait on one chosen by thread so waiters spread out.
        let index = thread_index() % self.readers.len();
        self.readers[index]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

fn thread_index() -> usize {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::thread::current().id().hash(&mut hasher);
    usize::try_from(hasher.finish() % 1024).unwrap_or(0)
}

/// A connection to read or write through; its caller opens any transaction around the calls.
struct SqliteTx<'a> {
    tx: &'a Connection,
    /// A reader's point cache and the backend's commit count it is checked against; the
    /// writer has none.
    cache: Option<(&'a mut PointCache, &'a AtomicU64)>,
    cache_use: CacheUse,
}

/// Whether a transaction may use its connection's point cache, decided at its first use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CacheUse {
    Unchecked,
    Checked,
    Bypassed,
}

impl<'a> SqliteTx<'a> {
    fn writer(tx: &'a Connection) -> Self {
        Self {
            tx,
            cache: None,
            cache_use: CacheUse::Bypassed,
        }
    }

    fn reader(reader: &'a mut Reader, commits: Option<&'a AtomicU64>) -> Self {
        Self {
            tx: &reader.conn,
            cache: commits.map(|commits| (&mut reader.cache, commits)),
            cache_use: CacheUse::Unchecked,
        }
    }
}

fn kind_of(value: &str) -> Result<Kind, StoreError> {
    Kind::parse(value).ok_or_else(|| StoreError::Corrupt {
        what: "entry kind".into(),
        reason: format!("unknown kind `{value}`"),
    })
}

fn time_of(value: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt {
            what: "commit time".into(),
            reason: e.to_string(),
        })
}

/// The one place that says whether anything was committed since a reader's point cache was
/// filled: this process's commit count, and the reader connection's `PRAGMA data_version`, which
/// moves whenever any other connection (another process's, or our writer) commits. The count is
/// read first: a commit counted after it moves the next stamp, and one counted before it is
/// already in what the reads after the stamp see.
fn change_stamp(conn: &Connection, commits: &AtomicU64) -> Result<ChangeStamp, StoreError> {
    let ours = commits.load(Ordering::Acquire);
    let version: i64 = conn
        .prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))?;
    Ok((ours, version))
}

fn revision_of(value: i64) -> Revision {
    Revision::try_from(value).unwrap_or(0)
}

fn sql_revision(value: Revision) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

impl LogTx for SqliteTx<'_> {
    fn point_cache(&mut self) -> Result<Option<&mut PointCache>, StoreError> {
        let Some((cache, commits)) = self.cache.as_mut() else {
            return Ok(None);
        };
        if self.cache_use == CacheUse::Unchecked {
            // Only in autocommit mode, where each statement reads the latest commit: the stamp
            // is read before the reads that fill the cache, so what they find is never older
            // than the stamp it is filed under, and a commit after the stamp moves it by the
            // next check. Inside a transaction the reads see the snapshot its first read took,
            // which may be older than the stamp (or, from the cache, newer than the snapshot).
            self.cache_use = if self.tx.is_autocommit() {
                cache.check(change_stamp(self.tx, commits)?);
                CacheUse::Checked
            } else {
                CacheUse::Bypassed
            };
        }
        Ok((self.cache_use == CacheUse::Checked).then_some(&mut **cache))
    }

    fn head(&mut self) -> Result<Revision, StoreError> {
        let head: Option<i64> = self
            .tx
            .prepare_cached("SELECT MAX(revision) FROM revisions")?
            .query_row([], |r| r.get(0))?;
        Ok(head.map_or(0, revision_of))
    }

    fn latest(
        &mut self,
        kind: Kind,
        name: &str,
        at: Option<Revision>,
    ) -> Result<Option<Entry>, StoreError> {
        // Without a revision, no `revision <= ?` bound: SQLite (built with STAT4) re-prepares a
        // statement whose range bound is a parameter every time it is bound, which cost every
        // Get a parse and plan.
        let read = |r: &rusqlite::Row<'_>| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        };
        let row = match at {
            None => self
                .tx
                .prepare_cached(
                    "SELECT e.revision, r.committed_at, e.body
                     FROM names n JOIN entries e ON e.name_id = n.id JOIN revisions r ON r.revision = e.revision
                     WHERE n.kind = ?1 AND n.name = ?2
                     ORDER BY e.revision DESC, e.seq DESC LIMIT 1",
                )?
                .query_row(params![kind.as_str(), name], read)
                .optional()?,
            Some(at) => self
                .tx
                .prepare_cached(
                    "SELECT e.revision, r.committed_at, e.body
                     FROM names n JOIN entries e ON e.name_id = n.id JOIN revisions r ON r.revision = e.revision
                     WHERE n.kind = ?1 AND n.name = ?2 AND e.revision <= ?3
                     ORDER BY e.revision DESC, e.seq DESC LIMIT 1",
                )?
                .query_row(params![kind.as_str(), name, sql_revision(at)], read)
                .optional()?,
        };
        row.map(|(revision, at, body)| {
            Ok(Entry {
                revision: revision_of(revision),
                committed_at: time_of(&at)?,
                kind,
                name: name.to_owned(),
                body,
            })
        })
        .transpose()
    }

    fn live(&mut self, kind: Kind, name: &str) -> Result<Option<(Revision, String)>, StoreError> {
        // One lookup in the current-state table; the log's own index would also need a sort on
        // `seq` to order two changes to one entity within a revision.
        self.tx
            .prepare_cached(
                "SELECT c.revision, e.body FROM names n JOIN current c ON c.id = n.id
                 JOIN entries e ON e.revision = c.revision AND e.seq = c.seq
                 WHERE n.kind = ?1 AND n.name = ?2",
            )?
            .query_row(params![kind.as_str(), name], |r| {
                Ok((revision_of(r.get::<_, i64>(0)?), r.get::<_, String>(1)?))
            })
            .optional()
            .map_err(StoreError::from)
    }

    fn latest_all(&mut self, kind: Kind, at: Option<Revision>) -> Result<Vec<Entry>, StoreError> {
        // Two statements rather than one with `?2 IS NULL`: SQLite folds such a parameter into
        // the plan and so re-prepares the statement every time it is bound.
        let (sql, at) = match at {
            None => (
                "SELECT n.name, c.revision, r.committed_at, e.body FROM names n JOIN current c ON c.id = n.id
                 JOIN entries e ON e.revision = c.revision AND e.seq = c.seq
                 JOIN revisions r ON r.revision = c.revision
                 WHERE n.kind = ?1 ORDER BY n.id",
                None,
            ),
            Some(at) => (
                "SELECT n.name, e.revision, r.committed_at, e.body
                 FROM names n JOIN entries e ON e.name_id = n.id JOIN revisions r ON r.revision = e.revision
                 WHERE n.kind = ?1 AND e.revision <= ?2 AND e.body IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM entries f WHERE f.name_id = n.id AND f.revision <= ?2
                                   AND (f.revision > e.revision OR (f.revision = e.revision AND f.seq > e.seq)))
                 ORDER BY n.id",
                Some(sql_revision(at)),
            ),
        };
        let mut stmt = self.tx.prepare_cached(sql)?;
        let row = |r: &rusqlite::Row<'_>| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        };
        let mapped = match at {
            None => stmt.query_map(params![kind.as_str()], row)?,
            Some(at) => stmt.query_map(params![kind.as_str(), at], row)?,
        };
        let rows = mapped.collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(name, revision, at, body)| {
                Ok(Entry {
                    revision: revision_of(revision),
                    committed_at: time_of(&at)?,
                    kind,
                    name,
                    body,
                })
            })
            .collect()
    }

    fn page(&mut self, scan: &PageScan<'_>) -> Result<Vec<PageRow>, StoreError> {
        let (sql, values) = page_sql(scan, '?');
        let values = values.into_iter().map(|v| match v {
            SqlValue::Text(t) => rusqlite::types::Value::Text(t),
            SqlValue::Int(i) => rusqlite::types::Value::Integer(i),
        });
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
            Ok(PageRow {
                name: r.get(0)?,
                revision: revision_of(r.get(1)?),
                body: r.get(2)?,
                key: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    fn involved(
        &mut self,
        dispute: &str,
        kind: Kind,
        after: Option<u64>,
        limit: usize,
    ) -> Result<Vec<(u64, String)>, StoreError> {
        let Some(dispute) = self
            .tx
            .prepare_cached("SELECT id FROM names WHERE kind = 'dispute' AND name = ?1")?
            .query_row(params![dispute], |r| r.get::<_, i64>(0))
            .optional()?
        else {
            return Ok(Vec::new());
        };
        // One seek per distinct name: a name that thousands of records involve is one step.
        let mut next = self.tx.prepare_cached(
            "SELECT i.target, n.name FROM current_involvements i JOIN names n ON n.id = i.target
             WHERE i.dispute = ?1 AND i.kind = ?2 AND i.target > ?3 ORDER BY i.target LIMIT 1",
        )?;
        let mut from = after.map_or(0, |a| i64::try_from(a).unwrap_or(i64::MAX));
        let mut out = Vec::new();
        while out.len() < limit {
            let found: Option<(i64, String)> = next
                .query_row(params![dispute, kind.as_str(), from], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            let Some((key, name)) = found else { break };
            from = key;
            out.push((u64::try_from(key).unwrap_or(0), name));
        }
        Ok(out)
    }

    fn since(&mut self, range: ChangeRange) -> Result<Vec<Entry>, StoreError> {
        if i64::try_from(range.after).map_or(true, |a| a == i64::MAX) {
            return Ok(Vec::new()); // nothing can follow: a forged watch token, not an error
        }
        let mut stmt = self.tx.prepare_cached(
            "SELECT e.revision, r.committed_at, e.kind, e.name, e.body FROM entries e JOIN revisions r USING (revision)
             WHERE (e.revision, e.seq) >= (?1 + 1, ?3) ORDER BY e.revision, e.seq LIMIT ?2",
        )?;
        let mapped = stmt.query_map(
            params![
                sql_revision(range.after),
                i64::try_from(range.limit).unwrap_or(i64::MAX),
                i64::try_from(range.skip).unwrap_or(i64::MAX)
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        let mut bytes = 0;
        for row in mapped {
            if bytes >= range.max_bytes {
                break; // rows not stepped to are never read
            }
            let (revision, at, kind, name, body) = row?;
            bytes += body.as_ref().map_or(0, String::len);
            out.push(Entry {
                revision: revision_of(revision),
                committed_at: time_of(&at)?,
                kind: kind_of(&kind)?,
                name,
                body,
            });
        }
        Ok(out)
    }

    fn document_by_hash(&mut self, hash: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT name FROM document_hashes WHERE content_hash = ?1")?
            .query_row(params![hash], |r| r.get(0))
            .optional()?)
    }

    fn request(&mut self, id: &str) -> Result<Option<RequestRecord>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT fingerprint, revision FROM request_ids WHERE request_id = ?1")?
            .query_row(params![id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .optional()?
            .map(|(fingerprint, revision)| RequestRecord {
                fingerprint,
                revision: revision_of(revision),
            }))
    }

    fn record_request(&mut self, id: &str, record: &RequestRecord) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO request_ids (request_id, fingerprint, revision) VALUES (?1, ?2, ?3)",
            params![id, record.fingerprint, sql_revision(record.revision)],
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
        let revision = sql_revision(revision);
        self.tx.execute(
            "INSERT INTO revisions (revision, committed_at, message) VALUES (?1, ?2, ?3)",
            params![revision, committed_at.to_rfc3339(), message],
        )?;
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO entries (revision, seq, kind, name, body, name_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        // Inserted if new, else updated: an entity without a current row has no rows in the
        // indexes over the current state either (they are removed with it), so a new one, most
        // of what an ingest writes, skips the deletes that replace an old entity's index rows.
        let mut create = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO current (id, revision, seq, begins) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut update = self.tx.prepare_cached(
            "UPDATE current SET revision = ?2, seq = ?3, begins = ?4 WHERE id = ?1",
        )?;
        let mut remove = self
            .tx
            .prepare_cached("DELETE FROM current WHERE id = ?1")?;
        let mut unhash = self
            .tx
            .prepare_cached("DELETE FROM document_hashes WHERE name = ?1")?;
        let mut hash = self.tx.prepare_cached(
            "INSERT OR REPLACE INTO document_hashes (content_hash, name) VALUES (?1, ?2)",
        )?;
        // Keys first, in the batch's order: a record naming one stored later in the same
        // batch does not give it an earlier place.
        let mut keys = Keys::new(self.tx);
        let ids = entries
            .iter()
            .map(|entry| keys.id(entry.kind, &entry.name))
            .collect::<Result<Vec<_>, _>>()?;
        for ((seq, entry), id) in entries.iter().enumerate().zip(ids) {
            let seq = i64::try_from(seq).unwrap_or(i64::MAX);
            insert.execute(params![
                revision,
                seq,
                entry.kind.as_str(),
                entry.name,
                entry.body,
                id
            ])?;
            let fresh = match &entry.body {
                Some(_) => {
                    let row = params![id, revision, seq, entry.begins.map(crate::page::day_of)];
                    let fresh = create.execute(row)? == 1;
                    if !fresh {
                        update.execute(row)?;
                    }
                    fresh
                }
                None => {
                    remove.execute(params![id])?;
                    false
                }
            };
            index_links(&mut keys, entry, id, fresh)?;
            if matches!(entry.kind, Kind::Dispute | Kind::Stance | Kind::Event) {
                index_involvements(
                    &mut keys,
                    id,
                    &entry.involves,
                    entry.involved_before.as_deref(),
                )?;
            }
            if entry.kind == Kind::Document {
                if !fresh {
                    unhash.execute(params![entry.name])?;
                }
                if let Some(h) = &entry.content_hash {
                    hash.execute(params![h, entry.name])?;
                }
            }
        }
        Ok(())
    }
}

/// Runs `f` in a read transaction on `conn`, so every read inside it sees one snapshot. Begun
/// and ended with cached statements: `Connection::transaction` sends BEGIN and ROLLBACK through
/// `execute_batch`, which parses both anew on every read.
fn read_in<R>(
    reader: &mut Reader,
    f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
) -> Result<R, StoreError> {
    if !reader.conn.is_autocommit() {
        // A transaction an earlier call could not end (its ROLLBACK failed): end it now rather
        // than fail the BEGIN below, or read inside its stale snapshot.
        reader.conn.execute_batch("ROLLBACK")?;
    }
    reader.conn.prepare_cached("BEGIN")?.execute([])?;
    // No point cache inside a transaction: see `SqliteTx::point_cache`.
    let result = f(&mut SqliteTx::reader(reader, None));
    // A read transaction has nothing to keep: ROLLBACK ends it and releases its snapshot.
    let ended = reader
        .conn
        .prepare_cached("ROLLBACK")
        .and_then(|mut st| st.execute([]));
    let value = result?;
    ended?;
    Ok(value)
}

impl Backend for SqliteBackend {
    fn read<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        read_in(&mut self.reader(), f)
    }

    /// Only when a reader connection is idle. The read itself is SQLite's: pages from its cache
    /// or the OS's, and, rarely, a short wait in SQLite's own locking (WAL recovery after a
    /// crashed writer), as any file read may wait on the disk.
    fn try_read<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Option<Result<R, StoreError>> {
        let mut reader = self.idle_reader()?;
        Some(read_in(&mut reader, f))
    }

    /// In autocommit mode, where each statement reads the latest snapshot: no BEGIN and
    /// ROLLBACK to run.
    fn try_read_unpinned<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Option<Result<R, StoreError>> {
        let mut reader = self.idle_reader()?;
        if !reader.conn.is_autocommit() {
            // Left inside a transaction by a failed ROLLBACK: take the path that ends it.
            return Some(read_in(&mut reader, f));
        }
        Some(f(&mut SqliteTx::reader(&mut reader, Some(&self.commits))))
    }

    fn write<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let mut conn = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        // IMMEDIATE takes the write lock up front, so other processes' writers queue behind us.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let result = f(&mut SqliteTx::writer(&tx))?;
        tx.commit()?;
        self.commits.fetch_add(1, Ordering::Release);
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn try_read_declines_while_every_reader_is_busy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let backend = SqliteBackend::open(dir.path().join("t.db")).expect("open");
        let held: Vec<_> = backend
            .readers
            .iter()
            .map(|r| r.lock().expect("lock"))
            .collect();
        assert!(backend.try_read(|tx| tx.head()).is_none());
        drop(held);
        assert_eq!(
            backend
                .try_read(|tx| tx.head())
                .expect("idle")
                .expect("head"),
            0
        );
    }

    #[test]
    fn the_writer_reads_the_file_through_a_memory_map() {
        let dir = tempfile::tempdir().expect("temp dir");
        let backend = SqliteBackend::open(dir.path().join("t.db")).expect("open");
        let writer = backend.writer.lock().expect("lock");
        let mapped: i64 = writer
            .pragma_query_value(None, "mmap_size", |r| r.get(0))
            .expect("mmap_size");
        // A store of 1 GB (the benchmark corpus at 16x is about 0.7 GB) is mapped whole.
        assert!(mapped >= 1 << 30, "writer maps only {mapped} bytes");
    }

    #[test]
    fn a_read_left_inside_a_transaction_is_ended_by_the_next() {
        let dir = tempfile::tempdir().expect("temp dir");
        let backend = SqliteBackend::open(dir.path().join("t.db")).expect("open");
        for reader in &backend.readers {
            reader
                .lock()
                .expect("lock")
                .conn
                .execute_batch("BEGIN")
                .expect("begin");
        }
        assert_eq!(backend.read(|tx| tx.head()).expect("head"), 0);
        assert!(
            backend
                .readers
                .iter()
                .any(|r| r.lock().expect("lock").conn.is_autocommit())
        );
    }

    /// The reader a single-threaded caller gets: the first, as every reader is idle.
    fn first_cache(store: &crate::LogStore<SqliteBackend>) -> MutexGuard<'_, Reader> {
        store.backend().readers[0].lock().expect("lock")
    }

    #[test]
    fn current_gets_come_from_the_point_cache_until_anyone_commits() {
        use crate::{Store, View, WriteBatch};
        use polemos_core::{Actor, Record};

        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.db");
        let server = crate::LogStore::new(SqliteBackend::open(&path).expect("open"));
        // Another process, as far as SQLite can tell: its own connections to the file.
        let other = crate::LogStore::new(SqliteBackend::open(&path).expect("open again"));
        server
            .commit(WriteBatch::from_dossier(
                &crate::tests::reference_dossier(),
                "import",
            ))
            .expect("import");
        let display_of = |store: &crate::LogStore<SqliteBackend>, name: &str| {
            let found = store
                .try_get(Kind::Actor, name, View::current())
                .expect("an idle reader")
                .expect("read");
            found.map(|v| match v.value {
                Record::Actor(a) => a.display_name,
                other => panic!("not an actor: {other:?}"),
            })
        };
        let display = |store: &crate::LogStore<SqliteBackend>| display_of(store, "actors/JPN");
        assert_eq!(display(&server).as_deref(), Some("Japan"));
        let (mut planted, revision) = {
            let reader = first_cache(&server);
            let cached = reader
                .cache
                .get(Kind::Actor, "actors/JPN")
                .cloned()
                .flatten()
                .expect("the read was cached");
            let Record::Actor(actor) = cached.value else {
                panic!("not an actor")
            };
            (actor, cached.revision)
        };
        // Change the cached copy behind SQLite's back: a Get that answers with it was served
        // from the cache, one that answers "Japan" read the file.
        planted.display_name = "from the cache".into();
        first_cache(&server).cache.put(
            Kind::Actor,
            "actors/JPN",
            Some(crate::Versioned {
                value: Record::Actor(planted.clone()),
                revision,
            }),
            1,
        );
        assert_eq!(display(&server).as_deref(), Some("from the cache"));
        let pinned = server
            .get(Kind::Actor, "actors/JPN", View::current())
            .expect("get")
            .map(|v| match v.value {
                Record::Actor(a) => a.display_name,
                other => panic!("not an actor: {other:?}"),
            });
        assert_eq!(
            pinned.as_deref(),
            Some("Japan"),
            "a read inside a transaction reads its snapshot, not the cache"
        );
        assert_eq!(display(&server).as_deref(), Some("from the cache"));

        // A commit by another connection to something else still empties the cache.
        assert_eq!(display_of(&server, "actors/NEW"), None);
        let mut unrelated = WriteBatch::new("unrelated");
        unrelated.put(Record::Actor(Actor {
            name: polemos_core::ActorName::parse("actors/NEW").expect("name"),
            display_name: "New".into(),
            ..planted.clone()
        }));
        other.commit(unrelated).expect("commit elsewhere");
        assert_eq!(display(&server).as_deref(), Some("Japan"));
        assert_eq!(
            display_of(&server, "actors/NEW").as_deref(),
            Some("New"),
            "an entity cached as missing is seen once created"
        );

        // The other process renames one actor and deletes another; each is seen at once.
        let mut rename = WriteBatch::new("rename");
        rename.put(Record::Actor(Actor {
            display_name: "Nippon".into(),
            ..planted
        }));
        other.commit(rename).expect("rename");
        assert_eq!(display(&server).as_deref(), Some("Nippon"));
        let mut delete = WriteBatch::new("delete");
        delete.delete(Kind::Actor, "actors/NEW", crate::Precondition::None);
        other.commit(delete).expect("delete");
        assert_eq!(display_of(&server, "actors/NEW"), None);
        assert_eq!(display(&server).as_deref(), Some("Nippon"));
    }
}
