//! Forecasting bindings: scenarios come in as JSON (built by `polemos/forecast.py` from DataFrames
//! or records), models run detached from the interpreter, results go back as dicts.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use polemos_core::forecast::{
    Distribution, Forecast, ForecastError, ModelKind, ModelSpec, MonteCarloParams,
    MonteCarloResult, Scenario, parse_scenario as parse,
};
use pyo3::prelude::*;
use serde::Serialize;

use crate::engine::{Engine, date_arg, to_py};
use crate::errors::Failure;

/// Reads a JSON argument into `T`, naming the argument and the field path when it does not fit.
pub fn json_arg<T: serde::de::DeserializeOwned>(field: &str, text: &str) -> Result<T, Failure> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let at = if path == "." {
            field.to_owned()
        } else {
            format!("{field}.{path}")
        };
        Failure::argument(at, e.inner().to_string())
    })
}

/// Runs one model on a scenario (both JSON); returns the forecast with its rounds and moves.
#[pyfunction]
pub fn forecast<'py>(py: Python<'py>, scenario: &str, spec: &str) -> PyResult<Bound<'py, PyAny>> {
    let scenario: Scenario = json_arg("scenario", scenario)?;
    let spec: ModelSpec = json_arg("model", spec)?;
    let result = py.detach(|| spec.run(&scenario).map_err(Failure::from))?;
    to_py(py, &result)
}

/// Runs `draw` (a Monte Carlo run of `total` draws, given its progress callback) on another
/// thread without the GIL. Ctrl-C (or any signal handler that raises) stops it between draws:
/// this thread, which Python delivers signals to, looks for a pending signal every 50 ms, and
/// then also calls `on_progress(done, total)` when the count moved.
fn interruptible<T: Send>(
    py: Python<'_>,
    total: usize,
    on_progress: Option<&Bound<'_, PyAny>>,
    draw: impl FnOnce(&(dyn Fn(usize, usize) -> ControlFlow<()> + Sync)) -> Result<T, Failure> + Send,
) -> PyResult<T> {
    let stop = AtomicBool::new(false);
    let done = AtomicUsize::new(0);
    let on_progress = on_progress.map(|f| f.clone().unbind());
    let mut interrupted: Option<PyErr> = None;
    let mut reported = 0;
    let result = py.detach(|| {
        std::thread::scope(|scope| {
            let (done_tx, finished) = std::sync::mpsc::channel();
            let (stop, done) = (&stop, &done);
            scope.spawn(move || {
                let result = draw(&|n, _| {
                    done.store(n, Ordering::Relaxed);
                    if stop.load(Ordering::Relaxed) {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                });
                let _ = done_tx.send(result);
            });
            loop {
                match finished.recv_timeout(Duration::from_millis(50)) {
                    Ok(result) => return result,
                    Err(RecvTimeoutError::Timeout) => {
                        if interrupted.is_some() {
                            continue;
                        }
                        let now = done.load(Ordering::Relaxed);
                        let checked = Python::attach(|py| {
                            py.check_signals()?;
                            if let Some(f) = &on_progress
                                && now != reported
                            {
                                f.call1(py, (now, total))?;
                            }
                            Ok::<_, PyErr>(())
                        });
                        reported = now;
                        if let Err(e) = checked {
                            interrupted = Some(e);
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                    // The worker ended without a result: it panicked, and the scope re-raises that.
                    Err(RecvTimeoutError::Disconnected) => {
                        return Err(Failure::from(ForecastError::Cancelled { done: 0, total }));
                    }
                }
            }
        })
    });
    // The signal's (or callback's) own exception, not the cancellation it caused.
    if let Some(e) = interrupted {
        return Err(e);
    }
    // The last draws can finish between two looks: a finished run reports its final count, so a
    // progress bar ends at its total.
    let now = done.load(Ordering::Relaxed);
    if let (Ok(_), Some(f)) = (&result, &on_progress)
        && now != reported
    {
        f.call1(py, (now, total))?;
    }
    Ok(result?)
}

/// Monte Carlo over perturbed copies of a scenario (JSON), on all cores, without the GIL;
/// Ctrl-C stops it between draws. The engine's one operation on a scenario
/// (`polemos_engine::forecast::scenario_monte_carlo`), with the arguments
/// [`monte_carlo_dispute`] takes (the same checks, the same words).
#[pyfunction]
#[pyo3(signature = (
    scenario, spec, draws, seed, *, position_noise=None, salience_noise=None,
    capability_noise=None, range=None, on_progress=None
))]
#[allow(clippy::too_many_arguments)] // Python's keyword arguments, one each.
pub fn monte_carlo<'py>(
    py: Python<'py>,
    scenario: &str,
    spec: &str,
    draws: &Bound<'py, PyAny>,
    seed: &Bound<'py, PyAny>,
    position_noise: Option<f64>,
    salience_noise: Option<f64>,
    capability_noise: Option<f64>,
    range: Option<(f64, f64)>,
    on_progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let params = monte_carlo_params(
        draws,
        seed,
        position_noise,
        salience_noise,
        capability_noise,
        range,
    )?;
    let scenario: Scenario = json_arg("scenario", scenario)?;
    let spec: ModelSpec = json_arg("model", spec)?;
    let result = interruptible(py, params.draws, on_progress, |progress| {
        Ok(polemos_engine::forecast::scenario_monte_carlo(
            &spec, &scenario, &params, progress,
        )?)
    })?;
    to_py(py, &MonteCarloSummary::of(&result))
}

/// What Python's Monte Carlo results hold (`polemos.forecast.MonteCarlo`): the run without
/// each draw's forecasts, which no Python caller gets; converting them into Python lists cost
/// more than the draws of a cheap model (docs/benchmarks.md, "Forecasting").
#[derive(Serialize)]
struct MonteCarloSummary<'a> {
    model: &'a ModelKind,
    params: &'a MonteCarloParams,
    baseline: &'a Forecast,
    distributions: &'a [Distribution],
}

