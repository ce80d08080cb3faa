//! Disputes the knowledge files do not list. When no known dispute is named, the text is still
//! about something: a named object ("the Grand Ethiopian Renaissance Dam"), punitive measures
//! against one state ("sanctions" on Belarus), or two states set against each other ("clashes
//! between Thailand and Cambodia"). One proposed dispute is built from the strongest of these,
//! with a readable slug an analyst can accept, rename or merge.

use std::collections::{HashMap, HashSet};

use super::ir::{Doc, ItemKind, TokKind};
use super::knowledge::{Knowledge, Via};
use super::lang::Class;
use super::lexicon::Lex;
use super::output::{DisputeFact, FramingSummary};
use super::tree::Word;
use polemos_core::model::{ActorKind, PloverType, QuadClass};
use polemos_core::names::slugify;

/// Sentences from which a text is an article rather than a single report line.
const MIN_SENTENCES: usize = 4;
/// The most capitalized words an object's name may have before its noun.
const MAX_NAME_WORDS: usize = 5;
/// How many tokens before a noun of an act its owner's name may end ("Government 's unilateral
/// referendum").
const OWNER_REACH: usize = 4;

/// What a proposed dispute is named after.
struct Proposal {
    id: String,
    title: String,
    parties: Vec<usize>,
}

/// The document actor a mention stands for, when it is a state.
fn state_of(doc: &Doc<'_>, actor: usize) -> Option<usize> {
    let a = doc.state_of(actor);
    (doc.actors[a].kind == ActorKind::State).then_some(a)
}

/// A state's short name in slugs: its code when the code is one of its names ("USA"); else its
/// display name, or, when that is spelled with letters English news seldom uses and the text
/// never writes it, the name the text writes most ("Turkey" for Türkiye). Other official names
/// ("Kyrgyz Republic" for Kyrgyzstan) keep the display name, which readers search for.
fn state_slug(k: &Knowledge, doc: &Doc<'_>, a: usize) -> String {
    let actor = &doc.actors[a];
    let by_code = actor
        .known
        .map(|i| &k.actors[i])
        .and_then(|x| x.iso3.as_ref().filter(|c| x.aliases.contains(c)));
    let written = || {
        if actor.display.is_ascii() || doc.text.contains(actor.display.as_str()) {
            return None;
        }
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for it in &doc.items {
            if let ItemKind::Actor {
                actor: x,
                via: Via::Name,
                ..
            } = it.kind
                && x == a
            {
                let name = doc.slice(it.start, it.end);
                match counts.iter_mut().find(|(n, _)| *n == name) {
                    Some(e) => e.1 += 1,
                    None => counts.push((name, 1)),
                }
            }
        }
        // The first of the most written, for a stable choice.
        let most = counts.iter().map(|&(_, n)| n).max()?;
        counts.into_iter().find(|&(_, n)| n == most).map(|(w, _)| w)
    };
    by_code
        .and_then(|c| slugify(c))
        .or_else(|| written().and_then(slugify))
        .or_else(|| slugify(&actor.display))
        .unwrap_or_else(|| actor.id.to_lowercase())
}

/// `north-korea` and `south-korea` make `north-south-korea`; other pairs are joined.
fn pair_slug(a: &str, b: &str) -> String {
    match (a.rsplit_once('-'), b.rsplit_once('-')) {
        (Some((qa, ha)), Some((qb, hb))) if ha == hb && !qa.contains('-') && !qb.contains('-') => {
            format!("{qa}-{qb}-{ha}")
        }
        _ => format!("{a}-{b}"),
    }
}

/// The words the text writes in lower case somewhere. A headline capitalizes every word, so
/// there such a word is no name ("Demands Spain Withdraw From Disputed Island" names no island
/// "Disputed").
fn lower_words<'t>(doc: &Doc<'t>) -> HashSet<&'t str> {
    (0..doc.tokens.len())
        .filter(|&t| doc.tokens[t].kind == TokKind::Word)
        .map(|t| doc.tok(t))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect()
}

/// The most often named object: capitalized words before an object noun, none of them a word
/// the text writes in lower case when the sentence is a headline.
fn named_object(doc: &Doc<'_>) -> Option<(String, String)> {
    let lower = lower_words(doc);
    let mut counts: HashMap<String, (usize, usize, String)> = HashMap::new();
    for s in &doc.sentences {
        let first = s.tokens.start;
        for t in s.tokens.clone() {
            if !doc.tok_in_lex(t, Lex::ObjectNoun) {
                continue;
            }
            let mut from = t;
            let mut words = 0;
            while from > first && words < MAX_NAME_WORDS {
                let prev = from - 1;
                let text = doc.tok(prev);
                let capital = doc.tokens[prev].kind == TokKind::Word
                    && text.starts_with(char::is_uppercase)
                    && !doc.lang.is_capitalized(Class::PhraseOpener, text)
                    && !(s.headline && lower.contains(text.to_lowercase().as_str()));
                let hyphen = text == "-" && prev > first && words > 0;
                if capital {
                    words += 1;
                } else if !hyphen {
                    break;
                }
                from = prev;
            }
            // A name of one word at a sentence start may be any capitalized word; a party's
            // name alone says whose the thing is, not which ("the French initiative"), though it
            // may open one ("the Israel-Lebanon Maritime Boundary").
            if words == 0
                || (words == 1 && from == first)
                || (from..t).all(|u| doc.tok(u) == "-" || in_party_name(doc, u))
            {
                continue;
            }
            let text = doc.slice(doc.tokens[from].start, doc.tokens[t].end);
            let Some(id) = slugify(text) else { continue };
            let e = counts
                .entry(id)
                .or_insert_with(|| (0, doc.tokens[from].start, text.to_owned()));
            e.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, (n, at, _))| (*n, usize::MAX - at))
        .map(|(id, (_, _, text))| (id, text))
}

