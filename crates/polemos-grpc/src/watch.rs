//! `ChangeService.WatchChanges`: the store's change feed as a server stream. Watchers wake on the
//! in-process commit notification and also poll the store every `poll_interval`, so commits made
//! by other processes sharing the store arrive too.
//!
//! Resume tokens are `{revision}.{index}`: the index counts the changes within one revision, so
//! a client cut off in the middle of a large commit resumes at the next change of that commit.

use polemos_core::Record;
use polemos_proto::v1 as pb;
use polemos_proto::v1::change_service_server::ChangeService;
use polemos_store::{Change, ChangeRange, Kind, Revision};
use prost::Message;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Code, Request, Response, Status};

use super::convert::{self as cv, FieldError, Path};
use super::error::{ApiError, status};
use super::gauges::{Held, StreamGuard};
use super::state::{Shared, StoreOp};

/// Where a watch starts: every change after revision `after`, skipping the changes of revision
/// `after + 1` up to index `seen` (those the client already has).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub after: Revision,
    pub partial: Option<(Revision, usize)>,
}

/// Parses a `start_token`; `head` is used for an empty token (only new changes).
pub fn parse_token(token: &str, head: Revision) -> Result<Cursor, FieldError> {
    let bad = || FieldError::new("start_token", format!("`{token}` is not a change token"));
    if token.is_empty() {
        return Ok(Cursor {
            after: head,
            partial: None,
        });
    }
    match token.split_once('.') {
        None => token
            .parse()
            .map(|after| Cursor {
                after,
                partial: None,
            })
            .map_err(|_| bad()),
        Some((rev, idx)) => {
            let rev: Revision = rev.parse().map_err(|_| bad())?;
            let idx: usize = idx.parse().map_err(|_| bad())?;
            if rev == 0 {
                return Err(bad());
            }
            Ok(Cursor {
                after: rev - 1,
                partial: Some((rev, idx)),
            })
        }
    }
}

/// Which changes a watcher wants.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub dispute: Option<String>,
    pub actor: Option<String>,
}

impl Filter {
    /// Whether a change bears on the filter's dispute and actor. Deletions carry no record, so
    /// those whose relation cannot be told are let through (as the proto documents).
    pub fn matches(&self, change: &Change) -> bool {
        let dispute_ok = self
            .dispute
            .as_deref()
            .is_none_or(|d| match &change.record {
                None => {
                    !matches!(change.kind, Kind::Actor | Kind::Document)
                        && (change.kind != Kind::Dispute || change.name == d)
                        && (change.kind != Kind::Issue
                            || change.name.starts_with(&format!("{d}/issues/")))
                }
                Some(Record::Dispute(x)) => x.name.as_str() == d,
                Some(Record::Issue(x)) => x.dispute().as_str() == d,
                Some(Record::Stance(x)) => x.issue.dispute().as_str() == d,
                Some(Record::Event(x)) => x.issues.iter().any(|i| i.dispute().as_str() == d),
                Some(Record::Actor(_) | Record::Document(_)) => false,
            });
        let actor_ok = self.actor.as_deref().is_none_or(|a| match &change.record {
            None => match change.kind {
                Kind::Actor => change.name == a,
                Kind::Stance | Kind::Event | Kind::Dispute => true,
                Kind::Issue | Kind::Document => false,
            },
            Some(Record::Actor(x)) => x.name.as_str() == a,
            Some(Record::Dispute(x)) => x.parties.iter().any(|p| p.actor.as_str() == a),
            Some(Record::Stance(x)) => x.actor.as_str() == a,
            Some(Record::Event(x)) => x.sources.iter().chain(&x.targets).any(|s| s.as_str() == a),
            Some(Record::Issue(_) | Record::Document(_)) => false,
        });
        dispute_ok && actor_ok
    }
}

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

fn change_out(c: &Change, index: usize) -> pb::WatchChangesResponse {
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
        token: format!("{rev}.{index}"),
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

/// Where a watch is in the log: the next change is the `skip`-th of revision `after + 1` (or
/// the first of a later one, if that revision has no more).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Position {
    after: Revision,
    skip: usize,
}

impl From<Cursor> for Position {
    fn from(c: Cursor) -> Self {
        match c.partial {
            Some((rev, idx)) => Self {
                after: rev.saturating_sub(1),
                skip: idx.saturating_add(1),
            },
            None => Self {
                after: c.after,
                skip: 0,
            },
        }
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
    filter: &Filter,
) -> Result<Vec<Outgoing>, ApiError> {
    let range = ChangeRange {
        after: pos.after,
        skip: pos.skip,
        limit: shared.limits.watch_batch_len.max(1),
        max_bytes: shared.limits.watch_batch_bytes,
    };
    let batch = shared
        .blocking(StoreOp::ChangesSince, move |s| s.changes_in(range))
        .await?;
    if batch.is_empty() {
        return Ok(Vec::new());
    }
    shared.gauges.watch_batches.add(1);
    let mut out = Vec::new();
    // The index counts changes within a revision; the first revision continues at `skip`.
    let (mut revision, mut next) = (pos.after.saturating_add(1), pos.skip);
    for change in &batch {
        if change.revision != revision {
            revision = change.revision;
            next = 0;
        }
        let index = next;
        next += 1;
        if filter.matches(change) {
            let message = change_out(change, index);
            let held = shared.gauges.hold(message.encoded_len());
            out.push(Outgoing {
                message: Ok(message),
                _held: Some(held),
            });
        }
    }
    *pos = Position {
        after: revision - 1,
        skip: next,
    };
    Ok(out)
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
    filter: Filter,
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

#[tonic::async_trait]
impl ChangeService for Changes {
    async fn watch_changes(
        &self,
        req: Request<pb::WatchChangesRequest>,
    ) -> Result<Response<tonic::codegen::BoxStream<pb::WatchChangesResponse>>, Status> {
        let q = req.into_inner();
        let filter = Filter {
            dispute: (!q.dispute.is_empty())
                .then(|| {
                    cv::dispute_name(&Path::root("dispute"), &q.dispute).map(|n| n.to_string())
                })
                .transpose()
                .map_err(ApiError::from)?,
            actor: (!q.actor.is_empty())
                .then(|| cv::actor_name(&Path::root("actor"), &q.actor).map(|n| n.to_string()))
                .transpose()
                .map_err(ApiError::from)?,
        };
        let head = self.shared.blocking(StoreOp::Head, |s| s.head()).await?;
        let cursor = parse_token(&q.start_token, head).map_err(ApiError::from)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_parse() {
        assert_eq!(
            parse_token("", 7),
            Ok(Cursor {
                after: 7,
                partial: None
            })
        );
        assert_eq!(
            parse_token("0", 7),
            Ok(Cursor {
                after: 0,
                partial: None
            })
        );
        assert_eq!(
            parse_token("5.2", 7),
            Ok(Cursor {
                after: 4,
                partial: Some((5, 2))
            })
        );
        for bad in ["x", "0.1", "5.", ".3", "-1"] {
            assert!(parse_token(bad, 7).is_err(), "{bad}");
        }
    }
}
