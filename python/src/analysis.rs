//! Analytics bindings: consolidated stances (the stance matrix), deadlocks, agreement, coalitions,
//! shifts, cooperation–conflict series and the dispute report, computed from an engine's store
//! snapshot as `polemos analyze` does, detached from the interpreter.

use chrono::NaiveDate;
use polemos_core::analysis::agreement::{agreement_matrix, polarization};
use polemos_core::analysis::asof::DocumentIndex;
use polemos_core::analysis::coalitions::coalitions as find_coalitions;
use polemos_core::analysis::consolidate::{ConsolidateOptions, ConsolidatedStance, consolidate};
use polemos_core::analysis::preconditions::{deadlocks as find_deadlocks, precondition_edges};
use polemos_core::analysis::report::{ReportOptions, build_report, html, markdown};
use polemos_core::analysis::series::{Granularity, SeriesOptions, pair_series};
use polemos_core::analysis::timeline::all_shifts;
use polemos_core::{Dispute, Dossier, Stance};
use polemos_store::View;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use polemos_engine::analysis::DEFAULTS;

use crate::engine::{Engine, date_arg, to_py};
use crate::errors::Failure;
use crate::query::dispute_name;

/// A dispute's snapshot and the options of one analysis call.
pub struct Context {
    pub dossier: Dossier,
    pub dispute: Dispute,
    pub as_of: NaiveDate,
    pub options: ConsolidateOptions,
}

impl Context {
    /// Reads the store (no date cut: the analyses apply "as of" themselves, never looking at
    /// evidence dated after it) and finds the dispute.
    ///
    /// # Errors
    /// Malformed or unknown dispute, store failures.
    pub fn load(
        engine: &Engine,
        dispute: &str,
        as_of: Option<NaiveDate>,
        revision: Option<u64>,
        options: ConsolidateOptions,
    ) -> Result<Self, Failure> {
        let name = dispute_name(dispute)?;
        let dossier = engine.store().snapshot(View {
            revision,
            as_of: None,
        })?;
        let dispute = dossier
            .disputes
            .iter()
            .find(|d| d.name == name)
            .cloned()
            .ok_or_else(|| {
                Failure::Store(polemos_store::StoreError::NotFound {
                    kind: "dispute",
                    name: name.to_string(),
                })
            })?;
        Ok(Self {
            dossier,
            dispute,
            as_of: as_of.unwrap_or_else(|| chrono::Utc::now().date_naive()),
            options,
        })
    }

    fn stances(&self) -> Vec<Stance> {
        self.dossier
            .stances
            .iter()
            .filter(|s| s.issue.dispute() == self.dispute.name)
            .cloned()
            .collect()
    }

    /// Every party's current stance on every issue of the dispute.
    ///
    /// # Errors
    /// Options out of range.
    pub fn current(&self) -> Result<Vec<ConsolidatedStance>, Failure> {
        let docs = DocumentIndex::new(&self.dossier.documents);
        Ok(
            consolidate(&self.stances(), &docs, self.as_of, &self.options)
                .map_err(polemos_core::Error::from)?,
        )
    }
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
    let out = py.detach(|| Context::load(engine, dispute, as_of, revision, opts)?.current())?;
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
        let ctx = Context::load(engine, dispute, as_of, revision, DEFAULTS.consolidation())?;
        Ok(find_deadlocks(&precondition_edges(&ctx.current()?)))
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
        let ctx = Context::load(engine, dispute, as_of, revision, DEFAULTS.consolidation())?;
        let current = ctx.current()?;
        let parties: Vec<_> = ctx
            .dispute
            .parties
            .iter()
            .map(|p| p.actor.clone())
            .collect();
        Ok((agreement_matrix(&current, &parties), polarization(&current)))
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
    let out = py.detach(|| -> Result<_, Failure> {
        let ctx = Context::load(engine, dispute, as_of, revision, DEFAULTS.consolidation())?;
        let current = ctx.current()?;
        let parties: Vec<_> = ctx
            .dispute
            .parties
            .iter()
            .map(|p| p.actor.clone())
            .collect();
        let m = agreement_matrix(&current, &parties);
        Ok(
            find_coalitions(&m, max_distance.unwrap_or(DEFAULTS.max_distance))
                .map_err(polemos_core::Error::from)?,
        )
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
        let ctx = Context::load(engine, dispute, as_of, revision, DEFAULTS.consolidation())?;
        let docs = DocumentIndex::new(&ctx.dossier.documents);
        Ok(all_shifts(
            &ctx.stances(),
            &docs,
            ctx.as_of,
            &ctx.options,
            threshold.unwrap_or(DEFAULTS.shift_threshold),
        )
        .map_err(polemos_core::Error::from)?)
    })?;
    to_py(py, &out)
}

/// Cooperation–conflict counts per actor pair and period (`day`, `week` or `month`), with trend.
#[pyfunction]
#[pyo3(signature = (engine, dispute, *, as_of=None, revision=None, granularity=None, roll_up=true))]
pub fn series<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
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
        let ctx = Context::load(engine, dispute, as_of, revision, DEFAULTS.consolidation())?;
        let docs = DocumentIndex::new(&ctx.dossier.documents);
        let events = ctx.dossier.for_dispute(&ctx.dispute.name).events;
        let options = SeriesOptions {
            granularity,
            roll_up,
        };
        Ok(pair_series(
            &events,
            &ctx.dossier.actors,
            &docs,
            ctx.as_of,
            options,
        ))
    })?;
    to_py(py, &out)
}

/// The dispute report as `html` (self-contained page), `markdown` or `json` text.
#[pyfunction]
#[pyo3(signature = (engine, dispute, *, as_of=None, revision=None, format="html"))]
pub fn report(
    py: Python<'_>,
    engine: &Engine,
    dispute: &str,
    as_of: Option<&Bound<'_, PyAny>>,
    revision: Option<u64>,
    format: &str,
) -> PyResult<String> {
    let as_of = date_arg("as_of", as_of)?;
    if !matches!(format, "html" | "markdown" | "json") {
        return Err(Failure::argument(
            "format",
            format!("`{format}` is not one of html, markdown, json"),
        )
        .into());
    }
    let text = py.detach(|| -> Result<String, Failure> {
        let ctx = Context::load(engine, dispute, as_of, revision, DEFAULTS.consolidation())?;
        let report = build_report(
            &ctx.dossier,
            &ctx.dispute.name,
            ctx.as_of,
            &ReportOptions::default(),
        )
        .map_err(polemos_core::Error::from)?;
        Ok(match format {
            "html" => html::render(&report),
            "markdown" => markdown::render(&report),
            _ => serde_json::to_string_pretty(&report).unwrap_or_default(),
        })
    })?;
    Ok(text)
}
