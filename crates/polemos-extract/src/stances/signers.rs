//! Acts signed or adopted, named by a noun: "welcomes the signing by Ecuador and Peru of their
//! agreement", "the adoption of the Joint Declaration of Peace and Friendship between Eritrea
//! and Ethiopia", "congratulates the Governments of Chad and Sudan on the signing of the
//! agreements". Those who sign (after "by" or "between", or the ones congratulated on the
//! signing) support what the noun is "of", and so does the subject of a verb of welcoming that
//! governs the noun.

use std::collections::HashMap;

use super::super::ir::{Doc, Item};
use super::super::knowledge::Knowledge;
use super::super::lang::Class;
use super::super::lexicon::Lex;
use super::super::output::StanceFact;
use super::super::tree::Word;
use super::commitment::{Proposed, issue_of, noun_supports, owners};
use super::holders;

/// Adds a `support` stance for each signer of an act a signing noun names, and for the subject
/// of the verb of welcoming that governs the noun.
pub(super) fn signed_acts(
    k: &Knowledge,
    doc: &Doc<'_>,
    out: &mut Vec<StanceFact>,
    index: &mut HashMap<(String, String), usize>,
    proposed: &mut Proposed<'_>,
) {
    noun_supports(k, doc, out, index, proposed, Lex::SigningNoun, read);
}

fn has_case(doc: &Doc<'_>, w: Word, class: Class) -> bool {
    doc.parse
        .introducer(w)
        .as_deref()
        .is_some_and(|c| doc.lang.is(class, c))
}

/// The holders and the issue of the signing noun at token `t`.
fn read(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    s: usize,
    t: usize,
    dispute: usize,
    proposed: &mut Proposed<'_>,
) -> Option<(Vec<usize>, String)> {
    let p = &doc.parse;
    let w = p.word_at(doc.tokens[t].start)?;
    if p.token(w)?.upos != "NOUN" {
        return None;
    }
    let head = p.head(w);
    if head.is_some_and(|h| p.negated(h)) {
        return None;
    }
    let mut holders: Vec<usize> = Vec::new();
    let push = |holders: &mut Vec<usize>, hs: Vec<usize>| {
        for h in hs {
            if !holders.contains(&h) {
                holders.push(h);
            }
        }
    };
    // The signers: "by Ecuador and Peru", "between Eritrea and Ethiopia".
    let signers = p.dependents(w).find(|&d| {
        p.has_rel(d, "nmod")
            && (has_case(doc, d, Class::AgentPreposition) || has_case(doc, d, Class::Between))
    });
    // What is signed: its "of" phrase, on the noun or, where the parser hangs it on the nearer
    // noun, on the signers ("the signing by Ecuador and Peru of their agreement").
    let of = |x: Word| {
        p.dependents(x).find(|&d| {
            p.has_rel(d, "nmod")
                && has_case(doc, d, Class::GenitiveCase)
                && doc.actor_at(items, d, true).is_none()
        })
    };
    let object = of(w).or_else(|| signers.and_then(of))?;
    // "the adoption of the Joint Declaration of Peace between Eritrea and Ethiopia": the
    // parser may hang the "between" phrase inside what is adopted.
    let signers = signers.or_else(|| {
        let (from, to) = p.subtree_span(object)?;
        p.words_in(from, to)
            .into_iter()
            .find(|&d| d != object && p.has_rel(d, "nmod") && has_case(doc, d, Class::Between))
    });
    if let Some(d) = signers {
        push(&mut holders, owners(k, doc, items, d, s));
    }
    // Those congratulated on the signing: the object of the verb its "on" phrase hangs on.
    if let Some(h) = head
        && p.has_rel(w, "obl")
        && has_case(doc, w, Class::OccasionCase)
        && welcoming(doc, h)
        && let Some(o) = p.dependent(h, "obj")
    {
        push(&mut holders, owners(k, doc, items, o, s));
    }
    if holders.is_empty() {
        return None;
    }
    // The one who welcomes it: the subject of the verb of welcoming.
    if let Some(h) = head
        && welcoming(doc, h)
        && let Some(subj) = p.dependent(h, "nsubj")
        && let Some(a) = doc.actor_at(items, subj, true)
        && let Some(st) = holders::stance_holder(doc, a)
    {
        push(&mut holders, vec![st]);
    }
    let issue = issue_of(k, doc, items, s, object, dispute, proposed)?;
    Some((holders, issue))
}

fn welcoming(doc: &Doc<'_>, v: Word) -> bool {
    doc.lexicon.is(Lex::WelcomingVerb, &holders::lemma(doc, v))
}
