//! Throughput of the full extraction pipeline on a generated corpus of news-like articles
//! (`support/corpus.rs`). Reports MB/s and sentences/s (wall clock; `examples/profile.rs corpus`
//! reports the same per CPU second, which a shared machine does not distort).
//!
//! `cargo bench -p polemos-extract --bench extract`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use polemos_extract::{ArticleMeta, Extractor};

#[path = "support/corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let ex = Extractor::new().expect("knowledge");
    let meta = ArticleMeta {
        published: chrono::NaiveDate::from_ymd_opt(2019, 9, 19),
        ..ArticleMeta::default()
    };
    let docs = corpus::corpus(2 * 1024 * 1024);
    let bytes: usize = docs.iter().map(String::len).sum();
    let sentences: usize = docs
        .iter()
        .map(|d| ex.extract(d, &meta).map_or(0, |x| x.document.sentences))
        .sum();
    let run = || {
        for d in &docs {
            black_box(ex.extract(black_box(d), &meta).ok());
        }
    };
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("corpus_bytes", |b| b.iter(run));
    g.throughput(Throughput::Elements(sentences as u64));
    g.bench_function("corpus_sentences", |b| b.iter(run));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
