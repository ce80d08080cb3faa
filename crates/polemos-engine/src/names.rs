//! Names and dates as users type them: `kuril-islands` as well as `disputes/kuril-islands`,
//! `JPN` as well as `actors/JPN`, `YYYY-MM-DD`. Every interface accepts the same forms because
//! they all come through here; a malformed value is `InvalidArgument` naming the parameter.

use chrono::NaiveDate;
use polemos_core::{ActorName, DisputeName, IssueName};

use crate::error::{Error, Result};

/// Accepts `kuril-islands` as well as `disputes/kuril-islands`.
///
/// # Errors
/// When the name is malformed.
pub fn dispute_name(field: &str, value: &str) -> Result<DisputeName> {
    let full = if value.contains('/') {
        value.to_owned()
    } else {
        format!("disputes/{value}")
    };
    DisputeName::parse(&full).map_err(|e| Error::argument(field, e.to_string()))
}

/// Accepts `JPN` as well as `actors/JPN`.
///
/// # Errors
/// When the name is malformed.
pub fn actor_name(field: &str, value: &str) -> Result<ActorName> {
    let full = if value.contains('/') {
        value.to_owned()
    } else {
        format!("actors/{value}")
    };
    ActorName::parse(&full).map_err(|e| Error::argument(field, e.to_string()))
}

/// Accepts the full issue name, `DISPUTE/ISSUE`, or just `ISSUE` when a dispute is implied.
///
/// # Errors
/// When the name is malformed.
pub fn issue_name(field: &str, value: &str, dispute: Option<&DisputeName>) -> Result<IssueName> {
    let full = match (value.starts_with("disputes/"), dispute) {
        (true, _) => value.to_owned(),
        (false, Some(d)) if !value.contains('/') => format!("{d}/issues/{value}"),
        (false, _) => match value.split_once('/') {
            Some((d, i)) => format!("disputes/{d}/issues/{i}"),
            None => value.to_owned(),
        },
    };
    IssueName::parse(&full).map_err(|e| Error::argument(field, e.to_string()))
}

/// Parses `YYYY-MM-DD`, naming the parameter when it is not such a date.
///
/// # Errors
/// When the value is not a date.
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate> {
    // The one strict parser: exactly YYYY-MM-DD in the model's years (`2018-1-1`, `+2018-01-01`
    // and `+262142-12-31` refused, with a bounded echo of the value).
    polemos_core::date::parse_date(value).map_err(|e| Error::argument(field, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_full_names_are_the_same() {
        assert_eq!(
            dispute_name("dispute", "kuril-islands")
                .expect("short")
                .as_str(),
            "disputes/kuril-islands"
        );
        assert_eq!(
            actor_name("actor", "actors/JPN").expect("full").as_str(),
            "actors/JPN"
        );
        let d = dispute_name("dispute", "kuril-islands").expect("d");
        assert_eq!(
            issue_name("issue", "peace-treaty", Some(&d))
                .expect("i")
                .as_str(),
            "disputes/kuril-islands/issues/peace-treaty"
        );
        assert_eq!(
            issue_name("issue", "kuril-islands/peace-treaty", None)
                .expect("i")
                .as_str(),
            "disputes/kuril-islands/issues/peace-treaty"
        );
        assert!(actor_name("actor", "no spaces").is_err());
    }

    #[test]
    fn dates_name_the_parameter() {
        let err = parse_date("as_of", "15/09/2018").expect_err("bad date");
        assert!(err.to_string().contains("`as_of`"), "{err}");
    }
}
