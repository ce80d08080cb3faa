//! A spatial bargaining model in the style of KTAB's Spatial Model of Politics (KAPSARC Toolkit
//! for Behavioral Analysis). Written from KTAB's documentation and from reading how it works; the
//! parameter names and defaults follow KTAB's so its reference runs can be compared.
//!
//! Positions are vectors over the dimensions, normalised to `[0, 1]`. Each round:
//! 1. distance: actor i sees a position y at d_i(y) = sqrt(Σ_d s_id²(x_id − y_d)² / Σ_d s_id²);
//!    utility u_i(y) = (1 − d)(1 + R_i·d), R_i being i's risk attitude (R > 0 risk averse);
//! 2. risk: with risk-neutral utilities, capability-weighted coalitions for every position against
//!    every other give, through the victory-probability model and the probabilistic Condorcet
//!    election (PCE), each position's probability to prevail; R_i rises linearly with it (secure
//!    actors are cautious). Actor h estimates i's attitude as a mix of its own and i's;
//! 3. challenges: each actor i looks for the target j with the largest expected gain of
//!    challenging it, counting i and j and each third party's vote in the "little" three-way
//!    contest (third-party commitment rule); the challenge becomes a bargain interpolated between
//!    the two positions by salience and victory probability;
//! 4. bargains: every actor weighs its status quo and each bargain it is party to by how the whole
//!    state would please each actor (average utility), runs a PCE over them with capabilities as
//!    votes and adopts the most probable;
//! 5. stop once the summed movement of a round falls under a fraction of the first round's.
//!
//! Where this differs from KTAB on purpose, the reason is in `docs/forecasting.md`.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::error::ForecastError;
use super::outcome::{self, Forecast, ModelKind, Move, MoveKind};
use super::scenario::Scenario;

/// How a voter's utility difference becomes a vote (KTAB `VotingRule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VotingRule {
    /// Full weight for any preference (smoothed over a 1e-8 utility band).
    Binary,
    /// 80 % proportional, 20 % binary.
    PropBin,
    /// Weight × utility difference (KTAB default).
    #[default]
    Proportional,
    /// Half proportional, half cubic.
    PropCbc,
    /// Weight × (utility difference)³.
    Cubic,
}

/// Coalition strengths → probability one side prevails (KTAB `VPModel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VictoryModel {
    /// c_ij / (c_ij + c_ji) (KTAB default).
    #[default]
    Linear,
    /// Squares of the strengths.
    Square,
    /// Fourth powers.
    Quartic,
    /// Eighth powers.
    Octic,
    /// Certain victory with a 10 % advantage, linear in between.
    Binary,
}

/// Pairwise victory probabilities → probability each option prevails (KTAB `PCEModel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PceModel {
    /// p_i ∝ Π_j P(i beats j): the conditional probability that i beats all (KTAB default).
    #[default]
    Conditional,
    /// Stationary state of q_i = (1/n) Σ_j P(i beats j)(p_i + p_j).
    Markov,
}

/// The interval risk attitudes are mapped to (KTAB `BigRRange`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RiskRange {
    /// [0, 1].
    Min,
    /// [−1/2, 1] (KTAB default).
    #[default]
    Mid,
    /// [−1, 1].
    Max,
}

/// How actor h estimates actor i's risk attitude (KTAB `BigRAdjust`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RiskAdjust {
    /// h knows i's attitude.
    Full,
    /// (r_h + 2 r_i)/3.
    TwoThirds,
    /// (r_h + r_i)/2.
    Half,
    /// (2 r_h + r_i)/3 (KTAB default).
    #[default]
    OneThird,
    /// h assumes i is like itself.
    None,
}

/// How third parties value the outcomes of a challenge they join (KTAB `ThirdPartyCommit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ThirdPartyCommit {
    /// The third party adopts the winner's position either way.
    Full,
    /// It moves only if the side it joined wins (KTAB default).
    #[default]
    Semi,
    /// It never moves.
    None,
}

/// How a bargain between two positions is interpolated, per dimension (KTAB `InterVecBrgn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Interpolation {
    /// Weights salience × probability.
    S1P1,
    /// Weights salience² × probability² (KTAB default).
    #[default]
    S2P2,
    /// The weaker side moves by the probability gap, scaled by squared saliences.
    S2PMax,
}

/// Which bargains a challenge puts on the table (KTAB `SMPBargnModel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BargainModel {
    /// The initiator's view of the bargain (KTAB default).
    #[default]
    InitiatorOnly,
    /// Both the initiator's and the target's views.
    InitiatorAndTarget,
    /// One bargain averaging both views, weighted by capability × total salience.
    PowerWeighted,
}

