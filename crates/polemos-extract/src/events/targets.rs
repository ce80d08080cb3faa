//! Whom an event is aimed at when the cue's own arguments do not say: the accuser a denial
//! answers, the doer of the hostile act an accusation reports, the other party to contested
//! land; which acts need a target at all; and which states named after talks are partners,
//! not topics.

use crate::ir::{Doc, Item, ItemKind};
use crate::knowledge::Knowledge;
use crate::lang::Class;
use crate::lexicon::Lex;
use crate::tree::Word;
use polemos_core::model::PloverType;

/// How many sentences back a denial looks for the accusation it answers.
pub(super) const ACCUSER_REACH: usize = 3;

/// An accusation, protest or threat of the last few sentences, for a denial that follows.
pub(super) struct Accusation {
    pub(super) sentence: usize,
    pub(super) sources: Vec<usize>,
    pub(super) targets: Vec<usize>,
}

/// Whom a denial by `deniers` answers: who made the latest accusation, protest or threat of the
/// last few sentences (`accusers`) aimed at the deniers' state, else the latest one aimed at no
/// one known; else the latest state or organization named (not as an adjective) before byte
/// `before` (this sentence, then the two before it) that is not theirs and not a party to an
/// accusation aimed at someone else ("India accused Pakistan ...; China denied" answers
/// neither).
pub(super) fn accuser(
    doc: &Doc<'_>,
    accusers: &[Accusation],
    s: usize,
    before: usize,
    deniers: &[usize],
) -> Vec<usize> {
    let theirs = |a: usize| deniers.iter().any(|&d| doc.state_of(d) == doc.state_of(a));
    let by_another =
        |a: &&Accusation| !a.sources.is_empty() && !a.sources.iter().any(|&x| theirs(x));
    if let Some(a) = accusers
        .iter()
        .rev()
        .filter(by_another)
        .find(|a| a.targets.iter().any(|&x| theirs(x)))
        .or_else(|| {
            accusers
                .iter()
                .rev()
                .filter(by_another)
                .find(|a| a.targets.is_empty())
        })
    {
        return a.sources.clone();
    }
    let elsewhere = |x: usize| {
        accusers.iter().filter(by_another).any(|a| {
            a.sources
                .iter()
                .chain(&a.targets)
                .any(|&y| doc.state_of(y) == doc.state_of(x))
        })
    };
    for sentence in (s.saturating_sub(2)..=s).rev() {
        for it in doc.sentence_items(sentence).iter().rev() {
            // A state named only as an adjective of others ("working with Russian
            // mercenaries") is no side that asked or charged; its agencies ("Russian border
            // guards", "Iranian state television") are.
            let ItemKind::Actor {
                actor, adjectival, ..
            } = it.kind
            else {
                continue;
            };
            if adjectival && !agency_after(doc, it.tok_end) {
                continue;
            }
            let st = doc.state_of(actor);
            let party = matches!(
                doc.actors[st].kind,
                polemos_core::model::ActorKind::State
                    | polemos_core::model::ActorKind::InternationalOrganization
            );
            if it.start < before && party && !theirs(actor) && !elsewhere(actor) {
                return vec![st];
            }
        }
    }
    Vec::new()
}

/// Whether the words at token `at` name a state's agency or officials (lexicon `group_noun`,
/// `body_noun`, `agency_noun`): "Russian border guards", "Kenyan police".
fn agency_after(doc: &Doc<'_>, at: usize) -> bool {
    let end = doc.tokens.len();
    [Lex::GroupNoun, Lex::BodyNoun, Lex::AgencyNoun]
        .into_iter()
        .any(|lex| doc.lex_phrase_at(lex, at, end).is_some())
}

/// Whether an act of force or pressure is named after the cue `items[at]` in its sentence:
/// what an accusation reports ("claimed that Pakistani troops fired on ...").
pub(super) fn hostile_after(k: &Knowledge, items: &[Item], at: usize) -> bool {
    items[at + 1..]
        .iter()
        .any(|x| matches!(x.kind, ItemKind::Event(e) if k.events[e].is_force_or_pressure()))
}

