//! Acts agreed to: "Chad and Sudan have agreed to ... establish mechanisms", "an agreement to
//! establish a maritime boundary". The agreement is the act; what it is to bring about is not
//! done yet.

use crate::ir::{Doc, Item, ItemKind};
use crate::knowledge::Knowledge;
use crate::lang::Class;
use polemos_core::model::PloverType;

/// How many links of coordination are climbed from a cue to the verb it is coordinated with.
const CONJ_REACH: usize = 4;

/// Whether the cue `items[at]` is the infinitive of an agreement cue before it (a verb or a noun
/// of the data's AGREE rows): right after it and "to" ("agreed to establish", "an agreement to
/// establish"), or, in the parse, the complement of its word or coordinated with that complement
/// ("have agreed to prevent ... and to establish mechanisms").
pub(super) fn agreed_upon(k: &Knowledge, doc: &Doc<'_>, items: &[Item], at: usize) -> bool {
    let cue = &items[at];
    let agreements: Vec<&Item> = items[..at]
        .iter()
        .filter(|x| {
            x.tok_end <= cue.tok
                && matches!(x.kind, ItemKind::Event(e) if k.events[e].event_type == PloverType::Agree)
        })
        .collect();
    if agreements.is_empty() || cue.tok == 0 {
        return false;
    }
    let to = cue.tok - 1;
    if doc.tok_is_a(to, Class::InfinitiveMarker)
        && agreements
            .iter()
            .any(|x| x.tok_end == cue.tok || x.tok_end == to)
    {
        return true;
    }
    let p = &doc.parse;
    let Some(mut v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    for _ in 0..CONJ_REACH {
        match p.head(v) {
            Some(h) if p.has_rel(v, "conj") => v = h,
            _ => break,
        }
    }
    // An infinitive, marked by "to": not a participle on the agreement ("the agreement,
    // welcomed by Egypt, ...").
    let infinitive = p.dependents(v).any(|d| {
        p.has_rel(d, "mark")
            && p.token(d).is_some_and(|t| {
                doc.lang
                    .is(Class::InfinitiveMarker, &t.text.to_ascii_lowercase())
            })
    });
    if !(p.has_rel(v, "xcomp") || p.has_rel(v, "acl")) || !infinitive {
        return false;
    }
    p.head(v).and_then(|h| p.token(h)).is_some_and(|t| {
        agreements
            .iter()
            .any(|x| x.start <= t.start && t.start < x.end)
    })
}