/// Parameters of the spatial model. Defaults are KTAB's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
// An unknown parameter is refused, not ignored: a misspelt or removed one (Python's old
// `monte_carlo(uncertainty=...)`) would otherwise run the defaults without a word.
#[serde(default, deny_unknown_fields)]
pub struct SmpParams {
    /// How actors vote on a pair of positions.
    pub voting: VotingRule,
    /// How a coalition's strength becomes a probability of victory.
    pub victory: VictoryModel,
    /// How an actor values a position when it compares positions.
    pub pce: PceModel,
    /// Over what the risk attitudes range.
    pub risk_range: RiskRange,
    /// Whether risk attitudes change the utilities.
    pub risk_adjust: RiskAdjust,
    /// How third parties commit to a side in a challenge.
    pub third_party: ThirdPartyCommit,
    /// How a bargain's position is found between the two sides'.
    pub interpolation: Interpolation,
    /// Which bargaining model settles a challenge.
    pub bargain: BargainModel,
    /// Never stop before this many rounds (default 2).
    pub min_rounds: usize,
    /// Never run more than this many rounds (default 100).
    pub max_rounds: usize,
    /// Stop when a round's movement is under this fraction of the first round's (default 0.02).
    pub stop_ratio: f64,
    /// Added to the first round's movement so a still first round cannot divide by zero
    /// (default 1e-4, on the `[0, 1]` scale).
    pub min_first_move: f64,
}

impl Default for SmpParams {
    fn default() -> Self {
        Self {
            voting: VotingRule::Proportional,
            victory: VictoryModel::Linear,
            pce: PceModel::Conditional,
            risk_range: RiskRange::Mid,
            risk_adjust: RiskAdjust::OneThird,
            third_party: ThirdPartyCommit::Semi,
            interpolation: Interpolation::S2P2,
            bargain: BargainModel::InitiatorOnly,
            min_rounds: 2,
            max_rounds: 100,
            stop_ratio: 0.02,
            min_first_move: 1e-4,
        }
    }
}

impl SmpParams {
    fn validate(&self) -> Result<(), ForecastError> {
        if !(self.stop_ratio.is_finite() && self.stop_ratio >= 0.0) {
            return Err(ForecastError::Parameter {
                name: "stop_ratio",
                message: format!("expected a number >= 0, found {}", self.stop_ratio),
            });
        }
        if !(self.min_first_move.is_finite() && self.min_first_move > 0.0) {
            return Err(ForecastError::Parameter {
                name: "min_first_move",
                message: format!("expected a number > 0, found {}", self.min_first_move),
            });
        }
        Ok(())
    }
}

/// A vote of weight `w` between options it values `ua` and `ub`; positive favours a.
#[must_use]
pub fn vote(rule: VotingRule, w: f64, ua: f64, ub: f64) -> f64 {
    let du = ua - ub;
    let bin = (du / 1e-8).clamp(-1.0, 1.0);
    match rule {
        VotingRule::Binary => w * bin,
        VotingRule::PropBin => w * (0.8 * du + 0.2 * bin),
        VotingRule::Proportional => w * du,
        VotingRule::PropCbc => w * (0.5 * du + 0.5 * du * du * du),
        VotingRule::Cubic => w * du * du * du,
    }
}

/// Probability that the side of strength `s1` beats the side of strength `s2`.
#[must_use]
pub fn victory(model: VictoryModel, s1: f64, s2: f64) -> f64 {
    let (x1, x2) = match model {
        VictoryModel::Linear => (s1, s2),
        VictoryModel::Square => (s1 * s1, s2 * s2),
        VictoryModel::Quartic => (s1.powi(4), s2.powi(4)),
        VictoryModel::Octic => (s1.powi(8), s2.powi(8)),
        VictoryModel::Binary => {
            const T: f64 = 1.10;
            if s1 >= T * s2 {
                (1.0, 1e-6)
            } else if s2 >= T * s1 {
                (1e-6, 1.0)
            } else {
                let p = (s1 / (s1 + s2) * (T + 1.0) - 1.0) / (T - 1.0);
                (p, 1.0 - p)
            }
        }
    };
    if x1 + x2 > 0.0 { x1 / (x1 + x2) } else { 0.5 }
}

/// PCE over options from the pairwise probability matrix `pv` (row-major, `pv[i][j]` = P(i beats j)).
#[must_use]
pub fn pce(model: PceModel, pv: &[f64], m: usize) -> Vec<f64> {
    match model {
        PceModel::Conditional => {
            // In logs: products of hundreds of probabilities underflow.
            let logs: Vec<f64> = (0..m)
                .map(|i| (0..m).map(|j| pv[i * m + j].max(1e-300).ln()).sum())
                .collect();
            let top = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let raw: Vec<f64> = logs.iter().map(|l| (l - top).exp()).collect();
            let total: f64 = raw.iter().sum();
            raw.iter().map(|r| r / total).collect()
        }
        PceModel::Markov => {
            let mut p = vec![1.0 / m as f64; m];
            for _ in 0..1000 {
                let q: Vec<f64> = (0..m)
                    .map(|i| (0..m).map(|j| pv[i * m + j] * (p[i] + p[j])).sum::<f64>() / m as f64)
                    .collect();
                let change = q
                    .iter()
                    .zip(&p)
                    .map(|(a, b)| (a - b).abs())
                    .fold(0.0, f64::max);
                p = q;
                if change < 1e-9 {
                    break;
                }
            }
            let total: f64 = p.iter().sum();
            p.iter().map(|x| x / total).collect()
        }
    }
}

