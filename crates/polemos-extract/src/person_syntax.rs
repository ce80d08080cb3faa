//! People found by the shape of the sentence rather than by a title: a name in apposition with
//! a role noun ("Rabi Adelati, a senior member of Sudan's ruling party", "Ibrahim Mohamud Hamid,
//! a senior assistant to Bashir") and a name that reports ("Justin Logan at the Cato Institute
//! says", "..., said Jane Doe."). Unknown people are kept as people; whom they act for comes from
//! the state or the known person after the role noun ("of Sudan's", "to Bashir").

use super::ir::{Doc, TokKind};
use super::knowledge::{Entry, Knowledge};
use super::lang::Class;
use super::lexicon::Lex;
use super::mentions::{Fitting, State, body_state, only_possessive, state_entry};
use super::person_names::{
    after_honorific, is_institution_word, is_place_word, name_words, scan_name, scan_name_back,
};
use super::persons::{People, PersonHit, known_by_full_name, person_actor, qualify};

/// Whether tokens `from..to` touch a gazetteer match (a state, a title, a known name).
pub(crate) fn touches_raw(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    let first = doc.raw.partition_point(|m| m.tok_end <= from);
    doc.raw.get(first).is_some_and(|m| m.tok < to)
}

/// Whether a person hit already covers token `t`.
fn taken(out: &People, sentence: usize, from: usize, to: usize) -> bool {
    out.hits
        .iter()
        .any(|h| h.sentence == sentence && h.name_start < to && from < h.name_end)
}

/// Whether `from..to` is a plausible unknown person's name: two to four name words, none an
/// institution's, nothing the gazetteer knows.
fn plain_person_name(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    person_name(doc, from, to, 2)
}

/// [`plain_person_name`] with at least `least` words: one after a courtesy title ("Ms
/// Bauchtman"), which says a person is named.
fn person_name(doc: &Doc<'_>, from: usize, to: usize, least: usize) -> bool {
    let words = name_words(doc, from, to);
    (least..=4).contains(&words)
        && scan_name(doc, from, to, false) == to
        && !(from..to).any(|t| is_institution_word(doc, t))
        && (from..to).all(|t| {
            doc.tokens[t].kind != TokKind::Word || doc.tok(t).len() > 1 || doc.tok(t + 1) == "."
        })
        && !touches_raw(doc, from, to)
}

/// The state or known person that token `at` ("Sudan's", "Bashir") names, as a document actor's
/// affiliation source: a state, or the affiliation of a person met before.
fn served_at(
    k: &Knowledge,
    doc: &Doc<'_>,
    st: &State,
    entries: &Fitting,
    at: usize,
) -> Option<Served> {
    let r = doc.raw.partition_point(|m| m.tok < at);
    // A state, or a government body, which serves its state ("a spokesman for the U.S. State
    // Department, X").
    if let Some(m) = doc.raw.get(r)
        && m.tok == at
        && let Some(s) = state_entry(k, &entries[r]).or_else(|| {
            entries[r].iter().find_map(|e| match e {
                Entry::Actor(a, _) => body_state(k, *a),
                _ => None,
            })
        })
    {
        return Some(Served::Known(s));
    }
    let p = st.surname(doc.tok(at))?;
    doc.actors[p].affiliation.map(Served::Doc)
}

enum Served {
    Known(usize),
    Doc(usize),
}

fn record(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    out: &mut People,
    (sentence, from, to): (usize, usize, usize),
    served: Option<Served>,
) {
    let name = doc
        .slice(doc.tokens[from].start, doc.tokens[to - 1].end)
        .to_owned();
    let known = known_by_full_name(k, doc, &name);
    let person = person_actor(doc, st, from, to, known);
    match served {
        Some(Served::Known(s)) => qualify(k, doc, st, person, None, Some(s), known),
        Some(Served::Doc(a)) => {
            qualify(k, doc, st, person, None, None, known);
            if doc.actors[person].affiliation.is_none() {
                doc.actors[person].affiliation = Some(a);
            }
        }
        None => qualify(k, doc, st, person, None, None, known),
    }
    out.hits.push(PersonHit {
        sentence,
        tok: from,
        name_start: from,
        name_end: to,
        person,
    });
}

