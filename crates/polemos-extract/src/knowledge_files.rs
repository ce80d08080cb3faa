//! The user's knowledge files (lexicons, a data directory, a syntax model, a language profile)
//! turned into an extractor: the one place every interface (the CLI's `extract`, `ingest` and
//! `evaluate`, `polemos serve`, the Python package) builds it, so the same text gives the same
//! facts and confidences whichever interface reads it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::{ExtractError, Extractor, KnowledgeBuilder};

/// The environment variables the CLI and the Python package read the files from.
pub const DATA_DIR_ENV: &str = "POLEMOS_DATA_DIR";
pub const SYNTAX_MODEL_ENV: &str = "POLEMOS_SYNTAX_MODEL";
pub const LANGUAGE_ENV: &str = "POLEMOS_LANGUAGE";

/// Where knowledge beyond the built-in comes from; the default is the built-in alone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnowledgeFiles {
    /// Knowledge files in the data-file format, added in order.
    pub lexicons: Vec<PathBuf>,
    /// A directory whose `*.tsv` files are added after the lexicons, by name; a calibration
    /// table among them replaces the built-in one.
    pub data_dir: Option<PathBuf>,
    /// A syntax model to parse with instead of the built-in one.
    pub syntax_model: Option<PathBuf>,
    /// A language profile to read instead of the built-in English one.
    pub language: Option<PathBuf>,
}

impl KnowledgeFiles {
    /// The files named by [`DATA_DIR_ENV`], [`SYNTAX_MODEL_ENV`] and [`LANGUAGE_ENV`] (unset or
    /// empty: the built-in), as the CLI reads them.
    #[must_use]
    pub fn from_env() -> Self {
        let path = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        Self {
            lexicons: Vec::new(),
            data_dir: path(DATA_DIR_ENV),
            syntax_model: path(SYNTAX_MODEL_ENV),
            language: path(LANGUAGE_ENV),
        }
    }

    /// The extractor with the built-in knowledge plus these files.
    ///
    /// # Errors
    /// A file or the directory that cannot be read ([`ExtractError::File`]), or a malformed
    /// line in one ([`ExtractError::Data`]).
    pub fn extractor(&self) -> Result<Extractor, ExtractError> {
        let mut builder = KnowledgeBuilder::builtin()?;
        let mut files = self.lexicons.clone();
        if let Some(dir) = &self.data_dir {
            files.extend(tsv_files(dir)?);
        }
        for path in &files {
            builder.add_source(&path.display().to_string(), &read_text(path)?)?;
        }
        if let Some(path) = &self.syntax_model {
            let model = polemos_syntax::Model::load(path).map_err(|e| ExtractError::File {
                path: path.display().to_string(),
                message: format!("cannot load the syntax model: {e}"),
            })?;
            builder = builder.syntax_model(Arc::new(model));
        }
        if let Some(path) = &self.language {
            let name = path.display().to_string();
            let profile = crate::lang::Profile::parse(&name, &read_text(path)?)?;
            builder = builder.language(Arc::new(profile));
        }
        Ok(Extractor::with_knowledge(builder.build()?))
    }
}

/// The `*.tsv` files of a data directory, sorted by name so the order is the same everywhere.
fn tsv_files(dir: &Path) -> Result<Vec<PathBuf>, ExtractError> {
    let entries = std::fs::read_dir(dir).map_err(|e| ExtractError::File {
        path: dir.display().to_string(),
        message: format!("cannot read the data directory: {e}"),
    })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    found.sort();
    Ok(found)
}

/// A file's text, or a clear error when it cannot be read or is not UTF-8.
fn read_text(path: &Path) -> Result<String, ExtractError> {
    let file_error = |message: String| ExtractError::File {
        path: path.display().to_string(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|e| file_error(format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        file_error(format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ArticleMeta;

    const TEXT: &str = "Japan urged Russia to return the islands.";

    fn actor_confidences(ex: &Extractor) -> Vec<f64> {
        let x = ex.extract(TEXT, &ArticleMeta::default()).expect("extract");
        x.actors.iter().map(|a| a.confidence).collect()
    }

    #[test]
    fn a_calibration_table_in_the_data_directory_replaces_the_built_in_one() {
        let builtin = KnowledgeFiles::default().extractor().expect("built-in");
        let before = actor_confidences(&builtin);
        assert!(!before.is_empty() && before.iter().all(|c| (c - 0.05).abs() > 1e-9));
        let dir = tempfile::tempdir().expect("temp dir");
        let table = "name\t1\t1\t0.05\ndemonym\t1\t1\t0.05\nsurname\t1\t1\t0.05\ntitle\t1\t1\t0.05\nmetonym\t1\t1\t0.05\nreference\t1\t1\t0.05\npronoun\t1\t1\t0.05\n";
        std::fs::write(dir.path().join("actor-calibration.tsv"), table).expect("write");
        let files = KnowledgeFiles {
            data_dir: Some(dir.path().to_path_buf()),
            ..KnowledgeFiles::default()
        };
        let after = actor_confidences(&files.extractor().expect("with the table"));
        assert_eq!(after.len(), before.len());
        assert!(after.iter().all(|c| (c - 0.05).abs() < 1e-9), "{after:?}");
    }

    #[test]
    fn a_missing_directory_or_file_is_a_clear_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("nowhere");
        for files in [
            KnowledgeFiles {
                data_dir: Some(missing.clone()),
                ..KnowledgeFiles::default()
            },
            KnowledgeFiles {
                lexicons: vec![missing.clone()],
                ..KnowledgeFiles::default()
            },
        ] {
            let err = files.extractor().expect_err("missing").to_string();
            assert!(
                err.contains("nowhere") && err.contains("cannot read"),
                "{err}"
            );
        }
    }
}