/// Scalar PCE: actors with weights `w` value option m at `u[k*nopt + m]`.
fn scalar_pce(params: &SmpParams, w: &[f64], u: &[f64], nopt: usize, min_c: f64) -> Vec<f64> {
    let na = w.len();
    // Option-major copy so the vote loop over actors reads contiguously.
    let mut ut = vec![0.0; nopt * na];
    for k in 0..na {
        for m in 0..nopt {
            ut[m * na + k] = u[k * nopt + m];
        }
    }
    // Row a holds P(a beats b) for b < a; rows are independent, so in parallel.
    let lower: Vec<Vec<f64>> = (0..nopt)
        .into_par_iter()
        .map(|a| {
            let ua = &ut[a * na..(a + 1) * na];
            (0..a)
                .map(|b| {
                    let ub = &ut[b * na..(b + 1) * na];
                    let (mut cab, mut cba) = (min_c, min_c);
                    for k in 0..na {
                        let v = vote(params.voting, w[k], ua[k], ub[k]);
                        if v > 0.0 {
                            cab += v;
                        } else {
                            cba -= v;
                        }
                    }
                    victory(params.victory, cab, cba)
                })
                .collect()
        })
        .collect();
    let mut pv = vec![0.5; nopt * nopt];
    for (a, row) in lower.iter().enumerate() {
        for (b, &p) in row.iter().enumerate() {
            pv[a * nopt + b] = p;
            pv[b * nopt + a] = 1.0 - p;
        }
    }
    pce(params.pce, &pv, nopt)
}

/// (1 − d)(1 + R d): KTAB's utility of a salience-weighted distance d for risk attitude R.
#[must_use]
pub fn utility(d: f64, r: f64) -> f64 {
    if d <= 1.0 {
        (1.0 - d) * (1.0 + d * r)
    } else {
        (1.0 - d) * (1.0 + r)
    }
}

fn estimate_risk(adjust: RiskAdjust, rh: f64, ri: f64) -> f64 {
    match adjust {
        RiskAdjust::Full => ri,
        RiskAdjust::TwoThirds => (rh + 2.0 * ri) / 3.0,
        RiskAdjust::Half => (rh + ri) / 2.0,
        RiskAdjust::OneThird => (2.0 * rh + ri) / 3.0,
        RiskAdjust::None => rh,
    }
}

/// The fixed inputs, normalised: positions and saliences in [0,1], total salience per actor <= 1.
struct Actors {
    n: usize,
    dims: usize,
    cap: Vec<f64>,
    /// `sal[i*dims + d]`.
    sal: Vec<f64>,
    sal_sum: Vec<f64>,
    sal_sq: Vec<f64>,
    /// Actors with equal capability and saliences share a class; see `twins`.
    class: Vec<usize>,
    min_c: f64,
}

impl Actors {
    fn new(scenario: &Scenario) -> Self {
        let n = scenario.actors.len();
        let dims = scenario.dimensions.len();
        let cap = scenario.capabilities();
        let mut sal = vec![0.0; n * dims];
        for (d, dim) in scenario.dimensions.iter().enumerate() {
            for i in 0..n {
                sal[i * dims + d] = dim.saliences[i];
            }
        }
        // KTAB requires Σ_d s_id <= 1 (its files give 0–100 shares of attention); scenarios built
        // from stances rate each issue on its own, so scale an actor's saliences down when needed.
        for i in 0..n {
            let total: f64 = sal[i * dims..(i + 1) * dims].iter().sum();
            if total > 1.0 {
                sal[i * dims..(i + 1) * dims]
                    .iter_mut()
                    .for_each(|s| *s /= total);
            }
        }
        let sal_sum = (0..n)
            .map(|i| sal[i * dims..(i + 1) * dims].iter().sum())
            .collect();
        let sal_sq = (0..n)
            .map(|i| sal[i * dims..(i + 1) * dims].iter().map(|s| s * s).sum())
            .collect();
        let mut class = vec![0; n];
        for i in 0..n {
            class[i] = (0..=i)
                .find(|&j| {
                    cap[j] == cap[i]
                        && sal[j * dims..(j + 1) * dims] == sal[i * dims..(i + 1) * dims]
                })
                .unwrap_or(i);
        }
        let total: f64 = cap.iter().sum();
        Self {
            n,
            dims,
            cap,
            sal,
            sal_sum,
            sal_sq,
            class,
            // Relative to total capability so scaling every capability changes nothing.
            min_c: (1e-10 * total).max(f64::MIN_POSITIVE),
        }
    }

