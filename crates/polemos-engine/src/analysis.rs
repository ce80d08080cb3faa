//! The one table of analysis defaults. `polemos analyze`, the gRPC `AnalysisService` and the
//! Python `Engine`/`Client` all take their defaults from here (the Python signatures are checked
//! against it by `python/tests/test_parity.py`), so an analysis asked without options means the
//! same everywhere.

use chrono::{NaiveDate, Utc};
use polemos_core::analysis::coalitions::DEFAULT_MAX_DISTANCE;
use polemos_core::analysis::consolidate::{
    ConsolidateOptions, ConsolidatedStance, current_stances_with,
};
use polemos_core::analysis::series::Granularity;
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
}

/// The defaults. The consolidation and coalition values are the core's own.
pub const DEFAULTS: Defaults = Defaults {
    half_life_days: 180.0,
    conflict_gap: 25.0,
    shift_threshold: 20.0,
    max_distance: DEFAULT_MAX_DISTANCE,
    granularity: Granularity::Month,
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
