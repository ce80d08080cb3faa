//! Analytics bindings: consolidated stances (the stance matrix), deadlocks, agreement, coalitions,
//! shifts, cooperation–conflict series and the dispute report, computed from an engine's store
//! snapshot as `polemos analyze` does, detached from the interpreter.

use chrono::NaiveDate;
use polemos_core::Dossier;
use polemos_core::analysis::consolidate::ConsolidateOptions;
use polemos_core::analysis::series::Granularity;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use polemos_engine::analysis::{DEFAULTS, Scope, series_options};
use polemos_engine::report as engine_report;

use crate::engine::{Engine, date_arg, to_py};
use crate::errors::Failure;

/// The dispute's snapshot at `revision` (the engine checks the dispute and the revision).
fn snapshot(engine: &Engine, dispute: &str, revision: Option<u64>) -> Result<Dossier, Failure> {
    Ok(polemos_engine::analysis::snapshot(
        engine.store(),
        dispute,
        revision,
    )?)
}

/// The engine's analysis scope of `dispute` in `dossier` on `as_of`.
fn scope<'a>(
    dossier: &'a Dossier,
    dispute: &str,
    as_of: Option<NaiveDate>,
) -> Result<Scope<'a>, Failure> {
    Ok(Scope::new(dossier, dispute, as_of)?)
}

/// Consolidation options; `None` takes the engine's default (`polemos_engine::analysis`).
fn options(half_life_days: Option<f64>, conflict_gap: Option<f64>) -> ConsolidateOptions {
    ConsolidateOptions {
        half_life_days: half_life_days.unwrap_or(DEFAULTS.half_life_days),
        conflict_gap: conflict_gap.unwrap_or(DEFAULTS.conflict_gap),
    }
}

/// Each actor's current stance on each issue, consolidated from all evidence known on `as_of`.
#[pyfunction]
#[pyo3(signature = (engine, dispute, *, as_of=None, revision=None, half_life_days=None, conflict_gap=None))]
pub fn current_stances<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
    as_of: Option<&Bound<'py, PyAny>>,
    revision: Option<u64>,
    half_life_days: Option<f64>,
    conflict_gap: Option<f64>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = date_arg("as_of", as_of)?;
    let opts = options(half_life_days, conflict_gap);
    let out = py.detach(|| -> Result<_, Failure> {
        let d = snapshot(engine, dispute, revision)?;
        Ok(scope(&d, dispute, as_of)?.current(&opts)?)
    })?;
    to_py(py, &out)
}

/// Cycles of preconditions ("A first" against "B first") that lock issues together.
#[pyfunction]
#[pyo3(signature = (engine, dispute, *, as_of=None, revision=None))]
pub fn deadlocks<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
    as_of: Option<&Bound<'py, PyAny>>,
    revision: Option<u64>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = date_arg("as_of", as_of)?;
    let out = py.detach(|| -> Result<_, Failure> {
        let d = snapshot(engine, dispute, revision)?;
        Ok(scope(&d, dispute, as_of)?.deadlocks(&DEFAULTS.consolidation())?)
    })?;
    to_py(py, &out)
}

/// Pairwise agreement between the parties and the polarization of each issue.
#[pyfunction]
#[pyo3(signature = (engine, dispute, *, as_of=None, revision=None))]
pub fn agreement<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
    as_of: Option<&Bound<'py, PyAny>>,
    revision: Option<u64>,
) -> PyResult<Bound<'py, PyDict>> {
    let as_of = date_arg("as_of", as_of)?;
    let (m, p) = py.detach(|| -> Result<_, Failure> {
        let d = snapshot(engine, dispute, revision)?;
        Ok(scope(&d, dispute, as_of)?.agreement(&DEFAULTS.consolidation())?)
    })?;
    let out = PyDict::new(py);
    out.set_item("agreement", to_py(py, &m)?)?;
    out.set_item("polarization", to_py(py, &p)?)?;
    Ok(out)
}

