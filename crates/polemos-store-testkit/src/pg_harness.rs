//! A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` and `pg_ctl` on a temporary
//! directory and a free loopback port, torn down on drop, and by a watchdog process if the test
//! process dies first (so a failed or killed run leaves no server behind).
//!
//! Where PostgreSQL is not installed, [`PgCluster::shared`] returns `None` after printing a
//! clear "skipped" line to the real stderr (not swallowed by the test harness's capture). With
//! `POLEMOS_REQUIRE_POSTGRES=1` (CI) a missing or broken PostgreSQL fails the test instead.
//!
//! Binaries: `$POLEMOS_PG_BIN`, else the newest `/usr/lib/postgresql/*/bin` (Debian), else
//! `initdb` on `PATH`. As root, the cluster runs as the `postgres` user (initdb refuses root).

#![allow(clippy::missing_panics_doc)]

use std::io::Write as _;
use std::net::TcpListener;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A running PostgreSQL cluster; stopped and deleted on drop.
#[derive(Debug)]
pub struct PgCluster {
    bin: PathBuf,
    root: PathBuf,
    port: u16,
    /// The unprivileged user the server runs as, when we are root.
    run_as: Option<String>,
    databases: AtomicUsize,
}

/// Options for [`PgCluster::start_with`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Turn off fsync and synchronous commit: fine for tests (the server process is never the
    /// one killed), wrong for measuring.
    pub durable: bool,
    pub max_connections: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            durable: false,
            max_connections: 200,
        }
    }
}

/// Says on the real stderr (bypassing test output capture) that a test skipped, or fails when
/// CI requires PostgreSQL.
pub fn skip(test: &str, why: &str) {
    assert!(
        std::env::var_os("POLEMOS_REQUIRE_POSTGRES").is_none_or(|v| v.is_empty() || v == "0"),
        "{test}: PostgreSQL required (POLEMOS_REQUIRE_POSTGRES is set) but {why}"
    );
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: {why} (install PostgreSQL, or set POLEMOS_PG_BIN to its bin directory)"
    );
}

