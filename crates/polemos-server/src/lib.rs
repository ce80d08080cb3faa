//! The library side of the `polemos` binary: the gRPC server, shared by `polemos serve`, the
//! integration tests and the load bench.

pub mod grpc;
