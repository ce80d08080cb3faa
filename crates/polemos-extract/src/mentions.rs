//! Mention stage: turns gazetteer hits and dates into the items of each sentence, finds people
//! through their titles ("Japanese Foreign Minister Taro Kono"), and resolves later references
//! (a surname, "the minister", "Japan's Foreign Minister", "the station") to the same actor.

use std::collections::HashMap;

use super::gazetteer::entry_fits;
use super::ir::{Doc, DocActor, Item, ItemKind, TokKind};
use super::knowledge::{Cue, Entry, Knowledge, Via};
use polemos_core::model::ActorKind;
use polemos_core::names::slugify;

/// Nouns after a demonym that make it name the state ("Russian officials", "the Chinese side").
const GROUP_NOUNS: &[&str] = &[
    "officials",
    "diplomats",
    "government",
    "authorities",
    "leaders",
    "leadership",
    "ministry",
    "sources",
    "side",
    "delegation",
    "negotiators",
    "forces",
    "troops",
    "military",
    "navy",
    "embassy",
    "envoy",
    "envoys",
    "administration",
    "parliament",
    "lawmakers",
    "cabinet",
];

/// Most name tokens a title can take ("Foreign Minister Sergei Viktorovich Lavrov").
const MAX_NAME_TOKENS: usize = 3;

struct State {
    known: HashMap<usize, usize>,
    surnames: HashMap<String, usize>,
}

fn known_actor(k: &Knowledge, doc: &mut Doc<'_>, st: &mut State, known: usize) -> usize {
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
    });
    let a = doc.actors.len() - 1;
    st.known.insert(known, a);
    a
}

/// The entries of every raw match whose case fits, in one flat vector (no allocation per match).
struct Fitting {
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

fn is_capitalized_word(doc: &Doc<'_>, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokKind::Word)
        && doc.tok(i).starts_with(char::is_uppercase)
        && doc.tok(i).chars().any(char::is_lowercase)
}

/// Whether tokens `from..to` are exactly a possessive `'s` (or nothing).
fn only_possessive(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    to == from
        || (to == from + 2
            && matches!(doc.tok(from), "'" | "\u{2019}")
            && doc.tok_is(from + 1, "s"))
}

fn state_entry(k: &Knowledge, entries: &[Entry]) -> Option<usize> {
    entries.iter().find_map(|e| match e {
        Entry::Actor(i, _) if k.actors[*i].kind == ActorKind::State => Some(*i),
        _ => None,
    })
}

/// What a title hit became in pass 1.
#[derive(Clone, Copy)]
struct PersonHit {
    person: usize,
    /// Tokens of the name after the title.
    name_start: usize,
    name_end: usize,
    /// The affiliating state hit just before the title, if any.
    state_raw: Option<usize>,
}

/// Pass 1: people introduced by a title and a capitalized name.
fn find_people(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    entries: &Fitting,
) -> HashMap<usize, PersonHit> {
    let mut hits = HashMap::new();
    for r in 0..doc.raw.len() {
        let m = doc.raw[r];
        let Some(title) = entries[r].iter().find_map(|e| match e {
            Entry::Title(t) => Some(*t),
            _ => None,
        }) else {
            continue;
        };
        let sentence_end = doc.sentences[m.sentence].tokens.end;
        let name_start = m.tok_end;
        let next_raw = doc.raw.get(r + 1).map_or(usize::MAX, |n| n.start);
        let mut name_end = name_start;
        while name_end < sentence_end
            && name_end - name_start < MAX_NAME_TOKENS
            && is_capitalized_word(doc, name_end)
            && doc.tokens[name_end].start < next_raw
            && (name_end == name_start
                || doc.tokens[name_end]
                    .start
                    .saturating_sub(doc.tokens[name_end - 1].end)
                    <= 1)
        {
            name_end += 1;
        }
        if name_end == name_start {
            continue;
        }
        // A state right before the title ("Japanese Foreign Minister", "Russia's President").
        let title_tok = m.tok;
        let state_raw = r.checked_sub(1).filter(|&p| {
            let prev = doc.raw[p];
            prev.sentence == m.sentence
                && state_entry(k, &entries[p]).is_some()
                && only_possessive(doc, prev.tok_end, title_tok)
        });
        let display = doc
            .slice(doc.tokens[name_start].start, doc.tokens[name_end - 1].end)
            .to_owned();
        let surname = doc.tok(name_end - 1).to_owned();
        let person = if let Some(&p) = st.surnames.get(&surname) {
            if display.len() > doc.actors[p].display.len() {
                doc.actors[p].display.clone_from(&display);
                doc.actors[p].id = slugify(&display).unwrap_or_else(|| "person".into());
            }
            p
        } else {
            doc.actors.push(DocActor {
                known: None,
                kind: ActorKind::Person,
                id: slugify(&display).unwrap_or_else(|| "person".into()),
                display,
                surname: Some(surname.clone()),
                role: None,
                affiliation: None,
            });
            let p = doc.actors.len() - 1;
            st.surnames.insert(surname, p);
            // Family names come first in many languages ("Wang Yi" is "Wang" later).
            if name_end - name_start == 2 {
                st.surnames
                    .entry(doc.tok(name_start).to_owned())
                    .or_insert(p);
            }
            p
        };
        if doc.actors[person].role.is_none() {
            doc.actors[person].role = Some(title);
        }
        if doc.actors[person].affiliation.is_none()
            && let Some(sr) = state_raw
            && let Some(known) = state_entry(k, &entries[sr])
        {
            let a = known_actor(k, doc, st, known);
            doc.actors[person].affiliation = Some(a);
        }
        hits.insert(
            r,
            PersonHit {
                person,
                name_start,
                name_end,
                state_raw,
            },
        );
    }
    hits
}

/// Builds the items of every sentence.
#[allow(clippy::too_many_lines)]
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let mut st = State {
        known: HashMap::new(),
        surnames: HashMap::new(),
    };
    let entries = Fitting::new(k, doc);
    let people = find_people(k, doc, &mut st, &entries);
    let adjectival_states: std::collections::HashSet<usize> =
        people.values().filter_map(|p| p.state_raw).collect();

