//! "As of" a date: which stances, evidence items and events an analyst could have known on that
//! date, and which evidence items count as independent sources. Every analysis goes through here,
//! so none of them can see evidence dated after the date asked about.
//!
//! Dating rules:
//! - an evidence item is dated by its document's `published` date; an item without a document, or
//!   whose document is unknown or undated, is dated by the stance's `valid_from` (for events: the
//!   event's date);
//! - a stance is *known* as of `D` when `valid_from <= D` and, if it has evidence, at least one of
//!   its items is dated `<= D`; only those items are used;
//! - an event is known as of `D` when its date is `<= D` and, if it has evidence, at least one
//!   item is dated `<= D`.
//!
//! Independent sources: an item's source is the pair (channel, speaker), where the channel is the
//! outlet that reported it (`reported_by`, else the document's `outlet`, else the document itself,
//! else the stance or event record it belongs to). Two items with the same channel and speaker are
//! one source (an outlet repeating what it already carried); the same speaker carried by two
//! outlets, or two speakers in one outlet, are two sources.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Document, Event, Evidence, Stance};
use crate::names::{ActorName, DocumentName};

/// Publication dates and outlets of documents, looked up by evidence.
#[derive(Debug, Default)]
pub struct DocumentIndex<'a> {
    docs: HashMap<&'a DocumentName, &'a Document>,
}

impl<'a> DocumentIndex<'a> {
    /// An index of `documents` by name.
    #[must_use]
    pub fn new(documents: &'a [Document]) -> Self {
        Self {
            docs: documents.iter().map(|d| (&d.name, d)).collect(),
        }
    }

    /// The document of that name, if the dossier has it.
    #[must_use]
    pub fn get(&self, name: &DocumentName) -> Option<&'a Document> {
        self.docs.get(name).copied()
    }

    /// The date of an evidence item, falling back to `fallback` when it has no dated document.
    #[must_use]
    pub fn date_of(&self, evidence: &Evidence, fallback: NaiveDate) -> NaiveDate {
        evidence
            .document
            .as_ref()
            .and_then(|d| self.get(d))
            .and_then(|d| d.published)
            .unwrap_or(fallback)
    }

    /// The source key of an evidence item (see the module docs); `record` names the stance or
    /// event it belongs to, the channel of last resort.
    #[must_use]
    pub fn source_of(&self, evidence: &Evidence, record: &str) -> SourceKey {
        let channel = if let Some(outlet) = &evidence.reported_by {
            format!("outlet:{outlet}")
        } else if let Some(doc) = &evidence.document {
            match self.get(doc).and_then(|d| d.outlet.as_deref()) {
                Some(outlet) => format!("outlet:{outlet}"),
                None => format!("document:{doc}"),
            }
        } else {
            format!("record:{record}")
        };
        SourceKey {
            channel,
            speaker: evidence.speaker.clone(),
        }
    }
}

/// One independent source: a channel and who spoke in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SourceKey {
    /// Where the evidence came from: `document:NAME`, or the outlet that reported it.
    pub channel: String,
    /// Who spoke in it, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<ActorName>,
}

/// An evidence item that is visible as of the date asked about, with its date and source.
#[derive(Debug, Clone, Copy)]
pub struct DatedEvidence<'a> {
    /// The evidence item.
    pub evidence: &'a Evidence,
    /// When it became known: its document's publication date, else the stance's `valid_from`.
    pub date: NaiveDate,
}

/// A stance known as of a date, with only the evidence items dated on or before it.
#[derive(Debug, Clone)]
pub struct KnownStance<'a> {
    /// The stance record.
    pub stance: &'a Stance,
    /// Its evidence items dated on or before the date asked about.
    pub evidence: Vec<DatedEvidence<'a>>,
    /// When the stance was last (re)affirmed: the latest visible item's date, or `valid_from`.
    pub last_seen: NaiveDate,
}

