//! The entities polemos models: actors, disputes, issues, stances, events and the documents they
//! were read from. Plain data with serde; rules that span entities live in `validate`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::names::{ActorName, DisputeName, DocumentName, EventName, IssueName, StanceName};
use crate::values::{Capability, Confidence, Intensity, Position, Salience};

// ---------------------------------------------------------------- actors

/// What sort of actor this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A sovereign state (`actors/JPN`).
    State,
    /// A ministry, agency or other body of a state's government.
    GovernmentBody,
    /// An international or regional organization (`actors/UN`).
    InternationalOrganization,
    /// A person, usually an official.
    Person,
    /// An armed group outside a state's forces.
    ArmedGroup,
    /// A party, movement or other political group.
    PoliticalGroup,
    /// A newspaper, broadcaster or agency, cited as a source.
    MediaOutlet,
}

/// Standard codes that identify an actor in other datasets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorCodes {
    /// ISO 3166-1 alpha-3, for states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    /// The actor's CAMEO code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// The actor's PLOVER code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover: Option<String>,
}

impl ActorCodes {
    fn is_empty(&self) -> bool {
        self.iso3.is_none() && self.cameo.is_none() && self.plover.is_none()
    }
}

/// A role an actor holds in another actor over a period, e.g. foreign minister of `actors/JPN`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Affiliation {
    /// The actor this one belongs to or serves.
    pub actor: ActorName,
    /// The role held (`foreign minister`).
    pub role: String,
    /// Since when, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::date::ymd_opt"
    )]
    pub from: Option<NaiveDate>,
    /// Until when (exclusive), if it ended.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::date::ymd_opt"
    )]
    pub to: Option<NaiveDate>,
}

impl Affiliation {
    /// Whether the role was held on `date` (open ends count as held).
    #[must_use]
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }
}

/// A state, body, organization, person or outlet that takes part in disputes or reports on them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// The actor's name (`actors/JPN`).
    pub name: ActorName,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// The name shown to people.
    pub display_name: String,
    /// Codes in external schemes.
    #[serde(default, skip_serializing_if = "ActorCodes::is_empty")]
    pub codes: ActorCodes,
    /// Other names the actor goes by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Whom the actor belongs to or serves, and when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<Affiliation>,
}

// ---------------------------------------------------------------- disputes

/// What a dispute is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeKind {
    /// Over territory.
    Territorial,
    /// Over a treaty: its signing, terms or keeping.
    Treaty,
    /// Over maritime borders or rights.
    Maritime,
    /// Over trade.
    Trade,
    /// Over what something is called.
    Naming,
    /// Over sanctions.
    Sanctions,
    /// Anything else.
    Other,
}

/// Where a dispute stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeStatus {
    /// Being contested.
    Active,
    /// Dormant without a settlement.
    Frozen,
    /// Settled.
    Resolved,
}

/// A party to a dispute, with its capability (power, influence) in it, used by forecasting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The party.
    pub actor: ActorName,
    /// Its capability in the dispute (0–1), which the forecasts weigh positions by.
    pub capability: Capability,
}

/// A name for a disputed object and whose framing it is; `used_by: None` is the neutral name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectName {
    /// The name as written.
    pub label: String,
    /// The party whose name it is; none for a neutral name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_by: Option<ActorName>,
}

/// The thing disputed (islands, a sea, a border stretch), with its parts and each party's name for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisputedObject {
    /// The object's id within the dispute.
    pub id: String,
    /// The names the parties (and neutral sources) use for it.
    pub names: Vec<ObjectName>,
    /// Its parts, such as the islands of an archipelago.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
}

impl DisputedObject {
    /// The neutral name, or the first name if none is neutral.
    #[must_use]
    pub fn neutral_label(&self) -> Option<&str> {
        self.names
            .iter()
            .find(|n| n.used_by.is_none())
            .or_else(|| self.names.first())
            .map(|n| n.label.as_str())
    }
}

/// A status the dispute entered on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// The status.
    pub status: DisputeStatus,
    /// Since when, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::date::ymd_opt"
    )]
    pub since: Option<NaiveDate>,
}

