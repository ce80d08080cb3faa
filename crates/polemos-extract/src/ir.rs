//! The intermediate representation every stage reads and extends. A stage owns the fields it
//! fills; a statistical replacement for a stage only has to fill the same fields. Which stage
//! fills which field, and which candidates carry a score: docs/extraction.md, "the annotation
//! layers".

use std::ops::Range;

use chrono::NaiveDate;

use super::knowledge::{Cue, Via};
use super::output::{Clause, DisputeFact, EventFact, Evidence, StanceFact};
use polemos_core::model::{ActorKind, DatePrecision, Span};

/// One line of the input and whether it is page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub boilerplate: bool,
    pub headline: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

/// A token: a byte span of the text. Copy, so a document's tokens live in one vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
    /// A headline: mentions count, but no events or stances are read from it.
    pub headline: bool,
}

/// A raw gazetteer hit: which pattern matched where, after boundary and case checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawMatch {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
    pub sentence: usize,
    pub sentence_start: bool,
    /// First token at or after `start`, and first token at or after `end`.
    pub tok: usize,
    pub tok_end: usize,
}

/// What an item of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A mention of a document actor. `adjectival`: used as a modifier ("Russian territory").
    Actor {
        actor: usize,
        via: Via,
        adjectival: bool,
        possessive: bool,
    },
    /// A title not resolved to anyone ("the minister" with no minister in sight).
    Title(usize),
    Cue(Cue),
    Event(usize),
    Topic(usize),
    /// Dispute index and name index within it.
    DisputeName(usize, usize),
    DisputePart(usize),
    Venue(usize),
    /// A place name used as a location ("in Vladivostok").
    Location,
    /// Index into `Doc::dates`.
    Date(usize),
}

/// One thing found in a sentence, with its byte span and token range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub tok: usize,
    pub tok_end: usize,
    pub kind: ItemKind,
    /// How sure the mention stage is of the item, 0–1: for an actor, by how it was named
    /// (the calibrated confidence of its `Via`); for a date, the date's score; 1 for an exact match of a
    /// cue, topic or dispute.
    pub score: f64,
}

/// An actor of this document: a known actor or a person found through a title.
#[derive(Debug, Clone, PartialEq)]
pub struct DocActor {
    /// Index into `Knowledge::actors` for known actors.
    pub known: Option<usize>,
    pub kind: ActorKind,
    pub display: String,
    /// Resource id (ISO3, data id or a slug of a person's name).
    pub id: String,
    pub surname: Option<String>,
    /// Index into `Knowledge::titles`.
    pub role: Option<usize>,
    /// The document actor this one belongs to (a minister's state, an outlet's country).
    pub affiliation: Option<usize>,
    /// Named but no party of its own: an organization known only by its capitalized name and
    /// owned by no state ("the United Front for Change"). It is listed, but neither acts in an
    /// event nor holds a stance: the text rarely says which of its words are its deeds.
    pub named_only: bool,
}

/// A date expression, resolved against the publication date when it can be.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub tok: usize,
    pub tok_end: usize,
    pub sentence: usize,
    pub date: Option<NaiveDate>,
    pub precision: DatePrecision,
    pub relative: bool,
    pub qualifier: Option<&'static str>,
    /// How sure the date stage is of the date, 0–1, by its form (a date written in full, a
    /// date resolved by a rule against the publication day, or a bare weekday, past or future
    /// guessed from the tense), calibrated on the evaluation corpus (`calibration::DateForm`).
    pub score: f64,
}

/// How an actor mention must meet a span (`Doc::actor_meets`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meets {
    /// The mention lies wholly inside the span.
    Inside,
    /// The mention shares at least one byte with the span.
    Overlaps,
}