/// The stance as known on `as_of`, or `None` when nothing about it was known yet. The result
/// includes stances that had ended by `as_of` (for timelines); use [`Stance::valid_on`] for the
/// ones in force.
#[must_use]
pub fn known_stance<'a>(
    stance: &'a Stance,
    docs: &DocumentIndex<'_>,
    as_of: NaiveDate,
) -> Option<KnownStance<'a>> {
    if stance.valid_from > as_of {
        return None;
    }
    let evidence: Vec<DatedEvidence<'a>> = stance
        .evidence
        .iter()
        .map(|e| DatedEvidence {
            evidence: e,
            date: docs.date_of(e, stance.valid_from),
        })
        .filter(|d| d.date <= as_of)
        .collect();
    if !stance.evidence.is_empty() && evidence.is_empty() {
        return None;
    }
    let last_seen = evidence
        .iter()
        .map(|d| d.date)
        .max()
        .unwrap_or(stance.valid_from)
        .max(stance.valid_from);
    Some(KnownStance {
        stance,
        evidence,
        last_seen,
    })
}

/// The date from which a stance is known at all (the earliest date for which [`known_stance`]
/// returns it).
#[must_use]
pub fn stance_known_from(stance: &Stance, docs: &DocumentIndex<'_>) -> NaiveDate {
    stance
        .evidence
        .iter()
        .map(|e| docs.date_of(e, stance.valid_from))
        .min()
        .map_or(stance.valid_from, |d| d.max(stance.valid_from))
}

/// Whether an event is known as of `as_of` (see the module docs).
#[must_use]
pub fn event_known(event: &Event, docs: &DocumentIndex<'_>, as_of: NaiveDate) -> bool {
    event.date.date <= as_of
        && (event.evidence.is_empty()
            || event
                .evidence
                .iter()
                .any(|e| docs.date_of(e, event.date.date) <= as_of))
}

/// Whether a document had been published by `as_of` (undated documents count as published).
#[must_use]
pub fn document_known(document: &Document, as_of: NaiveDate) -> bool {
    document.published.is_none_or(|p| p <= as_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::Dossier;

    const KURIL: &str = include_str!("../../../../examples/dossiers/kuril-islands.json");

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn stance_is_known_only_once_its_evidence_is_published() {
        let dossier = Dossier::from_json(KURIL).expect("parses");
        let docs = DocumentIndex::new(&dossier.documents);
        // Putin's proposal is valid from 2018-09-12 but the article reporting it is from 09-19.
        let rus = &dossier.stances[0];
        assert_eq!(rus.valid_from, date("2018-09-12"));
        assert!(known_stance(rus, &docs, date("2018-09-18")).is_none());
        let known = known_stance(rus, &docs, date("2018-09-19")).expect("known");
        assert_eq!(known.evidence.len(), 1);
        assert_eq!(known.last_seen, date("2018-09-19"));
        assert_eq!(stance_known_from(rus, &docs), date("2018-09-19"));
    }

    #[test]
    fn source_keys_follow_channel_and_speaker() {
        let dossier = Dossier::from_json(KURIL).expect("parses");
        let docs = DocumentIndex::new(&dossier.documents);
        let e = &dossier.stances[0].evidence[0];
        let key = docs.source_of(e, "stances/x");
        // The article has no outlet, so the document itself is the channel.
        assert_eq!(key.channel, "document:documents/kuril-2018");
        assert_eq!(
            key.speaker.as_ref().map(ActorName::as_str),
            Some("actors/vladimir-putin")
        );
        let nhk = &dossier.events[1].evidence[0];
        assert_eq!(docs.source_of(nhk, "events/y").channel, "outlet:actors/nhk");
        let bare = Evidence::default();
        assert_eq!(
            docs.source_of(&bare, "stances/z").channel,
            "record:stances/z"
        );
    }

    #[test]
    fn events_are_known_after_their_date_and_report() {
        let dossier = Dossier::from_json(KURIL).expect("parses");
        let docs = DocumentIndex::new(&dossier.documents);
        let proposal = &dossier.events[0]; // 2018-09-12, reported 2018-09-19
        assert!(!event_known(proposal, &docs, date("2018-09-15")));
        assert!(event_known(proposal, &docs, date("2018-09-19")));
        let planned = &dossier.events[1]; // week of 2018-09-24
        assert!(!event_known(planned, &docs, date("2018-09-20")));
        assert!(event_known(planned, &docs, date("2018-09-24")));
    }
}
