//! Helpers shared by the extraction tests: a compact, reviewable projection of an extraction.

#![allow(dead_code)]

use polemos_extract::Extraction;
use serde_json::{Value, json};

/// The facts of an extraction without spans and quotes: what a reviewer checks by hand.
pub fn project(x: &Extraction) -> Value {
    let actors: Vec<Value> = x
        .actors
        .iter()
        .map(|a| {
            json!({
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "affiliation": a.affiliation,
                "cited_as_source": a.cited_as_source,
            })
        })
        .collect();
    let events: Vec<Value> = x
        .events
        .iter()
        .map(|e| {
            json!({
                "event_type": e.event_type,
                "mode": e.mode,
                "quad_class": e.quad_class,
                "cameo": e.cameo,
                "sources": e.sources,
                "targets": e.targets,
                "status": e.status,
                "negated": e.negated,
                "hedged": e.hedged,
                "date": e.date,
                "location": e.location,
                "venue": e.venue,
                "issues": e.issues,
                "sentences": e.evidence.iter().map(|v| v.sentence).collect::<Vec<_>>(),
                "reported_by": e.evidence.iter().filter_map(|v| v.reported_by.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let stances: Vec<Value> = x
        .stances
        .iter()
        .map(|s| {
            json!({
                "actor": s.actor,
                "issue": s.issue,
                "label": s.label,
                "position": s.position,
                "salience": s.salience,
                "hedged": s.hedged,
                "negated": s.negated,
                "downplayed": s.downplayed,
                "proposal": s.proposal,
                "deadline": s.deadline,
                "conditions": s.conditions.iter().map(|c| json!({"issue": c.issue, "required": c.required, "text": c.text})).collect::<Vec<_>>(),
                "speakers": s.evidence.iter().map(|v| v.speaker.clone()).collect::<Vec<_>>(),
                "sentences": s.evidence.iter().map(|v| v.sentence).collect::<Vec<_>>(),
            })
        })
        .collect();
    let disputes: Vec<Value> = x
        .disputes
        .iter()
        .map(|d| {
            json!({
                "name": d.name,
                "mentions": d.mentions.iter().map(|m| json!({"label": m.label, "framing": m.framing})).collect::<Vec<_>>(),
                "parts": d.parts,
                "framing": d.framing,
            })
        })
        .collect();
    let attributions: Vec<Value> = x
        .attributions
        .iter()
        .map(|a| {
            json!({
                "speaker": a.speaker,
                "reported_by": a.reported_by,
                "speech": a.speech,
                "cue": a.cue,
                "sentence": a.evidence.sentence,
            })
        })
        .collect();
    json!({
        "actors": actors,
        "attributions": attributions,
        "events": events,
        "stances": stances,
        "disputes": disputes,
        "proposed_issues": x.proposed_issues.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "dates": x.dates.iter().map(|d| json!({"text": d.text, "date": d.date, "precision": d.precision})).collect::<Vec<_>>(),
        "boilerplate_lines": x.boilerplate.len(),
    })
}

/// Whether `expected` is contained in `actual`: objects by key (recursively), arrays and
/// scalars by equality.
pub fn contains(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|x| contains(x, v))),
        (a, e) => a == e,
    }
}
