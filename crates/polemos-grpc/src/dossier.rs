//! `DossierService`: the AIP standard methods (Get, List, Create, Update, Delete) for every
//! resource, written once over [`Resource`] and stamped out per type by a macro.

use polemos_core as core;
use polemos_engine::Filter;
use polemos_engine::write::{self, Mask};
use polemos_proto::v1 as pb;
use polemos_proto::v1::dossier_service_server::DossierService;
use polemos_store::{StoreError, View};
use serde_json::{Map, Value};
use tonic::{Request, Response, Status};

use super::convert::{self as cv, FieldError, Path};
use super::error::ApiError;
use super::resource::Resource;
use super::state::{Shared, StoreOp};

/// The default page size when a request leaves `page_size` at 0 (the engine's, for every
/// interface).
pub const DEFAULT_PAGE_SIZE: usize = polemos_engine::DEFAULT_PAGE_SIZE;

/// The standard-methods service.
#[derive(Clone)]
pub struct Dossiers {
    shared: Shared,
}

impl Dossiers {
    pub fn new(shared: Shared) -> Self {
        Self { shared }
    }

    /// One resource by name, as it is now or, with `revision`, as it was right after that
    /// revision (the engine's read: a revision past the head is refused).
    async fn get<T: Resource>(
        &self,
        name: String,
        revision: Option<u64>,
    ) -> Result<T::Pb, ApiError> {
        T::check_name(&Path::root("name"), &name)?;
        let found = match revision {
            // The current state: a point read, often answered on this thread.
            None => self.shared.get(T::KIND, &name, View::current()).await?,
            Some(revision) => {
                let name = name.clone();
                let found = self
                    .shared
                    .run(StoreOp::Get, move |s| {
                        polemos_engine::get(s, &name, Some(revision))
                    })
                    .await?;
                Some(found)
            }
        };
        match found {
            Some(v) => T::from_record(v.value)
                .map(|x| x.out(v.revision))
                .ok_or_else(|| ApiError::Internal("stored record of the wrong kind".into())),
            None => Err(StoreError::NotFound {
                kind: T::KIND.as_str(),
                name,
            }
            .into()),
        }
    }