/// The other party to the dispute over the land named after the cue `items[at]` in its
/// sentence ("annexation of the Crimean peninsula"), when the text names exactly one party
/// that is not a source's state.
pub(super) fn contested(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    srcs: &[usize],
) -> Option<usize> {
    let d = items[at + 1..].iter().find_map(|x| match x.kind {
        ItemKind::DisputeName(d, _) | ItemKind::DisputePart(d) => Some(d),
        _ => None,
    })?;
    let others: Vec<usize> = k.disputes[d]
        .parties
        .iter()
        .filter_map(|id| doc.actors.iter().position(|a| a.id == *id))
        .filter(|&a| !srcs.iter().any(|&x| doc.state_of(x) == a))
        .collect();
    match others.as_slice() {
        [one] if k.disputes[d].parties.len() == 2 => Some(*one),
        _ => None,
    }
}

/// Acts that are done to someone: an agreement, a meeting, praise, a concession, a rejection, a
/// protest or a sanction that names no one it is aimed at says nothing about relations between
/// actors ("we all agree is stopping terrorism", "Seoul officials downplayed the visit"), and the
/// development part codes none of them without a target (only requests, which may name only what
/// is asked, force, which may name only a place, and condemnations, which may be of a deed:
/// "condemned the move"). Parties that do one together are each
/// other's targets (`reciprocal`). Recognition is of a status, whose holder may be no actor
/// ("the independence of Kosovo and Metohija"); a proposal may be made in public to no one
/// named ("the proposal made by Putin during the Economic Forum").
pub(super) fn upon_another(t: PloverType, mode: &str) -> bool {
    !matches!(mode, "recognize" | "propose")
        && matches!(
            t,
            PloverType::Agree
                | PloverType::Consult
                | PloverType::Support
                | PloverType::Concede
                | PloverType::Cooperate
                | PloverType::Aid
                | PloverType::Reject
                | PloverType::Protest
                | PloverType::Sanction
        )
}

/// Acts that several parties do to each other when they do them together.
pub(super) fn reciprocal(t: PloverType, sources: &[usize]) -> bool {
    sources.len() >= 2
        && matches!(
            t,
            PloverType::Consult | PloverType::Agree | PloverType::Cooperate | PloverType::Assault
        )
}

