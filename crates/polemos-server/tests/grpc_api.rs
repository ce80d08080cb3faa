//! End-to-end tests of the gRPC API: a real server on 127.0.0.1:0 over an in-memory store,
//! called through the generated clients, including bad input and auth failures.

use std::sync::Arc;
use std::time::Duration;

use polemos_core::Dossier;
use polemos_proto::v1 as pb;
use polemos_proto::v1::change_service_client::ChangeServiceClient;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use polemos_server::grpc::{self, Keys, Limits, Options, Shared, auth};
use polemos_store::{Store, WriteBatch};
use tokio::sync::oneshot;
use tokio_stream::StreamExt;
use tonic::metadata::MetadataValue;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};
use tonic_types::StatusExt;

const KURIL: &str = include_str!("../../../examples/dossiers/kuril-islands.json");

struct Server {
    url: String,
    admin: String,
    reader: String,
    store: Arc<dyn Store>,
    stop: Option<oneshot::Sender<()>>,
    done: tokio::task::JoinHandle<Result<(), grpc::ServeError>>,
}

impl Server {
    async fn start(with_keys: bool, import: bool) -> Self {
        let store: Arc<dyn Store> =
            Arc::from(polemos_store::open("memory:").expect("memory store"));
        if import {
            let dossier = Dossier::from_json(KURIL).expect("reference dossier");
            store
                .commit(WriteBatch::from_dossier(&dossier, "test import"))
                .expect("import");
        }
        let admin = auth::generate().expect("key");
        let reader = auth::generate().expect("key");
        let mut keys = Keys::default();
        if with_keys {
            keys.add_env(&format!(
                "admin:{},reader:{}",
                auth::hash(&admin),
                auth::hash(&reader)
            ))
            .expect("keys");
        }
        let limits = Limits {
            max_text_bytes: 16 * 1024,
            poll_interval: Duration::from_millis(50),
            ..Limits::default()
        };
        let options = Options {
            keys,
            limits: limits.clone(),
            max_message_bytes: 64 * 1024,
            ..Options::default()
        };
        let shared = Shared::new(Arc::clone(&store), limits).expect("shared");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let (stop, stopped) = oneshot::channel::<()>();
        let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener);
        let done = tokio::spawn(grpc::run(shared, options, incoming, async {
            let _ = stopped.await;
        }));
        Self {
            url,
            admin,
            reader,
            store,
            stop: Some(stop),
            done,
        }
    }

    async fn channel(&self) -> Channel {
        Channel::from_shared(self.url.clone())
            .expect("url")
            .connect()
            .await
            .expect("connect")
    }

    async fn dossier(&self, key: &str) -> DossierServiceClient<InterceptedService<Channel, Auth>> {
        DossierServiceClient::with_interceptor(self.channel().await, Auth(Some(key.to_owned())))
    }

    async fn changes(&self, key: &str) -> ChangeServiceClient<InterceptedService<Channel, Auth>> {
        ChangeServiceClient::with_interceptor(self.channel().await, Auth(Some(key.to_owned())))
    }

    async fn extraction(
        &self,
        key: &str,
    ) -> ExtractionServiceClient<InterceptedService<Channel, Auth>> {
        ExtractionServiceClient::with_interceptor(self.channel().await, Auth(Some(key.to_owned())))
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        tokio::time::timeout(Duration::from_secs(10), self.done)
            .await
            .expect("server drains within 10 s")
            .expect("server task")
            .expect("server ran cleanly");
    }
}

#[derive(Clone)]
struct Auth(Option<String>);

impl tonic::service::Interceptor for Auth {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        if let Some(key) = &self.0 {
            let value = MetadataValue::try_from(format!("Bearer {key}")).expect("ascii");
            req.metadata_mut().insert("authorization", value);
        }
        Ok(req)
    }
}

fn field_violation(status: &Status) -> String {
    status
        .get_details_bad_request()
        .and_then(|b| b.field_violations.first().map(|v| v.field.clone()))
        .unwrap_or_default()
}

fn reason(status: &Status) -> String {
    status
        .get_details_error_info()
        .map(|i| i.reason)
        .unwrap_or_default()
}

fn new_actor(id: &str) -> pb::Actor {
    pb::Actor {
        name: format!("actors/{id}"),
        kind: pb::ActorKind::State as i32,
        display_name: format!("Actor {id}"),
        ..Default::default()
    }
}

