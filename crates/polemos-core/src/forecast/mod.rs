//! Negotiation outcome forecasting: given actors with a capability and, per issue dimension, a
//! position and a salience, where will the negotiation end up and how does it get there? Static
//! models (weighted median, compromise), the Bueno de Mesquita expected-utility model, a spatial
//! bargaining model in the style of KTAB's Spatial Model of Politics, and Monte Carlo over
//! uncertain inputs. Everything here is pure and deterministic for a given seed.

pub mod bdm;
pub mod error;
pub mod median;
pub mod montecarlo;
pub mod outcome;
pub mod parse;
pub mod scenario;
pub mod smp;

use serde::{Deserialize, Serialize};

pub use bdm::{BdmParams, bdm_forecast};
pub use error::ForecastError;
pub use median::{
    compromise_forecast, median_forecast, pairwise_vote_median, weighted_mean, weighted_median,
};
pub use montecarlo::{Distribution, MonteCarloParams, MonteCarloResult, Uncertainty, monte_carlo};
pub use outcome::{DimensionOutcome, Forecast, ModelKind, Move, MoveKind, Round};
pub use parse::{parse_bdm_csv, parse_ktab_csv, parse_scenario};
pub use scenario::{Dimension, Scale, Scenario, ScenarioActor, StanceInput};
pub use smp::{SmpParams, smp_forecast};

/// A model with its parameters: what `polemos forecast --model` selects.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "model", rename_all = "snake_case")]
pub enum ModelSpec {
    /// The weighted and pairwise medians.
    Median,
    /// The capability × salience weighted mean.
    Compromise,
    /// Bueno de Mesquita's expected-utility model.
    Bdm(BdmParams),
    /// Spatial bargaining as in KTAB's SMP.
    Smp(SmpParams),
}

impl ModelSpec {
    /// Which model this is, without its parameters.
    #[must_use]
    pub fn kind(&self) -> ModelKind {
        match self {
            Self::Median => ModelKind::Median,
            Self::Compromise => ModelKind::Compromise,
            Self::Bdm(_) => ModelKind::Bdm,
            Self::Smp(_) => ModelKind::Smp,
        }
    }

    /// Runs the model on `scenario`.
    ///
    /// # Errors
    /// An invalid scenario or parameter.
    pub fn run(&self, scenario: &Scenario) -> Result<Forecast, ForecastError> {
        match self {
            Self::Median => {
                scenario.validate()?;
                Ok(median_forecast(scenario))
            }
            Self::Compromise => {
                scenario.validate()?;
                Ok(compromise_forecast(scenario))
            }
            Self::Bdm(p) => bdm_forecast(scenario, p),
            Self::Smp(p) => smp_forecast(scenario, p),
        }
    }
}
