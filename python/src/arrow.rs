//! Result tables as Arrow. The Python layer declares one fixed schema per result type (so an
//! empty result keeps its columns and types, and dates are dates); this module builds the rows
//! into one Arrow record batch with that schema and hands it out through the Arrow PyCapsule
//! interface (`__arrow_c_stream__`), which polars, duckdb and pyarrow import without copying.
//!
//! Only `arrow-array`'s `ffi` feature is used: the capsule is pyo3's own `PyCapsule`, so no
//! second pyo3 (`arrow-pyarrow` pins another minor) and no cast kernels (`pyo3-arrow`) are built.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{ArrayRef, RecordBatch, RecordBatchIterator, RecordBatchOptions};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};

/// The column types a result table may declare, by their names in the Python schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Str,
    Float,
    Int,
    Bool,
    Date,
    StrList,
}

impl Kind {
    fn parse(name: &str) -> PyResult<Self> {
        Ok(match name {
            "str" => Self::Str,
            "float" => Self::Float,
            "int" => Self::Int,
            "bool" => Self::Bool,
            "date" => Self::Date,
            "list[str]" => Self::StrList,
            other => {
                return Err(PyValueError::new_err(format!(
                    "column type `{other}` is not one of str, float, int, bool, date, list[str]"
                )));
            }
        })
    }

    fn data_type(self) -> DataType {
        match self {
            Self::Str => DataType::Utf8,
            Self::Float => DataType::Float64,
            Self::Int => DataType::Int64,
            Self::Bool => DataType::Boolean,
            Self::Date => DataType::Date32,
            Self::StrList => DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))),
        }
    }
}

/// One result table in Arrow form: a single record batch with the declared schema.
#[pyclass(frozen, module = "polemos._native")]
pub struct ArrowTable {
    batch: RecordBatch,
}

#[pymethods]
impl ArrowTable {
    /// Builds the table from `columns` (name, type) and `rows` (dicts; a missing key or `None`
    /// is null). A value of the wrong type is a `TypeError` naming its row and column.
    #[new]
    fn new(columns: Vec<(String, String)>, rows: Vec<Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut fields = Vec::with_capacity(columns.len());
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(columns.len());
        for (name, kind) in &columns {
            let kind = Kind::parse(kind)?;
            let values = rows
                .iter()
                .map(|row| row.get_item(name))
                .collect::<PyResult<Vec<_>>>()?;
            arrays.push(column(name, kind, &values)?);
            fields.push(Field::new(name, kind.data_type(), true));
        }
        let schema: SchemaRef = Arc::new(Schema::new(fields));
        // The row count is given so a table without columns still knows its length.
        let options = RecordBatchOptions::new().with_row_count(Some(rows.len()));
        let batch = RecordBatch::try_new_with_options(schema, arrays, &options)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Self { batch })
    }

    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// The Arrow PyCapsule stream interface: the batch as an `ArrowArrayStream` capsule. The
    /// arrays are shared with the consumer, not copied. A `requested_schema` is not applied: the
    /// schema is fixed per result type, and the consumer casts if it wants another.
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

/// One column's values as an Arrow array of `kind`.
fn column<'py>(name: &str, kind: Kind, values: &[Option<Bound<'py, PyAny>>]) -> PyResult<ArrayRef> {
    // A missing key and `None` are both null.
    let present = |v: &Option<Bound<'py, PyAny>>| v.as_ref().filter(|v| !v.is_none()).cloned();
    let wrong = |row: usize, v: &Bound<'_, PyAny>, what: &str| {
        let type_name = v
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        PyTypeError::new_err(format!(
            "row {row}, column `{name}`: expected {what}, got {type_name}"
        ))
    };
    Ok(match kind {
        Kind::Str => {
            let mut b = StringBuilder::new();
            for (row, v) in values.iter().enumerate() {
                match present(v) {
                    None => b.append_null(),
                    Some(v) => b.append_value(
                        v.extract::<String>()
                            .map_err(|_| wrong(row, &v, "a string"))?,
                    ),
                }
            }
            Arc::new(b.finish())
        }
        Kind::Float => {
            let mut b = Float64Builder::new();
            for (row, v) in values.iter().enumerate() {
                match present(v) {
                    None => b.append_null(),
                    Some(v) => {
                        b.append_value(v.extract::<f64>().map_err(|_| wrong(row, &v, "a number"))?);
                    }
                }
            }
            Arc::new(b.finish())
        }
        Kind::Int => {
            let mut b = Int64Builder::new();
            for (row, v) in values.iter().enumerate() {
                match present(v) {
                    None => b.append_null(),
                    Some(v) => b.append_value(
                        v.extract::<i64>()
                            .map_err(|_| wrong(row, &v, "an integer"))?,
                    ),
                }
            }
            Arc::new(b.finish())
        }
        Kind::Bool => {
            let mut b = BooleanBuilder::new();
            for (row, v) in values.iter().enumerate() {
                match present(v) {
                    None => b.append_null(),
                    Some(v) => {
                        b.append_value(v.extract::<bool>().map_err(|_| wrong(row, &v, "a bool"))?);
                    }
                }
            }
            Arc::new(b.finish())
        }
        Kind::Date => {
            let mut b = Date32Builder::new();
            for (row, v) in values.iter().enumerate() {
                match present(v) {
                    None => b.append_null(),
                    Some(v) => b.append_value(days(&v).ok_or_else(|| wrong(row, &v, "a date"))?),
                }
            }
            Arc::new(b.finish())
        }
        Kind::StrList => {
            let mut b = ListBuilder::new(StringBuilder::new());
            for (row, v) in values.iter().enumerate() {
                match present(v) {
                    None => b.append_null(),
                    Some(v) => {
                        let items = v
                            .extract::<Vec<String>>()
                            .map_err(|_| wrong(row, &v, "a list of strings"))?;
                        for item in items {
                            b.values().append_value(item);
                        }
                        b.append(true);
                    }
                }
            }
            Arc::new(b.finish())
        }
    })
}

/// Days since 1970-01-01 of a `datetime.date`, a `datetime.datetime` (its date) or a
/// `YYYY-MM-DD` string.
fn days(value: &Bound<'_, PyAny>) -> Option<i32> {
    let text: String = if let Ok(s) = value.extract::<String>() {
        s
    } else {
        value.call_method0("isoformat").ok()?.extract().ok()?
    };
    let date = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((date - epoch).num_days()).ok()
}
