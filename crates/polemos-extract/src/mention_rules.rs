//! Rules of the mention stage about what a name stands for in its context: a state name inside
//! a sea's or a treaty's name is no party, an institution "of" a state and "its foreign
//! ministry" are the state's bodies, a lede's office is the holder named later, and a
//! transcript label in capitals names the speaker met before.

use super::ir::{Doc, Item, ItemKind, RawMatch, TokKind};
use super::knowledge::{Knowledge, Via};
use super::lang::Class;
use super::lexicon::Lex;
use super::mentions::{
    State, body_actor, body_noun, is_capitalized_word, only_possessive, unlisted_actor,
};
use polemos_core::model::ActorKind;

/// "Taiwan also claims the islands and its foreign ministry protested": a body of the state
/// that "its" refers to, the only actor named before it in the sentence (or, when there is
/// none, the last actor of the previous sentence), if that is a state.
pub(crate) fn its_bodies(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    range: std::ops::Range<usize>,
    local: &mut Vec<Item>,
) {
    for t in range.clone() {
        if !doc.tok_is_a(t, Class::StatePossessive) {
            continue;
        }
        let Some(n) = body_noun(doc, t + 1, range.end) else {
            continue;
        };
        // The states named before "its" in the sentence, adjectival ones too ("Philippine
        // vessels ... its Coast Guard"): only one may be named. With no actor before it, the
        // previous sentence's last actor.
        let actor_of = |it: &Item| match it.kind {
            ItemKind::Actor { actor, .. } => Some(actor),
            _ => None,
        };
        let mut before: Vec<usize> = local
            .iter()
            .filter(|it| it.tok_end <= t)
            .filter_map(actor_of)
            .collect();
        if before.is_empty() {
            before.extend(doc.items.iter().rev().find_map(actor_of));
        }
        before.sort_unstable();
        before.dedup();
        let [state] = before[..] else {
            continue;
        };
        let Some(known) = doc.actors[state]
            .known
            .filter(|&kn| k.actors[kn].kind == ActorKind::State)
        else {
            continue;
        };
        let Some(adjective) = k.actors[known].demonym.clone() else {
            continue;
        };
        let nouns = doc.slice(doc.tokens[t + 1].start, doc.tokens[t + n].end);
        let b = body_actor(doc, st, format!("{adjective} {nouns}"), state);
        local.push(Item {
            start: doc.tokens[t].start,
            end: doc.tokens[t + n].end,
            tok: t,
            tok_end: t + n + 1,
            kind: ItemKind::Actor {
                actor: b,
                via: Via::Reference,
                adjectival: false,
                possessive: false,
            },
            score: doc.calibration.via(Via::Reference),
        });
    }
}

/// Whether the demonym matched at `m` is a plural counted or listed ("seven Russians",
/// "included Bangladeshis"): nationals, not their state.
pub(crate) fn counted_nationals(doc: &Doc<'_>, m: RawMatch, demonym: Option<&str>) -> bool {
    let found = doc.slice(m.start, m.end);
    let plural = demonym.is_some_and(|d| found.len() == d.len() + 1 && found.ends_with('s'));
    if !plural || m.tok == 0 || m.tok <= doc.sentences[m.sentence].tokens.start {
        return false;
    }
    let before = m.tok - 1;
    let before = if doc.tok_is_a(before, Class::GenitiveCase) && before > 0 {
        before - 1
    } else {
        before
    };
    doc.tokens[before].kind == TokKind::Number || doc.tok_is_a(before, Class::Counting)
}

/// Whether the state name at `tok..tok_end` is part of a newspaper's name: "the Japan Times",
/// "China Daily", "Russia Today", "the Times of India". The paper is not the state.
pub(crate) fn in_masthead(
    doc: &Doc<'_>,
    tok: usize,
    tok_end: usize,
    range: std::ops::Range<usize>,
) -> bool {
    (tok_end < range.end && doc.tok_in_lex(tok_end, Lex::MastheadWord))
        || (tok >= range.start + 2
            && is_lower_a(doc, tok - 1, Class::GenitiveCase)
            && doc.tok_in_lex(tok - 2, Lex::MastheadWord))
}

