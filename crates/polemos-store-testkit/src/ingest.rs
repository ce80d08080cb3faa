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

/// The actors a dispute's records involve, in the order they were first stored, as
/// `Link::Involved` lists them.
fn involved_actors(store: &dyn Store, dispute: &str) -> Vec<String> {
    let query = ListQuery::new(Kind::Actor, 1000).with(Link::Involved {
        dispute: dispute.to_owned(),
    });
    store
        .list_page(&query)
        .expect("page")
        .items
        .iter()
        .map(|v| polemos_store::record_name(&v.value).to_owned())
        .collect()
}

/// What [`involved_actors`] must give for `dispute` after `dossier` was imported into `store`:
/// the actors its records involve, in the order `store` lists actors (first stored first).
fn expected_involved_actors(store: &dyn Store, dossier: &Dossier, dispute: &str) -> Vec<String> {
    let involved: Vec<String> = dossier
        .records()
        .iter()
        .flat_map(polemos_store::involvements_of)
        .filter(|(d, t)| d == dispute && t.starts_with("actors/"))
        .map(|(_, t)| t)
        .collect();
    let mut expected: Vec<String> = store
        .list(Kind::Actor, View::current())
        .expect("actors")
        .iter()
        .map(|v| polemos_store::record_name(&v.value).to_owned())
        .filter(|name| involved.contains(name))
        .collect();
    expected.dedup();
    assert!(!expected.is_empty());
    expected
}

/// Stores an actor named `name` (a copy of the reference dossier's first actor), so that an
/// involvement row naming it would list it.
fn put_actor_named(store: &dyn Store, dossier: &Dossier, name: &str) {
    let mut batch = WriteBatch::new("an actor of the stale name");
    let mut actor = dossier.actors[0].clone();
    actor.name = name.parse().expect("actor name");
    actor.affiliations.clear();
    batch.put(Record::Actor(actor));
    store.commit(batch).expect("actor");
}

/// The SQL (shared by SQLite and PostgreSQL) of an involvement row that no current definition
/// of [`polemos_store::involvements_of`] gives the stance `stance` (as an older one might have).
fn stale_involvement_sql(dispute: &str, stale: &str, stance: &str) -> String {
    format!(
        "INSERT INTO current_involvements (dispute, kind, target, name_id)
         SELECT d.id, 'actor', t.id, s.id FROM names d, names t, names s
         WHERE d.kind = 'dispute' AND d.name = '{dispute}' AND t.kind = 'actor'
           AND t.name = '{stale}' AND s.kind = 'stance' AND s.name = '{stance}'"
    )
}

/// A stored record whose body no longer decodes, with an involvement row that no current
/// definition of [`polemos_store::involvements_of`] gives it: a put of the record repairs both.
/// `exec` runs SQL on the backend's database (SQLite and PostgreSQL share this schema). Before,
/// the put failed (the old body was decoded to find the index rows to remove).
pub fn a_put_repairs_a_record_whose_body_does_not_decode(
    store: &dyn Store,
    exec: &mut dyn FnMut(&str),
) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .expect("import");
    let stance = dossier.stances[0].clone();
    let dispute = stance.issue.dispute().to_string();
    let stale = "actors/nobody-any-more";
    put_actor_named(store, &dossier, stale);
    // The body lives once, in the log row `current` points at.
    exec(&format!(
        "UPDATE entries SET body = 'not json' WHERE name_id =
             (SELECT id FROM names WHERE kind = 'stance' AND name = '{}')",
        stance.name
    ));
    exec(&stale_involvement_sql(
        &dispute,
        stale,
        stance.name.as_str(),
    ));
    assert!(involved_actors(store, &dispute).contains(&stale.to_owned()));
    let err = store
        .get(Kind::Stance, stance.name.as_str(), View::current())
        .expect_err("the stored body does not decode");
    assert!(
        matches!(err, polemos_store::StoreError::Corrupt { .. }),
        "{err:?}"
    );

    let mut batch = WriteBatch::new("repair");
    batch.put(Record::Stance(stance.clone()));
    let result = store.commit(batch).expect("a put replaces a corrupt body");
    assert_eq!(result.updated, 1);
    let got = store
        .get(Kind::Stance, stance.name.as_str(), View::current())
        .expect("get")
        .expect("stance");
    assert_eq!(got.value, Record::Stance(stance.clone()));
    // The stale row went with the record's other rows, which came back from its new body.
    assert_eq!(
        involved_actors(store, &dispute),
        expected_involved_actors(store, &dossier, &dispute),
        "no stale involvement is left"
    );
}

/// A stored document whose body does not decode is repaired by a put, but the new text is
/// checked against the evidence spans stored stances and events point into, as a changed text
/// is: its old text is unknown. Before, the repair skipped that check, and a text too short for
/// the spans was stored (what `export` then writes, `import` refuses). `exec` runs SQL on the
/// backend's database (SQLite and PostgreSQL share this schema).
pub fn a_repaired_document_must_still_hold_the_evidence_spans(
    store: &dyn Store,
    exec: &mut dyn FnMut(&str),
) {
    let dossier = reference_dossier();
    store
        .commit(WriteBatch::from_dossier(&dossier, "import"))
        .expect("import");
    let cited = dossier
        .stances
        .iter()
        .flat_map(|s| &s.evidence)
        .find_map(|e| e.span.and(e.document.clone()))
        .expect("a stance cites a span of a document");
    let document = dossier
        .documents
        .iter()
        .find(|d| d.name == cited)
        .expect("the cited document")
        .clone();
    exec(&format!(
        "UPDATE entries SET body = 'not json' WHERE name_id =
             (SELECT id FROM names WHERE kind = 'document' AND name = '{cited}')"
    ));
    let mut short = document.clone();
    short.text = "Too short.".into();
    short.content_hash = String::new();
    let mut batch = WriteBatch::new("repair with a text too short");
    batch.put(Record::Document(short));
    let err = store.commit(batch).expect_err("the spans do not fit");
    assert!(
        matches!(err, polemos_store::StoreError::Invalid(_)),
        "{err:?}"
    );
    assert!(err.to_string().contains("evidence span"), "{err}");

    let mut batch = WriteBatch::new("repair with the text");
    batch.put(Record::Document(document.clone()));
    store.commit(batch).expect("the same text repairs it");
    let got = store
        .get(Kind::Document, cited.as_str(), View::current())
        .expect("get")
        .expect("document");
    let Record::Document(got) = got.value else {
        panic!("not a document")
    };
    assert_eq!(got.text, document.text);
}
