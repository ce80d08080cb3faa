//! Extraction of political facts from news text: actors, attribution, PLOVER events, dates,
//! stances with conditions, disputes and framing, each with its evidence (byte span, sentence,
//! confidence). Offline and linear in the input.
//!
//! The pipeline is a list of named [`Stage`]s over one intermediate representation
//! ([`ir::Doc`]): lines → tokens → sentences → gazetteer → parse → dates → mentions → attribution →
//! disputes → events → stances. Any stage can be replaced (for example by a statistical model)
//! with [`Extractor::replace_stage`], as long as it fills the same fields of the `Doc`.

pub mod attribution;
mod bits;
pub mod calibration;
pub mod convert;
pub mod dates;
pub mod error;
pub mod event_args;
pub mod events;
pub mod framing;
pub mod gates;
pub mod gazetteer;
pub mod ir;
pub mod knowledge;
pub mod knowledge_files;
pub mod lang;
pub mod lexicon;
pub mod mention_rules;
pub mod mentions;
pub mod output;
pub mod people;
pub mod person_context;
pub mod person_names;
pub mod person_syntax;
pub mod persons;
pub mod pipeline;
pub mod proposed;
pub mod stances;
pub mod syntax;
pub mod text;
pub mod tree;

#[cfg(test)]
mod test_support;

use chrono::NaiveDate;

pub use error::ExtractError;
pub use ir::Doc;
pub use knowledge::{Knowledge, KnowledgeBuilder};
pub use knowledge_files::KnowledgeFiles;
pub use output::*;

use polemos_core::model::{ActorKind, Anchor};
use polemos_core::model::{IssueScale, Span, content_hash};
use polemos_core::values::Position;

