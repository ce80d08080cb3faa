//! Which framing each outlet uses for a dispute's objects, for the report.
//!
//! This is the simple detector: it counts, in each document known as of the date, the
//! case-insensitive whole-word mentions of each name in `Dispute.objects[].names[]`, and sums
//! them per outlet (a document without an outlet stands for itself). The outlet's framing of an
//! object is the `used_by` of the name it mentions most (`None`, neutral, when that is the
//! neutral name); when the top two names tie the framing is `Mixed`. The [`FramingDetector`]
//! trait lets a richer detector (one that tells quoting a name from using it) replace it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::asof::document_known;
use crate::model::{Dispute, Document};
use crate::names::ActorName;

/// How an outlet frames one disputed object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "actor", rename_all = "snake_case")]
pub enum Framing {
    /// Mostly the neutral name.
    Neutral,
    /// Mostly the name used by this party.
    Partisan(ActorName),
    /// No single name dominates.
    Mixed,
}

/// Mentions of one name of an object by one outlet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameCount {
    /// The name as written.
    pub label: String,
    /// The party whose name it is; none for a neutral name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used_by: Option<ActorName>,
    /// How many times the outlet used it.
    pub mentions: usize,
}

/// How one outlet names one disputed object: which party's names it uses, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletFraming {
    /// The outlet, or `document:NAME` for a document without one.
    pub outlet: String,
    /// The disputed object's id.
    pub object: String,
    /// How many of the outlet's documents name the object.
    pub documents: usize,
    /// Whose framing the outlet's names follow.
    pub framing: Framing,
    /// Names mentioned at least once, most mentioned first.
    pub names: Vec<NameCount>,
}

/// A swappable framing detector.
pub trait FramingDetector {
    /// The framing of each disputed object of `dispute` by each outlet of `documents`.
    fn detect(
        &self,
        dispute: &Dispute,
        documents: &[Document],
        as_of: NaiveDate,
    ) -> Vec<OutletFraming>;
}

/// The name-matching detector described in the module docs.
#[derive(Debug, Clone, Copy, Default)]
pub struct NameMatch;

impl FramingDetector for NameMatch {
    fn detect(
        &self,
        dispute: &Dispute,
        documents: &[Document],
        as_of: NaiveDate,
    ) -> Vec<OutletFraming> {
        let mut out = Vec::new();
        for object in &dispute.objects {
            // outlet -> (documents, counts per name index)
            let mut per_outlet: BTreeMap<String, (usize, Vec<usize>)> = BTreeMap::new();
            for doc in documents.iter().filter(|d| document_known(d, as_of)) {
                let lower = doc.text.to_lowercase();
                let counts: Vec<usize> = object
                    .names
                    .iter()
                    .map(|n| count_mentions(&lower, &n.label.to_lowercase()))
                    .collect();
                if counts.iter().all(|&c| c == 0) {
                    continue;
                }
                let outlet = doc
                    .outlet
                    .clone()
                    .unwrap_or_else(|| format!("document:{}", doc.name));
                let entry = per_outlet
                    .entry(outlet)
                    .or_insert_with(|| (0, vec![0; object.names.len()]));
                entry.0 += 1;
                for (sum, c) in entry.1.iter_mut().zip(counts) {
                    *sum += c;
                }
            }
            for (outlet, (documents, counts)) in per_outlet {
                let mut names: Vec<NameCount> = object
                    .names
                    .iter()
                    .zip(&counts)
                    .filter(|(_, c)| **c > 0)
                    .map(|(n, &c)| NameCount {
                        label: n.label.clone(),
                        used_by: n.used_by.clone(),
                        mentions: c,
                    })
                    .collect();
                names.sort_by_key(|n| std::cmp::Reverse(n.mentions));
                let framing = match names.as_slice() {
                    [top, second, ..] if top.mentions == second.mentions => Framing::Mixed,
                    [top, ..] => top
                        .used_by
                        .clone()
                        .map_or(Framing::Neutral, Framing::Partisan),
                    [] => Framing::Mixed,
                };
                out.push(OutletFraming {
                    outlet,
                    object: object.id.clone(),
                    documents,
                    framing,
                    names,
                });
            }
        }
        out
    }
}

/// Whole-word occurrences of `needle` in `haystack` (both already lower-cased). A name that is
/// a prefix of a longer word ("Kuril" in "Kurils") does count when followed by a plural `s`.
fn count_mentions(haystack: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    haystack
        .match_indices(needle)
        .filter(|(i, _)| {
            let before = haystack[..*i].chars().next_back();
            let rest = &haystack[i + needle.len()..];
            let mut after = rest.chars();
            let next = after.next();
            let next_ok = !is_word(next) || (next == Some('s') && !is_word(after.next()));
            !is_word(before) && next_ok
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_whole_words_and_plurals() {
        assert_eq!(count_mentions("the southern kurils and kuril", "kuril"), 2);
        assert_eq!(count_mentions("kurilsk is a town", "kuril"), 0);
        assert_eq!(
            count_mentions("northern territories", "northern territories"),
            1
        );
        assert_eq!(count_mentions("anything", ""), 0);
    }
}
