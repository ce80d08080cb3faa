//! A store written by the schema before integer name keys (SQLite 8, PostgreSQL 6), as plain
//! SQL rows, and what opening it must give: the same records, history and lists as a store
//! that took the same commits through the API, in the order the names were first stored.

#![allow(clippy::missing_panics_doc, clippy::unwrap_used, clippy::expect_used)]

use polemos_core::{Actor, Dossier, Position, Record};
use polemos_store::{
    Kind, Link, LinkField, ListQuery, LogStore, MemoryBackend, Precondition, Store, View,
    WriteBatch,
};

use crate::conformance::reference_dossier;

/// An actor that only a stale involvement row (one no record gives) names.
const STALE: &str = "actors/nobody-any-more";

/// The history both stores get: the reference dossier (in reverse name order, so that
/// first-stored order and name order differ) with one more actor, then a stance moved and
/// another deleted, then the deleted one stored again.
fn history() -> Vec<WriteBatch> {
    let mut dossier = reference_dossier();
    let mut stale: Actor = dossier.actors[0].clone();
    stale.name = STALE.parse().expect("actor name");
    stale.affiliations.clear();
    dossier.actors.push(stale);
    for document in &mut dossier.documents {
        if document.content_hash.is_empty() {
            document.content_hash = polemos_core::content_hash(&document.text);
        }
    }
    let mut records = dossier.records();
    records.reverse();
    let mut import = WriteBatch::new("import");
    for record in &records {
        import.put(record.clone());
    }
    let mut moved = dossier.stances[0].clone();
    moved.position = Position::new(42.0).unwrap();
    let mut change = WriteBatch::new("move one, retract one");
    change.put(Record::Stance(moved));
    change.delete(
        Kind::Stance,
        dossier.stances[1].name.to_string(),
        Precondition::None,
    );
    let mut again = WriteBatch::new("store it again");
    again.put(Record::Stance(dossier.stances[1].clone()));
    vec![import, change, again]
}

/// The name and body (the JSON the store keeps) of a record.
fn row_of(record: &Record) -> (Kind, String, String) {
    let body = match record {
        Record::Actor(x) => serde_json::to_string(x),
        Record::Dispute(x) => serde_json::to_string(x),
        Record::Issue(x) => serde_json::to_string(x),
        Record::Stance(x) => serde_json::to_string(x),
        Record::Event(x) => serde_json::to_string(x),
        Record::Document(x) => serde_json::to_string(x),
    }
    .expect("records serialize");
    (
        Kind::of_record(record),
        polemos_store::record_name(record).to_owned(),
        body,
    )
}

fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The SQL (the same for SQLite and PostgreSQL) that writes [`history`] into a store of the old
/// schema: the log, the current state with each body a second time, the document hashes, and
/// one involvement row that no record gives. The reference and involvement indexes are left
/// empty: the migration fills them from the bodies.
fn old_rows_sql() -> String {
    let mut sql = String::new();
    let mut current: Vec<(Kind, String, u64, Option<String>)> = Vec::new();
    for (i, batch) in history().iter().enumerate() {
        let revision = i as u64 + 1;
        sql.push_str(&format!(
            "INSERT INTO revisions (revision, committed_at, message) \
             VALUES ({revision}, '2026-01-0{revision}T00:00:00+00:00', {});\n",
            quote(&batch.message)
        ));
        for (seq, op) in batch.ops.iter().enumerate() {
            let (kind, name, body) = match op {
                polemos_store::Op::Put { record, .. } => {
                    let (kind, name, body) = row_of(record);
                    (kind, name, Some(body))
                }
                polemos_store::Op::Delete { kind, name, .. } => (*kind, name.clone(), None),
            };
            sql.push_str(&format!(
                "INSERT INTO entries (revision, seq, kind, name, body) \
                 VALUES ({revision}, {seq}, '{}', {}, {});\n",
                kind.as_str(),
                quote(&name),
                body.as_deref().map_or("NULL".to_owned(), quote)
            ));
            current.retain(|(k, n, _, _)| !(*k == kind && *n == name));
            current.push((kind, name, revision, body));
        }
    }
    for (kind, name, revision, body) in current {
        let Some(body) = body else { continue };
        sql.push_str(&format!(
            "INSERT INTO current (kind, name, revision, body) VALUES ('{}', {}, {revision}, {});\n",
            kind.as_str(),
            quote(&name),
            quote(&body)
        ));
        if kind == Kind::Document {
            let record: polemos_core::Document = serde_json::from_str(&body).unwrap();
            sql.push_str(&format!(
                "INSERT INTO document_hashes (content_hash, name) VALUES ({}, {});\n",
                quote(&record.content_hash),
                quote(&name)
            ));
        }
    }
    let stance = &reference_dossier().stances[0];
    sql.push_str(&format!(
        "INSERT INTO current_involvements (dispute, target, kind, name) \
         VALUES ({}, '{STALE}', 'stance', {});\n",
        quote(stance.issue.dispute().as_str()),
        quote(stance.name.as_str())
    ));
    sql
}

