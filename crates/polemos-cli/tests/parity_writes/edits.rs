//! Parity of create, update and delete (`edits` in `tests/parity/questions.json`): each question
//! on a fresh seeded store per interface, through the engine (`polemos_engine::write`) and the
//! gRPC `DossierService`; the answer is the record as stored afterwards (read the same way for
//! both) or the error kind. The table pins values, so both agreeing on a wrong answer still
//! fails. The Python Engine and Client answer the same questions in
//! `python/tests/test_parity.py`.

use polemos_core::Record;
use polemos_engine::write::{self, Mask};
use polemos_grpc::resource::Resource;
use polemos_proto::v1 as pb;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_store::{Kind, Store};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::{Auth, kind_of_status, root, serve};

#[derive(Debug, Clone, Deserialize)]
pub struct Edit {
    id: String,
    op: String,
    name: String,
    #[serde(default)]
    changes: Map<String, Value>,
    mask: Option<Vec<String>>,
    etag: Option<u64>,
    #[serde(default)]
    expect: Map<String, Value>,
    #[serde(default)]
    keeps: Vec<String>,
    #[serde(default)]
    cleared: Vec<String>,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Table {
    seed: Vec<String>,
    edits: Vec<Edit>,
}

fn table() -> Table {
    let text = std::fs::read_to_string(root().join("tests/parity/questions.json")).expect("table");
    serde_json::from_str(&text).expect("table json")
}

/// The record `name` as stored at `location`, in its JSON form (`None`: not there).
fn stored(location: &str, name: &str) -> Option<Map<String, Value>> {
    let store = polemos_engine::open(location, polemos_engine::Access::ReadOnly).expect("open");
    let v = polemos_engine::get(&*store, name, None).ok()?;
    body(&v.value)
}

fn body(record: &Record) -> Option<Map<String, Value>> {
    match serde_json::to_value(record).ok()? {
        Value::Object(mut m) => m.values_mut().next()?.as_object().cloned(),
        _ => None,
    }
}

fn record(kind: Kind, name: &str, fields: &Map<String, Value>) -> Result<Record, String> {
    let mut fields = fields.clone();
    fields.insert("name".into(), Value::String(name.to_owned()));
    let mut whole = Map::new();
    whole.insert(kind.as_str().into(), Value::Object(fields));
    serde_json::from_value(Value::Object(whole)).map_err(|e| e.to_string())
}

fn kind(q: &Edit) -> Kind {
    Kind::of_name(&q.name).unwrap_or_else(|| panic!("{}: not a resource name", q.id))
}

/// The engine's answer: the error kind, or nothing (the store is read afterwards).
fn engine_edit(location: &str, q: &Edit) -> Result<(), String> {
    let store = polemos_engine::open(location, polemos_engine::Access::ReadWrite).expect("open");
    let done = match q.op.as_str() {
        "create" => {
            let r = record(kind(q), &q.name, &q.changes).expect("a record");
            write::create(&*store, r, None, "test").map(|_| ())
        }
        "update" => {
            let mask = Mask::from_paths(q.mask.clone());
            write::update(&*store, &q.name, &q.changes, &mask, q.etag, "test").map(|_| ())
        }
        "delete" => write::delete(&*store, &q.name, q.etag, "test").map(|_| ()),
        other => panic!("{}: unknown op {other}", q.id),
    };
    done.map_err(|e| e.kind().as_str().to_owned())
}

/// A message of `T` with only the fields `q.changes` names set, as a client sends it: the
/// values converted from the table's JSON form by way of a whole record (`template` with the
/// changes put in).
fn message<T: Resource>(q: &Edit, template: &Map<String, Value>) -> T::Pb {
    let mut whole = template.clone();
    whole.extend(q.changes.clone());
    let full = record(T::KIND, &q.name, &whole).expect("a record");
    let full = T::from_record(full).expect("kind").out(0);
    let mut msg = T::Pb::default();
    T::set_pb_name(&mut msg, q.name.clone());
    for field in q.changes.keys() {
        T::merge(&mut msg, &full, field);
    }
    msg
}

fn etag(q: &Edit) -> String {
    q.etag.map(|r| format!("r{r}")).unwrap_or_default()
}

fn mask(q: &Edit) -> Option<prost_types::FieldMask> {
    q.mask.clone().map(|paths| prost_types::FieldMask { paths })
}

/// The gRPC answer (only actors and stances are in the table; another kind fails loudly).
async fn grpc_edit(location: &str, q: &Edit) -> Result<(), String> {
    let store: std::sync::Arc<dyn Store> = {
        let at = location.to_owned();
        tokio::task::spawn_blocking(move || {
            std::sync::Arc::from(
                polemos_engine::open(&at, polemos_engine::Access::ReadWrite).expect("open"),
            )
        })
        .await
        .expect("open task")
    };
    // A template for converting the changes: the record itself, or another of its kind.
    let template = {
        let (s, name, k) = (std::sync::Arc::clone(&store), q.name.clone(), kind(q));
        tokio::task::spawn_blocking(move || {
            let any = polemos_engine::list(&*s, k, &polemos_engine::Filter::default())
                .expect("list")
                .into_iter()
                .next()
                .expect("a record of the kind");
            polemos_engine::get(&*s, &name, None)
                .map_or_else(|_| body(&any.value), |v| body(&v.value))
                .expect("a body")
        })
        .await
        .expect("template task")
    };
    let server = serve(store).await;
    let mut d =
        DossierServiceClient::with_interceptor(server.channel().await, Auth::key(&server.admin));
    let e = etag(q);
    let reply: Result<(), tonic::Status> = match (q.op.as_str(), kind(q)) {
        ("create", Kind::Actor) => d
            .create_actor(pb::CreateActorRequest {
                actor: Some(message::<polemos_core::Actor>(q, &Map::new())),
                ..Default::default()
            })
            .await
            .map(|_| ()),
        ("create", Kind::Stance) => d
            .create_stance(pb::CreateStanceRequest {
                stance: Some(message::<polemos_core::Stance>(q, &Map::new())),
                ..Default::default()
            })
            .await
            .map(|_| ()),
        ("update", Kind::Actor) => {
            let mut actor = message::<polemos_core::Actor>(q, &template);
            actor.etag = e;
            d.update_actor(pb::UpdateActorRequest {
                actor: Some(actor),
                update_mask: mask(q),
            })
            .await
            .map(|_| ())
        }
        ("update", Kind::Stance) => {
            let mut stance = message::<polemos_core::Stance>(q, &template);
            stance.etag = e;
            d.update_stance(pb::UpdateStanceRequest {
                stance: Some(stance),
                update_mask: mask(q),
            })
            .await
            .map(|_| ())
        }
        ("delete", Kind::Actor) => d
            .delete_actor(pb::DeleteActorRequest {
                name: q.name.clone(),
                etag: e,
            })
            .await
            .map(|_| ()),
        ("delete", Kind::Stance) => d
            .delete_stance(pb::DeleteStanceRequest {
                name: q.name.clone(),
                etag: e,
            })
            .await
            .map(|_| ()),
        (op, k) => panic!("{}: no gRPC call here for {op} of {k:?}", q.id),
    };
    drop(d);
    server.stop().await;
    reply.map_err(|s| kind_of_status(&s))
}

/// What the table pins about the engine's answer.
fn pinned(
    q: &Edit,
    answer: &Result<(), String>,
    before: Option<&Map<String, Value>>,
    after: Option<&Map<String, Value>>,
) -> Vec<String> {
    let mut wrong = Vec::new();
    match (answer, &q.error) {
        (Err(kind), Some(want)) if kind == want => return wrong,
        (Ok(()), None) => {}
        (got, want) => {
            wrong.push(format!("{}: engine {got:?}, the table says {want:?}", q.id));
            return wrong;
        }
    }
    if q.op == "delete" {
        if after.is_some() {
            wrong.push(format!("{}: still stored after the delete", q.id));
        }
        return wrong;
    }
    let Some(after) = after else {
        wrong.push(format!("{}: not stored", q.id));
        return wrong;
    };
    for (field, want) in &q.expect {
        if after.get(field) != Some(want) {
            wrong.push(format!(
                "{}: {field} is {:?}, not {want}",
                q.id,
                after.get(field)
            ));
        }
    }
    for field in &q.keeps {
        let was = before.and_then(|b| b.get(field));
        if was.is_none() || after.get(field) != was {
            wrong.push(format!("{}: {field} changed from {was:?}", q.id));
        }
    }
    for field in &q.cleared {
        if after.contains_key(field) {
            wrong.push(format!("{}: {field} not cleared", q.id));
        }
    }
    wrong
}

/// Asks every edit question through the engine and gRPC, each on a fresh store from `fresh`
/// seeded with the table's seed, and returns the disagreements.
pub async fn run_edits(fresh: &(dyn Fn() -> String + Sync)) -> Vec<String> {
    let make = fresh;
    let table = table();
    let seeded = || {
        let at = tokio::task::block_in_place(make);
        for file in &table.seed {
            let out = super::cli(&[
                "--db".into(),
                at.clone(),
                "import".into(),
                root().join(file).display().to_string(),
            ]);
            assert!(out.status.success(), "seeding {file}");
        }
        at
    };
    let read = |at: String, name: String| async move {
        tokio::task::spawn_blocking(move || stored(&at, &name))
            .await
            .expect("read task")
    };
    let mut failures = Vec::new();
    for q in &table.edits {
        let at = seeded();
        let before = read(at.clone(), q.name.clone()).await;
        let engine = {
            let (at, q) = (at.clone(), q.clone());
            tokio::task::spawn_blocking(move || engine_edit(&at, &q))
                .await
                .expect("engine task")
        };
        let engine_after = read(at, q.name.clone()).await;
        failures.extend(pinned(q, &engine, before.as_ref(), engine_after.as_ref()));

        let at = seeded();
        let grpc = grpc_edit(&at, q).await;
        let grpc_after = read(at, q.name.clone()).await;
        if (&grpc, &grpc_after) != (&engine, &engine_after) {
            failures.push(format!(
                "{}: gRPC {grpc:?} {grpc_after:?} != engine {engine:?} {engine_after:?}",
                q.id
            ));
        }
    }
    failures
}
