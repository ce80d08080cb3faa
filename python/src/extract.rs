//! Extraction bindings: news text in, actors, stances, events and disputes out, and ingest into
//! an engine's store. Texts are extracted detached from the interpreter, many at once in
//! parallel (rayon), so notebooks get the same throughput as the CLI.

use std::sync::OnceLock;

use chrono::NaiveDate;
use polemos_extract::{ArticleMeta, ExtractError, Extraction, Extractor};
use polemos_store::Store;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use rayon::prelude::*;
use serde::Serialize;

use crate::engine::{Engine, date_arg, to_py};
use crate::errors::Failure;

static DEFAULT: OnceLock<Result<Extractor, ExtractError>> = OnceLock::new();

/// The extractor, built once per process and shared by all threads: the built-in knowledge plus
/// the files named by `POLEMOS_DATA_DIR`, `POLEMOS_SYNTAX_MODEL` and `POLEMOS_LANGUAGE` when
/// first needed, as the CLI reads them (`polemos_extract::KnowledgeFiles`), so the same text
/// gives the same facts and confidences from Python as from `polemos ingest`.
///
/// # Errors
/// A named file that cannot be read or is malformed, or broken embedded data.
pub fn extractor() -> Result<&'static Extractor, Failure> {
    DEFAULT
        .get_or_init(|| polemos_extract::KnowledgeFiles::from_env().extractor())
        .as_ref()
        .map_err(|e| Failure::Extract(e.clone()))
}

fn meta(
    published: Option<NaiveDate>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
) -> ArticleMeta {
    ArticleMeta {
        published,
        title,
        outlet,
        url,
    }
}

/// Extracts many texts in parallel through the engine's extraction, keeping their order.
///
/// # Errors
/// The first text that cannot be extracted (empty, too large), named by its index.
pub fn extract_all(
    ex: &Extractor,
    texts: &[&str],
    meta: &ArticleMeta,
) -> Result<Vec<Extraction>, Failure> {
    texts
        .par_iter()
        .enumerate()
        .map(|(i, text)| {
            polemos_engine::extract::extract(ex, text.as_bytes(), meta)
                .map_err(|e| Failure::argument(format!("texts[{i}]"), e.to_string()))
        })
        .collect()
}

/// One article's extraction, kept in Rust: converting every fact to Python objects costs more
/// than extracting them, so the Python side converts only the parts it reads.
#[pyclass(frozen, module = "polemos._native")]
pub struct ExtractionResult {
    inner: Extraction,
}

#[pymethods]
impl ExtractionResult {
    /// The whole extraction as a dict (the shape of `polemos extract --json`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// One part: `document`, `actors`, `attributions`, `events`, `stances`, `disputes`,
    /// `proposed_issues`, `dates` or `boilerplate`.
    fn part<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let x = &self.inner;
        match name {
            "document" => to_py(py, &x.document),
            "actors" => to_py(py, &x.actors),
            "attributions" => to_py(py, &x.attributions),
            "events" => to_py(py, &x.events),
            "stances" => to_py(py, &x.stances),
            "disputes" => to_py(py, &x.disputes),
            "proposed_issues" => to_py(py, &x.proposed_issues),
            "dates" => to_py(py, &x.dates),
            "boilerplate" => to_py(py, &x.boilerplate),
            other => Err(Failure::argument(
                "name",
                format!("`{other}` is not a part of an extraction"),
            )
            .into()),
        }
    }

    /// How many actors, stances, events and disputes were found.
    fn counts(&self) -> (usize, usize, usize, usize) {
        let x = &self.inner;
        (
            x.actors.len(),
            x.stances.len(),
            x.events.len(),
            x.disputes.len(),
        )
    }

    /// The document's resource name (derived from its content hash).
    #[getter]
    fn document_name(&self) -> &str {
        &self.inner.document.name
    }
}

