//! Parity: one table of questions (`tests/parity/questions.json`) asked through the engine, the
//! `polemos` binary and a real gRPC server on 127.0.0.1:0, all on the same store, must get the
//! same answers and the same error kinds. The Python Engine and Client answer the same table in
//! `python/tests/test_parity.py`. Runs on SQLite, and on PostgreSQL where it is installed.

mod parity_writes;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use polemos_engine::{Access, Filter};
use polemos_grpc::{self as grpc, Limits};
use polemos_grpc_testkit::{Auth, Server};
use polemos_proto::v1 as pb;
use polemos_proto::v1::analysis_service_client::AnalysisServiceClient;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_store::{Kind, Store};
use serde::Deserialize;
use tokio_stream::StreamExt;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Status};

#[derive(Debug, Deserialize)]
struct Table {
    seed: Vec<String>,
    questions: Vec<Question>,
}

#[derive(Debug, Clone, Deserialize)]
struct Question {
    id: String,
    list: Option<String>,
    analysis: Option<String>,
    forecast: Option<String>,
    dispute: Option<String>,
    actor: Option<String>,
    issue: Option<String>,
    as_of: Option<String>,
    revision: Option<u64>,
    count: Option<usize>,
    peace_treaty: Option<f64>,
    error: Option<String>,
    /// Page through the list this many at a time (each interface's own paging), asserting no
    /// page is longer.
    page_size: Option<i64>,
    /// `forged`: take the first page's token and alter it; `other`: take the first page's
    /// token of the same list with `other_actor` / `other_revision`, then ask this question's
    /// list with it. Either must be refused.
    token: Option<String>,
    other_actor: Option<String>,
    other_revision: Option<u64>,
}

/// Pages through `q`'s list with `$call` (`$fq`: the question a page is for, `$token`: the
/// page token), which gives `Ok((names, next_token))` or `Err(error kind)`; the answer is every
/// name in order, or the error; with `q.token`, the answer to the altered or moved token.
macro_rules! paged {
    ($q:expr, |$fq:ident, $token:ident| $call:expr) => {{
        let q: &Question = $q;
        let size = match q.page_size {
            Some(0) => 50,
            Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
            None => usize::MAX,
        };
        match q.token.as_deref() {
            None => {
                let mut names: Vec<String> = Vec::new();
                let mut next = String::new();
                let mut pages = 0;
                loop {
                    let ($fq, $token): (Question, String) = (q.clone(), next.clone());
                    match $call {
                        Err(kind) => break Answer::Error(kind),
                        Ok((page, token)) => {
                            let page: Vec<String> = page;
                            assert!(
                                page.len() <= size,
                                "{}: a page of {} > {size}",
                                q.id,
                                page.len()
                            );
                            pages += 1;
                            assert!(pages < 100, "{}: pages do not end", q.id);
                            names.extend(page);
                            if token.is_empty() {
                                break Answer::Names(names);
                            }
                            next = token;
                        }
                    }
                }
            }
            Some(how) => {
                let mut first = q.clone();
                if how == "other" {
                    first.actor = q.other_actor.clone().or(first.actor);
                    first.revision = q.other_revision.or(first.revision);
                }
                let ($fq, $token): (Question, String) = (first, String::new());
                let token: String = match $call {
                    Ok((_, token)) => token,
                    Err(kind) => panic!("{}: the first page failed: {kind}", q.id),
                };
                assert!(!token.is_empty(), "{}: the first page is the last", q.id);
                let token = if how == "forged" {
                    let mut t = token;
                    let last = if t.ends_with('0') { "1" } else { "0" };
                    t.pop();
                    t.push_str(last);
                    t
                } else {
                    token
                };
                let ($fq, $token): (Question, String) = (q.clone(), token);
                match $call {
                    Ok((names, _)) => Answer::Names(names),
                    Err(kind) => Answer::Error(kind),
                }
            }
        }
    }};
}