/// The document as it passes through the stages.
#[derive(Debug)]
pub struct Doc<'t> {
    pub text: &'t str,
    pub published: Option<NaiveDate>,
    pub lines: Vec<Line>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Tags and dependency trees of the sentences (the `parse` stage).
    pub parse: crate::tree::Parse<'t>,
    pub raw: Vec<RawMatch>,
    pub dates: Vec<DateMention>,
    pub actors: Vec<DocActor>,
    pub items: Vec<Item>,
    /// Per sentence, the range of its items in `items`, in text order (the `mentions` layer).
    pub sentence_items: Vec<Range<usize>>,
    pub clauses: Vec<Clause>,
    /// Per sentence: the last person and the last state or body mentioned before it, for pronouns.
    pub discourse: Vec<(Option<usize>, Option<usize>)>,
    pub disputes: Vec<DisputeFact>,
    /// The dispute each sentence is about, as an index into `disputes`.
    pub sentence_dispute: Vec<Option<usize>>,
    pub events: Vec<EventFact>,
    pub stances: Vec<StanceFact>,
    /// Issues the text names that no topic covers: (issue name, title).
    pub new_issues: Vec<(String, String)>,
    /// An upper bound of the steps the stages took, so tests can check the work stays linear
    /// in the input without timing anything.
    pub work: std::cell::Cell<usize>,
    /// The language profile the stages read words from (`Extractor::analyze` sets the
    /// extractor's; English by default).
    pub lang: std::sync::Arc<crate::lang::Profile>,
    /// The knowledge's word lists (`Extractor::analyze` sets the extractor's; the built-in ones
    /// by default).
    pub lexicon: std::sync::Arc<crate::lexicon::Lexicon>,
    /// The confidence tables (`Extractor::analyze` sets the extractor's; the built-in ones by
    /// default).
    pub calibration: std::sync::Arc<crate::calibration::Calibration>,
    /// Per token, its word's lexeme in the profile, looked up once per document on the first
    /// `tok_is_a` or `tok_lexeme` (the stages ask about the same tokens many times).
    tok_lexemes: std::cell::OnceCell<Vec<u32>>,
}

impl<'t> Doc<'t> {
    #[must_use]
    pub fn new(text: &'t str, published: Option<NaiveDate>) -> Self {
        Self {
            text,
            published,
            lines: Vec::new(),
            tokens: Vec::new(),
            sentences: Vec::new(),
            parse: crate::tree::Parse::default(),
            raw: Vec::new(),
            dates: Vec::new(),
            actors: Vec::new(),
            items: Vec::new(),
            sentence_items: Vec::new(),
            clauses: Vec::new(),
            discourse: Vec::new(),
            disputes: Vec::new(),
            sentence_dispute: Vec::new(),
            events: Vec::new(),
            stances: Vec::new(),
            new_issues: Vec::new(),
            work: std::cell::Cell::new(0),
            lang: crate::lang::english(),
            lexicon: crate::lexicon::builtin(),
            calibration: crate::calibration::builtin(),
            tok_lexemes: std::cell::OnceCell::new(),
        }
    }

    /// Counts `n` steps of work.
    pub fn tick(&self, n: usize) {
        self.work.set(self.work.get().saturating_add(n));
    }

    /// The text of token `i` (empty when out of range).
    #[must_use]
    pub fn tok(&self, i: usize) -> &'t str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Whether token `i` is `word`, ignoring ASCII case.
    #[must_use]
    pub fn tok_is(&self, i: usize, word: &str) -> bool {
        self.tok(i).eq_ignore_ascii_case(word)
    }

    /// Whether token `i` is any of `words`.
    #[must_use]
    pub fn tok_in(&self, i: usize, words: &[&str]) -> bool {
        let t = self.tok(i);
        words.iter().any(|w| t.eq_ignore_ascii_case(w))
    }