#[tokio::test]
async fn list_pages_through_every_resource_without_gaps() {
    let server = Server::start(true, true).await;
    let dossier = Dossier::from_json(KURIL).expect("dossier");
    let mut client = server.dossier(&server.reader).await;
    let mut names = Vec::new();
    let mut token = String::new();
    loop {
        let page = client
            .list_actors(pb::ListActorsRequest {
                page_size: 2,
                page_token: token.clone(),
                ..Default::default()
            })
            .await
            .expect("list")
            .into_inner();
        assert!(page.actors.len() <= 2);
        names.extend(page.actors.iter().map(|a| a.name.clone()));
        assert!(page.actors.iter().all(|a| a.etag.starts_with('r')));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    let mut expected: Vec<String> = dossier.actors.iter().map(|a| a.name.to_string()).collect();
    expected.sort();
    assert_eq!(
        names, expected,
        "pages cover every actor once, in name order"
    );

    // A huge page size is capped, not refused; negative is INVALID_ARGUMENT naming the field.
    let all = client
        .list_stances(pb::ListStancesRequest {
            page_size: 1_000_000,
            ..Default::default()
        })
        .await
        .expect("capped")
        .into_inner();
    assert_eq!(all.stances.len(), dossier.stances.len());
    let err = client
        .list_stances(pb::ListStancesRequest {
            page_size: -1,
            ..Default::default()
        })
        .await
        .expect_err("negative");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(field_violation(&err), "page_size");
    let err = client
        .list_actors(pb::ListActorsRequest {
            page_token: "zz".into(),
            ..Default::default()
        })
        .await
        .expect_err("bad token");
    assert_eq!(field_violation(&err), "page_token");

    // Filters: stances of one actor; issues of the dispute; events of the dispute.
    let jpn = client
        .list_stances(pb::ListStancesRequest {
            actor: "actors/JPN".into(),
            ..Default::default()
        })
        .await
        .expect("filter")
        .into_inner();
    let expected = dossier
        .stances
        .iter()
        .filter(|s| s.actor.as_str() == "actors/JPN")
        .count();
    assert_eq!(jpn.stances.len(), expected);
    assert!(expected > 0);
    let issues = client
        .list_issues(pb::ListIssuesRequest {
            parent: "disputes/kuril-islands".into(),
            ..Default::default()
        })
        .await
        .expect("issues")
        .into_inner();
    assert_eq!(issues.issues.len(), dossier.issues.len());
    let err = client
        .list_issues(pb::ListIssuesRequest::default())
        .await
        .expect_err("parent");
    assert_eq!(field_violation(&err), "parent");
    for (list, n) in [
        (
            client
                .list_events(pb::ListEventsRequest::default())
                .await
                .expect("events")
                .into_inner()
                .events
                .len(),
            dossier.events.len(),
        ),
        (
            client
                .list_documents(pb::ListDocumentsRequest::default())
                .await
                .expect("docs")
                .into_inner()
                .documents
                .len(),
            dossier.documents.len(),
        ),
        (
            client
                .list_disputes(pb::ListDisputesRequest::default())
                .await
                .expect("disputes")
                .into_inner()
                .disputes
                .len(),
            dossier.disputes.len(),
        ),
    ] {
        assert_eq!(list, n);
    }
    server.stop().await;
}

#[tokio::test]
async fn create_get_update_delete_with_etags_and_request_ids() {
    let server = Server::start(true, true).await;
    let mut client = server.dossier(&server.admin).await;

    let created = client
        .create_actor(pb::CreateActorRequest {
            actor: Some(new_actor("")).map(|mut a| {
                a.name.clear();
                a
            }),
            actor_id: "KOR".into(),
            request_id: "req-1".into(),
        })
        .await
        .expect("create")
        .into_inner()
        .actor
        .expect("actor");
    assert_eq!(created.name, "actors/KOR");
    // The same request again is idempotent; without a request id it is ALREADY_EXISTS.
    let again = client
        .create_actor(pb::CreateActorRequest {
            actor: Some(created.clone()),
            request_id: "req-1".into(),
            ..Default::default()
        })
        .await
        .expect("idempotent retry")
        .into_inner();
    assert_eq!(again.actor.map(|a| a.etag), Some(created.etag.clone()));
    let err = client
        .create_actor(pb::CreateActorRequest {
            actor: Some(created.clone()),
            ..Default::default()
        })
        .await
        .expect_err("duplicate");
    assert_eq!(err.code(), Code::AlreadyExists);
    assert_eq!(reason(&err), "RESOURCE_EXISTS");

    let got = client
        .get_actor(pb::GetActorRequest {
            name: "actors/KOR".into(),
        })
        .await
        .expect("get")
        .into_inner()
        .actor
        .expect("actor");
    assert_eq!(got, created);

    // Update one field by mask; the other fields stay.
    let mut change = pb::Actor {
        name: "actors/KOR".into(),
        display_name: "Republic of Korea".into(),
        etag: got.etag.clone(),
        ..Default::default()
    };
    let updated = client
        .update_actor(pb::UpdateActorRequest {
            actor: Some(change.clone()),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["display_name".into()],
            }),
        })
        .await
        .expect("update")
        .into_inner()
        .actor
        .expect("actor");
    assert_eq!(updated.display_name, "Republic of Korea");
    assert_eq!(updated.kind, pb::ActorKind::State as i32);
    assert_ne!(updated.etag, got.etag);
    // The old etag is stale now.
    change.display_name = "Korea".into();
    let err = client
        .update_actor(pb::UpdateActorRequest {
            actor: Some(change.clone()),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["display_name".into()],
            }),
        })
        .await
        .expect_err("stale");
    assert_eq!(err.code(), Code::Aborted);
    assert_eq!(reason(&err), "ETAG_MISMATCH");
    let err = client
        .update_actor(pb::UpdateActorRequest {
            actor: Some(pb::Actor {
                etag: String::new(),
                ..change.clone()
            }),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["etag".into()],
            }),
        })
        .await
        .expect_err("output-only field in mask");
    assert_eq!(field_violation(&err), "update_mask");

    // Deleting an actor others refer to is refused; an unreferenced one goes.
    let err = client
        .delete_actor(pb::DeleteActorRequest {
            name: "actors/JPN".into(),
            ..Default::default()
        })
        .await
        .expect_err("in use");
    assert_eq!(err.code(), Code::FailedPrecondition);
    client
        .delete_actor(pb::DeleteActorRequest {
            name: "actors/KOR".into(),
            etag: updated.etag,
        })
        .await
        .expect("delete");
    let err = client
        .get_actor(pb::GetActorRequest {
            name: "actors/KOR".into(),
        })
        .await
        .expect_err("gone");
    assert_eq!(err.code(), Code::NotFound);
    assert_eq!(reason(&err), "RESOURCE_NOT_FOUND");

    // Every other resource's Create and Update, through the same code path.
    let stance = client
        .get_stance(pb::GetStanceRequest {
            name: first_name(&server, "stance"),
        })
        .await
        .expect("stance")
        .into_inner()
        .stance
        .expect("stance");
    let mut copy = stance.clone();
    copy.name = "stances/copy".into();
    let made = client
        .create_stance(pb::CreateStanceRequest {
            stance: Some(copy),
            ..Default::default()
        })
        .await
        .expect("create stance")
        .into_inner()
        .stance
        .expect("stance");
    assert_eq!(made.position, stance.position);
    let moved = client
        .update_stance(pb::UpdateStanceRequest {
            stance: Some(pb::Stance {
                name: "stances/copy".into(),
                position: 42.0,
                ..Default::default()
            }),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["position".into()],
            }),
        })
        .await
        .expect("update stance")
        .into_inner()
        .stance
        .expect("stance");
    assert!((moved.position - 42.0).abs() < 1e-9);
    client
        .delete_stance(pb::DeleteStanceRequest {
            name: "stances/copy".into(),
            ..Default::default()
        })
        .await
        .expect("delete stance");
    let issue = client
        .create_issue(pb::CreateIssueRequest {
            parent: "disputes/kuril-islands".into(),
            issue_id: "fishing".into(),
            issue: Some(pb::Issue {
                title: "Fishing rights".into(),
                scale: Some(pb::IssueScale {
                    kind: Some(pb::issue_scale::Kind::Binary(pb::BinaryScale {
                        proposal: "joint fishing zone".into(),
                    })),
                }),
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect("create issue")
        .into_inner()
        .issue
        .expect("issue");
    assert_eq!(issue.name, "disputes/kuril-islands/issues/fishing");
    client
        .delete_issue(pb::DeleteIssueRequest {
            name: issue.name,
            ..Default::default()
        })
        .await
        .expect("delete issue");
    let doc = client
        .create_document(pb::CreateDocumentRequest {
            document_id: "note-1".into(),
            document: Some(pb::Document {
                text: "A short note.".into(),
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect("create document")
        .into_inner()
        .document
        .expect("doc");
    assert_eq!(
        doc.content_hash,
        polemos_core::content_hash("A short note.")
    );
    let doc = client
        .update_document(pb::UpdateDocumentRequest {
            document: Some(pb::Document {
                name: doc.name.clone(),
                text: "A longer note.".into(),
                ..Default::default()
            }),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["text".into()],
            }),
        })
        .await
        .expect("update document")
        .into_inner()
        .document
        .expect("doc");
    assert_eq!(
        doc.content_hash,
        polemos_core::content_hash("A longer note.")
    );
    server.stop().await;
}

fn first_name(server: &Server, kind: &str) -> String {
    let d = server
        .store
        .snapshot(polemos_store::View::current())
        .expect("snapshot");
    match kind {
        "stance" => d.stances[0].name.to_string(),
        "event" => d.events[0].name.to_string(),
        _ => d.actors[0].name.to_string(),
    }
}

#[tokio::test]
async fn bad_input_gets_invalid_argument_naming_the_field() {
    let server = Server::start(true, true).await;
    let mut client = server.dossier(&server.admin).await;
    let head = server.store.head().expect("head");

    // Malformed resource name.
    let err = client
        .get_actor(pb::GetActorRequest {
            name: "actor/JPN".into(),
        })
        .await
        .expect_err("name");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(field_violation(&err), "name");
    let err = client
        .get_issue(pb::GetIssueRequest {
            name: "disputes/x/issue/y".into(),
        })
        .await
        .expect_err("name");
    assert_eq!(field_violation(&err), "name");
    // Unknown enum value (a newer client's number).
    let mut actor = new_actor("NEW");
    actor.kind = 77;
    let err = client
        .create_actor(pb::CreateActorRequest {
            actor: Some(actor),
            ..Default::default()
        })
        .await
        .expect_err("enum");
    assert_eq!(field_violation(&err), "actor.kind");
    // *_UNSPECIFIED is "missing".
    let mut actor = new_actor("NEW");
    actor.kind = 0;
    let err = client
        .create_actor(pb::CreateActorRequest {
            actor: Some(actor),
            ..Default::default()
        })
        .await
        .expect_err("unspecified");
    assert_eq!(field_violation(&err), "actor.kind");
    // Missing required message and field.
    let err = client
        .create_actor(pb::CreateActorRequest::default())
        .await
        .expect_err("missing");
    assert_eq!(field_violation(&err), "actor");
    let mut actor = new_actor("NEW");
    actor.display_name.clear();
    let err = client
        .create_actor(pb::CreateActorRequest {
            actor: Some(actor),
            ..Default::default()
        })
        .await
        .expect_err("missing field");
    assert_eq!(field_violation(&err), "actor.display_name");
    // A reference that does not resolve is a validation failure naming the field.
    let mut stance = client
        .get_stance(pb::GetStanceRequest {
            name: first_name(&server, "stance"),
        })
        .await
        .expect("stance")
        .into_inner()
        .stance
        .expect("stance");
    stance.name = "stances/dangling".into();
    stance.actor = "actors/NOBODY".into();
    let err = client
        .create_stance(pb::CreateStanceRequest {
            stance: Some(stance),
            ..Default::default()
        })
        .await
        .expect_err("dangling");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(reason(&err), "VALIDATION_FAILED");
    assert!(
        field_violation(&err).starts_with("stance."),
        "{:?}",
        field_violation(&err)
    );

    // Text over the limit: a clear INVALID_ARGUMENT; a message over the limit: RESOURCE_EXHAUSTED.
    let big = "x".repeat(20 * 1024);
    let err = client
        .create_document(pb::CreateDocumentRequest {
            document: Some(pb::Document {
                name: "documents/big".into(),
                text: big,
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect_err("text limit");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(reason(&err), "TEXT_TOO_LARGE");
    assert_eq!(field_violation(&err), "document.text");
    let huge = "x".repeat(100 * 1024);
    let err = client
        .create_document(pb::CreateDocumentRequest {
            document: Some(pb::Document {
                name: "documents/huge".into(),
                text: huge,
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect_err("message limit");
    assert_eq!(err.code(), Code::ResourceExhausted);
    assert_eq!(reason(&err), "MESSAGE_TOO_LARGE");

    // Invalid UTF-8 in text, sent as raw bytes in the string field.
    let err = raw_extract(&server, vec![b'o', b'k', 0xff, 0xfe])
        .await
        .expect_err("utf-8");
    assert_eq!(err.code(), Code::InvalidArgument, "{err:?}");
    assert_eq!(reason(&err), "MALFORMED_MESSAGE");
    assert_eq!(field_violation(&err), "Document.text");

    // Nothing was written by any of it, and the server still serves.
    assert_eq!(server.store.head().expect("head"), head);
    client
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
        })
        .await
        .expect("still serving");
    server.stop().await;
}

/// Wire-compatible stand-ins for `ExtractRequest`/`Document` whose text is bytes, to send text
/// that is not UTF-8.
#[derive(Clone, PartialEq, prost::Message)]
struct RawDocument {
    #[prost(bytes = "vec", tag = "7")]
    text: Vec<u8>,
}

#[derive(Clone, PartialEq, prost::Message)]
struct RawExtractRequest {
    #[prost(message, optional, tag = "1")]
    document: Option<RawDocument>,
}

async fn raw_extract(server: &Server, text: Vec<u8>) -> Result<pb::ExtractResponse, Status> {
    let mut grpc = tonic::client::Grpc::new(server.channel().await);
    grpc.ready().await.expect("ready");
    let mut req = Request::new(RawExtractRequest {
        document: Some(RawDocument { text }),
    });
    let value = MetadataValue::try_from(format!("Bearer {}", server.admin)).expect("ascii");
    req.metadata_mut().insert("authorization", value);
    let path = tonic::codegen::http::uri::PathAndQuery::from_static(
        "/polemos.v1.ExtractionService/Extract",
    );
    grpc.unary(req, path, tonic_prost::ProstCodec::default())
        .await
        .map(tonic::Response::into_inner)
}

#[tokio::test]
async fn auth_refuses_missing_wrong_and_underprivileged_keys() {
    let server = Server::start(true, true).await;
    let channel = server.channel().await;
    let mut anonymous = DossierServiceClient::with_interceptor(channel.clone(), Auth(None));
    let err = anonymous
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
        })
        .await
        .expect_err("no key");
    assert_eq!(err.code(), Code::Unauthenticated);
    let mut wrong =
        DossierServiceClient::with_interceptor(channel.clone(), Auth(Some("pk_nope".into())));
    let err = wrong
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
        })
        .await
        .expect_err("wrong key");
    assert_eq!(err.code(), Code::Unauthenticated);
    assert_eq!(reason(&err), "INVALID_API_KEY");
    let mut reader = server.dossier(&server.reader).await;
    reader
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
        })
        .await
        .expect("reader reads");
    let err = reader
        .create_actor(pb::CreateActorRequest {
            actor: Some(new_actor("KOR")),
            ..Default::default()
        })
        .await
        .expect_err("reader writes");
    assert_eq!(err.code(), Code::PermissionDenied);
    // Health stays open without a key.
    let mut health = tonic_health::pb::health_client::HealthClient::new(channel);
    let resp = health
        .check(tonic_health::pb::HealthCheckRequest {
            service: "polemos.v1.DossierService".into(),
        })
        .await
        .expect("health")
        .into_inner();
    assert_eq!(
        resp.status,
        tonic_health::pb::health_check_response::ServingStatus::Serving as i32
    );
    server.stop().await;

    // No keys configured: secure by default.
    let server = Server::start(false, false).await;
    let mut client = server.dossier("pk_anything").await;
    let err = client
        .list_actors(pb::ListActorsRequest::default())
        .await
        .expect_err("no keys");
    assert_eq!(err.code(), Code::Unauthenticated);
    assert!(
        err.message().contains("polemos keys create --role admin"),
        "{}",
        err.message()
    );
    server.stop().await;
}

fn ingest_doc(text: &str) -> pb::IngestRequest {
    pb::IngestRequest {
        document: Some(pb::Document {
            text: text.into(),
            published: "2018-11-15".into(),
            ..Default::default()
        }),
        document_only: false,
    }
}

#[tokio::test]
async fn ingest_reports_each_document_and_watch_sees_it_once() {
    let server = Server::start(true, false).await;
    let mut changes = server.changes(&server.reader).await;
    let mut feed = changes
        .watch_changes(pb::WatchChangesRequest::default())
        .await
        .expect("watch")
        .into_inner();

    let mut ingest = server.extraction(&server.admin).await;
    let docs = vec![
        ingest_doc("Japan and Russia met in Singapore."),
        ingest_doc("Japan and Russia met in Singapore."), // duplicate text
        ingest_doc(&"y".repeat(20 * 1024)),               // over the text limit
        pb::IngestRequest::default(),                     // no document
        ingest_doc("Lavrov said the islands are Russian."),
    ];
    let results: Vec<pb::IngestResponse> = ingest
        .ingest(tokio_stream::iter(docs))
        .await
        .expect("ingest")
        .into_inner()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("results");
    let outcomes: Vec<i32> = results.iter().map(|r| r.outcome).collect();
    use pb::IngestOutcome as O;
    assert_eq!(
        outcomes,
        vec![
            O::Created as i32,
            O::Duplicate as i32,
            O::Failed as i32,
            O::Failed as i32,
            O::Created as i32
        ]
    );
    assert_eq!(
        results.iter().map(|r| r.index).collect::<Vec<_>>(),
        vec![0, 1, 2, 3, 4]
    );
    assert_eq!(
        results[1].document, results[0].document,
        "duplicate names the stored document"
    );
    assert_eq!(results[2].error_code, Code::InvalidArgument as i32);
    assert!(
        results[2].error_message.contains("document.text"),
        "{}",
        results[2].error_message
    );

    // The watch sees both documents, in order, exactly once.
    let mut seen = Vec::new();
    while seen.len() < 2 {
        let change = tokio::time::timeout(Duration::from_secs(5), feed.next())
            .await
            .expect("change arrives")
            .expect("stream open")
            .expect("change");
        if change.kind == pb::ResourceKind::Document as i32 {
            seen.push(change);
        }
    }
    assert_eq!(seen[0].name, results[0].document);
    assert_eq!(seen[1].name, results[4].document);

    // Resuming from the first document's token starts right after it: nothing before it again,
    // and the next document is the second one.
    let mut resumed = changes
        .watch_changes(pb::WatchChangesRequest {
            start_token: seen[0].token.clone(),
            ..Default::default()
        })
        .await
        .expect("resume")
        .into_inner();
    let position = |t: &str| -> (u64, u64) {
        let (r, i) = t.split_once('.').expect("token");
        (r.parse().expect("rev"), i.parse().expect("index"))
    };
    let mut first = true;
    loop {
        let next = tokio::time::timeout(Duration::from_secs(5), resumed.next())
            .await
            .expect("arrives")
            .expect("open")
            .expect("change");
        if first {
            let (r0, i0) = position(&seen[0].token);
            let expected = if next.revision == r0 {
                (r0, i0 + 1)
            } else {
                (r0 + 1, 0)
            };
            assert_eq!(
                position(&next.token),
                expected,
                "resumes at the very next change"
            );
            first = false;
        }
        if next.kind == pb::ResourceKind::Document as i32 {
            assert_eq!(next.token, seen[1].token);
            break;
        }
    }

    let err = changes
        .watch_changes(pb::WatchChangesRequest {
            start_token: "nope".into(),
            ..Default::default()
        })
        .await
        .expect_err("bad token");
    assert_eq!(field_violation(&err), "start_token");

    // Shutdown ends open streams with UNAVAILABLE so clients resume elsewhere.
    server.stop().await;
    let end = tokio::time::timeout(Duration::from_secs(5), feed.next())
        .await
        .expect("stream ends");
    if let Some(Err(status)) = end {
        assert_eq!(status.code(), Code::Unavailable);
    }
}

#[tokio::test]
async fn watch_replays_history_filtered_by_dispute_and_actor() {
    let server = Server::start(true, true).await;
    let dossier = Dossier::from_json(KURIL).expect("dossier");
    let mut changes = server.changes(&server.reader).await;
    let mut feed = changes
        .watch_changes(pb::WatchChangesRequest {
            start_token: "0".into(),
            actor: "actors/RUS".into(),
            ..Default::default()
        })
        .await
        .expect("watch")
        .into_inner();
    let mut stances = 0;
    let expected = dossier
        .stances
        .iter()
        .filter(|s| s.actor.as_str() == "actors/RUS")
        .count();
    let mut tokens = std::collections::HashSet::new();
    while stances < expected {
        let c = tokio::time::timeout(Duration::from_secs(5), feed.next())
            .await
            .expect("arrives")
            .expect("open")
            .expect("change");
        assert!(tokens.insert(c.token.clone()), "no token twice");
        if let Some(pb::watch_changes_response::Resource::Stance(s)) = &c.resource {
            assert_eq!(s.actor, "actors/RUS");
            stances += 1;
        }
        assert!(
            c.kind != pb::ResourceKind::Document as i32,
            "documents do not bear on an actor"
        );
    }
    assert!(expected > 0);
    server.stop().await;
}

#[tokio::test]
async fn a_cancelled_ingest_leaves_only_whole_documents() {
    let server = Server::start(true, false).await;
    let mut ingest = server.extraction(&server.admin).await;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let mut results = ingest
        .ingest(tokio_stream::wrappers::ReceiverStream::new(rx))
        .await
        .expect("ingest")
        .into_inner();
    tx.send(ingest_doc("First article about the Kurils."))
        .await
        .expect("send");
    let first = results.next().await.expect("one").expect("ok");
    assert_eq!(first.outcome, pb::IngestOutcome::Created as i32);
    tx.send(ingest_doc("Second article, cut off."))
        .await
        .expect("send");
    drop(results); // the client cancels mid-stream
    drop(tx);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let d = server
        .store
        .snapshot(polemos_store::View::current())
        .expect("snapshot");
    for doc in &d.documents {
        assert_eq!(
            doc.content_hash,
            polemos_core::content_hash(&doc.text),
            "whole documents only"
        );
    }
    assert!(
        d.documents
            .iter()
            .any(|x| x.name.as_str() == first.document)
    );
    // The server keeps serving.
    let mut client = server.dossier(&server.reader).await;
    client
        .list_documents(pb::ListDocumentsRequest::default())
        .await
        .expect("still serving");
    server.stop().await;
}

#[tokio::test]
async fn reflection_lists_the_polemos_services() {
    use tonic_reflection::pb::v1::ServerReflectionRequest;
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
    let server = Server::start(false, false).await;
    let mut client = ServerReflectionClient::new(server.channel().await);
    let req = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut stream = client
        .server_reflection_info(tokio_stream::iter(vec![req]))
        .await
        .expect("reflection")
        .into_inner();
    let resp = stream.next().await.expect("one").expect("ok");
    let Some(MessageResponse::ListServicesResponse(list)) = resp.message_response else {
        panic!("unexpected reflection answer");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for want in [
        "polemos.v1.DossierService",
        "polemos.v1.ChangeService",
        "polemos.v1.ExtractionService",
        "polemos.v1.ImportService",
        "grpc.health.v1.Health",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
    }
    server.stop().await;
}

const ARTICLE: &str = include_str!("../../../tests/fixtures/kuril-2018.txt");

#[tokio::test]
async fn extract_reads_the_reference_article_and_ingest_stores_it_once() {
    let server = Server::start(true, false).await;
    let mut client = server.extraction(&server.reader).await;
    let doc = pb::Document {
        text: ARTICLE.into(),
        published: "2018-11-15".into(),
        ..Default::default()
    };
    let facts = client
        .extract(pb::ExtractRequest {
            document: Some(doc.clone()),
        })
        .await
        .expect("extract")
        .into_inner()
        .facts
        .expect("facts");
    // Facts checked against the article by hand: Russia supports a peace treaty (Putin's offer
    // at Vladivostok), Japan's support is conditional on the territorial question, and Kono is
    // to negotiate with Lavrov.
    let stance = |actor: &str, issue: &str| {
        facts.stances.iter().find(|s| {
            s.actor == actor && s.issue == format!("disputes/kuril-islands/issues/{issue}")
        })
    };
    assert_eq!(
        stance("actors/RUS", "peace-treaty").map(|s| s.label),
        Some(pb::StanceLabel::Support as i32)
    );
    assert_eq!(
        stance("actors/JPN", "peace-treaty").map(|s| s.label),
        Some(pb::StanceLabel::Conditional as i32)
    );
    assert!(
        facts
            .events
            .iter()
            .any(|e| e.event_type == pb::PloverType::Consult as i32
                && e.sources == ["actors/taro-kono"]
                && e.targets == ["actors/sergei-lavrov"])
    );
    for s in &facts.stances {
        for e in &s.evidence {
            let span = e.span.expect("span");
            assert!(span.end as usize <= ARTICLE.len() && span.start < span.end);
        }
    }
    assert_eq!(facts.documents.len(), 1);
    assert!(facts.documents[0].name.starts_with("documents/sha256-"));
    assert!(facts.documents[0].etag.is_empty(), "extract stores nothing");
    assert_eq!(server.store.head().expect("head"), 0);

    // Missing publication date: a clear field error.
    let err = client
        .extract(pb::ExtractRequest {
            document: Some(pb::Document {
                text: ARTICLE.into(),
                ..Default::default()
            }),
        })
        .await
        .expect_err("no date");
    assert_eq!(field_violation(&err), "document.published");

    // Ingest stores the document with its facts, and the same text again is a duplicate.
    let mut writer = server.extraction(&server.admin).await;
    let req = pb::IngestRequest {
        document: Some(doc),
        document_only: false,
    };
    let results: Vec<pb::IngestResponse> = writer
        .ingest(tokio_stream::iter(vec![req.clone(), req]))
        .await
        .expect("ingest")
        .into_inner()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("results");
    assert_eq!(results[0].outcome, pb::IngestOutcome::Created as i32);
    assert_eq!(results[0].stances as usize, facts.stances.len());
    assert_eq!(results[0].events as usize, facts.events.len());
    assert_eq!(results[1].outcome, pb::IngestOutcome::Duplicate as i32);
    let stored = server
        .store
        .snapshot(polemos_store::View::current())
        .expect("snapshot");
    assert_eq!(stored.stances.len(), facts.stances.len());
    assert_eq!(stored.documents.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn report_and_forecasts_on_the_stored_dispute() {
    use polemos_proto::v1::analysis_service_client::AnalysisServiceClient;
    let server = Server::start(true, true).await;
    let mut client = AnalysisServiceClient::with_interceptor(
        server.channel().await,
        Auth(Some(server.reader.clone())),
    );
    let report = client
        .get_dispute_report(pb::GetDisputeReportRequest {
            dispute: "disputes/kuril-islands".into(),
            as_of: "2018-11-20".into(),
            format: pb::ReportFormat::Json as i32,
        })
        .await
        .expect("report")
        .into_inner();
    assert_eq!(report.content_type, "application/json");
    let json: serde_json::Value = serde_json::from_str(&report.content).expect("json report");
    assert!(report.content.contains("kuril-islands"), "{json}");
    let err = client
        .get_dispute_report(pb::GetDisputeReportRequest {
            dispute: "disputes/nowhere".into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown dispute");
    assert_eq!(err.code(), Code::NotFound);

    // One run: a single result.
    let results: Vec<pb::ForecastResponse> = client
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::Dispute(
                "disputes/kuril-islands".into(),
            )),
            model: pb::ForecastModel::Median as i32,
            ..Default::default()
        })
        .await
        .expect("forecast")
        .into_inner()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("stream");
    assert_eq!(results.len(), 1);
    assert!(
        matches!(&results[0].kind, Some(pb::forecast_response::Kind::Result(r))
            if r.model == pb::ForecastModel::Median as i32 && !r.outcome.is_empty())
    );

    // Monte Carlo on an inline scenario: progress, then the result, last.
    let csv = "Actor,Capability,Position,Salience\nA,1,0,0.9\nB,2,100,0.5\nC,1,60,0.8\n";
    let results: Vec<pb::ForecastResponse> = client
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::ScenarioCsv(csv.into())),
            model: pb::ForecastModel::Median as i32,
            monte_carlo_draws: 200,
            seed: 7,
            ..Default::default()
        })
        .await
        .expect("monte carlo")
        .into_inner()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("stream");
    assert!(results.len() >= 2, "progress before the result");
    assert!(matches!(
        results.last().and_then(|r| r.kind.as_ref()),
        Some(pb::forecast_response::Kind::Result(r)) if r.monte_carlo_draws == 200 && r.distributions.len() == 1
    ));
    assert!(
        results[..results.len() - 1]
            .iter()
            .all(|r| matches!(r.kind, Some(pb::forecast_response::Kind::Progress(_))))
    );

    let err = client
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::ScenarioCsv(csv.into())),
            model: 42,
            ..Default::default()
        })
        .await
        .expect_err("unknown model");
    assert_eq!(field_violation(&err), "model");
    let err = client
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::ScenarioCsv(
                "not,a\nscenario".into(),
            )),
            model: pb::ForecastModel::Median as i32,
            ..Default::default()
        })
        .await
        .expect_err("bad csv");
    assert_eq!(field_violation(&err), "scenario_csv");

    // A long Monte Carlo past its deadline: the stream ends with DEADLINE_EXCEEDED soon after
    // the deadline, not when all draws are done (about a minute of work here), and the server
    // goes on serving. The deadline goes in the header directly: tonic's client would otherwise
    // cut the call itself and report CANCELLED.
    let ec = include_str!("../../../examples/scenarios/ec-emissions.csv").to_owned();
    let mut req = tonic::Request::new(pb::ForecastRequest {
        source: Some(pb::forecast_request::Source::ScenarioCsv(ec)),
        model: pb::ForecastModel::Bdm as i32,
        monte_carlo_draws: 100_000,
        seed: 1,
        ..Default::default()
    });
    req.metadata_mut()
        .insert("grpc-timeout", "300m".parse().expect("header"));
    let started = std::time::Instant::now();
    let mut stream = client
        .forecast(req)
        .await
        .expect("stream starts")
        .into_inner();
    let mut end = None;
    while let Some(item) = stream.next().await {
        match item {
            Ok(r) => assert!(matches!(
                r.kind,
                Some(pb::forecast_response::Kind::Progress(_))
            )),
            Err(status) => {
                end = Some(status);
                break;
            }
        }
    }
    let status = end.expect("the stream ends with an error, not a result");
    assert_eq!(status.code(), tonic::Code::DeadlineExceeded, "{status:?}");
    assert!(status.message().contains("of 100000 draws"), "{status:?}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "stopped at the deadline, took {:?}",
        started.elapsed()
    );
    let after = client
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::ScenarioCsv(csv.into())),
            model: pb::ForecastModel::Median as i32,
            ..Default::default()
        })
        .await
        .expect("still serving");
    assert_eq!(after.into_inner().collect::<Vec<_>>().await.len(), 1);
    server.stop().await;
}

