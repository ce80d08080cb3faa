//! Ingest: texts in, their documents and facts stored, one [`Outcome`] per text. The CLI
//! (`polemos ingest`), the gRPC `Ingest` stream and the Python `Engine.ingest` all go through
//! here, so they refuse the same texts for the same reasons and report them alike.
//!
//! Two steps, so an interface can run the first on many threads and the second on one:
//! [`prepare`] turns a text into the facts to store (skipping extraction when the store already
//! holds the text), and [`Ingester`] commits them many documents a transaction through
//! [`polemos_store::IngestWriter`]: idempotent by content hash, a bad document does not sink its
//! batch, reports in input order. One document is a batch of one.

use std::collections::VecDeque;
use std::ops::ControlFlow;
use std::sync::mpsc;

use polemos_core::{Document, DocumentName, Dossier, content_hash};
use polemos_extract::{ArticleMeta, Extractor, convert, document_name};
use polemos_store::{IngestError, IngestWriter, Ingested, Revision, Store, StoreError};

pub use polemos_store::IngestOptions;

use crate::error::{Error, Result};

/// What became of one text.
#[derive(Debug)]
pub enum Outcome {
    /// Its document and facts were committed in `revision`: `created` records in all (the
    /// document, its stances and events, and the actors, disputes and issues first seen with it).
    Committed {
        document: String,
        created: usize,
        stances: usize,
        events: usize,
        revision: Revision,
    },
    /// The same text was stored before (or earlier in this run) as `document`: nothing written.
    Unchanged { document: String },
    /// Not stored, and nothing of it written: why.
    Failed { error: Error },
}

impl Outcome {
    /// The word every interface reports: `stored`, `already stored` or `failed`.
    #[must_use]
    pub fn status(&self) -> &'static str {
        match self {
            Self::Committed { .. } => "stored",
            Self::Unchanged { .. } => "already stored",
            Self::Failed { .. } => "failed",
        }
    }

    /// The stored document's resource name (none for a failure).
    #[must_use]
    pub fn document(&self) -> Option<&str> {
        match self {
            Self::Committed { document, .. } | Self::Unchanged { document } => Some(document),
            Self::Failed { .. } => None,
        }
    }
}

/// The outcome for one text, under the label the caller gave it (a file name, an index).
#[derive(Debug)]
pub struct Report {
    pub label: String,
    pub outcome: Outcome,
}

/// What to do with a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Extract its facts and store them with the document (needs a publication date).
    #[default]
    Facts,
    /// Store the document alone.
    DocumentOnly,
}

/// The facts to store for one text: the document and, in [`Mode::Facts`], the actors, disputes,
/// issues, stances and events read from it. A text the store already holds is not extracted
/// again: its facts are its document alone, which [`Ingester`] reports as unchanged.
///
/// # Errors
/// An empty text; a missing publication date (in [`Mode::Facts`]); a text the extractor
/// refuses (too large, not UTF-8); store failures.
pub fn prepare(
    store: &dyn Store,
    extractor: &Extractor,
    bytes: &[u8],
    meta: &ArticleMeta,
    mode: Mode,
) -> Result<Dossier> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::Extract(polemos_extract::ExtractError::InvalidUtf8 {
            valid_up_to: e.valid_up_to(),
        })
    })?;
    if text.trim().is_empty() {
        return Err(Error::argument(
            "text",
            "is empty: there is nothing to ingest",
        ));
    }
    if mode == Mode::Facts && meta.published.is_none() {
        return Err(Error::argument(
            "published",
            "is required to ingest facts: stances and events are dated from it (YYYY-MM-DD)",
        ));
    }
    let hash = content_hash(text);
    if let Some(stored) = store.document_by_hash(&hash)? {
        return document_alone(&stored, String::new(), hash, meta);
    }
    match mode {
        Mode::DocumentOnly => {
            if text.len() > extractor.byte_limit() {
                return Err(Error::Extract(polemos_extract::ExtractError::TooLarge {
                    bytes: text.len(),
                    limit: extractor.byte_limit(),
                }));
            }
            document_alone(&document_name(&hash), text.to_owned(), hash, meta)
        }
        Mode::Facts => {
            let x = extractor.extract(text, meta)?;
            Ok(convert::to_dossier(extractor.knowledge(), &x, meta)?)
        }
    }
}

