//! Create, update and delete of one resource, with the semantics of Google's API guidelines
//! (AIP-133, AIP-134, AIP-135, AIP-155) for every interface.
//!
//! Records travel here in the core's own JSON form (the dossier format), because that is the one
//! form every interface can produce field by field: Python dicts are it already, and the gRPC
//! layer converts the fields a request sets. What an update changes is decided here, once:
//!
//! * [`Mask::Set`] (no mask in the request): the fields the request gives, and only those;
//! * [`Mask::All`] (`*`): every writable field, as given (a field not given is cleared);
//! * [`Mask::Paths`]: the named fields; a named field the request does not give is cleared, and
//!   a name that is not a writable field of the kind is refused, naming it.

use polemos_core::{Record, content_hash};
use polemos_store::{
    Kind, Precondition, RequestId, Revision, Store, StoreError, Versioned, View, WriteBatch,
};
use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// Which fields of a resource an update replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mask {
    /// No mask: the fields the request sets (AIP-134).
    Set,
    /// `*`: every writable field.
    All,
    /// These fields (top-level field names of the kind, as in [`writable`]).
    Paths(Vec<String>),
}

impl Mask {
    /// The mask a request's list of paths means: none is [`Mask::Set`], one that holds `*` is
    /// [`Mask::All`].
    #[must_use]
    pub fn from_paths(paths: Option<Vec<String>>) -> Self {
        match paths {
            None => Self::Set,
            Some(p) if p.iter().any(|p| p == "*") => Self::All,
            Some(p) => Self::Paths(p),
        }
    }
}

/// The fields of each kind an update may change; the others are its name and fields derived
/// from these (a document's `content_hash`) or set by curation (`proposed`).
#[must_use]
pub fn writable(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Actor => &["kind", "display_name", "codes", "aliases", "affiliations"],
        Kind::Dispute => &["title", "kind", "parties", "objects", "status"],
        Kind::Issue => &["title", "description", "scale"],
        Kind::Stance => &[
            "actor",
            "issue",
            "position",
            "salience",
            "confidence",
            "label",
            "conditions",
            "valid_from",
            "valid_to",
            "evidence",
        ],
        Kind::Event => &[
            "date",
            "status",
            "event_type",
            "mode",
            "contexts",
            "cameo",
            "intensity",
            "sources",
            "targets",
            "location",
            "issues",
            "evidence",
        ],
        Kind::Document => &["title", "outlet", "url", "published", "language", "text"],
    }
}

/// Longest `request_id` kept for retries (AIP-155).
pub const MAX_REQUEST_ID: usize = 128;

fn kind_of(field: &str, name: &str) -> Result<Kind> {
    Kind::of_name(name).ok_or_else(|| {
        Error::argument(
            field,
            format!("`{name}` is not a resource name such as actors/JPN or stances/ID"),
        )
    })
}

fn current(store: &dyn Store, kind: Kind, name: &str) -> Result<Versioned<Record>> {
    store
        .get(kind, name, View::current())?
        .ok_or_else(|| Error::not_found(kind.as_str(), name))
}

/// The head after a commit that may not have created a revision (nothing changed).
fn committed(store: &dyn Store, revision: Revision) -> Result<Revision> {
    Ok(if revision == 0 {
        store.head()?
    } else {
        revision
    })
}

/// A record with its derived fields recomputed (a document's hash follows its text).
fn derived(record: Record) -> Record {
    match record {
        Record::Document(mut d) => {
            d.content_hash = content_hash(&d.text);
            Record::Document(d)
        }
        other => other,
    }
}

/// What identifies a create for AIP-155: the SHA-256 of the record it creates, so the same
/// request sent again has the same fingerprint.
fn fingerprint(record: &Record) -> String {
    // Plain data with string keys always serializes.
    content_hash(&serde_json::to_string(record).unwrap_or_default())
}

/// Creates `record`, which must not exist yet. With a `request_id`, a retry of the same create
/// answers what the first call created (even if it has changed since), and the id reused for
/// another record is refused. `origin` starts the commit message (`grpc`).
///
/// # Errors
/// A `request_id` longer than [`MAX_REQUEST_ID`] or reused for another record
/// (`InvalidArgument`); the record breaks the model's rules (`InvalidArgument`); it exists
/// (`AlreadyExists`); store failures.
pub fn create(
    store: &dyn Store,
    record: Record,
    request_id: Option<&str>,
    origin: &str,
) -> Result<Versioned<Record>> {
    let request_id = request_id.filter(|r| !r.is_empty());
    if request_id.is_some_and(|r| r.len() > MAX_REQUEST_ID) {
        return Err(Error::argument(
            "request_id",
            format!("longer than {MAX_REQUEST_ID} characters"),
        ));
    }
    let record = derived(record);
    let kind = Kind::of_record(&record);
    let name = polemos_store::record_name(&record).to_owned();
    let mut batch = WriteBatch::new(format!("{origin} create {name}"));
    let ours = fingerprint(&record);
    if let Some(id) = request_id {
        batch.request = Some(RequestId {
            id: id.to_owned(),
            fingerprint: ours.clone(),
        });
    }
    batch.put_if(record, Precondition::MustNotExist);
    let result = store.commit(batch)?;
    if let Some(first) = result.replay {
        if first.fingerprint != ours {
            return Err(Error::argument(
                "request_id",
                "already used for a different request; use a new id for each request",
            ));
        }
        return store
            .get(kind, &name, View::at_revision(first.revision))?
            .ok_or_else(|| Error::not_found(kind.as_str(), name));
    }
    current(store, kind, &name)
}

