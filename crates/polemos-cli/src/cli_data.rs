//! `import`, `export` and `show`: moving dossiers in and out of the store and looking at them.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use clap::builder::NonEmptyStringValueParser;
use clap::{Args, ValueEnum};
use polemos_core::{ActorName, DisputeName, Dossier, IssueScale};
use polemos_engine::{Access, Filter};
use polemos_store::{Kind, Store};

use crate::GlobalArgs;
use crate::output::{clip, enum_str, num, print_json, print_table, table};

/// Opens the store named by `--db` for a command that only reads: a missing SQLite file is an
/// error (exit 3) rather than a new empty database left behind by a typo.
///
/// # Errors
/// When the store does not exist or cannot be opened.
pub fn open_store(global: &GlobalArgs) -> anyhow::Result<Box<dyn Store>> {
    open_with(global, Access::ReadOnly)
}

/// Opens the store named by `--db` for a command that writes (created if missing).
///
/// # Errors
/// When the store cannot be opened.
pub fn open_store_rw(global: &GlobalArgs) -> anyhow::Result<Box<dyn Store>> {
    open_with(global, Access::ReadWrite)
}

fn open_with(global: &GlobalArgs, access: Access) -> anyhow::Result<Box<dyn Store>> {
    polemos_engine::open(&global.db, access)
        .with_context(|| format!("cannot open the store `{}`", global.db))
}

/// Accepts `kuril-islands` as well as `disputes/kuril-islands`.
///
/// # Errors
/// When the name is malformed.
pub fn dispute_name(value: &str) -> anyhow::Result<DisputeName> {
    Ok(polemos_engine::names::dispute_name("dispute", value)?)
}

/// Reads a whole text file, with a clear error for missing files and non-UTF-8 content.
///
/// # Errors
/// When the file cannot be read or is not UTF-8.
pub fn read_text(path: &std::path::Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Dossier file: JSON (one object) or JSON Lines (one record a line).
    pub file: PathBuf,
}

