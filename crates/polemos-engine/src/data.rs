//! Opening a store, moving dossiers in and out, and point reads.

use polemos_core::{Dossier, Record};
use polemos_store::{CommitResult, Kind, Revision, Store, Versioned, WriteBatch};

use crate::error::{Error, Result};
use crate::list;

/// Whether an operation may write. A read-only open of an SQLite path that does not exist is
/// refused instead of creating an empty database (a typo in `--db` should not leave a file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadOnly,
    ReadWrite,
}

/// Opens the store a location names (`memory:`, `postgres://…`, or an SQLite file path).
///
/// # Errors
/// A read-only open of a missing SQLite file (`NotFound`); the store cannot be opened.
pub fn open(location: &str, access: Access) -> Result<Box<dyn Store>> {
    let is_file = !(location == "memory:"
        || location == ":memory:"
        || location.starts_with("postgres://")
        || location.starts_with("postgresql://"));
    if access == Access::ReadOnly && is_file && !std::path::Path::new(location).exists() {
        return Err(Error::not_found("store", location));
    }
    Ok(polemos_store::open(location)?)
}

/// Parses a dossier (JSON or JSON Lines) and commits it all or nothing.
///
/// # Errors
/// Parse and validation errors naming the field; an empty dossier; store failures.
pub fn import(store: &dyn Store, text: &str, message: &str) -> Result<CommitResult> {
    import_dossier(store, &parse_dossier(text)?, message)
}

/// Reads dossier text (JSON or JSON Lines) that holds at least one entity.
///
/// # Errors
/// Parse errors naming the line and field; an empty dossier.
pub fn parse_dossier(text: &str) -> Result<Dossier> {
    let dossier = Dossier::from_any(text)?;
    if dossier.is_empty() {
        return Err(Error::argument(
            "dossier",
            "holds no entities: nothing to import",
        ));
    }
    Ok(dossier)
}

/// Commits a parsed dossier all or nothing; re-importing the same dossier changes nothing.
///
/// # Errors
/// Validation errors naming the field; store failures.
pub fn import_dossier(store: &dyn Store, dossier: &Dossier, message: &str) -> Result<CommitResult> {
    Ok(store.commit(WriteBatch::from_dossier(dossier, message))?)
}

/// The store (or one dispute and everything it refers to) at `revision`, as a dossier.
///
/// # Errors
/// A malformed or unknown dispute, a revision past the head, store failures.
pub fn export(
    store: &dyn Store,
    dispute: Option<&str>,
    revision: Option<Revision>,
) -> Result<Dossier> {
    let view = list::view(store, revision, None)?;
    let dossier = store.snapshot(view)?;
    let Some(dispute) = dispute else {
        return Ok(dossier);
    };
    let name = crate::names::dispute_name("dispute", dispute)?;
    if !dossier.disputes.iter().any(|d| d.name == name) {
        return Err(Error::not_found("dispute", name.as_str()));
    }
    Ok(dossier.for_dispute(&name))
}

/// One resource by its full name (`actors/JPN`), at `revision`, with its etag.
///
/// # Errors
/// A name of no known kind (`InvalidArgument`), a missing resource (`NotFound`), a revision past
/// the head, store failures.
pub fn get(store: &dyn Store, name: &str, revision: Option<Revision>) -> Result<Versioned<Record>> {
    let kind = Kind::of_name(name).ok_or_else(|| {
        Error::argument(
            "name",
            format!("`{name}` is not a resource name such as actors/JPN or stances/ID"),
        )
    })?;
    let view = list::view(store, revision, None)?;
    store
        .get(kind, name, view)?
        .ok_or_else(|| Error::not_found(kind.as_str(), name))
}
