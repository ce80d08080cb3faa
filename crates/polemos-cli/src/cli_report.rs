//! `report`: the dispute report as Markdown, a self-contained HTML page or JSON.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use polemos_engine::report;

use crate::GlobalArgs;
use crate::cli_data::{open_store, parse_date};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
    Json,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The dispute (`kuril-islands` or `disputes/kuril-islands`).
    pub dispute: String,
    /// Output format (default: markdown, the engine's default); `--json` also selects JSON (and
    /// with `--format markdown` or `html` is refused as a conflict).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Report what was known on this date (YYYY-MM-DD); default: today.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// The store as it was at this revision.
    #[arg(long)]
    pub revision: Option<u64>,
}

pub fn run(global: &GlobalArgs, args: &ReportArgs) -> anyhow::Result<()> {
    let format = match (global.json, args.format) {
        (true, None) | (_, Some(ReportFormat::Json)) => report::Format::Json,
        // Two flags asking for two formats: refused, rather than one silently winning.
        (true, Some(other @ (ReportFormat::Markdown | ReportFormat::Html))) => {
            let (word, name) = match other {
                ReportFormat::Html => ("html", "HTML"),
                _ => ("markdown", "Markdown"),
            };
            return Err(polemos_engine::Error::argument(
                "--format",
                format!(
                    "`--json` asks for JSON and `--format {word}` for {name}: give one of them"
                ),
            )
            .into());
        }
        (false, Some(ReportFormat::Markdown)) => report::Format::Markdown,
        (false, Some(ReportFormat::Html)) => report::Format::Html,
        (false, None) => report::Format::default(),
    };
    let store = open_store(global)?;
    // The engine's report, as gRPC and Python ask it: the store at `--revision`, the dispute
    // checked, "as of" applied by the analyses themselves (default today).
    let found = report::report(&*store, &args.dispute, args.as_of, args.revision)?;
    let mut text = report::render(&found, format);
    if format == report::Format::Json {
        text.push('\n');
    }
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(())
}
