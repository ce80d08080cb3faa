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
        let store: Arc<dyn Store> = Arc::from(polemos_store::open("memory:").expect("memory store"));
        if import {
            let dossier = Dossier::from_json(KURIL).expect("reference dossier");
            store.commit(WriteBatch::from_dossier(&dossier, "test import")).expect("import");
        }
        let admin = auth::generate().expect("key");
        let reader = auth::generate().expect("key");
        let mut keys = Keys::default();
        if with_keys {
            keys.add_env(&format!("admin:{},reader:{}", auth::hash(&admin), auth::hash(&reader)))
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
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let (stop, stopped) = oneshot::channel::<()>();
        let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener);
        let done = tokio::spawn(grpc::run(shared, options, incoming, async {
            let _ = stopped.await;
        }));
        Self { url, admin, reader, store, stop: Some(stop), done }
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

    async fn extraction(&self, key: &str) -> ExtractionServiceClient<InterceptedService<Channel, Auth>> {
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
    status.get_details_error_info().map(|i| i.reason).unwrap_or_default()
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
            .list_actors(pb::ListActorsRequest { page_size: 2, page_token: token.clone(), ..Default::default() })
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
    assert_eq!(names, expected, "pages cover every actor once, in name order");

    // A huge page size is capped, not refused; negative is INVALID_ARGUMENT naming the field.
    let all = client
        .list_stances(pb::ListStancesRequest { page_size: 1_000_000, ..Default::default() })
        .await
        .expect("capped")
        .into_inner();
    assert_eq!(all.stances.len(), dossier.stances.len());
    let err = client
        .list_stances(pb::ListStancesRequest { page_size: -1, ..Default::default() })
        .await
        .expect_err("negative");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(field_violation(&err), "page_size");
    let err = client
        .list_actors(pb::ListActorsRequest { page_token: "zz".into(), ..Default::default() })
        .await
        .expect_err("bad token");
    assert_eq!(field_violation(&err), "page_token");

    // Filters: stances of one actor; issues of the dispute; events of the dispute.
    let jpn = client
        .list_stances(pb::ListStancesRequest { actor: "actors/JPN".into(), ..Default::default() })
        .await
        .expect("filter")
        .into_inner();
    let expected = dossier.stances.iter().filter(|s| s.actor.as_str() == "actors/JPN").count();
    assert_eq!(jpn.stances.len(), expected);
    assert!(expected > 0);
    let issues = client
        .list_issues(pb::ListIssuesRequest { parent: "disputes/kuril-islands".into(), ..Default::default() })
        .await
        .expect("issues")
        .into_inner();
    assert_eq!(issues.issues.len(), dossier.issues.len());
    let err = client.list_issues(pb::ListIssuesRequest::default()).await.expect_err("parent");
    assert_eq!(field_violation(&err), "parent");
    for (list, n) in [
        (client.list_events(pb::ListEventsRequest::default()).await.expect("events").into_inner().events.len(), dossier.events.len()),
        (client.list_documents(pb::ListDocumentsRequest::default()).await.expect("docs").into_inner().documents.len(), dossier.documents.len()),
        (client.list_disputes(pb::ListDisputesRequest::default()).await.expect("disputes").into_inner().disputes.len(), dossier.disputes.len()),
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
            ..Default::default()
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
        .create_actor(pb::CreateActorRequest { actor: Some(created.clone()), ..Default::default() })
        .await
        .expect_err("duplicate");
    assert_eq!(err.code(), Code::AlreadyExists);
    assert_eq!(reason(&err), "RESOURCE_EXISTS");

    let got = client
        .get_actor(pb::GetActorRequest { name: "actors/KOR".into() })
        .await
        .expect("get")
        .into_inner()
        .actor
        .expect("actor");
    assert_eq!(got, created);

    // Update one field by mask; the other fields stay.
    let mut change = pb::Actor { name: "actors/KOR".into(), display_name: "Republic of Korea".into(), etag: got.etag.clone(), ..Default::default() };
    let updated = client
        .update_actor(pb::UpdateActorRequest {
            actor: Some(change.clone()),
            update_mask: Some(prost_types::FieldMask { paths: vec!["display_name".into()] }),
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
            update_mask: Some(prost_types::FieldMask { paths: vec!["display_name".into()] }),
        })
        .await
        .expect_err("stale");
    assert_eq!(err.code(), Code::Aborted);
    assert_eq!(reason(&err), "ETAG_MISMATCH");
    let err = client
        .update_actor(pb::UpdateActorRequest {
            actor: Some(pb::Actor { etag: String::new(), ..change.clone() }),
            update_mask: Some(prost_types::FieldMask { paths: vec!["etag".into()] }),
        })
        .await
        .expect_err("output-only field in mask");
    assert_eq!(field_violation(&err), "update_mask");

    // Deleting an actor others refer to is refused; an unreferenced one goes.
    let err = client
        .delete_actor(pb::DeleteActorRequest { name: "actors/JPN".into(), ..Default::default() })
        .await
        .expect_err("in use");
    assert_eq!(err.code(), Code::FailedPrecondition);
    client
        .delete_actor(pb::DeleteActorRequest { name: "actors/KOR".into(), etag: updated.etag })
        .await
        .expect("delete");
    let err = client
        .get_actor(pb::GetActorRequest { name: "actors/KOR".into() })
        .await
        .expect_err("gone");
    assert_eq!(err.code(), Code::NotFound);
    assert_eq!(reason(&err), "RESOURCE_NOT_FOUND");

    // Every other resource's Create and Update, through the same code path.
    let stance = client
        .get_stance(pb::GetStanceRequest { name: first_name(&server, "stance") })
        .await
        .expect("stance")
        .into_inner()
        .stance
        .expect("stance");
    let mut copy = stance.clone();
    copy.name = "stances/copy".into();
    let made = client
        .create_stance(pb::CreateStanceRequest { stance: Some(copy), ..Default::default() })
        .await
        .expect("create stance")
        .into_inner()
        .stance
        .expect("stance");
    assert_eq!(made.position, stance.position);
    let moved = client
        .update_stance(pb::UpdateStanceRequest {
            stance: Some(pb::Stance { name: "stances/copy".into(), position: 42.0, ..Default::default() }),
            update_mask: Some(prost_types::FieldMask { paths: vec!["position".into()] }),
        })
        .await
        .expect("update stance")
        .into_inner()
        .stance
        .expect("stance");
    assert!((moved.position - 42.0).abs() < 1e-9);
    client
        .delete_stance(pb::DeleteStanceRequest { name: "stances/copy".into(), ..Default::default() })
        .await
        .expect("delete stance");
    let issue = client
        .create_issue(pb::CreateIssueRequest {
            parent: "disputes/kuril-islands".into(),
            issue_id: "fishing".into(),
            issue: Some(pb::Issue {
                title: "Fishing rights".into(),
                scale: Some(pb::IssueScale { kind: Some(pb::issue_scale::Kind::Binary(pb::BinaryScale { proposal: "joint fishing zone".into() })) }),
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
        .delete_issue(pb::DeleteIssueRequest { name: issue.name, ..Default::default() })
        .await
        .expect("delete issue");
    let doc = client
        .create_document(pb::CreateDocumentRequest {
            document_id: "note-1".into(),
            document: Some(pb::Document { text: "A short note.".into(), ..Default::default() }),
            ..Default::default()
        })
        .await
        .expect("create document")
        .into_inner()
        .document
        .expect("doc");
    assert_eq!(doc.content_hash, polemos_core::content_hash("A short note."));
    let doc = client
        .update_document(pb::UpdateDocumentRequest {
            document: Some(pb::Document { name: doc.name.clone(), text: "A longer note.".into(), ..Default::default() }),
            update_mask: Some(prost_types::FieldMask { paths: vec!["text".into()] }),
        })
        .await
        .expect("update document")
        .into_inner()
        .document
        .expect("doc");
    assert_eq!(doc.content_hash, polemos_core::content_hash("A longer note."));
    server.stop().await;
}

fn first_name(server: &Server, kind: &str) -> String {
    let d = server.store.snapshot(polemos_store::View::current()).expect("snapshot");
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
    let err = client.get_actor(pb::GetActorRequest { name: "actor/JPN".into() }).await.expect_err("name");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(field_violation(&err), "name");
    let err = client.get_issue(pb::GetIssueRequest { name: "disputes/x/issue/y".into() }).await.expect_err("name");
    assert_eq!(field_violation(&err), "name");
    // Unknown enum value (a newer client's number).
    let mut actor = new_actor("NEW");
    actor.kind = 77;
    let err = client
        .create_actor(pb::CreateActorRequest { actor: Some(actor), ..Default::default() })
        .await
        .expect_err("enum");
    assert_eq!(field_violation(&err), "actor.kind");
    // *_UNSPECIFIED is "missing".
    let mut actor = new_actor("NEW");
    actor.kind = 0;
    let err = client
        .create_actor(pb::CreateActorRequest { actor: Some(actor), ..Default::default() })
        .await
        .expect_err("unspecified");
    assert_eq!(field_violation(&err), "actor.kind");
    // Missing required message and field.
    let err = client.create_actor(pb::CreateActorRequest::default()).await.expect_err("missing");
    assert_eq!(field_violation(&err), "actor");
    let mut actor = new_actor("NEW");
    actor.display_name.clear();
    let err = client
        .create_actor(pb::CreateActorRequest { actor: Some(actor), ..Default::default() })
        .await
        .expect_err("missing field");
    assert_eq!(field_violation(&err), "actor.display_name");
    // A reference that does not resolve is a validation failure naming the field.
    let mut stance = client
        .get_stance(pb::GetStanceRequest { name: first_name(&server, "stance") })
        .await
        .expect("stance")
        .into_inner()
        .stance
        .expect("stance");
    stance.name = "stances/dangling".into();
    stance.actor = "actors/NOBODY".into();
    let err = client
        .create_stance(pb::CreateStanceRequest { stance: Some(stance), ..Default::default() })
        .await
        .expect_err("dangling");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(reason(&err), "VALIDATION_FAILED");
    assert!(field_violation(&err).starts_with("stance."), "{:?}", field_violation(&err));

    // Text over the limit: a clear INVALID_ARGUMENT; a message over the limit: RESOURCE_EXHAUSTED.
    let big = "x".repeat(20 * 1024);
    let err = client
        .create_document(pb::CreateDocumentRequest {
            document: Some(pb::Document { name: "documents/big".into(), text: big, ..Default::default() }),
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
            document: Some(pb::Document { name: "documents/huge".into(), text: huge, ..Default::default() }),
            ..Default::default()
        })
        .await
        .expect_err("message limit");
    assert_eq!(err.code(), Code::ResourceExhausted);
    assert_eq!(reason(&err), "MESSAGE_TOO_LARGE");

    // Invalid UTF-8 in text, sent as raw bytes in the string field.
    let err = raw_extract(&server, vec![b'o', b'k', 0xff, 0xfe]).await.expect_err("utf-8");
    assert_eq!(err.code(), Code::InvalidArgument, "{err:?}");
    assert_eq!(reason(&err), "MALFORMED_MESSAGE");
    assert_eq!(field_violation(&err), "Document.text");

    // Nothing was written by any of it, and the server still serves.
    assert_eq!(server.store.head().expect("head"), head);
    client.get_actor(pb::GetActorRequest { name: "actors/JPN".into() }).await.expect("still serving");
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
    let mut req = Request::new(RawExtractRequest { document: Some(RawDocument { text }) });
    let value = MetadataValue::try_from(format!("Bearer {}", server.admin)).expect("ascii");
    req.metadata_mut().insert("authorization", value);
    let path = tonic::codegen::http::uri::PathAndQuery::from_static("/polemos.v1.ExtractionService/Extract");
    grpc.unary(req, path, tonic_prost::ProstCodec::default())
        .await
        .map(tonic::Response::into_inner)
}

#[tokio::test]
async fn auth_refuses_missing_wrong_and_underprivileged_keys() {
    let server = Server::start(true, true).await;
    let channel = server.channel().await;
    let mut anonymous = DossierServiceClient::with_interceptor(channel.clone(), Auth(None));
    let err = anonymous.get_actor(pb::GetActorRequest { name: "actors/JPN".into() }).await.expect_err("no key");
    assert_eq!(err.code(), Code::Unauthenticated);
    let mut wrong = DossierServiceClient::with_interceptor(channel.clone(), Auth(Some("pk_nope".into())));
    let err = wrong.get_actor(pb::GetActorRequest { name: "actors/JPN".into() }).await.expect_err("wrong key");
    assert_eq!(err.code(), Code::Unauthenticated);
    assert_eq!(reason(&err), "INVALID_API_KEY");
    let mut reader = server.dossier(&server.reader).await;
    reader.get_actor(pb::GetActorRequest { name: "actors/JPN".into() }).await.expect("reader reads");
    let err = reader
        .create_actor(pb::CreateActorRequest { actor: Some(new_actor("KOR")), ..Default::default() })
        .await
        .expect_err("reader writes");
    assert_eq!(err.code(), Code::PermissionDenied);
    // Health stays open without a key.
    let mut health = tonic_health::pb::health_client::HealthClient::new(channel);
    let resp = health
        .check(tonic_health::pb::HealthCheckRequest { service: "polemos.v1.DossierService".into() })
        .await
        .expect("health")
        .into_inner();
    assert_eq!(resp.status, tonic_health::pb::health_check_response::ServingStatus::Serving as i32);
    server.stop().await;

    // No keys configured: secure by default.
    let server = Server::start(false, false).await;
    let mut client = server.dossier("pk_anything").await;
    let err = client.list_actors(pb::ListActorsRequest::default()).await.expect_err("no keys");
    assert_eq!(err.code(), Code::Unauthenticated);
    assert!(err.message().contains("polemos keys create --role admin"), "{}", err.message());
    server.stop().await;
}

fn ingest_doc(text: &str) -> pb::IngestRequest {
    pb::IngestRequest {
        document: Some(pb::Document { text: text.into(), published: "2018-11-15".into(), ..Default::default() }),
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
        ingest_doc(&"y".repeat(20 * 1024)),              // over the text limit
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
        vec![O::Created as i32, O::Duplicate as i32, O::Failed as i32, O::Failed as i32, O::Created as i32]
    );
    assert_eq!(results.iter().map(|r| r.index).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4]);
    assert_eq!(results[1].document, results[0].document, "duplicate names the stored document");
    assert_eq!(results[2].error_code, Code::InvalidArgument as i32);
    assert!(results[2].error_message.contains("document.text"), "{}", results[2].error_message);

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

    // Resuming from the first token yields the second change and nothing before it.
    let mut resumed = changes
        .watch_changes(pb::WatchChangesRequest { start_token: seen[0].token.clone(), ..Default::default() })
        .await
        .expect("resume")
        .into_inner();
    let next = tokio::time::timeout(Duration::from_secs(5), resumed.next())
        .await
        .expect("arrives")
        .expect("open")
        .expect("change");
    assert_eq!(next.token, seen[1].token);

    let err = changes
        .watch_changes(pb::WatchChangesRequest { start_token: "nope".into(), ..Default::default() })
        .await
        .expect_err("bad token");
    assert_eq!(field_violation(&err), "start_token");

    // Shutdown ends open streams with UNAVAILABLE so clients resume elsewhere.
    server.stop().await;
    let end = tokio::time::timeout(Duration::from_secs(5), feed.next()).await.expect("stream ends");
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
        .watch_changes(pb::WatchChangesRequest { start_token: "0".into(), actor: "actors/RUS".into(), ..Default::default() })
        .await
        .expect("watch")
        .into_inner();
    let mut stances = 0;
    let expected = dossier.stances.iter().filter(|s| s.actor.as_str() == "actors/RUS").count();
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
        assert!(c.kind != pb::ResourceKind::Document as i32, "documents do not bear on an actor");
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
    tx.send(ingest_doc("First article about the Kurils.")).await.expect("send");
    let first = results.next().await.expect("one").expect("ok");
    assert_eq!(first.outcome, pb::IngestOutcome::Created as i32);
    tx.send(ingest_doc("Second article, cut off.")).await.expect("send");
    drop(results); // the client cancels mid-stream
    drop(tx);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let d = server.store.snapshot(polemos_store::View::current()).expect("snapshot");
    for doc in &d.documents {
        assert_eq!(doc.content_hash, polemos_core::content_hash(&doc.text), "whole documents only");
    }
    assert!(d.documents.iter().any(|x| x.name.as_str() == first.document));
    // The server keeps serving.
    let mut client = server.dossier(&server.reader).await;
    client.list_documents(pb::ListDocumentsRequest::default()).await.expect("still serving");
    server.stop().await;
}

#[tokio::test]
async fn reflection_lists_the_polemos_services() {
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
    use tonic_reflection::pb::v1::ServerReflectionRequest;
    let server = Server::start(false, false).await;
    let mut client = ServerReflectionClient::new(server.channel().await);
    let req = ServerReflectionRequest { host: String::new(), message_request: Some(MessageRequest::ListServices(String::new())) };
    let mut stream = client.server_reflection_info(tokio_stream::iter(vec![req])).await.expect("reflection").into_inner();
    let resp = stream.next().await.expect("one").expect("ok");
    let Some(MessageResponse::ListServicesResponse(list)) = resp.message_response else {
        panic!("unexpected reflection answer");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for want in ["polemos.v1.DossierService", "polemos.v1.ChangeService", "polemos.v1.ExtractionService", "grpc.health.v1.Health"] {
        assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
    }
    server.stop().await;
}
