//! Ingest and read throughput of the store with one and with two replicas on one PostgreSQL
//! database, beside one SQLite node, on this machine. Not a criterion benchmark: it measures
//! throughput under concurrency across processes, which criterion's timing loop does not model.
//!
//! Each replica is a separate process (this binary re-run with `--replica`), with its own
//! connection pool and several client threads calling the store as the server's blocking pool
//! would. The PostgreSQL cluster is a fresh durable one (fsync and synchronous commit on) from
//! the test harness.
//!
//! Run: `cargo bench -p polemos-store --bench replicas` (add `-- --seconds 10 --threads 4`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::process::Command;
use std::time::{Duration, Instant};

use polemos_core::{Document, Record};
use polemos_store::{Kind, Store, View, WriteBatch};
use polemos_store_testkit::pg_harness::{Options, PgCluster};

/// Documents loaded before the read runs, and read at random.
const PRELOAD: usize = 2000;

fn document(tag: &str, n: usize) -> Document {
    // About 2 KB of text, unique per document (content hashes must differ).
    let text = format!(
        "{tag} {n}: {}",
        "Officials of both governments met again to discuss the disputed islands. ".repeat(28)
    );
    Document {
        name: format!("documents/{tag}-{n}").parse().expect("name"),
        title: format!("Report {n}"),
        outlet: Some("Bench Wire".into()),
        url: None,
        published: None,
        language: Some("en".into()),
        text,
        content_hash: String::new(),
    }
}

/// One replica: `threads` clients doing `mode` for `seconds`; prints the operation count.
fn replica(db: &str, mode: &str, threads: usize, seconds: u64, tag: &str) {
    let store: std::sync::Arc<dyn Store> =
        std::sync::Arc::from(polemos_store::open(db).expect("open"));
    let until = Instant::now() + Duration::from_secs(seconds);
    let counts: Vec<usize> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let store = std::sync::Arc::clone(&store);
                s.spawn(move || {
                    let mut n = 0usize;
                    let mut seed = 0x9e37_79b9_7f4a_7c15_u64 ^ (t as u64 + 1);
                    while Instant::now() < until {
                        match mode {
                            "ingest" => {
                                let mut batch = WriteBatch::new("bench ingest");
                                batch.put(Record::Document(document(&format!("{tag}-t{t}"), n)));
                                store.commit(batch).expect("commit");
                            }
                            _ => {
                                // xorshift: a cheap spread over the preloaded documents.
                                seed ^= seed << 13;
                                seed ^= seed >> 7;
                                seed ^= seed << 17;
                                let i = usize::try_from(seed % PRELOAD as u64).unwrap_or(0);
                                let name = format!("documents/pre-{i}");
                                store
                                    .get(Kind::Document, &name, View::current())
                                    .expect("get")
                                    .expect("preloaded");
                            }
                        }
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("worker"))
            .collect()
    });
    println!("{}", counts.iter().sum::<usize>());
}

/// Runs `replicas` replica processes at once and returns operations per second in total.
fn measure(db: &str, mode: &str, replicas: usize, threads: usize, seconds: u64, run: &str) -> f64 {
    let exe = std::env::current_exe().expect("own path");
    let started = Instant::now();
    let children: Vec<_> = (0..replicas)
        .map(|r| {
            Command::new(&exe)
                .args(["--replica", db, mode])
                .arg(threads.to_string())
                .arg(seconds.to_string())
                .arg(format!("{run}-r{r}"))
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("spawn replica")
        })
        .collect();
    let total: usize = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().expect("replica");
            assert!(out.status.success(), "replica failed");
            String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse::<usize>()
                .expect("count")
        })
        .sum();
    let elapsed = started.elapsed().as_secs_f64().max(seconds as f64);
    total as f64 / elapsed
}

fn preload(db: &str) {
    let store = polemos_store::open(db).expect("open");
    for chunk in (0..PRELOAD).collect::<Vec<_>>().chunks(200) {
        let mut batch = WriteBatch::new("preload");
        for &i in chunk {
            batch.put(Record::Document(document("pre", i)));
        }
        store.commit(batch).expect("preload");
    }
}

fn arg_after(args: &[String], flag: &str, default: u64) -> u64 {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--replica") {
        let get = |k: usize| args.get(i + k).cloned().unwrap_or_default();
        replica(
            &get(1),
            &get(2),
            get(3).parse().unwrap_or(4),
            get(4).parse().unwrap_or(5),
            &get(5),
        );
        return;
    }
    let seconds = arg_after(&args, "--seconds", 5);
    let threads = usize::try_from(arg_after(&args, "--threads", 4)).unwrap_or(4);
    println!(
        "polemos store replica benchmark: {threads} client threads per replica, {seconds} s per run, {} CPUs",
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get)
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = dir.path().join("bench.db").to_string_lossy().into_owned();
    preload(&sqlite);
    let mut rows = vec![(
        "SQLite, 1 node".to_owned(),
        measure(&sqlite, "ingest", 1, threads, seconds, "sq"),
        measure(&sqlite, "read", 1, threads, seconds, "sq"),
    )];

    match PgCluster::start_with(Options {
        durable: true,
        max_connections: 100,
    }) {
        Ok(pg) => {
            let url = pg.fresh_database().expect("database");
            preload(&url);
            for replicas in [1, 2] {
                rows.push((
                    format!(
                        "PostgreSQL, {replicas} replica{}",
                        if replicas > 1 { "s" } else { "" }
                    ),
                    measure(
                        &url,
                        "ingest",
                        replicas,
                        threads,
                        seconds,
                        &format!("pg{replicas}"),
                    ),
                    measure(
                        &url,
                        "read",
                        replicas,
                        threads,
                        seconds,
                        &format!("pg{replicas}"),
                    ),
                ));
            }
        }
        Err(why) => println!("PostgreSQL runs skipped: {why}"),
    }

    println!("\n| setup | ingest (documents/s) | read (gets/s) |\n|---|---:|---:|");
    for (setup, ingest, read) in rows {
        println!("| {setup} | {ingest:.0} | {read:.0} |");
    }
}
