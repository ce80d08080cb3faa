//! Conversions between the core model and the `polemos.v1` messages. Outbound conversions cannot
//! fail; inbound ones check every field (names, ranges, dates, enum values) and name the field
//! path that is wrong, e.g. `stance.evidence[0].span`.

use chrono::NaiveDate;
use polemos_core as core;
use polemos_core::{
    ActorName, Capability, Confidence, DisputeName, DocumentName, EventName, Intensity, IssueName,
    Position, Salience, StanceName,
};
use polemos_proto::v1 as pb;

/// One field of a request that is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub description: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            description: description.into(),
        }
    }
}

pub type In<T> = Result<T, FieldError>;

/// The field path being converted, e.g. `stance.conditions[2]`.
#[derive(Debug, Clone)]
pub struct Path(String);

impl Path {
    pub fn root(name: &str) -> Self {
        Self(name.to_owned())
    }
    #[must_use]
    pub fn at(&self, field: &str) -> Self {
        Self(format!("{}.{field}", self.0))
    }
    #[must_use]
    pub fn index(&self, i: usize) -> Self {
        Self(format!("{}[{i}]", self.0))
    }
    pub fn err(&self, description: impl Into<String>) -> FieldError {
        FieldError::new(self.0.clone(), description)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// ---------------------------------------------------------------- scalars

fn date_out(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn opt_string(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

pub fn date_in(path: &Path, value: &str) -> In<Option<NaiveDate>> {
    if value.is_empty() {
        return Ok(None);
    }
    core::date::parse_date(value)
        .map(Some)
        .map_err(|e| path.err(e.to_string()))
}

fn required_date(path: &Path, value: &str) -> In<NaiveDate> {
    date_in(path, value)?.ok_or_else(|| path.err("required"))
}

fn required_text(path: &Path, value: &str) -> In<String> {
    required_owned(path, value.to_owned())
}

fn required_owned(path: &Path, value: String) -> In<String> {
    if value.trim().is_empty() {
        Err(path.err("required"))
    } else {
        Ok(value)
    }
}

macro_rules! name_in {
    ($fn:ident, $opt:ident, $ty:ty) => {
        pub fn $fn(path: &Path, value: &str) -> In<$ty> {
            if value.is_empty() {
                return Err(path.err("required"));
            }
            <$ty>::parse(value).map_err(|e| path.err(e.to_string()))
        }
        #[allow(dead_code)]
        pub fn $opt(path: &Path, value: &str) -> In<Option<$ty>> {
            if value.is_empty() {
                Ok(None)
            } else {
                $fn(path, value).map(Some)
            }
        }
    };
}

name_in!(actor_name, opt_actor_name, ActorName);
name_in!(dispute_name, opt_dispute_name, DisputeName);
name_in!(issue_name, opt_issue_name, IssueName);
name_in!(stance_name, opt_stance_name, StanceName);
name_in!(event_name, opt_event_name, EventName);
name_in!(document_name, opt_document_name, DocumentName);

fn names_in<T>(path: &Path, values: &[String], f: fn(&Path, &str) -> In<T>) -> In<Vec<T>> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| f(&path.index(i), v))
        .collect()
}

macro_rules! value_in {
    ($fn:ident, $ty:ty) => {
        fn $fn(path: &Path, value: f64) -> In<$ty> {
            <$ty>::new(value).map_err(|e| path.err(e.to_string()))
        }
    };
}

value_in!(position_in, Position);
value_in!(salience_in, Salience);
value_in!(confidence_in, Confidence);
value_in!(intensity_in, Intensity);
value_in!(capability_in, Capability);

/// Maps a core enum to a proto enum and back; unknown or unspecified numbers are field errors.
macro_rules! enum_map {
    ($out:ident, $in:ident, $core:ty, $pb:ty, [$($c:ident => $p:ident),+ $(,)?]) => {
        pub fn $out(value: $core) -> i32 {
            let p = match value { $(<$core>::$c => <$pb>::$p),+ };
            p as i32
        }
        pub fn $in(path: &Path, value: i32) -> In<$core> {
            match <$pb>::try_from(value) {
                $(Ok(<$pb>::$p) => Ok(<$core>::$c),)+
                Ok(_) => Err(path.err("required: must not be *_UNSPECIFIED")),
                Err(_) => Err(path.err(format!("unknown enum value {value}"))),
            }
        }
    };
}

enum_map!(actor_kind_out, actor_kind_in, core::ActorKind, pb::ActorKind, [
    State => State, GovernmentBody => GovernmentBody,
    InternationalOrganization => InternationalOrganization, Person => Person,
    ArmedGroup => ArmedGroup, PoliticalGroup => PoliticalGroup, MediaOutlet => MediaOutlet,
]);
enum_map!(dispute_kind_out, dispute_kind_in, core::DisputeKind, pb::DisputeKind, [
    Territorial => Territorial, Treaty => Treaty, Maritime => Maritime, Trade => Trade,
    Naming => Naming, Sanctions => Sanctions, Other => Other,
]);
enum_map!(dispute_status_out, dispute_status_in, core::DisputeStatus, pb::DisputeStatus, [
    Active => Active, Frozen => Frozen, Resolved => Resolved,
]);
enum_map!(label_out, label_in, core::StanceLabel, pb::StanceLabel, [
    Support => Support, Oppose => Oppose, Neutral => Neutral, Conditional => Conditional,
    Ambiguous => Ambiguous,
]);
enum_map!(required_out, required_in, core::RequiredOutcome, pb::RequiredOutcome, [
    Resolved => Resolved, Adopted => Adopted, Rejected => Rejected,
]);
enum_map!(plover_out, plover_in, core::PloverType, pb::PloverType, [
    Agree => Agree, Consult => Consult, Support => Support, Concede => Concede,
    Cooperate => Cooperate, Aid => Aid, Retreat => Retreat, Request => Request,
    Accuse => Accuse, Reject => Reject, Threaten => Threaten, Protest => Protest,
    Sanction => Sanction, Mobilize => Mobilize, Coerce => Coerce, Assault => Assault,
]);
enum_map!(quad_out, _quad_in, core::QuadClass, pb::QuadClass, [
    VerbalCooperation => VerbalCooperation, MaterialCooperation => MaterialCooperation,
    VerbalConflict => VerbalConflict, MaterialConflict => MaterialConflict,
]);
enum_map!(precision_out, precision_in, core::DatePrecision, pb::DatePrecision, [
    Day => Day, Week => Week, Month => Month, Year => Year,
]);
enum_map!(event_status_out, event_status_in, core::EventStatus, pb::EventStatus, [
    Past => Past, Planned => Planned,
]);

// ---------------------------------------------------------------- outbound

pub fn etag(revision: u64) -> String {
    format!("r{revision}")
}

/// Parses an etag written by [`etag`]; empty means "unconditional".
pub fn etag_in(path: &Path, value: &str) -> In<Option<u64>> {
    if value.is_empty() {
        return Ok(None);
    }
    value
        .strip_prefix('r')
        .and_then(|n| n.parse().ok())
        .map(Some)
        .ok_or_else(|| path.err(format!("`{value}` is not an etag this server issued")))
}

fn name_s<T: AsRef<str>>(name: &Option<T>) -> String {
    name.as_ref()
        .map(|n| n.as_ref().to_owned())
        .unwrap_or_default()
}

fn strings<T: AsRef<str>>(names: &[T]) -> Vec<String> {
    names.iter().map(|n| n.as_ref().to_owned()).collect()
}

pub fn actor_out(a: &core::Actor, rev: u64) -> pb::Actor {
    pb::Actor {
        name: a.name.to_string(),
        kind: actor_kind_out(a.kind),
        display_name: a.display_name.clone(),
        codes: Some(pb::ActorCodes {
            iso3: a.codes.iso3.clone().unwrap_or_default(),
            cameo: a.codes.cameo.clone().unwrap_or_default(),
            plover: a.codes.plover.clone().unwrap_or_default(),
        }),
        aliases: a.aliases.clone(),
        affiliations: a
            .affiliations
            .iter()
            .map(|f| pb::Affiliation {
                actor: f.actor.to_string(),
                role: f.role.clone(),
                from: date_out(f.from),
                to: date_out(f.to),
            })
            .collect(),
        etag: etag(rev),
    }
}

pub fn dispute_out(d: &core::Dispute, rev: u64) -> pb::Dispute {
    pb::Dispute {
        name: d.name.to_string(),
        title: d.title.clone(),
        kind: dispute_kind_out(d.kind),
        parties: d
            .parties
            .iter()
            .map(|p| pb::Party {
                actor: p.actor.to_string(),
                capability: p.capability.get(),
            })
            .collect(),
        objects: d
            .objects
            .iter()
            .map(|o| pb::DisputedObject {
                id: o.id.clone(),
                names: o
                    .names
                    .iter()
                    .map(|n| pb::ObjectName {
                        label: n.label.clone(),
                        used_by: name_s(&n.used_by),
                    })
                    .collect(),
                parts: o.parts.clone(),
            })
            .collect(),
        status: d
            .status
            .iter()
            .map(|s| pb::StatusChange {
                status: dispute_status_out(s.status),
                since: date_out(s.since),
            })
            .collect(),
        etag: etag(rev),
        proposed: d.proposed,
    }
}

pub fn issue_out(i: &core::Issue, rev: u64) -> pb::Issue {
    let kind = match &i.scale {
        core::IssueScale::Binary { proposal } => pb::issue_scale::Kind::Binary(pb::BinaryScale {
            proposal: proposal.clone(),
        }),
        core::IssueScale::Continuous { anchors } => {
            pb::issue_scale::Kind::Continuous(pb::ContinuousScale {
                anchors: anchors
                    .iter()
                    .map(|a| pb::Anchor {
                        position: a.position.get(),
                        label: a.label.clone(),
                    })
                    .collect(),
            })
        }
    };
    pb::Issue {
        name: i.name.to_string(),
        title: i.title.clone(),
        description: i.description.clone(),
        scale: Some(pb::IssueScale { kind: Some(kind) }),
        etag: etag(rev),
        proposed: i.proposed,
    }
}

fn evidence_out(e: &core::Evidence) -> pb::Evidence {
    pb::Evidence {
        document: name_s(&e.document),
        span: e.span.map(|s| pb::Span {
            start: s.start as u64,
            end: s.end as u64,
        }),
        quote: e.quote.clone().unwrap_or_default(),
        speaker: name_s(&e.speaker),
        reported_by: name_s(&e.reported_by),
    }
}

pub fn stance_out(s: &core::Stance, rev: u64) -> pb::Stance {
    pb::Stance {
        name: s.name.to_string(),
        actor: s.actor.to_string(),
        issue: s.issue.to_string(),
        position: s.position.get(),
        salience: s.salience.get(),
        confidence: s.confidence.get(),
        label: label_out(s.label),
        conditions: s
            .conditions
            .iter()
            .map(|c| pb::Condition {
                issue: c.issue.to_string(),
                required: required_out(c.required),
                min_position: c.min_position.map(Position::get),
                max_position: c.max_position.map(Position::get),
                text: c.text.clone(),
            })
            .collect(),
        valid_from: date_out(Some(s.valid_from)),
        valid_to: date_out(s.valid_to),
        evidence: s.evidence.iter().map(evidence_out).collect(),
        etag: etag(rev),
    }
}

pub fn event_out(e: &core::Event, rev: u64) -> pb::Event {
    pb::Event {
        name: e.name.to_string(),
        date: Some(pb::FuzzyDate {
            date: date_out(Some(e.date.date)),
            precision: precision_out(e.date.precision),
        }),
        status: event_status_out(e.status),
        event_type: plover_out(e.event_type),
        mode: e.mode.clone().unwrap_or_default(),
        contexts: e.contexts.clone(),
        cameo: e.cameo.clone().unwrap_or_default(),
        intensity: e.intensity.get(),
        sources: strings(&e.sources),
        targets: strings(&e.targets),
        location: e.location.clone().unwrap_or_default(),
        issues: strings(&e.issues),
        evidence: e.evidence.iter().map(evidence_out).collect(),
        quad_class: quad_out(e.quad_class()),
        etag: etag(rev),
    }
}

pub fn document_out(d: &core::Document, rev: u64) -> pb::Document {
    document_into(d.clone(), rev)
}

/// [`document_out`] by move: the text (the largest field of any record) is handed over, not
/// copied, where the caller owns the record (Extract's response).
pub fn document_into(d: core::Document, rev: u64) -> pb::Document {
    let content_hash = if d.content_hash.is_empty() {
        core::content_hash(&d.text)
    } else {
        d.content_hash
    };
    pb::Document {
        name: d.name.to_string(),
        title: d.title,
        outlet: d.outlet.unwrap_or_default(),
        url: d.url.unwrap_or_default(),
        published: date_out(d.published),
        language: d.language.unwrap_or_default(),
        text: d.text,
        content_hash,
        etag: etag(rev),
    }
}

/// A dossier as `Facts`: nothing of it is stored, so every etag is empty. Takes the dossier:
/// its documents' texts move into the message instead of being copied.
pub fn facts_out(d: core::Dossier) -> pb::Facts {
    macro_rules! unstored {
        ($list:expr, $f:expr) => {
            $list
                .into_iter()
                .map(|x| {
                    let mut m = $f(x);
                    m.etag.clear();
                    m
                })
                .collect()
        };
    }
    pb::Facts {
        actors: unstored!(d.actors, |x| actor_out(&x, 0)),
        disputes: unstored!(d.disputes, |x| dispute_out(&x, 0)),
        issues: unstored!(d.issues, |x| issue_out(&x, 0)),
        stances: unstored!(d.stances, |x| stance_out(&x, 0)),
        events: unstored!(d.events, |x| event_out(&x, 0)),
        documents: unstored!(d.documents, |x| document_into(x, 0)),
    }
}

// ---------------------------------------------------------------- inbound

pub fn actor_in(p: &Path, a: &pb::Actor) -> In<core::Actor> {
    let codes = a.codes.clone().unwrap_or_default();
    Ok(core::Actor {
        name: actor_name(&p.at("name"), &a.name)?,
        kind: actor_kind_in(&p.at("kind"), a.kind)?,
        display_name: required_text(&p.at("display_name"), &a.display_name)?,
        codes: core::ActorCodes {
            iso3: opt_string(&codes.iso3),
            cameo: opt_string(&codes.cameo),
            plover: opt_string(&codes.plover),
        },
        aliases: a.aliases.clone(),
        affiliations: a
            .affiliations
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let p = p.at("affiliations").index(i);
                Ok(core::Affiliation {
                    actor: actor_name(&p.at("actor"), &f.actor)?,
                    role: required_text(&p.at("role"), &f.role)?,
                    from: date_in(&p.at("from"), &f.from)?,
                    to: date_in(&p.at("to"), &f.to)?,
                })
            })
            .collect::<In<_>>()?,
    })
}

