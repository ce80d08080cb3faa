//! `analyze`: the analyses of `polemos_core::analysis` over the store, as tables or JSON. The
//! store's snapshot is taken without a date cut: the analyses apply "as of" themselves, dating
//! each evidence item by its document (a store-side cut would drop the documents but keep the
//! stances citing them, and lose their dates).

use chrono::NaiveDate;
use clap::builder::NonEmptyStringValueParser;
use clap::{Args, ValueEnum};
use polemos_core::analysis::consolidate::ConsolidateOptions;
use polemos_core::analysis::series::{Granularity, SeriesOptions};
use polemos_core::{Dispute, Dossier};
use polemos_engine::analysis::Pairs;
use serde_json::json;

use polemos_engine::analysis::{DEFAULTS, Scope};

use crate::GlobalArgs;
use crate::cli_data::{dispute_name, open_store, parse_date};
use crate::output::{clip, enum_str, print_json, print_table, table};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Analysis {
    /// Consolidated current stance of each actor on each issue.
    Stances,
    /// Changes of label or position beyond the threshold.
    Shifts,
    /// Salience-weighted agreement between actors, and polarization.
    Agreement,
    /// Groups of actors that agree (average-linkage clustering).
    Coalitions,
    /// Sequencing conflicts and cycles among conditional stances.
    Deadlocks,
    /// Cooperation–conflict event series per pair of actors.
    Series,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    pub what: Analysis,
    /// Only this dispute (`kuril-islands` or `disputes/kuril-islands`); default: every dispute.
    #[arg(long, value_parser = NonEmptyStringValueParser::new())]
    pub dispute: Option<String>,
    /// Analyse what was known on this date (YYYY-MM-DD); default: today.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// The store as it was at this revision.
    #[arg(long)]
    pub revision: Option<u64>,
    /// Days after which a stance record's weight halves.
    #[arg(long, default_value_t = DEFAULTS.half_life_days)]
    pub half_life: f64,
    /// Positions more than this many points apart are conflicting evidence.
    #[arg(long, default_value_t = DEFAULTS.conflict_gap)]
    pub conflict_gap: f64,
    /// Shifts: the position move (points) beyond which a change is a shift.
    #[arg(long, default_value_t = DEFAULTS.shift_threshold)]
    pub threshold: f64,
    /// Coalitions: merge while the average distance (1 − agreement) is at most this.
    #[arg(long, default_value_t = DEFAULTS.max_distance)]
    pub max_distance: f64,
    /// Series: bucket width (day, week or month).
    #[arg(long, default_value = DEFAULTS.granularity_word())]
    pub granularity: Granularity,
    /// Series: keep people and bodies apart from the state they serve.
    #[arg(long)]
    pub no_roll_up: bool,
}

pub fn run(global: &GlobalArgs, args: &AnalyzeArgs) -> anyhow::Result<()> {
    if matches!(args.what, Analysis::Coalitions) {
        // The engine's one check, before anything is read, as gRPC and Python make it.
        polemos_engine::analysis::max_distance(Some(args.max_distance))?;
    }
    let store = open_store(global)?;
    // A revision past the head is refused (exit 2), as every read says.
    let view = polemos_engine::list::view(&*store, args.revision, None)?;
    let dossier = store.snapshot(view)?;
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let disputes: Vec<&Dispute> = match &args.dispute {
        Some(d) => {
            let name = dispute_name(d)?;
            match dossier.disputes.iter().find(|x| x.name == name) {
                Some(x) => vec![x],
                None => {
                    return Err(polemos_engine::Error::not_found("dispute", name.as_str()).into());
                }
            }
        }
        None => dossier.disputes.iter().collect(),
    };
    let options = ConsolidateOptions {
        half_life_days: args.half_life,
        conflict_gap: args.conflict_gap,
    };
    let ctx = Ctx {
        dossier: &dossier,
        as_of,
        options,
    };
    match args.what {
        Analysis::Stances => stances(global, &ctx, &disputes),
        Analysis::Shifts => shifts(global, &ctx, &disputes, args.threshold),
        Analysis::Agreement => agreement(global, &ctx, &disputes),
        Analysis::Coalitions => coalition_list(global, &ctx, &disputes, args.max_distance),
        Analysis::Deadlocks => deadlock_list(global, &ctx, &disputes),
        Analysis::Series => series(global, &ctx, &disputes, args),
    }
}

struct Ctx<'a> {
    dossier: &'a Dossier,
    as_of: NaiveDate,
    options: ConsolidateOptions,
}

