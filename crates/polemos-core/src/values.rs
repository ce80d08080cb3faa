//! Bounded numbers of the model. Each is checked when built or deserialized, so code inside the
//! core can trust that a `Position` is in 0..=100 and a `Salience` in 0..=1.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// A number outside the range its kind allows, or not a number at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{kind} {value} is out of range: expected {range}")]
pub struct RangeError {
    /// What the value is (`salience`).
    pub kind: &'static str,
    /// The value given.
    pub value: f64,
    /// The range allowed (`0..=1`).
    pub range: &'static str,
}

macro_rules! bounded {
    ($(#[$doc:meta])* $ty:ident, $kind:literal, $min:expr, $max:expr, $range:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
        #[serde(transparent)]
        pub struct $ty(f64);

        impl $ty {
            /// The smallest allowed value.
            pub const MIN: f64 = $min;
            /// The largest allowed value.
            pub const MAX: f64 = $max;

            /// # Errors
            /// When `value` is NaN or outside the allowed range.
            pub fn new(value: f64) -> Result<Self, RangeError> {
                if value.is_finite() && ($min..=$max).contains(&value) {
                    Ok(Self(value))
                } else {
                    Err(RangeError { kind: $kind, value, range: $range })
                }
            }

            /// Builds the value, clamping anything out of range (NaN becomes the minimum).
            #[must_use]
            pub fn saturating(value: f64) -> Self {
                if value.is_nan() { Self($min) } else { Self(value.clamp($min, $max)) }
            }

            /// The value as a number.
            #[must_use]
            pub fn get(self) -> f64 {
                self.0
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl TryFrom<f64> for $ty {
            type Error = RangeError;
            fn try_from(value: f64) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = f64::deserialize(deserializer)?;
                Self::new(raw).map_err(serde::de::Error::custom)
            }
        }
    };
}

bounded!(
    /// A position on an issue's 0–100 scale (binary issues: 0 oppose, 100 support).
    Position, "position", 0.0, 100.0, "0..=100"
);
bounded!(
    /// How much an issue matters to an actor, 0 (not at all) to 1 (above all else).
    Salience, "salience", 0.0, 1.0, "0..=1"
);
bounded!(
    /// How sure the evidence makes us, 0 to 1.
    Confidence, "confidence", 0.0, 1.0, "0..=1"
);
bounded!(
    /// Cooperation (+) or conflict (−) intensity of an event, −10 to +10.
    Intensity, "intensity", -10.0, 10.0, "-10..=10"
);
bounded!(
    /// An actor's capability (power, influence) within a dispute; any non-negative amount.
    Capability, "capability", 0.0, f64::MAX, ">= 0"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_enforced() {
        assert!(Position::new(0.0).is_ok());
        assert!(Position::new(100.0).is_ok());
        assert!(Position::new(100.1).is_err());
        assert!(Position::new(f64::NAN).is_err());
        assert!(Salience::new(1.5).is_err());
        assert!(Intensity::new(-10.0).is_ok());
        assert!(Capability::new(-0.1).is_err());
        assert!(Capability::new(f64::INFINITY).is_err());
        let err = Salience::new(2.0).expect_err("out of range");
        assert_eq!(
            err.to_string(),
            "salience 2 is out of range: expected 0..=1"
        );
    }

    #[test]
    fn deserialization_checks_range() {
        assert!(serde_json::from_str::<Position>("50").is_ok());
        let err = serde_json::from_str::<Position>("150").expect_err("too large");
        assert!(
            err.to_string().contains("position 150 is out of range"),
            "{err}"
        );
    }

    #[test]
    fn saturating_clamps() {
        assert_eq!(Position::saturating(120.0).get(), 100.0);
        assert_eq!(Salience::saturating(f64::NAN).get(), 0.0);
    }
}
