//! The table's read questions asked of a gRPC server (the `DossierService` lists and the
//! `AnalysisService`), as a client that builds full resource names from what its user typed.

use polemos_grpc_testkit::Auth;
use polemos_proto::v1 as pb;
use polemos_proto::v1::analysis_service_client::AnalysisServiceClient;
use polemos_proto::v1::change_service_client::ChangeServiceClient;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use tokio_stream::StreamExt;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Status};

use super::{
    PairLine, agreement_lines, coalition_lines, deadlock_lines, rows, series_lines, shift_lines,
};
use crate::{Answer, Question};

pub type Dossiers = DossierServiceClient<InterceptedService<Channel, Auth>>;
pub type Analyses = AnalysisServiceClient<InterceptedService<Channel, Auth>>;
pub type Changes = ChangeServiceClient<InterceptedService<Channel, Auth>>;

/// The change feed after `q.changes_after` through `ListChanges`, two at a time so paging is
/// part of what is compared (the unary read ends at the head; no quiet time to wait out).
pub async fn changes(c: &mut Changes, q: &Question) -> Answer {
    let mut request = pb::ListChangesRequest {
        start_token: q.changes_after.expect("a changes question").to_string(),
        page_size: 2,
        dispute: full("disputes", q.dispute.as_ref()),
        actor: full("actors", q.actor.as_ref()),
        ..Default::default()
    };
    let mut names = Vec::new();
    loop {
        let page = match c.list_changes(request.clone()).await {
            Ok(r) => r.into_inner(),
            Err(s) => return Answer::Error(kind_of_status(&s)),
        };
        names.extend(
            page.changes
                .iter()
                .map(|m| format!("{} {}", m.revision, m.name)),
        );
        if page.next_page_token.is_empty() {
            return Answer::Names(names);
        }
        request.page_token = page.next_page_token;
    }
}

/// A name as the gRPC API takes it: a full resource name (`actors/JPN`), which a client builds
/// from what its user typed, as the Python Client does.
pub fn full(collection: &str, value: Option<&String>) -> String {
    match value {
        None => String::new(),
        Some(v) if v.contains('/') => v.clone(),
        Some(v) => format!("{collection}/{v}"),
    }
}

pub fn kind_of_status(status: &Status) -> String {
    let kind = match status.code() {
        Code::InvalidArgument => "invalid_argument",
        Code::NotFound => "not_found",
        Code::AlreadyExists => "already_exists",
        Code::FailedPrecondition => "failed_precondition",
        Code::Aborted => "aborted",
        other => panic!("unexpected status {other:?}: {status:?}"),
    };
    kind.to_owned()
}

/// Every page of one List call, two at a time so paging is part of what is compared.
macro_rules! all_pages {
    ($client:expr, $method:ident, $req:expr, $field:ident) => {{
        let mut names = Vec::new();
        let mut req = $req;
        loop {
            let page = $client.$method(req.clone()).await?.into_inner();
            names.extend(page.$field.iter().map(|x| x.name.clone()));
            if page.next_page_token.is_empty() {
                break;
            }
            req.page_token = page.next_page_token;
        }
        names
    }};
}