    fn s(&self, i: usize) -> &[f64] {
        &self.sal[i * self.dims..(i + 1) * self.dims]
    }

    /// Salience-weighted distance from i's ideal (its position) to y.
    fn distance(&self, i: usize, xi: &[f64], y: &[f64]) -> f64 {
        if self.sal_sq[i] <= 0.0 {
            return 0.0;
        }
        let s = self.s(i);
        let sum: f64 = (0..self.dims)
            .map(|d| {
                let v = s[d] * (xi[d] - y[d]);
                v * v
            })
            .sum();
        (sum / self.sal_sq[i]).sqrt()
    }
}

/// A proposed bargain: `init` would move to `pos_init`, `rcvr` to `pos_rcvr`.
#[derive(Debug, Clone)]
struct Bargain {
    init: usize,
    rcvr: usize,
    pos_init: Vec<f64>,
    pos_rcvr: Vec<f64>,
    /// The initiator's expected gain and probability of winning, for the trace.
    gain: f64,
    p_win: f64,
}

/// State of a round: positions `x[i*dims + d]` in [0,1] and what is derived from them.
struct State<'a> {
    a: &'a Actors,
    p: &'a SmpParams,
    x: &'a [f64],
    /// vd[i*n + j]: distance from i to j's position.
    vd: Vec<f64>,
    /// The transpose, vd_t[j*n + i] = vd[i*n + j], so loops over third parties read contiguously.
    vd_t: Vec<f64>,
    /// Risk attitudes.
    risk: Vec<f64>,
    /// Probability that each actor's position prevails, each valuing positions with its own
    /// risk attitude (KTAB's "winning probabilities").
    win: Vec<f64>,
}

