//! The Rust side of the Python benchmarks: the same operations the Python API performs, called
//! directly, so `python/benches/bench.py` can report the overhead the bindings add per call.
//! Run: `cargo bench -p polemos-python --bench native`.

use std::hint::black_box;

use _native::engine::{Engine, import_text};
use _native::query::{self, Filter};
use criterion::{Criterion, criterion_group, criterion_main};
use polemos_store::{Kind, View};

const KURIL: &str = include_str!("../../examples/dossiers/kuril-islands.json");

fn engine() -> Engine {
    let engine = Engine::open("memory:").expect("memory store");
    import_text(engine.store(), KURIL, "bench").expect("import");
    engine
}

fn calls(c: &mut Criterion) {
    let engine = engine();
    c.bench_function("get actors/JPN", |b| {
        b.iter(|| {
            engine
                .store()
                .get(Kind::Actor, black_box("actors/JPN"), View::current())
                .expect("get")
        });
    });
    let filter = Filter {
        dispute: Some("kuril-islands".into()),
        actor: Some("JPN".into()),
        ..Filter::default()
    };
    c.bench_function("stances(dispute, actor)", |b| {
        b.iter(|| query::select(engine.store(), black_box(&filter)).expect("select"));
    });
    c.bench_function("export json", |b| {
        b.iter(|| {
            query::select(engine.store(), &Filter::default())
                .expect("select")
                .to_json()
        });
    });
}

criterion_group!(benches, calls);
criterion_main!(benches);
