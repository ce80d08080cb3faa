//! Speed of every forecasting model at 10, 100 and 1,000 actors, of the EC example the issue
//! names (BDM, 10 rounds) and of Monte Carlo. Figures go to docs/benchmarks.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use polemos_core::forecast::*;

/// A reproducible random scenario: positions 0–100, capabilities 1–100, saliences such that an
/// actor's total is at most 1 (KTAB's convention).
fn random_scenario(n: usize, dims: usize, seed: u64) -> Scenario {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let actors = (0..n)
        .map(|i| ScenarioActor {
            name: format!("A{i}"),
            description: String::new(),
            capability: 1.0 + 99.0 * next(),
        })
        .collect();
    let dimensions = (0..dims)
        .map(|d| Dimension {
            name: format!("D{d}"),
            positions: (0..n).map(|_| 100.0 * next()).collect(),
            saliences: (0..n).map(|_| (0.2 + 0.8 * next()) / dims as f64).collect(),
        })
        .collect();
    Scenario {
        name: format!("random-{n}"),
        description: String::new(),
        scale: Scale::PERCENT,
        actors,
        dimensions,
    }
}

fn ec() -> Scenario {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/scenarios/ec-emissions.csv"
    );
    parse_scenario("ec", &std::fs::read_to_string(path).expect("file")).expect("valid")
}

fn ec_example(c: &mut Criterion) {
    let s = ec();
    c.bench_function("ec/bdm_10_rounds", |b| {
        b.iter(|| bdm_forecast(black_box(&s), &BdmParams::default()))
    });
    c.bench_function("ec/smp", |b| {
        b.iter(|| smp_forecast(black_box(&s), &SmpParams::default()))
    });
    let mc = MonteCarloParams {
        draws: 1000,
        seed: 1,
        ..MonteCarloParams::default()
    };
    let mut g = c.benchmark_group("ec");
    g.sample_size(10);
    g.bench_function("monte_carlo_1000_bdm", |b| {
        b.iter(|| {
            monte_carlo(&ModelSpec::Bdm(BdmParams::default()), &s, &mc, &|_, _| {
                std::ops::ControlFlow::Continue(())
            })
        })
    });
    g.finish();
}

fn static_models(c: &mut Criterion) {
    let mut g = c.benchmark_group("static");
    for n in [10, 100, 1000] {
        let s = random_scenario(n, 1, 7);
        g.bench_with_input(BenchmarkId::new("median", n), &s, |b, s| {
            b.iter(|| median_forecast(s))
        });
        g.bench_with_input(BenchmarkId::new("compromise", n), &s, |b, s| {
            b.iter(|| compromise_forecast(s))
        });
    }
    g.finish();
}

fn bdm(c: &mut Criterion) {
    let mut g = c.benchmark_group("bdm");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    for n in [10, 100, 1000] {
        let s = random_scenario(n, 1, 11);
        let p = BdmParams {
            rounds: 10,
            ..BdmParams::default()
        };
        g.bench_with_input(BenchmarkId::new("10_rounds", n), &s, |b, s| {
            b.iter(|| bdm_forecast(s, &p))
        });
    }
    let s = random_scenario(1000, 1, 11);
    let p = BdmParams {
        rounds: 100,
        ..BdmParams::default()
    };
    g.bench_function("100_rounds/1000", |b| b.iter(|| bdm_forecast(&s, &p)));
    g.finish();
}

fn smp(c: &mut Criterion) {
    let mut g = c.benchmark_group("smp");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    for n in [10, 100, 1000] {
        let s = random_scenario(n, 2, 13);
        let one = SmpParams {
            min_rounds: 1,
            max_rounds: 1,
            ..SmpParams::default()
        };
        g.bench_with_input(BenchmarkId::new("1_round", n), &s, |b, s| {
            b.iter(|| smp_forecast(s, &one))
        });
        if n <= 100 {
            let ten = SmpParams {
                max_rounds: 10,
                ..SmpParams::default()
            };
            g.bench_with_input(BenchmarkId::new("up_to_10_rounds", n), &s, |b, s| {
                b.iter(|| smp_forecast(s, &ten))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, ec_example, static_models, bdm, smp);
criterion_main!(benches);
