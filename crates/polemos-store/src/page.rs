//! Lists one page at a time: what a page asks for ([`ListQuery`]), what it returns ([`Page`]),
//! the references an entity is filtered by ([`Link`], indexed by the SQL backends), and the page
//! tokens that carry a listing from one page to the next ([`PageTokens`]).
//!
//! Paging is by key: a page is the first `limit` matching entities whose name sorts after the
//! last one of the page before (names compare as bytes, in every backend), so a page costs what
//! it returns, not what the table holds. Each page reads the store as it is when asked: an
//! entity that exists throughout a listing is returned exactly once, in name order; one created
//! or deleted meanwhile may or may not be.

use chrono::NaiveDate;
use hmac::{Hmac, KeyInit, Mac};
use polemos_core::Record;
use sha2::Sha256;

use crate::{Kind, Revision, StoreError, Versioned, View};

/// A reference from one entity to another that a list can be filtered by. Which references
/// each kind has is [`links_of`], the one definition every backend indexes and checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkField {
    /// A stance's actor; an event's sources and targets.
    Actor,
    /// A stance's issue; an event's issues.
    Issue,
    /// An issue's dispute; the disputes of a stance's issue and of an event's issues.
    Dispute,
    /// A dispute's parties (actors).
    Party,
    /// An actor's affiliations (actors).
    Affiliation,
}

impl LinkField {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Actor => "actor",
            Self::Issue => "issue",
            Self::Dispute => "dispute",
            Self::Party => "party",
            Self::Affiliation => "affiliation",
        }
    }
}

/// One condition of a list's filter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Link {
    /// The listed entity refers to `target` through `field` (the stances whose actor is
    /// `actors/JPN`: `To { field: Actor, target: "actors/JPN" }`).
    To { field: LinkField, target: String },
    /// Entity `owner` refers to the listed entity through `field` (the actors that are parties
    /// to a dispute: `From { field: Party, owner: "disputes/kuril-islands" }`).
    From { field: LinkField, owner: String },
    /// A record of `dispute` names the listed entity (an actor or a document): see
    /// [`involvements_of`]. Answered from an index of its own, kept by every write.
    Involved { dispute: String },
}

