//! Who holds a stance: the subject of a verb of stance or claim, the speaker of a judgement,
//! the state a text speaks for, officials' states rather than the officials.

use super::super::attribution::resolve;
use super::super::ir::{Doc, Item, ItemKind};
use super::super::knowledge::{Args, Cue};
use super::super::output::Clause;
use super::super::syntax::{Subject, objects_after, possessor, subject_before};
use super::Kind;

/// How close after a sentence's opening subject its verb stands, for [`voice`].
const VOICE_VERB: usize = 4;
/// How far into a sentence its opening subject may stand ("Today, the United States ...").
const VOICE_OPENER: usize = 3;

/// The state a text speaks for: the one that opens at least two sentences as their subject
/// ("The United States welcomes ...", "The United States remains committed ..."), when one
/// state does so more than any other.
pub(super) fn voice(doc: &Doc<'_>) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for s in 0..doc.sentences.len() {
        let first = doc.sentences[s].tokens.start;
        let items = doc.sentence_items(s);
        // The opener must be the one speaking: a verb of saying or of stance follows it.
        let opener = items.iter().enumerate().find_map(|(j, x)| match x.kind {
            ItemKind::Actor {
                actor,
                adjectival: false,
                possessive: false,
                ..
            } if x.tok <= first + VOICE_OPENER => items[j + 1..]
                .iter()
                .take_while(|y| y.tok <= x.tok_end + VOICE_VERB)
                .any(|y| {
                    matches!(
                        y.kind,
                        ItemKind::Cue(Cue::Report | Cue::Support | Cue::Oppose | Cue::Enact)
                            | ItemKind::Event(_)
                    )
                })
                .then_some(actor),
            _ => None,
        });
        if let Some(a) = opener.and_then(|a| doc.holder_of(a))
            && doc.actors[a].kind == polemos_core::model::ActorKind::State
        {
            match counts.iter_mut().find(|(x, _)| *x == a) {
                Some(c) => c.1 += 1,
                None => counts.push((a, 1)),
            }
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    match counts.as_slice() {
        [(a, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|(_, m)| m < n) => Some(*a),
        _ => None,
    }
}

/// The stance holders (states for their officials), the actors the text names as agents, and
/// whether they were inferred rather than read.
pub(super) fn holder(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    clause: &Clause,
    s: usize,
    kind: Kind,
    args: Option<Args>,
) -> (Vec<usize>, Vec<usize>, bool) {
    let floor = doc.token_at(clause.start);
    let found: Option<(Vec<usize>, bool)> = match kind {
        Kind::Proposal => {
            let by = (args == Some(Args::By))
                .then(|| objects_after(doc, items, at, doc.sentences[s].tokens.end))
                .filter(|v| !v.is_empty())
                .map(|v| (v, false));
            by.or_else(|| {
                possessor(items, at, doc).and_then(|p| {
                    resolve(doc, &p, clause.speaker, s)
                        .map(|a| (a, matches!(p, Subject::Pronoun(_))))
                })
            })
            .or_else(|| {
                let subj = subject_before(doc, items, at, floor);
                resolve(doc, &subj, clause.speaker, s)
                    .map(|a| (a, matches!(subj, Subject::Pronoun(_))))
            })
        }
        Kind::Downplay => clause.speaker.map(|a| (vec![a], false)).or_else(|| {
            let subj = subject_before(doc, items, at, floor);
            resolve(doc, &subj, clause.speaker, s).map(|a| (a, true))
        }),
        Kind::Support | Kind::Oppose | Kind::Claim => {
            let subj = subject_before(doc, items, at, floor);
            // "Ethiopian officials responded, saying they would not halt ...": "they" is the
            // group just named in the sentence before it discourse.
            let group_here = (subj == Subject::Pronoun(false))
                .then(|| {
                    items[..at].iter().rev().find_map(|x| match x.kind {
                        ItemKind::Actor {
                            actor,
                            adjectival: false,
                            possessive: false,
                            ..
                        } if !matches!(
                            doc.actors[actor].kind,
                            polemos_core::model::ActorKind::Person
                                | polemos_core::model::ActorKind::MediaOutlet
                        ) =>
                        {
                            Some(actor)
                        }
                        _ => None,
                    })
                })
                .flatten();
            if let Some(a) = group_here {
                return finish(doc, vec![a], true);
            }
            resolve(doc, &subj, clause.speaker, s)
                .map(|a| (a, matches!(subj, Subject::Pronoun(_))))
                .or_else(|| clause.speaker.map(|a| (vec![a], true)))
        }
        // A judgement is the speaker's, never the subject's ("the PRC has no lawful claim" is
        // not the PRC's stance): the quoted speaker, else the subject of the verb that
        // introduces the clause ("the United States reaffirms that ...").
        Kind::DenyClaim | Kind::Assess(_) => {
            clause.speaker.map(|a| (vec![a], false)).or_else(|| {
                let first = doc.sentences[s].tokens.start;
                let intro = items[..at].iter().rposition(|x| {
                    matches!(
                        x.kind,
                        ItemKind::Cue(Cue::Report | Cue::Support | Cue::Oppose)
                    )
                });
                if let Some(intro) = intro {
                    let subj = subject_before(doc, items, intro, first);
                    return resolve(doc, &subj, clause.speaker, s).map(|a| (a, true));
                }
                // No verb of saying: the actor that opens the sentence ("The United States
                // reaffirms ...").
                items[..at].iter().find_map(|x| match x.kind {
                    ItemKind::Actor {
                        actor,
                        adjectival: false,
                        possessive: false,
                        ..
                    } if x.tok <= first + 1 => Some((vec![actor], true)),
                    _ => None,
                })
            })
        }
    };
    let (mut actors, inferred) = found.unwrap_or_default();
    // "On Sudan, Ambassador Hammer will ...": a state named in a leading prepositional phrase
    // is what the sentence is about, not who speaks.
    let cue_tok = items[at].tok;
    actors.retain(|&a| {
        let last = items[..at].iter().rev().find(|x| {
            matches!(x.kind, ItemKind::Actor { actor, .. } if actor == a) && x.tok < cue_tok
        });
        !last.is_some_and(|x| {
            let sentence_start = doc.sentences[s].tokens.start;
            x.tok == sentence_start + 1
                && doc.tok_in(
                    sentence_start,
                    &["on", "in", "for", "about", "with", "regarding"],
                )
        })
    });
    finish(doc, actors, inferred)
}

/// Who holds a stance actor `a` takes: its state (see [`Doc::holder_of`]). A person whose state
/// or organization is unknown holds nothing the scorecard of states can use, and is often a cut
/// or misread name: no one.
pub(super) fn stance_holder(doc: &Doc<'_>, a: usize) -> Option<usize> {
    let actor = doc.actors.get(a)?;
    if actor.kind == polemos_core::model::ActorKind::Person && actor.affiliation.is_none() {
        return None;
    }
    doc.holder_of(a)
}

/// The holders of a stance whose agents are `actors`: their states, people with no known
/// state left out.
fn finish(doc: &Doc<'_>, actors: Vec<usize>, inferred: bool) -> (Vec<usize>, Vec<usize>, bool) {
    let mut holders: Vec<usize> = Vec::new();
    for &a in &actors {
        if let Some(h) = stance_holder(doc, a)
            && !holders.contains(&h)
        {
            holders.push(h);
        }
    }
    (holders, actors, inferred)
}