/// The most often named territory: capitalized names after a territory noun and "of", joined by
/// "and" ("regions of Abkhazia and South Ossetia" makes `abkhazia-south-ossetia`). Names that
/// stand for a state ("the territory of Ukraine") are the state, not a contested object.
fn named_territory(doc: &Doc<'_>) -> Option<(String, String)> {
    named_after(doc, Lex::TerritoryNoun, &[Class::GenitiveCase])
}

/// The most often named subject of a contested question: capitalized names after a noun of a
/// question, an act or a proposal and the preposition of its topic ("the resolution on Gaza",
/// "the status of Jerusalem", "the dispute over Abyei"). The name, not the noun, is the dispute.
fn named_question(doc: &Doc<'_>) -> Option<(String, String)> {
    named_after(
        doc,
        Lex::TopicNoun,
        &[Class::GenitiveCase, Class::TopicCase],
    )
}

/// The quarrel a text names as one state's act on another: a word of conflict whose topic is an
/// act with a state on its acting side and another named in what it is done to ("the dispute
/// over Iran's seizure of a British naval crew", "the row over China's detention of two
/// Canadian citizens"). The text says what its quarrel is: that outranks an object or a
/// programme it names in passing ("... while talks on its nuclear program continue"). The
/// dispute is the two states', titled by the act as the text words it.
fn quarrel_over_act(doc: &Doc<'_>) -> Option<Proposal> {
    let p = &doc.parse;
    let state_in = |w: Word| {
        doc.actor_at(&doc.items, w, true)
            .and_then(|a| state_of(doc, a))
    };
    for t in 0..doc.tokens.len() {
        if !doc.tok_in_lex(t, Lex::ConflictWord) {
            continue;
        }
        // The topic right after the noun ("dispute over ..."), wherever the parse hangs it.
        if t + 1 >= doc.tokens.len() || !doc.tok_is_a(t + 1, Class::TopicCase) {
            continue;
        }
        let Some(case) = p.word_at(doc.tokens[t + 1].start) else {
            continue;
        };
        if doc.tok_upos(t) != "NOUN" || !p.has_rel(case, "case") {
            continue;
        }
        let Some(act) = p.head(case) else { continue };
        // The state on the acting side of the act: its possessor, adjective or compound.
        let Some(owner) = p
            .dependents(act)
            .filter(|&d| side_of(doc, d) == Some(true))
            .find_map(state_in)
        else {
            continue;
        };
        // Another state named in what is done: the act's "of" phrase ("seizure of a British
        // naval crew"), not a phrase of where it goes or at whose request ("delivery of tanks
        // to Ukraine").
        let of_phrase = |d: Word| {
            p.has_rel(d, "nmod")
                && p.dependents(d).any(|c| {
                    p.has_rel(c, "case")
                        && p.token(c).is_some_and(|x| {
                            doc.tok_is_a(doc.token_at(x.start), Class::GenitiveCase)
                        })
                })
        };
        // The state is the phrase's head or what qualifies it ("a British naval crew", "the
        // Iranian consulate"), not a phrase inside it ("tanks to Ukraine").
        let victim = p.dependents(act).filter(|&d| of_phrase(d)).find_map(|d| {
            std::iter::once(d)
                .chain(p.dependents(d).filter(|&q| {
                    p.has_rel(q, "amod") || p.has_rel(q, "compound") || p.has_rel(q, "nmod:poss")
                }))
                .filter_map(state_in)
                .find(|&a| a != owner)
        });
        let Some(victim) = victim else { continue };
        let Some((from, to)) = p.subtree_span(act) else {
            continue;
        };
        // The title starts after the preposition: "Iran's seizure of a British naval crew".
        let from = p
            .dependents(act)
            .filter(|&c| p.has_rel(c, "case"))
            .filter_map(|c| p.token(c))
            .map(|x| x.end)
            .max()
            .unwrap_or(from);
        let title = doc.slice(from, to).trim();
        return Some(Proposal {
            id: String::new(),
            title: title.to_owned(),
            parties: vec![owner, victim],
        });
    }
    None
}