pub fn dispute_in(p: &Path, d: &pb::Dispute) -> In<core::Dispute> {
    Ok(core::Dispute {
        name: dispute_name(&p.at("name"), &d.name)?,
        title: required_text(&p.at("title"), &d.title)?,
        kind: dispute_kind_in(&p.at("kind"), d.kind)?,
        parties: d
            .parties
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let p = p.at("parties").index(i);
                Ok(core::Party {
                    actor: actor_name(&p.at("actor"), &x.actor)?,
                    capability: capability_in(&p.at("capability"), x.capability)?,
                })
            })
            .collect::<In<_>>()?,
        objects: d
            .objects
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let p = p.at("objects").index(i);
                Ok(core::DisputedObject {
                    id: required_text(&p.at("id"), &o.id)?,
                    names: o
                        .names
                        .iter()
                        .enumerate()
                        .map(|(j, n)| {
                            let p = p.at("names").index(j);
                            Ok(core::ObjectName {
                                label: required_text(&p.at("label"), &n.label)?,
                                used_by: opt_actor_name(&p.at("used_by"), &n.used_by)?,
                            })
                        })
                        .collect::<In<_>>()?,
                    parts: o.parts.clone(),
                })
            })
            .collect::<In<_>>()?,
        status: d
            .status
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let p = p.at("status").index(i);
                Ok(core::StatusChange {
                    status: dispute_status_in(&p.at("status"), s.status)?,
                    since: date_in(&p.at("since"), &s.since)?,
                })
            })
            .collect::<In<_>>()?,
        proposed: d.proposed,
    })
}