/// The directory holding `initdb` and `pg_ctl`, if PostgreSQL is installed.
#[must_use]
pub fn find_bin() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("POLEMOS_PG_BIN") {
        let dir = PathBuf::from(dir);
        return dir.join("initdb").is_file().then_some(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .find(|d| d.join("initdb").is_file() && d.join("pg_ctl").is_file())
    })
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn id_of(user: &str, flag: &str) -> Option<u32> {
    let out = Command::new("id").args([flag, user]).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

fn output_text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

impl PgCluster {
    /// One cluster for the whole test process, started on first use; `None` (after saying so on
    /// stderr on behalf of `test`) when PostgreSQL is not installed or will not start.
    pub fn shared(test: &str) -> Option<&'static Self> {
        static CLUSTER: OnceLock<Result<PgCluster, String>> = OnceLock::new();
        match CLUSTER.get_or_init(|| Self::start_with(Options::default())) {
            Ok(cluster) => Some(cluster),
            Err(why) => {
                skip(test, why);
                None
            }
        }
    }

    /// Starts a fresh cluster.
    ///
    /// # Errors
    /// A message saying why not: PostgreSQL missing, initdb or pg_ctl failing (with their output).
    pub fn start_with(options: Options) -> Result<Self, String> {
        let bin = find_bin().ok_or_else(|| match std::env::var("POLEMOS_PG_BIN") {
            Ok(dir) => format!("POLEMOS_PG_BIN={dir} holds no initdb"),
            Err(_) => {
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb, none on PATH)"
                    .to_owned()
            }
        })?;
        let run_as = if is_root() {
            Some(std::env::var("POLEMOS_PG_USER").unwrap_or_else(|_| "postgres".into()))
        } else {
            None
        };
        let root = std::env::temp_dir().join(format!(
            "polemos-pg-{}-{}",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0)
        ));
        std::fs::create_dir_all(&root)
            .map_err(|e| format!("cannot create {}: {e}", root.display()))?;
        let mut cluster = Self {
            bin,
            root,
            port: 0,
            run_as,
            databases: AtomicUsize::new(0),
        };
        if let Some(user) = &cluster.run_as {
            let (Some(uid), Some(gid)) = (id_of(user, "-u"), id_of(user, "-g")) else {
                return Err(format!(
                    "running as root and there is no `{user}` user to run PostgreSQL as (set POLEMOS_PG_USER)"
                ));
            };
            std::os::unix::fs::chown(&cluster.root, Some(uid), Some(gid))
                .map_err(|e| format!("cannot hand {} to {user}: {e}", cluster.root.display()))?;
        }
        cluster.init(options)?;
        let mut last = String::new();
        for _ in 0..3 {
            cluster.port = free_port()?;
            match cluster.start_server(options) {
                Ok(()) => {
                    cluster.spawn_watchdog();
                    return Ok(cluster);
                }
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    fn data(&self) -> PathBuf {
        self.root.join("data")
    }

    /// Whether the server's library directory (`bin/../lib`, as the distributions lay it out)
    /// holds `pg_stat_statements`.
    #[must_use]
    pub fn has_stat_statements(&self) -> bool {
        self.bin
            .parent()
            .is_some_and(|dir| dir.join("lib/pg_stat_statements.so").is_file())
    }

    /// A command for a PostgreSQL binary, run as the unprivileged user when we are root.
    fn pg(&self, tool: &str) -> Command {
        let path = self.bin.join(tool);
        let mut cmd = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(path);
                c
            }
            None => Command::new(path),
        };
        cmd.stdin(Stdio::null()).current_dir(&self.root);
        cmd
    }

    fn init(&self, options: Options) -> Result<(), String> {
        let out = self
            .pg("initdb")
            .arg("-D")
            .arg(self.data())
            .args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"])
            .args(if options.durable {
                &[][..]
            } else {
                &["--no-sync"][..]
            })
            .output()
            .map_err(|e| format!("cannot run initdb: {e}"))?;
        if !out.status.success() {
            return Err(format!("initdb failed: {}", output_text(&out)));
        }
        Ok(())
    }

    fn start_server(&self, options: Options) -> Result<(), String> {
        let mut conf = format!(
            "\n# polemos test cluster\nport = {}\nlisten_addresses = '127.0.0.1'\n\
             unix_socket_directories = '{}'\nmax_connections = {}\n",
            self.port,
            self.root.display(),
            options.max_connections
        );
        if !options.durable {
            conf.push_str("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
        }
        if self.has_stat_statements() {
            // Lets a test count the statements an operation sends (`CREATE EXTENSION
            // pg_stat_statements` in its database); absent, such a test skips.
            conf.push_str("shared_preload_libraries = 'pg_stat_statements'\n");
        }
        let conf_path = self.data().join("postgresql.auto.conf");
        std::fs::write(&conf_path, conf)
            .map_err(|e| format!("cannot write {}: {e}", conf_path.display()))?;
        let out = self
            .pg("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .arg("-l")
            .arg(self.root.join("server.log"))
            .args(["-w", "-t", "60", "start"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("cannot run pg_ctl: {e}"))?;
        if !out.status.success() {
            let log = std::fs::read_to_string(self.root.join("server.log")).unwrap_or_default();
            return Err(format!("pg_ctl start failed: {}\n{log}", output_text(&out)));
        }
        Ok(())
    }

    /// Stops the server (immediate) and deletes the directory once this process is gone, even
    /// if it was killed and `Drop` never ran.
    fn spawn_watchdog(&self) {
        let stop = format!(
            "{}{} -D '{}' stop -m immediate",
            self.run_as
                .as_ref()
                .map_or(String::new(), |u| format!("runuser -u {u} -- ")),
            self.bin.join("pg_ctl").display(),
            self.data().display()
        );
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; \
             if [ -d '{data}' ]; then {stop} >/dev/null 2>&1; fi; rm -rf '{root}'",
            pid = std::process::id(),
            data = self.data().display(),
            root = self.root.display(),
        );
        let _ = Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
    }

    #[must_use]
    pub fn port(&self) -> u16 {
        self.port
    }

    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The URL of a database of this cluster.
    #[must_use]
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// A connection to the maintenance database, for test set-up and fault injection. Call it
    /// from a plain thread, not an async task.
    ///
    /// # Errors
    /// When the server cannot be reached.
    pub fn admin(&self) -> Result<postgres::Client, String> {
        postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .map_err(|e| format!("cannot connect to the test cluster: {e}"))
    }

    /// Creates a new empty database and returns its URL.
    ///
    /// # Errors
    /// When the server cannot be reached or refuses.
    pub fn fresh_database(&self) -> Result<String, String> {
        let n = self.databases.fetch_add(1, Ordering::Relaxed);
        let name = format!("polemos_test_{n}");
        let mut admin = self.admin()?;
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .map_err(|e| format!("cannot create database {name}: {e:?}"))?;
        Ok(self.url(&name))
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let _ = self
            .pg("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .args(["stop", "-m", "fast"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}
