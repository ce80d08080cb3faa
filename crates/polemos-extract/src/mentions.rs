//! Mention stage: turns gazetteer hits and dates into the items of each sentence, finds people
//! through their titles ("Japanese Foreign Minister Taro Kono"), and resolves later references
//! (a surname, "the minister", "Japan's Foreign Minister", "the station") to the same actor.

use std::collections::HashMap;

use super::gazetteer::entry_fits;
use super::ir::{Doc, DocActor, Item, ItemKind, TokKind};
use super::knowledge::{Cue, Entry, Knowledge, Via};
use super::lang::Class;
use super::lexicon::Lex;
use super::mention_rules::{
    counted_nationals, holder_named_later, in_feature_name, in_masthead, institution_of,
    its_bodies, label_end, named_organizations, names_instrument, title_case,
};
use polemos_core::model::ActorKind;
use polemos_core::names::{fold_diacritics, slugify};

/// Document actors met so far: by known actor, by surname, by known person.
pub(crate) struct State {
    known: HashMap<usize, usize>,
    /// By [`surname_key`]: "Chávez" and "Chavez" are one surname.
    surnames: HashMap<String, usize>,
    pub(crate) known_people: HashMap<usize, usize>,
    /// Bodies of states found by their nouns, by id.
    bodies: HashMap<String, usize>,
}

/// A surname as the text's surnames are matched: without its Latin diacritics ("Chávez" is
/// "Chavez", the data's spelling and a headline's; "Álvaro" is "Alvaro"), its case kept.
fn surname_key(word: &str) -> String {
    fold_diacritics(word)
}

impl State {
    /// The person introduced with this surname, if any.
    pub(crate) fn surname(&self, word: &str) -> Option<usize> {
        self.surnames.get(&surname_key(word)).copied()
    }

    /// Records person `p` under `word`, replacing whoever had it.
    pub(crate) fn set_surname(&mut self, word: &str, p: usize) {
        self.surnames.insert(surname_key(word), p);
    }

    /// Records person `p` under `word` unless someone has it.
    pub(crate) fn add_surname(&mut self, word: &str, p: usize) {
        self.surnames.entry(surname_key(word)).or_insert(p);
    }
}

/// The state a coordinated word names when it shares the rest of the name with the state
/// matched at `m`: "North" in "North and South Korea" is North Korea. Returns that word's token
/// and the state.
fn elided_partner(
    k: &Knowledge,
    doc: &Doc<'_>,
    m: crate::ir::RawMatch,
    first: usize,
    known: usize,
) -> Option<(usize, usize)> {
    let ka = &k.actors[known];
    if ka.kind != ActorKind::State || m.tok < first + 2 || !doc.tok_is_a(m.tok - 1, Class::And) {
        return None;
    }
    let name = doc.slice(m.start, m.end);
    let (head, rest) = name.split_once(' ')?;
    let word = doc.tok(m.tok - 2);
    if word == head || !word.starts_with(char::is_uppercase) {
        return None;
    }
    let wanted = format!("{word} {rest}");
    let other = k.actors.iter().position(|a| {
        a.kind == ActorKind::State && (a.display == wanted || a.aliases.contains(&wanted))
    })?;
    Some((m.tok - 2, other))
}

pub(crate) fn known_actor(k: &Knowledge, doc: &mut Doc<'_>, st: &mut State, known: usize) -> usize {
    if let Some(&a) = st.known.get(&known) {
        return a;
    }
    let ka = &k.actors[known];
    doc.actors.push(DocActor {
        known: Some(known),
        kind: ka.kind,
        display: ka.display.clone(),
        id: ka.id.clone(),
        surname: None,
        role: None,
        affiliation: None,
        named_only: false,
    });
    let a = doc.actors.len() - 1;
    st.known.insert(known, a);
    // A government body acts for its state (an outlet's country is not a party).
    if ka.kind == ActorKind::GovernmentBody
        && let Some(state) = ka.country.as_deref().and_then(|c| k.actor(c))
    {
        let s = known_actor(k, doc, st, state);
        doc.actors[a].affiliation = Some(s);
    }
    a
}

/// Whether token `t`, before `end`, is a word in lower case: the noun a name before it qualifies.
fn next_is_lower_word(doc: &Doc<'_>, t: usize, end: usize) -> bool {
    t < end
        && doc
            .tokens
            .get(t)
            .is_some_and(|x| x.kind == TokKind::Word && doc.tok(t).starts_with(char::is_lowercase))
}

