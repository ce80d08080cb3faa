//! People in the text, before the items of each sentence are built: names the data knows
//! ("Ban Ki-moon"), names after a title ("Foreign Minister Jeyhun Bayramov", "his Thai
//! counterpart, Kasit Piromya"), names before one ("Ned Price, Department Spokesperson", a
//! statement's byline "Michael R. Pompeo / Secretary of State"), with the state they act for from
//! the words around the title or, for known people, from the office they held on the article's
//! date.

use std::collections::HashSet;

use super::ir::{Doc, DocActor, TokKind};
use super::knowledge::{Entry, Knowledge};
use super::lang::Class;
use super::mentions::{Fitting, State, known_actor, only_possessive, state_entry};
use super::person_context::{known_by_surname, org_before, state_before, state_of_after};
use super::person_names::{
    is_honorific, is_institution_word, is_name_word, is_place_word, name_words,
    names_a_place_after, scan_name, scan_name_back,
};
use polemos_core::model::ActorKind;
use polemos_core::names::slugify;

/// A person mention found in pass 1: tokens `tok..name_end` make its item (a title or state
/// before the name included), the name itself is `name_start..name_end`.
#[derive(Debug, Clone, Copy)]
pub struct PersonHit {
    pub sentence: usize,
    pub tok: usize,
    pub name_start: usize,
    pub name_end: usize,
    pub person: usize,
}

/// Longest apposition between a surname and its verb of speech, in tokens after the title.
const APPOSITION_TAIL: usize = 8;

/// Whether the apposition opening at token `open` (after its comma) with an article, its title
/// ending at `title_end`, is closed by a comma and a verb of speech: "Rathke, the spokesman,
/// said", "Marrow, a senior official at the ministry, told reporters". A single capitalized word
/// before it is then a person's surname, the speaker; "Rathke, the spokesman of the ministry"
/// with no verb after it may be a list.
fn speaks_after(doc: &Doc<'_>, open: usize, title_end: usize, end: usize) -> bool {
    if !doc.tok_is_a(open, Class::Article) {
        return false;
    }
    (title_end..end.min(title_end + APPOSITION_TAIL))
        .take_while(|&t| !matches!(doc.tok(t), "." | ";" | ":" | "\"" | "(" | ")"))
        .find(|&t| doc.tok(t) == ",")
        .is_some_and(|c| c + 1 < end && doc.tok_in_lex(c + 1, super::lexicon::Lex::SpeechVerb))
}

/// What pass 1 found.
#[derive(Debug, Default)]
pub struct People {
    /// In text order.
    pub hits: Vec<PersonHit>,
    /// Raw matches that are part of a person mention (its title, its known name).
    pub consumed: HashSet<usize>,
    /// State hits that only qualify a title ("Japanese Foreign Minister").
    pub adjectival_states: HashSet<usize>,
}

/// People named by their regime or government: "the Lukashenka regime", "the Maduro
/// government", when the data knows the office holder of a state the text names.
fn by_regime(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    named: &HashSet<&str>,
    out: &mut People,
) {
    for s in 0..doc.sentences.len() {
        let range = doc.sentences[s].tokens.clone();
        for t in range.start..range.end.saturating_sub(1) {
            if !doc.tok_is_a(t + 1, Class::LeaderGroupNoun)
                || !is_name_word(doc, t, false)
                || k.people_by_word(doc.tok(t)).is_empty()
                || out
                    .hits
                    .iter()
                    .rev()
                    .take(4)
                    .any(|h| h.name_start <= t && t < h.name_end)
            {
                continue;
            }
            let Some(kp) = known_by_surname(k, doc, doc.tok(t), None, named) else {
                continue;
            };
            let person = person_actor(doc, st, t, t + 1, Some(kp));
            qualify(k, doc, st, person, None, None, Some(kp));
            out.hits.push(PersonHit {
                sentence: s,
                tok: t,
                name_start: t,
                name_end: t + 1,
                person,
            });
        }
    }
}

/// Whether the word at token `t` of a headline is written again, as it is, in the text's body: a
/// headline's capitals make any words after a title look like a name ("Foreign Minister Began
/// Talks With ..."); the person it names is named again below it.
fn named_in_body(doc: &Doc<'_>, t: usize) -> bool {
    let w = doc.tok(t);
    (0..doc.sentences.len())
        .filter(|&s| !doc.sentences[s].headline)
        .flat_map(|s| doc.sentences[s].tokens.clone())
        .any(|x| doc.tok(x) == w)
}