/// Whether token `t` is in a mention of an actor other than a place ("Ukraine", "Russian",
/// "Hamas"): such a name is a party, not the thing contested. A place that stands for its state
/// ("Gaza", "Jerusalem") may be contested.
fn in_party_name(doc: &Doc<'_>, t: usize) -> bool {
    doc.items.iter().any(|it| {
        matches!(it.kind, ItemKind::Actor { via, .. } if via != Via::Metonym)
            && it.tok <= t
            && t < it.tok_end
    })
}

/// The most often named thing after a noun of list `nouns` and a preposition of one of `cases`
/// (an article may follow it): capitalized words joined by "and", none of them a party's name.
/// A headline capitalizes every word, so there a word the text also writes in lower case is no
/// name ("Resolution on Protection of Civilians" is about protection, not a place called so).
fn named_after(doc: &Doc<'_>, nouns: Lex, cases: &[Class]) -> Option<(String, String)> {
    let lower = lower_words(doc);
    let mut counts: HashMap<String, (usize, usize, String)> = HashMap::new();
    for s in &doc.sentences {
        let capital = |t: usize| {
            let w = doc.tok(t);
            doc.tokens[t].kind == TokKind::Word
                && w.starts_with(char::is_uppercase)
                && !(s.headline && lower.contains(w.to_lowercase().as_str()))
        };
        let end = s.tokens.end;
        for t in s.tokens.clone() {
            if !doc.tok_in_lex(t, nouns)
                || t + 2 >= end
                || !cases.iter().any(|&c| doc.tok_is_a(t + 1, c))
            {
                continue;
            }
            let mut first = t + 2;
            if doc.tok_is_a(first, Class::Article) {
                first += 1;
            }
            let mut names: Vec<&str> = Vec::new();
            let mut u = first;
            let mut last = None;
            while u < end && names.len() < MAX_NAME_WORDS {
                if capital(u) && !in_party_name(doc, u) {
                    names.push(doc.tok(u));
                    last = Some(u);
                } else if !(doc.tok_is_a(u, Class::And) && last == Some(u - 1)) {
                    break;
                }
                u += 1;
            }
            let Some(last) = last else { continue };
            let Some(id) = slugify(&names.join(" ")) else {
                continue;
            };
            let text = doc.slice(doc.tokens[first].start, doc.tokens[last].end);
            let e = counts
                .entry(id)
                .or_insert_with(|| (0, doc.tokens[t].start, text.to_owned()));
            e.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, (n, at, _))| (*n, usize::MAX - at))
        .map(|(id, (_, _, text))| (id, text))
}

/// The most often named act or proposal of someone who is no state: a noun of a question, an
/// act or a proposal whose possessor or compound in the parse is a proper name ("the Kurdistan
/// Regional Government's referendum", "the Kurdistan referendum"). When the possessor is a body
/// ("... Regional Government", a `group_noun`), its own name words stand for it ("Kurdistan").
/// The dispute is named after both: `kurdistan-referendum`.
fn named_act(doc: &Doc<'_>) -> Option<(String, String)> {
    let p = &doc.parse;
    let proper = |w: Word| p.token(w).is_some_and(|x| x.upos == "PROPN");
    let mut counts: HashMap<String, (usize, usize, String)> = HashMap::new();
    for s in &doc.sentences {
        for t in s.tokens.clone() {
            if !doc.tok_in_lex(t, Lex::TopicNoun)
                || !doc.tok(t).starts_with(char::is_lowercase)
                // Only a name just before the noun can own it: no other sentence is parsed.
                || !(t.saturating_sub(OWNER_REACH).max(s.tokens.start + 1)..t)
                    .any(|u| doc.tok(u).starts_with(char::is_uppercase))
            {
                continue;
            }
            let Some(noun) = p.word_at(doc.tokens[t].start) else {
                continue;
            };
            let Some(owner) = p
                .dependents(noun)
                .filter(|&d| p.has_rel(d, "nmod:poss") || p.has_rel(d, "compound"))
                .find(|&d| proper(d))
            else {
                continue;
            };
            // The owner's name: the capitalized words that end with it ("Upper Vask Regional
            // Government"), less a body's head and the adjectives before it ("Regional").
            let Some(at) = p.token(owner).map(|x| doc.token_at(x.start)) else {
                continue;
            };
            // An owner runs into its noun; punctuation between them other than a possessive
            // ("Abkhazia and South Ossetia - declared independence") is the parse gluing a name
            // across a dash.
            let possessive = |u: usize| doc.tok(u).starts_with(['\'', '’']);
            if (at + 1..t).any(|u| doc.tokens[u].kind == TokKind::Punct && !possessive(u)) {
                continue;
            }
            let capital = |u: usize| {
                doc.tokens[u].kind == TokKind::Word
                    && doc.tok(u).starts_with(char::is_uppercase)
                    && !doc.lang.is_capitalized(Class::PhraseOpener, doc.tok(u))
            };
            let mut from = at;
            while from > s.tokens.start && at - from < MAX_NAME_WORDS && capital(from - 1) {
                from -= 1;
            }
            let mut to = at + 1;
            if doc.tok_in_lex(at, Lex::GroupNoun) {
                to -= 1;
                let adjective = |u: usize| doc.tok_upos(u) == "ADJ";
                while to > from && adjective(to - 1) {
                    to -= 1;
                }
            }
            if to == from || (from..to).any(|u| in_party_name(doc, u)) {
                continue;
            }
            let name: Vec<&str> = (from..to).map(|u| doc.tok(u)).collect();
            let from = doc.tokens[from].start;
            let title = format!("{} {}", name.join(" "), doc.tok(t));
            let Some(id) = slugify(&title) else { continue };
            let e = counts.entry(id).or_insert((0, from, title));
            e.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, (n, at, _))| (*n, usize::MAX - at))
        .map(|(id, (_, _, text))| (id, text))
}

