//! `evaluate`: scores extraction against a directory of hand-annotated gold articles and prints
//! the scorecard, every mistake with its sentence, and whether the figures hold their floors.
//! The scoring itself is `polemos_eval`; this only builds the extractor and prints.

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;
use polemos_eval::{FactType, Floors, MistakeKind, Scorecard, Split, Suite, Summary};

use crate::GlobalArgs;
use crate::cli_knowledge::KnowledgeArgs;
use crate::output::{clip, print_json, print_table, table};

#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// A gold directory: NAME.gold.json beside NAME.txt, or NAME.gold.jsonl (docs/evaluation.md).
    pub gold_dir: PathBuf,
    /// Score only the development or the held-out part.
    #[arg(long, value_parser = ["dev", "heldout"])]
    pub split: Option<String>,
    /// Fail (exit 1) when a figure is below its floor in this TOML file.
    #[arg(long, value_name = "FILE")]
    pub floors: Option<PathBuf>,
    /// Print the figures only: no per-article table, no list of mistakes.
    #[arg(long)]
    pub summary: bool,
    /// Knowledge beyond the built-in, as for `extract` (the suite's own `lexicon/*.tsv` are
    /// always read first).
    #[command(flatten)]
    pub knowledge: KnowledgeArgs,
}

pub fn run(global: &GlobalArgs, args: &EvaluateArgs) -> anyhow::Result<()> {
    // Read the floors first: a broken floors file should not cost a whole run.
    let floors = match &args.floors {
        Some(path) => Some(Floors::parse(
            &path.display().to_string(),
            &std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?,
        )?),
        None => None,
    };
    let mut suite = Suite::load(&args.gold_dir)?;
    if let Some(split) = &args.split {
        suite
            .articles
            .retain(|a| a.gold.meta.split.as_str() == split);
        if suite.articles.is_empty() {
            bail!("{} has no {split} article", args.gold_dir.display());
        }
    }
    let mut knowledge = args.knowledge.clone();
    knowledge.lexicons = suite.lexicons.clone();
    knowledge
        .lexicons
        .extend(args.knowledge.lexicons.iter().cloned());
    let extractor = knowledge.extractor()?;
    let bar = indicatif::ProgressBar::new(suite.articles.len() as u64);
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    let card = polemos_eval::evaluate(&suite, &extractor, |_| bar.inc(1))?;
    bar.finish_and_clear();

    if global.json {
        print_json(&card)?;
    } else {
        print_scorecard(&args.gold_dir.display().to_string(), &card, args.summary);
    }
    if let Some(floors) = floors {
        let short = floors.check(&card);
        if !short.is_empty() {
            for s in &short {
                eprintln!("below floor: {s}");
            }
            bail!(
                "{} figure(s) below the floors of {}",
                short.len(),
                args.floors
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            );
        }
        eprintln!("every figure holds its floor");
    }
    Ok(())
}

fn pct(x: f64) -> String {
    format!("{:.1}", 100.0 * x)
}

fn print_summary(title: &str, s: &Summary) {
    println!("\n{title}: {} articles", s.articles);
    let mut t = table(&["figure", "P %", "R %", "F1 %", "tp", "fp", "fn"]);
    for (fact, f) in &s.figures {
        t.add_row(vec![
            fact.as_str().to_owned(),
            pct(f.precision),
            pct(f.recall),
            pct(f.f1),
            f.counts.tp.to_string(),
            f.counts.fp.to_string(),
            f.counts.misses.to_string(),
        ]);
    }
    print_table(&t, "figures");
    println!(
        "articles whose state-level events are exactly right: {} of {} ({} %)",
        s.events_exact,
        s.articles,
        pct(s.events_exact_share())
    );
    // Reliability: the facts of each confidence bin and the share of them that is right.
    let mut t = table(&["confidence", "fact", "found", "right", "right %"]);
    for (fact, bins) in &s.reliability {
        for b in bins.iter().filter(|b| b.facts > 0) {
            t.add_row(vec![
                format!("{:.1}-{:.1}", b.from, b.to),
                fact.as_str().to_owned(),
                b.facts.to_string(),
                b.right.to_string(),
                pct(b.share_right()),
            ]);
        }
    }
    print_table(&t, "reliability");
}

fn print_scorecard(dir: &str, card: &Scorecard, summary_only: bool) {
    const COLUMNS: [FactType; 6] = [
        FactType::Actors,
        FactType::Events,
        FactType::EventTypes,
        FactType::Stances,
        FactType::Disputes,
        FactType::Dates,
    ];
    if !summary_only {
        let mut headers = vec!["article", "split"];
        headers.extend(COLUMNS.iter().map(|f| f.as_str()));
        let mut t = table(&headers);
        for a in &card.articles {
            let mut row = vec![a.name.clone(), a.split.as_str().to_owned()];
            for f in COLUMNS {
                let c = a.counts.get(&f).copied().unwrap_or_default();
                row.push(format!("{}/{}/{}", c.tp, c.fp, c.misses));
            }
            t.add_row(row);
        }
        println!("per article (tp/fp/fn):");
        print_table(&t, "articles");
        println!("\nmistakes (fp: found but not in the gold; miss: in the gold, not found):");
        for a in &card.articles {
            if a.mistakes.is_empty() {
                continue;
            }
            println!("== {}", a.name);
            for m in &a.mistakes {
                let kind = match m.kind {
                    MistakeKind::FalsePositive => "fp  ",
                    MistakeKind::Miss => "miss",
                };
                println!(
                    "  {kind} {:<12} {}  « {} »",
                    m.fact.as_str(),
                    m.what,
                    clip(&m.quote.replace('\n', " "), 160)
                );
            }
        }
    }
    print_summary(&format!("{dir}, overall"), &card.overall);
    for (split, s) in &card.splits {
        let name = match split {
            Split::Dev => "development part",
            Split::Heldout => "held-out part",
        };
        print_summary(name, s);
    }
}
