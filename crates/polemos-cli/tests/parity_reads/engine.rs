//! The table's read questions asked of `polemos_engine` directly: the answers the other
//! interfaces must give.

use polemos_engine::analysis::{DEFAULTS, Scope, series_options};
use polemos_engine::{Filter, report};
use polemos_store::Store;

use super::{
    PairLine, agreement_lines, coalition_lines, deadlock_lines, rows, series_lines, shift_lines,
};
use crate::{Answer, Question};

fn date(q: &Question) -> Result<Option<chrono::NaiveDate>, polemos_engine::Error> {
    q.as_of
        .as_deref()
        .map(|d| polemos_engine::names::parse_date("as_of", d))
        .transpose()
}

fn filter_of(q: &Question) -> Result<Filter, polemos_engine::Error> {
    Ok(Filter {
        dispute: q.dispute.clone(),
        actor: q.actor.clone(),
        issue: q.issue.clone(),
        as_of: date(q)?,
        revision: q.revision,
    })
}

/// An analysis other than current stances, assembled by the engine's `Scope`; the report by
/// the engine's report operation, as JSON.
fn analysis(store: &dyn Store, q: &Question, what: &str) -> polemos_engine::Result<Answer> {
    let dispute = q.dispute.as_deref().unwrap_or_default();
    if what == "report" {
        let found = report::report(store, dispute, date(q)?, q.revision)?;
        let format = match q.format.as_deref() {
            None => report::Format::Json,
            Some("default") => report::Format::default(),
            Some(word) => word.parse()?,
        };
        return Ok(Answer::Text(report::render(&found, format)));
    }
    let text = |x: &dyn ToString| x.to_string();
    let series = |found: &[polemos_core::analysis::series::PairSeries]| {
        series_lines(found.iter().map(|s| {
            PairLine {
                a: text(&s.a),
                b: text(&s.b),
                buckets: s
                    .buckets
                    .iter()
                    .map(|b| (b.start.to_string(), b.total as u64))
                    .collect(),
                slope: s.trend.as_ref().map(|t| t.slope),
            }
        }))
    };
    if what == "series" && q.dispute.is_none() {
        // Every event of the store.
        let found = polemos_engine::analysis::store_series(
            store,
            q.revision,
            date(q)?,
            series_options(None, true),
            polemos_engine::analysis::Pairs::default(),
        )?;
        return Ok(Answer::Rows(series(&found)));
    }
    let options = DEFAULTS.consolidation();
    if what == "coalitions" {
        // Checked before anything is read, as every interface does.
        polemos_engine::analysis::max_distance(q.max_distance)?;
    }
    let dossier = polemos_engine::analysis::snapshot(store, dispute, q.revision)?;
    let scope = Scope::new(&dossier, dispute, date(q)?)?;
    let names = |xs: &[polemos_core::ActorName]| xs.iter().map(ToString::to_string).collect();
    Ok(Answer::Rows(match what {
        "coalitions" => coalition_lines(
            scope
                .coalitions(&options, q.max_distance)?
                .iter()
                .map(|c| (names(&c.members), c.cohesion)),
        ),
        "shifts" => shift_lines(
            scope
                .shifts(&options, None, None, None)?
                .iter()
                .map(|s| (text(&s.actor), text(&s.issue), text(&s.date), s.delta)),
        ),
        "agreement" => {
            let (m, p) = scope.agreement(&options)?;
            let actors: Vec<String> = names(&m.actors);
            agreement_lines(&actors, &m.agreement, p.index)
        }
        "deadlocks" => deadlock_lines(scope.deadlocks(&options)?.iter().map(|d| {
            let kind = serde_json::to_value(d.kind).expect("a kind");
            (
                kind.as_str().expect("a word").to_owned(),
                d.cycle.iter().map(ToString::to_string).collect(),
                names(&d.parties),
            )
        })),
        "series" => series(&scope.series(series_options(None, true), None, None, None)),
        other => panic!("{}: no runner for the analysis {other}", q.id),
    }))
}

