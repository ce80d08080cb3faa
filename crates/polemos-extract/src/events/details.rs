//! When, where and about what an event is: whether it is planned, negated by its subjects, its
//! date (the nearest that fits its status), its place and venue, and the issues and contexts the
//! sentence names.

use chrono::NaiveDate;

use crate::ir::{DateMention, Doc, Item, ItemKind};
use crate::knowledge::{Args, Cue, Knowledge};
use crate::lang::Class;
use crate::lexicon::Lex;
use crate::output::Clause;
use polemos_core::model::{DisputeKind, EventStatus, FuzzyDate};

use super::issue_name;

pub(super) fn fits(date: &DateMention, status: EventStatus, published: Option<NaiveDate>) -> bool {
    match (date.date, published) {
        (Some(d), Some(p)) => match status {
            EventStatus::Planned => d >= p,
            EventStatus::Past => d <= p,
        },
        _ => true,
    }
}

pub(super) fn is_planned(items: &[Item], at: usize, clause: &Clause, args: Args) -> bool {
    if clause.hope {
        return true;
    }
    let cue = items[at];
    let plan_before = |window: usize| {
        items[..at].iter().rev().any(|it| {
            matches!(it.kind, ItemKind::Cue(Cue::Plan))
                && it.start >= clause.start
                && cue.tok.saturating_sub(it.tok_end) <= window
        })
    };
    match args {
        Args::Svo | Args::By | Args::Dyad => plan_before(6),
        Args::Noun => {
            plan_before(2)
                || items[at + 1..]
                    .iter()
                    .any(|it| matches!(it.kind, ItemKind::Cue(Cue::Plan)) && it.start < clause.end)
        }
    }
}

/// "Neither X nor Y boycotted ...": the subjects are negated, and so is their act.
pub(super) fn neither_subject(doc: &Doc<'_>, items: &[Item], at: usize, sources: &[usize]) -> bool {
    items[..at]
        .iter()
        .find(|x| matches!(x.kind, ItemKind::Actor { actor, .. } if sources.contains(&actor)))
        .is_some_and(|x| x.tok > 0 && doc.tok_is_a(x.tok - 1, Class::Neither))
}

/// Whether the negator `neg` is a subordinator or preposition ("without") whose phrase leaves
/// out the cue: "without firing a shot, captured six soldiers" negates the firing, not the
/// capture. Read on the parse: the word it marks is not the cue nor above it.
pub(super) fn negates_another(doc: &Doc<'_>, neg: &Item, cue: &Item) -> bool {
    let p = &doc.parse;
    let (Some(n), Some(c)) = (p.word_at(neg.start), p.word_at(cue.start)) else {
        return false;
    };
    if !(p.has_rel(n, "mark") || p.has_rel(n, "case")) {
        return false;
    }
    let Some(marked) = p.head(n) else {
        return false;
    };
    let mut x = c;
    for _ in 0..16 {
        if x == marked {
            return false;
        }
        match p.head(x) {
            Some(h) => x = h,
            None => return true,
        }
    }
    false
}

/// Whether the negator `neg` negates another verb before the cue, one of a clause of its own:
/// "Chile, which has never recognized the ruling, condemned Peru", "Putin, whose government
/// insists the jet never entered Turkish airspace, accused Ankara". Read on the parse: the
/// negator hangs from a verb between it and the cue (so a negating verb, "when Iran declined to
/// meet", hanging from a verb before it is no such negator), and the cue verb does not share
/// that verb's negation through `xcomp`, `conj`, `ccomp` or an infinitive of purpose
/// (`advcl` marked by an `infinitive_marker`, without a subject of its own) ("did not want to
/// condemn", "did not condemn or criticize", "did not say it would condemn", "has not bought
/// oil to support" stay negated), nor is a participle (`acl`) on the negated verb's object
/// ("did not sign the statement criticizing Russia"). A negator that is itself a verb
/// ("denied", "refused to") negates no verb joined to it by `conj`.
pub(super) fn negates_another_verb(doc: &Doc<'_>, neg: &Item, cue: &Item) -> bool {
    let p = &doc.parse;
    let (Some(n), Some(c)) = (p.word_at(neg.start), p.word_at(cue.start)) else {
        return false;
    };
    let is_verb = |w| p.token(w).is_some_and(|t| t.upos == "VERB");
    // A negating verb ("deny", "refused to") negates what it governs, not a verb joined to it:
    // "deny involvement and have been pressuring Kyrgyzstan" does pressure. A bare infinitive
    // or one marked "to" ("refused to sanction Peru and to threaten Bolivia", where the parser
    // may join it to "refused") continues what is refused.
    let infinitive = |w| {
        p.token(w).is_some_and(|t| t.xpos == "VB")
            || p.marked_by(w, crate::lang::Class::InfinitiveMarker)
    };
    if is_verb(n) && is_verb(c) && !infinitive(c) && c != n && p.conjuncts(n).contains(&c) {
        return true;
    }
    let Some(verb) = p.head(n) else {
        return false;
    };
    if verb == c || !is_verb(verb) || !is_verb(c) || n.index >= verb.index || verb.index >= c.index
    {
        return false;
    }
    let mut x = c;
    for _ in 0..16 {
        if p.token(x).is_some_and(|t| t.deprel == "acl") && !p.has_own_subject(x) {
            // A participle on the negated verb's object shares its negation.
            let object = p.head(x);
            return !object.is_some_and(|o| p.has_rel(o, "obj") && p.head(o) == Some(verb));
        }
        let purpose = p.has_rel(x, "advcl")
            && p.marked_by(x, crate::lang::Class::InfinitiveMarker)
            && !p.has_own_subject(x);
        if !(p.has_rel(x, "xcomp") || p.has_rel(x, "conj") || p.has_rel(x, "ccomp") || purpose) {
            return true;
        }
        // "Pakistan did not retaliate, but it accused India": a conjunct with a subject of its
        // own is a clause of its own, as `event_args`' `negated` reads it on the tree.
        if p.has_rel(x, "conj") && p.has_own_subject(x) {
            return true;
        }
        match p.head(x) {
            Some(h) if h == verb => return false,
            Some(h) => x = h,
            None => return true,
        }
    }
    true
}