async fn grpc_list(d: &mut Dossiers, q: &Question) -> Result<Vec<String>, Status> {
    let dispute = full("disputes", q.dispute.as_ref());
    let actor = full("actors", q.actor.as_ref());
    let issue = q.issue.clone().unwrap_or_default();
    let as_of = q.as_of.clone().unwrap_or_default();
    let revision = q.revision;
    let names = match q.list.as_deref().unwrap_or_default() {
        "actors" => all_pages!(
            d,
            list_actors,
            pb::ListActorsRequest {
                page_size: 2,
                dispute,
                as_of,
                revision,
                ..Default::default()
            },
            actors
        ),
        "disputes" => all_pages!(
            d,
            list_disputes,
            pb::ListDisputesRequest {
                page_size: 2,
                actor,
                as_of,
                revision,
                ..Default::default()
            },
            disputes
        ),
        "issues" => all_pages!(
            d,
            list_issues,
            pb::ListIssuesRequest {
                page_size: 2,
                // Every dispute's issues: the wildcard parent of AIP-159, served by the engine.
                parent: if dispute.is_empty() {
                    "disputes/-".into()
                } else {
                    dispute
                },
                as_of,
                revision,
                ..Default::default()
            },
            issues
        ),
        "stances" => all_pages!(
            d,
            list_stances,
            pb::ListStancesRequest {
                page_size: 2,
                dispute,
                actor,
                issue,
                as_of,
                revision,
                ..Default::default()
            },
            stances
        ),
        "events" => all_pages!(
            d,
            list_events,
            pb::ListEventsRequest {
                page_size: 2,
                dispute,
                actor,
                issue,
                as_of,
                revision,
                ..Default::default()
            },
            events
        ),
        "documents" => all_pages!(
            d,
            list_documents,
            pb::ListDocumentsRequest {
                page_size: 2,
                dispute,
                as_of,
                revision,
                ..Default::default()
            },
            documents
        ),
        other => panic!("{}: unknown list {other}", q.id),
    };
    Ok(names)
}

/// One page of `q`'s list through gRPC (the paging questions ask actors and stances).
async fn grpc_page(
    d: &mut Dossiers,
    q: &Question,
    page_token: String,
) -> Result<(Vec<String>, String), String> {
    let dispute = full("disputes", q.dispute.as_ref());
    let actor = full("actors", q.actor.as_ref());
    let issue = q.issue.clone().unwrap_or_default();
    let as_of = q.as_of.clone().unwrap_or_default();
    let revision = q.revision;
    let page_size = i32::try_from(q.page_size.unwrap_or(0)).unwrap_or(i32::MAX);
    let page = match q.list.as_deref().unwrap_or_default() {
        "actors" => d
            .list_actors(pb::ListActorsRequest {
                page_size,
                page_token,
                dispute,
                as_of,
                revision,
            })
            .await
            .map(|r| {
                let r = r.into_inner();
                let names = r.actors.into_iter().map(|x| x.name).collect();
                (names, r.next_page_token)
            }),
        "stances" => d
            .list_stances(pb::ListStancesRequest {
                page_size,
                page_token,
                dispute,
                actor,
                issue,
                as_of,
                revision,
            })
            .await
            .map(|r| {
                let r = r.into_inner();
                let names = r.stances.into_iter().map(|x| x.name).collect();
                (names, r.next_page_token)
            }),
        other => panic!("{}: no paging question on {other} yet", q.id),
    };
    page.map_err(|s| kind_of_status(&s))
}

async fn grpc_forecast(a: &mut Analyses, q: &Question) -> Result<Answer, Status> {
    let model = match q.forecast.as_deref().unwrap_or_default() {
        "median" => pb::ForecastModel::Median,
        "compromise" => pb::ForecastModel::Compromise,
        "bdm" => pb::ForecastModel::Bdm,
        "smp" => pb::ForecastModel::Smp,
        other => panic!("{}: unknown model {other}", q.id),
    };
    let mut stream = a
        .forecast(pb::ForecastRequest {
            source: Some(pb::forecast_request::Source::Dispute(full(
                "disputes",
                q.dispute.as_ref(),
            ))),
            model: model as i32,
            as_of: q.as_of.clone().unwrap_or_default(),
            revision: q.revision,
            monte_carlo_draws: q.draws.map_or(0, |d| u32::try_from(d).expect("draws")),
            seed: u64::try_from(q.seed.unwrap_or_default()).expect("seed"),
            position_noise: q.position_noise,
            salience_noise: q.salience_noise,
            capability_noise: q.capability_noise,
            range: q.range.map(|[low, high]| pb::ForecastRange { low, high }),
        })
        .await?
        .into_inner();
    while let Some(reply) = stream.next().await {
        if let Some(pb::forecast_response::Kind::Result(r)) = reply?.kind {
            if q.draws.is_some() {
                return Ok(super::distributions(r.distributions.iter().map(|d| {
                    (
                        d.dimension.as_str(),
                        d.mean,
                        d.std_dev,
                        d.probability_in_range,
                    )
                })));
            }
            return Ok(Answer::Outcome(
                r.outcome
                    .iter()
                    .map(|o| (o.dimension.clone(), o.forecast))
                    .collect(),
            ));
        }
    }
    panic!("{}: the forecast stream ended without a result", q.id);
}

