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
// An unknown parameter is refused, not ignored: a misspelt or removed one (Python's old
// `monte_carlo(uncertainty=...)`) would otherwise run the defaults without a word.
#[serde(default, deny_unknown_fields)]
pub struct BdmParams {
    /// Rounds of offers (default 10); the run stops earlier once nobody moves.
    pub rounds: usize,
    /// Whose risk attitude an actor uses when it votes.
    pub vote_risk: VoteRisk,
    /// When a challenge succeeds.
    pub success: SuccessRule,
    /// How each actor's risk attitude is computed.
    pub risk: RiskRule,
    /// Which offer an actor accepts when it has several.
    pub offer_choice: OfferChoice,
    /// What the range R of a dimension is measured on.
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
    /// The index of the actor that moved.
    pub actor: usize,
    /// The index of the actor whose offer it accepted.
    pub from_actor: usize,
    /// Why it moved.
    pub kind: MoveKind,
    /// The position it moved to.
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
    /// Salience per actor.
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

/// Side of the square tiles the pairwise tables are combined in: a tile of a table and the
/// mirrored tile of its transpose both stay in cache.
const TILE: usize = 64;

/// Tables one round on one dimension needs, kept between rounds: at 1,000 actors a round works
/// on several n² tables, and allocating, zeroing and faulting them in afresh every round cost a
/// third of the run time. Every entry is overwritten before it is read, so resizing never zeroes.
#[derive(Debug, Default)]
pub struct Workspace {
    /// Voters (actors) in position order, their positions, and the distinct positions.
    order: Vec<usize>,
    sorted: Vec<f64>,
    cand: Vec<f64>,
    /// Column-major prefix sums over voters in position order, one column per candidate.
    ps: Vec<f64>,
    /// The same, row-major: psr[t*m + c].
    psr: Vec<f64>,
    /// P(candidate a beats candidate b), m × m, and each actor's candidate index.
    pd: Vec<f64>,
    index: Vec<usize>,
    /// EU_i(challenge j), n × n.
    eu: Vec<f64>,
}

/// Sets `v` to length `len` without clearing what it held: callers overwrite every entry.
fn reuse<T: Copy + Default>(v: &mut Vec<T>, len: usize) {
    v.resize(len, T::default());
}

/// Runs `f` over the `chunk`-sized pieces of `v` with their indices, in parallel for `n` large.
fn for_chunks<T: Send>(v: &mut [T], chunk: usize, n: usize, f: impl Fn(usize, &mut [T]) + Sync) {
    if n >= PARALLEL_FROM {
        v.par_chunks_mut(chunk)
            .enumerate()
            .for_each(|(i, c)| f(i, c));
    } else {
        v.chunks_mut(chunk).enumerate().for_each(|(i, c)| f(i, c));
    }
}

/// P_ij for all pairs in O(n·m + m²) for m distinct positions.
///
/// P depends on the two positions only, so it is computed once per pair of distinct positions.
/// The sign of v_k(i,j) depends only on which side of the midpoint (x_i + x_j)/2 voter k stands
/// (every exponent is positive), so with voters sorted by position and, per candidate position
/// c, prefix sums PS_c(t) = Σ_{first t voters} w_k (|x_k − c|/R)^{r_k}, the support for each
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
    let mut ws = Workspace::default();
    success_table(x, w, r, range, rule, &mut ws);
    let m = ws.cand.len();
    let mut p = vec![0.5; n * n];
    for i in 0..n {
        let base = ws.index[i] * m;
        for j in 0..n {
            p[i * n + j] = ws.pd[base + ws.index[j]];
        }
    }
    p
}

