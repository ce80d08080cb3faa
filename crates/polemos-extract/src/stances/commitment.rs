//! Commitments carried by a noun: "Mr. Sullivan conveyed the commitment of the United States to
//! peace", "both leaders' commitment to resolving this issue", "the commitment of their
//! governments to diplomacy". Whatever verb governs the noun (conveyed, reflects, welcomed), its
//! owner in the parse (the "of" complement or the possessor) holds support of what the noun's
//! "to" complement names. The verb's own subject is read by the cue loop, not here.

use std::collections::{HashMap, HashSet};

use super::super::events::issue_name;
use super::super::ir::{Doc, Item, ItemKind};
use super::super::knowledge::Knowledge;
use super::super::lang::Class;
use super::super::lexicon::Lex;
use super::super::output::StanceFact;
use super::super::tree::Word;
use super::{holders, issues, merge, references};
use crate::syntax::Subject;
use polemos_core::model::StanceLabel;

/// Confidence before calibration: the owner and the complement are read from the parse.
const CONFIDENCE: f64 = 0.8;

/// The issues proposed so far in the document, shared with the cue loop.
pub(super) struct Proposed<'a> {
    pub names: &'a mut Vec<(String, String)>,
    pub seen: &'a mut HashSet<String>,
}

/// How a noun that carries a stance is read: the holders and the issue of the noun at token `t`
/// of sentence `s` under `dispute` (`read` here and in signers.rs).
pub(super) type ReadNoun = fn(
    &Knowledge,
    &Doc<'_>,
    &[Item],
    usize,
    usize,
    usize,
    &mut Proposed<'_>,
) -> Option<(Vec<usize>, String)>;

/// Adds a `support` stance for each holder `read` gives a noun of the lexicon list `nouns`, in
/// the body's sentences that have a dispute and are not about another one. Only sentences that
/// name such a noun are parsed here.
pub(super) fn noun_supports(
    k: &Knowledge,
    doc: &Doc<'_>,
    out: &mut Vec<StanceFact>,
    index: &mut HashMap<(String, String), usize>,
    proposed: &mut Proposed<'_>,
    nouns: Lex,
    read: ReadNoun,
) {
    for s in 0..doc.sentences.len() {
        if doc.sentences[s].headline {
            continue;
        }
        let Some(dispute) = doc.sentence_dispute.get(s).copied().flatten() else {
            continue;
        };
        let toks = doc.sentences[s].tokens.clone();
        if !toks.clone().any(|t| doc.tok_in_lex(t, nouns))
            || references::about_another(k, doc, s, dispute)
        {
            continue;
        }
        let items = doc.sentence_items(s);
        for t in toks.filter(|&t| doc.tok_in_lex(t, nouns)) {
            let Some((holders, issue)) = read(k, doc, items, s, t, dispute, proposed) else {
                continue;
            };
            let (start, end) = (doc.tokens[t].start, doc.tokens[t].end);
            for h in holders {
                let fact = StanceFact::plain(
                    doc.actor_name(h),
                    issue.clone(),
                    StanceLabel::Support,
                    CONFIDENCE,
                    doc.evidence(s, Some((start, end)), CONFIDENCE, None, None),
                );
                merge(out, index, fact);
            }
        }
    }
}

/// Adds a `support` stance for each owner of a noun of commitment on what its "to" complement
/// names: a known topic inside the complement, else the noun phrase it opens (a gerund's or an
/// infinitive's object: "to achieving regional reconciliation").
pub(super) fn owned_commitments(
    k: &Knowledge,
    doc: &Doc<'_>,
    out: &mut Vec<StanceFact>,
    index: &mut HashMap<(String, String), usize>,
    proposed: &mut Proposed<'_>,
) {
    noun_supports(k, doc, out, index, proposed, Lex::CommitmentNoun, read);
}

