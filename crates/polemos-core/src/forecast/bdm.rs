//! Bueno de Mesquita's expected-utility model as specified by Scholz, Calbert & Smith (2011),
//! "Unravelling Bueno De Mesquita's group decision model", J. Theoretical Politics 23(4).
//!
//! Each round, on each dimension independently:
//! 1. risk: with every exponent 1, the danger of actor i is Σ_j EU_j(i) (what the others expect
//!    from challenging i); R_i = (2·danger_i − max − min)/(max − min), r_i = (1 − R_i/3)/(1 + R_i/3);
//! 2. votes v_k(i,j) = c_k·s_k·[(|x_k−x_j|/R)^{r_k} − (|x_k−x_i|/R)^{r_k}] and the probability of
//!    success P_ij = Σ_k max(0, v_k(i,j)) / Σ_k |v_k(i,j)|;
//! 3. EU_i(challenge j) = s_j[P·U_s + (1−P)U_f] + (1−s_j)U_s − U_sq with
//!    U_s = 2 − 4(0.5 − 0.5|x_i−x_j|/R)^{r_i}, U_f = 2 − 4(0.5 + 0.5|x_i−x_j|/R)^{r_i},
//!    U_sq = 2 − 4·0.5^{r_i} (Q = T = 1, so U_b and U_w drop out);
//! 4. offers to i from j: confrontation if EU_ji > EU_ij > 0 (i moves to x_j); compromise if
//!    EU_ji > 0 > EU_ij and EU_ji > |EU_ij| (i moves |EU_ij/EU_ji| of the way); capitulation
//!    otherwise when j gains (i moves to x_j). Each actor takes the offer that moves it least;
//!    all move at once.
//!
//! Published reimplementations differ from the paper in a few places; each is an option of
//! [`BdmParams`] whose default is the paper's choice.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::error::ForecastError;
use super::outcome::{self, Forecast, ModelKind, Move, MoveKind};
use super::scenario::Scenario;

/// Which exponent a voter uses in v_k(i,j).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VoteRisk {
    /// The voter's own risk exponent r_k (the paper; default).
    #[default]
    Own,
    /// Exponent 1 for every voter (risk-neutral votes, as some reimplementations do).
    Neutral,
}

/// How risk attitudes are inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RiskRule {
    /// From danger Σ_j EU_j(i), what others expect from challenging i (the paper; default).
    #[default]
    Danger,
    /// From ambition Σ_j EU_i(j), what i expects from challenging others (BDM's 1985 wording as
    /// several reimplementations read it).
    Ambition,
    /// Every r_i = 1.
    Neutral,
}

/// Which offer an actor accepts when it receives several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OfferChoice {
    /// The offer that moves it least (the paper; default). Ties go to the lower actor index.
    #[default]
    SmallestMove,
    /// The offer of the proposer with the largest expected utility EU_ji.
    LargestProposerGain,
}

/// How the votes for and against a challenge become its probability of success.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SuccessRule {
    /// P_ij = Σ_k max(0, v_k) / Σ_k |v_k| (the paper; default).
    #[default]
    PositiveVotes,
    /// P_ij = max(0, Σ_k v_k) / Σ_k |v_k|, as at least one published reimplementation does.
    NetVotes,
}

/// What R, the length positions are divided by, is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RangeBasis {
    /// max x − min x of the initial positions on the dimension (the paper; default).
    #[default]
    InitialPositions,
    /// The width of the scenario's scale.
    Scale,
}

/// Parameters of the expected-utility model. Defaults follow the paper.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BdmParams {
    /// Rounds of offers (default 10); the run stops earlier once nobody moves.
    pub rounds: usize,
    pub vote_risk: VoteRisk,
    pub success: SuccessRule,
    pub risk: RiskRule,
    pub offer_choice: OfferChoice,
    pub range: RangeBasis,
}

impl Default for BdmParams {
    fn default() -> Self {
        Self {
            rounds: 10,
            vote_risk: VoteRisk::Own,
            success: SuccessRule::PositiveVotes,
            risk: RiskRule::Danger,
            offer_choice: OfferChoice::SmallestMove,
            range: RangeBasis::InitialPositions,
        }
    }
}

