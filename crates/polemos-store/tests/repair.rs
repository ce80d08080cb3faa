//! Repairs on SQLite that need the database's own SQL to set up; PostgreSQL runs the same
//! checks in `tests/postgres.rs`.

use polemos_store::{LogStore, SqliteBackend, Store};
use polemos_store_testkit::ingest::{
    a_migration_rebuilds_the_involvement_index, a_put_repairs_a_record_whose_body_does_not_decode,
};

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
fn sqlite_a_migration_rebuilds_the_involvement_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("polemos.db");
    let store = LogStore::new(SqliteBackend::open(&path).expect("open"));
    a_migration_rebuilds_the_involvement_index(&store, &mut |sql| {
        let raw = rusqlite::Connection::open(&path).expect("raw");
        raw.execute_batch(sql).expect("sql");
        raw.pragma_update(None, "user_version", 7)
            .expect("back to schema 7");
        Box::new(LogStore::new(SqliteBackend::open(&path).expect("reopen"))) as Box<dyn Store>
    });
}
