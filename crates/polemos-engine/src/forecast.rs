//! Forecasting a stored dispute: the scenario is built once, here, from the core's consolidated
//! current stances (one per party and issue, weighing evidence by recency and independent
//! sources) as of a date, and the parties' capabilities. The CLI, gRPC and Python run the models
//! on it, so the same dispute gets the same forecast everywhere.

use chrono::{NaiveDate, Utc};
use polemos_core::Record;
use polemos_core::analysis::consolidate::{ConsolidateOptions, current_stances_with};
use std::ops::ControlFlow;

use polemos_core::forecast::{
    BdmParams, Forecast, ModelSpec, MonteCarloParams, MonteCarloResult, Scenario, SmpParams,
    StanceInput, Uncertainty,
};
use polemos_store::{Kind, Revision, Store};

use crate::error::{Error, Result};
use crate::{list, names};

/// The models by the names every interface uses, in the order they list them.
pub const MODELS: [&str; 4] = ["median", "compromise", "bdm", "smp"];

/// A model by name with its default parameters; `rounds` overrides BDM's rounds of offers or
/// SMP's most rounds.
///
/// # Errors
/// An unknown model name.
pub fn model(name: &str, rounds: Option<usize>) -> Result<ModelSpec> {
    Ok(match name {
        "median" => ModelSpec::Median,
        "compromise" => ModelSpec::Compromise,
        "bdm" => ModelSpec::Bdm(BdmParams {
            rounds: rounds.unwrap_or(BdmParams::default().rounds),
            ..BdmParams::default()
        }),
        "smp" => ModelSpec::Smp(SmpParams {
            max_rounds: rounds.unwrap_or(SmpParams::default().max_rounds),
            ..SmpParams::default()
        }),
        other => {
            return Err(Error::argument(
                "model",
                format!("`{other}` is not one of {}", MODELS.join(", ")),
            ));
        }
    })
}

/// The one table of Monte Carlo defaults and limits, which every interface takes its own from:
/// `polemos forecast --monte-carlo`'s flags, the gRPC `Forecast` (which refused too many draws
/// on its own before), and `Engine`/`Client.forecast` (whose signatures repeat the noise
/// defaults for `help()`; `test_parity.py` checks they match).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonteCarloDefaults {
    /// Draws of a run that names no number (Python's `forecast.monte_carlo`).
    pub draws: usize,
    /// Most draws one run may ask for: a run is one call that holds every core until it ends.
    pub max_draws: usize,
    /// The seed when none is given. Seeds are whole numbers from 0 to `u64::MAX`, the range of
    /// the gRPC `seed` (`uint64`) and of `--seed`; Python refuses others as invalid arguments.
    pub seed: u64,
    /// The noise half-widths when none are given.
    pub uncertainty: Uncertainty,
    /// The widest noise: a whole scale width on positions, the whole 0–1 salience range,
    /// ±100 % of capability. Wider only clamps more draws to the scale's ends.
    pub max_noise: f64,
}

/// The defaults and limits of Monte Carlo.
pub const MONTE_CARLO: MonteCarloDefaults = MonteCarloDefaults {
    draws: MonteCarloParams::DEFAULT_DRAWS,
    max_draws: 100_000,
    seed: 0,
    uncertainty: Uncertainty::DEFAULT,
    max_noise: 1.0,
};

/// What each interface says of a seed it cannot read as one (a negative or too large number).
#[must_use]
pub fn invalid_seed(found: impl std::fmt::Display) -> Error {
    Error::argument(
        "seed",
        format!(
            "expected a whole number from 0 to {}, found {found}",
            u64::MAX
        ),
    )
}

/// What each interface says of a number of draws out of range, however its input carried it.
#[must_use]
pub fn invalid_draws(found: impl std::fmt::Display) -> Error {
    Error::argument(
        "draws",
        format!(
            "expected 1 to {} draws, found {found}",
            MONTE_CARLO.max_draws
        ),
    )
}