/// The holders and the issue of the noun of commitment at token `t`, if the parse gives it an
/// owner that names actors and a "to" complement that names an issue.
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
    // "did not convey the commitment ...": left to the cues. (A head verb of doubt, "questioned
    // the commitment ...", is not checked: the owner still holds the commitment it names.)
    if p.head(w).is_some_and(|h| p.negated(h)) {
        return None;
    }
    let mut owner: Option<Word> = None;
    let mut complement: Option<Word> = None;
    for d in p.dependents(w) {
        let case = p.introducer(d);
        // A possessor ("both leaders' commitment") or an "of" phrase ("the commitment of the
        // United States"), the first one found.
        let possessor = p.has_rel(d, "nmod:poss");
        let of_owner = p.has_rel(d, "nmod")
            && owner.is_none()
            && case
                .as_deref()
                .is_some_and(|c| doc.lang.is(Class::OwnerCase, c));
        if possessor || of_owner {
            owner = Some(d);
        } else if complement.is_none()
            && case
                .as_deref()
                .is_some_and(|c| doc.lang.is(Class::InfinitiveMarker, c))
        {
            complement = Some(d);
        }
    }
    let owner = owner?;
    // "the commitment of the United States to peace": the parser may hang the "to" phrase on
    // the owner, the nearer noun.
    // "conveyed the commitment of the United States to achieving regional reconciliation": or
    // on the verb whose object the noun is, as a clause of its own right after it.
    let to = |d: &Word| {
        p.introducer(*d)
            .as_deref()
            .is_some_and(|c| doc.lang.is(Class::InfinitiveMarker, c))
    };
    let complement = complement
        .or_else(|| p.dependents(owner).find(to))
        .or_else(|| {
            let head = p.head(w).filter(|_| p.has_rel(w, "obj"))?;
            p.dependents(head)
                .filter(|d| d.index > w.index && (p.has_rel(*d, "advcl") || p.has_rel(*d, "xcomp")))
                .find(to)
        })?;
    // "the efforts of Japan to end the occupation": a verb of removal or stopping turns the
    // owner against its object, which a support would misread; left to the cues.
    if p.token(complement)
        .is_some_and(|x| x.upos == "VERB" && doc.tok_is_a(doc.token_at(x.start), Class::Reversing))
    {
        return None;
    }
    let mut holders = owners(k, doc, items, owner, s);
    if holders.is_empty() {
        return None;
    }
    // "The United States welcomed both leaders' commitment to resolving this issue", "thanks
    // Japan for its efforts to ...": the subject of a verb of backing (the lexicon's
    // `backing_verb`) whose object or oblique the noun is backs what the noun is to, as the
    // owner does (and as the welcomer of a signing does, signers.rs).
    // "welcomed the ongoing communication between the two sides and both leaders' commitment
    // to ...": a conjunct is governed as its first conjunct is, and the parser may hang it on
    // the nearer noun of that conjunct's "between" or "of" phrase.
    let mut governed = w;
    while p.has_rel(governed, "conj")
        && let Some(first) = p.head(governed)
    {
        governed = first;
    }
    if governed != w
        && p.has_rel(governed, "nmod")
        && let Some(noun) = p.head(governed)
    {
        governed = noun;
    }
    if let Some(h) = p.head(governed)
        && (p.has_rel(governed, "obj") || p.has_rel(governed, "obl"))
        && doc.lexicon.is(Lex::BackingVerb, &holders::lemma(doc, h))
        // "Canada did not welcome both leaders' commitment": a backing denied backs nothing.
        && !p.negated(h)
        && let Some(subj) = p.dependent(h, "nsubj")
    {
        // "He welcomed ...": a subject pronoun stands for whom the discourse says.
        let subject = match doc.actor_at(items, subj, true) {
            Some(a) => vec![a],
            None => p
                .token(subj)
                .map(|x| doc.token_at(x.start))
                .filter(|&tok| doc.tok_is_a(tok, Class::SubjectPronoun))
                .and_then(|tok| {
                    let person = doc.tok_is_a(tok, Class::PersonPronoun);
                    crate::attribution::resolve(doc, &Subject::Pronoun(person, Some(tok)), None, s)
                })
                .unwrap_or_default(),
        };
        for a in subject {
            if let Some(st) = holders::stance_holder(doc, a)
                && !holders.contains(&st)
            {
                holders.push(st);
            }
        }
    }
    let issue = issue_of(k, doc, items, s, complement, dispute, proposed)?;
    Some((holders, issue))
}

