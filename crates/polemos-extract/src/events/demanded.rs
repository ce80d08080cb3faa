//! Requests made without a verb of asking: an obligation put on another in a reported clause
//! ("the United States said Pyongyang must halt its program") is the reporter's demand of the
//! obliged party (`event_args::demands`).

use std::cell::OnceCell;

use super::{Index, add_voiced};
use crate::attribution::{clause_at, resolve};
use crate::event_args::{self, Who};
use crate::ir::{Doc, Item};
use crate::knowledge::Knowledge;
use crate::output::EventFact;
use crate::syntax::{Subject, subject_before};
use polemos_core::model::PloverType;

/// Codes the demands of sentence `s` as requests and adds them to `out`. `author`: who "we" is
/// when no speaker is named.
pub(super) fn code(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    s: usize,
    author: &OnceCell<Option<usize>>,
    out: &mut Vec<EventFact>,
    index: &mut Index,
) {
    let Some(demand) = k.plain_event(PloverType::Request, "demand", None) else {
        return;
    };
    // "He said all Iranian diplomats must leave the country": envoys of another state told to
    // leave are expelled (CAMEO 161), as `event_args::sanction_verb` reads "ordered ... to leave".
    let expel = k.plain_event(PloverType::Sanction, "sanction", Some("161"));
    for d in event_args::demands(doc, items, s) {
        let Some(clause) = clause_at(&doc.clauses, s, d.start) else {
            continue;
        };
        let actors = |w: &Who, except: &[usize]| -> Vec<usize> {
            match w {
                Who::Actors(a) => a.clone(),
                Who::We => clause
                    .speaker
                    .or_else(|| *author.get_or_init(|| event_args::author(doc)))
                    .into_iter()
                    .collect(),
                Who::Parties => event_args::parties_of(k, doc, s, d.start, except),
                Who::Pronoun(p, at) => {
                    let pronoun = Subject::Pronoun(*p, Some(doc.token_at(*at)));
                    resolve(doc, &pronoun, clause.speaker, s).unwrap_or_default()
                }
                Who::Nobody | Who::Other => Vec::new(),
            }
        };
        let mut sources = actors(&d.source, &[]);
        if d.source.is_nobody()
            && let Some(at) = items.iter().position(|x| x.start == d.reporter)
        {
            let floor = doc.sentences[s].tokens.start;
            let subject = subject_before(doc, items, at, floor);
            sources = resolve(doc, &subject, clause.speaker, s).unwrap_or_default();
        }
        let targets = actors(&d.target, &sources);
        let cue = match expel {
            Some(c) if d.expel => c,
            _ => demand,
        };
        // An obligation read from a reported clause is less certain than an asking verb.
        add_voiced(
            doc,
            out,
            index,
            cue,
            (s, (d.start, d.end)),
            clause,
            &sources,
            &targets,
        );
    }
}