/// Whether the name from `name_start` to `name_end` after a title at token `title` of a
/// headline is a statement's author in its by-line ("Press Statement by Department
/// Spokesperson Tammy Bruce on the ...", "Statement by Spokesperson Heather Nauert: ..."): the
/// title follows a by-line preposition and the name is closed by a lower-case word, a colon or
/// a comma, or the line's end, so the headline's capitals did not run on into it. Such an
/// author is often named nowhere else.
fn byline_author(doc: &Doc<'_>, title: usize, name_start: usize, name_end: usize) -> bool {
    let Some(s) = doc.sentence_of(title).map(|s| &doc.sentences[s]) else {
        return false;
    };
    let closed = name_end >= s.tokens.end || {
        let next = doc.tok(name_end);
        matches!(next, ":" | ",") || next.starts_with(char::is_lowercase)
    };
    title > s.tokens.start
        && doc.tok_is_a(title - 1, Class::BylinePreposition)
        && name_words(doc, name_start, name_end) >= 2
        && closed
}

/// The second person a plural title names ("Prime Ministers Alexis Tsipras and Zoran Zaev",
/// "Foreign Ministers Anna Berg and Jon Holt"): the title's last word is a plural of the
/// profile's `plural_title` class, the first name ends at `first_end`, and "and" and a name of
/// two words at least follow. A name the data knows is found on its own; this finds the others.
#[allow(clippy::too_many_arguments)]
fn plural_title_second(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    out: &mut People,
    title: usize,
    title_end: usize,
    first_end: usize,
    limit: usize,
    sentence: usize,
) {
    if title_end == 0 || !doc.tok_is_a(title_end - 1, Class::PluralTitle) {
        return;
    }
    let from = first_end + 1;
    if from >= limit || !doc.tok_is_a(first_end, Class::And) || !is_name_word(doc, from, false) {
        return;
    }
    let end = scan_name(doc, from, limit, false);
    if name_words(doc, from, end) < 2 || out.hits.iter().any(|h| h.name_start == from) {
        return;
    }
    let person = person_actor(doc, st, from, end, None);
    qualify(k, doc, st, person, Some(title), None, None);
    out.hits.push(PersonHit {
        sentence,
        tok: from,
        name_start: from,
        name_end: end,
        person,
    });
}

/// Whether the capitalized words after the title matched at raw match `r`, ending at token
/// `name_end`, run straight into another title: "spokesman Navy Capt. John Kirby", "envoy Air
/// Force Col. Jane Holt". They are the service of the second title's rank, not a name; the
/// person is the one after the second title.
fn qualifies_next_title(doc: &Doc<'_>, entries: &Fitting, r: usize, name_end: usize) -> bool {
    let sentence = doc.raw[r].sentence;
    doc.raw
        .iter()
        .enumerate()
        .skip(r + 1)
        .take_while(|(_, n)| n.sentence == sentence && n.tok <= name_end)
        .any(|(x, n)| n.tok == name_end && title_of(&entries[x]).is_some())
}

fn title_of(entries: &[Entry]) -> Option<usize> {
    entries.iter().find_map(|e| match e {
        Entry::Title(t) => Some(*t),
        _ => None,
    })
}

fn person_of(entries: &[Entry]) -> Option<usize> {
    entries.iter().find_map(|e| match e {
        Entry::Person(p) => Some(*p),
        _ => None,
    })
}

