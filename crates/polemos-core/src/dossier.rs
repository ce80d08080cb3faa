//! A dossier: a set of actors, disputes, issues, stances, events and documents, exchanged as one
//! JSON object or as JSON Lines (one `{"actor": {...}}`-style record a line). Both round-trip
//! losslessly.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::{Actor, Dispute, Document, Event, Evidence, Issue, Stance};
use crate::names::{ActorName, DisputeName, DocumentName, IssueName};
use crate::validate::{ValidationErrors, Violation};

/// The format version written into every JSON dossier.
pub const FORMAT_VERSION: u32 = 1;

/// A set of records of every kind: what `polemos import` reads and `export` writes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// The dossier format's version (1).
    #[serde(default = "format_version")]
    pub format_version: u32,
    /// States, bodies, organizations, people and outlets.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// Disputes with their parties and disputed objects.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// Issues of the disputes.
    #[serde(default)]
    pub issues: Vec<Issue>,
    /// Stances of actors on issues.
    #[serde(default)]
    pub stances: Vec<Stance>,
    /// PLOVER-coded events.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Source documents.
    #[serde(default)]
    pub documents: Vec<Document>,
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

/// One line of a JSON Lines dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    /// An actor.
    Actor(Actor),
    /// A dispute.
    Dispute(Dispute),
    /// An issue.
    Issue(Issue),
    /// A stance.
    Stance(Stance),
    /// An event.
    Event(Event),
    /// A document.
    Document(Document),
}

impl Dossier {
    /// An empty dossier of the current format.
    #[must_use]
    pub fn new() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            ..Self::default()
        }
    }

    /// Whether the dossier holds no record.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of entities of all kinds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.actors.len()
            + self.disputes.len()
            + self.issues.len()
            + self.stances.len()
            + self.events.len()
            + self.documents.len()
    }

    /// Parses a JSON dossier (a leading UTF-8 byte-order mark, as some editors write, is skipped).
    ///
    /// # Errors
    /// [`Error::Parse`] naming the field path and line of the first problem.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        let text = without_bom(text);
        let mut de = serde_json::Deserializer::from_str(text);
        let dossier: Self = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| every_value_error(text, parse_error("JSON", None, &e)))?;
        de.end().map_err(|e| Error::Parse {
            format: "JSON",
            line: Some(e.line()),
            path: String::new(),
            message: format!("trailing content after the dossier: {e}"),
        })?;
        if dossier.format_version != FORMAT_VERSION {
            return Err(Error::Parse {
                format: "JSON",
                line: None,
                path: "format_version".into(),
                message: format!(
                    "unsupported format version {} (this build reads {FORMAT_VERSION})",
                    dossier.format_version
                ),
            });
        }
        Ok(dossier)
    }

    /// Parses a JSON Lines dossier; blank lines are skipped.
    ///
    /// # Errors
    /// [`Error::Parse`] naming the line and the field path of the first problem.
    pub fn from_jsonl(text: &str) -> Result<Self, Error> {
        let text = without_bom(text);
        let mut dossier = Self::new();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let mut de = serde_json::Deserializer::from_str(line);
            let record: Record = serde_path_to_error::deserialize(&mut de)
                .map_err(|e| parse_error("JSON Lines", Some(index + 1), &e))?;
            dossier.push(record);
        }
        Ok(dossier)
    }

    /// Parses either format: a document whose first non-blank character opens an object holding
    /// the dossier's collections is JSON; anything with several top-level objects is JSON Lines.
    ///
    /// # Errors
    /// [`Error::Parse`] when the text is neither.
    pub fn from_any(text: &str) -> Result<Self, Error> {
        let text = without_bom(text);
        let trimmed = text.trim_start();
        if !trimmed.starts_with('{') {
            return Err(Error::Parse {
                format: "JSON",
                line: Some(1),
                path: String::new(),
                message: "not a JSON dossier: expected a JSON object or JSON Lines records".into(),
            });
        }
        let first_line = trimmed.lines().next().unwrap_or_default();
        let looks_like_record = serde_json::from_str::<serde_json::Value>(first_line)
            .ok()
            .and_then(|v| {
                v.as_object()
                    .map(|o| o.len() == 1 && RECORD_KEYS.iter().any(|k| o.contains_key(*k)))
            })
            .unwrap_or(false);
        if looks_like_record {
            Self::from_jsonl(text)
        } else {
            Self::from_json(text)
        }
    }

    /// Adds one record to its collection.
    pub fn push(&mut self, record: Record) {
        match record {
            Record::Actor(x) => self.actors.push(x),
            Record::Dispute(x) => self.disputes.push(x),
            Record::Issue(x) => self.issues.push(x),
            Record::Stance(x) => self.stances.push(x),
            Record::Event(x) => self.events.push(x),
            Record::Document(x) => self.documents.push(x),
        }
    }

    /// All entities as records, in dependency order (actors before the disputes that name them).
    #[must_use]
    pub fn records(&self) -> Vec<Record> {
        let mut out = Vec::with_capacity(self.len());
        out.extend(self.actors.iter().cloned().map(Record::Actor));
        out.extend(self.disputes.iter().cloned().map(Record::Dispute));
        out.extend(self.issues.iter().cloned().map(Record::Issue));
        out.extend(self.documents.iter().cloned().map(Record::Document));
        out.extend(self.stances.iter().cloned().map(Record::Stance));
        out.extend(self.events.iter().cloned().map(Record::Event));
        out
    }

    /// Pretty JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// JSON Lines, one record a line, ending in a newline.
    #[must_use]
    pub fn to_jsonl(&self) -> String {
        let mut out = String::new();
        for record in self.records() {
            out.push_str(&serde_json::to_string(&record).unwrap_or_default());
            out.push('\n');
        }
        out
    }
}