/// Default largest input accepted, in bytes.
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    /// Publication date: relative dates resolve against it; stances start on it.
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// One step of the pipeline.
pub trait Stage: Send + Sync {
    /// A stable name, used to replace the stage.
    fn name(&self) -> &'static str;
    fn run(&self, knowledge: &Knowledge, doc: &mut Doc<'_>);
}

type StageFn = fn(&Knowledge, &mut Doc<'_>);

struct Builtin(&'static str, StageFn);

impl Stage for Builtin {
    fn name(&self) -> &'static str {
        self.0
    }
    fn run(&self, knowledge: &Knowledge, doc: &mut Doc<'_>) {
        (self.1)(knowledge, doc);
    }
}

fn default_stages() -> Vec<Box<dyn Stage>> {
    let stages: [(&'static str, StageFn); 11] = [
        ("lines", text::lines),
        ("tokens", |_, d| text::tokens(d)),
        ("sentences", |_, d| text::sentences(d)),
        ("gazetteer", gazetteer::run),
        ("parse", tree::run),
        ("dates", |_, d| dates::run(d)),
        ("mentions", mentions::run),
        ("attribution", |_, d| attribution::run(d)),
        ("disputes", framing::run),
        ("events", events::run),
        ("stances", stances::run),
    ];
    stages
        .into_iter()
        .map(|(n, f)| Box::new(Builtin(n, f)) as Box<dyn Stage>)
        .collect()
}

/// The extractor: compiled knowledge plus the pipeline. Build once, share across threads.
pub struct Extractor {
    knowledge: Knowledge,
    stages: Vec<Box<dyn Stage>>,
    max_bytes: usize,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("stages", &self.stage_names())
            .field("max_bytes", &self.max_bytes)
            .finish_non_exhaustive()
    }
}

impl Extractor {
    /// An extractor with the built-in knowledge.
    ///
    /// # Errors
    /// Only when the embedded data is broken.
    pub fn new() -> Result<Self, ExtractError> {
        Ok(Self::with_knowledge(Knowledge::builtin()?))
    }

    #[must_use]
    pub fn with_knowledge(knowledge: Knowledge) -> Self {
        Self {
            knowledge,
            stages: default_stages(),
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }

    /// Sets the largest input accepted.
    #[must_use]
    pub fn max_bytes(mut self, limit: usize) -> Self {
        self.max_bytes = limit;
        self
    }

    /// The largest text accepted, in bytes.
    #[must_use]
    pub fn byte_limit(&self) -> usize {
        self.max_bytes
    }

    #[must_use]
    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// The language profile the stages read words from.
    #[must_use]
    pub fn language(&self) -> &lang::Profile {
        &self.knowledge.lang
    }

    #[must_use]
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Replaces the stage of the same name; returns false when there is none.
    pub fn replace_stage(&mut self, stage: Box<dyn Stage>) -> bool {
        match self.stages.iter().position(|s| s.name() == stage.name()) {
            Some(i) => {
                self.stages[i] = stage;
                true
            }
            None => false,
        }
    }

    /// Runs the pipeline and returns the intermediate representation.
    #[must_use]
    pub fn analyze<'t>(&self, text: &'t str, published: Option<NaiveDate>) -> Doc<'t> {
        let mut doc = Doc::new(text, published);
        doc.lang = std::sync::Arc::clone(&self.knowledge.lang);
        doc.lexicon = std::sync::Arc::clone(&self.knowledge.lexicon);
        doc.calibration = std::sync::Arc::clone(&self.knowledge.calibration);
        for stage in &self.stages {
            stage.run(&self.knowledge, &mut doc);
        }
        doc
    }

    /// Runs the pipeline and reports the time each stage took, for profiling.
    #[must_use]
    pub fn profile(
        &self,
        text: &str,
        published: Option<NaiveDate>,
    ) -> Vec<(&'static str, std::time::Duration)> {
        let mut doc = Doc::new(text, published);
        doc.lang = std::sync::Arc::clone(&self.knowledge.lang);
        doc.lexicon = std::sync::Arc::clone(&self.knowledge.lexicon);
        doc.calibration = std::sync::Arc::clone(&self.knowledge.calibration);
        self.stages
            .iter()
            .map(|stage| {
                let start = std::time::Instant::now();
                stage.run(&self.knowledge, &mut doc);
                (stage.name(), start.elapsed())
            })
            .collect()
    }

    /// Extracts from raw bytes, checking size and UTF-8 first.
    ///
    /// # Errors
    /// [`ExtractError::TooLarge`] over the limit, [`ExtractError::InvalidUtf8`] with the offset of
    /// the first bad byte.
    pub fn extract_bytes(
        &self,
        bytes: &[u8],
        meta: &ArticleMeta,
    ) -> Result<Extraction, ExtractError> {
        if bytes.len() > self.max_bytes {
            return Err(ExtractError::TooLarge {
                bytes: bytes.len(),
                limit: self.max_bytes,
            });
        }
        let text = std::str::from_utf8(bytes).map_err(|e| ExtractError::InvalidUtf8 {
            valid_up_to: e.valid_up_to(),
        })?;
        self.extract(text, meta)
    }

    /// Extracts every fact of one article.
    ///
    /// # Errors
    /// [`ExtractError::TooLarge`] when the text is over the limit.
    pub fn extract(&self, text: &str, meta: &ArticleMeta) -> Result<Extraction, ExtractError> {
        if text.len() > self.max_bytes {
            return Err(ExtractError::TooLarge {
                bytes: text.len(),
                limit: self.max_bytes,
            });
        }
        let doc = self.analyze(text, meta.published);
        Ok(assemble(&self.knowledge, doc, meta))
    }
}

/// The stable resource name of a document: derived from its content, so the same text always
/// gets the same name.
#[must_use]
pub fn document_name(hash: &str) -> String {
    format!("documents/sha256-{}", hash.get(..16).unwrap_or(hash))
}

fn proposed_issue(
    k: &Knowledge,
    doc: &Doc<'_>,
    new_issues: &std::collections::HashMap<&str, &str>,
    name: &str,
) -> Option<ProposedIssue> {
    let (dispute, id) = name.split_once("/issues/")?;
    if let Some(title) = new_issues.get(name) {
        let title: &str = title;
        let mut proposal = title.to_owned();
        if let Some(first) = proposal.get(..1) {
            proposal = first.to_uppercase() + proposal.get(1..).unwrap_or("");
        }
        return Some(ProposedIssue {
            name: name.to_owned(),
            title: proposal.clone(),
            scale: IssueScale::Binary { proposal },
        });
    }
    let topic = k.topics.iter().find(|t| t.id == id)?;
    let fact = doc.disputes.iter().find(|d| d.name == dispute)?;
    let entry = fact.known.map(|i| &k.disputes[i]);
    // A known dispute's parties come from the data; a proposed one's from the text.
    let party = |i: usize| -> String {
        let known = entry
            .and_then(|e| e.parties.get(i))
            .and_then(|p| k.actor(p))
            .map(|a| k.actors[a].display.clone());
        let found = || {
            let name = fact.parties.get(i)?;
            let a = doc
                .actors
                .iter()
                .position(|a| &format!("actors/{}", a.id) == name)?;
            Some(doc.actors[a].display.clone())
        };
        known
            .or_else(found)
            .unwrap_or_else(|| "the other party".to_owned())
    };
    let scale = match &topic.scale {
        knowledge::TopicScale::Binary(p) => IssueScale::Binary {
            proposal: p.clone(),
        },
        knowledge::TopicScale::Sovereignty => IssueScale::Continuous {
            anchors: vec![
                Anchor {
                    position: Position::saturating(0.0),
                    label: format!("held entirely by {}", party(1)),
                },
                Anchor {
                    position: Position::saturating(100.0),
                    label: format!("held entirely by {}", party(0)),
                },
            ],
        },
    };
    let title = entry.map_or(fact.title.as_str(), |e| e.title.as_str());
    Some(ProposedIssue {
        name: name.to_owned(),
        title: format!("{} ({title})", topic.title),
        scale,
    })
}

/// The outlets a credit line names ("Some information for this report was provided by AP and
/// Reuters"): sources the report cites, though no clause reports their words.
fn credited_outlets(doc: &Doc<'_>) -> Vec<usize> {
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let end = sentence.tokens.end;
        if !sentence.tokens.clone().any(|t| {
            doc.lex_phrase_at(lexicon::Lex::CreditLine, t, end)
                .is_some()
        }) {
            continue;
        }
        for it in doc.sentence_items(s) {
            if let ir::ItemKind::Actor { actor, .. } = it.kind
                && doc.actors[actor].kind == ActorKind::MediaOutlet
            {
                out.push(actor);
            }
        }
    }
    out
}

