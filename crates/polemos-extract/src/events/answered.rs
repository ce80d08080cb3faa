//! A reaction that names no one ("Tokyo rejected the request", "Colombian officials apologized
//! for the incident", "Iran protested after the UAE used the term"): it answers another side's
//! act, so it is aimed at whoever did the latest act of the last few sentences that was not the
//! reacting side's, else at the state the text named last before it, else at the first one it
//! names after it in its sentence.

use crate::ir::{Doc, Item, ItemKind};
use crate::lang::Class;
use crate::lexicon::Lex;
use crate::mentions::after_possessive;
use polemos_core::model::{ActorKind, PloverType};

/// How many sentences back the act answered may be.
pub const REACH: usize = 3;

/// An act coded lately: its sentence, where its cue starts (bytes), its type, who did it and
/// upon whom.
pub struct Act {
    pub sentence: usize,
    pub start: usize,
    pub event_type: PloverType,
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
}

/// The other side of a concession aimed at a person's pronoun ("Iran freed him"): the side the
/// reacting side's latest seizure was aimed at ("Iran detained the British envoy": the
/// envoy's state), when it had one. Empty when none: the person is then unnamed, and no state
/// is the concession's other side ("A Canadian judge freed her" after "sanctions on Iran").
pub fn seized_side(doc: &Doc<'_>, acts: &[Act], reacting: &[usize]) -> Vec<usize> {
    let ours = |a: usize| reacting.iter().any(|&r| doc.state_of(r) == doc.state_of(a));
    acts.iter()
        .rev()
        .find(|a| {
            a.event_type == PloverType::Coerce
                && !a.targets.is_empty()
                && !a.sources.is_empty()
                && a.sources.iter().all(|&x| ours(x))
        })
        .map(|a| a.targets.clone())
        .unwrap_or_default()
}

/// Whether an act of this type answers another side's act: a rejection, a protest, an apology.
/// (An accusation or condemnation with no target is as often of a state of affairs: "we condemn
/// the assassination attempt".)
pub fn reacts(t: PloverType) -> bool {
    matches!(
        t,
        PloverType::Reject | PloverType::Protest | PloverType::Concede
    )
}

/// Whom a reaction by `reacting` at bytes `cue` of sentence `s` answers (see the module).
/// `speaker`: who reports it, not a party to it.
pub fn answered(
    doc: &Doc<'_>,
    acts: &[Act],
    s: usize,
    cue: (usize, usize),
    reacting: &[usize],
    speaker: Option<usize>,
) -> Vec<usize> {
    let theirs = |a: usize| reacting.iter().any(|&r| doc.state_of(r) == doc.state_of(a));
    if let Some(act) = acts
        .iter()
        .rev()
        .find(|a| !a.sources.is_empty() && !a.sources.iter().any(|&x| theirs(x)))
    {
        return act.sources.clone();
    }
    let other_party = |actor: usize| other_party(doc, reacting, speaker, actor);
    for sentence in (s.saturating_sub(REACH)..=s).rev() {
        for it in doc.sentence_items(sentence).iter().rev() {
            if let ItemKind::Actor { actor, .. } = it.kind
                && it.start < cue.0
                && other_party(actor)
            {
                return vec![doc.state_of(actor)];
            }
        }
    }
    doc.sentence_items(s)
        .iter()
        .find_map(|it| match it.kind {
            ItemKind::Actor { actor, .. } if it.start >= cue.1 && other_party(actor) => {
                Some(doc.state_of(actor))
            }
            _ => None,
        })
        .into_iter()
        .collect()
}

/// Whether `actor` is a state or organization on another side than `reacting` and the
/// `speaker` who reports the reaction: one the reaction may be aimed at.
fn other_party(doc: &Doc<'_>, reacting: &[usize], speaker: Option<usize>, actor: usize) -> bool {
    let st = doc.state_of(actor);
    matches!(
        doc.actors[st].kind,
        ActorKind::State | ActorKind::InternationalOrganization
    ) && !reacting.iter().any(|&r| doc.state_of(r) == st)
        && speaker.is_none_or(|sp| doc.state_of(sp) != st)
}