impl Dossier {
    /// The part of this dossier about one dispute, closed under references so that it imports on
    /// its own: the dispute, its issues, stances on them, events linked to them or between its
    /// parties, every actor those name, and the documents their evidence cites.
    #[must_use]
    pub fn for_dispute(&self, dispute: &DisputeName) -> Self {
        let mut out = Self::new();
        let Some(d) = self.disputes.iter().find(|d| &d.name == dispute) else {
            return out;
        };
        out.disputes.push(d.clone());
        out.issues = self
            .issues
            .iter()
            .filter(|i| &i.dispute() == dispute)
            .cloned()
            .collect();
        let issues: HashSet<&IssueName> = out.issues.iter().map(|i| &i.name).collect();
        let parties: HashSet<&ActorName> = d.parties.iter().map(|p| &p.actor).collect();
        out.stances = self
            .stances
            .iter()
            .filter(|s| issues.contains(&s.issue))
            .cloned()
            .collect();
        out.events = self
            .events
            .iter()
            .filter(|e| {
                e.issues.iter().any(|i| issues.contains(i))
                    || (e.issues.is_empty()
                        && e.sources
                            .iter()
                            .chain(&e.targets)
                            .any(|a| parties.contains(a)))
            })
            .cloned()
            .collect();

        let mut actors: HashSet<ActorName> = parties.iter().map(|a| (*a).clone()).collect();
        let mut documents: HashSet<DocumentName> = HashSet::new();
        let mut cite = |evidence: &[Evidence], actors: &mut HashSet<ActorName>| {
            for ev in evidence {
                documents.extend(ev.document.iter().cloned());
                actors.extend(ev.speaker.iter().chain(&ev.reported_by).cloned());
            }
        };
        for o in &d.objects {
            actors.extend(o.names.iter().filter_map(|n| n.used_by.clone()));
        }
        for s in &out.stances {
            actors.insert(s.actor.clone());
            cite(&s.evidence, &mut actors);
        }
        for e in &out.events {
            actors.extend(e.sources.iter().chain(&e.targets).cloned());
            cite(&e.evidence, &mut actors);
        }
        // Conditions and events may point at issues of other disputes; those come along whole.
        let foreign: HashSet<&IssueName> = out
            .stances
            .iter()
            .flat_map(|s| s.conditions.iter().map(|c| &c.issue))
            .chain(out.events.iter().flat_map(|e| &e.issues))
            .filter(|i| !issues.contains(i))
            .collect();
        let foreign: Vec<IssueName> = foreign.into_iter().cloned().collect();
        for issue in &foreign {
            if let Some(i) = self.issues.iter().find(|x| &x.name == issue) {
                out.issues.push(i.clone());
            }
            let parent = issue.dispute();
            if !out.disputes.iter().any(|x| x.name == parent)
                && let Some(x) = self.disputes.iter().find(|x| x.name == parent)
            {
                actors.extend(x.parties.iter().map(|p| p.actor.clone()));
                actors.extend(
                    x.objects
                        .iter()
                        .flat_map(|o| o.names.iter().filter_map(|n| n.used_by.clone())),
                );
                out.disputes.push(x.clone());
            }
        }
        // Affiliations pull in the actors they name, transitively.
        let mut frontier: Vec<ActorName> = actors.iter().cloned().collect();
        while let Some(name) = frontier.pop() {
            if let Some(a) = self.actors.iter().find(|a| a.name == name) {
                for aff in &a.affiliations {
                    if actors.insert(aff.actor.clone()) {
                        frontier.push(aff.actor.clone());
                    }
                }
            }
        }
        out.actors = self
            .actors
            .iter()
            .filter(|a| actors.contains(&a.name))
            .cloned()
            .collect();
        out.documents = self
            .documents
            .iter()
            .filter(|d| documents.contains(&d.name))
            .cloned()
            .collect();
        out
    }
}