/// The states an owner names: the actors at it and its conjuncts ("of Ecuador and Peru"), the
/// two sides of "both leaders", the pair a plural possessive refers to ("their governments").
pub(super) fn owners(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    owner: Word,
    s: usize,
) -> Vec<usize> {
    let p = &doc.parse;
    let mut out: Vec<usize> = Vec::new();
    let add = |out: &mut Vec<usize>, a: usize| {
        if let Some(h) = holders::stance_holder(doc, a)
            && !out.contains(&h)
        {
            out.push(h);
        }
    };
    for c in p.conjuncts(owner) {
        if let Some(a) = doc.actor_at(items, c, true) {
            add(&mut out, a);
        }
    }
    // "the Governments of Chad and Sudan": the states an agent or group noun is "of" (the
    // mention of the first may cover the noun).
    {
        for d in p.dependents(owner).filter(|&d| {
            p.has_rel(d, "nmod")
                && p.introducer(d)
                    .as_deref()
                    .is_some_and(|c| doc.lang.is(Class::OwnerCase, c))
        }) {
            for c in p.conjuncts(d) {
                if let Some(a) = doc.actor_at(items, c, true) {
                    add(&mut out, a);
                }
            }
        }
    }
    if !out.is_empty() {
        return out;
    }
    // "their governments", "both governments' leaders": the owner's own possessor.
    let possessor = p.dependent(owner, "nmod:poss");
    for w in std::iter::once(owner).chain(possessor) {
        let pair = if pair_possessive(doc, w) {
            let at = p.token(w).map_or(0, |x| x.start);
            holders::coordinated_pair(doc, s, at).or_else(|| holders::dispute_parties(k, doc, s))
        } else {
            holders::both_sides(k, doc, w, s)
        };
        for a in pair.unwrap_or_default() {
            add(&mut out, a);
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

fn pair_possessive(doc: &Doc<'_>, w: Word) -> bool {
    doc.parse.token(w).is_some_and(|x| {
        doc.lexicon
            .is(Lex::PairPossessive, &x.text.to_ascii_lowercase())
    })
}

/// The issue a "to" complement names: a known topic inside it, else the noun phrase of the
/// complement (of its object when it is a verb: "to achieving regional reconciliation").
pub(super) fn issue_of(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    s: usize,
    complement: Word,
    dispute: usize,
    proposed: &mut Proposed<'_>,
) -> Option<String> {
    let p = &doc.parse;
    let (from, to) = p.subtree_span(complement)?;
    // "to Japan": an actor is the one committed to, not an issue.
    if doc.actor_at(items, complement, true).is_some() {
        return None;
    }
    // The phrase's head: the complement, or a verb's object ("to achieving regional
    // reconciliation"). A topic counts only where it starts by the head, not deeper in the
    // phrase ("their agreement charting the path to a resolution of their border dispute" is
    // the agreement, not the dispute's sovereignty).
    let (head, start) = if p.token(complement)?.upos == "VERB" {
        let obj = p.dependent(complement, "obj")?;
        // "commitment to resolving this issue peacefully": a verb of settling whose object
        // only refers back to the dispute ("this issue", "the dispute") names its settlement.
        if settles_the_dispute(doc, items, complement, obj) {
            let name = format!("{}/issues/{SETTLEMENT}", doc.disputes[dispute].name);
            if proposed.seen.insert(name.clone()) {
                proposed.names.push((name.clone(), SETTLEMENT.to_owned()));
            }
            return Some(name);
        }
        (obj, p.subtree_span(obj)?.0)
    } else {
        (complement, from)
    };
    // The phrase starts after its "to", which would read as an infinitive's marker.
    let start = match p.dependents(head).find(|&c| p.has_rel(c, "case")) {
        Some(c)
            if doc
                .lang
                .is(Class::InfinitiveMarker, &holders::lemma(doc, c)) =>
        {
            p.token(c)?.end
        }
        _ => start,
    };
    let head_end = p.token(head)?.end;
    let topic = items.iter().find_map(|x| match x.kind {
        ItemKind::Topic(t) if x.start >= start && x.start < head_end && x.start < to => Some(t),
        _ => None,
    });
    if let Some(t) = topic {
        return issue_name(k, doc, s, t);
    }
    // The noun phrase ends at its head ("their agreement charting the path ..." is the
    // agreement); a date before the head is no part of it ("the January 15 agreements").
    let stop = doc.token_at(head_end);
    let start = items
        .iter()
        .filter(|x| matches!(x.kind, ItemKind::Date(_)) && x.start >= start && x.end < head_end)
        .map(|x| x.end)
        .max()
        .unwrap_or(start);
    let (id, title) = issues::new_issue_from(doc, items, doc.token_at(start), stop, false)?;
    let name = format!("{}/issues/{id}", doc.disputes[dispute].name);
    if proposed.seen.insert(name.clone()) {
        proposed.names.push((name.clone(), title));
    }
    Some(name)
}

/// The issue a verb of settling names when its object refers back to the dispute.
const SETTLEMENT: &str = "settlement";

/// Whether `verb` is a word of settling (the cue list `resolved`: "resolving", "settle") whose
/// object `obj` refers back to the dispute: a determiner before a word for a dispute ("this
/// dispute", "the conflict") or a noun too vague to be an issue of its own ("this issue",
/// "the matter").
fn settles_the_dispute(doc: &Doc<'_>, items: &[Item], verb: Word, obj: Word) -> bool {
    let p = &doc.parse;
    let Some((v, o)) = p.token(verb).zip(p.token(obj)) else {
        return false;
    };
    let settling = items.iter().any(|x| {
        matches!(
            x.kind,
            ItemKind::Cue(super::super::knowledge::Cue::Resolved)
        ) && x.start <= v.start
            && v.end <= x.end
    });
    let obj_tok = doc.token_at(o.start);
    let refers_back = p.dependent(obj, "det").is_some()
        && (doc.tok_in_lex(obj_tok, Lex::NotAnIssue)
            || doc.tok_in_lex(obj_tok, Lex::DisputeWord)
            || doc.tok_in_lex(obj_tok, Lex::ConflictWord));
    settling && refers_back
}
