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

use polemos_store::{
    Kind, Link, LinkField, ListQuery, LogStore, MemoryBackend, PageTokens, SqliteBackend, Store,
};
use polemos_store_testkit::list_bench::{DISPUTE, PAGE, arg, grow, key_after, peak_rss_mib, time};

fn measure(backend: &str, store: &dyn Store, size: usize, samples: usize) {
    let tokens = PageTokens::random().unwrap();
    let first = ListQuery::new(Kind::Actor, PAGE);
    // A token for the page after the middle actor, as a client paging through would hold.
    let mut middle = first.clone();
    let token = tokens.after(&first, key_after(store, &first, size / 2));
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
        let (p50, p99, _) = time(samples, f);
        println!(
            "| {backend} | {size} | {name} | {p50:.3} | {p99:.3} | {} |",
            peak_rss_mib().map_or("–".into(), |m| format!("{m:.0}"))
        );
    }
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
