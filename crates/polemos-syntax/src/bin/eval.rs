//! `polemos-syntax-eval`: scores a model on CoNLL-U test files, with gold tokenization and from
//! raw text.
//!
//! ```sh
//! cargo run --release -p polemos-syntax --bin polemos-syntax-eval -- \
//!   ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu \
//!   ../shared/corpora/ud-english-gum-open/en_gum-open-test.conllu
//! ```
//! `--model PATH` scores another model than the embedded one; `--write DIR` also writes the
//! gold-tokenization parses there as CoNLL-U, for error analysis.

use std::process::ExitCode;
use std::time::Instant;

use polemos_syntax::{Model, conllu, eval};

fn main() -> ExitCode {
    let mut files = Vec::new();
    let mut model_path = None;
    let mut write_dir: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--model" {
            model_path = args.next();
        } else if a == "--write" {
            write_dir = args.next();
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        eprintln!("usage: polemos-syntax-eval [--model PATH] [--write DIR] FILE.conllu...");
        return ExitCode::FAILURE;
    }
    let t0 = Instant::now();
    let loaded;
    let model = match &model_path {
        Some(p) => match Model::load(p) {
            Ok(m) => {
                loaded = m;
                &loaded
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => Model::builtin(),
    };
    println!(
        "model loaded in {:.1} ms: {}",
        t0.elapsed().as_secs_f64() * 1e3,
        model.provenance()
    );
    for f in &files {
        let gold = match conllu::read(std::path::Path::new(f)) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
        let t = Instant::now();
        let g = eval::gold_tokenization(model, &gold);
        let secs = t.elapsed().as_secs_f64();
        println!("{f}\n  gold tokenization: {}", g.summary());
        println!(
            "    ({} sentences, {} words in {:.2} s: {:.0} sentences/s)",
            gold.len(),
            g.gold_words,
            secs,
            gold.len() as f64 / secs
        );
        if let Some(dir) = &write_dir {
            // The gold-tokenization parse, for error analysis against the treebank.
            let name = std::path::Path::new(f)
                .file_name()
                .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
            let parsed: Vec<_> = gold
                .iter()
                .map(|g| {
                    model.parse_tokens(&g.words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>())
                })
                .collect();
            let path = std::path::Path::new(dir).join(name);
            if let Err(e) = std::fs::write(&path, polemos_syntax::to_conllu(&parsed)) {
                eprintln!("error: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
        let r = eval::raw_text(model, &gold);
        println!("  raw text:          {}", r.summary());
    }
    ExitCode::SUCCESS
}
