//! Shallow syntax over a sentence's items: who is the subject before a verb cue, who is the object
//! after it. No parser: bounded walks over the items with stop words, so each call is constant
//! work and a sentence costs linear time.

use super::ir::{Doc, Item, ItemKind};
use super::knowledge::{Cue, Via};
use super::lang::Class;

/// How far (in tokens) a subject may stand before its verb.
const SUBJECT_WINDOW: usize = 14;
/// How far an object may stand after its verb.
const OBJECT_WINDOW: usize = 10;

/// A subject found before a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Actors(Vec<usize>, Via),
    /// A pronoun ("it", "he") to resolve against the discourse: whether it is a person's, and
    /// its token where known, so that each pronoun of a sentence is resolved on its own.
    Pronoun(bool, Option<usize>),
    None,
}

/// Whether the tokens between two items break the link between a subject and its verb.
fn gap_blocks(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    if to <= from {
        return false;
    }
    let mut commas = 0;
    let mut words_between_commas = 0;
    for t in from..to {
        let w = doc.tok(t);
        if scare_quote(doc, t) {
            continue;
        }
        if doc.tok_is_a(t, Class::ClauseBreak)
            || matches!(
                w,
                ";" | ":" | "\"" | "\u{201c}" | "\u{201d}" | "(" | ")" | "\u{2013}" | "\u{2014}"
            )
        {
            return true;
        }
        if w == "," {
            commas += 1;
        } else if commas == 1 && !w.is_empty() {
            words_between_commas += 1;
            if w.starts_with(char::is_uppercase) {
                return true;
            }
        }
    }
    // ", meanwhile," is a parenthetical; any other comma ends the subject.
    !(commas == 0
        || (commas == 2 && (1..=3).contains(&words_between_commas) && doc.tok(to - 1) == ","))
}

/// A quotation mark between two words, the next in lower case: a quoted phrase inside the
/// reporter's own sentence ("issued a \"strong protest\" against"), which ends no clause.
fn scare_quote(doc: &Doc<'_>, t: usize) -> bool {
    let word = |w: &str| w.chars().next().is_some_and(char::is_alphanumeric);
    matches!(doc.tok(t), "\"" | "\u{201c}" | "\u{201d}")
        && t > 0
        && t + 1 < doc.tokens.len()
        && word(doc.tok(t - 1))
        && doc.tok(t + 1).starts_with(char::is_lowercase)
}

fn is_subject_actor(item: &Item) -> Option<(usize, Via)> {
    match item.kind {
        ItemKind::Actor {
            actor,
            via,
            adjectival: false,
            possessive: false,
        } => Some((actor, via)),
        _ => None,
    }
}

/// Items that end the search for a subject: another predicate.
fn is_predicate(item: &Item) -> bool {
    matches!(
        item.kind,
        ItemKind::Cue(Cue::Report | Cue::Hope | Cue::Support | Cue::Oppose | Cue::Condition)
            | ItemKind::Event(_)
    )
}

/// The subject of the cue at `items[at]`: the nearest actor before it in the same clause, with
/// actors coordinated to it ("Tokyo and Moscow"). For what a noun's owner may be as well as a
/// verb's subject ("sanctions against Russia over its annexation": "its" is Russia).
#[must_use]
pub fn subject_before(doc: &Doc<'_>, items: &[Item], at: usize, floor_tok: usize) -> Subject {
    nearest_subject(doc, items, at, floor_tok, false)
}

/// The subject of the verb or stance cue at `items[at]`, as [`subject_before`], but never the
/// object of a preposition (the language's `object_preposition`) in the phrase of an earlier
/// predicate of the clause: "Chile recalled its ambassador from Peru in protest" is no protest
/// of Peru's, and the search goes on before it.
#[must_use]
pub fn clause_subject_before(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    floor_tok: usize,
) -> Subject {
    nearest_subject(doc, items, at, floor_tok, true)
}