pub fn issue_in(p: &Path, i: &pb::Issue) -> In<core::Issue> {
    let sp = p.at("scale");
    let scale = match i.scale.as_ref().and_then(|s| s.kind.as_ref()) {
        None => return Err(sp.err("required: set `binary` or `continuous`")),
        Some(pb::issue_scale::Kind::Binary(b)) => core::IssueScale::Binary {
            proposal: required_text(&sp.at("binary.proposal"), &b.proposal)?,
        },
        Some(pb::issue_scale::Kind::Continuous(c)) => core::IssueScale::Continuous {
            anchors: c
                .anchors
                .iter()
                .enumerate()
                .map(|(j, a)| {
                    let p = sp.at("continuous.anchors").index(j);
                    Ok(core::Anchor {
                        position: position_in(&p.at("position"), a.position)?,
                        label: required_text(&p.at("label"), &a.label)?,
                    })
                })
                .collect::<In<_>>()?,
        },
    };
    Ok(core::Issue {
        name: issue_name(&p.at("name"), &i.name)?,
        title: required_text(&p.at("title"), &i.title)?,
        description: i.description.clone(),
        scale,
        proposed: i.proposed,
    })
}

fn evidence_in(p: &Path, list: &[pb::Evidence]) -> In<Vec<core::Evidence>> {
    list.iter()
        .enumerate()
        .map(|(i, e)| {
            let p = p.index(i);
            let span = match e.span {
                None => None,
                Some(s) => {
                    let start =
                        usize::try_from(s.start).map_err(|_| p.at("span").err("too large"))?;
                    let end = usize::try_from(s.end).map_err(|_| p.at("span").err("too large"))?;
                    Some(core::Span { start, end })
                }
            };
            Ok(core::Evidence {
                document: opt_document_name(&p.at("document"), &e.document)?,
                span,
                quote: opt_string(&e.quote),
                speaker: opt_actor_name(&p.at("speaker"), &e.speaker)?,
                reported_by: opt_actor_name(&p.at("reported_by"), &e.reported_by)?,
            })
        })
        .collect()
}

