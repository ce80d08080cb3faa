//! The change feed: what each commit put or deleted, in order, with a resume token per change
//! and one filter meaning. The gRPC `WatchChanges` stream (which adds waking on commits and
//! flow control) and the Python `Engine.changes` read it here, so both keep the same changes
//! for a dispute or actor and give the same tokens.
//!
//! Tokens are `{revision}.{index}`: the index counts the changes within one revision, so a
//! reader cut off in the middle of a large commit resumes at the next change of that commit. A
//! bare `{revision}` means "every change after that revision".

use polemos_core::Record;
use polemos_store::{Change, ChangeRange, Kind, Revision, Store};

use crate::error::{Error, Result};
use crate::names;

/// Where a feed starts: every change after revision `after`, skipping the changes of revision
/// `after + 1` up to index `seen` (those the reader already has).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub after: Revision,
    pub partial: Option<(Revision, usize)>,
}

/// Parses a start token; `head` is used for an empty token (only new changes).
///
/// # Errors
/// `InvalidArgument` naming `start_token` for anything but `N` or `N.I` with N ≥ 1.
pub fn parse_token(token: &str, head: Revision) -> Result<Cursor> {
    let bad = || Error::argument("start_token", format!("`{token}` is not a change token"));
    if token.is_empty() {
        return Ok(Cursor {
            after: head,
            partial: None,
        });
    }
    match token.split_once('.') {
        None => token
            .parse()
            .map(|after| Cursor {
                after,
                partial: None,
            })
            .map_err(|_| bad()),
        Some((rev, idx)) => {
            let rev: Revision = rev.parse().map_err(|_| bad())?;
            let idx: usize = idx.parse().map_err(|_| bad())?;
            if rev == 0 {
                return Err(bad());
            }
            Ok(Cursor {
                after: rev - 1,
                partial: Some((rev, idx)),
            })
        }
    }
}

/// Which changes a reader wants: those bearing on a dispute and an actor (full names).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeFilter {
    pub dispute: Option<String>,
    pub actor: Option<String>,
}

impl ChangeFilter {
    /// A filter from names as users type them (`kuril-islands` or `disputes/kuril-islands`,
    /// `JPN` or `actors/JPN`); `None` or an empty string (a proto's unset field) is no filter.
    /// The one translation of a feed's filter: the CLI, gRPC and Python all build it here, so a
    /// name gets the same answer through each.
    ///
    /// A well-formed name that is not stored is not an error: the feed is a log over time, so
    /// it holds the changes of a dispute since renamed, merged or deleted, and a reader may wait
    /// for one that ingest has yet to propose. Such a feed is empty until something bears on it.
    ///
    /// # Errors
    /// A malformed name, `InvalidArgument` naming `dispute` or `actor`.
    pub fn new(dispute: Option<&str>, actor: Option<&str>) -> Result<Self> {
        Ok(Self {
            dispute: dispute
                .filter(|d| !d.is_empty())
                .map(|d| names::dispute_name("dispute", d).map(|n| n.to_string()))
                .transpose()?,
            actor: actor
                .filter(|a| !a.is_empty())
                .map(|a| names::actor_name("actor", a).map(|n| n.to_string()))
                .transpose()?,
        })
    }

    /// Whether a change bears on the filter's dispute and actor. Deletions carry no record, so
    /// those whose relation cannot be told are let through (as the proto documents).
    #[must_use]
    pub fn matches(&self, change: &Change) -> bool {
        let dispute_ok = self
            .dispute
            .as_deref()
            .is_none_or(|d| match &change.record {
                None => {
                    !matches!(change.kind, Kind::Actor | Kind::Document)
                        && (change.kind != Kind::Dispute || change.name == d)
                        && (change.kind != Kind::Issue
                            || change.name.starts_with(&format!("{d}/issues/")))
                }
                Some(Record::Dispute(x)) => x.name.as_str() == d,
                Some(Record::Issue(x)) => x.dispute().as_str() == d,
                Some(Record::Stance(x)) => x.issue.dispute().as_str() == d,
                Some(Record::Event(x)) => x.issues.iter().any(|i| i.dispute().as_str() == d),
                Some(Record::Actor(_) | Record::Document(_)) => false,
            });
        let actor_ok = self.actor.as_deref().is_none_or(|a| match &change.record {
            None => match change.kind {
                Kind::Actor => change.name == a,
                Kind::Stance | Kind::Event | Kind::Dispute => true,
                Kind::Issue | Kind::Document => false,
            },
            Some(Record::Actor(x)) => x.name.as_str() == a,
            Some(Record::Dispute(x)) => x.parties.iter().any(|p| p.actor.as_str() == a),
            Some(Record::Stance(x)) => x.actor.as_str() == a,
            Some(Record::Event(x)) => x.sources.iter().chain(&x.targets).any(|s| s.as_str() == a),
            Some(Record::Issue(_) | Record::Document(_)) => false,
        });
        dispute_ok && actor_ok
    }
}