pub fn import(global: &GlobalArgs, args: &ImportArgs) -> anyhow::Result<()> {
    let text = read_text(&args.file)?;
    // Parsed before the store is opened: a file that is no dossier creates no database.
    let dossier = polemos_engine::parse_dossier(&text)
        .with_context(|| format!("{} is not a valid dossier", args.file.display()))?;
    let store = open_store_rw(global)?;
    let message = format!("import {}", args.file.display());
    let result =
        polemos_engine::import_dossier(&*store, &dossier, &message).with_context(|| {
            format!(
                "{} was not imported; nothing was written",
                args.file.display()
            )
        })?;
    if global.json {
        print_json(&result)?;
    } else {
        println!(
            "imported {}: {} created, {} updated, {} unchanged; store at revision {}",
            args.file.display(),
            result.created,
            result.updated,
            result.unchanged,
            result.revision
        );
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only this dispute and what it refers to (`kuril-islands` or `disputes/kuril-islands`).
    #[arg(long, value_parser = NonEmptyStringValueParser::new())]
    pub dispute: Option<String>,
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Export the store as it was at this revision.
    #[arg(long)]
    pub revision: Option<u64>,
}

pub fn export(global: &GlobalArgs, args: &ExportArgs) -> anyhow::Result<()> {
    let store = open_store(global)?;
    let dossier = polemos_engine::export(&*store, args.dispute.as_deref(), args.revision)?;
    let text = match args.format {
        ExportFormat::Json => dossier.to_json() + "\n",
        ExportFormat::Jsonl => dossier.to_jsonl(),
    };
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum What {
    Disputes,
    Actors,
    Issues,
    Stances,
    Events,
    Documents,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    pub what: What,
    /// Only entities of this dispute.
    #[arg(long, value_parser = NonEmptyStringValueParser::new())]
    pub dispute: Option<String>,
    /// Only stances or events of this actor.
    #[arg(long, value_parser = NonEmptyStringValueParser::new())]
    pub actor: Option<String>,
    /// Only stances or events on this issue (`disputes/D/issues/I`, or `I` with `--dispute`).
    #[arg(long)]
    pub issue: Option<String>,
    /// What was true on this date (YYYY-MM-DD): stances in force, events up to it; refused for
    /// actors, disputes and issues, which have no dates.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// The store as it was at this revision.
    #[arg(long)]
    pub revision: Option<u64>,
    /// Show one page of at most this many (0: 50; at most 1000), and the token of the next.
    #[arg(long, allow_negative_numbers = true)]
    pub page_size: Option<i64>,
    /// Continue a listing from the token its previous page printed (same filters).
    #[arg(long)]
    pub page_token: Option<String>,
}

/// Parses exactly `YYYY-MM-DD` in the model's years (the one core parser) with a message that
/// says what is wrong.
///
/// # Errors
/// When the value is not such a date.
pub fn parse_date(value: &str) -> Result<NaiveDate, String> {
    polemos_core::date::parse_date(value).map_err(|e| e.to_string())
}

pub fn show(global: &GlobalArgs, args: &ShowArgs) -> anyhow::Result<()> {
    let store = open_store(global)?;
    let kind = match args.what {
        What::Disputes => Kind::Dispute,
        What::Actors => Kind::Actor,
        What::Issues => Kind::Issue,
        What::Stances => Kind::Stance,
        What::Events => Kind::Event,
        What::Documents => Kind::Document,
    };
    let filter = Filter {
        dispute: args.dispute.clone(),
        actor: args.actor.clone(),
        issue: args.issue.clone(),
        as_of: args.as_of,
        revision: args.revision,
    };
    let mut dossier = Dossier::new();
    let mut next_page_token = None;
    if args.page_size.is_some() || args.page_token.is_some() {
        let size = polemos_engine::page_size(args.page_size.unwrap_or(0))?;
        let tokens = polemos_engine::page_tokens(Some(&global.db))?;
        let token = args.page_token.as_deref().unwrap_or("");
        let page = polemos_engine::list_page(&*store, &tokens, kind, &filter, size, token)?;
        for row in page.items {
            dossier.push(row.value);
        }
        next_page_token = Some(page.next_page_token);
    } else {
        for row in polemos_engine::list(&*store, kind, &filter)? {
            dossier.push(row.value);
        }
    }
    if let Some(token) = next_page_token {
        return show_page(global, args.what, &dossier, &token);
    }
    match args.what {
        What::Disputes => show_disputes(global, &dossier),
        What::Actors => show_actors(global, &dossier),
        What::Issues => show_issues(global, &dossier),
        What::Stances => show_stances(global, &dossier),
        What::Events => show_events(global, &dossier),
        What::Documents => show_documents(global, &dossier),
    }
}

/// One page: as JSON, the collection and `next_page_token` (the shape of the gRPC response);
/// as a table, the rows and then the token on standard error, where a pipe does not take it.
fn show_page(global: &GlobalArgs, what: What, d: &Dossier, token: &str) -> anyhow::Result<()> {
    if global.json {
        let items = match what {
            What::Disputes => serde_json::to_value(&d.disputes)?,
            What::Actors => serde_json::to_value(&d.actors)?,
            What::Issues => serde_json::to_value(&d.issues)?,
            What::Stances => serde_json::to_value(&d.stances)?,
            What::Events => serde_json::to_value(&d.events)?,
            What::Documents => serde_json::to_value(&d.documents)?,
        };
        return print_json(&serde_json::json!({"items": items, "next_page_token": token}));
    }
    match what {
        What::Disputes => show_disputes(global, d),
        What::Actors => show_actors(global, d),
        What::Issues => show_issues(global, d),
        What::Stances => show_stances(global, d),
        What::Events => show_events(global, d),
        What::Documents => show_documents(global, d),
    }?;
    if !token.is_empty() {
        eprintln!("next page: --page-token {token}");
    }
    Ok(())
}

fn show_disputes(global: &GlobalArgs, d: &Dossier) -> anyhow::Result<()> {
    if global.json {
        return print_json(&d.disputes);
    }
    let mut t = table(&[
        "name",
        "title",
        "kind",
        "status",
        "parties (capability)",
        "names",
    ]);
    for x in &d.disputes {
        let status = x.status_on(None).map(enum_str).unwrap_or_default();
        let parties: Vec<String> = x
            .parties
            .iter()
            .map(|p| format!("{} ({})", p.actor.id(), num(p.capability.get(), 2)))
            .collect();
        let names: Vec<String> = x
            .objects
            .iter()
            .flat_map(|o| o.names.iter())
            .map(|n| match &n.used_by {
                Some(a) => format!("{} [{}]", n.label, a.id()),
                None => n.label.clone(),
            })
            .collect();
        t.add_row(vec![
            x.name.to_string(),
            x.title.clone(),
            enum_str(x.kind),
            status,
            parties.join(", "),
            names.join("; "),
        ]);
    }
    print_table(&t, "disputes");
    Ok(())
}

fn show_actors(global: &GlobalArgs, d: &Dossier) -> anyhow::Result<()> {
    if global.json {
        return print_json(&d.actors);
    }
    let mut t = table(&["name", "display name", "kind", "codes", "roles"]);
    for a in &d.actors {
        let codes = [a.codes.iso3.as_deref(), a.codes.cameo.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let roles: Vec<String> = a
            .affiliations
            .iter()
            .map(|r| format!("{} of {}", r.role, r.actor.id()))
            .collect();
        t.add_row(vec![
            a.name.to_string(),
            a.display_name.clone(),
            enum_str(a.kind),
            codes,
            roles.join(", "),
        ]);
    }
    print_table(&t, "actors");
    Ok(())
}

fn show_issues(global: &GlobalArgs, d: &Dossier) -> anyhow::Result<()> {
    if global.json {
        return print_json(&d.issues);
    }
    let mut t = table(&["name", "title", "scale"]);
    for i in &d.issues {
        let scale = match &i.scale {
            IssueScale::Binary { proposal } => format!("yes/no: {proposal}"),
            IssueScale::Continuous { anchors } => anchors
                .iter()
                .map(|a| format!("{} = {}", num(a.position.get(), 2), a.label))
                .collect::<Vec<_>>()
                .join("; "),
        };
        t.add_row(vec![i.name.to_string(), i.title.clone(), scale]);
    }
    print_table(&t, "issues");
    Ok(())
}

fn show_stances(global: &GlobalArgs, d: &Dossier) -> anyhow::Result<()> {
    if global.json {
        return print_json(&d.stances);
    }
    let mut t = table(&[
        "actor",
        "issue",
        "label",
        "position",
        "salience",
        "confidence",
        "from",
        "conditions",
    ]);
    for s in &d.stances {
        let conditions: Vec<String> = s
            .conditions
            .iter()
            .map(|c| format!("{} {}", c.issue.id(), enum_str(c.required)))
            .collect();
        t.add_row(vec![
            s.actor.id().to_owned(),
            s.issue.id().to_owned(),
            s.label.as_str().to_owned(),
            num(s.position.get(), 2),
            num(s.salience.get(), 2),
            num(s.confidence.get(), 2),
            s.valid_from.to_string(),
            conditions.join(", "),
        ]);
    }
    print_table(&t, "stances");
    Ok(())
}

fn show_events(global: &GlobalArgs, d: &Dossier) -> anyhow::Result<()> {
    if global.json {
        return print_json(&d.events);
    }
    let mut t = table(&[
        "date",
        "status",
        "type",
        "source",
        "target",
        "intensity",
        "location",
    ]);
    let mut events: Vec<_> = d.events.iter().collect();
    events.sort_by_key(|e| e.date);
    for e in events {
        let ids = |v: &[ActorName]| v.iter().map(ActorName::id).collect::<Vec<_>>().join(", ");
        t.add_row(vec![
            format!("{} ({})", e.date.date, enum_str(e.date.precision)),
            enum_str(e.status),
            e.event_type.as_str().to_owned(),
            ids(&e.sources),
            ids(&e.targets),
            if e.intensity.get() > 0.0 {
                format!("+{}", num(e.intensity.get(), 2))
            } else {
                num(e.intensity.get(), 2)
            },
            e.location.clone().unwrap_or_default(),
        ]);
    }
    print_table(&t, "events");
    Ok(())
}

fn show_documents(global: &GlobalArgs, d: &Dossier) -> anyhow::Result<()> {
    if global.json {
        return print_json(&d.documents);
    }
    let mut t = table(&["name", "title", "published", "bytes", "hash"]);
    for doc in &d.documents {
        t.add_row(vec![
            doc.name.to_string(),
            clip(&doc.title, 60),
            doc.published.map(|p| p.to_string()).unwrap_or_default(),
            doc.text.len().to_string(),
            clip(&doc.content_hash, 13),
        ]);
    }
    print_table(&t, "documents");
    Ok(())
}
