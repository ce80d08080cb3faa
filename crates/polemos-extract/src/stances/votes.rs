//! Votes on a UN text read as stances on it: a veto opposes the text vetoed, an abstention is
//! neutral on it ("Russia's Veto of a UN Security Council Resolution", "the Russian and Chinese
//! veto of our draft resolution", "China – with its abstention –", "the United States abstained
//! on resolution 2728"). The words are lexicon lists (`vote_veto`, `vote_abstention`,
//! `voted_text`, `draft_word`); the voters are the actors that own the vote's noun or the subject
//! the parse gives it. Headlines are read too: a statement's headline often names the veto the
//! body only alludes to ("Russia has vetoed an effort to save lives").

use std::collections::HashMap;

use polemos_core::model::StanceLabel;

use super::super::ir::{Doc, ItemKind};
use super::super::knowledge::Knowledge;
use super::super::lang::Class;
use super::super::lexicon::Lex;
use super::super::mentions::after_possessive;
use super::super::output::StanceFact;
use super::{holders, merge};

/// How far after the vote's word the text voted on may be named ("veto of a UN Security Council
/// Resolution"), in tokens.
const VOTED_TEXT_REACH: usize = 8;
/// How many heads up from an abstention's noun its voter may be the subject ("China – with its
/// abstention – has once again shown ...").
const SUBJECT_CLIMB: usize = 2;

/// Adds the stances that vetoes and abstentions on a resolution express. Only in a document
/// that names a resolution: "abstained from violence" and a veto of a bill are no UN vote.
pub(super) fn votes(
    k: &Knowledge,
    doc: &Doc<'_>,
    out: &mut Vec<StanceFact>,
    index: &mut HashMap<(String, String), usize>,
) {
    let topic = |id: &str| k.topics.iter().position(|t| t.id == id);
    let (Some(adopted), Some(draft)) = (topic("un-resolution"), topic("draft-resolution")) else {
        return;
    };
    if !(0..doc.tokens.len()).any(|t| doc.tok_in_lex(t, Lex::VotedText)) {
        return;
    }
    for s in 0..doc.sentences.len() {
        let range = doc.sentences[s].tokens.clone();
        for t in range.clone() {
            let veto = doc.tok_in_lex(t, Lex::VoteVeto);
            if !veto && !doc.tok_in_lex(t, Lex::VoteAbstention) {
                continue;
            }
            let reach = (t + 1)..(t + 1 + VOTED_TEXT_REACH).min(range.end);
            let text = reach.clone().find(|&u| doc.tok_in_lex(u, Lex::VotedText));
            // A veto names what it blocks; an abstention with nothing named is on the
            // document's resolution, unless it abstains from something else.
            if text.is_none()
                && (veto || (t + 1 < range.end && doc.tok_is_a(t + 1, Class::AbstainedFrom)))
            {
                continue;
            }
            if doc
                .parse
                .word_at(doc.tokens[t].start)
                .is_some_and(|w| doc.parse.negated(w))
            {
                continue;
            }
            let voters = voters(doc, s, t);
            if voters.is_empty() {
                continue;
            }
            let drafted =
                text.is_some_and(|x| (t + 1..x).any(|u| doc.tok_in_lex(u, Lex::DraftWord)));
            let t_id = &k.topics[if drafted { draft } else { adopted }].id;
            // A headline's vote, as any sentence's, belongs to the dispute the framing stage
            // gives it: the one it names, else the article's main one.
            let Some(dispute) = doc.sentence_dispute.get(s).copied().flatten() else {
                continue;
            };
            let issue = format!("{}/issues/{t_id}", doc.disputes[dispute].name);
            let label = if veto {
                StanceLabel::Oppose
            } else {
                StanceLabel::Neutral
            };
            let cue = (doc.tokens[t].start, doc.tokens[t].end);
            for h in voters {
                let fact = StanceFact::plain(
                    doc.actor_name(h),
                    issue.clone(),
                    label,
                    0.8,
                    doc.evidence(s, Some(cue), 0.8, None, None),
                );
                merge(out, index, fact);
            }
        }
    }
}

