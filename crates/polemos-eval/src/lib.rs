//! Measures extraction on real news: hand-annotated gold articles ([`gold`]), the facts of gold
//! and extraction reduced to comparable tuples ([`facts`]), counts and scorecards ([`score`]),
//! and the floors CI holds the figures to ([`floors`]). `polemos evaluate` is a thin printer
//! over [`evaluate`]. The format and the matching rules are documented in `docs/evaluation.md`.

pub mod facts;
pub mod floors;
pub mod gold;
pub mod score;

use std::path::PathBuf;

use polemos_extract::{ArticleMeta, ExtractError, Extractor};

pub use facts::FactType;
pub use floors::{Floors, Shortfall};
pub use gold::{Article, Split, Suite};
pub use score::{
    ArticleScore, Bin, Counts, Figures, Judged, Mistake, MistakeKind, Scorecard, Summary,
};

/// What went wrong evaluating. A cause is in the message, and not also the error's `source()`:
/// a report of the chain (`{:#}`, the CLI's) would print it twice.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {}: {cause}", path.display())]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}{}: `{field}`: {message}", path.display(), line.map(|l| format!(" line {l}")).unwrap_or_default())]
    Json {
        path: PathBuf,
        line: Option<usize>,
        field: String,
        message: String,
    },
    #[error("gold article {article}: `{field}`: {message}")]
    Invalid {
        article: String,
        field: String,
        message: String,
    },
    #[error("{} holds no gold file (NAME.gold.json beside NAME.txt, or NAME.gold.jsonl)", .0.display())]
    Empty(PathBuf),
    #[error("cannot extract from gold article {article}: {cause}")]
    Extract {
        article: String,
        cause: ExtractError,
    },
    #[error("floors file {path}: {message}")]
    Floors { path: String, message: String },
}

/// Scores one article: extracts from its text (with its publication date, as a user would run
/// `polemos extract --published`) and compares with its gold.
///
/// # Errors
/// [`EvalError::Extract`] when the extractor refuses the text.
pub fn score_article(article: &Article, extractor: &Extractor) -> Result<ArticleScore, EvalError> {
    let meta = ArticleMeta {
        published: Some(article.gold.meta.published),
        ..ArticleMeta::default()
    };
    let extraction =
        extractor
            .extract(&article.text, &meta)
            .map_err(|cause| EvalError::Extract {
                article: article.name.clone(),
                cause,
            })?;
    Ok(ArticleScore::new(
        article.name.clone(),
        &article.gold.meta,
        &facts::gold_facts(article),
        &facts::predicted_facts(&extraction),
    ))
}

/// Scores every article of a suite (the caller builds the extractor, with the suite's
/// `lexicon/` files among its knowledge).
///
/// # Errors
/// The first article the extractor refuses.
pub fn evaluate(
    suite: &Suite,
    extractor: &Extractor,
    mut progress: impl FnMut(&Article),
) -> Result<Scorecard, EvalError> {
    let mut scores = Vec::with_capacity(suite.articles.len());
    for article in &suite.articles {
        scores.push(score_article(article, extractor)?);
        progress(article);
    }
    Ok(Scorecard::new(scores))
}
