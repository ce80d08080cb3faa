//! Fuzzes the extractor with arbitrary bytes: it must return facts or a typed error, never
//! panic, and every evidence span must lie on character boundaries of the input.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use polemos_extract::{ArticleMeta, Extractor};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("built-in knowledge").max_bytes(1 << 20))
}

fuzz_target!(|data: &[u8]| {
    let meta = ArticleMeta {
        published: chrono::NaiveDate::from_ymd_opt(2018, 9, 19),
        ..ArticleMeta::default()
    };
    if let Ok(x) = extractor().extract_bytes(data, &meta) {
        let text = std::str::from_utf8(data).expect("accepted input is UTF-8");
        for e in x.events.iter().flat_map(|e| &e.evidence).chain(x.stances.iter().flat_map(|s| &s.evidence)) {
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            assert_eq!(&text[e.span.start..e.span.end], e.quote);
        }
    }
});