/// The most often named programme of a state and its kind: a `programme_noun` whose possessor
/// in the parse is a state, or a possessive pronoun standing for the last state named ("North
/// Korea agreed to scrap its nuclear programs"), and whose adjective says what it is ("nuclear").
/// The dispute is the state's programme of that kind: `north-korea-nuclear`. A programme without
/// an adjective right before it ("its uranium enrichment program") is not named by one.
fn named_programme(doc: &Doc<'_>) -> Option<(String, String)> {
    let p = &doc.parse;
    let mut counts: HashMap<String, (usize, usize, String)> = HashMap::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        for t in sentence.tokens.clone() {
            if !doc.tok_in_lex(t, Lex::ProgrammeNoun) {
                continue;
            }
            let Some(noun) = p.word_at(doc.tokens[t].start) else {
                continue;
            };
            // The adjective right before the noun: in "its uranium enrichment program" the
            // programme is named by a compound, not by the adjective the tagger sees.
            let Some(kind) = p
                .dependents(noun)
                .filter(|&d| p.has_rel(d, "amod"))
                .filter_map(|d| p.token(d))
                .find(|x| x.upos == "ADJ" && t > 0 && x.start == doc.tokens[t - 1].start)
            else {
                continue;
            };
            let Some(owner) = p
                .dependent(noun, "nmod:poss")
                .and_then(|d| p.token(d))
                .map(|x| doc.token_at(x.start))
            else {
                continue;
            };
            let items = doc.sentence_items(s);
            let state = if doc.tok_is_a(owner, Class::PossessivePronoun) {
                items
                    .iter()
                    .rev()
                    .filter(|it| it.tok_end <= owner)
                    .find_map(|it| match it.kind {
                        ItemKind::Actor { actor, .. } => state_of(doc, actor),
                        _ => None,
                    })
                    .or_else(|| {
                        doc.discourse
                            .get(s)
                            .and_then(|d| d.1)
                            .and_then(|a| state_of(doc, a))
                    })
            } else {
                items
                    .iter()
                    .find(|it| it.tok <= owner && owner < it.tok_end)
                    .and_then(|it| match it.kind {
                        ItemKind::Actor { actor, .. } => state_of(doc, actor),
                        _ => None,
                    })
            };
            let Some(state) = state else { continue };
            let display = &doc.actors[state].display;
            let Some(id) = slugify(&format!("{display} {}", kind.text)) else {
                continue;
            };
            let title = format!("{display} {} {}", kind.text, doc.tok(t));
            let e = counts.entry(id).or_insert((0, doc.tokens[t].start, title));
            e.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, (n, at, _))| (*n, usize::MAX - at))
        .map(|(id, (_, _, text))| (id, text))
}

/// A people the text introduces and names again: capitalized words before a comma and an
/// apposition headed by a `people_noun` ("Rohingya, a stateless minority of Muslims"), named in
/// at least two sentences. A text about what is done to a people is about that people.
fn named_people(doc: &Doc<'_>) -> Option<(String, String)> {
    let capital = |u: usize| {
        doc.tokens[u].kind == TokKind::Word
            && doc.tok(u).starts_with(char::is_uppercase)
            && !doc.lang.is_capitalized(Class::PhraseOpener, doc.tok(u))
    };
    for s in &doc.sentences {
        for t in s.tokens.clone() {
            if !doc.tok_in_lex(t, Lex::PeopleNoun) {
                continue;
            }
            // Back over the apposition's adjectives to its article and the comma before it.
            let mut a = t;
            while a > s.tokens.start && t - a <= 3 && !doc.tok_is_a(a, Class::Article) {
                a -= 1;
            }
            if !doc.tok_is_a(a, Class::Article) || a < s.tokens.start + 2 || doc.tok(a - 1) != "," {
                continue;
            }
            let end = a - 1;
            let mut from = end;
            while from > s.tokens.start && end - from < MAX_NAME_WORDS && capital(from - 1) {
                from -= 1;
            }
            if from == end || (from..end).any(|u| in_party_name(doc, u)) {
                continue;
            }
            let name: Vec<&str> = (from..end).map(|u| doc.tok(u)).collect();
            let named_in = doc
                .sentences
                .iter()
                .filter(|x| {
                    x.tokens
                        .clone()
                        .any(|u| (0..name.len()).all(|i| doc.tok(u + i) == name[i]))
                })
                .count();
            if named_in >= 2 {
                let title = name.join(" ");
                return slugify(&title).map(|id| (id, title));
            }
        }
    }
    None
}

