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

/// A word of the parse: the extractor's sentence it is in and its 0-based index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Word {
    pub sentence: usize,
    pub index: usize,
}

/// The parse of one of the extractor's sentences. The parser may split it further; the parts'
/// words follow each other here, so it can have several roots (`head == 0`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Words with document byte spans; `head` is 1-based within this list, 0 for a root.
    pub tokens: Vec<Token>,
}

/// The document's parse, made sentence by sentence when a stage first asks about a sentence:
/// the parser is most of the pipeline's cost, and a sentence no stage looks at costs nothing.
/// Stages ask only at sites where their token rules are in doubt (see `gates.rs`); a parse made with [`Parse::asking_always`] lifts those gates, so that what
/// they lose can be measured.
#[derive(Default)]
pub struct Parse<'t> {
    model: SyntaxModel,
    text: &'t str,
    /// The extractor's sentences (document byte spans), in text order.
    spans: Vec<(usize, usize)>,
    parsed: Vec<std::cell::OnceCell<Parsed>>,
    /// Stages consult the parse wherever it could say something, not only where the token
    /// rules are in doubt.
    always: bool,
    /// The language profile, for the stages that read words of the parse (pronoun lemmas,
    /// prepositions of cases).
    lang: std::sync::Arc<crate::lang::Profile>,
    /// The knowledge's word lists, for the stages that read lemmas of the lexicon (light
    /// verbs, verbs of sanction).
    lexicon: std::sync::Arc<crate::lexicon::Lexicon>,
}

impl std::fmt::Debug for Parse<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Parse {{ sentences: {}, parsed: {} }}",
            self.spans.len(),
            self.parsed_sentences()
        )
    }
}

impl<'t> Parse<'t> {
    /// A parse of `text` whose sentences are `spans`, none of them parsed yet.
    #[must_use]
    pub fn new(model: SyntaxModel, text: &'t str, spans: Vec<(usize, usize)>) -> Self {
        Self {
            model,
            text,
            parsed: spans.iter().map(|_| std::cell::OnceCell::new()).collect(),
            spans,
            always: false,
            lang: crate::lang::english(),
            lexicon: crate::lexicon::builtin(),
        }
    }

    /// The same parse reading word lists from `lexicon` (the document's knowledge).
    #[must_use]
    pub fn with_lexicon(mut self, lexicon: std::sync::Arc<crate::lexicon::Lexicon>) -> Self {
        self.lexicon = lexicon;
        self
    }

    /// The knowledge's word lists.
    #[must_use]
    pub fn lexicon(&self) -> &crate::lexicon::Lexicon {
        &self.lexicon
    }

    /// The same parse reading words from `lang` (the document's profile).
    #[must_use]
    pub fn with_language(mut self, lang: std::sync::Arc<crate::lang::Profile>) -> Self {
        self.lang = lang;
        self
    }

    /// The language profile of the document parsed.
    #[must_use]
    pub fn lang(&self) -> &crate::lang::Profile {
        &self.lang
    }

    /// The same parse with the stages' gates lifted: every site a stage could read from the
    /// parse reads it (the pipeline as it was before the gates, for comparing their output).
    #[must_use]
    pub fn asking_always(mut self) -> Self {
        self.always = true;
        self
    }

    /// Whether the stages' gates are lifted ([`Parse::asking_always`]).
    #[must_use]
    pub fn asks_always(&self) -> bool {
        self.always
    }

    /// Whether sentence `s` has been parsed.
    #[must_use]
    pub fn is_parsed(&self, s: usize) -> bool {
        self.parsed.get(s).is_some_and(|p| p.get().is_some())
    }

    /// How many of the sentences have been parsed so far.
    #[must_use]
    pub fn parsed_sentences(&self) -> usize {
        self.parsed.iter().filter(|p| p.get().is_some()).count()
    }

