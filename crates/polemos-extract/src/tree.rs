//! The parse layer: every sentence of the document tagged and parsed into Universal Dependencies
//! by `polemos-syntax`, with spans in document bytes, and the questions later stages ask of it
//! (which word is at this offset, what are its subject, object and obliques, is it negated).
//! Token patterns cannot say who is the subject of "accused" or what "said" introduces; the
//! tree can.

use std::sync::Arc;

use polemos_syntax::{Model, Token};

use crate::ir::Doc;
use crate::knowledge::Knowledge;

/// The syntax model an extractor parses with: the one built into polemos-syntax, or one the user
/// loaded from a file.
#[derive(Clone, Default)]
pub enum SyntaxModel {
    #[default]
    Builtin,
    Custom(Arc<Model>),
}

impl SyntaxModel {
    #[must_use]
    pub fn get(&self) -> &Model {
        match self {
            Self::Builtin => Model::builtin(),
            Self::Custom(m) => m,
        }
    }
}

impl std::fmt::Debug for SyntaxModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Builtin => f.write_str("SyntaxModel::Builtin"),
            Self::Custom(_) => f.write_str("SyntaxModel::Custom"),
        }
    }
}

/// A word of the parse: its sentence in [`Parse::sentences`] and its 0-based index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Word {
    pub sentence: usize,
    pub index: usize,
}

/// One parsed sentence of the document (the extractor's sentence `doc_sentence`; the parser
/// may split it further, so several parsed sentences can share one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub doc_sentence: usize,
    /// Document byte span.
    pub start: usize,
    pub end: usize,
    /// Words with document byte spans; `head` is 1-based within this sentence, 0 for the root.
    pub tokens: Vec<Token>,
}

/// The whole document's parse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parse {
    pub sentences: Vec<Parsed>,
    /// Every word's start byte and its place, in text order, to find a word by offset.
    starts: Vec<(usize, Word)>,
}

impl Parse {
    /// The word of `w`.
    #[must_use]
    pub fn token(&self, w: Word) -> Option<&Token> {
        self.sentences.get(w.sentence)?.tokens.get(w.index)
    }

    /// The word covering byte `at`, or the first word after it within the same parsed sentence.
    #[must_use]
    pub fn word_at(&self, at: usize) -> Option<Word> {
        let i = self.starts.partition_point(|(s, _)| *s <= at);
        let (start, w) = *self.starts.get(i.checked_sub(1)?)?;
        let t = self.token(w)?;
        (start <= at && at < t.end.max(start + 1)).then_some(w)
    }

    /// The words whose spans overlap `start..end`, in order.
    #[must_use]
    pub fn words_in(&self, start: usize, end: usize) -> Vec<Word> {
        let from = self.starts.partition_point(|(s, _)| *s < start);
        let mut out: Vec<Word> = Vec::new();
        if let Some(w) = from
            .checked_sub(1)
            .and_then(|i| self.starts.get(i))
            .map(|x| x.1)
            && self.token(w).is_some_and(|t| t.end > start)
        {
            out.push(w);
        }
        out.extend(
            self.starts[from..]
                .iter()
                .take_while(|(s, _)| *s < end)
                .map(|x| x.1),
        );
        out
    }

    /// The syntactic head of `words` (a mention's words): the one whose head lies outside them.
    #[must_use]
    pub fn head_of(&self, words: &[Word]) -> Option<Word> {
        words
            .iter()
            .copied()
            .find(|w| self.head(*w).is_none_or(|h| !words.contains(&h)))
    }

    /// The head of `w`, none for the root.
    #[must_use]
    pub fn head(&self, w: Word) -> Option<Word> {
        let h = self.token(w)?.head;
        (h > 0).then_some(Word {
            sentence: w.sentence,
            index: h - 1,
        })
    }

    /// The relation of `w` to its head without its subtype (`nsubj` for `nsubj:pass`).
    #[must_use]
    pub fn rel(&self, w: Word) -> &str {
        self.token(w)
            .map_or("", |t| t.deprel.split(':').next().unwrap_or(""))
    }

    /// The dependents of `w`, in text order.
    pub fn dependents(&self, w: Word) -> impl Iterator<Item = Word> + '_ {
        let tokens = self
            .sentences
            .get(w.sentence)
            .map_or(&[][..], |s| s.tokens.as_slice());
        tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == w.index + 1)
            .map(move |(index, _)| Word {
                sentence: w.sentence,
                index,
            })
    }

    /// The first dependent of `w` whose relation is `rel` (subtypes included: `obl` finds
    /// `obl:tmod`; `nsubj:pass` only itself).
    #[must_use]
    pub fn dependent(&self, w: Word, rel: &str) -> Option<Word> {
        self.dependents(w).find(|d| self.has_rel(*d, rel))
    }

    /// Whether `w`'s relation is `rel` or a subtype of it.
    #[must_use]
    pub fn has_rel(&self, w: Word, rel: &str) -> bool {
        self.token(w).is_some_and(|t| {
            t.deprel == rel
                || (t.deprel.starts_with(rel) && t.deprel.as_bytes().get(rel.len()) == Some(&b':'))
        })
    }

    /// The words coordinated with `w` ("Japan and Russia": Russia for Japan), `w` first.
    #[must_use]
    pub fn conjuncts(&self, w: Word) -> Vec<Word> {
        let mut out = vec![w];
        let mut i = 0;
        while let Some(&x) = out.get(i) {
            out.extend(self.dependents(x).filter(|d| self.has_rel(*d, "conj")));
            i += 1;
        }
        out
    }

    /// Whether `w` is negated by a dependent ("did not reject", "never").
    #[must_use]
    pub fn negated(&self, w: Word) -> bool {
        self.dependents(w).any(|d| {
            self.token(d).is_some_and(|t| {
                t.deprel == "advmod"
                    && matches!(
                        t.lemma.to_ascii_lowercase().as_str(),
                        "not" | "never" | "n't"
                    )
            })
        })
    }

    /// The byte span of `w` and everything below it.
    #[must_use]
    pub fn subtree_span(&self, w: Word) -> Option<(usize, usize)> {
        let tokens = &self.sentences.get(w.sentence)?.tokens;
        let mut inside = vec![false; tokens.len()];
        *inside.get_mut(w.index)? = true;
        // Heads precede or follow dependents in any order: repeat until nothing is added; a
        // sentence is short and the loop is bounded by its depth.
        let mut changed = true;
        while changed {
            changed = false;
            for (i, t) in tokens.iter().enumerate() {
                if !inside[i] && t.head > 0 && inside.get(t.head - 1) == Some(&true) {
                    inside[i] = true;
                    changed = true;
                }
            }
        }
        let first = inside.iter().position(|x| *x)?;
        let last = inside.iter().rposition(|x| *x)?;
        Some((tokens[first].start, tokens[last].end))
    }
}

