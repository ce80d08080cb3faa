//! Dispute stage: which known disputes the document is about, by any of their names, by their
//! parts, or by a reference that says the kind of dispute and names its parties ("the
//! territorial dispute between Russia and Japan", "the name dispute between their two
//! countries" after their two leaders are named), and
//! whose framing each name carries ("Northern Territories" is Japan's, "Southern Kurils" Russia's).
//! A text that names no known dispute gets a proposed one (see [`super::proposed`]).

use std::collections::HashMap;

use super::ir::{Doc, ItemKind};
use super::knowledge::Knowledge;
use super::lexicon::Lex;
use super::output::{DisputeFact, FramingMention, FramingSummary, PartyCount};
use polemos_core::model::{DisputeKind, Span};

fn fact<'a>(
    k: &Knowledge,
    facts: &'a mut Vec<DisputeFact>,
    index: &mut HashMap<usize, usize>,
    d: usize,
) -> &'a mut DisputeFact {
    let i = *index.entry(d).or_insert_with(|| {
        facts.push(DisputeFact {
            name: format!("disputes/{}", k.disputes[d].id),
            title: k.disputes[d].title.clone(),
            mentions: Vec::new(),
            parts: Vec::new(),
            framing: FramingSummary::default(),
            weight: 0,
            known: Some(d),
            parties: Vec::new(),
            proposed: false,
        });
        facts.len() - 1
    });
    &mut facts[i]
}

/// The kind of dispute sentence `s` names with a word right before a dispute word ("the name
/// dispute", "a territorial dispute").
fn kind_said(doc: &Doc<'_>, s: usize) -> Option<DisputeKind> {
    let kinds = [
        (Lex::DisputeKindNaming, DisputeKind::Naming),
        (Lex::DisputeKindTerritorial, DisputeKind::Territorial),
        (Lex::DisputeKindMaritime, DisputeKind::Maritime),
    ];
    let tokens = doc.sentences[s].tokens.clone();
    tokens
        .clone()
        .filter(|&t| t > tokens.start && doc.tok_in_lex(t, Lex::DisputeWord))
        .find_map(|t| {
            kinds
                .iter()
                .find(|(lex, _)| doc.tok_in_lex(t - 1, *lex))
                .map(|&(_, kind)| kind)
        })
}

