//! Confidence that means something, and the one procedure every fact kind's table follows:
//! [`render`] writes a table, [`Table::parse`] reads it, [`Calibration`] holds the four kinds'
//! tables and looks a basis up.
//!
//! Each kind of fact (actor, date, event, stance) has a basis, what the fact rests on (the most
//! direct way an actor was named, a date's form, whether an event has a target, whether a
//! stance's issue is a recurring topic), and its confidence is the share of the development
//! corpus's facts of that basis the gold accepts, read from `data/KIND-calibration.tsv`. The
//! files are computed, not written by hand: `crates/polemos-eval/tests/{stance,event,mention}_calibration.rs`
//! check them against the scorecard and rewrite them with `POLEMOS_WRITE_CALIBRATION=1`. The
//! stance and event modules (`stances::calibration`, `events::calibration`) say only what their
//! bases are.
//!
//! The tables are data like the knowledge files: embedded as defaults, and a file of the same
//! name given to [`crate::KnowledgeBuilder::add_source`] (`--lexicon`, `POLEMOS_DATA_DIR`)
//! replaces the built-in table of its kind. A malformed table is refused with its line.

use std::sync::{Arc, LazyLock};

use super::error::ExtractError;
use super::knowledge::Via;
use super::output::{ActorFact, DateFact};

/// The built-in tables: file name and text, one per [`Kind`] in [`Kind::ALL`]'s order.
pub const BUILTIN: [(&str, &str); 4] = [
    (
        "actor-calibration.tsv",
        include_str!("../data/actor-calibration.tsv"),
    ),
    (
        "date-calibration.tsv",
        include_str!("../data/date-calibration.tsv"),
    ),
    (
        "event-calibration.tsv",
        include_str!("../data/event-calibration.tsv"),
    ),
    (
        "stance-calibration.tsv",
        include_str!("../data/stance-calibration.tsv"),
    ),
];

/// The table's row of the confidence of a basis it does not list or the corpus never showed: a
/// prior, not a count, in every table.
pub const UNKNOWN_ROW: &str = "unknown";

/// The row of the factor a hedge ("may", "reportedly") multiplies an event's or a stance's
/// confidence by: a prior the stages always gave hedges, until the development corpus holds
/// enough hedged facts to calibrate them on. Only in the event and stance tables.
pub const HEDGED_ROW: &str = "hedged";

/// The kinds of fact that have a confidence table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Actor,
    Date,
    Event,
    Stance,
}

impl Kind {
    /// Every kind, in [`BUILTIN`]'s order.
    pub const ALL: [Self; 4] = [Self::Actor, Self::Date, Self::Event, Self::Stance];

    fn index(self) -> usize {
        match self {
            Self::Actor => 0,
            Self::Date => 1,
            Self::Event => 2,
            Self::Stance => 3,
        }
    }

