//! `AnalysisService`: the dispute report, the typed analyses (see [`super::analytics`]) and
//! forecasts, computed by polemos-core on a snapshot of the store (or an inline scenario) on the
//! blocking pool.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use polemos_core::Dossier;
use polemos_core::forecast as fc;
use polemos_engine::report;
use polemos_proto::v1 as pb;
use polemos_proto::v1::analysis_service_server::AnalysisService;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};

use super::analytics as an;
use super::convert::{self as cv, FieldError, Path};
use super::error::ApiError;
use super::forecast_convert;
use super::gate::Deadline;
use super::state::{Shared, StoreOp};

#[derive(Clone)]
pub struct Analysis {
    shared: Shared,
}

impl Analysis {
    pub fn new(shared: Shared) -> Self {
        Self { shared }
    }

    /// Runs one analysis of `dispute` on the engine's snapshot of the store at `revision`
    /// (now when unset; no date cut: the analyses apply "as of" themselves), on the blocking
    /// pool. An unknown dispute and a revision past the head are the engine's errors.
    async fn analyze<T, F>(
        &self,
        op: StoreOp,
        dispute: String,
        revision: Option<u64>,
        f: F,
    ) -> Result<Response<T>, Status>
    where
        F: FnOnce(&Dossier) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let dossier = self
            .shared
            .run(op, move |s| {
                polemos_engine::analysis::snapshot(s, &dispute, revision)
            })
            .await?;
        let out = tokio::task::spawn_blocking(move || f(&dossier))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))??;
        Ok(Response::new(out))
    }
}

fn forecast_error(e: fc::ForecastError) -> ApiError {
    ApiError::Core(e.into())
}

/// An engine refusal of a Monte Carlo option, naming the request's field: the engine calls the
/// draws `draws`, as the CLI and Python take them; this request calls them `monte_carlo_draws`.
fn monte_carlo_error(e: polemos_engine::Error) -> ApiError {
    match e {
        polemos_engine::Error::Core(polemos_core::Error::InvalidArgument { field, message })
            if field == "draws" =>
        {
            ApiError::from(FieldError::new("monte_carlo_draws", message))
        }
        other => other.into(),
    }
}

#[tonic::async_trait]
impl AnalysisService for Analysis {
    async fn get_dispute_report(
        &self,
        req: Request<pb::GetDisputeReportRequest>,
    ) -> Result<Response<pb::GetDisputeReportResponse>, Status> {
        let q = req.into_inner();
        cv::dispute_name(&Path::root("dispute"), &q.dispute).map_err(ApiError::from)?;
        let as_of = cv::date_in(&Path::root("as_of"), &q.as_of).map_err(ApiError::from)?;
        let format = match pb::ReportFormat::try_from(q.format) {
            // Unset: the engine's default format, as the CLI and Python take it.
            Ok(pb::ReportFormat::Unspecified) => report::Format::default(),
            Ok(pb::ReportFormat::Markdown) => report::Format::Markdown,
            Ok(pb::ReportFormat::Html) => report::Format::Html,
            Ok(pb::ReportFormat::Json) => report::Format::Json,
            Err(_) => {
                return Err(ApiError::from(FieldError::new(
                    "format",
                    format!("unknown enum value {}", q.format),
                ))
                .into());
            }
        };
        let (dispute, revision) = (q.dispute, q.revision);
        // The engine's report (snapshot at `revision`, the dispute checked, `as_of` defaulting
        // to today), rendered as the CLI and Python render it.
        let content = self
            .shared
            .run(StoreOp::Report, move |s| {
                report::report(s, &dispute, as_of, revision).map(|r| report::render(&r, format))
            })
            .await?;
        Ok(Response::new(pb::GetDisputeReportResponse {
            content,
            content_type: format.media_type().into(),
        }))
    }

    async fn list_current_stances(
        &self,
        req: Request<pb::ListCurrentStancesRequest>,
    ) -> Result<Response<pb::ListCurrentStancesResponse>, Status> {
        let q = an::StancesQuery::parse(req.get_ref()).map_err(ApiError::from)?;
        let (dispute, revision) = (req.get_ref().dispute.clone(), req.get_ref().revision);
        self.analyze(StoreOp::CurrentStances, dispute, revision, move |d| {
            an::current_stances(d, &q)
        })
        .await
    }