/// A dispute between parties over objects, with its issues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    /// The dispute's name (`disputes/kuril-islands`).
    pub name: DisputeName,
    /// Its title.
    pub title: String,
    /// What it is about.
    pub kind: DisputeKind,
    /// The parties with their capabilities.
    pub parties: Vec<Party>,
    /// What is disputed, with each party's name for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objects: Vec<DisputedObject>,
    /// Status changes in date order; the last one is the current status.
    pub status: Vec<StatusChange>,
    /// Proposed by the extractor from a text, not yet accepted by an analyst (who may accept,
    /// rename or merge it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub proposed: bool,
}

impl Dispute {
    /// The status in force on `date` (the latest change on or before it; undated changes count as
    /// always in force), or the current one when `date` is `None`.
    #[must_use]
    pub fn status_on(&self, date: Option<NaiveDate>) -> Option<DisputeStatus> {
        self.status
            .iter()
            .rev()
            .find(|c| match (date, c.since) {
                (Some(d), Some(since)) => since <= d,
                _ => true,
            })
            .map(|c| c.status)
    }

    /// The capability of `actor`, if it is a party.
    #[must_use]
    pub fn capability_of(&self, actor: &ActorName) -> Option<Capability> {
        self.parties
            .iter()
            .find(|p| &p.actor == actor)
            .map(|p| p.capability)
    }
}

// ---------------------------------------------------------------- issues

/// A labeled point on an issue's scale ("50 = two islands under the 1956 Declaration").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// The position the anchor labels.
    pub position: Position,
    /// What the position means (`full sovereignty to Japan`).
    pub label: String,
}

/// How positions on an issue are read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum IssueScale {
    /// A yes/no proposal: 0 oppose, 100 support.
    Binary {
        /// The proposal supporters are for (`Sign a peace treaty`).
        proposal: String,
    },
    /// A 0–100 continuum with labeled anchors.
    Continuous {
        /// Labeled points of the scale, such as 0 and 100.
        anchors: Vec<Anchor>,
    },
}

/// A question within a dispute on which actors take stances.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    /// The issue's name (`disputes/kuril-islands/issues/peace-treaty`).
    pub name: IssueName,
    /// Its title.
    pub title: String,
    /// A longer description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// How positions on it are measured.
    pub scale: IssueScale,
    /// Proposed by the extractor from a text, not yet accepted by an analyst.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub proposed: bool,
}

impl Issue {
    /// The dispute the issue belongs to.
    #[must_use]
    pub fn dispute(&self) -> DisputeName {
        self.name.dispute()
    }
}

// ---------------------------------------------------------------- evidence

/// Where a fact was read: a byte span `start..end` of a document's UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// Byte after the span's last.
    pub end: usize,
}

/// The evidence for a stance or event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The document the evidence is from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentName>,
    /// Where in the document's text, as UTF-8 byte offsets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The quoted text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Who said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<ActorName>,
    /// Who reported it (a cited outlet such as NHK), when not the document's own outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<ActorName>,
}

// ---------------------------------------------------------------- stances

/// An actor's stance on an issue, in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StanceLabel {
    /// For the proposal, or at the high end of the scale.
    Support,
    /// Against the proposal, or at the low end of the scale.
    Oppose,
    /// Neither for nor against.
    Neutral,
    /// Held only under a condition (see `Stance::conditions`), for or against: the position
    /// gives the direction, conditional support above the scale's midpoint ("will sign once the
    /// islands are returned"; the extractor writes 75) and conditional opposition below it ("will
    /// not sign until ..."; 25). The analyses read it so: consolidation splits sides by position
    /// and takes the label by weight within a side, and preconditions use the conditions alone.
    Conditional,
    /// Unclear from the evidence.
    Ambiguous,
}

impl StanceLabel {
    /// The label as JSON spells it (`support`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Support => "support",
            Self::Oppose => "oppose",
            Self::Neutral => "neutral",
            Self::Conditional => "conditional",
            Self::Ambiguous => "ambiguous",
        }
    }
}

/// What a condition requires of the issue it refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequiredOutcome {
    /// The issue is settled (in any way acceptable to the actor) first.
    Resolved,
    /// A binary proposal is adopted first.
    Adopted,
    /// A binary proposal is rejected or dropped first.
    Rejected,
}

