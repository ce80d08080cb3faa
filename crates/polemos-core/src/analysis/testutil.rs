//! Builders for hand-made scenarios in the analysis tests.

use chrono::NaiveDate;

use crate::dossier::Dossier;
use crate::model::{Condition, Document, Evidence, RequiredOutcome, Stance, StanceLabel};
use crate::names::{ActorName, DocumentName, IssueName, StanceName};
use crate::values::{Confidence, Position, Salience};

pub const KURIL: &str = include_str!("../../../../examples/dossiers/kuril-islands.json");

pub fn kuril() -> Dossier {
    Dossier::from_json(KURIL).expect("reference dossier parses")
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

pub fn actor(id: &str) -> ActorName {
    ActorName::from_id(id).expect("actor id")
}

pub fn issue(id: &str) -> IssueName {
    IssueName::parse(&format!("disputes/d/issues/{id}")).expect("issue id")
}

pub fn doc(id: &str, outlet: &str, published: &str) -> Document {
    Document {
        name: DocumentName::from_id(id).expect("doc id"),
        title: String::new(),
        outlet: Some(outlet.to_owned()),
        url: None,
        published: Some(date(published)),
        language: None,
        text: String::new(),
        content_hash: String::new(),
    }
}

pub fn cites(doc_id: &str, speaker: &str, quote: &str) -> Evidence {
    Evidence {
        document: Some(DocumentName::from_id(doc_id).expect("doc id")),
        quote: Some(quote.to_owned()),
        speaker: Some(actor(speaker)),
        ..Evidence::default()
    }
}

/// A stance record with salience 0.5 and no evidence; adjust fields after.
pub fn stance(
    name: &str,
    who: &str,
    on: &str,
    position: f64,
    confidence: f64,
    label: StanceLabel,
    from: &str,
) -> Stance {
    Stance {
        name: StanceName::from_id(name).expect("stance id"),
        actor: actor(who),
        issue: issue(on),
        position: Position::new(position).expect("position"),
        salience: Salience::new(0.5).expect("salience"),
        confidence: Confidence::new(confidence).expect("confidence"),
        label,
        conditions: Vec::new(),
        valid_from: date(from),
        valid_to: None,
        evidence: Vec::new(),
    }
}

pub fn condition(on: &str, required: RequiredOutcome) -> Condition {
    Condition {
        issue: issue(on),
        required,
        min_position: None,
        max_position: None,
        text: String::new(),
    }
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}
