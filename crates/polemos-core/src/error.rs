//! The core's error type: every way a request to the core can fail, with enough detail for the
//! adapters (CLI, gRPC, Python) to map each variant to their own error kind exhaustively.

use crate::validate::ValidationErrors;

/// Every way a request to the core can fail.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The input could not be read as the expected format.
    #[error("{}", parse_message(.format, *.line, .path, .message))]
    Parse {
        /// The format being read (`JSON`, `JSON Lines`, …).
        format: &'static str,
        /// The line of the input, when known.
        line: Option<usize>,
        /// Field path such as `stances[3].position`; empty when the problem is the syntax.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The input parsed but broke rules of the model.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// An argument outside what the operation accepts (not tied to a stored entity).
    #[error("invalid argument `{field}`: {message}")]
    InvalidArgument {
        /// The argument's name.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// A named resource does not exist.
    #[error("{kind} {name} not found")]
    NotFound {
        /// The kind of resource (`dispute`).
        kind: &'static str,
        /// The name asked for.
        name: String,
    },
    /// The caller asked a long computation to stop (a deadline passed, the client went away).
    #[error("{what} stopped before it finished")]
    Cancelled {
        /// The computation that stopped.
        what: String,
    },
}

fn parse_message(format: &str, line: Option<usize>, path: &str, message: &str) -> String {
    let mut out = format!("cannot read {format}");
    if let Some(line) = line {
        out.push_str(&format!(" (line {line})"));
    }
    if !path.is_empty() {
        out.push_str(&format!(" at `{path}`"));
    }
    out.push_str(": ");
    out.push_str(message);
    out
}
