//! Accusations carried by a verb of misdeed in the judge's own words: "For months, Russia has
//! obstructed and obfuscated", "the PRC continues to coerce and intimidate its neighbours",
//! "Maduro and his cronies have used PDVSA to control, manipulate, and steal from the people".
//! The subject of such a verb (`misdeed_verb`) is accused by whoever says it: the clause's
//! speaker, or in the narrator's voice the official who signs the statement. A wire report's
//! narrator judges no one (no signatory), so its verbs of misdeed stay events of their own type.

use std::cell::OnceCell;

use super::judged::{deed_owners, owner_actor};
use super::{Index, add_voiced};
use crate::attribution::clause_at;
use crate::ir::{Doc, Item};
use crate::knowledge::Knowledge;
use crate::lang::Class;
use crate::lexicon::Lex;
use crate::output::{EventFact, Speech};
use crate::tree::Word;
use polemos_core::model::PloverType;

/// Codes the verbs of misdeed of sentence `s` as accusations of their subjects and adds them to
/// `out`. `signatory`: the state that signs the text, the narrator's voice, found when first
/// needed.
pub(super) fn code(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    s: usize,
    signatory: &OnceCell<Option<usize>>,
    out: &mut Vec<EventFact>,
    index: &mut Index,
) {
    let toks = doc.sentences[s].tokens.clone();
    // The words first: the parse is read only where one is a verb of misdeed.
    if !toks.clone().any(|t| doc.tok_in_lex(t, Lex::MisdeedVerb)) {
        return;
    }
    let p = &doc.parse;
    let misdeed = |t: usize| {
        let tok = &doc.tokens[t];
        doc.tok_in_lex(t, Lex::MisdeedVerb)
            && p.word_at(tok.start).is_some_and(|w| {
                p.token(w).is_some_and(|x| {
                    p.lexicon().is(Lex::MisdeedVerb, &x.text)
                        && (x.upos == "VERB"
                        // The last of a list of verbs the parse tags a noun ("to control,
                        // manipulate, and steal from ...").
                        || (p.has_rel(w, "conj")
                            && p.head(w)
                                .and_then(|h| p.token(h))
                                .is_some_and(|h| h.upos == "VERB")))
                })
            })
    };
    if !toks.clone().any(misdeed) {
        return;
    }
    let Some(cue) = k.plain_event(PloverType::Accuse, "accuse", None) else {
        return;
    };
    for t in toks.filter(|&t| misdeed(t)) {
        let (start, end) = (doc.tokens[t].start, doc.tokens[t].end);
        let Some(doers) = p.word_at(start).and_then(|w| doers(doc, items, w)) else {
            continue;
        };
        let Some(clause) = clause_at(&doc.clauses, s, start) else {
            continue;
        };
        // A that-clause of saying or of a claim ("Russia alleges that Ukraine has violated
        // ...", "Russia's claim that ...") is someone else's words, not the signatory's.
        let narrated = clause.speaker.is_none()
            && clause.speech == Speech::Narrative
            && !p.word_at(start).is_some_and(|w| in_that_clause(doc, w));
        let signed =
            || (*signatory.get_or_init(|| crate::stances::signatory(doc))).filter(|_| narrated);
        let Some(source) = clause.speaker.or_else(signed) else {
            continue;
        };
        // The accuser is read from the voice, not from a verb of accusing.
        add_voiced(
            doc,
            out,
            index,
            cue,
            (s, (start, end)),
            clause,
            &[source],
            &doers,
        );
    }
}

/// The actors who do the misdeed the verb `w` names: the subject of the verb or of the verbs it
/// is coordinated with or the complement of ("has obstructed and obfuscated", "continues to
/// coerce", "have used PDVSA to control, manipulate, and steal", a purpose hung on the object),
/// an actor or the owner of a deed
/// ("Manila's move undermines ..."). `None` when a verb on the way is negated or conditional
/// ("if Russia obstructs ...").
fn doers(doc: &Doc<'_>, items: &[Item], w: Word) -> Option<Vec<usize>> {
    let p = &doc.parse;
    let mut v = w;
    let word_is = |d: Word, class: Class| {
        p.token(d)
            .is_some_and(|x| doc.lang.is(class, &x.text.to_ascii_lowercase()))
    };
    let marked = |d: Word, class: Class| {
        p.dependents(d)
            .any(|m| p.has_rel(m, "mark") && word_is(m, class))
    };
    for _ in 0..6 {
        // "if Russia obstructs", "Russia would undermine the talks if it deployed", "Russia
        // might violate the ceasefire": a deed that may happen is no deed done.
        let conditional = marked(v, Class::ConditionMark)
            || p.dependents(v).any(|d| {
                (p.has_rel(d, "aux") && word_is(d, Class::HypotheticalModal))
                    || (p.has_rel(d, "advcl") && marked(d, Class::ConditionMark))
            });
        if p.negated(v) || conditional {
            return None;
        }
        if let Some(subject) = p.dependent(v, "nsubj") {
            let mut found: Vec<usize> = Vec::new();
            for c in p.conjuncts(subject) {
                if let Some(a) = owner_actor(doc, items, c) {
                    found.push(a);
                } else {
                    found.extend(deed_owners(doc, items, c));
                }
            }
            return (!found.is_empty()).then_some(found);
        }
        // Up a coordination or an infinitive complement or purpose to the verb with the subject;
        // a purpose the parse hangs on the verb's object ("have used the bank to control ...")
        // is the verb's.
        let to_mark = p.dependents(v).any(|d| {
            p.has_rel(d, "mark")
                && p.token(d).is_some_and(|x| {
                    doc.lang
                        .is(Class::InfinitiveMarker, &x.text.to_ascii_lowercase())
                })
        });
        // An infinitive after a verb with an object is the object's to do ("urged Russia to
        // stop harassing"): the verb's subject does not do it.
        if p.has_rel(v, "xcomp") && p.head(v).is_some_and(|h| p.dependent(h, "obj").is_some()) {
            return None;
        }
        v = if ["conj", "xcomp"].iter().any(|r| p.has_rel(v, r))
            || (p.has_rel(v, "advcl") && to_mark)
        {
            p.head(v)?
        } else if p.has_rel(v, "acl") && to_mark {
            // A purpose hung on an actor the verb uses ("have used PDVSA to control ..."); an
            // "attempt to undermine" or a "plot to destabilize" is the noun's owner's, not the
            // verb's subject's.
            let object = p
                .head(v)
                .filter(|&o| p.has_rel(o, "obj") && owner_actor(doc, items, o).is_some())?;
            p.head(object)?
        } else {
            return None;
        };
    }
    None
}

/// Whether the verb `w` stands in a clause that reports or claims: a clausal complement
/// ("alleges that ...", "reported that ...") or a noun's "that" clause ("the claim that ..."), at
/// any height.
fn in_that_clause(doc: &Doc<'_>, w: Word) -> bool {
    let p = &doc.parse;
    let mut v = w;
    for _ in 0..8 {
        let that = p.dependents(v).any(|m| {
            p.has_rel(m, "mark")
                && p.token(m).is_some_and(|x| {
                    doc.lang
                        .is(Class::Complementizer, &x.text.to_ascii_lowercase())
                })
        });
        if p.has_rel(v, "ccomp") || (p.has_rel(v, "acl") && that) {
            return true;
        }
        let Some(h) = p.head(v) else { return false };
        v = h;
    }
    false
}