async fn grpc_current_stances(a: &mut Analyses, q: &Question) -> Result<Answer, Status> {
    let reply = a
        .list_current_stances(pb::ListCurrentStancesRequest {
            dispute: full("disputes", q.dispute.as_ref()),
            as_of: q.as_of.clone().unwrap_or_default(),
            revision: q.revision,
            ..Default::default()
        })
        .await?
        .into_inner();
    Ok(rows(
        reply
            .stances
            .iter()
            .map(|s| (s.actor.clone(), s.issue.clone(), s.position)),
    ))
}

async fn grpc_analysis(a: &mut Analyses, q: &Question, what: &str) -> Result<Answer, Status> {
    let dispute = full("disputes", q.dispute.as_ref());
    let as_of = q.as_of.clone().unwrap_or_default();
    let revision = q.revision;
    Ok(Answer::Rows(match what {
        "report" => {
            let reply = a
                .get_dispute_report(pb::GetDisputeReportRequest {
                    dispute,
                    as_of,
                    format: match q.format.as_deref() {
                        None => pb::ReportFormat::Json,
                        Some("default") => pb::ReportFormat::Unspecified,
                        Some("markdown") => pb::ReportFormat::Markdown,
                        Some("html") => pb::ReportFormat::Html,
                        Some(other) => panic!("{}: unknown format {other}", q.id),
                    }
                    .into(),
                    revision,
                })
                .await?
                .into_inner();
            if q.format.is_none() {
                assert_eq!(reply.content_type, "application/json", "{}", q.id);
            }
            return Ok(Answer::Text(reply.content));
        }
        "coalitions" => {
            let reply = a
                .list_coalitions(pb::ListCoalitionsRequest {
                    dispute,
                    as_of,
                    revision,
                    max_distance: q.max_distance,
                    ..Default::default()
                })
                .await?
                .into_inner();
            coalition_lines(
                reply
                    .coalitions
                    .iter()
                    .map(|c| (c.members.clone(), c.cohesion)),
            )
        }
        "shifts" => {
            let reply = a
                .list_stance_shifts(pb::ListStanceShiftsRequest {
                    dispute,
                    until: as_of,
                    revision,
                    ..Default::default()
                })
                .await?
                .into_inner();
            shift_lines(
                reply
                    .shifts
                    .iter()
                    .map(|s| (s.actor.clone(), s.issue.clone(), s.date.clone(), s.delta)),
            )
        }
        "agreement" => {
            let m = a
                .get_stance_matrix(pb::GetStanceMatrixRequest {
                    dispute,
                    as_of,
                    revision,
                    ..Default::default()
                })
                .await?
                .into_inner();
            let cells: Vec<Vec<Option<f64>>> = m
                .rows
                .iter()
                .map(|row| row.cells.iter().map(|c| c.agreement).collect())
                .collect();
            let index = m.polarization.and_then(|p| p.index);
            agreement_lines(&m.actors, &cells, index)
        }
        "deadlocks" => {
            let reply = a
                .list_deadlocks(pb::ListDeadlocksRequest {
                    dispute,
                    as_of,
                    revision,
                    ..Default::default()
                })
                .await?
                .into_inner();
            deadlock_lines(reply.deadlocks.iter().map(|d| {
                // `DEADLOCK_KIND_BETWEEN_ACTORS` → `between_actors`, the core's word.
                let kind = pb::DeadlockKind::try_from(d.kind)
                    .expect("a known kind")
                    .as_str_name()
                    .trim_start_matches("DEADLOCK_KIND_")
                    .to_lowercase();
                (kind, d.cycle.clone(), d.parties.clone())
            }))
        }
        "series" => {
            let reply = a
                .get_cooperation_series(pb::GetCooperationSeriesRequest {
                    dispute,
                    until: as_of,
                    revision,
                    ..Default::default()
                })
                .await?
                .into_inner();
            series_lines(reply.series.iter().map(|s| {
                PairLine {
                    a: s.actor_a.clone(),
                    b: s.actor_b.clone(),
                    buckets: s
                        .buckets
                        .iter()
                        .map(|b| (b.start.clone(), u64::from(b.total)))
                        .collect(),
                    slope: s.trend.as_ref().map(|t| t.slope),
                }
            }))
        }
        other => panic!("{}: no runner for the analysis {other}", q.id),
    }))
}

