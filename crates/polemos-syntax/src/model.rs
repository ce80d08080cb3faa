//! The trained model (tagger, parser, labeller, lemma table) and the public parse API: text in,
//! sentences of tagged, lemmatised, attached and labelled tokens out, with byte spans.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::Error;
use crate::codec::{Reader, Writer};
use crate::labeler::{self, Ctx};
use crate::lemma::Lemmatizer;
use crate::lexical::Lex;
use crate::tagger::{self, TagDict};
use crate::weights::Weights;
use crate::{parser, tokenize};

const MAGIC: &[u8] = b"polemos-syntax model v3\n";

/// The model shipped in the crate (see `crates/polemos-syntax/models/README.md`).
static BUILTIN_BYTES: &[u8] = include_bytes!("../models/en.model");

/// A word of a parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text given to [`Model::parse`] (for [`Model::parse_tokens`]: in the words
    /// joined by single spaces).
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub lemma: String,
    /// Universal part-of-speech tag (`NOUN`, `VERB`, `AUX`, …).
    pub upos: String,
    /// Penn Treebank tag (`NNS`, `VBD`, …).
    pub xpos: String,
    /// 1-based index of the head word in the sentence, 0 for the root (as in CoNLL-U).
    pub head: usize,
    /// Universal Dependencies relation with its English subtype (`nsubj:pass`, `obl:tmod`).
    pub deprel: String,
}

/// A parsed sentence: its byte span, its text and its words. Exactly one word has `head == 0`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub tokens: Vec<Token>,
}

/// A tagger, parser and labeller with their tag sets.
pub struct Model {
    /// Where the model came from (training data, command, date), as stored in the file.
    provenance: String,
    /// Joint tagger classes: (UPOS, XPOS).
    tags: Vec<(String, String)>,
    tag_upos: Vec<String>,
    tagger: Weights,
    dict: TagDict,
    parser: Weights,
    /// Provisional labels while parsing (features for later moves).
    arcs: Weights,
    labels: Vec<String>,
    root_label: usize,
    punct_label: Option<usize>,
    labeler: Weights,
    lemmas: Lemmatizer,
}

/// The analysis of one sentence's words, as ids.
pub(crate) struct Analysis {
    pub(crate) tags: Vec<u8>,
    pub(crate) heads: Vec<usize>,
    pub(crate) labels: Vec<u8>,
}