/// Per state: how many sentences name it (itself, its bodies or its people), in order of first
/// mention. Sentences, not mentions: a quote naming a state's army four times in one sentence
/// ("KPA posts 542 and 543 ... KPA posts 250") is no more about that state than one naming it
/// once, and must not make the other side of the quarrel look minor.
fn state_mentions(doc: &Doc<'_>) -> Vec<(usize, usize)> {
    let mut order: Vec<(usize, usize)> = Vec::new();
    for s in 0..doc.sentences.len() {
        let mut here: Vec<usize> = Vec::new();
        for it in doc.sentence_items(s) {
            if let ItemKind::Actor { actor, .. } = it.kind
                && let Some(a) = state_of(doc, actor)
                && !here.contains(&a)
            {
                here.push(a);
                match order.iter_mut().find(|(x, _)| *x == a) {
                    Some(e) => e.1 += 1,
                    None => order.push((a, 1)),
                }
            }
        }
    }
    order
}

/// Whether the mention at token `tok` is the object of a preposition ("the Republic of
/// Belarus", "on Russia"): then it is not the one acting.
fn governed(doc: &Doc<'_>, tok: usize) -> bool {
    let mut t = tok;
    while t > 0 && doc.tok_is_a(t - 1, Class::Article) {
        t -= 1;
    }
    t > 0 && doc.tok_is_a(t - 1, Class::GoverningPreposition)
}

/// Whether the word at token `t` is a passive participle ("PDVSA has been designated"): then the
/// state named before it undergoes the measure rather than imposes it.
fn passive(doc: &Doc<'_>, t: usize) -> bool {
    t > 0 && doc.tok_is_a(t - 1, Class::PassiveAuxiliary)
}

/// The state punitive measures are aimed at: the most named state that is not the one imposing
/// them (the state named just before a punitive word or cue).
fn sanctioned(k: &Knowledge, doc: &Doc<'_>, states: &[(usize, usize)]) -> Option<usize> {
    let punitive_words = doc
        .tokens
        .iter()
        .enumerate()
        .filter(|(t, _)| doc.tok_in_lex(*t, Lex::PunitiveWord))
        .count();
    if punitive_words < 2 {
        return None;
    }
    let mut imposers: Vec<usize> = Vec::new();
    for s in 0..doc.sentences.len() {
        let items = doc.sentence_items(s);
        let mut last_state: Option<(usize, usize)> = None;
        for it in items {
            match it.kind {
                ItemKind::Actor { actor, .. } => {
                    last_state = state_of(doc, actor)
                        .filter(|_| !governed(doc, it.tok))
                        .map(|a| (a, it.tok_end));
                }
                ItemKind::Event(e) if k.events[e].event_type == PloverType::Sanction => {
                    if let Some((a, end)) = last_state
                        && it.tok.saturating_sub(end) <= 4
                        && !passive(doc, it.tok)
                        && !imposers.contains(&a)
                    {
                        imposers.push(a);
                    }
                }
                _ => {}
            }
        }
        for t in doc.sentences[s].tokens.clone() {
            if doc.tok_in_lex(t, Lex::PunitiveWord)
                && !passive(doc, t)
                && let Some(it) = items
                    .iter()
                    .rev()
                    .find(|it| it.tok_end <= t && t - it.tok_end <= 4)
                && let ItemKind::Actor { actor, .. } = it.kind
                && !governed(doc, it.tok)
                && let Some(a) = state_of(doc, actor)
                && !imposers.contains(&a)
            {
                imposers.push(a);
            }
        }
    }
    states
        .iter()
        .filter(|(a, _)| !imposers.contains(a))
        .max_by_key(|(_, n)| *n)
        .map(|(a, _)| *a)
}

/// Which side of an act a dependent of its word in the parse holds: the one acting (a subject,
/// a possessor, an adjective or a compound before the noun, a "by" phrase) or the one acted on
/// (an object, a passive subject, a phrase of a preposition: "attack on ...").
fn side_of(doc: &Doc<'_>, d: Word) -> Option<bool> {
    let p = &doc.parse;
    let by = p.dependents(d).any(|c| {
        p.has_rel(c, "case")
            && p.token(c)
                .is_some_and(|x| doc.tok_is_a(doc.token_at(x.start), Class::AgentPreposition))
    });
    if p.has_rel(d, "nsubj:pass") {
        Some(false)
    } else if by
        || p.has_rel(d, "nsubj")
        || p.has_rel(d, "nmod:poss")
        || p.has_rel(d, "amod")
        || p.has_rel(d, "compound")
    {
        Some(true)
    } else if p.has_rel(d, "obj")
        || p.has_rel(d, "iobj")
        || p.has_rel(d, "nmod")
        || p.has_rel(d, "obl")
    {
        Some(false)
    } else {
        None
    }
}

