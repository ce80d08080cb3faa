//! Any input parses: no panic, spans on character boundaries, one root per sentence, no cycles.

use polemos_syntax::{Model, Sentence};
use proptest::prelude::*;

fn check(text: &str) {
    for s in Model::builtin().parse(text) {
        assert!(!s.tokens.is_empty(), "empty sentence");
        check_tree(&s);
        for t in &s.tokens {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}

/// One root, heads in range, every word reaches the root (no cycle), a relation and tags for
/// every word.
fn check_tree(s: &Sentence) {
    let n = s.tokens.len();
    if n > 0 {
        assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
    }
    for (i, t) in s.tokens.iter().enumerate() {
        assert!(
            t.head <= n && t.head != i + 1,
            "head {} of word {}",
            t.head,
            i + 1
        );
        assert!(!t.deprel.is_empty() && !t.upos.is_empty() && !t.xpos.is_empty());
        assert_eq!(t.deprel == "root", t.head == 0);
    }
    for i in 1..=n {
        let (mut k, mut steps) = (i, 0);
        while k != 0 {
            k = s.tokens[k - 1].head;
            steps += 1;
            assert!(steps <= n, "cycle");
        }
    }
}

/// `parse_tokens` on given words: one token per word, in order, whatever the words are.
fn check_words(words: &[String]) {
    let s = Model::builtin().parse_tokens(words);
    assert_eq!(s.tokens.len(), words.len());
    for (t, w) in s.tokens.iter().zip(words) {
        assert_eq!(&t.text, w);
        assert_eq!(&s.text[t.start..t.end], w);
    }
    check_tree(&s);
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

    /// Pre-tokenized input is taken as given, odd words included (empty, spaces, control
    /// characters, any script).
    #[test]
    fn arbitrary_words(words in proptest::collection::vec("\\PC{0,12}|[ \t\u{0}-\u{1f}]{0,3}", 0..40)) {
        check_words(&words);
    }
}

#[test]
fn odd_text_parses_into_valid_trees() {
    for text in [
        "",
        " \n\t ",
        "?!?!... ,,, ;;; --- ((( ))) \"\" '' …",
        ".",
        "\u{0}\u{1}\u{7}\u{1b}[31m red \u{7f}\r\n\u{200b}\u{feff}\u{202e}reversed",
        "Путин встретился с 習近平 in Beijing; مرحبا بالعالم 🙂🇺🇦 — नमस्ते, Ελλάδα.",
        "e\u{301}e\u{301}e\u{301} ﬁ İstanbul ΣΑΣ ǅ",
        "$$$ 5% 3.5.6 10:30:99 9/11/ U.S.A. e.g. mr. Mr. ... 'n' 's' n't",
    ] {
        check(text);
    }
}

#[test]
fn odd_word_lists_parse_into_valid_trees() {
    let words = |ws: &[&str]| ws.iter().map(|w| (*w).to_owned()).collect::<Vec<String>>();
    check_words(&[]);
    check_words(&words(&[""]));
    check_words(&words(&["", "", " "]));
    check_words(&words(&[".", ",", "!", "?", "(", ")", "…"]));
    check_words(&words(&["\u{0}", "\u{7}\u{8}", "\r\n", "\u{202e}", "🙂"]));
    check_words(&words(&["Путин", "met", "習近平", "في", "Beijing", "."]));
    // A 10,000-word sentence (the tokenizer would cut it; pre-tokenized input is parsed whole,
    // in linear time).
    let long: Vec<String> = (0..10_000)
        .map(|i| {
            [
                "the", "minister", "said", ",", "and", "Japan", "rejected", "it", ".",
            ][i % 9]
        })
        .map(str::to_owned)
        .collect();
    check_words(&long);
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
