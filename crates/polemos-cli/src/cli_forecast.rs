//! `forecast`: where will a negotiation end up? Runs a forecasting model on a scenario file (BDM
//! table or KTAB SMP csv) or on a stored dispute's stances, optionally under Monte Carlo
//! uncertainty, and prints the forecast with the trace that explains it.

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::builder::NonEmptyStringValueParser;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use polemos_core::forecast::{Forecast, ModelSpec, MonteCarloResult, Scenario, parse_scenario};
use polemos_engine::forecast::{DisputeScenario, MONTE_CARLO, MonteCarloOptions};

use crate::GlobalArgs;
use crate::cli_data::{open_store, parse_date};
use crate::output::{clip, print_json, print_table, table};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelArg {
    /// Weighted (Black) median; pairwise-vote median and mean beside it.
    Median,
    /// Capability×salience weighted mean.
    Compromise,
    /// Bueno de Mesquita expected utility (Scholz, Calbert & Smith 2011).
    Bdm,
    /// Spatial bargaining in the style of KTAB's Spatial Model of Politics.
    Smp,
}

#[derive(Debug, Args)]
pub struct ForecastArgs {
    /// Scenario file: a BDM table (Actor,Capability,Position,Salience) or a KTAB SMP csv.
    #[arg(required_unless_present = "dispute", conflicts_with = "dispute")]
    pub file: Option<PathBuf>,
    /// Forecast a stored dispute from its parties' capabilities and current stances.
    #[arg(long, value_parser = NonEmptyStringValueParser::new())]
    pub dispute: Option<String>,
    #[arg(long, value_enum, default_value = "bdm")]
    pub model: ModelArg,
    /// BDM: rounds of offers (default 10). SMP: most rounds (default 100).
    #[arg(long)]
    pub rounds: Option<usize>,
    /// With `--dispute`: the stances in force on this date (YYYY-MM-DD; default today).
    // `conflicts_with` too: clap waives `requires` for an argument (`--dispute`) that conflicts
    // with one given (the file), so a file's forecast ignored these without a word.
    #[arg(long, value_parser = parse_date, requires = "dispute", conflicts_with = "file")]
    pub as_of: Option<NaiveDate>,
    /// With `--dispute`: read the store as it was at this revision.
    #[arg(long, requires = "dispute", conflicts_with = "file")]
    pub revision: Option<u64>,
    /// Run this many Monte Carlo draws over uncertain inputs (1 to 100000).
    #[arg(long, value_name = "DRAWS")]
    pub monte_carlo: Option<usize>,
    /// Seed of the Monte Carlo draws (0 to 2^64-1).
    #[arg(long, default_value_t = MONTE_CARLO.seed, requires = "monte_carlo")]
    pub seed: u64,
    /// Monte Carlo: half-width of position noise as a fraction of the scale, 0 to 1 (0.1 = ±10
    /// on 0–100).
    #[arg(long, default_value_t = MONTE_CARLO.uncertainty.position, requires = "monte_carlo")]
    pub position_noise: f64,
    /// Monte Carlo: half-width of salience noise (0–1 scale), 0 to 1.
    #[arg(long, default_value_t = MONTE_CARLO.uncertainty.salience, requires = "monte_carlo")]
    pub salience_noise: f64,
    /// Monte Carlo: relative half-width of capability noise, 0 to 1 (0.2 = ±20 %).
    #[arg(long, default_value_t = MONTE_CARLO.uncertainty.capability, requires = "monte_carlo")]
    pub capability_noise: f64,
    /// Monte Carlo: report the probability that the forecast falls in LO..HI, e.g. `6.5..7.5`.
    #[arg(long, value_parser = parse_range, value_name = "LO..HI", requires = "monte_carlo")]
    pub range: Option<(f64, f64)>,
}

fn parse_range(text: &str) -> Result<(f64, f64), String> {
    let (lo, hi) = text
        .split_once("..")
        .ok_or_else(|| format!("expected LO..HI, found `{text}`"))?;
    let lo: f64 = lo
        .trim()
        .parse()
        .map_err(|_| format!("`{lo}` is not a number"))?;
    let hi: f64 = hi
        .trim()
        .parse()
        .map_err(|_| format!("`{hi}` is not a number"))?;
    if lo > hi {
        return Err(format!("{lo} is above {hi}"));
    }
    Ok((lo, hi))
}

