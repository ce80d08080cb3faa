//! Date stage: absolute ("12 September 2018", "early September") and relative ("next week",
//! "on Tuesday", "by the end of the year") expressions, resolved against the publication date,
//! each with its precision. One forward scan over the tokens of each sentence.

use chrono::{Datelike, Duration, NaiveDate};

use super::calibration::DateForm;
use super::ir::{DateMention, Doc, TokKind};
use super::lang::{Class, Period, Profile};
use polemos_core::model::DatePrecision;

fn number(doc: &Doc<'_>, i: usize) -> Option<u32> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokKind::Number || t.end - t.start > 4 {
        return None;
    }
    doc.tok(i).parse().ok()
}

fn year_at(doc: &Doc<'_>, i: usize) -> Option<i32> {
    number(doc, i)
        .filter(|y| (1900..=2100).contains(y) && doc.tok(i).len() == 4)
        .and_then(|y| i32::try_from(y).ok())
}

/// `d` moved by `days`, or `None` past the ends of the calendar: a publication date can be
/// anything a caller passes (`+262142-12-31`), and unchecked date arithmetic panics there.
fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::days(days))
}

fn monday_of(d: NaiveDate) -> Option<NaiveDate> {
    shift(d, -i64::from(d.weekday().num_days_from_monday()))
}

fn first_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

fn add_months(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = d.year() * 12 + i32::try_from(d.month0()).ok()? + months;
    first_of_month(
        total.div_euclid(12),
        u32::try_from(total.rem_euclid(12)).ok()? + 1,
    )
}

struct Found {
    len: usize,
    date: Option<NaiveDate>,
    precision: DatePrecision,
    relative: bool,
    qualifier: Option<&'static str>,
}

/// Whether the words before token `i` speak of the future.
fn future_context(doc: &Doc<'_>, i: usize, floor: usize) -> bool {
    (floor.max(i.saturating_sub(6))..i).any(|t| doc.tok_is_a(t, Class::Future))
}

/// Whether the verb a bare weekday dates has a future auxiliary ("will", "shall", not the
/// "would" of reported or habitual past), however far before the weekday it stands ("will hold
/// talks with Burmese officials, Wednesday"): the parse reaches past the word window. A weekday
/// set off by commas may hang on the nearest noun as an apposition: the verb is then the first
/// one above it. A weekday with a preposition, or one owning or qualifying a noun ("the
/// incident on Monday", "Monday's incursion"), dates that thing, not the verb above it. Asked
/// only when a future word comes before the weekday in its sentence, so no other sentence is
/// parsed for it.
fn future_verb(doc: &Doc<'_>, i: usize, floor: usize) -> bool {
    if !(floor..i).any(|t| doc.tok_is_a(t, Class::Future)) {
        return false;
    }
    let p = &doc.parse;
    let is_verb = |w| {
        p.token(w)
            .is_some_and(|t| matches!(t.upos.as_str(), "VERB" | "AUX"))
    };
    let Some(day) = p.word_at(doc.tokens[i].start) else {
        return false;
    };
    if p.dependent(day, "case").is_some() {
        return false;
    }
    let verb = match p.token(day).map(|t| t.deprel.as_str()) {
        Some("appos") => {
            let mut at = day;
            loop {
                match p.head(at) {
                    Some(h) if is_verb(h) => break h,
                    Some(h) => at = h,
                    None => return false,
                }
            }
        }
        Some("obl" | "obl:tmod" | "obl:unmarked" | "nmod:tmod") => match p.head(day) {
            Some(h) if is_verb(h) => h,
            _ => return false,
        },
        _ => return false,
    };
    p.dependents(verb).any(|d| {
        p.has_rel(d, "aux")
            && p.token(d).is_some_and(|t| {
                doc.lang
                    .is(Class::FutureAuxiliary, &t.text.to_ascii_lowercase())
            })
    })
}

