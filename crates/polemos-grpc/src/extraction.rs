//! `ExtractionService`: `Extract` (text in, facts out, nothing stored) and the bidirectional
//! `Ingest` stream. Ingest reads the next document only once there is room for its result in a
//! small buffer, so a client that stops reading results stops being read from (flow control).
//! Documents that have already arrived are committed together by the engine's `Ingester` (as the
//! CLI does), so a stream pays one transaction per batch, not per document; a cancelled stream
//! still leaves whole documents or none.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use polemos_core::{self as core, Dossier};
use polemos_extract::{self as ex, ArticleMeta, Extractor};
use polemos_proto::v1 as pb;
use polemos_proto::v1::extraction_service_server::ExtractionService;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Code, Request, Response, Status, Streaming};

use super::convert::{self as cv, FieldError, Path};
use super::error::{ApiError, status};
use super::state::{Shared, StoreOp};
use polemos_engine::ingest;

/// Results buffered before the server stops reading documents.
const INGEST_BUFFER: usize = 4;

/// Most documents of a stream committed together: those already received when the server is
/// ready for the next (a bound on what is read ahead of the client reading results).
const INGEST_BATCH: usize = 32;

#[derive(Clone)]
pub struct Extraction {
    shared: Shared,
}

impl Extraction {
    pub fn new(shared: Shared) -> Self {
        Self { shared }
    }
}

/// Reads an inbound document, naming it from its hash when it has no name.
fn document_in(
    shared: &Shared,
    field: &str,
    doc: Option<pb::Document>,
) -> Result<core::Document, ApiError> {
    let mut doc = doc.ok_or_else(|| FieldError::new(field, "required"))?;
    let limit = shared.limits.max_text_bytes;
    if doc.text.len() > limit {
        return Err(ApiError::TooLarge {
            field: format!("{field}.text"),
            size: doc.text.len(),
            limit,
        });
    }
    // The extractor names documents by content, so the same text always has the same name.
    doc.name = ex::document_name(&core::content_hash(&doc.text));
    // By move: the text is the request's bulk, and it is not copied until the extractor reads it.
    Ok(cv::document_from(&Path::root(field), doc)?)
}

/// The extractor with the built-in knowledge, compiled once on first use.
static BUILTIN: LazyLock<Result<Arc<Extractor>, ex::ExtractError>> =
    LazyLock::new(|| Extractor::new().map(Arc::new));

/// The server's extractor: the one built from the operator's files (`polemos serve
/// --data-dir`), else the built-in one.
fn extractor(shared: &Shared) -> Result<Arc<Extractor>, ex::ExtractError> {
    match shared.extractor() {
        Some(x) => Ok(x),
        None => BUILTIN.clone(),
    }
}

/// The facts in one document (`Extract`: nothing stored), through the engine's extraction
/// (`polemos_engine::extract::facts`, what every interface's extract runs): a dossier holding
/// the document, the actors, disputes and issues it mentions, and the stances and events read
/// from it with evidence spans into it.
fn extract_facts(extractor: &Extractor, doc: &core::Document) -> Result<Dossier, ApiError> {
    let mut facts = polemos_engine::extract::facts(extractor, doc.text.as_bytes(), &meta_of(doc))
        .map_err(in_document)?;
    // Keep what the client said about the document that the extractor does not know.
    for d in &mut facts.documents {
        if d.language.is_none() {
            d.language.clone_from(&doc.language);
        }
    }
    Ok(facts)
}

/// What the extractor reads from a request's document besides its text.
fn meta_of(doc: &core::Document) -> ArticleMeta {
    ArticleMeta {
        published: doc.published,
        title: (!doc.title.is_empty()).then(|| doc.title.clone()),
        outlet: doc.outlet.clone(),
        url: doc.url.clone(),
    }
}

/// A field of the request document as the API names it (`document.published`).
fn in_document(e: polemos_engine::Error) -> ApiError {
    match e {
        polemos_engine::Error::Core(core::Error::InvalidArgument { field, message }) => {
            ApiError::Field(FieldError::new(format!("document.{field}"), message))
        }
        other => other.into(),
    }
}

