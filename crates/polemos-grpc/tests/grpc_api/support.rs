//! What the API tests share: the test server (polemos-grpc-testkit), readers of the error
//! details a status carries, and the reference dossier's figures the analyses are checked
//! against.

#![allow(dead_code, unused_imports)]

pub use std::sync::Arc;
pub use std::time::Duration;

pub use polemos_core::Dossier;
pub use polemos_grpc::{self as grpc, Keys, Limits, Options, Shared, auth};
pub use polemos_grpc_testkit::{ARTICLE, Auth, KURIL, Server, violations, with_key};
pub use polemos_proto::v1 as pb;
pub use polemos_proto::v1::change_service_client::ChangeServiceClient;
pub use polemos_proto::v1::dossier_service_client::DossierServiceClient;
pub use polemos_proto::v1::extraction_service_client::ExtractionServiceClient;
pub use polemos_store::{Store, WriteBatch};
pub use tokio::sync::oneshot;
pub use tokio_stream::StreamExt;
pub use tonic::metadata::MetadataValue;
pub use tonic::service::interceptor::InterceptedService;
pub use tonic::transport::Channel;
pub use tonic::{Code, Request, Status};
pub use tonic_types::StatusExt;

pub fn field_violation(status: &Status) -> String {
    violations(status).into_iter().next().unwrap_or_default()
}

pub fn reason(status: &Status) -> String {
    status
        .get_details_error_info()
        .map(|i| i.reason)
        .unwrap_or_default()
}

pub fn new_actor(id: &str) -> pb::Actor {
    pb::Actor {
        name: format!("actors/{id}"),
        kind: pb::ActorKind::State as i32,
        display_name: format!("Actor {id}"),
        ..Default::default()
    }
}

// ---------------------------------------------------------------- typed analyses

pub use polemos_proto::v1::analysis_service_client::AnalysisServiceClient;

pub async fn analysis(
    server: &Server,
    key: Option<&str>,
) -> AnalysisServiceClient<InterceptedService<Channel, Auth>> {
    server.analysis(key).await
}

pub const DISPUTE: &str = "disputes/kuril-islands";
pub const TREATY: &str = "disputes/kuril-islands/issues/peace-treaty";
pub const SOVEREIGNTY: &str = "disputes/kuril-islands/issues/sovereignty";
pub const JOINT: &str = "disputes/kuril-islands/issues/joint-economic-activities";
/// After every stance of the reference dossier became known (its article is of 2018-09-19).
pub const KNOWN: &str = "2018-10-01";

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Japan and Russia on the three issues, from the dossier by hand (position, salience):
/// treaty JPN 75 (0.7) / RUS 100 (0.8); sovereignty JPN 100 (0.9) / RUS 10 (0.3); joint
/// activities both 100 (0.5). Distance = Σ w·|Δp|/100 / Σ w with w the mean salience:
/// (0.75·0.25 + 0.6·0.9 + 0.5·0) / (0.75 + 0.6 + 0.5) = 0.7275 / 1.85.
pub const JPN_RUS_DISTANCE: f64 = 0.7275 / 1.85;

/// Wire-compatible stand-ins for `ExtractRequest`/`Document` whose text is bytes, to send text
/// that is not UTF-8.
#[derive(Clone, PartialEq, prost::Message)]
pub struct RawDocument {
    #[prost(bytes = "vec", tag = "7")]
    text: Vec<u8>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct RawExtractRequest {
    #[prost(message, optional, tag = "1")]
    document: Option<RawDocument>,
}

pub async fn raw_extract(server: &Server, text: Vec<u8>) -> Result<pb::ExtractResponse, Status> {
    let mut grpc = tonic::client::Grpc::new(server.channel().await);
    grpc.ready().await.expect("ready");
    let req = with_key(
        RawExtractRequest {
            document: Some(RawDocument { text }),
        },
        &server.admin,
    );
    let path = tonic::codegen::http::uri::PathAndQuery::from_static(
        "/polemos.v1.ExtractionService/Extract",
    );
    grpc.unary(req, path, tonic_prost::ProstCodec::default())
        .await
        .map(tonic::Response::into_inner)
}