/// What an interface answered, in a form all four can be compared in.
#[derive(Debug, Clone, PartialEq)]
enum Answer {
    /// A list: the resource names in the order given.
    Names(Vec<String>),
    /// An analysis: one `actor issue position` line per row, sorted.
    Rows(Vec<String>),
    /// A forecast: (dimension, forecast) per dimension.
    Outcome(Vec<(String, f64)>),
    /// A failure: the engine's error kind (`not_found`).
    Error(String),
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn table() -> Table {
    let text = std::fs::read_to_string(root().join("tests/parity/questions.json")).expect("table");
    serde_json::from_str(&text).expect("table json")
}

// ------------------------------------------------------------------------------ the engine

fn date(q: &Question) -> Result<Option<chrono::NaiveDate>, polemos_engine::Error> {
    q.as_of
        .as_deref()
        .map(|d| polemos_engine::names::parse_date("as_of", d))
        .transpose()
}

fn engine_answer(store: &dyn Store, q: &Question) -> Answer {
    let result = (|| -> Result<Answer, polemos_engine::Error> {
        if let Some(model) = &q.forecast {
            let dispute = q.dispute.as_deref().unwrap_or_default();
            let built = polemos_engine::forecast::scenario(store, dispute, date(q)?, q.revision)?;
            let f = polemos_engine::forecast::model(model, None)?.run(&built.scenario)?;
            return Ok(Answer::Outcome(
                f.outcome
                    .iter()
                    .map(|o| (o.dimension.clone(), o.forecast))
                    .collect(),
            ));
        }
        if q.analysis.is_some() {
            let dispute = q.dispute.as_deref().unwrap_or_default();
            let options = polemos_engine::analysis::DEFAULTS.consolidation();
            let found = polemos_engine::analysis::current_stances(
                store,
                dispute,
                date(q)?,
                q.revision,
                &options,
            )?;
            return Ok(rows(found.iter().map(|s| {
                (s.actor.to_string(), s.issue.to_string(), s.position.get())
            })));
        }
        let kind = polemos_engine::list::kind_of(q.list.as_deref().unwrap_or_default())?;
        if q.page_size.is_some() {
            let tokens = polemos_store::PageTokens::from_secret(b"parity");
            return Ok(paged!(q, |fq, token| (|| {
                let size = polemos_engine::page_size(fq.page_size.unwrap_or(0))?;
                let page = polemos_engine::list_page(
                    store,
                    &tokens,
                    kind,
                    &filter_of(&fq)?,
                    size,
                    &token,
                )?;
                let names: Vec<String> = page
                    .items
                    .iter()
                    .map(|r| polemos_store::record_name(&r.value).to_owned())
                    .collect();
                Ok::<_, polemos_engine::Error>((names, page.next_page_token))
            })()
            .map_err(|e| e.kind().as_str().to_owned())));
        }
        let rows = polemos_engine::list(store, kind, &filter_of(q)?)?;
        Ok(Answer::Names(
            rows.iter()
                .map(|r| polemos_store::record_name(&r.value).to_owned())
                .collect(),
        ))
    })();
    result.unwrap_or_else(|e| Answer::Error(e.kind().as_str().to_owned()))
}

fn filter_of(q: &Question) -> Result<Filter, polemos_engine::Error> {
    Ok(Filter {
        dispute: q.dispute.clone(),
        actor: q.actor.clone(),
        issue: q.issue.clone(),
        as_of: date(q)?,
        revision: q.revision,
    })
}

fn rows(found: impl Iterator<Item = (String, String, f64)>) -> Answer {
    let mut lines: Vec<String> = found.map(|(a, i, p)| format!("{a} {i} {p}")).collect();
    lines.sort();
    Answer::Rows(lines)
}

// ------------------------------------------------------------------------------ the CLI

/// The error kind of a failed `polemos` run, by the exit codes of docs/engine.md (clap's usage
/// errors, such as a malformed date, are 2 too).
fn cli_kind(q: &Question, args: &[String], out: &std::process::Output) -> String {
    match out.status.code() {
        Some(2) => "invalid_argument",
        Some(3) => "not_found",
        Some(4) => "failed_precondition",
        other => panic!(
            "{}: polemos {args:?} failed with {other:?}: {}",
            q.id,
            String::from_utf8_lossy(&out.stderr)
        ),
    }
    .to_owned()
}

fn filter_args(q: &Question) -> Vec<String> {
    let mut args = Vec::new();
    for (flag, value) in [
        ("--dispute", q.dispute.clone()),
        ("--actor", q.actor.clone()),
        ("--issue", q.issue.clone()),
        ("--as-of", q.as_of.clone()),
        ("--revision", q.revision.map(|r| r.to_string())),
    ] {
        if let Some(v) = value {
            args.extend([flag.to_owned(), v]);
        }
    }
    args
}

/// One page through `polemos show --page-size N --page-token T --json`.
fn cli_page(db: &str, q: &Question, token: &str) -> Result<(Vec<String>, String), String> {
    let mut args: Vec<String> = vec!["--db".into(), db.into(), "--json".into(), "show".into()];
    args.push(q.list.clone().unwrap_or_default());
    args.extend(filter_args(q));
    args.extend(["--page-size".into(), q.page_size.unwrap_or(0).to_string()]);
    if !token.is_empty() {
        args.extend(["--page-token".into(), token.to_owned()]);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(&args)
        .output()
        .expect("run polemos");
    if !out.status.success() {
        return Err(cli_kind(q, &args, &out));
    }
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    let names = json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["name"].as_str().expect("name").to_owned())
        .collect();
    let next = json["next_page_token"].as_str().expect("next_page_token");
    Ok((names, next.to_owned()))
}

fn cli_answer(db: &str, q: &Question) -> Answer {
    if q.page_size.is_some() {
        return paged!(q, |fq, token| cli_page(db, &fq, &token));
    }
    let mut args: Vec<String> = vec!["--db".into(), db.into(), "--json".into()];
    match (&q.list, &q.analysis, &q.forecast) {
        (Some(kind), _, _) => args.extend(["show".into(), kind.clone()]),
        (None, Some(analysis), _) => args.extend(["analyze".into(), analysis.clone()]),
        (None, None, Some(model)) => {
            args.extend(["forecast".into(), "--model".into(), model.clone()]);
        }
        (None, None, None) => panic!("{}: neither list, analysis nor forecast", q.id),
    }
    args.extend(filter_args(q));
    let out = Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(&args)
        .output()
        .expect("run polemos");
    if !out.status.success() {
        return Answer::Error(cli_kind(q, &args, &out));
    }
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    if q.analysis.is_some() {
        return rows(json.as_array().expect("a json list").iter().map(|r| {
            (
                r["actor"].as_str().expect("actor").to_owned(),
                r["issue"].as_str().expect("issue").to_owned(),
                r["position"].as_f64().expect("position"),
            )
        }));
    }
    if q.forecast.is_some() {
        let outcome = json["outcome"].as_array().expect("outcome");
        return Answer::Outcome(
            outcome
                .iter()
                .map(|o| {
                    (
                        o["dimension"].as_str().expect("dimension").to_owned(),
                        o["forecast"].as_f64().expect("forecast"),
                    )
                })
                .collect(),
        );
    }
    Answer::Names(
        json.as_array()
            .expect("a json list")
            .iter()
            .map(|r| r["name"].as_str().expect("name").to_owned())
            .collect(),
    )
}

// ------------------------------------------------------------------------------ gRPC

type Dossiers = DossierServiceClient<InterceptedService<Channel, Auth>>;
type Analyses = AnalysisServiceClient<InterceptedService<Channel, Auth>>;

/// A name as the gRPC API takes it: a full resource name (`actors/JPN`), which a client builds
/// from what its user typed, as the Python Client does.
fn full(collection: &str, value: Option<&String>) -> String {
    match value {
        None => String::new(),
        Some(v) if v.contains('/') => v.clone(),
        Some(v) => format!("{collection}/{v}"),
    }
}

fn kind_of_status(status: &Status) -> String {
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
        "issues" => {
            // ListIssues takes one parent; all issues are every dispute's, as the Client does.
            let parents = if dispute.is_empty() {
                all_pages!(
                    d,
                    list_disputes,
                    pb::ListDisputesRequest {
                        revision,
                        ..Default::default()
                    },
                    disputes
                )
            } else {
                vec![dispute]
            };
            let mut names = Vec::new();
            for parent in parents {
                names.extend(all_pages!(
                    d,
                    list_issues,
                    pb::ListIssuesRequest {
                        page_size: 2,
                        parent,
                        as_of: as_of.clone(),
                        revision,
                        ..Default::default()
                    },
                    issues
                ));
            }
            names.sort();
            names
        }
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

async fn grpc_forecast(a: &mut Analyses, q: &Question) -> Result<Vec<(String, f64)>, Status> {
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
            ..Default::default()
        })
        .await?
        .into_inner();
    while let Some(reply) = stream.next().await {
        if let Some(pb::forecast_response::Kind::Result(r)) = reply?.kind {
            return Ok(r
                .outcome
                .iter()
                .map(|o| (o.dimension.clone(), o.forecast))
                .collect());
        }
    }
    panic!("{}: the forecast stream ended without a result", q.id);
}