/// The text's name for a person, its surname key and the document actor it is: the same actor
/// when the surname and the name agree with one seen before ("Bayramov" and "Jeyhun Bayramov").
pub(crate) fn person_actor(
    doc: &mut Doc<'_>,
    st: &mut State,
    from: usize,
    to: usize,
    known: Option<usize>,
) -> usize {
    let display = plain_name(doc.slice(doc.tokens[from].start, doc.tokens[to - 1].end));
    // "Salva (Kiir)": the brackets are an editor's, not the name's.
    let to = if doc.tok(to - 1) == ")" { to - 1 } else { to };
    let hyphenated_given =
        to >= from + 3 && doc.tok(to - 2) == "-" && doc.tok(to - 1).starts_with(char::is_lowercase);
    // Family names come first in Korean names written with a hyphenated given name.
    let surname = if hyphenated_given {
        doc.tok(from)
    } else {
        doc.tok(to - 1)
    };
    // "SECRETARY BLINKEN" is Blinken.
    let surname = if surname.chars().any(char::is_lowercase) {
        surname.to_owned()
    } else {
        let mut c = surname.chars();
        c.next()
            .map_or_else(String::new, |f| f.to_string() + &c.as_str().to_lowercase())
    };
    if let Some(kp) = known
        && let Some(&a) = st.known_people.get(&kp)
    {
        if display.len() > doc.actors[a].display.len() {
            doc.actors[a].id = slugify(&display).unwrap_or_else(|| "person".into());
            doc.actors[a].display = display;
        }
        return a;
    }
    if let Some(p) = st.surname(&surname) {
        let old = doc.actors[p].display.clone();
        let same = old == display
            || display.ends_with(&format!(" {old}"))
            || old.ends_with(&format!(" {display}"))
            || !display.contains(' ')
            || !old.contains(' ');
        if same {
            if display.len() > old.len() {
                doc.actors[p].id = slugify(&display).unwrap_or_else(|| "person".into());
                doc.actors[p].display = display;
            }
            if let Some(kp) = known {
                st.known_people.insert(kp, p);
            }
            return p;
        }
    }
    doc.actors.push(DocActor {
        known: None,
        kind: ActorKind::Person,
        id: slugify(&display).unwrap_or_else(|| "person".into()),
        display,
        surname: Some(surname.clone()),
        role: None,
        affiliation: None,
        named_only: false,
    });
    let p = doc.actors.len() - 1;
    st.set_surname(&surname, p);
    if name_words(doc, from, to) == 2 && !hyphenated_given {
        // Family names come first in many languages ("Wang Yi" is "Wang" later).
        st.add_surname(doc.tok(from), p);
    }
    if let Some(kp) = known {
        st.known_people.insert(kp, p);
    }
    p
}

