//! What the extractor knows about the world, read from line-based data files: states, bodies,
//! outlets, titles, cue lexicons, event cues, disputes and recurring issues. The built-in files are
//! embedded with `include_str!`; users add entries from their own files in the same format
//! without recompiling ([`KnowledgeBuilder::add_source`]).
//!
//! Every line is `kind|field|field...`; `;` separates list items; `#` starts a comment line.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::error::ExtractError;
use super::people::KnownPerson;
use polemos_core::model::{ActorKind, DisputeKind, DisputeStatus, PloverType};
use polemos_core::names::{fold_diacritics, slugify};

/// The built-in data files, in load order.
pub const BUILTIN: [(&str, &str); 12] = [
    ("states.tsv", include_str!("../data/states.tsv")),
    (
        "organizations.tsv",
        include_str!("../data/organizations.tsv"),
    ),
    // Converted from the Phoenix dictionaries by `scripts/phoenix_orgs.py`, which leaves out
    // every name the hand-written files hold: their rows win.
    (
        "organizations-phoenix.tsv",
        include_str!("../data/organizations-phoenix.tsv"),
    ),
    ("titles.tsv", include_str!("../data/titles.tsv")),
    ("cues.tsv", include_str!("../data/cues.tsv")),
    ("events.tsv", include_str!("../data/events.tsv")),
    // After events.tsv, whose hand-written cues win on a shared phrase.
    ("cameo-verbs.tsv", include_str!("../data/cameo-verbs.tsv")),
    ("disputes.tsv", include_str!("../data/disputes.tsv")),
    ("topics.tsv", include_str!("../data/topics.tsv")),
    ("people.tsv", include_str!("../data/people.tsv")),
    (
        "people-recent.tsv",
        include_str!("../data/people-recent.tsv"),
    ),
    ("lexicon.tsv", include_str!("../data/lexicon.tsv")),
];

/// The phrases of `dyad` event cues (the broad dictionary verbs) that contain another known
/// name, cue or topic: the matcher keeps the longest match, so "resume talks" would hide the
/// support cue "resume" and the topic "talks" from the stance stage. Such phrases are dropped.
fn shadowing(
    patterns: &[(String, Entry)],
    events: &[EventCue],
) -> std::collections::HashSet<String> {
    let is_dyad = |e: &Entry| matches!(e, Entry::Event(i) if events[*i].args == Args::Dyad);
    let mut others: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (text, entry) in patterns {
        if !matches!(entry, Entry::Event(_)) {
            others.insert(text.to_lowercase());
        }
    }
    let mut out = std::collections::HashSet::new();
    for (text, entry) in patterns {
        if !is_dyad(entry) {
            continue;
        }
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split(' ').collect();
        if words.len() < 2 {
            continue;
        }
        // A phrase that is itself another entry ("stands with": a support cue and an event)
        // hides nothing: both entries share the match.
        let hides = (0..words.len()).any(|i| {
            (i + 1..=words.len())
                .any(|j| (i, j) != (0, words.len()) && others.contains(&words[i..j].join(" ")))
        });
        if hides {
            out.insert(lower);
        }
    }
    out
}

/// An act named inside a longer topic or cue phrase is hidden by it, as the matcher keeps the
/// longest match: a noun of an act ending a topic phrase ("historic agreement", "peace
/// accord"), or a verb or noun of the curated event data inside a cue phrase of opposition
/// ("strong protest against"). The phrase then also names the act, so "welcomed the historic agreement between X
/// and Y" is both the topic and an agreement. The broad dictionary verbs (`dyad`) are left out,
/// as in `shadowing`.
fn hidden_acts(patterns: &[String], grouped: &mut [Vec<Entry>], events: &[EventCue]) {
    let mut acts: HashMap<String, Entry> = HashMap::new();
    for (text, group) in patterns.iter().zip(grouped.iter()) {
        for e in group {
            if let Entry::Event(i) = e
                && events[*i].args != Args::Dyad
            {
                acts.entry(text.to_lowercase()).or_insert(*e);
            }
        }
    }
    let noun = |e: &Entry| matches!(e, Entry::Event(i) if events[*i].args == Args::Noun);
    for (text, group) in patterns.iter().zip(grouped.iter_mut()) {
        let topic = group.iter().any(|e| matches!(e, Entry::Topic(_)));
        // Only the cues of opposition ("protest against"): a cue of support or intent ("would
        // sign", "ready to sign") carries the modal the event stage reads the status from.
        let cue = group.iter().any(|e| matches!(e, Entry::Cue(Cue::Oppose)));
        if !(topic || cue) || group.iter().any(|e| matches!(e, Entry::Event(_))) {
            continue;
        }
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split(' ').collect();
        if words.len() < 2 {
            continue;
        }
        let last = words.len() - 1;
        // The longest part of the phrase that names an act: for a topic, only a noun ending it.
        let found = (1..words.len()).rev().find_map(|len| {
            (0..=words.len() - len).find_map(|i| {
                let e = acts.get(&words[i..i + len].join(" "))?;
                let fits = if cue {
                    true
                } else {
                    i + len - 1 == last && noun(e)
                };
                fits.then_some(*e)
            })
        });
        if let Some(e) = found {
            group.push(e);
        }
    }
    // The other way round: a topic inside a phrase of an act ("held talks", "tariffs on") is
    // still the topic, for the stance stage.
    let mut topics: HashMap<String, Entry> = HashMap::new();
    for (text, group) in patterns.iter().zip(grouped.iter()) {
        for e in group {
            if matches!(e, Entry::Topic(_)) {
                topics.entry(text.to_lowercase()).or_insert(*e);
            }
        }
    }
    for (text, group) in patterns.iter().zip(grouped.iter_mut()) {
        let act = group
            .iter()
            .any(|e| matches!(e, Entry::Event(i) if events[*i].args != Args::Dyad));
        // A phrase that is also a cue ("recognition of") is read by the stance stage as the cue.
        if !act
            || group
                .iter()
                .any(|e| matches!(e, Entry::Topic(_) | Entry::Cue(_)))
        {
            continue;
        }
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split(' ').collect();
        let found = (1..words.len()).rev().find_map(|len| {
            (0..=words.len() - len).find_map(|i| topics.get(&words[i..i + len].join(" ")).cloned())
        });
        if let Some(t) = found {
            group.push(t);
        }
    }
}

