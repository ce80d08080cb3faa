//! Whom a person found in the text acts for: the state or organization named around the title
//! ("Japanese Foreign Minister", "Morocco's U.N. Ambassador", "President of the United States"),
//! or, for a surname after a title, the office holder the data knows for the article's date.

use std::collections::HashSet;

use super::ir::Doc;
use super::knowledge::{Entry, Knowledge};
use super::lang::Class;
use super::lexicon::Lex;
use super::mention_rules::in_feature_name;
use super::mentions::{Fitting, only_possessive, state_entry};
use polemos_core::model::ActorKind;

/// The state hit right before title hit `r` (maybe with its possessive and a few modifiers).
pub(crate) fn state_before(
    k: &Knowledge,
    doc: &Doc<'_>,
    entries: &Fitting,
    r: usize,
) -> Option<usize> {
    let m = doc.raw[r];
    // At most one organization acronym in between ("Morocco's U.N. Ambassador").
    for back in 1..=2 {
        let p = r.checked_sub(back)?;
        let prev = doc.raw[p];
        if prev.sentence != m.sentence {
            return None;
        }
        if state_entry(k, &entries[p]).is_some() {
            // "New Mexico Governor Bill Richardson": a place named after the state is not it.
            let sentence = doc.sentences[m.sentence].tokens.clone();
            if in_feature_name(doc, prev.tok, prev.tok_end, sentence) {
                return None;
            }
            let mut from = prev.tok_end;
            if only_possessive(doc, from, (from + 2).min(m.tok)) {
                from = (from + 2).min(m.tok);
            }
            let fits = m.tok.saturating_sub(from) <= 4
                && (from..m.tok)
                    .all(|t| doc.tok_is_a(t, Class::TitleModifier) || office_word(doc, t));
            return fits.then_some(p);
        }
        let org_acronym = entries[p].iter().any(|e| {
            matches!(e, Entry::Actor(a, _) if k.actors[*a].kind == ActorKind::InternationalOrganization)
        }) && prev.tok_end == m.tok;
        if !org_acronym {
            return None;
        }
    }
    None
}

/// Whether token `t` is a lower-case noun or adjective that names the office before a title
/// ("Somalia's information minister", "Colombia's national police director"): the parse tags
/// it, so a verb or a preposition between a state and a title still keeps them apart.
fn office_word(doc: &Doc<'_>, t: usize) -> bool {
    // "opposition leader", "separatist leader": no office of the state.
    doc.tok(t).starts_with(char::is_lowercase)
        && !doc.tok_in_lex(t, Lex::Opposition)
        && matches!(doc.tok_upos(t), "NOUN" | "ADJ")
}

/// An international organization, a political or an armed group right before title hit `r`
/// ("U.N. special envoy", "Somaliland President"), or the
/// state of a government body there ("U.S. State Department Spokesperson": the body's name
/// swallows the title's own, so the spokesperson is the body's state's).
pub(crate) fn org_before(
    k: &Knowledge,
    doc: &Doc<'_>,
    entries: &Fitting,
    r: usize,
) -> Option<usize> {
    let m = doc.raw[r];
    let p = r.checked_sub(1)?;
    let prev = doc.raw[p];
    let fits = prev.sentence == m.sentence
        && m.tok.saturating_sub(prev.tok_end) <= 2
        && (prev.tok_end..m.tok).all(|t| doc.tok_is_a(t, Class::TitleModifier));
    fits.then(|| {
        entries[p].iter().find_map(|e| match e {
            // "U.N. special envoy", "Somaliland President", "Hamas spokesman": the body's own.
            Entry::Actor(a, _)
                if matches!(
                    k.actors[*a].kind,
                    ActorKind::InternationalOrganization
                        | ActorKind::PoliticalGroup
                        | ActorKind::ArmedGroup
                ) =>
            {
                Some(*a)
            }
            Entry::Actor(a, _) if k.actors[*a].kind == ActorKind::GovernmentBody => {
                k.actors[*a].country.as_deref().and_then(|c| k.actor(c))
            }
            _ => None,
        })
    })?
}

/// The state after a title or name: "President of the United States", "Prime Minister Abiy of
/// Ethiopia", "spokesman for the Indonesian military".
pub(crate) fn state_of_after(
    k: &Knowledge,
    doc: &Doc<'_>,
    entries: &Fitting,
    tok: usize,
    next_raw: usize,
) -> Option<usize> {
    if !doc.tok_is_a(tok, Class::OfficePreposition) {
        return None;
    }
    let r = doc.raw.get(next_raw)?;
    let at = if doc.tok_is_a(tok + 1, Class::DefiniteArticle) {
        tok + 2
    } else {
        tok + 1
    };
    (r.tok == at).then(|| state_entry(k, &entries[next_raw]))?
}

/// A known person whose family (or given) name is `word`, who held a government office on the
/// article's date for a state the text names (the one before the title when there is one):
/// "President Aliyev" in 2022 is Ilham Aliyev. Among several office holders, the one the data
/// also counts among the country's elite (a leader rather than a deputy minister), if only one is.
pub(crate) fn known_by_surname(
    k: &Knowledge,
    doc: &Doc<'_>,
    word: &str,
    state: Option<usize>,
    named: &HashSet<&str>,
) -> Option<usize> {
    let day = doc.published?;
    let want = state.map(|s| k.actors[s].id.as_str());
    let candidates: Vec<usize> = k
        .people_by_word(word)
        .iter()
        .copied()
        .filter(|&p| {
            k.people[p].tenure_at(Some(day)).is_some_and(|t| {
                t.from.is_none_or(|f| f <= day)
                    && t.to.is_none_or(|e| day <= e)
                    && t.role.starts_with("GOV")
                    && want.map_or(named.contains(t.of.as_str()), |w| w == t.of)
            })
        })
        .collect();
    match candidates.as_slice() {
        [one] => Some(*one),
        [] => None,
        many => {
            let elite: Vec<usize> = many
                .iter()
                .copied()
                .filter(|&p| k.people[p].tenures.iter().any(|t| t.role == "ELI"))
                .collect();
            (elite.len() == 1).then(|| elite[0])
        }
    }
}