/// Which disputes a record involves which actors and documents in: the `(dispute, target)`
/// pairs it contributes to [`Link::Involved`]. A dispute involves its parties and the actors
/// that use its objects' names; a stance involves, in its issue's dispute, its holder and the
/// speakers, reporters and documents of its evidence; an event involves, in the disputes of the
/// issues it names, its sources and targets and its evidence's speakers, reporters and
/// documents. Nothing is transitive (an actor's affiliations do not come along): each pair is
/// explained by one record, so a write keeps the index by replacing that record's pairs.
#[must_use]
pub fn involvements_of(record: &Record) -> Vec<(String, String)> {
    fn evidence(out: &mut Vec<String>, evidence: &[polemos_core::Evidence]) {
        for e in evidence {
            out.extend(
                e.speaker
                    .iter()
                    .chain(&e.reported_by)
                    .map(ToString::to_string),
            );
            out.extend(e.document.iter().map(ToString::to_string));
        }
    }
    let (disputes, targets): (Vec<String>, Vec<String>) = match record {
        Record::Dispute(d) => {
            let mut targets: Vec<String> = d.parties.iter().map(|p| p.actor.to_string()).collect();
            for o in &d.objects {
                targets.extend(
                    o.names
                        .iter()
                        .filter_map(|n| n.used_by.as_ref().map(ToString::to_string)),
                );
            }
            (vec![d.name.to_string()], targets)
        }
        Record::Stance(s) => {
            let mut targets = vec![s.actor.to_string()];
            evidence(&mut targets, &s.evidence);
            (vec![s.issue.dispute().to_string()], targets)
        }
        Record::Event(e) => {
            let mut targets: Vec<String> = e
                .sources
                .iter()
                .chain(&e.targets)
                .map(ToString::to_string)
                .collect();
            evidence(&mut targets, &e.evidence);
            (
                e.issues.iter().map(|i| i.dispute().to_string()).collect(),
                targets,
            )
        }
        Record::Actor(_) | Record::Issue(_) | Record::Document(_) => return Vec::new(),
    };
    let mut out: Vec<(String, String)> = disputes
        .iter()
        .flat_map(|d| targets.iter().map(move |t| (d.clone(), t.clone())))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The names of `kind` sort between these two bounds (`actors/` inclusive, `actors0` exclusive:
/// `0` is the byte after `/`), which is how an involvement scan keeps to one kind.
#[must_use]
pub fn name_bounds(kind: Kind) -> (String, String) {
    let prefix = match kind {
        Kind::Actor => "actors",
        Kind::Dispute | Kind::Issue => "disputes",
        Kind::Stance => "stances",
        Kind::Event => "events",
        Kind::Document => "documents",
    };
    (format!("{prefix}/"), format!("{prefix}0"))
}

/// The references of a record, by field; what [`Link`] filters match against.
#[must_use]
pub fn links_of(record: &Record) -> Vec<(LinkField, String)> {
    let mut out: Vec<(LinkField, String)> = Vec::new();
    match record {
        Record::Actor(a) => {
            for x in &a.affiliations {
                out.push((LinkField::Affiliation, x.actor.to_string()));
            }
        }
        Record::Dispute(d) => {
            for p in &d.parties {
                out.push((LinkField::Party, p.actor.to_string()));
            }
        }
        Record::Issue(i) => out.push((LinkField::Dispute, i.dispute().to_string())),
        Record::Stance(s) => {
            out.push((LinkField::Actor, s.actor.to_string()));
            out.push((LinkField::Issue, s.issue.to_string()));
            out.push((LinkField::Dispute, s.issue.dispute().to_string()));
        }
        Record::Event(e) => {
            for a in e.sources.iter().chain(&e.targets) {
                out.push((LinkField::Actor, a.to_string()));
            }
            for i in &e.issues {
                out.push((LinkField::Issue, i.to_string()));
                out.push((LinkField::Dispute, i.dispute().to_string()));
            }
        }
        Record::Document(_) => {}
    }
    out.sort();
    out.dedup();
    out
}

/// When a record begins in valid time (`None`: always there): the date a view's `as_of` cut is
/// compared with. Stances from `valid_from`, events on their date, documents when published.
#[must_use]
pub fn begins_of(record: &Record) -> Option<NaiveDate> {
    match record {
        Record::Stance(s) => Some(s.valid_from),
        Record::Event(e) => Some(e.date.date),
        Record::Document(d) => d.published,
        Record::Actor(_) | Record::Dispute(_) | Record::Issue(_) => None,
    }
}

/// One page of one kind: the entities that match every link of `filter`, as `view` sees them,
/// whose names sort after `after`, at most `limit` of them, in name order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub kind: Kind,
    pub filter: Vec<Link>,
    pub view: View,
    /// Where the page starts (exclusive); set from a page token by [`PageTokens::resume`].
    pub after: Option<String>,
    pub limit: usize,
}

impl ListQuery {
    /// The first page of every entity of `kind` as it is now.
    #[must_use]
    pub fn new(kind: Kind, limit: usize) -> Self {
        Self {
            kind,
            filter: Vec::new(),
            view: View::current(),
            after: None,
            limit,
        }
    }

    #[must_use]
    pub fn with(mut self, link: Link) -> Self {
        self.filter.push(link);
        self
    }

    /// What a token is bound to: everything that picks the entities, not where the page starts
    /// or how long it is (AIP-158 lets a client change `page_size` between pages). Each part is
    /// length-prefixed, so no two queries share a binding.
    fn binding(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut part = |s: &str| {
            out.extend_from_slice(&(s.len() as u64).to_be_bytes());
            out.extend_from_slice(s.as_bytes());
        };
        part(self.kind.as_str());
        part(
            &self
                .view
                .revision
                .map(|r| r.to_string())
                .unwrap_or_default(),
        );
        part(&self.view.as_of.map(|d| d.to_string()).unwrap_or_default());
        let mut links: Vec<String> = self
            .filter
            .iter()
            .map(|l| match l {
                Link::To { field, target } => format!("to {} {target}", field.as_str()),
                Link::From { field, owner } => format!("from {} {owner}", field.as_str()),
                Link::Involved { dispute } => format!("involved {dispute}"),
            })
            .collect();
        links.sort();
        links.dedup();
        for link in &links {
            part(link);
        }
        out
    }
}

/// What a page holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub items: Vec<Versioned<Record>>,
    /// Whether more entities match after the last item.
    pub more: bool,
}

impl Page {
    /// The name the next page starts after, when there is a next page.
    #[must_use]
    pub fn last_name(&self) -> Option<&str> {
        if !self.more {
            return None;
        }
        self.items.last().map(|v| crate::record_name(&v.value))
    }
}

/// What a backend reads for one page: candidates in name order, filtered as far as it can.
#[derive(Debug, Clone, Copy)]
pub struct PageScan<'a> {
    pub kind: Kind,
    pub filter: &'a [Link],
    /// `None`: the current state.
    pub at: Option<Revision>,
    pub as_of: Option<NaiveDate>,
    pub after: Option<&'a str>,
    pub limit: usize,
}

