//! Gold annotations and extractions reduced to the same form: per fact type, a list of tuples
//! whose slots hold every value that would be accepted there (an actor's id and its aliases, an
//! issue's canonical name and its aliases, the types a gold event allows). Two tuples match when
//! every slot shares a value; the matching rules of `docs/evaluation.md` are all here.

use std::collections::{BTreeSet, HashMap};

use polemos_core::names::slugify;
use polemos_extract::{ActorFact, Extraction};
use serde::Serialize;

use crate::gold::{Article, GoldActor};

/// The kinds of fact a scorecard counts, in the order it prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactType {
    Actors,
    Affiliations,
    /// (source, type, target) with each actor rolled up to the state it acts for.
    Events,
    /// (source, type, target) with the most specific actors.
    EventsActor,
    /// The event type alone, at the place of its evidence.
    EventTypes,
    Stances,
    Conditions,
    Disputes,
    Framing,
    Dates,
}

impl FactType {
    pub const ALL: [Self; 10] = [
        Self::Actors,
        Self::Affiliations,
        Self::Events,
        Self::EventsActor,
        Self::EventTypes,
        Self::Stances,
        Self::Conditions,
        Self::Disputes,
        Self::Framing,
        Self::Dates,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Actors => "actors",
            Self::Affiliations => "affiliations",
            Self::Events => "events",
            Self::EventsActor => "events_actor",
            Self::EventTypes => "event_types",
            Self::Stances => "stances",
            Self::Conditions => "conditions",
            Self::Disputes => "disputes",
            Self::Framing => "framing",
            Self::Dates => "dates",
        }
    }

    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// One fact as compared: each slot holds the values accepted there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tuple {
    pub slots: Vec<BTreeSet<String>>,
    /// Where the fact's evidence is in the text (byte span), for the types matched by place.
    pub place: Option<(usize, usize)>,
    /// Gold only: a fact an analyst would accept but not insist on.
    pub optional: bool,
    /// How the fact reads in a list of mistakes (`JPN PROTEST CHN`).
    pub label: String,
    /// The sentence or quote it comes from.
    pub quote: String,
}

impl Tuple {
    /// Whether a predicted tuple matches this gold tuple under `fact`'s rule.
    #[must_use]
    pub fn accepts(&self, fact: FactType, predicted: &Self) -> bool {
        let slot = |i: usize| match (self.slots.get(i), predicted.slots.get(i)) {
            (Some(a), Some(b)) => !a.is_disjoint(b),
            _ => false,
        };
        let overlap = match (self.place, predicted.place) {
            (Some((a, b)), Some((c, d))) => a < d && c < b,
            _ => false,
        };
        match fact {
            FactType::EventTypes => slot(0) && overlap,
            // A condition matches by the issue it names or, when the extractor could not name
            // one, by the words that state it.
            FactType::Conditions => slot(0) && slot(1) && (slot(2) || overlap),
            _ => (0..self.slots.len().max(predicted.slots.len())).all(slot),
        }
    }

    /// Whether two tuples are the same fact: the same values, and for the types matched by
    /// place, the same place.
    fn same_fact(&self, fact: FactType, other: &Self) -> bool {
        self.slots == other.slots
            && (!matches!(fact, FactType::EventTypes | FactType::Conditions)
                || self.place == other.place)
    }
}

/// Every tuple of one article, by fact type.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub tuples: HashMap<FactType, Vec<Tuple>>,
    /// Predicted actors, events, stances and dates only: the extractor's confidence in each
    /// tuple, in the order of `tuples` (the highest of the facts a tuple stands for).
    pub confidence: HashMap<FactType, Vec<f64>>,
}

impl Facts {
    #[must_use]
    pub fn get(&self, fact: FactType) -> &[Tuple] {
        self.tuples.get(&fact).map_or(&[], Vec::as_slice)
    }

    /// The tuples of `fact` with the extractor's confidence in each (none for gold facts).
    pub fn scored(&self, fact: FactType) -> impl Iterator<Item = (&Tuple, f64)> {
        self.get(fact)
            .iter()
            .zip(self.confidence.get(&fact).map_or(&[][..], Vec::as_slice))
            .map(|(t, c)| (t, *c))
    }

