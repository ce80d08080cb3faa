//! Monte Carlo over uncertain inputs: perturb positions, saliences and capabilities uniformly
//! within the stated uncertainty, run the model on each draw and summarise the distribution of
//! forecasts. Draw d uses its own ChaCha8 stream (seed, stream d), so results depend only on the
//! seed and the number of draws, never on how many threads ran them or in which order.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::ModelSpec;
use super::error::ForecastError;
use super::outcome::{Forecast, ModelKind};
use super::scenario::Scenario;

/// Half-widths of the uniform perturbations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Uncertainty {
    /// Positions move by up to this fraction of the scale's width (default 0.10: ±10 on 0–100).
    pub position: f64,
    /// Saliences move by up to this much, clamped to 0..=1 (default 0.1).
    pub salience: f64,
    /// Capabilities are multiplied by 1 ± up to this (default 0.2: ±20 %), floored at 0.
    pub capability: f64,
}

impl Default for Uncertainty {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl Uncertainty {
    /// The default widths, as a constant so a table of defaults can name them.
    pub const DEFAULT: Uncertainty = Uncertainty {
        position: 0.10,
        salience: 0.1,
        capability: 0.2,
    };

    /// No uncertainty: every draw is the scenario itself.
    pub const NONE: Uncertainty = Uncertainty {
        position: 0.0,
        salience: 0.0,
        capability: 0.0,
    };
}

/// How many draws, from which seed, with what uncertainty.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MonteCarloParams {
    /// How many perturbed runs.
    pub draws: usize,
    /// The seed of the random draws: the same seed gives the same result.
    pub seed: u64,
    /// How much positions, saliences and capabilities are perturbed.
    pub uncertainty: Uncertainty,
    /// Report the probability that the forecast falls in this closed range, if given.
    pub range: Option<(f64, f64)>,
}

impl MonteCarloParams {
    /// Draws of a run that names no number: the one default every interface reports.
    pub const DEFAULT_DRAWS: usize = 1000;
}

impl Default for MonteCarloParams {
    fn default() -> Self {
        Self {
            draws: Self::DEFAULT_DRAWS,
            seed: 0,
            uncertainty: Uncertainty::default(),
            range: None,
        }
    }
}

/// The distribution of one dimension's forecast over the draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// The dimension.
    pub dimension: String,
    /// Mean forecast over the draws.
    pub mean: f64,
    /// Standard deviation of the forecasts.
    pub std_dev: f64,
    /// Lowest forecast.
    pub min: f64,
    /// Highest forecast.
    pub max: f64,
    /// (probability, value) at 5, 25, 50, 75 and 95 %.
    pub quantiles: Vec<(f64, f64)>,
    /// Share of draws whose forecast lies in `MonteCarloParams::range`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability_in_range: Option<f64>,
}

/// A Monte Carlo run: the deterministic forecast, each draw's forecasts and their distribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonteCarloResult {
    /// The model run.
    pub model: ModelKind,
    /// The parameters of the run.
    pub params: MonteCarloParams,
    /// The run on the unperturbed scenario, with its full trace.
    pub baseline: Forecast,
    /// `forecasts[draw][dimension]`.
    pub forecasts: Vec<Vec<f64>>,
    /// One distribution per dimension.
    pub distributions: Vec<Distribution>,
}

/// Uniform in [-1, 1) from 53 random bits.
fn symmetric(rng: &mut ChaCha8Rng) -> f64 {
    let unit = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    2.0 * unit - 1.0
}

/// The scenario of draw `draw`.
#[must_use]
pub fn perturb(scenario: &Scenario, u: &Uncertainty, seed: u64, draw: u64) -> Scenario {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(draw);
    let mut s = scenario.clone();
    let width = s.scale.width();
    for actor in &mut s.actors {
        actor.capability = (actor.capability * (1.0 + u.capability * symmetric(&mut rng))).max(0.0);
    }
    for dim in &mut s.dimensions {
        for x in &mut dim.positions {
            *x = s.scale.clamp(*x + u.position * width * symmetric(&mut rng));
        }
        for sal in &mut dim.saliences {
            *sal = (*sal + u.salience * symmetric(&mut rng)).clamp(0.0, 1.0);
        }
    }
    s
}