impl<'a> State<'a> {
    fn new(a: &'a Actors, p: &'a SmpParams, x: &'a [f64]) -> Self {
        let (n, dims) = (a.n, a.dims);
        let mut vd = vec![0.0; n * n];
        vd.par_chunks_mut(n).enumerate().for_each(|(i, row)| {
            let xi = &x[i * dims..(i + 1) * dims];
            for (j, v) in row.iter_mut().enumerate() {
                *v = a.distance(i, xi, &x[j * dims..(j + 1) * dims]);
            }
        });
        let neutral: Vec<f64> = vd.iter().map(|d| utility(*d, 0.0)).collect();
        let neutral_win = scalar_pce(p, &a.cap, &neutral, n, a.min_c);
        let win = &neutral_win;
        let lo = win.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = win.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let risk = win
            .iter()
            .map(|&pi| {
                if hi - lo <= 1e-12 {
                    return 0.0;
                }
                match p.risk_range {
                    RiskRange::Min => (pi - lo) / (hi - lo),
                    RiskRange::Mid => (3.0 * pi - (hi + 2.0 * lo)) / (2.0 * (hi - lo)),
                    RiskRange::Max => (2.0 * pi - (hi + lo)) / (hi - lo),
                }
            })
            .collect::<Vec<f64>>();
        // Over distinct positions, as KTAB reports them: actors sharing a position share its
        // probability instead of splitting it.
        let same = |i: usize, j: usize| x[i * dims..(i + 1) * dims] == x[j * dims..(j + 1) * dims];
        let owner: Vec<usize> = (0..n)
            .map(|i| (0..=i).find(|&j| same(i, j)).unwrap_or(i))
            .collect();
        let distinct: Vec<usize> = (0..n).filter(|&i| owner[i] == i).collect();
        let m = distinct.len();
        let aware: Vec<f64> = (0..n * m)
            .map(|km| utility(vd[(km / m) * n + distinct[km % m]], risk[km / m]))
            .collect();
        let by_position = scalar_pce(p, &a.cap, &aware, m, a.min_c);
        let win = (0..n)
            .map(|i| by_position[distinct.iter().position(|&d| d == owner[i]).unwrap_or(0)])
            .collect();
        let mut vd_t = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..n {
                vd_t[j * n + i] = vd[i * n + j];
            }
        }
        Self {
            a,
            p,
            x,
            vd,
            vd_t,
            risk,
            win,
        }
    }

    fn pos(&self, i: usize) -> &[f64] {
        &self.x[i * self.a.dims..(i + 1) * self.a.dims]
    }

    /// h's estimate of i's utility for j's position.
    fn u(&self, h: usize, i: usize, j: usize) -> f64 {
        let r = estimate_risk(self.p.risk_adjust, self.risk[h], self.risk[i]);
        utility(self.vd[i * self.a.n + j], r)
    }

    /// h's estimate of P(i beats j) and of k's expected gain from i challenging j.
    fn challenge(&self, h: usize, k: usize, i: usize, j: usize) -> (f64, f64) {
        let (a, p) = (self.a, self.p);
        let (uii, uij, uji, ujj) = (
            self.u(h, i, i),
            self.u(h, i, j),
            self.u(h, j, i),
            self.u(h, j, j),
        );
        let (uki, ukj) = (self.u(h, k, i), self.u(h, k, j));
        let eu_sq = uki + ukj;
        let (win_i, win_j) = (2.0 * uki, 2.0 * ukj);
        let ci = vote(p.voting, a.sal_sum[i] * a.cap[i], uii, uij);
        let cj = vote(p.voting, a.sal_sum[j] * a.cap[j], uji, ujj);
        let mut chij = a.min_c + ci.max(0.0) + cj.max(0.0);
        let mut chji = a.min_c + (-ci).max(0.0) + (-cj).max(0.0);
        let (base_i, base_j) = (chij, chji);
        for m in 0..a.n {
            if m == i || m == j {
                continue;
            }
            let wm = a.sal_sum[m] * a.cap[m];
            if wm <= 0.0 {
                continue;
            }
            let (umi, umj, umm) = (self.u(h, m, i), self.u(h, m, j), self.u(h, m, m));
            // m's view of the little contest (i:j) with only the principals and itself.
            let v0 = vote(p.voting, wm, umi, umj);
            let (cmi, cmj) = (base_i + v0.max(0.0), base_j + (-v0).max(0.0));
            let pim = cmi / (cmi + cmj);
            let pjm = 1.0 - pim;
            let (ik_def_j, j_def_ik, i_def_jk, jk_def_i) = match p.third_party {
                ThirdPartyCommit::Full => (3.0 * umi, 3.0 * umj, 3.0 * umi, 3.0 * umj),
                ThirdPartyCommit::Semi => (2.0 * umi + umm, 3.0 * umj, 3.0 * umi, 2.0 * umj + umm),
                ThirdPartyCommit::None => (
                    2.0 * umi + umm,
                    2.0 * umj + umm,
                    2.0 * umi + umm,
                    2.0 * umj + umm,
                ),
            };
            let join_i = pim * ik_def_j + pjm * j_def_ik;
            let join_j = pim * i_def_jk + pjm * jk_def_i;
            let v = vote(p.voting, wm, join_i, join_j);
            if v > 0.0 {
                chij += v;
            } else {
                chji -= v;
            }
        }
        let pij = chij / (chij + chji);
        let sj = a.sal_sum[j];
        let eu = (1.0 - sj) * win_i + sj * (pij * win_i + (1.0 - pij) * win_j);
        (pij, eu - eu_sq)
    }

    /// `challenge(i, i, i, j)` for every j at once: i's own estimate of P(i beats j) and of its
    /// gain. What depends only on i is computed once, and third parties are read from the
    /// transposed distances; the arithmetic is the same, in the same order, as `challenge`.
    fn own_challenges(&self, i: usize) -> Vec<(f64, f64)> {
        let (a, p, n) = (self.a, self.p, self.a.n);
        let r: Vec<f64> = (0..n)
            .map(|m| estimate_risk(p.risk_adjust, self.risk[i], self.risk[m]))
            .collect();
        // u(i, m, i): i's estimate of m's utility for i's position; u(i, m, m) is always 1.
        let u_to_i: Vec<f64> = (0..n).map(|m| utility(self.vd[m * n + i], r[m])).collect();
        let w: Vec<f64> = (0..n).map(|m| a.sal_sum[m] * a.cap[m]).collect();
        (0..n)
            .map(|j| {
                if j == i {
                    return (0.5, 0.0);
                }
                let col = &self.vd_t[j * n..(j + 1) * n];
                let (uii, uij) = (utility(self.vd[i * n + i], r[i]), utility(col[i], r[i]));
                let (uji, ujj) = (u_to_i[j], utility(self.vd[j * n + j], r[j]));
                let eu_sq = uii + uij;
                let (win_i, win_j) = (2.0 * uii, 2.0 * uij);
                let ci = vote(p.voting, w[i], uii, uij);
                let cj = vote(p.voting, w[j], uji, ujj);
                let mut chij = a.min_c + ci.max(0.0) + cj.max(0.0);
                let mut chji = a.min_c + (-ci).max(0.0) + (-cj).max(0.0);
                let (base_i, base_j) = (chij, chji);
                for m in 0..n {
                    if m == i || m == j || w[m] <= 0.0 {
                        continue;
                    }
                    let (umi, umj, umm) = (u_to_i[m], utility(col[m], r[m]), 1.0);
                    let v0 = vote(p.voting, w[m], umi, umj);
                    let (cmi, cmj) = (base_i + v0.max(0.0), base_j + (-v0).max(0.0));
                    let pim = cmi / (cmi + cmj);
                    let pjm = 1.0 - pim;
                    let (ik_def_j, j_def_ik, i_def_jk, jk_def_i) = match p.third_party {
                        ThirdPartyCommit::Full => (3.0 * umi, 3.0 * umj, 3.0 * umi, 3.0 * umj),
                        ThirdPartyCommit::Semi => {
                            (2.0 * umi + umm, 3.0 * umj, 3.0 * umi, 2.0 * umj + umm)
                        }
                        ThirdPartyCommit::None => (
                            2.0 * umi + umm,
                            2.0 * umj + umm,
                            2.0 * umi + umm,
                            2.0 * umj + umm,
                        ),
                    };
                    let v = vote(
                        p.voting,
                        w[m],
                        pim * ik_def_j + pjm * j_def_ik,
                        pim * i_def_jk + pjm * jk_def_i,
                    );
                    if v > 0.0 {
                        chij += v;
                    } else {
                        chji -= v;
                    }
                }
                let pij = chij / (chij + chji);
                let sj = a.sal_sum[j];
                let eu = (1.0 - sj) * win_i + sj * (pij * win_i + (1.0 - pij) * win_j);
                (pij, eu - eu_sq)
            })
            .collect()
    }

    /// Interpolated bargain positions for i (prob pi) and j (prob pj), per dimension.
    fn interpolate(&self, i: usize, j: usize, pi: f64, pj: f64) -> (Vec<f64>, Vec<f64>) {
        let (a, dims) = (self.a, self.a.dims);
        let (xi, xj, si, sj) = (self.pos(i), self.pos(j), a.s(i), a.s(j));
        let round4 = |v: f64| (v * 1e4 + 0.5).floor() / 1e4;
        const MIN_W: f64 = 1e-6;
        let mut bi = vec![0.0; dims];
        let mut bj = vec![0.0; dims];
        for d in 0..dims {
            let (ti, tj) = (xi[d], xj[d]);
            match self.p.interpolation {
                Interpolation::S1P1 | Interpolation::S2P2 => {
                    let e = if self.p.interpolation == Interpolation::S1P1 {
                        1
                    } else {
                        2
                    };
                    let wi = si[d].powi(e) * pi.powi(e);
                    let wj = sj[d].powi(e) * pj.powi(e);
                    bi[d] = round4(((wi + MIN_W) * ti + wj * tj) / (wi + MIN_W + wj));
                    bj[d] = round4((wi * ti + (MIN_W + wj) * tj) / (wi + MIN_W + wj));
                }
                Interpolation::S2PMax => {
                    let di = (pj - pi).max(0.0);
                    let dj = (pi - pj).max(0.0);
                    let (si2, sj2) = (si[d] * si[d], sj[d] * sj[d]);
                    let mi = di * sj2 / (di * sj2 + MIN_W + (1.0 - di) * si2);
                    let mj = dj * si2 / (dj * si2 + MIN_W + (1.0 - dj) * sj2);
                    bi[d] = ti + mi * (tj - ti);
                    bj[d] = tj + mj * (ti - tj);
                }
            }
        }
        (bi, bj)
    }

    /// The bargains actor i proposes this round (none if no challenge pays).
    fn proposals(&self, i: usize) -> Vec<Bargain> {
        const MIN_GAIN: f64 = 1e-5;
        let mut best: Option<(usize, f64, f64)> = None;
        for (j, (pij, gain)) in self.own_challenges(i).into_iter().enumerate() {
            if j == i {
                continue;
            }
            if gain > MIN_GAIN && best.is_none_or(|(_, _, g)| gain > g) {
                best = Some((j, pij, gain));
            }
        }
        let Some((j, pij, gain)) = best else {
            return Vec::new();
        };
        let (bi, bj) = self.interpolate(i, j, pij, 1.0 - pij);
        let make = |pos_init: Vec<f64>, pos_rcvr: Vec<f64>| Bargain {
            init: i,
            rcvr: j,
            pos_init,
            pos_rcvr,
            gain,
            p_win: pij,
        };
        match self.p.bargain {
            BargainModel::InitiatorOnly => vec![make(bi, bj)],
            BargainModel::InitiatorAndTarget | BargainModel::PowerWeighted => {
                let (pji, _) = self.challenge(j, i, i, j);
                let (ci, cj) = self.interpolate(i, j, pji, 1.0 - pji);
                if self.p.bargain == BargainModel::InitiatorAndTarget {
                    vec![make(bi, bj), make(ci, cj)]
                } else {
                    let a = self.a;
                    let wi = a.cap[i] * a.sal_sum[i];
                    let wj = a.cap[j] * a.sal_sum[j];
                    let mix = |p: &[f64], q: &[f64]| -> Vec<f64> {
                        p.iter()
                            .zip(q)
                            .map(|(p, q)| {
                                if wi + wj > 0.0 {
                                    (wi * p + wj * q) / (wi + wj)
                                } else {
                                    *p
                                }
                            })
                            .collect()
                    };
                    vec![make(mix(&bi, &ci), mix(&bj, &cj))]
                }
            }
        }
    }
}

