//! The dispute report: assembled from a stored dispute once, here, and rendered in one of three
//! formats, so `polemos report`, the gRPC `GetDisputeReport` and `Engine`/`Client.report` give
//! the same text for the same dispute, date and revision.

use std::str::FromStr;

use chrono::NaiveDate;
use polemos_core::analysis::report::{DisputeReport, html, markdown};
use polemos_store::{Revision, Store};

use crate::analysis::{Scope, snapshot};
use crate::error::{Error, Result};

/// How a report is rendered; the default is in the one table of defaults,
/// [`crate::analysis::DEFAULTS`]`.report_format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown text.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// The report's data as pretty-printed JSON.
    Json,
}

impl Format {
    /// The media type of the rendered text.
    #[must_use]
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Markdown => "text/markdown",
            Self::Html => "text/html",
            Self::Json => "application/json",
        }
    }
}

impl Format {
    /// The word interfaces take for this format (`markdown`, `html`, `json`).
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Json => "json",
        }
    }
}

impl Default for Format {
    /// [`crate::analysis::DEFAULTS`]`.report_format`.
    fn default() -> Self {
        crate::analysis::DEFAULTS.report_format
    }
}

impl FromStr for Format {
    type Err = Error;

    /// `markdown`, `html` or `json`; anything else is `InvalidArgument` on `format`.
    fn from_str(word: &str) -> Result<Self> {
        match word {
            "markdown" => Ok(Self::Markdown),
            "html" => Ok(Self::Html),
            "json" => Ok(Self::Json),
            other => Err(Error::argument(
                "format",
                format!("`{other}` is not one of html, markdown, json"),
            )),
        }
    }
}

/// The report of `dispute` as of `as_of` (default today), reading the store at `revision`.
///
/// # Errors
/// A malformed or unknown dispute, a revision past the head, analysis and store failures.
pub fn report(
    store: &dyn Store,
    dispute: &str,
    as_of: Option<NaiveDate>,
    revision: Option<Revision>,
) -> Result<DisputeReport> {
    let dossier = snapshot(store, dispute, revision)?;
    Scope::new(&dossier, dispute, as_of)?.report()
}

/// `report` as text in `format`.
#[must_use]
pub fn render(report: &DisputeReport, format: Format) -> String {
    match format {
        Format::Markdown => markdown::render(report),
        Format::Html => html::render(report),
        // The report is plain data (names, numbers, dates, strings): serializing it cannot
        // fail. Were it to, the text says why rather than the caller panicking.
        Format::Json => serde_json::to_string_pretty(report)
            .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::testing::kuril;

    #[test]
    fn a_report_reads_the_store_at_the_revision_and_date_asked() {
        let store = kuril();
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let r = report(&*store, "kuril-islands", Some(date), Some(1)).expect("report");
        assert_eq!(r.dispute.as_str(), "disputes/kuril-islands");
        assert_eq!(r.as_of, date);
        assert!(!r.stances.is_empty(), "the reference dispute has stances");
        let json: serde_json::Value =
            serde_json::from_str(&render(&r, Format::Json)).expect("valid json");
        assert_eq!(json["dispute"], "disputes/kuril-islands");
        assert!(render(&r, Format::Html).contains("<html"));
    }

    #[test]
    fn unknown_disputes_revisions_and_formats_have_their_kinds() {
        let store = kuril();
        let kind = |r: Result<DisputeReport>| r.expect_err("refused").kind();
        assert_eq!(
            kind(report(&*store, "atlantis", None, None)),
            ErrorKind::NotFound
        );
        assert_eq!(
            kind(report(&*store, "kuril-islands", None, Some(99))),
            ErrorKind::InvalidArgument
        );
        let e = "pdf".parse::<Format>().expect_err("no pdf");
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
        assert_eq!("json".parse::<Format>().expect("json"), Format::Json);
    }
}