/// A parameter of [`page_sql`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SqlValue {
    Text(String),
    Int(i64),
}

/// A date as the whole days since the common era, which order as the dates do.
pub(crate) fn day_of(date: chrono::NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&date))
}

/// The SQL of one page scan and its parameters, for SQLite (`?1`) and PostgreSQL (`$1`), whose
/// schemas match here (PostgreSQL's names compare in the "C" collation, bytewise, as SQLite's). The current state pages on `current` by name,
/// or, filtered, from the first link's index entry on (so a selective filter reads only what
/// it selects); other links and the date cut are conditions on each row. A past revision pages
/// on the log's `(kind, name, revision)` index, leaving the filter to the caller's check.
pub(crate) fn page_sql(scan: &PageScan<'_>, placeholder: char) -> (String, Vec<SqlValue>) {
    use SqlValue as Value;
    let mut params: Vec<Value> = Vec::new();
    let mut p = |v: Value| {
        params.push(v);
        format!("{placeholder}{}", params.len())
    };
    let kind = p(Value::Text(scan.kind.as_str().to_owned()));
    let after = p(Value::Text(scan.after.unwrap_or_default().to_owned()));
    let cmp = if scan.after.is_some() { ">" } else { ">=" };
    if let Some(at) = scan.at {
        let at = p(Value::Int(i64::try_from(at).unwrap_or(i64::MAX)));
        let limit = p(Value::Int(i64::try_from(scan.limit).unwrap_or(i64::MAX)));
        let sql = format!(
            "SELECT e.name, e.revision, e.body FROM entries e
             WHERE e.kind = {kind} AND e.name {cmp} {after} AND e.revision <= {at}
               AND e.body IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM entries f WHERE f.kind = e.kind AND f.name = e.name
                   AND f.revision <= {at}
                   AND (f.revision > e.revision OR (f.revision = e.revision AND f.seq > e.seq)))
             ORDER BY e.name LIMIT {limit}"
        );
        return (sql, params);
    }
    let mut conditions = Vec::new();
    // `Involved` is answered by the caller from the involvement index ([`LogTx::involved`]);
    // it never reaches a page scan of the current state, and is skipped here if it does.
    let indexed: Vec<&Link> = scan
        .filter
        .iter()
        .filter(|l| !matches!(l, Link::Involved { .. }))
        .collect();
    let (from, order) = match indexed.first().copied() {
        None | Some(Link::Involved { .. }) => {
            conditions.push(format!("c.kind = {kind} AND c.name {cmp} {after}"));
            ("current c".to_owned(), "c.name")
        }
        Some(Link::To { field, target }) => {
            let field = p(Value::Text(field.as_str().to_owned()));
            let target = p(Value::Text(target.clone()));
            conditions.push(format!(
                "d.kind = {kind} AND d.field = {field} AND d.target = {target} AND d.name {cmp} {after}"
            ));
            (
                "current_links d JOIN current c ON c.kind = d.kind AND c.name = d.name".to_owned(),
                "d.name",
            )
        }
        Some(Link::From { field, owner }) => {
            let owner_kind = p(Value::Text(
                Kind::of_name(owner).map_or("", Kind::as_str).to_owned(),
            ));
            let owner = p(Value::Text(owner.clone()));
            let field = p(Value::Text(field.as_str().to_owned()));
            conditions.push(format!(
                "d.kind = {owner_kind} AND d.name = {owner} AND d.field = {field} AND d.target {cmp} {after}"
            ));
            (
                format!("current_links d JOIN current c ON c.kind = {kind} AND c.name = d.target"),
                "d.target",
            )
        }
    };
    for link in indexed.iter().skip(1).copied() {
        let condition = match link {
            Link::To { field, target } => {
                let field = p(Value::Text(field.as_str().to_owned()));
                let target = p(Value::Text(target.clone()));
                format!(
                    "EXISTS (SELECT 1 FROM current_links l WHERE l.kind = c.kind AND l.name = c.name
                     AND l.field = {field} AND l.target = {target})"
                )
            }
            Link::From { field, owner } => {
                let owner_kind = p(Value::Text(
                    Kind::of_name(owner).map_or("", Kind::as_str).to_owned(),
                ));
                let owner = p(Value::Text(owner.clone()));
                let field = p(Value::Text(field.as_str().to_owned()));
                format!(
                    "EXISTS (SELECT 1 FROM current_links l WHERE l.kind = {owner_kind} AND l.name = {owner}
                     AND l.field = {field} AND l.target = c.name)"
                )
            }
            Link::Involved { .. } => continue,
        };
        conditions.push(condition);
    }
    if let Some(date) = scan.as_of {
        let day = p(Value::Int(day_of(date)));
        conditions.push(format!("(c.begins IS NULL OR c.begins <= {day})"));
    }
    let limit = p(Value::Int(i64::try_from(scan.limit).unwrap_or(i64::MAX)));
    let sql = format!(
        "SELECT c.name, c.revision, c.body FROM {from} WHERE {} ORDER BY {order} LIMIT {limit}",
        conditions.join(" AND ")
    );
    (sql, params)
}