/// Finds the disputes of the document and the dispute of each sentence.
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let by_party = &k.disputes_by_party;
    let mut facts: Vec<DisputeFact> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut explicit: Vec<Option<usize>> = vec![None; doc.sentences.len()];
    let mut parties_here: Vec<&str> = Vec::new();
    let mut by_parties: Vec<Option<usize>> = vec![None; doc.sentences.len()];
    #[allow(clippy::needless_range_loop)] // `s` indexes sentences, items and `explicit` alike.
    for s in 0..doc.sentences.len() {
        doc.tick(doc.sentence_items(s).len() + 1);
        parties_here.clear();
        let mut disputish = false;
        for it in doc.sentence_items(s) {
            match it.kind {
                ItemKind::DisputeName(d, n) => {
                    let (label, used_by) = &k.disputes[d].names[n];
                    let f = fact(k, &mut facts, &mut index, d);
                    f.mentions.push(FramingMention {
                        label: label.clone(),
                        span: Span {
                            start: it.start,
                            end: it.end,
                        },
                        sentence: s,
                        framing: used_by.as_ref().map(|p| format!("actors/{p}")),
                    });
                    f.weight += 2;
                    explicit[s] = Some(d);
                }
                ItemKind::DisputePart(d) => {
                    let text = doc.slice(it.start, it.end).to_owned();
                    let f = fact(k, &mut facts, &mut index, d);
                    if !f.parts.contains(&text) {
                        f.parts.push(text);
                    }
                    f.weight += 1;
                    explicit[s] = Some(d);
                }
                ItemKind::Topic(_) => disputish = true,
                ItemKind::Actor { actor, .. } => {
                    // A dispute named after one of its parties ("Kosovo"): the party's name
                    // names the dispute too.
                    let text = doc.slice(it.start, it.end);
                    let named = doc.actors[actor].known.and_then(|known| {
                        by_party
                            .get(k.actors[known].id.as_str())
                            .into_iter()
                            .flatten()
                            .copied()
                            .find(|&d| k.disputes[d].title.eq_ignore_ascii_case(text))
                    });
                    if let Some(d) = named {
                        let f = fact(k, &mut facts, &mut index, d);
                        f.mentions.push(FramingMention {
                            label: text.to_owned(),
                            span: Span {
                                start: it.start,
                                end: it.end,
                            },
                            sentence: s,
                            framing: None,
                        });
                        f.weight += 1;
                        explicit[s] = Some(d);
                    }
                    let actor = doc.state_of(actor);
                    if let Some(known) = doc.actors[actor].known {
                        let id = k.actors[known].id.as_str();
                        if !parties_here.contains(&id) {
                            parties_here.push(id);
                        }
                    }
                }
                _ => {}
            }
        }
        if !disputish {
            disputish = doc.sentences[s]
                .tokens
                .clone()
                .any(|t| doc.tok_in_lex(t, Lex::DisputeWord));
        }
        if disputish && explicit[s].is_none() && parties_here.len() >= 2 {
            // The disputes all of whose first two parties are named here.
            let candidates: Vec<usize> = parties_here
                .iter()
                .flat_map(|p| by_party.get(*p).into_iter().flatten())
                .copied()
                .filter(|&d| {
                    let parties = &k.disputes[d].parties;
                    parties.len() >= 2
                        && parties[..2]
                            .iter()
                            .all(|p| parties_here.contains(&p.as_str()))
                })
                .collect();
            // "The name dispute between Greece and Macedonia" is their naming dispute however
            // the text names it, or if it never does.
            let of_kind = kind_said(doc, s)
                .and_then(|kind| candidates.iter().find(|&&d| k.disputes[d].kind == kind));
            if let Some(&d) = of_kind {
                fact(k, &mut facts, &mut index, d).weight += 1;
                explicit[s] = Some(d);
            } else {
                by_parties[s] = candidates.first().copied();
            }
        }
    }
    // Two parties and the word "dispute" tie a sentence to a known dispute only when the text
    // names that dispute somewhere: otherwise the text is about another quarrel between them.
    for (s, candidate) in by_parties.iter().enumerate() {
        if let Some(d) = *candidate
            && let Some(&f) = index.get(&d)
        {
            facts[f].weight += 1;
            explicit[s] = Some(d);
        }
    }
    if facts.is_empty()
        && let Some(p) = super::proposed::proposed_dispute(k, doc)
    {
        facts.push(p);
    }
    let primary = facts
        .iter()
        .enumerate()
        .max_by_key(|(i, f)| (f.weight, usize::MAX - i))
        .map(|(i, _)| i);
    doc.sentence_dispute = explicit
        .iter()
        .map(|e| e.and_then(|d| index.get(&d).copied()).or(primary))
        .collect();
    for f in &mut facts {
        let mut counts: Vec<PartyCount> = Vec::new();
        for m in &f.mentions {
            match &m.framing {
                None => f.framing.neutral += 1,
                Some(p) => match counts.iter_mut().find(|c| &c.party == p) {
                    Some(c) => c.mentions += 1,
                    None => counts.push(PartyCount {
                        party: p.clone(),
                        mentions: 1,
                    }),
                },
            }
        }
        let max = counts.iter().map(|c| c.mentions).max().unwrap_or(0);
        let leaders: Vec<&PartyCount> = counts.iter().filter(|c| c.mentions == max).collect();
        f.framing.dominant =
            (leaders.len() == 1 && max > f.framing.neutral).then(|| leaders[0].party.clone());
        f.framing.by_party = counts;
    }
    doc.disputes = facts;
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn disputes(text: &str) -> Vec<String> {
        let x = Extractor::new().expect("builtin");
        let doc = x.analyze(text, None);
        doc.disputes.iter().map(|d| d.name.clone()).collect()
    }

    #[test]
    fn a_party_whose_name_is_the_disputes_names_it() {
        // "Kosovo" is both a party of the Kosovo dispute and its name: not a new dispute
        // between Serbia and Kosovo.
        let d = disputes(
            "Serbia and Kosovo reached an agreement on license plates after months of tension. The United States welcomed the agreement between Serbia and Kosovo. Serbia said the dispute is not over.",
        );
        assert_eq!(d, vec!["disputes/kosovo".to_owned()]);
    }

    #[test]
    fn a_dispute_of_the_kind_its_parties_have_is_theirs_unnamed() {
        for text in [
            "The United States congratulates Greek Prime Minister Tsipras and Macedonian Prime Minister Zaev on the historic agreement to resolve the long-standing name dispute between their two countries. This resolution will benefit both countries.",
            "Greece and Macedonia ended their naming dispute on Sunday. The agreement was signed at Lake Prespa.",
        ] {
            assert_eq!(
                disputes(text),
                vec!["disputes/macedonia-naming".to_owned()],
                "{text}"
            );
        }
    }

    #[test]
    fn another_kind_of_dispute_between_the_parties_is_not_theirs() {
        // Trade is not what Greece and North Macedonia disputed over their name, and a dispute
        // of no stated kind between Japan and Russia is not the Kurils unless the text names them.
        for (text, known) in [
            (
                "Greece and Macedonia are locked in a trade dispute over fruit tariffs. Exporters in Skopje say the tariffs hurt them. Athens says they protect Greek farmers. Talks will resume next week.",
                "disputes/macedonia-naming",
            ),
            (
                "Japan and Russia are in a dispute over fishing quotas. Japanese boats were turned back on Monday. Moscow says the quotas are fair. Tokyo says they are not.",
                "disputes/kuril-islands",
            ),
        ] {
            let d = disputes(text);
            assert!(!d.contains(&known.to_owned()), "{text}: {d:?}");
        }
    }
}