/// Whether an outlet's mention names it as a report's publisher or interviewer: before a
/// possessive ("VOA's Sean Maroney") or after a word of the lexicon's `publisher_cue` ("For VOA,
/// Tom Rivers reports", "told VOA").
fn publisher_mention(doc: &Doc<'_>, m: &MentionFact) -> bool {
    let first = doc.token_at(m.span.start);
    let end = doc.token_at(m.span.end);
    (end + 1 < doc.tokens.len() && mentions::only_possessive(doc, end, end + 2))
        || (first > 0 && doc.tok_in_lex(first - 1, lexicon::Lex::PublisherCue))
}

/// Whether a state's mention only places something: its name (or demonym) before its capital
/// (`names_its_capital`), its name right after a preposition of place
/// (lexicon `locating_preposition`), or after earlier names of a list that follows one ("the wars in
/// Iraq and Afghanistan", "near Taiwan"), owning nothing and with no apposition that says what
/// it is ("in Osgiliath, the state's fiercest foe": a party).
fn place_mention(doc: &Doc<'_>, m: &MentionFact) -> bool {
    let first = doc.token_at(m.span.start);
    let end = doc.token_at(m.span.end);
    let apposition = end + 1 < doc.tokens.len()
        && doc.tok(end) == ","
        && doc.tok_is_a(end + 1, lang::Class::Article);
    if names_its_capital(doc, first, end) {
        return true;
    }
    if m.via != knowledge::Via::Name
        || apposition
        || (end + 1 < doc.tokens.len() && mentions::only_possessive(doc, end, end + 2))
        || subject_at(doc, m.span.start)
    {
        return false;
    }
    // A headline's capitals would carry the walk back over its words ("Talks In Geneva As Iran
    // Weighs Offer"): there only the word right before the name places it.
    if doc
        .sentence_of(first)
        .is_some_and(|s| doc.sentences[s].headline)
    {
        return first > 0 && doc.tok_in_lex(first - 1, lexicon::Lex::LocatingPreposition);
    }
    let floor = first.saturating_sub(8);
    let mut t = first;
    while t > floor {
        if doc.tok_in_lex(t - 1, lexicon::Lex::LocatingPreposition) {
            // "confidence in China", "meddling in Moldova": the state is the one concerned.
            return !(t >= 2 && doc.tok_in_lex(t - 2, lexicon::Lex::InvolvementWord));
        }
        let w = doc.tok(t - 1);
        if !(w == ","
            || doc.tok_is_a(t - 1, lang::Class::Coordinator)
            || mentions::is_capitalized_word(doc, t - 1))
        {
            return false;
        }
        t -= 1;
    }
    false
}

