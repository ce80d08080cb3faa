//! Partners who act with the subject: "The United States, in concert with the United Kingdom,
//! is imposing costs on Russia" is an act of both. Read from the words between the subject and
//! the cue, so it holds whether or not the parse of the clause is right (the parser often
//! takes such a clause's verb for an adjective, and the token rules stop at the inserted
//! phrase).

use crate::ir::{Doc, Item, ItemKind};
use crate::lang::Class;

/// How many words may stand between the phrase's closing comma and the cue ("is", "has
/// also").
const TO_CUE: usize = 3;

/// A phrase set off by commas between a subject and its verb that names partners in the act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joint {
    /// The actor right before the phrase: the subject both act with.
    pub subject: Option<usize>,
    /// The actors the phrase names.
    pub partners: Vec<usize>,
}

/// The joint phrase right before the cue `items[at]`: ", in concert with Y," or ", alongside
/// Y," after the subject.
#[must_use]
pub fn joint(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<Joint> {
    let cue = items.get(at)?;
    // The closing comma, at most a few lower-case words before the cue.
    let close = (cue.tok.saturating_sub(TO_CUE + 1)..cue.tok)
        .rev()
        .find(|&t| doc.tok(t) == ",")?;
    if !(close + 1..cue.tok).all(|t| doc.tok(t).starts_with(char::is_lowercase)) {
        return None;
    }
    // The partners: actors between "with" (or "alongside") and the closing comma, as one
    // unbroken list ("with Bolivia and the United Kingdom"). Any other word between them is
    // another clause ("together with Britain, which has long criticised Russia,"): no phrase.
    let mut partners = Vec::new();
    let mut first = None;
    let mut edge = close;
    for (j, x) in items[..at].iter().enumerate().rev() {
        if x.tok >= close {
            continue;
        }
        let ItemKind::Actor { actor, .. } = x.kind else {
            continue;
        };
        if !(x.tok_end..edge).all(|t| doc.tok_is_a(t, Class::PartnerListGlue)) {
            return None;
        }
        let mut t = x.tok;
        while t > 0 && doc.tok_is_a(t - 1, Class::PartnerListGlue) {
            t -= 1;
        }
        let joint = t >= 2
            && ((doc.tok_is_a(t - 1, Class::PartnerWith)
                && doc.tok_is_a(t - 2, Class::PartnerLead))
                || doc.tok_is_a(t - 1, Class::PartnerPreposition));
        if !partners.contains(&actor) {
            partners.push(actor);
        }
        if joint {
            first = Some((j, t - 1));
            break;
        }
        edge = t;
    }
    let (j, word) = first?;
    partners.reverse();
    // The opening comma: ", in concert with", ", together with", ", alongside".
    let open = (word.saturating_sub(3)..word)
        .rev()
        .find(|&t| doc.tok(t) == ",")?;
    let subject = items[..j].iter().rev().find_map(|x| match x.kind {
        ItemKind::Actor { actor, .. } if x.tok_end == open => Some(actor),
        _ => None,
    });
    Some(Joint { subject, partners })
}
