//! Invariants every forecasting model must keep, over random scenarios: positions stay in range,
//! actors with identical inputs stay together, scaling every capability changes nothing, an actor
//! that does not care (salience 0) sways no vote, and the fast BDM vote count equals the direct one.

use polemos_core::forecast::bdm::{self, SuccessRule};
use polemos_core::forecast::*;
use proptest::prelude::*;

/// (capability, positions per dimension, saliences per dimension)
type Row = (f64, Vec<f64>, Vec<f64>);

fn scenario(rows: &[Row]) -> Scenario {
    let dims = rows[0].1.len();
    Scenario {
        name: "prop".into(),
        description: String::new(),
        scale: Scale::PERCENT,
        actors: rows
            .iter()
            .enumerate()
            .map(|(i, r)| ScenarioActor {
                name: format!("a{i}"),
                description: String::new(),
                capability: r.0,
            })
            .collect(),
        dimensions: (0..dims)
            .map(|d| Dimension {
                name: format!("d{d}"),
                positions: rows.iter().map(|r| r.1[d]).collect(),
                saliences: rows.iter().map(|r| r.2[d]).collect(),
            })
            .collect(),
    }
}

fn rows(max_actors: usize) -> impl Strategy<Value = Vec<Row>> {
    (1usize..=2).prop_flat_map(move |dims| {
        prop::collection::vec(
            (
                0.1f64..10.0,
                prop::collection::vec(0.0f64..=100.0, dims),
                // Saliences at most 1/dims so KTAB's Σ s <= 1 holds without rescaling.
                prop::collection::vec(0.05f64..=(1.0 / dims as f64), dims),
            ),
            2..=max_actors,
        )
    })
}

fn dynamic_models() -> Vec<ModelSpec> {
    vec![
        ModelSpec::Bdm(BdmParams {
            rounds: 6,
            ..BdmParams::default()
        }),
        ModelSpec::Smp(SmpParams {
            max_rounds: 6,
            ..SmpParams::default()
        }),
    ]
}

