//! Page latency of `Store::list_page` as the store grows from 10 k to 1 M actors: the first page,
//! a page from the middle (resumed from a token), and filtered pages (stances of a dispute,
//! actors a dispute names as parties), 50 entities each, on SQLite (and the memory store with
//! `--memory`). A page should cost what it returns: flat across sizes. Also prints the peak
//! resident memory of the process after each size.
//!
//! Not a criterion benchmark: the stores take most of the run to build (one store grown in
//! steps, committed in large batches), and each size is measured once it is built.
//!
//! Run: `cargo bench -p polemos-store --bench list_pages` (add `-- --max 100000` for a quick
//! run, `--memory` to measure the memory store as well, `--samples 500`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::time::Instant;

use polemos_core::{Actor, ActorCodes, ActorKind, ActorName, Dispute, Issue, Record, Stance};
use polemos_store::{
    Kind, Link, LinkField, ListQuery, LogStore, MemoryBackend, PageTokens, SqliteBackend, Store,
    WriteBatch,
};

const PAGE: usize = 50;
const DISPUTE: &str = "disputes/bench";
const ISSUE: &str = "disputes/bench/issues/main";
/// One stance per this many actors, all on the bench dispute's issue.
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

/// The dispute, its issue and 100 parties spread over the first 10 k actors.
fn dispute_batch() -> WriteBatch {
    let dispute: Dispute = serde_json::from_value(serde_json::json!({
        "name": DISPUTE,
        "title": "Bench dispute",
        "kind": "territorial",
        "objects": [],
        "status": [{"status": "active", "since": "2000-01-01"}],
        "parties": (0..100)
            .map(|k| serde_json::json!({"actor": actor_name(k * 100), "capability": 0.01}))
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

/// Grows the store to `to` actors (with their stances), from `from`; the first batch of actors
/// is followed by the dispute their stances are about.
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

/// Median and 99th percentile of `samples` runs of `f`, in milliseconds.
fn time(samples: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut ms: Vec<f64> = (0..samples)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}

/// Peak resident set of this process so far, in MiB (Linux).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn measure(backend: &str, store: &dyn Store, size: usize, samples: usize) {
    let tokens = PageTokens::random().unwrap();
    let first = ListQuery::new(Kind::Actor, PAGE);
    // A token for the page after the middle actor, as a client paging through would hold.
    let mut middle = first.clone();
    let token = {
        let mut q = first.clone();
        q.after = Some(actor_name(size / 2 - 1));
        let page = store.list_page(&q).unwrap();
        tokens.next(&q, &page)
    };
    let stances = ListQuery::new(Kind::Stance, PAGE).with(Link::To {
        field: LinkField::Dispute,
        target: DISPUTE.into(),
    });
    let parties = ListQuery::new(Kind::Actor, PAGE).with(Link::From {
        field: LinkField::Party,
        owner: DISPUTE.into(),
    });
    let cases: [(&str, &mut dyn FnMut()); 4] = [
        ("actors, first page", &mut || {
            assert_eq!(store.list_page(&first).unwrap().items.len(), PAGE);
        }),
        ("actors, middle page from a token", &mut || {
            tokens.resume(&mut middle, &token).unwrap();
            let page = store.list_page(&middle).unwrap();
            assert_eq!(page.items.len(), PAGE);
        }),
        ("stances of a dispute", &mut || {
            assert_eq!(store.list_page(&stances).unwrap().items.len(), PAGE);
        }),
        ("actors a dispute names as parties", &mut || {
            assert_eq!(store.list_page(&parties).unwrap().items.len(), PAGE);
        }),
    ];
    for (name, f) in cases {
        let (p50, p99) = time(samples, f);
        println!(
            "| {backend} | {size} | {name} | {p50:.3} | {p99:.3} | {} |",
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
    let with_memory = std::env::args().any(|a| a == "--memory");
    let sizes: Vec<usize> = [10_000, 100_000, 1_000_000]
        .into_iter()
        .filter(|&n| n <= max)
        .collect();
    println!("| backend | actors | page of {PAGE} | p50 ms | p99 ms | peak RSS MiB |");
    println!("|---|---:|---|---:|---:|---:|");
    let dir = tempfile::tempdir().unwrap();
    let mut stores: Vec<(&str, Box<dyn Store>)> = vec![(
        "SQLite",
        Box::new(LogStore::new(
            SqliteBackend::open(dir.path().join("bench.db")).unwrap(),
        )),
    )];
    if with_memory {
        stores.push(("memory", Box::new(LogStore::new(MemoryBackend::default()))));
    }
    for (backend, store) in &stores {
        let mut built = 0;
        for &size in &sizes {
            let t = Instant::now();
            grow(store.as_ref(), built, size);
            built = size;
            eprintln!(
                "{backend}: grew to {size} actors in {:.1} s",
                t.elapsed().as_secs_f64()
            );
            measure(backend, store.as_ref(), size, samples);
        }
    }
}
