//! The shipped model: it loads, meets the accuracy floors of issue 16 on a sample of EWT test
//! (gold tokenization), and parses raw text into single-rooted trees.
//!
//! The treebanks are read from `../shared/corpora/` beside the clone (as in CI); the sample is
//! every fifth sentence of EWT test (416 sentences) so the test stays fast in a debug build.

use polemos_syntax::{Model, conllu, eval};

const EWT_TEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu"
);

#[test]
fn meets_the_floors_on_ewt_test_sample() {
    let gold = conllu::read(std::path::Path::new(EWT_TEST)).expect("EWT test beside the clone");
    // Every fifth sentence: a sample spread over all of the test set's documents and genres.
    let sample: Vec<_> = gold.iter().step_by(5).cloned().collect();
    let c = eval::gold_tokenization(Model::builtin(), &sample);
    let (upos, uas, las) = (c.f1(c.upos), c.f1(c.uas), c.f1(c.las));
    eprintln!("every fifth sentence of EWT test: {}", c.summary());
    assert!(upos >= 94.0, "UPOS {upos:.2}");
    assert!(uas >= 85.0, "UAS {uas:.2}");
    assert!(las >= 81.0, "LAS {las:.2}");
}

#[test]
fn parses_news_text_into_trees() {
    let text = "Chile's president, Gabriel Boric, rejected a ruling by the ICJ on Tuesday. \
                \"The atoll has always been an integral part of our territory,\" he said.";
    let sentences = Model::builtin().parse(text);
    assert_eq!(sentences.len(), 2);
    for s in &sentences {
        assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
        for t in &s.tokens {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
    let first = &sentences[0].tokens;
    let word = |w: &str| first.iter().position(|t| t.text == w).expect("word");
    let rejected = word("rejected");
    assert_eq!(first[rejected].head, 0);
    assert_eq!(first[rejected].lemma, "reject");
    // `president` is the subject, `Gabriel (Boric)` its apposition.
    assert_eq!(first[word("president")].head, rejected + 1);
    assert_eq!(first[word("president")].deprel, "nsubj");
    assert_eq!(first[word("Gabriel")].deprel, "appos");
    assert_eq!(first[word("Boric")].deprel, "flat");
    let conllu = polemos_syntax::to_conllu(&sentences);
    assert!(conllu.contains("# text = Chile's president"));
}

#[test]
fn loads_from_its_own_bytes_and_refuses_garbage() {
    let m = Model::builtin();
    let bytes = m.to_bytes();
    // Decoding and encoding lose nothing: the shipped file comes back byte for byte.
    assert!(bytes == include_bytes!("../models/en.model"));
    let again = Model::from_bytes(&bytes).expect("round trip");
    assert_eq!(again.parse("It works."), m.parse("It works."));
    for cut in [0, 10, bytes.len() / 2, bytes.len() - 1] {
        assert!(Model::from_bytes(&bytes[..cut]).is_err());
    }
    assert!(Model::load("/nonexistent/model").is_err());
}