/// How a state is named by a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    Name,
    Demonym,
    Metonym,
    Surname,
    Title,
    Pronoun,
    Reference,
}

/// An actor the data knows: a state, an organization or a media outlet.
#[derive(Debug, Clone)]
pub struct KnownActor {
    /// ISO3 for states, the data id otherwise.
    pub id: String,
    pub kind: ActorKind,
    pub display: String,
    pub iso3: Option<String>,
    pub cameo: Option<String>,
    pub aliases: Vec<String>,
    /// For media outlets: the country; for government bodies: the state they belong to (ISO3).
    pub country: Option<String>,
    /// For states: the first demonym ("Chinese"), to name their bodies ("Chinese navy").
    pub demonym: Option<String>,
    /// For states: the capital cities (the eighth field of a `state` line, "Moscow"), as
    /// written; the other metonyms ("the Kremlin", the ninth field) are no capital.
    pub capitals: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Venue {
    pub id: String,
    pub display: String,
    pub location: Option<String>,
    pub org: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Title {
    pub role: String,
    /// The state this office usually serves when the text names none ("Secretary of State").
    pub state: Option<String>,
    /// The last word of the role ("minister"), used for "the minister".
    pub head: String,
}

/// Cue categories of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    Report,
    Hope,
    Plan,
    Support,
    Oppose,
    /// Putting a measure into effect ("imposing sanctions"): support of the measure. Unlike
    /// `support` it does not end the search for an event's subject ("X will impose more
    /// sanctions on Y" is still X's sanction).
    Enact,
    /// A claim of sovereignty or rights ("claims sovereignty over", "inherent territory"):
    /// the subject supports its own sovereignty.
    Claim,
    /// A denial of another's claim ("has no lawful claim to"): the speaker opposes it.
    DenyClaim,
    /// A judgement of a thing just named ("is legally binding", "is a realistic option"): the
    /// speaker supports it.
    AssessGood,
    /// "is unacceptable", "an illegal referendum": the speaker opposes the thing named.
    AssessBad,
    /// "takes no position on sovereignty": the subject is neutral on the issue named.
    Neutral,
    Proposal,
    Condition,
    Hedge,
    Downplay,
    Negator,
    Resolved,
    Adopted,
    Rejected,
    MediaNoun,
    Pronoun,
    Possessive,
    Boilerplate,
}

impl Cue {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "report" => Self::Report,
            "hope" => Self::Hope,
            "plan" => Self::Plan,
            "support" => Self::Support,
            "oppose" => Self::Oppose,
            "enact" => Self::Enact,
            "claim" => Self::Claim,
            "deny_claim" => Self::DenyClaim,
            "assess_good" => Self::AssessGood,
            "assess_bad" => Self::AssessBad,
            "neutral" => Self::Neutral,
            "proposal" => Self::Proposal,
            "condition" => Self::Condition,
            "hedge" => Self::Hedge,
            "downplay" => Self::Downplay,
            "negator" => Self::Negator,
            "resolved" => Self::Resolved,
            "adopted" => Self::Adopted,
            "rejected" => Self::Rejected,
            "media_noun" => Self::MediaNoun,
            "pronoun" => Self::Pronoun,
            "possessive" => Self::Possessive,
            "boilerplate" => Self::Boilerplate,
            _ => return None,
        })
    }
}

/// Where an event cue's source and target are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Args {
    /// Source before the cue, target after it.
    Svo,
    /// Source after "by".
    By,
    /// A noun: the source is its possessor or the clause's subject or speaker.
    Noun,
    /// As `Svo`, but coded only with a target: a verb known from PETRARCH's dictionary, which
    /// codes dyads and is too broad to trust when no one is acted upon.
    Dyad,
}

#[derive(Debug, Clone)]
pub struct EventCue {
    pub event_type: PloverType,
    pub mode: String,
    pub cameo: String,
    pub intensity: f64,
    pub contexts: Vec<String>,
    pub args: Args,
    /// Nouns (lower case) one of which must head the verb's object for the cue to name an act
    /// ("restored full diplomatic ties", "postponed their meeting"): the verb alone names none.
    /// Empty: any object.
    pub objects: Vec<String>,
    /// Nouns (lower case, written `!noun` among the objects) none of which may head the verb's
    /// object: "released a statement" is no release of prisoners.
    pub not_objects: Vec<String>,
}