pub fn stance_in(p: &Path, s: &pb::Stance) -> In<core::Stance> {
    Ok(core::Stance {
        name: stance_name(&p.at("name"), &s.name)?,
        actor: actor_name(&p.at("actor"), &s.actor)?,
        issue: issue_name(&p.at("issue"), &s.issue)?,
        position: position_in(&p.at("position"), s.position)?,
        salience: salience_in(&p.at("salience"), s.salience)?,
        confidence: confidence_in(&p.at("confidence"), s.confidence)?,
        label: label_in(&p.at("label"), s.label)?,
        conditions: s
            .conditions
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let p = p.at("conditions").index(i);
                Ok(core::Condition {
                    issue: issue_name(&p.at("issue"), &c.issue)?,
                    required: required_in(&p.at("required"), c.required)?,
                    min_position: c
                        .min_position
                        .map(|v| position_in(&p.at("min_position"), v))
                        .transpose()?,
                    max_position: c
                        .max_position
                        .map(|v| position_in(&p.at("max_position"), v))
                        .transpose()?,
                    text: c.text.clone(),
                })
            })
            .collect::<In<_>>()?,
        valid_from: required_date(&p.at("valid_from"), &s.valid_from)?,
        valid_to: date_in(&p.at("valid_to"), &s.valid_to)?,
        evidence: evidence_in(&p.at("evidence"), &s.evidence)?,
    })
}