    /// Adds a predicted tuple with its confidence, keeping the higher one for a duplicate.
    fn add_scored(&mut self, fact: FactType, tuple: Tuple, confidence: f64) {
        let list = self.tuples.entry(fact).or_default();
        let scores = self.confidence.entry(fact).or_default();
        match list.iter().position(|t| t.same_fact(fact, &tuple)) {
            Some(i) => scores[i] = scores[i].max(confidence),
            None => {
                list.push(tuple);
                scores.push(confidence);
            }
        }
    }

    /// Adds a tuple unless the same fact is already there (facts are sets per article; a
    /// duplicate that is optional once and core once stays core).
    fn add(&mut self, fact: FactType, tuple: Tuple) {
        let list = self.tuples.entry(fact).or_default();
        if let Some(t) = list.iter_mut().find(|t| t.same_fact(fact, &tuple)) {
            t.optional &= tuple.optional;
        } else {
            list.push(tuple);
        }
    }
}

fn set<I: IntoIterator<Item = String>>(values: I) -> BTreeSet<String> {
    values.into_iter().collect()
}

/// The slug a name is compared by. An initialism written with dots is the same name as one
/// written without them ("U.S. State Department", "US State Department"), so the dots between
/// single letters go before slugifying, which would otherwise split "U.S." into "u-s".
fn slug(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let letter = |i: usize| chars.get(i).is_some_and(|c| c.is_alphabetic());
    let single = |i: usize| letter(i) && (i == 0 || !letter(i - 1)) && !letter(i + 1);
    let mut joined = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        // A dot after a single letter that another single letter follows ("U.S", "U.N").
        if c == '.' && i > 0 && single(i - 1) && single(i + 1) {
            continue;
        }
        joined.push(c);
    }
    slugify(&joined)
}

/// The keys an issue answers to: `dispute/issue`, and `*/issue` so that a bare alias (an issue
/// id without its dispute) can match it.
fn issue_keys(name: &str) -> BTreeSet<String> {
    let name = name.strip_prefix("disputes/").unwrap_or(name);
    let (dispute, issue) = match name.split_once("/issues/") {
        Some(parts) => parts,
        None => name.split_once('/').unwrap_or(("", name)),
    };
    let issue = slug(issue).unwrap_or_default();
    let mut keys = set([format!("*/{issue}")]);
    if let Some(d) = slug(dispute) {
        keys.insert(format!("{d}/{issue}"));
    }
    keys
}

/// The keys a gold issue accepts: its canonical name and its aliases (bare ones under any
/// dispute).
fn gold_issue_keys(issue: &str, aliases: &[String]) -> BTreeSet<String> {
    let mut keys = set([issue.to_owned()]);
    for a in aliases {
        match a.split_once('/') {
            Some(_) => keys.insert(a.clone()),
            None => keys.insert(format!("*/{}", slug(a).unwrap_or_default())),
        };
    }
    keys
}

fn type_key(name: &str, negated: bool) -> String {
    let t = name.to_ascii_lowercase();
    if negated { format!("not-{t}") } else { t }
}

