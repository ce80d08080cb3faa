//! The PostgreSQL backend against a throwaway cluster: the shared conformance suite, migrations,
//! concurrent writers from separate stores (as separate replicas would be), and the
//! cross-replica change signal. Each test says "SKIPPED" on stderr when PostgreSQL is missing.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Mutex, mpsc};
use std::time::Duration;

use polemos_core::Record;
use polemos_store::{
    Kind, LogStore, PostgresBackend, Precondition, Store, StoreError, View, WriteBatch,
};
use polemos_store_testkit::conformance::{self, reference_dossier};
use polemos_store_testkit::pg_harness::PgCluster;

/// A cluster, or `None` (the test then returns early having said it skipped).
fn cluster(test: &str) -> Option<&'static PgCluster> {
    PgCluster::shared(test)
}

fn store_at(url: &str) -> LogStore<PostgresBackend> {
    LogStore::new(PostgresBackend::connect(url).expect("connect"))
}

#[test]
fn postgres_backend_conforms() {
    let Some(pg) = cluster("postgres_backend_conforms") else {
        return;
    };
    conformance::run_all(&|| {
        let url = pg.fresh_database().expect("database");
        Box::new(store_at(&url)) as Box<dyn Store>
    });
}

#[test]
fn open_picks_postgres_for_postgres_urls() {
    let Some(pg) = cluster("open_picks_postgres_for_postgres_urls") else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    let store = polemos_store::open(&url).expect("open");
    store
        .commit(WriteBatch::from_dossier(&reference_dossier(), "import"))
        .expect("commit");
    // A second, independent store on the same URL (another replica) sees the commit.
    let other = polemos_store::open(&url.replace("postgres://", "postgresql://")).expect("open");
    assert_eq!(other.head().expect("head"), 1);
    assert_eq!(
        other.snapshot(View::current()).expect("snapshot").len(),
        reference_dossier().len()
    );
}

#[test]
fn unreachable_server_is_a_clear_error() {
    // A port nobody listens on: bind one, learn its number, close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let url = format!("postgres://polemos@127.0.0.1:{port}/polemos?connect_timeout=2");
    let err = polemos_store::open(&url).err().expect("refused");
    let text = err.to_string();
    assert!(
        text.contains(&format!(
            "cannot connect to postgres://polemos@127.0.0.1:{port}/polemos"
        )),
        "{text}"
    );
    let bad = polemos_store::open("postgres://host:notaport/db")
        .err()
        .expect("refused");
    assert!(bad.to_string().contains("bad PostgreSQL URL"), "{bad}");
}

#[test]
fn migrations_are_versioned_once_and_refuse_newer_schemas() {
    let Some(pg) = cluster("migrations_are_versioned_once_and_refuse_newer_schemas") else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    // Several replicas starting at once on an empty database: all succeed, one migrates.
    let starters: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || PostgresBackend::connect(&url).map(|_| ()))
        })
        .collect();
    for s in starters {
        s.join().expect("thread").expect("concurrent first open");
    }
    let store = store_at(&url);
    store
        .commit(WriteBatch::from_dossier(&reference_dossier(), "import"))
        .expect("commit");
    drop(store);
    assert_eq!(
        store_at(&url).head().expect("head"),
        1,
        "data survives reopen"
    );

    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("raw");
    let versions: Vec<i32> = client
        .query(
            "SELECT version FROM schema_migrations ORDER BY version",
            &[],
        )
        .expect("versions")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(
        versions,
        vec![1, 2, 3, 4, 5, 6, 7],
        "each migration recorded exactly once"
    );
    client
        .execute(
            "INSERT INTO schema_migrations (version, description) VALUES (99, 'from the future')",
            &[],
        )
        .expect("bump");
    let err = PostgresBackend::connect(&url).err().expect("refused");
    assert!(
        matches!(
            err,
            StoreError::SchemaTooNew {
                found: 99,
                supported: 7
            }
        ),
        "{err}"
    );
}

/// The number at the end of a display name like `Japan #12` (0 when absent).
fn counter_of(record: &Record) -> u64 {
    let Record::Actor(actor) = record else {
        panic!("not an actor")
    };
    actor
        .display_name
        .rsplit_once('#')
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(0)
}

