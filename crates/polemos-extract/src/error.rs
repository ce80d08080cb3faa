//! Errors of the extractor: input it refuses and data files it cannot read.

/// Why a text could not be extracted or a data file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The input is not UTF-8; `valid_up_to` is the byte offset of the first bad sequence.
    #[error("input is not valid UTF-8: invalid byte sequence at byte offset {valid_up_to}")]
    InvalidUtf8 { valid_up_to: usize },
    /// The input is larger than the configured limit.
    #[error(
        "input is {bytes} bytes, over the limit of {limit} bytes (raise it with the max_bytes option)"
    )]
    TooLarge { bytes: usize, limit: usize },
    /// A line of a data file (built-in or user-supplied) is malformed.
    #[error("data file {file}, line {line}: {message}")]
    Data {
        file: String,
        line: usize,
        message: String,
    },
    /// A user's knowledge file or data directory cannot be read.
    #[error("{path}: {message}")]
    File { path: String, message: String },
}
