//! `report`: the dispute report as Markdown, a self-contained HTML page or JSON.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use polemos_core::analysis::report::{ReportOptions, build_report, html, markdown};

use crate::GlobalArgs;
use crate::cli_data::{dispute_name, open_store, parse_date};

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
    /// Output format; `--json` also selects JSON.
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ReportFormat,
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
    let name = dispute_name(&args.dispute)?;
    let store = open_store(global)?;
    // No date cut in the store: the report applies "as of" itself (see cli_analyze).
    let view = polemos_engine::list::view(&*store, args.revision, None)?;
    let dossier = store.snapshot(view)?;
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let report = build_report(&dossier, &name, as_of, &ReportOptions::default())
        .map_err(polemos_engine::Error::from)?;
    let format = if global.json {
        ReportFormat::Json
    } else {
        args.format
    };
    let text = match format {
        ReportFormat::Markdown => markdown::render(&report),
        ReportFormat::Html => html::render(&report),
        ReportFormat::Json => serde_json::to_string_pretty(&report)? + "\n",
    };
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(())
}