/// A Monte Carlo run as interfaces ask it: the number of draws, the seed, and any noise width
/// not left to [`MONTE_CARLO`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MonteCarloOptions {
    pub draws: usize,
    pub seed: u64,
    pub position_noise: Option<f64>,
    pub salience_noise: Option<f64>,
    pub capability_noise: Option<f64>,
    /// Report the share of draws whose forecast falls in this closed range.
    pub range: Option<(f64, f64)>,
}

impl MonteCarloOptions {
    /// The core's parameters for these options, with [`MONTE_CARLO`]'s defaults filled in.
    ///
    /// # Errors
    /// What [`check_monte_carlo`] refuses.
    pub fn params(&self) -> Result<MonteCarloParams> {
        let d = MONTE_CARLO.uncertainty;
        let params = MonteCarloParams {
            draws: self.draws,
            seed: self.seed,
            uncertainty: Uncertainty {
                position: self.position_noise.unwrap_or(d.position),
                salience: self.salience_noise.unwrap_or(d.salience),
                capability: self.capability_noise.unwrap_or(d.capability),
            },
            range: self.range,
        };
        check_monte_carlo(&params)?;
        Ok(params)
    }

    /// Checks the noise widths that are set against [`MONTE_CARLO`]'s limits, whatever the
    /// draws: an interface that reads them only with draws would otherwise accept an
    /// out-of-range width silently when asked for none. A range, which only draws can fill, is
    /// refused without them for the same reason (the CLI's `--range` requires
    /// `--monte-carlo`).
    ///
    /// # Errors
    /// The first width set and out of range, named as [`check_monte_carlo`] names it; `range`
    /// when one is set without draws.
    pub fn check_widths(&self) -> Result<()> {
        if self.draws == 0 && self.range.is_some() {
            return Err(Error::argument(
                "range",
                "needs Monte Carlo draws: it is the share of the draws that fall in it",
            ));
        }
        for (field, width) in [
            ("position_noise", self.position_noise),
            ("salience_noise", self.salience_noise),
            ("capability_noise", self.capability_noise),
        ] {
            if let Some(width) = width {
                check_width(field, width)?;
            }
        }
        Ok(())
    }
}

/// A noise width from 0 to [`MONTE_CARLO`]'s `max_noise`, else `InvalidArgument` on `field`.
fn check_width(field: &str, width: f64) -> Result<()> {
    let widest = MONTE_CARLO.max_noise;
    if (0.0..=widest).contains(&width) {
        Ok(())
    } else {
        Err(Error::argument(
            field,
            format!("expected a number from 0 to {widest}, found {width}"),
        ))
    }
}

/// The limits of [`MONTE_CARLO`], checked once for every interface: 1 to `max_draws` draws,
/// each noise width a number from 0 to `max_noise`, a range whose ends are in order. Each
/// refusal is `InvalidArgument` naming the parameter as the Python and CLI options do
/// (`draws`, `position_noise`, `salience_noise`, `capability_noise`, `range`).
///
/// # Errors
/// The first value out of range.
pub fn check_monte_carlo(params: &MonteCarloParams) -> Result<()> {
    if !(1..=MONTE_CARLO.max_draws).contains(&params.draws) {
        return Err(invalid_draws(params.draws));
    }
    let u = &params.uncertainty;
    for (field, width) in [
        ("position_noise", u.position),
        ("salience_noise", u.salience),
        ("capability_noise", u.capability),
    ] {
        check_width(field, width)?;
    }
    if let Some((lo, hi)) = params.range
        && !(lo.is_finite() && hi.is_finite() && lo <= hi)
    {
        return Err(Error::argument(
            "range",
            format!("expected two finite numbers LO <= HI, found {lo}..{hi}"),
        ));
    }
    Ok(())
}

/// A forecasting scenario built from a stored dispute.
#[derive(Debug, Clone, PartialEq)]
pub struct DisputeScenario {
    pub scenario: Scenario,
    /// Actors with stances on the dispute who are not parties: they have no capability, so the
    /// models leave them out (interfaces may say so).
    pub left_out: Vec<String>,
}

