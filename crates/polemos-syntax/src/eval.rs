//! Evaluation against a treebank, with the measures of the CoNLL 2018 shared task: UPOS, XPOS,
//! lemma accuracy, UAS and LAS, on gold tokenization (the model sees the treebank's words) and on
//! raw text (the model splits the treebank's `# text` itself; system and gold words are aligned by
//! their character spans, and every measure is an F1 over aligned words, as in the CoNLL 2018
//! evaluation script). LAS is reported twice: on the full relation (`nsubj:pass`) and on its
//! universal part only (`nsubj`), which is what CoNLL 2018 counted.

use crate::conllu::GoldSentence;
use crate::model::Model;

/// Counts from which every figure is derived.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub gold_words: usize,
    pub system_words: usize,
    /// Words whose spans match (all of them with gold tokenization).
    pub aligned: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    pub uas: usize,
    pub las: usize,
    /// LAS counting only the universal part of the relation (CoNLL 2018).
    pub las_universal: usize,
    pub gold_sentences: usize,
    pub system_sentences: usize,
    pub aligned_sentences: usize,
}

impl Counts {
    /// F1 of `correct` over gold and system words (equals accuracy when both counts agree).
    #[must_use]
    pub fn f1(&self, correct: usize) -> f64 {
        2.0 * correct as f64 / (self.gold_words + self.system_words).max(1) as f64 * 100.0
    }

    #[must_use]
    pub fn sentence_f1(&self) -> f64 {
        2.0 * self.aligned_sentences as f64
            / (self.gold_sentences + self.system_sentences).max(1) as f64
            * 100.0
    }

    fn add(&mut self, o: &Counts) {
        self.gold_words += o.gold_words;
        self.system_words += o.system_words;
        self.aligned += o.aligned;
        self.upos += o.upos;
        self.xpos += o.xpos;
        self.lemma += o.lemma;
        self.uas += o.uas;
        self.las += o.las;
        self.las_universal += o.las_universal;
        self.gold_sentences += o.gold_sentences;
        self.system_sentences += o.system_sentences;
        self.aligned_sentences += o.aligned_sentences;
    }

