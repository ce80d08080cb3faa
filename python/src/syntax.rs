//! Syntax bindings: text in, sentences of tagged and parsed words out (polemos-syntax's embedded
//! English model), as plain dicts so they print, serialise and go into a DataFrame as they are.

use polemos_syntax::Model;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// Splits `text` into sentences and tokens, tags and parses them. Each sentence is a dict with
/// `start`, `end` (byte offsets into the UTF-8 text), `text` and `tokens`; each token has
/// `start`, `end`, `text`, `lemma`, `upos`, `xpos`, `head` (1-based index of its head in the
/// sentence, 0 for the root) and `deprel` (Universal Dependencies relation). Runs without the GIL.
#[pyfunction]
pub fn parse<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyList>> {
    let model = Model::builtin();
    let sentences = py.detach(|| model.parse(text));
    let out = PyList::empty(py);
    for s in sentences {
        let tokens = PyList::empty(py);
        for t in s.tokens {
            let d = PyDict::new(py);
            d.set_item("start", t.start)?;
            d.set_item("end", t.end)?;
            d.set_item("text", t.text)?;
            d.set_item("lemma", t.lemma)?;
            d.set_item("upos", t.upos)?;
            d.set_item("xpos", t.xpos)?;
            d.set_item("head", t.head)?;
            d.set_item("deprel", t.deprel)?;
            tokens.append(d)?;
        }
        let d = PyDict::new(py);
        d.set_item("start", s.start)?;
        d.set_item("end", s.end)?;
        d.set_item("text", s.text)?;
        d.set_item("tokens", tokens)?;
        out.append(d)?;
    }
    Ok(out)
}
