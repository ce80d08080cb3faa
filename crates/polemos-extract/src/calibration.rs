//! Confidence that means something, and the one procedure every fact kind's table follows:
//! [`render_table`] writes a table, `parse` reads it, `lookup` finds a basis.
//!
//! Actor and date confidence, by the procedure of the stance and event
//! tables (`stances::calibration`): the share of the development corpus's actors (dates) of the
//! same basis that the gold accepts, read from `data/actor-calibration.tsv`
//! (`data/date-calibration.tsv`). The files are computed, not written by hand:
//! `crates/polemos-eval/tests/mention_calibration.rs` checks them against the scorecard and
//! rewrites them with `POLEMOS_WRITE_CALIBRATION=1`.

use std::sync::OnceLock;

use super::knowledge::Via;
use super::output::{ActorFact, DateFact};

const ACTOR_TABLE: &str = include_str!("../data/actor-calibration.tsv");
const DATE_TABLE: &str = include_str!("../data/date-calibration.tsv");
/// Confidence for a basis a table does not list.
pub(crate) const UNKNOWN: f64 = 0.5;

/// Every way of naming an actor, from the most direct (the name as the data writes it) to the
/// least (a pronoun): an actor's basis is the most direct of its mentions' ways.
pub const ACTOR_BASES: [Via; 7] = [
    Via::Name,
    Via::Demonym,
    Via::Surname,
    Via::Title,
    Via::Metonym,
    Via::Reference,
    Via::Pronoun,
];

/// The table's name for a way of naming.
#[must_use]
pub fn via_name(v: Via) -> &'static str {
    match v {
        Via::Name => "name",
        Via::Demonym => "demonym",
        Via::Surname => "surname",
        Via::Title => "title",
        Via::Metonym => "metonym",
        Via::Reference => "reference",
        Via::Pronoun => "pronoun",
    }
}

/// What an actor rests on: the most direct way the text named it (`None` without mentions).
#[must_use]
pub fn actor_basis(a: &ActorFact) -> Option<Via> {
    ACTOR_BASES
        .into_iter()
        .find(|v| a.mentions.iter().any(|m| m.via == *v))
}

/// The calibrated confidence of a mention named by `v`: the share of the development corpus's
/// actors named at best this way that the gold accepts.
#[must_use]
pub fn via_confidence(v: Via) -> f64 {
    lookup(actor_table(), via_name(v))
}

/// The calibrated confidence of actor `a` (that of its most direct mention).
#[must_use]
pub fn actor_confidence(a: &ActorFact) -> f64 {
    actor_basis(a).map_or(UNKNOWN, via_confidence)
}

/// How a date was written: in full ("12 September 2018", "March 2019"), resolved against the
/// publication day by a rule ("yesterday", "September 12" without its year), or a bare weekday
/// ("on Monday", past or future guessed from the words before).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    Full,
    Resolved,
    Weekday,
}

/// Every date form, in the table's order.
pub const DATE_BASES: [DateForm; 3] = [DateForm::Full, DateForm::Resolved, DateForm::Weekday];

impl DateForm {
    #[must_use]
    pub fn of(relative: bool, bare_weekday: bool) -> Self {
        match (relative, bare_weekday) {
            (false, _) => Self::Full,
            (true, true) => Self::Weekday,
            (true, false) => Self::Resolved,
        }
    }

    /// The form of a date fact: a bare weekday is one relative word the language profile names
    /// as a weekday.
    #[must_use]
    pub fn of_fact(d: &DateFact) -> Self {
        let bare_weekday = !d.text.contains(char::is_whitespace)
            && crate::lang::english()
                .lexeme(&d.text)
                .is_some_and(|l| l.weekday.is_some());
        Self::of(d.relative, bare_weekday)
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::Resolved => "resolved",
            Self::Weekday => "weekday",
        }
    }

    /// The calibrated confidence of a date of this form: the share of the development
    /// corpus's dates of this form that the gold accepts.
    #[must_use]
    pub fn confidence(self) -> f64 {
        lookup(date_table(), self.as_str())
    }
}

/// The actor table for `counts` ((basis, right, wrong) per basis).
#[must_use]
pub fn render_actors(counts: &[(&str, usize, usize)]) -> String {
    render_table(
        "# Actor confidence by basis (the most direct way the text named the actor): the share of\n\
         # actors of that basis the scorecard finds right on eval/news (development part), shrunk\n\
         # towards the share over all bases. Computed by\n\
         # crates/polemos-eval/tests/mention_calibration.rs (POLEMOS_WRITE_CALIBRATION=1 rewrites it).\n",
        counts,
    )
}

/// The date table for `counts` ((basis, right, wrong) per basis).
#[must_use]
pub fn render_dates(counts: &[(&str, usize, usize)]) -> String {
    render_table(
        "# Date confidence by form (full, resolved by a rule, bare weekday): the share of dates of\n\
         # that form the scorecard finds right on eval/news (development part), shrunk towards the\n\
         # share over all forms. Computed by crates/polemos-eval/tests/mention_calibration.rs\n\
         # (POLEMOS_WRITE_CALIBRATION=1 rewrites it).\n",
        counts,
    )
}

