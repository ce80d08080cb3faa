//! The behaviour every backend must show, as functions over a fresh, empty [`Store`]. Each
//! backend's tests call every function here, so the backends cannot drift apart.

#![allow(clippy::missing_panics_doc, clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use polemos_core::{Actor, ActorCodes, ActorKind, ActorName, Dossier, Position, Record};

use polemos_store::{
    Change, ChangeRange, Kind, Link, LinkField, ListQuery, Precondition, Store, StoreError, View,
    WriteBatch,
};

/// The reference dossier shipped in `examples/`.
#[must_use]
pub fn reference_dossier() -> Dossier {
    Dossier::from_json(include_str!(
        "../../../examples/dossiers/kuril-islands.json"
    ))
    .expect("reference dossier parses")
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// Runs every check, each on a store made fresh by `fresh`.
pub fn run_all(fresh: &dyn Fn() -> Box<dyn Store>) {
    import_is_idempotent(fresh().as_ref());
    invalid_batches_write_nothing(fresh().as_ref());
    preconditions_guard_updates(fresh().as_ref());
    deletes_keep_history_and_references(fresh().as_ref());
    change_feed_resumes(fresh().as_ref());
    valid_time_cut(fresh().as_ref());
    list_reads_entities_with_etags(fresh().as_ref());
    request_ids_replay_the_first_commit(fresh().as_ref());
    point_reads_agree(fresh().as_ref());
    validate_only_checks_and_writes_nothing(fresh().as_ref());
    pages_follow_filters_views_and_changes(fresh().as_ref());
    involvement_follows_every_write(fresh().as_ref());
    lists_keep_first_stored_order(fresh().as_ref());
    evidence_is_checked_against_stored_documents(fresh().as_ref());
    crate::ingest::batches_store_what_single_commits_store(fresh);
}

/// Evidence spans are checked against the document's text when the document was stored by an
/// earlier batch, and a document's new text must still hold the spans stored records point
/// into: otherwise `export` would write what `import` refuses.
pub fn evidence_is_checked_against_stored_documents(store: &dyn Store) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    let head = store.head().unwrap();
    let mut stance = dossier.stances[0].clone();
    stance.name = "stances/alone".parse().unwrap();
    stance.evidence[0].span = Some(polemos_core::Span {
        start: 0,
        end: 10_000_000,
    });
    let mut batch = WriteBatch::new("a stance alone");
    batch.put(Record::Stance(stance));
    match store.commit(batch).unwrap_err() {
        StoreError::Invalid(v) => {
            assert!(v.to_string().contains("stances[0].evidence[0].span"), "{v}")
        }
        other => panic!("expected a validation error, got {other}"),
    }
    let mut doc = dossier.documents[0].clone();
    doc.text = "a much shorter text".into();
    doc.content_hash = polemos_core::content_hash(&doc.text);
    let mut batch = WriteBatch::new("shorten the document");
    batch.put(Record::Document(doc.clone()));
    match store.commit(batch).unwrap_err() {
        StoreError::Invalid(v) => assert!(
            v.to_string()
                .contains("documents[0].text: the new text does not hold"),
            "{v}"
        ),
        other => panic!("expected a validation error, got {other}"),
    }
    assert_eq!(store.head().unwrap(), head, "nothing written");
    // Text added at the end keeps every span: accepted.
    doc.text = format!("{}\n\nA postscript.", dossier.documents[0].text);
    doc.content_hash = polemos_core::content_hash(&doc.text);
    let mut batch = WriteBatch::new("append to the document");
    batch.put(Record::Document(doc));
    store.commit(batch).unwrap();
}

pub fn import_is_idempotent(store: &dyn Store) {
    let dossier = reference_dossier();
    assert_eq!(store.head().unwrap(), 0);
    let first = store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    assert_eq!(first.revision, 1);
    assert_eq!(first.created, dossier.len());
    let again = store
        .commit(WriteBatch::from_dossier(&dossier, "import again"))
        .unwrap();
    assert_eq!(
        (again.revision, again.changed(), again.unchanged),
        (1, 0, dossier.len())
    );

    let mut snapshot = store.snapshot(View::current()).unwrap();
    let mut expected = dossier.clone();
    sort(&mut snapshot);
    sort(&mut expected);
    assert_eq!(snapshot, expected, "snapshot gives back what was imported");

    let got = store
        .get(Kind::Actor, "actors/JPN", View::current())
        .unwrap()
        .expect("JPN stored");
    assert_eq!(got.revision, 1);
    assert!(matches!(got.value, Record::Actor(ref a) if a.display_name == "Japan"));
    assert!(
        store
            .get(Kind::Actor, "actors/XXX", View::current())
            .unwrap()
            .is_none()
    );

    let doc = &dossier.documents[0];
    assert_eq!(
        store
            .document_by_hash(&doc.content_hash)
            .unwrap()
            .as_deref(),
        Some(doc.name.as_str())
    );
}

