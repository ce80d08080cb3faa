//! Several real `polemos serve` processes: replicas on one PostgreSQL database (a throwaway
//! cluster started by the store's test harness; these tests say SKIPPED where PostgreSQL is not
//! installed), and `kill -9` in the middle of a bulk ingest on SQLite and on PostgreSQL.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use polemos_core::{Dossier, NothingElse, validate};
use polemos_grpc_testkit::{ARTICLE, KURIL, runtime, spawn_serving};
use polemos_proto::v1 as pb;
use polemos_proto::v1::change_service_client::ChangeServiceClient;
use polemos_proto::v1::dossier_service_client::DossierServiceClient;
use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
use polemos_store::{View, WriteBatch};
use polemos_store_testkit::pg_harness::PgCluster;
use tokio_stream::StreamExt;
use tonic::transport::Channel;

/// A `polemos serve` child process on a loopback port, killed when dropped.
struct Replica {
    child: Child,
    url: String,
}

impl Replica {
    /// Starts a server on `db`. Watchers poll only every `poll_ms`, so a test with a long poll
    /// interval sees cross-replica changes only if the store's notification wakes them.
    fn start(db: &str, poll_ms: u64) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_polemos"));
        command
            .args([
                "--db",
                db,
                "serve",
                "--insecure-no-auth",
                "--metrics-listen",
                "off",
            ])
            .args(["--poll-interval-ms", &poll_ms.to_string()])
            .env_remove("POLEMOS_API_KEYS")
            .stdin(Stdio::null())
            .stdout(Stdio::null());
        // On a port the server binds itself (the store's migration may come first).
        let (child, addr) = spawn_serving(command, Duration::from_secs(60));
        Self {
            child,
            url: format!("http://{addr}"),
        }
    }

    /// A channel once the server accepts connections (it may still be migrating).
    async fn channel(&mut self) -> Channel {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("polemos serve exited early: {status}");
            }
            if let Ok(channel) = Channel::from_shared(self.url.clone())
                .expect("url")
                .connect()
                .await
            {
                return channel;
            }
            assert!(
                Instant::now() < deadline,
                "server at {} never came up",
                self.url
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// `kill -9`.
    fn kill(&mut self) {
        self.child.kill().expect("kill -9");
        let _ = self.child.wait();
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn seed(db: &str) -> usize {
    let dossier = Dossier::from_json(KURIL).expect("reference dossier");
    let store = polemos_store::open(db).expect("open store");
    store
        .commit(WriteBatch::from_dossier(&dossier, "seed"))
        .expect("seed");
    dossier.len()
}

fn actor(id: &str) -> pb::CreateActorRequest {
    pb::CreateActorRequest {
        actor: Some(pb::Actor {
            name: format!("actors/{id}"),
            kind: pb::ActorKind::State as i32,
            display_name: format!("Actor {id}"),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The next change of a watch stream, within `wait`.
async fn next_change(
    stream: &mut tonic::Streaming<pb::WatchChangesResponse>,
    wait: Duration,
) -> pb::WatchChangesResponse {
    tokio::time::timeout(wait, stream.next())
        .await
        .expect("a change within the time allowed")
        .expect("stream open")
        .expect("no error")
}

/// A change written through replica A reaches a watcher on replica B at once (B polls only every
/// ten minutes, so only PostgreSQL's notification can have woken it), and a watcher that
/// reconnects with its last token, to either replica, gets exactly what it missed.
#[test]
fn changes_cross_replicas_and_resume_without_gaps() {
    let Some(pg) = PgCluster::shared("changes_cross_replicas_and_resume_without_gaps") else {
        return;
    };
    let url = pg.fresh_database().expect("database");
    let seeded = seed(&url);
    let mut a = Replica::start(&url, 600_000);
    let mut b = Replica::start(&url, 600_000);
    runtime().block_on(async {
        let mut writer = DossierServiceClient::new(a.channel().await);
        let mut watch_b = ChangeServiceClient::new(b.channel().await);
        let mut stream = watch_b
            .watch_changes(pb::WatchChangesRequest {
                start_token: "0".into(),
                ..Default::default()
            })
            .await
            .expect("watch on B")
            .into_inner();
        for _ in 0..seeded {
            next_change(&mut stream, Duration::from_secs(10)).await;
        }

        let started = Instant::now();
        writer
            .create_actor(actor("ZZA"))
            .await
            .expect("create on A");
        let seen = next_change(&mut stream, Duration::from_secs(5)).await;
        assert_eq!(seen.name, "actors/ZZA");
        eprintln!("A -> B change delivered in {:?}", started.elapsed());
        let token = seen.token.clone();
        drop(stream);

        // Missed while disconnected.
        for id in ["ZZB", "ZZC", "ZZD"] {
            writer.create_actor(actor(id)).await.expect("create on A");
        }
        for (replica, channel) in [("B", b.channel().await), ("A", a.channel().await)] {
            let mut resumed = ChangeServiceClient::new(channel)
                .watch_changes(pb::WatchChangesRequest {
                    start_token: token.clone(),
                    ..Default::default()
                })
                .await
                .expect("resume")
                .into_inner();
            let mut names = Vec::new();
            for _ in 0..3 {
                names.push(
                    next_change(&mut resumed, Duration::from_secs(10))
                        .await
                        .name,
                );
            }
            assert_eq!(
                names,
                ["actors/ZZB", "actors/ZZC", "actors/ZZD"],
                "resumed on {replica}"
            );
            // Nothing else (in particular not ZZA again) is pending.
            assert!(
                tokio::time::timeout(Duration::from_millis(500), resumed.next())
                    .await
                    .is_err(),
                "resumed on {replica}: no duplicates"
            );
        }
    });
}

/// The text of crash-test document `i`: the reference article plus a unique line, so each
/// has its own content hash and extraction finds facts in it.
fn crash_text(i: usize) -> String {
    format!("{ARTICLE}\n\nBulletin {i}: talks continue; officials declined further comment.\n")
}

/// Streams documents into one server, `kill -9`s it once some were acknowledged and more were
/// in flight, then reopens the store: every acknowledged document is there with its full text,
/// every stored document is complete, and the store holds no dangling reference (a document's
/// facts are never there without it, nor it half-stored).
fn kill_during_ingest(db: &str) {
    const SENT: usize = 300;
    const KILL_AFTER: usize = 25;
    seed(db);
    let mut server = Replica::start(db, 500);
    let acked: HashMap<String, usize> = runtime().block_on(async {
        let mut client = ExtractionServiceClient::new(server.channel().await);
        let (tx, rx) = tokio::sync::mpsc::channel(SENT);
        for i in 0..SENT {
            tx.send(pb::IngestRequest {
                document: Some(pb::Document {
                    name: format!("documents/crash-{i}"),
                    title: format!("Bulletin {i}"),
                    text: crash_text(i),
                    published: "2018-09-19".into(),
                    ..Default::default()
                }),
                document_only: false,
            })
            .await
            .expect("queue");
        }
        drop(tx);
        let mut responses = client
            .ingest(tokio_stream::wrappers::ReceiverStream::new(rx))
            .await
            .expect("ingest")
            .into_inner();
        let mut acked = HashMap::new();
        while let Some(response) = responses.next().await {
            let Ok(response) = response else { break };
            assert_eq!(
                response.outcome,
                pb::IngestOutcome::Created as i32,
                "{}",
                response.error_message
            );
            let index = usize::try_from(response.index).expect("index");
            acked.insert(response.document, index);
            if acked.len() == KILL_AFTER {
                server.kill();
            }
        }
        acked
    });
    assert!(
        acked.len() >= KILL_AFTER && acked.len() < SENT,
        "killed mid-ingest: {} of {SENT} acknowledged",
        acked.len()
    );

    // Restart: the store recovers on open; a server on it serves the acknowledged documents.
    let store = polemos_store::open(db).expect("reopen after kill -9");
    let snapshot = store.snapshot(View::current()).expect("snapshot");
    validate(&snapshot, &NothingElse).expect("no dangling references after the crash");
    let stored: HashMap<&str, &str> = snapshot
        .documents
        .iter()
        .map(|d| (d.name.as_str(), d.text.as_str()))
        .collect();
    for (name, index) in &acked {
        assert_eq!(
            stored.get(name.as_str()).copied(),
            Some(crash_text(*index).as_str()),
            "acknowledged {name} is stored, complete"
        );
    }
    let mut ours = 0;
    // Ingest names documents by content hash, so ours are found by the title they were sent with.
    for doc in &snapshot.documents {
        if let Some(i) = doc.title.strip_prefix("Bulletin ") {
            let i: usize = i.parse().expect("index");
            assert_eq!(doc.text, crash_text(i), "{} complete", doc.name);
            ours += 1;
        }
    }
    // At most the few in flight at the kill went in unacknowledged; each whole.
    assert!(ours >= acked.len() && ours < SENT, "{ours} stored");
    drop(store);

    let mut again = Replica::start(db, 500);
    runtime().block_on(async {
        let mut client = DossierServiceClient::new(again.channel().await);
        let name = acked.keys().next().expect("one acknowledged").clone();
        let doc = client
            .get_document(pb::GetDocumentRequest {
                name: name.clone(),
                revision: None,
            })
            .await
            .expect("served after restart")
            .into_inner()
            .document
            .expect("document");
        assert_eq!(doc.text, crash_text(acked[&name]));
    });
}

#[test]
fn kill_9_during_ingest_loses_nothing_acknowledged_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("crash.db");
    kill_during_ingest(db.to_str().expect("utf-8 path"));
}

#[test]
fn kill_9_during_ingest_loses_nothing_acknowledged_on_postgres() {
    let Some(pg) = PgCluster::shared("kill_9_during_ingest_loses_nothing_acknowledged_on_postgres")
    else {
        return;
    };
    kill_during_ingest(&pg.fresh_database().expect("database"));
}
