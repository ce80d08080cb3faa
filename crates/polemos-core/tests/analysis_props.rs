//! Invariants of the analyses, on random inputs:
//! - the agreement matrix is symmetric, has a unit diagonal and stays in 0..=1;
//! - deadlock detection finds exactly the issues that plain cycle detection puts on a cycle;
//! - "as of" results never depend on evidence dated after the date asked about.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use polemos_core::analysis::agreement::agreement_matrix;
use polemos_core::analysis::asof::DocumentIndex;
use polemos_core::analysis::consolidate::{ConsolidateOptions, ConsolidatedStance, consolidate};
use polemos_core::analysis::preconditions::{PreconditionEdge, deadlocks};
use polemos_core::analysis::report::{ReportOptions, build_report};
use polemos_core::analysis::series::{Granularity, SeriesOptions, pair_series};
use polemos_core::analysis::timeline::all_shifts;
use polemos_core::*;
use proptest::prelude::*;

fn actor(i: usize) -> ActorName {
    ActorName::from_id(&format!("a{i}")).expect("actor")
}

fn issue(i: usize) -> IssueName {
    IssueName::parse(&format!("disputes/d/issues/i{i}")).expect("issue")
}

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + Duration::days(offset)
}

fn consolidated(a: usize, i: usize, position: f64, salience: f64) -> ConsolidatedStance {
    ConsolidatedStance {
        actor: actor(a),
        issue: issue(i),
        position: Position::new(position).expect("position"),
        salience: Salience::new(salience).expect("salience"),
        label: StanceLabel::Neutral,
        conditions: Vec::new(),
        confidence: Confidence::new(1.0).expect("confidence"),
        sources: 1,
        last_evidence: day(0),
        records: Vec::new(),
        evidence: Vec::new(),
        conflict: None,
    }
}

proptest! {
    #[test]
    fn agreement_is_symmetric_with_unit_diagonal(
        cells in proptest::collection::vec(
            proptest::option::of((0.0..=100.0f64, 0.0..=1.0f64)), 1..48),
        issues in 1usize..6,
    ) {
        let stances: Vec<ConsolidatedStance> = cells
            .iter()
            .enumerate()
            .filter_map(|(k, c)| c.map(|(p, s)| consolidated(k / issues, k % issues, p, s)))
            .collect();
        let m = agreement_matrix(&stances, &[]);
        let n = m.actors.len();
        for i in 0..n {
            prop_assert_eq!(m.agreement[i][i], Some(1.0));
            for j in 0..n {
                prop_assert_eq!(m.agreement[i][j], m.agreement[j][i]);
                prop_assert_eq!(m.shared_issues[i][j], m.shared_issues[j][i]);
                if let Some(a) = m.agreement[i][j] {
                    prop_assert!((0.0..=1.0).contains(&a));
                }
                if i != j {
                    prop_assert_eq!(m.agreement[i][j].is_none(), m.shared_issues[i][j] == 0);
                }
            }
        }
    }

    #[test]
    fn deadlocks_match_plain_cycle_detection(
        raw in proptest::collection::vec((0usize..7, 0usize..7, 0usize..3), 0..20),
    ) {
        let edges: Vec<PreconditionEdge> = raw
            .iter()
            .map(|&(b, a, who)| PreconditionEdge {
                before: issue(b),
                after: issue(a),
                actor: actor(who),
                required: RequiredOutcome::Resolved,
                label: StanceLabel::Conditional,
                position: 50.0,
                condition_text: String::new(),
                evidence: Vec::new(),
            })
            .collect();
        // Plain: transitive closure over the graph without self-loops.
        let n = 7;
        let mut reach = vec![vec![false; n]; n];
        for &(b, a, _) in &raw {
            if b != a {
                reach[b][a] = true;
            }
        }
        for k in 0..n {
            for i in 0..n {
                for j in 0..n {
                    if reach[i][k] && reach[k][j] {
                        reach[i][j] = true;
                    }
                }
            }
        }
        let on_cycle: BTreeSet<usize> = (0..n).filter(|&v| reach[v][v]).collect();
        let found = deadlocks(&edges);
        let in_deadlock: BTreeSet<usize> = found
            .iter()
            .flat_map(|d| d.issues.iter())
            .map(|i| i.id()[1..].parse::<usize>().expect("index"))
            .collect();
        prop_assert_eq!(&in_deadlock, &on_cycle);
        prop_assert_eq!(found.is_empty(), on_cycle.is_empty());
        for d in &found {
            let ids: Vec<usize> = d.issues.iter().map(|i| i.id()[1..].parse().expect("index")).collect();
            // Every pair in one deadlock reaches each other; every cycle edge is a real edge.
            for &x in &ids {
                for &y in &ids {
                    prop_assert!(x == y || (reach[x][y] && reach[y][x]));
                }
            }
            for (k, from) in d.cycle.iter().enumerate() {
                let to = &d.cycle[(k + 1) % d.cycle.len()];
                prop_assert!(edges.iter().any(|e| &e.before == from && &e.after == to));
            }
        }
        // Issues in different deadlocks do not reach each other both ways.
        for (p, d1) in found.iter().enumerate() {
            for d2 in &found[p + 1..] {
                let x: usize = d1.issues[0].id()[1..].parse().expect("index");
                let y: usize = d2.issues[0].id()[1..].parse().expect("index");
                prop_assert!(!(reach[x][y] && reach[y][x]));
            }
        }
    }
}

