//! Any input parses: no panic, spans on character boundaries, one root per sentence, no cycles.

use polemos_syntax::Model;
use proptest::prelude::*;

fn check(text: &str) {
    for s in Model::builtin().parse(text) {
        assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
        for t in &s.tokens {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert_eq!(&text[t.start..t.end], t.text);
            assert!(t.head <= s.tokens.len());
        }
        for i in 1..=s.tokens.len() {
            let (mut k, mut steps) = (i, 0);
            while k != 0 {
                k = s.tokens[k - 1].head;
                steps += 1;
                assert!(steps <= s.tokens.len(), "cycle");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn arbitrary_text(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn punctuation_heavy_text(text in "[a-zA-Z'’.,!?\\-/$%()\" \n]{0,300}") {
        check(&text);
    }
}

#[test]
fn long_unpunctuated_text_is_cut_into_bounded_sentences() {
    let text = "word ".repeat(5000);
    let s = Model::builtin().parse(&text);
    assert!(
        s.iter()
            .all(|s| s.tokens.len() <= polemos_syntax::tokenize::MAX_SENTENCE_TOKENS)
    );
    check(&text);
    check(&"x".repeat(100_000));
    check(&"'.".repeat(10_000));
}