/// One accepted offer: `actor` moved to `to` because of `from_actor`.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub actor: usize,
    pub from_actor: usize,
    pub kind: MoveKind,
    pub to: f64,
    /// EU_ij: what the moving actor expected from challenging the proposer.
    pub eu_own: f64,
    /// EU_ji: what the proposer expected from challenging it.
    pub eu_other: f64,
}

/// The inputs of one dimension that do not change between rounds.
pub struct Dim<'a> {
    /// Capability × salience per actor.
    pub weight: &'a [f64],
    pub salience: &'a [f64],
    /// R (> 0).
    pub range: f64,
}

/// P_ij for all pairs, row-major (`p[i*n + j]`), the direct Σ_k definition: O(n³). Kept as the
/// reference the fast version is tested against.
#[must_use]
pub fn success_naive(x: &[f64], w: &[f64], r: &[f64], range: f64, rule: SuccessRule) -> Vec<f64> {
    let n = x.len();
    let mut p = vec![0.5; n * n];
    for i in 0..n {
        for j in 0..n {
            let (mut pos, mut abs) = (0.0, 0.0);
            for k in 0..n {
                let v = w[k]
                    * (((x[k] - x[j]).abs() / range).powf(r[k])
                        - ((x[k] - x[i]).abs() / range).powf(r[k]));
                pos += v.max(0.0);
                abs += v.abs();
            }
            if abs > 0.0 {
                p[i * n + j] = match rule {
                    SuccessRule::PositiveVotes => pos / abs,
                    SuccessRule::NetVotes => (2.0 * pos - abs).max(0.0) / abs,
                };
            }
        }
    }
    p
}

/// Below this many actors the per-round work is too small to pay for handing it to threads.
const PARALLEL_FROM: usize = 128;

