//! `ChangeService.WatchChanges`: the store's change feed as a server stream (and
//! `ListChanges`, the same feed in pages). Watchers wake on the
//! in-process commit notification and also poll the store every `poll_interval`, so commits made
//! by other processes sharing the store arrive too.
//!
//! Resume tokens are `{revision}.{index}`: the index counts the changes within one revision, so
//! a client cut off in the middle of a large commit resumes at the next change of that commit.

use polemos_core::Record;
use polemos_engine::changes::{self, ChangeFilter, Cursor, Position};
use polemos_proto::v1 as pb;
use polemos_proto::v1::change_service_server::ChangeService;
use polemos_store::{Change, Kind};
use prost::Message;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Code, Request, Response, Status};

use super::convert::{self as cv, Path};
use super::error::{ApiError, status};
use super::gauges::{Held, StreamGuard};
use super::state::{Shared, StoreOp};

// The feed itself (tokens, the filter, reading a batch and moving past it) is the engine's
// (`polemos_engine::changes`), as `Engine.changes` reads it; here are the stream's waking,
// pacing and conversion.

fn kind_out(kind: Kind) -> pb::ResourceKind {
    match kind {
        Kind::Actor => pb::ResourceKind::Actor,
        Kind::Dispute => pb::ResourceKind::Dispute,
        Kind::Issue => pb::ResourceKind::Issue,
        Kind::Stance => pb::ResourceKind::Stance,
        Kind::Event => pb::ResourceKind::Event,
        Kind::Document => pb::ResourceKind::Document,
    }
}

fn change_out(c: &Change, token: String) -> pb::WatchChangesResponse {
    use pb::watch_changes_response::Resource as R;
    let rev = c.revision;
    let resource = c.record.as_ref().map(|r| match r {
        Record::Actor(x) => R::Actor(cv::actor_out(x, rev)),
        Record::Dispute(x) => R::Dispute(cv::dispute_out(x, rev)),
        Record::Issue(x) => R::Issue(cv::issue_out(x, rev)),
        Record::Stance(x) => R::Stance(cv::stance_out(x, rev)),
        Record::Event(x) => R::Event(cv::event_out(x, rev)),
        Record::Document(x) => R::Document(cv::document_out(x, rev)),
    });
    pb::WatchChangesResponse {
        token,
        revision: rev,
        commit_time: c.committed_at.to_rfc3339(),
        change_type: if c.record.is_some() {
            pb::ChangeType::Written
        } else {
            pb::ChangeType::Deleted
        } as i32,
        kind: kind_out(c.kind) as i32,
        name: c.name.clone(),
        resource,
    }
}

/// The change-feed service.
#[derive(Clone)]
pub struct Changes {
    shared: Shared,
}

impl Changes {
    pub fn new(shared: Shared) -> Self {
        Self { shared }
    }
}

/// One message on its way to the client, with its bytes counted as held until the transport
/// takes it (or the stream ends and the queue is dropped).
pub struct Outgoing {
    message: Result<pb::WatchChangesResponse, Status>,
    _held: Option<Held>,
}

/// Reads the next batch (bounded by count and bytes, possibly part of one commit), turns it
/// into messages for the changes the filter keeps, and moves `pos` past it. Empty when there
/// is nothing new.
async fn next_batch(
    shared: &Shared,
    pos: &mut Position,
    filter: &ChangeFilter,
) -> Result<Vec<Outgoing>, ApiError> {
    let range = pos.range(
        shared.limits.watch_batch_len,
        shared.limits.watch_batch_bytes,
    );
    let batch = shared
        .blocking(StoreOp::ChangesSince, move |s| s.changes_in(range))
        .await?;
    if batch.is_empty() {
        return Ok(Vec::new());
    }
    shared.gauges.watch_batches.add(1);
    Ok(changes::advance(pos, batch, filter)
        .into_iter()
        .map(|c| {
            let message = change_out(&c.change, c.token);
            let held = shared.gauges.hold(message.encoded_len());
            Outgoing {
                message: Ok(message),
                _held: Some(held),
            }
        })
        .collect())
}

/// Sends one message, waiting while the client's queue is full: the stream reads nothing more
/// from the store meanwhile, so a client that stops reading stops costing memory. `false` when
/// the client went away.
async fn send(shared: &Shared, tx: &mpsc::Sender<Outgoing>, item: Outgoing) -> bool {
    match tx.try_send(item) {
        Ok(()) => true,
        Err(mpsc::error::TrySendError::Closed(_)) => false,
        Err(mpsc::error::TrySendError::Full(item)) => {
            shared.gauges.watch_stalled.add(1);
            let sent = tx.send(item).await.is_ok();
            shared.gauges.watch_stalled.add(-1);
            sent
        }
    }
}

