//! The revision log that every backend stores, and [`LogStore`], which implements [`Store`] once
//! over any backend: validation, preconditions, no-op detection and referential checks happen
//! here, so the backends only read and append entries.

use std::cell::RefCell;
use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use polemos_core::{
    ActorName, DisputeName, DocumentName, Dossier, Existing, IssueName, Record, content_hash,
    validate,
};

use crate::page::{
    Link, LinkField, ListQuery, Page, PageScan, begins_of, involvements_of, links_of,
};
use crate::{
    Change, ChangeRange, CommitResult, Kind, Op, PointCache, Precondition, Revision, Store,
    StoreError, Subscription, Versioned, View, Wake, WriteBatch, record_name,
};

/// One stored entry of the log: an entity's state as of a revision (`body: None` = deleted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub revision: Revision,
    pub committed_at: DateTime<Utc>,
    pub kind: Kind,
    pub name: String,
    /// The entity as canonical JSON.
    pub body: Option<String>,
}

/// An entry about to be appended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub kind: Kind,
    pub name: String,
    pub body: Option<String>,
    /// For documents: the SHA-256 of the text, kept in an index for de-duplication.
    pub content_hash: Option<String>,
    /// What the entity refers to ([`links_of`]), kept in an index that filtered lists read.
    pub links: Vec<(LinkField, String)>,
    /// The `(dispute, target)` pairs the entity contributes to [`Link::Involved`]
    /// ([`involvements_of`]), kept in an index that a dispute's actors and documents are listed
    /// from; a write replaces the entity's pairs, a deletion removes them.
    pub involves: Vec<(String, String)>,
    /// The pairs of the record this entry replaces or deletes (empty for a new entity): the
    /// index rows to remove, found by their whole key. (An index by record only for that was
    /// a fifth of what an ingest wrote into the store's indexes.) `None` when they cannot be
    /// known, because the stored body does not decode: the backend then removes every row of
    /// the record, by its name, with a scan.
    pub involved_before: Option<Vec<(String, String)>>,
    /// When the entity begins in valid time ([`begins_of`]), for lists with an `as_of` cut.
    pub begins: Option<NaiveDate>,
}

/// A live entity as a page scan reads it: name, the revision of its last change, its body, and
/// its key (its name's place in first-stored order, which pages are in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRow {
    pub name: String,
    pub revision: Revision,
    pub body: String,
    pub key: u64,
}

/// What the store remembers of a request id: the request's fingerprint and the revision its
/// batch committed at (the head at the time when it changed nothing).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RequestRecord {
    pub fingerprint: String,
    pub revision: Revision,
}

