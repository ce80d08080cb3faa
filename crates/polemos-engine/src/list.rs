//! Listing stored resources: one filter (dispute, actor, issue, as-of date, revision) with one
//! meaning for every interface, and name-ordered pages over the result.
//!
//! What a filter means:
//! - `dispute` keeps what the dispute involves, as [`polemos_core::Dossier::for_dispute`] closes
//!   it: its issues, the stances on them, the events about them (or between its parties when an
//!   event names no issue), and every actor and document those refer to. For disputes: that one.
//! - `actor` keeps the stances the actor holds, the events it is a source or target of, and the
//!   disputes it is a party to.
//! - `issue` keeps the stances on the issue and the events that name it.
//! - `as_of` keeps what was true on that date: stances in force, events and documents dated on
//!   or before it.
//! - `revision` reads the store as it was right after that revision.
//!
//! A dispute, actor or issue that does not exist (at the revision read) is `NotFound`, never an
//! empty list, so a typo does not look like "no data". A filter the kind has no use for is
//! `InvalidArgument`, and so is a revision past the head.

use std::collections::HashSet;

use chrono::NaiveDate;
use polemos_core::{ActorName, DisputeName, IssueName, Record};
use polemos_store::{Kind, Revision, Store, Versioned, View, record_name};

use crate::error::{Error, Result};
use crate::names;

/// What a list asks for, as the user typed it (short names accepted).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub dispute: Option<String>,
    pub actor: Option<String>,
    pub issue: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub revision: Option<Revision>,
}

/// The filters each kind accepts, in the order interfaces list them.
#[must_use]
pub fn filters_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Actor | Kind::Issue => &["dispute"],
        Kind::Dispute => &["actor"],
        Kind::Stance | Kind::Event => &["dispute", "actor", "issue"],
        Kind::Document => &["dispute"],
    }
}

/// The collection word of a kind (`actors`), as the CLI and Python name it.
#[must_use]
pub fn collection(kind: Kind) -> &'static str {
    match kind {
        Kind::Actor => "actors",
        Kind::Dispute => "disputes",
        Kind::Issue => "issues",
        Kind::Stance => "stances",
        Kind::Event => "events",
        Kind::Document => "documents",
    }
}

/// The kind a collection word names (`stances`, `actors`, …).
///
/// # Errors
/// When the word names no collection.
pub fn kind_of(word: &str) -> Result<Kind> {
    Kind::ALL
        .into_iter()
        .find(|k| collection(*k) == word)
        .ok_or_else(|| {
            Error::argument(
                "kind",
                format!(
                    "`{word}` is not a collection: expected actors, disputes, issues, stances, events or documents"
                ),
            )
        })
}

/// The view a read at `revision` and `as_of` sees; a revision past the head is refused rather
/// than silently read as the head.
///
/// # Errors
/// A revision past the head; store failures.
pub fn view(
    store: &dyn Store,
    revision: Option<Revision>,
    as_of: Option<NaiveDate>,
) -> Result<View> {
    if let Some(r) = revision {
        let head = store.head()?;
        if r > head {
            return Err(Error::argument(
                "revision",
                format!("revision {r} is past the head of the store (revision {head})"),
            ));
        }
    }
    Ok(View { revision, as_of })
}

/// A filter with its names parsed and checked against the store.
struct Resolved {
    dispute: Option<DisputeName>,
    actor: Option<ActorName>,
    issue: Option<IssueName>,
}

fn must_exist(store: &dyn Store, kind: Kind, name: &str, view: View) -> Result<()> {
    match store.get(
        kind,
        name,
        View {
            as_of: None,
            ..view
        },
    )? {
        Some(_) => Ok(()),
        None => Err(Error::not_found(kind.as_str(), name)),
    }
}

fn resolve(store: &dyn Store, kind: Kind, filter: &Filter, view: View) -> Result<Resolved> {
    let accepted = filters_of(kind);
    for (field, set) in [
        ("dispute", filter.dispute.is_some()),
        ("actor", filter.actor.is_some()),
        ("issue", filter.issue.is_some()),
    ] {
        if set && !accepted.contains(&field) {
            return Err(Error::argument(
                field,
                format!("{} cannot be filtered by {field}", collection(kind)),
            ));
        }
    }
    let dispute = filter
        .dispute
        .as_deref()
        .map(|d| names::dispute_name("dispute", d))
        .transpose()?;
    let actor = filter
        .actor
        .as_deref()
        .map(|a| names::actor_name("actor", a))
        .transpose()?;
    let issue = filter
        .issue
        .as_deref()
        .map(|i| names::issue_name("issue", i, dispute.as_ref()))
        .transpose()?;
    if let Some(d) = &dispute {
        must_exist(store, Kind::Dispute, d.as_str(), view)?;
    }
    if let Some(a) = &actor {
        must_exist(store, Kind::Actor, a.as_str(), view)?;
    }
    if let Some(i) = &issue {
        must_exist(store, Kind::Issue, i.as_str(), view)?;
    }
    Ok(Resolved {
        dispute,
        actor,
        issue,
    })
}

