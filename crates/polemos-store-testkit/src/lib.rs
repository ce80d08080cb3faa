//! Test support for `polemos-store`, kept out of the store's library so that what the store
//! publishes is the store: [`conformance`], the behaviour every backend must show (each
//! backend's tests run all of it, [`ingest`]'s included), [`pg_harness`], a throwaway
//! PostgreSQL cluster for tests and benchmarks, and [`list_bench`], the grown store and the
//! measuring the list-page benchmarks share.

pub mod conformance;
pub mod ingest;
pub mod list_bench;
pub mod migration;
pub mod pg_harness;
