//! Report, forecasts and the typed analyses of the reference dispute.

use crate::support::*;

#[tokio::test]
async fn report_and_forecasts_on_the_stored_dispute() {
    use polemos_proto::v1::analysis_service_client::AnalysisServiceClient;
    let server = Server::start(true, true).await;
    let mut client = AnalysisServiceClient::with_interceptor(
        server.channel().await,
        Auth(Some(server.reader.clone())),
    );
    let report = client
        .get_dispute_report(pb::GetDisputeReportRequest {
            dispute: "disputes/kuril-islands".into(),
            as_of: "2018-11-20".into(),
            format: pb::ReportFormat::Json as i32,
            revision: None,
        })
        .await
        .expect("report")
        .into_inner();
    assert_eq!(report.content_type, "application/json");
    let json: serde_json::Value = serde_json::from_str(&report.content).expect("json report");
    assert!(report.content.contains("kuril-islands"), "{json}");
    let err = client
        .get_dispute_report(pb::GetDisputeReportRequest {
            dispute: "disputes/nowhere".into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown dispute");
    assert_eq!(err.code(), Code::NotFound);

    // One run: a single result.
    let results: Vec<pb::ForecastResponse> = client
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::Dispute(
                "disputes/kuril-islands".into(),
            )),
            model: pb::ForecastModel::Median as i32,
            ..Default::default()
        })
        .await
        .expect("forecast")
        .into_inner()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("stream");
    assert_eq!(results.len(), 1);
    assert!(
        matches!(&results[0].kind, Some(pb::forecast_response::Kind::Result(r))
            if r.model == pb::ForecastModel::Median as i32 && !r.outcome.is_empty())
    );

    // Monte Carlo on an inline scenario: progress, then the result, last.
    let csv = "Actor,Capability,Position,Salience\nA,1,0,0.9\nB,2,100,0.5\nC,1,60,0.8\n";
    let results: Vec<pb::ForecastResponse> = client
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::ScenarioCsv(csv.into())),
            model: pb::ForecastModel::Median as i32,
            monte_carlo_draws: 200,
            seed: 7,
            ..Default::default()
        })
        .await
        .expect("monte carlo")
        .into_inner()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("stream");
    assert!(results.len() >= 2, "progress before the result");
    assert!(matches!(
        results.last().and_then(|r| r.kind.as_ref()),
        Some(pb::forecast_response::Kind::Result(r)) if r.monte_carlo_draws == 200 && r.distributions.len() == 1
    ));
    assert!(
        results[..results.len() - 1]
            .iter()
            .all(|r| matches!(r.kind, Some(pb::forecast_response::Kind::Progress(_))))
    );

    let err = client
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::ScenarioCsv(csv.into())),
            model: 42,
            ..Default::default()
        })
        .await
        .expect_err("unknown model");
    assert_eq!(field_violation(&err), "model");
    let err = client
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::ScenarioCsv(
                "not,a\nscenario".into(),
            )),
            model: pb::ForecastModel::Median as i32,
            ..Default::default()
        })
        .await
        .expect_err("bad csv");
    assert_eq!(field_violation(&err), "scenario_csv");

    // A long Monte Carlo past its deadline: the stream ends with DEADLINE_EXCEEDED soon after
    // the deadline, not when all draws are done (about a minute of work here), and the server
    // goes on serving. The deadline goes in the header directly: tonic's client would otherwise
    // cut the call itself and report CANCELLED.
    let ec = include_str!("../../../../examples/scenarios/ec-emissions.csv").to_owned();
    let mut req = tonic::Request::new(pb::ForecastRequest {
        source: Some(pb::forecast_request::Source::ScenarioCsv(ec)),
        model: pb::ForecastModel::Bdm as i32,
        monte_carlo_draws: 100_000,
        seed: 1,
        ..Default::default()
    });
    req.metadata_mut()
        .insert("grpc-timeout", "300m".parse().expect("header"));
    let started = std::time::Instant::now();
    let mut stream = client
        .forecast(req)
        .await
        .expect("stream starts")
        .into_inner();
    let mut end = None;
    while let Some(item) = stream.next().await {
        match item {
            Ok(r) => assert!(matches!(
                r.kind,
                Some(pb::forecast_response::Kind::Progress(_))
            )),
            Err(status) => {
                end = Some(status);
                break;
            }
        }
    }
    let status = end.expect("the stream ends with an error, not a result");
    assert_eq!(status.code(), tonic::Code::DeadlineExceeded, "{status:?}");
    assert!(status.message().contains("of 100000 draws"), "{status:?}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "stopped at the deadline, took {:?}",
        started.elapsed()
    );
    let after = client
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::ScenarioCsv(csv.into())),
            model: pb::ForecastModel::Median as i32,
            ..Default::default()
        })
        .await
        .expect("still serving");
    assert_eq!(after.into_inner().collect::<Vec<_>>().await.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn current_stances_are_the_dossiers_records_as_of_a_date() {
    let server = Server::start(true, true).await;
    let mut client = analysis(&server, Some(server.reader.as_str())).await;
    let all = client
        .list_current_stances(pb::ListCurrentStancesRequest {
            dispute: DISPUTE.into(),
            as_of: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("reader lists current stances")
        .into_inner();
    assert_eq!(all.as_of, KNOWN);
    // One record per (actor, issue), sorted by actor then issue.
    let pairs: Vec<(&str, &str)> = all
        .stances
        .iter()
        .map(|s| (s.actor.as_str(), s.issue.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("actors/JPN", JOINT),
            ("actors/JPN", TREATY),
            ("actors/JPN", SOVEREIGNTY),
            ("actors/RUS", JOINT),
            ("actors/RUS", TREATY),
            ("actors/RUS", SOVEREIGNTY),
        ]
    );
    // Japan signs the treaty only once sovereignty is resolved: one record, one source, so the
    // consolidated stance is the record and its confidence the record's own.
    let jpn = &all.stances[1];
    assert!(close(jpn.position, 75.0) && close(jpn.salience, 0.7));
    assert!(close(jpn.confidence, 0.85));
    assert_eq!(jpn.label, pb::StanceLabel::Conditional as i32);
    assert_eq!(jpn.conditions.len(), 1);
    assert_eq!(jpn.conditions[0].issue, SOVEREIGNTY);
    assert_eq!(
        jpn.conditions[0].required,
        pb::RequiredOutcome::Resolved as i32
    );
    assert!(
        jpn.conditions[0]
            .text
            .contains("only after the long territorial dispute")
    );
    assert_eq!(jpn.records, ["stances/jpn-peace-treaty-2018"]);
    assert_eq!((jpn.sources, jpn.last_evidence.as_str()), (1, "2018-09-19"));
    let ev = &jpn.evidence[0];
    assert_eq!(ev.stance, "stances/jpn-peace-treaty-2018");
    assert_eq!(ev.document, "documents/kuril-2018");
    assert_eq!(ev.date, "2018-09-19"); // the article's date, not valid_from
    assert!(ev.quote.starts_with("Tokyo, meanwhile"));
    assert_eq!(ev.speaker, "actors/JPN");
    // The article has no outlet: the document itself is the channel.
    assert_eq!(ev.source_channel, "document:documents/kuril-2018");
    assert!(jpn.conflict.is_empty(), "one record cannot conflict");
    // Russia proposes the treaty outright.
    let rus = &all.stances[4];
    assert!(close(rus.position, 100.0) && close(rus.confidence, 0.9));
    assert_eq!(rus.label, pb::StanceLabel::Support as i32);
    assert!(rus.conditions.is_empty());

    // Filters: Russia on sovereignty, conditional on the treaty being adopted first.
    let one = client
        .list_current_stances(pb::ListCurrentStancesRequest {
            dispute: DISPUTE.into(),
            actor: "actors/RUS".into(),
            issue: SOVEREIGNTY.into(),
            as_of: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("filtered")
        .into_inner();
    assert_eq!(one.stances.len(), 1);
    let s = &one.stances[0];
    assert!(close(s.position, 10.0));
    assert_eq!(s.label, pb::StanceLabel::Conditional as i32);
    assert_eq!(
        (s.conditions[0].issue.as_str(), s.conditions[0].required),
        (TREATY, pb::RequiredOutcome::Adopted as i32)
    );
    // Before the article was published nothing was known, though Putin's stances are valid
    // from 2018-09-12.
    let before = client
        .list_current_stances(pb::ListCurrentStancesRequest {
            dispute: DISPUTE.into(),
            as_of: "2018-09-18".into(),
            ..Default::default()
        })
        .await
        .expect("as of before")
        .into_inner();
    assert!(before.stances.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn stance_matrix_deadlocks_and_coalitions_of_the_reference_dispute() {
    let server = Server::start(true, true).await;
    let mut client = analysis(&server, Some(server.reader.as_str())).await;

    let m = client
        .get_stance_matrix(pb::GetStanceMatrixRequest {
            dispute: DISPUTE.into(),
            as_of: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("matrix")
        .into_inner();
    assert_eq!(m.actors, ["actors/JPN", "actors/RUS"]); // the parties, in the dispute's order
    assert_eq!(m.issues, [JOINT, TREATY, SOVEREIGNTY]);
    assert_eq!(m.rows.len(), 2);
    let jr = &m.rows[0].cells[1];
    let rj = &m.rows[1].cells[0];
    let agreement = jr.agreement.expect("they share issues");
    assert!(close(agreement, 1.0 - JPN_RUS_DISTANCE), "{agreement}");
    assert!(agreement < 0.65, "they disagree on sovereignty");
    assert_eq!(rj.agreement, jr.agreement);
    assert_eq!(jr.shared_issues, 3);
    assert_eq!(m.rows[0].cells[0].agreement, Some(1.0));
    // Polarization: per issue 2·Σ|Δp|/(100 n²) over ordered pairs, n = 2.
    let p = m.polarization.expect("polarization");
    let by_issue: Vec<(&str, f64)> = p
        .issues
        .iter()
        .map(|i| (i.issue.as_str(), i.index))
        .collect();
    assert_eq!(by_issue.len(), 3);
    assert!(close(by_issue[0].1, 0.0)); // joint activities: both at 100
    assert!(close(by_issue[1].1, 0.25)); // treaty: 75 vs 100
    assert!(close(by_issue[2].1, 0.9)); // sovereignty: 100 vs 10
    // Weighted by mean salience (0.5, 0.75, 0.6): the same sum as the distance.
    assert!(close(p.index.expect("index"), JPN_RUS_DISTANCE));

    let d = client
        .list_deadlocks(pb::ListDeadlocksRequest {
            dispute: DISPUTE.into(),
            as_of: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("deadlocks")
        .into_inner();
    // Japan: the treaty only once sovereignty is resolved; Russia: the treaty (adopted) before
    // any territorial settlement.
    assert_eq!(d.deadlocks.len(), 1);
    let lock = &d.deadlocks[0];
    assert_eq!(lock.kind, pb::DeadlockKind::BetweenActors as i32);
    assert_eq!(lock.issues, [TREATY, SOVEREIGNTY]);
    assert_eq!(lock.cycle, [TREATY, SOVEREIGNTY]);
    assert_eq!(lock.parties, ["actors/JPN", "actors/RUS"]);
    let edge = |actor: &str| {
        lock.edges
            .iter()
            .find(|e| e.actor == actor)
            .unwrap_or_else(|| panic!("{actor}'s condition"))
    };
    let (jpn, rus) = (edge("actors/JPN"), edge("actors/RUS"));
    assert_eq!(
        (jpn.before.as_str(), jpn.after.as_str()),
        (SOVEREIGNTY, TREATY)
    );
    assert_eq!(jpn.required, pb::RequiredOutcome::Resolved as i32);
    assert!(
        jpn.condition_text
            .contains("only after the long territorial dispute")
    );
    assert!(jpn.evidence[0].quote.starts_with("Tokyo, meanwhile"));
    assert_eq!(
        (rus.before.as_str(), rus.after.as_str()),
        (TREATY, SOVEREIGNTY)
    );
    assert_eq!(rus.required, pb::RequiredOutcome::Adopted as i32);
    assert!(
        rus.condition_text
            .contains("before any territorial settlement")
    );
    assert_eq!(rus.evidence[0].speaker, "actors/vladimir-putin");
    assert_eq!(lock.conflicts.len(), 1);
    let c = &lock.conflicts[0];
    assert_eq!(
        (
            c.first_actor.as_str(),
            c.second_actor.as_str(),
            c.x.as_str(),
            c.y.as_str()
        ),
        ("actors/RUS", "actors/JPN", TREATY, SOVEREIGNTY)
    );

    // Distance 0.393 is above the default merge threshold 0.25: each party alone.
    let alone = client
        .list_coalitions(pb::ListCoalitionsRequest {
            dispute: DISPUTE.into(),
            as_of: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("coalitions")
        .into_inner();
    let groups: Vec<(Vec<String>, f64)> = alone
        .coalitions
        .iter()
        .map(|c| (c.members.clone(), c.cohesion))
        .collect();
    assert_eq!(
        groups,
        [
            (vec!["actors/JPN".to_owned()], 1.0),
            (vec!["actors/RUS".to_owned()], 1.0)
        ]
    );
    // At 0.4 they merge, and cohesion is their agreement.
    let together = client
        .list_coalitions(pb::ListCoalitionsRequest {
            dispute: DISPUTE.into(),
            as_of: KNOWN.into(),
            max_distance: Some(0.4),
            ..Default::default()
        })
        .await
        .expect("coalitions at 0.4")
        .into_inner();
    assert_eq!(together.coalitions.len(), 1);
    assert_eq!(together.coalitions[0].members, ["actors/JPN", "actors/RUS"]);
    assert!(close(
        together.coalitions[0].cohesion,
        1.0 - JPN_RUS_DISTANCE
    ));
    server.stop().await;
}

#[tokio::test]
async fn cooperation_series_buckets_the_known_past_events() {
    let server = Server::start(true, true).await;
    let mut client = analysis(&server, Some(server.reader.as_str())).await;
    let monthly = client
        .get_cooperation_series(pb::GetCooperationSeriesRequest {
            dispute: DISPUTE.into(),
            until: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("series")
        .into_inner();
    assert_eq!(monthly.granularity, pb::SeriesGranularity::Month as i32);
    // Past events: Japan–Russia consultations (2018, year precision, CONSULT, +1) and Putin's
    // proposal to Japan (2018-09-12, AGREE, +4; Putin rolls up to Russia). The Kono–Lavrov
    // meeting is only planned.
    assert_eq!(monthly.series.len(), 1);
    let s = &monthly.series[0];
    assert_eq!(
        (s.actor_a.as_str(), s.actor_b.as_str()),
        ("actors/JPN", "actors/RUS")
    );
    assert_eq!(s.buckets.len(), 9); // January to September, empty months included
    let jan = &s.buckets[0];
    assert_eq!(jan.start, "2018-01-01");
    assert_eq!(
        (jan.verbal_cooperation, jan.total, jan.imprecise),
        (1, 1, 1)
    );
    assert_eq!(jan.mean_intensity, Some(1.0));
    assert!(
        s.buckets[1..8]
            .iter()
            .all(|b| b.total == 0 && b.mean_intensity.is_none())
    );
    let sep = &s.buckets[8];
    assert_eq!(sep.start, "2018-09-01");
    assert_eq!(
        (sep.verbal_cooperation, sep.total, sep.imprecise),
        (1, 1, 0)
    );
    assert_eq!(sep.mean_intensity, Some(4.0));
    // Least squares through (0, 1) and (8, 4).
    let trend = s.trend.as_ref().expect("two non-empty buckets");
    assert!(close(trend.slope, 3.0 / 8.0) && close(trend.intercept, 1.0));
    assert_eq!(trend.points, 2);

    // Weekly from September: only the proposal, in the week from Monday 2018-09-10.
    let weekly = client
        .get_cooperation_series(pb::GetCooperationSeriesRequest {
            dispute: DISPUTE.into(),
            granularity: pb::SeriesGranularity::Week as i32,
            since: "2018-09-01".into(),
            until: KNOWN.into(),
            ..Default::default()
        })
        .await
        .expect("weekly")
        .into_inner();
    let starts: Vec<&str> = weekly.series[0]
        .buckets
        .iter()
        .map(|b| b.start.as_str())
        .collect();
    assert_eq!(starts, ["2018-09-10"]);
    assert!(weekly.series[0].trend.is_none());
    // Without roll-up Putin is his own actor; the pair filter keeps Japan–Russia only.
    let pair = client
        .get_cooperation_series(pb::GetCooperationSeriesRequest {
            dispute: DISPUTE.into(),
            actor: "actors/RUS".into(),
            other_actor: "actors/JPN".into(),
            until: KNOWN.into(),
            roll_up: Some(false),
            ..Default::default()
        })
        .await
        .expect("pair")
        .into_inner();
    assert_eq!(pair.series.len(), 1);
    assert_eq!(pair.series[0].buckets.len(), 1);
    assert_eq!(pair.series[0].buckets[0].start, "2018-01-01");
    let putin = client
        .get_cooperation_series(pb::GetCooperationSeriesRequest {
            dispute: DISPUTE.into(),
            actor: "actors/vladimir-putin".into(),
            until: KNOWN.into(),
            roll_up: Some(false),
            ..Default::default()
        })
        .await
        .expect("putin")
        .into_inner();
    assert_eq!(putin.series.len(), 1);
    assert_eq!(putin.series[0].actor_b, "actors/vladimir-putin");
    // Nothing was reported before the article.
    let early = client
        .get_cooperation_series(pb::GetCooperationSeriesRequest {
            dispute: DISPUTE.into(),
            until: "2018-09-18".into(),
            ..Default::default()
        })
        .await
        .expect("early")
        .into_inner();
    assert!(early.series.is_empty());
    server.stop().await;
}