/// Whether token `t` opens a clause a name can start: the sentence's start, a comma, a quote.
fn clause_start(doc: &Doc<'_>, t: usize, sentence_start: usize) -> bool {
    // (";", which the profile's list separator cannot hold, is checked here.)
    t == sentence_start || doc.tok(t - 1) == ";" || doc.tok_is_a(t - 1, Class::ClauseOpener)
}

/// "Russian opposition figure Aleksey Navalny", "Chinese official Li Wei": a demonym, up to
/// three lower-case words ending in a role noun, then a name. Opposition figures and other
/// private people do not serve the state; officials do.
fn after_demonym_role(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    entries: &Fitting,
    out: &mut People,
) {
    for r in 0..doc.raw.len() {
        let m = doc.raw[r];
        let Some(state) = state_entry(k, &entries[r]) else {
            continue;
        };
        if !entries[r].iter().any(|e| {
            matches!(
                e,
                super::knowledge::Entry::Actor(_, super::knowledge::Via::Demonym)
            )
        }) {
            continue;
        }
        let end = doc.sentences[m.sentence].tokens.end;
        let mut t = m.tok_end;
        let mut role = None;
        while t < end && t < m.tok_end + 3 {
            let w = doc.tok(t);
            if doc.tokens[t].kind != TokKind::Word || !w.starts_with(char::is_lowercase) {
                break;
            }
            let serves = if doc.tok_in_lex(t, Lex::PrivateRole) {
                Some(false)
            } else if doc.tok_in_lex(t, Lex::OfficialRole) {
                Some(true)
            } else if doc.tok_in_lex(t, Lex::HeadRole) {
                // "Syrian leader X" heads the state; "Haitian gang leader X", "Sudanese
                // paramilitary chief X" head something of theirs.
                Some(t == m.tok_end)
            } else {
                None
            };
            if serves.is_some() {
                role = serves;
                t += 1;
                break;
            }
            t += 1;
        }
        let Some(serves) = role else { continue };
        let name_end = scan_name(doc, t, end, false);
        if name_end == t
            || !plain_person_name(doc, t, name_end)
            || taken(out, m.sentence, t, name_end)
        {
            continue;
        }
        let opposition = (m.tok_end..t).any(|x| doc.tok_in_lex(x, Lex::Opposition));
        let served = (serves && !opposition).then_some(Served::Known(state));
        record(k, doc, st, out, (m.sentence, t, name_end), served);
    }
}

/// "WikiLeaks founder Julian Assange", "veteran diplomat Glynn Davies", "Wall Street Journal
/// reporter Evan Gershkovich": a role noun in lower case right before a name names a person,
/// whoever the words before it are. With no demonym before the role (those are
/// [`after_demonym_role`]'s) nothing says whom he serves.
fn after_role(k: &Knowledge, doc: &mut Doc<'_>, st: &mut State, out: &mut People) {
    for s in 0..doc.sentences.len() {
        if doc.sentences[s].headline {
            continue;
        }
        let range = doc.sentences[s].tokens.clone();
        for t in range.clone() {
            let w = doc.tok(t);
            let role = doc.tokens[t].kind == TokKind::Word
                && w.starts_with(char::is_lowercase)
                && (doc.tok_in_lex(t, Lex::PrivateRole)
                    || doc.tok_in_lex(t, Lex::OfficialRole)
                    || (doc.tok_in_lex(t, Lex::HeadRole) && headed_by_name(doc, t, range.start)));
            if !role {
                continue;
            }
            let end = scan_name(doc, t + 1, range.end, false);
            if end == t + 1 || !plain_person_name(doc, t + 1, end) || taken(out, s, t + 1, end) {
                continue;
            }
            record(k, doc, st, out, (s, t + 1, end), None);
        }
    }
}

/// Whether a name or an acronym comes before the head role at `t`, with at most one lower-case
/// word between ("LTTE leader", "U.N. peacekeeping chief"): "leader" and "chief" alone head
/// markets and armies as often as they name a person ("Market leader Samsung"). The sentence's
/// first word is capitalized anyway, and counts only as an acronym.
fn headed_by_name(doc: &Doc<'_>, t: usize, sentence_start: usize) -> bool {
    let mut b = t;
    for _ in 0..2 {
        if b == sentence_start {
            return false;
        }
        b -= 1;
        let w = doc.tok(b);
        // "U.N.", split by the tokenizer into letters and stops.
        if w == "." && b > sentence_start && doc.tok(b - 1).len() == 1 {
            return doc.tok(b - 1).starts_with(char::is_uppercase);
        }
        if doc.tokens[b].kind != TokKind::Word {
            return false;
        }
        if w.starts_with(char::is_uppercase) {
            let acronym = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase);
            return b > sentence_start || acronym;
        }
    }
    false
}

