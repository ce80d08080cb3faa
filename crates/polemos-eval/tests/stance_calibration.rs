//! The stance confidence table (`crates/polemos-extract/data/stance-calibration.tsv`) is what
//! the development part of the news corpus says: for each basis, how many of the stances the
//! extractor reports are right. Fails when the committed table is stale; run with
//! `POLEMOS_WRITE_CALIBRATION=1` to rewrite it after a change to extraction.

use std::path::PathBuf;

use polemos_eval::{FactType, Split, Suite, facts};
use polemos_extract::stances::calibration::{BASES, basis, render};
use polemos_extract::{ArticleMeta, Extractor};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn stance_confidence_is_the_dev_corpus_share_of_right_stances() {
    let suite = Suite::load(&root().join("eval/news")).expect("news corpus loads");
    let x = Extractor::new().expect("built-in knowledge");
    let mut counts: Vec<(&str, usize, usize)> = BASES.iter().map(|b| (*b, 0, 0)).collect();
    for article in suite
        .articles
        .iter()
        .filter(|a| a.gold.meta.split == Split::Dev)
    {
        let meta = ArticleMeta {
            published: Some(article.gold.meta.published),
            ..ArticleMeta::default()
        };
        let extraction = x.extract(&article.text, &meta).expect("extracts");
        let gold = facts::gold_facts(article);
        let predicted = facts::predicted_facts(&extraction);
        let tuples = predicted.get(FactType::Stances);
        // One stance tuple per stance, in the stances' order.
        assert_eq!(tuples.len(), extraction.stances.len(), "{}", article.name);
        for (stance, tuple) in extraction.stances.iter().zip(tuples) {
            let right = gold
                .get(FactType::Stances)
                .iter()
                .any(|g| g.accepts(FactType::Stances, tuple));
            let b = basis(x.knowledge(), stance);
            let row = counts
                .iter_mut()
                .find(|(name, _, _)| *name == b)
                .expect("every basis has a row");
            if right {
                row.1 += 1;
            } else {
                row.2 += 1;
            }
        }
    }
    let table = render(&counts);
    let path = root().join("crates/polemos-extract/data/stance-calibration.tsv");
    if std::env::var_os("POLEMOS_WRITE_CALIBRATION").is_some() {
        std::fs::write(&path, &table).expect("writes the table");
    }
    let committed = std::fs::read_to_string(&path).expect("reads the table");
    assert!(
        committed == table,
        "{} is stale; rerun with POLEMOS_WRITE_CALIBRATION=1. Computed:\n{table}",
        path.display()
    );
}
