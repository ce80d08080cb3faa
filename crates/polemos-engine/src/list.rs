//! Listing stored resources: one filter (dispute, actor, issue, as-of date, revision) with one
//! meaning for every interface, and name-ordered pages over the result.
//!
//! What a filter means:
//! - `dispute` keeps what the dispute's own records hold and name: its issues, the stances on
//!   them, the events that name one of them, and the actors and documents those records name
//!   (its parties and the users of its objects' names; each stance's holder, each event's sources
//!   and targets, and the speakers, reporters and documents of their evidence). Not transitive:
//!   an actor is listed because one record of the dispute names it, never only through an
//!   affiliation. The store keeps an index of exactly this (`polemos_store::involvements_of`),
//!   so a page of a dispute's actors costs the page.
//! - `actor` keeps the stances the actor holds, the events it is a source or target of, and the
//!   disputes it is a party to.
//! - `issue` keeps the stances on the issue and the events that name it.
//! - `as_of` keeps what was true on that date: stances in force, events and documents dated on
//!   or before it. Actors, disputes and issues have no dates: a date for them is refused.
//! - `revision` reads the store as it was right after that revision.
//!
//! A dispute, actor or issue that does not exist (at the revision read) is `NotFound`, never an
//! empty list, so a typo does not look like "no data". A filter the kind has no use for is
//! `InvalidArgument`, and so is a revision past the head.

use chrono::NaiveDate;
use polemos_core::{ActorName, DisputeName, IssueName, Record};
use polemos_store::{
    Kind, Link, LinkField, ListQuery, PageTokens, Revision, Store, Versioned, View,
};

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

/// Whether an `as_of` date cuts a kind: stances, events and documents begin on a date
/// (`polemos_store::begins_of`); actors, disputes and issues have none.
#[must_use]
pub fn dated(kind: Kind) -> bool {
    matches!(kind, Kind::Stance | Kind::Event | Kind::Document)
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
    if filter.as_of.is_some() && !dated(kind) {
        // Refused rather than ignored: a date that changes nothing reads as an answer "as of".
        return Err(Error::argument(
            "as_of",
            format!(
                "{} have no dates, so no date cuts them (stances, events and documents take one)",
                collection(kind)
            ),
        ));
    }
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

/// The page size when a request leaves it unset (0): the same for the CLI, gRPC and Python.
pub const DEFAULT_PAGE_SIZE: usize = 50;
/// The largest page any interface returns; a larger request gets this many (AIP-158).
pub const MAX_PAGE_SIZE: usize = 1000;
/// The environment variable whose value keys page tokens, so that replicas behind one address
/// (and the CLI or Python `Engine` on the same store) accept each other's tokens.
pub const PAGE_TOKEN_SECRET: &str = "POLEMOS_PAGE_TOKEN_SECRET";

/// The page size a request means: 0 is [`DEFAULT_PAGE_SIZE`], more than [`MAX_PAGE_SIZE`] is
/// that many.
///
/// # Errors
/// A negative size, naming `page_size`.
pub fn page_size(requested: i64) -> Result<usize> {
    match requested {
        n if n < 0 => Err(Error::argument("page_size", "must not be negative")),
        0 => Ok(DEFAULT_PAGE_SIZE),
        n => Ok(usize::try_from(n).unwrap_or(usize::MAX).min(MAX_PAGE_SIZE)),
    }
}

/// The page-token keys of a process: [`PAGE_TOKEN_SECRET`] when it is set; otherwise, for a
/// store the process opened by `location` (the CLI, the Python `Engine`), a key derived from
/// that location, so the next invocation on the same store takes the token; otherwise (a
/// server) a random key of this process. A location-derived key binds tokens to their query
/// and makes them opaque, but keeps out no one who can read the location, and who can read the
/// store anyway; a server's tokens are secret-keyed.
///
/// # Errors
/// When the operating system has no randomness for a server's key.
pub fn page_tokens(location: Option<&str>) -> Result<PageTokens> {
    if let Some(secret) = std::env::var_os(PAGE_TOKEN_SECRET)
        && !secret.is_empty()
    {
        return Ok(PageTokens::from_secret(secret.as_encoded_bytes()));
    }
    match location {
        Some(location) => Ok(PageTokens::from_secret(
            format!("polemos local store\0{location}").as_bytes(),
        )),
        None => Ok(PageTokens::random()?),
    }
}

/// The store query a filter means: one link per filter, each answered from an index (see the
/// module documentation for the meanings).
fn query(store: &dyn Store, kind: Kind, filter: &Filter, size: usize) -> Result<ListQuery> {
    let view = view(store, filter.revision, filter.as_of)?;
    let r = resolve(store, kind, filter, view)?;
    let mut q = ListQuery::new(kind, size);
    q.view = view;
    let to = |field, target: String| Link::To { field, target };
    if let Some(d) = r.dispute {
        q = q.with(match kind {
            Kind::Actor | Kind::Document => Link::Involved {
                dispute: d.to_string(),
            },
            _ => to(LinkField::Dispute, d.to_string()),
        });
    }
    if let Some(a) = r.actor {
        let field = match kind {
            Kind::Dispute => LinkField::Party,
            _ => LinkField::Actor,
        };
        q = q.with(to(field, a.to_string()));
    }
    if let Some(i) = r.issue {
        q = q.with(to(LinkField::Issue, i.to_string()));
    }
    Ok(q)
}

/// Whether a row the store returned is one the filter keeps: the store cuts by when a record
/// begins; a stance must also not have ended by `as_of`.
fn in_force(row: &Versioned<Record>, as_of: Option<NaiveDate>) -> bool {
    match (&row.value, as_of) {
        (Record::Stance(s), Some(d)) => s.valid_on(d),
        _ => true,
    }
}

/// One page of a list: the resources, and the token of the next page (`""` after the last).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub items: Vec<Versioned<Record>>,
    pub next_page_token: String,
}