fn spec(args: &ForecastArgs) -> anyhow::Result<ModelSpec> {
    let name = match args.model {
        ModelArg::Median => "median",
        ModelArg::Compromise => "compromise",
        ModelArg::Bdm => "bdm",
        ModelArg::Smp => "smp",
    };
    Ok(polemos_engine::forecast::model(name, args.rounds)?)
}

/// The flag of a Monte Carlo parameter the engine names (`draws` is `--monte-carlo`).
fn monte_carlo_flag(field: &str) -> Option<String> {
    Some(match field {
        "draws" => "--monte-carlo".to_owned(),
        other => format!("--{}", other.replace('_', "-")),
    })
}

/// Says which stances the models leave out of a stored dispute's scenario.
fn note_left_out(built: &DisputeScenario) {
    if !built.left_out.is_empty() {
        eprintln!(
            "note: stances by {} have no capability (not parties of {}) and are left out",
            built.left_out.join(", "),
            built.scenario.name
        );
    }
}

pub fn run(global: &GlobalArgs, args: &ForecastArgs) -> anyhow::Result<()> {
    let model = spec(args)?;
    // The engine's limits, checked before any work, as gRPC and Python check them.
    let params = args
        .monte_carlo
        .map(|draws| {
            MonteCarloOptions {
                draws,
                seed: args.seed,
                position_noise: Some(args.position_noise),
                salience_noise: Some(args.salience_noise),
                capability_noise: Some(args.capability_noise),
                range: args.range,
            }
            .params()
            .map_err(|e| crate::named_by_flag(e, monte_carlo_flag))
        })
        .transpose()?;
    let scenario = match (&args.file, &args.dispute) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let stem = path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            parse_scenario(&stem, &text).with_context(|| format!("in {}", path.display()))?
        }
        (None, Some(dispute)) => {
            let store = open_store(global)?;
            if let Some(params) = &params {
                // The engine's one Monte Carlo of a stored dispute, as gRPC and Python run it.
                let run = with_bar(params.draws, |progress| {
                    polemos_engine::forecast::dispute_monte_carlo(
                        &*store,
                        dispute,
                        &model,
                        args.as_of,
                        args.revision,
                        params,
                        progress,
                    )
                })?;
                note_left_out(&run.scenario);
                return print_monte_carlo(global, &run.scenario.scenario, &run.result);
            }
            let built =
                polemos_engine::forecast::scenario(&*store, dispute, args.as_of, args.revision)?;
            note_left_out(&built);
            built.scenario
        }
        (None, None) => bail!("give a scenario FILE or --dispute NAME"),
    };
    if let Some(params) = &params {
        let result = with_bar(params.draws, |progress| {
            polemos_engine::forecast::scenario_monte_carlo(&model, &scenario, params, progress)
        })?;
        print_monte_carlo(global, &scenario, &result)
    } else {
        let forecast = model.run(&scenario)?;
        if global.json {
            print_json(&forecast)
        } else {
            print_forecast(&scenario, &forecast);
            Ok(())
        }
    }
}