impl<'a> MonteCarloSummary<'a> {
    fn of(run: &'a MonteCarloResult) -> Self {
        Self {
            model: &run.model,
            params: &run.params,
            baseline: &run.baseline,
            distributions: &run.distributions,
        }
    }
}

/// Python's Monte Carlo arguments as the engine's checked parameters: a draw count and seed the
/// engine's types cannot hold are its invalid-argument errors for them, and what
/// `MonteCarloOptions::params` refuses is refused here too.
fn monte_carlo_params(
    draws: &Bound<'_, PyAny>,
    seed: &Bound<'_, PyAny>,
    position_noise: Option<f64>,
    salience_noise: Option<f64>,
    capability_noise: Option<f64>,
    range: Option<(f64, f64)>,
) -> Result<MonteCarloParams, Failure> {
    use polemos_engine::forecast::{MonteCarloOptions, invalid_draws, invalid_seed};
    let options = MonteCarloOptions {
        draws: usize::try_from(whole(draws, invalid_draws)?)
            .map_err(|_| Failure::from(invalid_draws(draws)))?,
        seed: whole(seed, invalid_seed)?,
        position_noise,
        salience_noise,
        capability_noise,
        range,
    };
    Ok(options.params()?)
}

/// A Python int as a count or seed the engine's types hold; anything else (a negative or too
/// large number, a float, a string) is the engine's invalid-argument error for it, never a raw
/// `OverflowError` or `TypeError`.
fn whole(
    value: &Bound<'_, PyAny>,
    refuse: impl FnOnce(String) -> polemos_engine::Error,
) -> Result<u64, Failure> {
    let read = if value.is_instance_of::<pyo3::types::PyBool>() {
        None
    } else {
        value.extract::<u64>().ok()
    };
    read.ok_or_else(|| {
        let shown = value
            .repr()
            .map_or_else(|_| "?".to_owned(), |r| r.to_string());
        refuse(shown).into()
    })
}

/// Monte Carlo on a stored dispute: the engine's one operation
/// (`polemos_engine::forecast::dispute_monte_carlo`), as `polemos forecast --dispute
/// --monte-carlo` and the gRPC `Forecast` run it, with `draws` draws from `seed` and the noise
/// widths given (else the engine's defaults), all within the engine's limits, and with `range`
/// the share of draws in it; `on_progress(done, total)` is called as draws finish.
#[pyfunction]
#[pyo3(signature = (
    engine, dispute, spec, draws, seed, *, as_of=None, revision=None, position_noise=None,
    salience_noise=None, capability_noise=None, range=None, on_progress=None
))]
#[allow(clippy::too_many_arguments)] // Python's keyword arguments, one each.
pub fn monte_carlo_dispute<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
    spec: &str,
    draws: &Bound<'py, PyAny>,
    seed: &Bound<'py, PyAny>,
    as_of: Option<&Bound<'py, PyAny>>,
    revision: Option<u64>,
    position_noise: Option<f64>,
    salience_noise: Option<f64>,
    capability_noise: Option<f64>,
    range: Option<(f64, f64)>,
    on_progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let params = monte_carlo_params(
        draws,
        seed,
        position_noise,
        salience_noise,
        capability_noise,
        range,
    )?;
    let spec: ModelSpec = json_arg("model", spec)?;
    let as_of = date_arg("as_of", as_of)?;
    let store = engine.store();
    let run = interruptible(py, params.draws, on_progress, |progress| {
        Ok(polemos_engine::forecast::dispute_monte_carlo(
            store, dispute, &spec, as_of, revision, &params, progress,
        )?)
    })?;
    to_py(py, &MonteCarloSummary::of(&run.result))
}

/// Parses a scenario file's text (BDM CSV or KTAB CSV) into a scenario dict.
#[pyfunction]
pub fn parse_scenario<'py>(py: Python<'py>, name: &str, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let scenario = parse(name, text).map_err(Failure::from)?;
    to_py(py, &scenario)
}

/// Forecasts a stored dispute with `spec` (JSON: `{"model": "bdm", ...params}`): the engine
/// builds the scenario from the parties' consolidated stances as of `as_of` (default today) at
/// `revision`, as the CLI and the gRPC service do. Noise widths given are checked against the
/// engine's limits though no draws use them, and a `range` is refused without draws, as the
/// gRPC service does.
#[pyfunction]
#[pyo3(signature = (
    engine, dispute, spec, *, as_of=None, revision=None, position_noise=None,
    salience_noise=None, capability_noise=None, range=None,
))]
#[allow(clippy::too_many_arguments)] // Python's keyword arguments
pub fn forecast_dispute<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
    spec: &str,
    as_of: Option<&Bound<'py, PyAny>>,
    revision: Option<u64>,
    position_noise: Option<f64>,
    salience_noise: Option<f64>,
    capability_noise: Option<f64>,
    range: Option<(f64, f64)>,
) -> PyResult<Bound<'py, PyAny>> {
    polemos_engine::forecast::MonteCarloOptions {
        position_noise,
        salience_noise,
        capability_noise,
        range,
        ..Default::default()
    }
    .check_widths()
    .map_err(Failure::from)?;
    let spec: ModelSpec = json_arg("model", spec)?;
    let as_of = date_arg("as_of", as_of)?;
    let result = py.detach(|| -> Result<_, Failure> {
        Ok(polemos_engine::forecast::dispute(
            engine.store(),
            dispute,
            &spec,
            as_of,
            revision,
        )?)
    })?;
    to_py(py, &result)
}
