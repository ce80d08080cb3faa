//! A report of another state's force is an accusation by whoever reports it: "the Afghan defense
//! ministry said Pakistani forces fired the first shots" is the ministry accusing Pakistan, as
//! PLOVER codes an allegation, whatever the reporting verb ("said", "told", a quotation).

use crate::ir::{Doc, Item};
use crate::knowledge::{Args, Knowledge};
use crate::output::{Clause, EventFact};
use polemos_core::model::{EventStatus, PloverType};

/// The accusation that the clause's speaker makes by reporting `fact`, an act of force by
/// `sources` (actor indices), told by the cue `cue`: `None` unless the act is an assault or a
/// coercion told by a verb (not `noun`, nor a verb cue the parse reads as a noun: "sanctions
/// over its annexation of Crimea" names the act as background, it does not report it), not
/// negated, the speaker acts for another state than every source, and the act is aimed at the
/// speaker's state or at no one named.
pub(super) fn accusation(
    k: &Knowledge,
    doc: &Doc<'_>,
    clause: &Clause,
    sources: &[usize],
    fact: &EventFact,
    noun: bool,
    cue: &Item,
) -> Option<EventFact> {
    let force = matches!(fact.event_type, PloverType::Assault | PloverType::Coerce);
    if !force || noun || fact.negated {
        return None;
    }
    let speaker = clause.speaker?;
    if sources.is_empty()
        || sources
            .iter()
            .any(|&a| doc.state_of(a) == doc.state_of(speaker))
    {
        return None;
    }
    // An allegation of force against the speaker's own side, or against no one named ("fired
    // the first shots"); a third party's report of force between others ("X said Y attacked
    // Z") is left to the verb of the report.
    let theirs = |name: &String| {
        (0..doc.actors.len())
            .find(|&a| doc.actor_name(a) == *name)
            .is_some_and(|a| doc.state_of(a) == doc.state_of(speaker))
    };
    if !fact.targets.is_empty() && !fact.targets.iter().any(theirs) {
        return None;
    }
    // Last, as it parses the sentence: whether the parse reads the cue as a noun.
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    let tagged_noun = p
        .head_of(&words)
        .and_then(|h| p.token(h))
        .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"));
    if tagged_noun {
        return None;
    }
    let accuse = k
        .events
        .iter()
        .find(|c| c.event_type == PloverType::Accuse && c.args == Args::Svo)?;
    let mut targets: Vec<String> = sources.iter().map(|&a| doc.actor_name(a)).collect();
    targets.sort();
    Some(EventFact {
        event_type: PloverType::Accuse,
        mode: accuse.mode.clone(),
        quad_class: PloverType::Accuse.quad_class(),
        cameo: accuse.cameo.clone(),
        intensity: accuse.intensity,
        contexts: accuse.contexts.clone(),
        sources: vec![doc.actor_name(speaker)],
        targets,
        status: EventStatus::Past,
        // An accusation read from a report, not from a verb of accusing.
        confidence: fact.confidence * 0.85,
        ..fact.clone()
    })
}
