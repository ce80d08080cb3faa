//! Tagging and parsing throughput (sentences a second, one core) on the first 1,000 sentences of
//! EWT test with their gold tokens, and on raw news text through the tokenizer.
//!
//! `cargo bench -p polemos-syntax --bench parse`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use polemos_syntax::{Model, conllu};

const EWT_TEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu"
);
const GUM_TEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/ud-english-gum-open/en_gum-open-test.conllu"
);

fn bench(c: &mut Criterion) {
    let model = Model::builtin();
    let gold = conllu::read(std::path::Path::new(EWT_TEST)).expect("EWT test beside the clone");
    let sents: Vec<Vec<&str>> = gold
        .iter()
        .take(1000)
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let mut g = c.benchmark_group("syntax");
    g.sample_size(10);
    g.throughput(Throughput::Elements(sents.len() as u64));
    g.bench_function("ewt_test_1000_sentences_gold_tokens", |b| {
        b.iter(|| {
            for s in &sents {
                black_box(model.parse_tokens(black_box(s)));
            }
        });
    });
    // Raw text: the GUM news documents' sentences joined, through tokenizer, tagger and parser.
    let gum = conllu::read(std::path::Path::new(GUM_TEST)).expect("GUM test beside the clone");
    let text: String = gum
        .iter()
        .filter_map(|s| s.text.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    let n = model.parse(&text).len();
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("gum_test_raw_text_sentences", |b| {
        b.iter(|| black_box(model.parse(black_box(&text))));
    });
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("gum_test_raw_text_bytes", |b| {
        b.iter(|| black_box(model.parse(black_box(&text))));
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