pub fn event_in(p: &Path, e: &pb::Event) -> In<core::Event> {
    let dp = p.at("date");
    let date = e.date.as_ref().ok_or_else(|| dp.err("required"))?;
    Ok(core::Event {
        name: event_name(&p.at("name"), &e.name)?,
        date: core::FuzzyDate {
            date: required_date(&dp.at("date"), &date.date)?,
            precision: precision_in(&dp.at("precision"), date.precision)?,
        },
        status: event_status_in(&p.at("status"), e.status)?,
        event_type: plover_in(&p.at("event_type"), e.event_type)?,
        mode: opt_string(&e.mode),
        contexts: e.contexts.clone(),
        cameo: opt_string(&e.cameo),
        intensity: intensity_in(&p.at("intensity"), e.intensity)?,
        sources: names_in(&p.at("sources"), &e.sources, actor_name)?,
        targets: names_in(&p.at("targets"), &e.targets, actor_name)?,
        location: opt_string(&e.location),
        issues: names_in(&p.at("issues"), &e.issues, issue_name)?,
        evidence: evidence_in(&p.at("evidence"), &e.evidence)?,
    })
}

/// A document a client sent. `content_hash` is output only: whatever the client put there is
/// ignored (AIP-203) and the hash is computed from `text`, as the engine does for every write.
pub fn document_in(p: &Path, d: &pb::Document) -> In<core::Document> {
    document_from(p, d.clone())
}