impl<'a> Ctx<'a> {
    /// The engine's analyses of one dispute, which assemble every interface's answer.
    fn scope(&self, dispute: &Dispute) -> anyhow::Result<Scope<'a>> {
        Ok(Scope::new(
            self.dossier,
            dispute.name.as_str(),
            Some(self.as_of),
        )?)
    }

    fn current(
        &self,
        dispute: &Dispute,
    ) -> anyhow::Result<Vec<polemos_core::analysis::ConsolidatedStance>> {
        Ok(self.scope(dispute)?.current(&self.options)?)
    }

    fn display(&self, actor: &polemos_core::ActorName) -> String {
        self.dossier
            .actors
            .iter()
            .find(|a| &a.name == actor)
            .map_or_else(|| actor.id().to_owned(), |a| a.display_name.clone())
    }
}

fn stances(global: &GlobalArgs, ctx: &Ctx<'_>, disputes: &[&Dispute]) -> anyhow::Result<()> {
    let mut all = Vec::new();
    for d in disputes {
        all.extend(ctx.current(d)?);
    }
    if global.json {
        return print_json(&all);
    }
    let mut t = table(&[
        "ACTOR",
        "ISSUE",
        "POSITION",
        "LABEL",
        "CONDITIONS",
        "CONFIDENCE",
        "SOURCES",
        "LAST EVIDENCE",
        "CONFLICT",
    ]);
    for s in &all {
        let conditions: Vec<String> = s
            .conditions
            .iter()
            .map(|c| format!("after {} {}", c.issue.id(), enum_str(c.required)))
            .collect();
        let conflict: Vec<String> = s
            .conflict
            .iter()
            .flatten()
            .map(|side| format!("{:.0} ({:.0}%)", side.position.get(), side.share * 100.0))
            .collect();
        t.add_row(vec![
            ctx.display(&s.actor),
            s.issue.id().to_owned(),
            format!("{:.0}", s.position.get()),
            s.label.as_str().to_owned(),
            conditions.join("; "),
            format!("{:.2}", s.confidence.get()),
            s.sources.to_string(),
            s.last_evidence.to_string(),
            conflict.join(" vs "),
        ]);
    }
    print_table(&t, &format!("stances known as of {}", ctx.as_of));
    Ok(())
}

fn shifts(
    global: &GlobalArgs,
    ctx: &Ctx<'_>,
    disputes: &[&Dispute],
    threshold: f64,
) -> anyhow::Result<()> {
    let mut all = Vec::new();
    for d in disputes {
        all.extend(
            ctx.scope(d)?
                .shifts(&ctx.options, Some(threshold), None, None)?,
        );
    }
    if global.json {
        return print_json(&all);
    }
    let mut t = table(&[
        "DATE",
        "ACTOR",
        "ISSUE",
        "KIND",
        "BEFORE",
        "AFTER",
        "EVIDENCE AFTER",
    ]);
    for s in &all {
        let quote = s
            .after
            .evidence
            .iter()
            .find_map(|e| e.quote.as_deref())
            .unwrap_or_default();
        t.add_row(vec![
            s.date.to_string(),
            ctx.display(&s.actor),
            s.issue.id().to_owned(),
            enum_str(s.kind),
            format!(
                "{:.0} {} ({})",
                s.before.position,
                s.before.label.as_str(),
                s.before.date
            ),
            format!("{:.0} {}", s.after.position, s.after.label.as_str()),
            clip(quote, 60),
        ]);
    }
    print_table(&t, &format!("shifts up to {}", ctx.as_of));
    Ok(())
}

fn agreement(global: &GlobalArgs, ctx: &Ctx<'_>, disputes: &[&Dispute]) -> anyhow::Result<()> {
    let mut out = Vec::new();
    for d in disputes {
        let (m, p) = ctx.scope(d)?.agreement(&ctx.options)?;
        out.push((d, m, p));
    }
    if global.json {
        let v: Vec<_> = out
            .iter()
            .map(|(d, m, p)| json!({"dispute": d.name, "agreement": m, "polarization": p}))
            .collect();
        return print_json(&v);
    }
    for (d, m, p) in &out {
        println!("{} (as of {})", d.name, ctx.as_of);
        let names: Vec<String> = m.actors.iter().map(|a| ctx.display(a)).collect();
        let mut headers = vec![""];
        headers.extend(names.iter().map(String::as_str));
        let mut t = table(&headers);
        for (name, row) in names.iter().zip(&m.agreement) {
            let mut cells = vec![name.clone()];
            cells.extend(
                row.iter()
                    .map(|x| x.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))),
            );
            t.add_row(cells);
        }
        print_table(&t, "actors with stances");
        println!(
            "polarization index: {}\n",
            p.index
                .map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
        );
    }
    Ok(())
}

