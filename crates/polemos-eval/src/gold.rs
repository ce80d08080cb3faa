//! The gold annotation format (documented in `docs/evaluation.md`): what a careful analyst
//! reads in an article, each fact with the quote it comes from. Loading checks every quote
//! against the text and every actor reference against the article's actor list, so a broken
//! gold file is an error that names the file and the field, never a silently lower score.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use polemos_core::model::{ActorKind, EventStatus, PloverType, StanceLabel};
use polemos_core::names::slugify;
use serde::{Deserialize, Serialize};

use crate::EvalError;

/// Where an article was published and how the corpus uses it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub source: String,
    pub url: String,
    pub licence: String,
    pub published: NaiveDate,
    pub register: Register,
    pub split: Split,
    pub known_dispute: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The kind of text, so a scorecard can be read by register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    Wire,
    OfficialStatement,
    Analysis,
    Briefing,
    News,
}

/// The development part (tune on it) or the held-out part (score only finished changes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    Dev,
    Heldout,
}

impl Split {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dev => "dev",
            Self::Heldout => "heldout",
        }
    }
}

/// One PLOVER type, or several where two readings are fair.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    #[must_use]
    pub fn items(&self) -> Vec<&str> {
        match self {
            Self::One(s) => vec![s.as_str()],
            Self::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldActor {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    pub quote: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEvent {
    pub source: String,
    #[serde(rename = "type")]
    pub event_type: OneOrMany,
    pub target: Option<String>,
    pub status: EventStatus,
    #[serde(default, skip_serializing_if = "is_false")]
    pub negated: bool,
    pub quote: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldCondition {
    pub issue: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldStance {
    pub holder: String,
    pub issue: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub label: StanceLabel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<GoldCondition>,
    pub quote: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDispute {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub framing: Option<String>,
    pub quote: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDate {
    pub text: String,
    pub date: NaiveDate,
    pub quote: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
}

/// One annotated article. `id` and `text` are used by JSON Lines suites, which keep the text
/// inline; a `.gold.json` file has its text in the `.txt` file beside it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldArticle {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub meta: Meta,
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub stances: Vec<GoldStance>,
    #[serde(default)]
    pub disputes: Vec<GoldDispute>,
    #[serde(default)]
    pub dates: Vec<GoldDate>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !*b
}

/// An article with its text and gold, checked.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file stem (`known-scs-2020`) or the record id of a JSON Lines suite.
    pub name: String,
    pub text: String,
    pub gold: GoldArticle,
}

impl Article {
    /// Checks a gold annotation against its text: every quote is in the text, every actor a
    /// fact names is in the actor list, every type and issue name is well formed.
    ///
    /// # Errors
    /// [`EvalError::Invalid`] naming the article and the field.
    pub fn new(name: String, text: String, gold: GoldArticle) -> Result<Self, EvalError> {
        let article = Self { name, text, gold };
        article.check()?;
        Ok(article)
    }

    /// The byte span of a quote in the text (its first occurrence).
    #[must_use]
    pub fn locate(&self, quote: &str) -> Option<(usize, usize)> {
        self.text.find(quote).map(|s| (s, s + quote.len()))
    }

    /// The gold actor with this id.
    #[must_use]
    pub fn actor(&self, id: &str) -> Option<&GoldActor> {
        self.gold.actors.iter().find(|a| a.id == id)
    }

    fn invalid(&self, field: String, message: impl Into<String>) -> EvalError {
        EvalError::Invalid {
            article: self.name.clone(),
            field,
            message: message.into(),
        }
    }

    fn check_quote(&self, field: String, quote: &str) -> Result<(), EvalError> {
        if quote.trim().is_empty() {
            return Err(self.invalid(field, "the quote is empty"));
        }
        if !self.text.contains(quote) {
            return Err(self.invalid(
                field,
                format!("the quote {quote:?} is not in the article's text (copy it exactly)"),
            ));
        }
        Ok(())
    }

    fn check_actor_ref(&self, field: String, id: &str) -> Result<(), EvalError> {
        if self.actor(id).is_none() {
            return Err(self.invalid(
                field,
                format!("{id:?} is not the id of an actor in this article's `actors`"),
            ));
        }
        Ok(())
    }

    fn check(&self) -> Result<(), EvalError> {
        let g = &self.gold;
        let mut seen = HashSet::new();
        for (i, a) in g.actors.iter().enumerate() {
            let Some(slug) = slugify(&a.id) else {
                return Err(self.invalid(format!("actors[{i}].id"), "the id has no letters"));
            };
            if !seen.insert(slug) {
                return Err(self.invalid(
                    format!("actors[{i}].id"),
                    format!("{:?} names an actor listed before", a.id),
                ));
            }
            self.check_quote(format!("actors[{i}].quote"), &a.quote)?;
            if let Some(of) = &a.affiliation {
                self.check_actor_ref(format!("actors[{i}].affiliation"), of)?;
            }
        }
        for (i, e) in g.events.iter().enumerate() {
            self.check_actor_ref(format!("events[{i}].source"), &e.source)?;
            if let Some(t) = &e.target {
                self.check_actor_ref(format!("events[{i}].target"), t)?;
            }
            for t in e.event_type.items() {
                if plover(t).is_none() {
                    return Err(self.invalid(
                        format!("events[{i}].type"),
                        format!("{t:?} is not a PLOVER type (agree, consult, ..., assault)"),
                    ));
                }
            }
            if e.event_type.items().is_empty() {
                return Err(self.invalid(format!("events[{i}].type"), "no type given"));
            }
            self.check_quote(format!("events[{i}].quote"), &e.quote)?;
        }
        for (i, s) in g.stances.iter().enumerate() {
            self.check_actor_ref(format!("stances[{i}].holder"), &s.holder)?;
            check_issue(&s.issue).map_err(|m| self.invalid(format!("stances[{i}].issue"), m))?;
            self.check_quote(format!("stances[{i}].quote"), &s.quote)?;
            for (j, c) in s.conditions.iter().enumerate() {
                check_issue(&c.issue)
                    .map_err(|m| self.invalid(format!("stances[{i}].conditions[{j}].issue"), m))?;
                self.check_quote(format!("stances[{i}].conditions[{j}].quote"), &c.quote)?;
            }
        }
        for (i, d) in g.disputes.iter().enumerate() {
            if let Some(f) = &d.framing {
                self.check_actor_ref(format!("disputes[{i}].framing"), f)?;
            }
            self.check_quote(format!("disputes[{i}].quote"), &d.quote)?;
        }
        for (i, d) in g.dates.iter().enumerate() {
            self.check_quote(format!("dates[{i}].quote"), &d.quote)?;
            if !d.quote.contains(d.text.as_str()) {
                return Err(self.invalid(
                    format!("dates[{i}].text"),
                    format!("{:?} is not in the date's quote", d.text),
                ));
            }
        }
        Ok(())
    }
}

/// A canonical issue is `DISPUTE/ISSUE`, both parts slugs.
fn check_issue(issue: &str) -> Result<(), String> {
    match issue.split_once('/') {
        Some((d, i)) if slugify(d).as_deref() == Some(d) && slugify(i).as_deref() == Some(i) => {
            Ok(())
        }
        _ => Err(format!(
            "{issue:?} is not DISPUTE/ISSUE with lower-case slugs (kuril-islands/peace-treaty)"
        )),
    }
}

/// A PLOVER type from its name in any case.
#[must_use]
pub fn plover(name: &str) -> Option<PloverType> {
    PloverType::ALL
        .into_iter()
        .find(|t| t.as_str().eq_ignore_ascii_case(name))
}

/// A gold directory: its articles in name order, and the knowledge files the suite needs.
#[derive(Debug, Clone)]
pub struct Suite {
    pub articles: Vec<Article>,
    /// `lexicon/*.tsv` in the directory, in name order.
    pub lexicons: Vec<PathBuf>,
}

fn read(path: &Path) -> Result<String, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|cause| EvalError::Io {
        path: path.to_owned(),
        cause,
    })?;
    // An editor's byte-order mark is not part of the article.
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text))
}

fn parse_gold(path: &Path, line: Option<usize>, json: &str) -> Result<GoldArticle, EvalError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| EvalError::Json {
        path: path.to_owned(),
        line,
        field: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

fn sorted_files(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|cause| EvalError::Io {
        path: dir.to_owned(),
        cause,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    Ok(files)
}

impl Suite {
    /// Reads every `*.gold.json` (with the `.txt` beside it) and `*.gold.jsonl` of `dir`.
    ///
    /// # Errors
    /// The first unreadable file, malformed gold or failed check, named; [`EvalError::Empty`]
    /// when the directory holds no gold file.
    pub fn load(dir: &Path) -> Result<Self, EvalError> {
        let mut articles = Vec::new();
        for path in sorted_files(dir, ".gold.json")? {
            let file = path.to_string_lossy();
            let stem = file.trim_end_matches(".gold.json");
            let text_path = PathBuf::from(format!("{stem}.txt"));
            let gold = parse_gold(&path, None, &read(&path)?)?;
            let text = match &gold.text {
                Some(t) => t.clone(),
                None => read(&text_path)?,
            };
            let name = Path::new(stem)
                .file_name()
                .map_or_else(|| stem.to_owned(), |n| n.to_string_lossy().into_owned());
            articles.push(Article::new(name, text, gold)?);
        }
        for path in sorted_files(dir, ".gold.jsonl")? {
            for (i, line) in read(&path)?.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let gold = parse_gold(&path, Some(i + 1), line)?;
                let (Some(id), Some(text)) = (gold.id.clone(), gold.text.clone()) else {
                    return Err(EvalError::Json {
                        path: path.clone(),
                        line: Some(i + 1),
                        field: "id".into(),
                        message: "a JSON Lines record needs its `id` and `text`".into(),
                    });
                };
                articles.push(Article::new(id, text, gold)?);
            }
        }
        if articles.is_empty() {
            return Err(EvalError::Empty(dir.to_owned()));
        }
        let mut names = HashSet::new();
        for a in &articles {
            if !names.insert(a.name.clone()) {
                return Err(EvalError::Invalid {
                    article: a.name.clone(),
                    field: "id".into(),
                    message: "two articles of the suite have this name".into(),
                });
            }
        }
        let lexicon_dir = dir.join("lexicon");
        let lexicons = if lexicon_dir.is_dir() {
            sorted_files(&lexicon_dir, ".tsv")?
        } else {
            Vec::new()
        };
        Ok(Self { articles, lexicons })
    }
}