pub fn invalid_batches_write_nothing(store: &dyn Store) {
    let mut dossier = reference_dossier();
    dossier.stances[2].actor = "actors/NOBODY".parse().unwrap();
    let err = store
        .commit(WriteBatch::from_dossier(&dossier, "bad"))
        .unwrap_err();
    match err {
        StoreError::Invalid(v) => assert!(
            v.to_string()
                .contains("stances[2].actor: refers to actors/NOBODY"),
            "{v}"
        ),
        other => panic!("expected a validation error, got {other}"),
    }
    assert_eq!(store.head().unwrap(), 0, "a failed batch writes nothing");
    assert!(store.snapshot(View::current()).unwrap().is_empty());
}

pub fn preconditions_guard_updates(store: &dyn Store) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    let actor = dossier.actors[0].clone();

    let mut create = WriteBatch::new("create again");
    create.put_if(Record::Actor(actor.clone()), Precondition::MustNotExist);
    assert!(matches!(
        store.commit(create).unwrap_err(),
        StoreError::AlreadyExists { .. }
    ));

    let mut renamed = actor.clone();
    renamed.display_name = "Nippon".into();
    let mut update = WriteBatch::new("update");
    update.put_if(Record::Actor(renamed.clone()), Precondition::AtRevision(1));
    let done = store.commit(update).unwrap();
    assert_eq!((done.revision, done.updated), (2, 1));

    // A second writer still holding revision 1 must not overwrite silently.
    let mut stale = WriteBatch::new("stale update");
    renamed.display_name = "Yamato".into();
    stale.put_if(Record::Actor(renamed), Precondition::AtRevision(1));
    match store.commit(stale).unwrap_err() {
        StoreError::Conflict {
            expected, actual, ..
        } => assert_eq!((expected, actual), (1, Some(2))),
        other => panic!("expected a conflict, got {other}"),
    }
    let now = store
        .get(Kind::Actor, actor.name.as_str(), View::current())
        .unwrap()
        .unwrap();
    assert!(matches!(now.value, Record::Actor(ref a) if a.display_name == "Nippon"));
}

pub fn deletes_keep_history_and_references(store: &dyn Store) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();

    let mut delete_actor = WriteBatch::new("delete Japan");
    delete_actor.delete(Kind::Actor, "actors/JPN", Precondition::None);
    assert!(matches!(
        store.commit(delete_actor).unwrap_err(),
        StoreError::InUse { .. }
    ));

    let stance = dossier.stances[0].name.to_string();
    let mut delete = WriteBatch::new("retract");
    delete.delete(Kind::Stance, stance.clone(), Precondition::AtRevision(1));
    assert_eq!(store.commit(delete).unwrap().deleted, 1);
    assert!(
        store
            .get(Kind::Stance, &stance, View::current())
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .get(Kind::Stance, &stance, View::at_revision(1))
            .unwrap()
            .is_some(),
        "history keeps it"
    );
    assert_eq!(
        store.snapshot(View::at_revision(1)).unwrap().stances.len(),
        dossier.stances.len()
    );
    assert_eq!(
        store.snapshot(View::current()).unwrap().stances.len(),
        dossier.stances.len() - 1
    );

    let mut again = WriteBatch::new("retract twice");
    again.delete(Kind::Stance, stance, Precondition::None);
    assert!(matches!(
        store.commit(again).unwrap_err(),
        StoreError::NotFound { .. }
    ));
}