/// Reads and appends within one transaction of a backend.
pub trait LogTx {
    /// # Errors
    /// Backend errors.
    fn head(&mut self) -> Result<Revision, StoreError>;
    /// The latest entry for one entity at or before `at` (`None`: now), deletions included.
    ///
    /// # Errors
    /// Backend errors.
    fn latest(
        &mut self,
        kind: Kind,
        name: &str,
        at: Option<Revision>,
    ) -> Result<Option<Entry>, StoreError>;
    /// An entity's current body and the revision of its last change; `None` when it does not
    /// exist or was deleted. What a Get of the current view needs: backends that keep an index
    /// of the current state answer it there, without searching the log.
    ///
    /// # Errors
    /// Backend errors.
    fn live(&mut self, kind: Kind, name: &str) -> Result<Option<(Revision, String)>, StoreError> {
        Ok(self
            .latest(kind, name, None)?
            .and_then(|e| e.body.map(|body| (e.revision, body))))
    }
    /// This connection's cache of current point reads, first checked against the store and
    /// emptied if anything was committed since it was filled. The check is made once per
    /// transaction, before the reads that fill the cache: what they read is never older than
    /// the state it is filed under, so any later commit empties it. `None` (the default) where
    /// the backend cannot tell cheaply and for certain whether anything changed, and where the
    /// reads see a snapshot older than the check could vouch for.
    ///
    /// # Errors
    /// Backend errors.
    fn point_cache(&mut self) -> Result<Option<&mut PointCache>, StoreError> {
        Ok(None)
    }
    /// The latest live (not deleted) entry of every entity of `kind` at or before `at`, in
    /// first-stored order (the order of the names' keys).
    ///
    /// # Errors
    /// Backend errors.
    fn latest_all(&mut self, kind: Kind, at: Option<Revision>) -> Result<Vec<Entry>, StoreError>;
    /// Live entities of `scan.kind` as at `scan.at` (`None`: now) whose keys follow
    /// `scan.after`, in key order (first-stored order), at most `scan.limit`. A backend may leave out
    /// those that fail `scan.filter` or `scan.as_of` (an index answers that cheaply) or return
    /// them anyway: [`LogStore`] checks every row it gets against both, so the semantics are
    /// the same in every backend.
    ///
    /// # Errors
    /// Backend errors.
    fn page(&mut self, scan: &PageScan<'_>) -> Result<Vec<PageRow>, StoreError>;
    /// The distinct names of `kind` that some current record of `dispute` involves
    /// ([`NewEntry::involves`]), with their keys, in key order after `after`, at most `limit`:
    /// one index seek per name, however many records name it.
    ///
    /// # Errors
    /// Backend errors.
    fn involved(
        &mut self,
        dispute: &str,
        kind: Kind,
        after: Option<u64>,
        limit: usize,
    ) -> Result<Vec<(u64, String)>, StoreError>;
    /// The live entities of `kind` that the current records of `dispute` involve, after key
    /// `after`, at most `limit` names: each with its current body, in key order; with how many
    /// names the index gave (fewer than `limit`: nothing follows) and the last one's key. The
    /// default reads [`LogTx::involved`] and then each body ([`LogTx::live`]): cheap in
    /// process, a round trip each over a network, where a backend answers it in one statement.
    ///
    /// # Errors
    /// Backend errors.
    fn involved_live(
        &mut self,
        dispute: &str,
        kind: Kind,
        after: Option<u64>,
        limit: usize,
    ) -> Result<(Vec<PageRow>, usize, Option<u64>), StoreError> {
        let names = self.involved(dispute, kind, after, limit)?;
        let found = names.len();
        let last = names.last().map(|(key, _)| *key);
        let mut rows = Vec::with_capacity(found);
        for (key, name) in names {
            // References are checked on write, so an involved entity exists; skip it if not.
            if let Some((revision, body)) = self.live(kind, &name)? {
                rows.push(PageRow {
                    name,
                    revision,
                    body,
                    key,
                });
            }
        }
        Ok((rows, found, last))
    }
    /// The entries `range` selects, in log order (see [`ChangeRange`]).
    ///
    /// # Errors
    /// Backend errors.
    fn since(&mut self, range: ChangeRange) -> Result<Vec<Entry>, StoreError>;
    /// The live document with this content hash.
    ///
    /// # Errors
    /// Backend errors.
    fn document_by_hash(&mut self, hash: &str) -> Result<Option<String>, StoreError>;
    /// What was recorded under a request id, if anything.
    ///
    /// # Errors
    /// Backend errors.
    fn request(&mut self, id: &str) -> Result<Option<RequestRecord>, StoreError>;
    /// Records a request id, in the same transaction as the batch it names.
    ///
    /// # Errors
    /// Backend errors.
    fn record_request(&mut self, id: &str, record: &RequestRecord) -> Result<(), StoreError>;
    /// Appends one revision with its entries.
    ///
    /// # Errors
    /// Backend errors.
    fn append(
        &mut self,
        revision: Revision,
        committed_at: DateTime<Utc>,
        message: &str,
        entries: &[NewEntry],
    ) -> Result<(), StoreError>;
}

/// A place the log is kept. `write` runs its closure in one transaction: all appends land if it
/// returns `Ok`, none if it returns `Err`; concurrent writes are serialized.
pub trait Backend: Send + Sync {
    /// # Errors
    /// The closure's error, or a backend error.
    fn read<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Result<R, StoreError>;
    /// # Errors
    /// The closure's error, or a backend error; either way nothing is written.
    fn write<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Result<R, StoreError>;
    /// [`Backend::read`], but only if it can start at once on the calling thread: an idle
    /// in-process connection, no lock held by another call, no network round trip. `None`
    /// (the default, and what remote backends keep) means "call `read` where blocking is fine".
    ///
    /// # Errors
    /// As for `read`.
    fn try_read<R>(
        &self,
        _f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Option<Result<R, StoreError>> {
        None
    }
    /// [`Backend::try_read`] without a transaction around `f`: each of its reads sees the store
    /// as committed when that read starts, so a later read may see a commit an earlier one did
    /// not. Enough for a point read, even one checked against the point cache first (see
    /// [`LogTx::point_cache`]), and cheaper where a transaction costs statements of its own. By
    /// default the same as `try_read`.
    ///
    /// # Errors
    /// As for `read`.
    fn try_read_unpinned<R>(
        &self,
        f: impl FnOnce(&mut dyn LogTx) -> Result<R, StoreError>,
    ) -> Option<Result<R, StoreError>> {
        self.try_read(f)
    }
    /// See [`Store::subscribe`]; backends without a cross-process signal keep this default.
    ///
    /// # Errors
    /// When the backend has a signal but cannot start listening.
    fn subscribe(&self, _wake: Wake) -> Result<Option<Subscription>, StoreError> {
        Ok(None)
    }
}

/// [`Store`] over any [`Backend`].
pub struct LogStore<B> {
    backend: B,
}

impl<B: Backend> LogStore<B> {
    pub fn new(backend: B) -> Self {
        Self { backend }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }
}

/// Decodes a stored body into the record of its kind.
///
/// # Errors
/// [`StoreError::Corrupt`] when the body does not parse.
pub fn decode(kind: Kind, name: &str, body: &str) -> Result<Record, StoreError> {
    let corrupt = |e: serde_json::Error| StoreError::Corrupt {
        what: name.to_owned(),
        reason: e.to_string(),
    };
    Ok(match kind {
        Kind::Actor => Record::Actor(serde_json::from_str(body).map_err(corrupt)?),
        Kind::Dispute => Record::Dispute(serde_json::from_str(body).map_err(corrupt)?),
        Kind::Issue => Record::Issue(serde_json::from_str(body).map_err(corrupt)?),
        Kind::Stance => Record::Stance(serde_json::from_str(body).map_err(corrupt)?),
        Kind::Event => Record::Event(serde_json::from_str(body).map_err(corrupt)?),
        Kind::Document => Record::Document(serde_json::from_str(body).map_err(corrupt)?),
    })
}

fn encode(record: &Record) -> String {
    // Plain data with string keys always serializes.
    let value = match record {
        Record::Actor(x) => serde_json::to_string(x),
        Record::Dispute(x) => serde_json::to_string(x),
        Record::Issue(x) => serde_json::to_string(x),
        Record::Stance(x) => serde_json::to_string(x),
        Record::Event(x) => serde_json::to_string(x),
        Record::Document(x) => serde_json::to_string(x),
    };
    value.unwrap_or_default()
}

/// What exists in the store, minus what the batch deletes, for validating references.
struct StoredNames<'a> {
    tx: RefCell<&'a mut dyn LogTx>,
    deleted: &'a HashSet<(Kind, String)>,
    error: RefCell<Option<StoreError>>,
    /// Stored texts already read: a batch of many stances quoting one stored document decodes
    /// it once.
    texts: RefCell<std::collections::HashMap<String, Option<std::sync::Arc<str>>>>,
    /// Names already looked up: a batch of many documents names the same few actors and issues
    /// in most of its stances and events, and each reference is checked.
    found: RefCell<std::collections::HashMap<(Kind, String), bool>>,
}

impl StoredNames<'_> {
    fn has(&self, kind: Kind, name: &str) -> bool {
        let key = (kind, name.to_owned());
        if self.deleted.contains(&key) {
            return false;
        }
        if let Some(&found) = self.found.borrow().get(&key) {
            return found;
        }
        // The current state is enough: whether the entity exists now.
        let found = match self.tx.borrow_mut().live(kind, name) {
            Ok(entry) => entry.is_some(),
            Err(e) => {
                self.error.borrow_mut().get_or_insert(e);
                return false;
            }
        };
        self.found.borrow_mut().insert(key, found);
        found
    }
}