/// Longest role phrase before a name in apposition, in tokens back from its comma ("the
/// regional spokesperson for the U.N. High Commissioner for Refugees, X").
const ROLE_PHRASE: usize = 10;

/// Whether token `t` names a person's role: a role noun of the lexicon in lower case
/// ("journalist", "commander"), or an office the gazetteer knows ("spokesman", "chief minister").
fn role_word(doc: &Doc<'_>, entries: &Fitting, t: usize) -> bool {
    let lower = doc.tokens[t].kind == TokKind::Word && doc.tok(t).starts_with(char::is_lowercase);
    let lex = [
        Lex::PersonRole,
        Lex::PrivateRole,
        Lex::OfficialRole,
        Lex::HeadRole,
    ]
    .into_iter()
    .any(|l| doc.tok_in_lex(t, l));
    let r = doc.raw.partition_point(|m| m.tok_end <= t);
    let title = doc
        .raw
        .get(r)
        .is_some_and(|m| m.tok <= t && entries[r].iter().any(|e| matches!(e, Entry::Title(_))));
    (lower && lex) || title
}

/// The role a name after the comma at `comma` is apposed to, and the token after its
/// preposition when it has one (whom a "spokesman for the ministry" serves): "opposition journalist, X" (the role right before the
/// comma), "a spokesman for the ministry, X", "the chief minister of Gibraltar, X" (a role and
/// the phrase it heads, with no comma or verb of speech between).
fn role_before(
    doc: &Doc<'_>,
    entries: &Fitting,
    comma: usize,
    start: usize,
) -> Option<Option<usize>> {
    if comma <= start {
        return None;
    }
    if role_word(doc, entries, comma - 1) {
        return Some(None);
    }
    let mut r = comma - 1;
    while r > start && comma - r < ROLE_PHRASE {
        r -= 1;
        if matches!(doc.tok(r), "," | ";" | ":" | "(" | ")" | "\"")
            || doc.tok_in_lex(r, Lex::SpeechVerb)
        {
            return None;
        }
        let heads = doc.tok_is_a(r + 1, Class::ServicePreposition) || doc.tok(r + 1) == "for";
        if heads && role_word(doc, entries, r) {
            // "the captain of the tanker, Grace Mercury", "a reporter for the newspaper, Le
            // Figaro": after a bare common noun the name is the thing's, not a person's; not
            // after a body that acts ("the ministry").
            let last = comma - 1;
            if r + 3 == last
                && doc.tok_is_a(r + 2, Class::DefiniteArticle)
                && doc.tok(last).starts_with(char::is_lowercase)
                && !doc.tok_in_lex(last, Lex::AgentNoun)
                && !doc.tok_in_lex(last, Lex::BodyNoun)
            {
                return None;
            }
            // A private role serves no one ("a scholar of China, X"), and neither does a role
            // inside a larger phrase ("the daughter of the president of Peru, X").
            if doc.tok_in_lex(r, Lex::PrivateRole) || nested_role(doc, start, r) {
                return Some(None);
            }
            // An envoy "to" or "for" a state is posted there: the state that owns him sends him
            // ("Liberia's ambassador to the United States, X", "the UN envoy for Yemen, X").
            if matches!(doc.tok(r + 1), "to" | "for") && doc.tok_in_lex(r, Lex::EnvoyNoun) {
                return Some(possessor_before(doc, start, r));
            }
            let mut at = r + 2;
            if doc.tok_is_a(at, Class::DefiniteArticle) {
                at += 1;
            }
            return Some(ends_phrase(doc, at, comma).then_some(at));
        }
    }
    None
}

/// Whether the role at `role` sits inside a larger phrase: a preposition before it, past its
/// article and modifiers ("the widow of the former foreign minister of Chile, X").
fn nested_role(doc: &Doc<'_>, start: usize, role: usize) -> bool {
    let mut t = role;
    while t > start && matches!(doc.tok_upos(t - 1), "DET" | "ADJ") {
        t -= 1;
    }
    t > start && doc.tok_upos(t - 1) == "ADP"
}

