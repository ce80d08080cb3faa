//! Storing the facts extracted from one document beside what the store already holds; shared by
//! `polemos ingest`, the gRPC `Ingest` stream and the Python extension.

use polemos_core::{Dossier, Record};

use crate::{Kind, Precondition, Store, StoreError, View, WriteBatch, record_name};

/// A batch of the facts of one extracted document that the store lacks.
///
/// Actors, disputes and issues already stored are left as they are (they may have been curated
/// by hand). The document, its stances and its events are named from the content hash, so they
/// must be new: of two ingests of the same text racing each other, the second commit fails with
/// [`StoreError::AlreadyExists`] instead of writing them twice.
///
/// # Errors
/// A store that cannot be read.
pub fn new_facts_batch(
    store: &dyn Store,
    facts: &Dossier,
    message: impl Into<String>,
) -> Result<WriteBatch, StoreError> {
    let mut batch = WriteBatch::new(message);
    for record in facts.records() {
        let precondition = match &record {
            Record::Actor(_) | Record::Dispute(_) | Record::Issue(_) => {
                let kind = Kind::of_record(&record);
                if store
                    .get(kind, record_name(&record), View::current())?
                    .is_some()
                {
                    continue;
                }
                Precondition::None
            }
            Record::Document(_) | Record::Stance(_) | Record::Event(_) => {
                Precondition::MustNotExist
            }
        };
        batch.put_if(record, precondition);
    }
    Ok(batch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::reference_dossier;
    use crate::{LogStore, MemoryBackend};

    #[test]
    fn keeps_curated_entities_and_refuses_a_second_copy_of_a_document() {
        let store = LogStore::new(MemoryBackend::default());
        let facts = reference_dossier();
        // What is stored first: the parties, one of them curated by hand.
        let mut curated = facts
            .actors
            .iter()
            .find(|a| a.affiliations.is_empty())
            .expect("an actor standing alone")
            .clone();
        curated.display_name = "curated by hand".into();
        let mut seed = WriteBatch::new("seed");
        seed.put(Record::Actor(curated.clone()));
        store.commit(seed).expect("seed");

        let batch = new_facts_batch(&store, &facts, "ingest").expect("batch");
        let racing = new_facts_batch(&store, &facts, "ingest again").expect("batch");
        assert_eq!(batch.message, "ingest");
        let stored_actor_put = batch.ops.iter().any(|op| {
            matches!(op, crate::Op::Put { record: Record::Actor(a), .. } if a.name == curated.name)
        });
        assert!(!stored_actor_put, "a stored actor is not overwritten");
        assert_eq!(
            batch.ops.len(),
            facts.records().len() - 1,
            "everything else is written"
        );
        store.commit(batch).expect("first ingest");
        let kept = store
            .get(Kind::Actor, curated.name.as_str(), View::current())
            .expect("read")
            .expect("actor");
        assert!(matches!(kept.value, Record::Actor(a) if a.display_name == "curated by hand"));

        let head = store.head().expect("head");
        let err = store.commit(racing).expect_err("the same document twice");
        assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err:?}");
        assert_eq!(store.head().expect("head"), head, "nothing half-written");
    }
}