/// `get` of the current view and `try_get` (where a backend answers it) give what the log says
/// after creates, updates and deletes, at every revision.
pub fn point_reads_agree(store: &dyn Store) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    let actor = dossier.actors[0].name.to_string();
    let stance = dossier.stances[0].name.to_string();
    // Read each entity before it changes: a backend that caches current reads must see every
    // later commit (an update, a delete, a creation of what was missing).
    for (kind, name) in [
        (Kind::Actor, actor.as_str()),
        (Kind::Stance, stance.as_str()),
        (Kind::Actor, "actors/NEW"),
    ] {
        store.get(kind, name, View::current()).unwrap();
        if let Some(quick) = store.try_get(kind, name, View::current()) {
            quick.unwrap();
        }
    }
    let mut renamed = dossier.actors[0].clone();
    renamed.display_name = "Renamed".into();
    let mut update = WriteBatch::new("rename");
    update.put(Record::Actor(renamed));
    assert_eq!(store.commit(update).unwrap().revision, 2);
    let mut delete = WriteBatch::new("retract");
    delete.delete(Kind::Stance, stance.clone(), Precondition::None);
    assert_eq!(store.commit(delete).unwrap().revision, 3);
    let created = Actor {
        name: ActorName::parse("actors/NEW").unwrap(),
        kind: ActorKind::State,
        display_name: "New".into(),
        codes: ActorCodes::default(),
        aliases: Vec::new(),
        affiliations: Vec::new(),
    };
    let mut create = WriteBatch::new("create");
    create.put(Record::Actor(created));
    assert_eq!(store.commit(create).unwrap().revision, 4);

    let display = |found: Option<polemos_store::Versioned<Record>>| {
        found.map(|v| match v.value {
            Record::Actor(a) => (v.revision, a.display_name),
            other => (v.revision, format!("{:?}", Kind::of_record(&other))),
        })
    };
    let expectations = [
        (
            Kind::Actor,
            actor.as_str(),
            View::current(),
            Some((2, "Renamed".to_owned())),
        ),
        (
            Kind::Actor,
            actor.as_str(),
            View::at_revision(1),
            Some((1, dossier.actors[0].display_name.clone())),
        ),
        (Kind::Stance, stance.as_str(), View::current(), None),
        (
            Kind::Stance,
            stance.as_str(),
            View::at_revision(2),
            Some((1, "Stance".to_owned())),
        ),
        (Kind::Actor, "actors/XXX", View::current(), None),
        (
            Kind::Actor,
            "actors/NEW",
            View::current(),
            Some((4, "New".to_owned())),
        ),
        (Kind::Actor, "actors/NEW", View::at_revision(3), None),
    ];
    for (kind, name, view, expected) in expectations {
        let got = display(store.get(kind, name, view).unwrap());
        assert_eq!(got, expected, "get {name} at {view:?}");
        if let Some(quick) = store.try_get(kind, name, view) {
            assert_eq!(
                display(quick.unwrap()),
                expected,
                "try_get {name} at {view:?}"
            );
        }
    }
}

/// A validate-only batch answers as its commit would, errors included, and writes nothing.
pub fn validate_only_checks_and_writes_nothing(store: &dyn Store) {
    let dossier = reference_dossier();
    let mut dry = WriteBatch::from_dossier(&dossier, "try");
    dry.validate_only = true;
    let would = store.commit(dry).unwrap();
    assert_eq!((would.revision, would.created), (0, dossier.len()));
    assert_eq!(store.head().unwrap(), 0, "nothing written");
    assert!(store.changes_since(0, 10).unwrap().is_empty());

    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    let mut renamed = dossier.actors[0].clone();
    renamed.display_name = "Renamed".into();
    let mut dry = WriteBatch::from_dossier(&dossier, "try again");
    dry.ops.retain(|op| !matches!(op, polemos_store::Op::Put { record: Record::Actor(a), .. } if a.name == renamed.name));
    dry.put(Record::Actor(renamed.clone()));
    dry.validate_only = true;
    dry.request = Some(polemos_store::RequestId {
        id: "dry-1".into(),
        fingerprint: "f".into(),
    });
    let would = store.commit(dry).unwrap();
    assert_eq!(
        (
            would.revision,
            would.created,
            would.updated,
            would.unchanged
        ),
        (1, 0, 1, dossier.len() - 1)
    );
    let stored = store
        .get(Kind::Actor, renamed.name.as_str(), View::current())
        .unwrap()
        .unwrap();
    assert!(
        matches!(stored.value, Record::Actor(ref a) if a.display_name == dossier.actors[0].display_name)
    );

    // The checks are the commit's own: a stale precondition, a dangling reference.
    let mut stale = WriteBatch::new("stale");
    stale.put_if(Record::Actor(renamed.clone()), Precondition::AtRevision(7));
    stale.validate_only = true;
    assert!(matches!(
        store.commit(stale).unwrap_err(),
        StoreError::Conflict { .. }
    ));
    let mut bad = dossier.clone();
    bad.stances[0].actor = "actors/NOBODY".parse().unwrap();
    let mut dangling = WriteBatch::from_dossier(&bad, "dangling");
    dangling.validate_only = true;
    assert!(matches!(
        store.commit(dangling).unwrap_err(),
        StoreError::Invalid(_)
    ));

    // The request id was not spent by the dry run: a real commit under it applies.
    let mut real = WriteBatch::new("rename");
    real.put(Record::Actor(renamed));
    real.request = Some(polemos_store::RequestId {
        id: "dry-1".into(),
        fingerprint: "f".into(),
    });
    let done = store.commit(real).unwrap();
    assert_eq!((done.revision, done.updated, done.replay), (2, 1, None));
}