    /// One page of `T` that the engine's filter keeps (see `polemos_engine::list` for what
    /// each filter means, the page sizes and the page tokens).
    async fn list<T: Resource>(
        &self,
        page_size: i32,
        page_token: String,
        filter: Filter,
    ) -> Result<(Vec<T::Pb>, String), ApiError> {
        let size = polemos_engine::page_size(i64::from(page_size))?
            .min(self.shared.limits.max_page_size.max(1));
        let tokens = self.shared.page_tokens.clone();
        self.shared
            .run(StoreOp::List, move |s| {
                let page =
                    polemos_engine::list_page(s, &tokens, T::KIND, &filter, size, &page_token)?;
                let items = page
                    .items
                    .into_iter()
                    .map(|row| {
                        T::from_record(row.value)
                            .map(|x| x.out(row.revision))
                            .ok_or_else(|| {
                                ApiError::Internal("stored record of the wrong kind".into())
                            })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok::<_, ApiError>((items, page.next_page_token))
            })
            .await
    }

    /// AIP-133 create: the message converted, the write (and AIP-155 retries) the engine's.
    async fn create<T: Resource>(
        &self,
        mut msg: T::Pb,
        name: Option<String>,
        request_id: &str,
    ) -> Result<T::Pb, ApiError> {
        let from_id = name.is_some();
        if let Some(name) = name {
            T::set_pb_name(&mut msg, name);
        }
        let record = T::input(&Path::root(T::FIELD), &msg).map_err(|mut e| {
            // A name built from `stance_id` is wrong because of `stance_id`: name that field.
            if from_id && e.field == format!("{}.name", T::FIELD) {
                e.field = format!("{}_id", T::FIELD);
            }
            e
        })?;
        self.check_text(&record)?;
        let request_id = request_id.to_owned();
        let made = self
            .shared
            .run(StoreOp::Commit, move |s| {
                write::create(s, record.into_record(), Some(&request_id), "grpc")
            })
            .await?;
        self.shared.notify(made.revision);
        out::<T>(made)
    }

    /// AIP-134 update: what the mask means and the write are the engine's (`write::apply`);
    /// this only turns the request's fields into the core's form. proto3 cannot send a partial
    /// message, so the fields are read off a copy of the stored record with the request's
    /// fields put in, and only those fields are passed on.
    async fn update<T: Resource>(
        &self,
        msg: Option<T::Pb>,
        mask: Option<prost_types::FieldMask>,
    ) -> Result<T::Pb, ApiError> {
        let msg = msg.ok_or_else(|| FieldError::new(T::FIELD, "required"))?;
        let name = T::pb_name(&msg).to_owned();
        T::check_name(&Path::root(T::FIELD).at("name"), &name)?;
        let etag = cv::etag_in(&Path::root(T::FIELD).at("etag"), T::pb_etag(&msg))?;
        let mask = Mask::from_paths(mask.map(|m| m.paths));
        // Without a mask, "the fields the request sets" are, in proto3, those not at their
        // default.
        let paths: Vec<String> = match &mask {
            Mask::Set => T::set_fields(&msg),
            Mask::All => write::writable(T::KIND)
                .iter()
                .map(|f| (*f).to_owned())
                .collect(),
            Mask::Paths(p) => p.clone(),
        };
        let limit = self.shared.limits.max_text_bytes;
        let done = self
            .shared
            .run(StoreOp::Commit, move |s| {
                let stored = polemos_engine::get(s, &name, None)?;
                let current = T::from_record(stored.value.clone())
                    .ok_or_else(|| ApiError::Internal("stored record of the wrong kind".into()))?;
                let mut merged = current.out(stored.revision);
                // A path this message has no field for is left to the engine to refuse.
                for path in &paths {
                    T::merge(&mut merged, &msg, path);
                }
                let given = T::input(&Path::root(T::FIELD), &merged)?;
                check_text(&given, limit)?;
                let changes = changes_of(&given.into_record(), &paths);
                let record = write::apply(&stored.value, &changes, &mask)?;
                let at = etag.unwrap_or(stored.revision);
                Ok::<_, ApiError>(write::update_record(s, record, at, "grpc")?)
            })
            .await?;
        self.shared.notify(done.revision);
        out::<T>(done)
    }

    /// AIP-135 delete, the engine's.
    async fn delete<T: Resource>(&self, name: String, etag: &str) -> Result<(), ApiError> {
        T::check_name(&Path::root("name"), &name)?;
        let etag = cv::etag_in(&Path::root("etag"), etag)?;
        let revision = self
            .shared
            .run(StoreOp::Commit, move |s| {
                write::delete(s, &name, etag, "grpc")
            })
            .await?;
        self.shared.notify(revision);
        Ok(())
    }

    fn check_text<T: Resource>(&self, record: &T) -> Result<(), ApiError> {
        check_text(record, self.shared.limits.max_text_bytes)
    }
}

/// The server's limit on free text (a policy of this server, not of the model).
fn check_text<T: Resource>(record: &T, limit: usize) -> Result<(), ApiError> {
    match record.text_size() {
        Some((field, size)) if size > limit => Err(ApiError::TooLarge {
            field: field.into(),
            size,
            limit,
        }),
        _ => Ok(()),
    }
}

/// The top-level fields `paths` names, in the core's JSON form, of `record` (one the request's
/// fields were converted into); a field absent here is one the request clears.
fn changes_of(record: &core::Record, paths: &[String]) -> Map<String, Value> {
    let mut whole = match serde_json::to_value(record) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    let body = whole
        .values_mut()
        .next()
        .and_then(|v| v.as_object_mut())
        .map(std::mem::take)
        .unwrap_or_default();
    body.into_iter()
        .filter(|(k, _)| paths.iter().any(|p| p == k))
        .collect()
}

/// A stored record as its message, with its etag.
fn out<T: Resource>(v: polemos_store::Versioned<core::Record>) -> Result<T::Pb, ApiError> {
    T::from_record(v.value)
        .map(|x| x.out(v.revision))
        .ok_or_else(|| ApiError::Internal("stored record of the wrong kind".into()))
}

/// Checks the filter fields of a list request (full resource names, as AIP-122 says) and hands
/// them to the engine, which refuses unknown names with NOT_FOUND.
fn read_filter(
    names: &[(&'static str, &str)],
    as_of: &str,
    revision: Option<u64>,
) -> Result<Filter, ApiError> {
    let mut filter = Filter {
        as_of: cv::date_in(&Path::root("as_of"), as_of)?,
        revision,
        ..Filter::default()
    };
    for (field, value) in names {
        if value.is_empty() {
            continue;
        }
        let path = Path::root(field);
        let slot = match *field {
            "dispute" | "parent" => {
                cv::dispute_name(&path, value)?;
                &mut filter.dispute
            }
            "actor" => {
                cv::actor_name(&path, value)?;
                &mut filter.actor
            }
            _ => {
                cv::issue_name(&path, value)?;
                &mut filter.issue
            }
        };
        *slot = Some((*value).to_owned());
    }
    Ok(filter)
}

fn r<T>(x: T) -> Result<Response<T>, Status> {
    Ok(Response::new(x))
}

#[tonic::async_trait]
impl DossierService for Dossiers {
    // ---------------------------------------------------------------- actors
    async fn get_actor(
        &self,
        req: Request<pb::GetActorRequest>,
    ) -> Result<Response<pb::GetActorResponse>, Status> {
        let q = req.into_inner();
        let actor = self.get::<core::Actor>(q.name, q.revision).await?;
        r(pb::GetActorResponse { actor: Some(actor) })
    }
    async fn list_actors(
        &self,
        req: Request<pb::ListActorsRequest>,
    ) -> Result<Response<pb::ListActorsResponse>, Status> {
        let q = req.into_inner();
        let filter = read_filter(&[("dispute", &q.dispute)], &q.as_of, q.revision)?;
        let (actors, next_page_token) = self
            .list::<core::Actor>(q.page_size, q.page_token, filter)
            .await?;
        r(pb::ListActorsResponse {
            actors,
            next_page_token,
        })
    }
    async fn create_actor(
        &self,
        req: Request<pb::CreateActorRequest>,
    ) -> Result<Response<pb::CreateActorResponse>, Status> {
        let q = req.into_inner();
        let msg = q
            .actor
            .ok_or_else(|| ApiError::from(FieldError::new("actor", "required")))?;
        let name = (!q.actor_id.is_empty()).then(|| format!("actors/{}", q.actor_id));
        let actor = self.create::<core::Actor>(msg, name, &q.request_id).await?;
        r(pb::CreateActorResponse { actor: Some(actor) })
    }
    async fn update_actor(
        &self,
        req: Request<pb::UpdateActorRequest>,
    ) -> Result<Response<pb::UpdateActorResponse>, Status> {
        let q = req.into_inner();
        let actor = self.update::<core::Actor>(q.actor, q.update_mask).await?;
        r(pb::UpdateActorResponse { actor: Some(actor) })
    }
    async fn delete_actor(
        &self,
        req: Request<pb::DeleteActorRequest>,
    ) -> Result<Response<pb::DeleteActorResponse>, Status> {
        let q = req.into_inner();
        self.delete::<core::Actor>(q.name, &q.etag).await?;
        r(pb::DeleteActorResponse {})
    }

    // ---------------------------------------------------------------- disputes
    async fn get_dispute(
        &self,
        req: Request<pb::GetDisputeRequest>,
    ) -> Result<Response<pb::GetDisputeResponse>, Status> {
        let q = req.into_inner();
        let dispute = self.get::<core::Dispute>(q.name, q.revision).await?;
        r(pb::GetDisputeResponse {
            dispute: Some(dispute),
        })
    }
    async fn list_disputes(
        &self,
        req: Request<pb::ListDisputesRequest>,
    ) -> Result<Response<pb::ListDisputesResponse>, Status> {
        let q = req.into_inner();
        let filter = read_filter(&[("actor", &q.actor)], &q.as_of, q.revision)?;
        let (disputes, next_page_token) = self
            .list::<core::Dispute>(q.page_size, q.page_token, filter)
            .await?;
        r(pb::ListDisputesResponse {
            disputes,
            next_page_token,
        })
    }
    async fn create_dispute(
        &self,
        req: Request<pb::CreateDisputeRequest>,
    ) -> Result<Response<pb::CreateDisputeResponse>, Status> {
        let q = req.into_inner();
        let msg = q
            .dispute
            .ok_or_else(|| ApiError::from(FieldError::new("dispute", "required")))?;
        let name = (!q.dispute_id.is_empty()).then(|| format!("disputes/{}", q.dispute_id));
        let dispute = self
            .create::<core::Dispute>(msg, name, &q.request_id)
            .await?;
        r(pb::CreateDisputeResponse {
            dispute: Some(dispute),
        })
    }
    async fn update_dispute(
        &self,
        req: Request<pb::UpdateDisputeRequest>,
    ) -> Result<Response<pb::UpdateDisputeResponse>, Status> {
        let q = req.into_inner();
        let dispute = self
            .update::<core::Dispute>(q.dispute, q.update_mask)
            .await?;
        r(pb::UpdateDisputeResponse {
            dispute: Some(dispute),
        })
    }
    async fn delete_dispute(
        &self,
        req: Request<pb::DeleteDisputeRequest>,
    ) -> Result<Response<pb::DeleteDisputeResponse>, Status> {
        let q = req.into_inner();
        self.delete::<core::Dispute>(q.name, &q.etag).await?;
        r(pb::DeleteDisputeResponse {})
    }

    // ---------------------------------------------------------------- issues
    async fn get_issue(
        &self,
        req: Request<pb::GetIssueRequest>,
    ) -> Result<Response<pb::GetIssueResponse>, Status> {
        let q = req.into_inner();
        let issue = self.get::<core::Issue>(q.name, q.revision).await?;
        r(pb::GetIssueResponse { issue: Some(issue) })
    }
    async fn list_issues(
        &self,
        req: Request<pb::ListIssuesRequest>,
    ) -> Result<Response<pb::ListIssuesResponse>, Status> {
        let q = req.into_inner();
        if q.parent.is_empty() {
            return Err(ApiError::from(FieldError::new("parent", "required")).into());
        }
        // AIP-159: `disputes/-` reads the issues of every dispute, the engine's unfiltered list.
        let parent = if q.parent == "disputes/-" {
            ""
        } else {
            q.parent.as_str()
        };
        let filter = read_filter(&[("parent", parent)], &q.as_of, q.revision)?;
        let (issues, next_page_token) = self
            .list::<core::Issue>(q.page_size, q.page_token, filter)
            .await?;
        r(pb::ListIssuesResponse {
            issues,
            next_page_token,
        })
    }
    async fn create_issue(
        &self,
        req: Request<pb::CreateIssueRequest>,
    ) -> Result<Response<pb::CreateIssueResponse>, Status> {
        let q = req.into_inner();
        let msg = q
            .issue
            .ok_or_else(|| ApiError::from(FieldError::new("issue", "required")))?;
        let name = if q.issue_id.is_empty() {
            None
        } else {
            cv::dispute_name(&Path::root("parent"), &q.parent).map_err(ApiError::from)?;
            Some(format!("{}/issues/{}", q.parent, q.issue_id))
        };
        let issue = self.create::<core::Issue>(msg, name, &q.request_id).await?;
        r(pb::CreateIssueResponse { issue: Some(issue) })
    }
    async fn update_issue(
        &self,
        req: Request<pb::UpdateIssueRequest>,
    ) -> Result<Response<pb::UpdateIssueResponse>, Status> {
        let q = req.into_inner();
        let issue = self.update::<core::Issue>(q.issue, q.update_mask).await?;
        r(pb::UpdateIssueResponse { issue: Some(issue) })
    }
    async fn delete_issue(
        &self,
        req: Request<pb::DeleteIssueRequest>,
    ) -> Result<Response<pb::DeleteIssueResponse>, Status> {
        let q = req.into_inner();
        self.delete::<core::Issue>(q.name, &q.etag).await?;
        r(pb::DeleteIssueResponse {})
    }

    // ---------------------------------------------------------------- stances
    async fn get_stance(
        &self,
        req: Request<pb::GetStanceRequest>,
    ) -> Result<Response<pb::GetStanceResponse>, Status> {
        let q = req.into_inner();
        let stance = self.get::<core::Stance>(q.name, q.revision).await?;
        r(pb::GetStanceResponse {
            stance: Some(stance),
        })
    }
    async fn list_stances(
        &self,
        req: Request<pb::ListStancesRequest>,
    ) -> Result<Response<pb::ListStancesResponse>, Status> {
        let q = req.into_inner();
        let names = [
            ("dispute", q.dispute.as_str()),
            ("actor", q.actor.as_str()),
            ("issue", q.issue.as_str()),
        ];
        let filter = read_filter(&names, &q.as_of, q.revision)?;
        let (stances, next_page_token) = self
            .list::<core::Stance>(q.page_size, q.page_token, filter)
            .await?;
        r(pb::ListStancesResponse {
            stances,
            next_page_token,
        })
    }
    async fn create_stance(
        &self,
        req: Request<pb::CreateStanceRequest>,
    ) -> Result<Response<pb::CreateStanceResponse>, Status> {
        let q = req.into_inner();
        let msg = q
            .stance
            .ok_or_else(|| ApiError::from(FieldError::new("stance", "required")))?;
        let name = (!q.stance_id.is_empty()).then(|| format!("stances/{}", q.stance_id));
        let stance = self
            .create::<core::Stance>(msg, name, &q.request_id)
            .await?;
        r(pb::CreateStanceResponse {
            stance: Some(stance),
        })
    }
    async fn update_stance(
        &self,
        req: Request<pb::UpdateStanceRequest>,
    ) -> Result<Response<pb::UpdateStanceResponse>, Status> {
        let q = req.into_inner();
        let stance = self.update::<core::Stance>(q.stance, q.update_mask).await?;
        r(pb::UpdateStanceResponse {
            stance: Some(stance),
        })
    }
    async fn delete_stance(
        &self,
        req: Request<pb::DeleteStanceRequest>,
    ) -> Result<Response<pb::DeleteStanceResponse>, Status> {
        let q = req.into_inner();
        self.delete::<core::Stance>(q.name, &q.etag).await?;
        r(pb::DeleteStanceResponse {})
    }

    // ---------------------------------------------------------------- events
    async fn get_event(
        &self,
        req: Request<pb::GetEventRequest>,
    ) -> Result<Response<pb::GetEventResponse>, Status> {
        let q = req.into_inner();
        let event = self.get::<core::Event>(q.name, q.revision).await?;
        r(pb::GetEventResponse { event: Some(event) })
    }
    async fn list_events(
        &self,
        req: Request<pb::ListEventsRequest>,
    ) -> Result<Response<pb::ListEventsResponse>, Status> {
        let q = req.into_inner();
        let names = [
            ("dispute", q.dispute.as_str()),
            ("actor", q.actor.as_str()),
            ("issue", q.issue.as_str()),
        ];
        let filter = read_filter(&names, &q.as_of, q.revision)?;
        let (events, next_page_token) = self
            .list::<core::Event>(q.page_size, q.page_token, filter)
            .await?;
        r(pb::ListEventsResponse {
            events,
            next_page_token,
        })
    }
    async fn create_event(
        &self,
        req: Request<pb::CreateEventRequest>,
    ) -> Result<Response<pb::CreateEventResponse>, Status> {
        let q = req.into_inner();
        let msg = q
            .event
            .ok_or_else(|| ApiError::from(FieldError::new("event", "required")))?;
        let name = (!q.event_id.is_empty()).then(|| format!("events/{}", q.event_id));
        let event = self.create::<core::Event>(msg, name, &q.request_id).await?;
        r(pb::CreateEventResponse { event: Some(event) })
    }
    async fn update_event(
        &self,
        req: Request<pb::UpdateEventRequest>,
    ) -> Result<Response<pb::UpdateEventResponse>, Status> {
        let q = req.into_inner();
        let event = self.update::<core::Event>(q.event, q.update_mask).await?;
        r(pb::UpdateEventResponse { event: Some(event) })
    }
    async fn delete_event(
        &self,
        req: Request<pb::DeleteEventRequest>,
    ) -> Result<Response<pb::DeleteEventResponse>, Status> {
        let q = req.into_inner();
        self.delete::<core::Event>(q.name, &q.etag).await?;
        r(pb::DeleteEventResponse {})
    }

    // ---------------------------------------------------------------- documents
    async fn get_document(
        &self,
        req: Request<pb::GetDocumentRequest>,
    ) -> Result<Response<pb::GetDocumentResponse>, Status> {
        let q = req.into_inner();
        let document = self.get::<core::Document>(q.name, q.revision).await?;
        r(pb::GetDocumentResponse {
            document: Some(document),
        })
    }
    async fn list_documents(
        &self,
        req: Request<pb::ListDocumentsRequest>,
    ) -> Result<Response<pb::ListDocumentsResponse>, Status> {
        let q = req.into_inner();
        let filter = read_filter(&[("dispute", &q.dispute)], &q.as_of, q.revision)?;
        let (documents, next_page_token) = self
            .list::<core::Document>(q.page_size, q.page_token, filter)
            .await?;
        r(pb::ListDocumentsResponse {
            documents,
            next_page_token,
        })
    }
    async fn create_document(
        &self,
        req: Request<pb::CreateDocumentRequest>,
    ) -> Result<Response<pb::CreateDocumentResponse>, Status> {
        let q = req.into_inner();
        let msg = q
            .document
            .ok_or_else(|| ApiError::from(FieldError::new("document", "required")))?;
        let name = (!q.document_id.is_empty()).then(|| format!("documents/{}", q.document_id));
        let document = self
            .create::<core::Document>(msg, name, &q.request_id)
            .await?;
        r(pb::CreateDocumentResponse {
            document: Some(document),
        })
    }
    async fn update_document(
        &self,
        req: Request<pb::UpdateDocumentRequest>,
    ) -> Result<Response<pb::UpdateDocumentResponse>, Status> {
        let q = req.into_inner();
        let document = self
            .update::<core::Document>(q.document, q.update_mask)
            .await?;
        r(pb::UpdateDocumentResponse {
            document: Some(document),
        })
    }
    async fn delete_document(
        &self,
        req: Request<pb::DeleteDocumentRequest>,
    ) -> Result<Response<pb::DeleteDocumentResponse>, Status> {
        let q = req.into_inner();
        self.delete::<core::Document>(q.name, &q.etag).await?;
        r(pb::DeleteDocumentResponse {})
    }
}