/// Groups of parties that agree, merged while their average distance is at most `max_distance`.
#[pyfunction]
#[pyo3(signature = (engine, dispute, *, as_of=None, revision=None, max_distance=None))]
pub fn coalitions<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
    as_of: Option<&Bound<'py, PyAny>>,
    revision: Option<u64>,
    max_distance: Option<f64>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = date_arg("as_of", as_of)?;
    // The engine's one check, before anything is read, as the CLI and gRPC make it.
    let max_distance =
        polemos_engine::analysis::max_distance(max_distance).map_err(Failure::from)?;
    let out = py.detach(|| -> Result<_, Failure> {
        let d = snapshot(engine, dispute, revision)?;
        Ok(scope(&d, dispute, as_of)?.coalitions(&DEFAULTS.consolidation(), Some(max_distance))?)
    })?;
    to_py(py, &out)
}

/// Changes of position larger than `threshold` points, with the evidence before and after.
#[pyfunction]
#[pyo3(signature = (engine, dispute, *, as_of=None, revision=None, threshold=None))]
pub fn shifts<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
    as_of: Option<&Bound<'py, PyAny>>,
    revision: Option<u64>,
    threshold: Option<f64>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = date_arg("as_of", as_of)?;
    let out = py.detach(|| -> Result<_, Failure> {
        let d = snapshot(engine, dispute, revision)?;
        Ok(scope(&d, dispute, as_of)?.shifts(&DEFAULTS.consolidation(), threshold, None, None)?)
    })?;
    to_py(py, &out)
}

/// Cooperation–conflict counts per actor pair and period (`day`, `week` or `month`), with trend:
/// of one dispute, or without one of every event of the store (the engine's `store_series`, as
/// `polemos analyze series` without `--dispute` and the gRPC service without a dispute).
#[pyfunction]
#[pyo3(signature = (engine, dispute=None, *, as_of=None, revision=None, granularity=None, roll_up=true))]
pub fn series<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: Option<&str>,
    as_of: Option<&Bound<'py, PyAny>>,
    revision: Option<u64>,
    granularity: Option<&str>,
    roll_up: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = date_arg("as_of", as_of)?;
    let granularity = match granularity.unwrap_or(DEFAULTS.granularity_word()) {
        "day" => Granularity::Day,
        "week" => Granularity::Week,
        "month" => Granularity::Month,
        other => {
            return Err(Failure::argument(
                "granularity",
                format!("`{other}` is not one of day, week, month"),
            )
            .into());
        }
    };
    let out = py.detach(|| -> Result<_, Failure> {
        let options = series_options(Some(granularity), roll_up);
        let Some(dispute) = dispute else {
            return Ok(polemos_engine::analysis::store_series(
                engine.store(),
                revision,
                as_of,
                options,
                polemos_engine::analysis::Pairs::default(),
            )?);
        };
        let d = snapshot(engine, dispute, revision)?;
        Ok(scope(&d, dispute, as_of)?.series(options, None, None, None))
    })?;
    to_py(py, &out)
}

/// The dispute report as `html` (self-contained page), `markdown` or `json` text.
#[pyfunction]
#[pyo3(signature = (engine, dispute, *, as_of=None, revision=None, format=None))]
pub fn report(
    py: Python<'_>,
    engine: &Engine,
    dispute: &str,
    as_of: Option<&Bound<'_, PyAny>>,
    revision: Option<u64>,
    format: Option<&str>,
) -> PyResult<String> {
    let as_of = date_arg("as_of", as_of)?;
    // No format: the engine's default, as `polemos report` and gRPC take it.
    let format: engine_report::Format = match format {
        Some(word) => word.parse().map_err(Failure::from)?,
        None => engine_report::Format::default(),
    };
    let text = py.detach(|| -> Result<String, Failure> {
        let found = engine_report::report(engine.store(), dispute, as_of, revision)?;
        Ok(engine_report::render(&found, format))
    })?;
    Ok(text)
}