pub fn change_feed_resumes(store: &dyn Store) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    let mut stance = dossier.stances[0].clone();
    stance.position = Position::new(90.0).unwrap();
    let mut batch = WriteBatch::new("move");
    batch.put(Record::Stance(stance.clone()));
    store.commit(batch).unwrap();

    let all = store.changes_since(0, 10_000).unwrap();
    assert_eq!(all.len(), dossier.len() + 1);
    assert!(all.windows(2).all(|w| w[0].revision <= w[1].revision));
    let last = all.last().unwrap();
    assert_eq!(
        (last.revision, last.name.as_str()),
        (2, stance.name.as_str())
    );

    let first_page = store.changes_since(0, 5).unwrap();
    assert_eq!(first_page.len(), 5);
    let tail = store.changes_since(1, 100).unwrap();
    assert_eq!(
        tail.len(),
        1,
        "resuming from revision 1 sees only what came after it"
    );
    assert_eq!(tail[0].record, Some(Record::Stance(stance)));

    // Paging inside one large commit: skip what was read, stop at the byte budget.
    let rev1: Vec<&Change> = all.iter().filter(|c| c.revision == 1).collect();
    let range = |skip, limit, max_bytes| ChangeRange {
        after: 0,
        skip,
        limit,
        max_bytes,
    };
    let page = store.changes_in(range(3, 4, usize::MAX)).unwrap();
    assert_eq!(page.len(), 4);
    assert_eq!(
        page[0], *rev1[3],
        "skips the first three changes of revision 1"
    );
    let rest = store
        .changes_in(range(rev1.len(), 100, usize::MAX))
        .unwrap();
    assert_eq!(
        rest.len(),
        1,
        "skipping all of revision 1 leaves revision 2"
    );
    assert_eq!(rest[0].revision, 2);
    let one = store.changes_in(range(0, 100, 1)).unwrap();
    assert_eq!(
        one.len(),
        1,
        "a byte budget smaller than one body still returns one"
    );
    let none_past = store
        .changes_in(range(rev1.len() + 5, 100, usize::MAX))
        .unwrap();
    assert_eq!(
        none_past.len(),
        1,
        "a skip past the revision skips only that revision"
    );
}

pub fn valid_time_cut(store: &dyn Store) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    let before = store.snapshot(View::as_of(date("2018-09-15"))).unwrap();
    // Only Russia's stances from the forum (2018-09-12) had begun by the 15th.
    assert!(!before.stances.is_empty());
    assert!(
        before
            .stances
            .iter()
            .all(|s| s.valid_from <= date("2018-09-15"))
    );
    assert!(before.stances.len() < dossier.stances.len());
    assert!(
        before.documents.is_empty(),
        "the article was published on the 19th"
    );
    let after = store.snapshot(View::as_of(date("2018-12-31"))).unwrap();
    assert_eq!(after.stances.len(), dossier.stances.len());
}

pub fn list_reads_entities_with_etags(store: &dyn Store) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    let moved_name = dossier.stances[1].name.to_string();
    let mut moved = dossier.stances[1].clone();
    moved.position = Position::new(42.0).unwrap();
    let mut batch = WriteBatch::new("move");
    batch.put(Record::Stance(moved.clone()));
    assert_eq!(store.commit(batch).unwrap().revision, 2);
    let gone = dossier.stances[0].name.to_string();
    let mut delete = WriteBatch::new("retract");
    delete.delete(Kind::Stance, gone.clone(), Precondition::None);
    assert_eq!(store.commit(delete).unwrap().revision, 3);

    // Now: the deleted stance is absent, the moved one has etag 2 and its new value, the rest
    // keep etag 1; the order is the order they were first stored in (the import's).
    let now = store.list(Kind::Stance, View::current()).unwrap();
    assert_eq!(
        names(&now.iter().map(|v| v.value.clone()).collect::<Vec<_>>()),
        dossier.stances[1..]
            .iter()
            .map(|s| s.name.to_string())
            .collect::<Vec<_>>()
    );
    for entry in &now {
        let name = polemos_store::record_name(&entry.value);
        assert_ne!(name, gone);
        let expected = if name == moved_name { 2 } else { 1 };
        assert_eq!(entry.revision, expected, "etag of {name}");
        // The etag is the one a get reports.
        let got = store
            .get(Kind::Stance, name, View::current())
            .unwrap()
            .unwrap();
        assert_eq!((got.revision, &got.value), (entry.revision, &entry.value));
    }
    let moved_now = now
        .iter()
        .find(|e| polemos_store::record_name(&e.value) == moved_name)
        .unwrap();
    assert_eq!(moved_now.value, Record::Stance(moved));
    // The explicit head is the same view as "now".
    assert_eq!(store.list(Kind::Stance, View::at_revision(3)).unwrap(), now);

    // History: at revision 1 everything is as imported, all with etag 1.
    let then = store.list(Kind::Stance, View::at_revision(1)).unwrap();
    let imported: Vec<Record> = dossier
        .stances
        .iter()
        .cloned()
        .map(Record::Stance)
        .collect();
    assert_eq!(
        then.iter().map(|e| e.value.clone()).collect::<Vec<_>>(),
        imported
    );
    assert!(then.iter().all(|e| e.revision == 1));

    // Valid time applies as in a snapshot; other kinds are listed alone.
    let cut = View::as_of(date("2018-09-15"));
    let listed = store.list(Kind::Stance, cut).unwrap();
    let mut snap = store.snapshot(cut).unwrap();
    // A snapshot is in name order; a list in first-stored order.
    let order: Vec<String> = names(&listed.iter().map(|v| v.value.clone()).collect::<Vec<_>>());
    snap.stances
        .sort_by_key(|s| order.iter().position(|n| n == s.name.as_str()));
    assert_eq!(
        listed.into_iter().map(|e| e.value).collect::<Vec<_>>(),
        snap.stances
            .into_iter()
            .map(Record::Stance)
            .collect::<Vec<_>>()
    );
    let actors = store.list(Kind::Actor, View::current()).unwrap();
    assert_eq!(actors.len(), dossier.actors.len());
    assert!(actors.iter().all(|e| matches!(e.value, Record::Actor(_))));
    assert!(store.list(Kind::Document, cut).unwrap().is_empty());
}

