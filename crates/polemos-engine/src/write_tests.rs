use polemos_core::Record;
use serde_json::{Map, Value, json};

use super::*;
use crate::ErrorKind;
use crate::testing::kuril;

fn changes(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => panic!("changes are an object"),
    }
}

fn actor(record: &Record) -> &polemos_core::Actor {
    match record {
        Record::Actor(a) => a,
        other => panic!("not an actor: {other:?}"),
    }
}

#[test]
fn no_mask_changes_only_the_fields_given() {
    let store = kuril();
    let before = crate::get(&*store, "actors/JPN", None).expect("get");
    assert!(
        !actor(&before.value).aliases.is_empty(),
        "the reference has aliases"
    );
    let after = update(
        &*store,
        "actors/JPN",
        &changes(json!({"display_name": "Nippon"})),
        &Mask::Set,
        None,
        "test",
    )
    .expect("update");
    let (a, b) = (actor(&after.value), actor(&before.value));
    assert_eq!(a.display_name, "Nippon");
    assert_eq!(a.aliases, b.aliases, "aliases kept");
    assert_eq!(a.codes, b.codes, "codes kept");
    assert_eq!(a.kind, b.kind, "kind kept");
    assert!(after.revision > before.revision);
}

#[test]
fn star_replaces_every_writable_field() {
    let store = kuril();
    let after = update(
        &*store,
        "actors/JPN",
        &changes(json!({"kind": "state", "display_name": "Japan"})),
        &Mask::from_paths(Some(vec!["*".into()])),
        None,
        "test",
    )
    .expect("update");
    let a = actor(&after.value);
    assert_eq!(a.display_name, "Japan");
    assert!(a.aliases.is_empty(), "`*` clears what is not given");
    assert_eq!(a.name.as_str(), "actors/JPN", "the name stays");
}

#[test]
fn a_mask_path_not_given_clears_it_and_a_required_one_is_refused() {
    let store = kuril();
    let after = update(
        &*store,
        "actors/JPN",
        &Map::new(),
        &Mask::Paths(vec!["aliases".into()]),
        None,
        "test",
    )
    .expect("clear aliases");
    assert!(actor(&after.value).aliases.is_empty());
    let e = update(
        &*store,
        "actors/JPN",
        &Map::new(),
        &Mask::Paths(vec!["display_name".into()]),
        None,
        "test",
    )
    .expect_err("display_name is required");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.to_string().contains("display_name"), "{e}");
}

#[test]
fn unknown_mask_paths_and_changes_are_refused_by_name() {
    let store = kuril();
    for (mask, given) in [
        (Mask::Paths(vec!["nickname".into()]), json!({})),
        (Mask::Set, json!({"nickname": "x"})),
    ] {
        let e = update(&*store, "actors/JPN", &changes(given), &mask, None, "t")
            .expect_err("unknown field");
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
        let text = e.to_string();
        assert!(
            text.contains("update_mask") && text.contains("`nickname`"),
            "{text}"
        );
    }
    // Nothing was written.
    let a = crate::get(&*store, "actors/JPN", None).expect("get");
    assert_ne!(actor(&a.value).display_name, "x");
}

#[test]
fn unknown_names_are_not_found_and_stale_etags_abort() {
    let store = kuril();
    let none = Map::new();
    let e = update(&*store, "actors/XXX", &none, &Mask::Set, None, "t").expect_err("unknown");
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = update(&*store, "nonsense", &none, &Mask::Set, None, "t").expect_err("bad name");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    let e = delete(&*store, "actors/XXX", None, "t").expect_err("unknown");
    assert_eq!(e.kind(), ErrorKind::NotFound);

    let at = crate::get(&*store, "actors/JPN", None)
        .expect("get")
        .revision;
    let change = changes(json!({"display_name": "A"}));
    update(&*store, "actors/JPN", &change, &Mask::Set, Some(at), "t").expect("fresh etag");
    let e =
        update(&*store, "actors/JPN", &change, &Mask::Set, Some(at), "t").expect_err("stale etag");
    assert_eq!(e.kind(), ErrorKind::Aborted);
    let e = delete(&*store, "actors/JPN", Some(at), "t").expect_err("stale etag");
    assert_eq!(e.kind(), ErrorKind::Aborted);
}

#[test]
fn create_refuses_what_exists_and_replays_a_retry() {
    let store = kuril();
    let jpn = crate::get(&*store, "actors/JPN", None).expect("get").value;
    let e = create(&*store, jpn.clone(), None, "t").expect_err("exists");
    assert_eq!(e.kind(), ErrorKind::AlreadyExists);

    let Record::Actor(mut a) = jpn else {
        panic!("actor")
    };
    a.name = polemos_core::ActorName::parse("actors/XYZ").expect("name");
    let made = create(&*store, Record::Actor(a.clone()), Some("req-1"), "t").expect("create");
    let again = create(&*store, Record::Actor(a.clone()), Some("req-1"), "t").expect("retry");
    assert_eq!(made, again, "a retry answers the first create");
    a.display_name = "Other".into();
    let e = create(&*store, Record::Actor(a), Some("req-1"), "t").expect_err("reused id");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.to_string().contains("request_id"), "{e}");

    let long = "x".repeat(MAX_REQUEST_ID + 1);
    let any = crate::get(&*store, "actors/XYZ", None).expect("get").value;
    let e = create(&*store, any, Some(&long), "t").expect_err("long id");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
}

#[test]
fn delete_removes_and_refuses_what_others_refer_to() {
    let store = kuril();
    let stance = crate::list(&*store, Kind::Stance, &crate::Filter::default())
        .expect("list")
        .into_iter()
        .next()
        .expect("a stance");
    let name = polemos_store::record_name(&stance.value).to_owned();
    delete(&*store, &name, Some(stance.revision), "t").expect("delete");
    let e = crate::get(&*store, &name, None).expect_err("gone");
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = delete(&*store, "actors/JPN", None, "t").expect_err("in use");
    assert_eq!(e.kind(), ErrorKind::FailedPrecondition);
}

#[test]
fn a_document_hash_follows_its_text() {
    let store = kuril();
    let docs = crate::list(&*store, Kind::Document, &crate::Filter::default()).expect("list");
    let doc = docs.first().expect("the reference has a document");
    let Record::Document(old) = &doc.value else {
        panic!("document")
    };
    // Text added at the end keeps the evidence spans the stances point into.
    let text = format!("{} A sentence more.", old.text);
    let name = old.name.to_string();
    let after = update(
        &*store,
        &name,
        &changes(json!({"text": text})),
        &Mask::Set,
        None,
        "t",
    )
    .expect("update");
    let Record::Document(d) = after.value else {
        panic!("document")
    };
    assert_eq!(d.content_hash, polemos_core::content_hash(&text));
    assert_ne!(d.content_hash, old.content_hash);
}
