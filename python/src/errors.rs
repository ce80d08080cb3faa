//! The Python exception classes and the one place where every error of the core and the store
//! becomes one of them, so a notebook can `except polemos.NotFoundError` whatever layer failed.

use polemos_core::{NameError, ValidationErrors};
use polemos_extract::ExtractError;
use polemos_store::StoreError;
use pyo3::exceptions::{PyException, PyLookupError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

pyo3::create_exception!(
    polemos,
    PolemosError,
    PyException,
    "Base class of every error polemos raises."
);

// `ValidationError` is also a `ValueError` and `NotFoundError` a `LookupError`, so code that
// catches Python's own errors catches polemos's too. `create_exception!` takes one base, so these
// two classes are made once by calling `type(name, (PolemosError, builtin), …)`.
static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static NOT_FOUND_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn with_builtin_base<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
    builtin: Bound<'py, PyType>,
    doc: &str,
) -> PyResult<Bound<'py, PyType>> {
    let class = cell.get_or_try_init(py, || -> PyResult<Py<PyType>> {
        let bases = PyTuple::new(py, [py.get_type::<PolemosError>(), builtin])?;
        let namespace = PyDict::new(py);
        namespace.set_item("__module__", "polemos")?;
        namespace.set_item("__doc__", doc)?;
        let made = py.get_type::<PyType>().call1((name, bases, namespace))?;
        Ok(made.cast_into::<PyType>()?.unbind())
    })?;
    Ok(class.bind(py).clone())
}