impl Existing for StoredNames<'_> {
    fn has_actor(&self, name: &ActorName) -> bool {
        self.has(Kind::Actor, name.as_str())
    }
    fn has_dispute(&self, name: &DisputeName) -> bool {
        self.has(Kind::Dispute, name.as_str())
    }
    fn has_issue(&self, name: &IssueName) -> bool {
        self.has(Kind::Issue, name.as_str())
    }
    fn has_document(&self, name: &DocumentName) -> bool {
        self.has(Kind::Document, name.as_str())
    }
    fn document_text(&self, name: &DocumentName) -> Option<std::sync::Arc<str>> {
        if self.deleted.contains(&(Kind::Document, name.to_string())) {
            return None;
        }
        if let Some(known) = self.texts.borrow().get(name.as_str()) {
            return known.clone();
        }
        let text = self.read_text(name);
        self.texts
            .borrow_mut()
            .insert(name.to_string(), text.clone());
        text
    }
}

impl StoredNames<'_> {
    fn read_text(&self, name: &DocumentName) -> Option<std::sync::Arc<str>> {
        let entry = match self.tx.borrow_mut().live(Kind::Document, name.as_str()) {
            Ok(entry) => entry,
            Err(e) => {
                self.error.borrow_mut().get_or_insert(e);
                return None;
            }
        };
        match decode(Kind::Document, name.as_str(), &entry?.1) {
            Ok(Record::Document(doc)) => Some(doc.text.into()),
            Ok(_) => None,
            Err(e) => {
                self.error.borrow_mut().get_or_insert(e);
                None
            }
        }
    }
}

