use chrono::NaiveDate;
use polemos_core::{Position, Record, Stance};
use proptest::prelude::*;

use crate::{LogStore, MemoryBackend, SqliteBackend, Store, StoreError, View, WriteBatch, open};

/// The reference dossier shipped in `examples/` (the conformance suite, in
/// `polemos-store-testkit`, runs over it too: `tests/conformance.rs`).
pub(crate) fn reference_dossier() -> polemos_core::Dossier {
    polemos_core::Dossier::from_json(include_str!(
        "../../../examples/dossiers/kuril-islands.json"
    ))
    .expect("reference dossier parses")
}

fn memory() -> Box<dyn Store> {
    Box::new(LogStore::new(MemoryBackend::default()))
}

fn sqlite() -> (tempfile::TempDir, Box<dyn Store>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = LogStore::new(SqliteBackend::open(dir.path().join("polemos.db")).expect("open"));
    (dir, Box::new(store))
}

#[test]
fn in_process_backends_answer_point_reads_at_once() {
    let (_dir, sqlite) = sqlite();
    for store in [memory(), sqlite] {
        store
            .commit(WriteBatch::from_dossier(&reference_dossier(), "import"))
            .expect("import");
        let quick = store
            .try_get(crate::Kind::Actor, "actors/JPN", View::current())
            .expect("an idle in-process store answers at once")
            .expect("read");
        assert_eq!(quick.map(|v| v.revision), Some(1));
    }
}

#[test]
fn sqlite_is_built_without_memory_counters() {
    // Set in .cargo/config.toml: with the counters on, SQLite serializes every allocation on one
    // mutex and concurrent reads stop scaling past one core.
    let conn = rusqlite::Connection::open_in_memory().expect("open");
    let options: Vec<String> = conn
        .prepare("PRAGMA compile_options")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert!(
        options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
        "bundled SQLite built without LIBSQLITE3_FLAGS=SQLITE_DEFAULT_MEMSTATUS=0: {options:?}"
    );
}

#[test]
fn sqlite_persists_across_reopen_and_refuses_newer_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.db");
    {
        let store = LogStore::new(SqliteBackend::open(&path).expect("open"));
        store
            .commit(WriteBatch::from_dossier(&reference_dossier(), "import"))
            .expect("commit");
    }
    let store = LogStore::new(SqliteBackend::open(&path).expect("reopen"));
    assert_eq!(store.head().expect("head"), 1);
    assert_eq!(
        store.snapshot(View::current()).expect("snapshot").len(),
        reference_dossier().len()
    );
    drop(store);

    let conn = rusqlite::Connection::open(&path).expect("raw open");
    conn.pragma_update(None, "user_version", 99).expect("bump");
    drop(conn);
    let err = SqliteBackend::open(&path).err().expect("refused");
    assert!(
        err.to_string().contains("newer than this build supports"),
        "{err}"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "this is not a database, just some text that is long enough to matter",
    )
    .expect("write");
    let err = SqliteBackend::open(&path).err().expect("refused");
    assert!(err.to_string().contains("notes.txt"), "{err}");
}

/// An empty location would be SQLite's private temporary file, deleted on close: every write
/// to it lost without a word. It is refused instead.
#[test]
fn an_empty_location_is_refused_not_a_temporary_file() {
    for location in ["", "  "] {
        let err = open(location).err().expect("refused");
        assert!(
            matches!(
                err,
                StoreError::InvalidArgument {
                    field: "location",
                    ..
                }
            ),
            "{err}"
        );
    }
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 1, 1).expect("date") + chrono::Days::new(u64::from(day))
}

/// One write of the history test: set stance `slot` to `position`, valid from day `day`.
#[derive(Debug, Clone)]
struct Write {
    slot: usize,
    position: f64,
    day: u32,
}

fn writes() -> impl Strategy<Value = Vec<Write>> {
    prop::collection::vec(
        (0usize..4, 0.0f64..=100.0, 0u32..300).prop_map(|(slot, position, day)| Write {
            slot,
            position,
            day,
        }),
        1..12,
    )
}

fn stance_for(template: &Stance, w: &Write) -> Stance {
    let mut s = template.clone();
    s.name = format!("stances/history-{}", w.slot).parse().expect("name");
    s.position = Position::new(w.position).expect("in range");
    s.valid_from = date(w.day);
    s.valid_to = None;
    s
}