fn all_models() -> Vec<ModelSpec> {
    let mut m = vec![ModelSpec::Median, ModelSpec::Compromise];
    m.extend(dynamic_models());
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn positions_stay_in_range(rows in rows(6)) {
        let s = scenario(&rows);
        for spec in all_models() {
            let f = spec.run(&s).expect("runs");
            for r in &f.rounds {
                for x in r.positions.iter().flatten() {
                    prop_assert!((0.0..=100.0).contains(x), "{:?}: {x}", spec.kind());
                }
            }
            for o in &f.outcome {
                prop_assert!((0.0..=100.0).contains(&o.forecast));
            }
        }
    }

    #[test]
    fn identical_actors_stay_together(rows in rows(5)) {
        let mut twin_rows = rows.clone();
        twin_rows.push(rows[0].clone());
        let s = scenario(&twin_rows);
        let twin = twin_rows.len() - 1;
        for spec in dynamic_models() {
            let f = spec.run(&s).expect("runs");
            for r in &f.rounds {
                for dim in &r.positions {
                    prop_assert_eq!(dim[0], dim[twin], "{:?} round {}", spec.kind(), r.round);
                }
            }
        }
    }

    #[test]
    fn scaling_capabilities_changes_nothing(rows in rows(5), k in prop::sample::select(vec![0.25, 2.0, 8.0, 1024.0])) {
        let s = scenario(&rows);
        let mut scaled = s.clone();
        scaled.actors.iter_mut().for_each(|a| a.capability *= k);
        for spec in all_models() {
            let a = spec.run(&s).expect("runs");
            let b = spec.run(&scaled).expect("runs");
            prop_assert_eq!(a.rounds.len(), b.rounds.len());
            for (ra, rb) in a.rounds.iter().zip(&b.rounds) {
                for (x, y) in ra.positions.iter().flatten().zip(rb.positions.iter().flatten()) {
                    prop_assert!((x - y).abs() < 1e-9, "{:?}: {x} vs {y}", spec.kind());
                }
            }
        }
    }

    #[test]
    fn zero_salience_actor_sways_no_vote(rows in rows(5), x in 0.0f64..=100.0, c in 0.1f64..10.0) {
        let s = scenario(&rows);
        let mut with = rows.clone();
        let dims = rows[0].1.len();
        with.push((c, vec![x; dims], vec![0.0; dims]));
        let t = scenario(&with);
        // Static statistics weigh by capability × salience.
        for d in 0..dims {
            let w = |s: &Scenario| s.actors.iter().zip(&s.dimensions[d].saliences).map(|(a, s)| a.capability * s).collect::<Vec<_>>();
            let (xs, xt) = (&s.dimensions[d].positions, &t.dimensions[d].positions);
            prop_assert!((weighted_median(xs, &w(&s)) - weighted_median(xt, &w(&t))).abs() < 1e-9);
            prop_assert!((weighted_mean(xs, &w(&s)) - weighted_mean(xt, &w(&t))).abs() < 1e-9);
        }
        // BDM: P_ij between the original actors is the same with the indifferent actor voting.
        let n = rows.len();
        let (xs, xt) = (&s.dimensions[0].positions, &t.dimensions[0].positions);
        let ws: Vec<f64> = rows.iter().map(|r| r.0 * r.2[0]).collect();
        let mut wt = ws.clone();
        wt.push(0.0);
        let r: Vec<f64> = (0..=n).map(|i| 0.5 + 1.5 * (i as f64 / n as f64)).collect();
        let ps = bdm::success_probabilities(xs, &ws, &r[..n], 100.0, SuccessRule::PositiveVotes);
        let pt = bdm::success_probabilities(xt, &wt, &r, 100.0, SuccessRule::PositiveVotes);
        for i in 0..n {
            for j in 0..n {
                prop_assert!((ps[i * n + j] - pt[i * (n + 1) + j]).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn fast_success_probabilities_equal_the_direct_sum(
        xs in prop::collection::vec(0.0f64..=100.0, 2..12),
        seed in 0u64..1000,
        net in any::<bool>(),
    ) {
        let n = xs.len();
        // Spread weights and exponents deterministically from the seed; include repeated positions.
        let mut xs = xs;
        if n > 3 { xs[1] = xs[0]; }
        let w: Vec<f64> = (0..n).map(|i| ((seed as usize + 3 * i) % 7) as f64 * 0.5).collect();
        let r: Vec<f64> = (0..n).map(|i| 0.5 + ((seed as usize + i) % 4) as f64 * 0.5).collect();
        let rule = if net { SuccessRule::NetVotes } else { SuccessRule::PositiveVotes };
        let fast = bdm::success_probabilities(&xs, &w, &r, 100.0, rule);
        let slow = bdm::success_naive(&xs, &w, &r, 100.0, rule);
        for (a, b) in fast.iter().zip(&slow) {
            prop_assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        }
    }
}

/// One BDM round written straight from the formulas of Scholz, Calbert & Smith (2011), O(n³),
/// with `powf`: the reference the fast round (sorted actors, prefix sums, tiles, exp·ln powers,
/// threads above 128 actors) must agree with. Returns (actor, new position, kind) per mover.
fn reference_round(x: &[f64], w: &[f64], s: &[f64], range: f64) -> Vec<(usize, f64, MoveKind)> {
    let n = x.len();
    let d = |i: usize, j: usize| (x[i] - x[j]).abs() / range;
    let eu_table = |r: &[f64]| {
        let p = bdm::success_naive(x, w, r, range, SuccessRule::PositiveVotes);
        let mut eu = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..n {
                if i != j {
                    let us = 2.0 - 4.0 * (0.5 - 0.5 * d(i, j)).powf(r[i]);
                    let uf = 2.0 - 4.0 * (0.5 + 0.5 * d(i, j)).powf(r[i]);
                    let usq = 2.0 - 4.0 * 0.5f64.powf(r[i]);
                    let pij = p[i * n + j];
                    eu[i * n + j] = s[j] * (pij * us + (1.0 - pij) * uf) + (1.0 - s[j]) * us - usq;
                }
            }
        }
        eu
    };
    let eu1 = eu_table(&vec![1.0; n]);
    let danger: Vec<f64> = (0..n)
        .map(|i| (0..n).map(|j| eu1[j * n + i]).sum())
        .collect();
    let (max, min) = danger
        .iter()
        .fold((f64::MIN, f64::MAX), |(a, b), &v| (a.max(v), b.min(v)));
    let r: Vec<f64> = danger
        .iter()
        .map(|&l| {
            let big_r = if max > min {
                (2.0 * l - max - min) / (max - min)
            } else {
                0.0
            };
            (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)
        })
        .collect();
    let eu = eu_table(&r);
    let mut moves = Vec::new();
    for i in 0..n {
        let mut best: Option<(f64, f64, MoveKind)> = None;
        for j in 0..n {
            let (a, b) = (eu[i * n + j], eu[j * n + i]);
            if i == j || x[i] == x[j] || b <= 0.0 {
                continue;
            }
            let offer = if a > 0.0 && b > a {
                (x[j], MoveKind::Confrontation)
            } else if a > 0.0 {
                continue;
            } else if a < 0.0 && b > -a {
                (x[i] + (x[j] - x[i]) * (a / b).abs(), MoveKind::Compromise)
            } else {
                (x[j], MoveKind::Capitulation)
            };
            let moved = (offer.0 - x[i]).abs();
            if best.is_none_or(|(m, _, _)| moved < m) {
                best = Some((moved, offer.0, offer.1));
            }
        }
        if let Some((_, to, kind)) = best {
            moves.push((i, to, kind));
        }
    }
    moves
}

/// Deterministic spread of inputs from a seed: positions, weights and saliences with no
/// symmetries, so no two offers tie and rounding cannot change which one is taken.
fn spread(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let x = (0..n).map(|_| 100.0 * next()).collect();
    let s: Vec<f64> = (0..n).map(|_| 0.1 + 0.9 * next()).collect();
    let w = s.iter().map(|s| s * (1.0 + 99.0 * next())).collect();
    (x, w, s)
}

fn assert_round_matches_reference(x: &[f64], w: &[f64], s: &[f64]) {
    let range =
        x.iter().copied().fold(f64::MIN, f64::max) - x.iter().copied().fold(f64::MAX, f64::min);
    let dim = bdm::Dim {
        weight: w,
        salience: s,
        range,
    };
    let fast: Vec<(usize, f64, MoveKind)> = bdm::step(x, &dim, &BdmParams::default())
        .into_iter()
        .map(|o| (o.actor, o.to, o.kind))
        .collect();
    let slow = reference_round(x, w, s, range);
    assert_eq!(
        fast.len(),
        slow.len(),
        "movers differ: {fast:?} vs {slow:?}"
    );
    for (f, r) in fast.iter().zip(&slow) {
        assert_eq!((f.0, f.2), (r.0, r.2), "{f:?} vs {r:?}");
        assert!((f.1 - r.1).abs() < 1e-9, "{f:?} vs {r:?}");
    }
}

#[test]
fn a_large_round_equals_the_direct_formulas() {
    // 300 actors: above the thread and tile thresholds, with partial tiles.
    let (x, w, s) = spread(300, 5);
    assert_round_matches_reference(&x, &w, &s);
}

proptest! {
    #[test]
    fn a_round_equals_the_direct_formulas(n in 2usize..40, seed in 0u64..10_000) {
        let (x, w, s) = spread(n, seed);
        assert_round_matches_reference(&x, &w, &s);
    }
}