/// `polemos.ValidationError(PolemosError, ValueError)`.
///
/// # Errors
/// Only if Python cannot make the class.
pub fn validation_error(py: Python<'_>) -> PyResult<Bound<'_, PyType>> {
    with_builtin_base(
        py,
        &VALIDATION_ERROR,
        "ValidationError",
        py.get_type::<PyValueError>(),
        "Input that breaks a rule of the model; `.violations` lists (field path, rule) pairs.",
    )
}

/// `polemos.NotFoundError(PolemosError, LookupError)`.
///
/// # Errors
/// Only if Python cannot make the class.
pub fn not_found_error(py: Python<'_>) -> PyResult<Bound<'_, PyType>> {
    with_builtin_base(
        py,
        &NOT_FOUND_ERROR,
        "NotFoundError",
        py.get_type::<PyLookupError>(),
        "A named resource does not exist.",
    )
}
pyo3::create_exception!(
    polemos,
    ConflictError,
    PolemosError,
    "A write clashed with the stored state: it already exists, changed meanwhile, or is in use."
);
pyo3::create_exception!(
    polemos,
    StorageError,
    PolemosError,
    "The store failed: I/O, a damaged or too-new database, or an unsupported location."
);

/// Everything the bindings can fail with, before it becomes a Python exception.
#[derive(Debug)]
pub enum Failure {
    Core(polemos_core::Error),
    Store(StoreError),
    /// A text the extractor refuses (not UTF-8, too large) or a knowledge file it cannot read.
    Extract(ExtractError),
    /// An argument the bindings themselves reject, naming the parameter.
    Argument {
        field: String,
        message: String,
    },
}

impl Failure {
    pub fn argument(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Argument {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl From<polemos_core::Error> for Failure {
    fn from(e: polemos_core::Error) -> Self {
        Self::Core(e)
    }
}

impl From<polemos_engine::Error> for Failure {
    fn from(e: polemos_engine::Error) -> Self {
        match e {
            polemos_engine::Error::Core(e) => Self::Core(e),
            polemos_engine::Error::Store(e) => Self::Store(e),
            polemos_engine::Error::Extract(e) => Self::Extract(e),
        }
    }
}

impl Failure {
    /// The engine's kind of this failure, the word every interface reports (`not_found`).
    #[must_use]
    pub fn kind(&self) -> polemos_engine::ErrorKind {
        use polemos_engine::error::{core_kind, extract_kind, store_kind};
        match self {
            Self::Core(e) => core_kind(e),
            Self::Store(e) => store_kind(e),
            Self::Extract(e) => extract_kind(e),
            Self::Argument { .. } => polemos_engine::ErrorKind::InvalidArgument,
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

impl From<polemos_core::forecast::ForecastError> for Failure {
    fn from(e: polemos_core::forecast::ForecastError) -> Self {
        Self::Core(e.into())
    }
}

impl From<ValidationErrors> for Failure {
    fn from(e: ValidationErrors) -> Self {
        Self::Core(polemos_core::Error::Invalid(e))
    }
}

impl From<NameError> for Failure {
    fn from(e: NameError) -> Self {
        Self::Argument {
            field: "name".into(),
            message: e.to_string(),
        }
    }
}

/// The exception class of each failure, and the (path, rule) pairs a validation error carries.
/// This match is the whole mapping: a new error variant fails to compile until it is placed.
fn classify(f: &Failure) -> (Class, Vec<(String, String)>) {
    use polemos_core::Error as E;
    match f {
        Failure::Core(E::Parse { path, message, .. }) => {
            (Class::Validation, vec![(path.clone(), message.clone())])
        }
        Failure::Core(E::Invalid(v)) | Failure::Store(StoreError::Invalid(v)) => (
            Class::Validation,
            v.0.iter()
                .map(|x| (x.path.clone(), x.rule.clone()))
                .collect(),
        ),
        Failure::Core(E::InvalidArgument { field, message })
        | Failure::Argument { field, message } => {
            (Class::Validation, vec![(field.clone(), message.clone())])
        }
        Failure::Extract(
            e @ (ExtractError::InvalidUtf8 { .. } | ExtractError::TooLarge { .. }),
        ) => (Class::Validation, vec![("text".to_owned(), e.to_string())]),
        Failure::Extract(ExtractError::Data {
            file,
            line,
            message,
        }) => (
            Class::Validation,
            vec![(format!("{file}:{line}"), message.clone())],
        ),
        Failure::Extract(ExtractError::File { path, message }) => {
            (Class::Validation, vec![(path.clone(), message.clone())])
        }
        Failure::Store(StoreError::InvalidArgument { field, reason }) => (
            Class::Validation,
            vec![((*field).to_owned(), reason.clone())],
        ),
        Failure::Store(StoreError::BadName { name, reason }) => {
            (Class::Validation, vec![(name.clone(), reason.clone())])
        }
        Failure::Core(E::NotFound { .. }) | Failure::Store(StoreError::NotFound { .. }) => {
            (Class::NotFound, Vec::new())
        }
        Failure::Core(E::Cancelled { .. }) => (Class::Cancelled, Vec::new()),
        Failure::Store(
            StoreError::AlreadyExists { .. }
            | StoreError::Conflict { .. }
            | StoreError::InUse { .. },
        ) => (Class::Conflict, Vec::new()),
        Failure::Store(
            StoreError::Corrupt { .. }
            | StoreError::SchemaTooNew { .. }
            | StoreError::Unsupported { .. }
            | StoreError::Backend(_),
        ) => (Class::Store, Vec::new()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Validation,
    NotFound,
    Conflict,
    Store,
    /// A computation asked to stop; no narrower class fits, so the base class.
    Cancelled,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Core(e) => write!(f, "{e}"),
            Self::Store(e) => write!(f, "{e}"),
            Self::Extract(e) => write!(f, "{e}"),
            Self::Argument { field, message } => write!(f, "invalid argument `{field}`: {message}"),
        }
    }
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> Self {
        let (class, violations) = classify(&f);
        let kind = f.kind().as_str();
        let message = f.to_string();
        Python::attach(|py| {
            let err = match class {
                Class::Validation => match validation_error(py) {
                    Ok(class) => PyErr::from_type(class, message),
                    Err(e) => e,
                },
                Class::NotFound => match not_found_error(py) {
                    Ok(class) => PyErr::from_type(class, message),
                    Err(e) => e,
                },
                Class::Conflict => ConflictError::new_err(message),
                Class::Store => StorageError::new_err(message),
                Class::Cancelled => PolemosError::new_err(message),
            };
            // The engine's kind (`not_found`), the same word the Client reports for the
            // server's status, so code can compare errors across the two.
            let _ = err.value(py).setattr("kind", kind);
            if class == Class::Validation {
                let value = err.value(py);
                let pairs: Vec<Bound<'_, PyTuple>> = violations
                    .iter()
                    .filter_map(|(p, r)| PyTuple::new(py, [p.as_str(), r.as_str()]).ok())
                    .collect();
                let field = violations.first().map(|(p, _)| p.clone());
                // Attribute writes on a fresh exception instance cannot fail in practice; if one
                // did, the exception would still carry its message.
                let _ = value.setattr("violations", pairs);
                let _ = value.setattr("field", field);
            }
            err
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polemos_core::Violation;

    #[test]
    fn every_store_error_has_a_class() {
        let cases = [
            (
                Failure::Store(StoreError::NotFound {
                    kind: "actor",
                    name: "actors/X".into(),
                }),
                Class::NotFound,
            ),
            (
                Failure::Store(StoreError::Conflict {
                    name: "actors/X".into(),
                    expected: 1,
                    actual: Some(2),
                }),
                Class::Conflict,
            ),
            (
                Failure::Store(StoreError::AlreadyExists {
                    name: "actors/X".into(),
                }),
                Class::Conflict,
            ),
            (
                Failure::Store(StoreError::Backend("disk full".into())),
                Class::Store,
            ),
            (Failure::argument("as_of", "not a date"), Class::Validation),
        ];
        for (failure, class) in cases {
            assert_eq!(classify(&failure).0, class, "{failure}");
        }
    }

    #[test]
    fn validation_errors_keep_every_field_path() {
        let v = ValidationErrors(vec![
            Violation {
                path: "stances[0].salience".into(),
                rule: "out of range".into(),
            },
            Violation {
                path: "actors[2].name".into(),
                rule: "duplicate".into(),
            },
        ]);
        let (class, pairs) = classify(&Failure::Store(StoreError::Invalid(v)));
        assert_eq!(class, Class::Validation);
        assert_eq!(pairs[0].0, "stances[0].salience");
        assert_eq!(pairs[1].0, "actors[2].name");
    }
}