fn document_alone(name: &str, text: String, hash: String, meta: &ArticleMeta) -> Result<Dossier> {
    let mut d = Dossier::new();
    d.documents.push(Document {
        name: DocumentName::parse(name).map_err(|e| Error::argument("document", e.to_string()))?,
        title: meta.title.clone().unwrap_or_default(),
        outlet: meta.outlet.clone(),
        url: meta.url.clone(),
        published: meta.published,
        language: None,
        text,
        content_hash: hash,
    });
    Ok(d)
}

/// Commits prepared documents in order, many to a transaction, and reports each.
///
/// [`Ingester::push`] returns the reports known by then, in push order; [`Ingester::finish`]
/// commits the rest. With `fail_fast`, nothing after the first failure is written or reported.
pub struct Ingester<'s> {
    store: &'s dyn Store,
    writer: IngestWriter<'s, Error>,
    /// The content hash of each pushed document not reported yet, in push order: a commit that
    /// lost a race with another writer storing the same text is reported unchanged, not failed.
    hashes: VecDeque<Option<String>>,
}

impl<'s> Ingester<'s> {
    #[must_use]
    pub fn new(store: &'s dyn Store, options: IngestOptions) -> Self {
        Self {
            store,
            writer: IngestWriter::new(store, options),
            hashes: VecDeque::new(),
        }
    }

    /// Adds the next document: its facts from [`prepare`], or why they could not be had.
    pub fn push(&mut self, label: String, facts: Result<Dossier>) -> Vec<Report> {
        let hash = facts
            .as_ref()
            .ok()
            .and_then(|f| f.documents.first())
            .map(|d| d.content_hash.clone());
        self.hashes.push_back(hash);
        let reports = self.writer.push(label, facts);
        self.reports(reports)
    }

    /// Commits what is left and returns the last reports.
    #[must_use]
    pub fn finish(mut self) -> Vec<Report> {
        let reports = std::mem::replace(
            &mut self.writer,
            IngestWriter::new(self.store, IngestOptions::default()),
        )
        .finish();
        self.reports(reports)
    }

    fn reports(&mut self, reports: Vec<polemos_store::IngestReport<Error>>) -> Vec<Report> {
        reports
            .into_iter()
            .map(|r| {
                let hash = self.hashes.pop_front().flatten();
                Report {
                    label: r.label,
                    outcome: self.outcome(r.outcome, hash.as_deref()),
                }
            })
            .collect()
    }

    fn outcome(
        &self,
        outcome: std::result::Result<Ingested, IngestError<Error>>,
        hash: Option<&str>,
    ) -> Outcome {
        match outcome {
            Ok(Ingested::Stored {
                document,
                created,
                stances,
                events,
                revision,
            }) => Outcome::Committed {
                document,
                created,
                stances,
                events,
                revision,
            },
            Ok(Ingested::AlreadyStored { document }) => Outcome::Unchanged { document },
            Err(IngestError::Store(StoreError::AlreadyExists { name })) => {
                // Another writer stored the same text between the check and the commit.
                match hash.map(|h| self.store.document_by_hash(h)) {
                    Some(Ok(Some(document))) => Outcome::Unchanged { document },
                    _ => Outcome::Failed {
                        error: StoreError::AlreadyExists { name }.into(),
                    },
                }
            }
            Err(IngestError::Store(e)) => Outcome::Failed { error: e.into() },
            Err(IngestError::Prepare(error)) => Outcome::Failed { error },
            Err(IngestError::NoDocument) => Outcome::Failed {
                error: Error::argument("facts", "hold no document"),
            },
        }
    }
}

