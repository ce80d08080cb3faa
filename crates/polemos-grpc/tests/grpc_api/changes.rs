//! `ListChanges`: the change feed in pages, the same changes and tokens as the engine's feed.

use polemos_engine::changes::{self, ChangeFilter};

use crate::support::*;

/// Every page of `ListChanges` from `request` on: each page's names and tokens, in order.
async fn pages(server: &Server, mut request: pb::ListChangesRequest) -> Vec<Vec<(String, String)>> {
    let mut client = server.changes(&server.reader).await;
    let mut out = Vec::new();
    loop {
        let page = client
            .list_changes(request.clone())
            .await
            .expect("list changes")
            .into_inner();
        out.push(
            page.changes
                .iter()
                .map(|c| (c.name.clone(), c.token.clone()))
                .collect(),
        );
        if page.next_page_token.is_empty() {
            return out;
        }
        request.page_token = page.next_page_token;
    }
}

/// The engine's feed after revision 0 under `filter`: names and tokens.
fn engine_feed(server: &Server, filter: &ChangeFilter) -> Vec<(String, String)> {
    changes::changes(&*server.store, 0, filter, usize::MAX)
        .expect("engine feed")
        .into_iter()
        .map(|c| (c.change.name, c.token))
        .collect()
}

#[tokio::test]
async fn list_changes_pages_through_the_feed_as_the_engine_reads_it() {
    let server = Server::start(true, true).await;
    let all = engine_feed(&server, &ChangeFilter::default());
    assert!(
        all.len() > 4,
        "the reference dossier is one commit of many records"
    );

    // Unfiltered, in pages of half the feed (rounded up): two full pages, no gap, no repeat.
    let size = all.len().div_ceil(2);
    let got = pages(
        &server,
        pb::ListChangesRequest {
            page_size: i32::try_from(size).expect("small"),
            ..Default::default()
        },
    )
    .await;
    assert!(got.len() >= 2, "{} pages", got.len());
    assert!(got.iter().all(|p| p.len() <= size));
    assert_eq!(got.concat(), all);

    // A dispute's feed: fewer changes, the engine's, across pages of 5.
    let kuril = ChangeFilter::new(Some("kuril-islands"), None).expect("filter");
    let want = engine_feed(&server, &kuril);
    assert!(want.len() > 5 && want.len() < all.len());
    let got = pages(
        &server,
        pb::ListChangesRequest {
            page_size: 5,
            dispute: "disputes/kuril-islands".into(),
            ..Default::default()
        },
    )
    .await;
    assert!(got.len() >= 2);
    assert_eq!(got.concat(), want);

    // A start token resumes right after that change.
    let got = pages(
        &server,
        pb::ListChangesRequest {
            start_token: all[1].1.clone(),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(got.concat(), all[2..].to_vec());
}

#[tokio::test]
async fn list_changes_refuses_a_malformed_dispute_token_or_size() {
    let server = Server::start(true, true).await;
    let mut client = server.changes(&server.reader).await;
    for (request, field) in [
        (
            pb::ListChangesRequest {
                dispute: "a b/c".into(),
                ..Default::default()
            },
            "dispute",
        ),
        (
            pb::ListChangesRequest {
                start_token: "x".into(),
                ..Default::default()
            },
            "start_token",
        ),
        (
            pb::ListChangesRequest {
                page_token: "1.x".into(),
                ..Default::default()
            },
            "page_token",
        ),
        (
            pb::ListChangesRequest {
                page_size: -1,
                ..Default::default()
            },
            "page_size",
        ),
    ] {
        let e = client.list_changes(request).await.expect_err(field);
        assert_eq!(e.code(), Code::InvalidArgument, "{field}: {e:?}");
        assert!(field_violation(&e).contains(field), "{field}: {e:?}");
    }
}