/// A precondition: the stance holds only once `issue` reaches `required`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The issue the condition is about.
    pub issue: IssueName,
    /// What must happen to that issue.
    pub required: RequiredOutcome,
    /// For continuous issues: the range of outcomes the actor accepts, if it said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_position: Option<Position>,
    /// The highest position on the issue that meets the condition, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_position: Option<Position>,
    /// The condition as the evidence words it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// One actor's stance on one issue over a period, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stance {
    /// The stance's name (`stances/…`).
    pub name: StanceName,
    /// Who holds the stance.
    pub actor: ActorName,
    /// On which issue.
    pub issue: IssueName,
    /// Where the actor stands, 0–100 (yes/no issues: 0 oppose, 100 support).
    pub position: Position,
    /// How much the issue matters to the actor, 0–1.
    pub salience: Salience,
    /// How sure the evidence makes the stance, 0–1.
    pub confidence: Confidence,
    /// The stance in a word.
    pub label: StanceLabel,
    /// Conditions the actor attaches to it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// The first day the stance holds.
    #[serde(with = "crate::date::ymd")]
    pub valid_from: NaiveDate,
    /// The day it stopped holding (exclusive), if it did.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::date::ymd_opt"
    )]
    pub valid_to: Option<NaiveDate>,
    /// What the stance is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Stance {
    /// Whether the stance was in force on `date` (`valid_to` is exclusive).
    #[must_use]
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from <= date && self.valid_to.is_none_or(|to| date < to)
    }
}

// ---------------------------------------------------------------- events

/// The 16 PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PloverType {
    /// Agree to, sign or settle.
    Agree,
    /// Consult, meet or negotiate.
    Consult,
    /// Praise, endorse or back.
    Support,
    /// Concede, yield or ease.
    Concede,
    /// Cooperate materially.
    Cooperate,
    /// Give aid.
    Aid,
    /// Withdraw, retreat or release.
    Retreat,
    /// Ask, appeal or demand.
    Request,
    /// Accuse, blame or criticize.
    Accuse,
    /// Reject, refuse or deny.
    Reject,
    /// Threaten.
    Threaten,
    /// Protest or demonstrate.
    Protest,
    /// Impose sanctions, expel or break off relations.
    Sanction,
    /// Mobilize or deploy forces.
    Mobilize,
    /// Coerce: seize, arrest, repress.
    Coerce,
    /// Assault: attack with force.
    Assault,
}

/// PLOVER's four quad classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuadClass {
    /// Words of cooperation (agree, consult, support).
    VerbalCooperation,
    /// Deeds of cooperation (concede, cooperate, aid, retreat).
    MaterialCooperation,
    /// Words of conflict (request, accuse, reject, threaten).
    VerbalConflict,
    /// Deeds of conflict (protest, sanction, mobilize, coerce, assault).
    MaterialConflict,
}

impl QuadClass {
    /// Every quad class, cooperation first.
    pub const ALL: [Self; 4] = [
        Self::VerbalCooperation,
        Self::MaterialCooperation,
        Self::VerbalConflict,
        Self::MaterialConflict,
    ];

    /// The quad class as JSON spells it (`verbal_cooperation`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::VerbalCooperation => "verbal_cooperation",
            Self::MaterialCooperation => "material_cooperation",
            Self::VerbalConflict => "verbal_conflict",
            Self::MaterialConflict => "material_conflict",
        }
    }
}

impl PloverType {
    /// Every PLOVER type, from agree to assault.
    pub const ALL: [Self; 16] = [
        Self::Agree,
        Self::Consult,
        Self::Support,
        Self::Concede,
        Self::Cooperate,
        Self::Aid,
        Self::Retreat,
        Self::Request,
        Self::Accuse,
        Self::Reject,
        Self::Threaten,
        Self::Protest,
        Self::Sanction,
        Self::Mobilize,
        Self::Coerce,
        Self::Assault,
    ];

    /// The quad class PLOVER assigns to this type.
    #[must_use]
    pub fn quad_class(self) -> QuadClass {
        match self {
            Self::Agree | Self::Consult | Self::Support | Self::Concede | Self::Request => {
                QuadClass::VerbalCooperation
            }
            Self::Cooperate | Self::Aid | Self::Retreat => QuadClass::MaterialCooperation,
            Self::Accuse | Self::Reject | Self::Threaten | Self::Protest => {
                QuadClass::VerbalConflict
            }
            Self::Sanction | Self::Mobilize | Self::Coerce | Self::Assault => {
                QuadClass::MaterialConflict
            }
        }
    }