const RECORD_KEYS: [&str; 6] = ["actor", "dispute", "issue", "stance", "event", "document"];

/// When a well-formed JSON dossier holds a value out of range, serde stops at the first; the
/// README promises every broken rule. So the document is read as plain JSON, each offending
/// number is replaced by 0 and the read repeated, collecting one violation per field, until it
/// reads or the next problem is not a number that can be stood in for (a bad name, a missing
/// field), which ends the list. One problem is returned as the parse error it was.
fn every_value_error(text: &str, first: Error) -> Error {
    const MAX: usize = 100;
    let Error::Parse {
        path: first_path,
        message: first_message,
        ..
    } = &first
    else {
        return first;
    };
    if first_path.is_empty() {
        return first; // malformed JSON: there is only one error to report
    }
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(text) else {
        return first;
    };
    let mut found = vec![Violation {
        path: first_path.clone(),
        rule: first_message.clone(),
    }];
    while found.len() < MAX {
        let Some(slot) = pointer(&mut value, &found[found.len() - 1].path) else {
            break;
        };
        if !slot.is_number() {
            break;
        }
        *slot = serde_json::Value::from(0);
        let e = match serde_path_to_error::deserialize::<_, Dossier>(&value) {
            Ok(_) => break,
            Err(e) => e,
        };
        let path = e.path().to_string();
        if found.iter().any(|v| v.path == path) {
            break;
        }
        found.push(Violation {
            path,
            rule: strip_position(&e.inner().to_string()),
        });
    }
    if found.len() == 1 {
        first
    } else {
        Error::Invalid(ValidationErrors(found))
    }
}

/// The value at a serde path such as `stances[3].position`.
fn pointer<'a>(value: &'a mut serde_json::Value, path: &str) -> Option<&'a mut serde_json::Value> {
    let mut at = value;
    for part in path.split('.') {
        let (key, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            at = at.get_mut(key)?;
        }
        for index in indexes.split('[').filter(|x| !x.is_empty()) {
            at = at.get_mut(index.strip_suffix(']')?.parse::<usize>().ok()?)?;
        }
    }
    Some(at)
}

/// The text after a UTF-8 byte-order mark, which Windows editors put at the start of files.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn parse_error(
    format: &'static str,
    line: Option<usize>,
    e: &serde_path_to_error::Error<serde_json::Error>,
) -> Error {
    let inner = e.inner();
    let message = match inner.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("malformed {format}: {inner}")
        }
        _ => strip_position(&inner.to_string()),
    };
    let path = e.path().to_string();
    Error::Parse {
        format,
        line: line.or(Some(inner.line())),
        path: if path == "." { String::new() } else { path },
        message,
    }
}

