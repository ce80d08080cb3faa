//! Stance confidence that means something: the share of the development corpus's stances of
//! the same basis that were right, read from `data/stance-calibration.tsv`. That file is
//! computed, not written by hand: `crates/polemos-eval/tests/stance_calibration.rs` checks it
//! against the scorecard and rewrites it with `POLEMOS_WRITE_CALIBRATION=1`.

use std::sync::OnceLock;

use super::super::knowledge::Knowledge;
use super::super::output::StanceFact;

const TABLE: &str = include_str!("../../data/stance-calibration.tsv");

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

/// A hedged stance's confidence is its basis's times this. The development corpus holds no
/// hedged stance yet to calibrate it on; until it does, this prior stands.
pub const HEDGED: f64 = 0.6;

fn table() -> &'static Vec<(String, f64)> {
    static PARSED: OnceLock<Vec<(String, f64)>> = OnceLock::new();
    PARSED.get_or_init(|| crate::calibration::parse(TABLE))
}

/// The calibrated confidence of stance `s`.
#[must_use]
pub fn confidence(k: &Knowledge, s: &StanceFact) -> f64 {
    let b = basis(k, s);
    let c = crate::calibration::lookup(table(), b);
    if s.hedged { c * HEDGED } else { c }
}

/// The table for `counts` ((basis, right, wrong) per basis), by the shared procedure
/// (`crate::calibration::render_table`).
#[must_use]
pub fn render(counts: &[(&str, usize, usize)]) -> String {
    crate::calibration::render_table(
        "# Stance confidence by basis: the share of stances of that basis the scorecard finds right on\n\
         # eval/news (development part), shrunk towards the share over all bases. Computed by\n\
         # crates/polemos-eval/tests/stance_calibration.rs (POLEMOS_WRITE_CALIBRATION=1 rewrites it).\n",
        counts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_table_covers_every_basis() {
        for b in BASES {
            assert!(table().iter().any(|(x, _)| x == b), "{b} missing");
            let c = table().iter().find(|(x, _)| x == b).map(|(_, c)| *c);
            assert!(c.is_some_and(|c| (0.0..=1.0).contains(&c)), "{b}");
        }
    }
}
