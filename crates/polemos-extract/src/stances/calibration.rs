//! What a stance's confidence rests on (its basis); the table, its file
//! (`data/stance-calibration.tsv`) and how it is fitted are the shared procedure of
//! [`crate::calibration`].

use super::super::calibration::Kind;
use super::super::knowledge::Knowledge;
use super::super::output::StanceFact;

/// What a stance rests on, the unit of calibration: whether its issue is a recurring topic or
/// a phrase of the text.
#[must_use]
pub fn basis(k: &Knowledge, s: &StanceFact) -> &'static str {
    let id = s.issue.rsplit('/').next().unwrap_or("");
    if k.topics.iter().any(|t| t.id == id) {
        "topic"
    } else {
        "new-issue"
    }
}

/// Every basis, in the table's order.
pub const BASES: [&str; 2] = ["topic", "new-issue"];

/// The calibrated confidence of stance `s` in `k`'s tables (the development corpus holds no
/// hedged stance yet: a hedge lowers it by the table's `hedged` prior).
#[must_use]
pub fn confidence(k: &Knowledge, s: &StanceFact) -> f64 {
    let c = &k.calibration;
    c.hedge(
        Kind::Stance,
        c.confidence(Kind::Stance, basis(k, s)),
        s.hedged,
    )
}