/// Whether a later stage can read an event or a stance from sentence `s`: it is not a headline
/// and the gazetteer found an event cue, a stance or reporting cue, or an issue in it. Only those
/// are parsed: the parser is most of the pipeline's time, and the other sentences yield only
/// mentions, which the gazetteer finds without it.
fn worth_parsing(k: &Knowledge, doc: &Doc<'_>) -> Vec<bool> {
    let mut worth = vec![false; doc.sentences.len()];
    for m in &doc.raw {
        let wanted = k.entries(m.pattern).iter().any(|e| {
            matches!(
                e,
                crate::knowledge::Entry::Event(_)
                    | crate::knowledge::Entry::Cue(_)
                    | crate::knowledge::Entry::Topic(_)
            )
        });
        if wanted && let Some(w) = worth.get_mut(m.sentence) {
            *w = true;
        }
    }
    for (w, s) in worth.iter_mut().zip(&doc.sentences) {
        *w &= !s.headline;
    }
    worth
}

/// The `parse` stage: parses, once, every sentence a later stage can read an event or a stance
/// from (see [`worth_parsing`]).
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let model = k.syntax.get();
    let worth = worth_parsing(k, doc);
    let mut parse = Parse::default();
    for (i, s) in doc.sentences.iter().enumerate() {
        if !worth[i] {
            continue;
        }
        let Some(text) = doc.text.get(s.start..s.end) else {
            continue;
        };
        doc.tick(s.end - s.start);
        for mut p in model.parse(text) {
            for t in &mut p.tokens {
                t.start += s.start;
                t.end += s.start;
            }
            let n = parse.sentences.len();
            parse.starts.extend(
                p.tokens
                    .iter()
                    .enumerate()
                    .map(|(index, t)| (t.start, Word { sentence: n, index })),
            );
            parse.sentences.push(Parsed {
                doc_sentence: i,
                start: p.start + s.start,
                end: p.end + s.start,
                tokens: p.tokens,
            });
        }
    }
    doc.parse = parse;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Parse, String) {
        let k = Knowledge::builtin().unwrap();
        let mut doc = Doc::new(text, None);
        crate::text::lines(&k, &mut doc);
        crate::text::tokens(&mut doc);
        crate::text::sentences(&mut doc);
        crate::gazetteer::run(&k, &mut doc);
        run(&k, &mut doc);
        (doc.parse, text.to_owned())
    }

    fn word(p: &Parse, text: &str, w: &str) -> Word {
        p.word_at(text.find(w).unwrap()).unwrap()
    }

    #[test]
    fn spans_are_document_bytes_across_sentences() {
        let text = "Japan protested. Beijing rejected the protest on Tuesday.";
        let (p, text) = parse(text);
        assert!(p.sentences.len() >= 2);
        for s in &p.sentences {
            for t in &s.tokens {
                assert_eq!(&text[t.start..t.end], t.text);
            }
        }
        let rejected = word(&p, &text, "rejected");
        assert_eq!(p.token(rejected).unwrap().text, "rejected");
        let subject = p.dependent(rejected, "nsubj").unwrap();
        assert_eq!(p.token(subject).unwrap().text, "Beijing");
        let object = p.dependent(rejected, "obj").unwrap();
        assert_eq!(p.token(object).unwrap().text, "protest");
        let (a, b) = p.subtree_span(object).unwrap();
        assert_eq!(&text[a..b], "the protest");
    }

    #[test]
    fn coordination_and_negation() {
        let text = "Japan and Russia did not reject the proposal.";
        let (p, text) = parse(text);
        let reject = word(&p, &text, "reject");
        assert!(p.negated(reject));
        let subject = p.dependent(reject, "nsubj").unwrap();
        let names: Vec<&str> = p
            .conjuncts(subject)
            .into_iter()
            .map(|w| p.token(w).unwrap().text.as_str())
            .collect();
        assert_eq!(names, ["Japan", "Russia"]);
    }

    #[test]
    fn words_in_a_span_and_their_head() {
        let text = "Foreign Minister Taro Kono met Sergei Lavrov.";
        let (p, text) = parse(text);
        let start = text.find("Foreign").unwrap();
        let end = text.find(" met").unwrap();
        let words = p.words_in(start, end);
        assert_eq!(words.len(), 4);
        // The phrase's head (in UD, the first word of a flat name) is the verb's subject.
        let head = p.head_of(&words).unwrap();
        assert!(p.has_rel(head, "nsubj"), "{:?}", p.token(head));
        let met = word(&p, &text, "met");
        assert_eq!(p.head(head), Some(met));
        assert!(p.word_at(text.len() + 10).is_none());
    }
}
