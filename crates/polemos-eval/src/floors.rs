//! The floors CI holds extraction to: a checked-in TOML file of the lowest figures accepted.
//! Later work raises them; lowering one needs a reason in the commit that does it.
//!
//! ```toml
//! [overall.events]      # scope (overall, dev, heldout) . figure
//! precision = 0.25
//! recall = 0.10
//! [overall.events_exact]
//! share = 0.3           # articles whose state-level events are exactly right
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::EvalError;
use crate::facts::FactType;
use crate::gold::Split;
use crate::score::{Scorecard, Summary};

/// Scope → figure → metric → lowest accepted value.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Floors(BTreeMap<String, BTreeMap<String, BTreeMap<String, f64>>>);

/// A figure below its floor.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortfall {
    /// `overall.events.recall`.
    pub figure: String,
    pub floor: f64,
    pub actual: f64,
}

impl std::fmt::Display for Shortfall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is {:.1} %, below its floor of {:.1} %",
            self.figure,
            100.0 * self.actual,
            100.0 * self.floor
        )
    }
}

impl Floors {
    /// Reads a floors file, refusing names it does not know (a typo must not disable a floor).
    ///
    /// # Errors
    /// [`EvalError::Floors`] naming the file and what is wrong.
    pub fn parse(source: &str, text: &str) -> Result<Self, EvalError> {
        let bad = |message: String| EvalError::Floors {
            path: source.to_owned(),
            message,
        };
        let floors: Self = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        for (scope, figures) in &floors.0 {
            if !matches!(scope.as_str(), "overall" | "dev" | "heldout") {
                return Err(bad(format!(
                    "unknown scope [{scope}]: overall, dev or heldout"
                )));
            }
            for (figure, metrics) in figures {
                let allowed: &[&str] = if figure == "events_exact" {
                    &["share"]
                } else if FactType::parse(figure).is_some() {
                    &["precision", "recall", "f1"]
                } else {
                    return Err(bad(format!("unknown figure [{scope}.{figure}]")));
                };
                for (metric, value) in metrics {
                    if !allowed.contains(&metric.as_str()) {
                        return Err(bad(format!(
                            "[{scope}.{figure}] has no metric {metric:?}: {}",
                            allowed.join(", ")
                        )));
                    }
                    if !(0.0..=1.0).contains(value) {
                        return Err(bad(format!(
                            "[{scope}.{figure}] {metric} = {value} is not a share between 0 and 1"
                        )));
                    }
                }
            }
        }
        Ok(floors)
    }

    /// Every figure of the scorecard below its floor; a scope the scorecard lacks (no held-out
    /// articles) is itself a shortfall, so a floor cannot pass by having nothing to measure.
    #[must_use]
    pub fn check(&self, card: &Scorecard) -> Vec<Shortfall> {
        let mut out = Vec::new();
        for (scope, figures) in &self.0 {
            let summary: Option<&Summary> = match scope.as_str() {
                "dev" => card.splits.get(&Split::Dev),
                "heldout" => card.splits.get(&Split::Heldout),
                _ => Some(&card.overall),
            };
            for (figure, metrics) in figures {
                for (metric, floor) in metrics {
                    let actual = summary.map_or(0.0, |s| actual(s, figure, metric));
                    // Figures are exact ratios of counts; the margin only absorbs the rounding
                    // of a floor written with a few decimals.
                    if actual + 1e-9 < *floor {
                        out.push(Shortfall {
                            figure: format!("{scope}.{figure}.{metric}"),
                            floor: *floor,
                            actual,
                        });
                    }
                }
            }
        }
        out
    }
}

fn actual(summary: &Summary, figure: &str, metric: &str) -> f64 {
    if figure == "events_exact" {
        return summary.events_exact_share();
    }
    let Some(f) = FactType::parse(figure).and_then(|f| summary.figures.get(&f)) else {
        return 0.0;
    };
    match metric {
        "precision" => f.precision,
        "recall" => f.recall,
        _ => f.f1,
    }
}