/// Whether the name at `at` ends the role's phrase at `comma`, alone or before a body of its
/// ("the foreign minister of Sudan, X", "a spokesman for the Chadian government, X"), so that
/// the person serves it; not a thing of the state's ("the Syrian opposition", "Russia's
/// Kommersant newspaper", "Russian politics").
fn ends_phrase(doc: &Doc<'_>, at: usize, comma: usize) -> bool {
    let first = doc.raw.partition_point(|m| m.tok < at);
    let end = doc.raw[first..]
        .iter()
        .take_while(|m| m.tok == at)
        .map(|m| m.tok_end)
        .max()
        .unwrap_or(at + 1);
    end >= comma
        || super::mentions::body_noun(doc, end, comma) == Some(comma - end)
        || (doc.tok_in_lex(comma - 1, Lex::AgentNoun)
            && (end..comma - 1).all(|t| doc.tok_upos(t) == "ADJ"))
}

/// The first token of the name that owns the phrase before `role` ("Liberia" in "Liberia's
/// acting ambassador"), if a possessive stands between `start` and it.
fn possessor_before(doc: &Doc<'_>, start: usize, role: usize) -> Option<usize> {
    let p = (start + 1..role.saturating_sub(1))
        .rev()
        .find(|&t| t + 2 <= role && only_possessive(doc, t, t + 2))?;
    let before = doc.raw.partition_point(|m| m.tok < p);
    let m = doc.raw[..before].iter().rev().find(|m| m.tok_end == p)?;
    Some(m.tok)
}

/// "opposition journalist, Jane Roe, was held", "a spokesman for the ministry, John Doe, said":
/// a name of two words at least in apposition after a role, closed by punctuation, the
/// sentence's end or a verb of speech, is that person's.
fn after_role_comma(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    entries: &Fitting,
    out: &mut People,
) {
    for s in 0..doc.sentences.len() {
        if doc.sentences[s].headline {
            continue;
        }
        let range = doc.sentences[s].tokens.clone();
        for c in range.clone() {
            if doc.tok(c) != "," || c + 1 >= range.end {
                continue;
            }
            let Some(service) = role_before(doc, entries, c, range.start) else {
                continue;
            };
            let end = scan_name(doc, c + 1, range.end, false);
            let closed = end >= range.end
                || matches!(doc.tok(end), "," | "." | ";" | ":" | "(")
                || doc.tok_in_lex(end, Lex::SpeechVerb);
            if end == c + 1
                || !closed
                || !plain_person_name(doc, c + 1, end)
                || (c + 1..end).any(|t| is_place_word(&doc.lang, doc.tok(t)))
                || taken(out, s, c + 1, end)
            {
                continue;
            }
            let served = service.and_then(|at| served_at(k, doc, st, entries, at));
            record(k, doc, st, out, (s, c + 1, end), served);
        }
    }
}

/// The role apposed after the comma at `comma` ("Rabi Adelati, a senior member of Sudan's
/// ruling party", "Jens Olsen, adviser at the Norwegian foreign ministry"), with whom it serves
/// when a preposition of service or workplace names a state, a government body or a known
/// person; `None` when no role of the lexicon `person_role` follows.
fn role_after_comma(
    k: &Knowledge,
    doc: &Doc<'_>,
    st: &State,
    entries: &Fitting,
    comma: usize,
    end: usize,
) -> Option<Option<Served>> {
    let mut j = comma + 1;
    if doc.tok_is_a(j, Class::Article) {
        j += 1;
    }
    let role = (j..(j + 3).min(end))
        .take_while(|&x| {
            doc.tok_in_lex(x, Lex::PersonRole)
                || (doc.tokens[x].kind == TokKind::Word
                    && doc.tok(x).starts_with(char::is_lowercase))
        })
        .find(|&x| doc.tok_in_lex(x, Lex::PersonRole))?;
    let mut at = role + 1;
    let service = doc.tok_is_a(at, Class::ServicePreposition);
    if !(service || doc.tok_is_a(at, Class::WorkplacePreposition)) {
        return Some(None);
    }
    at += 1;
    if doc.tok_is_a(at, Class::DefiniteArticle) {
        at += 1;
    }
    // Where he works ("at", "from") is whom he serves only when the state or its body ends the
    // phrase ("adviser at the Norwegian foreign ministry", not "a researcher at the Russian
    // Academy of Sciences").
    let stop = (at..end)
        .find(|&t| matches!(doc.tok(t), "," | "." | ";" | ":" | "("))
        .unwrap_or(end);
    if !service && !ends_phrase(doc, at, stop) {
        return Some(None);
    }
    Some(served_at(k, doc, st, entries, at))
}