/// serde_json appends " at line L column C"; the line is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{NothingElse, validate};

    const KURIL: &str = include_str!("../../../examples/dossiers/kuril-islands.json");

    #[test]
    fn reference_dossier_parses_and_validates() {
        let dossier = Dossier::from_json(KURIL).expect("reference dossier parses");
        validate(&dossier, &NothingElse).expect("reference dossier is valid");
        assert_eq!(dossier.disputes.len(), 1);
        assert!(dossier.stances.iter().any(|s| !s.conditions.is_empty()));
    }

    #[test]
    fn json_and_jsonl_round_trip() {
        let dossier = Dossier::from_json(KURIL).expect("parses");
        assert_eq!(
            Dossier::from_json(&dossier.to_json()).expect("json"),
            dossier
        );
        let mut from_lines = Dossier::from_jsonl(&dossier.to_jsonl()).expect("jsonl");
        from_lines.format_version = dossier.format_version;
        assert_eq!(from_lines, dossier);
        assert_eq!(
            Dossier::from_any(&dossier.to_jsonl()).expect("any"),
            dossier
        );
    }

    #[test]
    fn parse_errors_name_the_field() {
        let bad = KURIL.replacen(
            "\n      \"position\": 100,",
            "\n      \"position\": 150,",
            1,
        );
        let err = Dossier::from_json(&bad).expect_err("out of range");
        let msg = err.to_string();
        assert!(msg.contains("stances[0].position"), "{msg}");
        assert!(msg.contains("out of range"), "{msg}");

        // Several values out of range: every one is reported, with its path.
        let bad = KURIL
            .replacen(
                "\n      \"position\": 100,",
                "\n      \"position\": 150,",
                1,
            )
            .replacen("\"salience\": 0.8", "\"salience\": 1.8", 1)
            .replacen("\"confidence\": 0.9", "\"confidence\": -2", 1);
        match Dossier::from_json(&bad).expect_err("out of range") {
            Error::Invalid(v) => {
                let mut paths: Vec<&str> = v.0.iter().map(|x| x.path.as_str()).collect();
                paths.sort_unstable();
                assert_eq!(
                    paths,
                    [
                        "stances[0].confidence",
                        "stances[0].position",
                        "stances[0].salience"
                    ],
                    "{v}"
                );
                assert!(
                    v.to_string().contains("salience 1.8 is out of range"),
                    "{v}"
                );
            }
            other => panic!("expected every violation, got {other}"),
        }
        // A bad value that cannot be stood in for (a name) ends the list where it is.
        let bad = KURIL
            .replacen(
                "\n      \"position\": 100,",
                "\n      \"position\": 150,",
                1,
            )
            .replacen("\"actor\": \"actors/RUS\"", "\"actor\": \"nobody\"", 1);
        let err = Dossier::from_json(&bad).expect_err("bad");
        assert!(err.to_string().contains("not a valid actor name"), "{err}");

        let with_bom = format!("\u{feff}{KURIL}");
        assert_eq!(
            Dossier::from_any(&with_bom).expect("a byte-order mark is skipped"),
            Dossier::from_json(KURIL).expect("parses")
        );
        let lines = format!(
            "\u{feff}{}",
            Dossier::from_json(KURIL).expect("parses").to_jsonl()
        );
        assert!(
            Dossier::from_any(&lines).is_ok(),
            "JSON Lines with a byte-order mark"
        );

        let err = Dossier::from_any("not json at all").expect_err("not json");
        assert!(err.to_string().contains("not a JSON dossier"), "{err}");

        let err = Dossier::from_json("{\"actors\": [").expect_err("truncated");
        assert!(err.to_string().contains("malformed JSON"), "{err}");

        let err = Dossier::from_jsonl("{\"actor\": {\"name\": \"actors/X\"}}\n{\"bogus\": 1}\n")
            .expect_err("bad lines");
        assert!(err.to_string().contains("line 1"), "{err}");
    }

    #[test]
    fn dispute_subset_is_closed_under_references() {
        let mut dossier = Dossier::from_json(KURIL).expect("parses");
        // An unrelated dispute and actor must not come along.
        let mut other = dossier.disputes[0].clone();
        other.name = DisputeName::parse("disputes/other").expect("name");
        other.parties.truncate(1);
        other.parties[0].actor = ActorName::parse("actors/CHN").expect("name");
        other.objects.clear();
        let mut china = dossier.actors[0].clone();
        china.name = ActorName::parse("actors/CHN").expect("name");
        dossier.actors.push(china);
        dossier.disputes.push(other);
        validate(&dossier, &NothingElse).expect("still valid");

        let kuril = DisputeName::parse("disputes/kuril-islands").expect("name");
        let subset = dossier.for_dispute(&kuril);
        validate(&subset, &NothingElse).expect("subset validates on its own");
        assert_eq!(subset.disputes.len(), 1);
        assert!(
            !subset
                .actors
                .iter()
                .any(|a| a.name.as_str() == "actors/CHN")
        );
        assert_eq!(subset.stances.len(), dossier.stances.len());
        assert_eq!(subset.documents.len(), 1);
        assert!(
            dossier
                .for_dispute(&DisputeName::parse("disputes/none").expect("name"))
                .is_empty()
        );
    }

    #[test]
    fn validation_reports_every_broken_rule() {
        let mut dossier = Dossier::from_json(KURIL).expect("parses");
        dossier.actors.push(dossier.actors[0].clone());
        dossier.stances[0].actor = crate::names::ActorName::parse("actors/NOPE").expect("name");
        let errs = validate(&dossier, &NothingElse).expect_err("invalid");
        let text = errs.to_string();
        assert!(
            text.contains("actors[8].name: duplicate name actors/JPN"),
            "{text}"
        );
        assert!(
            text.contains("stances[0].actor: refers to actors/NOPE, which does not exist"),
            "{text}"
        );
    }
}
