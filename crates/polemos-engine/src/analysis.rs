//! The one table of analysis defaults. `polemos analyze`, the gRPC `AnalysisService` and the
//! Python `Engine`/`Client` all take their defaults from here (the Python signatures are checked
//! against it by `python/tests/test_parity.py`), so an analysis asked without options means the
//! same everywhere.

use chrono::{NaiveDate, Utc};
use polemos_core::analysis::agreement::{
    AgreementMatrix, Polarization, agreement_matrix, polarization,
};
use polemos_core::analysis::asof::DocumentIndex;
use polemos_core::analysis::coalitions::{Coalition, DEFAULT_MAX_DISTANCE, coalitions};
use polemos_core::analysis::consolidate::{
    ConsolidateOptions, ConsolidatedStance, consolidate, current_stances_with,
};
use polemos_core::analysis::preconditions::{Deadlock, deadlocks, precondition_edges};
use polemos_core::analysis::report::{DisputeReport, ReportOptions, build_report};
use polemos_core::analysis::series::{Granularity, PairSeries, SeriesOptions, pair_series};
use polemos_core::analysis::timeline::{Shift, all_shifts};
use polemos_core::{ActorName, Dispute, Dossier, Stance};
use polemos_store::{Revision, Store, View};

use crate::error::{Error, Result};
use crate::{list, names};

/// Defaults of every analysis option.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Defaults {
    /// Consolidation: days after which a stance record's weight halves.
    pub half_life_days: f64,
    /// Consolidation: positions more than this many points apart are conflicting evidence.
    pub conflict_gap: f64,
    /// Shifts: the position move (points) beyond which a change is a shift.
    pub shift_threshold: f64,
    /// Coalitions: merge while the average distance (1 − agreement) is at most this.
    pub max_distance: f64,
    /// Series: the bucket width.
    pub granularity: Granularity,
    /// Report: the format a report is rendered in when none is asked for (Markdown, as
    /// `polemos report` prints it; the Python `Engine` and `Client` once said HTML).
    pub report_format: crate::report::Format,
}

/// The defaults. The consolidation and coalition values are the core's own.
pub const DEFAULTS: Defaults = Defaults {
    half_life_days: 180.0,
    conflict_gap: 25.0,
    shift_threshold: 20.0,
    max_distance: DEFAULT_MAX_DISTANCE,
    granularity: Granularity::Month,
    report_format: crate::report::Format::Markdown,
};

impl Defaults {
    /// The default granularity as the word interfaces take (`month`).
    #[must_use]
    pub fn granularity_word(&self) -> &'static str {
        match self.granularity {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
        }
    }

    /// The consolidation options these defaults make.
    #[must_use]
    pub fn consolidation(&self) -> ConsolidateOptions {
        ConsolidateOptions {
            half_life_days: self.half_life_days,
            conflict_gap: self.conflict_gap,
        }
    }
}

/// The coalition distance a request means (unset: the default), checked once for every
/// interface before anything is read, so a bad distance is `InvalidArgument` whatever else the
/// request names.
///
/// # Errors
/// A distance outside 0..=1, `InvalidArgument` naming `max_distance`.
pub fn max_distance(requested: Option<f64>) -> Result<f64> {
    let value = requested.unwrap_or(DEFAULTS.max_distance);
    polemos_core::analysis::coalitions::check_max_distance(value)?;
    Ok(value)
}

/// Each actor's consolidated current stance on each issue of `dispute`, from all the evidence
/// known on `as_of` (default today), reading the store at `revision`. The snapshot has no date
/// cut: consolidation dates each evidence item itself.
///
/// # Errors
/// A malformed or unknown dispute, a revision past the head, options out of range, store
/// failures.
pub fn current_stances(
    store: &dyn Store,
    dispute: &str,
    as_of: Option<NaiveDate>,
    revision: Option<Revision>,
    options: &ConsolidateOptions,
) -> Result<Vec<ConsolidatedStance>> {
    let name = names::dispute_name("dispute", dispute)?;
    let view = list::view(store, revision, None)?;
    let dossier = store.snapshot(View {
        as_of: None,
        ..view
    })?;
    if !dossier.disputes.iter().any(|d| d.name == name) {
        return Err(Error::not_found("dispute", name.as_str()));
    }
    let date = as_of.unwrap_or_else(|| Utc::now().date_naive());
    Ok(current_stances_with(&dossier, &name, date, options)?)
}

