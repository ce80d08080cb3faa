//! `extract` and `ingest`: read news text files, print the facts found (`extract`) or store them
//! with their provenance (`ingest`). Extraction runs on all cores; storing is one commit per
//! file, skipped when a document with the same content hash is already stored.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::Args;
use polemos_extract::{ArticleMeta, Extraction, Extractor, KnowledgeBuilder, convert};
use rayon::prelude::*;

use crate::GlobalArgs;
use crate::cli_data::{open_store_rw, parse_date};
use crate::output::{clip, enum_str, print_json, print_table, table};

/// Options shared by `extract` and `ingest`.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// Text files, one article each (UTF-8).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD): relative dates ("next week") resolve against it.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    /// Extra knowledge (states, titles, cues, disputes...) in the data-file format; repeatable.
    #[arg(long = "lexicon", alias = "gazetteer", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
    /// A directory whose `*.tsv` files add knowledge, like `--lexicon`.
    #[arg(long, env = "POLEMOS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Parse with this syntax model instead of the built-in one (`polemos-syntax-train` output).
    #[arg(long, env = "POLEMOS_SYNTAX_MODEL", value_name = "FILE")]
    pub syntax_model: Option<PathBuf>,
    /// Largest file accepted, in bytes.
    #[arg(long, default_value_t = polemos_extract::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
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
}

/// Builds the extractor: built-in knowledge plus the user's files.
fn extractor(args: &SourceArgs) -> anyhow::Result<Extractor> {
    Ok(build_extractor(
        &args.lexicons,
        args.data_dir.as_deref(),
        args.syntax_model.as_deref(),
    )?
    .max_bytes(args.max_bytes))
}

/// The built-in knowledge plus knowledge files and every `*.tsv` of a data directory, parsing
/// with the built-in syntax model or the one given.
pub fn build_extractor(
    lexicons: &[PathBuf],
    data_dir: Option<&Path>,
    syntax_model: Option<&Path>,
) -> anyhow::Result<Extractor> {
    let mut builder = KnowledgeBuilder::builtin()?;
    let mut files = lexicons.to_vec();
    if let Some(dir) = data_dir {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read the data directory {}", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        found.sort();
        files.extend(found);
    }
    for path in &files {
        let text = crate::cli_data::read_text(path)?;
        builder.add_source(&path.display().to_string(), &text)?;
    }
    if let Some(path) = syntax_model {
        let model = polemos_syntax::Model::load(path)
            .with_context(|| format!("cannot load the syntax model {}", path.display()))?;
        builder = builder.syntax_model(std::sync::Arc::new(model));
    }
    Ok(Extractor::with_knowledge(builder.build()?))
}

fn extract_file(ex: &Extractor, path: &Path, meta: &ArticleMeta) -> anyhow::Result<Extraction> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    ex.extract_bytes(&bytes, meta)
        .with_context(|| format!("cannot extract from {}", path.display()))
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

/// Extracts every file in parallel, keeping the command-line order.
fn extract_all(
    ex: &Extractor,
    args: &SourceArgs,
    what: &str,
) -> Vec<(PathBuf, anyhow::Result<Extraction>)> {
    let meta = ArticleMeta {
        published: args.published,
        ..ArticleMeta::default()
    };
    let bar = progress(args.files.len(), what);
    let out = args
        .files
        .par_iter()
        .map(|path| {
            let r = extract_file(ex, path, &meta);
            bar.inc(1);
            (path.clone(), r)
        })
        .collect();
    bar.finish_and_clear();
    out
}

