//! Test support for `polemos-store`, kept out of the store's library so that what the store
//! publishes is the store: [`conformance`], the behaviour every backend must show (each
//! backend's tests run all of it, [`ingest`]'s included), and [`pg_harness`], a throwaway
//! PostgreSQL cluster for tests and benchmarks.

pub mod conformance;
pub mod ingest;
pub mod pg_harness;
