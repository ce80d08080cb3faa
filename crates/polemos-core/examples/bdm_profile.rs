use polemos_core::forecast::scenario::*;
use polemos_core::forecast::*;
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
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let rounds: usize = std::env::args().nth(2).unwrap().parse().unwrap();
    let s = random_scenario(n, 1, 11);
    let p = BdmParams {
        rounds,
        ..BdmParams::default()
    };
    let t = std::time::Instant::now();
    let f = bdm_forecast(&s, &p).unwrap();
    println!(
        "{} rounds in {:?}; converged {} outcome {:?}",
        f.rounds.len() - 1,
        t.elapsed(),
        f.converged,
        f.outcome
            .iter()
            .map(|o| format!("{:?}", o))
            .collect::<Vec<_>>()
            .join(";")
            .chars()
            .take(200)
            .collect::<String>()
    );
}