/// The actors the cue `it` (a verb) names only beside whom its act is aimed at, within its
/// object or oblique: the parties a "between" phrase names on the object of a sanction
/// ("Qatar suspended talks between Israel and Hamas": a mediator's suspending the talks
/// sanctions neither), and whatever a clause of passing by (`passing_verb`) modifying the object
/// or oblique acts upon ("closed its border to refugees fleeing Syria": the closure is not aimed
/// at Syria). The subject or agent of such a clause is still named as the one acting ("the
/// attack carried out by Russia"), and so is anyone named in an infinitive or a free relative
/// on the object.
pub(super) fn beside_the_act(
    doc: &Doc<'_>,
    items: &[Item],
    it: &Item,
    sanction: bool,
) -> Vec<(usize, bool)> {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(it.start, it.end)) else {
        return Vec::new();
    };
    // "fired rounds aimed at a loudspeaker in South Korea": a clause that aims the object at
    // someone names whom the act is aimed at.
    let aimed_at = |w: Word| {
        p.has_rel(w, "obl")
            && p.dependent(w, "case")
                .and_then(|c| p.token(c))
                .is_some_and(|t| {
                    p.lang()
                        .is(Class::AimPreposition, &t.lemma.to_ascii_lowercase())
                })
    };
    // Whether the actor at word `w` stands aside, and whether a "between" phrase sets it there.
    let aside = |w: Word| -> Option<bool> {
        // The path from the actor's word up to the cue.
        let mut path = vec![w];
        while let Some(h) = p.head(*path.last().unwrap_or(&w)) {
            if path.len() > PATH_REACH {
                return None;
            }
            if h == v {
                break;
            }
            path.push(h);
        }
        let &arg = path.last()?;
        if p.head(arg) != Some(v) || !(p.has_rel(arg, "obj") || p.has_rel(arg, "obl")) {
            return None;
        }
        path.windows(2).enumerate().find_map(|(j, pair)| {
            let (node, up) = (pair[0], pair[1]);
            let on_arg = up == arg;
            let between = p.has_rel(node, "nmod")
                && p.dependent(node, "case")
                    .and_then(|c| p.token(c))
                    .is_some_and(|t| p.lang().is(Class::Between, &t.lemma.to_ascii_lowercase()));
            // Only a clause of passing by ("refugees fleeing Syria"); "targets linked to
            // Hezbollah", "a tanker carrying oil for Russia" name whose the object is. Not an
            // infinitive ("urged the sides to avoid escalation along the border between X and
            // Y": what is asked of them) nor a free relative ("froze what it calls all business
            // with X": the thing named).
            let passing = p.token(node).is_some_and(|t| {
                p.lexicon()
                    .is(Lex::PassingVerb, &t.lemma.to_ascii_lowercase())
            });
            // "vetoed a resolution condemning Syria": what a text does is no target of the act
            // upon the text.
            let text = p
                .token(arg)
                .is_some_and(|t| p.lexicon().is(Lex::TextNoun, &t.text.to_ascii_lowercase()));
            let acted_upon = p.has_rel(node, "acl")
                && (passing || text)
                && j > 0
                && p.dependent(node, "mark").is_none()
                && p.token(arg).is_some_and(|t| t.upos != "PRON")
                && !aimed_at(path[j - 1])
                && !["nsubj", "obl:agent", "nsubj:pass", "csubj"]
                    .iter()
                    .any(|r| p.has_rel(path[j - 1], r));
            (on_arg && ((sanction && between) || acted_upon)).then_some(sanction && between)
        })
    };
    // (actor, aside at every mention, set aside by "between").
    let mut named: Vec<(usize, bool, bool)> = Vec::new();
    for x in items {
        let ItemKind::Actor { actor, .. } = x.kind else {
            continue;
        };
        let Some(w) = p.head_of(&p.words_in(x.start, x.end)) else {
            continue;
        };
        let a = aside(w);
        match named.iter_mut().find(|(b, _, _)| *b == actor) {
            Some((_, all, between)) => {
                *all &= a.is_some();
                *between |= a == Some(true);
            }
            None => named.push((actor, a.is_some(), a == Some(true))),
        }
    }
    named
        .into_iter()
        .filter_map(|(a, all, between)| all.then_some((a, between)))
        .collect()
}

/// Whether the words between the cue `it` and the last of `targets` named after it may hold
/// what `beside_the_act` reads (a "between" phrase on a sanction's object, a participle or a
/// relative clause), so that the parse is asked only then (gates.rs).
pub(super) fn may_stand_aside(
    doc: &Doc<'_>,
    items: &[Item],
    it: &Item,
    targets: &[usize],
    sanction: bool,
) -> bool {
    let Some(last) = items
        .iter()
        .filter(|x| x.start >= it.end)
        .filter(|x| matches!(x.kind, ItemKind::Actor { actor, .. } if targets.contains(&actor)))
        .map(|x| x.tok)
        .max()
    else {
        return false;
    };
    (it.tok_end..last).any(|t| {
        let w = doc.tok(t).to_ascii_lowercase();
        (sanction && doc.tok_is_a(t, Class::Between))
            || doc.tok_is_a(t, Class::Relative)
            || doc.lang.ends_with(Class::GerundSuffix, &w)
            || doc.lang.ends_with(Class::ParticipleSuffix, &w)
    })
}

/// How many words up the parse `beside_the_act` walks from an actor to the cue.
const PATH_REACH: usize = 8;

/// The token before the actor mention `x`, past a definite article ("from the United States").
fn preposition_before(doc: &Doc<'_>, x: &Item) -> Option<usize> {
    let t = x.tok.checked_sub(1)?;
    if doc.tok_is_a(t, Class::DefiniteArticle) {
        t.checked_sub(1)
    } else {
        Some(t)
    }
}

/// How many words may stand between a recall's cue and the preposition of the post ("recalled
/// its ambassador from Tokyo", "recalled its top diplomat from Tokyo").
const RECALL_REACH: usize = 4;

