//! Fuzzes the tokenizer, tagger and parser with arbitrary UTF-8: they must never panic, every
//! token span must lie on character boundaries inside its sentence, and every sentence must be a
//! single-rooted tree with heads in range. Also feeds the bytes to the model decoder, which must
//! refuse malformed model files with an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polemos_syntax::Model;

fuzz_target!(|data: &[u8]| {
    let _ = Model::from_bytes(data);
    let Ok(text) = std::str::from_utf8(data) else { return };
    let model = Model::builtin();
    for s in model.parse(text) {
        assert!(s.start <= s.end && s.end <= text.len());
        assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
        for t in &s.tokens {
            assert!(s.start <= t.start && t.start < t.end && t.end <= s.end);
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert_eq!(&text[t.start..t.end], t.text);
            assert!(t.head <= s.tokens.len());
        }
        // Every word reaches the root: no cycles.
        for i in 1..=s.tokens.len() {
            let (mut k, mut steps) = (i, 0);
            while k != 0 {
                k = s.tokens[k - 1].head;
                steps += 1;
                assert!(steps <= s.tokens.len(), "cycle");
            }
        }
    }
});
