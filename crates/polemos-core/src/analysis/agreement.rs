//! How far apart actors stand on a dispute's issues, and how polarized the dispute is.
//!
//! Distance between actors `a` and `b`, over the issues on which both have a consolidated stance:
//! `d(a, b) = Σ_i w_i |p_ai − p_bi| / 100 / Σ_i w_i` with `w_i = (s_ai + s_bi) / 2`, the mean of
//! their saliences (equal weights when every shared issue has zero salience). Agreement is
//! `1 − d`. Both are in 0..=1, symmetric, and an actor agrees fully with itself. Pairs with no
//! shared issue have no value (`None`): absence of evidence is not disagreement.
//!
//! Polarization: per issue, the normalized mean difference of positions among the actors holding
//! a stance on it, `P_i = 2 Σ_a Σ_b |p_a − p_b| / (100 n²)`, which is 0 when everyone agrees and
//! 1 when the actors are split in two equal camps at the two ends of the scale. The dispute's
//! index is the mean of `P_i` weighted by the issue's mean salience, over issues with at least two
//! actors.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::consolidate::ConsolidatedStance;
use crate::names::{ActorName, IssueName};

/// The pairwise distance and agreement between actors, in the order of `actors`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementMatrix {
    /// The actors compared, in row and column order.
    pub actors: Vec<ActorName>,
    /// The issues at least one of the actors has a stance on.
    pub issues: Vec<IssueName>,
    /// `agreement[i][j]` for `actors[i]` and `actors[j]`; `None` when they share no issue.
    pub agreement: Vec<Vec<Option<f64>>>,
    /// Number of issues both actors have a stance on.
    pub shared_issues: Vec<Vec<usize>>,
}

impl AgreementMatrix {
    /// `1 − agreement`, the distance used for clustering.
    #[must_use]
    pub fn distance(&self, i: usize, j: usize) -> Option<f64> {
        self.agreement
            .get(i)
            .and_then(|row| row.get(j).copied().flatten())
            .map(|a| 1.0 - a)
    }
}

/// Dense positions and saliences, actors × issues, for fast pairwise work.
struct Grid {
    actors: Vec<ActorName>,
    issues: Vec<IssueName>,
    /// `cells[a * issues + i]` = (position / 100, salience) when the actor has a stance.
    cells: Vec<Option<(f64, f64)>>,
}

/// The actors in `stances` in a stable order: those in `first` (in that order) then the rest by
/// name.
fn grid(stances: &[ConsolidatedStance], first: &[ActorName]) -> Grid {
    let mut actors: Vec<ActorName> = first.to_vec();
    let mut rest: Vec<ActorName> = stances
        .iter()
        .map(|s| s.actor.clone())
        .filter(|a| !first.contains(a))
        .collect();
    rest.sort();
    rest.dedup();
    actors.retain(|a| stances.iter().any(|s| &s.actor == a));
    actors.extend(rest);
    let mut issues: Vec<IssueName> = stances.iter().map(|s| s.issue.clone()).collect();
    issues.sort();
    issues.dedup();
    let a_index: HashMap<&ActorName, usize> =
        actors.iter().enumerate().map(|(i, a)| (a, i)).collect();
    let i_index: HashMap<&IssueName, usize> =
        issues.iter().enumerate().map(|(i, a)| (a, i)).collect();
    let mut cells = vec![None; actors.len() * issues.len()];
    for s in stances {
        if let (Some(&a), Some(&i)) = (a_index.get(&s.actor), i_index.get(&s.issue)) {
            cells[a * issues.len() + i] = Some((s.position.get() / 100.0, s.salience.get()));
        }
    }
    Grid {
        actors,
        issues,
        cells,
    }
}

/// The agreement matrix over the given consolidated stances (one per actor and issue). Actors in
/// `first` (e.g. the dispute's parties) come first, the others follow by name. Rows are computed
/// in parallel.
#[must_use]
pub fn agreement_matrix(stances: &[ConsolidatedStance], first: &[ActorName]) -> AgreementMatrix {
    let g = grid(stances, first);
    let n = g.actors.len();
    let m = g.issues.len();
    let rows: Vec<(Vec<Option<f64>>, Vec<usize>)> = (0..n)
        .into_par_iter()
        .map(|a| {
            let ra = &g.cells[a * m..(a + 1) * m];
            (0..n)
                .map(|b| {
                    if a == b {
                        return (Some(1.0), ra.iter().flatten().count());
                    }
                    let rb = &g.cells[b * m..(b + 1) * m];
                    pair_agreement(ra, rb)
                })
                .unzip()
        })
        .collect();
    let (agreement, shared_issues) = rows.into_iter().unzip();
    AgreementMatrix {
        actors: g.actors,
        issues: g.issues,
        agreement,
        shared_issues,
    }
}

/// Agreement of two actors' rows, and how many issues they share.
fn pair_agreement(ra: &[Option<(f64, f64)>], rb: &[Option<(f64, f64)>]) -> (Option<f64>, usize) {
    let (mut num, mut den, mut plain, mut shared) = (0.0, 0.0, 0.0, 0usize);
    for (x, y) in ra.iter().zip(rb) {
        if let (Some((pa, sa)), Some((pb, sb))) = (x, y) {
            let diff = (pa - pb).abs();
            let w = (sa + sb) / 2.0;
            num += w * diff;
            den += w;
            plain += diff;
            shared += 1;
        }
    }
    let distance = if shared == 0 {
        return (None, 0);
    } else if den > 0.0 {
        num / den
    } else {
        plain / shared as f64
    };
    (Some((1.0 - distance).clamp(0.0, 1.0)), shared)
}

