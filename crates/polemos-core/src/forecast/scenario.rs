//! The input of every forecasting model: actors with a capability and, on one or more issue
//! dimensions, a position and a salience each. Built from scenario files (`parse`) or from a
//! dispute's consolidated stances (`Scenario::from_stances`), and checked once here so the models
//! can trust it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::error::ForecastError;

/// An actor of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioActor {
    /// The actor's name.
    pub name: String,
    /// A description, when the scenario gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Power or influence, any non-negative amount; only ratios between actors matter.
    pub capability: f64,
}

/// The range positions are read on (e.g. 0–100, or the EC example's 4–10).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    /// The lowest position.
    pub min: f64,
    /// The highest position.
    pub max: f64,
}

impl Scale {
    /// The 0–100 scale of issues.
    pub const PERCENT: Scale = Scale {
        min: 0.0,
        max: 100.0,
    };

    /// `max − min`.
    #[must_use]
    pub fn width(self) -> f64 {
        self.max - self.min
    }

    /// `x` limited to the scale.
    #[must_use]
    pub fn clamp(self, x: f64) -> f64 {
        x.clamp(self.min, self.max)
    }
}

/// One issue dimension: every actor's position and salience on it, indexed like `actors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    /// The dimension's name.
    pub name: String,
    /// Each actor's position, in the scenario's actor order.
    pub positions: Vec<f64>,
    /// 0 (does not care) to 1 (above all else).
    pub saliences: Vec<f64>,
}

/// A forecasting problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// The scenario's name.
    pub name: String,
    /// A description, when the scenario gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The scale of every dimension.
    pub scale: Scale,
    /// The actors with their capabilities and saliences.
    pub actors: Vec<ScenarioActor>,
    /// The dimensions with each actor's position.
    pub dimensions: Vec<Dimension>,
}

/// One consolidated stance, as the analytics layer hands it over (plain values so that callers
/// need not depend on how stances were consolidated).
#[derive(Debug, Clone, PartialEq)]
pub struct StanceInput {
    /// The actor's name.
    pub actor: String,
    /// The issue's name: one dimension per issue.
    pub issue: String,
    /// 0–100.
    pub position: f64,
    /// 0–1.
    pub salience: f64,
}