/// `live`: the revision of the entity's last change, if it exists now (see [`LogTx::live`]).
fn check_precondition(
    name: &str,
    precondition: Precondition,
    live: Option<Revision>,
) -> Result<(), StoreError> {
    match (precondition, live) {
        (Precondition::None, _) | (Precondition::MustNotExist, None) => Ok(()),
        (Precondition::MustNotExist, Some(_)) => Err(StoreError::AlreadyExists {
            name: name.to_owned(),
        }),
        (Precondition::AtRevision(expected), Some(revision)) if revision == expected => Ok(()),
        (Precondition::AtRevision(expected), actual) => Err(StoreError::Conflict {
            name: name.to_owned(),
            expected,
            actual,
        }),
    }
}

/// A document's new text must still hold the evidence spans stored stances and events point
/// into it, or the store would hold what `export` writes and `import` refuses. (Records in the
/// batch itself were checked against the new text by `validate`.) Scans every stored stance and
/// event (text changes to stored documents are rare), and only those: a document being
/// repaired, whose stored body does not decode, is checked like any other.
fn check_spans_into(
    tx: &mut dyn LogTx,
    batch: &Dossier,
    retexted: &[(&str, &str)],
) -> Result<(), StoreError> {
    let stances = list_in(tx, Kind::Stance, View::current())?;
    let events = list_in(tx, Kind::Event, View::current())?;
    let in_batch: HashSet<String> = batch
        .records()
        .iter()
        .map(|r| record_name(r).to_owned())
        .collect();
    let evidence = stances
        .iter()
        .chain(&events)
        .filter_map(|v| match &v.value {
            Record::Stance(s) => Some((s.name.to_string(), &s.evidence)),
            Record::Event(e) => Some((e.name.to_string(), &e.evidence)),
            _ => None,
        })
        .filter(|(name, _)| !in_batch.contains(name));
    let mut out = Vec::new();
    for (name, list) in evidence {
        for ev in list {
            let (Some(doc), Some(span)) = (&ev.document, ev.span) else {
                continue;
            };
            if let Some((doc_name, text)) = retexted.iter().find(|(n, _)| doc.as_str() == *n)
                && !polemos_core::validate::span_fits(text, span)
            {
                let i = batch
                    .documents
                    .iter()
                    .position(|d| d.name.as_str() == *doc_name)
                    .unwrap_or(0);
                out.push(polemos_core::Violation {
                    path: format!("documents[{i}].text"),
                    rule: format!(
                        "the new text does not hold the evidence span {}..{} of {name} on character boundaries",
                        span.start, span.end
                    ),
                });
            }
        }
    }
    if out.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Invalid(polemos_core::ValidationErrors(out)))
    }
}

