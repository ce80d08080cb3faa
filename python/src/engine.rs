//! `polemos._native.Engine`: one store (in memory or an SQLite file in the server's format) and
//! the core's operations on it. Every call that touches the store or computes runs detached from
//! the interpreter, so Python threads sharing an engine run in parallel.

use std::path::PathBuf;

use polemos_core::Record;
use polemos_store::Store;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Serialize;

use crate::errors::Failure;
use crate::query::{self, Filter};

/// An in-process polemos engine over one store.
#[pyclass(frozen, module = "polemos._native")]
pub struct Engine {
    store: Box<dyn Store>,
    location: String,
}

/// Serde data (core records, commit results) as Python dicts and lists.
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

/// A record as the dict of its entity, without the `{"actor": …}` wrapper of JSON Lines.
pub fn record_to_py<'py>(py: Python<'py>, record: &Record) -> PyResult<Bound<'py, PyAny>> {
    match record {
        Record::Actor(x) => to_py(py, x),
        Record::Dispute(x) => to_py(py, x),
        Record::Issue(x) => to_py(py, x),
        Record::Stance(x) => to_py(py, x),
        Record::Event(x) => to_py(py, x),
        Record::Document(x) => to_py(py, x),
    }
}

/// A date argument: `None`, `"YYYY-MM-DD"`, or anything with `isoformat()` (`datetime.date`,
/// `datetime.datetime`, `pandas.Timestamp`).
pub fn date_arg(
    field: &str,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<chrono::NaiveDate>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let text: String = match value.extract::<String>() {
        Ok(s) => s,
        Err(_) => match value.call_method0("isoformat") {
            Ok(iso) => iso.extract()?,
            Err(_) => {
                return Err(Failure::argument(
                    field,
                    format!(
                        "expected a date or a YYYY-MM-DD string, got {}",
                        value.get_type().name()?
                    ),
                )
                .into());
            }
        },
    };
    let day = text.get(..10).unwrap_or(&text);
    Ok(Some(query::parse_date(field, day)?))
}

impl Engine {
    /// The store, for code in this crate that adds operations (extraction, analytics).
    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    /// Opens a store location (`memory:` or an SQLite path) without Python.
    ///
    /// # Errors
    /// When the store cannot be opened.
    pub fn open(location: &str) -> Result<Self, Failure> {
        Ok(Self {
            store: polemos_store::open(location)?,
            location: location.to_owned(),
        })
    }
}

/// Parses a dossier and commits it all or nothing.
///
/// # Errors
/// Parse and validation errors naming the field; an empty dossier; store failures.
pub fn import_text(
    store: &dyn Store,
    text: &str,
    message: &str,
) -> Result<polemos_store::CommitResult, Failure> {
    Ok(polemos_engine::import(store, text, message)?)
}

/// A record of `kind` from the JSON text of its fields.
fn record_of(kind: &str, fields: &str) -> Result<Record, Failure> {
    let body: serde_json::Value =
        serde_json::from_str(fields).map_err(|e| Failure::argument("record", e.to_string()))?;
    let whole = serde_json::json!({ kind: body });
    serde_json::from_value(whole).map_err(|e| Failure::argument(kind, e.to_string()))
}

/// An etag as every interface writes it (`r12`); empty or None is unconditional.
fn etag_arg(etag: Option<&str>) -> Result<Option<u64>, Failure> {
    match etag.filter(|e| !e.is_empty()) {
        None => Ok(None),
        Some(e) => e
            .strip_prefix('r')
            .and_then(|n| n.parse().ok())
            .map(Some)
            .ok_or_else(|| Failure::argument("etag", format!("`{e}` is not an etag such as r12"))),
    }
}

#[pymethods]
impl Engine {
    /// Opens the store at `path` (an SQLite file, created if missing), or an in-memory store when
    /// `path` is None or `"memory:"`.
    #[new]
    #[pyo3(signature = (path=None))]
    fn new(py: Python<'_>, path: Option<PathBuf>) -> PyResult<Self> {
        // Opening an Engine on a path is how a notebook starts a store, so a missing file is
        // created (the CLI's read-only commands refuse instead).
        let location = match path {
            None => "memory:".to_owned(),
            Some(p) => p.to_string_lossy().into_owned(),
        };
        Ok(py.detach(|| Self::open(&location))?)
    }

