//! Event stage: PLOVER events from event cues with their source and target actors, mode, CAMEO
//! code, intensity, status (planned or past), negation, date, location and linked issues. Reports
//! of the same event across sentences are merged into one event with several pieces of evidence.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::attribution::{clause_at, resolve};
use super::ir::{DateMention, Doc, Item, ItemKind};
use super::knowledge::{Args, Cue, Knowledge};
use super::output::{Clause, EventFact};
use super::syntax::{Subject, objects_after, possessor, subject_before};
use polemos_core::model::{DisputeKind, EventStatus, FuzzyDate, PloverType};

/// The issue name of topic `topic` under the dispute of sentence `s`, if it has one.
#[must_use]
pub fn issue_name(k: &Knowledge, doc: &Doc<'_>, s: usize, topic: usize) -> Option<String> {
    let d = doc.sentence_dispute.get(s).copied().flatten()?;
    let dispute = &doc.disputes[d];
    Some(format!("{}/issues/{}", dispute.name, k.topics[topic].id))
}

fn fits(date: &DateMention, status: EventStatus, published: Option<NaiveDate>) -> bool {
    match (date.date, published) {
        (Some(d), Some(p)) => match status {
            EventStatus::Planned => d >= p,
            EventStatus::Past => d <= p,
        },
        _ => true,
    }
}

/// A possessive pronoun in a leading phrase ("During his meeting..., the minister...") points
/// forward to the main clause's subject.
fn cataphora(doc: &Doc<'_>, items: &[Item], at: usize, s: usize) -> Option<usize> {
    let sentence = &doc.sentences[s];
    let first = doc.tok(sentence.tokens.start);
    let leading = [
        "during",
        "in",
        "at",
        "after",
        "before",
        "ahead",
        "following",
    ]
    .iter()
    .any(|w| first.eq_ignore_ascii_case(w));
    if !leading {
        return None;
    }
    let comma = (sentence.tokens.clone()).find(|&t| doc.tok(t) == ",")?;
    if items[at].tok > comma {
        return None;
    }
    items.iter().find_map(|it| match it.kind {
        ItemKind::Actor {
            actor,
            adjectival: false,
            possessive: false,
            ..
        } if it.tok > comma => Some(actor),
        _ => None,
    })
}

/// The event's sources, and whether they were inferred rather than read.
fn sources(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    clause: &Clause,
    s: usize,
    args: Args,
) -> (Vec<usize>, bool) {
    let floor = doc.token_at(clause.start);
    let ceil = doc.sentences[s].tokens.end;
    match args {
        Args::By => {
            let after = items.get(at + 1..).unwrap_or(&[]);
            let by = after
                .iter()
                .position(|it| matches!(it.kind, ItemKind::Actor { .. }));
            let _ = k;
            match by {
                Some(_) => (
                    objects_after(doc, items, at, ceil)
                        .into_iter()
                        .take(2)
                        .collect(),
                    false,
                ),
                None => (Vec::new(), false),
            }
        }
        Args::Noun => {
            if let Some(p) = possessor(items, at, doc) {
                if let Subject::Pronoun(true) = p
                    && let Some(a) = cataphora(doc, items, at, s)
                {
                    return (vec![a], true);
                }
                if let Some(a) = resolve(doc, &p, clause.speaker, s) {
                    return (a, matches!(p, Subject::Pronoun(_)));
                }
            }
            let subject = subject_before(doc, items, at, floor);
            if let Some(a) = resolve(doc, &subject, clause.speaker, s) {
                return (a, matches!(subject, Subject::Pronoun(_)));
            }
            (clause.speaker.into_iter().collect(), true)
        }
        Args::Svo => {
            let subject = subject_before(doc, items, at, floor);
            let inferred = matches!(subject, Subject::Pronoun(_));
            (
                resolve(doc, &subject, clause.speaker, s).unwrap_or_default(),
                inferred,
            )
        }
    }
}

fn is_planned(items: &[Item], at: usize, clause: &Clause, args: Args) -> bool {
    if clause.hope {
        return true;
    }
    let cue = items[at];
    let plan_before = |window: usize| {
        items[..at].iter().rev().any(|it| {
            matches!(it.kind, ItemKind::Cue(Cue::Plan))
                && it.start >= clause.start
                && cue.tok.saturating_sub(it.tok_end) <= window
        })
    };
    match args {
        Args::Svo | Args::By => plan_before(6),
        Args::Noun => {
            plan_before(2)
                || items[at + 1..]
                    .iter()
                    .any(|it| matches!(it.kind, ItemKind::Cue(Cue::Plan)) && it.start < clause.end)
        }
    }
}

