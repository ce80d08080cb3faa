//! The typed analyses of `AnalysisService` (current stances, stance matrix, shifts, deadlocks,
//! coalitions, cooperation–conflict series): each request is checked field by field into a
//! query, then answered from a store snapshot by the same polemos-core functions, with the same
//! "as of" semantics, as `polemos analyze` and the Python engine. The snapshot is taken without
//! a date cut: the analyses apply "as of" themselves, dating each evidence item by its document.

use chrono::{NaiveDate, Utc};
use polemos_core::analysis::AnalysisError;
use polemos_core::analysis::consolidate::ConsolidateOptions;
use polemos_core::analysis::series::{Granularity, PairSeries, SeriesOptions};
use polemos_core::{ActorName, DisputeName, Dossier, IssueName};
use polemos_engine::analysis::{DEFAULTS, Scope};
use polemos_proto::v1 as pb;

use super::analysis_convert as out;
use super::convert::{self as cv, FieldError, In, Path};
use super::error::ApiError;

/// Default shift threshold, in position points: the engine's, as `polemos analyze shifts`.
pub const DEFAULT_SHIFT_THRESHOLD: f64 = DEFAULTS.shift_threshold;

// ---------------------------------------------------------------- request fields

fn dispute(value: &str) -> In<DisputeName> {
    cv::dispute_name(&Path::root("dispute"), value)
}

/// A date field; empty means today.
fn date_or_today(field: &str, value: &str) -> In<NaiveDate> {
    Ok(cv::date_in(&Path::root(field), value)?.unwrap_or_else(|| Utc::now().date_naive()))
}

/// `since` and `until`: `until` defaults to today and must not be before `since`.
fn period(since: &str, until: &str) -> In<(Option<NaiveDate>, NaiveDate)> {
    let since = cv::date_in(&Path::root("since"), since)?;
    let until = date_or_today("until", until)?;
    match since {
        Some(s) if s > until => Err(FieldError::new(
            "since",
            format!("{s} is after `until` ({until})"),
        )),
        _ => Ok((since, until)),
    }
}

/// A non-negative finite number, or the default when unset.
fn non_negative(field: &str, value: Option<f64>, default: f64) -> In<f64> {
    match value {
        None => Ok(default),
        Some(v) if v.is_finite() && v >= 0.0 => Ok(v),
        Some(v) => Err(FieldError::new(
            field,
            format!("{v} is not a finite number of 0 or more"),
        )),
    }
}

/// Consolidation options with their defaults, checked by the core's own rule, naming the field
/// as `consolidation.half_life_days` or `consolidation.conflict_gap`.
fn consolidation(options: Option<&pb::ConsolidationOptions>) -> In<ConsolidateOptions> {
    let default = DEFAULTS.consolidation();
    let o = options.cloned().unwrap_or_default();
    let options = ConsolidateOptions {
        half_life_days: o.half_life_days.unwrap_or(default.half_life_days),
        conflict_gap: o.conflict_gap.unwrap_or(default.conflict_gap),
    };
    options.check().map_err(|e| match &e {
        AnalysisError::InvalidOption { option, .. } => {
            FieldError::new(format!("consolidation.{option}"), e.to_string())
        }
        AnalysisError::UnknownDispute(_) => FieldError::new("consolidation", e.to_string()),
    })?;
    Ok(options)
}

// ---------------------------------------------------------------- queries

/// `ListCurrentStances`, checked.
#[derive(Debug, Clone)]
pub struct StancesQuery {
    dispute: DisputeName,
    issue: Option<IssueName>,
    actor: Option<ActorName>,
    as_of: NaiveDate,
    options: ConsolidateOptions,
}

impl StancesQuery {
    pub fn parse(q: &pb::ListCurrentStancesRequest) -> In<Self> {
        let dispute = dispute(&q.dispute)?;
        let issue = cv::opt_issue_name(&Path::root("issue"), &q.issue)?;
        if let Some(i) = &issue
            && i.dispute() != dispute
        {
            return Err(FieldError::new(
                "issue",
                format!("{i} is not an issue of {dispute}"),
            ));
        }
        Ok(Self {
            issue,
            actor: cv::opt_actor_name(&Path::root("actor"), &q.actor)?,
            as_of: date_or_today("as_of", &q.as_of)?,
            options: consolidation(q.consolidation.as_ref())?,
            dispute,
        })
    }
}

/// A request naming a dispute, a date and consolidation options (`GetStanceMatrix`,
/// `ListDeadlocks`, `ListCoalitions`).
#[derive(Debug, Clone)]
pub struct DisputeQuery {
    dispute: DisputeName,
    as_of: NaiveDate,
    options: ConsolidateOptions,
}

impl DisputeQuery {
    fn parse(
        dispute_field: &str,
        as_of: &str,
        options: Option<&pb::ConsolidationOptions>,
    ) -> In<Self> {
        Ok(Self {
            dispute: dispute(dispute_field)?,
            as_of: date_or_today("as_of", as_of)?,
            options: consolidation(options)?,
        })
    }

