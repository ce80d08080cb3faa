//! Lists one page at a time: what a page asks for ([`ListQuery`]), what it returns ([`Page`]),
//! the references an entity is filtered by ([`Link`], indexed by the SQL backends), and the page
//! tokens that carry a listing from one page to the next ([`PageTokens`]).
//!
//! Paging is by key: every list, filtered or not, returns entities in the order their names
//! were **first stored** (each name's integer key, assigned in commit order when the name is
//! first written; an entity deleted and stored again keeps its place), and a page is the first
//! `limit` matching entities whose key follows the last one of the page before, so a page costs
//! what it returns, not what the table holds. A dispute's involved actors and documents come in
//! the same order, of the involved entity. One order everywhere: names that begin with content
//! hashes never gave a useful alphabetical order. Each page reads the store as it is when
//! asked: an entity that exists throughout a listing is returned exactly once, in order; one
//! created or deleted meanwhile may or may not be.

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
/// whose keys follow `after`, at most `limit` of them, in first-stored order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub kind: Kind,
    pub filter: Vec<Link>,
    pub view: View,
    /// The key the page starts after (exclusive); set from a page token by
    /// [`PageTokens::resume`].
    pub after: Option<u64>,
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
    /// The key of the last item (its name's place in first-stored order), which a next page
    /// starts after.
    pub last_key: Option<u64>,
}

impl Page {
    /// The key the next page starts after, when there is a next page.
    #[must_use]
    pub fn next_after(&self) -> Option<u64> {
        if self.more { self.last_key } else { None }
    }
}