/// Whether the state name at `tok..tok_end` is part of a place's name: a feature noun right
/// after it ("Indian Ocean", "East China Sea") or before it ("Gulf of Mexico", "Lake Chad"), a
/// region ("Latin America", "South American", "Northern Ireland") or a namesake ("New Mexico").
/// A region is not a party.
pub(crate) fn in_feature_name(
    doc: &Doc<'_>,
    tok: usize,
    tok_end: usize,
    range: std::ops::Range<usize>,
) -> bool {
    let capital = |t: usize| doc.tok_in_lex(t, Lex::FeatureNoun);
    // "Latin America", "South American", "New Mexico": a region or another place named after
    // the state ("South Korea", "South African" are matched whole before this).
    let region = tok > range.start
        && (doc.tok_in_lex(tok - 1, Lex::NamesakePrefix)
            || (doc.tok(tok).starts_with("America") && doc.tok_in_lex(tok - 1, Lex::RegionPrefix)));
    region
        || (tok_end < range.end && capital(tok_end))
        || (tok > range.start && doc.tok_in_lex(tok - 1, Lex::FeatureNounBefore))
        || (tok >= range.start + 2
            && is_lower_a(doc, tok - 1, Class::GenitiveCase)
            && capital(tok - 2))
}

/// The colon ending a transcript's speaker label in capitals at the start of the sentence
/// ("MR. BLINKEN:", "SECRETARY BLINKEN:"); the sentence's start when there is none.
pub(crate) fn label_end(doc: &Doc<'_>, range: std::ops::Range<usize>) -> usize {
    let Some(colon) = range.clone().take(6).find(|&t| doc.tok(t) == ":") else {
        return range.start;
    };
    let caps = (range.start..colon).all(|t| {
        let w = doc.tok(t);
        !w.chars().any(char::is_lowercase)
    });
    if caps { colon } else { range.start }
}

/// The first token of an institution's name that ends in "of" right before the state name at
/// `tok` ("the Central Election Commission of [the Republic of] Belarus"), if there is one.
pub(crate) fn institution_of(doc: &Doc<'_>, tok: usize, first: usize) -> Option<usize> {
    let mut of = tok
        .checked_sub(1)
        .filter(|&p| p > first && is_lower_a(doc, p, Class::GenitiveCase))?;
    // "of the Republic of Belarus": the state's long form.
    if of >= first + 4
        && doc.tok_in_lex(of - 1, Lex::LongFormHead)
        && doc.tok_is_a(of - 2, Class::DefiniteArticle)
        && is_lower_a(doc, of - 3, Class::GenitiveCase)
    {
        of -= 3;
    }
    let head = of.checked_sub(1).filter(|&h| h >= first)?;
    if !doc.tok_in_lex(head, Lex::InstitutionHead) {
        return None;
    }
    let mut from = head;
    while from > first && from > head.saturating_sub(4) && is_capitalized_word(doc, from - 1) {
        from -= 1;
    }
    // "The Ministry" at a sentence's start: "The" is not the name's.
    if doc
        .lang
        .is_capitalized(Class::DefiniteArticle, doc.tok(from))
    {
        from += 1;
    }
    (from < head || head > first).then_some(from)
}

/// The only person of the document holding title `t`'s role for document actor `state`
/// (found by pass 1 anywhere in the text).
pub(crate) fn holder_named_later(
    k: &Knowledge,
    doc: &Doc<'_>,
    t: usize,
    state: usize,
) -> Option<usize> {
    let role = k.titles[t].role.as_str();
    let mut holders = doc.actors.iter().enumerate().filter(|(_, a)| {
        a.kind == ActorKind::Person
            && a.affiliation == Some(state)
            && a.role.is_some_and(|r| k.titles[r].role == role)
    });
    let (first, _) = holders.next()?;
    holders.next().is_none().then_some(first)
}

/// Whether the capitalized words from `at` end in a treaty's name ("Law of the Sea
/// Convention", "Charter").
pub(crate) fn names_instrument(doc: &Doc<'_>, at: usize, end: usize) -> bool {
    let mut t = at;
    while t < end && t < at + 7 {
        let w = doc.tok(t);
        if doc.tok_in_lex(t, Lex::Instrument) {
            return true;
        }
        let goes_on = doc.tokens[t].kind == TokKind::Word
            && (w.starts_with(char::is_uppercase) || is_lower_a(doc, t, Class::InstrumentGlue));
        if !goes_on {
            return false;
        }
        t += 1;
    }
    false
}

