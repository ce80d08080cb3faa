//! The one mapping from everything that can go wrong in a request to a gRPC status. Each domain
//! error variant gets exactly one code (the matches below are exhaustive, so a new variant does
//! not compile until it has one), an `ErrorInfo` with a machine-readable reason in the
//! `polemos.v1` domain, and, for bad input, `BadRequest` field violations naming the field.

use std::collections::HashMap;

use polemos_engine::ErrorKind;
use polemos_engine::error::{core_kind, extract_kind, store_kind};
use polemos_store::StoreError;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use super::convert::FieldError;

/// The `ErrorInfo.domain` of every polemos error.
pub const DOMAIN: &str = "polemos.v1";

/// Every way a polemos RPC can fail.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A request field is wrong (malformed, missing, out of range).
    #[error("invalid argument `{}`: {}", .0.field, .0.description)]
    Field(FieldError),
    #[error(transparent)]
    Core(#[from] polemos_core::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Extract(#[from] polemos_extract::ExtractError),
    /// Submitted text larger than the server accepts.
    #[error("`{field}` is {size} bytes; this server accepts at most {limit}")]
    TooLarge {
        field: String,
        size: usize,
        limit: usize,
    },
    /// A request id reused with a different request.
    #[error("request_id `{0}` was already used for a different request")]
    RequestIdReused(String),
    /// A blocking task died (a panic in the store or core): a bug, reported as INTERNAL.
    #[error("internal error: {0}")]
    Internal(String),
    /// The capability is not built into this server.
    #[error("{0}")]
    Unimplemented(String),
    /// Work stopped because the call's deadline passed.
    #[error("{0}")]
    DeadlineExceeded(String),
    /// A whole dossier (`ImportDossier`) broke the model's rules. Its paths already name the
    /// record by its place in the request (`stances[3].position`), so they are kept as they are.
    #[error(transparent)]
    Records(polemos_core::ValidationErrors),
}

impl From<polemos_engine::Error> for ApiError {
    fn from(e: polemos_engine::Error) -> Self {
        match e {
            polemos_engine::Error::Core(e) => Self::Core(e),
            polemos_engine::Error::Store(e) => Self::Store(e),
            polemos_engine::Error::Extract(e) => Self::Extract(e),
        }
    }
}

/// The one status code of each engine error kind.
#[must_use]
pub fn code_of(kind: ErrorKind) -> Code {
    match kind {
        ErrorKind::InvalidArgument => Code::InvalidArgument,
        ErrorKind::NotFound => Code::NotFound,
        ErrorKind::AlreadyExists => Code::AlreadyExists,
        ErrorKind::FailedPrecondition => Code::FailedPrecondition,
        ErrorKind::Aborted => Code::Aborted,
        ErrorKind::Cancelled => Code::Cancelled,
        ErrorKind::Unimplemented => Code::Unimplemented,
        ErrorKind::Unavailable => Code::Unavailable,
        ErrorKind::DataLoss => Code::DataLoss,
        ErrorKind::Internal => Code::Internal,
    }
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        Self::Field(e)
    }
}

/// Code, reason and field violations for one error.
struct Mapped {
    code: Code,
    reason: &'static str,
    violations: Vec<(String, String)>,
    metadata: HashMap<String, String>,
}

fn mapped(code: Code, reason: &'static str) -> Mapped {
    Mapped {
        code,
        reason,
        violations: Vec::new(),
        metadata: HashMap::new(),
    }
}

/// Turns a validation path of a one-record batch (`stances[0].position`) into the request's field
/// path (`stance.position`).
fn request_field(path: &str) -> String {
    for (plural, singular) in [
        ("actors", "actor"),
        ("disputes", "dispute"),
        ("issues", "issue"),
        ("stances", "stance"),
        ("events", "event"),
        ("documents", "document"),
    ] {
        if let Some(rest) = path.strip_prefix(plural)
            && let Some(close) = rest.find(']')
            && rest.starts_with('[')
        {
            return format!("{singular}{}", &rest[close + 1..]);
        }
    }
    path.to_owned()
}

fn map_core(e: &polemos_core::Error) -> Mapped {
    let code = code_of(core_kind(e));
    use polemos_core::Error as E;
    match e {
        E::Parse { path, message, .. } => Mapped {
            violations: vec![(path.clone(), message.clone())],
            ..mapped(code, "PARSE_FAILED")
        },
        E::Invalid(v) => Mapped {
            violations: v
                .0
                .iter()
                .map(|x| (request_field(&x.path), x.rule.clone()))
                .collect(),
            ..mapped(code, "VALIDATION_FAILED")
        },
        E::InvalidArgument { field, message } => Mapped {
            violations: vec![(field.clone(), message.clone())],
            ..mapped(code, "INVALID_ARGUMENT")
        },
        E::NotFound { kind, name } => Mapped {
            metadata: HashMap::from([
                ("kind".into(), (*kind).into()),
                ("name".into(), name.clone()),
            ]),
            ..mapped(code, "RESOURCE_NOT_FOUND")
        },
        E::Cancelled { .. } => mapped(code, "CANCELLED"),
    }
}