    async fn get_stance_matrix(
        &self,
        req: Request<pb::GetStanceMatrixRequest>,
    ) -> Result<Response<pb::GetStanceMatrixResponse>, Status> {
        let q = an::DisputeQuery::matrix(req.get_ref()).map_err(ApiError::from)?;
        let (dispute, revision) = (req.get_ref().dispute.clone(), req.get_ref().revision);
        self.analyze(StoreOp::StanceMatrix, dispute, revision, move |d| {
            an::stance_matrix(d, &q)
        })
        .await
    }

    async fn list_stance_shifts(
        &self,
        req: Request<pb::ListStanceShiftsRequest>,
    ) -> Result<Response<pb::ListStanceShiftsResponse>, Status> {
        let q = an::ShiftsQuery::parse(req.get_ref()).map_err(ApiError::from)?;
        let (dispute, revision) = (req.get_ref().dispute.clone(), req.get_ref().revision);
        self.analyze(StoreOp::StanceShifts, dispute, revision, move |d| {
            an::shift_list(d, &q)
        })
        .await
    }

    async fn list_deadlocks(
        &self,
        req: Request<pb::ListDeadlocksRequest>,
    ) -> Result<Response<pb::ListDeadlocksResponse>, Status> {
        let q = an::DisputeQuery::deadlocks(req.get_ref()).map_err(ApiError::from)?;
        let (dispute, revision) = (req.get_ref().dispute.clone(), req.get_ref().revision);
        self.analyze(StoreOp::Deadlocks, dispute, revision, move |d| {
            an::deadlock_list(d, &q)
        })
        .await
    }

    async fn list_coalitions(
        &self,
        req: Request<pb::ListCoalitionsRequest>,
    ) -> Result<Response<pb::ListCoalitionsResponse>, Status> {
        let q = an::CoalitionsQuery::parse(req.get_ref()).map_err(ApiError::from)?;
        let (dispute, revision) = (req.get_ref().dispute.clone(), req.get_ref().revision);
        self.analyze(StoreOp::Coalitions, dispute, revision, move |d| {
            an::coalition_list(d, &q)
        })
        .await
    }

    async fn get_cooperation_series(
        &self,
        req: Request<pb::GetCooperationSeriesRequest>,
    ) -> Result<Response<pb::GetCooperationSeriesResponse>, Status> {
        let q = an::SeriesQuery::parse(req.get_ref()).map_err(ApiError::from)?;
        let (dispute, revision) = (req.get_ref().dispute.clone(), req.get_ref().revision);
        let Some(name) = q.dispute.clone() else {
            // Every event of the store: the engine's store series, read on the blocking pool.
            let reply = self
                .shared
                .run(StoreOp::CooperationSeries, move |s| {
                    q.store_series(s, revision)
                })
                .await?;
            return Ok(Response::new(reply));
        };
        self.analyze(StoreOp::CooperationSeries, dispute, revision, move |d| {
            an::cooperation_series(d, &name, &q)
        })
        .await
    }

