//! The facts an extraction yields, each with its evidence. This is the JSON shape of
//! `polemos extract --json` (documented in the README).

use chrono::NaiveDate;
use serde::Serialize;

use super::knowledge::{EventCue, Via};
use polemos_core::model::{
    ActorKind, DatePrecision, EventStatus, FuzzyDate, IssueScale, PloverType, QuadClass,
    RequiredOutcome, Span, StanceLabel,
};

/// Where a fact was read: a byte span of the UTF-8 text, its sentence, and how sure we are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub span: Span,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// The sentence's text.
    pub quote: String,
    /// The cue that triggered the fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    pub confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionFact {
    pub span: Span,
    pub text: String,
    pub sentence: usize,
    pub via: Via,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorFact {
    /// Resource name, e.g. `actors/JPN` or `actors/taro-kono`.
    pub name: String,
    pub kind: ActorKind,
    pub display_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Cited as the source of a report ("the NHK broadcaster said"), not as a party.
    pub cited_as_source: bool,
    /// How likely the actor is right, 0–1: calibrated by the most direct way the text named it
    /// (`calibration::Calibration::actor`, `data/actor-calibration.tsv`).
    pub confidence: f64,
    pub mentions: Vec<MentionFact>,
}

/// Direct quotation or indirect speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Speech {
    Direct,
    Indirect,
    /// The narrator's own statement.
    Narrative,
}

/// A clause of a sentence and who it is attributed to. Internal actor indices; see
/// [`AttributionFact`] for the output form.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<usize>,
    pub reported_by: Option<usize>,
    pub cue: Option<(usize, usize)>,
    pub speech: Speech,
    /// "expressed hope that": what follows is wished, not asserted.
    pub hope: bool,
    /// How likely the attribution is right (the attribution stage's score of its candidate).
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributionFact {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
    pub speech: Speech,
    /// The reporting verb or phrase.
    pub cue: String,
    /// The span of what was said.
    pub content: Span,
    pub hope: bool,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateFact {
    pub text: String,
    pub span: Span,
    pub sentence: usize,
    /// Resolved date (the first day of the week, month or year at coarser precision); absent when
    /// a relative date has no publication date to resolve against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    pub precision: DatePrecision,
    pub relative: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<&'static str>,
    /// How likely the date is right, 0–1: calibrated by its form, written in full, resolved by a
    /// rule or a bare weekday (`calibration::DateForm`, `data/date-calibration.tsv`).
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventFact {
    pub event_type: PloverType,
    pub mode: String,
    pub quad_class: QuadClass,
    pub cameo: String,
    pub intensity: f64,
    pub contexts: Vec<String>,
    pub sources: Vec<String>,
    pub targets: Vec<String>,
    pub status: EventStatus,
    pub negated: bool,
    pub hedged: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dispute: Option<String>,
    pub issues: Vec<String>,
    pub confidence: f64,
    pub evidence: Vec<Evidence>,
}

impl EventFact {
    /// An act read from one place as done, coded by the data row `cue`: not negated, with no
    /// date, place or issue of its own yet (merging and the later stages add those).
    #[must_use]
    #[allow(clippy::too_many_arguments)]
    pub fn done(
        cue: &EventCue,
        sources: Vec<String>,
        targets: Vec<String>,
        hedged: bool,
        dispute: Option<String>,
        confidence: f64,
        evidence: Evidence,
    ) -> Self {
        Self {
            event_type: cue.event_type,
            mode: cue.mode.clone(),
            quad_class: cue.event_type.quad_class(),
            cameo: cue.cameo.clone(),
            intensity: cue.intensity,
            contexts: cue.contexts.clone(),
            sources,
            targets,
            status: EventStatus::Past,
            negated: false,
            hedged,
            date: None,
            location: None,
            venue: None,
            dispute,
            issues: Vec::new(),
            confidence,
            evidence: vec![evidence],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionFact {
    /// The issue the condition depends on, when the text names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    pub required: RequiredOutcome,
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StanceFact {
    /// Who holds the stance (a state for its officials).
    pub actor: String,
    pub issue: String,
    pub label: StanceLabel,
    pub position: f64,
    pub salience: f64,
    pub confidence: f64,
    pub hedged: bool,
    pub negated: bool,
    /// The actor played the issue down ("not fundamental"): low salience.
    pub downplayed: bool,
    /// The actor proposed it.
    pub proposal: bool,
    /// A deadline the text gives ("by the end of the year").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<FuzzyDate>,
    pub conditions: Vec<ConditionFact>,
    pub evidence: Vec<Evidence>,
}

impl StanceFact {
    /// A stance read from one place with nothing qualifying it: no hedge, negation, condition,
    /// deadline or proposal, the usual salience, and the position its label stands for.
    #[must_use]
    pub fn plain(
        actor: String,
        issue: String,
        label: StanceLabel,
        confidence: f64,
        evidence: Evidence,
    ) -> Self {
        let position = match label {
            StanceLabel::Support => 100.0,
            StanceLabel::Oppose => 0.0,
            _ => 50.0,
        };
        Self {
            actor,
            issue,
            label,
            position,
            salience: 0.5,
            confidence,
            hedged: false,
            negated: false,
            downplayed: false,
            proposal: false,
            deadline: None,
            conditions: Vec::new(),
            evidence: vec![evidence],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FramingMention {
    pub label: String,
    pub span: Span,
    pub sentence: usize,
    /// The party whose name this is; absent for neutral names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub framing: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyCount {
    pub party: String,
    pub mentions: usize,
}

/// Whose names a document uses for a disputed object.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FramingSummary {
    pub neutral: usize,
    pub by_party: Vec<PartyCount>,
    /// The party whose names dominate, if one does; absent when balanced or neutral.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dominant: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisputeFact {
    pub name: String,
    pub title: String,
    pub mentions: Vec<FramingMention>,
    /// Parts of the disputed object named in the text (e.g. the four islands).
    pub parts: Vec<String>,
    pub framing: FramingSummary,
    /// How strongly the document is about it (name and part mentions plus generic references).
    #[serde(skip)]
    pub weight: usize,
    /// Index into `Knowledge::disputes`; `None` for a proposed dispute.
    #[serde(skip)]
    pub known: Option<usize>,
    /// For a proposed dispute: the parties the text sets against each other (actor names).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// Not in the knowledge files: proposed from the text, for an analyst to accept, rename or
    /// merge.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub proposed: bool,
}

/// An issue the text refers to, proposed for the store when it is not there yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposedIssue {
    pub name: String,
    pub title: String,
    pub scale: IssueScale,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    pub name: String,
    pub content_hash: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub bytes: usize,
    pub sentences: usize,
    pub tokens: usize,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub document: DocumentInfo,
    pub actors: Vec<ActorFact>,
    pub attributions: Vec<AttributionFact>,
    pub events: Vec<EventFact>,
    pub stances: Vec<StanceFact>,
    pub disputes: Vec<DisputeFact>,
    pub proposed_issues: Vec<ProposedIssue>,
    pub dates: Vec<DateFact>,
    /// Lines recognized as page furniture, which yield nothing.
    pub boilerplate: Vec<Span>,
    /// The document's text, for building evidence and dossiers; not serialized.
    #[serde(skip)]
    pub text: String,
}

impl Extraction {
    /// Whether nothing political was found.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.events.is_empty()
            && self.stances.is_empty()
            && self.disputes.is_empty()
    }
}
