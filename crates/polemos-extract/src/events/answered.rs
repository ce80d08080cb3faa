//! A reaction that names no one ("Tokyo rejected the request", "Colombian officials apologized
//! for the incident", "Iran protested after the UAE used the term"): it answers another side's
//! act, so it is aimed at whoever did the latest act of the last few sentences that was not the
//! reacting side's, else at the state the text named last before it, else at the first one it
//! names after it in its sentence.

use crate::ir::{Doc, ItemKind};
use polemos_core::model::{ActorKind, PloverType};

/// How many sentences back the act answered may be.
pub const REACH: usize = 3;

/// An act coded lately: its sentence and who did it.
pub struct Act {
    pub sentence: usize,
    pub sources: Vec<usize>,
}

/// Whether an act of this type answers another side's act: a rejection, a protest, an apology.
/// (An accusation or condemnation with no target is as often of a state of affairs: "we condemn
/// the assassination attempt".)
pub fn reacts(t: PloverType) -> bool {
    matches!(
        t,
        PloverType::Reject | PloverType::Protest | PloverType::Concede
    )
}

/// Whom a reaction by `reacting` at bytes `cue` of sentence `s` answers (see the module).
/// `speaker`: who reports it, not a party to it.
pub fn answered(
    doc: &Doc<'_>,
    acts: &[Act],
    s: usize,
    cue: (usize, usize),
    reacting: &[usize],
    speaker: Option<usize>,
) -> Vec<usize> {
    let theirs = |a: usize| reacting.iter().any(|&r| doc.state_of(r) == doc.state_of(a));
    if let Some(act) = acts
        .iter()
        .rev()
        .find(|a| !a.sources.is_empty() && !a.sources.iter().any(|&x| theirs(x)))
    {
        return act.sources.clone();
    }
    let other_party = |actor: usize| {
        let st = doc.state_of(actor);
        matches!(
            doc.actors[st].kind,
            ActorKind::State | ActorKind::InternationalOrganization
        ) && !theirs(actor)
            && speaker.is_none_or(|sp| doc.state_of(sp) != st)
    };
    for sentence in (s.saturating_sub(REACH)..=s).rev() {
        for it in doc.sentence_items(sentence).iter().rev() {
            if let ItemKind::Actor { actor, .. } = it.kind
                && it.start < cue.0
                && other_party(actor)
            {
                return vec![doc.state_of(actor)];
            }
        }
    }
    doc.sentence_items(s)
        .iter()
        .find_map(|it| match it.kind {
            ItemKind::Actor { actor, .. } if it.start >= cue.1 && other_party(actor) => {
                Some(doc.state_of(actor))
            }
            _ => None,
        })
        .into_iter()
        .collect()
}
