//! `CurationService`: accept, rename and merge the disputes ingest proposes. Each method only
//! translates: the operation, its validation and its errors are `polemos_engine::curation`'s.

use polemos_core as core;
use polemos_engine::curation::{self, Curated};
use polemos_proto::v1 as pb;
use polemos_proto::v1::curation_service_server::CurationService;
use tonic::{Request, Response, Status};

use super::convert as cv;
use super::error::ApiError;
use super::state::{Shared, StoreOp};

/// The curation service.
#[derive(Clone)]
pub struct Curation {
    shared: Shared,
}

impl Curation {
    pub fn new(shared: Shared) -> Self {
        Self { shared }
    }

    async fn run<F>(&self, op: F) -> Result<pb::CurationResult, Status>
    where
        F: FnOnce(&dyn polemos_store::Store) -> polemos_engine::Result<Curated> + Send + 'static,
    {
        let done = self
            .shared
            .run(StoreOp::Commit, move |s| op(s).map_err(request_field))
            .await?;
        self.shared.notify(done.revision);
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Ok(pb::CurationResult {
            dispute: Some(cv::dispute_out(&done.dispute, done.revision)),
            issues: done.issues.iter().map(ToString::to_string).collect(),
            stances: n(done.stances),
            events: n(done.events),
            revision: done.revision,
        })
    }
}

/// The engine names the dispute operated on `dispute`; the requests name it `name`.
fn request_field(e: polemos_engine::Error) -> ApiError {
    match e {
        polemos_engine::Error::Core(core::Error::InvalidArgument { field, message })
            if field == "dispute" =>
        {
            ApiError::Core(core::Error::InvalidArgument {
                field: "name".into(),
                message,
            })
        }
        other => other.into(),
    }
}

#[tonic::async_trait]
impl CurationService for Curation {
    async fn accept_dispute(
        &self,
        req: Request<pb::AcceptDisputeRequest>,
    ) -> Result<Response<pb::AcceptDisputeResponse>, Status> {
        let req = req.into_inner();
        let result = self.run(move |s| curation::accept(s, &req.name)).await?;
        Ok(Response::new(pb::AcceptDisputeResponse {
            result: Some(result),
        }))
    }

    async fn rename_dispute(
        &self,
        req: Request<pb::RenameDisputeRequest>,
    ) -> Result<Response<pb::RenameDisputeResponse>, Status> {
        let req = req.into_inner();
        let result = self
            .run(move |s| {
                curation::rename(
                    s,
                    &req.name,
                    Some(req.new_name.as_str()),
                    Some(req.title.as_str()),
                )
            })
            .await?;
        Ok(Response::new(pb::RenameDisputeResponse {
            result: Some(result),
        }))
    }

    async fn merge_dispute(
        &self,
        req: Request<pb::MergeDisputeRequest>,
    ) -> Result<Response<pb::MergeDisputeResponse>, Status> {
        let req = req.into_inner();
        let result = self
            .run(move |s| curation::merge(s, &req.name, &req.into))
            .await?;
        Ok(Response::new(pb::MergeDisputeResponse {
            result: Some(result),
        }))
    }
}