/// Prepares `inputs` on `jobs` threads (`work` gives each its label and facts, usually through
/// [`prepare`]) and commits them in input order on the calling thread, giving every report to
/// `report` as soon as it is known. `report` returning [`ControlFlow::Break`] ends the run: no
/// later batch is committed and nothing after that report is reported, although the rest of
/// its batch was committed in the same transaction (so a caller that stops early cannot list
/// every stored file). With `options.fail_fast`, the first failure ends the run the same way.
///
/// The writer does not hold up extraction: prepared documents wait in a queue of up to
/// [`queue_len`] while a batch commits, so the workers keep every other core busy. (Committing
/// in the thread that took the workers' results let only a few documents run ahead: during
/// each commit the workers stood idle, and a second core gained ingest little.)
pub fn run<T, I, W, R>(
    store: &dyn Store,
    options: IngestOptions,
    jobs: usize,
    inputs: I,
    work: W,
    mut report: R,
) where
    I: IntoIterator<Item = T>,
    I::IntoIter: Send,
    T: Send,
    W: Fn(T) -> (String, Result<Dossier>) + Sync,
    R: FnMut(Report) -> ControlFlow<()>,
{
    let (tx, rx) = mpsc::sync_channel::<(String, Result<Dossier>)>(queue_len(options));
    let inputs = inputs.into_iter();
    std::thread::scope(|scope| {
        let work = &work;
        let feeder = scope.spawn(move || {
            polemos_extract::pipeline::ordered_map(inputs, jobs, work, |item| {
                // A send fails once the writer has stopped: take no more items.
                match tx.send(item) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(_) => ControlFlow::Break(()),
                }
            })
        });
        let mut ingester = Ingester::new(store, options);
        let mut go_on = |reports: Vec<Report>| {
            for r in reports {
                let failed = matches!(r.outcome, Outcome::Failed { .. });
                if report(r).is_break() || (failed && options.fail_fast) {
                    return false;
                }
            }
            true
        };
        let mut stopped = false;
        for (label, facts) in &rx {
            if !go_on(ingester.push(label, facts)) {
                stopped = true;
                break;
            }
        }
        // The workers stop at their next result once nobody receives.
        drop(rx);
        // A panic while preparing ends the run before the documents still waiting are committed,
        // as it did when the writer took the workers' results itself.
        if let Err(panic) = feeder.join() {
            std::panic::resume_unwind(panic);
        }
        if !stopped {
            go_on(ingester.finish());
        }
    });
}

/// How many prepared documents may wait for the writer: a batch and a half, so a batch
/// committing never stops the workers, and memory stays that of a few batches.
#[must_use]
pub fn queue_len(options: IngestOptions) -> usize {
    (options.batch_documents.max(1) * 3 / 2).clamp(16, 4096)
}

