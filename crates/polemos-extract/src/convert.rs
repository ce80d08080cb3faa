//! Turns an extraction into a [`Dossier`] for the store: actors, the disputes and issues the text
//! refers to, stances, events and the document itself. Names are derived from the content hash
//! and the facts, so extracting and converting the same text twice yields the same dossier.

use chrono::{Datelike, NaiveDate};
use sha2::{Digest, Sha256};

use super::ArticleMeta;
use super::knowledge::Knowledge;
use super::output::{DisputeFact, Evidence, Extraction};
use polemos_core::dossier::Dossier;
use polemos_core::error::Error;
use polemos_core::model::{
    Actor, ActorCodes, ActorKind, Affiliation, Condition, DatePrecision, Dispute, DisputeKind,
    DisputeStatus, DisputedObject, Document, Event, FuzzyDate, Issue, ObjectName, Party, Span,
    Stance, StatusChange,
};
use polemos_core::names::{ActorName, DisputeName, DocumentName, EventName, IssueName, StanceName};
use polemos_core::values::{Capability, Confidence, Intensity, Position, Salience};

/// An id of at most 63 characters: long ones keep a prefix and a hash of the whole.
fn bounded_id(id: &str) -> String {
    if id.len() <= 63 {
        return id.to_owned();
    }
    let digest = Sha256::digest(id.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let mut cut = 46;
    while !id.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}-{hex}", id[..cut].trim_end_matches(['-', '.', '_']))
}

fn invalid(field: &str, message: impl Into<String>) -> Error {
    Error::InvalidArgument {
        field: field.to_owned(),
        message: message.into(),
    }
}

fn actor_name(s: &str) -> Result<ActorName, Error> {
    ActorName::parse(s).map_err(|e| invalid("actor", e.to_string()))
}

fn issue_name(s: &str) -> Result<IssueName, Error> {
    IssueName::parse(s).map_err(|e| invalid("issue", e.to_string()))
}

fn evidence(doc: &DocumentName, e: &Evidence) -> Result<polemos_core::model::Evidence, Error> {
    Ok(polemos_core::model::Evidence {
        document: Some(doc.clone()),
        span: Some(Span {
            start: e.span.start,
            end: e.span.end,
        }),
        quote: Some(e.quote.clone()),
        speaker: e.speaker.as_deref().map(actor_name).transpose()?,
        reported_by: e.reported_by.as_deref().map(actor_name).transpose()?,
    })
}

fn known_actor(k: &Knowledge, id: &str) -> Option<Actor> {
    let a = &k.actors[k.actor(id)?];
    let name = ActorName::from_id(&a.id).ok()?;
    Some(Actor {
        name,
        kind: a.kind,
        display_name: a.display.clone(),
        codes: ActorCodes {
            iso3: a.iso3.clone(),
            cameo: a.cameo.clone(),
            plover: None,
        },
        aliases: a.aliases.clone(),
        affiliations: Vec::new(),
    })
}

/// A dispute the text is about that the knowledge files do not list: its parties are the
/// actors the text sets against each other, its object is named by its id.
fn add_proposed(
    d: &mut Dossier,
    x: &Extraction,
    f: &DisputeFact,
    add_actor: &mut impl FnMut(&mut Dossier, Actor),
) -> Result<(), Error> {
    let mut parties = Vec::new();
    let share = 1.0 / f.parties.len().max(1) as f64;
    for p in &f.parties {
        let name = actor_name(p)?;
        if let Some(a) = x.actors.iter().find(|a| &a.name == p) {
            add_actor(
                d,
                Actor {
                    name: name.clone(),
                    kind: a.kind,
                    display_name: a.display_name.clone(),
                    codes: ActorCodes {
                        iso3: a.iso3.clone(),
                        ..ActorCodes::default()
                    },
                    aliases: Vec::new(),
                    affiliations: Vec::new(),
                },
            );
        }
        parties.push(Party {
            actor: name,
            capability: Capability::saturating(share),
        });
    }
    let name = DisputeName::parse(&f.name).map_err(|e| invalid("dispute", e.to_string()))?;
    d.disputes.push(Dispute {
        // The store needs a name for every disputed object: the one the text gives it, neutral
        // until an analyst says whose framing it is.
        objects: vec![DisputedObject {
            id: name.id().to_owned(),
            names: vec![ObjectName {
                label: f.title.clone(),
                used_by: None,
            }],
            parts: f.parts.clone(),
        }],
        name,
        title: f.title.clone(),
        kind: DisputeKind::Other,
        parties,
        status: vec![StatusChange {
            status: DisputeStatus::Active,
            since: None,
        }],
        // Not in the knowledge files: an analyst accepts, renames or merges it.
        proposed: true,
    });
    Ok(())
}

