//! `extract` and `ingest`: read news text files, print the facts found (`extract`) or store them
//! with their provenance (`ingest`). Files are extracted on every core and handed on in input
//! order as they are done (`polemos_extract::pipeline`): `extract` prints each at once, `ingest`
//! gives each to the engine's ingest (`polemos_engine::ingest`: one writer that commits many
//! documents a transaction), so memory follows the files in flight, not the corpus.

use std::fmt::Write as _;
use std::io::Write as _;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::Args;
use polemos_engine::ingest::{self, IngestOptions, Outcome};
use polemos_extract::{ArticleMeta, Extraction, Extractor, pipeline};

use crate::GlobalArgs;
use crate::cli_data::{open_store_rw, parse_date};
use crate::cli_knowledge::KnowledgeArgs;
use crate::output::{clip, enum_str, print_table, table};

/// Options shared by `extract` and `ingest`.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// Text files, one article each (UTF-8).
    #[arg(required_unless_present = "files_from")]
    pub files: Vec<PathBuf>,
    /// Also read the files named in this file, one path a line (`-`: standard input), for
    /// corpora too large for a command line.
    #[arg(long, value_name = "LIST")]
    pub files_from: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD): relative dates ("next week") resolve against it.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    #[command(flatten)]
    pub knowledge: KnowledgeArgs,
    /// Largest file accepted, in bytes.
    #[arg(long, default_value_t = polemos_extract::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Extract on this many threads (default: every core).
    #[arg(long, short = 'j', value_name = "N", value_parser = positive)]
    pub jobs: Option<usize>,
}

impl SourceArgs {
    /// The files given on the command line, then those listed by `--files-from`.
    fn all_files(&self) -> anyhow::Result<Vec<PathBuf>> {
        let mut files = self.files.clone();
        if let Some(list) = &self.files_from {
            let text = if list.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin().lock())
                    .context("cannot read the list of files from standard input")?
            } else {
                crate::cli_data::read_text(list)?
            };
            files.extend(
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(PathBuf::from),
            );
        }
        if files.is_empty() {
            bail!("no files to read: the list is empty");
        }
        Ok(files)
    }

    fn jobs(&self) -> usize {
        self.jobs.unwrap_or_else(pipeline::available_jobs)
    }

    fn meta(&self) -> ArticleMeta {
        ArticleMeta {
            published: self.published,
            ..ArticleMeta::default()
        }
    }
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub source: SourceArgs,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Stop at the first file that cannot be extracted or stored (by default every file is
    /// committed or reported, and the run fails at the end if any was not).
    #[arg(long)]
    pub fail_fast: bool,
    /// Most documents stored in one transaction (1: a commit per file).
    #[arg(long, value_name = "N", default_value_t = IngestOptions::default().batch_documents,
          value_parser = positive)]
    pub batch: usize,
}

/// A count of at least 1.
fn positive(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("`{value}` is not a whole number of at least 1")),
    }
}

/// Builds the extractor: built-in knowledge plus the user's files.
fn extractor(args: &SourceArgs) -> anyhow::Result<Extractor> {
    Ok(args.knowledge.extractor()?.max_bytes(args.max_bytes))
}

/// One file's facts through the engine's extraction (`polemos_engine::extract`), which refuses
/// an empty text, one that is not UTF-8 and one too large, as ingest does.
fn extract_file(ex: &Extractor, path: &Path, meta: &ArticleMeta) -> anyhow::Result<Extraction> {
    let bytes = std::fs::read(path)
        .map_err(|e| polemos_engine::Error::argument("file", format!("cannot be read: {e}")))
        .with_context(|| format!("cannot read {}", path.display()))?;
    polemos_engine::extract::extract(ex, &bytes, meta)
        .with_context(|| format!("cannot extract from {}", path.display()))
}

/// The engine's error kind of a failure (`invalid_argument`), as `ingest --json` reports it.
fn kind_of(e: &anyhow::Error) -> Option<&'static str> {
    e.chain()
        .find_map(|c| c.downcast_ref::<polemos_engine::Error>())
        .map(|e| e.kind().as_str())
}

fn progress(n: usize, what: &str) -> indicatif::ProgressBar {
    let bar = if n > 1 {
        indicatif::ProgressBar::new(n as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
        "{what} {{pos}}/{{len}} files [{{elapsed_precise}}] {{wide_bar}} {{msg}}"
    )) {
        bar.set_style(style);
    }
    bar
}

/// A table as `print_table` prints it, into `out`.
fn push_table(out: &mut String, t: &comfy_table::Table, what: &str) {
    if t.row_count() == 0 {
        let _ = writeln!(out, "no {what}");
    } else {
        let _ = writeln!(out, "{t}");
    }
}

