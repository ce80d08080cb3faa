//! Reflection serves what a generic tool (grpcurl, `buf curl`, Postman) needs to decode an
//! error: the descriptor of every detail type the server puts in `grpc-status-details-bin`, with
//! the files it imports.

use prost::Message;
use prost_types::FileDescriptorProto;
use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
use tonic_reflection::pb::v1::{ServerReflectionRequest, ServerReflectionResponse};

use crate::support::*;

/// One reflection question and its answer (tonic's reflection answers an unknown symbol or file
/// with an error status on the stream rather than an `ErrorResponse`).
async fn ask(
    channel: Channel,
    request: MessageRequest,
) -> Result<ServerReflectionResponse, Status> {
    let mut client = ServerReflectionClient::new(channel);
    let req = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(request),
    };
    let mut stream = client
        .server_reflection_info(tokio_stream::iter(vec![req]))
        .await
        .expect("reflection answers")
        .into_inner();
    stream.next().await.expect("one answer")
}

/// The files reflection returns for a request, or the error it reports.
async fn files(
    channel: Channel,
    request: MessageRequest,
) -> Result<Vec<FileDescriptorProto>, String> {
    let answer = ask(channel, request)
        .await
        .map_err(|s| s.message().to_owned())?;
    match answer.message_response {
        Some(MessageResponse::FileDescriptorResponse(files)) => Ok(files
            .file_descriptor_proto
            .iter()
            .map(|raw| FileDescriptorProto::decode(raw.as_slice()).expect("a file descriptor"))
            .collect()),
        Some(MessageResponse::ErrorResponse(e)) => Err(e.error_message),
        other => panic!("unexpected reflection answer {other:?}"),
    }
}

/// Resolves `symbol` as a tool does: the file that declares it, then every file it imports,
/// by name. Returns the files' names; fails when any of them cannot be had.
async fn resolve(channel: &Channel, symbol: &str) -> Vec<String> {
    let found = files(
        channel.clone(),
        MessageRequest::FileContainingSymbol(symbol.into()),
    )
    .await
    .unwrap_or_else(|e| panic!("{symbol} is not served: {e}"));
    let file = &found[0];
    let (package, message) = symbol.rsplit_once('.').expect("a qualified name");
    assert_eq!(file.package(), package, "{symbol}");
    assert!(
        file.message_type.iter().any(|m| m.name() == message),
        "{} declares {symbol}",
        file.name()
    );
    let mut names = vec![file.name().to_owned()];
    let mut pending = file.dependency.clone();
    while let Some(dep) = pending.pop() {
        if names.contains(&dep) {
            continue;
        }
        let got = files(channel.clone(), MessageRequest::FileByFilename(dep.clone()))
            .await
            .unwrap_or_else(|e| panic!("{symbol} needs {dep}, which is not served: {e}"));
        pending.extend(got.iter().flat_map(|f| f.dependency.clone()));
        names.push(dep);
    }
    names
}

#[tokio::test]
async fn reflection_serves_every_error_detail_type_the_server_sends() {
    let server = Server::start(true, false).await;
    let mut client = server.dossier(&server.reader).await;
    // A malformed name: INVALID_ARGUMENT with ErrorInfo and a BadRequest field violation.
    let err = client
        .get_actor(pb::GetActorRequest {
            name: "not a name".into(),
            revision: None,
        })
        .await
        .expect_err("a malformed name is refused");
    assert_eq!(err.code(), Code::InvalidArgument);
    let status = tonic_types::pb::Status::decode(err.details()).expect("rich status details");
    let sent: Vec<String> = status
        .details
        .iter()
        .map(|any| {
            any.type_url
                .strip_prefix("type.googleapis.com/")
                .unwrap_or_else(|| panic!("a resolvable type URL: {}", any.type_url))
                .to_owned()
        })
        .collect();
    for want in ["google.rpc.ErrorInfo", "google.rpc.BadRequest"] {
        assert!(sent.iter().any(|t| t == want), "{want} in {sent:?}");
    }

    let channel = server.channel().await;
    for symbol in &sent {
        let names = resolve(&channel, symbol).await;
        assert_eq!(names[0], "google/rpc/error_details.proto", "{symbol}");
    }
    // The envelope itself, for tools that decode the trailer as a message.
    let names = resolve(&channel, "google.rpc.Status").await;
    assert!(
        names.iter().any(|n| n == "google/protobuf/any.proto"),
        "{names:?}"
    );
    // And the polemos files still resolve with the google.api files they import.
    let names = resolve(&channel, "polemos.v1.Actor").await;
    for want in [
        "google/api/field_behavior.proto",
        "google/api/resource.proto",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
    }
    server.stop().await;
}