// ------------------------------------------------------------------ as of

#[derive(Debug, Clone)]
struct RawEvidence {
    doc: Option<usize>,
    speaker: usize,
}

#[derive(Debug, Clone)]
struct RawStance {
    actor: usize,
    issue: usize,
    position: f64,
    confidence: f64,
    label: usize,
    from: i64,
    length: Option<i64>,
    evidence: Vec<RawEvidence>,
    condition: Option<usize>,
}

#[derive(Debug, Clone)]
struct RawEvent {
    when: i64,
    kind: usize,
    source: usize,
    target: usize,
    evidence: Vec<RawEvidence>,
}

fn raw_evidence() -> impl Strategy<Value = RawEvidence> {
    (proptest::option::of(0usize..5), 0usize..3)
        .prop_map(|(doc, speaker)| RawEvidence { doc, speaker })
}

fn raw_stance() -> impl Strategy<Value = RawStance> {
    (
        (
            0usize..3,
            0usize..3,
            0.0..=100.0f64,
            0.0..=1.0f64,
            0usize..5,
        ),
        (0i64..200, proptest::option::of(1i64..100)),
        proptest::collection::vec(raw_evidence(), 0..3),
        proptest::option::of(0usize..3),
    )
        .prop_map(
            |((actor, issue, position, confidence, label), (from, length), evidence, condition)| {
                RawStance {
                    actor,
                    issue,
                    position,
                    confidence,
                    label,
                    from,
                    length,
                    evidence,
                    condition,
                }
            },
        )
}

fn raw_event() -> impl Strategy<Value = RawEvent> {
    (
        0i64..220,
        0usize..16,
        0usize..3,
        0usize..3,
        proptest::collection::vec(raw_evidence(), 0..2),
    )
        .prop_map(|(when, kind, source, target, evidence)| RawEvent {
            when,
            kind,
            source,
            target,
            evidence,
        })
}

fn evidence(raw: &RawEvidence) -> Evidence {
    Evidence {
        document: raw
            .doc
            .map(|d| DocumentName::from_id(&format!("doc{d}")).expect("doc")),
        quote: Some("q".into()),
        speaker: Some(actor(raw.speaker)),
        ..Evidence::default()
    }
}

fn dossier(
    published: &[Option<i64>],
    outlets: &[usize],
    stances: &[RawStance],
    events: &[RawEvent],
) -> Dossier {
    let labels = [
        StanceLabel::Support,
        StanceLabel::Oppose,
        StanceLabel::Neutral,
        StanceLabel::Conditional,
        StanceLabel::Ambiguous,
    ];
    let mut d = Dossier::new();
    for a in 0..3 {
        d.actors.push(Actor {
            name: actor(a),
            kind: ActorKind::State,
            display_name: format!("Actor {a}"),
            codes: ActorCodes::default(),
            aliases: Vec::new(),
            affiliations: Vec::new(),
        });
    }
    d.disputes.push(Dispute {
        name: DisputeName::from_id("d").expect("dispute"),
        title: "D".into(),
        kind: DisputeKind::Other,
        parties: vec![Party {
            actor: actor(0),
            capability: Capability::new(1.0).expect("cap"),
        }],
        objects: vec![DisputedObject {
            id: "o".into(),
            names: vec![
                ObjectName {
                    label: "Alpha".into(),
                    used_by: None,
                },
                ObjectName {
                    label: "Beta".into(),
                    used_by: Some(actor(1)),
                },
            ],
            parts: Vec::new(),
        }],
        status: Vec::new(),
        proposed: false,
    });
    for i in 0..3 {
        d.issues.push(Issue {
            name: issue(i),
            title: format!("Issue {i}"),
            description: String::new(),
            scale: IssueScale::Binary {
                proposal: "p".into(),
            },
            proposed: false,
        });
    }
    for (k, p) in published.iter().enumerate() {
        d.documents.push(Document {
            name: DocumentName::from_id(&format!("doc{k}")).expect("doc"),
            title: String::new(),
            outlet: match outlets[k] {
                0 => None,
                o => Some(format!("outlet{o}")),
            },
            url: None,
            published: p.map(day),
            language: None,
            text: if k % 2 == 0 {
                "Alpha and Beta".into()
            } else {
                "Beta".into()
            },
            content_hash: String::new(),
        });
    }
    for (k, s) in stances.iter().enumerate() {
        d.stances.push(Stance {
            name: StanceName::from_id(&format!("s{k}")).expect("stance"),
            actor: actor(s.actor),
            issue: issue(s.issue),
            position: Position::new(s.position).expect("position"),
            salience: Salience::new(0.5).expect("salience"),
            confidence: Confidence::new(s.confidence).expect("confidence"),
            label: labels[s.label],
            conditions: s
                .condition
                .map(|c| Condition {
                    issue: issue(c),
                    required: RequiredOutcome::Resolved,
                    min_position: None,
                    max_position: None,
                    text: String::new(),
                })
                .into_iter()
                .collect(),
            valid_from: day(s.from),
            valid_to: s.length.map(|l| day(s.from + l)),
            evidence: s.evidence.iter().map(evidence).collect(),
        });
    }
    for (k, e) in events.iter().enumerate() {
        let t = PloverType::ALL[e.kind];
        d.events.push(Event {
            name: EventName::from_id(&format!("e{k}")).expect("event"),
            date: FuzzyDate {
                date: day(e.when),
                precision: DatePrecision::Day,
            },
            status: EventStatus::Past,
            event_type: t,
            mode: None,
            contexts: Vec::new(),
            cameo: None,
            intensity: Intensity::new(if (t.quad_class() as u8) < 2 {
                3.0
            } else {
                -4.0
            })
            .expect("intensity"),
            sources: vec![actor(e.source)],
            targets: vec![actor(e.target)],
            location: None,
            issues: vec![issue(0)],
            evidence: e.evidence.iter().map(evidence).collect(),
        });
    }
    d
}

