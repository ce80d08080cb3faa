//! The event confidence table (`crates/polemos-extract/data/event-calibration.tsv`) is what the
//! development part of the news corpus says: for each basis, how many of the events the
//! extractor reports have state-level tuples the gold accepts. Fails when the committed table
//! is stale; run with `POLEMOS_WRITE_CALIBRATION=1` to rewrite it after a change to extraction.

mod support;

use polemos_eval::FactType;
use polemos_extract::calibration::{Kind, render};
use polemos_extract::events::calibration::{BASES, basis};

#[test]
fn event_confidence_is_the_dev_corpus_share_of_right_events() {
    let mut counts: Vec<(&str, usize, usize)> = BASES.iter().map(|b| (*b, 0, 0)).collect();
    let (_, articles) = support::dev_extractions();
    for (gold, extraction) in &articles {
        for event in &extraction.events {
            // The event's own tuples (one per source and target): the extraction with only it.
            let mut alone = extraction.clone();
            alone.events = vec![event.clone()];
            let right = support::accepted(gold, FactType::Events, &alone);
            support::count(&mut counts, basis(event), right);
        }
    }
    support::check("event-calibration.tsv", &render(Kind::Event, &counts));
}
