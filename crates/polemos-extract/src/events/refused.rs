//! Refusals told as a negated promise: "Ethiopian officials responded, saying they would not halt
//! construction of the dam". A speaker who says its side will not give up an act
//! (`yielding_verb`: "halt", "withdraw", "cede") rejects whoever asked for it: the other side's
//! latest act, as for a rejection that names no one (`answered.rs`).

use super::answered::{self, Act};
use super::judged::owner_actor;
use super::{Index, add_voiced};
use crate::attribution::clause_at;
use crate::ir::{Doc, Item};
use crate::knowledge::Knowledge;
use crate::lang::Class;
use crate::lexicon::Lex;
use crate::output::EventFact;
use crate::tree::Word;
use polemos_core::model::PloverType;

/// Codes the refusals of sentence `s` as rejections and adds them to `out`. `acts`: who acted
/// lately, whom a refusal answers.
pub(super) fn code(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    s: usize,
    acts: &[Act],
    out: &mut Vec<EventFact>,
    index: &mut Index,
) {
    let toks = doc.sentences[s].tokens.clone();
    // The words first: the parse is read only where a verb of yielding and a negation stand
    // ("won't" is split by the tokenizer, so the future auxiliary is left to the parse).
    if !toks.clone().any(|t| doc.tok_in_lex(t, Lex::YieldingVerb))
        || !toks.clone().any(|t| doc.tok_negates(t))
    {
        return;
    }
    let Some(cue) = k.plain_event(PloverType::Reject, "reject", None) else {
        return;
    };
    let p = &doc.parse;
    // The events read before this sentence; this sentence's refusals press no one.
    let pressed = std::cell::OnceCell::new();
    for t in toks.filter(|&t| doc.tok_in_lex(t, Lex::YieldingVerb)) {
        let (start, end) = (doc.tokens[t].start, doc.tokens[t].end);
        let Some(w) = p.word_at(start).filter(|&w| promised_not(doc, w)) else {
            continue;
        };
        let Some(clause) = clause_at(&doc.clauses, s, start) else {
            continue;
        };
        // Only a refusal someone is said to make: the narrator's "X will not withdraw" is as
        // often a forecast.
        let Some(speaker) = clause.speaker.or_else(|| teller(doc, items, w)) else {
            continue;
        };
        let Some(subject) = p.dependent(w, "nsubj") else {
            continue;
        };
        // The speaker's own side refuses: "they", "we", or an actor of the speaker's state.
        let pronoun = p.token(subject).is_some_and(|x| {
            let word = x.text.to_ascii_lowercase();
            doc.lang.is(Class::FirstPerson, &word) || doc.lang.is(Class::ThingPronoun, &word)
        });
        let refuser = if pronoun {
            speaker
        } else {
            match owner_actor(doc, items, subject) {
                Some(a) if doc.state_of(a) == doc.state_of(speaker) => a,
                _ => continue,
            }
        };
        let targets = answered::answered(doc, acts, s, (start, end), &[refuser], None);
        // Only one who asked or pressed is refused: "would not abandon the talks" answers no
        // one, and a side named last that asked nothing is not refused.
        let pressed = pressed.get_or_init(|| pressing_states(doc, out));
        let targets: Vec<usize> = targets
            .into_iter()
            .filter(|&a| pressed.contains(&doc.state_of(a)))
            .collect();
        // Read from a negated promise, not from a verb of rejecting.
        add_voiced(
            doc,
            out,
            index,
            cue,
            (s, (start, end)),
            clause,
            &[refuser],
            &targets,
        );
    }
}

/// Whether the verb `w` is promised not to happen: negated, with an auxiliary of the future
/// ("would not halt", "will not withdraw"), and no verb for its complement ("will not stop
/// supporting" is a promise to go on).
fn promised_not(doc: &Doc<'_>, w: Word) -> bool {
    let p = &doc.parse;
    let future = p.dependents(w).any(|d| {
        p.has_rel(d, "aux")
            && p.token(d)
                .is_some_and(|x| doc.lang.is(Class::Future, &x.text.to_ascii_lowercase()))
    });
    p.token(w).is_some_and(|x| x.upos == "VERB")
        && p.negated(w)
        && future
        && !["xcomp", "ccomp"]
            .iter()
            .any(|r| p.dependent(w, r).is_some())
}

/// Who tells the clause of `w` when the attribution stage found no speaker: the subject of the
/// verb `w` is the complement of, or of the verb that one's participle hangs on ("Ethiopian
/// officials responded, saying they would not halt construction").
fn teller(doc: &Doc<'_>, items: &[Item], w: Word) -> Option<usize> {
    let p = &doc.parse;
    let verb = p.head(w).filter(|_| p.has_rel(w, "ccomp"))?;
    let subject = p.dependent(verb, "nsubj").or_else(|| {
        p.head(verb)
            .filter(|_| p.has_rel(verb, "advcl"))
            .and_then(|h| p.dependent(h, "nsubj"))
    })?;
    owner_actor(doc, items, subject)
}

/// The states (or bodies) whose actors have asked, threatened or pressed someone in the events
/// read so far: the ones a refusal can answer.
fn pressing_states(doc: &Doc<'_>, events: &[EventFact]) -> Vec<usize> {
    let by_name: std::collections::HashMap<String, usize> = (0..doc.actors.len())
        .map(|a| (doc.actor_name(a), a))
        .collect();
    let mut states: Vec<usize> = Vec::new();
    for e in events.iter().filter(|e| {
        matches!(
            e.event_type,
            PloverType::Request | PloverType::Threaten | PloverType::Coerce | PloverType::Sanction
        )
    }) {
        for name in &e.sources {
            if let Some(&a) = by_name.get(name) {
                states.push(doc.state_of(a));
            }
        }
    }
    states
}