/// Polarization of one issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssuePolarization {
    /// The issue.
    pub issue: IssueName,
    /// How many actors have a consolidated stance on it.
    pub actors: usize,
    /// Their mean salience.
    pub mean_salience: f64,
    /// How far apart their positions are: the mean absolute difference over all pairs, from 0
    /// (all agree) to 1 (two equal camps at the ends of the scale).
    pub index: f64,
}

/// The dispute's polarization index and its per-issue parts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Polarization {
    /// `None` when no issue has two actors with stances.
    pub index: Option<f64>,
    /// Each issue's part, one per issue with at least two actors.
    pub issues: Vec<IssuePolarization>,
}

/// The polarization index over the given consolidated stances (see the module docs).
#[must_use]
pub fn polarization(stances: &[ConsolidatedStance]) -> Polarization {
    let mut by_issue: HashMap<&IssueName, Vec<&ConsolidatedStance>> = HashMap::new();
    for s in stances {
        by_issue.entry(&s.issue).or_default().push(s);
    }
    let mut issues: Vec<IssuePolarization> = by_issue
        .into_iter()
        .filter(|(_, v)| v.len() >= 2)
        .map(|(issue, v)| {
            let n = v.len() as f64;
            let sum: f64 = v
                .iter()
                .flat_map(|a| {
                    v.iter()
                        .map(move |b| (a.position.get() - b.position.get()).abs())
                })
                .sum();
            IssuePolarization {
                issue: issue.clone(),
                actors: v.len(),
                mean_salience: v.iter().map(|s| s.salience.get()).sum::<f64>() / n,
                index: 2.0 * sum / (100.0 * n * n),
            }
        })
        .collect();
    issues.sort_by(|a, b| a.issue.cmp(&b.issue));
    let den: f64 = issues.iter().map(|i| i.mean_salience).sum();
    let index = if issues.is_empty() {
        None
    } else if den > 0.0 {
        Some(
            issues
                .iter()
                .map(|i| i.mean_salience * i.index)
                .sum::<f64>()
                / den,
        )
    } else {
        Some(issues.iter().map(|i| i.index).sum::<f64>() / issues.len() as f64)
    };
    Polarization { index, issues }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::testutil::{actor, close, date, issue};
    use crate::model::StanceLabel;
    use crate::values::{Confidence, Position, Salience};

    pub(crate) fn c(who: &str, on: &str, position: f64, salience: f64) -> ConsolidatedStance {
        ConsolidatedStance {
            actor: actor(who),
            issue: issue(on),
            position: Position::new(position).expect("position"),
            salience: Salience::new(salience).expect("salience"),
            label: StanceLabel::Neutral,
            conditions: Vec::new(),
            confidence: Confidence::new(1.0).expect("confidence"),
            sources: 1,
            last_evidence: date("2020-01-01"),
            records: Vec::new(),
            evidence: Vec::new(),
            conflict: None,
        }
    }

    /// A: X 0 (s 1), Y 100 (s .5); B: X 100 (s 1), Y 100 (s .5); C: X 20 (s 0).
    /// d(A,B) = (1·1 + .5·0) / 1.5 = 2/3 → agreement 1/3.
    /// d(A,C) = X only, w = (1+0)/2 = .5, diff .2 → .2 → agreement .8.
    /// d(B,C) = X only, diff .8 → agreement .2.
    pub(crate) fn three() -> Vec<ConsolidatedStance> {
        vec![
            c("A", "x", 0.0, 1.0),
            c("A", "y", 100.0, 0.5),
            c("B", "x", 100.0, 1.0),
            c("B", "y", 100.0, 0.5),
            c("C", "x", 20.0, 0.0),
        ]
    }

    #[test]
    fn matrix_by_hand() {
        let m = agreement_matrix(&three(), &[actor("B")]);
        let ids: Vec<&str> = m.actors.iter().map(ActorName::id).collect();
        assert_eq!(ids, ["B", "A", "C"]);
        let (b, a, cc) = (0, 1, 2);
        assert!(close(m.agreement[a][b].expect("shared"), 1.0 / 3.0));
        assert!(close(m.agreement[a][cc].expect("shared"), 0.8));
        assert!(close(m.agreement[b][cc].expect("shared"), 0.2));
        assert_eq!(m.agreement[a][a], Some(1.0));
        assert_eq!(m.shared_issues[a][b], 2);
        assert_eq!(m.shared_issues[a][cc], 1);
    }

    #[test]
    fn no_shared_issue_is_no_value() {
        let m = agreement_matrix(&[c("A", "x", 0.0, 1.0), c("B", "y", 0.0, 1.0)], &[]);
        assert_eq!(m.agreement[0][1], None);
        assert_eq!(m.distance(0, 1), None);
    }

    /// X: positions 0, 100, 20: Σ over ordered pairs = 2·(100 + 20 + 80) = 400, n = 3,
    /// P = 2·400 / (100·9) = 8/9, mean salience 2/3. Y: 100, 100 → 0, mean salience .5.
    /// Index = (2/3 · 8/9) / (2/3 + 1/2) = 32/63.
    #[test]
    fn polarization_by_hand() {
        let p = polarization(&three());
        assert_eq!(p.issues.len(), 2);
        assert!(close(p.issues[0].index, 8.0 / 9.0));
        assert!(close(p.issues[1].index, 0.0));
        assert!(close(p.index.expect("two issues"), 32.0 / 63.0));
        // Two equal camps at the ends: index 1.
        let split = polarization(&[c("A", "x", 0.0, 1.0), c("B", "x", 100.0, 1.0)]);
        assert!(close(split.index.expect("one issue"), 1.0));
        assert_eq!(polarization(&[c("A", "x", 0.0, 1.0)]).index, None);
    }
}