type HmacSha256 = Hmac<Sha256>;

/// Bytes of the MAC kept in a token: 128 bits, past guessing.
const TAG_BYTES: usize = 16;
/// The token format's version, the first byte of every token.
const VERSION: u8 = 1;

/// Makes and checks page tokens: the name a listing continues after, with a keyed MAC
/// (HMAC-SHA-256) over it and the query it belongs to. A client cannot forge a token or move one
/// to another query (another kind, filter or view) without the key; either is refused as an
/// invalid `page_token`. The key is the server's: random per process, or shared by the replicas
/// behind one address so any of them can take the next page.
#[derive(Clone)]
pub struct PageTokens {
    /// Keyed once; each token starts from a copy.
    mac: HmacSha256,
}

impl std::fmt::Debug for PageTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageTokens(..)")
    }
}

impl PageTokens {
    /// Tokens under a fresh random key, good for this process only.
    ///
    /// # Errors
    /// When the operating system has no randomness to give.
    pub fn random() -> Result<Self, StoreError> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key)
            .map_err(|e| StoreError::Backend(format!("no randomness for page tokens: {e}")))?;
        Ok(Self::with_key(&key))
    }

    /// HMAC takes a key of any length: `new_from_slice` cannot fail for it.
    fn with_key(key: &[u8]) -> Self {
        let mac = <HmacSha256 as KeyInit>::new_from_slice(key)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        Self { mac }
    }

    /// Tokens under a key derived from a secret, for replicas that must accept each other's.
    #[must_use]
    pub fn from_secret(secret: &[u8]) -> Self {
        use sha2::Digest;
        let mut hasher = Sha256::new();
        hasher.update(b"polemos page tokens\0");
        hasher.update(secret);
        Self::with_key(&hasher.finalize())
    }

    /// The MAC over one token's contents: its version, its query and the name it resumes after.
    fn mac_of(&self, query: &ListQuery, last: &str) -> HmacSha256 {
        let mut mac = self.mac.clone();
        mac.update(&[VERSION]);
        mac.update(&query.binding());
        mac.update(last.as_bytes());
        mac
    }

    fn tag(&self, query: &ListQuery, last: &str) -> [u8; TAG_BYTES] {
        let full = self.mac_of(query, last).finalize().into_bytes();
        let mut tag = [0u8; TAG_BYTES];
        tag.copy_from_slice(&full[..TAG_BYTES]);
        tag
    }

    /// The token for the page of `query` after `page`, or `""` when it was the last page.
    #[must_use]
    pub fn next(&self, query: &ListQuery, page: &Page) -> String {
        match page.last_name() {
            Some(last) => self.after(query, last),
            None => String::new(),
        }
    }

    /// The token for the page of `query` that starts after the name `last`.
    #[must_use]
    pub fn after(&self, query: &ListQuery, last: &str) -> String {
        let mut raw = Vec::with_capacity(1 + TAG_BYTES + last.len());
        raw.push(VERSION);
        raw.extend_from_slice(&self.tag(query, last));
        raw.extend_from_slice(last.as_bytes());
        raw.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Sets where `query` starts from a token a previous page of the same query returned; an
    /// empty token is the first page.
    ///
    /// # Errors
    /// [`StoreError::InvalidArgument`] naming `page_token` when the token is malformed, was
    /// altered, was made under another key, or belongs to another query.
    pub fn resume(&self, query: &mut ListQuery, token: &str) -> Result<(), StoreError> {
        if token.is_empty() {
            query.after = None;
            return Ok(());
        }
        let bad = |reason: &str| StoreError::InvalidArgument {
            field: "page_token",
            reason: reason.to_owned(),
        };
        let malformed = "not a page token this server made";
        if !token.len().is_multiple_of(2) || !token.is_ascii() {
            return Err(bad(malformed));
        }
        let raw = (0..token.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&token[i..i + 2], 16))
            .collect::<Result<Vec<u8>, _>>()
            .map_err(|_| bad(malformed))?;
        if raw.len() <= 1 + TAG_BYTES || raw[0] != VERSION {
            return Err(bad(malformed));
        }
        let (tag, last) = raw[1..].split_at(TAG_BYTES);
        let last = std::str::from_utf8(last).map_err(|_| bad(malformed))?;
        // Compared in constant time: the MAC's own check.
        self.mac_of(query, last)
            .verify_truncated_left(tag).map_err(|_| {
            bad("not a token from a previous page of this list (another filter, view or server)")
        })?;
        query.after = Some(last.to_owned());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_after(name: &str) -> Page {
        let actor = polemos_core::Actor {
            name: polemos_core::ActorName::parse(name).expect("name"),
            kind: polemos_core::ActorKind::State,
            display_name: "X".into(),
            codes: polemos_core::ActorCodes::default(),
            aliases: Vec::new(),
            affiliations: Vec::new(),
        };
        Page {
            items: vec![Versioned {
                value: Record::Actor(actor),
                revision: 1,
            }],
            more: true,
        }
    }

    #[test]
    fn a_token_resumes_its_own_query_after_its_last_name() {
        let tokens = PageTokens::random().expect("key");
        let query = ListQuery::new(Kind::Actor, 2);
        let token = tokens.next(&query, &page_after("actors/JPN"));
        assert!(!token.contains("JPN"), "the token is not the name in plain");
        let mut again = ListQuery::new(Kind::Actor, 7);
        tokens.resume(&mut again, &token).expect("same query");
        assert_eq!(again.after.as_deref(), Some("actors/JPN"));
        assert_eq!(
            tokens.next(
                &query,
                &Page {
                    items: Vec::new(),
                    more: false
                }
            ),
            "",
            "the last page has no token"
        );
    }

    #[test]
    fn altered_foreign_or_moved_tokens_are_refused_naming_page_token() {
        let tokens = PageTokens::random().expect("key");
        let query = ListQuery::new(Kind::Stance, 2).with(Link::To {
            field: LinkField::Actor,
            target: "actors/JPN".into(),
        });
        let token = tokens.next(&query, &page_after("actors/JPN"));
        let refused =
            |tokens: &PageTokens, mut q: ListQuery, t: &str| match tokens.resume(&mut q, t) {
                Err(StoreError::InvalidArgument { field, .. }) => field,
                other => panic!("accepted or wrong error: {other:?}"),
            };
        // Another filter, another kind, another view.
        let other_actor = ListQuery::new(Kind::Stance, 2).with(Link::To {
            field: LinkField::Actor,
            target: "actors/RUS".into(),
        });
        assert_eq!(refused(&tokens, other_actor, &token), "page_token");
        assert_eq!(
            refused(&tokens, ListQuery::new(Kind::Stance, 2), &token),
            "page_token"
        );
        let mut at = query.clone();
        at.view = View::at_revision(3);
        assert_eq!(refused(&tokens, at, &token), "page_token");
        // Another server's key.
        let other = PageTokens::random().expect("key");
        assert_eq!(refused(&other, query.clone(), &token), "page_token");
        // One flipped bit anywhere, a cut, garbage.
        for i in 0..token.len() {
            let mut bytes = token.clone().into_bytes();
            bytes[i] = if bytes[i] == b'0' { b'1' } else { b'0' };
            let altered = String::from_utf8(bytes).expect("ascii");
            assert_eq!(refused(&tokens, query.clone(), &altered), "page_token");
        }
        assert_eq!(
            refused(&tokens, query.clone(), &token[..token.len() - 2]),
            "page_token"
        );
        assert_eq!(refused(&tokens, query.clone(), "zz"), "page_token");
        // A shared secret makes tokens that every replica with it accepts.
        let a = PageTokens::from_secret(b"s3cret");
        let b = PageTokens::from_secret(b"s3cret");
        let shared = a.next(&query, &page_after("actors/JPN"));
        let mut q = query.clone();
        b.resume(&mut q, &shared).expect("same secret");
        assert_eq!(
            refused(&PageTokens::from_secret(b"other"), query, &shared),
            "page_token"
        );
    }

    #[test]
    fn filters_bind_in_any_order() {
        let a = Link::To {
            field: LinkField::Actor,
            target: "actors/JPN".into(),
        };
        let b = Link::To {
            field: LinkField::Dispute,
            target: "disputes/kuril-islands".into(),
        };
        let one = ListQuery::new(Kind::Stance, 5)
            .with(a.clone())
            .with(b.clone());
        let two = ListQuery::new(Kind::Stance, 5).with(b).with(a);
        assert_eq!(one.binding(), two.binding());
    }
}
