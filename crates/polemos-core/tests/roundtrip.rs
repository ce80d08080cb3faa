//! Property: any dossier survives JSON and JSON Lines unchanged (floats, Unicode, optional fields).

use chrono::NaiveDate;
use polemos_core::*;
use proptest::prelude::*;

fn id() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9][a-zA-Z0-9._-]{0,20}"
}

fn text() -> impl Strategy<Value = String> {
    any::<String>()
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("valid date"))
}

fn actor() -> impl Strategy<Value = Actor> {
    (
        id(),
        text(),
        prop::collection::vec(text(), 0..3),
        prop::option::of("[A-Z]{3}"),
        prop::option::of((id(), text(), prop::option::of(date()))),
    )
        .prop_map(|(id, display_name, aliases, iso3, aff)| Actor {
            name: ActorName::from_id(&id).expect("valid id"),
            kind: ActorKind::Person,
            display_name,
            codes: ActorCodes {
                iso3,
                cameo: None,
                plover: None,
            },
            aliases,
            affiliations: aff
                .into_iter()
                .map(|(a, role, from)| Affiliation {
                    actor: ActorName::from_id(&a).expect("id"),
                    role,
                    from,
                    to: None,
                })
                .collect(),
        })
}

fn stance() -> impl Strategy<Value = Stance> {
    (
        id(),
        id(),
        id(),
        0.0f64..=100.0,
        0.0f64..=1.0,
        0.0f64..=1.0,
        date(),
        prop::option::of((id(), text(), 0usize..50, 0usize..50)),
    )
        .prop_map(|(name, actor, issue, pos, sal, conf, from, cond)| Stance {
            name: StanceName::from_id(&name).expect("id"),
            actor: ActorName::from_id(&actor).expect("id"),
            issue: IssueName::parse(&format!("disputes/d/issues/{issue}")).expect("issue"),
            position: Position::new(pos).expect("in range"),
            salience: Salience::new(sal).expect("in range"),
            confidence: Confidence::new(conf).expect("in range"),
            label: StanceLabel::Conditional,
            conditions: cond
                .iter()
                .map(|(i, t, _, _)| Condition {
                    issue: IssueName::parse(&format!("disputes/d/issues/{i}")).expect("issue"),
                    required: RequiredOutcome::Resolved,
                    min_position: None,
                    max_position: Some(Position::new(pos).expect("in range")),
                    text: t.clone(),
                })
                .collect(),
            valid_from: from,
            valid_to: None,
            evidence: cond
                .into_iter()
                .map(|(_, quote, start, len)| Evidence {
                    document: Some(DocumentName::from_id("doc").expect("id")),
                    span: Some(Span {
                        start,
                        end: start + len,
                    }),
                    quote: Some(quote),
                    speaker: None,
                    reported_by: None,
                })
                .collect(),
        })
}

fn event() -> impl Strategy<Value = Event> {
    (
        id(),
        date(),
        0usize..16,
        -10.0f64..=10.0,
        id(),
        prop::option::of(text()),
    )
        .prop_map(|(name, d, t, intensity, src, location)| Event {
            name: EventName::from_id(&name).expect("id"),
            date: FuzzyDate {
                date: d,
                precision: DatePrecision::Week,
            },
            status: EventStatus::Planned,
            event_type: PloverType::ALL[t],
            mode: None,
            contexts: vec!["diplomatic".into()],
            cameo: None,
            intensity: Intensity::new(intensity).expect("in range"),
            sources: vec![ActorName::from_id(&src).expect("id")],
            targets: vec![],
            location,
            issues: vec![],
            evidence: vec![],
        })
}

fn dossier() -> impl Strategy<Value = Dossier> {
    (
        prop::collection::vec(actor(), 0..4),
        prop::collection::vec(stance(), 0..4),
        prop::collection::vec(event(), 0..3),
        prop::collection::vec((id(), text(), prop::option::of(date())), 0..2),
    )
        .prop_map(|(actors, stances, events, docs)| Dossier {
            actors,
            stances,
            events,
            documents: docs
                .into_iter()
                .map(|(id, text, published)| Document {
                    name: DocumentName::from_id(&id).expect("id"),
                    title: String::new(),
                    outlet: None,
                    url: None,
                    published,
                    language: Some("en".into()),
                    content_hash: content_hash(&text),
                    text,
                })
                .collect(),
            ..Dossier::new()
        })
}

proptest! {
    #[test]
    fn json_round_trip_is_lossless(d in dossier()) {
        prop_assert_eq!(Dossier::from_json(&d.to_json()).expect("parses"), d.clone());
        prop_assert_eq!(Dossier::from_jsonl(&d.to_jsonl()).expect("parses"), d.clone());
        prop_assert_eq!(Dossier::from_any(&d.to_json()).expect("parses"), d);
    }
}