pub fn request_ids_replay_the_first_commit(store: &dyn Store) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    let mut actor = dossier.actors[0].clone();
    actor.name = "actors/NEW".parse().unwrap();
    let with_id = |actor: &polemos_core::Actor, id: &str, fingerprint: &str| {
        let mut batch = WriteBatch::new("create");
        batch.put_if(Record::Actor(actor.clone()), Precondition::MustNotExist);
        batch.request = Some(polemos_store::RequestId {
            id: id.into(),
            fingerprint: fingerprint.into(),
        });
        batch
    };

    let first = store.commit(with_id(&actor, "req-1", "fp-a")).unwrap();
    assert_eq!(
        (first.revision, first.created, first.replay.clone()),
        (2, 1, None)
    );

    // The entity changes afterwards; a retry still reports the first commit and writes nothing
    // (its MustNotExist precondition is not even looked at).
    let mut renamed = actor.clone();
    renamed.display_name = "Renamed".into();
    let mut update = WriteBatch::new("update");
    update.put(Record::Actor(renamed));
    assert_eq!(store.commit(update).unwrap().revision, 3);
    let retry = store.commit(with_id(&actor, "req-1", "fp-a")).unwrap();
    assert_eq!(retry.revision, 3, "the head, unchanged");
    assert_eq!(retry.changed(), 0);
    let replay = retry.replay.expect("a replay");
    assert_eq!((replay.fingerprint.as_str(), replay.revision), ("fp-a", 2));
    assert_eq!(store.head().unwrap(), 3);

    // The same id for another request: nothing written, and the caller sees the fingerprints
    // differ.
    let mut other = actor.clone();
    other.name = "actors/OTHER".parse().unwrap();
    let reused = store.commit(with_id(&other, "req-1", "fp-b")).unwrap();
    assert_eq!(
        reused.replay.map(|r| r.fingerprint),
        Some("fp-a".to_owned())
    );
    assert!(
        store
            .get(Kind::Actor, "actors/OTHER", View::current())
            .unwrap()
            .is_none()
    );

    // A failed batch records nothing: its id stays free for a corrected retry.
    let mut bad = actor.clone();
    bad.name = "actors/BAD".parse().unwrap();
    let mut failing = with_id(&bad, "req-2", "fp-c");
    failing.delete(Kind::Actor, "actors/NOBODY", Precondition::None);
    assert!(store.commit(failing).is_err());
    let fixed = store.commit(with_id(&bad, "req-2", "fp-c")).unwrap();
    assert_eq!((fixed.created, fixed.replay), (1, None));

    // A new id for content that exists is an ordinary create: it fails as one.
    assert!(matches!(
        store.commit(with_id(&actor, "req-3", "fp-a")).unwrap_err(),
        StoreError::AlreadyExists { .. }
    ));
    assert!(
        store
            .commit(with_id(&other, "req-3", "fp-d"))
            .unwrap()
            .replay
            .is_none()
    );
}

/// Orders every collection by name, as snapshots are.
pub fn sort(d: &mut Dossier) {
    d.actors.sort_by(|a, b| a.name.cmp(&b.name));
    d.disputes.sort_by(|a, b| a.name.cmp(&b.name));
    d.issues.sort_by(|a, b| a.name.cmp(&b.name));
    d.stances.sort_by(|a, b| a.name.cmp(&b.name));
    d.events.sort_by(|a, b| a.name.cmp(&b.name));
    d.documents.sort_by(|a, b| a.name.cmp(&b.name));
}

/// Every page of `query`, `size` at a time: the names, and the records in order.
fn all_pages(store: &dyn Store, query: &ListQuery, size: usize) -> Vec<Record> {
    let mut query = query.clone();
    query.limit = size;
    query.after = None;
    let mut out = Vec::new();
    loop {
        let page = store.list_page(&query).unwrap();
        assert!(page.items.len() <= size, "a page holds at most its limit");
        out.extend(page.items.iter().map(|v| v.value.clone()));
        match page.next_after() {
            Some(last) => query.after = Some(last),
            None => return out,
        }
    }
}