/// Whether a government building named at `tok..tok_end` is only a place: a part of its grounds
/// follows it within two words ("the White House lawn", "the White House South Lawn", "the
/// Kremlin walls"), or it is the object of a verb of visiting ("visited the White House"). The
/// office does not act there; "the White House press secretary" and "the White House said" are
/// the office.
fn building_as_place(
    doc: &Doc<'_>,
    tok: usize,
    tok_end: usize,
    range: std::ops::Range<usize>,
) -> bool {
    // A part word that is a verb ("walls off the press": the tagger may miss it, a particle
    // after it does not) or a compound's first half ("fence-sitting") is no part; a visit noun
    // ("after the visit the Kremlin said") is no visiting.
    let part_after = (tok_end..(tok_end + 2).min(range.end))
        .take_while(|&t| doc.tokens[t].kind == TokKind::Word)
        .any(|t| {
            doc.tok_in_lex(t, Lex::BuildingPart)
                && doc.tok_upos(t) != "VERB"
                && !(t + 1 < range.end
                    && (doc.tok(t + 1) == "-" || doc.tok_in_lex(t + 1, Lex::VerbParticle)))
        });
    let first = if tok > range.start && doc.tok_is_a(tok - 1, Class::Article) {
        tok - 1
    } else {
        tok
    };
    let visited = first > range.start
        && doc.tok_in_lex(first - 1, Lex::VisitingVerb)
        && doc.tok_upos(first - 1) == "VERB";
    part_after || visited
}

/// The state of government body `known`: of a building that stands for its offices, of an
/// office a person serves ("a spokesman for the U.S. State Department, X").
pub(crate) fn body_state(k: &Knowledge, known: usize) -> Option<usize> {
    let body = &k.actors[known];
    if body.kind != ActorKind::GovernmentBody {
        return None;
    }
    body.country.as_deref().and_then(|c| k.actor(c))
}

/// Whether the body noun from token `noun_at` to before `after` only qualifies the lower-case
/// noun there ("Colombian military attacks", "Eritrea's military aggression", "a Chinese navy
/// frigate"): the attacks or the ship are named, not the body. A government the service forms
/// ("Mali's military government", "the military junta"), its men ("military officials") or its
/// heads, organs and words ("army chief", "military intelligence", lexicon `body_member_noun`)
/// are the body; so is one whose title follows ("army spokesman": the caller keeps it).
fn only_modifies_a_noun(doc: &Doc<'_>, noun_at: usize, after: usize, end: usize) -> bool {
    // A service written as its proper name ("the Thai Army", "Japanese Navy ships") names the
    // service wherever it stands; the tagger may also read a verb after it as a plural noun
    // ("an accusation the Thai Army denies").
    doc.tok(noun_at).starts_with(char::is_lowercase)
        && next_is_lower_word(doc, after, end)
        && doc.tok_upos(after) == "NOUN"
        && !doc.tok_in_lex(after, Lex::RulersNoun)
        && !doc.tok_in_lex(after, Lex::PartyHead)
        && !doc.tok_in_lex(after, Lex::GroupNoun)
        && !doc.tok_in_lex(after, Lex::BodyMemberNoun)
}

/// How many tokens from `at` make a body noun, if any.
pub(crate) fn body_noun(doc: &Doc<'_>, at: usize, end: usize) -> Option<usize> {
    doc.lex_phrase_at(Lex::BodyNoun, at, end)
}

/// The document actor for body `display` of state actor `state`.
pub(crate) fn body_actor(
    doc: &mut Doc<'_>,
    st: &mut State,
    display: String,
    state: usize,
) -> usize {
    unlisted_actor(doc, st, display, ActorKind::GovernmentBody, Some(state))
}

/// The document actor for armed men a demonym describes (`display`: "Nigerian gunmen"): an
/// armed group that acts for no state.
fn armed_group_actor(doc: &mut Doc<'_>, st: &mut State, display: String) -> usize {
    unlisted_actor(doc, st, display, ActorKind::ArmedGroup, None)
}

/// The document actor for a newspaper the data does not know, named after a place ("the New
/// Zealand Herald"): an outlet, not its country's voice.
fn outlet_actor(doc: &mut Doc<'_>, st: &mut State, display: String) -> usize {
    unlisted_actor(doc, st, display, ActorKind::MediaOutlet, None)
}

/// The document actor of `kind` the knowledge files do not list, named `display` in the text:
/// one per name in the document.
pub(crate) fn unlisted_actor(
    doc: &mut Doc<'_>,
    st: &mut State,
    display: String,
    kind: ActorKind,
    affiliation: Option<usize>,
) -> usize {
    let id = slugify(&display).unwrap_or_else(|| "unnamed".into());
    if let Some(&b) = st.bodies.get(&id) {
        return b;
    }
    doc.actors.push(DocActor {
        known: None,
        kind,
        display,
        id: id.clone(),
        surname: None,
        role: None,
        affiliation,
        named_only: false,
    });
    let b = doc.actors.len() - 1;
    st.bodies.insert(id, b);
    b
}

/// The entries of every raw match whose case fits, in one flat vector (no allocation per match).
pub(crate) struct Fitting {
    entries: Vec<Entry>,
    offsets: Vec<usize>,
}

impl Fitting {
    fn new(k: &Knowledge, doc: &Doc<'_>) -> Self {
        let mut entries = Vec::with_capacity(doc.raw.len());
        let mut offsets = Vec::with_capacity(doc.raw.len() + 1);
        for m in &doc.raw {
            offsets.push(entries.len());
            let found = doc.slice(m.start, m.end);
            entries.extend(
                k.entries(m.pattern)
                    .iter()
                    .copied()
                    .filter(|e| entry_fits(k, m.pattern, *e, found, m.sentence_start)),
            );
        }
        offsets.push(entries.len());
        Self { entries, offsets }
    }
}

