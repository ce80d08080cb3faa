//! polemos-core: the domain model of international disputes and the stances actors take in them,
//! and the algorithms over it. Pure Rust: no async runtime, no RPC, no SQL, no Python. Adapters
//! (store, server, Python bindings) wrap it.

#![warn(missing_docs)]

pub mod analysis;
pub mod date;
pub mod dossier;
pub mod error;
pub mod forecast;
pub mod model;
pub mod names;
pub mod validate;
pub mod values;

pub use dossier::{Dossier, Record};
pub use error::Error;
pub use model::*;
pub use names::{
    ActorName, DisputeName, DocumentName, EventName, IssueName, NameError, StanceName,
};
pub use validate::{Existing, NothingElse, ValidationErrors, Violation, validate};
pub use values::{Capability, Confidence, Intensity, Position, RangeError, Salience};