    /// The table's file name, built in and in a user's data directory.
    #[must_use]
    pub fn file_name(self) -> &'static str {
        BUILTIN[self.index()].0
    }

    /// The kind whose table a data file is, by its file name (`dir/event-calibration.tsv`).
    #[must_use]
    pub fn of_file(source: &str) -> Option<Self> {
        let name = std::path::Path::new(source).file_name()?.to_str()?;
        Self::ALL.into_iter().find(|k| k.file_name() == name)
    }

    /// Every basis of this kind, in the table's order.
    #[must_use]
    pub fn bases(self) -> Vec<&'static str> {
        match self {
            Self::Actor => ACTOR_BASES.iter().map(|v| via_name(*v)).collect(),
            Self::Date => DATE_BASES.iter().map(|f| f.as_str()).collect(),
            Self::Event => crate::events::calibration::BASES.to_vec(),
            Self::Stance => crate::stances::calibration::BASES.to_vec(),
        }
    }

    /// The priors this kind's table gives beside its bases (rows without counts).
    fn priors(self) -> &'static [&'static str] {
        match self {
            Self::Actor | Self::Date => &[UNKNOWN_ROW],
            Self::Event | Self::Stance => &[UNKNOWN_ROW, HEDGED_ROW],
        }
    }

    fn header(self) -> &'static str {
        match self {
            Self::Actor => {
                "# Actor confidence by basis (the most direct way the text named the actor): the share of\n\
                 # actors of that basis the scorecard finds right on eval/news (development part), shrunk\n\
                 # towards the share over all bases. Computed by\n\
                 # crates/polemos-eval/tests/mention_calibration.rs (POLEMOS_WRITE_CALIBRATION=1 rewrites it).\n"
            }
            Self::Date => {
                "# Date confidence by form (full, resolved by a rule, bare weekday): the share of dates of\n\
                 # that form the scorecard finds right on eval/news (development part), shrunk towards the\n\
                 # share over all forms. Computed by crates/polemos-eval/tests/mention_calibration.rs\n\
                 # (POLEMOS_WRITE_CALIBRATION=1 rewrites it).\n"
            }
            Self::Event => {
                "# Event confidence by basis: the share of events of that basis whose state-level tuples the\n\
                 # scorecard finds all right on eval/news (development part), shrunk towards the share over\n\
                 # all bases. Computed by crates/polemos-eval/tests/event_calibration.rs\n\
                 # (POLEMOS_WRITE_CALIBRATION=1 rewrites it).\n"
            }
            Self::Stance => {
                "# Stance confidence by basis: the share of stances of that basis the scorecard finds right on\n\
                 # eval/news (development part), shrunk towards the share over all bases. Computed by\n\
                 # crates/polemos-eval/tests/stance_calibration.rs (POLEMOS_WRITE_CALIBRATION=1 rewrites it).\n"
            }
        }
    }
}

/// One kind's table: (basis, confidence) per row, and the priors (`unknown`, `hedged`).
#[derive(Debug, Clone, Default)]
pub struct Table {
    rows: Vec<(String, f64)>,
    priors: Vec<(String, f64)>,
}

impl Table {
    /// Reads a table in the format [`render`] writes: `#` comment lines, then one
    /// `basis<TAB>right<TAB>wrong<TAB>confidence` line per basis of `kind`, and the priors of
    /// `kind` ([`UNKNOWN_ROW`], [`HEDGED_ROW`]) in the same form. A prior the text does not give
    /// is the built-in table's: a user's table need only list the bases. `source` names the
    /// file in errors.
    ///
    /// # Errors
    /// [`ExtractError::Data`] with the line: not four tab-separated fields, a basis `kind` does
    /// not have or one listed twice, counts that are not whole numbers, a confidence outside 0–1;
    /// or no data row at all (an empty or truncated file would silently give every basis the
    /// unknown's confidence).
    pub fn parse(kind: Kind, source: &str, text: &str) -> Result<Self, ExtractError> {
        let mut table = Self::parse_rows(kind, source, text)?;
        for prior in kind.priors() {
            if !table.priors.iter().any(|(p, _)| p == prior) {
                let builtin = builtin_table(kind)?;
                let value = builtin.prior(prior);
                table.priors.push(((*prior).to_owned(), value));
            }
        }
        Ok(table)
    }

    /// The built-in table of `kind`, which must give its priors itself.
    fn builtin(kind: Kind) -> Result<Self, ExtractError> {
        let (source, text) = BUILTIN[kind.index()];
        let table = Self::parse_rows(kind, source, text)?;
        match kind
            .priors()
            .iter()
            .find(|p| !table.priors.iter().any(|(q, _)| q == *p))
        {
            Some(missing) => Err(ExtractError::Data {
                file: source.to_owned(),
                line: text.lines().count(),
                message: format!("the built-in table gives no `{missing}` row"),
            }),
            None => Ok(table),
        }
    }