/// Whether a state's name or demonym from token `first` to before `end` only says whose
/// capital follows ("Ethiopia's capital, Addis Ababa", "the Kenyan capital"; lexicon
/// `seat_noun`). A demonym needs its article: "Chinese capital flowed into the mines" is money.
fn names_its_capital(doc: &Doc<'_>, first: usize, end: usize) -> bool {
    let possessive = end + 2 < doc.tokens.len() && mentions::only_possessive(doc, end, end + 2);
    let noun = if possessive { end + 2 } else { end };
    noun < doc.tokens.len()
        && doc.tok_in_lex(noun, lexicon::Lex::SeatNoun)
        && (possessive || first > 0 && doc.tok_is_a(first - 1, lang::Class::Article))
}

/// Whether the word at byte `at` is its clause's subject ("In Brussels, Hungary refused"), which
/// no preposition places.
fn subject_at(doc: &Doc<'_>, at: usize) -> bool {
    let p = &doc.parse;
    p.word_at(at)
        .is_some_and(|w| p.has_rel(w, "nsubj") || p.has_rel(w, "csubj"))
}

/// The names of the actors that take part in an event, a stance or an attribution, or that
/// another actor serves.
fn involved_actors(doc: &Doc<'_>) -> std::collections::HashSet<String> {
    let mut names = std::collections::HashSet::new();
    for e in &doc.events {
        names.extend(e.sources.iter().chain(&e.targets).cloned());
    }
    for s in &doc.stances {
        names.insert(s.actor.clone());
    }
    for c in &doc.clauses {
        names.extend(
            c.speaker
                .into_iter()
                .chain(c.reported_by)
                .map(|a| doc.actor_name(a)),
        );
    }
    for a in &doc.actors {
        names.extend(a.affiliation.map(|x| doc.actor_name(x)));
    }
    names
}

