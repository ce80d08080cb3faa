//! What an event's confidence rests on (its basis); the table, its file
//! (`data/event-calibration.tsv`) and how it is fitted (the share of the development corpus's
//! events of a basis whose state-level tuples are all right) are the shared procedure of
//! [`crate::calibration`].

use super::super::calibration::{Calibration, Kind};
use super::super::output::EventFact;

/// What an event rests on, the unit of calibration: a negated act ("did not reject"), an act
/// with a target (a dyad, "X accused Y"), or one with only a source ("X staged drills").
#[must_use]
pub fn basis(e: &EventFact) -> &'static str {
    match (e.targets.is_empty(), e.negated) {
        (_, true) => "negated",
        (false, false) => "dyad",
        (true, false) => "no-target",
    }
}

/// Every basis, in the table's order.
pub const BASES: [&str; 3] = ["dyad", "no-target", "negated"];

/// The calibrated confidence of event `e` in tables `c` (a hedge lowers it by the table's
/// `hedged` prior).
#[must_use]
pub fn confidence(c: &Calibration, e: &EventFact) -> f64 {
    c.hedge(Kind::Event, c.confidence(Kind::Event, basis(e)), e.hedged)
}