    fn parse_rows(kind: Kind, source: &str, text: &str) -> Result<Self, ExtractError> {
        let bases = kind.bases();
        let mut rows: Vec<(String, f64)> = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let row = Self::row(&bases, kind.priors(), &rows, line).map_err(|message| {
                ExtractError::Data {
                    file: source.to_owned(),
                    line: index + 1,
                    message,
                }
            })?;
            rows.push(row);
        }
        let (priors, rows): (Vec<_>, Vec<_>) = rows
            .into_iter()
            .partition(|(b, _)| kind.priors().contains(&b.as_str()));
        if rows.is_empty() {
            return Err(ExtractError::Data {
                file: source.to_owned(),
                line: text.lines().count(),
                message: "no data rows (`basis<TAB>right<TAB>wrong<TAB>confidence`): an empty \
                          table would give every basis the unknown's confidence"
                    .to_owned(),
            });
        }
        Ok(Self { rows, priors })
    }

    fn row(
        bases: &[&str],
        priors: &[&str],
        seen: &[(String, f64)],
        line: &str,
    ) -> Result<(String, f64), String> {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [basis, right, wrong, confidence] = fields[..] else {
            return Err(format!(
                "expected 4 tab-separated fields `basis, right, wrong, confidence`, found {}",
                fields.len()
            ));
        };
        if !bases.contains(&basis) && !priors.contains(&basis) {
            return Err(format!(
                "unknown basis `{basis}` (this table's bases: {}; priors: {})",
                bases.join(", "),
                priors.join(", ")
            ));
        }
        if seen.iter().any(|(b, _)| b == basis) {
            return Err(format!("basis `{basis}` is listed twice"));
        }
        for (what, count) in [("right", right), ("wrong", wrong)] {
            if count.parse::<usize>().is_err() {
                return Err(format!("`{what}` must be a whole number, found `{count}`"));
            }
        }
        match confidence.parse::<f64>() {
            Ok(c) if (0.0..=1.0).contains(&c) => Ok((basis.to_owned(), c)),
            _ => Err(format!(
                "`confidence` must be a number from 0 to 1, found `{confidence}`"
            )),
        }
    }

    /// The confidence of `basis` (the `unknown` prior if the table does not list it).
    #[must_use]
    pub fn confidence(&self, basis: &str) -> f64 {
        self.rows
            .iter()
            .find(|(b, _)| b == basis)
            .map_or_else(|| self.unknown(), |(_, c)| *c)
    }

    /// The prior `name` ([`UNKNOWN_ROW`], [`HEDGED_ROW`]); 0 for one its kind does not have.
    #[must_use]
    pub fn prior(&self, name: &str) -> f64 {
        self.priors
            .iter()
            .find(|(p, _)| p == name)
            .map_or(0.0, |(_, c)| *c)
    }

    /// The confidence of a basis the table does not list or the corpus never showed.
    #[must_use]
    pub fn unknown(&self) -> f64 {
        self.prior(UNKNOWN_ROW)
    }

    /// `confidence`, lowered by the `hedged` prior when the fact is hedged.
    #[must_use]
    pub fn hedge(&self, confidence: f64, hedged: bool) -> f64 {
        if hedged {
            confidence * self.prior(HEDGED_ROW)
        } else {
            confidence
        }
    }

    /// Whether the table lists `basis`.
    #[must_use]
    pub fn lists(&self, basis: &str) -> bool {
        self.rows.iter().any(|(b, _)| b == basis)
    }
}

/// The four kinds' tables an extractor reads (`Knowledge::calibration`, `Doc::calibration`).
#[derive(Debug, Clone, Default)]
pub struct Calibration {
    tables: [Table; 4],
}

impl Calibration {
    /// The built-in tables.
    ///
    /// # Errors
    /// Only when an embedded table is broken (a bug caught by the tests).
    pub fn builtin() -> Result<Self, ExtractError> {
        let mut c = Self::default();
        for kind in Kind::ALL {
            c.tables[kind.index()] = Table::builtin(kind)?;
        }
        Ok(c)
    }

    /// Replaces the table of `kind` with the one in `text` (`source` names it in errors).
    ///
    /// # Errors
    /// As [`Table::parse`]; the table in use is then unchanged.
    pub fn replace(&mut self, kind: Kind, source: &str, text: &str) -> Result<(), ExtractError> {
        self.tables[kind.index()] = Table::parse(kind, source, text)?;
        Ok(())
    }

    /// The table of `kind`.
    #[must_use]
    pub fn table(&self, kind: Kind) -> &Table {
        &self.tables[kind.index()]
    }

