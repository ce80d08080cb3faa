//! `extract_batch`: a corpus given as columns in, the facts of every article out as Arrow tables
//! (actors, events, stances, errors, and optionally the store records), one row per fact with
//! the input row it came from. Extraction and table building run without the GIL on every core;
//! the tables leave through the Arrow PyCapsule interface (`__arrow_c_stream__`), so pyarrow,
//! polars or duckdb read them without a copy. The Python layer (`polemos.batch`) reads the input
//! table and puts the caller's document ids on the rows.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{ArrayRef, RecordBatch, RecordBatchIterator};
use arrow_schema::{ArrowError, Field, Schema};
use chrono::NaiveDate;
use polemos_extract::{ArticleMeta, Extraction, convert};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyCapsule;
use rayon::prelude::*;

use crate::extract::extractor;

/// One result table: a single Arrow record batch.
#[pyclass(frozen, module = "polemos._native")]
pub struct FactTable {
    batch: RecordBatch,
}

#[pymethods]
impl FactTable {
    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        let schema = self.batch.schema();
        schema.fields().iter().map(|f| f.name().clone()).collect()
    }

    /// The Arrow PyCapsule stream interface: the batch as an `ArrowArrayStream` capsule, its
    /// buffers shared with the consumer. A `requested_schema` is not applied: each table's
    /// schema is fixed, and a consumer casts if it wants another.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader =
            RecordBatchIterator::new(std::iter::once(Ok(self.batch.clone())), self.batch.schema());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }
}

