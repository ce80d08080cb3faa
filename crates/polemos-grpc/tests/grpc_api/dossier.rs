//! The standard methods: paging, create/get/update/delete with etags and request ids, bad input.

use crate::support::*;

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
    // The dossier was imported in one batch: its order is the order they were first stored.
    let expected: Vec<String> = dossier.actors.iter().map(|a| a.name.to_string()).collect();
    assert_eq!(
        names, expected,
        "pages cover every actor once, in first-stored order"
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

    // A token is bound to its query: one from the stances of JPN does not page the stances of
    // RUS, nor the actors; and one altered by a bit is refused too.
    let jpn_page = client
        .list_stances(pb::ListStancesRequest {
            page_size: 1,
            actor: "actors/JPN".into(),
            ..Default::default()
        })
        .await
        .expect("first page")
        .into_inner();
    let token = jpn_page.next_page_token;
    assert!(!token.is_empty(), "JPN has more than one stance");
    let err = client
        .list_stances(pb::ListStancesRequest {
            page_size: 1,
            page_token: token.clone(),
            actor: "actors/RUS".into(),
            ..Default::default()
        })
        .await
        .expect_err("token of another filter");
    assert_eq!(
        (err.code(), field_violation(&err)),
        (Code::InvalidArgument, "page_token".to_owned())
    );
    let err = client
        .list_actors(pb::ListActorsRequest {
            page_token: token.clone(),
            ..Default::default()
        })
        .await
        .expect_err("token of another kind");
    assert_eq!(field_violation(&err), "page_token");
    let mut altered = token.clone().into_bytes();
    let last = altered.len() - 1;
    altered[last] = if altered[last] == b'0' { b'1' } else { b'0' };
    let err = client
        .list_stances(pb::ListStancesRequest {
            page_size: 1,
            page_token: String::from_utf8(altered).expect("ascii"),
            actor: "actors/JPN".into(),
            ..Default::default()
        })
        .await
        .expect_err("altered token");
    assert_eq!(field_violation(&err), "page_token");
    // The same query with another page size goes on (AIP-158 allows that).
    let next = client
        .list_stances(pb::ListStancesRequest {
            page_size: 5,
            page_token: token,
            actor: "actors/JPN".into(),
            ..Default::default()
        })
        .await
        .expect("next page, larger")
        .into_inner();
    assert!(next.stances.iter().all(|s| s.actor == "actors/JPN"));
    assert!(
        !next
            .stances
            .iter()
            .any(|s| jpn_page.stances[0].name == s.name)
    );

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
            revision: None,
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
            revision: None,
        })
        .await
        .expect_err("gone");
    assert_eq!(err.code(), Code::NotFound);
    assert_eq!(reason(&err), "RESOURCE_NOT_FOUND");

    // Every other resource's Create and Update, through the same code path.
    let stance = client
        .get_stance(pb::GetStanceRequest {
            name: first_name(&server, "stance"),
            revision: None,
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
            revision: None,
        })
        .await
        .expect_err("name");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(field_violation(&err), "name");
    let err = client
        .get_issue(pb::GetIssueRequest {
            name: "disputes/x/issue/y".into(),
            revision: None,
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
            revision: None,
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
            revision: None,
        })
        .await
        .expect("still serving");
    server.stop().await;
}
