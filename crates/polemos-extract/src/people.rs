//! People the data knows (leaders and officials from the Phoenix dictionaries): their names and
//! the offices they held, so that a person named without a title is still known as his state's
//! official for the dates he held the post.
//!
//! A line is `person|id|Display Name|aliases;...|STATE|ROLE|from|to`; later lines with the same
//! id add tenures (their name fields may be empty).

use chrono::NaiveDate;

/// One office: whom it served (an ISO3 code or an organization id), the CAMEO role code
/// (`GOV`, `ELI`, `GOVMIL`...) and its dates (open ends are `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenure {
    pub of: String,
    pub role: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Tenure {
    fn covers(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    fn dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
}

#[derive(Debug, Clone)]
pub struct KnownPerson {
    pub id: String,
    pub display: String,
    pub aliases: Vec<String>,
    pub tenures: Vec<Tenure>,
}

impl KnownPerson {
    /// Whether the person held an office on `day`: a dated one covering it, or an undated one.
    #[must_use]
    pub fn serves_on(&self, day: NaiveDate) -> bool {
        self.tenures.iter().any(|t| !t.dated() || t.covers(day))
    }

    /// The office the person held on `day`: a dated office covering it (a government post
    /// before an "elite" standing), else an undated one, else the nearest office in time.
    /// Without a day, the latest office.
    #[must_use]
    pub fn tenure_at(&self, day: Option<NaiveDate>) -> Option<&Tenure> {
        let Some(day) = day else {
            return self
                .tenures
                .iter()
                .max_by_key(|t| (t.to.is_none(), t.to, t.from));
        };
        let covering = |gov: bool| {
            self.tenures
                .iter()
                .filter(|t| t.dated() && t.covers(day) && t.role.starts_with("GOV") == gov)
                .max_by_key(|t| t.from)
        };
        covering(true)
            .or_else(|| covering(false))
            .or_else(|| self.tenures.iter().find(|t| !t.dated()))
            .or_else(|| {
                self.tenures.iter().min_by_key(|t| {
                    let gap =
                        |d: Option<NaiveDate>| d.map_or(i64::MAX, |d| (d - day).num_days().abs());
                    gap(t.from).min(gap(t.to))
                })
            })
    }
}

fn date(field: &str) -> Result<Option<NaiveDate>, String> {
    if field.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(field, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("`{field}` is not a date YYYY-MM-DD"))
}

/// One parsed `person` line: the id, its name fields and one tenure.
pub struct PersonLine<'f> {
    pub id: &'f str,
    pub display: &'f str,
    pub aliases: Vec<&'f str>,
    pub tenure: Tenure,
}

/// Parses the fields of a `person` line (`f[0]` is `person`).
///
/// # Errors
/// A message saying which field is wrong.
pub fn parse_line<'f>(f: &[&'f str]) -> Result<PersonLine<'f>, String> {
    if f.len() < 8 {
        return Err(format!(
            "expected 8 fields `person|id|Display|aliases|STATE|ROLE|from|to`, found {}",
            f.len()
        ));
    }
    if !polemos_core::names::is_valid_id(f[1]) {
        return Err(format!("`{}` is not a valid person id", f[1]));
    }
    if f[4].is_empty() {
        return Err("a tenure needs the state or organization served".into());
    }
    let (from, to) = (date(f[6])?, date(f[7])?);
    Ok(PersonLine {
        id: f[1],
        display: f[2],
        aliases: f[3]
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect(),
        tenure: Tenure {
            of: f[4].to_owned(),
            role: f[5].to_owned(),
            from,
            to,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn person(lines: &[&str]) -> KnownPerson {
        let mut p = KnownPerson {
            id: String::new(),
            display: String::new(),
            aliases: Vec::new(),
            tenures: Vec::new(),
        };
        for l in lines {
            let f: Vec<&str> = l.split('|').collect();
            let line = parse_line(&f).expect("parses");
            p.id = line.id.to_owned();
            p.tenures.push(line.tenure);
        }
        p
    }

    #[test]
    fn the_office_held_on_the_day_wins() {
        let p = person(&[
            "person|ban-ki-moon|Ban Ki Moon||KOR|GOVBUS|2004-10-01|2006-11-30",
            "person|ban-ki-moon|||UN||2007-01-01|",
        ]);
        assert_eq!(
            p.tenure_at(Some(day("2005-05-01"))).map(|t| t.of.as_str()),
            Some("KOR")
        );
        assert_eq!(
            p.tenure_at(Some(day("2008-05-01"))).map(|t| t.of.as_str()),
            Some("UN")
        );
        // Before any office: the nearest one.
        assert_eq!(
            p.tenure_at(Some(day("1990-01-01"))).map(|t| t.of.as_str()),
            Some("KOR")
        );
        assert_eq!(p.tenure_at(None).map(|t| t.of.as_str()), Some("UN"));
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        let f: Vec<&str> = "person|x|X||USA|GOV|2001-13-01|".split('|').collect();
        assert!(
            parse_line(&f)
                .err()
                .is_some_and(|e| e.contains("not a date"))
        );
        let f: Vec<&str> = "person|x|X||".split('|').collect();
        assert!(parse_line(&f).is_err());
    }
}
