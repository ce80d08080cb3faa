//! The actor and date confidence tables (`crates/polemos-extract/data/actor-calibration.tsv`,
//! `date-calibration.tsv`) are what the development part of the news corpus says: for each
//! basis (the most direct way an actor was named; a date's form), how many of the actors
//! (dates) the extractor reports the gold accepts. Fails when a committed table is stale; run
//! with `POLEMOS_WRITE_CALIBRATION=1` to rewrite them after a change to extraction.

mod support;

use polemos_eval::FactType;
use polemos_extract::calibration::{
    ACTOR_BASES, DATE_BASES, DateForm, Kind, actor_basis, render, via_name,
};

#[test]
fn actor_and_date_confidence_is_the_dev_corpus_share_of_right_ones() {
    let mut actors: Vec<(&str, usize, usize)> =
        ACTOR_BASES.iter().map(|v| (via_name(*v), 0, 0)).collect();
    let mut dates: Vec<(&str, usize, usize)> =
        DATE_BASES.iter().map(|f| (f.as_str(), 0, 0)).collect();
    let (x, articles) = support::dev_extractions();
    for (gold, extraction) in &articles {
        for actor in &extraction.actors {
            let Some(via) = actor_basis(actor) else {
                continue;
            };
            // The actor's own tuple: the extraction with only it.
            let mut alone = extraction.clone();
            alone.actors = vec![actor.clone()];
            let right = support::accepted(gold, FactType::Actors, &alone);
            support::count(&mut actors, via_name(via), right);
        }
        for date in &extraction.dates {
            let mut alone = extraction.clone();
            alone.dates = vec![date.clone()];
            let right = support::accepted(gold, FactType::Dates, &alone);
            support::count(
                &mut dates,
                DateForm::of_fact(date, x.language()).as_str(),
                right,
            );
        }
    }
    support::check("actor-calibration.tsv", &render(Kind::Actor, &actors));
    support::check("date-calibration.tsv", &render(Kind::Date, &dates));
}
