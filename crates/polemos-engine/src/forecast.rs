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
    StanceInput,
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
/// Those of [`scenario`], no draws, a model that cannot run, and a run stopped by `progress`
/// (`Cancelled`).
pub fn dispute_monte_carlo(
    store: &dyn Store,
    dispute: &str,
    model: &ModelSpec,
    as_of: Option<NaiveDate>,
    revision: Option<Revision>,
    params: &MonteCarloParams,
    progress: &(dyn Fn(usize, usize) -> ControlFlow<()> + Sync),
) -> Result<DisputeMonteCarlo> {
    let built = scenario(store, dispute, as_of, revision)?;
    let result = polemos_core::forecast::monte_carlo(model, &built.scenario, params, progress)?;
    Ok(DisputeMonteCarlo {
        scenario: built,
        result,
    })
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
        let go = |_: usize, _: usize| ControlFlow::Continue(());
        let run = || {
            dispute_monte_carlo(
                &*store,
                "kuril-islands",
                &bdm,
                Some(date),
                None,
                &params,
                &go,
            )
            .expect("monte carlo")
            .result
        };
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
        let err = dispute_monte_carlo(&*store, "atlantis", &bdm, None, None, &params, &go)
            .expect_err("unknown");
        assert_eq!(err.kind(), ErrorKind::NotFound);
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
