//! Storing the facts extracted from documents beside what the store already holds; shared by
//! `polemos ingest`, the gRPC `Ingest` stream and the Python extension.
//!
//! [`IngestWriter`] stores many documents a commit: one transaction per document made SQLite's
//! commit most of an ingest's time. A document that cannot be stored does not sink the others:
//! when a batch fails, its documents are committed one by one and only the bad one is reported.

use std::collections::{HashMap, HashSet};

use polemos_core::{Dossier, Record, content_hash};

use crate::{Kind, Precondition, Store, StoreError, View, WriteBatch, record_name};

/// A batch of the facts of one extracted document that the store lacks.
///
/// Actors, disputes and issues already stored are left as they are (they may have been curated
/// by hand). The document, its stances and its events are named from the content hash, so they
/// must be new: of two ingests of the same text racing each other, the second commit fails with
/// [`StoreError::AlreadyExists`] instead of writing them twice.
///
/// # Errors
/// A store that cannot be read.
pub fn new_facts_batch(
    store: &dyn Store,
    facts: &Dossier,
    message: impl Into<String>,
) -> Result<WriteBatch, StoreError> {
    let mut batch = WriteBatch::new(message);
    add_new_facts(
        &mut batch,
        store,
        facts,
        &mut HashSet::new(),
        &mut HashSet::new(),
    )?;
    Ok(batch)
}

/// Adds to `batch` the facts of one document that neither the store, nor the batch (`seen`),
/// nor what is known to be stored (`known`, added to as the store is asked) holds yet; returns
/// how many records it added.
fn add_new_facts(
    batch: &mut WriteBatch,
    store: &dyn Store,
    facts: &Dossier,
    seen: &mut HashSet<(Kind, String)>,
    known: &mut HashSet<(Kind, String)>,
) -> Result<usize, StoreError> {
    let before = batch.ops.len();
    for record in facts.records() {
        let precondition = match &record {
            Record::Actor(_) | Record::Dispute(_) | Record::Issue(_) => {
                let key = (Kind::of_record(&record), record_name(&record).to_owned());
                if seen.contains(&key) || known.contains(&key) {
                    continue;
                }
                if store.get(key.0, &key.1, View::current())?.is_some() {
                    known.insert(key);
                    continue;
                }
                seen.insert(key);
                Precondition::None
            }
            Record::Document(_) | Record::Stance(_) | Record::Event(_) => {
                Precondition::MustNotExist
            }
        };
        batch.put_if(record, precondition);
    }
    Ok(batch.ops.len() - before)
}

/// When [`IngestWriter`] commits, and what it does at the first failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestOptions {
    /// Most documents in one commit (1: a commit per document).
    pub batch_documents: usize,
    /// Most bytes of document text in one commit.
    pub batch_bytes: usize,
    /// Stop at the first document that fails: its report is the last, and nothing after it is
    /// written (documents before it in its batch are).
    pub fail_fast: bool,
}

impl Default for IngestOptions {
    /// 1,024 documents a commit: against 256, the writer thread of an ingest of the benchmark
    /// corpus spent about a tenth less CPU (fewer commits, each page of the indexes' hot parts
    /// written once for more documents; docs/benchmarks.md, issue 21), and it is the one thread
    /// whose time a second core cannot share.
    fn default() -> Self {
        Self {
            batch_documents: 1024,
            batch_bytes: 8 << 20,
            fail_fast: false,
        }
    }
}

/// What became of one document that did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ingested {
    /// Committed in `revision`: `created` records (the document, its stances and events, and
    /// the actors, disputes and issues first seen with it).
    Stored {
        document: String,
        created: usize,
        stances: usize,
        events: usize,
        revision: crate::Revision,
    },
    /// A document with the same text was stored before (or earlier in this run): nothing written.
    AlreadyStored { document: String },
}

impl Ingested {
    /// The stored document's resource name.
    #[must_use]
    pub fn document(&self) -> &str {
        match self {
            Self::Stored { document, .. } | Self::AlreadyStored { document } => document,
        }
    }
}