/// A name as written without an editor's brackets: "Salva (Kiir)" is "Salva Kiir".
fn plain_name(written: &str) -> String {
    if !written.contains('(') {
        return written.to_owned();
    }
    written
        .replace(['(', ')'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The person the data knows by this full name (display or alias) as its slug, for names the
/// gazetteer could not match as written ("Salva (Kiir)", "José María Aznar" of the data's "Jose
/// Maria Aznar"). Among several, the one whose office on the article's date began last (a new
/// state's president rather than his old post).
pub(crate) fn known_by_full_name(k: &Knowledge, doc: &Doc<'_>, name: &str) -> Option<usize> {
    let first = name.split(' ').next()?;
    let slug = slugify(name)?;
    let found: Vec<usize> = k
        .people_by_word(first)
        .iter()
        .copied()
        .filter(|&p| k.person_has_slug(p, &slug))
        .collect();
    match found.as_slice() {
        [] => None,
        [one] => Some(*one),
        many => {
            let day = doc.published?;
            many.iter()
                .copied()
                .filter_map(|p| {
                    let t = k.people[p].tenure_at(Some(day))?;
                    let covers = t.from.is_none_or(|f| f <= day) && t.to.is_none_or(|e| day <= e);
                    covers.then_some((t.from, p))
                })
                .max()
                .map(|(_, p)| p)
        }
    }
}

/// Gives a person a role and an affiliation where they have none yet.
pub(crate) fn qualify(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    person: usize,
    title: Option<usize>,
    state: Option<usize>,
    known: Option<usize>,
) {
    if doc.actors[person].role.is_none() {
        doc.actors[person].role = title;
    }
    if doc.actors[person].affiliation.is_some() {
        return;
    }
    let served = state
        .or_else(|| {
            let kp = &k.people[known?];
            k.actor(&kp.tenure_at(doc.published)?.of)
        })
        .or_else(|| {
            title
                .and_then(|t| k.titles[t].state.as_deref())
                .and_then(|s| k.actor(s))
        });
    if let Some(known) = served {
        let a = known_actor(k, doc, st, known);
        doc.actors[person].affiliation = Some(a);
    }
}

/// Officials named with an office but no state ("insisted Foreign Ministry Spokesman Hong Lei"
/// after a quote about China): the one state their sentence names, when it names exactly one
/// that is not another official's ("U.S. Secretary Blinken met Foreign Minister Wang Yi" says
/// nothing of Wang's state) nor a place ("said in Washington"). A counterpart serves another
/// state, so is left alone.
fn state_in_sentence(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    entries: &Fitting,
    out: &mut People,
) {
    for h in out.hits.clone() {
        let p = h.person;
        let Some(role) = doc.actors[p].role else {
            continue;
        };
        if doc.actors[p].affiliation.is_some() || k.titles[role].head == "counterpart" {
            continue;
        }
        let first = doc.raw.partition_point(|m| m.sentence < h.sentence);
        let mut found = None;
        let mut several = false;
        for r in first..doc.raw.len() {
            let m = doc.raw[r];
            // Only a state named before the name, ahead of a quote that closes before it
            // ("'China has sovereignty ...,' insisted Spokesman Hong Lei"): a state after the
            // name is more often whom the official speaks to or of ("told ... that Russia").
            if m.sentence != h.sentence || m.tok_end > h.tok {
                break;
            }
            if !(m.tok_end..h.tok).any(|t| matches!(doc.tok(t), "\"" | "\u{201d}")) {
                continue;
            }
            let Some(state) = state_entry(k, &entries[r]) else {
                continue;
            };
            let place = m.tok > doc.sentences[m.sentence].tokens.start
                && doc.tok_in(m.tok - 1, &["in", "at", "from", "to", "near", "of"]);
            if out.adjectival_states.contains(&r) || out.consumed.contains(&r) || place {
                continue;
            }
            several |= found.is_some_and(|f| f != state);
            found = Some(state);
        }
        if let Some(state) = found.filter(|_| !several) {
            qualify(k, doc, st, p, None, Some(state), None);
        }
    }
}

/// The full name a person found only by the surname is written with elsewhere in the text: "the
/// head of the office in Islamabad, Olivier Durr, tells VOA ..." is read by no rule, but "Mr.
/// Durr says" is; the person is Olivier Durr. Only when one full name ends in that surname:
/// "Megumi Yokota" and "Sakie Yokota" leave "Ms. Yokota" as she is. Only a full name written
/// before the person's first mention, as news introduces people: "Defence Minister Okafor said
/// ... his daughter, Ada Okafor" is not the minister.
fn full_names_written(doc: &mut Doc<'_>, out: &People) {
    let mut done = HashSet::new();
    for h in &out.hits {
        let p = h.person;
        let a = &doc.actors[p];
        if a.kind != ActorKind::Person
            || a.known.is_some()
            || a.display.contains(' ')
            || !done.insert(p)
        {
            continue;
        }
        let surname = a.display.clone();
        let first = out
            .hits
            .iter()
            .filter(|o| o.person == p)
            .map(|o| o.name_start)
            .min()
            .unwrap_or(0);
        let mut full: Vec<String> = Vec::new();
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            for t in range
                .clone()
                .filter(|&t| t < first && doc.tok(t) == surname)
            {
                let from = scan_name_back(doc, t + 1, range.start, false);
                if from >= t
                    || name_words(doc, from, t + 1) > 3
                    || (from..t).any(|w| is_institution_word(doc, w) || is_honorific(doc, w))
                    || super::person_syntax::touches_raw(doc, from, t)
                    || out.hits.iter().any(|o| {
                        o.person != p && o.sentence == s && o.name_start <= t && from < o.name_end
                    })
                {
                    continue;
                }
                let name = plain_name(doc.slice(doc.tokens[from].start, doc.tokens[t].end));
                if !full.contains(&name) {
                    full.push(name);
                }
            }
        }
        if let [name] = full.as_slice() {
            doc.actors[p].id = slugify(name).unwrap_or_else(|| "person".into());
            doc.actors[p].display.clone_from(name);
        }
    }
}

/// Whether the name written at raw match `r`, the known person `kp`, goes on past the match
/// with another name word ("Ali Abdallah Saleh" past the data's "Ali Abdallah"), not a name the
/// text matches next nor a word that opens a clause (`not_a_name`: "George W. Bush While we
/// ..."), a suffix (`name_suffix`) or an institution ("the George W. Bush Administration"); one
/// word more only. A headline's capitals run on into its words, and a person serving on the
/// article's day is the one meant, his name written in full ("Evo Morales Ayma").
fn name_runs_on(k: &Knowledge, doc: &Doc<'_>, r: usize, kp: usize, caps: bool) -> bool {
    let m = doc.raw[r];
    let sentence = &doc.sentences[m.sentence];
    !caps
        && !serving(k, doc, kp)
        && !sentence.headline
        && m.tok_end < sentence.tokens.end
        && doc.raw.get(r + 1).is_none_or(|n| n.tok != m.tok_end)
        && doc.tokens[m.tok_end].start > doc.tokens[m.tok_end - 1].end
        && is_name_word(doc, m.tok_end, caps)
        && !doc.tok_is_a(m.tok_end, Class::NameSuffix)
        && !is_institution_word(doc, m.tok_end)
        && !cut_at_apostrophe(doc, m.tok_end)
        // One more word only: a surname ("Saleh"), not a run of capitals that names something
        // else ("George W. Bush Presidential Library").
        && !is_name_word(doc, m.tok_end + 1, caps)
}

/// Whether the known person `kp` held an office on the article's day (an undated office counts;
/// without a day, any office).
fn serving(k: &Knowledge, doc: &Doc<'_>, kp: usize) -> bool {
    let Some(day) = doc.published else {
        return true;
    };
    k.people[kp].serves_on(day)
}

/// Whether the word at token `t` is cut from the rest of its name by an apostrophe ("L" of
/// "L'Enfant"), which the name scan does not read past.
fn cut_at_apostrophe(doc: &Doc<'_>, t: usize) -> bool {
    doc.tokens.get(t + 1).is_some_and(|n| {
        n.start == doc.tokens[t].end && doc.tok(t + 1).starts_with(['\'', '\u{2019}'])
    })
}

/// Pass 1 over the raw matches.
#[allow(clippy::too_many_lines)]
pub(crate) fn find(k: &Knowledge, doc: &mut Doc<'_>, st: &mut State, entries: &Fitting) -> People {
    let mut out = People::default();
    // The states and organizations the text names, for people known by surname only.
    let named: HashSet<&str> = (0..doc.raw.len())
        .flat_map(|r| entries[r].iter())
        .filter_map(|e| match e {
            Entry::Actor(a, _) => Some(k.actors[*a].id.as_str()),
            _ => None,
        })
        .collect();
    for r in 0..doc.raw.len() {
        if out.consumed.contains(&r) {
            continue;
        }
        let m = doc.raw[r];
        let sentence = doc.sentences[m.sentence].clone();
        let next_raw = doc.raw.get(r + 1).copied();
        let limit = next_raw
            .filter(|n| n.sentence == m.sentence)
            .map_or(sentence.tokens.end, |n| n.tok.min(sentence.tokens.end));
        if let Some(kp) = person_of(&entries[r]) {
            // A place named after a known person is not the person.
            if names_a_place_after(doc, m.tok_end) {
                out.consumed.insert(r);
                continue;
            }
            // Nor is a longer name that begins with the known one ("Ali Abdallah Saleh"): the
            // whole name is the person, known only if the data has it as written.
            if name_runs_on(k, doc, r, kp, false) {
                let end = scan_name(doc, m.tok, limit, false);
                let written = doc.slice(doc.tokens[m.tok].start, doc.tokens[end - 1].end);
                let known = known_by_full_name(k, doc, &plain_name(written));
                let person = person_actor(doc, st, m.tok, end, known);
                let state = state_of_after(k, doc, entries, end, r + 1);
                qualify(k, doc, st, person, None, state, known);
                out.consumed.insert(r);
                out.hits.push(PersonHit {
                    sentence: m.sentence,
                    tok: m.tok,
                    name_start: m.tok,
                    name_end: end,
                    person,
                });
                continue;
            }
            // A known name on its own; a title before it was handled with the title.
            let person = person_actor(doc, st, m.tok, m.tok_end, Some(kp));
            let state = state_of_after(k, doc, entries, m.tok_end, r + 1);
            qualify(k, doc, st, person, None, state, Some(kp));
            out.consumed.insert(r);
            out.hits.push(PersonHit {
                sentence: m.sentence,
                tok: m.tok,
                name_start: m.tok,
                name_end: m.tok_end,
                person,
            });
            continue;
        }
        let Some(title) = title_of(&entries[r]) else {
            continue;
        };
        let title_text = doc.slice(m.start, m.end);
        let caps = !title_text.chars().any(char::is_lowercase);
        // A state right before the title ("Japanese Foreign Minister", "Russia's President",
        // "his Thai counterpart").
        let state_raw = state_before(k, doc, entries, r);
        // Or an organization ("U.N. special envoy").
        let mut state = state_raw
            .and_then(|sr| state_entry(k, &entries[sr]))
            .or_else(|| org_before(k, doc, entries, r));
        // The name after the title, maybe after a comma when the title is someone's
        // ("Malaysia's Prime Minister, Najib Razak").
        let before = if m.tok > sentence.tokens.start {
            doc.tok(m.tok - 1)
        } else {
            ""
        };
        // Or an owner's possessive, over words of rank ("his Thai counterpart, X", "the
        // country's former prime minister, X", "the party's deputy leader, X").
        let mut owner_end = m.tok;
        while owner_end > sentence.tokens.start + 2
            && m.tok - owner_end < 2
            && doc.tok_is_a(owner_end - 1, Class::TitleModifier)
        {
            owner_end -= 1;
        }
        let owned = state_raw.is_some()
            || doc.lang.is(Class::PossessivePronoun, before)
            || (owner_end >= sentence.tokens.start + 3
                && doc.tokens[owner_end - 3].kind == TokKind::Word
                && only_possessive(doc, owner_end - 2, owner_end));
        let mut name_start = m.tok_end;
        // Through the comma, the name is an apposition. When a word governs the title's phrase
        // (a preposition, a verb: "met the country's president, Hugo Chavez, in Caracas"), the
        // next comma or the sentence's end closes it: a name that runs on into its verb is the
        // subject the fronted phrase leads to ("After meeting the kingdom's foreign minister,
        // Kerry said"). A phrase that opens its clause may go without ("In a statement,
        // Malaysia's Prime Minister, Najib Razak said").
        let mut apposed = false;
        if doc.tok(name_start) == "," && owned {
            name_start += 1;
            let mut head = state_raw.map_or_else(
                || {
                    if doc.lang.is(Class::PossessivePronoun, before) {
                        m.tok - 1
                    } else {
                        owner_end - 3
                    }
                },
                |sr| doc.raw[sr].tok,
            );
            if head > sentence.tokens.start && doc.tok_is_a(head - 1, Class::DefiniteArticle) {
                head -= 1;
            }
            apposed = head > sentence.tokens.start && doc.tokens[head - 1].kind == TokKind::Word;
        }
        // "Japanese Ambassador to China Uichiro Niwa", "the Indian Army spokesman in Srinagar,
        // A K Mathur": the post's place is not the name.
        if doc.tok_is_a(name_start, Class::PostPreposition)
            && let Some(n) = next_raw
            && n.tok == name_start + 1
            && entries[r + 1].iter().any(|e| e.is_proper())
        {
            name_start = n.tok_end;
            if doc.tok(name_start) == "," && owned {
                name_start += 1;
            }
        } else if doc.tok_is_a(name_start, Class::RemitPreposition) {
            // "Special Envoy for the Horn of Africa Mike Hammer": the name closes the phrase.
            let mut run_end = name_start + 1;
            while run_end < limit
                && run_end < name_start + 10
                && (is_name_word(doc, run_end, caps)
                    || is_place_word(&doc.lang, doc.tok(run_end))
                    || doc.tok_is_a(run_end, Class::RemitGlue))
            {
                run_end += 1;
            }
            if run_end > name_start + 2 && is_name_word(doc, run_end - 1, caps) {
                let from = scan_name_back(doc, run_end, name_start + 2, caps);
                if from > name_start + 1 && from < run_end && name_words(doc, from, run_end) <= 3 {
                    name_start = from;
                }
            }
        }
        // The name stops at the next match past the words skipped (a post's place, a comma): a
        // state right after the comma is no name ("After talks with the country's prime
        // minister, Germany pledged aid").
        let limit = if name_start > m.tok_end {
            doc.raw
                .iter()
                .skip(r + 1)
                .find(|n| n.sentence != m.sentence || n.tok >= name_start)
                .filter(|n| n.sentence == m.sentence)
                .map_or(sentence.tokens.end, |n| n.tok.min(sentence.tokens.end))
        } else {
            limit
        };
        let closed = |end: usize| {
            end >= sentence.tokens.end
                || doc.tokens.get(end).is_none_or(|t| t.kind == TokKind::Punct)
        };
        let start_tok = state_raw.map_or(m.tok, |sr| doc.raw[sr].tok);
        // "co-premier Prince Norodom Ranariddh": a courtesy title between the office and the
        // name is neither.
        while name_start + 1 < sentence.tokens.end && is_honorific(doc, name_start) {
            name_start += if doc.tok(name_start + 1) == "." { 2 } else { 1 };
        }
        // A known name right after the title, unless the written name runs on past it: in
        // "President Ali Abdallah Saleh" the data's "Ali Abdallah" is another man, and the whole
        // name is read below.
        let runs_on = next_raw.is_some_and(|n| {
            n.sentence == m.sentence
                && n.tok == name_start
                && person_of(&entries[r + 1])
                    .is_some_and(|kp| name_runs_on(k, doc, r + 1, kp, caps))
        });
        let limit = if runs_on {
            doc.raw
                .get(r + 2)
                .filter(|x| x.sentence == m.sentence)
                .map_or(sentence.tokens.end, |x| x.tok.min(sentence.tokens.end))
        } else {
            limit
        };
        if runs_on {
            out.consumed.insert(r + 1);
        }
        if let Some(n) = next_raw
            && !runs_on
            && n.sentence == m.sentence
            && n.tok == name_start
            && (!apposed || closed(scan_name(doc, n.tok_end, sentence.tokens.end, caps)))
            && let Some(kp) = person_of(&entries[r + 1])
        {
            let person = person_actor(doc, st, n.tok, n.tok_end, Some(kp));
            let state = state.or_else(|| state_of_after(k, doc, entries, n.tok_end, r + 2));
            qualify(k, doc, st, person, Some(title), state, Some(kp));
            out.consumed.extend([r, r + 1]);
            out.adjectival_states.extend(state_raw);
            out.hits.push(PersonHit {
                sentence: m.sentence,
                tok: start_tok,
                name_start: n.tok,
                name_end: n.tok_end,
                person,
            });
            let limit = doc
                .raw
                .get(r + 2)
                .filter(|x| x.sentence == m.sentence)
                .map_or(sentence.tokens.end, |x| x.tok.min(sentence.tokens.end));
            plural_title_second(
                k, doc, st, &mut out, title, m.tok_end, n.tok_end, limit, m.sentence,
            );
            continue;
        }
        let name_end = scan_name(doc, name_start, limit, caps);
        // "the Prime Minister Office", "the King Fahd Causeway": a place, not a person.
        let name_end = if (name_start..name_end).any(|t| is_institution_word(doc, t))
            || qualifies_next_title(doc, entries, r, name_end)
            || (apposed && !closed(name_end))
            || (sentence.headline
                && !named_in_body(doc, name_end.saturating_sub(1))
                && !byline_author(doc, start_tok, name_start, name_end))
        {
            name_start
        } else {
            name_end
        };
        if name_end > name_start {
            let after = name_end;
            state = state.or_else(|| {
                let n = doc.raw.iter().skip(r + 1).position(|x| x.tok >= after)? + r + 1;
                state_of_after(k, doc, entries, after, n)
            });
            let one_word = name_words(doc, name_start, name_end) == 1;
            let known = if one_word {
                // "Lord Ahmad" is a British peer, whoever else the text names.
                let want =
                    state.or_else(|| k.titles[title].state.as_deref().and_then(|s| k.actor(s)));
                known_by_surname(k, doc, doc.tok(name_start), want, &named)
            } else {
                // A full name the gazetteer could not match as written: "Salva (Kiir)", or
                // "Hugo Chávez" with diacritics the data lacks.
                let written = doc.slice(doc.tokens[name_start].start, doc.tokens[name_end - 1].end);
                known_by_full_name(k, doc, &plain_name(written))
            };
            // A full name the data knows is the one person however often it is written.
            let person = person_actor(doc, st, name_start, name_end, known.filter(|_| !one_word));
            if let Some(kp) = known {
                let full = &k.people[kp];
                if !doc.actors[person].display.contains(' ') {
                    doc.actors[person].display.clone_from(&full.display);
                    doc.actors[person].id = full.id.clone();
                }
                st.known_people.insert(kp, person);
            }
            qualify(k, doc, st, person, Some(title), state, known);
            // "President Putin's spokesman Dmitry Peskov" serves whom Putin serves.
            if doc.actors[person].affiliation.is_none()
                && m.tok >= sentence.tokens.start + 3
                && only_possessive(doc, m.tok - 2, m.tok)
                && let Some(owner) = out
                    .hits
                    .iter()
                    .rev()
                    .find(|h| h.sentence == m.sentence && h.name_end == m.tok - 2)
            {
                doc.actors[person].affiliation = doc.actors[owner.person].affiliation;
            }
            out.consumed.insert(r);
            out.adjectival_states.extend(state_raw);
            out.hits.push(PersonHit {
                sentence: m.sentence,
                tok: start_tok,
                name_start,
                name_end,
                person,
            });
            plural_title_second(
                k, doc, st, &mut out, title, m.tok_end, name_end, limit, m.sentence,
            );
            continue;
        }
        // The name before the title: "Ned Price, Department Spokesperson", "John Kerry, the
        // Secretary of State", "Jong Yong Nam, a DPRK representative".
        let floor = state_raw
            .unwrap_or(r)
            .checked_sub(1)
            .map(|p| doc.raw[p])
            .filter(|p| p.sentence == m.sentence && p.tok_end <= m.tok)
            .map_or(sentence.tokens.start, |p| p.tok_end);
        let mut comma = start_tok;
        let mut between = 0;
        while comma > sentence.tokens.start
            && between < 4
            && (doc.tok_is_a(comma - 1, Class::TitleLead) || is_name_word(doc, comma - 1, caps))
        {
            comma -= 1;
            between += 1;
        }
        // A title alone on its line, maybe after words of rank ("Acting Deputy Department
        // Spokesman") and an office ("Office of the Spokesperson"), under the line before: that
        // line may be the statement's signature. Not a sentence that goes on ("The foreign
        // minister of Peru said ...").
        let byline = m.sentence > 0
            && (sentence.tokens.start..start_tok).all(|t| doc.tok_is_a(t, Class::TitleModifier))
            && (m.tok_end..sentence.tokens.end).all(|t| {
                doc.tokens[t].kind != TokKind::Word
                    || doc.tok(t).starts_with(char::is_uppercase)
                    || doc.tok_is_a(t, Class::Article)
                    || doc.tok_is_a(t, Class::OfficePreposition)
            })
            && !doc.same_paragraph(m.sentence - 1, m.sentence);
        let named_before = out
            .hits
            .last()
            .copied()
            .filter(|h| h.sentence == m.sentence && comma > 0 && h.name_end == comma - 1);
        if let Some(h) = named_before
            && doc.tok(comma - 1) == ","
        {
            // A name the data knows, then its office: "John Kerry, the Secretary of State".
            let state = state.or_else(|| state_of_after(k, doc, entries, m.tok_end, r + 1));
            qualify(k, doc, st, h.person, Some(title), state, None);
            out.consumed.insert(r);
            out.adjectival_states.extend(state_raw);
        } else if comma > sentence.tokens.start && doc.tok(comma - 1) == "," {
            let end = comma - 1;
            let lower = floor.min(end);
            // "I, DONALD J. TRUMP, President of ...": a name in capitals before a title.
            let caps = caps || {
                let w = doc.tok(end.saturating_sub(1));
                w.chars().count() > 1 && !w.chars().any(char::is_lowercase)
            };
            let from = scan_name_back(doc, end, lower, caps);
            let fits_left = from == sentence.tokens.start
                || (doc.tok(from - 1) == ";" || doc.tok_is_a(from - 1, Class::NameLeftEdge));
            let words = name_words(doc, from, end);
            if (words >= 2
                || (words == 1 && speaks_after(doc, comma, m.tok_end, sentence.tokens.end)))
                && fits_left
                && scan_name(doc, from, end, caps) == end
            {
                let person = person_actor(doc, st, from, end, None);
                let state = state.or_else(|| state_of_after(k, doc, entries, m.tok_end, r + 1));
                qualify(k, doc, st, person, Some(title), state, None);
                out.consumed.insert(r);
                out.adjectival_states.extend(state_raw);
                out.hits.push(PersonHit {
                    sentence: m.sentence,
                    tok: from,
                    name_start: from,
                    name_end: end,
                    person,
                });
            }
        } else if byline {
            // A statement's byline: the name alone on the line before the title.
            let prev = doc.sentences[m.sentence - 1].clone();
            let (from, end) = (prev.tokens.start, prev.tokens.end);
            let line_caps = !doc
                .slice(prev.start, prev.end)
                .chars()
                .any(char::is_lowercase);
            if end > from
                && name_words(doc, from, end) >= 2
                && scan_name(doc, from, end, line_caps) == end
                // Nothing else found on that line.
                && r.checked_sub(1).is_none_or(|p| doc.raw[p].sentence + 1 != m.sentence)
                && out.hits.last().is_none_or(|h| h.sentence + 1 != m.sentence)
            {
                let person = person_actor(doc, st, from, end, None);
                let state = state.or_else(|| state_of_after(k, doc, entries, m.tok_end, r + 1));
                qualify(k, doc, st, person, Some(title), state, None);
                out.consumed.insert(r);
                out.hits.push(PersonHit {
                    sentence: m.sentence - 1,
                    tok: from,
                    name_start: from,
                    name_end: end,
                    person,
                });
            }
        }
    }
    state_in_sentence(k, doc, st, entries, &mut out);
    super::person_syntax::find(k, doc, st, entries, &mut out);
    by_regime(k, doc, st, &named, &mut out);
    full_names_written(doc, &out);
    out.hits.sort_by_key(|h| (h.sentence, h.name_start));
    out.hits.dedup_by_key(|h| (h.sentence, h.name_start));
    out
}

#[cfg(test)]
mod tests;