/// P_ij for all pairs in O(n·m + m²) for m distinct positions.
///
/// P depends on the two positions only, so it is computed once per pair of distinct positions.
/// The sign of v_k(i,j) depends only on which side of the midpoint (x_i + x_j)/2 voter k stands
/// (every exponent is positive), so with voters sorted by position and, per candidate position
/// c, prefix sums PS_c(t) = Σ_{first t voters} w_k (|x_k − x_c|/R)^{r_k}, the support for each
/// side is a difference of prefix sums. For a fixed candidate the midpoint moves right as the
/// other candidate does, so the split points are found by two pointers, not searches.
#[must_use]
pub fn success_probabilities(
    x: &[f64],
    w: &[f64],
    r: &[f64],
    range: f64,
    rule: SuccessRule,
) -> Vec<f64> {
    let n = x.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let sorted: Vec<f64> = order.iter().map(|&k| x[k]).collect();
    let mut cand = sorted.clone();
    cand.dedup();
    let m = cand.len();
    // Column-major prefix table over distinct candidates: ps[c*(n+1) + t] = Σ over the first t
    // voters (by position) of w_k (|x_k − c|/R)^{r_k}.
    let mut ps = vec![0.0; m * (n + 1)];
    let fill = |(c, col): (usize, &mut [f64])| {
        let mut acc = 0.0;
        for (t, &k) in order.iter().enumerate() {
            let d = (x[k] - cand[c]).abs() / range;
            acc += w[k] * if r[k] == 1.0 { d } else { d.powf(r[k]) };
            col[t + 1] = acc;
        }
    };
    if n >= PARALLEL_FROM {
        ps.par_chunks_mut(n + 1).enumerate().for_each(fill);
    } else {
        ps.chunks_mut(n + 1).enumerate().for_each(fill);
    }
    // For candidate c and every other candidate e: c's prefix sums at the two split points of
    // the midpoint (c+e)/2 (voters strictly left of it, and left of or on it). The midpoint
    // rises with e, so each column is read front to back with two pointers.
    let splits = |(c, (lo_out, hi_out)): (usize, (&mut [f64], &mut [f64]))| {
        let col = &ps[c * (n + 1)..(c + 1) * (n + 1)];
        let (mut lo, mut hi) = (0, 0);
        for e in 0..m {
            let mid = (cand[c] + cand[e]) / 2.0;
            while lo < n && sorted[lo] < mid {
                lo += 1;
            }
            while hi < n && sorted[hi] <= mid {
                hi += 1;
            }
            lo_out[e] = col[lo];
            hi_out[e] = col[hi];
        }
    };
    let (mut lo_tab, mut hi_tab) = (vec![0.0; m * m], vec![0.0; m * m]);
    if n >= PARALLEL_FROM {
        lo_tab
            .par_chunks_mut(m)
            .zip(hi_tab.par_chunks_mut(m))
            .enumerate()
            .for_each(splits);
    } else {
        lo_tab
            .chunks_mut(m)
            .zip(hi_tab.chunks_mut(m))
            .enumerate()
            .for_each(splits);
    }
    let total: Vec<f64> = (0..m).map(|c| ps[c * (n + 1) + n]).collect();
    let lo_t = transpose(&lo_tab, m);
    let hi_t = transpose(&hi_tab, m);
    let prob = |pos: f64, neg: f64| {
        let (pos, neg) = (pos.max(0.0), neg.max(0.0));
        if pos + neg > 0.0 {
            match rule {
                SuccessRule::PositiveVotes => pos / (pos + neg),
                SuccessRule::NetVotes => (pos - neg).max(0.0) / (pos + neg),
            }
        } else {
            0.5
        }
    };
    // pd[a*m + b] = P(candidate a beats candidate b). With the split points shared by the pair
    // (the midpoint is symmetric), column a's sums are lo_tab[a][b] and column b's lo_t[a][b].
    let mut pd = vec![0.5; m * m];
    let row = |(a, out): (usize, &mut [f64])| {
        for b in 0..m {
            if a == b {
                continue;
            }
            let (lo_a, lo_b) = (lo_tab[a * m + b], lo_t[a * m + b]);
            let (hi_a, hi_b) = (hi_tab[a * m + b], hi_t[a * m + b]);
            // Σ over voters left of the midpoint of w(a_k,b − a_k,a), and the same to the right.
            let left = lo_b - lo_a;
            let right = (total[b] - hi_b) - (total[a] - hi_a);
            out[b] = if cand[a] < cand[b] {
                prob(left, -right)
            } else {
                prob(right, -left)
            };
        }
    };
    if n >= PARALLEL_FROM {
        pd.par_chunks_mut(m).enumerate().for_each(row);
    } else {
        pd.chunks_mut(m).enumerate().for_each(row);
    }
    let index: Vec<usize> = x.iter().map(|v| cand.partition_point(|c| c < v)).collect();
    let mut p = vec![0.5; n * n];
    for i in 0..n {
        let base = index[i] * m;
        for j in 0..n {
            p[i * n + j] = pd[base + index[j]];
        }
    }
    p
}

/// The transpose of a square row-major matrix, in cache-sized blocks.
fn transpose(a: &[f64], m: usize) -> Vec<f64> {
    const B: usize = 32;
    let mut t = vec![0.0; m * m];
    for i0 in (0..m).step_by(B) {
        for j0 in (0..m).step_by(B) {
            for i in i0..(i0 + B).min(m) {
                for j in j0..(j0 + B).min(m) {
                    t[j * m + i] = a[i * m + j];
                }
            }
        }
    }
    t
}

/// EU_i(challenge j) given P_ij, i's exponent and i's U_sq.
fn expected_utility(xi: f64, xj: f64, sj: f64, p: f64, r: f64, usq: f64, range: f64) -> f64 {
    let d = ((xi - xj).abs() / range).clamp(0.0, 1.0);
    let pw = |b: f64| if r == 1.0 { b } else { b.powf(r) };
    let us = 2.0 - 4.0 * pw(0.5 - 0.5 * d);
    let uf = 2.0 - 4.0 * pw(0.5 + 0.5 * d);
    sj * (p * us + (1.0 - p) * uf) + (1.0 - sj) * us - usq
}

