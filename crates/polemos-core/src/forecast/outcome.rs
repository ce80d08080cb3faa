//! What a forecast returns: the per-round trace (positions, who moved whom and why, the median and
//! mean of each round), the final positions and the forecast per dimension. Every model fills the
//! same shape so the CLI and the server print and serialize one type.

use serde::{Deserialize, Serialize};

use super::median::{pairwise_vote_median, weighted_mean, weighted_median};
use super::scenario::Scenario;

/// The forecasting models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    /// Weighted (Black) median and the pairwise-vote median; no dynamics.
    Median,
    /// Capability×salience weighted mean; no dynamics.
    Compromise,
    /// Bueno de Mesquita expected-utility model (Scholz, Calbert & Smith 2011).
    Bdm,
    /// Spatial bargaining in the style of KTAB's Spatial Model of Politics.
    Smp,
}

impl ModelKind {
    /// The model's name as the command line and JSON spell it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Median => "median",
            Self::Compromise => "compromise",
            Self::Bdm => "bdm",
            Self::Smp => "smp",
        }
    }
}

/// Why an actor moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// BDM: both expected to gain from a challenge, the other more; the actor gives in fully.
    Confrontation,
    /// BDM: the other gains, the actor loses less than the other gains; it meets it part way.
    Compromise,
    /// BDM: the other gains and the actor would lose more by resisting; it gives in fully.
    Capitulation,
    /// SMP: the actor adopted a bargain struck with `with`.
    Bargain,
}

/// One actor's change of position in a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Move {
    /// The actor that moved.
    pub actor: String,
    /// The dimension it moved on.
    pub dimension: String,
    /// Its position before.
    pub from: f64,
    /// Its position after.
    pub to: f64,
    /// The actor whose offer or bargain was taken.
    pub with: String,
    /// Why it moved.
    pub kind: MoveKind,
    /// The numbers behind the move, in words.
    pub reason: String,
}

/// The state after a round (round 0 is the input).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// The round's number (0 is the input).
    pub round: usize,
    /// `positions[dimension][actor]`.
    pub positions: Vec<Vec<f64>>,
    /// Capability×salience weighted median of each dimension.
    pub median: Vec<f64>,
    /// Capability×salience weighted mean of each dimension.
    pub mean: Vec<f64>,
    /// The moves made in the round.
    pub moves: Vec<Move>,
    /// SMP: the probability that each actor's position would prevail (KTAB's "winning
    /// probabilities"), when the model computes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win_probability: Option<Vec<f64>>,
}

/// The forecast for one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionOutcome {
    /// The dimension.
    pub dimension: String,
    /// The model's headline forecast: the weighted median (median, BDM), the mean (compromise),
    /// the final position most likely to prevail (SMP).
    pub forecast: f64,
    /// Capability × salience weighted median of the final positions.
    pub weighted_median: f64,
    /// The position that beats every other in pairwise votes (the median voter).
    pub pairwise_median: f64,
    /// Capability × salience weighted mean of the final positions.
    pub mean: f64,
}

/// A forecast and how it came about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    /// The model used.
    pub model: ModelKind,
    /// The scenario's name (a file, or `disputes/NAME`).
    pub scenario: String,
    /// The actors, in the order of every per-actor list.
    pub actors: Vec<String>,
    /// The dimensions, in the order of every per-dimension list.
    pub dimensions: Vec<String>,
    /// The parameters used, as the model's parameter struct serializes them.
    pub parameters: serde_json::Value,
    /// Every round from the input (round 0) on.
    pub rounds: Vec<Round>,
    /// The forecast of each dimension.
    pub outcome: Vec<DimensionOutcome>,
    /// Whether the dynamics settled before the round limit (always true for static models).
    pub converged: bool,
}

impl Forecast {
    /// `positions[dimension][actor]` after the last round.
    #[must_use]
    pub fn final_positions(&self) -> &[Vec<f64>] {
        self.rounds.last().map_or(&[], |r| r.positions.as_slice())
    }

    /// The headline forecast of every dimension.
    #[must_use]
    pub fn forecasts(&self) -> Vec<f64> {
        self.outcome.iter().map(|o| o.forecast).collect()
    }
}

/// Capability×salience weights of every actor on dimension `d`.
pub(crate) fn weights(scenario: &Scenario, d: usize) -> Vec<f64> {
    scenario
        .actors
        .iter()
        .zip(&scenario.dimensions[d].saliences)
        .map(|(a, s)| a.capability * s)
        .collect()
}

/// A round's summary statistics, weighting positions by the scenario's capability×salience.
pub(crate) fn round(
    scenario: &Scenario,
    index: usize,
    positions: Vec<Vec<f64>>,
    moves: Vec<Move>,
) -> Round {
    let (median, mean) = positions
        .iter()
        .enumerate()
        .map(|(d, xs)| {
            let w = weights(scenario, d);
            (weighted_median(xs, &w), weighted_mean(xs, &w))
        })
        .unzip();
    Round {
        round: index,
        positions,
        median,
        mean,
        moves,
        win_probability: None,
    }
}

/// Outcomes per dimension from the last round, the headline picked by `headline`.
pub(crate) fn outcomes(
    scenario: &Scenario,
    last: &Round,
    headline: impl Fn(&DimensionOutcome) -> f64,
) -> Vec<DimensionOutcome> {
    scenario
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dim)| {
            let w = weights(scenario, d);
            let mut o = DimensionOutcome {
                dimension: dim.name.clone(),
                forecast: f64::NAN,
                weighted_median: last.median[d],
                pairwise_median: pairwise_vote_median(&last.positions[d], &w),
                mean: last.mean[d],
            };
            o.forecast = headline(&o);
            o
        })
        .collect()
}