/// A failed document's response.
fn failed(out: &mut pb::IngestResponse, e: ApiError) {
    let st = Status::from(e);
    out.outcome = pb::IngestOutcome::Failed as i32;
    out.error_code = st.code() as i32;
    out.error_message = st.message().to_owned();
    metrics::counter!("polemos_ingest_documents_total", "outcome" => "failed").increment(1);
}

/// Documents that arrived together, through the engine's ingest (`polemos_engine::ingest`) as
/// the CLI and Python do: each checked, prepared on the blocking pool (a stored text is not
/// extracted again), then all committed by one `Ingester` (many documents a transaction,
/// idempotent by content hash); one response per document, in order, numbered from `first`.
async fn ingest_batch(
    shared: &Shared,
    first: u64,
    batch: Vec<pb::IngestRequest>,
) -> Vec<pb::IngestResponse> {
    let mut out: Vec<pb::IngestResponse> = (first..)
        .take(batch.len())
        .map(|index| pb::IngestResponse {
            index,
            ..Default::default()
        })
        .collect();
    let mut docs = Vec::with_capacity(batch.len());
    for (i, req) in batch.into_iter().enumerate() {
        match document_in(shared, "document", req.document) {
            Ok(doc) => {
                out[i].content_hash = doc.content_hash.clone();
                out[i].document = doc.name.to_string();
                let mode = if req.document_only {
                    ingest::Mode::DocumentOnly
                } else {
                    ingest::Mode::Facts
                };
                docs.push((i, doc, mode));
            }
            Err(e) => failed(&mut out[i], e),
        }
    }
    if docs.is_empty() {
        return out;
    }
    let store = shared.store();
    let extractor = extractor(shared);
    // On as many cores as the batch can use and are free, in order, as `polemos ingest` and
    // `ingest_texts` prepare theirs.
    let wanted = docs.len().min(INGEST_BATCH);
    let prepared = shared
        .extract_on_cores(wanted, move |jobs| {
            let mut prepared = Vec::with_capacity(docs.len());
            let _ = ex::pipeline::ordered_map(
                docs,
                jobs,
                |(i, doc, mode): (usize, core::Document, ingest::Mode)| {
                    let bytes = doc.text.len() as u64;
                    let facts = match &extractor {
                        Ok(x) => prepare(&*store, x, &doc, mode),
                        Err(e) => Err(polemos_engine::Error::from(e.clone())),
                    };
                    (i, bytes, facts)
                },
                |r| {
                    prepared.push(r);
                    std::ops::ControlFlow::Continue(())
                },
            );
            prepared
        })
        .await;
    let prepared = match prepared {
        Ok(p) => p,
        Err(e) => return fail_rest(out, e),
    };
    let slots: Vec<(usize, u64)> = prepared.iter().map(|(i, b, _)| (*i, *b)).collect();
    let n = prepared.len();
    let reports = shared
        .run(StoreOp::Commit, move |s| {
            let options = ingest::IngestOptions {
                batch_documents: n,
                ..ingest::IngestOptions::default()
            };
            let mut ingester = ingest::Ingester::new(s, options);
            let mut reports = Vec::with_capacity(n);
            for (i, _, facts) in prepared {
                reports.extend(ingester.push(i.to_string(), facts));
            }
            reports.extend(ingester.finish());
            Ok::<_, ApiError>(reports)
        })
        .await;
    let reports = match reports {
        Ok(r) if r.len() == n => r,
        Ok(_) => {
            let e = ApiError::Internal("ingest reported a result per document".into());
            return fail_rest(out, e);
        }
        Err(e) => return fail_rest(out, e),
    };
    for ((i, bytes), report) in slots.into_iter().zip(reports) {
        let o = &mut out[i];
        match report.outcome {
            ingest::Outcome::Committed {
                stances,
                events,
                revision,
                ..
            } => {
                shared.notify(revision);
                o.revision = revision;
                o.stances = u32::try_from(stances).unwrap_or(u32::MAX);
                o.events = u32::try_from(events).unwrap_or(u32::MAX);
                o.outcome = pb::IngestOutcome::Created as i32;
                metrics::counter!("polemos_ingest_documents_total", "outcome" => "created")
                    .increment(1);
                metrics::counter!("polemos_ingest_bytes_total").increment(bytes);
            }
            ingest::Outcome::Unchanged { document } => {
                o.document = document;
                o.outcome = pb::IngestOutcome::Duplicate as i32;
                metrics::counter!("polemos_ingest_documents_total", "outcome" => "duplicate")
                    .increment(1);
            }
            ingest::Outcome::Failed { error } => failed(o, in_document(error)),
        }
    }
    out
}