    let mut last_media: Option<usize> = None;
    // The most recent person by role head ("minister") and by (title, state), so that "the
    // minister" and "Japan's Foreign Minister" resolve in constant time.
    let mut recent_by_head: HashMap<&str, usize> = HashMap::new();
    let mut recent_by_role: HashMap<(usize, usize), usize> = HashMap::new();
    let mut raw_i = 0;
    let mut date_i = 0;
    let mut local: Vec<Item> = Vec::new();
    for s in 0..doc.sentences.len() {
        local.clear();
        let range = doc.sentences[s].tokens.clone();
        let mut covered_until = 0usize;
        while raw_i < doc.raw.len() && doc.raw[raw_i].sentence == s {
            let r = raw_i;
            raw_i += 1;
            let m = doc.raw[r];
            let (tok, tok_end) = (m.tok, m.tok_end);
            let item = |kind| Item {
                start: m.start,
                end: m.end,
                tok,
                tok_end,
                kind,
            };
            covered_until = covered_until.max(m.end);
            if let Some(p) = people.get(&r) {
                let start_tok = p.state_raw.map_or(tok, |sr| doc.raw[sr].tok);
                local.push(Item {
                    start: doc.tokens[p.name_start].start,
                    end: doc.tokens[p.name_end - 1].end,
                    tok: start_tok,
                    tok_end: p.name_end,
                    kind: ItemKind::Actor {
                        actor: p.person,
                        via: Via::Name,
                        adjectival: false,
                        possessive: only_possessive(doc, p.name_end, p.name_end + 2)
                            && p.name_end + 2 <= range.end,
                    },
                });
                covered_until = covered_until.max(doc.tokens[p.name_end - 1].end);
                continue;
            }
            let prev_word = if tok > range.start {
                doc.tok(tok - 1)
            } else {
                ""
            };
            let located = ["in", "at", "from", "of", "to", "near", "outside"]
                .iter()
                .any(|w| prev_word.eq_ignore_ascii_case(w));
            let possessive = tok_end + 2 <= range.end && only_possessive(doc, tok_end, tok_end + 2);
            let mut actor_done = false;
            let mut dispute_done = false;
            for e in entries[r].iter() {
                match *e {
                    Entry::Actor(known, via) if !actor_done => {
                        actor_done = true;
                        let is_place = via == Via::Metonym
                            || entries[r].iter().any(|x| matches!(x, Entry::Place(_)));
                        if located && is_place {
                            local.push(item(ItemKind::Location));
                            continue;
                        }
                        let a = known_actor(k, doc, &mut st, known);
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
                        // "Indian officials said": a demonym with a group noun names the state.
                        let group = via == Via::Demonym
                            && tok_end < range.end
                            && doc.tok_in(tok_end, GROUP_NOUNS);
                        let adjectival = adjectival_states.contains(&r)
                            || (via == Via::Demonym && next_is_word && !next_is_cue && !group);
                        if group {
                            local.push(Item {
                                start: m.start,
                                end: doc.tokens[tok_end].end,
                                tok,
                                tok_end: tok_end + 1,
                                kind: ItemKind::Actor {
                                    actor: a,
                                    via,
                                    adjectival: false,
                                    possessive: false,
                                },
                            });
                            continue;
                        }
                        local.push(item(ItemKind::Actor {
                            actor: a,
                            via,
                            adjectival,
                            possessive,
                        }));
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
                        let the = prev_word.eq_ignore_ascii_case("the");
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
                            Some(state) => recent_by_role.get(&(t, state)).copied(),
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
                        if prev_word.eq_ignore_ascii_case("the")
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
                    Entry::Cue(c) => local.push(item(ItemKind::Cue(c))),
                    Entry::Event(ev) => local.push(item(ItemKind::Event(ev))),
                    Entry::Topic(t) => local.push(item(ItemKind::Topic(t))),
                    Entry::DisputeName(d, n) if !dispute_done => {
                        dispute_done = true;
                        local.push(item(ItemKind::DisputeName(d, n)));
                    }
                    Entry::DisputePart(d) if !dispute_done => {
                        dispute_done = true;
                        local.push(item(ItemKind::DisputePart(d)));
                    }
                    Entry::DisputeName(..) | Entry::DisputePart(_) => {}
                }
            }
        }
        // Surnames of people already introduced.
        let raw_spans: Vec<(usize, usize)> = local.iter().map(|i| (i.start, i.end)).collect();
        for t in range.clone() {
            if !is_capitalized_word(doc, t) {
                continue;
            }
            let Some(&person) = st.surnames.get(doc.tok(t)) else {
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
        doc.sentences[s].items = from..doc.items.len();
    }
}