/// Whether the negator `neg` negates a verb of ending (`ending_verb`, in one of its
/// inflections) between it and the cue rather than the cue: "have never stopped cooperating",
/// "did not cease to cooperate" (the tree reads the double negation, `event_args::negated`).
pub(super) fn negates_an_ending(doc: &Doc<'_>, neg: &Item, cue: &Item) -> bool {
    (neg.tok_end..cue.tok).any(|t| {
        let w = doc.tok(t).to_ascii_lowercase();
        doc.lexicon.words(Lex::EndingVerb).any(|v| inflects(&w, v))
    })
}

/// Whether `word` is the verb `verb` or one of its regular inflections ("stopped", "ceases",
/// "halting"), not merely a word that starts like it ("stopover", "ceasefire", "quite").
fn inflects(word: &str, verb: &str) -> bool {
    if let Some(stem) = verb.strip_suffix('e') {
        return word
            .strip_prefix(stem)
            .is_some_and(|rest| matches!(rest, "e" | "es" | "ed" | "ing"));
    }
    let Some(rest) = word.strip_prefix(verb) else {
        return false;
    };
    // A doubled final consonant: "stopped", "quitting".
    let rest = match (verb.chars().last(), rest.chars().next()) {
        (Some(a), Some(b)) if a == b => &rest[b.len_utf8()..],
        _ => rest,
    };
    matches!(rest, "" | "s" | "es" | "ed" | "ing")
}

/// The date of the event at `cue`: the nearest date of its sentence that fits its status (not a
/// deadline), preferring its own clause.
pub(super) fn date(
    doc: &Doc<'_>,
    items: &[Item],
    cue: &Item,
    clause: &Clause,
    status: EventStatus,
) -> Option<FuzzyDate> {
    let mut best: Option<(usize, &DateMention)> = None;
    for x in items {
        if let ItemKind::Date(d) = x.kind {
            let dm = &doc.dates[d];
            let deadline = dm.qualifier == Some("end");
            if deadline || !fits(dm, status, doc.published) {
                continue;
            }
            let dist = x.tok.abs_diff(cue.tok)
                + if x.start >= clause.start && x.start < clause.end {
                    0
                } else {
                    1000
                };
            if best.is_none_or(|(b, _)| dist < b) {
                best = Some((dist, dm));
            }
        }
    }
    best.and_then(|(_, dm)| {
        dm.date.map(|date| FuzzyDate {
            date,
            precision: dm.precision,
        })
    })
}

/// The place of an event of the sentence `items`: its location, else its venue's; and the venue.
pub(super) fn place(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
) -> (Option<String>, Option<usize>) {
    let location = items.iter().find_map(|x| match x.kind {
        ItemKind::Location => Some(doc.slice(x.start, x.end).to_owned()),
        _ => None,
    });
    let venue = items.iter().find_map(|x| match x.kind {
        ItemKind::Venue(v) => Some(v),
        _ => None,
    });
    let location = location.or_else(|| venue.and_then(|v| k.venues[v].location.clone()));
    (location, venue)
}

/// The issues the sentence `s` names under its dispute, and the cue's contexts, with
/// "territory" added when the sentence names land of a known territorial or maritime dispute.
pub(super) fn issues_and_contexts(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    s: usize,
    cue: &crate::knowledge::EventCue,
) -> (Vec<String>, Vec<String>) {
    let dispute = doc.sentence_dispute.get(s).copied().flatten();
    let mut issues: Vec<String> = Vec::new();
    let mut territorial_here = false;
    for x in items {
        match x.kind {
            ItemKind::Topic(t) => {
                if k.topics[t].id == "sovereignty" {
                    territorial_here = true;
                }
                if let Some(name) = issue_name(k, doc, s, t)
                    && !issues.contains(&name)
                {
                    issues.push(name);
                }
            }
            ItemKind::DisputeName(..) | ItemKind::DisputePart(_) => territorial_here = true,
            _ => {}
        }
    }
    let mut contexts = cue.contexts.clone();
    if territorial_here
        && dispute
            .and_then(|d| doc.disputes[d].known)
            .is_some_and(|d| {
                matches!(
                    k.disputes[d].kind,
                    DisputeKind::Territorial | DisputeKind::Maritime
                )
            })
        && !contexts.iter().any(|c| c == "territory")
    {
        contexts.push("territory".into());
    }
    (issues, contexts)
}

#[cfg(test)]
mod inflection_tests {
    use super::inflects;

    #[test]
    fn a_verb_of_ending_is_known_by_its_inflections_only() {
        for (word, verb) in [
            ("stopped", "stop"),
            ("stopping", "stop"),
            ("stops", "stop"),
            ("ceased", "cease"),
            ("ceasing", "cease"),
            ("quit", "quit"),
            ("halted", "halt"),
        ] {
            assert!(inflects(word, verb), "{word} {verb}");
        }
        for (word, verb) in [
            ("stopover", "stop"),
            ("ceasefire", "cease"),
            ("quite", "quit"),
        ] {
            assert!(!inflects(word, verb), "{word} {verb}");
        }
    }
}
