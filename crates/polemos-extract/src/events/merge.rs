//! Reports of the same event across sentences folded into one event with several pieces of
//! evidence.

use std::collections::HashMap;

use crate::output::EventFact;
use polemos_core::model::{EventStatus, PloverType};

pub(super) type Index = HashMap<(PloverType, Vec<String>, EventStatus, bool), Vec<usize>>;

/// Adds an event, folding it into an earlier report of the same event (same type, sources,
/// status and negation, and compatible targets).
pub(super) fn merge(out: &mut Vec<EventFact>, index: &mut Index, fact: EventFact) {
    let key = (
        fact.event_type,
        fact.sources.clone(),
        fact.status,
        fact.negated,
    );
    let candidates = index.entry(key).or_default();
    // Only recent reports are candidates, so a text naming thousands of targets stays linear.
    let same = candidates.iter().rev().take(16).copied().find(|&i| {
        let e = &out[i];
        e.targets == fact.targets || fact.targets.is_empty() || e.targets.is_empty()
    });
    let Some(i) = same else {
        candidates.push(out.len());
        out.push(fact);
        return;
    };
    let e = &mut out[i];
    if e.targets.is_empty() {
        e.targets = fact.targets;
    }
    if e.date.is_none() {
        e.date = fact.date;
    }
    if e.location.is_none() {
        e.location = fact.location;
    }
    if e.venue.is_none() {
        e.venue = fact.venue;
    }
    if e.dispute.is_none() {
        e.dispute = fact.dispute;
    }
    for i in fact.issues {
        if !e.issues.contains(&i) {
            e.issues.push(i);
        }
    }
    for c in fact.contexts {
        if !e.contexts.contains(&c) {
            e.contexts.push(c);
        }
    }
    e.hedged &= fact.hedged;
    e.confidence = e.confidence.max(fact.confidence);
    if e.evidence.last().map(|x| x.span) != fact.evidence.first().map(|x| x.span) {
        e.evidence.extend(fact.evidence);
    }
}

/// Adds an event the voice of `clause` carries rather than a verb that names it (an accusation
/// in the judge's own words, a promise not to yield, an obligation read from a reported clause):
/// the targets on another side than every source, the actors by name in order, the clause's
/// evidence for the words at `span` of sentence `s`, the sentence's dispute, and a confidence
/// below a naming verb's. Nothing when no source or no target on another side is left.
#[allow(clippy::too_many_arguments)]
pub(super) fn add_voiced(
    doc: &crate::ir::Doc<'_>,
    out: &mut Vec<EventFact>,
    index: &mut Index,
    cue: &crate::knowledge::EventCue,
    (s, span): (usize, (usize, usize)),
    clause: &crate::output::Clause,
    sources: &[usize],
    targets: &[usize],
) {
    let targets: Vec<usize> = targets
        .iter()
        .copied()
        .filter(|&t| !sources.iter().any(|&x| doc.state_of(x) == doc.state_of(t)))
        .collect();
    if sources.is_empty() || targets.is_empty() {
        return;
    }
    let names = |actors: &[usize]| {
        let mut names: Vec<String> = actors.iter().map(|&a| doc.actor_name(a)).collect();
        names.sort();
        names.dedup();
        names
    };
    let confidence = 0.8 * 0.85;
    let evidence = doc.evidence(
        s,
        Some(span),
        confidence,
        clause.speaker,
        clause.reported_by,
    );
    let dispute = doc.sentence_dispute.get(s).copied().flatten();
    let fact = EventFact::done(
        cue,
        names(sources),
        names(&targets),
        clause.hope,
        dispute.map(|d| doc.disputes[d].name.clone()),
        confidence,
        evidence,
    );
    merge(out, index, fact);
}
