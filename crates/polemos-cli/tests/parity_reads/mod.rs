//! The read questions of the parity table (lists, analyses, the report, forecasts) asked through
//! each Rust-side interface, one module each, and the shapes their answers are compared in: each
//! interface turns its own output into these lines, so a difference in any value that matters
//! shows as a differing line.

pub mod cli;
pub mod engine;
pub mod grpc;

use super::Answer;

/// Coalitions as `members cohesion` lines, in the order given (largest first).
pub fn coalition_lines(found: impl Iterator<Item = (Vec<String>, f64)>) -> Vec<String> {
    found
        .map(|(m, c)| format!("{} {c:.6}", m.join(",")))
        .collect()
}

/// Shifts as `actor issue date delta` lines, sorted.
pub fn shift_lines(found: impl Iterator<Item = (String, String, String, f64)>) -> Vec<String> {
    let mut lines: Vec<String> = found
        .map(|(a, i, d, x)| format!("{a} {i} {d} {x:.6}"))
        .collect();
    lines.sort();
    lines
}

/// Current stances as `actor issue position` lines, sorted.
pub fn rows(found: impl Iterator<Item = (String, String, f64)>) -> Answer {
    let mut lines: Vec<String> = found.map(|(a, i, p)| format!("{a} {i} {p}")).collect();
    lines.sort();
    Answer::Rows(lines)
}

fn opt(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |v| format!("{v:.6}"))
}

/// The agreement matrix as one `row-actor column-actor agreement` line per cell, in the matrix's
/// order (the parties first), then `polarization index`.
pub fn agreement_lines(
    actors: &[String],
    agreement: &[Vec<Option<f64>>],
    polarization: Option<f64>,
) -> Vec<String> {
    let mut lines = Vec::new();
    for (a, row) in actors.iter().zip(agreement) {
        for (b, cell) in actors.iter().zip(row) {
            lines.push(format!("{a} {b} {}", opt(*cell)));
        }
    }
    lines.push(format!("polarization {}", opt(polarization)));
    lines
}

/// Deadlocks as `kind cycle parties` lines, in the order given.
pub fn deadlock_lines(
    found: impl Iterator<Item = (String, Vec<String>, Vec<String>)>,
) -> Vec<String> {
    found
        .map(|(kind, cycle, parties)| format!("{kind} {} {}", cycle.join(","), parties.join(",")))
        .collect()
}

/// One actor pair's series: the non-empty buckets as `(start, total)` and the trend's slope.
pub struct PairLine {
    pub a: String,
    pub b: String,
    pub buckets: Vec<(String, u64)>,
    pub slope: Option<f64>,
}

/// Series as `a b start total` per non-empty bucket and `a b trend slope` per pair, in the order
/// given.
pub fn series_lines(found: impl Iterator<Item = PairLine>) -> Vec<String> {
    let mut lines = Vec::new();
    for p in found {
        for (start, total) in p.buckets.iter().filter(|(_, total)| *total > 0) {
            lines.push(format!("{} {} {start} {total}", p.a, p.b));
        }
        lines.push(format!("{} {} trend {}", p.a, p.b, opt(p.slope)));
    }
    lines
}

/// A Monte Carlo forecast's answer: each dimension's mean and standard deviation over the draws,
/// and the share of draws in the question's range when it asked one.
pub fn distributions<'a>(
    per_dimension: impl Iterator<Item = (&'a str, f64, f64, Option<f64>)>,
) -> Answer {
    Answer::Outcome(
        per_dimension
            .flat_map(|(dimension, mean, sd, in_range)| {
                [
                    Some((format!("{dimension} mean"), mean)),
                    Some((format!("{dimension} std_dev"), sd)),
                    in_range.map(|p| (format!("{dimension} in range"), p)),
                ]
                .into_iter()
                .flatten()
            })
            .collect(),
    )
}
