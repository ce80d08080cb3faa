//! Bad input never panics and never makes the work explode: empty text, invalid UTF-8, size
//! limits, binary junk, a 1 MB line, thousands of quotation marks, deeply nested brackets.
//! "Work" is the pipeline's own step counter (`Doc::work`), not a timing.

use polemos_extract::{ArticleMeta, ExtractError, Extractor};
use proptest::prelude::*;

/// One extractor for the file: building the knowledge (tens of thousands of phrases) for each of
/// the property cases would dominate the test's time.
fn ex() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("knowledge"))
}

fn meta() -> ArticleMeta {
    ArticleMeta {
        published: chrono::NaiveDate::from_ymd_opt(2018, 9, 19),
        ..ArticleMeta::default()
    }
}

fn work(ex: &Extractor, text: &str) -> usize {
    ex.analyze(text, meta().published).work.get()
}

/// Deterministic pseudo-random bytes (no RNG dependency, same every run).
fn junk(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 56) as u8
        })
        .collect()
}

#[test]
fn empty_text_yields_nothing() {
    let x = ex().extract("", &meta()).expect("empty is fine");
    assert!(x.is_empty());
    assert_eq!(x.document.sentences, 0);
    let x = ex().extract("  \n\n \t ", &meta()).expect("blank is fine");
    assert!(x.is_empty());
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let err = ex()
        .extract_bytes(b"Japan said \xff\xfe no", &meta())
        .expect_err("not UTF-8");
    assert_eq!(err, ExtractError::InvalidUtf8 { valid_up_to: 11 });
    assert_eq!(
        err.to_string(),
        "input is not valid UTF-8: invalid byte sequence at byte offset 11"
    );
    let err = ex()
        .extract_bytes(&junk(4096, 7), &meta())
        .expect_err("junk is not UTF-8");
    assert!(matches!(err, ExtractError::InvalidUtf8 { .. }));
}

#[test]
fn size_limit_is_configurable_and_clear() {
    let small = Extractor::new().expect("knowledge").max_bytes(64);
    let text = "Japan protested to China. ".repeat(10);
    let err = small.extract(&text, &meta()).expect_err("too large");
    assert_eq!(
        err,
        ExtractError::TooLarge {
            bytes: text.len(),
            limit: 64
        }
    );
    assert!(
        err.to_string().contains("over the limit of 64 bytes"),
        "{err}"
    );
    let err = small
        .extract_bytes(text.as_bytes(), &meta())
        .expect_err("too large");
    assert!(matches!(err, ExtractError::TooLarge { .. }));
    assert!(small.extract("Japan protested.", &meta()).is_ok());
}

#[test]
fn binary_junk_decoded_lossily_does_not_panic() {
    for seed in 0..8 {
        let text = String::from_utf8_lossy(&junk(64 * 1024, seed)).into_owned();
        let x = ex().extract(&text, &meta()).expect("extracts");
        for e in x.events.iter().flat_map(|e| &e.evidence) {
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        }
    }
}

#[test]
fn pathological_inputs_do_not_panic() {
    let ex = ex();
    let one_mb_line = "Japan said Russia met China and Putin noted that ".repeat(22_000);
    let quotes = "\"".repeat(10_000);
    let curly = "\u{201c}Japan said\u{201d} ".repeat(10_000);
    let brackets = format!("{}Japan{}", "(".repeat(100_000), ")".repeat(100_000));
    let nested = "[{(".repeat(50_000);
    let no_spaces = "a".repeat(1 << 20);
    let commas = ", which ,".repeat(50_000);
    for text in [
        &one_mb_line,
        &quotes,
        &curly,
        &brackets,
        &nested,
        &no_spaces,
        &commas,
    ] {
        let x = ex.extract(text, &meta()).expect("extracts");
        assert!(x.document.bytes == text.len());
    }
    let x = ex.extract(&one_mb_line, &meta()).expect("extracts");
    assert!(x.document.bytes >= 1 << 20);
    assert!(
        x.document.sentences > 1,
        "a 1 MB line is cut into bounded sentences"
    );
}

/// The work for twice the input is at most a little over twice the work.
fn assert_linear(name: &str, unit: &str) {
    let ex = ex();
    // About 100 kB and 200 kB of text.
    let reps = (100_000 / unit.len()).max(1);
    let small = unit.repeat(reps);
    let large = unit.repeat(reps * 2);
    let (a, b) = (work(ex, &small), work(ex, &large));
    assert!(a > 0, "{name}: no work counted");
    assert!(
        b <= a * 2 + a / 5,
        "{name}: work grew from {a} to {b} when the input doubled"
    );
    assert!(
        b / large.len() < 200,
        "{name}: {} steps a byte",
        b / large.len()
    );
}

#[test]
fn work_stays_linear_in_the_input() {
    assert_linear(
        "news",
        include_str!("../../../tests/fixtures/kuril-2018.txt"),
    );
    assert_linear(
        "one long line",
        "Kono said Putin met Lavrov and Japan rejected the proposal, ",
    );
    assert_linear(
        "quotes",
        "\u{201c}We oppose the treaty,\u{201d} he said. \"",
    );
    assert_linear(
        "relative clauses",
        "Tokyo, which calls them the Northern Territories, said ",
    );
    assert_linear("brackets", "(((Japan [said {Russia} met] China))) ");
    assert_linear(
        "conditions",
        "Japan will sign the peace treaty only after unless provided that once ",
    );
    // Many distinct people: every title introduces someone new.
    let people: String = (0..2_000)
        .map(|i| {
            let a = (b'A' + (i % 26) as u8) as char;
            let b = (b'a' + ((i / 26) % 26) as u8) as char;
            let c = (b'a' + ((i / 676) % 26) as u8) as char;
            format!("President X{b}{c}{a}o met Foreign Minister Y{c}{b}{a}a. The minister said Y{c}{b}{a}a opposed sanctions. ")
        })
        .collect();
    let half: String = people[..people.len() / 2].to_owned();
    let ex = ex();
    let (a, b) = (work(ex, &half), work(ex, &people));
    assert!(b <= a * 2 + a / 2, "people: work grew from {a} to {b}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any mix of the words the extractor reacts to: no panic, every span valid.
    #[test]
    fn spans_are_always_valid(words in proptest::collection::vec(prop_oneof![
        Just("Japan"), Just("Russia"), Just("said"), Just("not"), Just("the"), Just(","),
        Just("."), Just("\u{201c}"), Just("\u{201d}"), Just("Foreign Minister"), Just("Taro Kono"),
        Just("Kono"), Just("peace treaty"), Just("only after"), Just("resolved"), Just("may"),
        Just("next week"), Just("on Tuesday"), Just("Northern Territories"), Just("\n"),
        Just("proposal"), Just("'s"), Just("met"), Just("in"), Just("Vladivostok"), Just("which"),
        Just("supports"), Just("opposes"), Just("not fundamental"), Just("it"), Just("his"),
        Just("é"), Just("(")
    ], 0..120)) {
        let text = words.join(" ");
        let x = ex().extract(&text, &meta()).expect("extracts");
        let spans = x.events.iter().flat_map(|e| &e.evidence)
            .chain(x.stances.iter().flat_map(|s| &s.evidence))
            .map(|e| e.span)
            .chain(x.actors.iter().flat_map(|a| a.mentions.iter().map(|m| m.span)))
            .chain(x.dates.iter().map(|d| d.span));
        for s in spans {
            prop_assert!(s.start <= s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}
