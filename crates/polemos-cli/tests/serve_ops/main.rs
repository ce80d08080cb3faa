//! Operational behaviour of the server: TLS (in process, with a certificate authority made at
//! test time), call deadlines, idempotent creates (AIP-155 request ids), and, driving the
//! binary, `polemos serve`'s configuration (flags, `POLEMOS_*` environment, config file) and its
//! errors for bad TLS or config files, its metrics endpoint, and Gets that see what another
//! process commits to its SQLite file; the knowledge it extracts with is in `knowledge.rs`.

mod knowledge;

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use polemos_core::Dossier;
use polemos_grpc::{Keys, Limits, Options};
use polemos_grpc_testkit::{ARTICLE, KURIL, Server, spawn_serving_with_metrics, with_key};
use polemos_proto::v1 as pb;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use tonic::transport::{Certificate, Channel, ClientTlsConfig};
use tonic::{Code, Request};
use tonic_types::StatusExt;

/// A certificate authority and a server certificate for `localhost` signed by it, as PEM.
struct Pki {
    ca_pem: String,
    cert_pem: String,
    key_pem: String,
}

fn make_pki(ca_name: &str) -> Pki {
    let ca_key = KeyPair::generate().expect("CA key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, ca_name);
    let ca = ca_params.self_signed(&ca_key).expect("CA certificate");
    let issuer = Issuer::new(ca_params, ca_key);
    let key = KeyPair::generate().expect("server key");
    let cert = CertificateParams::new(vec!["localhost".to_owned()])
        .expect("server params")
        .signed_by(&key, &issuer)
        .expect("server certificate");
    Pki {
        ca_pem: ca.pem(),
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
    }
}

/// A server on 127.0.0.1:0 over an in-memory store holding the reference dossier, open to
/// every caller (authentication is tested elsewhere).
async fn start(tls: Option<(Vec<u8>, Vec<u8>)>, limits: Limits, timeout: Duration) -> Server {
    let dossier = Dossier::from_json(KURIL).expect("reference dossier");
    let mut keys = Keys::default();
    keys.open = true;
    let options = Options {
        keys,
        limits,
        max_message_bytes: 8 << 20,
        request_timeout: timeout,
        tls,
        ..Options::default()
    };
    Server::start_with(options, Some(&dossier)).await
}

async fn get_japan(channel: Channel) -> Result<String, tonic::Status> {
    let got = DossierServiceClient::new(channel)
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
            revision: None,
        })
        .await?;
    Ok(got
        .into_inner()
        .actor
        .map(|a| a.display_name)
        .unwrap_or_default())
}

/// A TLS channel to `port` trusting `ca_pem`, or the error connecting.
async fn tls_channel(port: u16, ca_pem: &str) -> Result<Channel, tonic::transport::Error> {
    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(ca_pem))
        .domain_name("localhost");
    Channel::from_shared(format!("https://127.0.0.1:{port}"))
        .expect("url")
        .tls_config(tls)?
        .connect()
        .await
}

