//! Read queries over a store snapshot: the filters `Engine.stances(dispute=…, actor=…)` and the
//! rest take, in plain Rust so the benchmarks can time the same code without Python.

use chrono::NaiveDate;
use polemos_core::{ActorName, DisputeName, Dossier, IssueName};
use polemos_store::{Kind, Store, View};

use crate::errors::Failure;

/// What a list query asks for. Short names are accepted (`kuril-islands`, `JPN`).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub dispute: Option<String>,
    pub actor: Option<String>,
    pub issue: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub revision: Option<u64>,
}

/// Accepts `kuril-islands` as well as `disputes/kuril-islands`.
///
/// # Errors
/// When the name is malformed.
pub fn dispute_name(value: &str) -> Result<DisputeName, Failure> {
    let full = if value.contains('/') {
        value.to_owned()
    } else {
        format!("disputes/{value}")
    };
    DisputeName::parse(&full).map_err(|e| Failure::argument("dispute", e.to_string()))
}

/// Accepts `JPN` as well as `actors/JPN`.
///
/// # Errors
/// When the name is malformed.
pub fn actor_name(value: &str) -> Result<ActorName, Failure> {
    let full = if value.contains('/') {
        value.to_owned()
    } else {
        format!("actors/{value}")
    };
    ActorName::parse(&full).map_err(|e| Failure::argument("actor", e.to_string()))
}

/// Accepts the full issue name, or `DISPUTE/ISSUE` when a dispute is implied.
///
/// # Errors
/// When the name is malformed.
pub fn issue_name(value: &str, dispute: Option<&DisputeName>) -> Result<IssueName, Failure> {
    let full = match (value.starts_with("disputes/"), dispute) {
        (true, _) => value.to_owned(),
        (false, Some(d)) if !value.contains('/') => format!("{d}/issues/{value}"),
        (false, _) => match value.split_once('/') {
            Some((d, i)) => format!("disputes/{d}/issues/{i}"),
            None => value.to_owned(),
        },
    };
    IssueName::parse(&full).map_err(|e| Failure::argument("issue", e.to_string()))
}

/// Parses `YYYY-MM-DD`, naming the parameter when it is not such a date.
///
/// # Errors
/// When the value is not a date.
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate, Failure> {
    polemos_core::date::parse_date(value).map_err(|e| Failure::argument(field, e.to_string()))
}

/// The snapshot narrowed by a filter: one dispute (closed under references), stances in force on
/// `as_of`, stances and events of one actor or issue.
///
/// # Errors
/// Malformed names, an unknown dispute, store failures.
pub fn select(store: &dyn Store, filter: &Filter) -> Result<Dossier, Failure> {
    let mut dossier = store.snapshot(View {
        revision: filter.revision,
        as_of: filter.as_of,
    })?;
    let dispute = filter.dispute.as_deref().map(dispute_name).transpose()?;
    if let Some(name) = &dispute {
        if !dossier.disputes.iter().any(|d| &d.name == name) {
            return Err(Failure::Store(polemos_store::StoreError::NotFound {
                kind: "dispute",
                name: name.to_string(),
            }));
        }
        dossier = dossier.for_dispute(name);
    }
    if let Some(date) = filter.as_of {
        dossier.stances.retain(|s| s.valid_on(date));
    }
    if let Some(actor) = &filter.actor {
        let actor = actor_name(actor)?;
        dossier.stances.retain(|s| s.actor == actor);
        dossier
            .events
            .retain(|e| e.sources.contains(&actor) || e.targets.contains(&actor));
    }
    if let Some(issue) = &filter.issue {
        let issue = issue_name(issue, dispute.as_ref())?;
        dossier.stances.retain(|s| s.issue == issue);
        dossier.events.retain(|e| e.issues.contains(&issue));
    }
    Ok(dossier)
}

/// The kind a collection word names (`stances`, `actors`, …).
///
/// # Errors
/// When the word names no collection.
pub fn kind_of(collection: &str) -> Result<Kind, Failure> {
    let kind = match collection {
        "actors" => Kind::Actor,
        "disputes" => Kind::Dispute,
        "issues" => Kind::Issue,
        "stances" => Kind::Stance,
        "events" => Kind::Event,
        "documents" => Kind::Document,
        other => {
            return Err(Failure::argument(
                "kind",
                format!(
                    "`{other}` is not a collection: expected actors, disputes, issues, stances, events or documents"
                ),
            ));
        }
    };
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use polemos_store::WriteBatch;

    const KURIL: &str = include_str!("../../examples/dossiers/kuril-islands.json");

    fn store() -> Box<dyn Store> {
        let store = polemos_store::open("memory:").expect("memory store");
        let dossier = Dossier::from_json(KURIL).expect("reference dossier");
        store
            .commit(WriteBatch::from_dossier(&dossier, "test"))
            .expect("commit");
        store
    }

    #[test]
    fn short_and_full_names_are_the_same() {
        assert_eq!(
            dispute_name("kuril-islands").expect("short").as_str(),
            "disputes/kuril-islands"
        );
        assert_eq!(
            actor_name("actors/JPN").expect("full").as_str(),
            "actors/JPN"
        );
        let d = dispute_name("kuril-islands").expect("d");
        assert_eq!(
            issue_name("peace-treaty", Some(&d)).expect("i").as_str(),
            "disputes/kuril-islands/issues/peace-treaty"
        );
        assert_eq!(
            issue_name("kuril-islands/peace-treaty", None)
                .expect("i")
                .as_str(),
            "disputes/kuril-islands/issues/peace-treaty"
        );
        assert!(actor_name("no spaces").is_err());
    }

    #[test]
    fn actor_filter_keeps_only_that_actor() {
        let store = store();
        let all = select(&*store, &Filter::default()).expect("all");
        let jpn = select(
            &*store,
            &Filter {
                actor: Some("JPN".into()),
                ..Filter::default()
            },
        )
        .expect("JPN");
        assert!(!jpn.stances.is_empty());
        assert!(jpn.stances.len() < all.stances.len());
        assert!(jpn.stances.iter().all(|s| s.actor.as_str() == "actors/JPN"));
    }

    #[test]
    fn unknown_dispute_is_not_found() {
        let store = store();
        let err = select(
            &*store,
            &Filter {
                dispute: Some("atlantis".into()),
                ..Filter::default()
            },
        )
        .expect_err("unknown");
        assert!(err.to_string().contains("disputes/atlantis"), "{err}");
    }

    #[test]
    fn dates_name_the_parameter() {
        let err = parse_date("as_of", "15/09/2018").expect_err("bad date");
        assert!(err.to_string().contains("`as_of`"), "{err}");
    }
}
