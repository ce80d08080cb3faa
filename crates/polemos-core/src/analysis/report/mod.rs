//! The dispute report: one call gathers parties, issues, current stances with their conditions,
//! agreement, coalitions, deadlocks, shifts, recent events and framings, as of a date. Renderers
//! turn it into Markdown ([`markdown`]), a self-contained HTML page ([`html`]) or JSON (serde).

pub mod html;
pub mod markdown;
mod svg;

use chrono::NaiveDate;
use serde::Serialize;

use super::agreement::{AgreementMatrix, Polarization, agreement_matrix, polarization};
use super::asof::{DocumentIndex, event_known};
use super::coalitions::{Coalition, DEFAULT_MAX_DISTANCE, coalitions};
use super::consolidate::{ConsolidateOptions, ConsolidatedStance, consolidate};
use super::error::AnalysisError;
use super::framing::{FramingDetector, NameMatch, OutletFraming};
use super::preconditions::{Deadlock, deadlocks, precondition_edges};
use super::timeline::{Shift, shifts, timelines};
use crate::dossier::Dossier;
use crate::model::{
    DisputeKind, DisputeStatus, Event, EventStatus, Issue, IssueScale, Stance, StanceLabel,
};
use crate::names::{ActorName, DisputeName, EventName, IssueName};

/// Options of the report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportOptions {
    /// How stances are consolidated for the report.
    pub consolidate: ConsolidateOptions,
    /// Shift threshold in position points.
    pub shift_threshold: f64,
    /// Coalition merge threshold (average distance).
    pub coalition_distance: f64,
    /// How many of the latest events to list.
    pub recent_events: usize,
}

impl Default for ReportOptions {
    fn default() -> Self {
        Self {
            consolidate: ConsolidateOptions::default(),
            shift_threshold: 20.0,
            coalition_distance: DEFAULT_MAX_DISTANCE,
            recent_events: 20,
        }
    }
}

/// A party of the dispute, as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyRow {
    /// The party.
    pub actor: ActorName,
    /// Its display name.
    pub display_name: String,
    /// Its capability in the dispute (0–1).
    pub capability: f64,
}

/// An issue of the dispute, as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueRow {
    /// The issue.
    pub name: IssueName,
    /// Its title.
    pub title: String,
    /// "binary: PROPOSAL" or "0 = ..., 100 = ..." from the anchors.
    pub scale: String,
}

/// An event of the dispute, as the report's timeline lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// The event.
    pub name: EventName,
    /// When it happened (or is planned).
    pub date: chrono::NaiveDate,
    /// How precise the date is.
    pub precision: crate::model::DatePrecision,
    /// Past or planned.
    pub status: EventStatus,
    /// Its PLOVER type.
    pub event_type: crate::model::PloverType,
    /// The PLOVER quad class of the type.
    pub quad_class: crate::model::QuadClass,
    /// Cooperation (+) or conflict (−), −10 to +10.
    pub intensity: f64,
    /// Who acted.
    pub sources: Vec<ActorName>,
    /// Who was acted upon.
    pub targets: Vec<ActorName>,
    /// The first evidence quote, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A point of an actor's stance timeline on an issue: from `date` the consolidated stance was
/// this (`None` position when it lapsed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StanceMark {
    /// The actor.
    pub actor: ActorName,
    /// The issue.
    pub issue: IssueName,
    /// The date of the mark.
    pub date: NaiveDate,
    /// The position on that date, if the actor had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<f64>,
    /// The label on that date, if the actor had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<StanceLabel>,
    /// Whether the evidence on that date conflicts.
    pub contested: bool,
}

/// Everything the report shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisputeReport {
    /// The dispute reported on.
    pub dispute: DisputeName,
    /// Its title.
    pub title: String,
    /// Its kind.
    pub kind: DisputeKind,
    /// Its status on `as_of`, if recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<DisputeStatus>,
    /// The date the report describes: only what was known then is used.
    pub as_of: NaiveDate,
    /// The parties with their capabilities.
    pub parties: Vec<PartyRow>,
    /// The dispute's issues.
    pub issues: Vec<IssueRow>,
    /// Each actor's consolidated stance on each issue.
    pub stances: Vec<ConsolidatedStance>,
    /// Pairwise agreement between the actors.
    pub agreement: AgreementMatrix,
    /// The dispute's polarization.
    pub polarization: Polarization,
    /// Groups of actors that agree.
    pub coalitions: Vec<Coalition>,
    /// Precondition deadlocks.
    pub deadlocks: Vec<Deadlock>,
    /// Changes of stance up to `as_of`.
    pub shifts: Vec<Shift>,
    /// Every change of every actor's consolidated stance, by date.
    pub timeline: Vec<StanceMark>,
    /// Known events on the dispute's issues or between its parties, newest first.
    pub recent_events: Vec<EventRow>,
    /// How each outlet frames the disputed objects.
    pub framings: Vec<OutletFraming>,
    /// Display names for every actor named in the report.
    pub display_names: std::collections::BTreeMap<ActorName, String>,
}