/// Codes every event of the document and merges repeated reports.
#[allow(clippy::too_many_lines)]
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let mut out: Vec<EventFact> = Vec::new();
    let mut index: Index = HashMap::new();
    for s in 0..doc.sentences.len() {
        if doc.sentences[s].headline {
            continue;
        }
        let items: &[Item] = doc.sentence_items(s);
        let mut last_span = (usize::MAX, usize::MAX);
        for (i, it) in items.iter().enumerate() {
            let ItemKind::Event(ev) = it.kind else {
                continue;
            };
            if (it.start, it.end) == last_span {
                continue;
            }
            last_span = (it.start, it.end);
            let cue = &k.events[ev];
            doc.tick(items.len() * 4);
            let Some(clause) = clause_at(&doc.clauses, s, it.start).cloned() else {
                continue;
            };
            let (srcs, inferred) = sources(k, doc, items, i, &clause, s, cue.args);
            let srcs: Vec<usize> = srcs
                .into_iter()
                .filter(|&a| doc.actors[a].kind != polemos_core::model::ActorKind::MediaOutlet)
                .collect();
            if srcs.is_empty() {
                continue;
            }
            let targets: Vec<usize> = if cue.args == Args::By {
                Vec::new()
            } else {
                objects_after(doc, items, i, doc.sentences[s].tokens.end)
                    .into_iter()
                    .filter(|a| !srcs.contains(a))
                    .filter(|&a| doc.actors[a].kind != polemos_core::model::ActorKind::MediaOutlet)
                    .collect()
            };
            let mut status = if is_planned(items, i, &clause, cue.args) {
                EventStatus::Planned
            } else {
                EventStatus::Past
            };
            let src_end = items[..i]
                .iter()
                .rev()
                .find(|x| matches!(x.kind, ItemKind::Actor { actor, .. } if srcs.contains(&actor)))
                .map_or(clause.start, |x| x.end);
            let negated = items[..i].iter().rev().any(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Negator))
                    && x.start >= src_end
                    && x.start >= clause.start
                    && it.tok.saturating_sub(x.tok_end) <= 4
            });
            let hedged = items.iter().any(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Hedge))
                    && x.start >= clause.start
                    && x.start < clause.end
            });
            // The nearest date that fits the status, preferring the event's own clause.
            let mut best: Option<(usize, &DateMention)> = None;
            for x in items {
                if let ItemKind::Date(d) = x.kind {
                    let dm = &doc.dates[d];
                    let deadline = dm.qualifier == Some("end");
                    if deadline || !fits(dm, status, doc.published) {
                        continue;
                    }
                    let dist = x.tok.abs_diff(it.tok)
                        + if x.start >= clause.start && x.start < clause.end {
                            0
                        } else {
                            1000
                        };
                    if best.is_none_or(|(b, _)| dist < b) {
                        best = Some((dist, dm));
                    }
                }
            }
            let date = best.and_then(|(_, dm)| {
                dm.date.map(|date| FuzzyDate {
                    date,
                    precision: dm.precision,
                })
            });
            if let (Some(d), Some(p), EventStatus::Past) = (date, doc.published, status)
                && d.date > p
            {
                status = EventStatus::Planned;
            }
            let location = items.iter().find_map(|x| match x.kind {
                ItemKind::Location => Some(doc.slice(x.start, x.end).to_owned()),
                _ => None,
            });
            let venue = items.iter().find_map(|x| match x.kind {
                ItemKind::Venue(v) => Some(v),
                _ => None,
            });
            let location = location.or_else(|| venue.and_then(|v| k.venues[v].location.clone()));
            let dispute = doc.sentence_dispute.get(s).copied().flatten();
            let mut issues: Vec<String> = Vec::new();
            let mut territorial_here = false;
            for x in items {
                match x.kind {
                    ItemKind::Topic(t) => {
                        if k.topics[t].id == "sovereignty" {
                            territorial_here = true;
                        }
                        if let Some(name) = issue_name(k, doc, s, t)
                            && !issues.contains(&name)
                        {
                            issues.push(name);
                        }
                    }
                    ItemKind::DisputeName(..) | ItemKind::DisputePart(_) => territorial_here = true,
                    _ => {}
                }
            }
            let mut contexts = cue.contexts.clone();
            if territorial_here
                && dispute
                    .and_then(|d| doc.disputes[d].known)
                    .is_some_and(|d| {
                        matches!(
                            k.disputes[d].kind,
                            DisputeKind::Territorial | DisputeKind::Maritime
                        )
                    })
                && !contexts.iter().any(|c| c == "territory")
            {
                contexts.push("territory".into());
            }
            let mut confidence: f64 = 0.8;
            if hedged {
                confidence *= 0.6;
            }
            if inferred {
                confidence *= 0.85;
            }
            let mut sources: Vec<String> = srcs.iter().map(|&a| doc.actor_name(a)).collect();
            let mut targets: Vec<String> = targets.iter().map(|&a| doc.actor_name(a)).collect();
            sources.sort();
            targets.sort();
            let evidence = doc.evidence(
                s,
                Some((it.start, it.end)),
                confidence,
                clause.speaker,
                clause.reported_by,
            );
            let fact = EventFact {
                event_type: cue.event_type,
                mode: cue.mode.clone(),
                quad_class: cue.event_type.quad_class(),
                cameo: cue.cameo.clone(),
                intensity: cue.intensity,
                contexts,
                sources,
                targets,
                status,
                negated,
                hedged,
                date,
                location,
                venue: venue.map(|v| k.venues[v].display.clone()),
                dispute: dispute.map(|d| doc.disputes[d].name.clone()),
                issues,
                confidence,
                evidence: vec![evidence],
            };
            merge(&mut out, &mut index, fact);
        }
    }
    doc.events = out;
}

type Index = HashMap<(PloverType, Vec<String>, EventStatus, bool), Vec<usize>>;

/// Adds an event, folding it into an earlier report of the same event (same type, sources,
/// status and negation, and compatible targets).
fn merge(out: &mut Vec<EventFact>, index: &mut Index, fact: EventFact) {
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
