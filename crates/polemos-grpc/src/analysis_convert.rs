//! Outbound conversions of the core's analysis results (`polemos_core::analysis`) to the typed
//! `AnalysisService` messages. They cannot fail: every core value has a message field, counts
//! that would not fit a `uint32` saturate, and absent values become unset optionals or empty
//! strings, as the proto documents.

use chrono::NaiveDate;
use polemos_core as core;
use polemos_core::analysis::agreement::{AgreementMatrix, Polarization};
use polemos_core::analysis::coalitions::Coalition;
use polemos_core::analysis::consolidate::{ConsolidatedStance, EvidenceRef, StanceSide};
use polemos_core::analysis::preconditions::{
    Deadlock, DeadlockKind, PreconditionEdge, SequencingConflict,
};
use polemos_core::analysis::series::{Bucket, Granularity, PairSeries, Trend};
use polemos_core::analysis::timeline::{Shift, ShiftKind, ShiftSide};
use polemos_core::values::Position;
use polemos_proto::v1 as pb;

use super::convert::{label_out, required_out};

pub fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn names<T: AsRef<str>>(list: &[T]) -> Vec<String> {
    list.iter().map(|n| n.as_ref().to_owned()).collect()
}

fn evidence(list: &[EvidenceRef]) -> Vec<pb::AnalysisEvidence> {
    list.iter()
        .map(|e| pb::AnalysisEvidence {
            stance: e.stance.to_string(),
            date: day(e.date),
            document: e
                .document
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            quote: e.quote.clone().unwrap_or_default(),
            speaker: e
                .speaker
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            source_channel: e.source.channel.clone(),
        })
        .collect()
}

fn condition(c: &core::Condition) -> pb::Condition {
    pb::Condition {
        issue: c.issue.to_string(),
        required: required_out(c.required),
        min_position: c.min_position.map(Position::get),
        max_position: c.max_position.map(Position::get),
        text: c.text.clone(),
    }
}

fn side(s: &StanceSide) -> pb::StanceSide {
    pb::StanceSide {
        position: s.position.get(),
        label: label_out(s.label),
        share: s.share,
        sources: count(s.sources),
        records: names(&s.records),
        evidence: evidence(&s.evidence),
    }
}

pub fn current_stance(s: &ConsolidatedStance) -> pb::CurrentStance {
    pb::CurrentStance {
        actor: s.actor.to_string(),
        issue: s.issue.to_string(),
        position: s.position.get(),
        salience: s.salience.get(),
        label: label_out(s.label),
        conditions: s.conditions.iter().map(condition).collect(),
        confidence: s.confidence.get(),
        sources: count(s.sources),
        last_evidence: day(s.last_evidence),
        records: names(&s.records),
        evidence: evidence(&s.evidence),
        conflict: s.conflict.iter().flatten().map(side).collect(),
    }
}

/// The agreement matrix and polarization as a `GetStanceMatrixResponse`.
pub fn stance_matrix(
    as_of: NaiveDate,
    m: &AgreementMatrix,
    p: &Polarization,
) -> pb::GetStanceMatrixResponse {
    let rows = m
        .actors
        .iter()
        .zip(m.agreement.iter().zip(&m.shared_issues))
        .map(|(actor, (agreement, shared))| pb::AgreementRow {
            actor: actor.to_string(),
            cells: agreement
                .iter()
                .zip(shared)
                .map(|(&agreement, &shared)| pb::AgreementCell {
                    agreement,
                    shared_issues: count(shared),
                })
                .collect(),
        })
        .collect();
    pb::GetStanceMatrixResponse {
        as_of: day(as_of),
        actors: names(&m.actors),
        issues: names(&m.issues),
        rows,
        polarization: Some(pb::Polarization {
            index: p.index,
            issues: p
                .issues
                .iter()
                .map(|i| pb::IssuePolarization {
                    issue: i.issue.to_string(),
                    actors: count(i.actors),
                    mean_salience: i.mean_salience,
                    index: i.index,
                })
                .collect(),
        }),
    }
}

fn shift_kind(k: ShiftKind) -> i32 {
    let p = match k {
        ShiftKind::Label => pb::ShiftKind::Label,
        ShiftKind::Position => pb::ShiftKind::Position,
        ShiftKind::LabelAndPosition => pb::ShiftKind::LabelAndPosition,
    };
    p as i32
}

fn shift_point(s: &ShiftSide) -> pb::ShiftPoint {
    pb::ShiftPoint {
        date: day(s.date),
        position: s.position,
        label: label_out(s.label),
        evidence: evidence(&s.evidence),
    }
}

pub fn shift(s: &Shift) -> pb::StanceShift {
    pb::StanceShift {
        actor: s.actor.to_string(),
        issue: s.issue.to_string(),
        date: day(s.date),
        kind: shift_kind(s.kind),
        delta: s.delta,
        before: Some(shift_point(&s.before)),
        after: Some(shift_point(&s.after)),
    }
}

fn edge(e: &PreconditionEdge) -> pb::PreconditionEdge {
    pb::PreconditionEdge {
        before: e.before.to_string(),
        after: e.after.to_string(),
        actor: e.actor.to_string(),
        required: required_out(e.required),
        label: label_out(e.label),
        position: e.position,
        condition_text: e.condition_text.clone(),
        evidence: evidence(&e.evidence),
    }
}

fn sequencing(c: &SequencingConflict) -> pb::SequencingConflict {
    pb::SequencingConflict {
        first_actor: c.first_actor.to_string(),
        second_actor: c.second_actor.to_string(),
        x: c.x.to_string(),
        y: c.y.to_string(),
    }
}

pub fn deadlock(d: &Deadlock) -> pb::Deadlock {
    let kind = match d.kind {
        DeadlockKind::BetweenActors => pb::DeadlockKind::BetweenActors,
        DeadlockKind::SelfContradiction => pb::DeadlockKind::SelfContradiction,
    };
    pb::Deadlock {
        kind: kind as i32,
        issues: names(&d.issues),
        cycle: names(&d.cycle),
        parties: names(&d.parties),
        edges: d.edges.iter().map(edge).collect(),
        conflicts: d.conflicts.iter().map(sequencing).collect(),
    }
}

pub fn coalition(c: &Coalition) -> pb::Coalition {
    pb::Coalition {
        members: names(&c.members),
        cohesion: c.cohesion,
    }
}

pub fn granularity_out(g: Granularity) -> i32 {
    let p = match g {
        Granularity::Day => pb::SeriesGranularity::Day,
        Granularity::Week => pb::SeriesGranularity::Week,
        Granularity::Month => pb::SeriesGranularity::Month,
    };
    p as i32
}

fn bucket(b: &Bucket) -> pb::SeriesBucket {
    pb::SeriesBucket {
        start: day(b.start),
        verbal_cooperation: count(b.verbal_cooperation),
        material_cooperation: count(b.material_cooperation),
        verbal_conflict: count(b.verbal_conflict),
        material_conflict: count(b.material_conflict),
        total: count(b.total),
        imprecise: count(b.imprecise),
        mean_intensity: b.mean_intensity,
    }
}

fn trend(t: &Trend) -> pb::SeriesTrend {
    pb::SeriesTrend {
        slope: t.slope,
        intercept: t.intercept,
        points: count(t.points),
    }
}

pub fn pair_series(s: &PairSeries) -> pb::PairSeries {
    pb::PairSeries {
        actor_a: s.a.to_string(),
        actor_b: s.b.to_string(),
        buckets: s.buckets.iter().map(bucket).collect(),
        trend: s.trend.as_ref().map(trend),
    }
}
