//! `changes`: the store's change feed (`polemos_engine::changes`), one page at a time, as gRPC
//! `ListChanges` and Python's `Engine.changes` read it: what each commit put or deleted, oldest
//! first, with the token that resumes after each change.

use clap::Args;
use clap::builder::NonEmptyStringValueParser;
use polemos_engine::changes::{self, ChangeFilter};

use crate::GlobalArgs;
use crate::cli_data::open_store;
use crate::output::{print_json, print_table, table};

#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// Start after this token: a revision `N` (every change after it) or a change's token
    /// `N.I` (the changes after that one), as printed by an earlier page. Default: from the
    /// start of the log.
    #[arg(long, default_value = "")]
    pub after: String,
    /// Only changes that bear on this dispute (`kuril-islands` or `disputes/kuril-islands`):
    /// its own record, its issues, the stances and events on them.
    #[arg(long, value_parser = NonEmptyStringValueParser::new())]
    pub dispute: Option<String>,
    /// Only changes that bear on this actor (`JPN` or `actors/JPN`): its record, the disputes
    /// it is a party to, its stances and the events it is a source or target of.
    #[arg(long, value_parser = NonEmptyStringValueParser::new())]
    pub actor: Option<String>,
    /// At most this many changes (then the token of the next page is printed).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: u64,
}

pub fn run(global: &GlobalArgs, args: &ChangesArgs) -> anyhow::Result<()> {
    let filter = ChangeFilter::new(args.dispute.as_deref(), args.actor.as_deref())?;
    let store = open_store(global)?;
    let limit = usize::try_from(args.limit).unwrap_or(usize::MAX);
    let page = changes::page(&*store, "after", &args.after, &filter, limit)?;
    // As `ListChanges`: empty when a page comes back short of the limit (the head was reached); a
    // page that fills exactly to the head still has a token, whose next page is empty.
    let next = page.next_token.unwrap_or_default();
    if global.json {
        let items: Vec<serde_json::Value> = page
            .changes
            .iter()
            .map(|c| {
                let record = c.change.record.as_ref().map(serde_json::to_value);
                Ok(serde_json::json!({
                    "token": c.token,
                    "revision": c.change.revision,
                    "committed_at": c.change.committed_at.to_rfc3339(),
                    "kind": c.change.kind.as_str(),
                    "name": c.change.name,
                    "record": record.transpose()?,
                }))
            })
            .collect::<Result<_, serde_json::Error>>()?;
        return print_json(&serde_json::json!({"changes": items, "next_page_token": next}));
    }
    let mut t = table(&["token", "revision", "committed", "kind", "name", "change"]);
    for c in &page.changes {
        t.add_row(vec![
            c.token.clone(),
            c.change.revision.to_string(),
            c.change
                .committed_at
                .format("%Y-%m-%d %H:%M:%S")
                .to_string(),
            c.change.kind.as_str().to_owned(),
            c.change.name.clone(),
            if c.change.record.is_some() {
                "put"
            } else {
                "deleted"
            }
            .to_owned(),
        ]);
    }
    print_table(&t, "changes");
    if !next.is_empty() {
        eprintln!("next page: --after {next}");
    }
    Ok(())
}