/// A stored dispute's snapshot, read at `revision` with no date cut (each analysis dates the
/// evidence itself against its `as_of`), after checking the dispute exists.
///
/// # Errors
/// A malformed or unknown dispute (`NotFound`), a revision past the head, store failures.
pub fn snapshot(store: &dyn Store, dispute: &str, revision: Option<Revision>) -> Result<Dossier> {
    let name = names::dispute_name("dispute", dispute)?;
    let view = list::view(store, revision, None)?;
    let dossier = store.snapshot(View {
        as_of: None,
        ..view
    })?;
    if !dossier.disputes.iter().any(|d| d.name == name) {
        return Err(Error::not_found("dispute", name.as_str()));
    }
    Ok(dossier)
}

/// One dispute of a snapshot on one day: every analysis of it is assembled here, once, so
/// `polemos analyze`, the gRPC `AnalysisService` and Python answer alike. An option left `None`
/// takes [`DEFAULTS`].
pub struct Scope<'a> {
    pub dossier: &'a Dossier,
    pub dispute: &'a Dispute,
    /// The day the analyses look from (today when not given).
    pub as_of: NaiveDate,
    docs: DocumentIndex<'a>,
}

impl<'a> Scope<'a> {
    /// The dispute `name` of `dossier`, looked at on `as_of` (default today).
    ///
    /// # Errors
    /// A malformed name (`InvalidArgument`), a dispute the snapshot lacks (`NotFound`).
    pub fn new(dossier: &'a Dossier, name: &str, as_of: Option<NaiveDate>) -> Result<Self> {
        let name = names::dispute_name("dispute", name)?;
        let dispute = dossier
            .disputes
            .iter()
            .find(|d| d.name == name)
            .ok_or_else(|| Error::not_found("dispute", name.as_str()))?;
        Ok(Self {
            dossier,
            dispute,
            as_of: as_of.unwrap_or_else(|| Utc::now().date_naive()),
            docs: DocumentIndex::new(&dossier.documents),
        })
    }

    /// The stance records on the dispute's issues.
    #[must_use]
    pub fn stances(&self) -> Vec<Stance> {
        self.dossier
            .stances
            .iter()
            .filter(|s| s.issue.dispute() == self.dispute.name)
            .cloned()
            .collect()
    }

    /// Each actor's consolidated current stance on each issue.
    ///
    /// # Errors
    /// Options out of range (`InvalidArgument`).
    pub fn current(&self, options: &ConsolidateOptions) -> Result<Vec<ConsolidatedStance>> {
        Ok(consolidate(
            &self.stances(),
            &self.docs,
            self.as_of,
            options,
        )?)
    }

    fn parties(&self) -> Vec<ActorName> {
        self.dispute
            .parties
            .iter()
            .map(|p| p.actor.clone())
            .collect()
    }

    /// Pairwise agreement (the dispute's parties first) and each issue's polarization.
    ///
    /// # Errors
    /// Options out of range.
    pub fn agreement(
        &self,
        options: &ConsolidateOptions,
    ) -> Result<(AgreementMatrix, Polarization)> {
        let current = self.current(options)?;
        Ok((
            agreement_matrix(&current, &self.parties()),
            polarization(&current),
        ))
    }

    /// Cycles of preconditions that lock issues together.
    ///
    /// # Errors
    /// Options out of range.
    pub fn deadlocks(&self, options: &ConsolidateOptions) -> Result<Vec<Deadlock>> {
        Ok(deadlocks(&precondition_edges(&self.current(options)?)))
    }

    /// Groups of parties merged while their average distance is at most `max_distance`.
    ///
    /// # Errors
    /// Options or a distance out of range.
    pub fn coalitions(
        &self,
        options: &ConsolidateOptions,
        max_distance: Option<f64>,
    ) -> Result<Vec<Coalition>> {
        let max_distance = self::max_distance(max_distance)?;
        let (matrix, _) = self.agreement(options)?;
        Ok(coalitions(&matrix, max_distance)?)
    }

    /// Moves of position beyond `threshold` points up to `as_of`, of `actor` only when given,
    /// dated `since` or later when given.
    ///
    /// # Errors
    /// Options or a threshold out of range.
    pub fn shifts(
        &self,
        options: &ConsolidateOptions,
        threshold: Option<f64>,
        actor: Option<&ActorName>,
        since: Option<NaiveDate>,
    ) -> Result<Vec<Shift>> {
        let stances: Vec<Stance> = self
            .stances()
            .into_iter()
            .filter(|s| actor.is_none_or(|a| &s.actor == a))
            .collect();
        let threshold = threshold.unwrap_or(DEFAULTS.shift_threshold);
        let mut shifts = all_shifts(&stances, &self.docs, self.as_of, options, threshold)?;
        shifts.retain(|s| since.is_none_or(|since| s.date >= since));
        Ok(shifts)
    }