/// Whether an act of this type may judge another side's act or document named by a referring
/// noun ("condemned the move", "welcomed the decision", "rejected the finding").
pub fn judges_an_act(t: PloverType) -> bool {
    matches!(
        t,
        PloverType::Accuse | PloverType::Protest | PloverType::Reject | PloverType::Support
    )
}

/// The token of the noun that heads the object (or passive subject) of the verb cue `cue` when
/// it refers back to an act or a document (lexicon `act_anaphor_noun`): after a referring
/// determiner ("the move", "that finding"), with no owner and no complement of its own ("the
/// decision to withdraw", "Russia's decision", "the Saudi move" name theirs) and no actor inside
/// its phrase.
pub fn act_anaphor(doc: &Doc<'_>, items: &[Item], cue: &Item) -> Option<usize> {
    // The words first, so that a plain clause is not parsed to ask: such a noun after a
    // referring determiner shortly after the cue, or before a passive's auxiliary.
    let referring = |x: usize| {
        referring_noun(doc, x)
            && (x.saturating_sub(2)..x).any(|d| doc.tok_is_a(d, Class::ReferringDeterminer))
    };
    let aux = super::sources::passive_auxiliary(doc, cue);
    let end = doc.tokens.len();
    if !(cue.tok_end..(cue.tok_end + 4).min(end)).any(referring)
        && !aux.and_then(|a| a.checked_sub(1)).is_some_and(referring)
    {
        return None;
    }
    let p = &doc.parse;
    let v = p.head_of(&p.words_in(cue.start, cue.end))?;
    let tok = |w| p.token(w).map(|t| doc.token_at(t.start));
    // The passive's subject is the word before its auxiliary even where the parse misreads it
    // ("That finding was criticized", "finding" read as a verb).
    let noun = p
        .dependents(v)
        .find(|&d| p.has_rel(d, "obj") || p.has_rel(d, "nsubj:pass"))
        .or_else(|| p.word_at(doc.tokens[aux?.checked_sub(1)?].start))?;
    let at = tok(noun)?;
    if !referring_noun(doc, at) {
        return None;
    }
    // After people, a phrase of a charge's preposition ("accused the officials of supplying
    // arms", "of corruption") is the charge the parse hangs on the noun; any other phrase after
    // the noun is its own complement ("the decision to withdraw", "the killing of nine Turks").
    let group = !doc.tok_in_lex(at, Lex::ActAnaphorNoun);
    let charge = |d| {
        group
            && p.dependents(d).any(|m| {
                (p.has_rel(m, "mark") || p.has_rel(m, "case"))
                    && tok(m).is_some_and(|x| doc.tok_is_a(x, Class::ChargePreposition))
            })
    };
    if p.dependents(noun)
        .any(|d| matches!(p.rel(d), "nmod" | "compound" | "acl") && !charge(d))
    {
        return None;
    }
    // The determiner right before the noun or before one modifier ("this irresponsible
    // decision"); the parse may take a leading "That" for a conjunction. A possessive pronoun
    // ("its move") is an owner, left unresolved here.
    let determined = (at.saturating_sub(2)..at).any(|x| {
        doc.tok_is_a(x, Class::ReferringDeterminer)
            && p.word_at(doc.tokens[x].start)
                .is_none_or(|w| !p.has_rel(w, "nmod:poss"))
    });
    // An owner before the noun ("the Saudi move"); what follows it is a complement, refused
    // above, or the charge.
    let (start, _) = p.subtree_span(noun)?;
    let end = doc.tokens[at].end;
    let owned = items
        .iter()
        .any(|x| matches!(x.kind, ItemKind::Actor { .. }) && x.start >= start && x.end <= end);
    (determined && !owned).then_some(at)
}

