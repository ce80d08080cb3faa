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
    /// The store is not in the state the request needs: a stale etag, a delete of something
    /// others refer to, a database written by a newer polemos.
    FailedPrecondition,
    /// The caller asked the work to stop.
    Cancelled,
    /// Something this build or backend cannot do.
    Unimplemented,
    /// The store failed (I/O, locking, connection, damaged data): not the caller's fault.
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
            Self::Cancelled => "cancelled",
            Self::Unimplemented => "unimplemented",
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

    /// The kind of this failure. Exhaustive on purpose: a new store or core variant does not
    /// compile until it has a kind, so no interface can classify it differently.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        use polemos_core::Error as C;
        match self {
            Self::Core(e) => match e {
                C::Parse { .. } | C::Invalid(_) | C::InvalidArgument { .. } => {
                    ErrorKind::InvalidArgument
                }
                C::NotFound { .. } => ErrorKind::NotFound,
                C::Cancelled { .. } => ErrorKind::Cancelled,
            },
            Self::Store(e) => match e {
                StoreError::Invalid(_) | StoreError::BadName { .. } => ErrorKind::InvalidArgument,
                StoreError::NotFound { .. } => ErrorKind::NotFound,
                StoreError::AlreadyExists { .. } => ErrorKind::AlreadyExists,
                StoreError::Conflict { .. }
                | StoreError::InUse { .. }
                | StoreError::SchemaTooNew { .. } => ErrorKind::FailedPrecondition,
                StoreError::Unsupported { .. } => ErrorKind::Unimplemented,
                StoreError::Corrupt { .. } | StoreError::Backend(_) => ErrorKind::Internal,
            },
            Self::Extract(e) => match e {
                polemos_extract::ExtractError::InvalidUtf8 { .. }
                | polemos_extract::ExtractError::TooLarge { .. }
                | polemos_extract::ExtractError::Data { .. } => ErrorKind::InvalidArgument,
            },
        }
    }
}

/// The result of every operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;
