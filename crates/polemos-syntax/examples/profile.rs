//! Speed per CPU second, which a shared machine does not distort (criterion's wall clock does):
//! model load time, then tagging and parsing of EWT test (gold tokens) and of GUM test's raw text.
//!
//! `cargo run --release -p polemos-syntax --example profile [ROUNDS] [MODEL]`

use std::time::Instant;

use polemos_syntax::{Model, conllu};

const EWT_TEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu"
);
const GUM_TEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpora/ud-english-gum-open/en_gum-open-test.conllu"
);

/// User plus system CPU time of this process, in seconds (Linux `/proc/self/stat`, 100 ticks/s).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let t = Instant::now();
    let loaded;
    let model = match args.next() {
        Some(p) => {
            loaded = Model::load(&p).expect("model");
            &loaded
        }
        None => Model::builtin(),
    };
    println!(
        "model loaded in {:.1} ms (wall clock)",
        t.elapsed().as_secs_f64() * 1e3
    );
    // Load time per CPU second: the shipped file decoded 10 times (reading it included).
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/models/en.model");
    let c0 = cpu_seconds();
    for _ in 0..10 {
        std::hint::black_box(Model::load(path).expect("model"));
    }
    println!(
        "model load (models/en.model, mean of 10): {:.1} ms CPU",
        (cpu_seconds() - c0) * 100.0
    );

    let gold = conllu::read(std::path::Path::new(EWT_TEST)).expect("EWT test beside the clone");
    let sents: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let words: usize = sents.iter().map(Vec::len).sum();
    let c0 = cpu_seconds();
    for _ in 0..rounds {
        for s in &sents {
            std::hint::black_box(model.parse_tokens(s));
        }
    }
    let cpu = cpu_seconds() - c0;
    let n = (sents.len() * rounds) as f64;
    println!(
        "EWT test, gold tokens: {} sentences ({words} words) x {rounds} in {cpu:.2} CPU s: {:.0} sentences, {:.0} words per CPU second",
        sents.len(),
        n / cpu,
        (words * rounds) as f64 / cpu
    );

    let gum = conllu::read(std::path::Path::new(GUM_TEST)).expect("GUM test beside the clone");
    let text: String = gum
        .iter()
        .filter_map(|s| s.text.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    let c0 = cpu_seconds();
    let mut count = 0;
    for _ in 0..rounds {
        count = std::hint::black_box(model.parse(&text)).len();
    }
    let cpu = cpu_seconds() - c0;
    println!(
        "GUM test, raw text: {count} sentences ({} bytes) x {rounds} in {cpu:.2} CPU s: {:.0} sentences, {:.2} MB per CPU second",
        text.len(),
        (count * rounds) as f64 / cpu,
        (text.len() * rounds) as f64 / cpu / 1e6
    );
}
