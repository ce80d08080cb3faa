//! Names, dates and list filters as the Python API takes them: thin wrappers over
//! `polemos_engine`, which holds the one meaning every interface shares.

use chrono::NaiveDate;
use polemos_core::{DisputeName, Dossier};
use polemos_store::{Kind, Store};

pub use polemos_engine::Filter;

use crate::errors::Failure;

/// Accepts `kuril-islands` as well as `disputes/kuril-islands`.
///
/// # Errors
/// When the name is malformed.
pub fn dispute_name(value: &str) -> Result<DisputeName, Failure> {
    Ok(polemos_engine::names::dispute_name("dispute", value)?)
}

/// Parses `YYYY-MM-DD`, naming the parameter when it is not such a date.
///
/// # Errors
/// When the value is not a date.
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate, Failure> {
    Ok(polemos_engine::names::parse_date(field, value)?)
}

/// The kind a collection word names (`stances`, `actors`, …).
///
/// # Errors
/// When the word names no collection.
pub fn kind_of(collection: &str) -> Result<Kind, Failure> {
    Ok(polemos_engine::list::kind_of(collection)?)
}

/// One collection narrowed by a filter, as a dossier holding only that kind.
///
/// # Errors
/// As `polemos_engine::list`.
pub fn select(store: &dyn Store, kind: Kind, filter: &Filter) -> Result<Dossier, Failure> {
    let mut dossier = Dossier::new();
    for row in polemos_engine::list(store, kind, filter)? {
        dossier.push(row.value);
    }
    Ok(dossier)
}
