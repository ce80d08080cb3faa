//! Forecasting bindings: scenarios come in as JSON (built by `polemos/forecast.py` from DataFrames
//! or records), models run detached from the interpreter, results go back as dicts.

use polemos_core::forecast::{
    ModelSpec, MonteCarloParams, Scenario, monte_carlo as run_mc, parse_scenario as parse,
};
use pyo3::prelude::*;

use crate::engine::to_py;
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

/// Monte Carlo over perturbed copies of a scenario, on all cores, without the GIL.
#[pyfunction]
pub fn monte_carlo<'py>(
    py: Python<'py>,
    scenario: &str,
    spec: &str,
    params: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let scenario: Scenario = json_arg("scenario", scenario)?;
    let spec: ModelSpec = json_arg("model", spec)?;
    let params: MonteCarloParams = json_arg("monte_carlo", params)?;
    let result = py.detach(|| {
        run_mc(&spec, &scenario, &params, &|_, _| {
            std::ops::ControlFlow::Continue(())
        })
        .map_err(Failure::from)
    })?;
    to_py(py, &result)
}

/// Parses a scenario file's text (BDM CSV or KTAB CSV) into a scenario dict.
#[pyfunction]
pub fn parse_scenario<'py>(py: Python<'py>, name: &str, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let scenario = parse(name, text).map_err(Failure::from)?;
    to_py(py, &scenario)
}