/// Whether token `t` is a word of `class` written in lower case ("of", not "Of" in a name).
fn is_lower_a(doc: &Doc<'_>, t: usize, class: Class) -> bool {
    !doc.tok(t).bytes().any(|b| b.is_ascii_uppercase()) && doc.tok_is_a(t, class)
}

/// "BLINKEN" as a surname is written: "Blinken".
pub(crate) fn title_case(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_string() + &c.as_str().to_lowercase())
}

/// "the United Front for Change", "Iran's Guardian Council", "the Niger Delta Defense and
/// Security Council": capitalized words ending in an organization's head (lexicon
/// `organization_head`), or in one and its "of"/"for" phrase ("the Ministry of Security and
/// Intelligence"), name a body or group the data does not know, in full. A state named inside
/// the name (or before it with a possessive) is the body's owner and keeps its part; a known
/// organization whose name the longer name ends in ("Security Council") is not named. A
/// headline's capitals, a name with a person or a title in it, and one an actor found already
/// overlaps are left alone.
pub(crate) fn named_organizations(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    range: std::ops::Range<usize>,
    local: &mut Vec<Item>,
) {
    let mut t = range.start;
    while t < range.end {
        let Some((from, head, end)) = organization_name_at(doc, t, range.clone()) else {
            t += 1;
            continue;
        };
        t = end;
        let (start, stop) = (doc.tokens[from].start, doc.tokens[end - 1].end);
        let overlaps = |it: &Item| it.start < stop && start < it.end;
        let inside = |it: &Item| start <= it.start && it.end <= stop;
        let person_or_title = |it: &Item| match it.kind {
            ItemKind::Title(_) => true,
            ItemKind::Actor { actor, .. } => doc.actors[actor].kind == ActorKind::Person,
            _ => false,
        };
        let is_actor = |it: &Item| matches!(it.kind, ItemKind::Actor { .. });
        if local.iter().filter(|it| overlaps(it)).any(|it| {
            person_or_title(it)
                || (is_actor(it) && (!inside(it) || it.start == start && it.end == stop))
        }) {
            continue;
        }
        // "the Calenardhon Ministry of Silly Walks", "the U.N. Human Rights Council": a known
        // name right before the name's words or starting them (not a hyphen's first half,
        // "Ethiopia-Eritrea Boundary Commission") makes it that actor's body, which the rules
        // for bodies roll up to it.
        let known_actor = |it: &Item| match it.kind {
            ItemKind::Actor { actor, .. } => {
                doc.actors[actor].known.is_some() && doc.actors[actor].kind != ActorKind::Person
            }
            _ => false,
        };
        let leads = |it: &Item| {
            (it.tok == from && doc.tok(it.tok_end) != "-")
                || (it.tok_end <= from && (it.tok_end..from).all(|w| doc.tok(w) == "."))
        };
        // (A name the gazetteer matched but this sentence did not take, "European", counts.)
        let matched_first = doc
            .raw
            .iter()
            .any(|m| m.tok == from && m.tok_end < end && doc.tok(m.tok_end) != "-");
        if local.iter().any(|it| known_actor(it) && leads(it))
            || matched_first
            || after_destination(doc, start, stop)
        {
            continue;
        }
        // "the Security Council" where the gazetteer did not take it is still the known body's
        // name, not a local one.
        if names_known_actor(k, doc.slice(start, stop)) {
            continue;
        }
        let state_of = |it: &Item| match it.kind {
            ItemKind::Actor { actor, .. } => doc.actors[actor]
                .known
                .filter(|&kn| k.actors[kn].kind == ActorKind::State)
                .map(|_| actor),
            _ => None,
        };
        // A group's of/for phrase names its cause or its land, not its owner: "the Democratic
        // Forces for the Liberation of Rwanda" are no body of Rwanda's ("the Sudan Armed Forces"
        // are Sudan's).
        let group = doc.tok_in_lex(head, Lex::ArmedOrganizationHead)
            || doc.tok_in_lex(head, Lex::PoliticalOrganizationHead);
        // An armed head is a state's own forces only when nothing but army words stand before
        // it ("the Armed Forces of Ukraine", "Kenya's Defence Forces"), apart from the owner's
        // own name ("the Sudan Armed Forces"); "the Rapid Support Forces" or "the Free Syrian
        // Army" are groups of their own, whoever is named with them.
        let armed = doc.tok_in_lex(head, Lex::ArmedOrganizationHead);
        let army_words = |lo: usize, hi: usize| {
            !armed
                || (lo..hi)
                    .all(|w| doc.tok_in_lex(w, Lex::ArmyWord) || doc.tok_is_a(w, Class::Determiner))
        };
        // "the Armed Forces of Ukraine and Poland": no one state's forces.
        let states_after = local
            .iter()
            .filter(|it| inside(it) && it.tok > head)
            .filter_map(state_of)
            .count();
        if armed && states_after > 1 {
            continue;
        }
        // The owner: a state named inside, or before the name with a possessive ("Iran's"),
        // adjectives between ("Iran's powerful Guardian Council"). A group's owner stands before
        // its head, except for a state's forces named by their state alone after "of" ("the
        // Army of the Republic of Korea").
        let of_the_state = |it: &Item| {
            armed
                && it.tok > head
                && it.tok_end == end
                && army_words(from, head)
                && (head + 1..it.tok).all(|w| {
                    doc.tok_is_a(w, Class::GenitiveCase) || doc.tok_is_a(w, Class::Determiner)
                })
        };
        let possessor = |it: &Item| {
            it.tok_end + 2 <= from
                && only_possessive(doc, it.tok_end, it.tok_end + 2)
                && (it.tok_end + 2..from).all(|w| doc.tok_upos(w) == "ADJ")
        };
        let mut states: Vec<usize> = local
            .iter()
            .filter(|it| {
                (inside(it)
                    && (!group
                        || (it.tok_end <= head
                            && army_words(from, it.tok)
                            && army_words(it.tok_end, head))
                        || of_the_state(it)))
                    || (possessor(it) && army_words(from, head))
            })
            .filter_map(state_of)
            .collect();
        states.sort_unstable();
        states.dedup();
        let owner = match states[..] {
            [state] => Some(state),
            _ => None,
        };
        // "Sudan's Rapid Support Forces": forces a state's name comes with but does not own
        // are a group of their own, not a name to pass over.
        let disowned = armed
            && local
                .iter()
                .any(|it| possessor(it) && state_of(it).is_some());
        // "the Foreign Ministry" names a body only with its state ("Special Forces" none, but a
        // group's name with its cause does); "American Forces Press Service" is a news service;
        // "the (DRC) Sanctions Committee" is part of a longer name.
        let unowned = owner.is_none()
            && ((doc.tok_in_lex(head, Lex::OwnedOrganizationHead)
                && !(group && head + 1 < end)
                && !disowned)
                || doc.lex_phrase_at(Lex::GenericOfficeName, from, end) == Some(end - from));
        if unowned
            || (from..end).any(|w| doc.tok_in_lex(w, Lex::PressNameWord))
            || (from > range.start && doc.tok(from - 1) == ")")
        {
            continue;
        }
        let (kind, affiliation) = if doc.tok_in_lex(head, Lex::PoliticalOrganizationHead) {
            (ActorKind::PoliticalGroup, None)
        } else if doc.tok_in_lex(head, Lex::ArmedOrganizationHead) && owner.is_none() {
            (ActorKind::ArmedGroup, None)
        } else {
            (ActorKind::GovernmentBody, owner)
        };
        // Actors inside the name: a state stays as the owner's modifier; an organization the
        // name ends in is the longer name's part.
        local.retain(|it| {
            !(inside(it) && is_actor(it) && state_of(it).is_none() && it.tok_end == end)
        });
        let display = doc.slice(start, stop).to_owned();
        // "the Boundary Commission" after "the Ethiopia-Eritrea Boundary Commission": the
        // end of a name met before is that body.
        let met = doc.actors.iter().position(|x| {
            x.known.is_none()
                && x.kind != ActorKind::Person
                && x.display.len() > display.len()
                && x.display.ends_with(&display)
                && x.display[..x.display.len() - display.len()].ends_with([' ', '-'])
        });
        let known_before = doc.actors.len();
        let a = met.unwrap_or_else(|| match affiliation {
            Some(state) => body_actor(doc, st, display, state),
            None => unlisted_actor(doc, st, display, kind, None),
        });
        // With no state to roll up to, the name is listed but takes no part of its own.
        if a >= known_before && affiliation.is_none() {
            doc.actors[a].named_only = true;
        }
        local.push(Item {
            start,
            end: stop,
            tok: from,
            tok_end: end,
            kind: ItemKind::Actor {
                actor: a,
                via: Via::Name,
                adjectival: false,
                possessive: end + 2 <= range.end && only_possessive(doc, end, end + 2),
            },
            score: doc.calibration.via(Via::Name),
        });
    }
}

