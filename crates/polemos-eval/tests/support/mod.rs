//! What the calibration tests share: the development part's extractions, whether the gold
//! accepts a fact, the (basis, right, wrong) counts, and the check (or rewrite) of a committed
//! table.

use std::path::PathBuf;

use polemos_eval::facts::{self, Facts};
use polemos_eval::{FactType, Split, Suite};
use polemos_extract::output::Extraction;
use polemos_extract::{ArticleMeta, Extractor};

/// The extractor and, for each article of the news corpus's development part, its gold facts
/// and extraction.
pub fn dev_extractions() -> (Extractor, Vec<(Facts, Extraction)>) {
    let suite = Suite::load(&root().join("eval/news")).expect("news corpus loads");
    let x = Extractor::new().expect("built-in knowledge");
    let out = suite
        .articles
        .iter()
        .filter(|a| a.gold.meta.split == Split::Dev)
        .map(|article| {
            let meta = ArticleMeta {
                published: Some(article.gold.meta.published),
                ..ArticleMeta::default()
            };
            let extraction = x.extract(&article.text, &meta).expect("extracts");
            (facts::gold_facts(article), extraction)
        })
        .collect();
    (x, out)
}

/// Whether `alone` (an extraction holding one fact of kind `fact`) gives tuples of that kind
/// and the gold accepts every one.
pub fn accepted(gold: &Facts, fact: FactType, alone: &Extraction) -> bool {
    let predicted = facts::predicted_facts(alone);
    let tuples = predicted.get(fact);
    !tuples.is_empty()
        && tuples
            .iter()
            .all(|t| gold.get(fact).iter().any(|g| g.accepts(fact, t)))
}

/// Counts one fact of `basis`, right or wrong.
pub fn count(counts: &mut [(&str, usize, usize)], basis: &str, right: bool) {
    let row = counts
        .iter_mut()
        .find(|(name, _, _)| *name == basis)
        .expect("every basis has a row");
    if right {
        row.1 += 1;
    } else {
        row.2 += 1;
    }
}

/// Fails when the committed table `name` (in `crates/polemos-extract/data/`) differs from
/// `table`; with `POLEMOS_WRITE_CALIBRATION` set, writes it first.
pub fn check(name: &str, table: &str) {
    let path = root().join("crates/polemos-extract/data").join(name);
    if std::env::var_os("POLEMOS_WRITE_CALIBRATION").is_some() {
        std::fs::write(&path, table).expect("writes the table");
    }
    let committed = std::fs::read_to_string(&path).expect("reads the table");
    assert!(
        committed == table,
        "{} is stale; rerun with POLEMOS_WRITE_CALIBRATION=1. Computed:\n{table}",
        path.display()
    );
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
