//! SQLite's wal-index header, read from the shared memory SQLite itself maps for it: a stamp
//! that changes whenever any connection to the database, in this process or another, commits.
//!
//! Why: a current Get answered from a reader's point cache must first know that nothing was
//! committed since the cache was filled. `PRAGMA data_version` tells, but it is a statement and
//! a read transaction, with two `fcntl` locks on the `-shm` file; under load that was most of a
//! cached Get. SQLite decides whether its own page cache is still good by comparing this header
//! with the copy it read last (`walIndexTryHdr` in wal.c); we make the same comparison, with no
//! lock and no system call.
//!
//! The header's layout is SQLite's file format, not an internal detail: every version of SQLite
//! in every process that opens the database shares it (<https://sqlite.org/walformat.html>,
//! "The WAL-Index Header"). The mapping comes from the VFS's own `xShmMap`, so it is the one
//! SQLite keeps for the connection, never a second descriptor of ours on the `-shm` file (closing
//! that would drop every POSIX lock this process holds on it).

// The one module that needs `unsafe`: a foreign call to find the mapping and reads of memory that
// another process writes. The rest of the workspace forbids it.
#![allow(unsafe_code)]

use std::ffi::{c_int, c_void};
use std::path::Path;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, Ordering, fence};

use rusqlite::{Connection, OpenFlags, ffi};

/// Words in one copy of the header: `struct WalIndexHdr` in wal.c, 48 bytes.
const HEADER_WORDS: usize = 12;
/// Words of the header its checksum covers (all but the checksum itself).
const CHECKSUMMED_WORDS: usize = 10;
/// The size SQLite maps the wal-index in (`WALINDEX_PGSZ`); `xShmMap` must be asked for the same.
const REGION_BYTES: c_int = 32768;

/// One copy of the wal-index header. Equal stamps read at two moments mean nothing was committed
/// in between: every commit rewrites the header with a new change counter and the checksum of
/// its last frame.
pub type ChangeStamp = [u32; HEADER_WORDS];

/// A read-only view of a database's wal-index header.
pub struct WalIndex {
    /// Keeps the mapping alive: SQLite unmaps the wal-index when the last connection of this
    /// process that uses it closes. Never used for anything else.
    _conn: Connection,
    /// The first word of the header, in memory shared with every other connection.
    header: NonNull<u32>,
}

// SAFETY: `header` points into a mapping that stays valid while `_conn` is open, which is as long
// as this value lives; the memory is only ever read, with atomic loads, from any thread.
unsafe impl Send for WalIndex {}
unsafe impl Sync for WalIndex {}

impl WalIndex {
    /// Opens a connection of its own to the database at `path` (already in WAL mode) and finds
    /// the header SQLite maps for it. `None` when there is none to read: the database is not in
    /// WAL mode, or the VFS keeps the wal-index somewhere other than shared memory.
    pub fn open(path: &Path) -> Option<Self> {
        let conn =
            Connection::open_with_flags(path, OpenFlags::default() - OpenFlags::SQLITE_OPEN_CREATE)
                .ok()?;
        // A first read opens the WAL and maps the wal-index.
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .ok()?;
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
        .ok()?;
        if !mode.eq_ignore_ascii_case("wal") {
            return None;
        }
        let header = shared_header(&conn)?;
        let index = Self {
            _conn: conn,
            header,
        };
        // A header that checks out shows the mapping is the wal-index. A writer rewrites it in
        // nanoseconds, so one caught mid-write checks out on one of the next tries.
        (0..100)
            .any(|_| {
                let found = index.stamp().is_some();
                if !found {
                    std::thread::yield_now();
                }
                found
            })
            .then_some(index)
    }

    /// The header as it is now, or `None` if a writer is rewriting it at this very moment (the
    /// two copies differ) or it does not check out: then the caller must not trust a cache.
    pub fn stamp(&self) -> Option<ChangeStamp> {
        // SQLite writes the second copy, then a barrier, then the first; readers read the first,
        // a barrier, the second, and only trust the header when both agree (wal.c,
        // tag-20200519-1).
        let first = self.copy(0);
        fence(Ordering::Acquire);
        let second = self.copy(1);
        // And the caller's reads after this see at least the commit this header describes.
        fence(Ordering::Acquire);
        (first == second && is_initialised(&first) && checksum_holds(&first)).then_some(first)
    }

    fn copy(&self, which: usize) -> ChangeStamp {
        std::array::from_fn(|word| {
            // SAFETY: the two copies are the first 96 bytes of a 32 KiB region that stays
            // mapped while `_conn` is open (see the type); the region is page-aligned, so every
            // word is aligned. Other connections write it concurrently, which is why each word
            // is read atomically and the copies are compared.
            let word = unsafe {
                AtomicU32::from_ptr(self.header.as_ptr().add(which * HEADER_WORDS + word))
            };
            word.load(Ordering::Relaxed)
        })
    }
}

