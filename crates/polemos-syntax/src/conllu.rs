//! Reading CoNLL-U (universaldependencies.org/format.html) for training and evaluation, and
//! writing parses back out. Multiword-token ranges (`1-2`) and empty nodes (`1.1`) are skipped:
//! the parser works on syntactic words, and the ranges only matter when aligning raw text, for
//! which the reader keeps each range's surface form.

use crate::Error;

/// One syntactic word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based head, 0 for the root.
    pub head: usize,
    pub deprel: String,
    /// The surface token this word belongs to when it is part of a multiword token (`don't` for
    /// `do` and `n't`), as (first word, last word, form), 0-based word indices.
    pub multiword: Option<(usize, usize, String)>,
}

/// A treebank sentence: its `# text`, `# newdoc` / `# newpar` marks and its words.
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    pub text: Option<String>,
    pub sent_id: Option<String>,
    pub new_doc: bool,
    pub new_par: bool,
    pub words: Vec<GoldWord>,
}

/// Parses CoNLL-U text. Errors name the line.
pub fn parse(input: &str) -> Result<Vec<GoldSentence>, Error> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    let mut range: Option<(usize, usize, String)> = None;
    for (n, line) in input.lines().enumerate() {
        let bad = |what: &str| Error::Conllu {
            line: n + 1,
            message: what.to_owned(),
        };
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                check_heads(&cur).map_err(|m| bad(&m))?;
                out.push(std::mem::take(&mut cur));
            }
            range = None;
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.trim().to_owned());
            } else if let Some(t) = c.strip_prefix("sent_id =") {
                cur.sent_id = Some(t.trim().to_owned());
            } else if c.starts_with("newdoc") {
                cur.new_doc = true;
                cur.new_par = true;
            } else if c.starts_with("newpar") && !c.starts_with("newpar_") {
                cur.new_par = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad("expected 10 tab-separated columns"));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // an empty node of the enhanced graph
        }
        if let Some((a, b)) = id.split_once('-') {
            let a: usize = a.parse().map_err(|_| bad("bad range id"))?;
            let b: usize = b.parse().map_err(|_| bad("bad range id"))?;
            if a == 0 || b < a {
                return Err(bad("bad range id"));
            }
            range = Some((a - 1, b - 1, cols[1].to_owned()));
            continue;
        }
        let id: usize = id.parse().map_err(|_| bad("bad word id"))?;
        if id != cur.words.len() + 1 {
            return Err(bad("word ids must run 1, 2, 3, …"));
        }
        let head: usize = cols[6].parse().map_err(|_| bad("bad head"))?;
        let i = id - 1;
        let multiword = range.as_ref().filter(|r| r.0 <= i && i <= r.1).cloned();
        cur.words.push(GoldWord {
            form: cols[1].to_owned(),
            lemma: cols[2].to_owned(),
            upos: cols[3].to_owned(),
            xpos: cols[4].to_owned(),
            head,
            deprel: cols[7].to_owned(),
            multiword,
        });
    }
    if !cur.words.is_empty() {
        let line = input.lines().count();
        check_heads(&cur).map_err(|m| Error::Conllu { line, message: m })?;
        out.push(cur);
    }
    Ok(out)
}

fn check_heads(s: &GoldSentence) -> Result<(), String> {
    let n = s.words.len();
    if s.words.iter().any(|w| w.head > n) {
        return Err("head beyond the sentence".into());
    }
    Ok(())
}

/// Reads and parses a CoNLL-U file.
pub fn read(path: &std::path::Path) -> Result<Vec<GoldSentence>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.display().to_string(),
        cause: e,
    })?;
    parse(&text)
}