impl std::ops::Index<usize> for Fitting {
    type Output = [Entry];
    fn index(&self, r: usize) -> &[Entry] {
        match (self.offsets.get(r), self.offsets.get(r + 1)) {
            (Some(&a), Some(&b)) => &self.entries[a..b],
            _ => &[],
        }
    }
}

pub(crate) fn is_capitalized_word(doc: &Doc<'_>, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokKind::Word)
        && doc.tok(i).starts_with(char::is_uppercase)
        && doc.tok(i).chars().any(char::is_lowercase)
}

/// Whether tokens `from..to` are exactly a possessive `'s` (or nothing).
pub(crate) fn only_possessive(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    to == from
        || (to == from + 2
            && matches!(doc.tok(from), "'" | "\u{2019}")
            && doc.tok_is_a(from + 1, Class::PossessiveEnding))
}

/// Whether token `t` ends "opened fire", "open fire", "opens fire" (the lexicon's phrases).
fn opened_fire(doc: &Doc<'_>, t: usize) -> bool {
    doc.lexicon.phrases(Lex::OpenedFire).any(|words| {
        t + 1 >= words.len()
            && words
                .iter()
                .rev()
                .enumerate()
                .all(|(back, w)| doc.tok_is(t - back, w))
    })
}

/// The token after the possessive ending at token `t`: `'s` (which the tokenizer splits into
/// `'` and `s`) or a plural's lone `'` ("the Philippines' claims"); `t` when there is none.
pub(crate) fn after_possessive(doc: &Doc<'_>, t: usize) -> usize {
    if doc.tok_in(t, &["'", "\u{2019}"]) {
        t + 1 + usize::from(doc.tok_is_a(t + 1, Class::PossessiveEnding))
    } else {
        t
    }
}

pub(crate) fn state_entry(k: &Knowledge, entries: &[Entry]) -> Option<usize> {
    entries.iter().find_map(|e| match e {
        Entry::Actor(i, _) if k.actors[*i].kind == ActorKind::State => Some(*i),
        _ => None,
    })
}