impl DisputeReport {
    /// The display name of an actor, or its resource name.
    #[must_use]
    pub fn display(&self, actor: &ActorName) -> String {
        self.display_names
            .get(actor)
            .cloned()
            .unwrap_or_else(|| actor.to_string())
    }

    /// The title of an issue, or its id.
    #[must_use]
    pub fn issue_title(&self, issue: &IssueName) -> String {
        self.issues
            .iter()
            .find(|i| &i.name == issue)
            .map_or_else(|| issue.id().to_owned(), |i| i.title.clone())
    }
}

/// Builds the report with the name-matching framing detector.
///
/// # Errors
/// [`AnalysisError::UnknownDispute`] or [`AnalysisError::InvalidOption`].
pub fn build_report(
    dossier: &Dossier,
    dispute: &DisputeName,
    as_of: NaiveDate,
    options: &ReportOptions,
) -> Result<DisputeReport, AnalysisError> {
    build_report_with(dossier, dispute, as_of, options, &NameMatch)
}

/// Builds the report with a given framing detector.
///
/// # Errors
/// [`AnalysisError::UnknownDispute`] or [`AnalysisError::InvalidOption`].
pub fn build_report_with(
    dossier: &Dossier,
    dispute_name: &DisputeName,
    as_of: NaiveDate,
    options: &ReportOptions,
    framing: &dyn FramingDetector,
) -> Result<DisputeReport, AnalysisError> {
    let dispute = dossier
        .disputes
        .iter()
        .find(|d| &d.name == dispute_name)
        .ok_or_else(|| AnalysisError::UnknownDispute(dispute_name.to_string()))?;
    let docs = DocumentIndex::new(&dossier.documents);
    let issues: Vec<&Issue> = dossier
        .issues
        .iter()
        .filter(|i| &i.dispute() == dispute_name)
        .collect();
    let stances: Vec<Stance> = dossier
        .stances
        .iter()
        .filter(|s| &s.issue.dispute() == dispute_name)
        .cloned()
        .collect();
    let current = consolidate(&stances, &docs, as_of, &options.consolidate)?;
    let parties: Vec<ActorName> = dispute.parties.iter().map(|p| p.actor.clone()).collect();
    let agreement = agreement_matrix(&current, &parties);
    let coalitions = coalitions(&agreement, options.coalition_distance)?;
    let lines = timelines(&stances, &docs, as_of, &options.consolidate)?;
    let mut shift_list: Vec<Shift> = Vec::new();
    let mut timeline: Vec<StanceMark> = Vec::new();
    for line in &lines {
        shift_list.extend(shifts(line, options.shift_threshold)?);
        timeline.extend(line.points.iter().map(|p| {
            StanceMark {
                actor: line.actor.clone(),
                issue: line.issue.clone(),
                date: p.date,
                position: p.stance.as_ref().map(|s| s.position.get()),
                label: p.stance.as_ref().map(|s| s.label),
                contested: p
                    .stance
                    .as_ref()
                    .is_some_and(ConsolidatedStance::is_contested),
            }
        }));
    }
    shift_list.sort_by(|a, b| (a.date, &a.actor, &a.issue).cmp(&(b.date, &b.actor, &b.issue)));
    timeline.sort_by(|a, b| (a.date, &a.actor, &a.issue).cmp(&(b.date, &b.actor, &b.issue)));
    let mut events: Vec<&Event> = dossier
        .events
        .iter()
        .filter(|e| event_known(e, &docs, as_of))
        .filter(|e| {
            e.issues.iter().any(|i| &i.dispute() == dispute_name)
                || e.sources
                    .iter()
                    .chain(&e.targets)
                    .any(|a| parties.contains(a))
        })
        .collect();
    events.sort_by(|a, b| {
        b.date
            .date
            .cmp(&a.date.date)
            .then_with(|| a.name.cmp(&b.name))
    });
    events.truncate(options.recent_events);
    let display_names = dossier
        .actors
        .iter()
        .map(|a| (a.name.clone(), a.display_name.clone()))
        .collect();
    Ok(DisputeReport {
        dispute: dispute.name.clone(),
        title: dispute.title.clone(),
        kind: dispute.kind,
        status: dispute.status_on(Some(as_of)),
        as_of,
        parties: dispute
            .parties
            .iter()
            .map(|p| PartyRow {
                actor: p.actor.clone(),
                display_name: display_of(dossier, &p.actor),
                capability: p.capability.get(),
            })
            .collect(),
        issues: issues
            .iter()
            .map(|i| IssueRow {
                name: i.name.clone(),
                title: i.title.clone(),
                scale: scale_text(&i.scale),
            })
            .collect(),
        polarization: polarization(&current),
        deadlocks: deadlocks(&precondition_edges(&current)),
        stances: current,
        agreement,
        coalitions,
        shifts: shift_list,
        timeline,
        recent_events: events
            .into_iter()
            .map(|e| EventRow {
                name: e.name.clone(),
                date: e.date.date,
                precision: e.date.precision,
                status: e.status,
                event_type: e.event_type,
                quad_class: e.quad_class(),
                intensity: e.intensity.get(),
                sources: e.sources.clone(),
                targets: e.targets.clone(),
                quote: e.evidence.iter().find_map(|x| x.quote.clone()),
            })
            .collect(),
        framings: framing.detect(dispute, &dossier.documents, as_of),
        display_names,
    })
}

