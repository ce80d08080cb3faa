//! Names of people as written: which words make a name ("Antony J. Blinken", "Ban Ki-moon",
//! "Omar al-Bashir", "Charles III") and which end one (a headline's verb, a weekday glued to a
//! surname).

use super::ir::{Doc, TokKind};
use super::lang::{Class, Profile};
use super::lexicon::Lex;

/// Most words a name can have ("Abdel Fattah al Sisi", "Francisco Pascual Eyegue Obama").
const MAX_NAME_WORDS: usize = 5;

/// Whether `w` is a region or remit word as written in running text ("Africa", not "AFRICA").
pub(crate) fn is_place_word(lang: &Profile, w: &str) -> bool {
    lang.is(Class::RemitWord, w) && titlecase(w)
}

/// Capitalized and otherwise lower case ("Before", not "BEFORE"): how the profile's
/// capitalized classes are written in running text.
fn titlecase(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase())
        && !w.bytes().skip(1).any(|b| b.is_ascii_uppercase())
}

/// Whether `w` is a particle inside a name, in lower case as written ("al", "van").
fn is_particle(lang: &Profile, w: &str) -> bool {
    lang.is(Class::NameParticle, w) && !w.bytes().any(|b| b.is_ascii_uppercase())
}

/// How many capitalized words after a person's name may still belong to a place named after
/// him ("Chiang Kai Shek Memorial Hall Station").
const NAMED_AFTER_REACH: usize = 3;

/// Whether the name ending before token `end` is the start of a place's or an institution's
/// name ("Chiang Kai Shek Memorial Hall", "John F. Kennedy International Airport"): one of the
/// capitalized words right after it is an institution word. "The Obama administration" is the
/// man's government, which the leader-group rules read.
pub(crate) fn names_a_place_after(doc: &Doc<'_>, end: usize) -> bool {
    if doc.tok_is_a(end, Class::LeaderGroupNoun) {
        return false;
    }
    // A place's name does not run on to the next line: a by-line's "Heather Nauert" above
    // "Department Spokesperson" is the person.
    let same_line = |t: usize| !doc.text[doc.tokens[t - 1].end..doc.tokens[t].start].contains('\n');
    (end..end + NAMED_AFTER_REACH)
        .take_while(|&t| t < doc.tokens.len() && same_line(t) && is_name_word(doc, t, false))
        .any(|t| is_institution_word(doc, t))
}

/// Whether `w` names an institution or a place rather than a person ("Cato Institute", "King
/// Fahd Causeway", "the Prime Minister Office").
pub(crate) fn is_institution_word(doc: &Doc<'_>, t: usize) -> bool {
    doc.tok_in_lex(t, Lex::InstitutionWord)
}

/// Whether token `t` is a courtesy title written as in running text ("Ms", "Mr").
pub(crate) fn is_honorific(doc: &Doc<'_>, t: usize) -> bool {
    let w = doc.tok(t);
    titlecase(w) && doc.lang.is(Class::Honorific, w)
}

/// A courtesy title at the start of the name `from..end` or right before it ("Ms Bauchtman",
/// "Mr. Abe", whose period ends the scan back): where the name starts after the title and
/// where the title starts, no further back than `floor`; `None` without one.
pub(crate) fn after_honorific(
    doc: &Doc<'_>,
    from: usize,
    end: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    if from < end && is_honorific(doc, from) {
        let name = if doc.tok(from + 1) == "." {
            from + 2
        } else {
            from + 1
        };
        return (name < end).then_some((name, from));
    }
    if from >= floor + 2 && doc.tok(from - 1) == "." && is_honorific(doc, from - 2) {
        return Some((from, from - 2));
    }
    (from > floor && is_honorific(doc, from - 1)).then(|| (from, from - 1))
}