/// What an analyst could have held on `as_of`, cut by hand (independently of `asof`): later
/// documents, stances and events dropped, later evidence items dropped from what is left.
fn truncate(d: &Dossier, as_of: NaiveDate) -> Dossier {
    let published = |e: &Evidence, fallback: NaiveDate| -> NaiveDate {
        e.document
            .as_ref()
            .and_then(|n| d.documents.iter().find(|x| &x.name == n))
            .and_then(|x| x.published)
            .unwrap_or(fallback)
    };
    let mut out = d.clone();
    out.documents
        .retain(|x| x.published.is_none_or(|p| p <= as_of));
    out.stances = d
        .stances
        .iter()
        .filter(|s| s.valid_from <= as_of)
        .filter_map(|s| {
            let mut s = s.clone();
            let had = !s.evidence.is_empty();
            let from = s.valid_from;
            s.evidence.retain(|e| published(e, from) <= as_of);
            (!had || !s.evidence.is_empty()).then_some(s)
        })
        .collect();
    out.events = d
        .events
        .iter()
        .filter(|e| e.date.date <= as_of)
        .filter_map(|e| {
            let mut e = e.clone();
            let had = !e.evidence.is_empty();
            let when = e.date.date;
            e.evidence.retain(|x| published(x, when) <= as_of);
            (!had || !e.evidence.is_empty()).then_some(e)
        })
        .collect();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn as_of_never_sees_later_evidence(
        published in proptest::collection::vec(proptest::option::of(0i64..220), 5),
        outlets in proptest::collection::vec(0usize..3, 5),
        stances in proptest::collection::vec(raw_stance(), 0..14),
        events in proptest::collection::vec(raw_event(), 0..8),
        cut in 0i64..240,
    ) {
        let full = dossier(&published, &outlets, &stances, &events);
        let as_of = day(cut);
        let cut_dossier = truncate(&full, as_of);
        let options = ConsolidateOptions::default();

        let a = consolidate(&full.stances, &DocumentIndex::new(&full.documents), as_of, &options).expect("ok");
        let b = consolidate(&cut_dossier.stances, &DocumentIndex::new(&cut_dossier.documents), as_of, &options).expect("ok");
        prop_assert_eq!(&a, &b);
        for s in &a {
            prop_assert!(s.last_evidence <= as_of);
            prop_assert!(s.evidence.iter().all(|e| e.date <= as_of));
        }

        let sa = all_shifts(&full.stances, &DocumentIndex::new(&full.documents), as_of, &options, 10.0).expect("ok");
        let sb = all_shifts(&cut_dossier.stances, &DocumentIndex::new(&cut_dossier.documents), as_of, &options, 10.0).expect("ok");
        prop_assert_eq!(sa, sb);

        let series = SeriesOptions { granularity: Granularity::Week, roll_up: true };
        let pa = pair_series(&full.events, &full.actors, &DocumentIndex::new(&full.documents), as_of, series);
        let pb = pair_series(&cut_dossier.events, &cut_dossier.actors, &DocumentIndex::new(&cut_dossier.documents), as_of, series);
        prop_assert_eq!(pa, pb);

        let name = DisputeName::from_id("d").expect("dispute");
        let ra = build_report(&full, &name, as_of, &ReportOptions::default()).expect("report");
        let rb = build_report(&cut_dossier, &name, as_of, &ReportOptions::default()).expect("report");
        prop_assert_eq!(ra, rb);
    }
}
