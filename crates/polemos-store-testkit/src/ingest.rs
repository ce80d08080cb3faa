//! What [`IngestWriter`] must store on every backend: exactly what committing each document's
//! new facts alone stores, however the documents are batched, with curated entities kept, a
//! repeated text stored once and a bad document failing alone. The writer's shortcuts (names
//! it remembers as stored, index rows it skips for new entities) must not change the contents.

#![allow(clippy::missing_panics_doc, clippy::unwrap_used, clippy::expect_used)]

use polemos_core::{DocumentName, Dossier, IssueName, Record};
use polemos_store::{
    IngestOptions, IngestWriter, Ingested, Kind, Link, LinkField, ListQuery, Store, View,
    WriteBatch, new_facts_batch,
};

use crate::conformance::{reference_dossier, sort};

/// The facts of document `i`: the reference dossier's entities, and its document, stances and
/// events renamed for `i`, with a text of their own (the evidence spans still fit).
fn document(i: usize) -> Dossier {
    let mut d = reference_dossier();
    let doc = DocumentName::parse(&format!("documents/doc-{i}")).expect("name");
    for document in &mut d.documents {
        document.name = doc.clone();
        document.text = format!("{} ({i})", document.text);
        document.content_hash = String::new();
    }
    for s in &mut d.stances {
        s.name = format!("{}-{i}", s.name).parse().expect("stance name");
        for ev in &mut s.evidence {
            ev.document = Some(doc.clone());
        }
    }
    for e in &mut d.events {
        e.name = format!("{}-{i}", e.name).parse().expect("event name");
        for ev in &mut e.evidence {
            ev.document = Some(doc.clone());
        }
    }
    d
}

/// Document `i`, with one stance on an issue that nothing holds: the store refuses it.
fn bad_document(i: usize) -> Dossier {
    let mut d = document(i);
    d.stances[0].issue =
        IssueName::parse("disputes/kuril-islands/issues/nowhere").expect("issue name");
    d
}

/// A store holding one actor edited by hand, as a curator would leave it.
fn seeded(store: &dyn Store) {
    let mut actor = reference_dossier().actors[0].clone();
    actor.display_name = "curated by hand".into();
    let mut batch = WriteBatch::new("seed");
    batch.put(Record::Actor(actor));
    store.commit(batch).expect("seed");
}

/// Runs the check on two fresh stores from `fresh`.
pub fn batches_store_what_single_commits_store(fresh: &dyn Fn() -> Box<dyn Store>) {
    let inputs: Vec<(String, Dossier)> = (0..7)
        .map(|i| match i {
            3 => ("bad".to_owned(), bad_document(i)),
            5 => ("again".to_owned(), document(1)),
            _ => (format!("doc-{i}"), document(i)),
        })
        .collect();

    // One commit per document, by the plain path.
    let single = fresh();
    seeded(single.as_ref());
    for (label, facts) in &inputs {
        let hash = polemos_core::content_hash(&facts.documents[0].text);
        if single.document_by_hash(&hash).expect("hash").is_some() {
            continue;
        }
        let batch = new_facts_batch(single.as_ref(), facts, label.clone()).expect("batch");
        let _ = single.commit(batch);
    }

    // Three documents a commit, through the writer.
    let batched = fresh();
    seeded(batched.as_ref());
    let options = IngestOptions {
        batch_documents: 3,
        ..IngestOptions::default()
    };
    let mut writer = IngestWriter::<String>::new(batched.as_ref(), options);
    let mut reports = Vec::new();
    for (label, facts) in &inputs {
        reports.extend(writer.push(label.clone(), Ok(facts.clone())));
    }
    reports.extend(writer.finish());

    let outcomes: Vec<(&str, Option<usize>)> = reports
        .iter()
        .map(|r| {
            let created = match &r.outcome {
                Ok(Ingested::Stored { created, .. }) => Some(*created),
                Ok(Ingested::AlreadyStored { .. }) => Some(0),
                Err(_) => None,
            };
            (r.label.as_str(), created)
        })
        .collect();
    let reference = reference_dossier();
    let own = reference.documents.len() + reference.stances.len() + reference.events.len();
    // The first document brings every entity but the curated actor; the rest bring their own.
    let first = reference.records().len() - 1;
    assert_eq!(
        outcomes,
        [
            ("doc-0", Some(first)),
            ("doc-1", Some(own)),
            ("doc-2", Some(own)),
            ("bad", None),
            ("doc-4", Some(own)),
            ("again", Some(0)),
            ("doc-6", Some(own)),
        ]
    );
    let err = reports[3].outcome.as_ref().unwrap_err().to_string();
    assert!(err.contains("nowhere"), "the bad reference is named: {err}");

    let mut a = single.snapshot(View::current()).expect("snapshot");
    let mut b = batched.snapshot(View::current()).expect("snapshot");
    sort(&mut a);
    sort(&mut b);
    assert_eq!(a, b, "batched ingest stores what single commits store");
    let curated = b
        .actors
        .iter()
        .find(|x| x.name == reference.actors[0].name)
        .expect("curated actor");
    assert_eq!(curated.display_name, "curated by hand");
    assert_eq!(b.documents.len(), 5);

    // A second run writes nothing and reports every good document as already stored.
    let head = batched.head().expect("head");
    let mut writer = IngestWriter::<String>::new(batched.as_ref(), options);
    let mut again = Vec::new();
    for (label, facts) in inputs.iter().filter(|(l, _)| l != "bad") {
        again.extend(writer.push(label.clone(), Ok(facts.clone())));
    }
    again.extend(writer.finish());
    assert_eq!(again.len(), 6);
    assert!(
        again
            .iter()
            .all(|r| matches!(r.outcome, Ok(Ingested::AlreadyStored { .. })))
    );
    assert_eq!(batched.head().expect("head"), head);

    // What the index of references answers agrees too: the stances of one issue, as a
    // filtered list reads them.
    let issue = reference.stances[0].issue.to_string();
    let per_document = reference
        .stances
        .iter()
        .filter(|s| s.issue.as_str() == issue)
        .count();
    for store in [&single, &batched] {
        let query = ListQuery::new(Kind::Stance, 1000).with(Link::To {
            field: LinkField::Issue,
            target: issue.clone(),
        });
        let page = store.list_page(&query).expect("page");
        assert_eq!(page.items.len(), 5 * per_document);
    }
}