/// The stance holders who cast the vote at token `t`: the actors that own its noun ("Russia's
/// veto", "the Russian and Chinese veto", "the veto by Russia", "the abstention of China"), else
/// the subject of its verb or of the clause its noun is in ("the United States abstained", "China
/// – with its abstention – has shown"), but not of a verb the vote is the object of: who
/// "condemned the veto" judges it and did not cast it.
pub(super) fn voters(doc: &Doc<'_>, s: usize, t: usize) -> Vec<usize> {
    let items = doc.sentence_items(s);
    let actor_ending = |at: usize| {
        items.iter().find_map(|x| match x.kind {
            ItemKind::Actor {
                actor,
                adjectival,
                possessive,
                ..
            } if (adjectival || possessive) && after_possessive(doc, x.tok_end) == at => {
                Some((actor, x.tok))
            }
            _ => None,
        })
    };
    let mut owners = Vec::new();
    let mut at = t;
    while let Some((actor, from)) = actor_ending(at) {
        owners.push(actor);
        let joined = from > 0 && (doc.tok_is_a(from - 1, Class::And) || doc.tok(from - 1) == ",");
        if !joined {
            break;
        }
        at = from - 1;
    }
    let p = &doc.parse;
    if owners.is_empty()
        && let Some(w) = p.word_at(doc.tokens[t].start)
    {
        for d in p.dependents(w) {
            let case = p
                .dependent(d, "case")
                .and_then(|c| p.token(c))
                .map(|c| c.lemma.to_ascii_lowercase());
            let owner_case = case.is_some_and(|c| {
                doc.lang.is(Class::OwnerCase, &c) || doc.lang.is(Class::AgentPreposition, &c)
            });
            if !(p.has_rel(d, "nmod") && owner_case) {
                continue;
            }
            for c in p.conjuncts(d) {
                let Some(at) = p.token(c).map(|x| doc.token_at(x.start)) else {
                    continue;
                };
                owners.extend(items.iter().find_map(|x| match x.kind {
                    ItemKind::Actor { actor, .. } if x.tok <= at && at < x.tok_end => Some(actor),
                    _ => None,
                }));
            }
        }
    }
    if owners.is_empty()
        && let Some(subject) = subject(doc, t, |u| {
            items
                .iter()
                .any(|x| matches!(x.kind, ItemKind::Actor { .. }) && x.tok <= u && u < x.tok_end)
        })
    {
        owners.extend(items.iter().find_map(|x| match x.kind {
            ItemKind::Actor { actor, .. } if x.tok <= subject && subject < x.tok_end => Some(actor),
            _ => None,
        }));
    }
    let mut holders = Vec::new();
    for a in owners {
        if let Some(h) = holders::stance_holder(doc, a)
            && !holders.contains(&h)
        {
            holders.push(h);
        }
    }
    holders
}

/// The token of the subject of the word at token `t`, or of a head at most [`SUBJECT_CLIMB`]
/// above it when the word is no subject itself, or of an actor's name (`is_actor`) it modifies.
fn subject(doc: &Doc<'_>, t: usize, is_actor: impl Fn(usize) -> bool) -> Option<usize> {
    let p = &doc.parse;
    let mut w = p.word_at(doc.tokens[t].start)?;
    for step in 0..=SUBJECT_CLIMB {
        if let Some(n) = p.dependent(w, "nsubj") {
            return p.token(n).map(|x| doc.token_at(x.start));
        }
        // "The United Kingdom condemned the veto": the verb's subject judges the vote.
        if p.has_rel(w, "obj") || p.has_rel(w, "iobj") {
            return None;
        }
        // The noun modifies the subject or an actor's name ("China – with its abstention –
        // has shown", whichever relation the parse gives "China"); a vote that is the subject
        // itself ("This abstention reaffirms ...") names no voter.
        let at = p.token(w).map(|x| doc.token_at(x.start));
        if step > 0 && at.is_some_and(&is_actor) {
            return at;
        }
        if p.rel(w).starts_with("nsubj") {
            return if step > 0 { at } else { None };
        }
        w = p.head(w)?;
    }
    None
}