/// Where a reader is in the log: the next change is the `skip`-th of revision `after + 1` (or
/// the first of a later one, if that revision has no more).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub after: Revision,
    pub skip: usize,
}

impl From<Cursor> for Position {
    fn from(c: Cursor) -> Self {
        match c.partial {
            Some((rev, idx)) => Self {
                after: rev.saturating_sub(1),
                skip: idx.saturating_add(1),
            },
            None => Self {
                after: c.after,
                skip: 0,
            },
        }
    }
}

impl Position {
    /// The store range of the next batch read from here: at most `limit` changes and about
    /// `max_bytes`.
    #[must_use]
    pub fn range(&self, limit: usize, max_bytes: usize) -> ChangeRange {
        ChangeRange {
            after: self.after,
            skip: self.skip,
            limit: limit.max(1),
            max_bytes,
        }
    }
}

/// One change of the feed with the token that resumes after it.
#[derive(Debug, Clone)]
pub struct FeedChange {
    pub change: Change,
    pub token: String,
}

/// The changes of `batch` (read with `pos.range(..)`) that `filter` keeps, each with its token,
/// and `pos` moved past the whole batch.
pub fn advance(pos: &mut Position, batch: Vec<Change>, filter: &ChangeFilter) -> Vec<FeedChange> {
    if batch.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    // The index counts changes within a revision; the first revision continues at `skip`.
    let (mut revision, mut next) = (pos.after.saturating_add(1), pos.skip);
    for change in batch {
        if change.revision != revision {
            revision = change.revision;
            next = 0;
        }
        let index = next;
        next += 1;
        if filter.matches(&change) {
            out.push(FeedChange {
                token: format!("{revision}.{index}"),
                change,
            });
        }
    }
    *pos = Position {
        after: revision - 1,
        skip: next,
    };
    out
}

/// The changes after `after` (a revision) that `filter` keeps, oldest first, at most `limit`:
/// `Engine.changes`, and what a `WatchChanges` stream from that revision sends first.
///
/// # Errors
/// Store failures.
pub fn changes(
    store: &dyn Store,
    after: Revision,
    filter: &ChangeFilter,
    limit: usize,
) -> Result<Vec<FeedChange>> {
    let page = changes_from(store, Position { after, skip: 0 }, filter, limit)?;
    Ok(page.changes)
}

/// One page of the feed: the changes kept and where the next page starts.
#[derive(Debug, Clone)]
pub struct FeedPage {
    pub changes: Vec<FeedChange>,
    /// The token to continue right after the last change read (kept or not); `None` when the
    /// page ends at the head of the log (nothing more was committed yet).
    pub next_token: Option<String>,
}

/// The token that resumes at `pos`: [`parse_token`] of it gives back `pos`.
#[must_use]
pub fn token_at(pos: Position) -> String {
    match pos.skip {
        0 => pos.after.to_string(),
        skip => format!("{}.{}", pos.after.saturating_add(1), skip - 1),
    }
}

/// One page of the feed as a paged read asks for it: the changes after `token` (`N`: after
/// revision N; `N.I`: after that change; empty: from the start of the log, as a list reads what
/// is there) that `filter` keeps, at most `limit`. `ListChanges` and `polemos changes` read it.
///
/// # Errors
/// A malformed token, `InvalidArgument` naming `field` (the parameter the caller set); store
/// failures.
pub fn page(
    store: &dyn Store,
    field: &str,
    token: &str,
    filter: &ChangeFilter,
    limit: usize,
) -> Result<FeedPage> {
    let token = if token.is_empty() { "0" } else { token };
    let cursor = parse_token(token, 0)
        .map_err(|_| Error::argument(field, format!("`{token}` is not a change token")))?;
    changes_from(store, Position::from(cursor), filter, limit)
}