fn assemble(k: &Knowledge, doc: Doc<'_>, meta: &ArticleMeta) -> Extraction {
    let hash = content_hash(doc.text);
    let mut sources: std::collections::HashSet<usize> =
        doc.clauses.iter().filter_map(|c| c.reported_by).collect();
    sources.extend(credited_outlets(&doc));
    let mut actors: Vec<ActorFact> = doc
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| ActorFact {
            name: doc.actor_name(i),
            kind: a.kind,
            display_name: a.display.clone(),
            iso3: a.known.and_then(|x| k.actors[x].iso3.clone()),
            role: a.role.map(|r| k.titles[r].role.clone()),
            affiliation: a.affiliation.map(|x| doc.actor_name(x)),
            cited_as_source: sources.contains(&i),
            // Set below from the mentions, once they are gathered.
            confidence: 0.0,
            mentions: Vec::new(),
        })
        .collect();
    for s in 0..doc.sentences.len() {
        for it in doc.sentence_items(s) {
            if let ir::ItemKind::Actor { actor, via, .. } = it.kind
                && let Some(a) = actors.get_mut(actor)
                && a.mentions.last().is_none_or(|m| m.span.start != it.start)
            {
                a.mentions.push(MentionFact {
                    span: Span {
                        start: it.start,
                        end: it.end,
                    },
                    text: doc.slice(it.start, it.end).to_owned(),
                    sentence: s,
                    via,
                });
            }
        }
    }
    // An outlet the text neither cites nor shows acting, named only as a report's publisher
    // or interviewer ("VOA's Sean Maroney reports", "For VOA, ...", "told VOA"), is not an
    // actor of the dispute; one a state bans or sues stays, though no event says so.
    // (Who is involved is gathered only when such an outlet is there: most texts have none.)
    let publisher = |a: &ActorFact| {
        a.kind == ActorKind::MediaOutlet
            && !a.cited_as_source
            && a.mentions.iter().all(|m| publisher_mention(&doc, m))
    };
    // Likewise a state named only where something is or comes from ("the wars in Iraq and
    // Afghanistan", "migrants from Iraq") that takes part in nothing and is no party to the
    // dispute: a place, not an actor.
    let only_placed = |a: &ActorFact| {
        a.kind == ActorKind::State && a.mentions.iter().all(|m| place_mention(&doc, m))
    };
    let involved = if actors.iter().any(|a| publisher(a) || only_placed(a)) {
        let mut names = involved_actors(&doc);
        names.extend(doc.disputes.iter().flat_map(|d| d.parties.iter().cloned()));
        // A known dispute's parties are in the data, not in the fact ("Tensions flared in
        // China and Japan over the Senkaku Islands").
        names.extend(
            doc.disputes
                .iter()
                .filter_map(|d| d.known)
                .flat_map(|i| &k.disputes[i].parties)
                .filter_map(|p| k.actor(p))
                .map(|a| format!("actors/{}", k.actors[a].id)),
        );
        names
    } else {
        std::collections::HashSet::new()
    };
    actors.retain(|a| {
        !a.mentions.is_empty()
            && ((!publisher(a) && !only_placed(a)) || involved.contains(a.name.as_str()))
    });
    for a in &mut actors {
        a.confidence = k.calibration.actor(a);
    }
    let attributions = doc
        .clauses
        .iter()
        .filter(|c| c.speaker.is_some() || c.reported_by.is_some())
        .map(|c| AttributionFact {
            speaker: c.speaker.map(|a| doc.actor_name(a)),
            reported_by: c.reported_by.map(|a| doc.actor_name(a)),
            speech: c.speech,
            cue: c
                .cue
                .map(|(a, b)| doc.slice(a, b).to_owned())
                .unwrap_or_default(),
            content: Span {
                start: c.start,
                end: c.end,
            },
            hope: c.hope,
            evidence: doc.evidence(c.sentence, c.cue, c.confidence, c.speaker, c.reported_by),
        })
        .collect();
    let dates = doc
        .dates
        .iter()
        .map(|d| DateFact {
            text: doc.slice(d.start, d.end).to_owned(),
            span: Span {
                start: d.start,
                end: d.end,
            },
            sentence: d.sentence,
            date: d.date,
            precision: d.precision,
            relative: d.relative,
            qualifier: d.qualifier,
            confidence: d.score,
        })
        .collect();
    let mut issue_names: Vec<String> = Vec::new();
    for st in &doc.stances {
        issue_names.push(st.issue.clone());
        issue_names.extend(st.conditions.iter().filter_map(|c| c.issue.clone()));
    }
    for ev in &doc.events {
        issue_names.extend(ev.issues.iter().cloned());
    }
    issue_names.sort();
    issue_names.dedup();
    let new_issues: std::collections::HashMap<&str, &str> = doc
        .new_issues
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let proposed_issues = issue_names
        .iter()
        .filter_map(|n| proposed_issue(k, &doc, &new_issues, n))
        .collect();
    let headline = doc
        .lines
        .iter()
        .find(|l| l.headline)
        .map(|l| doc.slice(l.start, l.end).trim().to_owned());
    let boilerplate = doc
        .lines
        .iter()
        .filter(|l| l.boilerplate)
        .map(|l| Span {
            start: l.start,
            end: l.end,
        })
        .collect();
    Extraction {
        document: DocumentInfo {
            name: document_name(&hash),
            content_hash: hash,
            published: doc.published,
            title: meta.title.clone().or(headline).unwrap_or_default(),
            bytes: doc.text.len(),
            sentences: doc.sentences.len(),
            tokens: doc.tokens.len(),
        },
        actors,
        attributions,
        events: doc.events,
        stances: doc.stances,
        disputes: doc.disputes,
        proposed_issues,
        dates,
        boilerplate,
        text: doc.text.to_owned(),
    }
}
