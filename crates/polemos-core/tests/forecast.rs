//! Forecasting against published numbers and hand arithmetic: the EC emissions example of
//! Scholz, Calbert & Smith (2011), KTAB's reference runs, and small cases worked out below.

use std::ops::ControlFlow;

use polemos_core::forecast::bdm::{self, Dim, OfferChoice, SuccessRule};
use polemos_core::forecast::smp;
use polemos_core::forecast::*;

fn scenario_file(rel: &str) -> Scenario {
    let path = format!(
        "{}/../../examples/scenarios/{rel}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("scenario file");
    parse_scenario(rel, &text).expect("valid scenario")
}

fn one_dim(actors: &[(&str, f64, f64, f64)]) -> Scenario {
    // (name, capability, position, salience) on a 0–100 scale.
    Scenario {
        name: "hand".into(),
        description: String::new(),
        scale: Scale::PERCENT,
        actors: actors
            .iter()
            .map(|(n, c, _, _)| ScenarioActor {
                name: (*n).into(),
                description: String::new(),
                capability: *c,
            })
            .collect(),
        dimensions: vec![Dimension {
            name: "x".into(),
            positions: actors.iter().map(|a| a.2).collect(),
            saliences: actors.iter().map(|a| a.3).collect(),
        }],
    }
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

// ------------------------------------------------------------------ EC emissions

#[test]
fn ec_emissions_round_zero_matches_the_paper() {
    let ec = scenario_file("ec-emissions.csv");
    assert_eq!(ec.actors.len(), 10);
    assert_eq!(
        ec.scale,
        Scale {
            min: 4.0,
            max: 10.0
        }
    );
    let m = median_forecast(&ec);
    let o = &m.outcome[0];
    assert_eq!(o.weighted_median, 7.0);
    assert_eq!(o.pairwise_median, 7.0);
    assert!(close(o.mean, 7.390, 5e-4), "{}", o.mean);
    assert_eq!(o.forecast, 7.0);
    let c = compromise_forecast(&ec);
    assert!(close(c.outcome[0].forecast, 7.390, 5e-4));
    // The dynamic model starts from the same round 0.
    let b = bdm_forecast(&ec, &BdmParams::default()).expect("runs");
    assert_eq!(b.rounds[0].median, vec![7.0]);
    assert!(close(b.rounds[0].mean[0], 7.390, 5e-4));
    assert!(b.rounds.len() > 1, "someone moves in round 1");
    for r in &b.rounds {
        assert!(r.positions[0].iter().all(|x| (4.0..=10.0).contains(x)));
    }
}

// ------------------------------------------------------------------ BDM by hand

#[test]
fn bdm_two_actors_by_hand() {
    // A at 0 (c 1, s 1), B at 100 (c 1, s 0.5); R = 100, so d = 1 and every power of d is 1.
    // P_AB: A votes 1·(1 − 0) = 1, B votes 0.5·(0 − 1) = −0.5 → P_AB = 1/1.5 = 2/3.
    // Risk pass (r = 1): U_s = 2, U_f = −2, U_sq = 0.
    //   EU_AB = 0.5(2/3·2 − 1/3·2) + 0.5·2 = 4/3;  EU_BA = 1·(1/3·2 − 2/3·2) = −2/3.
    //   danger_A = EU_BA = −2/3, danger_B = EU_AB = 4/3 → R_A = −1, R_B = 1 → r_A = 2, r_B = 1/2.
    // Main pass: U_sq(A) = 2 − 4·0.25 = 1 → EU_AB = 0.5(4/3 − 2/3) + 1 − 1 = 1/3;
    //   U_sq(B) = 2 − 4·√0.5 → EU_BA = (2/3 − 4/3) − (2 − 2√2) = 2√2 − 8/3 ≈ 0.16176.
    // Offer to B from A: EU_AB = 1/3 > EU_BA > 0 → confrontation, B moves to 0.
    // Offer to A from B: EU_AB > EU_BA, so A stays.
    let s = one_dim(&[("A", 1.0, 0.0, 1.0), ("B", 1.0, 100.0, 0.5)]);
    let w = [1.0, 0.5];
    let dim = Dim {
        weight: &w,
        salience: &[1.0, 0.5],
        range: 100.0,
    };
    let r = bdm::risk_exponents(
        &[0.0, 100.0],
        &dim,
        bdm::RiskRule::Danger,
        SuccessRule::PositiveVotes,
    );
    assert!(close(r[0], 2.0, 1e-12) && close(r[1], 0.5, 1e-12), "{r:?}");
    let offers = bdm::step(&[0.0, 100.0], &dim, &BdmParams::default());
    assert_eq!(offers.len(), 1);
    let o = &offers[0];
    assert_eq!(
        (o.actor, o.from_actor, o.kind, o.to),
        (1, 0, MoveKind::Confrontation, 0.0)
    );
    assert!(close(o.eu_other, 1.0 / 3.0, 1e-12));
    assert!(close(o.eu_own, 2.0 * 2f64.sqrt() - 8.0 / 3.0, 1e-12));
    let f = bdm_forecast(&s, &BdmParams::default()).expect("runs");
    assert_eq!(f.rounds[1].positions[0], vec![0.0, 0.0]);
    assert!(f.converged, "all at 0: nothing left to contest");
    assert_eq!(f.outcome[0].forecast, 0.0);
    assert_eq!(f.rounds[1].moves[0].with, "A");
}

#[test]
fn bdm_with_no_or_one_actor_has_nothing_to_do() {
    let none = bdm::success_probabilities(&[], &[], &[], 100.0, SuccessRule::PositiveVotes);
    assert!(none.is_empty());
    let one = bdm::success_probabilities(&[40.0], &[1.0], &[1.0], 100.0, SuccessRule::NetVotes);
    assert_eq!(one, vec![0.5]);
    let dim = Dim {
        weight: &[1.0],
        salience: &[1.0],
        range: 100.0,
    };
    assert!(bdm::step(&[40.0], &dim, &BdmParams::default()).is_empty());
}

#[test]
fn bdm_three_actors_by_hand() {
    // A 0, B 50, C 100, all c = s = 1, R = 100.
    // Risk pass: P_AB = 0.5/1.5 = 1/3 (A +0.5, B −0.5, C −0.5), P_AC = 1/2.
    //   d_AB = 0.5: U_s = 1, U_f = −1 → EU_AB = 1/3 − 2/3 = −1/3, EU_BA = 1/3; EU_AC = EU_CA = 0.
    //   danger: A 1/3, B −2/3, C 1/3 → R = (1, −1, 1) → r = (1/2, 2, 1/2).
    // Main pass, P_AB: A votes 0.5^0.5 = 0.70711, B −0.5² = −0.25, C 0.70711 − 1 = −0.29289
    //   → P_AB = 0.70711/1.25 = 0.565685.
    //   EU_AB (r 1/2): U_s = 2 − 4·0.5 = 0, U_f = 2 − 4·√0.75 = −1.464102, U_sq = 2 − 4√0.5
    //     → 0.434315·(−1.464102) + 0.828427 = 0.192547.
    //   EU_BA (r 2): U_s = 1.75, U_f = −0.25, U_sq = 1 → 0.434315·1.75 − 0.565685·0.25 − 1 = −0.381371.
    //   EU_AC = EU_CA = 0 + 0.828427 (a tie: neither gives in).
    // B gets capitulation offers from A and C (0.192547 < 0.381371), both 50 away; the tie goes
    // to the lower index, so B moves to 0.
    let x = [0.0, 50.0, 100.0];
    let dim = Dim {
        weight: &[1.0; 3],
        salience: &[1.0; 3],
        range: 100.0,
    };
    let r = bdm::risk_exponents(&x, &dim, bdm::RiskRule::Danger, SuccessRule::PositiveVotes);
    assert!(close(r[0], 0.5, 1e-12) && close(r[1], 2.0, 1e-12) && close(r[2], 0.5, 1e-12));
    let p = bdm::success_probabilities(&x, dim.weight, &r, 100.0, SuccessRule::PositiveVotes);
    assert!(close(p[1], 0.565_685, 1e-6), "{}", p[1]);
    let offers = bdm::step(&x, &dim, &BdmParams::default());
    assert_eq!(offers.len(), 1);
    let o = &offers[0];
    assert_eq!(
        (o.actor, o.from_actor, o.kind, o.to),
        (1, 0, MoveKind::Capitulation, 0.0)
    );
    assert!(close(o.eu_own, -0.381_371, 1e-6) && close(o.eu_other, 0.192_547, 1e-6));
    // The reimplementation option "largest proposer gain" breaks the same tie the same way
    // here (both proposers expect 0.192547).
    let alt = BdmParams {
        offer_choice: OfferChoice::LargestProposerGain,
        ..BdmParams::default()
    };
    assert_eq!(bdm::step(&x, &dim, &alt)[0].to, 0.0);
}

// ------------------------------------------------------------------ SMP

fn reference(rel: &str) -> Vec<(String, Vec<f64>)> {
    let path = format!(
        "{}/../../examples/scenarios/ktab/reference/{rel}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path)
        .expect("reference file")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (label, values) = l.split_once(':').expect("label: values");
            (
                label.to_owned(),
                values
                    .split_whitespace()
                    .map(|v| v.parse().expect("number"))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn smp_reproduces_ktab_reference_run_of_dummy_3dim() {
    let s = scenario_file("ktab/dummyData_3Dim.csv");
    // KTAB's log, round 0: "Inferred risk attitudes" and "winning probabilities".
    let (risk, win) = smp::initial_risk(&s, &SmpParams::default());
    let ktab_risk = [-0.500, -0.459, -0.499, -0.274, 1.000, -0.232, -0.430];
    let ktab_win = [0.0047, 0.0302, 0.0054, 0.1492, 0.6001, 0.1447, 0.0656];
    for i in 0..7 {
        assert!(close(risk[i], ktab_risk[i], 5e-4), "risk {i}: {}", risk[i]);
        assert!(close(win[i], ktab_win[i], 5e-5), "win {i}: {}", win[i]);
    }
    let f = smp_forecast(&s, &SmpParams::default()).expect("runs");
    // "There were 11 states, with 10 steps between them".
    assert_eq!(f.rounds.len(), 11);
    assert!(f.converged);
    // KTAB's final winning probabilities put SActor-05's position (79.9, 34.4, 75.2) first
    // (0.4009); that position is the forecast.
    let fc = f.forecasts();
    assert!(
        close(fc[0], 79.88, 0.01) && close(fc[1], 34.37, 0.01) && close(fc[2], 75.16, 0.01),
        "{fc:?}"
    );
    let history = reference("dummyData_3Dim.positions.txt");
    assert_eq!(history.len(), 21);
    for (row, (label, values)) in history.iter().enumerate() {
        let (actor, dim) = (row / 3, row % 3);
        for (t, v) in values.iter().enumerate() {
            let ours = f.rounds[t].positions[dim][actor];
            assert!(
                close(ours, *v, 0.05 + 1e-9),
                "{label} round {t}: ours {ours:.3}, KTAB {v}"
            );
        }
    }
}

#[test]
fn smp_reproduces_ktab_reference_run_of_soe_pol_comp() {
    // 13 actors, 2 dimensions, 27 rounds of bargaining with many ties between equal positions.
    let s = scenario_file("ktab/SOE-Pol-Comp.csv");
    let f = smp_forecast(&s, &SmpParams::default()).expect("runs");
    assert_eq!(
        f.rounds.len(),
        28,
        "There were 28 states, with 27 steps between them"
    );
    let history = reference("SOE-Pol-Comp.positions.txt");
    assert_eq!(history.len(), 26);
    for (row, (label, values)) in history.iter().enumerate() {
        let (actor, dim) = (row / 2, row % 2);
        for (t, v) in values.iter().enumerate() {
            let ours = f.rounds[t].positions[dim][actor];
            assert!(
                close(ours, *v, 0.05 + 1e-9),
                "{label} round {t}: ours {ours:.3}, KTAB {v}"
            );
        }
    }
}

#[test]
fn smp_two_actors_by_hand() {
    // A at 0, B at 100, capability 1 each; 1 dimension, so salience cancels in the distance and
    // u(own) = 1, u(other) = 0. Risk: both coalitions are 1 → P = 1/2 → equal → attitudes 0.
    // A challenging B (B's salience 1/2): A votes 1·1·(1 − 0) = 1 for A, B votes 0.5·(0 − 1);
    // P = 1/1.5 = 2/3; EU = (1 − 0.5)·2 + 0.5·(2/3·2 + 1/3·0) = 5/3 against the status quo 1 + 0,
    // a gain of 2/3.
    let s = one_dim(&[("A", 1.0, 0.0, 1.0), ("B", 1.0, 100.0, 0.5)]);
    let (risk, _) = smp::initial_risk(&s, &SmpParams::default());
    assert_eq!(risk, vec![0.0, 0.0]);
    let f = smp_forecast(&s, &SmpParams::default()).expect("runs");
    let first = &f.rounds[1].moves;
    // The bargain (S2P2): weights 1²·(2/3)² = 4/9 for A and 0.5²·(1/3)² = 1/36 for B, so both
    // would meet at (1/36)/(4/9 + 1/36) = 1/17 ≈ 0.0588 → 5.88 on the 0–100 scale.
    for m in first {
        assert!(close(m.to, 5.88, 1e-9), "{m:?}");
        assert!(m.reason.contains("P(win) 0.6667"), "{}", m.reason);
        assert!(m.reason.contains("expected gain +0.6667"), "{}", m.reason);
    }
    // Equal salience: the challenge gains nothing (P = 1/2, EU = 1 = status quo): nobody moves,
    // the weighted mean stays 50 and the two positions are equally likely to prevail.
    let s = one_dim(&[("A", 1.0, 0.0, 1.0), ("B", 1.0, 100.0, 1.0)]);
    let f = smp_forecast(&s, &SmpParams::default()).expect("runs");
    assert!(f.rounds.iter().all(|r| r.moves.is_empty()));
    assert_eq!(f.outcome[0].mean, 50.0);
    let win = f
        .rounds
        .last()
        .and_then(|r| r.win_probability.clone())
        .expect("reported");
    assert!(
        close(win[0], 0.5, 1e-12) && close(win[1], 0.5, 1e-12),
        "{win:?}"
    );
}

#[test]
fn smp_three_actors_risk_by_hand() {
    // A and B at 0, C at 100, capability 1, salience 1. Risk-neutral utilities: A and B value
    // (1, 1, 0), C values (0, 0, 1). Coalitions: A vs B tie → 1/2; A vs C: 2 against 1 → 2/3.
    // Conditional PCE: A, B ∝ 1/2·1/2·2/3 = 1/6, C ∝ 1/3·1/3·1/2 = 1/18 → (3/7, 3/7, 1/7).
    // Mid range: R = (3p − (p_max + 2 p_min)) / (2 (p_max − p_min)) → A, B: 1, C: −1/2.
    let s = one_dim(&[
        ("A", 1.0, 0.0, 1.0),
        ("B", 1.0, 0.0, 1.0),
        ("C", 1.0, 100.0, 1.0),
    ]);
    let (risk, _) = smp::initial_risk(&s, &SmpParams::default());
    assert!(close(risk[0], 1.0, 1e-9) && close(risk[1], 1.0, 1e-9) && close(risk[2], -0.5, 1e-9));
    let f = smp_forecast(&s, &SmpParams::default()).expect("runs");
    for r in &f.rounds {
        assert_eq!(
            r.positions[0][0], r.positions[0][1],
            "twins A and B stay together"
        );
    }
}

#[test]
fn parses_every_ktab_scenario() {
    for (file, actors, dims) in [
        ("ktab/dummyData_3Dim.csv", 7, 3),
        ("ktab/SOE-Pol-Comp.csv", 13, 2),
        ("ktab/dummyData-a040.csv", 40, 1),
        ("ktab/dummyData_6Dim.csv", 27, 6),
    ] {
        let s = scenario_file(file);
        assert_eq!(
            (s.actors.len(), s.dimensions.len()),
            (actors, dims),
            "{file}"
        );
        s.validate().expect("valid");
    }
}

#[test]
fn malformed_file_names_row_and_column() {
    let path = format!(
        "{}/../../examples/scenarios/ktab/dummyData_3Dim.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("file");
    let broken = text.replace(" 82.72,", " high,");
    let err = parse_scenario("x", &broken).expect_err("bad position");
    assert_eq!(
        err.to_string(),
        "KTAB SMP csv, line 4, column `Pstn1`: expected a position in 0..=100, found `high`"
    );
}

// ------------------------------------------------------------------ Monte Carlo

#[test]
fn monte_carlo_without_uncertainty_equals_the_deterministic_run() {
    let ec = scenario_file("ec-emissions.csv");
    for spec in [
        ModelSpec::Median,
        ModelSpec::Compromise,
        ModelSpec::Bdm(BdmParams::default()),
        ModelSpec::Smp(SmpParams::default()),
    ] {
        let params = MonteCarloParams {
            draws: 8,
            seed: 7,
            uncertainty: Uncertainty::NONE,
            range: None,
        };
        let mc = monte_carlo(&spec, &ec, &params, &|_, _| ControlFlow::Continue(())).expect("runs");
        let det = spec.run(&ec).expect("runs").forecasts();
        assert!(mc.forecasts.iter().all(|f| *f == det), "{spec:?}");
        assert_eq!(mc.distributions[0].std_dev, 0.0);
    }
}

#[test]
fn monte_carlo_is_reproducible_whatever_the_thread_count() {
    let ec = scenario_file("ec-emissions.csv");
    let spec = ModelSpec::Bdm(BdmParams::default());
    let params = MonteCarloParams {
        draws: 64,
        seed: 42,
        uncertainty: Uncertainty::default(),
        range: Some((6.5, 7.5)),
    };
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let r = pool.install(|| {
            monte_carlo(&spec, &ec, &params, &|_, total| {
                assert_eq!(total, 64);
                calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                ControlFlow::Continue(())
            })
        });
        assert_eq!(calls.into_inner(), 64, "progress reported once per draw");
        r.expect("runs")
    };
    let (one, four) = (run(1), run(4));
    assert_eq!(one.forecasts, four.forecasts);
    assert!(
        one.distributions[0].std_dev > 0.0,
        "uncertainty spreads the outcomes"
    );
    let d = &one.distributions[0];
    assert!(d.quantiles.windows(2).all(|q| q[0].1 <= q[1].1));
    let p = d.probability_in_range.expect("range asked");
    assert!((0.0..=1.0).contains(&p));
    // A different seed draws differently.
    let other = monte_carlo(
        &spec,
        &ec,
        &MonteCarloParams { seed: 43, ..params },
        &|_, _| ControlFlow::Continue(()),
    )
    .expect("runs");
    assert_ne!(other.forecasts, one.forecasts);
}

#[test]
fn monte_carlo_rejects_bad_parameters() {
    let ec = scenario_file("ec-emissions.csv");
    let err = monte_carlo(
        &ModelSpec::Median,
        &ec,
        &MonteCarloParams {
            draws: 0,
            ..MonteCarloParams::default()
        },
        &|_, _| ControlFlow::Continue(()),
    )
    .expect_err("no draws");
    assert!(err.to_string().contains("`draws`"), "{err}");
}

#[test]
fn monte_carlo_stops_when_progress_asks() {
    let ec = scenario_file("ec-emissions.csv");
    let params = MonteCarloParams {
        draws: 10_000,
        ..MonteCarloParams::default()
    };
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let err = monte_carlo(
        &ModelSpec::Bdm(BdmParams::default()),
        &ec,
        &params,
        &|done, _| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if done >= 5 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    )
    .expect_err("asked to stop");
    assert!(
        matches!(err, ForecastError::Cancelled { total: 10_000, .. }),
        "{err}"
    );
    // Draws already running finish; none starts after the stop (one per worker at most).
    let calls = calls.into_inner();
    let threads = rayon::current_num_threads();
    assert!(
        calls < 5 + 2 * threads,
        "{calls} draws ran after a stop at 5"
    );
}

#[test]
fn a_model_spec_refuses_a_parameter_it_does_not_have() {
    // Known parameters and the tag alone are read; an unknown one is an error naming it, not a
    // run on the defaults (serde would otherwise skip it).
    let spec: ModelSpec = serde_json::from_str(r#"{"model": "bdm", "rounds": 3}"#).expect("bdm");
    assert!(matches!(spec, ModelSpec::Bdm(p) if p.rounds == 3));
    assert!(serde_json::from_str::<ModelSpec>(r#"{"model": "smp"}"#).is_ok());
    for text in [
        r#"{"model": "bdm", "uncertainty": {"position": 0.5}}"#,
        r#"{"model": "smp", "round": 3}"#,
    ] {
        let err = serde_json::from_str::<ModelSpec>(text).expect_err(text);
        assert!(err.to_string().contains("unknown field"), "{err}");
    }
}