impl EventCue {
    /// Whether the cue names an act of force or pressure (assault, coercion, mobilization,
    /// threat, sanction): what an accusation or a denied charge reports.
    #[must_use]
    pub fn is_force_or_pressure(&self) -> bool {
        matches!(
            self.event_type,
            PloverType::Assault
                | PloverType::Coerce
                | PloverType::Mobilize
                | PloverType::Threaten
                | PloverType::Sanction
        )
    }
}

#[derive(Debug, Clone)]
pub struct DisputeEntry {
    pub id: String,
    pub title: String,
    pub kind: DisputeKind,
    pub status: DisputeStatus,
    /// Party ids: ISO3 codes or organization ids.
    pub parties: Vec<String>,
    /// Every name with the party whose framing it is (`None`: neutral).
    pub names: Vec<(String, Option<String>)>,
    pub parts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TopicScale {
    Binary(String),
    /// A sovereignty continuum built from the dispute's first two parties.
    Sovereignty,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub scale: TopicScale,
}

/// What a gazetteer pattern stands for. One pattern can stand for several things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Actor(usize, Via),
    Venue(usize),
    Place(usize),
    Title(usize),
    Cue(Cue),
    Event(usize),
    DisputeName(usize, usize),
    DisputePart(usize),
    Topic(usize),
    /// A person the data knows, by index into `Knowledge::people`.
    Person(usize),
}

impl Entry {
    /// Proper names must be capitalized as written; cue words must not be (outside sentence starts).
    pub fn is_proper(self) -> bool {
        matches!(
            self,
            Self::Actor(..)
                | Self::Venue(_)
                | Self::Place(_)
                | Self::DisputeName(..)
                | Self::DisputePart(_)
                | Self::Person(_)
        )
    }
}

/// The compiled knowledge: entries plus one Aho-Corasick automaton over every pattern.
#[derive(Debug)]
pub struct Knowledge {
    pub actors: Vec<KnownActor>,
    pub venues: Vec<Venue>,
    pub places: Vec<(String, String)>,
    pub titles: Vec<Title>,
    pub events: Vec<EventCue>,
    pub disputes: Vec<DisputeEntry>,
    pub topics: Vec<Topic>,
    pub people: Vec<KnownPerson>,
    pub boilerplate: Vec<String>,
    /// Pattern text as written in the data (for case checks), by pattern id.
    pub patterns: Vec<String>,
    /// Per pattern, whether it holds a one-letter word with a diacritic ("Hans Ø"), made once
    /// at load for `gazetteer::lone_letter_folded`.
    lone_letter: Vec<bool>,
    /// Entries of each pattern: `payload[offsets[p]..offsets[p + 1]]`.
    offsets: Vec<usize>,
    payload: Vec<Entry>,
    pub automaton: AhoCorasick,
    actor_index: HashMap<String, usize>,
    /// Known people by a word of their names (first or last), as its slug (lower case, Latin
    /// diacritics dropped), for "President Aliyev" and "Chávez" of the data's "Hugo Chavez".
    people_by_word: HashMap<String, Vec<usize>>,
    /// Per known person, the slugs of their display name and aliases, made once at load so a
    /// lookup by full name compares instead of slugifying every alias.
    person_slugs: Vec<Vec<String>>,
    /// Disputes by party id.
    pub disputes_by_party: HashMap<String, Vec<usize>>,
    /// The tagger and parser of the language.
    pub syntax: crate::tree::SyntaxModel,
    /// The language's words the stages read as grammar (months, pronouns, auxiliaries...).
    pub lang: std::sync::Arc<crate::lang::Profile>,
    /// Word lists of the world ("lexicon" lines: group nouns, newspapers' name words...).
    pub lexicon: std::sync::Arc<crate::lexicon::Lexicon>,
    /// The confidence tables of actors, dates, events and stances (the built-in ones, or a
    /// user's file of the same name in their place).
    pub calibration: std::sync::Arc<crate::calibration::Calibration>,
}

impl Knowledge {
    /// Whether pattern `pattern` holds a one-letter word with a diacritic ("Hans Ø").
    #[must_use]
    pub fn has_lone_accented_letter(&self, pattern: usize) -> bool {
        self.lone_letter.get(pattern).copied().unwrap_or(false)
    }

    /// The built-in knowledge alone.
    ///
    /// # Errors
    /// Only if the embedded data is broken (a bug caught by the tests).
    pub fn builtin() -> Result<Self, ExtractError> {
        KnowledgeBuilder::builtin()?.build()
    }

    /// The entries a pattern id stands for.
    #[must_use]
    pub fn entries(&self, pattern: usize) -> &[Entry] {
        match (self.offsets.get(pattern), self.offsets.get(pattern + 1)) {
            (Some(&a), Some(&b)) => &self.payload[a..b],
            _ => &[],
        }
    }

