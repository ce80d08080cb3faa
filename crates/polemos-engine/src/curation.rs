//! Curating the disputes ingest proposes. When a text is about a dispute the knowledge files do
//! not list, the extractor proposes one (and its issues), and ingest stores them marked
//! `proposed`. An analyst then **accepts** it, **renames** it, or **merges** it into a dispute
//! already stored. Each is one commit: the dispute, its issues and every stance and event that
//! refers to them change together or not at all, and a concurrent change to any of them aborts
//! the commit (`Aborted`: read again and retry) instead of being overwritten.
//!
//! The CLI (`polemos disputes accept|rename|merge`), the gRPC `CurationService` and the Python
//! `Engine`/`Client` methods of the same names all come through here.

use std::collections::{BTreeMap, HashMap};

use polemos_core::{Dispute, DisputeName, Issue, IssueName, Record};
use polemos_store::{Kind, Precondition, Revision, Store, StoreError, View, WriteBatch};

use crate::error::{Error, Result};
use crate::names::dispute_name;

/// What a curation left in the store.
#[derive(Debug, Clone, PartialEq)]
pub struct Curated {
    /// The dispute as it now stands (for a merge: the dispute merged into).
    pub dispute: Dispute,
    /// Its issues after the change, by name.
    pub issues: Vec<IssueName>,
    /// How many stances and events now refer to other issues.
    pub stances: usize,
    pub events: usize,
    /// The revision the change was committed in (the head when nothing needed changing).
    pub revision: Revision,
}

/// A stored record with the revision its last change was made in (for the commit's etag).
struct At<T> {
    value: T,
    revision: Revision,
}

fn dispute_at(store: &dyn Store, name: &DisputeName) -> Result<At<Dispute>> {
    match store.get(Kind::Dispute, name.as_str(), View::current())? {
        Some(v) => match v.value {
            Record::Dispute(d) => Ok(At {
                value: d,
                revision: v.revision,
            }),
            _ => Err(Error::not_found("dispute", name.as_str())),
        },
        None => Err(Error::not_found("dispute", name.as_str())),
    }
}

fn issues_of(store: &dyn Store, dispute: &DisputeName) -> Result<Vec<At<Issue>>> {
    let mut out = Vec::new();
    for v in store.list(Kind::Issue, View::current())? {
        if let Record::Issue(i) = v.value
            && &i.dispute() == dispute
        {
            out.push(At {
                value: i,
                revision: v.revision,
            });
        }
    }
    Ok(out)
}

/// Rewrites, in one batch, every stance and event that refers to an issue `moved` maps; returns
/// how many stances and events it rewrote.
fn repoint(
    store: &dyn Store,
    moved: &HashMap<IssueName, IssueName>,
    batch: &mut WriteBatch,
) -> Result<(usize, usize)> {
    let to = |i: &IssueName| moved.get(i).cloned();
    let mut stances = 0;
    for v in store.list(Kind::Stance, View::current())? {
        let Record::Stance(mut s) = v.value else {
            continue;
        };
        let mut changed = false;
        if let Some(new) = to(&s.issue) {
            s.issue = new;
            changed = true;
        }
        for c in &mut s.conditions {
            if let Some(new) = to(&c.issue) {
                c.issue = new;
                changed = true;
            }
        }
        if changed {
            stances += 1;
            batch.put_if(Record::Stance(s), Precondition::AtRevision(v.revision));
        }
    }
    let mut events = 0;
    for v in store.list(Kind::Event, View::current())? {
        let Record::Event(mut e) = v.value else {
            continue;
        };
        if e.issues.iter().any(|i| moved.contains_key(i)) {
            let mut issues: Vec<IssueName> = Vec::with_capacity(e.issues.len());
            for i in &e.issues {
                let new = to(i).unwrap_or_else(|| i.clone());
                // Two issues merged into one are named once.
                if !issues.contains(&new) {
                    issues.push(new);
                }
            }
            e.issues = issues;
            events += 1;
            batch.put_if(Record::Event(e), Precondition::AtRevision(v.revision));
        }
    }
    Ok((stances, events))
}