/// Builds the items of every sentence.
#[allow(clippy::too_many_lines)]
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let cal = std::sync::Arc::clone(&doc.calibration);
    let mut st = State {
        known: HashMap::new(),
        surnames: HashMap::new(),
        known_people: HashMap::new(),
        bodies: HashMap::new(),
    };
    let entries = Fitting::new(k, doc);
    let people = super::persons::find(k, doc, &mut st, &entries);
    let adjectival_states = &people.adjectival_states;
    let mut hit_i = 0;

    let mut last_media: Option<usize> = None;
    // The most recent person by role head ("minister") and by (title, state), so that "the
    // minister" and "Japan's Foreign Minister" resolve in constant time.
    let mut recent_by_head: HashMap<&str, usize> = HashMap::new();
    let mut recent_by_role: HashMap<(usize, usize), usize> = HashMap::new();
    let mut raw_i = 0;
    let mut date_i = 0;
    let mut local: Vec<Item> = Vec::new();
    doc.sentence_items = vec![0..0; doc.sentences.len()];
    for s in 0..doc.sentences.len() {
        local.clear();
        let range = doc.sentences[s].tokens.clone();
        let dateline_mark = crate::text::dateline_mark(range.clone().map(|t| {
            let spaced = t > range.start && doc.tokens[t - 1].end < doc.tokens[t].start;
            (doc.tok(t), spaced)
        }))
        .map(|mark| range.start + mark);
        let mut covered_until = 0usize;
        // The noun an armed group's name took in ("Somali pirates"): no cue of its own.
        let mut group_noun: Option<usize> = None;
        while raw_i < doc.raw.len() && doc.raw[raw_i].sentence == s {
            let r = raw_i;
            raw_i += 1;
            let m = doc.raw[r];
            let (tok, tok_end) = (m.tok, m.tok_end);
            if group_noun == Some(tok) {
                continue;
            }
            let item = |kind| Item {
                start: m.start,
                end: m.end,
                tok,
                tok_end,
                kind,
                // An actor by how it was named; a cue, topic or dispute name matched exactly.
                score: match kind {
                    ItemKind::Actor { via, .. } => cal.via(via),
                    _ => 1.0,
                },
            };
            covered_until = covered_until.max(m.end);
            if people.consumed.contains(&r) {
                continue;
            }
            let prev_word = if tok > range.start {
                doc.tok(tok - 1)
            } else {
                ""
            };
            // What is fired "at" a capital is aimed at its state: "fired two shells at Seoul".
            let aimed = tok > range.start
                && doc.tok_is_a(tok - 1, Class::AimPreposition)
                && (tok.saturating_sub(5).max(range.start)..tok.saturating_sub(1))
                    .any(|t| doc.tok_in_lex(t, Lex::FireWord) || opened_fire(doc, t));
            // "officials in Beijing": the seat names the officials' state, unless the group
            // has a nationality of its own ("met Indian officials in Beijing").
            let seated = tok >= range.start + 2
                && doc.tok_is_a(tok - 1, Class::SeatCase)
                && doc.tok_is_a(tok - 2, Class::SeatedGroup)
                && (tok == range.start + 2 || {
                    let before = tok - 3;
                    !doc.tok(before).starts_with(char::is_uppercase)
                        || (before == range.start && doc.tok_is_a(before, Class::Article))
                });
            // "recalled its ambassador from Tokyo": the post a recalled envoy leaves stands for
            // its state, as "to Japan" does.
            let recalled_from = tok >= range.start + 3
                && doc.tok_in_lex(tok - 1, Lex::RecallOriginCase)
                && doc.tok_in_lex(tok - 2, Lex::EnvoyNoun)
                && (tok.saturating_sub(6).max(range.start)..tok - 2).any(|t| {
                    let w = doc.tok(t).to_ascii_lowercase();
                    doc.lexicon.is(Lex::SanctionVerbIrregular, &w)
                        || doc
                            .lexicon
                            .words(Lex::WithdrawingVerb)
                            .any(|v| w.starts_with(v))
                });
            // "in the capital Kigali", "in the Rwandan capital, Kigali": the capital a noun of
            // capital introduces in a phrase of place (its preposition a few words before). The
            // noun has an article or a nationality before it ("an outflow of capital, Beijing
            // accused" is money), the city closes the phrase (punctuation, the end, a
            // preposition or a weekday: "in the Turkish capital, Moscow and Kyiv agreed" names
            // actors), and what is fired "at" the capital is aimed at its state ("fired missiles
            // at the capital").
            let capital_noun = match tok.checked_sub(1) {
                Some(t) if t > range.start && doc.tok(t) == "," => t - 1,
                Some(t) => t,
                None => tok,
            };
            let in_the_capital = capital_noun < tok
                && capital_noun > range.start + 1
                && doc.tok_is_a(capital_noun, Class::CapitalNoun)
                && (doc.tok_is_a(capital_noun - 1, Class::Article)
                    || doc.tok(capital_noun - 1).starts_with(char::is_uppercase))
                && (tok_end >= range.end
                    || doc.tok_in(tok_end, &[",", ".", ";", ":", ")", "\u{2013}", "\u{2014}"])
                    || doc.tok_is_a(tok_end, Class::ObjectPreposition)
                    || doc
                        .lang
                        .weekday(&doc.tok(tok_end).to_ascii_lowercase())
                        .is_some())
                && (capital_noun.saturating_sub(3).max(range.start)..capital_noun).any(|t| {
                    doc.tok_is_a(t, Class::LocationPreposition)
                        && !(doc.tok_is_a(t, Class::AimPreposition)
                            && (t.saturating_sub(5).max(range.start)..t)
                                .any(|f| doc.tok_in_lex(f, Lex::FireWord) || opened_fire(doc, f)))
                });
            let located = !aimed
                && !seated
                && !recalled_from
                && tok > range.start
                && (doc.tok_is_a(tok - 1, Class::LocationPreposition) || in_the_capital);
            // "major non-NATO allies", "a non-EU state": the name says what a thing is not.
            let excluded = tok >= range.start + 2
                && doc.tok(tok - 1) == "-"
                && doc.tokens[tok - 1].end == m.start
                && doc.tokens[tok - 2].end == doc.tokens[tok - 1].start
                && doc.tok_is_a(tok - 2, Class::ExcludingPrefix);
            // "in Buenos Aires, Argentina": a state named after a place and a comma, and closed
            // by punctuation, says where the place is; it does not act. "After talks in Moscow,
            // Russia and China signed" and "in Beijing, China's ministry said" name actors.
            let locates_place = tok >= range.start + 2
                && doc.tok(tok - 1) == ","
                && local
                    .last()
                    .is_some_and(|it| it.kind == ItemKind::Location && it.tok_end == tok - 1)
                && (tok_end >= range.end
                    || doc.tok_in(tok_end, &[",", ".", ";", ":", ")", "\u{2013}", "\u{2014}"]));
            let possessive = tok_end + 2 <= range.end && only_possessive(doc, tok_end, tok_end + 2);
            let mut actor_done = false;
            let mut dispute_done = false;
            for e in entries[r].iter() {
                match *e {
                    Entry::Actor(_, _) if excluded => {
                        actor_done = true;
                    }
                    Entry::Actor(known, via) if !actor_done => {
                        actor_done = true;
                        let is_place = via == Via::Metonym
                            || entries[r].iter().any(|x| matches!(x, Entry::Place(_)));
                        // A wire dateline ("MOSCOW -", "BLANTYRE, Malawi —", "NEW DELHI:",
                        // or "THE HAGUE" on a line of its own) places the story; the capital's
                        // state does not act in it.
                        let line_of_its_own = (range.start..tok).all(|t| doc.tok(t) == "THE")
                            && (tok_end..range.end).all(|t| doc.tok_in(t, &[".", ":"]))
                            && !doc.slice(m.start, m.end).chars().any(char::is_lowercase);
                        let dateline =
                            line_of_its_own || dateline_mark.is_some_and(|mark| tok_end <= mark);
                        // "the Oslo accords", "the Minsk agreements": a capital naming what was
                        // agreed or held there.
                        let names_accord = via == Via::Metonym
                            && tok_end < range.end
                            && doc.tok_in_lex(tok_end, Lex::NamedAfterCity);
                        // "the British-based Observatory": where something is based.
                        let based = tok_end + 1 < range.end
                            && doc.tok(tok_end) == "-"
                            && doc.tokens[tok_end].start == m.end
                            && doc.tok_is_a(tok_end + 1, Class::PlaceParticiple);
                        let building = k.actors[known].kind == ActorKind::GovernmentBody
                            && entries[r].iter().any(|x| matches!(x, Entry::Place(_)));
                        if ((located || dateline) && is_place)
                            || (building && building_as_place(doc, tok, tok_end, range.clone()))
                            || names_accord
                            || based
                            || (locates_place && k.actors[known].kind == ActorKind::State)
                            || (k.actors[known].kind == ActorKind::State
                                && in_feature_name(doc, tok, tok_end, range.clone()))
                        {
                            local.push(item(ItemKind::Location));
                            continue;
                        }
                        // "the British daily", "a Japanese broadcaster", "a Lebanese
                        // television station": an outlet's nationality, not a party.
                        let outlet_next = doc.raw.get(r + 1).is_some_and(|n| {
                            n.sentence == s
                                && (tok_end..n.tok).len() <= 3
                                && (tok_end..n.tok).all(|t| {
                                    doc.tok(t) == "-" || doc.tok(t).starts_with(char::is_lowercase)
                                })
                                && entries[r + 1]
                                    .iter()
                                    .any(|x| matches!(x, Entry::Cue(Cue::MediaNoun)))
                        });
                        // A headline's capitals ("Russia Today Warns ...") are no masthead.
                        let masthead = !doc.sentences[s].headline
                            && in_masthead(doc, tok, tok_end, range.clone());
                        if (outlet_next || masthead) && k.actors[known].kind == ActorKind::State {
                            // "According to the New Zealand Herald": the paper the data does
                            // not know is an outlet cited as a source, named in full.
                            if masthead && doc.tok(tok_end).starts_with(char::is_uppercase) {
                                let end = doc.tokens[tok_end].end;
                                let display = doc.slice(m.start, end).to_owned();
                                let a = outlet_actor(doc, &mut st, display);
                                last_media = Some(a);
                                local.push(Item {
                                    start: m.start,
                                    end,
                                    tok,
                                    tok_end: tok_end + 1,
                                    kind: ItemKind::Actor {
                                        actor: a,
                                        via: Via::Name,
                                        adjectival: false,
                                        possessive: false,
                                    },
                                    score: cal.via(Via::Name),
                                });
                            }
                            continue;
                        }
                        if via == Via::Demonym
                            && counted_nationals(doc, m, k.actors[known].demonym.as_deref())
                        {
                            continue;
                        }
                        // "Greek Cypriots", "Turkish Cypriots": an origin qualifying another
                        // nationality's people, not a party.
                        let demonym_next = doc.raw.get(r + 1).is_some_and(|n| {
                            n.sentence == s
                                && n.tok == tok_end
                                && entries[r + 1]
                                    .iter()
                                    .any(|x| matches!(x, Entry::Actor(_, Via::Demonym)))
                        });
                        if via == Via::Demonym && demonym_next {
                            continue;
                        }
                        // "the UN Law of the Sea Convention", "the U.N. Charter": an
                        // organization naming a treaty is not a party to the text.
                        if k.actors[known].kind == ActorKind::InternationalOrganization
                            && names_instrument(doc, tok_end, range.end)
                        {
                            continue;
                        }
                        // "the United States National Security Council": a national body whose
                        // name ends in the organization's short alias.
                        if k.actors[known].kind == ActorKind::InternationalOrganization
                            && tok > range.start
                            && doc.tok_in_lex(tok - 1, Lex::NationalNameWord)
                        {
                            continue;
                        }
                        // "White House security officials", "a Kremlin aide": a building that
                        // qualifies a noun, with no article of its own, names the officials'
                        // state, as PETRARCH codes it; so does its possessive ("the Kremlin's
                        // claims" are Russia's). "The White House said" is the office, a body of
                        // its own.
                        let the = doc.tok_is_a(tok, Class::DefiniteArticle)
                            || (tok > range.start && doc.tok_is_a(tok - 1, Class::DefiniteArticle));
                        let known = if (possessive
                            || (!the && next_is_lower_word(doc, tok_end, range.end)))
                            && entries[r].iter().any(|x| matches!(x, Entry::Place(_)))
                        {
                            body_state(k, known).unwrap_or(known)
                        } else {
                            known
                        };
                        let a = known_actor(k, doc, &mut st, known);
                        // "the Central Election Commission of the Republic of Belarus": an
                        // institution of the state is one of its bodies.
                        if k.actors[known].kind == ActorKind::State
                            && let Some(from) = institution_of(doc, tok, range.start)
                        {
                            let display = doc.slice(doc.tokens[from].start, m.end).to_owned();
                            let b = body_actor(doc, &mut st, display, a);
                            local.push(Item {
                                start: doc.tokens[from].start,
                                end: m.end,
                                tok: from,
                                tok_end,
                                kind: ItemKind::Actor {
                                    actor: b,
                                    via: Via::Name,
                                    adjectival: false,
                                    possessive,
                                },
                                score: cal.via(Via::Name),
                            });
                            // The state is still named, as the body's owner.
                            local.push(item(ItemKind::Actor {
                                actor: a,
                                via,
                                adjectival: true,
                                possessive: false,
                            }));
                            continue;
                        }
                        if k.actors[known].kind == ActorKind::MediaOutlet {
                            last_media = Some(a);
                        }
                        let next_is_word = doc
                            .tokens
                            .get(tok_end)
                            .is_some_and(|t| t.kind == TokKind::Word && tok_end < range.end);
                        let next_is_cue = doc.raw.get(r + 1).is_some_and(|n| {
                            n.start == doc.tokens.get(tok_end).map_or(usize::MAX, |t| t.start)
                                && entries[r + 1]
                                    .iter()
                                    .any(|x| matches!(x, Entry::Cue(_) | Entry::Event(_)))
                        });
                        // "the Indian Army", "China's navy": a body of the state.
                        let noun_at = if possessive { tok_end + 2 } else { tok_end };
                        // "a Russian military attache": a body noun that starts a title
                        // names the office's service; the holder acts, not a body. (A title
                        // after the noun, "army spokesman", speaks for the body named.)
                        let titled = |at: usize| {
                            doc.raw[r + 1..]
                                .iter()
                                .zip(r + 1..)
                                .take_while(|(x, _)| x.tok <= at)
                                .any(|(x, i)| {
                                    x.tok == at
                                        && entries[i].iter().any(|e| matches!(e, Entry::Title(_)))
                                })
                        };
                        let body = (k.actors[known].kind == ActorKind::State
                            && (via == Via::Demonym || possessive))
                            .then(|| body_noun(doc, noun_at, range.end))
                            .flatten()
                            .filter(|&n| {
                                let after = noun_at + n;
                                !titled(noun_at)
                                    && (titled(after)
                                        || !only_modifies_a_noun(doc, noun_at, after, range.end))
                            });
                        if let Some(n) = body {
                            let nouns = doc
                                .slice(doc.tokens[noun_at].start, doc.tokens[noun_at + n - 1].end);
                            let adjective = if via == Via::Demonym {
                                doc.slice(m.start, m.end)
                            } else {
                                k.actors[known]
                                    .demonym
                                    .as_deref()
                                    .unwrap_or(doc.slice(m.start, m.end))
                            };
                            let display = format!("{adjective} {nouns}");
                            let b = body_actor(doc, &mut st, display, a);
                            local.push(Item {
                                start: m.start,
                                end: doc.tokens[noun_at + n - 1].end,
                                tok,
                                tok_end: noun_at + n,
                                kind: ItemKind::Actor {
                                    actor: b,
                                    via,
                                    adjectival: false,
                                    possessive: false,
                                },
                                score: cal.via(via),
                            });
                            continue;
                        }
                        // "Nigerian gunmen attacked": armed men a demonym describes are an
                        // armed group of their own, not the state.
                        if via == Via::Demonym
                            && k.actors[known].kind == ActorKind::State
                            && tok_end < range.end
                            && doc.tok_in_lex(tok_end, Lex::ArmedGroupNoun)
                        {
                            // "pro-Russian separatists": the side taken is part of the name.
                            let from = if tok >= range.start + 2
                                && doc.tok(tok - 1) == "-"
                                && doc.tok_is_a(tok - 2, Class::SidingPrefix)
                            {
                                tok - 2
                            } else {
                                tok
                            };
                            let start = doc.tokens[from].start;
                            let display = doc.slice(start, doc.tokens[tok_end].end).to_owned();
                            let g = armed_group_actor(doc, &mut st, display);
                            group_noun = Some(tok_end);
                            local.push(Item {
                                start,
                                end: doc.tokens[tok_end].end,
                                tok: from,
                                tok_end: tok_end + 1,
                                kind: ItemKind::Actor {
                                    actor: g,
                                    via,
                                    adjectival: false,
                                    possessive: false,
                                },
                                score: cal.via(via),
                            });
                            continue;
                        }
                        // "Indian officials said", "Yemeni armed forces moved": a demonym with
                        // a group noun (one word or a phrase) names the state.
                        let group = (via == Via::Demonym)
                            .then(|| doc.lex_phrase_at(Lex::GroupNoun, tok_end, range.end))
                            .flatten();
                        let adjectival = adjectival_states.contains(&r)
                            || (via == Via::Demonym
                                && next_is_word
                                && !next_is_cue
                                && group.is_none());
                        if let Some(n) = group {
                            local.push(Item {
                                start: m.start,
                                end: doc.tokens[tok_end + n - 1].end,
                                tok,
                                tok_end: tok_end + n,
                                kind: ItemKind::Actor {
                                    actor: a,
                                    via,
                                    adjectival: false,
                                    possessive: false,
                                },
                                score: cal.via(via),
                            });
                            continue;
                        }
                        local.push(item(ItemKind::Actor {
                            actor: a,
                            via,
                            adjectival,
                            possessive,
                        }));
                        // "North and South Korea": the first word names a state of its own.
                        if let Some((t, other)) = elided_partner(k, doc, m, range.start, known) {
                            let b = known_actor(k, doc, &mut st, other);
                            let tk = doc.tokens[t];
                            local.push(Item {
                                start: tk.start,
                                end: tk.end,
                                tok: t,
                                tok_end: t + 1,
                                kind: ItemKind::Actor {
                                    actor: b,
                                    via,
                                    adjectival,
                                    possessive: false,
                                },
                                score: cal.via(via),
                            });
                        }
                    }
                    Entry::Actor(..) => {}
                    Entry::Place(_) => {
                        if !entries[r].iter().any(|x| matches!(x, Entry::Actor(..))) {
                            local.push(item(ItemKind::Location));
                        }
                    }
                    Entry::Venue(v) => {
                        local.push(item(ItemKind::Venue(v)));
                        if let Some(org) = k.venues[v].org.as_deref().and_then(|o| k.actor(o)) {
                            let a = known_actor(k, doc, &mut st, org);
                            local.push(item(ItemKind::Actor {
                                actor: a,
                                via: Via::Name,
                                adjectival: true,
                                possessive: false,
                            }));
                        }
                    }
                    Entry::Title(t) => {
                        let the =
                            tok > range.start && doc.tok_is_a(tok - 1, Class::DefiniteArticle);
                        // "Japan's Foreign Minister": a state right before the title.
                        let state = r.checked_sub(1).and_then(|p| {
                            let prev = doc.raw[p];
                            (prev.sentence == s && only_possessive(doc, prev.tok_end, tok))
                                .then(|| state_entry(k, &entries[p]))
                                .flatten()
                                .map(|known| known_actor(k, doc, &mut st, known))
                        });
                        if !the && state.is_none() {
                            local.push(item(ItemKind::Title(t)));
                            continue;
                        }
                        let person = match state {
                            // A lede's "Indonesia's foreign minister" names the minister the
                            // article names later, when it names only one.
                            Some(state) => recent_by_role
                                .get(&(t, state))
                                .copied()
                                .or_else(|| holder_named_later(k, doc, t, state)),
                            None => recent_by_head.get(k.titles[t].head.as_str()).copied(),
                        };
                        match (person, state) {
                            (Some(p), _) => local.push(item(ItemKind::Actor {
                                actor: p,
                                via: Via::Title,
                                adjectival: false,
                                possessive,
                            })),
                            (None, Some(state)) => local.push(item(ItemKind::Actor {
                                actor: state,
                                via: Via::Title,
                                adjectival: false,
                                possessive,
                            })),
                            (None, None) => local.push(item(ItemKind::Title(t))),
                        }
                    }
                    Entry::Cue(Cue::MediaNoun) => {
                        if tok > range.start
                            && doc.tok_is_a(tok - 1, Class::DefiniteArticle)
                            && let Some(media) = last_media
                        {
                            local.push(item(ItemKind::Actor {
                                actor: media,
                                via: Via::Reference,
                                adjectival: false,
                                possessive,
                            }));
                        }
                    }
                    // "state-sponsored terrorism" is no sponsoring ("co-sponsored" is its own
                    // cue).
                    Entry::Cue(Cue::Support)
                        if prev_word == "-" && doc.tok(tok).eq_ignore_ascii_case("sponsored") => {}
                    Entry::Cue(c) => local.push(item(ItemKind::Cue(c))),
                    Entry::Event(ev) => local.push(item(ItemKind::Event(ev))),
                    Entry::Topic(_)
                        if settled_by_adjudicator(doc, range.clone(), m.start, m.end) => {}
                    Entry::Topic(t) => local.push(item(ItemKind::Topic(t))),
                    Entry::DisputeName(d, n) if !dispute_done => {
                        dispute_done = true;
                        local.push(item(ItemKind::DisputeName(d, n)));
                    }
                    Entry::DisputePart(d) if !dispute_done => {
                        dispute_done = true;
                        local.push(item(ItemKind::DisputePart(d)));
                    }
                    Entry::DisputeName(..) | Entry::DisputePart(_) | Entry::Person(_) => {}
                }
            }
        }
        while hit_i < people.hits.len() && people.hits[hit_i].sentence == s {
            let p = people.hits[hit_i];
            hit_i += 1;
            local.push(Item {
                start: doc.tokens[p.name_start].start,
                end: doc.tokens[p.name_end - 1].end,
                tok: p.tok,
                tok_end: p.name_end,
                kind: ItemKind::Actor {
                    actor: p.person,
                    via: Via::Name,
                    adjectival: false,
                    possessive: p.name_end + 2 <= range.end
                        && only_possessive(doc, p.name_end, p.name_end + 2),
                },
                score: cal.via(Via::Name),
            });
        }
        its_bodies(k, doc, &mut st, range.clone(), &mut local);
        if !doc.sentences[s].headline {
            named_organizations(k, doc, &mut st, range.clone(), &mut local);
        }
        // Surnames of people already introduced.
        let raw_spans: Vec<(usize, usize)> = local.iter().map(|i| (i.start, i.end)).collect();
        let label = label_end(doc, range.clone());
        for t in range.clone() {
            // "MR. BLINKEN:": a transcript's label names the speaker in capitals.
            let person = if t < label {
                st.surname(&title_case(doc.tok(t)))
            } else if is_capitalized_word(doc, t) {
                st.surname(doc.tok(t))
            } else {
                None
            };
            let Some(person) = person else {
                continue;
            };
            doc.tick(raw_spans.len());
            let tk = doc.tokens[t];
            if raw_spans.iter().any(|&(a, b)| a <= tk.start && tk.end <= b) {
                continue;
            }
            let possessive = t + 3 <= range.end && only_possessive(doc, t + 1, t + 3);
            local.push(Item {
                start: tk.start,
                end: tk.end,
                tok: t,
                tok_end: t + 1,
                kind: ItemKind::Actor {
                    actor: person,
                    via: Via::Surname,
                    adjectival: false,
                    possessive,
                },
                score: cal.via(Via::Surname),
            });
        }
        let _ = covered_until;
        while date_i < doc.dates.len() && doc.dates[date_i].sentence == s {
            let d = &doc.dates[date_i];
            local.push(Item {
                start: d.start,
                end: d.end,
                tok: d.tok,
                tok_end: d.tok_end,
                kind: ItemKind::Date(date_i),
                score: d.score,
            });
            date_i += 1;
        }
        local.sort_by_key(|i| (i.start, i.end));
        for it in &local {
            if let ItemKind::Actor { actor, .. } = it.kind
                && let Some(role) = doc.actors[actor].role
            {
                recent_by_head.insert(k.titles[role].head.as_str(), actor);
                if let Some(state) = doc.actors[actor].affiliation {
                    recent_by_role.insert((role, state), actor);
                }
            }
        }
        let from = doc.items.len();
        doc.items.extend_from_slice(&local);
        doc.sentence_items[s] = from..doc.items.len();
    }
}

