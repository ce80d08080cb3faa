//! Golden test on the reference article (published 2018-09-19): every fact the issue lists, and
//! the whole reviewed projection in `tests/fixtures/kuril-2018.expected.json`.

mod common;

use chrono::NaiveDate;
use polemos_core::{
    DatePrecision, EventStatus, NothingElse, PloverType, RequiredOutcome, StanceLabel, validate,
};
use polemos_extract::{ArticleMeta, Extraction, Extractor, convert::to_dossier};

const TEXT: &str = include_str!("../../../tests/fixtures/kuril-2018.txt");
const EXPECTED: &str = include_str!("../../../tests/fixtures/kuril-2018.expected.json");

fn meta() -> ArticleMeta {
    ArticleMeta {
        published: NaiveDate::from_ymd_opt(2018, 9, 19),
        ..ArticleMeta::default()
    }
}

fn extract() -> (Extractor, Extraction) {
    let ex = Extractor::new().expect("built-in knowledge");
    let x = ex.extract(TEXT, &meta()).expect("extracts");
    (ex, x)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

#[test]
fn actors_with_roles_and_sources() {
    let (_, x) = extract();
    let actor = |name: &str| {
        x.actors
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    assert_eq!(actor("actors/JPN").display_name, "Japan");
    assert_eq!(actor("actors/RUS").display_name, "Russia");
    for (name, role, state) in [
        ("actors/taro-kono", "foreign minister", "actors/JPN"),
        ("actors/sergei-lavrov", "foreign minister", "actors/RUS"),
        ("actors/vladimir-putin", "president", "actors/RUS"),
        ("actors/shinzo-abe", "prime minister", "actors/JPN"),
    ] {
        let a = actor(name);
        assert_eq!(a.role.as_deref(), Some(role), "{name}");
        assert_eq!(a.affiliation.as_deref(), Some(state), "{name}");
    }
    // "Kono" alone and "Japan's Foreign Minister" resolve to Taro Kono.
    let kono = actor("actors/taro-kono");
    assert!(kono.mentions.iter().any(|m| m.text == "Kono"));
    assert!(kono.mentions.iter().any(|m| m.text == "Foreign Minister"));
    let nhk = actor("actors/nhk");
    assert!(nhk.cited_as_source);
    assert!(
        nhk.mentions.iter().any(|m| m.text == "station"),
        "the station = NHK"
    );
    // NHK is a source, never a party to an event or a stance holder.
    assert!(
        x.events
            .iter()
            .all(|e| !e.sources.contains(&nhk.name) && !e.targets.contains(&nhk.name))
    );
    assert!(x.stances.iter().all(|s| s.actor != nhk.name));
}

#[test]
fn dispute_framing_and_islands() {
    let (_, x) = extract();
    let d = x
        .disputes
        .iter()
        .find(|d| d.name == "disputes/kuril-islands")
        .expect("kuril dispute");
    let framing = |label: &str| {
        d.mentions
            .iter()
            .find(|m| m.label == label)
            .map(|m| m.framing.clone())
    };
    assert_eq!(
        framing("Northern Territories"),
        Some(Some("actors/JPN".into()))
    );
    assert_eq!(framing("Southern Kurils"), Some(Some("actors/RUS".into())));
    assert_eq!(d.parts, vec!["Iturup", "Kunashir", "Shikotan", "Habomai"]);
    assert_eq!(d.framing.by_party.len(), 2, "both framings present");
    assert_eq!(
        d.framing.dominant, None,
        "one name of each party: no dominant framing"
    );
}

#[test]
fn stances_proposal_condition_downplay_and_joint_activities() {
    let (_, x) = extract();
    let stance = |actor: &str, issue: &str| {
        x.stances
            .iter()
            .find(|s| {
                s.actor == actor && s.issue == format!("disputes/kuril-islands/issues/{issue}")
            })
            .unwrap_or_else(|| panic!("{actor} on {issue} missing"))
    };
    let rus = stance("actors/RUS", "peace-treaty");
    assert_eq!(rus.label, StanceLabel::Support);
    assert!(rus.proposal);
    assert_eq!(
        rus.deadline.map(|d| d.date),
        Some(date("2018-12-31")),
        "by the end of 2018"
    );
    assert_eq!(
        rus.evidence[0].speaker.as_deref(),
        Some("actors/vladimir-putin")
    );

    let jpn = stance("actors/JPN", "peace-treaty");
    assert_eq!(jpn.label, StanceLabel::Conditional);
    assert!(jpn.position > 50.0, "conditional support");
    let cond = &jpn.conditions[0];
    assert_eq!(
        cond.issue.as_deref(),
        Some("disputes/kuril-islands/issues/sovereignty")
    );
    assert_eq!(cond.required, RequiredOutcome::Resolved);
    assert!(cond.text.contains("territorial dispute"), "{}", cond.text);

    let down = stance("actors/RUS", "sovereignty");
    assert!(down.downplayed);
    assert!(down.salience < 0.5);
    assert_eq!(
        down.evidence[0].speaker.as_deref(),
        Some("actors/vladimir-putin")
    );
    assert!(down.evidence[0].quote.contains("not fundamental"));

    for actor in ["actors/JPN", "actors/RUS"] {
        let s = stance(actor, "joint-economic-activities");
        assert_eq!(s.label, StanceLabel::Support, "{actor}");
    }
}

#[test]
fn events_meeting_and_proposal() {
    let (_, x) = extract();
    let meeting = x
        .events
        .iter()
        .find(|e| e.event_type == PloverType::Consult && e.sources == ["actors/taro-kono"])
        .expect("Kono-Lavrov meeting");
    assert_eq!(meeting.targets, ["actors/sergei-lavrov"]);
    assert_eq!(meeting.status, EventStatus::Planned);
    let when = meeting.date.expect("dated");
    assert_eq!(
        (when.date, when.precision),
        (date("2018-09-24"), DatePrecision::Week)
    );
    assert_eq!(meeting.location.as_deref(), Some("New York"));
    assert_eq!(meeting.venue.as_deref(), Some("UN General Assembly"));
    assert!(
        meeting
            .evidence
            .iter()
            .any(|e| e.reported_by.as_deref() == Some("actors/nhk"))
    );

    let proposal = x
        .events
        .iter()
        .find(|e| e.event_type == PloverType::Agree && e.mode == "propose")
        .expect("proposal at the EEF");
    assert_eq!(proposal.sources, ["actors/vladimir-putin"]);
    assert_eq!(proposal.status, EventStatus::Past);
    assert_eq!(proposal.location.as_deref(), Some("Vladivostok"));
    assert_eq!(proposal.venue.as_deref(), Some("Eastern Economic Forum"));
    let when = proposal.date.expect("dated");
    assert_eq!(
        (when.date, when.precision),
        (date("2018-09-01"), DatePrecision::Month),
        "early September 2018"
    );
    assert!(proposal.issues.iter().any(|i| i.ends_with("/peace-treaty")));

    // "have never signed a permanent peace treaty": a negated event, not a signing.
    assert!(
        x.events
            .iter()
            .filter(|e| e.mode == "sign")
            .all(|e| e.negated)
    );
}

#[test]
fn boilerplate_yields_nothing() {
    let (_, x) = extract();
    assert_eq!(x.boilerplate.len(), 3);
    for span in &x.boilerplate {
        let line = &TEXT[span.start..span.end];
        assert!(
            line.contains("Advertisement")
                || line.contains("newsletter")
                || line.contains("Sign up"),
            "{line}"
        );
        let inside = |s: usize| span.start <= s && s < span.end;
        assert!(
            x.actors
                .iter()
                .flat_map(|a| &a.mentions)
                .all(|m| !inside(m.span.start))
        );
        assert!(
            x.events
                .iter()
                .flat_map(|e| &e.evidence)
                .all(|v| !inside(v.span.start))
        );
        assert!(
            x.stances
                .iter()
                .flat_map(|s| &s.evidence)
                .all(|v| !inside(v.span.start))
        );
    }
}

#[test]
fn evidence_spans_point_into_the_text() {
    let (_, x) = extract();
    let all = x
        .events
        .iter()
        .flat_map(|e| &e.evidence)
        .chain(x.stances.iter().flat_map(|s| &s.evidence))
        .chain(x.attributions.iter().map(|a| &a.evidence));
    for e in all {
        assert_eq!(&TEXT[e.span.start..e.span.end], e.quote);
        assert!((0.0..=1.0).contains(&e.confidence));
        if let Some(cue) = e.cue {
            assert!(e.span.start <= cue.start && cue.end <= e.span.end);
        }
    }
}

#[test]
fn matches_the_reviewed_fixture() {
    let (_, x) = extract();
    let expected: serde_json::Value = serde_json::from_str(EXPECTED).expect("fixture parses");
    let actual = common::project(&x);
    assert!(
        actual == expected,
        "extraction differs from the reviewed fixture; actual:\n{}",
        serde_json::to_string_pretty(&actual).unwrap_or_default()
    );
}

#[test]
fn dossier_is_valid_and_stable() {
    let (ex, x) = extract();
    let d1 = to_dossier(ex.knowledge(), &x, &meta()).expect("converts");
    validate(&d1, &NothingElse).expect("valid dossier");
    let x2 = ex.extract(TEXT, &meta()).expect("again");
    let d2 = to_dossier(ex.knowledge(), &x2, &meta()).expect("converts");
    assert_eq!(d1, d2, "same text, same dossier");
    assert_eq!(d1.documents.len(), 1);
    assert!(
        d1.stances
            .iter()
            .any(|s| s.label == StanceLabel::Conditional && !s.conditions.is_empty())
    );
    assert!(
        d1.events.iter().all(|e| e.mode.as_deref() != Some("sign")),
        "negated events are not stored"
    );
    let no_date = ArticleMeta::default();
    let x3 = ex.extract(TEXT, &no_date).expect("extracts");
    let err = to_dossier(ex.knowledge(), &x3, &no_date).expect_err("needs a date");
    assert!(err.to_string().contains("published"), "{err}");
}