    /// Known people with `word` (any case, with or without the diacritics the data may lack:
    /// "Chávez" is the data's "Chavez") as the first or last word of one of their names.
    #[must_use]
    pub fn people_by_word(&self, word: &str) -> &[usize] {
        slugify(word)
            .and_then(|w| self.people_by_word.get(&w))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether known person `p` has a name (display or alias) whose slug is `slug`.
    #[must_use]
    pub fn person_has_slug(&self, p: usize, slug: &str) -> bool {
        self.person_slugs
            .get(p)
            .is_some_and(|names| names.iter().any(|n| n == slug))
    }

    /// The index of an actor by ISO3 code or data id.
    #[must_use]
    pub fn actor(&self, id: &str) -> Option<usize> {
        self.actor_index.get(id).copied()
    }

    /// Whether `name`, as the text writes it (any case), is a capital city of the known actor
    /// `actor` ("Moscow" of Russia); a building that stands for the government ("the Kremlin")
    /// is none.
    #[must_use]
    pub fn is_capital(&self, actor: usize, name: &str) -> bool {
        let lower = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
        let name = lower(name);
        self.actors
            .get(actor)
            .is_some_and(|a| a.capitals.iter().any(|c| lower(c) == name))
    }

    /// The data's plain row of type `ty` and mode `mode` (a verb with a subject and object and
    /// no object words of its own), of CAMEO code `cameo` when given: the code a rule gives an
    /// act it reads some other way than by its verb ("Peru's exercise was unacceptable" is
    /// coded by the `criticize` row).
    #[must_use]
    pub fn plain_event(
        &self,
        ty: PloverType,
        mode: &str,
        cameo: Option<&str>,
    ) -> Option<&EventCue> {
        self.events.iter().find(|c| {
            c.event_type == ty
                && c.mode == mode
                && c.args == Args::Svo
                && c.objects.is_empty()
                && cameo.is_none_or(|code| c.cameo == code)
        })
    }
}

/// Collects entries from data sources, then compiles them.
#[derive(Debug, Default)]
pub struct KnowledgeBuilder {
    actors: Vec<KnownActor>,
    venues: Vec<Venue>,
    places: Vec<(String, String)>,
    titles: Vec<Title>,
    events: Vec<EventCue>,
    disputes: Vec<DisputeEntry>,
    topics: Vec<Topic>,
    people: Vec<KnownPerson>,
    person_index: HashMap<String, usize>,
    boilerplate: Vec<String>,
    patterns: Vec<(String, Entry)>,
    syntax: crate::tree::SyntaxModel,
    lang: Option<std::sync::Arc<crate::lang::Profile>>,
    lexicon: crate::lexicon::Lexicon,
    calibration: crate::calibration::Calibration,
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}

impl KnowledgeBuilder {
    /// A builder holding the built-in data.
    ///
    /// # Errors
    /// When the embedded data does not parse.
    pub fn builtin() -> Result<Self, ExtractError> {
        let mut b = Self::default();
        for (name, text) in BUILTIN.into_iter().chain(crate::calibration::BUILTIN) {
            b.add_source(name, text)?;
        }
        Ok(b)
    }

    /// Adds every entry of one data file; `source` names it in errors. A confidence table,
    /// known by its file name (`event-calibration.tsv`, [`crate::calibration::Kind::of_file`]),
    /// replaces the table of its kind instead.
    ///
    /// # Errors
    /// [`ExtractError::Data`] naming the source, line and what is wrong.
    pub fn add_source(&mut self, source: &str, text: &str) -> Result<(), ExtractError> {
        if let Some(kind) = crate::calibration::Kind::of_file(source) {
            return self.calibration.replace(kind, source, text);
        }
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            self.add_line(&fields)
                .map_err(|message| ExtractError::Data {
                    file: source.to_owned(),
                    line: index + 1,
                    message,
                })?;
        }
        Ok(())
    }

    fn need(fields: &[&str], n: usize, shape: &str) -> Result<(), String> {
        if fields.len() < n {
            Err(format!(
                "expected {n} fields `{shape}`, found {}",
                fields.len()
            ))
        } else {
            Ok(())
        }
    }

    fn pattern(&mut self, text: &str, entry: Entry) {
        if text.is_empty() {
            return;
        }
        self.patterns.push((text.to_owned(), entry));
        // Text uses typographic apostrophes as often as straight ones.
        if text.contains('\'') {
            self.patterns.push((text.replace('\'', "\u{2019}"), entry));
        }
    }

    /// Adds an actor, or replaces the one of the same id and kind (a later file's line). An id
    /// already held by an actor of another kind is an error: the Andean Community once had
    /// Canada's ISO code, and one of the two silently took the other's names.
    fn upsert_actor(&mut self, actor: KnownActor) -> Result<usize, String> {
        if let Some(i) = self.actors.iter().position(|a| a.id == actor.id) {
            let held = &self.actors[i];
            if held.kind != actor.kind {
                return Err(format!(
                    "id `{}` of {} is already the id of {} ({:?}); give it an id of its own",
                    actor.id, actor.display, held.display, held.kind
                ));
            }
            self.actors[i] = actor;
            Ok(i)
        } else {
            self.actors.push(actor);
            Ok(self.actors.len() - 1)
        }
    }