/// The organization's name that a run of capitalized words from token `t` makes: its first
/// token (after a capitalized article), its head (lexicon `organization_head`) and the token
/// after it. The words are capitalized, joined by hyphens or by the lower-case links of
/// `organization_name_link` ("Ministry of Security and Intelligence"); the head ends them or
/// has an "of"/"for" phrase after it; two words at least are capitalized. A run after an
/// acronym ("the U.N. Human Rights Council") is left alone: its name starts with the acronym.
fn organization_name_at(
    doc: &Doc<'_>,
    t: usize,
    range: std::ops::Range<usize>,
) -> Option<(usize, usize, usize)> {
    if !is_capitalized_word(doc, t) || (t > range.start && is_capitalized_word(doc, t - 1)) {
        return None;
    }
    if t > range.start && is_acronym(doc, t - 1) {
        return None;
    }
    // "the Tigray People's Liberation Front": the words after a possessive inside a longer name
    // are no name of their own; after a known name's ("Iran's Guardian Council") they are.
    if t >= range.start + 3
        && only_possessive(doc, t - 2, t)
        && is_capitalized_word(doc, t - 3)
        && !doc.raw.iter().any(|m| m.tok <= t - 3 && t - 3 < m.tok_end)
    {
        return None;
    }
    // "the Ministry of Defense Tuesday accused ...": a date's word ends the name.
    let name_word = |w: usize| w < range.end && is_capitalized_word(doc, w) && !date_word(doc, w);
    if !name_word(t) {
        return None;
    }
    let mut end = t + 1;
    loop {
        if name_word(end) {
            end += 1;
            continue;
        }
        // "Ethiopia-Eritrea Boundary Commission": a hyphen inside a word.
        let hyphen = end + 1 < range.end
            && doc.tok(end) == "-"
            && doc.tokens[end - 1].end == doc.tokens[end].start
            && doc.tokens[end].end == doc.tokens[end + 1].start
            && name_word(end + 1);
        if hyphen {
            end += 2;
            continue;
        }
        let mut link = end;
        while link < range.end && doc.tok_in_lex(link, Lex::OrganizationNameLink) {
            link += 1;
        }
        if link > end && name_word(link) {
            end = link + 1;
            continue;
        }
        break;
    }
    let head = (t..end).rev().find(|&h| {
        doc.tok_in_lex(h, Lex::OrganizationHead)
            && (h + 1 == end || doc.tok_in(h + 1, &["of", "for"]))
    })?;
    // "the International Council on Conflict Resolution": the name goes on past an "on" this
    // rule does not read; it is left alone, not cut.
    let goes_on = head + 1 == end
        && doc.tok(end) == "on"
        && name_word(end + 1)
        && !doc.raw.iter().any(|m| m.tok == end + 1);
    // "Qualified Party requirements": a party to a contract or a case.
    let legal_party = head > t && doc.tok_in_lex(head - 1, Lex::LegalPartyWord);
    if goes_on || legal_party {
        return None;
    }
    // Not the name's: a capitalized article or a sentence's first word that is no noun or
    // adjective ("But Taiwanese Ministry ..."), a word glued to a prefix ("anti-Pakistan"), and
    // what a coordination before it names ("Morocco and the Polisario Front").
    let mut from = t;
    if doc
        .lang
        .is_capitalized(Class::DefiniteArticle, doc.tok(from))
        || (from == range.start
            && from < head
            && !matches!(doc.tok_upos(from), "PROPN" | "NOUN" | "ADJ" | "NUM" | "X"))
    {
        from += 1;
    }
    // "Now the Electoral Commission": what is left before the name's first capital.
    while from < head && !is_capitalized_word(doc, from) {
        from += 1;
    }
    if from == t
        && t > range.start
        && doc.tok(t - 1) == "-"
        && doc.tokens[t - 1].end == doc.tokens[t].start
    {
        from += 1;
    }
    // "James To of the Democratic Party", "Chair of the Judiciary Committee": an "of" or "for"
    // phrase belongs to the name only after its head ("Ministry of Information").
    if let Some(link) = (from..head)
        .rev()
        .find(|&l| doc.tok_in(l, &["of", "for"]) && !doc.tok_in_lex(l - 1, Lex::OrganizationHead))
    {
        from = link + 1;
        while from < head && !is_capitalized_word(doc, from) {
            from += 1;
        }
    }
    if let Some(and) = (from..head)
        .rev()
        .find(|&a| doc.tok(a) == "and" && (doc.tok(a + 1) == "the" || is_known_name(doc, from, a)))
    {
        from = and + 1;
        while from < head && !is_capitalized_word(doc, from) {
            from += 1;
        }
    }
    // "Members of the Security Council", "any States Party": a plural noun first is no name's.
    let plural_first = matches!(tok_xpos(doc, from), "NNS" | "NNPS");
    // "on the West Front of this building": a side of a place.
    let side_of_place =
        doc.tok_in_lex(from, Lex::CompassWord) && head + 1 == end && doc.tok_in(end, &["of"]);
    let words = (from..end).filter(|&w| is_capitalized_word(doc, w)).count();
    // A name the data holds but did not take here ("Security Council" where it is no UN
    // body's) is not taken either.
    let known = is_known_name(doc, from, end);
    (words >= 2 && head >= from && !plural_first && !side_of_place && !known)
        .then_some((from, head, end))
}

