//! ImportDossier and Extract: bad JSON, broken values (every one reported), wrong hashes,
//! spans outside stored documents, extreme publication dates, oversized text.

use polemos_core::Dossier;
use polemos_grpc_testkit::{Auth, KURIL};
use polemos_proto::v1 as pb;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use polemos_proto::v1::import_service_client::ImportServiceClient;
use tonic::Code;

use crate::support::{Suite, fields, long, refused};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_and_extract_refuse_bad_input() {
    let s = Suite::start().await;
    let head = s.head();
    let admin = Auth::key(&s.server.admin);
    let mut import = ImportServiceClient::with_interceptor(s.server.channel().await, admin.clone());
    let mut extract = ExtractionServiceClient::with_interceptor(s.server.channel().await, admin);

    // Import: bad JSON, several broken values (every one reported), wrong hash, stored spans.
    let imp = |json: String| pb::ImportDossierRequest {
        dossier_json: json,
        ..Default::default()
    };
    refused(
        "Import not JSON",
        import.import_dossier(imp("not json".into())).await,
        Code::InvalidArgument,
        "",
    );
    let several = KURIL
        .replacen(
            "\n      \"position\": 100,",
            "\n      \"position\": 150,",
            1,
        )
        .replacen("\"salience\": 0.8", "\"salience\": 1.8", 1);
    let st = import
        .import_dossier(imp(several))
        .await
        .expect_err("out of range");
    assert_eq!(st.code(), Code::InvalidArgument);
    let named = fields(&st);
    assert!(
        named.contains(&"stances[0].position".to_owned())
            && named.contains(&"stances[0].salience".to_owned()),
        "{named:?}"
    );
    let lenient = KURIL.replace("\"2018-09-12\"", "\"2018-9-12\"");
    refused(
        "Import 2018-9-12",
        import.import_dossier(imp(lenient)).await,
        Code::InvalidArgument,
        "",
    );
    let plus = KURIL.replace("\"2018-09-12\"", "\"+2018-09-12\"");
    refused(
        "Import +2018-09-12",
        import.import_dossier(imp(plus)).await,
        Code::InvalidArgument,
        "",
    );
    let mut wrong = Dossier::from_json(KURIL).expect("kuril");
    wrong.documents[0].content_hash = "00".repeat(32);
    refused(
        "Import wrong content_hash",
        import.import_dossier(imp(wrong.to_json())).await,
        Code::InvalidArgument,
        "documents[0].content_hash",
    );
    // A stance alone whose evidence points outside the stored document.
    let mut alone = Dossier::new();
    let mut stance = Dossier::from_json(KURIL).expect("kuril").stances[0].clone();
    stance.name = "stances/alone".parse().expect("name");
    stance.evidence[0].span = Some(polemos_core::Span {
        start: 0,
        end: 10_000_000,
    });
    alone.stances.push(stance);
    refused(
        "Import span outside a stored document",
        import.import_dossier(imp(alone.to_json())).await,
        Code::InvalidArgument,
        "stances[0].evidence[0].span",
    );

    // Extract: extreme and lenient publication dates, oversized text.
    let doc = |published: &str, text: String| pb::ExtractRequest {
        document: Some(pb::Document {
            text,
            published: published.into(),
            ..Default::default()
        }),
    };
    for date in [
        "+262142-12-31",
        "-262143-01-01",
        "2018-1-1",
        "99999-01-01",
        "2018-02-29",
    ] {
        refused(
            &format!("Extract published={date}"),
            extract
                .extract(doc(
                    date,
                    "Japan said yesterday it will talk tomorrow.".into(),
                ))
                .await,
            Code::InvalidArgument,
            "document.published",
        );
    }
    refused(
        "Extract oversized",
        extract.extract(doc("2018-09-19", long(100 * 1024))).await,
        Code::InvalidArgument,
        "",
    );

    s.intact(head, "bad imports and extractions").await;
    s.server.stop().await;
}