async fn grpc_current_stances(a: &mut Analyses, q: &Question) -> Result<Answer, Status> {
    assert!(
        q.revision.is_none(),
        "{}: the gRPC analyses read the current store",
        q.id
    );
    let reply = a
        .list_current_stances(pb::ListCurrentStancesRequest {
            dispute: full("disputes", q.dispute.as_ref()),
            as_of: q.as_of.clone().unwrap_or_default(),
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

async fn grpc_answer(d: &mut Dossiers, a: &mut Analyses, q: &Question) -> Answer {
    if q.analysis.is_some() {
        return grpc_current_stances(a, q)
            .await
            .unwrap_or_else(|s| Answer::Error(kind_of_status(&s)));
    }
    if q.page_size.is_some() {
        return paged!(q, |fq, token| grpc_page(d, &fq, token).await);
    }
    let result = if q.forecast.is_some() {
        grpc_forecast(a, q).await.map(Answer::Outcome)
    } else {
        grpc_list(d, q).await.map(Answer::Names)
    };
    result.unwrap_or_else(|s| Answer::Error(kind_of_status(&s)))
}

// ------------------------------------------------------------------------------ the table

/// Seeds `location` through the CLI (the seed files, in order: revisions 1 and 2).
fn seed(location: &str, table: &Table) {
    for file in &table.seed {
        let out = Command::new(env!("CARGO_BIN_EXE_polemos"))
            .args(["--db", location, "import"])
            .arg(root().join(file))
            .output()
            .expect("run polemos import");
        assert!(
            out.status.success(),
            "seeding {file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A gRPC server on 127.0.0.1:0 over `store`, with an admin key (polemos-grpc-testkit).
async fn serve(store: Arc<dyn Store>) -> Server {
    let options = grpc::Options {
        limits: Limits {
            poll_interval: Duration::from_millis(50),
            ..Limits::default()
        },
        ..grpc::Options::default()
    };
    Server::serve(store, options).await
}

/// Runs the whole table through the three Rust-side interfaces on the store at `location`.
async fn run_table(location: &str) {
    let table = table();
    seed(location, &table);
    // Store calls run on the blocking pool, as the server makes them: PostgreSQL's synchronous
    // client may not be driven from an async task.
    let at = location.to_owned();
    let store: Arc<dyn Store> = tokio::task::spawn_blocking(move || {
        Arc::from(polemos_engine::open(&at, Access::ReadOnly).expect("open store"))
    })
    .await
    .expect("open task");

    let server = serve(Arc::clone(&store)).await;
    let channel = server.channel().await;
    let mut dossiers =
        DossierServiceClient::with_interceptor(channel.clone(), Auth::key(&server.admin));
    let mut analyses = AnalysisServiceClient::with_interceptor(channel, Auth::key(&server.admin));

    let mut failures = Vec::new();
    for q in &table.questions {
        let (s, question) = (Arc::clone(&store), q.clone());
        let engine = tokio::task::spawn_blocking(move || engine_answer(&*s, &question))
            .await
            .expect("engine task");
        // What the table itself pins, so four interfaces agreeing on a wrong answer still fail.
        match (&engine, &q.error, q.count, q.peace_treaty) {
            (Answer::Error(kind), Some(want), _, _) if kind == want => {}
            (answer, Some(want), _, _) => {
                failures.push(format!(
                    "{}: engine gave {answer:?}, the table says {want}",
                    q.id
                ));
            }
            (Answer::Error(kind), None, _, _) => {
                failures.push(format!("{}: engine failed with {kind}", q.id));
            }
            (Answer::Names(names) | Answer::Rows(names), None, Some(count), _)
                if names.len() != count =>
            {
                failures.push(format!(
                    "{}: engine listed {} ({names:?}), the table says {count}",
                    q.id,
                    names.len()
                ));
            }
            (Answer::Outcome(outcome), None, _, Some(want)) => {
                let got = outcome
                    .iter()
                    .find(|(d, _)| d == "peace-treaty")
                    .map(|x| x.1);
                if got.is_none_or(|g| (g - want).abs() > 1e-9) {
                    failures.push(format!(
                        "{}: peace-treaty {got:?}, the table says {want}",
                        q.id
                    ));
                }
            }
            _ => {}
        }
        let cli = cli_answer(location, q);
        if cli != engine {
            failures.push(format!("{}: CLI {cli:?} != engine {engine:?}", q.id));
        }
        let grpc = grpc_answer(&mut dossiers, &mut analyses, q).await;
        if grpc != engine {
            failures.push(format!("{}: gRPC {grpc:?} != engine {engine:?}", q.id));
        }
    }
    server.stop().await;
    tokio::task::spawn_blocking(move || drop(store))
        .await
        .expect("close task");
    assert!(
        failures.is_empty(),
        "{} disagreement(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_interface_answers_the_table_alike_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("parity.db");
    run_table(db.to_str().expect("utf-8 path")).await;
}

/// A plain test that starts its own runtime: the cluster's set-up uses PostgreSQL's
/// synchronous client, which may not run inside an async task.
#[test]
fn every_interface_answers_the_table_alike_on_postgres() {
    let test = "every_interface_answers_the_table_alike_on_postgres";
    let Some(cluster) = polemos_store_testkit::pg_harness::PgCluster::shared(test) else {
        return;
    };
    let url = cluster.fresh_database().expect("database");
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(run_table(&url));
}

/// Ingest and curation (the table's `ingest` and `curation`), each question on fresh SQLite files.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_interface_ingests_and_curates_alike_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let next = std::sync::atomic::AtomicUsize::new(0);
    let fresh = || {
        let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        dir.path().join(format!("w{n}.db")).display().to_string()
    };
    let failures = parity_writes::run_writes(&fresh).await;
    assert!(
        failures.is_empty(),
        "{} disagreement(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The same on PostgreSQL, a fresh database a question and interface.
#[test]
fn every_interface_ingests_and_curates_alike_on_postgres() {
    let test = "every_interface_ingests_and_curates_alike_on_postgres";
    let Some(cluster) = polemos_store_testkit::pg_harness::PgCluster::shared(test) else {
        return;
    };
    let fresh = || cluster.fresh_database().expect("database");
    let failures = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(parity_writes::run_writes(&fresh));
    assert!(
        failures.is_empty(),
        "{} disagreement(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every kind of the table is one the engine knows, so a typo in the table cannot pass as an
/// answer that all interfaces agree on.
#[test]
fn the_table_names_real_collections_and_models() {
    for q in table().questions {
        match (&q.list, &q.analysis, &q.forecast) {
            (Some(list), None, None) => {
                let kind = polemos_engine::list::kind_of(list).expect("a collection");
                assert!(Kind::ALL.contains(&kind));
            }
            (None, Some(analysis), None) => assert_eq!(analysis, "stances", "{}", q.id),
            (None, None, Some(model)) => {
                polemos_engine::forecast::model(model, None).expect("a model");
            }
            _ => panic!("{}: exactly one of list, analysis and forecast", q.id),
        }
    }
}

/// AIP-134: an update without a mask replaces only the fields the request sets; `*` replaces
/// them all. (It used to wipe the aliases and codes a caller did not send.)
#[tokio::test]
async fn update_without_a_mask_keeps_what_it_does_not_set() {
    let store: Arc<dyn Store> = Arc::from(polemos_store::open("memory:").expect("store"));
    let text = std::fs::read_to_string(root().join("examples/dossiers/kuril-islands.json"))
        .expect("dossier");
    polemos_engine::import(&*store, &text, "test").expect("import");
    let server = serve(Arc::clone(&store)).await;
    let mut d =
        DossierServiceClient::with_interceptor(server.channel().await, Auth::key(&server.admin));
    let before = d
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
        })
        .await
        .expect("get")
        .into_inner()
        .actor
        .expect("actor");
    assert!(
        !before.aliases.is_empty(),
        "the reference actor has aliases"
    );

    let renamed = d
        .update_actor(pb::UpdateActorRequest {
            actor: Some(pb::Actor {
                name: "actors/JPN".into(),
                display_name: "Nippon".into(),
                ..Default::default()
            }),
            update_mask: None,
        })
        .await
        .expect("update without a mask")
        .into_inner()
        .actor
        .expect("actor");
    assert_eq!(renamed.display_name, "Nippon");
    assert_eq!(renamed.aliases, before.aliases, "aliases kept");
    assert_eq!(renamed.codes, before.codes, "codes kept");
    assert_eq!(renamed.kind, before.kind, "kind kept");

    let replaced = d
        .update_actor(pb::UpdateActorRequest {
            actor: Some(pb::Actor {
                name: "actors/JPN".into(),
                kind: before.kind,
                display_name: "Japan".into(),
                ..Default::default()
            }),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["*".into()],
            }),
        })
        .await
        .expect("update with *")
        .into_inner()
        .actor
        .expect("actor");
    assert_eq!(replaced.display_name, "Japan");
    assert!(replaced.aliases.is_empty(), "`*` replaces every field");

    server.stop().await;
}