/// One round: new positions and, per actor, the bargain it adopted (with its probability).
type Choice = Option<(Bargain, f64, usize)>;

fn step(a: &Actors, p: &SmpParams, st: &State<'_>) -> (Vec<f64>, Vec<Choice>) {
    let (n, dims) = (a.n, a.dims);
    let bargains: Vec<Bargain> = (0..n)
        .into_par_iter()
        .flat_map_iter(|i| st.proposals(i))
        .collect();
    // Queues: every bargain goes to its initiator and its receiver, and to any twin of the
    // receiver (same capability, saliences and position) so twins are treated alike.
    let mut queues: Vec<Vec<(usize, bool)>> = vec![Vec::new(); n];
    for (b, bargain) in bargains.iter().enumerate() {
        queues[bargain.init].push((b, true));
        let rcvr = bargain.rcvr;
        for (k, queue) in queues.iter_mut().enumerate() {
            let twin = a.class[k] == a.class[rcvr] && st.pos(k) == st.pos(rcvr);
            if k != bargain.init && (k == rcvr || twin) {
                queue.push((b, false));
            }
        }
    }
    // Σ_l u_n(x_l) per actor n, with its own risk attitude: the status quo's value to n.
    let row_sum: Vec<f64> = (0..n)
        .map(|m| (0..n).map(|l| st.u(m, m, l)).sum())
        .collect();
    let chosen: Vec<Choice> = (0..n)
        .into_par_iter()
        .map(|k| {
            let queue = &queues[k];
            if queue.is_empty() {
                return None;
            }
            let nopt = queue.len() + 1;
            let mut u = vec![0.0; n * nopt];
            for m in 0..n {
                let xm = st.pos(m);
                u[m * nopt] = row_sum[m] / n as f64;
                for (o, &(b, is_init)) in queue.iter().enumerate() {
                    let bg = &bargains[b];
                    let rcvr = if is_init { bg.rcvr } else { k };
                    let (ia, ib) = (bg.init, rcvr);
                    let own = |y: &[f64]| utility(a.distance(m, xm, y), st.risk[m]);
                    let v = row_sum[m] - st.u(m, m, ia) - st.u(m, m, ib)
                        + own(&bg.pos_init)
                        + own(&bg.pos_rcvr);
                    u[m * nopt + o + 1] = v / n as f64;
                }
            }
            let probs = scalar_pce(p, &a.cap, &u, nopt, a.min_c);
            let mut best = 0;
            for (o, &q) in probs.iter().enumerate() {
                if q > probs[best] {
                    best = o;
                }
            }
            if best == 0 {
                None
            } else {
                let (b, _) = queue[best - 1];
                Some((bargains[b].clone(), probs[best], nopt))
            }
        })
        .collect();
    let mut next = st.x.to_vec();
    for (k, c) in chosen.iter().enumerate() {
        if let Some((b, _, _)) = c {
            let target = if b.init == k {
                &b.pos_init
            } else {
                &b.pos_rcvr
            };
            next[k * dims..(k + 1) * dims].copy_from_slice(target);
        }
    }
    (next, chosen)
}