/// Names every live entity refers to, for refusing deletes that would leave dangling references.
fn references(record: &Record) -> Vec<String> {
    let mut out = Vec::new();
    let mut evidence = |ev: &[polemos_core::Evidence]| {
        for e in ev {
            out.extend(e.document.iter().map(|d| d.to_string()));
            out.extend(e.speaker.iter().map(|d| d.to_string()));
            out.extend(e.reported_by.iter().map(|d| d.to_string()));
        }
    };
    let mut refs = Vec::new();
    match record {
        Record::Actor(a) => refs.extend(a.affiliations.iter().map(|x| x.actor.to_string())),
        Record::Dispute(d) => {
            refs.extend(d.parties.iter().map(|p| p.actor.to_string()));
            refs.extend(d.objects.iter().flat_map(|o| {
                o.names
                    .iter()
                    .filter_map(|n| n.used_by.as_ref().map(ToString::to_string))
            }));
        }
        Record::Issue(i) => refs.push(i.dispute().to_string()),
        Record::Stance(s) => {
            refs.push(s.actor.to_string());
            refs.push(s.issue.to_string());
            refs.extend(s.conditions.iter().map(|c| c.issue.to_string()));
            evidence(&s.evidence);
        }
        Record::Event(e) => {
            refs.extend(e.sources.iter().chain(&e.targets).map(ToString::to_string));
            refs.extend(e.issues.iter().map(ToString::to_string));
            evidence(&e.evidence);
        }
        Record::Document(_) => {}
    }
    refs.extend(out);
    refs
}

/// Whether a record had begun by `date` (valid time): stances from `valid_from`, events on
/// their date, documents when published (undated documents always).
fn begun_by(record: &Record, date: NaiveDate) -> bool {
    match record {
        Record::Stance(s) => s.valid_from <= date,
        Record::Event(e) => e.date.date <= date,
        Record::Document(d) => d.published.is_none_or(|p| p <= date),
        Record::Actor(_) | Record::Dispute(_) | Record::Issue(_) => true,
    }
}

fn list_in(
    tx: &mut dyn LogTx,
    kind: Kind,
    view: View,
) -> Result<Vec<Versioned<Record>>, StoreError> {
    // A view at the head reads the current state, which backends answer without searching
    // history (List pins its pages to the revision it started at, usually the head).
    let at = match view.revision {
        Some(r) if r < tx.head()? => Some(r),
        _ => None,
    };
    // In first-stored order, as every list.
    let entries = tx.latest_all(kind, at)?;
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        let Some(body) = &entry.body else { continue };
        let value = decode(kind, &entry.name, body)?;
        if view.as_of.is_none_or(|date| begun_by(&value, date)) {
            out.push(Versioned {
                value,
                revision: entry.revision,
            });
        }
    }
    Ok(out)
}

/// For each link of `filter`, the names it allows when that is a set to check against (`None`:
/// checked on the record itself, or answered by the index the page was read from). A
/// `Link::From` allows the references of its owner as at `at` through its field (an owner that
/// does not exist allows none); a `Link::Involved` read at a past revision allows what the
/// dispute's records involved then, gathered from every stance and event of that revision (the
/// involvement index keeps the current state only).
fn link_sets(
    tx: &mut dyn LogTx,
    filter: &[Link],
    at: Option<Revision>,
) -> Result<Vec<Option<HashSet<String>>>, StoreError> {
    let mut out = Vec::new();
    for link in filter {
        let set = match link {
            Link::To { .. } => None,
            Link::Involved { .. } if at.is_none() => None,
            Link::Involved { dispute } => {
                let mut names = HashSet::new();
                for kind in [Kind::Dispute, Kind::Stance, Kind::Event] {
                    for entry in tx.latest_all(kind, at)? {
                        let Some(body) = &entry.body else { continue };
                        let record = decode(kind, &entry.name, body)?;
                        names.extend(
                            involvements_of(&record)
                                .into_iter()
                                .filter(|(d, _)| d == dispute)
                                .map(|(_, target)| target),
                        );
                    }
                }
                Some(names)
            }
            Link::From { field, owner } => {
                let mut names = HashSet::new();
                if let Some(kind) = Kind::of_name(owner)
                    && let Some(entry) = tx.latest(kind, owner, at)?
                    && let Some(body) = &entry.body
                {
                    let record = decode(kind, owner, body)?;
                    names.extend(
                        links_of(&record)
                            .into_iter()
                            .filter(|(f, _)| f == field)
                            .map(|(_, target)| target),
                    );
                }
                Some(names)
            }
        };
        out.push(set);
    }
    Ok(out)
}

/// Whether a record passes every link of a filter and the view's date cut; `sets` holds what
/// [`link_sets`] found for each link, in order.
fn passes(record: &Record, filter: &[Link], sets: &[Option<HashSet<String>>], view: View) -> bool {
    if view
        .as_of
        .is_some_and(|date| begins_of(record).is_some_and(|b| b > date))
    {
        return false;
    }
    let links = links_of(record);
    filter
        .iter()
        .zip(sets)
        .all(|(link, set)| match (link, set) {
            (_, Some(names)) => names.contains(record_name(record)),
            (Link::To { field, target }, None) => {
                links.iter().any(|(f, t)| f == field && t == target)
            }
            // Read from the index that answers it.
            (Link::From { .. } | Link::Involved { .. }, None) => true,
        })
}

