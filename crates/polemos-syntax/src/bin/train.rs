//! `polemos-syntax-train`: trains a model from CoNLL-U files and writes it.
//!
//! ```sh
//! cargo run --release -p polemos-syntax --bin polemos-syntax-train -- \
//!   --train ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu \
//!   --train ../shared/corpora/ud-english-gum-open/en_gum-open-train.conllu \
//!   --dev ../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu \
//!   --dev ../shared/corpora/ud-english-gum-open/en_gum-open-dev.conllu \
//!   --out crates/polemos-syntax/models/en.model
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use polemos_syntax::{conllu, train};

fn usage() -> ExitCode {
    eprintln!(
        "usage: polemos-syntax-train (--train FILE... --dev FILE... | --compact MODEL) --out MODEL [--seed N] \
         [--tagger-epochs N] [--parser-epochs N] [--labeler-epochs N] [--folds N] [--budget TAGGER,PARSER,LABELLER,ARCS] \
         [--provenance TEXT]"
    );
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    let mut cfg = train::Config::default();
    let (mut train_files, mut dev_files, mut out) = (Vec::new(), Vec::new(), None);
    let mut compact: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let Some(v) = args.next() else { return usage() };
        let num = |v: &str| v.parse::<usize>().ok();
        match a.as_str() {
            "--train" => train_files.push(PathBuf::from(v)),
            "--dev" => dev_files.push(PathBuf::from(v)),
            "--out" => out = Some(PathBuf::from(v)),
            "--seed" => match v.parse() {
                Ok(s) => cfg.seed = s,
                Err(_) => return usage(),
            },
            "--tagger-epochs" => match num(&v) {
                Some(n) => cfg.tagger_epochs = n,
                None => return usage(),
            },
            "--parser-epochs" => match num(&v) {
                Some(n) => cfg.parser_epochs = n,
                None => return usage(),
            },
            "--labeler-epochs" => match num(&v) {
                Some(n) => cfg.labeler_epochs = n,
                None => return usage(),
            },
            "--folds" => match num(&v) {
                Some(n) => cfg.folds = n,
                None => return usage(),
            },
            "--budget" => {
                let parts: Vec<Option<usize>> = v.split(',').map(num).collect();
                match parts.as_slice() {
                    [Some(t), Some(p), Some(l), Some(a)] => cfg.budget = [*t, *p, *l, *a],
                    _ => return usage(),
                }
            }
            "--provenance" => cfg.provenance = v,
            "--compact" => compact = Some(PathBuf::from(v)),
            _ => return usage(),
        }
    }
    let Some(out) = out else { return usage() };
    if let Some(input) = compact {
        // Shrink an existing model instead of training one.
        let b = cfg.budget;
        return match polemos_syntax::Model::load(&input) {
            Ok(m) => match std::fs::write(&out, m.compacted([b[0], b[1], b[3], b[2]]).to_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {}: {e}", out.display());
                    ExitCode::FAILURE
                }
            },
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if train_files.is_empty() || dev_files.is_empty() {
        return usage();
    }
    let read = |files: &[PathBuf]| -> Result<Vec<conllu::GoldSentence>, polemos_syntax::Error> {
        let mut all = Vec::new();
        for f in files {
            all.extend(conllu::read(f)?);
        }
        Ok(all)
    };
    let t0 = Instant::now();
    let result = read(&train_files).and_then(|tr| {
        let dev = read(&dev_files)?;
        if cfg.provenance.is_empty() {
            let names: Vec<String> = train_files
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            cfg.provenance = format!(
                "trained by polemos-syntax-train (seed {}) on {}; derived from UD English EWT (CC BY-SA 4.0) and UD English GUM open genres (CC BY / public domain texts)",
                cfg.seed,
                names.join(" + ")
            );
        }
        train::train(&tr, &dev, &cfg, &mut |line| {
            eprintln!("[{:>6.1} s] {line}", t0.elapsed().as_secs_f64());
        })
    });
    match result {
        Ok(model) => {
            let bytes = model.to_bytes();
            if let Err(e) = std::fs::write(&out, &bytes) {
                eprintln!("error: {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
            let (t, p, a, l, lem) = model.sizes();
            eprintln!(
                "wrote {} ({} bytes; weights: tagger {t}, parser {p}, arc labeller {a}, labeller {l}; {lem} lemma rows) in {:.1} s",
                out.display(),
                bytes.len(),
                t0.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
