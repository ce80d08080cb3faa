//! `polemos`: the command-line entry point. Each subcommand lives in its own module; this file
//! only parses global options and dispatches.

mod cli_analyze;
mod cli_changes;
mod cli_curate;
mod cli_data;
mod cli_evaluate;
mod cli_extract;
mod cli_forecast;
mod cli_keys;
mod cli_knowledge;
mod cli_parse;
mod cli_report;
mod cli_serve;
mod output;
mod serve_metrics;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// polemos: model international disputes and the stances actors take in them.
///
/// Import dossiers, extract actors, PLOVER events and stances from news text, analyse and
/// forecast disputes, and serve it all over gRPC. Names may be given by id wherever a command
/// also knows the kind: `--actor JPN`, `--dispute kuril-islands`, `--issue peace-treaty` (with
/// `--dispute`).
#[derive(Debug, Parser)]
#[command(name = "polemos", version, propagate_version = true)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

/// Options every subcommand accepts, before or after its name.
#[derive(Debug, Clone, clap::Args)]
pub struct GlobalArgs {
    /// The store: a SQLite file path (created if missing) or `memory:`.
    #[arg(long, global = true, env = "POLEMOS_DB", default_value = "polemos.db")]
    pub db: String,
    /// Machine-readable JSON output instead of tables.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import a dossier (JSON or JSON Lines); all of it or nothing.
    Import(cli_data::ImportArgs),
    /// Export the store (or one dispute) as a dossier.
    Export(cli_data::ExportArgs),
    /// List stored entities.
    Show(cli_data::ShowArgs),
    /// Read the change feed: what each commit put or deleted, with resume tokens.
    Changes(cli_changes::ChangesArgs),
    /// Serve the polemos.v1 gRPC API on the store.
    Serve(Box<cli_serve::ServeArgs>),
    /// Manage the API keys the server accepts.
    Keys(cli_keys::KeysArgs),
    /// Print the facts found in news text files, without storing them.
    Extract(cli_extract::ExtractArgs),
    /// Extract facts from news text files and store them with their provenance.
    Ingest(cli_extract::IngestArgs),
    /// Curate the disputes ingest proposes: accept, rename or merge them.
    Disputes(cli_curate::DisputesArgs),
    /// Score extraction against hand-annotated gold articles (docs/evaluation.md).
    Evaluate(cli_evaluate::EvaluateArgs),
    /// Analyse stances, shifts, agreement, coalitions, deadlocks or event series.
    Analyze(cli_analyze::AnalyzeArgs),
    /// Render a dispute report (Markdown, HTML or JSON).
    Report(cli_report::ReportArgs),
    /// Forecast where a negotiation ends up (median, compromise, BDM, SMP; Monte Carlo).
    Forecast(cli_forecast::ForecastArgs),
    /// Tokenize, tag and parse text files; print Universal Dependencies trees (CoNLL-U).
    Parse(cli_parse::ParseArgs),
    /// Print a shell completion script: `polemos completions bash > ~/.local/share/bash-completion/completions/polemos`.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        // Commands that print should end quietly when their reader goes away (`polemos … | head`)
        // instead of panicking on a broken pipe; the server keeps Rust's default of ignoring it.
        sigpipe::reset();
    }
    let result = match cli.command {
        Command::Import(args) => cli_data::import(&cli.global, &args),
        Command::Export(args) => cli_data::export(&cli.global, &args),
        Command::Show(args) => cli_data::show(&cli.global, &args),
        Command::Changes(args) => cli_changes::run(&cli.global, &args),
        Command::Serve(args) => cli_serve::run(&cli.global, &args),
        Command::Keys(args) => cli_keys::run(&cli.global, &args),
        Command::Extract(args) => cli_extract::extract(&cli.global, &args),
        Command::Ingest(args) => cli_extract::ingest(&cli.global, &args),
        Command::Disputes(args) => cli_curate::run(&cli.global, &args),
        Command::Evaluate(args) => cli_evaluate::run(&cli.global, &args),
        Command::Analyze(args) => cli_analyze::run(&cli.global, &args),
        Command::Report(args) => cli_report::run(&cli.global, &args),
        Command::Forecast(args) => cli_forecast::run(&cli.global, &args),
        Command::Parse(args) => cli_parse::run(&args),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "polemos",
                &mut std::io::stdout(),
            );
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            exit_code(&e)
        }
    }
}

/// The engine's refusal of an argument, naming the flag the user typed (`flag(field)`, when it
/// has one) rather than the engine's parameter, as gRPC names its fields; other errors as they
/// are.
fn named_by_flag(
    e: polemos_engine::Error,
    flag: impl Fn(&str) -> Option<String>,
) -> polemos_engine::Error {
    match e {
        polemos_engine::Error::Core(polemos_core::Error::InvalidArgument { field, message }) => {
            polemos_engine::Error::argument(flag(&field).unwrap_or(field), message)
        }
        other => other,
    }
}

/// The exit status of a failed command, by the engine's error kind, so scripts can tell "no
/// such dispute" from "bad input" (docs/engine.md): 2 invalid argument (as clap's usage
/// errors), 3 not found, 4 already exists or failed precondition, 1 anything else.
fn exit_code(e: &anyhow::Error) -> ExitCode {
    use polemos_engine::ErrorKind as K;
    let kind = e
        .chain()
        .find_map(|c| c.downcast_ref::<polemos_engine::Error>())
        .map(polemos_engine::Error::kind);
    ExitCode::from(match kind {
        Some(K::InvalidArgument) => 2,
        Some(K::NotFound) => 3,
        Some(K::AlreadyExists | K::FailedPrecondition) => 4,
        _ => 1,
    })
}