/// The scenario of `dispute` (`kuril-islands` or its full name) from its parties' capabilities
/// and their consolidated stances as of `as_of` (default: today), reading the store at
/// `revision` (default: now). One dimension per issue, named by the issue's last segment.
///
/// # Errors
/// A malformed or unknown dispute, a revision past the head, a dispute whose stances make no
/// scenario (no party holds a stance), store failures.
pub fn scenario(
    store: &dyn Store,
    dispute: &str,
    as_of: Option<NaiveDate>,
    revision: Option<Revision>,
) -> Result<DisputeScenario> {
    let name = names::dispute_name("dispute", dispute)?;
    let view = list::view(store, revision, None)?;
    let Some(found) = store.get(Kind::Dispute, name.as_str(), view)? else {
        return Err(Error::not_found("dispute", name.as_str()));
    };
    let Record::Dispute(d) = found.value else {
        return Err(Error::not_found("dispute", name.as_str()));
    };
    let dossier = store.snapshot(view)?;
    let date = as_of.unwrap_or_else(|| Utc::now().date_naive());
    let consolidated = current_stances_with(&dossier, &name, date, &ConsolidateOptions::default())?;
    let capabilities: Vec<(String, f64)> = d
        .parties
        .iter()
        .map(|p| (p.actor.to_string(), p.capability.get()))
        .collect();
    let (parties, others): (Vec<_>, Vec<_>) = consolidated
        .into_iter()
        .partition(|s| d.parties.iter().any(|p| p.actor == s.actor));
    let stances: Vec<StanceInput> = parties
        .iter()
        .map(|s| StanceInput {
            actor: s.actor.to_string(),
            // `disputes/x/issues/peace-treaty` → `peace-treaty`: the dispute is already named.
            issue: s.issue.id().to_owned(),
            position: s.position.get(),
            salience: s.salience.get(),
        })
        .collect();
    let scenario = Scenario::from_stances(name.as_str(), &stances, &capabilities)?;
    let mut left_out: Vec<String> = others.iter().map(|s| s.actor.to_string()).collect();
    left_out.sort();
    left_out.dedup();
    Ok(DisputeScenario { scenario, left_out })
}

/// Forecasts the stored `dispute` with `model`: its [`scenario`] as of `as_of` (default today)
/// at `revision`, run once. The one operation behind `polemos forecast --dispute`, the gRPC
/// `Forecast` on a dispute (without Monte Carlo) and `Engine`/`Client.forecast`.
///
/// # Errors
/// Those of [`scenario`], and a model that cannot run on the scenario.
pub fn dispute(
    store: &dyn Store,
    dispute: &str,
    model: &ModelSpec,
    as_of: Option<NaiveDate>,
    revision: Option<Revision>,
) -> Result<Forecast> {
    let built = scenario(store, dispute, as_of, revision)?;
    Ok(model.run(&built.scenario)?)
}

/// A Monte Carlo run on a stored dispute: the scenario it perturbed and the result.
#[derive(Debug, Clone, PartialEq)]
pub struct DisputeMonteCarlo {
    pub scenario: DisputeScenario,
    pub result: MonteCarloResult,
}

/// Monte Carlo on the stored `dispute` with `model`: its [`scenario`] as of `as_of` (default
/// today) at `revision`, perturbed `params.draws` times on every core; `progress(done, total)`
/// is called as draws finish and stops the run when it breaks. The one operation behind
/// `polemos forecast --dispute --monte-carlo`, the gRPC `Forecast` on a dispute with
/// `monte_carlo_draws` and `Engine`/`Client.forecast(draws=...)`, so a seed gives the same
/// distributions everywhere.
///
/// # Errors
/// Those of [`scenario`], parameters [`check_monte_carlo`] refuses, a model that cannot run,
/// and a run stopped by `progress` (`Cancelled`).
pub fn dispute_monte_carlo(
    store: &dyn Store,
    dispute: &str,
    model: &ModelSpec,
    as_of: Option<NaiveDate>,
    revision: Option<Revision>,
    params: &MonteCarloParams,
    progress: &(dyn Fn(usize, usize) -> ControlFlow<()> + Sync),
) -> Result<DisputeMonteCarlo> {
    check_monte_carlo(params)?;
    let built = scenario(store, dispute, as_of, revision)?;
    let result = scenario_monte_carlo(model, &built.scenario, params, progress)?;
    Ok(DisputeMonteCarlo {
        scenario: built,
        result,
    })
}