// ---------------------------------------------------------------- typed analyses

use polemos_proto::v1::analysis_service_client::AnalysisServiceClient;

async fn analysis(
    server: &Server,
    key: Option<&str>,
) -> AnalysisServiceClient<InterceptedService<Channel, Auth>> {
    AnalysisServiceClient::with_interceptor(server.channel().await, Auth(key.map(str::to_owned)))
}

const DISPUTE: &str = "disputes/kuril-islands";
const TREATY: &str = "disputes/kuril-islands/issues/peace-treaty";
const SOVEREIGNTY: &str = "disputes/kuril-islands/issues/sovereignty";
const JOINT: &str = "disputes/kuril-islands/issues/joint-economic-activities";
/// After every stance of the reference dossier became known (its article is of 2018-09-19).
const KNOWN: &str = "2018-10-01";

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Japan and Russia on the three issues, from the dossier by hand (position, salience):
/// treaty JPN 75 (0.7) / RUS 100 (0.8); sovereignty JPN 100 (0.9) / RUS 10 (0.3); joint
/// activities both 100 (0.5). Distance = Σ w·|Δp|/100 / Σ w with w the mean salience:
/// (0.75·0.25 + 0.6·0.9 + 0.5·0) / (0.75 + 0.6 + 0.5) = 0.7275 / 1.85.
const JPN_RUS_DISTANCE: f64 = 0.7275 / 1.85;