/// Who acts against whom: for each act of conflict (a cue of a conflict type, verbal or
/// material: "the Russian attack on the soil of the United Kingdom", "Japan protested against
/// China's drills"), the states among `states` named on its acting side in the parse and those
/// named on the side acted on, as (agent, target, how many acts), most acts first, then first
/// seen.
fn hostile_pairs(
    k: &Knowledge,
    doc: &Doc<'_>,
    states: &[(usize, usize)],
) -> Vec<(usize, usize, usize)> {
    let p = &doc.parse;
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for s in 0..doc.sentences.len() {
        let items = doc.sentence_items(s);
        for it in items {
            let ItemKind::Event(e) = it.kind else {
                continue;
            };
            let cue = &k.events[e];
            let quad = cue.event_type.quad_class();
            if !matches!(
                quad,
                QuadClass::VerbalConflict | QuadClass::MaterialConflict
            ) {
                continue;
            }
            // A row coded through its object counts only with that object, as in events.rs:
            // "Peru's trade with Bolivia" is no traded accusation.
            if super::event_args::object_gate(doc, it, cue) != super::event_args::ObjectGate::Holds
            {
                continue;
            }
            let Some(act) = p.word_at(it.start) else {
                continue;
            };
            let mut agents: Vec<usize> = Vec::new();
            let mut targets: Vec<usize> = Vec::new();
            for d in p.dependents(act) {
                let (Some(agent), Some((from, to))) = (side_of(doc, d), p.subtree_span(d)) else {
                    continue;
                };
                for m in items {
                    if let ItemKind::Actor { actor, .. } = m.kind
                        && from <= m.start
                        && m.end <= to
                        && let Some(a) = state_of(doc, actor)
                        && states.iter().any(|&(x, _)| x == a)
                    {
                        let side = if agent { &mut agents } else { &mut targets };
                        if !side.contains(&a) {
                            side.push(a);
                        }
                    }
                }
            }
            for &a in &agents {
                for &b in targets.iter().filter(|&&b| b != a && !agents.contains(&b)) {
                    match pairs.iter_mut().find(|(x, y, _)| (*x, *y) == (a, b)) {
                        Some(e) => e.2 += 1,
                        None => pairs.push((a, b, 1)),
                    }
                }
            }
        }
    }
    // A stable sort keeps the first seen first among pairs of as many acts.
    pairs.sort_by_key(|&(_, _, n)| std::cmp::Reverse(n));
    pairs
}

/// Two states among `states` the text names together as a pair, in two places at least ("the
/// Governments of Israel and Lebanon", "both Lebanon and Israel", "Lebanese and Israeli
/// citizens"): the sides of what a third state comments on, however often it names itself. A
/// list of more ("Bahrain, Egypt, Saudi Arabia and UAE") is one side, not a pair.
fn paired(doc: &Doc<'_>, states: &[(usize, usize)]) -> Option<(usize, usize)> {
    let mut pairs: Vec<((usize, usize), usize)> = Vec::new();
    for s in 0..doc.sentences.len() {
        let items = doc.sentence_items(s);
        for w in items.windows(2) {
            let (ItemKind::Actor { actor: x, .. }, ItemKind::Actor { actor: y, .. }) =
                (w[0].kind, w[1].kind)
            else {
                continue;
            };
            let and = w[1].tok == w[0].tok_end + 1 && doc.tok_is_a(w[0].tok_end, Class::And);
            let listed = w[0].tok > 0 && doc.tok(w[0].tok - 1) == ",";
            let (Some(a), Some(b)) = (state_of(doc, x), state_of(doc, y)) else {
                continue;
            };
            let among = |c: usize| states.iter().any(|&(z, _)| z == c);
            if !and || listed || a == b || !among(a) || !among(b) {
                continue;
            }
            let key = (a.min(b), a.max(b));
            match pairs.iter_mut().find(|(p, _)| *p == key) {
                Some(e) => e.1 += 1,
                None => pairs.push((key, 1)),
            }
        }
    }
    // The first seen of the most often paired, in the order of the states' first mentions.
    let ((a, b), n) = pairs.into_iter().rev().max_by_key(|&(_, n)| n)?;
    let first = |x: usize| states.iter().position(|&(z, _)| z == x);
    (n >= 2).then(|| if first(a) <= first(b) { (a, b) } else { (b, a) })
}