/// Whom a reaction by `reacting` to the referring noun at token `noun` of sentence `s` (see
/// [`act_anaphor`]) is aimed at: the owner of the nearest act or document noun named before it
/// within [`REACH`] sentences ("the U.N. report ... That finding is condemned"), where that owner
/// is another side's state or organization, or the doer of the latest act coded since that is
/// another side's and no judgement of another act ("North Korea fired missiles. Japan protested
/// the launch. Washington condemned the move" is aimed at North Korea), whichever the text
/// names later. No one else: the last state named may be the victim, the place or a third
/// party. `speaker`: who reports it, not a party to it.
pub fn act_owner(
    doc: &Doc<'_>,
    acts: &[Act],
    s: usize,
    cue: (usize, usize),
    noun: usize,
    reacting: &[usize],
    speaker: Option<usize>,
) -> Vec<usize> {
    let theirs = |a: usize| reacting.iter().any(|&r| doc.state_of(r) == doc.state_of(a));
    let other_party = |actor: usize| other_party(doc, reacting, speaker, actor);
    // "the officials" stands for officials named before ("two Venezuelan government
    // officials"): the same word; "the move" an act, "the report" a document.
    let group = !doc.tok_in_lex(noun, Lex::ActAnaphorNoun);
    let word = doc.tok(noun).to_ascii_lowercase();
    // "criticized the report" or "that finding" stands for a document only, which its author
    // owns, and no act's doer ("A British report said Iran's actions were destabilizing. Russia
    // criticized the report" is aimed at Britain); "the move" for an act only.
    let document = doc.tok_in_lex(noun, Lex::DocumentNoun);
    let named = |t: usize| {
        if group {
            doc.tok(t).eq_ignore_ascii_case(&word)
        } else if document {
            doc.tok_in_lex(t, Lex::DocumentNoun)
        } else {
            doc.tok_in_lex(t, Lex::ActAnaphorNoun) && !doc.tok_in_lex(t, Lex::DocumentNoun)
        }
    };
    // "that Russia moves weapons": a verb of the same spelling is no act named.
    let a_noun = |t: usize| matches!(doc.tok_upos(t), "NOUN" | "PROPN");
    // A referring noun with no owner ("But the report also said") carries the chain back: the
    // owner may stand within reach of it ("the U.N. report").
    let mut first = s.saturating_sub(REACH);
    let mut owned: Option<(usize, usize)> = None;
    'back: for sentence in (0..=s).rev() {
        if sentence < first {
            break;
        }
        let items = doc.sentence_items(sentence);
        let toks = doc.sentences[sentence].tokens.clone();
        for t in toks.rev().filter(|&t| t < noun && named(t)) {
            // "the U.N. report", "Russia's decision": an owner right before the noun, perhaps
            // with one word between.
            let owner = items.iter().rev().find_map(|x| match x.kind {
                ItemKind::Actor { actor, .. }
                    if x.tok_end <= t && t <= after_possessive(doc, x.tok_end) + 1 =>
                {
                    Some(actor)
                }
                _ => None,
            });
            match owner {
                Some(a) if other_party(a) && a_noun(t) => {
                    owned = Some((doc.tokens[t].start, doc.state_of(a)));
                    break 'back;
                }
                None => first = first.min(sentence.saturating_sub(REACH)),
                Some(_) => {}
            }
        }
    }
    // People and documents are no act: no doer of the latest act stands for them.
    if group || document {
        return owned.map(|(_, owner)| owner).into_iter().collect();
    }
    let latest = acts.iter().rev().find(|a| {
        a.start < cue.0
            && !judges_an_act(a.event_type)
            && !a.sources.is_empty()
            && !a.sources.iter().any(|&x| theirs(x))
    });
    match (owned, latest) {
        (Some((at, _)), Some(act)) if act.start > at => act.sources.clone(),
        (Some((_, owner)), _) => vec![owner],
        (None, Some(act)) => act.sources.clone(),
        (None, None) => Vec::new(),
    }
}

/// Whether the word at token `t` may refer back: a noun of an act or document (lexicon
/// `act_anaphor_noun`) or of a group of officials (`group_noun`: "the officials").
fn referring_noun(doc: &Doc<'_>, t: usize) -> bool {
    doc.tok_in_lex(t, Lex::ActAnaphorNoun) || doc.tok_in_lex(t, Lex::GroupNoun)
}