/// Several replicas (separate stores, separate connections) race read-modify-write updates of
/// one actor, each carrying the etag it read. Exactly one update wins per revision, losers get
/// `Conflict` and retry, and the final counter equals the number of successful updates: none
/// was lost to a silent overwrite.
#[test]
fn concurrent_writers_with_etags_lose_no_update() {
    let Some(pg) = cluster("concurrent_writers_with_etags_lose_no_update") else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    store_at(&url)
        .commit(WriteBatch::from_dossier(&reference_dossier(), "import"))
        .expect("import");

    const WRITERS: usize = 4;
    const UPDATES_EACH: usize = 15;
    let conflicts = Arc::new(AtomicUsize::new(0));
    let wins = Arc::new(Mutex::new(Vec::new()));
    let barrier = Arc::new(Barrier::new(WRITERS));
    let threads: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (url, conflicts, wins, barrier) = (
                url.clone(),
                Arc::clone(&conflicts),
                Arc::clone(&wins),
                Arc::clone(&barrier),
            );
            std::thread::spawn(move || {
                let store = store_at(&url);
                barrier.wait();
                let mut done = 0;
                while done < UPDATES_EACH {
                    let current = store
                        .get(Kind::Actor, "actors/JPN", View::current())
                        .expect("get")
                        .expect("JPN");
                    let Record::Actor(mut actor) = current.value.clone() else {
                        panic!("not an actor")
                    };
                    let next = counter_of(&current.value) + 1;
                    actor.display_name = format!("Japan (writer {w}) #{next}");
                    let mut batch = WriteBatch::new(format!("writer {w}"));
                    batch.put_if(
                        Record::Actor(actor),
                        Precondition::AtRevision(current.revision),
                    );
                    match store.commit(batch) {
                        Ok(result) => {
                            assert_eq!(result.updated, 1);
                            assert_eq!(result.revision, current.revision + 1);
                            wins.lock().expect("lock").push((result.revision, next));
                            done += 1;
                        }
                        Err(StoreError::Conflict {
                            expected, actual, ..
                        }) => {
                            assert_eq!(expected, current.revision);
                            assert!(actual.is_some_and(|a| a > expected), "{actual:?}");
                            conflicts.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(other) => panic!("writer {w}: {other}"),
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("writer");
    }

    let total = WRITERS * UPDATES_EACH;
    let mut wins = wins.lock().expect("lock").clone();
    wins.sort_unstable();
    // One winner per revision, revisions 2..=total+1 with none skipped or shared, and each
    // winner's counter is one more than the state it was based on.
    let expected: Vec<(u64, u64)> = (0..total as u64).map(|i| (i + 2, i + 1)).collect();
    assert_eq!(wins, expected);
    let store = store_at(&url);
    assert_eq!(store.head().expect("head"), total as u64 + 1);
    let last = store
        .get(Kind::Actor, "actors/JPN", View::current())
        .expect("get")
        .expect("JPN");
    assert_eq!(counter_of(&last.value), total as u64, "no update lost");
    // Every intermediate state is in the history, exactly as its winner wrote it.
    for (revision, counter) in &wins {
        let then = store
            .get(Kind::Actor, "actors/JPN", View::at_revision(*revision))
            .expect("get")
            .expect("JPN");
        assert_eq!(
            (then.revision, counter_of(&then.value)),
            (*revision, *counter)
        );
    }
    eprintln!(
        "{total} updates, {} conflicts refused",
        conflicts.load(Ordering::Relaxed)
    );
}

/// Two replicas holding the same etag update at the same instant, many times over: each time
/// exactly one wins and the other is refused with the revision that beat it.
#[test]
fn a_stale_etag_is_refused_exactly_once_per_race() {
    let Some(pg) = cluster("a_stale_etag_is_refused_exactly_once_per_race") else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    let setup = store_at(&url);
    setup
        .commit(WriteBatch::from_dossier(&reference_dossier(), "import"))
        .expect("import");
    let stores: Vec<Arc<LogStore<PostgresBackend>>> =
        (0..2).map(|_| Arc::new(store_at(&url))).collect();
    for round in 0..20u64 {
        let base = setup
            .get(Kind::Actor, "actors/RUS", View::current())
            .expect("get")
            .expect("RUS");
        let barrier = Arc::new(Barrier::new(2));
        let racers: Vec<_> = stores
            .iter()
            .enumerate()
            .map(|(i, store)| {
                let (store, barrier, base) =
                    (Arc::clone(store), Arc::clone(&barrier), base.clone());
                std::thread::spawn(move || {
                    let Record::Actor(mut actor) = base.value else {
                        panic!("not an actor")
                    };
                    actor.display_name = format!("Russia round {round} by {i}");
                    let mut batch = WriteBatch::new("race");
                    batch.put_if(
                        Record::Actor(actor),
                        Precondition::AtRevision(base.revision),
                    );
                    barrier.wait();
                    store.commit(batch)
                })
            })
            .collect();
        let outcomes: Vec<_> = racers
            .into_iter()
            .map(|r| r.join().expect("racer"))
            .collect();
        let winners = outcomes.iter().filter(|o| o.is_ok()).count();
        assert_eq!(winners, 1, "round {round}: {outcomes:?}");
        for outcome in &outcomes {
            match outcome {
                Ok(r) => assert_eq!(r.revision, base.revision + 1),
                Err(StoreError::Conflict {
                    expected, actual, ..
                }) => assert_eq!(
                    (*expected, *actual),
                    (base.revision, Some(base.revision + 1))
                ),
                Err(other) => panic!("round {round}: {other}"),
            }
        }
    }
    assert_eq!(setup.head().expect("head"), 21);
}

/// Writers without etags (plain puts of distinct entities) from several replicas: every commit
/// gets its own revision and all land.
#[test]
fn concurrent_blind_writers_all_land_in_order() {
    let Some(pg) = cluster("concurrent_blind_writers_all_land_in_order") else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    store_at(&url)
        .commit(WriteBatch::from_dossier(&reference_dossier(), "import"))
        .expect("import");
    let template = reference_dossier().actors[0].clone();
    let threads: Vec<_> = (0..4)
        .map(|w| {
            let (url, template) = (url.clone(), template.clone());
            std::thread::spawn(move || {
                let store = store_at(&url);
                (0..10)
                    .map(|i| {
                        let mut actor = template.clone();
                        actor.name = format!("actors/W{w}N{i}").parse().expect("name");
                        let mut batch = WriteBatch::new("add");
                        batch.put(Record::Actor(actor));
                        store.commit(batch).expect("commit").revision
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut revisions: Vec<u64> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("writer"))
        .collect();
    revisions.sort_unstable();
    assert_eq!(revisions, (2..=41).collect::<Vec<u64>>());
    let store = store_at(&url);
    let changes = store.changes_since(1, 1000).expect("changes");
    assert_eq!(changes.len(), 40);
    assert!(changes.windows(2).all(|w| w[0].revision < w[1].revision));
}

/// A wake callback that forwards each revision to a channel.
fn waiter() -> (polemos_store::Wake, mpsc::Receiver<u64>) {
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let wake: polemos_store::Wake = Arc::new(move |revision| {
        let _ = tx.lock().expect("lock").send(revision);
    });
    (wake, rx)
}

fn add_actor(store: &dyn Store, code: &str) -> u64 {
    let mut actor = reference_dossier().actors[0].clone();
    actor.name = format!("actors/{code}").parse().expect("name");
    let mut batch = WriteBatch::new("add");
    batch.put(Record::Actor(actor));
    store.commit(batch).expect("commit").revision
}

/// A commit through replica A wakes a subscriber on replica B; the listener survives its
/// connection being killed (and wakes on reconnect, as it may have missed something); dropping
/// the subscription stops it.
#[test]
fn commits_on_one_replica_wake_subscribers_on_another() {
    let Some(pg) = cluster("commits_on_one_replica_wake_subscribers_on_another") else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    let a = store_at(&url);
    let b = store_at(&url);
    a.commit(WriteBatch::from_dossier(&reference_dossier(), "import"))
        .expect("import");
    let (wake, woken) = waiter();
    let subscription = b
        .subscribe(wake)
        .expect("subscribe")
        .expect("postgres has a signal");

    let revision = add_actor(&a, "AAA");
    let announced = woken
        .recv_timeout(Duration::from_secs(10))
        .expect("B woken by A's commit");
    assert_eq!(announced, revision, "the wake-up carries the new revision");
    let seen = b.changes_since(revision - 1, 10).expect("changes");
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].name, "actors/AAA");

    // A failed commit (validation error) sends nothing.
    while woken.try_recv().is_ok() {}
    let mut bad = reference_dossier();
    bad.stances[0].actor = "actors/NOBODY".parse().expect("name");
    assert!(a.commit(WriteBatch::from_dossier(&bad, "bad")).is_err());
    assert!(
        woken.recv_timeout(Duration::from_millis(700)).is_err(),
        "no wake-up for a rolled-back commit"
    );

    // Kill the listener's connection: it reconnects and wakes once for what it may have missed,
    // and says so in the log.
    let logs = capture_logs();
    let mut admin = pg.admin().expect("admin");
    let database = url.rsplit('/').next().expect("db name").to_owned();
    let killed = admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = $1 AND application_name = $2",
            &[&database, &polemos_store::postgres::LISTENER_NAME],
        )
        .expect("terminate");
    assert_eq!(killed, 1, "one listener connection");
    assert_eq!(
        woken
            .recv_timeout(Duration::from_secs(10))
            .expect("wake-up after reconnecting"),
        revision,
        "after reconnecting it reports the head it finds"
    );
    let logged = String::from_utf8_lossy(&logs.lock().expect("logs")).into_owned();
    assert!(
        logged.contains("lost the PostgreSQL notification connection"),
        "{logged}"
    );
    assert!(
        logged.contains("notification listener reconnected"),
        "{logged}"
    );
    let next = add_actor(&a, "BBB");
    assert_eq!(
        woken
            .recv_timeout(Duration::from_secs(10))
            .expect("still woken after reconnecting"),
        next
    );

    drop(subscription);
    std::thread::sleep(Duration::from_millis(600));
    while woken.try_recv().is_ok() {}
    add_actor(&a, "CCC");
    assert!(
        woken.recv_timeout(Duration::from_millis(700)).is_err(),
        "no wake-ups after the subscription is dropped"
    );
}

#[test]
fn memory_and_sqlite_have_no_cross_process_signal() {
    let (wake, _rx) = waiter();
    let memory = polemos_store::open("memory:").expect("memory");
    assert!(memory.subscribe(Arc::clone(&wake)).expect("ok").is_none());
    let dir = tempfile::tempdir().expect("dir");
    let sqlite =
        polemos_store::open(dir.path().join("s.db").to_str().expect("utf-8")).expect("sqlite");
    assert!(sqlite.subscribe(wake).expect("ok").is_none());
}

/// Everything logged from here on, by any thread (the listener has its own).
fn capture_logs() -> Arc<std::sync::Mutex<Vec<u8>>> {
    #[derive(Clone)]
    struct Sink(Arc<std::sync::Mutex<Vec<u8>>>);
    impl std::io::Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("logs").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let buf = Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = Sink(Arc::clone(&buf));
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || sink.clone())
        .with_ansi(false)
        .finish();
    // One test in this binary installs it; another call would find it set.
    let _ = tracing::subscriber::set_global_default(subscriber);
    buf
}

#[test]
fn postgres_a_put_repairs_a_record_whose_body_does_not_decode() {
    let Some(pg) = cluster("postgres_a_put_repairs_a_record_whose_body_does_not_decode") else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    let store = store_at(&url);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("raw");
    polemos_store_testkit::ingest::a_put_repairs_a_record_whose_body_does_not_decode(
        &store,
        &mut |sql| client.batch_execute(sql).expect("sql"),
    );
}

#[test]
fn postgres_a_repaired_document_must_still_hold_the_evidence_spans() {
    let Some(pg) = cluster("postgres_a_repaired_document_must_still_hold_the_evidence_spans")
    else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    let store = store_at(&url);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("raw");
    polemos_store_testkit::ingest::a_repaired_document_must_still_hold_the_evidence_spans(
        &store,
        &mut |sql| client.batch_execute(sql).expect("sql"),
    );
}

/// A raw connection to the database at `url`, made a store of schema 6 (the last before integer
/// name keys) as that schema's migrations left it, with no records.
fn schema_6_store(url: &str) -> postgres::Client {
    let mut client = postgres::Client::connect(url, postgres::NoTls).expect("raw");
    client
        .batch_execute(
            "CREATE TABLE schema_migrations (
                 version     INTEGER PRIMARY KEY,
                 description TEXT NOT NULL,
                 applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
             )",
        )
        .expect("migrations table");
    for (version, description, sql) in polemos_store::migrations::POSTGRES
        .iter()
        .filter(|m| m.0 <= 6)
    {
        client.batch_execute(sql).expect("old schema");
        client
            .execute(
                "INSERT INTO schema_migrations (version, description) VALUES ($1, $2)",
                &[version, description],
            )
            .expect("version");
    }
    client
}

/// A store written by the schema before integer name keys (6) reads the same once opened,
/// which migrates it.
#[test]
fn postgres_an_old_store_reads_the_same_after_migrating() {
    let Some(pg) = cluster("postgres_an_old_store_reads_the_same_after_migrating") else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    let mut client = schema_6_store(&url);
    polemos_store_testkit::migration::an_old_store_reads_the_same_after_migrating(
        &mut |sql| client.batch_execute(sql).expect("old rows"),
        &mut || Box::new(store_at(&url)),
    );
}

/// A migration that fails part-way leaves the store as it was: still at schema 6, with no table
/// of the new schema behind (as `sqlite_a_failed_migration_changes_nothing`).
#[test]
fn postgres_a_failed_migration_changes_nothing() {
    let Some(pg) = cluster("postgres_a_failed_migration_changes_nothing") else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    let mut client = schema_6_store(&url);
    // A table of the name the migration creates makes it fail part-way.
    client
        .batch_execute(
            "INSERT INTO revisions VALUES (1, '2026-01-01T00:00:00+00:00', 'one');
             INSERT INTO entries (revision, seq, kind, name, body)
                 VALUES (1, 0, 'actor', 'actors/X', '{}');
             CREATE TABLE current_by_key (x INTEGER);",
        )
        .expect("rows");
    assert!(
        PostgresBackend::connect(&url).is_err(),
        "the migration fails"
    );
    let version: i32 = client
        .query_one("SELECT MAX(version) FROM schema_migrations", &[])
        .expect("version")
        .get(0);
    assert_eq!(version, 6);
    let names: i64 = client
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'names'",
            &[],
        )
        .expect("count")
        .get(0);
    assert_eq!(names, 0, "no table of the new schema is left behind");
}

/// The statements this database has run since the last reset (`pg_stat_statements`), leaving
/// out the counting itself.
fn statements_run(client: &mut postgres::Client) -> i64 {
    client
        .query_one(
            "SELECT COALESCE(SUM(calls), 0)::BIGINT FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND query NOT ILIKE '%pg_stat_statements%'",
            &[],
        )
        .expect("count statements")
        .get(0)
}

/// A page of a dispute's actors is a few statements, not one index seek and one point read per
/// actor (about 102 round trips for a page of 50 before), and it is the same page.
#[test]
fn postgres_a_page_of_a_disputes_actors_is_a_few_statements() {
    use polemos_store::{Link, ListQuery};
    use polemos_store_testkit::list_bench::{self, DISPUTE, PAGE};
    let test = "postgres_a_page_of_a_disputes_actors_is_a_few_statements";
    let Some(pg) = cluster(test) else {
        return;
    };
    if !pg.has_stat_statements() {
        polemos_store_testkit::pg_harness::skip(test, "pg_stat_statements is not installed");
        return;
    }
    let url = pg.fresh_database().expect("database");
    let mut counter = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    counter
        .batch_execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        .expect("pg_stat_statements");
    let store = store_at(&url);
    list_bench::grow(&store, 0, 10_000);
    let query = ListQuery::new(Kind::Actor, PAGE).with(Link::Involved {
        dispute: DISPUTE.to_owned(),
    });
    // Warm: the pooled connection is made and its statements prepared before counting.
    let first = store.list_page(&query).expect("page");
    counter
        .batch_execute("SELECT pg_stat_statements_reset()")
        .expect("reset");
    let again = store.list_page(&query).expect("page");
    let run = statements_run(&mut counter);
    assert_eq!(again.items.len(), PAGE);
    assert_eq!(again, first, "the same page");
    assert!(
        run <= 6,
        "a page of {PAGE} of a dispute's actors ran {run} statements"
    );
    // Every page of the dispute's actors, in key order, each once: what the index holds.
    let mut names = Vec::new();
    let mut page_query = query.clone();
    loop {
        let page = store.list_page(&page_query).expect("page");
        names.extend(
            page.items
                .iter()
                .map(|v| polemos_store::record_name(&v.value).to_owned()),
        );
        match page.next_after() {
            Some(after) => page_query.after = Some(after),
            None => break,
        }
    }
    assert_eq!(names.len(), list_bench::involved_actors(10_000));
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "no actor twice");
}
