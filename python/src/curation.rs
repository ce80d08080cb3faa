//! Curation bindings: accept, rename and merge the disputes ingest proposes, through
//! `polemos_engine::curation` (the operation, its validation and its errors are the engine's).

use polemos_engine::curation::{self, Curated};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::engine::{Engine, to_py};
use crate::errors::Failure;

fn out<'py>(py: Python<'py>, done: &Curated) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    d.set_item("dispute", to_py(py, &done.dispute)?)?;
    let issues: Vec<String> = done.issues.iter().map(ToString::to_string).collect();
    d.set_item("issues", issues)?;
    d.set_item("stances", done.stances)?;
    d.set_item("events", done.events)?;
    d.set_item("revision", done.revision)?;
    Ok(d.into_any())
}

/// Clears the `proposed` mark of a dispute and its issues.
#[pyfunction]
pub fn accept_dispute<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let done = py
        .detach(|| curation::accept(engine.store(), dispute))
        .map_err(Failure::from)?;
    out(py, &done)
}

/// Renames a dispute, retitles it, or both; its issues, stances and events move with it.
#[pyfunction]
#[pyo3(signature = (engine, dispute, new_name=None, title=None))]
pub fn rename_dispute<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
    new_name: Option<&str>,
    title: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let done = py
        .detach(|| curation::rename(engine.store(), dispute, new_name, title))
        .map_err(Failure::from)?;
    out(py, &done)
}

/// Merges a dispute into another.
#[pyfunction]
pub fn merge_dispute<'py>(
    py: Python<'py>,
    engine: &Engine,
    dispute: &str,
    into: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let done = py
        .detach(|| curation::merge(engine.store(), dispute, into))
        .map_err(Failure::from)?;
    out(py, &done)
}