/// What a backend reads for one page: candidates in key order, filtered as far as it can.
#[derive(Debug, Clone, Copy)]
pub struct PageScan<'a> {
    pub kind: Kind,
    pub filter: &'a [Link],
    /// `None`: the current state.
    pub at: Option<Revision>,
    pub as_of: Option<NaiveDate>,
    /// The key the scan starts after (exclusive).
    pub after: Option<u64>,
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
/// schemas match here. Every name has an integer key in `names` (assigned in commit order), and
/// the tables over the current state are keyed by it: `current` (which `entries` row is the
/// entity's body), `current_links` and `current_involvements`. Pages are in key order. The
/// current state pages on `names (kind, id)`, or, filtered, from the first link's index entry on
/// (so a selective filter reads only what it selects); other links and the date cut are
/// conditions on each row. A past revision pages on `names (kind, id)` too, each name's latest
/// entry at the revision found on the log's `(name_id, revision, seq)` index, leaving the
/// filter to the caller's check. Each row is the name, the revision, the body and the key.
pub(crate) fn page_sql(scan: &PageScan<'_>, placeholder: char) -> (String, Vec<SqlValue>) {
    use SqlValue as Value;
    let mut params: Vec<Value> = Vec::new();
    // Keys start at 1: after 0 is the first page.
    let after_key = scan
        .after
        .map_or(0, |a| i64::try_from(a).unwrap_or(i64::MAX));
    if let Some(at) = scan.at {
        let kind = key_of_kind(&mut params, placeholder, scan.kind);
        let after = push(&mut params, placeholder, Value::Int(after_key));
        let at = push(
            &mut params,
            placeholder,
            Value::Int(i64::try_from(at).unwrap_or(i64::MAX)),
        );
        let limit = push(
            &mut params,
            placeholder,
            Value::Int(i64::try_from(scan.limit).unwrap_or(i64::MAX)),
        );
        let sql = format!(
            "SELECT n.name, e.revision, e.body, n.id FROM names n JOIN entries e ON e.name_id = n.id
             WHERE n.kind = {kind} AND n.id > {after} AND e.revision <= {at}
               AND e.body IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM entries f WHERE f.name_id = n.id
                   AND f.revision <= {at}
                   AND (f.revision > e.revision OR (f.revision = e.revision AND f.seq > e.seq)))
             ORDER BY n.id LIMIT {limit}"
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
    let (from, key) = match indexed.first().copied() {
        None | Some(Link::Involved { .. }) => {
            let kind = key_of_kind(&mut params, placeholder, scan.kind);
            let after = push(&mut params, placeholder, Value::Int(after_key));
            // `c.id > after` repeats what the join implies: PostgreSQL carries equalities across a
            // join but not ranges, and without it a merge join reads `current` from its start up
            // to the key, so a page deep into a million names cost 200 ms instead of 2.
            conditions.push(format!(
                "n.kind = {kind} AND n.id > {after} AND c.id > {after}"
            ));
            ("names n JOIN current c ON c.id = n.id", "n.id")
        }
        Some(Link::To { field, target }) => {
            let kind = key_of_kind(&mut params, placeholder, scan.kind);
            let field = push(
                &mut params,
                placeholder,
                Value::Text(field.as_str().to_owned()),
            );
            let target = name_key(&mut params, placeholder, target);
            let after = push(&mut params, placeholder, Value::Int(after_key));
            conditions.push(format!(
                "d.kind = {kind} AND d.field = {field} AND d.target = {target} AND d.name_id > {after} AND c.id > {after}"
            ));
            (
                "current_links d JOIN names n ON n.id = d.name_id JOIN current c ON c.id = d.name_id",
                "d.name_id",
            )
        }
        Some(Link::From { field, owner }) => {
            let owner = name_key(&mut params, placeholder, owner);
            let field = push(
                &mut params,
                placeholder,
                Value::Text(field.as_str().to_owned()),
            );
            let after = push(&mut params, placeholder, Value::Int(after_key));
            let kind = key_of_kind(&mut params, placeholder, scan.kind);
            conditions.push(format!(
                "d.name_id = {owner} AND d.field = {field} AND d.target > {after} AND c.id > {after} AND n.kind = {kind}"
            ));
            (
                "current_links d JOIN names n ON n.id = d.target JOIN current c ON c.id = d.target",
                "d.target",
            )
        }
    };
    for link in indexed.iter().skip(1).copied() {
        let condition = match link {
            Link::To { field, target } => {
                let field = push(
                    &mut params,
                    placeholder,
                    Value::Text(field.as_str().to_owned()),
                );
                let target = name_key(&mut params, placeholder, target);
                format!(
                    "EXISTS (SELECT 1 FROM current_links l WHERE l.name_id = n.id
                     AND l.field = {field} AND l.target = {target})"
                )
            }
            Link::From { field, owner } => {
                let owner = name_key(&mut params, placeholder, owner);
                let field = push(
                    &mut params,
                    placeholder,
                    Value::Text(field.as_str().to_owned()),
                );
                format!(
                    "EXISTS (SELECT 1 FROM current_links l WHERE l.name_id = {owner}
                     AND l.field = {field} AND l.target = n.id)"
                )
            }
            Link::Involved { .. } => continue,
        };
        conditions.push(condition);
    }
    if let Some(date) = scan.as_of {
        let day = push(&mut params, placeholder, Value::Int(day_of(date)));
        conditions.push(format!("(c.begins IS NULL OR c.begins <= {day})"));
    }
    let limit = push(
        &mut params,
        placeholder,
        Value::Int(i64::try_from(scan.limit).unwrap_or(i64::MAX)),
    );
    let sql = format!(
        "SELECT n.name, c.revision, e.body, n.id FROM {from}
         JOIN entries e ON e.revision = c.revision AND e.seq = c.seq
         WHERE {} ORDER BY {key} LIMIT {limit}",
        conditions.join(" AND ")
    );
    (sql, params)
}

/// Adds a parameter and returns its placeholder.
fn push(params: &mut Vec<SqlValue>, placeholder: char, value: SqlValue) -> String {
    params.push(value);
    format!("{placeholder}{}", params.len())
}