#[tokio::test]
async fn tls_serves_clients_trusting_its_ca_and_no_one_else() {
    let pki = make_pki("polemos test CA");
    let server = start(
        Some((pki.cert_pem.into_bytes(), pki.key_pem.into_bytes())),
        Limits::default(),
        Duration::from_secs(30),
    )
    .await;

    let channel = tls_channel(server.addr.port(), &pki.ca_pem)
        .await
        .expect("TLS connect");
    assert_eq!(get_japan(channel).await.expect("call over TLS"), "Japan");

    // A plaintext client gets no answer from a TLS port.
    let plain = Channel::from_shared(format!("http://127.0.0.1:{}", server.addr.port()))
        .expect("url")
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(5));
    let plain_result = match plain.connect().await {
        Ok(channel) => get_japan(channel).await.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    assert!(
        plain_result.is_err(),
        "plaintext call succeeded on a TLS port"
    );

    // A client trusting another CA refuses the server's certificate.
    let other = make_pki("some other CA");
    let untrusted = match tls_channel(server.addr.port(), &other.ca_pem).await {
        Ok(channel) => get_japan(channel).await.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    assert!(
        untrusted.is_err(),
        "a client trusting another CA got through"
    );
    server.stop().await;
}

fn big_extract() -> pb::ExtractRequest {
    // About 1 MiB of news text: far more than 50 ms of extraction.
    let text = ARTICLE.repeat((1 << 20) / ARTICLE.len());
    pb::ExtractRequest {
        document: Some(pb::Document {
            text,
            published: "2018-11-15".into(),
            ..Default::default()
        }),
    }
}

async fn extract(server: &Server, request: Request<pb::ExtractRequest>) -> tonic::Status {
    ExtractionServiceClient::new(server.channel().await)
        .max_encoding_message_size(8 << 20)
        .extract(request)
        .await
        .expect_err("the deadline passes first")
}

#[tokio::test]
async fn calls_past_their_deadline_end_before_their_work_and_the_server_keeps_serving() {
    let limits = Limits {
        max_text_bytes: 4 << 20,
        ..Limits::default()
    };
    let server = start(None, limits, Duration::from_millis(50)).await;
    let running = || server.shared.gauges.extractions_running.get();

    // The server's own limit: DEADLINE_EXCEEDED (not CANCELLED) with a reason, answered while
    // the extraction it abandoned still runs (seconds of work against a 50 ms deadline): the
    // answer did not wait for the work. Order, not a stopwatch, so a loaded machine cannot
    // fail it.
    let err = extract(&server, Request::new(big_extract())).await;
    assert_eq!(err.code(), Code::DeadlineExceeded, "{err:?}");
    assert_eq!(
        err.get_details_error_info().map(|i| i.reason),
        Some("DEADLINE_EXCEEDED".to_owned())
    );
    assert!(err.message().contains("Extract"), "{}", err.message());
    assert!(
        running() >= 1,
        "the answer waited for the extraction to end"
    );

    // A shorter client deadline: the client gives up at once. (tonic's client also times the
    // call itself and reports its own expiry as CANCELLED, so either code may arrive first.)
    let mut request = Request::new(big_extract());
    request.set_timeout(Duration::from_millis(20));
    let err = extract(&server, request).await;
    assert!(
        matches!(err.code(), Code::DeadlineExceeded | Code::Cancelled),
        "{err:?}"
    );

    // Other calls are served meanwhile (abandoned extractions run off the async workers).
    assert_eq!(
        get_japan(server.channel().await).await.expect("get"),
        "Japan"
    );
    assert!(running() >= 1, "the Get waited for the extractions");
    server.stop().await;
}

#[tokio::test]
async fn list_etags_match_get_and_filters_see_the_entities_they_need() {
    let server = start(None, Limits::default(), Duration::from_secs(30)).await;
    let dossier = Dossier::from_json(KURIL).expect("dossier");
    let mut client = DossierServiceClient::new(server.channel().await);
    // Change one stance so that etags differ between entities.
    let mut stance = client
        .get_stance(pb::GetStanceRequest {
            name: dossier.stances[0].name.to_string(),
            revision: None,
        })
        .await
        .expect("get")
        .into_inner()
        .stance
        .expect("stance");
    stance.salience = if stance.salience > 0.5 { 0.25 } else { 0.75 };
    client
        .update_stance(pb::UpdateStanceRequest {
            stance: Some(stance),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["salience".into()],
            }),
        })
        .await
        .expect("update");
    let listed = client
        .list_stances(pb::ListStancesRequest {
            page_size: 1000,
            ..Default::default()
        })
        .await
        .expect("list")
        .into_inner()
        .stances;
    assert_eq!(listed.len(), dossier.stances.len());
    let etags: std::collections::HashSet<&str> = listed.iter().map(|s| s.etag.as_str()).collect();
    assert_eq!(etags.len(), 2, "imported and updated: {etags:?}");
    for s in &listed {
        let got = client
            .get_stance(pb::GetStanceRequest {
                name: s.name.clone(),
                revision: None,
            })
            .await
            .expect("get")
            .into_inner()
            .stance
            .expect("stance");
        assert_eq!(&got, s, "List and Get agree on {}", s.name);
    }

    // Filters that look at other kinds: the actors and events the dispute involves (the
    // engine's one meaning, docs/engine.md: what `Dossier::for_dispute` keeps).
    let dispute = &dossier.disputes[0];
    let involved = dossier.for_dispute(&dispute.name);
    let actors = client
        .list_actors(pb::ListActorsRequest {
            dispute: dispute.name.to_string(),
            ..Default::default()
        })
        .await
        .expect("actors")
        .into_inner()
        .actors;
    // In the order they were first stored: the dossier's, as it was imported in one batch.
    let expected: Vec<String> = involved.actors.iter().map(|a| a.name.to_string()).collect();
    let names: Vec<String> = actors.into_iter().map(|a| a.name).collect();
    assert_eq!(names, expected);
    assert!(names.len() < dossier.actors.len(), "the filter filters");
    let events = client
        .list_events(pb::ListEventsRequest {
            dispute: dispute.name.to_string(),
            ..Default::default()
        })
        .await
        .expect("events")
        .into_inner()
        .events;
    let expected = involved.events.len();
    assert_eq!(events.len(), expected);
    assert!(expected > 0);
    // An unknown dispute is NOT_FOUND, not an empty page.
    let err = client
        .list_events(pb::ListEventsRequest {
            dispute: "disputes/elsewhere".into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown dispute");
    assert_eq!(err.code(), Code::NotFound);
    server.stop().await;
}

fn korea() -> pb::Actor {
    pb::Actor {
        kind: pb::ActorKind::State as i32,
        display_name: "South Korea".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_request_id_replays_the_original_response_and_refuses_another_request() {
    let server = start(None, Limits::default(), Duration::from_secs(30)).await;
    let mut client = DossierServiceClient::new(server.channel().await);
    let create = |actor: pb::Actor, id: &str, request_id: &str| pb::CreateActorRequest {
        actor: Some(actor),
        actor_id: id.into(),
        request_id: request_id.into(),
    };
    let first = client
        .create_actor(create(korea(), "KOR", "req-1"))
        .await
        .expect("create")
        .into_inner()
        .actor
        .expect("actor");

    // Changed since: a retry still gets what the first call returned, and writes nothing.
    let mut renamed = first.clone();
    renamed.display_name = "Republic of Korea".into();
    let updated = client
        .update_actor(pb::UpdateActorRequest {
            actor: Some(renamed),
            update_mask: Some(prost_types::FieldMask {
                paths: vec!["display_name".into()],
            }),
        })
        .await
        .expect("update")
        .into_inner()
        .actor
        .expect("actor");
    assert_ne!(updated.etag, first.etag);
    let retry = client
        .create_actor(create(korea(), "KOR", "req-1"))
        .await
        .expect("retry")
        .into_inner()
        .actor
        .expect("actor");
    assert_eq!(retry, first, "the original response, etag included");
    // The same request naming the actor in the message rather than by id is the same request.
    let mut named = korea();
    named.name = "actors/KOR".into();
    let retry = client
        .create_actor(create(named, "", "req-1"))
        .await
        .expect("retry, named in the message");
    assert_eq!(retry.into_inner().actor.as_ref(), Some(&first));

    // The key reused for another request: INVALID_ARGUMENT naming request_id, nothing written.
    let mut other = korea();
    other.display_name = "North Korea".into();
    let err = client
        .create_actor(create(other, "PRK", "req-1"))
        .await
        .expect_err("reused key");
    assert_eq!(err.code(), Code::InvalidArgument, "{err:?}");
    let violations = err.get_details_bad_request().expect("bad request");
    assert_eq!(violations.field_violations[0].field, "request_id");
    let missing = client
        .get_actor(pb::GetActorRequest {
            name: "actors/PRK".into(),
            revision: None,
        })
        .await
        .expect_err("not created");
    assert_eq!(missing.code(), Code::NotFound);

    // A new key for a taken name is an ordinary create: ALREADY_EXISTS.
    let err = client
        .create_actor(create(korea(), "KOR", "req-2"))
        .await
        .expect_err("taken");
    assert_eq!(err.code(), Code::AlreadyExists);

    // Deleted since: the retry still answers from history and does not re-create it.
    client
        .delete_actor(pb::DeleteActorRequest {
            name: "actors/KOR".into(),
            etag: String::new(),
        })
        .await
        .expect("delete");
    let retry = client
        .create_actor(create(korea(), "KOR", "req-1"))
        .await
        .expect("retry after delete");
    assert_eq!(retry.into_inner().actor.as_ref(), Some(&first));
    let gone = client
        .get_actor(pb::GetActorRequest {
            name: "actors/KOR".into(),
            revision: None,
        })
        .await
        .expect_err("still deleted");
    assert_eq!(gone.code(), Code::NotFound);
    server.stop().await;
}

// ---------------------------------------------------------------- `polemos serve` configuration

/// Runs `polemos serve` in `dir` with the given arguments and environment, with every
/// `POLEMOS_*` variable of the test's own environment removed. These runs are all expected to
/// fail at start-up; one still running after 30 s is killed (and then fails the assertions).
fn serve(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_polemos"));
    for (name, _) in std::env::vars() {
        if name.starts_with("POLEMOS_") {
            cmd.env_remove(name);
        }
    }
    let db = dir.join("polemos.db");
    cmd.current_dir(dir)
        .args(["--db", db.to_str().expect("utf-8 path"), "serve"])
        .args(args)
        .envs(env.iter().copied())
        .env("POLEMOS_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("runs");
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The run failed with a one-line error (no panic) containing every one of `needles`.
fn assert_clear_error(o: &Output, needles: &[&str]) {
    let err = stderr(o);
    assert!(!o.status.success(), "expected a failure; stderr: {err}");
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "panicked: {err}");
    for needle in needles {
        assert!(err.contains(needle), "`{needle}` not in: {err}");
    }
}

#[test]
fn settings_come_from_flag_then_environment_then_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("polemos.toml");
    // An unparsable metrics address stops the server before it binds anything, naming the
    // value that won.
    std::fs::write(&config, "metrics_listen = \"from-file\"\n").expect("write config");
    let config = config.to_str().expect("utf-8 path");
    let env_value = [("POLEMOS_METRICS_LISTEN", "from-env")];

    let all = serve(
        dir.path(),
        &["--config", config, "--metrics-listen", "from-flag"],
        &env_value,
    );
    assert_clear_error(&all, &["`from-flag`"]);
    let env_and_file = serve(dir.path(), &["--config", config], &env_value);
    assert_clear_error(&env_and_file, &["`from-env`"]);
    let file_only = serve(dir.path(), &["--config", config], &[]);
    assert_clear_error(&file_only, &["`from-file`"]);
    // The config file itself may be named in the environment.
    let file_by_env = serve(dir.path(), &[], &[("POLEMOS_CONFIG", config)]);
    assert_clear_error(&file_by_env, &["`from-file`"]);

    // File beats default: TLS paths from the file are used (and, missing, reported by path).
    let tls = dir.path().join("tls.toml");
    std::fs::write(
        &tls,
        "tls_cert = \"file-cert.pem\"\ntls_key = \"file-key.pem\"\nmetrics_listen = \"off\"\n",
    )
    .expect("write config");
    let tls = tls.to_str().expect("path");
    let file_cert = dir.path().join("file-cert.pem");
    let out = serve(dir.path(), &["--config", tls], &[]);
    assert_clear_error(&out, &[tls, "tls_cert", file_cert.to_str().expect("path")]);
    std::fs::write(
        dir.path().join("file-key.pem"),
        "not read: the certificate fails first",
    )
    .expect("write key");
    let env_cert = [("POLEMOS_TLS_CERT", "env-cert.pem")];
    let out = serve(dir.path(), &["--config", tls], &env_cert);
    assert_clear_error(&out, &["reading env-cert.pem"]);
}

/// A config file's relative paths are taken from its directory, so it means the same from any
/// working directory; a flag's (or variable's) stay relative to the working directory.
#[test]
fn a_config_files_relative_paths_are_taken_from_its_directory() {
    let root = tempfile::tempdir().expect("temp dir");
    let (conf, elsewhere) = (root.path().join("conf"), root.path().join("elsewhere"));
    std::fs::create_dir(&conf).expect("mkdir");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    let config = conf.join("serve.toml");
    let config_name = config.to_str().expect("path");
    let write = |text: &str| std::fs::write(&config, text).expect("write config");
    let in_conf = |name: &str| conf.join(name).to_str().expect("path").to_owned();

    // Found beside the config file, not in the working directory: the certificate is read and
    // refused for what it holds, under the name it resolved to.
    std::fs::write(conf.join("cert.pem"), "this is not PEM\n").expect("write");
    std::fs::write(conf.join("key.pem"), "this is not PEM\n").expect("write");
    write("tls_cert = \"cert.pem\"\ntls_key = \"key.pem\"\nmetrics_listen = \"off\"\n");
    let out = serve(&elsewhere, &["--config", config_name], &[]);
    assert_clear_error(&out, &["TLS certificate", &in_conf("cert.pem")]);
    // The same name as a flag is the working directory's.
    let flags = ["--config", config_name, "--tls-cert", "cert.pem"];
    assert_clear_error(&serve(&elsewhere, &flags, &[]), &["reading cert.pem"]);

    // A missing file names the config file, the key and the path it resolved to.
    for (text, key, missing) in [
        (
            "lexicons = [\"mine.tsv\"]\n",
            "lexicons",
            in_conf("mine.tsv"),
        ),
        ("data_dir = \"data\"\n", "data_dir", in_conf("data")),
        (
            "syntax_model = \"en.model\"\n",
            "syntax_model",
            in_conf("en.model"),
        ),
        ("language = \"lang.tsv\"\n", "language", in_conf("lang.tsv")),
        (
            "tls_key = \"../key.pem\"\n",
            "tls_key",
            in_conf("../key.pem"),
        ),
        // A keys file may not exist yet (an empty key set), but its directory must.
        (
            "keys_file = \"keys/keys.json\"\n",
            "keys_file",
            in_conf("keys"),
        ),
    ] {
        write(&format!("metrics_listen = \"off\"\n{text}"));
        let out = serve(&elsewhere, &["--config", config_name], &[]);
        assert_clear_error(&out, &[config_name, &format!(": {key}: "), &missing]);
    }
}

#[test]
fn a_bad_config_file_is_a_clear_error_naming_the_file_and_the_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.toml");
    let name = path.to_str().expect("utf-8 path");

    std::fs::write(&path, "listen = \"127.0.0.1:0\"\nlistn = \"127.0.0.1:1\"\n").expect("write");
    let out = serve(dir.path(), &["--config", name], &[]);
    assert_clear_error(&out, &[name, "unknown field `listn`", "line 2"]);

    std::fs::write(&path, "metrics_listen = \"off\"\nmax_streams = \n").expect("write");
    let out = serve(dir.path(), &["--config", name], &[]);
    assert_clear_error(&out, &[name, "line 2"]);

    std::fs::write(&path, "max_streams = \"many\"\n").expect("write");
    let out = serve(dir.path(), &["--config", name], &[]);
    assert_clear_error(&out, &[name, "max_streams", "line 1"]);

    let missing = dir.path().join("nowhere.toml");
    let missing = missing.to_str().expect("utf-8 path");
    let out = serve(dir.path(), &["--config", missing], &[]);
    assert_clear_error(&out, &["reading config file", missing]);
}

#[test]
fn bad_tls_files_are_clear_errors_not_panics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pki = make_pki("polemos test CA");
    let cert = dir.path().join("cert.pem");
    let key = dir.path().join("key.pem");
    let garbage = dir.path().join("garbage.pem");
    std::fs::write(&cert, &pki.cert_pem).expect("write");
    std::fs::write(&key, &pki.key_pem).expect("write");
    std::fs::write(&garbage, "this is not PEM\n").expect("write");
    let (cert, key, garbage) = (
        cert.to_str().expect("path"),
        key.to_str().expect("path"),
        garbage.to_str().expect("path"),
    );
    let missing = dir.path().join("missing.pem");
    let missing = missing.to_str().expect("path");
    let common = ["--listen", "127.0.0.1:0", "--metrics-listen", "off"];
    let run = |tls: &[&str]| {
        let mut args = common.to_vec();
        args.extend_from_slice(tls);
        serve(dir.path(), &args, &[])
    };

    assert_clear_error(
        &run(&["--tls-cert", missing, "--tls-key", key]),
        &["reading", missing],
    );
    assert_clear_error(
        &run(&["--tls-cert", cert, "--tls-key", missing]),
        &["reading", missing],
    );
    // A directory cannot be read as a file.
    let dir_name = dir.path().to_str().expect("path");
    assert_clear_error(
        &run(&["--tls-cert", dir_name, "--tls-key", key]),
        &["reading", dir_name],
    );
    assert_clear_error(
        &run(&["--tls-cert", cert]),
        &["both --tls-cert and --tls-key"],
    );
    assert_clear_error(
        &run(&["--tls-cert", garbage, "--tls-key", key]),
        &["TLS", "certificate"],
    );
    assert_clear_error(
        &run(&["--tls-cert", cert, "--tls-key", garbage]),
        &["TLS", "key"],
    );
    // The key of another certificate does not match.
    let other = make_pki("some other CA");
    let other_key = dir.path().join("other-key.pem");
    std::fs::write(&other_key, &other.key_pem).expect("write");
    assert_clear_error(
        &run(&[
            "--tls-cert",
            cert,
            "--tls-key",
            other_key.to_str().expect("path"),
        ]),
        &["TLS"],
    );
}

// ---------------------------------------------------------------- metrics endpoint

/// The body of `GET /metrics` at `addr`, over plain HTTP/1.1.
fn scrape(addr: SocketAddr) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("metrics connect");
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .expect("request");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("response");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    response
}

