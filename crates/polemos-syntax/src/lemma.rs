//! Lemmas, cheaply: a table of the training data's lemmas for (lower-cased form, UPOS) where a few
//! suffix rules would get them wrong (`was`→`be`, `children`→`child`, `us`→`we`), and the rules for
//! everything else (`talks`→`talk`, `tried`→`try`, proper nouns kept as written).

use std::collections::HashMap;

use crate::Error;
use crate::codec::{Reader, Writer};
use crate::hash::{Fnv, hash_str, mix};
use crate::perceptron::KeyMap;

#[derive(Default, Clone)]
pub(crate) struct Lemmatizer {
    /// (lower-cased form, UPOS) → lemma, only where the rules disagree with the treebank.
    table: HashMap<(String, String), String>,
    /// The same, keyed by [`key`], so a lookup allocates nothing.
    by_hash: KeyMap<String>,
}

/// Hash of (lower-cased form, UPOS).
fn key(form: &str, upos: &str) -> u64 {
    let mut h = Fnv::new();
    for c in form.chars().flat_map(char::to_lowercase) {
        h.char(c);
    }
    mix(h.finish(), hash_str(upos))
}

fn index(table: &HashMap<(String, String), String>) -> KeyMap<String> {
    table
        .iter()
        .map(|((f, u), l)| (key(f, u), l.clone()))
        .collect()
}

/// The rule-based lemma.
pub(crate) fn rule(form: &str, upos: &str) -> String {
    if upos == "PROPN" {
        return form.to_owned();
    }
    let w = form.to_lowercase();
    let strip = |suffix: &str, add: &str| -> Option<String> {
        let stem = w.strip_suffix(suffix)?;
        (stem.chars().count() >= 2).then(|| format!("{stem}{add}"))
    };
    let lemma = match upos {
        "NOUN" => strip("ies", "y")
            .or_else(|| {
                ["ches", "shes", "sses", "xes"]
                    .iter()
                    .find_map(|s| strip(s, &s[..s.len() - 2]))
            })
            .or_else(|| {
                if w.ends_with("ss") || w.ends_with("us") {
                    None
                } else {
                    strip("s", "")
                }
            }),
        "VERB" | "AUX" => strip("ies", "y")
            .or_else(|| strip("ied", "y"))
            .or_else(|| strip("ing", ""))
            .or_else(|| strip("ed", ""))
            .or_else(|| {
                if w.ends_with("ss") {
                    None
                } else {
                    strip("s", "")
                }
            }),
        _ => None,
    };
    lemma.unwrap_or(w)
}

impl Lemmatizer {
    /// Builds the table from (form, upos, lemma) triples: the most frequent lemma of each
    /// (lower-cased form, UPOS), kept only where the rules get it wrong.
    pub(crate) fn train<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut counts: HashMap<(String, String), HashMap<(String, String), usize>> =
            HashMap::new();
        for (form, upos, lemma) in words {
            if lemma == "_" {
                continue;
            }
            *counts
                .entry((form.to_lowercase(), upos.to_owned()))
                .or_default()
                .entry((lemma.to_owned(), form.to_owned()))
                .or_default() += 1;
        }
        let mut table = HashMap::new();
        for (key, options) in counts {
            let Some(((lemma, form), _)) = options
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            else {
                continue;
            };
            if rule(&form, &key.1) != lemma {
                table.insert(key, lemma);
            }
        }
        let by_hash = index(&table);
        Lemmatizer { table, by_hash }
    }

    pub(crate) fn lemma(&self, form: &str, upos: &str) -> String {
        match self.by_hash.get(&key(form, upos)) {
            Some(l) => l.clone(),
            None => rule(form, upos),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.table.len()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        let mut rows: Vec<_> = self.table.iter().collect();
        rows.sort();
        w.var(rows.len() as u64);
        for ((form, upos), lemma) in rows {
            w.str(form);
            w.str(upos);
            w.str(lemma);
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        let n = r.count(3)?;
        let mut table = HashMap::with_capacity(n);
        for _ in 0..n {
            let form = r.str()?;
            let upos = r.str()?;
            let lemma = r.str()?;
            table.insert((form, upos), lemma);
        }
        let by_hash = index(&table);
        Ok(Lemmatizer { table, by_hash })
    }
}