fn is_roman(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// A word that can be part of a name: capitalized, not a headline or calendar word. In an
/// all-capitals line (`caps`) capitals alone count.
pub(crate) fn is_name_word(doc: &Doc<'_>, i: usize, caps: bool) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    let w = doc.tok(i);
    t.kind == TokKind::Word
        && w.starts_with(char::is_uppercase)
        && !(doc.lang.is(Class::NotAName, w) && titlecase(w))
        && !is_place_word(&doc.lang, w)
        && (w.chars().any(char::is_lowercase)
            || w.chars().count() == 1
            || is_roman(w)
            || (caps && !doc.lang.is(Class::NotAName, w)))
}

fn adjacent(doc: &Doc<'_>, i: usize) -> bool {
    i > 0
        && doc
            .tokens
            .get(i)
            .is_some_and(|t| t.start == doc.tokens[i - 1].end)
}

fn spaced(doc: &Doc<'_>, i: usize) -> bool {
    i > 0
        && doc
            .tokens
            .get(i)
            .is_some_and(|t| doc.slice(doc.tokens[i - 1].end, t.start) == " ")
}

/// The end of a name starting at token `from` (exclusive; `from` when there is none): name
/// words, initials ("J."), hyphenated parts ("Ki-moon", "al-Bashir"), particles before a name
/// word, a regnal number; it always ends on a full word.
pub(crate) fn scan_name(doc: &Doc<'_>, from: usize, limit: usize, caps: bool) -> usize {
    let mut i = from;
    let mut words = 0;
    let mut end = from;
    let mut joined = false;
    while i < limit && words < MAX_NAME_WORDS && (i == from || joined || spaced(doc, i)) {
        joined = false;
        let w = doc.tok(i);
        if is_name_word(doc, i, caps) {
            words += 1;
            if (w.chars().count() == 1 || doc.tok_in_lex(i, Lex::AbbreviatedGiven))
                && doc.tok(i + 1) == "."
                && adjacent(doc, i + 1)
            {
                i += 2;
                continue;
            }
            i += 1;
            // Hyphenated parts belong to the word.
            while i + 1 < limit
                && doc.tok(i) == "-"
                && adjacent(doc, i)
                && adjacent(doc, i + 1)
                && doc.tokens[i + 1].kind == TokKind::Word
            {
                i += 2;
            }
            if w.chars().count() > 1 || i > from + 1 {
                end = i;
            }
            continue;
        }
        // A surname in an editor's brackets: "President Salva (Kiir)".
        if words > 0 && w == "(" && spaced(doc, i) {
            let mut j = i + 1;
            while j < limit && j < i + 3 && is_name_word(doc, j, caps) && doc.tok(j).len() > 1 {
                j += 1;
            }
            if j > i + 1 && j < limit && doc.tok(j) == ")" {
                words += j - i - 1;
                i = j + 1;
                end = i;
                continue;
            }
        }
        if words > 0 && is_particle(&doc.lang, w) {
            let next = if doc.tok(i + 1) == "-" && adjacent(doc, i + 1) {
                i + 2
            } else {
                i + 1
            };
            if next < limit && is_name_word(doc, next, caps) {
                joined = next == i + 2;
                i = next;
                continue;
            }
        }
        break;
    }
    end
}

/// The start of a name ending at token `end` (exclusive), scanning back no further than `floor`;
/// `end` when there is none. Only plain name words and initials.
pub(crate) fn scan_name_back(doc: &Doc<'_>, end: usize, floor: usize, caps: bool) -> usize {
    let mut i = end;
    let mut words = 0;
    while i > floor && words < MAX_NAME_WORDS {
        let j = i - 1;
        if doc.tok(j) == "." && j > floor && doc.tok(j - 1).chars().count() == 1 {
            if !is_name_word(doc, j - 1, caps) {
                break;
            }
            i = j - 1;
            words += 1;
            continue;
        }
        // A hyphenated part ("Jean-Yves", "Ki-moon"): the word after the hyphen goes with the
        // name word before it.
        if j >= floor + 2
            && doc.tok(j - 1) == "-"
            && adjacent(doc, j)
            && adjacent(doc, j - 1)
            && doc.tokens[j].kind == TokKind::Word
            && is_name_word(doc, j - 2, caps)
            && (j + 1 == end || spaced(doc, j + 1))
        {
            i = j - 2;
            words += 1;
            continue;
        }
        // A particle inside the name ("Peter van Walsum").
        if words > 0
            && j > floor
            && is_particle(&doc.lang, doc.tok(j))
            && is_name_word(doc, j - 1, caps)
        {
            i = j;
            continue;
        }
        if is_name_word(doc, j, caps)
            && (j + 1 == end || spaced(doc, j + 1) || adjacent(doc, j + 1))
        {
            i = j;
            words += 1;
            continue;
        }
        break;
    }
    i
}

pub(crate) fn name_words(doc: &Doc<'_>, from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&i| doc.tokens[i].kind == TokKind::Word && !(i > from && doc.tok(i - 1) == "-"))
        .count()
}
