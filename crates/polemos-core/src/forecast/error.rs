//! Every way reading a scenario or running a forecast can fail. Parse errors name the file format,
//! the 1-based line, the column and what was expected, so a user can fix the file without reading
//! our code.

/// A forecasting failure.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ForecastError {
    /// A cell of a scenario file is missing or not what the format requires.
    #[error("{format}, line {line}, column `{column}`: expected {expected}, found `{found}`")]
    Parse {
        /// The format being read.
        format: &'static str,
        /// The line of the file (1-based).
        line: usize,
        /// The column's name.
        column: String,
        /// What the cell should hold.
        expected: String,
        /// What it holds.
        found: String,
    },
    /// The file as a whole does not have the shape of the format (empty, too few rows, ...).
    #[error("{format}: {message}")]
    Shape {
        /// The format being read.
        format: &'static str,
        /// What is wrong with the file.
        message: String,
    },
    /// A scenario built in code (or from stored stances) breaks a rule, e.g. a salience above 1.
    #[error("invalid scenario at `{field}`: {message}")]
    Invalid {
        /// The field path of the value.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// A model parameter outside what the model accepts.
    #[error("invalid parameter `{name}`: {message}")]
    Parameter {
        /// The parameter's name.
        name: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// The progress callback asked a Monte Carlo run to stop.
    #[error("Monte Carlo stopped after {done} of {total} draws")]
    Cancelled {
        /// Draws finished.
        done: usize,
        /// Draws asked for.
        total: usize,
    },
}

impl From<ForecastError> for crate::Error {
    fn from(err: ForecastError) -> Self {
        match err {
            ForecastError::Parse {
                format,
                line,
                column,
                expected,
                found,
            } => crate::Error::Parse {
                format,
                line: Some(line),
                path: column,
                message: format!("expected {expected}, found `{found}`"),
            },
            ForecastError::Shape { format, message } => crate::Error::Parse {
                format,
                line: None,
                path: String::new(),
                message,
            },
            ForecastError::Invalid { field, message } => {
                crate::Error::InvalidArgument { field, message }
            }
            ForecastError::Parameter { name, message } => crate::Error::InvalidArgument {
                field: name.to_owned(),
                message,
            },
            ForecastError::Cancelled { done, total } => crate::Error::Cancelled {
                what: format!("Monte Carlo ({done} of {total} draws done)"),
            },
        }
    }
}
