//! What the parse gates save and what they lose: runs the pipeline twice on each text, once as
//! shipped (stages read the parse only where their token rules are in doubt) and once with the
//! gates lifted (`tree::UngatedParse`), and prints how many sentences each parsed and every
//! event or stance that differs, with its sentence.
//!
//! `cargo run --release -p polemos-extract --example gates -- corpus|FILE|DIR... [--quiet]`
//! (`corpus`: the benchmark's generated corpus, article by article; a directory: its `.txt`
//! files).

use std::collections::BTreeMap;

use polemos_extract::{Doc, Extractor, tree};

#[path = "../benches/support/corpus.rs"]
mod corpus;

/// Each fact as text, with the sentence of its first evidence, counted.
fn facts(doc: &Doc<'_>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let sentence = |e: Option<&polemos_extract::Evidence>| {
        e.map(|e| e.quote.trim().to_owned()).unwrap_or_default()
    };
    for e in &doc.events {
        let key = format!(
            "event {:?} {:?} -> {:?} negated={} status={:?} | {}",
            e.event_type,
            e.sources,
            e.targets,
            e.negated,
            e.status,
            sentence(e.evidence.first())
        );
        *out.entry(key).or_default() += 1;
    }
    for s in &doc.stances {
        let key = format!(
            "stance {} {} {:?} negated={} conditions={} | {}",
            s.actor,
            s.issue,
            s.label,
            s.negated,
            s.conditions.len(),
            sentence(s.evidence.first())
        );
        *out.entry(key).or_default() += 1;
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    // `--parsed`: also print each sentence the gated pipeline parsed.
    let show_parsed = args.iter().any(|a| a == "--parsed");
    let mut texts: Vec<(String, String)> = Vec::new();
    for a in args.iter().filter(|a| !a.starts_with("--")) {
        if a == "corpus" {
            for (i, t) in corpus::corpus(2 * 1024 * 1024).into_iter().enumerate() {
                texts.push((format!("corpus #{i}"), t));
            }
        } else if std::path::Path::new(a).is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(a)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            for f in files {
                texts.push((f.display().to_string(), std::fs::read_to_string(&f)?));
            }
        } else {
            texts.push((a.clone(), std::fs::read_to_string(a)?));
        }
    }
    let gated = Extractor::new()?;
    let mut ungated = Extractor::new()?;
    ungated.replace_stage(Box::new(tree::UngatedParse));
    let published = chrono::NaiveDate::from_ymd_opt(2019, 9, 19);
    let (mut sentences, mut parsed_gated, mut parsed_ungated) = (0, 0, 0);
    let (mut facts_ungated, mut lost, mut gained) = (0, 0, 0);
    for (name, text) in &texts {
        let a = gated.analyze(text, published);
        let b = ungated.analyze(text, published);
        sentences += a.sentences.len();
        parsed_gated += a.parse.parsed_sentences();
        parsed_ungated += b.parse.parsed_sentences();
        if show_parsed {
            for (i, x) in a.sentences.iter().enumerate() {
                if a.parse.is_parsed(i) {
                    println!("{name}: PARSED {}", a.slice(x.start, x.end).trim());
                }
            }
        }
        let (fa, fb) = (facts(&a), facts(&b));
        facts_ungated += fb.values().sum::<usize>();
        for (k, n) in &fb {
            let m = fa.get(k).copied().unwrap_or(0);
            if m < *n {
                lost += n - m;
                if !quiet {
                    println!("{name}: LOST   {k}");
                }
            }
        }
        for (k, n) in &fa {
            let m = fb.get(k).copied().unwrap_or(0);
            if m < *n {
                gained += n - m;
                if !quiet {
                    println!("{name}: GAINED {k}");
                }
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / sentences.max(1) as f64;
    println!(
        "{} texts, {sentences} sentences; parsed with gates {parsed_gated} ({:.1} %), without \
         {parsed_ungated} ({:.1} %); facts without gates {facts_ungated}: lost {lost}, gained \
         {gained}",
        texts.len(),
        pct(parsed_gated),
        pct(parsed_ungated)
    );
    Ok(())
}