/// EU_ij for all pairs, row-major.
fn all_expected_utilities(x: &[f64], dim: &Dim<'_>, p: &[f64], r: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut eu = vec![0.0; n * n];
    let row = |(i, row): (usize, &mut [f64])| {
        let usq = 2.0 - 4.0 * 0.5f64.powf(r[i]);
        for (j, e) in row.iter_mut().enumerate() {
            if i != j {
                *e = expected_utility(
                    x[i],
                    x[j],
                    dim.salience[j],
                    p[i * n + j],
                    r[i],
                    usq,
                    dim.range,
                );
            }
        }
    };
    if n >= PARALLEL_FROM {
        eu.par_chunks_mut(n).enumerate().for_each(row);
    } else {
        eu.chunks_mut(n).enumerate().for_each(row);
    }
    eu
}

/// Risk exponents r_i from the chosen rule (computed with every exponent 1).
#[must_use]
pub fn risk_exponents(x: &[f64], dim: &Dim<'_>, rule: RiskRule, success: SuccessRule) -> Vec<f64> {
    let n = x.len();
    if rule == RiskRule::Neutral || n < 2 {
        return vec![1.0; n];
    }
    let ones = vec![1.0; n];
    let p = success_probabilities(x, dim.weight, &ones, dim.range, success);
    let eu = all_expected_utilities(x, dim, &p, &ones);
    // Row sums (ambition) or column sums (danger), reading the matrix in row order either way;
    // the diagonal is 0.
    let mut level = vec![0.0; n];
    for (i, row) in eu.chunks(n).enumerate() {
        match rule {
            RiskRule::Ambition => level[i] = row.iter().sum(),
            _ => level.iter_mut().zip(row).for_each(|(l, e)| *l += e),
        }
    }
    let max = level.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = level.iter().copied().fold(f64::INFINITY, f64::min);
    level
        .iter()
        .map(|&l| {
            // Everyone equally placed: nobody is more or less secure, so neutral.
            let big_r = if max > min {
                (2.0 * l - max - min) / (max - min)
            } else {
                0.0
            };
            (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)
        })
        .collect()
}

/// One round on one dimension: the offers each actor accepts (at most one each).
#[must_use]
pub fn step(x: &[f64], dim: &Dim<'_>, params: &BdmParams) -> Vec<Offer> {
    // Work on the actors sorted by position so the pairwise tables are read in memory order,
    // then report offers with the caller's indices.
    let n = x.len();
    let mut perm: Vec<usize> = (0..n).collect();
    perm.sort_by(|&a, &b| x[a].total_cmp(&x[b]).then(a.cmp(&b)));
    let xs: Vec<f64> = perm.iter().map(|&i| x[i]).collect();
    let ws: Vec<f64> = perm.iter().map(|&i| dim.weight[i]).collect();
    let ss: Vec<f64> = perm.iter().map(|&i| dim.salience[i]).collect();
    let sorted = Dim {
        weight: &ws,
        salience: &ss,
        range: dim.range,
    };
    let mut offers = step_sorted(&xs, &sorted, params, &perm);
    for o in &mut offers {
        o.actor = perm[o.actor];
        o.from_actor = perm[o.from_actor];
    }
    offers.sort_by_key(|o| o.actor);
    offers
}

/// `step` on actors sorted by position; `id` gives each one's original index, used only to
/// break ties between equally good offers in favour of the lower original index.
fn step_sorted(x: &[f64], dim: &Dim<'_>, params: &BdmParams, id: &[usize]) -> Vec<Offer> {
    let n = x.len();
    let r = risk_exponents(x, dim, params.risk, params.success);
    let vote_r = match params.vote_risk {
        VoteRisk::Own => r.clone(),
        VoteRisk::Neutral => vec![1.0; n],
    };
    let p = success_probabilities(x, dim.weight, &vote_r, dim.range, params.success);
    let eu = all_expected_utilities(x, dim, &p, &r);
    let offer_for = |i: usize| {
        let mut best: Option<(Offer, f64)> = None;
        for j in 0..n {
            if j == i || x[j] == x[i] {
                continue;
            }
            let (a, b) = (eu[i * n + j], eu[j * n + i]);
            if b <= 0.0 {
                continue;
            }
            let (kind, to) = if a > 0.0 {
                if b > a {
                    (MoveKind::Confrontation, x[j])
                } else {
                    continue;
                }
            } else if a < 0.0 && b > a.abs() {
                (MoveKind::Compromise, x[i] + (x[j] - x[i]) * (a / b).abs())
            } else {
                (MoveKind::Capitulation, x[j])
            };
            let score = match params.offer_choice {
                OfferChoice::SmallestMove => (to - x[i]).abs(),
                OfferChoice::LargestProposerGain => -b,
            };
            let better = best
                .as_ref()
                .is_none_or(|(o, s)| score < *s || (score == *s && id[j] < id[o.from_actor]));
            if better {
                let offer = Offer {
                    actor: i,
                    from_actor: j,
                    kind,
                    to,
                    eu_own: a,
                    eu_other: b,
                };
                best = Some((offer, score));
            }
        }
        best.map(|(o, _)| o)
    };
    if n >= PARALLEL_FROM {
        (0..n).into_par_iter().filter_map(offer_for).collect()
    } else {
        (0..n).filter_map(offer_for).collect()
    }
}