fn normalize_date_text(t: &str) -> String {
    t.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The text around a byte span, cut at sentence ends, for a reader of the mistakes list.
#[must_use]
pub fn context(text: &str, start: usize, end: usize) -> String {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let from = before
        .rfind(['\n', '.', '?', '!'])
        .map_or(0, |i| i + 1)
        .max(start.saturating_sub(240));
    let to = after
        .find(['\n', '.', '?', '!'])
        .map_or(text.len(), |i| end + i + 1)
        .min(end + 240);
    let from = (0..=from)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let to = (to..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    text.get(from..to).unwrap_or("").trim().to_owned()
}

// ---------------------------------------------------------------- gold

struct GoldActors<'a> {
    article: &'a Article,
}

impl GoldActors<'_> {
    fn identity(a: &GoldActor) -> BTreeSet<String> {
        std::iter::once(&a.id)
            .chain(&a.aliases)
            .filter_map(|s| slug(s))
            .collect()
    }

    fn identity_of(&self, id: &str) -> BTreeSet<String> {
        self.article
            .actor(id)
            .map_or_else(|| set(slug(id)), Self::identity)
    }

    /// The state or organization an actor acts for: itself, or where its affiliations lead.
    fn rollup(&self, id: &str) -> String {
        let mut current = id;
        for _ in 0..8 {
            match self
                .article
                .actor(current)
                .and_then(|a| a.affiliation.as_deref())
            {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        current.to_owned()
    }
}

/// The gold article as tuples.
#[must_use]
pub fn gold_facts(article: &Article) -> Facts {
    let g = &article.gold;
    let actors = GoldActors { article };
    let place = |q: &str| article.locate(q);
    let mut facts = Facts::default();
    for a in &g.actors {
        let t = Tuple {
            slots: vec![GoldActors::identity(a)],
            place: place(&a.quote),
            optional: a.optional,
            label: a.id.clone(),
            quote: a.quote.clone(),
        };
        facts.add(FactType::Actors, t);
        if a.kind == polemos_core::model::ActorKind::Person
            && let Some(of) = &a.affiliation
        {
            let state = actors.rollup(of);
            let t = Tuple {
                slots: vec![GoldActors::identity(a), actors.identity_of(&state)],
                place: place(&a.quote),
                optional: a.optional,
                label: format!("{} of {state}", a.id),
                quote: a.quote.clone(),
            };
            facts.add(FactType::Affiliations, t);
        }
    }
    for e in &g.events {
        let types = set(e
            .event_type
            .items()
            .into_iter()
            .map(|t| type_key(t, e.negated)));
        let type_label = e.event_type.items().join("|").to_uppercase();
        let type_label = if e.negated {
            format!("not {type_label}")
        } else {
            type_label
        };
        let target = e.target.as_deref();
        let target_of =
            |id: Option<&str>| id.map_or_else(|| set(["-".to_owned()]), |t| actors.identity_of(t));
        let (src_state, tgt_state) = (actors.rollup(&e.source), target.map(|t| actors.rollup(t)));
        let common = |slots, label| Tuple {
            slots,
            place: place(&e.quote),
            optional: e.optional,
            label,
            quote: e.quote.clone(),
        };
        facts.add(
            FactType::Events,
            common(
                vec![
                    actors.identity_of(&src_state),
                    types.clone(),
                    target_of(tgt_state.as_deref()),
                ],
                format!(
                    "{src_state} {type_label} {}",
                    tgt_state.as_deref().unwrap_or("-")
                ),
            ),
        );
        facts.add(
            FactType::EventsActor,
            common(
                vec![
                    actors.identity_of(&e.source),
                    types.clone(),
                    target_of(target),
                ],
                format!("{} {type_label} {}", e.source, target.unwrap_or("-")),
            ),
        );
        facts.add(FactType::EventTypes, common(vec![types], type_label));
    }
    for s in &g.stances {
        let holder = actors.rollup(&s.holder);
        let issue = gold_issue_keys(&s.issue, &s.aliases);
        let label = serde_plain(&s.label);
        facts.add(
            FactType::Stances,
            Tuple {
                slots: vec![
                    actors.identity_of(&holder),
                    issue.clone(),
                    set([label.clone()]),
                ],
                place: place(&s.quote),
                optional: s.optional,
                label: format!("{holder} {label} {}", s.issue),
                quote: s.quote.clone(),
            },
        );
        for c in &s.conditions {
            facts.add(
                FactType::Conditions,
                Tuple {
                    slots: vec![
                        actors.identity_of(&holder),
                        issue.clone(),
                        gold_issue_keys(&c.issue, &c.aliases),
                    ],
                    place: place(&c.quote),
                    optional: s.optional,
                    label: format!("{holder} {} if {}", s.issue, c.issue),
                    quote: c.quote.clone(),
                },
            );
        }
    }
    for d in &g.disputes {
        let keys: BTreeSet<String> = std::iter::once(&d.id)
            .chain(&d.aliases)
            .filter_map(|s| slug(s))
            .collect();
        let common = |slots, label| Tuple {
            slots,
            place: place(&d.quote),
            optional: d.optional,
            label,
            quote: d.quote.clone(),
        };
        facts.add(FactType::Disputes, common(vec![keys.clone()], d.id.clone()));
        let (party, party_label) = match &d.framing {
            Some(f) => {
                let state = actors.rollup(f);
                (actors.identity_of(&state), state)
            }
            None => (set(["neutral".to_owned()]), "neutral".to_owned()),
        };
        facts.add(
            FactType::Framing,
            common(
                vec![keys, party],
                format!("{} framed by {party_label}", d.id),
            ),
        );
    }
    for d in &g.dates {
        facts.add(
            FactType::Dates,
            Tuple {
                slots: vec![
                    set([normalize_date_text(&d.text)]),
                    set([d.date.to_string()]),
                ],
                place: place(&d.quote),
                optional: d.optional,
                label: format!("{} = {}", d.text, d.date),
                quote: d.quote.clone(),
            },
        );
    }
    facts
}

fn serde_plain<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

// ---------------------------------------------------------------- extraction

struct Predicted<'a> {
    by_name: HashMap<&'a str, &'a ActorFact>,
}

impl Predicted<'_> {
    fn short(name: &str) -> &str {
        name.strip_prefix("actors/").unwrap_or(name)
    }

    fn identity(&self, name: &str) -> BTreeSet<String> {
        let mut keys = set(slug(Self::short(name)));
        if let Some(a) = self.by_name.get(name) {
            keys.extend(a.iso3.as_deref().and_then(slug));
            keys.extend(slug(&a.display_name));
        }
        keys
    }

    fn rollup<'n>(&'n self, name: &'n str) -> &'n str {
        let mut current = name;
        for _ in 0..8 {
            match self
                .by_name
                .get(current)
                .and_then(|a| a.affiliation.as_deref())
            {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        current
    }
}

/// An extraction as tuples.
#[must_use]
pub fn predicted_facts(x: &Extraction) -> Facts {
    let p = Predicted {
        by_name: x.actors.iter().map(|a| (a.name.as_str(), a)).collect(),
    };
    let text = x.text.as_str();
    let mut facts = Facts::default();
    for a in &x.actors {
        let (start, end) = a
            .mentions
            .first()
            .map_or((0, 0), |m| (m.span.start, m.span.end));
        let place = Some((start, end));
        let quote = context(text, start, end);
        facts.add_scored(
            FactType::Actors,
            Tuple {
                slots: vec![p.identity(&a.name)],
                place,
                optional: false,
                label: Predicted::short(&a.name).to_owned(),
                quote: quote.clone(),
            },
            a.confidence,
        );
        if a.kind == polemos_core::model::ActorKind::Person
            && let Some(of) = &a.affiliation
        {
            let state = p.rollup(of);
            facts.add(
                FactType::Affiliations,
                Tuple {
                    slots: vec![p.identity(&a.name), p.identity(state)],
                    place,
                    optional: false,
                    label: format!(
                        "{} of {}",
                        Predicted::short(&a.name),
                        Predicted::short(state)
                    ),
                    quote,
                },
            );
        }
    }
    for e in &x.events {
        let key = type_key(e.event_type.as_str(), e.negated);
        let type_label = if e.negated {
            format!("not {}", e.event_type.as_str())
        } else {
            e.event_type.as_str().to_owned()
        };
        let (place, quote) = e.evidence.first().map_or((None, String::new()), |ev| {
            (Some((ev.span.start, ev.span.end)), ev.quote.clone())
        });
        let none = ["-".to_owned()];
        let sources: Vec<&str> = if e.sources.is_empty() {
            vec!["-"]
        } else {
            e.sources.iter().map(String::as_str).collect()
        };
        let targets: Vec<&str> = if e.targets.is_empty() {
            vec!["-"]
        } else {
            e.targets.iter().map(String::as_str).collect()
        };
        let who = |n: &str| {
            if n == "-" {
                set(none.clone())
            } else {
                p.identity(n)
            }
        };
        for s in &sources {
            for t in &targets {
                let (ss, ts) = (
                    if *s == "-" { "-" } else { p.rollup(s) },
                    if *t == "-" { "-" } else { p.rollup(t) },
                );
                let tuple = |slots, a: &str, b: &str| Tuple {
                    slots,
                    place,
                    optional: false,
                    label: format!(
                        "{} {type_label} {}",
                        Predicted::short(a),
                        Predicted::short(b)
                    ),
                    quote: quote.clone(),
                };
                facts.add_scored(
                    FactType::Events,
                    tuple(vec![who(ss), set([key.clone()]), who(ts)], ss, ts),
                    e.confidence,
                );
                facts.add(
                    FactType::EventsActor,
                    tuple(vec![who(s), set([key.clone()]), who(t)], s, t),
                );
            }
        }
        for ev in &e.evidence {
            facts.add(
                FactType::EventTypes,
                Tuple {
                    slots: vec![set([key.clone()])],
                    place: Some((ev.span.start, ev.span.end)),
                    optional: false,
                    label: type_label.clone(),
                    quote: ev.quote.clone(),
                },
            );
        }
    }
    for s in &x.stances {
        let holder = p.rollup(&s.actor);
        let label = serde_plain(&s.label);
        let (place, quote) = s.evidence.first().map_or((None, String::new()), |ev| {
            (Some((ev.span.start, ev.span.end)), ev.quote.clone())
        });
        let issue_short = s
            .issue
            .strip_prefix("disputes/")
            .unwrap_or(&s.issue)
            .replace("/issues/", "/");
        facts.add_scored(
            FactType::Stances,
            Tuple {
                slots: vec![
                    p.identity(holder),
                    issue_keys(&s.issue),
                    set([label.clone()]),
                ],
                place,
                optional: false,
                label: format!("{} {label} {issue_short}", Predicted::short(holder)),
                quote: quote.clone(),
            },
            s.confidence,
        );
        for c in &s.conditions {
            let cond = c.issue.as_deref().map(issue_keys).unwrap_or_default();
            facts.add(
                FactType::Conditions,
                Tuple {
                    slots: vec![p.identity(holder), issue_keys(&s.issue), cond],
                    place: Some((c.span.start, c.span.end)),
                    optional: false,
                    label: format!(
                        "{} {issue_short} if {}",
                        Predicted::short(holder),
                        c.issue.as_deref().unwrap_or(&c.text)
                    ),
                    quote: c.text.clone(),
                },
            );
        }
    }
    for d in &x.disputes {
        let id = d.name.strip_prefix("disputes/").unwrap_or(&d.name);
        let keys = set(slug(id));
        let (place, quote) = d.mentions.first().map_or((None, String::new()), |m| {
            (
                Some((m.span.start, m.span.end)),
                context(text, m.span.start, m.span.end),
            )
        });
        let common = |slots, label| Tuple {
            slots,
            place,
            optional: false,
            label,
            quote: quote.clone(),
        };
        facts.add(
            FactType::Disputes,
            common(vec![keys.clone()], id.to_owned()),
        );
        let (party, party_label) = match &d.framing.dominant {
            Some(f) => (p.identity(f), Predicted::short(f).to_owned()),
            None => (set(["neutral".to_owned()]), "neutral".to_owned()),
        };
        facts.add(
            FactType::Framing,
            common(vec![keys, party], format!("{id} framed by {party_label}")),
        );
    }
    for d in &x.dates {
        let date = d.date.map_or_else(|| "?".to_owned(), |d| d.to_string());
        facts.add_scored(
            FactType::Dates,
            Tuple {
                slots: vec![set([normalize_date_text(&d.text)]), set([date.clone()])],
                place: Some((d.span.start, d.span.end)),
                optional: false,
                label: format!("{} = {date}", d.text),
                quote: context(text, d.span.start, d.span.end),
            },
            d.confidence,
        );
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn an_initialism_with_dots_is_the_same_name_as_without() {
        assert_eq!(
            slug("U.S. State Department"),
            slug("US-STATE-DEPARTMENT"),
            "dots between single letters"
        );
        assert_eq!(slug("U.N."), slug("UN"));
        // An initial in a person's name still splits it.
        assert_eq!(slug("Mark C. Toner").as_deref(), Some("mark-c-toner"));
        assert_eq!(slug("J.D. Vance").as_deref(), Some("jd-vance"));
    }
}
