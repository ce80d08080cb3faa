//! `ExtractionService`: `Extract` (text in, facts out, nothing stored) and the bidirectional
//! `Ingest` stream. Ingest reads the next document only once there is room for its result in a
//! small buffer, so a client that stops reading results stops being read from (flow control),
//! and it commits each document with its facts as one batch, so a cancelled stream leaves whole
//! documents or none.

use std::sync::LazyLock;

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
    Ok(cv::document_in(&Path::root(field), &doc)?)
}

/// The extractor with the built-in knowledge, compiled once on first use.
static EXTRACTOR: LazyLock<Result<Extractor, ex::ExtractError>> = LazyLock::new(Extractor::new);

/// The facts in one document (`Extract`: nothing stored), as a dossier holding the document, the actors, disputes and
/// issues it mentions, and the stances and events read from it with evidence spans into it.
fn extract_facts(doc: &core::Document) -> Result<Dossier, ApiError> {
    let extractor = EXTRACTOR.as_ref().map_err(|e| ApiError::from(e.clone()))?;
    let meta = ArticleMeta {
        published: doc.published,
        title: (!doc.title.is_empty()).then(|| doc.title.clone()),
        outlet: doc.outlet.clone(),
        url: doc.url.clone(),
    };
    let extraction = extractor.extract(&doc.text, &meta)?;
    let mut facts = ex::convert::to_dossier(extractor.knowledge(), &extraction, &meta).map_err(
        |e| match e {
            core::Error::InvalidArgument { field, message } => {
                ApiError::Field(FieldError::new(format!("document.{field}"), message))
            }
            other => ApiError::Core(other),
        },
    )?;
    // Keep what the client said about the document that the extractor does not know.
    for d in &mut facts.documents {
        if d.language.is_none() {
            d.language.clone_from(&doc.language);
        }
    }
    Ok(facts)
}

async fn ingest_one(shared: &Shared, index: u64, req: pb::IngestRequest) -> pb::IngestResponse {
    let mut out = pb::IngestResponse {
        index,
        ..Default::default()
    };
    match ingest_inner(shared, req, &mut out).await {
        Ok(outcome) => out.outcome = outcome as i32,
        Err(e) => {
            let st = Status::from(e);
            out.outcome = pb::IngestOutcome::Failed as i32;
            out.error_code = st.code() as i32;
            out.error_message = st.message().to_owned();
            metrics::counter!("polemos_ingest_documents_total", "outcome" => "failed").increment(1);
        }
    }
    out
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

/// One document through the engine's ingest (`polemos_engine::ingest`), as a batch of one so
/// each result is sent as soon as it is known: prepared (a stored text is not extracted again)
/// on the blocking pool, then committed.
async fn ingest_inner(
    shared: &Shared,
    req: pb::IngestRequest,
    out: &mut pb::IngestResponse,
) -> Result<pb::IngestOutcome, ApiError> {
    let doc = document_in(shared, "document", req.document)?;
    out.content_hash = doc.content_hash.clone();
    out.document = doc.name.to_string();
    let mode = if req.document_only {
        ingest::Mode::DocumentOnly
    } else {
        ingest::Mode::Facts
    };
    let bytes = doc.text.len() as u64;
    let store = shared.store();
    let facts = tokio::task::spawn_blocking(move || -> Result<Dossier, ApiError> {
        let extractor = EXTRACTOR.as_ref().map_err(|e| ApiError::from(e.clone()))?;
        let meta = ArticleMeta {
            published: doc.published,
            title: (!doc.title.is_empty()).then(|| doc.title.clone()),
            outlet: doc.outlet.clone(),
            url: doc.url.clone(),
        };
        let mut facts = ingest::prepare(&*store, extractor, doc.text.as_bytes(), &meta, mode)
            .map_err(in_document)?;
        // Keep what the client said about the document that the extractor does not know.
        for d in &mut facts.documents {
            if d.language.is_none() {
                d.language.clone_from(&doc.language);
            }
        }
        Ok(facts)
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))??;
    let label = out.document.clone();
    let mut reports = shared
        .run(StoreOp::Commit, move |s| {
            let options = ingest::IngestOptions {
                batch_documents: 1,
                ..ingest::IngestOptions::default()
            };
            let mut ingester = ingest::Ingester::new(s, options);
            let mut reports = ingester.push(label, Ok(facts));
            reports.extend(ingester.finish());
            Ok::<_, ApiError>(reports)
        })
        .await?;
    let Some(report) = reports.pop() else {
        return Err(ApiError::Internal("ingest reported nothing".into()));
    };
    match report.outcome {
        ingest::Outcome::Committed {
            stances,
            events,
            revision,
            ..
        } => {
            shared.notify(revision);
            out.revision = revision;
            out.stances = u32::try_from(stances).unwrap_or(u32::MAX);
            out.events = u32::try_from(events).unwrap_or(u32::MAX);
            metrics::counter!("polemos_ingest_documents_total", "outcome" => "created")
                .increment(1);
            metrics::counter!("polemos_ingest_bytes_total").increment(bytes);
            Ok(pb::IngestOutcome::Created)
        }
        ingest::Outcome::Unchanged { document } => {
            out.document = document;
            metrics::counter!("polemos_ingest_documents_total", "outcome" => "duplicate")
                .increment(1);
            Ok(pb::IngestOutcome::Duplicate)
        }
        ingest::Outcome::Failed { error } => Err(in_document(error)),
    }
}

#[tonic::async_trait]
impl ExtractionService for Extraction {
    async fn extract(
        &self,
        req: Request<pb::ExtractRequest>,
    ) -> Result<Response<pb::ExtractResponse>, Status> {
        let doc = document_in(&self.shared, "document", req.into_inner().document)?;
        let facts = tokio::task::spawn_blocking(move || extract_facts(&doc))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))??;
        Ok(Response::new(pb::ExtractResponse {
            facts: Some(cv::facts_out(&facts)),
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
                // Room for the result first: no reading ahead of a client that does not read.
                let Ok(slot) = tx.reserve().await else { return };
                let msg = match inbound.message().await {
                    Ok(Some(m)) => m,
                    Ok(None) => return,
                    Err(e) => {
                        tracing::info!(code = ?e.code(), "ingest stream ended: {}", e.message());
                        slot.send(Err(super::malformed(e)));
                        return;
                    }
                };
                slot.send(Ok(ingest_one(&shared, index, msg).await));
                index += 1;
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}