fn coalition_list(
    global: &GlobalArgs,
    ctx: &Ctx<'_>,
    disputes: &[&Dispute],
    max_distance: f64,
) -> anyhow::Result<()> {
    let mut out = Vec::new();
    for d in disputes {
        out.push((
            d,
            ctx.scope(d)?.coalitions(&ctx.options, Some(max_distance))?,
        ));
    }
    if global.json {
        let v: Vec<_> = out
            .iter()
            .map(|(d, c)| json!({"dispute": d.name, "coalitions": c}))
            .collect();
        return print_json(&v);
    }
    let mut t = table(&["DISPUTE", "COALITION", "MEMBERS", "COHESION"]);
    for (d, cs) in &out {
        for (i, c) in cs.iter().enumerate() {
            let members: Vec<String> = c.members.iter().map(|a| ctx.display(a)).collect();
            t.add_row(vec![
                d.name.id().to_owned(),
                (i + 1).to_string(),
                members.join(", "),
                format!("{:.2}", c.cohesion),
            ]);
        }
    }
    print_table(&t, "coalitions");
    Ok(())
}

fn deadlock_list(global: &GlobalArgs, ctx: &Ctx<'_>, disputes: &[&Dispute]) -> anyhow::Result<()> {
    let mut all = Vec::new();
    for d in disputes {
        all.extend(ctx.scope(d)?.deadlocks(&ctx.options)?);
    }
    if global.json {
        return print_json(&all);
    }
    let mut t = table(&[
        "DEADLOCK",
        "KIND",
        "ACTOR",
        "REQUIRES FIRST",
        "BEFORE SETTLING",
        "EVIDENCE",
    ]);
    for (i, d) in all.iter().enumerate() {
        for e in &d.edges {
            let quote = e
                .evidence
                .iter()
                .find_map(|x| x.quote.as_deref())
                .unwrap_or_default();
            t.add_row(vec![
                (i + 1).to_string(),
                enum_str(d.kind),
                ctx.display(&e.actor),
                format!("{} {}", e.before.id(), enum_str(e.required)),
                e.after.id().to_owned(),
                clip(quote, 60),
            ]);
        }
    }
    print_table(&t, &format!("deadlocks as of {}", ctx.as_of));
    if !global.json {
        for (i, d) in all.iter().enumerate() {
            let cycle: Vec<&str> = d.cycle.iter().map(|x| x.id()).collect();
            println!(
                "deadlock {}: {} → {} (parties: {})",
                i + 1,
                cycle.join(" → "),
                cycle.first().copied().unwrap_or_default(),
                d.parties
                    .iter()
                    .map(|a| ctx.display(a))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    Ok(())
}

fn series(
    global: &GlobalArgs,
    ctx: &Ctx<'_>,
    disputes: &[&Dispute],
    args: &AnalyzeArgs,
) -> anyhow::Result<()> {
    let options = SeriesOptions {
        granularity: args.granularity,
        roll_up: !args.no_roll_up,
    };
    // One dispute's series, or without `--dispute` every event of the store: both the engine's,
    // over the snapshot `run` read (once; the store is not read again).
    let all = match disputes {
        [d] if args.dispute.is_some() => ctx.scope(d)?.series(options, None, None, None),
        _ => polemos_engine::analysis::snapshot_series(
            ctx.dossier,
            Some(ctx.as_of),
            options,
            Pairs::default(),
        )?,
    };
    if global.json {
        return print_json(&all);
    }
    let mut t = table(&[
        "PAIR",
        "BUCKET",
        "VERB COOP",
        "MAT COOP",
        "VERB CONFL",
        "MAT CONFL",
        "TOTAL",
        "MEAN INTENSITY",
    ]);
    for s in &all {
        let pair = format!("{} – {}", ctx.display(&s.a), ctx.display(&s.b));
        for b in &s.buckets {
            t.add_row(vec![
                pair.clone(),
                b.start.to_string(),
                b.verbal_cooperation.to_string(),
                b.material_cooperation.to_string(),
                b.verbal_conflict.to_string(),
                b.material_conflict.to_string(),
                b.total.to_string(),
                b.mean_intensity
                    .map_or_else(|| "–".to_owned(), |m| format!("{m:+.2}")),
            ]);
        }
    }
    print_table(&t, &format!("events between actors up to {}", ctx.as_of));
    for s in &all {
        match &s.trend {
            Some(tr) => println!(
                "{} – {}: trend {:+.3} intensity per {} over {} non-empty buckets ({})",
                ctx.display(&s.a),
                ctx.display(&s.b),
                tr.slope,
                enum_str(s.granularity),
                tr.points,
                if tr.slope > 0.0 {
                    "toward cooperation"
                } else if tr.slope < 0.0 {
                    "toward conflict"
                } else {
                    "flat"
                }
            ),
            None => println!(
                "{} – {}: no trend (fewer than two non-empty buckets)",
                ctx.display(&s.a),
                ctx.display(&s.b)
            ),
        }
    }
    Ok(())
}
