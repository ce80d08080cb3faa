//! Claims made with a demonym and no verb of claiming: "the islands are Russian territory",
//! "Heglig remains Sudanese soil". The state the demonym names claims the place: support of
//! its `sovereignty` issue, whoever reports the words (a third party quoting them does not
//! make them its own, and "are not Japanese territory" is a denial, left to the denial cues).

use std::collections::HashMap;

use super::super::events::issue_name;
use super::super::ir::{Doc, ItemKind};
use super::super::knowledge::{Cue, Knowledge};
use super::super::lang::Class;
use super::super::lexicon::Lex;
use super::super::output::StanceFact;
use super::{holders, merge};
use polemos_core::model::StanceLabel;

/// How many words may stand between the copula and the demonym ("are an inherent Russian
/// territory", "are still Russian territory").
const COPULA_REACH: usize = 3;
/// Confidence before calibration: the form is unambiguous, the holder is the demonym's state.
const CONFIDENCE: f64 = 0.8;

/// Adds a `support` stance on `sovereignty` for each state whose demonym qualifies "territory"
/// as the predicate of a clause.
pub(super) fn demonym_territory(
    k: &Knowledge,
    doc: &Doc<'_>,
    out: &mut Vec<StanceFact>,
    index: &mut HashMap<(String, String), usize>,
) {
    let Some(sovereignty) = k.topics.iter().position(|t| t.id == "sovereignty") else {
        return;
    };
    for s in 0..doc.sentences.len() {
        if doc.sentences[s].headline {
            continue;
        }
        let items = doc.sentence_items(s);
        let first = doc.sentences[s].tokens.start;
        for it in items {
            let ItemKind::Actor {
                actor,
                adjectival: true,
                ..
            } = it.kind
            else {
                continue;
            };
            if !doc.tok_in_lex(it.tok_end, Lex::LandNoun) {
                continue;
            }
            let from = it.tok.saturating_sub(COPULA_REACH + 1).max(first);
            // A verb of being makes the demonym's phrase a predicate ("are", "remain"); "is part
            // of" is its own cue.
            let Some(copula) = (from..it.tok)
                .rev()
                .find(|&t| doc.tok_is_a(t, Class::Copula))
            else {
                continue;
            };
            // "are not Russian territory": a denial, not this claim.
            let negated = items.iter().any(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Negator)) && x.tok >= copula && x.tok < it.tok
            });
            if negated {
                continue;
            }
            // "the sailors were in Iraqi territory": a place where something is, not a claim;
            // the territory noun is a predicate only when no preposition governs it.
            let p = &doc.parse;
            let located = p
                .word_at(doc.tokens[it.tok_end].start)
                .is_some_and(|w| p.dependents(w).any(|d| p.has_rel(d, "case")))
                || (copula + 1..it.tok).any(|t| {
                    p.word_at(doc.tokens[t].start)
                        .and_then(|w| p.token(w))
                        .is_some_and(|x| x.upos == "ADP")
                });
            if located {
                continue;
            }
            let Some(h) = holders::stance_holder(doc, actor) else {
                continue;
            };
            let Some(issue) = issue_name(k, doc, s, sovereignty) else {
                continue;
            };
            let end = doc.tokens[it.tok_end].end;
            let fact = StanceFact::plain(
                doc.actor_name(h),
                issue,
                StanceLabel::Support,
                CONFIDENCE,
                doc.evidence(s, Some((it.start, end)), CONFIDENCE, None, None),
            );
            merge(out, index, fact);
        }
    }
}