/// One file's facts as tables. Rendered on the worker threads: laying out the tables costs as
/// much as a light extraction, and done by the printer it would run on one core.
fn render_human(path: &Path, x: &Extraction) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "== {} ({} sentences)",
        path.display(),
        x.document.sentences
    );
    let mut t = table(&["actor", "kind", "role", "of", "mentions"]);
    for a in &x.actors {
        t.add_row(vec![
            a.name.clone(),
            enum_str(a.kind),
            a.role.clone().unwrap_or_default(),
            a.affiliation.clone().unwrap_or_default(),
            a.mentions.len().to_string(),
        ]);
    }
    push_table(&mut out, &t, "actors");
    let mut t = table(&[
        "event", "mode", "status", "sources", "targets", "date", "where",
    ]);
    for e in &x.events {
        t.add_row(vec![
            format!(
                "{}{}",
                if e.negated { "not " } else { "" },
                e.event_type.as_str()
            ),
            e.mode.clone(),
            enum_str(e.status),
            e.sources.join(", "),
            e.targets.join(", "),
            e.date
                .map(|d| format!("{} ({})", d.date, enum_str(d.precision)))
                .unwrap_or_default(),
            e.location.clone().unwrap_or_default(),
        ]);
    }
    push_table(&mut out, &t, "events");
    let mut t = table(&["actor", "issue", "stance", "salience", "conditions"]);
    for s in &x.stances {
        t.add_row(vec![
            s.actor.clone(),
            s.issue.clone(),
            format!(
                "{}{}",
                enum_str(s.label),
                if s.hedged { " (hedged)" } else { "" }
            ),
            format!("{:.2}", s.salience),
            clip(
                &s.conditions
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                50,
            ),
        ]);
    }
    push_table(&mut out, &t, "stances");
    for d in &x.disputes {
        let framed: Vec<String> = d
            .framing
            .by_party
            .iter()
            .map(|c| format!("{} ×{}", c.party, c.mentions))
            .collect();
        let _ = writeln!(
            out,
            "dispute {}: neutral ×{}; {}",
            d.name,
            d.framing.neutral,
            if framed.is_empty() {
                "no party's names".to_owned()
            } else {
                framed.join(", ")
            }
        );
    }
    out
}

/// One file's line of `extract --json` (JSON Lines): `{"file", "extraction"}`, or
/// `{"file", "kind", "error"}` for a file that could not be read or extracted.
fn render_json(path: &Path, x: &anyhow::Result<Extraction>) -> String {
    let file = path.display().to_string();
    let mut line = match x {
        Ok(x) => serde_json::to_string(&serde_json::json!({"file": file, "extraction": x})),
        Err(e) => serde_json::to_string(
            &serde_json::json!({"file": file, "kind": kind_of(e), "error": format!("{e:#}")}),
        ),
    }
    .unwrap_or_else(|e| format!("{{\"file\":{file:?},\"error\":\"cannot write JSON: {e}\"}}"));
    line.push('\n');
    line
}

/// Prints every file's facts as soon as it and the files before it are extracted, in input
/// order, through one buffered writer flushed once a file. A run with failures fails at the end
/// with the first failure's kind (its exit code), every failure having been reported in order.
pub fn extract(global: &GlobalArgs, args: &ExtractArgs) -> anyhow::Result<()> {
    let files = args.source.all_files()?;
    let ex = extractor(&args.source)?;
    let meta = args.source.meta();
    let json = global.json;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    let mut first_failure = None;
    let mut write_error = None;
    let _ = pipeline::ordered_map(
        &files,
        args.source.jobs(),
        |path| {
            let x = extract_file(&ex, path, &meta);
            let text = if json {
                render_json(path, &x)
            } else {
                x.as_ref()
                    .map(|x| render_human(path, x))
                    .unwrap_or_default()
            };
            (x.err(), text)
        },
        |(error, text)| {
            if let Some(e) = error {
                failed += 1;
                // Errors go to stderr in order with the output: flush what came before them.
                let _ = out.flush();
                eprintln!("error: {e:#}");
                first_failure.get_or_insert(e);
            }
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    write_error = Some(e);
                    ControlFlow::Break(())
                }
            }
        },
    );
    if let Some(e) = write_error {
        return Err(e).context("cannot write to standard output");
    }
    match first_failure {
        Some(e) => Err(e.context(format!(
            "{failed} of {} files could not be extracted; the first",
            files.len()
        ))),
        None => Ok(()),
    }
}