    /// The confidence of `basis` in the table of `kind`.
    #[must_use]
    pub fn confidence(&self, kind: Kind, basis: &str) -> f64 {
        self.table(kind).confidence(basis)
    }

    /// The calibrated confidence of a mention named by `v`: the share of the development
    /// corpus's actors named at best this way that the gold accepts.
    #[must_use]
    pub fn via(&self, v: Via) -> f64 {
        self.confidence(Kind::Actor, via_name(v))
    }

    /// The calibrated confidence of actor `a` (that of its most direct mention).
    #[must_use]
    pub fn actor(&self, a: &ActorFact) -> f64 {
        actor_basis(a).map_or_else(|| self.table(Kind::Actor).unknown(), |v| self.via(v))
    }

    /// The confidence `confidence` of a fact of `kind`, lowered by the table's `hedged` prior
    /// when the fact is hedged.
    #[must_use]
    pub fn hedge(&self, kind: Kind, confidence: f64, hedged: bool) -> f64 {
        self.table(kind).hedge(confidence, hedged)
    }

    /// The calibrated confidence of a date of form `f`: the share of the development corpus's
    /// dates of this form that the gold accepts.
    #[must_use]
    pub fn date(&self, f: DateForm) -> f64 {
        self.confidence(Kind::Date, f.as_str())
    }
}

static BUILTIN_TABLES: LazyLock<Arc<Calibration>> =
    // A broken built-in table is caught by the tests; the empty tables keep `Doc::new` total.
    LazyLock::new(|| Arc::new(Calibration::builtin().unwrap_or_default()));

/// The built-in table of `kind` (its priors fill a user's table that does not give them).
fn builtin_table(kind: Kind) -> Result<Table, ExtractError> {
    match BUILTIN_TABLES.tables.get(kind.index()) {
        Some(t) if !t.priors.is_empty() => Ok(t.clone()),
        _ => Table::builtin(kind),
    }
}

/// The built-in tables, parsed once per process (what a `Doc` made by hand reads).
#[must_use]
pub fn builtin() -> Arc<Calibration> {
    Arc::clone(&BUILTIN_TABLES)
}

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

    /// The form of a date fact found with language profile `lang` (the extractor's,
    /// [`crate::Extractor::language`]): a bare weekday is one relative word the profile names as
    /// a weekday.
    #[must_use]
    pub fn of_fact(d: &DateFact, lang: &crate::lang::Profile) -> Self {
        let bare_weekday = !d.text.contains(char::is_whitespace)
            && lang.lexeme(&d.text).is_some_and(|l| l.weekday.is_some());
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
}

/// The table of `kind` for `counts` ((basis, right, wrong) per basis): each basis's share of
/// right facts, shrunk towards the share over all bases by [`PRIOR_WEIGHT`] facts so that a
/// basis seen a few times is not reported as certain; a basis never seen gets the `unknown`
/// prior. The priors are the built-in table's, written after the bases.
#[must_use]
pub fn render(kind: Kind, counts: &[(&str, usize, usize)]) -> String {
    let header = kind.header();
    let builtin = builtin_table(kind).unwrap_or_default();
    let unknown = builtin.unknown();
    let (tp, fp) = counts
        .iter()
        .fold((0, 0), |(a, b), (_, t, f)| (a + t, b + f));
    let overall = if tp + fp == 0 {
        unknown
    } else {
        usize_f64(tp) / usize_f64(tp + fp)
    };
    let mut out = format!("{header}# basis\tright\twrong\tconfidence\n");
    for (b, t, f) in counts {
        // A basis the corpus never shows has no evidence of its own: it gets the confidence of
        // the unknown, not the overall share (a pronoun-only actor is not as sure as a name).
        let c = if t + f == 0 {
            unknown
        } else {
            (usize_f64(*t) + PRIOR_WEIGHT * overall) / (usize_f64(t + f) + PRIOR_WEIGHT)
        };
        out.push_str(&format!("{b}\t{t}\t{f}\t{c:.2}\n"));
    }
    out.push_str(PRIORS_HEADER);
    for p in kind.priors() {
        out.push_str(&format!("{p}\t0\t0\t{:.2}\n", builtin.prior(p)));
    }
    out
}