    #[allow(clippy::too_many_lines)]
    fn add_line(&mut self, f: &[&str]) -> Result<(), String> {
        match f[0] {
            "state" => {
                Self::need(
                    f,
                    8,
                    "state|ISO3|ISO2|status|Name|names|demonyms|capitals[|metonyms]",
                )?;
                let iso = f[1];
                if !(iso.len() == 3 && iso.bytes().all(|b| b.is_ascii_uppercase())) {
                    return Err(format!("`{iso}` is not an ISO 3166-1 alpha-3 code"));
                }
                let mut aliases: Vec<String> = list(f[5]).map(str::to_owned).collect();
                aliases.extend(list(f[6]).map(str::to_owned));
                aliases.extend(list(f[7]).map(str::to_owned));
                let others = f.get(8).copied().unwrap_or("");
                aliases.extend(list(others).map(str::to_owned));
                let i = self.upsert_actor(KnownActor {
                    id: iso.to_owned(),
                    kind: ActorKind::State,
                    display: f[4].to_owned(),
                    iso3: Some(iso.to_owned()),
                    cameo: Some(iso.to_owned()),
                    aliases,
                    country: None,
                    demonym: list(f[6]).next().map(str::to_owned),
                    capitals: list(f[7]).map(str::to_owned).collect(),
                })?;
                self.pattern(f[4], Entry::Actor(i, Via::Name));
                for n in list(f[5]) {
                    self.pattern(n, Entry::Actor(i, Via::Name));
                }
                for n in list(f[6]) {
                    self.pattern(n, Entry::Actor(i, Via::Demonym));
                    // Plural demonyms ("the Japanese", "Russians") name the state too.
                    if !n.ends_with('s') && !n.ends_with("ese") && !n.ends_with("sh") {
                        self.pattern(&format!("{n}s"), Entry::Actor(i, Via::Demonym));
                    }
                }
                for n in list(f[7]).chain(list(others)) {
                    self.pattern(n, Entry::Actor(i, Via::Metonym));
                }
            }
            "org" => {
                Self::need(f, 6, "org|id|kind|Display|aliases|cameo[|ISO3]")?;
                let kind = match f[2] {
                    "international_organization" => ActorKind::InternationalOrganization,
                    "government_body" => ActorKind::GovernmentBody,
                    "political_group" => ActorKind::PoliticalGroup,
                    "armed_group" => ActorKind::ArmedGroup,
                    other => return Err(format!("unknown organization kind `{other}`")),
                };
                let i = self.upsert_actor(KnownActor {
                    id: f[1].to_owned(),
                    kind,
                    display: f[3].to_owned(),
                    iso3: None,
                    cameo: (!f[5].is_empty()).then(|| f[5].to_owned()),
                    aliases: list(f[4]).map(str::to_owned).collect(),
                    // The state a government body belongs to.
                    country: f.get(6).filter(|s| !s.is_empty()).map(|s| (*s).to_owned()),
                    demonym: None,
                    capitals: Vec::new(),
                })?;
                self.pattern(f[3], Entry::Actor(i, Via::Name));
                for n in list(f[4]) {
                    self.pattern(n, Entry::Actor(i, Via::Name));
                }
            }
            "media" => {
                Self::need(f, 5, "media|id|Display|aliases|ISO3")?;
                let i = self.upsert_actor(KnownActor {
                    id: f[1].to_owned(),
                    kind: ActorKind::MediaOutlet,
                    display: f[2].to_owned(),
                    iso3: None,
                    cameo: None,
                    aliases: list(f[3]).map(str::to_owned).collect(),
                    country: (!f[4].is_empty()).then(|| f[4].to_owned()),
                    demonym: None,
                    capitals: Vec::new(),
                })?;
                self.pattern(f[2], Entry::Actor(i, Via::Name));
                for n in list(f[3]) {
                    self.pattern(n, Entry::Actor(i, Via::Name));
                }
            }
            "venue" => {
                Self::need(f, 6, "venue|id|Display|aliases|location|org")?;
                self.venues.push(Venue {
                    id: f[1].to_owned(),
                    display: f[2].to_owned(),
                    location: (!f[4].is_empty()).then(|| f[4].to_owned()),
                    org: (!f[5].is_empty()).then(|| f[5].to_owned()),
                });
                let i = self.venues.len() - 1;
                self.pattern(f[2], Entry::Venue(i));
                for n in list(f[3]) {
                    self.pattern(n, Entry::Venue(i));
                }
            }
            "place" => {
                Self::need(f, 3, "place|Name|ISO3")?;
                self.places.push((f[1].to_owned(), f[2].to_owned()));
                let i = self.places.len() - 1;
                self.pattern(f[1], Entry::Place(i));
            }
            "title" => {
                Self::need(f, 3, "title|role|phrases")?;
                let head = f[1].rsplit(' ').next().unwrap_or(f[1]).to_owned();
                self.titles.push(Title {
                    role: f[1].to_owned(),
                    state: f.get(3).filter(|s| !s.is_empty()).map(|s| (*s).to_owned()),
                    head,
                });
                let i = self.titles.len() - 1;
                for n in list(f[2]) {
                    self.pattern(n, Entry::Title(i));
                }
            }
            "cue" => {
                Self::need(f, 3, "cue|category|phrases")?;
                let cue =
                    Cue::parse(f[1]).ok_or_else(|| format!("unknown cue category `{}`", f[1]))?;
                for n in list(f[2]) {
                    if cue == Cue::Boilerplate {
                        self.boilerplate.push(n.to_lowercase());
                    } else {
                        self.pattern(n, Entry::Cue(cue));
                    }
                }
            }
            "event" => {
                Self::need(
                    f,
                    8,
                    "event|phrases|TYPE|mode|CAMEO|intensity|contexts|args[|objects]",
                )?;
                let event_type = PloverType::ALL
                    .into_iter()
                    .find(|t| t.as_str() == f[2])
                    .ok_or_else(|| format!("`{}` is not a PLOVER event type", f[2]))?;
                let intensity: f64 = f[5]
                    .parse()
                    .ok()
                    .filter(|x: &f64| (-10.0..=10.0).contains(x))
                    .ok_or_else(|| format!("intensity `{}` is not a number in -10..=10", f[5]))?;
                let args = match f[7] {
                    "svo" => Args::Svo,
                    "by" => Args::By,
                    "noun" => Args::Noun,
                    "dyad" => Args::Dyad,
                    other => {
                        return Err(format!("unknown arguments `{other}` (svo, by, noun, dyad)"));
                    }
                };
                let objects: Vec<String> = f
                    .get(8)
                    .map(|o| list(o).map(str::to_lowercase).collect())
                    .unwrap_or_default();
                // `@name` stands for a lexicon list's words, read when the knowledge is built
                // (the list may come from a later file); the name is checked here, on its line.
                if let Some(name) = objects
                    .iter()
                    .filter_map(|o| o.strip_prefix('@'))
                    .find(|n| crate::lexicon::Lex::parse(n).is_none())
                {
                    return Err(format!("objects name unknown lexicon `{name}`"));
                }
                self.events.push(EventCue {
                    event_type,
                    mode: f[3].to_owned(),
                    cameo: f[4].to_owned(),
                    intensity,
                    contexts: list(f[6]).map(str::to_owned).collect(),
                    args,
                    objects: objects
                        .iter()
                        .filter(|o| !o.starts_with('!'))
                        .cloned()
                        .collect(),
                    not_objects: objects
                        .iter()
                        .filter_map(|o| o.strip_prefix('!'))
                        .map(str::to_owned)
                        .collect(),
                });
                let i = self.events.len() - 1;
                for n in list(f[1]) {
                    self.pattern(n, Entry::Event(i));
                }
            }
            "dispute" => {
                Self::need(
                    f,
                    9,
                    "dispute|id|Title|kind|status|parties|neutral names|framed names|parts",
                )?;
                if !polemos_core::names::is_valid_id(f[1]) {
                    return Err(format!("`{}` is not a valid dispute id", f[1]));
                }
                let kind = match f[3] {
                    "territorial" => DisputeKind::Territorial,
                    "treaty" => DisputeKind::Treaty,
                    "maritime" => DisputeKind::Maritime,
                    "trade" => DisputeKind::Trade,
                    "naming" => DisputeKind::Naming,
                    "sanctions" => DisputeKind::Sanctions,
                    "other" => DisputeKind::Other,
                    other => return Err(format!("unknown dispute kind `{other}`")),
                };
                let status = match f[4] {
                    "active" => DisputeStatus::Active,
                    "frozen" => DisputeStatus::Frozen,
                    "resolved" => DisputeStatus::Resolved,
                    other => return Err(format!("unknown dispute status `{other}`")),
                };
                let parties: Vec<String> = list(f[5]).map(str::to_owned).collect();
                if parties.is_empty() {
                    return Err("a dispute needs at least one party".into());
                }
                let mut names: Vec<(String, Option<String>)> =
                    list(f[6]).map(|n| (n.to_owned(), None)).collect();
                for framed in list(f[7]) {
                    let (label, party) = framed
                        .rsplit_once('@')
                        .ok_or_else(|| format!("framed name `{framed}` needs `@PARTY`"))?;
                    if !parties.iter().any(|p| p == party) {
                        return Err(format!("`{party}` in `{framed}` is not a party"));
                    }
                    names.push((label.trim().to_owned(), Some(party.to_owned())));
                }
                let entry = DisputeEntry {
                    id: f[1].to_owned(),
                    title: f[2].to_owned(),
                    kind,
                    status,
                    parties,
                    names,
                    parts: list(f[8]).map(str::to_owned).collect(),
                };
                let d = self.disputes.len();
                for (k, (label, _)) in entry.names.iter().enumerate() {
                    self.patterns
                        .push((label.clone(), Entry::DisputeName(d, k)));
                    if label.contains('\'') {
                        self.patterns
                            .push((label.replace('\'', "\u{2019}"), Entry::DisputeName(d, k)));
                    }
                }
                for part in &entry.parts {
                    self.patterns.push((part.clone(), Entry::DisputePart(d)));
                }
                self.disputes.push(entry);
            }
            "topic" => {
                Self::need(f, 6, "topic|id|Title|scale|proposal|phrases")?;
                if !polemos_core::names::is_valid_id(f[1]) {
                    return Err(format!("`{}` is not a valid issue id", f[1]));
                }
                let scale = match f[3] {
                    "binary" if !f[4].is_empty() => TopicScale::Binary(f[4].to_owned()),
                    "binary" => return Err("a binary topic needs a proposal".into()),
                    "sovereignty" => TopicScale::Sovereignty,
                    other => return Err(format!("unknown scale `{other}` (binary, sovereignty)")),
                };
                self.topics.push(Topic {
                    id: f[1].to_owned(),
                    title: f[2].to_owned(),
                    scale,
                });
                let i = self.topics.len() - 1;
                for n in list(f[5]) {
                    self.pattern(n, Entry::Topic(i));
                }
            }
            "person" => {
                let line = super::people::parse_line(f)?;
                let i = match self.person_index.get(line.id) {
                    Some(&i) => i,
                    None => {
                        if line.display.is_empty() {
                            return Err(format!("person `{}` needs a display name", line.id));
                        }
                        self.people.push(KnownPerson {
                            id: line.id.to_owned(),
                            display: line.display.to_owned(),
                            aliases: Vec::new(),
                            tenures: Vec::new(),
                        });
                        let i = self.people.len() - 1;
                        self.person_index.insert(line.id.to_owned(), i);
                        self.pattern(line.display, Entry::Person(i));
                        i
                    }
                };
                for a in line.aliases {
                    self.pattern(a, Entry::Person(i));
                    self.people[i].aliases.push(a.to_owned());
                }
                self.people[i].tenures.push(line.tenure);
            }
            "lexicon" => {
                Self::need(f, 3, "lexicon|NAME|words")?;
                self.lexicon.add(f[1], f[2])?;
            }
            other => return Err(format!("unknown record kind `{other}`")),
        }
        Ok(())
    }