/// `Get{Kind}` of the question's name: the name and the revision its etag (`r2`) gives.
async fn grpc_get(d: &mut Dossiers, q: &Question) -> Result<Vec<String>, Status> {
    let name = q.get.clone().unwrap_or_default();
    let revision = q.revision;
    let (got, etag) = match name.split('/').next().unwrap_or_default() {
        "actors" => {
            let x = d.get_actor(pb::GetActorRequest { name, revision }).await?;
            let x = x.into_inner().actor.expect("actor");
            (x.name, x.etag)
        }
        "stances" => {
            let x = d
                .get_stance(pb::GetStanceRequest { name, revision })
                .await?;
            let x = x.into_inner().stance.expect("stance");
            (x.name, x.etag)
        }
        "disputes" if name.contains("/issues/") => {
            let x = d.get_issue(pb::GetIssueRequest { name, revision }).await?;
            let x = x.into_inner().issue.expect("issue");
            (x.name, x.etag)
        }
        "disputes" => {
            let x = d
                .get_dispute(pb::GetDisputeRequest { name, revision })
                .await?;
            let x = x.into_inner().dispute.expect("dispute");
            (x.name, x.etag)
        }
        "events" => {
            let x = d.get_event(pb::GetEventRequest { name, revision }).await?;
            let x = x.into_inner().event.expect("event");
            (x.name, x.etag)
        }
        _ => {
            let x = d
                .get_document(pb::GetDocumentRequest { name, revision })
                .await?;
            let x = x.into_inner().document.expect("document");
            (x.name, x.etag)
        }
    };
    let at = etag
        .strip_prefix('r')
        .expect("an etag `r{revision}`")
        .to_owned();
    Ok(vec![got, at])
}

pub async fn answer(d: &mut Dossiers, a: &mut Analyses, q: &Question) -> Answer {
    if q.get.is_some() {
        return grpc_get(d, q)
            .await
            .map_or_else(|s| Answer::Error(kind_of_status(&s)), Answer::Names);
    }
    if let Some(what) = q.analysis.as_deref().filter(|a| *a != "stances") {
        return grpc_analysis(a, q, what)
            .await
            .unwrap_or_else(|s| Answer::Error(kind_of_status(&s)));
    }
    if q.analysis.is_some() {
        return grpc_current_stances(a, q)
            .await
            .unwrap_or_else(|s| Answer::Error(kind_of_status(&s)));
    }
    if q.page_size.is_some() {
        return paged!(q, |fq, token| grpc_page(d, &fq, token).await);
    }
    let result = if q.forecast.is_some() {
        grpc_forecast(a, q).await
    } else {
        grpc_list(d, q).await.map(Answer::Names)
    };
    result.unwrap_or_else(|s| Answer::Error(kind_of_status(&s)))
}
