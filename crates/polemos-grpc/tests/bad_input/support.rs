//! The server every bad-input test starts, and the assertion each refusal goes through.

use std::fmt::Debug;

use polemos_core::Dossier;
use polemos_grpc::{Limits, Options};
pub use polemos_grpc_testkit::violations as fields;
use polemos_grpc_testkit::{KURIL, Server};
use polemos_proto::v1 as pb;
use tonic::{Code, Response, Status};

/// Asserts `result` is refused with `code`, naming `field` among its violations (when given).
#[track_caller]
pub fn refused<T: Debug>(what: &str, result: Result<Response<T>, Status>, code: Code, field: &str) {
    let st = match result {
        Ok(r) => panic!("{what}: accepted: {:?}", r.into_inner()),
        Err(st) => st,
    };
    assert_eq!(st.code(), code, "{what}: {st:?}");
    if !field.is_empty() {
        let named = fields(&st);
        assert!(
            named.iter().any(|f| f == field),
            "{what}: expected field `{field}`, got {named:?} ({})",
            st.message()
        );
    }
    assert!(
        st.message().len() < 2048,
        "{what}: the message echoes too much ({} bytes)",
        st.message().len()
    );
}

pub struct Suite {
    pub server: Server,
}

impl Suite {
    pub async fn start() -> Self {
        let dossier = Dossier::from_json(KURIL).expect("reference dossier");
        let options = Options {
            limits: Limits {
                max_text_bytes: 64 * 1024,
                ..Limits::default()
            },
            max_message_bytes: 512 * 1024,
            ..Options::default()
        };
        Self {
            server: Server::start_with(options, Some(&dossier)).await,
        }
    }

    pub fn head(&self) -> u64 {
        self.server.store.head().expect("head")
    }

    /// The server still answers, and nothing was written since `head`.
    pub async fn intact(&self, head: u64, after: &str) {
        assert_eq!(self.head(), head, "something was written by {after}");
        let mut d = self.server.dossier(&self.server.admin).await;
        d.get_actor(pb::GetActorRequest {
            name: "actors/JPN".into(),
            revision: None,
        })
        .await
        .unwrap_or_else(|e| panic!("the server stopped serving after {after}: {e:?}"));
    }
}

pub fn long(n: usize) -> String {
    "a".repeat(n)
}

pub fn bad_names(kind: &str) -> Vec<String> {
    vec![
        String::new(),
        kind.to_owned(),
        format!("{kind}/"),
        format!("{kind}/has space"),
        format!("{kind}/ü"),
        format!("{kind}/{}", long(8_000)),
        "wrong/x".into(),
        "../../etc/passwd".into(),
    ]
}