    async fn forecast(
        &self,
        req: Request<pb::ForecastRequest>,
    ) -> Result<Response<tonic::codegen::BoxStream<pb::ForecastResponse>>, Status> {
        let deadline = req.extensions().get::<Deadline>().map(|d| d.0);
        let q = req.into_inner();
        let name = match pb::ForecastModel::try_from(q.model) {
            Ok(pb::ForecastModel::Median) => "median",
            Ok(pb::ForecastModel::Compromise) => "compromise",
            Ok(pb::ForecastModel::Bdm) => "bdm",
            Ok(pb::ForecastModel::Smp) => "smp",
            Ok(pb::ForecastModel::Unspecified) => {
                return Err(ApiError::from(FieldError::new("model", "required")).into());
            }
            Err(_) => {
                return Err(ApiError::from(FieldError::new(
                    "model",
                    format!("unknown enum value {}", q.model),
                ))
                .into());
            }
        };
        // The engine's defaults for each model, as the CLI and Python use them.
        let model = polemos_engine::forecast::model(name, None).map_err(ApiError::from)?;
        // The engine's limits and defaults (draws, noise widths), checked before any work, as
        // the CLI and Python check them; a width that is set is checked even without draws,
        // so an out-of-range one is refused rather than silently unused.
        let options = polemos_engine::forecast::MonteCarloOptions {
            draws: q.monte_carlo_draws as usize,
            seed: q.seed,
            position_noise: q.position_noise,
            salience_noise: q.salience_noise,
            capability_noise: q.capability_noise,
            range: q.range.map(|r| (r.low, r.high)),
        };
        let params = if q.monte_carlo_draws == 0 {
            options.check_widths().map_err(ApiError::from)?;
            None
        } else {
            Some(options.params().map_err(monte_carlo_error)?)
        };
        let scenario = match q.source {
            Some(pb::forecast_request::Source::Dispute(d)) => {
                cv::dispute_name(&Path::root("dispute"), &d).map_err(ApiError::from)?;
                let as_of = cv::date_in(&Path::root("as_of"), &q.as_of).map_err(ApiError::from)?;
                let revision = q.revision;
                if params.is_none() {
                    // The engine's one forecast of a stored dispute, as the CLI and Python ask it.
                    let forecast = self
                        .shared
                        .run(StoreOp::ForecastSnapshot, move |s| {
                            polemos_engine::forecast::dispute(s, &d, &model, as_of, revision)
                        })
                        .await?;
                    let result = forecast_convert::result(&forecast, None);
                    let reply = pb::ForecastResponse {
                        kind: Some(pb::forecast_response::Kind::Result(result)),
                    };
                    let once = tokio_stream::once(Ok(reply));
                    return Ok(Response::new(Box::pin(once)));
                }
                // Monte Carlo on the dispute: the engine's scenario of it, read like every other
                // store call (a slot, a timeout), then drawn below as an inline scenario is, which
                // is what `polemos_engine::forecast::dispute_monte_carlo` does in one call.
                let built = self
                    .shared
                    .run(StoreOp::ForecastSnapshot, move |s| {
                        polemos_engine::forecast::scenario(s, &d, as_of, revision)
                    })
                    .await?;
                built.scenario
            }
            Some(pb::forecast_request::Source::ScenarioCsv(text)) => {
                if text.len() > self.shared.limits.max_text_bytes {
                    return Err(ApiError::TooLarge {
                        field: "scenario_csv".into(),
                        size: text.len(),
                        limit: self.shared.limits.max_text_bytes,
                    }
                    .into());
                }
                fc::parse_scenario("inline", &text).map_err(|e| match e {
                    fc::ForecastError::Parse { .. } | fc::ForecastError::Shape { .. } => {
                        ApiError::from(FieldError::new("scenario_csv", e.to_string()))
                    }
                    other => forecast_error(other),
                })?
            }
            None => {
                return Err(ApiError::from(FieldError::new(
                    "source",
                    "set `dispute` or `scenario_csv`",
                ))
                .into());
            }
        };
        let (tx, rx) = mpsc::channel(16);
        let draws = q.monte_carlo_draws as usize;
        tokio::task::spawn_blocking(move || {
            let done_so_far = AtomicUsize::new(0);
            let step = (draws / 20).max(1);
            // Stop drawing once nobody waits for the result: the client went away or the
            // call's deadline passed.
            let progress = |done: usize, total: usize| {
                done_so_far.store(done, Ordering::Relaxed);
                if tx.is_closed() || deadline.is_some_and(|d| Instant::now() >= d) {
                    return ControlFlow::Break(());
                }
                if done.is_multiple_of(step) || done == total {
                    // A full buffer just skips a progress message; the result always goes.
                    let _ = tx.try_send(Ok(pb::ForecastResponse {
                        kind: Some(pb::forecast_response::Kind::Progress(
                            pb::ForecastProgress {
                                done: done as u64,
                                total: total as u64,
                            },
                        )),
                    }));
                }
                ControlFlow::Continue(())
            };
            let result = match &params {
                None => model
                    .run(&scenario)
                    .map_err(forecast_error)
                    .map(|f| forecast_convert::result(&f, None)),
                // The engine's one Monte Carlo on a scenario, as the CLI and Python run it.
                Some(params) => polemos_engine::forecast::scenario_monte_carlo(
                    &model, &scenario, params, &progress,
                )
                .map_err(monte_carlo_error)
                .map(|r| forecast_convert::result(&r.baseline, Some(&r))),
            };
            let result = result.map_err(|e| {
                if deadline.is_some_and(|d| Instant::now() >= d) {
                    let done = done_so_far.load(Ordering::Relaxed);
                    ApiError::DeadlineExceeded(format!(
                        "Forecast did not finish within its deadline: {done} of {draws} draws done"
                    ))
                } else {
                    e
                }
            });
            let message = result.map(|r| pb::ForecastResponse {
                kind: Some(pb::forecast_response::Kind::Result(r)),
            });
            let _ = tx.blocking_send(message.map_err(Status::from));
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}