#[allow(clippy::too_many_lines)]
fn match_at(doc: &Doc<'_>, i: usize, end: usize, floor: usize) -> Option<Found> {
    let pub_date = doc.published;
    let w = doc.tok(i);
    let lang = &*doc.lang;
    let none = crate::lang::Lexeme::default();
    // The words after `i` by position, from the document's per-token lookups.
    let lex_at = |k: usize| {
        if i + k < end {
            *doc.tok_lexeme(i + k).unwrap_or(&none)
        } else {
            none
        }
    };
    let this = lex_at(0);
    let next = |k: usize| if i + k < end { doc.tok(i + k) } else { "" };
    let rel = |len, date, precision, qualifier| {
        Some(Found {
            len,
            date,
            precision,
            relative: true,
            qualifier,
        })
    };
    // next / last / this + week / month / year / weekday
    if let Some(step) = this.step {
        let unit = lex_at(1);
        let date = |p: NaiveDate| match unit.period? {
            Period::Week => shift(monday_of(p)?, 7 * i64::from(step)),
            Period::Month => add_months(p, step),
            Period::Year => NaiveDate::from_ymd_opt(p.year().checked_add(step)?, 1, 1),
        };
        let precision = unit.period.map(|period| match period {
            Period::Week => DatePrecision::Week,
            Period::Month => DatePrecision::Month,
            Period::Year => DatePrecision::Year,
        });
        if let Some(precision) = precision {
            // "over the last week", "in the coming year": with an article the words name a
            // stretch of time reaching to the story's day, not a calendar week or year.
            if i > floor && doc.tok_is_a(i - 1, Class::Article) {
                return None;
            }
            return rel(2, pub_date.and_then(date), precision, None);
        }
        if let Some(wd) = unit.weekday {
            let d = pub_date.and_then(|p| {
                let delta = i64::from(wd.num_days_from_monday())
                    - i64::from(p.weekday().num_days_from_monday());
                match step {
                    1 => shift(p, if delta <= 0 { delta + 7 } else { delta }),
                    -1 => shift(p, if delta >= 0 { delta - 7 } else { delta }),
                    _ => shift(p, delta),
                }
            });
            return rel(2, d, DatePrecision::Day, None);
        }
    }
    if let Some(days) = this.day_offset {
        return rel(
            1,
            pub_date.and_then(|p| shift(p, days)),
            DatePrecision::Day,
            None,
        );
    }
    if let Some(wd) = this.weekday.filter(|_| w.starts_with(char::is_uppercase)) {
        // "Friday, August 21, 2015": the weekday and the date after its comma are one date, when
        // that date falls on it (not a list: "on Monday, Friday, May 3").
        if next(1) == ","
            && lex_at(2).weekday.is_none()
            && let Some(f) = match_at(doc, i + 2, end, floor).filter(|f| {
                f.precision == DatePrecision::Day
                    && f.qualifier.is_none()
                    && f.date.is_none_or(|d| d.weekday() == wd)
            })
        {
            return Some(Found {
                len: f.len + 2,
                ..f
            });
        }
        let future = future_context(doc, i, floor) || future_verb(doc, i, floor);
        let d = pub_date.and_then(|p| {
            let delta = i64::from(wd.num_days_from_monday())
                - i64::from(p.weekday().num_days_from_monday());
            let same_day = delta == 0 && i > floor && doc.tok_is_a(i - 1, Class::SameDay);
            if future && !same_day {
                shift(p, if delta <= 0 { delta + 7 } else { delta })
            } else {
                shift(p, if delta > 0 { delta - 7 } else { delta })
            }
        });
        return rel(1, d, DatePrecision::Day, None);
    }
    // the end of the year / month / <year>
    if Profile::has(Some(&this), Class::PeriodEnd)
        && Profile::has(Some(&lex_at(1)), Class::PeriodEndOf)
    {
        let mut k = 2;
        if doc.tok_is_a(i + k, Class::PeriodEndDeterminer) {
            k += 1;
        }
        let unit = lex_at(k);
        if let Some(y) = (i + k < end).then(|| year_at(doc, i + k)).flatten() {
            return Some(Found {
                len: k + 1,
                date: NaiveDate::from_ymd_opt(y, 12, 31),
                precision: DatePrecision::Day,
                relative: false,
                qualifier: Some("end"),
            });
        }
        if unit.step == Some(1) && lex_at(k + 1).period == Some(Period::Year) {
            return rel(
                k + 2,
                pub_date.and_then(|p| NaiveDate::from_ymd_opt(p.year().checked_add(1)?, 12, 31)),
                DatePrecision::Day,
                Some("end"),
            );
        }
        match unit.period {
            Some(Period::Year) => {
                return rel(
                    k + 1,
                    pub_date.and_then(|p| NaiveDate::from_ymd_opt(p.year(), 12, 31)),
                    DatePrecision::Day,
                    Some("end"),
                );
            }
            Some(Period::Month) => {
                let d = pub_date
                    .and_then(|p| add_months(p, 1))
                    .and_then(|d| shift(d, -1));
                return rel(k + 1, d, DatePrecision::Day, Some("end"));
            }
            _ => {}
        }
        if let Some(m) = unit
            .month
            .filter(|_| next(k).starts_with(char::is_uppercase))
        {
            let d = pub_date
                .and_then(|p| add_months(first_of_month(p.year(), m)?, 1))
                .and_then(|d| shift(d, -1));
            return rel(k + 1, d, DatePrecision::Day, Some("end"));
        }
    }
    // early / mid / late + Month [year]
    if let Some(q) = this.qualifier {
        let k = if next(1) == "-" { 2 } else { 1 };
        if let Some(m) = lang
            .month(next(k))
            .filter(|_| next(k).starts_with(char::is_uppercase))
        {
            let explicit = (i + k + 1 < end).then(|| year_at(doc, i + k + 1)).flatten();
            let year = explicit.or_else(|| infer_year(pub_date, m, future_context(doc, i, floor)));
            return Some(Found {
                len: k + 1 + usize::from(explicit.is_some()),
                date: year.and_then(|y| first_of_month(y, m)),
                precision: DatePrecision::Month,
                relative: explicit.is_none(),
                qualifier: Some(q),
            });
        }
    }
    // Month day[,] [year] | Month year | Month (after in/since/until/by)
    if let Some(m) = this.month.filter(|_| w.starts_with(char::is_uppercase)) {
        let mut k = 1;
        if next(1) == "." {
            k = 2;
        }
        if let Some(day) = number(doc, i + k)
            .filter(|d| (1..=31).contains(d) && i + k < end && doc.tok(i + k).len() <= 2)
        {
            let mut len = k + 1;
            // "January 17-24": a range of days is dated by its first.
            if matches!(next(len), "-" | "\u{2013}")
                && i + len + 1 < end
                && number(doc, i + len + 1)
                    .is_some_and(|last| last > day && last <= 31 && doc.tok(i + len + 1).len() <= 2)
            {
                len += 2;
            }
            let mut explicit = None;
            let comma = usize::from(next(len) == ",");
            if let Some(y) = (i + len + comma < end)
                .then(|| year_at(doc, i + len + comma))
                .flatten()
            {
                explicit = Some(y);
                len += comma + 1;
            }
            let year = explicit.or_else(|| infer_year(pub_date, m, future_context(doc, i, floor)));
            return Some(Found {
                len,
                date: year.and_then(|y| NaiveDate::from_ymd_opt(y, m, day)),
                precision: DatePrecision::Day,
                relative: explicit.is_none(),
                qualifier: None,
            });
        }
        if let Some(y) = (i + k < end).then(|| year_at(doc, i + k)).flatten() {
            return Some(Found {
                len: k + 1,
                date: first_of_month(y, m),
                precision: DatePrecision::Month,
                relative: false,
                qualifier: None,
            });
        }
        let after_prep = i > floor && doc.tok_is_a(i - 1, Class::MonthPreposition);
        if after_prep && (!lang.is(Class::MonthHomograph, w) || w.starts_with(char::is_uppercase)) {
            let year = infer_year(pub_date, m, future_context(doc, i, floor));
            return rel(
                1,
                year.and_then(|y| first_of_month(y, m)),
                DatePrecision::Month,
                None,
            );
        }
    }
    // day Month [year]
    if let Some(day) = number(doc, i).filter(|d| (1..=31).contains(d) && w.len() <= 2)
        && let Some(m) = lang
            .month(next(1))
            .filter(|_| next(1).starts_with(char::is_uppercase))
    {
        {
            let explicit = (i + 2 < end).then(|| year_at(doc, i + 2)).flatten();
            let year = explicit.or_else(|| infer_year(pub_date, m, future_context(doc, i, floor)));
            return Some(Found {
                len: 2 + usize::from(explicit.is_some()),
                date: year.and_then(|y| NaiveDate::from_ymd_opt(y, m, day)),
                precision: DatePrecision::Day,
                relative: explicit.is_none(),
                qualifier: None,
            });
        }
    }
    // YYYY-MM-DD or a bare year
    if let Some(y) = year_at(doc, i) {
        if next(1) == "-"
            && next(3) == "-"
            && i + 4 < end
            && let (Some(m), Some(d)) = (number(doc, i + 2), number(doc, i + 4))
            && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
        {
            return Some(Found {
                len: 5,
                date: Some(date),
                precision: DatePrecision::Day,
                relative: false,
                qualifier: None,
            });
        }
        // "2000 troops" is a count, not a year.
        if doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokKind::Word)
            && next(1).starts_with(char::is_lowercase)
        {
            return None;
        }
        return Some(Found {
            len: 1,
            date: NaiveDate::from_ymd_opt(y, 1, 1),
            precision: DatePrecision::Year,
            relative: false,
            qualifier: None,
        });
    }
    None
}