impl Model {
    /// The embedded English model, decoded on first use (30–40 ms of CPU on the development machine).
    ///
    /// # Panics
    /// Only if the model compiled into the crate is corrupt, which the crate's tests rule out.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(BUILTIN_BYTES).expect("the embedded model is valid"))
    }

    /// Loads a model file written by `polemos-syntax-train`.
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Model, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::Io {
            path: path.display().to_string(),
            cause: e,
        })?;
        Model::from_bytes(&bytes)
    }

    /// Decodes a model from its bytes; any malformed input is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len()).ok() != Some(MAGIC) {
            return Err(Error::BadModel(
                "wrong magic (not a model file, or another version)".into(),
            ));
        }
        let provenance = r.str()?;
        let n = r.count(2)?;
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            tags.push((r.str()?, r.str()?));
        }
        let n = r.count(2)?;
        let mut dict = TagDict::default();
        for _ in 0..n {
            let key = r.var()?;
            let t = r.u8()?;
            dict.insert(key, t);
        }
        let tagger = Weights::read(&mut r)?;
        let parser = Weights::read(&mut r)?;
        let arcs = Weights::read(&mut r)?;
        let n = r.count(1)?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let labeler = Weights::read(&mut r)?;
        let lemmas = Lemmatizer::read(&mut r)?;
        if r.remaining() != 0 {
            return Err(Error::BadModel("trailing bytes".into()));
        }
        Model::assemble(
            provenance, tags, dict, tagger, parser, arcs, labels, labeler, lemmas,
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn assemble(
        provenance: String,
        tags: Vec<(String, String)>,
        dict: TagDict,
        tagger: Weights,
        parser: Weights,
        arcs: Weights,
        labels: Vec<String>,
        labeler: Weights,
        lemmas: Lemmatizer,
    ) -> Result<Model, Error> {
        let bad = |m: &str| Err(Error::BadModel(m.to_owned()));
        if tags.is_empty() || tags.len() != tagger.n_classes() {
            return bad("tag set and tagger disagree");
        }
        if parser.n_classes() != parser::MOVES {
            return bad("parser must have three moves");
        }
        if labels.len() != labeler.n_classes() || labels.len() != arcs.n_classes() {
            return bad("label set and labeller disagree");
        }
        if dict
            .values()
            .any(|&t| usize::from(t & !tagger::SURE) >= tags.len())
        {
            return bad("tag dictionary names an unknown tag");
        }
        let Some(root_label) = labels.iter().position(|l| l == "root") else {
            return bad("no `root` label");
        };
        let tag_upos = tags.iter().map(|t| t.0.clone()).collect();
        let punct_label = labels.iter().position(|l| l == "punct");
        Ok(Model {
            provenance,
            tags,
            tag_upos,
            tagger,
            dict,
            parser,
            arcs,
            labels,
            root_label,
            punct_label,
            labeler,
            lemmas,
        })
    }

    /// Encodes the model in the file format [`Model::from_bytes`] reads.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.str(&self.provenance);
        w.var(self.tags.len() as u64);
        for (u, x) in &self.tags {
            w.str(u);
            w.str(x);
        }
        let mut dict: Vec<_> = self.dict.iter().collect();
        dict.sort();
        w.var(dict.len() as u64);
        for (&k, &t) in dict {
            w.var(k);
            w.u8(t);
        }
        self.tagger.write(&mut w);
        self.parser.write(&mut w);
        self.arcs.write(&mut w);
        w.var(self.labels.len() as u64);
        for l in &self.labels {
            w.str(l);
        }
        self.labeler.write(&mut w);
        self.lemmas.write(&mut w);
        w.buf
    }

    /// A smaller, faster copy keeping about `budget` weights in the tagger, parser, provisional
    /// arc labeller and labeller (the largest in magnitude).
    #[must_use]
    pub fn compacted(&self, budget: [usize; 4]) -> Model {
        Model {
            provenance: self.provenance.clone(),
            tags: self.tags.clone(),
            tag_upos: self.tag_upos.clone(),
            tagger: self.tagger.pruned(budget[0]),
            dict: self.dict.clone(),
            parser: self.parser.pruned(budget[1]),
            arcs: self.arcs.pruned(budget[2]),
            labels: self.labels.clone(),
            root_label: self.root_label,
            punct_label: self.punct_label,
            labeler: self.labeler.pruned(budget[3]),
            lemmas: self.lemmas.clone(),
        }
    }

    /// Where the model came from.
    #[must_use]
    pub fn provenance(&self) -> &str {
        &self.provenance
    }

    /// Sizes for reports: (tagger, parser, arc labeller, labeller) weight entries and lemma table
    /// rows.
    #[must_use]
    pub fn sizes(&self) -> (usize, usize, usize, usize, usize) {
        (
            self.tagger.n_entries(),
            self.parser.n_entries(),
            self.arcs.n_entries(),
            self.labeler.n_entries(),
            self.lemmas.len(),
        )
    }

    /// Tags, parses and labels one sentence's words.
    pub(crate) fn analyze(&self, forms: &[&str]) -> Analysis {
        let lex: Vec<Lex> = forms.iter().map(|f| Lex::new(f)).collect();
        let tags = tagger::tag(&self.tagger, &self.dict, &lex);
        let heads = parser::parse_weights(&self.parser, &self.arcs, &lex, &tags);
        let kids = labeler::children(&heads);
        let upos: Vec<&str> = self.tag_upos.iter().map(String::as_str).collect();
        let cx = Ctx {
            lex: &lex,
            tags: &tags,
            upos: &upos,
            heads: &heads,
            kids: &kids,
        };
        let labels = labeler::label(&self.labeler, &cx, self.root_label, self.punct_label);
        Analysis {
            tags,
            heads,
            labels,
        }
    }

    fn sentence(&self, text: &str, start: usize, end: usize, spans: &[(usize, usize)]) -> Sentence {
        let forms: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        let a = self.analyze(&forms);
        let tokens = spans
            .iter()
            .zip(&forms)
            .enumerate()
            .map(|(i, (&(s, e), form))| {
                let (upos, xpos) = &self.tags[usize::from(a.tags[i])];
                Token {
                    start: s,
                    end: e,
                    text: (*form).to_owned(),
                    lemma: self.lemmas.lemma(form, upos),
                    upos: upos.clone(),
                    xpos: xpos.clone(),
                    head: a.heads[i + 1],
                    deprel: self.labels[usize::from(a.labels[i + 1])].clone(),
                }
            })
            .collect();
        Sentence {
            start,
            end,
            text: text[start..end].to_owned(),
            tokens,
        }
    }

    /// Splits `text` into sentences and tokens and analyses each sentence. Linear in the text;
    /// never panics.
    #[must_use]
    pub fn parse(&self, text: &str) -> Vec<Sentence> {
        tokenize::tokenize(text)
            .iter()
            .map(|s| self.sentence(text, s.start, s.end, &s.tokens))
            .collect()
    }

    /// Analyses one already tokenized sentence. Token spans are offsets into the words joined by
    /// single spaces. Sentences longer than the tokenizer's cap are analysed whole (the cost
    /// stays linear).
    #[must_use]
    pub fn parse_tokens<S: AsRef<str>>(&self, words: &[S]) -> Sentence {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(words.len());
        for w in words {
            if !text.is_empty() {
                text.push(' ');
            }
            let s = text.len();
            text.push_str(w.as_ref());
            spans.push((s, text.len()));
        }
        self.sentence(&text, 0, text.len(), &spans)
    }
}