fn names(rows: &[polemos_store::Versioned<Record>]) -> Vec<String> {
    rows.iter()
        .map(|v| polemos_store::record_name(&v.value).to_owned())
        .collect()
}

/// Every page of `query`, two at a time.
fn pages(store: &dyn Store, query: &ListQuery) -> Vec<polemos_store::Versioned<Record>> {
    let mut query = query.clone();
    query.limit = 2;
    let mut out = Vec::new();
    loop {
        let page = store.list_page(&query).unwrap();
        out.extend(page.items.iter().cloned());
        match page.next_after() {
            Some(last) => query.after = Some(last),
            None => return out,
        }
    }
}

/// What a store must answer the same as the reference: every kind's list now and at each
/// revision, snapshots, point reads, filtered pages and a dispute's involved actors.
fn assert_reads_alike(store: &dyn Store, reference: &dyn Store) {
    let dossier = reference_dossier();
    let dispute = dossier.disputes[0].name.to_string();
    let mut views = vec![View::current()];
    views.extend((1..=3).map(View::at_revision));
    for view in views {
        for kind in Kind::ALL {
            let listed = store.list(kind, view).unwrap();
            assert_eq!(
                listed,
                reference.list(kind, view).unwrap(),
                "{kind:?} {view:?}"
            );
            let mut query = ListQuery::new(kind, 2);
            query.view = view;
            assert_eq!(pages(store, &query), listed, "pages of {kind:?} {view:?}");
        }
        assert_eq!(
            store.snapshot(view).unwrap(),
            reference.snapshot(view).unwrap()
        );
        let mut of_jpn = ListQuery::new(Kind::Stance, 2).with(Link::To {
            field: LinkField::Actor,
            target: "actors/JPN".into(),
        });
        of_jpn.view = view;
        assert_eq!(pages(store, &of_jpn), pages(reference, &of_jpn), "{view:?}");
        let mut parties = ListQuery::new(Kind::Actor, 2).with(Link::From {
            field: LinkField::Party,
            owner: dispute.clone(),
        });
        parties.view = view;
        assert_eq!(pages(store, &parties), pages(reference, &parties));
        let mut involved = ListQuery::new(Kind::Actor, 2).with(Link::Involved {
            dispute: dispute.clone(),
        });
        involved.view = view;
        let got = pages(store, &involved);
        assert_eq!(got, pages(reference, &involved), "involved, {view:?}");
        assert!(!names(&got).contains(&STALE.to_owned()), "{view:?}");
    }
    for record in dossier.records() {
        let kind = Kind::of_record(&record);
        let name = polemos_store::record_name(&record);
        assert_eq!(
            store.get(kind, name, View::current()).unwrap(),
            reference.get(kind, name, View::current()).unwrap(),
            "{name}"
        );
    }
}

/// A store of the old schema, written by `exec_old` (which runs SQL on a database its caller
/// set up at the schema before integer keys), reads after `open` migrates it exactly as a store
/// that took the same commits through the API: the same records and etags, the same history,
/// lists in first-stored order (keys given by each name's first revision), and no stale
/// involvement. Opening it again changes nothing, and it takes writes in the same order after.
pub fn an_old_store_reads_the_same_after_migrating(
    exec_old: &mut dyn FnMut(&str),
    open: &mut dyn FnMut() -> Box<dyn Store>,
) {
    exec_old(&old_rows_sql());
    let reference = LogStore::new(MemoryBackend::default());
    for batch in history() {
        reference.commit(batch).unwrap();
    }
    let migrated = open();
    assert_reads_alike(migrated.as_ref(), &reference);
    drop(migrated);
    let again = open();
    assert_reads_alike(again.as_ref(), &reference);
    // A record new after the migration comes last; the re-created stance is in its old place.
    let mut dossier: Dossier = reference_dossier();
    let mut new = dossier.stances.remove(2);
    new.name = format!("{}-new", new.name).parse().expect("stance name");
    for store in [again.as_ref(), &reference as &dyn Store] {
        let mut batch = WriteBatch::new("a new stance");
        batch.put(Record::Stance(new.clone()));
        store.commit(batch).unwrap();
    }
    let stances = names(&again.list(Kind::Stance, View::current()).unwrap());
    assert_eq!(stances.last(), Some(&new.name.to_string()));
    assert_reads_alike(again.as_ref(), &reference);
}
