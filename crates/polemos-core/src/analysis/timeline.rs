//! Stance timelines per actor and issue, and the shifts in them.
//!
//! A timeline is the consolidated stance (see [`super::consolidate`]) re-evaluated at every date
//! on which something about the pair changed: a record came into force, a record ended, or an
//! evidence item was published. Between those dates the position and label cannot change (the
//! recency decay is exponential, so it scales every weight alike), which makes the timeline exact.
//!
//! A shift is a point whose label differs from, or whose position is more than `threshold` points
//! away from, the *reference* point: the first point of the timeline, then the point of the last
//! shift. Measuring from the reference rather than from the previous point catches slow drift made
//! of small steps.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::asof::{DocumentIndex, KnownStance, known_stance};
use super::consolidate::{ConsolidateOptions, ConsolidatedStance, EvidenceRef, consolidate_group};
use super::error::{AnalysisError, check_at_least};
use crate::model::{Stance, StanceLabel};
use crate::names::{ActorName, IssueName};

/// The consolidated stance from `date` until the next point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelinePoint {
    /// The date the point takes effect.
    pub date: NaiveDate,
    /// `None` when no record was in force from this date (the actor's stance lapsed).
    pub stance: Option<ConsolidatedStance>,
}

/// The timeline of one actor on one issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// The actor.
    pub actor: ActorName,
    /// The issue.
    pub issue: IssueName,
    /// The points, oldest first.
    pub points: Vec<TimelinePoint>,
}

/// What changed in a shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShiftKind {
    /// The label changed; the position moved less than the threshold.
    Label,
    /// The position moved beyond the threshold; the label stayed.
    Position,
    /// Both the label and the position changed.
    LabelAndPosition,
}

/// A stance as it stood before or after a shift, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShiftSide {
    /// When this side took effect.
    pub date: NaiveDate,
    /// The position then.
    pub position: f64,
    /// The label then.
    pub label: StanceLabel,
    /// The evidence behind it.
    pub evidence: Vec<EvidenceRef>,
}

/// A change of one actor's stance on one issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shift {
    /// The actor.
    pub actor: ActorName,
    /// The issue.
    pub issue: IssueName,
    /// When the new stance took effect.
    pub date: NaiveDate,
    /// What changed.
    pub kind: ShiftKind,
    /// `after.position − before.position`.
    pub delta: f64,
    /// The stance before the change.
    pub before: ShiftSide,
    /// The stance after it.
    pub after: ShiftSide,
}

/// Timelines of every (actor, issue) pair in `stances`, up to `as_of`, sorted by actor and issue.
///
/// # Errors
/// [`AnalysisError::InvalidOption`] when the options are out of range.
pub fn timelines(
    stances: &[Stance],
    docs: &DocumentIndex<'_>,
    as_of: NaiveDate,
    options: &ConsolidateOptions,
) -> Result<Vec<Timeline>, AnalysisError> {
    options.check()?;
    let mut sorted: Vec<&Stance> = stances.iter().collect();
    sorted.sort_by(|a, b| (&a.actor, &a.issue, &a.name).cmp(&(&b.actor, &b.issue, &b.name)));
    Ok(sorted
        .chunk_by(|a, b| a.actor == b.actor && a.issue == b.issue)
        .filter_map(|group| timeline_of(group, docs, as_of, options))
        .collect())
}

/// The timeline of one pair from its records (all of one actor on one issue).
fn timeline_of(
    group: &[&Stance],
    docs: &DocumentIndex<'_>,
    as_of: NaiveDate,
    options: &ConsolidateOptions,
) -> Option<Timeline> {
    let first = group.first()?;
    let mut dates: BTreeSet<NaiveDate> = BTreeSet::new();
    for s in group {
        dates.insert(s.valid_from);
        dates.extend(s.valid_to);
        dates.extend(s.evidence.iter().map(|e| docs.date_of(e, s.valid_from)));
    }
    let mut points: Vec<TimelinePoint> = Vec::new();
    for &date in dates.range(..=as_of) {
        let known: Vec<KnownStance<'_>> = group
            .iter()
            .filter(|s| s.valid_on(date))
            .filter_map(|s| known_stance(s, docs, date))
            .collect();
        let stance = consolidate_group(&known, docs, date, options);
        let same = points
            .last()
            .is_some_and(|p| same_state(p.stance.as_ref(), stance.as_ref()));
        if points.is_empty() && stance.is_none() {
            continue;
        }
        if !same {
            points.push(TimelinePoint { date, stance });
        }
    }
    (!points.is_empty()).then(|| Timeline {
        actor: first.actor.clone(),
        issue: first.issue.clone(),
        points,
    })
}

/// Two points are the same state when the same records hold the same position and label.
fn same_state(a: Option<&ConsolidatedStance>, b: Option<&ConsolidatedStance>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            a.label == b.label
                && (a.position.get() - b.position.get()).abs() < 1e-9
                && a.records == b.records
                && a.evidence.len() == b.evidence.len()
                && a.conflict.as_ref().map(Vec::len) == b.conflict.as_ref().map(Vec::len)
        }
        _ => false,
    }
}