/// Prepares `texts` on `jobs` threads and commits them in order: one report per text, labelled
/// by its position (`0`, `1`, …) unless `fail_fast` stopped the run early.
#[must_use]
pub fn ingest_texts(
    store: &dyn Store,
    extractor: &Extractor,
    texts: &[&str],
    meta: &ArticleMeta,
    options: IngestOptions,
    jobs: usize,
) -> Vec<Report> {
    let mut out = Vec::with_capacity(texts.len());
    run(
        store,
        options,
        jobs,
        texts.iter().enumerate(),
        |(i, text)| {
            let facts = prepare(store, extractor, text.as_bytes(), meta, Mode::Facts);
            (i.to_string(), facts)
        },
        |r| {
            out.push(r);
            ControlFlow::Continue(())
        },
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use chrono::NaiveDate;

    const TEXT: &str = "Japan and Russia held talks in Moscow on Monday about the Kuril Islands. \
        Japan's foreign minister said Tokyo supports a peace treaty.";

    fn meta() -> ArticleMeta {
        ArticleMeta {
            published: NaiveDate::from_ymd_opt(2019, 1, 22),
            ..ArticleMeta::default()
        }
    }

    #[test]
    fn the_same_text_twice_is_stored_once_and_a_bad_text_fails_alone() {
        let store = polemos_store::open("memory:").expect("store");
        let ex = Extractor::new().expect("extractor");
        let texts = [
            TEXT,
            "   ",
            TEXT,
            "Another text about nothing in particular.",
        ];
        let reports = ingest_texts(&*store, &ex, &texts, &meta(), IngestOptions::default(), 2);
        let statuses: Vec<&str> = reports.iter().map(|r| r.outcome.status()).collect();
        assert_eq!(statuses, ["stored", "failed", "already stored", "stored"]);
        let Outcome::Failed { error } = &reports[1].outcome else {
            unreachable!()
        };
        assert_eq!(error.kind(), ErrorKind::InvalidArgument);
        assert!(error.to_string().contains("empty"), "{error}");
        assert_eq!(reports[0].outcome.document(), reports[2].outcome.document());
        let head = store.head().expect("head");
        // The failure commits the text before it (reports stay in order); the other two texts
        // are one commit, the second copy of the first text writing nothing.
        assert_eq!(head, 2);

        // Again: nothing extracted, nothing written.
        let again = ingest_texts(&*store, &ex, &[TEXT], &meta(), IngestOptions::default(), 1);
        assert_eq!(again[0].outcome.status(), "already stored");
        assert_eq!(store.head().expect("head"), head);
    }

    /// `run` ends where its caller says: nothing after the batch whose report said stop is
    /// committed, and the workers stop taking texts.
    #[test]
    fn a_run_stops_where_its_reporter_says() {
        let store = polemos_store::open("memory:").expect("store");
        let ex = Extractor::new().expect("extractor");
        let texts: Vec<String> = (0..12)
            .map(|i| format!("{TEXT} Talks resumed on day {i}."))
            .collect();
        let options = IngestOptions {
            batch_documents: 2,
            ..IngestOptions::default()
        };
        let mut seen = Vec::new();
        run(
            &*store,
            options,
            2,
            texts.iter(),
            |text| {
                let facts = prepare(&*store, &ex, text.as_bytes(), &meta(), Mode::Facts);
                (text.clone(), facts)
            },
            |r| {
                seen.push(r.outcome.status());
                ControlFlow::Break(())
            },
        );
        assert_eq!(seen, ["stored"], "nothing is reported after the stop");
        let documents = store
            .list(
                polemos_store::Kind::Document,
                polemos_store::View::current(),
            )
            .expect("list");
        assert_eq!(documents.len(), 2, "only the first batch was committed");

        // Without a stop, every text is committed, in order, a batch of two at a time.
        let store = polemos_store::open("memory:").expect("store");
        let mut labels = Vec::new();
        run(
            &*store,
            options,
            2,
            texts.iter().enumerate(),
            |(i, text)| {
                let facts = prepare(&*store, &ex, text.as_bytes(), &meta(), Mode::Facts);
                (i.to_string(), facts)
            },
            |r| {
                assert_eq!(r.outcome.status(), "stored", "{:?}", r.outcome);
                labels.push(r.label);
                ControlFlow::Continue(())
            },
        );
        let expected: Vec<String> = (0..12).map(|i| i.to_string()).collect();
        assert_eq!(labels, expected);
        assert_eq!(store.head().expect("head"), 6);
    }

    /// A text about a dispute the knowledge files do not list: ingest stores the dispute and
    /// its issues marked proposed, and accepting clears the marks.
    #[test]
    fn a_proposed_dispute_is_stored_marked_and_can_be_accepted() {
        let store = polemos_store::open("memory:").expect("store");
        let ex = Extractor::new().expect("extractor");
        let text = "Egypt and Ethiopia traded accusations on Monday in the dispute over the Grand \
            Ethiopian Renaissance Dam. Egypt's foreign minister said Cairo rejects the filling of \
            the dam without a binding agreement.";
        let reports = ingest_texts(&*store, &ex, &[text], &meta(), IngestOptions::default(), 1);
        assert_eq!(
            reports[0].outcome.status(),
            "stored",
            "{:?}",
            reports[0].outcome
        );
        let proposed: Vec<polemos_core::Dispute> = store
            .snapshot(polemos_store::View::current())
            .expect("snapshot")
            .disputes
            .into_iter()
            .filter(|d| d.proposed)
            .collect();
        assert_eq!(proposed.len(), 1, "one proposed dispute stored");
        let name = proposed[0].name.to_string();
        let accepted = crate::curation::accept(&*store, &name).expect("accept");
        assert!(!accepted.dispute.proposed);
        let after = store
            .snapshot(polemos_store::View::current())
            .expect("snapshot");
        assert!(after.disputes.iter().all(|d| !d.proposed));
        assert!(
            after
                .issues
                .iter()
                .filter(|i| i.dispute().as_str() == name)
                .all(|i| !i.proposed)
        );
    }

    #[test]
    fn facts_need_a_publication_date_and_a_document_alone_does_not() {
        let store = polemos_store::open("memory:").expect("store");
        let ex = Extractor::new().expect("extractor");
        let err = prepare(
            &*store,
            &ex,
            TEXT.as_bytes(),
            &ArticleMeta::default(),
            Mode::Facts,
        )
        .expect_err("no date");
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert!(err.to_string().contains("published"), "{err}");
        let alone = prepare(
            &*store,
            &ex,
            TEXT.as_bytes(),
            &ArticleMeta::default(),
            Mode::DocumentOnly,
        )
        .expect("document only");
        assert_eq!(alone.records().len(), 1);
        let mut ingester = Ingester::new(&*store, IngestOptions::default());
        let mut reports = ingester.push("one".into(), Ok(alone));
        reports.extend(ingester.finish());
        assert!(matches!(
            reports[0].outcome,
            Outcome::Committed { created: 1, .. }
        ));
        let bad = prepare(&*store, &ex, b"\xff\xfe", &meta(), Mode::Facts).expect_err("utf-8");
        assert_eq!(bad.kind(), ErrorKind::InvalidArgument);
    }
}
