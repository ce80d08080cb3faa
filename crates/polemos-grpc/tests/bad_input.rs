//! The malformed-input matrix against every gRPC method: bad names, out-of-range numbers, NaN
//! and infinities, negative and huge page sizes, forged page tokens and etags, oversized text,
//! invalid and extreme dates, unknown enum values, cancelled streams. Each refusal is checked
//! for its status code and the field it names; after each group the server still serves and the
//! store has not moved (nothing written). The same bad input through `polemos import` is refused
//! the same way in polemos-cli's `tests/cli_bad_input.rs`.

use std::fmt::Debug;

use polemos_core::Dossier;
use polemos_grpc::{Limits, Options};
use polemos_grpc_testkit::{Auth, Server, eventually};
use polemos_proto::v1 as pb;
use polemos_proto::v1::analysis_service_client::AnalysisServiceClient;
use polemos_proto::v1::change_service_client::ChangeServiceClient;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use polemos_proto::v1::import_service_client::ImportServiceClient;
use tokio_stream::StreamExt;
use tonic::{Code, Response, Status};
use tonic_types::StatusExt;

const KURIL: &str = include_str!("../../../examples/dossiers/kuril-islands.json");

fn fields(st: &Status) -> Vec<String> {
    st.get_details_bad_request()
        .map(|b| b.field_violations.iter().map(|v| v.field.clone()).collect())
        .unwrap_or_default()
}

/// Asserts `result` is refused with `code`, naming `field` among its violations (when given).
#[track_caller]
fn refused<T: Debug>(what: &str, result: Result<Response<T>, Status>, code: Code, field: &str) {
    let st = match result {
        Ok(r) => panic!("{what}: accepted: {:?}", r.into_inner()),
        Err(st) => st,
    };
    assert_eq!(st.code(), code, "{what}: {st:?}");
    if !field.is_empty() {
        let named = fields(&st);
        assert!(
            named.iter().any(|f| f == field),
            "{what}: expected field `{field}`, got {named:?} ({})",
            st.message()
        );
    }
    assert!(
        st.message().len() < 2048,
        "{what}: the message echoes too much ({} bytes)",
        st.message().len()
    );
}

struct Suite {
    server: Server,
}

impl Suite {
    async fn start() -> Self {
        let dossier = Dossier::from_json(KURIL).expect("reference dossier");
        let options = Options {
            limits: Limits {
                max_text_bytes: 64 * 1024,
                ..Limits::default()
            },
            max_message_bytes: 512 * 1024,
            ..Options::default()
        };
        Self {
            server: Server::start_with(options, Some(&dossier)).await,
        }
    }

    fn head(&self) -> u64 {
        self.server.store.head().expect("head")
    }

    /// The server still answers, and nothing was written since `head`.
    async fn intact(&self, head: u64, after: &str) {
        assert_eq!(self.head(), head, "something was written by {after}");
        let mut d = self.server.dossier(&self.server.admin).await;
        d.get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
        })
        .await
        .unwrap_or_else(|e| panic!("the server stopped serving after {after}: {e:?}"));
    }
}

fn long(n: usize) -> String {
    "a".repeat(n)
}

