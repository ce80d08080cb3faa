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

use polemos_engine::{Filter, list_page};
use polemos_store::{Kind, Link, ListQuery, PageTokens, Store};
use polemos_store_testkit::list_bench::{DISPUTE, PAGE, arg, grow, peak_rss_mib, time};

fn measure(store: &dyn Store, size: usize, samples: usize) {
    let tokens = PageTokens::from_secret(b"bench");
    let all = Filter::default();
    let of_dispute = Filter {
        dispute: Some(DISPUTE.into()),
        ..Filter::default()
    };
    // Tokens for the page after the middle actor, as a client paging through would hold (the
    // engine binds a token to the store query its filter means; the page size is not part).
    // Pages are in first-stored order: the key after the middle actor is where a page of half
    // the actors ends.
    let middle_of = |query: ListQuery| {
        let mut half = query.clone();
        half.limit = size / 2;
        let key = store.list_page(&half).unwrap().next_after().unwrap();
        tokens.after(&query, key)
    };
    let middle = middle_of(ListQuery::new(Kind::Actor, PAGE));
    let involved = ListQuery::new(Kind::Actor, PAGE).with(Link::Involved {
        dispute: DISPUTE.into(),
    });
    let middle_of_dispute = middle_of(involved);
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
