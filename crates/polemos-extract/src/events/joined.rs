//! Joining another's act: "Spain called on Morocco to withdraw its troops and was joined in its
//! appeal by the European Union", "France joined Britain in its demand". A verb of joining
//! (`joining_verb`) with an "in" phrase naming an act (`joined_act_case`, a common noun, or a
//! gerund: "France joined Britain in condemning Russia") makes the joiner (the passive's agent,
//! else the subject) do what the joined side (the passive's subject, else the object) did in
//! the same sentence, upon the same targets; and a reaction that follows ("But Morocco
//! dismissed those calls") answers both.

use super::answered::Act;
use super::{Index, merge};
use crate::attribution::clause_at;
use crate::ir::{Doc, Item, ItemKind};
use crate::knowledge::Knowledge;
use crate::lexicon::Lex;
use crate::output::Clause;
use crate::output::EventFact;
use crate::tree::Word;
use polemos_core::model::{PloverType, QuadClass};

/// Codes the joinings of sentence `s`: each event of the sentence by the joined side is also
/// the joiner's; the joiner is added to the joined side's act in `acts`.
pub(super) fn code(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    s: usize,
    acts: &mut [Act],
    out: &mut Vec<EventFact>,
    index: &mut Index,
) {
    let toks = doc.sentences[s].tokens.clone();
    if !toks.clone().any(|t| doc.tok_in_lex(t, Lex::JoiningVerb)) {
        return;
    }
    let p = &doc.parse;
    // The actor a word names: the actor whose mention holds the word.
    let actor_at = |w: Word| doc.actor_at(items, w, true);
    for t in toks.filter(|&t| doc.tok_in_lex(t, Lex::JoiningVerb)) {
        let (start, end) = (doc.tokens[t].start, doc.tokens[t].end);
        let Some(v) = p.word_at(start) else {
            continue;
        };
        // "in its appeal": an act, not a place ("was joined in Geneva by ...").
        // Or a gerund: "joined Britain in condemning Russia".
        let in_act = p.dependents(v).find(|&d| {
            let noun = p.has_rel(d, "obl") && p.token(d).is_some_and(|x| x.upos == "NOUN");
            let gerund = p.has_rel(d, "advcl") && p.token(d).is_some_and(|x| x.xpos == "VBG");
            (noun || gerund)
                && p.dependent(d, if noun { "case" } else { "mark" })
                    .and_then(|c| p.token(c))
                    .is_some_and(|c| {
                        p.lexicon()
                            .is(Lex::JoinedActCase, &c.text.to_ascii_lowercase())
                    })
        });
        let Some(in_act) = in_act.and_then(|d| p.token(d)) else {
            continue;
        };
        // The kind of act joined: the event the noun names ("appeal", a request), else a word
        // (a protest, a call, a condemnation), not a deed ("was joined in its condemnation"
        // copies no expulsion of the same sentence). A cue that names its act only through the
        // verb's object ("appeal the ruling", a rejection) is not what a bare noun names.
        let named = items.iter().find_map(|it| match it.kind {
            ItemKind::Event(ev)
                if it.start <= in_act.start
                    && in_act.end <= it.end
                    && k.events[ev].objects.is_empty() =>
            {
                Some(k.events[ev].event_type)
            }
            _ => None,
        });
        let joins = |e: &EventFact| match named {
            Some(t) => e.event_type == t,
            None => {
                matches!(
                    e.quad_class,
                    QuadClass::VerbalConflict | QuadClass::VerbalCooperation
                ) || e.event_type == PloverType::Protest
            }
        };
        let (joiner, joined) = sides(doc, v);
        let (Some(joiner), Some(joined)) = (joiner, joined.and_then(actor_at)) else {
            continue;
        };
        let Some(clause) = clause_at(&doc.clauses, s, start) else {
            continue;
        };
        // "France and Germany joined Britain": each joiner coordinated in the subject.
        let mut joiners: Vec<usize> = Vec::new();
        for a in p.conjuncts(joiner).into_iter().filter_map(actor_at) {
            if !joiners.contains(&a) && doc.state_of(a) != doc.state_of(joined) {
                joiners.push(a);
            }
        }
        for joiner in joiners {
            join(
                doc,
                out,
                index,
                (s, start, end),
                clause,
                &joins,
                (joiner, joined),
            );
            for act in acts.iter_mut().filter(|a| a.sentence == s) {
                if act.sources.contains(&joined) && !act.sources.contains(&joiner) {
                    act.sources.push(joiner);
                }
            }
        }
    }
}

/// Codes `joiner` doing each event of sentence `s` (cue of joining at bytes `start..end`) by
/// `joined` that `joins` accepts, upon the same targets.
fn join(
    doc: &Doc<'_>,
    out: &mut Vec<EventFact>,
    index: &mut Index,
    (s, start, end): (usize, usize, usize),
    clause: &Clause,
    joins: &dyn Fn(&EventFact) -> bool,
    (joiner, joined): (usize, usize),
) {
    let joined_name = doc.actor_name(joined);
    let joiner_name = doc.actor_name(joiner);
    let joiner_state = doc.actor_name(doc.state_of(joiner));
    let done: Vec<EventFact> = out
        .iter()
        .filter(|e| {
            !e.negated
                && joins(e)
                && e.sources.contains(&joined_name)
                && e.evidence.iter().any(|x| x.sentence == s)
        })
        .cloned()
        .collect();
    for e in done {
        let targets: Vec<String> = e
            .targets
            .iter()
            .filter(|&x| *x != joiner_name && *x != joiner_state)
            .cloned()
            .collect();
        if targets.is_empty() {
            continue;
        }
        let confidence = 0.8 * 0.85;
        let fact = EventFact {
            sources: vec![joiner_name.clone()],
            targets,
            confidence,
            evidence: vec![doc.evidence(
                s,
                Some((start, end)),
                confidence,
                clause.speaker,
                clause.reported_by,
            )],
            ..e
        };
        merge(out, index, fact);
    }
}

/// The joiner and the joined side of the verb of joining `v`, as the parse reads them: the
/// passive's agent and its subject, or that of the verb it is coordinated with ("Spain called
/// on Morocco ... and was joined ... by"), or the noun its participle modifies ("Moscow, joined
/// by Beijing, refused"); else the active's subject and object ("France joined Britain").
pub(crate) fn sides(doc: &Doc<'_>, v: Word) -> (Option<Word>, Option<Word>) {
    let p = &doc.parse;
    if let Some(a) = p.dependent(v, "obl:agent") {
        let subject = p.dependent(v, "nsubj:pass").or_else(|| {
            let h = p.head(v)?;
            if p.has_rel(v, "acl") {
                Some(h)
            } else if p.has_rel(v, "conj") || p.has_rel(v, "advcl") {
                p.dependent(h, "nsubj")
            } else {
                None
            }
        });
        (Some(a), subject)
    } else {
        (p.dependent(v, "nsubj"), p.dependent(v, "obj"))
    }
}