/// One page of a list: rows from the backend in key order (or, for a dispute's actors and
/// documents, from the involvement index), each checked against the filter, until the page is
/// full and one more match shows there is a next page.
fn page_in(tx: &mut dyn LogTx, query: &ListQuery) -> Result<Page, StoreError> {
    let at = match query.view.revision {
        Some(r) if r < tx.head()? => Some(r),
        _ => None,
    };
    let sets = link_sets(tx, &query.filter, at)?;
    let involved = match at {
        Some(_) => None,
        None => query.filter.iter().find_map(|l| match l {
            Link::Involved { dispute } => Some(dispute.as_str()),
            _ => None,
        }),
    };
    let limit = query.limit.max(1);
    let mut items = Vec::with_capacity(limit.min(1024));
    let mut after = query.after;
    let mut last_key = None;
    loop {
        let want = limit + 1 - items.len();
        let (rows, found, last) = match involved {
            Some(dispute) => tx.involved_live(dispute, query.kind, after, want)?,
            None => {
                let rows = tx.page(&PageScan {
                    kind: query.kind,
                    filter: &query.filter,
                    at,
                    as_of: query.view.as_of,
                    after,
                    limit: want,
                })?;
                let found = rows.len();
                let last = rows.last().map(|r| r.key);
                (rows, found, last)
            }
        };
        let exhausted = found < want;
        for row in rows {
            let value = decode(query.kind, &row.name, &row.body)?;
            if passes(&value, &query.filter, &sets, query.view) {
                if items.len() == limit {
                    // One more match: there is a next page, after the last item kept.
                    return Ok(Page {
                        items,
                        more: true,
                        last_key,
                    });
                }
                items.push(Versioned {
                    value,
                    revision: row.revision,
                });
                last_key = Some(row.key);
            }
        }
        if last.is_some() {
            after = last;
        }
        if exhausted {
            return Ok(Page {
                items,
                more: false,
                last_key,
            });
        }
    }
}

/// One entity as `view` sees it.
fn get_in(
    tx: &mut dyn LogTx,
    kind: Kind,
    name: &str,
    view: View,
) -> Result<Option<Versioned<Record>>, StoreError> {
    let Some(at) = view.revision else {
        return current_in(tx, kind, name);
    };
    let found = tx
        .latest(kind, name, Some(at))?
        .and_then(|e| e.body.map(|body| (e.revision, body)));
    Ok(decode_found(kind, name, found)?.0)
}

/// Decodes what a point read found (a revision and a body, or nothing), with the body's size.
fn decode_found(
    kind: Kind,
    name: &str,
    found: Option<(Revision, String)>,
) -> Result<(Option<Versioned<Record>>, usize), StoreError> {
    let Some((revision, body)) = found else {
        return Ok((None, 0));
    };
    let value = decode(kind, name, &body)?;
    Ok((Some(Versioned { value, revision }), body.len()))
}

/// An entity as it is now, from the connection's point cache when the backend keeps one.
fn current_in(
    tx: &mut dyn LogTx,
    kind: Kind,
    name: &str,
) -> Result<Option<Versioned<Record>>, StoreError> {
    if let Some(cached) = tx.point_cache()?.and_then(|cache| cache.get(kind, name)) {
        return Ok(cached.clone());
    }
    let (found, bytes) = decode_found(kind, name, tx.live(kind, name)?)?;
    if let Some(cache) = tx.point_cache()? {
        cache.put(kind, name, found.clone(), bytes);
    }
    Ok(found)
}

/// The store as `view` sees it, every kind in name order (lists are in first-stored order; a
/// dossier, and so an export, is sorted by name whatever order the records were stored in).
fn snapshot_in(tx: &mut dyn LogTx, view: View) -> Result<Dossier, StoreError> {
    let mut dossier = Dossier::new();
    for kind in Kind::ALL {
        let mut entries = list_in(tx, kind, view)?;
        entries.sort_by(|a, b| record_name(&a.value).cmp(record_name(&b.value)));
        for entry in entries {
            dossier.push(entry.value);
        }
    }
    Ok(dossier)
}