/// Every response without an outcome yet fails with `e` (a commit that failed as a whole).
fn fail_rest(mut out: Vec<pb::IngestResponse>, e: ApiError) -> Vec<pb::IngestResponse> {
    let status = Status::from(e);
    for o in out.iter_mut().filter(|o| o.outcome == 0) {
        o.outcome = pb::IngestOutcome::Failed as i32;
        o.error_code = status.code() as i32;
        o.error_message = status.message().to_owned();
    }
    out
}

/// One document's facts, keeping what the client said about it that the extractor does not
/// know (its language).
fn prepare(
    store: &dyn polemos_store::Store,
    extractor: &Extractor,
    doc: &core::Document,
    mode: ingest::Mode,
) -> polemos_engine::Result<Dossier> {
    let mut facts = ingest::prepare(store, extractor, doc.text.as_bytes(), &meta_of(doc), mode)?;
    for d in &mut facts.documents {
        if d.language.is_none() {
            d.language.clone_from(&doc.language);
        }
    }
    Ok(facts)
}

#[tonic::async_trait]
impl ExtractionService for Extraction {
    async fn extract(
        &self,
        req: Request<pb::ExtractRequest>,
    ) -> Result<Response<pb::ExtractResponse>, Status> {
        let doc = document_in(&self.shared, "document", req.into_inner().document)?;
        let extractor = extractor(&self.shared).map_err(ApiError::from)?;
        // One core's work: waits for a free one rather than crowding the cores already busy.
        let facts = self
            .shared
            .extract_on_cores(1, move |_| extract_facts(&extractor, &doc))
            .await??;
        Ok(Response::new(pb::ExtractResponse {
            facts: Some(cv::facts_out(facts)),
        }))
    }

    async fn ingest(
        &self,
        req: Request<Streaming<pb::IngestRequest>>,
    ) -> Result<Response<tonic::codegen::BoxStream<pb::IngestResponse>>, Status> {
        let permit = self
            .shared
            .streams
            .clone()
            .try_acquire_owned()
            .map_err(|_| {
                status(
                    Code::ResourceExhausted,
                    "TOO_MANY_STREAMS",
                    "too many open streams; retry later",
                )
            })?;
        let mut inbound = req.into_inner();
        let shared = self.shared.clone();
        let (tx, rx) = mpsc::channel(INGEST_BUFFER);
        tokio::spawn(async move {
            let _permit = permit;
            let mut index = 0u64;
            loop {
                // Room for a result first: no reading ahead of a client that does not read.
                let Ok(slot) = tx.reserve().await else { return };
                let mut ended = None;
                let mut batch = match inbound.message().await {
                    Ok(Some(m)) => vec![m],
                    Ok(None) => return,
                    Err(e) => {
                        tracing::info!(code = ?e.code(), "ingest stream ended: {}", e.message());
                        slot.send(Err(super::malformed(e)));
                        return;
                    }
                };
                drop(slot);
                // Whatever else has already arrived joins the batch (without waiting for more,
                // so a client sending one document at a time gets each result at once).
                while batch.len() < INGEST_BATCH {
                    match tokio::time::timeout(Duration::ZERO, inbound.message()).await {
                        Ok(Ok(Some(m))) => batch.push(m),
                        Ok(Ok(None)) => {
                            ended = Some(None);
                            break;
                        }
                        Ok(Err(e)) => {
                            ended = Some(Some(e));
                            break;
                        }
                        Err(_) => break,
                    }
                }
                let n = batch.len() as u64;
                for response in ingest_batch(&shared, index, batch).await {
                    if tx.send(Ok(response)).await.is_err() {
                        return;
                    }
                }
                index += n;
                match ended {
                    None => {}
                    Some(None) => return,
                    Some(Some(e)) => {
                        tracing::info!(code = ?e.code(), "ingest stream ended: {}", e.message());
                        let _ = tx.send(Err(super::malformed(e))).await;
                        return;
                    }
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}