fn print_human(path: &Path, x: &Extraction) {
    println!("== {} ({} sentences)", path.display(), x.document.sentences);
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
    print_table(&t, "actors");
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
    print_table(&t, "events");
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
    print_table(&t, "stances");
    for d in &x.disputes {
        let framed: Vec<String> = d
            .framing
            .by_party
            .iter()
            .map(|c| format!("{} ×{}", c.party, c.mentions))
            .collect();
        println!(
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
}

pub fn extract(global: &GlobalArgs, args: &ExtractArgs) -> anyhow::Result<()> {
    let ex = extractor(&args.source)?;
    let results = extract_all(&ex, &args.source, "extracting");
    let mut failed = 0;
    let mut ok = Vec::new();
    for (path, r) in results {
        match r {
            Ok(x) => ok.push((path, x)),
            Err(e) => {
                failed += 1;
                eprintln!("error: {e:#}");
            }
        }
    }
    if global.json {
        if ok.len() == 1 && failed == 0 {
            print_json(&ok[0].1)?;
        } else {
            let all: Vec<serde_json::Value> = ok
                .iter()
                .map(|(p, x)| serde_json::json!({"file": p.display().to_string(), "extraction": x}))
                .collect();
            print_json(&all)?;
        }
    } else {
        for (path, x) in &ok {
            print_human(path, x);
        }
    }
    if failed > 0 {
        bail!(
            "{failed} of {} files could not be extracted",
            failed + ok.len()
        );
    }
    Ok(())
}

#[derive(serde::Serialize)]
struct Ingested {
    file: String,
    document: String,
    status: &'static str,
    created: usize,
    stances: usize,
    events: usize,
}

pub fn ingest(global: &GlobalArgs, args: &IngestArgs) -> anyhow::Result<()> {
    let Some(published) = args.source.published else {
        bail!("ingest needs --published YYYY-MM-DD: stances and events are dated from it");
    };
    let ex = extractor(&args.source)?;
    let store = open_store_rw(global)?;
    let results = extract_all(&ex, &args.source, "extracting");
    let meta = ArticleMeta {
        published: Some(published),
        ..ArticleMeta::default()
    };
    let bar = progress(results.len(), "storing");
    let mut report = Vec::new();
    let mut failed = 0;
    for (path, r) in results {
        bar.inc(1);
        let file = path.display().to_string();
        // Each file is committed alone, so one that fails leaves the others stored.
        let outcome = r.and_then(|x| store_one(store.as_ref(), &ex, &x, &meta, &file));
        match outcome {
            Ok(done) => report.push(done),
            Err(e) => {
                failed += 1;
                bar.suspend(|| eprintln!("error: {e:#}"));
                if args.fail_fast {
                    bar.finish_and_clear();
                    bail!("stopped at {file} (--fail-fast); the files before it were stored");
                }
            }
        }
    }
    bar.finish_and_clear();
    if global.json {
        print_json(&report)?;
    } else {
        let mut t = table(&["file", "document", "status", "created", "stances", "events"]);
        for r in &report {
            t.add_row(vec![
                r.file.clone(),
                r.document.clone(),
                r.status.to_owned(),
                r.created.to_string(),
                r.stances.to_string(),
                r.events.to_string(),
            ]);
        }
        print_table(&t, "files ingested");
    }
    let stored = report.iter().filter(|r| r.status == "stored").count();
    eprintln!(
        "ingested {} files: {stored} stored, {} already stored, {failed} failed",
        report.len() + failed,
        report.len() - stored,
    );
    if failed > 0 {
        bail!("{failed} files could not be ingested (named above); the others were stored");
    }
    Ok(())
}

/// Stores one extraction unless a document with the same content is stored already.
fn store_one(
    store: &dyn polemos_store::Store,
    ex: &Extractor,
    x: &Extraction,
    meta: &ArticleMeta,
    file: &str,
) -> anyhow::Result<Ingested> {
    // Checked before building the facts, so a text stored before costs nothing more.
    if let Some(existing) = polemos_engine::ingest::already_stored(store, &x.document.content_hash)?
    {
        return Ok(Ingested {
            file: file.to_owned(),
            document: existing,
            status: "already stored",
            created: 0,
            stances: 0,
            events: 0,
        });
    }
    let dossier = convert::to_dossier(ex.knowledge(), x, meta)
        .with_context(|| format!("cannot build facts from {file}"))?;
    let outcome = polemos_engine::ingest::store_facts(store, &dossier, &format!("ingest {file}"))
        .with_context(|| format!("{file} was not stored; nothing of it was written"))?;
    Ok(match outcome {
        polemos_engine::ingest::Ingested::Stored {
            document,
            created,
            stances,
            events,
            ..
        } => Ingested {
            file: file.to_owned(),
            document,
            status: "stored",
            created,
            stances,
            events,
        },
        polemos_engine::ingest::Ingested::Duplicate { document } => Ingested {
            file: file.to_owned(),
            document,
            status: "already stored",
            created: 0,
            stances: 0,
            events: 0,
        },
    })
}