/// The value of the sample whose line starts with `series` (name and labels, in the exporter's
/// label order), if there is one.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.trim().parse().ok())
}

/// A key of `role` created with `polemos keys create` in the keys file `keys`.
fn create_key(keys: &Path, role: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(["keys", "--keys-file", keys.to_str().expect("path")])
        .args(["create", "--role", role])
        .output()
        .expect("keys create");
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_owned()
}

/// A `polemos serve` process, stopped however the test ends, and the address its metrics
/// endpoint bound.
struct Served {
    child: std::process::Child,
    metrics: SocketAddr,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `polemos --db <db> serve <args>` on ports it binds itself (gRPC and metrics) and
/// connects to it.
async fn serve_and_connect(db: &str, args: &[&str]) -> (Served, Channel) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_polemos"));
    command
        .args(["--db", db, "serve"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    let (child, addr, metrics) = spawn_serving_with_metrics(command, Duration::from_secs(60));
    let served = Served { child, metrics };
    let url = format!("http://{addr}");
    let channel = Channel::from_shared(url.clone())
        .expect("url")
        .connect()
        .await
        .unwrap_or_else(|e| panic!("the server at {url} refused a connection: {e}"));
    (served, channel)
}

#[tokio::test]
async fn metrics_endpoint_counts_calls_by_method_and_code_and_times_store_calls() {
    let dir = tempfile::tempdir().expect("temp dir");
    let keys = dir.path().join("keys.json");
    let reader = create_key(&keys, "reader");
    let (server, channel) =
        serve_and_connect("memory:", &["--keys-file", keys.to_str().expect("path")]).await;
    let mut client = DossierServiceClient::new(channel);
    for _ in 0..3 {
        let get = pb::GetActorRequest {
            name: "actors/JPN".into(),
            revision: None,
        };
        let missing = client
            .get_actor(with_key(get, &reader))
            .await
            .expect_err("empty store");
        assert_eq!(missing.code(), Code::NotFound);
    }
    let anonymous = client
        .get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
            revision: None,
        })
        .await
        .expect_err("no key");
    assert_eq!(anonymous.code(), Code::Unauthenticated);
    let create = with_key(pb::CreateActorRequest::default(), &reader);
    let denied = client.create_actor(create).await.expect_err("reader");
    assert_eq!(denied.code(), Code::PermissionDenied);