/// The record `changes` and `mask` make of `stored` (see the module's documentation).
///
/// # Errors
/// A field the mask names, or a change given without a mask, that is not writable
/// (`InvalidArgument` on `update_mask`); a result that is not a valid record
/// (`InvalidArgument`).
pub fn apply(stored: &Record, changes: &Map<String, Value>, mask: &Mask) -> Result<Record> {
    let kind = Kind::of_record(stored);
    let fields = writable(kind);
    let refuse = |path: &str| {
        Error::argument(
            "update_mask",
            format!(
                "`{path}` is not a writable field of {kind}; those are: {}",
                fields.join(", "),
                kind = kind.as_str()
            ),
        )
    };
    let paths: Vec<&str> = match mask {
        // The name says which record; it is not a change.
        Mask::Set => changes
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "name")
            .collect(),
        Mask::All => fields.to_vec(),
        Mask::Paths(p) => p.iter().map(String::as_str).collect(),
    };
    if let Some(bad) = paths.iter().find(|p| !fields.contains(p)) {
        return Err(refuse(bad));
    }
    let Value::Object(mut whole) = serde_json::to_value(stored).map_err(internal)? else {
        return Err(internal("a record is not a JSON object"));
    };
    let body = whole
        .get_mut(kind.as_str())
        .and_then(Value::as_object_mut)
        .ok_or_else(|| internal("a record is not tagged with its kind"))?;
    for path in paths {
        match changes.get(path) {
            Some(v) if !v.is_null() => {
                body.insert(path.to_owned(), v.clone());
            }
            // Cleared: the field's default, or a missing-field error when it is required.
            _ => {
                body.remove(path);
            }
        }
    }
    let record: Record = serde_json::from_value(Value::Object(whole))
        .map_err(|e| Error::argument(kind.as_str(), e.to_string()))?;
    Ok(derived(record))
}

/// A stored record that does not read back as its own JSON form.
fn internal(e: impl std::fmt::Display) -> Error {
    Error::Store(StoreError::Corrupt {
        what: "record".into(),
        reason: e.to_string(),
    })
}

/// Updates the resource `name` with `changes` (fields in the core's JSON form) as `mask` says,
/// based on revision `etag` when given (else the stored one). A change to no field still
/// commits nothing new and answers the stored record.
///
/// # Errors
/// A name of no known kind, an unwritable field, an invalid result (`InvalidArgument`); an
/// unknown resource (`NotFound`); a stale `etag` (`Aborted`); store failures.
pub fn update(
    store: &dyn Store,
    name: &str,
    changes: &Map<String, Value>,
    mask: &Mask,
    etag: Option<Revision>,
    origin: &str,
) -> Result<Versioned<Record>> {
    let kind = kind_of("name", name)?;
    let stored = current(store, kind, name)?;
    let record = apply(&stored.value, changes, mask)?;
    update_record(store, record, etag.unwrap_or(stored.revision), origin)
}

/// Commits an already merged `record` over the stored one at `revision`, and reads it back.
///
/// # Errors
/// An invalid record (`InvalidArgument`); a stale `revision` (`Aborted`); store failures.
pub fn update_record(
    store: &dyn Store,
    record: Record,
    revision: Revision,
    origin: &str,
) -> Result<Versioned<Record>> {
    let kind = Kind::of_record(&record);
    let name = polemos_store::record_name(&record).to_owned();
    let mut batch = WriteBatch::new(format!("{origin} update {name}"));
    batch.put_if(record, Precondition::AtRevision(revision));
    store.commit(batch)?;
    current(store, kind, &name)
}

/// Deletes the resource `name`, only if still at `etag` when given; answers the revision of
/// the delete.
///
/// # Errors
/// A name of no known kind (`InvalidArgument`); an unknown resource (`NotFound`); a stale
/// `etag` (`Aborted`); a resource others refer to (`FailedPrecondition`); store failures.
pub fn delete(
    store: &dyn Store,
    name: &str,
    etag: Option<Revision>,
    origin: &str,
) -> Result<Revision> {
    let kind = kind_of("name", name)?;
    current(store, kind, name)?;
    let precondition = etag.map_or(Precondition::None, Precondition::AtRevision);
    let mut batch = WriteBatch::new(format!("{origin} delete {name}"));
    batch.delete(kind, name.to_owned(), precondition);
    let result = store.commit(batch)?;
    committed(store, result.revision)
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