/// Type-7 (linear interpolation) quantile of sorted values.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let h = (sorted.len() - 1) as f64 * q;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

fn distribution(name: &str, values: &[f64], range: Option<(f64, f64)>) -> Distribution {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    Distribution {
        dimension: name.to_owned(),
        mean,
        std_dev: var.sqrt(),
        min: sorted.first().copied().unwrap_or(f64::NAN),
        max: sorted.last().copied().unwrap_or(f64::NAN),
        quantiles: [0.05, 0.25, 0.5, 0.75, 0.95]
            .iter()
            .map(|&q| (q, quantile(&sorted, q)))
            .collect(),
        probability_in_range: range
            .map(|(lo, hi)| values.iter().filter(|v| (lo..=hi).contains(*v)).count() as f64 / n),
    }
}

/// Runs `model` on `params.draws` perturbed copies of `scenario` on all cores. `progress` is
/// called with (draws done, draws total) after each draw, from worker threads; when it returns
/// `ControlFlow::Break` no further draw starts and the run ends with
/// [`ForecastError::Cancelled`] (a server stops work whose client has gone or whose deadline has
/// passed).
///
/// # Errors
/// Zero draws, a negative or non-finite uncertainty, an invalid scenario or model parameter, a
/// stop asked by `progress`.
pub fn monte_carlo(
    model: &ModelSpec,
    scenario: &Scenario,
    params: &MonteCarloParams,
    progress: &(dyn Fn(usize, usize) -> ControlFlow<()> + Sync),
) -> Result<MonteCarloResult, ForecastError> {
    if params.draws == 0 {
        return Err(ForecastError::Parameter {
            name: "draws",
            message: "expected at least one draw".into(),
        });
    }
    let u = &params.uncertainty;
    for (name, v) in [
        ("uncertainty.position", u.position),
        ("uncertainty.salience", u.salience),
        ("uncertainty.capability", u.capability),
    ] {
        if !(v.is_finite() && v >= 0.0) {
            return Err(ForecastError::Parameter {
                name,
                message: format!("expected a finite number >= 0, found {v}"),
            });
        }
    }
    let baseline = model.run(scenario)?;
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let cancelled = || ForecastError::Cancelled {
        done: done.load(Ordering::Relaxed),
        total: params.draws,
    };
    let forecasts: Vec<Vec<f64>> = (0..params.draws)
        .into_par_iter()
        .map(|d| {
            if stop.load(Ordering::Relaxed) {
                return Err(cancelled());
            }
            let draw = perturb(scenario, u, params.seed, d as u64);
            let f = model.run(&draw)?.forecasts();
            if progress(done.fetch_add(1, Ordering::Relaxed) + 1, params.draws).is_break() {
                stop.store(true, Ordering::Relaxed);
                return Err(cancelled());
            }
            Ok(f)
        })
        .collect::<Result<_, ForecastError>>()?;
    let distributions = baseline
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, name)| {
            let values: Vec<f64> = forecasts.iter().map(|f| f[d]).collect();
            distribution(name, &values, params.range)
        })
        .collect();
    Ok(MonteCarloResult {
        model: model.kind(),
        params: *params,
        baseline,
        forecasts,
        distributions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&v, 0.5), 3.0);
        assert_eq!(quantile(&v, 0.25), 2.0);
        assert_eq!(quantile(&v, 0.1), 1.4);
        let d = distribution("x", &[1.0, 3.0], Some((2.0, 4.0)));
        assert_eq!(d.mean, 2.0);
        assert_eq!(d.std_dev, 1.0);
        assert_eq!(d.probability_in_range, Some(0.5));
    }
}
