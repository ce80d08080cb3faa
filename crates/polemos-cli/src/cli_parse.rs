//! `parse`: tokenize, tag and parse text files and print Universal Dependencies trees in CoNLL-U
//! (polemos-syntax; the embedded English model unless `--model` names another).

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use polemos_syntax::Model;

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Text files (UTF-8); `-` reads standard input.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// A model file written by `polemos-syntax-train` instead of the embedded one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
}

pub fn run(args: &ParseArgs) -> anyhow::Result<()> {
    let loaded;
    let model = match &args.model {
        Some(p) => {
            loaded =
                Model::load(p).with_context(|| format!("cannot load the model {}", p.display()))?;
            &loaded
        }
        None => Model::builtin(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for file in &args.files {
        let text = if file.as_os_str() == "-" {
            std::io::read_to_string(std::io::stdin()).context("cannot read standard input")?
        } else {
            let bytes =
                std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
            String::from_utf8(bytes)
                .with_context(|| format!("{} is not UTF-8 text", file.display()))?
        };
        let name = file.display().to_string();
        writeln!(out, "# newdoc id = {name}")?;
        for (i, s) in model.parse(&text).iter().enumerate() {
            out.write_all(s.to_conllu(Some(&format!("{name}#{}", i + 1))).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}
