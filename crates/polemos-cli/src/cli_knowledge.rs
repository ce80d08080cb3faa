//! The knowledge flags every command that builds an extractor takes (`extract`, `ingest`,
//! `evaluate`, `serve`): one set, so a flag that works on one works on all, and the same files
//! give the same facts and confidences through each ([`polemos_extract::KnowledgeFiles`]).

use std::path::PathBuf;

use polemos_extract::{Extractor, KnowledgeFiles};
use serde::Deserialize;

/// Where knowledge beyond the built-in comes from (flags, then `POLEMOS_*` variables; for
/// `serve`, then its config file under the same names).
/// From a config file it reads only its own keys (`lexicons` a list, `data_dir`,
/// `syntax_model`, `language`); the file's owner refuses the keys no one reads.
#[derive(Debug, Clone, Default, clap::Args, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct KnowledgeArgs {
    /// Extra knowledge (states, titles, cues, disputes...) in the data-file format; repeatable.
    #[arg(long = "lexicon", alias = "gazetteer", value_name = "FILE")]
    #[serde(default)]
    pub lexicons: Vec<PathBuf>,
    /// A directory whose `*.tsv` files add knowledge, like `--lexicon`; a calibration table
    /// among them replaces the built-in one.
    #[arg(long, env = "POLEMOS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Parse with this syntax model instead of the built-in one (`polemos-syntax-train` output).
    #[arg(long, env = "POLEMOS_SYNTAX_MODEL", value_name = "FILE")]
    pub syntax_model: Option<PathBuf>,
    /// Read the language's words (months, weekdays, pronouns, auxiliaries...) from this profile
    /// instead of the built-in English one; a file starting `extends|en` adds to English.
    #[arg(long, env = "POLEMOS_LANGUAGE", value_name = "FILE")]
    pub language: Option<PathBuf>,
}

impl KnowledgeArgs {
    /// What the command line and environment left unset, from `file` (a config file's), each
    /// path taken through `resolve(key, path)` (the config file's own reading of its paths).
    pub fn fill_from(
        &mut self,
        file: Self,
        resolve: impl Fn(&str, PathBuf) -> anyhow::Result<PathBuf>,
    ) -> anyhow::Result<()> {
        let one = |key: &str, path: Option<PathBuf>| path.map(|p| resolve(key, p)).transpose();
        if self.lexicons.is_empty() {
            self.lexicons = (file.lexicons.into_iter())
                .map(|p| resolve("lexicons", p))
                .collect::<anyhow::Result<_>>()?;
        }
        if self.data_dir.is_none() {
            self.data_dir = one("data_dir", file.data_dir)?;
        }
        if self.syntax_model.is_none() {
            self.syntax_model = one("syntax_model", file.syntax_model)?;
        }
        if self.language.is_none() {
            self.language = one("language", file.language)?;
        }
        Ok(())
    }

    /// The files, as the extractor crate takes them.
    pub fn files(&self) -> KnowledgeFiles {
        KnowledgeFiles {
            lexicons: self.lexicons.clone(),
            data_dir: self.data_dir.clone(),
            syntax_model: self.syntax_model.clone(),
            language: self.language.clone(),
        }
    }

    /// The built-in knowledge plus these files.
    pub fn extractor(&self) -> anyhow::Result<Extractor> {
        Ok(self.files().extractor()?)
    }
}