fn commit(store: &dyn Store, batch: WriteBatch) -> Result<Revision> {
    if batch.ops.is_empty() {
        return Ok(store.head()?);
    }
    let result = store.commit(batch)?;
    Ok(if result.revision == 0 {
        store.head()?
    } else {
        result.revision
    })
}

fn issue_names(issues: impl IntoIterator<Item = IssueName>) -> Vec<IssueName> {
    let mut names: Vec<IssueName> = issues.into_iter().collect();
    names.sort();
    names
}

/// Accepts a dispute and its issues as curated: clears their `proposed` mark. Accepting what is
/// not proposed changes nothing.
///
/// # Errors
/// A malformed name (`InvalidArgument`); an unknown dispute (`NotFound`); a concurrent change
/// (`Aborted`); store failures.
pub fn accept(store: &dyn Store, dispute: &str) -> Result<Curated> {
    let name = dispute_name("dispute", dispute)?;
    let mut d = dispute_at(store, &name)?;
    let issues = issues_of(store, &name)?;
    let mut batch = WriteBatch::new(format!("accept {name}"));
    if d.value.proposed {
        d.value.proposed = false;
        batch.put_if(
            Record::Dispute(d.value.clone()),
            Precondition::AtRevision(d.revision),
        );
    }
    for i in &issues {
        if i.value.proposed {
            let mut issue = i.value.clone();
            issue.proposed = false;
            batch.put_if(Record::Issue(issue), Precondition::AtRevision(i.revision));
        }
    }
    let revision = commit(store, batch)?;
    Ok(Curated {
        dispute: d.value,
        issues: issue_names(issues.into_iter().map(|i| i.value.name)),
        stances: 0,
        events: 0,
        revision,
    })
}

/// Renames a dispute (`new_name`), retitles it (`title`), or both. A new name moves its issues
/// (`disputes/NEW/issues/ID`) and every stance and event that refers to them, in one commit.
///
/// # Errors
/// Neither a new name nor a title, an empty title, malformed names (`InvalidArgument`); an
/// unknown dispute (`NotFound`); a new name already taken (`AlreadyExists`); a concurrent change
/// (`Aborted`); store failures.
pub fn rename(
    store: &dyn Store,
    dispute: &str,
    new_name: Option<&str>,
    title: Option<&str>,
) -> Result<Curated> {
    let name = dispute_name("dispute", dispute)?;
    let new_name = new_name
        .filter(|n| !n.is_empty())
        .map(|n| dispute_name("new_name", n))
        .transpose()?;
    let title = title.filter(|t| !t.is_empty());
    if new_name.is_none() && title.is_none() {
        return Err(Error::argument(
            "new_name",
            "give a new name or a new title: there is nothing to change",
        ));
    }
    if let Some(t) = title
        && t.trim().is_empty()
    {
        return Err(Error::argument("title", "is blank"));
    }
    let mut d = dispute_at(store, &name)?;
    let issues = issues_of(store, &name)?;
    let target = new_name.unwrap_or_else(|| name.clone());
    if target != name
        && store
            .get(Kind::Dispute, target.as_str(), View::current())?
            .is_some()
    {
        return Err(StoreError::AlreadyExists {
            name: target.to_string(),
        }
        .into());
    }
    let mut batch = WriteBatch::new(format!("rename {name} to {target}"));
    if let Some(t) = title {
        d.value.title = t.to_owned();
    }
    if target == name {
        batch.put_if(
            Record::Dispute(d.value.clone()),
            Precondition::AtRevision(d.revision),
        );
        let revision = commit(store, batch)?;
        return Ok(Curated {
            dispute: d.value,
            issues: issue_names(issues.into_iter().map(|i| i.value.name)),
            stances: 0,
            events: 0,
            revision,
        });
    }
    d.value.name = target.clone();
    batch.put_if(Record::Dispute(d.value.clone()), Precondition::MustNotExist);
    let mut moved = HashMap::new();
    let mut names = Vec::new();
    for i in &issues {
        let mut issue = i.value.clone();
        issue.name = moved_issue(&target, &issue.name)?;
        moved.insert(i.value.name.clone(), issue.name.clone());
        names.push(issue.name.clone());
        batch.put_if(Record::Issue(issue), Precondition::MustNotExist);
    }
    let (stances, events) = repoint(store, &moved, &mut batch)?;
    for i in &issues {
        batch.delete(
            Kind::Issue,
            i.value.name.as_str(),
            Precondition::AtRevision(i.revision),
        );
    }
    batch.delete(
        Kind::Dispute,
        name.as_str(),
        Precondition::AtRevision(d.revision),
    );
    let revision = commit(store, batch)?;
    Ok(Curated {
        dispute: d.value,
        issues: issue_names(names),
        stances,
        events,
        revision,
    })
}

