//! `polemos disputes accept|rename|merge`: curating the disputes ingest proposes (marked
//! `proposed` in `show disputes`). Each translates its arguments into one engine operation
//! (`polemos_engine::curation`) and prints what it left: the dispute, its issues, and how many
//! stances and events now refer to other issues.

use clap::{Args, Subcommand};
use polemos_engine::curation::{self, Curated};

use crate::GlobalArgs;
use crate::cli_data::open_store_rw;
use crate::output::{print_json, print_table, table};

#[derive(Debug, Args)]
pub struct DisputesArgs {
    #[command(subcommand)]
    pub command: DisputesCommand,
}

#[derive(Debug, Subcommand)]
pub enum DisputesCommand {
    /// Accept a proposed dispute and its issues as curated (clears their `proposed` mark).
    Accept {
        /// The dispute (`south-kurils` or `disputes/south-kurils`).
        dispute: String,
    },
    /// Rename a dispute, retitle it, or both; its issues, and the stances and events on them,
    /// move with it in one commit.
    Rename {
        /// The dispute.
        dispute: String,
        /// Its new name.
        #[arg(long = "to", value_name = "NAME")]
        new_name: Option<String>,
        /// Its new title.
        #[arg(long)]
        title: Option<String>,
    },
    /// Merge a dispute into another: shared issues are mapped onto the target's, the others
    /// move under it, stances and events follow, and the merged dispute is removed.
    Merge {
        /// The dispute merged (and removed).
        dispute: String,
        /// The dispute it is merged into.
        #[arg(long, value_name = "DISPUTE")]
        into: String,
    },
}

#[derive(serde::Serialize)]
struct Row<'a> {
    dispute: &'a str,
    title: &'a str,
    proposed: bool,
    issues: Vec<String>,
    stances: usize,
    events: usize,
    revision: u64,
}

/// The flag of a parameter the engine names (the new name is `--to`); the disputes given as
/// arguments keep the engine's word, `dispute`.
fn flag(field: &str) -> Option<String> {
    match field {
        "new_name" => Some("--to".to_owned()),
        "into" | "title" => Some(format!("--{field}")),
        _ => None,
    }
}

pub fn run(global: &GlobalArgs, args: &DisputesArgs) -> anyhow::Result<()> {
    let store = open_store_rw(global)?;
    let done: Curated = match &args.command {
        DisputesCommand::Accept { dispute } => curation::accept(&*store, dispute)?,
        DisputesCommand::Rename {
            dispute,
            new_name,
            title,
        } => curation::rename(&*store, dispute, new_name.as_deref(), title.as_deref())
            .map_err(|e| crate::named_by_flag(e, flag))?,
        DisputesCommand::Merge { dispute, into } => {
            curation::merge(&*store, dispute, into).map_err(|e| crate::named_by_flag(e, flag))?
        }
    };
    let row = Row {
        dispute: done.dispute.name.as_str(),
        title: &done.dispute.title,
        proposed: done.dispute.proposed,
        issues: done.issues.iter().map(ToString::to_string).collect(),
        stances: done.stances,
        events: done.events,
        revision: done.revision,
    };
    if global.json {
        return print_json(&row);
    }
    let mut t = table(&[
        "dispute",
        "title",
        "proposed",
        "issues",
        "stances moved",
        "events moved",
    ]);
    t.add_row(vec![
        row.dispute.to_owned(),
        row.title.to_owned(),
        row.proposed.to_string(),
        row.issues.join("\n"),
        row.stances.to_string(),
        row.events.to_string(),
    ]);
    print_table(&t, "disputes");
    eprintln!("revision {}", row.revision);
    Ok(())
}
