//! ImportDossier: one commit, idempotent re-import, all-or-nothing, limits.

use crate::support::*;

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
    use polemos_grpc::convert as cv;
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
            revision: None,
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
            revision: None,
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