    pub fn matrix(q: &pb::GetStanceMatrixRequest) -> In<Self> {
        Self::parse(&q.dispute, &q.as_of, q.consolidation.as_ref())
    }

    pub fn deadlocks(q: &pb::ListDeadlocksRequest) -> In<Self> {
        Self::parse(&q.dispute, &q.as_of, q.consolidation.as_ref())
    }
}

/// `ListCoalitions`, checked.
#[derive(Debug, Clone)]
pub struct CoalitionsQuery {
    base: DisputeQuery,
    max_distance: f64,
}

impl CoalitionsQuery {
    pub fn parse(q: &pb::ListCoalitionsRequest) -> In<Self> {
        Ok(Self {
            base: DisputeQuery::parse(&q.dispute, &q.as_of, q.consolidation.as_ref())?,
            // The engine's one check (0..=1), as the CLI and Python make it.
            max_distance: polemos_engine::analysis::max_distance(q.max_distance)
                .map_err(|e| FieldError::new("max_distance", e.to_string()))?,
        })
    }
}

/// `ListStanceShifts`, checked.
#[derive(Debug, Clone)]
pub struct ShiftsQuery {
    dispute: DisputeName,
    actor: Option<ActorName>,
    since: Option<NaiveDate>,
    until: NaiveDate,
    threshold: f64,
    options: ConsolidateOptions,
}

impl ShiftsQuery {
    pub fn parse(q: &pb::ListStanceShiftsRequest) -> In<Self> {
        let dispute = dispute(&q.dispute)?;
        let (since, until) = period(&q.since, &q.until)?;
        Ok(Self {
            dispute,
            actor: cv::opt_actor_name(&Path::root("actor"), &q.actor)?,
            since,
            until,
            threshold: non_negative("threshold", q.threshold, DEFAULT_SHIFT_THRESHOLD)?,
            options: consolidation(q.consolidation.as_ref())?,
        })
    }
}

/// `GetCooperationSeries`, checked.
#[derive(Debug, Clone)]
pub struct SeriesQuery {
    /// None: every event of the store.
    pub dispute: Option<DisputeName>,
    actor: Option<ActorName>,
    other_actor: Option<ActorName>,
    since: Option<NaiveDate>,
    until: NaiveDate,
    options: SeriesOptions,
}

impl SeriesQuery {
    pub fn parse(q: &pb::GetCooperationSeriesRequest) -> In<Self> {
        let dispute = if q.dispute.is_empty() {
            None
        } else {
            Some(dispute(&q.dispute)?)
        };
        let actor = cv::opt_actor_name(&Path::root("actor"), &q.actor)?;
        let other_actor = cv::opt_actor_name(&Path::root("other_actor"), &q.other_actor)?;
        if other_actor.is_some() && actor.is_none() {
            return Err(FieldError::new("other_actor", "requires `actor`"));
        }
        let granularity = match pb::SeriesGranularity::try_from(q.granularity) {
            Ok(pb::SeriesGranularity::Unspecified) => DEFAULTS.granularity,
            Ok(pb::SeriesGranularity::Month) => Granularity::Month,
            Ok(pb::SeriesGranularity::Week) => Granularity::Week,
            Ok(pb::SeriesGranularity::Day) => Granularity::Day,
            Err(_) => {
                return Err(FieldError::new(
                    "granularity",
                    format!("unknown enum value {}", q.granularity),
                ));
            }
        };
        let (since, until) = period(&q.since, &q.until)?;
        Ok(Self {
            dispute,
            actor,
            other_actor,
            since,
            until,
            options: SeriesOptions {
                granularity,
                roll_up: q.roll_up.unwrap_or(true),
            },
        })
    }
}

// ---------------------------------------------------------------- answers
//
// Assembled by the engine (`polemos_engine::analysis::Scope`), as for `polemos analyze` and
// Python; here only converted.

fn scope<'a>(
    dossier: &'a Dossier,
    name: &DisputeName,
    as_of: NaiveDate,
) -> Result<Scope<'a>, ApiError> {
    Ok(Scope::new(dossier, name.as_str(), Some(as_of))?)
}

pub fn current_stances(
    dossier: &Dossier,
    q: &StancesQuery,
) -> Result<pb::ListCurrentStancesResponse, ApiError> {
    let stances = scope(dossier, &q.dispute, q.as_of)?
        .current(&q.options)?
        .iter()
        .filter(|s| q.actor.as_ref().is_none_or(|a| &s.actor == a))
        .filter(|s| q.issue.as_ref().is_none_or(|i| &s.issue == i))
        .map(out::current_stance)
        .collect();
    Ok(pb::ListCurrentStancesResponse {
        as_of: out::day(q.as_of),
        stances,
    })
}

pub fn stance_matrix(
    dossier: &Dossier,
    q: &DisputeQuery,
) -> Result<pb::GetStanceMatrixResponse, ApiError> {
    let (matrix, polarization) = scope(dossier, &q.dispute, q.as_of)?.agreement(&q.options)?;
    Ok(out::stance_matrix(q.as_of, &matrix, &polarization))
}

