//! Page latency of `polemos_engine::list_page`, the List every interface (CLI, gRPC, Python)
//! calls, as an SQLite store (or with `--postgres` a PostgreSQL one) grows from 10 k to 1 M actors: the first page of all actors, a page
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
//! `--samples 500`; `--postgres` for a throwaway PostgreSQL cluster, found as the store's tests
//! find one (`POLEMOS_PG_BIN`, else the installed server), durable as a real server is).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::time::Instant;

use polemos_engine::{Filter, list_page};
use polemos_store::{Kind, Link, ListQuery, PageTokens, Store};
use polemos_store_testkit::list_bench::{
    DISPUTE, PAGE, arg, grow, involved_actors, key_after, peak_rss_mib, time,
};
use polemos_store_testkit::pg_harness::{Options, PgCluster};

fn measure(store: &dyn Store, size: usize, samples: usize) {
    let tokens = PageTokens::from_secret(b"bench");
    let all = Filter::default();
    let of_dispute = Filter {
        dispute: Some(DISPUTE.into()),
        ..Filter::default()
    };
    // Tokens for the page after the middle actor, as a client paging through would hold (the
    // engine binds a token to the store query its filter means; the page size is not part).
    let middle_of = |query: ListQuery, listed: usize| {
        tokens.after(&query, key_after(store, &query, listed / 2))
    };
    let middle = middle_of(ListQuery::new(Kind::Actor, PAGE), size);
    let involved = ListQuery::new(Kind::Actor, PAGE).with(Link::Involved {
        dispute: DISPUTE.into(),
    });
    let middle_of_dispute = middle_of(involved, involved_actors(size));
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
    let postgres = std::env::args().any(|a| a == "--postgres");
    let sizes: Vec<usize> = [10_000, 100_000, 1_000_000]
        .into_iter()
        .filter(|&n| n <= max)
        .collect();
    let dir = tempfile::tempdir().unwrap();
    // The cluster lives until the end of main: dropping it stops the server.
    let (location, _cluster) = if postgres {
        let cluster = PgCluster::start_with(Options {
            durable: true,
            max_connections: 20,
        })
        .unwrap_or_else(|why| panic!("--postgres: no PostgreSQL cluster: {why}"));
        (cluster.fresh_database().unwrap(), Some(cluster))
    } else {
        (
            dir.path().join("bench.db").to_str().unwrap().to_owned(),
            None,
        )
    };
    println!(
        "| actors | `polemos_engine::list_page` on {}, page of {PAGE} | p50 ms | p99 ms | CPU µs/call | peak RSS MiB |",
        if postgres { "PostgreSQL" } else { "SQLite" }
    );
    println!("|---:|---|---:|---:|---:|---:|");
    let store = polemos_store::open(&location).unwrap();
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