impl Sentence {
    /// The sentence in CoNLL-U, with `# text`, `SpaceAfter=No` where the next token follows
    /// without a space, and `_` for features and enhanced dependencies.
    #[must_use]
    pub fn to_conllu(&self, sent_id: Option<&str>) -> String {
        let mut out = String::new();
        if let Some(id) = sent_id {
            let _ = writeln!(out, "# sent_id = {id}");
        }
        let one_line: String = self
            .text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let _ = writeln!(out, "# text = {one_line}");
        for (i, t) in self.tokens.iter().enumerate() {
            let glued = self.tokens.get(i + 1).is_some_and(|n| n.start == t.end);
            let clean = |s: &str| -> String {
                s.chars()
                    .map(|c| if c.is_whitespace() { '_' } else { c })
                    .collect()
            };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                clean(&t.text),
                clean(&t.lemma),
                t.upos,
                t.xpos,
                t.head,
                t.deprel,
                if glued { "SpaceAfter=No" } else { "_" }
            );
        }
        out.push('\n');
        out
    }
}

/// Sentences in CoNLL-U, numbered from 1.
#[must_use]
pub fn to_conllu(sentences: &[Sentence]) -> String {
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| s.to_conllu(Some(&(i + 1).to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Classifier;

    /// The parser and labeller before they skipped decisions with one possible outcome: every
    /// move scored, every arc given a provisional label, the root's dependent labelled by the
    /// classifier restricted to `root`.
    fn analyze_deciding_everything(m: &Model, forms: &[&str]) -> (Vec<usize>, Vec<u8>) {
        let lex: Vec<Lex> = forms.iter().map(|f| Lex::new(f)).collect();
        let tags = tagger::tag(&m.tagger, &m.dict, &lex);
        let mut st = parser::State::for_sentence(&lex);
        let mut feats = Vec::new();
        while !st.done() {
            parser::features(&st, &lex, &tags, &mut feats);
            let Some(mv) = m.parser.best(&feats, |x| st.valid(x)) else {
                break;
            };
            let label = match st.arc(mv) {
                Some((h, d)) => {
                    parser::arc_features(&st, &lex, &tags, h, d, &mut feats);
                    m.arcs
                        .best(&feats, |_| true)
                        .map_or(parser::NO_LABEL, |l| u8::try_from(l).unwrap())
                }
                None => parser::NO_LABEL,
            };
            st.apply_labelled(mv, label);
        }
        let heads = st.heads;
        let kids = labeler::children(&heads);
        let upos: Vec<&str> = m.tag_upos.iter().map(String::as_str).collect();
        let cx = Ctx {
            lex: &lex,
            tags: &tags,
            upos: &upos,
            heads: &heads,
            kids: &kids,
        };
        let mut labels = vec![0u8; heads.len()];
        for d in labeler::top_down(&kids) {
            let h = heads[d];
            if let Some(p) = m.punct_label
                && h != 0
                && upos[usize::from(tags[d - 1])] == "PUNCT"
            {
                labels[d] = u8::try_from(p).unwrap();
                continue;
            }
            labeler::features(&cx, d, labeler::head_label_part(h, labels[h]), &mut feats);
            let best = m
                .labeler
                .best(&feats, |l| (l == m.root_label) == (h == 0))
                .unwrap();
            labels[d] = u8::try_from(best).unwrap();
        }
        (heads, labels)
    }

    /// The shipped model's decoder (one-node features summed once per node and role) gives the
    /// heads of the generic decoder that training uses, on real sentences: the first 300 of EWT
    /// test (read from `../shared/corpora` beside the clone, as the crate's other tests do).
    #[test]
    fn role_sums_change_no_head() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu"
        );
        let gold = crate::conllu::read(std::path::Path::new(path)).expect("EWT test");
        let m = Model::builtin();
        let mut words = 0;
        for s in gold.iter().take(300) {
            let lex: Vec<Lex> = s.words.iter().map(|w| Lex::new(&w.form)).collect();
            let tags = tagger::tag(&m.tagger, &m.dict, &lex);
            let fast = parser::parse_weights(&m.parser, &m.arcs, &lex, &tags);
            let generic = parser::parse(&m.parser, &m.arcs, &lex, &tags);
            assert_eq!(
                fast,
                generic,
                "{:?}",
                s.words.iter().map(|w| &w.form).collect::<Vec<_>>()
            );
            words += lex.len();
        }
        assert!(words > 3000, "{words}");
    }

    /// Skipping forced moves, the labels no later move reads and the root's label changes no
    /// head and no label.
    #[test]
    fn skipped_decisions_change_nothing() {
        let m = Model::builtin();
        let text = "Beijing accused Manila on Tuesday of provoking tensions near the Scarborough \
            Shoal, which both countries claim, and said it would take all necessary measures. \
            \u{201c}We will never accept the ruling,\u{201d} the ministry's spokesman, Lu Kang, \
            told reporters in Beijing. The talks, which began in 2016 after years of silence \
            between the two governments, were suspended. Why? Yes. Sanctions related to Crimea \
            will remain in place as long as the occupation continues, and the United States \
            calls on Russia to end it.";
        let sentences = tokenize::tokenize(text);
        assert!(sentences.len() >= 5);
        for s in &sentences {
            let forms: Vec<&str> = s.tokens.iter().map(|&(a, b)| &text[a..b]).collect();
            let a = m.analyze(&forms);
            let (heads, labels) = analyze_deciding_everything(m, &forms);
            assert_eq!(a.heads, heads, "{forms:?}");
            assert_eq!(a.labels, labels, "{forms:?}");
        }
    }
}