/// Whether the name at bytes `start..end` is where something goes ("left for the Ministry of
/// Magic"): a verb's oblique after a preposition of destination (lexicon `destination_case`),
/// a place rather than an actor.
fn after_destination(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let p = &doc.parse;
    p.head_of(&p.words_in(start, end)).is_some_and(|h| {
        p.has_rel(h, "obl")
            && p.preposition(h)
                .is_some_and(|c| p.lexicon().is(Lex::DestinationCase, &c))
    })
}

/// Whether token `t` names a month or a weekday ("Tuesday", "April").
fn date_word(doc: &Doc<'_>, t: usize) -> bool {
    let w = doc.tok(t);
    doc.lang.month(w).is_some() || doc.lang.weekday(w).is_some()
}

/// Whether `name` is, in any case, a name or alias the data gives an actor ("Security
/// Council").
fn names_known_actor(k: &Knowledge, name: &str) -> bool {
    k.patterns.iter().enumerate().any(|(p, text)| {
        text.eq_ignore_ascii_case(name)
            && k.entries(p)
                .iter()
                .any(|e| matches!(e, super::knowledge::Entry::Actor(..)))
    })
}

/// Whether tokens `from..to` are one state's or organization's name the gazetteer matched.
fn is_known_name(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    doc.raw.iter().any(|m| m.tok == from && m.tok_end == to)
}