/// Builds the dossier of an extraction.
///
/// # Errors
/// [`Error::InvalidArgument`] when the article has no publication date (stances and events need
/// one) or a name cannot be built.
#[allow(clippy::too_many_lines)]
pub fn to_dossier(k: &Knowledge, x: &Extraction, meta: &ArticleMeta) -> Result<Dossier, Error> {
    let published = x.document.published.or(meta.published).ok_or_else(|| {
        invalid(
            "published",
            "the publication date is needed to date stances and events (give --published YYYY-MM-DD)",
        )
    })?;
    let doc_name =
        DocumentName::parse(&x.document.name).map_err(|e| invalid("document", e.to_string()))?;
    let short = x
        .document
        .content_hash
        .get(..12)
        .unwrap_or("doc")
        .to_owned();
    let mut d = Dossier::new();

    let mut seen: std::collections::HashSet<ActorName> = std::collections::HashSet::new();
    let mut add_actor = |d: &mut Dossier, actor: Actor| {
        if seen.insert(actor.name.clone()) {
            d.actors.push(actor);
        }
    };
    for a in &x.actors {
        let name = actor_name(&a.name)?;
        let id = name.id().to_owned();
        let mut actor = known_actor(k, &id).unwrap_or_else(|| Actor {
            name: name.clone(),
            kind: a.kind,
            display_name: a.display_name.clone(),
            codes: ActorCodes::default(),
            aliases: a
                .mentions
                .iter()
                .filter(|m| m.text != a.display_name)
                .map(|m| m.text.clone())
                .take(1)
                .collect(),
            affiliations: Vec::new(),
        });
        if let (Some(aff), Some(role)) = (&a.affiliation, &a.role) {
            actor.affiliations.push(Affiliation {
                actor: actor_name(aff)?,
                role: role.clone(),
                from: None,
                to: None,
            });
        }
        if a.kind == ActorKind::MediaOutlet
            && let Some(country) = k.actor(&id).and_then(|i| k.actors[i].country.clone())
            && let Some(state) = known_actor(k, &country)
        {
            actor.affiliations.push(Affiliation {
                actor: state.name.clone(),
                role: "media outlet".into(),
                from: None,
                to: None,
            });
            add_actor(&mut d, state);
        }
        add_actor(&mut d, actor);
    }
    for f in &x.disputes {
        let Some(entry) = f.known.and_then(|i| k.disputes.get(i)) else {
            if f.proposed {
                add_proposed(&mut d, x, f, &mut add_actor)?;
            }
            continue;
        };
        let share = 1.0 / entry.parties.len().max(1) as f64;
        let mut parties = Vec::new();
        for p in &entry.parties {
            if let Some(actor) = known_actor(k, p) {
                parties.push(Party {
                    actor: actor.name.clone(),
                    capability: Capability::saturating(share),
                });
                add_actor(&mut d, actor);
            }
        }
        let names = entry
            .names
            .iter()
            .map(|(label, used_by)| {
                Ok(ObjectName {
                    label: label.clone(),
                    used_by: used_by
                        .as_deref()
                        .map(ActorName::from_id)
                        .transpose()
                        .map_err(|e| invalid("dispute", e.to_string()))?,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        d.disputes.push(Dispute {
            name: DisputeName::parse(&f.name).map_err(|e| invalid("dispute", e.to_string()))?,
            title: entry.title.clone(),
            kind: entry.kind,
            parties,
            objects: vec![DisputedObject {
                id: entry.id.clone(),
                names,
                parts: entry.parts.clone(),
            }],
            status: vec![StatusChange {
                status: entry.status,
                since: None,
            }],
            proposed: false,
        });
    }
    for p in &x.proposed_issues {
        d.issues.push(Issue {
            name: issue_name(&p.name)?,
            title: p.title.clone(),
            description: String::new(),
            scale: p.scale.clone(),
            // Named from the text, not curated: stored only when the store lacks the issue.
            proposed: true,
        });
    }
    d.documents.push(Document {
        name: doc_name.clone(),
        title: meta
            .title
            .clone()
            .unwrap_or_else(|| x.document.title.clone()),
        outlet: meta.outlet.clone(),
        url: meta.url.clone(),
        published: Some(published),
        language: Some("en".into()),
        text: x.text.clone(),
        content_hash: x.document.content_hash.clone(),
    });
    for s in &x.stances {
        let actor = actor_name(&s.actor)?;
        let issue = issue_name(&s.issue)?;
        // Holder, dispute and issue: one actor may hold stances on two disputes' issues of the
        // same short name (`sovereignty`) in one text.
        let dispute = issue.dispute();
        let dispute_id = dispute.as_str().trim_start_matches("disputes/");
        let id = bounded_id(&format!(
            "{short}-{}-{dispute_id}-{}",
            actor.id(),
            issue.id()
        ));
        let conditions = s
            .conditions
            .iter()
            .filter_map(|c| {
                let ci = issue_name(c.issue.as_deref()?).ok()?;
                Some(Condition {
                    issue: ci,
                    required: c.required,
                    min_position: None,
                    max_position: None,
                    text: c.text.clone(),
                })
            })
            .collect();
        d.stances.push(Stance {
            name: StanceName::from_id(&id).map_err(|e| invalid("stance", e.to_string()))?,
            actor,
            issue,
            position: Position::saturating(s.position),
            salience: Salience::saturating(s.salience),
            confidence: Confidence::saturating(s.confidence),
            label: s.label,
            conditions,
            valid_from: published,
            valid_to: None,
            evidence: s
                .evidence
                .iter()
                .map(|e| evidence(&doc_name, e))
                .collect::<Result<_, _>>()?,
        });
    }
    let year_start = NaiveDate::from_ymd_opt(published.year(), 1, 1).unwrap_or(published);
    for (n, e) in x.events.iter().filter(|e| !e.negated).enumerate() {
        let id = bounded_id(&format!(
            "{short}-{n:03}-{}",
            e.event_type.as_str().to_ascii_lowercase()
        ));
        d.events.push(Event {
            name: EventName::from_id(&id).map_err(|e| invalid("event", e.to_string()))?,
            date: e.date.unwrap_or(FuzzyDate {
                date: year_start,
                precision: DatePrecision::Year,
            }),
            status: e.status,
            event_type: e.event_type,
            mode: (!e.mode.is_empty()).then(|| e.mode.clone()),
            contexts: e.contexts.clone(),
            cameo: Some(e.cameo.clone()),
            intensity: Intensity::saturating(e.intensity),
            sources: e
                .sources
                .iter()
                .map(|s| actor_name(s))
                .collect::<Result<_, _>>()?,
            targets: e
                .targets
                .iter()
                .map(|s| actor_name(s))
                .collect::<Result<_, _>>()?,
            location: e.location.clone(),
            issues: e
                .issues
                .iter()
                .map(|s| issue_name(s))
                .collect::<Result<_, _>>()?,
            evidence: e
                .evidence
                .iter()
                .map(|x| evidence(&doc_name, x))
                .collect::<Result<_, _>>()?,
        });
    }
    Ok(d)
}
