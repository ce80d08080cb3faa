//! Benchmarks of the analyses at scale: consolidating one million stance records (10,000 actors ×
//! 100 issues) and building the agreement matrix (and coalitions) for a 500-actor dispute.
//! Run with `cargo bench -p polemos-core --bench analysis`; figures go in docs/benchmarks.md.

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use polemos_core::analysis::agreement::agreement_matrix;
use polemos_core::analysis::asof::DocumentIndex;
use polemos_core::analysis::coalitions::coalitions;
use polemos_core::analysis::consolidate::{ConsolidateOptions, ConsolidatedStance, consolidate};
use polemos_core::*;

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next() % 10_000) as f64 / 10_000.0
    }
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 1, 1).expect("date") + chrono::Duration::days(offset as i64)
}

fn documents(n: usize) -> Vec<Document> {
    (0..n)
        .map(|k| Document {
            name: DocumentName::from_id(&format!("doc{k}")).expect("doc"),
            title: String::new(),
            outlet: Some(format!("outlet{}", k % 50)),
            url: None,
            published: Some(day((k % 365) as u64)),
            language: None,
            text: String::new(),
            content_hash: String::new(),
        })
        .collect()
}

/// `actors × issues` stance records, one per pair, each citing one document. With `clusters`,
/// actors lean toward one of that many camps (so coalitions actually merge); otherwise positions
/// are uniform.
fn stances(actors: usize, issues: usize, docs: usize, clusters: Option<usize>) -> Vec<Stance> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let issue_names: Vec<IssueName> = (0..issues)
        .map(|i| IssueName::parse(&format!("disputes/bench/issues/i{i}")).expect("issue"))
        .collect();
    let mut out = Vec::with_capacity(actors * issues);
    for a in 0..actors {
        let actor = ActorName::from_id(&format!("a{a}")).expect("actor");
        for (i, issue) in issue_names.iter().enumerate() {
            let doc = (rng.next() % docs as u64) as usize;
            out.push(Stance {
                name: StanceName::from_id(&format!("s{a}-{i}")).expect("stance"),
                actor: actor.clone(),
                issue: issue.clone(),
                position: Position::saturating(match clusters {
                    Some(k) => {
                        ((a % k) as f64 + 0.5) * 100.0 / k as f64 + (rng.unit() - 0.5) * 20.0
                    }
                    None => rng.unit() * 100.0,
                }),
                salience: Salience::saturating(rng.unit()),
                confidence: Confidence::saturating(0.3 + rng.unit() * 0.7),
                label: StanceLabel::Support,
                conditions: Vec::new(),
                valid_from: day(rng.next() % 300),
                valid_to: None,
                evidence: vec![Evidence {
                    document: Some(DocumentName::from_id(&format!("doc{doc}")).expect("doc")),
                    speaker: Some(actor.clone()),
                    ..Evidence::default()
                }],
            });
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let as_of = day(400);
    let docs = documents(1_000);
    let index = DocumentIndex::new(&docs);
    let options = ConsolidateOptions::default();

    let million = stances(10_000, 100, docs.len(), None);
    let mut group = c.benchmark_group("analysis");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("consolidate 1M stances (10k actors x 100 issues)", |b| {
        b.iter(|| {
            let out = consolidate(black_box(&million), &index, as_of, &options).expect("ok");
            assert_eq!(out.len(), 1_000_000);
            out
        });
    });
    drop(million);

    let dispute = stances(500, 100, docs.len(), Some(4));
    let current: Vec<ConsolidatedStance> =
        consolidate(&dispute, &index, as_of, &options).expect("ok");
    group.bench_function("agreement matrix, 500 actors x 100 issues", |b| {
        b.iter(|| agreement_matrix(black_box(&current), &[]));
    });
    let matrix = agreement_matrix(&current, &[]);
    group.bench_function("coalitions, 500 actors in 4 camps (average linkage)", |b| {
        b.iter(|| {
            let out = coalitions(black_box(&matrix), 0.15).expect("ok");
            assert_eq!(out.len(), 4, "the four camps are found");
            out
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
