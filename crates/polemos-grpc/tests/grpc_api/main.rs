//! End-to-end tests of the gRPC API: a real server on 127.0.0.1:0 over an in-memory store,
//! called through the generated clients, including bad input and auth failures. One test
//! binary, one file per topic.

mod analysis;
mod analysis_inputs;
mod changes;
mod dossier;
mod extraction;
mod import;
mod reflection;
mod support;