/// Two states the text sets against each other: "between X and Y", else acts of conflict
/// between them, else two it names as a pair ([`paired`]), else the two most named states when
/// both are named at least twice.
fn pair(k: &Knowledge, doc: &Doc<'_>, states: &[(usize, usize)]) -> Option<(usize, usize)> {
    for s in 0..doc.sentences.len() {
        let items = doc.sentence_items(s);
        for w in items.windows(2) {
            let (ItemKind::Actor { actor: x, .. }, ItemKind::Actor { actor: y, .. }) =
                (w[0].kind, w[1].kind)
            else {
                continue;
            };
            let between = w[0].tok > 0 && doc.tok_is_a(w[0].tok - 1, Class::Between);
            let and = w[1].tok == w[0].tok_end + 1 && doc.tok_is_a(w[0].tok_end, Class::And);
            if between
                && and
                && let (Some(a), Some(b)) = (state_of(doc, x), state_of(doc, y))
                && a != b
            {
                return Some((a, b));
            }
        }
    }
    // One act in a report line is an event, not yet a quarrel.
    if doc.sentences.len() >= MIN_SENTENCES
        && let Some(&(a, b, _)) = hostile_pairs(k, doc, states).first()
    {
        return Some((a, b));
    }
    if let Some(pair) = paired(doc, states) {
        return Some(pair);
    }
    let mut ranked: Vec<(usize, usize, usize)> = states
        .iter()
        .enumerate()
        .map(|(order, &(a, n))| (a, n, order))
        .collect();
    ranked.sort_by_key(|&(_, n, order)| (std::cmp::Reverse(n), order));
    match ranked.as_slice() {
        [(a, na, oa), (b, nb, ob), ..] if *na >= 2 && *nb >= 2 && 2 * nb >= *na => {
            Some(if oa < ob { (*a, *b) } else { (*b, *a) })
        }
        _ => None,
    }
}

/// The parties of a contested thing named `title`, when the text says who they are: the state a
/// named place belongs to ("Gaza") with the states acting against it or acted on by it, else
/// the states the text sets against each other by acts of conflict.
fn named_parties(
    k: &Knowledge,
    doc: &Doc<'_>,
    states: &[(usize, usize)],
    title: &str,
) -> Option<Vec<usize>> {
    let hostile = hostile_pairs(k, doc, states);
    let place = k
        .places
        .iter()
        .find(|(name, _)| name == title)
        .and_then(|(_, iso3)| {
            states.iter().map(|&(a, _)| a).find(|&a| {
                doc.actors[a]
                    .known
                    .is_some_and(|i| k.actors[i].iso3.as_deref() == Some(iso3.as_str()))
            })
        });
    if let Some(place) = place {
        let mut parties = vec![place];
        for &(a, b, _) in &hostile {
            for x in [a, b] {
                if (a == place || b == place) && !parties.contains(&x) {
                    parties.push(x);
                }
            }
        }
        return Some(parties);
    }
    hostile.first().map(|&(a, b, _)| vec![a, b])
}

/// The state a statement speaks for: the state of the official who signs it in its header
/// lines, else its author (the state that opens it as a subject) when the text speaks in the
/// first person ("we urge ..."). It comments on the quarrel; it is not a party to it by default.
fn speaking_state(doc: &Doc<'_>) -> Option<usize> {
    if let Some(s) = super::stances::signatory(doc) {
        return Some(s);
    }
    let first_person = (0..doc.tokens.len()).any(|t| doc.tok_is_a(t, Class::FirstPersonSubject));
    first_person
        .then(|| super::event_args::author(doc))
        .flatten()
        .and_then(|a| state_of(doc, a))
}

/// A proposal among the states other than the one a statement speaks for; when the text names
/// nothing else to propose, among all of them, so that the statement's stances still have a
/// dispute to belong to.
fn propose(k: &Knowledge, doc: &Doc<'_>) -> Option<Proposal> {
    let all = state_mentions(doc);
    let author = speaking_state(doc);
    let others: Vec<(usize, usize)> = all
        .iter()
        .copied()
        .filter(|&(a, _)| Some(a) != author)
        .collect();
    propose_among(k, doc, &others).or_else(|| {
        (others.len() < all.len())
            .then(|| propose_among(k, doc, &all))
            .flatten()
    })
}