/// [`document_in`] by move: the text is taken over, not copied (Extract's and Ingest's request).
pub fn document_from(p: &Path, d: pb::Document) -> In<core::Document> {
    let content_hash = core::content_hash(&d.text);
    Ok(core::Document {
        name: document_name(&p.at("name"), &d.name)?,
        outlet: opt_string(&d.outlet),
        url: opt_string(&d.url),
        published: date_in(&p.at("published"), &d.published)?,
        language: opt_string(&d.language),
        text: required_owned(&p.at("text"), d.text)?,
        title: d.title,
        content_hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kuril() -> core::Dossier {
        let text = include_str!("../../../examples/dossiers/kuril-islands.json");
        core::Dossier::from_json(text).expect("reference dossier parses")
    }

    #[test]
    fn reference_dossier_round_trips_through_proto() {
        let d = kuril();
        let root = Path::root("x");
        for a in &d.actors {
            assert_eq!(&actor_in(&root, &actor_out(a, 1)).expect("actor"), a);
        }
        for x in &d.disputes {
            assert_eq!(&dispute_in(&root, &dispute_out(x, 1)).expect("dispute"), x);
        }
        for x in &d.issues {
            assert_eq!(&issue_in(&root, &issue_out(x, 1)).expect("issue"), x);
        }
        for x in &d.stances {
            assert_eq!(&stance_in(&root, &stance_out(x, 1)).expect("stance"), x);
        }
        for x in &d.events {
            assert_eq!(&event_in(&root, &event_out(x, 1)).expect("event"), x);
        }
        for x in &d.documents {
            let back = document_in(&root, &document_out(x, 1)).expect("document");
            assert_eq!(back.text, x.text);
            assert_eq!(back.content_hash, core::content_hash(&x.text));
        }
    }

    #[test]
    fn bad_fields_are_named() {
        let d = kuril();
        let mut s = stance_out(&d.stances[0], 1);
        s.label = 99;
        let e = stance_in(&Path::root("stance"), &s).expect_err("unknown enum");
        assert_eq!(e.field, "stance.label");
        let mut s = stance_out(&d.stances[0], 1);
        s.position = 101.0;
        assert_eq!(
            stance_in(&Path::root("stance"), &s)
                .expect_err("range")
                .field,
            "stance.position"
        );
        let mut s = stance_out(&d.stances[0], 1);
        s.valid_from = "2018-13-01".into();
        assert_eq!(
            stance_in(&Path::root("stance"), &s)
                .expect_err("date")
                .field,
            "stance.valid_from"
        );
        let mut a = actor_out(&d.actors[0], 1);
        a.name = "actor/JPN".into();
        assert_eq!(
            actor_in(&Path::root("actor"), &a).expect_err("name").field,
            "actor.name"
        );
        assert_eq!(etag_in(&Path::root("etag"), "r12"), Ok(Some(12)));
        assert!(etag_in(&Path::root("etag"), "12").is_err());
    }
}