/// Said before the priors of a rendered table.
const PRIORS_HEADER: &str = "# Priors, not counted (kept by the refit; edit them here): `unknown` is the confidence of\n\
     # a basis not listed or never seen, `hedged` the factor a hedge multiplies a confidence by.\n";

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
        let t = render(Kind::Stance, &[("topic", 9, 1), ("new-issue", 0, 0)]);
        // 9 of 10 right overall, (9 + 2 * 0.9) / (10 + 2) = 0.9; a basis never seen has no
        // evidence and gets the unknown's 0.5.
        assert!(t.contains("topic\t9\t1\t0.90\n"), "{t}");
        assert!(t.contains("new-issue\t0\t0\t0.50\n"), "{t}");
        let t = render(Kind::Stance, &[("topic", 3, 0), ("new-issue", 0, 3)]);
        // 3 right of 3 is not certainty: (3 + 2 * 0.5) / (3 + 2) = 0.8.
        assert!(t.contains("topic\t3\t0\t0.80\n"), "{t}");
        assert!(t.contains("new-issue\t0\t3\t0.20\n"), "{t}");
    }

    #[test]
    fn the_committed_tables_cover_every_basis_with_a_share() {
        let c = Calibration::builtin().expect("the built-in tables parse");
        for kind in Kind::ALL {
            for b in kind.bases() {
                assert!(c.table(kind).lists(b), "{kind:?} {b} missing");
                assert!((0.0..=1.0).contains(&c.confidence(kind, b)), "{kind:?} {b}");
            }
        }
    }

    #[test]
    fn the_unknown_and_hedged_priors_are_rows_of_the_tables() {
        let builtin = Calibration::builtin().expect("built in");
        let ev = builtin.table(Kind::Event);
        assert!((0.0..=1.0).contains(&ev.unknown()) && ev.prior(HEDGED_ROW) > 0.0);
        // A user's table that gives the priors uses its own ...
        let mine = "dyad\t1\t0\t0.9\nunknown\t0\t0\t0.2\nhedged\t0\t0\t0.5\n";
        let mine = Table::parse(Kind::Event, "mine.tsv", mine).expect("parses");
        assert!((mine.confidence("negated") - 0.2).abs() < 1e-9);
        assert!((mine.hedge(0.9, true) - 0.45).abs() < 1e-9);
        assert!((mine.hedge(0.9, false) - 0.9).abs() < 1e-9);
        // ... one that lists only bases keeps the built-in's.
        let bare = Table::parse(Kind::Event, "bare.tsv", "dyad\t1\t0\t0.9\n").expect("parses");
        assert!((bare.unknown() - ev.unknown()).abs() < 1e-12);
        assert!((bare.prior(HEDGED_ROW) - ev.prior(HEDGED_ROW)).abs() < 1e-12);
        // Dates and actors are never hedged: their tables have no such row.
        let e = Table::parse(Kind::Actor, "a.tsv", "name\t1\t0\t0.9\nhedged\t0\t0\t0.5\n")
            .expect_err("no hedged prior for actors");
        assert!(e.to_string().contains("priors: unknown)"), "{e}");
        // The refit writes the priors back.
        let text = render(Kind::Stance, &[("topic", 9, 1), ("new-issue", 0, 0)]);
        let t = Table::parse_rows(Kind::Stance, "t.tsv", &text).expect("parses");
        let names: Vec<&str> = t.priors.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names, [UNKNOWN_ROW, HEDGED_ROW], "{text}");
    }

    #[test]
    fn a_table_file_is_known_by_its_name_in_any_directory() {
        assert_eq!(
            Kind::of_file("/home/me/data/event-calibration.tsv"),
            Some(Kind::Event)
        );
        assert_eq!(Kind::of_file("stance-calibration.tsv"), Some(Kind::Stance));
        assert_eq!(Kind::of_file("events.tsv"), None);
        assert_eq!(Kind::of_file("my-event-calibration.tsv"), None);
    }

    #[test]
    fn a_rendered_table_reads_back_as_written() {
        let text = render(Kind::Event, &[("dyad", 9, 1), ("no-target", 1, 3)]);
        let t = Table::parse(Kind::Event, "t.tsv", &text).expect("parses");
        // dyad: (9 + 2 * 10/14) / 12 = 0.869..., written 0.87.
        assert!((t.confidence("dyad") - 0.87).abs() < 1e-9);
        let unknown = Calibration::builtin()
            .expect("built in")
            .table(Kind::Event)
            .unknown();
        assert!((t.confidence("negated") - unknown).abs() < 1e-9, "unlisted");
    }

    #[test]
    fn a_malformed_table_is_refused_with_its_file_and_line() {
        let refused = |text: &str| match Table::parse(Kind::Event, "mine.tsv", text) {
            Err(ExtractError::Data {
                file,
                line,
                message,
            }) => (file, line, message),
            other => panic!("accepted {text:?}: {other:?}"),
        };
        let head = "# a comment\n# basis\tright\twrong\tconfidence\ndyad\t1\t0\t0.9\n";
        for (bad, says) in [
            ("no-target 1 0 0.5", "4 tab-separated fields"),
            ("no-target\t1\t0", "4 tab-separated fields"),
            ("dyads\t1\t0\t0.5", "unknown basis `dyads`"),
            ("dyad\t1\t0\t0.5", "listed twice"),
            ("no-target\tmany\t0\t0.5", "`right` must be a whole number"),
            ("no-target\t1\t-2\t0.5", "`wrong` must be a whole number"),
            ("no-target\t1\t0\t80%", "from 0 to 1"),
            ("no-target\t1\t0\t1.5", "from 0 to 1"),
            ("no-target\t1\t0\tNaN", "from 0 to 1"),
        ] {
            let (file, line, message) = refused(&format!("{head}{bad}\n"));
            assert_eq!((file.as_str(), line), ("mine.tsv", 4), "{bad}");
            assert!(message.contains(says), "{bad}: {message}");
        }
    }

    #[test]
    fn a_table_with_no_data_rows_is_refused_naming_its_file() {
        for text in [
            "",
            "\n\n",
            "# a comment\n# basis\tright\twrong\tconfidence\n",
        ] {
            match Table::parse(Kind::Event, "empty.tsv", text) {
                Err(ExtractError::Data { file, message, .. }) => {
                    assert_eq!(file, "empty.tsv");
                    assert!(message.contains("no data rows"), "{message}");
                }
                other => panic!("accepted {text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_refused_table_leaves_the_one_in_use() {
        let mut c = Calibration::builtin().expect("built in");
        let before = c.confidence(Kind::Stance, "topic");
        assert!(
            c.replace(Kind::Stance, "x.tsv", "topic\t1\t1\t2\n")
                .is_err()
        );
        assert!((c.confidence(Kind::Stance, "topic") - before).abs() < 1e-12);
        c.replace(Kind::Stance, "x.tsv", "topic\t1\t1\t0.25\n")
            .expect("a good table");
        assert!((c.confidence(Kind::Stance, "topic") - 0.25).abs() < 1e-12);
    }

    /// A table of `kind` giving every basis `base + i / 100` (the i-th basis). A `base` with a
    /// third decimal keeps these figures off the built-in tables, whose fits have two decimals.
    fn distinct_table(kind: Kind, base: f64) -> String {
        let steps = (0_u8..).map(|i| base + f64::from(i) / 100.0);
        kind.bases()
            .iter()
            .zip(steps)
            .map(|(b, c)| format!("{b}\t1\t1\t{c:.3}\n"))
            .collect()
    }

    #[test]
    fn tables_in_a_user_s_data_files_replace_the_built_in_confidences() {
        use crate::{ArticleMeta, Extractor, KnowledgeBuilder};
        let text = include_str!("../../../tests/fixtures/kuril-2018.txt");
        let meta = ArticleMeta {
            published: chrono::NaiveDate::from_ymd_opt(2018, 9, 19),
            ..ArticleMeta::default()
        };
        let mut b = KnowledgeBuilder::builtin().expect("built in");
        for (kind, base) in [
            (Kind::Actor, 0.115),
            (Kind::Date, 0.215),
            (Kind::Event, 0.315),
            (Kind::Stance, 0.415),
        ] {
            let name = format!("/home/me/polemos/{}", kind.file_name());
            b.add_source(&name, &distinct_table(kind, base))
                .expect("a good table");
        }
        let mine = Extractor::with_knowledge(b.build().expect("builds"));
        let x = mine.extract(text, &meta).expect("extracts");
        let builtin = Extractor::new().expect("built in").extract(text, &meta);
        let builtin = builtin.expect("extracts");
        let k = mine.knowledge();
        let c = &k.calibration;
        assert!(!x.actors.is_empty() && !x.dates.is_empty());
        assert!(!x.events.is_empty() && !x.stances.is_empty());
        for a in &x.actors {
            assert!((a.confidence - c.actor(a)).abs() < 1e-12, "{}", a.name);
            assert!((0.11..0.18).contains(&a.confidence), "{}", a.name);
        }
        for d in &x.dates {
            let want = c.date(DateForm::of_fact(d, mine.language()));
            assert!((d.confidence - want).abs() < 1e-12, "{}", d.text);
            assert!((0.21..0.24).contains(&d.confidence), "{}", d.text);
        }
        for e in &x.events {
            let want = c.hedge(
                Kind::Event,
                c.confidence(Kind::Event, crate::events::calibration::basis(e)),
                e.hedged,
            );
            assert!((e.confidence - want).abs() < 1e-12, "{e:?}");
        }
        for s in &x.stances {
            let basis = crate::stances::calibration::basis(k, s);
            let want = c.hedge(Kind::Stance, c.confidence(Kind::Stance, basis), s.hedged);
            assert!((s.confidence - want).abs() < 1e-12, "{s:?}");
        }
        // The built-in tables give none of these figures.
        let all = |x: &crate::Extraction| -> Vec<f64> {
            let a = x.actors.iter().map(|a| a.confidence);
            let d = x.dates.iter().map(|d| d.confidence);
            let e = x.events.iter().map(|e| e.confidence);
            a.chain(d)
                .chain(e)
                .chain(x.stances.iter().map(|s| s.confidence))
                .collect()
        };
        let (before, after) = (all(&builtin), all(&x));
        assert_eq!(
            before.len(),
            after.len(),
            "the same facts, other confidences"
        );
        assert!(before.iter().zip(&after).all(|(b, a)| (b - a).abs() > 1e-6));
    }

    #[test]
    fn a_malformed_table_in_a_data_file_is_refused_by_the_builder() {
        let mut b = crate::KnowledgeBuilder::builtin().expect("built in");
        let e = b
            .add_source(
                "dir/date-calibration.tsv",
                "# basis\nfull\t1\t1\t0.9\nmonthly\t1\t1\t0.5\n",
            )
            .expect_err("refused");
        assert_eq!(
            e.to_string(),
            "data file dir/date-calibration.tsv, line 3: unknown basis `monthly` (this table's bases: full, resolved, weekday; priors: unknown)"
        );
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
            confidence: 0.0,
        };
        let en = crate::lang::english();
        assert_eq!(
            DateForm::of_fact(&fact("Monday", true), &en),
            DateForm::Weekday
        );
        assert_eq!(
            DateForm::of_fact(&fact("yesterday", true), &en),
            DateForm::Resolved
        );
        assert_eq!(
            DateForm::of_fact(&fact("last Monday", true), &en),
            DateForm::Resolved
        );
        assert_eq!(
            DateForm::of_fact(&fact("12 May 2018", false), &en),
            DateForm::Full
        );
        // The profile the date was found with, not built-in English, says what a weekday is.
        assert_eq!(
            DateForm::of_fact(&fact("Montag", true), &en),
            DateForm::Resolved
        );
        let de = crate::lang::Profile::parse("de.tsv", "extends|en\nweekday|1|montag\n")
            .expect("a profile extending English");
        assert_eq!(
            DateForm::of_fact(&fact("Montag", true), &de),
            DateForm::Weekday
        );
    }
}
