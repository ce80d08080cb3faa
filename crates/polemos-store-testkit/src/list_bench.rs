//! What the list-page benchmarks share (`polemos-store`'s `benches/list_pages.rs`, the store's
//! own `list_page`, and `polemos-engine`'s, the List every interface calls): a store grown in
//! steps to any number of actors, with a dispute whose stances and parties are spread over the
//! whole name range, and the measuring (wall-time percentiles, this thread's CPU time, peak
//! resident memory). One definition, so both benchmarks measure the same store.

#![allow(
    clippy::unwrap_used,
    clippy::missing_panics_doc,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::time::Instant;

use polemos_core::{Actor, ActorCodes, ActorKind, ActorName, Dispute, Issue, Record, Stance};
use polemos_store::{ListQuery, Store, WriteBatch};

/// Entities a page holds in every case.
pub const PAGE: usize = 50;
/// The dispute the filtered pages are about, and its one issue.
pub const DISPUTE: &str = "disputes/bench";
pub const ISSUE: &str = "disputes/bench/issues/main";
/// One stance per this many actors, all on the bench dispute's issue: the dispute involves
/// 1 % of the actors (plus its 100 parties), spread over the whole name range.
pub const STANCE_EVERY: usize = 100;
/// Actors committed per batch while growing the store.
pub const BATCH: usize = 50_000;

/// The key a page of `query` resumes after once `skip` of its records are behind it (lists are
/// in first-stored order, so a name alone does not say where a page starts). Walked a thousand
/// records at a time, so finding it does not raise the peak memory the benchmarks report.
pub fn key_after(store: &dyn Store, query: &ListQuery, skip: usize) -> u64 {
    let mut walk = query.clone();
    let mut seen = 0;
    while seen < skip {
        walk.limit = (skip - seen).min(1_000);
        let page = store.list_page(&walk).unwrap();
        seen += page.items.len();
        walk.after = Some(
            page.next_after()
                .expect("`skip` is fewer than the records listed"),
        );
    }
    walk.after.unwrap()
}

/// How many actors the bench dispute involves once the store holds `size` actors: its 100
/// parties and the holders of its stances (disjoint: parties are `k * 100 + 1`).
pub fn involved_actors(size: usize) -> usize {
    100 + size.div_ceil(STANCE_EVERY)
}

/// The `i`th generated actor's name: names sort in `i` order.
pub fn actor_name(i: usize) -> String {
    format!("actors/A{i:07}")
}

/// The `i`th generated actor.
pub fn actor(i: usize) -> Record {
    Record::Actor(Actor {
        name: ActorName::parse(&actor_name(i)).unwrap(),
        kind: ActorKind::State,
        display_name: format!("Generated actor {i}"),
        codes: ActorCodes::default(),
        aliases: Vec::new(),
        affiliations: Vec::new(),
    })
}

/// The `i`th actor's stance on the bench issue.
pub fn stance(i: usize) -> Record {
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

/// The dispute, its issue and 100 parties among the first 10 k actors (none of them holds a
/// stance, so the dispute involves its parties and the stance holders).
pub fn dispute_batch() -> WriteBatch {
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

/// Grows the store to `to` actors (with their stances), from `from`; the first batch of actors
/// is followed by the dispute their stances are about.
pub fn grow(store: &dyn Store, from: usize, to: usize) {
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
pub fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Median and 99th percentile of the wall time of `samples` runs of `f` in milliseconds, and
/// the mean CPU time of this thread per run in microseconds.
pub fn time(samples: usize, mut f: impl FnMut()) -> (f64, f64, Option<f64>) {
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
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The value after `name` on the command line, or `default`.
pub fn arg<T: std::str::FromStr>(name: &str, default: T) -> T {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