/// Fills `ws.pd` (P between distinct positions, m × m) and `ws.index` (each actor's position
/// among them).
fn success_table(
    x: &[f64],
    w: &[f64],
    r: &[f64],
    range: f64,
    rule: SuccessRule,
    ws: &mut Workspace,
) {
    let n = x.len();
    if n == 0 {
        // Nothing to compare; the chunked passes below need at least one candidate.
        ws.cand.clear();
        ws.pd.clear();
        ws.index.clear();
        return;
    }
    ws.order.clear();
    ws.order.extend(0..n);
    ws.order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    ws.sorted.clear();
    ws.sorted.extend(ws.order.iter().map(|&k| x[k]));
    ws.cand.clone_from(&ws.sorted);
    ws.cand.dedup();
    let m = ws.cand.len();
    let (order, sorted, cand) = (&ws.order, &ws.sorted, &ws.cand);
    // ps[c*(n+1) + t] = Σ over the first t voters (by position) of w_k (|x_k − c|/R)^{r_k}.
    reuse(&mut ws.ps, m * (n + 1));
    for_chunks(&mut ws.ps, n + 1, n, |c, col| {
        let mut acc = 0.0;
        col[0] = 0.0;
        for (t, &k) in order.iter().enumerate() {
            let d = (x[k] - cand[c]).abs() / range;
            acc += w[k] * pow(d, r[k]);
            col[t + 1] = acc;
        }
    });
    // The same sums row-major (psr[t*m + c]), so that walking one candidate's column and the
    // others' entries at a slowly rising split point both read memory in order.
    reuse(&mut ws.psr, (n + 1) * m);
    let ps = &ws.ps;
    for_chunks(&mut ws.psr, TILE * m, n, |block, rows| {
        let t0 = block * TILE;
        let t1 = (t0 + TILE).min(n + 1);
        for c0 in (0..m).step_by(TILE) {
            for c in c0..(c0 + TILE).min(m) {
                for t in t0..t1 {
                    rows[(t - t0) * m + c] = ps[c * (n + 1) + t];
                }
            }
        }
    });
    let psr = &ws.psr;
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
    // pd[a*m + b] = P(candidate a beats candidate b). Voters strictly left of the midpoint
    // (a+b)/2 are the first `lo` in position order, those left of or on it the first `hi`; the
    // midpoint rises with b, so both are found by two pointers.
    reuse(&mut ws.pd, m * m);
    for_chunks(&mut ws.pd, m, n, |a, out| {
        let col = &ps[a * (n + 1)..(a + 1) * (n + 1)];
        let (mut lo, mut hi) = (0, 0);
        for b in 0..m {
            let mid = (cand[a] + cand[b]) / 2.0;
            while lo < n && sorted[lo] < mid {
                lo += 1;
            }
            while hi < n && sorted[hi] <= mid {
                hi += 1;
            }
            if a == b {
                out[b] = 0.5;
                continue;
            }
            let (lo_a, hi_a, total_a) = (col[lo], col[hi], col[n]);
            let (lo_b, hi_b, total_b) = (psr[lo * m + b], psr[hi * m + b], psr[n * m + b]);
            // Σ over voters left of the midpoint of w(a_k,b − a_k,a), and the same to the right.
            let left = lo_b - lo_a;
            let right = (total_b - hi_b) - (total_a - hi_a);
            out[b] = if cand[a] < cand[b] {
                prob(left, -right)
            } else {
                prob(right, -left)
            };
        }
    });
    ws.index.clear();
    ws.index
        .extend(x.iter().map(|v| cand.partition_point(|c| c < v)));
}

/// b^r for b ≥ 0 and r > 0, as exp(r·ln b): half the time of `powf` (which is correctly
/// rounded) and within a few ulps of it, far below anything the model resolves. The exponents
/// here are risk attitudes in [0.5, 2], and 1 (risk-neutral) is common, so it is a shortcut.
#[inline]
fn pow(b: f64, r: f64) -> f64 {
    if r == 1.0 {
        b
    } else if b <= 0.0 {
        0.0
    } else {
        (r * b.ln()).exp()
    }
}

/// EU_i(challenge j) given P_ij, i's exponent and i's U_sq.
fn expected_utility(xi: f64, xj: f64, sj: f64, p: f64, r: f64, usq: f64, range: f64) -> f64 {
    let d = ((xi - xj).abs() / range).clamp(0.0, 1.0);
    let us = 2.0 - 4.0 * pow(0.5 - 0.5 * d, r);
    let uf = 2.0 - 4.0 * pow(0.5 + 0.5 * d, r);
    sj * (p * us + (1.0 - p) * uf) + (1.0 - sj) * us - usq
}

/// Fills `ws.eu` with EU_ij for all pairs, row-major, from `ws.pd` and `ws.index`.
fn expected_utilities(x: &[f64], dim: &Dim<'_>, r: &[f64], ws: &mut Workspace) {
    let n = x.len();
    let m = ws.cand.len();
    let (pd, index) = (&ws.pd, &ws.index);
    reuse(&mut ws.eu, n * n);
    for_chunks(&mut ws.eu, n, n, |i, row| {
        let usq = 2.0 - 4.0 * 0.5f64.powf(r[i]);
        let prow = &pd[index[i] * m..(index[i] + 1) * m];
        for (j, e) in row.iter_mut().enumerate() {
            *e = if i == j {
                0.0
            } else {
                expected_utility(
                    x[i],
                    x[j],
                    dim.salience[j],
                    prow[index[j]],
                    r[i],
                    usq,
                    dim.range,
                )
            };
        }
    });
}