/// A page of the resources of `kind` the filter keeps, in the order they were first stored
/// (see [`polemos_store::ListQuery`]), each with its etag: at most `size` of them (see [`page_size`]), starting where `page_token` (from the previous page
/// of the same list; `""` for the first) says. Each page reads the indexes the store keeps, so
/// it costs what it returns, not what the table holds. Without a `revision` each page reads the
/// store as it is when asked: what exists throughout a listing comes exactly once, in order.
///
/// # Errors
/// As [`list`]; a page token that is malformed, altered, made under another key or for
/// another query (kind, filter, `as_of` or `revision`) is `InvalidArgument` naming
/// `page_token`.
pub fn list_page(
    store: &dyn Store,
    tokens: &PageTokens,
    kind: Kind,
    filter: &Filter,
    size: usize,
    page_token: &str,
) -> Result<Page> {
    let size = size.clamp(1, MAX_PAGE_SIZE);
    let mut q = query(store, kind, filter, size)?;
    tokens.resume(&mut q, page_token)?;
    let mut items = Vec::with_capacity(size);
    loop {
        q.limit = size - items.len();
        let page = store.list_page(&q)?;
        let last = page.next_after();
        items.extend(page.items.into_iter().filter(|v| in_force(v, filter.as_of)));
        let Some(last) = last else {
            return Ok(Page {
                items,
                next_page_token: String::new(),
            });
        };
        if items.len() >= size {
            return Ok(Page {
                items,
                next_page_token: tokens.after(&q, last),
            });
        }
        q.after = Some(last);
    }
}

