//! Event confidence that means something: the share of the development corpus's events of the
//! same basis whose state-level (source, type, target) tuples were all right, read from
//! `data/event-calibration.tsv`. The file is computed, not written by hand:
//! `crates/polemos-eval/tests/event_calibration.rs` checks it against the scorecard and
//! rewrites it with `POLEMOS_WRITE_CALIBRATION=1` (the procedure of the stance table,
//! `stances::calibration`).

use std::sync::OnceLock;

use super::super::output::EventFact;

const TABLE: &str = include_str!("../../data/event-calibration.tsv");

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

/// A hedged event's confidence is its basis's times this: the prior the event stage always
/// gave hedges ("may", "reportedly"), until the development corpus holds enough hedged events
/// to calibrate them on.
pub const HEDGED: f64 = 0.6;

fn table() -> &'static Vec<(String, f64)> {
    static PARSED: OnceLock<Vec<(String, f64)>> = OnceLock::new();
    PARSED.get_or_init(|| crate::calibration::parse(TABLE))
}

/// The calibrated confidence of event `e`.
#[must_use]
pub fn confidence(e: &EventFact) -> f64 {
    let b = basis(e);
    let c = crate::calibration::lookup(table(), b);
    if e.hedged { c * HEDGED } else { c }
}

/// The table for `counts` ((basis, right, wrong) per basis), as the stance table is made.
#[must_use]
pub fn render(counts: &[(&str, usize, usize)]) -> String {
    crate::calibration::render_table(
        "# Event confidence by basis: the share of events of that basis whose state-level tuples the\n\
         # scorecard finds all right on eval/news (development part), shrunk towards the share over\n\
         # all bases. Computed by crates/polemos-eval/tests/event_calibration.rs\n\
         # (POLEMOS_WRITE_CALIBRATION=1 rewrites it).\n",
        counts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_table_covers_every_basis_with_a_share() {
        for b in BASES {
            let c = table().iter().find(|(x, _)| x == b).map(|(_, c)| *c);
            assert!(c.is_some_and(|c| (0.0..=1.0).contains(&c)), "{b}: {c:?}");
        }
    }
}