    /// Where the store lives: `memory:` or the SQLite file path.
    #[getter]
    fn location(&self) -> &str {
        &self.location
    }

    /// The latest revision (0 for an empty store).
    fn head(&self, py: Python<'_>) -> PyResult<u64> {
        Ok(py.detach(|| self.store.head()).map_err(Failure::from)?)
    }

    /// Imports a dossier given as JSON or JSON Lines text, all of it or nothing; returns counts
    /// of created, updated, unchanged entities and the new revision.
    #[pyo3(signature = (text, message="import from Python"))]
    fn import_dossier<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        message: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let result = py.detach(|| import_text(&*self.store, text, message))?;
        to_py(py, &result)
    }

    /// The store (or one dispute and what it refers to) as dossier text, `json` or `jsonl`.
    #[pyo3(signature = (dispute=None, format="json", revision=None))]
    fn export(
        &self,
        py: Python<'_>,
        dispute: Option<String>,
        format: &str,
        revision: Option<u64>,
    ) -> PyResult<String> {
        if format != "json" && format != "jsonl" {
            return Err(Failure::argument(
                "format",
                format!("`{format}` is not a dossier format: expected json or jsonl"),
            )
            .into());
        }
        let text = py.detach(|| -> Result<String, Failure> {
            let dossier = polemos_engine::export(&*self.store, dispute.as_deref(), revision)?;
            Ok(if format == "json" {
                dossier.to_json() + "\n"
            } else {
                dossier.to_jsonl()
            })
        })?;
        Ok(text)
    }

    /// One collection (`actors`, `disputes`, `issues`, `stances`, `events`, `documents`) as
    /// dicts, narrowed by dispute, actor, issue, valid date and revision.
    #[pyo3(signature = (collection, *, dispute=None, actor=None, issue=None, as_of=None, revision=None))]
    #[allow(clippy::too_many_arguments)] // Mirrors the keyword arguments of the Python API.
    fn query<'py>(
        &self,
        py: Python<'py>,
        collection: &str,
        dispute: Option<String>,
        actor: Option<String>,
        issue: Option<String>,
        as_of: Option<&Bound<'py, PyAny>>,
        revision: Option<u64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let kind = query::kind_of(collection)?;
        let filter = Filter {
            dispute,
            actor,
            issue,
            as_of: date_arg("as_of", as_of)?,
            revision,
        };
        let dossier = py.detach(|| query::select(&*self.store, kind, &filter))?;
        use polemos_store::Kind;
        match kind {
            Kind::Actor => to_py(py, &dossier.actors),
            Kind::Dispute => to_py(py, &dossier.disputes),
            Kind::Issue => to_py(py, &dossier.issues),
            Kind::Stance => to_py(py, &dossier.stances),
            Kind::Event => to_py(py, &dossier.events),
            Kind::Document => to_py(py, &dossier.documents),
        }
    }

    /// One page of a collection, as `query` narrows it: at most `page_size` dicts (0: 50; at
    /// most 1000) after where `page_token` (from the previous page of the same query; "" for
    /// the first) says, and the next page's token ("" after the last). `polemos_engine::list_page`
    /// under the tokens of this store's location (or `POLEMOS_PAGE_TOKEN_SECRET`).
    #[pyo3(signature = (collection, *, page_size=0, page_token="", dispute=None, actor=None, issue=None, as_of=None, revision=None))]
    #[allow(clippy::too_many_arguments)] // Mirrors the keyword arguments of the Python API.
    fn page<'py>(
        &self,
        py: Python<'py>,
        collection: &str,
        page_size: i64,
        page_token: &str,
        dispute: Option<String>,
        actor: Option<String>,
        issue: Option<String>,
        as_of: Option<&Bound<'py, PyAny>>,
        revision: Option<u64>,
    ) -> PyResult<(Bound<'py, PyAny>, String)> {
        let kind = query::kind_of(collection)?;
        let filter = Filter {
            dispute,
            actor,
            issue,
            as_of: date_arg("as_of", as_of)?,
            revision,
        };
        let page = py.detach(|| -> Result<polemos_engine::Page, Failure> {
            let size = polemos_engine::page_size(page_size)?;
            let tokens = polemos_engine::page_tokens(Some(&self.location))?;
            Ok(polemos_engine::list_page(
                &*self.store,
                &tokens,
                kind,
                &filter,
                size,
                page_token,
            )?)
        })?;
        let items = pyo3::types::PyList::empty(py);
        for row in &page.items {
            items.append(record_to_py(py, &row.value)?)?;
        }
        Ok((items.into_any(), page.next_page_token))
    }

    /// One resource by its full name (`actors/JPN`), with the revision of its last change.
    /// Raises NotFoundError when there is none.
    #[pyo3(signature = (name, revision=None))]
    fn get<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        revision: Option<u64>,
    ) -> PyResult<(Bound<'py, PyAny>, u64)> {
        let found = py
            .detach(|| polemos_engine::get(&*self.store, name, revision))
            .map_err(Failure::from)?;
        Ok((record_to_py(py, &found.value)?, found.revision))
    }

    /// Creates one resource of `kind` from its record (JSON text, with its `name`); returns the
    /// stored record and its revision. Raises ConflictError when it exists.
    #[pyo3(signature = (kind, record, request_id=None))]
    fn create<'py>(
        &self,
        py: Python<'py>,
        kind: &str,
        record: &str,
        request_id: Option<&str>,
    ) -> PyResult<(Bound<'py, PyAny>, u64)> {
        let made = py.detach(|| -> Result<_, Failure> {
            let record = record_of(kind, record)?;
            Ok(polemos_engine::write::create(
                &*self.store,
                record,
                request_id,
                "python",
            )?)
        })?;
        Ok((record_to_py(py, &made.value)?, made.revision))
    }

    /// Updates the resource `name` with `changes` (JSON text of fields) as `mask` says (None:
    /// the fields given; `["*"]`: every writable field), based on `etag` (`r12`) when given.
    #[pyo3(signature = (name, changes, mask=None, etag=None))]
    fn update<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        changes: &str,
        mask: Option<Vec<String>>,
        etag: Option<&str>,
    ) -> PyResult<(Bound<'py, PyAny>, u64)> {
        let done = py.detach(|| -> Result<_, Failure> {
            let changes: serde_json::Map<String, serde_json::Value> = serde_json::from_str(changes)
                .map_err(|e| Failure::argument("changes", e.to_string()))?;
            let mask = polemos_engine::write::Mask::from_paths(mask);
            Ok(polemos_engine::write::update(
                &*self.store,
                name,
                &changes,
                &mask,
                etag_arg(etag)?,
                "python",
            )?)
        })?;
        Ok((record_to_py(py, &done.value)?, done.revision))
    }

    /// Deletes the resource `name`, only if still at `etag` (`r12`) when given; returns the
    /// revision of the delete.
    #[pyo3(signature = (name, etag=None))]
    fn delete(&self, py: Python<'_>, name: &str, etag: Option<&str>) -> PyResult<u64> {
        Ok(py.detach(|| -> Result<_, Failure> {
            Ok(polemos_engine::write::delete(
                &*self.store,
                name,
                etag_arg(etag)?,
                "python",
            )?)
        })?)
    }

    /// Changes committed after revision `after`, oldest first, that bear on `dispute` and
    /// `actor` when given (the engine's change feed, as the gRPC `WatchChanges` keeps them):
    /// dicts with `revision`, `committed_at`, `kind`, `name` and `record` (None for a delete).
    #[pyo3(signature = (after=0, limit=1000, dispute=None, actor=None))]
    fn changes<'py>(
        &self,
        py: Python<'py>,
        after: u64,
        limit: usize,
        dispute: Option<&str>,
        actor: Option<&str>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let filter =
            polemos_engine::changes::ChangeFilter::new(dispute, actor).map_err(Failure::from)?;
        let changes = py
            .detach(|| polemos_engine::changes::changes(&*self.store, after, &filter, limit))
            .map_err(Failure::from)?;
        changes
            .iter()
            .map(|c| &c.change)
            .map(|c| {
                let d = PyDict::new(py);
                d.set_item("revision", c.revision)?;
                d.set_item("committed_at", c.committed_at.to_rfc3339())?;
                d.set_item("kind", c.kind.as_str())?;
                d.set_item("name", &c.name)?;
                d.set_item(
                    "record",
                    c.record.as_ref().map(|r| record_to_py(py, r)).transpose()?,
                )?;
                Ok(d)
            })
            .collect()
    }

    fn __repr__(&self) -> String {
        format!("Engine({:?})", self.location)
    }
}
