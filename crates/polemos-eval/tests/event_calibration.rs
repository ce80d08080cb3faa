//! The event confidence table (`crates/polemos-extract/data/event-calibration.tsv`) is what the
//! development part of the news corpus says: for each basis, how many of the events the
//! extractor reports have state-level tuples the gold accepts. Fails when the committed table
//! is stale; run with `POLEMOS_WRITE_CALIBRATION=1` to rewrite it after a change to extraction.

use std::path::PathBuf;

use polemos_eval::{FactType, Split, Suite, facts};
use polemos_extract::events::calibration::{BASES, basis, render};
use polemos_extract::{ArticleMeta, Extractor};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn event_confidence_is_the_dev_corpus_share_of_right_events() {
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
        for event in &extraction.events {
            // The event's own tuples (one per source and target): the extraction with only it.
            let mut alone = extraction.clone();
            alone.events = vec![event.clone()];
            let predicted = facts::predicted_facts(&alone);
            let tuples = predicted.get(FactType::Events);
            let right = !tuples.is_empty()
                && tuples.iter().all(|t| {
                    gold.get(FactType::Events)
                        .iter()
                        .any(|g| g.accepts(FactType::Events, t))
                });
            let b = basis(event);
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
    let path = root().join("crates/polemos-extract/data/event-calibration.tsv");
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
