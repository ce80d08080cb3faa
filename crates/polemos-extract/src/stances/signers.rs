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
use super::commitment::{Proposed, case_of, issue_of, owners};
use super::{holders, merge, references};
use polemos_core::model::StanceLabel;

/// Confidence before calibration: the signers and the act are read from the parse.
const CONFIDENCE: f64 = 0.8;

/// Adds a `support` stance for each signer of an act a signing noun names, and for the subject
/// of the verb of welcoming that governs the noun.
pub(super) fn signed_acts(
    k: &Knowledge,
    doc: &Doc<'_>,
    out: &mut Vec<StanceFact>,
    index: &mut HashMap<(String, String), usize>,
    proposed: &mut Proposed<'_>,
) {
    for s in 0..doc.sentences.len() {
        if doc.sentences[s].headline {
            continue;
        }
        let Some(dispute) = doc.sentence_dispute.get(s).copied().flatten() else {
            continue;
        };
        let toks = doc.sentences[s].tokens.clone();
        if !toks.clone().any(|t| doc.tok_in_lex(t, Lex::SigningNoun))
            || references::about_another(k, doc, s, dispute)
        {
            continue;
        }
        let items = doc.sentence_items(s);
        for t in toks.filter(|&t| doc.tok_in_lex(t, Lex::SigningNoun)) {
            let Some((holders, issue)) = read(k, doc, items, s, t, dispute, proposed) else {
                continue;
            };
            let (start, end) = (doc.tokens[t].start, doc.tokens[t].end);
            for h in holders {
                let fact = StanceFact {
                    actor: doc.actor_name(h),
                    issue: issue.clone(),
                    label: StanceLabel::Support,
                    position: 100.0,
                    salience: 0.5,
                    confidence: CONFIDENCE,
                    hedged: false,
                    negated: false,
                    downplayed: false,
                    proposal: false,
                    deadline: None,
                    conditions: Vec::new(),
                    evidence: vec![doc.evidence(s, Some((start, end)), CONFIDENCE, None, None)],
                };
                merge(out, index, fact);
            }
        }
    }
}

fn has_case(doc: &Doc<'_>, w: Word, class: Class) -> bool {
    case_of(doc, w)
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
                && holders::actor_at(items, doc, d, true).is_none()
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
        && let Some(a) = holders::actor_at(items, doc, subj, true)
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