pub fn deadlock_list(
    dossier: &Dossier,
    q: &DisputeQuery,
) -> Result<pb::ListDeadlocksResponse, ApiError> {
    let found = scope(dossier, &q.dispute, q.as_of)?.deadlocks(&q.options)?;
    Ok(pb::ListDeadlocksResponse {
        as_of: out::day(q.as_of),
        deadlocks: found.iter().map(out::deadlock).collect(),
    })
}

pub fn coalition_list(
    dossier: &Dossier,
    q: &CoalitionsQuery,
) -> Result<pb::ListCoalitionsResponse, ApiError> {
    let found = scope(dossier, &q.base.dispute, q.base.as_of)?
        .coalitions(&q.base.options, Some(q.max_distance))?;
    Ok(pb::ListCoalitionsResponse {
        as_of: out::day(q.base.as_of),
        coalitions: found.iter().map(out::coalition).collect(),
    })
}

pub fn shift_list(
    dossier: &Dossier,
    q: &ShiftsQuery,
) -> Result<pb::ListStanceShiftsResponse, ApiError> {
    let shifts = scope(dossier, &q.dispute, q.until)?.shifts(
        &q.options,
        Some(q.threshold),
        q.actor.as_ref(),
        q.since,
    )?;
    Ok(pb::ListStanceShiftsResponse {
        until: out::day(q.until),
        shifts: shifts.iter().map(out::shift).collect(),
    })
}

/// The series of the dispute `dispute` (the query's), from its snapshot.
pub fn cooperation_series(
    dossier: &Dossier,
    dispute: &DisputeName,
    q: &SeriesQuery,
) -> Result<pb::GetCooperationSeriesResponse, ApiError> {
    let series = scope(dossier, dispute, q.until)?.series(
        q.options,
        q.actor.as_ref(),
        q.other_actor.as_ref(),
        q.since,
    );
    Ok(series_response(q, &series))
}

impl SeriesQuery {
    /// The series of every event of the store (no dispute asked), through the engine's
    /// `store_series`, as `polemos analyze series` without `--dispute` and Python ask it.
    ///
    /// # Errors
    /// A revision past the head, store failures.
    pub fn store_series(
        &self,
        store: &dyn polemos_store::Store,
        revision: Option<u64>,
    ) -> Result<pb::GetCooperationSeriesResponse, ApiError> {
        let pairs = polemos_engine::analysis::Pairs {
            actor: self.actor.as_ref(),
            other: self.other_actor.as_ref(),
            since: self.since,
        };
        let series = polemos_engine::analysis::store_series(
            store,
            revision,
            Some(self.until),
            self.options,
            pairs,
        )?;
        Ok(series_response(self, &series))
    }
}

fn series_response(q: &SeriesQuery, series: &[PairSeries]) -> pb::GetCooperationSeriesResponse {
    pb::GetCooperationSeriesResponse {
        until: out::day(q.until),
        granularity: out::granularity_out(q.options.granularity),
        series: series.iter().map(out::pair_series).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_errors_name_the_request_field() {
        let bad = pb::ConsolidationOptions {
            half_life_days: Some(0.0),
            conflict_gap: None,
        };
        let e = consolidation(Some(&bad)).expect_err("zero half-life");
        assert_eq!(e.field, "consolidation.half_life_days");
        let bad = pb::ConsolidationOptions {
            half_life_days: None,
            conflict_gap: Some(f64::NAN),
        };
        assert_eq!(
            consolidation(Some(&bad)).expect_err("NaN gap").field,
            "consolidation.conflict_gap"
        );
        let defaults = consolidation(None).expect("defaults");
        assert_eq!(defaults, ConsolidateOptions::default());
        assert_eq!(
            non_negative("threshold", Some(-1.0), 20.0)
                .expect_err("negative")
                .field,
            "threshold"
        );
        assert_eq!(non_negative("threshold", None, 20.0), Ok(20.0));
    }

    #[test]
    fn period_rejects_since_after_until() {
        let e = period("2018-10-02", "2018-10-01").expect_err("reversed");
        assert_eq!(e.field, "since");
        assert_eq!(
            period("2018-13-01", "").expect_err("month 13").field,
            "since"
        );
        assert_eq!(
            period("", "20181001").expect_err("no dashes").field,
            "until"
        );
        let (since, until) = period("2018-10-01", "2018-10-01").expect("one day");
        assert_eq!(since, Some(until));
    }

    #[test]
    fn series_checks_its_fields() {
        let mut q = pb::GetCooperationSeriesRequest {
            dispute: "disputes/kuril-islands".into(),
            other_actor: "actors/RUS".into(),
            ..Default::default()
        };
        assert_eq!(
            SeriesQuery::parse(&q).expect_err("no actor").field,
            "other_actor"
        );
        q.actor = "actors/JPN".into();
        q.granularity = 99;
        assert_eq!(
            SeriesQuery::parse(&q).expect_err("bad enum").field,
            "granularity"
        );
        q.granularity = 0;
        let ok = SeriesQuery::parse(&q).expect("valid");
        assert_eq!(ok.options.granularity, Granularity::Month);
        assert!(ok.options.roll_up);
    }
}
