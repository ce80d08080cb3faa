//! The one error type of the analyses: what argument or reference was wrong, named so the CLI and
//! the server can tell the user which flag or name to fix.

use crate::error::Error;

/// Why an analysis could not run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnalysisError {
    /// The dispute named by the caller is not in the dossier.
    #[error("dispute {0} not found")]
    UnknownDispute(String),
    /// A numeric option outside what the analysis accepts.
    #[error("invalid option `{option}` = {value}: {expected}")]
    InvalidOption {
        /// The option's name.
        option: &'static str,
        /// The value given.
        value: f64,
        /// What the option accepts.
        expected: &'static str,
    },
}

impl From<AnalysisError> for Error {
    fn from(e: AnalysisError) -> Self {
        match e {
            AnalysisError::UnknownDispute(name) => Error::NotFound {
                kind: "dispute",
                name,
            },
            AnalysisError::InvalidOption { option, .. } => Error::InvalidArgument {
                field: option.to_owned(),
                message: e.to_string(),
            },
        }
    }
}

/// Checks that `value` is finite and at least `min`.
pub(crate) fn check_at_least(
    option: &'static str,
    value: f64,
    min: f64,
    expected: &'static str,
) -> Result<(), AnalysisError> {
    if value.is_finite() && value >= min {
        Ok(())
    } else {
        Err(AnalysisError::InvalidOption {
            option,
            value,
            expected,
        })
    }
}
