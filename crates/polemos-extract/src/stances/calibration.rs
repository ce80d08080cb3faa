//! Stance confidence that means something: the share of the development corpus's stances of
//! the same basis that were right, read from `data/stance-calibration.tsv`. That file is
//! computed, not written by hand: `crates/polemos-eval/tests/stance_calibration.rs` checks it
//! against the scorecard and rewrites it with `POLEMOS_WRITE_CALIBRATION=1`.

use std::sync::OnceLock;

use super::super::knowledge::Knowledge;
use super::super::output::StanceFact;

const TABLE: &str = include_str!("../../data/stance-calibration.tsv");
/// Confidence for a basis the table does not list.
const UNKNOWN: f64 = 0.5;

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
    PARSED.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                let confidence = cols.get(3)?.parse().ok()?;
                Some(((*cols.first()?).to_owned(), confidence))
            })
            .collect()
    })
}

/// The calibrated confidence of stance `s`.
#[must_use]
pub fn confidence(k: &Knowledge, s: &StanceFact) -> f64 {
    let b = basis(k, s);
    let c = table()
        .iter()
        .find(|(x, _)| x == b)
        .map_or(UNKNOWN, |(_, c)| *c);
    if s.hedged { c * HEDGED } else { c }
}

/// The table for `counts` ((basis, right, wrong) per basis): each basis's share of right
/// stances, shrunk towards the share over all bases by [`PRIOR_WEIGHT`] stances so that a
/// basis seen a few times is not reported as certain.
#[must_use]
pub fn render(counts: &[(&str, usize, usize)]) -> String {
    render_table(
        "# Stance confidence by basis: the share of stances of that basis the scorecard finds right on\n\
         # eval/news (development part), shrunk towards the share over all bases. Computed by\n\
         # crates/polemos-eval/tests/stance_calibration.rs (POLEMOS_WRITE_CALIBRATION=1 rewrites it).\n",
        counts,
    )
}

/// [`render`] under another header (the event table shares the procedure).
#[must_use]
pub fn render_table(header: &str, counts: &[(&str, usize, usize)]) -> String {
    let (tp, fp) = counts
        .iter()
        .fold((0, 0), |(a, b), (_, t, f)| (a + t, b + f));
    let overall = if tp + fp == 0 {
        UNKNOWN
    } else {
        usize_f64(tp) / usize_f64(tp + fp)
    };
    let mut out = format!("{header}# basis\tright\twrong\tconfidence\n");
    for (b, t, f) in counts {
        let c = (usize_f64(*t) + PRIOR_WEIGHT * overall) / (usize_f64(t + f) + PRIOR_WEIGHT);
        out.push_str(&format!("{b}\t{t}\t{f}\t{c:.2}\n"));
    }
    out
}

/// How many stances' worth of weight the overall share has in each basis's confidence.
pub const PRIOR_WEIGHT: f64 = 2.0;

#[allow(clippy::cast_precision_loss)]
fn usize_f64(n: usize) -> f64 {
    n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendered_tables_shrink_small_bases_towards_the_overall_share() {
        let t = render(&[("topic", 9, 1), ("new-issue", 0, 0)]);
        // 9 of 10 right overall; a basis never seen gets the overall share.
        assert!(t.contains("topic\t9\t1\t0.90\n"), "{t}");
        assert!(t.contains("new-issue\t0\t0\t0.90\n"), "{t}");
        let t = render(&[("topic", 3, 0), ("new-issue", 0, 3)]);
        // 3 right of 3 is not certainty: (3 + 2 * 0.5) / (3 + 2) = 0.8.
        assert!(t.contains("topic\t3\t0\t0.80\n"), "{t}");
        assert!(t.contains("new-issue\t0\t3\t0.20\n"), "{t}");
    }

    #[test]
    fn the_committed_table_covers_every_basis() {
        for b in BASES {
            assert!(table().iter().any(|(x, _)| x == b), "{b} missing");
            let c = table().iter().find(|(x, _)| x == b).map(|(_, c)| *c);
            assert!(c.is_some_and(|c| (0.0..=1.0).contains(&c)), "{b}");
        }
    }
}
