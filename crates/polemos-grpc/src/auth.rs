//! API keys: bearer tokens in the `authorization` metadata, each with a role. Only the SHA-256 of
//! a key is ever stored (in the keys file or the environment); the key itself is shown once, by
//! `polemos keys create`. Keys are 256 random bits, so a plain hash is as strong as a slow one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tonic::Code;
use tonic::codegen::http::HeaderMap;

use super::error::status;

/// What a key may do. Each role includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Read and watch.
    Reader,
    /// Also create, update, delete, ingest and import.
    Writer,
    /// Everything (reserved for administrative calls).
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reader => "reader",
            Self::Writer => "writer",
            Self::Admin => "admin",
        }
    }

    /// Every role, least first.
    pub const ALL: [Self; 3] = [Self::Reader, Self::Writer, Self::Admin];

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl std::str::FromStr for Role {
    type Err = String;

    /// `reader`, `writer` or `admin`.
    fn from_str(s: &str) -> Result<Self, String> {
        Self::parse(s).ok_or_else(|| format!("`{s}` is not a role: reader, writer or admin"))
    }
}

/// One stored key: its hash, never the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredKey {
    /// Short public identifier (the first 8 hex digits of the hash), for logs and revocation.
    pub id: String,
    pub role: Role,
    /// Hex SHA-256 of the key.
    pub sha256: String,
    /// When it was created (RFC 3339).
    #[serde(default)]
    pub created: String,
}

/// The keys file: `{"keys": [...]}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct KeyFile {
    pub keys: Vec<StoredKey>,
}

/// What went wrong with the keys. The cause is in each message, and not also the error's
/// `source()`: a report of the chain (`{:#}`, the CLI's) would print it twice.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot read keys file {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error("cannot write keys file {path}: {cause}")]
    Write { path: String, cause: std::io::Error },
    #[error("keys file {path} is not valid: {cause}")]
    Parse {
        path: String,
        cause: serde_json::Error,
    },
    #[error(
        "POLEMOS_API_KEYS entry {index} `{entry}` is not ROLE:SHA256 (role reader, writer or admin; 64 hex digits)"
    )]
    Env { index: usize, entry: String },
    #[error("no randomness available: {0}")]
    Random(String),
}

pub fn hash(key: &str) -> String {
    // Every call is authenticated, so this is on every request's path: one allocation.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(key.as_bytes());
    let mut out = String::with_capacity(2 * digest.len());
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

/// Makes a new key: `pk_` and 64 hex digits of OS randomness.
pub fn generate() -> Result<String, KeyError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| KeyError::Random(e.to_string()))?;
    Ok(format!(
        "pk_{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    ))
}

impl KeyFile {
    /// Reads the file; a missing file is an empty key set.
    pub fn load(path: &Path) -> Result<Self, KeyError> {
        match std::fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text).map_err(|cause| KeyError::Parse {
                path: path.display().to_string(),
                cause,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(cause) => Err(KeyError::Read {
                path: path.display().to_string(),
                cause,
            }),
        }
    }

    /// Writes the file (readable by its owner only, on Unix) via a temporary file and a rename.
    pub fn save(&self, path: &Path) -> Result<(), KeyError> {
        let err = |cause| KeyError::Write {
            path: path.display().to_string(),
            cause,
        };
        let tmp = path.with_extension("tmp");
        let text = serde_json::to_string_pretty(self).map_err(|e| err(std::io::Error::other(e)))?;
        std::fs::write(&tmp, text + "\n").map_err(err)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600)).map_err(err)?;
        }
        std::fs::rename(&tmp, path).map_err(err)
    }
}

/// The keys a server accepts.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    by_hash: HashMap<String, Role>,
    /// Accept every call as admin (`--insecure-no-auth`, loopback only).
    pub open: bool,
}

impl Keys {
    pub fn from_file(file: &KeyFile) -> Self {
        let mut keys = Self::default();
        for k in &file.keys {
            keys.by_hash.insert(k.sha256.to_ascii_lowercase(), k.role);
        }
        keys
    }

    /// Adds the keys of `POLEMOS_API_KEYS`: comma-separated `ROLE:SHA256` entries.
    pub fn add_env(&mut self, value: &str) -> Result<(), KeyError> {
        for (index, entry) in value
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .enumerate()
        {
            let bad = || KeyError::Env {
                index,
                entry: entry.to_owned(),
            };
            let (role, digest) = entry.split_once(':').ok_or_else(bad)?;
            let role = Role::parse(role).ok_or_else(bad)?;
            if digest.len() != 64 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(bad());
            }
            self.by_hash.insert(digest.to_ascii_lowercase(), role);
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.by_hash.is_empty()
    }