impl<B: Backend> Store for LogStore<B> {
    fn commit(&self, mut batch: WriteBatch) -> Result<CommitResult, StoreError> {
        // The content hash is derived from the text: fill it in rather than trust a caller.
        for op in &mut batch.ops {
            if let Op::Put {
                record: Record::Document(doc),
                ..
            } = op
                && doc.content_hash.is_empty()
            {
                doc.content_hash = content_hash(&doc.text);
            }
        }
        let mut seen = HashSet::new();
        let mut deleted = HashSet::new();
        let mut dossier = Dossier::new();
        for op in &batch.ops {
            let (kind, name) = match op {
                Op::Put { record, .. } => (Kind::of_record(record), record_name(record).to_owned()),
                Op::Delete { kind, name, .. } => {
                    if Kind::of_name(name) != Some(*kind) {
                        return Err(StoreError::BadName {
                            name: name.clone(),
                            reason: format!("not the name of a {}", kind.as_str()),
                        });
                    }
                    deleted.insert((*kind, name.clone()));
                    (*kind, name.clone())
                }
            };
            if !seen.insert((kind, name.clone())) && deleted.contains(&(kind, name.clone())) {
                return Err(StoreError::BadName {
                    name,
                    reason: "appears more than once in one batch with a delete".into(),
                });
            }
            if let Op::Put { record, .. } = op {
                dossier.push(record.clone());
            }
        }

        self.backend.write(|tx| {
            let head = tx.head()?;
            if let Some(request) = batch.request.as_ref().filter(|_| !batch.validate_only)
                && let Some(first) = tx.request(&request.id)?
            {
                return Ok(CommitResult {
                    revision: head,
                    created: 0,
                    updated: 0,
                    deleted: 0,
                    unchanged: 0,
                    replay: Some(first),
                });
            }
            {
                let existing = StoredNames {
                    tx: RefCell::new(&mut *tx),
                    deleted: &deleted,
                    error: RefCell::new(None),
                    texts: RefCell::default(),
                    found: RefCell::default(),
                };
                let outcome = validate(&dossier, &existing);
                if let Some(e) = existing.error.into_inner() {
                    return Err(e);
                }
                outcome?;
            }

            let mut result = CommitResult {
                revision: head,
                created: 0,
                updated: 0,
                deleted: 0,
                unchanged: 0,
                replay: None,
            };
            let mut entries = Vec::with_capacity(batch.ops.len());
            // Stored documents whose text this batch changes, with the new text.
            let mut retexted: Vec<(&str, &str)> = Vec::new();
            for op in &batch.ops {
                match op {
                    Op::Put {
                        record,
                        precondition,
                    } => {
                        let kind = Kind::of_record(record);
                        let name = record_name(record);
                        // The current state, not the log: one lookup where a backend keeps an
                        // index of it (SQLite), instead of a search of the entity's history.
                        let current = tx.live(kind, name)?;
                        check_precondition(name, *precondition, current.as_ref().map(|c| c.0))?;
                        let body = encode(record);
                        let hash = match record {
                            Record::Document(doc) => {
                                if let Some(other) = tx.document_by_hash(&doc.content_hash)?
                                    && other != name
                                {
                                    return Err(StoreError::AlreadyExists {
                                        name: format!("{other} (holds the same text as {name})"),
                                    });
                                }
                                Some(doc.content_hash.clone())
                            }
                            _ => None,
                        };
                        let mut involved_before = Some(Vec::new());
                        match current.map(|(_, body)| body) {
                            Some(old) if old == body => {
                                result.unchanged += 1;
                                continue;
                            }
                            Some(old) => {
                                result.updated += 1;
                                // A body that does not decode is replaced all the same (a
                                // repair): its index rows go by name. A document's old text is
                                // then unknown, so the new one is checked against the evidence
                                // spans stored records point into, as a changed text is.
                                let before = decode(kind, name, &old).ok();
                                involved_before = before.as_ref().map(involvements_of);
                                if let Record::Document(doc) = record
                                    && !matches!(&before, Some(Record::Document(b)) if b.text == doc.text)
                                {
                                    retexted.push((name, doc.text.as_str()));
                                }
                            }
                            None => result.created += 1,
                        }
                        entries.push(NewEntry {
                            kind,
                            name: name.to_owned(),
                            body: Some(body),
                            content_hash: hash,
                            links: links_of(record),
                            involves: involvements_of(record),
                            involved_before,
                            begins: begins_of(record),
                        });
                    }
                    Op::Delete {
                        kind,
                        name,
                        precondition,
                    } => {
                        let Some((revision, old)) = tx.live(*kind, name)? else {
                            return Err(StoreError::NotFound {
                                kind: kind.as_str(),
                                name: name.clone(),
                            });
                        };
                        check_precondition(name, *precondition, Some(revision))?;
                        result.deleted += 1;
                        let involved_before =
                            decode(*kind, name, &old).ok().map(|r| involvements_of(&r));
                        entries.push(NewEntry {
                            kind: *kind,
                            name: name.clone(),
                            body: None,
                            content_hash: None,
                            links: Vec::new(),
                            involves: Vec::new(),
                            involved_before,
                            begins: None,
                        });
                    }
                }
            }

            if result.deleted > 0 {
                // A delete must not leave anything that stays behind pointing at it.
                let after = snapshot_in(tx, View::current())?;
                let gone: HashSet<&str> = deleted.iter().map(|(_, n)| n.as_str()).collect();
                let batch_names: HashSet<String> = dossier
                    .records()
                    .iter()
                    .map(|r| record_name(r).to_owned())
                    .collect();
                let survivors = after
                    .records()
                    .into_iter()
                    .filter(|r| {
                        !gone.contains(record_name(r)) && !batch_names.contains(record_name(r))
                    })
                    .chain(dossier.records());
                for record in survivors {
                    if let Some(target) = references(&record)
                        .into_iter()
                        .find(|r| gone.contains(r.as_str()))
                    {
                        return Err(StoreError::InUse {
                            name: target,
                            referenced_by: record_name(&record).to_owned(),
                        });
                    }
                }
            }

            if !retexted.is_empty() {
                check_spans_into(tx, &dossier, &retexted)?;
            }

            if batch.validate_only {
                // Checked and counted; leaving now ends the transaction with nothing written.
                return Ok(result);
            }
            if !entries.is_empty() {
                result.revision = head + 1;
                tx.append(result.revision, Utc::now(), &batch.message, &entries)?;
            }
            if let Some(request) = &batch.request {
                let record = RequestRecord {
                    fingerprint: request.fingerprint.clone(),
                    revision: result.revision,
                };
                tx.record_request(&request.id, &record)?;
            }
            Ok(result)
        })
    }