/// The year of a month named without one: the publication year, or the one before when the
/// month is still to come and the text speaks of the past (and the one after, vice versa).
fn infer_year(pub_date: Option<NaiveDate>, month: u32, future: bool) -> Option<i32> {
    let p = pub_date?;
    Some(if !future && month > p.month() {
        p.year() - 1
    } else if future && month < p.month() {
        p.year() + 1
    } else {
        p.year()
    })
}

/// Finds every date expression of every sentence.
pub fn run(doc: &mut Doc<'_>) {
    for s in 0..doc.sentences.len() {
        let range = doc.sentences[s].tokens.clone();
        let mut i = range.start;
        while i < range.end {
            if let Some(f) = match_at(doc, i, range.end, range.start) {
                let len = f.len.max(1).min(range.end - i);
                // A bare weekday ("on Monday") is the one form whose direction is a guess.
                let weekday = f.relative
                    && len == 1
                    && doc.tok_lexeme(i).is_some_and(|l| l.weekday.is_some());
                // Calibrated on the evaluation corpus by the date's form.
                let score = doc.calibration.date(DateForm::of(f.relative, weekday));
                doc.dates.push(DateMention {
                    start: doc.tokens[i].start,
                    end: doc.tokens[i + len - 1].end,
                    tok: i,
                    tok_end: i + len,
                    sentence: s,
                    date: f.date,
                    precision: f.precision,
                    relative: f.relative,
                    qualifier: f.qualifier,
                    score,
                });
                i += len;
            } else {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;
    use crate::text;

    fn dates(s: &str, published: &str) -> Vec<(String, Option<NaiveDate>, DatePrecision)> {
        let k = Knowledge::builtin().expect("knowledge");
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let mut doc = Doc::new(s, p);
        text::lines(&k, &mut doc);
        text::tokens(&mut doc);
        text::sentences(&mut doc);
        crate::tree::run(&k, &mut doc);
        run(&mut doc);
        doc.dates
            .iter()
            .map(|d| (doc.slice(d.start, d.end).to_owned(), d.date, d.precision))
            .collect()
    }

    #[test]
    fn a_date_scores_by_its_form() {
        let k = Knowledge::builtin().expect("knowledge");
        let mut doc = Doc::new(
            "They met on 12 September 2018. They meet again tomorrow. It began on Tuesday.",
            NaiveDate::from_ymd_opt(2018, 9, 19),
        );
        text::lines(&k, &mut doc);
        text::tokens(&mut doc);
        text::sentences(&mut doc);
        run(&mut doc);
        let scores: Vec<(&str, f64)> = doc
            .dates
            .iter()
            .map(|d| (doc.slice(d.start, d.end), d.score))
            .collect();
        assert_eq!(
            scores,
            vec![
                ("12 September 2018", doc.calibration.date(DateForm::Full)),
                ("tomorrow", doc.calibration.date(DateForm::Resolved)),
                ("Tuesday", doc.calibration.date(DateForm::Weekday))
            ]
        );
    }

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        let got = dates(
            "They meet next week. It began on Tuesday. The forum was in early September. A deal by the end of the year.",
            "2018-09-19",
        );
        assert_eq!(
            got,
            vec![
                ("next week".into(), d("2018-09-24"), DatePrecision::Week),
                ("Tuesday".into(), d("2018-09-18"), DatePrecision::Day),
                (
                    "early September".into(),
                    d("2018-09-01"),
                    DatePrecision::Month
                ),
                (
                    "end of the year".into(),
                    d("2018-12-31"),
                    DatePrecision::Day
                ),
            ]
        );
    }

    #[test]
    fn absolute_dates_keep_their_year() {
        let got = dates(
            "On 12 September 2018 and March 3, 2020 and in 1956, talks; also 2019-01-22.",
            "2021-01-01",
        );
        assert_eq!(
            got[0],
            (
                "12 September 2018".into(),
                d("2018-09-12"),
                DatePrecision::Day
            )
        );
        assert_eq!(
            got[1],
            ("March 3, 2020".into(), d("2020-03-03"), DatePrecision::Day)
        );
        assert_eq!(
            got[2],
            ("1956".into(), d("1956-01-01"), DatePrecision::Year)
        );
        assert_eq!(
            got[3],
            ("2019-01-22".into(), d("2019-01-22"), DatePrecision::Day)
        );
    }

    #[test]
    fn no_publication_date_leaves_relative_dates_unresolved() {
        let got = dates("They meet next week.", "");
        assert_eq!(got, vec![("next week".into(), None, DatePrecision::Week)]);
    }

    #[test]
    fn future_weekday_goes_forward() {
        let got = dates("He will visit on Friday.", "2018-09-19");
        assert_eq!(got[0].1, d("2018-09-21"));
    }

    #[test]
    fn a_weekday_of_a_future_verb_goes_forward_however_far_the_auxiliary() {
        // Published on a Wednesday: the Wednesday of talks that "will" be held is next week's,
        // though "will" stands beyond the word window.
        let got = dates(
            "Bangladesh's foreign secretary will hold talks with Burmese officials, Wednesday, \
             in a bid to defuse the row.",
            "2008-10-29",
        );
        assert_eq!(got[0].1, d("2008-11-05"));
        // A future word in another clause does not move a past act's weekday.
        let got = dates(
            "The talks that will decide the border's fate were announced by the foreign \
             ministry of Burma on Wednesday.",
            "2008-10-29",
        );
        assert_eq!(got[0].1, d("2008-10-29"));
        // A weekday that dates a thing, or a "would" of the past, does not go forward.
        for text in [
            "Japan will demand an explanation from Beijing over the incident near the islands \
             on Wednesday.",
            "Tokyo will lodge a formal protest with Beijing over Wednesday's incursion by ships.",
            "The spokesman said the minister would not comment on the clash, Wednesday.",
        ] {
            let got = dates(text, "2008-10-29");
            assert_eq!(got[0].1, d("2008-10-29"), "{text}");
        }
        // "later Wednesday" in a Wednesday report is that day.
        let got = dates(
            "Officials say the minister will meet his Burmese counterpart later Wednesday.",
            "2008-10-29",
        );
        assert_eq!(got[0].1, d("2008-10-29"));
    }

    #[test]
    fn an_expected_or_intended_weekday_goes_forward() {
        // Published on a Friday: the Wednesday expected or intended is the next one.
        for text in [
            "Chile expects the ambassador to leave by Wednesday.",
            "Chile intends to recall its envoy on Wednesday.",
        ] {
            let got = dates(text, "2011-09-02");
            assert_eq!(got[0].1, d("2011-09-07"), "{text}");
        }
        // A past act's weekday stays behind, a past schedule's too.
        for text in [
            "The ambassador left on Wednesday.",
            "The minister had a meeting scheduled Wednesday in Lima.",
        ] {
            let got = dates(text, "2011-09-02");
            assert_eq!(got[0].1, d("2011-08-31"), "{text}");
        }
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_weekday_before_a_full_date_is_part_of_it() {
        assert_eq!(
            dates("Friday, August 21, 2015\n\nThe talks ended.", "2015-08-21"),
            vec![(
                "Friday, August 21, 2015".to_owned(),
                day(2015, 8, 21),
                DatePrecision::Day
            )]
        );
        // A weekday and a date in a list are two dates, and so are a weekday and a date it is
        // not (May 3, 2020 was a Sunday).
        let d = dates("They met on Monday, and again in May 2015.", "2015-08-21");
        assert_eq!(d.len(), 2, "{d:?}");
        let d = dates("They met on Monday, Friday, May 3, 2020.", "2020-05-05");
        let texts: Vec<&str> = d.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["Monday", "Friday", "May 3, 2020"]);
    }

    #[test]
    fn a_range_of_days_is_dated_by_its_first() {
        assert_eq!(
            dates(
                "The envoy will travel to Kampala January 17-24.",
                "2024-01-16"
            ),
            vec![(
                "January 17-24".to_owned(),
                day(2024, 1, 17),
                DatePrecision::Day
            )]
        );
        // A score or a count after a date is no range.
        let d = dates("On January 17-3 was the score.", "2024-01-16");
        assert_eq!(d[0].0, "January 17", "{d:?}");
    }

    #[test]
    fn a_stretch_of_time_with_an_article_is_no_calendar_date() {
        let d = dates(
            "Violations rose over the last week. The panel reported in the last year. Talks resume next week.",
            "2017-06-21",
        );
        assert_eq!(
            d,
            vec![(
                "next week".to_owned(),
                day(2017, 6, 26),
                DatePrecision::Week
            )]
        );
    }
}

#[cfg(test)]
mod extreme_dates {
    use chrono::NaiveDate;

    use crate::{ArticleMeta, Extractor};

    /// Every relative phrase the resolver knows, against the first and last days chrono can
    /// represent: before, each of these overflowed and panicked (`--published +262142-12-31`).
    #[test]
    fn publication_at_the_ends_of_the_calendar_does_not_panic() {
        let text = "Russia said yesterday that Japan will talk tomorrow. Talks resume next week, \
                    next month and next year; they met last week and last Monday, will meet next \
                    Friday and met this Sunday. On Tuesday Moscow objected. Tokyo will reply on \
                    Friday. A deal by the end of the month, the end of the year, the end of next \
                    year or the end of December.";
        let ex = Extractor::new().expect("built-in knowledge");
        for published in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(262_142, 12, 31).expect("date"),
            NaiveDate::from_ymd_opt(-262_143, 1, 1).expect("date"),
        ] {
            let meta = ArticleMeta {
                published: Some(published),
                ..ArticleMeta::default()
            };
            // Dates past the calendar's end are left unresolved rather than wrapped or panicking.
            ex.extract(text, &meta).expect("extracts");
        }
    }
}