pub fn answer(store: &dyn Store, q: &Question) -> Answer {
    let result = (|| -> Result<Answer, polemos_engine::Error> {
        if let Some(after) = q.changes_after {
            use polemos_engine::changes::{ChangeFilter, changes};
            let filter = ChangeFilter::new(q.dispute.as_deref(), q.actor.as_deref())?;
            return Ok(Answer::Names(
                changes(store, after, &filter, usize::MAX)?
                    .iter()
                    .map(|c| format!("{} {}", c.change.revision, c.change.name))
                    .collect(),
            ));
        }
        if let Some(name) = &q.get {
            let found = polemos_engine::get(store, name, q.revision)?;
            let name = polemos_store::record_name(&found.value).to_owned();
            return Ok(Answer::Names(vec![name, found.revision.to_string()]));
        }
        if let Some(model) = &q.forecast {
            let dispute = q.dispute.as_deref().unwrap_or_default();
            let model = polemos_engine::forecast::model(model, None)?;
            if let Some(draws) = q.draws {
                // The engine's own words for a count or seed its types cannot hold, as each
                // interface reports what its input carried.
                use polemos_engine::forecast::{MonteCarloOptions, invalid_draws, invalid_seed};
                let seed = q.seed.unwrap_or_default();
                let params = MonteCarloOptions {
                    draws: usize::try_from(draws).map_err(|_| invalid_draws(draws))?,
                    seed: u64::try_from(seed).map_err(|_| invalid_seed(seed))?,
                    position_noise: q.position_noise,
                    salience_noise: q.salience_noise,
                    capability_noise: q.capability_noise,
                    range: q.range.map(|[lo, hi]| (lo, hi)),
                }
                .params()?;
                let run = polemos_engine::forecast::dispute_monte_carlo(
                    store,
                    dispute,
                    &model,
                    date(q)?,
                    q.revision,
                    &params,
                    &|_, _| std::ops::ControlFlow::Continue(()),
                )?;
                return Ok(super::distributions(run.result.distributions.iter().map(
                    |d| {
                        (
                            d.dimension.as_str(),
                            d.mean,
                            d.std_dev,
                            d.probability_in_range,
                        )
                    },
                )));
            }
            // Options given without draws are checked all the same, as every interface does.
            polemos_engine::forecast::MonteCarloOptions {
                position_noise: q.position_noise,
                salience_noise: q.salience_noise,
                capability_noise: q.capability_noise,
                range: q.range.map(|[lo, hi]| (lo, hi)),
                ..Default::default()
            }
            .check_widths()?;
            let f =
                polemos_engine::forecast::dispute(store, dispute, &model, date(q)?, q.revision)?;
            return Ok(Answer::Outcome(
                f.outcome
                    .iter()
                    .map(|o| (o.dimension.clone(), o.forecast))
                    .collect(),
            ));
        }
        if let Some(other) = q.analysis.as_deref().filter(|a| *a != "stances") {
            return analysis(store, q, other);
        }
        if q.analysis.is_some() {
            let dispute = q.dispute.as_deref().unwrap_or_default();
            let options = DEFAULTS.consolidation();
            let found = polemos_engine::analysis::current_stances(
                store,
                dispute,
                date(q)?,
                q.revision,
                &options,
            )?;
            return Ok(rows(found.iter().map(|s| {
                (s.actor.to_string(), s.issue.to_string(), s.position.get())
            })));
        }
        let kind = polemos_engine::list::kind_of(q.list.as_deref().unwrap_or_default())?;
        if q.page_size.is_some() {
            let tokens = polemos_store::PageTokens::from_secret(b"parity");
            return Ok(paged!(q, |fq, token| (|| {
                let size = polemos_engine::page_size(fq.page_size.unwrap_or(0))?;
                let page = polemos_engine::list_page(
                    store,
                    &tokens,
                    kind,
                    &filter_of(&fq)?,
                    size,
                    &token,
                )?;
                let names: Vec<String> = page
                    .items
                    .iter()
                    .map(|r| polemos_store::record_name(&r.value).to_owned())
                    .collect();
                Ok::<_, polemos_engine::Error>((names, page.next_page_token))
            })()
            .map_err(|e| e.kind().as_str().to_owned())));
        }
        let rows = polemos_engine::list(store, kind, &filter_of(q)?)?;
        Ok(Answer::Names(
            rows.iter()
                .map(|r| polemos_store::record_name(&r.value).to_owned())
                .collect(),
        ))
    })();
    result.unwrap_or_else(|e| Answer::Error(e.kind().as_str().to_owned()))
}