fn names(records: &[Record]) -> Vec<String> {
    records
        .iter()
        .map(|r| polemos_store::record_name(r).to_owned())
        .collect()
}

/// `names` in the order the reference dossier's import stores them (its records' order).
fn stored_order(dossier: &Dossier, mut names: Vec<String>) -> Vec<String> {
    let order: Vec<String> = dossier
        .records()
        .iter()
        .map(|r| polemos_store::record_name(r).to_owned())
        .collect();
    names.sort_by_key(|n| order.iter().position(|o| o == n).unwrap_or(usize::MAX));
    names
}

pub fn pages_follow_filters_views_and_changes(store: &dyn Store) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    let to = |field, target: &str| Link::To {
        field,
        target: target.to_owned(),
    };
    // Unfiltered, one or two at a time: every entity once, in first-stored order, with the
    // etags of `list`.
    for kind in Kind::ALL {
        let whole = store.list(kind, View::current()).unwrap();
        for size in [1, 2, 1000] {
            let paged = all_pages(store, &ListQuery::new(kind, size), size);
            let listed: Vec<Record> = whole.iter().map(|v| v.value.clone()).collect();
            assert_eq!(paged, listed, "{kind:?} in pages of {size}");
        }
    }
    let first = store.list_page(&ListQuery::new(Kind::Actor, 3)).unwrap();
    assert!(first.more);
    let whole = store.list(Kind::Actor, View::current()).unwrap();
    assert_eq!(first.items, whole[..3].to_vec(), "etags as `list` has them");

    // Each filter the interfaces offer, against what the dossier says.
    let dispute = dossier.disputes[0].name.to_string();
    let stances_of_jpn = stored_order(
        &dossier,
        dossier
            .stances
            .iter()
            .filter(|s| s.actor.as_str() == "actors/JPN")
            .map(|s| s.name.to_string())
            .collect(),
    );
    assert!(!stances_of_jpn.is_empty());
    let q = ListQuery::new(Kind::Stance, 1).with(to(LinkField::Actor, "actors/JPN"));
    assert_eq!(names(&all_pages(store, &q, 1)), stances_of_jpn);
    let issue = dossier.stances[0].issue.to_string();
    let q = ListQuery::new(Kind::Stance, 1)
        .with(to(LinkField::Dispute, &dispute))
        .with(to(LinkField::Issue, &issue))
        .with(to(LinkField::Actor, "actors/JPN"));
    let expected = stored_order(
        &dossier,
        dossier
            .stances
            .iter()
            .filter(|s| s.actor.as_str() == "actors/JPN" && s.issue.as_str() == issue)
            .map(|s| s.name.to_string())
            .collect(),
    );
    assert_eq!(names(&all_pages(store, &q, 1)), expected, "links combine");
    let q = ListQuery::new(Kind::Issue, 2).with(to(LinkField::Dispute, &dispute));
    assert_eq!(
        names(&all_pages(store, &q, 2)),
        stored_order(
            &dossier,
            dossier.issues.iter().map(|i| i.name.to_string()).collect()
        )
    );
    let q = ListQuery::new(Kind::Issue, 2).with(to(LinkField::Dispute, "disputes/none"));
    assert!(all_pages(store, &q, 2).is_empty());
    let parties = stored_order(
        &dossier,
        dossier.disputes[0]
            .parties
            .iter()
            .map(|p| p.actor.to_string())
            .collect(),
    );
    let q = ListQuery::new(Kind::Actor, 1).with(Link::From {
        field: LinkField::Party,
        owner: dispute.clone(),
    });
    assert_eq!(
        names(&all_pages(store, &q, 1)),
        parties,
        "parties of a dispute"
    );
    let q = ListQuery::new(Kind::Dispute, 1).with(to(LinkField::Party, "actors/JPN"));
    assert_eq!(names(&all_pages(store, &q, 1)), vec![dispute.clone()]);
    let events_of_jpn = stored_order(
        &dossier,
        dossier
            .events
            .iter()
            .filter(|e| {
                e.sources
                    .iter()
                    .chain(&e.targets)
                    .any(|a| a.as_str() == "actors/JPN")
            })
            .map(|e| e.name.to_string())
            .collect(),
    );
    let q = ListQuery::new(Kind::Event, 1).with(to(LinkField::Actor, "actors/JPN"));
    assert_eq!(names(&all_pages(store, &q, 1)), events_of_jpn);

    // The valid-time cut, alone and with a filter.
    let cut = View::as_of(date("2018-09-15"));
    let mut q = ListQuery::new(Kind::Stance, 1);
    q.view = cut;
    let listed: Vec<Record> = store
        .list(Kind::Stance, cut)
        .unwrap()
        .into_iter()
        .map(|v| v.value)
        .collect();
    assert_eq!(all_pages(store, &q, 1), listed);
    let q = q.with(to(LinkField::Actor, "actors/JPN"));
    let expected: Vec<String> = names(&listed)
        .into_iter()
        .filter(|n| stances_of_jpn.contains(n))
        .collect();
    assert_eq!(names(&all_pages(store, &q, 1)), expected);

    // Changes move the index: a stance moved to another actor leaves JPN's list and joins the
    // other's; a deleted one leaves; a past revision still lists what was there then.
    let mut moved = dossier
        .stances
        .iter()
        .find(|s| s.actor.as_str() == "actors/JPN")
        .unwrap()
        .clone();
    moved.actor = ActorName::parse("actors/RUS").unwrap();
    let mut batch = WriteBatch::new("move");
    batch.put(Record::Stance(moved.clone()));
    store.commit(batch).unwrap();
    let jpn = ListQuery::new(Kind::Stance, 10).with(to(LinkField::Actor, "actors/JPN"));
    let now = names(&all_pages(store, &jpn, 10));
    assert!(!now.contains(&moved.name.to_string()));
    let rus = ListQuery::new(Kind::Stance, 10).with(to(LinkField::Actor, "actors/RUS"));
    assert!(names(&all_pages(store, &rus, 10)).contains(&moved.name.to_string()));
    let mut delete = WriteBatch::new("retract");
    delete.delete(Kind::Stance, moved.name.to_string(), Precondition::None);
    store.commit(delete).unwrap();
    assert!(!names(&all_pages(store, &rus, 10)).contains(&moved.name.to_string()));
    let mut then = jpn.clone();
    then.view = View::at_revision(1);
    assert_eq!(names(&all_pages(store, &then, 1)), stances_of_jpn);
    let mut then_all = ListQuery::new(Kind::Stance, 1);
    then_all.view = View::at_revision(1);
    assert_eq!(
        names(&all_pages(store, &then_all, 1)),
        dossier
            .stances
            .iter()
            .map(|s| s.name.to_string())
            .collect::<Vec<_>>()
    );
}

