//! Get and List: bad names, page sizes, forged and moved page tokens, bad filters.

use polemos_proto::v1 as pb;
use tonic::Code;

use crate::support::{Suite, bad_names, refused};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_refuse_bad_names_page_sizes_and_forged_tokens() {
    let s = Suite::start().await;
    let head = s.head();
    let mut d = s.server.dossier(&s.server.admin).await;

    for name in bad_names("actors") {
        refused(
            "GetActor",
            d.get_actor(pb::GetActorRequest {
                name: name.clone(),
                revision: None,
            })
            .await,
            Code::InvalidArgument,
            "name",
        );
    }
    for name in bad_names("disputes") {
        refused(
            "GetDispute",
            d.get_dispute(pb::GetDisputeRequest {
                name: name.clone(),
                revision: None,
            })
            .await,
            Code::InvalidArgument,
            "name",
        );
    }
    for name in bad_names("disputes/kuril-islands/issues") {
        refused(
            "GetIssue",
            d.get_issue(pb::GetIssueRequest {
                name: name.clone(),
                revision: None,
            })
            .await,
            Code::InvalidArgument,
            "name",
        );
    }
    for name in bad_names("stances") {
        refused(
            "GetStance",
            d.get_stance(pb::GetStanceRequest {
                name: name.clone(),
                revision: None,
            })
            .await,
            Code::InvalidArgument,
            "name",
        );
    }
    for name in bad_names("events") {
        refused(
            "GetEvent",
            d.get_event(pb::GetEventRequest {
                name: name.clone(),
                revision: None,
            })
            .await,
            Code::InvalidArgument,
            "name",
        );
    }
    for name in bad_names("documents") {
        refused(
            "GetDocument",
            d.get_document(pb::GetDocumentRequest {
                name: name.clone(),
                revision: None,
            })
            .await,
            Code::InvalidArgument,
            "name",
        );
    }
    // A well-formed name that does not exist is NOT_FOUND, not a bad argument.
    refused(
        "GetActor missing",
        d.get_actor(pb::GetActorRequest {
            name: "actors/NOBODY".into(),
            revision: None,
        })
        .await,
        Code::NotFound,
        "",
    );

    for size in [-1, i32::MIN] {
        refused(
            "ListActors page_size",
            d.list_actors(pb::ListActorsRequest {
                page_size: size,
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_size",
        );
        refused(
            "ListDisputes page_size",
            d.list_disputes(pb::ListDisputesRequest {
                page_size: size,
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_size",
        );
        refused(
            "ListIssues page_size",
            d.list_issues(pb::ListIssuesRequest {
                page_size: size,
                parent: "disputes/kuril-islands".into(),
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_size",
        );
        refused(
            "ListStances page_size",
            d.list_stances(pb::ListStancesRequest {
                page_size: size,
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_size",
        );
        refused(
            "ListEvents page_size",
            d.list_events(pb::ListEventsRequest {
                page_size: size,
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_size",
        );
        refused(
            "ListDocuments page_size",
            d.list_documents(pb::ListDocumentsRequest {
                page_size: size,
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_size",
        );
    }
    // A huge page size is capped, not refused.
    let page = d
        .list_actors(pb::ListActorsRequest {
            page_size: i32::MAX,
            ..Default::default()
        })
        .await
        .expect("huge page size");
    assert!(!page.into_inner().actors.is_empty());

    for token in [
        "zz",
        "abc",
        "00",
        &"41".repeat(5_000),
        "313030300a",
        "not a token at all",
        "\u{0}",
    ] {
        refused(
            "ListActors page_token",
            d.list_actors(pb::ListActorsRequest {
                page_token: token.to_owned(),
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_token",
        );
        refused(
            "ListStances page_token",
            d.list_stances(pb::ListStancesRequest {
                page_token: token.to_owned(),
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_token",
        );
        refused(
            "ListEvents page_token",
            d.list_events(pb::ListEventsRequest {
                page_token: token.to_owned(),
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_token",
        );
        refused(
            "ListDocuments page_token",
            d.list_documents(pb::ListDocumentsRequest {
                page_token: token.to_owned(),
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_token",
        );
        refused(
            "ListDisputes page_token",
            d.list_disputes(pb::ListDisputesRequest {
                page_token: token.to_owned(),
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_token",
        );
        refused(
            "ListIssues page_token",
            d.list_issues(pb::ListIssuesRequest {
                page_token: token.to_owned(),
                parent: "disputes/kuril-islands".into(),
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "page_token",
        );
    }
    // A real token replayed with other filters.
    let first = d
        .list_stances(pb::ListStancesRequest {
            page_size: 1,
            ..Default::default()
        })
        .await
        .expect("page")
        .into_inner();
    assert!(!first.next_page_token.is_empty());
    refused(
        "ListStances token with other filters",
        d.list_stances(pb::ListStancesRequest {
            page_size: 1,
            page_token: first.next_page_token,
            actor: "actors/JPN".into(),
            ..Default::default()
        })
        .await,
        Code::InvalidArgument,
        "page_token",
    );
    // Bad filters name themselves.
    refused(
        "ListStances actor filter",
        d.list_stances(pb::ListStancesRequest {
            actor: "JPN".into(),
            ..Default::default()
        })
        .await,
        Code::InvalidArgument,
        "actor",
    );
    refused(
        "ListIssues parent",
        d.list_issues(pb::ListIssuesRequest {
            parent: "nope".into(),
            ..Default::default()
        })
        .await,
        Code::InvalidArgument,
        "parent",
    );

    s.intact(head, "bad reads").await;
    s.server.stop().await;
}