fn display_of(dossier: &Dossier, actor: &ActorName) -> String {
    dossier
        .actors
        .iter()
        .find(|a| &a.name == actor)
        .map_or_else(|| actor.to_string(), |a| a.display_name.clone())
}

fn scale_text(scale: &IssueScale) -> String {
    match scale {
        IssueScale::Binary { proposal } => format!("yes/no: {proposal} (0 oppose, 100 support)"),
        IssueScale::Continuous { anchors } => anchors
            .iter()
            .map(|a| format!("{} = {}", a.position, a.label))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::framing::Framing;
    use crate::analysis::testutil::{date, kuril};

    fn kuril_report(as_of: &str) -> DisputeReport {
        let name = DisputeName::from_id("kuril-islands").expect("name");
        build_report(&kuril(), &name, date(as_of), &ReportOptions::default()).expect("report")
    }

    #[test]
    fn kuril_report_gathers_everything() {
        let r = kuril_report("2018-09-30");
        assert_eq!(r.parties.len(), 2);
        assert_eq!(r.issues.len(), 3);
        assert_eq!(r.stances.len(), 6);
        assert_eq!(r.deadlocks.len(), 1);
        // 1 − 0.7275 / 1.85 (see the agreement docs, worked in the crate's tests).
        assert!(
            (r.agreement.agreement[0][1].expect("shared") - (1.0 - 0.7275 / 1.85)).abs() < 1e-9
        );
        // Three known events, newest first; the planned meeting is listed with its status.
        let dates: Vec<String> = r.recent_events.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(dates, ["2018-09-24", "2018-09-12", "2018-01-01"]);
        assert_eq!(r.recent_events[0].status, EventStatus::Planned);
        // The article names the islands both ways once: mixed framing.
        assert_eq!(r.framings.len(), 1);
        assert_eq!(r.framings[0].outlet, "document:documents/kuril-2018");
        assert_eq!(r.framings[0].framing, Framing::Mixed);
        assert_eq!(r.framings[0].names.len(), 2);
        // Six stances known from 2018-09-19, none changed since: one mark each, no shift.
        assert_eq!(r.timeline.len(), 6);
        assert!(r.shifts.is_empty());
    }

    #[test]
    fn earlier_report_knows_less() {
        let r = kuril_report("2018-09-15");
        assert!(r.stances.is_empty());
        assert!(r.deadlocks.is_empty());
        // Putin's proposal happened on 09-12 but was only reported on 09-19.
        assert_eq!(r.recent_events.len(), 0);
        assert!(r.framings.is_empty());
    }

    #[test]
    fn renderers_escape_text() {
        let mut d = kuril();
        d.disputes[0].title = "<script>alert(1)</script> & \"x\"".into();
        d.actors[0].display_name = "<img src=x onerror=alert(1)>|pipe".into();
        let name = DisputeName::from_id("kuril-islands").expect("name");
        let r =
            build_report(&d, &name, date("2018-09-30"), &ReportOptions::default()).expect("report");
        let page = html::render(&r);
        assert!(!page.contains("<script"), "raw script tag in the page");
        assert!(!page.contains("<img"), "raw img tag in the page");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
        let md = markdown::render(&r);
        assert!(!md.contains("<img"));
        assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;\\|pipe"));
        assert!(md.contains("## Deadlocks"));
        assert!(md.contains("only after the long territorial dispute"));
        let json = serde_json::to_value(&r).expect("serializes");
        assert_eq!(json["deadlocks"][0]["kind"], "between_actors");
    }
}
