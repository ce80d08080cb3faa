//! Create, Update and Delete: bad values, dates, enum values, names, oversized text, forged
//! etags and masks; and what a write does with the output-only fields a client sends.

use polemos_proto::v1 as pb;
use tonic::Code;

use crate::support::{Suite, bad_names, long, refused};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_refuse_bad_values_and_write_nothing() {
    let s = Suite::start().await;
    let head = s.head();
    let mut d = s.server.dossier(&s.server.admin).await;
    let stance = d
        .get_stance(pb::GetStanceRequest {
            name: "stances/rus-peace-treaty-2018".into(),
            revision: None,
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
            revision: None,
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

/// `content_hash` is output only (AIP-203): a client that sends a wrong one, as a document read
/// back and edited, is not refused; the server computes the hash of the text it stores, in
/// Create and in Update, as the engine does for the Python `Engine`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_ignore_a_sent_content_hash() {
    let s = Suite::start().await;
    let mut d = s.server.dossier(&s.server.admin).await;
    let text = "A text of its own, stored under its own hash.";
    let created = d
        .create_document(pb::CreateDocumentRequest {
            document: Some(pb::Document {
                title: "hashed".into(),
                published: "2018-09-19".into(),
                text: text.into(),
                content_hash: "00".repeat(32),
                ..Default::default()
            }),
            document_id: "hashed".into(),
            ..Default::default()
        })
        .await
        .expect("a wrong output-only hash is ignored")
        .into_inner()
        .document
        .expect("document");
    assert_eq!(created.content_hash, polemos_core::content_hash(text));

    let mut edited = created.clone();
    edited.text = "The same document, rewritten.".into();
    edited.content_hash = created.content_hash.clone();
    let updated = d
        .update_document(pb::UpdateDocumentRequest {
            document: Some(edited),
            update_mask: None,
        })
        .await
        .expect("the stale hash sent back is ignored")
        .into_inner()
        .document
        .expect("document");
    assert_eq!(
        updated.content_hash,
        polemos_core::content_hash("The same document, rewritten.")
    );
    let stored = d
        .get_document(pb::GetDocumentRequest {
            name: updated.name.clone(),
            revision: None,
        })
        .await
        .expect("get")
        .into_inner()
        .document
        .expect("document");
    assert_eq!(stored.content_hash, updated.content_hash);
    s.server.stop().await;
}