async fn run(
    shared: Shared,
    cursor: Cursor,
    filter: ChangeFilter,
    tx: mpsc::Sender<Outgoing>,
    _permit: tokio::sync::OwnedSemaphorePermit,
) {
    let _open = StreamGuard::new(&shared.gauges);
    let mut pos = Position::from(cursor);
    let mut head = shared.subscribe();
    let mut closing = shared.closing();
    let mut tick = tokio::time::interval(shared.limits.poll_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let before = pos;
        let batch = match next_batch(&shared, &mut pos, &filter).await {
            Ok(b) => b,
            Err(e) => {
                let _ = send(
                    &shared,
                    &tx,
                    Outgoing {
                        message: Err(e.into()),
                        _held: None,
                    },
                )
                .await;
                return;
            }
        };
        let read = pos != before;
        if read {
            shared.notify(pos.after.saturating_add(1));
        }
        for item in batch {
            if !send(&shared, &tx, item).await {
                return; // the client went away; what it had not taken is dropped here
            }
        }
        if read {
            continue;
        }
        tokio::select! {
            _ = head.changed() => {}
            _ = tick.tick() => {}
            () = tx.closed() => return,
            _ = closing.changed() => {
                let _ = send(&shared, &tx, Outgoing {
                    message: Err(status(
                        Code::Unavailable,
                        "SERVER_DRAINING",
                        "server is shutting down; reconnect with the last token received",
                    )),
                    _held: None,
                })
                .await;
                return;
            }
        }
    }
}

/// The filter of a request. The wire carries resource names (`disputes/kuril-islands`, as the
/// proto documents), which the converter checks as everywhere in the API, so a short name is
/// INVALID_ARGUMENT here; the engine then builds the filter as for the CLI and Python (empty
/// names: no filter; one never stored, an empty feed).
fn filter_in(dispute: &str, actor: &str) -> Result<ChangeFilter, ApiError> {
    if !dispute.is_empty() {
        cv::dispute_name(&Path::root("dispute"), dispute)?;
    }
    if !actor.is_empty() {
        cv::actor_name(&Path::root("actor"), actor)?;
    }
    Ok(ChangeFilter::new(Some(dispute), Some(actor))?)
}

#[tonic::async_trait]
impl ChangeService for Changes {
    async fn list_changes(
        &self,
        req: Request<pb::ListChangesRequest>,
    ) -> Result<Response<pb::ListChangesResponse>, Status> {
        let q = req.into_inner();
        let filter = filter_in(&q.dispute, &q.actor)?;
        let size = polemos_engine::page_size(i64::from(q.page_size))
            .map_err(ApiError::from)?
            .min(self.shared.limits.max_page_size.max(1));
        // The page token is a change token; unlike `WatchChanges`, an empty start is the whole
        // history (a list reads what is there, it does not wait for what comes). A bad token is
        // refused naming the field the caller set.
        let (field, token) = if q.page_token.is_empty() {
            ("start_token", q.start_token)
        } else {
            ("page_token", q.page_token)
        };
        let page = self
            .shared
            .run(StoreOp::ChangesSince, move |s| {
                changes::page(s, field, &token, &filter, size)
            })
            .await?;
        Ok(Response::new(pb::ListChangesResponse {
            changes: page
                .changes
                .into_iter()
                .map(|c| change_out(&c.change, c.token))
                .collect(),
            next_page_token: page.next_token.unwrap_or_default(),
        }))
    }

    async fn watch_changes(
        &self,
        req: Request<pb::WatchChangesRequest>,
    ) -> Result<Response<tonic::codegen::BoxStream<pb::WatchChangesResponse>>, Status> {
        let q = req.into_inner();
        let filter = filter_in(&q.dispute, &q.actor)?;
        let head = self.shared.blocking(StoreOp::Head, |s| s.head()).await?;
        let cursor = changes::parse_token(&q.start_token, head).map_err(ApiError::from)?;
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
        // A small queue: the transport's flow control, not a buffer here, paces the stream.
        let (tx, rx) = mpsc::channel(self.shared.limits.watch_queue.max(1));
        tokio::spawn(run(self.shared.clone(), cursor, filter, tx, permit));
        let stream = tokio_stream::StreamExt::map(ReceiverStream::new(rx), |o| o.message);
        Ok(Response::new(Box::pin(stream)))
    }
}