/// The actors and documents a dispute's records involve, as `Link::Involved` pages them (in the
/// order the involved entities were first stored),
/// against what [`polemos_store::involvements_of`] says of the records listed whole; kept
/// through an update that names another actor and a delete, and read at a past revision.
pub fn involvement_follows_every_write(store: &dyn Store) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .unwrap();
    let dispute = dossier.disputes[0].name.to_string();
    let expected = |store: &dyn Store, kind: Kind, view: View| -> Vec<String> {
        let mut out: Vec<String> = [Kind::Dispute, Kind::Stance, Kind::Event]
            .into_iter()
            .flat_map(|k| store.list(k, view).unwrap())
            .flat_map(|v| polemos_store::involvements_of(&v.value))
            .filter(|(d, t)| d == &dispute && Kind::of_name(t) == Some(kind))
            .map(|(_, t)| t)
            .collect();
        out.sort();
        out.dedup();
        // In the order the involved entities were first stored, as every list.
        let order = names(
            &store
                .list(kind, view)
                .unwrap()
                .into_iter()
                .map(|v| v.value)
                .collect::<Vec<_>>(),
        );
        out.sort_by_key(|n| order.iter().position(|o| o == n).unwrap_or(usize::MAX));
        out
    };
    let involved = |kind: Kind, size: usize| {
        ListQuery::new(kind, size).with(Link::Involved {
            dispute: dispute.clone(),
        })
    };
    let actors = expected(store, Kind::Actor, View::current());
    assert!(
        actors.len() > dossier.disputes[0].parties.len(),
        "{actors:?}"
    );
    for size in [1, 2, 100] {
        assert_eq!(
            names(&all_pages(store, &involved(Kind::Actor, size), size)),
            actors
        );
    }
    let documents = expected(store, Kind::Document, View::current());
    assert!(!documents.is_empty());
    assert_eq!(
        names(&all_pages(store, &involved(Kind::Document, 1), 1)),
        documents
    );
    let none = ListQuery::new(Kind::Actor, 5).with(Link::Involved {
        dispute: "disputes/none".into(),
    });
    assert!(all_pages(store, &none, 5).is_empty());

    // A stance moved to an actor no record of the dispute named brings it in; deleting the
    // stance takes it out again (unless another record still names it).
    let mut outsider = Actor {
        name: ActorName::parse("actors/outsider").unwrap(),
        kind: ActorKind::State,
        display_name: "Outsider".into(),
        codes: ActorCodes::default(),
        aliases: Vec::new(),
        affiliations: Vec::new(),
    };
    outsider.aliases.push("O".into());
    let mut moved = dossier.stances[0].clone();
    moved.actor = outsider.name.clone();
    let mut batch = WriteBatch::new("outsider");
    batch.put(Record::Actor(outsider.clone()));
    batch.put(Record::Stance(moved.clone()));
    store.commit(batch).unwrap();
    let now = names(&all_pages(store, &involved(Kind::Actor, 2), 2));
    assert!(now.contains(&outsider.name.to_string()), "{now:?}");
    assert_eq!(now, expected(store, Kind::Actor, View::current()));
    let mut delete = WriteBatch::new("retract");
    delete.delete(Kind::Stance, moved.name.to_string(), Precondition::None);
    store.commit(delete).unwrap();
    let now = names(&all_pages(store, &involved(Kind::Actor, 2), 2));
    assert!(!now.contains(&outsider.name.to_string()), "{now:?}");
    assert_eq!(now, expected(store, Kind::Actor, View::current()));

    // At a past revision: what the records of that revision involved.
    let mut then = involved(Kind::Actor, 1);
    then.view = View::at_revision(2);
    let at_two = names(&all_pages(store, &then, 1));
    assert!(at_two.contains(&outsider.name.to_string()), "{at_two:?}");
    assert_eq!(at_two, expected(store, Kind::Actor, View::at_revision(2)));
}