fn movement(a: &Actors, x: &[f64], y: &[f64]) -> f64 {
    (0..a.n)
        .map(|i| {
            (0..a.dims)
                .map(|d| {
                    let v = x[i * a.dims + d] - y[i * a.dims + d];
                    v * v
                })
                .sum::<f64>()
                .sqrt()
        })
        .sum()
}

/// Runs the spatial model.
///
/// # Errors
/// An invalid scenario or parameter.
pub fn smp_forecast(scenario: &Scenario, params: &SmpParams) -> Result<Forecast, ForecastError> {
    scenario.validate()?;
    params.validate()?;
    let a = Actors::new(scenario);
    let (n, dims) = (a.n, a.dims);
    let (lo, width) = (scenario.scale.min, scenario.scale.width());
    let norm = |v: f64| if width > 0.0 { (v - lo) / width } else { 0.0 };
    let denorm = |v: f64| scenario.scale.clamp(lo + v * width);
    let mut x = vec![0.0; n * dims];
    for (d, dim) in scenario.dimensions.iter().enumerate() {
        for i in 0..n {
            x[i * dims + d] = norm(dim.positions[i]);
        }
    }
    let to_rows = |x: &[f64]| -> Vec<Vec<f64>> {
        (0..dims)
            .map(|d| (0..n).map(|i| denorm(x[i * dims + d])).collect())
            .collect()
    };
    let names = scenario.actor_names();
    let mut rounds = vec![outcome::round(scenario, 0, to_rows(&x), Vec::new())];
    let mut first_move = None;
    let mut converged = false;
    for t in 1..=params.max_rounds {
        let st = State::new(&a, params, &x);
        if let Some(last) = rounds.last_mut() {
            last.win_probability = Some(st.win.clone());
        }
        let (next, chosen) = step(&a, params, &st);
        let mut moves = Vec::new();
        for (k, c) in chosen.iter().enumerate() {
            let Some((b, prob, nopt)) = c else { continue };
            let other = if b.init == k { b.rcvr } else { b.init };
            for (d, dim) in scenario.dimensions.iter().enumerate() {
                let (from, to) = (denorm(x[k * dims + d]), denorm(next[k * dims + d]));
                if from != to {
                    moves.push(Move {
                        actor: names[k].clone(),
                        dimension: dim.name.clone(),
                        from,
                        to,
                        with: names[other].clone(),
                        kind: MoveKind::Bargain,
                        reason: format!(
                            "{} challenged {} (P(win) {:.4}, expected gain {:+.4}); of the {} options before {}, this bargain had PCE probability {:.4}",
                            names[b.init],
                            names[b.rcvr],
                            b.p_win,
                            b.gain,
                            nopt,
                            names[k],
                            prob
                        ),
                    });
                }
            }
        }
        let moved = movement(&a, &x, &next);
        x = next;
        rounds.push(outcome::round(scenario, t, to_rows(&x), moves));
        let first = *first_move.get_or_insert(moved + params.min_first_move);
        if t >= params.min_rounds && moved / first < params.stop_ratio {
            converged = true;
            break;
        }
    }
    let final_state = State::new(&a, params, &x);
    if let Some(last) = rounds.last_mut() {
        last.win_probability = Some(final_state.win.clone());
    }
    let last = rounds.last().cloned().unwrap_or_else(|| rounds[0].clone());
    // The forecast is the final position most likely to prevail (KTAB's PCE over positions):
    // a point some actor holds, unlike per-dimension means or medians.
    let likeliest = (0..n).fold(0, |best, i| {
        if final_state.win[i] > final_state.win[best] {
            i
        } else {
            best
        }
    });
    let mut outcome = outcome::outcomes(scenario, &last, |o| o.mean);
    for (d, o) in outcome.iter_mut().enumerate() {
        o.forecast = last.positions[d][likeliest];
    }
    Ok(Forecast {
        model: ModelKind::Smp,
        scenario: scenario.name.clone(),
        actors: names,
        dimensions: scenario.dimensions.iter().map(|d| d.name.clone()).collect(),
        parameters: serde_json::to_value(params).unwrap_or_default(),
        outcome,
        rounds,
        converged,
    })
}