    /// The parse of the extractor's sentence `s` (parsed now if no stage asked before).
    #[must_use]
    pub fn sentence(&self, s: usize) -> Option<&Parsed> {
        let (start, end) = *self.spans.get(s)?;
        Some(self.parsed.get(s)?.get_or_init(|| {
            let text = self.text.get(start..end).unwrap_or("");
            let mut tokens: Vec<Token> = Vec::new();
            for part in self.model.get().parse(text) {
                let base = tokens.len();
                tokens.extend(part.tokens.into_iter().map(|mut t| {
                    t.start += start;
                    t.end += start;
                    if t.head > 0 {
                        t.head += base;
                    }
                    t
                }));
            }
            bare_days_are_times(&mut tokens, &self.lang);
            Parsed { tokens }
        }))
    }

    /// The word of `w`.
    #[must_use]
    pub fn token(&self, w: Word) -> Option<&Token> {
        self.sentence(w.sentence)?.tokens.get(w.index)
    }

    /// The extractor's sentence holding byte `at`.
    fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self
            .spans
            .partition_point(|(s, _)| *s <= at)
            .checked_sub(1)?;
        (at < self.spans[i].1).then_some(i)
    }

    /// The word covering byte `at`.
    #[must_use]
    pub fn word_at(&self, at: usize) -> Option<Word> {
        let sentence = self.sentence_at(at)?;
        let tokens = &self.sentence(sentence)?.tokens;
        let index = tokens.partition_point(|t| t.start <= at).checked_sub(1)?;
        (at < tokens[index].end).then_some(Word { sentence, index })
    }

    /// The words whose spans overlap `start..end` within the sentence holding `start`, in order.
    #[must_use]
    pub fn words_in(&self, start: usize, end: usize) -> Vec<Word> {
        let Some(sentence) = self.sentence_at(start) else {
            return Vec::new();
        };
        let Some(p) = self.sentence(sentence) else {
            return Vec::new();
        };
        p.tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.start < end && start < t.end)
            .map(|(index, _)| Word { sentence, index })
            .collect()
    }

    /// The syntactic head of `words` (a mention's words): the one whose head lies outside them.
    #[must_use]
    pub fn head_of(&self, words: &[Word]) -> Option<Word> {
        words
            .iter()
            .copied()
            .find(|w| self.head(*w).is_none_or(|h| !words.contains(&h)))
    }

    /// The head of `w`, none for a root.
    #[must_use]
    pub fn head(&self, w: Word) -> Option<Word> {
        // `checked_sub`, not `then_some(h - 1)`: the argument of `then_some` is computed even
        // for a root, and underflows.
        let index = self.token(w)?.head.checked_sub(1)?;
        Some(Word {
            sentence: w.sentence,
            index,
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
            .sentence(w.sentence)
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

    /// Whether `w` has a subject of its own (`nsubj`, `csubj` or a subtype): a joined clause
    /// with one is a clause of its own ("did not retaliate, but it accused"), one without shares
    /// its head's ("did not condemn or criticize").
    #[must_use]
    pub fn has_own_subject(&self, w: Word) -> bool {
        self.dependents(w)
            .any(|d| self.has_rel(d, "nsubj") || self.has_rel(d, "csubj"))
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

    /// The first of the words coordinated with `w`: its head when `w` is a conjunct ("deployed
    /// and fired": "deployed" for "fired"), which holds the marker and the relation the
    /// conjuncts share; else `w`.
    #[must_use]
    pub fn first_conjunct(&self, w: Word) -> Word {
        if self.has_rel(w, "conj") {
            self.head(w).unwrap_or(w)
        } else {
            w
        }
    }

    /// The preposition that introduces `w` ("of Japan": "of"): the lower-cased lemma of its
    /// first `case` dependent.
    #[must_use]
    pub fn preposition(&self, w: Word) -> Option<String> {
        self.dependent(w, "case")
            .and_then(|c| self.token(c))
            .map(|t| t.lemma.to_ascii_lowercase())
    }

    /// The word that introduces `w`, a preposition or a clause marker ("from using": "from",
    /// "to expel": "to"): the lower-cased lemma of its first `case` or `mark` dependent.
    #[must_use]
    pub fn introducer(&self, w: Word) -> Option<String> {
        self.dependents(w)
            .find(|&c| self.has_rel(c, "case") || self.has_rel(c, "mark"))
            .and_then(|c| self.token(c))
            .map(|t| t.lemma.to_ascii_lowercase())
    }

    /// Whether `w` has a marker (`mark`, "if", "to") that is a word of the profile's `class`.
    #[must_use]
    pub fn marked_by(&self, w: Word, class: crate::lang::Class) -> bool {
        self.dependents(w).any(|d| {
            self.has_rel(d, "mark")
                && self
                    .token(d)
                    .is_some_and(|t| self.lang.is(class, &t.text.to_ascii_lowercase()))
        })
    }

    /// Whether `w` is negated by a dependent ("did not reject", "never"): an adverb whose
    /// lemma is a word of the profile's `negation` class.
    #[must_use]
    pub fn negated(&self, w: Word) -> bool {
        self.dependents(w).any(|d| {
            self.token(d).is_some_and(|t| {
                t.deprel == "advmod" && self.lang.is(crate::lang::Class::Negation, &t.lemma)
            }) && !self
                // "not only legal but necessary" affirms.
                .token(Word {
                    index: d.index + 1,
                    ..d
                })
                .is_some_and(|next| {
                    self.lang
                        .is(crate::lang::Class::NotOnly, &next.text.to_ascii_lowercase())
                })
        })
    }

    /// The byte span of `w` and everything below it.
    #[must_use]
    pub fn subtree_span(&self, w: Word) -> Option<(usize, usize)> {
        let tokens = &self.sentence(w.sentence)?.tokens;
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

/// Mends a parse error wire copy makes common, and the treebanks the model learned from rare: a
/// day named bare right after a verb ("said Tuesday that the order is illegal", "said Monday it
/// would expel ...") read as the subject of the clause that follows, or as the head of that
/// clause. The day is the verb's time (`obl:tmod`), and the clause the verb's complement
/// (`ccomp`). A subject is moved only when its clause has another one, so "said Tuesday would
/// be too late" keeps its reading.
fn bare_days_are_times(tokens: &mut [Token], lang: &crate::lang::Profile) {
    // Whether word `id` (1-based) lies under word `top`.
    let under = |tokens: &[Token], mut id: usize, top: usize| {
        for _ in 0..tokens.len() {
            if id == top {
                return true;
            }
            match tokens.get(id.wrapping_sub(1)) {
                Some(t) if t.head > 0 => id = t.head,
                _ => return false,
            }
        }
        false
    };
    for i in 1..tokens.len() {
        let (day, verb) = (i + 1, i);
        let t = &tokens[i];
        let is_day = lang.weekday(&t.text).is_some()
            || lang.lexeme(&t.text).is_some_and(|x| x.day_offset.is_some());
        if !is_day || tokens[i - 1].upos != "VERB" || under(tokens, verb, day) {
            continue;
        }
        let head = t.head;
        let subject = t.deprel.starts_with("nsubj")
            && head != verb
            && tokens
                .iter()
                .enumerate()
                .any(|(j, x)| j != i && x.head == head && x.deprel.starts_with("nsubj"));
        let clauses: Vec<usize> = (0..tokens.len())
            .filter(|&j| {
                tokens[j].head == day
                    && matches!(
                        tokens[j].deprel.as_str(),
                        "acl" | "acl:relcl" | "ccomp" | "parataxis"
                    )
            })
            .collect();
        if subject {
            tokens[i].head = verb;
            tokens[i].deprel = "obl:tmod".to_owned();
        } else if head == verb && !clauses.is_empty() {
            for j in clauses {
                tokens[j].head = verb;
                tokens[j].deprel = "ccomp".to_owned();
            }
            tokens[i].deprel = "obl:tmod".to_owned();
        }
    }
}

/// The `parse` stage: makes the document's parse available to the later stages, each sentence
/// parsed when a stage first asks about it.
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let spans = doc.sentences.iter().map(|s| (s.start, s.end)).collect();
    doc.parse = Parse::new(k.syntax.clone(), doc.text, spans)
        .with_language(doc.lang.clone())
        .with_lexicon(doc.lexicon.clone());
}

/// The `parse` stage with the later stages' gates lifted ([`Parse::asking_always`]): each stage
/// reads the parse wherever it could say something. For measuring what the gates lose;
/// `Extractor::replace_stage` swaps it in.
pub struct UngatedParse;

impl crate::Stage for UngatedParse {
    fn name(&self) -> &'static str {
        "parse"
    }

    fn run(&self, k: &Knowledge, doc: &mut Doc<'_>) {
        run(k, doc);
        doc.parse = std::mem::take(&mut doc.parse).asking_always();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &'static str) -> (Parse<'static>, String) {
        let k = Knowledge::builtin().unwrap();
        let mut doc = Doc::new(text, None);
        crate::text::lines(&k, &mut doc);
        crate::text::tokens(&mut doc);
        crate::text::sentences(&mut doc);
        run(&k, &mut doc);
        (doc.parse, text.to_owned())
    }

    fn word(p: &Parse<'_>, text: &str, w: &str) -> Word {
        p.word_at(text.find(w).unwrap()).unwrap()
    }

    #[test]
    fn spans_are_document_bytes_across_sentences() {
        let text = "Japan protested. Beijing rejected the protest on Tuesday.";
        let (p, text) = parse(text);
        assert_eq!(format!("{p:?}"), "Parse { sentences: 2, parsed: 0 }");
        for s in 0..2 {
            for t in &p.sentence(s).unwrap().tokens {
                assert_eq!(&text[t.start..t.end], t.text);
            }
        }
        assert!(p.sentence(2).is_none());
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
    fn a_preposition_introduces_a_noun_and_a_marker_a_clause() {
        let text = "Seoul barred Tokyo from drilling near the islands of the strait.";
        let (p, text) = parse(text);
        let drilling = word(&p, &text, "drilling");
        assert_eq!(p.introducer(drilling).as_deref(), Some("from"));
        let islands = word(&p, &text, "islands");
        assert_eq!(p.preposition(islands).as_deref(), Some("near"));
        assert_eq!(p.introducer(islands).as_deref(), Some("near"));
        let strait = word(&p, &text, "strait");
        assert_eq!(p.preposition(strait).as_deref(), Some("of"));
        let barred = word(&p, &text, "barred");
        assert_eq!(p.preposition(barred), None);
        assert_eq!(p.introducer(barred), None);
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
    fn negation_is_read_from_the_profile() {
        let text = "Japan hardly rejected the proposal.";
        let (p, text) = parse(text);
        let rejected = word(&p, &text, "rejected");
        let adverb = p.dependent(rejected, "advmod").expect("an adverb");
        assert_eq!(p.token(adverb).map(|t| t.text.as_str()), Some("hardly"));
        assert!(!p.negated(rejected));
        let profile = crate::lang::Profile::parse("mine.tsv", "extends|en\nword|negation|hardly\n")
            .expect("a profile extending English");
        let p = p.with_language(std::sync::Arc::new(profile));
        assert!(p.negated(rejected));
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

    #[test]
    fn a_bare_day_after_a_verb_is_its_time_not_a_subject() {
        // The model reads "Tuesday" as a second subject of "illegal"; the mend makes it the time
        // of "said", and the clause the complement of "said".
        let text = "Kenya said Tuesday the order is illegal.";
        let (p, text) = parse(text);
        let said = word(&p, &text, "said");
        let day = word(&p, &text, "Tuesday");
        assert_eq!(p.head(day), Some(said));
        let illegal = word(&p, &text, "illegal");
        assert_eq!(p.head(illegal), Some(said));
        let subject = p.dependent(illegal, "nsubj").unwrap();
        assert_eq!(p.token(subject).unwrap().text, "order");
        // The clause hung on the day goes to the verb.
        let text = "Kenya's foreign minister said Tuesday that the order is very unhelpful.";
        let (p, text) = parse(text);
        let unhelpful = word(&p, &text, "unhelpful");
        assert_eq!(p.head(unhelpful), Some(word(&p, &text, "said")));
        assert_eq!(p.rel(unhelpful), "ccomp");
        // A day that is the clause's only subject keeps the parse's reading.
        let text = "Kenya said Wednesday would be too late.";
        let (p, text) = parse(text);
        let day = word(&p, &text, "Wednesday");
        assert_ne!(p.rel(day), "obl:tmod");
    }
}