impl Scenario {
    /// Checks the invariants the models rely on: at least one actor and one dimension, one
    /// position and salience per actor on every dimension, finite numbers, capabilities >= 0,
    /// saliences in 0..=1, positions inside the scale, a scale with min <= max.
    ///
    /// # Errors
    /// The first broken rule, naming the field (`dimensions[1].saliences[3]`).
    pub fn validate(&self) -> Result<(), ForecastError> {
        let invalid = |field: String, message: String| ForecastError::Invalid { field, message };
        if self.actors.is_empty() {
            return Err(invalid(
                "actors".into(),
                "a scenario needs at least one actor".into(),
            ));
        }
        if self.dimensions.is_empty() {
            return Err(invalid(
                "dimensions".into(),
                "a scenario needs at least one dimension".into(),
            ));
        }
        let Scale { min, max } = self.scale;
        if !(min.is_finite() && max.is_finite() && min <= max) {
            return Err(invalid(
                "scale".into(),
                format!("expected finite min <= max, found {min}..{max}"),
            ));
        }
        let mut names = BTreeSet::new();
        for (i, actor) in self.actors.iter().enumerate() {
            if !names.insert(actor.name.as_str()) {
                return Err(invalid(
                    format!("actors[{i}].name"),
                    format!("duplicate actor name `{}`", actor.name),
                ));
            }
            if !(actor.capability.is_finite() && actor.capability >= 0.0) {
                return Err(invalid(
                    format!("actors[{i}].capability"),
                    format!("expected a finite number >= 0, found {}", actor.capability),
                ));
            }
        }
        let n = self.actors.len();
        for (d, dim) in self.dimensions.iter().enumerate() {
            if dim.positions.len() != n || dim.saliences.len() != n {
                return Err(invalid(
                    format!("dimensions[{d}]"),
                    format!(
                        "expected {n} positions and saliences, found {} and {}",
                        dim.positions.len(),
                        dim.saliences.len()
                    ),
                ));
            }
            for (i, &x) in dim.positions.iter().enumerate() {
                if !(x.is_finite() && (min..=max).contains(&x)) {
                    return Err(invalid(
                        format!("dimensions[{d}].positions[{i}]"),
                        format!("expected a number in {min}..={max}, found {x}"),
                    ));
                }
            }
            for (i, &s) in dim.saliences.iter().enumerate() {
                if !(s.is_finite() && (0.0..=1.0).contains(&s)) {
                    return Err(invalid(
                        format!("dimensions[{d}].saliences[{i}]"),
                        format!("expected a number in 0..=1, found {s}"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Builds a scenario with one dimension per issue from consolidated stances and the parties'
    /// capabilities, on the 0–100 scale. Actors are the parties, in the order given. A party with
    /// no stance on an issue sits at the scale's midpoint with salience 0: it then weighs nothing
    /// in any vote, median or mean, which is what "has not said" should mean.
    ///
    /// # Errors
    /// A stance by an actor that is not a party (no capability to weigh it with), two stances of
    /// one actor on one issue, a number out of range, or no stances at all.
    pub fn from_stances(
        name: &str,
        stances: &[StanceInput],
        capabilities: &[(String, f64)],
    ) -> Result<Scenario, ForecastError> {
        if stances.is_empty() {
            return Err(ForecastError::Invalid {
                field: "stances".into(),
                message: "no stances to forecast from".into(),
            });
        }
        let index: BTreeMap<&str, usize> = capabilities
            .iter()
            .enumerate()
            .map(|(i, (actor, _))| (actor.as_str(), i))
            .collect();
        let mut issues: Vec<&str> = Vec::new();
        for s in stances {
            if !issues.contains(&s.issue.as_str()) {
                issues.push(&s.issue);
            }
        }
        let n = capabilities.len();
        let mut dimensions: Vec<Dimension> = issues
            .iter()
            .map(|issue| Dimension {
                name: (*issue).to_owned(),
                positions: vec![50.0; n],
                saliences: vec![0.0; n],
            })
            .collect();
        let mut seen = BTreeSet::new();
        for (k, s) in stances.iter().enumerate() {
            let Some(&i) = index.get(s.actor.as_str()) else {
                return Err(ForecastError::Invalid {
                    field: format!("stances[{k}].actor"),
                    message: format!(
                        "`{}` has a stance on `{}` but is not a party with a capability",
                        s.actor, s.issue
                    ),
                });
            };
            if !seen.insert((i, s.issue.as_str())) {
                return Err(ForecastError::Invalid {
                    field: format!("stances[{k}]"),
                    message: format!(
                        "second stance of `{}` on `{}`; consolidate stances first",
                        s.actor, s.issue
                    ),
                });
            }
            let d = issues.iter().position(|x| *x == s.issue).unwrap_or(0);
            dimensions[d].positions[i] = s.position;
            dimensions[d].saliences[i] = s.salience;
        }
        let scenario = Scenario {
            name: name.to_owned(),
            description: String::new(),
            scale: Scale::PERCENT,
            actors: capabilities
                .iter()
                .map(|(actor, capability)| ScenarioActor {
                    name: actor.clone(),
                    description: String::new(),
                    capability: *capability,
                })
                .collect(),
            dimensions,
        };
        scenario.validate()?;
        Ok(scenario)
    }

    /// The actors' names, in order.
    #[must_use]
    pub fn actor_names(&self) -> Vec<String> {
        self.actors.iter().map(|a| a.name.clone()).collect()
    }

    /// The actors' capabilities, in order.
    #[must_use]
    pub fn capabilities(&self) -> Vec<f64> {
        self.actors.iter().map(|a| a.capability).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stance(actor: &str, issue: &str, position: f64, salience: f64) -> StanceInput {
        StanceInput {
            actor: actor.into(),
            issue: issue.into(),
            position,
            salience,
        }
    }

    #[test]
    fn from_stances_builds_one_dimension_per_issue() {
        let caps = vec![("JPN".to_owned(), 0.6), ("RUS".to_owned(), 0.4)];
        let stances = [
            stance("JPN", "treaty", 100.0, 0.9),
            stance("RUS", "treaty", 20.0, 0.5),
            stance("RUS", "islands", 0.0, 1.0),
        ];
        let s = Scenario::from_stances("kuril", &stances, &caps).expect("valid");
        assert_eq!(s.dimensions.len(), 2);
        assert_eq!(s.dimensions[0].name, "treaty");
        assert_eq!(s.dimensions[0].positions, vec![100.0, 20.0]);
        // JPN said nothing on the islands: neutral midpoint, no weight.
        assert_eq!(s.dimensions[1].positions, vec![50.0, 0.0]);
        assert_eq!(s.dimensions[1].saliences, vec![0.0, 1.0]);
    }

    #[test]
    fn from_stances_rejects_unknown_actor_and_duplicates() {
        let caps = vec![("JPN".to_owned(), 0.6)];
        let err = Scenario::from_stances("x", &[stance("USA", "t", 1.0, 1.0)], &caps)
            .expect_err("no capability");
        assert!(err.to_string().contains("`USA`"), "{err}");
        let err = Scenario::from_stances(
            "x",
            &[stance("JPN", "t", 1.0, 1.0), stance("JPN", "t", 2.0, 1.0)],
            &caps,
        )
        .expect_err("duplicate");
        assert!(err.to_string().contains("stances[1]"), "{err}");
        let err = Scenario::from_stances("x", &[stance("JPN", "t", 1.0, 1.5)], &caps)
            .expect_err("salience");
        assert!(err.to_string().contains("saliences[0]"), "{err}");
    }
}