/// Monte Carlo on a scenario the caller has (a file, a Python `Scenario`, a stored dispute's
/// [`scenario`]): `params` checked against [`MONTE_CARLO`]'s limits, then `params.draws`
/// perturbed runs of `model` on every core; `progress(done, total)` as in
/// [`dispute_monte_carlo`], which runs this on the dispute's scenario. The one Monte Carlo
/// behind `polemos forecast --monte-carlo` on a file and `polemos.forecast.monte_carlo`.
///
/// # Errors
/// Parameters [`check_monte_carlo`] refuses, a model that cannot run on the scenario, and a run
/// stopped by `progress` (`Cancelled`).
pub fn scenario_monte_carlo(
    model: &ModelSpec,
    scenario: &Scenario,
    params: &MonteCarloParams,
    progress: &(dyn Fn(usize, usize) -> ControlFlow<()> + Sync),
) -> Result<MonteCarloResult> {
    check_monte_carlo(params)?;
    Ok(polemos_core::forecast::monte_carlo(
        model, scenario, params, progress,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::testing::kuril;

    #[test]
    fn the_reference_dispute_forecasts_from_consolidated_stances() {
        let store = kuril();
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let bdm = model("bdm", None).expect("bdm");
        let f = dispute(&*store, "kuril-islands", &bdm, Some(date), None).expect("forecast");
        let peace = f
            .outcome
            .iter()
            .find(|o| o.dimension == "peace-treaty")
            .expect("peace-treaty dimension");
        // What `polemos forecast --dispute kuril-islands` prints on the reference dossier.
        assert!((peace.forecast - 75.03).abs() < 0.01, "{}", peace.forecast);
    }

    /// Monte Carlo on the reference dispute as of `date`, run to the end.
    fn kuril_draws(
        store: &dyn Store,
        model: &ModelSpec,
        date: NaiveDate,
        params: &MonteCarloParams,
    ) -> DisputeMonteCarlo {
        let go = |_: usize, _: usize| ControlFlow::Continue(());
        dispute_monte_carlo(store, "kuril-islands", model, Some(date), None, params, &go)
            .expect("monte carlo")
    }

    #[test]
    fn monte_carlo_on_a_stored_dispute_is_reproducible_and_centred_on_its_forecast() {
        let store = kuril();
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let bdm = model("bdm", None).expect("bdm");
        let params = MonteCarloParams {
            draws: 64,
            seed: 7,
            ..MonteCarloParams::default()
        };
        let run = || kuril_draws(&*store, &bdm, date, &params).result;
        let (first, again) = (run(), run());
        assert_eq!(first.forecasts, again.forecasts, "the seed fixes the draws");
        assert_eq!(first.forecasts.len(), 64);
        let single = dispute(&*store, "kuril-islands", &bdm, Some(date), None).expect("forecast");
        assert_eq!(
            first.baseline, single,
            "the baseline is the dispute's forecast"
        );
        let stop = |_: usize, _: usize| ControlFlow::Break(());
        let err = dispute_monte_carlo(&*store, "kuril-islands", &bdm, None, None, &params, &stop)
            .expect_err("stopped");
        assert!(err.to_string().contains("stopped"), "{err}");
        let go = |_: usize, _: usize| ControlFlow::Continue(());
        let err = dispute_monte_carlo(&*store, "atlantis", &bdm, None, None, &params, &go)
            .expect_err("unknown");
        assert_eq!(err.kind(), ErrorKind::NotFound);

        // The same draws through the operation on a scenario the caller holds (a file, Python's
        // inline scenario), which checks the same limits.
        let built = scenario(&*store, "kuril-islands", Some(date), None).expect("scenario");
        let inline = scenario_monte_carlo(&bdm, &built.scenario, &params, &go).expect("draws");
        assert_eq!(inline, first);
        let none = MonteCarloParams { draws: 0, ..params };
        let err = scenario_monte_carlo(&bdm, &built.scenario, &none, &go).expect_err("0 draws");
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert!(err.to_string().contains("draws"), "{err}");
    }

    #[test]
    fn monte_carlo_options_out_of_range_are_invalid_arguments_naming_the_option() {
        let store = kuril();
        let bdm = model("bdm", None).expect("bdm");
        let go = |_: usize, _: usize| ControlFlow::Continue(());
        let ok = MonteCarloOptions {
            draws: 8,
            ..MonteCarloOptions::default()
        };
        for (options, field) in [
            (MonteCarloOptions { draws: 0, ..ok }, "draws"),
            (
                MonteCarloOptions {
                    draws: MONTE_CARLO.max_draws + 1,
                    ..ok
                },
                "draws",
            ),
            (
                MonteCarloOptions {
                    position_noise: Some(-0.1),
                    ..ok
                },
                "position_noise",
            ),
            (
                MonteCarloOptions {
                    salience_noise: Some(MONTE_CARLO.max_noise + 0.5),
                    ..ok
                },
                "salience_noise",
            ),
            (
                MonteCarloOptions {
                    capability_noise: Some(f64::NAN),
                    ..ok
                },
                "capability_noise",
            ),
            (
                MonteCarloOptions {
                    range: Some((7.0, 6.0)),
                    ..ok
                },
                "range",
            ),
        ] {
            let err = options.params().expect_err(field);
            assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{field}: {err}");
            assert!(err.to_string().contains(field), "{field}: {err}");
        }
        // The engine's one operation checks what it is given directly, too.
        let too_many = MonteCarloParams {
            draws: MONTE_CARLO.max_draws + 1,
            ..MonteCarloParams::default()
        };
        let err = dispute_monte_carlo(&*store, "kuril-islands", &bdm, None, None, &too_many, &go)
            .expect_err("too many draws");
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert_eq!(invalid_seed(-1).kind(), ErrorKind::InvalidArgument);
    }

    #[test]
    fn widths_set_are_checked_without_draws_and_unset_ones_pass() {
        let none = MonteCarloOptions::default();
        assert!(none.check_widths().is_ok(), "no draws, no widths");
        let in_range = MonteCarloOptions {
            position_noise: Some(MONTE_CARLO.max_noise),
            ..none
        };
        assert!(in_range.check_widths().is_ok());
        for (options, field) in [
            (
                MonteCarloOptions {
                    position_noise: Some(-0.1),
                    ..none
                },
                "position_noise",
            ),
            (
                MonteCarloOptions {
                    capability_noise: Some(f64::NAN),
                    ..none
                },
                "capability_noise",
            ),
            (
                MonteCarloOptions {
                    range: Some((40.0, 60.0)),
                    ..none
                },
                "range",
            ),
        ] {
            let err = options.check_widths().expect_err(field);
            assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{field}: {err}");
            assert!(err.to_string().contains(field), "{field}: {err}");
        }
    }

    #[test]
    fn noise_widths_reach_the_draws_and_default_to_the_table() {
        let store = kuril();
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let bdm = model("bdm", None).expect("bdm");
        let spread = |options: MonteCarloOptions| {
            let params = options.params().expect("params");
            kuril_draws(&*store, &bdm, date, &params)
                .result
                .distributions
                .iter()
                .map(|d| d.std_dev)
                .sum::<f64>()
        };
        let plain = MonteCarloOptions {
            draws: 32,
            seed: 3,
            ..MonteCarloOptions::default()
        };
        let still = MonteCarloOptions {
            position_noise: Some(0.0),
            salience_noise: Some(0.0),
            capability_noise: Some(0.0),
            ..plain
        };
        assert!(spread(plain) > 0.0, "the default noise moves the forecast");
        assert!(spread(still).abs() < 1e-12, "no noise, no spread");
        let defaults = plain.params().expect("params");
        assert_eq!(defaults.uncertainty, MONTE_CARLO.uncertainty);
        assert_eq!(defaults.uncertainty, Uncertainty::default());
    }

    #[test]
    fn unknown_disputes_and_models_have_their_kinds() {
        let store = kuril();
        let err = scenario(&*store, "atlantis", None, None).expect_err("unknown");
        assert_eq!(err.kind(), ErrorKind::NotFound);
        let err = model("oracle", None).expect_err("unknown model");
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    }
}