/// Where a recalled envoy served, when the recall names it after a preposition of the post he
/// leaves (`recall_origin_case`): "Seoul recalled its ambassador from Tokyo" is aimed at Japan,
/// as "recalled its ambassador to Japan" is. Only the first actor after the cue, with no comma
/// between, and not of the recalling side's own state.
pub(super) fn recalled_from(
    doc: &Doc<'_>,
    items: &[Item],
    it: &Item,
    srcs: &[usize],
) -> Option<usize> {
    let (x, actor) = items.iter().find_map(|x| match x.kind {
        ItemKind::Actor { actor, .. } if x.start >= it.end => Some((x, actor)),
        _ => None,
    })?;
    let p = preposition_before(doc, x)?;
    (p >= it.tok_end
        && p <= it.tok_end + RECALL_REACH
        && doc.tok_in_lex(p, Lex::RecallOriginCase)
        && !(it.tok_end..p).any(|t| doc.tok(t) == ",")
        && !srcs.iter().any(|&s| doc.state_of(s) == doc.state_of(actor)))
    .then_some(actor)
}

/// The targets of a legal action (CAMEO 115) less the forum it is brought before, when someone
/// else is named: "sued Colombia at the International Court of Justice" is aimed at Colombia;
/// the court is named after a preposition of the forum (`forum_case`) in the sentence after the
/// cue.
pub(super) fn without_forum(
    doc: &Doc<'_>,
    items: &[Item],
    it: &Item,
    targets: Vec<usize>,
) -> Vec<usize> {
    let forum = |a: usize| {
        items.iter().any(|x| {
            matches!(x.kind, ItemKind::Actor { actor, .. } if actor == a)
                && x.start >= it.end
                && preposition_before(doc, x).is_some_and(|p| doc.tok_in_lex(p, Lex::ForumCase))
        })
    };
    if targets.iter().all(|&a| forum(a)) {
        return targets;
    }
    targets.into_iter().filter(|&a| !forum(a)).collect()
}

/// The `targets` of the talks or cooperation cue `items[at]` that are partners, not topics.
///
/// "to coordinate efforts on Sudan", "discussed cooperation on Sudan": a state named after a
/// preposition of topic is what the partners work or talk on, not a partner. So is one
/// coordinated with such a state ("talks on Ukraine and Moldova"), while any other mention after
/// the cue in its clause keeps it a partner ("talks on Ukraine with Ukrainian officials"). A
/// preposition of place is no topic here: "arrived in Peru on an official visit" visits Peru.
pub(super) fn partners_not_topics(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    targets: Vec<usize>,
) -> Vec<usize> {
    let topic_word = |t: usize| {
        doc.tok_is_a(t, Class::TopicCase) && !doc.tok_is_a(t, Class::LocationPreposition)
    };
    let mut topical_end: Option<usize> = None;
    let mut mentions: Vec<(usize, bool)> = Vec::new();
    let mut last = items[at].tok_end;
    for x in &items[at + 1..] {
        let ItemKind::Actor { actor, .. } = x.kind else {
            continue;
        };
        // The clause ends at a comma or semicolon, or at a coordinator that joins no mention
        // nor topic ("on China and to consult China").
        if (last..x.tok).any(|t| {
            doc.tok_in(t, &[",", ";"])
                || (doc.tok_is_a(t, Class::Coordinator) && t + 1 != x.tok && !topic_word(t + 1))
        }) {
            break;
        }
        last = x.tok_end;
        let topical = x.tok > 0
            && (topic_word(x.tok - 1)
                || (doc.tok_is_a(x.tok - 1, Class::Coordinator) && topical_end == Some(x.tok - 1)));
        if topical {
            topical_end = Some(x.tok_end);
        }
        mentions.push((actor, topical));
    }
    targets
        .into_iter()
        .filter(|&a| {
            let mut of_a = mentions.iter().filter(|m| m.0 == a).peekable();
            of_a.peek().is_none() || !of_a.all(|m| m.1)
        })
        .collect()
}