    /// The type as JSON spells it (`AGREE`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agree => "AGREE",
            Self::Consult => "CONSULT",
            Self::Support => "SUPPORT",
            Self::Concede => "CONCEDE",
            Self::Cooperate => "COOPERATE",
            Self::Aid => "AID",
            Self::Retreat => "RETREAT",
            Self::Request => "REQUEST",
            Self::Accuse => "ACCUSE",
            Self::Reject => "REJECT",
            Self::Threaten => "THREATEN",
            Self::Protest => "PROTEST",
            Self::Sanction => "SANCTION",
            Self::Mobilize => "MOBILIZE",
            Self::Coerce => "COERCE",
            Self::Assault => "ASSAULT",
        }
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// Known to the day.
    Day,
    /// Known to the week.
    Week,
    /// Known to the month.
    Month,
    /// Known to the year.
    Year,
}

/// A date with its precision: `2018-09-24` at week precision means "the week of 24 September".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FuzzyDate {
    /// The date (the first day of the week, month or year when less precise).
    #[serde(with = "crate::date::ymd")]
    pub date: NaiveDate,
    /// How precise it is.
    pub precision: DatePrecision,
}

/// Whether the text reports the event as having happened or as planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// It happened.
    Past,
    /// It is planned or announced.
    Planned,
}

/// Who did what to whom, when and where, coded in PLOVER.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The event's name (`events/…`).
    pub name: EventName,
    /// When it happened or is planned.
    pub date: FuzzyDate,
    /// Past or planned.
    pub status: EventStatus,
    /// What happened, as a PLOVER type.
    pub event_type: PloverType,
    /// PLOVER mode, e.g. `meet` for CONSULT or `propose` for AGREE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// PLOVER contexts, e.g. `diplomatic`, `territory`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<String>,
    /// CAMEO-compatible code, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Cooperation (+) or conflict (−), −10 to +10.
    pub intensity: Intensity,
    /// Who acted.
    pub sources: Vec<ActorName>,
    /// Who was acted upon.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<ActorName>,
    /// Where, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The issues it bears on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<IssueName>,
    /// What the event is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Event {
    /// The PLOVER quad class of the event's type.
    #[must_use]
    pub fn quad_class(&self) -> QuadClass {
        self.event_type.quad_class()
    }
}

// ---------------------------------------------------------------- documents

/// A source text. `content_hash` is the SHA-256 of `text`, used to ingest each text once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The document's name (`documents/…`).
    pub name: DocumentName,
    /// Its title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The outlet that published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Where it was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::date::ymd_opt"
    )]
    pub published: Option<NaiveDate>,
    /// Its language (`en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Its full text: evidence spans point into it.
    pub text: String,
    /// The SHA-256 of the text, in hex.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub content_hash: String,
}

/// Hex SHA-256 of a text: the identity of a document's content.
#[must_use]
pub fn content_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quad_classes_cover_plover() {
        let verbal_coop = PloverType::ALL
            .iter()
            .filter(|t| t.quad_class() == QuadClass::VerbalCooperation)
            .count();
        assert_eq!(verbal_coop, 5);
        assert_eq!(
            PloverType::Assault.quad_class(),
            QuadClass::MaterialConflict
        );
        assert_eq!(
            serde_json::to_string(&PloverType::Consult).expect("serializes"),
            "\"CONSULT\""
        );
    }

    #[test]
    fn stance_validity_is_half_open() {
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let stance = Stance {
            name: StanceName::parse("stances/s1").expect("name"),
            actor: ActorName::parse("actors/JPN").expect("name"),
            issue: IssueName::parse("disputes/d/issues/i").expect("name"),
            position: Position::new(50.0).expect("pos"),
            salience: Salience::new(0.5).expect("sal"),
            confidence: Confidence::new(0.5).expect("conf"),
            label: StanceLabel::Neutral,
            conditions: vec![],
            valid_from: date("2018-01-01"),
            valid_to: Some(date("2018-02-01")),
            evidence: vec![],
        };
        assert!(!stance.valid_on(date("2017-12-31")));
        assert!(stance.valid_on(date("2018-01-01")));
        assert!(!stance.valid_on(date("2018-02-01")));
    }

    #[test]
    fn content_hash_is_sha256() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