fn map_store(e: &StoreError) -> Mapped {
    let code = code_of(store_kind(e));
    use StoreError as S;
    match e {
        S::Invalid(v) => Mapped {
            violations: v
                .0
                .iter()
                .map(|x| (request_field(&x.path), x.rule.clone()))
                .collect(),
            ..mapped(code, "VALIDATION_FAILED")
        },
        S::NotFound { kind, name } => Mapped {
            metadata: HashMap::from([
                ("kind".into(), (*kind).into()),
                ("name".into(), name.clone()),
            ]),
            ..mapped(code, "RESOURCE_NOT_FOUND")
        },
        S::AlreadyExists { name } => Mapped {
            metadata: HashMap::from([("name".into(), name.clone())]),
            ..mapped(code, "RESOURCE_EXISTS")
        },
        S::Conflict { name, .. } => Mapped {
            metadata: HashMap::from([("name".into(), name.clone())]),
            ..mapped(code, "ETAG_MISMATCH")
        },
        S::InUse {
            name,
            referenced_by,
        } => Mapped {
            metadata: HashMap::from([
                ("name".into(), name.clone()),
                ("referenced_by".into(), referenced_by.clone()),
            ]),
            ..mapped(code, "RESOURCE_IN_USE")
        },
        S::BadName { name, reason } => Mapped {
            violations: vec![("name".into(), format!("`{name}`: {reason}"))],
            ..mapped(code, "BAD_NAME")
        },
        S::InvalidArgument { field, reason } => Mapped {
            violations: vec![((*field).into(), reason.clone())],
            ..mapped(code, "INVALID_ARGUMENT")
        },
        S::Corrupt { .. } => mapped(code, "STORE_CORRUPT"),
        S::SchemaTooNew { .. } => mapped(code, "SCHEMA_TOO_NEW"),
        S::Unsupported { .. } => mapped(code, "UNSUPPORTED"),
        S::Backend(_) => mapped(code, "STORE_UNAVAILABLE"),
    }
}

fn map_extract(e: &polemos_extract::ExtractError) -> Mapped {
    let code = code_of(extract_kind(e));
    use polemos_extract::ExtractError as X;
    match e {
        X::InvalidUtf8 { valid_up_to } => Mapped {
            violations: vec![(
                "document.text".into(),
                format!("not valid UTF-8 at byte {valid_up_to}"),
            )],
            ..mapped(code, "INVALID_UTF8")
        },
        X::TooLarge { limit, .. } => Mapped {
            violations: vec![(
                "document.text".into(),
                format!("larger than the limit of {limit} bytes"),
            )],
            ..mapped(code, "TEXT_TOO_LARGE")
        },
        X::Data { .. } | X::File { .. } => mapped(code, "EXTRACTOR_DATA"),
    }
}

impl ApiError {
    fn mapped(&self) -> Mapped {
        match self {
            Self::Field(f) => Mapped {
                violations: vec![(f.field.clone(), f.description.clone())],
                ..mapped(Code::InvalidArgument, "INVALID_ARGUMENT")
            },
            Self::Core(e) => map_core(e),
            Self::Store(e) => map_store(e),
            Self::Extract(e) => map_extract(e),
            Self::TooLarge { field, limit, .. } => Mapped {
                violations: vec![(
                    field.clone(),
                    format!("larger than the limit of {limit} bytes"),
                )],
                metadata: HashMap::from([("limit".into(), limit.to_string())]),
                ..mapped(Code::InvalidArgument, "TEXT_TOO_LARGE")
            },
            Self::RequestIdReused(_) => Mapped {
                violations: vec![(
                    "request_id".into(),
                    "already used for a different request".into(),
                )],
                ..mapped(Code::InvalidArgument, "REQUEST_ID_REUSED")
            },
            Self::Internal(_) => mapped(Code::Internal, "INTERNAL"),
            Self::Unimplemented(_) => mapped(Code::Unimplemented, "NOT_BUILT"),
            Self::DeadlineExceeded(_) => mapped(Code::DeadlineExceeded, "DEADLINE_EXCEEDED"),
            Self::Records(v) => Mapped {
                violations: v
                    .0
                    .iter()
                    .map(|x| (x.path.clone(), x.rule.clone()))
                    .collect(),
                ..mapped(Code::InvalidArgument, "VALIDATION_FAILED")
            },
        }
    }
}