    /// The parse's part of speech of token `i` (UD `upos`: "NOUN", "ADP"), empty when the
    /// token is out of range or its sentence is not parsed.
    #[must_use]
    pub fn tok_upos(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.parse.word_at(t.start))
            .and_then(|w| self.parse.token(w))
            .map_or("", |x| x.upos.as_str())
    }

    /// Whether token `i` is a word of `class` in the document's language.
    #[must_use]
    pub fn tok_is_a(&self, i: usize, class: crate::lang::Class) -> bool {
        crate::lang::Profile::has(self.tok_lexeme(i), class)
    }

    /// Whether token `i` negates: a word of the class `negation`, or the "t" of a contraction
    /// ("won't", "didn't"), which the tokenizer splits into "won", "'" and "t".
    #[must_use]
    pub fn tok_negates(&self, i: usize) -> bool {
        if self.tok_is_a(i, crate::lang::Class::Negation) {
            return true;
        }
        let glued = |a: usize| self.tokens[a].end == self.tokens[a + 1].start;
        i >= 2
            && self.tok(i).eq_ignore_ascii_case("t")
            && matches!(self.tok(i - 1), "'" | "\u{2019}")
            && self.tok(i - 2).to_ascii_lowercase().ends_with('n')
            && glued(i - 2)
            && glued(i - 1)
    }

    /// Whether token `i` is a word of the knowledge's word list `lex`.
    #[must_use]
    pub fn tok_in_lex(&self, i: usize, lex: crate::lexicon::Lex) -> bool {
        self.lexicon.is(lex, self.tok(i))
    }

    /// How many tokens from `at` (before `end`) make an entry of the phrase list `lex`, the
    /// longest first.
    #[must_use]
    pub fn lex_phrase_at(&self, lex: crate::lexicon::Lex, at: usize, end: usize) -> Option<usize> {
        self.lexicon
            .phrases(lex)
            .find(|words| {
                at + words.len() <= end
                    && words
                        .iter()
                        .enumerate()
                        .all(|(i, w)| self.tok_is(at + i, w))
            })
            .map(<[Box<str>]>::len)
    }

    /// What the profile knows of token `i`'s word.
    #[must_use]
    pub fn tok_lexeme(&self, i: usize) -> Option<&crate::lang::Lexeme> {
        let ids = self.tok_lexemes.get_or_init(|| {
            (0..self.tokens.len())
                .map(|t| self.lang.lexeme_id(self.tok(t)))
                .collect()
        });
        // A cache made before the tokens were (a stage run out of order) is not used.
        match ids.get(i) {
            Some(&id) if ids.len() == self.tokens.len() => self.lang.lexeme_at(id),
            _ => self.lang.lexeme(self.tok(i)),
        }
    }

    /// The index of the first token starting at or after `byte`.
    #[must_use]
    pub fn token_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.start < byte)
    }

    /// The text of a byte span (empty when it is not a valid span).
    #[must_use]
    pub fn slice(&self, start: usize, end: usize) -> &'t str {
        self.text.get(start..end).unwrap_or("")
    }

    /// Whether sentences `a` and `b` (`a` before `b`) stand in one paragraph: no line break
    /// between them.
    #[must_use]
    pub fn same_paragraph(&self, a: usize, b: usize) -> bool {
        match (self.sentences.get(a), self.sentences.get(b)) {
            (Some(x), Some(y)) => !self.slice(x.end, y.start).contains('\n'),
            _ => false,
        }
    }

    /// The resource name of document actor `a`.
    #[must_use]
    pub fn actor_name(&self, a: usize) -> String {
        format!("actors/{}", self.actors[a].id)
    }

    /// The document actor whose resource name is `name` (an event's source or target).
    #[must_use]
    pub fn actor_named(&self, name: &str) -> Option<usize> {
        let id = name.strip_prefix("actors/")?;
        self.actors.iter().position(|a| a.id == id)
    }

    /// The actor `a` acts for: the state or body it is affiliated with, or itself (a state, a
    /// body or a group of its own). Events and stances compare sides by it, so that a minister
    /// and his state are one side.
    #[must_use]
    pub fn state_of(&self, a: usize) -> usize {
        self.actors[a].affiliation.unwrap_or(a)
    }

    /// Whether actor `a` can be an event's source or target: not an outlet (which reports) nor
    /// an organization only named ([`DocActor::named_only`]).
    #[must_use]
    pub fn takes_part(&self, a: usize) -> bool {
        self.actors[a].kind != ActorKind::MediaOutlet && !self.actors[a].named_only
    }

    /// The actor that holds stances for `a`: a state for its officials and bodies, nobody for
    /// outlets.
    #[must_use]
    pub fn holder_of(&self, a: usize) -> Option<usize> {
        let actor = &self.actors[a];
        if actor.named_only {
            return None;
        }
        match actor.kind {
            ActorKind::MediaOutlet => None,
            ActorKind::Person | ActorKind::GovernmentBody => Some(self.state_of(a)),
            _ => Some(a),
        }
    }

    /// Evidence pointing at sentence `s`.
    #[must_use]
    pub fn evidence(
        &self,
        s: usize,
        cue: Option<(usize, usize)>,
        confidence: f64,
        speaker: Option<usize>,
        reported_by: Option<usize>,
    ) -> Evidence {
        let sentence = &self.sentences[s];
        Evidence {
            span: Span {
                start: sentence.start,
                end: sentence.end,
            },
            sentence: s,
            quote: self.slice(sentence.start, sentence.end).to_owned(),
            cue: cue.map(|(start, end)| Span { start, end }),
            confidence: confidence.clamp(0.0, 1.0),
            speaker: speaker.map(|a| self.actor_name(a)),
            reported_by: reported_by.map(|a| self.actor_name(a)),
        }
    }

    /// The actor whose mention among `items` covers parse word `w`; a demonym ("the Chinese
    /// actions") only when `adjectival_too`.
    #[must_use]
    pub fn actor_at(
        &self,
        items: &[Item],
        w: crate::tree::Word,
        adjectival_too: bool,
    ) -> Option<usize> {
        let t = self.parse.token(w)?;
        items.iter().find_map(|x| match x.kind {
            ItemKind::Actor {
                actor, adjectival, ..
            } if x.start <= t.start && t.start < x.end && (adjectival_too || !adjectival) => {
                Some(actor)
            }
            _ => None,
        })
    }

    /// The sentence holding token `t`, found by bisection (sentences are in token order).
    #[must_use]
    pub fn sentence_of(&self, t: usize) -> Option<usize> {
        let s = self.sentences.partition_point(|x| x.tokens.end <= t);
        self.sentences
            .get(s)
            .filter(|x| x.tokens.contains(&t))
            .map(|_| s)
    }

    /// Whether an actor mention meets the byte span `start..end`: lies inside it
    /// ([`Meets::Inside`]) or shares a byte with it ([`Meets::Overlaps`]).
    #[must_use]
    pub fn actor_meets(&self, start: usize, end: usize, how: Meets) -> bool {
        self.items.iter().any(|x| {
            matches!(x.kind, ItemKind::Actor { .. })
                && match how {
                    Meets::Inside => x.start >= start && x.end <= end,
                    Meets::Overlaps => x.start < end && start < x.end,
                }
        })
    }

    /// Whether the subtree of word `w` names an actor: an actor mention inside it or
    /// overlapping it, as `how` asks. Whether a pronoun counts is the caller's question.
    #[must_use]
    pub fn subtree_names_actor(&self, w: crate::tree::Word, how: Meets) -> bool {
        self.parse
            .subtree_span(w)
            .is_some_and(|(start, end)| self.actor_meets(start, end, how))
    }

    /// The items of sentence `s`.
    #[must_use]
    pub fn sentence_items(&self, s: usize) -> &[Item] {
        self.sentence_items
            .get(s)
            .and_then(|r| self.items.get(r.clone()))
            .unwrap_or(&[])
    }

    /// The person sentence `s` names in full (not as an owner, "Putin's aide", nor as an
    /// adjective) nearest before token `before` for whom `keep` holds, given the person and
    /// the mention's item.
    pub fn person_named_before(
        &self,
        s: usize,
        before: usize,
        mut keep: impl FnMut(usize, &Item) -> bool,
    ) -> Option<usize> {
        self.sentence_items(s)
            .iter()
            .rev()
            .find_map(|x| match x.kind {
                ItemKind::Actor {
                    actor,
                    adjectival: false,
                    possessive: false,
                    ..
                } if x.tok_end <= before
                    && self.actors[actor].kind == ActorKind::Person
                    && keep(actor, x) =>
                {
                    Some(actor)
                }
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_token_is_found_in_its_own_sentence() {
        let x = crate::Extractor::new().expect("builtin");
        let doc = x.analyze(
            "Chile protested. Peru said nothing at all. Bolivia agreed.",
            None,
        );
        assert_eq!(doc.sentences.len(), 3);
        for (s, sentence) in doc.sentences.iter().enumerate() {
            for t in sentence.tokens.clone() {
                assert_eq!(doc.sentence_of(t), Some(s), "token {t}");
            }
        }
        assert_eq!(doc.sentence_of(doc.tokens.len()), None);
    }
}