    pub fn len(&self) -> usize {
        self.by_hash.len()
    }

    /// The role of the caller, from its `authorization: Bearer KEY` header.
    #[allow(clippy::result_large_err)] // The gate answers with the status as it is.
    pub fn authenticate(&self, headers: &HeaderMap) -> Result<Role, tonic::Status> {
        if self.open {
            return Ok(Role::Admin);
        }
        if self.by_hash.is_empty() {
            return Err(status(
                Code::Unauthenticated,
                "NO_KEYS_CONFIGURED",
                "this server has no API keys configured; create one with `polemos keys create --role admin`",
            ));
        }
        let key = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .ok_or_else(|| {
                status(
                    Code::Unauthenticated,
                    "MISSING_CREDENTIALS",
                    "missing `authorization: Bearer <api key>` metadata",
                )
            })?;
        self.by_hash.get(&hash(key.trim())).copied().ok_or_else(|| {
            status(
                Code::Unauthenticated,
                "INVALID_API_KEY",
                "the API key is not valid",
            )
        })
    }
}

/// The keys file and `POLEMOS_API_KEYS` together, as the server accepts them.
///
/// # Errors
/// An unreadable or invalid file, or a malformed environment entry.
pub fn load_keys(file: &Path, env: Option<&str>) -> Result<Keys, KeyError> {
    let mut keys = Keys::from_file(&KeyFile::load(file)?);
    if let Some(env) = env {
        keys.add_env(env)?;
    }
    Ok(keys)
}

/// The keys a running server accepts: replaced whole when the keys file changes, so a key
/// revoked with `polemos keys revoke` stops working without a restart.
#[derive(Debug, Clone, Default)]
pub struct LiveKeys(Arc<RwLock<Arc<Keys>>>);

impl LiveKeys {
    pub fn new(keys: Keys) -> Self {
        Self(Arc::new(RwLock::new(Arc::new(keys))))
    }

    /// The keys now in force (a poisoned lock still holds a whole key set).
    pub fn current(&self) -> Arc<Keys> {
        Arc::clone(&self.0.read().unwrap_or_else(PoisonError::into_inner))
    }

    pub fn replace(&self, keys: Keys) {
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(keys);
    }
}

/// Where the server reloads its keys from while it runs.
#[derive(Debug, Clone)]
pub struct KeyReload {
    pub file: PathBuf,
    /// `POLEMOS_API_KEYS` as read at start-up, merged into every reload.
    pub env: Option<String>,
    /// How often the file is read and compared with what was loaded.
    pub interval: Duration,
}

/// Reads the keys file every `interval` and installs it when its bytes change. Polling a small
/// file is simpler and more portable than filesystem notifications (which miss renames into
/// place on some systems and need a thread of their own), and bounds revocation at one interval.
/// A file that does not parse is logged and the keys in force are kept: a half-written file
/// must not lock every client out, and `polemos keys` writes by rename, so readers see whole files.
pub async fn watch_keys(live: LiveKeys, reload: KeyReload) {
    let mut last = std::fs::read(&reload.file).ok();
    let mut tick = tokio::time::interval(reload.interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let now = std::fs::read(&reload.file).ok();
        if now == last {
            continue;
        }
        last = now;
        match load_keys(&reload.file, reload.env.as_deref()) {
            Ok(mut keys) => {
                keys.open = live.current().open;
                tracing::info!(keys = keys.len(), file = %reload.file.display(), "keys file changed: keys reloaded");
                live.replace(keys);
            }
            Err(e) => {
                tracing::error!(error = %e, "keys file changed but cannot be loaded; keeping the keys in force");
            }
        }
    }
}

