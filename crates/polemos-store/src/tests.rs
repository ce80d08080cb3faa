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
/// less the indexes a later migration drops.
fn indexes<'a>(migrations: impl Iterator<Item = &'a str>) -> Vec<String> {
    let statements: Vec<String> = migrations
        .flat_map(|sql| sql.split(';'))
        .map(|stmt| stmt.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let dropped: Vec<&str> = statements
        .iter()
        .filter_map(|stmt| stmt.strip_prefix("DROP INDEX "))
        .collect();
    let mut out: Vec<String> = statements
        .iter()
        .filter(|stmt| stmt.starts_with("CREATE INDEX") || stmt.starts_with("CREATE UNIQUE INDEX"))
        .filter(|stmt| {
            let name = stmt.split_whitespace().nth(2).unwrap_or_default();
            !dropped.contains(&name)
        })
        .cloned()
        .collect();
    out.sort();
    out
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

#[test]
fn an_sqlite_database_of_schema_3_gets_its_references_and_involvements_indexed_on_open() {
    use crate::{Kind, Link, LinkField, ListQuery};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.db");
    // A database as schema 3 left it: data in the log and `current`, no reference index.
    let dossier = reference_dossier();
    {
        let store = LogStore::new(SqliteBackend::open(&path).expect("open"));
        store
            .commit(WriteBatch::from_dossier(&dossier, "import"))
            .expect("import");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE current_links; ALTER TABLE current DROP COLUMN begins;
             DROP TABLE current_involvements; PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let store = LogStore::new(SqliteBackend::open(&path).expect("open migrates"));
    let query = ListQuery::new(Kind::Stance, 100).with(Link::To {
        field: LinkField::Actor,
        target: "actors/JPN".into(),
    });
    let mut listed: Vec<String> = store
        .list_page(&query)
        .expect("page")
        .items
        .iter()
        .map(|v| crate::record_name(&v.value).to_owned())
        .collect();
    let mut expected: Vec<String> = dossier
        .stances
        .iter()
        .filter(|s| s.actor.as_str() == "actors/JPN")
        .map(|s| s.name.to_string())
        .collect();
    listed.sort();
    expected.sort();
    assert!(!expected.is_empty());
    assert_eq!(listed, expected, "existing rows are in the new index");
    // The date cut is checked again in Rust, so look at the column itself.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let dated: i64 = conn
        .query_row(
            "SELECT count(*) FROM current WHERE kind = 'stance' AND begins IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        usize::try_from(dated).unwrap(),
        dossier.stances.len(),
        "and their valid-time start"
    );
    // And what the dispute's records involve (migration 5), as the records themselves say.
    let dispute = dossier.disputes[0].name.to_string();
    let query = ListQuery::new(Kind::Actor, 100).with(Link::Involved {
        dispute: dispute.clone(),
    });
    let listed: Vec<String> = store
        .list_page(&query)
        .expect("page")
        .items
        .iter()
        .map(|v| crate::record_name(&v.value).to_owned())
        .collect();
    let mut expected: Vec<String> = dossier
        .records()
        .iter()
        .flat_map(crate::involvements_of)
        .filter(|(d, t)| d == &dispute && t.starts_with("actors/"))
        .map(|(_, t)| t)
        .collect();
    expected.sort();
    expected.dedup();
    assert!(expected.len() > 2, "{expected:?}");
    assert_eq!(
        listed, expected,
        "existing records are in the involvement index"
    );
}

#[test]
fn an_sqlite_database_of_schema_5_keeps_its_current_state_in_a_rowid_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.db");
    let dossier = reference_dossier();
    {
        // A database as schema 5 left it, with data: the last migration undone by hand.
        let store = LogStore::new(SqliteBackend::open(&path).expect("open"));
        store
            .commit(WriteBatch::from_dossier(&dossier, "import"))
            .expect("import");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE old_current (kind TEXT NOT NULL, name TEXT NOT NULL,
                 revision INTEGER NOT NULL, body TEXT NOT NULL, begins INTEGER,
                 PRIMARY KEY (kind, name)) WITHOUT ROWID;
             INSERT INTO old_current SELECT kind, name, revision, body, begins FROM current;
             DROP TABLE current; ALTER TABLE old_current RENAME TO current;
             CREATE INDEX current_involvements_by_record ON current_involvements (kind, name);
             PRAGMA user_version = 5;",
        )
        .unwrap();
    }
    let before: Vec<(String, String, i64, String, Option<i64>)> = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let mut stmt = conn
            .prepare("SELECT kind, name, revision, body, begins FROM current ORDER BY kind, name")
            .unwrap();
        stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    assert_eq!(before.len(), dossier.records().len());
    let store = LogStore::new(SqliteBackend::open(&path).expect("open migrates"));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'current'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!sql.contains("WITHOUT ROWID"), "{sql}");
    let after: Vec<(String, String, i64, String, Option<i64>)> = {
        let mut stmt = conn
            .prepare("SELECT kind, name, revision, body, begins FROM current ORDER BY kind, name")
            .unwrap();
        stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    assert_eq!(before, after, "every current row survives the rebuild");
    assert_eq!(
        store.snapshot(View::current()).expect("snapshot"),
        store.snapshot(View::at_revision(1)).expect("as of"),
        "the current state and the log agree"
    );
    // The key is still unique: a second row for a name would be a corrupt current state.
    assert!(
        conn.execute(
            "INSERT INTO current (kind, name, revision, body) SELECT kind, name, revision, body FROM current LIMIT 1",
            [],
        )
        .is_err()
    );
}
