//! The stance confidence table (`crates/polemos-extract/data/stance-calibration.tsv`) is what
//! the development part of the news corpus says: for each basis, how many of the stances the
//! extractor reports are right. Fails when the committed table is stale; run with
//! `POLEMOS_WRITE_CALIBRATION=1` to rewrite it after a change to extraction.

mod support;

use polemos_eval::FactType;
use polemos_extract::calibration::{Kind, render};
use polemos_extract::stances::calibration::{BASES, basis};

#[test]
fn stance_confidence_is_the_dev_corpus_share_of_right_stances() {
    let mut counts: Vec<(&str, usize, usize)> = BASES.iter().map(|b| (*b, 0, 0)).collect();
    let (x, articles) = support::dev_extractions();
    for (gold, extraction) in &articles {
        for stance in &extraction.stances {
            // The stance's own tuple: the extraction with only it.
            let mut alone = extraction.clone();
            alone.stances = vec![stance.clone()];
            let right = support::accepted(gold, FactType::Stances, &alone);
            support::count(&mut counts, basis(x.knowledge(), stance), right);
        }
    }
    support::check("stance-calibration.tsv", &render(Kind::Stance, &counts));
}
