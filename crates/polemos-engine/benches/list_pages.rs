//! Page latency of `polemos_engine::list_page`, the List every interface (CLI, gRPC, Python)
//! calls, as an SQLite store grows from 10 k to 1 M actors: the first page of all actors, a page
//! from the middle resumed from a page token (the MAC check included), and the actors of a
//! dispute (the engine's dispute filter, read from the store's involvement index), first and
//! middle pages, 50 each. A page should cost what it returns: flat across sizes. Prints, per
//! case, the median and 99th percentile of wall time, the mean CPU time of this thread per call
//! (`/proc/thread-self/schedstat`, which a machine shared with other work does not inflate the
//! way it does wall time), and the process's peak resident memory.
//!
//! Not a criterion benchmark: the stores take most of the run to build (one store grown in
//! steps through ordinary commits), and each size is measured once it is built.
//!
//! Run: `cargo bench -p polemos-engine --bench list_pages` (`-- --max 100000` for a quick run,
//! `--samples 500`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::time::Instant;

use polemos_core::{Actor, ActorCodes, ActorKind, ActorName, Dispute, Issue, Record, Stance};
use polemos_engine::{Filter, list_page};
use polemos_store::{Kind, Link, ListQuery, PageTokens, Store, WriteBatch};

const PAGE: usize = 50;
const DISPUTE: &str = "disputes/bench";
const ISSUE: &str = "disputes/bench/issues/main";
/// One stance per this many actors, all on the bench dispute's issue: the dispute involves
/// 1 % of the actors (plus its 100 parties), spread over the whole name range.
const STANCE_EVERY: usize = 100;
/// Actors committed per batch while growing the store.
const BATCH: usize = 50_000;

fn actor_name(i: usize) -> String {
    format!("actors/A{i:07}")
}

fn actor(i: usize) -> Record {
    Record::Actor(Actor {
        name: ActorName::parse(&actor_name(i)).unwrap(),
        kind: ActorKind::State,
        display_name: format!("Generated actor {i}"),
        codes: ActorCodes::default(),
        aliases: Vec::new(),
        affiliations: Vec::new(),
    })
}

fn stance(i: usize) -> Record {
    let json = serde_json::json!({
        "name": format!("stances/s{i:07}"),
        "actor": actor_name(i),
        "issue": ISSUE,
        "position": 100.0,
        "label": "support",
        "salience": 0.5,
        "confidence": 0.5,
        "valid_from": "2020-01-01",
    });
    Record::Stance(serde_json::from_value::<Stance>(json).unwrap())
}

/// The dispute, its issue and 100 parties among the first 10 k actors.
fn dispute_batch() -> WriteBatch {
    let dispute: Dispute = serde_json::from_value(serde_json::json!({
        "name": DISPUTE,
        "title": "Bench dispute",
        "kind": "territorial",
        "objects": [],
        "status": [{"status": "active", "since": "2000-01-01"}],
        "parties": (0..100)
            .map(|k| serde_json::json!({"actor": actor_name(k * 100 + 1), "capability": 0.01}))
            .collect::<Vec<_>>(),
    }))
    .unwrap();
    let issue: Issue = serde_json::from_value(serde_json::json!({
        "name": ISSUE,
        "title": "Main issue",
        "scale": {"type": "binary", "proposal": "Settle"},
    }))
    .unwrap();
    let mut batch = WriteBatch::new("bench dispute");
    batch.put(Record::Dispute(dispute));
    batch.put(Record::Issue(issue));
    batch
}

/// Grows the store to `to` actors (with their stances), from `from`.
fn grow(store: &dyn Store, from: usize, to: usize) {
    let mut at = from;
    while at < to {
        let end = (at + BATCH).min(to);
        let mut batch = WriteBatch::new("bench actors");
        for i in at..end {
            batch.put(actor(i));
        }
        store.commit(batch).unwrap();
        if at == 0 {
            store.commit(dispute_batch()).unwrap();
        }
        let mut batch = WriteBatch::new("bench stances");
        for i in (at..end).filter(|i| i % STANCE_EVERY == 0) {
            batch.put(stance(i));
        }
        if !batch.ops.is_empty() {
            store.commit(batch).unwrap();
        }
        at = end;
    }
}

/// Nanoseconds this thread has run on a CPU (Linux).
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Median and 99th percentile of the wall time of `samples` runs of `f` in milliseconds, and
/// the mean CPU time of this thread per run in microseconds.
fn time(samples: usize, mut f: impl FnMut()) -> (f64, f64, Option<f64>) {
    let cpu = thread_cpu_ns();
    let mut ms: Vec<f64> = (0..samples)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let cpu_us = cpu
        .zip(thread_cpu_ns())
        .map(|(a, b)| (b - a) as f64 / 1e3 / samples as f64);
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99), cpu_us)
}

/// Peak resident set of this process so far, in MiB (Linux).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn measure(store: &dyn Store, size: usize, samples: usize) {
    let tokens = PageTokens::from_secret(b"bench");
    let all = Filter::default();
    let of_dispute = Filter {
        dispute: Some(DISPUTE.into()),
        ..Filter::default()
    };
    // Tokens for the page after the middle actor, as a client paging through would hold (the
    // engine binds a token to the store query its filter means; the page size is not part).
    let middle = tokens.after(&ListQuery::new(Kind::Actor, PAGE), &actor_name(size / 2));
    let involved = ListQuery::new(Kind::Actor, PAGE).with(Link::Involved {
        dispute: DISPUTE.into(),
    });
    let middle_of_dispute = tokens.after(&involved, &actor_name(size / 2));
    let page = |filter: &Filter, token: &str| {
        let page = list_page(store, &tokens, Kind::Actor, filter, PAGE, token).unwrap();
        assert_eq!(page.items.len(), PAGE);
        assert!(!page.next_page_token.is_empty());
    };
    let cases: [(&str, &dyn Fn()); 4] = [
        ("actors, first page", &|| page(&all, "")),
        ("actors, middle page from a token", &|| page(&all, &middle)),
        ("actors of a dispute, first page", &|| page(&of_dispute, "")),
        ("actors of a dispute, middle page from a token", &|| {
            page(&of_dispute, &middle_of_dispute);
        }),
    ];
    for (name, f) in cases {
        let (p50, p99, cpu) = time(samples, f);
        println!(
            "| {size} | {name} | {p50:.3} | {p99:.3} | {} | {} |",
            cpu.map_or("–".into(), |c| format!("{c:.0}")),
            peak_rss_mib().map_or("–".into(), |m| format!("{m:.0}"))
        );
    }
}

fn arg<T: std::str::FromStr>(name: &str, default: T) -> T {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let max: usize = arg("--max", 1_000_000);
    let samples: usize = arg("--samples", 200);
    let sizes: Vec<usize> = [10_000, 100_000, 1_000_000]
        .into_iter()
        .filter(|&n| n <= max)
        .collect();
    println!(
        "| actors | `polemos_engine::list_page`, page of {PAGE} | p50 ms | p99 ms | CPU µs/call | peak RSS MiB |"
    );
    println!("|---:|---|---:|---:|---:|---:|");
    let dir = tempfile::tempdir().unwrap();
    let location = dir.path().join("bench.db");
    let store = polemos_store::open(location.to_str().unwrap()).unwrap();
    let mut built = 0;
    for &size in &sizes {
        let t = Instant::now();
        grow(store.as_ref(), built, size);
        built = size;
        eprintln!(
            "grew to {size} actors in {:.1} s",
            t.elapsed().as_secs_f64()
        );
        measure(store.as_ref(), size, samples);
    }
}
