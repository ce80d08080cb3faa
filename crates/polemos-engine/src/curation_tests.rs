//! Accept, rename and merge on the reference dossier plus `tests/parity/proposed.json`: a
//! proposed dispute `south-kurils` with two proposed issues (one, `peace-treaty`, shares its id
//! with an issue of `kuril-islands`), two stances (one with a condition) and an event on both.

use super::*;
use crate::{ErrorKind, Filter, list};

const PROPOSED: &str = include_str!("../../../tests/parity/proposed.json");

fn store() -> Box<dyn Store> {
    let store = crate::testing::kuril();
    crate::import(&*store, PROPOSED, "proposed").expect("proposed dispute");
    store
}

fn names(store: &dyn Store, kind: Kind, filter: &Filter) -> Vec<String> {
    list(store, kind, filter)
        .expect("list")
        .iter()
        .map(|r| polemos_store::record_name(&r.value).to_owned())
        .collect()
}

fn of(dispute: &str) -> Filter {
    Filter {
        dispute: Some(dispute.into()),
        ..Filter::default()
    }
}

fn kind(result: Result<Curated>) -> ErrorKind {
    result.expect_err("refused").kind()
}

#[test]
fn ingest_marks_what_it_proposes_and_accept_clears_the_marks_once() {
    let store = store();
    let Record::Dispute(d) = crate::get(&*store, "disputes/south-kurils", None)
        .expect("stored")
        .value
    else {
        unreachable!()
    };
    assert!(d.proposed, "the dossier's mark is stored");
    let done = accept(&*store, "south-kurils").expect("accept");
    assert!(!done.dispute.proposed);
    assert_eq!(done.issues.len(), 2);
    for v in store.list(Kind::Issue, View::current()).expect("issues") {
        let Record::Issue(i) = v.value else {
            unreachable!()
        };
        assert!(!i.proposed, "{} still proposed", i.name);
    }
    let head = store.head().expect("head");
    let again = accept(&*store, "disputes/south-kurils").expect("accept again");
    assert_eq!(
        again.revision, head,
        "nothing left to accept: nothing written"
    );
    assert_eq!(store.head().expect("head"), head);
    assert_eq!(kind(accept(&*store, "atlantis")), ErrorKind::NotFound);
    assert_eq!(
        kind(accept(&*store, "Not A Name")),
        ErrorKind::InvalidArgument
    );
}

#[test]
fn rename_moves_issues_stances_and_events_together() {
    let store = store();
    let before = names(&*store, Kind::Stance, &of("south-kurils"));
    let done = rename(
        &*store,
        "south-kurils",
        Some("southern-kurils"),
        Some("Southern Kurils"),
    )
    .expect("rename");
    assert_eq!(done.dispute.name.as_str(), "disputes/southern-kurils");
    assert_eq!(done.dispute.title, "Southern Kurils");
    assert!(done.dispute.proposed, "renaming is not accepting");
    assert_eq!((done.stances, done.events), (2, 1));
    assert_eq!(
        done.issues
            .iter()
            .map(IssueName::as_str)
            .collect::<Vec<_>>(),
        [
            "disputes/southern-kurils/issues/fishing-rights",
            "disputes/southern-kurils/issues/peace-treaty"
        ]
    );
    // The same stances, now under the new name; the old name is gone with its issues.
    assert_eq!(names(&*store, Kind::Stance, &of("southern-kurils")), before);
    assert_eq!(
        list(&*store, Kind::Stance, &of("south-kurils"))
            .expect_err("gone")
            .kind(),
        ErrorKind::NotFound
    );
    let Record::Stance(s) = crate::get(&*store, "stances/proposed-rus-peace-treaty", None)
        .expect("stance")
        .value
    else {
        unreachable!()
    };
    assert_eq!(
        s.conditions[0].issue.as_str(),
        "disputes/southern-kurils/issues/fishing-rights",
        "conditions move too"
    );

    // A title alone keeps the name.
    let retitled = rename(
        &*store,
        "southern-kurils",
        None,
        Some("The southern Kurils"),
    )
    .expect("retitle");
    assert_eq!(retitled.dispute.name.as_str(), "disputes/southern-kurils");
    assert_eq!(retitled.dispute.title, "The southern Kurils");
}

#[test]
fn rename_refuses_bad_input_and_writes_nothing() {
    let store = store();
    let head = store.head().expect("head");
    assert_eq!(
        kind(rename(&*store, "south-kurils", Some("kuril-islands"), None)),
        ErrorKind::AlreadyExists
    );
    assert_eq!(
        kind(rename(&*store, "atlantis", Some("new-atlantis"), None)),
        ErrorKind::NotFound
    );
    assert_eq!(
        kind(rename(&*store, "south-kurils", None, None)),
        ErrorKind::InvalidArgument
    );
    assert_eq!(
        kind(rename(&*store, "south-kurils", Some("Bad Name!"), None)),
        ErrorKind::InvalidArgument
    );
    assert_eq!(
        kind(rename(&*store, "south-kurils", None, Some("  "))),
        ErrorKind::InvalidArgument
    );
    assert_eq!(store.head().expect("head"), head);
}

#[test]
fn merge_maps_shared_issues_moves_the_others_and_removes_the_proposal() {
    let store = store();
    let done = merge(&*store, "south-kurils", "kuril-islands").expect("merge");
    assert_eq!(done.dispute.name.as_str(), "disputes/kuril-islands");
    assert_eq!((done.stances, done.events), (2, 1));
    // peace-treaty maps onto kuril-islands' own; fishing-rights moves under it, a name stored
    // by the merge and so listed last (lists are in first-stored order).
    assert_eq!(
        names(&*store, Kind::Issue, &of("kuril-islands")),
        [
            "disputes/kuril-islands/issues/peace-treaty",
            "disputes/kuril-islands/issues/sovereignty",
            "disputes/kuril-islands/issues/joint-economic-activities",
            "disputes/kuril-islands/issues/fishing-rights",
        ]
    );
    assert_eq!(done.issues.len(), 4);
    assert_eq!(
        names(&*store, Kind::Dispute, &Filter::default()),
        ["disputes/kuril-islands"]
    );
    let Record::Event(e) = crate::get(&*store, "events/proposed-fishing-talks", None)
        .expect("event")
        .value
    else {
        unreachable!()
    };
    assert_eq!(
        e.issues.iter().map(IssueName::as_str).collect::<Vec<_>>(),
        [
            "disputes/kuril-islands/issues/fishing-rights",
            "disputes/kuril-islands/issues/peace-treaty"
        ]
    );
    // The reference dossier's 6 stances and the 2 merged ones.
    assert_eq!(names(&*store, Kind::Stance, &of("kuril-islands")).len(), 8);
}

#[test]
fn merge_refuses_itself_and_unknown_disputes_and_writes_nothing() {
    let store = store();
    let head = store.head().expect("head");
    assert_eq!(
        kind(merge(&*store, "south-kurils", "south-kurils")),
        ErrorKind::InvalidArgument
    );
    assert_eq!(
        kind(merge(&*store, "south-kurils", "atlantis")),
        ErrorKind::NotFound
    );
    assert_eq!(
        kind(merge(&*store, "atlantis", "kuril-islands")),
        ErrorKind::NotFound
    );
    assert_eq!(store.head().expect("head"), head);
}
