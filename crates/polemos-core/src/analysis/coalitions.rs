//! Coalitions: groups of actors that stand close together.
//!
//! Method: agglomerative hierarchical clustering with average linkage (UPGMA) on the distance
//! `1 − agreement` of [`super::agreement`]. Pairs with no shared issue count as distance 1, so
//! actors are never grouped without evidence that they agree. Starting from singletons, the two
//! closest clusters merge while their average distance is at most `max_distance` (default 0.25,
//! i.e. agreement of at least 0.75); ties merge the pair with the lowest indices first, so the
//! result is deterministic. Each coalition reports its cohesion: the mean agreement between its
//! members (1 for a singleton).

use serde::Serialize;

use super::agreement::AgreementMatrix;
use super::error::AnalysisError;
use crate::names::ActorName;

/// Default merge threshold on average distance.
pub const DEFAULT_MAX_DISTANCE: f64 = 0.25;

/// A group of actors whose positions are close (average linkage on 1 − agreement).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coalition {
    /// The actors in the coalition.
    pub members: Vec<ActorName>,
    /// Mean pairwise agreement among members (1 for a single actor).
    pub cohesion: f64,
}

/// Checks a coalition distance: agreement is in 0..=1, so is the distance (1 − agreement) that
/// clusters merge under; a larger one would merge everything, silently.
///
/// # Errors
/// [`AnalysisError::InvalidOption`] when `max_distance` is not a finite number in 0..=1.
pub fn check_max_distance(max_distance: f64) -> Result<(), AnalysisError> {
    if (0.0..=1.0).contains(&max_distance) {
        Ok(())
    } else {
        Err(AnalysisError::InvalidOption {
            option: "max_distance",
            value: max_distance,
            expected: "a distance in 0..=1",
        })
    }
}

/// The coalitions in an agreement matrix, largest first, then by first member.
///
/// # Errors
/// [`AnalysisError::InvalidOption`] when `max_distance` is not in 0..=1 ([`check_max_distance`]).
pub fn coalitions(
    matrix: &AgreementMatrix,
    max_distance: f64,
) -> Result<Vec<Coalition>, AnalysisError> {
    check_max_distance(max_distance)?;
    let n = matrix.actors.len();
    let dist = |i: usize, j: usize| matrix.distance(i, j).unwrap_or(1.0);
    // Sum of pairwise distances between clusters, so the average is sum / (|A| |B|).
    let mut sum: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| dist(i, j)).collect())
        .collect();
    let mut members: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in 0..n {
            let Some(mi) = &members[i] else { continue };
            for j in i + 1..n {
                let Some(mj) = &members[j] else { continue };
                let avg = sum[i][j] / (mi.len() * mj.len()) as f64;
                if best.is_none_or(|(b, _, _)| avg < b - 1e-12) {
                    best = Some((avg, i, j));
                }
            }
        }
        let Some((avg, i, j)) = best else { break };
        if avg > max_distance + 1e-12 {
            break;
        }
        let mj = members[j].take().unwrap_or_default();
        let merged: Vec<f64> = sum[i].iter().zip(&sum[j]).map(|(a, b)| a + b).collect();
        for (row, &m) in sum.iter_mut().zip(&merged) {
            row[i] = m;
        }
        sum[i] = merged;
        if let Some(mi) = members[i].as_mut() {
            mi.extend(mj);
            mi.sort_unstable();
        }
    }
    let mut out: Vec<Coalition> = members
        .into_iter()
        .flatten()
        .map(|m| {
            let mut pairs = 0usize;
            let mut total = 0.0;
            for (x, &a) in m.iter().enumerate() {
                for &b in &m[x + 1..] {
                    total += 1.0 - dist(a, b);
                    pairs += 1;
                }
            }
            Coalition {
                members: m.iter().map(|&k| matrix.actors[k].clone()).collect(),
                cohesion: if pairs == 0 {
                    1.0
                } else {
                    total / pairs as f64
                },
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then_with(|| a.members.cmp(&b.members))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::agreement::agreement_matrix;
    use crate::analysis::agreement::tests::three;
    use crate::analysis::testutil::close;

    /// Distances from the agreement test: A–C 0.2, A–B 2/3, B–C 0.8. A and C merge (0.2 ≤ 0.25);
    /// then the average distance from {A, C} to B is (2/3 + 0.8) / 2 = 0.733 > 0.25: stop.
    #[test]
    fn average_linkage_by_hand() {
        let m = agreement_matrix(&three(), &[]);
        let out = coalitions(&m, DEFAULT_MAX_DISTANCE).expect("ok");
        assert_eq!(out.len(), 2);
        let ids: Vec<&str> = out[0].members.iter().map(ActorName::id).collect();
        assert_eq!(ids, ["A", "C"]);
        assert!(close(out[0].cohesion, 0.8));
        assert_eq!(out[1].members.len(), 1);
        // At 0.75 everything joins: {A,C}–B is 0.733.
        let all = coalitions(&m, 0.75).expect("ok");
        assert_eq!(all.len(), 1);
        assert!(close(all[0].cohesion, (0.8 + 1.0 / 3.0 + 0.2) / 3.0));
        assert!(coalitions(&m, f64::NAN).is_err());
    }

    #[test]
    fn a_distance_is_in_zero_to_one() {
        // The range the error names is the range accepted: 2 used to pass the check.
        for bad in [-0.1, 1.5, 2.0, f64::INFINITY] {
            let e = check_max_distance(bad).expect_err("out of range");
            assert!(e.to_string().contains("0..=1"), "{e}");
        }
        for good in [0.0, 0.25, 1.0] {
            check_max_distance(good).expect("in range");
        }
    }
}
