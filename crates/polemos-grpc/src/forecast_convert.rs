//! A core forecast (and Monte Carlo result) as the typed `ForecastResult` message: the same
//! numbers `polemos forecast --json` and `Engine.forecast` give, field for field.

use polemos_core::forecast::{Forecast, ModelKind, MonteCarloResult};
use polemos_proto::v1 as pb;

/// A unit enum's snake-case word, as serde writes it (`compromise`).
fn word<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn model(kind: ModelKind) -> i32 {
    (match kind {
        ModelKind::Median => pb::ForecastModel::Median,
        ModelKind::Compromise => pb::ForecastModel::Compromise,
        ModelKind::Bdm => pb::ForecastModel::Bdm,
        ModelKind::Smp => pb::ForecastModel::Smp,
    }) as i32
}

/// The forecast as a message, with the Monte Carlo distributions when there was a run.
pub fn result(f: &Forecast, monte_carlo: Option<&MonteCarloResult>) -> pb::ForecastResult {
    pb::ForecastResult {
        scenario: f.scenario.clone(),
        model: model(f.model),
        actors: f.actors.clone(),
        dimensions: f.dimensions.clone(),
        outcome: f
            .outcome
            .iter()
            .map(|o| pb::ForecastOutcome {
                dimension: o.dimension.clone(),
                forecast: o.forecast,
                weighted_median: o.weighted_median,
                pairwise_median: o.pairwise_median,
                mean: o.mean,
            })
            .collect(),
        converged: f.converged,
        rounds: f
            .rounds
            .iter()
            .map(|r| pb::ForecastRound {
                round: u32::try_from(r.round).unwrap_or(u32::MAX),
                positions: r
                    .positions
                    .iter()
                    .map(|values| pb::ForecastPositions {
                        values: values.clone(),
                    })
                    .collect(),
                median: r.median.clone(),
                mean: r.mean.clone(),
                moves: r
                    .moves
                    .iter()
                    .map(|m| pb::ForecastMove {
                        actor: m.actor.clone(),
                        dimension: m.dimension.clone(),
                        from: m.from,
                        to: m.to,
                        with: m.with.clone(),
                        kind: word(&m.kind),
                        reason: m.reason.clone(),
                    })
                    .collect(),
            })
            .collect(),
        parameters_json: f.parameters.to_string(),
        monte_carlo_draws: monte_carlo
            .map_or(0, |m| u32::try_from(m.params.draws).unwrap_or(u32::MAX)),
        distributions: monte_carlo
            .map(|m| {
                m.distributions
                    .iter()
                    .map(|d| pb::ForecastDistribution {
                        dimension: d.dimension.clone(),
                        mean: d.mean,
                        std_dev: d.std_dev,
                        min: d.min,
                        max: d.max,
                        quantiles: d
                            .quantiles
                            .iter()
                            .map(|(probability, value)| pb::ForecastQuantile {
                                probability: *probability,
                                value: *value,
                            })
                            .collect(),
                        probability_in_range: d.probability_in_range,
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}
