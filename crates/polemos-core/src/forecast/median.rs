//! The static models: Black's weighted median, the pairwise-vote median (the position no other
//! position beats in a capability×salience weighted vote) and the compromise (weighted mean,
//! the simple Nash-bargaining variant that did best in studies of EU decision-making).

use super::outcome::{self, Forecast, ModelKind};
use super::scenario::Scenario;

/// Relative tolerance for "exactly half the weight" and "tied vote".
const TIE: f64 = 1e-12;

/// Weights to use: the given ones, or equal weights when they sum to zero (nobody cares, so
/// every position counts alike rather than the statistic being undefined).
fn effective(ws: &[f64]) -> (Vec<f64>, f64) {
    let total: f64 = ws.iter().sum();
    if total > 0.0 {
        (ws.to_vec(), total)
    } else {
        (vec![1.0; ws.len()], ws.len() as f64)
    }
}

/// Black's weighted median: the position where the cumulative weight, in position order, first
/// reaches half the total. When it reaches exactly half, every point up to the next weighted
/// position is a median and we report the midpoint, so mirroring the scale mirrors the answer.
#[must_use]
pub fn weighted_median(xs: &[f64], ws: &[f64]) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    let (ws, total) = effective(ws);
    let mut order: Vec<usize> = (0..xs.len()).filter(|&i| ws[i] > 0.0).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let half = total / 2.0;
    let mut cum = 0.0;
    for (k, &i) in order.iter().enumerate() {
        cum += ws[i];
        if cum >= half * (1.0 - TIE) {
            if (cum - half).abs() <= half * TIE {
                if let Some(&next) = order[k + 1..].iter().find(|&&j| xs[j] > xs[i]) {
                    return (xs[i] + xs[next]) / 2.0;
                }
            }
            return xs[i];
        }
    }
    order.last().map_or(f64::NAN, |&i| xs[i])
}

/// Σ w·x / Σ w: the compromise (equal weights when all weights are zero).
#[must_use]
pub fn weighted_mean(xs: &[f64], ws: &[f64]) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    let (ws, total) = effective(ws);
    xs.iter().zip(&ws).map(|(x, w)| x * w).sum::<f64>() / total
}

/// The candidate position x_i (an actor's position) that beats every other x_j in the vote
/// Σ_k w_k (|x_k − x_j| − |x_k − x_i|)/R > 0.
///
/// The vote of i against j equals F(x_j) − F(x_i) with F(y) = Σ_k w_k |x_k − y| (R > 0 only
/// scales it), so x_i beats every other candidate exactly when it minimises F; we compute F per
/// distinct candidate, O(n·m), instead of all n·m² votes. When no candidate wins outright (an
/// exact tie) we report the midpoint of the tied best ones, as [`weighted_median`] does.
#[must_use]
pub fn pairwise_vote_median(xs: &[f64], ws: &[f64]) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    let (ws, total) = effective(ws);
    let mut candidates: Vec<f64> = xs.to_vec();
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    let f = |y: f64| -> f64 { xs.iter().zip(&ws).map(|(x, w)| w * (x - y).abs()).sum() };
    let scores: Vec<f64> = candidates.iter().map(|&y| f(y)).collect();
    let best = scores.iter().copied().fold(f64::INFINITY, f64::min);
    let spread = candidates.last().unwrap_or(&0.0) - candidates.first().unwrap_or(&0.0);
    let tol = TIE * total * spread.max(1.0) * 1e3;
    let tied: Vec<f64> = candidates
        .iter()
        .zip(&scores)
        .filter(|(_, s)| **s <= best + tol)
        .map(|(c, _)| *c)
        .collect();
    match (tied.first(), tied.last()) {
        (Some(lo), Some(hi)) => (lo + hi) / 2.0,
        _ => f64::NAN,
    }
}

fn static_forecast(scenario: &Scenario, model: ModelKind) -> Forecast {
    let positions: Vec<Vec<f64>> = scenario
        .dimensions
        .iter()
        .map(|d| d.positions.clone())
        .collect();
    let r0 = outcome::round(scenario, 0, positions, Vec::new());
    let outcome = outcome::outcomes(scenario, &r0, |o| match model {
        ModelKind::Compromise => o.mean,
        _ => o.weighted_median,
    });
    Forecast {
        model,
        scenario: scenario.name.clone(),
        actors: scenario.actor_names(),
        dimensions: scenario.dimensions.iter().map(|d| d.name.clone()).collect(),
        parameters: serde_json::Value::Object(serde_json::Map::new()),
        rounds: vec![r0],
        outcome,
        converged: true,
    }
}

/// The median model: forecast = weighted median of each dimension (pairwise-vote median and mean
/// reported beside it).
#[must_use]
pub fn median_forecast(scenario: &Scenario) -> Forecast {
    static_forecast(scenario, ModelKind::Median)
}

/// The compromise model: forecast = capability×salience weighted mean of each dimension.
#[must_use]
pub fn compromise_forecast(scenario: &Scenario) -> Forecast {
    static_forecast(scenario, ModelKind::Compromise)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_actors_by_hand() {
        // A at 0 with weight 3, B at 100 with weight 1: half of 4 is 2, reached at A → 0.
        // Mean = (0·3 + 100·1)/4 = 25.
        assert_eq!(weighted_median(&[0.0, 100.0], &[3.0, 1.0]), 0.0);
        assert_eq!(pairwise_vote_median(&[0.0, 100.0], &[3.0, 1.0]), 0.0);
        assert_eq!(weighted_mean(&[0.0, 100.0], &[3.0, 1.0]), 25.0);
        // Equal weights: exactly half at A, so every point in [0,100] is a median → 50.
        // Pairwise: F(0) = 100 = F(100), a tie → midpoint 50.
        assert_eq!(weighted_median(&[0.0, 100.0], &[1.0, 1.0]), 50.0);
        assert_eq!(pairwise_vote_median(&[0.0, 100.0], &[1.0, 1.0]), 50.0);
    }

    #[test]
    fn three_actors_by_hand() {
        // Positions 10, 40, 90 with weights 2, 1, 2 (total 5, half 2.5):
        // cumulative 2 at 10, 3 at 40 → median 40.
        // Pairwise: F(10)=1·30+2·80=190, F(40)=2·30+2·50=160, F(90)=2·80+1·50=210 → 40 wins.
        // Mean = (20 + 40 + 180)/5 = 48.
        let (xs, ws) = ([10.0, 40.0, 90.0], [2.0, 1.0, 2.0]);
        assert_eq!(weighted_median(&xs, &ws), 40.0);
        assert_eq!(pairwise_vote_median(&xs, &ws), 40.0);
        assert_eq!(weighted_mean(&xs, &ws), 48.0);
    }

    #[test]
    fn zero_weights_fall_back_to_equal_weights() {
        assert_eq!(weighted_mean(&[0.0, 10.0], &[0.0, 0.0]), 5.0);
        assert_eq!(weighted_median(&[0.0, 10.0, 20.0], &[0.0, 0.0, 0.0]), 10.0);
    }
}