/// What became of one article.
enum Outcome {
    Done {
        x: Box<Extraction>,
        /// The store records (`kind`, `name`, JSON line), when asked for.
        records: Vec<(&'static str, String, String)>,
    },
    Failed(String),
}

/// Extracts every text on every core without the GIL and returns the tables `actors`, `events`,
/// `stances`, `errors` and, with `records=True`, `records` (the store records of each article as
/// `polemos import` reads them, one JSON line each), every row with `row`, the index of its
/// text. `published` holds one `YYYY-MM-DD` (or `None`) per text. A text that is missing, empty,
/// too large, or (for records) undated is a row of `errors`, not an exception.
#[pyfunction]
#[pyo3(signature = (texts, *, published = None, records = false))]
#[allow(clippy::type_complexity)] // The five tables, in the order the stub names them.
pub fn extract_batch(
    py: Python<'_>,
    texts: Vec<Option<PyBackedStr>>,
    published: Option<Vec<Option<String>>>,
    records: bool,
) -> PyResult<(
    FactTable,
    FactTable,
    FactTable,
    FactTable,
    Option<FactTable>,
)> {
    if let Some(p) = &published
        && p.len() != texts.len()
    {
        return Err(PyValueError::new_err(format!(
            "published has {} values for {} texts",
            p.len(),
            texts.len()
        )));
    }
    let ex = extractor()?;
    let tables = py.detach(|| -> Result<_, ArrowError> {
        let outcomes: Vec<Outcome> = texts
            .par_iter()
            .enumerate()
            .map(|(i, text)| {
                let day = published.as_ref().and_then(|p| p[i].as_deref());
                one(ex, text.as_deref(), day, records)
            })
            .collect();
        Ok((
            actors(&outcomes)?,
            events(&outcomes)?,
            stances(&outcomes)?,
            errors(&outcomes)?,
            if records {
                Some(record_table(&outcomes)?)
            } else {
                None
            },
        ))
    });
    let (a, e, s, err, r) = tables.map_err(|e| PyValueError::new_err(e.to_string()))?;
    let t = |batch| FactTable { batch };
    Ok((t(a), t(e), t(s), t(err), r.map(t)))
}

fn one(
    ex: &polemos_extract::Extractor,
    text: Option<&str>,
    published: Option<&str>,
    records: bool,
) -> Outcome {
    let Some(text) = text else {
        return Outcome::Failed("no text (null)".into());
    };
    let published = match published {
        None => None,
        Some(p) => match p
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        {
            Some(d) => Some(d),
            None => {
                return Outcome::Failed(format!("published: `{p}` is not a date YYYY-MM-DD"));
            }
        },
    };
    let meta = ArticleMeta {
        published,
        ..ArticleMeta::default()
    };
    // The engine's extraction, as `polemos.extract` and every other interface: an empty text
    // is refused alike.
    let x = match polemos_engine::extract::extract(ex, text.as_bytes(), &meta) {
        Ok(x) => x,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let mut out = Vec::new();
    if records {
        let dossier = match convert::to_dossier(ex.knowledge(), &x, &meta) {
            Ok(d) => d,
            Err(e) => return Outcome::Failed(e.to_string()),
        };
        for record in dossier.records() {
            let kind = polemos_store::Kind::of_record(&record).as_str();
            let name = polemos_store::record_name(&record).to_owned();
            match serde_json::to_string(&record) {
                Ok(line) => out.push((kind, name, line)),
                Err(e) => return Outcome::Failed(e.to_string()),
            }
        }
    }
    Outcome::Done {
        x: Box::new(x),
        records: out,
    }
}

/// The serde name of a unit enum value (`EventStatus::Planned` → `planned`).
fn name_of<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Columns filled row by row, then made one record batch.
#[derive(Default)]
struct Table {
    fields: Vec<Field>,
    arrays: Vec<ArrayRef>,
}

impl Table {
    fn add(&mut self, name: &str, array: ArrayRef) {
        self.fields
            .push(Field::new(name, array.data_type().clone(), true));
        self.arrays.push(array);
    }

    fn finish(self) -> Result<RecordBatch, ArrowError> {
        RecordBatch::try_new(Arc::new(Schema::new(self.fields)), self.arrays)
    }
}

fn strings<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    let mut b = StringBuilder::new();
    for v in values {
        b.append_option(v);
    }
    Arc::new(b.finish())
}

fn floats(values: impl Iterator<Item = f64>) -> ArrayRef {
    let mut b = Float64Builder::new();
    for v in values {
        b.append_value(v);
    }
    Arc::new(b.finish())
}

fn ints(values: impl Iterator<Item = i64>) -> ArrayRef {
    let mut b = Int64Builder::new();
    for v in values {
        b.append_value(v);
    }
    Arc::new(b.finish())
}

fn bools(values: impl Iterator<Item = bool>) -> ArrayRef {
    let mut b = BooleanBuilder::new();
    for v in values {
        b.append_value(v);
    }
    Arc::new(b.finish())
}

fn string_lists<'a, L: IntoIterator<Item = &'a str>>(values: impl Iterator<Item = L>) -> ArrayRef {
    let mut b = ListBuilder::new(StringBuilder::new());
    for list in values {
        for v in list {
            b.values().append_value(v);
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

fn dates(values: impl Iterator<Item = Option<NaiveDate>>) -> ArrayRef {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let mut b = Date32Builder::new();
    for v in values {
        b.append_option(v.and_then(|d| i32::try_from((d - epoch).num_days()).ok()));
    }
    Arc::new(b.finish())
}

/// Every fact of one kind with the index of its article.
fn facts<'a, T>(
    outcomes: &'a [Outcome],
    part: impl Fn(&'a Extraction) -> &'a [T],
) -> Vec<(i64, &'a T)> {
    outcomes
        .iter()
        .enumerate()
        .flat_map(|(i, o)| {
            let row = i64::try_from(i).unwrap_or(i64::MAX);
            let items: &[T] = match o {
                Outcome::Done { x, .. } => part(x),
                Outcome::Failed(_) => &[],
            };
            items.iter().map(move |f| (row, f))
        })
        .collect()
}

fn actors(outcomes: &[Outcome]) -> Result<RecordBatch, ArrowError> {
    let rows = facts(outcomes, |x| &x.actors);
    let kinds = rows.iter().map(|r| name_of(r.1.kind)).collect::<Vec<_>>();
    let mut t = Table::default();
    t.add("row", ints(rows.iter().map(|r| r.0)));
    t.add(
        "actor",
        strings(rows.iter().map(|r| Some(r.1.name.as_str()))),
    );
    t.add("kind", strings(kinds.iter().map(|s| Some(s.as_str()))));
    t.add(
        "display_name",
        strings(rows.iter().map(|r| Some(r.1.display_name.as_str()))),
    );
    t.add("role", strings(rows.iter().map(|r| r.1.role.as_deref())));
    t.add(
        "affiliation",
        strings(rows.iter().map(|r| r.1.affiliation.as_deref())),
    );
    t.add(
        "cited_as_source",
        bools(rows.iter().map(|r| r.1.cited_as_source)),
    );
    t.add("confidence", floats(rows.iter().map(|r| r.1.confidence)));
    t.add(
        "mentions",
        ints(
            rows.iter()
                .map(|r| i64::try_from(r.1.mentions.len()).unwrap_or(i64::MAX)),
        ),
    );
    t.finish()
}

fn events(outcomes: &[Outcome]) -> Result<RecordBatch, ArrowError> {
    let rows = facts(outcomes, |x| &x.events);
    let named = |f: &dyn Fn(&polemos_extract::output::EventFact) -> String| {
        rows.iter().map(|r| f(r.1)).collect::<Vec<_>>()
    };
    let status = named(&|e| name_of(e.status));
    let quad = named(&|e| name_of(e.quad_class));
    let precision = rows
        .iter()
        .map(|r| r.1.date.map(|d| name_of(d.precision)))
        .collect::<Vec<_>>();
    let mut t = Table::default();
    t.add("row", ints(rows.iter().map(|r| r.0)));
    t.add(
        "event_type",
        strings(rows.iter().map(|r| Some(r.1.event_type.as_str()))),
    );
    t.add(
        "mode",
        strings(rows.iter().map(|r| Some(r.1.mode.as_str()))),
    );
    t.add("quad_class", strings(quad.iter().map(|s| Some(s.as_str()))));
    t.add(
        "cameo",
        strings(rows.iter().map(|r| Some(r.1.cameo.as_str()))),
    );
    t.add("intensity", floats(rows.iter().map(|r| r.1.intensity)));
    t.add(
        "sources",
        string_lists(rows.iter().map(|r| r.1.sources.iter().map(String::as_str))),
    );
    t.add(
        "targets",
        string_lists(rows.iter().map(|r| r.1.targets.iter().map(String::as_str))),
    );
    t.add("status", strings(status.iter().map(|s| Some(s.as_str()))));
    t.add("negated", bools(rows.iter().map(|r| r.1.negated)));
    t.add("hedged", bools(rows.iter().map(|r| r.1.hedged)));
    t.add("date", dates(rows.iter().map(|r| r.1.date.map(|d| d.date))));
    t.add(
        "date_precision",
        strings(precision.iter().map(Option::as_deref)),
    );
    t.add(
        "location",
        strings(rows.iter().map(|r| r.1.location.as_deref())),
    );
    t.add(
        "dispute",
        strings(rows.iter().map(|r| r.1.dispute.as_deref())),
    );
    t.add(
        "issues",
        string_lists(rows.iter().map(|r| r.1.issues.iter().map(String::as_str))),
    );
    t.add("confidence", floats(rows.iter().map(|r| r.1.confidence)));
    t.add(
        "quote",
        strings(
            rows.iter()
                .map(|r| r.1.evidence.first().map(|e| e.quote.as_str())),
        ),
    );
    t.finish()
}

fn stances(outcomes: &[Outcome]) -> Result<RecordBatch, ArrowError> {
    let rows = facts(outcomes, |x| &x.stances);
    let labels = rows.iter().map(|r| name_of(r.1.label)).collect::<Vec<_>>();
    let mut t = Table::default();
    t.add("row", ints(rows.iter().map(|r| r.0)));
    t.add(
        "actor",
        strings(rows.iter().map(|r| Some(r.1.actor.as_str()))),
    );
    t.add(
        "issue",
        strings(rows.iter().map(|r| Some(r.1.issue.as_str()))),
    );
    t.add("label", strings(labels.iter().map(|s| Some(s.as_str()))));
    t.add("position", floats(rows.iter().map(|r| r.1.position)));
    t.add("salience", floats(rows.iter().map(|r| r.1.salience)));
    t.add("confidence", floats(rows.iter().map(|r| r.1.confidence)));
    t.add("hedged", bools(rows.iter().map(|r| r.1.hedged)));
    t.add("negated", bools(rows.iter().map(|r| r.1.negated)));
    t.add("proposal", bools(rows.iter().map(|r| r.1.proposal)));
    t.add(
        "conditions",
        string_lists(
            rows.iter()
                .map(|r| r.1.conditions.iter().map(|c| c.text.as_str())),
        ),
    );
    t.add(
        "quote",
        strings(
            rows.iter()
                .map(|r| r.1.evidence.first().map(|e| e.quote.as_str())),
        ),
    );
    t.finish()
}

fn errors(outcomes: &[Outcome]) -> Result<RecordBatch, ArrowError> {
    let rows: Vec<(i64, &str)> = outcomes
        .iter()
        .enumerate()
        .filter_map(|(i, o)| match o {
            Outcome::Failed(e) => Some((i64::try_from(i).unwrap_or(i64::MAX), e.as_str())),
            Outcome::Done { .. } => None,
        })
        .collect();
    let mut t = Table::default();
    t.add("row", ints(rows.iter().map(|r| r.0)));
    t.add("error", strings(rows.iter().map(|r| Some(r.1))));
    t.finish()
}

fn record_table(outcomes: &[Outcome]) -> Result<RecordBatch, ArrowError> {
    let rows: Vec<(i64, &(&str, String, String))> = outcomes
        .iter()
        .enumerate()
        .flat_map(|(i, o)| {
            let row = i64::try_from(i).unwrap_or(i64::MAX);
            let items: &[(&str, String, String)] = match o {
                Outcome::Done { records, .. } => records,
                Outcome::Failed(_) => &[],
            };
            items.iter().map(move |r| (row, r))
        })
        .collect();
    let mut t = Table::default();
    t.add("row", ints(rows.iter().map(|r| r.0)));
    t.add("kind", strings(rows.iter().map(|r| Some(r.1.0))));
    t.add("name", strings(rows.iter().map(|r| Some(r.1.1.as_str()))));
    t.add("record", strings(rows.iter().map(|r| Some(r.1.2.as_str()))));
    t.finish()
}
