//! polemos-syntax: sentence splitting, tokenization, part-of-speech tagging (UPOS, XPOS, lemma)
//! and labelled dependency parsing (Universal Dependencies) of English text, in pure Rust.
//!
//! A greedy averaged-perceptron tagger, an arc-hybrid transition parser trained with a dynamic
//! oracle, and an arc labeller; the model trained on UD English EWT and the open genres of GUM is
//! embedded ([`Model::builtin`]), another can be loaded from a file ([`Model::load`]). See
//! `docs/syntax.md` for the design, the training command and the measured accuracy and speed.
//!
//! ```
//! let model = polemos_syntax::Model::builtin();
//! let sentences = model.parse("Japan rejected the proposal.");
//! let root = sentences[0].tokens.iter().find(|t| t.head == 0).unwrap();
//! assert_eq!(root.text, "rejected");
//! ```

mod classify;
mod codec;
pub mod conllu;
pub mod eval;
mod hash;
mod labeler;
mod lemma;
mod lexical;
mod model;
mod parser;
mod perceptron;
mod tagger;
pub mod tokenize;
pub mod train;
mod weights;

pub use model::{Model, Sentence, Token, to_conllu};
pub use tokenize::{SentenceSpans, tokenize};

/// What can go wrong loading a model or reading a treebank. A cause is in the message, and not
/// also the error's `source()`: a report of the chain (`{:#}`, the CLI's) would print it twice.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    #[error("not a valid polemos-syntax model: {0}")]
    BadModel(String),
    #[error("CoNLL-U line {line}: {message}")]
    Conllu { line: usize, message: String },
    #[error("training: {0}")]
    Training(String),
}