/// One file's line of `ingest --json` (JSON Lines), printed as soon as the file's outcome is
/// known: `{"file", "document", "status", "created", "stances", "events"}`, or `{"file",
/// "status": "failed", "kind", "error"}`.
#[derive(serde::Serialize)]
struct IngestRow {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<String>,
    status: &'static str,
    created: usize,
    stances: usize,
    events: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl IngestRow {
    fn of(report: &ingest::Report) -> Self {
        let (created, stances, events) = match &report.outcome {
            Outcome::Committed {
                created,
                stances,
                events,
                ..
            } => (*created, *stances, *events),
            Outcome::Unchanged { .. } | Outcome::Failed { .. } => (0, 0, 0),
        };
        let (kind, error) = match &report.outcome {
            Outcome::Failed { error } => (Some(error.kind().as_str()), Some(error.to_string())),
            _ => (None, None),
        };
        Self {
            file: report.label.clone(),
            document: report.outcome.document().map(str::to_owned),
            status: report.outcome.status(),
            created,
            stances,
            events,
            kind,
            error,
        }
    }
}

/// Reads, extracts and stores every file through the engine's one ingest path
/// (`polemos_engine::ingest`): extraction on `--jobs` threads, one writer committing `--batch`
/// documents a transaction, each file reported in input order as soon as its outcome is known.
pub fn ingest(global: &GlobalArgs, args: &IngestArgs) -> anyhow::Result<()> {
    if args.source.published.is_none() {
        bail!("ingest needs --published YYYY-MM-DD: stances and events are dated from it");
    }
    let files = args.source.all_files()?;
    let ex = extractor(&args.source)?;
    let store = open_store_rw(global)?;
    let meta = args.source.meta();
    let options = IngestOptions {
        batch_documents: args.batch,
        fail_fast: args.fail_fast,
        ..IngestOptions::default()
    };
    let bar = progress(files.len(), "ingesting");
    let mut tally = Tally {
        json: global
            .json
            .then(|| std::io::BufWriter::new(std::io::stdout().lock())),
        ..Tally::default()
    };
    ingest::run(
        store.as_ref(),
        options,
        args.source.jobs(),
        &files,
        |path| {
            let facts = std::fs::read(path)
                .map_err(|e| {
                    polemos_engine::Error::argument("file", format!("cannot be read: {e}"))
                })
                .and_then(|bytes| {
                    ingest::prepare(store.as_ref(), &ex, &bytes, &meta, ingest::Mode::Facts)
                });
            (path.display().to_string(), facts)
        },
        |r| {
            tally.take(&r, &bar, args.fail_fast);
            if tally.stopped_at.is_some() || tally.write_error.is_some() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    );
    bar.finish_and_clear();
    if let Some(e) = tally.write_error {
        return Err(e).context("cannot write to standard output");
    }
    if let Some(file) = tally.stopped_at {
        bail!("stopped at {file} (--fail-fast); the files before it were stored");
    }
    if tally.json.is_none() {
        let mut t = table(&["file", "document", "status", "created", "stances", "events"]);
        for r in &tally.rows {
            t.add_row(vec![
                r.file.clone(),
                r.document.clone().unwrap_or_default(),
                r.status.to_owned(),
                r.created.to_string(),
                r.stances.to_string(),
                r.events.to_string(),
            ]);
        }
        print_table(&t, "files ingested");
    }
    let Tally {
        stored,
        unchanged,
        failed,
        ..
    } = tally;
    eprintln!(
        "ingested {} files: {stored} stored, {unchanged} already stored, {failed} failed",
        stored + unchanged + failed,
    );
    if failed > 0 {
        bail!("{failed} files could not be ingested (named above); the others were stored");
    }
    Ok(())
}

/// What `ingest` has heard from the engine so far.
#[derive(Default)]
struct Tally<'a> {
    /// `--json`: each file's line goes here at once, flushed a line at a time.
    json: Option<std::io::BufWriter<std::io::StdoutLock<'a>>>,
    /// Without `--json`: the table's rows, printed at the end.
    rows: Vec<IngestRow>,
    stored: usize,
    unchanged: usize,
    failed: usize,
    stopped_at: Option<String>,
    write_error: Option<std::io::Error>,
}

impl Tally<'_> {
    fn take(&mut self, r: &ingest::Report, bar: &indicatif::ProgressBar, fail_fast: bool) {
        bar.inc(1);
        match &r.outcome {
            Outcome::Committed { .. } => self.stored += 1,
            Outcome::Unchanged { .. } => self.unchanged += 1,
            Outcome::Failed { error } => {
                self.failed += 1;
                if let Some(out) = &mut self.json {
                    // Errors go to stderr in order with the output: flush what came before.
                    let _ = out.flush();
                }
                bar.suspend(|| {
                    eprintln!(
                        "error: {} was not stored (nothing of it was written): {error}",
                        r.label
                    );
                });
                if fail_fast {
                    self.stopped_at = Some(r.label.clone());
                }
            }
        }
        let row = IngestRow::of(r);
        match &mut self.json {
            Some(out) => {
                let written = serde_json::to_writer(&mut *out, &row)
                    .map_err(std::io::Error::from)
                    .and_then(|()| out.write_all(b"\n"))
                    .and_then(|()| out.flush());
                if let Err(e) = written {
                    self.write_error.get_or_insert(e);
                }
            }
            None if matches!(r.outcome, Outcome::Failed { .. }) => {}
            None => self.rows.push(row),
        }
    }
}
