//! Storing the facts extracted from a document, idempotent by the text's content hash: the same
//! text ingested twice (one after the other, or racing) is stored once, and the second ingest
//! names the document already there. The CLI, gRPC and Python all store through here.

use polemos_core::Dossier;
use polemos_store::{Revision, Store, StoreError};

use crate::error::Result;

/// What became of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ingested {
    /// Its facts were committed as one revision.
    Stored {
        document: String,
        created: usize,
        updated: usize,
        stances: usize,
        events: usize,
        revision: Revision,
    },
    /// A document with the same text was already stored (under this name); nothing was written.
    Duplicate { document: String },
}

/// The document already stored with this content hash, if any: checked before extracting, so a
/// text seen before costs no extraction.
///
/// # Errors
/// Store failures.
pub fn already_stored(store: &dyn Store, content_hash: &str) -> Result<Option<String>> {
    Ok(store.document_by_hash(content_hash)?)
}

/// Commits the facts of one document (`facts` holds exactly one document) that the store
/// lacks, all or nothing. Actors, disputes and issues already stored are kept as they are.
///
/// # Errors
/// Facts that do not validate against the store; store failures.
pub fn store_facts(store: &dyn Store, facts: &Dossier, message: &str) -> Result<Ingested> {
    let Some(doc) = facts.documents.first() else {
        return Err(crate::Error::argument("facts", "hold no document"));
    };
    if let Some(document) = already_stored(store, &doc.content_hash)? {
        return Ok(Ingested::Duplicate { document });
    }
    let batch = polemos_store::new_facts_batch(store, facts, message)?;
    match store.commit(batch) {
        Ok(result) => Ok(Ingested::Stored {
            document: doc.name.to_string(),
            created: result.created,
            updated: result.updated,
            stances: facts.stances.len(),
            events: facts.events.len(),
            revision: result.revision,
        }),
        // Another writer stored the same text between the check and the commit.
        Err(StoreError::AlreadyExists { name }) if name == doc.name.as_str() => {
            Ok(Ingested::Duplicate {
                document: doc.name.to_string(),
            })
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polemos_core::{Document, DocumentName};

    fn facts(text: &str) -> Dossier {
        let hash = polemos_core::content_hash(text);
        let mut d = Dossier::new();
        d.documents.push(Document {
            name: DocumentName::parse(&format!("documents/{}", &hash[..16])).expect("name"),
            title: "t".into(),
            outlet: None,
            url: None,
            published: None,
            language: None,
            text: text.into(),
            content_hash: hash,
        });
        d
    }

    #[test]
    fn the_same_text_is_stored_once() {
        let store = polemos_store::open("memory:").expect("store");
        let first = store_facts(&*store, &facts("a text"), "ingest").expect("first");
        let Ingested::Stored { document, .. } = first else {
            panic!("first ingest stores: {first:?}");
        };
        let head = store.head().expect("head");
        let second = store_facts(&*store, &facts("a text"), "ingest").expect("second");
        assert_eq!(second, Ingested::Duplicate { document });
        assert_eq!(store.head().expect("head"), head, "nothing written");
    }
}