/// The placeholder of a kind's name as a parameter.
fn key_of_kind(params: &mut Vec<SqlValue>, placeholder: char, kind: Kind) -> String {
    push(
        params,
        placeholder,
        SqlValue::Text(kind.as_str().to_owned()),
    )
}

/// A subquery giving the key of a name, or NULL (which matches nothing) when it was never
/// stored.
fn name_key(params: &mut Vec<SqlValue>, placeholder: char, name: &str) -> String {
    let kind = push(
        params,
        placeholder,
        SqlValue::Text(Kind::of_name(name).map_or("", Kind::as_str).to_owned()),
    );
    let name = push(params, placeholder, SqlValue::Text(name.to_owned()));
    format!("(SELECT k.id FROM names k WHERE k.kind = {kind} AND k.name = {name})")
}

type HmacSha256 = Hmac<Sha256>;

/// Bytes of the MAC kept in a token: 128 bits, past guessing.
const TAG_BYTES: usize = 16;
/// The token format's version, the first byte of every token: 2 carries a key (version 1
/// carried a name, when pages were in name order; such tokens are refused as malformed).
const VERSION: u8 = 2;

/// Makes and checks page tokens: the key a listing continues after, with a keyed MAC
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

    /// The MAC over one token's contents: its version, its query and the key it resumes after.
    fn mac_of(&self, query: &ListQuery, last: u64) -> HmacSha256 {
        let mut mac = self.mac.clone();
        mac.update(&[VERSION]);
        mac.update(&query.binding());
        mac.update(&last.to_be_bytes());
        mac
    }

    fn tag(&self, query: &ListQuery, last: u64) -> [u8; TAG_BYTES] {
        let full = self.mac_of(query, last).finalize().into_bytes();
        let mut tag = [0u8; TAG_BYTES];
        tag.copy_from_slice(&full[..TAG_BYTES]);
        tag
    }

    /// The token for the page of `query` after `page`, or `""` when it was the last page.
    #[must_use]
    pub fn next(&self, query: &ListQuery, page: &Page) -> String {
        match page.next_after() {
            Some(last) => self.after(query, last),
            None => String::new(),
        }
    }

    /// The token for the page of `query` that starts after the key `last`.
    #[must_use]
    pub fn after(&self, query: &ListQuery, last: u64) -> String {
        let mut raw = Vec::with_capacity(1 + TAG_BYTES + 8);
        raw.push(VERSION);
        raw.extend_from_slice(&self.tag(query, last));
        raw.extend_from_slice(&last.to_be_bytes());
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
        if raw.len() != 1 + TAG_BYTES + 8 || raw[0] != VERSION {
            return Err(bad(malformed));
        }
        let (tag, last) = raw[1..].split_at(TAG_BYTES);
        let last = u64::from_be_bytes(last.try_into().map_err(|_| bad(malformed))?);
        // Compared in constant time: the MAC's own check.
        self.mac_of(query, last)
            .verify_truncated_left(tag).map_err(|_| {
            bad("not a token from a previous page of this list (another filter, view or server)")
        })?;
        query.after = Some(last);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_after(name: &str, key: u64) -> Page {
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
            last_key: Some(key),
        }
    }

    #[test]
    fn a_token_resumes_its_own_query_after_its_last_name() {
        let tokens = PageTokens::random().expect("key");
        let query = ListQuery::new(Kind::Actor, 2);
        let token = tokens.next(&query, &page_after("actors/JPN", 7));
        assert!(!token.contains("JPN"), "the token does not carry the name");
        let mut again = ListQuery::new(Kind::Actor, 7);
        tokens.resume(&mut again, &token).expect("same query");
        assert_eq!(again.after, Some(7));
        assert_eq!(
            tokens.next(
                &query,
                &Page {
                    items: Vec::new(),
                    more: false,
                    last_key: None,
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
        let token = tokens.next(&query, &page_after("actors/JPN", 7));
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
        let shared = a.next(&query, &page_after("actors/JPN", 7));
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