/// Risk exponents r_i from the chosen rule (computed with every exponent 1).
#[must_use]
pub fn risk_exponents(x: &[f64], dim: &Dim<'_>, rule: RiskRule, success: SuccessRule) -> Vec<f64> {
    risk_exponents_in(x, dim, rule, success, &mut Workspace::default())
}

fn risk_exponents_in(
    x: &[f64],
    dim: &Dim<'_>,
    rule: RiskRule,
    success: SuccessRule,
    ws: &mut Workspace,
) -> Vec<f64> {
    let n = x.len();
    if rule == RiskRule::Neutral || n < 2 {
        return vec![1.0; n];
    }
    let ones = vec![1.0; n];
    success_table(x, dim.weight, &ones, dim.range, success, ws);
    expected_utilities(x, dim, &ones, ws);
    // Row sums (ambition) or column sums (danger), reading the matrix in row order either way;
    // the diagonal is 0.
    let mut level = vec![0.0; n];
    for (i, row) in ws.eu.chunks(n).enumerate() {
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
    step_in(x, dim, params, &mut Workspace::default())
}

/// [`step`] with tables kept in `ws` for the next round.
pub fn step_in(x: &[f64], dim: &Dim<'_>, params: &BdmParams, ws: &mut Workspace) -> Vec<Offer> {
    // Work on the actors sorted by position so the pairwise tables are read in memory order,
    // then report offers with the caller's indices.
    let n = x.len();
    let mut perm: Vec<usize> = (0..n).collect();
    perm.sort_by(|&a, &b| x[a].total_cmp(&x[b]).then(a.cmp(&b)));
    let xs: Vec<f64> = perm.iter().map(|&i| x[i]).collect();
    let wts: Vec<f64> = perm.iter().map(|&i| dim.weight[i]).collect();
    let ss: Vec<f64> = perm.iter().map(|&i| dim.salience[i]).collect();
    let sorted = Dim {
        weight: &wts,
        salience: &ss,
        range: dim.range,
    };
    let mut offers = step_sorted(&xs, &sorted, params, &perm, ws);
    for o in &mut offers {
        o.actor = perm[o.actor];
        o.from_actor = perm[o.from_actor];
    }
    offers.sort_by_key(|o| o.actor);
    offers
}

/// `step` on actors sorted by position; `id` gives each one's original index, used only to
/// break ties between equally good offers in favour of the lower original index.
fn step_sorted(
    x: &[f64],
    dim: &Dim<'_>,
    params: &BdmParams,
    id: &[usize],
    ws: &mut Workspace,
) -> Vec<Offer> {
    let n = x.len();
    let r = risk_exponents_in(x, dim, params.risk, params.success, ws);
    let vote_r = match params.vote_risk {
        VoteRisk::Own => r.clone(),
        VoteRisk::Neutral => vec![1.0; n],
    };
    success_table(x, dim.weight, &vote_r, dim.range, params.success, ws);
    expected_utilities(x, dim, &r, ws);
    let eu = &ws.eu;
    // The offer to i from j needs EU_ij and EU_ji, a row and a column of the table: actors are
    // taken a tile at a time so the column reads stay in cache.
    let offer_for = |i: usize, a: f64, b: f64, j: usize, best: &mut Option<(Offer, f64)>| {
        if j == i || x[j] == x[i] || b <= 0.0 {
            return;
        }
        let (kind, to) = if a > 0.0 {
            if b > a {
                (MoveKind::Confrontation, x[j])
            } else {
                return;
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
            *best = Some((offer, score));
        }
    };
    let block = |i0: usize| {
        let i1 = (i0 + TILE).min(n);
        let mut best: Vec<Option<(Offer, f64)>> = vec![None; i1 - i0];
        for j0 in (0..n).step_by(TILE) {
            let j1 = (j0 + TILE).min(n);
            for i in i0..i1 {
                for j in j0..j1 {
                    offer_for(i, eu[i * n + j], eu[j * n + i], j, &mut best[i - i0]);
                }
            }
        }
        best.into_iter()
            .flatten()
            .map(|(o, _)| o)
            .collect::<Vec<_>>()
    };
    if n >= PARALLEL_FROM {
        (0..n)
            .into_par_iter()
            .step_by(TILE)
            .flat_map_iter(block)
            .collect()
    } else {
        (0..n).step_by(TILE).flat_map(block).collect()
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
    let mut workspaces: Vec<Workspace> = scenario
        .dimensions
        .iter()
        .map(|_| Workspace::default())
        .collect();
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
            for o in step_in(&positions[d], &input, params, &mut workspaces[d]) {
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