    /// Cooperation–conflict counts per actor pair and period up to `as_of`, from the events
    /// dated `since` or later; only pairs with `actor` (and `other` when given).
    #[must_use]
    pub fn series(
        &self,
        options: SeriesOptions,
        actor: Option<&ActorName>,
        other: Option<&ActorName>,
        since: Option<NaiveDate>,
    ) -> Vec<PairSeries> {
        let events = self.dossier.for_dispute(&self.dispute.name).events;
        pairs_of(
            &events,
            self.dossier,
            &self.docs,
            self.as_of,
            options,
            Pairs {
                actor,
                other,
                since,
            },
        )
    }

    /// The dispute report.
    ///
    /// # Errors
    /// Analysis failures of the report's parts.
    pub fn report(&self) -> Result<DisputeReport> {
        Ok(build_report(
            self.dossier,
            &self.dispute.name,
            self.as_of,
            &ReportOptions::default(),
        )?)
    }
}

/// Which pairs and events a series keeps: pairs with `actor` (and `other`, the pair of the
/// two), events dated on or after `since`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pairs<'a> {
    pub actor: Option<&'a ActorName>,
    pub other: Option<&'a ActorName>,
    pub since: Option<NaiveDate>,
}

/// The series of `events` (of `dossier`) per pair, kept by `pairs`: one dispute's
/// ([`Scope::series`]) and the whole store's ([`store_series`]) count alike.
fn pairs_of(
    events: &[polemos_core::Event],
    dossier: &Dossier,
    docs: &DocumentIndex<'_>,
    as_of: NaiveDate,
    options: SeriesOptions,
    pairs: Pairs<'_>,
) -> Vec<PairSeries> {
    let events: Vec<_> = events
        .iter()
        .filter(|e| pairs.since.is_none_or(|since| e.date.date >= since))
        .cloned()
        .collect();
    let wanted = |a: &ActorName, b: &ActorName| match (pairs.actor, pairs.other) {
        (None, _) => true,
        (Some(x), None) => a == x || b == x,
        (Some(x), Some(y)) => (a == x && b == y) || (a == y && b == x),
    };
    pair_series(&events, &dossier.actors, docs, as_of, options)
        .into_iter()
        .filter(|s| wanted(&s.a, &s.b))
        .collect()
}

/// The cooperation–conflict series of every event in the store, whatever dispute it belongs
/// to (or none): `polemos analyze series` without `--dispute`, the gRPC `GetCooperationSeries`
/// with no dispute, `Engine`/`Client.series()` without one. Read at `revision`, looked at on
/// `as_of` (default today), with the pairs and `since` of a dispute's series.
///
/// # Errors
/// A revision past the head (`InvalidArgument`), `other` without `actor`, store failures.
pub fn store_series(
    store: &dyn Store,
    revision: Option<Revision>,
    as_of: Option<NaiveDate>,
    options: SeriesOptions,
    pairs: Pairs<'_>,
) -> Result<Vec<PairSeries>> {
    // Before the read: a bad pair is refused without touching the store.
    check_pairs(&pairs)?;
    let view = list::view(store, revision, None)?;
    let dossier = store.snapshot(View {
        as_of: None,
        ..view
    })?;
    snapshot_series(&dossier, as_of, options, pairs)
}

/// The one rule of a series' pair filter: `other` only with `actor`.
fn check_pairs(pairs: &Pairs<'_>) -> Result<()> {
    if pairs.other.is_some() && pairs.actor.is_none() {
        return Err(Error::argument("other_actor", "requires `actor`"));
    }
    Ok(())
}

/// [`store_series`] of a snapshot already read (at a revision, with no date cut), for a caller
/// that reads one for other uses too (`polemos analyze series` also names actors from it), so
/// the store is read once.
///
/// # Errors
/// `other` without `actor`.
pub fn snapshot_series(
    dossier: &Dossier,
    as_of: Option<NaiveDate>,
    options: SeriesOptions,
    pairs: Pairs<'_>,
) -> Result<Vec<PairSeries>> {
    check_pairs(&pairs)?;
    let as_of = as_of.unwrap_or_else(|| Utc::now().date_naive());
    let docs = DocumentIndex::new(&dossier.documents);
    Ok(pairs_of(
        &dossier.events,
        dossier,
        &docs,
        as_of,
        options,
        pairs,
    ))
}

/// The default series options (granularity from [`DEFAULTS`], actors rolled up).
#[must_use]
pub fn series_options(granularity: Option<Granularity>, roll_up: bool) -> SeriesOptions {
    SeriesOptions {
        granularity: granularity.unwrap_or(DEFAULTS.granularity),
        roll_up,
    }
}

#[cfg(test)]
#[path = "analysis_tests.rs"]
mod scope_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_consolidation_defaults_are_the_cores() {
        assert_eq!(DEFAULTS.consolidation(), ConsolidateOptions::default());
        let parsed: Granularity = DEFAULTS.granularity_word().parse().expect("a granularity");
        assert_eq!(parsed, DEFAULTS.granularity);
    }
}