/// Every list, filtered or not, is in the order its entities were first stored, and an entity
/// deleted and stored again keeps its place; pages of one and two resume across the delete and
/// the re-creation without losing or repeating anything else.
pub fn lists_keep_first_stored_order(store: &dyn Store) {
    let dossier = reference_dossier();
    // Stored in reverse name order, one batch each: name order and first-stored order differ.
    let mut stances = dossier.stances.clone();
    stances.sort_by(|a, b| b.name.cmp(&a.name));
    let mut base = dossier.clone();
    base.stances.clear();
    store
        .commit(WriteBatch::from_dossier(&base, "import"))
        .unwrap();
    for stance in &stances {
        let mut batch = WriteBatch::new("one stance");
        batch.put(Record::Stance(stance.clone()));
        store.commit(batch).unwrap();
    }
    let stored: Vec<String> = stances.iter().map(|s| s.name.to_string()).collect();
    let of_jpn: Vec<String> = stances
        .iter()
        .filter(|s| s.actor.as_str() == "actors/JPN")
        .map(|s| s.name.to_string())
        .collect();
    assert!(of_jpn.len() >= 2, "{of_jpn:?}");
    let all = ListQuery::new(Kind::Stance, 1);
    let jpn = ListQuery::new(Kind::Stance, 1).with(Link::To {
        field: LinkField::Actor,
        target: "actors/JPN".into(),
    });
    for size in [1, 2] {
        assert_eq!(
            names(&all_pages(store, &all, size)),
            stored,
            "pages of {size}"
        );
        assert_eq!(
            names(&all_pages(store, &jpn, size)),
            of_jpn,
            "pages of {size}"
        );
    }
    let listed: Vec<Record> = store
        .list(Kind::Stance, View::current())
        .unwrap()
        .into_iter()
        .map(|v| v.value)
        .collect();
    assert_eq!(names(&listed), stored, "a whole list too");

    // Page through JPN's stances one at a time; after the first page, its first stance is
    // deleted and its second re-created (deleted, then stored again): the rest of the listing
    // still comes once each, and the re-created one keeps its place.
    let mut query = jpn.clone();
    let first = store.list_page(&query).unwrap();
    assert_eq!(
        names(
            &first
                .items
                .iter()
                .map(|v| v.value.clone())
                .collect::<Vec<_>>()
        ),
        of_jpn[..1]
    );
    let mut delete = WriteBatch::new("retract the first");
    delete.delete(Kind::Stance, of_jpn[0].clone(), Precondition::None);
    delete.delete(Kind::Stance, of_jpn[1].clone(), Precondition::None);
    store.commit(delete).unwrap();
    let again = stances
        .iter()
        .find(|s| s.name.as_str() == of_jpn[1])
        .unwrap()
        .clone();
    let mut batch = WriteBatch::new("store the second again");
    batch.put(Record::Stance(again));
    store.commit(batch).unwrap();
    query.after = first.next_after();
    let mut rest = Vec::new();
    loop {
        let page = store.list_page(&query).unwrap();
        rest.extend(page.items.iter().map(|v| v.value.clone()));
        match page.next_after() {
            Some(last) => query.after = Some(last),
            None => break,
        }
    }
    assert_eq!(
        names(&rest),
        of_jpn[1..],
        "resumed across a delete and a re-creation"
    );
    let now: Vec<String> = stored
        .iter()
        .filter(|n| **n != of_jpn[0])
        .cloned()
        .collect();
    assert_eq!(
        names(&all_pages(store, &all, 2)),
        now,
        "the re-created one in its old place"
    );
}
