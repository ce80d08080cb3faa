//! "impose costs on the regime": a target named only by a definite description of a state's
//! rulers ("the regime", "the junta", "the authorities": the lexicon's `rulers_noun` list). It is
//! the state the text named last before the cue, other than the source's own.

use crate::ir::{Doc, Item, ItemKind};
use crate::lexicon::Lex;
use crate::tree::Word;
use polemos_core::model::ActorKind;

/// How many sentences back the state may be named.
const REACH: usize = 3;

/// The state a definite description of rulers aimed at by the verb cue `items[at]` (its object,
/// or an oblique with "on" or "against") refers to: the latest state named before the cue in
/// this sentence or the `REACH` before it that is not a source's state.
#[must_use]
pub fn rulers_target(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    s: usize,
    srcs: &[usize],
) -> Option<usize> {
    let cue = items.get(at)?;
    // Only when a word of rulers follows in the sentence; the parse is not asked otherwise.
    let sentence = &doc.sentences[s];
    if !(cue.tok_end..sentence.tokens.end)
        .any(|t| doc.tok_in_lex(t, Lex::RulersNoun) || doc.tok_in_lex(t, Lex::StateNoun))
    {
        return None;
    }
    let p = &doc.parse;
    let v = p.head_of(&p.words_in(cue.start, cue.end))?;
    let in_lex = |w: Word, lex: Lex| {
        p.token(w)
            .is_some_and(|t| doc.lexicon.is(lex, &t.lemma) || doc.lexicon.is(lex, &t.text))
    };
    // "the former Soviet republic": a description of a state keeps its modifiers, which may
    // name no actor ("the Georgian republic" is named, not described).
    let plain_modifiers = |w: Word| {
        p.dependents(w)
            .filter(|&d| p.has_rel(d, "amod") || p.has_rel(d, "compound"))
            .all(|d| {
                p.token(d).is_some_and(|t| {
                    !items.iter().any(|x| {
                        matches!(x.kind, ItemKind::Actor { .. })
                            && x.start <= t.start
                            && t.end <= x.end
                    })
                })
            })
    };
    let ruler = |w: Word| {
        (in_lex(w, Lex::RulersNoun) || (in_lex(w, Lex::StateNoun) && plain_modifiers(w)))
            && p.dependents(w).any(|d| {
                p.has_rel(d, "det")
                    && p.token(d)
                        .is_some_and(|t| t.lemma.eq_ignore_ascii_case("the"))
            })
            && !p.dependents(w).any(|d| {
                p.has_rel(d, "nmod")
                    || p.has_rel(d, "nmod:poss")
                    || (p.has_rel(d, "amod") && !in_lex(w, Lex::StateNoun))
            })
    };
    let aimed = p.dependents(v).find(|&d| {
        (p.has_rel(d, "obj")
            || (p.has_rel(d, "obl")
                && p.dependent(d, "case")
                    .and_then(|c| p.token(c))
                    .is_some_and(|t| {
                        ["on", "against"].contains(&t.lemma.to_ascii_lowercase().as_str())
                    })))
            && ruler(d)
    })?;
    // The description must name no actor itself.
    let at_word = p.token(aimed)?;
    if items.iter().any(|x| {
        matches!(x.kind, ItemKind::Actor { .. }) && x.start <= at_word.start && at_word.end <= x.end
    }) {
        return None;
    }
    let theirs = |a: usize| srcs.iter().any(|&x| doc.state_of(x) == doc.state_of(a));
    for sentence in (s.saturating_sub(REACH)..=s).rev() {
        for x in doc.sentence_items(sentence).iter().rev() {
            let ItemKind::Actor { actor, .. } = x.kind else {
                continue;
            };
            if sentence == s && x.start >= cue.start {
                continue;
            }
            let st = doc.state_of(actor);
            if doc.actors[st].kind == ActorKind::State && !theirs(actor) {
                return Some(st);
            }
        }
    }
    None
}
