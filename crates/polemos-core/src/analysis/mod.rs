//! Analyses over the model, for analysts: consolidated current stances, stance timelines and
//! shifts, agreement and coalitions, precondition deadlocks, cooperation–conflict series and the
//! dispute report that gathers them. Every function is pure and store-agnostic: it takes a
//! [`crate::Dossier`] snapshot (or slices of it) and an "as of" date, and never looks at evidence
//! dated after that date (see [`asof`]).

pub mod agreement;
pub mod asof;
pub mod coalitions;
pub mod consolidate;
pub mod error;
pub mod framing;
pub mod preconditions;
pub mod report;
pub mod series;
pub mod timeline;

#[cfg(test)]
mod testutil;

pub use consolidate::{ConsolidateOptions, ConsolidatedStance, current_stances};
pub use error::AnalysisError;
