//! polemos-proto: the `polemos.v1` gRPC API as Rust types and tonic service stubs, generated at
//! build time from the `.proto` files in the repository's `proto/` folder, which are the API's
//! reference for clients in every language.

#![allow(clippy::all, clippy::pedantic, missing_docs)]

/// Package `polemos.v1`.
pub mod v1 {
    // What `tonic::include_proto!` expands to, spelled out so that the messages build without
    // tonic (feature `services` off).
    include!(concat!(env!("OUT_DIR"), "/polemos.v1.rs"));
}

/// The encoded `FileDescriptorSet` of every polemos proto file, for server reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/polemos_descriptor.bin"));