fn nearest_subject(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    floor_tok: usize,
    skip_objects: bool,
) -> Subject {
    let Some(cue) = items.get(at) else {
        return Subject::None;
    };
    doc.tick(at + 1);
    let mut pos = skip_parenthetical(doc, cue.tok, floor_tok);
    let mut j = at;
    while j > 0 {
        j -= 1;
        let it = items[j];
        if it.tok < floor_tok || it.start >= cue.start {
            if it.start >= cue.start {
                continue;
            }
            break;
        }
        if it.tok >= pos {
            // Inside a skipped relative clause.
            continue;
        }
        if cue.tok.saturating_sub(it.tok_end) > SUBJECT_WINDOW {
            break;
        }
        if it.tok_end <= pos && gap_blocks(doc, it.tok_end, pos) {
            break;
        }
        if let Some((actor, via)) = is_subject_actor(&it) {
            let mut actors = vec![actor];
            let mut first = it;
            let mut first_at = j;
            let mut k = j;
            while k > 0 {
                k -= 1;
                let prev = items[k];
                // "nor" is also a negator cue: it joins "Neither X nor Y".
                if prev.start >= first.start || matches!(prev.kind, ItemKind::Cue(Cue::Negator)) {
                    continue;
                }
                // "In Ethiopia, Ambassador Hammer ...": a place after a preposition is not
                // coordinated with the subject.
                let bare_comma = doc.tok(prev.tok_end) == "," && prev.tok_end + 1 == first.tok;
                let governed = bare_comma
                    && prev.tok > 0
                    && doc.tok_is_a(prev.tok - 1, Class::PlacePreposition);
                let joined = !governed && coordinated(doc, prev.tok_end, first.tok);
                match is_subject_actor(&prev) {
                    Some((a, _)) if joined => {
                        if !actors.contains(&a) {
                            actors.insert(0, a);
                        }
                        first = prev;
                        first_at = k;
                    }
                    _ => break,
                }
            }
            // "recalled its ambassador from Peru in protest": the object of a preposition (and
            // what is coordinated with it) right in the phrase of an act the clause told before
            // is no subject of the cue; the search goes on before it. Not before any act
            // ("Soldiers from Gondor will not ..."), after a verb of saying ("Officials said
            // troops from Russia attacked ...") or past a comma or a conjunction ("Russia
            // invaded Ukraine, and troops from Belarus attacked Kyiv").
            if skip_objects
                && first.tok > 0
                && doc.tok_is_a(first.tok - 1, Class::ObjectPreposition)
                && in_an_acts_phrase(doc, &items[..first_at], floor_tok, first.tok)
            {
                j = first_at;
                pos = skip_parenthetical(doc, pos.min(first.tok), floor_tok);
                continue;
            }
            return Subject::Actors(actors, via);
        }
        if let ItemKind::Cue(Cue::Pronoun) = it.kind {
            let w = doc.slice(it.start, it.end);
            let person = doc.lang.is(Class::PersonPronoun, w);
            return Subject::Pronoun(person, Some(it.tok));
        }
        if is_predicate(&it) {
            break;
        }
        pos = skip_parenthetical(doc, pos.min(it.tok), floor_tok);
    }
    Subject::None
}

/// Whether the last predicate of `before` (from token `floor_tok` on) is an act whose phrase
/// runs unbroken to token `to`: no comma, conjunction, relative word or word that opens a
/// clause ("after", "as", "since") between them.
fn in_an_acts_phrase(doc: &Doc<'_>, before: &[Item], floor_tok: usize, to: usize) -> bool {
    let Some(last) = before
        .iter()
        .rev()
        .take_while(|x| x.tok >= floor_tok)
        .find(|x| is_predicate(x))
    else {
        return false;
    };
    matches!(last.kind, ItemKind::Event(_))
        && (last.tok_end..to).all(|t| {
            doc.tok(t) != ","
                && !doc.tok_is_a(t, Class::Coordinator)
                && !doc.tok_is_a(t, Class::Relative)
                && !doc.tok_is_a(t, Class::ClauseBreak)
        })
}

/// Whether the tokens between two actors coordinate them: "and", ",", "nor", and after a
/// conjunction up to three lower-case modifiers ("Fornost and the evil Gondor").
fn coordinated(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    if to <= from || to - from > 5 {
        return false;
    }
    let glue = |t: usize| matches!(doc.tok(t), "," | "&") || doc.tok_is_a(t, Class::Coordinator);
    let mut t = from;
    let mut seen = false;
    while t < to && glue(t) {
        seen = true;
        t += 1;
    }
    // Modifiers only after a conjunction: ", the station" after a list is an apposition.
    let before = t.saturating_sub(1);
    let conjunction = doc.tok_is_a(before, Class::Coordinator) || doc.tok(before) == "&";
    seen && (t == to || conjunction)
        && (t..to).all(|t| {
            let w = doc.tok(t);
            w.starts_with(char::is_lowercase) && !doc.tok_is_a(t, Class::NotAModifier)
        })
}