#[tokio::test]
async fn current_stances_are_the_dossiers_records_as_of_a_date() {
    let server = Server::start(true, true).await;
    let mut client = analysis(&server, Some(server.reader.as_str())).await;
    let all = client
        .list_current_stances(pb::ListCurrentStancesRequest {
            dispute: DISPUTE.into(),
            as_of: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("reader lists current stances")
        .into_inner();
    assert_eq!(all.as_of, KNOWN);
    // One record per (actor, issue), sorted by actor then issue.
    let pairs: Vec<(&str, &str)> = all
        .stances
        .iter()
        .map(|s| (s.actor.as_str(), s.issue.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("actors/JPN", JOINT),
            ("actors/JPN", TREATY),
            ("actors/JPN", SOVEREIGNTY),
            ("actors/RUS", JOINT),
            ("actors/RUS", TREATY),
            ("actors/RUS", SOVEREIGNTY),
        ]
    );
    // Japan signs the treaty only once sovereignty is resolved: one record, one source, so the
    // consolidated stance is the record and its confidence the record's own.
    let jpn = &all.stances[1];
    assert!(close(jpn.position, 75.0) && close(jpn.salience, 0.7));
    assert!(close(jpn.confidence, 0.85));
    assert_eq!(jpn.label, pb::StanceLabel::Conditional as i32);
    assert_eq!(jpn.conditions.len(), 1);
    assert_eq!(jpn.conditions[0].issue, SOVEREIGNTY);
    assert_eq!(
        jpn.conditions[0].required,
        pb::RequiredOutcome::Resolved as i32
    );
    assert!(
        jpn.conditions[0]
            .text
            .contains("only after the long territorial dispute")
    );
    assert_eq!(jpn.records, ["stances/jpn-peace-treaty-2018"]);
    assert_eq!((jpn.sources, jpn.last_evidence.as_str()), (1, "2018-09-19"));
    let ev = &jpn.evidence[0];
    assert_eq!(ev.stance, "stances/jpn-peace-treaty-2018");
    assert_eq!(ev.document, "documents/kuril-2018");
    assert_eq!(ev.date, "2018-09-19"); // the article's date, not valid_from
    assert!(ev.quote.starts_with("Tokyo, meanwhile"));
    assert_eq!(ev.speaker, "actors/JPN");
    // The article has no outlet: the document itself is the channel.
    assert_eq!(ev.source_channel, "document:documents/kuril-2018");
    assert!(jpn.conflict.is_empty(), "one record cannot conflict");
    // Russia proposes the treaty outright.
    let rus = &all.stances[4];
    assert!(close(rus.position, 100.0) && close(rus.confidence, 0.9));
    assert_eq!(rus.label, pb::StanceLabel::Support as i32);
    assert!(rus.conditions.is_empty());

    // Filters: Russia on sovereignty, conditional on the treaty being adopted first.
    let one = client
        .list_current_stances(pb::ListCurrentStancesRequest {
            dispute: DISPUTE.into(),
            actor: "actors/RUS".into(),
            issue: SOVEREIGNTY.into(),
            as_of: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("filtered")
        .into_inner();
    assert_eq!(one.stances.len(), 1);
    let s = &one.stances[0];
    assert!(close(s.position, 10.0));
    assert_eq!(s.label, pb::StanceLabel::Conditional as i32);
    assert_eq!(
        (s.conditions[0].issue.as_str(), s.conditions[0].required),
        (TREATY, pb::RequiredOutcome::Adopted as i32)
    );
    // Before the article was published nothing was known, though Putin's stances are valid
    // from 2018-09-12.
    let before = client
        .list_current_stances(pb::ListCurrentStancesRequest {
            dispute: DISPUTE.into(),
            as_of: "2018-09-18".into(),
            ..Default::default()
        })
        .await
        .expect("as of before")
        .into_inner();
    assert!(before.stances.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn stance_matrix_deadlocks_and_coalitions_of_the_reference_dispute() {
    let server = Server::start(true, true).await;
    let mut client = analysis(&server, Some(server.reader.as_str())).await;

    let m = client
        .get_stance_matrix(pb::GetStanceMatrixRequest {
            dispute: DISPUTE.into(),
            as_of: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("matrix")
        .into_inner();
    assert_eq!(m.actors, ["actors/JPN", "actors/RUS"]); // the parties, in the dispute's order
    assert_eq!(m.issues, [JOINT, TREATY, SOVEREIGNTY]);
    assert_eq!(m.rows.len(), 2);
    let jr = &m.rows[0].cells[1];
    let rj = &m.rows[1].cells[0];
    let agreement = jr.agreement.expect("they share issues");
    assert!(close(agreement, 1.0 - JPN_RUS_DISTANCE), "{agreement}");
    assert!(agreement < 0.65, "they disagree on sovereignty");
    assert_eq!(rj.agreement, jr.agreement);
    assert_eq!(jr.shared_issues, 3);
    assert_eq!(m.rows[0].cells[0].agreement, Some(1.0));
    // Polarization: per issue 2·Σ|Δp|/(100 n²) over ordered pairs, n = 2.
    let p = m.polarization.expect("polarization");
    let by_issue: Vec<(&str, f64)> = p
        .issues
        .iter()
        .map(|i| (i.issue.as_str(), i.index))
        .collect();
    assert_eq!(by_issue.len(), 3);
    assert!(close(by_issue[0].1, 0.0)); // joint activities: both at 100
    assert!(close(by_issue[1].1, 0.25)); // treaty: 75 vs 100
    assert!(close(by_issue[2].1, 0.9)); // sovereignty: 100 vs 10
    // Weighted by mean salience (0.5, 0.75, 0.6): the same sum as the distance.
    assert!(close(p.index.expect("index"), JPN_RUS_DISTANCE));

    let d = client
        .list_deadlocks(pb::ListDeadlocksRequest {
            dispute: DISPUTE.into(),
            as_of: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("deadlocks")
        .into_inner();
    // Japan: the treaty only once sovereignty is resolved; Russia: the treaty (adopted) before
    // any territorial settlement.
    assert_eq!(d.deadlocks.len(), 1);
    let lock = &d.deadlocks[0];
    assert_eq!(lock.kind, pb::DeadlockKind::BetweenActors as i32);
    assert_eq!(lock.issues, [TREATY, SOVEREIGNTY]);
    assert_eq!(lock.cycle, [TREATY, SOVEREIGNTY]);
    assert_eq!(lock.parties, ["actors/JPN", "actors/RUS"]);
    let edge = |actor: &str| {
        lock.edges
            .iter()
            .find(|e| e.actor == actor)
            .unwrap_or_else(|| panic!("{actor}'s condition"))
    };
    let (jpn, rus) = (edge("actors/JPN"), edge("actors/RUS"));
    assert_eq!(
        (jpn.before.as_str(), jpn.after.as_str()),
        (SOVEREIGNTY, TREATY)
    );
    assert_eq!(jpn.required, pb::RequiredOutcome::Resolved as i32);
    assert!(
        jpn.condition_text
            .contains("only after the long territorial dispute")
    );
    assert!(jpn.evidence[0].quote.starts_with("Tokyo, meanwhile"));
    assert_eq!(
        (rus.before.as_str(), rus.after.as_str()),
        (TREATY, SOVEREIGNTY)
    );
    assert_eq!(rus.required, pb::RequiredOutcome::Adopted as i32);
    assert!(
        rus.condition_text
            .contains("before any territorial settlement")
    );
    assert_eq!(rus.evidence[0].speaker, "actors/vladimir-putin");
    assert_eq!(lock.conflicts.len(), 1);
    let c = &lock.conflicts[0];
    assert_eq!(
        (
            c.first_actor.as_str(),
            c.second_actor.as_str(),
            c.x.as_str(),
            c.y.as_str()
        ),
        ("actors/RUS", "actors/JPN", TREATY, SOVEREIGNTY)
    );

    // Distance 0.393 is above the default merge threshold 0.25: each party alone.
    let alone = client
        .list_coalitions(pb::ListCoalitionsRequest {
            dispute: DISPUTE.into(),
            as_of: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("coalitions")
        .into_inner();
    let groups: Vec<(Vec<String>, f64)> = alone
        .coalitions
        .iter()
        .map(|c| (c.members.clone(), c.cohesion))
        .collect();
    assert_eq!(
        groups,
        [
            (vec!["actors/JPN".to_owned()], 1.0),
            (vec!["actors/RUS".to_owned()], 1.0)
        ]
    );
    // At 0.4 they merge, and cohesion is their agreement.
    let together = client
        .list_coalitions(pb::ListCoalitionsRequest {
            dispute: DISPUTE.into(),
            as_of: KNOWN.into(),
            max_distance: Some(0.4),
            ..Default::default()
        })
        .await
        .expect("coalitions at 0.4")
        .into_inner();
    assert_eq!(together.coalitions.len(), 1);
    assert_eq!(together.coalitions[0].members, ["actors/JPN", "actors/RUS"]);
    assert!(close(
        together.coalitions[0].cohesion,
        1.0 - JPN_RUS_DISTANCE
    ));
    server.stop().await;
}

#[tokio::test]
async fn cooperation_series_buckets_the_known_past_events() {
    let server = Server::start(true, true).await;
    let mut client = analysis(&server, Some(server.reader.as_str())).await;
    let monthly = client
        .get_cooperation_series(pb::GetCooperationSeriesRequest {
            dispute: DISPUTE.into(),
            until: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("series")
        .into_inner();
    assert_eq!(monthly.granularity, pb::SeriesGranularity::Month as i32);
    // Past events: Japan–Russia consultations (2018, year precision, CONSULT, +1) and Putin's
    // proposal to Japan (2018-09-12, AGREE, +4; Putin rolls up to Russia). The Kono–Lavrov
    // meeting is only planned.
    assert_eq!(monthly.series.len(), 1);
    let s = &monthly.series[0];
    assert_eq!(
        (s.actor_a.as_str(), s.actor_b.as_str()),
        ("actors/JPN", "actors/RUS")
    );
    assert_eq!(s.buckets.len(), 9); // January to September, empty months included
    let jan = &s.buckets[0];
    assert_eq!(jan.start, "2018-01-01");
    assert_eq!(
        (jan.verbal_cooperation, jan.total, jan.imprecise),
        (1, 1, 1)
    );
    assert_eq!(jan.mean_intensity, Some(1.0));
    assert!(
        s.buckets[1..8]
            .iter()
            .all(|b| b.total == 0 && b.mean_intensity.is_none())
    );
    let sep = &s.buckets[8];
    assert_eq!(sep.start, "2018-09-01");
    assert_eq!(
        (sep.verbal_cooperation, sep.total, sep.imprecise),
        (1, 1, 0)
    );
    assert_eq!(sep.mean_intensity, Some(4.0));
    // Least squares through (0, 1) and (8, 4).
    let trend = s.trend.as_ref().expect("two non-empty buckets");
    assert!(close(trend.slope, 3.0 / 8.0) && close(trend.intercept, 1.0));
    assert_eq!(trend.points, 2);

    // Weekly from September: only the proposal, in the week from Monday 2018-09-10.
    let weekly = client
        .get_cooperation_series(pb::GetCooperationSeriesRequest {
            dispute: DISPUTE.into(),
            granularity: pb::SeriesGranularity::Week as i32,
            since: "2018-09-01".into(),
            until: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("weekly")
        .into_inner();
    let starts: Vec<&str> = weekly.series[0]
        .buckets
        .iter()
        .map(|b| b.start.as_str())
        .collect();
    assert_eq!(starts, ["2018-09-10"]);
    assert!(weekly.series[0].trend.is_none());
    // Without roll-up Putin is his own actor; the pair filter keeps Japan–Russia only.
    let pair = client
        .get_cooperation_series(pb::GetCooperationSeriesRequest {
            dispute: DISPUTE.into(),
            actor: "actors/RUS".into(),
            other_actor: "actors/JPN".into(),
            until: KNOWN.into(),
            roll_up: Some(false),
            ..Default::default()
        })
        .await
        .expect("pair")
        .into_inner();
    assert_eq!(pair.series.len(), 1);
    assert_eq!(pair.series[0].buckets.len(), 1);
    assert_eq!(pair.series[0].buckets[0].start, "2018-01-01");
    let putin = client
        .get_cooperation_series(pb::GetCooperationSeriesRequest {
            dispute: DISPUTE.into(),
            actor: "actors/vladimir-putin".into(),
            until: KNOWN.into(),
            roll_up: Some(false),
            ..Default::default()
        })
        .await
        .expect("putin")
        .into_inner();
    assert_eq!(putin.series.len(), 1);
    assert_eq!(putin.series[0].actor_b, "actors/vladimir-putin");
    // Nothing was reported before the article.
    let early = client
        .get_cooperation_series(pb::GetCooperationSeriesRequest {
            dispute: DISPUTE.into(),
            until: "2018-09-18".into(),
            ..Default::default()
        })
        .await
        .expect("early")
        .into_inner();
    assert!(early.series.is_empty());
    server.stop().await;
}

/// The reference dossier plus Japan turning against the treaty on 2018-11-01: its conditional
/// stance ends that day and a new one (20, oppose, no condition) begins.
fn dossier_with_japan_turning() -> Dossier {
    let mut v: serde_json::Value = serde_json::from_str(KURIL).expect("json");
    let stances = v["stances"].as_array_mut().expect("stances");
    let old = stances
        .iter_mut()
        .find(|s| s["name"] == "stances/jpn-peace-treaty-2018")
        .expect("Japan's treaty stance");
    old["valid_to"] = "2018-11-01".into();
    stances.push(serde_json::json!({
        "name": "stances/jpn-peace-treaty-2018-11",
        "actor": "actors/JPN",
        "issue": TREATY,
        "position": 20,
        "salience": 0.7,
        "confidence": 0.85,
        "label": "oppose",
        "valid_from": "2018-11-01",
        "evidence": [{"quote": "Tokyo rejects a treaty before the islands", "speaker": "actors/JPN"}]
    }));
    Dossier::from_json(&v.to_string()).expect("valid dossier")
}

#[tokio::test]
async fn shifts_and_the_as_of_date_follow_a_change_of_stance() {
    let server = Server::start(true, false).await;
    server
        .store
        .commit(WriteBatch::from_dossier(
            &dossier_with_japan_turning(),
            "test import",
        ))
        .expect("import");
    let mut client = analysis(&server, Some(server.reader.as_str())).await;
    let shifts = |actor: &str, since: &str, until: &str, threshold: Option<f64>| {
        pb::ListStanceShiftsRequest {
            dispute: DISPUTE.into(),
            actor: actor.into(),
            since: since.into(),
            until: until.into(),
            threshold,
            ..Default::default()
        }
    };
    let all = client
        .list_stance_shifts(shifts("", "", "2018-12-01", None))
        .await
        .expect("shifts")
        .into_inner();
    assert_eq!(all.until, "2018-12-01");
    // Only Japan's treaty stance changed: 75 conditional (known 2018-09-19) → 20 oppose.
    assert_eq!(all.shifts.len(), 1);
    let s = &all.shifts[0];
    assert_eq!((s.actor.as_str(), s.issue.as_str()), ("actors/JPN", TREATY));
    assert_eq!(s.date, "2018-11-01");
    assert_eq!(s.kind, pb::ShiftKind::LabelAndPosition as i32);
    assert!(close(s.delta, -55.0));
    let before = s.before.as_ref().expect("before");
    let after = s.after.as_ref().expect("after");
    assert_eq!(before.date, "2018-09-19");
    assert!(close(before.position, 75.0));
    assert_eq!(before.label, pb::StanceLabel::Conditional as i32);
    assert_eq!(before.evidence[0].stance, "stances/jpn-peace-treaty-2018");
    assert!(close(after.position, 20.0));
    assert_eq!(after.label, pb::StanceLabel::Oppose as i32);
    assert_eq!(after.evidence[0].stance, "stances/jpn-peace-treaty-2018-11");
    assert_eq!(after.evidence[0].date, "2018-11-01"); // no document: its valid_from
    assert_eq!(
        after.evidence[0].source_channel,
        "record:stances/jpn-peace-treaty-2018-11"
    );

    // A 55-point move is within a threshold of 60: only the label changed.
    let wide = client
        .list_stance_shifts(shifts("actors/JPN", "", "2018-12-01", Some(60.0)))
        .await
        .expect("threshold 60")
        .into_inner();
    assert_eq!(wide.shifts[0].kind, pb::ShiftKind::Label as i32);
    for (actor, since, until) in [
        ("actors/RUS", "", "2018-12-01"), // Russia did not move
        ("", "2018-11-02", "2018-12-01"), // after the shift
        ("", "", "2018-10-31"),           // not known yet
    ] {
        let none = client
            .list_stance_shifts(shifts(actor, since, until, None))
            .await
            .expect("no shifts")
            .into_inner();
        assert!(none.shifts.is_empty(), "{actor} {since} {until}");
    }

    // The deadlock holds while Japan's condition does, and is gone once it lapsed.
    let deadlocks = |as_of: &str| pb::ListDeadlocksRequest {
        dispute: DISPUTE.into(),
        as_of: as_of.into(),
        ..Default::default()
    };
    let then = client
        .list_deadlocks(deadlocks(KNOWN))
        .await
        .expect("deadlocks then")
        .into_inner();
    assert_eq!(then.deadlocks.len(), 1);
    let now = client
        .list_deadlocks(deadlocks("2018-12-01"))
        .await
        .expect("deadlocks after")
        .into_inner();
    assert!(now.deadlocks.is_empty());
    let current = client
        .list_current_stances(pb::ListCurrentStancesRequest {
            dispute: DISPUTE.into(),
            actor: "actors/JPN".into(),
            issue: TREATY.into(),
            as_of: "2018-12-01".into(),
            ..Default::default()
        })
        .await
        .expect("current")
        .into_inner();
    assert_eq!(current.stances[0].label, pb::StanceLabel::Oppose as i32);
    assert!(current.stances[0].conditions.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn analyses_reject_bad_input_naming_the_field() {
    let server = Server::start(true, true).await;
    let mut client = analysis(&server, Some(server.reader.as_str())).await;

    // Every analysis: NOT_FOUND for an unknown dispute, INVALID_ARGUMENT naming `dispute` for a
    // malformed one.
    for (dispute, code) in [
        ("disputes/atlantis", Code::NotFound),
        ("disputes/kuril islands", Code::InvalidArgument),
        ("actors/JPN", Code::InvalidArgument),
        ("", Code::InvalidArgument),
    ] {
        let d = || dispute.to_owned();
        let results = [
            client
                .list_current_stances(pb::ListCurrentStancesRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
            client
                .get_stance_matrix(pb::GetStanceMatrixRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
            client
                .list_stance_shifts(pb::ListStanceShiftsRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
            client
                .list_deadlocks(pb::ListDeadlocksRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
            client
                .list_coalitions(pb::ListCoalitionsRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
            client
                .get_cooperation_series(pb::GetCooperationSeriesRequest {
                    dispute: d(),
                    ..Default::default()
                })
                .await
                .map(|_| ()),
        ];
        for (i, r) in results.into_iter().enumerate() {
            let err = r.expect_err("bad dispute");
            assert_eq!(err.code(), code, "rpc {i} with `{dispute}`: {err:?}");
            if code == Code::InvalidArgument {
                assert_eq!(field_violation(&err), "dispute", "rpc {i}");
            } else {
                assert_eq!(reason(&err), "RESOURCE_NOT_FOUND", "rpc {i}");
            }
        }
    }

    let stances = |f: &dyn Fn(&mut pb::ListCurrentStancesRequest)| {
        let mut q = pb::ListCurrentStancesRequest {
            dispute: DISPUTE.into(),
            ..Default::default()
        };
        f(&mut q);
        q
    };
    let cases: Vec<(pb::ListCurrentStancesRequest, &str)> = vec![
        (stances(&|q| q.as_of = "2018-13-01".into()), "as_of"),
        (stances(&|q| q.as_of = "1 Oct 2018".into()), "as_of"),
        (stances(&|q| q.actor = "JPN".into()), "actor"),
        (
            stances(&|q| q.issue = "disputes/other/issues/x".into()),
            "issue",
        ),
        (stances(&|q| q.issue = "peace-treaty".into()), "issue"),
        (
            stances(&|q| {
                q.consolidation = Some(pb::ConsolidationOptions {
                    half_life_days: Some(0.0),
                    conflict_gap: None,
                });
            }),
            "consolidation.half_life_days",
        ),
        (
            stances(&|q| {
                q.consolidation = Some(pb::ConsolidationOptions {
                    half_life_days: None,
                    conflict_gap: Some(-1.0),
                });
            }),
            "consolidation.conflict_gap",
        ),
    ];
    for (q, field) in cases {
        let err = client
            .list_current_stances(q)
            .await
            .expect_err("bad request");
        assert_eq!(err.code(), Code::InvalidArgument);
        assert_eq!(field_violation(&err), field);
    }
    let err = client
        .get_stance_matrix(pb::GetStanceMatrixRequest {
            dispute: DISPUTE.into(),
            as_of: "2018-02-30".into(),
            ..Default::default()
        })
        .await
        .expect_err("no such day");
    assert_eq!(field_violation(&err), "as_of");
    let err = client
        .list_deadlocks(pb::ListDeadlocksRequest {
            dispute: DISPUTE.into(),
            as_of: "yesterday".into(),
            ..Default::default()
        })
        .await
        .expect_err("not a date");
    assert_eq!(field_violation(&err), "as_of");
    let err = client
        .list_coalitions(pb::ListCoalitionsRequest {
            dispute: DISPUTE.into(),
            max_distance: Some(-0.1),
            ..Default::default()
        })
        .await
        .expect_err("negative distance");
    assert_eq!(field_violation(&err), "max_distance");
    for (q, field) in [
        (
            pb::ListStanceShiftsRequest {
                since: "2018-12-01".into(),
                until: "2018-11-01".into(),
                ..Default::default()
            },
            "since",
        ),
        (
            pb::ListStanceShiftsRequest {
                until: "2018/11/01".into(),
                ..Default::default()
            },
            "until",
        ),
        (
            pb::ListStanceShiftsRequest {
                threshold: Some(f64::NAN),
                ..Default::default()
            },
            "threshold",
        ),
        (
            pb::ListStanceShiftsRequest {
                actor: "actors/".into(),
                ..Default::default()
            },
            "actor",
        ),
    ] {
        let err = client
            .list_stance_shifts(pb::ListStanceShiftsRequest {
                dispute: DISPUTE.into(),
                ..q
            })
            .await
            .expect_err("bad shifts request");
        assert_eq!(err.code(), Code::InvalidArgument);
        assert_eq!(field_violation(&err), field);
    }
    for (q, field) in [
        (
            pb::GetCooperationSeriesRequest {
                granularity: 9,
                ..Default::default()
            },
            "granularity",
        ),
        (
            pb::GetCooperationSeriesRequest {
                other_actor: "actors/RUS".into(),
                ..Default::default()
            },
            "other_actor",
        ),
        (
            pb::GetCooperationSeriesRequest {
                since: "2018-01-32".into(),
                ..Default::default()
            },
            "since",
        ),
    ] {
        let err = client
            .get_cooperation_series(pb::GetCooperationSeriesRequest {
                dispute: DISPUTE.into(),
                ..q
            })
            .await
            .expect_err("bad series request");
        assert_eq!(err.code(), Code::InvalidArgument);
        assert_eq!(field_violation(&err), field);
    }

    // The analyses need a key; the reader's suffices (used above).
    let mut anonymous = analysis(&server, None).await;
    let err = anonymous
        .list_deadlocks(pb::ListDeadlocksRequest {
            dispute: DISPUTE.into(),
            ..Default::default()
        })
        .await
        .expect_err("no key");
    assert_eq!(err.code(), Code::Unauthenticated);
    server.stop().await;
}

// ---------------------------------------------------------------- ImportDossier

async fn importer(
    server: &Server,
    key: &str,
) -> polemos_proto::v1::import_service_client::ImportServiceClient<InterceptedService<Channel, Auth>>
{
    polemos_proto::v1::import_service_client::ImportServiceClient::with_interceptor(
        server.channel().await,
        Auth(Some(key.to_owned())),
    )
}

/// The reference dossier as the typed records of an `ImportDossierRequest`.
fn kuril_request() -> pb::ImportDossierRequest {
    use polemos_server::grpc::convert as cv;
    let d = Dossier::from_json(KURIL).expect("reference dossier");
    pb::ImportDossierRequest {
        actors: d.actors.iter().map(|x| cv::actor_out(x, 0)).collect(),
        disputes: d.disputes.iter().map(|x| cv::dispute_out(x, 0)).collect(),
        issues: d.issues.iter().map(|x| cv::issue_out(x, 0)).collect(),
        stances: d.stances.iter().map(|x| cv::stance_out(x, 0)).collect(),
        events: d.events.iter().map(|x| cv::event_out(x, 0)).collect(),
        documents: d.documents.iter().map(|x| cv::document_out(x, 0)).collect(),
        message: "import kuril-islands.json".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn import_dossier_commits_once_and_reimport_changes_nothing() {
    let server = Server::start(true, false).await;
    let reference = Dossier::from_json(KURIL).expect("reference dossier");
    let total = reference.records().len();
    assert!(total > 20, "the reference dossier has {total} records");
    let mut client = importer(&server, &server.admin).await;
    let first = client
        .import_dossier(kuril_request())
        .await
        .expect("import")
        .into_inner();
    assert_eq!(first.created as usize, total);
    assert_eq!((first.updated, first.unchanged), (0, 0));
    assert_eq!(first.revision, server.store.head().expect("head"));
    // One commit: every record's change carries the same revision, as the change feed shows it.
    let changes = server.store.changes_since(0, 10_000).expect("changes");
    assert_eq!(changes.len(), total);
    assert!(changes.iter().all(|c| c.revision == first.revision));

    let mut dossier = server.dossier(&server.reader).await;
    let japan = dossier
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
        })
        .await
        .expect("imported actor")
        .into_inner()
        .actor
        .expect("actor");
    assert_eq!(japan.name, "actors/JPN");
    let stances = dossier
        .list_stances(pb::ListStancesRequest {
            page_size: 1000,
            ..Default::default()
        })
        .await
        .expect("list")
        .into_inner()
        .stances;
    let mut got: Vec<String> = stances.into_iter().map(|s| s.name).collect();
    let mut want: Vec<String> = reference
        .stances
        .iter()
        .map(|s| s.name.as_str().to_owned())
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want);

    // The same dossier again, this time as JSON text: nothing changes, no new revision.
    let again = client
        .import_dossier(pb::ImportDossierRequest {
            dossier_json: KURIL.into(),
            ..Default::default()
        })
        .await
        .expect("re-import")
        .into_inner();
    assert_eq!(
        (again.created, again.updated, again.unchanged as usize),
        (0, 0, total)
    );
    assert_eq!(again.revision, first.revision);
    assert_eq!(server.store.head().expect("head"), first.revision);
    server.stop().await;
}

#[tokio::test]
async fn a_bad_record_fails_the_whole_import_and_writes_nothing() {
    let server = Server::start(true, false).await;
    let mut client = importer(&server, &server.admin).await;
    let head = server.store.head().expect("head");

    // A reference that resolves neither in the dossier nor in the store (checked at commit).
    let mut dangling = kuril_request();
    dangling.stances[2].actor = "actors/NOPE".into();
    let err = client
        .import_dossier(dangling)
        .await
        .expect_err("dangling reference");
    assert_eq!(err.code(), Code::InvalidArgument, "{}", err.message());
    assert_eq!(
        field_violation(&err),
        "stances[2].actor",
        "{}",
        err.message()
    );
    assert_eq!(reason(&err), "VALIDATION_FAILED");

    // A value out of range (checked while reading the request).
    let mut out_of_range = kuril_request();
    out_of_range.stances[3].position = 140.0;
    let err = client
        .import_dossier(out_of_range)
        .await
        .expect_err("position out of range");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(
        field_violation(&err),
        "stances[3].position",
        "{}",
        err.message()
    );

    // Both sorts of input at once, and an empty dossier.
    let mut both = kuril_request();
    both.dossier_json = KURIL.into();
    let err = client.import_dossier(both).await.expect_err("both");
    assert_eq!(field_violation(&err), "dossier_json");
    let err = client
        .import_dossier(pb::ImportDossierRequest::default())
        .await
        .expect_err("empty");
    assert_eq!(err.code(), Code::InvalidArgument);

    assert_eq!(server.store.head().expect("head"), head, "nothing written");
    let err = server
        .dossier(&server.reader)
        .await
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
        })
        .await
        .expect_err("the valid records were not written either");
    assert_eq!(err.code(), Code::NotFound);
    server.stop().await;
}

#[tokio::test]
async fn import_needs_a_writer_and_validate_only_writes_nothing() {
    let server = Server::start(true, false).await;
    let err = importer(&server, &server.reader)
        .await
        .import_dossier(kuril_request())
        .await
        .expect_err("reader imports");
    assert_eq!(err.code(), Code::PermissionDenied);

    let mut client = importer(&server, &server.admin).await;
    let total = Dossier::from_json(KURIL).expect("dossier").records().len();
    let dry = client
        .import_dossier(pb::ImportDossierRequest {
            validate_only: true,
            ..kuril_request()
        })
        .await
        .expect("validate only")
        .into_inner();
    assert_eq!(dry.created as usize, total);
    assert_eq!(dry.revision, 0);
    assert_eq!(server.store.head().expect("head"), 0, "validate_only wrote");

    // validate_only finds the same faults a real import does, and counts against the store.
    let mut dangling = kuril_request();
    dangling.validate_only = true;
    dangling.events[0].sources = vec!["actors/NOPE".into()];
    let err = client
        .import_dossier(dangling)
        .await
        .expect_err("dangling reference");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(
        field_violation(&err),
        "events[0].sources[0]",
        "{}",
        err.message()
    );
    let real = client
        .import_dossier(kuril_request())
        .await
        .expect("import")
        .into_inner();
    let mut changed = kuril_request();
    changed.validate_only = true;
    changed.actors[0].display_name = "Renamed".into();
    let dry = client
        .import_dossier(changed)
        .await
        .expect("validate only")
        .into_inner();
    assert_eq!(
        (dry.created, dry.updated, dry.unchanged as usize),
        (0, 1, total - 1)
    );
    assert_eq!(dry.revision, real.revision);
    assert_eq!(server.store.head().expect("head"), real.revision);
    server.stop().await;
}

#[tokio::test]
async fn an_oversized_import_is_resource_exhausted() {
    // The test server accepts messages up to 64 KiB and document texts up to 16 KiB.
    let server = Server::start(true, false).await;
    let mut client = importer(&server, &server.admin).await;
    let documents = (0..6)
        .map(|i| pb::Document {
            name: format!("documents/big-{i}"),
            text: format!("{i} {}", "x".repeat(15 * 1024)),
            ..Default::default()
        })
        .collect();
    let err = client
        .import_dossier(pb::ImportDossierRequest {
            documents,
            ..Default::default()
        })
        .await
        .expect_err("too large");
    assert_eq!(err.code(), Code::ResourceExhausted, "{}", err.message());
    assert!(
        err.message().contains("message length too large"),
        "{}",
        err.message()
    );
    assert_eq!(server.store.head().expect("head"), 0);
    server.stop().await;
}