    /// A one-line summary.
    #[must_use]
    pub fn summary(&self) -> String {
        format!(
            "words F1 {:.2}  sentences F1 {:.2}  UPOS {:.2}  XPOS {:.2}  lemma {:.2}  UAS {:.2}  LAS {:.2}  LAS (universal relations) {:.2}",
            self.f1(self.aligned),
            self.sentence_f1(),
            self.f1(self.upos),
            self.f1(self.xpos),
            self.f1(self.lemma),
            self.f1(self.uas),
            self.f1(self.las),
            self.f1(self.las_universal),
        )
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Scores the model on the treebank's own words.
#[must_use]
pub fn gold_tokenization(model: &Model, gold: &[GoldSentence]) -> Counts {
    let mut c = Counts::default();
    for g in gold {
        let forms: Vec<&str> = g.words.iter().map(|w| w.form.as_str()).collect();
        let s = model.parse_tokens(&forms);
        c.gold_words += g.words.len();
        c.system_words += s.tokens.len();
        c.aligned += g.words.len();
        c.gold_sentences += 1;
        c.system_sentences += 1;
        c.aligned_sentences += 1;
        for (w, t) in g.words.iter().zip(&s.tokens) {
            c.upos += usize::from(w.upos == t.upos);
            c.xpos += usize::from(w.xpos == t.xpos);
            c.lemma += usize::from(w.lemma == t.lemma);
            let head = w.head == t.head;
            c.uas += usize::from(head);
            c.las += usize::from(head && w.deprel == t.deprel);
            c.las_universal += usize::from(head && universal(&w.deprel) == universal(&t.deprel));
        }
    }
    c
}

/// A gold word with its byte span in the rebuilt document text.
struct Placed<'a> {
    span: (usize, usize),
    word: &'a crate::conllu::GoldWord,
    /// Span of the head word; `None` for the root.
    head: Option<(usize, usize)>,
}

/// Rebuilds the documents' text from `# text` (sentences joined by a space, paragraphs by a blank
/// line), parses it, and scores the result against the gold words aligned by span.
#[must_use]
pub fn raw_text(model: &Model, gold: &[GoldSentence]) -> Counts {
    let mut total = Counts::default();
    let mut start = 0;
    while start < gold.len() {
        let mut end = start + 1;
        while end < gold.len() && !gold[end].new_doc {
            end += 1;
        }
        total.add(&document(model, &gold[start..end]));
        start = end;
    }
    total
}

fn document(model: &Model, doc: &[GoldSentence]) -> Counts {
    let mut text = String::new();
    let mut placed: Vec<Placed<'_>> = Vec::new();
    let mut gold_sents = Vec::new();
    for (i, g) in doc.iter().enumerate() {
        if i > 0 {
            text.push_str(if g.new_par { "\n\n" } else { " " });
        }
        let base = text.len();
        let sent_text = g.text.clone().unwrap_or_else(|| {
            g.words
                .iter()
                .map(|w| w.form.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        });
        text.push_str(&sent_text);
        let spans = word_spans(&sent_text, g);
        let first = placed.len();
        for (w, sp) in g.words.iter().zip(&spans) {
            placed.push(Placed {
                span: (base + sp.0, base + sp.1),
                word: w,
                head: None,
            });
        }
        for k in 0..g.words.len() {
            let h = g.words[k].head;
            placed[first + k].head = (h > 0).then(|| placed[first + h - 1].span);
        }
        if let (Some(a), Some(b)) = (spans.first(), spans.last()) {
            gold_sents.push((base + a.0, base + b.1));
        }
    }
    let sys = model.parse(&text);
    let mut c = Counts {
        gold_words: placed.len(),
        system_words: sys.iter().map(|s| s.tokens.len()).sum(),
        gold_sentences: gold_sents.len(),
        system_sentences: sys.len(),
        ..Counts::default()
    };
    let sys_sents: std::collections::HashSet<(usize, usize)> =
        sys.iter().map(|s| (s.start, s.end)).collect();
    c.aligned_sentences = gold_sents.iter().filter(|s| sys_sents.contains(s)).count();
    let mut by_span = std::collections::HashMap::new();
    for s in &sys {
        for t in &s.tokens {
            let head = (t.head > 0).then(|| {
                let h = &s.tokens[t.head - 1];
                (h.start, h.end)
            });
            by_span.insert((t.start, t.end), (t, head));
        }
    }
    for p in &placed {
        let Some((t, head)) = by_span.get(&p.span) else {
            continue;
        };
        c.aligned += 1;
        c.upos += usize::from(p.word.upos == t.upos);
        c.xpos += usize::from(p.word.xpos == t.xpos);
        c.lemma += usize::from(p.word.lemma == t.lemma);
        let h = p.head == *head;
        c.uas += usize::from(h);
        c.las += usize::from(h && p.word.deprel == t.deprel);
        c.las_universal += usize::from(h && universal(&p.word.deprel) == universal(&t.deprel));
    }
    c
}

/// Byte spans of a sentence's words in its text. Words of a multiword token share out its surface
/// form when they spell it (`do`+`n't`), else all take the whole token's span.
fn word_spans(text: &str, g: &GoldSentence) -> Vec<(usize, usize)> {
    let mut spans = Vec::with_capacity(g.words.len());
    let mut pos = 0;
    let mut i = 0;
    while i < g.words.len() {
        let w = &g.words[i];
        let (surface, last) = match &w.multiword {
            Some((a, b, form)) if *a == i => (form.as_str(), *b),
            _ => (w.form.as_str(), i),
        };
        let start = locate(text, pos, surface);
        let end = start + surface.len();
        if last > i {
            let mut at = start;
            let spelled: String = g.words[i..=last.min(g.words.len() - 1)]
                .iter()
                .map(|w| w.form.as_str())
                .collect();
            for w in &g.words[i..=last.min(g.words.len() - 1)] {
                if spelled == surface {
                    spans.push((at, at + w.form.len()));
                    at += w.form.len();
                } else {
                    spans.push((start, end));
                }
            }
            i = last.min(g.words.len() - 1) + 1;
        } else {
            spans.push((start, end));
            i += 1;
        }
        pos = end.min(text.len());
    }
    spans
}

/// Where `form` next occurs from `pos` (treebank text sometimes differs from the forms, e.g. in
/// spacing; then the word is placed at `pos`, which only costs its alignment).
fn locate(text: &str, pos: usize, form: &str) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    let skipped = rest.len() - rest.trim_start().len();
    if rest[skipped..].starts_with(form) {
        return pos + skipped;
    }
    match rest.find(form) {
        Some(k) if k < 20 => pos + k,
        _ => pos + skipped,
    }
}