/// The role a method needs; `None` for the open standard services (health, reflection).
pub fn required_role(path: &str) -> Option<Role> {
    let (service, method) = path.trim_start_matches('/').split_once('/')?;
    if !service.starts_with("polemos.") {
        return None;
    }
    let writes = ["Create", "Update", "Delete", "Ingest", "Import"];
    // Curation only writes (accept, rename, merge): the whole service needs the writer role.
    if service.ends_with(".CurationService") || writes.iter().any(|w| method.starts_with(w)) {
        Some(Role::Writer)
    } else {
        Some(Role::Reader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic::codegen::http::HeaderValue;

    #[test]
    fn roles_by_method() {
        assert_eq!(
            required_role("/polemos.v1.DossierService/GetActor"),
            Some(Role::Reader)
        );
        assert_eq!(
            required_role("/polemos.v1.DossierService/CreateActor"),
            Some(Role::Writer)
        );
        assert_eq!(
            required_role("/polemos.v1.ExtractionService/Ingest"),
            Some(Role::Writer)
        );
        assert_eq!(required_role("/grpc.health.v1.Health/Check"), None);
    }

    /// Every method the polemos services declare, with the role it must need. The test below
    /// fails when a service gains a method that is not listed here, so each new method is
    /// classified on purpose rather than by its name's prefix alone.
    fn expected_roles() -> Vec<(String, Role)> {
        let mut out: Vec<(String, Role)> = [
            ("AnalysisService/GetDisputeReport", Role::Reader),
            ("AnalysisService/Forecast", Role::Reader),
            ("AnalysisService/ListCurrentStances", Role::Reader),
            ("AnalysisService/GetStanceMatrix", Role::Reader),
            ("AnalysisService/ListStanceShifts", Role::Reader),
            ("AnalysisService/ListDeadlocks", Role::Reader),
            ("AnalysisService/ListCoalitions", Role::Reader),
            ("AnalysisService/GetCooperationSeries", Role::Reader),
            ("ChangeService/WatchChanges", Role::Reader),
            ("ChangeService/ListChanges", Role::Reader),
            ("ExtractionService/Extract", Role::Reader),
            ("ExtractionService/Ingest", Role::Writer),
            ("ImportService/ImportDossier", Role::Writer),
            ("CurationService/AcceptDispute", Role::Writer),
            ("CurationService/RenameDispute", Role::Writer),
            ("CurationService/MergeDispute", Role::Writer),
        ]
        .into_iter()
        .map(|(m, r)| (format!("polemos.v1.{m}"), r))
        .collect();
        for kind in ["Actor", "Dispute", "Issue", "Stance", "Event", "Document"] {
            for (verb, role) in [
                ("Get", Role::Reader),
                ("List", Role::Reader),
                ("Create", Role::Writer),
                ("Update", Role::Writer),
                ("Delete", Role::Writer),
            ] {
                let plural = if verb == "List" { "s" } else { "" };
                out.push((
                    format!("polemos.v1.DossierService/{verb}{kind}{plural}"),
                    role,
                ));
            }
        }
        out
    }

    #[test]
    fn every_declared_method_has_its_role() {
        use prost::Message;
        let set = prost_types::FileDescriptorSet::decode(polemos_proto::FILE_DESCRIPTOR_SET)
            .expect("descriptor set");
        let mut declared: Vec<String> = set
            .file
            .iter()
            .filter(|f| f.package() == "polemos.v1")
            .flat_map(|f| {
                f.service.iter().flat_map(move |s| {
                    s.method
                        .iter()
                        .map(move |m| format!("{}.{}/{}", f.package(), s.name(), m.name()))
                })
            })
            .collect();
        declared.sort();
        let expected = expected_roles();
        let mut listed: Vec<String> = expected.iter().map(|(m, _)| m.clone()).collect();
        listed.sort();
        assert_eq!(
            declared, listed,
            "classify every new method in expected_roles()"
        );
        for (method, role) in expected {
            assert_eq!(required_role(&format!("/{method}")), Some(role), "{method}");
        }
    }

    #[test]
    fn keys_are_hashed_with_sha256_in_lowercase_hex() {
        // FIPS 180-2's test vector: a stored hash must stay what `polemos keys create` wrote.
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn keys_authenticate_by_hash() {
        let key = generate().expect("random");
        assert!(key.starts_with("pk_") && key.len() == 67);
        let mut keys = Keys::default();
        keys.add_env(&format!("writer:{}", hash(&key)))
            .expect("env");
        let mut headers = HeaderMap::new();
        assert_eq!(
            keys.authenticate(&headers).expect_err("none").code(),
            Code::Unauthenticated
        );
        headers.insert(
            "authorization",
            HeaderValue::from_str(&format!("Bearer {key}")).expect("header"),
        );
        assert_eq!(keys.authenticate(&headers).expect("valid"), Role::Writer);
        headers.insert("authorization", HeaderValue::from_static("Bearer pk_wrong"));
        assert_eq!(
            keys.authenticate(&headers).expect_err("wrong").code(),
            Code::Unauthenticated
        );
        assert!(keys.add_env("root:abc").is_err());
    }

    #[test]
    fn no_keys_refuses_everything() {
        let keys = Keys::default();
        let status = keys.authenticate(&HeaderMap::new()).expect_err("refused");
        assert_eq!(status.code(), Code::Unauthenticated);
        assert!(status.message().contains("polemos keys create"));
    }
}