/// Risk attitudes and risk-neutral win probabilities of the scenario's initial state, exposed for
/// comparison with KTAB's logs ("Inferred risk attitudes").
#[must_use]
pub fn initial_risk(scenario: &Scenario, params: &SmpParams) -> (Vec<f64>, Vec<f64>) {
    let a = Actors::new(scenario);
    let (lo, width) = (scenario.scale.min, scenario.scale.width());
    let mut x = vec![0.0; a.n * a.dims];
    for (d, dim) in scenario.dimensions.iter().enumerate() {
        for i in 0..a.n {
            x[i * a.dims + d] = if width > 0.0 {
                (dim.positions[i] - lo) / width
            } else {
                0.0
            };
        }
    }
    let st = State::new(&a, params, &x);
    (st.risk.clone(), st.win.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::parse::parse_ktab_csv;

    #[test]
    fn fast_own_challenges_equal_the_general_estimate() {
        let text = "N,D,4,2\nActor,Description,Power,A,SA,B,SB\n\
                    a,,10,10,40,90,20\nb,,30,60,10,20,50\nc,,20,35,30,70,30\nd,,5,80,45,40,5\n";
        let scenario = parse_ktab_csv(text).expect("valid");
        for third_party in [
            ThirdPartyCommit::Full,
            ThirdPartyCommit::Semi,
            ThirdPartyCommit::None,
        ] {
            let params = SmpParams {
                third_party,
                ..SmpParams::default()
            };
            let actors = Actors::new(&scenario);
            let x: Vec<f64> = (0..4)
                .flat_map(|i| (0..2).map(move |d| (i, d)))
                .map(|(i, d)| scenario.dimensions[d].positions[i] / 100.0)
                .collect();
            let st = State::new(&actors, &params, &x);
            for i in 0..4 {
                let fast = st.own_challenges(i);
                for j in (0..4).filter(|&j| j != i) {
                    assert_eq!(fast[j], st.challenge(i, i, i, j), "{i} -> {j}");
                }
            }
        }
    }
}
