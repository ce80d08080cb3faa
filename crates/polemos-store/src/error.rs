//! Every way a store operation can fail. Adapters map each variant to their own error kind.

use polemos_core::ValidationErrors;

use crate::Revision;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The batch broke rules of the model; nothing was written.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// A named entity does not exist.
    #[error("{kind} {name} not found")]
    NotFound { kind: &'static str, name: String },
    /// A create found the entity already there.
    #[error("{name} already exists")]
    AlreadyExists { name: String },
    /// An update or delete was based on a revision that is no longer current.
    #[error("{name} changed since revision {expected} (now at {})", .actual.map_or_else(|| "deleted".to_owned(), |r| format!("revision {r}")))]
    Conflict {
        name: String,
        expected: Revision,
        actual: Option<Revision>,
    },
    /// A delete of an entity that others still refer to.
    #[error("cannot delete {name}: {referenced_by} refers to it")]
    InUse { name: String, referenced_by: String },
    /// An entity's name does not fit its kind.
    #[error("invalid name `{name}`: {reason}")]
    BadName { name: String, reason: String },
    /// Stored data that can no longer be read (written by a newer version, or damaged).
    #[error("stored {what} cannot be read: {reason}")]
    Corrupt { what: String, reason: String },
    /// A database written by a newer polemos than this one.
    #[error(
        "database schema version {found} is newer than this build supports ({supported}); upgrade polemos"
    )]
    SchemaTooNew { found: i64, supported: i64 },
    /// A request argument the store checks itself is wrong, e.g. a page token that is not one
    /// of this server's or belongs to another query.
    #[error("invalid `{field}`: {reason}")]
    InvalidArgument { field: &'static str, reason: String },
    /// Something this build or backend cannot do.
    #[error("{what}")]
    Unsupported { what: String },
    /// The database itself failed (I/O, locking, connection).
    #[error("database error: {0}")]
    Backend(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Backend(e.to_string())
    }
}