/// The connection's wal-index region 0, where the header lives, as SQLite mapped it.
fn shared_header(conn: &Connection) -> Option<NonNull<u32>> {
    let mut file: *mut ffi::sqlite3_file = std::ptr::null_mut();
    // SAFETY: `conn.handle()` is a live connection used by no other thread here (we hold the
    // only reference); FILE_POINTER writes the main database's `sqlite3_file*` into `file`.
    let rc = unsafe {
        ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            ffi::SQLITE_FCNTL_FILE_POINTER,
            (&raw mut file).cast::<c_void>(),
        )
    };
    if rc != ffi::SQLITE_OK || file.is_null() {
        return None;
    }
    // SAFETY: `file` is the open database file of a live connection; `pMethods` is set for an
    // open file and points to the VFS's static method table.
    let methods = unsafe { (*file).pMethods.as_ref()? };
    // xShmMap exists from version 2 of the method table.
    if methods.iVersion < 2 {
        return None;
    }
    let map = methods.xShmMap?;
    let mut region: *mut c_void = std::ptr::null_mut();
    // SAFETY: region 0, of the size SQLite itself uses, without extending the file
    // (`bExtend` = 0): the VFS returns the mapping it already keeps for this file (or null),
    // under its own mutex.
    let rc = unsafe { map(file, 0, REGION_BYTES, 0, &raw mut region) };
    if rc != ffi::SQLITE_OK {
        return None;
    }
    NonNull::new(region.cast::<u32>())
}

/// `isInit`, the first byte of the header's fourth word, is set once the wal-index is built.
fn is_initialised(header: &ChangeStamp) -> bool {
    header[3].to_ne_bytes()[0] != 0
}

/// The header's own checksum (`aCksum`, its last two words) over the words before it, as SQLite
/// computes it in native byte order (`walChecksumBytes` with `nativeCksum` set).
fn checksum_holds(header: &ChangeStamp) -> bool {
    let (mut s1, mut s2) = (0u32, 0u32);
    for pair in header[..CHECKSUMMED_WORDS].chunks_exact(2) {
        s1 = s1.wrapping_add(pair[0]).wrapping_add(s2);
        s2 = s2.wrapping_add(pair[1]).wrapping_add(s1);
    }
    [s1, s2] == header[CHECKSUMMED_WORDS..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn database(dir: &Path) -> (std::path::PathBuf, Connection) {
        let path = dir.join("t.db");
        let conn = Connection::open(&path).expect("open");
        conn.pragma_update(None, "journal_mode", "WAL")
            .expect("wal");
        conn.execute_batch("CREATE TABLE t (x INTEGER)")
            .expect("create");
        (path, conn)
    }

    #[test]
    fn the_stamp_holds_across_reads_and_moves_with_every_commit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (path, writer) = database(dir.path());
        let index = WalIndex::open(&path).expect("a wal-index");
        let before = index.stamp().expect("a stamp");
        let reader = Connection::open(&path).expect("reader");
        let _: i64 = reader
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .expect("read");
        assert_eq!(index.stamp(), Some(before), "a read commits nothing");

        let mut seen = vec![before];
        for x in 0..3 {
            writer
                .execute("INSERT INTO t VALUES (?1)", [x])
                .expect("insert");
            let now = index.stamp().expect("a stamp");
            assert!(!seen.contains(&now), "commit {x} left the stamp as it was");
            seen.push(now);
        }
        // A transaction rolled back commits nothing.
        writer
            .execute_batch("BEGIN; INSERT INTO t VALUES (9); ROLLBACK;")
            .expect("rollback");
        assert_eq!(index.stamp().as_ref(), seen.last());
    }

    #[test]
    fn checkpoints_leave_the_stamp_or_move_it_but_never_hide_a_commit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (path, writer) = database(dir.path());
        let index = WalIndex::open(&path).expect("a wal-index");
        writer
            .execute("INSERT INTO t VALUES (1)", [])
            .expect("insert");
        let committed = index.stamp().expect("a stamp");
        // The kind SQLite runs by itself copies pages back and leaves the header alone.
        writer
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
            .expect("checkpoint");
        assert_eq!(index.stamp(), Some(committed));
        // One that truncates the WAL rewrites the header (a cache is emptied for nothing) ...
        writer
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .expect("checkpoint");
        let truncated = index.stamp().expect("a stamp");
        // ... and the next commit, from the WAL's first frame again, still moves it.
        writer
            .execute("INSERT INTO t VALUES (2)", [])
            .expect("insert");
        let next = index.stamp().expect("a stamp");
        assert_ne!(next, committed);
        assert_ne!(next, truncated);
    }

    #[test]
    fn a_torn_or_unbuilt_header_is_no_stamp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (path, _writer) = database(dir.path());
        // A header SQLite wrote passes our checks (else `stamp` would be `None`) ...
        let header = WalIndex::open(&path)
            .expect("a wal-index")
            .stamp()
            .expect("a stamp");
        assert!(is_initialised(&header) && checksum_holds(&header));
        // ... and one changed in any word, as a torn read would see it, does not.
        for word in 0..HEADER_WORDS {
            let mut torn = header;
            torn[word] ^= 1 << 20;
            assert!(!checksum_holds(&torn), "word {word} changed unnoticed");
        }
        assert!(!is_initialised(&[0; HEADER_WORDS]));
    }

    #[test]
    fn a_database_not_in_wal_mode_has_no_stamp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.db");
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("CREATE TABLE t (x INTEGER)")
            .expect("create");
        assert!(WalIndex::open(&path).is_none());
    }
}