/// Every resource of `kind` the filter keeps, ordered by name, each with its etag.
///
/// # Errors
/// Malformed names or dates, a filter the kind does not take, an unknown dispute, actor or
/// issue, a revision past the head, store failures.
pub fn list(store: &dyn Store, kind: Kind, filter: &Filter) -> Result<Vec<Versioned<Record>>> {
    let view = view(store, filter.revision, filter.as_of)?;
    let r = resolve(store, kind, filter, view)?;
    let mut rows = store.list(kind, view)?;
    if let Some(d) = &r.dispute {
        let scope: HashSet<String> = match kind {
            // Cheap cases that need no snapshot: the name says which dispute.
            Kind::Issue | Kind::Stance | Kind::Dispute => HashSet::new(),
            _ => {
                let sub = store.snapshot(view)?.for_dispute(d);
                let names = sub.actors.iter().map(|x| x.name.to_string());
                let names = names.chain(sub.events.iter().map(|x| x.name.to_string()));
                names
                    .chain(sub.documents.iter().map(|x| x.name.to_string()))
                    .collect()
            }
        };
        rows.retain(|row| match &row.value {
            Record::Issue(i) => &i.dispute() == d,
            Record::Stance(s) => &s.issue.dispute() == d,
            Record::Dispute(x) => &x.name == d,
            other => scope.contains(record_name(other)),
        });
    }
    rows.retain(|row| keep(&row.value, &r, filter.as_of));
    Ok(rows)
}

fn keep(record: &Record, r: &Resolved, as_of: Option<NaiveDate>) -> bool {
    match record {
        Record::Stance(s) => {
            r.actor.as_ref().is_none_or(|a| &s.actor == a)
                && r.issue.as_ref().is_none_or(|i| &s.issue == i)
                && as_of.is_none_or(|d| s.valid_on(d))
        }
        Record::Event(e) => {
            r.actor
                .as_ref()
                .is_none_or(|a| e.sources.contains(a) || e.targets.contains(a))
                && r.issue.as_ref().is_none_or(|i| e.issues.contains(i))
        }
        Record::Dispute(d) => r
            .actor
            .as_ref()
            .is_none_or(|a| d.parties.iter().any(|p| &p.actor == a)),
        Record::Actor(_) | Record::Issue(_) | Record::Document(_) => true,
    }
}

/// One page of a list: at most `size` resources after the name `after`, and whether more follow.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub items: Vec<Versioned<Record>>,
    pub more: bool,
}

/// A page of [`list`]: the resources named after `after` (exclusive), at most `size` of them.
///
/// # Errors
/// As [`list`].
pub fn list_page(
    store: &dyn Store,
    kind: Kind,
    filter: &Filter,
    after: Option<&str>,
    size: usize,
) -> Result<Page> {
    let mut items: Vec<_> = list(store, kind, filter)?
        .into_iter()
        .filter(|row| after.is_none_or(|a| record_name(&row.value) > a))
        .take(size.saturating_add(1))
        .collect();
    let more = items.len() > size;
    items.truncate(size);
    Ok(Page { items, more })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::testing::kuril;

    fn names(rows: &[Versioned<Record>]) -> Vec<String> {
        rows.iter()
            .map(|r| record_name(&r.value).to_owned())
            .collect()
    }

    #[test]
    fn a_dispute_keeps_every_actor_it_involves_not_only_its_parties() {
        let store = kuril();
        let filter = Filter {
            dispute: Some("kuril-islands".into()),
            ..Filter::default()
        };
        let actors = names(&list(&*store, Kind::Actor, &filter).expect("actors"));
        assert!(actors.contains(&"actors/JPN".to_owned()), "{actors:?}");
        assert!(actors.contains(&"actors/RUS".to_owned()), "{actors:?}");
        assert!(
            actors.len() > 2,
            "ministers and presidents come along: {actors:?}"
        );
    }

    #[test]
    fn unknown_names_in_a_filter_are_not_found() {
        let store = kuril();
        for (kind, filter) in [
            (
                Kind::Stance,
                Filter {
                    dispute: Some("atlantis".into()),
                    ..Filter::default()
                },
            ),
            (
                Kind::Issue,
                Filter {
                    dispute: Some("atlantis".into()),
                    ..Filter::default()
                },
            ),
            (
                Kind::Stance,
                Filter {
                    actor: Some("XXX".into()),
                    ..Filter::default()
                },
            ),
            (
                Kind::Stance,
                Filter {
                    issue: Some("kuril-islands/nothing".into()),
                    ..Filter::default()
                },
            ),
        ] {
            let err = list(&*store, kind, &filter).expect_err("unknown");
            assert_eq!(err.kind(), ErrorKind::NotFound, "{filter:?}: {err}");
        }
    }

    #[test]
    fn a_revision_past_the_head_is_refused() {
        let store = kuril();
        let filter = Filter {
            revision: Some(99),
            ..Filter::default()
        };
        let err = list(&*store, Kind::Actor, &filter).expect_err("past head");
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert!(err.to_string().contains("revision"), "{err}");
    }

    #[test]
    fn a_filter_the_kind_does_not_take_is_refused() {
        let store = kuril();
        let filter = Filter {
            actor: Some("JPN".into()),
            ..Filter::default()
        };
        let err = list(&*store, Kind::Issue, &filter).expect_err("no actor filter on issues");
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    }

    #[test]
    fn pages_cover_the_list_once_in_order() {
        let store = kuril();
        let all = names(&list(&*store, Kind::Stance, &Filter::default()).expect("all"));
        let mut seen = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let page = list_page(
                &*store,
                Kind::Stance,
                &Filter::default(),
                after.as_deref(),
                3,
            )
            .expect("page");
            seen.extend(names(&page.items));
            after = seen.last().cloned();
            if !page.more {
                break;
            }
        }
        assert_eq!(seen, all);
    }
}
