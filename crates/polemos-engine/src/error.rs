//! The one error type of every operation, with the [`ErrorKind`] each interface maps once: gRPC
//! to a status code, the CLI to an exit code, Python to an exception class. The source error is
//! kept whole so an interface can still report field paths and reasons.

use polemos_store::StoreError;

/// What kind of failure, independent of the interface that reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The request itself is wrong: a malformed name or date, a bad option, a record that
    /// breaks the model's rules, a revision past the head.
    InvalidArgument,
    /// A named resource (or the dispute, actor or issue a filter names) does not exist.
    NotFound,
    /// A create found the resource already there.
    AlreadyExists,
    /// The store is not in the state the request needs: a delete of something others refer
    /// to, a database written by a newer polemos.
    FailedPrecondition,
    /// A write based on a revision that is no longer current (a stale etag): retry after
    /// reading again.
    Aborted,
    /// The caller asked the work to stop.
    Cancelled,
    /// Something this build or backend cannot do.
    Unimplemented,
    /// The database could not be reached or failed (I/O, locking, connection): try again.
    Unavailable,
    /// Stored data that can no longer be read.
    DataLoss,
    /// A fault of polemos itself (a broken built-in data file, a bug).
    Internal,
}

impl ErrorKind {
    /// The snake-case word the parity tests and `--json` errors use (`not_found`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidArgument => "invalid_argument",
            Self::NotFound => "not_found",
            Self::AlreadyExists => "already_exists",
            Self::FailedPrecondition => "failed_precondition",
            Self::Aborted => "aborted",
            Self::Cancelled => "cancelled",
            Self::Unimplemented => "unimplemented",
            Self::Unavailable => "unavailable",
            Self::DataLoss => "data_loss",
            Self::Internal => "internal",
        }
    }
}

/// Every way an operation can fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Core(#[from] polemos_core::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Extract(#[from] polemos_extract::ExtractError),
}

impl From<polemos_core::forecast::ForecastError> for Error {
    fn from(e: polemos_core::forecast::ForecastError) -> Self {
        Self::Core(e.into())
    }
}

impl From<polemos_core::analysis::AnalysisError> for Error {
    fn from(e: polemos_core::analysis::AnalysisError) -> Self {
        Self::Core(e.into())
    }
}

impl Error {
    /// An argument the operation rejects, naming the parameter.
    pub fn argument(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Core(polemos_core::Error::InvalidArgument {
            field: field.into(),
            message: message.into(),
        })
    }

    /// A named resource that does not exist.
    pub fn not_found(kind: &'static str, name: impl Into<String>) -> Self {
        Self::Store(StoreError::NotFound {
            kind,
            name: name.into(),
        })
    }

    /// The kind of this failure.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Core(e) => core_kind(e),
            Self::Store(e) => store_kind(e),
            Self::Extract(e) => extract_kind(e),
        }
    }
}

// The kind of each source error. Exhaustive on purpose: a new store or core variant does not
// compile until it has a kind, so no interface can classify it differently. Interfaces that keep
// the source error (for its field paths) take its kind from here.

/// The kind of a core error.
#[must_use]
pub fn core_kind(e: &polemos_core::Error) -> ErrorKind {
    use polemos_core::Error as C;
    match e {
        C::Parse { .. } | C::Invalid(_) | C::InvalidArgument { .. } => ErrorKind::InvalidArgument,
        C::NotFound { .. } => ErrorKind::NotFound,
        C::Cancelled { .. } => ErrorKind::Cancelled,
    }
}

/// The kind of a store error.
#[must_use]
pub fn store_kind(e: &StoreError) -> ErrorKind {
    match e {
        StoreError::Invalid(_)
        | StoreError::BadName { .. }
        | StoreError::InvalidArgument { .. } => ErrorKind::InvalidArgument,
        StoreError::NotFound { .. } => ErrorKind::NotFound,
        StoreError::AlreadyExists { .. } => ErrorKind::AlreadyExists,
        StoreError::Conflict { .. } => ErrorKind::Aborted,
        StoreError::InUse { .. } | StoreError::SchemaTooNew { .. } => ErrorKind::FailedPrecondition,
        StoreError::Unsupported { .. } => ErrorKind::Unimplemented,
        StoreError::Corrupt { .. } => ErrorKind::DataLoss,
        StoreError::Backend(_) => ErrorKind::Unavailable,
    }
}

/// The kind of an extraction error.
#[must_use]
pub fn extract_kind(e: &polemos_extract::ExtractError) -> ErrorKind {
    use polemos_extract::ExtractError as X;
    match e {
        X::InvalidUtf8 { .. } | X::TooLarge { .. } => ErrorKind::InvalidArgument,
        // The extractor's own knowledge files are broken: not the caller's fault.
        X::Data { .. } => ErrorKind::Internal,
        // A knowledge file the operator named cannot be read: the configuration, not the call.
        X::File { .. } => ErrorKind::FailedPrecondition,
    }
}

/// The result of every operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;
