//! Dates as every interface accepts them: exactly `YYYY-MM-DD` (chrono alone also takes
//! `2018-1-1` and `+2018-01-01` and normalises them, so two spellings of one date would pass),
//! within the years the model allows. One parser for the CLI, gRPC, Python and the JSON model.

use chrono::{Datelike, NaiveDate};

/// The earliest year accepted anywhere in the model.
pub const MIN_YEAR: i32 = 1500;
/// The latest year accepted anywhere in the model.
pub const MAX_YEAR: i32 = 2200;

/// Why a date was refused; the message quotes (a bounded prefix of) the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not written exactly `YYYY-MM-DD`, or no such day.
    #[error("`{0}` is not a date of the form YYYY-MM-DD")]
    Format(String),
    /// A real day outside the years the model accepts.
    #[error("date {0} is outside the years {MIN_YEAR}..={MAX_YEAR}")]
    Range(NaiveDate),
}

/// Whether `date` lies in the years the model accepts.
#[must_use]
pub fn in_range(date: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

/// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day) to a real date, in
/// any year. The JSON model uses this; the range is a validation rule reported with its path.
///
/// # Errors
/// Any other spelling, or a day that does not exist.
pub fn parse_ymd(value: &str) -> Result<NaiveDate, DateError> {
    let b = value.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let num = |r: std::ops::Range<usize>| value[r].parse::<u32>().ok();
    let date = if shape {
        match (num(0..4), num(5..7), num(8..10)) {
            (Some(y), Some(m), Some(d)) => i32::try_from(y)
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
            _ => None,
        }
    } else {
        None
    };
    date.ok_or_else(|| DateError::Format(clip(value)))
}

/// Parses a date argument (`--published`, `as_of`, filters): exactly `YYYY-MM-DD`, in the years
/// the model accepts, so nothing downstream meets a date its arithmetic cannot handle.
///
/// # Errors
/// Another spelling, a day that does not exist, or a year outside the range.
pub fn parse_date(value: &str) -> Result<NaiveDate, DateError> {
    let date = parse_ymd(value)?;
    if in_range(date) {
        Ok(date)
    } else {
        Err(DateError::Range(date))
    }
}

/// At most 40 characters of what was given, so an error never echoes a megabyte back.
fn clip(value: &str) -> String {
    match value.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &value[..i]),
        None => value.to_owned(),
    }
}

/// `#[serde(with = "crate::date::ymd")]` for a `NaiveDate` field.
pub mod ymd {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    /// # Errors
    /// Never for a date; the serializer's own errors.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    /// # Errors
    /// A value that is not exactly `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        super::parse_ymd(&s).map_err(D::Error::custom)
    }
}

/// `#[serde(with = "crate::date::ymd_opt")]` for an `Option<NaiveDate>` field.
pub mod ymd_opt {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    /// # Errors
    /// The serializer's own errors.
    #[allow(clippy::ref_option)] // serde's `with` passes `&Option<T>`
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
            None => s.serialize_none(),
        }
    }

    /// # Errors
    /// A value that is not exactly `YYYY-MM-DD` (or null).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<std::borrow::Cow<'de, str>>::deserialize(d)?
            .map(|s| super::parse_ymd(&s).map_err(D::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_canonical_spelling_parses() {
        assert_eq!(
            parse_date("2018-01-01"),
            Ok(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap())
        );
        for bad in [
            "2018-1-1",
            "+2018-01-01",
            "2018-01-01 ",
            " 2018-01-01",
            "20180101",
            "2018-02-30",
            "2018-13-01",
            "+262142-12-31",
            "-0001-01-01",
            "２０１８-01-01",
            "",
        ] {
            assert!(
                matches!(parse_date(bad), Err(DateError::Format(_))),
                "{bad:?} must be refused"
            );
        }
    }

    #[test]
    fn years_outside_the_model_are_refused_with_the_range() {
        let e = parse_date("9999-12-31").unwrap_err();
        assert_eq!(
            e.to_string(),
            "date 9999-12-31 is outside the years 1500..=2200"
        );
        assert!(parse_date("1499-12-31").is_err());
        assert!(parse_date("1500-01-01").is_ok() && parse_date("2200-12-31").is_ok());
        // The JSON model parses the spelling only; the range is a validation rule.
        assert!(parse_ymd("9999-12-31").is_ok());
    }

    #[test]
    fn errors_echo_a_bounded_prefix() {
        let long = "9".repeat(10_000);
        assert!(parse_date(&long).unwrap_err().to_string().len() < 100);
    }

    #[test]
    fn serde_refuses_lenient_spellings() {
        #[derive(serde::Deserialize, serde::Serialize)]
        struct T {
            #[serde(with = "ymd")]
            d: NaiveDate,
            #[serde(default, with = "ymd_opt")]
            o: Option<NaiveDate>,
        }
        let ok: T = serde_json::from_str(r#"{"d":"2018-01-02","o":null}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&ok).unwrap(),
            r#"{"d":"2018-01-02","o":null}"#
        );
        assert!(serde_json::from_str::<T>(r#"{"d":"2018-1-2"}"#).is_err());
        assert!(serde_json::from_str::<T>(r#"{"d":"2018-01-02","o":"+2018-01-02"}"#).is_err());
    }
}