/// Runs `f` with a progress bar of `draws` draws on standard error.
fn with_bar<T>(
    draws: usize,
    f: impl FnOnce(&(dyn Fn(usize, usize) -> std::ops::ControlFlow<()> + Sync)) -> T,
) -> T {
    let bar = ProgressBar::new(draws as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} draws {elapsed} (eta {eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let out = f(&|done, _| {
        bar.set_position(done as u64);
        std::ops::ControlFlow::Continue(())
    });
    bar.finish_and_clear();
    out
}

fn print_monte_carlo(
    global: &GlobalArgs,
    scenario: &Scenario,
    result: &MonteCarloResult,
) -> anyhow::Result<()> {
    if global.json {
        print_json(result)
    } else {
        print_forecast(scenario, &result.baseline);
        print_distribution(result);
        Ok(())
    }
}

fn num(x: f64) -> String {
    format!("{x:.3}")
}

fn print_forecast(scenario: &Scenario, f: &Forecast) {
    println!(
        "{}: {} actors, {} dimension(s), scale {}..{}; model {}, {} round(s){}",
        f.scenario,
        f.actors.len(),
        f.dimensions.len(),
        scenario.scale.min,
        scenario.scale.max,
        f.model.as_str(),
        f.rounds.len().saturating_sub(1),
        if f.converged {
            ", settled"
        } else {
            ", round limit reached"
        }
    );
    println!();
    let mut t = table(&[
        "dimension",
        "forecast",
        "weighted median",
        "pairwise median",
        "mean",
    ]);
    for o in &f.outcome {
        t.add_row(vec![
            o.dimension.clone(),
            num(o.forecast),
            num(o.weighted_median),
            num(o.pairwise_median),
            num(o.mean),
        ]);
    }
    print_table(&t, "dimensions");
    println!();
    let mut headers = vec!["round".to_owned()];
    for d in &f.dimensions {
        headers.push(format!("{d} median"));
        headers.push(format!("{d} mean"));
    }
    headers.push("moves".into());
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = table(&refs);
    for r in &f.rounds {
        let mut row = vec![r.round.to_string()];
        for d in 0..f.dimensions.len() {
            row.push(num(r.median[d]));
            row.push(num(r.mean[d]));
        }
        row.push(r.moves.len().to_string());
        t.add_row(row);
    }
    print_table(&t, "rounds");
    println!();
    let mut headers = vec!["actor".to_owned()];
    headers.extend(f.dimensions.iter().map(|d| format!("{d} start")));
    headers.extend(f.dimensions.iter().map(|d| format!("{d} final")));
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = table(&refs);
    let (first, last) = (&f.rounds[0].positions, f.final_positions());
    for (i, a) in f.actors.iter().enumerate() {
        let mut row = vec![a.clone()];
        row.extend(first.iter().map(|d| num(d[i])));
        row.extend(last.iter().map(|d| num(d[i])));
        t.add_row(row);
    }
    print_table(&t, "actors");
    let moves: usize = f.rounds.iter().map(|r| r.moves.len()).sum();
    if moves > 0 {
        println!();
        let mut t = table(&[
            "round",
            "actor",
            "dimension",
            "from",
            "to",
            "with",
            "kind",
            "why",
        ]);
        for r in &f.rounds {
            for m in &r.moves {
                t.add_row(vec![
                    r.round.to_string(),
                    m.actor.clone(),
                    m.dimension.clone(),
                    num(m.from),
                    num(m.to),
                    m.with.clone(),
                    crate::output::enum_str(m.kind),
                    clip(&m.reason, 200),
                ]);
            }
        }
        print_table(&t, "moves");
    }
}

fn print_distribution(r: &MonteCarloResult) {
    println!();
    println!(
        "Monte Carlo: {} draws, seed {}, noise ±{} of the scale on positions, ±{} on saliences, ±{}% on capabilities",
        r.params.draws,
        r.params.seed,
        r.params.uncertainty.position,
        r.params.uncertainty.salience,
        r.params.uncertainty.capability * 100.0
    );
    let mut headers = vec![
        "dimension",
        "mean",
        "sd",
        "min",
        "5%",
        "25%",
        "50%",
        "75%",
        "95%",
        "max",
    ];
    let range_label = r.params.range.map(|(lo, hi)| format!("P({lo}..{hi})"));
    if let Some(l) = &range_label {
        headers.push(l.as_str());
    }
    let mut t = table(&headers);
    for d in &r.distributions {
        let mut row = vec![d.dimension.clone(), num(d.mean), num(d.std_dev), num(d.min)];
        row.extend(d.quantiles.iter().map(|(_, v)| num(*v)));
        row.push(num(d.max));
        if let Some(p) = d.probability_in_range {
            row.push(format!("{p:.3}"));
        }
        t.add_row(row);
    }
    print_table(&t, "dimensions");
}