fn reason(o: &Offer) -> String {
    let (a, b) = (o.eu_own, o.eu_other);
    match o.kind {
        MoveKind::Confrontation => format!(
            "both expect to gain from a challenge (EU own {a:.4}, theirs {b:.4}); theirs is larger, so it gives in"
        ),
        MoveKind::Compromise => format!(
            "they expect {b:.4} from a challenge, it expects {a:.4}; it loses less than they gain, so it moves |{a:.4}/{b:.4}| = {:.3} of the way",
            (a / b).abs()
        ),
        MoveKind::Capitulation => format!(
            "they expect {b:.4} from a challenge, it expects {a:.4}; resisting would cost it at least as much, so it gives in fully"
        ),
        MoveKind::Bargain => String::new(),
    }
}

/// Runs the model on every dimension.
///
/// # Errors
/// An invalid scenario.
pub fn bdm_forecast(scenario: &Scenario, params: &BdmParams) -> Result<Forecast, ForecastError> {
    scenario.validate()?;
    let names = scenario.actor_names();
    let dims: Vec<(Vec<f64>, f64)> = scenario
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dim)| {
            let range = match params.range {
                RangeBasis::InitialPositions => {
                    let max = dim
                        .positions
                        .iter()
                        .copied()
                        .fold(f64::NEG_INFINITY, f64::max);
                    let min = dim.positions.iter().copied().fold(f64::INFINITY, f64::min);
                    max - min
                }
                RangeBasis::Scale => scenario.scale.width(),
            };
            (outcome::weights(scenario, d), range)
        })
        .collect();
    let mut positions: Vec<Vec<f64>> = scenario
        .dimensions
        .iter()
        .map(|d| d.positions.clone())
        .collect();
    let mut rounds = vec![outcome::round(scenario, 0, positions.clone(), Vec::new())];
    let mut converged = false;
    for t in 1..=params.rounds {
        let mut moves = Vec::new();
        let mut next = positions.clone();
        for (d, dim) in scenario.dimensions.iter().enumerate() {
            let (weight, range) = (&dims[d].0, dims[d].1);
            // All positions equal (R = 0) or nothing to contest: nobody moves.
            if range <= 0.0 {
                continue;
            }
            let input = Dim {
                weight,
                salience: &dim.saliences,
                range,
            };
            for o in step(&positions[d], &input, params) {
                let to = scenario.scale.clamp(o.to);
                next[d][o.actor] = to;
                moves.push(Move {
                    actor: names[o.actor].clone(),
                    dimension: dim.name.clone(),
                    from: positions[d][o.actor],
                    to,
                    with: names[o.from_actor].clone(),
                    kind: o.kind,
                    reason: reason(&o),
                });
            }
        }
        if moves.is_empty() {
            converged = true;
            break;
        }
        positions = next;
        rounds.push(outcome::round(scenario, t, positions.clone(), moves));
    }
    let last = rounds.last().cloned().unwrap_or_else(|| rounds[0].clone());
    Ok(Forecast {
        model: ModelKind::Bdm,
        scenario: scenario.name.clone(),
        actors: names,
        dimensions: scenario.dimensions.iter().map(|d| d.name.clone()).collect(),
        parameters: serde_json::to_value(params).unwrap_or_default(),
        outcome: outcome::outcomes(scenario, &last, |o| o.weighted_median),
        rounds,
        converged,
    })
}
