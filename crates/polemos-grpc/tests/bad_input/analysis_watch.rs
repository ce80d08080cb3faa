//! The AnalysisService (bad disputes, dates, options, scenarios) and WatchChanges (forged
//! tokens and filters, cancelled streams).

use polemos_grpc_testkit::{Auth, eventually};
use polemos_proto::v1 as pb;
use polemos_proto::v1::analysis_service_client::AnalysisServiceClient;
use polemos_proto::v1::change_service_client::ChangeServiceClient;
use tokio_stream::StreamExt;
use tonic::Code;

use crate::support::{Suite, fields, long, refused};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn analysis_and_watch_refuse_bad_input() {
    let s = Suite::start().await;
    let head = s.head();
    let admin = Auth::key(&s.server.admin);
    let mut analysis =
        AnalysisServiceClient::with_interceptor(s.server.channel().await, admin.clone());
    let mut changes = ChangeServiceClient::with_interceptor(s.server.channel().await, admin);

    // Analysis: bad disputes and dates, NaN options.
    refused(
        "Report bad dispute",
        analysis
            .get_dispute_report(pb::GetDisputeReportRequest {
                dispute: "kuril".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "dispute",
    );
    refused(
        "Report bad as_of",
        analysis
            .get_dispute_report(pb::GetDisputeReportRequest {
                dispute: "disputes/kuril-islands".into(),
                as_of: "+262142-12-31".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "as_of",
    );
    refused(
        "Report unknown format",
        analysis
            .get_dispute_report(pb::GetDisputeReportRequest {
                dispute: "disputes/kuril-islands".into(),
                format: 99,
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "format",
    );
    refused(
        "CurrentStances as_of",
        analysis
            .list_current_stances(pb::ListCurrentStancesRequest {
                dispute: "disputes/kuril-islands".into(),
                as_of: "2018-1-1".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "as_of",
    );
    refused(
        "Matrix bad dispute",
        analysis
            .get_stance_matrix(pb::GetStanceMatrixRequest {
                dispute: "x".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "dispute",
    );
    refused(
        "Shifts NaN threshold",
        analysis
            .list_stance_shifts(pb::ListStanceShiftsRequest {
                dispute: "disputes/kuril-islands".into(),
                threshold: Some(f64::NAN),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "threshold",
    );
    refused(
        "Shifts since",
        analysis
            .list_stance_shifts(pb::ListStanceShiftsRequest {
                dispute: "disputes/kuril-islands".into(),
                since: "+2018-01-01".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "since",
    );
    refused(
        "Deadlocks as_of",
        analysis
            .list_deadlocks(pb::ListDeadlocksRequest {
                dispute: "disputes/kuril-islands".into(),
                as_of: "9999-12-31".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "as_of",
    );
    refused(
        "Coalitions inf",
        analysis
            .list_coalitions(pb::ListCoalitionsRequest {
                dispute: "disputes/kuril-islands".into(),
                max_distance: Some(f64::INFINITY),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "max_distance",
    );
    refused(
        "Cooperation granularity",
        analysis
            .get_cooperation_series(pb::GetCooperationSeriesRequest {
                dispute: "disputes/kuril-islands".into(),
                actor: "actors/JPN".into(),
                other_actor: "actors/RUS".into(),
                granularity: 42,
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "granularity",
    );
    refused(
        "Cooperation since",
        analysis
            .get_cooperation_series(pb::GetCooperationSeriesRequest {
                dispute: "disputes/kuril-islands".into(),
                actor: "actors/JPN".into(),
                other_actor: "actors/RUS".into(),
                since: "+262142-12-31".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "since",
    );
    refused(
        "Forecast no input",
        analysis.forecast(pb::ForecastRequest::default()).await,
        Code::InvalidArgument,
        "",
    );
    refused(
        "Forecast bad CSV",
        analysis
            .forecast(pb::ForecastRequest {
                source: Some(pb::forecast_request::Source::ScenarioCsv(
                    "Actor,Capability\nx,NaN,inf".into(),
                )),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "",
    );
    // Monte Carlo past the engine's limits, on a stored dispute and on an inline scenario alike:
    // refused before any draw, naming the request's field (a width even without draws).
    let csv = "Actor,Capability,Position,Salience\nA,1,0,0.9\nB,2,100,0.5\n";
    for source in [
        pb::forecast_request::Source::Dispute("disputes/kuril-islands".into()),
        pb::forecast_request::Source::ScenarioCsv(csv.into()),
    ] {
        let ask = |draws: u32, position_noise: Option<f64>, capability_noise: Option<f64>| {
            pb::ForecastRequest {
                source: Some(source.clone()),
                model: pb::ForecastModel::Median as i32,
                monte_carlo_draws: draws,
                position_noise,
                capability_noise,
                ..Default::default()
            }
        };
        for (what, request, field) in [
            (
                "too many draws",
                ask(100_001, None, None),
                "monte_carlo_draws",
            ),
            ("negative noise", ask(8, Some(-0.1), None), "position_noise"),
            ("NaN noise", ask(8, Some(f64::NAN), None), "position_noise"),
            ("noise past 1", ask(8, None, Some(1.5)), "capability_noise"),
            // A width set without draws is checked too, not silently unused.
            (
                "negative noise without draws",
                ask(0, Some(-0.1), None),
                "position_noise",
            ),
            (
                "noise past 1 without draws",
                ask(0, None, Some(1.5)),
                "capability_noise",
            ),
        ] {
            refused(
                &format!("Forecast {what}"),
                analysis.forecast(request).await,
                Code::InvalidArgument,
                field,
            );
        }
    }

    // Watch: forged tokens and filters.
    for token in [
        "x",
        "0.1",
        "-1",
        "18446744073709551615.18446744073709551615",
        &long(5_000),
    ] {
        let r = changes
            .watch_changes(pb::WatchChangesRequest {
                start_token: token.to_owned(),
                ..Default::default()
            })
            .await;
        match r {
            Err(st) => {
                assert_eq!(st.code(), Code::InvalidArgument, "{token}");
                assert!(fields(&st).contains(&"start_token".to_owned()));
            }
            // A syntactically valid token from the future is accepted and simply waits.
            Ok(_) => assert!(token.starts_with("1844"), "{token} accepted"),
        }
    }
    refused(
        "Watch bad dispute",
        changes
            .watch_changes(pb::WatchChangesRequest {
                dispute: "kuril".into(),
                ..Default::default()
            })
            .await,
        Code::InvalidArgument,
        "dispute",
    );
    // A stream cancelled by its client ends on the server.
    let mut stream = changes
        .watch_changes(pb::WatchChangesRequest {
            start_token: "0".into(),
            ..Default::default()
        })
        .await
        .expect("watch")
        .into_inner();
    stream.next().await.expect("one change").expect("ok");
    drop(stream);
    let gauges = std::sync::Arc::clone(&s.server.shared.gauges);
    eventually("the cancelled stream ends", || {
        gauges.open_streams.get() == 0
    })
    .await;

    s.intact(head, "bad analyses and watches").await;
    s.server.stop().await;
}