fn check_history(store: &dyn Store, writes: &[Write]) {
    let base = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&base, "base"))
        .expect("base");
    let template = base.stances[0].clone();
    // The state after each commit, kept by the test itself.
    let mut model: Vec<Option<Stance>> = vec![None; 4];
    let mut states = Vec::new();
    for w in writes {
        let stance = stance_for(&template, w);
        let mut batch = WriteBatch::new("write");
        batch.put(Record::Stance(stance.clone()));
        let result = store.commit(batch).expect("commit");
        model[w.slot] = Some(stance);
        states.push((result.revision, model.clone()));
    }
    for (revision, expected) in &states {
        let snap = store
            .snapshot(View::at_revision(*revision))
            .expect("snapshot");
        for (slot, want) in expected.iter().enumerate() {
            let name = format!("stances/history-{slot}");
            let got = snap.stances.iter().find(|s| s.name.as_str() == name);
            assert_eq!(got, want.as_ref(), "revision {revision}, slot {slot}");
        }
        // Valid time: a date cut never shows a stance that had not begun by then.
        let cut = date(150);
        let dated = store
            .snapshot(View {
                revision: Some(*revision),
                as_of: Some(cut),
            })
            .expect("snapshot");
        for (slot, want) in expected.iter().enumerate() {
            let name = format!("stances/history-{slot}");
            let got = dated.stances.iter().find(|s| s.name.as_str() == name);
            assert_eq!(
                got,
                want.as_ref().filter(|s| s.valid_from <= cut),
                "as of day 150, revision {revision}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn history_answers_as_of_queries_in_memory(ws in writes()) {
        check_history(memory().as_ref(), &ws);
    }

    #[test]
    fn history_answers_as_of_queries_in_sqlite(ws in writes()) {
        let (_dir, store) = sqlite();
        check_history(store.as_ref(), &ws);
    }
}

/// `CREATE [UNIQUE] INDEX name ON table (columns)` statements of a schema, whitespace folded,
/// as the migrations leave them: an index goes with a later `DROP INDEX` of its name or
/// `DROP TABLE` of its table, and one created again after that counts.
fn indexes<'a>(migrations: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut live: Vec<String> = Vec::new();
    for stmt in migrations.flat_map(|sql| sql.split(';')) {
        let stmt = stmt.split_whitespace().collect::<Vec<_>>().join(" ");
        let words: Vec<&str> = stmt.split(' ').collect();
        if let Some(name) = stmt.strip_prefix("DROP INDEX ") {
            live.retain(|i| i.split(' ').nth(2) != Some(name));
        } else if let Some(table) = stmt.strip_prefix("DROP TABLE ") {
            live.retain(|i| i.split(' ').nth(4) != Some(table));
        } else if stmt.starts_with("CREATE INDEX") {
            live.push(stmt.clone());
        } else if stmt.starts_with("CREATE UNIQUE INDEX") {
            // Counted as the same position of name and table as a plain index.
            live.push(
                words
                    .iter()
                    .filter(|w| **w != "UNIQUE")
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    live.sort();
    live
}

#[test]
fn both_backends_have_the_same_indexes() {
    let sqlite = indexes(crate::sqlite::MIGRATIONS.iter().copied());
    let postgres = indexes(crate::postgres::MIGRATIONS.iter().map(|m| m.2));
    assert!(
        sqlite.iter().any(|i| i.contains("document_hashes (name)")),
        "{sqlite:?}"
    );
    assert!(
        !sqlite
            .iter()
            .any(|i| i.contains("current_involvements_by_record")),
        "dropped by a later migration: {sqlite:?}"
    );
    for index in [
        "names_by_kind ON names (kind, id)",
        "entries_by_name ON entries (name_id, revision, seq)",
        "current_links_by_target ON current_links (kind, field, target, name_id)",
    ] {
        assert_eq!(
            sqlite.iter().filter(|i| i.contains(index)).count(),
            1,
            "{index}: {sqlite:?}"
        );
    }
    assert_eq!(sqlite.len(), 4, "{sqlite:?}");
    assert_eq!(sqlite, postgres);
}

#[test]
fn an_sqlite_database_of_an_older_schema_gains_the_new_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(crate::sqlite::MIGRATIONS[0]).unwrap();
        conn.execute_batch(crate::sqlite::MIGRATIONS[1]).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
    }
    drop(SqliteBackend::open(&path).expect("open migrates"));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'document_hashes_by_name'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}