#[cfg(test)]
mod tests;

/// Whether the topic phrase at bytes `start..end` is a settling left to a court, an arbitrator
/// or an outside power: its head is a word of settling (the lexicon's `settling_word`: "settle
/// the dispute", "resolution of the dispute") and whoever settles is named by a word of the
/// lexicon's `adjudicator_word`: the settling's subject, agent or means ("resolution of the
/// dispute by outside powers", also when the parser hangs the agent on the verb of the noun,
/// "settle the dispute in court"), or, for an infinitive, the one
/// asked to settle or the forum turned to ("asked the court to settle the dispute", "agreed to
/// arbitration to resolve the dispute"). The parties settling among themselves negotiate; a
/// judge settling for them does not. The parse is asked only when the sentence (tokens
/// `sentence`) has a word of an adjudicator at all, which most do not.
fn settled_by_adjudicator(
    doc: &Doc<'_>,
    sentence: std::ops::Range<usize>,
    start: usize,
    end: usize,
) -> bool {
    if !sentence
        .into_iter()
        .any(|t| doc.tok_in_lex(t, Lex::AdjudicatorWord))
    {
        return false;
    }
    let p = &doc.parse;
    let Some(h) = p.head_of(&p.words_in(start, end)) else {
        return false;
    };
    if !p.token(h).is_some_and(|t| {
        doc.lexicon
            .is(Lex::SettlingWord, &t.lemma.to_ascii_lowercase())
    }) {
        return false;
    }
    // A word of an adjudicator in the phrase of `w`, outside the topic phrase.
    let adjudicator = |w| {
        p.subtree_span(w).is_some_and(|(from, to)| {
            p.words_in(from, to).into_iter().any(|x| {
                p.token(x).is_some_and(|t| {
                    !(start <= t.start && t.end <= end)
                        && doc
                            .lexicon
                            .is(Lex::AdjudicatorWord, &t.text.to_ascii_lowercase())
                })
            })
        })
    };
    // A phrase marked by the agent's preposition ("by outside powers").
    let by_agent = |d| {
        p.dependents(d).any(|c| {
            p.has_rel(c, "case")
                && p.token(c).is_some_and(|t| {
                    doc.lang
                        .is(Class::AgentPreposition, &t.lemma.to_ascii_lowercase())
                })
        })
    };
    // The settling's subject ("the court will settle the dispute") or agent ("settlement by
    // an arbitration panel"); other phrases name where it is not settled ("outside the court",
    // "rather than in courts abroad").
    let settler =
        |d| p.has_rel(d, "nsubj") || (p.has_rel(d, "obl") || p.has_rel(d, "nmod")) && by_agent(d);
    if p.dependents(h).any(|d| settler(d) && adjudicator(d)) {
        return true;
    }
    // "opposes any settlement of the dispute by outside powers": the parser may hang the
    // noun's agent on the verb whose object the noun is.
    let agent = |d| p.has_rel(d, "obl") && by_agent(d);
    if p.has_rel(h, "obj")
        && p.head(h).is_some_and(|v| {
            p.dependents(v)
                .any(|d| d.index > h.index && agent(d) && adjudicator(d))
        })
    {
        return true;
    }
    // "asked the court to settle", "agreed to arbitration to resolve", "the court's
    // jurisdiction to settle": the one the infinitive is asked of, or hangs on.
    let asked = ["obj", "iobj", "obl", "nmod"];
    (p.has_rel(h, "xcomp") || p.has_rel(h, "advcl") || p.has_rel(h, "acl"))
        && p.head(h).is_some_and(|v| {
            p.dependents(v)
                .any(|d| asked.iter().any(|r| p.has_rel(d, r)) && adjudicator(d))
        })
}