/// Why one document was not stored: the caller's own failure to prepare it (reading,
/// extracting), or the store's.
#[derive(Debug, thiserror::Error)]
pub enum IngestError<E> {
    #[error("{0}")]
    Prepare(E),
    #[error("it holds no document")]
    NoDocument,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The outcome for one document, under the label the caller gave it (a file name, an id).
#[derive(Debug)]
pub struct IngestReport<E> {
    pub label: String,
    pub outcome: Result<Ingested, IngestError<E>>,
}

struct Ready {
    label: String,
    document: String,
    facts: Dossier,
}

enum Pending<E> {
    Ready(Ready),
    Known(IngestReport<E>),
    /// The same text as a waiting document (named `document`): already stored if that one is
    /// committed, else tried on its own (so a copy is never reported stored when nothing is).
    Copy(Ready),
}

/// Stores documents given one at a time, in order, many to a commit.
///
/// Each [`IngestWriter::push`] returns the reports whose outcome is known by then, in the order
/// the documents were pushed; [`IngestWriter::finish`] commits the rest. Idempotent by content
/// hash: a text already stored, or pushed twice, is reported as already stored.
pub struct IngestWriter<'s, E> {
    store: &'s dyn Store,
    options: IngestOptions,
    pending: Vec<Pending<E>>,
    ready: usize,
    bytes: usize,
    /// Content hash to document name, for the documents waiting in `pending`.
    hashes: HashMap<String, String>,
    /// Actors, disputes and issues found stored or committed by this writer. A corpus names the
    /// same few hundred in thousands of documents: asking the store again for each document was
    /// a read transaction and a decode apiece. Emptied when a batch fails (something may have
    /// been deleted meanwhile: the documents committed one by one then ask the store afresh).
    known: HashSet<(Kind, String)>,
    stopped: bool,
}

/// Most names [`IngestWriter`] remembers as stored before it starts again from the store.
const MAX_KNOWN: usize = 1 << 16;

impl<'s, E> IngestWriter<'s, E> {
    #[must_use]
    pub fn new(store: &'s dyn Store, options: IngestOptions) -> Self {
        Self {
            store,
            options,
            pending: Vec::new(),
            ready: 0,
            bytes: 0,
            hashes: HashMap::new(),
            known: HashSet::new(),
            stopped: false,
        }
    }

    /// Adds the next document: its facts (one document and what was found in it, as
    /// `convert::to_dossier` makes them), or why they could not be had. A failure first commits
    /// the documents before it, so reports stay in order and `fail_fast` stops right there.
    pub fn push(&mut self, label: String, facts: Result<Dossier, E>) -> Vec<IngestReport<E>> {
        if self.stopped {
            return Vec::new();
        }
        let facts = match facts {
            Ok(facts) => facts,
            Err(e) => return self.fail_after_flush(label, IngestError::Prepare(e)),
        };
        let Some(doc) = facts.documents.first() else {
            return self.fail_after_flush(label, IngestError::NoDocument);
        };
        let hash = if doc.content_hash.is_empty() {
            content_hash(&doc.text)
        } else {
            doc.content_hash.clone()
        };
        if let Some(document) = self.hashes.get(&hash) {
            let document = document.clone();
            self.pending.push(Pending::Copy(Ready {
                label,
                document,
                facts,
            }));
            return Vec::new();
        }
        match self.store.document_by_hash(&hash) {
            Err(e) => self.fail_after_flush(label, e.into()),
            Ok(Some(document)) => self.known(IngestReport {
                label,
                outcome: Ok(Ingested::AlreadyStored { document }),
            }),
            Ok(None) => {
                let document = doc.name.to_string();
                self.bytes += doc.text.len();
                self.ready += 1;
                self.hashes.insert(hash, document.clone());
                self.pending.push(Pending::Ready(Ready {
                    label,
                    document,
                    facts,
                }));
                if self.ready >= self.options.batch_documents.max(1)
                    || self.bytes >= self.options.batch_bytes
                {
                    self.flush()
                } else {
                    Vec::new()
                }
            }
        }
    }

    /// Commits what is left and returns the last reports.
    #[must_use]
    pub fn finish(mut self) -> Vec<IngestReport<E>> {
        if self.stopped {
            return Vec::new();
        }
        self.flush()
    }

    /// A report known without writing: returned at once unless documents before it still wait.
    fn known(&mut self, report: IngestReport<E>) -> Vec<IngestReport<E>> {
        if self.ready == 0 {
            vec![report]
        } else {
            self.pending.push(Pending::Known(report));
            Vec::new()
        }
    }

    fn fail_after_flush(&mut self, label: String, error: IngestError<E>) -> Vec<IngestReport<E>> {
        let mut out = self.flush();
        if !self.stopped {
            out.push(IngestReport {
                label,
                outcome: Err(error),
            });
            self.stopped = self.options.fail_fast;
        }
        out
    }

