//! The parse gates (`src/gates.rs`): stages read the parse only where their token rules are in
//! doubt. These tests check that the gates save parsing where a clause is plain, that they still
//! parse where it is not, and that on the reference article and the test articles the facts are
//! the same as with every gate lifted (`tree::UngatedParse`).

use std::path::PathBuf;

use polemos_extract::{Doc, Extractor, tree};

fn extractors() -> (Extractor, Extractor) {
    let gated = Extractor::new().expect("knowledge");
    let mut ungated = Extractor::new().expect("knowledge");
    assert!(ungated.replace_stage(Box::new(tree::UngatedParse)));
    (gated, ungated)
}

fn published() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2019, 9, 19)
}

/// Events and stances as comparable text, sorted.
fn facts(doc: &Doc<'_>) -> Vec<String> {
    let mut out: Vec<String> = doc
        .events
        .iter()
        .map(|e| {
            format!(
                "{:?} {:?} -> {:?} negated={} {:?} {:?}",
                e.event_type,
                e.sources,
                e.targets,
                e.negated,
                e.status,
                e.evidence.iter().map(|x| x.sentence).collect::<Vec<_>>()
            )
        })
        .chain(doc.stances.iter().map(|s| {
            format!(
                "{} {} {:?} negated={} conditions={} {:?}",
                s.actor,
                s.issue,
                s.label,
                s.negated,
                s.conditions.len(),
                s.evidence.iter().map(|x| x.sentence).collect::<Vec<_>>()
            )
        }))
        .collect();
    out.sort();
    out
}

#[test]
fn plain_clauses_are_read_without_the_parse() {
    let (gated, ungated) = extractors();
    let text = "Japan and Russia are at odds over the Kuril Islands.\n\n\
                Japan and Russia will meet China on Tuesday, according to Reuters. \
                Japan did not support a peace treaty on Tuesday. \
                The talks come amid rising tensions in the region.";
    let a = gated.analyze(text, published());
    let b = ungated.analyze(text, published());
    assert_eq!(a.parse.parsed_sentences(), 0, "{:?}", a.parse);
    assert!(b.parse.parsed_sentences() >= 2, "{:?}", b.parse);
    assert_eq!(facts(&a), facts(&b));
    assert!(
        a.events
            .iter()
            .any(|e| e.sources == ["actors/JPN", "actors/RUS"] && e.targets == ["actors/CHN"]),
        "{:?}",
        facts(&a)
    );
}

#[test]
fn a_condition_of_several_words_is_not_parsed() {
    // "only after" subordinates a condition; only a one-word cue ("once" of "once again") can
    // be an adverb's modifier, so the sentence is not parsed to ask.
    let (gated, ungated) = extractors();
    let text = "Japan and Russia are at odds over the Kuril Islands.\n\n\
                Tokyo said that Russia would sign the peace treaty only after the dispute over the \
                Kuril Islands was resolved.";
    let a = gated.analyze(text, published());
    let b = ungated.analyze(text, published());
    assert_eq!(a.parse.parsed_sentences(), 0, "{:?}", a.parse);
    assert_eq!(facts(&a), facts(&b));
    assert!(
        a.stances
            .iter()
            .any(|s| s.actor == "actors/RUS" && !s.conditions.is_empty()),
        "{:?}",
        facts(&a)
    );
}

#[test]
fn clauses_in_doubt_are_parsed() {
    let (gated, _) = extractors();
    // A relative clause between subject and verb, an object asked to act, a passive: the token
    // rules cannot say who acts upon whom.
    for text in [
        "China, which Japan accused of provocations, met Russia on Tuesday.",
        "Japan urged Russia to withdraw its troops.",
        "Japan was criticized by China on Tuesday.",
    ] {
        let a = gated.analyze(text, published());
        assert_eq!(a.parse.parsed_sentences(), 1, "{text}: {:?}", a.parse);
    }
}

#[test]
fn gates_lose_no_fact_on_the_test_articles() {
    let (gated, ungated) = extractors();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut files = vec![root.join("kuril-2018.txt")];
    let mut articles: Vec<PathBuf> = std::fs::read_dir(root.join("articles"))
        .expect("articles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    articles.sort();
    files.extend(articles);
    let (mut parsed_gated, mut parsed_ungated) = (0, 0);
    for f in &files {
        let text = std::fs::read_to_string(f).expect("article");
        let a = gated.analyze(&text, published());
        let b = ungated.analyze(&text, published());
        assert_eq!(facts(&a), facts(&b), "{}", f.display());
        parsed_gated += a.parse.parsed_sentences();
        parsed_ungated += b.parse.parsed_sentences();
    }
    assert!(
        parsed_gated < parsed_ungated,
        "{parsed_gated} of {parsed_ungated}"
    );
}
