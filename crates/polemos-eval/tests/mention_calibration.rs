//! The actor and date confidence tables (`crates/polemos-extract/data/actor-calibration.tsv`,
//! `date-calibration.tsv`) are what the development part of the news corpus says: for each
//! basis (the most direct way an actor was named; a date's form), how many of the actors
//! (dates) the extractor reports the gold accepts. Fails when a committed table is stale; run
//! with `POLEMOS_WRITE_CALIBRATION=1` to rewrite them after a change to extraction.

use std::path::{Path, PathBuf};

use polemos_eval::{FactType, Split, Suite, facts};
use polemos_extract::calibration::{
    ACTOR_BASES, DATE_BASES, DateForm, actor_basis, render_actors, render_dates, via_name,
};
use polemos_extract::{ArticleMeta, Extractor};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn count(counts: &mut [(&str, usize, usize)], basis: &str, right: bool) {
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

fn check(path: &Path, table: &str) {
    if std::env::var_os("POLEMOS_WRITE_CALIBRATION").is_some() {
        std::fs::write(path, table).expect("writes the table");
    }
    let committed = std::fs::read_to_string(path).expect("reads the table");
    assert!(
        committed == table,
        "{} is stale; rerun with POLEMOS_WRITE_CALIBRATION=1. Computed:\n{table}",
        path.display()
    );
}

#[test]
fn actor_and_date_confidence_is_the_dev_corpus_share_of_right_ones() {
    let suite = Suite::load(&root().join("eval/news")).expect("news corpus loads");
    let x = Extractor::new().expect("built-in knowledge");
    let mut actors: Vec<(&str, usize, usize)> =
        ACTOR_BASES.iter().map(|v| (via_name(*v), 0, 0)).collect();
    let mut dates: Vec<(&str, usize, usize)> =
        DATE_BASES.iter().map(|f| (f.as_str(), 0, 0)).collect();
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
        let accepted = |fact: FactType, alone: &polemos_extract::output::Extraction| {
            let predicted = facts::predicted_facts(alone);
            let tuples = predicted.get(fact);
            !tuples.is_empty()
                && tuples
                    .iter()
                    .all(|t| gold.get(fact).iter().any(|g| g.accepts(fact, t)))
        };
        for actor in &extraction.actors {
            // The actor's own tuple: the extraction with only it.
            let mut alone = extraction.clone();
            alone.actors = vec![actor.clone()];
            let Some(via) = actor_basis(actor) else {
                continue;
            };
            count(
                &mut actors,
                via_name(via),
                accepted(FactType::Actors, &alone),
            );
        }
        for date in &extraction.dates {
            let mut alone = extraction.clone();
            alone.dates = vec![date.clone()];
            let form = DateForm::of_fact(date);
            count(&mut dates, form.as_str(), accepted(FactType::Dates, &alone));
        }
    }
    let data = root().join("crates/polemos-extract/data");
    check(&data.join("actor-calibration.tsv"), &render_actors(&actors));
    check(&data.join("date-calibration.tsv"), &render_dates(&dates));
}
