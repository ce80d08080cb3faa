//! Repairs and migrations on SQLite that need the database's own SQL to set up; PostgreSQL runs
//! the same checks in `tests/postgres.rs`.

use polemos_store::{LogStore, SqliteBackend};
use polemos_store_testkit::ingest::{
    a_put_repairs_a_record_whose_body_does_not_decode,
    a_repaired_document_must_still_hold_the_evidence_spans,
};
use polemos_store_testkit::migration::an_old_store_reads_the_same_after_migrating;

#[test]
fn sqlite_a_put_repairs_a_record_whose_body_does_not_decode() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("polemos.db");
    let store = LogStore::new(SqliteBackend::open(&path).expect("open"));
    let raw = rusqlite::Connection::open(&path).expect("raw");
    a_put_repairs_a_record_whose_body_does_not_decode(&store, &mut |sql| {
        raw.execute_batch(sql).expect("sql");
    });
}

#[test]
fn sqlite_a_repaired_document_must_still_hold_the_evidence_spans() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("polemos.db");
    let store = LogStore::new(SqliteBackend::open(&path).expect("open"));
    let raw = rusqlite::Connection::open(&path).expect("raw");
    a_repaired_document_must_still_hold_the_evidence_spans(&store, &mut |sql| {
        raw.execute_batch(sql).expect("sql");
    });
}

/// A store written by each older schema (the log, the current state and the document hashes,
/// as that schema kept them) reads the same once opened, which migrates it to integer name keys.
#[test]
fn sqlite_an_old_store_reads_the_same_after_migrating() {
    for version in [2, 5, 8] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("polemos.db");
        let raw = rusqlite::Connection::open(&path).expect("raw");
        for sql in &polemos_store::migrations::SQLITE[..version] {
            raw.execute_batch(sql).expect("old schema");
        }
        raw.pragma_update(None, "user_version", i64::try_from(version).expect("small"))
            .expect("version");
        an_old_store_reads_the_same_after_migrating(
            &mut |sql| {
                // Schema 2 had no involvement index: its stale row has nowhere to go.
                let sql = if version < 5 {
                    sql.lines()
                        .filter(|l| !l.contains("current_involvements"))
                        .collect::<Vec<_>>()
                        .join("\n")
                } else {
                    sql.to_owned()
                };
                raw.execute_batch(&sql).expect("old rows");
            },
            &mut || {
                Box::new(LogStore::new(
                    SqliteBackend::open(&path).expect("open migrates"),
                ))
            },
        );
    }
}

/// Opening runs every migration in one transaction: one that fails leaves the store as it was,
/// at its old version, with nothing half converted.
#[test]
fn sqlite_a_failed_migration_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("polemos.db");
    let raw = rusqlite::Connection::open(&path).expect("raw");
    for sql in &polemos_store::migrations::SQLITE[..8] {
        raw.execute_batch(sql).expect("old schema");
    }
    raw.pragma_update(None, "user_version", 8).expect("version");
    // A table of the name the migration creates makes it fail part-way.
    raw.execute_batch(
        "INSERT INTO revisions VALUES (1, '2026-01-01T00:00:00+00:00', 'one');
         INSERT INTO entries (revision, seq, kind, name, body) VALUES (1, 0, 'actor', 'actors/X', '{}');
         CREATE TABLE current_by_key (x INTEGER);",
    )
    .expect("rows");
    assert!(SqliteBackend::open(&path).is_err(), "the migration fails");
    let version: i64 = raw
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, 8);
    let names: i64 = raw
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'names'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(names, 0, "no table of the new schema is left behind");
}