fn actor_table() -> &'static Vec<(String, f64)> {
    static PARSED: OnceLock<Vec<(String, f64)>> = OnceLock::new();
    PARSED.get_or_init(|| parse(ACTOR_TABLE))
}

fn date_table() -> &'static Vec<(String, f64)> {
    static PARSED: OnceLock<Vec<(String, f64)>> = OnceLock::new();
    PARSED.get_or_init(|| parse(DATE_TABLE))
}

/// (basis, confidence) of each row of a table in the format `render_table` writes.
pub(crate) fn parse(table: &str) -> Vec<(String, f64)> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let confidence = cols.get(3)?.parse().ok()?;
            Some(((*cols.first()?).to_owned(), confidence))
        })
        .collect()
}

/// The confidence of `basis` in a parsed table ([`UNKNOWN`] if it is not listed).
pub(crate) fn lookup(table: &[(String, f64)], basis: &str) -> f64 {
    table
        .iter()
        .find(|(x, _)| x == basis)
        .map_or(UNKNOWN, |(_, c)| *c)
}

/// The table for `counts` ((basis, right, wrong) per basis) under `header`: each basis's share
/// of right facts, shrunk towards the share over all bases by [`PRIOR_WEIGHT`] facts so that a
/// basis seen a few times is not reported as certain; a basis never seen gets the unknown's 0.5.
#[must_use]
pub fn render_table(header: &str, counts: &[(&str, usize, usize)]) -> String {
    let (tp, fp) = counts
        .iter()
        .fold((0, 0), |(a, b), (_, t, f)| (a + t, b + f));
    let overall = if tp + fp == 0 {
        UNKNOWN
    } else {
        usize_f64(tp) / usize_f64(tp + fp)
    };
    let mut out = format!("{header}# basis\tright\twrong\tconfidence\n");
    for (b, t, f) in counts {
        // A basis the corpus never shows has no evidence of its own: it gets the confidence of
        // the unknown, not the overall share (a pronoun-only actor is not as sure as a name).
        let c = if t + f == 0 {
            UNKNOWN
        } else {
            (usize_f64(*t) + PRIOR_WEIGHT * overall) / (usize_f64(t + f) + PRIOR_WEIGHT)
        };
        out.push_str(&format!("{b}\t{t}\t{f}\t{c:.2}\n"));
    }
    out
}

/// How many facts' worth of weight the overall share has in each basis's confidence.
pub const PRIOR_WEIGHT: f64 = 2.0;

#[allow(clippy::cast_precision_loss)]
fn usize_f64(n: usize) -> f64 {
    n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendered_tables_shrink_small_bases_towards_the_overall_share() {
        let t = render_table("", &[("topic", 9, 1), ("new-issue", 0, 0)]);
        // 9 of 10 right overall, (9 + 2 * 0.9) / (10 + 2) = 0.9; a basis never seen has no
        // evidence and gets the unknown's 0.5.
        assert!(t.contains("topic\t9\t1\t0.90\n"), "{t}");
        assert!(t.contains("new-issue\t0\t0\t0.50\n"), "{t}");
        let t = render_table("", &[("topic", 3, 0), ("new-issue", 0, 3)]);
        // 3 right of 3 is not certainty: (3 + 2 * 0.5) / (3 + 2) = 0.8.
        assert!(t.contains("topic\t3\t0\t0.80\n"), "{t}");
        assert!(t.contains("new-issue\t0\t3\t0.20\n"), "{t}");
    }

    #[test]
    fn the_committed_tables_cover_every_basis_with_a_share() {
        for v in ACTOR_BASES {
            let c = actor_table().iter().find(|(x, _)| x == via_name(v));
            assert!(c.is_some_and(|(_, c)| (0.0..=1.0).contains(c)), "{v:?}");
        }
        for f in DATE_BASES {
            let c = date_table().iter().find(|(x, _)| x == f.as_str());
            assert!(c.is_some_and(|(_, c)| (0.0..=1.0).contains(c)), "{f:?}");
        }
    }

    #[test]
    fn a_date_fact_s_form_reads_the_weekday_from_the_language_profile() {
        let fact = |text: &str, relative| DateFact {
            text: text.to_owned(),
            span: polemos_core::model::Span { start: 0, end: 0 },
            sentence: 0,
            date: None,
            precision: polemos_core::model::DatePrecision::Day,
            relative,
            qualifier: None,
        };
        assert_eq!(DateForm::of_fact(&fact("Monday", true)), DateForm::Weekday);
        assert_eq!(
            DateForm::of_fact(&fact("yesterday", true)),
            DateForm::Resolved
        );
        assert_eq!(
            DateForm::of_fact(&fact("last Monday", true)),
            DateForm::Resolved
        );
        assert_eq!(
            DateForm::of_fact(&fact("12 May 2018", false)),
            DateForm::Full
        );
    }
}
