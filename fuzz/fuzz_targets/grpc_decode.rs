//! Fuzzes gRPC request decoding: arbitrary bytes decoded (prost) as each write request the
//! server takes, then the fields the server converts parsed with the same core parsers the
//! handlers use (names, dates, ranged values, the dossier of `ImportDossier`). Nothing may
//! panic; a date that parses is one the model can do arithmetic on. The server's own
//! conversion module is not linked: it would pull the whole server (SQLite, TLS, tonic) into
//! the sanitizer build and past CI's time budget.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polemos_core::date::parse_date;
use polemos_core::{
    ActorName, Confidence, DisputeName, DocumentName, Dossier, EventName, Intensity, IssueName,
    NothingElse, Position, Salience, StanceName, validate,
};
use polemos_proto::v1 as pb;
use prost::Message;

fn date(s: &str) {
    if let Ok(d) = parse_date(s) {
        assert!(polemos_core::date::in_range(d));
        let _ = d.checked_add_days(chrono::Days::new(3650));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    match which % 7 {
        0 => {
            if let Ok(r) = pb::CreateActorRequest::decode(bytes) {
                let a = r.actor.unwrap_or_default();
                let _ = a.name.parse::<ActorName>();
                let _ = format!("actors/{}", r.actor_id).parse::<ActorName>();
            }
        }
        1 => {
            if let Ok(r) = pb::CreateDisputeRequest::decode(bytes) {
                let _ = r.dispute.unwrap_or_default().name.parse::<DisputeName>();
            }
        }
        2 => {
            if let Ok(r) = pb::CreateIssueRequest::decode(bytes) {
                let _ = r.issue.unwrap_or_default().name.parse::<IssueName>();
                let _ = format!("{}/issues/{}", r.parent, r.issue_id).parse::<IssueName>();
            }
        }
        3 => {
            if let Ok(r) = pb::CreateStanceRequest::decode(bytes) {
                let s = r.stance.unwrap_or_default();
                let _ = s.name.parse::<StanceName>();
                let _ = Position::new(s.position);
                let _ = Salience::new(s.salience);
                let _ = Confidence::new(s.confidence);
                date(&s.valid_from);
                date(&s.valid_to);
            }
        }
        4 => {
            if let Ok(r) = pb::CreateEventRequest::decode(bytes) {
                let e = r.event.unwrap_or_default();
                let _ = e.name.parse::<EventName>();
                let _ = Intensity::new(e.intensity);
                date(&e.date.unwrap_or_default().date);
            }
        }
        5 => {
            if let Ok(r) = pb::CreateDocumentRequest::decode(bytes) {
                let d = r.document.unwrap_or_default();
                let _ = d.name.parse::<DocumentName>();
                date(&d.published);
            }
        }
        _ => {
            if let Ok(r) = pb::ImportDossierRequest::decode(bytes)
                && let Ok(d) = Dossier::from_any(&r.dossier_json)
            {
                let _ = validate(&d, &NothingElse);
            }
        }
    }
});
