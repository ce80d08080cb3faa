//! The `parse` stage made eager, for measuring the pipeline as if every stage read every
//! sentence's parse: the built-in stage parses a sentence only when a stage first asks about it.

use polemos_extract::{Doc, Knowledge, Stage, tree};

pub struct EagerParse;

impl Stage for EagerParse {
    fn name(&self) -> &'static str {
        "parse"
    }

    fn run(&self, knowledge: &Knowledge, doc: &mut Doc<'_>) {
        tree::run(knowledge, doc);
        for s in 0..doc.sentences.len() {
            std::hint::black_box(doc.parse.sentence(s));
        }
    }
}

/// An extractor whose parse stage parses every sentence.
pub fn extractor() -> polemos_extract::Extractor {
    let mut ex = polemos_extract::Extractor::new().expect("knowledge");
    assert!(
        ex.replace_stage(Box::new(EagerParse)),
        "a stage named parse"
    );
    ex
}
