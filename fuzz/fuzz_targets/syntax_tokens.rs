//! Fuzzes the tagger, parser and labeller on pre-tokenized input (`Model::parse_tokens`, what
//! the gold-tokenization evaluation and callers with their own tokenizer use): arbitrary UTF-8
//! cut into words at `|`, so words may be empty, whitespace, control characters or any script,
//! and sentences may be far longer than the tokenizer's cap. Every word must come back as one
//! token, and the sentence must be a single-rooted tree with heads in range and no cycle.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polemos_syntax::Model;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let words: Vec<&str> = if text.is_empty() { Vec::new() } else { text.split('|').collect() };
    let s = Model::builtin().parse_tokens(&words);
    assert_eq!(s.tokens.len(), words.len());
    let n = words.len();
    if n > 0 {
        assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
    }
    for (i, (t, w)) in s.tokens.iter().zip(&words).enumerate() {
        assert_eq!(t.text, *w);
        assert_eq!(&s.text[t.start..t.end], *w);
        assert!(t.head <= n && t.head != i + 1);
        assert_eq!(t.deprel == "root", t.head == 0);
    }
    // Every word reaches the root: no cycles.
    for i in 1..=n {
        let (mut k, mut steps) = (i, 0);
        while k != 0 {
            k = s.tokens[k - 1].head;
            steps += 1;
            assert!(steps <= n, "cycle");
        }
    }
});