/// Extracts every fact of one article through the engine's extraction (as `polemos extract`
/// and the gRPC `Extract`). `published` (a date or `YYYY-MM-DD`) resolves relative dates
/// ("next week") and dates the stances.
#[pyfunction]
#[pyo3(signature = (text, *, published=None, title=None, outlet=None, url=None))]
pub fn extract<'py>(
    py: Python<'py>,
    text: &str,
    published: Option<&Bound<'py, PyAny>>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
) -> PyResult<ExtractionResult> {
    let meta = meta(date_arg("published", published)?, title, outlet, url);
    let ex = extractor()?;
    let inner = py
        .detach(|| polemos_engine::extract::extract(ex, text.as_bytes(), &meta))
        .map_err(Failure::from)?;
    Ok(ExtractionResult { inner })
}

/// Extracts many articles at once, in parallel on all cores, without the GIL.
#[pyfunction]
#[pyo3(signature = (texts, *, published=None))]
pub fn extract_many<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    published: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<ExtractionResult>> {
    let meta = meta(date_arg("published", published)?, None, None, None);
    let ex = extractor()?;
    let refs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    let all = py.detach(|| extract_all(ex, &refs, &meta))?;
    Ok(all
        .into_iter()
        .map(|inner| ExtractionResult { inner })
        .collect())
}

/// What ingesting one text did, as `polemos_engine::ingest` reports it.
#[derive(Debug, Serialize)]
pub struct Ingested {
    /// The stored document (empty for a failure).
    pub document: String,
    /// `stored`, `already stored` (a document with the same content was there) or `failed`.
    pub status: &'static str,
    pub created: usize,
    pub updated: usize,
    pub stances: usize,
    pub events: usize,
    pub revision: u64,
    /// For a failure: the engine's error kind (`invalid_argument`) and why.
    pub kind: Option<&'static str>,
    pub error: Option<String>,
}

fn ingested(
    store: &dyn Store,
    outcome: polemos_engine::ingest::Outcome,
) -> Result<Ingested, Failure> {
    use polemos_engine::ingest::Outcome;
    let status = outcome.status();
    Ok(match outcome {
        Outcome::Committed {
            document,
            created,
            stances,
            events,
            revision,
        } => Ingested {
            document,
            status,
            created,
            updated: 0,
            stances,
            events,
            revision,
            kind: None,
            error: None,
        },
        Outcome::Unchanged { document } => Ingested {
            document,
            status,
            created: 0,
            updated: 0,
            stances: 0,
            events: 0,
            revision: store.head()?,
            kind: None,
            error: None,
        },
        Outcome::Failed { error } => Ingested {
            document: String::new(),
            status,
            created: 0,
            updated: 0,
            stances: 0,
            events: 0,
            revision: store.head()?,
            kind: Some(error.kind().as_str()),
            error: Some(error.to_string()),
        },
    })
}

/// Extracts texts (in parallel) and stores their documents, actors, stances and events through
/// the engine's one ingest path: many documents a commit, idempotent by content hash, one result
/// per text. A text that fails is reported as `failed` with its error's kind; with `strict`, the
/// first failure is raised instead (for a single text).
#[pyfunction]
#[pyo3(signature = (engine, texts, *, published, title=None, outlet=None, url=None, strict=false))]
#[allow(clippy::too_many_arguments)]
pub fn ingest<'py>(
    py: Python<'py>,
    engine: &Engine,
    texts: Vec<PyBackedStr>,
    published: &Bound<'py, PyAny>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    strict: bool,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let Some(day) = date_arg("published", Some(published))? else {
        return Err(Failure::argument(
            "published",
            "ingest needs the publication date: stances and events are dated from it",
        )
        .into());
    };
    let meta = meta(Some(day), title, outlet, url);
    let ex = extractor()?;
    let refs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    let reports = py.detach(|| -> Result<Vec<Ingested>, Failure> {
        let store = engine.store();
        let jobs = polemos_extract::pipeline::available_jobs();
        let reports = polemos_engine::ingest::ingest_texts(
            store,
            ex,
            &refs,
            &meta,
            polemos_engine::ingest::IngestOptions::default(),
            jobs,
        );
        let mut out = Vec::with_capacity(reports.len());
        for r in reports {
            if strict && let polemos_engine::ingest::Outcome::Failed { error } = r.outcome {
                return Err(error.into());
            }
            out.push(ingested(store, r.outcome)?);
        }
        Ok(out)
    })?;
    reports.iter().map(|r| to_py(py, r)).collect()
}