/// The parser's part-of-speech tag of token `i` ("NNS"), or "".
fn tok_xpos<'a>(doc: &'a Doc<'_>, i: usize) -> &'a str {
    doc.tokens
        .get(i)
        .and_then(|t| doc.parse.word_at(t.start))
        .and_then(|w| doc.parse.token(w))
        .map_or("", |x| x.xpos.as_str())
}

/// Whether token `t` is an acronym: a word in capitals ("UN", "U.N.", "NATO").
fn is_acronym(doc: &Doc<'_>, t: usize) -> bool {
    let w = doc.tok(t);
    doc.tokens.get(t).is_some_and(|x| x.kind == TokKind::Word)
        && w.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !w.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use crate::{ArticleMeta, Extractor};

    #[test]
    fn a_transcript_label_in_capitals_names_the_person_met_before() {
        let x = Extractor::new()
            .expect("knowledge")
            .extract(
                "Secretary Antony Blinken met them.\n\nQUESTION: Was it useful?\n\n\
                 MR. BLINKEN: It was. We discussed the ceasefire.",
                &ArticleMeta::default(),
            )
            .expect("extracts");
        let blinken = x
            .actors
            .iter()
            .find(|a| a.name == "actors/antony-blinken")
            .expect("Blinken found");
        assert_eq!(blinken.mentions.len(), 2, "{:?}", x.actors);
    }

    #[test]
    fn its_body_is_the_body_of_the_state_just_named() {
        let x = Extractor::new()
            .expect("knowledge")
            .extract(
                "Taiwan also claims the islands and its foreign ministry protested the landing.",
                &ArticleMeta::default(),
            )
            .expect("extracts");
        let body = x
            .actors
            .iter()
            .find(|a| a.name == "actors/taiwanese-foreign-ministry");
        assert_eq!(
            body.and_then(|b| b.affiliation.as_deref()),
            Some("actors/TWN"),
            "{:?}",
            x.actors
        );
        // "its" after an organization is not a state's.
        let x = Extractor::new()
            .expect("knowledge")
            .extract(
                "NATO met Russia on Monday. NATO said its military would stay.",
                &ArticleMeta::default(),
            )
            .expect("extracts");
        assert!(
            !x.actors.iter().any(|a| a.name.ends_with("-military")),
            "{:?}",
            x.actors
        );
    }

    #[test]
    fn an_organization_naming_a_treaty_is_not_a_party() {
        let names = crate::test_support::actor_names;
        let n = names("China must respect the UN Law of the Sea Convention, Japan said.");
        assert!(!n.contains(&"actors/UN".to_owned()), "{n:?}");
        let n = names("Japan asked the UN to act, Japan said.");
        assert!(n.contains(&"actors/UN".to_owned()), "{n:?}");
    }

    #[test]
    fn a_ledes_office_is_the_holder_named_later() {
        let x = Extractor::new()
            .expect("knowledge")
            .extract(
                "Indonesia's foreign minister is in Bangkok for talks.\n\n\
                 Indonesian Foreign Minister Marty Natalegawa met his Thai counterpart.",
                &ArticleMeta::default(),
            )
            .expect("extracts");
        let marty = x
            .actors
            .iter()
            .find(|a| a.name == "actors/marty-natalegawa")
            .expect("found");
        assert_eq!(marty.mentions.len(), 2, "{:?}", x.actors);
    }

    #[test]
    fn an_institution_of_a_state_is_its_body() {
        let x = Extractor::new()
            .expect("knowledge")
            .extract(
                "The United States sanctioned the Central Election Commission of the Republic of \
                 Belarus.",
                &ArticleMeta::default(),
            )
            .expect("extracts");
        let body = x
            .actors
            .iter()
            .find(|a| a.name == "actors/central-election-commission-of-the-republic-of-belarus");
        assert_eq!(
            body.and_then(|b| b.affiliation.as_deref()),
            Some("actors/BLR"),
            "{:?}",
            x.actors
        );
        // A person's office is not an institution.
        let x = Extractor::new()
            .expect("knowledge")
            .extract("The President of Belarus spoke.", &ArticleMeta::default())
            .expect("extracts");
        assert!(
            !x.actors
                .iter()
                .any(|a| a.kind == polemos_core::model::ActorKind::GovernmentBody),
            "{:?}",
            x.actors
        );
    }

    #[test]
    fn counted_nationals_are_people_not_their_state() {
        let names = crate::test_support::actor_names;
        let n = names("Thailand rescued them. The rescued included Bangladeshis and Rohingya.");
        assert!(!n.contains(&"actors/BGD".to_owned()), "{n:?}");
        let n = names("Ukraine detained seven Russians on Monday.");
        assert!(!n.contains(&"actors/RUS".to_owned()), "{n:?}");
        let n = names("The Russians rejected the plan.");
        assert!(n.contains(&"actors/RUS".to_owned()), "{n:?}");
    }

    #[test]
    fn a_name_after_non_and_a_hyphen_names_no_actor() {
        let names = crate::test_support::actor_names;
        let n = names("Chile praised Peru and Bolivia, two major non-NATO allies.");
        assert!(!n.contains(&"actors/NATO".to_owned()), "{n:?}");
        assert!(n.contains(&"actors/PER".to_owned()), "{n:?}");
        let n = names("NATO allies met in Brussels.");
        assert!(n.contains(&"actors/NATO".to_owned()), "{n:?}");
    }

    #[test]
    fn a_capital_after_a_noun_of_capital_in_a_phrase_of_place_is_a_place() {
        let names = crate::test_support::actor_names;
        for text in [
            "Thousands marched in the capital Lima on Friday to protest the court ruling.",
            "Thousands marched in the capital, Lima, to protest the court ruling.",
        ] {
            let n = names(text);
            assert!(!n.contains(&"actors/PER".to_owned()), "{text}: {n:?}");
        }
        let n = names("Lima protested the court ruling.");
        assert!(n.contains(&"actors/PER".to_owned()), "{n:?}");
    }

    #[test]
    fn a_capital_naming_actors_after_a_phrase_of_place_or_money_stays_an_actor() {
        let names = crate::test_support::actor_names;
        for (text, code) in [
            (
                "After talks in the Turkish capital, Moscow and Kyiv agreed to a prisoner swap.",
                "actors/RUS",
            ),
            (
                "In a speech in the capital, Tehran warned Washington against new sanctions.",
                "actors/IRN",
            ),
            (
                "Amid an outflow of capital, Beijing accused Washington of waging a financial war.",
                "actors/CHN",
            ),
            (
                "Russia fired missiles at the capital Kyiv overnight, killing three people.",
                "actors/UKR",
            ),
        ] {
            let n = names(text);
            assert!(n.contains(&code.to_owned()), "{text}: {n:?}");
        }
    }

    #[test]
    fn a_newspaper_named_after_a_state_is_not_the_state() {
        let names = crate::test_support::actor_names;
        let n = names(
            "Russia rejected it, the Japan Times reported. China Daily and the Times of India \
             said talks failed.",
        );
        assert!(n.contains(&"actors/RUS".to_owned()), "{n:?}");
        for state in ["JPN", "CHN", "IND"] {
            assert!(!n.contains(&format!("actors/{state}")), "{state}: {n:?}");
        }
    }

    #[test]
    fn a_sea_or_valley_named_after_a_state_is_not_the_state() {
        let names = crate::test_support::actor_names;
        let n = names(
            "Warships met in the Indian Ocean, the East China Sea and the Gulf of Mexico. \
             Settlers moved into the Jordan Valley near Lake Chad.",
        );
        for state in ["IND", "CHN", "MEX", "JOR", "TCD"] {
            assert!(!n.contains(&format!("actors/{state}")), "{state}: {n:?}");
        }
        let n = names(
            "Leaders from South America and Latin American states met in New Mexico. Mexico \
             agreed.",
        );
        assert!(!n.contains(&"actors/USA".to_owned()), "{n:?}");
        assert!(n.contains(&"actors/MEX".to_owned()), "{n:?}");
        let n = names("New Mexico voted. Northern Ireland was calm.");
        assert!(!n.contains(&"actors/MEX".to_owned()), "{n:?}");
        assert!(!n.contains(&"actors/IRL".to_owned()), "{n:?}");
        let n = names("Greek Cypriots voted.");
        assert!(!n.contains(&"actors/GRC".to_owned()), "{n:?}");
        let n = names("India and China agreed. Indian troops left the valley.");
        assert!(n.contains(&"actors/IND".to_owned()), "{n:?}");
        assert!(n.contains(&"actors/CHN".to_owned()), "{n:?}");
    }

    #[test]
    fn a_lexicon_file_adding_a_masthead_word_changes_the_mentions() {
        use crate::{ArticleMeta, Extractor, KnowledgeBuilder};
        let text = "Russia rejected it, the Japan Sentinel reported.";
        let names = |ex: &Extractor| -> Vec<String> {
            let x = ex.extract(text, &ArticleMeta::default()).expect("extracts");
            x.actors.into_iter().map(|a| a.name).collect()
        };
        let builtin = crate::test_support::extractor();
        assert!(names(builtin).contains(&"actors/JPN".to_owned()));
        let mut b = KnowledgeBuilder::builtin().expect("built-in");
        b.add_source("mine.tsv", "lexicon|masthead_word|Sentinel\n")
            .expect("a known list");
        let mine = Extractor::with_knowledge(b.build().expect("builds"));
        let n = names(&mine);
        assert!(!n.contains(&"actors/JPN".to_owned()), "{n:?}");
        assert!(n.contains(&"actors/RUS".to_owned()), "{n:?}");
        let err = KnowledgeBuilder::builtin()
            .expect("built-in")
            .add_source("bad.tsv", "lexicon|masthead_words|Sentinel\n")
            .expect_err("an unknown list is refused");
        assert!(err.to_string().contains("masthead_words"), "{err}");
    }
}
