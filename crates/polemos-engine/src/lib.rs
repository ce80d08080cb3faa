//! polemos-engine: every operation a user has on a polemos store, written once.
//!
//! The CLI (`polemos`), the gRPC services and the Python package are translators: they turn
//! their input into these calls and these results (and [`Error`], by its [`ErrorKind`]) into
//! their own output. A question asked through any of them therefore gets one answer. Start with
//! `docs/engine.md`.

pub mod analysis;
pub mod changes;
pub mod curation;
pub mod data;
pub mod error;
pub mod extract;
pub mod forecast;
pub mod ingest;
pub mod list;
pub mod names;
pub mod report;
pub mod write;

pub use data::{Access, export, get, import, import_dossier, open, parse_dossier};
pub use error::{Error, ErrorKind, Result};
pub use list::{
    DEFAULT_PAGE_SIZE, Filter, MAX_PAGE_SIZE, Page, list, list_page, page_size, page_tokens,
};

#[cfg(test)]
pub(crate) mod testing {
    use polemos_core::Dossier;
    use polemos_store::{Store, WriteBatch};

    const KURIL: &str = include_str!("../../../examples/dossiers/kuril-islands.json");

    /// The reference dossier in a memory store.
    pub fn kuril() -> Box<dyn Store> {
        let store = polemos_store::open("memory:").expect("memory store");
        let dossier = Dossier::from_json(KURIL).expect("reference dossier");
        store
            .commit(WriteBatch::from_dossier(&dossier, "test"))
            .expect("commit");
        store
    }
}