    fn head(&self) -> Result<Revision, StoreError> {
        self.backend.read(|tx| tx.head())
    }

    fn get(
        &self,
        kind: Kind,
        name: &str,
        view: View,
    ) -> Result<Option<Versioned<Record>>, StoreError> {
        self.backend.read(|tx| get_in(tx, kind, name, view))
    }

    fn try_get(
        &self,
        kind: Kind,
        name: &str,
        view: View,
    ) -> Option<Result<Option<Versioned<Record>>, StoreError>> {
        self.backend
            .try_read_unpinned(|tx| get_in(tx, kind, name, view))
    }

    fn list(&self, kind: Kind, view: View) -> Result<Vec<Versioned<Record>>, StoreError> {
        self.backend.read(|tx| list_in(tx, kind, view))
    }

    fn list_page(&self, query: &ListQuery) -> Result<Page, StoreError> {
        self.backend.read(|tx| page_in(tx, query))
    }

    fn snapshot(&self, view: View) -> Result<Dossier, StoreError> {
        self.backend.read(|tx| snapshot_in(tx, view))
    }

    fn changes_in(&self, range: ChangeRange) -> Result<Vec<Change>, StoreError> {
        self.backend.read(|tx| {
            tx.since(range)?
                .into_iter()
                .map(|e| {
                    let record = e
                        .body
                        .as_deref()
                        .map(|b| decode(e.kind, &e.name, b))
                        .transpose()?;
                    Ok(Change {
                        revision: e.revision,
                        committed_at: e.committed_at,
                        kind: e.kind,
                        name: e.name,
                        record,
                    })
                })
                .collect()
        })
    }

    fn document_by_hash(&self, hash: &str) -> Result<Option<String>, StoreError> {
        self.backend.read(|tx| tx.document_by_hash(hash))
    }

    fn subscribe(&self, wake: Wake) -> Result<Option<Subscription>, StoreError> {
        self.backend.subscribe(wake)
    }
}
