//! Claims made with a demonym and no verb of claiming: "the islands are Russian territory",
//! "Heglig remains Sudanese soil". The state the demonym names claims the place: support of
//! its `sovereignty` issue, whoever reports the words (a third party quoting them does not
//! make them its own, and "are not Japanese territory" is a denial, left to the denial cues).

use std::collections::HashMap;

use super::super::events::issue_name;
use super::super::ir::{Doc, Item, ItemKind};
use super::super::knowledge::{Cue, Knowledge};
use super::super::lang::Class;
use super::super::lexicon::Lex;
use super::super::output::StanceFact;
use super::{holders, merge};
use polemos_core::model::StanceLabel;

/// How many words may stand between the copula and the demonym ("are an inherent Russian
/// territory", "are still Russian territory").
const COPULA_REACH: usize = 3;
/// How many words before the verb a negator denies it ("refuses to regard").
const NEGATOR_REACH: usize = 3;
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
            // of" is its own cue. Else the parse may make it the predicate of a contested place
            // another verb gives ("became Russian territory", "considers the islands Russian
            // land", "regards the islands as Russian territory").
            let Some(copula) = (from..it.tok)
                .rev()
                .find(|&t| doc.tok_is_a(t, Class::Copula))
                .or_else(|| predicate_of_a_place(doc, items, it.tok_end))
            else {
                continue;
            };
            // "are not Russian territory": a denial, not this claim; so is a negator just before
            // the verb ("does not regard the islands as", "will never become", "refuses to
            // regard").
            let near = copula.saturating_sub(NEGATOR_REACH).max(first);
            let negated = items.iter().any(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Negator)) && x.tok >= near && x.tok < it.tok
            }) || (near..copula)
                .any(|t| doc.tok_negates(t) || doc.tok_in_lex(t, Lex::RefusingVerb));
            if negated {
                continue;
            }
            // "the sailors were in Iraqi territory": a place where something is, not a claim,
            // unless what is there is the contested place itself ("the islands remain within
            // Russian territory"). "part of Japanese territory" is no location.
            let located = (copula + 1..it.tok).any(|t| doc.tok_is_a(t, Class::LocativePreposition))
                && !place_subject(doc, items, copula, it.tok_end);
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

/// The token of the verb that makes the land noun at token `noun` a predicate of a contested
/// place, when the parse says so: the noun completes a verb whose subject or object is the
/// place ("the islands became Russian territory", "considers the islands Russian territory"),
/// or qualifies the place itself, bare or after "as" ("considers the islands Russian land",
/// "regards the islands as Russian territory"); not "in Russian territory".
fn predicate_of_a_place(doc: &Doc<'_>, items: &[Item], noun: usize) -> Option<usize> {
    let p = &doc.parse;
    let w = p.word_at(doc.tokens[noun].start)?;
    let head = p.head(w)?;
    let is_place = |x| is_contested_place(doc, items, x);
    let verb = match p.rel(w) {
        "xcomp" => p
            .dependents(head)
            .any(|d| {
                ["nsubj", "nsubj:pass", "obj"]
                    .iter()
                    .any(|r| p.has_rel(d, r))
                    && is_place(d)
            })
            .then_some(head)?,
        "nmod:unmarked" | "nmod" | "obl" => {
            let marked = p.dependent(w, "case");
            let as_marked = marked
                .and_then(|c| p.token(c))
                .is_some_and(|t| t.text.eq_ignore_ascii_case("as"));
            if marked.is_some() && !as_marked {
                return None;
            }
            // "regards the islands as Russian territory": the place is the verb's object.
            let place = if is_place(head) {
                Some(head)
            } else {
                p.dependents(head)
                    .find(|&d| p.has_rel(d, "obj") && is_place(d))
            }?;
            p.head(place).filter(|_| place != head).unwrap_or(head)
        }
        _ => return None,
    };
    let t = p.token(verb)?;
    Some(doc.token_at(t.start))
}

/// Whether parse word `w` is a contested place: a dispute's name or part, or a noun of claimed
/// things ("the islands").
fn is_contested_place(doc: &Doc<'_>, items: &[Item], w: crate::tree::Word) -> bool {
    let Some(t) = doc.parse.token(w) else {
        return false;
    };
    doc.lexicon
        .is(Lex::ClaimedThing, &t.lemma.to_ascii_lowercase())
        || items.iter().any(|x| {
            x.start <= t.start
                && t.start < x.end
                && matches!(x.kind, ItemKind::DisputeName(..) | ItemKind::DisputePart(_))
        })
}

/// Whether the subject of the clause whose copula is token `copula` and whose predicate noun is
/// token `noun` is a contested place: a dispute's name or part, or a noun of claimed things
/// ("the islands").
fn place_subject(doc: &Doc<'_>, items: &[Item], copula: usize, noun: usize) -> bool {
    let p = &doc.parse;
    let word = |t: usize| p.word_at(doc.tokens[t].start);
    let subject = [word(noun), word(copula)]
        .into_iter()
        .flatten()
        .find_map(|w| p.dependents(w).find(|&d| p.has_rel(d, "nsubj")));
    let Some(subject) = subject else {
        return false;
    };
    is_contested_place(doc, items, subject)
}