/// Longest string echoed back in a status message, field, description or metadata value:
/// the details travel in one HTTP/2 header, and an 8,000-character name echoed whole made the
/// trailers too large, turning `INVALID_ARGUMENT` into `RESOURCE_EXHAUSTED` on the client.
const MAX_ECHO: usize = 256;

/// `s` cut to [`MAX_ECHO`] bytes on a character boundary, marked with `…` when cut.
fn clip(mut s: String) -> String {
    if s.len() > MAX_ECHO {
        let mut end = MAX_ECHO;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push('…');
    }
    s
}

/// At most this many field violations are sent; a note says how many more there were.
const MAX_VIOLATIONS: usize = 50;

impl From<ApiError> for Status {
    fn from(e: ApiError) -> Self {
        let m = e.mapped();
        let metadata: HashMap<String, String> =
            m.metadata.into_iter().map(|(k, v)| (k, clip(v))).collect();
        let mut details = ErrorDetails::with_error_info(m.reason, DOMAIN, metadata);
        let total = m.violations.len();
        for (field, description) in m.violations.into_iter().take(MAX_VIOLATIONS) {
            details.add_bad_request_violation(clip(field), clip(description));
        }
        if total > MAX_VIOLATIONS {
            details.add_bad_request_violation(
                "",
                format!("… and {} more violations", total - MAX_VIOLATIONS),
            );
        }
        if m.code == Code::Internal {
            tracing::error!(error = %e, "internal error");
        }
        let mut message = e.to_string();
        // Keep the summary line and a bounded tail: the details carry each violation.
        if message.len() > 4 * MAX_ECHO {
            let mut end = 4 * MAX_ECHO;
            while !message.is_char_boundary(end) {
                end -= 1;
            }
            message.truncate(end);
            message.push('…');
        }
        Status::with_error_details(m.code, message, details)
    }
}

/// An error status with `ErrorInfo` only, for conditions outside the domain (auth, limits).
pub fn status(code: Code, reason: &str, message: impl Into<String>) -> Status {
    let details = ErrorDetails::with_error_info(reason, DOMAIN, HashMap::new());
    Status::with_error_details(code, message, details)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_values_are_bounded() {
        let long = "a".repeat(8_000);
        let status = Status::from(ApiError::from(StoreError::BadName {
            name: format!("actors/{long}"),
            reason: "too long".into(),
        }));
        assert_eq!(status.code(), Code::InvalidArgument);
        assert!(
            status.message().len() <= 4 * MAX_ECHO + 3,
            "{}",
            status.message().len()
        );
        let bad = status.get_details_bad_request().expect("bad request");
        assert!(bad.field_violations[0].description.len() <= MAX_ECHO + 3);
        let status = Status::from(ApiError::from(StoreError::AlreadyExists {
            name: format!("actors/{}", "é".repeat(5_000)),
        }));
        let info = status.get_details_error_info().expect("error info");
        assert!(info.metadata["name"].len() <= MAX_ECHO + 3);
    }

    #[test]
    fn validation_paths_become_request_fields() {
        assert_eq!(request_field("stances[0].position"), "stance.position");
        assert_eq!(request_field("issues[12].scale"), "issue.scale");
        assert_eq!(request_field("something"), "something");
    }

    #[test]
    fn each_store_error_has_its_code() {
        let cases = [
            (
                StoreError::AlreadyExists {
                    name: "actors/X".into(),
                },
                Code::AlreadyExists,
            ),
            (
                StoreError::Conflict {
                    name: "actors/X".into(),
                    expected: 1,
                    actual: Some(2),
                },
                Code::Aborted,
            ),
            (
                StoreError::InUse {
                    name: "actors/X".into(),
                    referenced_by: "stances/s".into(),
                },
                Code::FailedPrecondition,
            ),
            (StoreError::Backend("disk".into()), Code::Unavailable),
        ];
        for (e, code) in cases {
            let status = Status::from(ApiError::from(e));
            assert_eq!(status.code(), code);
            let info = status.get_details_error_info().expect("error info");
            assert_eq!(info.domain, DOMAIN);
        }
        let status = Status::from(ApiError::from(FieldError::new(
            "actor.kind",
            "unknown enum value 9",
        )));
        let bad = status.get_details_bad_request().expect("bad request");
        assert_eq!(bad.field_violations[0].field, "actor.kind");
    }
}
