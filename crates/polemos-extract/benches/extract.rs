//! Throughput of the full extraction pipeline on a generated corpus of news-like articles
//! (`support/corpus.rs`). Reports MB/s and sentences/s (wall clock;
//! `examples/profile_extract.rs corpus` reports the same per CPU second, which a shared machine
//! does not distort), with the parse as the pipeline makes it (lazily: only sentences a stage
//! asks about) and with every sentence parsed (`*_full_parse`); and on real news, the articles
//! of `eval/news` one by one (`news_bytes`), where far more sentences are parsed (see
//! docs/benchmarks.md, "Where the floor stands").
//!
//! `cargo bench -p polemos-extract --bench extract`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use polemos_extract::{ArticleMeta, Extractor};

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/eager_parse.rs"]
mod eager_parse;

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
    let full = eager_parse::extractor();
    let run_full = || {
        for d in &docs {
            black_box(full.extract(black_box(d), &meta).ok());
        }
    };
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("corpus_bytes_full_parse", |b| b.iter(run_full));
    g.throughput(Throughput::Elements(sentences as u64));
    g.bench_function("corpus_sentences_full_parse", |b| b.iter(run_full));
    let news = news_articles();
    if !news.is_empty() {
        g.throughput(Throughput::Bytes(
            news.iter().map(String::len).sum::<usize>() as u64,
        ));
        g.bench_function("news_bytes", |b| {
            b.iter(|| {
                for d in &news {
                    black_box(ex.extract(black_box(d), &meta).ok());
                }
            });
        });
    }
    g.finish();
}

/// The texts of the evaluation corpus's articles (`eval/news/*.txt`), in name order; none if
/// the directory cannot be read.
fn news_articles() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/news");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{}: not readable, news_bytes skipped", dir.display());
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}

criterion_group!(benches, bench);
criterion_main!(benches);
