//! The malformed-input matrix against every gRPC method: bad names, out-of-range numbers, NaN
//! and infinities, negative and huge page sizes, forged page tokens and etags, oversized text,
//! invalid and extreme dates, unknown enum values, cancelled streams. Each refusal is checked
//! for its status code and the field it names; after each group the server still serves and the
//! store has not moved (nothing written). The same bad input through `polemos import` is refused
//! the same way in polemos-cli's `tests/cli_bad_input.rs`.
//!
//! - `support`: the server under test and the `refused` assertion;
//! - `reads`: Get and List (names, page sizes, page tokens, filters);
//! - `writes`: Create, Update and Delete (values, dates, enums, names, text, etags, masks), and
//!   the output-only fields a write ignores;
//! - `import_extract`: ImportDossier and Extract;
//! - `analysis_watch`: the AnalysisService and WatchChanges.

mod analysis_watch;
mod import_extract;
mod reads;
mod support;
mod writes;
