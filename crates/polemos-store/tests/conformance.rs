//! The in-process backends against the shared conformance suite (`polemos-store-testkit`); the
//! PostgreSQL backend runs the same suite in `tests/postgres.rs`.

use polemos_store::{LogStore, MemoryBackend, SqliteBackend, Store};
use polemos_store_testkit::conformance;

#[test]
fn memory_backend_conforms() {
    conformance::run_all(&|| Box::new(LogStore::new(MemoryBackend::default())));
}

#[test]
fn sqlite_backend_conforms() {
    let dirs = std::sync::Mutex::new(Vec::new());
    conformance::run_all(&|| -> Box<dyn Store> {
        let dir = tempfile::tempdir().expect("temp dir");
        let store =
            LogStore::new(SqliteBackend::open(dir.path().join("polemos.db")).expect("open"));
        dirs.lock().expect("lock").push(dir);
        Box::new(store)
    });
}