    /// Commits the waiting documents in one batch; if that fails, one by one.
    fn flush(&mut self) -> Vec<IngestReport<E>> {
        let pending = std::mem::take(&mut self.pending);
        self.ready = 0;
        self.bytes = 0;
        self.hashes.clear();
        let ready: Vec<&Ready> = pending
            .iter()
            .filter_map(|p| match p {
                Pending::Ready(r) => Some(r),
                Pending::Known(_) | Pending::Copy(_) => None,
            })
            .collect();
        let mut outcomes = match ready.len() {
            0 => Vec::new(),
            1 => vec![self.commit_one(ready[0])],
            _ => self.commit_together(&ready).unwrap_or_else(|_| {
                self.known.clear();
                self.commit_each(&ready)
            }),
        }
        .into_iter();
        let mut out = Vec::with_capacity(pending.len());
        // The documents of this batch that were committed, for their copies.
        let mut committed = HashSet::new();
        for p in pending {
            if self.stopped {
                break;
            }
            let report = match p {
                Pending::Known(report) => report,
                Pending::Ready(r) => {
                    // One outcome per ready document; fewer only after a fail-fast stop.
                    let outcome = outcomes.next().unwrap_or(Err(IngestError::NoDocument));
                    if outcome.is_ok() {
                        committed.insert(r.document.clone());
                    }
                    IngestReport {
                        label: r.label,
                        outcome,
                    }
                }
                Pending::Copy(r) if committed.contains(&r.document) => IngestReport {
                    label: r.label,
                    outcome: Ok(Ingested::AlreadyStored {
                        document: r.document,
                    }),
                },
                Pending::Copy(r) => {
                    let outcome = self.commit_one(&r);
                    if outcome.is_ok() {
                        committed.insert(r.document.clone());
                    }
                    IngestReport {
                        label: r.label,
                        outcome,
                    }
                }
            };
            self.stopped = self.options.fail_fast && report.outcome.is_err();
            out.push(report);
        }
        out
    }

    fn commit_together(
        &mut self,
        ready: &[&Ready],
    ) -> Result<Vec<Result<Ingested, IngestError<E>>>, StoreError> {
        let message = format!(
            "ingest {} documents: {} … {}",
            ready.len(),
            ready[0].label,
            ready[ready.len() - 1].label
        );
        let mut batch = WriteBatch::new(message);
        let mut seen = HashSet::new();
        let mut created = Vec::with_capacity(ready.len());
        if self.known.len() > MAX_KNOWN {
            self.known.clear();
        }
        for r in ready {
            created.push(add_new_facts(
                &mut batch,
                self.store,
                &r.facts,
                &mut seen,
                &mut self.known,
            )?);
        }
        let revision = self.store.commit(batch)?.revision;
        self.known.extend(seen);
        Ok(ready
            .iter()
            .zip(created)
            .map(|(r, created)| Ok(stored(r, created, revision)))
            .collect())
    }

    /// After a batch failed: each document alone, so only the bad ones fail. With `fail_fast`,
    /// nothing after the first failure is written.
    fn commit_each(&mut self, ready: &[&Ready]) -> Vec<Result<Ingested, IngestError<E>>> {
        let mut out = Vec::with_capacity(ready.len());
        for r in ready {
            let outcome = self.commit_one(r);
            let failed = outcome.is_err();
            out.push(outcome);
            if failed && self.options.fail_fast {
                break;
            }
        }
        out
    }

    /// One document in its own commit. If it fails while names are remembered as stored, it is
    /// tried once more asking the store afresh: an entity may have been deleted (a curator's
    /// merge) since it was remembered.
    fn commit_one(&mut self, r: &Ready) -> Result<Ingested, IngestError<E>> {
        let remembered = !self.known.is_empty();
        match self.try_commit_one(r) {
            Err(_) if remembered => self.try_commit_one(r),
            outcome => outcome,
        }
    }

    fn try_commit_one(&mut self, r: &Ready) -> Result<Ingested, IngestError<E>> {
        let mut batch = WriteBatch::new(format!("ingest {}", r.label));
        let mut seen = HashSet::new();
        add_new_facts(&mut batch, self.store, &r.facts, &mut seen, &mut self.known)?;
        match self.store.commit(batch) {
            Ok(result) => {
                self.known.extend(seen);
                Ok(stored(r, result.created, result.revision))
            }
            Err(e) => {
                self.known.clear();
                Err(e.into())
            }
        }
    }
}