fn bad_names(kind: &str) -> Vec<String> {
    vec![
        String::new(),
        kind.to_owned(),
        format!("{kind}/"),
        format!("{kind}/has space"),
        format!("{kind}/ü"),
        format!("{kind}/{}", long(8_000)),
        "wrong/x".into(),
        "../../etc/passwd".into(),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_refuse_bad_names_page_sizes_and_forged_tokens() {
    let s = Suite::start().await;
    let head = s.head();
    let mut d = s.server.dossier(&s.server.admin).await;

    for name in bad_names("actors") {
        refused(
            "GetActor",
            d.get_actor(pb::GetActorRequest { name: name.clone() })
                .await,
            Code::InvalidArgument,
            "name",
        );
    }
    for name in bad_names("disputes") {
        refused(
            "GetDispute",
            d.get_dispute(pb::GetDisputeRequest { name: name.clone() })
                .await,
            Code::InvalidArgument,
            "name",
        );
    }
    for name in bad_names("disputes/kuril-islands/issues") {
        refused(
            "GetIssue",
            d.get_issue(pb::GetIssueRequest { name: name.clone() })
                .await,
            Code::InvalidArgument,
            "name",
        );
    }
    for name in bad_names("stances") {
        refused(
            "GetStance",
            d.get_stance(pb::GetStanceRequest { name: name.clone() })
                .await,
            Code::InvalidArgument,
            "name",
        );
    }
    for name in bad_names("events") {
        refused(
            "GetEvent",
            d.get_event(pb::GetEventRequest { name: name.clone() })
                .await,
            Code::InvalidArgument,
            "name",
        );
    }
    for name in bad_names("documents") {
        refused(
            "GetDocument",
            d.get_document(pb::GetDocumentRequest { name: name.clone() })
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_refuse_bad_values_and_write_nothing() {
    let s = Suite::start().await;
    let head = s.head();
    let mut d = s.server.dossier(&s.server.admin).await;
    let stance = d
        .get_stance(pb::GetStanceRequest {
            name: "stances/rus-peace-treaty-2018".into(),
        })
        .await
        .expect("stance")
        .into_inner()
        .stance
        .expect("stance");
    let event = d
        .list_events(pb::ListEventsRequest::default())
        .await
        .expect("events")
        .into_inner()
        .events
        .remove(0);
    let actor = d
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
        })
        .await
        .expect("actor")
        .into_inner()
        .actor
        .expect("actor");
    let doc = d
        .list_documents(pb::ListDocumentsRequest::default())
        .await
        .expect("docs")
        .into_inner()
        .documents
        .remove(0);

    let fresh = |mut x: pb::Stance| {
        x.name = String::new();
        x.etag = String::new();
        x
    };
    let create_stance = |x: pb::Stance| pb::CreateStanceRequest {
        stance: Some(x),
        stance_id: "new-one".into(),
        ..Default::default()
    };

    // Numbers: NaN, infinities, out of range.
    for (field, set) in [
        (
            "stance.position",
            (|x: &mut pb::Stance, v| x.position = v) as fn(&mut pb::Stance, f64),
        ),
        ("stance.salience", |x: &mut pb::Stance, v| x.salience = v),
        ("stance.confidence", |x: &mut pb::Stance, v| {
            x.confidence = v
        }),
    ] {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, 1e308] {
            let mut x = fresh(stance.clone());
            set(&mut x, v);
            refused(
                &format!("CreateStance {field}={v}"),
                d.create_stance(create_stance(x)).await,
                Code::InvalidArgument,
                field,
            );
        }
    }
    for v in [f64::NAN, f64::INFINITY, -11.0, 11.0] {
        let mut e = event.clone();
        e.name = String::new();
        e.etag = String::new();
        e.intensity = v;
        refused(
            &format!("CreateEvent intensity={v}"),
            d.create_event(pb::CreateEventRequest {
                event: Some(e),
                event_id: "new-event".into(),
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "event.intensity",
        );
    }
    // Dates: lenient spellings, impossible days, years outside the model, chrono's limits.
    for date in [
        "2018-1-1",
        "+2018-01-01",
        "2018-02-30",
        "18-01-01",
        "2018/01/01",
        "+262142-12-31",
        "9999-12-31",
        "1066-10-14",
        " 2018-01-01",
    ] {
        let mut x = fresh(stance.clone());
        x.valid_from = date.into();
        refused(
            &format!("CreateStance valid_from={date}"),
            d.create_stance(create_stance(x)).await,
            Code::InvalidArgument,
            "stance.valid_from",
        );
        let mut dd = doc.clone();
        dd.name = String::new();
        dd.etag = String::new();
        dd.text = format!("another text {date}");
        dd.content_hash = String::new();
        dd.published = date.into();
        refused(
            &format!("CreateDocument published={date}"),
            d.create_document(pb::CreateDocumentRequest {
                document: Some(dd),
                document_id: "new-doc".into(),
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "document.published",
        );
    }
    // Unknown enum values.
    let mut a = actor.clone();
    a.name = String::new();
    a.etag = String::new();
    a.kind = 999;
    refused(
        "CreateActor kind=999",
        d.create_actor(pb::CreateActorRequest {
            actor: Some(a),
            actor_id: "NEW".into(),
            ..Default::default()
        })
        .await,
        Code::InvalidArgument,
        "actor.kind",
    );
    let mut x = fresh(stance.clone());
    x.label = -5;
    refused(
        "CreateStance label=-5",
        d.create_stance(create_stance(x)).await,
        Code::InvalidArgument,
        "stance.label",
    );
    // Names: a bad id is reported as the id field; an 8,000-character one too, and stays
    // INVALID_ARGUMENT (its echo is clipped).
    for id in ["", "has space", &long(8_000), "ü"] {
        if id.is_empty() {
            continue;
        }
        refused(
            &format!("CreateStance stance_id={}", &id[..id.len().min(20)]),
            d.create_stance(pb::CreateStanceRequest {
                stance: Some(fresh(stance.clone())),
                stance_id: id.to_owned(),
                ..Default::default()
            })
            .await,
            Code::InvalidArgument,
            "stance_id",
        );
    }
    let mut x = fresh(stance.clone());
    x.actor = format!("actors/{}", long(8_000));
    refused(
        "CreateStance actor 8000",
        d.create_stance(create_stance(x)).await,
        Code::InvalidArgument,
        "stance.actor",
    );
    // Oversized text.
    let mut dd = doc.clone();
    dd.name = String::new();
    dd.etag = String::new();
    dd.content_hash = String::new();
    dd.text = long(100 * 1024);
    refused(
        "CreateDocument oversized text",
        d.create_document(pb::CreateDocumentRequest {
            document: Some(dd),
            document_id: "big".into(),
            ..Default::default()
        })
        .await,
        Code::InvalidArgument,
        "document.text",
    );
    // A wrong content hash is refused, not silently replaced.
    let mut dd = doc.clone();
    dd.name = String::new();
    dd.etag = String::new();
    dd.text = "a text of its own".into();
    dd.content_hash = "00".repeat(32);
    refused(
        "CreateDocument wrong content_hash",
        d.create_document(pb::CreateDocumentRequest {
            document: Some(dd),
            document_id: "hashed".into(),
            ..Default::default()
        })
        .await,
        Code::InvalidArgument,
        "document.content_hash",
    );
    // Evidence outside the stored document it points to, or splitting a character.
    for (start, end) in [(0, 1_000_000), (10, 5), (u32::MAX as u64, u32::MAX as u64)] {
        let mut x = fresh(stance.clone());
        if let Some(span) = x.evidence.first_mut().and_then(|ev| ev.span.as_mut()) {
            span.start = start;
            span.end = end;
        }
        refused(
            &format!("CreateStance span {start}..{end}"),
            d.create_stance(create_stance(x)).await,
            Code::InvalidArgument,
            "",
        );
    }
    let text = &doc.text;
    let inside = text.find('’').expect("a three-byte apostrophe") as u64 + 1;
    let mut x = fresh(stance.clone());
    if let Some(span) = x.evidence[0].span.as_mut() {
        span.start = inside;
        span.end = inside + 4;
    }
    refused(
        "CreateStance span splitting a character",
        d.create_stance(create_stance(x)).await,
        Code::InvalidArgument,
        "stance.evidence[0].span",
    );
    // Updates: forged etags and bad masks; deletes: bad names and etags.
    let mut x = stance.clone();
    x.etag = "forged".into();
    refused(
        "UpdateStance forged etag",
        d.update_stance(pb::UpdateStanceRequest {
            stance: Some(x),
            update_mask: None,
        })
        .await,
        Code::InvalidArgument,
        "stance.etag",
    );
    let mut x = stance.clone();
    x.position = f64::NAN;
    refused(
        "UpdateStance NaN",
        d.update_stance(pb::UpdateStanceRequest {
            stance: Some(x),
            update_mask: None,
        })
        .await,
        Code::InvalidArgument,
        "stance.position",
    );
    refused(
        "UpdateStance bad mask",
        d.update_stance(pb::UpdateStanceRequest {
            stance: Some(stance.clone()),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["no_such_field".into()],
            }),
        })
        .await,
        Code::InvalidArgument,
        "update_mask",
    );
    refused(
        "UpdateActor missing",
        d.update_actor(pb::UpdateActorRequest {
            actor: None,
            update_mask: None,
        })
        .await,
        Code::InvalidArgument,
        "actor",
    );
    for name in bad_names("actors") {
        refused(
            "DeleteActor",
            d.delete_actor(pb::DeleteActorRequest {
                name,
                etag: String::new(),
            })
            .await,
            Code::InvalidArgument,
            "name",
        );
    }
    refused(
        "DeleteStance forged etag",
        d.delete_stance(pb::DeleteStanceRequest {
            name: stance.name.clone(),
            etag: "W/\"x\"".into(),
        })
        .await,
        Code::InvalidArgument,
        "etag",
    );
    refused(
        "DeleteActor in use",
        d.delete_actor(pb::DeleteActorRequest {
            name: "actors/JPN".into(),
            etag: String::new(),
        })
        .await,
        Code::FailedPrecondition,
        "",
    );
    // request_id too long.
    refused(
        "CreateStance request_id",
        d.create_stance(pb::CreateStanceRequest {
            stance: Some(fresh(stance.clone())),
            stance_id: "x1".into(),
            request_id: long(200),
        })
        .await,
        Code::InvalidArgument,
        "request_id",
    );

    s.intact(head, "bad writes").await;
    s.server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_extract_analysis_and_watch_refuse_bad_input() {
    let s = Suite::start().await;
    let head = s.head();
    let admin = Auth::key(&s.server.admin);
    let mut import = ImportServiceClient::with_interceptor(s.server.channel().await, admin.clone());
    let mut extract =
        ExtractionServiceClient::with_interceptor(s.server.channel().await, admin.clone());
    let mut analysis =
        AnalysisServiceClient::with_interceptor(s.server.channel().await, admin.clone());
    let mut changes = ChangeServiceClient::with_interceptor(s.server.channel().await, admin);

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

    // Analysis: bad disputes and dates, NaN options.
    refused(
        "Report bad dispute",
        analysis
            .get_dispute_report(pb::GetDisputeReportRequest {
                dispute: "kuril".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "dispute",
    );
    refused(
        "Report bad as_of",
        analysis
            .get_dispute_report(pb::GetDisputeReportRequest {
                dispute: "disputes/kuril-islands".into(),
                as_of: "+262142-12-31".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "as_of",
    );
    refused(
        "Report unknown format",
        analysis
            .get_dispute_report(pb::GetDisputeReportRequest {
                dispute: "disputes/kuril-islands".into(),
                format: 99,
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "format",
    );
    refused(
        "CurrentStances as_of",
        analysis
            .list_current_stances(pb::ListCurrentStancesRequest {
                dispute: "disputes/kuril-islands".into(),
                as_of: "2018-1-1".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "as_of",
    );
    refused(
        "Matrix bad dispute",
        analysis
            .get_stance_matrix(pb::GetStanceMatrixRequest {
                dispute: "x".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "dispute",
    );
    refused(
        "Shifts NaN threshold",
        analysis
            .list_stance_shifts(pb::ListStanceShiftsRequest {
                dispute: "disputes/kuril-islands".into(),
                threshold: Some(f64::NAN),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "threshold",
    );
    refused(
        "Shifts since",
        analysis
            .list_stance_shifts(pb::ListStanceShiftsRequest {
                dispute: "disputes/kuril-islands".into(),
                since: "+2018-01-01".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "since",
    );
    refused(
        "Deadlocks as_of",
        analysis
            .list_deadlocks(pb::ListDeadlocksRequest {
                dispute: "disputes/kuril-islands".into(),
                as_of: "9999-12-31".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "as_of",
    );
    refused(
        "Coalitions inf",
        analysis
            .list_coalitions(pb::ListCoalitionsRequest {
                dispute: "disputes/kuril-islands".into(),
                max_distance: Some(f64::INFINITY),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "max_distance",
    );
    refused(
        "Cooperation granularity",
        analysis
            .get_cooperation_series(pb::GetCooperationSeriesRequest {
                dispute: "disputes/kuril-islands".into(),
                actor: "actors/JPN".into(),
                other_actor: "actors/RUS".into(),
                granularity: 42,
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "granularity",
    );
    refused(
        "Cooperation since",
        analysis
            .get_cooperation_series(pb::GetCooperationSeriesRequest {
                dispute: "disputes/kuril-islands".into(),
                actor: "actors/JPN".into(),
                other_actor: "actors/RUS".into(),
                since: "+262142-12-31".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "since",
    );
    refused(
        "Forecast no input",
        analysis.forecast(pb::ForecastRequest::default()).await,
        Code::InvalidArgument,
        "",
    );
    refused(
        "Forecast bad CSV",
        analysis
            .forecast(pb::ForecastRequest {
                source: Some(pb::forecast_request::Source::ScenarioCsv(
                    "Actor,Capability\nx,NaN,inf".into(),
                )),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "",
    );

    // Watch: forged tokens and filters.
    for token in [
        "x",
        "0.1",
        "-1",
        "18446744073709551615.18446744073709551615",
        &long(5_000),
    ] {
        let r = changes
            .watch_changes(pb::WatchChangesRequest {
                start_token: token.to_owned(),
                ..Default::default()
            })
            .await;
        match r {
            Err(st) => {
                assert_eq!(st.code(), Code::InvalidArgument, "{token}");
                assert!(fields(&st).contains(&"start_token".to_owned()));
            }
            // A syntactically valid token from the future is accepted and simply waits.
            Ok(_) => assert!(token.starts_with("1844"), "{token} accepted"),
        }
    }
    refused(
        "Watch bad dispute",
        changes
            .watch_changes(pb::WatchChangesRequest {
                dispute: "kuril".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "dispute",
    );
    // A stream cancelled by its client ends on the server.
    let mut stream = changes
        .watch_changes(pb::WatchChangesRequest {
            start_token: "0".into(),
            ..Default::default()
        })
        .await
        .expect("watch")
        .into_inner();
    stream.next().await.expect("one change").expect("ok");
    drop(stream);
    let gauges = std::sync::Arc::clone(&s.server.shared.gauges);
    eventually("the cancelled stream ends", || {
        gauges.open_streams.get() == 0
    })
    .await;

    s.intact(head, "bad imports, extractions, analyses and watches")
        .await;
    s.server.stop().await;
}