/// The name an issue takes under another dispute: the same id (`.../issues/ID`).
fn moved_issue(dispute: &DisputeName, issue: &IssueName) -> Result<IssueName> {
    let id = issue.as_str().rsplit('/').next().unwrap_or_default();
    IssueName::parse(&format!("{dispute}/issues/{id}"))
        .map_err(|e| Error::argument("issue", e.to_string()))
}

/// Merges a dispute into another (`into`): an issue whose id the target already has is mapped
/// onto the target's, the others move under the target; stances and events follow their issues;
/// parties and disputed objects the target lacks are added to it; the merged dispute and its
/// issues are removed. One commit.
///
/// # Errors
/// Malformed names, or a dispute merged into itself (`InvalidArgument`); an unknown dispute
/// (`NotFound`); a concurrent change (`Aborted`); store failures.
pub fn merge(store: &dyn Store, dispute: &str, into: &str) -> Result<Curated> {
    let name = dispute_name("dispute", dispute)?;
    let into = dispute_name("into", into)?;
    if name == into {
        return Err(Error::argument(
            "into",
            format!("is {name} itself: a dispute cannot be merged into itself"),
        ));
    }
    let source = dispute_at(store, &name)?;
    let mut target = dispute_at(store, &into)?;
    let source_issues = issues_of(store, &name)?;
    let target_issues = issues_of(store, &into)?;
    let mut batch = WriteBatch::new(format!("merge {name} into {into}"));

    for p in &source.value.parties {
        if !target.value.parties.iter().any(|t| t.actor == p.actor) {
            target.value.parties.push(p.clone());
        }
    }
    for o in &source.value.objects {
        if !target.value.objects.iter().any(|t| t.id == o.id) {
            target.value.objects.push(o.clone());
        }
    }
    batch.put_if(
        Record::Dispute(target.value.clone()),
        Precondition::AtRevision(target.revision),
    );

    let mut all: BTreeMap<IssueName, ()> = target_issues
        .iter()
        .map(|i| (i.value.name.clone(), ()))
        .collect();
    let mut moved = HashMap::new();
    for i in &source_issues {
        let new = moved_issue(&into, &i.value.name)?;
        if !all.contains_key(&new) {
            let mut issue = i.value.clone();
            issue.name = new.clone();
            batch.put_if(Record::Issue(issue), Precondition::MustNotExist);
            all.insert(new.clone(), ());
        }
        moved.insert(i.value.name.clone(), new);
    }
    let (stances, events) = repoint(store, &moved, &mut batch)?;
    for i in &source_issues {
        batch.delete(
            Kind::Issue,
            i.value.name.as_str(),
            Precondition::AtRevision(i.revision),
        );
    }
    batch.delete(
        Kind::Dispute,
        name.as_str(),
        Precondition::AtRevision(source.revision),
    );
    let revision = commit(store, batch)?;
    Ok(Curated {
        dispute: target.value,
        issues: all.into_keys().collect(),
        stances,
        events,
        revision,
    })
}

#[cfg(test)]
#[path = "curation_tests.rs"]
mod tests;