fn stored(r: &Ready, created: usize, revision: crate::Revision) -> Ingested {
    Ingested::Stored {
        document: r.document.clone(),
        created,
        stances: r.facts.stances.len(),
        events: r.facts.events.len(),
        revision,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::reference_dossier;
    use crate::{LogStore, MemoryBackend};

    #[test]
    fn keeps_curated_entities_and_refuses_a_second_copy_of_a_document() {
        let store = LogStore::new(MemoryBackend::default());
        let facts = reference_dossier();
        // What is stored first: the parties, one of them curated by hand.
        let mut curated = facts
            .actors
            .iter()
            .find(|a| a.affiliations.is_empty())
            .expect("an actor standing alone")
            .clone();
        curated.display_name = "curated by hand".into();
        let mut seed = WriteBatch::new("seed");
        seed.put(Record::Actor(curated.clone()));
        store.commit(seed).expect("seed");

        let batch = new_facts_batch(&store, &facts, "ingest").expect("batch");
        let racing = new_facts_batch(&store, &facts, "ingest again").expect("batch");
        assert_eq!(batch.message, "ingest");
        let stored_actor_put = batch.ops.iter().any(|op| {
            matches!(op, crate::Op::Put { record: Record::Actor(a), .. } if a.name == curated.name)
        });
        assert!(!stored_actor_put, "a stored actor is not overwritten");
        assert_eq!(
            batch.ops.len(),
            facts.records().len() - 1,
            "everything else is written"
        );
        store.commit(batch).expect("first ingest");
        let kept = store
            .get(Kind::Actor, curated.name.as_str(), View::current())
            .expect("read")
            .expect("actor");
        assert!(matches!(kept.value, Record::Actor(a) if a.display_name == "curated by hand"));

        let head = store.head().expect("head");
        let err = store.commit(racing).expect_err("the same document twice");
        assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err:?}");
        assert_eq!(store.head().expect("head"), head, "nothing half-written");
    }

    /// One document's facts: a shared actor and a document of its own text.
    fn doc(i: usize) -> Dossier {
        let reference = reference_dossier();
        let mut d = Dossier::new();
        d.actors.push(reference.actors[0].clone());
        let mut document = reference.documents[0].clone();
        document.name = polemos_core::DocumentName::parse(&format!("documents/d{i}")).unwrap();
        document.text = format!("article number {i}");
        document.content_hash = String::new();
        d.documents.push(document);
        d
    }

    /// A document whose stance refers to an issue nothing holds: the store refuses it.
    fn bad_doc(i: usize) -> Dossier {
        let mut d = doc(i);
        d.stances.push(reference_dossier().stances[0].clone());
        d
    }

    fn labels<E>(reports: &[IngestReport<E>]) -> Vec<(&str, bool)> {
        reports
            .iter()
            .map(|r| (r.label.as_str(), r.outcome.is_ok()))
            .collect()
    }

    #[test]
    fn many_documents_a_commit_in_order_and_idempotent() {
        let store = LogStore::new(MemoryBackend::default());
        let options = IngestOptions {
            batch_documents: 3,
            ..IngestOptions::default()
        };
        let mut writer = IngestWriter::<String>::new(&store, options);
        let mut reports = Vec::new();
        for i in 0..7 {
            let got = writer.push(format!("f{i}"), Ok(doc(i)));
            // Nothing is reported before its batch is committed.
            assert!(got.is_empty() || (i + 1) % 3 == 0, "{i}: {got:?}");
            reports.extend(got);
        }
        // The same text again, in the batch still open: already stored.
        reports.extend(writer.push("again".into(), Ok(doc(6))));
        reports.extend(writer.finish());
        let order: Vec<&str> = reports.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(order, ["f0", "f1", "f2", "f3", "f4", "f5", "f6", "again"]);
        assert_eq!(store.head().unwrap(), 3, "7 documents in 3 commits");
        assert!(
            matches!(&reports[0].outcome, Ok(Ingested::Stored { created: 2, .. })),
            "the first document brings the actor: {:?}",
            reports[0].outcome
        );
        assert!(
            matches!(&reports[1].outcome, Ok(Ingested::Stored { created: 1, .. })),
            "the actor is not written twice in one batch: {:?}",
            reports[1].outcome
        );
        assert!(matches!(
            &reports[7].outcome,
            Ok(Ingested::AlreadyStored { document }) if document == "documents/d6"
        ));

        // A second run stores nothing and reports every file as already stored.
        let mut writer = IngestWriter::<String>::new(&store, options);
        let mut again = Vec::new();
        for i in 0..7 {
            again.extend(writer.push(format!("f{i}"), Ok(doc(i))));
        }
        again.extend(writer.finish());
        assert_eq!(again.len(), 7);
        assert!(
            again
                .iter()
                .all(|r| matches!(r.outcome, Ok(Ingested::AlreadyStored { .. })))
        );
        assert_eq!(store.head().unwrap(), 3);
    }

    #[test]
    fn a_bad_document_does_not_sink_its_batch() {
        let store = LogStore::new(MemoryBackend::default());
        let mut writer = IngestWriter::<String>::new(&store, IngestOptions::default());
        let mut reports = Vec::new();
        reports.extend(writer.push("good0".into(), Ok(doc(0))));
        reports.extend(writer.push("bad".into(), Ok(bad_doc(1))));
        reports.extend(writer.push("unreadable".into(), Err("cannot read".into())));
        reports.extend(writer.push("good2".into(), Ok(doc(2))));
        reports.extend(writer.finish());
        assert_eq!(
            labels(&reports),
            [
                ("good0", true),
                ("bad", false),
                ("unreadable", false),
                ("good2", true)
            ]
        );
        let err = reports[1].outcome.as_ref().unwrap_err().to_string();
        assert!(err.contains("stances[0]"), "the bad record is named: {err}");
        assert!(matches!(
            &reports[2].outcome,
            Err(IngestError::Prepare(e)) if e == "cannot read"
        ));
        let stored = store.list(Kind::Document, View::current()).unwrap();
        assert_eq!(stored.len(), 2, "both good documents are stored");
        assert!(
            store
                .list(Kind::Stance, View::current())
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn fail_fast_writes_nothing_after_the_first_failure() {
        let store = LogStore::new(MemoryBackend::default());
        let options = IngestOptions {
            fail_fast: true,
            ..IngestOptions::default()
        };
        let mut writer = IngestWriter::<String>::new(&store, options);
        let mut reports = Vec::new();
        reports.extend(writer.push("good0".into(), Ok(doc(0))));
        reports.extend(writer.push("bad".into(), Ok(bad_doc(1))));
        reports.extend(writer.push("good2".into(), Ok(doc(2))));
        reports.extend(writer.push("good3".into(), Ok(doc(3))));
        reports.extend(writer.finish());
        assert_eq!(labels(&reports), [("good0", true), ("bad", false)]);
        let stored = store.list(Kind::Document, View::current()).unwrap();
        assert_eq!(stored.len(), 1, "only the document before the failure");
    }

    #[test]
    fn a_copy_of_a_document_that_failed_is_not_reported_stored() {
        let store = LogStore::new(MemoryBackend::default());
        let mut writer = IngestWriter::<String>::new(&store, IngestOptions::default());
        let mut reports = Vec::new();
        reports.extend(writer.push("good0".into(), Ok(doc(0))));
        reports.extend(writer.push("bad".into(), Ok(bad_doc(1))));
        // The same text in the same batch: it must share the first copy's fate.
        reports.extend(writer.push("bad again".into(), Ok(bad_doc(1))));
        reports.extend(writer.push("good0 again".into(), Ok(doc(0))));
        reports.extend(writer.finish());
        assert_eq!(
            labels(&reports),
            [
                ("good0", true),
                ("bad", false),
                ("bad again", false),
                ("good0 again", true)
            ]
        );
        assert!(matches!(
            &reports[3].outcome,
            Ok(Ingested::AlreadyStored { document }) if document == "documents/d0"
        ));
        assert_eq!(
            store.list(Kind::Document, View::current()).unwrap().len(),
            1
        );
    }

    #[test]
    fn an_entity_deleted_since_it_was_remembered_is_written_again() {
        let store = LogStore::new(MemoryBackend::default());
        let options = IngestOptions {
            batch_documents: 1,
            ..IngestOptions::default()
        };
        let mut writer = IngestWriter::<String>::new(&store, options);
        let first = writer.push("f0".into(), Ok(reference_dossier()));
        assert_eq!(labels(&first), [("f0", true)], "{first:?}");
        // Another writer (a curator) removes everything: the writer still remembers the
        // actors, disputes and issues as stored.
        let mut batch = WriteBatch::new("curation");
        for record in reference_dossier().records() {
            let kind = match &record {
                Record::Actor(_) => Kind::Actor,
                Record::Dispute(_) => Kind::Dispute,
                Record::Issue(_) => Kind::Issue,
                Record::Stance(_) => Kind::Stance,
                Record::Event(_) => Kind::Event,
                Record::Document(_) => Kind::Document,
            };
            batch.delete(kind, record_name(&record), Precondition::None);
        }
        store.commit(batch).expect("delete");
        // A new text with the same facts: its stances need the deleted entities back.
        let mut next = reference_dossier();
        next.documents[0].text.push_str(" Updated.");
        next.documents[0].content_hash = String::new();
        let reports = writer.push("f1".into(), Ok(next));
        assert_eq!(labels(&reports), [("f1", true)], "{reports:?}");
        let stances = store.list(Kind::Stance, View::current()).unwrap();
        assert_eq!(stances.len(), reference_dossier().stances.len());
    }
}