/// Longest relative clause skipped between a subject and its verb, in tokens.
const RELATIVE_WINDOW: usize = 20;

/// When the tokens just before `pos` close a relative clause (", which calls them X,") or an
/// apposition after a name that opens with an article (", a State Department spokesman,",
/// ", the spokesman for the ministry,"), the position of the comma that opens it; otherwise
/// `pos`.
fn skip_parenthetical(doc: &Doc<'_>, pos: usize, floor: usize) -> usize {
    if pos == 0 || pos <= floor || doc.tok(pos - 1) != "," {
        return pos;
    }
    doc.tick(RELATIVE_WINDOW);
    let lowest = pos.saturating_sub(RELATIVE_WINDOW).max(floor);
    let mut t = pos - 1;
    while t > lowest {
        t -= 1;
        let w = doc.tok(t);
        if w == "," {
            let apposition = t > floor
                && doc.tok_is_a(t + 1, Class::Article)
                && doc.tok(t - 1).starts_with(char::is_uppercase);
            return if doc.tok_is_a(t + 1, Class::Relative) || apposition {
                t
            } else {
                pos
            };
        }
        if matches!(w, "." | ";" | ":") {
            return pos;
        }
    }
    pos
}

/// Words that end the verb's object: another clause begins.
fn ends_object(doc: &Doc<'_>, t: usize) -> bool {
    doc.tok_is_a(t, Class::ObjectEnd)
        || matches!(
            doc.tok(t),
            "," | "."
                | ";"
                | ":"
                | "\""
                | "\u{201c}"
                | "\u{201d}"
                | "("
                | ")"
                | "\u{2013}"
                | "\u{2014}"
        )
}

/// Whether a cue after token `prev` stands as a noun ("an attack", "historic agreement", "of
/// talks") rather than as a verb ("to attack", "will agree", "and signed").
fn is_noun_position(doc: &Doc<'_>, prev: usize) -> bool {
    let w = doc.tok(prev);
    w.starts_with(char::is_lowercase)
        && !doc.tok_is_a(prev, Class::VerbalContext)
        && !doc.lang.ends_with_lower(Class::AdverbSuffix, w)
}

/// Actors after the cue at `items[at]` (its object): the first actor in the noun phrases that
/// follow it ("restored full diplomatic ties with Gondor", "recognizes Moroccan sovereignty"),
/// then the actors coordinated with it.
#[must_use]
pub fn objects_after(doc: &Doc<'_>, items: &[Item], at: usize, ceil_tok: usize) -> Vec<usize> {
    objects(doc, items, at, ceil_tok, false)
}

/// The direct object of the cue at `items[at]` only: the actor right after it, past articles and
/// prepositions ("urged Beijing", "calls on the PRC"), with the actors coordinated to it.
#[must_use]
pub fn direct_objects_after(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    ceil_tok: usize,
) -> Vec<usize> {
    objects(doc, items, at, ceil_tok, true)
}