/// Every resource of `kind` the filter keeps, in the order they were first stored, each with
/// its etag: every page
/// of [`list_page`], for the CLI and Python calls that return the whole list.
///
/// # Errors
/// Malformed names or dates, a filter the kind does not take, an unknown dispute, actor or
/// issue, a revision past the head, store failures.
pub fn list(store: &dyn Store, kind: Kind, filter: &Filter) -> Result<Vec<Versioned<Record>>> {
    let mut q = query(store, kind, filter, MAX_PAGE_SIZE)?;
    let mut out = Vec::new();
    loop {
        let page = store.list_page(&q)?;
        let next = page.next_after();
        out.extend(page.items.into_iter().filter(|v| in_force(v, filter.as_of)));
        match next {
            Some(last) => q.after = Some(last),
            None => return Ok(out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::testing::kuril;
    use polemos_store::record_name;

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
    fn a_date_is_refused_where_it_cuts_nothing() {
        let store = kuril();
        let filter = Filter {
            as_of: NaiveDate::from_ymd_opt(2018, 9, 15),
            ..Filter::default()
        };
        for kind in [Kind::Actor, Kind::Dispute, Kind::Issue] {
            let err = list(&*store, kind, &filter).expect_err("no dates");
            assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{kind:?}");
            assert!(err.to_string().contains("as_of"), "{err}");
        }
        for kind in [Kind::Stance, Kind::Event, Kind::Document] {
            list(&*store, kind, &filter).expect("dated kinds take a date");
        }
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

    fn tokens() -> PageTokens {
        PageTokens::from_secret(b"test")
    }

    #[test]
    fn pages_cover_the_list_once_in_order() {
        let store = kuril();
        for (kind, filter) in [
            (Kind::Stance, Filter::default()),
            (
                Kind::Actor,
                Filter {
                    dispute: Some("kuril-islands".into()),
                    ..Filter::default()
                },
            ),
            (
                Kind::Stance,
                Filter {
                    as_of: NaiveDate::from_ymd_opt(2018, 9, 15),
                    ..Filter::default()
                },
            ),
        ] {
            let all = names(&list(&*store, kind, &filter).expect("all"));
            assert!(!all.is_empty());
            let mut seen = Vec::new();
            let mut token = String::new();
            loop {
                let page = list_page(&*store, &tokens(), kind, &filter, 2, &token).expect("page");
                assert!(page.items.len() <= 2);
                seen.extend(names(&page.items));
                token = page.next_page_token;
                if token.is_empty() {
                    break;
                }
            }
            assert_eq!(seen, all, "{kind:?} {filter:?}");
        }
    }

    #[test]
    fn forged_and_foreign_tokens_are_refused_naming_page_token() {
        let store = kuril();
        let jpn = Filter {
            actor: Some("JPN".into()),
            ..Filter::default()
        };
        let first = list_page(&*store, &tokens(), Kind::Stance, &jpn, 1, "").expect("first");
        assert!(!first.next_page_token.is_empty());
        let rus = Filter {
            actor: Some("RUS".into()),
            ..Filter::default()
        };
        let forged = first.next_page_token.replace('a', "b").replace('1', "2");
        for (kind, filter, token) in [
            (Kind::Stance, &rus, first.next_page_token.as_str()),
            (Kind::Event, &jpn, first.next_page_token.as_str()),
            (Kind::Stance, &jpn, forged.as_str()),
            (Kind::Stance, &jpn, "not a token"),
        ] {
            let err = list_page(&*store, &tokens(), kind, filter, 1, token).expect_err("refused");
            assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
            assert!(err.to_string().contains("page_token"), "{err}");
        }
        let other_key = PageTokens::from_secret(b"another");
        let err = list_page(
            &*store,
            &other_key,
            Kind::Stance,
            &jpn,
            1,
            &first.next_page_token,
        )
        .expect_err("another key");
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        // The same query with another page size continues (AIP-158).
        let next = list_page(
            &*store,
            &tokens(),
            Kind::Stance,
            &jpn,
            5,
            &first.next_page_token,
        )
        .expect("same query");
        assert!(!next.items.is_empty());
    }

    #[test]
    fn page_sizes_are_bounded_alike_for_every_interface() {
        assert_eq!(page_size(0).expect("default"), DEFAULT_PAGE_SIZE);
        assert_eq!(page_size(7).expect("seven"), 7);
        assert_eq!(page_size(1 << 40).expect("capped"), MAX_PAGE_SIZE);
        let err = page_size(-1).expect_err("negative");
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert!(err.to_string().contains("page_size"), "{err}");
    }
}
