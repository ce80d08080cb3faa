//! `ImportService`: a whole dossier validated together and committed as one store batch, the
//! gRPC twin of `polemos import FILE`. One batch is what makes it all-or-nothing: importing
//! record by record would leave half a dossier behind when a later record is bad.

use polemos_core::{self as core, Dossier};
use polemos_proto::v1 as pb;
use polemos_proto::v1::import_service_server::ImportService;
use polemos_store::{StoreError, WriteBatch};
use tonic::{Request, Response, Status};

use super::convert::{self as cv, FieldError, In, Path};
use super::error::ApiError;
use super::state::{Shared, StoreOp};

/// The import service.
#[derive(Clone)]
pub struct Imports {
    shared: Shared,
}

impl Imports {
    pub fn new(shared: Shared) -> Self {
        Self { shared }
    }

    async fn import(
        &self,
        req: pb::ImportDossierRequest,
    ) -> Result<pb::ImportDossierResponse, ApiError> {
        let mut dossier = dossier_in(&req)?;
        if dossier.is_empty() {
            let field = if req.dossier_json.is_empty() {
                "actors"
            } else {
                "dossier_json"
            };
            return Err(
                FieldError::new(field, "the dossier holds no records: nothing to import").into(),
            );
        }
        let limit = self.shared.limits.max_text_bytes;
        for (i, doc) in dossier.documents.iter_mut().enumerate() {
            if doc.text.len() > limit {
                return Err(ApiError::TooLarge {
                    field: format!("documents[{i}].text"),
                    size: doc.text.len(),
                    limit,
                });
            }
            // Derived from the text when left out; a hash given is checked by the store's
            // validation like `polemos import` checks it, never silently replaced.
            if doc.content_hash.is_empty() {
                doc.content_hash = core::content_hash(&doc.text);
            }
        }
        let message = if req.message.is_empty() {
            "grpc import".to_owned()
        } else {
            req.message
        };
        let mut batch = WriteBatch::from_dossier(&dossier, message);
        let result = if req.validate_only {
            // The commit's own checks in its own transaction, with nothing written.
            batch.validate_only = true;
            self.shared
                .blocking(StoreOp::ImportValidate, move |s| s.commit(batch))
                .await
        } else {
            self.shared.commit(batch).await
        }
        .map_err(records)?;
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Ok(pb::ImportDossierResponse {
            revision: result.revision,
            created: n(result.created),
            updated: n(result.updated),
            unchanged: n(result.unchanged),
        })
    }
}

#[tonic::async_trait]
impl ImportService for Imports {
    async fn import_dossier(
        &self,
        request: Request<pb::ImportDossierRequest>,
    ) -> Result<Response<pb::ImportDossierResponse>, Status> {
        Ok(Response::new(self.import(request.into_inner()).await?))
    }
}

/// Validation failures of the batch keep the request's own paths (`stances[3].position`); the
/// per-record mapping used by the standard methods would drop the index.
fn records(e: ApiError) -> ApiError {
    match e {
        ApiError::Store(StoreError::Invalid(v)) => ApiError::Records(v),
        other => other,
    }
}

/// The request's dossier: the typed records, or `dossier_json`, not both.
fn dossier_in(req: &pb::ImportDossierRequest) -> Result<Dossier, ApiError> {
    let typed = !(req.actors.is_empty()
        && req.disputes.is_empty()
        && req.issues.is_empty()
        && req.stances.is_empty()
        && req.events.is_empty()
        && req.documents.is_empty());
    if !req.dossier_json.is_empty() {
        if typed {
            return Err(FieldError::new(
                "dossier_json",
                "give the dossier either as typed records or as dossier_json, not both",
            )
            .into());
        }
        return Dossier::from_any(&req.dossier_json).map_err(|e| match e {
            core::Error::Invalid(v) => ApiError::Records(v),
            other => ApiError::Core(other),
        });
    }
    fn all<P, T>(field: &str, items: &[P], f: fn(&Path, &P) -> In<T>) -> In<Vec<T>> {
        let root = Path::root(field);
        items
            .iter()
            .enumerate()
            .map(|(i, x)| f(&root.index(i), x))
            .collect()
    }
    let mut dossier = Dossier::new();
    dossier.actors = all("actors", &req.actors, cv::actor_in)?;
    dossier.disputes = all("disputes", &req.disputes, cv::dispute_in)?;
    dossier.issues = all("issues", &req.issues, cv::issue_in)?;
    dossier.stances = all("stances", &req.stances, cv::stance_in)?;
    dossier.events = all("events", &req.events, cv::event_in)?;
    dossier.documents = all("documents", &req.documents, cv::document_in)?;
    Ok(dossier)
}