/// The shifts in a timeline (see the module docs). Lapses (no record in force) are skipped: a
/// stance that lapses and comes back is compared with what it was before the lapse.
///
/// # Errors
/// [`AnalysisError::InvalidOption`] for a negative or non-finite threshold.
pub fn shifts(timeline: &Timeline, threshold: f64) -> Result<Vec<Shift>, AnalysisError> {
    check_at_least("threshold", threshold, 0.0, "0 or more position points")?;
    let mut out = Vec::new();
    let mut reference: Option<(NaiveDate, &ConsolidatedStance)> = None;
    for point in &timeline.points {
        let Some(stance) = point.stance.as_ref() else {
            continue;
        };
        let Some((ref_date, before)) = reference else {
            reference = Some((point.date, stance));
            continue;
        };
        let delta = stance.position.get() - before.position.get();
        let moved = delta.abs() > threshold;
        let relabeled = stance.label != before.label;
        let kind = match (relabeled, moved) {
            (true, true) => ShiftKind::LabelAndPosition,
            (true, false) => ShiftKind::Label,
            (false, true) => ShiftKind::Position,
            (false, false) => continue,
        };
        out.push(Shift {
            actor: timeline.actor.clone(),
            issue: timeline.issue.clone(),
            date: point.date,
            kind,
            delta,
            before: side(ref_date, before),
            after: side(point.date, stance),
        });
        reference = Some((point.date, stance));
    }
    Ok(out)
}

fn side(date: NaiveDate, s: &ConsolidatedStance) -> ShiftSide {
    ShiftSide {
        date,
        position: s.position.get(),
        label: s.label,
        evidence: s.evidence.clone(),
    }
}

/// Every shift in every timeline, sorted by date.
///
/// # Errors
/// [`AnalysisError::InvalidOption`] when an option is out of range.
pub fn all_shifts(
    stances: &[Stance],
    docs: &DocumentIndex<'_>,
    as_of: NaiveDate,
    options: &ConsolidateOptions,
    threshold: f64,
) -> Result<Vec<Shift>, AnalysisError> {
    let mut out = Vec::new();
    for t in timelines(stances, docs, as_of, options)? {
        out.extend(shifts(&t, threshold)?);
    }
    out.sort_by(|a, b| (a.date, &a.actor, &a.issue).cmp(&(b.date, &b.actor, &b.issue)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testutil::{date, stance};

    /// A on X, records without evidence (known from `valid_from`), each ending when the next
    /// begins, so every point holds one record:
    /// 01-01 40 neutral → 03-01 55 neutral (15 from the reference 40: no shift) →
    /// 06-01 65 neutral (25 from the reference 40 > 20: position shift, drift caught) →
    /// 09-01 65 conditional (label shift, delta 0 from the new reference 65).
    fn drift() -> Vec<Stance> {
        let mut s1 = stance(
            "s1",
            "A",
            "x",
            40.0,
            0.8,
            StanceLabel::Neutral,
            "2018-01-01",
        );
        s1.valid_to = Some(date("2018-03-01"));
        let mut s2 = stance(
            "s2",
            "A",
            "x",
            55.0,
            0.8,
            StanceLabel::Neutral,
            "2018-03-01",
        );
        s2.valid_to = Some(date("2018-06-01"));
        let mut s3 = stance(
            "s3",
            "A",
            "x",
            65.0,
            0.8,
            StanceLabel::Neutral,
            "2018-06-01",
        );
        s3.valid_to = Some(date("2018-09-01"));
        let s4 = stance(
            "s4",
            "A",
            "x",
            65.0,
            0.8,
            StanceLabel::Conditional,
            "2018-09-01",
        );
        vec![s1, s2, s3, s4]
    }

    #[test]
    fn timeline_has_a_point_per_change() {
        let stances = drift();
        let docs = DocumentIndex::default();
        let lines = timelines(
            &stances,
            &docs,
            date("2018-12-31"),
            &ConsolidateOptions::default(),
        )
        .expect("ok");
        assert_eq!(lines.len(), 1);
        let points: Vec<(NaiveDate, f64)> = lines[0]
            .points
            .iter()
            .map(|p| (p.date, p.stance.as_ref().map_or(-1.0, |s| s.position.get())))
            .collect();
        assert_eq!(
            points,
            vec![
                (date("2018-01-01"), 40.0),
                (date("2018-03-01"), 55.0),
                (date("2018-06-01"), 65.0),
                (date("2018-09-01"), 65.0),
            ]
        );
    }

    #[test]
    fn shifts_are_measured_from_the_last_shift() {
        let stances = drift();
        let docs = DocumentIndex::default();
        let shifts = all_shifts(
            &stances,
            &docs,
            date("2018-12-31"),
            &ConsolidateOptions::default(),
            20.0,
        )
        .expect("ok");
        assert_eq!(shifts.len(), 2, "{shifts:#?}");
        assert_eq!(shifts[0].date, date("2018-06-01"));
        assert_eq!(shifts[0].kind, ShiftKind::Position);
        assert_eq!(shifts[0].before.date, date("2018-01-01"));
        assert!((shifts[0].delta - 25.0).abs() < 1e-9);
        assert_eq!(shifts[1].date, date("2018-09-01"));
        assert_eq!(shifts[1].kind, ShiftKind::Label);
        assert_eq!(shifts[1].before.label, StanceLabel::Neutral);
        assert_eq!(shifts[1].after.label, StanceLabel::Conditional);
        // As of 2018-08-31 the label change has not happened yet.
        let early = all_shifts(
            &stances,
            &docs,
            date("2018-08-31"),
            &ConsolidateOptions::default(),
            20.0,
        )
        .expect("ok");
        assert_eq!(early.len(), 1);
        // A threshold of 30 no longer sees the drift.
        let coarse = all_shifts(
            &stances,
            &docs,
            date("2018-12-31"),
            &ConsolidateOptions::default(),
            30.0,
        )
        .expect("ok");
        assert_eq!(coarse.len(), 1);
        assert_eq!(coarse[0].kind, ShiftKind::Label);
        assert!(
            all_shifts(
                &stances,
                &docs,
                date("2018-12-31"),
                &ConsolidateOptions::default(),
                -1.0
            )
            .is_err()
        );
    }
}