/// The changes from `pos` that `filter` keeps, oldest first, at most `limit`, read in batches
/// of no more changes than the page still lacks, so the page never reads past what it returns
/// and the next page starts right after its last kept change (or after the filtered-out ones
/// that followed, when the log ended first). `ListChanges` pages with it.
///
/// # Errors
/// Store failures.
pub fn changes_from(
    store: &dyn Store,
    mut pos: Position,
    filter: &ChangeFilter,
    limit: usize,
) -> Result<FeedPage> {
    let mut out = Vec::new();
    while out.len() < limit {
        let batch = store.changes_in(pos.range(limit - out.len(), usize::MAX))?;
        if batch.is_empty() {
            return Ok(FeedPage {
                changes: out,
                next_token: None,
            });
        }
        out.extend(advance(&mut pos, batch, filter));
    }
    // A store that returned more than asked cannot happen through `range`; keep the bound.
    out.truncate(limit);
    let next_token = out
        .last()
        .map_or_else(|| token_at(pos), |c| c.token.clone());
    Ok(FeedPage {
        changes: out,
        next_token: Some(next_token),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use crate::testing::kuril;

    #[test]
    fn tokens_parse() {
        assert_eq!(
            parse_token("", 7).unwrap(),
            Cursor {
                after: 7,
                partial: None
            }
        );
        assert_eq!(
            parse_token("0", 7).unwrap(),
            Cursor {
                after: 0,
                partial: None
            }
        );
        assert_eq!(
            parse_token("5.2", 7).unwrap(),
            Cursor {
                after: 4,
                partial: Some((5, 2))
            }
        );
        for bad in ["x", "0.1", "5.", ".3", "-1"] {
            let e = parse_token(bad, 7).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{bad}");
            assert!(e.to_string().contains("start_token"), "{bad}: {e}");
        }
    }

    #[test]
    fn the_feed_filters_and_resumes_by_token() {
        let store = kuril();
        let all = changes(&*store, 0, &ChangeFilter::default(), usize::MAX).unwrap();
        assert!(
            all.len() > 3,
            "the reference dossier is one commit of many records"
        );
        assert_eq!(all[0].token, "1.0");
        assert_eq!(all[2].token, "1.2");
        // Resuming from a token gives exactly the changes after it.
        let mut pos = Position::from(parse_token(&all[1].token, 0).unwrap());
        let batch = store.changes_in(pos.range(1000, usize::MAX)).unwrap();
        let rest = advance(&mut pos, batch, &ChangeFilter::default());
        let names = |f: &[FeedChange]| f.iter().map(|c| c.change.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&rest), names(&all[2..]));
        // A dispute's feed keeps its records and no actor or document.
        let kuril_only = ChangeFilter::new(Some("kuril-islands"), None).unwrap();
        let some = changes(&*store, 0, &kuril_only, usize::MAX).unwrap();
        assert!(!some.is_empty() && some.len() < all.len());
        assert!(
            some.iter()
                .all(|c| !matches!(c.change.kind, Kind::Actor | Kind::Document))
        );
        assert_eq!(changes(&*store, 0, &kuril_only, 2).unwrap().len(), 2);
        // Paging by the next token gives the whole filtered feed, each change once, and the
        // last page says the head was reached.
        let mut paged = Vec::new();
        let mut pos = Position { after: 0, skip: 0 };
        loop {
            let page = changes_from(&*store, pos, &kuril_only, 3).unwrap();
            assert!(page.changes.len() <= 3);
            paged.extend(page.changes);
            match page.next_token {
                Some(t) => pos = Position::from(parse_token(&t, 0).unwrap()),
                None => break,
            }
        }
        assert_eq!(names(&paged), names(&some));
        assert_eq!(
            Position::from(parse_token(&token_at(Position { after: 4, skip: 2 }), 0).unwrap()),
            Position { after: 4, skip: 2 }
        );
        let e = ChangeFilter::new(Some("a b/c"), None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    }

    #[test]
    fn one_translation_of_a_feed_filter() {
        // Short, full and empty (a proto's unset field) names: what every interface passes.
        let short = ChangeFilter::new(Some("kuril-islands"), Some("JPN")).unwrap();
        let full = ChangeFilter::new(Some("disputes/kuril-islands"), Some("actors/JPN")).unwrap();
        assert_eq!(short, full);
        assert_eq!(short.dispute.as_deref(), Some("disputes/kuril-islands"));
        assert_eq!(
            ChangeFilter::new(Some(""), Some("")).unwrap(),
            ChangeFilter::default()
        );
        let e = ChangeFilter::new(None, Some("not an actor")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
        assert!(e.to_string().contains("actor"), "{e}");
        // A name never stored is an empty feed, not an error (see `ChangeFilter::new`).
        let store = kuril();
        let atlantis = ChangeFilter::new(Some("atlantis"), None).unwrap();
        assert!(
            page(&*store, "after", "", &atlantis, 10)
                .unwrap()
                .changes
                .is_empty()
        );
        // A paged read names the parameter a bad token came in.
        let e = page(&*store, "page_token", "1.x", &atlantis, 10).unwrap_err();
        assert!(e.to_string().contains("page_token"), "{e}");
        let first = page(&*store, "after", "", &ChangeFilter::default(), 2).unwrap();
        assert_eq!(first.changes[0].token, "1.0");
        assert_eq!(first.next_token.as_deref(), Some("1.1"));
    }
}
