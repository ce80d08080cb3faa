//! The Rust side of the Python benchmarks: the same operations the Python API performs, called
//! directly, so `python/benches/bench.py` can report the overhead the bindings add per call.
//! Run: `cargo bench -p polemos-python --bench native`.

use std::hint::black_box;

use _native::engine::{Engine, import_text};
use _native::extract::{extract_all, extractor};
use _native::query::{self, Filter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use polemos_extract::ArticleMeta;
use polemos_store::{Kind, View};

const KURIL: &str = include_str!("../../examples/dossiers/kuril-islands.json");
const ARTICLE: &str = include_str!("../../tests/fixtures/kuril-2018.txt");

/// The corpus `bench.py` extracts too: the reference article 64 times, each made unique by a
/// trailing line (so no cache or content hash can shortcut the work).
fn corpus() -> Vec<String> {
    (0..64)
        .map(|i| format!("{ARTICLE}\n\nUpdate {i}."))
        .collect()
}

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
        b.iter(|| query::select(engine.store(), Kind::Stance, black_box(&filter)).expect("select"));
    });
    c.bench_function("export json", |b| {
        b.iter(|| {
            polemos_engine::export(engine.store(), None, None)
                .expect("export")
                .to_json()
        });
    });
}

fn extraction(c: &mut Criterion) {
    let ex = extractor().expect("built-in knowledge");
    let texts = corpus();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let meta = ArticleMeta {
        published: chrono::NaiveDate::from_ymd_opt(2018, 9, 19),
        ..ArticleMeta::default()
    };
    let mut group = c.benchmark_group("extract corpus (64 articles)");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("one by one, 1 thread", |b| {
        b.iter(|| {
            for t in &refs {
                black_box(ex.extract(t, &meta).expect("extract"));
            }
        });
    });
    group.bench_function("extract_all, all cores", |b| {
        b.iter(|| extract_all(ex, black_box(&refs), &meta).expect("extract"));
    });
    group.finish();
}

criterion_group!(benches, calls, extraction);
criterion_main!(benches);