fn propose_among(k: &Knowledge, doc: &Doc<'_>, states: &[(usize, usize)]) -> Option<Proposal> {
    // A report of several paragraphs naming the same states or object is about them; a single
    // line naming them together needs a word of conflict.
    let quarrel = doc.sentences.len() >= MIN_SENTENCES
        || (0..doc.tokens.len()).any(|t| doc.tok_in_lex(t, Lex::ConflictWord));
    // The parties of a contested thing: the two states named most, in two sentences at least
    // (a state named once in passing is no party) when any is; else the first two named, since
    // a dispute needs a party to be stored.
    let recurring = states.iter().filter(|&&(_, n)| n >= 2).count().min(2);
    let top: Vec<usize> = {
        let mut s = states.to_vec();
        s.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        s.iter()
            .take(if recurring > 0 { recurring } else { 2 })
            .map(|&(a, _)| a)
            .collect()
    };
    // Where two states recur, a question whose subject is written once is where one's act falls
    // ("the killing of nine Turks ... seeking to break Israel's blockade of the Gaza Strip"),
    // not what the two contest.
    let question = || {
        named_question(doc)
            .filter(|(_, title)| recurring < 2 || doc.text.matches(title.as_str()).count() >= 2)
    };
    // A contested thing names the dispute, in this order of preference; with no state to be
    // its party nothing is proposed (a dispute needs a party to be stored).
    // Both sides of the act must recur in the text ("Russian S-400 missiles" named once is
    // goods, not a party).
    if quarrel
        && let Some(mut p) = quarrel_over_act(doc)
        && p.parties
            .iter()
            .all(|a| states.iter().any(|(s, n)| s == a && *n >= 2))
    {
        p.id = pair_slug(
            &state_slug(k, doc, p.parties[0]),
            &state_slug(k, doc, p.parties[1]),
        );
        return Some(p);
    }
    if quarrel && !top.is_empty() {
        let named = named_object(doc)
            .or_else(|| named_territory(doc))
            .or_else(question)
            .or_else(|| named_act(doc))
            .or_else(|| named_programme(doc))
            .or_else(|| named_people(doc));
        if let Some((id, title)) = named {
            let parties = named_parties(k, doc, states, &title).unwrap_or(top);
            return Some(Proposal { id, title, parties });
        }
    }
    if let Some(target) = sanctioned(k, doc, states) {
        return Some(Proposal {
            id: format!("{}-sanctions", state_slug(k, doc, target)),
            title: format!("Sanctions on {}", doc.actors[target].display),
            parties: vec![target],
        });
    }
    if !quarrel {
        return None;
    }
    if recurring == 1
        && let Some(p) = domestic_crisis(k, doc, top[0])
    {
        return Some(p);
    }
    let (a, b) = pair(k, doc, states)?;
    Some(Proposal {
        id: pair_slug(&state_slug(k, doc, a), &state_slug(k, doc, b)),
        title: format!(
            "{}–{} dispute",
            doc.actors[a].display, doc.actors[b].display
        ),
        parties: vec![a, b],
    })
}

/// A coup inside the one state a text keeps naming, which an international body takes up: a
/// `crisis_noun` named in two sentences, in a text for which nothing else is proposed, where an
/// international organization is named in two sentences too. "the military coup in Honduras"
/// and the OAS's ultimatum make `honduras-coup`, with Honduras its party. Weaker than any named
/// object, quarrel or sanctions. A second state named as often would be a party itself (the
/// pair is proposed instead). Elections are not crises by themselves: a text on a loan "before
/// the election" is about the loan.
fn domestic_crisis(k: &Knowledge, doc: &Doc<'_>, state: usize) -> Option<Proposal> {
    // An international body takes the crisis up; a text of one state's own politics (a
    // senator's speech) proposes nothing.
    let outside = |a: usize| {
        let a = doc.state_of(a);
        (a != state && doc.actors[a].kind == ActorKind::InternationalOrganization).then_some(a)
    };
    let mut others: HashMap<usize, usize> = HashMap::new();
    for s in 0..doc.sentences.len() {
        let mut seen: HashSet<usize> = HashSet::new();
        for it in doc.sentence_items(s) {
            if let ItemKind::Actor { actor, .. } = it.kind
                && let Some(a) = outside(actor)
                && seen.insert(a)
            {
                *others.entry(a).or_default() += 1;
            }
        }
    }
    if !others.values().any(|&n| n >= 2) {
        return None;
    }
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for s in &doc.sentences {
        let mut seen: Vec<String> = Vec::new();
        for t in s.tokens.clone() {
            if !doc.tok_in_lex(t, Lex::CrisisNoun) {
                continue;
            }
            let word = doc.tok(t).to_ascii_lowercase();
            // The singular names the crisis: "elections" counts as "election".
            let noun = word.strip_suffix('s').unwrap_or(&word).to_owned();
            if seen.contains(&noun) {
                continue;
            }
            match counts.iter_mut().find(|(n, ..)| *n == noun) {
                Some(e) => e.1 += 1,
                None => counts.push((noun.clone(), 1, t)),
            }
            seen.push(noun);
        }
    }
    let (noun, _, _) = counts
        .into_iter()
        .filter(|&(_, n, _)| n >= 2)
        .max_by_key(|&(_, n, at)| (n, usize::MAX - at))?;
    let slug = state_slug(k, doc, state);
    Some(Proposal {
        id: format!("{slug}-{noun}"),
        title: format!("{} {noun}", doc.actors[state].display),
        parties: vec![state],
    })
}

/// A proposed dispute for a document that names no known one, or nothing.
#[must_use]
pub fn proposed_dispute(k: &Knowledge, doc: &Doc<'_>) -> Option<DisputeFact> {
    doc.tick(doc.tokens.len() + doc.items.len());
    let p = propose(k, doc)?;
    Some(DisputeFact {
        name: format!("disputes/{}", p.id),
        title: p.title,
        mentions: Vec::new(),
        parts: Vec::new(),
        framing: FramingSummary::default(),
        weight: 1,
        known: None,
        parties: p.parties.iter().map(|&a| doc.actor_name(a)).collect(),
        proposed: true,
    })
}

#[cfg(test)]
mod tests;
