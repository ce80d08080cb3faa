//! `polemos._native`: the Rust half of the `polemos` Python package. Thin bindings over
//! polemos-core and polemos-store; the Pythonic layer (resource objects, DataFrames, plots) lives
//! in `python/polemos/`. Errors become Python exceptions in one place, `errors.rs`.

pub mod analysis;
pub mod arrow;
pub mod batch;
pub mod curation;
pub mod engine;
pub mod errors;
pub mod extract;
pub mod forecast;
pub mod query;
pub mod syntax;

use pyo3::prelude::*;

/// Native core of the polemos package; use the `polemos` package rather than this module.
#[pymodule]
mod _native {
    #[pymodule_export]
    use crate::arrow::ArrowTable;
    #[pymodule_export]
    use crate::engine::Engine;
    #[pymodule_export]
    use crate::errors::{ConflictError, PolemosError, StorageError};

    /// The two exception classes with a built-in second base (see `errors.rs`).
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        let py = m.py();
        m.add("ValidationError", crate::errors::validation_error(py)?)?;
        m.add("NotFoundError", crate::errors::not_found_error(py)?)?;
        Ok(())
    }

    use super::pyfunction;
    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::analysis::{
        agreement, coalitions, current_stances, deadlocks, report, series, shifts,
    };
    #[pymodule_export]
    use crate::batch::{FactTable, extract_batch};
    #[pymodule_export]
    use crate::curation::{accept_dispute, merge_dispute, rename_dispute};
    #[pymodule_export]
    use crate::extract::{ExtractionResult, extract, extract_many, ingest};
    #[pymodule_export]
    use crate::forecast::{
        forecast, forecast_dispute, monte_carlo, monte_carlo_dispute, parse_scenario,
    };
    #[pymodule_export]
    use crate::syntax::parse;

    /// The SHA-256 of a text, as the store computes it for documents.
    #[pyfunction]
    fn content_hash(text: &str) -> String {
        polemos_core::content_hash(text)
    }

    /// PLOVER's quad class of each of the 16 event types, e.g. `{"AGREE": "verbal_cooperation"}`.
    #[pyfunction]
    fn plover_quad_classes() -> std::collections::BTreeMap<&'static str, &'static str> {
        polemos_core::PloverType::ALL
            .iter()
            .map(|t| (t.as_str(), t.quad_class().as_str()))
            .collect()
    }

    /// The engine's one table of analysis defaults (`half_life_days`, `conflict_gap`,
    /// `shift_threshold`, `max_distance`, `granularity`, `report_format`); the Python signatures
    /// must match it.
    #[pyfunction]
    fn analysis_defaults(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        let d = polemos_engine::analysis::DEFAULTS;
        crate::engine::to_py(
            py,
            &serde_json::json!({
                "half_life_days": d.half_life_days,
                "conflict_gap": d.conflict_gap,
                "shift_threshold": d.shift_threshold,
                "max_distance": d.max_distance,
                "granularity": d.granularity_word(),
                "report_format": d.report_format.word(),
            }),
        )
    }

    /// The engine's one table of Monte Carlo defaults and limits (`draws`, `max_draws`, `seed`,
    /// `max_seed`, `position_noise`, `salience_noise`, `capability_noise`, `max_noise`); the
    /// Python signatures and the Client's own checks must match it.
    #[pyfunction]
    fn monte_carlo_defaults(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        let d = polemos_engine::forecast::MONTE_CARLO;
        crate::engine::to_py(
            py,
            &serde_json::json!({
                "draws": d.draws,
                "max_draws": d.max_draws,
                "seed": d.seed,
                "max_seed": u64::MAX,
                "position_noise": d.uncertainty.position,
                "salience_noise": d.uncertainty.salience,
                "capability_noise": d.uncertainty.capability,
                "max_noise": d.max_noise,
            }),
        )
    }

    /// The version of the native core.
    #[pymodule_export]
    #[allow(non_upper_case_globals)] // Python's conventional name.
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