    let text = scrape(server.metrics);
    let calls = |method: &str, code: &str| {
        sample(
            &text,
            &format!("polemos_grpc_requests_total{{method=\"{method}\",code=\"{code}\"}}"),
        )
    };
    assert_eq!(
        calls("DossierService/GetActor", "NotFound"),
        Some(3.0),
        "{text}"
    );
    assert_eq!(
        calls("DossierService/GetActor", "Unauthenticated"),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        calls("DossierService/CreateActor", "PermissionDenied"),
        Some(1.0),
        "{text}"
    );
    assert_eq!(calls("DossierService/GetActor", "Ok"), None, "{text}");
    assert_eq!(
        sample(
            &text,
            "polemos_grpc_request_seconds_count{method=\"DossierService/GetActor\"}"
        ),
        Some(3.0),
        "latency recorded for the calls that reached the service: {text}"
    );
    assert_eq!(
        sample(&text, "polemos_store_seconds_count{op=\"get\"}"),
        Some(3.0),
        "{text}"
    );
}

// ---------------------------------------------------------------- other processes' writes

/// The server caches what Gets read; a commit by another process (the CLI, here) to the same
/// SQLite file must be seen by the very next Get, whichever of its connections serves it.
#[tokio::test]
async fn a_get_sees_what_another_process_just_committed_to_the_sqlite_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("polemos.db");
    let db = db.to_str().expect("utf-8 path");
    let import = |file: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_polemos"))
            .args(["--db", db, "import", file.to_str().expect("path")])
            .output()
            .expect("import");
        assert!(out.status.success(), "{}", stderr(&out));
    };
    let kuril = dir.path().join("kuril.json");
    std::fs::write(&kuril, KURIL).expect("write");
    import(&kuril);
    let keys = dir.path().join("keys.json");
    let reader = create_key(&keys, "reader");
    let (_server, channel) =
        serve_and_connect(db, &["--keys-file", keys.to_str().expect("path")]).await;
    let client = DossierServiceClient::new(channel);
    for _ in 0..4 {
        let seen = japan_display_names(&client, &reader).await;
        assert!(seen.iter().all(|n| n == "Japan"), "{seen:?}");
    }

    // A dossier of one actor, Japan renamed, imported by another process while the server runs.
    let kuril: serde_json::Value = serde_json::from_str(KURIL).expect("json");
    let mut japan = kuril["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .find(|a| a["name"] == "actors/JPN")
        .expect("Japan")
        .clone();
    japan["display_name"] = "Nippon".into();
    let only_actors = serde_json::json!({
        "format_version": kuril["format_version"],
        "actors": [japan],
    });
    let file = dir.path().join("renamed.json");
    std::fs::write(&file, only_actors.to_string()).expect("write");
    import(&file);

    let seen = japan_display_names(&client, &reader).await;
    assert!(seen.iter().all(|n| n == "Nippon"), "{seen:?}");
}

/// `actors/JPN`'s display name from 16 concurrent Gets, so that they spread over the server's
/// read connections.
async fn japan_display_names(client: &DossierServiceClient<Channel>, key: &str) -> Vec<String> {
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..16 {
        let mut client = client.clone();
        let get = with_key(
            pb::GetActorRequest {
                name: "actors/JPN".into(),
                revision: None,
            },
            key,
        );
        calls.spawn(async move { client.get_actor(get).await });
    }
    let mut names = Vec::new();
    while let Some(done) = calls.join_next().await {
        let response = done.expect("task").expect("get");
        names.push(response.into_inner().actor.expect("actor").display_name);
    }
    names
}