fn objects(doc: &Doc<'_>, items: &[Item], at: usize, ceil_tok: usize, direct: bool) -> Vec<usize> {
    let Some(cue) = items.get(at) else {
        return Vec::new();
    };
    doc.tick(items.len() - at);
    let mut out = Vec::new();
    let mut last_end = cue.tok_end;
    for it in &items[at + 1..] {
        if it.start < cue.end {
            continue;
        }
        if it.tok >= ceil_tok || it.tok.saturating_sub(cue.tok_end) > OBJECT_WINDOW {
            break;
        }
        // The first object may sit inside a longer noun phrase; later ones only after glue.
        let gap_ok = if out.is_empty() && !direct {
            !(last_end..it.tok).any(|t| ends_object(doc, t))
        } else {
            (last_end..it.tok).all(|t| doc.tok_is_a(t, Class::ObjectGlue))
                || coordinated(doc, last_end, it.tok)
        };
        if !gap_ok {
            break;
        }
        match it.kind {
            // "met dignitaries at the UN headquarters", "on the sidelines of the UN General
            // Assembly": a venue the actor names is where the act is, not whom it is aimed at.
            ItemKind::Actor { .. } if names_venue(doc, it) => {
                last_end = it.tok_end;
            }
            // "shelled the Kurdistan Democratic Party offices in Iraq": an organization only
            // named takes no part; the object goes on past it to the place.
            ItemKind::Actor { actor, .. } if doc.actors[actor].named_only => {
                last_end = it.tok_end;
            }
            // A possessor starts a new noun phrase ("Lavrov, Japan's minister"), unless it is
            // the first object ("rejected Japan's claim").
            ItemKind::Actor {
                actor,
                possessive: true,
                ..
            } => {
                if out.is_empty() {
                    out.push(actor);
                }
                break;
            }
            ItemKind::Actor { actor, .. } => {
                if !out.contains(&actor) {
                    out.push(actor);
                }
                last_end = it.tok_end;
            }
            // A noun of an act inside the object ("condemned an attack by X", "welcomed a
            // resumption of talks with X") does not end it.
            ItemKind::Event(_) if it.tok > 0 && is_noun_position(doc, it.tok - 1) => {}
            _ => {
                if is_predicate(it) {
                    break;
                }
            }
        }
    }
    out
}

/// Whether the actor item `it` names a venue: a venue noun follows its mention ("the U.N.
/// headquarters", "the UN's building") or precedes it with "of" ("the sidelines of the UN
/// General Assembly").
#[must_use]
pub fn names_venue(doc: &Doc<'_>, it: &Item) -> bool {
    let mut t = it.tok_end;
    while matches!(doc.tok(t), "'" | "\u{2019}" | "s") {
        t += 1;
    }
    if doc.tok_is_a(t, Class::VenueNoun) {
        return true;
    }
    let mut t = it.tok;
    while t > 0 && doc.tok_is_a(t - 1, Class::NounMarker) {
        t -= 1;
    }
    t >= 2 && doc.tok_is_a(t - 1, Class::GenitiveCase) && doc.tok_is_a(t - 2, Class::VenueNoun)
}

/// The possessor right before a noun cue ("Putin's proposal", "his meeting").
#[must_use]
pub fn possessor(items: &[Item], at: usize, doc: &Doc<'_>) -> Option<Subject> {
    let cue = items.get(at)?;
    doc.tick(at + 1);
    let prev = items[..at].iter().rev().find(|i| i.start < cue.start)?;
    let close = cue.tok.saturating_sub(prev.tok_end) <= 3
        && (prev.tok_end..cue.tok).all(|t| doc.tok_is_a(t, Class::PossessorGlue));
    if !close {
        return None;
    }
    match prev.kind {
        ItemKind::Actor {
            actor,
            via,
            possessive: true,
            ..
        } => Some(Subject::Actors(vec![actor], via)),
        // "the Russian and Chinese veto of the draft", "Japanese opposition to the drills": the
        // demonyms right before a stance noun are its owners, coordinated ones included.
        ItemKind::Actor {
            actor,
            via,
            adjectival,
            ..
        } if prev.tok_end == cue.tok && (adjectival || via == Via::Demonym) => {
            let mut owners = vec![actor];
            let mut next = prev;
            for x in items[..at]
                .iter()
                .rev()
                .skip_while(|x| x.start >= prev.start)
            {
                let joined = x.tok_end < next.tok
                    && (x.tok_end..next.tok)
                        .all(|t| doc.tok_is_a(t, Class::Coordinator) || doc.tok(t) == ",");
                match x.kind {
                    ItemKind::Actor {
                        actor: a,
                        adjectival,
                        via: v,
                        ..
                    } if joined && (adjectival || v == Via::Demonym) => {
                        if !owners.contains(&a) {
                            owners.insert(0, a);
                        }
                        next = x;
                    }
                    _ => break,
                }
            }
            Some(Subject::Actors(owners, via))
        }
        ItemKind::Cue(Cue::Possessive) => {
            let w = doc.slice(prev.start, prev.end);
            Some(Subject::Pronoun(
                doc.lang.is(Class::PersonPronoun, w),
                Some(prev.tok),
            ))
        }
        _ => None,
    }
}