/// People named in apposition with a role noun, or as the speaker of a reporting verb.
pub(crate) fn find(
    k: &Knowledge,
    doc: &mut Doc<'_>,
    st: &mut State,
    entries: &Fitting,
    out: &mut People,
) {
    after_demonym_role(k, doc, st, entries, out);
    after_role(k, doc, st, out);
    after_role_comma(k, doc, st, entries, out);
    for s in 0..doc.sentences.len() {
        if doc.sentences[s].headline {
            continue;
        }
        let range = doc.sentences[s].tokens.clone();
        for t in range.clone() {
            let w = doc.tok(t);
            // "Rabi Adelati, a senior member of Sudan's ruling party".
            if w == "," && t > range.start {
                let Some(served) = role_after_comma(k, doc, st, entries, t, range.end) else {
                    continue;
                };
                let from = scan_name_back(doc, t, range.start, false);
                if !clause_start(doc, from, range.start)
                    || !plain_person_name(doc, from, t)
                    || taken(out, s, from, t)
                {
                    continue;
                }
                record(k, doc, st, out, (s, from, t), served);
                continue;
            }
            if !doc.tok_in_lex(t, Lex::SpeechVerb) {
                continue;
            }
            // "..., said Jane Doe." / "Jane Doe says".
            let after = scan_name(doc, t + 1, range.end, false);
            let closes = after >= range.end
                || matches!(doc.tok(after), "," | ".")
                || doc.tok_is_a(after, Class::WorkplacePreposition);
            if after > t + 1
                && closes
                && t > range.start
                && doc.tok_in(t - 1, &[",", "\u{201d}", "\""])
                && plain_person_name(doc, t + 1, after)
                && !taken(out, s, t + 1, after)
            {
                // "..., said Jens Olsen, adviser at the Norwegian foreign ministry."
                let served = (after < range.end && doc.tok(after) == ",")
                    .then(|| role_after_comma(k, doc, st, entries, after, range.end))
                    .flatten()
                    .flatten();
                record(k, doc, st, out, (s, t + 1, after), served);
                continue;
            }
            // The name may be followed by where the speaker works: "Justin Logan at the Cato
            // Institute says".
            let mut end = t;
            let mut x = t;
            while x > range.start && t - x < 8 {
                x -= 1;
                if doc.tok_is_a(x, Class::WorkplacePreposition) {
                    end = x;
                }
            }
            for cand in [t, end] {
                if cand <= range.start {
                    continue;
                }
                let back = scan_name_back(doc, cand, range.start, false);
                // "Ms Bauchtman said": the title marks a person but is not his name.
                let (from, lead, least) = match after_honorific(doc, back, cand, range.start) {
                    Some((name, title)) => (name, title, 1),
                    None => (back, back, 2),
                };
                if from < cand
                    && clause_start(doc, lead, range.start)
                    && person_name(doc, from, cand, least)
                    && !taken(out, s, from, cand)
                    && (cand == t
                        || (cand..t)
                            .all(|y| !doc.tok_in_lex(y, Lex::SpeechVerb) && doc.tok(y) != ","))
                {
                    record(k, doc, st, out, (s, from, cand), None);
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {

    use chrono::NaiveDate;

    use crate::ArticleMeta;

    fn people(text: &str) -> Vec<(String, Option<String>)> {
        let meta = ArticleMeta {
            published: NaiveDate::from_ymd_opt(2012, 4, 24),
            ..ArticleMeta::default()
        };
        let x = crate::test_support::extractor()
            .extract(text, &meta)
            .expect("extracts");
        x.actors
            .iter()
            .filter(|a| a.kind == polemos_core::model::ActorKind::Person)
            .map(|a| {
                let short = |n: &str| n.trim_start_matches("actors/").to_owned();
                (short(&a.name), a.affiliation.as_deref().map(short))
            })
            .collect()
    }

    #[test]
    fn a_courtesy_title_marks_a_speaker_but_is_not_his_name() {
        let found: Vec<String> = people(
            "Salt was short. Ms Bauchtman said the salt was fine. Dr. Jane Smith said so too.",
        )
        .into_iter()
        .map(|(name, _)| name)
        .collect();
        assert_eq!(found, ["bauchtman", "jane-smith"]);
    }

    #[test]
    fn a_name_in_apposition_with_a_role_is_a_person_of_the_state_after_it() {
        let found = people(
            "Tensions rose on Monday. Rabi Adelati, a senior member of Sudan's ruling party, \
             denied it.",
        );
        assert!(
            found.contains(&("rabi-adelati".into(), Some("SDN".into()))),
            "{found:?}"
        );
        let found = people(
            "President Omar al-Bashir spoke. Ibrahim Mohamud Hamid, a senior assistant to \
             Bashir, said talks would go on.",
        );
        assert!(
            found.contains(&("ibrahim-mohamud-hamid".into(), Some("SDN".into()))),
            "{found:?}"
        );
    }

    #[test]
    fn a_bare_name_that_reports_is_a_person_but_an_institute_is_not() {
        let found = people("Justin Logan at the Cato Institute says the move is risky.");
        assert!(found.contains(&("justin-logan".into(), None)), "{found:?}");
        assert!(!found.iter().any(|(i, _)| i.contains("cato")), "{found:?}");
        let found = people("\"It is risky,\" said Jane Doe. The Security Council said no.");
        let none = people("Doctors Without Borders said the camp was full.");
        assert!(none.is_empty(), "{none:?}");
        assert!(found.contains(&("jane-doe".into(), None)), "{found:?}");
        assert!(
            !found.iter().any(|(i, _)| i.contains("security")),
            "{found:?}"
        );
    }

    #[test]
    fn a_demonym_and_a_role_before_a_name() {
        let found = people("Talks began. Russian opposition figure Aleksey Navalny was poisoned.");
        assert!(
            found.contains(&("aleksey-navalny".into(), None)),
            "{found:?}"
        );
        let found = people(
            "Talks began. A Chinese official, Li Wei, spoke. Chinese official Zhang Ming spoke.",
        );
        assert!(
            found.contains(&("zhang-ming".into(), Some("CHN".into()))),
            "{found:?}"
        );
    }

    #[test]
    fn a_role_noun_before_a_name_names_a_person_without_a_state() {
        let found = people(
            "Talks began. Veteran border negotiator Marta Kovacs wrote. \
             The union wants newspaper reporter Tomas Brandt freed, and former army officer \
             Ilya Petrenko agreed. Chinese army officer Wei Dong spoke.",
        );
        for name in ["marta-kovacs", "tomas-brandt", "ilya-petrenko"] {
            assert!(found.contains(&(name.into(), None)), "{name}: {found:?}");
        }
        // With a demonym before it, an official's role says whom he serves.
        assert!(
            found.contains(&("wei-dong".into(), Some("CHN".into()))),
            "{found:?}"
        );
    }

    #[test]
    fn a_leader_or_chief_names_a_person_after_a_name_or_a_demonym() {
        // "leader" and "chief" head firms and armies as often as they name a person: alone
        // neither makes the next name a person.
        let found = people(
            "Talks began. Market leader Samsung Electronics said sales fell. \
             Sudan's army chief Omar Hamid spoke. The market leader Lotte Mart grew.",
        );
        assert!(found.is_empty(), "{found:?}");
        // After a name or an acronym they are a person's role; after a demonym, the state's.
        let found = people(
            "Talks began. Rebels said LTTE leader Velupillai Prabhakaran was alive. \
             The U.N. peacekeeping chief Herve Ladsous spoke. Syrian leader Omar Hamid spoke.",
        );
        for (name, state) in [
            ("velupillai-prabhakaran", None),
            ("herve-ladsous", None),
            ("omar-hamid", Some("SYR".to_owned())),
        ] {
            assert!(found.contains(&(name.into(), state)), "{name}: {found:?}");
        }
        // With words between the demonym and the role, he heads something else of theirs.
        let found = people("Talks began. Haitian gang leader Jimmy Cherizier threatened them.");
        assert!(
            found.contains(&("jimmy-cherizier".into(), None)),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_in_apposition_after_a_role_is_a_person() {
        let found = people(
            "Talks began. Police held the dissident blogger, Petra Lindqvist, at the airport. \
             A spokesman for the ministry, Omar Haddad, said no talks were planned. \
             The rebels named a new commander, Tomas Ruiz.",
        );
        for name in ["petra-lindqvist", "omar-haddad", "tomas-ruiz"] {
            assert!(found.iter().any(|(n, _)| n == name), "{name}: {found:?}");
        }
        // The office of a state, or a body of its government, says whom he serves.
        let found = people(
            "Talks began. The foreign minister of Sudan, Ali Karti, spoke. \
             A spokesman for the Chadian government, Idriss Mahamat, replied. \
             A spokeswoman for the U.S. State Department, Jane Roe, declined to comment.",
        );
        assert!(
            found.contains(&("jane-roe".into(), Some("USA".into()))),
            "{found:?}"
        );
        assert!(
            found.contains(&("ali-karti".into(), Some("SDN".into()))),
            "{found:?}"
        );
        assert!(
            found.contains(&("idriss-mahamat".into(), Some("TCD".into()))),
            "{found:?}"
        );
        // A speaker after a quote, with his role at a body of a state.
        let found = people(
            "Talks began. \"It is true,\" said Jens Olsen, adviser at the Norwegian foreign \
             ministry.",
        );
        assert!(
            found.contains(&("jens-olsen".into(), Some("NOR".into()))),
            "{found:?}"
        );
        // Nor one who works at a state's academy.
        let found = people(
            "Talks began. \"It is true,\" said Jens Olsen, a researcher at the Norwegian \
             Academy of Sciences.",
        );
        assert!(found.contains(&("jens-olsen".into(), None)), "{found:?}");
        // An ambassador "to" a state is his own state's.
        let found = people(
            "Talks began. The charge came from Chad's ambassador to the United States, \
             Mahamat Kaya, on Monday.",
        );
        assert!(
            found.contains(&("mahamat-kaya".into(), Some("TCD".into()))),
            "{found:?}"
        );
    }

    #[test]
    fn an_apposed_name_serves_only_the_state_whose_role_it_holds() {
        // A group, a thing or a subject of the state's; a private role; a role inside a larger
        // phrase; an envoy posted to the state: the person, but not the state's.
        let found = people(
            "Talks began. A spokesman for the Chilean opposition, Karim Haddad, spoke. \
             A correspondent for Chile's largest newspaper, Pavel Orlov, wrote. \
             A longtime scholar of Peru, Helen Marsh, disagreed. \
             The daughter of the president of Peru, Lucia Romero, left. \
             The UN envoy for Chile, Thomas Lindgren, arrived.",
        );
        for name in [
            "karim-haddad",
            "pavel-orlov",
            "helen-marsh",
            "lucia-romero",
            "thomas-lindgren",
        ] {
            assert!(found.contains(&(name.into(), None)), "{name}: {found:?}");
        }
        // The name of a thing apposed to its noun is no person.
        let found = people(
            "Talks began. The captain of the tanker, Grace Mercury, said the crew was safe. \
             A reporter for the newspaper, Le Figaro, asked.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_phrase_after_a_role_and_a_comma_that_is_no_name_is_no_person() {
        // A common noun phrase, a place, or a name that runs on into more words is not
        // apposed to the role.
        let found = people(
            "Talks began. Like any journalist, Harbor Town residents were worried. \
             The letter came from the coordinator, Lakeside County School District. \
             He met the commander, Fort Lake Base troops cheered. \
             They asked the official, the minister and the clerk to leave.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_editors_brackets_do_not_cut_a_name() {
        let meta = ArticleMeta {
            published: NaiveDate::from_ymd_opt(2012, 4, 24),
            ..ArticleMeta::default()
        };
        let x = crate::test_support::extractor()
            .extract("\"President Salva (Kiir) is committed,\" he said.", &meta)
            .expect("extracts");
        let kiir = x.actors.iter().find(|a| a.name == "actors/salva-kiir");
        assert_eq!(
            kiir.and_then(|a| a.affiliation.as_deref()),
            Some("actors/SSD"),
            "{:?}",
            x.actors
        );
    }
}
