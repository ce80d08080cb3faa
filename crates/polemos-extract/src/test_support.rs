//! What the crate's unit tests share: one extractor with the built-in knowledge (building the
//! knowledge is the slow part of a test), and the actors it finds in a text.

use std::sync::LazyLock;

use crate::{ArticleMeta, Extractor};

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new().expect("built-in knowledge"));

/// The extractor with the built-in knowledge, built once for all the tests.
pub fn extractor() -> &'static Extractor {
    &EXTRACTOR
}

/// The names of the actors found in `text` (no publication date).
pub fn actor_names(text: &str) -> Vec<String> {
    extractor()
        .extract(text, &ArticleMeta::default())
        .expect("extracts")
        .actors
        .into_iter()
        .map(|a| a.name)
        .collect()
}