    /// Compiles the automaton.
    ///
    /// # Errors
    /// When a party or country refers to an unknown actor, or the automaton cannot be built.
    pub fn build(mut self) -> Result<Knowledge, ExtractError> {
        // An event row's object list may name a lexicon list (`@envoy_noun`): its words, so
        // one notion is written once. The names were checked when the rows were read.
        for e in &mut self.events {
            let mut objects = Vec::with_capacity(e.objects.len());
            for o in std::mem::take(&mut e.objects) {
                match o.strip_prefix('@').and_then(crate::lexicon::Lex::parse) {
                    Some(lex) => objects.extend(self.lexicon.words(lex).map(str::to_owned)),
                    None => objects.push(o),
                }
            }
            e.objects = objects;
        }
        let actor_index: HashMap<String, usize> = self
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        for d in &self.disputes {
            for p in &d.parties {
                if !actor_index.contains_key(p) {
                    return Err(ExtractError::Data {
                        file: "disputes".into(),
                        line: 0,
                        message: format!("dispute `{}` names unknown party `{p}`", d.id),
                    });
                }
            }
        }
        // Group entries by pattern (case-insensitively and diacritics folded), keeping
        // first-seen order.
        let mut by_pattern: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut grouped: Vec<Vec<Entry>> = Vec::new();
        let shadowing = shadowing(&self.patterns, &self.events);
        for (text, entry) in self.patterns {
            // Only the dictionary's phrase is dropped: the same phrase in events.tsv is kept.
            let dyad = matches!(entry, Entry::Event(i) if self.events[i].args == Args::Dyad);
            if dyad && shadowing.contains(&text.to_lowercase()) {
                continue;
            }
            // The automaton reads the text with its diacritics folded (`gazetteer::run`): names
            // that differ only in them ("Chávez", "Chavez") are one pattern.
            let key = fold_diacritics(&text).to_lowercase();
            let id = *by_pattern.entry(key).or_insert_with(|| {
                patterns.push(text.clone());
                grouped.push(Vec::new());
                patterns.len() - 1
            });
            if !grouped[id].contains(&entry) {
                grouped[id].push(entry);
            }
        }
        hidden_acts(&patterns, &mut grouped, &self.events);
        let mut offsets = Vec::with_capacity(grouped.len() + 1);
        let mut payload = Vec::new();
        for g in grouped {
            offsets.push(payload.len());
            payload.extend(g);
        }
        offsets.push(payload.len());
        let lone_letter = patterns
            .iter()
            .map(|p| {
                p.split_whitespace()
                    .any(|w| !w.is_ascii() && w.chars().count() == 1)
            })
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|p| fold_diacritics(p)))
            .map_err(|e| ExtractError::Data {
                file: "gazetteer".into(),
                line: 0,
                message: format!("cannot build the matcher: {e}"),
            })?;
        let mut disputes_by_party: HashMap<String, Vec<usize>> = HashMap::new();
        for (d, entry) in self.disputes.iter().enumerate() {
            for p in &entry.parties {
                disputes_by_party.entry(p.clone()).or_default().push(d);
            }
        }
        let mut people_by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in self.people.iter().enumerate() {
            for name in std::iter::once(&p.display).chain(&p.aliases) {
                let words: Vec<&str> = name.split(' ').collect();
                for w in [words.first(), words.last()].into_iter().flatten() {
                    let Some(key) = slugify(w) else { continue };
                    let list = people_by_word.entry(key).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        let person_slugs = self
            .people
            .iter()
            .map(|p| {
                std::iter::once(&p.display)
                    .chain(&p.aliases)
                    .filter_map(|a| slugify(a))
                    .collect()
            })
            .collect();
        Ok(Knowledge {
            people_by_word,
            person_slugs,
            disputes_by_party,
            actors: self.actors,
            venues: self.venues,
            places: self.places,
            titles: self.titles,
            events: self.events,
            disputes: self.disputes,
            topics: self.topics,
            people: self.people,
            boilerplate: self.boilerplate,
            patterns,
            lone_letter,
            offsets,
            payload,
            automaton,
            actor_index,
            syntax: self.syntax,
            lang: match self.lang {
                Some(profile) => profile,
                None => crate::lang::checked_english()?,
            },
            lexicon: std::sync::Arc::new(self.lexicon),
            calibration: std::sync::Arc::new(self.calibration),
        })
    }

    /// Parses with this model instead of the built-in one (`polemos-syntax-train` writes them).
    #[must_use]
    pub fn syntax_model(mut self, model: std::sync::Arc<polemos_syntax::Model>) -> Self {
        self.syntax = crate::tree::SyntaxModel::Custom(model);
        self
    }

    /// Reads the language's words from this profile instead of the built-in English one.
    #[must_use]
    pub fn language(mut self, profile: std::sync::Arc<crate::lang::Profile>) -> Self {
        self.lang = Some(profile);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_loads_with_all_un_members() {
        let k = Knowledge::builtin().expect("built-in data parses");
        let members = BUILTIN[0]
            .1
            .lines()
            .filter(|l| l.contains("|member|"))
            .count();
        assert_eq!(members, 193);
        assert!(k.actor("VAT").is_some() && k.actor("PSE").is_some());
        assert!(k.disputes.len() >= 20, "{}", k.disputes.len());
        let jpn = k.actor("JPN").expect("Japan");
        assert_eq!(k.actors[jpn].display, "Japan");
    }

    #[test]
    fn bad_lines_are_reported_with_source_and_line() {
        let mut b = KnowledgeBuilder::default();
        let err = b
            .add_source("mine.tsv", "# ok\nstate|JP|JP|member|Japan|||\n")
            .expect_err("bad iso");
        assert_eq!(
            err.to_string(),
            "data file mine.tsv, line 2: `JP` is not an ISO 3166-1 alpha-3 code"
        );
        let err = b.add_source("x", "bogus|1").expect_err("kind");
        assert!(
            err.to_string().contains("unknown record kind `bogus`"),
            "{err}"
        );
        let err = b
            .add_source("x", "event|meet|MEET|m|040|1|d|svo")
            .expect_err("type");
        assert!(err.to_string().contains("not a PLOVER event type"), "{err}");
        // An object list naming a lexicon list that does not exist is refused on its line.
        let err = b
            .add_source(
                "mine.tsv",
                "# ok\nevent|recalled|SANCTION|sanction|161|-4|diplomatic|svo|@envoy_nouns\n",
            )
            .expect_err("unknown list");
        assert_eq!(
            err.to_string(),
            "data file mine.tsv, line 2: objects name unknown lexicon `envoy_nouns`"
        );
    }

    #[test]
    fn every_known_name_names_one_person_who_serves_one_state_at_a_time() {
        let k = crate::test_support::extractor().knowledge();
        let mut owner: HashMap<String, &str> = HashMap::new();
        for p in &k.people {
            for n in std::iter::once(&p.display).chain(&p.aliases) {
                let first = *owner.entry(n.to_lowercase()).or_insert(&p.id);
                assert_eq!(first, p.id, "`{n}` names two people");
            }
        }
        // The dictionaries list Salva Kiir twice, once as Sudan's official with no end date.
        let kiir = k
            .people
            .iter()
            .find(|p| p.aliases.iter().any(|a| a == "Salva Kiir"))
            .expect("Salva Kiir is known");
        let state = |day: &str| {
            let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("day");
            kiir.tenure_at(Some(day)).map(|t| t.of.clone())
        };
        assert_eq!(state("2008-01-01").as_deref(), Some("SDN"));
        assert_eq!(state("2016-03-18").as_deref(), Some("SSD"));
    }

    #[test]
    fn an_organization_may_not_take_a_states_id() {
        let mut b = KnowledgeBuilder::default();
        b.add_source("states", "state|CAN|CA|member|Canada||Canadian|Ottawa\n")
            .expect("parses");
        let err = b
            .add_source(
                "orgs",
                "org|CAN|international_organization|Andean Community|Comunidad Andina|IGO\n",
            )
            .expect_err("an organization with Canada's code");
        assert!(
            err.to_string()
                .contains("`CAN` of Andean Community is already the id of Canada"),
            "{err}"
        );
        // In the built-in data, Canada and the Andean Community are two actors.
        let k = Knowledge::builtin().expect("built-in data parses");
        let can = k.actor("CAN").expect("Canada");
        assert_eq!(k.actors[can].display, "Canada");
        let andean = k.actor("ANDEAN-COMMUNITY").expect("Andean Community");
        assert_eq!(k.actors[andean].kind, ActorKind::InternationalOrganization);
        let text = "Canada and the Andean Community of Nations met in Lima on Monday.";
        let ids: Vec<String> = crate::test_support::extractor()
            .extract(text, &crate::ArticleMeta::default())
            .expect("extracts")
            .actors
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert!(ids.iter().any(|i| i.ends_with("/CAN")), "{ids:?}");
        assert!(
            ids.iter().any(|i| i.ends_with("/ANDEAN-COMMUNITY")),
            "{ids:?}"
        );
    }

    #[test]
    fn phoenix_bodies_are_read_with_their_kind_and_common_words_of_excluded_entries_are_not() {
        let text = "Angry brigade members said the Lord's Resistance Army attacked a camp \
                    that the Carter Center supports.";
        let actors = crate::test_support::extractor()
            .extract(text, &crate::ArticleMeta::default())
            .expect("extracts")
            .actors;
        let kind = |id: &str| actors.iter().find(|a| a.name.ends_with(id)).map(|a| a.kind);
        assert_eq!(
            kind("/PHX-LORD-S-RESISTANCE-ARMY"),
            Some(ActorKind::ArmedGroup),
            "{actors:?}"
        );
        assert_eq!(
            kind("/PHX-CARTER-CENTER"),
            Some(ActorKind::InternationalOrganization),
            "{actors:?}"
        );
        // "ANGRY_BRIGADE_" is left out of the converted file: two common words.
        assert_eq!(actors.len(), 2, "{actors:?}");
    }

    #[test]
    fn user_entries_extend_the_builtin_data() {
        let mut b = KnowledgeBuilder::builtin().expect("builtin");
        b.add_source(
            "extra",
            "media|hokkaido-shimbun|Hokkaido Shimbun|Hokkaido Shimbun|JPN\n",
        )
        .expect("parses");
        let k = b.build().expect("builds");
        assert!(k.actor("hokkaido-shimbun").is_some());
    }
}
