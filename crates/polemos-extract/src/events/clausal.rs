//! Clauses after a verb cue that make it no act: a fact acknowledged ("recognises that ..."),
//! a question asked ("asked X whether ..."). Token rules over the words right after the cue, so
//! plain clauses need no parse.

use crate::ir::{Doc, Item, ItemKind};
use crate::lang::Class;
use crate::lexicon::Lex;

/// How many tokens after a verb of asking its object may run before the question opens.
const QUESTION_REACH: usize = 8;

/// "New Zealand recognises that Australia has ...": a verb of acknowledging a fact (the
/// lexicon's `fact_verb`) right before a "that" clause states what is so; it recognizes no one.
/// A clause about disputed land is the recognition of a status ("recognizes that the entire
/// territory is part of X"), which stays.
pub(super) fn fact_stated(doc: &Doc<'_>, items: &[Item], at: usize) -> bool {
    let cue = &items[at];
    cue.tok_end > cue.tok
        && doc.tok_in_lex(cue.tok_end - 1, Lex::FactVerb)
        && doc.tok_is_a(cue.tok_end, Class::Complementizer)
        && !items[at + 1..].iter().any(|x| {
            matches!(
                x.kind,
                ItemKind::DisputeName(..) | ItemKind::DisputePart(..)
            )
        })
}

/// "asked officials how the documents were leaked", "asked Russia whether it would ...", "asked
/// about the sanctions": a verb of asking a question (the lexicon's `question_verb`) followed by
/// a question word or a preposition of topic, before any infinitive ("asked Russia to ...") or
/// punctuation, asks for an answer, not for an act.
pub(crate) fn question_asked(doc: &Doc<'_>, cue: &Item) -> bool {
    if cue.tok_end == cue.tok || !doc.tok_in_lex(cue.tok_end - 1, Lex::QuestionVerb) {
        return false;
    }
    doc.tick(QUESTION_REACH);
    for t in cue.tok_end..cue.tok_end + QUESTION_REACH {
        if doc.tok_is_a(t, Class::QuestionWord) || doc.tok_is_a(t, Class::TopicPreposition) {
            return true;
        }
        let w = doc.tok(t);
        if doc.tok_is_a(t, Class::InfinitiveMarker)
            || w.is_empty()
            || w.chars().all(|c| c.is_ascii_punctuation())
        {
            return false;
        }
    }
    false
}
