//! The assembled analyses against the core's own functions on the reference dossier, and the
//! errors every interface inherits from them.

use chrono::NaiveDate;
use polemos_core::ActorName;
use polemos_store::View;

use super::*;
use crate::ErrorKind;
use crate::testing::kuril;

fn day() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2019, 6, 1)
}

#[test]
fn an_unknown_or_malformed_dispute_is_refused_by_kind() {
    let store = kuril();
    let e = snapshot(&*store, "atlantis", None).expect_err("unknown");
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = snapshot(&*store, "a b/c", None).expect_err("malformed");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    let e = snapshot(&*store, "kuril-islands", Some(99)).expect_err("past the head");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    let dossier = store.snapshot(View::current()).expect("snapshot");
    assert!(Scope::new(&dossier, "atlantis", day()).is_err());
}

#[test]
fn each_analysis_is_the_cores_on_the_disputes_records() {
    let store = kuril();
    let dossier = snapshot(&*store, "kuril-islands", None).expect("snapshot");
    let scope = Scope::new(&dossier, "kuril-islands", day()).expect("scope");
    let options = DEFAULTS.consolidation();
    let current = scope.current(&options).expect("current");
    assert!(!current.is_empty(), "the reference has stances");
    let (matrix, _) = scope.agreement(&options).expect("agreement");
    let parties: Vec<ActorName> = scope
        .dispute
        .parties
        .iter()
        .map(|p| p.actor.clone())
        .collect();
    assert_eq!(matrix.actors[..parties.len()], parties[..], "parties first");
    assert_eq!(
        scope.coalitions(&options, None).expect("coalitions"),
        coalitions(&matrix, DEFAULTS.max_distance).expect("core")
    );
    let all = scope
        .shifts(&options, Some(0.0), None, None)
        .expect("shifts");
    let jpn = ActorName::parse("actors/JPN").expect("name");
    let of_jpn = scope
        .shifts(&options, Some(0.0), Some(&jpn), None)
        .expect("shifts");
    assert!(of_jpn.iter().all(|s| s.actor == jpn));
    assert!(of_jpn.len() <= all.len());
    let later = scope
        .shifts(
            &options,
            Some(0.0),
            None,
            NaiveDate::from_ymd_opt(2100, 1, 1),
        )
        .expect("shifts");
    assert!(later.is_empty(), "nothing shifts after `since` in 2100");
    let e = scope
        .coalitions(&options, Some(-1.0))
        .expect_err("negative distance");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
}

#[test]
fn series_keeps_only_the_pairs_asked_for() {
    let store = kuril();
    let dossier = snapshot(&*store, "kuril-islands", None).expect("snapshot");
    let scope = Scope::new(&dossier, "kuril-islands", day()).expect("scope");
    let all = scope.series(series_options(None, true), None, None, None);
    assert!(!all.is_empty(), "the reference has events");
    let a = all[0].a.clone();
    let mine = scope.series(series_options(None, true), Some(&a), None, None);
    assert!(mine.iter().all(|s| s.a == a || s.b == a));
    assert!(!mine.is_empty());
}

#[test]
fn the_store_series_counts_every_event_and_is_refused_like_a_disputes() {
    let store = kuril();
    let options = series_options(None, true);
    let all = store_series(&*store, None, day(), options, Pairs::default()).expect("series");
    let dossier = store.snapshot(View::current()).expect("snapshot");
    let docs = DocumentIndex::new(&dossier.documents);
    let core = pair_series(
        &dossier.events,
        &dossier.actors,
        &docs,
        day().expect("day"),
        options,
    );
    assert_eq!(
        all, core,
        "every event of the store, as the core counts them"
    );
    let total =
        |s: &[PairSeries]| -> usize { s.iter().flat_map(|p| &p.buckets).map(|b| b.total).sum() };
    assert!(total(&all) > 0, "the reference has events");
    let jpn = ActorName::parse("actors/JPN").expect("name");
    let with_japan = Pairs {
        actor: Some(&jpn),
        ..Pairs::default()
    };
    let some = store_series(&*store, None, day(), options, with_japan).expect("series");
    assert!(!some.is_empty() && some.iter().all(|p| p.a == jpn || p.b == jpn));
    let e = store_series(&*store, Some(99), day(), options, Pairs::default())
        .expect_err("past the head");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    let alone = Pairs {
        other: Some(&jpn),
        ..Pairs::default()
    };
    let e = store_series(&*store, None, day(), options, alone).expect_err("other alone");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
}

#[test]
fn a_snapshots_series_is_the_stores_and_a_distance_is_checked_once() {
    let store = kuril();
    let options = SeriesOptions {
        granularity: DEFAULTS.granularity,
        roll_up: true,
    };
    let dossier = store.snapshot(View::current()).expect("snapshot");
    let from_store = store_series(&*store, None, day(), options, Pairs::default()).expect("a");
    let from_snapshot =
        snapshot_series(&dossier, day(), options, Pairs::default()).expect("series");
    assert!(!from_store.is_empty());
    assert_eq!(
        serde_json::to_value(&from_snapshot).expect("json"),
        serde_json::to_value(&from_store).expect("json")
    );

    // The coalition distance: its range is checked here for every interface.
    assert_eq!(max_distance(None).expect("default"), DEFAULTS.max_distance);
    assert_eq!(max_distance(Some(1.0)).expect("1"), 1.0);
    for bad in [2.0, -0.5, f64::NAN] {
        let e = max_distance(Some(bad)).expect_err("out of range");
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
        assert!(e.to_string().contains("max_distance"), "{e}");
    }
    let dossier = snapshot(&*store, "kuril-islands", None).expect("snapshot");
    let scope = Scope::new(&dossier, "kuril-islands", day()).expect("scope");
    let e = scope
        .coalitions(&DEFAULTS.consolidation(), Some(2.0))
        .expect_err("2 is no distance");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
}
